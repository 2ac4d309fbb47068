//! Small text helpers shared by the builders: reading and writing lists,
//! folding accents, telling Latin-script names, forming demonym plurals.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::Result;

/// Writes a list file: the `#` header lines, then the lines sorted in byte
/// order with duplicates removed, each ending in `\n`.
///
/// ```
/// let dir = std::env::temp_dir().join("ncdg-doc-write");
/// std::fs::create_dir_all(&dir).unwrap();
/// let p = dir.join("x.txt");
/// newsclaims_datagen::text::write_list(&p, &["# h"], vec!["b".into(), "a".into(), "b".into()]).unwrap();
/// assert_eq!(std::fs::read_to_string(&p).unwrap(), "# h\na\nb\n");
/// ```
pub fn write_list(path: &Path, header: &[&str], lines: Vec<String>) -> Result<()> {
    let set: BTreeSet<String> = lines.into_iter().collect();
    let mut out = String::new();
    for h in header {
        debug_assert!(h.starts_with('#'));
        out.push_str(h);
        out.push('\n');
    }
    for line in set {
        out.push_str(&line);
        out.push('\n');
    }
    fs::write(path, out)?;
    Ok(())
}

/// Reads the data lines of a list file, skipping `#` lines and blank lines.
/// A missing file reads as empty (overrides are optional).
///
/// ```
/// use newsclaims_datagen::text::data_lines;
/// assert_eq!(data_lines("# h\na\tb\n\nc\n"), vec![vec!["a", "b"], vec!["c"]]);
/// ```
pub fn data_lines(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect()
}

