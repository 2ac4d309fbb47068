//! `countries.tsv` from countries-list (names, aliases, capitals) and
//! i18n-nationality (demonym adjectives), then `overrides/countries.tsv`.
//!
//! Override rows are `iso2, name, alt_names, capital, demonyms`:
//! - `iso2` names the row to change; `+GB` adds a new row (England,
//!   Scotland, ...) with that code instead.
//! - `-` leaves a field as it is. A new `name` replaces the old one, which
//!   moves into `alt_names`; a new `capital` replaces the old one.
//! - In the list fields, `=a|b` replaces the list, `-a` removes an item,
//!   any other item is added.

use serde_json::Value;

use crate::spec::NONE;
use crate::text::{data_lines, demonym_plural, fold_ascii, is_latin, join_list, split_list};
use crate::{Error, Result};

/// One row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// Common English name ("North Korea").
    pub name: String,
    /// ISO 3166-1 alpha-2 code ("KP").
    pub iso2: String,
    /// Other names and abbreviations ("DPRK").
    pub alt_names: Vec<String>,
    /// Capital, or `-`.
    pub capital: String,
    /// Demonyms: adjective first, then plural and other forms.
    pub demonyms: Vec<String>,
}

impl Country {
    /// The tab-separated output line.
    ///
    /// ```
    /// use newsclaims_datagen::import::countries::Country;
    /// let c = Country { name: "Laos".into(), iso2: "LA".into(), alt_names: vec![],
    ///     capital: "Vientiane".into(), demonyms: vec!["Laotian".into()] };
    /// assert_eq!(c.line(), "Laos\tLA\t-\tVientiane\tLaotian");
    /// ```
    pub fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}",
            self.name,
            self.iso2,
            join_list(&self.alt_names),
            self.capital,
            join_list(&self.demonyms)
        )
    }
}

/// Whether an i18n-nationality value is a usable demonym. For territories
/// the package repeats the territory's name or writes a phrase
/// ("Congolese (Republic of the Congo)"); those are dropped and the
/// overrides supply the right words.
fn usable_demonym(adj: &str, country: &str) -> bool {
    // Word-level prefix either way catches "Pitcairn" for "Pitcairn Islands"
    // and "Åland Islands" for "Aland", but keeps "Samoan" for "Samoa".
    let (a, c) = (fold_ascii(adj), fold_ascii(country));
    let (aw, cw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), c.split(' ').collect());
    is_latin(adj)
        && !aw.starts_with(&cw)
        && !cw.starts_with(&aw)
        && adj.split(' ').count() <= 2
        && adj
            .split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !adj.contains(" or ")
        && !adj.contains(" - ")
}

/// Applies a list override value to `items` (see the module docs).
fn apply_list(items: &mut Vec<String>, value: &str) {
    if value == NONE {
        return;
    }
    if let Some(all) = value.strip_prefix('=') {
        *items = split_list(all).into_iter().map(String::from).collect();
        return;
    }
    for item in split_list(value) {
        match item.strip_prefix('-') {
            Some(gone) => items.retain(|x| x != gone),
            None => {
                let add = item.strip_prefix('+').unwrap_or(item);
                if !items.iter().any(|x| x == add) {
                    items.push(add.to_string());
                }
            }
        }
    }
}

