//! Writes the site's files, touching only those whose content changed.
//!
//! Creating files is what costs on a slow disk (3,000 article pages take
//! seconds); reading and comparing is cheap. A manifest of the files the
//! last build wrote lets the next one delete what no longer belongs
//! (an article removed, an old hashed app bundle) without ever deleting
//! files that are not ours.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

pub const MANIFEST: &str = ".lantern-manifest";

pub struct SiteWriter {
    root: PathBuf,
    written: BTreeSet<String>,
    dirs: HashSet<PathBuf>,
    pub changed: usize,
}

impl SiteWriter {
    pub fn new(root: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        Ok(Self {
            root: root.to_path_buf(),
            written: BTreeSet::new(),
            dirs: HashSet::new(),
            changed: 0,
        })
    }

    /// Writes `relative` (a `/`-separated path) unless it already holds
    /// exactly `bytes`.
    pub fn write(&mut self, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.root.join(relative);
        self.written.insert(relative.to_string());
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            if !self.dirs.contains(parent) {
                std::fs::create_dir_all(parent)?;
                self.dirs.insert(parent.to_path_buf());
            }
        }
        self.changed += 1;
        std::fs::write(path, bytes)
    }

    /// Copies every file below `from` to `into` (relative to the root),
    /// skipping hidden files and the files `skip` rejects.
    pub fn copy_tree(
        &mut self,
        from: &Path,
        into: &str,
        skip: &dyn Fn(&Path) -> bool,
    ) -> std::io::Result<()> {
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.starts_with('.') || skip(&path) {
                continue;
            }
            let relative = if into.is_empty() {
                name
            } else {
                format!("{into}/{name}")
            };
            if entry.file_type()?.is_dir() {
                self.copy_tree(&path, &relative, skip)?;
            } else {
                self.write(&relative, &std::fs::read(&path)?)?;
            }
        }
        Ok(())
    }

    /// Deletes what the previous build wrote and this one did not, then
    /// records what this one wrote.
    pub fn finish(self) -> std::io::Result<usize> {
        let manifest = self.root.join(MANIFEST);
        let mut removed = 0;
        if let Ok(previous) = std::fs::read_to_string(&manifest) {
            for stale in previous
                .lines()
                .filter(|l| !l.is_empty() && !self.written.contains(*l))
            {
                if stale.split('/').any(|part| part == ".." || part.is_empty()) {
                    continue;
                }
                let path = self.root.join(stale);
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
        let list: Vec<&str> = self.written.iter().map(String::as_str).collect();
        std::fs::write(manifest, list.join("\n") + "\n")?;
        Ok(removed)
    }
}
