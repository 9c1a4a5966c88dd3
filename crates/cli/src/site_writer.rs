//! Writes the site's files, touching only those whose content changed.
//!
//! Creating files is what costs on a slow disk (3,000 article pages take
//! seconds); reading and comparing is cheap. A manifest of the files the
//! last build wrote lets the next one delete what no longer belongs
//! (an article removed, an old hashed app bundle) without ever deleting
//! files that are not ours.
//!
//! Nothing is ever written or removed outside the root: a path must be
//! plain (no `..`, no control characters, issue 20's `img\nCNAME`), and no
//! folder on the way may be a symbolic link (a `--force`d folder could hold
//! one). The manifest is JSON lines, one quoted path a line, so no name can
//! split into two entries.
//!
//! When the site gets the offline worker, each file's hash is taken here,
//! of the bytes written, and the worker's list reads it (`crate::offline`):
//! the worker checks what it downloads against exactly what was written,
//! and nothing is rebuilt or copied just to be hashed. Only then: a
//! preview (every `lantern serve` rebuild) or a site without the worker
//! has no use for them (see docs/benchmarks.md for the cost).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

pub const MANIFEST: &str = ".lantern-manifest";

pub struct SiteWriter {
    root: PathBuf,
    written: BTreeSet<String>,
    dirs: HashSet<PathBuf>,
    /// `None` when nobody will ask ([`SiteWriter::new`]'s `hashing`).
    hashes: Option<HashMap<String, Hashed>>,
    pub changed: usize,
}

/// What the site holds at a path: the hash of its bytes ([`short_hash`])
/// and their number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed {
    pub hash: String,
    pub len: usize,
}

impl SiteWriter {
    /// A writer into `root`; with `hashing`, one that keeps the hash of
    /// every file for [`SiteWriter::hashed`].
    pub fn new(root: &Path, hashing: bool) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        Ok(Self {
            root: root.to_path_buf(),
            written: BTreeSet::new(),
            dirs: HashSet::new(),
            hashes: hashing.then(HashMap::new),
            changed: 0,
        })
    }

    /// Writes `relative` (a `/`-separated path) unless it already holds
    /// exactly `bytes`.
    pub fn write(&mut self, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.inside(relative)?;
        self.written.insert(relative.to_string());
        self.record(relative, bytes);
        if let Some(parent) = path.parent() {
            if !self.dirs.contains(parent) {
                std::fs::create_dir_all(parent)?;
                self.dirs.insert(parent.to_path_buf());
            }
        }
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            // Replaced, never written through.
            std::fs::remove_file(&path)?;
        } else if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        self.changed += 1;
        std::fs::write(path, bytes)
    }

    /// Notes the hash of a file the site holds without writing it (the
    /// app's own files when `--app` is the `--out` folder).
    pub fn record(&mut self, relative: &str, bytes: &[u8]) {
        if let Some(hashes) = &mut self.hashes {
            let hashed = Hashed {
                hash: short_hash(bytes),
                len: bytes.len(),
            };
            hashes.insert(relative.to_string(), hashed);
        }
    }

    /// The hash of what this build wrote (or recorded) at `relative`, when
    /// the writer keeps them.
    pub fn hashed(&self, relative: &str) -> Option<&Hashed> {
        self.hashes.as_ref()?.get(relative)
    }

    /// `relative` below the root, when it is a plain path and no folder on
    /// the way there is a symbolic link.
    fn inside(&self, relative: &str) -> std::io::Result<PathBuf> {
        let refuse = |why: &str| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("refusing to write {relative:?} in the site: {why}"),
            )
        };
        let parts: Vec<&str> = relative.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
        {
            return Err(refuse("it is not a plain path below the site's folder"));
        }
        if relative.chars().any(|c| c.is_control() || c == '\\') {
            return Err(refuse("it has a control character or a `\\`"));
        }
        let mut path = self.root.clone();
        for part in &parts[..parts.len() - 1] {
            path.push(part);
            if !self.dirs.contains(&path)
                && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            {
                return Err(refuse(&format!("{} is a symbolic link", path.display())));
            }
        }
        Ok(self.root.join(relative))
    }

    /// Deletes what the previous build wrote and this one did not, then
    /// records what this one wrote.
    pub fn finish(self) -> std::io::Result<usize> {
        let manifest = self.root.join(MANIFEST);
        let mut removed = 0;
        if let Ok(previous) = std::fs::read_to_string(&manifest) {
            for stale in manifest_entries(&previous)
                .iter()
                .filter(|l| !self.written.contains(*l))
            {
                let Ok(path) = self.inside(stale) else {
                    continue;
                };
                if std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                    // Drop directories the removal left empty (an old article's folder).
                    let mut dir = path.parent();
                    while let Some(d) = dir.filter(|d| *d != self.root) {
                        if std::fs::remove_dir(d).is_err() {
                            break;
                        }
                        dir = d.parent();
                    }
                }
            }
        }
        let mut list = String::from(MANIFEST_HEADER);
        for relative in &self.written {
            list.push('\n');
            list.push_str(&serde_json::Value::from(relative.as_str()).to_string());
        }
        list.push('\n');
        std::fs::write(manifest, list)?;
        Ok(removed)
    }
}

