//! Entities across articles: one entry per real-world entity.
//!
//! Two steps, both driven by hash maps rather than pairwise comparison:
//!
//! 1. **Same name.** Entities of one kind merge when a normalised name or alias
//!    is equal (case, accents, punctuation, "U.N." = "UN", "Defence" = "Defense",
//!    "Japan's" = "Japanese", possessives). A person known by one word only
//!    ("Morisaki") joins the one person whose full name ends with it.
//! 2. **Spelling variants.** People whose full names differ in one word by a
//!    small edit ("Ha Min-jun" / "Ha Min-joon") are found through a signature
//!    index (the name with that word left out) and grouped when the evidence
//!    supports it: overlapping roles, the same quote credited to both, or at
//!    least two other names in the sentences around both. Each such group is
//!    also reported as a `name_spelling` conflict. Articles without any person
//!    entity take part through the capitalised names of their text, so the
//!    conflict is found even before entities are extracted.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::claims::QuoteMatch;
use super::text::{
    capitalised_runs, content_key, edit_distance, fold, is_particle, norm_name, NameStyle,
};
use super::union_find::UnionFind;
use super::Doc;
use crate::{Conflict, ConflictKind, ConflictValue, EntityKind, StoryEntity};

/// A spelling and the articles using it.
struct Spelling {
    text: String,
    articles: Vec<String>,
}

/// Story entities and how the articles' entities map onto them.
#[derive(Debug, Default)]
pub(crate) struct Entities {
    /// The story's entities, most articles first.
    pub entities: Vec<StoryEntity>,
    /// Per doc: article entity id → index in `entities`.
    pub story_of: Vec<HashMap<String, usize>>,
    /// `name_spelling` conflicts.
    pub conflicts: Vec<Conflict>,
}

impl Entities {
    /// The story entity index of an article's entity.
    pub(crate) fn story_index(&self, doc: usize, entity: &str) -> Option<usize> {
        self.story_of.get(doc)?.get(entity).copied()
    }
}

struct Item {
    doc: usize,
    ent: usize,
    kind: EntityKind,
    norm: String,
}

/// Largest edit between two spellings of one word of a name.
const MAX_EDIT: usize = 2;

/// Merges the entities of all articles.
pub(crate) fn merge(docs: &[Doc<'_>], quotes: &[QuoteMatch]) -> Entities {
    let mut items: Vec<Item> = Vec::new();
    let mut item_of: HashMap<(usize, &str), usize> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, e) in doc.analysis.entities.iter().enumerate() {
            if matches!(e.kind, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            item_of.insert((d, e.id.as_str()), items.len());
            items.push(Item {
                doc: d,
                ent: i,
                kind: e.kind,
                norm: norm_name(&e.name, style(e.kind)),
            });
        }
    }
    let mut uf = UnionFind::new(items.len());
    same_names(docs, &items, &item_of, &mut uf);

    // Spelling variants of people.
    let mut names = entity_names(docs, &items, &mut uf);
    names.extend(text_names(docs));
    let quoted = quote_pairs(docs, quotes, &item_of, &mut uf);
    let (variants, spellings) = variant_pairs(docs, &items, &names, &quoted, &mut uf);
    for v in &variants {
        if let (Some(a), Some(b)) = (v.a_item, v.b_item) {
            uf.union(a, b);
        }
    }

    let mut out = build(docs, &items, &mut uf);
    out.conflicts = spelling_conflicts(docs, &variants, &spellings);
    out
}

fn style(kind: EntityKind) -> NameStyle {
    if kind == EntityKind::Person {
        NameStyle::Person
    } else {
        NameStyle::Other
    }
}

