//! `subdivisions.tsv`: first-level administrative divisions (states,
//! provinces, regions) from pycountry's ISO 3166-2 table, then
//! `overrides/subdivisions.tsv`, plus accent-free spellings ("Gujarāt" →
//! "Gujarat").
//!
//! Only names that are safe to match in running text are kept: top-level
//! divisions (no parent) of a state-like [`KINDS`] type, written as
//! capitalised words, not a stop word ("Central", "Northern Region"), not a
//! one-word name shorter than [`MIN_ONE_WORD`] letters, and not a name the
//! project already reads otherwise ([`Clashes`]: first names, titles,
//! organisation heads, groups, countries, cities, common English words).
//!
//! ISO names are often local forms ("Bayern", "Lombardia", "Sichuan Sheng"),
//! so the overrides add the English exonyms news uses. Override rows are
//! `name, iso2`; `-Name<TAB>CC` drops a row. Added rows skip the filters.
//! A name listed for two countries ("Punjab": India and Pakistan) is written
//! once with iso2 `-`: the library then knows it is a place but not whose.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::spec::NONE;
use crate::text::{data_lines, fold_ascii, is_latin};
use crate::{Error, Result};

/// ISO 3166-2 subdivision types kept: states, provinces, regions and
/// territories. Municipalities, districts, counties, parishes, cities and
/// the like are left out: their names are mostly towns or small places.
pub const KINDS: &[&str] = &[
    "Administrative region",
    "Autonomous city",
    "Autonomous city in north africa",
    "Autonomous community",
    "Autonomous province",
    "Autonomous region",
    "Autonomous republic",
    "Autonomous territorial unit",
    "Capital territory",
    "Canton",
    "Department",
    "Division",
    "Emirate",
    "Entity",
    "Federal capital territory",
    "Federal territory",
    "Geographical region",
    "Geographical unit",
    "Governorate",
    "Island",
    "Islands, groups of islands",
    "Land",
    "Metropolitan region",
    "Oblast",
    "Pakistan administered area",
    "Prefecture",
    "Province",
    "Region",
    "Regional state",
    "Republic",
    "Self-governed part",
    "Special administrative region",
    "Special self-governing province",
    "State",
    "Territory",
    "Union territory",
    "Voivodship",
];

/// Countries whose top-level "District"s are kept: there they are the
/// first-level division, named after a town ("Évora", "Larnaka", "Plovdiv").
/// Elsewhere top-level districts are mostly villages, bays and beaches of
/// small island states ("Long Island", Bahamas; "Anse Royale", Seychelles).
pub const DISTRICT_COUNTRIES: &[&str] = &["BG", "BN", "BT", "BW", "CY", "LS", "MD", "PT", "US"];

/// Names (lower case) that are words of direction, rank or kind rather than
/// a place in running text ("Central", "Federal District"); a multi-word
/// name made only of these and [`DESIGNATORS`] ("Northern Region", "North
/// West") is dropped too.
pub const STOP: &[&str] = &[
    // English directions and ranks.
    "capital",
    "central",
    "centre",
    "center",
    "east",
    "eastern",
    "far",
    "federal",
    "federal district",
    "great",
    "greater",
    "inner",
    "lower",
    "middle",
    "national",
    "north",
    "northeast",
    "north-east",
    "northern",
    "northwest",
    "north-west",
    "outer",
    "south",
    "southeast",
    "south-east",
    "southern",
    "southwest",
    "south-west",
    "upper",
    "west",
    "western",
    // French, Spanish and Portuguese ones ("Nord", "Sud-Ouest", "Leste").
    "centrale",
    "centro",
    "est",
    "este",
    "leste",
    "nord",
    "norte",
    "oeste",
    "ouest",
    "sud",
    "sul",
    "sur",
    // Landforms that are ordinary words in English copy ("Plateau", "Lakes").
    "cascades",
    "coast",
    "coastal",
    "collines",
    "cordillera",
    "delta",
    "gulf",
    "highlands",
    "islands",
    "lakes",
    "littoral",
    "midlands",
    "mountain",
    "mountains",
    "plateau",
    "plateaux",
    "river",
    "rivers",
    "savanes",
    "valley",
];

/// Words naming the kind of division (lower case): a name of these and
/// [`STOP`] words alone says no more than "the region".
pub const DESIGNATORS: &[&str] = &[
    "area",
    "capital",
    "city",
    "department",
    "district",
    "division",
    "governorate",
    "island",
    "islands",
    "municipality",
    "province",
    "region",
    "state",
    "territory",
    "zone",
];

