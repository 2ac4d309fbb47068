//! Merging mentions into entities across the article.
//!
//! Full names come first: every multi-word person name starts or joins a person.
//! Lone words then join the person whose name holds them (the nearest one
//! mentioned before, so two "Kim"s stay apart), an organisation whose initials
//! they spell, or an entity already named so; a lone word that nothing vouches
//! for is dropped. Listed names merge on their canonical form, so "U.S." and
//! "United States" are one entity.

use std::collections::{HashMap, HashSet};

use super::names::{is_org_head, Candidate};
use super::quantity::FoundQuantity;
use super::temporal::FoundDate;
use crate::lexicon::BuildWordHasher;
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
    country: Option<&'static str>,
    government: bool,
    value: Option<EntityValue>,
    /// Words of a person's full name, for matching lone words.
    parts: Vec<String>,
}

/// Where drafts are found by key while merging.
#[derive(Default)]
struct Index {
    /// Kind tag and normalised name to the draft.
    by_key: HashMap<String, usize, BuildWordHasher>,
    /// Words of person names to the persons that have them.
    person_parts: HashMap<String, Vec<usize>, BuildWordHasher>,
    /// The key being looked up, reused to spare an allocation per mention.
    key: String,
}

/// Builds the article's entities from what its sentences gave.
pub(crate) fn merge(text: &str, found: Found) -> Vec<Entity> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut index = Index::default();
    let slice = |s: Span| text.get(s.range()).unwrap_or("");

    let mut names = found.names;
    settle_guesses(text, &mut names);
    let (strong, weak): (Vec<Candidate>, Vec<Candidate>) = names.into_iter().partition(|c| !c.weak);
    let (typed, lone): (Vec<Candidate>, Vec<Candidate>) = strong.into_iter().partition(|c| {
        c.kind.is_some_and(|k| k != EntityKind::Person)
            || c.kind == Some(EntityKind::Person) && word_count(slice(c.span)) >= 2
    });
    for c in &typed {
        add_typed(&mut drafts, &mut index, text, c);
    }
    // Persons' full names known, resolve lone words in text order.
    let mut lone = lone;
    lone.sort_by_key(|c| c.span.start);
    let lone = join_coordinated(&drafts, text, lone);
    let mut lookup = Lookup::default();
    for c in &lone {
        resolve_lone(&mut drafts, &mut index, &mut lookup, text, c, false);
    }
    for c in &weak {
        if c.canonical.is_some() && c.kind.is_some() {
            if let Some(i) = add_typed(&mut drafts, &mut index, text, c) {
                lookup.dirty.push(i);
            }
        } else {
            resolve_lone(&mut drafts, &mut index, &mut lookup, text, c, true);
        }
    }
    merge_acronyms(&mut drafts);
    confirm_in_weak(text, &mut drafts, &found.weak_spans);
    for d in found.dates {
        let surface = slice(d.span);
        match &d.value {
            Some(v) => index.set_key(EntityKind::Date, v, false),
            None => index.set_key(EntityKind::Date, surface, true),
        }
        let value = d.value.map(EntityValue::Text);
        add_simple(
            &mut drafts,
            &mut index,
            EntityKind::Date,
            surface,
            d.span,
            value,
        );
    }
    for q in found.quantities {
        let surface = slice(q.span);
        index.set_key(EntityKind::Quantity, surface, true);
        let value = q.value.map(EntityValue::Number);
        add_simple(
            &mut drafts,
            &mut index,
            EntityKind::Quantity,
            surface,
            q.span,
            value,
        );
    }
    finish(text, drafts)
}

