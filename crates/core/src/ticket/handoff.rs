//! Tickets handed to the user's email program. A page cannot tell whether
//! a mail program opened (webmail users have none), nor whether the user
//! pressed Send in it, so a ticket handed over is kept here, with its
//! draft, until the user says the email went.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::delivery::TicketPayload;
use super::stored::read_back;

/// At most this many wait at once; the oldest goes first.
pub const MAX_HANDOFFS: usize = 10;

/// Tickets handed to an email program, waiting for the user to say they went.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Handoffs {
    /// Oldest first.
    pub waiting: Vec<TicketPayload>,
    /// Stored entries that could not be read, kept as they were (see
    /// `ticket::stored`): a later write never erases them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Value>,
}

impl Handoffs {
    /// The hand-offs as storage gives them back, one entry at a time.
    pub fn from_stored(text: &str) -> Self {
        let read = read_back::<TicketPayload>(text, "waiting");
        Self {
            waiting: read.items,
            unreadable: read.unreadable,
        }
    }

    /// Keeps a ticket until `confirm`. Handing over the same reference
    /// again keeps the newer text. An email cannot carry the attachment
    /// (its name and size stay in the text), so its content is not kept.
    pub fn hand_off(&mut self, mut payload: TicketPayload) {
        if let Some(attachment) = payload.attachment.as_mut() {
            attachment.content_base64.clear();
        }
        self.waiting.retain(|p| p.reference != payload.reference);
        self.waiting.push(payload);
        if self.waiting.len() > MAX_HANDOFFS {
            self.waiting.remove(0);
        }
    }

    /// The waiting ticket with this reference.
    pub fn get(&self, reference: &str) -> Option<&TicketPayload> {
        self.waiting.iter().find(|p| p.reference == reference)
    }

    /// The user says the email went: the ticket leaves, and is returned so
    /// the caller can log it as sent.
    pub fn confirm(&mut self, reference: &str) -> Option<TicketPayload> {
        let at = self.waiting.iter().position(|p| p.reference == reference)?;
        Some(self.waiting.remove(at))
    }
}
