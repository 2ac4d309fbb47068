//! Calendar dates without a time zone: ISO parsing, weekday and day arithmetic.
//!
//! Kept small and dependency-free: news dates need the proleptic Gregorian
//! calendar between years 1 and 9999, and nothing about time zones.

use std::fmt;

/// A calendar date.
///
/// ```
/// use newsclaims::Date;
/// let d = Date::parse_iso("2025-03-14").unwrap();
/// assert_eq!(d.to_string(), "2025-03-14");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

impl Date {
    /// Makes a date when it exists in the calendar.
    ///
    /// ```
    /// use newsclaims::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// use newsclaims::Date;
    /// assert!(Date::parse_iso("2025-13-01").is_none());
    /// assert!(Date::parse_iso("14 March").is_none());
    /// ```
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// ```
    /// use newsclaims::Date;
    /// let a = Date::new(2025, 3, 1).unwrap();
    /// let b = Date::new(2025, 2, 28).unwrap();
    /// assert_eq!(a.day_number() - b.day_number(), 1);
    /// assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
    /// ```
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days after (or before, if negative) this one, within years 1..=9999.
    ///
    /// ```
    /// use newsclaims::Date;
    /// let d = Date::new(2024, 12, 31).unwrap();
    /// assert_eq!(d.add_days(1), Date::new(2025, 1, 1));
    /// assert_eq!(d.add_days(-366), Date::new(2023, 12, 31));
    /// ```
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(n)?)
    }

    /// Inverse of [`Date::day_number`].
    ///
    /// ```
    /// use newsclaims::Date;
    /// let d = Date::new(1991, 12, 26).unwrap();
    /// assert_eq!(Date::from_day_number(d.day_number()), Some(d));
    /// ```
    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    ///
    /// ```
    /// use newsclaims::Date;
    /// assert_eq!(Date::new(2025, 3, 14).unwrap().weekday(), 4); // a Friday
    /// ```
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3 with Monday as 0).
        u32::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in `month` of `year`.
/// The month number (1-12) of an English month name or abbreviation, any case,
/// with or without a final full stop ("July", "Sept.", "dec").
///
/// ```
/// assert_eq!(newsclaims::month_number("Sept."), Some(9));
/// assert_eq!(newsclaims::month_number("Mayday"), None);
/// ```
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == lower
            || (lower.len() <= 4 && m.starts_with(&lower) && (lower.len() == 3 || lower == "sept"))
    })?;
    u32::try_from(index + 1).ok()
}

/// The weekday number (0 = Monday) of an English day name ("Friday", "Fri.").
///
/// ```
/// assert_eq!(newsclaims::weekday_number("Friday"), Some(4));
/// ```
pub fn weekday_number(name: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let index = DAYS
        .iter()
        .position(|d| *d == lower || (lower.len() == 3 && d.starts_with(&lower)))?;
    u32::try_from(index).ok()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_over_centuries() {
        let start = Date::new(1899, 12, 25).map(Date::day_number);
        let Some(start) = start else {
            panic!("valid start date")
        };
        for n in start..start + 50_000 {
            let d = Date::from_day_number(n);
            assert_eq!(d.map(Date::day_number), Some(n));
        }
    }

    #[test]
    fn known_weekdays() {
        assert_eq!(Date::new(2023, 7, 27).map(Date::weekday), Some(3)); // Thursday
        assert_eq!(Date::new(2000, 1, 1).map(Date::weekday), Some(5)); // Saturday
    }
}
