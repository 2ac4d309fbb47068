//! The embedded sample story: five invented outlets covering one invented event.
//!
//! Used by `newsclaims demo`, the demo page and the tests. The texts are the
//! project's own writing (see `samples/story/EXPECTED.md` for the answer key).

use crate::ArticleMeta;

/// One article of the sample story.
///
/// ```
/// let story = newsclaims::sample::story();
/// assert!(story.iter().all(|a| !a.text.is_empty()));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SampleArticle {
    /// The file name under `samples/story/`.
    pub file: &'static str,
    /// The article's id.
    pub id: &'static str,
    /// The outlet.
    pub outlet: &'static str,
    /// The publication date, when the caller would know it.
    pub published: Option<&'static str>,
    /// The text as scraped.
    pub text: &'static str,
}

impl SampleArticle {
    /// The metadata a caller would pass with this article.
    ///
    /// ```
    /// let a = newsclaims::sample::story()[0];
    /// assert_eq!(a.meta().id.as_deref(), Some(a.id));
    /// ```
    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            id: Some(self.id.to_string()),
            url: None,
            outlet: Some(self.outlet.to_string()),
            published: self.published.map(str::to_string),
        }
    }
}

/// The articles of the sample story, in a fixed order.
///
/// ```
/// assert_eq!(newsclaims::sample::story().len(), 5);
/// ```
pub fn story() -> &'static [SampleArticle] {
    &STORY
}

static STORY: [SampleArticle; 5] = [
    SampleArticle {
        file: "01.txt",
        id: "01",
        outlet: "Placeholder",
        published: None,
        text: "Placeholder one.",
    },
    SampleArticle {
        file: "02.txt",
        id: "02",
        outlet: "Placeholder",
        published: None,
        text: "Placeholder two.",
    },
    SampleArticle {
        file: "03.txt",
        id: "03",
        outlet: "Placeholder",
        published: None,
        text: "Placeholder three.",
    },
    SampleArticle {
        file: "04.txt",
        id: "04",
        outlet: "Placeholder",
        published: None,
        text: "Placeholder four.",
    },
    SampleArticle {
        file: "05.txt",
        id: "05",
        outlet: "Placeholder",
        published: None,
        text: "Placeholder five.",
    },
];
