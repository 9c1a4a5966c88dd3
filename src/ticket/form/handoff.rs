//! The form's last steps when it does not send the ticket itself: the
//! hand-off to the user's email or GitHub (or, with neither configured,
//! the text to copy), and the end of the flow when an article solved it.

use lantern_core::ticket::{ArticleVisit, Channel, TicketConfig, TicketPayload};
use leptos::prelude::*;

use crate::site::use_site;
use crate::web::clipboard::copy_to_clipboard;

/// The title and the one-line instruction of the hand-off step.
fn wording(channel: Option<Channel>) -> (&'static str, &'static str) {
    match channel {
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
    }
}

/// The address that opens the ticket in the user's email or on GitHub.
fn channel_link(
    config: &TicketConfig,
    payload: &TicketPayload,
    channel: Option<Channel>,
) -> Option<String> {
    match channel {
        Some(Channel::Email) => config.email.as_deref().map(|to| payload.mailto(to)),
        Some(Channel::Github) => config.github.as_ref().map(|g| payload.github_url(g)),
        _ => None,
    }
}

#[component]
pub fn Handoff(
    payload: TicketPayload,
    channel: Option<Channel>,
    on_sent: Callback<TicketPayload>,
    on_back: Callback<()>,
) -> impl IntoView {
    let site = use_site();
    let text = payload.plain_text();
    let link = channel_link(&site.catalog.ticket, &payload, channel);
    let (title, how) = wording(channel);
    let reference = payload.reference.clone();
    let copy_text = text.clone();
    let github = channel == Some(Channel::Github);
    view! {
        <section class="handoff" aria-labelledby="handoff-title">
            <h2 id="handoff-title" tabindex="-1">{title}</h2>
            <p>{how}</p>
            <p>"Reference: " <strong class="reference">{reference}</strong></p>
            <div class="form-actions">
                {link.map(|href| view! {
                    <a class="button primary" href=href target=github.then_some("_blank") rel="noopener"
                        on:click=move |_| on_sent.run(payload.clone())>
                        {if github { "Open GitHub to submit" } else { "Open email to send" }}
                    </a>
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
pub fn Solved(article: ArticleVisit) -> impl IntoView {
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
