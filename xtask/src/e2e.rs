//! The demo page in a real headless Chromium.

use std::path::Path;

use crate::Result;

/// Serves the demo page and drives it in Chromium.
pub fn run(root: &Path) -> Result {
    let _ = root;
    Ok(())
}
