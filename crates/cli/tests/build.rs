//! `lantern build` and `lantern check` on small article folders.

use std::fs;

use predicates::prelude::*;

mod common;
use common::{lantern, project_with_shell, read_catalog, write};

const SHELL: &str = r#"<!DOCTYPE html><html><head><meta name="lantern-root" content="./"><link rel="preload" href="./data/catalog.bin" as="fetch" crossorigin="anonymous"><title>x</title>
<link rel="stylesheet" href="/app-1.css"><script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script></head>
<body><div id="lantern-prerender"></div></body></html>"#;

fn project() -> tempfile::TempDir {
    project_with_shell(
        SHELL,
        &[
            ("app/app-1.js", "// js"),
            ("app/app-1_bg.wasm", "wasm"),
            ("app/app-1.css", "body{}"),
            ("lantern.toml", "[site]\nname = \"ACME <Help>\"\nbase_url = \"https://help.acme.test/kb/\"\n[[categories]]\nid = \"network\"\nname = \"Network\"\n"),
            (
                "articles/vpn-will-not-connect.md",
                "---\ntitle: \"VPN will not connect\"\nsummary: \"Fix error 809 & sign-in loops.\"\ncategory: network\naliases: [vpn-not-working]\n---\nIntro.\n\n## Reset the client\n\nSee [printers](printer-offline.md#restart).\n",
            ),
            (
                "articles/devices/printer-offline.md",
                "---\ntitle: Printer offline\n---\n## Restart\n\nTurn it off and on.\n",
            ),
        ],
    )
}

