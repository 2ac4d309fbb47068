//! Numbers and dates that disagree between articles.
//!
//! Both work on sentences, so they need paragraphs only:
//!
//! - **numbers**: a number followed by what it counts ("12 Chinese coast guard
//!   patrol boats") gives a key from the counted noun and the word before it
//!   ("patrol boat"); sentences with the same key and at least three other
//!   content words in common are about the same thing, and different numbers
//!   among them are a conflict;
//! - **dates**: sentences giving an explicit day ("on Tuesday, March 3", an
//!   entity's ISO value) are matched through an index on their content keys;
//!   matching sentences with different days are a conflict.
//!
//! Candidates are grouped in one pass against a few representatives per group,
//! so the cost stays linear in the number of sentences.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use regex::Regex;

use super::text::{
    fold, is_stopword, key, number_word, parse_number, shared_count, stem, words, FastMap,
};
use super::Doc;
use crate::{month_number, Conflict, ConflictKind, ConflictValue, Date, EntityKind, EntityValue};

/// Content keys two sentences must share (besides the counted phrase or date).
const MIN_SHARED_NUMBER: usize = 3;
/// Content keys two dated sentences must share.
const MIN_SHARED_DATE: usize = 4;
/// Share of the smaller dated sentence's keys found in the other.
const MIN_DATE_OVERLAP: f64 = 0.5;
/// Representatives kept per group.
const MAX_REPS: usize = 4;
/// Entries read per posting list, newest first (see `copies::SCAN`).
const SCAN: usize = 32;

/// One side of a possible conflict.
struct Entry {
    doc: usize,
    /// The value compared: a number, or a month and day.
    value: (u64, u32),
    /// The text shown.
    text: String,
    /// Content keys of the sentence without the value's own words.
    keys: Vec<u64>,
}

fn sentence_keys(sentence: &str, skip: &[(usize, usize)]) -> Vec<u64> {
    let mut keys: Vec<u64> = words(sentence)
        .iter()
        .filter(|w| !skip.iter().any(|&(s, e)| w.start >= s && w.end <= e))
        .filter_map(|w| key(w.text))
        .filter(|k| !k.number && !k.calendar)
        .map(|k| k.hash)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Groups entries that are about the same thing, through an index of group
/// representatives; `same` decides on a candidate pair.
fn group(entries: &[Entry], same: impl Fn(&Entry, &Entry) -> bool) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Vec<usize>, usize)> = Vec::new(); // members, reps
    let mut reps: Vec<(usize, usize)> = Vec::new(); // (entry, group)
    let mut index: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut hits: FastMap<u32, u32> = FastMap::default();
    for (i, e) in entries.iter().enumerate() {
        hits.clear();
        for k in &e.keys {
            let Some(list) = index.get(k) else { continue };
            for &r in list.iter().rev().take(SCAN) {
                *hits.entry(r).or_insert(0) += 1;
            }
        }
        let mut cands: Vec<(u32, u32)> = hits.iter().map(|(r, n)| (*r, *n)).collect();
        cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let found = cands.iter().take(16).find_map(|&(r, _)| {
            let &(re, g) = reps.get(r as usize)?;
            same(entries.get(re)?, e).then_some(g)
        });
        let g = found.unwrap_or_else(|| {
            groups.push((Vec::new(), 0));
            groups.len() - 1
        });
        let Some((members, nreps)) = groups.get_mut(g) else {
            continue;
        };
        members.push(i);
        // A new value, or a new group, is worth indexing.
        let new_value = !members
            .iter()
            .any(|&m| m != i && entries.get(m).is_some_and(|x| x.value == e.value));
        if *nreps < MAX_REPS && (found.is_none() || new_value) {
            *nreps += 1;
            let id = u32::try_from(reps.len()).unwrap_or(u32::MAX);
            reps.push((i, g));
            for k in &e.keys {
                index.entry(*k).or_default().push(id);
            }
        }
    }
    groups.into_iter().map(|g| g.0).collect()
}