/// Lower-case words allowed inside a name between capitalised ones
/// ("Jammu and Kashmir", "Rio Grande do Sul", "Makkah al Mukarramah").
/// Any other lower-case word ("oblast'", "kray") marks a name written in a
/// form news does not use.
pub const CONNECTORS: &[&str] = &[
    "al", "an", "ad", "ar", "as", "ash", "az", "and", "da", "das", "de", "del", "di", "do", "dos",
    "du", "e", "el", "la", "las", "le", "los", "of", "the", "va", "y",
];

/// Trailing designators of romanised Chinese and Korean names, stripped so
/// that "Sichuan Sheng" reads "Sichuan" and "Gyeonggi-do" reads "Gyeonggi".
const SUFFIXES: &[&str] = &[
    " Huizu Zizhiqu",
    " Uygur Zizhiqu",
    " Zhuangzu Zizhiqu",
    " Zizhiqu",
    " Sheng",
    " Shi",
    "-teukbyeoljachido",
    "-teukbyeolsi",
    "-gwangyeoksi",
    "-do",
];

/// One-word names shorter than this many letters are dropped ("Goa", "Imo",
/// "Van"): short words collide with acronyms and other words.
pub const MIN_ONE_WORD: usize = 4;

/// What the project already reads as something else.
#[derive(Debug, Default, Clone)]
pub struct Clashes {
    /// Names as written (case-sensitive): first names, countries and their
    /// alternative names and demonyms, cities, groups, dropped cities.
    pub names: BTreeSet<String>,
    /// Lower-case words and phrases: titles, organisation heads, common
    /// English words.
    pub words: BTreeSet<String>,
}

/// Builds the `name\tiso2` lines from the parsed `iso3166-2.json`.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::subdivisions::{build, Clashes};
/// let iso = json!({"3166-2": [
///     {"code": "PK-SD", "name": "Sindh", "type": "Province"},
///     {"code": "IN-GJ", "name": "Gujarāt", "type": "State"},
///     {"code": "IN-PB", "name": "Punjab", "type": "State"},
///     {"code": "PK-PB", "name": "Punjab", "type": "Province"},
///     {"code": "XX-01", "name": "Central", "type": "Region"},
///     {"code": "XX-02", "name": "Smalltown", "type": "Municipality"},
///     {"code": "XX-03", "name": "Subregion", "type": "Region", "parent": "XX-01"}
/// ]});
/// let lines = build(&iso, &Clashes::default(), "# h\nBavaria\tDE\n").unwrap();
/// assert_eq!(lines, ["Bavaria\tDE", "Gujarat\tIN", "Gujarāt\tIN", "Punjab\t-", "Sindh\tPK"]);
/// ```
pub fn build(iso: &Value, clashes: &Clashes, overrides: &str) -> Result<Vec<String>> {
    let rows = iso["3166-2"]
        .as_array()
        .ok_or_else(|| Error::new("pycountry: iso3166-2.json has no \"3166-2\" array"))?;
    let (removed, added) = parse_overrides(overrides)?;
    let mut set = BTreeSet::new();
    for row in rows {
        let (Some(code), Some(name), Some(kind)) = (
            row["code"].as_str(),
            row["name"].as_str(),
            row["type"].as_str(),
        ) else {
            continue;
        };
        let Some(iso2) = code.split('-').next().filter(|c| c.len() == 2) else {
            continue;
        };
        let district = kind == "District" && DISTRICT_COUNTRIES.contains(&iso2);
        if row.get("parent").is_some() || !(KINDS.contains(&kind) || district) {
            continue;
        }
        for form in forms(name) {
            let folded = fold_ascii(&form);
            for n in [form, folded] {
                let key = (n, iso2.to_string());
                if keep(&key.0, clashes) && !removed.contains(&key) {
                    set.insert(key);
                }
            }
        }
    }
    for (name, iso2) in added {
        set.insert((fold_ascii(&name), iso2.clone()));
        set.insert((name, iso2));
    }
    Ok(merge_countries(set))
}

/// Reads the override rows into (removed, added) `(name, iso2)` sets.
type Pairs = BTreeSet<(String, String)>;
fn parse_overrides(overrides: &str) -> Result<(Pairs, Pairs)> {
    let mut removed = BTreeSet::new();
    let mut added = BTreeSet::new();
    for row in data_lines(overrides) {
        let [name, iso] = row.as_slice() else {
            return Err(Error::new(format!(
                "overrides/subdivisions.tsv: need 2 columns in {row:?}"
            )));
        };
        match name.strip_prefix('-') {
            Some(n) => removed.insert((n.to_string(), iso.to_string())),
            None => added.insert((name.to_string(), iso.to_string())),
        };
    }
    Ok((removed, added))
}