/// Step 1: equal normalised names and aliases.
fn same_names(
    docs: &[Doc<'_>],
    items: &[Item],
    item_of: &HashMap<(usize, &str), usize>,
    uf: &mut UnionFind,
) {
    let entity = |item: &Item| {
        docs.get(item.doc)
            .and_then(|d| d.analysis.entities.get(item.ent))
    };
    // Names some article uses for the place itself ("in Hanoi", or without
    // `refers_to`): such a capital stays a city even where a mention stands for
    // the government; one that never does ("Washington has accused") is the country.
    let locative = |item: &Item| {
        let (Some(doc), Some(e)) = (docs.get(item.doc), entity(item)) else {
            return false;
        };
        e.refers_to.is_none()
            || e.mentions.iter().any(|m| {
                let before = doc.slice(m.start.saturating_sub(6), m.start).unwrap_or("");
                let last = before
                    .split_whitespace()
                    .next_back()
                    .map(fold)
                    .unwrap_or_default();
                matches!(last.as_str(), "in" | "to" | "at" | "from" | "near" | "into")
            })
    };
    let plain: HashSet<(EntityKind, &str)> = items
        .iter()
        .filter(|item| locative(item))
        .map(|item| (item.kind, item.norm.as_str()))
        .collect();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let Some(e) = entity(item) else {
            continue;
        };
        let mut keys = vec![item.norm.clone()];
        for alias in &e.aliases {
            let n = norm_name(alias, style(e.kind));
            // A person's one-word alias ("Hai") is too weak to merge on by itself.
            if e.kind != EntityKind::Person || n.contains(' ') {
                keys.push(n);
            }
        }
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            match by_key.get(&(item.kind, k.clone())) {
                Some(&j) => {
                    uf.union(i, j);
                }
                None => {
                    by_key.insert((item.kind, k), i);
                }
            }
        }
        // A capital only ever standing for its country's government is that
        // country ("Washington" for the United States), when both are places.
        if let Some(target) = e
            .refers_to
            .as_deref()
            .and_then(|t| item_of.get(&(item.doc, t)))
        {
            if items.get(*target).is_some_and(|t| t.kind == item.kind)
                && !plain.contains(&(item.kind, item.norm.as_str()))
            {
                uf.union(i, *target);
            }
        }
    }
    short_names(items, uf);
    acronyms(docs, items, uf);
}

/// A shorter form of one person's name ("Morisaki", "De Castro") joins the one
/// person whose full name ends with it; if two people's names end so, it stays
/// apart.
fn short_names(items: &[Item], uf: &mut UnionFind) {
    // suffix → (root, ambiguous)
    let mut by_suffix: HashMap<String, (usize, bool)> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.kind != EntityKind::Person {
            continue;
        }
        let tokens: Vec<&str> = item.norm.split(' ').collect();
        let root = uf.find(i);
        for k in 1..tokens.len() {
            let suffix = tokens.get(k..).unwrap_or(&[]).join(" ");
            let entry = by_suffix.entry(suffix).or_insert((root, false));
            if entry.0 != root {
                entry.1 = true;
            }
        }
    }
    for (i, item) in items.iter().enumerate() {
        if item.kind != EntityKind::Person || item.norm.is_empty() {
            continue;
        }
        if let Some(&(root, false)) = by_suffix.get(&item.norm) {
            uf.union(i, root);
        }
    }
}

/// Words left out of an acronym ("Communist Party of Vietnam" = "CPV").
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in"];

