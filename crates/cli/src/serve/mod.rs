//! `lantern serve`: the author's preview. Builds the site as `lantern build
//! --keep-going` does (same pipeline, into a folder of its own under the
//! system's temp folder, so the render cache makes each rebuild redo only
//! the articles that changed), serves it on 127.0.0.1, and rebuilds when
//! an article, a media file, the config or the app changes; the open pages
//! reload themselves. A broken article is left out and named, with its
//! `file:line:col`, in the terminal and in a banner on every page, until
//! it is fixed.
//!
//! By job: `http` serves the files, `reload` holds the current build and
//! what pages get injected (banner, reload script), `watch` reports
//! changes; this module starts them and runs the rebuild loop.

mod http;
mod reload;
mod watch;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use crate::build::{self, BuildArgs, Outcome};
use crate::error::Result;
use reload::Live;
use watch::Watch;

#[derive(clap::Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "articles")]
    pub articles: PathBuf,
    /// Site settings [default: ./lantern.toml, when there].
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The built app (trunk's output) to preview the articles in
    /// [default: the app built into lantern; in a development build,
    /// ./dist].
    #[arg(long)]
    pub app: Option<PathBuf>,
    /// The port to serve on, on 127.0.0.1 only; 0 picks a free one.
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Open the preview in the web browser.
    #[arg(long)]
    pub open: bool,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    if !args.articles.is_dir() {
        return Err(format!(
            "--articles {}: there is no such folder; run lantern serve where your articles/ folder is, or pass --articles DIR",
            args.articles.display()
        )
        .into());
    }
    // Bind before building: a port in use is reported at once.
    let listener = http::bind(args.port)?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    // Resolved once, so a missing app is one clear message before building.
    let app = crate::app_source::AppSource::resolve(args.app.as_deref())?;
    let build_args = build_args(args, &app);

    let started = Instant::now();
    let outcome = build::build(&build_args)?;
    summarize("built", started, &outcome);
    let live = Arc::new(Live::new(problems(&outcome)));

    let config = args
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from(crate::DEFAULT_CONFIG));
    let mut folders = vec![args.articles.as_path()];
    if let Some(dir) = app.dir().filter(|d| d.is_dir()) {
        // A `trunk build` of the app reloads the preview too.
        folders.push(dir);
    }
    let watch = Watch::start(&folders, &[&config])?;
    http::spawn(listener, build_args.out.clone(), live.clone())?;
    eprintln!(
        "serving {url} (watching {} and {}; Ctrl-C to stop)",
        args.articles.display(),
        config.display()
    );
    if args.open {
        if let Err(e) = opener::open_browser(&url) {
            eprintln!("lantern: cannot open a browser ({e}); open {url} in yours");
        }
    }
    loop {
        let changed = watch.next_change()?;
        rebuild(&build_args, &live, &changed);
    }
}

/// What `lantern build` would be asked, for the preview: every good
/// article published whatever the others' errors, into the preview's own
/// folder, with no base URL: links and the not-found page then take their
/// addresses from the address bar, whatever the port (and two previews of
/// one site write the same files).
fn build_args(args: &ServeArgs, app: &crate::app_source::AppSource) -> BuildArgs {
    BuildArgs {
        articles: args.articles.clone(),
        config: args.config.clone(),
        // The app `lantern build` resolves the same way: built in, or a
        // folder.
        app: app.dir().map(Path::to_path_buf),
        out: preview_dir(args),
        app_public_url: "/".to_string(),
        base_url: Some(String::new()),
        keep_going: true,
        // The folder is the preview's own; whatever is in it is ours.
        force: true,
        preview: true,
    }
}

/// `<temp>/lantern-serve-<hash>`, one per articles folder and config: the
/// next `lantern serve` of the same site starts from its render cache.
fn preview_dir(args: &ServeArgs) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for path in [Some(&args.articles), args.config.as_ref()]
        .into_iter()
        .flatten()
    {
        std::path::absolute(path)
            .unwrap_or_else(|_| path.clone())
            .hash(&mut hasher);
    }
    std::env::temp_dir().join(format!("lantern-serve-{:016x}", hasher.finish()))
}

/// Rebuilds after `changed` and, if the site or its problems changed,
/// makes the open pages reload. A build that fails outright (the config
/// broken, the articles folder gone) keeps the last good site served and
/// shows why in the banner.
fn rebuild(args: &BuildArgs, live: &Live, changed: &[PathBuf]) {
    let started = Instant::now();
    eprintln!("changed: {}", shown(changed));
    let (problems, wrote) = match build::build(args) {
        Ok(outcome) => {
            summarize("rebuilt", started, &outcome);
            let wrote = outcome
                .built
                .as_ref()
                .is_some_and(|b| b.changed + b.removed > 0);
            (problems(&outcome), wrote)
        }
        Err(e) => {
            let message = e.to_string();
            for line in message.lines() {
                eprintln!("lantern: {line}");
            }
            eprintln!(
                "rebuild failed in {} ms; still serving the last good build",
                started.elapsed().as_millis()
            );
            (message.lines().map(str::to_string).collect(), false)
        }
    };
    if wrote || problems != live.current().problems {
        live.publish(problems);
    }
}

/// `rebuilt in 84 ms: 32 articles, 1 error`.
fn summarize(what: &str, started: Instant, outcome: &Outcome) {
    let articles = outcome.built.as_ref().map_or(0, |b| b.articles);
    let warnings = outcome.diagnostics.len() - outcome.errors();
    let warnings = if warnings > 0 {
        format!(", {}", crate::counted(warnings, "warning"))
    } else {
        String::new()
    };
    eprintln!(
        "{what} in {} ms: {}, {}{warnings}",
        started.elapsed().as_millis(),
        crate::counted(articles, "article"),
        crate::counted(outcome.errors(), "error"),
    );
}

/// The errors, as the banner lists them (warnings stay in the terminal).
fn problems(outcome: &Outcome) -> Vec<String> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect()
}

/// The changed files, by name, a few at most.
fn shown(changed: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = changed
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    names.sort();
    names.dedup();
    let more = names.len().saturating_sub(SHOWN);
    names.truncate(SHOWN);
    let mut text = names.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}
