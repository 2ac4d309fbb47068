//! Merging mentions into entities across the article.
//!
//! Full names come first: every multi-word person name starts or joins a person.
//! Lone words then join the person whose name holds them (the nearest one
//! mentioned before, so two "Kim"s stay apart), an organisation whose initials
//! they spell, or an entity already named so; a lone word that nothing vouches
//! for is dropped. Listed names merge on their canonical form, so "U.S." and
//! "United States" are one entity.

use std::collections::HashMap;

use super::names::Candidate;
use super::quantity::FoundQuantity;
use super::temporal::FoundDate;
use crate::{Entity, EntityKind, EntityValue, Mention, Span};

/// Everything found in the sentences, before merging.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Name candidates.
    pub names: Vec<Candidate>,
    /// Dates.
    pub dates: Vec<FoundDate>,
    /// Quantities.
    pub quantities: Vec<FoundQuantity>,
    /// Headlines and headings, where the article's names are looked for by text.
    pub weak_spans: Vec<Span>,
}

/// An entity being built.
#[derive(Debug)]
struct Draft {
    kind: EntityKind,
    name: String,
    mentions: Vec<Span>,
    roles: Vec<String>,
    country: Option<String>,
    government: bool,
    value: Option<EntityValue>,
    /// Words of a person's full name, for matching lone words.
    parts: Vec<String>,
}

/// Builds the article's entities from what its sentences gave.
pub(crate) fn merge(text: &str, found: Found) -> Vec<Entity> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let slice = |s: Span| text.get(s.range()).unwrap_or("").to_string();

    let (strong, weak): (Vec<Candidate>, Vec<Candidate>) =
        found.names.into_iter().partition(|c| !c.weak);
    let (typed, lone): (Vec<Candidate>, Vec<Candidate>) = strong.into_iter().partition(|c| {
        c.kind.is_some_and(|k| k != EntityKind::Person)
            || c.kind == Some(EntityKind::Person) && word_count(&slice(c.span)) >= 2
    });
    for c in typed {
        add_typed(&mut drafts, &mut index, text, &c);
    }
    // Persons' full names known, resolve lone words in text order.
    let mut lone = lone;
    lone.sort_by_key(|c| c.span.start);
    for c in &lone {
        resolve_lone(&mut drafts, &mut index, text, c, false);
    }
    for c in &weak {
        if c.canonical.is_some() && c.kind.is_some() {
            add_typed(&mut drafts, &mut index, text, c);
        } else {
            resolve_lone(&mut drafts, &mut index, text, c, true);
        }
    }
    merge_acronyms(&mut drafts);
    confirm_in_weak(text, &mut drafts, &found.weak_spans);
    for d in found.dates {
        let key = d
            .value
            .clone()
            .unwrap_or_else(|| slice(d.span).to_lowercase());
        let value = d.value.map(EntityValue::Text);
        add_simple(
            &mut drafts,
            &mut index,
            EntityKind::Date,
            key,
            slice(d.span),
            d.span,
            value,
        );
    }
    for q in found.quantities {
        let name = slice(q.span);
        let value = q.value.map(EntityValue::Number);
        add_simple(
            &mut drafts,
            &mut index,
            EntityKind::Quantity,
            name.to_lowercase(),
            name,
            q.span,
            value,
        );
    }
    finish(text, drafts)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Normalised key of a name: lower case, no dots, no leading "the".
