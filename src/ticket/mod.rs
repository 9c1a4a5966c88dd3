//! "Contact support": the ticket form, the articles it suggests while the
//! user types, the outbox that delivers tickets, and the context the visit
//! adds. The ticket's data and rules are plain structs in
//! `lantern_core::ticket`; this module adds the page, storage and network.

pub mod confirmation;
pub mod deflection;
pub mod email;
pub mod form;
pub mod outbound;
pub mod storage;
pub mod visit;

use lantern_core::ticket::{reference_from, TicketDraft};

use crate::site::Site;

/// A new reference from the browser's cryptographic random source.
pub fn new_reference() -> String {
    let mut bytes = [0u8; 5];
    if let Ok(crypto) = leptos::prelude::window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0; 5] {
        // No crypto (very old browser): the clock still tells users apart.
        let now = js_sys::Date::now() as u64 ^ (js_sys::Math::random() * 1e12) as u64;
        bytes.copy_from_slice(&now.to_be_bytes()[3..]);
    }
    reference_from(bytes)
}

pub fn draft_key(site: &Site) -> String {
    storage::key(&site.root, "draft")
}

pub fn attachment_key(site: &Site) -> String {
    storage::key(&site.root, "draft-attachment")
}

/// The saved draft (text and attachment are saved apart), or a fresh one
/// that remembers who the user is.
pub fn load_draft(site: &Site) -> TicketDraft {
    use storage::Lifetime;
    match storage::load::<TicketDraft>(Lifetime::Local, &draft_key(site))
        .filter(|d| !d.reference.is_empty())
    {
        Some(mut draft) => {
            draft.attachment = storage::load(Lifetime::Local, &attachment_key(site));
            draft
        }
        None => fresh_draft(site),
    }
}

/// Deletes the saved draft, text and attachment.
pub fn forget_draft(site: &Site) {
    use storage::Lifetime;
    storage::remove(Lifetime::Local, &draft_key(site));
    storage::remove(Lifetime::Local, &attachment_key(site));
}

/// A new draft with a new reference, keeping the name and email the user
/// gave last time.
pub fn fresh_draft(site: &Site) -> TicketDraft {
    use storage::Lifetime;
    let (name, email): (String, String) =
        storage::load(Lifetime::Local, &storage::key(&site.root, "requester")).unwrap_or_default();
    TicketDraft {
        name,
        email,
        ..TicketDraft::new(new_reference())
    }
}

/// Forgets the draft after it was sent or discarded.
pub fn finish_draft(site: &Site, draft: &TicketDraft) {
    use storage::Lifetime;
    let requester = (draft.name.trim(), draft.email.trim());
    let _ = storage::save(
        Lifetime::Local,
        &storage::key(&site.root, "requester"),
        &requester,
    );
    forget_draft(site);
}

/// Where the form lives, with the query it should start from.
pub fn ticket_href(site: &Site, query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        format!("{}/ticket/", site.root)
    } else {
        format!(
            "{}/ticket/?q={}",
            site.root,
            String::from(js_sys::encode_uri_component(query))
        )
    }
}
