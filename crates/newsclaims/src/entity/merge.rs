//! Merging mentions into entities across the article.
//!
//! Full names come first: every multi-word person name starts or joins a person.
//! Lone words then join the person whose name holds them (the nearest one
//! mentioned before, so two "Kim"s stay apart), an organisation whose initials
//! they spell, or an entity already named so; a lone word that nothing vouches
//! for is dropped. Listed names merge on their canonical form, so "U.S." and
//! "United States" are one entity.
//!
//! Merging runs once per article over a few hundred mentions, so it borrows
//! names from the text and the candidates instead of copying them, and files
//! its keys in [`keys`] tables rather than a `String` each.

mod keys;
mod mentions;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use keys::{KeyLists, KeyTable};
use mentions::Mentions;

use super::names::{is_org_head, Candidate};
use super::quantity::FoundQuantity;
use super::temporal::FoundDate;
use crate::lexicon::{push_lower, BuildWordHasher};
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

/// An entity being built; its names borrow from the text and the candidates.
#[derive(Debug)]
struct Draft<'a> {
    kind: EntityKind,
    name: &'a str,
    mentions: Mentions,
    roles: Vec<String>,
    country: Option<&'static str>,
    government: bool,
    value: Option<EntityValue>,
    /// A person's full name as written, whose words (see [`name_parts`])
    /// lone words are matched against.
    written: &'a str,
    /// How often the name changed, so that the lookup re-files only the
    /// drafts renamed since it last looked.
    renames: u32,
}

