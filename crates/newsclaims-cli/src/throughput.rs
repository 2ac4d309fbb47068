//! `newsclaims throughput`: MB/s of each stage on one core.
//!
//! A command rather than a timed test: speed is measured, not asserted.

use std::io::Write;
use std::time::{Duration, Instant};

use newsclaims::ArticleMeta;

/// Measures parse, sentence split and full analysis over the files (or the sample story).
pub fn run(files: &[String], out: &mut impl Write) -> std::io::Result<bool> {
    let texts: Vec<String> = if files.is_empty() {
        newsclaims::sample::story()
            .iter()
            .map(|s| s.text.to_string())
            .collect()
    } else {
        let mut texts = Vec::new();
        for f in files {
            texts.push(std::fs::read_to_string(f)?);
        }
        texts
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        writeln!(out, "no input")?;
        return Ok(true);
    }
    let meta = ArticleMeta::default();
    writeln!(out, "{} texts, {} bytes", texts.len(), bytes)?;
    let stages: [(&str, &Stage<'_>); 3] = [
        ("parse", &|t| {
            let _ = newsclaims::parse_article(t, &meta);
        }),
        ("sentences", &|t| {
            let _ = newsclaims::split_sentences(t);
        }),
        ("analyze", &|t| {
            let _ = newsclaims::analyze_text(t, &meta);
        }),
    ];
    for (name, stage) in stages {
        let rate = measure(&texts, bytes, stage);
        writeln!(out, "{name:<10} {rate:>9.1} MB/s")?;
    }
    Ok(false)
}

/// One measured stage of the pipeline, run on one text.
type Stage<'a> = dyn Fn(&str) + 'a;

/// Runs `stage` over all texts repeatedly for about a second; returns MB/s.
fn measure(texts: &[String], bytes: usize, stage: &Stage<'_>) -> f64 {
    for t in texts {
        stage(t); // warm up lazily built tables
    }
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < Duration::from_secs(1) || rounds < 3 {
        for t in texts {
            stage(t);
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    (bytes as f64 * f64::from(rounds)) / secs / 1e6
}
