//! The ticket being written, kept on this device: its text and its
//! attachment are saved apart (the attachment only when it changes), and
//! the requester's name and email outlive each ticket.

use lantern_core::ticket::{reference_from, Attachment, TicketDraft};

use super::browser;
use super::storage::{self, Lifetime};
use crate::site::Site;

/// A new reference, from the browser's cryptographic random source.
pub fn new_reference() -> String {
    reference_from(browser::random_bytes())
}

fn text_key(site: &Site) -> String {
    storage::key(site.root, "draft")
}

fn attachment_key(site: &Site) -> String {
    storage::key(site.root, "draft-attachment")
}

fn requester_key(site: &Site) -> String {
    storage::key(site.root, "requester")
}

/// The saved draft, or a fresh one that remembers who the user is.
pub fn load(site: &Site) -> TicketDraft {
    match storage::load::<TicketDraft>(Lifetime::Local, &text_key(site))
        .filter(|d| !d.reference.is_empty())
    {
        Some(mut draft) => {
            draft.attachment = storage::load(Lifetime::Local, &attachment_key(site));
            draft
        }
        None => fresh(site),
    }
}

/// Saves the draft's text (everything but the attachment).
pub fn save_text(site: &Site, draft: &TicketDraft) -> Result<(), String> {
    storage::save_json(Lifetime::Local, &text_key(site), &draft.text_json())
}

/// Saves the attachment, or deletes the saved one when there is none.
pub fn save_attachment(site: &Site, attachment: Option<&Attachment>) -> Result<(), String> {
    let key = attachment_key(site);
    match attachment {
        Some(attachment) => storage::save(Lifetime::Local, &key, attachment),
        None => {
            storage::remove(Lifetime::Local, &key);
            Ok(())
        }
    }
}

/// Deletes the saved draft, text and attachment.
pub fn forget(site: &Site) {
    storage::remove(Lifetime::Local, &text_key(site));
    storage::remove(Lifetime::Local, &attachment_key(site));
}

/// A new draft with a new reference, keeping the name and email the user
/// gave last time.
pub fn fresh(site: &Site) -> TicketDraft {
    let (name, email): (String, String) =
        storage::load(Lifetime::Local, &requester_key(site)).unwrap_or_default();
    TicketDraft {
        name,
        email,
        ..TicketDraft::new(new_reference())
    }
}

/// Forgets the draft after it was sent, remembering who sent it.
pub fn finish(site: &Site, draft: &TicketDraft) {
    let requester = (draft.name.trim(), draft.email.trim());
    let _ = storage::save(Lifetime::Local, &requester_key(site), &requester);
    forget(site);
}