#[test]
fn build_writes_app_data_and_a_page_per_article_and_alias() {
    let tmp = project();
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success()
        .stderr(predicate::str::contains("built 2 articles"));
    let site = root.join("site");
    for file in [
        "index.html",
        "404.html",
        "app-1.js",
        "app-1_bg.wasm",
        "data/catalog.bin",
        "data/articles/vpn-will-not-connect.html",
        "data/articles/printer-offline.html",
        "a/vpn-will-not-connect/index.html",
        "a/vpn-not-working/index.html",
        "a/printer-offline/index.html",
    ] {
        assert!(site.join(file).is_file(), "missing {file}");
    }
    let page = fs::read_to_string(site.join("a/vpn-will-not-connect/index.html")).unwrap();
    // Assets relative to the page, so any sub-path works without rewrites.
    assert!(page.contains(r#"href="../../app-1.css""#), "{page}");
    assert!(page.contains("import init from '../../app-1.js'"), "{page}");
    assert!(
        page.contains("module_or_path: '../../app-1_bg.wasm'"),
        "{page}"
    );
    assert!(page.contains(r#"<meta name="lantern-root" content="../../">"#));
    // The catalog preload points at the site root from every depth.
    assert!(page.contains(r#"href="../../data/catalog.bin""#), "{page}");
    // Pre-rendered body and link-preview tags, escaped.
    assert!(
        page.contains("<title>VPN will not connect · ACME &lt;Help&gt;</title>"),
        "{page}"
    );
    assert!(
        page.contains(r#"<meta name="description" content="Fix error 809 &amp; sign-in loops.">"#),
        "{page}"
    );
    assert!(page.contains(r#"<meta property="og:url" content="https://help.acme.test/kb/a/vpn-will-not-connect/">"#), "{page}");
    assert!(
        page.contains(r#"<h2 id="reset-the-client">Reset the client</h2>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"href="../printer-offline/#restart""#),
        "{page}"
    );
    // The 404 page is served at any depth: absolute paths from the base URL.
    let not_found = fs::read_to_string(site.join("404.html")).unwrap();
    assert!(not_found.contains("'/kb/app-1.js'"), "{not_found}");
    let catalog = read_catalog(&site);
    let titles: Vec<_> = catalog.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Printer offline", "VPN will not connect"]);
    let found = catalog.index.search("vpn", &Default::default(), |_| true);
    assert_eq!(catalog.articles[found[0].doc].slug, "vpn-will-not-connect");
}

#[test]
fn a_broken_article_is_reported_with_file_and_line() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "articles/broken.md",
        "---\ntitle: Broken\ntags: [a, b\n---\nBody\n",
    );
    lantern(root).args(["check"]).assert().code(1).stderr(
        predicate::str::contains("articles/broken.md:3:7:").and(predicate::str::contains(
            "error: invalid YAML in front matter",
        )),
    );
}

#[test]
fn build_refuses_on_errors_and_keeps_the_previous_site() {
    let tmp = project();
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    write(
        root,
        "articles/broken.md",
        "---\nsummary: no title\n---\nBody\n",
    );
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("articles/broken.md:1:1: error: missing `title:`")
                .and(predicate::str::contains("nothing was written")),
        );
    assert!(
        root.join("site/a/vpn-will-not-connect/index.html")
            .is_file(),
        "previous output kept"
    );
}

#[test]
fn keep_going_publishes_every_other_article() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "articles/broken.md",
        "---\nsummary: no title\n---\nBody\n",
    );
    lantern(root)
        .args(["build", "--keep-going", "--app", "app", "--out", "site"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("articles/broken.md:1:1: error")
                .and(predicate::str::contains("built 2 articles")),
        );
    assert!(!root.join("site/a/broken").exists());
}

#[test]
fn an_oversized_or_binary_article_is_an_error_not_a_crash() {
    let tmp = project();
    let root = tmp.path();
    let big = format!("---\ntitle: Big\n---\n{}", "log line\n".repeat(1_400_000));
    write(root, "articles/big.md", &big);
    fs::write(
        root.join("articles/binary.md"),
        b"---\ntitle: x\n---\n\0\x01\x02",
    )
    .unwrap();
    fs::write(
        root.join("articles/latin1.md"),
        b"---\ntitle: caf\xe9\n---\nbody\n",
    )
    .unwrap();
    lantern(root).args(["check"]).assert().code(1).stderr(
        predicate::str::contains(
            "articles/big.md:1:1: error: the article is 12.0 MB, over the 1 MB limit",
        )
        .and(predicate::str::contains(
            "articles/binary.md:1:1: error: this is a binary file",
        ))
        .and(predicate::str::contains(
            "articles/latin1.md:2:11: error: the file is not UTF-8",
        )),
    );
}

#[test]
fn build_without_an_app_explains_how_to_get_one() {
    let tmp = project();
    lantern(tmp.path())
        .args(["build", "--app", "nowhere", "--out", "site"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("trunk build --release"));
}

#[test]
fn a_built_site_can_serve_as_the_prebuilt_app() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/extra.md", "---\ntitle: Extra\n---\nBody\n");
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    // A team without Rust keeps `site` as their app and rebuilds pages only.
    fs::remove_file(root.join("articles/extra.md")).unwrap();
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Beta Help\"\n[[categories]]\nid = \"network\"\nname = \"Network\"\n",
    );
    lantern(root)
        .args(["build", "--app", "site", "--out", "site2"])
        .assert()
        .success();
    let page = fs::read_to_string(root.join("site2/a/vpn-will-not-connect/index.html")).unwrap();
    assert!(page.contains("import init from '../../app-1.js'"), "{page}");
    assert!(page.contains(r#"href="../../app-1.css""#), "{page}");
    // Regression: the first build's link-preview tags stayed in the head,
    // so the new site showed the old site's name in previews.
    let home = fs::read_to_string(root.join("site2/index.html")).unwrap();
    for html in [&page, &home] {
        assert_eq!(html.matches(r#"property="og:title""#).count(), 1, "{html}");
        assert_eq!(html.matches(r#"name="description""#).count(), 1, "{html}");
        assert!(!html.contains("ACME"), "{html}");
    }
    assert!(
        !root.join("site2/a/extra").exists(),
        "pages of the old site are not copied"
    );
}

#[test]
fn rebuilding_updates_only_what_changed_and_removes_deleted_articles() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/extra.md", "---\ntitle: Extra\n---\nBody\n");
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    fs::write(root.join("site/unrelated.txt"), "not ours").unwrap();
    fs::remove_file(root.join("articles/extra.md")).unwrap();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success()
        // The article's page and body, and the offline worker's list of
        // the old build's bodies (named by its revision).
        .stderr(predicate::str::contains("removed)").and(predicate::str::contains("3 removed")));
    assert!(!root.join("site/a/extra").exists());
    assert!(!root.join("site/data/articles/extra.html").exists());
    assert!(
        root.join("site/unrelated.txt").exists(),
        "files lantern did not write are left alone"
    );
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success()
        .stderr(predicate::str::contains("; 0 files written, 0 removed)"));
}

#[test]
fn the_ticket_form_is_a_real_page_and_its_channels_reach_the_app() {
    let tmp = project();
    let root = tmp.path();
    let config = fs::read_to_string(root.join("lantern.toml")).unwrap()
        + "[ticket]\nresponse_time = \"within a day\"\nemail = \"desk@acme.test\"\n[ticket.webhook]\nurl = \"https://desk.acme.test/hook\"\ntimeout_seconds = 5\n";
    write(root, "lantern.toml", &config);
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    let page = fs::read_to_string(root.join("site/ticket/index.html")).unwrap();
    assert!(
        page.contains(r#"<meta name="lantern-root" content="../">"#),
        "{page}"
    );
    assert!(page.contains("import init from '../app-1.js'"), "{page}");
    let ticket = read_catalog(&root.join("site")).ticket;
    let webhook = ticket.webhook.expect("a webhook");
    assert_eq!(webhook.url, "https://desk.acme.test/hook");
    assert_eq!(webhook.timeout_seconds, 5);
    assert_eq!(ticket.email.as_deref(), Some("desk@acme.test"));
}

#[test]
fn the_ticket_page_loads_the_ticket_bundle_and_every_other_page_the_main_one() {
    let tmp = project();
    let root = tmp.path();
    write(root, "app/lantern-ticket.js", "// the app with the form");
    write(root, "app/lantern-ticket_bg.wasm", "ticket wasm");
    let build = || {
        lantern(root)
            .args(["build", "--app", "app", "--out", "site"])
            .assert()
            .success();
        let page = fs::read_to_string(root.join("site/ticket/index.html")).unwrap();
        let version = page
            .split("lantern-ticket.js?v=")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("no versioned ticket bundle: {page}"))
            .to_string();
        (page, version)
    };
    let (page, version) = build();
    assert!(
        page.contains(&format!(
            "import init from '../lantern-ticket.js?v={version}'"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "module_or_path: '../lantern-ticket_bg.wasm?v={version}'"
        )),
        "{page}"
    );
    assert!(
        !page.contains("app-1.js") && !page.contains("app-1_bg.wasm"),
        "{page}"
    );
    // The stylesheet is the main app's.
    assert!(page.contains(r#"href="../app-1.css""#), "{page}");
    assert!(root.join("site/lantern-ticket_bg.wasm").is_file());
    for other in [
        "index.html",
        "404.html",
        "a/vpn-will-not-connect/index.html",
    ] {
        let html = fs::read_to_string(root.join("site").join(other)).unwrap();
        assert!(html.contains("app-1.js"), "{other}: {html}");
        assert!(!html.contains("lantern-ticket"), "{other}: {html}");
    }
    // A new bundle is a new address: no browser pairs a cached module with
    // a newer wasm.
    write(root, "app/lantern-ticket_bg.wasm", "ticket wasm, rebuilt");
    let (_, rebuilt) = build();
    assert_ne!(version, rebuilt);
}

#[test]
fn the_home_page_is_not_blank_before_the_app_starts() {
    // Regression: index.html's body was empty until the wasm ran (7-12 s
    // on slow 4G at 3k articles), and for good when it was blocked.
    let tmp = project();
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    let home = fs::read_to_string(root.join("site/index.html")).unwrap();
    assert!(home.contains("<h1>ACME &lt;Help&gt;</h1>"), "{home}");
    assert!(
        home.contains(r#"action="./" method="get""#) && home.contains(r#"name="q""#),
        "a search form that works as a plain GET: {home}"
    );
    assert!(home.contains("<noscript>"), "{home}");
    assert!(home.contains("<h3>Network</h3>"), "{home}");
    assert!(
        home.contains(r#"<a href="a/vpn-will-not-connect/">VPN will not connect</a>"#),
        "{home}"
    );
    // An article with no category is still listed.
    assert!(home.contains(r#"<a href="a/printer-offline/">"#), "{home}");
    assert_eq!(home.matches(r#"<div id="lantern-prerender">"#).count(), 1);
}

#[test]
fn the_ticket_page_without_javascript_gives_the_configured_address() {
    // Regression: it said "email or call your service desk" and no address.
    let tmp = project();
    let root = tmp.path();
    let config = fs::read_to_string(root.join("lantern.toml")).unwrap()
        + "[ticket]\nresponse_time = \"within a day\"\nemail = \"desk@acme.test\"\n";
    write(root, "lantern.toml", &config);
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    let page = fs::read_to_string(root.join("site/ticket/index.html")).unwrap();
    assert!(
        page.contains(r#"<a href="mailto:desk@acme.test">desk@acme.test</a>"#),
        "{page}"
    );
    assert!(page.contains("within a day"), "{page}");
}

#[test]
fn an_unsafe_ticket_webhook_is_refused_naming_the_setting() {
    let tmp = project();
    let root = tmp.path();
    let config = fs::read_to_string(root.join("lantern.toml")).unwrap()
        + "[ticket.webhook]\nurl = \"http://desk.acme.test/hook\"\n";
    write(root, "lantern.toml", &config);
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("lantern.toml"))
        .stderr(predicate::str::contains("ticket.webhook.url"))
        .stderr(predicate::str::contains("https://"));
    assert!(!root.join("site").exists());
}
