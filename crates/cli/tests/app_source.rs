//! Where `lantern build` takes the app from: `--app DIR`, the app built
//! into a release binary, or `./dist` in a development build; and what it
//! says when there is none.

mod common;
use common::{lantern, project_with, run, write, MINIMAL_SHELL};

const ARTICLE: (&str, &str) = (
    "articles/a.md",
    "---\ntitle: A\nsummary: Real words.\n---\nBody.\n",
);

/// Whether this `lantern` was built with an app inside (scripts/release.sh).
fn has_app_built_in() -> bool {
    let (_, stdout, _) = run(std::env::temp_dir().as_path(), &["--version"]);
    !stdout.contains("no app built in")
}

#[test]
fn version_names_the_app_build_it_carries_or_says_it_has_none() {
    let (code, stdout, _) = run(std::env::temp_dir().as_path(), &["--version"]);
    assert_eq!(code, 0);
    let version = format!("lantern {} (", env!("CARGO_PKG_VERSION"));
    assert!(stdout.starts_with(&version), "{stdout}");
    assert!(
        stdout.contains(", built in)")
            || stdout.contains("(no app built in: see scripts/release.sh"),
        "{stdout}"
    );
}

#[test]
fn without_an_app_anywhere_build_says_how_to_get_one_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), ARTICLE.0, ARTICLE.1);
    let (code, _, stderr) = run(tmp.path(), &["build"]);
    if has_app_built_in() {
        assert_eq!(code, 0, "{stderr}");
        assert!(tmp.path().join("site/index.html").is_file());
        return;
    }
    assert_eq!(code, 1);
    assert!(
        stderr.contains("this lantern has no app built in"),
        "{stderr}"
    );
    assert!(stderr.contains("scripts/release.sh"), "{stderr}");
    assert!(stderr.contains("--app DIR"), "{stderr}");
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn a_development_build_uses_dist_in_the_current_folder() {
    if has_app_built_in() {
        return; // the app built in comes first
    }
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), ARTICLE.0, ARTICLE.1);
    write(tmp.path(), "dist/index.html", MINIMAL_SHELL);
    write(tmp.path(), "dist/app.js", "// the app");
    let (code, _, stderr) = run(tmp.path(), &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(tmp.path().join("site/a/a/index.html").is_file());
    assert!(tmp.path().join("site/app.js").is_file());
}

#[test]
fn app_dir_publishes_that_app_and_not_what_it_generated_before() {
    let tmp = project_with(&[ARTICLE]);
    let root = tmp.path();
    write(root, "app/app.js", "// mine");
    write(root, "app/icons/logo.svg", "<svg/>");
    write(root, "app/a/old/index.html", "an old page");
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(root.join("site/app.js")).unwrap(),
        "// mine"
    );
    assert!(root.join("site/icons/logo.svg").is_file());
    assert!(!root.join("site/a/old").exists());
}
