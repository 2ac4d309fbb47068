//! Rewriting an analysis' byte offsets into UTF-16 code units, for JavaScript.
//!
//! The core reports byte offsets (see [`crate::Span`]); JavaScript indexes strings
//! in UTF-16 units, so the npm package (issue #6) converts every offset of a result
//! before handing it over, and `text.slice(start, end)` then gives the span's text.
//! This is plain Rust, tested here by `cargo test`, so that the wasm binding stays a
//! thin shell (STYLE.md section 5).

use crate::{Analysis, Span, Utf16Map};

/// Rewrites every offset of `analysis` from bytes into UTF-16 units of the
/// article's text: paragraphs, removed lines, header fields, the dateline,
/// sentences, entity mentions and claims.
///
/// After this call the offsets no longer slice the Rust `String` (use
/// `text.encode_utf16()`); the value is meant to be serialised for JavaScript.
/// Each call must see byte offsets: converting twice gives wrong offsets.
///
/// ```
/// use newsclaims::{analyze_text, offsets::to_utf16, ArticleMeta};
/// let text = "東京 talks stall\n\nRain fell on Monday.";
/// let mut analysis = analyze_text(text, &ArticleMeta::default()).unwrap();
/// to_utf16(&mut analysis);
/// let units: Vec<u16> = text.encode_utf16().collect();
/// for p in &analysis.article.paragraphs {
///     assert_eq!(String::from_utf16_lossy(&units[p.start..p.end]), p.text);
/// }
/// ```
pub fn to_utf16(analysis: &mut Analysis) {
    let map = Utf16Map::new(analysis.article.text());
    // Every offset-bearing field of the model is listed here; the test below walks
    // the JSON so that a new `start`/`end` pair left out of this list fails it.
    let conv = |start: &mut usize, end: &mut usize| {
        let s = map.span_to_utf16(Span::new(*start, *end));
        *start = s.start;
        *end = s.end;
    };
    let article = &mut analysis.article;
    for p in &mut article.paragraphs {
        conv(&mut p.start, &mut p.end);
    }
    for r in &mut article.removed {
        conv(&mut r.start, &mut r.end);
    }
    for f in &mut article.fields {
        conv(&mut f.start, &mut f.end);
    }
    if let Some(d) = &mut article.dateline {
        conv(&mut d.start, &mut d.end);
    }
    for s in &mut article.sentences {
        *s = map.span_to_utf16(*s);
    }
    for e in &mut analysis.entities {
        for m in &mut e.mentions {
            conv(&mut m.start, &mut m.end);
        }
    }
    for c in &mut analysis.claims {
        conv(&mut c.start, &mut c.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_text, ArticleMeta};
    use serde_json::Value;

    /// Texts with every kind of character that changes the byte/unit ratio.
    fn texts() -> Vec<String> {
        let mut out: Vec<String> = vec![
            "Flood talks in 東京 stall as \u{201c}naïve\u{201d} plan fails\r\n\r\nBy Zoë Brontë\r\n\r\nKYIV, March 3 (Wire) \u{2013} \u{201c}We will not sign 🇺🇦 today,\u{201d} said Minister Omar Haddad on Monday.\r\n\r\nThe ministry said 12\u{a0}000 people had left \u{2014} more than in 2019, according to the U.N.\r\n\r\nShare this article".to_string(),
            "Dam talks stall\n\nBy Ana Ruiz\n\n\"We will not sign,\" said Minister Omar Haddad on Monday.".to_string(),
            "😀😀 headline\n\n\u{a0}\n\nBody text 大阪 with 3.5% and $4 million, officials said.".to_string(),
        ];
        out.extend(crate::sample::story().iter().map(|a| a.text.to_string()));
        out
    }

    /// Checks every JSON object that has `text`, `start` and `end`.
    fn check_spans(value: &Value, units: &[u16], checked: &mut usize) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(t)), Some(s), Some(e)) =
                    (map.get("text"), map.get("start"), map.get("end"))
                {
                    let s = s.as_u64().unwrap() as usize;
                    let e = e.as_u64().unwrap() as usize;
                    let slice = String::from_utf16(&units[s..e]).unwrap();
                    assert_eq!(&slice, t, "span {s}..{e}");
                    *checked += 1;
                }
                map.values().for_each(|v| check_spans(v, units, checked));
            }
            Value::Array(items) => items.iter().for_each(|v| check_spans(v, units, checked)),
            _ => {}
        }
    }

    #[test]
    fn every_converted_span_slices_its_text() {
        let mut total = 0;
        for text in texts() {
            let mut analysis = analyze_text(&text, &ArticleMeta::default()).unwrap();
            to_utf16(&mut analysis);
            let units: Vec<u16> = text.encode_utf16().collect();
            check_spans(
                &serde_json::to_value(&analysis).unwrap(),
                &units,
                &mut total,
            );
            for s in &analysis.article.sentences {
                assert!(String::from_utf16(&units[s.range()]).is_ok());
            }
        }
        assert!(total > 0, "no span was checked");
    }

    #[test]
    fn ascii_offsets_do_not_change() {
        let text = "Dam talks stall\n\nRain fell on Monday, officials said.";
        let before = analyze_text(text, &ArticleMeta::default()).unwrap();
        let mut after = before.clone();
        to_utf16(&mut after);
        assert_eq!(before, after);
    }
}
