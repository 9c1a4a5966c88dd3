//! Hostile files in the articles folder (issues 19 and 20): links that
//! leave it, links to folders and loops, active content, names that forge
//! lines. `lantern check` and `lantern build` must report each the same
//! way, publish nothing from outside the folder, and with `--keep-going`
//! publish the rest.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

mod common;
use common::{project_with, run, write, PNG};

const GOOD: &str = "---\ntitle: Printer offline\n---\n## Restart\n\nTurn it off and on.\n";

fn project() -> tempfile::TempDir {
    project_with(&[("articles/printer-offline.md", GOOD)])
}

fn build(root: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["build", "--app", "app", "--out", "site"];
    args.extend_from_slice(extra);
    let (code, _, stderr) = run(root, &args);
    (code, stderr)
}

/// Every file below `dir`, with its bytes.
fn all_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out
}

fn site_contains(root: &Path, needle: &str) -> Vec<String> {
    all_files(&root.join("site"))
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(path, _)| path)
        .collect()
}

/// Runs check and `build --keep-going`; asserts that both report `file`
/// with a message containing `says` and that the good article was built.
fn check_and_build_report(root: &Path, file: &str, says: &str) {
    let (code, _, check) = run(root, &["check"]);
    assert_eq!(code, 1, "check must fail:\n{check}");
    let line = check
        .lines()
        .find(|l| l.starts_with(&format!("{file}:")))
        .unwrap_or_else(|| panic!("check does not name {file}:\n{check}"));
    assert!(line.contains(says), "{line}");
    let (code, built) = build(root, &["--keep-going"]);
    assert_eq!(
        code, 0,
        "build --keep-going must publish the rest:\n{built}"
    );
    assert!(
        built.contains(line),
        "build must say what check says:\n{built}"
    );
    assert!(root.join("site/a/printer-offline/index.html").is_file());
}

#[test]
fn a_symlink_to_a_file_outside_the_articles_folder_is_refused_and_never_published() {
    let tmp = project();
    let root = tmp.path();
    let secret = root.join("secret.txt");
    fs::write(&secret, "ROOT:SECRET-PASSWORD-HASH").unwrap();
    symlink(&secret, root.join("articles/passwd.png")).unwrap();
    check_and_build_report(root, "articles/passwd.png", "outside the articles folder");
    assert!(!root.join("site/media/passwd.png").exists());
    assert_eq!(site_contains(root, "SECRET-PASSWORD"), Vec::<String>::new());
    // Without --keep-going nothing is written at all.
    fs::remove_dir_all(root.join("site")).unwrap();
    let (code, _) = build(root, &[]);
    assert_eq!(code, 1);
    assert!(!root.join("site").exists());
}

#[test]
fn a_markdown_symlink_to_a_file_outside_the_folder_is_not_read_as_an_article() {
    let tmp = project();
    let root = tmp.path();
    fs::write(
        root.join("env.txt"),
        "---\ntitle: Leaked\n---\nAWS_SECRET=TOPSECRET-KEY\n",
    )
    .unwrap();
    symlink(root.join("env.txt"), root.join("articles/leak.md")).unwrap();
    check_and_build_report(root, "articles/leak.md", "outside the articles folder");
    assert_eq!(site_contains(root, "TOPSECRET"), Vec::<String>::new());
    assert!(!root.join("site/a/leak").exists());
}

#[test]
fn a_symlink_that_stays_inside_the_folder_is_followed() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/img/real.png", PNG);
    symlink("real.png", root.join("articles/img/alias.png")).unwrap();
    symlink("printer-offline.md", root.join("articles/printer.md")).unwrap();
    // The link is read like the file it names, under its own name.
    let (code, _, check) = run(root, &["check"]);
    assert_eq!(code, 0, "{check}");
    let (code, built) = build(root, &[]);
    assert_eq!(code, 0, "{built}");
    assert!(root.join("site/a/printer/index.html").is_file());
    assert_eq!(
        fs::read(root.join("site/media/img/alias.png")).unwrap(),
        PNG
    );
}

