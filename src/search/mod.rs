//! Search, the heart of the help center: the box (a combobox the engine in
//! `lantern-core` answers as the user types), its result rows and
//! snippets, the home page's filter chips, the status line, the messages
//! under the results, and the box drawn before the index arrives.
//!
//! - `search_box`: the component, used by the home page (big, with
//!   filters and the address bar kept in step), the header (compact) and
//!   the not-found page. Its state and actions are `box_state`, over
//!   `ranking` (the engine's results for the query), `combobox` (the
//!   active option, the open dropdown) and `keyboard`; its list is
//!   `result_list`.
//! - `results`: ranked hits as rows; `snippets`: the best passage of each
//!   top result; `show_more`: results a page at a time.
//! - `filters`: the chips' data (facets, counts), `filter_bar` and
//!   `filter_collapse` their view.
//! - `status`, `panel`: what the box says about what it found;
//!   `correction`: "Showing results for" when it corrected typos.
//! - `early_search`: the box before the index is in.
//! - `place`: the results page's place across back and forward;
//!   `url_state`: the home page's search in its address.

pub mod box_state;
pub mod combobox;
pub mod correction;
pub mod early_search;
pub mod filter_bar;
pub mod filter_collapse;
pub mod filters;
pub mod keyboard;
pub mod panel;
pub mod place;
pub mod ranking;
pub mod result_list;
pub mod results;
pub mod search_box;
pub mod show_more;
pub mod snippets;
pub mod status;
pub mod url_state;

pub use search_box::SearchBox;

/// Who hears what the user searched: the ticket feature, which sends the
/// queries with a ticket as its context. The shell provides it (see
/// `app.rs`), so the search feature does not depend on tickets.
#[derive(Clone, Copy)]
pub struct QueryLog(pub fn(root: &str, query: &str));

use crate::web::dom::focus_by_id;

/// The id of the home page's search input. `lantern build` prerenders a
/// box with the same id (`SEARCH_INPUT_ID` in crates/cli/src/prerender.rs),
/// so what is typed there before the app starts can be handed over.
pub const INPUT_ID: &str = "search-input";

/// The most of a query the engine reads. A query is typed: a few words;
/// a pasted megabyte (issue 19) would otherwise be tokenised, corrected
/// and scored on every keystroke, holding the tab. Past this the rest of
/// the box is not searched.
pub const MAX_QUERY_CHARS: usize = 200;

/// `query` cut to [`MAX_QUERY_CHARS`] characters: what the engine is given.
pub fn engine_query(query: &str) -> &str {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    }
}
/// The id of the header's (compact) search input.
pub const HEADER_INPUT_ID: &str = "header-search-input";

/// The home page's box invites a symptom, not a keyword (also shown by
/// the box drawn before the index arrives, `early_search`).
pub const HOME_PLACEHOLDER: &str =
    "Describe your problem, e.g. “outlook keeps asking for password”";

/// Puts the focus in the page's search box: the home page's, or the
/// header's on other pages (the `/` shortcut).
pub fn focus_search() {
    if !focus_by_id(INPUT_ID) {
        focus_by_id(HEADER_INPUT_ID);
    }
}
