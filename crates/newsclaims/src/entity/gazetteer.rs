//! The embedded word lists (see `data/SOURCES.md`), loaded once and matched with
//! one Aho-Corasick automaton over the text.
//!
//! Names match case-sensitively and only on word boundaries, so "Nice" the city
//! is not found in "nice" and "Oman" is not found inside "Romania".

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::lexicon::{BuildWordHasher, WordMap, WordSet};
use crate::{EntityKind, Span};

/// What a gazetteer name is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Place, organisation or group.
    pub kind: EntityKind,
    /// The canonical name ("United States" for "U.S.").
    pub canonical: &'static str,
    /// The country it belongs to, by canonical name: itself for a country, the
    /// country for a capital, city or demonym.
    pub country: Option<&'static str>,
    /// Whether the name is a national capital (used for its government).
    pub capital: bool,
    /// Whether the name is a country (or an alternative name of one).
    pub is_country: bool,
}

/// All embedded lists.
pub(crate) struct Gazetteer {
    names: Vec<&'static str>,
    entries: Vec<Entry>,
    matcher: Option<AhoCorasick>,
    first_names: HashSet<&'static str, BuildWordHasher>,
    titles: WordMap<&'static str>,
    /// The first words of the titles ("foreign" of "foreign minister").
    title_first_words: WordSet,
    particles: WordSet,
    surnames: HashSet<&'static str, BuildWordHasher>,
    demonyms: HashMap<&'static str, &'static str, BuildWordHasher>,
    longest_title: usize,
}

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const SUBDIVISIONS: &str = include_str!("../../data/subdivisions.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const TITLES: &str = include_str!("../../data/titles.tsv");
const PARTICLES: &str = include_str!("../../data/particles.txt");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const GROUPS: &str = include_str!("../../data/groups.txt");
const REGIONS: &str = include_str!("../../data/regions.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");

/// Data lines of a list: comments and blank lines skipped.
fn rows(list: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn list_field(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .filter(|f| *f != "-")
        .into_iter()
        .flat_map(|f| f.split('|'))
        .map(str::trim)
        .filter(|f| !f.is_empty())
}

impl Gazetteer {
    /// The lists, built on first use.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut by_name: HashMap<&'static str, Entry> = HashMap::new();
        let mut add = |name: &'static str, entry: Entry| {
            // Lower-case forms ("the States") would match ordinary prose.
            if name.chars().next().is_some_and(char::is_uppercase) {
                let slot = by_name.entry(name).or_insert_with(|| entry.clone());
                // A country beats a city of the same name ("Singapore").
                if entry.is_country && !slot.is_country {
                    *slot = entry;
                }
            }
        };
        let mut iso_to_country: HashMap<&str, &'static str> = HashMap::new();
        let mut demonyms: HashMap<&'static str, &'static str, BuildWordHasher> = HashMap::default();
        for row in rows(COUNTRIES) {
            let (Some(name), Some(iso)) = (row.first(), row.get(1)) else {
                continue;
            };
            iso_to_country.insert(iso, name);
            let country = Entry {
                kind: EntityKind::Place,
                canonical: name,
                country: Some(name),
                capital: false,
                is_country: true,
            };
            add(name, country.clone());
            for alt in list_field(row.get(2)) {
                add(alt, country.clone());
            }
            for capital in list_field(row.get(3)) {
                let capital = capital.split(',').next().unwrap_or(capital).trim();
                add(
                    capital,
                    Entry {
                        kind: EntityKind::Place,
                        canonical: capital,
                        country: Some(name),
                        capital: true,
                        is_country: false,
                    },
                );
            }
            if let Some(first) = list_field(row.get(4)).next() {
                demonyms.insert(name, first);
            }
            for demonym in list_field(row.get(4)) {
                add(
                    demonym,
                    Entry {
                        kind: EntityKind::Group,
                        canonical: demonym,
                        country: Some(name),
                        capital: false,
                        is_country: false,
                    },
                );
            }
        }
        // States and provinces load like cities, after them so that a city of
        // the same name wins ("Lagos"); iso2 `-` (shared name) gives no country.
        for row in rows(CITIES).chain(rows(SUBDIVISIONS)) {
            let (Some(name), Some(iso)) = (row.first(), row.get(1)) else {
                continue;
            };
            add(
                name,
                Entry {
                    kind: EntityKind::Place,
                    canonical: name,
                    country: iso_to_country.get(iso).copied(),
                    capital: false,
                    is_country: false,
                },
            );
        }
        for row in rows(ORGANIZATIONS) {
            let Some(name) = row.first() else { continue };
            let entry = Entry {
                kind: EntityKind::Organization,
                canonical: name,
                country: None,
                capital: false,
                is_country: false,
            };
            add(name, entry.clone());
            for acronym in list_field(row.get(1)) {
                add(acronym, entry.clone());
            }
        }
        for row in rows(GROUPS) {
            let Some(name) = row.first() else { continue };
            add(
                name,
                Entry {
                    kind: EntityKind::Group,
                    canonical: name,
                    country: None,
                    capital: false,
                    is_country: false,
                },
            );
        }
        for row in rows(REGIONS) {
            let Some(name) = row.first() else { continue };
            add(
                name,
                Entry {
                    kind: EntityKind::Place,
                    canonical: name,
                    country: None,
                    capital: false,
                    is_country: false,
                },
            );
        }
        let mut pairs: Vec<(&'static str, Entry)> = by_name.into_iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let (names, entries): (Vec<&'static str>, Vec<Entry>) = pairs.into_iter().unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&names)
            .ok();
        let title_rows: Vec<(&'static str, &'static str)> = rows(TITLES)
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect();
        let longest_title = title_rows
            .iter()
            .map(|(t, _)| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let title_first_words = WordSet::from_words(
            title_rows.iter().filter_map(|(t, _)| t.split(' ').next()),
            true,
        );
        let titles = WordMap::new(title_rows, false);
        Gazetteer {
            names,
            entries,
            matcher,
            first_names: rows(FIRST_NAMES)
                .filter_map(|r| r.first().copied())
                .collect(),
            titles,
            title_first_words,
            particles: WordSet::from_words(
                rows(PARTICLES).filter_map(|r| r.first().copied()),
                true,
            ),
            surnames: rows(SURNAMES).filter_map(|r| r.first().copied()).collect(),
            demonyms,
            longest_title,
        }
    }

    /// Every gazetteer name in `text` that starts and ends on word boundaries.
    ///
    /// Every listed name starts with a capital, so the automaton is only run,
    /// anchored, at capitalised word starts: most of the text is never fed to
    /// it.
    pub fn find_all<'g>(&'g self, text: &str) -> Vec<(Span, &'g Entry)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        // Lower-case ASCII, digits and punctuation start no name: skip to the
        // next capital or non-ASCII char without decoding.
        while let Some(skip) = bytes.get(at..).and_then(|rest| {
            rest.iter()
                .position(|b| !b.is_ascii() || b.is_ascii_uppercase())
        }) {
            at += skip;
            let Some(rest) = text.get(at..) else {
                break;
            };
            let Some(c) = rest.chars().next() else {
                break;
            };
            if !c.is_uppercase() || alnum_before(text, at) {
                at += c.len_utf8();
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            if let Some(m) = matcher.find(input) {
                self.accept(text, m, &mut out);
                at = m.end();
                continue;
            }
            at += c.len_utf8();
        }
        out
    }

    /// Keeps the match `m` when it also ends on a word boundary.
    fn accept<'g>(&'g self, text: &str, m: aho_corasick::Match, out: &mut Vec<(Span, &'g Entry)>) {
        let after = text.get(m.end()..).and_then(|t| t.chars().next());
        let name = self.names.get(m.pattern().as_usize());
        let ends_with_dot = name.is_some_and(|n| n.ends_with('.'));
        let inside_word = after.is_some_and(char::is_alphanumeric)
            || after == Some('.') && !ends_with_dot && dotted_follow(text, m.end());
        if !inside_word {
            if let Some(entry) = self.entries.get(m.pattern().as_usize()) {
                out.push((Span::new(m.start(), m.end()), entry));
            }
        }
    }

    /// Looks a name up exactly.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let i = self.names.binary_search_by(|n| (*n).cmp(name)).ok()?;
        self.entries.get(i)
    }

    /// The adjective for a country ("Japan" -> "Japanese").
    pub fn demonym_of(&self, country: &str) -> Option<&str> {
        self.demonyms.get(country).copied()
    }

    /// Whether `word` is a common East Asian family name ("Kim", "Nguyen").
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word` is a known given name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// The kind of a title ("office", "honorific", ...), by its lower-case words.
    pub fn title_kind(&self, lower: &str) -> Option<&'static str> {
        self.titles.get(lower)
    }

    /// Whether a lower-case word is the first word of a title.
    pub fn opens_title(&self, lower: &str) -> bool {
        self.title_first_words.contains(lower)
    }

    /// The most words a title has.
    pub fn longest_title(&self) -> usize {
        self.longest_title
    }

    /// Whether `word` is a name particle ("de", "van", "al").
    /// Any case is accepted ("De", "van").
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }
}

/// Whether the char before byte `at` of `text` is a letter or digit.
fn alnum_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether a dot after a match is part of a dotted abbreviation ("U.S.A" after
/// "U.S"), which means the match stopped inside a longer word.
fn dotted_follow(text: &str, at: usize) -> bool {
    text.get(at + 1..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, EntityKind, String)> {
        Gazetteer::get()
            .find_all(text)
            .into_iter()
            .map(|(s, e)| (&text[s.range()], e.kind, e.canonical.to_string()))
            .collect()
    }

    #[test]
    fn countries_capitals_demonyms() {
        let hits = found("North Korean troops left Pyongyang for the U.S. and Russia’s border.");
        assert_eq!(
            hits,
            [
                (
                    "North Korean",
                    EntityKind::Group,
                    "North Korean".to_string()
                ),
                ("Pyongyang", EntityKind::Place, "Pyongyang".to_string()),
                ("U.S.", EntityKind::Place, "United States".to_string()),
                ("Russia", EntityKind::Place, "Russia".to_string()),
            ]
        );
        let capital = Gazetteer::get().lookup("Pyongyang").unwrap();
        assert!(capital.capital);
        assert_eq!(capital.country, Some("North Korea"));
    }

    #[test]
    fn word_boundaries() {
        assert!(found("Romanian nice talks")
            .iter()
            .all(|(t, _, _)| *t != "Oman"));
    }

    #[test]
    fn titles_and_names() {
        let g = Gazetteer::get();
        assert_eq!(g.title_kind("ambassador"), Some("office"));
        assert!(g.is_first_name("Linda"));
        assert!(g.is_particle("van"));
    }

    #[test]
    fn subdivisions_have_their_country() {
        let hits = found("Floods hit Sindh and Punjab, then Uttar Pradesh and Évora.");
        let places: Vec<&str> = hits.iter().map(|(t, _, _)| *t).collect();
        assert_eq!(places, ["Sindh", "Punjab", "Uttar Pradesh", "Évora"]);
        assert!(hits.iter().all(|(_, k, _)| *k == EntityKind::Place));
        let g = Gazetteer::get();
        let country = |name: &str| g.lookup(name).and_then(|e| e.country);
        assert_eq!(country("Sindh"), Some("Pakistan"));
        assert_eq!(country("Uttar Pradesh"), Some("India"));
        assert_eq!(country("Bavaria"), Some("Germany"));
        assert_eq!(country("Tibet"), Some("China"));
        // A division of both India and Pakistan: a place, of no one country.
        assert_eq!(country("Punjab"), None);
        // A city of the same name keeps its entry.
        assert_eq!(country("Lagos"), Some("Nigeria"));
        assert!(!g
            .lookup("Quebec")
            .is_some_and(|e| e.capital || e.is_country));
    }
}
