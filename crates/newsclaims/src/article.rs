//! Parsing scraped text into an [`Article`].
//!
//! The text is cut into lines (hard-wrapped paragraphs joined), then read top
//! down: page furniture anywhere is removed with its reason; the head gives the
//! headline, a standfirst, bylines and a publication line; the first body
//! paragraph may open with a dateline; short unpunctuated lines in the body are
//! section headings; a paragraph or heading that repeats an earlier one is
//! removed with a pointer to the one kept. Every non-blank line ends up in exactly
//! one place, so nothing the caller gave is lost.

mod boilerplate;
mod byline;
mod dateline;
mod duplicate;
mod head;
mod lines;

use crate::{
    Article, ArticleMeta, Author, Dateline, Error, Field, FieldKind, Paragraph, ParagraphKind,
    RemovalReason, Removed, Span,
};

/// How many lines from the top the head (headline, standfirst, byline,
/// publication line) may take.
const HEAD_LINES: usize = 6;

/// Parses plain text as copied or scraped from a news page into an [`Article`].
///
/// What the caller knows (`meta`) wins over what is inferred: a given outlet or
/// publication date replaces the one found in the text.
///
/// ```
/// use newsclaims::{parse_article, ArticleMeta, ParagraphKind};
/// let text = "Port Talks Stall\nBy Ana Ruiz, Staff Reporter Coastal Times\n\
///             MANILA (Coastal Times) \u{2013} Talks stalled on Monday.\n\
///             NEXT STEPS\nEnvoys will meet again.\nShare this:\nEnvoys will meet again.";
/// let a = parse_article(text, &ArticleMeta::default()).unwrap();
/// assert_eq!(a.title.as_deref(), Some("Port Talks Stall"));
/// assert_eq!(a.authors[0].name, "Ana Ruiz");
/// assert_eq!(a.outlet.as_deref(), Some("Coastal Times"));
/// assert_eq!(a.dateline.as_ref().unwrap().places, ["Manila"]);
/// assert_eq!(a.paragraphs[0].text, "Talks stalled on Monday.");
/// assert_eq!(a.paragraphs[1].kind, ParagraphKind::Heading);
/// assert_eq!(a.removed.len(), 2);
/// assert_eq!(a.removed[1].duplicate_of, Some(2));
/// ```
///
/// # Errors
/// [`crate::ErrorKind::InputTooLarge`] and [`crate::ErrorKind::InvalidDate`], see
/// [`crate::analyze_text`].
pub fn parse_article(text: &str, meta: &ArticleMeta) -> Result<Article, Error> {
    crate::analyze::check_input(text, meta)?;
    let mut parser = Parser {
        text,
        article: Article {
            id: meta.id.clone().unwrap_or_default(),
            url: meta.url.clone(),
            text: text.to_string(),
            ..Article::default()
        },
        byline_outlet: None,
        dateline_agency: None,
        found_published: None,
    };
    parser.read(&lines::split_lines(text));
    let mut article = parser.article;
    article.outlet = meta
        .outlet
        .clone()
        .or(parser.byline_outlet)
        .or(parser.dateline_agency);
    article.published = meta
        .published
        .clone()
        .or_else(|| parser.found_published.map(|d| d.to_string()));
    article.sentences = sentences_of(&article);
    Ok(article)
}

/// The state of one parse.
struct Parser<'t> {
    text: &'t str,
    article: Article,
    byline_outlet: Option<String>,
    dateline_agency: Option<String>,
    found_published: Option<crate::Date>,
}

