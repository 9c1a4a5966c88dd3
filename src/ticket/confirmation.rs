//! What happened to a ticket, by reference: sending, sent, or waiting in
//! the outbox with the reason and the other ways to send it. It reads the
//! outbox and the sent log, so it stays true across reloads and tabs. It
//! says plainly when the page holds the only copy (storage refused it) and
//! when the stored copy is damaged, instead of "Sending…" forever or "No
//! ticket with this reference".

use lantern_core::ticket::{Channel, OutboxEntry, SentTicket, TicketPayload};
use leptos::prelude::*;

use super::browser::{self, focus_later};
use super::email::{EmailActions, EmailWaiting};
use super::outbound::{use_outbound, Outbound};
use super::{draft, handoffs};
use crate::site::use_site;
use crate::web::clipboard::copy_to_clipboard;

#[derive(Clone, PartialEq)]
enum Status {
    /// `only_here`: storage refused it; this page is its only copy.
    Sending {
        only_here: bool,
    },
    Waiting(Box<OutboxEntry>, bool),
    Sent(SentTicket),
    /// Handed to the email program; not known to have gone.
    Email(Box<TicketPayload>),
    /// On this device, but its stored copy cannot be read: kept, not sent.
    Damaged(String),
    /// Not sent, and the form still has it (a page holding the only copy
    /// was closed before it went).
    InTheForm,
    Unknown,
}

/// The ticket's status, as the outbox, the sent log and the email
/// hand-offs say (they change as it is sent, also from other tabs).
fn use_status(root: String, reference: String) -> Memo<Status> {
    let outbound = use_outbound();
    Memo::new(move |_| status_of(outbound, &root, &reference))
}

fn status_of(outbound: Outbound, root: &str, reference: &str) -> Status {
    if let Some(sent) = outbound
        .sent
        .with(|log| log.iter().find(|t| t.reference == reference).cloned())
    {
        return Status::Sent(sent);
    }
    if let Some(entry) = outbound.outbox.with(|o| o.get(reference).cloned()) {
        let only_here = outbound.only_here(reference);
        if entry.failed_attempts == 0 || outbound.sending.with(|s| s.contains(reference)) {
            return Status::Sending { only_here };
        }
        return Status::Waiting(Box::new(entry), only_here);
    }
    if let Some(saved) = outbound.outbox.with(|o| o.damaged_copy(reference)) {
        return Status::Damaged(saved);
    }
    match handoffs::waiting(root, reference) {
        Some(payload) => Status::Email(Box::new(payload)),
        None if draft::saved_reference(root).as_deref() == Some(reference) => Status::InTheForm,
        None => Status::Unknown,
    }
}

#[component]
pub fn Confirmation(reference: String) -> impl IntoView {
    let site = use_site();
    let status = use_status(site.root.to_string(), reference.clone());
    focus_later("confirmation-title");
    view! {
        <section class="confirmation" aria-labelledby="confirmation-title">
            <div role="status" aria-live="polite">
                {move || view! { <StatusMessage status=status.get()/> }}
            </div>
            <p>"Your reference: " <strong class="reference">{reference}</strong> " (quote it if you contact support again)."</p>
            {move || match status.get() {
                Status::Waiting(entry, _) => view! { <Fallbacks entry=*entry/> }.into_any(),
                Status::Damaged(saved) => view! {
                    <div class="form-actions">
                        <button type="button" on:click=move |_| copy_to_clipboard(saved.clone(), "What was saved is copied")>"Copy what was saved"</button>
                    </div>
                }
                .into_any(),
                Status::Email(payload) => view! { <EmailActions payload=*payload/> }.into_any(),
                _ => ().into_any(),
            }}
            <p class="next-links">
                <a href=format!("{}/", site.root)>"Back to the help center"</a>
                <a href=format!("{}/ticket/", site.root)>"Write another ticket"</a>
            </p>
        </section>
    }
}

