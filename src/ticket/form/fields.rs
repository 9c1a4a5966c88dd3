//! The form's fields, each with its label, hint and error wired for screen
//! readers (`aria-describedby`, `aria-invalid`), and the list of errors
//! shown above them after a send that failed validation.

use lantern_core::ticket::validate::MAX_DESCRIPTION_CHARS;
use lantern_core::ticket::{Field, FieldError, TicketDraft, Urgency};
use leptos::prelude::*;

use super::super::browser;
use crate::site::use_site;

/// The ids a field's `aria-describedby` names: its hint, and its error
/// when it has one.
pub fn described_by(hint: &str, field: Field, has_error: bool) -> String {
    if has_error {
        format!("{hint} {}-error", field.id())
    } else {
        hint.to_string()
    }
}

#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" id="ticket-errors" tabindex="-1" role="alert" aria-labelledby="ticket-errors-title">
                <h2 id="ticket-errors-title">"Please fix these before sending"</h2>
                <ul>
                    {move || errors.get().into_iter().map(|e| {
                        let href = format!("#{}", e.field.id());
                        let id = e.field.id();
                        view! {
                            <li><a href=href on:click=move |ev| {
                                ev.prevent_default();
                                browser::focus(id);
                            }>{e.message}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Why the draft cannot be kept on this device, when it cannot.
#[component]
pub fn StorageWarning(problem: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || problem.get().is_some()>
            <p class="notice notice-warning" role="alert">
                "Your draft cannot be saved on this device ("
                {move || problem.get().unwrap_or_default()}
                "). Keep this page open until the ticket is sent."
            </p>
        </Show>
    }
}

#[component]
pub fn FieldMessage(field: Field, error: Signal<Option<String>>) -> impl IntoView {
    let id = format!("{}-error", field.id());
    view! {
        <Show when=move || error.get().is_some()>
            <p class="field-error" id=id.clone()>{move || error.get().unwrap_or_default()}</p>
        </Show>
    }
}

#[component]
pub fn TextField(
    field: Field,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] input_type: &'static str,
    draft: RwSignal<TicketDraft>,
    error: Signal<Option<String>>,
    get: fn(&TicketDraft) -> String,
    set: fn(&mut TicketDraft, String),
) -> impl IntoView {
    let hint_id = format!("{}-hint", field.id());
    let has_hint = !hint.is_empty();
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(format!("{}-error", field.id()));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=field.id()>{label}</label>
            <Show when=move || has_hint>
                <p class="hint" id=hint_id.clone()>{hint}</p>
            </Show>
            <input
                id=field.id()
                type=if input_type.is_empty() { "text" } else { input_type }
                autocomplete=if autocomplete.is_empty() { "off" } else { autocomplete }
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || draft.with(get)
                on:input=move |e| { let v = event_target_value(&e); draft.update(|d| set(d, v)) }
            />
            <FieldMessage field=field error=error/>
        </div>
    }
}

#[component]
pub fn DescriptionField(
    draft: RwSignal<TicketDraft>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let field = Field::Description;
    view! {
        <div class="field">
            <label for=field.id()>"Description"</label>
            <p class="hint" id="ticket-description-hint">"What happens, what you expected, error messages, and what you already tried."</p>
            <textarea
                id=field.id()
                rows="7"
                maxlength=MAX_DESCRIPTION_CHARS + 1000
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by("ticket-description-hint", field, error.get().is_some())
                prop:value=move || draft.with(|d| d.description.clone())
                on:input=move |e| { let v = event_target_value(&e); draft.update(|d| d.description = v) }
            ></textarea>
            <FieldMessage field=field error=error/>
        </div>
    }
}

/// The site's categories, or "Not sure".
#[component]
pub fn CategoryField(draft: RwSignal<TicketDraft>) -> impl IntoView {
    let site = use_site();
    let options = site
        .catalog
        .categories
        .iter()
        .map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=Field::Category.id()>"Category"</label>
            <select
                id=Field::Category.id()
                prop:value=move || draft.with(|d| d.category.clone())
                on:change=move |e| { let v = event_target_value(&e); draft.update(|d| d.category = v) }
            >
                <option value="">"Not sure"</option>
                {options}
            </select>
        </div>
    }
}

#[component]
pub fn UrgencyField(draft: RwSignal<TicketDraft>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=Field::Urgency.id()>"Urgency"</label>
            <select
                id=Field::Urgency.id()
                prop:value=move || draft.with(|d| d.urgency.id().to_string())
                on:change=move |e| {
                    let v = event_target_value(&e);
                    draft.update(|d| d.urgency = Urgency::from_id(&v).unwrap_or_default())
                }
            >
                {Urgency::ALL.iter().map(|u| view! { <option value=u.id()>{u.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}
