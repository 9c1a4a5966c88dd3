//! `lantern build`: the whole static site in one folder.
//!
//! Layout of the output:
//! - the app as trunk built it (`index.html`, wasm, js, css)
//! - `data/catalog.bin`: site, categories, article metadata, search index
//!   (gzip-compressed)
//! - `data/articles/<slug>.html`: each article's sanitised body
//! - `a/<slug>/index.html`: a pre-rendered page per article (readable
//!   without JavaScript, with link-preview tags); the same for each alias
//! - `ticket/index.html`: the "contact support" form, a real file so that a
//!   reload mid-send works on any static host, and one that loads the app's
//!   ticket bundle (`shell.rs`)
//! - `privacy/index.html`: what the site sends about a visit (`privacy.rs`)
//! - `404.html`: for hosts that serve it on unknown paths

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use lantern_core::config::SiteConfig;
use lantern_core::library::Library;
use lantern_core::render::escape_html;
use lantern_core::Catalog;

use crate::app_source::AppSource;
use crate::error::Result;
use crate::out_dir::{self, Guarded, Plan};
use crate::prerender;
use crate::shell::AppShell;
use crate::site_writer::SiteWriter;

#[derive(clap::Args)]
pub struct BuildArgs {
    #[arg(long, default_value = "articles")]
    pub articles: PathBuf,
    /// Site settings (name, base URL, categories) [default: ./lantern.toml,
    /// when there].
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// A built app (trunk's output) to publish instead of the one built
    /// into lantern [default: the app built in; in a development build,
    /// ./dist].
    #[arg(long)]
    pub app: Option<PathBuf>,
    /// Where the site goes; may be the same folder as --app.
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// The URL path the --app folder's assets were built for (trunk's
    /// public_url; the app built in knows its own).
    #[arg(long, default_value = "/")]
    pub app_public_url: String,
    /// Where the site will be published, overriding lantern.toml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Publish the good articles even when others have errors (live preview).
    #[arg(long)]
    pub keep_going: bool,
    /// Write into an --out folder that holds files lantern build did not
    /// write: files with the site's names are replaced, the rest are kept.
    #[arg(long)]
    pub force: bool,
    /// A preview for a development server (`lantern serve`, `trunk
    /// serve`): no offline worker, so a preview never lingers in a browser.
    #[arg(long, hide = true)]
    pub preview: bool,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let outcome = build(args)?;
    let Some(built) = outcome.built else {
        eprintln!(
            "not building: {} errors (nothing was written to {})",
            outcome.errors(),
            args.out.display()
        );
        return Ok(ExitCode::from(1));
    };
    let t = &built.timings;
    eprintln!(
        "built {} into {} in {:.2} s (read {:.2} s, render {:.2} s, index {:.2} s, write {:.2} s; {} files written, {} removed)",
        crate::counted(built.articles, "article"),
        args.out.display(),
        t.total.as_secs_f64(),
        t.loaded.as_secs_f64(),
        (t.rendered - t.loaded).as_secs_f64(),
        (t.indexed - t.rendered).as_secs_f64(),
        (t.total - t.indexed).as_secs_f64(),
        built.changed,
        built.removed,
    );
    Ok(ExitCode::SUCCESS)
}

