//! The `[ticket]` section of `lantern.toml`: where tickets go. It travels
//! to the browser inside the catalog, so it holds nothing secret: a static
//! site has no private place for a token.

use serde::{Deserialize, Serialize};

/// Where a ticket can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// POST the ticket as JSON to a URL.
    Webhook,
    /// A `mailto:` link with subject and body filled in.
    Email,
    /// A prefilled "new issue" page on GitHub.
    Github,
}

impl Channel {
    /// The channel's name in sentences ("sent to your support system").
    pub fn label(self) -> &'static str {
        match self {
            Channel::Webhook => "support system",
            Channel::Email => "email",
            Channel::Github => "GitHub",
        }
    }
}

/// The `[ticket]` section of `lantern.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketConfig {
    /// Tried in this order: the first is the primary channel, the others
    /// are offered when it fails. Defaults to every configured channel,
    /// webhook first.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Shown on the confirmation, e.g. "within 4 business hours".
    #[serde(default)]
    pub response_time: String,
    /// The service desk's address, for the `email` channel.
    #[serde(default)]
    pub email: Option<String>,
    /// The `webhook` channel's settings.
    #[serde(default)]
    pub webhook: Option<WebhookConfig>,
    /// The `github` channel's settings.
    #[serde(default)]
    pub github: Option<GithubConfig>,
    /// Largest attachment accepted, in KiB. Kept small: the ticket waits in
    /// the browser's local storage (about 5 MB) until it is delivered.
    #[serde(default = "default_max_attachment_kib")]
    pub max_attachment_kib: u32,
}

/// Where the `webhook` channel posts tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// The receiver's URL (https, or http on localhost).
    pub url: String,
    /// Give up on one attempt after this long; the outbox retries later.
    #[serde(default = "default_timeout_seconds")]
    pub timeout_seconds: u32,
    /// One static header sent with every ticket, e.g. a token that lets the
    /// receiver tell Lantern's posts from others. It is public: anyone can
    /// read it in the site's files.
    #[serde(default)]
    pub header: Option<StaticHeader>,
}

/// A header name and value sent with every webhook post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaticHeader {
    /// The header's name.
    pub name: String,
    /// Its value (public: anyone can read it in the site's files).
    pub value: String,
}

/// Where the `github` channel opens a prefilled issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GithubConfig {
    /// `owner/name`.
    pub repo: String,
    /// Labels the new issue gets.
    #[serde(default)]
    pub labels: Vec<String>,
}

/// Keeps a base64 attachment, the draft and the outbox copy within the
/// browser's storage quota.
pub const MAX_ATTACHMENT_KIB_LIMIT: u32 = 2048;

fn default_max_attachment_kib() -> u32 {
    1024
}

fn default_timeout_seconds() -> u32 {
    15
}

impl Default for TicketConfig {
    fn default() -> Self {
        Self {
            channels: Vec::new(),
            response_time: String::new(),
            email: None,
            webhook: None,
            github: None,
            max_attachment_kib: default_max_attachment_kib(),
        }
    }
}

impl TicketConfig {
    /// The channels in the order they are tried.
    pub fn channel_order(&self) -> Vec<Channel> {
        if !self.channels.is_empty() {
            return self.channels.clone();
        }
        let configured = [
            (Channel::Webhook, self.webhook.is_some()),
            (Channel::Email, self.email.is_some()),
            (Channel::Github, self.github.is_some()),
        ];
        configured
            .into_iter()
            .filter_map(|(channel, on)| on.then_some(channel))
            .collect()
    }

    /// The channel tried first, if any is configured.
    pub fn primary(&self) -> Option<Channel> {
        self.channel_order().first().copied()
    }

    /// The channels offered when the first fails, in order.
    pub fn fallbacks(&self) -> Vec<Channel> {
        self.channel_order().into_iter().skip(1).collect()
    }

    /// The largest attachment accepted, in bytes.
    pub fn max_attachment_bytes(&self) -> usize {
        self.max_attachment_kib as usize * 1024
    }

