//! The results page's place across back and forward: how far down the
//! user was and how many results were shown, kept in the page's own
//! history entry (see `web::history`), so that coming back from an
//! article returns to the same result.

use std::time::Duration;

use leptos::prelude::*;

use crate::web::dom::{current_path, scroll_y};
use crate::web::history::{keep_numbers, kept_number};
use crate::web::timer::Debounce;

const SCROLL_KEY: &str = "lanternResultsScroll";
const SHOWN_KEY: &str = "lanternResultsShown";

/// Where the user was on a results page: how far down, and how many
/// results were shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResultsPlace {
    pub scroll_y: f64,
    pub shown: usize,
}

/// Remembers the results page's place (the window's scroll, and `shown`).
pub fn remember_results_place(shown: usize) {
    keep_numbers(&[(SCROLL_KEY, scroll_y()), (SHOWN_KEY, shown as f64)]);
}

/// The place remembered in the current history entry, if any.
pub fn remembered_results_place() -> Option<ResultsPlace> {
    Some(ResultsPlace {
        scroll_y: kept_number(SCROLL_KEY)?,
        shown: kept_number(SHOWN_KEY)?.min(10_000.0) as usize,
    })
}

/// Keeps the results page's place in its history entry as the user
/// scrolls (after a pause), for back and forward.
pub fn remember_place_while_scrolling(limit: RwSignal<usize>) {
    let pause = Debounce::new(Duration::from_millis(150));
    let here = current_path();
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let here = here.clone();
        // Not the scroll to the top of the page being opened.
        pause.call(move || {
            if current_path() == here {
                remember_results_place(limit.get_untracked());
            }
        });
    });
    on_cleanup(move || scroll.remove());
}
