//! `lantern init`: a knowledge base to start from, written only where it
//! overwrites nothing.

mod common;

use std::fs;
use std::path::Path;

use common::{run, write};

const WRITTEN: &[&str] = &[
    "lantern.toml",
    "README.md",
    ".gitignore",
    ".github/workflows/help-center.yml",
    "articles/reset-a-forgotten-password.md",
    "articles/vpn-will-not-connect.md",
    "articles/printer-shows-offline.md",
];

fn init(root: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["init"];
    all.extend(args);
    let (code, _, stderr) = run(root, &all);
    (code, stderr)
}

#[test]
fn init_writes_a_whole_knowledge_base_into_a_new_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = init(tmp.path(), &["help-center"]);
    assert_eq!(code, 0, "{stderr}");
    for file in WRITTEN {
        assert!(
            tmp.path().join("help-center").join(file).is_file(),
            "{file}"
        );
    }
    assert!(stderr.contains("lantern serve"), "{stderr}");
    let article = fs::read_to_string(
        tmp.path()
            .join("help-center/articles/vpn-will-not-connect.md"),
    )
    .unwrap();
    // Dated the day it was written (LANTERN_TODAY in the tests), reviewed
    // half a year on.
    assert!(article.contains("updated: 2026-11-24\n"), "{article}");
    assert!(article.contains("review_by: 2027-05-25\n"), "{article}");
}

#[test]
fn what_init_writes_passes_lantern_check_without_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(init(tmp.path(), &[]).0, 0);
    let (code, _, stderr) = run(tmp.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("checked 3 articles: 0 errors, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_names_what_is_there() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "notes.txt", "mine");
    let (code, stderr) = init(tmp.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("is not empty (it holds notes.txt)"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(!tmp.path().join("lantern.toml").exists());
}

#[test]
fn init_accepts_a_freshly_cloned_repository_with_only_git_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), ".git/HEAD", "ref: refs/heads/main\n");
    assert_eq!(init(tmp.path(), &[]).0, 0);
    assert!(tmp.path().join("lantern.toml").is_file());
}

#[test]
fn init_force_adds_the_missing_files_and_never_overwrites_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let own = "---\ntitle: Our VPN\n---\nOur own words.\n";
    write(root, "articles/vpn-will-not-connect.md", own);
    write(root, "lantern.toml", "[site]\nname = \"Ours\"\n");
    let (code, stderr) = init(root, &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(root.join("articles/vpn-will-not-connect.md")).unwrap(),
        own
    );
    assert_eq!(
        fs::read_to_string(root.join("lantern.toml")).unwrap(),
        "[site]\nname = \"Ours\"\n"
    );
    assert!(
        stderr.contains("kept ./articles/vpn-will-not-connect.md"),
        "{stderr}"
    );
    assert!(root.join("articles/printer-shows-offline.md").is_file());
    assert!(root.join(".github/workflows/help-center.yml").is_file());
}

/// The workflow, parsed: its steps by name.
fn workflow_steps(yaml: &str) -> Vec<(String, String)> {
    let doc: serde_norway::Value = serde_norway::from_str(yaml).expect("valid YAML");
    let steps = doc["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("build steps");
    steps
        .iter()
        .map(|step| {
            let field = |key: &str| step.get(key).and_then(|v| v.as_str()).unwrap_or("");
            (field("name").to_string(), field("run").to_string())
        })
        .collect()
}

#[test]
fn the_workflow_init_writes_is_valid_yaml_that_verifies_the_download() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(init(tmp.path(), &[]).0, 0);
    let yaml = fs::read_to_string(tmp.path().join(".github/workflows/help-center.yml")).unwrap();
    let steps = workflow_steps(&yaml);
    let (_, download) = steps
        .iter()
        .find(|(name, _)| name.contains("checksum"))
        .expect("a step that names the checksum");
    assert!(download.contains("sha256sum --check"), "{download}");
    // The checksum is checked before the archive is unpacked.
    assert!(download.find("sha256sum").unwrap() < download.find("tar ").unwrap());
    assert!(steps
        .iter()
        .any(|(_, run)| run.contains("lantern check --format github")));
    assert!(steps
        .iter()
        .any(|(_, run)| run.starts_with("lantern build")));
    assert!(!yaml.contains("cargo "), "the workflow needs no Rust");
    let version = format!("LANTERN_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(yaml.contains(&version), "{yaml}");
}

#[test]
fn the_documented_pages_workflow_is_the_one_init_writes() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(init(tmp.path(), &[]).0, 0);
    let written = fs::read_to_string(tmp.path().join(".github/workflows/help-center.yml")).unwrap();
    let documented = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/deploy/github-pages.yml"),
    )
    .unwrap();
    assert_eq!(
        documented, written,
        "docs/deploy/github-pages.yml: copy it from what `lantern init` writes"
    );
}
