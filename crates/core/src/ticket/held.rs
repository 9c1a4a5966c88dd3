//! Tickets a page holds in memory because browser storage refused them
//! (full, or blocked). Such a ticket is still sent at once and retried
//! while the page is open; the page is the only copy, so the user is told
//! to keep it open, and the form keeps its draft until a 2xx.
//!
//! Every change to the outbox re-reads storage (another tab may have
//! changed it) and lays what this page holds over it ([`Held::over`]):
//! a ticket storage never had is added; one it has is replaced by this
//! page's newer state (its failures, so a full storage does not make it
//! due again on every read); one this page delivered stays gone.

use std::collections::HashSet;

use super::outbox::{Outbox, OutboxEntry};

/// What this page knows that storage does not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Held {
    /// Entries as this page last saw them, since a write failed.
    entries: Vec<OutboxEntry>,
    /// References storage had when that write failed.
    stored: HashSet<String>,
    /// References delivered here whose removal storage refused.
    gone: HashSet<String>,
}

impl Held {
    /// After a write of `after` over what storage had (`stored_before`): if
    /// it was saved, storage knows everything; if not, this page holds it.
    pub fn after_write(&self, stored_before: &Outbox, after: &Outbox, saved: bool) -> Held {
        if saved {
            return Held::default();
        }
        let stored: HashSet<String> = stored_before
            .entries
            .iter()
            .map(|e| e.payload.reference().to_string())
            .collect();
        let mut gone = self.gone.clone();
        gone.extend(stored.iter().filter(|r| after.get(r).is_none()).cloned());
        Held {
            entries: after.entries.clone(),
            stored,
            gone,
        }
    }

    /// The outbox storage gave back, with what this page holds laid over.
    pub fn over(&self, mut outbox: Outbox) -> Outbox {
        outbox
            .entries
            .retain(|e| !self.gone.contains(e.payload.reference()));
        for held in &self.entries {
            let reference = held.payload.reference();
            match outbox
                .entries
                .iter_mut()
                .find(|e| e.payload.reference() == reference)
            {
                Some(stored) => *stored = held.clone(),
                // Storage never had it: only this page does.
                None if !self.stored.contains(reference) => outbox.entries.push(held.clone()),
                // Storage had it and lost it: another tab delivered it.
                None => {}
            }
        }
        outbox
    }

    /// Tickets only this page holds: storage never had them. They are lost
    /// if the page closes before they are delivered.
    pub fn only_here(&self) -> HashSet<String> {
        self.entries
            .iter()
            .map(|e| e.payload.reference().to_string())
            .filter(|r| !self.stored.contains(r))
            .collect()
    }
}
