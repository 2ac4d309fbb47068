//! Sentence splitting with byte spans.
//!
//! News prose is full of full stops that do not end sentences: titles ("Gen.",
//! "Mr."), initials ("Stefan J. Bos"), dotted acronyms ("U.S.", "U.N."), months
//! ("Sept. 3"), numbers ("No. 2", "3.5"). A stop ends a sentence only when what
//! follows looks like a new sentence (a capital, a digit or an opening quote after
//! white space), and never after a known abbreviation or an initial. A dotted
//! acronym ends a sentence only when the next word is one that usually opens a
//! sentence ("The", "He", "However"), since "the U.S. Ambassador" is one sentence.
//! Closing quotes and brackets after the stop belong to the sentence they close.
//! A line break ends a sentence unless the next line continues it in lower case,
//! so a headline without final punctuation is a sentence of its own.

use crate::lexicon::word_set;
use crate::Span;

/// Abbreviations that end with a full stop without ending the sentence, lower-cased
/// and without the stop.
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "aug", "ave", "blvd", "brig", "capt", "cdr", "cmdr", "co", "col",
    "corp", "cpl", "dec", "dept", "det", "dr", "e.g", "eg", "est", "etc", "feb", "fig", "fr", "ft",
    "gen", "gov", "hon", "i.e", "ie", "inc", "insp", "jan", "jr", "jul", "jun", "lt", "ltd", "maj",
    "mar", "messrs", "mme", "mr", "mrs", "ms", "msgr", "mt", "nov", "oct", "pp", "pres", "prof",
    "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "vol",
    "vs",
];

word_set!(
    /// [`ABBREVIATIONS`], looked up ignoring ASCII case.
    ABBREVIATION_SET = folded(ABBREVIATIONS)
);

/// Abbreviations that only hold the sentence open before a number ("No. 5").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "art", "p", "para", "sec"];

/// Words that usually open a sentence: after a dotted acronym such as "U.S." they
/// signal that the stop was also the sentence's end.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "but",
    "despite",
    "during",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "meanwhile",
    "more",
    "moreover",
    "mr",
    "ms",
    "now",
    "officials",
    "on",
    "one",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "while",
    "with",
    "yet",
    "you",
];

/// Splits `text` into sentences, returned as byte spans into `text` with the
/// surrounding white space left out.
///
/// ```
/// use newsclaims::split_sentences;
/// let text = "Gen. Ana J. Ruiz met U.N. envoys in the U.S. on Sept. 3. \u{201C}It went well.\u{201D} Talks resume.";
/// let spans = split_sentences(text);
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(sentences, [
///     "Gen. Ana J. Ruiz met U.N. envoys in the U.S. on Sept. 3.",
///     "\u{201C}It went well.\u{201D}",
///     "Talks resume.",
/// ]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split_sentences_into(text, 0, &mut out);
    out
}

/// Appends the sentences of `text` to `out` as [`split_sentences`] gives them,
/// with `offset` added to every span (for a piece of a larger text).
pub(crate) fn split_sentences_into(text: &str, offset: usize, out: &mut Vec<Span>) {
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_mark(bytes, i) {
        i = at;
        let Some(&b) = bytes.get(i) else { break };
        let end = match b {
            b'.' | b'!' | b'?' => terminal_end(text, i, 1),
            // U+2026 HORIZONTAL ELLIPSIS is three bytes starting 0xE2 0x80 0xA6.
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => terminal_end(text, i, 3),
            b'\n' => line_break_end(text, i),
            _ => None,
        };
        match end {
            Some(end) => {
                push_trimmed(text, start, end, offset, out);
                start = end;
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    push_trimmed(text, start, text.len(), offset, out);
}

/// Whether `b` may end a sentence: a terminal mark, the first byte of an
/// ellipsis (or of another character from U+2000 to U+2FFF), a line break.
fn is_mark(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | 0xE2 | b'\n')
}

/// The position of the first byte from `at` that [`is_mark`]. Prose has few,
/// so eight bytes are tested at a time.
fn next_mark(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The lowest byte flagged is exactly the first zero byte of `v`; wrong
    // flags, from the borrow, only come above it.
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & (ONES << 7);
    while let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
    {
        let x = u64::from_le_bytes(eight);
        // `x ^ spread(b)` has a zero byte where `x` has a byte `b`.
        let spread = |b: u8| ONES * u64::from(b);
        let found = zeros(x ^ spread(b'.'))
            | zeros(x ^ spread(b'!'))
            | zeros(x ^ spread(b'?'))
            | zeros(x ^ spread(0xE2))
            | zeros(x ^ spread(b'\n'));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| is_mark(b)).map(|p| at + p)
}

/// Where a sentence ends if the terminal mark of `len` bytes at `at` ends one.
fn terminal_end(text: &str, at: usize, len: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = at + len;
    // Runs of marks ("?!", "...") end together.
    while matches!(bytes.get(end), Some(b'.' | b'!' | b'?')) {
        end += 1;
    }
    end = skip_closers(text, end);
    let rest = text.get(end..)?;
    let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if after_space.is_empty() || after_space.starts_with(['\n', '\r']) {
        return Some(end);
    }
    if after_space.len() == rest.len() {
        // No space after the mark: "3.5", "U.S.-based", "example.com".
        return None;
    }
    if !opens_sentence(after_space) {
        return None;
    }
    if bytes.get(at) == Some(&b'.') && len == 1 && end == at + 1 {
        let word = word_before(text, at);
        if is_abbreviation(word, after_space) {
            return None;
        }
    }
    Some(end)
}

/// Whether the text after a stop and its space starts like a new sentence.
fn opens_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[') => {
            chars.next().is_some_and(|c| c.is_uppercase() || c == '…')
        }
        _ => false,
    }
}

/// Whether the word before a full stop makes the stop part of an abbreviation.
fn is_abbreviation(word: &str, next: &str) -> bool {
    // The lists are lower-case ASCII: ignoring ASCII case is lower-casing.
    if ABBREVIATION_SET.contains(word) {
        return true;
    }
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if next_is_number
        && NUMBER_ABBREVIATIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
    {
        return true;
    }
    let mut chars = word.chars();
    // A single capital is an initial ("J." in "Stefan J. Bos").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // Dotted acronyms ("U.S", "U.N"): end the sentence only before an opener.
    if word.len() >= 3 && word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic())
    {
        let next_word: String = next
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        return !SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    false
}

/// The word (letters and inner dots) that ends right before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    head.get(start..).unwrap_or("")
}

