//! A ticket as the user writes it. The app keeps it in local storage after
//! every change, so a reload, a crash or a validation error loses nothing.

use serde::{Deserialize, Serialize};

/// A field of the ticket form, for errors that point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The user's name.
    Name,
    /// The address replies go to.
    Email,
    /// The one-line subject.
    Subject,
    /// What happened, in the user's words.
    Description,
    /// The category the problem belongs to.
    Category,
    /// How badly the problem hurts.
    Urgency,
    /// The file sent with the ticket.
    Attachment,
}

impl Field {
    /// The form control's id, for labels and error links.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "ticket-name",
            Field::Email => "ticket-email",
            Field::Subject => "ticket-subject",
            Field::Description => "ticket-description",
            Field::Category => "ticket-category",
            Field::Urgency => "ticket-urgency",
            Field::Attachment => "ticket-attachment",
        }
    }
}

/// How urgent the user says the problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// A question, or a workaround exists.
    Low,
    /// It slows work down (the default).
    #[default]
    Normal,
    /// The user cannot work.
    High,
    /// Several people are blocked.
    Critical,
}

impl Urgency {
    /// Every urgency, least urgent first.
    pub const ALL: [Urgency; 4] = [
        Urgency::Low,
        Urgency::Normal,
        Urgency::High,
        Urgency::Critical,
    ];

    /// The urgency as stored and sent (`low`, `normal` ...).
    pub fn id(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::High => "high",
            Urgency::Critical => "critical",
        }
    }

    /// The urgency whose [`Urgency::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.id() == id)
    }

    /// Worded by impact, so people choose honestly.
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Low => "Low: a question, or a workaround exists",
            Urgency::Normal => "Normal: it slows my work down",
            Urgency::High => "High: I cannot do my work",
            Urgency::Critical => "Critical: several people are blocked",
        }
    }
}

/// A file the user attached, ready to send inline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file's name, as the user's system had it.
    pub name: String,
    /// Its MIME type, as the content shows it (see `attachment::check_content`).
    pub mime_type: String,
    /// Its size in bytes, before base64.
    pub size: usize,
    /// The content, base64.
    pub content_base64: String,
}

/// An article the user opened during this visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleVisit {
    /// The article's slug.
    pub slug: String,
    /// Its title, as shown then.
    pub title: String,
    /// Its address, to paste into the ticket.
    pub url: String,
    /// Why the user said it did not help ("The steps did not work"), when
    /// they answered "Was this helpful?" with No: the agent need not ask
    /// what was already tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_helpful: Option<String>,
}

/// What the page knows about the user's visit, added to the ticket so the
/// agent does not have to ask. Shown before sending; each part can be left
/// out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketContext {
    /// Searches typed during the visit, newest last (see [`record_query`]).
    pub queries: Vec<String>,
    /// Articles opened during the visit.
    pub articles: Vec<ArticleVisit>,
    /// The page the user came from (the referrer), if any.
    pub came_from: String,
    /// The browser's user agent.
    pub user_agent: String,
    /// The operating system, as the browser names it.
    pub platform: String,
    /// The browser's language (`en-GB`).
    pub language: String,
    /// Local time with its offset, RFC 3339.
    pub local_time: String,
    /// Whether the browser was online; `None` when the user left it out.
    pub online: Option<bool>,
}

/// Adds a search to the visit's list as it is typed. A query that extends
/// or shortens the previous one replaces it, so typing "o", "ou",
/// "outlook" records one search; at most `max` are kept, newest last.
pub fn record_query(queries: &mut Vec<String>, query: &str, max: usize) {
    let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
    if query.chars().count() < 2 {
        return;
    }
    let folded = crate::text::lowercase(&query);
    let continues_last = queries.last().is_some_and(|last| {
        let last = crate::text::lowercase(last);
        folded.starts_with(&last) || last.starts_with(&folded)
    });
    if continues_last {
        queries.pop();
    }
    queries.retain(|q| crate::text::lowercase(q) != folded);
    queries.push(query);
    if queries.len() > max {
        queries.drain(..queries.len() - max);
    }
}

/// One part of the [`TicketContext`], which the user may leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextPart {
    /// The searches typed.
    Queries,
    /// The articles read.
    Articles,
    /// The page the user came from.
    CameFrom,
    /// Browser and operating system.
    Browser,
    /// The browser's language.
    Language,
    /// The local time.
    Time,
    /// Whether the browser was online.
    Online,
}

impl ContextPart {
    /// Every part, in the order the form shows them.
    pub const ALL: [ContextPart; 7] = [
        ContextPart::Queries,
        ContextPart::Articles,
        ContextPart::CameFrom,
        ContextPart::Browser,
        ContextPart::Language,
        ContextPart::Time,
        ContextPart::Online,
    ];

    /// For element ids.
    pub fn id(self) -> &'static str {
        match self {
            ContextPart::Queries => "queries",
            ContextPart::Articles => "articles",
            ContextPart::CameFrom => "came-from",
            ContextPart::Browser => "browser",
            ContextPart::Language => "language",
            ContextPart::Time => "time",
            ContextPart::Online => "online",
        }
    }

    /// The part's name, as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            ContextPart::Queries => "Searched for",
            ContextPart::Articles => "Articles read",
            ContextPart::CameFrom => "Came from",
            ContextPart::Browser => "Browser and system",
            ContextPart::Language => "Language",
            ContextPart::Time => "Local time",
            ContextPart::Online => "Connection",
        }
    }
}

