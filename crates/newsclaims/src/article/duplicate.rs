//! Repeated paragraphs: the same block pasted twice by a scraper, exactly or with
//! a few words changed.
//!
//! Paragraphs are compared on their words, lower-cased, so punctuation, quote
//! style and spacing do not matter. Near copies are found through an inverted
//! index of word pairs, so the cost grows with the text, not with the square
//! of its paragraph count.

use std::collections::HashMap;

/// The least share of word pairs two paragraphs must have in common, over the
/// larger paragraph's count, to be near copies.
const NEAR_COPY: f64 = 0.8;
/// Paragraphs shorter than this many words are only compared exactly.
const MIN_NEAR_WORDS: usize = 8;
/// A word pair seen in more kept paragraphs than this is too common to index.
const MAX_POSTINGS: usize = 64;

/// Finds repeats among paragraphs given in order.
#[derive(Debug, Default)]
pub(crate) struct Repeats {
    exact: HashMap<u64, usize>,
    postings: HashMap<u64, Vec<usize>>,
    sizes: Vec<usize>,
}

impl Repeats {
    /// Offers the next paragraph: returns the index (in the order kept) of the
    /// earlier paragraph it repeats, or records it as kept under `index`.
    pub fn check(&mut self, text: &str, index: usize) -> Option<usize> {
        let words = words(text);
        let key = key_of(&words);
        if let Some(&kept) = self.exact.get(&key) {
            return Some(kept);
        }
        let grams = word_pairs(&words);
        if words.len() >= MIN_NEAR_WORDS {
            if let Some(kept) = self.near_copy(&grams) {
                return Some(kept);
            }
        }
        self.exact.insert(key, index);
        if self.sizes.len() <= index {
            self.sizes.resize(index + 1, 0);
        }
        if let Some(size) = self.sizes.get_mut(index) {
            *size = grams.len();
        }
        if words.len() >= MIN_NEAR_WORDS {
            for gram in grams {
                let list = self.postings.entry(gram).or_default();
                if list.len() < MAX_POSTINGS {
                    list.push(index);
                }
            }
        }
        None
    }

    fn near_copy(&self, grams: &[u64]) -> Option<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for gram in grams {
            for &kept in self.postings.get(gram).into_iter().flatten() {
                *shared.entry(kept).or_default() += 1;
            }
        }
        shared
            .into_iter()
            .filter(|&(kept, common)| {
                let other = self.sizes.get(kept).copied().unwrap_or(0);
                let larger = grams.len().max(other);
                larger > 0 && common as f64 / larger as f64 >= NEAR_COPY
            })
            .map(|(kept, _)| kept)
            .min()
    }
}

/// A hash per word of a text, case-folded, computed without allocating.
fn words(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                    mix(h, u64::from(u32::from(c)))
                })
        })
        .collect()
}

/// The distinct hashed word pairs (or the words themselves in a short text).
fn word_pairs(words: &[u64]) -> Vec<u64> {
    let mut grams: Vec<u64> = if words.len() < 2 {
        words.to_vec()
    } else {
        words
            .windows(2)
            .map(|w| w.iter().fold(0x8422_2325_u64, |h, x| mix(h, *x)))
            .collect()
    };
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// One step of a fast multiplicative hash (FNV-style mixing with a final
/// avalanche); collisions only cost a missed or extra duplicate candidate, and
/// exact repeats are confirmed by the full key of all word hashes.
fn mix(h: u64, x: u64) -> u64 {
    let v = (h ^ x).wrapping_mul(0x0100_0000_01b3);
    v ^ (v >> 29)
}

fn key_of(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(0x9e37_79b9_7f4a_7c15_u64, |h, w| mix(h, *w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_repeats_point_to_the_first() {
        let mut r = Repeats::default();
        assert_eq!(r.check("The envoy arrived on Monday.", 0), None);
        assert_eq!(r.check("Talks followed.", 1), None);
        assert_eq!(r.check("The envoy  arrived on Monday!", 2), Some(0));
    }

    #[test]
    fn near_repeats() {
        let mut r = Repeats::default();
        let a = "The delegation toured the shipyard on Tuesday and met the port authority before flying home to Hanoi.";
        let b = "The delegation toured the shipyard on Tuesday and met the port authority before flying back to Hanoi.";
        assert_eq!(r.check(a, 0), None);
        assert_eq!(r.check(b, 1), Some(0));
        assert_eq!(
            r.check(
                "A different paragraph about fishing quotas in the region entirely.",
                2
            ),
            None
        );
    }
}
