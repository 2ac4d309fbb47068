//! The WebAssembly binding of newsclaims: the npm package `newsclaims` (issue #6).
//!
//! Thin by design (STYLE.md section 3): each export reads its arguments, calls one
//! core function, converts offsets to UTF-16 and maps errors to JavaScript
//! `Error`s with a `code`. No extraction rule lives here.
//!
//! Results are plain JavaScript objects with the same field names as the Rust
//! types and the CLI's JSON; every `start`/`end` is a UTF-16 offset into the text
//! exactly as given, so `text.slice(start, end)` is the span's text.

#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

mod dto;
mod error;

use newsclaims::offsets::to_utf16;
use newsclaims::{Error, ErrorKind, Failure};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use error::INTERNAL;

/// `analyze(text, options?)`: one article's structure, entities and claims.
///
/// `options` may hold `id`, `url`, `outlet` and `published` (`YYYY-MM-DD`); any
/// other key fails with code `invalid_options`. A `text` that is not a string
/// fails with `invalid_input`, one over the size limit with `input_too_large`.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = dto::read_text(&text, "text").map_err(|e| error::to_js_error(&e))?;
    let meta = dto::read_options(&options).map_err(|e| error::to_js_error(&e))?;
    let mut analysis =
        newsclaims::analyze_text(&text, &meta).map_err(|e| error::to_js_error(&e))?;
    to_utf16(&mut analysis);
    dto::to_js(&analysis)
}

/// `compare(articles)`: several articles on one story, compared.
///
/// Each article is `{ text, id?, url?, outlet?, published? }`. An article that
/// cannot be analysed is listed in `story.articles` with its `error` and takes no
/// further part; only a non-array (`invalid_input`) or an empty list
/// (`empty_story`) throws.
#[wasm_bindgen(js_name = compare)]
pub fn compare(articles: JsValue) -> Result<JsValue, JsValue> {
    let list: js_sys::Array = articles.dyn_into().map_err(|_| {
        error::to_js_error(&Error::new(
            ErrorKind::InvalidInput,
            "articles must be an array of { text, id?, url?, outlet?, published? }",
        ))
    })?;
    if list.length() == 0 {
        return Err(error::to_js_error(&Error::new(
            ErrorKind::EmptyStory,
            "no articles to compare",
        )));
    }
    let results: Vec<Result<newsclaims::Analysis, Failure>> = list
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let (text, meta) =
                dto::read_article(&value, index).map_err(|(id, error)| Failure { id, error })?;
            let id = meta.id.clone().unwrap_or_default();
            newsclaims::analyze_text(&text, &meta).map_err(|error| Failure { id, error })
        })
        .collect();
    // The story holds no offsets, so it needs no conversion.
    dto::to_js(&newsclaims::compare_results(&results))
}

/// `version()`: the package's version, e.g. `"0.1.0"`.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// One article of the embedded sample story, in the shape `compare` takes.
#[derive(Serialize)]
struct SampleInput {
    id: &'static str,
    outlet: &'static str,
    published: Option<&'static str>,
    text: &'static str,
}

/// `sampleStory()`: the embedded sample story (five invented outlets on one
/// invented event), as `[{ id, outlet, published, text }]` ready for `compare`.
#[wasm_bindgen(js_name = sampleStory)]
pub fn sample_story() -> Result<JsValue, JsValue> {
    let story: Vec<SampleInput> = newsclaims::sample::story()
        .iter()
        .map(|a| SampleInput {
            id: a.id,
            outlet: a.outlet,
            published: a.published,
            text: a.text,
        })
        .collect();
    dto::to_js(&story)
}
