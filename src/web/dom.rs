//! The page itself: finding, focusing and scrolling elements, the
//! address, the page's own meta tags and title, User Timing marks. The
//! rest of the app asks these small functions instead of calling
//! `web_sys` itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn html_element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// The HTML elements under `root` matching a CSS selector.
pub fn html_elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(nodes) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses an element by id; false if there is none.
pub fn focus_by_id(id: &str) -> bool {
    html_element_by_id(id).is_some_and(|e| e.focus().is_ok())
}

/// Whether an element has the keyboard focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    document().active_element().is_some_and(|f| f == *element)
}

/// The element an event happened in, or the nearest one around it that
/// matches a CSS selector.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target.closest(selector).ok().flatten()
}

/// Whether the keyboard focus is nowhere: on the page body, or on an
/// element that has just been removed.
pub fn focus_is_lost() -> bool {
    let doc = document();
    doc.active_element()
        .is_none_or(|el| doc.body().is_some_and(|b| *b == el) || !el.is_connected())
}

/// The value of the input with this id, if there is one.
pub fn input_value(id: &str) -> Option<String> {
    let input = document().get_element_by_id(id)?;
    Some(input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Removes the element with this id; false if there is none.
pub fn remove_by_id(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .map(|element| element.remove())
        .is_some()
}

/// Puts the caret after the text in an input, so typing goes on where
/// the user left off.
pub fn caret_to_end(input: &web_sys::HtmlInputElement) {
    let end = input.value().encode_utf16().count() as u32;
    let _ = input.set_selection_range(end, end);
}

/// Whether the focus, leaving something in `container`, goes to another
/// element inside it (`relatedTarget`; none when it goes to the page).
pub fn focus_stays_in(container: &web_sys::Element, event: &web_sys::FocusEvent) -> bool {
    event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| container.contains(Some(&node)))
}

/// Whether an event happened in something the user types into.
pub fn in_text_entry(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| is_text_entry(&el))
}

/// An element the user types into.
fn is_text_entry(el: &web_sys::Element) -> bool {
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
}

/// Focus is in a form control the user is working with.
fn user_is_busy() -> bool {
    document()
        .active_element()
        .is_some_and(|el| is_text_entry(&el))
}

/// Scrolls the element with this id into view, no further than needed:
/// the window, and any scroll box around it (the header dropdown).
pub fn scroll_into_view_nearest(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// How far down the page the window is scrolled.
pub fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// Scrolls the window to `y`, once the page is laid out: a frame later,
/// after the filter chips have folded (scrolling first, the fold would
/// pull the page up under the restored position).
pub fn scroll_window_to(y: f64) {
    request_animation_frame(move || {
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y))
    });
}

/// Scrolls to the element named by the URL fragment, once it exists.
pub fn scroll_to_hash() {
    let hash = current_hash();
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

/// Whether a media query matches (true where media queries are missing).
pub fn media_matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_none_or(|list| list.matches())
}

/// The address bar's path (`/help/a/vpn/`).
pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The address bar's fragment, with its `#` (empty without one).
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's origin (`https://help.example.org`).
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The absolute path of an address relative to this page (`../../` on an
/// article page names the site root).
pub fn resolved_path(relative: &str) -> Option<String> {
    let href = window().location().href().ok()?;
    web_sys::Url::new_with_base(relative, &href)
        .ok()
        .map(|u| u.pathname())
}

/// The content of a `<meta name=…>` tag `lantern build` wrote.
pub fn meta_content(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name={name}]"))
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// The browser tab's title.
pub fn title() -> String {
    document().title()
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Page-relative addresses would resolve against each new URL the router
/// pushes; pins the icon (the one asset loaded lazily) to where it is.
pub fn pin_icon() {
    if let Ok(Some(icon)) = document().query_selector("link[rel=icon]") {
        if let Some(href) = js_sys::Reflect::get(&icon, &"href".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            let _ = icon.set_attribute("href", &href);
        }
    }
}

/// A User Timing mark (`lantern:NAME`), so the load can be timed in any
/// browser's performance panel and by `scripts/bench-browser.sh`.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(&format!("lantern:{name}"));
    }
}
