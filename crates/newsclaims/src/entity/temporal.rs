//! Dates: absolute ("Friday, July 28", "November 2022", "1991", "1950-53"),
//! relative ("Wednesday", "last Thursday", "next month") and durations
//! ("two days"), with an ISO value when the publication date allows one.
//!
//! Relative dates are resolved against the publication date only, never against
//! today's clock, and are left without a value when it is unknown: a wrong date
//! is worse than none for a fact-checker.

use std::sync::OnceLock;

use regex::Regex;

use crate::{month_number, weekday_number, Date, Span};

/// A date found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// Byte span in the article text.
    pub span: Span,
    /// ISO value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY/YYYY` or `YYYY-Www`.
    pub value: Option<String>,
}

const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH: &str = r"(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|May)";
const COUNT: &str = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|few|many)";
/// The number words that "N days ago" is read with ([`ago_count`]).
const AGO_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

/// The alternatives of the date pattern, in order of preference, each with
/// the named groups [`value_of`] reads.
fn alternatives() -> [String; 13] {
    [
        format!(r"(?-u:\b)(?P<full>(?:(?P<fwd>{WEEKDAY}),?\s+)?(?P<fm>{MONTH})\s+(?P<fd>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<fy>\d{{4}})(?-u:\b))?)"),
        format!(r"(?-u:\b)(?P<dmy>(?:{WEEKDAY},?\s+)?(?P<dd>\d{{1,2}})\s+(?P<dm>{MONTH})(?:,?\s+(?P<dy>\d{{4}}))?(?-u:\b))"),
        format!(r"(?-u:\b)(?P<my>(?P<mm>{MONTH})\s+(?P<my_y>\d{{4}})(?-u:\b))"),
        format!(r"(?-u:\b)(?P<rel>(?P<rel_w>last|next|this|early|late|Last|Next|This|Early|Late)\s+(?P<rel_u>{WEEKDAY}|week|weekend|month|year|season|{MONTH}|spring|summer|autumn|fall|winter))(?-u:\b)"),
        r"(?-u:\b)(?P<part>(?:[Ee]arly|[Ll]ate|[Mm]id)[-\s](?P<part_y>1[6-9]\d{2}|20\d{2}))(?-u:\b)".to_string(),
        r"(?-u:\b)(?P<range>(?P<r1>1[6-9]\d{2}|20\d{2})[-–](?P<r2>\d{2}|\d{4}))(?-u:\b)".to_string(),
        format!(r"(?-u:\b)(?P<ago>(?P<ago_n>\d+|(?i:an?|{AGO_WORDS}))\s(?P<ago_u>days?|weeks?|months?|years?)\sago)(?-u:\b)"),
        format!(r"(?-u:\b)(?P<dur>(?i:{COUNT})(?:\s(?:to|or)\s(?i:{COUNT}))?(?:\sand\sa\shalf)?[-\s](?i:minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)(?:-old|-long)?(?:\sago)?)(?-u:\b)"),
        format!(r"(?-u:\b)(?P<wd>{WEEKDAY})(?-u:\b)"),
        r"(?-u:\b)(?P<mo>January|February|March|April|June|July|August|September|October|November|December)(?-u:\b)".to_string(),
        r"(?-u:\b)(?P<decade>(?:1[6-9]|20)\d0s)(?-u:\b)".to_string(),
        r"(?-u:\b)(?P<year>1[6-9]\d{2}|20\d{2})(?-u:\b)".to_string(),
        r"(?-u:\b)(?P<near>[Yy]esterday|[Tt]omorrow|[Tt]oday|[Tt]onight)(?-u:\b)".to_string(),
    ]
}

/// The whole date pattern: the alternatives, the first that matches wins.
fn regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&alternatives().join("|")).ok())
        .as_ref()
}

/// The name of each alternative's outer group, in the order of [`alternatives`]:
/// exactly one of them is set in a match, and it says how to read the others.
const ALTERNATIVE_NAMES: [&str; 13] = [
    "full", "dmy", "my", "rel", "part", "range", "ago", "dur", "wd", "mo", "decade", "year", "near",
];