impl Parser<'_> {
    fn read(&mut self, units: &[lines::Line]) {
        // Each line is classified once, for the head and the body alike.
        let furniture: Vec<Option<RemovalReason>> = units
            .iter()
            .map(|u| boilerplate::classify(u.text(self.text)))
            .collect();
        let body_start = self.read_head(units, &furniture);
        let mut repeats = duplicate::Repeats::for_text(self.text.len());
        let mut dateline_checked = false;
        for (i, unit) in units.iter().enumerate().skip(body_start) {
            let line = unit.text(self.text);
            if let Some(reason) = furniture.get(i).copied().flatten() {
                self.remove(unit.span, reason, None);
                continue;
            }
            if i >= units.len().saturating_sub(3) && self.try_byline(unit.span, line) {
                // Credits at the foot: "Reporting by ...".
                continue;
            }
            let next_is_body =
                i + 1 < units.len() && furniture.get(i + 1).is_some_and(Option::is_none);
            let kind = if next_is_body && head::is_heading(line) {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            let mut span = unit.span;
            if kind == ParagraphKind::Body && !dateline_checked {
                dateline_checked = true;
                if let Some(found) = dateline::find_dateline(line) {
                    let end = span.start + found.text_len;
                    self.article.dateline = Some(Dateline {
                        text: self.slice(span.start, end).to_string(),
                        places: found.places,
                        start: span.start,
                        end,
                    });
                    self.field(FieldKind::Dateline, Span::new(span.start, end));
                    self.dateline_agency = found.agency;
                    span = Span::new(span.start + found.len, span.end);
                }
            }
            let index = self.article.paragraphs.len();
            match repeats.check(self.slice(span.start, span.end), index) {
                Some(kept) => self.remove(span, RemovalReason::Duplicate, Some(kept)),
                None => self.article.paragraphs.push(Paragraph {
                    text: self.slice(span.start, span.end).to_string(),
                    start: span.start,
                    end: span.end,
                    kind,
                }),
            }
        }
    }

    /// Reads the headline, standfirst, bylines and publication line at the top;
    /// returns the index of the first body unit.
    fn read_head(&mut self, units: &[lines::Line], furniture: &[Option<RemovalReason>]) -> usize {
        let mut i = 0;
        let mut title_seen = false;
        let mut standfirst_seen = false;
        while let Some(unit) = units.get(i) {
            if i >= HEAD_LINES {
                break;
            }
            let line = unit.text(self.text);
            if let Some(reason) = furniture.get(i).copied().flatten() {
                self.remove(unit.span, reason, None);
            } else if self.try_byline(unit.span, line) {
            } else if let Some(date) = head::parse_published(line) {
                self.found_published.get_or_insert(date);
                self.field(FieldKind::Published, unit.span);
            } else if !title_seen && head::is_title(line) && i + 1 < units.len() {
                title_seen = true;
                self.article.title = Some(line.to_string());
                self.field(FieldKind::Title, unit.span);
            } else if title_seen
                && !standfirst_seen
                && self.article.authors.is_empty()
                && dateline::find_dateline(line).is_none()
                && head::is_standfirst(line, self.byline_follows(units, furniture, i + 1))
            {
                standfirst_seen = true;
                self.article.subtitle = Some(line.to_string());
                self.field(FieldKind::Subtitle, unit.span);
            } else {
                break;
            }
            i += 1;
        }
        i
    }

    /// Whether a byline comes at `from`, past any furniture or publication line.
    fn byline_follows(
        &self,
        units: &[lines::Line],
        furniture: &[Option<RemovalReason>],
        from: usize,
    ) -> bool {
        units
            .iter()
            .zip(furniture)
            .skip(from)
            .filter(|(_, reason)| reason.is_none())
            .map(|(u, _)| u.text(self.text))
            .find(|l| head::parse_published(l).is_none())
            .is_some_and(|l| byline::parse_byline(l).is_some())
    }

    /// Takes `line` as a byline if it is one.
    fn try_byline(&mut self, span: Span, line: &str) -> bool {
        let Some(found) = byline::parse_byline(line) else {
            return false;
        };
        self.article
            .authors
            .extend(found.authors.into_iter().map(|a| Author {
                name: a.name,
                role: a.role,
            }));
        if self.byline_outlet.is_none() {
            self.byline_outlet = found.outlet;
        }
        self.field(FieldKind::Byline, span);
        true
    }

    fn field(&mut self, field: FieldKind, span: Span) {
        self.article.fields.push(Field {
            field,
            text: self.slice(span.start, span.end).to_string(),
            start: span.start,
            end: span.end,
        });
    }

    fn remove(&mut self, span: Span, reason: RemovalReason, duplicate_of: Option<usize>) {
        self.article.removed.push(Removed {
            text: self.slice(span.start, span.end).to_string(),
            start: span.start,
            end: span.end,
            reason,
            duplicate_of,
        });
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// The sentences of the headline, the standfirst and every paragraph, as spans
/// into the article's text, in text order.
fn sentences_of(article: &Article) -> Vec<Span> {
    let text = article.text();
    let blocks = article
        .fields
        .iter()
        .filter(|f| matches!(f.field, FieldKind::Title | FieldKind::Subtitle))
        .map(|f| Span::new(f.start, f.end))
        .chain(article.paragraphs.iter().map(Paragraph::span));
    // About one sentence per 120 bytes of news prose.
    let mut out: Vec<Span> = Vec::with_capacity(text.len() / 100 + 4);
    for block in blocks {
        let piece = text.get(block.range()).unwrap_or("");
        crate::sentence::split_sentences_into(piece, block.start, &mut out);
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Article {
        parse_article(text, &ArticleMeta::default()).unwrap()
    }

    #[test]
    fn body_prose_first_means_no_headline() {
        let a = parse("Just last week, the strait reopened to shipping.\nOfficials welcomed it.");
        assert_eq!(a.title, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn standfirst_before_byline() {
        let a = parse("Port Deal Signed\nThe agreement ends a decade of disputes.\nBy Ana Ruiz\nThe deal was signed on Monday.");
        assert_eq!(
            a.subtitle.as_deref(),
            Some("The agreement ends a decade of disputes.")
        );
        assert_eq!(a.authors[0].name, "Ana Ruiz");
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn lower_case_byline_gives_the_outlet() {
        let a = parse("Port Deal Signed\n\nby coastal news\n\nThe deal was signed on Monday.");
        assert!(a.authors.is_empty());
        assert_eq!(a.outlet.as_deref(), Some("coastal news"));
    }

    #[test]
    fn caller_metadata_wins() {
        let meta = ArticleMeta {
            outlet: Some("Given".into()),
            published: Some("2026-03-04".into()),
            ..ArticleMeta::default()
        };
        let a = parse_article(
            "Title Here\nBy Ana Ruiz, Coastal Times\nPublished: March 1, 2026\nBody text.",
            &meta,
        )
        .unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Given"));
        assert_eq!(a.published.as_deref(), Some("2026-03-04"));
        let a =
            parse("Title Here\nBy Ana Ruiz, Coastal Times\nPublished: March 1, 2026\nBody text.");
        assert_eq!(a.outlet.as_deref(), Some("Coastal Times"));
        assert_eq!(a.published.as_deref(), Some("2026-03-01"));
    }

    #[test]
    fn pasted_blocks_are_removed_with_a_pointer() {
        let block = "The envoy toured the port.\nShe met the harbour master on Tuesday.\n";
        let text = format!("Envoy Visits Port\n{block}Other news followed here.\n{block}");
        let a = parse(&text);
        assert_eq!(a.paragraphs.len(), 3);
        let dups: Vec<Option<usize>> = a.removed.iter().map(|r| r.duplicate_of).collect();
        assert_eq!(dups, [Some(0), Some(1)]);
    }

    #[test]
    fn sentences_cover_title_and_body() {
        let text = "Envoy Visits Port\nShe came. She left.";
        let a = parse(text);
        let s: Vec<&str> = a.sentences.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(s, ["Envoy Visits Port", "She came.", "She left."]);
    }
}
