//! How the report writes numbers, rates, dates and months, in the page
//! and its charts alike.

pub(super) use lantern_core::render::escape_html as escape;

/// A month's English name, from 1 to 12 (`time` names them as the
/// front matter's dates do).
fn month_of(m: usize) -> Option<time::Month> {
    u8::try_from(m)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
}

/// `2026-11` as "November 2026" (escaped as it is if it is not a month).
pub(super) fn month_name(month: &str) -> String {
    match month.split_once('-').map(|(y, m)| (y, m.parse::<usize>())) {
        Some((y, Ok(m))) if month_of(m).is_some() => {
            format!("{} {}", month_of(m).expect("checked"), escape(y))
        }
        _ => escape(month),
    }
}

/// `2026-11-12` as "12 November".
pub(super) fn long_date(date: &str) -> String {
    let mut parts = date.splitn(3, '-').skip(1).map(str::parse::<usize>);
    match (parts.next(), parts.next()) {
        (Some(Ok(m)), Some(Ok(d))) if month_of(m).is_some() => {
            format!("{d} {}", month_of(m).expect("checked"))
        }
        _ => escape(date),
    }
}

/// `1,234`.
pub(super) fn n(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `42 %`, or `–` for a rate of nothing (never 0 %).
pub(super) fn percent(rate: Option<f64>) -> String {
    match rate {
        None => "–".into(),
        Some(r) if r > 0.0 && r < 0.1 => format!("{:.1} %", r * 100.0),
        Some(r) => format!("{:.0} %", r * 100.0),
    }
}
