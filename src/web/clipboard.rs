//! The clipboard: copying a link or a code block, with the fallbacks a
//! help center on a plain-http intranet address needs.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::announcer::{use_announcer, Announcer};

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
