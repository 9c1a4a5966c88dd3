//! `lantern report`: a month of events (docs/events.md) and tickets, as a
//! support manager reads them: report.html (one self-contained page),
//! report.md (for a mail or a wiki), report.json and CSV files (for a
//! spreadsheet). Events are streamed: the month is tallied as the files
//! are read (tally.rs), then attributed and ranked (assemble.rs).

mod articles;
mod assemble;
mod chart;
mod format;
mod html;
mod markdown;
mod model;
mod month;
mod read;
mod sheets;
mod tally;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use lantern_core::ticket::CategoryRef;

use crate::error::Result;
use assemble::Names;
use model::{Quality, Report};
use month::Month;
use read::Problems;
use tally::Tally;

#[derive(clap::Args)]
pub struct ReportArgs {
    /// The month's events, as JSON lines (the receiver's files).
    #[arg(long, num_args = 1.., required = true)]
    pub events: Vec<PathBuf>,
    /// Tickets as the webhook received them, as JSON lines: their
    /// category names, and a count to check the events against.
    #[arg(long, num_args = 1..)]
    pub tickets: Vec<PathBuf>,
    /// The month before's events, for the changes since.
    #[arg(long, num_args = 1..)]
    pub previous: Vec<PathBuf>,
    /// The month to report, YYYY-MM (UTC).
    #[arg(long)]
    pub month: String,
    #[arg(long, default_value = "articles")]
    pub articles: PathBuf,
    /// Site settings: the site's name and category names [default:
    /// ./lantern.toml, when there].
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The folder to write report.html, report.md, report.json and the CSV files into.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
}

pub fn run(args: &ReportArgs) -> Result<ExitCode> {
    let month = Month::parse(&args.month)?;
    let config = crate::site_config(args.config.as_deref())?;
    let library = lantern_core::library::Library::load_for_search(&args.articles)
        .map_err(|e| format!("cannot read {}: {e}", args.articles.display()))?;
    let all: Vec<PathBuf> = [&args.events, &args.previous, &args.tickets]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let progress = progress_bar(read::total_bytes(&all));
    let mut problems = Problems::default();
    let this = tally(&args.events, month, &progress, &mut problems)?;
    let previous = if args.previous.is_empty() {
        None
    } else {
        Some(tally(
            &args.previous,
            month.previous(),
            &progress,
            &mut Problems::default(),
        )?)
    };
    let mut ticket_categories = HashMap::new();
    let mut tickets_read = 0;
    let mut ticket_problems = Problems::default();
    read::each_line(
        &args.tickets,
        lantern_core::ticket::SCHEMA_VERSION,
        &progress,
        &mut ticket_problems,
        |t: TicketLine| {
            if month.day_of(&t.created_at).is_some() {
                tickets_read += 1;
            }
            if let Some(c) = t.category {
                ticket_categories.insert(c.id, c.name);
            }
        },
    )?;
    progress.finish_and_clear();
    problems.take_malformed(ticket_problems);
    let mut categories = ticket_categories;
    categories.extend(
        config
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone())),
    );
    let names = Names {
        titles: library
            .articles
            .iter()
            .map(|a| (a.slug.as_str(), a.front.title.as_str()))
            .collect(),
        categories,
    };
    let report = Report {
        month: month.id(),
        site: config.site.name.clone(),
        headline: assemble::headline(&this, previous.as_ref()),
        deflection: assemble::deflection(&this),
        success: assemble::success(&this),
        daily: assemble::daily(&this, month),
        gaps: assemble::gaps(&this, &names),
        articles: articles::need_work(&this, previous.as_ref(), &names),
        health: articles::health(&this, &library, month, &names),
        quality: quality(&this, problems, tickets_read),
    };
    write(&args.out, &report)?;
    eprintln!(
        "report for {}: {} events of {} lines ({} duplicates, {} malformed) into {}",
        report.month,
        report.quality.events,
        report.quality.lines,
        report.quality.duplicates,
        report.quality.malformed_count,
        args.out.join("report.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The parts of a ticket the report reads (never who sent it or what
/// they wrote).
#[derive(serde::Deserialize)]
struct TicketLine {
    created_at: String,
    #[serde(default)]
    category: Option<CategoryRef>,
}

fn tally(
    files: &[PathBuf],
    month: Month,
    progress: &ProgressBar,
    problems: &mut Problems,
) -> Result<Tally> {
    let mut tally = Tally::new(month);
    read::each_line(
        files,
        lantern_core::events::SCHEMA_VERSION,
        progress,
        problems,
        |event| tally.add(month, event),
    )?;
    tally.finish();
    Ok(tally)
}

fn quality(this: &Tally, problems: Problems, tickets_read: u64) -> Quality {
    Quality {
        lines: problems.lines,
        events: this.events,
        duplicates: this.duplicates,
        outside_month: this.outside_month,
        unknown_version: this.unknown_version + problems.unknown_version,
        malformed_count: problems.malformed_count,
        malformed: problems.malformed,
        tickets_read,
    }
}

/// Bytes read, on a terminal only (a script's stderr stays clean).
fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "reading events {bar:40} {binary_bytes}/{binary_total_bytes} {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn write(out: &Path, report: &Report) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let json = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    let mut files = vec![
        ("report.json".to_string(), json + "\n"),
        ("report.md".to_string(), markdown::render(report)),
        ("report.html".to_string(), html::render(report)),
    ];
    files.extend(sheets::render(report)?);
    for (name, text) in files {
        let path = out.join(&name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
