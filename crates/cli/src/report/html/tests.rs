use super::*;

fn count(this_month: u64, previous: Option<u64>) -> Count {
    Count {
        this_month,
        previous,
    }
}

fn group(folded: &str, count: u64) -> QueryGroup {
    QueryGroup {
        folded: folded.into(),
        count,
        variants: vec![folded.to_uppercase()],
    }
}

/// An empty month: every count 0, every list empty, every rate `None`.
pub(crate) fn empty() -> Report {
    let days = (1..=30)
        .map(|d| Day {
            date: format!("2026-11-{d:02}"),
            searches: 0,
            zero_result: 0,
            views: 0,
            tickets: 0,
        })
        .collect();
    Report {
        month: "2026-11".into(),
        site: "Acme Help".into(),
        headline: Headline {
            sessions: count(0, None),
            searches: count(0, None),
            views: count(0, None),
            tickets: count(0, None),
            self_service_score: None,
            previous_self_service_score: None,
        },
        deflection: Deflection {
            helped: 0,
            seeking: 0,
            rate: None,
            confirmed: 0,
            rule: "x".into(),
        },
        success: Success {
            helpful_yes: 0,
            helpful_no: 0,
            helpful_rate: None,
            helpful_lower_bound: None,
            searches_with_results: 0,
            searches_clicked: 0,
            click_through: None,
            zero_result_searches: 0,
            zero_result_rate: None,
            results_no_click: 0,
        },
        daily: days,
        gaps: Gaps {
            zero_result: vec![],
            before_tickets: vec![],
            no_click: vec![],
        },
        articles: NeedWork {
            min_votes: 5,
            least_helpful: vec![],
            before_tickets: vec![],
            fell: vec![],
        },
        health: Health {
            articles: 0,
            review_overdue: vec![],
            stale_days: 365,
            stale: vec![],
            no_views: vec![],
            most_viewed: vec![],
        },
        quality: Quality {
            lines: 0,
            events: 0,
            duplicates: 0,
            outside_month: 0,
            unknown_version: 0,
            malformed_count: 0,
            malformed: vec![],
            tickets_read: 0,
        },
    }
}

/// A realistic month: 30 days (weekends without searches), gaps,
/// articles and one malformed line.
pub(crate) fn sample() -> Report {
    let mut r = empty();
    for (i, d) in r.daily.iter_mut().enumerate() {
        let weekend = i % 7 == 5 || i % 7 == 6;
        d.searches = if weekend { 0 } else { 40 + (i as u64 * 7) % 30 };
        d.zero_result = d.searches / (3 + i as u64 % 4);
        d.views = if weekend {
            3
        } else {
            60 + (i as u64 * 11) % 40
        };
        d.tickets = if weekend { 0 } else { 2 + i as u64 % 5 };
    }
    r.headline.sessions = count(1480, Some(1320));
    r.headline.searches = count(1100, Some(1210));
    r.headline.views = count(1720, Some(1500));
    r.headline.tickets = count(84, Some(84));
    r.headline.self_service_score = Some(17.6);
    r.headline.previous_self_service_score = Some(15.7);
    r.deflection = Deflection {
            helped: 910,
            seeking: 1300,
            rate: Some(0.7),
            confirmed: 120,
            rule: "A session counts as helped if it viewed an article or said “This solved it” and filed no ticket in the same session.".into(),
        };
    r.success.helpful_yes = 320;
    r.success.helpful_no = 80;
    r.success.helpful_rate = Some(0.8);
    r.success.helpful_lower_bound = Some(0.76);
    r.success.searches_with_results = 800;
    r.success.searches_clicked = 560;
    r.success.click_through = Some(0.7);
    r.success.zero_result_searches = 300;
    r.success.zero_result_rate = Some(0.27);
    r.success.results_no_click = 240;
    r.gaps.zero_result = (0..14)
        .map(|i| group(&format!("gap query number {i}"), 40 - i * 2))
        .collect();
    r.gaps.zero_result[0].variants = vec!["VPN  Disconnects".into(), "vpn disconnects".into()];
    r.gaps.before_tickets = vec![CategoryQueries {
        category: "Accounts & access".into(),
        tickets: 30,
        queries: vec![group("reset password", 12), group("2fa lost phone", 7)],
    }];
    r.gaps.no_click = vec![group("printer offline", 18)];
    r.articles.least_helpful = vec![ArticleVotes {
        slug: "vpn-setup".into(),
        title: "Set up the VPN".into(),
        yes: 4,
        no: 9,
        rate: 4.0 / 13.0,
        lower_bound: 0.13,
        reasons: vec![ReasonCount {
            reason: "Out of date".into(),
            count: 5,
        }],
        comments: vec!["<b>step 3</b> & no Apply".into()],
    }];
    let a = |slug: &str, count| ArticleCount {
        slug: slug.into(),
        title: slug.replace('-', " "),
        count,
    };
    r.articles.before_tickets = vec![a("reset-password", 14)];
    r.health.articles = 60;
    r.health.no_views = (0..25).map(|i| a(&format!("old-article-{i}"), 0)).collect();
    r.health.most_viewed = vec![a("reset-password", 320), a("vpn-setup", 210)];
    r.health.stale = vec![ArticleDate {
        slug: "fax".into(),
        title: "Send a fax".into(),
        date: "2024-01-10".into(),
    }];
    r.quality = Quality {
        lines: 5000,
        events: 4950,
        duplicates: 30,
        outside_month: 12,
        unknown_version: 7,
        malformed_count: 1,
        malformed: vec![Malformed {
            file: "events-11.jsonl".into(),
            line: 42,
            reason: "not JSON".into(),
        }],
        tickets_read: 84,
    };
    r
}

