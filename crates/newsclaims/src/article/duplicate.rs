//! Repeated paragraphs: the same block pasted twice by a scraper, exactly or with
//! a few words changed.
//!
//! Paragraphs are compared on their words, lower-cased, so punctuation, quote
//! style and spacing do not matter. Near copies are found through an inverted
//! index of word pairs, so the cost grows with the text, not with the square
//! of its paragraph count.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys here are already hashes: pass them through instead of hashing again.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// The least share of word pairs two paragraphs must have in common, over the
/// larger paragraph's count, to be near copies.
const NEAR_COPY: f64 = 0.8;
/// Paragraphs shorter than this many words are only compared exactly.
const MIN_NEAR_WORDS: usize = 8;

/// Finds repeats among paragraphs given in order.
#[derive(Default)]
pub(crate) struct Repeats {
    exact: HashKeyed<usize>,
    /// Each word pair's first kept paragraph: a near copy shares most of its
    /// pairs with the paragraph it copies, so one index per pair is enough.
    postings: HashKeyed<usize>,
    sizes: Vec<usize>,
    /// Scratch counts of shared pairs per kept paragraph.
    shared: Vec<usize>,
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
            self.postings.reserve(grams.len());
            for gram in grams {
                self.postings.entry(gram).or_insert(index);
            }
        }
        None
    }

    fn near_copy(&mut self, grams: &[u64]) -> Option<usize> {
        self.shared.clear();
        self.shared.resize(self.sizes.len(), 0);
        let mut touched: Vec<usize> = Vec::new();
        for gram in grams {
            if let Some(&kept) = self.postings.get(gram) {
                if let Some(count) = self.shared.get_mut(kept) {
                    if *count == 0 {
                        touched.push(kept);
                    }
                    *count += 1;
                }
            }
        }
        touched
            .into_iter()
            .filter(|&kept| {
                let common = self.shared.get(kept).copied().unwrap_or(0);
                let other = self.sizes.get(kept).copied().unwrap_or(0);
                let larger = grams.len().max(other);
                larger > 0 && common as f64 / larger as f64 >= NEAR_COPY
            })
            .min()
    }
}

/// A hash per word of a text, case-folded, computed without allocating.
fn words(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut word = WordHash::default();
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            word.push_ascii(b.to_ascii_lowercase());
            in_word = true;
            at += 1;
            continue;
        }
        // Other characters decoded.
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        at += len;
        if !c.is_ascii() && c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                word.push_char(lower);
            }
            in_word = true;
        } else if in_word {
            out.push(word.finish());
            word = WordHash::default();
            in_word = false;
        }
    }
    if in_word {
        out.push(word.finish());
    }
    out
}

/// The hash of one word, fed its lower-cased characters. ASCII letters are
/// packed eight to a block and each block mixed once, which keeps the hash off
/// a multiplication per byte.
struct WordHash {
    hash: u64,
    block: u64,
    filled: u32,
}

impl Default for WordHash {
    fn default() -> WordHash {
        WordHash {
            hash: 0xcbf2_9ce4_8422_2325,
            block: 0,
            filled: 0,
        }
    }
}

impl WordHash {
    fn push_ascii(&mut self, b: u8) {
        self.block = (self.block << 8) | u64::from(b);
        self.filled += 1;
        if self.filled == 8 {
            self.flush();
        }
    }

    fn push_char(&mut self, c: char) {
        if c.is_ascii() {
            self.push_ascii(c as u8);
        } else {
            self.flush();
            self.hash = mix(self.hash, u64::from(u32::from(c)) | 1 << 40);
        }
    }

    fn flush(&mut self) {
        if self.filled > 0 {
            // The count keeps "a" + "bc" apart from "ab" + "c".
            self.hash = mix(self.hash, self.block ^ u64::from(self.filled) << 60);
            self.block = 0;
            self.filled = 0;
        }
    }

    fn finish(mut self) -> u64 {
        self.flush();
        self.hash
    }
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
