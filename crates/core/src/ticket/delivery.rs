//! A finished ticket in the forms it travels in: the webhook's JSON, the
//! plain text an email or a GitHub issue carries, and the links that open
//! those prefilled.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

use super::attachment::human_size;
use super::draft::{Attachment, ContextPart, TicketContext, TicketDraft, Urgency};
use super::GithubConfig;

/// Bumped when a field changes meaning or disappears (adding one does not).
/// Documented in `docs/tickets.md`.
pub const SCHEMA_VERSION: u32 = 1;

/// Mail clients and browsers truncate or refuse longer `mailto:` links.
pub const MAX_MAILTO_CHARS: usize = 1900;
/// GitHub answers 414 for longer "new issue" URLs.
pub const MAX_GITHUB_URL_CHARS: usize = 7000;

/// A ticket as it leaves the browser (schema in `docs/tickets.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketPayload {
    /// [`SCHEMA_VERSION`] when it was made.
    pub schema_version: u32,
    /// Stable across retries: receivers de-duplicate on it.
    pub reference: String,
    /// When the user pressed Send, RFC 3339 in UTC.
    pub created_at: String,
    /// The site it was sent from.
    pub site: SiteRef,
    /// Who is asking, and where to reply.
    pub requester: Requester,
    /// The one-line subject, trimmed.
    pub subject: String,
    /// What happened, trimmed.
    pub description: String,
    /// The category chosen, if any.
    #[serde(default)]
    pub category: Option<CategoryRef>,
    /// How urgent the user says it is.
    #[serde(default)]
    pub urgency: Urgency,
    /// The file sent with it, if any.
    #[serde(default)]
    pub attachment: Option<Attachment>,
    /// What the page knew of the visit, less the parts the user removed.
    /// Defaults (here and in the context) let a ticket stored by another
    /// version, with fewer fields, still be read and sent.
    #[serde(default)]
    pub context: TicketContext,
}

/// The site a ticket comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteRef {
    /// Its name, from the site config.
    pub name: String,
    /// Its address: `base_url`, or where the page was served from.
    pub url: String,
}

/// Who sent a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requester {
    /// Their name, as typed.
    pub name: String,
    /// Their email address, for replies.
    pub email: String,
}

/// A category as the ticket names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryRef {
    /// Its id in the site config.
    pub id: String,
    /// Its name, as the site shows it.
    pub name: String,
}

impl TicketPayload {
    /// The ticket as sent: trimmed fields, the context without the parts
    /// the user removed.
    pub fn new(
        draft: &TicketDraft,
        context: &TicketContext,
        site: SiteRef,
        category_name: Option<String>,
        created_at: String,
    ) -> Self {
        let category = (!draft.category.is_empty()).then(|| CategoryRef {
            id: draft.category.clone(),
            name: category_name.unwrap_or_else(|| draft.category.clone()),
        });
        Self {
            schema_version: SCHEMA_VERSION,
            reference: draft.reference.clone(),
            created_at,
            site,
            requester: Requester {
                name: draft.name.trim().to_string(),
                email: draft.email.trim().to_string(),
            },
            subject: one_line(draft.subject.trim()),
            description: draft.description.trim().to_string(),
            category,
            urgency: draft.urgency,
            attachment: draft.attachment.clone(),
            context: context.without(&draft.removed_context),
        }
    }

    /// The subject line an email or issue gets: the reference makes replies
    /// and duplicates easy to match up.
    pub fn subject_line(&self) -> String {
        format!("{} [{}]", self.subject, self.reference)
    }

