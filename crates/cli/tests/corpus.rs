//! The shared corpus of ~3,000 real Microsoft support articles checks and
//! builds, with only the problems it really has. Skipped, with a message,
//! where `../shared` is not beside the checkout.

use std::path::PathBuf;

use assert_cmd::Command;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/msdocs");
    if dir.is_dir() {
        Some(dir.canonicalize().unwrap())
    } else {
        eprintln!("skipped: no shared corpus at {}", dir.display());
        None
    }
}

/// The corpus was flattened from Microsoft's repository: its cross-links
/// name files that were renamed or left out, so broken links are reported
/// as warnings here.
fn config(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("corpus.toml");
    std::fs::write(
        &path,
        "[site]\nname = \"Corpus\"\n[check]\nbroken_links = \"warning\"\n",
    )
    .unwrap();
    path
}

#[test]
fn corpus_checks_with_only_its_real_problems() {
    let Some(articles) = corpus() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("lantern")
        .unwrap()
        .args(["check", "--format", "json", "--articles"])
        .arg(&articles)
        .arg("--config")
        .arg(config(tmp.path()))
        .env("LANTERN_TODAY", "2026-11-24")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        report["articles"].as_u64().unwrap() >= 3000,
        "{}",
        report["articles"]
    );
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let errors: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // Real problems of the corpus: the same file name under
    // windows-client/ and windows-server/ (one flat namespace of slugs),
    // and one image the corpus left out.
    let duplicates = errors
        .iter()
        .filter(|m| m.starts_with("duplicate slug"))
        .count();
    let images = errors
        .iter()
        .filter(|m| m.starts_with("missing image `./media/peer-to-peer-replication-fails/"))
        .count();
    assert_eq!((duplicates, images, errors.len()), (7, 1, 8), "{errors:?}");
    // Microsoft's articles also open with their title as a `# ` heading
    // (left out of the page when it repeats `title:`, reported either
    // way), and some repeat a heading's words.
    let warnings = diagnostics.iter().filter(|d| d["severity"] == "warning");
    let kinds = [
        "link to",
        "this heading repeats the title",
        "the body starts with a level-1 heading",
        "heading `",
    ];
    for d in warnings {
        let message = d["message"].as_str().unwrap();
        assert!(
            kinds.iter().any(|kind| message.starts_with(kind)),
            "{message}"
        );
    }
}

#[test]
fn corpus_builds_every_other_article() {
    let Some(articles) = corpus() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let app = tmp.path().join("app");
    std::fs::create_dir_all(&app).unwrap();
    std::fs::write(app.join("index.html"), r#"<html><head><meta name="lantern-root" content="./"><title>x</title></head><body><div id="lantern-prerender"></div></body></html>"#).unwrap();
    let out = tmp.path().join("site");
    Command::cargo_bin("lantern")
        .unwrap()
        .args(["build", "--keep-going", "--articles"])
        .arg(&articles)
        .arg("--config")
        .arg(config(tmp.path()))
        .arg("--app")
        .arg(&app)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let pages = std::fs::read_dir(out.join("a")).unwrap().count();
    assert!(pages >= 3000, "{pages} article pages");
    let page = std::fs::read_to_string(
        out.join("a/database-design-cannot-make-remote-connection-clr-trigger/index.html"),
    )
    .unwrap();
    assert!(
        page.contains(
            "<title>Can&#39;t make a remote connection from a CLR trigger · Corpus</title>"
        ),
        "{}",
        &page[..500]
    );
}