impl<'a> Draft<'a> {
    /// A draft of `kind` named `name`, with no mention yet.
    fn new(kind: EntityKind, name: &'a str) -> Draft<'a> {
        Draft {
            kind,
            name,
            mentions: Mentions::Empty,
            roles: Vec::new(),
            country: None,
            government: false,
            value: None,
            written: "",
            renames: 0,
        }
    }
}

/// Where drafts are found by key while merging.
#[derive(Default)]
struct Index {
    /// Kind tag and normalised name to the draft.
    by_key: KeyTable<usize>,
    /// Words of person names to the persons that have them.
    person_parts: KeyLists,
    /// The key being looked up, reused to spare an allocation per mention.
    key: String,
}

/// Builds the article's entities from what its sentences gave.
pub(crate) fn merge(text: &str, found: Found) -> Vec<Entity> {
    let Found {
        mut names,
        dates,
        quantities,
        weak_spans,
    } = found;
    let mut heads = Heads::default();
    settle_guesses(text, &mut names, &mut heads);
    let is_typed = |c: &Candidate| {
        c.kind.is_some_and(|k| k != EntityKind::Person)
            || c.kind == Some(EntityKind::Person)
                && text
                    .get(c.span.range())
                    .is_some_and(|s| s.split_whitespace().nth(1).is_some())
    };
    let mut lone: Vec<Cow<'_, Candidate>> = names
        .iter()
        .filter(|c| !c.weak && !is_typed(c))
        .map(Cow::Borrowed)
        .collect();
    let mut drafts: Vec<Draft<'_>> = Vec::with_capacity(names.len() + dates.len());
    let mut index = Index {
        by_key: KeyTable::with_capacity(names.len() + dates.len() + quantities.len()),
        person_parts: KeyLists::with_capacity(names.len()),
        key: String::new(),
    };
    for c in names.iter().filter(|c| !c.weak && is_typed(c)) {
        if let Some(kind) = c.kind {
            add_typed(&mut drafts, &mut index, text, c, kind);
        }
    }
    // Persons' full names known, resolve lone words in text order.
    lone.sort_by_key(|c| c.span.start);
    let lone = join_coordinated(&drafts, text, lone);
    let mut lookup = Lookup::new(heads);
    for c in &lone {
        lookup.expect(text.get(c.span.range()).unwrap_or(""));
    }
    for c in names.iter().filter(|c| c.weak) {
        if c.canonical.is_none() || c.kind.is_none() {
            lookup.expect(text.get(c.span.range()).unwrap_or(""));
        }
    }
    for c in &lone {
        resolve_lone(&mut drafts, &mut index, &mut lookup, text, c, false);
    }
    for c in names.iter().filter(|c| c.weak) {
        match c.kind {
            Some(kind) if c.canonical.is_some() => {
                if let Some(i) = add_typed(&mut drafts, &mut index, text, c, kind) {
                    lookup.dirty.push(i);
                }
            }
            _ => resolve_lone(&mut drafts, &mut index, &mut lookup, text, c, true),
        }
    }
    merge_acronyms(&mut drafts);
    confirm_in_weak(text, &mut drafts, weak_spans);
    for d in dates {
        let surface = text.get(d.span.range()).unwrap_or("");
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
    for q in quantities {
        let surface = text.get(q.span.range()).unwrap_or("");
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
fn settle_guesses(text: &str, names: &mut Vec<Candidate>, heads: &mut Heads) {
    if names.iter().any(|c| c.guess) {
        settle_kinds(text, names, heads);
    }
    if !names.iter().any(|c| c.kind == Some(EntityKind::Person)) {
        return;
    }
    let mut bodies: Vec<Span> = names
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Organization))
        .map(|c| c.span)
        .collect();
    if bodies.is_empty() {
        return;
    }
    bodies.sort_unstable();
    names.retain(|c| c.kind != Some(EntityKind::Person) || bodies.binary_search(&c.span).is_err());
}

/// Gives guessed candidates the kind that surer ones of the same name have.
fn settle_kinds(text: &str, names: &mut [Candidate], heads: &mut Heads) {
    let surface = |c: &Candidate| text.get(c.span.range()).unwrap_or("");
    // How the guessed names' keys end: a sure name whose key ends otherwise
    // can settle none of them, and is not filed.
    let mut ends = [false; 128];
    for c in names.iter().filter(|c| c.guess) {
        if let Some(end) = key_end(surface(c)).and_then(|e| ends.get_mut(e as usize)) {
            *end = true;
        }
    }
    let may_settle = |name: &str| may_end(&ends, key_end(name));
    let mut sure: KeyTable<EntityKind> = KeyTable::with_capacity(names.len());
    let mut key = String::new();
    for c in names.iter().filter(|c| !c.guess && !c.weak) {
        if let Some(kind @ (EntityKind::Person | EntityKind::Organization | EntityKind::Place)) =
            c.kind
        {
            if !may_settle(surface(c)) {
                continue;
            }
            key.clear();
            push_key(surface(c), &mut key);
            sure.insert_new(&key, kind);
        }
    }
    // "Bowes Kittredge" after "Bowes Kittredge Partners": a body's short
    // forms of two words or more are that body too.
    let mut bodies: HashSet<&str, BuildWordHasher> = HashSet::default();
    for c in names.iter().filter(|c| !c.guess && !c.weak) {
        // A body named again has the same short forms.
        if c.kind == Some(EntityKind::Organization) && bodies.insert(surface(c)) {
            // The other short forms are single words.
            let name = surface(c);
            let body = body_form(name, &NameWords::of(name), heads);
            if let Some(short) = body.filter(|b| may_settle(b.trim_end())) {
                key.clear();
                push_key_spaced(short, &mut key);
                sure.insert_new(&key, EntityKind::Organization);
            }
        }
    }
    for c in names.iter_mut().filter(|c| c.guess) {
        key.clear();
        push_key(text.get(c.span.range()).unwrap_or(""), &mut key);
        if let Some(&kind) = sure.get(&key) {
            c.kind = Some(kind);
            c.guess = false;
        }
    }
}

/// The last character of `name`'s key (see [`push_key`]), when it is
/// neither missing nor a space.
fn key_end(name: &str) -> Option<char> {
    let last = name
        .chars()
        .rev()
        .find(|c| !matches!(c, '.' | '\u{2019}' | '\''))?;
    if last.is_whitespace() {
        return None;
    }
    if last.is_ascii() {
        return Some(last.to_ascii_lowercase());
    }
    last.to_lowercase().last()
}

/// The last character of `word` lower-cased (see [`crate::lexicon::push_lower`]), unless it
/// is a space.
fn lower_end(word: &str) -> Option<char> {
    let last = word.chars().next_back()?;
    if last.is_whitespace() {
        return None;
    }
    if last.is_ascii() {
        return Some(last.to_ascii_lowercase());
    }
    last.to_lowercase().last()
}

/// Whether a key ending in `end` may equal one of the keys whose (ASCII)
/// ends are marked in `ends`; the ends of keys not marked there (spaces,
/// characters beyond ASCII) are never ASCII ones.
fn may_end(ends: &[bool; 128], end: Option<char>) -> bool {
    match end {
        Some(e) if e.is_ascii() => ends.get(e as usize).copied().unwrap_or(true),
        _ => true,
    }
}

/// "Harvest Lane and Northfield and Vale have ...": two lone words joined by
/// "and" or "&" that spell a body the article already names (or the start of
/// its name: "Garvie and Sloan" for "Garvie and Sloan Holdings") are one
/// mention of it, not two people.
fn join_coordinated<'c>(
    drafts: &[Draft<'_>],
    text: &str,
    lone: Vec<Cow<'c, Candidate>>,
) -> Vec<Cow<'c, Candidate>> {
    let bodies: Vec<String> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Organization)
        .filter(|d| d.name.contains(" and ") || d.name.contains(" & "))
        .map(|d| key_of(d.name))
        .collect();
    if bodies.is_empty() {
        return lone;
    }
    let mut out: Vec<Cow<'c, Candidate>> = Vec::with_capacity(lone.len());
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
                out.push(Cow::Owned(body));
            }
            None => out.push(c),
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Appends `name` lower-cased, without dots and apostrophes.
fn push_folded(name: &str, out: &mut String) {
    // Most names are plain ASCII without dots or apostrophes: copy and fold
    // in place. (The test runs over every byte, which the compiler turns
    // into a few wide steps.)
    let (wide, marks) = name.bytes().fold((0u8, false), |(wide, marks), b| {
        (wide | b, marks | (b == b'.') | (b == b'\''))
    });
    if wide.is_ascii() && !marks {
        let from = out.len();
        out.push_str(name);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    if wide.is_ascii() {
        // Copy the bytes between dots and apostrophes, then fold them.
        let from = out.len();
        let mut start = 0;
        for (at, b) in name.bytes().enumerate() {
            if matches!(b, b'.' | b'\'') {
                out.push_str(name.get(start..at).unwrap_or(""));
                start = at + 1;
            }
        }
        out.push_str(name.get(start..).unwrap_or(""));
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        return;
    }
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
}

/// Drops a leading "the " from the key that starts at `from` in `out`.
fn strip_the(out: &mut String, from: usize) {
    if out.get(from..).is_some_and(|k| k.starts_with("the ")) {
        out.replace_range(from..from + 4, "");
    }
}

/// Appends the normalised key of a name to `out`: lower case, no dots or
/// apostrophes, no leading "the".
fn push_key(name: &str, out: &mut String) {
    let from = out.len();
    push_folded(name, out);
    strip_the(out, from);
}

/// Appends the key of `name`'s words joined by single spaces, as for a
/// short form cut out of a longer name.
fn push_key_spaced(name: &str, out: &mut String) {
    let from = out.len();
    for (n, word) in name.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        push_folded(word, out);
    }
    strip_the(out, from);
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
        self.by_key.get(&self.key).copied()
    }

    /// Files the draft `at` under the key in the buffer, which has none yet.
    fn insert(&mut self, at: usize) {
        self.by_key.insert_new(&self.key, at);
    }

    /// Files the parts of person `at`'s name as written.
    fn add_parts(&mut self, written: &str, at: usize) {
        for part in name_parts(written) {
            self.person_parts.add(part, at);
        }
    }
}