/// Each alternative alone, anchored at both ends, with its name, for reading
/// the groups of a match: a small pattern gives its groups far more cheaply
/// than the whole.
fn anchored_alternatives() -> &'static [(&'static str, Regex)] {
    static RES: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    RES.get_or_init(|| {
        alternatives()
            .iter()
            .zip(ALTERNATIVE_NAMES)
            .filter_map(|(a, name)| Some((name, Regex::new(&format!("^(?:{a})$")).ok()?)))
            .collect()
    })
}

/// The name of the alternative that found the match `at` of the whole pattern
/// in `sentence`, and its groups.
///
/// The first alternative that matches the whole match is the one that found
/// it (an earlier one matching there would have won), so its groups are the
/// same. Where the text around decides a boundary at the match's edge, no
/// small pattern may match: the whole pattern is asked then.
fn groups_of<'s>(
    sentence: &'s str,
    at: regex::Match<'s>,
) -> Option<(&'static str, regex::Captures<'s>)> {
    let found = at.as_str();
    // Asking for groups allocates: ask only the alternative that matches.
    let small = anchored_alternatives()
        .iter()
        .find(|(_, re)| re.is_match(found))
        .and_then(|(name, re)| Some((*name, re.captures(found)?)));
    if small.is_some() {
        return small;
    }
    let caps = regex()?.captures_at(sentence, at.start())?;
    let name = ALTERNATIVE_NAMES
        .into_iter()
        .find(|name| caps.name(name).is_some())?;
    Some((name, caps))
}

/// Finds the dates in the sentence `span` of `text`.
#[cfg(test)]
pub(crate) fn find_dates(text: &str, span: Span, published: Option<Date>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    find_dates_into(text, span, published, &mut out);
    out
}

/// Appends the dates in the sentence `span` of `text` to `out`.
pub(crate) fn find_dates_into(
    text: &str,
    span: Span,
    published: Option<Date>,
    out: &mut Vec<FoundDate>,
) {
    let Some(re) = regex() else {
        return;
    };
    let sentence = text.get(span.range()).unwrap_or("");
    for whole in re.find_iter(sentence) {
        let Some((alternative, caps)) = groups_of(sentence, whole) else {
            continue;
        };
        if alternative == "year" && is_not_a_year(sentence, whole.start(), whole.end()) {
            continue;
        }
        // "a 71-year-old farmer": an age, which the quantities take.
        if whole.as_str().ends_with("-old") {
            continue;
        }
        out.push(FoundDate {
            span: Span::new(span.start + whole.start(), span.start + whole.end()),
            value: value_of(alternative, &caps, published),
        });
    }
}

/// A four-digit number that is a count or part of a larger number, not a year.
fn is_not_a_year(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence.get(..start).unwrap_or("");
    let after = sentence.get(end..).unwrap_or("");
    before.ends_with(['$', '€', '£', ',', '.'])
        || after.starts_with([',', '.'])
            && after
                .get(1..2)
                .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
        || after.trim_start().starts_with('%')
        || {
            let rest = after.trim_start();
            let word_end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            matches!(
                rest.get(..word_end).unwrap_or(""),
                "people"
                    | "troops"
                    | "soldiers"
                    | "tons"
                    | "tonnes"
                    | "km"
                    | "kilometers"
                    | "kilometres"
                    | "miles"
                    | "percent"
                    | "dollars"
                    | "euros"
                    | "members"
                    | "jobs"
                    | "homes"
                    | "cases"
                    | "deaths"
                    | "barrels"
                    | "workers"
                    | "votes"
            )
        }
}

