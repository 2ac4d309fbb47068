//! JSON output, schema `newsclaims/1`.

use std::io::Write;

use newsclaims::{Analysis, Failure, SCHEMA};
use serde::Serialize;

/// Writes any serialisable value as pretty JSON and a newline.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// One entry of `analyze --json`: an analysis, or the error of a failed input.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Analysed(&'a Analysis),
    Failed {
        schema: &'static str,
        id: &'a str,
        error: ErrorBody<'a>,
    },
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'static str,
    message: &'a str,
}

/// Writes the array of `analyze --json`, one object per input in input order.
pub fn write_analyses(
    out: &mut impl Write,
    results: &[Result<Analysis, Failure>],
) -> std::io::Result<()> {
    let entries: Vec<Entry<'_>> = results
        .iter()
        .map(|r| match r {
            Ok(a) => Entry::Analysed(a),
            Err(f) => Entry::Failed {
                schema: SCHEMA,
                id: &f.id,
                error: ErrorBody {
                    code: f.error.code(),
                    message: f.error.message(),
                },
            },
        })
        .collect();
    write(out, &entries)
}
