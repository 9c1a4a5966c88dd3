//! The rows of filter chips above the home page's results: a category
//! row ("All" and each category with matches) and a tag row, counted in
//! the unfiltered pool (see `filters`), folded to one row by
//! `filter_collapse`.

use leptos::prelude::*;

use super::filter_collapse::{keep_folded, FiltersToggle, BAR_ID};
use super::filters::{category_facets, count, tag_facets, Match, SearchFilters, POOL_LIMIT};
use super::status::count_label;
use crate::site::use_site;
use crate::web::dom::{focus_by_id, focus_is_lost};

/// A chip that lost its place (a removed tag that is no longer listed)
/// would drop keyboard focus on the page body; give it back to the box.
fn keep_focus_in_search(input_id: &'static str) {
    request_animation_frame(move || {
        if focus_is_lost() {
            focus_by_id(input_id);
        }
    });
}

/// The rows of filter chips above the results.
#[component]
pub fn FilterBar(
    filters: SearchFilters,
    /// Unfiltered matches for the current query.
    pool: Memo<Vec<Match>>,
    /// Called after a chip changed the filters (to update the URL).
    on_change: Callback<()>,
    /// The search input, which gets focus back if a chip disappears.
    input_id: &'static str,
) -> impl IntoView {
    let site = use_site();
    let order: Vec<String> = site
        .catalog
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let categories = Memo::new(move |_| {
        let tag = filters.tag.read();
        let active = filters.category.read();
        pool.with(|p| category_facets(p, tag.as_deref(), active.as_deref(), &order))
    });
    let all_count = Memo::new(move |_| {
        let tag = filters.tag.read();
        pool.with(|p| count(p, None, tag.as_deref()))
    });
    let tags = Memo::new(move |_| {
        let category = filters.category.read();
        let active = filters.tag.read();
        pool.with(|p| tag_facets(p, category.as_deref(), active.as_deref()))
    });

    // Counts are lower bounds when the pool was full.
    let full = move || pool.with(|p| p.len() >= POOL_LIMIT);
    let label = move |n: usize| count_label(n, full());
    let unfolded = RwSignal::new(false);
    let bar = NodeRef::<leptos::html::Div>::new();
    keep_folded(bar, unfolded, move || {
        categories.track();
        tags.track();
        all_count.track();
    });

    let set_category = move |id: Option<String>| {
        filters.category.set(id);
        on_change.run(());
        keep_focus_in_search(input_id);
    };
    let all_pressed = move || filters.category.read().is_none();

    view! {
        <div class="search-filters" id=BAR_ID node_ref=bar class:collapsed=move || !unfolded.get()>
            <div class="filter-group" role="group" aria-labelledby="filter-category-label">
                <span class="filter-label" id="filter-category-label">"Category"</span>
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || if all_pressed() { "true" } else { "false" }
                    on:click=move |_| set_category(None)
                >
                    "All"
                    <span class="chip-count">{move || label(all_count.get())}</span>
                </button>
                <For
                    each=move || categories.get()
                    key=|f| (f.id.clone(), f.count)
                    let(facet)
                >
                    {
                        let id = facet.id.clone();
                        let pressed_id = id.clone();
                        let pressed = move || filters.category.read().as_deref() == Some(pressed_id.as_str());
                        let pressed_attr = pressed.clone();
                        let name = site.category_name(&id);
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || if pressed_attr() { "true" } else { "false" }
                                on:click=move |_| {
                                    // A pressed category chip toggles back to all.
                                    let next = if pressed() { None } else { Some(id.clone()) };
                                    set_category(next);
                                }
                            >
                                {name}
                                <span class="chip-count">{move || label(facet.count)}</span>
                            </button>
                        }
                    }
                </For>
            </div>
            <Show when=move || tags.with(|t| !t.is_empty())>
                <div class="filter-group" role="group" aria-labelledby="filter-tag-label">
                    <span class="filter-label" id="filter-tag-label">"Tag"</span>
                    <For
                        each=move || tags.get()
                        key=|f| (f.id.clone(), f.count)
                        let(facet)
                    >
                        {
                            let id = facet.id.clone();
                            let pressed_id = id.clone();
                            let pressed = move || {
                                filters.tag.read().as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&pressed_id))
                            };
                            let pressed_attr = pressed.clone();
                            let pressed_class = pressed.clone();
                            view! {
                                <button
                                    type="button"
                                    class="chip chip-tag"
                                    class:removable=pressed_class
                                    aria-pressed=move || if pressed_attr() { "true" } else { "false" }
                                    on:click=move |_| {
                                        let next = if pressed() { None } else { Some(id.clone()) };
                                        filters.tag.set(next);
                                        on_change.run(());
                                        keep_focus_in_search(input_id);
                                    }
                                >
                                    {facet.id.clone()}
                                    <span class="chip-count">{move || label(facet.count)}</span>
                                    <span class="chip-remove" aria-hidden="true">"×"</span>
                                </button>
                            }
                        }
                    </For>
                </div>
            </Show>
            <FiltersToggle unfolded=unfolded/>
        </div>
    }
}
