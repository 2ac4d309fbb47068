//! Scoring of claims against the gold set in `tests/gold/claims`.
//!
//! Each gold row names a claim by a `key`, a verbatim substring of the
//! article. A predicted claim matches a row when its span contains the key, or
//! covers at least half of it. Detection is scored by precision, recall and
//! F1; speaker, kind, form and target are scored by accuracy over the matched
//! pairs. Everything is also scored without unattributed claims, on both sides.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use newsclaims::{analyze_text, Analysis, ArticleMeta};
use serde::Serialize;

use crate::gold::{self, GoldClaim};
use crate::score::{clip, line_of, overlap_len, pct, Accuracy, Figures, Prf};
use crate::Options;

/// The form that credits nobody; scored apart because it is the noisiest.
const UNATTRIBUTED: &str = "unattributed";

/// A gold row with the byte range of its key in the article.
#[derive(Clone, Debug)]
pub struct Located {
    /// The row.
    pub claim: GoldClaim,
    /// First byte of the key.
    pub start: usize,
    /// Byte after the key.
    pub end: usize,
}

/// The parts of a predicted claim that are scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    /// First byte of the claim's text.
    pub start: usize,
    /// Byte after it.
    pub end: usize,
    /// Kind name (`statement`, ...).
    pub kind: String,
    /// Form name (`direct_quote`, ...).
    pub form: String,
    /// Speaker name, if any.
    pub speaker: Option<String>,
    /// Target name, if any.
    pub target: Option<String>,
}

impl Predicted {
    /// Takes the scored parts of every claim of an analysis.
    pub fn from_analysis(analysis: &Analysis) -> Vec<Predicted> {
        analysis
            .claims
            .iter()
            .map(|c| Predicted {
                start: c.start,
                end: c.end,
                kind: c.kind.as_str().to_string(),
                form: c.form.as_str().to_string(),
                speaker: c.speaker.as_ref().map(|a| a.name.clone()),
                target: c.target.as_ref().map(|a| a.name.clone()),
            })
            .collect()
    }
}

/// Detection counts and attribute accuracies.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ClaimScore {
    /// Gold rows found / predictions matching a row.
    pub detection: Prf,
    /// Speaker right, over matched pairs.
    pub speaker: Accuracy,
    /// Kind right, over matched pairs.
    pub kind: Accuracy,
    /// Form right, over matched pairs.
    pub form: Accuracy,
    /// Target right, over matched pairs whose gold row has a target.
    pub target: Accuracy,
}

impl ClaimScore {
    fn add(&mut self, other: &ClaimScore) {
        self.detection.add(&other.detection);
        self.speaker.add(&other.speaker);
        self.kind.add(&other.kind);
        self.form.add(&other.form);
        self.target.add(&other.target);
    }
}

/// For each gold key range, the index of the prediction it matches, if any.
///
/// A prediction whose span contains the key is preferred, the tightest first;
/// failing that, the one covering most of the key, if at least half. One
/// prediction may match several rows (all inside its span).
pub fn match_claims(gold: &[(usize, usize)], predicted: &[(usize, usize)]) -> Vec<Option<usize>> {
    gold.iter()
        .map(|&key| {
            let key_len = key.1.saturating_sub(key.0);
            predicted
                .iter()
                .enumerate()
                .filter_map(|(i, &span)| {
                    let shared = overlap_len(key, span);
                    let contains = span.0 <= key.0 && key.1 <= span.1;
                    if contains {
                        Some(((0, span.1 - span.0), i))
                    } else if shared > 0 && shared * 2 >= key_len {
                        Some(((1, key_len - shared), i))
                    } else {
                        None
                    }
                })
                .min()
                .map(|(_, i)| i)
        })
        .collect()
}

