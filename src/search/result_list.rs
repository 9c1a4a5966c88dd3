//! The listbox of results: each a title, category and summary with the
//! matched words marked, and (in the big box) the passage that matched.

use lantern_core::events::How;
use leptos::prelude::*;

use super::box_state::SearchBoxState;
use super::results::{segments, ResultRow};

#[component]
pub fn ResultList(state: SearchBoxState) -> impl IntoView {
    view! {
        <ul id=state.combobox.listbox_id role="listbox" aria-label="Search results" class="results">
            <For
                each=move || state.ranked.shown.get().into_iter().enumerate()
                key=|(i, row)| (*i, row.slug.clone(), row.title.clone(), row.summary.clone())
                let((i, row))
            >
                <ResultItem state=state i=i row=row/>
            </For>
        </ul>
    }
}

#[component]
fn ResultItem(state: SearchBoxState, i: usize, row: ResultRow) -> impl IntoView {
    let active = state.combobox.active;
    let is_active = move || active.get() == Some(i);
    let clicked = row.clone();
    let snippet_row = row.clone();
    view! {
        <li
            id=state.combobox.option_id(i)
            role="option"
            class="result"
            class:active=is_active
            aria-selected=move || if is_active() { "true" } else { "false" }
            on:click=move |_| state.open_row(&clicked, How::Click)
            on:mousemove=move |_| active.set(Some(i))
        >
            <span class="result-title">{segments(row.title)}</span>
            <span class="result-category">{row.category}</span>
            <span class="result-summary">{segments(row.summary)}</span>
            {move || state.passage_of(&snippet_row).map(|p| view! {
                <span class="result-snippet">
                    {(!p.heading.is_empty()).then(|| view! { <span class="result-section">{p.heading.clone()}</span> })}
                    <span class="result-passage">{segments(p.segments)}</span>
                </span>
            })}
        </li>
    }
}