/// An acronym ("UN", "U.N.") joins the one organisation or place of its kind
/// whose words it abbreviates ("United Nations").
fn acronyms(docs: &[Doc<'_>], items: &[Item], uf: &mut UnionFind) {
    let mut full: HashMap<(EntityKind, String), (usize, bool)> = HashMap::new();
    let mut short: Vec<(usize, EntityKind, String)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if !matches!(item.kind, EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let Some(e) = docs
            .get(item.doc)
            .and_then(|d| d.analysis.entities.get(item.ent))
        else {
            continue;
        };
        let letters: Vec<char> = e.name.chars().filter(|c| c.is_alphabetic()).collect();
        let is_acronym = (2..=6).contains(&letters.len())
            && letters.iter().all(|c| c.is_uppercase())
            && !e.name.contains(' ');
        if is_acronym {
            short.push((i, item.kind, item.norm.replace(' ', "")));
            continue;
        }
        let words: Vec<&str> = item
            .norm
            .split(' ')
            .filter(|w| !ACRONYM_SKIP.contains(w))
            .collect();
        if words.len() >= 2 {
            let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
            let root = uf.find(i);
            let entry = full.entry((item.kind, initials)).or_insert((root, false));
            if entry.0 != root {
                entry.1 = true;
            }
        }
    }
    for (i, kind, acronym) in short {
        if let Some(&(root, false)) = full.get(&(kind, acronym)) {
            uf.union(i, root);
        }
    }
}

/// A full name (two words or more) seen in an article, from an entity or from
/// the text.
struct Name {
    doc: usize,
    /// As written.
    spelling: String,
    /// Normalised words.
    tokens: Vec<String>,
    /// The item, for names of entities.
    item: Option<usize>,
    /// Sentences (absolute ranges) the name appears in.
    sentences: Vec<(usize, usize)>,
}

fn entity_names(docs: &[Doc<'_>], items: &[Item], uf: &mut UnionFind) -> Vec<Name> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.kind != EntityKind::Person {
            continue;
        }
        let Some(doc) = docs.get(item.doc) else {
            continue;
        };
        let Some(e) = doc.analysis.entities.get(item.ent) else {
            continue;
        };
        let mut sentences: Vec<(usize, usize)> = e
            .mentions
            .iter()
            .filter_map(|m| doc.sentence_at(m.start))
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        let mut seen = HashSet::new();
        for spelling in std::iter::once(&e.name).chain(&e.aliases) {
            let tokens = name_tokens(spelling);
            if tokens.len() < 2 || !seen.insert(tokens.clone()) {
                continue;
            }
            out.push(Name {
                doc: item.doc,
                spelling: spelling.clone(),
                tokens,
                item: Some(uf.find(i)),
                sentences: sentences.clone(),
            });
        }
    }
    out
}

/// Words that make a capitalised run a title, a place or an organisation
/// rather than a person's name.
const NOT_NAME_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "ambassador",
    "prime",
    "general",
    "gen",
    "vice",
    "former",
    "chief",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "senator",
    "sen",
    "rep",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "justice",
    "commander",
    "admiral",
    "colonel",
    "captain",
    "lt",
    "sgt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "lord",
    "lady",
    "state",
    "interior",
    "finance",
    "trade",
    "envoy",
    "chairman",
    "chair",
    "director",
    "head",
    "leader",
    "premier",
    "chancellor",
    "ministry",
    "council",
    "department",
    "party",
    "day",
    "war",
    "sea",
    "bay",
    "reef",
    "islands",
    "island",
    "palace",
    "nations",
    "states",
    "union",
    "bank",
    "university",
    "agency",
    "guard",
    "force",
    "forces",
    "army",
    "navy",
    "times",
    "wire",
    "standard",
    "bulletin",
    "ledger",
    "news",
    "post",
    "street",
    "city",
    "river",
    "north",
    "south",
    "east",
    "west",
    "central",
    "national",
    "international",
    "republic",
    "kingdom",
    "united",
    "new",
    "group",
    "company",
    "corp",
    "inc",
    "ltd",
    "court",
    "house",
    "office",
    "committee",
    "commission",
    "organization",
    "organisation",
    "association",
];

/// Names from the text of articles that have no person entity at all, so that
/// spelling variants are found even before (or without) entity extraction.
fn text_names(docs: &[Doc<'_>]) -> Vec<Name> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        if doc
            .analysis
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Person)
        {
            continue;
        }
        let mut found: HashMap<Vec<String>, usize> = HashMap::new();
        for (s, e, sentence) in doc.sentences() {
            for (rs, re) in capitalised_runs(sentence) {
                let Some(run) = sentence.get(rs..re) else {
                    continue;
                };
                let Some((spelling, tokens)) = person_like(run) else {
                    continue;
                };
                match found.get(&tokens) {
                    Some(&n) => {
                        if let Some(name) = out.get_mut(n) {
                            let name: &mut Name = name;
                            if !name.sentences.contains(&(s, e)) {
                                name.sentences.push((s, e));
                            }
                        }
                    }
                    None => {
                        found.insert(tokens.clone(), out.len());
                        out.push(Name {
                            doc: d,
                            spelling,
                            tokens,
                            item: None,
                            sentences: vec![(s, e)],
                        });
                    }
                }
            }
        }
    }
    out
}

