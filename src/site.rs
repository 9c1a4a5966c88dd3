//! The site: its catalog (articles, categories, the search index) and
//! where it lives, provided to every component once the catalog is in.

use lantern_core::Catalog;
use leptos::prelude::*;

use crate::urls;
use crate::web::dom;

/// Everything components need about the site. Both parts live as long as
/// the visit (the catalog is read once), so a `Site` is a pair of
/// references: `Copy`, and free to move into any closure.
#[derive(Clone, Copy)]
pub struct Site {
    pub catalog: &'static Catalog,
    /// URL path of the site root without trailing slash: `""` or `/help`.
    pub root: &'static str,
}

impl Site {
    /// The site for the rest of the visit.
    pub fn new(catalog: Catalog, root: &'static str) -> Self {
        Self {
            catalog: Box::leak(Box::new(catalog)),
            root,
        }
    }

    pub fn article_path(&self, slug: &str) -> String {
        urls::article(self.root, slug)
    }

    /// Absolute URL of an article (or one of its headings), for pasting:
    /// under the site's published address (`base_url`) when it is set, so
    /// an agent on a staging or VPN-only hostname pastes links customers
    /// can open; under this page's address otherwise.
    pub fn article_url(&self, slug: &str, heading: Option<&str>) -> String {
        urls::article_at(&self.public_root(), slug, heading)
    }

    /// The absolute URL of one of the site's pages, given its path as the
    /// address bar has it (under `root`): under `base_url` when it is set.
    pub fn public_url(&self, path: &str) -> String {
        let below_root = path.strip_prefix(self.root).unwrap_or(path);
        format!("{}{below_root}", self.public_root())
    }

    /// The site root as an absolute URL without trailing slash.
    pub fn public_root(&self) -> String {
        let base_url = self.catalog.site.base_url.trim_end_matches('/');
        if base_url.is_empty() {
            format!("{}{}", dom::origin(), self.root)
        } else {
            base_url.to_string()
        }
    }

    pub fn category_name(&self, id: &str) -> String {
        self.catalog
            .category(id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The site root, from the `lantern-root` meta tag `lantern build` writes
/// into every page (`./` at the root, `../../` on an article page); read
/// once, for the visit.
pub fn detect_root() -> &'static str {
    let relative = dom::meta_content("lantern-root").unwrap_or_else(|| "/".to_string());
    let path = dom::resolved_path(&relative).unwrap_or_else(|| "/".into());
    path.trim_end_matches('/').to_string().leak()
}

/// Today as `YYYY-MM-DD`, for review dates.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

// The paths `src/ticket` imports these by; they go when it imports
// `web::network` itself.
pub use crate::web::network::fetch_article_body;
