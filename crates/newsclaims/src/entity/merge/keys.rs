//! Tables of normalised name keys for merging. An article files a few hundred
//! keys while its mentions are merged; a `String` per key (and a `Vec` per
//! multi-valued key) made allocation the main cost, so here all key text lives
//! in one buffer and the table is a small open-addressing hash table over it.

use std::hash::BuildHasher;

use crate::lexicon::BuildWordHasher;

/// No entry in a slot.
const EMPTY: u32 = u32::MAX;

/// A filed key: where its text is in the buffer, its hash and its value.
#[derive(Debug)]
struct Filed<V> {
    hash: u64,
    start: usize,
    end: usize,
    value: V,
}

/// A map from keys to values that copies each key once into a shared buffer.
#[derive(Debug)]
pub(super) struct KeyTable<V> {
    /// The keys' text, one after another.
    text: String,
    /// The filed keys, in filing order.
    filed: Vec<Filed<V>>,
    /// Open addressing over `filed` (a power of two long, at most half full).
    slots: Vec<u32>,
}

impl<V> Default for KeyTable<V> {
    fn default() -> Self {
        KeyTable {
            text: String::new(),
            filed: Vec::new(),
            slots: Vec::new(),
        }
    }
}

/// The hash of a key.
fn hash_of(key: &str) -> u64 {
    BuildWordHasher::default().hash_one(key)
}

impl<V> KeyTable<V> {
    /// A table sized for about `n` keys.
    pub(super) fn with_capacity(n: usize) -> Self {
        KeyTable {
            text: String::with_capacity(n * 12),
            filed: Vec::with_capacity(n),
            slots: vec![EMPTY; (2 * n).next_power_of_two().max(16)],
        }
    }

    /// The slot that holds `key` or, if it is absent, the empty slot where it
    /// would go.
    fn slot_of(&self, key: &str, hash: u64) -> (usize, Option<usize>) {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return (0, None);
        };
        // Truncation is fine: only the low bits pick the slot.
        let mut at = (hash as usize) & mask;
        loop {
            let entry = self.slots.get(at).copied().unwrap_or(EMPTY);
            if entry == EMPTY {
                return (at, None);
            }
            let k = entry as usize;
            if let Some(f) = self.filed.get(k) {
                if f.hash == hash && self.text.get(f.start..f.end) == Some(key) {
                    return (at, Some(k));
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The value under `key`.
    pub(super) fn get(&self, key: &str) -> Option<&V> {
        let (_, k) = self.slot_of(key, hash_of(key));
        self.filed.get(k?).map(|f| &f.value)
    }

    /// The value under `key`, to change.
    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let (_, k) = self.slot_of(key, hash_of(key));
        self.filed.get_mut(k?).map(|f| &mut f.value)
    }

    /// Files `value` under `key` unless the key is filed already; tells
    /// whether it was filed.
    pub(super) fn insert_new(&mut self, key: &str, value: V) -> bool {
        let hash = hash_of(key);
        let (mut at, found) = self.slot_of(key, hash);
        if found.is_some() {
            return false;
        }
        if 2 * (self.filed.len() + 1) > self.slots.len() {
            self.grow();
            at = self.slot_of(key, hash).0;
        }
        let start = self.text.len();
        self.text.push_str(key);
        self.filed.push(Filed {
            hash,
            start,
            end: self.text.len(),
            value,
        });
        if let Some(slot) = self.slots.get_mut(at) {
            // Fewer than 2^32 keys: their slots would not fit in memory.
            *slot = u32::try_from(self.filed.len() - 1).unwrap_or(EMPTY);
        }
        true
    }

    /// Doubles the slots and files every key again.
    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(16);
        self.slots.clear();
        self.slots.resize(len, EMPTY);
        let mask = len - 1;
        for (k, f) in self.filed.iter().enumerate() {
            let mut at = (f.hash as usize) & mask;
            while self.slots.get(at).is_some_and(|&s| s != EMPTY) {
                at = (at + 1) & mask;
            }
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = u32::try_from(k).unwrap_or(EMPTY);
            }
        }
    }
}

/// A map from keys to lists of drafts, each list in the order its drafts were
/// added and without repeats.
#[derive(Debug, Default)]
pub(super) struct KeyLists {
    /// Key to the first and last node of its list.
    heads: KeyTable<(usize, usize)>,
    /// List nodes: a draft and the next node (`usize::MAX` for none).
    nodes: Vec<(usize, usize)>,
}

impl KeyLists {
    /// Lists sized for about `n` keys.
    pub(super) fn with_capacity(n: usize) -> Self {
        KeyLists {
            heads: KeyTable::with_capacity(n),
            nodes: Vec::with_capacity(n),
        }
    }

    /// Adds `draft` to the list under `key` unless it is there already.
    pub(super) fn add(&mut self, key: &str, draft: usize) {
        let node = self.nodes.len();
        match self.heads.get_mut(key) {
            Some((head, tail)) => {
                let mut at = *head;
                while let Some(&(d, next)) = self.nodes.get(at) {
                    if d == draft {
                        return;
                    }
                    at = next;
                }
                if let Some(last) = self.nodes.get_mut(*tail) {
                    last.1 = node;
                }
                *tail = node;
            }
            None => {
                self.heads.insert_new(key, (node, node));
            }
        }
        self.nodes.push((draft, usize::MAX));
    }

    /// The drafts under `key`, in the order they were added.
    pub(super) fn get(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        let head = self.heads.get(key).map_or(usize::MAX, |&(head, _)| head);
        self.iter_from(head)
    }

    /// The drafts of the list starting at node `head`.
    fn iter_from(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = head;
        std::iter::from_fn(move || {
            let &(draft, next) = self.nodes.get(at)?;
            at = next;
            Some(draft)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{KeyLists, KeyTable};

    #[test]
    fn keys_are_found_after_growing() {
        let mut table: KeyTable<usize> = KeyTable::default();
        assert_eq!(table.get("key"), None);
        let keys: Vec<String> = (0..100).map(|n| format!("key {n}")).collect();
        for (n, k) in keys.iter().enumerate() {
            assert!(table.insert_new(k, n));
        }
        for (n, k) in keys.iter().enumerate() {
            assert_eq!(table.get(k), Some(&n));
        }
        assert_eq!(table.get("key"), None);
        assert!(!table.insert_new("key 7", 0));
        assert_eq!(table.get("key 7"), Some(&7));
    }

    #[test]
    fn lists_keep_order_without_repeats() {
        let mut lists = KeyLists::with_capacity(2);
        for (k, d) in [("a", 3), ("b", 1), ("a", 1), ("a", 3), ("a", 2)] {
            lists.add(k, d);
        }
        assert_eq!(lists.get("a").collect::<Vec<_>>(), [3, 1, 2]);
        assert_eq!(lists.get("b").collect::<Vec<_>>(), [1]);
        assert_eq!(lists.get("c").count(), 0);
    }
}