/// Adds a candidate of `kind` to the drafts: to the draft of the same key or
/// person, else to a new one. Gives the draft.
fn add_typed<'a>(
    drafts: &mut Vec<Draft<'a>>,
    index: &mut Index,
    text: &'a str,
    c: &'a Candidate,
    kind: EntityKind,
) -> Option<usize> {
    let surface = text.get(c.span.range()).unwrap_or("");
    let name = c.canonical.as_deref().unwrap_or(surface);
    match (kind, c.country) {
        // "Russian" and "Russians" are one group.
        (EntityKind::Group, Some(country)) => {
            index.set_key(kind, "of ", false);
            push_key(country, &mut index.key);
        }
        _ => index.set_key(kind, name, true),
    }
    let (at, new) = match index.get() {
        // Already filed under the key.
        Some(i) => (i, false),
        None => {
            // A person whose words contain this one's ("Sergei Shoigu" in
            // "Sergei K. Shoigu") is the same person.
            let same_person = (kind == EntityKind::Person)
                .then(|| person_containing(drafts, index, surface))
                .flatten();
            let (at, new) = match same_person {
                Some(i) => (i, false),
                None => {
                    drafts.push(Draft {
                        country: c.country,
                        written: surface,
                        ..Draft::new(kind, name)
                    });
                    (drafts.len() - 1, true)
                }
            };
            index.insert(at);
            (at, new)
        }
    };
    let d = drafts.get_mut(at)?;
    d.mentions.push(c.span);
    d.government |= c.government;
    if let Some(role) = &c.role {
        if !d.roles.contains(role) {
            d.roles.push(role.clone());
        }
    }
    let mut renamed = false;
    if kind == EntityKind::Person && word_count(surface) > word_count(d.name) {
        d.name = surface;
        d.written = surface;
        d.renames += 1;
        renamed = true;
    }
    if kind == EntityKind::Person && (new || renamed) {
        index.add_parts(d.written, at);
    }
    Some(at)
}

