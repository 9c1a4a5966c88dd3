//! Where `lantern build` may write, and how a site gets into its folder
//! without ever deleting a file Lantern did not write.
//!
//! The bug this module exists for: `--out docs` (the GitHub Pages folder)
//! swapped the whole folder for the site and deleted a `report.docx` that
//! lived there; `--out articles` replaced the sources with the site. Now:
//! - an output that is, contains or is inside the articles folder, or that
//!   is or contains the config's folder, the current folder, the app folder
//!   or the home folder, is refused outright (no flag changes that);
//! - a folder an earlier build wrote (it has the manifest) is updated in
//!   place, and only files that manifest lists are ever removed;
//! - a new or empty folder receives a site built aside and moved in whole;
//! - any other folder is refused with the list of what it holds, unless
//!   `--force`: then the site is written into it, files of the same name
//!   are replaced and every other file is kept.

use std::path::{Component, Path, PathBuf};

use crate::site_writer::MANIFEST;

/// How the site reaches `--out`.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// The folder holds an earlier build (or is the app folder itself).
    UpdateInPlace,
    /// New or empty: build aside, then move in.
    Swap,
    /// Holds files Lantern did not write, and `--force` was given.
    MergeForced,
}

/// The folders an output must keep clear of.
pub struct Guarded<'a> {
    pub articles: &'a Path,
    pub config: &'a Path,
    /// The app folder, when the app comes from one.
    pub app: Option<&'a Path>,
}

/// Decides how to write `out`, or says why it must not be written.
pub fn plan(out: &Path, guarded: &Guarded, force: bool) -> Result<Plan, String> {
    let target = resolve(out);
    let app = guarded.app.map(resolve);
    if app.as_ref() == Some(&target) {
        return Ok(Plan::UpdateInPlace);
    }
    refuse_overlap(out, &target, guarded, app.as_deref())?;
    if target.join(MANIFEST).is_file() {
        return Ok(Plan::UpdateInPlace);
    }
    let foreign = foreign_files(out);
    if foreign.is_empty() {
        return Ok(Plan::Swap);
    }
    if force {
        return Ok(Plan::MergeForced);
    }
    Err(refusal(out, &foreign))
}

fn refuse_overlap(
    out: &Path,
    target: &Path,
    g: &Guarded,
    app: Option<&Path>,
) -> Result<(), String> {
    let shown = out.display();
    let articles = resolve(g.articles);
    if target.starts_with(&articles) || articles.starts_with(target) {
        return Err(format!(
            "refusing to build into {shown}: it is, holds or is inside the articles folder {} \
             (the site would overwrite the sources). Choose another folder, e.g. --out site",
            g.articles.display()
        ));
    }
    let config_dir = resolve(g.config.parent().unwrap_or(Path::new("")));
    let cwd = resolve(Path::new("."));
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| resolve(&h));
    let guards = [
        (Some(config_dir), "the folder of the config file"),
        (Some(cwd), "the current folder"),
        (app.map(Path::to_path_buf), "the app folder (--app)"),
        (home, "your home folder"),
    ];
    for (dir, what) in guards {
        if dir.is_some_and(|dir| dir.starts_with(target)) {
            return Err(format!(
                "refusing to build into {shown}: it is or holds {what}, whose files a build \
                 must never replace. Choose a folder of its own, e.g. --out site"
            ));
        }
    }
    Ok(())
}

/// Every file and folder in `out` (a new folder has none). A build that
/// failed half-way leaves nothing behind, so whatever is here is someone's.
fn foreign_files(out: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let dir = e.file_type().is_ok_and(|t| t.is_dir());
            if dir {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect();
    names.sort();
    names
}

fn refusal(out: &Path, foreign: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut list: Vec<String> = foreign
        .iter()
        .take(SHOWN)
        .map(|n| format!("  {}", out.join(n).display()))
        .collect();
    if foreign.len() > SHOWN {
        list.push(format!("  … and {} more", foreign.len() - SHOWN));
    }
    format!(
        "refusing to build into {shown}: it holds {n} {entries} that lantern build did not write:\n{}\n\
         Choose a new or empty folder (the default is site), or pass --force to write the site into {shown}: \
         files with the names the site uses (index.html, 404.html, a/, data/, media/, ticket/) are replaced, \
         everything else is kept.",
        list.join("\n"),
        shown = out.display(),
        n = foreign.len(),
        entries = if foreign.len() == 1 { "entry" } else { "entries" },
    )
}

/// The folder a new site is built in before it is moved into `out`.
pub fn staging_dir(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    out.with_file_name(format!(".{name}.lantern-tmp"))
}

/// Moves a site built in `staged` into `out`: whole when `out` is new or
/// empty, file by file over its contents when forced (nothing else in
/// `out` is touched). `staged` is gone afterwards either way.
pub fn move_in(staged: &Path, out: &Path, plan: &Plan) -> std::io::Result<()> {
    let result = match plan {
        Plan::MergeForced => merge(staged, out),
        _ => {
            if out.is_dir() {
                // Empty (checked by `plan`): remove_dir refuses anything else.
                std::fs::remove_dir(out)?;
            }
            std::fs::rename(staged, out)
        }
    };
    let _ = std::fs::remove_dir_all(staged);
    result
}

fn merge(from: &Path, into: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(into)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = into.join(entry.file_name());
        // A link with one of the site's names is replaced, never followed:
        // the site is written inside `into` only.
        if std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&target)?;
        }
        if entry.file_type()?.is_dir() {
            if target.is_file() {
                std::fs::remove_file(&target)?;
            }
            merge(&entry.path(), &target)?;
        } else {
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::rename(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// `path` made absolute with links resolved as far as it exists, and `.`
/// and `..` folded lexically in the part that does not exist yet.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(p) => out.push(p),
                    _ => {}
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::path::Path;

    #[test]
    fn resolve_folds_dots_in_a_path_that_does_not_exist_yet() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().canonicalize().unwrap();
        let odd = tmp.path().join("new/../other/./x");
        assert_eq!(resolve(&odd), real.join("other/x"));
        assert_eq!(resolve(&tmp.path().join("..")), real.parent().unwrap());
        assert!(resolve(Path::new(".")).is_absolute());
    }
}
