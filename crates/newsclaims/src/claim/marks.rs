//! Where the words that matter to claims stand in an article: hedges,
//! negations, words of the future, speech verbs, "according" and accusing
//! words, found in one pass over the text.
//!
//! The rules ask "does this span hedge / negate / speak of the future / hold a
//! speech verb?" for every sentence and quote, often several times; scanning
//! each span again and hashing each word once per list was most of the cost of
//! claim extraction. [`Marks`] answers for a span by bisection instead.
//!
//! A span's words are its text split on non-alphanumeric characters. Those
//! inside it are words of the whole text too; only the first and the last may
//! be cut out of longer words by the span's ends, so they are looked up apart.

use std::sync::LazyLock;

use super::cue::{ACCUSING, CUES, FUTURE_WORDS, HEDGES, NEGATIONS};
use crate::lexicon::word_set;
use crate::Span;

/// A hedge ([`HEDGES`]).
pub(crate) const HEDGE: u8 = 1;
/// A negation ([`NEGATIONS`] or "n't").
pub(crate) const NEGATION: u8 = 1 << 1;
/// A word or phrase of the future ([`FUTURE_WORDS`], "expected to", ...).
pub(crate) const FUTURE: u8 = 1 << 2;
/// A speech verb ([`CUES`]).
pub(crate) const CUE: u8 = 1 << 3;
/// The word "according".
pub(crate) const ACCORDING: u8 = 1 << 4;
/// An accusing word ([`ACCUSING`]).
pub(crate) const ACCUSING_WORD: u8 = 1 << 5;

/// Longest listed word, in bytes: words are packed into a `u128`.
const MAX_LEN: usize = 16;

/// Phrases that count wherever they stand (not only after a word break),
/// ignoring ASCII case: each is a word ending, a space and "to".
const FUTURE_PHRASES: [&[u8]; 3] = [b"expected", b"likely", b"plans"];

/// Negating endings, matched as written: "n" ends a word, then these.
const NOT_ENDINGS: [&[u8]; 2] = [b"'t", "\u{2019}t".as_bytes()];

/// A word or phrase with flags, at a byte range of the text.
#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
    flags: u8,
}

/// The flagged words and phrases of part of a text, in order of start.
pub(crate) struct Marks {
    marks: Vec<Mark>,
    /// The part scanned.
    range: Span,
}

impl Marks {
    /// Finds the flagged words and phrases of `range` of `text` (the part
    /// that spans will be asked about; others are scanned when asked).
    pub(crate) fn new(text: &str, range: Span) -> Marks {
        let part = text.get(range.range()).unwrap_or("");
        // Roughly one flagged word in a hundred bytes of news prose.
        let mut marks = Vec::with_capacity(part.len() / 64);
        for_each_word(part, |start, end, flags| {
            if flags != 0 {
                marks.push(Mark {
                    start: range.start + start,
                    end: range.start + end,
                    flags,
                });
            }
        });
        // A phrase starts inside the word it ends with, so the marks come
        // in order already; sort only if that ever changes.
        if !marks.is_sorted_by_key(|m| m.start) {
            marks.sort_by_key(|m| m.start);
        }
        let range = if part.is_empty() {
            Span::new(0, 0)
        } else {
            range
        };
        Marks { marks, range }
    }

    /// The flags of the words and phrases of `span` of `text`: what
    /// [`str_flags`] gives for the span's text.
    pub(crate) fn in_span(&self, text: &str, span: Span) -> u8 {
        let Some(s) = text.get(span.range()) else {
            return 0;
        };
        if !self.range.contains(span) {
            return str_flags(s);
        }
        // A word that the scanned part cuts at its ends is cut at the same
        // place in a span within the part, so it is the span's first or last
        // word and looked up below.
        let mut flags = 0;
        for m in self.inside(span) {
            flags |= m.flags;
        }
        flags | word_flags(first_word(s)) | word_flags(last_word(s))
    }