fn key_of(name: &str) -> String {
    let lower = name.to_lowercase().replace(['.', '\u{2019}', '\''], "");
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

fn add_typed(
    drafts: &mut Vec<Draft>,
    index: &mut HashMap<(EntityKind, String), usize>,
    text: &str,
    c: &Candidate,
) {
    let Some(kind) = c.kind else { return };
    let surface = text.get(c.span.range()).unwrap_or("").to_string();
    let key = match (kind, &c.country) {
        // "Russian" and "Russians" are one group.
        (EntityKind::Group, Some(country)) => format!("of {}", key_of(country)),
        _ => key_of(c.canonical.as_deref().unwrap_or(&surface)),
    };
    let at = match index.get(&(kind, key.clone())) {
        Some(&i) => i,
        None => {
            // A person whose words contain this one's ("Sergei Shoigu" in
            // "Sergei K. Shoigu") is the same person.
            let same_person = (kind == EntityKind::Person)
                .then(|| person_containing(drafts, &surface))
                .flatten();
            match same_person {
                Some(i) => i,
                None => {
                    drafts.push(Draft {
                        kind,
                        name: c.canonical.clone().unwrap_or_else(|| surface.clone()),
                        mentions: Vec::new(),
                        roles: Vec::new(),
                        country: c.country.clone(),
                        government: false,
                        value: None,
                        parts: name_parts(&surface),
                    });
                    drafts.len() - 1
                }
            }
        }
    };
    index.insert((kind, key), at);
    if let Some(d) = drafts.get_mut(at) {
        d.mentions.push(c.span);
        d.government |= c.government;
        if let Some(role) = &c.role {
            if !d.roles.contains(role) {
                d.roles.push(role.clone());
            }
        }
        if kind == EntityKind::Person && word_count(&surface) > word_count(&d.name) {
            d.name = surface.clone();
            d.parts = name_parts(&surface);
        }
    }
}

/// The words of a person's name, and the parts of hyphenated ones.
fn name_parts(name: &str) -> Vec<String> {
    let mut parts: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_string())
        .collect();
    let extra: Vec<String> = parts
        .iter()
        .filter(|w| w.contains('-') && !w.starts_with("al-"))
        .flat_map(|w| {
            w.split('-')
                .filter(|p| p.chars().count() > 2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
        .collect();
    parts.extend(extra);
    parts.retain(|p| p.chars().count() > 1);
    parts
}

/// The person whose name contains every word of `name` (two words or more).
fn person_containing(drafts: &[Draft], name: &str) -> Option<usize> {
    let words: Vec<&str> = name.split_whitespace().collect();
    drafts.iter().position(|d| {
        d.kind == EntityKind::Person
            && words.len() >= 2
            && words
                .iter()
                .all(|w| d.parts.iter().any(|p| p == w.trim_end_matches('.')))
    })
}

/// Resolves a lone word (or an unconfirmed headline name) to an entity.
fn resolve_lone(
    drafts: &mut Vec<Draft>,
    index: &mut HashMap<(EntityKind, String), usize>,
    text: &str,
    c: &Candidate,
    weak: bool,
) {
    let surface = text.get(c.span.range()).unwrap_or("");
    let key = key_of(surface);
    // The nearest person mentioned before whose name holds the word; else any.
    let holders: Vec<usize> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.kind == EntityKind::Person && d.parts.iter().any(|p| p.eq_ignore_ascii_case(surface))
        })
        .map(|(i, _)| i)
        .collect();
    let nearest = holders.iter().copied().max_by_key(|&i| {
        drafts
            .get(i)
            .and_then(|d| {
                d.mentions
                    .iter()
                    .filter(|m| m.start < c.span.start)
                    .map(|m| m.start)
                    .max()
            })
            .map_or(0, |s| s + 1)
    });
    // Keys only match texts of about the same length: check that first.
    let close = |t: &str| t.len().abs_diff(surface.len()) <= 6;
    let same_name = drafts.iter().position(|d| {
        close(&d.name) && key_of(&d.name) == key
            || d.mentions.iter().any(|m| {
                text.get(m.range())
                    .is_some_and(|t| close(t) && key_of(t) == key)
            })
    });
    // "Kaiyo" after "Kaiyo Lines": the first word of a multi-word body.
    let body_first_word = drafts.iter().position(|d| {
        d.kind == EntityKind::Organization
            && word_count(&d.name) >= 2
            && d.name
                .split_whitespace()
                .next()
                .is_some_and(|w| w == surface)
    });
    let target = nearest.or(same_name).or(body_first_word);
    if let Some(i) = target {
        if let Some(d) = drafts.get_mut(i) {
            d.mentions.push(c.span);
            if let Some(role) = &c.role {
                if !d.roles.contains(role) {
                    d.roles.push(role.clone());
                }
            }
        }
        return;
    }
    if weak {
        return;
    }
    let kind = match c.kind {
        Some(kind) => kind,
        None if c.person_cue => EntityKind::Person,
        None if c.place_cue => EntityKind::Place,
        None => return,
    };
    let typed = Candidate {
        kind: Some(kind),
        ..c.clone()
    };
    add_typed(drafts, index, text, &typed);
}

/// Finds the article's names in its headline and headings by their text: there
/// capitals prove nothing, but a name the body uses is still that name. In an
/// all-capitals heading the match ignores case.
fn confirm_in_weak(text: &str, drafts: &mut [Draft], weak: &[Span]) {
    let mut names: Vec<(String, usize)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if matches!(d.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        let mut forms: Vec<String> = d
            .mentions
            .iter()
            .filter(|m| !weak.iter().any(|w| w.contains(**m)))
            .filter_map(|m| text.get(m.range()))
            .map(str::to_string)
            .collect();
        forms.push(d.name.clone());
        for form in forms {
            if form.chars().count() >= 3 && !names.iter().any(|(f, _)| *f == form) {
                names.push((form, i));
            }
        }
    }
    names.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    for span in weak {
        let Some(block) = text.get(span.range()) else {
            continue;
        };
        let caps = !block.chars().any(char::is_lowercase);
        let hay = if caps {
            block.to_uppercase()
        } else {
            block.to_string()
        };
        if hay.len() != block.len() {
            continue;
        }
        let mut taken: Vec<Span> = drafts
            .iter()
            .flat_map(|d| d.mentions.iter().copied())
            .filter(|m| span.contains(*m))
            .collect();
        for (form, i) in &names {
            let needle = if caps {
                form.to_uppercase()
            } else {
                form.clone()
            };
            let mut from = 0;
            while let Some(pos) = hay.get(from..).and_then(|h| h.find(needle.as_str())) {
                let start = from + pos;
                let end = start + needle.len();
                from = end;
                let before = hay.get(..start).and_then(|h| h.chars().next_back());
                let after = hay.get(end..).and_then(|h| h.chars().next());
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let found = Span::new(span.start + start, span.start + end);
                if taken
                    .iter()
                    .any(|t| t.start < found.end && found.start < t.end)
                {
                    continue;
                }
                taken.push(found);
                if let Some(d) = drafts.get_mut(*i) {
                    d.mentions.push(found);
                }
            }
        }
    }
}

/// Merges an all-capitals organisation ("UN", "ASEAN") into the organisation
/// whose initials it spells.
fn merge_acronyms(drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        let acronym = drafts
            .get(i)
            .filter(|d| {
                d.kind == EntityKind::Organization
                    && d.name.chars().all(|c| c.is_uppercase() || c == '.')
            })
            .map(|d| d.name.replace('.', ""));
        let target = acronym.and_then(|a| {
            drafts.iter().position(|d| {
                d.kind == EntityKind::Organization
                    && word_count(&d.name) >= 2
                    && initials(&d.name) == a
            })
        });
        match target {
            Some(t) if t != i => {
                let moved = drafts.remove(i);
                let t = if t > i { t - 1 } else { t };
                if let Some(d) = drafts.get_mut(t) {
                    d.mentions.extend(moved.mentions);
                }
            }
            _ => i += 1,
        }
    }
}

