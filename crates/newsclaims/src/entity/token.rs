//! Words of a sentence with their byte spans and shape.
//!
//! A word is a run of letters and digits, joined across inner hyphens and
//! apostrophes ("Thomas-Greenfield", "O'Brien", "1950-53"); dotted acronyms
//! ("U.S.", "U.N.") and initials ("J.") keep their dots. A possessive ending
//! ("'s", "’s") is left out of the word, so "Russia’s" gives the word "Russia".

use crate::Span;

/// One word of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the article text.
    pub span: Span,
    /// Whether a possessive ending follows the word.
    pub possessive: bool,
    /// Whether only spaces separate this word from the one before.
    pub joined: bool,
    /// Whether the word starts with a capital letter (see [`is_capitalised`]),
    /// which the name rules ask of every word around a name.
    pub capitalised: bool,
    /// Whether the word has a hyphen inside ("Saudi-led", "al-Assad").
    pub hyphenated: bool,
}

impl Token {
    /// The word's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.range()).unwrap_or("")
    }
}

/// Splits the sentence `span` of `text` into words.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// [`tokenize`] into a buffer, which is cleared first.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let sentence = text.get(span.range()).unwrap_or("");
    let bytes = sentence.as_bytes();
    // About one word in six bytes of news prose.
    out.reserve(sentence.len() / 6 + 1);
    let mut pos = 0;
    let mut gap_is_space = true;
    while let Some(&b) = bytes.get(pos) {
        let class = byte_class(b);
        // Spaces and punctuation between words are mostly plain ASCII: step
        // over them without decoding a char.
        if class & GAP != 0 {
            gap_is_space &= b == b' ';
            pos += 1;
            continue;
        }
        if class & ALNUM == 0 {
            let Some(c) = char_at(sentence, pos) else {
                break;
            };
            if !is_alnum(c) {
                gap_is_space &= c == '\u{a0}';
                pos += c.len_utf8();
                continue;
            }
        }
        let start = pos;
        let (end, possessive, next, capitalised, hyphenated) = match plain_word_end(bytes, start) {
            Some(end) => (end, false, end, b.is_ascii_uppercase(), false),
            None => {
                let (end, possessive, next) = word_end(sentence, start);
                let word = sentence.get(start..end).unwrap_or("");
                (
                    end,
                    possessive,
                    next,
                    is_capitalised(word),
                    word.contains('-'),
                )
            }
        };
        pos = next;
        out.push(Token {
            span: Span::new(span.start + start, span.start + end),
            possessive,
            joined: gap_is_space && !out.is_empty(),
            capitalised,
            hyphenated,
        });
        gap_is_space = !possessive;
    }
}

/// [`byte_class`] bit of ASCII letters and digits.
const ALNUM: u8 = 1;
/// [`byte_class`] bit of ASCII bytes that are not letters or digits.
const GAP: u8 = 2;
/// [`byte_class`] bit of ASCII bytes that end a word with nothing more to
/// check: neither letters nor digits, nor a hyphen, an apostrophe or a dot,
/// which may join words, mark a possessive or end an initial.
const PLAIN_END: u8 = 4;

/// The classes of the bytes (zero for those of non-ASCII chars), so that the hot
/// loops test one table entry per byte.
// Evaluated when compiling, where an index out of bounds fails the build.
#[allow(clippy::indexing_slicing)]
const BYTE_CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0u8;
    while b < 128 {
        let class = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b'-' | b'\'' | b'.') {
            GAP
        } else {
            GAP | PLAIN_END
        };
        classes[b as usize] = class;
        b += 1;
    }
    classes
};

/// The class bits of byte `b`.
fn byte_class(b: u8) -> u8 {
    BYTE_CLASSES.get(usize::from(b)).copied().unwrap_or(0)
}

/// The end of a plain ASCII word at `start` when nothing after it can extend
/// it or make it possessive: the next byte is the end or plain ASCII other
/// than a hyphen or an apostrophe, and a dot only after two letters or more
/// (an initial keeps its dot). This ends most words of news prose without the
/// checks of [`word_end`].
fn plain_word_end(bytes: &[u8], start: usize) -> Option<usize> {
    let len = bytes
        .get(start..)?
        .iter()
        .position(|&b| byte_class(b) & ALNUM == 0)
        .unwrap_or(bytes.len() - start);
    let end = start + len;
    match bytes.get(end) {
        _ if len == 0 => None,
        Some(b'.') if len >= 2 => Some(end),
        Some(&b) if byte_class(b) & PLAIN_END == 0 => None,
        _ => Some(end),
    }
}

