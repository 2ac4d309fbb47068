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

/// Where a word pair was first seen.
#[derive(Clone, Copy, Default)]
struct Posting {
    /// The pair's hash.
    pair: u64,
    /// The kept paragraph the pair is indexed under, or [`FORGOTTEN`].
    kept: usize,
    /// The offer that last met the pair (0 for an empty slot): a pair repeated
    /// inside one paragraph counts once, without sorting the paragraph's pairs.
    seen: usize,
}

/// The `kept` of a pair taken back from the index: it reads as absent.
const FORGOTTEN: usize = usize::MAX;

/// Word pairs and their postings: open addressing with linear probing over a
/// power-of-two table, cheaper than a general map for the one probe per pair
/// made here. Pairs are never removed, only forgotten.
#[derive(Default)]
struct Postings {
    slots: Vec<Posting>,
    used: usize,
}

impl Postings {
    fn with_capacity(pairs: usize) -> Postings {
        Postings {
            slots: vec![Posting::default(); (2 * pairs).next_power_of_two().max(16)],
            used: 0,
        }
    }

    /// The slot of `pair`, or the empty slot where it belongs.
    fn slot(&self, pair: u64) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        // The high half of the hash is the better mixed one.
        let mut at = (pair >> 32) as usize & mask;
        while let Some(slot) = self.slots.get(at) {
            if slot.seen == 0 || slot.pair == pair {
                break;
            }
            at = (at + 1) & mask;
        }
        at
    }

    /// The posting of `pair`, made for paragraph `kept` if the pair is new
    /// (or was forgotten).
    fn entry(&mut self, pair: u64, kept: usize) -> Option<&mut Posting> {
        if 2 * (self.used + 1) > self.slots.len() {
            self.grow();
        }
        let at = self.slot(pair);
        let posting = self.slots.get_mut(at)?;
        if posting.seen == 0 {
            self.used += 1;
            *posting = Posting {
                pair,
                kept,
                seen: 0,
            };
        } else if posting.kept == FORGOTTEN {
            posting.kept = kept;
        }
        Some(posting)
    }

    /// Marks `pair` as absent if it is indexed under `kept`.
    fn forget(&mut self, pair: u64, kept: usize) {
        let at = self.slot(pair);
        if let Some(posting) = self.slots.get_mut(at) {
            if posting.seen != 0 && posting.kept == kept {
                posting.kept = FORGOTTEN;
            }
        }
    }

    /// Doubles the table, dropping forgotten pairs.
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(16);
        let old = std::mem::replace(&mut self.slots, vec![Posting::default(); size]);
        self.used = 0;
        for posting in old {
            if posting.seen != 0 && posting.kept != FORGOTTEN {
                let at = self.slot(posting.pair);
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = posting;
                    self.used += 1;
                }
            }
        }
    }
}

/// Finds repeats among paragraphs given in order.
#[derive(Default)]
pub(crate) struct Repeats {
    exact: HashKeyed<usize>,
    /// Each word pair's first kept paragraph: a near copy shares most of its
    /// pairs with the paragraph it copies, so one index per pair is enough.
    postings: Postings,
    /// Distinct word pairs per kept paragraph.
    sizes: Vec<usize>,
    /// Scratch counts of shared pairs per kept paragraph.
    shared: Vec<usize>,
    /// Scratch: the kept paragraphs sharing a pair with the one offered.
    touched: Vec<usize>,
    /// Scratch: the word hashes of the paragraph offered.
    words: Vec<u64>,
    /// How many paragraphs were offered, which stamps the pairs met.
    offers: usize,
}

impl Repeats {
    /// Sized for a text of `len` bytes, so the indexes are not regrown while
    /// it is read (a word and its space take about six bytes).
    pub fn for_text(len: usize) -> Repeats {
        let words = len / 6 + 16;
        Repeats {
            exact: HashKeyed::with_capacity_and_hasher(len / 80 + 8, BuildHasherDefault::default()),
            postings: Postings::with_capacity(words),
            words: Vec::with_capacity(words.min(4096)),
            ..Repeats::default()
        }
    }

    /// Offers the next paragraph: returns the index (in the order kept) of the
    /// earlier paragraph it repeats, or records it as kept under `index`.
    pub fn check(&mut self, text: &str, index: usize) -> Option<usize> {
        self.offers += 1;
        words(text, &mut self.words);
        let key = key_of(&self.words);
        if let Some(&kept) = self.exact.get(&key) {
            return Some(kept);
        }
        if self.words.len() >= MIN_NEAR_WORDS {
            if let Some(kept) = self.near_copy(index) {
                self.forget_pairs(index);
                return Some(kept);
            }
        }
        self.exact.insert(key, index);
        None
    }

