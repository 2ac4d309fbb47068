//! Proper names in a sentence: runs of capitalised words, typed by what the
//! lists know, by their last word ("Ministry", "War", "Strait"), by titles
//! before them ("Defense Minister", "ambassador") and by context ("firm X",
//! "X said").
//!
//! One word alone is only kept when something vouches for it (a list, a title,
//! a speech verb, an organisation cue, or, later, a full name it is part of),
//! because a lone capital is as often a sentence's first word as a name.

use std::borrow::Cow;

use super::gazetteer::{Entry, Gazetteer};
use super::token::{is_all_caps, is_capitalised, Token};
use super::words::{
    COMMON_OPENERS, EVENT_HEADS, GOVERNMENT_VERBS, ORG_CUES_AFTER, ORG_CUES_BEFORE, OTHER_HEADS,
    PLACE_HEADS, SPEECH_VERBS,
};
use crate::lexicon::WordSet;
use crate::{EntityKind, Span};

/// A name found in a sentence, before merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Byte span in the article text.
    pub span: Span,
    /// The kind, or `None` for a lone word still to be resolved against the
    /// article's full names.
    pub kind: Option<EntityKind>,
    /// The canonical name when a list knows it.
    pub canonical: Option<Cow<'static, str>>,
    /// A role given by a title before the name or an apposition after it.
    pub role: Option<String>,
    /// The country a place, demonym or capital belongs to.
    pub country: Option<&'static str>,
    /// Whether a capital stands for its government here.
    pub government: bool,
    /// Whether a title or speech verb vouches for a lone word being a person.
    pub person_cue: bool,
    /// Whether a preposition puts a lone word in a place ("in Manbij").
    pub place_cue: bool,
    /// Whether the name is in a headline or heading, where capitals prove little.
    pub weak: bool,
}

impl Candidate {
    /// A candidate of `kind` (or unresolved) with nothing else known.
    pub(crate) fn new(span: Span, kind: Option<EntityKind>) -> Candidate {
        Candidate {
            span,
            kind,
            canonical: None,
            role: None,
            country: None,
            government: false,
            person_cue: false,
            place_cue: false,
            weak: false,
        }
    }

    /// A candidate for a listed name.
    pub(crate) fn from_entry(span: Span, entry: &Entry) -> Candidate {
        Candidate {
            canonical: Some(Cow::Borrowed(entry.canonical)),
            country: entry.country,
            ..Candidate::new(span, Some(entry.kind))
        }
    }
}

