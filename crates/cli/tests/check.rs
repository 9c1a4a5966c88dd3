//! Every `lantern check` rule, with its exact message and position.

use std::fs;
use std::path::Path;

mod common;
use common::{lantern, write};

fn good(title: &str) -> String {
    format!("---\ntitle: \"{title}\"\ncategory: network\n---\nIntro.\n\n## Steps\n\n1. Do it.\n")
}

fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "lantern.toml",
        "[site]\nname = \"Help\"\n[[categories]]\nid = \"network\"\nname = \"Network\"\n",
    );
    write(tmp.path(), "articles/vpn.md", good("VPN"));
    tmp
}

/// Runs `lantern check` and returns (exit code, stderr lines).
fn check(root: &Path) -> (i32, Vec<String>) {
    let output = lantern(root).arg("check").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (
        output.status.code().unwrap(),
        stderr.lines().map(String::from).collect(),
    )
}

#[track_caller]
fn assert_reports(root: &Path, code: i32, expected: &[&str]) {
    let (actual_code, lines) = check(root);
    let diagnostics: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !l.starts_with("checked "))
        .collect();
    assert_eq!(diagnostics, expected);
    assert_eq!(actual_code, code, "{lines:?}");
}

#[test]
fn clean_articles_pass_with_a_summary() {
    let tmp = project();
    let (code, lines) = check(tmp.path());
    assert_eq!(code, 0);
    assert_eq!(lines, ["checked 1 article: 0 errors, 0 warnings"]);
}

#[test]
fn invalid_yaml() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/bad.md",
        "---\ntitle: Bad\ntags: [vpn, wifi\n---\nBody\n",
    );
    assert_reports(tmp.path(), 1, &["articles/bad.md:3:7: error: invalid YAML in front matter: the list that starts here with `[` is never closed: end it with `]` on the same line, like `tags: [vpn, wifi]`. The parser says: did not find expected ',' or ']' (in the flow sequence that starts here)"]);
}

#[test]
fn missing_title() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/untitled.md",
        "---\nsummary: x\n---\nBody\n",
    );
    assert_reports(
        tmp.path(),
        1,
        &["articles/untitled.md:1:1: error: missing `title:` in front matter"],
    );
}

#[test]
fn duplicate_slugs() {
    let tmp = project();
    write(tmp.path(), "articles/old/vpn.md", good("Old VPN"));
    // Files are read in path order, so the one in the subfolder comes first.
    assert_reports(tmp.path(), 1, &["articles/vpn.md:1:1: error: duplicate slug `vpn`: articles/old/vpn.md already uses it; rename one of the files"]);
}

#[test]
fn alias_colliding_with_a_slug_or_another_alias() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/wifi.md",
        "---\ntitle: Wi-Fi\ncategory: network\naliases: [vpn]\n---\nBody\n",
    );
    write(
        tmp.path(),
        "articles/zoom.md",
        "---\ntitle: Zoom\ncategory: network\naliases:\n  - old-zoom\n---\nBody\n",
    );
    write(
        tmp.path(),
        "articles/zoom2.md",
        "---\ntitle: Zoom 2\ncategory: network\naliases: [old-zoom]\n---\nBody\n",
    );
    assert_reports(
        tmp.path(),
        1,
        &[
            "articles/wifi.md:4:1: error: alias `vpn` collides with articles/vpn.md, which already answers to that slug: remove it from one of the two",
            "articles/zoom2.md:4:1: error: alias `old-zoom` collides with articles/zoom.md, which already answers to that slug: remove it from one of the two",
        ],
    );
}

#[test]
fn links_to_missing_articles_and_headings() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/links.md",
        "---\ntitle: Links\ncategory: network\n---\nSee [VPN](vpn.md#steps) and [gone](printer.md).\n\nAlso [bad anchor](vpn.md#nope) and\n  [here](#missing) and [fine](#usage).\n\n## Usage\n",
    );
    assert_reports(
        tmp.path(),
        1,
        &[
            "articles/links.md:5:29: error: link to missing article `printer.md`: no article has that file name; check its spelling, or remove the link",
            "articles/links.md:7:6: error: link to missing heading `#nope` in `vpn.md`: link to one of its headings (#steps)",
            "articles/links.md:8:3: error: link to missing heading `#missing` in this article: link to one of its headings (#usage)",
        ],
    );
}

#[test]
fn broken_links_can_be_demoted_to_warnings() {
    let tmp = project();
    write(
        tmp.path(),
        "lantern.toml",
        "[site]\nname = \"Help\"\n[check]\nbroken_links = \"warning\"\n",
    );
    write(
        tmp.path(),
        "articles/links.md",
        "---\ntitle: Links\n---\n[gone](printer.md)\n",
    );
    assert_reports(
        tmp.path(),
        0,
        &["articles/links.md:4:1: warning: link to missing article `printer.md`: no article has that file name; check its spelling, or remove the link"],
    );
}

#[test]
fn links_to_a_former_slug_suggest_the_new_name() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/wifi.md",
        "---\ntitle: Wi-Fi\ncategory: network\naliases: [wireless]\n---\nBody\n",
    );
    write(
        tmp.path(),
        "articles/links.md",
        "---\ntitle: Links\ncategory: network\n---\n[w](wireless.md)\n",
    );
    assert_reports(tmp.path(), 0, &["articles/links.md:5:1: warning: link to `wireless.md`, the former name of articles/wifi.md: link to `wifi.md` instead"]);
}

