//! Tickets waiting to be delivered. The app writes the outbox to local
//! storage *before* each attempt and removes a ticket only after the
//! receiver answered 2xx, so neither a failed request nor a reload in the
//! middle of one loses it. Retries resend the same reference, so a
//! receiver that de-duplicates never sees two tickets.
//!
//! What storage gives back is read one entry at a time ([`Outbox::from_stored`]):
//! an entry that cannot be read is kept aside and written back, never
//! dropped; fields a later version adds are ignored, and fields it may
//! leave out have defaults.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::delivery::TicketPayload;
use super::queued::QueuedTicket;
use super::stored::{mentioning, read_back};
use super::Channel;

/// The longest backoff. A due time further ahead than this came from a
/// clock that ran fast and was put back (see [`Outbox::rebase`]).
pub const MAX_BACKOFF_MS: f64 = 300_000.0;
/// The shortest wait between two pumps, so a ticket due "now" on every
/// pass cannot spin the page.
pub const MIN_WAIT_MS: f64 = 50.0;

/// First retry after 2 s, doubling up to 5 minutes.
pub fn backoff_ms(failed_attempts: u32) -> f64 {
    let exponent = failed_attempts.saturating_sub(1).min(16);
    (2_000.0 * f64::from(1u32 << exponent)).min(MAX_BACKOFF_MS)
}

/// What a receiver's HTTP status means for the ticket.
pub fn status_outcome(status: u16) -> Result<(), String> {
    match status {
        200..=299 => Ok(()),
        400..=499 => Err(format!(
            "the support system refused the ticket (HTTP {status})"
        )),
        _ => Err(format!("the support system had a problem (HTTP {status})")),
    }
}

/// Why a redirect is not a delivery: the ticket reached some other page (a
/// sign-in proxy, a moved address), not the helpdesk.
pub const REDIRECT_ERROR: &str = "the support system's address sent it elsewhere (a redirect), so it did not arrive: the site's ticket settings need the address that answers directly";

/// A ticket waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The ticket, sent as it is on every attempt.
    pub payload: QueuedTicket,
    /// How many attempts failed so far.
    #[serde(default)]
    pub failed_attempts: u32,
    /// Milliseconds since the epoch (missing: due now).
    #[serde(default)]
    pub next_attempt_ms: f64,
    /// Why the last attempt failed, for the user.
    #[serde(default)]
    pub last_error: Option<String>,
}

/// Every ticket not yet delivered, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    /// The waiting tickets, oldest first.
    pub entries: Vec<OutboxEntry>,
    /// Stored entries that could not be read, as they were stored: written
    /// back with the outbox so no write erases them, never sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Value>,
}

impl Outbox {
    /// The outbox as storage gives it back, entry by entry: never fails,
    /// keeps what it cannot read (see `ticket::stored`). The same
    /// reference twice keeps the first.
    pub fn from_stored(text: &str) -> Self {
        let read = read_back::<OutboxEntry>(text, "entries");
        let mut outbox = Outbox {
            entries: Vec::with_capacity(read.items.len()),
            unreadable: read.unreadable,
        };
        for entry in read.items {
            if outbox.get(entry.payload.reference()).is_none() {
                outbox.entries.push(entry);
            }
        }
        outbox
    }

    /// Whether an entry that could not be read seems to be this ticket.
    pub fn damaged(&self, reference: &str) -> bool {
        self.damaged_copy(reference).is_some()
    }

    /// What storage held for this ticket, if it could not be read: to copy
    /// for support.
    pub fn damaged_copy(&self, reference: &str) -> Option<String> {
        mentioning(&self.unreadable, reference)
    }

    /// Due times further ahead than the longest backoff (a clock that ran
    /// fast, then was put back; or a damaged value) become due now, so the
    /// ticket is not left for weeks. True if any changed.
    pub fn rebase(&mut self, now_ms: f64) -> bool {
        let mut changed = false;
        for entry in &mut self.entries {
            let far = entry.next_attempt_ms > now_ms + MAX_BACKOFF_MS;
            if far || !entry.next_attempt_ms.is_finite() {
                entry.next_attempt_ms = now_ms;
                changed = true;
            }
        }
        changed
    }

