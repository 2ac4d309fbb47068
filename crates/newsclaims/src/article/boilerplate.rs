//! Lines that belong to the web page around an article, not to the article.
//!
//! Two tests: short lines that are, once lower-cased and stripped of punctuation,
//! exactly one of the page's stock phrases ("Show More", "Leave a Comment"), and
//! lines of any length that carry a phrase only a promotion uses ("syndication
//! service", "sign up for our newsletter"). Exact phrases keep a sentence that
//! merely mentions sharing or comments in the article.

use std::sync::LazyLock;

use crate::lexicon::WordMap;
use crate::RemovalReason;

/// Whole-line stock phrases, lower case, punctuation removed, spaces collapsed.
const EXACT: &[(&str, RemovalReason)] = &[
    ("share", RemovalReason::Share),
    ("share this", RemovalReason::Share),
    ("share this article", RemovalReason::Share),
    ("share this story", RemovalReason::Share),
    ("share on facebook", RemovalReason::Share),
    ("share on twitter", RemovalReason::Share),
    ("share on x", RemovalReason::Share),
    ("share via email", RemovalReason::Share),
    ("facebook", RemovalReason::Share),
    ("twitter", RemovalReason::Share),
    ("whatsapp", RemovalReason::Share),
    ("linkedin", RemovalReason::Share),
    ("telegram", RemovalReason::Share),
    ("email", RemovalReason::Share),
    ("print", RemovalReason::Share),
    ("tweet", RemovalReason::Share),
    ("pin it", RemovalReason::Share),
    ("copy link", RemovalReason::Share),
    ("like this", RemovalReason::Share),
    ("like loading", RemovalReason::Share),
    ("d bloggers like this", RemovalReason::Share),
    ("related", RemovalReason::Related),
    ("related articles", RemovalReason::Related),
    ("related posts", RemovalReason::Related),
    ("related stories", RemovalReason::Related),
    ("related news", RemovalReason::Related),
    ("related topics", RemovalReason::Related),
    ("related content", RemovalReason::Related),
    ("you may also like", RemovalReason::Related),
    ("you might also like", RemovalReason::Related),
    ("you may be interested in", RemovalReason::Related),
    ("read more", RemovalReason::Related),
    ("read also", RemovalReason::Related),
    ("also read", RemovalReason::Related),
    ("see also", RemovalReason::Related),
    ("more stories", RemovalReason::Related),
    ("more from this section", RemovalReason::Related),
    ("recommended", RemovalReason::Related),
    ("recommended for you", RemovalReason::Related),
    ("most read", RemovalReason::Related),
    ("most popular", RemovalReason::Related),
    ("trending", RemovalReason::Related),
    ("trending now", RemovalReason::Related),
    ("latest news", RemovalReason::Related),
    ("top stories", RemovalReason::Related),
    ("leave a comment", RemovalReason::Comments),
    ("leave a reply", RemovalReason::Comments),
    ("post a comment", RemovalReason::Comments),
    ("add a comment", RemovalReason::Comments),
    ("comments", RemovalReason::Comments),
    ("no comments", RemovalReason::Comments),
    ("view comments", RemovalReason::Comments),
    ("show comments", RemovalReason::Comments),
    ("join the conversation", RemovalReason::Comments),
    ("cancel reply", RemovalReason::Comments),
    ("subscribe", RemovalReason::Newsletter),
    ("subscribe now", RemovalReason::Newsletter),
    ("newsletter", RemovalReason::Newsletter),
    ("sign up", RemovalReason::Newsletter),
    ("back to top", RemovalReason::Navigation),
    ("back to top button", RemovalReason::Navigation),
    ("show more", RemovalReason::Navigation),
    ("show less", RemovalReason::Navigation),
    ("load more", RemovalReason::Navigation),
    ("read next", RemovalReason::Navigation),
    ("next article", RemovalReason::Navigation),
    ("previous article", RemovalReason::Navigation),
    ("next post", RemovalReason::Navigation),
    ("previous post", RemovalReason::Navigation),
    ("skip to content", RemovalReason::Navigation),
    ("skip to main content", RemovalReason::Navigation),
    ("continue reading", RemovalReason::Navigation),
    ("scroll to continue", RemovalReason::Navigation),
    ("close", RemovalReason::Navigation),
    ("menu", RemovalReason::Navigation),
    ("home", RemovalReason::Navigation),
    ("search", RemovalReason::Navigation),
    ("go to top", RemovalReason::Navigation),
    ("image", RemovalReason::Navigation),
    ("photo", RemovalReason::Navigation),
    ("video", RemovalReason::Navigation),
    ("listen", RemovalReason::Navigation),
    ("listen to this article", RemovalReason::Navigation),
    ("breaking news", RemovalReason::Promotion),
    ("advertisement", RemovalReason::Promotion),
    ("sponsored", RemovalReason::Promotion),
    ("sponsored content", RemovalReason::Promotion),
    ("ad", RemovalReason::Promotion),
    ("support our journalism", RemovalReason::Promotion),
    ("donate", RemovalReason::Promotion),
    ("download our app", RemovalReason::Promotion),
];

