//! What the form's buttons do: send (to the webhook's outbox, or to the
//! hand-off step for email and GitHub), discard, "this article solved it",
//! and the hand-off's "I opened my email or GitHub".

use lantern_core::ticket::{
    validate, ArticleVisit, Channel, SiteRef, TicketContext, TicketDraft, TicketPayload,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::super::browser::{self, focus_later};
use super::super::outbound::{use_outbound, Outbound};
use super::super::{draft, handoffs, visit};
use super::state::{FormState, Stage};
use crate::site::Site;

/// The ticket as it is sent, from the draft and the visit's context.
fn payload_for(site: &Site, draft: &TicketDraft, context: &TicketContext) -> TicketPayload {
    let category_name = site
        .catalog
        .category(&draft.category)
        .map(|c| c.name.clone());
    let url = if site.catalog.site.base_url.is_empty() {
        format!("{}{}/", browser::origin(), site.root)
    } else {
        site.catalog.site.base_url.clone()
    };
    TicketPayload::new(
        draft,
        context,
        SiteRef {
            name: site.catalog.site.name.clone(),
            url,
        },
        category_name,
        browser::utc_now(),
    )
}

/// The draft's category id, as a ticket event names it.
fn category(draft: &TicketDraft) -> Option<&str> {
    (!draft.category.is_empty()).then_some(draft.category.as_str())
}

/// What became of the ticket: `?ref=` on the ticket page.
fn confirmation_path(reference: &str) -> String {
    format!("/ticket/?ref={reference}")
}

/// Sends the ticket, or lists what to fix first.
pub fn submit(site: Site, state: FormState) -> Callback<()> {
    let outbound = use_outbound();
    let navigate = use_navigate();
    Callback::new(move |()| {
        let FormState {
            draft: typed,
            errors,
            ..
        } = state;
        let config = &site.catalog.ticket;
        let d = typed.get_untracked();
        let found = validate(&d, config);
        if !found.is_empty() {
            errors.set(found);
            focus_later("ticket-errors");
            return;
        }
        errors.set(Vec::new());
        state.context.set(visit::context(site.root));
        let payload = payload_for(&site, &d, &state.context.get_untracked());
        match config.primary() {
            Some(Channel::Webhook) => {
                crate::events::ticket(&payload.reference, category(&d), "webhook", "queued");
                if outbound.queue(payload.clone()).is_ok() {
                    draft::finish(&site, &d);
                    typed.set(draft::fresh(&site));
                } else {
                    // Sent from this page's memory (the confirmation says
                    // to keep it open); the draft stays until a 2xx.
                    draft::remember_requester(&site, &d);
                }
                navigate(&confirmation_path(&payload.reference), Default::default());
            }
            other => {
                state.stage.set(Stage::Handoff(Box::new(payload), other));
                focus_later("handoff-title");
            }
        }
    })
}

/// Deletes the draft, once the user confirms.
pub fn discard(site: Site, state: FormState) -> Callback<()> {
    Callback::new(move |()| {
        if browser::confirm("Discard this ticket? What you typed will be deleted.") {
            draft::forget(&site);
            state.draft.set(draft::fresh(&site));
            state.errors.set(Vec::new());
        }
    })
}

/// An article fixed it: no ticket, and a fresh draft for next time.
pub fn solved(site: Site, state: FormState) -> Callback<ArticleVisit> {
    Callback::new(move |article: ArticleVisit| {
        crate::events::solved(&article.slug);
        draft::forget(&site);
        let kept = state.draft.get_untracked();
        state.draft.set(TicketDraft {
            name: kept.name,
            email: kept.email,
            ..draft::fresh(&site)
        });
        state.stage.set(Stage::Solved(article));
        focus_later("solved-title");
    })
}

/// The user opened their email or GitHub with the ticket.
pub fn handed_over(
    site: Site,
    state: FormState,
    channel: Option<Channel>,
) -> Callback<TicketPayload> {
    let outbound = use_outbound();
    let navigate = use_navigate();
    Callback::new(move |payload: TicketPayload| {
        let draft = state.draft.get_untracked();
        if keep_handed_over(&site, outbound, state.draft, channel, &payload) {
            let channel = match channel {
                Some(Channel::Github) => "github",
                Some(Channel::Webhook) => "webhook",
                _ => "email",
            };
            crate::events::ticket(&payload.reference, category(&draft), channel, "sent");
            navigate(&confirmation_path(&payload.reference), Default::default());
        }
    })
}

/// An email is not known to have gone: it waits, and its draft stays,
/// until the user says so on the confirmation. False when it cannot be
/// kept for that (the user stays on this step, with the text to copy).
fn keep_handed_over(
    site: &Site,
    outbound: Outbound,
    typed: RwSignal<TicketDraft>,
    channel: Option<Channel>,
    payload: &TicketPayload,
) -> bool {
    match channel {
        Some(Channel::Email) => handoffs::hand_off(site.root, payload.clone()).is_ok(),
        _ => {
            if let Some(channel) = channel {
                outbound.record_sent(&payload.reference, channel);
            }
            draft::finish(site, &typed.get_untracked());
            typed.set(draft::fresh(site));
            true
        }
    }
}
