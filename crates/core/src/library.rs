//! Loading a folder of articles: every `*.md` below it is read, parsed and
//! rendered; a broken article becomes diagnostics and is left out, never
//! taking the rest down with it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::catalog::{ArticleMeta, Catalog, CATALOG_FORMAT};
use crate::config::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::front_matter::body_of;
use crate::front_matter::{parse_article, FrontMatter};
use crate::render::{
    blank_out, leading_h1, render_article_with, title_heading, without_title_heading, Rendered,
};
use crate::search::{IndexDoc, SearchIndex};

mod headings;
use headings::heading_problems;

/// Articles larger than this are refused: they are almost always a pasted
/// log or an export by mistake, and would bloat the index for every reader.
pub const MAX_ARTICLE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Article {
    /// Path as shown in diagnostics (the articles folder joined with the
    /// relative path).
    pub path: String,
    /// Path relative to the articles folder, with `/` separators.
    pub relative_path: String,
    pub slug: String,
    pub front: FrontMatter,
    pub body_line: usize,
    /// File line of each front matter field present.
    pub field_lines: std::collections::BTreeMap<String, usize>,
    /// The markdown body, for mapping offsets back to lines; a leading
    /// heading that repeats the title is blanked out (its lines kept).
    pub body: String,
    /// The id of that left-out title heading, still at the top of the
    /// body, so that links to it land.
    pub title_anchor: Option<String>,
    pub rendered: Rendered,
}

impl Article {
    /// The folder the article's file is in, relative to the articles folder.
    pub fn dir(&self) -> &str {
        self.relative_path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
    }

    pub fn field_line(&self, field: &str) -> usize {
        self.field_lines.get(field).copied().unwrap_or(1)
    }

    /// File line and column of a byte offset in the body.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        position_in(&self.body, self.body_line, offset)
    }
}

/// File line and column of a byte offset in a body that starts on file
/// line `body_line`.
pub(crate) fn position_in(body: &str, body_line: usize, offset: usize) -> (usize, usize) {
    let before = &body[..offset.min(body.len())];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (body_line + line, col)
}

/// What loading does with a file whose slug an earlier file already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlugClash {
    /// An error, and the file is left out: two pages cannot share an address.
    Refuse,
    /// A warning, and the file is kept.
    Keep,
}

#[derive(Debug, Default)]
pub struct Library {
    /// Sorted by title, the order the catalog lists them in.
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Library {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Reads, parses and renders every `*.md` file below `dir`, recursively.
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
        let mut files = Vec::new();
        collect_markdown(dir, &mut files)?;
        files.sort();
        let jobs: Vec<(String, String, PathBuf)> = files
            .into_iter()
            .map(|file| {
                let relative = file.strip_prefix(dir).unwrap_or(&file);
                let path = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                (display_path(dir, &path), path, file)
            })
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
        let mut library = Library::default();
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

    pub fn metadata(&self) -> Vec<ArticleMeta> {
        self.articles
            .iter()
            .map(|a| ArticleMeta {
                slug: a.slug.clone(),
                title: a.front.title.clone(),
                summary: a.front.summary.clone(),
                category: a.front.category.clone(),
                tags: a.front.tags.clone(),
                aliases: a.front.aliases.clone(),
                updated: a.front.updated.clone(),
                review_by: a.front.review_by.clone(),
            })
            .collect()
    }

    pub fn index_docs(&self) -> Vec<IndexDoc> {
        self.articles
            .iter()
            .map(|a| IndexDoc {
                title: a.front.title.clone(),
                keywords: a
                    .front
                    .tags
                    .iter()
                    .chain(&a.front.aliases)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" "),
                headings: a
                    .rendered
                    .headings
                    .iter()
                    .map(|h| h.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" \n"),
                summary: a.front.summary.clone(),
                body: a
                    .rendered
                    .sections
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" \n"),
            })
            .collect()
    }

    pub fn catalog(&self, config: &SiteConfig) -> Catalog {
        Catalog {
            format: CATALOG_FORMAT,
            site: config.site.clone(),
            categories: config.categories.clone(),
            articles: self.metadata(),
            index: {
                let mut index = SearchIndex::build(&self.index_docs());
                index.set_synonyms(crate::search::Synonyms::new(config.search.synonym_groups()));
                index
            },
            ticket: config.ticket.clone(),
        }
    }
}

