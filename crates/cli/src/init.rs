//! `lantern init [DIR]`: a new knowledge base a team can start from:
//! `lantern.toml` with comments, example articles, the GitHub Pages
//! workflow and a README (the files are in `crates/cli/templates/`).
//!
//! It writes into a new or empty folder only (a folder with nothing but
//! `.git`, a freshly cloned repository, counts as empty). `--force` adds
//! the files that are missing to any folder and still never replaces a
//! file that is there: an article a team wrote is never overwritten.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::error::Result;

#[derive(clap::Args)]
pub struct InitArgs {
    /// The folder to create the knowledge base in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Write into a folder that is not empty: add the missing files, keep
    /// every file that is already there.
    #[arg(long)]
    pub force: bool,
}

/// The GitHub Pages workflow, as `lantern init` writes it.
pub const WORKFLOW_PATH: &str = ".github/workflows/help-center.yml";

/// (path in the new folder, template). `{today}`, `{review_by}`,
/// `{version}` and `{repository}` are filled in.
const FILES: &[(&str, &str)] = &[
    ("lantern.toml", include_str!("../templates/lantern.toml")),
    (
        "articles/reset-a-forgotten-password.md",
        include_str!("../templates/articles/reset-a-forgotten-password.md"),
    ),
    (
        "articles/vpn-will-not-connect.md",
        include_str!("../templates/articles/vpn-will-not-connect.md"),
    ),
    (
        "articles/printer-shows-offline.md",
        include_str!("../templates/articles/printer-shows-offline.md"),
    ),
    (WORKFLOW_PATH, include_str!("../templates/help-center.yml")),
    ("README.md", include_str!("../templates/README.md")),
    (".gitignore", "# What `lantern build` writes.\n/site/\n"),
];

/// Where releases of lantern are downloaded from (the workflow's
/// `LANTERN_REPOSITORY`): `owner/name` of the Cargo.toml `repository`.
fn repository() -> &'static str {
    env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/')
}

pub fn run(args: &InitArgs) -> Result<ExitCode> {
    let dir = &args.dir;
    let existing = entries(dir)?;
    if !existing.is_empty() && !args.force {
        return Err(format!(
            "{} is not empty (it holds {}): run `lantern init` in a new or empty folder \
             (e.g. `lantern init help-center`), or pass --force to add the missing files \
             (no file that is there is replaced)",
            dir.display(),
            existing.join(", ")
        )
        .into());
    }
    let today = crate::today();
    let review_by = crate::new::days_after(
        &today,
        lantern_core::config::Authoring::default().review_period_days,
    )
    .ok_or("cannot compute the review date")?;
    let mut kept = Vec::new();
    for (relative, template) in FILES {
        let path = dir.join(relative);
        if path.exists() {
            kept.push(*relative);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, fill(template, &today, &review_by))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    for relative in &kept {
        eprintln!(
            "kept {} (it was already there)",
            dir.join(relative).display()
        );
    }
    eprintln!("{}", next_steps(dir));
    Ok(ExitCode::SUCCESS)
}

fn fill(template: &str, today: &str, review_by: &str) -> String {
    template
        .replace("{today}", today)
        .replace("{review_by}", review_by)
        .replace("{version}", env!("CARGO_PKG_VERSION"))
        .replace("{repository}", repository())
}

/// What is in `dir`, but `.git`; nothing when it does not exist yet.
fn entries(dir: &Path) -> Result<Vec<String>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", dir.display()).into()),
    };
    let mut names: Vec<String> = read
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".git")
        .collect();
    names.sort();
    Ok(names)
}

fn next_steps(dir: &Path) -> String {
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    format!(
        "created a knowledge base in {}: lantern.toml, articles/ (3 examples), {WORKFLOW_PATH}, README.md\n\
         next: {cd}lantern serve   (preview; edit the articles and lantern.toml, the page reloads)\n\
         \x20     lantern new \"Your first article\"   then   lantern build   (the site, in site/)",
        dir.display()
    )
}
