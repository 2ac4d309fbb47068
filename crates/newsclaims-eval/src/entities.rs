//! Scoring of entity mentions against the gold set in `tests/gold/entities`.
//!
//! Each gold file is an article with inline `[[kind|surface]]` markup. The
//! markup is stripped, the plain text is analysed, and every mention of every
//! predicted entity is compared with the gold mentions: exactly (same span,
//! same kind) and leniently (overlapping span, same kind).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use newsclaims::{analyze_text, Analysis, ArticleMeta, EntityKind};
use serde_json::json;

use crate::gold::{self, Labelled};
use crate::score::{clip, line_of, overlaps, pct, Prf};
use crate::Options;

/// Exact and lenient counts of one kind (or of all kinds).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindScore {
    /// Same span and same kind.
    pub exact: Prf,
    /// Overlapping span and same kind.
    pub lenient: Prf,
}

impl KindScore {
    fn add(&mut self, other: &KindScore) {
        self.exact.add(&other.exact);
        self.lenient.add(&other.lenient);
    }
}

/// Scores of a set of files: per kind and their micro-average.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts per kind name.
    pub kinds: BTreeMap<String, KindScore>,
}

impl Scores {
    fn add(&mut self, other: &Scores) {
        for (kind, score) in &other.kinds {
            self.kinds.entry(kind.clone()).or_default().add(score);
        }
    }

    /// The sum over all kinds (micro-average).
    pub fn overall(&self) -> KindScore {
        let mut total = KindScore::default();
        for score in self.kinds.values() {
            total.add(score);
        }
        total
    }

    /// The kinds in display order: the library's fixed order, then any other.
    fn ordered(&self) -> Vec<(String, KindScore)> {
        let mut names: Vec<String> = EntityKind::ALL
            .iter()
            .map(|k| k.as_str().to_string())
            .collect();
        let extra: Vec<String> = self
            .kinds
            .keys()
            .filter(|k| !names.contains(k))
            .cloned()
            .collect();
        names.extend(extra);
        names
            .into_iter()
            .map(|name| {
                let score = self.kinds.get(&name).copied().unwrap_or_default();
                (name, score)
            })
            .collect()
    }
}

/// Compares predicted with gold mentions of one text.
///
/// Exact matching is one-to-one by construction (a span and kind occur once on
/// each side). Lenient matching counts a gold mention as found when any
/// prediction of its kind overlaps it, and a prediction as correct when it
/// overlaps any gold mention of its kind.
pub fn score(gold: &[Labelled], predicted: &[Labelled]) -> Scores {
    let mut scores = Scores::default();
    let exact_pred: BTreeSet<&Labelled> = predicted.iter().collect();
    let exact_gold: BTreeSet<&Labelled> = gold.iter().collect();
    for g in gold {
        let s = scores.kinds.entry(g.kind.clone()).or_default();
        s.exact.gold += 1;
        s.lenient.gold += 1;
        if exact_pred.contains(g) {
            s.exact.gold_matched += 1;
        }
        if predicted
            .iter()
            .any(|p| p.kind == g.kind && overlaps(p.range(), g.range()))
        {
            s.lenient.gold_matched += 1;
        }
    }
    for p in predicted {
        let s = scores.kinds.entry(p.kind.clone()).or_default();
        s.exact.predicted += 1;
        s.lenient.predicted += 1;
        if exact_gold.contains(p) {
            s.exact.predicted_matched += 1;
        }
        if gold
            .iter()
            .any(|g| g.kind == p.kind && overlaps(p.range(), g.range()))
        {
            s.lenient.predicted_matched += 1;
        }
    }
    scores
}

/// Every mention of every predicted entity, sorted, without duplicates.
pub fn predicted_mentions(analysis: &Analysis) -> Vec<Labelled> {
    let mut mentions: Vec<Labelled> = analysis
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(|m| Labelled {
                start: m.start,
                end: m.end,
                kind: e.kind.as_str().to_string(),
            })
        })
        .collect();
    mentions.sort();
    mentions.dedup();
    mentions
}

