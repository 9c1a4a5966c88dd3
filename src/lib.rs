//! The Lantern web app (Leptos, client-side rendered). Effects stay at the
//! edges: `site` fetches data, `dom` touches the page; components read
//! plain structs from `lantern-core`.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod dom;
pub mod early_search;
pub mod filter_collapse;
pub mod pages;
pub mod results_more;
pub mod search_box;
pub mod search_filters;
pub mod search_panel;
pub mod search_status;
pub mod search_ui_dom;
pub mod site;
pub mod snippets;
pub mod ticket;

use leptos::prelude::*;

/// Mounts the app, replacing the pre-rendered page (kept for readers
/// without JavaScript, for link previews, and for the seconds before the
/// app starts on a slow connection). `ticket_page` is what `/ticket` shows:
/// the form in the ticket page's bundle, a full page load in the main one.
pub fn start(ticket_page: app::PageView) {
    console_error_panic_hook::set_once();
    dom::mark("app-start");
    let doc = document();
    if let Some(prerendered) = doc.get_element_by_id("lantern-prerender") {
        // The pre-rendered home page has a search box: what was typed into
        // it becomes the page's `?q=`, which the app's own box starts with.
        early_search::hand_over_query();
        prerendered.remove();
    }
    // Page-relative addresses would resolve against each new URL the
    // router pushes; pin the icon (the one asset loaded lazily) to where
    // it really is.
    if let Ok(Some(icon)) = doc.query_selector("link[rel=icon]") {
        if let Some(href) = js_sys::Reflect::get(&icon, &"href".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            let _ = icon.set_attribute("href", &href);
        }
    }
    mount_to_body(move || view! { <app::App ticket_page/> });
}