/// The word starting at byte `start` of `sentence` (an alphanumeric char):
/// its end, whether a possessive ending follows it, and where to go on
/// reading after it (past the possessive ending).
fn word_end(sentence: &str, start: usize) -> (usize, bool, usize) {
    let bytes = sentence.as_bytes();
    let mut end = start + char_at(sentence, start).map_or(1, char::len_utf8);
    loop {
        // Most words are plain ASCII: take their letters byte by byte.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let j = end;
        let Some(d) = char_at(sentence, j) else { break };
        if is_alnum(d) {
            end = j + d.len_utf8();
            continue;
        }
        let after = char_at(sentence, j + d.len_utf8());
        let next_alnum = after.is_some_and(is_alnum);
        let is_possessive = matches!(d, '\'' | '\u{2019}')
            && matches!(after, Some('s'))
            && !char_at(sentence, j + d.len_utf8() + 1).is_some_and(is_alnum);
        // "Cold War-era", "Kremlin-backed": a capitalised word and a
        // compound suffix are two words, so the name ends at the hyphen.
        let suffix = d == '-'
            && sentence
                .get(start..end)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && sentence
                .get(j + 1..)
                .is_some_and(|rest| COMPOUND_SUFFIXES.contains(leading_word(rest)));
        if matches!(d, '-' | '\'' | '\u{2019}') && next_alnum && !is_possessive && !suffix {
            end = j + d.len_utf8();
            continue;
        }
        // A dot after a single capital ("U.", "J.") belongs to the word.
        if d == '.' && letters_since_dot(sentence, start, end) == 1 {
            let first = sentence.get(start..end).and_then(|w| w.chars().last());
            if first.is_some_and(char::is_uppercase) {
                end = j + 1;
                // Go on through "U.S." but stop before a space.
                if after.is_some_and(char::is_uppercase) {
                    continue;
                }
            }
        }
        break;
    }
    // A plural possessive inside a name ("Workers’ Party") keeps the
    // apostrophe, so the name runs on to the next word.
    let tail = sentence.get(end..).unwrap_or("");
    let word_ends_s = sentence
        .get(start..end)
        .is_some_and(|w| w.ends_with('s') && w.len() > 2);
    // Before a lower-case word ("the States’ influence") the apostrophe
    // only marks a possessive, which is left out of the word.
    let mut possessive = false;
    let mut skip = 0;
    for apostrophe in ['\'', '\u{2019}'] {
        let after = tail.get(apostrophe.len_utf8()..);
        if word_ends_s && tail.starts_with(apostrophe) && after.is_some_and(|r| r.starts_with(' '))
        {
            let name_follows = after
                .and_then(|r| r.trim_start().chars().next())
                .is_some_and(char::is_uppercase);
            if name_follows {
                end += apostrophe.len_utf8();
            } else {
                possessive = true;
                skip = apostrophe.len_utf8();
            }
        }
    }
    let mut pos = end + skip;
    let rest = sentence.get(end..).unwrap_or("");
    for apostrophe in ["'s", "\u{2019}s"] {
        if rest.starts_with(apostrophe)
            && !rest
                .get(apostrophe.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_alnum)
        {
            possessive = true;
            // Skip the ending.
            pos = end + apostrophe.len();
        }
    }
    (end, possessive, pos)
}

crate::lexicon::word_set!(
    /// Lower-case words that follow a name after a hyphen to make an
    /// adjective ("U.S.-based", "Soviet-era"), unlike the second half of a
    /// given name ("Sun-lac").
    COMPOUND_SUFFIXES = folded(&[
        "aligned", "allied", "backed", "based", "born", "bound", "brokered", "built", "class",
        "controlled", "dominated", "era", "funded", "held", "inspired", "led", "level", "linked",
        "made", "occupied", "owned", "register", "registered", "related", "run", "sponsored",
        "style", "supported", "themed", "wide",
    ])
);

/// The run of letters at the start of `s`.
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or("")
}

/// `char::is_alphanumeric` without the Unicode tables for the characters news
/// is full of: ASCII, and the general punctuation block (curly quotes, dashes,
/// ellipsis), which holds no letters or digits.
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// The character at byte `at` of `s`, if `at` is a char boundary inside it.
fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(at..).and_then(|r| r.chars().next()),
    }
}

/// Letters after the last dot in `sentence[start..end]`.
fn letters_since_dot(sentence: &str, start: usize, end: usize) -> usize {
    sentence
        .get(start..end)
        .map_or(0, |w| w.rsplit('.').next().map_or(0, |p| p.chars().count()))
}

/// Whether a word starts with a capital letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is written all in capitals (two letters or more).
pub(crate) fn is_all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| (t.text(text), t.possessive))
            .collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(
            words("U.S.-based Umbra, Stefan J. Bos and Linda Thomas-Greenfield’s team in 1950-53."),
            [
                ("U.S.", false),
                ("based", false),
                ("Umbra", false),
                ("Stefan", false),
                ("J.", false),
                ("Bos", false),
                ("and", false),
                ("Linda", false),
                ("Thomas-Greenfield", true),
                ("team", false),
                ("in", false),
                ("1950-53", false),
            ]
        );
    }

    #[test]
    fn possessives_and_apostrophes() {
        assert_eq!(
            words("Russia's O'Brien"),
            [("Russia", true), ("O'Brien", false)]
        );
        assert_eq!(
            words("the U.N. said"),
            [("the", false), ("U.N.", false), ("said", false)]
        );
    }

    #[test]
    fn compound_suffixes_end_a_name() {
        assert_eq!(
            words("a Cold War-era pact, U.S.-based firms and Wi Sun-lac"),
            [
                ("a", false),
                ("Cold", false),
                ("War", false),
                ("era", false),
                ("pact", false),
                ("U.S.", false),
                ("based", false),
                ("firms", false),
                ("and", false),
                ("Wi", false),
                ("Sun-lac", false),
            ]
        );
    }

    #[test]
    fn plural_possessives() {
        assert_eq!(
            words("the States\u{2019} influence and the Workers\u{2019} Party"),
            [
                ("the", false),
                ("States", true),
                ("influence", false),
                ("and", false),
                ("the", false),
                ("Workers\u{2019}", false),
                ("Party", false),
            ]
        );
    }

    #[test]
    fn joined_flags() {
        let text = "Kim Jong Un, Li";
        let joined: Vec<bool> = tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.joined)
            .collect();
        assert_eq!(joined, [false, true, true, false]);
    }

    #[test]
    fn general_punctuation_holds_no_word_characters() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_alnum(c));
        }
        assert!(is_alnum('é') && is_alnum('7') && !is_alnum('\u{2019}'));
    }
}
