//! Dates in front matter: `YYYY-MM-DD`, and a real day of the calendar.

/// A real calendar date in `YYYY-MM-DD` form.
pub fn is_iso_date(text: &str) -> bool {
    date_problem(text).is_none()
}

/// Why a date is not a real calendar date in `YYYY-MM-DD` form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written `YYYY-MM-DD`.
    Form,
    /// Written right, but no such day: why, in words.
    NoSuchDay(String),
}

/// Why `text` is not a calendar date in `YYYY-MM-DD` form; `None` when it is one.
pub fn date_problem(text: &str) -> Option<DateProblem> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Some(DateProblem::Form);
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Some(DateProblem::Form);
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Some(DateProblem::Form);
    };
    const MONTHS: [&str; 12] = [
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
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => {
            return Some(DateProblem::NoSuchDay(format!(
                "there is no month {m:02}; the month comes second, from 01 to 12"
            )))
        }
    };
    let month = MONTHS[m as usize - 1];
    if d == 0 {
        return Some(DateProblem::NoSuchDay(format!(
            "days start at 01 ({month} {y} has {days} days)"
        )));
    }
    (d > days).then(|| DateProblem::NoSuchDay(format!("{month} {y} has {days} days")))
}