/// Phrases that mark a line of any length as page furniture.
const CONTAINS: &[(&str, RemovalReason)] = &[
    ("bloggers like this", RemovalReason::Share),
    ("click to share", RemovalReason::Share),
    ("share this article", RemovalReason::Share),
    ("share on facebook", RemovalReason::Share),
    (
        "your email address will not be published",
        RemovalReason::Comments,
    ),
    ("comments are closed", RemovalReason::Comments),
    ("sign up for our newsletter", RemovalReason::Newsletter),
    ("subscribe to our newsletter", RemovalReason::Newsletter),
    ("sign up for our", RemovalReason::Newsletter),
    ("delivered to your inbox", RemovalReason::Newsletter),
    ("in your inbox", RemovalReason::Newsletter),
    ("syndication service", RemovalReason::Promotion),
    ("sydication service", RemovalReason::Promotion),
    ("republish our", RemovalReason::Promotion),
    ("follow us on", RemovalReason::Promotion),
    ("all rights reserved", RemovalReason::Promotion),
    ("click here to", RemovalReason::Promotion),
    ("download our app", RemovalReason::Promotion),
    ("support independent journalism", RemovalReason::Promotion),
    ("become a member", RemovalReason::Promotion),
];

/// Lines longer than this are article text unless they carry a promotion phrase.
const MAX_EXACT_LEN: usize = 60;

/// Why `line` is page furniture, if it is.
///
/// ```text
/// "Show More" -> Navigation, "Leave a Comment" -> Comments
/// ```
pub(crate) fn classify(line: &str) -> Option<RemovalReason> {
    if line.len() <= MAX_EXACT_LEN {
        if let Some(reason) = exact_phrase(line) {
            return Some(reason);
        }
    }
    contained_phrase(line)
}

/// The reason of the [`EXACT`] phrase `line` is, once normalised.
fn exact_phrase(line: &str) -> Option<RemovalReason> {
    static PHRASES: LazyLock<WordMap<RemovalReason>> =
        LazyLock::new(|| WordMap::new(EXACT.iter().copied(), false));
    // Short lines are normalised on the stack; only a line with letters
    // outside ASCII (whose lower case may change length) takes a String.
    let mut buf = [0u8; MAX_EXACT_LEN];
    let mut len = 0;
    let mut gap = false;
    for c in line.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && len > 0 {
                push(&mut buf, &mut len, b' ');
            }
            gap = false;
            push(&mut buf, &mut len, c.to_ascii_lowercase() as u8);
        } else if c.is_alphanumeric() {
            return PHRASES.get(&normalise(line));
        } else {
            gap = true;
        }
    }
    let key = std::str::from_utf8(buf.get(..len)?).ok()?;
    PHRASES.get(key)
}

/// Appends `b` to the first `len` bytes of `buf`; a normalised line is never
/// longer than the line, so it always fits.
fn push(buf: &mut [u8], len: &mut usize, b: u8) {
    if let Some(slot) = buf.get_mut(*len) {
        *slot = b;
        *len += 1;
    }
}

/// Lower-cases, drops punctuation and symbols, collapses white space.
fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Distance between the positions of a line whose four bytes are looked up:
/// every [`CONTAINS`] phrase is at least `SAMPLE_STEP + 3` bytes long, so one
/// sampled position falls on its first `SAMPLE_STEP` bytes.
const SAMPLE_STEP: usize = 8;

/// The four bytes at `at`, with ASCII letters lower-cased (and a few other
/// bytes changed, which only lets more candidates through to the check).
fn gram_at(bytes: &[u8], at: usize) -> Option<u32> {
    let four: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(four) | 0x2020_2020)
}

/// An index of the four-byte pieces of the [`CONTAINS`] phrases.
struct PhraseIndex {
    /// One bit per hashed piece: most sampled positions are turned away here.
    filter: [u64; 64],
    /// `(piece, phrase, offset of the piece in the phrase)`, sorted.
    pieces: Vec<(u32, usize, usize)>,
}

impl PhraseIndex {
    fn new() -> PhraseIndex {
        let mut index = PhraseIndex {
            filter: [0; 64],
            pieces: Vec::new(),
        };
        for (phrase, (text, _)) in CONTAINS.iter().enumerate() {
            for offset in 0..SAMPLE_STEP {
                if let Some(piece) = gram_at(text.as_bytes(), offset) {
                    let bit = Self::bit(piece);
                    if let Some(word) = index.filter.get_mut(bit / 64) {
                        *word |= 1 << (bit % 64);
                    }
                    index.pieces.push((piece, phrase, offset));
                }
            }
        }
        index.pieces.sort_unstable();
        index
    }

