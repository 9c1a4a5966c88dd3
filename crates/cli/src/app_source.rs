//! Where the web app a site is built with comes from: a folder given with
//! `--app`, the app built into this binary (a release `lantern`, see
//! `build.rs` at the crate root and scripts/release.sh), or, for
//! developers in the source tree, the `dist/` trunk wrote. `lantern build`
//! and `lantern serve` resolve it the same way, here.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::site_writer::SiteWriter;

mod embedded {
    // FILES: (path, bytes); PUBLIC_URL: trunk's public_url for them;
    // BUILD_ID: a hash of them, or "" when no app was built in.
    include!(concat!(env!("OUT_DIR"), "/embedded_app.rs"));
}

/// `lantern --version`: the version and the app build it carries.
pub const LONG_VERSION: &str = env!("LANTERN_LONG_VERSION");

/// The folder developers get from `trunk build --release`, used when this
/// binary has no app inside and no `--app` is given.
pub const DEV_APP_DIR: &str = "dist";

/// The app shell every page is made from.
pub const SHELL: &str = "index.html";

/// The app's files, from a folder or from inside the binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppSource {
    /// Built into this binary (`LANTERN_APP_DIR` at compile time).
    Embedded,
    /// A folder trunk (or an earlier `lantern build`) wrote.
    Dir(PathBuf),
}

impl AppSource {
    /// `--app DIR` when given; else the app built in; else `./dist` when it
    /// holds an app; else a message saying how to get one.
    pub fn resolve(explicit: Option<&Path>) -> Result<Self, String> {
        if let Some(dir) = explicit {
            return Ok(Self::Dir(dir.to_path_buf()));
        }
        if let Some(embedded) = Self::embedded() {
            return Ok(embedded);
        }
        let dev = Path::new(DEV_APP_DIR);
        if dev.join(SHELL).is_file() {
            return Ok(Self::Dir(dev.to_path_buf()));
        }
        Err(format!(
            "this lantern has no app built in, and there is no ./{DEV_APP_DIR}/{SHELL} to use instead.\n\
             Download a release lantern (it carries the app), build one with scripts/release.sh, \
             or pass --app DIR with an app built by `trunk build --release`"
        ))
    }

    /// The app inside this binary, if it has one.
    pub fn embedded() -> Option<Self> {
        (!embedded::FILES.is_empty()).then_some(Self::Embedded)
    }

    /// The folder, for a folder app.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Self::Embedded => None,
            Self::Dir(dir) => Some(dir),
        }
    }

    /// For messages: `the app built into lantern (app …)` or `the app in DIR`.
    pub fn describe(&self) -> String {
        match self {
            Self::Embedded => format!("the app built into lantern (app {})", embedded::BUILD_ID),
            Self::Dir(dir) => format!("the app in {}", dir.display()),
        }
    }

    /// The URL path the app's assets were built for: the built-in app
    /// knows its own; a folder's is what the user said (`given`).
    pub fn public_url<'a>(&self, given: &'a str) -> &'a str {
        match self {
            Self::Embedded => embedded::PUBLIC_URL,
            Self::Dir(_) => given,
        }
    }

    /// Every app file, as a `/`-separated path (the shell, `index.html`,
    /// included), sorted; hidden files and what a build generated are not.
    pub fn files(&self) -> Result<Vec<String>, String> {
        match self {
            Self::Embedded => Ok(embedded::FILES
                .iter()
                .map(|(p, _)| (*p).to_string())
                .collect()),
            Self::Dir(dir) => {
                let mut files = Vec::new();
                crate::app_files::list(dir, "", &mut files)
                    .map_err(|e| format!("cannot read the app folder {}: {e}", dir.display()))?;
                let mut names: Vec<String> = files.into_iter().map(|(name, _)| name).collect();
                names.sort();
                Ok(names)
            }
        }
    }

    /// The bytes of one app file (`relative` as `files` names it).
    pub fn read(&self, relative: &str) -> Result<Cow<'static, [u8]>, String> {
        match self {
            Self::Embedded => embedded::FILES
                .iter()
                .find(|(p, _)| *p == relative)
                .map(|(_, bytes)| Cow::Borrowed(*bytes))
                .ok_or_else(|| format!("the app built into lantern has no {relative}")),
            Self::Dir(dir) => {
                let path = dir.join(relative);
                std::fs::read(&path).map(Cow::Owned).map_err(|e| {
                    if relative == SHELL {
                        format!(
                            "no app at {}: {e}. Pass --app with the folder `trunk build --release` wrote (dist/), \
                             or leave --app out to use the app built into a release lantern",
                            path.display()
                        )
                    } else {
                        format!("cannot read {}: {e}", path.display())
                    }
                })
            }
        }
    }

    /// Writes every app file but the shell (each page is made from it
    /// instead) into the site, or, when the app's folder is the site's
    /// (`in_place`), only records their hashes; the files, as the site
    /// addresses them.
    pub fn copy_into(
        &self,
        writer: &mut SiteWriter,
        in_place: bool,
    ) -> Result<Vec<String>, String> {
        let mut copied = Vec::new();
        for relative in self.files()? {
            if relative != SHELL {
                let bytes = self.read(&relative)?;
                if in_place {
                    writer.record(&relative, &bytes);
                } else {
                    writer
                        .write(&relative, &bytes)
                        .map_err(|e| format!("cannot write {relative}: {e}"))?;
                }
                copied.push(relative);
            }
        }
        Ok(copied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_app_lists_its_files_but_not_what_a_build_generated() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for file in [
            "index.html",
            "app.js",
            "icons/a.svg",
            "a/x/index.html",
            "data/catalog.bin",
            "404.html",
            ".lantern-manifest",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        let app = AppSource::resolve(Some(root)).unwrap();
        assert_eq!(
            app.files().unwrap(),
            ["app.js", "icons/a.svg", "index.html"]
        );
        assert_eq!(&*app.read("icons/a.svg").unwrap(), b"icons/a.svg");
        assert_eq!(app.public_url("/x/"), "/x/");
    }

    #[test]
    fn a_folder_without_a_shell_says_how_to_get_an_app() {
        let app = AppSource::Dir(PathBuf::from("/nowhere/at/all"));
        let message = app.read(SHELL).unwrap_err();
        assert!(message.contains("trunk build --release"), "{message}");
    }
}
