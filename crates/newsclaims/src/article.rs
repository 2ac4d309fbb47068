//! Parsing scraped text into an [`Article`].

use crate::{Article, ArticleMeta, Error, Paragraph, ParagraphKind};

/// Parses plain text as copied or scraped from a news page into an [`Article`].
///
/// ```
/// use newsclaims::{parse_article, ArticleMeta};
/// let a = parse_article("Rain fell.", &ArticleMeta::default()).unwrap();
/// assert_eq!(a.paragraphs.len(), 1);
/// ```
///
/// # Errors
/// [`crate::ErrorKind::InputTooLarge`] and [`crate::ErrorKind::InvalidDate`], see
/// [`crate::analyze_text`].
pub fn parse_article(text: &str, meta: &ArticleMeta) -> Result<Article, Error> {
    crate::analyze::check_input(text, meta)?;
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = offset + lead;
            paragraphs.push(Paragraph {
                text: trimmed.to_string(),
                start,
                end: start + trimmed.len(),
                kind: ParagraphKind::Body,
            });
        }
        offset += line.len();
    }
    let sentences = paragraphs
        .iter()
        .flat_map(|p| {
            crate::split_sentences(&p.text)
                .into_iter()
                .map(move |s| crate::Span::new(s.start + p.start, s.end + p.start))
        })
        .collect();
    Ok(Article {
        id: meta.id.clone().unwrap_or_default(),
        url: meta.url.clone(),
        outlet: meta.outlet.clone(),
        published: meta.published.clone(),
        paragraphs,
        sentences,
        text: text.to_string(),
        ..Article::default()
    })
}
