//! report.md: the report as text a support manager pastes into a mail or a
//! wiki page; the same numbers as report.html, without the charts.

use std::fmt::Write;

use super::model::*;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Service report: {}, {}\n",
        r.site,
        month_name(&r.month)
    );
    headline(&mut out, r);
    gaps(&mut out, &r.gaps);
    articles(&mut out, &r.articles, &r.health);
    quality(&mut out, &r.quality);
    out
}

/// `November 2026` for `2026-11`.
pub fn month_name(id: &str) -> String {
    let name = id.split_once('-').and_then(|(year, month)| {
        Some((year, time::Month::try_from(month.parse::<u8>().ok()?).ok()?))
    });
    name.map_or_else(|| id.to_string(), |(year, month)| format!("{month} {year}"))
}

/// `42 %`, or `–` for a rate of nothing.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".into(), |r| format!("{:.0} %", r * 100.0))
}

/// `120 (last month 100, +20 %)`.
pub fn with_previous(count: &Count) -> String {
    match count.previous {
        Some(p) if p > 0 => {
            let change = (count.this_month as f64 - p as f64) / p as f64 * 100.0;
            format!("{} (last month {p}, {change:+.0} %)", count.this_month)
        }
        Some(p) => format!("{} (last month {p})", count.this_month),
        None => count.this_month.to_string(),
    }
}

/// Text from the events, made safe inside a table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn headline(out: &mut String, r: &Report) {
    let h = &r.headline;
    let one = |s: Option<f64>| s.map_or_else(|| "–".into(), |s| format!("{s:.1}"));
    let score = match h.previous_self_service_score {
        Some(p) => format!(
            "{} (last month {})",
            one(h.self_service_score),
            one(Some(p))
        ),
        None => one(h.self_service_score),
    };
    let _ = writeln!(out, "## Headline\n");
    let _ = writeln!(out, "- Sessions: {}", with_previous(&h.sessions));
    let _ = writeln!(out, "- Committed searches: {}", with_previous(&h.searches));
    let _ = writeln!(out, "- Article views: {}", with_previous(&h.views));
    let _ = writeln!(
        out,
        "- Tickets from the help center: {}",
        with_previous(&h.tickets)
    );
    let _ = writeln!(out, "- Self-service score (sessions per ticket): {score}");
    let d = &r.deflection;
    let _ = writeln!(
        out,
        "- Deflection: {} ({} of {} sessions); confirmed: {}\n\n  _{}_",
        percent(d.rate),
        d.helped,
        d.seeking,
        d.confirmed,
        d.rule
    );
    let s = &r.success;
    let bound = s.helpful_lower_bound.map_or_else(String::new, |b| {
        format!(", at least {} at 95 %", percent(Some(b)))
    });
    let _ = writeln!(
        out,
        "- Helpful: {} ({} yes, {} no{bound})",
        percent(s.helpful_rate),
        s.helpful_yes,
        s.helpful_no
    );
    let _ = writeln!(out, "- Search click-through: {}", percent(s.click_through));
    let _ = writeln!(
        out,
        "- Zero-result rate: {} ({} searches)",
        percent(s.zero_result_rate),
        s.zero_result_searches
    );
    let _ = writeln!(
        out,
        "- Searches with results but no click: {}\n",
        s.results_no_click
    );
}

fn groups(out: &mut String, title: &str, empty: &str, groups: &[QueryGroup]) {
    let _ = writeln!(out, "### {title}\n");
    if groups.is_empty() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    let _ = writeln!(out, "| Query | Count | Typed as |\n|---|---:|---|");
    for g in groups {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&g.folded),
            g.count,
            cell(&g.variants.join(", "))
        );
    }
    out.push('\n');
}

