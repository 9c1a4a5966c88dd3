//! Results a page at a time: the first [`PAGE`], then "Show more" adds the
//! next ones in place. One more row than shown is ranked, so the page knows
//! whether there are more without counting them all.

use lantern_core::SearchHit;
use leptos::prelude::*;

use crate::search_box::{rows_of, search_rows, search_rows_where, ResultRow};
use crate::search_filters::{keeps, POOL_LIMIT};
use crate::site::Site;

/// Results shown at first, and added by each "Show more".
pub const PAGE: usize = 10;

/// The top `limit + 1` rows for a query (the extra one only tells whether
/// there are more). `pool` is the unfiltered search the home page counts
/// its chips in (empty for the header box, which has none); without a
/// filter its top is the answer, unless more are wanted than it holds.
pub fn ranked_rows(
    site: &Site,
    query: &str,
    pool: Option<&[SearchHit]>,
    category: Option<&str>,
    tag: Option<&str>,
    limit: usize,
) -> Vec<ResultRow> {
    let want = limit + 1;
    let Some(pool) = pool else {
        return search_rows(site, query, want);
    };
    if category.is_some() || tag.is_some() {
        let articles = &site.catalog.articles;
        return search_rows_where(site, query, want, |doc| {
            articles
                .get(doc)
                .is_some_and(|a| keeps(&a.category, &a.tags, category, tag))
        });
    }
    if want <= pool.len() || pool.len() < POOL_LIMIT {
        rows_of(site, &pool[..want.min(pool.len())])
    } else {
        search_rows(site, query, want)
    }
}

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
