//! "Contact support": the ticket form, the articles it suggests while the
//! user types, the outbox that delivers tickets, and the context the visit
//! adds. The ticket's data and rules are plain structs in
//! `lantern_core::ticket`; this module adds the page, storage and network.
//!
//! Two bundles share it. The main one, on every page, keeps what every
//! page needs: the outbox's background sending (`outbound`), the visit
//! record (`visit`) and links to the form, which are full page loads
//! (`rel="external"`). The form, its confirmation and the suggestions are
//! reached only from the ticket page's own bundle (`src/bin/ticket.rs`),
//! so the main bundle leaves them out.

pub mod browser;
pub mod confirmation;
pub mod deflection;
pub mod draft;
pub mod email;
pub mod form;
pub mod handoffs;
pub mod outbound;
pub mod storage;
pub mod visit;

use leptos::prelude::*;

/// `/ticket` in the main bundle, which has no form: a link followed inside
/// the app (one without `rel="external"`) loads the page for real, with
/// its own bundle. Not when this document was loaded as the ticket page
/// (an app built without the ticket bundle): that would only loop.
pub fn load_ticket_page() -> AnyView {
    let root = crate::site::use_site().root;
    let loaded_here =
        browser::loaded_path().is_some_and(|path| crate::urls::is_ticket_path(root, &path));
    if !loaded_here {
        browser::reload_soon();
        return view! { <p class="loading" aria-busy="true">"Opening the support form…"</p> }
            .into_any();
    }
    view! {
        <div class="ticket-page">
            <h1>"Contact support"</h1>
            <p>"The support form could not be loaded. Reload the page, or contact your service desk the way you usually do."</p>
        </div>
    }
    .into_any()
}
