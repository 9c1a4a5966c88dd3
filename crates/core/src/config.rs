//! The site configuration file, `lantern.toml` at the project root.

use std::path::Path;

use serde::Deserialize;

use crate::catalog::{Category, SiteInfo};
use crate::events::EventsConfig;
use crate::ticket::TicketConfig;

mod lines;
pub(crate) mod rules;
mod sections;

pub use rules::{base_url_problem, edit_url_problem};
pub use sections::{Authoring, CheckSettings, OfflineSettings, SearchSettings};

/// `lantern.toml`: the site, its categories and how tickets, authoring,
/// search and checks behave.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, tagline and address.
    pub site: SiteInfo,
    /// In the order they are shown on the home page.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Where the "contact support" form sends tickets.
    #[serde(default)]
    pub ticket: TicketConfig,
    /// What `lantern new` writes.
    #[serde(default)]
    pub authoring: Authoring,
    /// Synonyms for search.
    #[serde(default)]
    pub search: SearchSettings,
    /// How strict `lantern check` is.
    #[serde(default)]
    pub check: CheckSettings,
    /// What the published site keeps for use with no network.
    #[serde(default)]
    pub offline: OfflineSettings,
    /// Where the help center sends its events; `None`: nothing is sent.
    #[serde(default)]
    pub events: Option<EventsConfig>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            site: SiteInfo {
                name: "Help Center".into(),
                tagline: String::new(),
                base_url: String::new(),
                edit_url: String::new(),
            },
            categories: Vec::new(),
            ticket: TicketConfig::default(),
            authoring: Authoring::default(),
            search: SearchSettings::default(),
            check: CheckSettings::default(),
            offline: OfflineSettings::default(),
            events: None,
        }
    }
}

impl SiteConfig {
    /// The ids of the configured categories, in order.
    pub fn category_ids(&self) -> Vec<String> {
        self.categories.iter().map(|c| c.id.clone()).collect()
    }

    /// Parses the text of a config file. Each problem is one line of the
    /// error, `line N, column M: what is wrong: the fix` where the line is
    /// known.
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_problems(text).map_err(|problems| {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| match p.line {
                    Some(line) => format!("line {line}, column {}: {}", p.col, p.message),
                    None => p.message.clone(),
                })
                .collect();
            lines.join("\n")
        })
    }

    /// As [`SiteConfig::parse`], with every problem and its position.
    pub fn parse_problems(text: &str) -> Result<Self, Vec<ConfigProblem>> {
        let config: Self =
            toml::from_str(text).map_err(|e| vec![ConfigProblem::from_toml(text, &e)])?;
        let mut problems = Vec::new();
        if let Err(message) = base_url_problem(&config.site.base_url) {
            problems.push(ConfigProblem::at_key(text, "site.base_url", message));
        }
        if let Err(message) = edit_url_problem(&config.site.edit_url) {
            problems.push(ConfigProblem::at_key(text, "site.edit_url", message));
        }
        for message in config.ticket.problems() {
            // Every ticket problem starts with the key it is about.
            let key = message
                .split([' ', '`'])
                .next()
                .unwrap_or_default()
                .to_string();
            problems.push(ConfigProblem::at_key(text, &key, message));
        }
        for (key, message) in config.events.iter().flat_map(EventsConfig::problems) {
            problems.push(ConfigProblem::at_key(text, &key, message));
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Reads the config, or the defaults when the file does not exist.
    pub fn load(path: &Path) -> Result<Self, String> {
        Ok(Self::read(path)?.unwrap_or_default())
    }

    /// Reads the config; `None` when the file does not exist. Problems are
    /// reported one a line, as `path:line:col: error: message`.
    pub fn read(path: &Path) -> Result<Option<Self>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: cannot read the file: {e}", path.display())),
        };
        Self::parse_problems(&text).map(Some).map_err(|problems| {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}:{}: error: {}",
                        path.display(),
                        p.line.unwrap_or(1),
                        p.col,
                        p.message
                    )
                })
                .collect();
            lines.join("\n")
        })
    }
}

