//! Non-blank lines of the input with their byte spans, grouped into blocks.
//!
//! Scraped text comes in two layouts: one paragraph per line, or paragraphs
//! separated by blank lines and sometimes hard-wrapped inside. A line joins the
//! one before it only when it goes on in lower case after a line that did not end
//! a sentence, so both layouts give one unit per paragraph.

use crate::Span;

/// A unit of the input: one line, or several lines of one hard-wrapped paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The unit's span, trimmed of surrounding white space.
    pub span: Span,
    /// Whether a blank line (or the start of the text) comes right before it.
    pub after_blank: bool,
}

impl Line {
    /// The unit's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.range()).unwrap_or("")
    }
}

/// Splits `text` into units, skipping blank lines.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut offset = 0;
    let mut after_blank = true;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if !after_blank {
            if let Some(last) = out.last_mut() {
                if continues(last.text(text), trimmed) {
                    last.span = Span::new(last.span.start, span.end);
                    continue;
                }
            }
        }
        out.push(Line { span, after_blank });
        after_blank = false;
    }
    out
}

/// Whether `next` is the wrapped continuation of `previous`.
fn continues(previous: &str, next: &str) -> bool {
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    let ends_open = previous
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '\u{2013}'));
    starts_lower && ends_open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_lines(text).iter().map(|l| l.text(text)).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        assert_eq!(texts("A.\nB.\n\n  C. \r\n"), ["A.", "B.", "C."]);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        assert_eq!(
            texts("The minister said the talks\nwould resume.\nNext one."),
            ["The minister said the talks\nwould resume.", "Next one."]
        );
    }

    #[test]
    fn blank_line_flags() {
        let lines = split_lines("A\nB\n\nC");
        let flags: Vec<bool> = lines.iter().map(|l| l.after_blank).collect();
        assert_eq!(flags, [true, false, true]);
    }
}
