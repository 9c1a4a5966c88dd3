//! `lantern`: create, check, build and search a folder of markdown articles.
//! Exit codes: 0 ok, 1 problems found, 2 usage error (clap's own).

// Every stdout line goes through `output::Stdout`, so that a reader that
// closes the pipe early ends each command quietly.
#![warn(clippy::print_stdout)]

mod app_files;
mod app_source;
mod build;
mod check;
mod csp;
mod error;
mod init;
mod new;
mod offline;
mod out_dir;
mod output;
mod prerender;
mod privacy;
mod render_cache;
mod report;
mod search;
mod serve;
mod shell;
mod site_writer;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lantern_core::check::CheckContext;
use lantern_core::config::SiteConfig;
use lantern_core::diagnostic::Diagnostic;
use lantern_core::library::Library;

use crate::error::{Error, Result};

#[derive(Parser)]
#[command(
    name = "lantern",
    version = app_source::LONG_VERSION,
    about = "Create, check, build and search a Lantern knowledge base"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// How `lantern check` reports.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// `path:line:col: severity: message` lines and a summary, on stderr.
    Text,
    /// One JSON object on stdout: counts and every diagnostic.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`) on stdout,
    /// the summary on stderr: each problem shows on its file and line in
    /// a pull request.
    Github,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new knowledge base in DIR: lantern.toml, example articles,
    /// a GitHub Pages workflow and a README.
    Init(init::InitArgs),
    /// Create articles/<slug>.md from the template, with today's dates.
    New {
        /// The title, phrased as the user describes the problem.
        title: String,
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        /// Site settings [default: ./lantern.toml, when there].
        #[arg(long)]
        config: Option<PathBuf>,
        /// Category id from lantern.toml.
        #[arg(long)]
        category: Option<String>,
    },
    /// Validate every article; print problems as path:line:col: severity: message.
    Check {
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        /// Site settings [default: ./lantern.toml, when there].
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Write the static site: app, search index, article pages.
    Build(build::BuildArgs),
    /// Preview the site on 127.0.0.1 while you write: rebuilds on every
    /// change, reloads the page, shows problems in a banner.
    Serve(serve::ServeArgs),
    /// Rank articles for a query, to check that an article is findable.
    /// Without a query and with stdin not a terminal: one JSON line of
    /// article paths per query line read.
    Search {
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        /// Site settings whose `[search]` synonyms to apply [default:
        /// ./lantern.toml, when there; else only the common IT synonyms].
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        query: Vec<String>,
    },
    /// The month's service report from the events and tickets the site
    /// collected (docs/events.md): report.html, report.md, report.json, CSV.
    Report(report::ReportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::New {
            title,
            articles,
            config,
            category,
        } => new::run(&title, &articles, config.as_deref(), category.as_deref()),
        Command::Check {
            articles,
            config,
            format,
        } => check::run(&articles, config.as_deref(), format),
        Command::Init(args) => init::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Search {
            articles,
            config,
            json,
            query,
        } => search::run(&articles, config.as_deref(), json, &query.join(" ")),
    };
    match result {
        Ok(code) => code,
        Err(Error::StdoutClosed) => ExitCode::SUCCESS,
        Err(Error::Message(message)) => {
            // Messages quote config values: a bare `\r` in one must not
            // start a line CI would read as a workflow command.
            for line in message.lines() {
                eprintln!("lantern: {}", lantern_core::diagnostic::one_line(line));
            }
            ExitCode::from(1)
        }
    }
}

/// Today as `YYYY-MM-DD`; `LANTERN_TODAY` overrides it (for tests and for
/// checking what will be overdue on a given day).
pub(crate) fn today() -> String {
    if let Ok(day) = std::env::var("LANTERN_TODAY") {
        return day;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::now_utc()
        .date()
        .format(&format)
        .unwrap_or_default()
}

/// The config file every command reads when `--config` is not given.
pub(crate) const DEFAULT_CONFIG: &str = "lantern.toml";

/// The site settings: the file given with `--config`, which must exist;
/// without the flag `./lantern.toml`, or the defaults when there is none.
pub(crate) fn site_config(explicit: Option<&Path>) -> Result<SiteConfig> {
    match explicit {
        Some(path) => SiteConfig::read(path)?.ok_or_else(|| {
            Error::Message(format!(
                "--config {}: there is no such file; check the path, or leave out --config to use ./{DEFAULT_CONFIG}",
                path.display()
            ))
        }),
        None => Ok(SiteConfig::load(Path::new(DEFAULT_CONFIG))?),
    }
}

/// Loads and checks every article; diagnostics are in the library.
pub(crate) fn load_checked(articles: &Path, config: &SiteConfig, html: bool) -> Result<Library> {
    let mut library = Library::load_with(articles, html)
        .map_err(|e| format!("cannot read {}: {e}", articles.display()))?;
    let today = today();
    library.check(&CheckContext {
        articles_dir: Some(articles),
        categories: config.category_ids(),
        today: &today,
        broken_links: config.check.broken_links,
    });
    Ok(library)
}

/// Prints diagnostics on stderr, one `path:line:col: severity: message` each.
pub(crate) fn report(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

/// `1 article`, `2 articles`.
pub(crate) fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
