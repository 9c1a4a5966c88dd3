//! One signal as it leaves the browser and as a receiver stores it: one
//! JSON object per line (docs/events.md). The browser writes them and
//! `lantern report` reads them, so both use these types. Every field that
//! could hold what a person typed is redacted on the device first
//! ([`super::redact`]); nothing here names a person.

use serde::{Deserialize, Serialize};

/// The schema's version, sent with every event. A receiver keeps it; the
/// report reads every version it knows and counts the others as unknown.
pub const SCHEMA_VERSION: u32 = 1;

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// [`SCHEMA_VERSION`] when it was made.
    pub schema_version: u32,
    /// Random, one per event: a batch sent twice (a reload in the middle
    /// of a flush) is de-duplicated on it.
    pub id: String,
    /// Random, kept in sessionStorage only and new after 30 minutes idle:
    /// it ties a search to the view and the ticket that followed, and to
    /// nothing else (no cookie, no visitor id).
    pub session: String,
    /// When it happened, RFC 3339 in UTC.
    pub at: String,
    /// What happened.
    #[serde(flatten)]
    pub what: What,
}

/// What happened, by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum What {
    /// A committed search ([`super::commit`]): never a prefix typed on the way.
    Search {
        /// The query, redacted.
        query: String,
        /// How many articles matched.
        results: u32,
        /// The slugs of the first results, best first (at most 3).
        #[serde(default)]
        top: Vec<String>,
        /// How it was committed: pause, enter, click, leave or ticket.
        #[serde(default)]
        how: String,
    },
    /// A click on a result.
    Click {
        /// The query it answered, redacted.
        query: String,
        /// The article's slug.
        article: String,
        /// Its place in the list, from 1.
        rank: u32,
    },
    /// An article shown.
    View {
        /// Its slug.
        article: String,
        /// How the reader got there: search, link, related, direct.
        #[serde(default)]
        from: String,
    },
    /// "Was this helpful?" answered.
    Vote {
        /// Its slug.
        article: String,
        /// Yes or no.
        helpful: bool,
        /// With "No": outdated, steps, unclear, not_my_problem or other.
        #[serde(default)]
        reason: Option<String>,
        /// With "No", when the site allows comments (`[events] comments =
        /// true`): what the reader typed, redacted on the device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
    /// "This solved it" on one of the ticket form's suggestions.
    Solved {
        /// The suggested article's slug.
        article: String,
    },
    /// A ticket filed from the help center.
    Ticket {
        /// The ticket's reference (`docs/tickets.md`), as its receiver sees it.
        reference: String,
        /// The category id chosen, if any.
        #[serde(default)]
        category: Option<String>,
        /// Where it went: webhook, email, github.
        #[serde(default)]
        channel: String,
        /// sent, queued (in the outbox) or failed.
        #[serde(default)]
        outcome: String,
    },
}

/// The reasons a "No" vote may give, as events name them, with the words
/// the page and the report show.
pub const REASONS: [(&str, &str); 5] = [
    ("outdated", "It is outdated"),
    ("steps", "The steps did not work"),
    ("unclear", "It is unclear"),
    ("not_my_problem", "It is not my problem"),
    ("other", "Something else"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_is_one_flat_object_with_its_type() {
        let line = r#"{"schema_version":1,"id":"e1","session":"s1","at":"2026-11-03T10:00:00Z","type":"search","query":"vpn","results":0}"#;
        let event: Event = serde_json::from_str(line).unwrap();
        assert_eq!(
            event.what,
            What::Search {
                query: "vpn".into(),
                results: 0,
                top: vec![],
                how: String::new()
            }
        );
        let back = serde_json::to_value(&event).unwrap();
        assert_eq!(back["type"], "search");
        assert_eq!(back["session"], "s1");
    }

    #[test]
    fn an_unknown_type_is_an_error_not_a_guess() {
        let line = r#"{"schema_version":1,"id":"e1","session":"s1","at":"2026-11-03T10:00:00Z","type":"scroll"}"#;
        assert!(serde_json::from_str::<Event>(line).is_err());
    }

    #[test]
    fn a_vote_carries_a_comment_only_when_it_has_one() {
        let line = r#"{"schema_version":1,"id":"e1","session":"s1","at":"2026-11-03T10:00:00Z","type":"vote","article":"vpn","helpful":false,"reason":"steps"}"#;
        let mut event: Event = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_string(&event).unwrap(), line);
        let What::Vote { comment, .. } = &mut event.what else {
            panic!("a vote")
        };
        *comment = Some("step 3 has no Apply button".into());
        let back = serde_json::to_value(&event).unwrap();
        assert_eq!(back["comment"], "step 3 has no Apply button");
    }
}