    /// The words with `flag` inside `span` (those that `span` cuts at its ends
    /// excepted), in order; `None` if `span` was not scanned.
    pub(crate) fn words_in(&self, span: Span, flag: u8) -> Option<impl Iterator<Item = Span> + '_> {
        self.range.contains(span).then(|| {
            self.inside(span)
                .filter(move |m| m.flags & flag != 0)
                .map(|m| Span::new(m.start, m.end))
        })
    }

    /// The marks inside `span`.
    fn inside(&self, span: Span) -> impl Iterator<Item = &Mark> + '_ {
        let from = self.marks.partition_point(|m| m.start < span.start);
        self.marks
            .get(from..)
            .unwrap_or(&[])
            .iter()
            // Marks are short: the first one past the span ends the search.
            .take_while(move |m| m.start < span.end)
            .filter(move |m| m.end <= span.end)
    }
}

/// The first word of `s` (maybe empty), as splitting on non-alphanumeric
/// characters gives it; without decoding characters when it is plain ASCII.
fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    match bytes.iter().position(|b| !b.is_ascii_alphanumeric()) {
        None => s,
        // ASCII letters and digits up to an ASCII separator.
        Some(k) if bytes.get(k).is_some_and(u8::is_ascii) => s.get(..k).unwrap_or(""),
        Some(_) => s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
    }
}

/// The last word of `s` (maybe empty), as [`first_word`] gives the first.
fn last_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    match bytes.iter().rposition(|b| !b.is_ascii_alphanumeric()) {
        None => s,
        Some(k) if bytes.get(k).is_some_and(u8::is_ascii) => s.get(k + 1..).unwrap_or(""),
        Some(_) => s
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or(""),
    }
}

/// The flags of the words and phrases of `s`. Words are matched ignoring ASCII
/// case, as [`crate::lexicon::WordSet`] does, except accusing words: those are
/// the words of `s.to_lowercase()`.
pub(crate) fn str_flags(s: &str) -> u8 {
    let mut flags = 0;
    for_each_word(s, |_, _, f| flags |= f);
    flags
}

/// The flags of one word (a run of alphanumeric characters, maybe empty).
fn word_flags(word: &str) -> u8 {
    let bytes = word.as_bytes();
    if !bytes.is_empty() && bytes.len() <= MAX_LEN && bytes.iter().all(u8::is_ascii_alphabetic) {
        TABLE.get(bytes)
    } else {
        lowered_flags(word)
    }
}

/// [`ACCUSING_WORD`] if a word that is not all ASCII letters gives an accusing
/// word once lower-cased.
fn lowered_flags(word: &str) -> u8 {
    // Only two characters lower-case to ASCII: "İ" (to "i" and a combining
    // dot, which also splits the word) and the Kelvin sign. Without them a
    // word that is not ASCII stays so.
    if !word.contains(['\u{130}', '\u{212A}']) {
        return 0;
    }
    if ACCUSING_SET.any_word_in(&word.to_lowercase()) {
        ACCUSING_WORD
    } else {
        0
    }
}

word_set!(
    /// [`ACCUSING`] as a set.
    ACCUSING_SET = folded(ACCUSING)
);

/// Byte classes: an ASCII letter, an ASCII digit, any other ASCII byte, or a
/// byte of a multi-byte character.
const LETTER: u8 = 0b011;
/// See [`LETTER`].
const DIGIT: u8 = 0b001;
/// See [`LETTER`].
const OTHER: u8 = 0;
/// See [`LETTER`].
const MULTI: u8 = 0b100;

/// The class of byte `b`, computed.
const fn class_of(b: u8) -> u8 {
    if b.is_ascii_alphabetic() {
        LETTER
    } else if b.is_ascii_digit() {
        DIGIT
    } else if b >= 0x80 {
        MULTI
    } else {
        OTHER
    }
}

/// The class of every byte.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut b: u8 = 0;
    while let [slot, tail @ ..] = rest {
        *slot = class_of(b);
        rest = tail;
        b = b.wrapping_add(1);
    }
    table
};

/// The class of byte `b`.
#[inline]
fn class(b: u8) -> u8 {
    CLASS.get(usize::from(b)).copied().unwrap_or(OTHER)
}

