//! `/ticket/`: the form, or with `?ref=` what became of a ticket.

use lantern_core::ticket::reference::is_reference;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::site::use_site;
use crate::ticket::confirmation::Confirmation;
use crate::ticket::form::TicketForm;

/// The page, as the ticket bundle's `/ticket` route (`src/bin/ticket.rs`).
pub fn page() -> AnyView {
    view! { <TicketPage/> }.into_any()
}

#[component]
pub fn TicketPage() -> impl IntoView {
    let site = use_site();
    let params = use_query_map();
    super::set_title("Contact support", &site.catalog.site.name);
    let response_time = site.catalog.ticket.response_time.clone();
    move || {
        let reference = params.with(|p| p.get("ref")).filter(|r| is_reference(r));
        match reference {
            Some(reference) => view! {
                <div class="ticket-page">
                    <h1>"Contact support"</h1>
                    <Confirmation reference=reference/>
                </div>
            }
            .into_any(),
            None => {
                let subject = params.with_untracked(|p| p.get("q").unwrap_or_default());
                let promise = if response_time.is_empty() {
                    String::new()
                } else {
                    format!("Support usually replies {response_time}.")
                };
                view! {
                    <div class="ticket-page">
                        <h1>"Contact support"</h1>
                        <p class="lead">"Tell us what is wrong. " {promise}</p>
                        <TicketForm initial_subject=subject/>
                    </div>
                }
                .into_any()
            }
        }
    }
}
