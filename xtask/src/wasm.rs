//! Building the wasm crate into the npm package, and running wasm tests in Node.
//!
//! Two routes to a wasm32 build (see shared/WASM-TOOLCHAIN.md): the plain one when
//! rustup has the wasm32 standard library, else Debian's rustc with `-Zbuild-std`
//! and `wasm-ld` (what `setup` installs where the target is missing).

use std::path::{Path, PathBuf};

use crate::{cmd, Result};

/// The wasm crate and its output file name.
const CRATE: &str = "newsclaims-wasm";
const WASM_FILE: &str = "newsclaims_wasm";
const TARGET: &str = "wasm32-unknown-unknown";
/// The size-first profile of the root Cargo.toml.
const PROFILE: &str = "wasm-release";

/// Whether rustup's sysroot has the wasm32 standard library (a user's machine
/// usually does; these build machines do not).
pub fn has_rustup_wasm_target() -> bool {
    cmd::output("rustc", &["--print", "sysroot"]).is_some_and(|sysroot| {
        Path::new(sysroot.trim())
            .join("lib/rustlib")
            .join(TARGET)
            .join("lib")
            .is_dir()
    })
}

/// The exact `wasm-bindgen` version in Cargo.lock, if the crate is used.
pub fn locked_wasm_bindgen_version(root: &Path) -> Option<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).ok()?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines
                .next()?
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

/// How to invoke cargo for wasm32 on this machine: program, extra arguments, env.
struct WasmCargo {
    program: String,
    args: Vec<&'static str>,
    env: Vec<(&'static str, String)>,
}

fn wasm_cargo() -> WasmCargo {
    // Without reference types wasm-bindgen keeps JS objects in a JS-side heap
    // instead of an externref table, which Debian's wasm-opt 108 mistypes (the
    // optimised module then fails to instantiate). Applies to wasm32 only.
    let rustflags = (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-C target-feature=-reference-types".to_string(),
    );
    if has_rustup_wasm_target() {
        return WasmCargo {
            program: "cargo".into(),
            args: vec![],
            env: vec![rustflags],
        };
    }
    // Debian's rustc-web builds std for wasm32 from rust-web-src.
    let path = std::env::var("PATH").unwrap_or_default();
    WasmCargo {
        program: "/usr/bin/cargo".into(),
        args: vec!["-Zbuild-std=std,panic_abort"],
        env: vec![
            ("PATH", format!("/usr/bin:{path}")),
            ("RUSTC", "/usr/bin/rustc".into()),
            ("RUSTC_BOOTSTRAP", "1".into()),
            (
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER",
                "wasm-ld".into(),
            ),
            rustflags,
        ],
    }
}

/// Builds the npm package: the wasm crate compiled for wasm32, bound by
/// wasm-bindgen for the web (`pkg/dist/web`) and Node (`pkg/dist/node`), and
/// shrunk by `wasm-opt -Oz` when binaryen is installed.
pub fn build_pkg(root: &Path) -> Result {
    let cargo = wasm_cargo();
    let mut args = vec![
        "build",
        "--profile",
        PROFILE,
        "--target",
        TARGET,
        "-p",
        CRATE,
    ];
    args.extend(&cargo.args);
    cmd::run(root, &cargo.program, &args, &cargo.env)?;

    let wasm = target_dir(root)
        .join(TARGET)
        .join(PROFILE)
        .join(format!("{WASM_FILE}.wasm"));
    let dist = root.join("pkg/dist");
    for (target, dir) in [("web", "web"), ("nodejs", "node")] {
        let out = dist.join(dir);
        if out.exists() {
            std::fs::remove_dir_all(&out)
                .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
        }
        cmd::run(
            root,
            "wasm-bindgen",
            &[
                "--target",
                target,
                // The package's types are the hand-kept pkg/index.d.ts.
                "--no-typescript",
                "--out-dir",
                &out.to_string_lossy(),
                &wasm.to_string_lossy(),
            ],
            &[],
        )?;
    }
    // pkg/package.json says "type": "module"; the Node build is CommonJS.
    write(
        &dist.join("node/package.json"),
        "{\n  \"type\": \"commonjs\"\n}\n",
    )?;
    optimize(root, &dist)?;
    for dir in ["web", "node"] {
        let file = dist.join(dir).join(format!("{WASM_FILE}_bg.wasm"));
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        println!("{}: {size} bytes", file.display());
    }
    Ok(())
}

/// Runs `wasm-opt -Oz` on the bound wasm (after wasm-bindgen, which needs the
/// custom sections that wasm-opt may drop). Skipped when binaryen is missing:
/// the package works the same, only larger.
fn optimize(root: &Path, dist: &Path) -> Result {
    if !cmd::exists("wasm-opt") {
        println!("\n(wasm-opt not found: the .wasm is left unoptimised; apt-get install binaryen)");
        return Ok(());
    }
    let web = dist.join(format!("web/{WASM_FILE}_bg.wasm"));
    let node = dist.join(format!("node/{WASM_FILE}_bg.wasm"));
    let same = std::fs::read(&web).ok() == std::fs::read(&node).ok();
    let files: &[&PathBuf] = if same { &[&web] } else { &[&web, &node] };
    for file in files {
        let path = file.to_string_lossy();
        cmd::run(
            root,
            "wasm-opt",
            &[
                "-Oz",
                // Features rustc enables by default for wasm32 (binaryen 108 would
                // otherwise reject them); reference types are off, see wasm_cargo.
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "-o",
                &path,
                &path,
            ],
            &[],
        )?;
    }
    if same {
        std::fs::copy(&web, &node).map_err(|e| format!("cannot copy {}: {e}", web.display()))?;
    }
    Ok(())
}

/// Runs the wasm crate's wasm-bindgen tests in Node.
pub fn test_in_node(root: &Path) -> Result {
    let mut cargo = wasm_cargo();
    // The runner is installed with wasm-bindgen-cli; found on the caller's PATH
    // (the build-std route puts /usr/bin first, hence the absolute path).
    let runner = find_in_path("wasm-bindgen-test-runner")
        .ok_or("wasm-bindgen-test-runner not found; run `cargo xtask setup`")?;
    cargo.env.push((
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        runner.to_string_lossy().into_owned(),
    ));
    let mut args = vec!["test", "--target", TARGET, "-p", CRATE];
    args.extend(&cargo.args);
    cmd::run(root, &cargo.program, &args, &cargo.env)
}

/// Cargo's target directory (honours `CARGO_TARGET_DIR`).
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// The first `name` on PATH.
fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
