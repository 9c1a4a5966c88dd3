//! What `lantern serve` watches: the articles folder (articles and their
//! media), the config file and the app folder. Editors save in bursts
//! (write a temporary file, rename it over the old one, touch a backup),
//! so changes are debounced into one batch, and a batch that only touches
//! hidden files (swap files, `.git`) or files outside what is watched is
//! dropped. So is every event that is not a change: the watcher also
//! reports files being opened and read, and each build reads them all,
//! so counting reads would rebuild forever. Metadata alone (an access
//! time a read updated, a permission) does not count either.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify_debouncer_full::notify::{Event, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

/// Quiet time after the last change before a rebuild starts: long enough
/// for an editor's save, short enough to feel immediate.
const DEBOUNCE: Duration = Duration::from_millis(150);

pub struct Watch {
    // Watching stops when it is dropped.
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    /// Folders whose files all count, and single files that count.
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Watch {
    /// Watches every folder in `folders` (recursively) and every file in
    /// `files`; a file is watched through its folder, so that it may be
    /// created, deleted or replaced by a rename.
    pub fn start(folders: &[&Path], files: &[&Path]) -> Result<Self, String> {
        let (tx, events) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, tx)
            .map_err(|e| format!("cannot watch for changes: {e}"))?;
        let folders: Vec<PathBuf> = folders.iter().map(|f| absolute(f)).collect();
        let files: Vec<PathBuf> = files.iter().map(|f| absolute(f)).collect();
        for folder in &folders {
            debouncer
                .watch(folder, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        }
        for file in &files {
            let Some(parent) = file.parent().filter(|p| p.is_dir()) else {
                continue;
            };
            if folders.iter().any(|f| parent.starts_with(f)) {
                continue;
            }
            debouncer
                .watch(parent, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {}: {e}", parent.display()))?;
        }
        Ok(Self {
            _debouncer: debouncer,
            events,
            folders,
            files,
        })
    }

    /// Blocks until something watched changes, and names what did; `Err`
    /// when the watcher failed or stopped.
    pub fn next_change(&self) -> Result<Vec<PathBuf>, String> {
        loop {
            let batch = self
                .events
                .recv()
                .map_err(|_| "the file watcher stopped".to_string())?
                .map_err(|errors| match errors.first() {
                    Some(e) => format!("watching for changes failed: {e}"),
                    None => "watching for changes failed".to_string(),
                })?;
            let changed: Vec<PathBuf> = batch
                .into_iter()
                .filter(|event| is_change(event))
                .flat_map(|event| event.event.paths)
                .filter(|path| self.counts(path))
                .collect();
            if !changed.is_empty() {
                return Ok(changed);
            }
        }
    }

    /// Whether a change to `path` can change the site.
    fn counts(&self, path: &Path) -> bool {
        if self.files.iter().any(|f| f == path) {
            return true;
        }
        self.folders.iter().any(|folder| {
            path.strip_prefix(folder).is_ok_and(|rest| {
                !rest
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            })
        })
    }
}

/// Whether `event` is something written, created, removed or renamed.
fn is_change(event: &Event) -> bool {
    match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Absolute, with links resolved where it exists: notify reports the real
/// path of what changed.
fn absolute(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        // A file that does not exist yet (lantern.toml to come): its
        // folder may still be a link.
        match (absolute.parent(), absolute.file_name()) {
            (Some(parent), Some(name)) => parent
                .canonicalize()
                .map(|p| p.join(name))
                .unwrap_or(absolute),
            _ => absolute,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_article_is_reported_and_a_swap_file_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        let config = dir.path().join("lantern.toml");
        let watch = Watch::start(&[&articles], &[&config]).unwrap();
        std::fs::write(articles.join(".a.md.swp"), "x").unwrap();
        std::thread::sleep(DEBOUNCE * 3);
        std::fs::write(articles.join("a.md"), "x").unwrap();
        let changed = watch.next_change().unwrap();
        assert!(changed.iter().any(|p| p.ends_with("a.md")), "{changed:?}");
        assert!(
            !changed.iter().any(|p| p.ends_with(".a.md.swp")),
            "{changed:?}"
        );
        std::fs::write(&config, "x").unwrap();
        let changed = watch.next_change().unwrap();
        assert!(
            changed.iter().any(|p| p.ends_with("lantern.toml")),
            "{changed:?}"
        );
        // Reading is not a change.
        std::fs::read(articles.join("a.md")).unwrap();
        std::thread::sleep(DEBOUNCE * 3);
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        std::fs::write(articles.join("b.md"), "x").unwrap();
        let changed = watch.next_change().unwrap();
        assert!(
            !changed.iter().any(|p| p.ends_with("notes.txt")),
            "{changed:?}"
        );
    }
}
