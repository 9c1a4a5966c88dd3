//! A ticket handed to the user's email program, until the user says the
//! email went. Nothing in the page can tell whether a mail program opened
//! (webmail users have none), so the confirmation says what should have
//! happened, keeps the email link and the ticket text at hand, and the
//! draft stays on this device until the user presses "I sent the email".

use lantern_core::ticket::{Channel, TicketPayload};
use leptos::prelude::*;

use super::draft;
use super::handoffs;
use super::outbound::{use_outbound, Outbound};
use crate::site::{use_site, Site};
use crate::web::clipboard::copy_to_clipboard;

/// The user sent it: log it as sent, and delete its draft (only if the
/// draft is still this ticket, not a newer one begun since).
fn confirm_sent(site: &Site, outbound: Outbound, reference: &str) {
    let Some(payload) = handoffs::confirm(site.root, reference) else {
        return;
    };
    let current = draft::load(site);
    if current.reference == reference {
        draft::finish(site, &current);
    }
    outbound.record_sent(&payload.reference, Channel::Email);
}

/// What the confirmation says while the email may or may not have gone.
#[component]
pub fn EmailWaiting(payload: TicketPayload) -> impl IntoView {
    let site = use_site();
    let what = match &site.catalog.ticket.email {
        Some(to) => format!("Your email program should have opened a message to {to}."),
        None => "Your email program should have opened a message to the service desk.".into(),
    };
    view! {
        <h2 id="confirmation-title" tabindex="-1">"Check that your email went out"</h2>
        <p>
            {what}
            " If nothing opened, copy the ticket text and send it from your webmail. "
            "Your draft stays saved on this device until you tell us it went."
        </p>
        <p class="subject">"“" {payload.subject} "”"</p>
    }
}

/// The ways to send it, and the user's word that it went.
#[component]
pub fn EmailActions(payload: TicketPayload) -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let link = site
        .catalog
        .ticket
        .email
        .as_deref()
        .map(|to| payload.mailto(to));
    let text = payload.plain_text();
    let copy_text = text.clone();
    let reference = payload.reference.clone();
    view! {
        <div class="form-actions email-actions">
            <button type="button" class="primary"
                on:click=move |_| confirm_sent(&site, outbound, &reference)>"I sent the email"</button>
            {link.map(|href| view! {
                <a class="button" href=href rel="noopener">"Open the email again"</a>
            })}
            <button type="button"
                on:click=move |_| copy_to_clipboard(copy_text.clone(), "Ticket text copied")>"Copy the ticket text"</button>
        </div>
        <details>
            <summary>"Show the ticket text"</summary>
            <pre class="ticket-text">{text}</pre>
        </details>
    }
}
