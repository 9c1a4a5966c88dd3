//! The home page's search box before the article index has arrived: the
//! user can start typing at once (into the box `lantern build` prerendered,
//! then into this one), and what they typed is handed to the real search
//! box when the index is in.
//!
//! Everything shown comes from the page itself (its title and description,
//! written by `lantern build`), so the layout does not jump when the real
//! page replaces it.

use leptos::prelude::*;

use super::url_state::use_search_url;
use super::{HOME_PLACEHOLDER, INPUT_ID};
use crate::urls;
use crate::web::dom;

/// What was typed before the real box was there (empty if nothing).
#[derive(Clone, Copy)]
pub struct EarlyText(RwSignal<String>);

/// Starts the hand-over with what was typed into the prerendered box.
pub fn provide_early_text(typed: String) {
    provide_context(EarlyText(RwSignal::new(typed)));
}

/// The text typed before the real box was there, once: the home page's
/// box starts with it.
pub fn take_early_text() -> Option<String> {
    let EarlyText(text) = use_context::<EarlyText>()?;
    let typed = text.try_update_untracked(std::mem::take)?;
    (!typed.is_empty()).then_some(typed)
}

/// What was typed into the prerendered home page, before the app started
/// (call before it is removed).
pub fn typed_into_prerendered_box() -> String {
    dom::input_value(INPUT_ID).unwrap_or_default()
}

#[component]
pub fn EarlySearch(root: &'static str) -> impl IntoView {
    let name = dom::title();
    let tagline = dom::meta_content("description").unwrap_or_default();
    let typed = use_context::<EarlyText>().map(|EarlyText(text)| text);
    // A shared results link shows its query from the start.
    let shown = typed
        .map(|t| t.get_untracked())
        .filter(|t| !t.is_empty())
        .or_else(|| use_search_url(root).get_untracked().map(|p| p.query))
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
    let on_input = move |event| {
        if let Some(typed) = typed {
            typed.set(event_target_value(&event));
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href=urls::home(root)>
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
                        prop:value=shown
                        on:input=on_input
                    />
                    <p id="early-search-status" class="loading" aria-busy="true">"Loading articles…"</p>
                </div>
            </section>
        </main>
    }
}