/// Skips closing quotes and brackets that follow a terminal mark.
fn skip_closers(text: &str, mut end: usize) -> usize {
    while let Some(c) = text.get(end..).and_then(|rest| rest.chars().next()) {
        if matches!(
            c,
            '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{BB}'
        ) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Where a sentence ends at a line break, if it does: always at a blank line,
/// and at a single break unless the next line goes on in lower case.
fn line_break_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at + 1..)?;
    let next = rest.trim_start_matches([' ', '\t', '\r', '\u{a0}']);
    if next.starts_with('\n') {
        return Some(at);
    }
    match next.chars().next() {
        Some(c) if c.is_lowercase() => None,
        _ => Some(at),
    }
}

/// Adds the span `start..end` without its surrounding white space, if not
/// empty, moved by `offset`.
fn push_trimmed(text: &str, start: usize, end: usize, offset: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let from = offset + start + lead;
    out.push(Span::new(from, from + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Lee met Gen. Park and Stefan J. Bos. They talked."),
            ["Mr. Lee met Gen. Park and Stefan J. Bos.", "They talked."]
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_openers() {
        assert_eq!(
            split("The U.N. Security Council met. Officials flew to the U.S. The talks ended."),
            [
                "The U.N. Security Council met.",
                "Officials flew to the U.S.",
                "The talks ended."
            ]
        );
        assert_eq!(
            split("He said U.S. Ambassador Ray left."),
            ["He said U.S. Ambassador Ray left."]
        );
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(
            split("It opened on Sept. 3 and No. 4 was 3.5 km long. Then it closed."),
            [
                "It opened on Sept. 3 and No. 4 was 3.5 km long.",
                "Then it closed."
            ]
        );
        assert_eq!(split("Say no. Then go."), ["Say no.", "Then go."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("\u{201C}We will stay.\u{201D} She left. \"Why?\" he asked."),
            [
                "\u{201C}We will stay.\u{201D}",
                "She left.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("a rich (\u{2026}) past\u{2026} That is all... Really."),
            [
                "a rich (\u{2026}) past\u{2026}",
                "That is all...",
                "Really."
            ]
        );
    }

    #[test]
    fn headlines_without_final_punctuation() {
        assert_eq!(
            split("Talks Collapse in Geneva\nThe talks ended on Monday."),
            ["Talks Collapse in Geneva", "The talks ended on Monday."]
        );
        assert_eq!(
            split("The talks ended\nafter midnight."),
            ["The talks ended\nafter midnight."]
        );
    }

    #[test]
    fn lowercase_after_stop_is_not_a_sentence() {
        assert_eq!(
            split("It was 5 p.m. local time."),
            ["It was 5 p.m. local time."]
        );
        assert_eq!(split("See e.g. the report."), ["See e.g. the report."]);
    }

    #[test]
    fn marks_found_at_every_offset() {
        for len in 0..20 {
            for at in 0..len {
                for mark in [b'.', b'!', b'?', 0xE2, b'\n'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = mark;
                    if at + 1 < len {
                        // A later mark must not be found first.
                        bytes[len - 1] = b'.';
                    }
                    assert_eq!(next_mark(&bytes, 0), Some(at));
                    assert_eq!(next_mark(&bytes, at + 1), (at + 1 < len).then_some(len - 1));
                }
            }
            assert_eq!(next_mark(&vec![0x01; len], 0), None);
        }
        // Bytes one off a mark, and a zero byte before one, are not marks.
        let bytes = [0x00, b'-', b'/', b' ', b'>', b'@', 0xE1, 0xE3, 0x0B, b'?'];
        assert_eq!(next_mark(&bytes, 0), Some(9));
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\n ").is_empty());
    }
}
