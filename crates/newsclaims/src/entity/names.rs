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
use super::token::{is_all_caps, Token};
use super::words::{
    exact_set, COMMON_OPENERS, EVENT_CUES_AFTER, EVENT_HEAD_SET, GOVERNMENT_VERB_SET,
    ORG_CUES_AFTER_SET, ORG_CUES_BEFORE_SET, OTHER_HEAD_SET, PLACE_HEAD_SET, SPEECH_VERB_SET,
};
use crate::lexicon::{push_lower, with_lower, WordSet};
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
    /// Whether the kind is only a guess (a listed given name, a speech verb,
    /// or no evidence at all), which a surer typing of the same name elsewhere
    /// in the article overrides.
    pub guess: bool,
    /// Whether context says a lone word names a body ("Kaiyo President Sato"),
    /// so that it becomes an organisation when no known name claims it.
    pub org_cue: bool,
    /// Whether a lone word is listed next to a body ("PASOK and Syriza"): a
    /// body unless a known person's name holds the word.
    pub body_listed: bool,
    /// Whether a lone word opens its sentence, where its capital proves
    /// nothing ("Data prices rose"): it may be the article's name, but not a
    /// shortened one.
    pub opening: bool,
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
            guess: false,
            org_cue: false,
            body_listed: false,
            opening: false,
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

    /// Whether token `i` starts with a capital letter.
    fn capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.capitalised)
    }

    /// Whether token `i` has a hyphen inside.
    fn hyphenated(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.hyphenated)
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
        classify_run(s, gaz, start, end, &mut out);
        i = end;
    }
    join_possessive_bodies(s, gaz, &mut out);
    join_coordinated_bodies(s, &mut out);
    spread_body_kind(s, &mut out);
    spread_person_cues(s, gaz, &mut out);
    spread_place_cues(s, &mut out);
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

/// Joins names that "and" or "&" makes one body: two lone words with
/// something saying they are a body ("the grocery chain Northfield and Vale",
/// "Garvie and Sloan, which ...", "Northfield and Vale was founded"), and a
/// body's "of" complement continued after "and" ("Ministry of Economy and
/// Public Finance", "African Court on Human and Peoples’ Rights").
fn join_coordinated_bodies(s: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let mut k = 1;
    while k < out.len() {
        let (Some(a), Some(b)) = (out.get(k - 1), out.get(k)) else {
            break;
        };
        let gap = s.text.get(a.span.end..b.span.start).unwrap_or("");
        if matches!(gap, " and " | " & ") && (lone_pair_body(s, a, b) || continued_body(s, a, b)) {
            let mut joined = Candidate::new(
                Span::new(a.span.start, b.span.end),
                Some(EntityKind::Organization),
            );
            joined.weak = a.weak;
            out.splice(k - 1..=k, [joined]);
        } else {
            k += 1;
        }
    }
}

/// Whether two lone unlisted words around "and" name one body.
fn lone_pair_body(s: &Sentence<'_>, a: &Candidate, b: &Candidate) -> bool {
    let untyped = |c: &Candidate| {
        c.kind.is_none() && c.canonical.is_none() && c.role.is_none() && !c.span.is_empty()
    };
    let one_word = |c: &Candidate| token_index(s, c.span.start) == token_index(s, c.span.end);
    if !(untyped(a) && untyped(b) && one_word(a) && one_word(b)) {
        return false;
    }
    let Some(last) = token_index(s, b.span.end) else {
        return false;
    };
    let next = s.word(last + 1);
    let singular_verb = s.tokens.get(last + 1).is_some_and(|t| t.joined)
        && matches!(next, "was" | "is" | "has" | "says");
    a.org_cue || b.org_cue || singular_verb || s.tokens.get(last).is_some_and(|t| t.possessive)
}

/// Whether `b` continues the "of" complement of the body `a` after "and".
fn continued_body(s: &Sentence<'_>, a: &Candidate, b: &Candidate) -> bool {
    let (Some(a_text), Some(b_text)) = (s.text.get(a.span.range()), s.text.get(b.span.range()))
    else {
        return false;
    };
    let a_words: Vec<&str> = a_text.split_whitespace().collect();
    let connector_inside = a_words
        .iter()
        .skip(1)
        .any(|w| matches!(*w, "of" | "on" | "for"));
    let a_ends_in_place = s.hits.iter().any(|(hit, _)| hit.end == a.span.end);
    let b_plain = b.canonical.is_none()
        && (b.kind.is_none() || b.guess)
        && b_text.split_whitespace().all(|w| !org_heads().contains(&w));
    a.kind == Some(EntityKind::Organization)
        && !a.guess
        && connector_inside
        && !a_ends_in_place
        && b_plain
}

/// The index of the token starting or ending at byte `at`.
fn token_index(s: &Sentence<'_>, at: usize) -> Option<usize> {
    let k = s.tokens.partition_point(|t| t.span.end < at);
    s.tokens
        .get(k)
        .filter(|t| t.span.start == at || t.span.end == at)
        .map(|_| k)
}

/// "PASOK and Syriza accused ...": a name only guessed to be a person, listed
/// next to a body ("and", "or", a comma), is a body too.
fn spread_body_kind(s: &Sentence<'_>, out: &mut [Candidate]) {
    let sure_body = |c: &Candidate| {
        c.kind == Some(EntityKind::Organization) && !c.guess || c.kind.is_none() && c.org_cue
    };
    let gaz = Gazetteer::get();
    // A listed given name is evidence enough ("the ministry and Pedro").
    let given_name_first =
        |c: &Candidate| token_index(s, c.span.start).is_some_and(|k| gaz.is_first_name(s.word(k)));
    let guessed_person = |c: &Candidate| {
        (c.kind == Some(EntityKind::Person) && c.guess
            || c.kind.is_none() && !c.org_cue && !c.place_cue && c.canonical.is_none())
            && !given_name_first(c)
    };
    for k in 1..out.len() {
        let (Some(a), Some(b)) = (out.get(k - 1), out.get(k)) else {
            break;
        };
        let gap = s.text.get(a.span.end..b.span.start).unwrap_or("");
        if !matches!(gap, " and " | " or " | ", " | " & ") {
            continue;
        }
        let turn = if sure_body(a) && guessed_person(b) {
            k
        } else if sure_body(b) && guessed_person(a) {
            k - 1
        } else {
            continue;
        };
        if let Some(c) = out.get_mut(turn) {
            if c.kind.is_some() {
                c.kind = Some(EntityKind::Organization);
            } else {
                // A lone word may still be a known person's surname.
                c.body_listed = true;
            }
        }
    }
}

/// "His cousins Dennis and Yusuf Kasper": a lone listed given name joined by
/// "and" to a person's full name is a person too.
fn spread_person_cues(s: &Sentence<'_>, gaz: &Gazetteer, out: &mut [Candidate]) {
    for k in 1..out.len() {
        let (Some(a), Some(b)) = (out.get(k - 1), out.get(k)) else {
            break;
        };
        let gap = s.text.get(a.span.end..b.span.start).unwrap_or("");
        let given = s
            .text
            .get(a.span.range())
            .is_some_and(|w| gaz.is_first_name(w));
        if gap == " and "
            && given
            && a.kind.is_none()
            && !a.org_cue
            && b.kind == Some(EntityKind::Person)
        {
            if let Some(c) = out.get_mut(k - 1) {
                c.person_cue = true;
                c.place_cue = false;
            }
        }
    }
}

