//! A static file server for the demo page.

use std::path::Path;

use crate::Result;

/// Serves the repository root over HTTP on 127.0.0.1.
pub fn run(root: &Path, port: Option<&str>) -> Result {
    let _ = (root, port);
    Err("the demo page comes with issue #7".to_string())
}
