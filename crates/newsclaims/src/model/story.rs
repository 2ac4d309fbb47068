//! A story: several articles compared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Actor, ClaimForm, ClaimKind, EntityKind};

/// Why an article could not be analysed.
///
/// ```
/// use newsclaims::ArticleError;
/// let e = ArticleError { code: "input_too_large".into(), message: "too long".into() };
/// assert_eq!(e.code, "input_too_large");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleError {
    /// The stable error code (see [`crate::ErrorKind::as_str`]).
    pub code: String,
    /// The message.
    pub message: String,
}

/// An article of the story, as listed in the comparison.
///
/// ```
/// use newsclaims::StoryArticle;
/// let a = StoryArticle { id: "a".into(), outlet: None, title: None, published: None, error: None };
/// assert!(a.error.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryArticle {
    /// The article's id.
    pub id: String,
    /// Its outlet, if known.
    pub outlet: Option<String>,
    /// Its headline, if any.
    pub title: Option<String>,
    /// Its publication date, if known.
    pub published: Option<String>,
    /// Set when the article could not be analysed; it then takes no part in the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ArticleError>,
}

/// One real-world entity across the story's articles.
///
/// ```
/// use newsclaims::{StoryEntity, EntityKind};
/// let e = StoryEntity { id: "s1".into(), kind: EntityKind::Person, name: "Wi Sun-lac".into(),
///     variants: vec!["Wi Sun-lac".into(), "Wi Sung-lac".into()], articles: vec!["a".into(), "b".into()],
///     spellings: Default::default() };
/// assert_eq!(e.variants.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryEntity {
    /// Id unique within the story.
    pub id: String,
    /// The kind.
    pub kind: EntityKind,
    /// The name most articles use.
    pub name: String,
    /// Every spelling of its name seen in the articles (names, aliases and
    /// mentions as written, `name` included), most widely used first.
    pub variants: Vec<String>,
    /// Ids of the articles that mention it.
    pub articles: Vec<String>,
    /// Each spelling (the texts of `variants`) with the ids of the articles using it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spellings: BTreeMap<String, Vec<String>>,
}

/// A claim of one article, as a member of a cluster.
///
/// ```
/// use newsclaims::Member;
/// let m = Member { article: "a".into(), claim: "c3".into() };
/// assert_eq!(m.claim, "c3");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Member {
    /// The article id.
    pub article: String,
    /// The claim id within that article.
    pub claim: String,
}

/// The same claim told by one or more articles.
///
/// ```
/// use newsclaims::{ClaimCluster, ClaimForm, ClaimKind};
/// let c = ClaimCluster { id: "k1".into(), kind: ClaimKind::Statement, form: ClaimForm::Reported,
///     speaker: None, text: "t".into(), members: vec![], sources: 0 };
/// assert_eq!(c.sources, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCluster {
    /// Id unique within the story.
    pub id: String,
    /// The kind of its representative member.
    pub kind: ClaimKind,
    /// The form of its representative member.
    pub form: ClaimForm,
    /// The speaker, when the members credit one.
    pub speaker: Option<Actor>,
    /// A representative text: the shortest member's.
    pub text: String,
    /// The member claims.
    pub members: Vec<Member>,
    /// Independent outlets: an article copying another's paragraphs does not count twice.
    pub sources: usize,
}

/// What a conflict is about.
///
/// ```
/// use newsclaims::ConflictKind;
/// assert_eq!(serde_json::to_string(&ConflictKind::NameSpelling).unwrap(), "\"name_spelling\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConflictKind {
    /// One person or organisation spelled differently.
    NameSpelling,
    /// Different numbers for the same thing.
    Number,
    /// Different dates for the same thing.
    Date,
    /// One outlet asserts what another denies or negates.
    Assertion,
}

/// One side of a conflict.
///
/// ```
/// use newsclaims::ConflictValue;
/// let v = ConflictValue { article: "a".into(), text: "1,200".into() };
/// assert_eq!(v.text, "1,200");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictValue {
    /// The article id.
    pub article: String,
    /// The value or sentence as that article has it.
    pub text: String,
}

/// Outlets disagreeing.
///
/// ```
/// use newsclaims::{Conflict, ConflictKind};
/// let c = Conflict { kind: ConflictKind::Number, description: "displaced".into(), values: vec![] };
/// assert_eq!(c.kind, ConflictKind::Number);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What the disagreement is about.
    pub kind: ConflictKind,
    /// A sentence a journalist can read.
    pub description: String,
    /// The values and where each comes from.
    pub values: Vec<ConflictValue>,
}

/// A paragraph shared (exactly or nearly) between articles.
///
/// ```
/// use newsclaims::CopiedText;
/// let c = CopiedText { articles: vec!["a".into(), "b".into()], text: "t".into(), source: None, similarity: 1.0 };
/// assert_eq!(c.articles.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CopiedText {
    /// The articles sharing it, earliest first when dates say which.
    pub articles: Vec<String>,
    /// The paragraph as the first article has it.
    pub text: String,
    /// The article it was likely copied from, when publication dates say so.
    pub source: Option<String>,
    /// How alike the copies are, from 0 to 1 (1 is an exact copy).
    pub similarity: f64,
}

/// Several articles on one story, compared.
///
/// ```
/// use newsclaims::{analyze_text, compare, ArticleMeta};
/// let a = analyze_text("Rain fell.", &ArticleMeta { id: Some("a".into()), ..Default::default() }).unwrap();
/// let story = compare(&[a]);
/// assert_eq!(story.articles.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Always [`crate::SCHEMA`].
    pub schema: String,
    /// Every article given, in input order, analysed or with its error.
    pub articles: Vec<StoryArticle>,
    /// Entities across articles.
    pub entities: Vec<StoryEntity>,
    /// Claim clusters, most sources first.
    pub claims: Vec<ClaimCluster>,
    /// Disagreements between outlets.
    pub conflicts: Vec<Conflict>,
    /// Paragraphs copied between articles.
    pub copies: Vec<CopiedText>,
}
