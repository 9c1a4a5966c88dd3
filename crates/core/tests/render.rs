use lantern_core::render::{
    article_link_target, local_file, render_article, render_markdown, sanitize,
};

#[test]
fn headings_get_unique_ids_and_are_listed() {
    let r = render_markdown("Intro\n\n## Symptoms\n\ntext\n\n## Fix it: *now*\n\n### Symptoms\n");
    let ids: Vec<_> = r
        .headings
        .iter()
        .map(|h| (h.id.as_str(), h.level))
        .collect();
    assert_eq!(ids, [("symptoms", 2), ("fix-it-now", 2), ("symptoms-1", 3)]);
    assert!(
        r.html.contains(r#"<h2 id="symptoms">Symptoms</h2>"#),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains(r#"<h2 id="fix-it-now">Fix it: <em>now</em></h2>"#),
        "{}",
        r.html
    );
}

#[test]
fn tables_task_lists_strikethrough_and_footnotes_render() {
    let md = "| Code | Meaning |\n|---|:---:|\n| 809 | blocked |\n\n- [x] done\n- [ ] todo\n\n~~old~~ new[^1]\n\n[^1]: A note.\n";
    let html = render_markdown(md).html;
    assert!(html.contains("<table>"), "{html}");
    assert!(
        html.contains("<td style=\"text-align: center\">blocked</td>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<input type="checkbox" disabled="" checked="">"#)
            || html.contains("checked"),
        "{html}"
    );
    assert!(html.contains("<del>old</del>"), "{html}");
    assert!(html.contains("footnote-reference"), "{html}");
    assert!(html.contains("footnote-definition"), "{html}");
}

#[test]
fn fenced_code_keeps_its_language_class() {
    let html = render_markdown("```powershell\nGet-Service\n```\n").html;
    assert!(
        html.contains(r#"<code class="language-powershell">Get-Service"#),
        "{html}"
    );
    let html = render_markdown("```x\" onclick=\"alert(1)\nx\n```\n").html;
    assert!(!html.contains("onclick"), "{html}");
}

#[test]
fn links_to_other_articles_become_permalinks() {
    assert_eq!(
        article_link_target("printer-offline.md").as_deref(),
        Some("../printer-offline/")
    );
    assert_eq!(
        article_link_target("./vpn.md#reset-the-client").as_deref(),
        Some("../vpn/#reset-the-client")
    );
    assert_eq!(article_link_target("https://example.com/x.md"), None);
    assert_eq!(article_link_target("#local"), None);
    let html = render_markdown("See [the VPN steps](vpn.md#steps).").html;
    assert!(html.contains(r#"href="../vpn/#steps""#), "{html}");
}

#[test]
fn sections_hold_plain_text_under_their_heading() {
    let r = render_markdown("Lead text.\n\n## Cause\n\nThe **token** expired.\n\n- one\n- two\n");
    assert_eq!(r.sections[0].heading_id, None);
    assert_eq!(r.sections[0].text, "Lead text.");
    assert_eq!(r.sections[1].heading_id.as_deref(), Some("cause"));
    assert_eq!(r.sections[1].text, "The token expired. one two");
}

#[test]
fn links_and_images_are_reported_with_offsets() {
    let md = "Go [there](other.md#x).\n\n![shot](img/a.png)\n";
    let r = render_markdown(md);
    assert_eq!(r.links.len(), 2);
    assert_eq!(&md[r.links[0].offset..r.links[0].offset + 1], "[");
    assert!(r.links[1].is_image);
}

/// Every payload in the corpus, put into an article, must come out inert:
/// no script, no event handler, no javascript:/data:/vbscript: URL, no
/// element that loads or restyles the page.
#[test]
fn xss_payload_corpus_is_neutralised() {
    let corpus = include_str!("fixtures/xss-payloads.txt");
    for payload in corpus.lines().filter(|l| !l.trim().is_empty()) {
        for markdown in [
            payload.to_string(),
            format!("Text before.\n\n{payload}\n\nText after."),
            format!("- item {payload}"),
        ] {
            let html = render_markdown(&markdown).html.to_lowercase();
            for forbidden in [
                "<script",
                "<iframe",
                "<object",
                "<embed",
                "<style",
                "<meta",
                "<base",
                "<link",
                "<form",
                "<svg",
                "<math",
                "javascript:",
                "vbscript:",
                "data:",
                "onerror",
                "onload",
                "onclick",
                "onfocus",
                "ontoggle",
                "style=\"background",
            ] {
                assert!(
                    !html.contains(forbidden),
                    "payload {payload:?} left {forbidden:?} in {html}"
                );
            }
        }
    }
}

#[test]
fn sanitize_keeps_safe_markup() {
    let html = sanitize(r#"<p>Ok <a href="https://example.com">link</a> <kbd>Ctrl</kbd></p>"#);
    assert!(
        html.contains(r#"<a href="https://example.com" rel="noopener noreferrer">link</a>"#),
        "{html}"
    );
    assert!(html.contains("<kbd>Ctrl</kbd>"), "{html}");
}

#[test]
fn local_images_are_published_under_media() {
    assert_eq!(
        local_file("devices", "img/printer.png").as_deref(),
        Some("devices/img/printer.png")
    );
    assert_eq!(
        local_file("devices", "../shared/a.png").as_deref(),
        Some("shared/a.png")
    );
    assert_eq!(local_file("", "../../etc/passwd"), None);
    assert_eq!(local_file("", "https://example.com/a.png"), None);
    let html = render_article("![Printer panel](img/panel.png)", "devices").html;
    assert!(
        html.contains(r#"src="../../media/devices/img/panel.png""#),
        "{html}"
    );
}

#[test]
fn a_leading_level_one_heading_that_repeats_the_title_is_found_ignoring_case_and_punctuation() {
    use lantern_core::render::{title_heading, without_title_heading};
    let body = "\n# Printer shows “offline”!\n\nTurn it off.\n";
    let heading_end = body.find("\n\nTurn").unwrap() + 1;
    assert_eq!(
        title_heading(body, "Printer shows 'offline'"),
        Some(1..heading_end)
    );
    assert_eq!(
        without_title_heading(body, "printer shows offline"),
        Some((
            "\n<div id=\"printer-shows-offline\"></div>\n\nTurn it off.\n".to_string(),
            Some("printer-shows-offline".to_string())
        )),
        "later lines keep their numbers, links to the heading's id still land"
    );
    assert_eq!(
        without_title_heading("# T\nText right below.\n", "t"),
        Some(("\nText right below.\n".to_string(), None)),
        "no blank line to end an HTML block: only blanked"
    );
    assert_eq!(
        title_heading("Printer offline\n===\n\nx\n", "Printer offline"),
        Some(0..20)
    );
    // Not a repeat of the title, not level 1, or not first: left alone.
    assert_eq!(title_heading("# Symptoms\n", "Printer offline"), None);
    assert_eq!(
        title_heading("## Printer offline\n", "Printer offline"),
        None
    );
    assert_eq!(
        title_heading("Intro.\n\n# Printer offline\n", "Printer offline"),
        None
    );
    assert_eq!(title_heading("# !!\n", "?"), None);
}

#[test]
fn a_body_that_starts_with_its_own_title_renders_without_it() {
    let library = lantern_core::library::Library::from_texts([(
        "printer.md",
        "---\ntitle: Printer offline\n---\n# Printer offline\n\nTurn it off.\n\n## Restart\n",
    )]);
    let article = &library.articles[0];
    assert!(
        !article.rendered.html.contains("<h1"),
        "{}",
        article.rendered.html
    );
    assert!(
        article
            .rendered
            .html
            .starts_with("<div id=\"printer-offline\"></div>"),
        "{}",
        article.rendered.html
    );
    assert!(
        article.rendered.html.contains("<h2 id=\"restart\">"),
        "{}",
        article.rendered.html
    );
    let ids: Vec<_> = article
        .rendered
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(ids, ["restart"], "nor in the table of contents");
    let warnings: Vec<String> = library.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        warnings,
        ["printer.md:4:1: warning: this heading repeats the title: the page already shows the title; remove this line"]
    );
}
