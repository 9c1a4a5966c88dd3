//! Where `lantern build --out` may write: it never deletes a file it did
//! not write, and never writes over the sources or the project.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

mod common;
use common::{lantern, project_with_shell, write};

const SHELL: &str = r#"<!DOCTYPE html><html><head><meta name="lantern-root" content="./"><title>x</title><script type="module">import init from '/app-1.js';</script></head><body><div id="lantern-prerender"></div></body></html>"#;

fn project() -> tempfile::TempDir {
    project_with_shell(
        SHELL,
        &[
            ("app/app-1.js", "// js"),
            ("lantern.toml", "[site]\nname = \"Help\"\n"),
            (
                "articles/vpn.md",
                "---\ntitle: VPN will not connect\n---\n## Steps\n\nRestart.\n",
            ),
        ],
    )
}

fn build(root: &Path, out: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    lantern(root)
        .env("HOME", root.join("home"))
        .args(["build", "--app", "app", "--out", out])
        .args(extra)
        .assert()
}

/// Every path below `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn out_docs_holding_a_report_is_refused_and_the_report_survives() {
    let tmp = project();
    let root = tmp.path();
    write(root, "docs/report.docx", "quarterly figures");
    build(root, "docs", &[]).code(1).stderr(
        predicate::str::contains("refusing to build into docs")
            .and(predicate::str::contains("docs/report.docx"))
            .and(predicate::str::contains("--force")),
    );
    assert_eq!(tree(&root.join("docs")), ["report.docx"]);
    assert_eq!(
        fs::read_to_string(root.join("docs/report.docx")).unwrap(),
        "quarterly figures"
    );
}

#[test]
fn force_writes_the_site_beside_foreign_files_and_later_builds_keep_them() {
    let tmp = project();
    let root = tmp.path();
    write(root, "docs/report.docx", "quarterly figures");
    write(root, "docs/CNAME", "help.example.com");
    write(root, "docs/index.html", "an old home page");
    build(root, "docs", &["--force"]).success();
    let docs = root.join("docs");
    assert!(docs.join("a/vpn/index.html").is_file());
    assert_eq!(
        fs::read_to_string(docs.join("report.docx")).unwrap(),
        "quarterly figures"
    );
    assert_eq!(
        fs::read_to_string(docs.join("CNAME")).unwrap(),
        "help.example.com"
    );
    assert!(fs::read_to_string(docs.join("index.html"))
        .unwrap()
        .contains("lantern-root"));
    // The folder is Lantern's now: a rebuild needs no --force, and removing
    // an article removes its pages but nothing else.
    fs::remove_file(root.join("articles/vpn.md")).unwrap();
    write(
        root,
        "articles/printer.md",
        "---\ntitle: Printer offline\n---\nOff and on.\n",
    );
    build(root, "docs", &[]).success();
    assert!(!docs.join("a/vpn").exists(), "stale article removed");
    assert!(docs.join("a/printer/index.html").is_file());
    assert!(docs.join("report.docx").is_file() && docs.join("CNAME").is_file());
}

#[test]
fn a_file_added_to_a_built_site_survives_the_next_build() {
    let tmp = project();
    let root = tmp.path();
    build(root, "site", &[]).success();
    write(root, "site/googleverify.html", "token");
    write(root, "site/a/notes.txt", "mine");
    build(root, "site", &[]).success();
    assert!(root.join("site/googleverify.html").is_file());
    assert!(root.join("site/a/notes.txt").is_file());
}

#[test]
fn out_articles_is_refused_and_the_sources_are_untouched() {
    let tmp = project();
    let root = tmp.path();
    let before = tree(&root.join("articles"));
    for out in ["articles", "articles/site", "articles/../articles/"] {
        build(root, out, &["--force"])
            .code(1)
            .stderr(predicate::str::contains("articles folder"));
    }
    assert_eq!(tree(&root.join("articles")), before);
    assert!(fs::read_to_string(root.join("articles/vpn.md"))
        .unwrap()
        .contains("VPN"));
}

#[test]
fn out_that_holds_the_articles_is_refused() {
    let tmp = project();
    let root = tmp.path();
    write(root, "kb/articles/a.md", "---\ntitle: A\n---\nx\n");
    lantern(root)
        .args([
            "build",
            "--app",
            "app",
            "--articles",
            "kb/articles",
            "--out",
            "kb",
            "--force",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("articles folder"));
    assert!(root.join("kb/articles/a.md").is_file());
}

#[test]
fn out_dot_is_refused_without_leaving_a_temporary_folder() {
    let tmp = project();
    let root = tmp.path();
    let before = tree(root);
    for out in [".", "./", ".."] {
        build(root, out, &["--force"])
            .code(1)
            .stderr(predicate::str::contains("refusing to build into"));
    }
    assert_eq!(tree(root), before, "nothing written, nothing left behind");
}

#[test]
fn out_that_holds_the_config_or_the_home_folder_is_refused() {
    let tmp = project();
    let root = tmp.path();
    write(root, "project/lantern.toml", "[site]\nname = \"Help\"\n");
    lantern(root)
        .args([
            "build",
            "--app",
            "app",
            "--config",
            "project/lantern.toml",
            "--out",
            "project",
            "--force",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config file"));
    fs::create_dir_all(root.join("home/me")).unwrap();
    build(root, "home", &["--force"])
        .code(1)
        .stderr(predicate::str::contains("home folder"));
    assert!(root.join("project/lantern.toml").is_file());
}

#[test]
fn an_empty_or_new_folder_needs_no_force() {
    let tmp = project();
    let root = tmp.path();
    fs::create_dir_all(root.join("empty")).unwrap();
    build(root, "empty", &[]).success();
    build(root, "deep/new/site", &[]).success();
    assert!(root.join("empty/a/vpn/index.html").is_file());
    assert!(root.join("deep/new/site/a/vpn/index.html").is_file());
    assert!(!tree(root).iter().any(|p| p.contains("lantern-tmp")));
}

#[test]
fn a_base_url_given_without_a_scheme_is_refused_before_anything_is_written() {
    let tmp = project();
    let root = tmp.path();
    build(root, "site", &["--base-url", "help.example.com/kb"])
        .code(1)
        .stderr(predicate::str::contains("--base-url").and(predicate::str::contains("https://")));
    assert!(!root.join("site").exists());
    build(root, "site", &[])
        .success()
        .stderr(predicate::str::contains("built 1 article into"));
}
