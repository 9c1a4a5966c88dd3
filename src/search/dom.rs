//! Page effects for the search box and its results (apart from `crate::dom`):
//! keeping the active option in view, telling whether the focus left the
//! box, and the results page's place across back and forward.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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

/// Whether the focus, leaving something in `container`, goes to another
/// element inside it (`relatedTarget`; none when it goes to the page).
pub fn focus_stays_in(container: &web_sys::Element, event: &web_sys::FocusEvent) -> bool {
    event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| container.contains(Some(&node)))
}

/// Focuses an element by id (the search input); false if there is none.
pub fn focus_by_id(id: &str) -> bool {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|e| e.focus().is_ok())
}

/// Puts the caret after the text in the box (handed over from the early
/// box, or a shared `?q=`), so typing goes on where the user left off.
pub fn caret_to_end(input: &web_sys::HtmlInputElement) {
    let end = input.value().encode_utf16().count() as u32;
    let _ = input.set_selection_range(end, end);
}

const SCROLL_KEY: &str = "lanternResultsScroll";
const SHOWN_KEY: &str = "lanternResultsShown";

/// Where the user was on a results page: how far down, and how many
/// results were shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResultsPlace {
    pub scroll_y: f64,
    pub shown: usize,
}

/// Remembers the results page's place in its own history entry, so back
/// and forward (which re-create the page) can return to it. A new visit
/// to the same address is a new entry, and starts at the top.
pub fn remember_results_place(shown: usize) {
    let window = window();
    let state = js_sys::Object::new();
    let y = window.scroll_y().unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&state, &SCROLL_KEY.into(), &y.into());
    let _ = js_sys::Reflect::set(&state, &SHOWN_KEY.into(), &(shown as f64).into());
    if let (Ok(history), Ok(href)) = (window.history(), window.location().href()) {
        let _ = history.replace_state_with_url(&state, "", Some(&href));
    }
}

/// The place remembered in the current history entry, if any.
pub fn remembered_results_place() -> Option<ResultsPlace> {
    let state = window().history().ok()?.state().ok()?;
    if !state.is_object() {
        return None;
    }
    let number = |key: &str| {
        js_sys::Reflect::get(&state, &JsValue::from_str(key))
            .ok()?
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    Some(ResultsPlace {
        scroll_y: number(SCROLL_KEY)?,
        shown: number(SHOWN_KEY)?.min(10_000.0) as usize,
    })
}

/// Scrolls the window to `y`, once the page is laid out: a frame later,
/// after the filter chips have folded (scrolling first, the fold would
/// pull the page up under the restored position).
pub fn scroll_window_to(y: f64) {
    request_animation_frame(move || {
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y))
    });
}