    /// Indexes the offered paragraph's word pairs under `index` while counting
    /// the pairs it shares with each kept paragraph; returns the first kept
    /// paragraph it nearly copies. Lookup and insertion are one probe, since
    /// a pair new to the index cannot be shared with an earlier paragraph.
    fn near_copy(&mut self, index: usize) -> Option<usize> {
        let stamp = self.offers;
        self.shared.clear();
        self.shared.resize(self.sizes.len(), 0);
        self.touched.clear();
        let mut distinct = 0;
        for pair in self.words.windows(2) {
            let Some(posting) = self.postings.entry(pair_hash(pair), index) else {
                continue;
            };
            if posting.seen == stamp {
                continue;
            }
            posting.seen = stamp;
            distinct += 1;
            if posting.kept == index {
                continue;
            }
            if let Some(count) = self.shared.get_mut(posting.kept) {
                if *count == 0 {
                    self.touched.push(posting.kept);
                }
                *count += 1;
            }
        }
        let copied = self
            .touched
            .iter()
            .copied()
            .filter(|&kept| {
                let common = self.shared.get(kept).copied().unwrap_or(0);
                let other = self.sizes.get(kept).copied().unwrap_or(0);
                let larger = distinct.max(other);
                larger > 0 && common as f64 / larger as f64 >= NEAR_COPY
            })
            .min();
        if copied.is_none() {
            if self.sizes.len() <= index {
                self.sizes.resize(index + 1, 0);
            }
            if let Some(size) = self.sizes.get_mut(index) {
                *size = distinct;
            }
        }
        copied
    }

    /// Takes back the pairs indexed under `index` by a paragraph that turned
    /// out to be a near copy (rare, so they are not held back before).
    fn forget_pairs(&mut self, index: usize) {
        for pair in self.words.windows(2) {
            self.postings.forget(pair_hash(pair), index);
        }
    }
}

