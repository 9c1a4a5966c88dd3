//! A rendered article body (sanitised HTML from `lantern build`) in the
//! page: the copy buttons added to it, its headings for the table of
//! contents, its links fixed for where it is shown and for print, and its
//! sections read for result snippets.

use lantern_core::search::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One entry of an article's table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    pub level: u8,
}

/// The elements under `root` matching a CSS selector.
fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(nodes) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Appends a button with these attributes and text to `parent`.
fn append_button(parent: &web_sys::Element, attributes: &[(&str, &str)], text: &str) {
    let Ok(button) = document().create_element("button") else {
        return;
    };
    let _ = button.set_attribute("type", "button");
    for (name, value) in attributes {
        let _ = button.set_attribute(name, value);
    }
    button.set_text_content(Some(text));
    let _ = parent.append_child(&button);
}

/// Adds a "copy link" button to each linkable heading and a "copy" button to
/// each code block of a rendered article body, and returns the headings for
/// the table of contents. The buttons carry data attributes; one click
/// handler on the body (see the article page) acts on them, so no closure is
/// leaked per button.
pub fn enhance_article_body(body: &web_sys::Element) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    for heading in elements(body, "h2[id], h3[id]") {
        let id = heading.id();
        let text = heading.text_content().unwrap_or_default();
        let label = format!("Copy link to section: {text}");
        let attributes = [
            ("class", "heading-link"),
            ("data-copy-heading", id.as_str()),
            ("aria-label", label.as_str()),
            ("title", "Copy link to this section"),
        ];
        append_button(&heading, &attributes, "#");
        let level = if heading.tag_name().eq_ignore_ascii_case("h3") {
            3
        } else {
            2
        };
        toc.push(TocEntry { id, text, level });
    }
    for pre in elements(body, "pre") {
        let attributes = [
            ("class", "code-copy"),
            ("data-copy-code", ""),
            ("aria-label", "Copy code"),
        ];
        append_button(&pre, &attributes, "Copy");
    }
    toc
}

/// Article bodies address links and images relative to their own page
/// (`../other-article/`, `../../media/x.png`). Shown on another page, those
/// addresses are resolved against the article's URL first; links then open
/// in a new tab, so the page the body is shown on (a ticket being written)
/// stays put.
pub fn rebase_article_links(body: &web_sys::Element, article_url: &str) {
    for (selector, attribute) in [("a[href]", "href"), ("img[src]", "src")] {
        for element in elements(body, selector) {
            let value = element.get_attribute(attribute).unwrap_or_default();
            if let Ok(url) = web_sys::Url::new_with_base(&value, article_url) {
                let _ = element.set_attribute(attribute, &url.href());
            }
            if attribute == "href" && !value.starts_with('#') {
                let _ = element.set_attribute("target", "_blank");
                let _ = element.set_attribute("rel", "noopener");
            }
        }
    }
}

/// Marks each link of a rendered body with the full address it leads to
/// (`data-print-href`), which the print stylesheet writes after the link:
/// on paper, `../vpn-will-not-connect/` is no use. Relative links are
/// resolved against `article_url`, the article's canonical address.
/// In-page links and links whose text is already the address get none.
pub fn mark_print_targets(body: &web_sys::Element, article_url: &str) {
    for link in elements(body, "a[href]") {
        let _ = link.remove_attribute("data-print-href");
        let href = link.get_attribute("href").unwrap_or_default();
        if href.starts_with('#') {
            continue;
        }
        let Ok(url) = web_sys::Url::new_with_base(&href, article_url) else {
            continue;
        };
        let full = url.href();
        let text = link.text_content().unwrap_or_default();
        let printable = full.starts_with("http:") || full.starts_with("https:");
        if printable && text.trim() != full && text.trim() != href {
            let _ = link.set_attribute("data-print-href", &full);
        }
    }
}

/// Sections of a rendered body: text under each h2/h3 (and the intro). The
/// HTML is parsed as an inert document, so nothing in it loads or runs.
pub fn sections_of(html: &str) -> Vec<Section> {
    let mut sections = vec![Section {
        heading_id: None,
        heading: String::new(),
        text: String::new(),
    }];
    let Ok(parser) = web_sys::DomParser::new() else {
        return sections;
    };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return sections;
    };
    let Some(body) = doc.body() else {
        return sections;
    };
    let children = body.children();
    for i in 0..children.length() {
        let Some(element) = children.item(i) else {
            continue;
        };
        let tag = element.tag_name();
        let text = element.text_content().unwrap_or_default();
        if matches!(tag.as_str(), "H2" | "H3") {
            sections.push(Section {
                heading_id: Some(element.id()).filter(|id| !id.is_empty()),
                heading: text.trim().to_string(),
                text: String::new(),
            });
        } else if let Some(current) = sections.last_mut() {
            if !current.text.is_empty() {
                current.text.push(' ');
            }
            current
                .text
                .push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    sections.retain(|s| !s.text.is_empty());
    sections
}
