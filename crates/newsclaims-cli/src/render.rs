//! Output: JSON documents and readable reports.

pub mod analysis;
pub mod json;
pub mod story;