/// The hash of each word of a text, case-folded, into `out`, computed without
/// allocating.
fn words(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut word = WordHash::default();
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            at = word.push_ascii_run(bytes, at);
            in_word = true;
            continue;
        }
        if b.is_ascii() {
            at += 1;
            if in_word {
                out.push(word.finish());
                word = WordHash::default();
                in_word = false;
            }
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
        if !c.is_ascii() && !is_general_punctuation(c) && c.is_alphanumeric() {
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
}

/// Characters of the General Punctuation block (curly quotes, dashes, spaces),
/// common in news and never letters or digits: testing them here spares
/// Unicode's slow tables.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
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

    /// Pushes the run of ASCII letters and digits starting at `at` in
    /// `bytes`, lower-casing them, and returns where the run ends. The hash is
    /// the same as pushing them one by one; eight bytes are read and tested
    /// at once.
    fn push_ascii_run(&mut self, bytes: &[u8], mut at: usize) -> usize {
        while self.filled == 0 {
            let Some(eight) = bytes
                .get(at..at + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
            else {
                break;
            };
            let run = alphanumeric_prefix(u64::from_le_bytes(eight));
            if run == 0 {
                return at;
            }
            // Setting bit 5 lower-cases a letter and keeps a digit; the bytes
            // after the run are shifted out.
            let block = u64::from_be_bytes(eight) | 0x2020_2020_2020_2020;
            self.block = block >> (64 - 8 * run);
            self.filled = run as u32;
            at += run;
            if run < 8 {
                return at;
            }
            self.flush();
        }
        while let Some(&b) = bytes.get(at) {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            self.push_ascii(b | 0x20);
            at += 1;
        }
        at
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

/// How many of the eight bytes of `x` (read little-endian, so the first
/// byte is the lowest) are ASCII letters or digits before the first that is not.
fn alphanumeric_prefix(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // With the top bit of each byte clear, adding `0x80 - lo` sets it exactly
    // when the byte is at least `lo`; no carry crosses into the next byte.
    let ascii = x & !HIGH;
    let at_least = |v: u64, lo: u64| v + (0x80 - lo) * ONES;
    let folded = ascii | 0x2020_2020_2020_2020;
    let letter = at_least(folded, u64::from(b'a')) & !at_least(folded, u64::from(b'z') + 1);
    let digit = at_least(ascii, u64::from(b'0')) & !at_least(ascii, u64::from(b'9') + 1);
    let word = (letter | digit) & !x & HIGH;
    ((!word & HIGH).trailing_zeros() / 8) as usize
}

/// The hash of two adjacent words.
fn pair_hash(pair: &[u64]) -> u64 {
    pair.iter().fold(0x8422_2325_u64, |h, x| mix(h, *x))
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

    /// The word hashes as first written: one character at a time.
    fn words_one_by_one(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut word = WordHash::default();
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
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

    #[test]
    fn word_hashes_as_one_by_one() {
        let texts = [
            "The envoy's 12 ships, Nguy\u{1EC5}n-Th\u{1ECB} and OKAZAKI sailed 3,500km!",
            "a bc abcdefgh abcdefghi ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 z9 @[`{ /:",
            "caf\u{E9}s na\u{EF}vet\u{E9} \u{212A}elvin ab\u{212A}cdefghijk \u{130}stanbul x",
            "\u{201C}Quoted\u{201D} \u{2013} end",
            "",
            "1",
        ];
        for text in texts {
            // Every suffix, so that words meet the end of the text at each offset.
            for (at, _) in text.char_indices() {
                let piece = &text[at..];
                let mut fast = Vec::new();
                words(piece, &mut fast);
                assert_eq!(fast, words_one_by_one(piece), "{piece}");
            }
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b'Z', b'5', b, b'q', b' ', b'x', b'x']);
            let want = if b.is_ascii_alphanumeric() { 5 } else { 3 };
            assert_eq!(alphanumeric_prefix(x), want, "{b}");
        }
    }

    #[test]
    fn general_punctuation_is_never_alphanumeric() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(is_general_punctuation(c) && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{1FFF}') && !is_general_punctuation('\u{2070}'));
    }

    /// The index as first written: every paragraph's pairs sorted and
    /// deduplicated, looked up, then inserted.
    #[derive(Default)]
    struct Reference {
        exact: HashKeyed<usize>,
        postings: HashKeyed<usize>,
        sizes: Vec<usize>,
    }

    impl Reference {
        fn check(&mut self, text: &str, index: usize) -> Option<usize> {
            let words = words_one_by_one(text);
            let key = key_of(&words);
            if let Some(&kept) = self.exact.get(&key) {
                return Some(kept);
            }
            let mut grams: Vec<u64> = words.windows(2).map(pair_hash).collect();
            grams.sort_unstable();
            grams.dedup();
            if words.len() >= MIN_NEAR_WORDS {
                let mut shared = vec![0usize; self.sizes.len()];
                for gram in &grams {
                    if let Some(&kept) = self.postings.get(gram) {
                        shared[kept] += 1;
                    }
                }
                let copied = (0..shared.len())
                    .filter(|&kept| {
                        let larger = grams.len().max(self.sizes[kept]);
                        shared[kept] > 0
                            && larger > 0
                            && shared[kept] as f64 / larger as f64 >= NEAR_COPY
                    })
                    .min();
                if copied.is_some() {
                    return copied;
                }
            }
            self.exact.insert(key, index);
            if self.sizes.len() <= index {
                self.sizes.resize(index + 1, 0);
            }
            self.sizes[index] = grams.len();
            if words.len() >= MIN_NEAR_WORDS {
                for gram in grams {
                    self.postings.entry(gram).or_insert(index);
                }
            }
            None
        }
    }

    #[test]
    fn same_as_the_reference() {
        let vocabulary = [
            "the", "port", "envoy", "met", "on", "Monday", "and", "ships", "left",
        ];
        // A simple generator, so paragraphs share words, pairs and whole texts.
        let mut near = 0;
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        for round in 0..200 {
            let mut fast = Repeats::for_text(if round % 2 == 0 { 0 } else { 4000 });
            let mut reference = Reference::default();
            let mut written: Vec<String> = Vec::new();
            let (mut kept_fast, mut kept_ref) = (0, 0);
            for _ in 0..30 {
                let text = if !written.is_empty() && next(3) == 0 {
                    // A copy with a word or two changed.
                    let mut words: Vec<&str> = written[next(written.len())].split(' ').collect();
                    for _ in 0..next(3) {
                        let at = next(words.len());
                        words[at] = vocabulary[next(vocabulary.len())];
                    }
                    words.join(" ")
                } else {
                    let len = 3 + next(25);
                    (0..len)
                        .map(|_| vocabulary[next(vocabulary.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let got = fast.check(&text, kept_fast);
                let want = reference.check(&text, kept_ref);
                assert_eq!(got, want, "round {round}: {text}");
                if got.is_some() && !written.contains(&text) {
                    near += 1;
                }
                if got.is_none() {
                    kept_fast += 1;
                    kept_ref += 1;
                }
                written.push(text);
            }
        }
        assert!(near > 100, "{near}");
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
