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

    /// Absolute URL of an article (or one of its headings), for pasting.
    pub fn article_url(&self, slug: &str, heading: Option<&str>) -> String {
        let origin = window().location().origin().unwrap_or_default();
        let fragment = heading.map(|h| format!("#{h}")).unwrap_or_default();
        format!("{origin}{}{fragment}", self.article_path(slug))
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
    let bytes = match take_early_catalog() {
        Some(early) => read_early_catalog(early).await?,
        None => download_catalog(root).await?,
    };
    let other_version = || {
        LoadError(
            "The article index was built by another version of Lantern; rebuild the site.".into(),
        )
    };
    let catalog = Catalog::from_slice(&bytes).map_err(|e| match Catalog::format_of(&bytes) {
        Some(format) if format != lantern_core::catalog::CATALOG_FORMAT => other_version(),
        _ => LoadError(format!("The article index is damaged: {e}")),
    })?;
    if catalog.format != lantern_core::catalog::CATALOG_FORMAT {
        return Err(other_version());
    }
    Ok(catalog)
}

/// The catalog request `index.html` starts before the app: a promise of
/// its bytes (an `ArrayBuffer`), or of the HTTP status when it failed. By
/// the time the wasm has compiled, the bytes are usually in, instead of
/// being requested and read only then. Taken once: a later load fetches.
fn take_early_catalog() -> Option<js_sys::Promise> {
    let window = window();
    let key = wasm_bindgen::JsValue::from_str(EARLY_CATALOG);
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(promise)
}

/// The global `index.html` sets (see `take_early_catalog`).
const EARLY_CATALOG: &str = "lanternCatalog";

async fn read_early_catalog(early: js_sys::Promise) -> Result<Vec<u8>, LoadError> {
    let outcome = wasm_bindgen_futures::JsFuture::from(early)
        .await
        .map_err(|e| LoadError(format!("Could not reach the help center ({}).", js_error(&e))))?;
    match outcome.dyn_into::<js_sys::ArrayBuffer>() {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(status) => Err(missing_index(status.as_f64().unwrap_or_default() as u16)),
    }
}

async fn download_catalog(root: &str) -> Result<Vec<u8>, LoadError> {
    let url = format!("{root}/data/catalog.json");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError(format!("Could not reach the help center ({e}).")))?;
    if !response.ok() {
        return Err(missing_index(response.status()));
    }
    response
        .binary()
        .await
        .map_err(|e| LoadError(format!("Could not read the article index ({e}).")))
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

/// An article's sanitised HTML body, as `lantern build` wrote it.
pub async fn fetch_article_body(root: &str, slug: &str) -> Result<String, LoadError> {
    let url = format!("{root}/data/articles/{slug}.html");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError(format!("Could not load the article ({e}).")))?;
    if !response.ok() {
        return Err(LoadError(format!(
            "Could not load the article (HTTP {}).",
            response.status()
        )));
    }
    response.text().await.map_err(|e| LoadError(e.to_string()))
}

/// Today as `YYYY-MM-DD`, for review dates.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}
