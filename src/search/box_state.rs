//! The search box's state and what it does: one `Copy` handle the box's
//! small view components and its keyboard handling share.

use std::collections::HashSet;
use std::time::Duration;

use lantern_core::events::How;
use lantern_core::search::Passage;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::combobox::Combobox;
use super::filters::SearchFilters;
use super::place::{
    remember_place_while_scrolling, remember_results_place, remembered_results_place,
};
use super::ranking::{active_filters, use_ranked, Ranked};
use super::results::{passage_adds_to_summary, ResultRow};
use super::show_more::PAGE;
use super::snippets::{use_snippets, Snippets, SNIPPET_RESULTS};
use super::url_state::{SearchState, SearchUrl};
use crate::site::{use_site, Site};
use crate::urls;
use crate::web::dom::{caret_to_end, focus_by_id, scroll_window_to};
use crate::web::timer::Debounce;

/// Everything the box's parts need, `Copy` so each closure takes its own.
#[derive(Clone, Copy)]
pub struct SearchBoxState {
    pub site: Site,
    pub query: RwSignal<String>,
    pub filters: Option<SearchFilters>,
    /// The words are searched as typed ("Search instead for").
    pub exact: RwSignal<bool>,
    /// The address the query and filters are kept in (home page only).
    pub url: Option<SearchUrl>,
    pub ranked: Ranked,
    pub combobox: Combobox,
    snippets: Snippets,
    navigate: Callback<String>,
    url_pause: Debounce,
    /// A search counts for the support team once the reader stops typing
    /// for this long (issue 17; only where the site collects events).
    commit_pause: Debounce,
}

impl SearchBoxState {
    /// The state of a box, and the effects that keep it: the results
    /// page's place, the ticket's record of queries, snippets.
    pub fn new(
        query: RwSignal<String>,
        exact: RwSignal<bool>,
        compact: bool,
        url: Option<SearchUrl>,
        filters: Option<SearchFilters>,
    ) -> Self {
        let site = use_site();
        // Back and forward return to as many results as were shown, as
        // far down the page.
        let place = url.and_then(|_| remembered_results_place());
        let first_limit = place.map_or(PAGE, |p| p.shown.max(PAGE));
        let navigate = use_navigate();
        let state = Self {
            site,
            query,
            filters,
            exact,
            url,
            ranked: use_ranked(site, query, exact, filters, first_limit),
            combobox: Combobox::new(compact),
            snippets: use_snippets(),
            navigate: Callback::new(move |href: String| {
                let options = NavigateOptions {
                    resolve: false,
                    ..NavigateOptions::default()
                };
                navigate(&href, options);
            }),
            // While typing, the address bar follows after a pause: each
            // navigation costs Chromium a same-document navigation (and a
            // favicon reload).
            url_pause: Debounce::new(Duration::from_millis(250)),
            commit_pause: Debounce::new(Duration::from_millis(1500)),
        };
        if url.is_some() {
            remember_place_while_scrolling(state.ranked.limit);
            if let Some(place) = place {
                Effect::new(move |_| scroll_window_to(place.scroll_y));
            }
        }
        if compact {
            state.combobox.close_on_page_change();
        } else {
            state.request_snippets();
        }
        state.start_over_on_new_queries();
        if let Some(super::QueryLog(log)) = use_context() {
            Effect::new(move |_| query.with(|q| log(site.root, q)));
        }
        state
    }

    /// A new query or filter starts again at the top of the results.
    fn start_over_on_new_queries(&self) {
        let (query, filters, ranked, combobox) =
            (self.query, self.filters, self.ranked, self.combobox);
        let exact = self.exact;
        Effect::new(move |ran_before: Option<()>| {
            query.track();
            exact.track();
            let _ = active_filters(filters);
            combobox.active.set(None);
            if ran_before.is_some() {
                ranked.limit.set(PAGE);
            }
        });
    }

    /// Snippets (big box only): the bodies of the top results.
    fn request_snippets(&self) {
        let (shown, snippets, root) = (self.ranked.shown, self.snippets, self.site.root);
        Effect::new(move |_| {
            let slugs: Vec<String> = shown.with(|rows| {
                rows.iter()
                    .take(SNIPPET_RESULTS)
                    .map(|r| r.slug.clone())
                    .collect()
            });
            snippets.request(root, slugs);
        });
    }

    /// Focuses the box once it is drawn, the caret after any text in it
    /// (handed over from the early box, or a shared `?q=`).
    pub fn focus_when_drawn(&self) {
        let input = self.combobox.input;
        Effect::new(move |_| {
            if let Some(input) = input.get() {
                let _ = input.focus();
                caret_to_end(&input);
            }
        });
    }

    /// There is a query (the results panel is expanded).
    pub fn expanded(&self) -> bool {
        !self.query.read().trim().is_empty()
    }

    /// The results are shown: a query, and (in the header) the dropdown open.
    pub fn shown(&self) -> bool {
        self.expanded() && self.combobox.open.get()
    }

