//! Build and test tasks for the workspace (the cargo-xtask pattern).
//!
//! ```text
//! cargo xtask test    install what is missing, then run every test:
//!                     Rust, generated data, wasm in Node, the npm package, the demo page
//! cargo xtask setup   only install what is missing
//! cargo xtask pkg     build the npm package into pkg/
//! cargo xtask serve   build the package and serve the demo page on http://127.0.0.1:8080/www/
//! ```
//!
//! Tasks are Rust so that they run the same on any machine with cargo; each step
//! prints what it runs, and the first failure stops the run with a non-zero exit.

mod cmd;
mod e2e;
mod js;
mod rust;
mod serve;
mod setup;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The result of a task step: `Err` carries a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let outcome = match args.first().map(String::as_str) {
        Some("test") => test_all(&root),
        Some("setup") => setup::run(&root),
        Some("pkg") => setup::run(&root).and_then(|()| wasm::build_pkg(&root)),
        Some("serve") => setup::run(&root)
            .and_then(|()| wasm::build_pkg(&root))
            .and_then(|()| serve::run(&root, args.get(1).map(String::as_str))),
        _ => Err("usage: cargo xtask test | setup | pkg | serve [PORT]".to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Everything CI runs, in order of cost: cheap Rust checks first.
fn test_all(root: &Path) -> Result {
    setup::run(root)?;
    rust::run(root)?;
    wasm::build_pkg(root)?;
    wasm::test_in_node(root)?;
    js::run(root)?;
    e2e::run(root)?;
    println!("\nxtask: all tests passed");
    Ok(())
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map_or(here.clone(), Path::to_path_buf)
}
