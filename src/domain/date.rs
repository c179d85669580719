//! Calendar dates as commentaries use them: a day, no time, no zone.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD` in the compiled document.
///
/// # Example
/// ```
/// use commentary_embed::domain::Date;
/// let d: Date = "2026-06-26".parse().unwrap();
/// assert_eq!(d.format("en"), "26 June 2026");
/// assert_eq!(d.format("tr"), "26 Haziran 2026");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// English month names (dates in English, and the citation styles' en locales).
pub(super) const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_TR: [&str; 12] = [
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
];
// Russian dates use the genitive: "26 июня 2026".
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_AZ: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];

impl Date {
    /// Makes a date, or `None` when the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days_in_month).contains(&day)).then_some(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as a reader of `lang` writes it ("26 June 2026"); English for unknown languages.
    pub fn format(self, lang: &str) -> String {
        let month = usize::from(self.month - 1);
        let name = match super::primary_subtag(lang).as_str() {
            "tr" => MONTHS_TR[month],
            "ru" => MONTHS_RU[month],
            "az" => MONTHS_AZ[month],
            _ => MONTHS_EN[month],
        };
        format!("{} {} {}", self.day, name, self.year)
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2026-06-26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The error of parsing a [`Date`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidDate(String);

impl fmt::Display for InvalidDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a date of the form YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for InvalidDate {}

impl std::str::FromStr for Date {
    type Err = InvalidDate;

    fn from_str(s: &str) -> Result<Date, InvalidDate> {
        let invalid = || InvalidDate(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(invalid());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(invalid());
        };
        let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
            return Err(invalid());
        };
        Date::new(y, m, d).ok_or_else(invalid)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso() {
        let d: Date = "2026-06-17".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 6, 17));
        assert_eq!(d.to_string(), "2026-06-17");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-6-17",
            "26-06-2026",
            "",
            "2026-06-1x",
            "+026-06-17",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be rejected");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn formats_in_each_ui_language() {
        let d: Date = "2026-06-26".parse().unwrap();
        assert_eq!(d.format("en"), "26 June 2026");
        assert_eq!(d.format("tr"), "26 Haziran 2026");
        assert_eq!(d.format("ru"), "26 июня 2026");
        assert_eq!(d.format("az"), "26 iyun 2026");
        assert_eq!(d.format("en-GB"), "26 June 2026");
        assert_eq!(d.format("xx"), "26 June 2026");
    }
}
