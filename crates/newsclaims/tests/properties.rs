//! Properties that hold for any input: no panic, spans on char boundaries inside
//! the text, every non-blank line accounted for exactly once, same output twice.

use newsclaims::{analyze_text, Analysis, ArticleMeta};
use proptest::prelude::*;

/// Every span an analysis reports, with the text it claims to cover.
fn spans(a: &Analysis) -> Vec<(usize, usize, &str)> {
    let art = &a.article;
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    out.extend(
        art.paragraphs
            .iter()
            .map(|p| (p.start, p.end, p.text.as_str())),
    );
    out.extend(
        art.removed
            .iter()
            .map(|r| (r.start, r.end, r.text.as_str())),
    );
    out.extend(art.fields.iter().map(|f| (f.start, f.end, f.text.as_str())));
    for e in &a.entities {
        out.extend(e.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
    }
    out.extend(a.claims.iter().map(|c| (c.start, c.end, c.text.as_str())));
    out
}

fn check(text: &str) {
    let a = analyze_text(text, &ArticleMeta::default()).unwrap();
    for (start, end, shown) in spans(&a) {
        assert!(start <= end && end <= text.len(), "{start}..{end} outside");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(&text[start..end], shown);
    }
    for s in &a.article.sentences {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    // Every non-white-space byte is in exactly one field, paragraph or removal.
    let mut owners = vec![0u8; text.len()];
    let art = &a.article;
    let places = art
        .paragraphs
        .iter()
        .map(|p| (p.start, p.end))
        .chain(art.removed.iter().map(|r| (r.start, r.end)))
        .chain(art.fields.iter().map(|f| (f.start, f.end)));
    for (start, end) in places {
        for owner in &mut owners[start..end] {
            *owner += 1;
        }
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert_eq!(
                owners[i], 1,
                "byte {i} ({c:?}) owned {} times in {text:?}",
                owners[i]
            );
        }
    }
    let again = analyze_text(text, &ArticleMeta::default()).unwrap();
    assert_eq!(a, again);
}

/// Lines in the shapes news pages have, to reach the parser's rules often.
fn newsy_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("By Ana J. Ruiz, Senior Correspondent Coastal Times".to_string()),
        Just("HANOI/MANILA (Coastal Times) \u{2013} Ships met.".to_string()),
        Just("MILLIONS IN NEED".to_string()),
        Just("Share this:".to_string()),
        Just("\u{201C}We will stay,\u{201D} said Gen. Park on Sept. 3.".to_string()),
        Just("Published: March 4, 2026".to_string()),
        Just(String::new()),
        "[A-Za-z .,\u{201C}\u{201D}'\u{2019}\u{2013}é東🇺🇦\u{a0}\r-]{0,60}",
    ]
}

proptest! {
    #[test]
    fn any_unicode(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn news_shaped(lines in prop::collection::vec(newsy_line(), 0..14)) {
        check(&lines.join("\n"));
    }
}

#[test]
fn the_sample_story() {
    for a in newsclaims::sample::story() {
        check(a.text);
    }
}

/// Shapes that are not news but reach the rules' worst cases: one endless
/// sentence of acronyms, unbalanced quotes, a wall of bylines, runs of titles.
/// They must come back analysed, with every invariant kept.
#[test]
fn adversarial_shapes() {
    let shapes = [
        "U.S. ".repeat(4_000),
        "\u{201C} He said \u{201C} no \u{201D} and \u{201C} ".repeat(2_000),
        "\"".repeat(20_000),
        "Mr. ".repeat(5_000),
        "By Ana Ruiz and Bo Li\n".repeat(2_000),
        "MINISTER KIM SAID\nKim said it.\n".repeat(2_000),
    ];
    for text in &shapes {
        check(text);
    }
}