/// Conflicts from groups holding different values in different articles.
fn conflicts_of(
    docs: &[Doc<'_>],
    entries: &[Entry],
    groups: Vec<Vec<usize>>,
    kind: ConflictKind,
    describe: impl Fn(&[(String, Vec<String>)]) -> String,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    for members in groups {
        let distinct: BTreeSet<(u64, u32)> = members
            .iter()
            .filter_map(|&m| entries.get(m))
            .map(|e| e.value)
            .collect();
        let docs_in: BTreeSet<usize> = members
            .iter()
            .filter_map(|&m| entries.get(m))
            .map(|e| e.doc)
            .collect();
        if distinct.len() < 2 || docs_in.len() < 2 {
            continue;
        }
        let mut values: Vec<ConflictValue> = Vec::new();
        let mut by_value: Vec<(String, Vec<String>)> = Vec::new();
        let mut seen: BTreeSet<(usize, (u64, u32))> = BTreeSet::new();
        let mut ordered: Vec<&Entry> = members.iter().filter_map(|&m| entries.get(m)).collect();
        ordered.sort_by_key(|e| e.doc);
        for e in ordered {
            if !seen.insert((e.doc, e.value)) {
                continue;
            }
            let Some(doc) = docs.get(e.doc) else { continue };
            values.push(ConflictValue {
                article: doc.analysis.id.clone(),
                text: e.text.clone(),
            });
            let outlet = doc
                .analysis
                .article
                .outlet
                .clone()
                .unwrap_or_else(|| doc.analysis.id.clone());
            match by_value.iter_mut().find(|(t, _)| fold(t) == fold(&e.text)) {
                Some((_, outlets)) => outlets.push(outlet),
                None => by_value.push((e.text.clone(), vec![outlet])),
            }
        }
        out.push(Conflict {
            kind,
            description: describe(&by_value),
            values,
        });
    }
    out
}

fn list(by_value: &[(String, Vec<String>)]) -> String {
    by_value
        .iter()
        .map(|(t, o)| format!("\u{201C}{t}\u{201D} ({})", o.join(", ")))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// Different numbers for the same counted thing.
pub(crate) fn numbers(docs: &[Doc<'_>]) -> Vec<Conflict> {
    let mut by_key: HashMap<String, Vec<Entry>> = HashMap::new();
    let mut key_order: Vec<String> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (_, _, sentence) in doc.sentences() {
            let ws = words(sentence);
            for (i, w) in ws.iter().enumerate() {
                let lower = fold(w.text);
                let Some(n) = parse_number(&lower).or_else(|| number_word(&lower)) else {
                    continue;
                };
                // Years and money are not counts of a thing.
                let before = sentence.get(..w.start).unwrap_or("");
                if before.ends_with(['$', '\u{20AC}', '\u{A3}'])
                    || (lower.len() == 4 && (1800.0..=2100.0).contains(&n))
                {
                    continue;
                }
                let mut head: Option<usize> = None;
                let mut prev_end = w.end;
                for (j, next) in ws.iter().enumerate().skip(i + 1).take(6) {
                    let gap = sentence.get(prev_end..next.start).unwrap_or("x");
                    let f = fold(next.text);
                    if !gap.chars().all(char::is_whitespace)
                        || is_stopword(&f)
                        || parse_number(&f).is_some()
                    {
                        break;
                    }
                    prev_end = next.end;
                    if f.len() > 3 && f.ends_with('s') && !f.ends_with("ss") && !f.ends_with("us") {
                        head = Some(j);
                    }
                }
                let Some(h) = head.filter(|&h| h > i + 1) else {
                    continue;
                };
                let (Some(hw), Some(mw)) = (ws.get(h), ws.get(h - 1)) else {
                    continue;
                };
                let key = format!("{} {}", stem(&fold(mw.text)), stem(&fold(hw.text)));
                let text = sentence.get(w.start..hw.end).unwrap_or("").to_string();
                let keys = sentence_keys(sentence, &[(w.start, hw.end)]);
                let entry = Entry {
                    doc: d,
                    value: (n.to_bits(), 0),
                    text,
                    keys,
                };
                if !by_key.contains_key(&key) {
                    key_order.push(key.clone());
                }
                by_key.entry(key).or_default().push(entry);
            }
        }
    }
    let mut out = Vec::new();
    for key in key_order {
        let Some(entries) = by_key.get(&key) else {
            continue;
        };
        if entries.len() < 2 {
            continue;
        }
        let groups = group(entries, |a, b| {
            a.doc != b.doc && shared_count(&a.keys, &b.keys) >= MIN_SHARED_NUMBER
        });
        out.extend(conflicts_of(
            docs,
            entries,
            groups,
            ConflictKind::Number,
            |v| format!("Different numbers for {key}s: {}", list(v)),
        ));
    }
    out
}

fn date_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        let day = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?";
        let pattern = format!(
            r"(?:\b(?:on|since|by|from|until)\s+)?{day}(?:\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{month})"
        );
        Regex::new(&pattern).ok()
    })
    .as_ref()
}

/// Explicit days in a sentence: (month, day, text, byte range in the sentence).
fn days_in(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    sentence: &str,
) -> Vec<(u32, u32, String, (usize, usize))> {
    let mut out = Vec::new();
    if let Some(re) = date_regex() {
        for c in re.captures_iter(sentence) {
            let Some(m) = c.get(0) else { continue };
            let month = c
                .get(1)
                .or_else(|| c.get(4))
                .and_then(|x| month_number(x.as_str()));
            let day = c
                .get(2)
                .or_else(|| c.get(3))
                .and_then(|x| x.as_str().parse::<u32>().ok());
            if let (Some(mo), Some(dy)) = (month, day) {
                if (1..=31).contains(&dy) {
                    out.push((mo, dy, m.as_str().to_string(), (m.start(), m.end())));
                }
            }
        }
    }
    if out.is_empty() {
        // An extracted date with an explicit day ("3/3/2026"), read from its value.
        for e in doc
            .analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
        {
            let Some(EntityValue::Text(v)) = &e.value else {
                continue;
            };
            let Some(date) = Date::parse_iso(v) else {
                continue;
            };
            for m in &e.mentions {
                if m.start >= start && m.end <= end && m.text.chars().any(|c| c.is_ascii_digit()) {
                    out.push((
                        date.month,
                        date.day,
                        m.text.clone(),
                        (m.start - start, m.end - start),
                    ));
                }
            }
        }
    }
    out
}

/// Different days for the same event.
pub(crate) fn dates(docs: &[Doc<'_>]) -> Vec<Conflict> {
    let mut entries: Vec<Entry> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, e, sentence) in doc.sentences() {
            let days = days_in(doc, s, e, sentence);
            // One entry per sentence: a sentence with two days is a range or a
            // sequence, not one value to compare.
            if let [(mo, dy, text, span)] = days.as_slice() {
                let keys = sentence_keys(sentence, &[*span]);
                entries.push(Entry {
                    doc: d,
                    value: (u64::from(*mo), *dy),
                    text: text.clone(),
                    keys,
                });
            }
        }
    }
    let groups = group(&entries, |a, b| {
        let shared = shared_count(&a.keys, &b.keys);
        a.doc != b.doc
            && shared >= MIN_SHARED_DATE
            && shared as f64 >= MIN_DATE_OVERLAP * a.keys.len().min(b.keys.len()) as f64
    });
    conflicts_of(docs, &entries, groups, ConflictKind::Date, |v| {
        format!("Different dates for one event: {}", list(v))
    })
}
