//! Criterion benchmarks of the pipeline, one group per stage, over the embedded
//! sample story (the project's own five articles).
//!
//! `cargo bench -p newsclaims --bench pipeline`; throughput is reported in bytes,
//! so criterion prints MB/s next to each time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsclaims::{
    analyze, extract_claims, extract_entities, parse_article, split_sentences, ArticleMeta,
};

fn texts() -> Vec<&'static str> {
    newsclaims::sample::story().iter().map(|s| s.text).collect()
}

fn stages(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let meta = ArticleMeta::default();
    let articles: Vec<_> = texts
        .iter()
        .filter_map(|t| parse_article(t, &meta).ok())
        .collect();
    let entities: Vec<_> = articles.iter().map(extract_entities).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse_article", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|t| parse_article(t, &meta).ok())
                .count()
        })
    });
    group.bench_function("split_sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| split_sentences(t).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract_entities", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extract_entities(a).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract_claims", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&entities)
                .map(|(a, e)| extract_claims(a, e).len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| analyze(a).claims.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The first analysis builds the gazetteer automata and regexes; this measures
/// that one-off cost in a fresh process only on its first iteration, so it is
/// reported as the cost of one analysis of a short text including warm tables.
fn first_use(c: &mut Criterion) {
    c.bench_function("analyze_short_text", |b| {
        b.iter(|| {
            newsclaims::analyze_text(
                "Rain fell in Nairobi on Monday, officials said.",
                &ArticleMeta::default(),
            )
        })
    });
}

criterion_group!(benches, stages, first_use);
criterion_main!(benches);
