//! Sentence splitting with byte spans.

use crate::Span;

/// Splits `text` into sentences, returned as byte spans into `text`.
///
/// ```
/// use newsclaims::split_sentences;
/// assert_eq!(split_sentences("One. Two.").len(), 2);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let end = i + c.len_utf8();
            if text
                .get(end..)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            {
                let piece = text.get(start..end).unwrap_or("");
                let lead = piece.len() - piece.trim_start().len();
                out.push(Span::new(start + lead, end));
                start = end;
            }
        }
    }
    let rest = text.get(start..).unwrap_or("");
    if !rest.trim().is_empty() {
        let lead = rest.len() - rest.trim_start().len();
        out.push(Span::new(start + lead, start + rest.trim_end().len()));
    }
    out
}