/// The title and what it means, announced as it changes.
#[component]
fn StatusMessage(status: Status) -> impl IntoView {
    match status {
        Status::Sending { only_here } => view! {
            <h2 id="confirmation-title" tabindex="-1">"Sending your ticket…"</h2>
            {only_here.then(|| view! { <p class="notice notice-warning">{NO_COPY}</p> })}
        }
        .into_any(),
        Status::Sent(ticket) => view! { <Sent ticket/> }.into_any(),
        Status::Waiting(entry, only_here) => view! { <Waiting entry=*entry only_here/> }.into_any(),
        Status::Damaged(_) => view! {
            <h2 id="confirmation-title" tabindex="-1">"Not sent: the copy saved on this device is damaged"</h2>
            <p class="notice notice-warning">"This device kept your ticket, but its saved copy can no longer be read, so it cannot be sent. It is kept as it was: copy it for support, or write the ticket again."</p>
        }
        .into_any(),
        Status::InTheForm => view! {
            <h2 id="confirmation-title" tabindex="-1">"Not sent: your ticket is still in the form"</h2>
            <p>"This device could not keep a copy, and the page was closed before it went. " <a href=format!("{}/ticket/", use_site().root) rel="external">"Open the form"</a> " to send it again."</p>
        }
        .into_any(),
        Status::Email(payload) => view! { <EmailWaiting payload=*payload/> }.into_any(),
        Status::Unknown => view! {
            <h2 id="confirmation-title" tabindex="-1">"No ticket with this reference on this device"</h2>
            <p>"It may have been sent from another browser. If you need help, write a new ticket."</p>
        }
        .into_any(),
    }
}

/// Said while the page holds the only copy of a ticket.
const NO_COPY: &str = "This device could not keep a copy (its browser storage is full or blocked): keep this page open until it is sent.";

#[component]
fn Waiting(entry: OutboxEntry, only_here: bool) -> impl IntoView {
    let error = entry.last_error.unwrap_or_default();
    let (title, when) = if only_here {
        (
            "Not sent yet: keep this page open",
            "It is retried while this page is open; closing it loses the ticket, so you may prefer to send it another way below.",
        )
    } else if browser::online() {
        (
            "Not sent yet: your ticket is saved on this device",
            "It will be sent automatically, even if you close this page and come back later.",
        )
    } else {
        (
            "Not sent yet: your ticket is saved on this device",
            "You are offline. It will be sent automatically when you are back online.",
        )
    };
    view! {
        <h2 id="confirmation-title" tabindex="-1">{title}</h2>
        <p class="notice notice-warning">
            "We could not deliver it: " {error} ". " {only_here.then_some(NO_COPY)} " " {when}
        </p>
    }
}

#[component]
fn Sent(ticket: SentTicket) -> impl IntoView {
    let site = use_site();
    let response_time = &site.catalog.ticket.response_time;
    let how = match ticket.channel {
        Channel::Webhook => "Support has received your ticket.",
        Channel::Email => "You sent it by email. Support replies to the address you sent it from.",
        Channel::Github => {
            "Your ticket was opened on GitHub: make sure you pressed “Submit new issue”."
        }
    };
    let when = if response_time.is_empty() {
        "Support will reply by email.".to_string()
    } else {
        format!("Support usually replies {response_time}.")
    };
    view! {
        <h2 id="confirmation-title" tabindex="-1">"Ticket sent"</h2>
        <p>{how}</p>
        <p>{when}</p>
    }
}

/// The ways out while the primary channel is failing.
#[component]
fn Fallbacks(entry: OutboxEntry) -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let config = site.catalog.ticket.clone();
    // A stored ticket that does not read as one of this version is still
    // retried as it is; only the other ways out need its fields.
    let payload = entry.payload.ticket();
    let text = payload.as_ref().map(TicketPayload::plain_text);
    let links = config
        .fallbacks()
        .into_iter()
        .filter_map(|channel| {
            let payload = payload.as_ref()?;
            let href = match channel {
                Channel::Email => payload.mailto(config.email.as_deref()?),
                Channel::Github => payload.github_url(config.github.as_ref()?),
                Channel::Webhook => return None,
            };
            Some(view! { <FallbackLink channel href reference=payload.reference.clone()/> })
        })
        .collect_view();
    view! {
        <div class="form-actions fallbacks">
            <button type="button" class="primary" on:click=move |_| outbound.retry_now()>"Retry now"</button>
            {links}
            {text.map(|text| view! {
                <button type="button" on:click=move |_| copy_to_clipboard(text.clone(), "Ticket text copied")>"Copy ticket text"</button>
            })}
        </div>
        <p class="hint">"Sent another way? It stops being retried here, so support does not get it twice."</p>
    }
}

/// Sends a waiting ticket by email or GitHub instead; by email it waits for
/// the user's word that the email went.
#[component]
fn FallbackLink(channel: Channel, href: String, reference: String) -> impl IntoView {
    let outbound = use_outbound();
    let label = match channel {
        Channel::Email => "Send it by email instead",
        _ => "Open it as a GitHub issue instead",
    };
    let target = (channel == Channel::Github).then_some("_blank");
    let chosen = move |_| match channel {
        Channel::Email => outbound.handed_to_email(&reference),
        _ => outbound.sent_elsewhere(&reference, channel),
    };
    view! {
        <a class="button" href=href target=target rel="noopener" on:click=chosen>{label}</a>
    }
}
