//! The ticket form: its state and effects (`state`), what its buttons do
//! (`actions`), and small views for its fields, attachment, context and
//! last steps. Every change is saved as a draft in local storage, so
//! nothing typed is lost to a validation error, a reload or a crash; the
//! draft goes only when the ticket is sent or the user discards it.

mod actions;
mod attachment;
mod context_preview;
mod fields;
mod handoff;
mod state;

use lantern_core::ticket::{ArticleVisit, Channel, Field};
use leptos::prelude::*;

use self::attachment::AttachmentField;
use self::context_preview::ContextPreview;
use self::fields::{
    CategoryField, DescriptionField, ErrorSummary, StorageWarning, TextField, UrgencyField,
};
use self::handoff::{Handoff, Solved};
use self::state::{use_deflection_query, use_form_state, FormState, Stage};
use super::deflection::Suggestions;
use crate::site::use_site;

#[component]
pub fn TicketForm(
    /// The search the user came from, as the subject of a new ticket.
    initial_subject: String,
) -> impl IntoView {
    let site = use_site();
    let state = use_form_state(&site, &site.catalog.ticket, &initial_subject);
    let suggest_for = use_deflection_query(state.draft);
    let submit = actions::submit(site, state);
    let discard = actions::discard(site, state);
    let solved = actions::solved(site, state);
    move || match state.stage.get() {
        Stage::Solved(article) => view! { <Solved article=article/> }.into_any(),
        Stage::Handoff(payload, channel) => view! {
            <Handoff
                payload=*payload
                channel=channel
                on_sent=actions::handed_over(site, state, channel)
                on_back=Callback::new(move |_| state.stage.set(Stage::Editing))
            />
        }
        .into_any(),
        Stage::Editing => view! {
            <EditingForm state suggest_for submit discard solved/>
        }
        .into_any(),
    }
}

#[component]
fn EditingForm(
    state: FormState,
    /// What the suggestions search for.
    suggest_for: Signal<String>,
    submit: Callback<()>,
    discard: Callback<()>,
    solved: Callback<ArticleVisit>,
) -> impl IntoView {
    let config = use_site().catalog.ticket.clone();
    let draft = state.draft;
    let error = move |field| state.error_for(field);
    view! {
        <form class="ticket-form" novalidate on:submit=move |event| { event.prevent_default(); submit.run(()) }>
            <ErrorSummary errors=state.errors/>
            <StorageWarning problem=state.storage_problem/>
            <div class="field-row">
                <TextField field=Field::Name label="Your name" autocomplete="name" draft=draft error=error(Field::Name)
                    get=|d| d.name.clone() set=|d, v| d.name = v/>
                <TextField field=Field::Email label="Email for the reply" autocomplete="email" input_type="email" draft=draft error=error(Field::Email)
                    get=|d| d.email.clone() set=|d, v| d.email = v/>
            </div>
            <TextField field=Field::Subject label="Subject" hint="The problem in a few words, e.g. “VPN disconnects every few minutes”." draft=draft error=error(Field::Subject)
                get=|d| d.subject.clone() set=|d, v| d.subject = v/>
            <DescriptionField draft=draft error=error(Field::Description)/>
            <Suggestions query=suggest_for on_solved=solved/>
            <div class="field-row">
                <CategoryField draft=draft/>
                <UrgencyField draft=draft/>
            </div>
            <AttachmentField draft=draft invalid=error(Field::Attachment) max_bytes=config.max_attachment_bytes()/>
            <ContextPreview context=state.context draft=draft/>
            <div class="form-actions">
                <button type="submit" class="primary">{send_label(config.primary())}</button>
                <button type="button" on:click=move |_| discard.run(())>"Discard"</button>
                <p class="hint">"Your draft is saved on this device as you type."</p>
            </div>
        </form>
    }
}

fn send_label(primary: Option<Channel>) -> &'static str {
    match primary {
        Some(Channel::Webhook) => "Send to support",
        Some(Channel::Email) => "Continue to email",
        Some(Channel::Github) => "Continue to GitHub",
        None => "Prepare ticket text",
    }
}