    /// How long to wait before the next pump, if any ticket waits: between
    /// [`MIN_WAIT_MS`] and [`MAX_BACKOFF_MS`], whatever the stored times
    /// say (a browser timer overflows past 2^31 ms, about 24.9 days).
    pub fn wait_ms(&self, now_ms: f64) -> Option<f64> {
        let wait = self.next_attempt_ms()? - now_ms;
        Some(if wait.is_nan() {
            MIN_WAIT_MS
        } else {
            wait.clamp(MIN_WAIT_MS, MAX_BACKOFF_MS)
        })
    }

    /// Adds a ticket, due now. Adding the same reference again keeps the
    /// one already queued.
    pub fn enqueue(&mut self, payload: TicketPayload, now_ms: f64) {
        if self.get(&payload.reference).is_none() {
            self.entries.push(OutboxEntry {
                payload: QueuedTicket::new(&payload),
                failed_attempts: 0,
                next_attempt_ms: now_ms,
                last_error: None,
            });
        }
    }

    /// The waiting ticket with this reference.
    pub fn get(&self, reference: &str) -> Option<&OutboxEntry> {
        self.entries
            .iter()
            .find(|e| e.payload.reference() == reference)
    }

    /// References whose next attempt is due, oldest first.
    pub fn due(&self, now_ms: f64) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| e.next_attempt_ms <= now_ms)
            .map(|e| e.payload.reference().to_string())
            .collect()
    }

    /// Makes every ticket due now (the browser came back online, or the
    /// user pressed "Retry now").
    pub fn retry_all_now(&mut self, now_ms: f64) {
        for entry in &mut self.entries {
            entry.next_attempt_ms = now_ms;
        }
    }

    /// An attempt failed: the next one waits longer (see [`backoff_ms`]).
    pub fn record_failure(&mut self, reference: &str, now_ms: f64, error: String) {
        if let Some(entry) = self
            .entries
            .iter_mut()
            .find(|e| e.payload.reference() == reference)
        {
            // Saturating: a count read back from storage may be at the top.
            entry.failed_attempts = entry.failed_attempts.saturating_add(1);
            entry.next_attempt_ms = now_ms + backoff_ms(entry.failed_attempts);
            entry.last_error = Some(error);
        }
    }

    /// Removes a delivered ticket.
    pub fn delivered(&mut self, reference: &str) -> Option<OutboxEntry> {
        let at = self
            .entries
            .iter()
            .position(|e| e.payload.reference() == reference)?;
        Some(self.entries.remove(at))
    }

    /// When the next attempt is due, if any ticket is waiting.
    pub fn next_attempt_ms(&self) -> Option<f64> {
        self.entries
            .iter()
            .map(|e| e.next_attempt_ms)
            .min_by(f64::total_cmp)
    }
}

/// A ticket that left the page, kept so the confirmation survives a
/// reload. Only what the confirmation needs: no name, email, subject or
/// text stays on the device once support has the ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentTicket {
    /// The ticket's reference.
    pub reference: String,
    /// The channel that took it.
    pub channel: Channel,
    /// When it left, in milliseconds since the epoch.
    pub sent_ms: f64,
}

/// Most recent first, at most this many.
pub const SENT_LOG_LEN: usize = 20;

/// The sent log as storage gives it back; entries that cannot be read
/// are dropped (they are only receipts: nothing waits on them).
pub fn sent_log_from_stored(text: &str) -> Vec<SentTicket> {
    read_back::<SentTicket>(text, "sent").items
}

/// Adds a ticket to the sent log, newest first, at most [`SENT_LOG_LEN`].
pub fn remember_sent(log: &mut Vec<SentTicket>, ticket: SentTicket) {
    log.retain(|t| t.reference != ticket.reference);
    log.insert(0, ticket);
    log.truncate(SENT_LOG_LEN);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_two_seconds_up_to_five_minutes() {
        let waits: Vec<f64> = (1..=9).map(backoff_ms).collect();
        assert_eq!(
            waits,
            [2e3, 4e3, 8e3, 16e3, 32e3, 64e3, 128e3, 256e3, 300e3]
        );
        assert_eq!(backoff_ms(u32::MAX), 300e3);
    }

    #[test]
    fn only_2xx_counts_as_delivered() {
        assert!(status_outcome(200).is_ok());
        assert!(status_outcome(204).is_ok());
        for status in [0, 301, 400, 404, 429, 500, 503] {
            assert!(status_outcome(status).is_err(), "{status}");
        }
    }
}
