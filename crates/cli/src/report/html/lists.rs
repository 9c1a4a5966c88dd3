//! The report's lists: knowledge gaps, articles that need work, content
//! health and data quality.

use super::*;

fn variants(v: &[String]) -> String {
    v.iter()
        .map(|v| format!("<span class=\"v\">{}</span>", escape(v)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn query_rows(groups: &[QueryGroup]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| vec![escape(&g.folded), n(g.count), variants(&g.variants)])
        .collect()
}

pub(super) fn gaps(out: &mut String, g: &Gaps) {
    section(out, "gaps", "Knowledge gaps");
    out.push_str("<h3>Searches that found nothing</h3>\n");
    if g.zero_result.is_empty() {
        empty(out, "No searches found nothing this month.");
    } else {
        out.push_str(&chart::top_gaps(&g.zero_result));
        let caption = "Searches that found nothing, by what they say, most frequent first";
        table(
            out,
            caption,
            &["Search", "#Count", "As typed"],
            query_rows(&g.zero_result),
        );
    }
    out.push_str("<h3>What people searched before filing a ticket</h3>\n");
    if g.before_tickets.is_empty() {
        empty(out, "No ticket came after a search this month.");
    } else {
        let rows = g.before_tickets.iter().map(|c| {
            let queries: Vec<String> = c
                .queries
                .iter()
                .map(|q| format!("{} ({})", escape(&q.folded), n(q.count)))
                .collect();
            vec![escape(&c.category), n(c.tickets), queries.join(", ")]
        });
        let caption = "The searches of sessions that then filed a ticket, by the ticket's category";
        table(
            out,
            caption,
            &["Category", "#Tickets", "Searches (times)"],
            rows.collect(),
        );
    }
    out.push_str("<h3>Searches with results that no one clicked</h3>\n");
    if g.no_click.is_empty() {
        empty(out, "Every search with results had a click this month.");
    } else {
        let caption = "Searches whose results no one clicked, most frequent first";
        table(
            out,
            caption,
            &["Search", "#Count", "As typed"],
            query_rows(&g.no_click),
        );
    }
    out.push_str("</section>\n");
}

fn article(slug: &str, title: &str) -> String {
    format!(
        "{}<br><span class=\"slug\">{}</span>",
        escape(title),
        escape(slug)
    )
}

pub(super) fn articles(out: &mut String, a: &NeedWork) {
    section(out, "articles", "Articles that need work");
    out.push_str("<h3>Least helpful</h3>\n");
    if a.least_helpful.is_empty() {
        empty(
            out,
            &format!(
                "No article had the {} votes it needs to be ranked.",
                a.min_votes
            ),
        );
    } else {
        let rows = a.least_helpful.iter().map(|v| {
            let reasons: Vec<String> = v
                .reasons
                .iter()
                .map(|r| format!("{} ({})", escape(&r.reason), n(r.count)))
                .collect();
            let (rate, bound) = (percent(Some(v.rate)), percent(Some(v.lower_bound)));
            let comments: Vec<String> = v
                .comments
                .iter()
                .map(|c| format!("<q>{}</q>", escape(c)))
                .collect();
            vec![
                article(&v.slug, &v.title),
                n(v.yes),
                n(v.no),
                rate,
                bound,
                reasons.join("; "),
                comments.join("<br>"),
            ]
        });
        let caption = format!(
            "Articles with {} votes or more, least helpful first",
            a.min_votes
        );
        let head = [
            "Article",
            "#Yes",
            "#No",
            "#Helpful",
            "#At least",
            "Reasons given with “No”",
            "Latest comments",
        ];
        table(out, &caption, &head, rows.collect());
    }
    out.push_str("<h3>Read just before a ticket</h3>\n");
    if a.before_tickets.is_empty() {
        empty(
            out,
            "No ticket came right after reading an article this month.",
        );
    } else {
        let caption = "The article a session read last before it filed a ticket";
        table(
            out,
            caption,
            &["Article", "#Tickets"],
            counts(&a.before_tickets),
        );
    }
    out.push_str("<h3>Helpfulness that fell</h3>\n");
    if a.fell.is_empty() {
        empty(
            out,
            "No article's helpfulness fell since the previous month.",
        );
    } else {
        let rows = a.fell.iter().map(|c| {
            let (before, now) = (percent(Some(c.previous_rate)), percent(Some(c.rate)));
            vec![article(&c.slug, &c.title), before, now, n(c.votes)]
        });
        let caption = "Helpful rate the previous month and now, with enough votes both months";
        table(
            out,
            caption,
            &["Article", "#Last month", "#Now", "#Votes"],
            rows.collect(),
        );
    }
    out.push_str("</section>\n");
}

fn counts(list: &[ArticleCount]) -> Vec<Vec<String>> {
    list.iter()
        .map(|a| vec![article(&a.slug, &a.title), n(a.count)])
        .collect()
}

fn dates(list: &[ArticleDate]) -> Vec<Vec<String>> {
    list.iter()
        .map(|a| vec![article(&a.slug, &a.title), escape(&a.date)])
        .collect()
}

pub(super) fn health(out: &mut String, h: &Health) {
    section(out, "health", "Content health");
    let stale = format!("Stale (no update in {} days)", h.stale_days);
    out.push_str("<dl class=\"cards\">\n");
    card(out, "Articles", &n(h.articles), "");
    card(out, "Review overdue", &n(h.review_overdue.len() as u64), "");
    card(out, &stale, &n(h.stale.len() as u64), "");
    card(
        out,
        "Not viewed this month",
        &n(h.no_views.len() as u64),
        "",
    );
    out.push_str("</dl>\n<h3>Review overdue</h3>\n");
    if h.review_overdue.is_empty() {
        empty(out, "No article is overdue for review.");
    } else {
        let caption = "Review date before the month's end, oldest first";
        table(
            out,
            caption,
            &["Article", "Review by"],
            dates(&h.review_overdue),
        );
    }
    let _ = writeln!(
        out,
        "<h3>Stale: not updated for more than {} days</h3>",
        h.stale_days
    );
    if h.stale.is_empty() {
        empty(
            out,
            &format!("No article went {} days without an update.", h.stale_days),
        );
    } else {
        let caption = "Last update before the threshold, oldest first";
        table(out, caption, &["Article", "Updated"], dates(&h.stale));
    }
    out.push_str("<h3>Not viewed this month</h3>\n");
    if h.no_views.is_empty() {
        empty(out, "Every article was viewed this month.");
    } else {
        out.push_str("<ul class=\"cols\">\n");
        for a in h.no_views.iter().take(ROWS) {
            let _ = writeln!(out, "<li>{}</li>", article(&a.slug, &a.title));
        }
        out.push_str("</ul>\n");
        more(out, h.no_views.len(), ROWS);
    }
    out.push_str("<h3>Most viewed</h3>\n");
    if h.most_viewed.is_empty() {
        empty(out, "No article was viewed this month.");
    } else {
        table(
            out,
            "Most viewed this month",
            &["Article", "#Views"],
            counts(&h.most_viewed),
        );
    }
    out.push_str("</section>\n");
}

pub(super) fn quality(out: &mut String, q: &Quality) {
    section(out, "quality", "Data quality");
    out.push_str("<dl class=\"cards\">\n");
    card(out, "Lines read", &n(q.lines), "in the month's event files");
    card(out, "Events used", &n(q.events), "");
    card(
        out,
        "Duplicates",
        &n(q.duplicates),
        "a batch sent twice, counted once",
    );
    card(out, "Outside the month", &n(q.outside_month), "left out");
    card(
        out,
        "Unknown version",
        &n(q.unknown_version),
        "of a schema this lantern does not know",
    );
    card(
        out,
        "Malformed lines",
        &n(q.malformed_count),
        "not an event, skipped",
    );
    card(
        out,
        "Tickets read",
        &n(q.tickets_read),
        "from the ticket files",
    );
    out.push_str("</dl>\n<h3>Lines that are not events</h3>\n");
    if q.malformed.is_empty() && q.malformed_count == 0 {
        empty(out, "Every line was an event.");
    } else {
        out.push_str("<ul>\n");
        for m in q.malformed.iter().take(ROWS) {
            let (file, reason) = (escape(&m.file), escape(&m.reason));
            let _ = writeln!(out, "<li><code>{file}:{}</code>: {reason}</li>", m.line);
        }
        out.push_str("</ul>\n");
        more(out, q.malformed_count as usize, q.malformed.len().min(ROWS));
    }
    out.push_str("</section>\n");
}
