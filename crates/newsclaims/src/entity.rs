//! Entities of an article: people, organisations, places, groups, events, dates
//! and quantities, with their mentions merged.
//!
//! Each sentence is read on its own (dates and quantities first, so "Friday" or
//! "March" never start a name; then listed names; then runs of capitalised words,
//! see the `names` module); the mentions are then merged across the article: a surname or
//! a part of a hyphenated given name joins the full name it belongs to, "U.N."
//! joins "United Nations", a demonym and a capital link to their country.
//! Headlines and headings, where every word may be capitalised, only confirm
//! names the body or the lists know.

mod gazetteer;
mod merge;
mod names;
mod quantity;
mod temporal;
mod token;
mod words;

use crate::{Article, Date, Entity, EntityKind, FieldKind, ParagraphKind, Span};

pub(crate) use names::is_org_head;
pub(crate) use token::{tokenize, Token};

/// Finds the entities of an article, merged within it, in order of first
/// mention.
///
/// ```
/// use newsclaims::{extract_entities, parse_article, ArticleMeta, EntityKind};
/// let text = "Defense Minister Sergei Volkov arrived in Hanoi on Wednesday. Volkov said Russia's ties had grown.";
/// let meta = ArticleMeta { published: Some("2026-03-05".into()), ..ArticleMeta::default() };
/// let article = parse_article(text, &meta).unwrap();
/// let entities = extract_entities(&article);
/// let volkov = entities.iter().find(|e| e.name == "Sergei Volkov").unwrap();
/// assert_eq!(volkov.kind, EntityKind::Person);
/// assert_eq!(volkov.mentions.len(), 2);
/// assert_eq!(volkov.roles, ["Defense Minister"]);
/// let wednesday = entities.iter().find(|e| e.kind == EntityKind::Date).unwrap();
/// assert_eq!(wednesday.value, Some(newsclaims::EntityValue::Text("2026-03-04".into())));
/// ```
pub fn extract_entities(article: &Article) -> Vec<Entity> {
    let text = article.text();
    let published = article.published.as_deref().and_then(Date::parse_iso);
    let gaz = gazetteer::Gazetteer::get();
    let weak_blocks = weak_blocks(article);
    let mut found = merge::Found::default();
    // Buffers reused from sentence to sentence.
    let mut taken: Vec<Span> = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    for &sentence in &article.sentences {
        // Headline and headings are sorted and disjoint: bisect.
        let after = weak_blocks.partition_point(|b| b.start <= sentence.start);
        let weak = after
            .checked_sub(1)
            .and_then(|k| weak_blocks.get(k))
            .is_some_and(|b| b.contains(sentence));
        let piece = text.get(sentence.range()).unwrap_or("");
        let first_date = found.dates.len();
        temporal::find_dates_into(text, sentence, published, &mut found.dates);
        taken.clear();
        let dates = found.dates.get(first_date..).unwrap_or_default();
        taken.extend(dates.iter().map(|d| d.span));
        let first_quantity = found.quantities.len();
        quantity::find_quantities_into(text, sentence, &taken, &mut found.quantities);
        let quantities = found.quantities.get(first_quantity..).unwrap_or_default();
        taken.extend(quantities.iter().map(|q| q.span));
        // Quantities never overlap dates (they skip them), so sorted is disjoint.
        taken.sort_unstable();
        token::tokenize_into(text, sentence, &mut tokens);
        let mut hits = gaz.find_all(piece);
        for (s, _) in &mut hits {
            *s = Span::new(s.start + sentence.start, s.end + sentence.start);
        }
        hits.retain(|(s, _)| !taken.iter().any(|t| t.start < s.end && s.start < t.end));
        let view = names::Sentence {
            text,
            tokens: &tokens,
            hits: &hits,
            taken: &taken,
            weak,
        };
        found.names.extend(names::find_names(&view));
    }
    found.names.extend(field_names(article, gaz));
    found.weak_spans = weak_blocks;
    merge::merge(text, found)
}

