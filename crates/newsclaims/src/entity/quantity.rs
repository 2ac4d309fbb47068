//! Quantities: money, percentages, measures, multipliers ("eight times"), vague
//! amounts ("hundreds of thousands"), ordinals ("70th") and counts before a noun
//! ("12 patrol boats", "five countries"), with a numeric value where one is
//! stated.

use std::sync::OnceLock;

use regex::Regex;

use crate::Span;

/// A quantity found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FoundQuantity {
    /// Byte span in the article text.
    pub span: Span,
    /// The number stated, scaled ("$1.2 billion" is 1.2e9), if any.
    pub value: Option<f64>,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("once", 1.0),
    ("twice", 2.0),
];

fn regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
        let words = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen";
        let scale = r"(?:\s?(?:million|billion|trillion|bn|mn|m)(?-u:\b))";
        let pattern = format!(
            r"(?xi)
            (?P<money>(?:US\s?|A|C|HK|NZ)?[$€£¥₩₫]\s?(?:{num}){scale}?
              |(?:{num}){scale}?\s(?:dollars|euros|pounds|yuan|yen|won|rupees|dong|pesos|rubles|roubles|francs)(?-u:\b))
            |(?P<percent>(?:{num})\s?(?:%|percent(?-u:\b)|per\scent(?-u:\b)|percentage\spoints?(?-u:\b)))
            |(?P<measure>(?:{num})\s?(?:square\s)?(?:nautical\smiles|km/h|km|kilometers|kilometres|miles|meters|metres|tons|tonnes|kg|kilograms|hectares|acres|barrels|feet|mph|degrees)(?-u:\b))
            |(?P<times>(?-u:\b)(?:{num}|{words})\stimes(?-u:\b)|(?-u:\b)(?:once|twice)(?-u:\b))
            |(?P<vague>(?-u:\b)(?:hundreds|thousands|tens|millions|billions|dozens)(?:\sof\s(?:thousands|millions|billions))?(?-u:\b))
            |(?P<fraction>(?-u:\b)(?:one|two|three)-(?:third|thirds|quarter|quarters|half)(?-u:\b))
            |(?P<ordinal>(?-u:\b)\d+(?:st|nd|rd|th)(?-u:\b))
            |(?P<count>(?-u:\b)(?:{num}){scale}?(?:(?-u:\b)|$)|(?-u:\b)(?:{words})(?-u:\b))"
        );
        Regex::new(&pattern).ok()
    })
    .as_ref()
}

/// Finds the quantities in the sentence `span` of `text`, leaving out the
/// spans in `taken` (dates found before).
pub(crate) fn find_quantities(text: &str, span: Span, taken: &[Span]) -> Vec<FoundQuantity> {
    let Some(re) = regex() else {
        return Vec::new();
    };
    let sentence = text.get(span.range()).unwrap_or("");
    let mut out = Vec::new();
    for caps in re.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        let found = Span::new(span.start + whole.start(), span.start + whole.end());
        if taken
            .iter()
            .any(|t| t.start < found.end && found.start < t.end)
        {
            continue;
        }
        if caps.name("count").is_some() && !counts_something(sentence, whole.start(), whole.end()) {
            continue;
        }
        if caps.name("vague").is_some()
            || caps.name("times").is_some()
            || caps.name("fraction").is_some()
        {
            // Lower case only: "Tens" opening a heading is not an amount.
            if whole.as_str().starts_with(char::is_uppercase) && whole.start() == 0 {
                continue;
            }
        }
        out.push(FoundQuantity {
            span: found,
            value: value_of(whole.as_str()),
        });
    }
    out
}

/// Whether a bare number counts something: a lower-case word follows it, and it
/// is not a clock time, an age range or part of a code.
fn counts_something(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence.get(..start).unwrap_or("");
    let after = sentence.get(end..).unwrap_or("");
    if before.ends_with(['-', '/', ':', '#', '.'])
        || after.starts_with(['-', '/', ':', '.'])
            && after
                .get(1..2)
                .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let next = after.trim_start_matches(' ');
    // "12 Chinese coast guard boats": one capitalised adjective may stand
    // between the number and its lower-case noun.
    let second = next
        .split_once(' ')
        .filter(|(first, _)| {
            first.starts_with(char::is_uppercase) && first.chars().all(char::is_alphabetic)
        })
        .map(|(_, rest)| rest);
    let year_like = sentence
        .get(start..end)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (1600..=2100).contains(&n));
    let noun_first = !year_like
        && second
            .filter(|r| r.starts_with(|c: char| c.is_lowercase()))
            .is_some();
    next.len() < after.len()
        && (next.starts_with(|c: char| c.is_lowercase()) || noun_first)
        && !next.starts_with("of ")
        && !next.starts_with("and ")
        && !next.starts_with("or ")
        && !next.starts_with("to ")
}

/// The number in a quantity's text, scaled by "million" and the like.
pub(crate) fn value_of(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let digits: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let base = if digits.is_empty() {
        let word = lower.split([' ', '-']).next().unwrap_or("");
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)?
    } else {
        digits.trim_end_matches('.').parse::<f64>().ok()?
    };
    let scale = if lower.contains("trillion") {
        1e12
    } else if lower.contains("billion") || lower.ends_with("bn") {
        1e9
    } else if lower.contains("million")
        || lower.ends_with("mn")
        || lower.ends_with('m') && !lower.ends_with("km")
    {
        1e6
    } else {
        1.0
    };
    Some(base * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Option<f64>)> {
        find_quantities(text, Span::new(0, text.len()), &[])
            .into_iter()
            .map(|q| (&text[q.span.range()], q.value))
            .collect()
    }

    #[test]
    fn kinds_of_quantity() {
        assert_eq!(
            found(
                "It lent $1.2 billion, up 40 percent, over 200 nautical miles, eight times more."
            ),
            [
                ("$1.2 billion", Some(1.2e9)),
                ("40 percent", Some(40.0)),
                ("200 nautical miles", Some(200.0)),
                ("eight times", Some(8.0)),
            ]
        );
        assert_eq!(
            found("hundreds of thousands marked the 70th year with 12 patrol boats and five ships"),
            [
                ("hundreds of thousands", None),
                ("70th", Some(70.0)),
                ("12", Some(12.0)),
                ("five", Some(5.0)),
            ]
        );
    }

    #[test]
    fn bare_numbers_need_a_noun() {
        assert!(found("The vote was 12-3.").is_empty());
        assert!(found("Item 4 of 10.").is_empty());
        assert_eq!(found("after 12 Chinese boats"), [("12", Some(12.0))]);
        assert!(found("since 2019 Beijing has").is_empty());
    }
}
