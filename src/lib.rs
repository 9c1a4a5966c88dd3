//! The Lantern web app (Leptos, client-side rendered). Effects stay at the
//! edges: `site` fetches data, `dom` touches the page; components read
//! plain structs from `lantern-core`.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod dom;
pub mod pages;
pub mod search_box;
pub mod site;

use leptos::prelude::*;

/// Mounts the app, replacing the pre-rendered article (kept in the page for
/// readers without JavaScript and for link previews).
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(prerendered) = document().get_element_by_id("lantern-prerender") {
        prerendered.remove();
    }
    mount_to_body(app::App);
}
