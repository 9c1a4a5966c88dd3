//! `lantern build`: the whole static site in one folder.
//!
//! Layout of the output:
//! - the app as trunk built it (`index.html`, wasm, js, css)
//! - `data/catalog.json`: site, categories, article metadata, search index
//! - `data/articles/<slug>.html`: each article's sanitised body
//! - `a/<slug>/index.html`: a pre-rendered page per article (readable
//!   without JavaScript, with link-preview tags); the same for each alias
//! - `404.html`: for hosts that serve it on unknown paths

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lantern_core::config::SiteConfig;
use lantern_core::library::{Article, Library};
use lantern_core::render::escape_html;
use lantern_core::Catalog;

use crate::shell::AppShell;

pub struct BuildArgs {
    pub articles: PathBuf,
    pub config: PathBuf,
    pub app: PathBuf,
    pub out: PathBuf,
    pub app_public_url: String,
    pub keep_going: bool,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, String> {
    let config = SiteConfig::load(&args.config)?;
    let library = crate::load(&args.articles)?;
    crate::report(&library.diagnostics);
    let errors = library.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 && !args.keep_going {
        eprintln!("not building: {errors} errors (nothing was written to {})", args.out.display());
        return Ok(ExitCode::from(1));
    }
    let shell = AppShell::load(&args.app, &args.app_public_url)?;
    let catalog = library.catalog(&config);

    let in_place = same_dir(&args.app, &args.out);
    let target = if in_place { args.out.clone() } else { staging_dir(&args.out) };
    if !in_place {
        let _ = std::fs::remove_dir_all(&target);
        copy_dir(&args.app, &target).map_err(|e| format!("cannot copy the app to {}: {e}", target.display()))?;
    }
    write_site(&target, &shell, &library, &catalog, &config).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    if !in_place {
        replace_dir(&target, &args.out).map_err(|e| format!("cannot move the site into {}: {e}", args.out.display()))?;
    }
    eprintln!("built {} articles into {}", catalog.articles.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn write_site(out: &Path, shell: &AppShell, library: &Library, catalog: &Catalog, config: &SiteConfig) -> std::io::Result<()> {
    let data = out.join("data");
    let bodies = data.join("articles");
    let _ = std::fs::remove_dir_all(&bodies);
    std::fs::create_dir_all(&bodies)?;
    let json = serde_json::to_string(catalog).map_err(std::io::Error::other)?;
    std::fs::write(data.join("catalog.json"), json)?;

    let site = &config.site;
    let base_url = site.base_url.trim_end_matches('/');
    let _ = std::fs::remove_dir_all(out.join("a"));
    for article in &library.articles {
        std::fs::write(bodies.join(format!("{}.html", article.slug)), &article.rendered.html)?;
        let page = article_page(shell, article, catalog, &site.name, base_url);
        for slug in std::iter::once(&article.slug).chain(&article.front.aliases) {
            let dir = out.join("a").join(slug);
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("index.html"), &page)?;
        }
    }

    let name = escape_html(&site.name);
    let description = escape_html(&site.tagline);
    let home_head = format!(r#"<meta name="description" content="{description}"><meta property="og:title" content="{name}"><meta property="og:description" content="{description}"><meta property="og:type" content="website">"#);
    std::fs::write(out.join("index.html"), shell.page("./", &name, &home_head, ""))?;
    // Hosts serve 404.html at any depth, so its assets need absolute paths.
    let root_path = base_path(base_url);
    let not_found = shell.page(&root_path, &format!("Page not found · {name}"), r#"<meta name="robots" content="noindex">"#, "");
    std::fs::write(out.join("404.html"), not_found)
}

fn article_page(shell: &AppShell, article: &Article, catalog: &Catalog, site_name: &str, base_url: &str) -> String {
    let title = escape_html(&article.front.title);
    let summary = escape_html(&article.front.summary);
    let site = escape_html(site_name);
    let url = format!("{base_url}/a/{}/", article.slug);
    let canonical = if base_url.is_empty() { String::new() } else { format!(r#"<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">"#) };
    let head = format!(
        r#"<meta name="description" content="{summary}"><meta property="og:title" content="{title}"><meta property="og:description" content="{summary}"><meta property="og:type" content="article"><meta property="og:site_name" content="{site}"><meta name="twitter:card" content="summary">{canonical}"#
    );
    let category = catalog
        .category(&article.front.category)
        .map(|c| format!(r#" › <span>{}</span>"#, escape_html(&c.name)))
        .unwrap_or_default();
    let updated = article.front.updated.as_deref().map(|d| format!(r#"<p class="meta">Updated {}</p>"#, escape_html(d))).unwrap_or_default();
    let body = format!(
        r#"<article class="article prerendered"><nav class="breadcrumbs" aria-label="Breadcrumb"><a href="../../">{site}</a>{category}</nav><h1>{title}</h1><p class="summary">{summary}</p>{updated}<div class="article-body">{}</div></article>"#,
        article.rendered.html
    );
    shell.page("../../", &format!("{title} · {site}"), &head, &body)
}

/// The path part of the configured base URL (`https://x.org/help` is
/// `/help/`), or `/`.
fn base_path(base_url: &str) -> String {
    let path = base_url.split_once("://").map(|(_, rest)| rest.find('/').map(|i| &rest[i..]).unwrap_or("")).unwrap_or(base_url);
    let path = path.trim_matches('/');
    if path.is_empty() { "/".to_string() } else { format!("/{path}/") }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn staging_dir(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    out.with_file_name(format!(".{name}.lantern-tmp"))
}

/// Swaps the new site in, so a failed build never leaves a half-written one.
fn replace_dir(new: &Path, out: &Path) -> std::io::Result<()> {
    let old = out.with_file_name(format!(".{}.lantern-old", out.file_name().unwrap_or_default().to_string_lossy()));
    let _ = std::fs::remove_dir_all(&old);
    if out.exists() {
        std::fs::rename(out, &old)?;
    }
    std::fs::rename(new, out)?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn base_path_is_the_url_path() {
        assert_eq!(base_path("https://example.org/help/"), "/help/");
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path(""), "/");
        assert_eq!(base_path("/kb"), "/kb/");
    }
}
