//! The Lantern web app (Leptos, client-side rendered). Effects stay at the
//! edges: `web` talks to the browser, `urls` owns every address; pages
//! and the search feature are components over plain structs from
//! `lantern-core`.
#![cfg(target_arch = "wasm32")]

pub mod announcer;
pub mod app;
pub mod events;
pub mod pages;
pub mod search;
pub mod site;
pub mod ticket;
pub mod urls;
pub mod web;

use leptos::prelude::*;

/// Search folds text with the browser's Unicode decomposition and lower
/// case rather than shipping the tables (see
/// `lantern_core::text::set_host_text`).
pub fn use_browser_nfkd() {
    lantern_core::text::set_host_text(
        // `Σ` made `σ` after NFKD (which yields it from `Ϲ` and `𝚺`
        // too), so `toLowerCase`'s final-sigma rule never applies: the
        // index was folded character by character.
        |text| {
            js_sys::JsString::from(text)
                .normalize("NFKD")
                .replace_all("Σ", "σ")
                .to_lower_case()
                .into()
        },
        |text| js_sys::JsString::from(text).to_lower_case().into(),
    );
}

/// Mounts the app, replacing the pre-rendered page (kept for readers
/// without JavaScript, for link previews, and for the seconds before the
/// app starts on a slow connection). `ticket_page` is what `/ticket` shows:
/// the form in the ticket page's bundle, a full page load in the main one.
pub fn start(ticket_page: app::PageView) {
    console_error_panic_hook::set_once();
    use_browser_nfkd();
    web::dom::mark("app-start");
    // What was typed into the pre-rendered home page's box goes on in the
    // app's own box.
    let typed = search::early_search::typed_into_prerendered_box();
    web::dom::remove_by_id("lantern-prerender");
    web::dom::pin_icon();
    mount_to_body(move || view! { <app::App typed=typed ticket_page/> });
}
