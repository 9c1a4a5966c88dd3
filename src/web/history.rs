//! The current history entry's own state: numbers a page keeps in it
//! (how far down, how many results) so that back and forward, which draw
//! the page again, can return to them. A new visit to the same address is
//! a new entry, and starts without them.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Keeps these numbers in the current entry (replacing its state, not its
/// address).
pub fn keep_numbers(numbers: &[(&str, f64)]) {
    let state = js_sys::Object::new();
    for (key, value) in numbers {
        let _ = js_sys::Reflect::set(&state, &(*key).into(), &(*value).into());
    }
    let window = window();
    if let (Ok(history), Ok(href)) = (window.history(), window.location().href()) {
        let _ = history.replace_state_with_url(&state, "", Some(&href));
    }
}

/// A number kept in the current entry: finite and not negative.
pub fn kept_number(key: &str) -> Option<f64> {
    let state = window().history().ok()?.state().ok()?;
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(&state, &JsValue::from_str(key))
        .ok()?
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
}
