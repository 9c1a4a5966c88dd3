use super::*;

fn meta(slug: &str, category: &str, tags: &[&str], aliases: &[&str]) -> ArticleMeta {
    ArticleMeta {
        slug: slug.into(),
        title: slug.into(),
        summary: String::new(),
        category: category.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        aliases: aliases.iter().map(|t| t.to_string()).collect(),
        updated: None,
        review_by: Some("2026-06-01".into()),
        source: None,
    }
}

fn catalog() -> Catalog {
    Catalog {
        format: CATALOG_FORMAT,
        site: SiteInfo::default(),
        categories: vec![],
        articles: vec![
            meta("vpn", "network", &["vpn", "remote"], &["vpn-old"]),
            meta("wifi", "network", &["wifi"], &[]),
            meta("dns", "other", &["vpn", "dns"], &[]),
            meta("printer", "devices", &["print"], &[]),
        ],
        index: SearchIndex::default(),
        ticket: Default::default(),
        events: None,
    }
}

#[test]
fn resolve_follows_aliases() {
    let c = catalog();
    assert_eq!(
        c.resolve("vpn").map(|(a, via)| (a.slug.as_str(), via)),
        Some(("vpn", false))
    );
    assert_eq!(
        c.resolve("vpn-old").map(|(a, via)| (a.slug.as_str(), via)),
        Some(("vpn", true))
    );
    assert!(c.resolve("nope").is_none());
}

#[test]
fn related_prefers_shared_tags_over_category() {
    let c = catalog();
    let related: Vec<_> = c
        .related("vpn", 5)
        .into_iter()
        .map(|a| a.slug.as_str())
        .collect();
    assert_eq!(related, ["dns", "wifi"]);
}

/// `related` picks its best without sorting (see why there): it must
/// give what a stable sort by score would, ties in catalog order, at
/// every limit.
#[test]
fn related_is_the_best_by_score_with_ties_in_catalog_order_at_any_limit() {
    let tags = ["vpn", "wifi", "dns", "print", "mail"];
    let categories = ["network", "devices", ""];
    let mut c = catalog();
    c.articles = (0..60usize)
        .map(|i| {
            let own: Vec<&str> = (0..tags.len())
                .filter(|t| (i * 7 + t * 3) % 5 < 2)
                .map(|t| tags[t])
                .collect();
            meta(&format!("a{i}"), categories[i % 3], &own, &[])
        })
        .collect();
    for this in ["a0", "a1", "a2", "a7", "a59"] {
        let me = c.article(this).unwrap();
        let mut expected: Vec<(usize, &str)> = c
            .articles
            .iter()
            .filter(|a| a.slug != this)
            .map(|a| {
                let shared = a.tags.iter().filter(|t| me.tags.contains(t)).count();
                let same = !me.category.is_empty() && a.category == me.category;
                (shared * 2 + usize::from(same), a.slug.as_str())
            })
            .filter(|(score, _)| *score > 0)
            .collect();
        expected.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        for limit in [0, 1, 3, 5, 100] {
            let got: Vec<&str> = c
                .related(this, limit)
                .iter()
                .map(|a| a.slug.as_str())
                .collect();
            let want: Vec<&str> = expected.iter().take(limit).map(|(_, s)| *s).collect();
            assert_eq!(got, want, "related({this}, {limit})");
        }
    }
}

#[test]
fn review_overdue_compares_iso_dates() {
    let a = meta("x", "", &[], &[]);
    assert!(a.review_overdue("2026-06-02"));
    assert!(!a.review_overdue("2026-06-01"));
}

#[test]
fn the_edit_link_puts_the_source_file_in_place_of_path_with_each_segment_encoded() {
    let site = SiteInfo {
        edit_url: "https://github.com/acme/kb/edit/main/articles/{path}".into(),
        ..SiteInfo::default()
    };
    let mut a = meta("vpn", "", &[], &[]);
    assert_eq!(site.edit_link(&a), None, "no source, no link");
    a.source = Some("network/VPN drops #2 (café).md".into());
    assert_eq!(
        site.edit_link(&a).as_deref(),
        Some("https://github.com/acme/kb/edit/main/articles/network/VPN%20drops%20%232%20%28caf%C3%A9%29.md")
    );
    assert_eq!(
        SiteInfo::default().edit_link(&a),
        None,
        "no edit URL, no link"
    );
}

#[test]
fn a_catalog_without_edit_url_or_events_has_neither_key() {
    let json = serde_json::to_value(catalog()).unwrap();
    assert!(json["site"].get("edit_url").is_none(), "{}", json["site"]);
    assert!(json.get("events").is_none());
    assert!(json["articles"][0].get("source").is_none());
}