/// Makes the article agree with itself on a name's kind: a kind that was only
/// guessed (a listed given name, a speech verb, nothing) yields to the kind the
/// same name got from surer evidence elsewhere ("the security firm Sable
/// Crest, which ..." then "Sable Crest did not respond"). A person and a body
/// found on the same span (an outlet read as a byline's author) is the body.
fn settle_guesses(text: &str, names: &mut Vec<Candidate>) {
    let slice = |c: &Candidate| key_of(text.get(c.span.range()).unwrap_or(""));
    let mut sure: HashMap<String, EntityKind> = HashMap::new();
    for c in names.iter().filter(|c| !c.guess && !c.weak) {
        if let Some(kind @ (EntityKind::Person | EntityKind::Organization | EntityKind::Place)) =
            c.kind
        {
            sure.entry(slice(c)).or_insert(kind);
        }
    }
    // "Bowes Kittredge" after "Bowes Kittredge Partners": a body's short
    // forms of two words or more are that body too.
    for c in names.iter().filter(|c| !c.guess && !c.weak) {
        if c.kind == Some(EntityKind::Organization) {
            for short in short_forms(text.get(c.span.range()).unwrap_or("")) {
                if word_count(&short) >= 2 {
                    sure.entry(key_of(&short))
                        .or_insert(EntityKind::Organization);
                }
            }
        }
    }
    for c in names.iter_mut().filter(|c| c.guess) {
        if let Some(&kind) = sure.get(&slice(c)) {
            c.kind = Some(kind);
            c.guess = false;
        }
    }
    let bodies: HashSet<Span> = names
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Organization))
        .map(|c| c.span)
        .collect();
    names.retain(|c| c.kind != Some(EntityKind::Person) || !bodies.contains(&c.span));
}