/// What one build found and did; `lantern build` and `lantern serve`
/// report it each their own way.
pub struct Outcome {
    /// Every problem found (already printed on stderr).
    pub diagnostics: Vec<lantern_core::diagnostic::Diagnostic>,
    /// What was written; `None` when errors stopped the build (no
    /// `--keep-going`).
    pub built: Option<Built>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

pub struct Built {
    /// Articles published.
    pub articles: usize,
    /// Files written because their content changed, and files removed.
    pub changed: usize,
    pub removed: usize,
    pub timings: Timings,
}

/// Time since the start of the build at the end of each step.
pub struct Timings {
    pub loaded: Duration,
    pub rendered: Duration,
    pub indexed: Duration,
    pub total: Duration,
}

/// Checks the articles (printing the problems on stderr) and, unless
/// errors stop it, writes the site into `args.out`.
pub fn build(args: &BuildArgs) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let mut config = crate::site_config(args.config.as_deref())?;
    if let Some(base_url) = &args.base_url {
        lantern_core::config::base_url_problem(base_url)
            .map_err(|e| format!("--base-url: {}", e.replace("site.base_url", "the address")))?;
        config.site.base_url = base_url.clone();
    }
    let app = AppSource::resolve(args.app.as_deref())?;
    let guarded = Guarded {
        articles: &args.articles,
        config: args.config.as_deref().unwrap_or(Path::new("lantern.toml")),
        app: app.dir(),
    };
    let plan = out_dir::plan(&args.out, &guarded, args.force)?;
    // Structure first (fast); HTML only for articles that changed.
    let mut library = crate::load_checked(&args.articles, &config, false)?;
    let loaded = started.elapsed();
    crate::report(&library.diagnostics);
    if library.has_errors() && !args.keep_going {
        return Ok(Outcome {
            diagnostics: library.diagnostics,
            built: None,
        });
    }
    let mut shell = AppShell::load(
        &app,
        app.public_url(&args.app_public_url),
        crate::csp::Csp::for_site(&config),
    )?;
    shell.offline = !args.preview && config.offline.enabled;
    let render_cache = crate::render_cache::fill_html(&mut library.articles, &args.out);
    let rendered = started.elapsed();
    let catalog = library.catalog(&config);
    let indexed = started.elapsed();

    // A previous build is updated in place, file by file; a new folder gets
    // a site built aside and moved in whole, so a failure never leaves a
    // half-written site (out_dir.rs says which is which).
    let in_place = plan == Plan::UpdateInPlace;
    let target = if in_place {
        args.out.clone()
    } else {
        out_dir::staging_dir(&args.out)
    };
    if !in_place {
        let _ = std::fs::remove_dir_all(&target);
    }
    let result = write_all(
        args.preview,
        &app,
        &target,
        &shell,
        &library,
        &catalog,
        &config,
        &render_cache,
    );
    let (changed, removed) = match result {
        Ok(counts) => counts,
        Err(e) => {
            if !in_place {
                let _ = std::fs::remove_dir_all(&target);
            }
            return Err(e);
        }
    };
    if !in_place {
        out_dir::move_in(&target, &args.out, &plan)
            .map_err(|e| format!("cannot move the site into {}: {e}", args.out.display()))?;
    }
    Ok(Outcome {
        diagnostics: library.diagnostics,
        built: Some(Built {
            articles: catalog.articles.len(),
            changed,
            removed,
            timings: Timings {
                loaded,
                rendered,
                indexed,
                total: started.elapsed(),
            },
        }),
    })
}

/// Writes every file of the site into `target`; the number of files
/// written and removed.
#[allow(clippy::too_many_arguments)] // each is one part of the site
fn write_all(
    preview: bool,
    app: &AppSource,
    target: &Path,
    shell: &AppShell,
    library: &Library,
    catalog: &Catalog,
    config: &SiteConfig,
    render_cache: &std::collections::BTreeMap<String, String>,
) -> Result<(usize, usize)> {
    let hashing = !preview && config.offline.enabled; // for the worker's list
    let mut writer = SiteWriter::new(target, hashing)
        .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    // The app folder may itself be a built site: its pages and data are
    // regenerated here, never copied (AppSource lists the app's own files).
    let in_place = app.dir().is_some_and(|dir| same_dir(dir, target));
    let app_files = app.copy_into(&mut writer, in_place)?;
    let write = |writer: &mut SiteWriter| -> std::io::Result<()> {
        // Only what the walk of the articles folder allowed: files inside
        // it, of the media types (core `library/media.rs`).
        for media in &library.media {
            let bytes = std::fs::read(&media.source)?;
            writer.write(&format!("media/{}", media.relative), &bytes)?;
        }
        let cache = serde_json::to_string(render_cache).map_err(std::io::Error::other)?;
        writer.write(crate::render_cache::CACHE_FILE, cache.as_bytes())?;
        let mut core = write_site(writer, shell, library, catalog, config)?;
        if preview {
            return Ok(());
        }
        core.extend(app_files.iter().map(|f| (f.clone(), f.clone())));
        crate::offline::write(writer, &config.offline, &config.site.name, &core, library)
    };
    write(&mut writer).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let changed = writer.changed;
    let removed = writer
        .finish()
        .map_err(|e| format!("cannot finish {}: {e}", target.display()))?;
    Ok((changed, removed))
}