/// Lists, for one text, the gold mentions not found exactly (missed, wrong
/// boundary or wrong kind) and the predictions overlapping no unmatched gold
/// mention (spurious).
pub fn errors(text: &str, gold: &[Labelled], predicted: &[Labelled]) -> Vec<String> {
    let surface = |m: &Labelled| clip(text.get(m.start..m.end).unwrap_or("<bad span>"), 60);
    let exact_pred: BTreeSet<&Labelled> = predicted.iter().collect();
    let exact_gold: BTreeSet<&Labelled> = gold.iter().collect();
    let mut lines = Vec::new();
    let mut unmatched_gold = Vec::new();
    for g in gold.iter().filter(|g| !exact_pred.contains(g)) {
        unmatched_gold.push(g);
        let line = line_of(text, g.start);
        let near: Vec<&Labelled> = predicted
            .iter()
            .filter(|p| overlaps(p.range(), g.range()))
            .collect();
        let what = if near.is_empty() {
            format!("missed    L{line:<3} {:<12} “{}”", g.kind, surface(g))
        } else {
            let found: Vec<String> = near
                .iter()
                .map(|p| format!("{} “{}”", p.kind, surface(p)))
                .collect();
            let label = if near.iter().any(|p| p.kind == g.kind) {
                "boundary"
            } else {
                "kind"
            };
            format!(
                "{label:<9} L{line:<3} {:<12} “{}” → predicted {}",
                g.kind,
                surface(g),
                found.join(", ")
            )
        };
        lines.push(what);
    }
    for p in predicted.iter().filter(|p| !exact_gold.contains(p)) {
        // Overlaps with an unmatched gold mention were listed above.
        if unmatched_gold
            .iter()
            .any(|g| overlaps(p.range(), g.range()))
        {
            continue;
        }
        let line = line_of(text, p.start);
        let mut what = format!("spurious  L{line:<3} {:<12} “{}”", p.kind, surface(p));
        if let Some(g) = gold.iter().find(|g| overlaps(p.range(), g.range())) {
            let _ = write!(what, " (overlaps gold {} “{}”)", g.kind, surface(g));
        }
        lines.push(what);
    }
    lines
}

/// Scores entities in `dir` and returns the report to print.
pub fn run(dir: &Path, options: &Options) -> Result<String, String> {
    let files = gold::list_files(dir, "txt")?;
    let mut total = Scores::default();
    let mut listing = String::new();
    for path in &files {
        let name = gold::file_name(path);
        let source = gold::read(path)?;
        let (plain, gold_mentions) =
            gold::parse_markup(&source).map_err(|e| format!("{name}: {e}"))?;
        let meta = ArticleMeta {
            id: Some(name.clone()),
            ..ArticleMeta::default()
        };
        let analysis = analyze_text(&plain, &meta).map_err(|e| format!("{name}: {e}"))?;
        let predicted = predicted_mentions(&analysis);
        let scores = score(&gold_mentions, &predicted);
        if options.errors {
            let overall = scores.overall();
            let _ = writeln!(
                listing,
                "== {name}: gold {}, predicted {}, exact {}",
                overall.exact.gold, overall.exact.predicted, overall.exact.gold_matched
            );
            for line in errors(&plain, &gold_mentions, &predicted) {
                let _ = writeln!(listing, "  {line}");
            }
        }
        total.add(&scores);
    }
    if options.json {
        if options.errors {
            eprint!("{listing}");
        }
        return Ok(to_json(&total, files.len()));
    }
    Ok(format!("{listing}{}", table(&total, files.len())))
}