#[test]
fn missing_images() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/img/ok.png",
        [0x89u8, b'P', b'N', b'G'],
    );
    write(tmp.path(), "articles/pics.md", "---\ntitle: Pics\ncategory: network\n---\n![ok](img/ok.png)\n\n![no](img/missing.png)\n![out](../../secret.png)\n![web](https://example.com/a.png)\n");
    assert_reports(
        tmp.path(),
        1,
        &[
            "articles/pics.md:7:1: error: missing image `img/missing.png` (looked for articles/img/missing.png)",
            "articles/pics.md:8:1: error: image `../../secret.png` is outside the articles folder: put it in the articles folder (like img/) and link to it from there",
        ],
    );
}

#[test]
fn empty_body() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/empty.md",
        "---\ntitle: Empty\ncategory: network\n---\n\n",
    );
    assert_reports(tmp.path(), 1, &["articles/empty.md:5:1: error: the article has no body: write the symptoms and the steps below the front matter"]);
}

#[test]
fn binary_and_non_utf8_files() {
    let tmp = project();
    write(tmp.path(), "articles/binary.md", b"\x00\x01\x02PK");
    write(
        tmp.path(),
        "articles/latin1.md",
        b"---\ntitle: caf\xe9\n---\nBody\n",
    );
    assert_reports(
        tmp.path(),
        1,
        &[
            "articles/binary.md:1:1: error: this is a binary file, not markdown text",
            "articles/latin1.md:2:11: error: the file is not UTF-8 text: save it as UTF-8 (this character is in another encoding)",
        ],
    );
}

#[test]
fn article_over_the_size_limit() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/huge.md",
        format!("---\ntitle: Huge\n---\n{}", "x".repeat(10 * 1024 * 1024)),
    );
    assert_reports(tmp.path(), 1, &["articles/huge.md:1:1: error: the article is 10.0 MB, over the 1 MB limit: split it, or move logs and exports out of articles/"]);
}

#[test]
fn overdue_review_unknown_category_and_unknown_field_are_warnings() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/stale.md",
        "---\ntitle: Stale\ncategory: printers\nowner: sam\nreview_by: 2026-11-23\n---\nBody\n",
    );
    assert_reports(
        tmp.path(),
        0,
        &[
            "articles/stale.md:3:1: warning: unknown category `printers` (lantern.toml has: network)",
            "articles/stale.md:4:1: warning: unknown front matter field `owner` is ignored (known fields: title, summary, category, tags, aliases, updated, review_by)",
            "articles/stale.md:5:1: warning: review_by 2026-11-23 has passed: check the steps still work, then move the date",
        ],
    );
}

#[test]
fn json_format_for_ci() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/untitled.md",
        "---\nsummary: x\n---\nBody\n",
    );
    let output = lantern(tmp.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["articles"], 2);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 0);
    assert_eq!(
        report["diagnostics"][0],
        serde_json::json!({"path": "articles/untitled.md", "line": 1, "col": 1, "severity": "error", "message": "missing `title:` in front matter"})
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let tmp = project();
    let output = lantern(tmp.path())
        .args(["check", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = lantern(tmp.path()).arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn new_creates_an_article_from_the_template_that_passes_check() {
    let tmp = project();
    let run = |args: &[&str]| lantern(tmp.path()).args(args).output().unwrap();
    let output = run(&[
        "new",
        "Outlook keeps asking for a password",
        "--category",
        "network",
    ]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "articles/outlook-keeps-asking-for-a-password.md"
    );
    let text = fs::read_to_string(
        tmp.path()
            .join("articles/outlook-keeps-asking-for-a-password.md"),
    )
    .unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Outlook keeps asking for a password\"\n"),
        "{text}"
    );
    assert!(text.contains("updated: 2026-11-24\n"), "{text}");
    assert!(
        text.contains("review_by: 2027-05-25\n"),
        "182 days ahead by default: {text}"
    );
    for section in [
        "## Symptoms",
        "## Cause",
        "## Fix",
        "## If this did not help",
    ] {
        assert!(text.contains(section), "{section} missing");
    }
    assert_eq!(check(tmp.path()).0, 0);
    // Never overwrite an existing article.
    let again = run(&["new", "Outlook keeps asking for a password"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let unknown = run(&["new", "Printer jam", "--category", "printers"]);
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn links_to_author_anchors_are_reported_as_missing_headings_no_more() {
    let tmp = project();
    write(
        tmp.path(),
        "articles/migrated.md",
        "---\ntitle: Migrated\ncategory: network\n---\n<a id=\"summary\"></a>\n\n[Jump](#enable-tls-12) · [note](#Note1) · [other](vpn.md#top)\n\n## Steps\n\n<a name=\"enable-tls-12\"></a>\n\nText. <a name=\"Note1\">1</a>\n\n[Back to top](#summary) · [app's](#main)\n",
    );
    write(
        tmp.path(),
        "articles/vpn.md",
        "---\ntitle: \"VPN\"\ncategory: network\n---\n<a id=\"top\"></a>\nIntro.\n\n## Steps\n\n1. Do it.\n",
    );
    // `#main` is the app's own id: an anchor may not take it.
    assert_reports(
        tmp.path(),
        1,
        &["articles/migrated.md:15:27: error: link to missing heading `#main` in this article: link to one of its headings (#steps)"],
    );
}
