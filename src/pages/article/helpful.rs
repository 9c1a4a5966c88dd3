//! "Was this helpful?" at the end of an article (issue 17). Yes is one
//! click; No asks what went wrong (the reasons of `events::schema`), then
//! offers "Contact support" with the article and the reason in the
//! ticket's context, so nobody is asked again what they already tried.
//! One vote per article per visit (kept in sessionStorage); the vote is
//! an event only where the site collects them (`crate::events`). And
//! "Suggest an edit" where the site says where its articles live.

use lantern_core::events::schema::REASONS;
use lantern_core::ArticleMeta;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::site::use_site;
use crate::ticket::storage::{self, Lifetime};
use crate::ticket::visit;
use crate::urls;
use crate::web::dom::focus_by_id;

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Asking,
    /// No, and the reasons are shown.
    Why,
    Voted(bool),
}

/// This visit's vote on an article, kept as `yes` or `no` under its own
/// key (plain text: a serde map here cost the main bundle its budget).
fn vote_key(root: &str, slug: &str) -> String {
    storage::key(root, &format!("vote:{slug}"))
}

fn earlier_vote(root: &str, slug: &str) -> Option<bool> {
    match storage::load_text(Lifetime::Session, &vote_key(root, slug))?.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn remember_vote(root: &str, slug: &str, helpful: bool) {
    let text = if helpful { "yes" } else { "no" };
    let _ = storage::save_text(Lifetime::Session, &vote_key(root, slug), text);
}

/// One view whose parts are shown or hidden by the step: three views
/// switched with `into_any`, and the reasons made from a list, cost the
/// main bundle 7.75 KB brotli (measured with events off); this is the
/// same page for a fraction of it.
#[component]
pub fn WasThisHelpful(slug: String) -> impl IntoView {
    let site = use_site();
    let root = site.root;
    let step = RwSignal::new(earlier_vote(root, &slug).map_or(Step::Asking, Step::Voted));
    let slug = StoredValue::new(slug);
    let vote = move |helpful: bool, reason: Option<String>, comment: Option<String>| {
        let slug = slug.get_value();
        remember_vote(root, &slug, helpful);
        let why = reason
            .as_deref()
            .and_then(|r| REASONS.iter().find(|(id, _)| *id == r));
        if let Some((_, words)) = why {
            visit::record_not_helpful(root, &slug, words);
        }
        crate::events::voted(&slug, helpful, reason.as_deref(), comment.as_deref());
        step.set(Step::Voted(helpful));
        focus_soon("lantern-helpful-thanks");
    };
    let send = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        vote(false, chosen_reason(), typed_comment());
    };
    let comments = site.catalog.events.as_ref().is_some_and(|e| e.comments);
    let not = move |s: Step| move || step.get() != s;
    view! {
        <section class="helpful" aria-labelledby="lantern-helpful-title">
            <h2 id="lantern-helpful-title">"Was this helpful?"</h2>
            <div class="helpful-buttons" hidden=not(Step::Asking)>
                <button type="button" on:click=move |_| vote(true, None, None)>"Yes"</button>
                <button type="button" on:click=move |_| {
                    step.set(Step::Why);
                    focus_soon("lantern-helpful-why");
                }>"No"</button>
            </div>
            <form class="helpful-why" hidden=not(Step::Why) on:submit=send>
                <fieldset>
                    <legend id="lantern-helpful-why" tabindex="-1">"What went wrong?"</legend>
                    <Reasons/>
                </fieldset>
                <div hidden=!comments>
                    <label for="lantern-helpful-comment">"Anything else? (optional; leave out names and addresses)"</label>
                    <textarea id="lantern-helpful-comment" maxlength="500" rows="3"></textarea>
                </div>
                <button type="submit" class="primary">"Send"</button>
            </form>
            <div id="lantern-helpful-thanks" class="helpful-thanks" tabindex="-1" role="status"
                hidden=move || !matches!(step.get(), Step::Voted(_))>
                <p hidden=not(Step::Voted(true))>"Thanks: glad it helped."</p>
                <div hidden=not(Step::Voted(false))>
                    <p>"Thanks for telling us: it helps us fix this article."</p>
                    <p>"Still need help? Support will see this article and what went wrong."</p>
                    <a class="button primary contact-support" href=urls::ticket(root) rel="external">"Contact support"</a>
                </div>
            </div>
        </section>
    }
}

fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        focus_by_id(id);
    });
}

/// The reasons of `REASONS`, written out: a list made from the constant
/// cost more code than the five labels.
#[component]
fn Reasons() -> impl IntoView {
    view! {
        <label class="helpful-reason"><input type="radio" name="helpful-reason" value="outdated"/>" It is outdated"</label>
        <label class="helpful-reason"><input type="radio" name="helpful-reason" value="steps"/>" The steps did not work"</label>
        <label class="helpful-reason"><input type="radio" name="helpful-reason" value="unclear"/>" It is unclear"</label>
        <label class="helpful-reason"><input type="radio" name="helpful-reason" value="not_my_problem"/>" It is not my problem"</label>
        <label class="helpful-reason"><input type="radio" name="helpful-reason" value="other"/>" Something else"</label>
    }
}

/// The reason checked, read from the form when it is sent.
fn chosen_reason() -> Option<String> {
    let checked = document()
        .query_selector("input[name=helpful-reason]:checked")
        .ok()??;
    checked.get_attribute("value")
}

fn typed_comment() -> Option<String> {
    let area = document().get_element_by_id("lantern-helpful-comment")?;
    let text = area
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?
        .value();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// "Suggest an edit", where the site names where its articles live
/// (`[site] edit_url`): support staff fix a workaround where it is
/// written, reviewed like code.
#[component]
pub fn SuggestEdit(meta: ArticleMeta) -> impl IntoView {
    use_site().catalog.site.edit_link(&meta).map(|href| {
        view! {
            <p class="edit-link">
                <a href=href target="_blank" rel="noopener">"Suggest an edit to this article"</a>
            </p>
        }
    })
}
