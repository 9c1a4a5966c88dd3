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

/// Copies text and says so. Where the Clipboard API is missing (a plain
/// http intranet address is not a secure context) or refuses, copies the
/// way browsers did before it, through a selection; if that fails too,
/// shows the text selected in a small box to copy by hand.
pub fn copy_to_clipboard(text: String, done: &'static str) {
    let announcer = use_announcer();
    let Some(clipboard) = async_clipboard() else {
        // Synchronously, while the click still counts as the user's.
        finish_copy(copy_by_selection(&text), &text, done, announcer);
        return;
    };
    leptos::task::spawn_local(async move {
        let promise = clipboard.write_text(&text);
        let copied =
            wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() || copy_by_selection(&text);
        finish_copy(copied, &text, done, announcer);
    });
}

fn finish_copy(copied: bool, text: &str, done: &'static str, announcer: Announcer) {
    if copied {
        announcer.say(done);
    } else {
        show_for_manual_copy(text);
        announcer.say(
            "Could not copy automatically: the text is selected in a box, copy it from there.",
        );
    }
}

/// `navigator.clipboard`, when this page may use it.
fn async_clipboard() -> Option<web_sys::Clipboard> {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
    write.is_function().then(|| clipboard.unchecked_into())
}

/// The pre-Clipboard-API copy: select the text in a hidden text area and
/// ask for `execCommand("copy")`. Gives the focus back afterwards.
fn copy_by_selection(text: &str) -> bool {
    let doc = document();
    let (Some(body), Ok(area)) = (doc.body(), doc.create_element("textarea")) else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute(
        "style",
        "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none",
    );
    let before = doc.active_element();
    if body.append_child(&area).is_err() {
        return false;
    }
    let _ = area.focus();
    area.select();
    let copied = exec_command(&doc, "copy");
    area.remove();
    if let Some(element) = before.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
    copied
}

/// `document.execCommand(name)`, false when missing, refused or throwing.
fn exec_command(doc: &web_sys::Document, name: &str) -> bool {
    js_sys::Reflect::get(doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(doc, &name.into()).ok())
        .and_then(|r| r.as_bool())
        .unwrap_or(false)
}

/// A small modal box with the text selected, for copying by hand. Built
/// from text nodes and a text area's value: nothing is parsed as HTML.
/// Its button closes it (a `method=dialog` form: no script involved).
fn show_for_manual_copy(text: &str) {
    const ID: &str = "lantern-manual-copy";
    let doc = document();
    if let Some(old) = doc.get_element_by_id(ID) {
        old.remove();
    }
    let element = |tag: &str, content: Option<&str>| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(content);
        Some(el)
    };
    let build = || -> Option<(web_sys::Element, web_sys::HtmlTextAreaElement)> {
        let dialog = element("dialog", None)?;
        dialog.set_id(ID);
        dialog.set_class_name("manual-copy");
        dialog
            .set_attribute("aria-labelledby", "lantern-manual-copy-title")
            .ok()?;
        let title = element("h2", Some("Copy this text"))?;
        title.set_id("lantern-manual-copy-title");
        let hint = element(
            "p",
            Some("Your browser did not let this page copy it. The text below is selected: press Ctrl+C (⌘C on a Mac) to copy it."),
        )?;
        let area: web_sys::HtmlTextAreaElement = element("textarea", None)?.unchecked_into();
        area.set_read_only(true);
        area.set_rows(4);
        area.set_value(text);
        let _ = area.set_attribute("aria-label", "Text to copy");
        let form = element("form", None)?;
        form.set_attribute("method", "dialog").ok()?;
        let close = element("button", Some("Done"))?;
        form.append_child(&close).ok()?;
        for child in [&title, &hint, area.as_ref(), &form] {
            dialog.append_child(child).ok()?;
        }
        doc.body()?.append_child(&dialog).ok()?;
        Some((dialog, area))
    };
    let Some((dialog, area)) = build() else {
        return;
    };
    if let Ok(show) = js_sys::Reflect::get(&dialog, &"showModal".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = show.call0(&dialog);
    }
    let _ = area.focus();
    area.select();
}

/// A User Timing mark (`lantern:NAME`), so the load can be timed in any
/// browser's performance panel and by `scripts/bench-browser.sh`.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(&format!("lantern:{name}"));
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

/// Marks each link of a rendered body with the full address it leads to
/// (`data-print-href`), which the print stylesheet writes after the link:
/// on paper, `../vpn-will-not-connect/` is no use. Relative links are
/// resolved against `article_url`, the article's canonical address.
/// In-page links and links whose text is already the address get none.
pub fn mark_print_targets(body: &web_sys::Element, article_url: &str) {
    let Ok(links) = body.query_selector_all("a[href]") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
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
