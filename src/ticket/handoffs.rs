//! Tickets handed to the user's email program, kept on this device until
//! the user says the email went (see `email` for what the page shows).
//! Storage only: the outbox hands tickets here and the confirmation reads
//! them, so neither depends on the other's views.

use lantern_core::ticket::{Handoffs, TicketPayload};

use super::storage::{self, Lifetime};

fn key(root: &str) -> String {
    storage::key(root, "email-handoff")
}

fn load(root: &str) -> Handoffs {
    storage::load(Lifetime::Local, &key(root)).unwrap_or_default()
}

/// Keeps the ticket until the user confirms it went. Fails only when the
/// browser cannot store it.
pub fn hand_off(root: &str, payload: TicketPayload) -> Result<(), String> {
    let mut handoffs = load(root);
    handoffs.hand_off(payload);
    storage::save(Lifetime::Local, &key(root), &handoffs)
}

/// The ticket with this reference, if it waits for the user's word.
pub fn waiting(root: &str, reference: &str) -> Option<TicketPayload> {
    load(root).get(reference).cloned()
}

/// The user says the email went: the ticket leaves the hand-offs (and is
/// returned, to be logged as sent).
pub fn confirm(root: &str, reference: &str) -> Option<TicketPayload> {
    let mut handoffs = load(root);
    let payload = handoffs.confirm(reference)?;
    let _ = storage::save(Lifetime::Local, &key(root), &handoffs);
    Some(payload)
}