/// Initials of the capitalised words of a name ("United Nations" -> "UN").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn add_simple(
    drafts: &mut Vec<Draft>,
    index: &mut HashMap<(EntityKind, String), usize>,
    kind: EntityKind,
    key: String,
    name: String,
    span: Span,
    value: Option<EntityValue>,
) {
    let at = *index.entry((kind, key)).or_insert_with(|| {
        drafts.push(Draft {
            kind,
            name,
            mentions: Vec::new(),
            roles: Vec::new(),
            country: None,
            government: false,
            value,
            parts: Vec::new(),
        });
        drafts.len() - 1
    });
    if let Some(d) = drafts.get_mut(at) {
        d.mentions.push(span);
    }
}

/// Orders the drafts by first mention, gives ids, links capitals and demonyms
/// to their countries.
fn finish(text: &str, mut drafts: Vec<Draft>) -> Vec<Entity> {
    for d in &mut drafts {
        d.mentions.sort_unstable();
        d.mentions.dedup();
    }
    drafts.retain(|d| !d.mentions.is_empty());
    // Overlapping mentions of different entities: keep the longer one.
    let mut all: Vec<(Span, usize)> = drafts
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.mentions.iter().map(move |m| (*m, i)))
        .collect();
    all.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut drop: Vec<(Span, usize)> = Vec::new();
    let mut last_end = 0;
    for (span, i) in all {
        if span.start < last_end {
            drop.push((span, i));
        } else {
            last_end = span.end;
        }
    }
    for (span, i) in drop {
        if let Some(d) = drafts.get_mut(i) {
            d.mentions.retain(|m| *m != span);
        }
    }
    drafts.retain(|d| !d.mentions.is_empty());
    drafts.sort_by_key(|d| d.mentions.first().map_or(usize::MAX, |m| m.start));
    // Countries that a capital or demonym points to but the text never names.
    let needed: Vec<String> = drafts
        .iter()
        .filter(|d| links_to_country(d))
        .filter_map(|d| d.country.clone())
        .collect();
    let mut extra: Vec<Draft> = Vec::new();
    for country in needed {
        let present = drafts
            .iter()
            .chain(&extra)
            .any(|d| d.kind == EntityKind::Place && d.name == country);
        if !present {
            extra.push(Draft {
                kind: EntityKind::Place,
                name: country.clone(),
                mentions: Vec::new(),
                roles: Vec::new(),
                country: Some(country),
                government: false,
                value: None,
                parts: Vec::new(),
            });
        }
    }
    drafts.extend(extra);
    let ids: Vec<String> = (1..=drafts.len()).map(|n| format!("e{n}")).collect();
    let country_id = |name: &str| {
        drafts
            .iter()
            .zip(&ids)
            .find(|(d, _)| d.kind == EntityKind::Place && d.name == name)
            .map(|(_, id)| id.clone())
    };
    drafts
        .iter()
        .zip(&ids)
        .map(|(d, id)| {
            let mentions: Vec<Mention> = d
                .mentions
                .iter()
                .map(|m| Mention {
                    text: text.get(m.range()).unwrap_or("").to_string(),
                    start: m.start,
                    end: m.end,
                })
                .collect();
            let mut aliases: Vec<String> = mentions
                .iter()
                .map(|m| m.text.clone())
                .filter(|t| *t != d.name)
                .collect();
            aliases.sort();
            aliases.dedup();
            let refers_to = if links_to_country(d) {
                d.country
                    .as_deref()
                    .and_then(country_id)
                    .filter(|c| c != id)
            } else {
                None
            };
            Entity {
                id: id.clone(),
                kind: d.kind,
                name: d.name.clone(),
                aliases,
                roles: d.roles.clone(),
                mentions,
                refers_to,
                value: d.value.clone(),
            }
        })
        .collect()
}

/// Whether a draft points to its country: a capital standing for its
/// government, or a demonym.
fn links_to_country(d: &Draft) -> bool {
    d.country.is_some()
        && (d.kind == EntityKind::Group || d.kind == EntityKind::Place && d.government)
}
