//! Delivers queued tickets to the webhook, from any page of the site: on
//! load, when the browser comes back online, and on a backoff timer. The
//! outbox is written to local storage before every attempt and a ticket
//! leaves it only on a 2xx, so a failure, a timeout or a reload in the
//! middle of a request never loses it; each retry resends the same
//! reference, so a receiver that de-duplicates never sees it twice.
//!
//! When storage refuses a ticket (full, blocked) it is still sent at once
//! and retried from this page's memory (`lantern_core::ticket::Held`); the
//! confirmation tells the user to keep the page open and the form keeps
//! the draft until a 2xx. Only a 2xx from the webhook's own address counts:
//! redirects are not followed (an SSO proxy or a moved address answering
//! 200 is not the helpdesk).

use std::collections::HashSet;
use std::time::Duration;

use lantern_core::ticket::outbox::{
    remember_sent, sent_log_from_stored, status_outcome, REDIRECT_ERROR,
};
use lantern_core::ticket::{Channel, Held, Outbox, SentTicket, TicketPayload, WebhookConfig};
use leptos::ev;
use leptos::prelude::*;

use super::browser::{now_ms, online};
use super::storage::{self, Lifetime};
use crate::announcer::Announcer;
use crate::web::timer;

#[derive(Clone, Copy)]
pub struct Outbound {
    /// What storage holds, with what only this page holds laid over it.
    pub outbox: RwSignal<Outbox>,
    /// Tickets that left this device, newest first.
    pub sent: RwSignal<Vec<SentTicket>>,
    /// References being sent right now (no second request while one runs).
    pub sending: RwSignal<HashSet<String>>,
    /// What this page knows that storage refused to keep.
    held: RwSignal<Held>,
    root: StoredValue<String>,
    webhook: StoredValue<Option<WebhookConfig>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    announcer: Announcer,
}

pub fn use_outbound() -> Outbound {
    expect_context::<Outbound>()
}

impl Outbound {
    /// Starts delivering whatever an earlier visit left in the outbox.
    /// `at_once` reads it before the page is drawn (the ticket pages show
    /// its state); otherwise in the next task, because the first read of
    /// local storage in a visit can take several milliseconds that the
    /// first search should not wait for.
    pub fn start(
        root: String,
        webhook: Option<WebhookConfig>,
        announcer: Announcer,
        at_once: bool,
    ) -> Self {
        let this = Self {
            outbox: RwSignal::new(Outbox::default()),
            sent: RwSignal::new(Vec::new()),
            sending: RwSignal::new(HashSet::new()),
            held: RwSignal::new(Held::default()),
            root: StoredValue::new(root),
            webhook: StoredValue::new(webhook),
            timer: StoredValue::new(None),
            announcer,
        };
        let back_online = window_event_listener(ev::online, move |_| this.retry_now());
        // Another tab queued or delivered a ticket.
        let storage = window_event_listener(ev::storage, move |_| this.reload_and_pump());
        on_cleanup(move || {
            back_online.remove();
            storage.remove();
        });
        if at_once {
            this.reload_and_pump();
        } else {
            timer::after(Duration::ZERO, move || this.reload_and_pump());
        }
        this
    }

    fn outbox_key(&self) -> String {
        storage::key(&self.root.get_value(), "outbox")
    }

    fn sent_key(&self) -> String {
        storage::key(&self.root.get_value(), "sent")
    }

    fn reload_and_pump(&self) {
        self.reload();
        self.pump();
    }

    fn reload(&self) {
        // Due times far ahead (a clock put back) are made due now.
        let _ = self.change(|outbox| {
            outbox.rebase(now_ms());
        });
        let log = storage::load_text(Lifetime::Local, &self.sent_key());
        self.sent
            .set(log.map(|t| sent_log_from_stored(&t)).unwrap_or_default());
    }

    /// The outbox as stored, read entry by entry: one damaged entry is set
    /// aside (and written back with the rest), never the end of the others.
    fn stored(&self) -> Outbox {
        storage::load_text(Lifetime::Local, &self.outbox_key())
            .map(|text| Outbox::from_stored(&text))
            .unwrap_or_default()
    }

    /// Applies a change to the stored outbox (re-read first: another tab may
    /// have changed it) and to the signal. If storage refuses the result,
    /// this page holds it (see `Held`) and the error says why.
    fn change(&self, edit: impl FnOnce(&mut Outbox)) -> Result<(), String> {
        let mut edit = Some(edit);
        self.change_dyn(&mut |outbox| {
            if let Some(edit) = edit.take() {
                edit(outbox)
            }
        })
    }

    /// One copy of the work for every caller's edit (not one per closure).
    #[inline(never)]
    fn change_dyn(&self, edit: &mut dyn FnMut(&mut Outbox)) -> Result<(), String> {
        let stored = self.stored();
        let mut outbox = self.held.with_untracked(|h| h.over(stored.clone()));
        edit(&mut outbox);
        let saved = if outbox == stored {
            Ok(())
        } else {
            storage::save(Lifetime::Local, &self.outbox_key(), &outbox)
        };
        let held = self
            .held
            .with_untracked(|h| h.after_write(&stored, &outbox, saved.is_ok()));
        if self.held.with_untracked(|h| *h != held) {
            self.held.set(held);
        }
        self.outbox.set(outbox);
        saved
    }

    /// Whether this ticket exists only in this page's memory (storage
    /// refused it): lost if the page closes before it is sent.
    pub fn only_here(&self, reference: &str) -> bool {
        self.held.with(|h| h.only_here().contains(reference))
    }