/// The person-like tail of a capitalised run: titles and country adjectives in
/// front are left out; two to four words remain, none of them a title or an
/// organisation word.
fn person_like(run: &str) -> Option<(String, Vec<String>)> {
    let ws = super::text::words(run);
    let mut first = 0;
    while let Some(w) = ws.get(first) {
        let f = fold(w.text);
        let f = super::text::strip_possessive(&f);
        // Titles, country adjectives and acronyms ("US Ambassador") go first.
        let acronym = w.text.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !w.text.chars().any(char::is_lowercase);
        if NOT_NAME_WORDS.contains(&f) || super::text::demonym_country(f).is_some() || acronym {
            first += 1;
        } else {
            break;
        }
    }
    let rest = ws.get(first..)?;
    if !(2..=4).contains(&rest.len()) {
        return None;
    }
    for w in rest {
        let f = fold(w.text);
        if NOT_NAME_WORDS.contains(&super::text::strip_possessive(&f))
            || w.text.chars().any(|c| c.is_ascii_digit())
            || (!is_particle(&f) && !w.text.starts_with(char::is_uppercase))
        {
            return None;
        }
    }
    let start = rest.first()?.start;
    let end = rest.last()?.end;
    let spelling = super::text::strip_possessive(run.get(start..end)?).to_string();
    let spelling = spelling
        .strip_suffix("\u{2019}s")
        .unwrap_or(&spelling)
        .to_string();
    let tokens = name_tokens(&spelling);
    (tokens.len() >= 2).then_some((spelling, tokens))
}

