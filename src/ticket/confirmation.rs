//! What happened to a ticket, by reference: sending, sent, or waiting in
//! the outbox with the reason and the other ways to send it. It reads the
//! outbox and the sent log, so it stays true across reloads and tabs.

use lantern_core::ticket::{Channel, OutboxEntry, SentTicket, TicketPayload};
use leptos::prelude::*;

use super::email::{self, EmailActions, EmailWaiting};
use super::outbound::use_outbound;
use crate::dom::copy_to_clipboard;
use crate::site::use_site;

#[derive(Clone, PartialEq)]
enum Status {
    Sending,
    Waiting(Box<OutboxEntry>),
    Sent(SentTicket),
    /// Handed to the email program; not known to have gone.
    Email(Box<TicketPayload>),
    Unknown,
}

#[component]
pub fn Confirmation(reference: String) -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let status_ref = reference.clone();
    let root = site.root.clone();
    let status = Memo::new(move |_| {
        if let Some(sent) = outbound
            .sent
            .with(|log| log.iter().find(|t| t.reference == status_ref).cloned())
        {
            return Status::Sent(sent);
        }
        match outbound.outbox.with(|o| o.get(&status_ref).cloned()) {
            Some(entry)
                if entry.failed_attempts == 0
                    || outbound.sending.with(|s| s.contains(&status_ref)) =>
            {
                Status::Sending
            }
            Some(entry) => Status::Waiting(Box::new(entry)),
            None => match email::waiting(&root, &status_ref) {
                Some(payload) => Status::Email(Box::new(payload)),
                None => Status::Unknown,
            },
        }
    });
    let response_time = site.catalog.ticket.response_time.clone();
    let home = format!("{}/", site.root);
    super::form::focus_later("confirmation-title");

    view! {
        <section class="confirmation" aria-labelledby="confirmation-title">
            <div role="status" aria-live="polite">
                {move || match status.get() {
                    Status::Sending => view! {
                        <h2 id="confirmation-title" tabindex="-1">"Sending your ticket…"</h2>
                    }.into_any(),
                    Status::Sent(ticket) => {
                        let how = match ticket.channel {
                            Channel::Webhook => "Support has received your ticket.".to_string(),
                            Channel::Email => "You sent it by email. Support replies to the address you sent it from.".to_string(),
                            Channel::Github => "Your ticket was opened on GitHub: make sure you pressed “Submit new issue”.".to_string(),
                        };
                        let when = if response_time.is_empty() {
                            "Support will reply by email.".to_string()
                        } else {
                            format!("Support usually replies {response_time}.")
                        };
                        view! {
                            <h2 id="confirmation-title" tabindex="-1">"Ticket sent"</h2>
                            <p>{how}</p>
                            <p class="subject">"“" {ticket.subject} "”"</p>
                            <p>{when}</p>
                        }.into_any()
                    }
                    Status::Waiting(entry) => view! {
                        <h2 id="confirmation-title" tabindex="-1">"Not sent yet: your ticket is saved on this device"</h2>
                        <p class="notice notice-warning">
                            "We could not deliver it: " {entry.last_error.clone().unwrap_or_default()} ". "
                            {if window().navigator().on_line() {
                                "It will be sent automatically, even if you close this page and come back later."
                            } else {
                                "You are offline. It will be sent automatically when you are back online."
                            }}
                        </p>
                    }.into_any(),
                    Status::Email(payload) => view! { <EmailWaiting payload=*payload/> }.into_any(),
                    Status::Unknown => view! {
                        <h2 id="confirmation-title" tabindex="-1">"No ticket with this reference on this device"</h2>
                        <p>"It may have been sent from another browser. If you need help, write a new ticket."</p>
                    }.into_any(),
                }}
            </div>
            <p>"Your reference: " <strong class="reference">{reference.clone()}</strong> " (quote it if you contact support again)."</p>
            {
                let reference = reference.clone();
                move || match status.get() {
                    Status::Waiting(entry) => view! { <Fallbacks entry=*entry/> }.into_any(),
                    Status::Email(payload) => view! { <EmailActions payload=*payload/> }.into_any(),
                    _ => { let _ = &reference; ().into_any() }
                }
            }
            <p class="next-links">
                <a href=home>"Back to the help center"</a>
                <a href=format!("{}/ticket/", site.root)>"Write another ticket"</a>
            </p>
        </section>
    }
}

/// The ways out while the primary channel is failing.
#[component]
fn Fallbacks(entry: OutboxEntry) -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let config = site.catalog.ticket.clone();
    let payload = entry.payload.clone();
    let text = payload.plain_text();
    let links = config
        .fallbacks()
        .into_iter()
        .filter_map(|channel| {
            let href = match channel {
                Channel::Email => payload.mailto(config.email.as_deref()?),
                Channel::Github => payload.github_url(config.github.as_ref()?),
                Channel::Webhook => return None,
            };
            let label = match channel {
                Channel::Email => "Send it by email instead",
                _ => "Open it as a GitHub issue instead",
            };
            let reference = payload.reference.clone();
            let target = (channel == Channel::Github).then_some("_blank");
            // By email it waits for the user's word that the email went.
            let chosen = move |_| match channel {
                Channel::Email => outbound.handed_to_email(&reference),
                _ => outbound.sent_elsewhere(&reference, channel),
            };
            Some(view! {
                <a class="button" href=href target=target rel="noopener" on:click=chosen>{label}</a>
            })
        })
        .collect_view();
    view! {
        <div class="form-actions fallbacks">
            <button type="button" class="primary" on:click=move |_| outbound.retry_now()>"Retry now"</button>
            {links}
            <button type="button" on:click=move |_| copy_to_clipboard(text.clone(), "Ticket text copied")>"Copy ticket text"</button>
        </div>
        <p class="hint">"Sent another way? It stops being retried here, so support does not get it twice."</p>
    }
}