#[test]
fn the_page_is_self_contained() {
    let page = render(&sample());
    assert!(!page.contains("<script"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("src=") && !page.contains("href="));
    assert!(page.contains("<html lang=\"en\">") && page.matches("<h1>").count() == 1);
    assert!(page.contains("Service report — Acme Help, November 2026"));
    assert!(page.contains("and 5 more"), "25 unviewed articles show 20");
    assert!(!page.contains("NaN") && !page.contains("inf"));
}

#[test]
fn what_people_typed_is_inert() {
    let mut r = sample();
    r.gaps.zero_result[0].folded = "<script>alert(1)</script>".into();
    r.gaps.no_click[0].variants = vec!["\"onmouseover=alert(1) '".into()];
    let page = render(&r);
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("\"onmouseover="));
    assert!(page.contains("&quot;onmouseover=alert(1) &#39;"));
    assert!(page.contains("<q>&lt;b&gt;step 3&lt;/b&gt; &amp; no Apply</q>"));
}

#[test]
fn rates_of_nothing_are_dashes() {
    let page = render(&empty());
    assert!(page.contains("<dd class=\"big\">–</dd>"));
    assert!(!page.contains("0 %</dd>"));
}

#[test]
fn an_empty_month_says_so() {
    let page = render(&empty());
    for sentence in [
        "No searches found nothing this month.",
        "No searches, article views or tickets this month.",
        "No article was viewed this month.",
        "Every line was an event.",
    ] {
        assert!(page.contains(sentence), "{sentence}");
    }
    assert!(!page.contains("<table"));
    for svg in [
        chart::daily_activity(&empty().daily, "x"),
        chart::daily_zero_rate(&[]),
        chart::top_gaps(&[]),
    ] {
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }
}

#[test]
fn charts_are_images_with_words() {
    let page = render(&sample());
    assert_eq!(page.matches("<svg class=\"chart\" role=\"img\"").count(), 3);
    assert_eq!(page.matches("aria-label=\"Line chart").count(), 2);
    assert!(page.contains("aria-label=\"Bar chart of the 10 most frequent"));
}

/// Writes the sample page for a look in a browser (`--ignored`).
#[test]
#[ignore]
fn write_sample() {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or("target".into());
    std::fs::write(format!("{dir}/report-sample.html"), render(&sample())).unwrap();
}