    /// What `lantern check` reports about this section, one problem a line.
    #[cfg(feature = "authoring")]
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for channel in &self.channels {
            let configured = match channel {
                Channel::Webhook => self.webhook.is_some(),
                Channel::Email => self.email.is_some(),
                Channel::Github => self.github.is_some(),
            };
            if !configured {
                let name = serde_json::to_value(channel)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let missing = match channel {
                    Channel::Webhook => "[ticket.webhook] section: add one with a `url`",
                    Channel::Email => "`email` address: add one under [ticket]",
                    Channel::Github => "[ticket.github] section: add one with a `repo`",
                };
                problems.push(format!(
                    "ticket.channels lists `{name}`, but there is no {missing}, or take `{name}` out of channels"
                ));
            }
        }
        if let Some(address) = &self.email {
            if let Err(why) = super::validate::email_address(address) {
                problems.push(format!("ticket.email `{address}` {why}"));
            }
        }
        if let Some(webhook) = &self.webhook {
            if let Some(why) = crate::config::rules::webhook_url_problem(&webhook.url) {
                problems.push(format!("ticket.webhook.url `{}` {why}", webhook.url));
            }
            if webhook.timeout_seconds == 0 || webhook.timeout_seconds > 120 {
                problems.push(format!(
                    "ticket.webhook.timeout_seconds is {}: set it between 1 and 120",
                    webhook.timeout_seconds
                ));
            }
            if let Some(header) = &webhook.header {
                let token = |s: &str| {
                    !s.is_empty()
                        && s.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
                };
                if !token(&header.name) {
                    problems.push(format!(
                        "ticket.webhook.header.name `{}` is not a valid header name: use only letters, digits, `-` and `_`, like `X-Lantern-Token`",
                        header.name
                    ));
                }
                if header.value.chars().any(char::is_control) {
                    problems.push(
                        "ticket.webhook.header.value has control characters (a line break or a tab): write it on one line".into(),
                    );
                }
            }
        }
        if let Some(github) = &self.github {
            if !crate::config::rules::github_repo_ok(&github.repo) {
                problems.push(format!(
                    "ticket.github.repo `{}` must be written `owner/name` in the letters, digits, `-`, `_` and `.` GitHub allows, like `acme/helpdesk`",
                    github.repo
                ));
            }
        }
        if self.max_attachment_kib > MAX_ATTACHMENT_KIB_LIMIT {
            problems.push(format!(
                "ticket.max_attachment_kib is {}, more than fits the browser's storage: set it to {MAX_ATTACHMENT_KIB_LIMIT} or less",
                self.max_attachment_kib
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_webhook(url: &str) -> TicketConfig {
        TicketConfig {
            webhook: Some(WebhookConfig {
                url: url.into(),
                timeout_seconds: 10,
                header: None,
            }),
            ..TicketConfig::default()
        }
    }

    #[test]
    fn default_order_is_webhook_then_email_then_github() {
        let mut config = with_webhook("https://desk.example/api");
        config.email = Some("desk@example.com".into());
        config.github = Some(GithubConfig {
            repo: "acme/help".into(),
            labels: vec![],
        });
        assert_eq!(
            config.channel_order(),
            [Channel::Webhook, Channel::Email, Channel::Github]
        );
        config.channels = vec![Channel::Email, Channel::Webhook];
        assert_eq!(config.primary(), Some(Channel::Email));
        assert_eq!(config.fallbacks(), [Channel::Webhook]);
    }

    #[test]
    fn webhook_must_be_https_except_on_localhost() {
        assert!(with_webhook("https://desk.example/api")
            .problems()
            .is_empty());
        assert!(with_webhook("http://127.0.0.1:8399/tickets")
            .problems()
            .is_empty());
        let problems = with_webhook("http://desk.example/api").problems();
        assert!(problems[0].contains("https"), "{problems:?}");
        assert!(!with_webhook("javascript:alert(1)").problems().is_empty());
        assert!(!with_webhook("https:///x").problems().is_empty());
    }

    #[test]
    fn a_listed_channel_must_be_configured() {
        let config = TicketConfig {
            channels: vec![Channel::Github],
            ..TicketConfig::default()
        };
        let problems = config.problems();
        assert!(problems[0].contains("`github`"), "{problems:?}");
    }

    #[test]
    fn a_listed_channel_that_is_not_configured_is_reported_in_plain_english_with_the_fix() {
        let config = TicketConfig {
            channels: vec![Channel::Webhook, Channel::Email],
            ..TicketConfig::default()
        };
        assert_eq!(
            config.problems(),
            [
                "ticket.channels lists `webhook`, but there is no [ticket.webhook] section: add one with a `url`, or take `webhook` out of channels",
                "ticket.channels lists `email`, but there is no `email` address: add one under [ticket], or take `email` out of channels",
            ]
        );
    }

    #[test]
    fn header_injection_in_config_is_reported() {
        let mut config = with_webhook("https://desk.example/api");
        config.webhook.as_mut().unwrap().header = Some(StaticHeader {
            name: "X-Token\r\nEvil".into(),
            value: "a\nb".into(),
        });
        assert_eq!(config.problems().len(), 2);
    }

    #[test]
    fn a_webhook_url_with_userinfo_naming_localhost_before_another_host_is_refused() {
        for url in [
            "http://localhost:1@evil.example/",
            "http://localhost@evil.example/x",
            "http://127.0.0.1:80@evil.example",
            "http://[::1]@evil.example/",
            "http://localhost.evil.example/",
            "http://evil.example#@localhost/",
            "http://evil.example?@localhost/",
            "http://evil.example\\@localhost/",
            "https://user:secret@desk.example/api",
            "https://desk.example:99999/api",
            "http://localhost/a b",
        ] {
            assert!(!with_webhook(url).problems().is_empty(), "{url}");
        }
        for url in [
            "http://localhost:8399/tickets",
            "http://127.0.0.1/x",
            "http://[::1]:9/x",
            "https://desk.example/api?x=1#f",
        ] {
            assert_eq!(with_webhook(url).problems(), Vec::<String>::new(), "{url}");
        }
    }

    #[test]
    fn a_github_repo_must_be_owner_slash_name_in_the_characters_github_allows() {
        let with_repo = |repo: &str| TicketConfig {
            github: Some(GithubConfig {
                repo: repo.into(),
                labels: vec![],
            }),
            ..TicketConfig::default()
        };
        for bad in [
            "../..",
            "acme/..",
            "../help",
            "acme/.",
            "-acme/help",
            "acme-/help",
            "acme/help/issues",
            "acme /help",
            "acme/help?x",
            "acme.corp/help",
            "acme/",
            "",
        ] {
            assert!(!with_repo(bad).problems().is_empty(), "{bad}");
        }
        for good in [
            "acme/helpdesk",
            "Acme-IT/help.desk",
            "acme/help_desk",
            "a/b",
            "acme/.github",
        ] {
            assert_eq!(with_repo(good).problems(), Vec::<String>::new(), "{good}");
        }
    }
}