/// The first 8 bytes of the SHA-256 of `bytes`, in hex: what the offline
/// worker computes of a file it downloads (`sha256` in offline/sw.js).
pub fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

/// `bytes` in lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest's first line since paths are written as JSON strings.
const MANIFEST_HEADER: &str = r#"{"lantern-manifest":2}"#;

/// The paths a manifest lists: JSON strings after the header, or (written
/// by an older lantern) one path a line.
fn manifest_entries(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    if lines.next() == Some(MANIFEST_HEADER) {
        lines
            .filter_map(|l| serde_json::from_str::<String>(l).ok())
            .collect()
    } else {
        text.lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_a_newline_is_refused_and_the_manifest_lists_each_path_once() {
        let tmp = tempfile::tempdir().unwrap();
        let mut writer = SiteWriter::new(tmp.path(), false).unwrap();
        assert!(writer.write("media/img\nCNAME", b"x").is_err());
        assert!(writer.write("../outside.txt", b"x").is_err());
        assert!(writer.write("/etc/x", b"x").is_err());
        writer.write("media/a \"b\".png", b"x").unwrap();
        writer.finish().unwrap();
        let text = std::fs::read_to_string(tmp.path().join(MANIFEST)).unwrap();
        assert_eq!(manifest_entries(&text), ["media/a \"b\".png"]);
        assert!(!tmp.path().parent().unwrap().join("outside.txt").exists());
    }

    #[test]
    fn each_file_written_or_recorded_has_the_hash_of_its_bytes() {
        let tmp = tempfile::tempdir().unwrap();
        let mut writer = SiteWriter::new(tmp.path(), true).unwrap();
        writer.write("a.txt", b"abc").unwrap();
        writer.record("app.js", b"abc");
        let abc = Hashed {
            // printf abc | sha256sum: the first 8 bytes
            hash: "ba7816bf8f01cfea".into(),
            len: 3,
        };
        assert_eq!(writer.hashed("a.txt"), Some(&abc));
        assert_eq!(writer.hashed("app.js"), Some(&abc));
        assert_eq!(writer.hashed("b.txt"), None);
        writer.finish().unwrap();
        let text = std::fs::read_to_string(tmp.path().join(MANIFEST)).unwrap();
        assert_eq!(
            manifest_entries(&text),
            ["a.txt"],
            "recorded is not written"
        );
    }

    #[test]
    fn a_writer_without_hashing_keeps_no_hashes_and_writes_the_same() {
        let tmp = tempfile::tempdir().unwrap();
        let mut writer = SiteWriter::new(tmp.path(), false).unwrap();
        writer.write("a.txt", b"abc").unwrap();
        writer.record("app.js", b"abc");
        assert_eq!(writer.hashed("a.txt"), None);
        assert_eq!(writer.hashed("app.js"), None);
        assert_eq!(std::fs::read(tmp.path().join("a.txt")).unwrap(), b"abc");
    }

    #[test]
    fn an_old_manifest_is_still_read_one_path_a_line() {
        assert_eq!(
            manifest_entries("a/x/index.html\nindex.html\n"),
            ["a/x/index.html", "index.html"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_in_the_site_folder_is_never_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        let site = tmp.path().join("site");
        std::fs::create_dir(&site).unwrap();
        std::os::unix::fs::symlink(&outside, site.join("media")).unwrap();
        std::os::unix::fs::symlink(outside.join("f"), site.join("index.html")).unwrap();
        let mut writer = SiteWriter::new(&site, false).unwrap();
        assert!(writer.write("media/x.png", b"x").is_err());
        writer.write("index.html", b"page").unwrap();
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
        assert_eq!(std::fs::read(site.join("index.html")).unwrap(), b"page");
    }
}
