//! The article parser on the embedded sample story, checked against the answer key
//! written with the story (`samples/story/expected.json`).

use newsclaims::{parse_article, sample, ParagraphKind, RemovalReason};
use serde_json::Value;

fn expected() -> Value {
    serde_json::from_str(include_str!("../samples/story/expected.json")).unwrap()
}

#[test]
fn every_article_matches_the_answer_key() {
    let key = expected();
    for (article, want) in sample::story()
        .iter()
        .zip(key["articles"].as_array().unwrap())
    {
        let id = article.id;
        assert_eq!(want["id"], id);
        let got = parse_article(article.text, &article.meta()).unwrap();
        assert_eq!(got.title.as_deref(), want["title"].as_str(), "{id} title");
        assert_eq!(
            got.subtitle.as_deref(),
            want["subtitle"].as_str(),
            "{id} subtitle"
        );
        let authors: Vec<&str> = got.authors.iter().map(|a| a.name.as_str()).collect();
        let want_authors: Vec<&str> = want["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(authors, want_authors, "{id} authors");
        assert_eq!(
            got.outlet.as_deref(),
            want["outlet"].as_str(),
            "{id} outlet"
        );
        let places: Vec<String> = got
            .dateline
            .as_ref()
            .map(|d| d.places.iter().map(|p| p.to_uppercase()).collect())
            .unwrap_or_default();
        let want_places: Vec<String> = want["dateline_places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_uppercase())
            .collect();
        assert_eq!(places, want_places, "{id} dateline");
        let headings: Vec<&str> = got
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Heading)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            headings,
            want["headings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h.as_str().unwrap())
                .collect::<Vec<_>>(),
            "{id} headings"
        );
        let removed = want["removed"].as_array().unwrap();
        assert_eq!(
            got.removed.len(),
            removed.len(),
            "{id} removed: {:#?}",
            got.removed
        );
        for r in removed {
            let needle = r["text_contains"].as_str().unwrap();
            let hit = got
                .removed
                .iter()
                .find(|g| g.text.contains(needle))
                .unwrap_or_else(|| panic!("{id}: {needle:?} not removed"));
            assert_eq!(
                hit.reason.as_str(),
                r["reason"].as_str().unwrap(),
                "{id} {needle}"
            );
            if hit.reason == RemovalReason::Duplicate {
                let kept = &got.paragraphs[hit.duplicate_of.unwrap()];
                assert!(kept.start < hit.start, "{id}: the kept copy comes first");
            }
        }
    }
}

#[test]
fn caller_outlet_wins_and_text_outlet_is_found_without_it() {
    let a = &sample::story()[0];
    let parsed = parse_article(a.text, &newsclaims::ArticleMeta::default()).unwrap();
    assert_eq!(parsed.outlet.as_deref(), Some("Harbor Ledger"));
    let mut meta = a.meta();
    meta.outlet = Some("Someone Else".into());
    let parsed = parse_article(a.text, &meta).unwrap();
    assert_eq!(parsed.outlet.as_deref(), Some("Someone Else"));
}
