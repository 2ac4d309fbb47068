//! Tests of the npm package from JavaScript: `node --test` on tests/*.test.mjs
//! (which also packs pkg/ and installs the tarball), `tsc` on
//! tests/types-check.ts, and the Node example. Needs `build_pkg` first and the npm
//! packages of package-lock.json.

use std::path::Path;

use crate::{cmd, Result};

/// Runs the JavaScript tests of the package.
pub fn run(root: &Path) -> Result {
    if !root.join("pkg/dist/node/newsclaims_wasm.js").exists() {
        return Err("pkg/dist is missing; run `cargo xtask pkg` first".into());
    }
    // The top-level test files only: tests/e2e/ needs a served page and runs in
    // `e2e::run`. Listed here because Node 20's --test takes no glob.
    let mut files: Vec<String> = std::fs::read_dir(root.join("tests"))
        .map_err(|e| format!("cannot list tests/: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/{name}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no tests/*.test.mjs found".into());
    }
    let mut args = vec!["--test"];
    args.extend(files.iter().map(String::as_str));
    cmd::run(root, "node", &args, &[])?;
    let tsc = root.join("node_modules/.bin/tsc");
    if !tsc.exists() {
        return Err("node_modules/.bin/tsc is missing; run `cargo xtask setup`".into());
    }
    cmd::run(
        root,
        &tsc.to_string_lossy(),
        &["-p", "tests/tsconfig.json"],
        &[],
    )?;
    cmd::run(root, "node", &["examples/node/analyze.mjs"], &[])
}
