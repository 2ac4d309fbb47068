//! Comparing articles on one story: copied text, entities across articles,
//! claim clusters with their independent sources, and conflicts.
//!
//! Rule-based and explainable, and never all-pairs: every stage finds its
//! candidates through an inverted index (shingle sketches for copies, name keys
//! for entities, content keys for claims and conflicts) holding a few
//! representatives per group, so the cost grows with the number of articles.
//!
//! 1. **Copied text**: paragraphs whose word 4-gram shingles outside quotes are
//!    70 % contained in an earlier article's paragraph ([`CopiedText`]).
//! 2. **Entities**: names merged across articles on normalised forms ("U.N." =
//!    "UN", "Defence" = "Defense"); people whose names differ by a small edit
//!    grouped as variants when roles, a quote or context agree ([`StoryEntity`]).
//! 3. **Claims**: clauses matched on shared content keys, actions and people;
//!    direct quotes on their words ([`ClaimCluster`]); `sources` counts outlets,
//!    an article counting with the one it copied the claim's paragraph from.
//! 4. **Conflicts**: spelling variants, different numbers for one counted
//!    thing, different days for one event, and a proposition asserted by one
//!    claim and denied or negated by another ([`Conflict`]).
//!
//! [`CopiedText`]: crate::CopiedText
//! [`StoryEntity`]: crate::StoryEntity
//! [`ClaimCluster`]: crate::ClaimCluster
//! [`Conflict`]: crate::Conflict

mod claims;
mod conflicts;
mod copies;
mod entities;
mod text;
mod union_find;

use crate::{Analysis, ArticleError, Date, Error, Story, StoryArticle, SCHEMA};

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

/// Compares analysed articles on one story: copied paragraphs, entities
/// across articles, claim clusters with their independent sources (most
/// first), and conflicts. See the [module documentation](self) for the rules.
///
/// ```
/// use newsclaims::{analyze_text, compare, ArticleMeta};
/// let meta = |id: &str, date: &str| ArticleMeta {
///     id: Some(id.into()),
///     outlet: Some(id.into()),
///     published: Some(date.into()),
///     url: None,
/// };
/// let para = "The port authority said on Monday that the new container terminal \
///             would open to ships in early June after two years of delays.";
/// let wire = analyze_text(&format!("Port to open terminal\n\n{para}"), &meta("wire", "2025-05-01")).unwrap();
/// let daily = analyze_text(
///     &format!("Terminal opening set\n\n{para}\n\nLocal traders welcomed the news."),
///     &meta("daily", "2025-05-02"),
/// )
/// .unwrap();
/// let story = compare(&[wire, daily]);
/// // The paragraph was copied, and the dates say which way.
/// assert_eq!(story.copies.len(), 1);
/// assert_eq!(story.copies[0].articles, ["wire", "daily"]);
/// assert_eq!(story.copies[0].source.as_deref(), Some("wire"));
/// ```
pub fn compare(analyses: &[Analysis]) -> Story {
    let docs: Vec<Doc<'_>> = analyses.iter().map(Doc::new).collect();
    // Earliest first (undated last, then input order): originals come before copies.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| {
        (
            docs.get(i).and_then(|d| d.published).is_none(),
            docs.get(i).and_then(|d| d.published),
            i,
        )
    });

    let (copies, links) = copies::find(&docs, &order);
    let quotes = claims::quote_matches(&docs);
    let mut ents = entities::merge(&docs, &quotes);
    let clustered = claims::cluster(&docs, &ents, &links, &quotes);

    let mut conflicts = std::mem::take(&mut ents.conflicts);
    conflicts.extend(conflicts::numbers(&docs));
    conflicts.extend(conflicts::dates(&docs));
    conflicts.extend(clustered.conflicts);

    Story {
        schema: SCHEMA.to_string(),
        articles: analyses.iter().map(story_article).collect(),
        entities: ents.entities,
        claims: clustered.clusters,
        conflicts,
        copies,
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

/// A paragraph of an analysed article, with its sentences.
#[derive(Debug)]
pub(crate) struct Para<'a> {
    /// Index in `article.paragraphs`.
    pub index: usize,
    /// Byte offset in the input.
    pub start: usize,
    /// The paragraph's text.
    pub text: &'a str,
    /// Sentences as absolute byte ranges.
    pub sentences: Vec<(usize, usize)>,
}

/// An analysed article prepared for comparing: body paragraphs split into
/// sentences (from the paragraph text itself, so that an analysis read back
/// from JSON, without its input text, works the same).
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// Who counts as one source: the outlet, else the article id.
    pub outlet: String,
    /// Publication date.
    pub published: Option<Date>,
    /// Body paragraphs, in order.
    pub paras: Vec<Para<'a>>,
}

impl<'a> Doc<'a> {
    fn new(analysis: &'a Analysis) -> Doc<'a> {
        let article = &analysis.article;
        let paras = article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == crate::ParagraphKind::Body)
            .map(|(index, p)| Para {
                index,
                start: p.start,
                text: &p.text,
                sentences: text::sentences(&p.text)
                    .into_iter()
                    .map(|(s, e)| (p.start + s, p.start + e))
                    .collect(),
            })
            .collect();
        let outlet = match &article.outlet {
            Some(o) if !o.trim().is_empty() => text::norm_name(o, text::NameStyle::Other),
            _ => format!("id:{}", analysis.id),
        };
        Doc {
            analysis,
            outlet,
            published: article.published.as_deref().and_then(Date::parse_iso),
            paras,
        }
    }

    /// The paragraph holding byte `at`.
    pub(crate) fn para_at(&self, at: usize) -> Option<&Para<'a>> {
        let i = self
            .paras
            .partition_point(|p| p.start <= at)
            .checked_sub(1)?;
        self.paras
            .get(i)
            .filter(|p| at < p.start + p.text.len() || p.text.is_empty())
    }

    /// The sentence holding byte `at`, as an absolute range.
    pub(crate) fn sentence_at(&self, at: usize) -> Option<(usize, usize)> {
        let p = self.para_at(at)?;
        let i = p.sentences.partition_point(|s| s.0 <= at).checked_sub(1)?;
        p.sentences.get(i).copied().filter(|s| at < s.1)
    }

    /// The input text of an absolute byte range inside one paragraph.
    pub(crate) fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        let p = self.para_at(start)?;
        p.text.get(start - p.start..end.checked_sub(p.start)?)
    }

    /// Every sentence of the body, as absolute ranges with their text.
    pub(crate) fn sentences(&self) -> impl Iterator<Item = (usize, usize, &'a str)> + '_ {
        self.paras.iter().flat_map(move |p| {
            p.sentences
                .iter()
                .filter_map(move |&(s, e)| p.text.get(s - p.start..e - p.start).map(|t| (s, e, t)))
        })
    }
}
