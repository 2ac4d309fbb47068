//! The shape tests for lines of an article's head and body: headline, standfirst,
//! publication line, section heading.
//!
//! All are decided by the line's shape (length, final punctuation, case), never
//! by its words, so they hold for any story.

use std::sync::OnceLock;

use regex::Regex;

use crate::{month_number, Date};

/// The most words a headline has.
const MAX_TITLE_WORDS: usize = 30;
/// The most words a section heading has.
const MAX_HEADING_WORDS: usize = 12;

/// Whether a line ends a sentence: a final `.`, `!`, `?`, `:` or `…`, before any
/// closing quotes or brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']'])
        .ends_with(['.', '!', '?', ':', ';', ',', '\u{2026}'])
}

/// Whether `line` reads as a headline: not too long, no final full stop (a short
/// question or exclamation is allowed).
pub(crate) fn is_title(line: &str) -> bool {
    let words = line.split_whitespace().take(MAX_TITLE_WORDS + 1).count();
    if words == 0 || words > MAX_TITLE_WORDS || !starts_capitalised(line) {
        return false;
    }
    let stripped = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}']);
    if stripped.ends_with(['?', '!']) {
        return words <= 20;
    }
    !ends_sentence(line)
}

/// Whether `line` reads as a standfirst under the headline: a sentence or two
/// that does not end in a full stop, or that the caller's layout marks as one.
pub(crate) fn is_standfirst(line: &str, before_byline: bool) -> bool {
    let words = line.split_whitespace().take(61).count();
    if !(4..=60).contains(&words) || !starts_capitalised(line) {
        return false;
    }
    before_byline || !ends_sentence(line)
}

/// Whether `line` reads as a section heading inside the body: an all-capitals
/// line, or a short line without final punctuation.
pub(crate) fn is_heading(line: &str) -> bool {
    // Most body lines end a sentence: that test, from the end, goes first.
    if ends_sentence(line) || !starts_capitalised(line) {
        return false;
    }
    let words = line.split_whitespace().take(MAX_HEADING_WORDS + 1).count();
    if words == 0 || words > MAX_HEADING_WORDS {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 3 && upper == letters {
        return true;
    }
    // Quoted speech or a dash-joined clause is prose, not a heading.
    words <= 10 && line.len() <= 90 && !line.contains(['\u{201C}', '"', '\u{2013}', '\u{2014}'])
}

fn starts_capitalised(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The date of a publication line ("Published: July 28, 2023 10:31 GMT",
/// "28 July 2023", "Updated 2023-07-28"), if `line` is one.
pub(crate) fn parse_published(line: &str) -> Option<Date> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| {
            Regex::new(
                r"(?ix)^(?:(?:published|updated|posted|last\ updated|date)(?:\ on)?\s*:?\s*)?
                (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
                (?:(?P<m1>[a-z]{3,9}\.?)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})
                  |(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3,9}\.?),?\s+(?P<y2>\d{4})
                  |(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))
                (?:[\sT,|]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[a-z]{2,4})?(?:\s+[A-Z]{2,5})?)?\s*$",
            )
            .ok()
        })
        .as_ref()?;
    if line.len() > 80 {
        return None;
    }
    let caps = re.captures(line)?;
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(y) = number("y1") {
        (y, month_number(caps.name("m1")?.as_str())?, number("d1")?)
    } else if let Some(y) = number("y2") {
        (y, month_number(caps.name("m2")?.as_str())?, number("d2")?)
    } else {
        (number("y3")?, number("m3")?, number("d3")?)
    };
    Date::new(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert!(is_title("Talks Collapse as Envoys Walk Out"));
        assert!(is_title("Vietnam, Japan agree on patrols"));
        assert!(is_title("Is the Strait Safe?"));
        assert!(is_title("Manila’s ‘Harbor Day’ Draws Envoys"));
        assert!(!is_title("Just last week, the strait reopened to traffic."));
        assert!(!is_title(
            "\u{201C}We will not sign,\u{201D} the minister said."
        ));
    }

    #[test]
    fn headings() {
        assert!(is_heading("MILLIONS IN POVERTY"));
        assert!(is_heading("Envoy lays a wreath"));
        assert!(!is_heading("The envoy laid a wreath."));
        assert!(!is_heading(
            "Officials said the ship \u{201C}had no papers\u{201D}"
        ));
        assert!(!is_heading("a lower-case line"));
    }

    #[test]
    fn publication_lines() {
        assert_eq!(
            parse_published("Published: July 28, 2023 10:31 GMT"),
            Date::new(2023, 7, 28)
        );
        assert_eq!(parse_published("28 July 2023"), Date::new(2023, 7, 28));
        assert_eq!(
            parse_published("Updated 2023-07-28"),
            Date::new(2023, 7, 28)
        );
        assert_eq!(
            parse_published("Friday, March 6, 2026"),
            Date::new(2026, 3, 6)
        );
        assert_eq!(parse_published("July 28, 2023, the envoys met."), None);
        assert_eq!(parse_published("Foo 28, 2023"), None);
    }
}