/// A word being read by [`for_each_word`].
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    /// Its first and last bytes, for the table's filter.
    first: u8,
    last: u8,
    /// Whether it holds a character that is not ASCII.
    multi: bool,
}

/// Calls `f(start, end, flags)` for each maximal run of alphanumeric
/// characters of `text` and for each phrase ending with one, as
/// [`str_flags`] flags them.
fn for_each_word(text: &str, mut f: impl FnMut(usize, usize, u8)) {
    let bytes = text.as_bytes();
    let table = &*TABLE;
    // Most words are plain ASCII, and most are turned away by the table's
    // filter from their length and end letters alone: the loops over the
    // bytes do little more than find where words start and end.
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        let start = i;
        i += 1;
        let mut multi = false;
        if !ascii_alnum(first) {
            // Bytes after a character's first go with it, here skipped.
            if !is_lead(first) || !multi_byte_char(text, start).0 {
                continue;
            }
            multi = true;
        }
        loop {
            let rest = bytes.get(i..).unwrap_or(&[]);
            i += rest
                .iter()
                .position(|&b| !ascii_alnum(b))
                .unwrap_or(rest.len());
            match bytes.get(i) {
                // The bytes after the first of an alphanumeric character.
                Some(&b) if is_continuation(b) || is_lead(b) && multi_byte_char(text, i).0 => {
                    multi = true;
                    i += 1;
                }
                _ => break,
            }
        }
        let word = Word {
            start,
            first,
            last: bytes.get(i.wrapping_sub(1)).copied().unwrap_or(first),
            multi,
        };
        word_done(text, table, word, i, &mut f);
    }
}

/// Whether `b` is an ASCII letter or digit.
#[inline]
fn ascii_alnum(b: u8) -> bool {
    class(b) & DIGIT != 0
}

/// Whether `b` starts a character of more than one byte.
#[inline]
fn is_lead(b: u8) -> bool {
    b >= 0xC0
}

/// Whether `b` is a byte after the first of a character.
#[inline]
fn is_continuation(b: u8) -> bool {
    class(b) == MULTI && !is_lead(b)
}

/// Calls `f` for word `w`, which ends at byte `end` of `text`, and for the
/// phrases ending with it.
#[inline]
fn word_done(text: &str, table: &Table, w: Word, end: usize, f: &mut impl FnMut(usize, usize, u8)) {
    let bytes = text.as_bytes();
    let mut flags = if w.multi {
        lowered_flags(text.get(w.start..end).unwrap_or(""))
    } else if table.may_hold(end - w.start, w.first, w.last) {
        table.get(bytes.get(w.start..end).unwrap_or(&[]))
    } else {
        0
    };
    if flags & FUTURE != 0 && !speaks_of_future(bytes, w.start, end) {
        flags &= !FUTURE;
    }
    f(w.start, end, flags);
    // Phrases go on with a space ("expected to") or an apostrophe ("n't").
    if matches!(bytes.get(end), Some(b' ' | b'\'' | 0xE2)) {
        phrases_at(bytes, end, f);
    }
}

/// Whether the future word at `start..end` of `bytes` speaks of the future
/// there: not "May" the month ("talks in May", "May 5"), not a modal that
/// ends its clause ("as any army would."), not "could not" (a past
/// inability).
fn speaks_of_future(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = bytes.get(start..end).unwrap_or(&[]);
    let next = bytes.get(end).copied();
    if word == b"May" {
        let before = bytes
            .get(..start)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|b| **b != b' ');
        let in_sentence = before.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
        let dated = next == Some(b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        return !(in_sentence || dated);
    }
    if word.eq_ignore_ascii_case(b"would") || word.eq_ignore_ascii_case(b"could") {
        let clause_ends =
            next.is_some_and(|b| matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?' | b')'));
        let rest = bytes.get(end..).unwrap_or(&[]);
        let past_inability = word.eq_ignore_ascii_case(b"could")
            && (rest.starts_with(b" not ")
                || rest.starts_with(b"n't")
                || rest.starts_with("n\u{2019}t".as_bytes()));
        return !(clause_ends || past_inability);
    }
    true
}

