//! `titles.tsv` and `particles.txt` from nameparser's vocabulary.
//!
//! nameparser tags each word with readings (`office`, `military`,
//! `salutation`, ...) in `vocab/<lang>.toml`, and marks readings it
//! rejects under `excluded`. We keep Latin-script words of the languages
//! English news quotes titles from, map readings to our kinds, and let
//! `overrides/titles.tsv` add news office titles ("foreign minister") or
//! remove a word (kind `-`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::apply_list_overrides;
use crate::pydump::strings;
use crate::spec::{NONE, TITLE_KINDS};
use crate::text::{data_lines, is_latin};
use crate::{Error, Result};

/// nameparser vocabulary files whose Latin-script titles appear in
/// English news (Arabic, Persian, Hebrew, Hindi, Urdu, Tibetan honorifics
/// such as sheikh, ayatollah, rabbi, shri, lama). European-language
/// salutations (herr, monsieur, señor) are left out: in English text they
/// are rarer than the surnames and words they collide with.
const LANGS: &[&str] = &["en", "mul", "und", "ar", "fa", "he", "hi", "ur", "bo"];

/// Our kind for a nameparser reading, in priority order: a word with
/// several readings gets the first that matches.
const KINDS: &[(&str, &str)] = &[
    ("office", "office"),
    ("military", "military"),
    ("religious", "religious"),
    ("saint", "religious"),
    ("salutation", "honorific"),
    ("style", "honorific"),
    ("nobility", "honorific"),
    ("courtesy", "honorific"),
    ("honorific", "honorific"),
    ("professional_honorific", "honorific"),
    ("academic", "honorific"),
    ("occupation", "occupation"),
];

/// Builds the `title\tkind` lines from nameparser's dump and the overrides.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::titles::build_titles;
/// let np = json!({"vocab": {"en": [
///     {"text": "senator", "readings": ["office"], "excluded": []},
///     {"text": "justice", "readings": [], "excluded": ["office"]},
///     {"text": "marshal", "readings": ["military"], "excluded": ["military"]},
///     {"text": "phd", "readings": ["credential"], "excluded": []}
/// ]}});
/// let lines = build_titles(&np, "# h\nforeign minister\toffice\n").unwrap();
/// assert_eq!(lines, vec!["foreign minister\toffice", "senator\toffice"]);
/// ```
pub fn build_titles(nameparser: &Value, overrides: &str) -> Result<Vec<String>> {
    let vocab = nameparser["vocab"]
        .as_object()
        .ok_or_else(|| Error::new("nameparser dump has no vocab"))?;
    let mut titles: BTreeMap<String, &str> = BTreeMap::new();
    for lang in LANGS {
        let Some(words) = vocab.get(*lang).and_then(Value::as_array) else {
            continue;
        };
        for w in words {
            let Some(text) = w["text"].as_str() else {
                continue;
            };
            let text = text.to_lowercase();
            if !is_latin(&text) || text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            let readings = strings(&w["readings"]);
            let excluded = strings(&w["excluded"]);
            let kind = KINDS.iter().find(|(r, _)| {
                readings.contains(r) && !excluded.contains(r) && !excluded.contains(&"title")
            });
            if let Some((_, kind)) = kind {
                titles.entry(text).or_insert(kind);
            }
        }
    }
    for row in data_lines(overrides) {
        let [title, kind] = row.as_slice() else {
            return Err(Error::new(format!(
                "overrides/titles.tsv: need 2 columns in {row:?}"
            )));
        };
        let title = title.to_lowercase();
        if *kind == NONE {
            titles.remove(&title);
        } else if let Some(k) = TITLE_KINDS.iter().find(|k| *k == kind) {
            titles.insert(title, k);
        } else {
            return Err(Error::new(format!(
                "overrides/titles.tsv: unknown kind {kind:?}"
            )));
        }
    }
    Ok(titles
        .into_iter()
        .map(|(t, k)| format!("{t}\t{k}"))
        .collect())
}

/// Builds `particles.txt` from nameparser's `PARTICLES` (Latin script
/// only) and the `+`/`-` overrides.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::titles::build_particles;
/// let np = json!({"particles": ["van", "al-", "בן", "mc"]});
/// assert_eq!(build_particles(&np, "-mc\nbin\n").unwrap(), vec!["al-", "bin", "van"]);
/// ```
pub fn build_particles(nameparser: &Value, overrides: &str) -> Result<Vec<String>> {
    if !nameparser["particles"].is_array() {
        return Err(Error::new("nameparser dump has no particles"));
    }
    let mut out: Vec<String> = strings(&nameparser["particles"])
        .into_iter()
        .filter(|p| is_latin(p))
        .map(str::to_lowercase)
        .collect();
    apply_list_overrides(&mut out, overrides);
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn priority_and_language_filter() {
        let np = json!({"vocab": {
            "en": [{"text": "Father", "readings": ["kinship", "religious"], "excluded": []}],
            "de": [{"text": "herr", "readings": ["salutation"], "excluded": []}],
            "ar": [{"text": "sheikh", "readings": ["style"], "excluded": []},
                   {"text": "الشيخ", "readings": ["style"], "excluded": []}]
        }});
        let lines = build_titles(&np, "").unwrap();
        assert_eq!(lines, vec!["father\treligious", "sheikh\thonorific"]);
    }

    #[test]
    fn override_removes_and_rejects_bad_kind() {
        let np =
            json!({"vocab": {"en": [{"text": "rep", "readings": ["office"], "excluded": []}]}});
        assert!(build_titles(&np, "rep\t-\n").unwrap().is_empty());
        assert!(build_titles(&np, "rep\tboss\n").is_err());
    }
}
