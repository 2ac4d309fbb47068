//! Scores the library against the project's annotated gold set in
//! `crates/newsclaims/tests/gold/` and prints precision, recall and F1.
//!
//! ```text
//! cargo run --release -p newsclaims-eval -- entities [GOLD_DIR] [--errors] [--json]
//! cargo run --release -p newsclaims-eval -- claims [GOLD_DIR] [--errors] [--json]
//! ```
//!
//! `--errors` lists, per file, what was missed, what was found in excess and
//! what was found with the wrong kind, boundary or attribution. `--json`
//! prints the figures as JSON instead of a table (with `--errors`, the listing
//! goes to stderr).

mod claims;
mod entities;
mod gold;
mod score;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to print besides the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// List the errors of each file.
    pub errors: bool,
    /// Print JSON instead of a table.
    pub json: bool,
}

const USAGE: &str = "usage: newsclaims-eval entities|claims [GOLD_DIR] [--errors] [--json]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("newsclaims-eval: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut options = Options::default();
    let mut positional = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--errors" => options.errors = true,
            "--json" => options.json = true,
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            _ => positional.push(arg),
        }
    }
    let (task, dir) = match positional.as_slice() {
        [task] => (task.as_str(), None),
        [task, dir] => (task.as_str(), Some(PathBuf::from(dir))),
        _ => return Err(USAGE.to_string()),
    };
    let run_task = match task {
        "entities" => entities::run,
        "claims" => claims::run,
        _ => return Err(USAGE.to_string()),
    };
    let dir = dir.unwrap_or_else(|| default_gold_dir(task));
    run_task(&dir, &options)
}

/// `crates/newsclaims/tests/gold/<task>` relative to the working directory
/// when it exists there (run from the workspace root), else relative to the
/// workspace this binary was built in.
fn default_gold_dir(task: &str) -> PathBuf {
    let relative = Path::new("crates/newsclaims/tests/gold").join(task);
    if relative.is_dir() {
        relative
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(relative)
    }
}
