//! What `lantern build` writes into each page's head: settings escaped for
//! their context, and a Content-Security-Policy that allows the shell's own
//! inline scripts by hash and nothing else inline.

use std::fs;
use std::path::Path;

use base64::Engine as _;
use predicates::prelude::*;
use sha2::Digest as _;

mod common;
use common::{lantern, project_with_shell};

/// A shell like trunk's: an inline script in the head before the module
/// loader, which addresses the app from the site root.
const SHELL: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="lantern-root" content="./"><script>window.lanternLoad = 1;</script><title>x</title>
<link rel="stylesheet" href="/app-1.css"><script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script></head>
<body><div id="lantern-prerender"></div></body></html>"#;

/// The issue's payload, without its spaces (which were refused already):
/// `"` closed the canonical link's attribute, and the image's handler ran.
const HOSTILE_BASE_URL: &str = "https://help.example/kb\\\"><img/src=x/onerror=alert(1)>";

fn project(toml: &str) -> tempfile::TempDir {
    project_with_shell(
        SHELL,
        &[
            ("app/app-1.js", "// js"),
            ("app/app-1_bg.wasm", "wasm"),
            ("app/app-1.css", "body{}"),
            ("lantern.toml", toml),
            (
                "articles/vpn.md",
                "---\ntitle: \"VPN <b>fails</b>\"\nsummary: \"x\\\" onmouseover=\\\"alert(1)\"\n---\n## Fix\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
            ),
        ],
    )
}

fn html_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
}

fn sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
}

#[test]
fn a_base_url_with_a_quote_and_markup_is_refused_in_lantern_toml_and_on_the_command_line() {
    let tmp = project(&format!(
        "[site]\nname = \"Help\"\nbase_url = \"{HOSTILE_BASE_URL}\"\n"
    ));
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("lantern.toml:3:1: error: site.base_url")
                .and(predicate::str::contains("has `\"` in it")),
        );
    assert!(!root.join("site").exists());

    fs::write(root.join("lantern.toml"), "[site]\nname = \"Help\"\n").unwrap();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site", "--base-url"])
        .arg(HOSTILE_BASE_URL.replace('\\', ""))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--base-url").and(predicate::str::contains("`\"`")));
    assert!(!root.join("site").exists());
}

#[test]
fn settings_and_front_matter_values_reach_the_head_escaped_for_their_attribute() {
    let tmp = project(
        "[site]\nname = \"A&B <Help>\"\ntagline = \"x\\\" y\"\nbase_url = \"https://help.example/kb?a=1&b=2\"\n",
    );
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    let page = fs::read_to_string(root.join("site/a/vpn/index.html")).unwrap();
    assert!(
        page.contains(
            r#"<link rel="canonical" href="https://help.example/kb?a=1&amp;b=2/a/vpn/">"#
        ),
        "{page}"
    );
    assert!(
        page.contains("<title>VPN &lt;b&gt;fails&lt;/b&gt; · A&amp;B &lt;Help&gt;</title>"),
        "{page}"
    );
    assert!(
        page.contains(r#"content="x&quot; onmouseover=&quot;alert(1)""#),
        "{page}"
    );
    let home = fs::read_to_string(root.join("site/index.html")).unwrap();
    assert!(home.contains(r#"content="x&quot; y""#), "{home}");
}

#[test]
fn every_page_written_has_a_content_security_policy_first_that_hashes_its_own_inline_scripts() {
    let tmp = project("[site]\nname = \"Help\"\n[ticket.webhook]\nurl = \"https://desk.example:8443/api/tickets\"\n");
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    let mut files = Vec::new();
    html_files(&root.join("site"), &mut files);
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root.join("site"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    for page in [
        "index.html",
        "404.html",
        "ticket/index.html",
        "privacy/index.html",
        "a/vpn/index.html",
        "data/articles/vpn.html",
    ] {
        assert!(names.iter().any(|n| n == page), "{page} not in {names:?}");
    }
    for file in &files {
        let html = fs::read_to_string(file).unwrap();
        let meta = html
            .find(r#"<meta http-equiv="Content-Security-Policy" content=""#)
            .unwrap_or_else(|| panic!("{} has no policy", file.display()));
        let policy = &html[meta..];
        let policy = &policy[policy.find("content=\"").unwrap() + 9..];
        let policy = &policy[..policy.find('"').unwrap()];
        assert!(policy.contains("base-uri 'none'"), "{policy}");
        assert!(
            !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
            "{policy}"
        );
        // An article body and the privacy page run nothing.
        if file.ends_with("vpn.html") || file.ends_with("privacy/index.html") {
            assert!(policy.starts_with("default-src 'none';") && !policy.contains("script-src"));
            assert!(!html.contains("<script"), "{}", file.display());
            continue;
        }
        assert!(
            meta < html.find("<script").unwrap(),
            "{}: the policy comes after a script",
            file.display()
        );
        let head = &html[..html.find("</head>").unwrap()];
        let mut scripts = 0;
        for part in head.split("<script").skip(1) {
            let tag = &part[..part.find('>').unwrap()];
            if tag.contains(" src=") {
                continue; // from the site itself ('self'): the offline worker's offline.js
            }
            let body = &part[part.find('>').unwrap() + 1..part.find("</script>").unwrap()];
            assert!(
                policy.contains(&format!("'sha256-{}'", sha256(body))),
                "{}: {body} not in {policy}",
                file.display()
            );
            scripts += 1;
        }
        assert_eq!(scripts, 2, "{}", file.display());
        for needed in [
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
            "object-src 'none'",
            "form-action 'self'",
            "connect-src 'self' https://desk.example:8443;",
        ] {
            assert!(
                policy.contains(needed),
                "{}: {needed} not in {policy}",
                file.display()
            );
        }
        assert!(
            policy.contains(&format!("'sha256-{}'", sha256("text-align: right"))),
            "{policy}"
        );
    }
}