#[test]
fn a_symlink_to_a_folder_is_reported_by_check_and_build_alike_and_keep_going_publishes_the_rest() {
    let tmp = project();
    let root = tmp.path();
    fs::create_dir(root.join("articles/real")).unwrap();
    write(root, "articles/real/shot.png", PNG);
    symlink("real", root.join("articles/linked")).unwrap();
    check_and_build_report(root, "articles/linked", "link to a folder");
    assert!(root.join("site/media/real/shot.png").is_file());
    assert!(!root.join("site/media/linked").exists());
}

#[test]
fn a_symlink_loop_is_reported_by_check_and_build_alike_and_keep_going_publishes_the_rest() {
    let tmp = project();
    let root = tmp.path();
    symlink("loop-b", root.join("articles/loop-a")).unwrap();
    symlink("loop-a", root.join("articles/loop-b")).unwrap();
    symlink("loop.md", root.join("articles/loop.md")).unwrap();
    check_and_build_report(root, "articles/loop-a", "leads nowhere");
    let (_, _, check) = run(root, &["check"]);
    assert!(check.contains("articles/loop.md:"), "{check}");
}

#[test]
fn svg_html_and_other_active_files_in_articles_are_refused_by_check_and_never_published() {
    let script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>localStorage.x</script></svg>";
    for name in [
        "img/logo.svg",
        "img/LOGO.SVG",
        "page.html",
        "page.htm",
        "page.xhtml",
        "page.shtml",
        "feed.xml",
        "app.js",
        "app.mjs",
        "code.wasm",
        "old.swf",
        "logo.svgz",
        "noextension",
    ] {
        let tmp = project();
        let root = tmp.path();
        write(root, &format!("articles/{name}"), script);
        check_and_build_report(root, &format!("articles/{name}"), "not published");
        assert_eq!(
            site_contains(root, "localStorage.x"),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

#[test]
fn a_script_disguised_as_an_image_is_refused() {
    let tmp = project();
    let root = tmp.path();
    write(
        root,
        "articles/img/shot.png",
        "<html><script>alert(1)</script>",
    );
    check_and_build_report(root, "articles/img/shot.png", "is not a PNG");
    assert!(!root.join("site/media/img/shot.png").exists());
}

#[test]
fn images_and_documents_on_the_allow_list_are_published() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/img/shot.PNG", PNG);
    write(
        root,
        "articles/files/guide.pdf",
        "%PDF-1.7\n%\u{e2}\u{e3}\n",
    );
    write(root, "articles/files/list.csv", "a,b\n1,2\n");
    let (code, built) = build(root, &[]);
    assert_eq!(code, 0, "{built}");
    for file in ["img/shot.PNG", "files/guide.pdf", "files/list.csv"] {
        assert!(root.join("site/media").join(file).is_file(), "{file}");
    }
}

#[test]
fn a_file_named_with_a_newline_is_refused_and_cannot_delete_the_operators_cname() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/img\nCNAME", PNG);
    let (code, _, check) = run(root, &["check"]);
    assert_eq!(code, 1, "{check}");
    assert!(
        check.contains("articles/img\\nCNAME:") && check.contains("control character"),
        "{check}"
    );
    let (code, built) = build(root, &["--keep-going"]);
    assert_eq!(code, 0, "{built}");
    // The operator's own file in the published folder.
    fs::write(root.join("site/CNAME"), "help.example.com").unwrap();
    fs::remove_file(root.join("articles/img\nCNAME")).unwrap();
    let (code, built) = build(root, &[]);
    assert_eq!(code, 0, "{built}");
    assert_eq!(
        fs::read_to_string(root.join("site/CNAME")).unwrap(),
        "help.example.com"
    );
}

#[test]
fn a_name_with_a_bidi_override_is_refused() {
    let tmp = project();
    let root = tmp.path();
    write(root, "articles/img/shot\u{202e}gnp.exe", PNG);
    let (code, _, check) = run(root, &["check"]);
    assert_eq!(code, 1, "{check}");
    assert!(check.contains("U+202E"), "{check}");
}

#[test]
fn a_pipe_named_like_an_article_does_not_hang_the_build() {
    let tmp = project();
    let root = tmp.path();
    let fifo = root.join("articles/pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    check_and_build_report(root, "articles/pipe.md", "not a regular file");
}
