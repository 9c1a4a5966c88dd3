//! What the box shows for a query: the ranked rows (a page at a time),
//! whether there are more, whether they hold only some of its words, the
//! query as the search read it when it corrected typos, and (on the home
//! page) every match unfiltered, which the filter chips count.

use lantern_core::search::{Corrected, FilteredHits};
use lantern_core::SearchOptions;
use leptos::prelude::*;

use super::engine_query;
use super::filters::{count, keeps, matches_of, scope_phrase, Match, SearchFilters, POOL_LIMIT};
use super::results::{rows_of, ResultRow};
use super::status::{status_text, Echo, Total};
use crate::site::Site;

/// The box's results, kept in step with its query and filters.
#[derive(Clone, Copy)]
pub struct Ranked {
    /// How many results are shown: a page, more after "Show more".
    pub limit: RwSignal<usize>,
    /// The results shown.
    pub shown: Memo<Vec<ResultRow>>,
    /// Whether there are results past those shown.
    pub more: Signal<bool>,
    /// Every match of the query, unfiltered (home page only): what the
    /// chips count.
    pub pool: Memo<Vec<Match>>,
    /// The query with its typos corrected, as the search reads it unless
    /// `exact`; none when every word is known.
    pub correction: Memo<Option<Corrected>>,
    /// The words are searched as typed ("Search instead for").
    pub exact: RwSignal<bool>,
    /// No article holds enough of the query: the results hold only some
    /// of its words.
    pub partial: Memo<bool>,
}

/// Ranks the query's matches as it and the filters change, `first_limit`
/// shown at first: one pass of the engine per keystroke serves the
/// results, the chips' counts and the highlighting, and the correction is
/// read once per query (not again for "Show more" or a filter).
pub fn use_ranked(
    site: Site,
    query: RwSignal<String>,
    exact: RwSignal<bool>,
    filters: Option<SearchFilters>,
    first_limit: usize,
) -> Ranked {
    let limit = RwSignal::new(first_limit);
    let correction = Memo::new(move |_| {
        site.catalog
            .index
            .corrected_query(engine_query(&query.read()), true)
    });
    let hits: Memo<FilteredHits> = Memo::new(move |_| {
        let (category, tag) = active_filters(filters);
        // One more than shown, which only tells whether there are more.
        let options = SearchOptions {
            limit: limit.get() + 1,
            prefix_last: true,
            correct_typos: !exact.get(),
        };
        let index = &site.catalog.index;
        let query = query.read();
        let query = engine_query(&query);
        if filters.is_none() {
            let kept = index.search(query, &options, |_| true);
            return FilteredHits {
                all: Vec::new(),
                kept,
            };
        }
        let articles = &site.catalog.articles;
        index.search_with_filter(query, &options, POOL_LIMIT, |doc| {
            articles
                .get(doc)
                .is_some_and(|a| keeps(&a.category, &a.tags, category.as_deref(), tag.as_deref()))
        })
    });
    let ranked = Memo::new(move |_| hits.with(|h| rows_of(&site, &h.kept)));
    Ranked {
        limit,
        shown: Memo::new(move |_| ranked.with(|r| r[..r.len().min(limit.get())].to_vec())),
        more: Signal::derive(move || ranked.with(Vec::len) > limit.get()),
        pool: Memo::new(move |_| hits.with(|h| matches_of(&site, &h.all))),
        correction,
        exact,
        partial: Memo::new(move |_| hits.with(|h| h.kept.first().is_some_and(|hit| hit.partial))),
    }
}

/// (category, tag) as they are now; both none without filters.
pub fn active_filters(filters: Option<SearchFilters>) -> (Option<String>, Option<String>) {
    match filters {
        Some(f) => (f.category.get(), f.tag.get()),
        None => (None, None),
    }
}

impl Ranked {
    /// The correction the results come from: there is one, the words are
    /// not taken as typed, and something was found.
    pub fn corrected(&self) -> Option<Corrected> {
        if self.exact.get() || self.shown.with(Vec::is_empty) {
            return None;
        }
        self.correction.get()
    }

    /// What the status line (the results' live region) says about these
    /// results: the count, for the words as the search read them.
    pub fn status(&self, site: Site, query: &str, filters: Option<SearchFilters>) -> String {
        let (category, tag) = active_filters(filters);
        let total = match filters {
            None => Total::Unknown,
            Some(_) => self.pool.with(|m| {
                let n = count(m, category.as_deref(), tag.as_deref());
                if m.len() >= POOL_LIMIT {
                    Total::AtLeast(n)
                } else {
                    Total::Exact(n)
                }
            }),
        };
        let scope = if self.pool.with(Vec::is_empty) {
            String::new()
        } else {
            scope_phrase(&site, category.as_deref(), tag.as_deref())
        };
        let shown = self.shown.with(Vec::len);
        let corrected = self.corrected();
        let echo = Echo {
            typed: engine_query(query),
            read: corrected.as_ref().map(|c| c.text.as_str()),
            partial: self.partial.get(),
        };
        status_text(&echo, shown, total, self.more.get(), &scope)
    }
}