/// Whether a predicted name stands for a gold one: both absent, or equal
/// ignoring case and a leading article, or with the same last word, or one
/// containing the other ("Haddad" for "Omar Haddad").
pub fn same_name(gold: Option<&str>, predicted: Option<&str>) -> bool {
    match (gold, predicted) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let (g, p) = (normalise(g), normalise(p));
            if g.is_empty() || p.is_empty() {
                return g == p;
            }
            g == p
                || g.split(' ').next_back() == p.split(' ').next_back()
                || g.contains(&p)
                || p.contains(&g)
        }
        _ => false,
    }
}

/// Lower case, single spaces, no leading article, no edge punctuation.
fn normalise(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((first, rest)) if matches!(*first, "the" | "a" | "an") => rest,
        _ => words.as_slice(),
    };
    words.join(" ")
}

/// Scores one article's predictions given the matching from [`match_claims`].
pub fn score(gold: &[Located], predicted: &[Predicted], matches: &[Option<usize>]) -> ClaimScore {
    let mut s = ClaimScore::default();
    s.detection.gold = gold.len();
    s.detection.predicted = predicted.len();
    let mut used = vec![false; predicted.len()];
    for (g, m) in gold.iter().zip(matches) {
        let Some(p) = m.and_then(|i| predicted.get(i)) else {
            continue;
        };
        if let Some(flag) = m.and_then(|i| used.get_mut(i)) {
            *flag = true;
        }
        s.detection.gold_matched += 1;
        s.speaker
            .record(same_name(g.claim.speaker.as_deref(), p.speaker.as_deref()));
        s.kind.record(g.claim.kind == p.kind);
        s.form.record(g.claim.form == p.form);
        if g.claim.target.is_some() {
            s.target
                .record(same_name(g.claim.target.as_deref(), p.target.as_deref()));
        }
    }
    s.detection.predicted_matched = used.iter().filter(|&&u| u).count();
    s
}

/// Scores with unattributed claims removed from both sides.
fn score_attributed(gold: &[Located], predicted: &[Predicted]) -> ClaimScore {
    let gold: Vec<Located> = gold
        .iter()
        .filter(|g| g.claim.form != UNATTRIBUTED)
        .cloned()
        .collect();
    let predicted: Vec<Predicted> = predicted
        .iter()
        .filter(|p| p.form != UNATTRIBUTED)
        .cloned()
        .collect();
    let matches = match_ranges(&gold, &predicted);
    score(&gold, &predicted, &matches)
}

fn match_ranges(gold: &[Located], predicted: &[Predicted]) -> Vec<Option<usize>> {
    let keys: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let spans: Vec<(usize, usize)> = predicted.iter().map(|p| (p.start, p.end)).collect();
    match_claims(&keys, &spans)
}

/// Per-form detection counts: gold rows by gold form, predictions by predicted form.
type FormCounts = BTreeMap<String, Prf>;

fn count_forms(
    forms: &mut FormCounts,
    gold: &[Located],
    predicted: &[Predicted],
    matches: &[Option<usize>],
) {
    let mut used = vec![false; predicted.len()];
    for (g, m) in gold.iter().zip(matches) {
        let c = forms.entry(g.claim.form.clone()).or_default();
        c.gold += 1;
        if let Some(flag) = m.and_then(|i| used.get_mut(i)) {
            *flag = true;
            c.gold_matched += 1;
        }
    }
    for (p, hit) in predicted.iter().zip(used) {
        let c = forms.entry(p.form.clone()).or_default();
        c.predicted += 1;
        if hit {
            c.predicted_matched += 1;
        }
    }
}

