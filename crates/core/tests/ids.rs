//! Ids from articles never take one the app uses, and authors' anchors are
//! link targets: in the page and for `lantern check`.

use lantern_core::render::{claimable, render_markdown, APP_IDS};

/// Every literal id the app's code and the pages `lantern build` writes
/// give an element (`id="…"`, `ID: &str = "…"`, `set_id("…")`).
fn literal_app_ids() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files = vec![format!("{root}/index.html")];
    for dir in ["src", "crates/cli/src", "crates/core/src/ticket"] {
        collect(std::path::Path::new(&format!("{root}/{dir}")), &mut files);
    }
    let mut ids = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in ["id=\"", "ID: &str = \"", "set_id(\"", "=> \"ticket-"] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                let id = if marker.starts_with("=>") {
                    format!("ticket-{id}")
                } else {
                    id
                };
                if !id.is_empty() && !id.contains('{') && !id.contains('\\') {
                    ids.push(id);
                }
            }
        }
    }
    ids
}

fn collect(dir: &std::path::Path, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.display().to_string());
        }
    }
}

#[test]
fn no_id_the_app_gives_its_elements_can_be_claimed_by_an_article() {
    let ids = literal_app_ids();
    assert!(ids.len() > 20, "{ids:?}");
    assert!(ids.iter().any(|id| id == "search-input"), "{ids:?}");
    let claimable_ones: Vec<&String> = ids.iter().filter(|id| claimable(id)).collect();
    assert!(
        claimable_ones.is_empty(),
        "the app uses these ids, which articles may still claim: add them to render::APP_IDS: {claimable_ones:?}"
    );
    assert!(APP_IDS.iter().all(|id| !claimable(id)));
}

#[test]
fn an_articles_div_with_id_search_input_breaks_the_slash_shortcut_so_it_loses_the_id() {
    let html = render_markdown("<div id=\"search-input\">mine</div>\n\n<a id=\"main\"></a><a id=\"lanternCatalog\"></a><a name=\"lanternLoad\"></a>\n").html;
    for id in ["search-input", "main", "lanternCatalog", "lanternLoad"] {
        assert!(!html.contains(&format!("\"{id}\"")), "{id}: {html}");
    }
    assert!(html.contains("mine"), "{html}");
}

#[test]
fn a_heading_whose_words_are_an_app_id_gets_an_id_of_its_own() {
    let r = render_markdown("## Search input\n\n## Main\n");
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["section-search-input", "section-main"]);
    assert!(
        r.html.contains(r#"<h2 id="section-search-input">"#),
        "{}",
        r.html
    );
}

#[test]
fn author_anchors_are_kept_in_the_page_and_listed_as_link_targets() {
    let md = "<a id=\"summary\"></a>\n\n## Summary\n\nText.\n\n<a name=\"enable-tls-12\"></a>\n\n## Enable TLS 1.2\n\n<a name=\"Note1\">1</a> note\n";
    let r = render_markdown(md);
    assert_eq!(r.anchors, ["summary", "enable-tls-12", "Note1"]);
    assert!(
        r.html
            .contains(r#"<a id="summary" rel="noopener noreferrer"></a>"#),
        "{}",
        r.html
    );
    // As ids: the router scrolls to a fragment's id, not to a name.
    assert!(r.html.contains(r#"<a id="enable-tls-12""#), "{}", r.html);
    assert!(r.html.contains(r#"<a id="Note1""#), "{}", r.html);
    // The heading after the anchor does not take its id.
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["summary-1", "enable-tls-12-1"]);
}

#[test]
fn some_heading_ids_come_out_duplicated_no_more_within_a_page_with_author_anchors() {
    let md = "## Steps 1\n\n## Steps\n\n## Steps\n\n<div id=\"steps-2\"></div>\n\n<a id=\"x\"></a><a id=\"x\"></a><a name=\"x\"></a>\n\n[^x]\n\n[^x]: a footnote\n";
    let html = render_markdown(md).html;
    let mut seen = std::collections::HashSet::new();
    for part in html
        .split(" id=\"")
        .skip(1)
        .chain(html.split(" name=\"").skip(1))
    {
        let id = &part[..part.find('"').unwrap()];
        assert!(seen.insert(id.to_string()), "`{id}` twice in {html}");
    }
}
