//! Comparing articles on one story.

use crate::{Analysis, ArticleError, Error, Story, StoryArticle, SCHEMA};

/// An article that could not be analysed, to be listed in a [`Story`] with its error.
///
/// ```
/// use newsclaims::{Error, ErrorKind, Failure};
/// let f = Failure { id: "x.txt".into(), error: Error::new(ErrorKind::InvalidUtf8, "bad byte") };
/// assert_eq!(f.error.code(), "invalid_utf8");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The article's id.
    pub id: String,
    /// Why it failed.
    pub error: Error,
}

/// Compares analysed articles on one story.
///
/// ```
/// use newsclaims::{analyze_text, compare, ArticleMeta};
/// let a = analyze_text("Rain fell.", &ArticleMeta::default()).unwrap();
/// assert_eq!(compare(&[a]).articles.len(), 1);
/// ```
pub fn compare(analyses: &[Analysis]) -> Story {
    Story {
        schema: SCHEMA.to_string(),
        articles: analyses.iter().map(story_article).collect(),
        entities: Vec::new(),
        claims: Vec::new(),
        conflicts: Vec::new(),
        copies: Vec::new(),
    }
}

/// Compares a story where some articles may have failed; every input comes back
/// in `articles`, in order, the failed ones with their error.
///
/// ```
/// use newsclaims::{analyze_text, compare_results, ArticleMeta, Error, ErrorKind, Failure};
/// let ok = analyze_text("Rain fell.", &ArticleMeta::default());
/// let bad = Err(Failure { id: "b".into(), error: Error::new(ErrorKind::InvalidUtf8, "bad") });
/// let story = compare_results(&[ok.map_err(|e| Failure { id: "a".into(), error: e }), bad]);
/// assert_eq!(story.articles.len(), 2);
/// assert!(story.articles[1].error.is_some());
/// ```
pub fn compare_results(results: &[Result<Analysis, Failure>]) -> Story {
    let analysed: Vec<Analysis> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .cloned()
        .collect();
    let mut story = compare(&analysed);
    story.articles = results
        .iter()
        .map(|r| match r {
            Ok(a) => story_article(a),
            Err(f) => StoryArticle {
                id: f.id.clone(),
                outlet: None,
                title: None,
                published: None,
                error: Some(ArticleError {
                    code: f.error.code().to_string(),
                    message: f.error.message().to_string(),
                }),
            },
        })
        .collect();
    story
}

fn story_article(a: &Analysis) -> StoryArticle {
    StoryArticle {
        id: a.id.clone(),
        outlet: a.article.outlet.clone(),
        title: a.article.title.clone(),
        published: a.article.published.clone(),
        error: None,
    }
}
