//! The home page's search box before the article index has arrived: the
//! user can start typing at once, and what they typed is handed to the real
//! search box, as the page's `?q=`, when the index is in.
//!
//! Everything shown comes from the page itself (its title and description,
//! written by `lantern build`), so the layout does not jump when the real
//! page replaces it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{HOME_PLACEHOLDER, INPUT_ID};
use crate::urls;
use crate::web::dom;

#[component]
pub fn EarlySearch(root: &'static str) -> impl IntoView {
    let name = dom::title();
    let tagline = dom::meta_content("description").unwrap_or_default();
    let home = urls::home(root);
    // A shared results link shows its query from the start.
    let shared_query = web_sys::Url::new(&window().location().href().unwrap_or_default())
        .ok()
        .and_then(|url| url.search_params().get("q"))
        .unwrap_or_default();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Focused when the page is next drawn, not at once: when the index is
    // already in, the real page replaces this one before that, and focusing
    // here would have the browser lay out a page no one sees.
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            request_animation_frame(move || {
                if input.is_connected() {
                    let _ = input.focus();
                }
            });
        }
    });
    view! {
        <header class="site-header">
            <a class="brand" href=home>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {name.clone()}
            </a>
        </header>
        <main id="main" tabindex="-1">
            <section class="hero">
                <h1>{name}</h1>
                <p class="tagline">{tagline}</p>
                <div class="search" role="search" aria-label="Search help articles">
                    <label class="visually-hidden" for=INPUT_ID>"Search help articles"</label>
                    <input
                        id=INPUT_ID
                        node_ref=input_ref
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=HOME_PLACEHOLDER
                        aria-describedby="early-search-status"
                        prop:value=shared_query
                    />
                    <p id="early-search-status" class="loading" aria-busy="true">"Loading articles…"</p>
                </div>
            </section>
        </main>
    }
}

/// What was typed into the early box, moved into the address bar so the
/// home page starts with it. Call while the early box is still on the page.
pub fn hand_over_query() {
    let Some(input) = document()
        .get_element_by_id(INPUT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let typed = input.value();
    if typed.is_empty() {
        return;
    }
    let Ok(url) = web_sys::Url::new(&window().location().href().unwrap_or_default()) else {
        return;
    };
    url.search_params().set("q", &typed);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
