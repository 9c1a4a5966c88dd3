//! The form's state and the effects that follow it. Every change is saved
//! as a draft, so nothing typed is lost to a validation error, a reload or
//! a crash; errors, once shown, follow the fixes as the user types; the
//! suggestions' query follows the text after a pause.

use std::time::Duration;

use lantern_core::ticket::validate::MAX_SUBJECT_CHARS;
use lantern_core::ticket::{
    validate, ArticleVisit, Channel, Field, FieldError, TicketConfig, TicketContext, TicketDraft,
    TicketPayload,
};
use leptos::prelude::*;

use super::super::deflection::DEBOUNCE_MS;
use super::super::{draft, visit};
use crate::site::Site;

/// Where the form is in its short life.
#[derive(Clone)]
pub enum Stage {
    Editing,
    /// Ready, waiting for the user to send it from their email or GitHub.
    Handoff(Box<TicketPayload>, Option<Channel>),
    /// An article fixed it; nothing was sent.
    Solved(ArticleVisit),
}

#[derive(Clone, Copy)]
pub struct FormState {
    pub draft: RwSignal<TicketDraft>,
    /// Shown after a send that failed validation, until fixed.
    pub errors: RwSignal<Vec<FieldError>>,
    pub stage: RwSignal<Stage>,
    /// Why the draft cannot be saved on this device, if it cannot.
    pub storage_problem: RwSignal<Option<String>>,
    /// What is sent with the ticket; read again when it is sent.
    pub context: RwSignal<TicketContext>,
}

impl FormState {
    /// The error shown for one field, if any.
    pub fn error_for(self, field: Field) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }
}

/// The form's state, starting from the saved draft (or from the search the
/// user came from), saved and re-validated as it changes.
pub fn use_form_state(site: &Site, config: &TicketConfig, initial_subject: &str) -> FormState {
    let mut first = draft::load(site);
    if first.subject.trim().is_empty() && !initial_subject.trim().is_empty() {
        first.subject = initial_subject.chars().take(MAX_SUBJECT_CHARS).collect();
    }
    let state = FormState {
        draft: RwSignal::new(first),
        errors: RwSignal::new(Vec::new()),
        stage: RwSignal::new(Stage::Editing),
        storage_problem: RwSignal::new(None),
        context: RwSignal::new(visit::context(site.root)),
    };
    save_as_typed(site, state);
    revalidate_as_typed(config.clone(), state);
    state
}

/// Saves after every change: the text each time, the attachment only when
/// it changes.
fn save_as_typed(site: &Site, state: FormState) {
    let FormState {
        draft: typed,
        storage_problem,
        ..
    } = state;
    let text_site = *site;
    Effect::new(move |_| {
        let result = typed.with(|d| draft::save_text(&text_site, d));
        storage_problem.set(result.err());
    });
    let attached = Memo::new(move |_| typed.with(|d| d.attachment.clone()));
    let attachment_site = *site;
    Effect::new(move |_| {
        if let Err(problem) =
            attached.with(|a| draft::save_attachment(&attachment_site, a.as_ref()))
        {
            storage_problem.set(Some(problem));
        }
    });
}

/// Once errors are shown, they follow the fixes as the user types.
fn revalidate_as_typed(config: TicketConfig, state: FormState) {
    let FormState { draft, errors, .. } = state;
    Effect::new(move |_| {
        let d = draft.get();
        if !errors.with_untracked(Vec::is_empty) {
            errors.set(validate(&d, &config));
        }
    });
}

/// The subject and description the suggestions search for, after a pause
/// in typing.
pub fn use_deflection_query(draft: RwSignal<TicketDraft>) -> Signal<String> {
    let query = RwSignal::new(draft.with_untracked(TicketDraft::deflection_query));
    let debounce = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let typed = draft.with(TicketDraft::deflection_query);
        if let Some(handle) = debounce.get_value() {
            handle.clear();
        }
        let handle =
            crate::web::timer::after(Duration::from_millis(DEBOUNCE_MS), move || query.set(typed));
        debounce.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = debounce.get_value() {
            handle.clear();
        }
    });
    query.into()
}
