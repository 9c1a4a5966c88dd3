use super::*;

fn worker_build(sw: &str) -> serde_json::Value {
    let start = sw.find("const BUILD = ").expect("BUILD") + "const BUILD = ".len();
    let end = start + sw[start..].find(";\n").expect("end of BUILD");
    serde_json::from_str(&sw[start..end]).expect("JSON")
}

#[test]
fn the_worker_hashes_a_body_as_it_will_check_it() {
    // sw.js compares the first 8 bytes of SHA-256, in hex.
    assert_eq!(short_hash(b"abc"), "ba7816bf8f01cfea");
}

#[test]
fn the_worker_source_is_written_with_the_build_in_place_of_its_marker() {
    let build = Build {
        revision: "r1".into(),
        core: [("", "1"), ("ticket/", "2")]
            .map(|(a, h)| (a.to_string(), h.to_string()))
            .into(),
        bodies_file: "data/offline-r1.json".into(),
        body_bytes: 10,
        library_limit: 25_000_000,
    };
    let sw = worker(&build);
    assert!(!sw.contains("/*LANTERN_BUILD*/"));
    let parsed = worker_build(&sw);
    assert_eq!(parsed["revision"], "r1");
    assert_eq!(parsed["core"]["ticket/"], "2");
    assert_eq!(parsed["bodiesFile"], "data/offline-r1.json");
    assert_eq!(parsed["libraryLimit"], 25_000_000);
}

#[test]
fn a_site_name_with_quotes_stays_inside_the_manifest_string() {
    let manifest: serde_json::Value =
        serde_json::from_str(&manifest(r#"IT "Help" </script>"#)).unwrap();
    assert_eq!(manifest["name"], r#"IT "Help" </script>"#);
    assert_eq!(manifest["start_url"], "./");
}

#[test]
fn every_file_offline_use_adds_at_the_top_is_known_as_generated() {
    // Else a folder trunk built (also a site) would take them for the app's.
    let own = [
        "sw.js",
        "offline.js",
        ARTICLE_PAGE,
        "manifest.webmanifest",
        ICON,
    ];
    for name in own.into_iter().chain(PNG_ICONS.map(|(name, ..)| name)) {
        assert!(crate::app_files::GENERATED.contains(&name), "{name}");
    }
}
