//! The `newsclaims` command: analyse and compare news articles from a shell.
//!
//! ```text
//! newsclaims analyze [--json] FILE...     one analysis per file (`-` reads stdin)
//! newsclaims compare [--json] FILE...     compare articles on one story
//! newsclaims demo [--json]                compare the embedded sample story
//! newsclaims throughput [FILE...]         MB/s per stage on one core
//! ```
//!
//! Every file given comes back out, analysed or with its error; the exit code is
//! 1 when any file failed and 2 for a usage error.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

mod args;
mod input;
mod render;
mod throughput;

use std::io::Write;
use std::process::ExitCode;

use args::{Command, Options};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let options = match args::parse(&argv) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("newsclaims: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    // Buffered: the JSON of a long story is many small writes.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = run(&options, &mut out).and_then(|failed| out.flush().map(|()| failed));
    let failed = match result {
        Ok(failed) => failed,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(e) => {
            eprintln!("newsclaims: {e}");
            true
        }
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs one command; returns whether any input failed.
fn run(options: &Options, out: &mut impl Write) -> std::io::Result<bool> {
    match options.command {
        Command::Help => {
            writeln!(out, "{}", args::USAGE)?;
            Ok(false)
        }
        Command::Version => {
            writeln!(out, "newsclaims {}", env!("CARGO_PKG_VERSION"))?;
            Ok(false)
        }
        Command::Analyze => {
            let results = input::analyze_files(&options.files, options);
            let failed = results.iter().any(Result::is_err);
            report_failures(&results);
            if options.json {
                render::json::write_analyses(out, &results)?;
            } else {
                for a in results.iter().filter_map(|r| r.as_ref().ok()) {
                    render::analysis::write(out, a)?;
                }
            }
            Ok(failed)
        }
        Command::Compare => {
            let results = input::analyze_files(&options.files, options);
            let failed = results.iter().any(Result::is_err);
            report_failures(&results);
            let story = newsclaims::compare_results(&results);
            if options.json {
                render::json::write(out, &story)?;
            } else {
                let analyses: Vec<_> = results.into_iter().filter_map(Result::ok).collect();
                render::story::write(out, &story, &analyses)?;
            }
            Ok(failed)
        }
        Command::Demo => {
            let analyses = input::analyze_sample();
            let story = newsclaims::compare(&analyses);
            if options.json {
                render::json::write(out, &story)?;
            } else {
                render::story::write(out, &story, &analyses)?;
            }
            Ok(false)
        }
        Command::Throughput => throughput::run(&options.files, out),
    }
}

fn report_failures(results: &[Result<newsclaims::Analysis, newsclaims::Failure>]) {
    for r in results {
        if let Err(f) = r {
            eprintln!("newsclaims: {}: {} ({})", f.id, f.error, f.error.code());
        }
    }
}
