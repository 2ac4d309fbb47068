//! Word lists looked up by hashing, without allocating: the rules ask "is this
//! word a speech verb / a particle / an organisation head?" for every word of
//! every sentence, so a scan or a bisection of a list per word is too slow.
//!
//! A [`WordSet`] is built once from a `&'static [&str]` list. Lookups ignore
//! ASCII case (the lists hold lower-case words) unless the set was made
//! case-sensitive; a word longer than the longest listed one is rejected
//! before it is hashed.

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
    longest: usize,
    fold_case: bool,
    /// Which bytes (lower-cased when folding) start a listed word: most words
    /// of a text are turned away by this before they are hashed.
    first_bytes: [bool; 256],
}

impl<V: Copy + 'static> WordMap<V> {
    /// A map from `(word, value)` pairs; `fold_case` makes lookups ignore ASCII
    /// case (the listed words must then be lower-case).
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'static str, V)>, fold_case: bool) -> Self {
        let mut map = HashMap::default();
        let mut longest = 0;
        let mut first_bytes = [false; 256];
        for (w, v) in pairs {
            longest = longest.max(w.len());
            if let Some(&b) = w.as_bytes().first() {
                if let Some(slot) = first_bytes.get_mut(usize::from(b)) {
                    *slot = true;
                }
                if fold_case {
                    let upper = usize::from(b.to_ascii_uppercase());
                    if let Some(slot) = first_bytes.get_mut(upper) {
                        *slot = true;
                    }
                }
            }
            map.entry(w).or_insert(v);
        }
        WordMap {
            map,
            longest,
            fold_case,
            first_bytes,
        }
    }

    /// The value of `word`, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        let first = usize::from(*word.as_bytes().first()?);
        if word.len() > self.longest || !self.first_bytes.get(first).copied().unwrap_or(false) {
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
    fn maps_return_values() {
        let map = WordMap::new([("deny", 1u8), ("said", 2)], true);
        assert_eq!(map.get("Denied"), None);
        assert_eq!(map.get("DENY"), Some(1));
        assert_eq!(map.get("said"), Some(2));
    }
}
