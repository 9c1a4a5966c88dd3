//! Events leaving the page: the reader's privacy signals, the session id,
//! and the batches posted with `fetch(…, {keepalive: true})` so the last
//! one survives the page closing. Posted as `text/plain`, which needs no
//! CORS preflight (unless the site configured a header). Batches wait in
//! sessionStorage (`lantern_core::events::queue::Pending`) until a 2xx,
//! so one that failed is retried from the next page too; one whose answer
//! was lost is sent again, which the report de-duplicates by event id. A
//! closing page leaves the batches in flight to `keepalive`
//! ([`leave_in_flight_to_keepalive`]).

use std::cell::RefCell;
use std::collections::HashSet;
use std::time::Duration;

use lantern_core::events::queue::{batch_bodies, Pending, Session};
use lantern_core::events::EventsConfig;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::state::with_sender;
use crate::ticket::browser::{now_ms, random_bytes};
use crate::ticket::storage::{self, Lifetime};
use crate::web::timer;

thread_local! {
    /// Bodies posted and not yet answered: not posted twice at once.
    static IN_FLIGHT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    static RETRY: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

/// Global Privacy Control, or Do Not Track, is on.
pub fn reader_opted_out() -> bool {
    let navigator: JsValue = window().navigator().into();
    let flag = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let on =
        |v: JsValue| v == JsValue::TRUE || v.as_string().is_some_and(|s| s == "1" || s == "yes");
    on(flag(&navigator, "globalPrivacyControl"))
        || on(flag(&navigator, "doNotTrack"))
        || on(flag(&window().into(), "doNotTrack"))
}

/// 80 random bits, as hex.
pub fn random_id() -> String {
    let (a, b) = (random_bytes(), random_bytes());
    a.iter()
        .chain(&b)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The visit's session id: kept in sessionStorage only, new after 30
/// minutes without an event.
pub fn session_id(root: &str, now: f64) -> String {
    let key = storage::key(root, "events-session");
    let stored = storage::load_text(Lifetime::Session, &key);
    let session = Session::at(
        stored.as_deref().and_then(Session::from_text),
        now,
        random_id,
    );
    let _ = storage::save_text(Lifetime::Session, &key, &session.to_text());
    session.id
}

fn pending_key(root: &str) -> String {
    storage::key(root, "events-pending")
}

fn change_pending<T>(root: &str, edit: impl FnOnce(&mut Pending) -> T) -> T {
    let key = pending_key(root);
    let stored = storage::load_text(Lifetime::Session, &key).unwrap_or_default();
    let mut pending = Pending::from_text(&stored);
    let out = edit(&mut pending);
    if pending.batches.is_empty() {
        storage::remove(Lifetime::Session, &key);
    } else {
        let _ = storage::save_text(Lifetime::Session, &key, &pending.to_text());
    }
    out
}

/// Stores the events as batches, then posts every batch that is due.
pub fn post_batches(root: &str, config: &EventsConfig, events: &[String]) {
    let bodies = batch_bodies(events);
    let now = now_ms();
    let due = change_pending(root, |pending| {
        pending.add(bodies, now);
        pending.due(now)
    });
    for body in due {
        post(root.to_string(), config.clone(), body);
    }
}

/// The page is going away: batches in flight are left to `keepalive` and
/// no longer kept for the next page, which would send them again on top
/// (their answers never reach this page, so they would never be marked
/// taken). Losing one is acceptable; a copy of every flush is not.
pub fn leave_in_flight_to_keepalive(root: &str) {
    let flying = IN_FLIGHT.with(|f| f.borrow().clone());
    if !flying.is_empty() {
        change_pending(root, |pending| {
            pending.batches.retain(|b| !flying.contains(&b.body))
        });
    }
}

/// Posts what waits from earlier attempts (or an earlier page).
pub fn retry_pending() {
    with_sender(|sender| post_batches(&sender.root, &sender.config, &[]));
}

fn post(root: String, config: EventsConfig, body: String) {
    let fresh = IN_FLIGHT.with(|f| f.borrow_mut().insert(body.clone()));
    if !fresh {
        return;
    }
    leptos::task::spawn_local(async move {
        let taken = fetch(&config, &body).await;
        IN_FLIGHT.with(|f| f.borrow_mut().remove(&body));
        let now = now_ms();
        let wait = change_pending(&root, |pending| {
            if taken {
                pending.taken(&body);
            } else {
                pending.failed(&body, now);
            }
            pending.wait_ms(now)
        });
        if let Some(wait) = wait {
            RETRY.with(|r| {
                if let Some(handle) = r.borrow_mut().take() {
                    handle.clear();
                }
                *r.borrow_mut() = timer::after(Duration::from_millis(wait as u64), retry_pending);
            });
        }
    });
}

/// One POST; true on a 2xx.
async fn fetch(config: &EventsConfig, body: &str) -> bool {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    // Not in web-sys's RequestInit: set as the plain property it is.
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE);
    let Ok(headers) = web_sys::Headers::new() else {
        return false;
    };
    let _ = headers.set("Content-Type", "text/plain;charset=UTF-8");
    for (name, value) in &config.headers {
        let _ = headers.set(name, value);
    }
    init.set_headers(&headers);
    let promise = window().fetch_with_str_and_init(&config.url, &init);
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(response) => response
            .dyn_into::<web_sys::Response>()
            .is_ok_and(|r| r.ok()),
        Err(_) => false,
    }
}

/// Calls `flush` when the page is hidden or goes away: the last moment a
/// page may still send.
pub fn when_page_hides(flush: fn()) {
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let gone = window_event_listener(leptos::ev::pagehide, move |_| flush());
    // For the page's life: the sender is never stopped.
    std::mem::forget((hidden, gone));
}
