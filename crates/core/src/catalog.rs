//! What `lantern build` writes for the browser: site settings, categories,
//! article metadata and the search index, in one file fetched at start
//! (`data/catalog.bin`). Article bodies are separate files, fetched when an
//! article is opened.
//!
//! The file: an 8-byte magic, the format (u32, little-endian), the length
//! of the JSON part (u32), the JSON part (everything but the index's
//! terms, lengths and postings), then those in binary (see
//! `search/index_file.rs`).

use serde::{Deserialize, Serialize};

use crate::search::SearchIndex;

/// Why the browser could not read a catalog, in words for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogError {
    /// Built by a Lantern with another catalog format.
    OtherVersion,
    Damaged(String),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::OtherVersion => f.write_str(
                "The article index was built by another version of Lantern; rebuild the site.",
            ),
            CatalogError::Damaged(why) => write!(f, "The article index is damaged: {why}"),
        }
    }
}

/// Bumped whenever the format changes, so a stale catalog is detected
/// instead of misread.
pub const CATALOG_FORMAT: u32 = 4;

const MAGIC: &[u8; 8] = b"LANTERN\x00";
const HEADER: usize = MAGIC.len() + 4 + 4;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    pub site: SiteInfo,
    pub categories: Vec<Category>,
    pub articles: Vec<ArticleMeta>,
    pub index: SearchIndex,
    /// Where the "contact support" form sends tickets.
    #[serde(default)]
    pub ticket: crate::ticket::TicketConfig,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteInfo {
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    /// Absolute URL the site is published at, used for links agents paste.
    #[serde(default)]
    pub base_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadingRef {
    /// The anchor id the renderer gave it (GitHub's rules).
    pub id: String,
    pub text: String,
    pub level: u8,
}

/// Empty fields are left out of the catalog: thousands of `"aliases":[]`
/// and `"review_by":null` are bytes to download and parse for nothing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleMeta {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO dates (`YYYY-MM-DD`), compared as strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<String>,
}

impl ArticleMeta {
    /// `review_by` has passed: the content may be stale.
    pub fn review_overdue(&self, today: &str) -> bool {
        self.review_by.as_deref().is_some_and(|date| date < today)
    }
}

impl Catalog {
    /// The catalog file `lantern build` writes (`data/catalog.bin`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let json = serde_json::to_vec(self).expect("a catalog always serialises");
        let mut bytes = Vec::with_capacity(HEADER + json.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.format.to_le_bytes());
        bytes.extend_from_slice(&(json.len() as u32).to_le_bytes());
        bytes.extend(json);
        self.index.encode_into(&mut bytes);
        bytes
    }

    /// Reads a catalog file, restoring the index's titles (left out to
    /// keep the download small). Headings are not in the catalog at all:
    /// an article's table of contents comes from its body, and parsing
    /// 20,000 of them at start cost load time.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Catalog, CatalogError> {
        match Self::format_of(&bytes) {
            Some(CATALOG_FORMAT) => {}
            Some(_) => return Err(CatalogError::OtherVersion),
            None => return Err(CatalogError::Damaged("not a Lantern catalog".into())),
        }
        let damaged = CatalogError::Damaged;
        let json_len = u32::from_le_bytes(bytes[12..HEADER].try_into().expect("4 bytes")) as usize;
        let json_end = HEADER
            .checked_add(json_len)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| damaged("it ends early".into()))?;
        let mut catalog: Catalog =
            serde_json::from_slice(&bytes[HEADER..json_end]).map_err(|e| damaged(e.to_string()))?;
        catalog
            .index
            .decode_from(bytes, json_end)
            .map_err(damaged)?;
        if catalog.index.len() != catalog.articles.len() {
            return Err(damaged("the index does not cover the articles".into()));
        }
        let titles: Vec<&str> = catalog.articles.iter().map(|a| a.title.as_str()).collect();
        let mut index = std::mem::take(&mut catalog.index);
        index.set_titles(titles);
        catalog.index = index;
        Ok(catalog)
    }

    /// The format number of a catalog file, read without the rest of it,
    /// so that one from another version of Lantern is named as such.
    /// Catalogs before format 4 were JSON.
    pub fn format_of(bytes: &[u8]) -> Option<u32> {
        if bytes.len() >= HEADER && bytes.starts_with(MAGIC) {
            return Some(u32::from_le_bytes(
                bytes[8..12].try_into().expect("4 bytes"),
            ));
        }
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        serde_json::from_slice::<Format>(bytes)
            .ok()
            .map(|f| f.format)
    }

    pub fn article(&self, slug: &str) -> Option<&ArticleMeta> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// Finds an article by its slug or by one of its former slugs; the
    /// boolean says whether it was found through an alias.
    pub fn resolve(&self, slug: &str) -> Option<(&ArticleMeta, bool)> {
        if let Some(article) = self.article(slug) {
            return Some((article, false));
        }
        self.articles
            .iter()
            .find(|a| a.aliases.iter().any(|alias| alias == slug))
            .map(|a| (a, true))
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn articles_in<'a>(
        &'a self,
        category: &'a str,
    ) -> impl Iterator<Item = &'a ArticleMeta> + 'a {
        self.articles.iter().filter(move |a| a.category == category)
    }

    /// Articles worth reading next: shared tags count most, then the same
    /// category; ties keep catalog (title) order.
    pub fn related(&self, slug: &str, limit: usize) -> Vec<&ArticleMeta> {
        let Some(this) = self.article(slug) else {
            return Vec::new();
        };
        let mut scored: Vec<(usize, usize, &ArticleMeta)> = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.slug != this.slug)
            .filter_map(|(i, a)| {
                let shared = a.tags.iter().filter(|t| this.tags.contains(t)).count();
                let score = shared * 2
                    + usize::from(!this.category.is_empty() && a.category == this.category);
                (score > 0).then_some((score, i, a))
            })
            .collect();
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        scored.into_iter().take(limit).map(|(_, _, a)| a).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(slug: &str, category: &str, tags: &[&str], aliases: &[&str]) -> ArticleMeta {
        ArticleMeta {
            slug: slug.into(),
            title: slug.into(),
            summary: String::new(),
            category: category.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            aliases: aliases.iter().map(|t| t.to_string()).collect(),
            updated: None,
            review_by: Some("2026-06-01".into()),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            format: CATALOG_FORMAT,
            site: SiteInfo::default(),
            categories: vec![],
            articles: vec![
                meta("vpn", "network", &["vpn", "remote"], &["vpn-old"]),
                meta("wifi", "network", &["wifi"], &[]),
                meta("dns", "other", &["vpn", "dns"], &[]),
                meta("printer", "devices", &["print"], &[]),
            ],
            index: SearchIndex::default(),
            ticket: Default::default(),
        }
    }

    #[test]
    fn resolve_follows_aliases() {
        let c = catalog();
        assert_eq!(
            c.resolve("vpn").map(|(a, via)| (a.slug.as_str(), via)),
            Some(("vpn", false))
        );
        assert_eq!(
            c.resolve("vpn-old").map(|(a, via)| (a.slug.as_str(), via)),
            Some(("vpn", true))
        );
        assert!(c.resolve("nope").is_none());
    }

    #[test]
    fn related_prefers_shared_tags_over_category() {
        let c = catalog();
        let related: Vec<_> = c
            .related("vpn", 5)
            .into_iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(related, ["dns", "wifi"]);
    }

    #[test]
    fn review_overdue_compares_iso_dates() {
        let a = meta("x", "", &[], &[]);
        assert!(a.review_overdue("2026-06-02"));
        assert!(!a.review_overdue("2026-06-01"));
    }
}
