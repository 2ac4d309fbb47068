//! The article: what was found in the text before any entity or claim.

use serde::{Deserialize, Serialize};

use super::{Claim, Entity};
use crate::Span;

/// What the caller already knows about an article; it wins over what is inferred.
///
/// Unknown fields are rejected when deserialising, so a misspelt option is an
/// error rather than silently ignored.
///
/// ```
/// use newsclaims::ArticleMeta;
/// let meta = ArticleMeta { outlet: Some("The Ledger".into()), ..ArticleMeta::default() };
/// assert_eq!(meta.outlet.as_deref(), Some("The Ledger"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// The caller's identifier (a file name, a URL, a database key).
    #[serde(default)]
    pub id: Option<String>,
    /// Where the article was published.
    #[serde(default)]
    pub url: Option<String>,
    /// The outlet's name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
}

/// A person credited in the byline.
///
/// ```
/// use newsclaims::Author;
/// let a = Author { name: "Mara T. Osei".into(), role: Some("Africa Editor".into()) };
/// assert_eq!(a.name, "Mara T. Osei");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The author's name as written.
    pub name: String,
    /// The role given with the name ("Chief International Correspondent").
    pub role: Option<String>,
}

/// The dateline opening the body ("NAIROBI, March 3 (Agency) –").
///
/// ```
/// use newsclaims::Dateline;
/// let d = Dateline { text: "LAGOS (Wire) –".into(), places: vec!["Lagos".into()], start: 0, end: 16 };
/// assert_eq!(d.places, ["Lagos"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written, up to and including its dash.
    pub text: String,
    /// The places it names, in title case ("PYONGYANG/SEOUL" gives two).
    pub places: Vec<String>,
    /// Byte offset of the dateline in the input.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// Which header field a line of the input was read as.
///
/// ```
/// use newsclaims::FieldKind;
/// assert_ne!(FieldKind::Title, FieldKind::Byline);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The headline.
    Title,
    /// The standfirst or subtitle under the headline.
    Subtitle,
    /// The byline (authors, roles, outlet).
    Byline,
    /// The dateline at the start of the body.
    Dateline,
    /// A line giving the publication date ("Published 3 March 2025").
    Published,
}

/// Where in the input a header field was read, so that every byte is accounted for.
///
/// ```
/// use newsclaims::{Field, FieldKind};
/// let f = Field { field: FieldKind::Title, text: "Dam talks stall".into(), start: 0, end: 15 };
/// assert_eq!(f.end - f.start, f.text.len());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Which field.
    pub field: FieldKind,
    /// The text as written in the input.
    pub text: String,
    /// Byte offset in the input.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

/// Whether a paragraph is body prose or a section heading.
///
/// ```
/// use newsclaims::ParagraphKind;
/// assert_eq!(serde_json::to_string(&ParagraphKind::Heading).unwrap(), "\"heading\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Body prose.
    Body,
    /// A section heading inside the body.
    Heading,
}

/// A paragraph (or heading) kept in the article.
///
/// ```
/// use newsclaims::{Paragraph, ParagraphKind};
/// let p = Paragraph { text: "Rain fell.".into(), start: 10, end: 20, kind: ParagraphKind::Body };
/// assert_eq!(p.span().len(), 10);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text, exactly the input's bytes `start..end`.
    pub text: String,
    /// Byte offset in the input.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Body or heading.
    pub kind: ParagraphKind,
}

impl Paragraph {
    /// The paragraph's byte span in the input.
    ///
    /// ```
    /// use newsclaims::{Paragraph, ParagraphKind, Span};
    /// let p = Paragraph { text: "x".into(), start: 4, end: 5, kind: ParagraphKind::Body };
    /// assert_eq!(p.span(), Span::new(4, 5));
    /// ```
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Why a line was removed from the article.
///
/// ```
/// use newsclaims::RemovalReason;
/// assert_eq!(RemovalReason::Duplicate.as_str(), "duplicate");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovalReason {
    /// Share buttons and social prompts ("Share this article", "%d bloggers like this:").
    Share,
    /// Links to other stories ("Related Articles", "You may also like").
    Related,
    /// Comment prompts ("Leave a Comment").
    Comments,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Site navigation ("Show More", "Back to top button", "Breaking News").
    Navigation,
    /// An outlet's promotion of itself (syndication offers, app downloads, donations).
    Promotion,
    /// A repeat of a paragraph kept earlier (see `duplicate_of`).
    Duplicate,
}