    fn bit(piece: u32) -> usize {
        (piece.wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    /// The phrases holding `piece`, with its offset in each.
    fn holding(&self, piece: u32) -> &[(u32, usize, usize)] {
        let bit = Self::bit(piece);
        let set = self
            .filter
            .get(bit / 64)
            .is_some_and(|word| word & 1 << (bit % 64) != 0);
        if !set {
            return &[];
        }
        let from = self.pieces.partition_point(|p| p.0 < piece);
        let to = self.pieces.partition_point(|p| p.0 <= piece);
        self.pieces.get(from..to).unwrap_or_default()
    }
}

/// The reason of the [`CONTAINS`] phrase found in `line` (ignoring ASCII
/// case), if any: the leftmost one, and of those starting there the first
/// listed.
fn contained_phrase(line: &str) -> Option<RemovalReason> {
    static INDEX: LazyLock<PhraseIndex> = LazyLock::new(PhraseIndex::new);
    let bytes = line.as_bytes();
    // (start, phrase) of the best match so far.
    let mut best: Option<(usize, usize)> = None;
    let mut at = 0;
    while let Some(piece) = gram_at(bytes, at) {
        for &(_, phrase, offset) in INDEX.holding(piece) {
            let Some(start) = at.checked_sub(offset) else {
                continue;
            };
            let found = CONTAINS.get(phrase).is_some_and(|(text, _)| {
                bytes
                    .get(start..start + text.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(text.as_bytes()))
            });
            if found && best.is_none_or(|b| (start, phrase) < b) {
                best = Some((start, phrase));
            }
        }
        at += SAMPLE_STEP;
    }
    best.and_then(|(_, phrase)| CONTAINS.get(phrase))
        .map(|&(_, reason)| reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_phrases() {
        assert_eq!(classify("Show More"), Some(RemovalReason::Navigation));
        assert_eq!(
            classify("Back to top button"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(classify("Related Articles"), Some(RemovalReason::Related));
        assert_eq!(classify("You may also like"), Some(RemovalReason::Related));
        assert_eq!(classify("Leave a Comment"), Some(RemovalReason::Comments));
        assert_eq!(
            classify("%d bloggers like this:"),
            Some(RemovalReason::Share)
        );
        assert_eq!(classify("Breaking News"), Some(RemovalReason::Promotion));
        assert_eq!(classify("Share this:"), Some(RemovalReason::Share));
    }

    #[test]
    fn phrases_are_long_enough_to_be_sampled() {
        for (phrase, _) in CONTAINS {
            assert!(phrase.len() >= SAMPLE_STEP + 3, "{phrase}");
            assert_eq!(phrase.to_ascii_lowercase(), *phrase);
        }
    }

    #[test]
    fn contained_phrases_anywhere_leftmost_first() {
        let pad = "x".repeat(13);
        for (i, (phrase, reason)) in CONTAINS.iter().enumerate() {
            for lead in 0..13 {
                let line = format!("{}{}{}", &pad[..lead], phrase.to_uppercase(), "!");
                let first = CONTAINS
                    .iter()
                    .take(i)
                    .find(|(p, _)| line[lead..].to_lowercase().starts_with(p));
                let want = first.map_or(*reason, |(_, r)| *r);
                assert_eq!(contained_phrase(&line), Some(want), "{line}");
            }
        }
        assert_eq!(
            contained_phrase("In your inbox: click to share this"),
            Some(RemovalReason::Newsletter)
        );
        assert_eq!(contained_phrase("Nothing to see in here at all."), None);
    }

    #[test]
    fn same_as_an_automaton() {
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .ascii_case_insensitive(true)
            .build(CONTAINS.iter().map(|(p, _)| p))
            .unwrap();
        let bits = [
            "sign up ",
            "for our",
            " newsletter",
            "click ",
            "here to",
            " share",
            "In Your ",
            "inbox",
            "x",
            " ",
            "é",
            "\u{2019}",
            "all rights",
            " reserved",
            "follow us on",
        ];
        // Every sequence of four pieces, rotated through the list.
        for a in 0..bits.len() {
            for b in 0..bits.len() {
                for c in 0..bits.len() {
                    let line = format!(
                        "{}{}{}{}",
                        bits[a],
                        bits[b],
                        bits[c],
                        bits[(a + b) % bits.len()]
                    );
                    let want = automaton
                        .find(&line)
                        .and_then(|m| CONTAINS.get(m.pattern().as_usize()))
                        .map(|&(_, r)| r);
                    assert_eq!(contained_phrase(&line), want, "{line}");
                }
            }
        }
    }

    #[test]
    fn promotions_of_any_length() {
        let line =
            "Readers who like our reporting can use our free syndication service to republish it.";
        assert_eq!(classify(line), Some(RemovalReason::Promotion));
    }

    #[test]
    fn article_sentences_stay() {
        assert_eq!(
            classify("Officials declined to comment on the share price."),
            None
        );
        assert_eq!(
            classify("The minister will share more details on Monday."),
            None
        );
        assert_eq!(classify("Home"), Some(RemovalReason::Navigation));
        assert_eq!(
            classify("Home Office officials said the plan was dropped."),
            None
        );
    }
}
