//! The site side of the feedback loop (issue 17), as `lantern build`
//! writes it: the privacy page, what the catalog tells the app about
//! `[events]` and "Suggest an edit", and the policy that lets the page
//! reach the events receiver.

use std::fs;
use std::path::Path;

mod common;
use common::{lantern, project_with_shell, read_catalog};

const SHELL: &str = r#"<!DOCTYPE html><html><head><meta name="lantern-root" content="./"><title>x</title>
<link rel="stylesheet" href="/app-1.css"><link rel="icon" href="/favicon.svg"><script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script></head>
<body><div id="lantern-prerender"></div></body></html>"#;

const SITE: &str = "[site]\nname = \"ACME <Help> & Co\"\n";

const EVENTS: &str = "[events]\nurl = \"https://collect.acme.test:8443/lantern/events?k=1\"\ncomments = true\n[events.headers]\nX-Api-Key = \"<public>\"\n";

/// Builds a site whose lantern.toml is `config`; the folder it is in.
fn built(config: &str) -> tempfile::TempDir {
    let tmp = project_with_shell(
        SHELL,
        &[
            ("app/app-1.js", "// js"),
            ("app/app-1_bg.wasm", "wasm"),
            ("app/app-1.css", "body{}"),
            ("app/favicon.svg", "<svg/>"),
            ("lantern.toml", config),
            (
                "articles/network/vpn drops.md",
                "---\ntitle: VPN drops\n---\nReconnect.\n",
            ),
            (
                "articles/printer.md",
                "---\ntitle: Printer\n---\nRestart.\n",
            ),
        ],
    );
    lantern(tmp.path())
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    tmp
}

fn privacy_page(root: &Path) -> String {
    fs::read_to_string(root.join("site/privacy/index.html")).unwrap()
}

#[test]
fn without_events_the_privacy_page_says_nothing_about_the_visit_is_sent() {
    let tmp = built(SITE);
    let page = privacy_page(tmp.path());
    assert!(
        page.contains("This help center sends nothing about your visit."),
        "{page}"
    );
    assert!(!page.contains("Global Privacy Control"));
    assert!(!page.contains("<table>"));
    let catalog = read_catalog(&tmp.path().join("site"));
    assert_eq!(catalog.events, None);
}

#[test]
fn the_privacy_page_looks_like_the_site_runs_no_script_and_escapes_the_name() {
    let tmp = built(SITE);
    let page = privacy_page(tmp.path());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains(r#"<link rel="stylesheet" href="../app-1.css">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<link rel="icon" href="../favicon.svg">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a class="brand" href="../"><span class="brand-mark" aria-hidden="true">◆</span>ACME &lt;Help&gt; &amp; Co</a>"#),
        "{page}"
    );
    assert!(page.contains("<title>Privacy · ACME &lt;Help&gt; &amp; Co</title>"));
    assert!(!page.contains("<script"), "no app, no script: {page}");
    assert!(!page.contains("<Help>"));
    let policy = page
        .split(r#"http-equiv="Content-Security-Policy" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Content-Security-Policy meta");
    assert!(
        policy.starts_with("default-src 'none'; style-src 'self';"),
        "{policy}"
    );
    assert!(!policy.contains("script-src"), "{policy}");
}

#[test]
fn with_events_the_privacy_page_names_the_receiver_the_opt_outs_and_every_field_sent() {
    let tmp = built(&format!("{SITE}{EVENTS}"));
    let page = privacy_page(tmp.path());
    assert!(
        page.contains("<strong>https://collect.acme.test:8443</strong>"),
        "{page}"
    );
    assert!(!page.contains("k=1") && !page.contains("/lantern/events"));
    assert!(
        !page.contains("public"),
        "a header's value is not the reader's business"
    );
    for words in [
        "Global Privacy Control",
        "Do Not Track",
        "<code>sessionStorage</code>",
        "30 minutes",
        "no cookie",
        "no visitor id",
        "email addresses",
        "IP addresses",
        "GUIDs",
    ] {
        assert!(page.contains(words), "{words}: {page}");
    }
    for kind in ["search", "click", "view", "vote", "solved", "ticket"] {
        assert!(
            page.contains(&format!("<tr><td><code>{kind}</code></td>")),
            "{kind}"
        );
    }
    for field in [
        "schema_version",
        "id",
        "session",
        "at",
        "query",
        "results",
        "top",
        "how",
        "article",
        "rank",
        "from",
        "helpful",
        "reason",
        "reference",
        "category",
        "channel",
        "outcome",
        "comment",
    ] {
        assert!(page.contains(&format!("<code>{field}</code>")), "{field}");
    }
}

#[test]
fn the_catalog_carries_events_and_the_policy_lets_pages_reach_their_receiver() {
    let tmp = built(&format!("{SITE}{EVENTS}"));
    let site = tmp.path().join("site");
    let events = read_catalog(&site).events.expect("events in the catalog");
    assert_eq!(
        events.url,
        "https://collect.acme.test:8443/lantern/events?k=1"
    );
    assert_eq!(events.headers["X-Api-Key"], "<public>");
    assert!(events.comments);
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        home.contains("connect-src 'self' https://collect.acme.test:8443;"),
        "{home}"
    );
}

#[test]
fn articles_name_their_source_file_only_when_the_site_has_an_edit_url() {
    let tmp = built(SITE);
    let catalog = read_catalog(&tmp.path().join("site"));
    assert!(catalog.articles.iter().all(|a| a.source.is_none()));

    let tmp = built(&format!(
        "{SITE}edit_url = \"https://github.com/acme/kb/edit/main/articles/{{path}}\"\n"
    ));
    let catalog = read_catalog(&tmp.path().join("site"));
    let sources: Vec<(&str, Option<&str>)> = catalog
        .articles
        .iter()
        .map(|a| (a.slug.as_str(), a.source.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [
            ("printer", Some("printer.md")),
            ("vpn-drops", Some("network/vpn drops.md"))
        ]
    );
    let vpn = catalog.article("vpn-drops").unwrap();
    assert_eq!(
        catalog.site.edit_link(vpn).as_deref(),
        Some("https://github.com/acme/kb/edit/main/articles/network/vpn%20drops.md")
    );
}

#[test]
fn a_bad_events_section_stops_the_build_naming_the_file_the_line_and_the_fix() {
    let tmp = project_with_shell(
        SHELL,
        &[
            (
                "lantern.toml",
                "[site]\nname = \"x\"\n[events]\nurl = \"http://collect.acme.test/e\"\n",
            ),
            (
                "articles/printer.md",
                "---\ntitle: Printer\n---\nRestart.\n",
            ),
        ],
    );
    let out = lantern(tmp.path())
        .args(["build", "--app", "app", "--out", "site"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        stderr.contains(
            "lantern.toml:4:1: error: events.url `http://collect.acme.test/e` must use https://"
        ),
        "{stderr}"
    );
}