impl TicketContext {
    /// One part as text, or `None` when there is nothing to say.
    pub fn describe(&self, part: ContextPart) -> Option<String> {
        let text = match part {
            ContextPart::Queries => self
                .queries
                .iter()
                .map(|q| format!("“{q}”"))
                .collect::<Vec<_>>()
                .join(", "),
            ContextPart::Articles => self
                .articles
                .iter()
                .map(|a| match &a.not_helpful {
                    Some(why) => format!("{} ({}), not helpful: {why}", a.title, a.url),
                    None => format!("{} ({})", a.title, a.url),
                })
                .collect::<Vec<_>>()
                .join("; "),
            ContextPart::CameFrom => self.came_from.clone(),
            ContextPart::Browser => match (self.user_agent.is_empty(), self.platform.is_empty()) {
                (false, false) => format!("{} ({})", self.user_agent, self.platform),
                _ => format!("{}{}", self.user_agent, self.platform),
            },
            ContextPart::Language => self.language.clone(),
            ContextPart::Time => self.local_time.clone(),
            ContextPart::Online => match self.online {
                Some(true) => "online".to_string(),
                Some(false) => "offline".to_string(),
                None => String::new(),
            },
        };
        (!text.is_empty()).then_some(text)
    }

    /// The context without the parts the user removed.
    pub fn without(&self, removed: &[ContextPart]) -> TicketContext {
        let mut kept = self.clone();
        for part in removed {
            match part {
                ContextPart::Queries => kept.queries.clear(),
                ContextPart::Articles => kept.articles.clear(),
                ContextPart::CameFrom => kept.came_from.clear(),
                ContextPart::Browser => {
                    kept.user_agent.clear();
                    kept.platform.clear();
                }
                ContextPart::Language => kept.language.clear(),
                ContextPart::Time => kept.local_time.clear(),
                ContextPart::Online => kept.online = None,
            }
        }
        kept
    }
}

/// A ticket being written: what the form holds, saved as it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketDraft {
    /// Made when the draft starts and kept through every retry, so a
    /// receiver can tell a resend from a new ticket.
    pub reference: String,
    /// The user's name.
    pub name: String,
    /// The address replies go to.
    pub email: String,
    /// The one-line subject.
    pub subject: String,
    /// What happened, in the user's words.
    pub description: String,
    /// A category id from the site config, or empty for "not sure".
    pub category: String,
    /// How urgent the user says it is.
    pub urgency: Urgency,
    /// The file to send with it, if any.
    pub attachment: Option<Attachment>,
    /// Context parts the user chose to leave out.
    pub removed_context: Vec<ContextPart>,
}

impl TicketDraft {
    /// An empty draft with its reference (see `reference_from`).
    pub fn new(reference: String) -> Self {
        Self {
            reference,
            ..Self::default()
        }
    }

    /// The draft as JSON without its attachment: what is saved on every
    /// keystroke (the attachment, up to a megabyte or two, is saved once,
    /// apart). Reads back as a `TicketDraft` with no attachment.
    pub fn text_json(&self) -> String {
        #[derive(Serialize)]
        struct Text<'a> {
            reference: &'a str,
            name: &'a str,
            email: &'a str,
            subject: &'a str,
            description: &'a str,
            category: &'a str,
            urgency: Urgency,
            removed_context: &'a [ContextPart],
        }
        serde_json::to_string(&Text {
            reference: &self.reference,
            name: &self.name,
            email: &self.email,
            subject: &self.subject,
            description: &self.description,
            category: &self.category,
            urgency: self.urgency,
            removed_context: &self.removed_context,
        })
        .unwrap_or_default()
    }

    /// The text the engine looks for matching articles with.
    pub fn deflection_query(&self) -> String {
        let mut words: Vec<&str> = self.subject.split_whitespace().collect();
        words.extend(self.description.split_whitespace().take(24));
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_query_records_one_search() {
        let mut queries = Vec::new();
        for typed in ["o", "ou", "outl", "outlok", "outlok pas", "outlok pa"] {
            record_query(&mut queries, typed, 10);
        }
        assert_eq!(queries, ["outlok pa"]);
        record_query(&mut queries, "  vpn   error ", 10);
        record_query(&mut queries, "OUTLOK PA", 10);
        assert_eq!(queries, ["vpn error", "OUTLOK PA"]);
    }

    #[test]
    fn the_text_of_a_draft_reads_back_without_its_attachment() {
        let draft = TicketDraft {
            subject: "VPN".into(),
            removed_context: vec![ContextPart::Time],
            attachment: Some(Attachment {
                name: "a.png".into(),
                mime_type: "image/png".into(),
                size: 3,
                content_base64: "AAAA".into(),
            }),
            ..TicketDraft::new("LT-0000-0001".into())
        };
        let back: TicketDraft = serde_json::from_str(&draft.text_json()).unwrap();
        assert_eq!(
            back,
            TicketDraft {
                attachment: None,
                ..draft
            }
        );
    }

    #[test]
    fn only_the_newest_searches_are_kept() {
        let mut queries = Vec::new();
        for q in ["aa", "bb", "cc", "dd"] {
            record_query(&mut queries, q, 3);
        }
        assert_eq!(queries, ["bb", "cc", "dd"]);
    }
}
