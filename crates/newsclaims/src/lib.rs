//! # newsclaims
//!
//! Reads English news articles, as copied or scraped from a web page, into typed
//! data:
//!
//! - the [`Article`]: headline, byline, outlet, dateline and paragraphs, with
//!   boilerplate and repeated paragraphs removed (and kept aside with the reason);
//! - its [`Entity`]s: people with their roles, organisations, places, groups,
//!   events, dates and quantities, aliases merged;
//! - its [`Claim`]s: who said, accused, denied or predicted what;
//!
//! and, given several articles on one story, [`compare()`]s them into a [`Story`]:
//! corroborated claims, claims found once, conflicts and copied paragraphs.
//!
//! Extraction is rule-based and explainable. All offsets are byte offsets into
//! the text exactly as given, on `char` boundaries.
//!
//! ```
//! use newsclaims::{analyze_text, compare, ArticleMeta};
//!
//! let text = "Dam talks stall\n\nBy Ana Ruiz\n\n\"We will not sign,\" said Minister Omar Haddad on Monday.";
//! let meta = ArticleMeta { id: Some("a1".into()), ..ArticleMeta::default() };
//! let analysis = analyze_text(text, &meta).unwrap();
//! for p in &analysis.article.paragraphs {
//!     assert_eq!(&text[p.start..p.end], p.text);
//! }
//! let story = compare(&[analysis]);
//! assert_eq!(story.articles[0].id, "a1");
//! ```

#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

mod analyze;
pub mod article;
mod casing;
pub mod claim;
pub mod compare;
mod date;
pub mod entity;
mod error;
mod lexicon;
mod model;
pub mod offsets;
pub mod sample;
pub mod sentence;
mod span;

pub use analyze::{analyze, analyze_bytes, analyze_text, MAX_INPUT_BYTES};
pub use article::parse_article;
pub use claim::extract_claims;
pub use compare::{compare, compare_results, Failure};
pub use date::{month_number, weekday_number, Date};
pub use entity::extract_entities;
pub use error::{Error, ErrorKind};
pub use model::*;
pub use sentence::split_sentences;
pub use span::{Span, Utf16Map};

/// The README's examples, run as doc tests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
