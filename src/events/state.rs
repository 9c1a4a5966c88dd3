//! The page's one sender: what waits to be committed or sent, and the
//! timers that move it on. A thread-local, not a Leptos context: events
//! come from every page and from the ticket bundle's form alike, and a
//! page without `[events]` must not pay for any of it.

use std::cell::RefCell;
use std::time::Duration;

use lantern_core::events::queue::{FLUSH_AFTER_MS, FLUSH_AT};
use lantern_core::events::EventsConfig;
use lantern_core::events::{Commits, Committed, Event, How, What, SCHEMA_VERSION};
use leptos::prelude::*;

use super::{clean, send};
use crate::ticket::browser::{now_ms, utc_now};
use crate::web::timer;

/// A search's result count and first results, kept with it until it is
/// committed.
type Found = (u32, Vec<String>);

pub(super) struct Sender {
    pub config: EventsConfig,
    pub root: String,
    queued: Vec<String>,
    commits: Commits<Found>,
    flush_timer: Option<TimeoutHandle>,
    hold_timer: Option<TimeoutHandle>,
    /// How the next article view was reached, when a click said so.
    pub next_from: Option<&'static str>,
    /// Whether this page showed an article before (later ones are reached
    /// by a link; the first, directly).
    pub viewed_before: bool,
}

thread_local! {
    static SENDER: RefCell<Option<Sender>> = const { RefCell::new(None) };
}

/// Runs `f` on the sender, if this site collects events and the reader
/// allows it.
pub(super) fn with_sender(f: impl FnOnce(&mut Sender)) {
    SENDER.with(|s| {
        if let Some(sender) = s.borrow_mut().as_mut() {
            f(sender);
        }
    });
}

/// Starts the sender for a site with `[events]`, unless the browser
/// asks not to be tracked; sends what an earlier page of this visit left
/// waiting.
pub fn start(root: &str, config: Option<&EventsConfig>) {
    let Some(config) = config else {
        return;
    };
    if send::reader_opted_out() {
        return;
    }
    SENDER.with(|s| {
        *s.borrow_mut() = Some(Sender {
            config: config.clone(),
            root: root.to_string(),
            queued: Vec::new(),
            commits: Commits::default(),
            flush_timer: None,
            hold_timer: None,
            next_from: None,
            viewed_before: false,
        })
    });
    // A page going away sends what waits, within the keepalive quota.
    send::when_page_hides(|| {
        with_sender(|sender| {
            sender.flush(true);
            send::leave_in_flight_to_keepalive(&sender.root);
        })
    });
    timer::after(Duration::ZERO, send::retry_pending);
}

impl Sender {
    /// A search was committed `how`: queued once it is certain the reader
    /// did not go on typing it (see `lantern_core::events::commit`).
    pub fn commit(&mut self, query: &str, how: How, found: Found) {
        let released = self.commits.commit(query, how, found, now_ms());
        for search in released {
            self.queue_search(search);
        }
        if let Some(handle) = self.hold_timer.take() {
            handle.clear();
        }
        let hold = Duration::from_millis(lantern_core::events::commit::HOLD_MS as u64 + 50);
        self.hold_timer = timer::after(hold, || {
            with_sender(|sender| {
                if let Some(search) = sender.commits.due(now_ms()) {
                    sender.queue_search(search);
                }
            })
        });
    }

    fn queue_search(&mut self, search: Committed<Found>) {
        let (results, top) = search.data;
        self.queue(What::Search {
            query: clean(&search.query),
            results,
            top,
            how: search.how.name().to_string(),
        });
    }

    /// Adds an event; a batch leaves at [`FLUSH_AT`] events or
    /// [`FLUSH_AFTER_MS`] after the first.
    pub fn queue(&mut self, what: What) {
        let now = now_ms();
        let event = Event {
            schema_version: SCHEMA_VERSION,
            id: send::random_id(),
            session: send::session_id(&self.root, now),
            at: utc_now(),
            what,
        };
        let Ok(json) = serde_json::to_string(&event) else {
            return;
        };
        self.queued.push(json);
        if self.queued.len() >= FLUSH_AT {
            self.flush(false);
        } else if self.flush_timer.is_none() {
            let wait = Duration::from_millis(FLUSH_AFTER_MS as u64);
            self.flush_timer = timer::after(wait, || with_sender(|sender| sender.flush(false)));
        }
    }

    /// Sends what is queued; `closing` also releases a search held for a
    /// longer one (the page is going away, or a ticket is filed).
    pub fn flush(&mut self, closing: bool) {
        if closing {
            if let Some(search) = self.commits.flush() {
                self.queue_search(search);
            }
        }
        if let Some(handle) = self.flush_timer.take() {
            handle.clear();
        }
        let events = std::mem::take(&mut self.queued);
        if !events.is_empty() {
            send::post_batches(&self.root, &self.config, &events);
        }
    }
}
