//! Loading a folder of articles: every `*.md` below it is read, parsed and
//! rendered; a broken article becomes diagnostics and is left out, never
//! taking the rest down with it.

//!
//! By job: `files` finds and reads the files, `article` parses and renders
//! one, `headings` checks its headings as it is loaded, this module deals
//! with what concerns several (slugs and aliases two files claim), and
//! `export` turns the library into the catalog the browser loads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

mod article;
mod export;
mod files;
mod headings;
mod media;
mod names;
mod tree;

use article::{parse_one, Outcome};
pub use article::{Article, MAX_LINKS};
pub use files::MAX_ARTICLE_BYTES;
use files::{display_path, load_one};
pub use media::ALLOWED as MEDIA_TYPES;
pub use tree::MediaFile;

/// What loading does with a file whose slug an earlier file already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlugClash {
    /// An error, and the file is left out: two pages cannot share an address.
    Refuse,
    /// A warning, and the file is kept.
    Keep,
}

/// Every article below a folder, and what is wrong with them.
#[derive(Debug, Default)]
pub struct Library {
    /// Sorted by title, the order the catalog lists them in.
    pub articles: Vec<Article>,
    /// The other files of the folder that `lantern build` publishes under
    /// `media/`, sorted (files refused are in `diagnostics` instead).
    pub media: Vec<MediaFile>,
    /// Problems found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Library {
    /// Whether any problem is an error (the site must not build).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Reads, parses and renders every `*.md` file below `dir`, recursively,
    /// and lists the media files beside them. Nothing outside `dir` is
    /// read: links that leave it are errors (`tree.rs`).
    pub fn load(dir: &Path) -> std::io::Result<Library> {
        Self::load_with(dir, true)
    }

    /// As [`Library::load`]; without `html` the articles' HTML is left
    /// empty (checking needs only their structure, and is much faster).
    pub fn load_with(dir: &Path, html: bool) -> std::io::Result<Library> {
        Self::load_files(dir, html, SlugClash::Refuse)
    }

    /// Every article that parses, for searching: without HTML, and keeping
    /// a file whose slug another file already uses (with a warning).
    /// Search results name articles by path, so a clash that must stop
    /// publishing (two pages at one address) must not hide an article from
    /// `lantern search`.
    pub fn load_for_search(dir: &Path) -> std::io::Result<Library> {
        Self::load_files(dir, false, SlugClash::Keep)
    }

    fn load_files(dir: &Path, html: bool, clash: SlugClash) -> std::io::Result<Library> {
        let found = tree::walk(dir)?;
        let jobs: Vec<(String, String, PathBuf)> = found
            .markdown
            .into_iter()
            .map(|(path, file)| (display_path(dir, &path), path, file))
            .collect();
        // Rendering and sanitising dominate; spread files over the cores.
        let outcomes: Vec<Outcome> = crate::parallel::on_all_cores(&jobs, |_, run| {
            run.iter()
                .map(|(display, path, file)| load_one(display, path, file, html))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        let mut library = Library {
            media: found.media,
            diagnostics: found.diagnostics,
            ..Library::default()
        };
        for outcome in outcomes {
            library.diagnostics.extend(outcome.diagnostics);
            library.articles.extend(outcome.article);
        }
        library.finish(clash);
        Ok(library)
    }

    /// Builds a library from in-memory files `(path, text)`; used by tests
    /// and tools that already hold the text.
    pub fn from_texts<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Library {
        let mut library = Library::default();
        for (path, text) in files {
            let outcome = parse_one(path, path, text, true);
            library.diagnostics.extend(outcome.diagnostics);
            library.articles.extend(outcome.article);
        }
        library.finish(SlugClash::Refuse);
        library
    }

    /// Deals with duplicate slugs as `clash` says and rejects colliding
    /// aliases (the later file loses), then sorts articles by title.
    fn finish(&mut self, clash: SlugClash) {
        let mut owners: HashMap<String, String> = HashMap::new();
        let mut kept = Vec::with_capacity(self.articles.len());
        for article in std::mem::take(&mut self.articles) {
            if let Some(owner) = owners.get(&article.slug) {
                let message = format!(
                    "duplicate slug `{}`: {owner} already uses it; rename one of the files",
                    article.slug
                );
                match clash {
                    SlugClash::Refuse => {
                        self.diagnostics
                            .push(Diagnostic::error(&article.path, 1, 1, message));
                        continue;
                    }
                    SlugClash::Keep => {
                        self.diagnostics.push(Diagnostic::warning(
                            &article.path,
                            1,
                            1,
                            format!("{message} before publishing"),
                        ));
                        kept.push(article);
                        continue;
                    }
                }
            }
            owners.insert(article.slug.clone(), article.path.clone());
            kept.push(article);
        }
        for article in &kept {
            for alias in &article.front.aliases {
                match owners.get(alias) {
                    Some(owner) if *owner != article.path => {
                        let line = article.field_line("aliases");
                        self.diagnostics.push(Diagnostic::error(&article.path, line, 1, format!("alias `{alias}` collides with {owner}, which already answers to that slug: remove it from one of the two")));
                    }
                    _ => {
                        owners.insert(alias.clone(), article.path.clone());
                    }
                }
            }
        }
        kept.sort_by(|a, b| {
            a.front
                .title
                .to_lowercase()
                .cmp(&b.front.title.to_lowercase())
                .then(a.slug.cmp(&b.slug))
        });
        self.articles = kept;
        self.diagnostics.sort_by(|a, b| {
            (a.path.as_str(), a.line, a.col).cmp(&(b.path.as_str(), b.line, b.col))
        });
    }
}