struct Outcome {
    article: Option<Article>,
    diagnostics: Vec<Diagnostic>,
}

fn load_one(display: &str, path: &str, file: &Path, html: bool) -> Outcome {
    match read_text(file) {
        Ok(text) => parse_one(display, path, &text, html),
        Err((line, col, message)) => Outcome {
            article: None,
            diagnostics: vec![Diagnostic::error(display, line, col, message)],
        },
    }
}

fn parse_one(display: &str, path: &str, text: &str, html: bool) -> Outcome {
    let parsed = match parse_article(display, text) {
        Ok(parsed) => parsed,
        Err(mut errors) => {
            // The body's own problems, so that one run reports them all. A
            // leading `# …` is most likely the title: it is not judged here.
            if let Some((body, body_line)) = body_of(text) {
                let body = match leading_h1(&body) {
                    Some((range, _)) => blank_out(&body, range),
                    None => body,
                };
                let rendered = render_article_with(&body, "", false);
                errors.extend(heading_problems(display, &body, body_line, &rendered));
            }
            return Outcome {
                article: None,
                diagnostics: errors,
            };
        }
    };
    let file_name = path.rsplit('/').next().unwrap_or(path);
    let slug = crate::slug::slug_from_file_name(file_name);
    if slug.is_empty() {
        let error = Diagnostic::error(display, 1, 1, "the file name makes an empty slug: name it with letters or digits, like `printer-offline.md`");
        return Outcome {
            article: None,
            diagnostics: vec![error],
        };
    }
    let mut warnings = parsed.warnings;
    let mut body = parsed.body;
    let mut title_anchor = None;
    // The page shows the title: a `# Title` that opens the body would
    // repeat it (two `<h1>`s), so it is left out, and the author told.
    if let Some(range) = title_heading(&body, &parsed.front.title) {
        let line = parsed.body_line + body[..range.start].matches('\n').count();
        warnings.push(Diagnostic::warning(
            display,
            line,
            1,
            "this heading repeats the title: the page already shows the title; remove this line",
        ));
        if let Some((without, anchor)) = without_title_heading(&body, &parsed.front.title) {
            body = without;
            title_anchor = anchor;
        }
    }
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let rendered = render_article_with(&body, dir, html);
    warnings.extend(heading_problems(
        display,
        &body,
        parsed.body_line,
        &rendered,
    ));
    let article = Article {
        path: display.to_string(),
        relative_path: path.to_string(),
        slug,
        front: parsed.front,
        body_line: parsed.body_line,
        field_lines: parsed.field_lines,
        body,
        title_anchor,
        rendered,
    };
    Outcome {
        article: Some(article),
        diagnostics: warnings,
    }
}

fn display_path(dir: &Path, relative: &str) -> String {
    let dir = dir.to_string_lossy();
    let dir = dir.trim_end_matches('/');
    if dir.is_empty() || dir == "." {
        relative.to_string()
    } else {
        format!("{dir}/{relative}")
    }
}

fn collect_markdown(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                collect_markdown(&path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

/// The file's text, or where and why it cannot be read as an article.
fn read_text(path: &Path) -> Result<String, (usize, usize, String)> {
    let whole_file = |message: String| (1, 1, message);
    let size = std::fs::metadata(path)
        .map_err(|e| whole_file(format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(whole_file(format!(
            "the article is {:.1} MB, over the {} MB limit: split it, or move logs and exports out of articles/",
            size as f64 / 1_048_576.0,
            MAX_ARTICLE_BYTES / 1_048_576
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| whole_file(format!("cannot read the file: {e}")))?;
    if bytes.contains(&0) {
        return Err(whole_file(
            "this is a binary file, not markdown text".to_string(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (
            line,
            col,
            "the file is not UTF-8 text: save it as UTF-8 (this character is in another encoding)"
                .to_string(),
        )
    })
}
