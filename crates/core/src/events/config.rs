//! The `[events]` section of `lantern.toml`: whether the help center tells
//! its team what happened at the front, and where (docs/events.md). Opt-in:
//! without the section nothing is collected or sent. It travels to the
//! browser inside the catalog, so, like `[ticket]`, it holds nothing
//! secret: a header is a way for a receiver to recognise the posts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `[events]` section.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EventsConfig {
    /// Where batches are POSTed (https, or http to localhost/127.0.0.1 for
    /// tests, same rule as the ticket webhook's URL).
    pub url: String,
    /// Extra request headers (e.g. an API key); any header makes the
    /// browser send a CORS preflight, docs say so.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// Whether a "No" vote may carry a free-text comment (redacted on the
    /// device like queries). Default false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comments: bool,
}

impl EventsConfig {
    /// What `lantern check` reports about the section: each problem as the
    /// dotted key it is about (for its line) and what is wrong with the fix.
    #[cfg(feature = "authoring")]
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        if let Some(why) = crate::config::rules::events_url_problem(&self.url) {
            problems.push((
                "events.url".into(),
                format!("events.url `{}` {why}", self.url),
            ));
        }
        for (name, value) in &self.headers {
            let key = format!("events.headers.{name}");
            if !is_token(name) {
                problems.push((key.clone(), format!(
                    "events.headers `{name}` is not a valid header name: use only letters, digits and `-` (any of !#$%&'*+.^_`|~ too, no spaces or `:`), like `X-Api-Key`"
                )));
            }
            if value.chars().any(char::is_control) {
                problems.push((key, format!(
                    "events.headers `{name}` has control characters in its value (a line break or a tab): write it on one line"
                )));
            }
        }
        problems
    }
}

/// Whether `name` is an HTTP token (RFC 9110 section 5.6.2), what a header
/// name must be: the browser refuses to send any other.
pub fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_name_is_an_http_token() {
        for good in ["X-Api-Key", "authorization", "x_key", "a.b"] {
            assert!(is_token(good), "{good}");
        }
        for bad in ["", "X Api", "X-Key:", "Ключ", "a\nb", "(x)"] {
            assert!(!is_token(bad), "{bad}");
        }
    }

    #[test]
    fn an_empty_section_serialises_to_its_url_alone() {
        let config = EventsConfig {
            url: "https://events.example.com/lantern".into(),
            ..EventsConfig::default()
        };
        assert_eq!(
            serde_json::to_string(&config).unwrap(),
            r#"{"url":"https://events.example.com/lantern"}"#
        );
    }

    #[cfg(feature = "authoring")]
    #[test]
    fn a_plain_http_url_elsewhere_and_a_bad_header_are_each_a_problem_with_its_key() {
        let config = EventsConfig {
            url: "http://events.example.com/x".into(),
            headers: [("X Key".to_string(), "v\n".to_string())].into(),
            comments: false,
        };
        let keys: Vec<String> = config.problems().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["events.url", "events.headers.X Key", "events.headers.X Key"]
        );
        let local = EventsConfig {
            url: "http://127.0.0.1:8398/events".into(),
            ..EventsConfig::default()
        };
        assert!(local.problems().is_empty());
    }
}
