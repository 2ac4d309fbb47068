//! Reading the gold set: entity markup (`[[kind|surface]]`), claim tables
//! (`key\tkind\tform\tspeaker\ttarget`) and the keys' places in the text.

use std::fs;
use std::path::{Path, PathBuf};

use newsclaims::EntityKind;

/// A labelled half-open byte range of a text: a gold or predicted mention.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Labelled {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// The entity kind's stable name (`person`, `place`, ...).
    pub kind: String,
}

impl Labelled {
    /// The range as a tuple.
    pub fn range(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// Strips `[[kind|surface]]` markup from an annotated text.
///
/// Returns the plain text and the gold mentions as byte ranges of it. Fails,
/// with the 1-based line, on unclosed or nested markup, a missing `|`, a
/// mention across a line break, an empty surface or an unknown kind.
pub fn parse_markup(source: &str) -> Result<(String, Vec<Labelled>), String> {
    let mut plain = String::with_capacity(source.len());
    let mut mentions = Vec::new();
    let mut rest = source;
    let mut line = 1;
    while let Some(open) = rest.find("[[") {
        let (before, after_open) = rest.split_at(open);
        check_no_stray(before, line)?;
        line += before.matches('\n').count();
        plain.push_str(before);
        let body_and_rest = after_open.get(2..).unwrap_or_default();
        let close = body_and_rest
            .find("]]")
            .ok_or_else(|| format!("line {line}: `[[` without `]]`"))?;
        let (body, after_body) = body_and_rest.split_at(close);
        if body.contains('\n') {
            return Err(format!("line {line}: mention crosses a line break"));
        }
        if body.contains("[[") {
            return Err(format!("line {line}: nested `[[`"));
        }
        let (kind, surface) = body
            .split_once('|')
            .ok_or_else(|| format!("line {line}: mention `{body}` has no `|`"))?;
        if surface.contains('|') {
            return Err(format!(
                "line {line}: mention `{body}` has more than one `|`"
            ));
        }
        if !EntityKind::ALL.iter().any(|k| k.as_str() == kind) {
            return Err(format!("line {line}: unknown kind `{kind}`"));
        }
        if surface.trim().is_empty() {
            return Err(format!("line {line}: empty surface in `{body}`"));
        }
        let start = plain.len();
        plain.push_str(surface);
        mentions.push(Labelled {
            start,
            end: plain.len(),
            kind: kind.to_string(),
        });
        rest = after_body.get(2..).unwrap_or_default();
    }
    check_no_stray(rest, line)?;
    plain.push_str(rest);
    Ok((plain, mentions))
}

/// Rejects a `]]` outside any mention, which means broken markup.
fn check_no_stray(text: &str, first_line: usize) -> Result<(), String> {
    match text.find("]]") {
        Some(at) => Err(format!(
            "line {}: `]]` without `[[`",
            first_line + text.get(..at).unwrap_or_default().matches('\n').count()
        )),
        None => Ok(()),
    }
}

/// One row of a claim table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldClaim {
    /// The verbatim substring that locates the claim.
    pub key: String,
    /// `statement`, `accusation`, `denial` or `prediction`.
    pub kind: String,
    /// `direct_quote`, `partial_quote`, `reported`, `according_to` or `unattributed`.
    pub form: String,
    /// The speaker, `None` for `-`.
    pub speaker: Option<String>,
    /// The target of an accusation or denial, `None` for `-`.
    pub target: Option<String>,
    /// The 1-based line of the row in the table, for messages.
    pub row: usize,
}

/// The header every claim table starts with.
pub const CLAIM_HEADER: &str = "key\tkind\tform\tspeaker\ttarget";

/// Parses a claim table: the header, then one claim a row; blank lines are skipped.
pub fn parse_claims_tsv(source: &str) -> Result<Vec<GoldClaim>, String> {
    let mut lines = source.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim_end_matches('\r') == CLAIM_HEADER => {}
        Some((_, header)) => return Err(format!("line 1: bad header `{header}`")),
        None => return Err("empty table".to_string()),
    }
    let mut rows = Vec::new();
    for (index, raw) in lines {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let row = index + 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [key, kind, form, speaker, target] = cols.as_slice() else {
            return Err(format!("line {row}: {} columns, expected 5", cols.len()));
        };
        if key.is_empty() {
            return Err(format!("line {row}: empty key"));
        }
        let dash = |v: &str| (v != "-" && !v.is_empty()).then(|| v.to_string());
        rows.push(GoldClaim {
            key: key.to_string(),
            kind: kind.to_string(),
            form: form.to_string(),
            speaker: dash(speaker),
            target: dash(target),
            row,
        });
    }
    Ok(rows)
}