    /// A filter is active.
    pub fn filtered(&self) -> bool {
        let (category, tag) = active_filters(self.filters);
        category.is_some() || tag.is_some()
    }

    /// A filter hides every match (the query itself finds some).
    pub fn filter_hides_all(&self) -> bool {
        self.filtered()
            && self.ranked.shown.with(Vec::is_empty)
            && self.ranked.pool.with(|m| !m.is_empty())
    }

    /// The ticket form, the query carried over.
    pub fn contact_href(&self) -> String {
        urls::ticket_for_query(self.site.root, &self.query.read())
    }

    /// The search as the address holds it (home page only).
    fn search_state(&self) -> Option<(SearchUrl, SearchState)> {
        let (url, filters) = (self.url?, self.filters?);
        let (query, exact) = (self.query, self.exact);
        Some((
            url,
            SearchState {
                query,
                filters,
                exact,
            },
        ))
    }

    /// Puts the query and filters in the address (home page only).
    pub fn write_url(&self) {
        if let Some((url, search)) = self.search_state() {
            url.write(&search.params_untracked());
        }
    }

    /// "Search instead for" the words as typed (`true`), or back to the
    /// corrected ones: a new page of history, so back undoes it; the
    /// focus goes back to the box, as the button it was on is gone.
    pub fn set_exact(&self, exact: bool) {
        // The search as it stands (typed moments ago, its address still
        // waiting for the pause) is the page back returns to.
        self.url_pause.cancel();
        self.write_url();
        self.exact.set(exact);
        if let Some((url, search)) = self.search_state() {
            url.push(&search.params_untracked());
        }
        focus_by_id(self.combobox.input_id);
    }

    /// The user typed: a new query, its typos corrected again.
    pub fn on_input(&self, value: String) {
        self.combobox.open.set(true);
        if self.exact.get_untracked() {
            self.exact.set(false);
        }
        self.query.set(value);
        let this = *self;
        self.url_pause.call(move || this.write_url());
        if crate::events::enabled() {
            self.commit_pause.call(move || this.commit(How::Pause));
        }
    }

    /// The search as it stands counts, committed `how` (see
    /// `crate::events`): its words, how many matched, the first results.
    pub fn commit(&self, how: How) {
        if !crate::events::enabled() {
            return;
        }
        self.commit_pause.cancel();
        let (results, top) = self.ranked.shown.with_untracked(|rows| {
            let top: Vec<String> = rows
                .iter()
                .take(crate::events::TOP)
                .map(|r| r.slug.clone())
                .collect();
            (rows.len(), top)
        });
        let results = self.ranked.pool.with_untracked(Vec::len).max(results);
        crate::events::searched(&self.query.get_untracked(), how, results, top);
    }

    /// Escape: clears the query, or leaves an empty box.
    pub fn clear(&self) {
        if self.query.with_untracked(String::is_empty) {
            if let Some(input) = self.combobox.input.get_untracked() {
                let _ = input.blur();
            }
            return;
        }
        self.query.set(String::new());
        self.exact.set(false);
        // A tag only narrows results; the category stays, as without a
        // query it is the topic being browsed.
        if let Some(f) = self.filters {
            f.tag.set(None);
        }
        self.write_url();
    }

    /// The best passage of a result, once its body is in (big box only).
    pub fn passage_of(&self, row: &ResultRow) -> Option<Passage> {
        if self.combobox.compact {
            return None;
        }
        let terms: HashSet<String> = row.matched_terms.iter().cloned().collect();
        self.snippets.passage(&row.slug, &terms)
    }

    /// Opens a result: at its passage's section only when that holds words
    /// the title and summary do not ("vpn" opens the VPN article at the
    /// top, "generic credentials" at the section that says how).
    pub fn open_row(&self, row: &ResultRow, how: How) {
        self.commit(how);
        let rank = self.ranked.shown.with_untracked(|rows| {
            rows.iter()
                .position(|r| r.slug == row.slug)
                .map_or(0, |i| i + 1)
        });
        crate::events::clicked(&self.query.get_untracked(), &row.slug, rank);
        let heading = self
            .passage_of(row)
            .filter(|p| passage_adds_to_summary(row, p))
            .and_then(|p| p.heading_id);
        self.combobox.close();
        if self.url.is_some() {
            // Back returns to this query, as far down as it was.
            self.write_url();
            remember_results_place(self.ranked.limit.get_untracked());
        }
        let href = urls::article_at(self.site.root, &row.slug, heading.as_deref());
        self.navigate.run(href);
    }

    /// "Show more": the next page of results; keyboard users go on from
    /// the first new one.
    pub fn show_more(&self, by_keyboard: bool) {
        let first_new = self.ranked.limit.get_untracked();
        self.ranked.limit.update(|l| *l += PAGE);
        if by_keyboard {
            let combobox = self.combobox;
            request_animation_frame(move || {
                focus_by_id(combobox.input_id);
                combobox.move_to(first_new);
            });
        }
    }
}
