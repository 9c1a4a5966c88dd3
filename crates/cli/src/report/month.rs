//! The month a report covers, as `--month YYYY-MM` names it.

use time::{Date, Month as Name};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    year: i32,
    month: Name,
}

impl Month {
    /// `2026-11`; anything else is an error that says what is wanted.
    pub fn parse(text: &str) -> Result<Month, String> {
        let wrong = || format!("--month {text}: give the month as YYYY-MM, e.g. 2026-11");
        let (year, month) = text.split_once('-').ok_or_else(wrong)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(wrong());
        }
        let year: i32 = year.parse().map_err(|_| wrong())?;
        let month: u8 = month.parse().map_err(|_| wrong())?;
        let month = Name::try_from(month).map_err(|_| wrong())?;
        Ok(Month { year, month })
    }

    /// The month before.
    pub fn previous(self) -> Month {
        let year = if self.month == Name::January {
            self.year - 1
        } else {
            self.year
        };
        Month {
            year,
            month: self.month.previous(),
        }
    }

    pub fn days(self) -> u8 {
        self.month.length(self.year)
    }

    /// `2026-11`.
    pub fn id(self) -> String {
        format!("{:04}-{:02}", self.year, self.month as u8)
    }

    /// The day of the month an RFC 3339 time falls on (by its date as
    /// written: events are sent in UTC), or `None` when it is another
    /// month's or not a time.
    pub fn day_of(self, at: &str) -> Option<u8> {
        let bytes = at.as_bytes();
        if bytes.len() < 11 || !at.starts_with(&self.id()) || bytes[7] != b'-' || bytes[10] != b'T'
        {
            return None;
        }
        let day: u8 = at.get(8..10)?.parse().ok()?;
        (1..=self.days()).contains(&day).then_some(day)
    }

    /// `YYYY-MM-DD` of a day of this month.
    pub fn date(self, day: u8) -> String {
        format!("{}-{day:02}", self.id())
    }

    /// The month's last day.
    pub fn last_day(self) -> Date {
        Date::from_calendar_date(self.year, self.month, self.days()).expect("a day of the month")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_yyyy_mm_and_nothing_else() {
        assert_eq!(Month::parse("2026-11").unwrap().id(), "2026-11");
        for wrong in ["2026-13", "2026-1", "26-11", "2026/11", "november"] {
            assert!(
                Month::parse(wrong).unwrap_err().contains("YYYY-MM"),
                "{wrong}"
            );
        }
    }

    #[test]
    fn january_follows_december_of_the_year_before() {
        assert_eq!(Month::parse("2026-01").unwrap().previous().id(), "2025-12");
        assert_eq!(Month::parse("2024-02").unwrap().days(), 29);
    }

    #[test]
    fn a_time_belongs_to_its_month_by_its_date() {
        let m = Month::parse("2026-11").unwrap();
        assert_eq!(m.day_of("2026-11-30T23:59:59Z"), Some(30));
        assert_eq!(m.day_of("2026-12-01T00:00:00Z"), None);
        assert_eq!(m.day_of("2026-11-31T00:00:00Z"), None);
        assert_eq!(m.day_of("2026-11"), None);
        assert_eq!(m.day_of("2026-11-xxT"), None);
    }
}