/// Finds the byte range of `key` in `text`; it must occur exactly once.
pub fn locate_key(text: &str, key: &str) -> Result<(usize, usize), String> {
    let mut found = text.match_indices(key).map(|(at, _)| at);
    match (found.next(), found.next()) {
        (Some(at), None) => Ok((at, at + key.len())),
        (None, _) => Err(format!("key not found: `{key}`")),
        (Some(_), Some(_)) => Err(format!("key occurs more than once: `{key}`")),
    }
}

/// The files in `dir` whose names end with `.{ext}`, sorted by name.
pub fn list_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_file() && path.extension().is_some_and(|x| x == ext) {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("no .{ext} files in {}", dir.display()));
    }
    Ok(files)
}

/// Reads a UTF-8 file, naming it in the error.
pub fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The file name of `path`, for messages and article ids.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, kind: &str) -> Labelled {
        Labelled {
            start,
            end,
            kind: kind.to_string(),
        }
    }

    #[test]
    fn markup_is_stripped_with_byte_offsets() {
        let (plain, mentions) =
            parse_markup("[[person|Zoé Martin]] said “[[event|Fête]]” in [[place|Lyon]].\nEnd")
                .unwrap();
        assert_eq!(plain, "Zoé Martin said “Fête” in Lyon.\nEnd");
        assert_eq!(mentions.len(), 3);
        let surfaces: Vec<&str> = mentions.iter().map(|x| &plain[x.start..x.end]).collect();
        assert_eq!(surfaces, ["Zoé Martin", "Fête", "Lyon"]);
        // "Zoé Martin" is 11 bytes; “ is 3 bytes.
        assert_eq!(mentions[0], m(0, 11, "person"));
        assert_eq!(mentions[1], m(20, 25, "event"));
    }

    #[test]
    fn markup_without_mentions_is_unchanged() {
        let (plain, mentions) = parse_markup("No names “here” — at all.").unwrap();
        assert_eq!(plain, "No names “here” — at all.");
        assert!(mentions.is_empty());
    }

    #[test]
    fn markup_errors_name_the_line() {
        let bad = |s: &str| parse_markup(s).unwrap_err();
        assert!(bad("ok\n[[person|Ann").starts_with("line 2:"));
        assert!(bad("[[person Ann]]").contains("no `|`"));
        assert!(bad("[[thing|Ann]]").contains("unknown kind"));
        assert!(bad("[[person|An\nn]]").contains("line break"));
        assert!(bad("a\nb]] c").starts_with("line 2:"));
        assert!(bad("[[person|a|b]]").contains("more than one"));
        assert!(bad("[[person| ]]").contains("empty"));
    }

    #[test]
    fn claim_table_rows() {
        let rows = parse_claims_tsv(
            "key\tkind\tform\tspeaker\ttarget\n\
             we will not sign this\tdenial\treported\tOmar Haddad\tEgypt\r\n\
             \n\
             floods killed 1,700 people\tstatement\tunattributed\t-\t-\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].speaker.as_deref(), Some("Omar Haddad"));
        assert_eq!(rows[0].target.as_deref(), Some("Egypt"));
        assert_eq!(rows[1].speaker, None);
        assert_eq!(rows[1].row, 4);
    }

    #[test]
    fn claim_table_errors() {
        assert!(parse_claims_tsv("").is_err());
        assert!(parse_claims_tsv("key\tkind\n")
            .unwrap_err()
            .contains("header"));
        let short = format!("{CLAIM_HEADER}\nonly\ttwo\n");
        assert!(parse_claims_tsv(&short).unwrap_err().starts_with("line 2:"));
    }

    #[test]
    fn keys_are_located_in_bytes() {
        let text = "Café “owner” said the deal is off. The deal is off.";
        let (s, e) = locate_key(text, "owner” said").unwrap();
        assert_eq!(&text[s..e], "owner” said");
        assert_eq!(s, "Café “".len());
        assert!(locate_key(text, "deal is off")
            .unwrap_err()
            .contains("more than once"));
        assert!(locate_key(text, "absent")
            .unwrap_err()
            .contains("not found"));
    }
}
