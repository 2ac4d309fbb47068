//! Scoring arithmetic shared by the entity and claim evaluations: counts,
//! precision, recall, F1 and accuracies, and how they are printed.

use serde::Serialize;

/// Counts behind precision, recall and F1.
///
/// Precision and recall are counted separately (`predicted_matched` and
/// `gold_matched`) because the lenient entity score and the claim score may
/// match one prediction to several gold items, or the other way round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items matched by at least one prediction (recall numerator).
    pub gold_matched: usize,
    /// Predictions matching at least one gold item (precision numerator).
    pub predicted_matched: usize,
}

impl Prf {
    /// Precision, or `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.predicted_matched, self.predicted)
    }

    /// Recall, or `None` when there is no gold item.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.gold_matched, self.gold)
    }

    /// Harmonic mean of precision and recall; an undefined side counts as 0,
    /// and the result is `None` only when both are undefined.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision(), self.recall());
        if p.is_none() && r.is_none() {
            return None;
        }
        let (p, r) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
        if p + r == 0.0 {
            Some(0.0)
        } else {
            Some(2.0 * p * r / (p + r))
        }
    }

    /// Adds another set of counts to this one (micro-averaging).
    pub fn add(&mut self, other: &Prf) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.gold_matched += other.gold_matched;
        self.predicted_matched += other.predicted_matched;
    }

    /// The three figures as serialisable numbers (`null` when undefined).
    pub fn figures(&self) -> Figures {
        Figures {
            counts: *self,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
    }
}

/// Counts with their derived precision, recall and F1, for `--json`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Figures {
    /// The raw counts.
    #[serde(flatten)]
    pub counts: Prf,
    /// Precision in 0..=1, `null` when nothing was predicted.
    pub precision: Option<f64>,
    /// Recall in 0..=1, `null` when there is no gold item.
    pub recall: Option<f64>,
    /// F1 in 0..=1.
    pub f1: Option<f64>,
}

/// A share of correct answers over matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    /// Correct answers.
    pub correct: usize,
    /// Answers judged.
    pub total: usize,
}

impl Accuracy {
    /// Records one judgement.
    pub fn record(&mut self, correct: bool) {
        self.total += 1;
        if correct {
            self.correct += 1;
        }
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, other: &Accuracy) {
        self.correct += other.correct;
        self.total += other.total;
    }

    /// The share correct, or `None` when nothing was judged.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }
}

fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    // Counts are far below 2^52, so the conversion is exact.
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// Formats a share as a percentage with one decimal, or `-` when undefined.
pub fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{:.1}", v * 100.0))
}

/// Whether two half-open byte ranges share at least one byte.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The number of bytes two half-open ranges share.
pub fn overlap_len(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text
        .as_bytes()
        .iter()
        .take(end)
        .filter(|&&b| b == b'\n')
        .count()
}

/// Shortens `text` to at most `max` chars, marking the cut with `…`, and puts
/// it on one line, for error listings.
pub fn clip(text: &str, max: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn prf_arithmetic() {
        let s = Prf {
            gold: 4,
            predicted: 5,
            gold_matched: 3,
            predicted_matched: 2,
        };
        assert!(close(s.precision(), 0.4));
        assert!(close(s.recall(), 0.75));
        assert!(close(s.f1(), 2.0 * 0.4 * 0.75 / 1.15));
    }

    #[test]
    fn prf_undefined_sides() {
        let none = Prf::default();
        assert_eq!(none.precision(), None);
        assert_eq!(none.f1(), None);
        let missed = Prf {
            gold: 3,
            ..Prf::default()
        };
        assert_eq!(missed.precision(), None);
        assert!(close(missed.recall(), 0.0));
        assert!(close(missed.f1(), 0.0));
    }

    #[test]
    fn prf_micro_sum() {
        let mut total = Prf {
            gold: 1,
            predicted: 1,
            gold_matched: 1,
            predicted_matched: 1,
        };
        total.add(&Prf {
            gold: 3,
            predicted: 1,
            gold_matched: 0,
            predicted_matched: 0,
        });
        assert!(close(total.precision(), 0.5));
        assert!(close(total.recall(), 0.25));
    }

    #[test]
    fn accuracy_and_formatting() {
        let mut a = Accuracy::default();
        assert_eq!(pct(a.rate()), "-");
        a.record(true);
        a.record(false);
        a.record(true);
        assert_eq!(pct(a.rate()), "66.7");
    }

    #[test]
    fn ranges_and_lines() {
        assert!(overlaps((0, 5), (4, 9)));
        assert!(!overlaps((0, 5), (5, 9)));
        assert_eq!(overlap_len((0, 5), (3, 9)), 2);
        assert_eq!(overlap_len((0, 2), (3, 9)), 0);
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(clip("é\nabcdef", 4), "é a…");
        assert_eq!(clip("short", 9), "short");
    }
}
