//! The charts of report.html, drawn here as inline SVG so the page needs
//! nothing from anywhere (no script, no library, no image files). Each is
//! `role="img"` with a `<title>` and an `aria-label` that says in words
//! what it shows; the page puts the same numbers in a table beside it.
//! Colours come from the page's CSS variables, so the charts follow light
//! and dark; series also differ in dash and marker, never in colour alone.

use std::fmt::Write;

use super::format::{escape, long_date, n, percent};
use super::model::{Day, QueryGroup};

/// The drawing's width in SVG units; it scales to the page.
const W: f64 = 800.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;

/// Where the plot is, in SVG units.
struct Frame {
    top: f64,
    height: f64,
}

/// A day chart's line: its name, its CSS class (colour, dash) and marker.
struct Series<'a> {
    name: &'a str,
    class: &'a str,
    marker: Marker,
    values: Vec<Option<f64>>,
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
}

/// The top of the axis and its step: round numbers at or above `max`, in
/// four steps or so, never less than `min_step` (1 for counts). A max of
/// 0 still gets an axis, so nothing divides by zero.
fn scale(max: f64, min_step: f64) -> (f64, f64) {
    let raw = (max / 4.0).max(min_step);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw - 1e-9)
        .unwrap_or(10.0 * magnitude)
        .max(min_step);
    let top = (max / step).ceil().max(1.0) * step;
    (top, step)
}

fn open(out: &mut String, height: f64, label: &str) {
    let label = escape(label);
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {W} {height}\" \
         width=\"{W}\" height=\"{height}\" aria-label=\"{label}\"><title>{label}</title>"
    );
}

/// Horizontal gridlines with their labels, from 0 to `top`.
fn grid_y(out: &mut String, f: &Frame, top: f64, step: f64, label: impl Fn(f64) -> String) {
    let mut v = 0.0;
    while v <= top + step / 2.0 {
        let y = f.top + f.height - v / top * f.height;
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            label(v)
        );
        v += step;
    }
}

/// Day numbers under a day chart: the 1st, every 5th and the last.
fn days_x(out: &mut String, f: &Frame, days: &[Day]) {
    let last = days.len();
    for (i, day) in days.iter().enumerate() {
        let number = i + 1;
        if number == 1 || number == last || (number % 5 == 0 && last - number >= 2) {
            let _ = write!(
                out,
                "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x_of(i, last),
                f.top + f.height + 18.0,
                day_number(&day.date).unwrap_or(number)
            );
        }
    }
    out.push('\n');
}

fn day_number(date: &str) -> Option<usize> {
    date.rsplit('-').next()?.parse().ok()
}

fn x_of(i: usize, count: usize) -> f64 {
    LEFT + (i as f64 + 0.5) * (W - LEFT - RIGHT) / count.max(1) as f64
}

/// A line through the values, broken where a value is missing, with a
/// marker on every point (so a lone day between gaps still shows).
fn line(out: &mut String, f: &Frame, top: f64, s: &Series) {
    let count = s.values.len();
    let y_of = |v: f64| f.top + f.height - v / top * f.height;
    let mut path = String::new();
    let mut pen_down = false;
    for (i, v) in s.values.iter().enumerate() {
        match v {
            Some(v) => {
                let cmd = if pen_down { 'L' } else { 'M' };
                let _ = write!(path, "{cmd}{:.1} {:.1}", x_of(i, count), y_of(*v));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let _ = write!(out, "<g class=\"{}\"><path d=\"{path}\"/>", s.class);
    for (i, v) in s.values.iter().enumerate() {
        if let Some(v) = v {
            marker(out, s.marker, x_of(i, count), y_of(*v));
        }
    }
    out.push_str("</g>\n");
}

fn marker(out: &mut String, m: Marker, x: f64, y: f64) {
    let _ = match m {
        Marker::Circle => write!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"/>"),
        Marker::Square => write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\"/>",
            x - 3.0,
            y - 3.0
        ),
        Marker::Triangle => write!(
            out,
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"/>",
            y - 4.0,
            x + 4.0,
            y + 3.0,
            x - 4.0,
            y + 3.0
        ),
    };
}

/// The legend across the top: a sample of each line, marker and name.
fn legend(out: &mut String, series: &[Series]) {
    let mut x = LEFT;
    for s in series {
        let _ = write!(
            out,
            "<g class=\"{}\"><path d=\"M{x} 12H{}\"/>",
            s.class,
            x + 28.0
        );
        marker(out, s.marker, x + 14.0, 12.0);
        let _ = writeln!(
            out,
            "</g><text class=\"key\" x=\"{}\" y=\"16\">{}</text>",
            x + 34.0,
            escape(s.name)
        );
        x += 44.0 + 8.0 * s.name.len() as f64;
    }
}

/// "Searches: 1,234 in all, most on 12 November (95)".
fn in_words(name: &str, days: &[Day], value: impl Fn(&Day) -> u64) -> String {
    let total: u64 = days.iter().map(&value).sum();
    let busiest = days
        .iter()
        .max_by_key(|d| (value(d), std::cmp::Reverse(d.date.clone())));
    match busiest {
        Some(d) if total > 0 => format!(
            "{name}: {} in all, most on {} ({})",
            n(total),
            long_date(&d.date),
            n(value(d))
        ),
        _ => format!("{name}: none"),
    }
}

/// Chart 1: searches, article views and tickets on each day.
pub fn daily_activity(days: &[Day], month: &str) -> String {
    let values = |value: fn(&Day) -> u64| days.iter().map(|d| Some(value(d) as f64)).collect();
    let series = [
        Series {
            name: "Searches",
            class: "s1",
            marker: Marker::Circle,
            values: values(|d| d.searches),
        },
        Series {
            name: "Article views",
            class: "s2",
            marker: Marker::Square,
            values: values(|d| d.views),
        },
        Series {
            name: "Tickets",
            class: "s3",
            marker: Marker::Triangle,
            values: values(|d| d.tickets),
        },
    ];
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0, |a: f64, b| a.max(*b));
    let (top, step) = scale(max, 1.0);
    let label = format!(
        "Line chart of searches, article views and tickets on each day of {month}. {}. {}. {}.",
        in_words("Searches", days, |d| d.searches),
        in_words("Article views", days, |d| d.views),
        in_words("Tickets", days, |d| d.tickets),
    );
    let f = Frame {
        top: 32.0,
        height: 180.0,
    };
    let mut out = String::new();
    open(&mut out, 240.0, &label);
    grid_y(&mut out, &f, top, step, |v| n(v as u64));
    days_x(&mut out, &f, days);
    legend(&mut out, &series);
    for s in &series {
        line(&mut out, &f, top, s);
    }
    out.push_str("</svg>\n");
    out
}