/// Whether the character starting at byte `i` of `text` (not ASCII) is
/// alphanumeric, and its length.
#[inline]
fn multi_byte_char(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // U+2000 to U+203F (dashes, curly quotes, ellipsis) are all punctuation.
    if bytes.get(i) == Some(&0xE2) && bytes.get(i + 1) == Some(&0x80) {
        return (false, 3);
    }
    text.get(i..)
        .and_then(|r| r.chars().next())
        .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

/// Calls `f(start, end, flags)` for the phrases that end a word at byte `end`
/// of `bytes`: "expected to" (ignoring ASCII case, inside words too) and
/// "n't".
#[inline]
fn phrases_at(bytes: &[u8], end: usize, f: &mut impl FnMut(usize, usize, u8)) {
    let rest = bytes.get(end..).unwrap_or(&[]);
    if rest.first() == Some(&b' ')
        && rest
            .get(1..3)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"to"))
    {
        for p in FUTURE_PHRASES {
            let start = end.wrapping_sub(p.len());
            if bytes
                .get(start..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
            {
                f(start, end + 3, FUTURE);
            }
        }
    }
    if end > 0 && bytes.get(end - 1) == Some(&b'n') {
        for ending in NOT_ENDINGS {
            if rest.starts_with(ending) {
                f(end - 1, end + ending.len(), NEGATION);
            }
        }
    }
}

/// ASCII letters, at most [`MAX_LEN`], packed lower case.
#[inline]
fn pack(letters: &[u8]) -> u128 {
    // Built in two registers: bytes stored one by one and read back as a whole
    // stall the processor.
    let (mut lo, mut hi) = (0u64, 0u64);
    for (n, &b) in letters.iter().enumerate() {
        let lower = u64::from(b | 0x20);
        if n < 8 {
            lo |= lower << (8 * n);
        } else {
            hi |= lower << (8 * (n - 8));
        }
    }
    u128::from(lo) | u128::from(hi) << 64
}

/// Index of an ASCII letter, either case, from 1 to 26.
#[inline]
fn letter_index(b: u8) -> u32 {
    u32::from(b & 31)
}

/// The listed words, packed, with their flags: an open-addressed hash table,
/// small enough to stay in the first-level cache, behind a filter on length,
/// first and last letter that turns most unlisted words away before hashing.
struct Table {
    keys: Vec<u128>,
    flags: Vec<u8>,
    /// For each length and first letter, a bit per possible last letter.
    filter: Vec<u32>,
}

/// Slots of the table, a power of two well above the number of words.
const SLOTS: usize = 1 << 9;

impl Table {
    /// The table of every list.
    fn build() -> Table {
        let mut table = Table {
            keys: vec![0; SLOTS],
            flags: vec![0; SLOTS],
            filter: vec![0; (MAX_LEN + 1) * 32],
        };
        let lists: [(&[&str], u8); 4] = [
            (HEDGES, HEDGE),
            (NEGATIONS, NEGATION),
            (FUTURE_WORDS, FUTURE),
            (ACCUSING, ACCUSING_WORD),
        ];
        for (list, flag) in lists {
            for w in list {
                table.insert(w, flag);
            }
        }
        for (w, _) in CUES {
            table.insert(w, CUE);
        }
        table.insert("according", ACCORDING);
        table
    }

    /// The filter word for words of `len` bytes starting with `first`.
    fn filter_index(len: usize, first: u8) -> usize {
        len * 32 + usize::from(first & 31)
    }