fn gaps(out: &mut String, g: &Gaps) {
    let _ = writeln!(out, "## Knowledge gaps: what to write next\n");
    groups(
        out,
        "Searches that found nothing",
        "Every search found something this month.",
        &g.zero_result,
    );
    let _ = writeln!(out, "### Searches before a ticket, by category\n");
    if g.before_tickets.is_empty() {
        let _ = writeln!(
            out,
            "No tickets were filed from the help center this month.\n"
        );
    }
    for c in &g.before_tickets {
        let queries: Vec<String> = c
            .queries
            .iter()
            .map(|q| format!("{} ({})", cell(&q.folded), q.count))
            .collect();
        let queries = if queries.is_empty() {
            "no searches".into()
        } else {
            queries.join(", ")
        };
        let _ = writeln!(
            out,
            "- **{}** ({} tickets): {queries}",
            cell(&c.category),
            c.tickets
        );
    }
    out.push('\n');
    groups(
        out,
        "Searches with results but no click",
        "Every search with results had a click.",
        &g.no_click,
    );
}

fn articles(out: &mut String, a: &NeedWork, h: &Health) {
    let _ = writeln!(out, "## Articles that need work\n");
    let _ = writeln!(out, "### Least helpful (at least {} votes)\n", a.min_votes);
    if a.least_helpful.is_empty() {
        let _ = writeln!(
            out,
            "No article with {} votes or more was voted unhelpful this month.\n",
            a.min_votes
        );
    } else {
        let _ = writeln!(
            out,
            "| Article | Yes | No | Helpful | Reasons | Latest comments |\n|---|---:|---:|---:|---|---|"
        );
        for v in &a.least_helpful {
            let reasons: Vec<String> = v
                .reasons
                .iter()
                .map(|r| format!("{} ({})", r.reason, r.count))
                .collect();
            // `\<`: a comment is the reader's text, never markup where
            // the file is rendered (a wiki, a mail).
            let comments: Vec<String> = v
                .comments
                .iter()
                .map(|c| format!("“{}”", cell(c).replace('<', "\\<")))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&v.title),
                v.yes,
                v.no,
                percent(Some(v.rate)),
                reasons.join(", "),
                comments.join(" · ")
            );
        }
        out.push('\n');
    }
    list(
        out,
        "Read just before a ticket",
        "No ticket followed an article this month.",
        &a.before_tickets,
        |c| format!("{} ({})", cell(&c.title), c.count),
    );
    list(
        out,
        "Helpfulness that fell since last month",
        "None fell (or there is no last month to compare with).",
        &a.fell,
        |c| {
            format!(
                "{}: {} → {} ({} votes)",
                cell(&c.title),
                percent(Some(c.previous_rate)),
                percent(Some(c.rate)),
                c.votes
            )
        },
    );
    let _ = writeln!(out, "## Content health ({} articles)\n", h.articles);
    let dated = |d: &ArticleDate| format!("{} ({})", cell(&d.title), d.date);
    list(
        out,
        "Review overdue",
        "No review is overdue.",
        &h.review_overdue,
        dated,
    );
    list(
        out,
        &format!("Not updated for {} days", h.stale_days),
        "Every article was updated within that time.",
        &h.stale,
        dated,
    );
    list(
        out,
        "Not viewed this month",
        "Every article was viewed.",
        &h.no_views,
        |c| cell(&c.title),
    );
    list(
        out,
        "Most viewed",
        "No article was viewed.",
        &h.most_viewed,
        |c| format!("{} ({})", cell(&c.title), c.count),
    );
}

/// A list of at most 20 items, with how many more there are.
fn list<T>(out: &mut String, title: &str, empty: &str, items: &[T], line: impl Fn(&T) -> String) {
    let _ = writeln!(out, "### {title}\n");
    if items.is_empty() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    for item in items.iter().take(20) {
        let _ = writeln!(out, "- {}", line(item));
    }
    if items.len() > 20 {
        let _ = writeln!(out, "- and {} more", items.len() - 20);
    }
    out.push('\n');
}

fn quality(out: &mut String, q: &Quality) {
    let _ = writeln!(out, "## Data quality\n");
    let _ = writeln!(
        out,
        "{} lines read, {} events used, {} duplicates dropped, {} outside the month, {} of an unknown schema version, {} malformed; {} tickets read.\n",
        q.lines, q.events, q.duplicates, q.outside_month, q.unknown_version, q.malformed_count, q.tickets_read
    );
    for m in &q.malformed {
        let _ = writeln!(out, "- {}:{}: {}", cell(&m.file), m.line, cell(&m.reason));
    }
    if !q.malformed.is_empty() {
        out.push('\n');
    }
}
