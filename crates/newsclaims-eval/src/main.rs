//! Scores the library against the project's annotated gold set in
//! `crates/newsclaims/tests/gold/` and prints precision, recall and F1.
//!
//! ```text
//! cargo run -p newsclaims-eval -- entities [GOLD_DIR]
//! cargo run -p newsclaims-eval -- claims [GOLD_DIR]
//! ```

mod claims;
mod entities;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold = args.get(1).map_or_else(default_gold_dir, PathBuf::from);
    let result = match args.first().map(String::as_str) {
        Some("entities") => entities::run(&gold),
        Some("claims") => claims::run(&gold),
        _ => Err("usage: newsclaims-eval entities|claims [GOLD_DIR]".to_string()),
    };
    match result {
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

fn default_gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../newsclaims/tests/gold")
}
