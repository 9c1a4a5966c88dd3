//! The home page's search in its address (`?q=&category=&tag=&exact=`),
//! read and written here only, and through the router: a category card,
//! the brand link, back and forward all bring their search back, and what
//! the box writes is a navigation the router knows of.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::filters::SearchFilters;
use crate::urls::{self, SearchParams};

/// The search in the address, while it is the home page's.
#[derive(Clone, Copy)]
pub struct SearchUrl {
    current: Memo<Option<SearchParams>>,
    path: Memo<String>,
    /// Goes to an address: in place of this one (`true`), or as a new
    /// page of history.
    navigate: Callback<(String, bool)>,
}

/// The address's search, for a page under a `<Router>` on a site at
/// `root`.
pub fn use_search_url(root: &'static str) -> SearchUrl {
    let location = use_location();
    let query = use_query_map();
    let path = Memo::new(move |_| location.pathname.get());
    let current = Memo::new(move |_| {
        path.with(|p| urls::is_home_path(root, p))
            .then(|| query.with(SearchParams::from_query))
    });
    let navigate = use_navigate();
    let navigate = Callback::new(move |(href, replace): (String, bool)| {
        let options = NavigateOptions {
            // Already under the site root.
            resolve: false,
            // Typing is not a page of history, and the results stay put.
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&href, options);
    });
    SearchUrl {
        current,
        path,
        navigate,
    }
}

impl SearchUrl {
    /// The search in the address (tracked); none off the home page.
    pub fn get(&self) -> Option<SearchParams> {
        self.current.get()
    }

    pub fn get_untracked(&self) -> Option<SearchParams> {
        self.current.get_untracked()
    }

    /// Puts a search in the address, in place of the one there.
    pub fn write(&self, params: &SearchParams) {
        self.go(params, true);
    }

    /// Puts a search in the address as a new page of history, so that back
    /// returns to the one there ("Search instead for" the typed words).
    pub fn push(&self, params: &SearchParams) {
        self.go(params, false);
    }

    fn go(&self, params: &SearchParams, replace: bool) {
        if self.current.with_untracked(|c| c.as_ref() == Some(params)) {
            return;
        }
        let href = self.path.with_untracked(|path| urls::search(path, params));
        self.navigate.run((href, replace));
    }
}

/// What the home page searches: the query, the filters, and whether its
/// words are taken as typed. The box changes them as the user types and
/// clicks; the address follows.
#[derive(Clone, Copy)]
pub struct SearchState {
    pub query: RwSignal<String>,
    pub filters: SearchFilters,
    /// The words as typed, typos not corrected ("Search instead for").
    pub exact: RwSignal<bool>,
}

impl SearchState {
    pub fn new(params: SearchParams) -> Self {
        Self {
            query: RwSignal::new(params.query),
            filters: SearchFilters::new(params.category, params.tag),
            exact: RwSignal::new(params.exact),
        }
    }

    pub fn params_untracked(&self) -> SearchParams {
        SearchParams {
            query: self.query.get_untracked(),
            category: self.filters.category.get_untracked(),
            tag: self.filters.tag.get_untracked(),
            exact: self.exact.get_untracked(),
        }
    }

    /// Sets the query, filters and exactness, notifying only what changed.
    pub fn set(&self, params: SearchParams) {
        if self.query.with_untracked(|q| *q != params.query) {
            self.query.set(params.query);
        }
        if self.exact.get_untracked() != params.exact {
            self.exact.set(params.exact);
        }
        self.filters.set(params.category, params.tag);
    }
}

/// The home page's search, started from its address (or from `typed`,
/// text typed before the app's own box was there, which then goes into
/// the address), and following the address when a navigation changes it.
pub fn use_search_from_url(url: SearchUrl, typed: Option<String>) -> SearchState {
    let mut start = url.get_untracked().unwrap_or_default();
    let handed_over = typed.is_some();
    if let Some(typed) = typed {
        start.query = typed;
    }
    let state = SearchState::new(start);
    if handed_over {
        url.write(&state.params_untracked());
    }
    // The box writes the address from the state, so when the two differ
    // it was a navigation: a category card, the brand link, back.
    Effect::new(move |_| {
        if let Some(params) = url.get() {
            state.set(params);
        }
    });
    state
}
