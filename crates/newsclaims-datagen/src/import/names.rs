//! `first_names.txt`: the stdlib English male and female lists plus the
//! Latin-script given names of Faker's person providers (many locales),
//! less names that are mostly common lower-case English words (the
//! [`COMMON_WORDS`] most frequent lower-case words of SUBTLEX-US: "Any",
//! "Way", "Son", "Hope"), then `overrides/first_names.txt` (`-Name`
//! removes, `Name` adds, which is how "Will" or "Don" come back).
//!
//! Non-Latin scripts are left out: the library reads English text, where
//! Korean, Chinese or Arabic names appear romanised, and romanised
//! syllables ("Li", "Jin") are better caught by context rules than by a
//! list (see data/SOURCES.md).

use std::collections::BTreeSet;

use serde_json::Value;

use super::apply_list_overrides;
use crate::pydump::strings;
use crate::text::is_given_name;
use crate::{Error, Result};

/// How many of the most frequent lower-case SUBTLEX words count as common.
pub const COMMON_WORDS: usize = 15_000;

/// The `limit` most frequent words of the SUBTLEX JSON (`[{word, count}]`,
/// most frequent first) that are written in lower case there, i.e. that
/// are mostly not names. SUBTLEX keeps the dominant capitalisation, so
/// "Mark" and "John" are capitalised and never land here.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::names::common_words;
/// let sub = json!([{"word": "you"}, {"word": "John"}, {"word": "way"}, {"word": "hope"}]);
/// let set = common_words(&sub, 2);
/// assert!(set.contains("way") && !set.contains("john") && !set.contains("hope"));
/// ```
pub fn common_words(subtlex: &Value, limit: usize) -> BTreeSet<String> {
    subtlex
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["word"].as_str())
                .filter(|w| w.chars().all(|c| c.is_lowercase() || c == '\''))
                .take(limit)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Builds the name lines from the plain-text lists, Faker's JSON dump
/// (`{locale: [names]}`), the set of common lower-case words and the
/// override text.
///
/// ```
/// use std::collections::BTreeSet;
/// use serde_json::json;
/// use newsclaims_datagen::import::names::build;
/// let faker = json!({"de_DE": ["Jürgen", "Москва"], "ko_KR": ["민준"]});
/// let common: BTreeSet<String> = ["way".to_string()].into();
/// let names = build(&["Aaron\nAb\nBOB\nWay\n"], &faker, &common, "-Ab\nMin-jun\n").unwrap();
/// assert_eq!(names, vec!["Aaron", "Jürgen", "Min-jun"]);
/// ```
pub fn build(
    plain: &[&str],
    faker: &Value,
    common: &BTreeSet<String>,
    overrides: &str,
) -> Result<Vec<String>> {
    let locales = faker
        .as_object()
        .ok_or_else(|| Error::new("faker dump is not an object"))?;
    let mut names: Vec<String> = plain
        .iter()
        .flat_map(|t| t.lines())
        .chain(locales.values().flat_map(strings))
        .map(str::trim)
        .filter(|n| is_given_name(n) && !common.contains(&n.to_lowercase()))
        .map(String::from)
        .collect();
    names.sort();
    names.dedup();
    apply_list_overrides(&mut names, overrides);
    names.sort();
    Ok(names)
}
