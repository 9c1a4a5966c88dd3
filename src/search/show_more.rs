//! Results a page at a time: the first [`PAGE`], then "Show more" adds the
//! next ones in place (see `results::ranked_rows`, which ranks one more row
//! than shown so the page knows whether there are more).

use leptos::prelude::*;

/// Results shown at first, and added by each "Show more".
pub const PAGE: usize = 10;

/// "Show more results", while there are more. `on_more` is told whether a
/// keyboard pressed it (the focus then goes to the first new result).
#[component]
pub fn ShowMore(more: Signal<bool>, on_more: Callback<bool>) -> impl IntoView {
    view! {
        <Show when=move || more.get()>
            <button
                type="button"
                class="show-more"
                on:click=move |event: web_sys::MouseEvent| on_more.run(event.detail() == 0)
            >
                "Show more results"
            </button>
        </Show>
    }
}
