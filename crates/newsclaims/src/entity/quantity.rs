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

const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
const WORDS: &str = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen";
const SCALE: &str = r"(?:\s?(?:million|billion|trillion|bn|mn|m|crore|lakh)(?-u:\b))";

/// The alternatives of the quantity pattern, in order of preference.
fn alternatives() -> [String; 8] {
    let (num, words, scale) = (NUM, WORDS, SCALE);
    [
        format!(
            r"(?:US\s?|A|C|HK|NZ|R)?[$€£¥₩₫₹₦]\s?(?:{num}){scale}?
              |(?-u:\b)(?:KSh|Ksh|Rs\.?)\s?(?:{num}){scale}?
              |(?-u:\b)R(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{scale}?|\d+(?:\.\d+)?{scale})
              |(?:{num}){scale}?\s(?:dollars|euros|pounds|yuan|yen|won|rupees|dong|pesos|rubles|roubles|francs|rand|reais|shillings|naira|rupiah|baht|lira|kroner|kronor|zlotys|bolivianos|soles|dirhams|riyals|dinars)(?-u:\b)"
        ),
        format!(r"(?:{num})\s?(?:%|percent(?-u:\b)|per\scent(?-u:\b)|percentage\spoints?(?-u:\b))"),
        format!(
            r"(?:{num})\s?(?:square\s)?(?:nautical\smiles|km/h|km|kilometers|kilometres|miles|meters|metres|tons|tonnes|kg|kilograms|hectares|acres|barrels|feet|mph|degrees)(?-u:\b)(?:\s(?:Celsius|Fahrenheit)(?-u:\b))?(?:\s(?:per|an?)\s(?:hour|day|week|month|year|second)(?-u:\b))?"
        ),
        format!(r"(?-u:\b)(?:{num}|{words})\stimes(?-u:\b)|(?-u:\b)(?:once|twice)(?-u:\b)"),
        r"(?-u:\b)(?:hundreds|thousands|tens|millions|billions|dozens)(?:\sof\s(?:thousands|millions|billions))?(?-u:\b)".to_string(),
        r"(?-u:\b)(?:one|two|three)-(?:third|thirds|quarter|quarters|half)(?-u:\b)".to_string(),
        r"(?-u:\b)\d+(?:st|nd|rd|th)(?-u:\b)".to_string(),
        format!(r"(?-u:\b)(?:{num}){scale}?(?:(?-u:\b)|$)|(?-u:\b)(?:{words})(?-u:\b)"),
    ]
}

/// The whole quantity pattern: the alternatives, the first that matches wins.
fn regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives = alternatives().map(|a| format!("(?:{a})"));
        Regex::new(&format!("(?xi){}", alternatives.join("|"))).ok()
    })
    .as_ref()
}

/// Whether a match of the whole pattern is a bare count ("12", "five").
///
/// No alternative before the count one can match the same text (each needs a
/// sign, a unit or a word the count lacks), so a match that is all count was
/// found by the count alternative; testing that with a small pattern spares
/// asking the whole pattern for its groups.
fn is_count(found: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let (num, words, scale) = (NUM, WORDS, SCALE);
        Regex::new(&format!(r"(?xi)^(?:(?:{num}){scale}?|(?:{words}))$")).ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(found))
}

/// Finds the quantities in the sentence `span` of `text`, leaving out the
/// spans in `taken` (dates found before).
#[cfg(test)]
pub(crate) fn find_quantities(text: &str, span: Span, taken: &[Span]) -> Vec<FoundQuantity> {
    let mut out = Vec::new();
    find_quantities_into(text, span, taken, &mut out);
    out
}

