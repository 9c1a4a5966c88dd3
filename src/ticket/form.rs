//! The ticket form. Every change is saved as a draft in local storage, so
//! nothing typed is lost to a validation error, a reload or a crash; the
//! draft goes only when the ticket is sent or the user discards it.

use std::time::Duration;

use lantern_core::ticket::attachment::{self, accept_attribute, human_size};
use lantern_core::ticket::validate::{MAX_DESCRIPTION_CHARS, MAX_SUBJECT_CHARS};
use lantern_core::ticket::{
    validate, ArticleVisit, Channel, ContextPart, Field, FieldError, SiteRef, TicketContext,
    TicketDraft, TicketPayload, Urgency,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::deflection::{Suggestions, DEBOUNCE_MS};
use super::outbound::{use_outbound, Outbound};
use super::storage::{self, Lifetime};
use super::{
    attachment_key, draft_key, finish_draft, forget_draft, fresh_draft, load_draft, visit,
};
use crate::dom::copy_to_clipboard;
use crate::site::{use_site, Site};

/// Where the form is in its short life.
#[derive(Clone)]
enum Stage {
    Editing,
    /// Ready, waiting for the user to send it from their email or GitHub.
    Handoff(Box<TicketPayload>, Option<Channel>),
    /// An article fixed it; nothing was sent.
    Solved(ArticleVisit),
}

pub fn payload_for(site: &Site, draft: &TicketDraft, context: &TicketContext) -> TicketPayload {
    let category_name = site
        .catalog
        .category(&draft.category)
        .map(|c| c.name.clone());
    let origin = window().location().origin().unwrap_or_default();
    let url = if site.catalog.site.base_url.is_empty() {
        format!("{origin}{}/", site.root)
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
        visit::utc_now(),
    )
}

#[component]
pub fn TicketForm(
    /// The search the user came from, as the subject of a new ticket.
    initial_subject: String,
) -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let navigate = use_navigate();
    let config = site.catalog.ticket.clone();

    let mut first = load_draft(&site);
    if first.subject.trim().is_empty() && !initial_subject.trim().is_empty() {
        first.subject = initial_subject.chars().take(MAX_SUBJECT_CHARS).collect();
    }
    let draft = RwSignal::new(first);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let stage = RwSignal::new(Stage::Editing);
    let storage_problem = RwSignal::new(None::<String>);
    let context = RwSignal::new(visit::context(&site.root));

    // Save after every change: the text each time, the attachment only
    // when it changes.
    let save_site = site.clone();
    Effect::new(move |_| {
        let json = draft.with(TicketDraft::text_json);
        let result = storage::save_json(Lifetime::Local, &draft_key(&save_site), &json);
        storage_problem.set(result.err());
    });
    let attached = Memo::new(move |_| draft.with(|d| d.attachment.clone()));
    let attachment_site = site.clone();
    Effect::new(move |_| {
        let key = attachment_key(&attachment_site);
        let result = match attached.get() {
            Some(attachment) => storage::save(Lifetime::Local, &key, &attachment),
            None => {
                storage::remove(Lifetime::Local, &key);
                Ok(())
            }
        };
        if let Err(problem) = result {
            storage_problem.set(Some(problem));
        }
    });

    // Once errors are shown, they follow the fixes as the user types.
    let live_config = config.clone();
    Effect::new(move |_| {
        let d = draft.get();
        if !errors.with_untracked(Vec::is_empty) {
            errors.set(validate(&d, &live_config));
        }
    });

    // Suggestions follow the subject and description after a pause.
    let deflection_query = RwSignal::new(draft.with_untracked(TicketDraft::deflection_query));
    let debounce = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let query = draft.with(TicketDraft::deflection_query);
        if let Some(handle) = debounce.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || deflection_query.set(query),
            Duration::from_millis(DEBOUNCE_MS),
        );
        debounce.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(handle) = debounce.get_value() {
            handle.clear();
        }
    });

    let error_for = move |field: Field| {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };

    let submit_site = site.clone();
    let submit_config = config.clone();
    let submit_navigate = navigate.clone();
    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let d = draft.get_untracked();
        let found = validate(&d, &submit_config);
        if !found.is_empty() {
            errors.set(found);
            focus_later("ticket-errors");
            return;
        }
        errors.set(Vec::new());
        context.set(visit::context(&submit_site.root));
        let payload = payload_for(&submit_site, &d, &context.get_untracked());
        match submit_config.primary() {
            Some(Channel::Webhook) => {
                if let Err(problem) = outbound.queue(payload.clone()) {
                    // Still being sent from memory; say it is not safe yet.
                    storage_problem.set(Some(problem));
                }
                finish_draft(&submit_site, &d);
                draft.set(fresh_draft(&submit_site));
                submit_navigate(
                    &format!("/ticket/?ref={}", payload.reference),
                    Default::default(),
                );
            }
            other => {
                stage.set(Stage::Handoff(Box::new(payload), other));
                focus_later("handoff-title");
            }
        }
    };

    let discard_site = site.clone();
    let discard = move |_| {
        let confirmed = window()
            .confirm_with_message("Discard this ticket? What you typed will be deleted.")
            .unwrap_or(false);
        if confirmed {
            forget_draft(&discard_site);
            draft.set(fresh_draft(&discard_site));
            errors.set(Vec::new());
        }
    };

    let solved_site = site.clone();
    let on_solved = Callback::new(move |article: ArticleVisit| {
        forget_draft(&solved_site);
        let kept = draft.get_untracked();
        draft.set(TicketDraft {
            name: kept.name,
            email: kept.email,
            ..fresh_draft(&solved_site)
        });
        stage.set(Stage::Solved(article));
        focus_later("solved-title");
    });

    let form_site = site.clone();
    let form_config = config.clone();
    let handoff_site = site.clone();
    let handoff_navigate = navigate.clone();
    move || match stage.get() {
        Stage::Solved(article) => view! { <Solved article=article/> }.into_any(),
        Stage::Handoff(payload, channel) => {
            let site = handoff_site.clone();
            let navigate = handoff_navigate.clone();
            let on_sent = Callback::new(move |payload: TicketPayload| {
                if handed_over(&site, outbound, draft, channel, &payload) {
                    navigate(
                        &format!("/ticket/?ref={}", payload.reference),
                        Default::default(),
                    );
                }
            });
            view! {
                <Handoff
                    payload=*payload
                    channel=channel
                    on_sent=on_sent
                    on_back=Callback::new(move |_| stage.set(Stage::Editing))
                />
            }
            .into_any()
        }
        Stage::Editing => {
            let site = form_site.clone();
            let config = form_config.clone();
            let on_submit = on_submit.clone();
            let discard = discard.clone();
            view! {
                <form class="ticket-form" novalidate on:submit=on_submit>
                    <ErrorSummary errors=errors/>
                    <Show when=move || storage_problem.get().is_some()>
                        <p class="notice notice-warning" role="alert">
                            "Your draft cannot be saved on this device ("
                            {move || storage_problem.get().unwrap_or_default()}
                            "). Keep this page open until the ticket is sent."
                        </p>
                    </Show>
                    <div class="field-row">
                        <TextField field=Field::Name label="Your name" autocomplete="name" draft=draft error=Signal::derive(move || error_for(Field::Name))
                            get=|d| d.name.clone() set=|d, v| d.name = v/>
                        <TextField field=Field::Email label="Email for the reply" autocomplete="email" input_type="email" draft=draft error=Signal::derive(move || error_for(Field::Email))
                            get=|d| d.email.clone() set=|d, v| d.email = v/>
                    </div>
                    <TextField field=Field::Subject label="Subject" hint="The problem in a few words, e.g. “VPN disconnects every few minutes”." draft=draft error=Signal::derive(move || error_for(Field::Subject))
                        get=|d| d.subject.clone() set=|d, v| d.subject = v/>
                    <div class="field">
                        <label for=Field::Description.id()>"Description"</label>
                        <p class="hint" id="ticket-description-hint">"What happens, what you expected, error messages, and what you already tried."</p>
                        <textarea
                            id=Field::Description.id()
                            rows="7"
                            maxlength=MAX_DESCRIPTION_CHARS + 1000
                            aria-invalid=move || error_for(Field::Description).is_some().then_some("true")
                            aria-describedby=move || described_by("ticket-description-hint", Field::Description, error_for(Field::Description).is_some())
                            prop:value=move || draft.with(|d| d.description.clone())
                            on:input=move |e| { let v = event_target_value(&e); draft.update(|d| d.description = v) }
                        ></textarea>
                        <FieldMessage field=Field::Description error=Signal::derive(move || error_for(Field::Description))/>
                    </div>
                    <Suggestions query=deflection_query.into() on_solved=on_solved/>
                    <div class="field-row">
                        <div class="field">
                            <label for=Field::Category.id()>"Category"</label>
                            <select
                                id=Field::Category.id()
                                prop:value=move || draft.with(|d| d.category.clone())
                                on:change=move |e| { let v = event_target_value(&e); draft.update(|d| d.category = v) }
                            >
                                <option value="">"Not sure"</option>
                                {site.catalog.categories.iter().map(|c| {
                                    let id = c.id.clone();
                                    view! { <option value=id>{c.name.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
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
                    </div>
                    <AttachmentField draft=draft errors=errors max_bytes=config.max_attachment_bytes()/>
                    <ContextPreview context=context draft=draft/>
                    <div class="form-actions">
                        <button type="submit" class="primary">{send_label(config.primary())}</button>
                        <button type="button" on:click=discard>"Discard"</button>
                        <p class="hint">"Your draft is saved on this device as you type."</p>
                    </div>
                </form>
            }
            .into_any()
        }
    }
}

/// After the user opened their email or GitHub with the ticket. An email
/// is not known to have gone: it waits, and its draft stays, until the user
/// says so on the confirmation. False when it cannot be kept for that (the
/// user stays on this step, with the text to copy).
fn handed_over(
    site: &Site,
    outbound: Outbound,
    draft: RwSignal<TicketDraft>,
    channel: Option<Channel>,
    payload: &TicketPayload,
) -> bool {
    match channel {
        Some(Channel::Email) => super::email::hand_off(&site.root, payload.clone()).is_ok(),
        _ => {
            if let Some(channel) = channel {
                outbound.record_sent(payload, channel);
            }
            finish_draft(site, &draft.get_untracked());
            draft.set(fresh_draft(site));
            true
        }
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

fn described_by(hint: &str, field: Field, has_error: bool) -> String {
    if has_error {
        format!("{hint} {}-error", field.id())
    } else {
        hint.to_string()
    }
}

/// Focuses an element once the view that holds it has rendered.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
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
                                if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                    let _ = el.focus();
                                }
                            }>{e.message}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn FieldMessage(field: Field, error: Signal<Option<String>>) -> impl IntoView {
    let id = format!("{}-error", field.id());
    view! {
        <Show when=move || error.get().is_some()>
            <p class="field-error" id=id.clone()>{move || error.get().unwrap_or_default()}</p>
        </Show>
    }
}

#[component]
fn TextField(
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
fn AttachmentField(
    draft: RwSignal<TicketDraft>,
    errors: RwSignal<Vec<FieldError>>,
    max_bytes: usize,
) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let error = Signal::derive(move || {
        problem.get().or_else(|| {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == Field::Attachment)
                    .map(|e| e.message.clone())
            })
        })
    });
    let on_change = move |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if let Err(why) = attachment::check(&name, file.size() as usize, max_bytes) {
            problem.set(Some(why));
            return;
        }
        problem.set(None);
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    problem.set(Some(format!("“{name}” could not be read.")));
                    return;
                }
            };
            match attachment::attach(&name, &bytes, max_bytes) {
                Ok(attached) => draft.update(|d| d.attachment = Some(attached)),
                Err(why) => problem.set(Some(why)),
            }
        });
    };
    view! {
        <div class="field">
            <label for=Field::Attachment.id()>"Attachment (optional)"</label>
            <p class="hint" id="ticket-attachment-hint">
                {format!("A screenshot or log: {}, up to {}.", attachment::describe_accepted(), human_size(max_bytes))}
            </p>
            <input
                id=Field::Attachment.id()
                type="file"
                accept=accept_attribute()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by("ticket-attachment-hint", Field::Attachment, error.get().is_some())
                on:change=on_change
            />
            {move || draft.with(|d| d.attachment.as_ref().map(|a| (a.name.clone(), a.size))).map(|(name, size)| view! {
                <p class="attached">
                    "Attached: " <strong>{name.clone()}</strong> {format!(" ({})", human_size(size))} " "
                    <button type="button" class="link-button" aria-label=format!("Remove attachment {name}")
                        on:click=move |_| draft.update(|d| d.attachment = None)>"Remove"</button>
                </p>
            })}
            <FieldMessage field=Field::Attachment error=error/>
        </div>
    }
}

