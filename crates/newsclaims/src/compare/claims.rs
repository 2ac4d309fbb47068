//! Claim clusters: the same claim told by several articles, and how many
//! independent sources tell it.
//!
//! A claim is cut into clauses ("X arrived on Wednesday, | hours after Y met
//! Z"), because one sentence often carries two facts that other outlets report
//! separately. Each clause becomes a set of content keys: stemmed content words
//! with synonyms folded ("encircled" = "surrounded"), numbers, story-entity ids
//! of the entities it mentions and of the speaker. A clause without a person of
//! its own takes the sentence's (the "who" of "who arrived late on Wednesday").
//!
//! Clauses are clustered in one pass through an inverted index on keys holding
//! a few representatives per cluster: each clause is scored against the
//! representatives sharing its rarest keys (weighted overlap, each key weighted
//! by how rare it is in the story) and joins the best cluster that passes; two
//! clauses whose actions are both known and differ ("arrive" / "meet"), or that
//! name different people, never match. A direct quote is matched by its words
//! instead (word 3-gram containment), so the same quote credited to
//! differently spelled speakers still joins one cluster.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::copies::CopyLinks;
use super::entities::Entities;
use super::text::{fold, hash, key, mix, shared_count, words, FastMap, Key};
use super::union_find::UnionFind;
use super::Doc;
use crate::{
    Actor, Claim, ClaimCluster, ClaimForm, ClaimKind, Conflict, ConflictKind, ConflictValue,
    EntityKind, Member,
};

/// A claim: (doc index, claim index).
pub(crate) type ClaimRef = (usize, usize);

/// Two claims carrying the same quote.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuoteMatch {
    /// The earlier claim.
    pub a: ClaimRef,
    /// The later claim.
    pub b: ClaimRef,
}

/// Words per quote shingle.
const QUOTE_K: usize = 3;
/// Quotes shorter than this (in words) are too common to match on.
const MIN_QUOTE_WORDS: usize = 6;
/// Share of the shorter quote's shingles found in the other.
const MIN_QUOTE_CONTAINMENT: f64 = 0.6;
/// Clauses with fewer keys are folded into their neighbour.
const MIN_KEYS: usize = 3;
/// Keys two clauses must share.
const MIN_SHARED: usize = 4;
/// Weighted overlap (of the smaller clause) for two clauses to match.
const MIN_SCORE: f64 = 0.45;
/// Share of the larger clause's weight that must be shared too, so that a short
/// clause is not swallowed by a long sentence that merely mentions its words.
const MIN_COVER: f64 = 0.3;
/// Weighted overlap for a clause matching two clusters on one action to merge them.
const MIN_MERGE_SCORE: f64 = 0.6;
/// Weighted overlap for an assertion and its denial to be the same proposition.
const MIN_ASSERTION_SCORE: f64 = 0.4;
/// Representatives kept per cluster.
const MAX_REPS: usize = 6;
/// Keys looked up per clause (its rarest).
const LOOKUP_KEYS: usize = 12;
/// Entries read per posting list, newest first (see `copies::SCAN`).
const SCAN: usize = 32;
/// Candidates scored per clause.
const MAX_CANDIDATES: usize = 24;

