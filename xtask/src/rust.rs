//! The Rust checks: formatting, lints, tests, generated data.

use std::path::Path;

use crate::{cmd, Result};

/// Runs rustfmt, clippy, the workspace tests and the data-generator check.
pub fn run(root: &Path) -> Result {
    cmd::run(root, "cargo", &["fmt", "--all", "--check"], &[])?;
    let native = ["--workspace", "--exclude", "newsclaims-wasm"];
    let mut clippy = vec!["clippy", "--all-targets"];
    clippy.extend(native);
    clippy.extend(["--", "-D", "warnings"]);
    cmd::run(root, "cargo", &clippy, &[])?;
    let mut test = vec!["test"];
    test.extend(native);
    cmd::run(root, "cargo", &test, &[])?;
    // Broken or private intra-doc links fail the docs, as they would on docs.rs.
    let mut doc = vec!["doc", "--no-deps"];
    doc.extend(native);
    cmd::run(
        root,
        "cargo",
        &doc,
        &[("RUSTDOCFLAGS", "-D warnings".to_string())],
    )?;
    if root.join("crates/newsclaims-datagen").exists() {
        cmd::run(
            root,
            "cargo",
            &["run", "--quiet", "-p", "newsclaims-datagen", "--", "check"],
            &[],
        )?;
    }
    Ok(())
}
