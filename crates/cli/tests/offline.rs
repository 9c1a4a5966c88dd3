//! The offline worker `lantern build` writes (issue 18): what a published
//! site carries, what a preview does not, and what a republish changes.

use std::fs;
use std::path::Path;

mod common;
use common::{lantern, project_with_shell, write};

const SHELL: &str = r#"<!DOCTYPE html><html><head><meta name="lantern-root" content="./"><link rel="preload" href="./data/catalog.bin" as="fetch" crossorigin="anonymous"><title>x</title>
<script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' });</script></head>
<body><div id="lantern-prerender"></div></body></html>"#;

fn project(config: &str) -> tempfile::TempDir {
    project_with_shell(
        SHELL,
        &[
            ("app/app-1.js", "// js"),
            ("app/app-1_bg.wasm", "wasm"),
            (
                "lantern.toml",
                &format!("[site]\nname = \"ACME Help\"\n{config}"),
            ),
            (
                "articles/vpn.md",
                "---\ntitle: VPN will not connect\n---\nRestart the client.\n",
            ),
            (
                "articles/printer.md",
                "---\ntitle: Printer offline\n---\nTurn it off and on.\n",
            ),
        ],
    )
}

fn build(root: &Path, extra: &[&str]) {
    lantern(root)
        .args(["build", "--app", "app", "--out", "site"])
        .args(extra)
        .assert()
        .success();
}

