//! The network: the article index and article bodies, as `lantern build`
//! wrote them under the site root.

use lantern_core::Catalog;
use leptos::prelude::window;
use wasm_bindgen::JsCast;

use super::dom::mark;

/// Why something did not load, in words for the reader.
#[derive(Debug, Clone)]
pub struct LoadError(pub String);

/// The article index (`data/catalog.bin`), read.
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
    mark("catalog-bytes");
    let catalog = Catalog::from_bytes(bytes).map_err(|e| LoadError(e.to_string()));
    mark("catalog-read");
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

/// Offline, an article the worker has not saved: the index still gives
/// its title and summary, above.
pub const NOT_SAVED: &str =
    "This article is not available offline. It opens as soon as you are back online.";

/// The server has a newer build than this page: its bodies are not shown
/// by this page's code (they may not match its index).
pub const UPDATED: &str =
    "This help center has been updated. Reload the page to read this article.";

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
        // The offline worker's answers (crates/cli/src/offline/sw.js).
        let header = |name: &str| response.headers().get(name).is_some();
        if header("x-lantern-offline") {
            return Err(LoadError(NOT_SAVED.into()));
        }
        if header("x-lantern-updated") {
            return Err(LoadError(UPDATED.into()));
        }
        return Err(unavailable(format!("HTTP {}", response.status())));
    }
    response
        .text()
        .await
        .map_err(|e| unavailable(e.to_string()))
}
