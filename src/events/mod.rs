//! Signals for the support team (issue 17): committed searches, clicks on
//! results, article views, "Was this helpful?" votes, "This solved it" and
//! tickets, sent to the site's `[events]` receiver. Nothing at all happens
//! without `[events]`, or with Global Privacy Control or Do Not Track on:
//! every function here is then a no-op.
//!
//! What leaves the device is `lantern_core::events` (docs/events.md):
//! queries redacted before they are queued, a random session id kept in
//! sessionStorage only. Nothing runs on the keystroke path: a search is
//! committed by a pause timer, Enter, a click, leaving the box or a
//! ticket, and queued events leave in batches (`send`).

mod send;
mod state;

use lantern_core::events::{How, What};

pub use state::start;

use state::with_sender;

/// Whether this page sends events: the box's pause timer runs only then.
pub fn enabled() -> bool {
    let mut on = false;
    with_sender(|_| on = true);
    on
}

/// The first results a search event names.
pub const TOP: usize = 3;
/// A query longer than this is cut before it is queued: an event is a
/// signal, not a copy of a pasted error log.
const MAX_QUERY_CHARS: usize = 200;

/// The words as they may leave the device.
fn clean(query: &str) -> String {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    lantern_core::events::redact(&query)
}

/// The reader stopped on a search: `results` matched, `top` first (at
/// most [`TOP`]).
pub fn searched(query: &str, how: How, results: usize, top: Vec<String>) {
    with_sender(|sender| sender.commit(query, how, (results as u32, top)));
}

/// A result was opened: at `rank` (from 1) of the results of `query`.
pub fn clicked(query: &str, article: &str, rank: usize) {
    with_sender(|sender| {
        sender.next_from = Some("search");
        sender.queue(What::Click {
            query: clean(query),
            article: article.to_string(),
            rank: rank as u32,
        });
    });
}

/// The next article opened was reached from a related-articles list.
pub fn following_related() {
    with_sender(|sender| sender.next_from = Some("related"));
}

/// An article is shown.
pub fn viewed(article: &str) {
    with_sender(|sender| {
        let from = sender.next_from.take().unwrap_or(if sender.viewed_before {
            "link"
        } else {
            "direct"
        });
        sender.viewed_before = true;
        sender.queue(What::View {
            article: article.to_string(),
            from: from.to_string(),
        });
    });
}

/// "Was this helpful?" answered; `reason` is a `REASONS` id.
pub fn voted(article: &str, helpful: bool, reason: Option<&str>, comment: Option<&str>) {
    with_sender(|sender| {
        let comment = comment
            .filter(|_| sender.config.comments)
            .map(clean)
            .filter(|c| !c.is_empty());
        sender.queue(What::Vote {
            article: article.to_string(),
            helpful,
            reason: reason.map(str::to_string),
            comment,
        });
    });
}

/// "This solved it" on a suggestion of the ticket form.
pub fn solved(article: &str) {
    with_sender(|sender| {
        sender.queue(What::Solved {
            article: article.to_string(),
        })
    });
}

/// A ticket filed: `outcome` is sent, queued or failed.
pub fn ticket(reference: &str, category: Option<&str>, channel: &str, outcome: &str) {
    with_sender(|sender| {
        sender.queue(What::Ticket {
            reference: reference.to_string(),
            category: category.map(str::to_string),
            channel: channel.to_string(),
            outcome: outcome.to_string(),
        });
        // The form moves on to another page: the event goes now.
        sender.flush(true);
    });
}