/// Reads a file to a string, or an empty string if it does not exist.
///
/// ```
/// let s = newsclaims_datagen::text::read_optional(std::path::Path::new("/no/such/file")).unwrap();
/// assert!(s.is_empty());
/// ```
pub fn read_optional(path: &Path) -> Result<String> {
    match fs::read_to_string(path) {
        Ok(s) => Ok(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(crate::Error::new(format!("{}: {e}", path.display()))),
    }
}

/// Pairs of (accented letters, plain letter) used by [`fold_ascii`].
const FOLDS: &[(&str, &str)] = &[
    ("ÀÁÂÃÄÅĀĂĄẠẢẤẦẨẪẬẮẰẲẴẶ", "A"),
    ("àáâãäåāăąạảấầẩẫậắằẳẵặ", "a"),
    ("ÇĆĈĊČ", "C"),
    ("çćĉċč", "c"),
    ("ĎĐḌ", "D"),
    ("ďđḍ", "d"),
    ("ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ", "E"),
    ("èéêëēĕėęěẹẻẽếềểễệ", "e"),
    ("ĜĞĠĢ", "G"),
    ("ĝğġģ", "g"),
    ("ĤĦḤḨḪ", "H"),
    ("ĥħḥḩḫ", "h"),
    ("ÌÍÎÏĨĪĬĮİỈỊ", "I"),
    ("ìíîïĩīĭįıỉị", "i"),
    ("Ĵ", "J"),
    ("ĵ", "j"),
    ("Ķ", "K"),
    ("ķ", "k"),
    ("ĹĻĽĿŁ", "L"),
    ("ĺļľŀł", "l"),
    ("ÑŃŅŇ", "N"),
    ("ñńņň", "n"),
    ("ÒÓÔÕÖØŌŎŐƠỌỎỐỒỔỖỘỚỜỞỠỢ", "O"),
    ("òóôõöøōŏőơọỏốồổỗộớờởỡợ", "o"),
    ("ŔŖŘ", "R"),
    ("ŕŗř", "r"),
    ("ŚŜŞŠȘṢ", "S"),
    ("śŝşšșṣ", "s"),
    ("ŢŤŦȚṬ", "T"),
    ("ţťŧțṭ", "t"),
    ("ÙÚÛÜŨŪŬŮŰŲƯỤỦỨỪỬỮỰ", "U"),
    ("ùúûüũūŭůűųưụủứừửữự", "u"),
    ("Ŵ", "W"),
    ("ŵ", "w"),
    ("ÝŶŸỲỴỶỸ", "Y"),
    ("ýÿŷỳỵỷỹ", "y"),
    ("ŹŻŽẒ", "Z"),
    ("źżžẓ", "z"),
    ("ß", "ss"),
    ("Æ", "AE"),
    ("æ", "ae"),
    ("Œ", "OE"),
    ("œ", "oe"),
    // Typographic apostrophes and the ʻokina: news copy uses a plain one.
    ("’‘ʼʻ", "'"),
];

/// Replaces accented Latin letters by plain ones ("São Paulo" → "Sao Paulo")
/// and curly apostrophes by `'`, as English-language news usually prints
/// them. Other characters are kept.
///
/// ```
/// use newsclaims_datagen::text::fold_ascii;
/// assert_eq!(fold_ascii("São Paulo"), "Sao Paulo");
/// assert_eq!(fold_ascii("Đống Đa"), "Dong Da");
/// assert_eq!(fold_ascii("Şanlıurfa"), "Sanliurfa");
/// assert_eq!(fold_ascii("Xi’an"), "Xi'an");
/// assert_eq!(fold_ascii("東京"), "東京");
/// ```
pub fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match FOLDS.iter().find(|(from, _)| from.contains(c)) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// Whether a name is written in Latin script: letters (Basic Latin through
/// Latin Extended Additional), spaces, hyphens, apostrophes and periods only,
/// starting with a letter.
///
/// ```
/// use newsclaims_datagen::text::is_latin;
/// assert!(is_latin("Zoë"));
/// assert!(is_latin("Ho Chi Minh City"));
/// assert!(!is_latin("Москва"));
/// assert!(!is_latin("'t"));
/// ```
pub fn is_latin(s: &str) -> bool {
    let latin_letter = |c: char| {
        c.is_ascii_alphabetic()
            || (c.is_alphabetic()
                && matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
                && c != '×'
                && c != '÷')
    };
    s.chars().next().is_some_and(latin_letter)
        && s.chars()
            .all(|c| latin_letter(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

/// Whether a given name looks like one: Latin script, an upper-case first
/// letter, then at least one lower-case letter, no spaces or periods.
///
/// ```
/// use newsclaims_datagen::text::is_given_name;
/// assert!(is_given_name("Mary-Jane"));
/// assert!(is_given_name("Zoë"));
/// assert!(!is_given_name("JR"));
/// assert!(!is_given_name("COmfort"));
/// assert!(is_given_name("McKenzie"));
/// assert!(!is_given_name("Ann Marie"));
/// ```
pub fn is_given_name(s: &str) -> bool {
    is_latin(s)
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().nth(1).is_some_and(char::is_uppercase)
        && s.chars().skip(1).any(char::is_lowercase)
        && !s.contains([' ', '.'])
        && s.chars().last().is_some_and(char::is_alphabetic)
}

/// The plural noun form of a demonym adjective when it is the adjective
/// plus "s" (American → Americans, Israeli → Israelis, Thai → Thais), or
/// `None` when English uses another form (Chinese, British, Dutch, Swiss,
/// Danish → Danes: those come from the overrides).
///
/// ```
/// use newsclaims_datagen::text::demonym_plural;
/// assert_eq!(demonym_plural("North Korean").as_deref(), Some("North Koreans"));
/// assert_eq!(demonym_plural("Chinese"), None);
/// assert_eq!(demonym_plural("British"), None);
/// assert_eq!(demonym_plural("Swiss"), None);
/// ```
pub fn demonym_plural(adjective: &str) -> Option<String> {
    const NO_S: &[&str] = &["ese", "ish", "ch", "sh", "s", "x", "z", "y", "ic"];
    if NO_S.iter().any(|e| adjective.ends_with(e)) {
        return None;
    }
    let last = adjective.chars().last()?;
    last.is_lowercase().then(|| format!("{adjective}s"))
}

/// Splits a `|` list into items, trimming them and dropping empty ones;
/// `-` reads as the empty list.
///
/// ```
/// use newsclaims_datagen::text::split_list;
/// assert_eq!(split_list("a| b|"), vec!["a", "b"]);
/// assert!(split_list("-").is_empty());
/// ```
pub fn split_list(s: &str) -> Vec<&str> {
    if s == crate::spec::NONE {
        return Vec::new();
    }
    s.split(crate::spec::LIST_SEP)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// Joins items with `|` keeping first-seen order and dropping repeats;
/// the empty list is written `-`.
///
/// ```
/// use newsclaims_datagen::text::join_list;
/// assert_eq!(join_list(&["a".to_string(), "b".into(), "a".into()]), "a|b");
/// assert_eq!(join_list(&[]), "-");
/// ```
pub fn join_list(items: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for i in items {
        if !i.is_empty() && !seen.contains(&i.as_str()) {
            seen.push(i);
        }
    }
    if seen.is_empty() {
        crate::spec::NONE.to_string()
    } else {
        seen.join("|")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table_pairs_single_letters() {
        for (from, to) in FOLDS {
            assert!(!from.is_empty() && !to.is_empty());
            assert!(to.is_ascii());
            assert!(!from.is_ascii());
        }
        assert_eq!(fold_ascii("Zürich Bogotá Kraków"), "Zurich Bogota Krakow");
    }

    #[test]
    fn plurals() {
        assert_eq!(demonym_plural("Israeli").as_deref(), Some("Israelis"));
        assert_eq!(demonym_plural("Filipino").as_deref(), Some("Filipinos"));
        assert_eq!(demonym_plural("Icelandic"), None);
        assert_eq!(demonym_plural("Malagasy"), None);
    }
}
