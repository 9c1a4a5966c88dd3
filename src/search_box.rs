//! The search box: a WAI-ARIA combobox with a listbox of results, ranked by
//! the engine in `lantern-core` as the user types.

use std::collections::HashSet;

use lantern_core::search::{highlight, Segment};
use lantern_core::{SearchHit, SearchOptions};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::search_filters::{
    count, keeps, matches_of, scope_phrase, write_search_to_url, FilterBar, Match, SearchFilters,
    POOL_LIMIT,
};
use crate::site::{use_site, Site};

const MAX_RESULTS: usize = 10;

/// The home page's box invites a symptom, not a keyword (also shown by
/// the box drawn before the index arrives, `early_search`).
pub const HOME_PLACEHOLDER: &str =
    "Describe your problem, e.g. “outlook keeps asking for password”";

#[derive(Clone, PartialEq)]
pub struct ResultRow {
    pub slug: String,
    pub title: Vec<Segment>,
    pub summary: Vec<Segment>,
    pub category: String,
    /// Index terms the query matched in this article, for its snippet.
    pub matched_terms: Vec<String>,
}

/// Ranks articles for `query`; plain data so it can be tested and reused.
pub fn search_rows(site: &Site, query: &str, limit: usize) -> Vec<ResultRow> {
    search_rows_where(site, query, limit, |_| true)
}

/// Like [`search_rows`], keeping only the articles (by index in the
/// catalog) that `keep` accepts.
pub fn search_rows_where(
    site: &Site,
    query: &str,
    limit: usize,
    keep: impl Fn(usize) -> bool,
) -> Vec<ResultRow> {
    let hits = site.catalog.index.search(
        query,
        &SearchOptions {
            limit,
            prefix_last: true,
        },
        keep,
    );
    rows_of(site, &hits)
}

/// Result rows for ranked hits: highlighted title and summary.
pub fn rows_of(site: &Site, hits: &[SearchHit]) -> Vec<ResultRow> {
    let catalog = &site.catalog;
    hits.iter()
        .filter_map(|hit| {
            let article = catalog.articles.get(hit.doc)?;
            let terms: &HashSet<String> = &hit.matched_terms;
            Some(ResultRow {
                slug: article.slug.clone(),
                title: highlight(&article.title, terms),
                summary: highlight(&article.summary, terms),
                category: site.category_name(&article.category),
                matched_terms: {
                    let mut terms: Vec<String> = terms.iter().cloned().collect();
                    terms.sort();
                    terms
                },
            })
        })
        .collect()
}

