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

#[component]
pub fn WasThisHelpful(slug: String) -> impl IntoView {
    let site = use_site();
    let root = site.root;
    let step = RwSignal::new(earlier_vote(root, &slug).map_or(Step::Asking, Step::Voted));
    let slug = StoredValue::new(slug);
    let vote = move |helpful: bool, reason: Option<&str>, comment: Option<String>| {
        let slug = slug.get_value();
        remember_vote(root, &slug, helpful);
        if let Some(why) = reason.and_then(|r| REASONS.iter().find(|(id, _)| *id == r)) {
            visit::record_not_helpful(root, &slug, why.1);
        }
        crate::events::voted(&slug, helpful, reason, comment.as_deref());
        step.set(Step::Voted(helpful));
        request_animation_frame(|| {
            focus_by_id("lantern-helpful-thanks");
        });
    };
    let ask = move || {
        view! {
            <div class="helpful-buttons">
                <button type="button" on:click=move |_| vote(true, None, None)>"Yes"</button>
                <button type="button" on:click=move |_| {
                    step.set(Step::Why);
                    request_animation_frame(|| {
                        focus_by_id("lantern-helpful-why");
                    });
                }>"No"</button>
            </div>
        }
    };
    let comments = site.catalog.events.as_ref().is_some_and(|e| e.comments);
    let ticket = urls::ticket(root);
    move || {
        match step.get() {
        Step::Asking => view! {
            <section class="helpful" aria-labelledby="lantern-helpful-title">
                <h2 id="lantern-helpful-title">"Was this helpful?"</h2>
                {ask()}
            </section>
        }
        .into_any(),
        Step::Why => view! {
            <section class="helpful" aria-labelledby="lantern-helpful-title">
                <h2 id="lantern-helpful-title">"Was this helpful?"</h2>
                <Reasons comments on_send=Callback::new(move |(reason, comment): (Option<String>, Option<String>)| {
                    vote(false, reason.as_deref(), comment)
                })/>
            </section>
        }
        .into_any(),
        Step::Voted(helpful) => view! {
            <section class="helpful" aria-labelledby="lantern-helpful-thanks">
                <p id="lantern-helpful-thanks" class="helpful-thanks" tabindex="-1" role="status">
                    {if helpful { "Thanks: glad it helped." } else { "Thanks for telling us: it helps us fix this article." }}
                </p>
                {(!helpful).then(|| view! {
                    <p>"Still need help? Support will see this article and what went wrong."</p>
                    <a class="button primary contact-support" href=ticket.clone() rel="external">"Contact support"</a>
                })}
            </section>
        }
        .into_any(),
    }
    }
}

/// What went wrong: one reason (or none), and a comment where the site
/// allows comments.
#[component]
fn Reasons(comments: bool, on_send: Callback<(Option<String>, Option<String>)>) -> impl IntoView {
    let chosen = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let reasons = REASONS
        .iter()
        .map(|(id, label)| {
            let id = id.to_string();
            let value = id.clone();
            view! {
                <label class="helpful-reason">
                    <input type="radio" name="helpful-reason" value=id.clone()
                        on:change=move |_| chosen.set(Some(value.clone()))/>
                    " " {*label}
                </label>
            }
        })
        .collect_view();
    let send = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let text = comment.get_untracked().trim().to_string();
        on_send.run((chosen.get_untracked(), (!text.is_empty()).then_some(text)));
    };
    view! {
        <form class="lantern-helpful-why" on:submit=send>
            <fieldset>
                <legend id="lantern-helpful-why" tabindex="-1">"What went wrong?"</legend>
                {reasons}
            </fieldset>
            {comments.then(|| view! {
                <label for="lantern-helpful-comment">"Anything else? (optional; leave out names and addresses)"</label>
                <textarea id="lantern-helpful-comment" maxlength="500" rows="3"
                    on:input=move |e| comment.set(event_target_value(&e))></textarea>
            })}
            <button type="submit" class="primary">"Send"</button>
        </form>
    }
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
