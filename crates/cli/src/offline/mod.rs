//! Offline use (issue 18): the service worker `lantern build` writes at the
//! site root, the page script that registers it, the page it answers any
//! article address with, and the web app manifest that makes the help
//! center installable. No Node or Workbox step: a team with only the
//! `lantern` binary publishes it too.
//!
//! The worker (`sw.js`) carries the build's list of files: the core (app,
//! index, home, ticket form, privacy page, article page), installed all
//! or nothing, and each article body with a hash of its bytes, so that a
//! tab of one build never reads another's files and a republish downloads
//! only the bodies that changed. `[offline] enabled = false` writes a
//! worker that removes itself and its caches instead. Previews (`lantern
//! serve`, `trunk serve`) get none of it.

use std::collections::BTreeMap;

use lantern_core::config::OfflineSettings;
use lantern_core::library::Library;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::site_writer::{hex, short_hash, Hashed, SiteWriter};

const WORKER: &str = include_str!("sw.js");
const REMOVER: &str = include_str!("sw-remove.js");
const PAGE_SCRIPT: &str = include_str!("offline.js");
/// The root the article page's addresses start with; the worker puts its
/// scope there (a build may not know the path it is published under).
pub const SCOPE_TOKEN: &str = "/__lantern_scope__/";
/// The page the worker answers every article address with.
pub const ARTICLE_PAGE: &str = "offline.html";
const ICON: &str = "lantern-icon.svg";
/// The PNGs browsers ask for before they offer "Install" (192 and 512
/// pixels), plain and maskable (full-bleed, for launchers that cut their
/// own shape), rendered once by scripts/render-icons.py: 11.6 KB together.
pub const PNG_ICONS: [(&str, &str, &str, &[u8]); 4] = [
    (
        "lantern-icon-192.png",
        "192x192",
        "any",
        include_bytes!("icons/icon-192.png"),
    ),
    (
        "lantern-icon-512.png",
        "512x512",
        "any",
        include_bytes!("icons/icon-512.png"),
    ),
    (
        "lantern-icon-maskable-192.png",
        "192x192",
        "maskable",
        include_bytes!("icons/icon-maskable-192.png"),
    ),
    (
        "lantern-icon-maskable-512.png",
        "512x512",
        "maskable",
        include_bytes!("icons/icon-maskable-512.png"),
    ),
];
const THEME: &str = "#1d4ed8";

/// What the head of every published page gets: the manifest (and the
/// icon Safari puts on a home screen, which ignores the manifest's), and
/// the script that registers the worker.
pub fn head(root: &str) -> String {
    format!(
        r#"<link rel="manifest" href="{root}manifest.webmanifest"><link rel="apple-touch-icon" href="{root}lantern-icon-192.png"><meta name="theme-color" content="{THEME}"><script src="{root}offline.js" defer></script>"#
    )
}

/// What `sw.js` starts with: a few hundred bytes, whatever the number of
/// articles (the bodies' hashes are in `bodies_file`, part of the core).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Build {
    revision: String,
    /// Each core address, relative to the site root (`""` is the home
    /// page), with the hash of its file: what an update carries over from
    /// the previous build's cache instead of downloading it again.
    core: BTreeMap<String, String>,
    /// `data/offline-<revision>.json`: each article's slug and the hash of
    /// its body, named by the revision so a build never reads another's.
    bodies_file: String,
    body_bytes: usize,
    library_limit: u64,
}

/// Writes `sw.js` and, when offline use is on, what it installs besides
/// the pages: `offline.js`, the manifest and its icons. `core` are the
/// app's files and the pages already written (each file, relative to the
/// root, and the address it is fetched at); their hashes, and the
/// bodies', are the ones `writer` took of what it wrote.
pub fn write(
    writer: &mut SiteWriter,
    settings: &OfflineSettings,
    site_name: &str,
    core: &[(String, String)],
    library: &Library,
) -> std::io::Result<()> {
    if !settings.enabled {
        return writer.write("sw.js", REMOVER.as_bytes());
    }
    writer.write("offline.js", PAGE_SCRIPT.as_bytes())?;
    writer.write("manifest.webmanifest", manifest(site_name).as_bytes())?;
    writer.write(ICON, icon().as_bytes())?;
    for (name, _, _, png) in PNG_ICONS {
        writer.write(name, png)?;
    }
    let own = ["offline.js", "manifest.webmanifest", ICON].map(|f| (f.to_string(), f.to_string()));
    let mut files = BTreeMap::new();
    for (file, at) in core.iter().chain(&own) {
        files.insert(at.clone(), hashed(writer, file)?.hash.clone());
    }
    let mut revision = Sha256::new();
    for (at, hash) in &files {
        revision.update(at.as_bytes());
        revision.update(hash.as_bytes());
    }
    let mut bodies = BTreeMap::new();
    let mut body_bytes = 0;
    for article in &library.articles {
        let body = hashed(writer, &format!("data/articles/{}.html", article.slug))?;
        revision.update(body.hash.as_bytes());
        body_bytes += body.len;
        bodies.insert(article.slug.as_str(), body.hash.clone());
    }
    let revision = hex(&revision.finalize()[..8]);
    let bodies_file = format!("data/offline-{revision}.json");
    let list = serde_json::to_string(&bodies).map_err(std::io::Error::other)?;
    writer.write(&bodies_file, list.as_bytes())?;
    files.insert(bodies_file.clone(), short_hash(list.as_bytes()));
    let build = Build {
        revision,
        core: files,
        bodies_file,
        body_bytes,
        library_limit: u64::from(settings.library_limit_mb) * 1_000_000,
    };
    writer.write("sw.js", worker(&build).as_bytes())
}

/// What `writer` took of `file`, which this build wrote before.
fn hashed<'w>(writer: &'w SiteWriter, file: &str) -> std::io::Result<&'w Hashed> {
    writer.hashed(file).ok_or_else(|| {
        std::io::Error::other(format!("{file} is not in the site for the offline worker"))
    })
}

fn worker(build: &Build) -> String {
    let json = serde_json::to_string(build).expect("plain data");
    WORKER.replacen("/*LANTERN_BUILD*/ null", &json, 1)
}

fn manifest(site_name: &str) -> String {
    let short: String = site_name.chars().take(12).collect();
    let mut icons = vec![
        serde_json::json!({ "src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }),
    ];
    icons.extend(PNG_ICONS.map(|(src, sizes, purpose, _)| {
        serde_json::json!({ "src": src, "sizes": sizes, "type": "image/png", "purpose": purpose })
    }));
    serde_json::to_string_pretty(&serde_json::json!({
        // The same app wherever it starts from (its scope, relative to
        // the manifest, as the start page is).
        "id": "./",
        "name": site_name,
        "short_name": short,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": icons,
    }))
    .expect("plain data")
}

/// The favicon's lantern, on a square with room around it for the shapes
/// launchers cut icons to.
fn icon() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="{THEME}"/><path d="M256 96l112 160-112 160-112-160z" fill="#fde68a"/></svg>"##
    )
}

#[cfg(test)]
mod tests;
