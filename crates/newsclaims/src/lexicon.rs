//! Word lists looked up by hashing, without allocating: the rules ask "is this
//! word a speech verb / a particle / an organisation head?" for every word of
//! every sentence, so a scan or a bisection of a list per word is too slow.
//!
//! A [`WordSet`] is built once from a `&'static [&str]` list. Lookups ignore
//! ASCII case (the lists hold lower-case words) unless the set was made
//! case-sensitive; a word whose length, first byte or last byte no listed
//! word has is rejected before it is hashed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hasher for short words, eight bytes at a step
/// (the multiply-rotate scheme of rustc's FxHasher): the keys are our own
/// lists and the article's words, so flooding is not a concern.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut block = [0u8; 8];
            block.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(block));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut block = [0u8; 8];
            if let Some(head) = block.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(block) ^ (rest.len() as u64) << 59);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// The hasher builder for [`WordHasher`].
pub(crate) type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// Longest word that is lower-cased on the stack for a lookup.
const MAX_WORD: usize = 32;

/// A set of words with a value each, looked up without allocating.
pub(crate) struct WordMap<V: 'static> {
    map: HashMap<&'static str, V, BuildWordHasher>,
    fold_case: bool,
    /// Per word length, which first and which last bytes listed words have:
    /// most words of a text are turned away by these before they are hashed.
    ends: Vec<Ends>,
}

/// Bit masks of the first and last bytes of the listed words of one length.
/// A byte is lower-cased when folding, then stands for bit `byte % 64`:
/// bytes sharing a bit only make the filter let more words through to the
/// hash lookup, never fewer.
#[derive(Clone, Copy, Default)]
struct Ends {
    first: u64,
    last: u64,
}

impl Ends {
    fn bit(b: u8) -> u64 {
        1 << (b & 63)
    }

    /// Whether a word with these first and last bytes may be listed.
    fn admit(self, first: u8, last: u8) -> bool {
        self.first & Self::bit(first) != 0 && self.last & Self::bit(last) != 0
    }
}

impl<V: Copy + 'static> WordMap<V> {
    /// A map from `(word, value)` pairs; `fold_case` makes lookups ignore ASCII
    /// case (the listed words must then be lower-case).
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'static str, V)>, fold_case: bool) -> Self {
        let mut map = HashMap::default();
        let mut ends: Vec<Ends> = Vec::new();
        for (w, v) in pairs {
            if ends.len() <= w.len() {
                ends.resize(w.len() + 1, Ends::default());
            }
            let bytes = w.as_bytes();
            if let (Some(&first), Some(&last), Some(slot)) =
                (bytes.first(), bytes.last(), ends.get_mut(w.len()))
            {
                // Listed words are lower-case when folding, so their bytes
                // are taken as they are; a query's bytes are lower-cased.
                slot.first |= Ends::bit(first);
                slot.last |= Ends::bit(last);
            }
            map.entry(w).or_insert(v);
        }
        WordMap {
            map,
            fold_case,
            ends,
        }
    }

    /// Whether `word` may be listed, judged by its length and end bytes only.
    fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let Some(ends) = self.ends.get(word.len()) else {
            return false;
        };
        if self.fold_case {
            ends.admit(first.to_ascii_lowercase(), last.to_ascii_lowercase())
        } else {
            ends.admit(first, last)
        }
    }

    /// The value of `word`, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if !self.may_hold(word.as_bytes()) {
            return None;
        }
        if !self.fold_case || !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.map.get(word).copied();
        }
        let mut buf = [0u8; MAX_WORD];
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps UTF-8 valid.
        let lower = std::str::from_utf8(lower).ok()?;
        self.map.get(lower).copied()
    }
}

/// A set of words, looked up without allocating.
pub(crate) struct WordSet(WordMap<()>);

impl WordSet {
    /// A set of lower-case `words` whose lookups ignore ASCII case.
    pub(crate) fn folded(words: &'static [&'static str]) -> WordSet {
        WordSet(WordMap::new(words.iter().map(|w| (*w, ())), true))
    }

    /// A set of words from any source, kept for the program's life;
    /// `fold_case` as for [`WordMap::new`].
    pub(crate) fn from_words(
        words: impl IntoIterator<Item = &'static str>,
        fold_case: bool,
    ) -> WordSet {
        WordSet(WordMap::new(words.into_iter().map(|w| (w, ())), fold_case))
    }

    /// Whether `word` is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }

    /// Whether any word of `text` (split on non-alphanumerics) is in the set.
    pub(crate) fn any_word_in(&self, text: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| self.contains(w))
    }
}

/// Calls `f` with `word` lower-cased as [`str::to_lowercase`] does it, without
/// allocating when the word is short ASCII (nearly always).
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(word);
        }
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..word.len()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII stays valid UTF-8.
            if let Ok(lower) = std::str::from_utf8(lower) {
                return f(lower);
            }
        }
    }
    f(&word.to_lowercase())
}

/// Appends `word` lower-cased character by character.
pub(crate) fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Declares a lazily built [`WordSet`] static from a list constant.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident = $kind:ident($list:expr)) => {
        $(#[$doc])*
        pub(crate) static $name: std::sync::LazyLock<$crate::lexicon::WordSet> =
            std::sync::LazyLock::new(|| $crate::lexicon::WordSet::$kind($list));
    };
}
pub(crate) use word_set;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_sets_ignore_ascii_case_only() {
        let set = WordSet::folded(&["said", "über"]);
        assert!(set.contains("said"));
        assert!(set.contains("SAID"));
        assert!(set.contains("Said"));
        assert!(!set.contains("sai"));
        assert!(!set.contains("saidx"));
        assert!(set.contains("über"));
        assert!(!set.contains(""));
    }

    #[test]
    fn exact_sets_respect_case() {
        let set = WordSet::from_words(["Ministry"], false);
        assert!(set.contains("Ministry"));
        assert!(!set.contains("ministry"));
    }

    #[test]
    fn any_word_in_splits_on_punctuation() {
        let set = WordSet::folded(&["may", "likely"]);
        assert!(set.any_word_in("It is, likely, true."));
        assert!(!set.any_word_in("Mayday calls"));
    }

    #[test]
    fn the_prefilter_keeps_every_listed_word() {
        const WORDS: &[&str] = &[
            "a",
            "ab",
            "x-ray",
            "o'neill",
            "9/11",
            "\u{E9}t\u{E9}",
            "said",
        ];
        let set = WordSet::folded(WORDS);
        for &w in WORDS {
            assert!(set.contains(w), "{w}");
            assert!(set.contains(&w.to_ascii_uppercase()), "{w}");
        }
        for w in ["b", "ba", "abc", "x-rax", "9/12", "sai", "\u{C9}T\u{C9}"] {
            assert!(!set.contains(w), "{w}");
        }
        let exact = WordSet::from_words(["Ministry", "x"], false);
        assert!(exact.contains("Ministry") && exact.contains("x"));
        assert!(!exact.contains("MinistrY") && !exact.contains("X"));
    }

    #[test]
    fn maps_return_values() {
        let map = WordMap::new([("deny", 1u8), ("said", 2)], true);
        assert_eq!(map.get("Denied"), None);
        assert_eq!(map.get("DENY"), Some(1));
        assert_eq!(map.get("said"), Some(2));
    }

    #[test]
    fn with_lower_matches_to_lowercase() {
        for w in [
            "Said",
            "said",
            "ÉCOLE",
            "Ünal",
            "",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ",
        ] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase());
        }
    }
}
