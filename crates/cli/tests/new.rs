//! `lantern new`: what it tells the author.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn project(config: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "lantern.toml", config);
    write(
        tmp.path(),
        "app/index.html",
        r#"<html><head><meta name="lantern-root" content="./"><title>x</title></head><body><div id="lantern-prerender"></div></body></html>"#,
    );
    tmp
}

/// Runs `lantern ARGS` in `root`: (exit code, stdout, stderr).
fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("lantern")
        .unwrap()
        .current_dir(root)
        .env("LANTERN_TODAY", "2026-11-24")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn new_says_what_to_do_next_and_where_the_article_will_be() {
    let tmp = project("[site]\nname = \"Help\"\nbase_url = \"https://help.example.com/kb/\"\n");
    let (code, stdout, stderr) = run(tmp.path(), &["new", "Printer shows offline"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout, "articles/printer-shows-offline.md\n",
        "only the path, for scripts"
    );
    assert_eq!(
        stderr,
        "created articles/printer-shows-offline.md\n\
         next: open articles/printer-shows-offline.md and replace the template's sample text with the real summary, tags and steps,\n\
         \x20     then run `lantern check` to see what is left to fix.\n\
         once published it will be at https://help.example.com/kb/a/printer-shows-offline/ (the file name is its address: rename the file to change it).\n"
    );
    let tmp = project("[site]\nname = \"Help\"\n");
    let (_, _, stderr) = run(tmp.path(), &["new", "Printer shows offline"]);
    assert!(
        stderr.contains("at /a/printer-shows-offline/ on the site"),
        "{stderr}"
    );
}
