//! Delivers queued tickets to the webhook, from any page of the site: on
//! load, when the browser comes back online, and on a backoff timer. The
//! outbox is written to local storage before every attempt and a ticket
//! leaves it only on a 2xx, so a failure, a timeout or a reload in the
//! middle of a request never loses it; each retry resends the same
//! reference, so a receiver that de-duplicates never sees it twice.

use std::collections::HashSet;
use std::time::Duration;

use lantern_core::ticket::outbox::{remember_sent, status_outcome};
use lantern_core::ticket::{Channel, Outbox, SentTicket, TicketPayload, WebhookConfig};
use leptos::ev;
use leptos::prelude::*;

use super::browser::{now_ms, online};
use super::storage::{self, Lifetime};
use crate::announcer::Announcer;

#[derive(Clone, Copy)]
pub struct Outbound {
    pub outbox: RwSignal<Outbox>,
    /// Tickets that left this device, newest first.
    pub sent: RwSignal<Vec<SentTicket>>,
    /// References being sent right now (no second request while one runs).
    pub sending: RwSignal<HashSet<String>>,
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
            set_timeout(move || this.reload_and_pump(), Duration::ZERO);
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
        self.outbox
            .set(storage::load(Lifetime::Local, &self.outbox_key()).unwrap_or_default());
        self.sent
            .set(storage::load(Lifetime::Local, &self.sent_key()).unwrap_or_default());
    }

    /// Applies a change to the stored outbox (re-read first: another tab may
    /// have changed it) and to the signal.
    fn change(&self, edit: impl FnOnce(&mut Outbox)) -> Result<(), String> {
        let key = self.outbox_key();
        let mut outbox: Outbox = storage::load(Lifetime::Local, &key).unwrap_or_default();
        edit(&mut outbox);
        let saved = storage::save(Lifetime::Local, &key, &outbox);
        self.outbox.set(outbox);
        saved
    }

    pub fn record_sent(&self, payload: &TicketPayload, channel: Channel) {
        let mut log = self.sent.get_untracked();
        remember_sent(
            &mut log,
            SentTicket {
                reference: payload.reference.clone(),
                subject: payload.subject.clone(),
                channel,
                sent_ms: now_ms(),
            },
        );
        let _ = storage::save(Lifetime::Local, &self.sent_key(), &log);
        self.sent.set(log);
    }

    /// Queues a ticket for the webhook and starts sending it. Fails only
    /// when the browser cannot store it; the caller then keeps the draft.
    pub fn queue(&self, payload: TicketPayload) -> Result<(), String> {
        self.change(|outbox| outbox.enqueue(payload, now_ms()))?;
        self.pump();
        Ok(())
    }

    /// The user sent it another way (email, GitHub): stop retrying.
    pub fn sent_elsewhere(&self, reference: &str, channel: Channel) {
        let mut payload = None;
        let _ = self.change(|outbox| payload = outbox.delivered(reference).map(|e| e.payload));
        if let Some(payload) = payload {
            self.record_sent(&payload, channel);
        }
    }

    /// The user chose to send it by email: it stops being retried here and
    /// waits, with its text, for the user to say the email went. If the
    /// browser cannot keep it there, it stays in the outbox.
    pub fn handed_to_email(&self, reference: &str) {
        let Some(payload) = self
            .outbox
            .with_untracked(|o| o.get(reference).map(|e| e.payload.clone()))
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

    /// Sends every ticket that is due, then sets the timer for the next.
    pub fn pump(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
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

    fn schedule(&self) {
        let Some(next) = self.outbox.with_untracked(Outbox::next_attempt_ms) else {
            return;
        };
        let wait = (next - now_ms()).max(50.0);
        let this = *self;
        if let Ok(handle) =
            set_timeout_with_handle(move || this.pump(), Duration::from_millis(wait as u64))
        {
            self.timer.set_value(Some(handle));
        }
    }

    async fn attempt(self, reference: String) {
        let payload = self
            .outbox
            .with_untracked(|o| o.get(&reference).map(|e| e.payload.clone()));
        let result = match (payload.as_ref(), self.webhook.get_value()) {
            (Some(payload), Some(webhook)) => post(&webhook, payload).await,
            (Some(_), None) => Err("no webhook is configured for this site any more".into()),
            (None, _) => Ok(()), // delivered meanwhile, by another tab
        };
        let now = now_ms();
        match result {
            Ok(()) => {
                let _ = self.change(|outbox| {
                    outbox.delivered(&reference);
                });
                if let Some(payload) = &payload {
                    self.record_sent(payload, Channel::Webhook);
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
async fn post(webhook: &WebhookConfig, payload: &TicketPayload) -> Result<(), String> {
    let controller = web_sys::AbortController::new().map_err(|_| "cannot send".to_string())?;
    let signal = controller.signal();
    let timeout = Duration::from_secs(webhook.timeout_seconds.into());
    let timer = set_timeout_with_handle(move || controller.abort(), timeout).ok();
    let mut request = gloo_net::http::Request::post(&webhook.url).abort_signal(Some(&signal));
    if let Some(header) = &webhook.header {
        request = request.header(&header.name, &header.value);
    }
    let outcome = match request.json(payload) {
        Err(e) => Err(format!("the ticket could not be prepared ({e})")),
        Ok(request) => match request.send().await {
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
