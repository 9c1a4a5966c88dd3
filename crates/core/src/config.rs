//! The site configuration file, `lantern.toml` at the project root.

use std::path::Path;

use serde::Deserialize;

use crate::catalog::{Category, SiteInfo};
use crate::ticket::TicketConfig;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub site: SiteInfo,
    /// In the order they are shown on the home page.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Where the "contact support" form sends tickets.
    #[serde(default)]
    pub ticket: TicketConfig,
    #[serde(default)]
    pub authoring: Authoring,
    #[serde(default)]
    pub search: SearchSettings,
    #[serde(default)]
    pub check: CheckSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Groups of words or phrases users mean the same by, e.g.
    /// `["mfa", "2fa", "two-factor"]`.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Whether the built-in IT synonyms ([`COMMON_SYNONYMS`]) apply too.
    ///
    /// [`COMMON_SYNONYMS`]: crate::search::COMMON_SYNONYMS
    #[serde(default = "default_common_synonyms")]
    pub common_synonyms: bool,
}

fn default_common_synonyms() -> bool {
    true
}

impl Default for SearchSettings {
    fn default() -> Self {
        Self {
            synonyms: Vec::new(),
            common_synonyms: default_common_synonyms(),
        }
    }
}

impl SearchSettings {
    /// The groups the index uses: the common ones (unless turned off),
    /// then the site's own.
    pub fn synonym_groups(&self) -> Vec<Vec<String>> {
        let common: &[&[&str]] = if self.common_synonyms {
            crate::search::COMMON_SYNONYMS
        } else {
            &[]
        };
        let common = common
            .iter()
            .map(|group| group.iter().map(|m| m.to_string()).collect());
        common.chain(self.synonyms.iter().cloned()).collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// Whether a link to a missing article or heading blocks the build
    /// (`error`, the default) or is only reported (`warning`).
    #[serde(default = "default_broken_links")]
    pub broken_links: crate::diagnostic::Severity,
}

fn default_broken_links() -> crate::diagnostic::Severity {
    crate::diagnostic::Severity::Error
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            broken_links: default_broken_links(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authoring {
    /// `lantern new` sets `review_by` this many days after today.
    #[serde(default = "default_review_period")]
    pub review_period_days: u32,
}

fn default_review_period() -> u32 {
    182
}

impl Default for Authoring {
    fn default() -> Self {
        Self {
            review_period_days: default_review_period(),
        }
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            site: SiteInfo {
                name: "Help Center".into(),
                tagline: String::new(),
                base_url: String::new(),
            },
            categories: Vec::new(),
            ticket: TicketConfig::default(),
            authoring: Authoring::default(),
            search: SearchSettings::default(),
            check: CheckSettings::default(),
        }
    }
}

impl SiteConfig {
    pub fn category_ids(&self) -> Vec<String> {
        self.categories.iter().map(|c| c.id.clone()).collect()
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let config: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        let problems = config.ticket.problems();
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems.join("\n"))
        }
    }

    /// Reads the config, or the defaults when the file does not exist.
    pub fn load(path: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
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
        let config = SiteConfig::parse("[site]\nname = \"Help\"\n[search]\nsynonyms = [[\"vpn\", \"globalprotect\"]]\n").unwrap();
        let groups = config.search.synonym_groups();
        assert!(groups.iter().any(|g| g[..2] == ["ie", "internet explorer"]));
        assert_eq!(groups.last().unwrap(), &["vpn", "globalprotect"]);
        assert!(SiteConfig::default().search.common_synonyms);

        let config = SiteConfig::parse("[site]\nname = \"Help\"\n[search]\ncommon_synonyms = false\nsynonyms = [[\"vpn\", \"globalprotect\"]]\n").unwrap();
        assert_eq!(config.search.synonym_groups(), [["vpn", "globalprotect"]]);
    }
}
