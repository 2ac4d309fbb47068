//! The demo page in a real headless Chromium (issue #7).
//!
//! Serves the repository root with [`crate::serve`] on a free port, then runs
//! `node tests/e2e/demo.test.mjs`, which drives Debian's Chromium through
//! `playwright-core` (no browser download: `npx playwright install` needs the
//! network, Debian's package does not). The page's
//! URL is passed in `NEWSCLAIMS_DEMO_URL`; screenshots go to `tests/screenshots/`.

use std::path::Path;

use crate::serve::Server;
use crate::{cmd, Result};

/// The test script, relative to the repository root.
const SCRIPT: &str = "tests/e2e/demo.test.mjs";

/// Where Debian installs Chromium; `CHROMIUM` overrides it.
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// Serves the demo page and drives it in Chromium.
pub fn run(root: &Path) -> Result {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.to_string());
    if !Path::new(&chromium).exists() {
        return Err(format!(
            "no Chromium at {chromium}: run `cargo xtask setup` or set CHROMIUM"
        ));
    }
    if !root.join("node_modules/playwright-core").exists() {
        return Err("playwright-core is not installed: run `cargo xtask setup`".to_string());
    }
    if !root.join("pkg/dist/web/newsclaims_wasm.js").exists() {
        return Err("the package is not built: run `cargo xtask pkg`".to_string());
    }
    let server = Server::start(root, 0)?;
    let url = server.url();
    println!("\nxtask: serving the demo page on {url}");
    let outcome = cmd::run(
        root,
        "node",
        &[SCRIPT],
        &[("NEWSCLAIMS_DEMO_URL", url), ("CHROMIUM", chromium)],
    );
    server.stop();
    outcome
}