/// One problem in `lantern.toml`, with its 1-based position when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// 1-based line; `None` when the problem is not at one place.
    pub line: Option<usize>,
    /// 1-based column (1 when the line is not known).
    pub col: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl ConfigProblem {
    fn from_toml(text: &str, error: &toml::de::Error) -> Self {
        let (line, col) = match error.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                (Some(line), col)
            }
            None => (None, 1),
        };
        Self {
            line,
            col,
            message: error.message().trim().to_string(),
        }
    }

    fn at_key(text: &str, dotted: &str, message: String) -> Self {
        Self {
            line: lines::line_of_key(text, dotted),
            col: 1,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_site_and_ordered_categories() {
        let config = SiteConfig::parse(
            r#"
            [site]
            name = "ACME IT Help"
            base_url = "https://help.acme.test/"
            [[categories]]
            id = "network"
            name = "Network & VPN"
            [[categories]]
            id = "email"
            name = "Email"
            "#,
        )
        .unwrap();
        assert_eq!(config.site.name, "ACME IT Help");
        let ids: Vec<_> = config.categories.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["network", "email"]);
    }

    #[test]
    fn reads_ticket_channels_and_reports_bad_ones() {
        let config = SiteConfig::parse(
            r#"
            [site]
            name = "x"
            [ticket]
            email = "desk@example.com"
            response_time = "within a day"
            [ticket.webhook]
            url = "https://desk.example/api/tickets"
            timeout_seconds = 5
            header = { name = "X-Lantern-Token", value = "public-not-secret" }
            "#,
        )
        .unwrap();
        use crate::ticket::Channel;
        assert_eq!(config.ticket.primary(), Some(Channel::Webhook));
        assert_eq!(config.ticket.fallbacks(), [Channel::Email]);

        let err = SiteConfig::parse(
            "[site]\nname = \"x\"\n[ticket.webhook]\nurl = \"http://desk.example/x\"\n",
        )
        .unwrap_err();
        assert!(err.contains("ticket.webhook.url"), "{err}");
    }

    #[test]
    fn rejects_unknown_keys_with_their_location() {
        let err = SiteConfig::parse("[site]\nname = \"x\"\ncolour = \"red\"\n").unwrap_err();
        assert!(err.contains("colour"), "{err}");
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn common_synonyms_apply_unless_turned_off_and_the_site_adds_its_own() {
        let config = SiteConfig::parse(
            "[site]\nname = \"Help\"\n[search]\nsynonyms = [[\"vpn\", \"globalprotect\"]]\n",
        )
        .unwrap();
        let groups = config.search.synonym_groups();
        assert!(groups.iter().any(|g| g[..2] == ["ie", "internet explorer"]));
        assert_eq!(groups.last().unwrap(), &["vpn", "globalprotect"]);
        assert!(SiteConfig::default().search.common_synonyms);

        let config = SiteConfig::parse("[site]\nname = \"Help\"\n[search]\ncommon_synonyms = false\nsynonyms = [[\"vpn\", \"globalprotect\"]]\n").unwrap();
        assert_eq!(config.search.synonym_groups(), [["vpn", "globalprotect"]]);
    }

    #[test]
    fn a_base_url_without_a_scheme_is_an_error_with_its_line_and_the_fix() {
        let text = "[site]\nname = \"Help\"\nbase_url = \"help.example.com/kb\"\n";
        let problems = SiteConfig::parse_problems(text).unwrap_err();
        assert_eq!(
            problems,
            [ConfigProblem {
                line: Some(3),
                col: 1,
                message: "site.base_url `help.example.com/kb` has no scheme, so links to it would not work: write base_url = \"https://help.example.com/kb\" (or leave it empty)".into(),
            }]
        );
        for bad in [
            "ftp://help.example.com",
            "javascript:alert(1)",
            "https://",
            "https:///kb",
        ] {
            assert!(base_url_problem(bad).is_err(), "{bad}");
        }
        assert!(base_url_problem("help.example.com:8080/kb")
            .unwrap_err()
            .contains("\"https://help.example.com:8080/kb\""));
        for good in ["", "https://help.example.com/kb/", "http://localhost:8080"] {
            assert_eq!(base_url_problem(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn reading_a_config_that_does_not_exist_says_so_and_loading_it_gives_the_defaults() {
        let missing = Path::new("/nonexistent/lantern.toml");
        assert!(SiteConfig::read(missing).unwrap().is_none());
        assert_eq!(SiteConfig::load(missing).unwrap().site.name, "Help Center");
    }

    #[test]
    fn events_are_off_without_the_section_and_read_with_their_headers_when_on() {
        assert_eq!(
            SiteConfig::parse("[site]\nname = \"x\"\n").unwrap().events,
            None
        );
        let config = SiteConfig::parse(
            "[site]\nname = \"x\"\n[events]\nurl = \"https://events.example.com/lantern\"\ncomments = true\n[events.headers]\nX-Api-Key = \"public\"\n",
        )
        .unwrap();
        let events = config.events.unwrap();
        assert_eq!(events.url, "https://events.example.com/lantern");
        assert_eq!(events.headers["X-Api-Key"], "public");
        assert!(events.comments);
    }

    #[test]
    fn a_bad_events_url_or_header_name_is_a_problem_on_its_line_with_the_fix() {
        let text = "[site]\nname = \"x\"\n[events]\nurl = \"http://events.example.com/x\"\n[events.headers]\n\"X Key\" = \"v\"\n";
        let problems = SiteConfig::parse_problems(text).unwrap_err();
        let at: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            at,
            [
                (Some(4), "events.url `http"),
                (Some(6), "events.headers `X Key` is not a valid header name"),
            ]
        );
        assert!(
            problems[0].message.contains("must use https://"),
            "{}",
            problems[0].message
        );
        assert!(problems[1].message.contains("like `X-Api-Key`"));
        let unknown = SiteConfig::parse(
            "[site]\nname = \"x\"\n[events]\nurl = \"https://e.example\"\nsample = 1\n",
        );
        assert!(unknown.unwrap_err().contains("line 5"));
    }

    #[test]
    fn an_edit_url_must_be_an_http_address_with_path_in_it() {
        let ok = "[site]\nname = \"x\"\nedit_url = \"https://github.com/acme/kb/edit/main/articles/{path}\"\n";
        let config = SiteConfig::parse(ok).unwrap();
        assert_eq!(
            config.site.edit_url,
            "https://github.com/acme/kb/edit/main/articles/{path}"
        );
        let text = "[site]\nname = \"x\"\ntagline = \"t\"\nedit_url = \"https://github.com/acme/kb/edit/main/articles/\"\n";
        let problems = SiteConfig::parse_problems(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(4));
        assert!(
            problems[0].message.contains("has no `{path}`"),
            "{}",
            problems[0].message
        );
        for bad in [
            "ftp://x.example/{path}",
            "github.com/acme/kb/edit/{path}",
            "https:///{path}",
            "https://x.example/\"{path}",
            "https://x.example/a b/{path}",
            "javascript:alert(1)//{path}",
        ] {
            assert!(edit_url_problem(bad).is_err(), "{bad}");
        }
        assert_eq!(edit_url_problem(""), Ok(()));
        assert_eq!(
            edit_url_problem("http://localhost:3000/edit/{path}"),
            Ok(())
        );
    }
}
