//! The ticket being written, kept on this device: its text and its
//! attachment are saved apart (the attachment only when it changes). The
//! requester's name and email prefill the next ticket in this visit only
//! (session storage): once support has a ticket, nothing personal stays on
//! the device (issue 20).

use lantern_core::ticket::{reference_from, Attachment, TicketDraft};

use super::browser;
use super::storage::{self, Lifetime};
use crate::site::Site;

/// A new reference, from the browser's cryptographic random source.
pub fn new_reference() -> String {
    reference_from(browser::random_bytes())
}

fn text_key(root: &str) -> String {
    storage::key(root, "draft")
}

fn attachment_key(root: &str) -> String {
    storage::key(root, "draft-attachment")
}

fn requester_key(root: &str) -> String {
    storage::key(root, "requester")
}

/// The saved draft, or a fresh one that remembers who the user is.
pub fn load(site: &Site) -> TicketDraft {
    match storage::load::<TicketDraft>(Lifetime::Local, &text_key(site.root))
        .filter(|d| !d.reference.is_empty())
    {
        Some(mut draft) => {
            draft.attachment = storage::load(Lifetime::Local, &attachment_key(site.root));
            draft
        }
        None => fresh(site),
    }
}

/// Saves the draft's text (everything but the attachment).
/// A draft with nothing but the name and email prefilled is not kept: it
/// would leave them on the device after the ticket was sent.
pub fn save_text(site: &Site, draft: &TicketDraft) -> Result<(), String> {
    if draft.subject.trim().is_empty() && draft.description.trim().is_empty() {
        storage::remove(Lifetime::Local, &text_key(site.root));
        return Ok(());
    }
    storage::save_text(Lifetime::Local, &text_key(site.root), &draft.text_json())
}

/// Saves the attachment, or deletes the saved one when there is none.
pub fn save_attachment(site: &Site, attachment: Option<&Attachment>) -> Result<(), String> {
    let key = attachment_key(site.root);
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
    forget_at(site.root);
}

fn forget_at(root: &str) {
    storage::remove(Lifetime::Local, &text_key(root));
    storage::remove(Lifetime::Local, &attachment_key(root));
}

/// A new draft with a new reference, keeping the name and email the user
/// gave last time.
pub fn fresh(site: &Site) -> TicketDraft {
    let key = requester_key(site.root);
    // Earlier versions kept it on the device for good: move it to this visit.
    if let Some(kept) = storage::load::<(String, String)>(Lifetime::Local, &key) {
        storage::remove(Lifetime::Local, &key);
        let _ = storage::save(Lifetime::Session, &key, &kept);
    }
    let (name, email): (String, String) =
        storage::load(Lifetime::Session, &key).unwrap_or_default();
    TicketDraft {
        name,
        email,
        ..TicketDraft::new(new_reference())
    }
}

/// Forgets the draft after it was sent, remembering who sent it.
pub fn finish(site: &Site, draft: &TicketDraft) {
    remember_requester(site, draft);
    forget(site);
}

/// Who sent it, for the next ticket in this visit.
pub fn remember_requester(site: &Site, draft: &TicketDraft) {
    let requester = (draft.name.trim(), draft.email.trim());
    let _ = storage::save(Lifetime::Session, &requester_key(site.root), &requester);
}

/// The reference of the saved draft, if there is one.
/// Read from the stored JSON as it is, not decoded as a `TicketDraft`:
/// the outbox calls this from every page, and decoding the whole draft
/// put its serde code in the main bundle (docs/benchmarks.md, "the
/// feedback loop's wasm").
pub fn saved_reference(root: &str) -> Option<String> {
    let text = storage::load_text(Lifetime::Local, &text_key(root))?;
    let draft: serde_json::Value = serde_json::from_str(&text).ok()?;
    let reference = draft.get("reference")?.as_str()?;
    (!reference.is_empty()).then(|| reference.to_string())
}

/// A ticket storage could not keep was sent from the page's memory, its
/// draft kept meanwhile: support has it now, so the draft goes.
pub fn forget_delivered(root: &str, reference: &str) {
    if saved_reference(root).as_deref() == Some(reference) {
        forget_at(root);
    }
}