/// Lists missed rows, false positives and wrong attributes of one article.
pub fn errors(
    text: &str,
    gold: &[Located],
    predicted: &[Predicted],
    matches: &[Option<usize>],
) -> Vec<String> {
    let show = |v: Option<&str>| v.unwrap_or("-").to_string();
    let mut lines = Vec::new();
    let mut used = vec![false; predicted.len()];
    for (g, m) in gold.iter().zip(matches) {
        let c = &g.claim;
        let line = line_of(text, g.start);
        let Some(p) = m.and_then(|i| predicted.get(i)) else {
            lines.push(format!(
                "missed     L{line:<3} {}/{}/{}  “{}”",
                c.kind,
                c.form,
                show(c.speaker.as_deref()),
                clip(&c.key, 80)
            ));
            continue;
        };
        if let Some(flag) = m.and_then(|i| used.get_mut(i)) {
            *flag = true;
        }
        let mut wrong = Vec::new();
        if !same_name(c.speaker.as_deref(), p.speaker.as_deref()) {
            wrong.push(format!(
                "speaker {} ≠ {}",
                show(c.speaker.as_deref()),
                show(p.speaker.as_deref())
            ));
        }
        if c.kind != p.kind {
            wrong.push(format!("kind {} ≠ {}", c.kind, p.kind));
        }
        if c.form != p.form {
            wrong.push(format!("form {} ≠ {}", c.form, p.form));
        }
        if c.target.is_some() && !same_name(c.target.as_deref(), p.target.as_deref()) {
            wrong.push(format!(
                "target {} ≠ {}",
                show(c.target.as_deref()),
                show(p.target.as_deref())
            ));
        }
        if !wrong.is_empty() {
            lines.push(format!(
                "wrong      L{line:<3} “{}”: {} (gold ≠ predicted)",
                clip(&c.key, 60),
                wrong.join("; ")
            ));
        }
    }
    for (p, hit) in predicted.iter().zip(used) {
        if hit {
            continue;
        }
        let body = text.get(p.start..p.end).unwrap_or("<bad span>");
        lines.push(format!(
            "false pos  L{:<3} {}/{}/{}  “{}”",
            line_of(text, p.start),
            p.kind,
            p.form,
            show(p.speaker.as_deref()),
            clip(body, 100)
        ));
    }
    lines
}

/// Reads one gold pair: the article text and its located rows.
fn read_pair(txt: &Path) -> Result<(String, Vec<Located>), String> {
    let name = gold::file_name(txt);
    let text = gold::read(txt)?;
    let tsv = txt.with_extension("tsv");
    let table = gold::read(&tsv)?;
    let tsv_name = gold::file_name(&tsv);
    let rows = gold::parse_claims_tsv(&table).map_err(|e| format!("{tsv_name}: {e}"))?;
    let mut located = Vec::with_capacity(rows.len());
    for row in rows {
        let (start, end) = gold::locate_key(&text, &row.key)
            .map_err(|e| format!("{tsv_name}:{}: {e} in {name}", row.row))?;
        located.push(Located {
            claim: row,
            start,
            end,
        });
    }
    Ok((text, located))
}

/// Scores claims in `dir` and returns the report to print.
pub fn run(dir: &Path, options: &Options) -> Result<String, String> {
    let files = gold::list_files(dir, "txt")?;
    let mut all = ClaimScore::default();
    let mut attributed = ClaimScore::default();
    let mut forms = FormCounts::new();
    let mut listing = String::new();
    for txt in &files {
        let name = gold::file_name(txt);
        let (text, located) = read_pair(txt)?;
        let meta = ArticleMeta {
            id: Some(name.clone()),
            ..ArticleMeta::default()
        };
        let analysis = analyze_text(&text, &meta).map_err(|e| format!("{name}: {e}"))?;
        let predicted = Predicted::from_analysis(&analysis);
        let matches = match_ranges(&located, &predicted);
        let file_score = score(&located, &predicted, &matches);
        if options.errors {
            let d = &file_score.detection;
            let _ = writeln!(
                listing,
                "== {name}: gold {}, predicted {}, found {}",
                d.gold, d.predicted, d.gold_matched
            );
            for line in errors(&text, &located, &predicted, &matches) {
                let _ = writeln!(listing, "  {line}");
            }
        }
        all.add(&file_score);
        attributed.add(&score_attributed(&located, &predicted));
        count_forms(&mut forms, &located, &predicted, &matches);
    }
    if options.json {
        if options.errors {
            eprint!("{listing}");
        }
        return Ok(to_json(&all, &attributed, &forms, files.len()));
    }
    Ok(format!(
        "{listing}{}",
        table(&all, &attributed, &forms, files.len())
    ))
}