/// The ISO value of a match of `alternative` (see [`ALTERNATIVE_NAMES`]).
fn value_of(
    alternative: &str,
    caps: &regex::Captures<'_>,
    published: Option<Date>,
) -> Option<String> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    match alternative {
        "full" | "dmy" => {
            let (m, d, y) = if alternative == "full" {
                (month("fm")?, num("fd")?, num("fy"))
            } else {
                (month("dm")?, num("dd")?, num("dy"))
            };
            let day = u32::try_from(d).ok()?;
            let year = match y {
                Some(y) => i32::try_from(y).ok()?,
                None => nearest_year(published?, m, day)?,
            };
            Date::new(year, m, day).map(|d| d.to_string())
        }
        "my" => Some(format!("{:04}-{:02}", num("my_y")?, month("mm")?)),
        "range" => {
            let first = num("r1")?;
            let second_text = caps.name("r2")?.as_str();
            let second = num("r2")?;
            let end = if second_text.len() == 2 {
                first - first % 100 + second
            } else {
                second
            };
            (end > first).then(|| format!("{first}/{end}"))
        }
        "year" => Some(format!("{:04}", num("year")?)),
        "part" => Some(format!("{:04}", num("part_y")?)),
        "ago" => {
            let n = ago_count(caps.name("ago_n")?.as_str())?;
            ago(published?, n, caps.name("ago_u")?.as_str())
        }
        "decade" => caps.name("decade").map(|m| m.as_str().to_string()),
        "wd" => {
            let w = caps.name("wd")?;
            weekday_before(published?, weekday_number(w.as_str())?, false).map(|d| d.to_string())
        }
        "mo" => {
            let m = month_number(caps.name("mo")?.as_str())?;
            Some(format!("{:04}-{m:02}", nearest_year(published?, m, 15)?))
        }
        "rel" => {
            let which = caps.name("rel_w")?.as_str().to_ascii_lowercase();
            let unit = caps.name("rel_u")?.as_str();
            relative(published?, &which, unit)
        }
        "near" => {
            let shift = match caps.name("near")?.as_str() {
                "yesterday" | "Yesterday" => -1,
                "tomorrow" | "Tomorrow" => 1,
                _ => 0,
            };
            published?.add_days(shift).map(|d| d.to_string())
        }
        // Durations ("two days") have no date.
        _ => None,
    }
}

/// "last Thursday", "next month", "this year" against the publication date.
fn relative(published: Date, which: &str, unit: &str) -> Option<String> {
    let step: i64 = match which {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    if let Some(w) = weekday_number(unit) {
        return match step {
            -1 => weekday_before(published, w, true),
            1 => published.add_days(7 - i64::from(published.weekday()) + i64::from(w)),
            _ => weekday_before(published, w, false),
        }
        .map(|d| d.to_string());
    }
    if let Some(m) = month_number(unit) {
        let year = published.year + i32::try_from(step).ok()?;
        let year = if step == 0 {
            nearest_year(published, m, 15)?
        } else {
            year
        };
        return Some(format!("{year:04}-{m:02}"));
    }
    match unit {
        "week" | "weekend" => {
            let day = published.add_days(7 * step)?;
            let (year, week) = iso_week(day)?;
            Some(format!("{year:04}-W{week:02}"))
        }
        "month" => {
            let index = i64::from(published.year) * 12 + i64::from(published.month) - 1 + step;
            Some(format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            ))
        }
        "year" => Some(format!("{:04}", i64::from(published.year) + step)),
        _ => None,
    }
}

/// The number of "N days ago": digits, "a", "an" or a word of [`AGO_WORDS`].
fn ago_count(n: &str) -> Option<i64> {
    if let Ok(n) = n.parse() {
        return Some(n);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let n = n.to_ascii_lowercase();
    match n.as_str() {
        "a" | "an" => Some(1),
        _ => words
            .iter()
            .position(|w| *w == n)
            .and_then(|i| i64::try_from(i + 1).ok()),
    }
}

/// "three years ago" against the publication date: a day, an ISO week, a
/// month or a year, as precise as the unit.
fn ago(published: Date, n: i64, unit: &str) -> Option<String> {
    match unit.trim_end_matches('s') {
        "day" => published.add_days(-n).map(|d| d.to_string()),
        "week" => {
            let (year, week) = iso_week(published.add_days(-7 * n)?)?;
            Some(format!("{year:04}-W{week:02}"))
        }
        "month" => {
            let index = i64::from(published.year) * 12 + i64::from(published.month) - 1 - n;
            Some(format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            ))
        }
        "year" => Some(format!("{:04}", i64::from(published.year) - n)),
        _ => None,
    }
}

/// The latest `weekday` on or before `from` (strictly before if `strict`).
fn weekday_before(from: Date, weekday: u32, strict: bool) -> Option<Date> {
    let mut back = (i64::from(from.weekday()) - i64::from(weekday)).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    from.add_days(-back)
}