/// Appends the quantities in the sentence `span` of `text`, leaving out the
/// spans in `taken` (dates found before), to `out`.
pub(crate) fn find_quantities_into(
    text: &str,
    span: Span,
    taken: &[Span],
    out: &mut Vec<FoundQuantity>,
) {
    let Some(re) = regex() else {
        return;
    };
    let sentence = text.get(span.range()).unwrap_or("");
    for whole in re.find_iter(sentence) {
        let found = Span::new(span.start + whole.start(), span.start + whole.end());
        if taken
            .iter()
            .any(|t| t.start < found.end && found.start < t.end)
        {
            continue;
        }
        let text = whole.as_str();
        if is_count(text) && !counts_something(sentence, whole.start(), whole.end()) {
            continue;
        }
        if !multiplies(text, sentence.get(whole.end()..).unwrap_or("")) {
            continue;
        }
        out.push(FoundQuantity {
            span: found,
            value: value_of(text),
        });
    }
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
    // "Adeyemi, 31, said": an age in commas after a name.
    let age = before.ends_with(", ")
        && before
            .trim_end_matches(", ")
            .ends_with(|c: char| c.is_alphabetic())
        && after.starts_with([',', ')'])
        && sentence
            .get(start..end)
            .is_some_and(|n| n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    if age {
        return true;
    }
    // "11,000", "9,800": a number written with thousands separators counts
    // something whatever follows it.
    if sentence
        .get(start..end)
        .is_some_and(|n| n.contains(',') && n.bytes().all(|b| b.is_ascii_digit() || b == b','))
    {
        return true;
    }
    // "a 142-page judgment", "a 71-year-old farmer": a number in a compound
    // adjective.
    if after.starts_with('-')
        && after
            .get(1..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_lowercase)
    {
        return true;
    }
    let next = after.trim_start_matches(' ');
    // "31 of the 150 seats": a part of a counted whole.
    if ["of the ", "of its ", "of their "]
        .iter()
        .any(|p| next.starts_with(p))
        && next.len() < after.len()
    {
        return true;
    }
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

/// Whether "once" or "twice" is a multiplier here ("twice as many", "twice
/// the size") rather than an adverb ("for once", "think twice"); any other
/// match is kept.
fn multiplies(found: &str, after: &str) -> bool {
    if found.eq_ignore_ascii_case("once") {
        return false;
    }
    !found.eq_ignore_ascii_case("twice") || after.starts_with(" as ") || after.starts_with(" the ")
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
    let scale = if lower.contains("crore") {
        1e7
    } else if lower.contains("lakh") {
        1e5
    } else if lower.contains("trillion") {
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
    fn money_in_rand_rupees_and_shillings_and_ages() {
        assert_eq!(
            found("a fine of R1.9 billion, R350,000 in costs, KSh 350 million and R$85 million"),
            [
                ("R1.9 billion", Some(1.9e9)),
                ("R350,000", Some(350_000.0)),
                ("KSh 350 million", Some(3.5e8)),
                ("R$85 million", Some(8.5e7)),
            ]
        );
        // A bare "R2" is a name (a model, a road), not money.
        assert!(found("the R2 motorway").is_empty());
        assert_eq!(found("Adeyemi, 31, said so."), [("31", Some(31.0))]);
        assert_eq!(
            found("It cost 500 bolivianos as it warmed 1.5 degrees Celsius."),
            [
                ("500 bolivianos", Some(500.0)),
                ("1.5 degrees Celsius", Some(1.5))
            ]
        );
    }

    #[test]
    fn crore_lakh_and_rates() {
        assert_eq!(
            found("a fine of ₹1,840 crore, 4 lakh traders, winds of 70 kilometers per hour"),
            [
                ("₹1,840 crore", Some(1.84e10)),
                ("4 lakh", Some(4e5)),
                ("70 kilometers per hour", Some(70.0)),
            ]
        );
    }

    #[test]
    fn counts_in_parts_compounds_and_thousands() {
        assert_eq!(
            found("She won 31 of the 150 seats in a 142-page ruling; 11,000 North Korean troops"),
            [
                ("31", Some(31.0)),
                ("150", Some(150.0)),
                ("142", Some(142.0)),
                ("11,000", Some(11000.0))
            ]
        );
    }

    #[test]
    fn once_and_twice_only_as_multipliers() {
        assert!(found("For once the bureau will think twice.").is_empty());
        assert_eq!(found("twice as many boats"), [("twice", Some(2.0))]);
        assert_eq!(
            found("Tens of thousands marched"),
            [("Tens of thousands", None)]
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
