//! One optional attachment (a screenshot or a log), checked before it is
//! read and again by its bytes, and kept with the draft.

use lantern_core::ticket::attachment::{self, accept_attribute, human_size};
use lantern_core::ticket::{Field, TicketDraft};
use leptos::prelude::*;

use super::super::browser;
use super::fields::{described_by, FieldMessage};

/// Reads the file the user chose into the draft, or says why it cannot be
/// attached. The returned signal is that reason.
fn use_attach(
    draft: RwSignal<TicketDraft>,
    max_bytes: usize,
) -> (RwSignal<Option<String>>, impl Fn(web_sys::Event) + Copy) {
    let problem = RwSignal::new(None::<String>);
    let on_change = move |event: web_sys::Event| {
        let Some(file) = browser::take_chosen_file(&event) else {
            return;
        };
        let name = file.name();
        if let Err(why) = attachment::check(&name, file.size() as usize, max_bytes) {
            problem.set(Some(why));
            return;
        }
        problem.set(None);
        leptos::task::spawn_local(async move {
            let Some(bytes) = browser::read_file(&file).await else {
                problem.set(Some(format!("“{name}” could not be read.")));
                return;
            };
            match attachment::attach(&name, &bytes, max_bytes) {
                Ok(attached) => draft.update(|d| d.attachment = Some(attached)),
                Err(why) => problem.set(Some(why)),
            }
        });
    };
    (problem, on_change)
}

#[component]
pub fn AttachmentField(
    draft: RwSignal<TicketDraft>,
    /// What validation said of it on the last send.
    invalid: Signal<Option<String>>,
    max_bytes: usize,
) -> impl IntoView {
    let (problem, on_change) = use_attach(draft, max_bytes);
    let error = Signal::derive(move || problem.get().or_else(|| invalid.get()));
    let hint = format!(
        "A screenshot or log: {}, up to {}.",
        attachment::describe_accepted(),
        human_size(max_bytes)
    );
    view! {
        <div class="field">
            <label for=Field::Attachment.id()>"Attachment (optional)"</label>
            <p class="hint" id="ticket-attachment-hint">{hint}</p>
            <input
                id=Field::Attachment.id()
                type="file"
                accept=accept_attribute()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by("ticket-attachment-hint", Field::Attachment, error.get().is_some())
                on:change=on_change
            />
            <Attached draft=draft/>
            <FieldMessage field=Field::Attachment error=error/>
        </div>
    }
}

/// The file attached, with a button to remove it.
#[component]
fn Attached(draft: RwSignal<TicketDraft>) -> impl IntoView {
    let attached = move || draft.with(|d| d.attachment.as_ref().map(|a| (a.name.clone(), a.size)));
    move || {
        attached().map(|(name, size)| {
            view! {
                <p class="attached">
                    "Attached: " <strong>{name.clone()}</strong> {format!(" ({})", human_size(size))} " "
                    <button type="button" class="link-button" aria-label=format!("Remove attachment {name}")
                        on:click=move |_| draft.update(|d| d.attachment = None)>"Remove"</button>
                </p>
            }
        })
    }
}