/// The words of a person's name, and the parts of hyphenated ones.
fn name_parts(name: &str) -> impl Iterator<Item = &str> {
    let words = || name.split_whitespace().map(|w| w.trim_end_matches('.'));
    let pieces = words()
        .filter(|w| w.contains('-') && !w.starts_with("al-"))
        .flat_map(|w| w.split('-').filter(|p| p.chars().count() > 2))
        .filter(|p| p.chars().next().is_some_and(char::is_uppercase));
    words().chain(pieces).filter(|p| p.chars().nth(1).is_some())
}

/// The person whose name contains every word of `name` (two words or more).
fn person_containing(drafts: &[Draft<'_>], index: &Index, name: &str) -> Option<usize> {
    let mut words = name.split_whitespace();
    let first = words.next()?.trim_end_matches('.');
    words.next()?;
    index
        .person_parts
        .get(first)
        .filter(|&i| {
            drafts.get(i).is_some_and(|d| {
                d.kind == EntityKind::Person
                    && name.split_whitespace().all(|w| {
                        let w = w.trim_end_matches('.');
                        name_parts(d.written).any(|p| p == w)
                    })
            })
        })
        .min()
}

/// Indexes over the drafts for resolving lone words, kept up to date as drafts
/// grow, so that resolving stays linear in the article's length. The words
/// to resolve are known beforehand: a key that ends unlike all of theirs is
/// never looked up, and is not filed.
struct Lookup {
    /// Normalised names and mention texts to the first draft that has them.
    by_key: KeyTable<usize>,
    /// Lower-cased parts of person names to the persons that have them.
    by_part: KeyLists,
    /// Short forms of multi-word organisations ("Kaiyo" for "Kaiyo Lines",
    /// "Solvento-Arkan" for "Team Solvento-Arkan"), normalised, to the first
    /// such organisation.
    by_short: KeyTable<usize>,
    /// Per draft: mentions indexed, and its renames when its name was (none
    /// before it was first looked at).
    seen: Vec<(usize, Option<u32>)>,
    /// Drafts changed since the last refresh.
    dirty: Vec<usize>,
    /// A key being built, reused to spare an allocation per lookup.
    key: String,
    /// Organisation heads known, for short forms.
    heads: Heads,
    /// The ASCII characters that the keys looked up in `by_key` and
    /// `by_short` end with.
    key_ends: [bool; 128],
    /// The ASCII characters that the words looked up in `by_part` end with.
    part_ends: [bool; 128],
}

impl Lookup {
    /// Empty indexes.
    fn new(heads: Heads) -> Lookup {
        Lookup {
            by_key: KeyTable::default(),
            by_part: KeyLists::default(),
            by_short: KeyTable::default(),
            seen: Vec::new(),
            dirty: Vec::new(),
            key: String::new(),
            heads,
            key_ends: [false; 128],
            part_ends: [false; 128],
        }
    }

    /// Notes that `surface` will be looked up.
    fn expect(&mut self, surface: &str) {
        let ends = [
            (key_end(surface), &mut self.key_ends),
            (lower_end(surface), &mut self.part_ends),
        ];
        for (end, table) in ends {
            if let Some(slot) = end.and_then(|e| table.get_mut(e as usize)) {
                *slot = true;
            }
        }
    }

    /// Indexes what was added to `drafts` since the last call.
    fn refresh(&mut self, drafts: &[Draft<'_>], text: &str) {
        if self.dirty.is_empty() && self.seen.len() == drafts.len() {
            return;
        }
        if self.seen.is_empty() {
            // First use: every draft's name and mentions are about to be filed.
            let n = drafts.iter().map(|d| d.mentions.len() + 1).sum();
            self.by_key = KeyTable::with_capacity(n);
            self.by_part = KeyLists::with_capacity(drafts.len());
            self.by_short = KeyTable::with_capacity(drafts.len());
            self.seen.reserve(drafts.len());
        }
        let mut todo = std::mem::take(&mut self.dirty);
        todo.extend(self.seen.len()..drafts.len());
        todo.sort_unstable();
        todo.dedup();
        for &i in &todo {
            let Some(d) = drafts.get(i) else { continue };
            if self.seen.len() <= i {
                self.seen.resize(i + 1, (0, None));
            }
            let (mentions_seen, renames_seen) = self.seen.get(i).copied().unwrap_or((0, None));
            // A name is never renamed to nothing, so only a draft first made
            // without a name has none to file.
            if renames_seen != Some(d.renames) && !d.name.is_empty() {
                self.file_name(d, i);
            }
            // The name and the mention just filed are filed already: most
            // mentions repeat one of them.
            let name = Some(d.name).filter(|n| !n.is_empty());
            let mut last = name;
            for m in d.mentions.iter().skip(mentions_seen) {
                let Some(t) = text.get(m.range()) else {
                    continue;
                };
                if Some(t) != last && Some(t) != name && may_end(&self.key_ends, key_end(t)) {
                    self.key.clear();
                    push_key(t, &mut self.key);
                    self.by_key.insert_new(&self.key, i);
                }
                last = Some(t);
            }
            if let Some(slot) = self.seen.get_mut(i) {
                *slot = (d.mentions.len(), Some(d.renames));
            }
        }
        todo.clear();
        self.dirty = todo;
    }

    /// Files draft `i`'s name, a person's name parts and a body's short forms.
    fn file_name(&mut self, d: &Draft<'_>, i: usize) {
        if may_end(&self.key_ends, key_end(d.name)) {
            self.key.clear();
            push_key(d.name, &mut self.key);
            self.by_key.insert_new(&self.key, i);
        }
        if d.kind == EntityKind::Person {
            for part in name_parts(d.written) {
                if !may_end(&self.part_ends, lower_end(part)) {
                    continue;
                }
                self.key.clear();
                push_lower(part, &mut self.key);
                self.by_part.add(&self.key, i);
            }
        }
        if d.kind == EntityKind::Organization {
            for short in short_forms(d.name, &mut self.heads).into_iter().flatten() {
                if !may_end(&self.key_ends, key_end(short.trim_end())) {
                    continue;
                }
                self.key.clear();
                push_key_spaced(short, &mut self.key);
                self.by_short.insert_new(&self.key, i);
            }
        }
    }
}

/// Resolves a lone word (or an unconfirmed headline name) to an entity.
fn resolve_lone<'a>(
    drafts: &mut Vec<Draft<'a>>,
    index: &mut Index,
    lookup: &mut Lookup,
    text: &'a str,
    c: &'a Candidate,
    weak: bool,
) {
    lookup.refresh(drafts, text);
    let surface = text.get(c.span.range()).unwrap_or("");
    // The nearest person mentioned before whose name holds the word; else any.
    lookup.key.clear();
    push_lower(surface, &mut lookup.key);
    let nearest = lookup.by_part.get(&lookup.key).max_by_key(|&i| {
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
    let same_name = lookup.by_key.get(&lookup.key).copied();
    // "Kaiyo" after "Kaiyo Lines": a short form of a multi-word body.
    // A word put in a place ("in Alberta, Saskatchewan and Manitoba") is not
    // a short form of a body that starts with it ("Saskatchewan Wheat Growers").
    let body_short = lookup
        .by_short
        .get(&lookup.key)
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
        None if c.org_cue || c.body_listed => EntityKind::Organization,
        None if c.person_cue => EntityKind::Person,
        None if c.place_cue => EntityKind::Place,
        None => return,
    };
    if let Some(i) = add_typed(drafts, index, text, c, kind) {
        lookup.dirty.push(i);
    }
}

/// The shorter names a body goes by after its full name: without its head
/// word ("Garvie and Sloan" for "Garvie and Sloan Holdings", "Kaiyo" for
/// "Kaiyo Lines"), without a generic head opening it ("Solvento-Arkan" for
/// "Team Solvento-Arkan"), its first word, and a club's last word ("Rovers").
/// Each is a slice of `name`; its words are to be joined by single spaces.
fn short_forms<'n>(name: &'n str, heads: &mut Heads) -> [Option<&'n str>; 3] {
    let mut out = [None; 3];
    let words = NameWords::of(name);
    if words.count < 2 {
        return out;
    }
    let mut n = 0;
    let mut push = |form| {
        if let Some(slot) = out.get_mut(n) {
            *slot = Some(form);
            n += 1;
        }
    };
    if !words.connector_seen {
        if !heads.is_head(words.first) {
            push(words.first);
        } else if words.count == 2 {
            push(words.last);
        }
    }
    if let Some(body) = body_form(name, &words, heads) {
        push(body);
    }
    if CLUB_WORDS.contains(&words.last) && !words.connector_seen {
        push(words.last);
    }
    out
}

/// The short form of a body without its head word, the only one of two
/// words or more (see [`short_forms`]).
fn body_form<'n>(name: &'n str, words: &NameWords<'_>, heads: &mut Heads) -> Option<&'n str> {
    if words.count < 3 || !heads.is_head(words.last) {
        return None;
    }
    // The name up to its last word, whatever spaces it has inside.
    let body = name.trim_end().strip_suffix(words.last).unwrap_or_default();
    (!is_connector(words.before_last) && !body.split_whitespace().any(|w| heads.is_head(w)))
        .then_some(body)
}

/// Whether a word joins the words of a name ("Bank of Japan").
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "and" | "&" | "the")
}