/// Names in the byline (its authors and outlet, places in a role such as "Asia
/// Correspondent") and the dateline (its places and agency), which the article
/// parser has already read.
fn field_names(article: &Article, gaz: &gazetteer::Gazetteer) -> Vec<names::Candidate> {
    let mut out = Vec::new();
    for field in &article.fields {
        let at = |needle: &str| {
            field
                .text
                .find(needle)
                .filter(|_| !needle.is_empty())
                .map(|p| Span::new(field.start + p, field.start + p + needle.len()))
        };
        let mut spans: Vec<Span> = Vec::new();
        match field.field {
            FieldKind::Byline => {
                for author in &article.authors {
                    if let Some(span) = at(&author.name) {
                        let mut c = names::Candidate::new(span, Some(EntityKind::Person));
                        c.role = author.role.clone();
                        spans.push(span);
                        out.push(c);
                    }
                }
                if let Some(span) = article.outlet.as_deref().and_then(at) {
                    spans.push(span);
                    out.push(names::Candidate::new(span, Some(EntityKind::Organization)));
                }
            }
            FieldKind::Dateline => {
                let (places, agency) = match field.text.split_once('(') {
                    Some((p, a)) => (p, a.split(')').next()),
                    None => (field.text.as_str(), None),
                };
                for place in places.split(['/', ',']) {
                    let place = place.trim_matches(|c: char| !c.is_alphanumeric());
                    // "HANOI, March 4 (Agency)": the date is not a place.
                    let dated = place.chars().any(|c| c.is_ascii_digit())
                        || place
                            .split_whitespace()
                            .any(|w| crate::month_number(w).is_some());
                    if dated {
                        continue;
                    }
                    let Some(span) = at(place) else { continue };
                    let title: Vec<String> = place
                        .split_whitespace()
                        .map(crate::casing::title_word)
                        .collect();
                    let title = title.join(" ");
                    let mut c = match gaz.lookup(&title).or_else(|| gaz.lookup(place)) {
                        Some(entry) => names::Candidate::from_entry(span, entry),
                        None => names::Candidate::new(span, Some(EntityKind::Place)),
                    };
                    c.canonical.get_or_insert(std::borrow::Cow::Owned(title));
                    spans.push(span);
                    out.push(c);
                }
                if let Some(span) = agency.map(str::trim).and_then(at) {
                    spans.push(span);
                    out.push(names::Candidate::new(span, Some(EntityKind::Organization)));
                }
            }
            _ => continue,
        }
        for (hit, entry) in gaz.find_all(&field.text) {
            let span = Span::new(field.start + hit.start, field.start + hit.end);
            if !spans
                .iter()
                .any(|s| s.start < span.end && span.start < s.end)
            {
                out.push(names::Candidate::from_entry(span, entry));
            }
        }
    }
    out
}

/// Spans of the headline and of section headings, where capitals prove little,
/// sorted.
fn weak_blocks(article: &Article) -> Vec<Span> {
    let title = article
        .fields
        .iter()
        .filter(|f| f.field == FieldKind::Title)
        .map(|f| Span::new(f.start, f.end));
    let headings = article
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .map(|p| p.span());
    let mut blocks: Vec<Span> = title.chain(headings).collect();
    blocks.sort_unstable();
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_article, ArticleMeta};

    fn entities(text: &str) -> Vec<Entity> {
        let meta = ArticleMeta {
            published: Some("2026-03-06".into()),
            ..ArticleMeta::default()
        };
        extract_entities(&parse_article(text, &meta).unwrap())
    }

    fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| {
            panic!(
                "{name} not in {:#?}",
                es.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn surnames_and_given_name_parts_merge() {
        let es = entities("Wi Sung-lac was the ambassador before his retirement. \u{201C}It worries us,\u{201D} Sung-lac said. Wi left.");
        let wi = find(&es, "Wi Sung-lac");
        assert_eq!(wi.mentions.len(), 3);
        assert!(
            wi.roles.iter().any(|r| r.contains("ambassador")),
            "{:?}",
            wi.roles
        );
    }

    #[test]
    fn acronyms_merge_with_full_names() {
        let es = entities("The United Nations met. The U.N. said the UN would act. The U.S. and the United States agreed with the US.");
        assert_eq!(find(&es, "United Nations").mentions.len(), 3);
        assert_eq!(find(&es, "United States").mentions.len(), 3);
    }

    #[test]
    fn capitals_and_demonyms_link_to_countries() {
        let es = entities(
            "Pyongyang denied it. North Korean troops left North Korea. Pyongyang’s envoy spoke.",
        );
        let capital = find(&es, "Pyongyang");
        let country = find(&es, "North Korea");
        assert_eq!(capital.kind, EntityKind::Place);
        assert_eq!(capital.refers_to.as_deref(), Some(country.id.as_str()));
        let group = es.iter().find(|e| e.kind == EntityKind::Group).unwrap();
        assert_eq!(group.refers_to.as_deref(), Some(country.id.as_str()));
        assert_eq!(capital.mentions[1].text, "Pyongyang");
    }

    #[test]
    fn headlines_only_confirm_known_names() {
        let es =
            entities("Envoys Gather As Talks Resume In Hanoi\nTalks resumed in Hanoi on Friday.");
        assert!(
            es.iter()
                .all(|e| e.name != "Envoys Gather" && e.name != "Talks Resume"),
            "{es:#?}"
        );
        assert_eq!(find(&es, "Hanoi").mentions.len(), 2);
    }
}
