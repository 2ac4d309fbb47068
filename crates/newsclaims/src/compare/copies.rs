//! Copied text: paragraphs shared exactly or nearly between articles.
//!
//! Each paragraph becomes a set of word 4-gram shingles (hashed), leaving out quoted
//! passages (two outlets quoting the same words have not copied each other; the
//! reporter's own sentences around the quote are what reveals copying).
//! Articles are visited earliest first; a paragraph either matches one already
//! seen (shingle containment ≥ [`MIN_CONTAINMENT`]) and is recorded as its copy,
//! or becomes a new "original" in the inverted index, which holds the 16
//! smallest shingle hashes of each original (a bottom-k sketch). Only originals (and
//! near copies that drift) enter the index, so a wire paragraph reprinted by
//! 10,000 outlets costs 10,000 look-ups, not 10,000² comparisons.

use std::collections::HashMap;

use super::text::{shared_count, shingles, FastMap};
use super::Doc;
use crate::CopiedText;

/// Words per shingle.
const K: usize = 4;
/// Paragraphs with fewer shingles outside quotes are too short to call copied.
const MIN_SHINGLES: usize = 5;
/// Share of the smaller paragraph's shingles found in the other.
pub(crate) const MIN_CONTAINMENT: f64 = 0.7;
/// A near copy less alike than this joins the index too, so that a chain of
/// edits is still followed.
const DRIFT: f64 = 0.9;
/// Entries read per posting list, newest first: a long list is a phrase shared
/// by many paragraphs, and a few of them are enough to find a match, so the
/// cost per paragraph stays bounded however many articles there are.
const SCAN: usize = 32;
/// Shingles indexed and looked up per paragraph: the smallest hashes (a
/// bottom-k sketch, like MinHash), so that two paragraphs sharing most
/// shingles share most of their sketch, at a fixed cost per paragraph.
const SKETCH: usize = 16;
/// Candidates checked exactly per paragraph.
const MAX_CANDIDATES: usize = 4;

/// Which copy groups each paragraph belongs to, for counting sources.
#[derive(Debug, Default)]
pub(crate) struct CopyLinks {
    /// (doc index, paragraph index) → copy group index.
    pub group_of: HashMap<(usize, usize), usize>,
    /// Doc indexes of each copy group, original first.
    pub groups: Vec<Vec<usize>>,
}

/// A copy of an original: (doc, paragraph index, containment).
type CopyOf = (usize, usize, f64);

struct Original {
    doc: usize,
    para: usize,
    shingles: Vec<u64>,
    group: Option<usize>,
}

/// Finds the copied paragraphs; `order` lists doc indexes earliest first.
pub(crate) fn find(docs: &[Doc<'_>], order: &[usize]) -> (Vec<CopiedText>, CopyLinks) {
    let mut originals: Vec<Original> = Vec::new();
    let mut index: FastMap<u64, Vec<u32>> = FastMap::default();
    // group index → (original's id, copies)
    let mut groups: Vec<(usize, Vec<CopyOf>)> = Vec::new();
    let mut hits: FastMap<u32, u32> = FastMap::default();

    for &d in order {
        let Some(doc) = docs.get(d) else { continue };
        for para in &doc.paras {
            let sh = shingles(para.text, K, true);
            if sh.len() < MIN_SHINGLES {
                continue;
            }
            hits.clear();
            for s in sh.iter().take(SKETCH) {
                if let Some(list) = index.get(s) {
                    for &o in list.iter().rev().take(SCAN) {
                        *hits.entry(o).or_insert(0) += 1;
                    }
                }
            }
            let mut cands: Vec<(u32, u32)> = hits.iter().map(|(o, n)| (*o, *n)).collect();
            cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut best: Option<(usize, f64)> = None;
            for &(o, _) in cands.iter().take(MAX_CANDIDATES) {
                let Some(orig) = originals.get(o as usize) else {
                    continue;
                };
                if orig.doc == d {
                    continue;
                }
                let shared = shared_count(&orig.shingles, &sh);
                let c = shared as f64 / orig.shingles.len().min(sh.len()).max(1) as f64;
                if c >= MIN_CONTAINMENT && best.is_none_or(|(_, b)| c > b) {
                    best = Some((o as usize, c));
                }
            }
            let drifted = match best {
                Some((o, c)) => {
                    let g = match originals.get(o).and_then(|x| x.group) {
                        Some(g) => g,
                        None => {
                            groups.push((o, Vec::new()));
                            let g = groups.len() - 1;
                            if let Some(orig) = originals.get_mut(o) {
                                orig.group = Some(g);
                            }
                            g
                        }
                    };
                    if let Some((_, copies)) = groups.get_mut(g) {
                        copies.push((d, para.index, c));
                    }
                    (c < DRIFT).then_some(g)
                }
                None => None,
            };
            if best.is_none() || drifted.is_some() {
                let id = u32::try_from(originals.len()).unwrap_or(u32::MAX);
                for s in sh.iter().take(SKETCH) {
                    index.entry(*s).or_default().push(id);
                }
                originals.push(Original {
                    doc: d,
                    para: para.index,
                    shingles: sh,
                    group: drifted,
                });
            }
        }
    }

    let mut out = Vec::new();
    let mut links = CopyLinks::default();
    for (o, copies) in groups {
        let Some(orig) = originals.get(o) else {
            continue;
        };
        let Some(odoc) = docs.get(orig.doc) else {
            continue;
        };
        let gi = links.groups.len();
        let mut members = vec![orig.doc];
        let mut seen = std::collections::HashSet::from([orig.doc]);
        links.group_of.insert((orig.doc, orig.para), gi);
        let mut articles = vec![odoc.analysis.id.clone()];
        let mut similarity: f64 = 1.0;
        let mut earlier = odoc.published.is_some();
        for (d, p, c) in copies {
            links.group_of.insert((d, p), gi);
            let Some(doc) = docs.get(d) else { continue };
            if seen.insert(d) {
                members.push(d);
                articles.push(doc.analysis.id.clone());
            }
            similarity = similarity.min(c);
            earlier &= match (odoc.published, doc.published) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            };
        }
        let text = odoc
            .analysis
            .article
            .paragraphs
            .get(orig.para)
            .map(|p| p.text.clone())
            .unwrap_or_default();
        out.push(CopiedText {
            articles,
            text,
            source: earlier.then(|| odoc.analysis.id.clone()),
            similarity: (similarity * 100.0).round() / 100.0,
        });
        links.groups.push(members);
    }
    (out, links)
}
