//! The search box: a WAI-ARIA combobox with a listbox of results, ranked by
//! the engine in `lantern-core` as the user types.

use std::collections::HashSet;

use lantern_core::{SearchHit, SearchOptions};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::filter_bar::FilterBar;
use super::filters::{count, matches_of, scope_phrase, Match, SearchFilters, POOL_LIMIT};
use super::panel::PanelMessages;
use super::place::{
    remember_place_while_scrolling, remember_results_place, remembered_results_place,
};
use super::results::{matched_terms_in, ranked_rows, segments, ResultRow};
use super::show_more::{ShowMore, PAGE};
use super::snippets::{use_snippets, SNIPPET_RESULTS};
use super::status::{status_text, Total};
use super::url_state::{SearchState, SearchUrl};
use super::{HEADER_INPUT_ID, HOME_PLACEHOLDER, INPUT_ID};
use crate::site::use_site;
use crate::urls;
use crate::web::dom::{
    caret_to_end, focus_by_id, focus_stays_in, scroll_into_view_nearest, scroll_window_to,
};
use crate::web::timer::Debounce;

#[component]
pub fn SearchBox(
    /// The query, owned by the page so it can react to it.
    query: RwSignal<String>,
    /// A smaller box for the page header, its results a dropdown that
    /// closes when the user moves on.
    #[prop(optional)]
    compact: bool,
    /// The address the query and filters are kept in (the home page's).
    #[prop(optional)]
    url: Option<SearchUrl>,
    #[prop(optional)] autofocus: bool,
    /// Category and tag filters, shown as chips above the results (and
    /// kept in the address with `url`).
    #[prop(optional)]
    filters: Option<SearchFilters>,
) -> impl IntoView {
    let site = use_site();
    let navigate = use_navigate();
    // Every match, unfiltered (home page only): the chips count them, and
    // without an active filter the results are simply its first ones (the
    // engine ranks the top the same whatever the limit), so one search per
    // keystroke serves both.
    let pool_hits: Memo<Vec<SearchHit>> = Memo::new(move |_| match filters {
        Some(_) => site.catalog.index.search(
            &query.read(),
            &SearchOptions {
                limit: POOL_LIMIT,
                prefix_last: true,
            },
            |_| true,
        ),
        None => Vec::new(),
    });
    // (category, tag) as they are now; both None without filters.
    let active_filters = move || match filters {
        Some(f) => (f.category.get(), f.tag.get()),
        None => (None, None),
    };
    // Results shown: a page, and more with "Show more"; back and forward
    // return to as many as were shown, as far down the page.
    let place = url.is_some().then(remembered_results_place).flatten();
    let limit = RwSignal::new(place.map_or(PAGE, |p| p.shown.max(PAGE)));
    let ranked = Memo::new(move |_| {
        let (category, tag) = active_filters();
        let (q, limit) = (query.read(), limit.get());
        pool_hits.with(|pool| {
            let pool = filters.is_some().then_some(pool.as_slice());
            ranked_rows(&site, &q, pool, category.as_deref(), tag.as_deref(), limit)
        })
    });
    let results = Memo::new(move |_| ranked.with(|r| r[..r.len().min(limit.get())].to_vec()));
    let more = Signal::derive(move || ranked.with(Vec::len) > limit.get());
    let matches: Memo<Vec<Match>> =
        Memo::new(move |_| pool_hits.with(|hits| matches_of(&site, hits)));
    let filtered = move || {
        let (c, t) = active_filters();
        c.is_some() || t.is_some()
    };
    let write_url = move || {
        if let (Some(url), Some(filters)) = (url, filters) {
            url.write(&SearchState { query, filters }.params_untracked());
        }
    };
    // While typing, the address bar follows after a pause: replaceState
    // on every keystroke costs Chromium a same-document navigation (and a
    // favicon reload) each time.
    let url_pause = Debounce::new(std::time::Duration::from_millis(250));
    let write_url_soon = move || url_pause.call(write_url);
    if url.is_some() {
        remember_place_while_scrolling(limit);
        if let Some(place) = place {
            Effect::new(move |_| scroll_window_to(place.scroll_y));
        }
    }
    let active = RwSignal::new(None::<usize>);
    // The header box's dropdown: open while the user is in the box.
    let open = RwSignal::new(true);
    let close = move || {
        if compact {
            open.set(false);
        }
    };
    if compact {
        close_on_page_change(open);
    }
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let (listbox_id, input_id) = if compact {
        ("header-search-results", HEADER_INPUT_ID)
    } else {
        ("search-results", INPUT_ID)
    };

    Effect::new(move |_| {
        // What the user searched goes with a ticket, if they file one.
        query.with(|q| crate::ticket::visit::record_query(site.root, q));
    });
    // A new query or filter starts again at the top of the results.
    Effect::new(move |ran_before: Option<()>| {
        query.track();
        if let Some(f) = filters {
            f.category.track();
            f.tag.track();
        }
        active.set(None);
        if ran_before.is_some() {
            limit.set(PAGE);
        }
    });
    let contact_href = Signal::derive(move || urls::ticket_for_query(site.root, &query.read()));
    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                // After text typed before the index arrived, or a shared
                // `?q=`: typing goes on at the end.
                caret_to_end(&input);
            }
        });
    }

    // Snippets (big box only): the best passage of each top result, and a
    // link to the section it sits in.
    let snippets = use_snippets();
    if !compact {
        Effect::new(move |_| {
            let slugs: Vec<String> = results.with(|rows| {
                rows.iter()
                    .take(SNIPPET_RESULTS)
                    .map(|r| r.slug.clone())
                    .collect()
            });
            snippets.request(site.root, slugs);
        });
    }
    let passage_of = move |row: &ResultRow| {
        if compact {
            return None;
        }
        let terms: HashSet<String> = row.matched_terms.iter().cloned().collect();
        snippets.passage(&row.slug, &terms)
    };
    let open_row = {
        let navigate = navigate.clone();
        move |row: &ResultRow| {
            // Open at the passage's section only when it holds words the
            // title and summary do not: "vpn" opens the VPN article at the
            // top, "generic credentials" at the section that says how.
            let heading = passage_of(row)
                .filter(|p| {
                    let head = matched_terms_in(row.title.iter().chain(&row.summary));
                    !matched_terms_in(&p.segments).is_subset(&head)
                })
                .and_then(|p| p.heading_id);
            close();
            if url.is_some() {
                // Back returns to this query, as far down as it was.
                write_url();
                remember_results_place(limit.get_untracked());
            }
            navigate(
                &urls::article_at(site.root, &row.slug, heading.as_deref()),
                NavigateOptions {
                    resolve: false,
                    ..NavigateOptions::default()
                },
            );
        }
    };
    let option_id = move |i: usize| format!("{listbox_id}-{i}");
    let move_to = move |i: usize| {
        open.set(true);
        active.set(Some(i));
        // Drawn first (the dropdown may just be opening), then shown.
        let id = option_id(i);
        request_animation_frame(move || scroll_into_view_nearest(&id));
    };
    let shown = move || !query.read().trim().is_empty() && open.get();
    let open_for_keys = open_row.clone();
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let count = results.with(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                move_to(active.get_untracked().map_or(0, |i| (i + 1) % count));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                move_to(
                    active
                        .get_untracked()
                        .map_or(count - 1, |i| (i + count - 1) % count),
                );
            }
            "Enter" => {
                let pick = active.get_untracked().unwrap_or(0);
                if let Some(row) = results.with_untracked(|r| r.get(pick).cloned()) {
                    event.prevent_default();
                    open_for_keys(&row);
                }
            }
            // The focus moves on; the dropdown goes, the query stays.
            "Tab" => close(),
            "Escape" if compact && shown() => {
                event.prevent_default();
                close();
            }
            "Escape" => {
                event.prevent_default();
                if query.get_untracked().is_empty() {
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.blur();
                    }
                } else {
                    query.set(String::new());
                    // A tag only narrows results; the category stays, as
                    // without a query it is the topic being browsed.
                    if let Some(f) = filters {
                        f.tag.set(None);
                    }
                    write_url();
                }
            }
            _ => {}
        }
    };
    // A click elsewhere, or the focus going anywhere outside the box.
    let on_focusout = move |event: web_sys::FocusEvent| {
        if let Some(container) = box_ref.get_untracked() {
            if !focus_stays_in(&container, &event) {
                close();
            }
        }
    };
    // The dropdown keeps the focus in the box, so a click on a result is
    // not lost to the dropdown closing under it.
    let keep_focus = move |event: web_sys::MouseEvent| {
        if compact {
            event.prevent_default();
        }
    };

    // A filter that hides every match (the query itself finds some).
    let filter_hides_all = Signal::derive(move || {
        filtered() && results.with(Vec::is_empty) && matches.with(|m| !m.is_empty())
    });
    let status = move || {
        let (category, tag) = active_filters();
        let total = match filters {
            None => Total::Unknown,
            Some(_) => matches.with(|m| {
                let n = count(m, category.as_deref(), tag.as_deref());
                if m.len() >= POOL_LIMIT {
                    Total::AtLeast(n)
                } else {
                    Total::Exact(n)
                }
            }),
        };
        let scope = if matches.with(Vec::is_empty) {
            String::new()
        } else {
            scope_phrase(&site, category.as_deref(), tag.as_deref())
        };
        let shown = results.with(Vec::len);
        status_text(&query.read(), shown, total, more.get(), &scope)
    };
    let expanded = move || !query.read().trim().is_empty();
    let show_filters =
        move || filters.is_some() && expanded() && (filtered() || matches.with(|m| !m.is_empty()));
    let on_filter_change = Callback::new(move |()| write_url());
    let on_more = Callback::new(move |by_keyboard: bool| {
        let first_new = limit.get_untracked();
        limit.update(|l| *l += PAGE);
        if by_keyboard {
            // Keyboard users go on from the first new result.
            request_animation_frame(move || {
                focus_by_id(input_id);
                move_to(first_new);
            });
        }
    });

    view! {
        <div class="search" class:compact=compact role="search" aria-label=if compact { "Site search" } else { "Search help articles" }
            node_ref=box_ref on:focusout=on_focusout>
            <label class="visually-hidden" for=input_id>"Search help articles"</label>
            <input
                id=input_id
                node_ref=input_ref
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder=if compact { "Search help…" } else { HOME_PLACEHOLDER }
                aria-autocomplete="list"
                aria-controls=listbox_id
                aria-expanded=move || if shown() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=move |event| {
                    let value = event_target_value(&event);
                    open.set(true);
                    query.set(value);
                    write_url_soon();
                }
                on:focus=move |_| open.set(true)
                on:click=move |_| open.set(true)
                on:keydown=on_keydown
            />
            {filters.map(|f| view! {
                <Show when=show_filters>
                    <FilterBar filters=f pool=matches on_change=on_filter_change input_id=input_id/>
                </Show>
            })}
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <div class="search-panel" hidden=move || !shown() on:mousedown=keep_focus>
                <ul id=listbox_id role="listbox" aria-label="Search results" class="results">
                    <For
                        each=move || results.get().into_iter().enumerate()
                        key=|(i, row)| (*i, row.slug.clone(), row.title.clone(), row.summary.clone())
                        let((i, row))
                    >
                        {
                            let open_row = open_row.clone();
                            let clicked = row.clone();
                            let snippet_row = row.clone();
                            let snippet = move || {
                                passage_of(&snippet_row).map(|p| {
                                    view! {
                                        <span class="result-snippet">
                                            {(!p.heading.is_empty()).then(|| view! { <span class="result-section">{p.heading.clone()}</span> })}
                                            <span class="result-passage">{segments(p.segments)}</span>
                                        </span>
                                    }
                                })
                            };
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="result"
                                    class:active=move || active.get() == Some(i)
                                    aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                    on:click=move |_| open_row(&clicked)
                                    on:mousemove=move |_| active.set(Some(i))
                                >
                                    <span class="result-title">{segments(row.title)}</span>
                                    <span class="result-category">{row.category}</span>
                                    <span class="result-summary">{segments(row.summary)}</span>
                                    {snippet}
                                </li>
                            }
                        }
                    </For>
                </ul>
                {(!compact).then(|| view! { <ShowMore more=more on_more=on_more/> })}
                <PanelMessages
                    expanded=Signal::derive(expanded)
                    empty=Signal::derive(move || results.with(Vec::is_empty))
                    filter_hides_all=filter_hides_all
                    unfiltered=Signal::derive(move || matches.with(Vec::len))
                    contact_href=contact_href
                    filters=filters
                    input_id=input_id
                    on_filter_change=on_filter_change
                />
            </div>
        </div>
    }
}

/// The header box's dropdown closes when another page opens under it.
fn close_on_page_change(open: RwSignal<bool>) {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
}