fn read(root: &Path, file: &str) -> String {
    fs::read_to_string(root.join("site").join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What sw.js starts with, and the body hashes its `bodiesFile` lists.
fn worker_build(root: &Path) -> serde_json::Value {
    let mut build = worker_head(root);
    let file = build["bodiesFile"].as_str().unwrap().to_string();
    build["bodies"] = serde_json::from_str(&read(root, &file)).unwrap();
    build
}

/// The hash of a file as written, as the worker computes it of what it
/// fetches (sw.js: the first 8 bytes of SHA-256, in hex).
fn short_hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Each core address's file, as the site serves it.
fn file_at(address: &str) -> String {
    if address.is_empty() || address.ends_with('/') {
        format!("{address}index.html")
    } else {
        address.to_string()
    }
}

/// Every core entry carries the hash of the file the site serves there.
fn assert_core_hashes_match_the_files(root: &Path, site: &str) {
    let build = worker_head_in(root, site);
    for (address, hash) in build["core"].as_object().unwrap() {
        let file = root.join(site).join(file_at(address));
        let bytes = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(hash, short_hash(&bytes).as_str(), "{address}");
    }
}

fn worker_head(root: &Path) -> serde_json::Value {
    worker_head_in(root, "site")
}

fn worker_head_in(root: &Path, site: &str) -> serde_json::Value {
    let sw = fs::read_to_string(root.join(site).join("sw.js")).unwrap();
    let start = sw.find("const BUILD = ").unwrap() + "const BUILD = ".len();
    let end = start + sw[start..].find(";\n").unwrap();
    serde_json::from_str(&sw[start..end]).unwrap()
}

#[test]
fn a_published_site_has_a_worker_and_every_page_registers_it() {
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    let build = worker_build(root);
    let core: Vec<&str> = build["core"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for file in [
        "",
        "ticket/",
        "privacy/",
        "offline.html",
        "data/catalog.bin",
        "app-1.js",
        "app-1_bg.wasm",
        "offline.js",
    ] {
        assert!(core.contains(&file), "{file} not in the core: {core:?}");
    }
    let body = fs::read(root.join("site/data/articles/vpn.html")).unwrap();
    assert_eq!(build["bodies"]["vpn"], short_hash(&body).as_str());
    let list = build["bodiesFile"].as_str().unwrap();
    assert!(core.contains(&list), "{list} not in the core: {core:?}");
    assert!(build["bodyBytes"].as_u64().unwrap() >= body.len() as u64);
    for page in [
        "index.html",
        "a/vpn/index.html",
        "ticket/index.html",
        "404.html",
    ] {
        let html = read(root, page);
        assert!(
            html.contains(r#"offline.js" defer></script>"#),
            "{page} does not load offline.js"
        );
        assert!(html.contains(r#"rel="manifest""#), "{page} has no manifest");
        assert!(
            html.contains(r#"rel="apple-touch-icon""#),
            "{page} has no home-screen icon"
        );
    }
    assert!(read(root, "a/vpn/index.html").contains(r#"src="../../offline.js""#));
    // The article page the worker answers with: addresses from its scope.
    let offline = read(root, "offline.html");
    assert!(offline.contains("/__lantern_scope__/app-1.js"), "{offline}");
    assert!(offline.contains(r#"href="/__lantern_scope__/data/catalog.bin""#));
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "manifest.webmanifest")).unwrap();
    assert_eq!(manifest["name"], "ACME Help");
    assert!(root.join("site/lantern-icon.svg").is_file());
}

#[test]
fn the_manifest_offers_png_icons_of_192_and_512_pixels_plain_and_maskable() {
    // What Chromium asks of a manifest before it offers "Install".
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "manifest.webmanifest")).unwrap();
    for field in ["id", "start_url", "scope", "short_name", "display"] {
        assert!(manifest[field].is_string(), "no {field}: {manifest}");
    }
    let mut seen = Vec::new();
    for icon in manifest["icons"].as_array().unwrap() {
        if icon["type"] != "image/png" {
            continue;
        }
        let png = fs::read(root.join("site").join(icon["src"].as_str().unwrap())).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{icon} is not a PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(
            icon["sizes"],
            format!("{width}x{height}").as_str(),
            "{icon}"
        );
        seen.push(format!(
            "{} {}",
            icon["sizes"].as_str().unwrap(),
            icon["purpose"].as_str().unwrap()
        ));
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "192x192 any",
            "192x192 maskable",
            "512x512 any",
            "512x512 maskable"
        ]
    );
}

#[test]
fn a_republish_changes_only_the_edited_bodys_hash_and_the_revision() {
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    let first = worker_build(root);
    build(root, &[]);
    assert_eq!(
        worker_build(root),
        first,
        "the same articles give the same worker"
    );
    write(
        root,
        "articles/vpn.md",
        "---\ntitle: VPN will not connect\n---\nRestart the client, then sign in again.\n",
    );
    build(root, &[]);
    let second = worker_build(root);
    assert_ne!(second["revision"], first["revision"]);
    assert_ne!(second["bodies"]["vpn"], first["bodies"]["vpn"]);
    assert_eq!(second["bodies"]["printer"], first["bodies"]["printer"]);
    let old = first["bodiesFile"].as_str().unwrap();
    assert!(
        !root.join("site").join(old).exists(),
        "the old build's list is removed"
    );
}

#[test]
fn a_preview_build_has_no_worker_and_no_page_registers_one() {
    let tmp = project("");
    let root = tmp.path();
    build(root, &["--preview"]);
    for file in [
        "sw.js",
        "offline.js",
        "offline.html",
        "manifest.webmanifest",
    ] {
        assert!(
            !root.join("site").join(file).exists(),
            "a preview wrote {file}"
        );
    }
    assert!(!read(root, "index.html").contains("offline.js"));
}

#[test]
fn offline_disabled_publishes_a_worker_that_removes_itself_and_pages_without_it() {
    let tmp = project("[offline]\nenabled = false\n");
    let root = tmp.path();
    build(root, &[]);
    let sw = read(root, "sw.js");
    assert!(
        sw.contains("unregister()") && sw.contains("caches.delete"),
        "{sw}"
    );
    assert!(!sw.contains("const BUILD"));
    assert!(!read(root, "index.html").contains("offline.js"));
    assert!(!root.join("site/offline.js").exists());
}

#[test]
fn switching_offline_off_removes_the_files_only_it_needed() {
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    assert!(root.join("site/offline.js").exists());
    write(
        root,
        "lantern.toml",
        "[site]\nname = \"ACME Help\"\n[offline]\nenabled = false\n",
    );
    build(root, &[]);
    assert!(!root.join("site/offline.js").exists());
    assert!(!root.join("site/offline.html").exists());
    assert!(!root.join("site/lantern-icon-512.png").exists());
    assert!(
        root.join("site/sw.js").exists(),
        "the remover stays where the worker was"
    );
}

#[test]
fn an_unknown_offline_setting_is_an_error_naming_it() {
    let tmp = project("[offline]\nlibary_limit_mb = 5\n");
    let output = lantern(tmp.path())
        .args(["build", "--app", "app", "--out", "site"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("libary_limit_mb"), "{stderr}");
}

#[test]
fn each_core_file_is_listed_with_the_hash_of_what_was_written() {
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    assert_core_hashes_match_the_files(root, "site");
}

#[test]
fn an_app_folder_that_is_also_the_out_folder_is_listed_with_its_hashes() {
    let tmp = project("");
    let root = tmp.path();
    lantern(root)
        .args(["build", "--app", "app", "--out", "app", "--force"])
        .assert()
        .success();
    let core = worker_head_in(root, "app");
    assert!(core["core"]["app-1_bg.wasm"].is_string(), "{core}");
    assert_core_hashes_match_the_files(root, "app");
    // And once more, now that the folder is a built site.
    lantern(root)
        .args(["build", "--app", "app", "--out", "app"])
        .assert()
        .success();
    assert_core_hashes_match_the_files(root, "app");
}

#[test]
fn a_republish_with_one_article_changed_keeps_the_app_files_hashes() {
    // The worker carries a core file over from the old build's cache when
    // its address and hash are the same (sw.js `carried`): the app's
    // files must keep theirs, the index must change.
    let tmp = project("");
    let root = tmp.path();
    build(root, &[]);
    let first = worker_head(root);
    write(
        root,
        "articles/vpn.md",
        "---\ntitle: VPN will not connect\n---\nRestart the client, then sign in again.\n",
    );
    build(root, &[]);
    let second = worker_head(root);
    for same in [
        "app-1.js",
        "app-1_bg.wasm",
        "offline.js",
        "offline.html",
        "manifest.webmanifest",
    ] {
        assert!(first["core"][same].is_string(), "{same} not in the core");
        assert_eq!(first["core"][same], second["core"][same], "{same}");
    }
    assert_ne!(
        first["core"]["data/catalog.bin"],
        second["core"]["data/catalog.bin"]
    );
}
