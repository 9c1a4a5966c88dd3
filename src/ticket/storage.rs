//! JSON values in the browser's storage, one key per site (two help centers
//! on one host keep separate drafts and outboxes).

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

#[derive(Clone, Copy)]
pub enum Lifetime {
    /// Survives reloads and restarts: drafts, the outbox.
    Local,
    /// This tab's visit only: what was searched and read.
    Session,
}

fn store(lifetime: Lifetime) -> Option<web_sys::Storage> {
    match lifetime {
        Lifetime::Local => window().local_storage().ok().flatten(),
        Lifetime::Session => window().session_storage().ok().flatten(),
    }
}

/// `lantern:/help:draft` for a site under `/help`.
pub fn key(root: &str, name: &str) -> String {
    format!("lantern:{root}:{name}")
}

pub fn load<T: DeserializeOwned>(lifetime: Lifetime, key: &str) -> Option<T> {
    serde_json::from_str(&load_text(lifetime, key)?).ok()
}

/// The stored text as it is, for lists read one entry at a time
/// (`lantern_core::ticket::stored`): whole-or-nothing decoding turned one
/// damaged entry into an empty outbox.
pub fn load_text(lifetime: Lifetime, key: &str) -> Option<String> {
    store(lifetime)?.get_item(key).ok().flatten()
}

/// Fails when storage is off or full, so the caller can tell the user.
pub fn save<T: Serialize>(lifetime: Lifetime, key: &str, value: &T) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    save_text(lifetime, key, &text)
}

/// Like `save`, for text as it is (already serialised, or plain).
pub fn save_text(lifetime: Lifetime, key: &str, json: &str) -> Result<(), String> {
    let storage = store(lifetime).ok_or("this browser does not allow saving on this device")?;
    storage
        .set_item(key, json)
        .map_err(|_| "this device's browser storage is full or blocked".to_string())
}

pub fn remove(lifetime: Lifetime, key: &str) {
    if let Some(storage) = store(lifetime) {
        let _ = storage.remove_item(key);
    }
}
