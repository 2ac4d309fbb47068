//! Quotations: spans between matching quote marks, across sentences and across
//! paragraph breaks.
//!
//! Curly quotes pair by direction; straight quotes pair in order within a
//! paragraph. A paragraph that ends inside a quotation continues it when the next
//! paragraph opens with a quote mark, the convention of news copy for a quote
//! running over several paragraphs.

use crate::Span;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// The quoted words: the pieces inside the marks, one per paragraph.
    pub pieces: Vec<Span>,
}

impl Quote {
    /// The quoted words, paragraph pieces joined by a space.
    pub fn words(&self, text: &str) -> String {
        self.pieces
            .iter()
            .filter_map(|p| text.get(p.range()))
            .map(|p| p.trim().trim_end_matches([',', ' ']))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Finds the quotations in the given paragraphs (spans into `text`, in order).
pub(crate) fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut open: Option<Quote> = None;
    for paragraph in paragraphs {
        let body = text.get(paragraph.range()).unwrap_or("");
        let mut piece_start: Option<usize> = None;
        if let Some(q) = &open {
            // Carry on only if this paragraph opens with a quote mark.
            if body.starts_with(['\u{201C}', '"']) {
                piece_start = Some(paragraph.start + body.chars().next().map_or(1, char::len_utf8));
            } else {
                out.push(q.clone());
                open = None;
            }
        }
        let skip_first = piece_start.is_some();
        let mut straight_open = false;
        for (i, c) in quote_marks(body) {
            if skip_first && i == 0 {
                continue;
            }
            let at = paragraph.start + i;
            let opens = c == '\u{201C}' || c == '"' && !straight_open && opens_straight(body, i);
            let closes = c == '\u{201D}' || c == '"' && (straight_open || piece_start.is_some());
            if closes && piece_start.is_some() {
                let start = piece_start.take().unwrap_or(at);
                let mut q = open.take().unwrap_or(Quote {
                    outer: Span::new(start - '\u{201C}'.len_utf8().min(start), at + c.len_utf8()),
                    pieces: Vec::new(),
                });
                q.pieces.push(Span::new(start, at));
                q.outer = Span::new(q.outer.start, at + c.len_utf8());
                out.push(q);
                straight_open = false;
            } else if opens && piece_start.is_none() {
                piece_start = Some(at + c.len_utf8());
                open = Some(Quote {
                    outer: Span::new(at, at + c.len_utf8()),
                    pieces: Vec::new(),
                });
                straight_open = c == '"';
            }
        }
        if let (Some(start), Some(q)) = (piece_start, open.as_mut()) {
            q.pieces.push(Span::new(start, paragraph.end));
            q.outer = Span::new(q.outer.start, paragraph.end);
        }
    }
    if let Some(q) = open {
        out.push(q);
    }
    out.retain(|q| !q.pieces.is_empty());
    out
}

/// The quote marks of `body` (straight and curly double quotes) with their
/// byte offsets: nothing else matters to pairing, so the other characters are
/// not decoded.
fn quote_marks(body: &str) -> QuoteMarks<'_> {
    QuoteMarks {
        bytes: body.as_bytes(),
        at: 0,
    }
}

/// Iterator of [`quote_marks`].
struct QuoteMarks<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Eight copies of byte `b`.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// Whether one of the eight bytes of `w` may be `b` (never a false "no").
#[inline]
fn may_hold(w: u64, b: u8) -> bool {
    let x = w ^ splat(b);
    x.wrapping_sub(splat(1)) & !x & splat(0x80) != 0
}

impl Iterator for QuoteMarks<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        loop {
            // Most text holds no mark: pass over eight bytes at a time while
            // none is '"' or the lead byte of a curly quote.
            while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                    break;
                };
                let w = u64::from_le_bytes(chunk);
                if may_hold(w, b'"') || may_hold(w, 0xE2) {
                    break;
                }
                self.at += 8;
            }
            let i = self.at;
            let b = *self.bytes.get(i)?;
            self.at += 1;
            match b {
                b'"' => return Some((i, '"')),
                // The lead byte of U+201C and U+201D.
                0xE2 => match self.bytes.get(i + 1..i + 3) {
                    Some([0x80, 0x9C]) => return Some((i, '\u{201C}')),
                    Some([0x80, 0x9D]) => return Some((i, '\u{201D}')),
                    _ => {}
                },
                _ => {}
            }
        }
    }
}

/// A straight quote opens when it does not follow a letter or digit.
fn opens_straight(body: &str, i: usize) -> bool {
    !body
        .get(..i)
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paragraphs: Vec<Span> = {
            let mut out = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                out.push(Span::new(at, at + line.len()));
                at += line.len() + 1;
            }
            out
        };
        find_quotes(text, &paragraphs)
            .iter()
            .map(|q| q.words(text))
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            quotes("\u{201C}We stay,\u{201D} he said. She called it a \"red line\" today."),
            ["We stay", "red line"]
        );
    }

    #[test]
    fn over_sentences_and_paragraphs() {
        assert_eq!(
            quotes("He said: \u{201C}First. Second.\n\u{201C}Third part.\u{201D}\nAfter."),
            ["First. Second. Third part."]
        );
    }

    #[test]
    fn quote_marks_are_all_found() {
        let body = "a\"b\u{201C}c\u{201D}d\u{2019}e\u{2014}\u{201C}\u{201C}xxxxxxxxxxxxxxxxx\"\u{e2}\u{20ac}";
        let slow: Vec<(usize, char)> = body
            .char_indices()
            .filter(|(_, c)| matches!(c, '"' | '\u{201C}' | '\u{201D}'))
            .collect();
        for start in 0..body.len() {
            if let Some(tail) = body.get(start..) {
                let fast: Vec<(usize, char)> =
                    quote_marks(tail).map(|(i, c)| (i + start, c)).collect();
                let expected: Vec<(usize, char)> =
                    slow.iter().copied().filter(|(i, _)| *i >= start).collect();
                assert_eq!(fast, expected);
            }
        }
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        assert_eq!(
            quotes("He said \u{201C}never mind\nNext paragraph."),
            ["never mind"]
        );
    }
}
