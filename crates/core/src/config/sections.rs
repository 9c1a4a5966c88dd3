//! The smaller sections of `lantern.toml`: `[search]`, `[check]` and
//! `[authoring]`, each with its defaults.

use serde::Deserialize;

/// The `[search]` section.
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

/// The `[check]` section.
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

/// The `[authoring]` section.
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

/// The `[offline]` section: the service worker `lantern build` writes so
/// that the help center opens and searches with no network.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfflineSettings {
    /// `false` publishes a worker that removes itself and its caches
    /// (deleting `sw.js` would not: a running worker stays installed).
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// Every article body is saved in the background after the first
    /// visit when all of them together are at most this many megabytes
    /// (and the browser's data saver is off); above it, only the articles
    /// opened and those the reader asks for.
    #[serde(default = "default_library_limit_mb")]
    pub library_limit_mb: u32,
}

fn default_true() -> bool {
    true
}

/// 25 MB: the 3,027 real support articles of `../shared/corpus/msdocs`
/// are 17.0 MB of bodies as `lantern build` writes them.
fn default_library_limit_mb() -> u32 {
    25
}

impl Default for OfflineSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            library_limit_mb: default_library_limit_mb(),
        }
    }
}
