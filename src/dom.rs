//! Effects on the page outside Leptos' own rendering: clipboard, focus,
//! scrolling, and the copy buttons added to a rendered article body.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A polite live region's text: what a copy button just did, shown as a
/// toast and read out by screen readers.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(&self, message: impl Into<String>) {
        let signal = self.0;
        let message = message.into();
        signal.set(message.clone());
        set_timeout(
            move || {
                if signal.get_untracked() == message {
                    signal.set(String::new());
                }
            },
            Duration::from_secs(4),
        );
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

/// Copies text and says so; if the browser refuses (no permission, not a
/// secure context), says that instead of failing silently.
pub fn copy_to_clipboard(text: String, done: &'static str) {
    let announcer = use_announcer();
    leptos::task::spawn_local(async move {
        let clipboard = window().navigator().clipboard();
        let result = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        match result {
            Ok(_) => announcer.say(done),
            Err(_) => announcer.say("Could not copy: your browser blocked the clipboard. Select the text and copy it instead."),
        }
    });
}

/// A User Timing mark (`lantern:NAME`), so the load can be timed in any
/// browser's performance panel and by `scripts/bench-browser.sh`.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(&format!("lantern:{name}"));
    }
}

pub fn focus_search() {
    let doc = document();
    let input = doc
        .get_element_by_id("search-input")
        .or_else(|| doc.get_element_by_id("header-search-input"));
    if let Some(input) = input.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// Scrolls to the element named by the URL fragment, once it exists.
pub fn scroll_to_hash() {
    let Ok(hash) = window().location().hash() else {
        return;
    };
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    let id = js_sys::decode_uri_component(id)
        .map(String::from)
        .unwrap_or_else(|_| id.to_string());
    if let Some(element) = document().get_element_by_id(&id) {
        // The body arrives asynchronously: if the user has meanwhile put
        // the focus somewhere (typing in the header search, say), neither
        // jump nor take the focus away.
        if user_is_busy() {
            return;
        }
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            // Move keyboard focus too, so Tab continues from the section.
            let _ = element.set_attribute("tabindex", "-1");
            let _ = element.focus();
        }
    }
}

/// An element the user types into.
pub fn is_text_entry(el: &web_sys::Element) -> bool {
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
}

/// Focus is in a form control the user is working with.
fn user_is_busy() -> bool {
    document()
        .active_element()
        .is_some_and(|el| is_text_entry(&el))
}

/// One entry of an article's table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    pub level: u8,
}

/// Adds a "copy link" button to each linkable heading and a "copy" button to
/// each code block of a rendered article body, and returns the headings for
/// the table of contents. The buttons carry data attributes; one click
/// handler on the body (see the article page) acts on them, so no closure is
/// leaked per button.
pub fn enhance_article_body(body: &web_sys::Element) -> Vec<TocEntry> {
    let doc = document();
    let mut toc = Vec::new();
    if let Ok(headings) = body.query_selector_all("h2[id], h3[id]") {
        for i in 0..headings.length() {
            let Some(heading) = headings
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let id = heading.id();
            let text = heading.text_content().unwrap_or_default();
            toc.push(TocEntry {
                id: id.clone(),
                text: text.clone(),
                level: if heading.tag_name().eq_ignore_ascii_case("h3") {
                    3
                } else {
                    2
                },
            });
            if let Ok(button) = doc.create_element("button") {
                let _ = button.set_attribute("type", "button");
                let _ = button.set_attribute("class", "heading-link");
                let _ = button.set_attribute("data-copy-heading", &id);
                let _ =
                    button.set_attribute("aria-label", &format!("Copy link to section: {text}"));
                let _ = button.set_attribute("title", "Copy link to this section");
                button.set_text_content(Some("#"));
                let _ = heading.append_child(&button);
            }
        }
    }
    if let Ok(blocks) = body.query_selector_all("pre") {
        for i in 0..blocks.length() {
            let Some(pre) = blocks
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if let Ok(button) = doc.create_element("button") {
                let _ = button.set_attribute("type", "button");
                let _ = button.set_attribute("class", "code-copy");
                let _ = button.set_attribute("data-copy-code", "");
                let _ = button.set_attribute("aria-label", "Copy code");
                button.set_text_content(Some("Copy"));
                let _ = pre.append_child(&button);
            }
        }
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
        let Ok(nodes) = body.query_selector_all(selector) else {
            continue;
        };
        for i in 0..nodes.length() {
            let Some(element) = nodes
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
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