fn quote_shingles(quote: &str) -> Vec<u64> {
    let ws: Vec<String> = words(quote)
        .iter()
        .map(|w| fold(w.text).replace('\'', ""))
        .collect();
    if ws.len() < MIN_QUOTE_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = ws
        .windows(QUOTE_K)
        .map(|w| hash(w.join(" ").as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Finds claims of different articles quoting the same words, through an
/// index of quote shingles (each quote is matched to the first similar quote
/// seen, so a quote reprinted everywhere costs one look-up per article).
pub(crate) fn quote_matches(docs: &[Doc<'_>]) -> Vec<QuoteMatch> {
    let mut reps: Vec<(ClaimRef, Vec<u64>)> = Vec::new();
    let mut index: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut out = Vec::new();
    let mut hits: FastMap<u32, u32> = FastMap::default();
    for (d, doc) in docs.iter().enumerate() {
        for (c, claim) in doc.analysis.claims.iter().enumerate() {
            let Some(q) = &claim.quote else { continue };
            let sh = quote_shingles(q);
            if sh.is_empty() {
                continue;
            }
            hits.clear();
            for s in &sh {
                for &r in index
                    .get(s)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                    .take(SCAN)
                {
                    *hits.entry(r).or_insert(0) += 1;
                }
            }
            let mut cands: Vec<(u32, u32)> = hits.iter().map(|(r, n)| (*r, *n)).collect();
            cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut best: Option<(ClaimRef, f64)> = None;
            for &(r, _) in cands.iter().take(4) {
                let Some((rc, rsh)) = reps.get(r as usize) else {
                    continue;
                };
                if rc.0 == d {
                    continue;
                }
                let c = shared_count(rsh, &sh) as f64 / rsh.len().min(sh.len()).max(1) as f64;
                if c >= MIN_QUOTE_CONTAINMENT && best.is_none_or(|(_, b)| c > b) {
                    best = Some((*rc, c));
                }
            }
            if let Some((rc, _)) = best {
                out.push(QuoteMatch { a: rc, b: (d, c) });
            }
            if best.is_none_or(|(_, c)| c < 0.9) {
                let id = u32::try_from(reps.len()).unwrap_or(u32::MAX);
                for s in &sh {
                    index.entry(*s).or_default().push(id);
                }
                reps.push(((d, c), sh));
            }
        }
    }
    out
}

/// A clause of a claim, ready to compare.
struct Unit {
    claim: ClaimRef,
    /// Hashed content keys, sorted.
    keys: Vec<u64>,
    /// Hashed action classes, sorted.
    actions: Vec<u64>,
    /// Story-entity indexes of the people it names (or its sentence names).
    persons: Vec<usize>,
    /// True for a denial or a negated claim.
    negative: bool,
    /// A direct quote, matched by its words instead of its keys.
    quote: bool,
}

/// The clusters and the assertion conflicts found on the way.
pub(crate) struct Clustered {
    /// Clusters, most sources first.
    pub clusters: Vec<ClaimCluster>,
    /// `assertion` conflicts.
    pub conflicts: Vec<Conflict>,
}

/// Words opening a new clause after a comma or a dash.
const CLAUSE_OPENERS: &[&str] = &[
    "who", "which", "where", "whose", "while", "after", "before", "only", "hours", "days", "weeks",
    "forcing", "saying", "to", "and", "but", "as", "despite", "when", "although", "though",
    "because", "whereas", "then",
];

/// Words after "and" / "but" (without a comma) that start a second clause.
const SECOND_VERBS: &[&str] = &[
    "was", "were", "had", "has", "have", "is", "are", "will", "would", "could", "did", "said",
    "called", "urged",
];

/// Cuts a claim's text into clauses (byte ranges of `text`).
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let ws = words(text);
    let mut cuts = vec![0];
    for (i, pair) in ws.windows(2).enumerate() {
        let [prev, w] = pair else { continue };
        let gap = text.get(prev.end..w.start).unwrap_or("");
        let lw = fold(w.text);
        let punct = gap.contains([',', ';', '\u{2013}', '\u{2014}', '(']) || gap.contains(" - ");
        let cut = if punct {
            CLAUSE_OPENERS.contains(&lw.as_str())
        } else if lw == "and" || lw == "but" {
            ws.get(i + 2).is_some_and(|n| {
                let n = fold(n.text);
                SECOND_VERBS.contains(&n.as_str()) || (n.ends_with("ed") && n.len() > 4)
            })
        } else {
            false
        };
        if cut {
            cuts.push(w.start);
        }
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| match w {
            [a, b] if a < b => Some((*a, *b)),
            _ => None,
        })
        .collect()
}

/// Words that end an attribution tail (", Japan's Defence Ministry said.").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "reported",
    "confirmed",
    "added",
    "announced",
    "stated",
    "noted",
    "told",
    "reports",
    "say",
];

/// Where a trailing attribution starts (", several officials confirmed.",
/// ", according to state media."), or the text's length: who said it is not
/// what was said, and two outlets rarely credit the same way.
fn attribution_start(text: &str) -> usize {
    let Some(comma) = text.rfind(',') else {
        return text.len();
    };
    let tail = text
        .get(comma + 1..)
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', '!', '?', '"', '\u{201D}']);
    let ws = words(tail);
    let last = ws.last().map(|w| fold(w.text)).unwrap_or_default();
    let first = ws.first().map(|w| fold(w.text)).unwrap_or_default();
    if ws.len() <= 8 && (REPORTING.contains(&last.as_str()) || first == "according") {
        comma
    } else {
        text.len()
    }
}

/// Salts keeping entity and speaker keys apart from word keys.
const ENTITY_SALT: u64 = 0x454E_5449_5459;
const SPEAKER_SALT: u64 = 0x5350_4541_4B45;

/// A clause's keys before hashing.
struct Piece {
    keys: Vec<Key>,
    persons: BTreeSet<usize>,
    others: BTreeSet<usize>,
}

impl Piece {
    fn alone(&self) -> bool {
        let words: BTreeSet<u64> = self.keys.iter().map(|k| k.hash).collect();
        let size = words.len() + self.persons.len() + self.others.len();
        (size >= MIN_KEYS && self.keys.iter().any(|k| k.action)) || words.len() > MIN_KEYS
    }
}

/// The clauses of one claim.
fn units_of(
    d: usize,
    doc: &Doc<'_>,
    ci: usize,
    claim: &Claim,
    ents: &Entities,
    out: &mut Vec<Unit>,
) {
    let negative = claim.negated != (claim.kind == ClaimKind::Denial);
    if claim.form == ClaimForm::DirectQuote
        && claim
            .quote
            .as_deref()
            .is_some_and(|q| !quote_shingles(q).is_empty())
    {
        out.push(Unit {
            claim: (d, ci),
            keys: Vec::new(),
            actions: Vec::new(),
            persons: Vec::new(),
            negative,
            quote: true,
        });
        return;
    }
    // Entity mentions inside the claim, with their story entity.
    let mut mentions: Vec<(usize, usize, bool, usize)> = Vec::new(); // (start, story index, is person, end)
    for e in &doc.analysis.entities {
        if !claim.entities.contains(&e.id) {
            continue;
        }
        let Some(s) = ents.story_index(d, &e.id) else {
            continue;
        };
        for m in &e.mentions {
            if m.start >= claim.start && m.end <= claim.end {
                mentions.push((
                    m.start - claim.start,
                    s,
                    e.kind == EntityKind::Person,
                    m.end - claim.start,
                ));
            }
        }
    }
    let speaker = claim
        .speaker
        .as_ref()
        .and_then(|a| a.entity.as_deref())
        .and_then(|id| ents.story_index(d, id));
    let sentence_persons: BTreeSet<usize> = mentions.iter().filter(|m| m.2).map(|m| m.1).collect();
    let places: BTreeSet<usize> = mentions.iter().filter(|m| !m.2).map(|m| m.1).collect();
    // Days and months are inherited by every clause ("on Wednesday, | hours after ...").
    let calendar: Vec<u64> = words(&claim.text)
        .iter()
        .filter_map(|w| key(w.text))
        .filter(|k| k.calendar)
        .map(|k| k.hash)
        .collect();

    let mut pieces: Vec<Piece> = Vec::new();
    let body_end = attribution_start(&claim.text);
    for (s, e) in clauses(&claim.text) {
        let e = e.min(body_end);
        if s >= e {
            continue;
        }
        let Some(t) = claim.text.get(s..e) else {
            continue;
        };
        // Words of an entity's name count once, as the entity ("Truong Minh Hai"
        // is one key, not three).
        let keys: Vec<Key> = words(t)
            .iter()
            .filter(|w| {
                !mentions
                    .iter()
                    .any(|m| w.start + s >= m.0 && w.end + s <= m.3)
            })
            .filter_map(|w| key(w.text))
            .filter(|k| !k.polarity)
            .collect();
        let persons = mentions
            .iter()
            .filter(|m| m.2 && m.0 >= s && m.0 < e)
            .map(|m| m.1)
            .collect();
        let others = mentions
            .iter()
            .filter(|m| !m.2 && m.0 >= s && m.0 < e)
            .map(|m| m.1)
            .collect();
        let piece = Piece {
            keys,
            persons,
            others,
        };
        // A piece stands alone when it says something: an action and two more
        // keys ("Morisaki arrived in Hanoi"), or a few content words; a bare
        // name with its title does not, and joins its neighbour.
        match pieces.last_mut() {
            Some(last) if !piece.alone() || !last.alone() => {
                last.keys.extend(piece.keys);
                last.persons.extend(piece.persons);
                last.others.extend(piece.others);
            }
            _ => pieces.push(piece),
        }
    }
    for Piece {
        keys,
        mut persons,
        mut others,
    } in pieces
    {
        if persons.is_empty() {
            persons = sentence_persons.clone();
        }
        others.extend(places.iter().copied());
        let mut hashed: Vec<u64> = keys
            .iter()
            .map(|k| k.hash)
            .chain(calendar.iter().copied())
            .collect();
        hashed.extend(
            persons
                .iter()
                .chain(&others)
                .map(|&s| mix(s as u64, ENTITY_SALT)),
        );
        if let Some(s) = speaker {
            hashed.push(mix(s as u64, SPEAKER_SALT));
        }
        hashed.sort_unstable();
        hashed.dedup();
        let mut actions: Vec<u64> = keys.iter().filter(|k| k.action).map(|k| k.hash).collect();
        actions.sort_unstable();
        actions.dedup();
        out.push(Unit {
            claim: (d, ci),
            keys: hashed,
            actions,
            persons: persons.into_iter().collect(),
            negative,
            quote: false,
        });
    }
}

struct Cluster {
    /// Member claims, in the order they joined (a claim's clauses come one after
    /// another, so a repeat is always the last entry).
    claims: Vec<ClaimRef>,
    reps: usize,
}

/// Clusters that can merge: a clause matching two clusters on the same action
/// ("arrived" / "landing" / "arrived") shows they tell one fact.
struct Clusters {
    list: Vec<Cluster>,
    uf: Vec<usize>,
}

impl Clusters {
    fn new_cluster(&mut self) -> usize {
        self.list.push(Cluster {
            claims: Vec::new(),
            reps: 0,
        });
        self.uf.push(self.uf.len());
        self.list.len() - 1
    }

    fn find(&mut self, mut c: usize) -> usize {
        while let Some(&p) = self.uf.get(c) {
            if p == c {
                break;
            }
            let gp = self.uf.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.uf.get_mut(c) {
                *slot = gp;
            }
            c = gp;
        }
        c
    }

    fn merge(&mut self, a: usize, b: usize) -> usize {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return ra;
        }
        let size = |x: usize, l: &[Cluster]| l.get(x).map_or(0, |c| c.claims.len());
        let (keep, gone) = if size(ra, &self.list) >= size(rb, &self.list) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = self
            .list
            .get_mut(gone)
            .map(|c| (std::mem::take(&mut c.claims), c.reps))
            .unwrap_or_default();
        if let Some(k) = self.list.get_mut(keep) {
            k.claims.extend(moved.0);
            k.reps += moved.1;
        }
        if let Some(slot) = self.uf.get_mut(gone) {
            *slot = keep;
        }
        keep
    }

    fn last_claim(&self, c: usize) -> Option<ClaimRef> {
        self.list.get(c).and_then(|c| c.claims.last().copied())
    }

    fn add(&mut self, c: usize, claim: ClaimRef) {
        if self.last_claim(c) != Some(claim) {
            if let Some(cl) = self.list.get_mut(c) {
                cl.claims.push(claim);
            }
        }
    }
}

/// Clusters the claims of all articles.
pub(crate) fn cluster(
    docs: &[Doc<'_>],
    ents: &Entities,
    links: &CopyLinks,
    quotes: &[QuoteMatch],
) -> Clustered {
    let mut units: Vec<Unit> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (ci, claim) in doc.analysis.claims.iter().enumerate() {
            units_of(d, doc, ci, claim, ents, &mut units);
        }
    }
    let mut df: FastMap<u64, u32> = FastMap::default();
    for u in &units {
        for k in &u.keys {
            *df.entry(*k).or_insert(0) += 1;
        }
    }
    let n = units.len().max(1) as f64;
    // Rarer keys weigh more, but only gently: a word found in one clause only
    // is as often noise ("first trip to Southeast Asia") as it is the point.
    let weight = |k: &u64| -> f64 {
        (1.0 + n / f64::from(df.get(k).copied().unwrap_or(1)))
            .ln()
            .sqrt()
    };

    let mut cl = Clusters {
        list: Vec::new(),
        uf: Vec::new(),
    };
    let mut cluster_of_unit: Vec<usize> = vec![usize::MAX; units.len()];
    let mut index: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut rep_units: Vec<usize> = Vec::new();
    let mut opposed: BTreeSet<(usize, usize)> = BTreeSet::new(); // (positive cluster, negative cluster)
    let mut hits: FastMap<u32, u32> = FastMap::default();

    // Direct quotes: a quote joins the cluster of the quote it matched.
    let mut quote_unit: HashMap<ClaimRef, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        if u.quote {
            quote_unit.insert(u.claim, i);
        }
    }
    let mut quote_parent: HashMap<ClaimRef, ClaimRef> = HashMap::new();
    for q in quotes {
        if quote_unit.contains_key(&q.a) && quote_unit.contains_key(&q.b) {
            quote_parent.entry(q.b).or_insert(q.a);
        }
    }

    for ui in 0..units.len() {
        let Some(u) = units.get(ui) else { continue };
        if u.quote {
            let joined = quote_parent
                .get(&u.claim)
                .and_then(|p| quote_unit.get(p))
                .and_then(|&pu| cluster_of_unit.get(pu).copied())
                .filter(|&c| c != usize::MAX);
            let c = match joined {
                Some(c) => cl.find(c),
                None => cl.new_cluster(),
            };
            cl.add(c, u.claim);
            if let Some(slot) = cluster_of_unit.get_mut(ui) {
                *slot = c;
            }
            continue;
        }
        // (cluster root, score, shares an action)
        let mut passing: Vec<(usize, f64, bool)> = Vec::new();
        // Clusters saying the opposite of this clause.
        let mut against: Vec<usize> = Vec::new();
        if u.keys.len() >= MIN_KEYS {
            let mut lookup: Vec<&u64> = u.keys.iter().collect();
            lookup.sort_by_key(|k| df.get(k).copied().unwrap_or(0));
            hits.clear();
            for k in lookup.into_iter().take(LOOKUP_KEYS) {
                let Some(list) = index.get(k) else { continue };
                for &r in list.iter().rev().take(SCAN) {
                    *hits.entry(r).or_insert(0) += 1;
                }
            }
            let mut cands: Vec<(u32, u32)> = hits.iter().map(|(r, n)| (*r, *n)).collect();
            cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let wu: f64 = u.keys.iter().map(&weight).sum();
            for &(r, _) in cands.iter().take(MAX_CANDIDATES) {
                let Some(&ru) = rep_units.get(r as usize) else {
                    continue;
                };
                let (Some(rep), Some(&c)) = (units.get(ru), cluster_of_unit.get(ru)) else {
                    continue;
                };
                let c = cl.find(c);
                if cl.last_claim(c) == Some(u.claim) {
                    continue;
                }
                if !rep.persons.is_empty()
                    && !u.persons.is_empty()
                    && !rep.persons.iter().any(|p| u.persons.contains(p))
                {
                    continue;
                }
                let (shared_n, shared_w) = shared_weight(&u.keys, &rep.keys, &weight);
                if shared_n < MIN_SHARED {
                    continue;
                }
                let wr: f64 = rep.keys.iter().map(&weight).sum();
                let score = shared_w / wu.min(wr).max(f64::MIN_POSITIVE);
                if rep.negative != u.negative {
                    if score >= MIN_ASSERTION_SCORE
                        && rep.claim.0 != u.claim.0
                        && !against.contains(&c)
                    {
                        against.push(c);
                    }
                    continue;
                }
                let shared_actions = shared_count(&rep.actions, &u.actions);
                let actions_differ =
                    !rep.actions.is_empty() && !u.actions.is_empty() && shared_actions == 0;
                let cover = shared_w / wu.max(wr).max(f64::MIN_POSITIVE);
                if actions_differ || score < MIN_SCORE || cover < MIN_COVER {
                    continue;
                }
                match passing.iter_mut().find(|p| p.0 == c) {
                    Some(p) => {
                        p.1 = p.1.max(score);
                        p.2 |= shared_actions > 0;
                    }
                    None => passing.push((c, score, shared_actions > 0)),
                }
            }
        }
        passing.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (c, index_it) = match passing.first() {
            Some(&(best, score, _)) => {
                // Clusters matched on the same action are one fact told twice.
                let strong: Vec<usize> = passing
                    .iter()
                    .filter(|p| p.2 && p.1 >= MIN_MERGE_SCORE)
                    .map(|p| p.0)
                    .collect();
                let mut root = best;
                if strong.len() >= 2 {
                    for &s in &strong {
                        root = cl.merge(root, s);
                    }
                }
                for &(other, _, _) in passing.iter().skip(1) {
                    let other = cl.find(other);
                    cl.add(other, u.claim);
                }
                let root = cl.find(root);
                (
                    root,
                    score < 0.9 && cl.list.get(root).is_some_and(|c| c.reps < MAX_REPS),
                )
            }
            None => (cl.new_cluster(), u.keys.len() >= MIN_KEYS),
        };
        for other in against {
            opposed.insert(if u.negative { (other, c) } else { (c, other) });
        }
        cl.add(c, u.claim);
        if let Some(slot) = cluster_of_unit.get_mut(ui) {
            *slot = c;
        }
        if index_it {
            if let Some(x) = cl.list.get_mut(c) {
                x.reps += 1;
            }
            let id = u32::try_from(rep_units.len()).unwrap_or(u32::MAX);
            rep_units.push(ui);
            for k in &u.keys {
                index.entry(*k).or_default().push(id);
            }
        }
    }

    // Resolve merged clusters.
    let opposed: BTreeSet<(usize, usize)> = opposed
        .into_iter()
        .map(|(a, b)| (cl.find(a), cl.find(b)))
        .filter(|(a, b)| a != b)
        .collect();
    let clusters: Vec<Cluster> = (0..cl.list.len())
        .map(|i| {
            let root = cl.find(i) == i;
            let c = cl
                .list
                .get_mut(i)
                .map(|c| std::mem::take(&mut c.claims))
                .unwrap_or_default();
            Cluster {
                claims: if root { c } else { Vec::new() },
                reps: 0,
            }
        })
        .collect();
    finish(docs, ents, links, clusters, &opposed)
}

