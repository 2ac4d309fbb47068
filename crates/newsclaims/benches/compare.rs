//! Criterion benchmark of `compare` on synthetic stories of 100, 1,000 and
//! 10,000 articles of about 5 KB each.
//!
//! `cargo bench -p newsclaims --bench compare`
//!
//! The sample story (five articles) is analysed once; each synthetic article
//! joins two sample articles (about 5.5 KB) and is then perturbed: its own id
//! and outlet, and about one letter or digit in forty changed (same length, so
//! every offset stays true), which changes words and numbers the way
//! rewriting, typos and different figures do. Before criterion runs, one timed
//! run per size prints the scaling curve.

use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use newsclaims::{
    compare, parse_article, sample, Analysis, Claim, ClaimForm, ClaimKind, Mention, SCHEMA,
};

/// The sample story analysed by the pipeline. Should extraction find no claims
/// (or fail), one unattributed claim per sentence stands in, so that claim
/// clustering is measured all the same.
fn base() -> Vec<Analysis> {
    sample::story()
        .iter()
        .map(|s| {
            let analysed =
                std::panic::catch_unwind(|| newsclaims::analyze_text(s.text, &s.meta()).ok())
                    .ok()
                    .flatten();
            let mut a = match analysed {
                Some(a) => a,
                None => {
                    let article = parse_article(s.text, &s.meta()).expect("sample parses");
                    Analysis {
                        schema: SCHEMA.into(),
                        id: article.id.clone(),
                        article,
                        entities: vec![],
                        claims: vec![],
                    }
                }
            };
            if a.claims.is_empty() {
                a.claims = sentence_claims(&a);
            }
            a
        })
        .collect()
}

fn sentence_claims(a: &Analysis) -> Vec<Claim> {
    let mut out = Vec::new();
    for p in a.article.body() {
        for s in newsclaims::split_sentences(&p.text) {
            out.push(Claim {
                id: format!("c{}", out.len() + 1),
                kind: ClaimKind::Statement,
                form: ClaimForm::Unattributed,
                speaker: None,
                cue: None,
                quote: None,
                text: p.text[s.range()].to_string(),
                start: p.start + s.start,
                end: p.start + s.end,
                target: None,
                hedged: false,
                negated: false,
                entities: vec![],
                responds_to: None,
            });
        }
    }
    out
}

/// SplitMix64: a small deterministic generator for the perturbations.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Changes about one ASCII letter or digit in forty, chosen by its absolute
/// byte offset, so that a paragraph and a claim inside it change alike.
fn perturb(text: &str, at: usize, seed: u64) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (i, b) in bytes.iter_mut().enumerate() {
        let r = mix(seed ^ ((at + i) as u64).wrapping_mul(0x1000_0000_01B3));
        if r % 40 != 0 {
            continue;
        }
        let k = (r >> 8) as u8;
        if b.is_ascii_lowercase() {
            *b = b'a' + k % 26;
        } else if b.is_ascii_digit() {
            *b = b'0' + k % 10;
        }
    }
    String::from_utf8(bytes).expect("ASCII bytes replaced by ASCII bytes")
}

/// Article `i` of a synthetic story: sample articles `i % 5` and `(i + 2) % 5`
/// joined, renamed and perturbed.
fn synthetic(base: &[Analysis], i: usize) -> Analysis {
    let first = &base[i % base.len()];
    let second = &base[(i + 2) % base.len()];
    let seed = mix(i as u64);
    let shift = first.article.paragraphs.last().map_or(0, |p| p.end) + 2;
    let mut a = first.clone();
    a.id = format!("a{i}");
    a.article.id = a.id.clone();
    a.article.outlet = Some(format!("Outlet {}", i % 1_000_003));
    a.article.published = Some(format!("2026-03-{:02}", 1 + i % 28));
    let n_claims = a.claims.len();
    let n_entities = a.entities.len();
    for p in &second.article.paragraphs {
        let mut p = p.clone();
        p.start += shift;
        p.end += shift;
        a.article.paragraphs.push(p);
    }
    for c in &second.claims {
        let mut c = c.clone();
        c.id = format!(
            "c{}",
            n_claims + c.id.trim_start_matches('c').parse::<usize>().unwrap_or(0)
        );
        c.start += shift;
        c.end += shift;
        c.entities = c.entities.iter().map(|e| renumber(e, n_entities)).collect();
        if let Some(s) = c.speaker.as_mut() {
            s.entity = s.entity.as_deref().map(|e| renumber(e, n_entities));
        }
        c.responds_to = c.responds_to.as_deref().map(|r| {
            format!(
                "c{}",
                n_claims + r.trim_start_matches('c').parse::<usize>().unwrap_or(0)
            )
        });
        a.claims.push(c);
    }
    for e in &second.entities {
        let mut e = e.clone();
        e.id = renumber(&e.id, n_entities);
        for m in &mut e.mentions {
            m.start += shift;
            m.end += shift;
        }
        a.entities.push(e);
    }
    for p in &mut a.article.paragraphs {
        p.text = perturb(&p.text, p.start, seed);
    }
    for c in &mut a.claims {
        c.text = perturb(&c.text, c.start, seed);
    }
    for e in &mut a.entities {
        e.mentions = e
            .mentions
            .iter()
            .map(|m| Mention {
                text: perturb(&m.text, m.start, seed),
                ..m.clone()
            })
            .collect();
    }
    a
}

fn renumber(id: &str, by: usize) -> String {
    format!(
        "e{}",
        by + id.trim_start_matches('e').parse::<usize>().unwrap_or(0)
    )
}

fn story(base: &[Analysis], n: usize) -> Vec<Analysis> {
    (0..n).map(|i| synthetic(base, i)).collect()
}

fn bytes(story: &[Analysis]) -> usize {
    story
        .iter()
        .flat_map(|a| &a.article.paragraphs)
        .map(|p| p.text.len())
        .sum()
}

/// One timed run per size, printed as the scaling curve.
fn curve(base: &[Analysis]) {
    println!("compare scaling (one run each, synthetic ~5 KB articles):");
    let mut first: Option<f64> = None;
    for n in [100, 1_000, 10_000] {
        let s = story(base, n);
        let kb = bytes(&s) as f64 / 1024.0 / n as f64;
        let t = Instant::now();
        let out = compare(&s);
        let secs = t.elapsed().as_secs_f64();
        let per = secs / n as f64 * 1000.0;
        let ratio = first.map_or(1.0, |f| per / f);
        first.get_or_insert(per);
        println!(
            "  {n:>6} articles ({kb:.1} KB each): {secs:>7.3} s  {per:.3} ms/article  (x{ratio:.2} per article vs 100)  \
             {} clusters, {} copies, {} conflicts",
            out.claims.len(),
            out.copies.len(),
            out.conflicts.len()
        );
    }
}

fn bench(c: &mut Criterion, base: &[Analysis]) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    for n in [100, 1_000, 10_000] {
        let s = story(base, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter(|| compare(s).claims.len())
        });
    }
    group.finish();
}

fn main() {
    let base = base();
    curve(&base);
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &base);
    c.final_summary();
}
