//! `check`: offline validation of every list in `data/`.
//!
//! The rules are the contract the core library relies on when it parses
//! the embedded files at first use: a `#` header block at the top and no
//! comments after it, tab-separated columns of a fixed count, no empty
//! field, no stray spaces, `|` lists without empty items, lines in byte
//! order (so a lookup may binary-search), unique keys, UTF-8, `\n` ends.

use std::fs;
use std::path::Path;

use crate::spec::{self, FileSpec, LIST_SEP, NONE, TITLE_KINDS};
use crate::{Error, Result};

/// Checks every file in `data_dir` (and `data_dir/overrides`), printing one
/// line per file; fails listing every problem found.
///
/// ```no_run
/// newsclaims_datagen::check::run(&newsclaims_datagen::data_dir()).unwrap();
/// ```
pub fn run(data_dir: &Path) -> Result<()> {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for sub in ["", "overrides"] {
        let dir = data_dir.join(sub);
        if !dir.is_dir() {
            continue;
        }
        let mut names: Vec<String> = fs::read_dir(&dir)?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tsv") || n.ends_with(".txt"))
            .collect();
        names.sort();
        for name in names {
            let rel = if sub.is_empty() {
                name
            } else {
                format!("{sub}/{name}")
            };
            let Some(spec) = spec::find(&rel) else {
                problems.push(format!("{rel}: unknown file (add it to spec::FILES)"));
                continue;
            };
            seen.push(spec.name);
            let bytes = fs::read(data_dir.join(&rel))?;
            match check_bytes(spec, &bytes) {
                Ok(n) => println!("ok  {rel} ({n} entries, {} bytes)", bytes.len()),
                Err(errs) => problems.extend(errs.into_iter().map(|e| format!("{rel}: {e}"))),
            }
        }
    }
    for spec in spec::FILES {
        if !spec.name.starts_with("overrides/") && !seen.contains(&spec.name) {
            problems.push(format!("{}: missing", spec.name));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "{} problem(s) in {}:\n  {}",
            problems.len(),
            data_dir.display(),
            problems.join("\n  ")
        )))
    }
}

/// Checks one file's bytes against its spec; returns the number of entries
/// or every problem found (each with its line number).
///
/// ```
/// use newsclaims_datagen::{check::check_bytes, spec};
/// let s = spec::find("cities.tsv").unwrap();
/// assert_eq!(check_bytes(s, b"# src\nParis\tFR\nRome\tIT\n"), Ok(2));
/// assert!(check_bytes(s, b"# src\nRome\tIT\nParis\tFR\n").is_err());
/// ```
pub fn check_bytes(spec: &FileSpec, bytes: &[u8]) -> std::result::Result<usize, Vec<String>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(vec![format!("not UTF-8 at byte {}", e.valid_up_to())]),
    };
    let mut errs = Vec::new();
    if text.is_empty() {
        return Err(vec!["empty file".into()]);
    }
    if !text.ends_with('\n') {
        errs.push("last line does not end with \\n".into());
    }
    if text.contains('\r') {
        errs.push("contains \\r (use \\n line ends)".into());
    }
    if text.starts_with('\u{feff}') {
        errs.push("starts with a byte-order mark".into());
    }
    let mut lines = text.lines().enumerate().peekable();
    let mut header = 0;
    while let Some((_, line)) = lines.peek() {
        if !line.starts_with('#') {
            break;
        }
        header += 1;
        lines.next();
    }
    if header == 0 {
        errs.push("line 1: missing `#` header naming source, version and licence".into());
    }
    let mut prev: Option<&str> = None;
    let mut count = 0;
    for (i, line) in lines {
        let n = i + 1;
        if let Err(e) = check_line(spec, line) {
            errs.push(format!("line {n}: {e}"));
            continue;
        }
        count += 1;
        if let Some(p) = prev {
            if key(spec, p) == key(spec, line) {
                errs.push(format!("line {n}: duplicate key {:?}", key(spec, line)));
            } else if spec.sorted && p >= line {
                errs.push(format!("line {n}: not sorted ({line:?} after {p:?})"));
            }
        }
        prev = Some(line);
    }
    if !spec.sorted {
        // Unsorted (override) files: duplicates need not be adjacent.
        let mut keys: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| key(spec, l))
            .collect();
        keys.sort_unstable();
        for w in keys.windows(2) {
            if let [a, b] = w {
                if a == b {
                    errs.push(format!("duplicate key {a:?}"));
                }
            }
        }
    }
    if count == 0 {
        errs.push("no entries".into());
    }
    if errs.is_empty() {
        Ok(count)
    } else {
        Err(errs)
    }
}

/// The key part of a line: its first `key_columns` tab-separated fields.
fn key<'a>(spec: &FileSpec, line: &'a str) -> &'a str {
    match line
        .match_indices('\t')
        .nth(spec.key_columns.saturating_sub(1))
    {
        Some((at, _)) => line.get(..at).unwrap_or(line),
        None => line,
    }
}