/// The words of a person's name, folded, hyphenated parts kept whole
/// ("Min-jun" is one given name, and its variant "Min-joon" one edit away).
fn name_tokens(spelling: &str) -> Vec<String> {
    super::text::words(&fold(spelling))
        .iter()
        .map(|w| super::text::strip_possessive(w.text).replace(['.', '\''], ""))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Pairs of entity roots credited with the same quote.
fn quote_pairs(
    docs: &[Doc<'_>],
    quotes: &[QuoteMatch],
    item_of: &HashMap<(usize, &str), usize>,
    uf: &mut UnionFind,
) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    let speaker_root = |r: (usize, usize), uf: &mut UnionFind| -> Option<usize> {
        let claim = docs.get(r.0)?.analysis.claims.get(r.1)?;
        let id = claim.speaker.as_ref()?.entity.as_deref()?;
        let item = *item_of.get(&(r.0, id))?;
        Some(uf.find(item))
    };
    for q in quotes {
        if let (Some(a), Some(b)) = (speaker_root(q.a, uf), speaker_root(q.b, uf)) {
            if a != b {
                out.insert((a.min(b), a.max(b)));
            }
        }
    }
    out
}

/// Two spellings of one name (indexes of distinct spellings), found with evidence.
struct Variant {
    a: usize,
    a_item: Option<usize>,
    b: usize,
    b_item: Option<usize>,
}

/// Whether two words are spellings of one name part: a small edit, and not one
/// the start of the other ("Korea" / "Korean" are different words).
fn spelling_of_one_word(x: &str, y: &str) -> bool {
    if x == y
        || x.chars().count() < 3
        || y.chars().count() < 3
        || x.starts_with(y)
        || y.starts_with(x)
    {
        return false;
    }
    // Short name parts ("Kim" / "Lim") need a single edit.
    let limit = if x.chars().count().min(y.chars().count()) <= 4 {
        1
    } else {
        MAX_EDIT
    };
    edit_distance(x, y, limit) <= limit
}

/// Occurrences of one spelling looked at for evidence (a name printed by
/// thousands of articles needs only a few witnesses).
const MAX_WITNESSES: usize = 8;

fn variant_pairs(
    docs: &[Doc<'_>],
    items: &[Item],
    names: &[Name],
    quoted: &HashSet<(usize, usize)>,
    uf: &mut UnionFind,
) -> (Vec<Variant>, Vec<(String, Vec<usize>)>) {
    // Distinct spellings, each with the names (occurrences) using it.
    let mut distinct: Vec<(&[String], Vec<usize>)> = Vec::new();
    let mut by_tokens: HashMap<&[String], usize> = HashMap::new();
    for (n, name) in names.iter().enumerate() {
        match by_tokens.get(name.tokens.as_slice()) {
            Some(&x) => {
                if let Some(d) = distinct.get_mut(x) {
                    d.1.push(n);
                }
            }
            None => {
                by_tokens.insert(&name.tokens, distinct.len());
                distinct.push((&name.tokens, vec![n]));
            }
        }
    }
    // Signature: the spelling with word `i` left out; two spellings sharing one
    // differ at most in that word.
    let mut index: HashMap<(usize, usize, String), Vec<usize>> = HashMap::new();
    for (x, (tokens, _)) in distinct.iter().enumerate() {
        for i in 0..tokens.len() {
            let mut rest = tokens.to_vec();
            rest.remove(i);
            index
                .entry((tokens.len(), i, rest.join(" ")))
                .or_default()
                .push(x);
        }
    }
    let mut spellings_in_doc: HashMap<usize, HashSet<&[String]>> = HashMap::new();
    for name in names {
        spellings_in_doc
            .entry(name.doc)
            .or_default()
            .insert(&name.tokens);
    }
    let mut ctx_cache: HashMap<usize, BTreeSet<String>> = HashMap::new();
    let people = PersonRoots::new(docs, items, uf);
    let mut out: Vec<Variant> = Vec::new();
    let mut buckets: Vec<_> = index.into_iter().filter(|(_, l)| l.len() > 1).collect();
    buckets.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for ((_, i, _), list) in buckets {
        for (n, &x) in list.iter().enumerate() {
            for &y in list.iter().skip(n + 1) {
                let (Some((tx, ox)), Some((ty, oy))) = (distinct.get(x), distinct.get(y)) else {
                    continue;
                };
                let (Some(wx), Some(wy)) = (tx.get(i), ty.get(i)) else {
                    continue;
                };
                if !spelling_of_one_word(wx, wy) {
                    continue;
                }
                let witnesses = ox
                    .iter()
                    .take(MAX_WITNESSES)
                    .flat_map(|&p| oy.iter().take(MAX_WITNESSES).map(move |&q| (p, q)));
                for (p, q) in witnesses {
                    let (Some(a), Some(b)) = (names.get(p), names.get(q)) else {
                        continue;
                    };
                    if a.doc == b.doc {
                        continue;
                    }
                    // An article that writes both spellings knows two people.
                    let both = |d: usize| {
                        spellings_in_doc.get(&d).is_some_and(|s| {
                            s.contains(a.tokens.as_slice()) && s.contains(b.tokens.as_slice())
                        })
                    };
                    if both(a.doc) || both(b.doc) {
                        continue;
                    }
                    let (ra, rb) = (a.item.map(|x| uf.find(x)), b.item.map(|x| uf.find(x)));
                    if ra.is_some() && ra == rb {
                        continue;
                    }
                    if let (Some(ra), Some(rb)) = (ra, rb) {
                        if people.share_an_article(ra, rb) {
                            continue;
                        }
                    }
                    let evidence = match (ra, rb) {
                        (Some(ra), Some(rb)) => {
                            quoted.contains(&(ra.min(rb), ra.max(rb)))
                                || people.roles_overlap(ra, rb)
                        }
                        _ => false,
                    } || {
                        let ca = context(docs, names, p, &mut ctx_cache);
                        let cb = context(docs, names, q, &mut ctx_cache);
                        ca.intersection(&cb).count() >= 2
                    };
                    if evidence {
                        out.push(Variant {
                            a: x,
                            a_item: ra,
                            b: y,
                            b_item: rb,
                        });
                        break;
                    }
                }
            }
        }
    }
    // Each spelling as first written, with every article using it.
    let spellings = distinct
        .iter()
        .map(|(_, occ)| {
            let shown = occ
                .first()
                .and_then(|&n| names.get(n))
                .map(|n| n.spelling.clone())
                .unwrap_or_default();
            let mut in_docs: Vec<usize> = occ
                .iter()
                .filter_map(|&n| names.get(n))
                .map(|n| n.doc)
                .collect();
            in_docs.sort_unstable();
            in_docs.dedup();
            (shown, in_docs)
        })
        .collect();
    (out, spellings)
}

/// The articles and role words of each person (by entity root).
struct PersonRoots {
    docs: HashMap<usize, HashSet<usize>>,
    roles: HashMap<usize, BTreeSet<String>>,
}

impl PersonRoots {
    fn new(docs: &[Doc<'_>], items: &[Item], uf: &mut UnionFind) -> PersonRoots {
        let mut out = PersonRoots {
            docs: HashMap::new(),
            roles: HashMap::new(),
        };
        for (i, item) in items.iter().enumerate() {
            if item.kind != EntityKind::Person {
                continue;
            }
            let r = uf.find(i);
            out.docs.entry(r).or_default().insert(item.doc);
            let Some(e) = docs
                .get(item.doc)
                .and_then(|d| d.analysis.entities.get(item.ent))
            else {
                continue;
            };
            let keys = out.roles.entry(r).or_default();
            for role in &e.roles {
                for w in super::text::words(role) {
                    // "former" says when, not what.
                    if let Some(k) = content_key(w.text).filter(|k| k != "former") {
                        keys.insert(k);
                    }
                }
            }
        }
        out
    }

    /// Whether two people both have an entity in one article.
    fn share_an_article(&self, a: usize, b: usize) -> bool {
        match (self.docs.get(&a), self.docs.get(&b)) {
            (Some(x), Some(y)) => !x.is_disjoint(y),
            _ => false,
        }
    }

    /// Whether two people's roles share most of their words.
    fn roles_overlap(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.roles.get(&a), self.roles.get(&b)) else {
            return false;
        };
        let shared = x.intersection(y).count();
        shared >= 2 || (shared >= 1 && shared * 2 >= x.len().min(y.len()))
    }
}

/// The other capitalised names in the sentences where a name appears.
fn context(
    docs: &[Doc<'_>],
    names: &[Name],
    n: usize,
    cache: &mut HashMap<usize, BTreeSet<String>>,
) -> BTreeSet<String> {
    if let Some(c) = cache.get(&n) {
        return c.clone();
    }
    let mut out = BTreeSet::new();
    if let Some(name) = names.get(n) {
        let own = name.tokens.join(" ");
        if let Some(doc) = docs.get(name.doc) {
            for &(s, e) in &name.sentences {
                let Some(text) = doc.slice(s, e) else {
                    continue;
                };
                for (rs, re) in capitalised_runs(text) {
                    let Some(run) = text.get(rs..re) else {
                        continue;
                    };
                    let norm = norm_name(run, NameStyle::Other);
                    let person = norm_name(run, NameStyle::Person);
                    if norm.is_empty() || person.contains(&own) || own.contains(&person) {
                        continue;
                    }
                    out.insert(norm);
                }
            }
        }
    }
    cache.insert(n, out.clone());
    out
}

/// Step 3: the story entities from the merged sets.
fn build<'a>(docs: &[Doc<'a>], items: &[Item], uf: &mut UnionFind) -> Entities {
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut built: Vec<(StoryEntity, Vec<usize>, usize)> = Vec::new();
    for (_, members) in groups {
        let Some(first) = members.first().and_then(|&i| items.get(i)) else {
            continue;
        };
        let kind = first.kind;
        // Members come in article order, so "seen in this article already" is
        // a look at the last entry.
        let mut name_count: Vec<(String, usize, usize)> = Vec::new(); // name, uses, first seen
        let mut name_at: HashMap<&str, usize> = HashMap::new();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut spelling_at: HashMap<&str, usize> = HashMap::new();
        let mut articles: Vec<usize> = Vec::new();
        let mut add =
            |text: &'a str, article: &str, spellings: &mut Vec<Spelling>| match spelling_at
                .get(text)
            {
                Some(&x) => {
                    if let Some(s) = spellings.get_mut(x) {
                        if s.articles.last().map(String::as_str) != Some(article) {
                            s.articles.push(article.to_string());
                        }
                    }
                }
                None => {
                    spelling_at.insert(text, spellings.len());
                    spellings.push(Spelling {
                        text: text.to_string(),
                        articles: vec![article.to_string()],
                    });
                }
            };
        for &i in &members {
            let Some(item) = items.get(i) else { continue };
            let Some(doc) = docs.get(item.doc) else {
                continue;
            };
            let Some(e) = doc.analysis.entities.get(item.ent) else {
                continue;
            };
            if articles.last() != Some(&item.doc) {
                articles.push(item.doc);
            }
            match name_at.get(e.name.as_str()) {
                Some(&x) => {
                    if let Some(entry) = name_count.get_mut(x) {
                        entry.1 += 1;
                    }
                }
                None => {
                    name_at.insert(&e.name, name_count.len());
                    name_count.push((e.name.clone(), 1, i));
                }
            }
            let id = doc.analysis.id.as_str();
            add(&e.name, id, &mut spellings);
            for a in &e.aliases {
                add(a, id, &mut spellings);
            }
            for m in &e.mentions {
                add(&m.text, id, &mut spellings);
            }
        }
        articles.sort_unstable();
        articles.dedup();
        // The most common name; ties go to the fuller, then the first seen.
        // The most used name; ties go to the fuller form, then the first seen.
        let words = |n: &str| n.split_whitespace().count();
        name_count.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(words(&b.0).cmp(&words(&a.0)))
                .then(a.2.cmp(&b.2))
        });
        let name = name_count.first().map(|n| n.0.clone()).unwrap_or_default();
        spellings.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then((a.text != name).cmp(&(b.text != name)))
        });
        let variants = spellings.iter().map(|s| s.text.clone()).collect();
        let order = members.iter().copied().min().unwrap_or(0);
        built.push((
            StoryEntity {
                id: String::new(),
                kind,
                name,
                variants,
                articles: articles
                    .iter()
                    .filter_map(|&d| docs.get(d))
                    .map(|d| d.analysis.id.clone())
                    .collect(),
                spellings: spellings
                    .into_iter()
                    .map(|s| (s.text, s.articles))
                    .collect(),
            },
            members,
            order,
        ));
    }
    built.sort_by(|a, b| {
        b.0.articles
            .len()
            .cmp(&a.0.articles.len())
            .then(a.0.kind.cmp(&b.0.kind))
            .then(a.2.cmp(&b.2))
    });
    let mut out = Entities {
        story_of: vec![HashMap::new(); docs.len()],
        ..Entities::default()
    };
    for (n, (mut se, members, _)) in built.into_iter().enumerate() {
        se.id = format!("s{}", n + 1);
        for i in members {
            let Some(item) = items.get(i) else { continue };
            let Some(e) = docs
                .get(item.doc)
                .and_then(|d| d.analysis.entities.get(item.ent))
            else {
                continue;
            };
            if let Some(map) = out.story_of.get_mut(item.doc) {
                map.insert(e.id.clone(), n);
            }
        }
        out.entities.push(se);
    }
    out
}

