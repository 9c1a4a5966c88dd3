//! The `lantern check` rules about headings (a body that repeats the
//! title, other level-1 headings, two headings with one anchor), and every
//! problem of a file reported in one run.

use std::fs;
use std::path::Path;

mod common;
use common::{check_lines, project_with, run, write};

fn project(config: &str) -> tempfile::TempDir {
    project_with(&[("lantern.toml", config)])
}

/// The diagnostics `lantern check` prints, without its summary line.
fn diagnostics(root: &Path) -> Vec<String> {
    check_lines(root).1
}

#[test]
fn a_body_that_starts_with_its_own_title_is_warned_about_and_not_shown_twice() {
    let tmp = project("[site]\nname = \"Help\"\n");
    let root = tmp.path();
    write(
        root,
        "articles/printer.md",
        "---\ntitle: \"Printer shows 'offline'\"\n---\n\n# Printer shows offline!\n\nTurn it off and on.\n\n## Restart the spooler\n\n[Back to the top](#printer-shows-offline)\n",
    );
    assert_eq!(
        diagnostics(root),
        ["articles/printer.md:5:1: warning: this heading repeats the title: the page already shows the title; remove this line"]
    );
    let (code, _, stderr) = run(root, &["build", "--app", "app", "--out", "site"]);
    assert_eq!(code, 0, "{stderr}");
    let page = fs::read_to_string(root.join("site/a/printer/index.html")).unwrap();
    assert_eq!(page.matches("<h1").count(), 1, "{page}");
    let body = fs::read_to_string(root.join("site/data/articles/printer.html")).unwrap();
    assert!(!body.contains("<h1"), "the app's copy of the body: {body}");
    assert!(body.contains("Turn it off and on."), "{body}");
    assert!(
        body.contains(r#"<div id="printer-shows-offline"></div>"#),
        "links to the heading's id still land: {body}"
    );
}

#[test]
fn other_level_one_headings_are_warned_about_with_the_fix() {
    let tmp = project("[site]\nname = \"Help\"\n");
    let root = tmp.path();
    write(
        root,
        "articles/vpn.md",
        "---\ntitle: VPN drops\n---\n# The VPN keeps dropping\n\nIt drops.\n\n# Symptoms\n\n```sh\n# a comment, not a heading\n```\n",
    );
    assert_eq!(
        diagnostics(root),
        [
            "articles/vpn.md:4:1: warning: the body starts with a level-1 heading, and the page already shows `title:` above it: remove this line (or, if it says it better, make it the title)",
            "articles/vpn.md:8:1: warning: a level-1 heading: the page title is the only level 1, so a section is `## Symptoms`",
        ]
    );
}

#[test]
fn two_headings_with_the_same_words_are_a_warning_naming_both_lines() {
    let tmp = project("[site]\nname = \"Help\"\n");
    let root = tmp.path();
    write(
        root,
        "articles/vpn.md",
        "---\ntitle: VPN drops\n---\nIntro.\n\n## Steps\n\nOne.\n\n## Windows\n\n### Steps!\n\nTwo.\n",
    );
    assert_eq!(
        diagnostics(root),
        ["articles/vpn.md:12:1: warning: heading `Steps!` has the same words as the heading on line 6, so links to `#steps` go to line 6, and this one is `#steps-1`: give each heading its own words"]
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_check_run() {
    let tmp = project("[site]\nname = \"Help\"\n");
    let root = tmp.path();
    write(
        root,
        "articles/outlook.md",
        "---\ntitle: Outlook: search is broken\ntags: outlook\nupdated: 2026-02-30\nupdated: 2026-03-01\n---\n## Fix\n\n## Fix\n",
    );
    let found = diagnostics(root);
    let positions: Vec<&str> = found
        .iter()
        .map(|d| d.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        positions,
        [
            "articles/outlook.md:2:15",
            "articles/outlook.md:3:1",
            "articles/outlook.md:4:1",
            "articles/outlook.md:5:1",
            "articles/outlook.md:9:1",
        ],
        "{found:#?}"
    );
    assert_eq!(run(root, &["check"]).0, 1);
}