/// A sentence with its words and what is already taken by dates and quantities.
pub(crate) struct Sentence<'a> {
    /// The article text.
    pub text: &'a str,
    /// The sentence's words.
    pub tokens: &'a [Token],
    /// Gazetteer names in the sentence, sorted by start.
    pub hits: &'a [(Span, &'a Entry)],
    /// Spans of dates and quantities, sorted and disjoint.
    pub taken: &'a [Span],
    /// Whether the sentence is a headline or heading.
    pub weak: bool,
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` lies in a date or quantity (`taken` is sorted and
    /// disjoint, so one bisection finds the only candidate).
    fn is_taken(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let after = self.taken.partition_point(|s| s.start < t.span.end);
            after
                .checked_sub(1)
                .and_then(|k| self.taken.get(k))
                .is_some_and(|s| t.span.start < s.end)
        })
    }

    /// The listed name starting at token `i` (`hits` is sorted by start).
    fn hit_at(&self, i: usize) -> Option<&(Span, &Entry)> {
        let t = self.tokens.get(i)?;
        let k = self.hits.partition_point(|(s, _)| s.start < t.span.start);
        self.hits.get(k).filter(|(s, _)| s.start == t.span.start)
    }

    fn span(&self, from: usize, to: usize) -> Option<Span> {
        if to <= from {
            return None;
        }
        Some(Span::new(
            self.tokens.get(from)?.span.start,
            self.tokens.get(to.checked_sub(1)?)?.span.end,
        ))
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        self.span(from, to)
            .and_then(|s| self.text.get(s.range()))
            .unwrap_or("")
    }
}

crate::lexicon::word_set!(
    /// [`COMMON_OPENERS`] as a set.
    COMMON_OPENER_SET = folded(COMMON_OPENERS)
);

/// Finds the name candidates of one sentence.
pub(crate) fn find_names(s: &Sentence<'_>) -> Vec<Candidate> {
    let gaz = Gazetteer::get();
    if s.weak
        && s.tokens
            .iter()
            .all(|t| !t.text(s.text).chars().any(char::is_lowercase))
    {
        return caps_heading_names(s, gaz);
    }
    if s.weak {
        // A headline capitalises every word: only listed names are taken here;
        // the article's other names are found in it when merging.
        return s
            .hits
            .iter()
            .map(|(span, entry)| {
                let mut c = Candidate::from_entry(*span, entry);
                c.weak = true;
                c
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        if let Some(c) = hyphen_hit(s, i) {
            out.push(c);
            i += 1;
            continue;
        }
        let (start, end) = run_at(s, i);
        if end == start {
            i += 1;
            continue;
        }
        out.extend(classify_run(s, gaz, start, end));
        i = end;
    }
    join_possessive_bodies(s, gaz, &mut out);
    for c in &mut out {
        c.weak = s.weak;
    }
    out
}

/// "Japan’s Defence Ministry": a country's body named through a possessive is
/// one organisation, named with the country's adjective ("Japanese Defence
/// Ministry") so that outlets writing either form agree.
fn join_possessive_bodies(s: &Sentence<'_>, gaz: &Gazetteer, out: &mut Vec<Candidate>) {
    let mut k = 1;
    while k < out.len() {
        let (Some(prev), Some(org)) = (out.get(k - 1), out.get(k)) else {
            break;
        };
        let gap = s.text.get(prev.span.end..org.span.start).unwrap_or("");
        let country = prev
            .canonical
            .as_deref()
            .filter(|c| prev.kind == Some(EntityKind::Place) && prev.country == Some(*c));
        let generic = org.kind == Some(EntityKind::Organization)
            && org.canonical.is_none()
            && s.text.get(org.span.range()).is_some_and(|t| {
                t.split_whitespace()
                    .last()
                    .is_some_and(|w| org_heads().contains(&w))
            });
        match (country, generic, matches!(gap, "\u{2019}s " | "'s ")) {
            (Some(country), true, true) => {
                let body = s.text.get(org.span.range()).unwrap_or("");
                let name = match gaz.demonym_of(country) {
                    Some(adjective) => format!("{adjective} {body}"),
                    None => format!("{country} {body}"),
                };
                let mut joined = org.clone();
                joined.span = Span::new(prev.span.start, org.span.end);
                joined.canonical = Some(Cow::Owned(name));
                out.splice(k - 1..=k, [joined]);
            }
            _ => k += 1,
        }
    }
}

/// Names in an all-capitals heading ("BEIJING RESPONDS"): listed names found
/// in title case, and every other word offered to the article's known names.
fn caps_heading_names(s: &Sentence<'_>, gaz: &Gazetteer) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        let mut taken = 0;
        for len in (1..=3.min(s.tokens.len() - i)).rev() {
            let words: Vec<String> = (i..i + len)
                .map(|k| crate::casing::title_word(s.word(k)))
                .collect();
            if let (Some(entry), Some(span)) = (gaz.lookup(&words.join(" ")), s.span(i, i + len)) {
                let mut c = Candidate::from_entry(span, entry);
                c.weak = true;
                out.push(c);
                taken = len;
                break;
            }
        }
        if taken == 0 {
            if let Some(t) = s.tokens.get(i) {
                if t.text(s.text).chars().count() > 2 && !s.is_taken(i) {
                    let mut c = Candidate::new(t.span, None);
                    c.weak = true;
                    out.push(c);
                }
            }
            taken = 1;
        }
        i += taken;
    }
    out
}

/// A listed name glued by a hyphen to a lower-case word ("Turkish-backed",
/// "Saudi-led", "U.S.-based").
fn hyphen_hit(s: &Sentence<'_>, i: usize) -> Option<Candidate> {
    let token = s.tokens.get(i)?;
    if !token.text(s.text).contains('-') {
        return None;
    }
    let (hit, entry) = s.hit_at(i)?;
    let rest = s.text.get(hit.end..token.span.end)?;
    let glued = rest.strip_prefix('-')?;
    glued
        .starts_with(char::is_lowercase)
        .then(|| Candidate::from_entry(*hit, entry))
}

/// The run of name words starting at `i`, as `(start, end)` token indexes
/// (empty when `i` starts none).
fn run_at(s: &Sentence<'_>, i: usize) -> (usize, usize) {
    let gaz = Gazetteer::get();
    let start = i;
    // Most words start no name: a lower-case word that is neither a particle
    // nor a prefixed name ("al-Assad") is decided here, before any lookup.
    let word = s.word(start);
    if !word.starts_with(char::is_uppercase) && !word.contains('-') && !gaz.is_particle(word) {
        return (i, i);
    }
    // A common word opening the sentence ("The", "However") starts no name.
    if is_sentence_start(s, start) && COMMON_OPENER_SET.contains(word) && s.hit_at(start).is_none()
    {
        return (i, i);
    }
    if !starts_name(s, start) {
        return (i, i);
    }
    let mut end = start;
    while end < s.tokens.len() && end - start < MAX_RUN_WORDS {
        if let Some((hit, _)) = s.hit_at(end) {
            if end > start && !s.tokens.get(end).is_some_and(|t| t.joined) {
                break;
            }
            // Take the whole listed name, lower-case words included.
            let before = end;
            while end < s.tokens.len() && s.tokens.get(end).is_some_and(|t| t.span.end <= hit.end) {
                end += 1;
            }
            if end == before {
                // The listed name ends inside a word ("Korea" in "Korea-based").
                break;
            }
            if s.tokens.get(end - 1).is_some_and(|t| t.possessive) {
                break;
            }
            continue;
        }
        let word = s.word(end);
        let token = s.tokens.get(end);
        if s.is_taken(end) || (end > start && !token.is_some_and(|t| t.joined)) {
            break;
        }
        let name_word = is_capitalised(word) && !is_pronoun_i(word) || is_prefixed_name(word);
        // "Bank of Japan" but not "Kaiyo Lines of Japan": after a name that
        // already ends in its head word, "of" + place is a modifier.
        let modifier =
            end > start && COMPANY_HEADS.contains(&s.word(end - 1)) && s.hit_at(end + 1).is_some();
        let connector =
            matches!(word, "of" | "for" | "on") && org_so_far(s, start, end) && !modifier;
        let and_org = word == "and" && end > start && and_continues_org(s, end);
        let inner = particles_then_name(s, gaz, end)
            || end > start
                && (connector || and_org)
                && s.tokens.get(end + 1).is_some_and(|t| t.joined)
                && is_capitalised(s.word(end + 1));
        if !(name_word || inner) {
            break;
        }
        end += 1;
        // "National People’s Congress", "Ombudsman’s Office": a possessive
        // inside a body's name, whose head word follows.
        if token.is_some_and(|t| t.possessive) && !possessive_inside_org(s, end) {
            break;
        }
    }
    (start, end)
}

fn is_pronoun_i(word: &str) -> bool {
    word == "I"
}

fn starts_name(s: &Sentence<'_>, i: usize) -> bool {
    let word = s.word(i);
    let gaz = Gazetteer::get();
    !s.is_taken(i)
        && (is_capitalised(word) && !is_pronoun_i(word)
            || is_prefixed_name(word)
            || !is_sentence_start(s, i) && particles_then_name(s, gaz, i))
}

/// "al-Khatib", "el-Sisi", "bin-Laden": a lower-case prefix glued to a name.
fn is_prefixed_name(word: &str) -> bool {
    ["al-", "el-", "bin-", "ad-", "as-"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether token `i` starts one or more name particles followed by a
/// capitalised word ("de la Rosa", "van den Heuvel").
fn particles_then_name(s: &Sentence<'_>, gaz: &Gazetteer, i: usize) -> bool {
    // Cheap test first: a capitalised word must follow within three words.
    if !(i + 1..(i + 4).min(s.tokens.len())).any(|k| is_capitalised(s.word(k))) {
        return false;
    }
    let mut k = i;
    while k < s.tokens.len() && k < i + 3 && gaz.is_particle(s.word(k)) {
        k += 1;
        if !s.tokens.get(k).is_some_and(|t| t.joined) {
            return false;
        }
    }
    k > i && is_capitalised(s.word(k))
}

/// Whether a connector ("of", "for", "on") continues an organisation or place
/// name ("Ministry of Defence", "Court of Arbitration for Sport", "Gulf of Aden").
fn org_so_far(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    let heads = org_heads();
    (start..end).any(|k| heads.contains(&s.word(k))) || PLACE_FIRST.contains(&s.word(start))
}

/// Head words of companies, after which "of" + a place says where the company
/// is from ("Kaiyo Lines of Japan"), unlike "Communist Party of Vietnam".
const COMPANY_HEADS: &[&str] = &[
    "Airlines",
    "Airways",
    "Corp",
    "Corporation",
    "Group",
    "Holdings",
    "Inc",
    "Industries",
    "Lines",
    "Logistics",
    "Ltd",
    "Motors",
    "Partners",
    "Securities",
    "Shipping",
    "Systems",
];

/// Whether the capitalised words from token `at` on reach an organisation head
/// word within three words ("People’s Congress").
fn possessive_inside_org(s: &Sentence<'_>, at: usize) -> bool {
    (at..(at + 3).min(s.tokens.len()))
        .take_while(|&k| is_capitalised(s.word(k)))
        .any(|k| org_heads().contains(&s.word(k)))
}

/// Whether "and" joins two halves of one organisation's name ("Environment and
/// Land Court"): an organisation head word follows within three capitalised words.
fn and_continues_org(s: &Sentence<'_>, at: usize) -> bool {
    let heads = org_heads();
    (at + 1..(at + 4).min(s.tokens.len()))
        .take_while(|&k| is_capitalised(s.word(k)))
        .any(|k| heads.contains(&s.word(k)))
}

/// Named religious and civic occasions that are events on their own.
const EVENT_NAMES: &[&str] = &[
    "Christmas",
    "Diwali",
    "Easter",
    "Eid",
    "Hanukkah",
    "Lent",
    "Nowruz",
    "Passover",
    "Ramadan",
    "Thanksgiving",
];

/// Lower-case words after a name that make it a place ("Quang Ngai province").
const PLACE_NOUNS: &[&str] = &[
    "area",
    "city",
    "county",
    "district",
    "island",
    "municipality",
    "province",
    "region",
    "state",
    "town",
    "township",
    "valley",
    "village",
];

/// The most words one name run takes: longer runs of capitals are not one name
/// (a list, a shouted line), and the bound keeps typing a run cheap.
const MAX_RUN_WORDS: usize = 12;

/// First words of place names ("Lake Victoria", "Mount Kenya").
const PLACE_FIRST: &[&str] = &[
    "Cape", "Gulf", "Isle", "Lake", "Mount", "Mt.", "Plaza", "Sea",
];

/// First words of event names ("Tour de France", "Operation Desert Storm").
const EVENT_FIRST: &[&str] = &["Battle", "Operation", "Siege", "Tour"];

/// Prepositions that put a name in a place ("in Manbij", "near Quang Ngai").
const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "to", "toward",
    "towards", "through",
];

/// Whether token `i` opens its sentence (after any opening quote).
fn is_sentence_start(s: &Sentence<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let (Some(prev), Some(this)) = (s.tokens.get(i - 1), s.tokens.get(i)) else {
        return false;
    };
    let gap = s.text.get(prev.span.end..this.span.start).unwrap_or("");
    gap.contains(['\u{201C}', '"', ':', '\u{2014}', '\u{2013}', '('])
}

/// Whether `word` is an organisation head word ("ministry", "Council"), any case.
pub(crate) fn is_org_head(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let title: String = first
        .to_uppercase()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    org_heads().contains(&title.as_str())
}

/// A word list looked up by hashing, in exact case.
pub(crate) struct HeadWords(WordSet);

impl HeadWords {
    /// Whether `word` is in the list (exact case).
    pub(crate) fn contains(&self, word: &&str) -> bool {
        self.0.contains(word)
    }
}

/// The organisation head words of `data/org_heads.txt`.
fn org_heads() -> &'static HeadWords {
    use std::sync::OnceLock;
    static HEADS: OnceLock<HeadWords> = OnceLock::new();
    HEADS.get_or_init(|| {
        let words = include_str!("../../data/org_heads.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::trim);
        HeadWords(WordSet::from_words(words, false))
    })
}

/// Types the run `start..end`, splitting off titles and listed names.
fn classify_run(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> Vec<Candidate> {
    let Some(span) = s.span(start, end) else {
        return Vec::new();
    };
    let run = s.slice(start, end);
    let last = s.word(end - 1);
    let first = s.word(start);
    // A listed name covering the whole run.
    if let Some((hit, entry)) = s.hit_at(start) {
        if *hit == span {
            let mut c = Candidate::from_entry(span, entry);
            c.government = entry.capital && governs(s, end);
            return vec![c];
        }
    }
    let heads = org_heads();
    let org_by_shape = heads.contains(&last)
        || end - start >= 2 && heads.contains(&first) && !gaz.is_first_name(first)
        || (start..end.saturating_sub(1))
            .any(|k| heads.contains(&s.word(k)) && matches!(s.word(k + 1), "of" | "for" | "on"))
        || cue_before(s, start, ORG_CUES_BEFORE) && !has_title(s, gaz, start, end)
        || ORG_CUES_AFTER.contains(&s.word(end).to_lowercase().as_str())
            && s.tokens.get(end).is_some_and(|t| t.joined)
            // "Advocacy group Open Doors": the cue introduces the next name.
            && !is_capitalised(s.word(end + 1));
    if org_by_shape && !(end - start == 1 && s.hit_at(start).is_some()) {
        return vec![Candidate::new(span, Some(EntityKind::Organization))];
    }
    if end - start >= 2 && EVENT_HEADS.contains(&last) || run.starts_with("COP") && run.len() <= 6 {
        return vec![Candidate::new(span, Some(EntityKind::Event))];
    }
    if end - start >= 2 && (PLACE_HEADS.contains(&last) || PLACE_FIRST.contains(&first)) {
        return vec![Candidate::new(span, Some(EntityKind::Place))];
    }
    if end - start >= 2 && EVENT_FIRST.contains(&first) {
        return vec![Candidate::new(span, Some(EntityKind::Event))];
    }
    if EVENT_NAMES.contains(&first) {
        return vec![Candidate::new(span, Some(EntityKind::Event))];
    }
    if OTHER_HEADS.contains(&last) {
        // "U.N. Convention on ...": the document is not an entity, the body is.
        return listed_in(s, start, end);
    }
    if let Some((t_start, t_end)) = last_title(s, gaz, start, end) {
        let mut out = listed_in(s, start, t_start);
        if t_end < end {
            let mut names = classify_run(s, gaz, t_end, end);
            let role = s.slice(start, t_end).to_string();
            for c in &mut names {
                if c.kind.is_none() || c.kind == Some(EntityKind::Person) {
                    c.kind = Some(EntityKind::Person);
                    c.role = Some(role.clone());
                    c.person_cue = true;
                }
            }
            out.extend(names);
        }
        return out;
    }
    // Listed names at the start ("Chinese" in "Chinese Politburo"): split them off.
    if let Some((hit, entry)) = s.hit_at(start) {
        let split = (start..end)
            .find(|&k| s.tokens.get(k).is_some_and(|t| t.span.start >= hit.end))
            .unwrap_or(end);
        let first_name_led = end - start >= 2 && gaz.is_first_name(first) && !entry.is_country;
        if !first_name_led {
            let mut c = Candidate::from_entry(Span::new(hit.start, hit.end), entry);
            c.government = entry.capital && governs(s, split);
            let mut out = vec![c];
            if split < end {
                out.extend(classify_run(s, gaz, split, end));
            }
            return out;
        }
    }
    let mut c = Candidate::new(span, None);
    let lone = end - start == 1;
    if lone {
        let word = first;
        if is_all_caps(word) && word.len() <= 8 && !s.weak || cue_before(s, start, ORG_CUES_BEFORE)
        {
            c.kind = Some(EntityKind::Organization);
        } else {
            c.person_cue = title_before(s, gaz, start).is_some() || speech_after(s, end);
            c.role = title_before(s, gaz, start);
            c.place_cue = !c.person_cue && cue_before(s, start, PLACE_PREPOSITIONS);
        }
        return vec![c];
    }
    if person_shaped(s, gaz, start, end) {
        let role = title_before(s, gaz, start).or_else(|| apposition_role(s, gaz, end));
        c.kind = Some(if role.is_some() || person_evidence(s, gaz, start, end) {
            EntityKind::Person
        } else if PLACE_NOUNS.contains(&s.word(end)) && s.tokens.get(end).is_some_and(|t| t.joined)
        {
            EntityKind::Place
        } else {
            // Capitalised words that no list, title or verb ties to a person
            // are most often a name of a body ("Civic Compass", "Kaiyo Lines").
            EntityKind::Organization
        });
        c.role = role;
        return vec![c];
    }
    listed_in(s, start, end)
}

/// Whether something beyond capitals says `start..end` names a person: a known
/// given name or East Asian family name first, an initial, a hyphenated given
/// name ("Sun-lac"), or a speech verb after it.
fn person_evidence(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    let first = s.word(start);
    let has_initial = (start..end).any(|k| {
        let w = s.word(k);
        w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase)
    });
    let east_asian_given = (start + 1..end).any(|k| {
        s.word(k)
            .split_once('-')
            .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase))
    });
    let particle_inside =
        (start..end).any(|k| gaz.is_particle(s.word(k))) || is_prefixed_name(s.word(end - 1));
    // "Paul-Henri", "Diallo-Sow": two capitalised halves make a name, not a body.
    let double_barrelled = (start..end).any(|k| {
        s.word(k).split_once('-').is_some_and(|(a, b)| {
            a.starts_with(char::is_uppercase)
                && b.starts_with(char::is_uppercase)
                && a.chars().chain(b.chars()).all(char::is_alphabetic)
        })
    }) && end - start >= 2;
    gaz.is_first_name(first)
        || double_barrelled
        || gaz.is_surname(first)
        || particle_inside
        || has_initial
        || east_asian_given
        || speech_after(s, end)
        || s.word(end) == "who"
}

/// Names from the lists inside `start..end` (the part of a run before a title).
fn listed_in(s: &Sentence<'_>, start: usize, end: usize) -> Vec<Candidate> {
    s.hits
        .iter()
        .filter(|(span, _)| {
            s.span(start, end)
                .is_some_and(|run| run.start <= span.start && span.end <= run.end)
        })
        .map(|(span, entry)| Candidate::from_entry(*span, entry))
        .collect()
}

/// The last title inside the run, as token indexes `(start, end)`.
fn last_title(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let longest = gaz.longest_title();
    let mut found = None;
    // One buffer for every phrase tried: the words from `i` on, lower-cased,
    // with the byte length after each word, so each shorter phrase is a prefix.
    let mut phrase = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(longest);
    for i in start..end {
        phrase.clear();
        ends.clear();
        for k in i..i + longest.min(end - i) {
            if k > i {
                phrase.push(' ');
            }
            phrase.extend(
                s.word(k)
                    .trim_end_matches('.')
                    .chars()
                    .flat_map(char::to_lowercase),
            );
            ends.push(phrase.len());
        }
        for (n, &to) in ends.iter().enumerate().rev() {
            if phrase.get(..to).is_some_and(|p| is_person_title(gaz, p)) {
                found = Some((i, i + n + 1));
                break;
            }
        }
    }
    found
}

fn has_title(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    last_title(s, gaz, start, end).is_some()
}

/// Whether a lower-case phrase is a title that can stand before a person's name.
fn is_person_title(gaz: &Gazetteer, phrase: &str) -> bool {
    gaz.title_kind(phrase).is_some_and(|kind| {
        matches!(
            kind,
            "office" | "honorific" | "military" | "religious" | "occupation"
        )
    })
}

/// A role written right before token `i`: lower-case title words with the
/// capitalised words before them ("Chinese Politburo member", "ambassador"),
/// or a title and a comma ("Xi Jinping’s envoy, Li Hongzhong").
fn title_before(s: &Sentence<'_>, gaz: &Gazetteer, i: usize) -> Option<String> {
    let this = s.tokens.get(i)?;
    let prev = s.tokens.get(i.checked_sub(1)?)?;
    let gap = s.text.get(prev.span.end..this.span.start)?;
    if !(this.joined || gap == ", ") {
        return None;
    }
    let prev_word = s.word(i - 1).trim_end_matches('.').to_lowercase();
    if !is_person_title(gaz, &prev_word) {
        let two = format!("{} {prev_word}", s.word(i.checked_sub(2)?).to_lowercase());
        if !is_person_title(gaz, &two) {
            return None;
        }
    }
    // Extend left over words of the same phrase.
    let mut from = i - 1;
    while from > 0 {
        let word = s.word(from - 1);
        let joined = s.tokens.get(from).is_some_and(|t| t.joined)
            || s.tokens.get(from - 1).is_some_and(|t| t.possessive);
        let lower = word.to_lowercase();
        if !joined
            || matches!(
                lower.as_str(),
                "the" | "a" | "an" | "and" | "said" | "says" | "by"
            )
            || s.is_taken(from - 1)
        {
            break;
        }
        if !is_capitalised(word) && !is_person_title(gaz, &lower) {
            break;
        }
        from -= 1;
    }
    Some(s.slice(from, i).trim_end_matches([',', ' ']).to_string())
}

/// A role in an apposition after the name: ", the previous South Korean
/// ambassador to Russia," or ", a member of ...".
fn apposition_role(s: &Sentence<'_>, gaz: &Gazetteer, end: usize) -> Option<String> {
    let last = s.tokens.get(end.checked_sub(1)?)?;
    let rest = s.text.get(last.span.end..)?;
    let body = match rest.strip_prefix(", ") {
        Some(after_comma) => ["the ", "a ", "an ", "who is ", "who was ", "now "]
            .iter()
            .find_map(|p| after_comma.strip_prefix(p))?,
        // A role stated as a fact: "X was the ambassador to Russia before ...".
        None => [
            " was the ",
            " is the ",
            " was a ",
            " is a ",
            " has been the ",
            " became the ",
            " served as ",
        ]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?,
    };
    let mut phrase_end = body
        .find([',', '.', ';', '(', ')', '\u{201C}', '"', '\n'])
        .unwrap_or(body.len());
    for stop in [" before ", " until ", " when ", " since ", " who ", " and "] {
        if let Some(at) = body.get(..phrase_end).and_then(|b| b.find(stop)) {
            phrase_end = at;
        }
    }
    let phrase = body.get(..phrase_end)?.trim();
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches(['\u{2019}', '\'']).to_lowercase())
        .collect();
    let has_title = (0..words.len()).any(|k| {
        is_person_title(gaz, words.get(k).map_or("", String::as_str))
            || words
                .get(k..k + 2)
                .is_some_and(|w| is_person_title(gaz, &w.join(" ")))
    });
    (has_title && words.len() <= 12).then(|| phrase.to_string())
}

/// Whether a lower-case organisation cue stands right before token `i`.
fn cue_before(s: &Sentence<'_>, i: usize, cues: &[&str]) -> bool {
    i > 0 && s.tokens.get(i).is_some_and(|t| t.joined) && cues.contains(&s.word(i - 1))
}

/// Whether a speech verb follows the run ending at token `end`.
fn speech_after(s: &Sentence<'_>, end: usize) -> bool {
    let next = s.word(end).to_lowercase();
    SPEECH_VERBS.contains(&next.as_str())
        || matches!(next.as_str(), "has" | "had" | "also" | "later" | "then")
            && SPEECH_VERBS.contains(&s.word(end + 1).to_lowercase().as_str())
}

/// Whether a capital standing before token `end` acts as its government.
fn governs(s: &Sentence<'_>, end: usize) -> bool {
    let prev_possessive = end > 0 && s.tokens.get(end - 1).is_some_and(|t| t.possessive);
    let mut k = end;
    // "Pyongyang and Moscow have denied": look past a second capital.
    if s.word(k) == "and" && is_capitalised(s.word(k + 1)) {
        k += 2;
    }
    let next = s.word(k).to_lowercase();
    prev_possessive
        || GOVERNMENT_VERBS.contains(&next.as_str())
        || SPEECH_VERBS.contains(&next.as_str())
        || next.len() > 4 && next.ends_with("ed") && s.tokens.get(k).is_some_and(|t| t.joined)
}

/// Whether `start..end` looks like a person's name: two to five words, each a
/// capitalised word, an initial or a particle, with no list word for a place
/// or group among them, and not all in capitals.
fn person_shaped(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    let n = end - start;
    if !(2..=5).contains(&n) {
        return false;
    }
    let mut all_caps = true;
    for k in start..end {
        let word = s.word(k);
        if s.hit_at(k).is_some() && !gaz.is_first_name(word) {
            return false;
        }
        if !is_all_caps(word) {
            all_caps = false;
        }
        let ok = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
            && (is_capitalised(word) || gaz.is_particle(word) || word.starts_with("al-"));
        if !ok {
            return false;
        }
    }
    !all_caps
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<EntityKind>, Option<String>)> {
        let span = Span::new(0, text.len());
        let tokens = tokenize(text, span);
        let hits = Gazetteer::get().find_all(text);
        let s = Sentence {
            text,
            tokens: &tokens,
            hits: &hits,
            taken: &[],
            weak: false,
        };
        find_names(&s)
            .into_iter()
            .map(|c| (text[c.span.range()].to_string(), c.kind, c.role))
            .collect()
    }

    fn n(
        text: &str,
        kind: Option<EntityKind>,
        role: Option<&str>,
    ) -> (String, Option<EntityKind>, Option<String>) {
        (text.to_string(), kind, role.map(str::to_string))
    }

    #[test]
    fn titled_person_with_demonym() {
        assert_eq!(
            names("Russian Defense Minister Sergei Shoigu arrived."),
            [
                n("Russian", Some(EntityKind::Group), None),
                n(
                    "Sergei Shoigu",
                    Some(EntityKind::Person),
                    Some("Russian Defense Minister")
                ),
            ]
        );
    }

    #[test]
    fn lower_case_title_before_a_name() {
        let got = names("He met Chinese Politburo member Li Hongzhong and ambassador Wi.");
        assert!(
            got.contains(&n(
                "Li Hongzhong",
                Some(EntityKind::Person),
                Some("Chinese Politburo member")
            )),
            "{got:?}"
        );
        assert!(got.contains(&n("Wi", None, Some("ambassador"))), "{got:?}");
    }

    #[test]
    fn organisations_by_shape_and_cue() {
        let got = names("The U.N. Security Council, the Russian Defense Ministry and advocacy group Open Doors met, as did the firm Umbra.");
        assert!(
            got.contains(&n(
                "U.N. Security Council",
                Some(EntityKind::Organization),
                None
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&n(
                "Russian Defense Ministry",
                Some(EntityKind::Organization),
                None
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&n("Open Doors", Some(EntityKind::Organization), None)),
            "{got:?}"
        );
        assert!(
            got.contains(&n("Umbra", Some(EntityKind::Organization), None)),
            "{got:?}"
        );
    }

    #[test]
    fn events_places_and_apposition() {
        let got = names("Wi Sun-lac, the previous South Korean ambassador to Russia, recalled the Korean War near Second Thomas Shoal.");
        assert_eq!(
            got[0],
            n(
                "Wi Sun-lac",
                Some(EntityKind::Person),
                Some("previous South Korean ambassador to Russia")
            )
        );
        assert!(
            got.contains(&n("Korean War", Some(EntityKind::Event), None)),
            "{got:?}"
        );
        assert!(
            got.contains(&n("Second Thomas Shoal", Some(EntityKind::Place), None)),
            "{got:?}"
        );
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let got = names("However, observers said Pyongyang denied it.");
        assert_eq!(got, [n("Pyongyang", Some(EntityKind::Place), None)]);
    }
}