/// Each day's zero-result rate; `None` on a day without searches.
pub fn zero_rates(days: &[Day]) -> Vec<Option<f64>> {
    days.iter()
        .map(|d| (d.searches > 0).then(|| d.zero_result as f64 / d.searches as f64))
        .collect()
}

/// Chart 2: the share of searches that found nothing, day by day; a day
/// without searches is a gap in the line, not a 0.
pub fn daily_zero_rate(days: &[Day]) -> String {
    let rates = zero_rates(days);
    let max = rates.iter().flatten().fold(0.0, |a: f64, b| a.max(*b));
    let (top, step) = scale(max, 0.05);
    let (top, step) = if top > 1.0 { (1.0, 0.25) } else { (top, step) };
    let label = zero_rate_words(days, &rates);
    let f = Frame {
        top: 12.0,
        height: 160.0,
    };
    let mut out = String::new();
    open(&mut out, 200.0, &label);
    grid_y(&mut out, &f, top, step, |v| percent(Some(v)));
    days_x(&mut out, &f, days);
    let s = Series {
        name: "Zero-result rate",
        class: "s4",
        marker: Marker::Circle,
        values: rates,
    };
    line(&mut out, &f, top, &s);
    out.push_str("</svg>\n");
    out
}

fn zero_rate_words(days: &[Day], rates: &[Option<f64>]) -> String {
    let known = days
        .iter()
        .zip(rates)
        .filter_map(|(d, r)| r.map(|r| (d, r)));
    let highest = known
        .clone()
        .fold(None, |best: Option<(&Day, f64)>, (d, r)| match best {
            Some((_, b)) if b >= r => best,
            _ => Some((d, r)),
        });
    let lowest = known.fold(None, |best: Option<(&Day, f64)>, (d, r)| match best {
        Some((_, b)) if b <= r => best,
        _ => Some((d, r)),
    });
    let gaps = rates.iter().filter(|r| r.is_none()).count();
    let mut words =
        String::from("Line chart of the share of searches that found nothing, by day. ");
    match (highest, lowest) {
        (Some((hd, h)), Some((ld, l))) => {
            let _ = write!(
                words,
                "Highest {} on {}, lowest {} on {}.",
                percent(Some(h)),
                long_date(&hd.date),
                percent(Some(l)),
                long_date(&ld.date)
            );
        }
        _ => words.push_str("No day had searches."),
    }
    if gaps > 0 {
        let _ = write!(words, " {gaps} days without searches are gaps in the line.");
    }
    words
}

/// Chart 3: the most frequent searches that found nothing, as bars.
pub fn top_gaps(groups: &[QueryGroup]) -> String {
    let groups = &groups[..groups.len().min(10)];
    let (top, step) = scale(
        groups.iter().map(|g| g.count).max().unwrap_or(0) as f64,
        1.0,
    );
    let words: Vec<String> = groups
        .iter()
        .map(|g| format!("“{}” {}", g.folded, n(g.count)))
        .collect();
    let label = format!(
        "Bar chart of the {} most frequent searches that found nothing: {}.",
        groups.len(),
        words.join(", ")
    );
    let (left, row) = (230.0, 26.0);
    let height = 8.0 + row * groups.len() as f64 + 28.0;
    let width = W - left - 48.0;
    let mut out = String::new();
    open(&mut out, height, &label);
    let mut v = 0.0;
    while v <= top + step / 2.0 {
        let x = left + v / top * width;
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"4\" y2=\"{:.1}\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            height - 24.0,
            height - 8.0,
            n(v as u64)
        );
        v += step;
    }
    for (i, g) in groups.iter().enumerate() {
        let y = 8.0 + row * i as f64;
        let w = g.count as f64 / top * width;
        let _ = writeln!(
            out,
            "<text class=\"key\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" x=\"{left}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\"/>\
             <text class=\"key\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            left - 8.0,
            y + 17.0,
            escape(&shorten(&g.folded, 30)),
            y + 4.0,
            row - 8.0,
            left + w + 6.0,
            y + 17.0,
            n(g.count)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// At most `max` characters, with "…" where it was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_to_round_numbers_and_survives_zero() {
        assert_eq!(scale(0.0, 1.0), (1.0, 1.0));
        assert_eq!(scale(3.0, 1.0), (3.0, 1.0));
        assert_eq!(scale(95.0, 1.0), (100.0, 25.0));
        assert_eq!(scale(0.0, 0.05), (0.05, 0.05));
        let (top, _) = scale(0.37, 0.05);
        assert!((top - 0.4).abs() < 1e-9, "{top}");
    }

    #[test]
    fn shortens_by_characters_not_bytes() {
        assert_eq!(shorten("ééééé", 3), "éé…");
        assert_eq!(shorten("vpn", 30), "vpn");
    }
}