fn shared_weight(a: &[u64], b: &[u64], weight: &impl Fn(&u64) -> f64) -> (usize, f64) {
    let (mut i, mut j, mut n, mut w) = (0, 0, 0, 0.0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                w += weight(x);
                i += 1;
                j += 1;
            }
        }
    }
    (n, w)
}

/// Counts independent sources: articles of one outlet count once, and an
/// article whose member claim lies in a paragraph copied to or from another
/// member's article counts with it.
fn sources(docs: &[Doc<'_>], links: &CopyLinks, claims: &[ClaimRef]) -> usize {
    // Claims are sorted, so each article's claims are together.
    let mut local: Vec<usize> = Vec::new();
    for &(d, _) in claims {
        if local.last() != Some(&d) {
            local.push(d);
        }
    }
    let mut uf = UnionFind::new(local.len());
    let mut by_outlet: HashMap<&str, usize> = HashMap::new();
    for (i, &d) in local.iter().enumerate() {
        let Some(doc) = docs.get(d) else { continue };
        match by_outlet.get(doc.outlet.as_str()) {
            Some(&j) => {
                uf.union(i, j);
            }
            None => {
                by_outlet.insert(doc.outlet.as_str(), i);
            }
        }
    }
    let pos: HashMap<usize, usize> = local.iter().enumerate().map(|(i, &d)| (d, i)).collect();
    // Per copy group, the first member article whose claim lies in one of its
    // paragraphs; every member article sharing the group counts with it.
    let mut anchor: HashMap<usize, usize> = HashMap::new();
    for &(d, c) in claims {
        let Some(doc) = docs.get(d) else { continue };
        let Some(claim) = doc.analysis.claims.get(c) else {
            continue;
        };
        let Some(para) = doc.para_at(claim.start) else {
            continue;
        };
        if let (Some(&g), Some(&i)) = (links.group_of.get(&(d, para.index)), pos.get(&d)) {
            anchor.entry(g).or_insert(i);
        }
    }
    for (g, i) in anchor {
        for other in links.groups.get(g).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(&j) = pos.get(other) {
                uf.union(i, j);
            }
        }
    }
    let roots: HashSet<usize> = (0..local.len()).map(|i| uf.find(i)).collect();
    roots.len()
}

