//! Bylines: "By A. B. Name, Chief Correspondent Some Outlet", "by some outlet",
//! "By Name and Name".
//!
//! The line is cut at commas and "and"; each piece is a name (capitalised words,
//! initials, particles), a role (ending in a job word such as "Correspondent",
//! with an outlet possibly following it) or an outlet (a piece ending in a word
//! such as "News" or "Times", or a byline written all in lower case, which is how
//! sites print their own name).

use crate::Author;

/// What a byline line says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The people credited, in order.
    pub authors: Vec<Author>,
    /// The outlet named in the byline, if any.
    pub outlet: Option<String>,
}

/// Words that end a journalist's role ("Senior Asia Correspondent").
const ROLE_HEADS: &[&str] = &[
    "analyst",
    "chief",
    "columnist",
    "contributor",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "fellow",
    "intern",
    "journalist",
    "photographer",
    "producer",
    "reporter",
    "reporters",
    "staff",
    "writer",
    "writers",
];

/// Words that end an outlet's name ("Worthy News", "The Daily Herald").
const OUTLET_HEADS: &[&str] = &[
    "agency",
    "bulletin",
    "channel",
    "chronicle",
    "courier",
    "daily",
    "digest",
    "dispatch",
    "express",
    "gazette",
    "globe",
    "guardian",
    "herald",
    "journal",
    "ledger",
    "magazine",
    "media",
    "monitor",
    "network",
    "news",
    "newswire",
    "observer",
    "online",
    "post",
    "press",
    "radio",
    "report",
    "review",
    "sentinel",
    "star",
    "telegraph",
    "times",
    "today",
    "tribune",
    "tv",
    "wire",
];

/// Particles allowed in lower case inside a name.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "la", "le", "van",
    "von",
];

/// Prefixes that introduce a byline, lower case.
const PREFIXES: &[&str] = &[
    "by ",
    "written by ",
    "words by ",
    "reporting by ",
    "story by ",
];

/// Parses `line` as a byline, if it is one.
pub(crate) fn parse_byline(line: &str) -> Option<Byline> {
    // The prefixes are ASCII, so comparing the line's first bytes ignoring
    // ASCII case is the same as lower-casing the whole line first.
    let prefix = PREFIXES.iter().find(|p| {
        line.as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    })?;
    let rest = line.get(prefix.len()..)?.trim();
    if rest.is_empty() || rest.split_whitespace().take(21).count() > 20 {
        return None;
    }
    if !rest.chars().any(char::is_uppercase) {
        // Sites print their own name in lower case: "by time news".
        return is_outlet(rest).then(|| Byline {
            authors: Vec::new(),
            outlet: Some(rest.to_string()),
        });
    }
    let mut byline = Byline::default();
    for piece in pieces(rest) {
        if let Some((role, outlet)) = split_role(piece) {
            match byline.authors.last_mut() {
                Some(author) if author.role.is_none() => author.role = Some(role),
                _ => {}
            }
            if let Some(outlet) = outlet {
                byline.outlet = Some(outlet);
            }
        } else if is_outlet(piece) {
            byline.outlet = Some(piece.to_string());
        } else if is_name(piece) {
            byline.authors.push(Author {
                name: piece.to_string(),
                role: None,
            });
        } else if byline.authors.is_empty() {
            return None;
        } else {
            // After the names, an unrecognised piece is most likely the outlet.
            byline.outlet = Some(piece.to_string());
        }
    }
    (!byline.authors.is_empty() || byline.outlet.is_some()).then_some(byline)
}

/// Cuts a byline at commas, semicolons, "and" and "&".
fn pieces(rest: &str) -> impl Iterator<Item = &str> {
    rest.split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Splits "Chief International Correspondent Worthy News" into the role and the
/// outlet after it.
fn split_role(piece: &str) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let last_role = words
        .iter()
        .rposition(|w| ROLE_HEADS.contains(&w.to_lowercase().trim_end_matches('.')))?;
    let role = words.get(..=last_role)?.join(" ");
    let outlet = words.get(last_role + 1..).map(|w| w.join(" "));
    let outlet = outlet
        .map(|o| {
            o.trim_start_matches("at ")
                .trim_start_matches("for ")
                .to_string()
        })
        .filter(|o| !o.is_empty());
    Some((role, outlet))
}

/// Whether a piece reads as an outlet's name.
fn is_outlet(piece: &str) -> bool {
    piece
        .split_whitespace()
        .last()
        .is_some_and(|w| OUTLET_HEADS.contains(&w.to_lowercase().as_str()))
}

/// Whether a piece reads as a person's name: one to five words, each capitalised,
/// an initial, or a particle, with at least one capitalised word.
fn is_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let mut capitals = 0;
    for word in &words {
        let bare = word.trim_end_matches('.');
        let first = bare.chars().next();
        if first.is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
        {
            capitals += 1;
        } else if !PARTICLES.contains(&bare.split('-').next().unwrap_or(bare)) {
            return false;
        }
    }
    capitals > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author(name: &str, role: Option<&str>) -> Author {
        Author {
            name: name.into(),
            role: role.map(Into::into),
        }
    }

    #[test]
    fn name_role_and_outlet() {
        let b = parse_byline("By Lena K. Marsh, Senior Asia Correspondent Harbor Ledger").unwrap();
        assert_eq!(
            b.authors,
            [author("Lena K. Marsh", Some("Senior Asia Correspondent"))]
        );
        assert_eq!(b.outlet.as_deref(), Some("Harbor Ledger"));
    }

    #[test]
    fn lower_case_outlet() {
        let b = parse_byline("by meridian wire").unwrap();
        assert!(b.authors.is_empty());
        assert_eq!(b.outlet.as_deref(), Some("meridian wire"));
    }

    #[test]
    fn several_authors() {
        let b = parse_byline("By Ana Ruiz and Tomas de la Vega").unwrap();
        assert_eq!(
            b.authors,
            [author("Ana Ruiz", None), author("Tomas de la Vega", None)]
        );
        let b = parse_byline("By Kim Ha-eun, Omar al-Masri & Jo Park, The Coastal Times").unwrap();
        assert_eq!(b.authors.len(), 3);
        assert_eq!(b.outlet.as_deref(), Some("The Coastal Times"));
    }

    #[test]
    fn outlet_only() {
        let b = parse_byline("By Worthy Daily News").unwrap();
        assert!(b.authors.is_empty());
        assert_eq!(b.outlet.as_deref(), Some("Worthy Daily News"));
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert_eq!(
            parse_byline("By the end of the week, the talks had collapsed and the envoys left."),
            None
        );
        assert_eq!(parse_byline("By contrast"), None);
    }
}
