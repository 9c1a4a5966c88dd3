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