/// Builds the rows from the two packages' JSON and the override text.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::countries::build;
/// let list = json!({"KP": {"name": "North Korea", "alias": ["DPRK"], "capital": "Pyongyang"}});
/// let nat = json!({"nationalities": {"KP": "North Korean"}});
/// let rows = build(&list, &nat, "").unwrap();
/// assert_eq!(rows[0].line(), "North Korea\tKP\tDPRK\tPyongyang\tNorth Korean|North Koreans");
/// ```
pub fn build(list: &Value, nationalities: &Value, overrides: &str) -> Result<Vec<Country>> {
    let obj = list
        .as_object()
        .ok_or_else(|| Error::new("countries-list: countries.min.json is not an object"))?;
    let nat = &nationalities["nationalities"];
    let mut rows = Vec::new();
    for (code, c) in obj {
        let name = c["name"]
            .as_str()
            .ok_or_else(|| Error::new(format!("countries-list: {code} has no name")))?
            .to_string();
        let alt_names = c["alias"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let capital = match c["capital"].as_str() {
            Some(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => NONE.to_string(),
        };
        let mut demonyms = Vec::new();
        if let Some(adj) = nat[code.as_str()].as_str() {
            if usable_demonym(adj, &name) {
                demonyms.push(adj.to_string());
                demonyms.extend(demonym_plural(adj));
            }
        }
        rows.push(Country {
            name,
            iso2: code.clone(),
            alt_names,
            capital,
            demonyms,
        });
    }
    for (n, row) in data_lines(overrides).into_iter().enumerate() {
        let [iso, name, alt, capital, dem] = row.as_slice() else {
            return Err(Error::new(format!(
                "overrides/countries.tsv: data row {} needs 5 columns",
                n + 1
            )));
        };
        if let Some(iso) = iso.strip_prefix('+') {
            if *name == NONE {
                return Err(Error::new(format!(
                    "overrides/countries.tsv: new row +{iso} needs a name"
                )));
            }
            let mut c = Country {
                name: name.to_string(),
                iso2: iso.to_string(),
                alt_names: Vec::new(),
                capital: capital.to_string(),
                demonyms: Vec::new(),
            };
            apply_list(&mut c.alt_names, alt);
            apply_list(&mut c.demonyms, dem);
            rows.push(c);
            continue;
        }
        let c = rows
            .iter_mut()
            .find(|c| c.iso2 == *iso)
            .ok_or_else(|| Error::new(format!("overrides/countries.tsv: no country {iso}")))?;
        if *name != NONE && *name != c.name {
            let old = std::mem::replace(&mut c.name, name.to_string());
            c.alt_names.insert(0, old);
        }
        if *capital != NONE {
            c.capital = capital.to_string();
        }
        apply_list(&mut c.alt_names, alt);
        apply_list(&mut c.demonyms, dem);
    }
    for c in &mut rows {
        let name = c.name.clone();
        c.alt_names
            .retain(|a| *a != name && !a.contains(['\t', '|']));
        c.demonyms.retain(|d| !d.contains(['\t', '|']));
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    for w in rows.windows(2) {
        if let [a, b] = w {
            if a.name == b.name {
                return Err(Error::new(format!(
                    "two countries named {:?} ({} and {})",
                    a.name, a.iso2, b.iso2
                )));
            }
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> (Value, Value) {
        (
            json!({
                "TR": {"name": "Türkiye", "alias": ["Turkey", "Turkiye"], "capital": "Ankara"},
                "AG": {"name": "Antigua and Barbuda", "capital": "Saint John's"},
                "AQ": {"name": "Antarctica", "capital": ""},
                "GB": {"name": "United Kingdom", "alias": ["UK"], "capital": "London"},
                "BM": {"name": "Bermuda", "capital": "Hamilton"},
                "AX": {"name": "Aland", "capital": "Mariehamn"},
                "WS": {"name": "Samoa", "capital": "Apia"}
            }),
            json!({"nationalities": {"TR": "Turkish", "AG": "Antiguans", "BM": "Bermuda", "GB": "British",
                "AX": "Åland Islands", "WS": "Samoan"}}),
        )
    }

    #[test]
    fn drops_unusable_demonyms_and_fills_none() {
        let (l, n) = sample();
        let rows = build(&l, &n, "").unwrap();
        let bm = rows.iter().find(|c| c.iso2 == "BM").unwrap();
        assert!(bm.demonyms.is_empty());
        let ax = rows.iter().find(|c| c.iso2 == "AX").unwrap();
        assert!(ax.demonyms.is_empty());
        let ws = rows.iter().find(|c| c.iso2 == "WS").unwrap();
        assert_eq!(ws.demonyms, vec!["Samoan", "Samoans"]);
        let aq = rows.iter().find(|c| c.iso2 == "AQ").unwrap();
        assert_eq!(aq.line(), "Antarctica\tAQ\t-\t-\t-");
    }

    #[test]
    fn overrides_rename_replace_add_and_remove() {
        let (l, n) = sample();
        let o = "# h\nTR\tTurkey\t-Turkey\t-\tTurk|Turks\n\
                 AG\t-\t-\t-\t=Antiguan|Antiguans\n\
                 +GB\tEngland\t-\tLondon\tEnglish\n\
                 GB\t-\tBritain|U.K.\t-\tBriton|Britons\n";
        let rows = build(&l, &n, o).unwrap();
        let line = |iso: &str, name: &str| {
            rows.iter()
                .find(|c| c.iso2 == iso && c.name == name)
                .unwrap()
                .line()
        };
        assert_eq!(
            line("TR", "Turkey"),
            "Turkey\tTR\tTürkiye|Turkiye\tAnkara\tTurkish|Turk|Turks"
        );
        assert_eq!(
            line("AG", "Antigua and Barbuda"),
            "Antigua and Barbuda\tAG\t-\tSaint John's\tAntiguan|Antiguans"
        );
        assert_eq!(line("GB", "England"), "England\tGB\t-\tLondon\tEnglish");
        assert_eq!(
            line("GB", "United Kingdom"),
            "United Kingdom\tGB\tUK|Britain|U.K.\tLondon\tBritish|Briton|Britons"
        );
        let names: Vec<&str> = rows.iter().map(|c| c.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn bad_overrides_are_errors() {
        let (l, n) = sample();
        assert!(build(&l, &n, "ZZ\t-\t-\t-\t-\n").is_err());
        assert!(build(&l, &n, "TR\t-\t-\n").is_err());
        assert!(build(&l, &n, "+TR\t-\t-\t-\t-\n").is_err());
        assert!(build(&l, &n, "+GB\tTürkiye\t-\t-\t-\n").is_err());
    }
}
