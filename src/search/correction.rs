//! The line above the results when the search corrected typos, as web
//! search engines word it: "Showing results for **printer queue**", the
//! typed words one click away ("Search instead for *pirnter qeueu*"); and
//! once the user took them as typed, "Did you mean **printer queue**?" to
//! go back. The live region (the status line) says the same with the
//! count; this line is for the eyes and the click.
//!
//! The words, typed or corrected, are text nodes: never markup.

use leptos::prelude::*;

use super::box_state::SearchBoxState;
use super::status::short_query;

#[component]
pub fn CorrectionLine(state: SearchBoxState) -> impl IntoView {
    let ranked = state.ranked;
    let typed = move || short_query(&state.query.read());
    let did_you_mean = move || {
        ranked
            .exact
            .get()
            .then(|| ranked.correction.get())
            .flatten()
    };
    view! {
        {move || ranked.corrected().map(|c| view! {
            <p class="correction">
                <span>"Showing results for " <strong>{c.text}</strong></span>
                " "
                <span>
                    "Search instead for "
                    <button type="button" class="link-button" on:click=move |_| state.set_exact(true)>
                        <em>{typed()}</em>
                    </button>
                </span>
            </p>
        })}
        {move || did_you_mean().map(|c| view! {
            <p class="correction">
                "Did you mean "
                <button type="button" class="link-button" on:click=move |_| state.set_exact(false)>
                    <strong>{c.text}</strong>
                </button>
                "?"
            </p>
        })}
    }
}