/// The JSON form of one set of figures.
#[derive(Serialize)]
struct JsonScore {
    detection: Figures,
    speaker: Option<f64>,
    kind: Option<f64>,
    form: Option<f64>,
    target: Option<f64>,
    counts: ClaimScore,
}

impl JsonScore {
    fn new(s: &ClaimScore) -> Self {
        JsonScore {
            detection: s.detection.figures(),
            speaker: s.speaker.rate(),
            kind: s.kind.rate(),
            form: s.form.rate(),
            target: s.target.rate(),
            counts: s.clone(),
        }
    }
}

fn to_json(all: &ClaimScore, attributed: &ClaimScore, forms: &FormCounts, files: usize) -> String {
    let by_form: BTreeMap<&String, Figures> = forms.iter().map(|(f, c)| (f, c.figures())).collect();
    let value = serde_json::json!({
        "task": "claims",
        "files": files,
        "all": JsonScore::new(all),
        "attributed": JsonScore::new(attributed),
        "by_form": by_form,
    });
    format!("{value:#}\n")
}

fn table(all: &ClaimScore, attributed: &ClaimScore, forms: &FormCounts, files: usize) -> String {
    let mut out = format!(
        "claims: {files} files\n{:<15} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>5} {:>7} {:>6} {:>6} {:>6}\n",
        "set", "gold", "pred", "found", "P", "R", "F1", "pairs", "speaker", "kind", "form", "target"
    );
    for (name, s) in [("all", all), ("attributed", attributed)] {
        let d = &s.detection;
        let _ = writeln!(
            out,
            "{name:<15} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>5} {:>7} {:>6} {:>6} {:>6}",
            d.gold,
            d.predicted,
            d.gold_matched,
            pct(d.precision()),
            pct(d.recall()),
            pct(d.f1()),
            s.kind.total,
            pct(s.speaker.rate()),
            pct(s.kind.rate()),
            pct(s.form.rate()),
            pct(s.target.rate()),
        );
    }
    let _ = writeln!(
        out,
        "by form (gold form for R, predicted form for P):\n{:<15} {:>5} {:>5} {:>5} | {:>6} {:>6}",
        "form", "gold", "found", "pred", "P", "R"
    );
    for (form, c) in forms {
        let _ = writeln!(
            out,
            "{form:<15} {:>5} {:>5} {:>5} | {:>6} {:>6}",
            c.gold,
            c.gold_matched,
            c.predicted,
            pct(c.precision()),
            pct(c.recall()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, kind: &str, form: &str, speaker: &str, target: &str) -> GoldClaim {
        let opt = |v: &str| (v != "-").then(|| v.to_string());
        GoldClaim {
            key: key.to_string(),
            kind: kind.to_string(),
            form: form.to_string(),
            speaker: opt(speaker),
            target: opt(target),
            row: 2,
        }
    }

    fn pred(start: usize, end: usize, kind: &str, form: &str, speaker: Option<&str>) -> Predicted {
        Predicted {
            start,
            end,
            kind: kind.to_string(),
            form: form.to_string(),
            speaker: speaker.map(str::to_string),
            target: None,
        }
    }

    #[test]
    fn matching_prefers_containment_then_half_overlap() {
        let keys = [(10, 20), (30, 40), (50, 60), (70, 80)];
        let spans = [(0, 100), (5, 25), (33, 45), (58, 90)];
        // (10,20): both 0 and 1 contain it, 1 is tighter.
        // (30,40): 0 contains it. (50,60): 0 contains it.
        // (70,80): 0 and 3 contain it, 3 is tighter.
        assert_eq!(
            match_claims(&keys, &spans),
            [Some(1), Some(0), Some(0), Some(3)]
        );
        let spans = [(33, 45), (58, 90)];
        // 7 of 10 bytes is enough, 2 of 10 is not.
        assert_eq!(match_claims(&keys, &spans), [None, Some(0), None, Some(1)]);
        assert_eq!(match_claims(&[(0, 10)], &[(5, 12)]), [Some(0)]);
        assert_eq!(match_claims(&[(0, 10)], &[]), [None]);
    }

    #[test]
    fn names_compare_loosely() {
        assert!(same_name(None, None));
        assert!(!same_name(Some("Omar Haddad"), None));
        assert!(!same_name(None, Some("Omar Haddad")));
        assert!(same_name(Some("Omar Haddad"), Some("omar haddad")));
        assert!(same_name(Some("Omar Haddad"), Some("Haddad")));
        assert!(same_name(Some("Omar Haddad"), Some("Mr. Haddad")));
        assert!(same_name(Some("Thai army"), Some("the Thai army")));
        assert!(same_name(Some("analysts"), Some("some analysts")));
        assert!(!same_name(Some("Omar Haddad"), Some("Nodira Yusupova")));
    }

    #[test]
    fn scoring_counts_pairs_and_precision_once() {
        let gold = [
            Located {
                claim: row("k1", "statement", "direct_quote", "Omar Haddad", "-"),
                start: 10,
                end: 20,
            },
            Located {
                claim: row("k2", "accusation", "reported", "Omar Haddad", "Egypt"),
                start: 30,
                end: 40,
            },
            Located {
                claim: row("k3", "statement", "unattributed", "-", "-"),
                start: 200,
                end: 210,
            },
        ];
        let predicted = [
            // Holds k1 and k2: one true positive for precision, two rows found.
            pred(0, 50, "statement", "direct_quote", Some("Haddad")),
            pred(100, 150, "statement", "unattributed", None),
        ];
        let matches = match_ranges(&gold, &predicted);
        assert_eq!(matches, [Some(0), Some(0), None]);
        let s = score(&gold, &predicted, &matches);
        assert_eq!(
            s.detection,
            Prf {
                gold: 3,
                predicted: 2,
                gold_matched: 2,
                predicted_matched: 1
            }
        );
        assert_eq!((s.speaker.correct, s.speaker.total), (2, 2));
        assert_eq!((s.kind.correct, s.kind.total), (1, 2));
        assert_eq!((s.form.correct, s.form.total), (1, 2));
        assert_eq!((s.target.correct, s.target.total), (0, 1));

        let a = score_attributed(&gold, &predicted);
        assert_eq!(
            a.detection,
            Prf {
                gold: 2,
                predicted: 1,
                gold_matched: 2,
                predicted_matched: 1
            }
        );

        let text = "x".repeat(220);
        let lines = errors(&text, &gold, &predicted, &matches);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("wrong") && lines[0].contains("kind accusation ≠ statement"));
        assert!(lines[1].starts_with("missed"));
        assert!(lines[2].starts_with("false pos"));
    }

    #[test]
    fn form_counts() {
        let gold = [Located {
            claim: row("k1", "statement", "reported", "Ann", "-"),
            start: 0,
            end: 5,
        }];
        let predicted = [
            pred(0, 9, "statement", "direct_quote", Some("Ann")),
            pred(20, 29, "statement", "direct_quote", Some("Ann")),
        ];
        let mut forms = FormCounts::new();
        count_forms(
            &mut forms,
            &gold,
            &predicted,
            &match_ranges(&gold, &predicted),
        );
        assert_eq!(forms["reported"].gold_matched, 1);
        assert_eq!(forms["direct_quote"].predicted, 2);
        assert_eq!(forms["direct_quote"].predicted_matched, 1);
    }
}