fn write_site(
    writer: &mut SiteWriter,
    shell: &AppShell,
    library: &Library,
    catalog: &Catalog,
    config: &SiteConfig,
) -> std::io::Result<Vec<(String, String)>> {
    // What the offline worker installs as one unit, besides the app: each
    // file, and the address it is fetched at.
    let mut core = Vec::new();
    let mut keep = |writer: &mut SiteWriter, relative: &str, at: &str, bytes: Vec<u8>| {
        core.push((relative.to_string(), at.to_string()));
        writer.write(relative, &bytes)
    };
    keep(
        writer,
        "data/catalog.bin",
        "data/catalog.bin",
        gzip(&catalog.to_bytes())?,
    )?;

    let site = &config.site;
    let base_url = site.base_url.trim_end_matches('/');
    for article in &library.articles {
        writer.write(
            &format!("data/articles/{}.html", article.slug),
            crate::csp::body_file(article).as_bytes(),
        )?;
        let page = prerender::article_page(shell, article, catalog, base_url);
        for slug in std::iter::once(&article.slug).chain(&article.front.aliases) {
            writer.write(&format!("a/{slug}/index.html"), page.as_bytes())?;
        }
    }

    let name = escape_html(&site.name);
    let description = escape_html(&site.tagline);
    let home_head = format!(
        r#"<meta name="description" content="{description}"><meta property="og:title" content="{name}"><meta property="og:description" content="{description}"><meta property="og:type" content="website">"#
    );
    let home = shell.page("./", &name, &home_head, &prerender::home_body(catalog));
    keep(writer, "index.html", "", home.into_bytes())?;
    let ticket = shell.ticket_page(
        "../",
        &format!("Contact support · {name}"),
        r#"<meta name="robots" content="noindex">"#,
        &prerender::ticket_body(catalog),
    );
    keep(writer, "ticket/index.html", "ticket/", ticket.into_bytes())?;
    let privacy = crate::privacy::page(shell, config).into_bytes();
    keep(writer, crate::privacy::PAGE, crate::privacy::AT, privacy)?;
    if shell.offline {
        // Any article address, offline: the app finds the article in the
        // index and its body in the worker's cache.
        let page = shell.page(
            crate::offline::SCOPE_TOKEN,
            &name,
            r#"<meta name="robots" content="noindex">"#,
            "",
        );
        let at = crate::offline::ARTICLE_PAGE;
        keep(writer, at, at, page.into_bytes())?;
    }
    // Hosts serve 404.html at any depth, so its assets need absolute paths.
    let root_path = base_path(base_url);
    let not_found = shell.page(
        &root_path,
        &format!("Page not found · {name}"),
        r#"<meta name="robots" content="noindex">"#,
        "",
    );
    writer.write("404.html", not_found.as_bytes())?;
    Ok(core)
}

/// The path part of the configured base URL (`https://x.org/help` is
/// `/help/`), or `/`.
fn base_path(base_url: &str) -> String {
    let path = base_url
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map(|i| &rest[i..]).unwrap_or(""))
        .unwrap_or(base_url);
    let path = path.trim_matches('/');
    if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The catalog is stored compressed: static hosts compress text, not
/// binary files, so uncompressed it would cross the network at more than
/// twice the size. The page unpacks it while it downloads (`index.html`).
fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    encoder.finish()
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
