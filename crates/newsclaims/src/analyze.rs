//! The whole pipeline for one article: parse, find entities, find claims.

use crate::{
    extract_claims, extract_entities, parse_article, Analysis, Article, ArticleMeta, Error,
    ErrorKind, SCHEMA,
};

/// The largest text accepted, in bytes (8 MiB): far above any article, low enough
/// that a mistaken whole-archive input fails fast instead of exhausting memory.
///
/// ```
/// assert_eq!(newsclaims::MAX_INPUT_BYTES, 8 * 1024 * 1024);
/// ```
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Finds the entities and claims of a parsed article.
///
/// ```
/// use newsclaims::{analyze, parse_article, ArticleMeta};
/// let article = parse_article("Rain fell in Nairobi on Monday.", &ArticleMeta::default()).unwrap();
/// let analysis = analyze(&article);
/// assert_eq!(analysis.article, article);
/// ```
pub fn analyze(article: &Article) -> Analysis {
    analyze_owned(article.clone())
}

/// [`analyze`] of an article the caller gives away: no copy of it is made.
fn analyze_owned(article: Article) -> Analysis {
    let entities = extract_entities(&article);
    let claims = extract_claims(&article, &entities);
    Analysis {
        schema: SCHEMA.to_string(),
        id: article.id.clone(),
        article,
        entities,
        claims,
    }
}

/// Parses and analyses a text in one call.
///
/// An empty or blank text is not an error: it gives an analysis with nothing in it.
///
/// ```
/// use newsclaims::{analyze_text, ArticleMeta};
/// let analysis = analyze_text("", &ArticleMeta::default()).unwrap();
/// assert!(analysis.article.paragraphs.is_empty());
/// ```
///
/// # Errors
/// [`ErrorKind::InputTooLarge`] past [`MAX_INPUT_BYTES`], [`ErrorKind::InvalidDate`]
/// for a malformed `meta.published`.
pub fn analyze_text(text: &str, meta: &ArticleMeta) -> Result<Analysis, Error> {
    let article = parse_article(text, meta)?;
    Ok(analyze_owned(article))
}

/// Like [`analyze_text`], from bytes that should be UTF-8.
///
/// ```
/// use newsclaims::{analyze_bytes, ArticleMeta};
/// assert!(analyze_bytes("Café".as_bytes(), &ArticleMeta::default()).is_ok());
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] naming the first bad byte, and those of [`analyze_text`].
pub fn analyze_bytes(bytes: &[u8], meta: &ArticleMeta) -> Result<Analysis, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::InvalidUtf8,
            format!(
                "text is not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    analyze_text(text, meta)
}

/// Checks what every entry point checks before parsing.
pub(crate) fn check_input(text: &str, meta: &ArticleMeta) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!(
                "text is {} bytes, more than the limit of {MAX_INPUT_BYTES}",
                text.len()
            ),
        ));
    }
    if let Some(published) = &meta.published {
        if crate::Date::parse_iso(published).is_none() {
            return Err(Error::new(
                ErrorKind::InvalidDate,
                format!("published date `{published}` is not a valid YYYY-MM-DD date"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_published_date() {
        let meta = ArticleMeta {
            published: Some("2025-02-30".into()),
            ..ArticleMeta::default()
        };
        let err = analyze_text("Text.", &meta).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::InvalidDate));
    }

    #[test]
    fn rejects_oversized_input() {
        let text = "a".repeat(MAX_INPUT_BYTES + 1);
        let err = analyze_text(&text, &ArticleMeta::default())
            .err()
            .map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::InputTooLarge));
    }
}