/// "Harvest Lane and Northfield and Vale have ...": two lone words joined by
/// "and" or "&" that spell a body the article already names (or the start of
/// its name: "Garvie and Sloan" for "Garvie and Sloan Holdings") are one
/// mention of it, not two people.
fn join_coordinated(drafts: &[Draft], text: &str, lone: Vec<Candidate>) -> Vec<Candidate> {
    let bodies: Vec<String> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Organization)
        .filter(|d| d.name.contains(" and ") || d.name.contains(" & "))
        .map(|d| key_of(&d.name))
        .collect();
    if bodies.is_empty() {
        return lone;
    }
    let mut out: Vec<Candidate> = Vec::with_capacity(lone.len());
    let mut iter = lone.into_iter().peekable();
    while let Some(c) = iter.next() {
        let joined = iter.peek().and_then(|next| {
            let gap = text.get(c.span.end..next.span.start)?;
            if !matches!(gap, " and " | " & ") {
                return None;
            }
            let span = Span::new(c.span.start, next.span.end);
            let key = key_of(text.get(span.range())?);
            bodies
                .iter()
                .any(|b| *b == key || b.strip_prefix(&key).is_some_and(|r| r.starts_with(' ')))
                .then_some(span)
        });
        match joined {
            Some(span) => {
                iter.next();
                let mut body = Candidate::new(span, None);
                body.org_cue = true;
                out.push(body);
            }
            None => out.push(c),
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Appends the normalised key of a name to `out`: lower case, no dots or
/// apostrophes, no leading "the".
fn push_key(name: &str, out: &mut String) {
    let from = out.len();
    for c in name.chars() {
        if matches!(c, '.' | '\u{2019}' | '\'') {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.get(from..).is_some_and(|k| k.starts_with("the ")) {
        out.replace_range(from..from + 4, "");
    }
}

/// Normalised key of a name: lower case, no dots, no leading "the".
fn key_of(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_key(name, &mut out);
    out
}

/// A tag per kind, so that one map holds the keys of every kind.
fn kind_tag(kind: EntityKind) -> char {
    match kind {
        EntityKind::Person => 'p',
        EntityKind::Organization => 'o',
        EntityKind::Place => 'l',
        EntityKind::Group => 'g',
        EntityKind::Event => 'e',
        EntityKind::Date => 'd',
        EntityKind::Quantity => 'q',
    }
}

impl Index {
    /// Sets the key buffer to `kind` and `name`, normalised when `normalise`.
    fn set_key(&mut self, kind: EntityKind, name: &str, normalise: bool) {
        self.key.clear();
        self.key.push(kind_tag(kind));
        if normalise {
            push_key(name, &mut self.key);
        } else {
            self.key.push_str(name);
        }
    }

    /// The draft under the key in the buffer.
    fn get(&self) -> Option<usize> {
        self.by_key.get(self.key.as_str()).copied()
    }

    /// Files the draft `at` under the key in the buffer.
    fn insert(&mut self, at: usize) {
        match self.by_key.get_mut(self.key.as_str()) {
            Some(slot) => *slot = at,
            None => {
                self.by_key.insert(self.key.clone(), at);
            }
        }
    }

    /// Files the parts of person `at`'s name.
    fn add_parts(&mut self, parts: &[String], at: usize) {
        for part in parts {
            match self.person_parts.get_mut(part.as_str()) {
                Some(list) if list.contains(&at) => {}
                Some(list) => list.push(at),
                None => {
                    self.person_parts.insert(part.clone(), vec![at]);
                }
            }
        }
    }
}

fn add_typed(
    drafts: &mut Vec<Draft>,
    index: &mut Index,
    text: &str,
    c: &Candidate,
) -> Option<usize> {
    let kind = c.kind?;
    let surface = text.get(c.span.range()).unwrap_or("");
    match (kind, c.country) {
        // "Russian" and "Russians" are one group.
        (EntityKind::Group, Some(country)) => {
            index.set_key(kind, "of ", false);
            push_key(country, &mut index.key);
        }
        _ => index.set_key(kind, c.canonical.as_deref().unwrap_or(surface), true),
    }
    let (at, new) = match index.get() {
        Some(i) => (i, false),
        None => {
            // A person whose words contain this one's ("Sergei Shoigu" in
            // "Sergei K. Shoigu") is the same person.
            let same_person = (kind == EntityKind::Person)
                .then(|| person_containing(drafts, index, surface))
                .flatten();
            match same_person {
                Some(i) => (i, false),
                None => {
                    drafts.push(Draft {
                        kind,
                        name: c.canonical.as_deref().unwrap_or(surface).to_string(),
                        mentions: Vec::new(),
                        roles: Vec::new(),
                        country: c.country,
                        government: false,
                        value: None,
                        parts: name_parts(surface),
                    });
                    (drafts.len() - 1, true)
                }
            }
        }
    };
    index.insert(at);
    let d = drafts.get_mut(at)?;
    d.mentions.push(c.span);
    d.government |= c.government;
    if let Some(role) = &c.role {
        if !d.roles.contains(role) {
            d.roles.push(role.clone());
        }
    }
    let mut renamed = false;
    if kind == EntityKind::Person && word_count(surface) > word_count(&d.name) {
        d.name = surface.to_string();
        d.parts = name_parts(surface);
        renamed = true;
    }
    if kind == EntityKind::Person && (new || renamed) {
        index.add_parts(&d.parts, at);
    }
    Some(at)
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
fn person_containing(drafts: &[Draft], index: &Index, name: &str) -> Option<usize> {
    let mut words = name.split_whitespace();
    let first = words.next()?.trim_end_matches('.');
    words.next()?;
    let candidates = index.person_parts.get(first)?;
    candidates
        .iter()
        .copied()
        .filter(|&i| {
            drafts.get(i).is_some_and(|d| {
                d.kind == EntityKind::Person
                    && name
                        .split_whitespace()
                        .all(|w| d.parts.iter().any(|p| p == w.trim_end_matches('.')))
            })
        })
        .min()
}

/// Indexes over the drafts for resolving lone words, kept up to date as drafts
/// grow, so that resolving stays linear in the article's length.
#[derive(Default)]
struct Lookup {
    /// Normalised names and mention texts to the first draft that has them.
    by_key: HashMap<String, usize, BuildWordHasher>,
    /// Lower-cased parts of person names to the persons that have them.
    by_part: HashMap<String, Vec<usize>, BuildWordHasher>,
    /// Short forms of multi-word organisations ("Kaiyo" for "Kaiyo Lines",
    /// "Solvento-Arkan" for "Team Solvento-Arkan"), normalised, to the first
    /// such organisation.
    by_short: HashMap<String, usize, BuildWordHasher>,
    /// Per draft: mentions and name already indexed.
    seen: Vec<(usize, String)>,
    /// Drafts changed since the last refresh.
    dirty: Vec<usize>,
    /// A key being built, reused to spare an allocation per lookup.
    key: String,
}

/// Files `key` under `i` in `map` unless some draft has it already.
fn file_first(map: &mut HashMap<String, usize, BuildWordHasher>, key: &str, i: usize) {
    if !map.contains_key(key) {
        map.insert(key.to_string(), i);
    }
}

impl Lookup {
    /// Indexes what was added to `drafts` since the last call.
    fn refresh(&mut self, drafts: &[Draft], text: &str) {
        if self.dirty.is_empty() && self.seen.len() == drafts.len() {
            return;
        }
        let mut todo = std::mem::take(&mut self.dirty);
        todo.extend(self.seen.len()..drafts.len());
        todo.sort_unstable();
        todo.dedup();
        for &i in &todo {
            let Some(d) = drafts.get(i) else { continue };
            if self.seen.len() <= i {
                self.seen.resize(i + 1, (0, String::new()));
            }
            let Some((mentions_seen, name_seen)) = self.seen.get_mut(i) else {
                continue;
            };
            if *name_seen != d.name {
                self.key.clear();
                push_key(&d.name, &mut self.key);
                file_first(&mut self.by_key, &self.key, i);
                if d.kind == EntityKind::Person {
                    for part in &d.parts {
                        self.key.clear();
                        self.key.extend(part.chars().flat_map(char::to_lowercase));
                        match self.by_part.get_mut(self.key.as_str()) {
                            Some(list) if list.contains(&i) => {}
                            Some(list) => list.push(i),
                            None => {
                                self.by_part.insert(self.key.clone(), vec![i]);
                            }
                        }
                    }
                }
                if d.kind == EntityKind::Organization {
                    for short in short_forms(&d.name) {
                        self.key.clear();
                        push_key(&short, &mut self.key);
                        file_first(&mut self.by_short, &self.key, i);
                    }
                }
                name_seen.clone_from(&d.name);
            }
            for m in d.mentions.iter().skip(*mentions_seen) {
                if let Some(t) = text.get(m.range()) {
                    self.key.clear();
                    push_key(t, &mut self.key);
                    file_first(&mut self.by_key, &self.key, i);
                }
            }
            *mentions_seen = d.mentions.len();
        }
        todo.clear();
        self.dirty = todo;
    }
}

/// Resolves a lone word (or an unconfirmed headline name) to an entity.
fn resolve_lone(
    drafts: &mut Vec<Draft>,
    index: &mut Index,
    lookup: &mut Lookup,
    text: &str,
    c: &Candidate,
    weak: bool,
) {
    lookup.refresh(drafts, text);
    let surface = text.get(c.span.range()).unwrap_or("");
    // The nearest person mentioned before whose name holds the word; else any.
    lookup.key.clear();
    lookup
        .key
        .extend(surface.chars().flat_map(char::to_lowercase));
    let holders = lookup
        .by_part
        .get(lookup.key.as_str())
        .map_or(&[][..], Vec::as_slice);
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
    lookup.key.clear();
    push_key(surface, &mut lookup.key);
    let same_name = lookup.by_key.get(lookup.key.as_str()).copied();
    // "Kaiyo" after "Kaiyo Lines": a short form of a multi-word body.
    // A word put in a place ("in Alberta, Saskatchewan and Manitoba") is not
    // a short form of a body that starts with it ("Saskatchewan Wheat Growers").
    let body_short = lookup
        .by_short
        .get(lookup.key.as_str())
        .copied()
        .filter(|_| !c.place_cue && !c.opening && !weak);
    // A word that a person's name holds only as half of a hyphenated surname
    // ("Halvorsen" in "Halvorsen-Lund") is rather the body it also starts
    // ("Halvorsen Maritime"); an organisation cue rules out a person.
    let person = nearest.filter(|&i| {
        !c.org_cue
            && (body_short.is_none()
                || drafts.get(i).is_some_and(|d| {
                    d.name
                        .split_whitespace()
                        .any(|w| w.trim_end_matches('.') == surface)
                }))
    });
    let target = person.or(same_name).or(body_short);
    if let Some(i) = target {
        lookup.dirty.push(i);
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
        None if c.org_cue => EntityKind::Organization,
        None if c.person_cue => EntityKind::Person,
        None if c.place_cue => EntityKind::Place,
        None => return,
    };
    let typed = Candidate {
        kind: Some(kind),
        ..c.clone()
    };
    if let Some(i) = add_typed(drafts, index, text, &typed) {
        lookup.dirty.push(i);
    }
}

/// The shorter names a body goes by after its full name: without its head
/// word ("Garvie and Sloan" for "Garvie and Sloan Holdings", "Kaiyo" for
/// "Kaiyo Lines"), without a generic head opening it ("Solvento-Arkan" for
/// "Team Solvento-Arkan"), its first word, and a club's last word ("Rovers").
fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::new();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return out;
    };
    if words.len() < 2 {
        return out;
    }
    let connector = |w: &&str| matches!(*w, "of" | "for" | "on" | "and" | "&" | "the");
    if !words.iter().any(connector) {
        if !is_org_head(first) {
            out.push(first.to_string());
        } else if words.len() == 2 {
            out.push(last.to_string());
        }
    }
    if words.len() >= 3 && is_org_head(last) {
        let body = words.get(..words.len() - 1).unwrap_or_default();
        if !body.last().is_some_and(connector) && !body.iter().any(|w| is_org_head(w)) {
            out.push(body.join(" "));
        }
    }
    if CLUB_WORDS.contains(&last) && !words.iter().any(connector) {
        out.push(last.to_string());
    }
    out
}

/// Last words of sports clubs' names that stand for the club alone ("Rovers
/// would be docked 15 points").
const CLUB_WORDS: &[&str] = &[
    "Albion",
    "Athletic",
    "Hotspur",
    "Rangers",
    "Rovers",
    "Thistle",
    "United",
    "Wanderers",
];

/// Finds the article's names in its headline and headings by their text: there
/// capitals prove nothing, but a name the body uses is still that name. In an
/// all-capitals heading the match ignores case.
fn confirm_in_weak(text: &str, drafts: &mut [Draft], weak: &[Span]) {
    if weak.is_empty() {
        return;
    }
    let mut weak_sorted = weak.to_vec();
    weak_sorted.sort_unstable();
    let in_weak = |m: Span| {
        let after = weak_sorted.partition_point(|w| w.start <= m.start);
        after
            .checked_sub(1)
            .and_then(|k| weak_sorted.get(k))
            .is_some_and(|w| w.contains(m))
    };
    // Every form the body uses, once, with its draft, in draft order.
    let mut forms: Vec<(&str, usize)> = Vec::new();
    let mut seen: HashSet<&str, BuildWordHasher> = HashSet::default();
    for (i, d) in drafts.iter().enumerate() {
        if matches!(d.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        let body_forms = d
            .mentions
            .iter()
            .filter(|m| !in_weak(**m))
            .filter_map(|m| text.get(m.range()))
            .chain(std::iter::once(d.name.as_str()));
        for form in body_forms {
            if form.chars().nth(2).is_some() && seen.insert(form) {
                forms.push((form, i));
            }
        }
    }
    // Forms by their first word, lower-cased: each word of a heading then
    // looks up only the forms that can start there.
    let mut by_first: HashMap<String, Vec<usize>, BuildWordHasher> = HashMap::default();
    for (k, (form, _)) in forms.iter().enumerate() {
        if let Some(first) = form.split(|c: char| !c.is_alphanumeric()).next() {
            by_first.entry(first.to_lowercase()).or_default().push(k);
        }
    }
    for list in by_first.values_mut() {
        // Longest first, so "North Korea" wins over "North".
        list.sort_by_key(|&k| std::cmp::Reverse(forms.get(k).map_or(0, |f| f.0.len())));
    }
    let mut existing: Vec<Span> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter().copied())
        .collect();
    existing.sort_unstable();
    let mut found_mentions: Vec<(usize, Span)> = Vec::new();
    let mut first_word = String::new();
    for span in &weak_sorted {
        let Some(block) = text.get(span.range()) else {
            continue;
        };
        let caps = !block.chars().any(char::is_lowercase);
        let from = existing.partition_point(|m| m.start < span.start);
        let mut taken: Vec<Span> = existing
            .iter()
            .skip(from)
            .take_while(|m| m.start < span.end)
            .copied()
            .collect();
        let word_starts = block
            .char_indices()
            .filter(|&(k, c)| {
                c.is_alphanumeric()
                    && !block
                        .get(..k)
                        .and_then(|b| b.chars().next_back())
                        .is_some_and(char::is_alphanumeric)
            })
            .map(|(k, _)| k);
        for start in word_starts {
            let rest = block.get(start..).unwrap_or("");
            first_word.clear();
            first_word.extend(
                rest.split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .chars()
                    .flat_map(char::to_lowercase),
            );
            let Some(candidates) = by_first.get(first_word.as_str()) else {
                continue;
            };
            let hit = candidates.iter().find_map(|&k| {
                let (form, owner) = forms.get(k)?;
                let piece = rest.get(..form.len())?;
                let same = if caps {
                    piece.eq_ignore_ascii_case(form) || piece.to_lowercase() == form.to_lowercase()
                } else {
                    piece == *form
                };
                same.then_some((*owner, form.len()))
            });
            let Some((owner, len)) = hit else { continue };
            let m = (start, start + len);
            let before = block.get(..m.0).and_then(|h| h.chars().next_back());
            let after = block.get(m.1..).and_then(|h| h.chars().next());
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let found = Span::new(span.start + m.0, span.start + m.1);
            if taken
                .iter()
                .any(|t| t.start < found.end && found.start < t.end)
            {
                continue;
            }
            taken.push(found);
            found_mentions.push((owner, found));
        }
    }
    for (owner, found) in found_mentions {
        if let Some(d) = drafts.get_mut(owner) {
            d.mentions.push(found);
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

/// Adds a date or quantity mention under the key in the index's buffer.
fn add_simple(
    drafts: &mut Vec<Draft>,
    index: &mut Index,
    kind: EntityKind,
    name: &str,
    span: Span,
    value: Option<EntityValue>,
) {
    let at = match index.get() {
        Some(at) => at,
        None => {
            drafts.push(Draft {
                kind,
                name: name.to_string(),
                mentions: Vec::new(),
                roles: Vec::new(),
                country: None,
                government: false,
                value,
                parts: Vec::new(),
            });
            index.insert(drafts.len() - 1);
            drafts.len() - 1
        }
    };
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
    let mut places: HashSet<&str, BuildWordHasher> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Place)
        .map(|d| d.name.as_str())
        .collect();
    let needed: Vec<&'static str> = drafts
        .iter()
        .filter(|d| links_to_country(d))
        .filter_map(|d| d.country)
        .filter(|country| places.insert(country))
        .collect();
    drafts.extend(needed.into_iter().map(|country| Draft {
        kind: EntityKind::Place,
        name: country.to_string(),
        mentions: Vec::new(),
        roles: Vec::new(),
        country: Some(country),
        government: false,
        value: None,
        parts: Vec::new(),
    }));
    let mut place_ids: HashMap<&str, usize, BuildWordHasher> = HashMap::default();
    for (n, d) in drafts.iter().enumerate() {
        if d.kind == EntityKind::Place {
            place_ids.entry(d.name.as_str()).or_insert(n + 1);
        }
    }
    let refers: Vec<Option<String>> = drafts
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let country = d.country.filter(|_| links_to_country(d))?;
            let target = *place_ids.get(country)?;
            (target != n + 1).then(|| format!("e{target}"))
        })
        .collect();
    drafts
        .into_iter()
        .zip(refers)
        .enumerate()
        .map(|(n, (d, refers_to))| {
            let mentions: Vec<Mention> = d
                .mentions
                .iter()
                .map(|m| Mention {
                    text: text.get(m.range()).unwrap_or("").to_string(),
                    start: m.start,
                    end: m.end,
                })
                .collect();
            let mut aliases: Vec<&str> = mentions
                .iter()
                .map(|m| m.text.as_str())
                .filter(|t| *t != d.name)
                .collect();
            aliases.sort_unstable();
            aliases.dedup();
            let aliases = aliases.into_iter().map(str::to_string).collect();
            Entity {
                id: format!("e{}", n + 1),
                kind: d.kind,
                name: d.name,
                aliases,
                roles: d.roles,
                mentions,
                refers_to,
                value: d.value,
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

#[cfg(test)]
mod tests {
    use crate::{extract_entities, parse_article, ArticleMeta, Entity, EntityKind};

    fn entities(text: &str) -> Vec<Entity> {
        let article = parse_article(text, &ArticleMeta::default()).unwrap();
        extract_entities(&article)
    }

    /// The kinds of the mentions whose text is `surface`.
    fn kinds_of(es: &[Entity], surface: &str) -> Vec<EntityKind> {
        es.iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (e.kind, m)))
            .filter(|(_, m)| m.text == surface)
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn a_guess_yields_to_the_same_name_typed_surely() {
        let es = entities(
            "Port deal signed\n\nGuards from the security firm Sable Crest left the port on Monday. \
             Sable Crest did not comment.",
        );
        assert_eq!(
            kinds_of(&es, "Sable Crest"),
            [EntityKind::Organization, EntityKind::Organization]
        );
    }

    #[test]
    fn coordinated_body_names_are_one_mention() {
        let es = entities(
            "Grocer sold\n\nThe bakery chain Hollis and Marsh was founded by Anna Hollis. \
             Rivals of Hollis and Marsh said little. Hollis and Marsh has 40 shops.",
        );
        let body = es.iter().find(|e| e.name == "Hollis and Marsh").unwrap();
        assert_eq!(body.kind, EntityKind::Organization);
        assert_eq!(body.mentions.len(), 3);
        assert!(es
            .iter()
            .any(|e| e.name == "Anna Hollis" && e.kind == EntityKind::Person));
    }

    #[test]
    fn short_forms_of_bodies() {
        let es = entities(
            "Cycling news\n\nThe rider left Team Corvara-Sud on Monday. \
             Officials said Corvara-Sud had suspended him. \
             Shares of Tamsin Lines rose, and Tamsin shareholders cheered.",
        );
        let team = es.iter().find(|e| e.name == "Team Corvara-Sud").unwrap();
        assert_eq!(team.mentions.len(), 2);
        let lines = es.iter().find(|e| e.name == "Tamsin Lines").unwrap();
        assert_eq!(lines.mentions.len(), 2);
    }

    #[test]
    fn places_listed_together() {
        let es = entities(
            "Storm news\n\nThe storm hit farms in Ontario, Wexbury and Tallowmere on Monday.",
        );
        assert_eq!(kinds_of(&es, "Wexbury"), [EntityKind::Place]);
        assert_eq!(kinds_of(&es, "Tallowmere"), [EntityKind::Place]);
    }

    #[test]
    fn states_and_provinces_are_places() {
        let es = entities(
            "Flood news\n\nFloods hit Sindh and Punjab on Monday. \
             Police in Uttar Pradesh and officials in Bavaria said Virginia Giuffre had left Texas.",
        );
        for place in ["Sindh", "Punjab", "Uttar Pradesh", "Bavaria", "Texas"] {
            assert_eq!(kinds_of(&es, place), [EntityKind::Place], "{place}");
        }
        assert_eq!(kinds_of(&es, "Virginia Giuffre"), [EntityKind::Person]);
    }
}
