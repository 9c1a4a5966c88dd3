//! The files of the articles folder that may be read and published, found
//! in one walk that `lantern check` and `lantern build` share, so both
//! report the same problems.
//!
//! Nothing outside the folder is ever read: a symbolic link is resolved
//! (`canonicalize`) and refused when it leads outside, as a link to the
//! build machine's user list or a CI runner's secrets would; links that stay
//! inside and name a file are followed (a screenshot used under two names).
//! Links to folders are never followed, inside or not: they can loop and
//! would publish a folder twice. A link that loops or leads to nothing, a
//! pipe or a device, a name that could forge a line, and a type that could
//! run script (`media.rs`) are each an error on that file; the others are
//! still loaded, so `--keep-going` publishes them.

use std::fs::FileType;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

use super::files::display_path;
use super::{media, names};

/// A file published under `media/` as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// Its path below the articles folder, `/`-separated: published as
    /// `media/<relative>`.
    pub relative: String,
    /// Where to read it: inside the articles folder, links resolved.
    pub source: PathBuf,
}

/// What one walk found.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// `(relative path, file to read)` of every article, sorted.
    pub markdown: Vec<(String, PathBuf)>,
    /// Every file to publish as it is, sorted.
    pub media: Vec<MediaFile>,
    /// One error for each entry refused.
    pub diagnostics: Vec<Diagnostic>,
}

/// What an entry of the folder is, links resolved.
enum Entry {
    Folder,
    File(PathBuf),
}

/// Walks `dir`: markdown files (hidden ones included, as always), other
/// files (hidden ones skipped), and folders (hidden ones skipped).
pub(super) fn walk(dir: &Path) -> std::io::Result<Found> {
    let root = dir.canonicalize()?;
    // A missing or unreadable folder fails the whole command, as before.
    std::fs::read_dir(dir)?;
    let mut walk = Walk {
        top: dir,
        root: &root,
        found: Found::default(),
    };
    walk.folder(dir, "");
    let mut found = walk.found;
    found.markdown.sort();
    found.media.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(found)
}

struct Walk<'a> {
    /// The articles folder as the user named it, for diagnostics.
    top: &'a Path,
    /// The same, links resolved: nothing outside it is read.
    root: &'a Path,
    found: Found,
}

impl Walk<'_> {
    fn refuse(&mut self, relative: &str, message: String) {
        let shown = display_path(self.top, &names::shown(relative));
        self.found
            .diagnostics
            .push(Diagnostic::error(shown, 1, 1, message));
    }

    /// Every entry of `dir`, which is `prefix` below the articles folder.
    fn folder(&mut self, dir: &Path, prefix: &str) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.refuse(prefix, format!("cannot read this folder: {e}")),
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        let mut folders = Vec::new();
        for entry in entries {
            let lossy = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                lossy.clone()
            } else {
                format!("{prefix}/{lossy}")
            };
            let markdown = lossy.ends_with(".md");
            let folder = entry.file_type().is_ok_and(|t| t.is_dir());
            if lossy.starts_with('.') && (folder || !markdown) {
                continue;
            }
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                self.refuse(&relative, "the name is not UTF-8 text: rename it".into());
                continue;
            };
            if let Some(problem) = names::problem(&name) {
                self.refuse(&relative, problem);
                continue;
            }
            let path = entry.path();
            match entry
                .file_type()
                .map_err(|e| e.to_string())
                .and_then(|t| resolve(&path, t, self.root))
            {
                Err(message) => self.refuse(&relative, message),
                Ok(Entry::Folder) => folders.push((path, relative)),
                Ok(Entry::File(source)) if markdown => self.found.markdown.push((relative, source)),
                Ok(Entry::File(source)) => match media::problem(&name, &source) {
                    Some(message) => self.refuse(&relative, message),
                    None => self.found.media.push(MediaFile { relative, source }),
                },
            }
        }
        for (path, relative) in folders {
            self.folder(&path, &relative);
        }
    }
}

/// What the entry at `path` is, or why it is refused.
fn resolve(path: &Path, file_type: FileType, root: &Path) -> Result<Entry, String> {
    if file_type.is_dir() {
        return Ok(Entry::Folder);
    }
    if file_type.is_file() {
        return Ok(Entry::File(path.to_path_buf()));
    }
    if !file_type.is_symlink() {
        return Err(not_regular());
    }
    let target = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
    let Ok(real) = path.canonicalize() else {
        return Err(format!(
            "this symbolic link (to `{}`) leads nowhere: what it names is missing, or it loops back on itself; remove the link, or put the file itself here",
            names::shown(&target)
        ));
    };
    if !real.starts_with(root) {
        return Err(format!(
            "this symbolic link leads to {}, outside the articles folder: lantern reads and publishes only what is inside the folder; copy the file in instead of linking to it",
            names::shown(&real.display().to_string())
        ));
    }
    match std::fs::metadata(&real) {
        Ok(meta) if meta.is_dir() => Err("this is a symbolic link to a folder, which lantern does not follow (such links can loop, or publish a folder twice): move the folder here, or link each file".into()),
        Ok(meta) if meta.is_file() => Ok(Entry::File(real)),
        Ok(_) => Err(not_regular()),
        Err(e) => Err(format!("cannot read what this symbolic link names: {e}")),
    }
}

fn not_regular() -> String {
    "this is not a regular file (a pipe, socket or device), which lantern never reads: remove it"
        .into()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_one_inside_is_read_as_the_file_it_names() {
        let tmp = std::env::temp_dir().join(format!("lantern-tree-{}", std::process::id()));
        let dir = tmp.join("articles");
        std::fs::create_dir_all(dir.join("img")).unwrap();
        std::fs::write(tmp.join("secret.txt"), "secret").unwrap();
        std::fs::write(dir.join("a.md"), "# A").unwrap();
        symlink(tmp.join("secret.txt"), dir.join("secret.md")).unwrap();
        symlink("a.md", dir.join("b.md")).unwrap();
        symlink("img", dir.join("pictures")).unwrap();
        let found = walk(&dir).unwrap();
        std::fs::remove_dir_all(&tmp).unwrap();
        let read: Vec<&str> = found.markdown.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(read, ["a.md", "b.md"]);
        assert!(found.markdown[1].1.ends_with("articles/a.md"));
        let refused: Vec<&str> = found.diagnostics.iter().map(|d| d.path.as_str()).collect();
        let shown = |name: &str| display_path(&dir, name);
        assert_eq!(refused, [shown("pictures"), shown("secret.md")]);
        assert!(found.media.is_empty());
    }
}
