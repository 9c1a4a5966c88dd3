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

use crate::search::{IndexError, SearchIndex};

/// Why the browser could not read a catalog, in words for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogError {
    /// Built by a Lantern with another catalog format: rebuilding the site
    /// helps.
    OtherVersion,
    /// Not a catalog, or one damaged on the way: how.
    Damaged(Damage),
}

/// How a catalog file is damaged.
#[derive(Debug, Clone, PartialEq)]
pub enum Damage {
    /// It does not start like a catalog.
    NotACatalog,
    /// It stops inside its JSON part.
    EndsEarly,
    /// Its JSON part does not parse: the parser's words.
    Json(String),
    /// Its search index does not read.
    Index(IndexError),
    /// The index has another number of documents than there are articles.
    IndexDoesNotCoverArticles,
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

impl std::error::Error for CatalogError {}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::NotACatalog => f.write_str("not a Lantern catalog"),
            Damage::EndsEarly => f.write_str("it ends early"),
            Damage::Json(why) => f.write_str(why),
            Damage::Index(why) => why.fmt(f),
            Damage::IndexDoesNotCoverArticles => {
                f.write_str("the index does not cover the articles")
            }
        }
    }
}

/// Bumped whenever the format changes, so a stale catalog is detected
/// instead of misread.
pub const CATALOG_FORMAT: u32 = 5;

const MAGIC: &[u8; 8] = b"LANTERN\x00";
const HEADER: usize = MAGIC.len() + 4 + 4;
/// Catalogs of this format and later are binary, with [`MAGIC`] and a
/// header; before it they were JSON. A JSON file that claims a later format
/// is therefore not a catalog at all.
const FIRST_BINARY_FORMAT: u32 = 4;

/// Everything the browser needs at start: the site, its categories, every article's metadata and the search index (one document per article, in the same order).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    /// [`CATALOG_FORMAT`] when it was written.
    pub format: u32,
    /// The site's name, tagline and address.
    pub site: SiteInfo,
    /// In the order the home page shows them.
    pub categories: Vec<Category>,
    /// Every article, sorted by title; an article's position is its document id in `index`.
    pub articles: Vec<ArticleMeta>,
    /// The search index over the articles.
    pub index: SearchIndex,
    /// Where the "contact support" form sends tickets.
    #[serde(default)]
    pub ticket: crate::ticket::TicketConfig,
    /// Where the help center sends its events (`[events]`); `None`:
    /// nothing is collected or sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<crate::events::EventsConfig>,
}

/// The `[site]` section of `lantern.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteInfo {
    /// The site's name, in the header and the page titles.
    pub name: String,
    /// A line under the name on the home page.
    #[serde(default)]
    pub tagline: String,
    /// Absolute URL the site is published at, used for links agents paste.
    #[serde(default)]
    pub base_url: String,
    /// Where "Suggest an edit" leads, `{path}` standing for the article's
    /// file below the articles folder (Docusaurus's `editUrl`), like
    /// `https://github.com/acme/kb/edit/main/articles/{path}`; empty: no link.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edit_url: String,
}

impl SiteInfo {
    /// The "Suggest an edit" address of `meta`: [`SiteInfo::edit_url`] with
    /// `{path}` replaced by its source file, each segment percent-encoded
    /// (`/` kept). `None` without an edit URL or a source.
    pub fn edit_link(&self, meta: &ArticleMeta) -> Option<String> {
        let source = meta.source.as_deref()?;
        if self.edit_url.is_empty() {
            return None;
        }
        let path: Vec<String> = source
            .split('/')
            .map(crate::ticket::delivery::encode)
            .collect();
        Some(self.edit_url.replace("{path}", &path.join("/")))
    }
}

/// A category of articles, from `lantern.toml`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The id articles name in `category:`.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// A line about it, under its name on the home page.
    #[serde(default)]
    pub description: String,
}

/// A heading of an article, for its table of contents and links.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadingRef {
    /// The anchor id the renderer gave it (GitHub's rules).
    pub id: String,
    /// Its text.
    pub text: String,
    /// 1 to 6.
    pub level: u8,
}

/// Empty fields are left out of the catalog: thousands of `"aliases":[]`
/// and `"review_by":null` are bytes to download and parse for nothing.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleMeta {
    /// The article's address: its file name, made a slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// One line under the title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Its category id, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    /// Its tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Former slugs it still answers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO dates (`YYYY-MM-DD`), compared as strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// When to check it still holds, `YYYY-MM-DD` (see [`ArticleMeta::review_overdue`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<String>,
    /// Its file below the articles folder, `/`-separated
    /// (`network/vpn-drops.md`), for [`SiteInfo::edit_link`]; only when
    /// the site has an edit URL, so that other catalogs do not grow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
            None => return Err(CatalogError::Damaged(Damage::NotACatalog)),
        }
        let damaged = CatalogError::Damaged;
        // `format_of` only says the current format for a file with a whole
        // header, but a short file must never reach a slice that panics
        // (with `panic = "abort"` it takes the whole page down).
        let json_len = bytes
            .get(12..HEADER)
            .and_then(|len| len.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or(damaged(Damage::NotACatalog))? as usize;
        let json_end = HEADER
            .checked_add(json_len)
            .filter(|&end| end <= bytes.len())
            .ok_or(damaged(Damage::EndsEarly))?;
        let mut catalog: Catalog = serde_json::from_slice(&bytes[HEADER..json_end])
            .map_err(|e| damaged(Damage::Json(e.to_string())))?;
        catalog
            .index
            .decode_from(bytes, json_end)
            .map_err(|e| damaged(Damage::Index(e)))?;
        if catalog.index.len() != catalog.articles.len() {
            return Err(damaged(Damage::IndexDoesNotCoverArticles));
        }
        let titles: Vec<&str> = catalog.articles.iter().map(|a| a.title.as_str()).collect();
        let mut index = std::mem::take(&mut catalog.index);
        index.set_titles(titles);
        index.set_summaries(catalog.articles.iter().map(|a| a.summary.as_str()));
        catalog.index = index;
        Ok(catalog)
    }

    /// The format number of a catalog file, read without the rest of it,
    /// so that one from another version of Lantern is named as such.
    /// Catalogs before format 4 were JSON; JSON that claims format 4 or
    /// later (`[5]`, `{"format":5}`) is not a catalog: `None`.
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
            .filter(|&format| format < FIRST_BINARY_FORMAT)
    }

    /// The article with this slug (not following aliases; see [`Catalog::resolve`]).
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

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The articles in a category, in catalog order.
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
        let scored = self
            .articles
            .iter()
            .filter(|a| a.slug != this.slug)
            .filter_map(|a| {
                let shared = a.tags.iter().filter(|t| this.tags.contains(t)).count();
                let score = shared * 2
                    + usize::from(!this.category.is_empty() && a.category == this.category);
                (score > 0).then_some((score, a))
            });
        // The best `limit`, kept in order as they come (catalog order
        // breaks ties), not a sort of all: a sort is its own copy of the
        // standard library's in the browser's wasm, for a list of 3.
        let mut best: Vec<(usize, &ArticleMeta)> = Vec::with_capacity(limit + 1);
        for (score, article) in scored {
            let at = best.iter().position(|b| score > b.0).unwrap_or(best.len());
            if at < limit {
                best.insert(at, (score, article));
                best.truncate(limit);
            }
        }
        best.into_iter().map(|(_, a)| a).collect()
    }
}

#[cfg(test)]
mod tests;
