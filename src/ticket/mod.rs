//! "Contact support": the ticket form, the articles it suggests while the
//! user types, the outbox that delivers tickets, and the context the visit
//! adds. The ticket's data and rules are plain structs in
//! `lantern_core::ticket`; this module adds the page, storage and network.

pub mod browser;
pub mod confirmation;
pub mod deflection;
pub mod draft;
pub mod email;
pub mod form;
pub mod outbound;
pub mod storage;
pub mod visit;

use crate::site::Site;

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
