//! report.html: the month's service report as one page a support manager
//! opens from a mail, forwards or prints for a meeting. It is one file that
//! needs nothing else (inline style and SVG, no script, no fonts, a policy
//! that fetches nothing), so it works offline and as an attachment. Every
//! chart says in words what it shows and has its numbers in a table, so
//! nothing is only in a picture. Everything that came from the events is
//! escaped: a query is whatever someone typed.

use std::fmt::Write;

use super::format::{escape, month_name, n, percent};

use super::chart;
use super::model::*;

/// Rows a list shows before "and N more".
const ROWS: usize = 20;

const STYLE: &str = "
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#4b5563;--bg:#fff;--card:#f3f5f7;
--line:#d4d9df;--s1:#1f5fa8;--s2:#b04a00;--s3:#2a7a3b;--s4:#8a3ab9;--bar:#1f5fa8}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#b3bac4;--bg:#15181c;
--card:#1f242b;--line:#3b434e;--s1:#7fb4ff;--s2:#ffa866;--s3:#7bd88f;--s4:#d9a5ff;--bar:#7fb4ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.3rem;margin:32px 0 8px;
border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1.05rem;margin:20px 0 6px}
p{margin:6px 0}.muted,.note,caption,.more{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px;margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.card dt{font-size:.85rem;color:var(--muted)}.card dd{margin:0}
.big{font-size:1.6rem;font-weight:650}.note{font-size:.85rem}
.hero{font-size:2.6rem;font-weight:700;margin:0}
.split{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.3fr);gap:20px;align-items:start}
.rule{border-left:3px solid var(--line);padding-left:12px;font-size:.9rem}
table{border-collapse:collapse;margin:6px 0 4px;font-size:.9rem}
caption{text-align:left;font-size:.85rem;padding-bottom:4px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px 3px 0;text-align:left;vertical-align:top}
thead th{font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
.slug{font-size:.8rem;color:var(--muted)}.v{white-space:pre-wrap}
.daily{font-size:.75rem}.daily th,.daily td{padding:2px 4px;text-align:right}
.daily th[scope=row]{text-align:left;white-space:nowrap}
.scroll{overflow-x:auto}
.chart{display:block;width:100%;max-width:800px;height:auto;margin:8px 0}
.chart text{fill:var(--fg);font-size:12px}.chart .tick{fill:var(--muted);font-size:11px}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart path{fill:none;stroke-width:2}.chart .bar{fill:var(--bar)}
.s1{stroke:var(--s1);fill:var(--s1)}.s2{stroke:var(--s2);fill:var(--s2)}
.s3{stroke:var(--s3);fill:var(--s3)}.s4{stroke:var(--s4);fill:var(--s4)}
.s2 path:first-child{stroke-dasharray:7 4}.s3 path:first-child{stroke-dasharray:2 3}
.s1 circle,.s2 rect,.s3 path+path,.s4 circle{stroke:none}
.cols{columns:3 240px;padding-left:18px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{:root{--fg:#000;--muted:#333;--bg:#fff;--card:#fff;--line:#999;--s1:#1f5fa8;
--s2:#b04a00;--s3:#2a7a3b;--s4:#8a3ab9;--bar:#555}body{font-size:10pt}main{max-width:none;padding:0}
.card,figure,tr,.rule,.split{break-inside:avoid}h2,h3,caption{break-after:avoid}
thead{display:table-header-group}.scroll{overflow:visible}}
";

/// The whole page.
pub fn render(r: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let month = month_name(&r.month);
    let title = format!("Service report — {}, {month}", escape(&r.site));
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"muted\">What people looked for in the help center, \
         what they found and what is missing, with the previous month where known.</p>\n"
    );
    headline(&mut out, &r.headline);
    deflection(&mut out, &r.deflection);
    success(&mut out, &r.success);
    daily(&mut out, &r.daily, &month);
    gaps(&mut out, &r.gaps);
    articles(&mut out, &r.articles);
    health(&mut out, &r.health);
    quality(&mut out, &r.quality);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn section(out: &mut String, id: &str, heading: &str) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{heading}</h2>\n"
    );
}

fn card(out: &mut String, label: &str, value: &str, note: &str) {
    let _ = write!(
        out,
        "<div class=\"card\"><dt>{label}</dt><dd class=\"big\">{value}</dd>"
    );
    if !note.is_empty() {
        let _ = write!(out, "<dd class=\"note\">{note}</dd>");
    }
    out.push_str("</div>\n");
}

/// "last month 100, ▲ 20 %", with the direction in words for screen readers.
fn previous(count: &Count) -> String {
    let Some(p) = count.previous else {
        return String::new();
    };
    if p == 0 {
        return "last month 0".into();
    }
    let change = (count.this_month as f64 - p as f64) / p as f64 * 100.0;
    let (arrow, word) = match change {
        c if c >= 0.5 => ("▲", "up"),
        c if c <= -0.5 => ("▼", "down"),
        _ => ("=", "no change,"),
    };
    format!(
        "last month {}, <span aria-hidden=\"true\">{arrow}</span>\
         <span class=\"vh\">{word}</span> {:.0} %",
        n(p),
        change.abs()
    )
}

fn headline(out: &mut String, h: &Headline) {
    section(out, "headline", "The month at a glance");
    out.push_str("<dl class=\"cards\">\n");
    card(
        out,
        "Sessions",
        &n(h.sessions.this_month),
        &previous(&h.sessions),
    );
    card(
        out,
        "Searches",
        &n(h.searches.this_month),
        &previous(&h.searches),
    );
    card(
        out,
        "Article views",
        &n(h.views.this_month),
        &previous(&h.views),
    );
    card(
        out,
        "Tickets from the help center",
        &n(h.tickets.this_month),
        &previous(&h.tickets),
    );
    let score = |s: Option<f64>| s.map_or_else(|| "–".into(), |s| format!("{s:.1}"));
    let note = match h.previous_self_service_score {
        Some(p) => format!("sessions per ticket; last month {}", score(Some(p))),
        None => "sessions per ticket".into(),
    };
    card(
        out,
        "Self-service score",
        &score(h.self_service_score),
        &note,
    );
    out.push_str("</dl>\n</section>\n");
}

fn deflection(out: &mut String, d: &Deflection) {
    section(out, "deflection", "Deflection");
    let _ = write!(
        out,
        "<div class=\"split\"><div><p class=\"hero\">{}</p>\
         <p>{} of {} sessions that searched or read an article were helped and filed no \
         ticket; {} of them said “This solved it”.</p></div>\n\
         <p class=\"rule\"><strong>How this is counted:</strong> {}</p></div>\n</section>\n",
        percent(d.rate),
        n(d.helped),
        n(d.seeking),
        n(d.confirmed),
        escape(&d.rule)
    );
}

fn success(out: &mut String, s: &Success) {
    section(out, "success", "Self-service success");
    out.push_str("<dl class=\"cards\">\n");
    let bound = s.helpful_lower_bound.map_or_else(String::new, |b| {
        format!("; at least {} (95 % lower bound)", percent(Some(b)))
    });
    let votes = format!("{} yes, {} no{bound}", n(s.helpful_yes), n(s.helpful_no));
    card(
        out,
        "Found the article helpful",
        &percent(s.helpful_rate),
        &votes,
    );
    let clicks = format!(
        "{} of {} searches with results",
        n(s.searches_clicked),
        n(s.searches_with_results)
    );
    card(out, "Click-through", &percent(s.click_through), &clicks);
    let zero = format!("{} searches found nothing", n(s.zero_result_searches));
    card(out, "Zero-result rate", &percent(s.zero_result_rate), &zero);
    let no_click = "searches with results that no one clicked";
    card(out, "Results, no click", &n(s.results_no_click), no_click);
    out.push_str("</dl>\n</section>\n");
}

/// The two day charts and, under them, their numbers in one table.
/// A daily count's heading and how to read it off a day.
type DayColumn<'a> = (&'a str, &'a dyn Fn(&Day) -> u64);

fn daily(out: &mut String, days: &[Day], month: &str) {
    section(out, "daily", "Day by day");
    if days.iter().all(|d| d.searches + d.views + d.tickets == 0) {
        out.push_str("<p>No searches, article views or tickets this month.</p>\n</section>\n");
        return;
    }
    out.push_str("<h3>Searches, article views and tickets</h3>\n");
    out.push_str(&chart::daily_activity(days, month));
    out.push_str("<h3>Share of searches that found nothing</h3>\n");
    out.push_str(&chart::daily_zero_rate(days));
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-label=\"The day charts in numbers\" \
         tabindex=\"0\"><table class=\"daily\"><caption>The charts in numbers, by day of \
         {month}; – where there were no searches</caption>\n<thead><tr><th scope=\"col\">Day</th>"
    );
    for (i, d) in days.iter().enumerate() {
        let day = d
            .date
            .rsplit('-')
            .next()
            .map_or(i + 1, |s| s.parse().unwrap_or(i + 1));
        let _ = write!(out, "<th scope=\"col\">{day}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let rows: [DayColumn; 4] = [
        ("Searches", &|d| d.searches),
        ("Article views", &|d| d.views),
        ("Tickets", &|d| d.tickets),
        ("Found nothing", &|d| d.zero_result),
    ];
    for (name, value) in rows {
        let cells: String = days
            .iter()
            .map(|d| format!("<td>{}</td>", n(value(d))))
            .collect();
        let _ = writeln!(out, "<tr><th scope=\"row\">{name}</th>{cells}</tr>");
    }
    let rates: String = chart::zero_rates(days)
        .into_iter()
        .map(|r| {
            format!(
                "<td>{}</td>",
                r.map_or("–".into(), |r| format!("{:.0}", r * 100.0))
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">Found nothing (%)</th>{rates}</tr>"
    );
    out.push_str("</tbody></table></div>\n</section>\n");
}

/// A table of rows already escaped; the first cell of each is its header,
/// columns whose heading starts with `#` are numbers. At most [`ROWS`]
/// rows, then "and N more".
fn table(out: &mut String, caption: &str, head: &[&str], rows: Vec<Vec<String>>) {
    let _ = write!(out, "<table><caption>{caption}</caption>\n<thead><tr>");
    for h in head {
        let (class, h) = h
            .strip_prefix('#')
            .map_or(("", *h), |h| (" class=\"num\"", h));
        let _ = write!(out, "<th scope=\"col\"{class}>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows.iter().take(ROWS) {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if head.get(i).is_some_and(|h| h.starts_with('#')) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = match i {
                0 => write!(out, "<th scope=\"row\"{class}>{cell}</th>"),
                _ => write!(out, "<td{class}>{cell}</td>"),
            };
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    more(out, rows.len(), ROWS);
}

fn more(out: &mut String, total: usize, shown: usize) {
    if total > shown {
        let _ = writeln!(
            out,
            "<p class=\"more\">and {} more</p>",
            n((total - shown) as u64)
        );
    }
}

fn empty(out: &mut String, sentence: &str) {
    let _ = writeln!(out, "<p class=\"empty\">{sentence}</p>");
}

mod lists;
#[cfg(test)]
mod tests;

use lists::{articles, gaps, health, quality};
