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

/// The story as the caller would pass it; `samples/story/story.json` holds the
/// same metadata for tools outside Rust, and a test keeps the two equal.
static STORY: [SampleArticle; 5] = [
    SampleArticle {
        file: "01-harbor-ledger.txt",
        id: "harbor-ledger",
        outlet: "Harbor Ledger",
        published: Some("2026-03-04"),
        text: include_str!("../samples/story/01-harbor-ledger.txt"),
    },
    SampleArticle {
        file: "02-mekong-standard.txt",
        id: "mekong-standard",
        outlet: "The Mekong Standard",
        published: Some("2026-03-05"),
        text: include_str!("../samples/story/02-mekong-standard.txt"),
    },
    SampleArticle {
        file: "03-straits-wire.txt",
        id: "straits-wire",
        outlet: "Straits Wire",
        published: Some("2026-03-04"),
        text: include_str!("../samples/story/03-straits-wire.txt"),
    },
    SampleArticle {
        file: "04-tidal-times.txt",
        id: "tidal-times",
        outlet: "Tidal Times",
        published: Some("2026-03-05"),
        text: include_str!("../samples/story/04-tidal-times.txt"),
    },
    SampleArticle {
        file: "05-lotus-bulletin.txt",
        id: "lotus-bulletin",
        outlet: "Lotus Bulletin",
        published: Some("2026-03-06"),
        text: include_str!("../samples/story/05-lotus-bulletin.txt"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_matches_story_json() {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../samples/story/story.json")).unwrap();
        let entries = json.as_array().unwrap();
        assert_eq!(entries.len(), STORY.len());
        for (entry, article) in entries.iter().zip(&STORY) {
            assert_eq!(entry["file"], article.file);
            assert_eq!(entry["id"], article.id);
            assert_eq!(entry["outlet"], article.outlet);
            assert_eq!(entry["published"].as_str(), article.published);
        }
    }
}
