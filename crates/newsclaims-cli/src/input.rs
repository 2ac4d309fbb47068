//! Reading inputs: files, stdin and the embedded sample story.

use std::io::Read;

use newsclaims::{Analysis, ArticleMeta, Error, ErrorKind, Failure};

use crate::args::Options;

/// Analyses each file in order; a file that cannot be read or analysed gives its
/// [`Failure`] in its place, so every input comes back out.
pub fn analyze_files(files: &[String], options: &Options) -> Vec<Result<Analysis, Failure>> {
    files
        .iter()
        .map(|file| analyze_file(file, options))
        .collect()
}

fn analyze_file(file: &str, options: &Options) -> Result<Analysis, Failure> {
    let fail = |error: Error| Failure {
        id: file.to_string(),
        error,
    };
    let bytes = read(file).map_err(|e| {
        fail(Error::new(
            ErrorKind::Unreadable,
            format!("cannot read {file}: {e}"),
        ))
    })?;
    let meta = ArticleMeta {
        id: Some(file.to_string()),
        outlet: options.outlet.clone(),
        published: options.published.clone(),
        url: None,
    };
    newsclaims::analyze_bytes(&bytes, &meta)
        .map_err(|e| fail(Error::new(e.kind(), format!("{file}: {}", e.message()))))
}

fn read(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// Analyses the embedded sample story.
pub fn analyze_sample() -> Vec<Analysis> {
    newsclaims::sample::story()
        .iter()
        .filter_map(|s| newsclaims::analyze_text(s.text, &s.meta()).ok())
        .collect()
}
