//! `newsclaims-datagen import|check`: see the library docs.

use std::process::ExitCode;

use newsclaims_datagen::{check, data_dir, import, workspace_root};

const USAGE: &str = "usage: newsclaims-datagen <import|check>
  import  download the pinned source packages and rewrite crates/newsclaims/data/
  check   verify crates/newsclaims/data/ offline (run by CI)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import::run(&workspace_root()),
        Some("check") => check::run(&data_dir()),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsclaims-datagen: {e}");
            ExitCode::FAILURE
        }
    }
}