/// The year that puts `month`/`day` closest to the publication date.
fn nearest_year(published: Date, month: u32, day: u32) -> Option<i32> {
    let candidates = [published.year - 1, published.year, published.year + 1];
    candidates
        .into_iter()
        .filter_map(|y| {
            Date::new(y, month, day.min(28))
                .map(|d| (y, (d.day_number() - published.day_number()).abs()))
        })
        .min_by_key(|&(_, distance)| distance)
        .map(|(y, _)| y)
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(date: Date) -> Option<(i32, u32)> {
    // The Thursday of the date's week decides the year.
    let thursday = date.add_days(3 - i64::from(date.weekday()))?;
    let jan1 = Date::new(thursday.year, 1, 1)?;
    let week = (thursday.day_number() - jan1.day_number()) / 7 + 1;
    Some((thursday.year, u32::try_from(week).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates<'a>(text: &'a str, published: Option<&str>) -> Vec<(&'a str, Option<String>)> {
        let published = published.and_then(Date::parse_iso);
        find_dates(text, Span::new(0, text.len()), published)
            .into_iter()
            .map(|d| (&text[d.span.range()], d.value))
            .collect()
    }

    fn v(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            dates(
                "On Friday, July 28, envoys met; the 1950-53 war ended in 1953, not November 2022.",
                Some("2023-07-29")
            ),
            [
                ("Friday, July 28", v("2023-07-28")),
                ("1950-53", v("1950/1953")),
                ("1953", v("1953")),
                ("November 2022", v("2022-11")),
            ]
        );
        assert_eq!(
            dates("On 4 March 2026 it rained.", None),
            [("4 March 2026", v("2026-03-04"))]
        );
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        // 2026-03-06 is a Friday.
        assert_eq!(
            dates(
                "On Wednesday and last Thursday, with talks next month and last week.",
                Some("2026-03-06")
            ),
            [
                ("Wednesday", v("2026-03-04")),
                ("last Thursday", v("2026-03-05")),
                ("next month", v("2026-04")),
                ("last week", v("2026-W09")),
            ]
        );
        assert_eq!(dates("On Wednesday they met.", None), [("Wednesday", None)]);
        assert_eq!(dates("They met on July 27.", None), [("July 27", None)]);
    }

    #[test]
    fn durations_and_non_years() {
        assert_eq!(dates("after two days of talks", None), [("two days", None)]);
        assert!(dates("It cost $2024 and 1500 troops.", None).is_empty());
        assert!(dates("We may go.", None).is_empty());
        assert_eq!(
            dates("within a few weeks of the vote", None),
            [("a few weeks", None)]
        );
    }

    #[test]
    fn groups_come_from_the_alternative_that_matched() {
        // A year alone, a range and a full date side by side: each match is
        // read by its own alternative.
        assert_eq!(
            dates("In 1991, during 1950-53 and on July 27, 2023.", None),
            [
                ("1991", v("1991")),
                ("1950-53", v("1950/1953")),
                ("July 27, 2023", v("2023-07-27"))
            ]
        );
    }

    #[test]
    fn dates_counted_back_and_parts_of_years() {
        // 2026-03-06 is a Friday.
        assert_eq!(
            dates(
                "Three years ago, two weeks ago and 10 days ago; late 2024, mid-2027; Today.",
                Some("2026-03-06")
            ),
            [
                ("Three years ago", v("2023")),
                ("two weeks ago", v("2026-W08")),
                ("10 days ago", v("2026-02-24")),
                ("late 2024", v("2024")),
                ("mid-2027", v("2027")),
                ("Today", v("2026-03-06")),
            ]
        );
        assert_eq!(
            dates("three years ago", Some("2026-03-06")),
            [("three years ago", v("2023"))]
        );
    }

    #[test]
    fn durations_in_ranges_halves_and_hours() {
        assert_eq!(
            dates(
                "jailed for six to nine months, then four and a half years; a 12-hour shift for 48 hours",
                None
            ),
            [
                ("six to nine months", None),
                ("four and a half years", None),
                ("12-hour", None),
                ("48 hours", None),
            ]
        );
        // An age is a quantity, not a date.
        assert!(dates("a 71-year-old farmer", None).is_empty());
    }
}