/// What short forms need to know of a name's words.
struct NameWords<'n> {
    first: &'n str,
    last: &'n str,
    /// The word before the last, to tell whether the body ends on a connector.
    before_last: &'n str,
    count: usize,
    connector_seen: bool,
}

impl<'n> NameWords<'n> {
    /// The words of `name`, in one pass.
    fn of(name: &'n str) -> NameWords<'n> {
        let mut words = NameWords {
            first: "",
            last: "",
            before_last: "",
            count: 0,
            connector_seen: false,
        };
        for w in name.split_whitespace() {
            if words.count == 0 {
                words.first = w;
            }
            words.before_last = words.last;
            words.last = w;
            words.connector_seen |= is_connector(w);
            words.count += 1;
        }
        words
    }
}

/// Which words are organisation heads ("Group", "Ministry"), remembered:
/// a body's words are asked about again and again, and each answer costs
/// an allocation.
#[derive(Default)]
struct Heads(KeyTable<bool>);

impl Heads {
    /// Whether `word` is an organisation head.
    fn is_head(&mut self, word: &str) -> bool {
        if let Some(&head) = self.0.get(word) {
            return head;
        }
        let head = is_org_head(word);
        self.0.insert_new(word, head);
        head
    }
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
fn confirm_in_weak(text: &str, drafts: &mut [Draft<'_>], mut weak_sorted: Vec<Span>) {
    if weak_sorted.is_empty() {
        return;
    }
    weak_sorted.sort_unstable();
    let in_weak = |m: Span| {
        let after = weak_sorted.partition_point(|w| w.start <= m.start);
        after
            .checked_sub(1)
            .and_then(|k| weak_sorted.get(k))
            .is_some_and(|w| w.contains(m))
    };
    let starts = heading_starts(text, &weak_sorted);
    // Every form the body uses, once, with its draft, in draft order; only
    // those that may start like a word of a heading matter.
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
            .chain(std::iter::once(d.name));
        for form in body_forms {
            if form.chars().nth(2).is_some() && may_start(form, &starts) && seen.insert(form) {
                forms.push((form, i));
            }
        }
    }
    // Forms by their first word, lower-cased: each word of a heading then
    // looks up only the forms that can start there. Longest first, so "North
    // Korea" wins over "North".
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(forms.get(k).map_or(0, |f| f.0.len())));
    let mut by_first = KeyLists::with_capacity(forms.len());
    let mut first_word = String::new();
    for k in order {
        let Some((form, _)) = forms.get(k) else {
            continue;
        };
        if let Some(first) = form.split(|c: char| !c.is_alphanumeric()).next() {
            first_word.clear();
            if first.is_ascii() {
                push_lower(first, &mut first_word);
            } else {
                first_word.push_str(&first.to_lowercase());
            }
            by_first.add(&first_word, k);
        }
    }
    // The mentions in headings, which found ones must not overlap.
    let mut existing: Vec<Span> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter().copied())
        .filter(|m| {
            weak_sorted
                .iter()
                .any(|w| w.start <= m.start && m.start < w.end)
        })
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
            push_lower(
                rest.split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or(""),
                &mut first_word,
            );
            let hit = by_first.get(&first_word).find_map(|k| {
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

/// Which ASCII characters the words of the headings start with, lower-cased.
fn heading_starts(text: &str, weak: &[Span]) -> [bool; 128] {
    let mut starts = [false; 128];
    for block in weak.iter().filter_map(|w| text.get(w.range())) {
        let mut after_word = false;
        for c in block.chars() {
            let alnum = c.is_alphanumeric();
            if alnum && !after_word {
                // The word is looked up lower-cased, character by character.
                let first = c.to_lowercase().next().unwrap_or(c);
                if let Some(s) = starts.get_mut(first as usize) {
                    *s = true;
                }
            }
            after_word = alnum;
        }
    }
    starts
}

/// Whether `form` may start like a word of the headings (see
/// [`heading_starts`]): a form whose first word is empty never does, one
/// that opens with a character beyond ASCII always may.
fn may_start(form: &str, starts: &[bool; 128]) -> bool {
    match form.chars().next() {
        Some(c) if c.is_ascii() => {
            c.is_ascii_alphanumeric()
                && starts
                    .get(c.to_ascii_lowercase() as usize)
                    .copied()
                    .unwrap_or(true)
        }
        Some(c) => c.is_alphanumeric(),
        None => false,
    }
}

/// Merges an all-capitals organisation ("UN", "ASEAN") into the organisation
/// whose initials it spells.
fn merge_acronyms(drafts: &mut Vec<Draft<'_>>) {
    let mut i = 0;
    while i < drafts.len() {
        let acronym = drafts
            .get(i)
            .filter(|d| {
                d.kind == EntityKind::Organization
                    && d.name.chars().all(|c| c.is_uppercase() || c == '.')
            })
            .map(|d| d.name);
        let target = acronym.and_then(|a| {
            drafts.iter().position(|d| {
                d.kind == EntityKind::Organization
                    && d.name.split_whitespace().nth(1).is_some()
                    && initials(d.name).eq(a.chars().filter(|&c| c != '.'))
            })
        });
        match target {
            Some(t) if t != i => {
                let moved = drafts.remove(i);
                let t = if t > i { t - 1 } else { t };
                if let Some(d) = drafts.get_mut(t) {
                    d.mentions.append(&moved.mentions);
                }
            }
            _ => i += 1,
        }
    }
}

/// Initials of the capitalised words of a name ("United Nations" -> "UN").
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// Adds a date or quantity mention under the key in the index's buffer.
fn add_simple<'a>(
    drafts: &mut Vec<Draft<'a>>,
    index: &mut Index,
    kind: EntityKind,
    name: &'a str,
    span: Span,
    value: Option<EntityValue>,
) {
    let at = match index.get() {
        Some(at) => at,
        None => {
            drafts.push(Draft {
                value,
                ..Draft::new(kind, name)
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
fn finish(text: &str, mut drafts: Vec<Draft<'_>>) -> Vec<Entity> {
    for d in &mut drafts {
        d.mentions.sort_unstable();
        d.mentions.dedup();
    }
    if !disjoint(text.len(), &drafts) {
        drop_overlaps(&mut drafts);
    }
    // The drafts still mentioned, by first mention (then by draft, as a
    // stable sort would have them).
    let mut order: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((d.mentions.first()?.start, i)))
        .collect();
    order.sort_unstable();
    // Countries that a capital or demonym points to but the text never names.
    let ordered = || order.iter().filter_map(|&(_, i)| drafts.get(i));
    let mut places: HashSet<&str, BuildWordHasher> = ordered()
        .filter(|d| d.kind == EntityKind::Place)
        .map(|d| d.name)
        .collect();
    let needed: Vec<Draft<'_>> = ordered()
        .filter(|d| links_to_country(d))
        .filter_map(|d| d.country)
        .filter(|country| places.insert(country))
        .map(|country| Draft {
            country: Some(country),
            ..Draft::new(EntityKind::Place, country)
        })
        .collect();
    let mut place_ids: HashMap<&str, usize, BuildWordHasher> = HashMap::default();
    for (n, d) in ordered().chain(&needed).enumerate() {
        if d.kind == EntityKind::Place {
            place_ids.entry(d.name).or_insert(n + 1);
        }
    }
    let mut out = Vec::with_capacity(order.len() + needed.len());
    let mut aliases: Vec<&str> = Vec::new();
    let mut add = |d: &mut Draft<'_>| {
        let n = out.len() + 1;
        let refers_to = d
            .country
            .filter(|_| links_to_country(d))
            .and_then(|country| place_ids.get(country))
            .filter(|&&target| target != n)
            .map(|&target| entity_id(target));
        out.push(entity(text, n, d, refers_to, &mut aliases));
    };
    for &(_, i) in &order {
        if let Some(d) = drafts.get_mut(i) {
            add(d);
        }
    }
    for mut d in needed {
        add(&mut d);
    }
    out
}

/// The entity numbered `n` for a finished draft, whose roles and value it
/// takes; `aliases` is a buffer.
fn entity<'t>(
    text: &'t str,
    n: usize,
    d: &mut Draft<'_>,
    refers_to: Option<String>,
    aliases: &mut Vec<&'t str>,
) -> Entity {
    let mentions: Vec<Mention> = d
        .mentions
        .iter()
        .map(|m| Mention {
            text: text.get(m.range()).unwrap_or("").to_string(),
            start: m.start,
            end: m.end,
        })
        .collect();
    aliases.clear();
    aliases.extend(
        d.mentions
            .iter()
            .map(|m| text.get(m.range()).unwrap_or(""))
            .filter(|t| *t != d.name),
    );
    aliases.sort_unstable();
    aliases.dedup();
    Entity {
        id: entity_id(n),
        kind: d.kind,
        name: d.name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: std::mem::take(&mut d.roles),
        mentions,
        refers_to,
        value: d.value.take(),
    }
}

/// Whether the drafts' mentions are all non-empty and share no byte, as
/// they mostly do: there is then nothing to drop, and nothing to sort.
fn disjoint(text_len: usize, drafts: &[Draft<'_>]) -> bool {
    let mut covered = vec![false; text_len];
    drafts.iter().flat_map(|d| d.mentions.iter()).all(|m| {
        !m.is_empty()
            && covered.get_mut(m.range()).is_some_and(|bytes| {
                let free = !bytes.contains(&true);
                bytes.fill(true);
                free
            })
    })
}

/// Overlapping mentions of different entities: keeps the longer one (the
/// first one on a tie).
fn drop_overlaps(drafts: &mut [Draft<'_>]) {
    let mut all: Vec<(Span, usize)> = drafts
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.mentions.iter().map(move |m| (*m, i)))
        .collect();
    // A draft's mentions are distinct, so the draft breaks ties as a stable
    // sort would.
    all.sort_unstable_by_key(|&(s, i)| (s.start, std::cmp::Reverse(s.end), i));
    let mut last_end = 0;
    all.retain(|(span, _)| {
        if span.start < last_end {
            true
        } else {
            last_end = span.end;
            false
        }
    });
    for (span, i) in all {
        if let Some(d) = drafts.get_mut(i) {
            d.mentions.retain(|m| *m != span);
        }
    }
}

/// An entity's id: "e" and its number.
fn entity_id(n: usize) -> String {
    // Digits from the last, written from the end of the buffer.
    let mut digits = [b'0'; 20];
    let mut from = digits.len();
    let mut rest = n;
    while let Some(slot) = from.checked_sub(1).and_then(|k| digits.get_mut(k)) {
        // Below ten, so the cast is exact.
        *slot = b'0' + (rest % 10) as u8;
        from -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = digits.get(from..).unwrap_or_default();
    let mut id = String::with_capacity(digits.len() + 1);
    id.push('e');
    id.push_str(std::str::from_utf8(digits).unwrap_or_default());
    id
}

/// Whether a draft points to its country: a capital standing for its
/// government, or a demonym.
fn links_to_country(d: &Draft<'_>) -> bool {
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