#[component]
fn ContextPreview(context: RwSignal<TicketContext>, draft: RwSignal<TicketDraft>) -> impl IntoView {
    let parts = move || {
        context.with(|c| {
            ContextPart::ALL
                .into_iter()
                .filter_map(|p| c.describe(p).map(|text| (p, text)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="context-preview">
            <legend>"Sent with your ticket, so support does not have to ask"</legend>
            <p class="hint">"Untick anything you would rather not share."</p>
            <ul>
                {move || parts().into_iter().map(|(part, text)| {
                    let id = format!("context-{}", part.id());
                    let included = move || draft.with(|d| !d.removed_context.contains(&part));
                    view! {
                        <li>
                            <input type="checkbox" id=id.clone() prop:checked=included
                                on:change=move |e| {
                                    let keep = event_target_checked(&e);
                                    draft.update(|d| {
                                        d.removed_context.retain(|p| *p != part);
                                        if !keep { d.removed_context.push(part); }
                                    });
                                }/>
                            <label for=id>
                                <span class="context-label">{part.label()}": "</span>
                                <span class="context-value">{text}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn Handoff(
    payload: TicketPayload,
    channel: Option<Channel>,
    on_sent: Callback<TicketPayload>,
    on_back: Callback<()>,
) -> impl IntoView {
    let site = use_site();
    let config = &site.catalog.ticket;
    let text = payload.plain_text();
    let link = match channel {
        Some(Channel::Email) => config.email.as_deref().map(|to| payload.mailto(to)),
        Some(Channel::Github) => config.github.as_ref().map(|g| payload.github_url(g)),
        _ => None,
    };
    let (title, how) = match channel {
        Some(Channel::Github) => (
            "One more step: submit the issue on GitHub",
            "GitHub opens in a new tab with your ticket filled in. Press “Submit new issue” there.",
        ),
        Some(_) => (
            "One more step: send the email",
            "Your email app opens with the ticket filled in. Attach your file if you chose one, then press Send.",
        ),
        None => (
            "Your ticket is ready",
            "This site has no ticket address configured. Copy the text and send it to your service desk.",
        ),
    };
    let reference = payload.reference.clone();
    let copy_text = text.clone();
    let sent_payload = payload.clone();
    view! {
        <section class="handoff" aria-labelledby="handoff-title">
            <h2 id="handoff-title" tabindex="-1">{title}</h2>
            <p>{how}</p>
            <p>"Reference: " <strong class="reference">{reference}</strong></p>
            <div class="form-actions">
                {link.map(|href| {
                    let payload = sent_payload.clone();
                    let target = (channel == Some(Channel::Github)).then_some("_blank");
                    view! {
                        <a class="button primary" href=href target=target rel="noopener"
                            on:click=move |_| on_sent.run(payload.clone())>
                            {if channel == Some(Channel::Github) { "Open GitHub to submit" } else { "Open email to send" }}
                        </a>
                    }
                })}
                <button type="button" on:click=move |_| copy_to_clipboard(copy_text.clone(), "Ticket text copied")>"Copy ticket text"</button>
                <button type="button" on:click=move |_| on_back.run(())>"Back to the form"</button>
            </div>
            <details>
                <summary>"Show the ticket text"</summary>
                <pre class="ticket-text">{text}</pre>
            </details>
        </section>
    }
}

#[component]
fn Solved(article: ArticleVisit) -> impl IntoView {
    let site = use_site();
    let home = format!("{}/", site.root);
    let href = site.article_path(&article.slug);
    view! {
        <section class="solved" aria-labelledby="solved-title">
            <h2 id="solved-title" tabindex="-1">"Glad that fixed it"</h2>
            <p>"No ticket was sent. Your draft has been cleared."</p>
            <p>"The article that helped: " <a href=href>{article.title}</a></p>
            <p><a href=home>"Back to the help center"</a></p>
        </section>
    }
}