fn to_json(scores: &Scores, files: usize) -> String {
    let entry = |s: &KindScore| json!({"exact": s.exact.figures(), "lenient": s.lenient.figures()});
    let kinds: serde_json::Map<String, serde_json::Value> = scores
        .ordered()
        .iter()
        .map(|(name, s)| (name.clone(), entry(s)))
        .collect();
    let value = json!({
        "task": "entities",
        "files": files,
        "kinds": kinds,
        "overall": entry(&scores.overall()),
    });
    format!("{value:#}\n")
}

fn table(scores: &Scores, files: usize) -> String {
    let mut out = format!(
        "entities: {files} files\n{:<13} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}\n",
        "kind", "gold", "pred", "ex P", "ex R", "ex F1", "len P", "len R", "len F1"
    );
    let mut row = |name: &str, s: &KindScore| {
        let _ = writeln!(
            out,
            "{name:<13} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            s.exact.gold,
            s.exact.predicted,
            pct(s.exact.precision()),
            pct(s.exact.recall()),
            pct(s.exact.f1()),
            pct(s.lenient.precision()),
            pct(s.lenient.recall()),
            pct(s.lenient.f1()),
        );
    };
    for (name, s) in scores.ordered() {
        row(&name, &s);
    }
    row("all (micro)", &scores.overall());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, kind: &str) -> Labelled {
        Labelled {
            start,
            end,
            kind: kind.to_string(),
        }
    }

    #[test]
    fn exact_and_lenient_counts() {
        let gold = [m(0, 10, "person"), m(20, 25, "place"), m(30, 35, "date")];
        let predicted = [
            m(0, 10, "person"),  // exact
            m(21, 25, "place"),  // lenient only
            m(30, 35, "event"),  // wrong kind
            m(40, 45, "person"), // spurious
        ];
        let s = score(&gold, &predicted);
        let person = s.kinds["person"];
        assert_eq!((person.exact.gold, person.exact.predicted), (1, 2));
        assert_eq!(person.exact.gold_matched, 1);
        assert_eq!(person.exact.predicted_matched, 1);
        let place = s.kinds["place"];
        assert_eq!(place.exact.gold_matched, 0);
        assert_eq!(place.lenient.gold_matched, 1);
        assert_eq!(place.lenient.predicted_matched, 1);
        let all = s.overall();
        assert_eq!(
            all.exact,
            Prf {
                gold: 3,
                predicted: 4,
                gold_matched: 1,
                predicted_matched: 1
            }
        );
        assert_eq!(all.lenient.gold_matched, 2);
        assert_eq!(all.lenient.predicted_matched, 2);
        assert_eq!(s.kinds["event"].exact.predicted, 1);
        assert_eq!(s.kinds["date"].exact.recall(), Some(0.0));
    }

    #[test]
    fn lenient_many_to_one() {
        // Two predictions inside one gold name: both count for precision,
        // the gold mention once for recall.
        let s = score(
            &[m(0, 10, "person")],
            &[m(0, 4, "person"), m(5, 10, "person")],
        );
        let p = s.kinds["person"].lenient;
        assert_eq!((p.gold_matched, p.predicted_matched), (1, 2));
    }

    #[test]
    fn error_listing_kinds() {
        let text = "Ann Lee met Bob in Rome on Monday.";
        let gold = [
            m(0, 7, "person"),
            m(12, 15, "person"),
            m(19, 23, "place"),
            m(27, 33, "date"),
        ];
        let predicted = [
            m(4, 7, "person"),
            m(12, 15, "place"),
            m(27, 33, "date"),
            m(0, 3, "place"),
        ];
        let lines = errors(text, &gold, &predicted);
        assert!(lines[0].starts_with("boundary") && lines[0].contains("“Ann Lee”"));
        assert!(lines[1].starts_with("kind") && lines[1].contains("place “Bob”"));
        assert!(lines[2].starts_with("missed") && lines[2].contains("“Rome”"));
        assert_eq!(lines.len(), 3, "{lines:?}");
    }
}