/// The spellings of one ISO name: the part before a comma ("Asturias,
/// Principado de"), without a parenthesis ("Ilocos (Region I)"), a bracketed
/// alternative ("Catalunya \[Cataluña\]"), each without a Chinese or Korean
/// designator suffix.
///
/// ```
/// use newsclaims_datagen::import::subdivisions::forms;
/// assert_eq!(forms("Catalunya [Cataluña]"), ["Catalunya", "Cataluña"]);
/// assert_eq!(forms("Asturias, Principado de"), ["Asturias"]);
/// assert_eq!(forms("Sichuan Sheng"), ["Sichuan"]);
/// assert_eq!(forms("Ilocos (Region I)"), ["Ilocos"]);
/// assert_eq!(forms("Wales [Cymru GB-CYM]"), ["Wales"]);
/// ```
pub fn forms(name: &str) -> Vec<String> {
    let (main, alt) = match name.split_once(" [") {
        Some((m, rest)) => (m, rest.strip_suffix(']')),
        None => (name, None),
    };
    let main = main.split(',').next().unwrap_or(main);
    let main = main.split(" (").next().unwrap_or(main);
    let mut out = vec![strip_suffix(main.trim())];
    // A bracketed alternative with a code in it ("Cymru GB-CYM") is not a name.
    if let Some(a) = alt.filter(|a| {
        !a.split([' ', '-'])
            .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
    }) {
        let a = strip_suffix(a.trim());
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// Removes one trailing designator ("Sheng", "-do").
fn strip_suffix(name: &str) -> String {
    SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|rest| !rest.is_empty()))
        .unwrap_or(name)
        .to_string()
}

/// Whether a name is safe to match in running text (see the module docs).
///
/// ```
/// use newsclaims_datagen::import::subdivisions::{keep, Clashes};
/// let c = Clashes::default();
/// assert!(keep("Uttar Pradesh", &c));
/// assert!(keep("Jammu and Kashmir", &c));
/// assert!(!keep("Central", &c));
/// assert!(!keep("Northern Region", &c));
/// assert!(!keep("Imo", &c));
/// assert!(!keep("Amurskaya oblast'", &c));
/// ```
pub fn keep(name: &str, clashes: &Clashes) -> bool {
    if !is_latin(name) || name.contains(['\t', '|', '.']) {
        return false;
    }
    let lower = name.to_lowercase();
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let well_formed = words.iter().enumerate().all(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase) || (i > 0 && CONNECTORS.contains(w))
    });
    let only_stop = lower
        .split([' ', '-'])
        .all(|w| STOP.contains(&w) || DESIGNATORS.contains(&w));
    let short = words.len() == 1 && name.chars().count() < MIN_ONE_WORD;
    well_formed
        && !only_stop
        && !short
        && !STOP.contains(&lower.as_str())
        && !clashes.names.contains(name)
        && !clashes.words.contains(&lower)
}

/// Turns `(name, iso2)` pairs into lines, writing a name held by several
/// countries once with iso2 `-`.
fn merge_countries(set: BTreeSet<(String, String)>) -> Vec<String> {
    let mut by_name: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, iso2) in set {
        by_name.entry(name).or_default().insert(iso2);
    }
    by_name
        .into_iter()
        .map(|(name, isos)| match isos.iter().next() {
            Some(iso2) if isos.len() == 1 => format!("{name}\t{iso2}"),
            _ => format!("{name}\t{NONE}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn clashes_and_removals_drop_rows() {
        let iso = json!({"3166-2": [
            {"code": "TR-72", "name": "Batman", "type": "Province"},
            {"code": "NG-DE", "name": "Delta", "type": "State"},
            {"code": "AU-VIC", "name": "Victoria", "type": "State"},
            {"code": "CA-ON", "name": "Ontario", "type": "Province"}
        ]});
        let clashes = Clashes {
            names: ["Batman".to_string(), "Victoria".to_string()].into(),
            words: ["delta".to_string()].into(),
        };
        let lines = build(&iso, &clashes, "-Ontario\tCA\n").unwrap();
        assert!(lines.is_empty(), "{lines:?}");
    }

    #[test]
    fn bad_override_row_is_an_error() {
        assert!(build(&json!({"3166-2": []}), &Clashes::default(), "Bavaria\n").is_err());
        assert!(build(&json!({}), &Clashes::default(), "").is_err());
    }
}