/// "in Alberta, Saskatchewan and Manitoba", "around Sururu and Likia": a lone
/// word listed together with a place is a place too.
fn spread_place_cues(s: &Sentence<'_>, out: &mut [Candidate]) {
    let is_place = |c: &Candidate| c.kind == Some(EntityKind::Place) || c.place_cue;
    let open = |c: &Candidate| c.kind.is_none() && !c.person_cue && !c.org_cue && !c.place_cue;
    for _ in 0..out.len() {
        let mut changed = false;
        for k in 1..out.len() {
            let (Some(a), Some(b)) = (out.get(k - 1), out.get(k)) else {
                break;
            };
            let gap = s.text.get(a.span.end..b.span.start).unwrap_or("");
            if !matches!(gap, ", " | " and " | ", and " | " or ") {
                continue;
            }
            let target = if is_place(a) && open(b) {
                k
            } else if is_place(b) && open(a) {
                k - 1
            } else {
                continue;
            };
            if let Some(c) = out.get_mut(target) {
                c.place_cue = true;
                changed = true;
            }
        }
        if !changed {
            break;
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
    // Every listed name starts with a capital.
    if !token.capitalised || !token.hyphenated {
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
    // Most words start no name: a lower-case word that is neither a prefixed
    // name ("al-Assad") nor a particle before a capitalised word ("de la
    // Rosa") is decided here, with one lookup at most.
    let word = s.word(start);
    let may_start = s.capitalised(start)
        || s.hyphenated(start)
        || capital_within_three(s, start) && gaz.is_particle(word);
    if !may_start {
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
            if end > start && !continues_run(s, end) {
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
        if s.is_taken(end) || (end > start && !continues_run(s, end)) {
            break;
        }
        let name_word = s.capitalised(end) && !is_pronoun_i(word)
            || s.hyphenated(end) && is_prefixed_name(word);
        if !name_word && !inner_word(s, gaz, start, end) {
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

/// Whether token `end`, not a name word itself, goes on with the run
/// `start..end`: particles before a name ("de la Rosa"), or a connector or
/// "and" inside a body's name before a capitalised word. The cheap tests come
/// first, as this is asked at the end of every run.
fn inner_word(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    if particles_then_name(s, gaz, end) {
        return true;
    }
    let capital_follows =
        end > start && s.tokens.get(end + 1).is_some_and(|t| t.joined) && s.capitalised(end + 1);
    // "University of the Aegean", "Ministry of the Interior", "Feast of the
    // Assumption": "of the" inside a body's or an event's name.
    let the_follows = end > start
        && s.word(end + 1) == "the"
        && s.tokens.get(end + 1).is_some_and(|t| t.joined)
        && s.tokens.get(end + 2).is_some_and(|t| t.joined)
        && s.capitalised(end + 2);
    if s.word(end) == "of" && the_follows {
        // "the Politburo of the Communist Party": a complement that is a body
        // of its own is named apart.
        let heads = org_heads();
        let complement_is_body = (end + 2..s.tokens.len())
            .take_while(|&k| s.capitalised(k) && s.tokens.get(k).is_some_and(|t| t.joined))
            .any(|k| heads.contains(&s.word(k)));
        return !complement_is_body && body_so_far(s, start, end);
    }
    if s.word(end) == "the" && capital_follows && end >= start + 2 && s.word(end - 1) == "of" {
        return true;
    }
    if !capital_follows {
        return false;
    }
    match s.word(end) {
        "of" | "for" | "on" => {
            // "Bank of Japan" but not "Kaiyo Lines of Japan": after a name that
            // already ends in its head word, "of" + place is a modifier.
            let modifier =
                COMPANY_HEAD_SET.contains(s.word(end - 1)) && s.hit_at(end + 1).is_some();
            // "University of the Aegean on Lesbos": after the name's own
            // complement, a second connector and a listed place say where.
            let located = (start..end).any(|k| matches!(s.word(k), "of" | "for" | "on"))
                && s.hit_at(end + 1)
                    .is_some_and(|(_, e)| e.kind == EntityKind::Place);
            org_so_far(s, start, end) && !modifier && !located
        }
        // "Defense Minister X and Chinese Politburo member Y": a titled person
        // before "and" is not half of a body's name.
        "and" => and_continues_org(s, end) && !has_title(s, gaz, start, end),
        _ => false,
    }
}

/// Whether a capitalised word follows token `i` within three words, as a name
/// after particles must.
fn capital_within_three(s: &Sentence<'_>, i: usize) -> bool {
    (i + 1..(i + 4).min(s.tokens.len())).any(|k| s.capitalised(k))
}

/// Whether token `k` goes on with the run before it: only spaces between, or
/// a possessive the run was allowed to take ("National People’s Congress":
/// the run stops at a possessive unless an organisation head follows).
fn continues_run(s: &Sentence<'_>, k: usize) -> bool {
    s.tokens.get(k).is_some_and(|t| t.joined)
        || k > 0 && s.tokens.get(k - 1).is_some_and(|t| t.possessive)
}

fn is_pronoun_i(word: &str) -> bool {
    word == "I"
}

fn starts_name(s: &Sentence<'_>, i: usize) -> bool {
    let word = s.word(i);
    let gaz = Gazetteer::get();
    !s.is_taken(i)
        && (s.capitalised(i) && !is_pronoun_i(word)
            || s.hyphenated(i) && is_prefixed_name(word)
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
    if !capital_within_three(s, i) {
        return false;
    }
    let mut k = i;
    while k < s.tokens.len() && k < i + 3 && gaz.is_particle(s.word(k)) {
        k += 1;
        if !s.tokens.get(k).is_some_and(|t| t.joined) {
            return false;
        }
    }
    k > i && s.capitalised(k)
}

/// Whether a connector ("of", "for", "on") continues an organisation or place
/// name ("Ministry of Defence", "Court of Arbitration for Sport", "Gulf of Aden").
fn org_so_far(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    let heads = org_heads();
    (start..end).any(|k| heads.contains(&s.word(k))) || PLACE_FIRST.contains(&s.word(start))
}

/// Whether "of the" continues the run `start..end` as a body's name
/// ("University of the Aegean") or an event's ("Feast of the Assumption").
fn body_so_far(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    org_so_far(s, start, end) || EVENT_FIRST.contains(&s.word(start))
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
        .take_while(|&k| s.capitalised(k))
        .any(|k| org_heads().contains(&s.word(k)))
}

/// Whether "and" joins two halves of one organisation's name ("Environment and
/// Land Court"): an organisation head word follows within three capitalised words.
fn and_continues_org(s: &Sentence<'_>, at: usize) -> bool {
    let heads = org_heads();
    (at + 1..(at + 4).min(s.tokens.len()))
        .take_while(|&k| s.capitalised(k))
        .any(|k| heads.contains(&s.word(k)))
}

exact_set!(
    /// [`COMPANY_HEADS`] as a set.
    COMPANY_HEAD_SET = COMPANY_HEADS
);

/// Named religious and civic occasions that are events on their own.
const EVENT_NAMES: &[&str] = &[
    "Carnival",
    "Christmas",
    "Diwali",
    "Easter",
    "Eid",
    "Hajj",
    "Halloween",
    "Hanukkah",
    "Hogmanay",
    "Kwanzaa",
    "Lent",
    "Nowruz",
    "Oktoberfest",
    "Passover",
    "Ramadan",
    "Songkran",
    "Thanksgiving",
];

exact_set!(
    /// [`EVENT_NAMES`] as a set.
    EVENT_NAME_SET = EVENT_NAMES
);

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

exact_set!(
    /// [`PLACE_NOUNS`] as a set.
    PLACE_NOUN_SET = PLACE_NOUNS
);

/// The most words one name run takes: longer runs of capitals are not one name
/// (a list, a shouted line), and the bound keeps typing a run cheap.
const MAX_RUN_WORDS: usize = 12;

/// First words of place names ("Lake Victoria", "Mount Kenya").
const PLACE_FIRST: &[&str] = &[
    "Cape", "Gulf", "Isle", "Lake", "Mount", "Mt.", "Plaza", "Sea",
];

/// First words of event names ("Tour de France", "Operation Desert Storm").
const EVENT_FIRST: &[&str] = &["Battle", "Feast", "Operation", "Siege", "Tour"];

/// Prepositions that put a name in a place ("in Manbij", "near Quang Ngai").
const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "to", "toward",
    "towards", "through",
];

exact_set!(
    /// [`PLACE_PREPOSITIONS`] as a set.
    PLACE_PREPOSITION_SET = PLACE_PREPOSITIONS
);

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
    // Short ASCII words are title-cased on the stack.
    if word.is_ascii() {
        let mut buf = [0u8; 32];
        if let Some(title) = buf.get_mut(..word.len()) {
            title.copy_from_slice(word.as_bytes());
            title.make_ascii_lowercase();
            if let Some(first) = title.first_mut() {
                first.make_ascii_uppercase();
            }
            if let Ok(title) = std::str::from_utf8(title) {
                return org_heads().contains(&title);
            }
        }
    }
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

/// Types the run `start..end`, splitting off titles and listed names, and
/// adds its candidates to `out`.
fn classify_run(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    end: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(span) = s.span(start, end) else {
        return;
    };
    // "the Court of Session on Thursday": a connector followed by a date or a
    // number is not inside the name.
    if end - start >= 2 && matches!(s.word(end - 1), "of" | "for" | "on" | "and") {
        return classify_run(s, gaz, start, end - 1, out);
    }
    // "fined Ubuntu Connect R1.9 billion": a word that starts a number (a
    // currency letter and digits) is not part of the name before it.
    if end - start >= 2 && starts_number(s, end - 1) {
        return classify_run(s, gaz, start, end - 1, out);
    }
    // "Aldgate Hollis and Nordhavn Partners": two bodies listed, not one.
    if let Some(k) = listed_bodies_split(s, start, end) {
        let from = out.len();
        classify_run(s, gaz, start, k, out);
        // Listed with a body, a name only guessed to be a person is a body too
        // ("hired Brandt Cole and Ostrava Partners").
        for c in out.iter_mut().skip(from) {
            if c.guess && c.kind == Some(EntityKind::Person) {
                c.kind = Some(EntityKind::Organization);
            }
        }
        classify_run(s, gaz, k + 1, end, out);
        return;
    }
    let run = s.slice(start, end);
    let last = s.word(end - 1);
    let first = s.word(start);
    // A listed name covering the whole run.
    if let Some((hit, entry)) = s.hit_at(start) {
        if *hit == span {
            let mut c = Candidate::from_entry(span, entry);
            c.government = entry.capital && governs(s, end);
            out.push(c);
            return;
        }
    }
    // "North Evia", "West Java": a compass word before a listed region or
    // city (not a country: "North Korea" is listed whole) names a place.
    if end - start == 2 && matches!(first, "North" | "South" | "East" | "West" | "Central") {
        if let Some(&(hit, entry)) = s.hit_at(start + 1) {
            if entry.kind == EntityKind::Place && !entry.is_country && hit.end == span.end {
                let mut c = Candidate::new(span, Some(EntityKind::Place));
                c.country = entry.country;
                out.push(c);
                return;
            }
        }
    }
    let heads = org_heads();
    let lone = end - start == 1;
    // "Coalition talks are ...": a head word opening a sentence is as often a
    // plain noun; it is kept only when the article names that body.
    let opening_head = lone && heads.contains(&last) && is_sentence_start(s, start);
    let org_by_shape = heads.contains(&last) && !opening_head
        || end - start >= 2
            && heads.contains(&first)
            && !gaz.is_first_name(first)
            // "Police Chief Ana Ruiz": the title splits the run.
            && !has_title(s, gaz, start, end)
        || (start..end.saturating_sub(1))
            .any(|k| heads.contains(&s.word(k)) && matches!(s.word(k + 1), "of" | "for" | "on"))
        || cue_before(s, start, &ORG_CUES_BEFORE_SET) && !has_title(s, gaz, start, end)
        || with_lower(s.word(end), |w| ORG_CUES_AFTER_SET.contains(w))
            && s.tokens.get(end).is_some_and(|t| t.joined)
            // "Advocacy group Open Doors": the cue introduces the next name.
            && !s.capitalised(end + 1)
        || head_before_place(s, start, end)
        || place_tail_body(s, gaz, start, end);
    if org_by_shape && !(lone && s.hit_at(start).is_some()) {
        if lone && !heads.contains(&last) {
            // "the firm Umbra", "Kaiyo shareholders": the article's body of
            // that name ("Kaiyo Lines") when it has one.
            let mut c = Candidate::new(span, None);
            c.org_cue = true;
            out.push(c);
            return;
        }
        // "Russian Wagner mercenaries": typed by a cue, not by a head word, a
        // leading demonym says whose body it is and is not part of its name
        // (unlike "Russian Defense Ministry").
        if !heads.contains(&last) {
            if let Some(split) = demonym_prefix(s, start, end) {
                let (Some(&(hit, entry)), Some(rest)) = (s.hit_at(start), s.span(split, end))
                else {
                    out.push(Candidate::new(span, Some(EntityKind::Organization)));
                    return;
                };
                out.push(Candidate::from_entry(hit, entry));
                out.push(Candidate::new(rest, Some(EntityKind::Organization)));
                return;
            }
        }
        out.push(Candidate::new(span, Some(EntityKind::Organization)));
        return;
    }
    if let Some(c) = event_by_cue(s, start, end) {
        out.push(c);
        return;
    }
    let kind = if end - start >= 2 && EVENT_HEAD_SET.contains(last)
        || run.starts_with("COP") && run.len() <= 6
    {
        Some(EntityKind::Event)
    } else if end - start >= 2 && (PLACE_HEAD_SET.contains(last) || PLACE_FIRST.contains(&first)) {
        Some(EntityKind::Place)
    } else if end - start >= 2 && EVENT_FIRST.contains(&first) || EVENT_NAME_SET.contains(first) {
        Some(EntityKind::Event)
    } else {
        None
    };
    if kind.is_some() {
        out.push(Candidate::new(span, kind));
        return;
    }
    if OTHER_HEAD_SET.contains(last) {
        // "U.N. Convention on ...": the document is not an entity, the body is.
        return listed_in(s, start, end, out);
    }
    // "Mohammed Irfan Sheikh", "Foreign Minister Joe Clerk": one title word
    // ending the run right after a given name is a surname; a title before
    // the given name still heads the run.
    let title = match last_title(s, gaz, start, end) {
        Some((t_start, t_end))
            if t_end == end
                && t_end - t_start == 1
                && t_start > start
                && gaz.is_first_name(s.word(t_start - 1)) =>
        {
            last_title(s, gaz, start, t_start - 1)
        }
        other => other,
    };
    if let Some((t_start, t_end)) = title {
        return split_at_title(s, gaz, start, end, (t_start, t_end), out);
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
            out.push(c);
            if split < end {
                classify_run(s, gaz, split, end, out);
            }
            return;
        }
    }
    if lone {
        out.push(classify_lone(s, gaz, start, span, opening_head));
        return;
    }
    if person_shaped(s, gaz, start, end) {
        // "Commissioner of Competition Anjali Raghunathan": the word after a
        // title's "of" completes the title when a given name follows it.
        if end - start >= 3
            && start > 0
            && s.word(start - 1) == "of"
            && !gaz.is_first_name(first)
            && gaz.is_first_name(s.word(start + 1))
        {
            return classify_run(s, gaz, start + 1, end, out);
        }
        out.push(type_person_shaped(s, gaz, start, end, span));
        return;
    }
    listed_in(s, start, end, out);
}

/// Whether token `i` has digits and runs on into a decimal or thousands
/// separator and more digits ("R1" in "R1.9 billion").
fn starts_number(s: &Sentence<'_>, i: usize) -> bool {
    let Some(t) = s.tokens.get(i) else {
        return false;
    };
    let mut after = s.text.get(t.span.end..).unwrap_or("").chars();
    t.text(s.text).chars().any(|c| c.is_ascii_digit())
        && matches!(after.next(), Some('.' | ','))
        && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// The candidates of a run with a title inside: the name after the title is a
/// person with that role; before it stand listed names, or the body the title
/// belongs to ("Harvest Lane Chief Executive Gordon McAllister").
fn split_at_title(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    end: usize,
    (t_start, t_end): (usize, usize),
    out: &mut Vec<Candidate>,
) {
    match body_before_title(s, gaz, start, t_start) {
        Some(c) => out.push(c),
        None => listed_in(s, start, t_start, out),
    }
    if t_end < end {
        let from = out.len();
        classify_run(s, gaz, t_end, end, out);
        for c in out.iter_mut().skip(from) {
            if c.kind.is_none() || c.kind == Some(EntityKind::Person) {
                c.kind = Some(EntityKind::Person);
                c.role = Some(s.slice(start, t_end).to_string());
                c.person_cue = true;
                c.guess = false;
            }
        }
    }
}

/// The body named before a title inside a run: "Kaiyo President", "Harvest
/// Lane Chief Executive", "Defense Ministry Spokesman". The title must be one a
/// company, club or institution gives ("president", "chief executive",
/// "spokesman", "coach"), or the words must end in an organisation head; a
/// minister's portfolio ("Environment Cabinet Secretary") is not a body.
fn body_before_title(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    t_start: usize,
) -> Option<Candidate> {
    // The title may start before the word found ("Chief Cabinet Secretary",
    // "Chief Executive"), and modifiers may open it ("Former", "Acting").
    let t_end = (t_start..)
        .take_while(|&k| k < s.tokens.len() && is_title_word(gaz, s.word(k)))
        .last()
        .map_or(t_start, |k| k + 1);
    // Only a phrase of few enough words, opening with a title's first word,
    // can be a title: the others are not built.
    let mut title_from = (start..t_start)
        .find(|&j| {
            t_end - j <= gaz.longest_title()
                && opens_title(gaz, s.word(j).trim_end_matches('.'))
                && is_person_title(gaz, &lower_phrase(s, j, t_end))
        })
        .unwrap_or(t_start);
    while title_from > start && is_title_word(gaz, s.word(title_from - 1)) {
        title_from -= 1;
    }
    if title_from == start {
        return None;
    }
    let title_end = (title_from..)
        .take_while(|&k| is_title_word(gaz, s.word(k)))
        .last()?;
    let title_head = s.word(title_end).trim_end_matches('.');
    let span = s.span(start, title_from)?;
    let ends_in_head = org_heads().contains(&s.word(title_from - 1));
    let no_title = (start..title_from).all(|k| !is_title_word(gaz, s.word(k)));
    let plain = (start..title_from).all(|k| s.capitalised(k) && s.hit_at(k).is_none());
    let body_title = || with_lower(title_head, |h| BODY_TITLES.contains(&h));
    if !(no_title && (ends_in_head || plain && body_title())) {
        return None;
    }
    if title_from - start >= 2 || ends_in_head {
        return Some(Candidate::new(span, Some(EntityKind::Organization)));
    }
    // One word alone: the article's body of that name ("Kaiyo" for "Kaiyo
    // Lines"); only mid-sentence is the word itself proof of a name.
    let mut c = Candidate::new(span, None);
    c.org_cue = !is_sentence_start(s, start);
    Some(c)
}

/// The words `from..to`, lower-cased, without dots, joined by spaces.
fn lower_phrase(s: &Sentence<'_>, from: usize, to: usize) -> String {
    (from..to)
        .map(|k| s.word(k).trim_end_matches('.').to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Titles that a company, club or other body gives, by their last word.
const BODY_TITLES: &[&str] = &[
    "boss",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "coach",
    "co-founder",
    "coo",
    "director",
    "director-general",
    "executive",
    "founder",
    "manager",
    "officer",
    "president",
    "secretary-general",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Whether `word` is (part of) a title of any kind, modifiers included.
fn is_title_word(gaz: &Gazetteer, word: &str) -> bool {
    with_lower(word.trim_end_matches('.'), |w| gaz.title_kind(w)).is_some()
}

/// A lone capitalised word: an acronym or a word after an organisation cue is
/// a body; a title or a speech verb vouches for a person, a preposition for a
/// place; anything else waits for the article's full names.
fn classify_lone(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    span: Span,
    opening_head: bool,
) -> Candidate {
    let word = s.word(start);
    let end = start + 1;
    let mut c = Candidate::new(span, None);
    c.opening = is_sentence_start(s, start);
    if is_all_caps(word) && word.len() <= 8 && !s.weak {
        c.kind = Some(EntityKind::Organization);
        return c;
    }
    if opening_head {
        c.opening = true;
        return c;
    }
    c.role = title_before(s, gaz, start);
    // "tested at a laboratory in Lausanne, confirmed the result": after "in"
    // the verb's subject is further back.
    let placed = place_before(s, start, &PLACES_AROUND_SET) || place_noun_of_before(s, start);
    let speech = speech_after(s, end) && !plural_noun_opening(s, start) && !placed;
    c.person_cue = c.role.is_some() || speech && !org_heads().contains(&word);
    c.org_cue = !c.person_cue && (body_apposition(s, gaz, start) || which_after(s, end));
    c.place_cue =
        !c.person_cue && !c.org_cue && (placed || place_before(s, start, &PLACE_PREPOSITION_SET));
    c
}

/// "Lawyers said ...": a plural noun for people opening a sentence is not a
/// name, although a speech verb follows it.
fn plural_noun_opening(s: &Sentence<'_>, i: usize) -> bool {
    is_sentence_start(s, i)
        && with_lower(s.word(i), |lower| {
            [
                "ers", "ors", "ists", "ians", "ants", "ents", "ives", "ics", "ees",
            ]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
        })
}

/// Types a run shaped like a person's name ("Sable Crest", "Gordon McAllister",
/// "Swift Current") by weighing what vouches for a person, a body and a place.
fn type_person_shaped(
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    start: usize,
    end: usize,
    span: Span,
) -> Candidate {
    let mut c = Candidate::new(span, None);
    let title = title_before(s, gaz, start);
    // "The developer, Balmore Estates": a title that also names a kind of
    // body ("developer", "publisher") vouches for neither on its own.
    let title_is_cue = title.as_deref().is_some_and(|t| {
        t.split_whitespace()
            .last()
            .is_some_and(|w| with_lower(w, |w| ORG_CUES_BEFORE_SET.contains(w)))
    });
    let role = title
        .filter(|_| !title_is_cue)
        .or_else(|| apposition_role(s, gaz, end));
    let strong = role.is_some() || strong_person_evidence(s, gaz, start, end);
    // "for the Economic Freedom Fighters, called ...": a person's name takes
    // no article, so a listed given name or a verb no longer vouches for one.
    let determined = start > 0
        && s.tokens.get(start).is_some_and(|t| t.joined)
        && s.word(start - 1).eq_ignore_ascii_case("the");
    let weak = weak_person_evidence(s, gaz, start, end) && !determined;
    let body = title_is_cue
        || body_apposition(s, gaz, start)
        || which_after(s, end)
        || body_apposition_after(s, end);
    let (kind, guess) = if place_noun_after(s, end) || place_noun_of_before(s, start) && !strong {
        (EntityKind::Place, false)
    } else if strong {
        (EntityKind::Person, false)
    } else if body {
        (EntityKind::Organization, false)
    } else if place_before(s, start, &PLACES_AROUND_SET)
        && !s.tokens.get(end - 1).is_some_and(|t| t.possessive)
    {
        // "near Swift Current", "in Sierra Nevada": a listed given name or a
        // particle is weaker than the preposition.
        (EntityKind::Place, true)
    } else if weak {
        (EntityKind::Person, true)
    } else {
        // Capitalised words that no list, title or verb ties to a person
        // are most often a name of a body ("Civic Compass", "Kaiyo Lines").
        (EntityKind::Organization, true)
    };
    c.kind = Some(kind);
    c.guess = guess;
    c.role = role.filter(|_| kind == EntityKind::Person);
    c
}

/// Where the rest of the run starts when it opens with a listed demonym
/// ("Russian" in "Russian Wagner") and goes on past it.
fn demonym_prefix(s: &Sentence<'_>, start: usize, end: usize) -> Option<usize> {
    let (hit, entry) = s.hit_at(start)?;
    if entry.kind != EntityKind::Group || entry.country.is_none() {
        return None;
    }
    let split = (start..end).find(|&k| s.tokens.get(k).is_some_and(|t| t.span.start >= hit.end))?;
    (split > start && split < end).then_some(split)
}

/// Whether something beyond capitals says `start..end` names a person: an
/// East Asian family name first, an initial, a particle inside, a hyphenated
/// given name ("Sun-lac"), two capitalised halves ("Diallo-Sow"), "who" or an
/// age after it ("Remedios Condori, 67,"), or a role in an apposition before
/// it ("Its lawyer, Catriona Hay").
fn strong_person_evidence(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
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
    // "El Alto", "La Paz": a particle opening a two-word name is as often a
    // place's article as a surname's.
    let particle_first_pair = end - start == 2 && gaz.is_particle(first);
    let particle_inside = !particle_first_pair && (start..end).any(|k| gaz.is_particle(s.word(k)))
        || is_prefixed_name(s.word(end - 1));
    // "Paul-Henri", "Diallo-Sow": two capitalised halves make a name, not a body.
    let double_barrelled = (start..end).any(|k| {
        s.word(k).split_once('-').is_some_and(|(a, b)| {
            a.starts_with(char::is_uppercase)
                && b.starts_with(char::is_uppercase)
                && a.chars().chain(b.chars()).all(char::is_alphabetic)
        })
    }) && end - start >= 2;
    double_barrelled
        || gaz.is_surname(first)
        || particle_inside
        || has_initial
        || east_asian_given
        || s.word(end) == "who"
        || age_after(s, end)
        || role_apposition_before(s, gaz, start)
        || kin_around(s, start, end)
        || honorific_before(s, gaz, start)
}

/// Whether an honorific ("Dr.", "Mrs", "Prof.") stands right before token
/// `start`: only people bear one.
fn honorific_before(s: &Sentence<'_>, gaz: &Gazetteer, start: usize) -> bool {
    let (Some(prev), Some(this)) = (s.tokens.get(start.wrapping_sub(1)), s.tokens.get(start))
    else {
        return false;
    };
    matches!(s.text.get(prev.span.end..this.span.start), Some(" " | ". "))
        && with_lower(s.word(start - 1), |w| {
            gaz.title_kind(w) == Some("honorific")
                || w.strip_suffix('.')
                    .is_some_and(|w| gaz.title_kind(w) == Some("honorific"))
        })
}

/// Words for family members, which only people have.
const KIN: &[&str] = &[
    "aunt",
    "brother",
    "brothers",
    "cousin",
    "daughter",
    "daughters",
    "father",
    "fiance",
    "fiancee",
    "fianc\u{e9}",
    "fianc\u{e9}e",
    "grandchild",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "husband",
    "mother",
    "nephew",
    "niece",
    "sister",
    "sisters",
    "son",
    "sons",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "stepson",
    "uncle",
    "widow",
    "widower",
    "wife",
];

crate::lexicon::word_set!(
    /// [`KIN`] as a set.
    KIN_SET = folded(KIN)
);

/// A family word next to the name: "his son Mao Anying", "Mao Zedong’s eldest
/// son".
fn kin_around(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    let before = start > 0
        && s.tokens.get(start).is_some_and(|t| t.joined)
        && KIN_SET.contains(s.word(start - 1));
    let after = s
        .tokens
        .get(end.wrapping_sub(1))
        .is_some_and(|t| t.possessive)
        && (end..(end + 2).min(s.tokens.len())).any(|k| KIN_SET.contains(s.word(k)));
    before || after
}

/// Evidence for a person that bodies and places share often enough to be
/// overruled: a listed given name first (the list is broad: "Sable",
/// "Grant", "Sierra"), a speech verb after the name or before it ("said Umm
/// Khaled"), or a particle opening a two-word name ("De Beers", "El Amrani").
fn weak_person_evidence(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    gaz.is_first_name(s.word(start))
        || end - start == 2 && gaz.is_particle(s.word(start))
        || speech_after(s, end)
        || start > 0
            && s.tokens.get(start).is_some_and(|t| t.joined)
            && matches!(
                s.word(start - 1),
                "said" | "says" | "added" | "wrote" | "recalled" | "explained"
            )
}

/// ", 67," after a name: an age.
fn age_after(s: &Sentence<'_>, end: usize) -> bool {
    let (Some(last), Some(next)) = (s.tokens.get(end.wrapping_sub(1)), s.tokens.get(end)) else {
        return false;
    };
    let word = next.text(s.text);
    s.text.get(last.span.end..next.span.start) == Some(", ")
        && word.len() <= 3
        && word.chars().all(|c| c.is_ascii_digit())
        && s.text
            .get(next.span.end..)
            .is_some_and(|r| r.starts_with([',', ')']))
}

/// ", which ..." after a name: a body or a thing, not a person.
fn which_after(s: &Sentence<'_>, end: usize) -> bool {
    let (Some(last), Some(next)) = (s.tokens.get(end.wrapping_sub(1)), s.tokens.get(end)) else {
        return false;
    };
    matches!(next.text(s.text), "which" | "whose")
        && s.text.get(last.span.end..next.span.start) == Some(", ")
        && !last.possessive
}

/// Whether an apposition after the name says it is a body: ", a centrist
/// party", ", the security firm that ...", ", an umbrella union".
fn body_apposition_after(s: &Sentence<'_>, end: usize) -> bool {
    let Some(last) = s.tokens.get(end.wrapping_sub(1)) else {
        return false;
    };
    let Some(body) = s.text.get(last.span.end..).and_then(|r| {
        ["the ", "a ", "an "]
            .iter()
            .find_map(|p| r.strip_prefix(", ").and_then(|a| a.strip_prefix(p)))
    }) else {
        return false;
    };
    let phrase = body
        .find([',', '.', ';', '(', ')', '\u{201C}', '"', '\n'])
        .and_then(|at| body.get(..at))
        .unwrap_or(body);
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches(['\u{2019}', '\'']).to_lowercase())
        // The noun phrase ends before a clause or a participle ("a maintenance
        // company part-owned by ...", "an umbrella union that ...").
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "that" | "which" | "who" | "whose" | "based" | "by" | "in" | "since" | "owned"
            ) && !w.ends_with("-owned")
                && !w.ends_with("-based")
                && !w.ends_with("-run")
        })
        .collect();
    words.len() <= 6
        && appositive_head(&words)
            .is_some_and(|h| ORG_CUES_BEFORE_SET.contains(h) || is_org_head(h))
}

/// The words of an apposition before the name ("The players’ union, PFA
/// Scotland", "A spokesman for the Nigerian Presidency, Bayo Ogunleye"): the
/// words back from the comma to the previous punctuation, lower-cased.
fn apposition_before(s: &Sentence<'_>, start: usize) -> Vec<String> {
    let (Some(this), Some(prev)) = (s.tokens.get(start), s.tokens.get(start.wrapping_sub(1)))
    else {
        return Vec::new();
    };
    if s.text.get(prev.span.end..this.span.start) != Some(", ") {
        return Vec::new();
    }
    let mut from = start - 1;
    while from > 0 && start - from < 8 && s.tokens.get(from).is_some_and(|t| t.joined) {
        from -= 1;
    }
    (from..start)
        .map(|k| {
            s.word(k)
                .trim_end_matches(['\u{2019}', '\''])
                .to_lowercase()
        })
        .collect()
}

/// Whether an apposition before the name says it is a body: its head noun
/// (the last word, or the one before "of"/"for") is an organisation cue ("The
/// developer, Balmore Estates", "The players’ union, PFA Scotland").
fn body_apposition(s: &Sentence<'_>, gaz: &Gazetteer, start: usize) -> bool {
    let words = apposition_before(s, start);
    // A cue that is also a title ("developer") needs a name without a listed
    // given name first.
    appositive_head(&words).is_some_and(|h| {
        ORG_CUES_BEFORE_SET.contains(h)
            && (!is_person_title(gaz, h) || !gaz.is_first_name(s.word(start)))
    })
}

/// Whether an apposition before the name is a person's role ("Its lawyer,
/// Catriona Hay", "A spokesman for the Nigerian Presidency, Bayo Ogunleye").
fn role_apposition_before(s: &Sentence<'_>, gaz: &Gazetteer, start: usize) -> bool {
    let words = apposition_before(s, start);
    appositive_head(&words)
        .is_some_and(|h| is_person_title(gaz, h) && !ORG_CUES_BEFORE_SET.contains(h))
}

/// The head noun of an apposition: the word before its first "of", "for",
/// "at" or "with", else its last word.
fn appositive_head(words: &[String]) -> Option<&str> {
    let cut = words
        .iter()
        .position(|w| matches!(w.as_str(), "of" | "for" | "at" | "with" | "to"))
        .unwrap_or(words.len());
    words.get(..cut)?.last().map(String::as_str)
}

/// Whether a lower-case place noun follows the name ("Quang Ngai province").
fn place_noun_after(s: &Sentence<'_>, end: usize) -> bool {
    PLACE_NOUN_SET.contains(s.word(end)) && s.tokens.get(end).is_some_and(|t| t.joined)
}

/// Whether "province of", "city of", "states of" ... comes right before the
/// name ("the central states of Plateau", "the highland city of El Alto").
fn place_noun_of_before(s: &Sentence<'_>, start: usize) -> bool {
    start >= 2
        && s.word(start - 1) == "of"
        && s.tokens.get(start).is_some_and(|t| t.joined)
        && s.tokens.get(start - 1).is_some_and(|t| t.joined)
        && {
            let noun = s.word(start - 2);
            PLACE_NOUN_SET.contains(noun)
                || noun
                    .strip_suffix('s')
                    .is_some_and(|n| PLACE_NOUN_SET.contains(n))
                || noun == "cities"
        }
}

/// Whether one of `prepositions` comes right before the name, or before "the"
/// and a plural name ("in El Alto", "across the Prairies").
fn place_before(s: &Sentence<'_>, start: usize, prepositions: &WordSet) -> bool {
    if cue_before(s, start, prepositions) {
        return true;
    }
    start >= 2
        && s.word(start - 1) == "the"
        && s.tokens.get(start - 1).is_some_and(|t| t.joined)
        && cue_before(s, start - 1, prepositions)
        && s.word(start).ends_with('s')
}

/// Prepositions that put what follows in a place more surely than "at", "from"
/// or "to", after which bodies and people are as common.
const PLACES_AROUND: &[&str] = &[
    "across",
    "around",
    "in",
    "inside",
    "near",
    "outside",
    "throughout",
];

exact_set!(
    /// [`PLACES_AROUND`] as a set.
    PLACES_AROUND_SET = PLACES_AROUND
);

/// "U.S. Forces Korea", "Police Scotland": an organisation head word followed
/// by a listed place that ends the run.
fn head_before_place(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    let Some(run) = s.span(start, end) else {
        return false;
    };
    (start..end.saturating_sub(1)).any(|k| {
        org_heads().contains(&s.word(k))
            && s.hit_at(k + 1)
                .is_some_and(|(hit, e)| e.kind == EntityKind::Place && hit.end == run.end)
    })
}

/// "Statistics Canada", "PFA Scotland", "Historic Environment Scotland":
/// unlisted capitalised words before a listed place that ends the run name a
/// body there. A given name first makes a person ("Michael Jordan"), a compass
/// word a place ("Northern Syria"), a title a role.
fn place_tail_body(s: &Sentence<'_>, gaz: &Gazetteer, start: usize, end: usize) -> bool {
    let Some(run) = s.span(start, end) else {
        return false;
    };
    let Some(k) = (start + 1..end).find(|&k| s.hit_at(k).is_some()) else {
        return false;
    };
    let tail_is_place = s
        .hit_at(k)
        .is_some_and(|(hit, e)| e.kind == EntityKind::Place && hit.end == run.end);
    // An East Asian family name first makes a person ("Tran Quoc Vinh").
    tail_is_place
        && !gaz.is_first_name(s.word(start))
        && !gaz.is_surname(s.word(start))
        && (start..k).all(|j| {
            let w = s.word(j);
            s.capitalised(j)
                && !gaz.is_particle(w)
                && !COMPASS_WORD_SET.contains(w)
                && !PLACE_FIRST.contains(&w)
                && !PLACE_HEAD_SET.contains(w)
                && !is_title_word(gaz, w)
        })
}

/// Words that make a listed place into a part of it ("Northern Syria").
const COMPASS_WORDS: &[&str] = &[
    "Central",
    "East",
    "Eastern",
    "Far",
    "Greater",
    "Inner",
    "Lower",
    "Mainland",
    "Middle",
    "North",
    "Northeast",
    "Northeastern",
    "Northern",
    "Northwest",
    "Northwestern",
    "Outer",
    "Rural",
    "South",
    "Southeast",
    "Southeastern",
    "Southern",
    "Southwest",
    "Southwestern",
    "Upper",
    "West",
    "Western",
];

exact_set!(
    /// [`COMPASS_WORDS`] as a set.
    COMPASS_WORD_SET = COMPASS_WORDS
);

/// A named event recognised by the lower-case noun after it ("the Operación
/// Puerto scandal", "the Celtic Connections festival", "the Nor-Shipping trade
/// fair"). A disease's "pandemic" or "epidemic" is part of the event's name
/// ("COVID-19 pandemic").
fn event_by_cue(s: &Sentence<'_>, start: usize, end: usize) -> Option<Candidate> {
    if end - start == 1 && is_sentence_start(s, start) {
        return None;
    }
    let next = s.tokens.get(end).filter(|t| t.joined)?;
    let noun = next.text(s.text);
    if matches!(noun, "pandemic" | "epidemic") {
        let span = Span::new(s.tokens.get(start)?.span.start, next.span.end);
        return Some(Candidate::new(span, Some(EntityKind::Event)));
    }
    let cued = EVENT_CUES_AFTER.contains(&noun)
        || noun.chars().all(char::is_lowercase)
            && s.tokens.get(end + 1).is_some_and(|t| t.joined)
            && matches!(
                s.word(end + 1),
                "fair" | "festival" | "exercises" | "drills"
            );
    cued.then(|| {
        Candidate::new(
            s.span(start, end).unwrap_or(next.span),
            Some(EntityKind::Event),
        )
    })
}

/// "Aldgate Hollis and Nordhavn Partners": where "and" joins two bodies that a
/// run took as one. The part after "and" must be a name of its own (two words
/// or more, with a head word), and the part before either ends in a head word
/// too or has none ("HM Revenue and Customs", "Ministry of Economy and Public
/// Finance" and "Environment and Land Court" stay one name).
fn listed_bodies_split(s: &Sentence<'_>, start: usize, end: usize) -> Option<usize> {
    let heads = org_heads();
    let k = (start + 2..end.saturating_sub(2)).find(|&k| s.word(k) == "and")?;
    // "Australian Nursing and Midwifery Federation": a demonym or place
    // before one word is that word's modifier, not a name of its own.
    if (start..k).filter(|&j| s.hit_at(j).is_none()).count() < 2 && s.hit_at(k - 1).is_none() {
        return None;
    }
    let left_has_head = (start..k).any(|j| heads.contains(&s.word(j)));
    let left_ends_in_head = heads.contains(&s.word(k - 1));
    let left_connector = (start..k).any(|j| matches!(s.word(j), "of" | "for" | "on"));
    let right_is_name =
        (k + 1..end).any(|j| heads.contains(&s.word(j))) && (k + 1..end).all(|j| s.capitalised(j));
    // Without a head word of its own, the part before "and" is a second name
    // only beside a firm's name ("Nordhavn Partners"); before an institution's
    // head it is more of that institution's description ("Aeronautical
    // Accidents Investigation and Prevention Center").
    let left_named = left_ends_in_head
        || s.hit_at(k - 1).is_some()
        || !left_has_head && BUSINESS_HEAD_SET.contains(s.word(end - 1));
    (right_is_name && !left_connector && left_named).then_some(k)
}

/// Head words of firms' names, which "X and Y Partners" rarely shares.
const BUSINESS_HEADS: &[&str] = &[
    "Airlines",
    "Analytics",
    "Associates",
    "Bancorp",
    "Brands",
    "Capital",
    "Consulting",
    "Corp",
    "Corporation",
    "Estates",
    "Foods",
    "Group",
    "Holdings",
    "Inc",
    "Industries",
    "Investments",
    "Lines",
    "Logistics",
    "Ltd",
    "Motors",
    "Partners",
    "Pharma",
    "Properties",
    "Securities",
    "Shipping",
    "Solutions",
    "Studios",
    "Systems",
    "Tech",
    "Technologies",
    "Ventures",
];

exact_set!(
    /// [`BUSINESS_HEADS`] as a set.
    BUSINESS_HEAD_SET = BUSINESS_HEADS
);

/// Adds the names from the lists inside `start..end` (the part of a run
/// before a title) to `out`.
fn listed_in(s: &Sentence<'_>, start: usize, end: usize, out: &mut Vec<Candidate>) {
    let Some(run) = s.span(start, end) else {
        return;
    };
    out.extend(
        s.hits
            .iter()
            .filter(|(span, _)| run.start <= span.start && span.end <= run.end)
            .map(|(span, entry)| Candidate::from_entry(*span, entry)),
    );
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
    for i in start..end {
        // Most words open no title: no phrase is built from them.
        if !opens_title(gaz, s.word(i).trim_end_matches('.')) {
            continue;
        }
        phrase.clear();
        let mut n_words = 0;
        for k in i..i + longest.min(end - i) {
            if k > i {
                phrase.push(' ');
            }
            push_lower(s.word(k).trim_end_matches('.'), &mut phrase);
            n_words += 1;
        }
        // The longest phrase first, then one word fewer at each space back
        // (words have no spaces).
        let ends =
            std::iter::once(phrase.len()).chain(phrase.rmatch_indices(' ').map(|(at, _)| at));
        for (fewer, to) in ends.enumerate() {
            if phrase.get(..to).is_some_and(|p| is_person_title(gaz, p)) {
                found = Some((i, i + n_words - fewer));
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

/// Whether `word`, lower-cased, may be the first word of a title: a word
/// that is not cannot start one, so no phrase from it is built. Words beyond
/// ASCII are always let through, as the callers lower-case them in different
/// ways.
fn opens_title(gaz: &Gazetteer, word: &str) -> bool {
    !word.is_ascii() || with_lower(word, |w| gaz.opens_title(w))
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
    let prev_word = s.word(i - 1).trim_end_matches('.');
    if !with_lower(prev_word, |w| is_person_title(gaz, w)) {
        // A two-word title ("foreign minister"), built only when its first
        // word may open one.
        let first = s.word(i.checked_sub(2)?);
        if !opens_title(gaz, first) {
            return None;
        }
        let two = format!("{} {}", first.to_lowercase(), prev_word.to_lowercase());
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
        let stop =
            |lower: &str| matches!(lower, "the" | "a" | "an" | "and" | "said" | "says" | "by");
        if !joined || with_lower(word, stop) || s.is_taken(from - 1) {
            break;
        }
        if !s.capitalised(from - 1) && !with_lower(word, |lower| is_person_title(gaz, lower)) {
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
fn cue_before(s: &Sentence<'_>, i: usize, cues: &WordSet) -> bool {
    i > 0 && s.tokens.get(i).is_some_and(|t| t.joined) && cues.contains(s.word(i - 1))
}

/// Whether a speech verb follows the run ending at token `end`.
fn speech_after(s: &Sentence<'_>, end: usize) -> bool {
    with_lower(s.word(end), |next| {
        SPEECH_VERB_SET.contains(next)
            || matches!(next, "has" | "had" | "also" | "later" | "then")
                && with_lower(s.word(end + 1), |w| SPEECH_VERB_SET.contains(w))
    })
}

/// Whether a capital standing before token `end` acts as its government.
fn governs(s: &Sentence<'_>, end: usize) -> bool {
    let prev_possessive = end > 0 && s.tokens.get(end - 1).is_some_and(|t| t.possessive);
    let mut k = end;
    // "Pyongyang and Moscow have denied": look past a second capital.
    if s.word(k) == "and" && s.capitalised(k + 1) {
        k += 2;
    }
    prev_possessive
        || with_lower(s.word(k), |next| {
            GOVERNMENT_VERB_SET.contains(next)
                || SPEECH_VERB_SET.contains(next)
                || next.len() > 4
                    && next.ends_with("ed")
                    && s.tokens.get(k).is_some_and(|t| t.joined)
        })
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
    // After an East Asian family name, a word that is also a place ("Vinh" in
    // "Tran Quoc Vinh") is part of the given name.
    let family_first = gaz.is_surname(s.word(start));
    for k in start..end {
        let word = s.word(k);
        if s.hit_at(k).is_some() && !gaz.is_first_name(word) && !(family_first && k > start) {
            return false;
        }
        if !is_all_caps(word) {
            all_caps = false;
        }
        let ok = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
            && (s.capitalised(k) || gaz.is_particle(word) || word.starts_with("al-"));
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

    /// The candidates of `text` read as one sentence.
    fn candidates(text: &str) -> Vec<Candidate> {
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
    }

    fn names(text: &str) -> Vec<(String, Option<EntityKind>, Option<String>)> {
        candidates(text)
            .into_iter()
            .map(|c| (text[c.span.range()].to_string(), c.kind, c.role))
            .collect()
    }

    /// Fails unless `got` holds `text` as a name of `kind` with no role.
    #[track_caller]
    fn assert_found(
        got: &[(String, Option<EntityKind>, Option<String>)],
        text: &str,
        kind: EntityKind,
    ) {
        assert!(
            got.contains(&n(text, Some(kind), None)),
            "{text} as {kind:?} not in {got:?}"
        );
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
    fn a_demonym_before_a_body_named_by_a_cue_is_split_off() {
        let got =
            names("Arms went to the Russian Wagner mercenaries and the Chinese Communist Party.");
        assert_found(&got, "Russian", EntityKind::Group);
        assert_found(&got, "Wagner", EntityKind::Organization);
        assert_found(&got, "Chinese Communist Party", EntityKind::Organization);
    }

    #[test]
    fn a_family_name_before_a_place_word_is_a_person() {
        let got = names("Officials said Tran Quoc Vinh visited Hanoi.");
        assert_found(&got, "Tran Quoc Vinh", EntityKind::Person);
        assert_found(&got, "Hanoi", EntityKind::Place);
    }

    #[test]
    fn family_words_make_people() {
        let got = names(
            "They visited the grave of Dorvak Teln\u{2019}s eldest son Dorvak Amsel on Monday.",
        );
        for person in ["Dorvak Teln", "Dorvak Amsel"] {
            assert!(
                got.iter()
                    .any(|c| c.0 == person && c.1 == Some(EntityKind::Person)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_titled_person_is_not_half_of_a_body() {
        let got = names("Defense Minister Omar Haddad and Chinese Politburo member Li Wei met.");
        assert!(
            got.iter()
                .any(|c| c.0 == "Omar Haddad" && c.1 == Some(EntityKind::Person)),
            "{got:?}"
        );
        assert!(got.iter().all(|c| !c.0.contains(" and ")), "{got:?}");
    }

    #[test]
    fn possessives_inside_bodies_names() {
        let got = names("Delegates of the National People\u{2019}s Congress met the Ombudsman's Office, and Kenya\u{2019}s envoy left.");
        for body in ["National People\u{2019}s Congress", "Ombudsman's Office"] {
            assert_found(&got, body, EntityKind::Organization);
        }
        assert!(got.iter().all(|c| c.0 != "Kenya\u{2019}s envoy"), "{got:?}");
    }

    #[test]
    fn organisations_by_shape_and_cue() {
        let got = names("The U.N. Security Council, the Russian Defense Ministry and advocacy group Open Doors met, as did the firm Umbra.");
        assert_found(&got, "U.N. Security Council", EntityKind::Organization);
        assert_found(&got, "Russian Defense Ministry", EntityKind::Organization);
        assert_found(&got, "Open Doors", EntityKind::Organization);
        // A lone word after a cue waits for the article's bodies ("Umbra
        // Holdings"), then becomes an organisation of its own.
        assert!(got.contains(&n("Umbra", None, None)), "{got:?}");
        assert!(cue_of("the firm Umbra.", "Umbra"));
    }

    /// Whether the candidate `word` of `text` carries an organisation cue.
    fn cue_of(text: &str, word: &str) -> bool {
        candidates(text)
            .iter()
            .any(|c| &text[c.span.range()] == word && c.org_cue)
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
        assert_found(&got, "Korean War", EntityKind::Event);
        assert_found(&got, "Second Thomas Shoal", EntityKind::Place);
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let got = names("However, observers said Pyongyang denied it.");
        assert_eq!(got, [n("Pyongyang", Some(EntityKind::Place), None)]);
    }

    #[test]
    fn body_before_a_company_title() {
        let got = names("Later, Marlow Freight Chief Executive Dana Okoro spoke.");
        assert_found(&got, "Marlow Freight", EntityKind::Organization);
        assert!(
            got.iter()
                .any(|c| c.0 == "Dana Okoro" && c.1 == Some(EntityKind::Person)),
            "{got:?}"
        );
        // A minister's portfolio is not a body.
        let got = names("Later, Transport Minister Dana Okoro spoke.");
        assert!(got.iter().all(|c| c.0 != "Transport"), "{got:?}");
    }

    #[test]
    fn bodies_named_with_places() {
        let got = names("Figures from Statistics Norway and U.S. Forces Japan arrived.");
        for body in ["Statistics Norway", "U.S. Forces Japan"] {
            assert_found(&got, body, EntityKind::Organization);
        }
        let got = names("Rain fell over Northern Italy for days.");
        assert!(
            got.iter().all(|c| c.1 != Some(EntityKind::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn and_inside_and_between_bodies() {
        let got = names(
            "It hired Brandt Cole and Ostrava Partners before the Water and Land Tribunal ruled.",
        );
        for body in ["Brandt Cole", "Ostrava Partners", "Water and Land Tribunal"] {
            assert_found(&got, body, EntityKind::Organization);
        }
        let got = names("It bought the bakery chain Hollis and Marsh last year.");
        assert_found(&got, "Hollis and Marsh", EntityKind::Organization);
    }

    #[test]
    fn context_weighs_against_a_listed_given_name() {
        // "Sable" is a listed given name; the article and "which" say otherwise.
        let got = names("Guards from Sable Crest, which runs the depots, left.");
        assert_found(&got, "Sable Crest", EntityKind::Organization);
        let got = names("Farmers near Sierra Vista said the harvest failed.");
        assert_found(&got, "Sierra Vista", EntityKind::Place);
        let got = names("It was a blow for the Grant Holloway Trustees, added one.");
        assert!(
            got.iter().all(|c| c.1 != Some(EntityKind::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn events_by_the_noun_after_them() {
        let got = names("Fans recalled the Marisol Gate scandal and the Ebola epidemic.");
        assert_found(&got, "Marisol Gate", EntityKind::Event);
        assert_found(&got, "Ebola epidemic", EntityKind::Event);
    }

    #[test]
    fn of_the_inside_body_and_event_names() {
        let got = names(
            "Staff at the University of the Aegean on Lesbos and the Ministry of the Interior met.",
        );
        assert_found(&got, "University of the Aegean", EntityKind::Organization);
        assert_found(&got, "Ministry of the Interior", EntityKind::Organization);
        let got = names("Pilgrims came for the Feast of the Assumption.");
        assert_found(&got, "Feast of the Assumption", EntityKind::Event);
        // Outside a body's name "of the" ends the run.
        let got = names("Critics of the Kremlin spoke.");
        assert!(got.iter().all(|c| !c.0.contains(" of ")), "{got:?}");
    }

    #[test]
    fn compass_word_and_listed_region_is_a_place() {
        let got = names("Fires spread across North Evia overnight.");
        assert_found(&got, "North Evia", EntityKind::Place);
    }

    #[test]
    fn honorific_outweighs_a_body_apposition() {
        let got = names("Its chairman, Dr. Suresh Kumar Yadav, a Lok Sabha member, said so.");
        assert_found(&got, "Suresh Kumar Yadav", EntityKind::Person);
    }

    #[test]
    fn title_word_ending_a_given_name_is_a_surname() {
        let got = names("\u{201C}Sales fell,\u{201D} said Mohammed Irfan Sheikh, who runs a shop.");
        assert_found(&got, "Mohammed Irfan Sheikh", EntityKind::Person);
        let got = names("Prime Minister Ana Ruiz met Foreign Minister Joe Clerk.");
        assert!(
            got.iter()
                .any(|c| c.0 == "Joe Clerk" && c.1 == Some(EntityKind::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn a_guessed_name_listed_with_a_body_is_a_body() {
        let got = candidates("PASOK and Syriza accused the government of cuts.");
        let syriza = got.iter().find(|c| c.span.start == 10);
        assert!(
            syriza.is_some_and(|c| c.kind == Some(EntityKind::Organization) || c.body_listed),
            "{got:?}"
        );
        // A listed given name keeps its reading.
        let got = names("The Interior Ministry and Pedro said so.");
        assert!(
            got.iter()
                .all(|c| c.0 != "Pedro" || c.1 != Some(EntityKind::Organization)),
            "{got:?}"
        );
    }
}
