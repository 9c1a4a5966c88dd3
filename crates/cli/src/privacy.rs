//! `privacy/index.html`: what the help center sends about a visit, said
//! plainly, on a page of its own that `lantern build` writes from the
//! config. A static page (no app, no script), so that it reads the same
//! with JavaScript off and cannot be changed by what it describes; the app
//! links it from its footer. Everything that comes from `lantern.toml` is
//! escaped. The events and their fields are docs/events.md's.

use lantern_core::config::SiteConfig;
use lantern_core::events::EventsConfig;
use lantern_core::render::escape_html;

use crate::shell::AppShell;

/// Where the page is, relative to the site root, and its address.
pub const PAGE: &str = "privacy/index.html";
pub const AT: &str = "privacy/";

/// The fields of every event, with what they hold.
const COMMON: [(&str, &str); 5] = [
    ("schema_version", "the version of this list of fields (1)"),
    (
        "id",
        "a random id of the event, so that one sent twice is counted once",
    ),
    ("session", "the random id of this visit (see above)"),
    ("at", "when it happened, to the second, in UTC"),
    ("type", "which of the events below it is"),
];

/// Each event: its `type`, when it is sent, and its own fields.
const EVENTS: [(&str, &str, &str); 6] = [
    (
        "search",
        "a search you finished (a pause, Enter, a click on a result, leaving the box)",
        "<code>query</code> (redacted), <code>results</code> (how many articles matched), <code>top</code> (the first articles found, at most 3), <code>how</code> (pause, enter, click, leave or ticket)",
    ),
    (
        "click",
        "a click on a search result",
        "<code>query</code> (redacted), <code>article</code> (which one), <code>rank</code> (its place in the list)",
    ),
    (
        "view",
        "an article shown",
        "<code>article</code>, <code>from</code> (search, link, related or direct)",
    ),
    (
        "vote",
        "an answer to “Was this helpful?”",
        "<code>article</code>, <code>helpful</code> (yes or no), <code>reason</code> with “No” (outdated, steps, unclear, not my problem, other)",
    ),
    (
        "solved",
        "“This solved it” on an article the support form suggested",
        "<code>article</code>",
    ),
    (
        "ticket",
        "a support ticket filed from this site",
        "<code>reference</code> (the ticket's reference), <code>category</code> (the topic chosen, if any), <code>channel</code> (webhook, email or github), <code>outcome</code> (sent, queued or failed); never your name, address or what you wrote",
    ),
];

/// The privacy page of the site `config` describes, in the look of `shell`.
pub fn page(shell: &AppShell, config: &SiteConfig) -> String {
    let name = escape_html(&config.site.name);
    let text = match &config.events {
        None => nothing_sent(),
        Some(events) => events_sent(events),
    };
    let body = format!(
        r#"<header class="site-header"><a class="brand" href="../"><span class="brand-mark" aria-hidden="true">◆</span>{name}</a></header><main id="main" class="privacy"><article class="article"><h1>Privacy</h1><div class="article-body">{text}<p><a href="../">Back to the help articles</a></p></div></article></main>"#
    );
    shell.static_page("../", &format!("Privacy · {name}"), &body)
}

/// The text when the site has no `[events]`.
fn nothing_sent() -> String {
    format!(
        "<p><strong>This help center sends nothing about your visit.</strong> What you search for, the articles you read and how you answer “Was this helpful?” stay in your browser: no analytics, no tracking, no cookies.</p>{}",
        what_else("What does leave your browser")
    )
}

/// What leaves the browser either way, under `heading`: a ticket, when the
/// reader files one, and the requests for the pages.
fn what_else(heading: &str) -> String {
    format!("<h2>{heading}</h2><ul><li>A <strong>support ticket</strong>, when you file one, with what the form shows you before you send it (you can leave out each part of the context it attaches).</li><li>The requests for these pages themselves: the server that hosts them sees your network address, as every website's does, and may keep it in its logs.</li></ul><p>A ticket you are writing is kept in this browser's storage until it is sent or discarded, and articles are kept for use offline; neither is sent anywhere.</p>")
}

/// The text when the site sends events.
fn events_sent(events: &EventsConfig) -> String {
    let origin = url::Url::parse(&events.url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_else(|_| events.url.clone());
    let origin = escape_html(&origin);
    let common: String = COMMON
        .iter()
        .map(|(field, what)| format!("<tr><td><code>{field}</code></td><td>{what}</td></tr>"))
        .collect();
    let rows: String = EVENTS
        .iter()
        .map(|(kind, when, fields)| {
            let fields = if *kind == "vote" && events.comments {
                format!("{fields}, <code>comment</code> (what you typed with “No”, if anything, redacted as searches are)")
            } else {
                fields.to_string()
            };
            format!("<tr><td><code>{kind}</code></td><td>{when}</td><td>{fields}</td></tr>")
        })
        .collect();
    format!(
        r#"<p>To learn which articles help and what is missing, this help center sends a record of what happens on it to <strong>{origin}</strong>: searches, the articles read, answers to “Was this helpful?”, and whether a ticket followed. Nothing in it names you.</p>
<h2>How to send nothing</h2><p>Turn on <strong>Global Privacy Control</strong> or <strong>Do Not Track</strong> in your browser: with either on, this site sends no events at all.</p>
<h2>No person in it</h2><ul><li>A visit is tied together by a <strong>random session id</strong>, kept in this tab's <code>sessionStorage</code> only and replaced after 30 minutes without activity. There is <strong>no cookie</strong> and <strong>no visitor id</strong>: the next visit cannot be linked to this one.</li><li>Your name, email address and what you write in a ticket are never in an event; a ticket event carries only the ticket's reference and topic.</li><li>The server that receives the events sees your network address, as every server you connect to does; the events themselves carry none.</li></ul>
<h2>What is removed from searches</h2><p>Before a search leaves your device it is redacted: <strong>email addresses</strong>, <strong>IP addresses</strong>, <strong>numbers of six digits or more</strong> (phone numbers typed in groups too), <strong>GUIDs</strong>, <strong>user and network paths</strong> (<code>C:\Users\…</code>, <code>/home/…</code>, <code>\\server\share</code>) are replaced by a placeholder, and a web address keeps only its host. Only searches you finished are sent, never each letter typed.</p>
<h2>Every event and every field</h2><p>Each event has these fields:</p><table><thead><tr><th>field</th><th>what</th></tr></thead><tbody>{common}</tbody></table><p>and those of its type:</p><table><thead><tr><th>type</th><th>sent for</th><th>fields</th></tr></thead><tbody>{rows}</tbody></table><p>Nothing else is in an event.</p>{}"#,
        what_else("Besides the events")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_appear_in_the_vote_row_only_when_the_site_allows_them() {
        let mut events = EventsConfig {
            url: "https://collect.example:8443/lantern?key=x".into(),
            ..EventsConfig::default()
        };
        let text = events_sent(&events);
        assert!(text.contains("<strong>https://collect.example:8443</strong>"));
        assert!(!text.contains("key=x"), "the origin only");
        assert!(!text.contains("<code>comment</code>"));
        events.comments = true;
        assert!(events_sent(&events).contains("<code>comment</code>"));
    }
}
