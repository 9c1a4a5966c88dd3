//! Which files of an app folder are the app. A folder trunk built is also
//! a whole site (its post-build hook runs `lantern build` into it), so the
//! pages, data and media a build generated are left out, as are hidden
//! files (the build's manifest). Shared by `app_source` and by the build
//! script that embeds the app (`crates/cli/build.rs`, through `#[path]`),
//! so both take exactly the same files.

use std::path::{Path, PathBuf};

/// Top-level entries of a built site that `lantern build` writes itself.
pub const GENERATED: &[&str] = &[
    "a",
    "data",
    "media",
    "ticket",
    "404.html",
    // The offline worker and what it needs (crate::offline).
    "sw.js",
    "offline.js",
    "offline.html",
    "manifest.webmanifest",
    "lantern-icon.svg",
    "lantern-icon-192.png",
    "lantern-icon-512.png",
    "lantern-icon-maskable-192.png",
    "lantern-icon-maskable-512.png",
];

/// Adds the app's files below `dir` to `files`, as (`/`-separated path
/// after `prefix`, file); `prefix` is empty at the top.
pub fn list(dir: &Path, prefix: &str, files: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || (prefix.is_empty() && GENERATED.contains(&name.as_str())) {
            continue;
        }
        let relative = format!("{prefix}{name}");
        if entry.file_type()?.is_dir() {
            list(&entry.path(), &format!("{relative}/"), files)?;
        } else {
            files.push((relative, entry.path()));
        }
    }
    Ok(())
}