/// One `name_spelling` conflict per group of spellings of one name, listing
/// every article with the spelling it uses.
fn spelling_conflicts(
    docs: &[Doc<'_>],
    variants: &[Variant],
    spellings: &[(String, Vec<usize>)],
) -> Vec<Conflict> {
    let mut uf = UnionFind::new(spellings.len());
    for v in variants {
        uf.union(v.a, v.b);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut involved: Vec<usize> = variants.iter().flat_map(|v| [v.a, v.b]).collect();
    involved.sort_unstable();
    involved.dedup();
    for x in involved {
        let r = uf.find(x);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(list) = groups.get_mut(g) {
            list.push(x);
        }
    }
    groups
        .into_iter()
        .map(|mut members| {
            // The most widely used spelling first.
            members.sort_by_key(|&x| {
                (
                    std::cmp::Reverse(spellings.get(x).map_or(0, |s| s.1.len())),
                    x,
                )
            });
            let mut pairs: Vec<(usize, &str)> = Vec::new();
            for &x in &members {
                if let Some((text, in_docs)) = spellings.get(x) {
                    pairs.extend(in_docs.iter().map(|&d| (d, text.as_str())));
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            let values = pairs
                .iter()
                .filter_map(|&(d, t)| {
                    docs.get(d).map(|doc| ConflictValue {
                        article: doc.analysis.id.clone(),
                        text: t.to_string(),
                    })
                })
                .collect();
            let shown: Vec<&str> = members
                .iter()
                .filter_map(|&x| spellings.get(x))
                .map(|s| s.0.as_str())
                .collect();
            let description = format!(
                "One person's name is spelled differently: {}",
                shown.join(" / ")
            );
            Conflict {
                kind: ConflictKind::NameSpelling,
                description,
                values,
            }
        })
        .collect()
}