fn finish(
    docs: &[Doc<'_>],
    ents: &Entities,
    links: &CopyLinks,
    clusters: Vec<Cluster>,
    opposed: &BTreeSet<(usize, usize)>,
) -> Clustered {
    // A claim in some cluster with others is not listed again on its own.
    let mut in_multi: HashSet<ClaimRef> = HashSet::new();
    for cl in &clusters {
        if cl.claims.iter().any(|c| Some(c) != cl.claims.first()) {
            in_multi.extend(cl.claims.iter().copied());
        }
    }
    let mut listed_single: HashSet<ClaimRef> = HashSet::new();
    // Two clauses of the same claims (a copied sentence) give the same cluster twice.
    let mut listed: HashSet<Vec<ClaimRef>> = HashSet::new();
    let mut kept: Vec<(usize, ClaimCluster, usize)> = Vec::new(); // (old index, cluster, first position)
    for (ci, cl) in clusters.iter().enumerate() {
        let mut claims = cl.claims.clone();
        claims.sort_unstable();
        claims.dedup();
        if claims.is_empty() {
            continue;
        }
        if claims.len() == 1 {
            let Some(&only) = claims.first() else {
                continue;
            };
            if in_multi.contains(&only) || !listed_single.insert(only) {
                continue;
            }
        } else if !listed.insert(claims.clone()) {
            continue;
        }
        let Some(&(d, c)) = claims.first() else {
            continue;
        };
        // The representative: the shortest member, most often the one telling
        // just this fact.
        let Some(first) = claims
            .iter()
            .filter_map(|&(d, c)| docs.get(d)?.analysis.claims.get(c))
            .min_by_key(|x| x.text.len())
        else {
            continue;
        };
        let speaker = cluster_speaker(docs, ents, &claims);
        let members = claims
            .iter()
            .filter_map(|&(d, c)| {
                let doc = docs.get(d)?;
                Some(Member {
                    article: doc.analysis.id.clone(),
                    claim: doc.analysis.claims.get(c)?.id.clone(),
                })
            })
            .collect();
        kept.push((
            ci,
            ClaimCluster {
                id: String::new(),
                kind: first.kind,
                form: first.form,
                speaker,
                text: first.text.clone(),
                members,
                sources: sources(docs, links, &claims),
            },
            d * 1_000_000 + c,
        ));
    }
    kept.sort_by(|a, b| {
        b.1.sources
            .cmp(&a.1.sources)
            .then(b.1.members.len().cmp(&a.1.members.len()))
            .then(a.2.cmp(&b.2))
    });
    let mut new_id: HashMap<usize, usize> = HashMap::new();
    for (i, (old, cl, _)) in kept.iter_mut().enumerate() {
        cl.id = format!("k{}", i + 1);
        new_id.insert(*old, i);
    }

    let mut conflicts = Vec::new();
    // One outlet asserts what another denies.
    for &(pos, neg) in opposed {
        // One outlet against another; an article contradicting itself is
        // found through `responds_to` below.
        let docs_of = |claims: &[ClaimRef]| claims.iter().map(|c| c.0).collect::<HashSet<usize>>();
        if let (Some(p), Some(n)) = (clusters.get(pos), clusters.get(neg)) {
            if !docs_of(&p.claims).is_disjoint(&docs_of(&n.claims)) {
                continue;
            }
        }
        let (Some(p), Some(n)) = (clusters.get(pos), clusters.get(neg)) else {
            continue;
        };
        let values: Vec<ConflictValue> = p
            .claims
            .iter()
            .chain(&n.claims)
            .filter_map(|&r| value(docs, r))
            .collect();
        if values.len() < 2 {
            continue;
        }
        let description = format!(
            "Asserted by {} and denied or negated by {}",
            outlets(docs, &p.claims),
            outlets(docs, &n.claims)
        );
        conflicts.push(Conflict {
            kind: ConflictKind::Assertion,
            description,
            values,
        });
    }
    // An accusation and its denial in one article.
    for (d, doc) in docs.iter().enumerate() {
        for (c, claim) in doc.analysis.claims.iter().enumerate() {
            let Some(target) = &claim.responds_to else {
                continue;
            };
            if claim.kind != ClaimKind::Denial {
                continue;
            }
            let Some(a) = doc.analysis.claims.iter().position(|x| &x.id == target) else {
                continue;
            };
            let values: Vec<ConflictValue> = [(d, a), (d, c)]
                .iter()
                .filter_map(|&r| value(docs, r))
                .collect();
            let description = format!("{}: an accusation and its denial", doc.analysis.id);
            conflicts.push(Conflict {
                kind: ConflictKind::Assertion,
                description,
                values,
            });
        }
    }
    Clustered {
        clusters: kept.into_iter().map(|k| k.1).collect(),
        conflicts,
    }
}

/// The speaker most members credit, when at least half of them do (as a story
/// entity when it is one).
fn cluster_speaker(docs: &[Doc<'_>], ents: &Entities, claims: &[ClaimRef]) -> Option<Actor> {
    let mut counts: HashMap<Actor, usize> = HashMap::new();
    for &(d, c) in claims {
        let Some(actor) = docs
            .get(d)
            .and_then(|doc| doc.analysis.claims.get(c))
            .and_then(|x| x.speaker.as_ref())
        else {
            continue;
        };
        let actor = match actor
            .entity
            .as_deref()
            .and_then(|id| ents.story_index(d, id))
            .and_then(|s| ents.entities.get(s))
        {
            Some(se) => Actor {
                name: se.name.clone(),
                entity: Some(se.id.clone()),
            },
            None => Actor {
                name: actor.name.clone(),
                entity: None,
            },
        };
        *counts.entry(actor).or_insert(0) += 1;
    }
    let (actor, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.name.cmp(&a.0.name)))?;
    (n * 2 >= claims.len()).then_some(actor)
}

fn value(docs: &[Doc<'_>], (d, c): ClaimRef) -> Option<ConflictValue> {
    let doc = docs.get(d)?;
    Some(ConflictValue {
        article: doc.analysis.id.clone(),
        text: doc.analysis.claims.get(c)?.text.clone(),
    })
}

/// The outlets of some claims, for a description: the first few by name, then
/// how many more.
fn outlets(docs: &[Doc<'_>], claims: &[ClaimRef]) -> String {
    const SHOWN: usize = 4;
    let mut seen: HashSet<&str> = HashSet::new();
    let mut names: Vec<&str> = Vec::new();
    for &(d, _) in claims {
        if let Some(doc) = docs.get(d) {
            let name = doc
                .analysis
                .article
                .outlet
                .as_deref()
                .unwrap_or(&doc.analysis.id);
            if seen.insert(name) && names.len() < SHOWN {
                names.push(name);
            }
        }
    }
    match seen.len().saturating_sub(SHOWN) {
        0 => names.join(", "),
        more => format!("{} and {more} more", names.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_cut_at_subordinates() {
        let t = "Morisaki had arrived in Hanoi on Wednesday and was received by President Hai the same afternoon.";
        let c: Vec<&str> = clauses(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(c.len(), 2);
        assert!(c[1].starts_with("and was received"));
        let t = "Hai met Morisaki on Wednesday, only hours after landing in the capital.";
        assert_eq!(clauses(t).len(), 2);
    }
}
