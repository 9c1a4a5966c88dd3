//! The rows of filter chips above the home page's results: a category
//! row ("All" and each category with matches) and a tag row, counted in
//! the unfiltered pool (see `filters`), folded to one row by
//! `filter_collapse`.

use leptos::prelude::*;

use super::filter_collapse::{keep_folded, FiltersToggle, BAR_ID};
use super::filters::{category_facets, count, tag_facets, Facet, Match, SearchFilters, POOL_LIMIT};
use super::status::count_label;
use crate::site::use_site;
use crate::web::dom::{focus_by_id, focus_is_lost};

/// What every chip needs: the filters it toggles, the pool it counts in.
#[derive(Clone, Copy)]
struct Chips {
    filters: SearchFilters,
    pool: Memo<Vec<Match>>,
    on_change: Callback<()>,
    input_id: &'static str,
}

impl Chips {
    /// A chip's count: a lower bound ("200+") when the pool was full.
    fn label(&self, n: usize) -> String {
        count_label(n, self.pool.with(|p| p.len() >= POOL_LIMIT))
    }

    fn set(&self, filter: RwSignal<Option<String>>, value: Option<String>) {
        filter.set(value);
        self.on_change.run(());
        // A chip that lost its place (a removed tag that is no longer
        // listed) would drop keyboard focus on the page body; give it
        // back to the box.
        let input_id = self.input_id;
        request_animation_frame(move || {
            if focus_is_lost() {
                focus_by_id(input_id);
            }
        });
    }
}

fn pressed_attr(pressed: bool) -> &'static str {
    if pressed {
        "true"
    } else {
        "false"
    }
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
    let chips = Chips {
        filters,
        pool,
        on_change,
        input_id,
    };
    let order: Vec<String> = use_site()
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
    let unfolded = RwSignal::new(false);
    let bar = NodeRef::<leptos::html::Div>::new();
    keep_folded(bar, unfolded, move || {
        categories.track();
        tags.track();
        all_count.track();
    });
    let all_pressed = move || pressed_attr(filters.category.read().is_none());
    view! {
        <div class="search-filters" id=BAR_ID node_ref=bar class:collapsed=move || !unfolded.get()>
            <div class="filter-group" role="group" aria-labelledby="filter-category-label">
                <span class="filter-label" id="filter-category-label">"Category"</span>
                <button type="button" class="chip" aria-pressed=all_pressed on:click=move |_| chips.set(filters.category, None)>
                    "All"
                    <span class="chip-count">{move || chips.label(all_count.get())}</span>
                </button>
                <For each=move || categories.get() key=|f| (f.id.clone(), f.count) let(facet)>
                    <CategoryChip chips=chips facet=facet/>
                </For>
            </div>
            <Show when=move || tags.with(|t| !t.is_empty())>
                <div class="filter-group" role="group" aria-labelledby="filter-tag-label">
                    <span class="filter-label" id="filter-tag-label">"Tag"</span>
                    <For each=move || tags.get() key=|f| (f.id.clone(), f.count) let(facet)>
                        <TagChip chips=chips facet=facet/>
                    </For>
                </div>
            </Show>
            <FiltersToggle unfolded=unfolded/>
        </div>
    }
}

/// A category: pressed, it toggles back to all.
#[component]
fn CategoryChip(chips: Chips, facet: Facet) -> impl IntoView {
    let category = chips.filters.category;
    let name = use_site().category_name(&facet.id);
    let id = StoredValue::new(facet.id);
    let pressed = move || category.read().as_deref() == Some(id.read_value().as_str());
    view! {
        <button
            type="button"
            class="chip"
            aria-pressed=move || pressed_attr(pressed())
            on:click=move |_| chips.set(category, (!pressed()).then(|| id.get_value()))
        >
            {name}
            <span class="chip-count">{move || chips.label(facet.count)}</span>
        </button>
    }
}

/// A tag: pressed, it shows a × and removes the tag filter.
#[component]
fn TagChip(chips: Chips, facet: Facet) -> impl IntoView {
    let tag = chips.filters.tag;
    let id = StoredValue::new(facet.id);
    let pressed = move || {
        tag.read()
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(&id.read_value()))
    };
    view! {
        <button
            type="button"
            class="chip chip-tag"
            class:removable=pressed
            aria-pressed=move || pressed_attr(pressed())
            on:click=move |_| chips.set(tag, (!pressed()).then(|| id.get_value()))
        >
            {id.get_value()}
            <span class="chip-count">{move || chips.label(facet.count)}</span>
            <span class="chip-remove" aria-hidden="true">"×"</span>
        </button>
    }
}