    /// The whole ticket as readable text: for email, GitHub, and the "copy
    /// ticket text" button.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        let mut line = |label: &str, value: &str| {
            if !value.is_empty() {
                text.push_str(&format!("{label}: {value}\n"));
            }
        };
        line("Reference", &self.reference);
        line(
            "From",
            &format!("{} <{}>", self.requester.name, self.requester.email),
        );
        line("Subject", &self.subject);
        if let Some(category) = &self.category {
            line("Category", &category.name);
        }
        line("Urgency", self.urgency.label());
        text.push('\n');
        text.push_str(&self.description);
        text.push_str("\n\n");
        if let Some(attachment) = &self.attachment {
            text.push_str(&format!(
                "Attachment: {} ({}). If it is not attached here, please add it to this message.\n\n",
                attachment.name,
                human_size(attachment.size)
            ));
        }
        let context: Vec<String> = ContextPart::ALL
            .into_iter()
            .filter_map(|part| {
                let value = self.context.describe(part)?;
                Some(format!("{}: {value}", part.label()))
            })
            .collect();
        if !context.is_empty() {
            text.push_str("-- Context --\n");
            text.push_str(&context.join("\n"));
            text.push('\n');
        }
        text.push_str(&format!(
            "Sent from {} ({})\n",
            self.site.name, self.site.url
        ));
        text
    }

    /// A `mailto:` link with subject and body filled in. Everything the
    /// user typed is percent-encoded, so it cannot add recipients or
    /// headers; the body is cut to fit what mail clients accept. The
    /// address keeps its `@` (and `+`) literal, as RFC 6068 writes it.
    pub fn mailto(&self, to: &str) -> String {
        let head = format!(
            "mailto:{}?subject={}&body=",
            encode_address(to),
            encode(&self.subject_line())
        );
        let note = "\n\n[Shortened to fit an email link: use “Copy ticket text” on the help page for the rest.]";
        let body = fit(
            &self.plain_text(),
            note,
            MAX_MAILTO_CHARS.saturating_sub(head.len()),
        );
        head + &body
    }

    /// GitHub's "new issue" page with title, body and labels filled in.
    pub fn github_url(&self, github: &GithubConfig) -> String {
        let mut head = format!(
            "https://github.com/{}/issues/new?title={}",
            github.repo,
            encode(&self.subject_line())
        );
        if !github.labels.is_empty() {
            head.push_str("&labels=");
            head.push_str(&encode(&github.labels.join(",")));
        }
        head.push_str("&body=");
        let note = "\n\n[Shortened to fit a link: the full text was copied on the help page.]";
        let body = fit(
            &self.plain_text(),
            note,
            MAX_GITHUB_URL_CHARS.saturating_sub(head.len()),
        );
        head + &body
    }
}

/// Only unreserved characters stay as they are (RFC 3986).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `text` with every character but the unreserved ones percent-encoded:
/// safe as a query value or one path segment.
pub(crate) fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// A `mailto:` address (RFC 6068 section 2): `@` and `+` are written as
/// they are; `%`, `?`, `&`, `#`, `,` (a second recipient) and the rest stay
/// encoded, so the address cannot start the headers or add anyone.
const ADDRESS: &AsciiSet = &COMPONENT.remove(b'@').remove(b'+');

fn encode_address(address: &str) -> String {
    utf8_percent_encode(address.trim(), ADDRESS).to_string()
}

/// Line breaks in a subject would start new headers in some mail clients.
fn one_line(text: &str) -> String {
    text.split(char::is_control)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` encoded, cut on a character boundary so the result (with `note`
/// when cut) is at most `budget` characters long.
fn fit(text: &str, note: &str, budget: usize) -> String {
    let whole = encode(&text.replace('\n', "\r\n"));
    if whole.len() <= budget {
        return whole;
    }
    let note = encode(&note.replace('\n', "\r\n"));
    let mut out = String::new();
    for c in text.replace('\n', "\r\n").chars() {
        let piece = encode(c.encode_utf8(&mut [0; 4]));
        if out.len() + piece.len() + note.len() > budget {
            break;
        }
        out.push_str(&piece);
    }
    out + &note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_removes_line_breaks() {
        assert_eq!(one_line("a\r\nBcc: x@y.z"), "a Bcc: x@y.z");
    }

    #[test]
    fn fit_never_exceeds_the_budget_or_splits_a_character() {
        let text = "é".repeat(1000);
        let out = fit(&text, "\n[cut]", 300);
        assert!(out.len() <= 300, "{}", out.len());
        assert!(out.ends_with(&encode("\r\n[cut]")));
        assert!(percent_encoding::percent_decode_str(&out)
            .decode_utf8()
            .is_ok());
    }
}