impl RemovalReason {
    /// The stable name of the reason, as in JSON.
    ///
    /// ```
    /// use newsclaims::RemovalReason;
    /// assert_eq!(RemovalReason::Navigation.as_str(), "navigation");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Share => "share",
            RemovalReason::Related => "related",
            RemovalReason::Comments => "comments",
            RemovalReason::Newsletter => "newsletter",
            RemovalReason::Navigation => "navigation",
            RemovalReason::Promotion => "promotion",
            RemovalReason::Duplicate => "duplicate",
        }
    }
}

/// A line or paragraph of the input that is not part of the article, with why.
///
/// ```
/// use newsclaims::{Removed, RemovalReason};
/// let r = Removed { text: "Show More".into(), start: 0, end: 9, reason: RemovalReason::Navigation, duplicate_of: None };
/// assert!(r.duplicate_of.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text as written.
    pub text: String,
    /// Byte offset in the input.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// For duplicates: the index in `paragraphs` of the copy that was kept.
    pub duplicate_of: Option<usize>,
}

/// A parsed article: header fields, paragraphs, and what was removed.
///
/// Every non-blank byte of the input lies in exactly one of `fields`,
/// `paragraphs` and `removed`, so nothing is silently lost.
///
/// ```
/// use newsclaims::{parse_article, ArticleMeta};
/// let article = parse_article("Dam talks stall\n\nTalks broke down on Monday.", &ArticleMeta::default()).unwrap();
/// assert_eq!(article.text(), "Dam talks stall\n\nTalks broke down on Monday.");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The caller's id, or empty.
    pub id: String,
    /// The URL given by the caller.
    pub url: Option<String>,
    /// The headline, if the text has one.
    pub title: Option<String>,
    /// The standfirst or subtitle line after the headline.
    pub subtitle: Option<String>,
    /// Authors from the byline.
    pub authors: Vec<Author>,
    /// The outlet: given by the caller, else from the byline or dateline.
    pub outlet: Option<String>,
    /// The dateline, if the body opens with one.
    pub dateline: Option<Dateline>,
    /// Publication date `YYYY-MM-DD`: given by the caller, else found in the text.
    pub published: Option<String>,
    /// Body paragraphs and headings, in input order.
    pub paragraphs: Vec<Paragraph>,
    /// Boilerplate and repeated paragraphs, in input order, with the reason.
    pub removed: Vec<Removed>,
    /// Where each header field was read in the input.
    pub fields: Vec<Field>,
    /// Sentence spans over the body paragraphs (not headings), in input order.
    #[serde(skip)]
    pub sentences: Vec<Span>,
    /// The input text, kept so that spans can be resolved.
    #[serde(skip)]
    pub(crate) text: String,
}

impl Article {
    /// The input text all offsets point into.
    ///
    /// ```
    /// use newsclaims::{parse_article, ArticleMeta};
    /// let a = parse_article("Hello.", &ArticleMeta::default()).unwrap();
    /// assert_eq!(a.text(), "Hello.");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The body paragraphs (headings left out).
    ///
    /// ```
    /// use newsclaims::{parse_article, ArticleMeta};
    /// let a = parse_article("Rain fell on Monday.", &ArticleMeta::default()).unwrap();
    /// assert!(a.body().count() <= a.paragraphs.len());
    /// ```
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Body)
    }
}

/// One article analysed: the article, its entities and its claims.
///
/// ```
/// use newsclaims::{analyze_text, ArticleMeta, SCHEMA};
/// let analysis = analyze_text("Rain fell on Monday.", &ArticleMeta::default()).unwrap();
/// assert_eq!(analysis.schema, SCHEMA);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`crate::SCHEMA`].
    pub schema: String,
    /// The article's id (the caller's, or empty).
    pub id: String,
    /// The parsed article.
    pub article: Article,
    /// Entities found in the article, aliases merged.
    pub entities: Vec<Entity>,
    /// Claims found in the article.
    pub claims: Vec<Claim>,
}
