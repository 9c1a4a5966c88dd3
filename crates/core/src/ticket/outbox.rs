//! Tickets waiting to be delivered. The app writes the outbox to local
//! storage *before* each attempt and removes a ticket only after the
//! receiver answered 2xx, so neither a failed request nor a reload in the
//! middle of one loses it. Retries resend the same reference, so a
//! receiver that de-duplicates never sees two tickets.

use serde::{Deserialize, Serialize};

use super::delivery::TicketPayload;
use super::Channel;

/// First retry after 2 s, doubling up to 5 minutes.
pub fn backoff_ms(failed_attempts: u32) -> f64 {
    let exponent = failed_attempts.saturating_sub(1).min(16);
    (2_000.0 * f64::from(1u32 << exponent)).min(300_000.0)
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

/// A ticket waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The ticket, sent as it is on every attempt.
    pub payload: TicketPayload,
    /// How many attempts failed so far.
    pub failed_attempts: u32,
    /// Milliseconds since the epoch.
    pub next_attempt_ms: f64,
    /// Why the last attempt failed, for the user.
    pub last_error: Option<String>,
}

/// Every ticket not yet delivered, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    /// The waiting tickets, oldest first.
    pub entries: Vec<OutboxEntry>,
}

impl Outbox {
    /// Adds a ticket, due now. Adding the same reference again keeps the
    /// one already queued.
    pub fn enqueue(&mut self, payload: TicketPayload, now_ms: f64) {
        if self.get(&payload.reference).is_none() {
            self.entries.push(OutboxEntry {
                payload,
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
            .find(|e| e.payload.reference == reference)
    }

    /// References whose next attempt is due, oldest first.
    pub fn due(&self, now_ms: f64) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| e.next_attempt_ms <= now_ms)
            .map(|e| e.payload.reference.clone())
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
            .find(|e| e.payload.reference == reference)
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
            .position(|e| e.payload.reference == reference)?;
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

/// A ticket that left the page, kept so the confirmation survives a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentTicket {
    /// The ticket's reference.
    pub reference: String,
    /// Its subject, to name it on the confirmation.
    pub subject: String,
    /// The channel that took it.
    pub channel: Channel,
    /// When it left, in milliseconds since the epoch.
    pub sent_ms: f64,
}

/// Most recent first, at most this many.
pub const SENT_LOG_LEN: usize = 20;

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
