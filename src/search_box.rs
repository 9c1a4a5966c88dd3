//! The search box: a WAI-ARIA combobox with a listbox of results, ranked by
//! the engine in `lantern-core` as the user types.

use std::collections::HashSet;

use lantern_core::search::{highlight, Segment};
use lantern_core::SearchOptions;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::site::{use_site, Site};

const MAX_RESULTS: usize = 10;

#[derive(Clone, PartialEq)]
pub struct ResultRow {
    pub slug: String,
    pub title: Vec<Segment>,
    pub summary: Vec<Segment>,
    pub category: String,
}

/// Ranks articles for `query`; plain data so it can be tested and reused.
pub fn search_rows(site: &Site, query: &str, limit: usize) -> Vec<ResultRow> {
    let catalog = &site.catalog;
    catalog
        .index
        .search(
            query,
            &SearchOptions {
                limit,
                prefix_last: true,
            },
            |_| true,
        )
        .into_iter()
        .filter_map(|hit| {
            let article = catalog.articles.get(hit.doc)?;
            let terms: &HashSet<String> = &hit.matched_terms;
            Some(ResultRow {
                slug: article.slug.clone(),
                title: highlight(&article.title, terms),
                summary: highlight(&article.summary, terms),
                category: site.category_name(&article.category),
            })
        })
        .collect()
}

pub fn segments(parts: Vec<Segment>) -> impl IntoView {
    parts
        .into_iter()
        .map(|s| {
            if s.matched {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

/// Replaces `?q=` in the address bar without a navigation, so the results
/// page can be shared and reload keeps the query.
fn write_query_to_url(query: &str) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let url = if query.trim().is_empty() {
        path
    } else {
        format!(
            "{path}?q={}",
            String::from(js_sys::encode_uri_component(query))
        )
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[component]
pub fn SearchBox(
    /// The query, owned by the page so it can react to it.
    query: RwSignal<String>,
    /// A smaller box for the page header.
    #[prop(optional)]
    compact: bool,
    /// Keep `?q=` in the address bar in step with the query.
    #[prop(optional)]
    sync_url: bool,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let site = use_site();
    let navigate = use_navigate();
    let search_site = site.clone();
    let results = Memo::new(move |_| search_rows(&search_site, &query.read(), MAX_RESULTS));
    let active = RwSignal::new(None::<usize>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let listbox_id = if compact {
        "header-search-results"
    } else {
        "search-results"
    };
    let input_id = if compact {
        "header-search-input"
    } else {
        "search-input"
    };

    let visit_root = site.root.clone();
    Effect::new(move |_| {
        // What the user searched goes with a ticket, if they file one.
        query.with(|q| crate::ticket::visit::record_query(&visit_root, q));
        active.set(None);
    });
    let contact_site = site.clone();
    let contact_href = move || crate::ticket::ticket_href(&contact_site, &query.read());
    let still_stuck_href = contact_href.clone();
    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
            }
        });
    }

    let open = {
        let navigate = navigate.clone();
        move |slug: &str| {
            navigate(&format!("/a/{slug}/"), NavigateOptions::default());
        }
    };
    let open_for_keys = open.clone();
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let count = results.with(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                let pick = active.get_untracked().unwrap_or(0);
                if let Some(row) = results.with_untracked(|r| r.get(pick).cloned()) {
                    event.prevent_default();
                    open_for_keys(&row.slug);
                }
            }
            "Escape" => {
                event.prevent_default();
                if query.get_untracked().is_empty() {
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.blur();
                    }
                } else {
                    query.set(String::new());
                    if sync_url {
                        write_query_to_url("");
                    }
                }
            }
            _ => {}
        }
    };

    let status = move || {
        let q = query.read();
        let q = q.trim();
        let n = results.with(Vec::len);
        match (q.is_empty(), n) {
            (true, _) => String::new(),
            (false, 0) => format!("No articles match “{q}”."),
            (false, 1) => format!("1 article matches “{q}”."),
            (false, n) if n >= MAX_RESULTS => format!("Top {n} articles for “{q}”."),
            (false, n) => format!("{n} articles match “{q}”."),
        }
    };
    let expanded = move || !query.read().trim().is_empty();
    let option_id = move |i: usize| format!("{listbox_id}-{i}");

    view! {
        <div class="search" class:compact=compact role="search" aria-label=if compact { "Site search" } else { "Search help articles" }>
            <label class="visually-hidden" for=input_id>"Search help articles"</label>
            <input
                id=input_id
                node_ref=input_ref
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder=if compact { "Search help…" } else { "Describe your problem, e.g. “outlook keeps asking for password”" }
                aria-autocomplete="list"
                aria-controls=listbox_id
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=move |event| {
                    let value = event_target_value(&event);
                    if sync_url {
                        write_query_to_url(&value);
                    }
                    query.set(value);
                }
                on:keydown=on_keydown
            />
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <ul id=listbox_id role="listbox" aria-label="Search results" class="results" hidden=move || !expanded()>
                <For
                    each=move || results.get().into_iter().enumerate()
                    key=|(i, row)| (*i, row.slug.clone(), row.title.clone(), row.summary.clone())
                    let((i, row))
                >
                    {
                        let open = open.clone();
                        let slug = row.slug.clone();
                        view! {
                            <li
                                id=option_id(i)
                                role="option"
                                class="result"
                                class:active=move || active.get() == Some(i)
                                aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                on:click=move |_| open(&slug)
                                on:mousemove=move |_| active.set(Some(i))
                            >
                                <span class="result-title">{segments(row.title)}</span>
                                <span class="result-category">{row.category}</span>
                                <span class="result-summary">{segments(row.summary)}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || expanded() && results.with(Vec::is_empty)>
                <div class="no-results">
                    <p>"Try fewer words, another spelling, or the exact error message."</p>
                    <p>
                        <a class="button primary contact-support" href=contact_href.clone()>"Contact support"</a>
                        " Your search is carried over, so you do not have to type it again."
                    </p>
                </div>
            </Show>
            <Show when=move || expanded() && !results.with(Vec::is_empty)>
                <p class="still-stuck">"Still stuck? " <a class="contact-support" href=still_stuck_href.clone()>"Contact support"</a></p>
            </Show>
        </div>
    }
}