    /// Adds `flag` to `word` (lower-case ASCII letters).
    fn insert(&mut self, word: &str, flag: u8) {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return;
        };
        if bytes.len() > MAX_LEN || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return;
        }
        if let Some(bits) = self.filter.get_mut(Table::filter_index(bytes.len(), first)) {
            *bits |= 1 << letter_index(last);
        }
        let key = pack(bytes);
        let mut i = slot(key);
        // The table is far from full, so a free slot is always found.
        for _ in 0..SLOTS {
            if let (Some(k), Some(f)) = (self.keys.get_mut(i), self.flags.get_mut(i)) {
                if *k == key || *k == 0 {
                    *k = key;
                    *f |= flag;
                    return;
                }
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// Whether a word of `len` bytes from `first` to `last` may be listed:
    /// false for most words, which then need no packing.
    #[inline]
    fn may_hold(&self, len: usize, first: u8, last: u8) -> bool {
        let bits = self
            .filter
            .get(Table::filter_index(len, first))
            .copied()
            .unwrap_or(0);
        bits & 1 << letter_index(last) != 0
    }

    /// The flags of a word of 1 to [`MAX_LEN`] ASCII letters (0 when not
    /// listed).
    #[inline]
    fn get(&self, word: &[u8]) -> u8 {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return 0;
        };
        if !self.may_hold(word.len(), first, last)
            || word.len() > MAX_LEN
            || !word.iter().all(u8::is_ascii_alphabetic)
        {
            return 0;
        }
        let key = pack(word);
        let mut i = slot(key);
        for _ in 0..SLOTS {
            match self.keys.get(i) {
                Some(&k) if k == key => return self.flags.get(i).copied().unwrap_or(0),
                Some(0) | None => return 0,
                Some(_) => i = (i + 1) % SLOTS,
            }
        }
        0
    }
}

/// The home slot of a packed word.
#[inline]
fn slot(key: u128) -> usize {
    // Truncations keep the halves' bits that matter for mixing.
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    let h = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The table, built once.
static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::WordSet;

    /// The flags the word lists give for `text`, the slow way.
    fn slow(text: &str) -> u8 {
        let mut flags = 0;
        let sets: [(&'static [&'static str], u8); 3] = [
            (HEDGES, HEDGE),
            (NEGATIONS, NEGATION),
            (FUTURE_WORDS, FUTURE),
        ];
        for (list, flag) in sets {
            if WordSet::folded(list).any_word_in(text) {
                flags |= flag;
            }
        }
        let lower = text.to_ascii_lowercase();
        for p in ["expected to", "likely to", "plans to"] {
            if lower.contains(p) {
                flags |= FUTURE;
            }
        }
        if text.contains("n't") || text.contains("n\u{2019}t") {
            flags |= NEGATION;
        }
        if text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| super::super::cue::cue_kind(w).is_some())
        {
            flags |= CUE;
        }
        if text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("according"))
        {
            flags |= ACCORDING;
        }
        if text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ACCUSING.contains(&w))
        {
            flags |= ACCUSING_WORD;
        }
        flags
    }

    #[test]
    fn spans_agree_with_their_text() {
        let text = "Officials SAID they wouldn\u{2019}t go. Unexpected tomorrow, \
                    it may rain; accordingly Über-said no\u{2014}never\u{201D} PLANS TO. \
                    \u{130}LLEGAL x\u{130}fraud Fraud2 \u{212A}Lied \u{201C}According to\u{201D} \
                    N'T don't notaverylongwordthatgoeson Lied";
        let marks = Marks::new(text, Span::new(0, text.len()));
        // Scanned in part, spans outside are looked at themselves.
        let part = Marks::new(text, Span::new(9, 60));
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let span = Span::new(a, b);
                let s = &text[a..b];
                assert_eq!(marks.in_span(text, span), slow(s), "{s:?}");
                assert_eq!(part.in_span(text, span), slow(s), "{s:?}");
                assert_eq!(str_flags(s), slow(s), "{s:?}");
            }
        }
    }

    #[test]
    fn accusing_words_follow_lower_casing() {
        assert_ne!(str_flags("They LIED.") & ACCUSING_WORD, 0);
        assert_eq!(str_flags("They lied2.") & ACCUSING_WORD, 0);
        // "İ" lower-cases to "i" and a combining dot, which splits the word.
        assert_ne!(str_flags("x\u{130}fraud") & ACCUSING_WORD, 0);
        assert_eq!(str_flags("xfraud") & ACCUSING_WORD, 0);
    }
}