/// The index terms of the highlighted words in some segments.
fn matched_terms_in<'a>(parts: impl IntoIterator<Item = &'a Segment>) -> HashSet<String> {
    parts
        .into_iter()
        .filter(|s| s.matched)
        .flat_map(|s| lantern_core::text::tokenize(&s.text))
        .map(|t| lantern_core::search::term_of(&t.text))
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
    /// Category and tag filters, shown as chips above the results (and
    /// kept in the URL with `sync_url`).
    #[prop(optional)]
    filters: Option<SearchFilters>,
) -> impl IntoView {
    let site = use_site();
    let navigate = use_navigate();
    // Every match, unfiltered (home page only): the chips count them, and
    // without an active filter the results are simply its first ten (the
    // engine ranks the top the same whatever the limit), so one search per
    // keystroke serves both.
    let pool_site = site.clone();
    let pool_hits: Memo<Vec<SearchHit>> = Memo::new(move |_| match filters {
        Some(_) => pool_site.catalog.index.search(
            &query.read(),
            &SearchOptions {
                limit: POOL_LIMIT,
                prefix_last: true,
            },
            |_| true,
        ),
        None => Vec::new(),
    });
    let search_site = site.clone();
    let results = Memo::new(move |_| {
        let q = query.read();
        match filters {
            Some(f) => {
                let category = f.category.read();
                let tag = f.tag.read();
                if category.is_none() && tag.is_none() {
                    return pool_hits
                        .with(|hits| rows_of(&search_site, &hits[..hits.len().min(MAX_RESULTS)]));
                }
                let articles = &search_site.catalog.articles;
                search_rows_where(&search_site, &q, MAX_RESULTS, |doc| {
                    articles.get(doc).is_some_and(|a| {
                        keeps(&a.category, &a.tags, category.as_deref(), tag.as_deref())
                    })
                })
            }
            None => search_rows(&search_site, &q, MAX_RESULTS),
        }
    });
    let match_site = site.clone();
    let matches: Memo<Vec<Match>> =
        Memo::new(move |_| pool_hits.with(|hits| matches_of(&match_site, hits)));
    // (category, tag) as they are now; both None without filters.
    let active_filters = move || match filters {
        Some(f) => (f.category.get(), f.tag.get()),
        None => (None, None),
    };
    let filtered = move || {
        let (c, t) = active_filters();
        c.is_some() || t.is_some()
    };
    let write_url = move || {
        if sync_url {
            let (c, t) = match filters {
                Some(f) => (f.category.get_untracked(), f.tag.get_untracked()),
                None => (None, None),
            };
            query.with_untracked(|q| write_search_to_url(q, c.as_deref(), t.as_deref()));
        }
    };
    // While typing, the address bar follows after a pause: replaceState
    // on every keystroke costs Chromium a same-document navigation (and a
    // favicon reload) each time.
    let url_timer = StoredValue::new(None::<TimeoutHandle>);
    let write_url_soon = move || {
        if let Some(handle) = url_timer.get_value() {
            handle.clear();
        }
        let handle =
            set_timeout_with_handle(move || write_url(), std::time::Duration::from_millis(250));
        url_timer.set_value(handle.ok());
    };
    on_cleanup(move || {
        if let Some(handle) = url_timer.get_value() {
            handle.clear();
        }
    });
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
    if let Some(f) = filters {
        Effect::new(move |_| {
            f.category.track();
            f.tag.track();
            active.set(None);
        });
    }
    let contact_site = site.clone();
    let contact_href = move || crate::ticket::ticket_href(&contact_site, &query.read());
    let still_stuck_href = contact_href.clone();
    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                // After text typed before the index arrived, or a shared
                // `?q=`: typing goes on at the end.
                crate::early_search::caret_to_end(&input);
            }
        });
    }

    // Snippets (big box only): the best passage of each top result, and a
    // link to the section it sits in.
    let snippets = crate::snippets::use_snippets();
    if !compact {
        let root = site.root.clone();
        Effect::new(move |_| {
            let slugs: Vec<String> = results.with(|rows| {
                rows.iter()
                    .take(crate::snippets::SNIPPET_RESULTS)
                    .map(|r| r.slug.clone())
                    .collect()
            });
            snippets.request(&root, slugs);
        });
    }
    let passage_of = move |row: &ResultRow| {
        if compact {
            return None;
        }
        let terms: HashSet<String> = row.matched_terms.iter().cloned().collect();
        snippets.passage(&row.slug, &terms)
    };
    let open = {
        let navigate = navigate.clone();
        move |row: &ResultRow| {
            // Open at the passage's section only when it holds words the
            // title and summary do not: "vpn" opens the VPN article at the
            // top, "generic credentials" at the section that says how.
            let anchor = passage_of(row)
                .filter(|p| {
                    let head = matched_terms_in(row.title.iter().chain(&row.summary));
                    !matched_terms_in(&p.segments).is_subset(&head)
                })
                .and_then(|p| p.heading_id)
                .map(|id| format!("#{id}"))
                .unwrap_or_default();
            navigate(
                &format!("/a/{}/{anchor}", row.slug),
                NavigateOptions::default(),
            );
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
                    open_for_keys(&row);
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

    // A filter that hides every match (the query itself finds some).
    let filter_hides_all =
        move || filtered() && results.with(Vec::is_empty) && matches.with(|m| !m.is_empty());
    let status_site = site.clone();
    let status = move || {
        let q = query.read();
        let q = q.trim();
        if q.is_empty() {
            return String::new();
        }
        let n = results.with(Vec::len);
        let (category, tag) = active_filters();
        // The pool is complete unless it hit its limit.
        let total = matches.with(|m| {
            (filters.is_some() && m.len() < POOL_LIMIT)
                .then(|| count(m, category.as_deref(), tag.as_deref()))
        });
        let scope = if matches.with(Vec::is_empty) {
            String::new()
        } else {
            scope_phrase(&status_site, category.as_deref(), tag.as_deref())
        };
        let articles = if scope.is_empty() {
            "articles".to_string()
        } else {
            format!("articles {scope}")
        };
        let article = if scope.is_empty() {
            "article".to_string()
        } else {
            format!("article {scope}")
        };
        match n {
            0 => format!("No {articles} match “{q}”."),
            1 => format!("1 {article} matches “{q}”."),
            n if n >= MAX_RESULTS => match total {
                Some(t) if t > n => format!("Top {n} of {t} {articles} for “{q}”."),
                _ => format!("Top {n} {articles} for “{q}”."),
            },
            n => format!("{n} {articles} match “{q}”."),
        }
    };
    let expanded = move || !query.read().trim().is_empty();
    let show_filters =
        move || filters.is_some() && expanded() && (filtered() || matches.with(|m| !m.is_empty()));
    let on_filter_change = Callback::new(move |()| write_url());
    let clear_filters = move |_| {
        if let Some(f) = filters {
            f.clear();
        }
        write_url();
        if let Some(input) = input_ref.get_untracked() {
            let _ = input.focus();
        }
    };
    let unfiltered_count = move || matches.with(Vec::len);
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
                placeholder=if compact { "Search help…" } else { HOME_PLACEHOLDER }
                aria-autocomplete="list"
                aria-controls=listbox_id
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=move |event| {
                    let value = event_target_value(&event);
                    query.set(value);
                    write_url_soon();
                }
                on:keydown=on_keydown
            />
            {filters.map(|f| view! {
                <Show when=show_filters>
                    <FilterBar filters=f pool=matches on_change=on_filter_change input_id=input_id/>
                </Show>
            })}
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <ul id=listbox_id role="listbox" aria-label="Search results" class="results" hidden=move || !expanded()>
                <For
                    each=move || results.get().into_iter().enumerate()
                    key=|(i, row)| (*i, row.slug.clone(), row.title.clone(), row.summary.clone())
                    let((i, row))
                >
                    {
                        let open = open.clone();
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
                                on:click=move |_| open(&clicked)
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
            <Show when=move || expanded() && filter_hides_all()>
                <div class="filter-empty">
                    <p>"Nothing matches with this filter."</p>
                    <button type="button" class="button primary" on:click=clear_filters>
                        {move || match unfiltered_count() {
                            1 => "Clear filters and show the 1 match".to_string(),
                            n if n >= POOL_LIMIT => "Clear filters and show all matches".to_string(),
                            n => format!("Clear filters and show all {n} matches"),
                        }}
                    </button>
                </div>
            </Show>
            <Show when=move || expanded() && results.with(Vec::is_empty) && !filter_hides_all()>
                <div class="no-results">
                    <p>"Try fewer words, another spelling, or the exact error message."</p>
                    <p>
                        <a class="button primary contact-support" href=contact_href.clone()>"Contact support"</a>
                        " Your search is carried over, so you do not have to type it again."
                    </p>
                </div>
            </Show>
            <Show when=move || expanded() && (!results.with(Vec::is_empty) || filter_hides_all())>
                <p class="still-stuck">"Still stuck? " <a class="contact-support" href=still_stuck_href.clone()>"Contact support"</a></p>
            </Show>
        </div>
    }
}
