//! Which `lantern.toml` each command reads, and what it says about a bad one.

use std::fs;

mod common;
use common::{project_with, run, write};

/// A folder with one article about the VPN and no lantern.toml.
fn project() -> tempfile::TempDir {
    project_with(&[(
        "articles/vpn.md",
        "---\ntitle: \"VPN disconnects every few minutes\"\nsummary: \"The tunnel drops when the laptop sleeps.\"\n---\nTurn off power saving for the network adapter.\n",
    )])
}

#[test]
fn a_config_given_with_dash_dash_config_that_does_not_exist_is_an_error_for_every_command() {
    let tmp = project();
    let root = tmp.path();
    let expected = "lantern: --config nope.toml: there is no such file; check the path, or leave out --config to use ./lantern.toml\n";
    for args in [
        &["check", "--config", "nope.toml"][..],
        &[
            "build",
            "--config",
            "nope.toml",
            "--app",
            "app",
            "--out",
            "site",
        ],
        &["search", "--config", "nope.toml", "vpn"],
        &["new", "Printer jams", "--config", "nope.toml"],
    ] {
        let (code, _, stderr) = run(root, args);
        assert_eq!((code, stderr.as_str()), (1, expected), "{args:?}");
    }
    assert!(!root.join("site").exists(), "build wrote nothing");
    assert!(!root.join("articles/printer-jams.md").exists());
}

#[test]
fn without_dash_dash_config_and_without_lantern_toml_the_defaults_apply_quietly() {
    let tmp = project();
    let root = tmp.path();
    let (code, _, stderr) = run(root, &["check"]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, "checked 1 article: 0 errors, 0 warnings\n")
    );
    let (code, stdout, stderr) = run(root, &["search", "vpn"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.contains("vpn.md"), "{stdout}");
    let (code, _, stderr) = run(root, &["build", "--app", "app", "--out", "site"]);
    assert_eq!(code, 0, "{stderr}");
    let home = fs::read_to_string(root.join("site/index.html")).unwrap();
    assert!(
        home.contains("Help Center"),
        "the default site name: {home}"
    );
}

#[test]
fn search_reads_the_sites_lantern_toml_by_default_so_its_synonyms_apply() {
    let tmp = project();
    let root = tmp.path();
    let (_, stdout, _) = run(root, &["search", "--json", "globalprotect"]);
    assert_eq!(stdout.trim(), "[]", "no synonym without the site's config");
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Help\"\n[search]\nsynonyms = [[\"vpn\", \"globalprotect\"]]\n",
    );
    let (code, stdout, stderr) = run(root, &["search", "--json", "globalprotect"]);
    assert_eq!(code, 0, "{stderr}");
    let hits: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(hits[0]["path"], "vpn.md", "{stdout}");
}

#[test]
fn a_base_url_without_a_scheme_is_an_error_naming_lantern_toml_its_line_and_the_fix() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Help\"\nbase_url = \"help.example.com/kb\"\n",
    );
    let (code, _, stderr) = run(root, &["check"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "lantern: lantern.toml:3:1: error: site.base_url `help.example.com/kb` has no scheme, so links to it would not work: write base_url = \"https://help.example.com/kb\" (or leave it empty)\n"
    );
    let (code, _, _) = run(root, &["build", "--app", "app", "--out", "site"]);
    assert_eq!(code, 1);
    assert!(!root.join("site").exists());
    // Empty stays allowed: links are then relative to the page.
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Help\"\nbase_url = \"\"\n",
    );
    assert_eq!(run(root, &["check"]).0, 0);
}

#[test]
fn config_syntax_errors_name_the_file_and_line_like_article_errors() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Help\"\ncolour = \"red\"\n",
    );
    let (code, _, stderr) = run(root, &["check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("lantern: lantern.toml:3:1: error: unknown field `colour`"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_listed_ticket_channel_without_its_section_is_reported_in_plain_english_on_its_line() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"Help\"\n[ticket]\nchannels = [\"webhook\"]\n",
    );
    let (code, _, stderr) = run(root, &["check"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "lantern: lantern.toml:4:1: error: ticket.channels lists `webhook`, but there is no [ticket.webhook] section: add one with a `url`, or take `webhook` out of channels\n"
    );
}
