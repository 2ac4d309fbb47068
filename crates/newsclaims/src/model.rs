//! The typed data the library produces, one module per stage.
//!
//! These types are the JSON contract (schema tag [`SCHEMA`]): field names are the
//! JSON names, enums serialise in `snake_case`, and every `start`/`end` pair is a
//! byte range into the article's input text.

mod article;
mod claim;
mod entity;
mod story;

pub use article::{
    Analysis, Article, ArticleMeta, Author, Dateline, Field, FieldKind, Paragraph, ParagraphKind,
    RemovalReason, Removed,
};
pub use claim::{Actor, Claim, ClaimForm, ClaimKind};
pub use entity::{Entity, EntityKind, EntityValue, Mention};
pub use story::{
    ArticleError, ClaimCluster, Conflict, ConflictKind, ConflictValue, CopiedText, Member, Story,
    StoryArticle, StoryEntity,
};

/// The schema tag carried by every top-level JSON document.
///
/// ```
/// assert_eq!(newsclaims::SCHEMA, "newsclaims/1");
/// ```
pub const SCHEMA: &str = "newsclaims/1";