/// Checks one data line: columns, fields, list items, title kinds.
fn check_line(spec: &FileSpec, line: &str) -> std::result::Result<(), String> {
    if line.is_empty() {
        return Err("blank line".into());
    }
    if line.starts_with('#') {
        return Err("comment after the data started (comments go in the header)".into());
    }
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != spec.columns.len() {
        return Err(format!(
            "{} column(s), expected {} ({})",
            fields.len(),
            spec.columns.len(),
            spec.columns.join(", ")
        ));
    }
    for (c, f) in fields.iter().enumerate() {
        let col = spec.columns.get(c).copied().unwrap_or("?");
        if f.is_empty() {
            return Err(format!("empty field `{col}` (write `-` for none)"));
        }
        if f.trim() != *f || f.contains("  ") {
            return Err(format!("stray spaces in `{col}`: {f:?}"));
        }
        if f.chars().any(char::is_control) {
            return Err(format!("control character in `{col}`"));
        }
        if *f == NONE && !spec.optional_columns.contains(&c) {
            return Err(format!("`{col}` may not be `-`"));
        }
        if spec.list_columns.contains(&c) && *f != NONE {
            let items: Vec<&str> = f.split(LIST_SEP).collect();
            for item in &items {
                if item.is_empty() || item.trim() != *item {
                    return Err(format!("empty or padded item in list `{col}`: {f:?}"));
                }
            }
            let mut sorted = items.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() != items.len() {
                return Err(format!("repeated item in list `{col}`: {f:?}"));
            }
        } else if !spec.list_columns.contains(&c) && f.contains(LIST_SEP) {
            return Err(format!("`|` in non-list column `{col}`"));
        }
    }
    if spec.name.ends_with("titles.tsv") {
        if let Some(kind) = fields.get(1) {
            let removal = spec.name.starts_with("overrides/") && *kind == NONE;
            if !removal && !TITLE_KINDS.contains(kind) {
                return Err(format!(
                    "unknown kind {kind:?} (one of {})",
                    TITLE_KINDS.join(", ")
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str) -> &'static FileSpec {
        spec::find(name).unwrap()
    }

    fn errs(name: &str, text: &str) -> String {
        check_bytes(spec(name), text.as_bytes())
            .unwrap_err()
            .join("\n")
    }

    #[test]
    fn accepts_a_good_countries_file() {
        let t = "# from x\n# columns\nFrance\tFR\t-\tParis\tFrench\nNorth Korea\tKP\tDPRK\tPyongyang\tNorth Korean|North Koreans\n";
        assert_eq!(check_bytes(spec("countries.tsv"), t.as_bytes()), Ok(2));
    }

    #[test]
    fn rejects_missing_header() {
        assert!(errs("first_names.txt", "Anna\nBob\n").contains("header"));
    }

    #[test]
    fn rejects_wrong_column_count() {
        assert!(errs("cities.tsv", "# h\nParis\n").contains("1 column(s), expected 2"));
    }

    #[test]
    fn rejects_unsorted_and_duplicates() {
        assert!(errs("first_names.txt", "# h\nBob\nAnna\n").contains("not sorted"));
        assert!(errs("first_names.txt", "# h\nAnna\nAnna\n").contains("duplicate"));
        assert!(errs("titles.tsv", "# h\nmayor\toffice\nmayor\thonorific\n").contains("duplicate"));
    }

    #[test]
    fn rejects_empty_fields_and_items() {
        assert!(errs("cities.tsv", "# h\nParis\t\n").contains("empty field"));
        assert!(errs("countries.tsv", "# h\nFrance\tFR\ta||b\tParis\t-\n").contains("empty"));
        assert!(errs("cities.tsv", "# h\nParis \tFR\n").contains("stray spaces"));
        assert!(errs("cities.tsv", "# h\n-\tFR\n").contains("may not be"));
    }

    #[test]
    fn rejects_bad_utf8_crlf_and_late_comments() {
        let bad = check_bytes(spec("first_names.txt"), b"# h\nAn\xffna\n").unwrap_err();
        assert!(bad[0].contains("UTF-8"));
        assert!(errs("first_names.txt", "# h\r\nAnna\r\n").contains("\\r"));
        assert!(errs("first_names.txt", "# h\nAnna\n# late\nBob\n").contains("comment"));
        assert!(errs("first_names.txt", "# h\nAnna").contains("\\n"));
    }

    #[test]
    fn checks_title_kinds() {
        assert!(errs("titles.tsv", "# h\nmayor\tboss\n").contains("unknown kind"));
        let o = "# h\nduke\t-\n";
        assert_eq!(
            check_bytes(spec("overrides/titles.tsv"), o.as_bytes()),
            Ok(1)
        );
    }

    #[test]
    fn override_files_may_be_unsorted_but_not_duplicated() {
        let s = spec("overrides/cities.tsv");
        assert_eq!(check_bytes(s, b"# h\nRome\tIT\nKiev\tUA\n"), Ok(2));
        assert!(check_bytes(s, b"# h\nRome\tIT\nKiev\tUA\nRome\tIT\n").is_err());
    }

    #[test]
    fn key_takes_leading_columns() {
        assert_eq!(key(spec("titles.tsv"), "mayor\toffice"), "mayor");
        assert_eq!(key(spec("cities.tsv"), "Paris\tFR"), "Paris\tFR");
        assert_eq!(key(spec("first_names.txt"), "Anna"), "Anna");
    }
}
