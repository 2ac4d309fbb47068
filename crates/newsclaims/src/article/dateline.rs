//! Datelines at the head of the first paragraph: "SEOUL/TOKYO (Outlet) –",
//! "HANOI, March 4 (Agency) -", "Manila, March 4 (Agency) –", "GENEVA —".
//!
//! A place in capitals needs a dash or an agency after it; a place in title case
//! needs a date and an agency, so that a sentence starting with a city name is
//! never taken for a dateline.

use std::sync::OnceLock;

use regex::Regex;

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FoundDateline {
    /// Bytes of the dateline in the paragraph, dash and trailing space included.
    pub len: usize,
    /// The dateline's text without the trailing space.
    pub text_len: usize,
    /// The places, in title case ("Pyongyang", "New York").
    pub places: Vec<String>,
    /// The outlet or agency in brackets, if any.
    pub agency: Option<String>,
}

const MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}";

fn capitals_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let place = r"[A-Z][A-Z'’.\-]*(?:\s[A-Z][A-Z'’.\-]*){0,3}";
        Regex::new(&format!(
            r"^(?P<places>{place}(?:\s*/\s*{place})*)(?:,\s*(?:[A-Z][a-zA-Z.]+\s?){{1,3}})?(?:,\s*{MONTH})?\s*(?:\((?P<agency>[^()\n]{{1,60}})\))?\s*(?P<dash>[–—-]{{1,2}}|:)\s+"
        ))
        .ok()
    })
    .as_ref()
}

fn title_case_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?P<places>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}),\s*{MONTH}\s*\((?P<agency>[^()\n]{{1,60}})\)\s*[–—-]{{1,2}}\s+"
        ))
        .ok()
    })
    .as_ref()
}

/// Finds a dateline at the very start of `paragraph`.
pub(crate) fn find_dateline(paragraph: &str) -> Option<FoundDateline> {
    let caps = capitals_regex()
        .and_then(|re| re.captures(paragraph))
        .filter(|c| {
            let places = c.name("places").map_or("", |m| m.as_str());
            // One capital word ("A", "I") or an acronym alone is not a place.
            places.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && (c.name("agency").is_some() || c.name("dash").is_some_and(|d| d.as_str() != ":"))
        })
        .or_else(|| title_case_regex().and_then(|re| re.captures(paragraph)))?;
    let whole = caps.get(0)?;
    let places = caps
        .name("places")?
        .as_str()
        .split('/')
        .map(|p| crate::casing::title_name(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let agency = caps.name("agency").map(|m| m.as_str().trim().to_string());
    Some(FoundDateline {
        len: whole.end(),
        text_len: whole.as_str().trim_end().len(),
        places,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_places_and_an_outlet() {
        let p = "HANOI/MANILA/NEW YORK (Harbor Ledger) \u{2013} Ships met on Monday.";
        let d = find_dateline(p).unwrap();
        assert_eq!(d.places, ["Hanoi", "Manila", "New York"]);
        assert_eq!(d.agency.as_deref(), Some("Harbor Ledger"));
        assert_eq!(&p[d.len..], "Ships met on Monday.");
        assert_eq!(
            &p[..d.text_len],
            "HANOI/MANILA/NEW YORK (Harbor Ledger) \u{2013}"
        );
    }

    #[test]
    fn place_date_and_agency() {
        let d = find_dateline("SEOUL, March 4 (Meridian Wire) - Talks began.").unwrap();
        assert_eq!(d.places, ["Seoul"]);
        let d = find_dateline("Manila, March 4 (Meridian Wire) - Talks began.").unwrap();
        assert_eq!(d.places, ["Manila"]);
    }

    #[test]
    fn dash_only() {
        let d = find_dateline("GENEVA \u{2014} Talks began.").unwrap();
        assert_eq!(d.places, ["Geneva"]);
        assert_eq!(d.agency, None);
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert_eq!(
            find_dateline("Manila said on Monday - again - that it would not."),
            None
        );
        assert_eq!(find_dateline("A delegation arrived."), None);
        assert_eq!(find_dateline("NATO: a history."), None);
        assert_eq!(find_dateline("I - and others - disagree."), None);
    }
}