    pub fn record_sent(&self, reference: &str, channel: Channel) {
        let mut log = self.sent.get_untracked();
        remember_sent(
            &mut log,
            SentTicket {
                reference: reference.to_string(),
                channel,
                sent_ms: now_ms(),
            },
        );
        let _ = storage::save(Lifetime::Local, &self.sent_key(), &log);
        self.sent.set(log);
    }

    /// Queues a ticket for the webhook and starts sending it at once. Fails
    /// when the browser cannot store it: it is sent from this page's memory
    /// all the same, and the caller keeps the draft until a 2xx.
    pub fn queue(&self, payload: TicketPayload) -> Result<(), String> {
        let saved = self.change(|outbox| outbox.enqueue(payload, now_ms()));
        self.pump();
        saved
    }

    /// The user sent it another way (email, GitHub): stop retrying.
    pub fn sent_elsewhere(&self, reference: &str, channel: Channel) {
        let mut delivered = None;
        let _ = self.change(|outbox| delivered = outbox.delivered(reference));
        if delivered.is_some() {
            self.record_sent(reference, channel);
        }
    }

    /// The user chose to send it by email: it stops being retried here and
    /// waits, with its text, for the user to say the email went. If the
    /// browser cannot keep it there, it stays in the outbox.
    pub fn handed_to_email(&self, reference: &str) {
        let Some(payload) = self
            .outbox
            .with_untracked(|o| o.get(reference).and_then(|e| e.payload.ticket()))
        else {
            return;
        };
        if super::handoffs::hand_off(&self.root.get_value(), payload).is_ok() {
            let _ = self.change(|outbox| {
                outbox.delivered(reference);
            });
        }
    }

    pub fn retry_now(&self) {
        let _ = self.change(|outbox| outbox.retry_all_now(now_ms()));
        self.pump();
    }

    fn clear_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
    }

    /// Sends every ticket that is due, then sets the timer for the next.
    pub fn pump(&self) {
        self.clear_timer();
        let now = now_ms();
        if !online() {
            // Say why it waits; the `online` event wakes us, no timer needed.
            let due = self.outbox.with_untracked(|o| o.due(now));
            let _ = self.change(|outbox| {
                for reference in due {
                    outbox.record_failure(&reference, now, "this device is offline".into());
                }
            });
            return;
        }
        let due = self.outbox.with_untracked(|o| o.due(now));
        for reference in due {
            if self.sending.with_untracked(|s| s.contains(&reference)) {
                continue;
            }
            self.sending.update(|s| {
                s.insert(reference.clone());
            });
            let this = *self;
            leptos::task::spawn_local(async move { this.attempt(reference).await });
        }
        self.schedule();
    }

    /// Sets the one timer for the next due ticket. The wait is bounded
    /// (`Outbox::wait_ms`): a stored time weeks ahead overflowed the
    /// browser's timer and aborted the app.
    fn schedule(&self) {
        self.clear_timer();
        let Some(wait) = self.outbox.with_untracked(|o| o.wait_ms(now_ms())) else {
            return;
        };
        let this = *self;
        let handle = timer::after(Duration::from_millis(wait as u64), move || this.pump());
        self.timer.set_value(handle);
    }

    async fn attempt(self, reference: String) {
        let payload = self
            .outbox
            .with_untracked(|o| o.get(&reference).map(|e| e.payload.clone()));
        let result = match (payload.as_ref(), self.webhook.get_value()) {
            (Some(payload), Some(webhook)) => post(&webhook, payload.json()).await,
            (Some(_), None) => Err("no webhook is configured for this site any more".into()),
            (None, _) => Ok(()), // delivered meanwhile, by another tab
        };
        let now = now_ms();
        match result {
            Ok(()) => {
                let _ = self.change(|outbox| {
                    outbox.delivered(&reference);
                });
                if payload.is_some() {
                    self.record_sent(&reference, Channel::Webhook);
                    super::draft::forget_delivered(&self.root.get_value(), &reference);
                    self.announcer
                        .say(format!("Ticket {reference} was sent to support."));
                }
            }
            Err(error) => {
                let _ = self.change(|outbox| outbox.record_failure(&reference, now, error));
            }
        }
        self.sending.update(|s| {
            s.remove(&reference);
        });
        self.schedule();
    }
}

/// One POST, abandoned after the configured timeout.
async fn post(webhook: &WebhookConfig, payload: &serde_json::Value) -> Result<(), String> {
    let controller = web_sys::AbortController::new().map_err(|_| "cannot send".to_string())?;
    let signal = controller.signal();
    let timeout = Duration::from_secs(webhook.timeout_seconds.into());
    let timer = timer::after(timeout, move || controller.abort());
    // Not followed: the ticket must reach the webhook itself.
    let mut request = gloo_net::http::Request::post(&webhook.url)
        .abort_signal(Some(&signal))
        .redirect(web_sys::RequestRedirect::Manual);
    if let Some(header) = &webhook.header {
        request = request.header(&header.name, &header.value);
    }
    let outcome = match request.json(payload) {
        Err(e) => Err(format!("the ticket could not be prepared ({e})")),
        Ok(request) => match request.send().await {
            Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => {
                Err(REDIRECT_ERROR.into())
            }
            Ok(response) => status_outcome(response.status()),
            Err(_) if signal.aborted() => Err(format!(
                "the support system did not answer within {} seconds",
                webhook.timeout_seconds
            )),
            Err(_) if !online() => Err("this device is offline".into()),
            Err(_) => Err("the support system could not be reached".into()),
        },
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome
}
