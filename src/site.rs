//! Where the site's data lives and how it is fetched.

use std::sync::Arc;

use lantern_core::Catalog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Everything components need about the site, provided as context once the
/// catalog has loaded.
#[derive(Clone)]
pub struct Site {
    pub catalog: Arc<Catalog>,
    /// URL path of the site root without trailing slash: `""` or `/help`.
    pub root: String,
}

impl Site {
    pub fn article_path(&self, slug: &str) -> String {
        format!("{}/a/{slug}/", self.root)
    }

    /// Absolute URL of an article (or one of its headings), for pasting:
    /// under the site's published address (`base_url`) when it is set, so
    /// an agent on a staging or VPN-only hostname pastes links customers
    /// can open; under this page's address otherwise.
    pub fn article_url(&self, slug: &str, heading: Option<&str>) -> String {
        let fragment = heading.map(|h| format!("#{h}")).unwrap_or_default();
        format!("{}/a/{slug}/{fragment}", self.public_root())
    }

    /// The absolute URL of one of the site's pages, given its path as the
    /// address bar has it (under `root`): under `base_url` when it is set.
    pub fn public_url(&self, path: &str) -> String {
        let below_root = path.strip_prefix(self.root.as_str()).unwrap_or(path);
        format!("{}{below_root}", self.public_root())
    }

    /// The site root as an absolute URL without trailing slash.
    pub fn public_root(&self) -> String {
        let base_url = self.catalog.site.base_url.trim_end_matches('/');
        if base_url.is_empty() {
            let origin = window().location().origin().unwrap_or_default();
            format!("{origin}{}", self.root)
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
/// into every page (`./` at the root, `../../` on an article page).
pub fn detect_root() -> String {
    let doc = document();
    let relative = doc
        .query_selector("meta[name=lantern-root]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "/".to_string());
    let href = window().location().href().unwrap_or_default();
    let path = web_sys::Url::new_with_base(&relative, &href)
        .map(|u| u.pathname())
        .unwrap_or_else(|_| "/".into());
    path.trim_end_matches('/').to_string()
}

#[derive(Debug, Clone)]
pub struct LoadError(pub String);

pub async fn fetch_catalog(root: &str) -> Result<Catalog, LoadError> {
    let loading = take_early_catalog()
        .or_else(|| load(&format!("{root}/data/catalog.bin")))
        .ok_or_else(|| {
            LoadError(
                "This page cannot load the article index: rebuild the site with `lantern build`."
                    .into(),
            )
        })?;
    let outcome = wasm_bindgen_futures::JsFuture::from(loading)
        .await
        .map_err(|e| {
            LoadError(format!(
                "Could not load the article index ({}).",
                js_error(&e)
            ))
        })?;
    let bytes = match outcome.dyn_into::<js_sys::ArrayBuffer>() {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(status) => return Err(missing_index(status.as_f64().unwrap_or_default() as u16)),
    };
    crate::dom::mark("catalog-bytes");
    let catalog = Catalog::from_bytes(bytes).map_err(|e| LoadError(e.to_string()));
    crate::dom::mark("catalog-read");
    catalog
}

/// The catalog request `index.html` starts before the app (a promise from
/// `lanternLoad`). By the time the wasm has compiled, the bytes are
/// usually in, instead of being requested and read only then. Taken once:
/// a later load asks `lanternLoad` again.
fn take_early_catalog() -> Option<js_sys::Promise> {
    let window = window();
    let key = wasm_bindgen::JsValue::from_str("lanternCatalog");
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(promise)
}

/// `index.html`'s loader, which unpacks the stored catalog as it arrives.
fn load(url: &str) -> Option<js_sys::Promise> {
    let loader = js_sys::Reflect::get(&window(), &"lanternLoad".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    loader
        .call1(&wasm_bindgen::JsValue::NULL, &url.into())
        .ok()?
        .dyn_into()
        .ok()
}

fn missing_index(status: u16) -> LoadError {
    LoadError(format!("The article index is missing (HTTP {status})."))
}

fn js_error(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// What a reader is told when an article's body does not arrive; the
/// browser's own wording ("TypeError: Failed to fetch") goes to the
/// console, for whoever debugs it.
pub const BODY_UNAVAILABLE: &str =
    "This article could not be loaded. Check your connection and try again.";

/// An article's sanitised HTML body, as `lantern build` wrote it.
pub async fn fetch_article_body(root: &str, slug: &str) -> Result<String, LoadError> {
    let url = format!("{root}/data/articles/{slug}.html");
    let unavailable = |detail: String| {
        leptos::logging::warn!("Could not load {url}: {detail}");
        LoadError(BODY_UNAVAILABLE.into())
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| unavailable(e.to_string()))?;
    if !response.ok() {
        return Err(unavailable(format!("HTTP {}", response.status())));
    }
    response
        .text()
        .await
        .map_err(|e| unavailable(e.to_string()))
}

/// Today as `YYYY-MM-DD`, for review dates.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}
