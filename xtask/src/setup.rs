//! Installs what the tests need and the machine lacks: the wasm toolchain, the
//! wasm-bindgen CLI at the version in Cargo.lock, Chromium, and the npm packages.
//!
//! Everything is checked first and installed only when missing, so on a prepared
//! machine this costs a second.

use std::path::Path;

use crate::{cmd, Result};

/// Makes sure every tool the tests use is present.
pub fn run(root: &Path) -> Result {
    apt_packages()?;
    wasm_bindgen_cli(root)?;
    npm_packages(root)
}

/// Debian packages: a Rust with its std sources and an LLVM wasm linker (for
/// building std for wasm32 where rustup has no wasm32 target), and Chromium.
fn apt_packages() -> Result {
    let mut missing = Vec::new();
    if !crate::wasm::has_rustup_wasm_target() {
        if !Path::new("/usr/bin/wasm-ld").exists() {
            missing.push("lld");
        }
        if !Path::new("/usr/lib/rustlib/src/rust/library").exists() {
            missing.extend(["rustc-web", "cargo-web", "rust-web-src"]);
        }
    }
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    // wasm-opt shrinks the package's .wasm; optional, so asked of apt only, never
    // an error where there is no apt-get.
    let want_binaryen = !cmd::exists("wasm-opt") && cmd::exists("apt-get");
    if want_binaryen {
        missing.push("binaryen");
    }
    if missing.is_empty() {
        return Ok(());
    }
    if !cmd::exists("apt-get") {
        return Err(format!(
            "missing {}; install them (no apt-get here)",
            missing.join(", ")
        ));
    }
    let env = [("DEBIAN_FRONTEND", "noninteractive".to_string())];
    cmd::run(Path::new("/"), "apt-get", &["update", "-q"], &env)?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(missing);
    cmd::run(Path::new("/"), "apt-get", &args, &env)
}

/// The wasm-bindgen CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
fn wasm_bindgen_cli(root: &Path) -> Result {
    let Some(version) = crate::wasm::locked_wasm_bindgen_version(root) else {
        return Ok(()); // no wasm crate yet
    };
    let installed = cmd::output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(());
    }
    // No --locked: one of its locked dependencies is not served by the registry here.
    cmd::run(
        root,
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ],
        &[],
    )
}

/// The npm packages of the tests (playwright-core, typescript), from package-lock.json.
fn npm_packages(root: &Path) -> Result {
    if !root.join("package-lock.json").exists() {
        return Ok(());
    }
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp),
        std::fs::metadata(root.join("package-lock.json")),
    ) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    cmd::run(root, "npm", &["ci", "--no-audit", "--no-fund"], &[])
}
