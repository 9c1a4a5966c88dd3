//! `lantern`: check, build and search a folder of markdown articles.
//! Exit codes: 0 ok, 1 problems found, 2 usage error (clap's own).

mod build;
mod shell;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lantern_core::config::SiteConfig;
use lantern_core::diagnostic::Diagnostic;
use lantern_core::library::Library;

#[derive(Parser)]
#[command(name = "lantern", version, about = "Check, build and search a Lantern knowledge base")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every article and report problems as path:line:col.
    Check {
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
    },
    /// Write the static site: app, search index, article pages.
    Build {
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        /// Site settings (name, base URL, categories).
        #[arg(long, default_value = "lantern.toml")]
        config: PathBuf,
        /// The built app (trunk's output) to publish with the articles.
        #[arg(long, default_value = "dist")]
        app: PathBuf,
        /// Where the site goes; may be the same folder as --app.
        #[arg(long, default_value = "site")]
        out: PathBuf,
        /// The URL path the app's own assets were built for (trunk's public_url).
        #[arg(long, default_value = "/")]
        app_public_url: String,
        /// Publish the good articles even when others have errors (live preview).
        #[arg(long)]
        keep_going: bool,
    },
    /// Rank articles for a query, to check that an article is findable.
    Search {
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        #[arg(long)]
        json: bool,
        query: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { articles } => check(&articles),
        Command::Build { articles, config, app, out, app_public_url, keep_going } => {
            build::run(&build::BuildArgs { articles, config, app, out, app_public_url, keep_going })
        }
        Command::Search { articles, json, query } => search(&articles, json, &query.join(" ")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lantern: {message}");
            ExitCode::from(1)
        }
    }
}

pub(crate) fn load(articles: &std::path::Path) -> Result<Library, String> {
    Library::load(articles).map_err(|e| format!("cannot read {}: {e}", articles.display()))
}

pub(crate) fn report(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

fn check(articles: &std::path::Path) -> Result<ExitCode, String> {
    let library = load(articles)?;
    report(&library.diagnostics);
    let errors = library.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = library.diagnostics.len() - errors;
    eprintln!("checked {} articles: {errors} errors, {warnings} warnings", library.articles.len() + count_failed(&library));
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn count_failed(library: &Library) -> usize {
    let mut paths: Vec<&str> = library.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.path.as_str()).collect();
    paths.sort();
    paths.dedup();
    paths.iter().filter(|p| !library.articles.iter().any(|a| a.path == **p)).count()
}

fn search(articles: &std::path::Path, json: bool, query: &str) -> Result<ExitCode, String> {
    let library = load(articles)?;
    report(&library.diagnostics);
    let catalog = library.catalog(&SiteConfig::default());
    let hits = catalog.index.search(query, &lantern_core::SearchOptions::default(), |_| true);
    if json {
        let rows: Vec<_> = hits
            .iter()
            .map(|h| serde_json::json!({ "path": library.articles[h.doc].path, "title": catalog.articles[h.doc].title, "score": h.score }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
    } else {
        for (rank, hit) in hits.iter().enumerate() {
            let article = &catalog.articles[hit.doc];
            println!("{:>2}. {}  ({:.2})\n    {}", rank + 1, article.title, hit.score, library.articles[hit.doc].path);
        }
        if hits.is_empty() {
            println!("no articles match {query:?}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
