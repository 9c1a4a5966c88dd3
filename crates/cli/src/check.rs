//! `lantern check`: every problem of every article, for the author (text
//! on stderr) or for CI (`--format json` on stdout). Exit 1 when there is
//! an error; warnings alone pass.

use std::path::Path;
use std::process::ExitCode;

use lantern_core::library::Library;

use crate::error::Result;
use crate::output::Stdout;
use crate::Format;

pub fn run(articles: &Path, config: Option<&Path>, format: Format) -> Result<ExitCode> {
    let config = crate::site_config(config)?;
    let library = crate::load_checked(articles, &config, false)?;
    let errors = library.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = library.diagnostics.len() - errors;
    let files = count_files(&library);
    match format {
        Format::Text => {
            crate::report(&library.diagnostics);
            eprintln!(
                "checked {}: {}, {}",
                crate::counted(files, "article"),
                crate::counted(errors, "error"),
                crate::counted(warnings, "warning")
            );
        }
        Format::Json => {
            let summary = serde_json::json!({
                "articles": files,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": library.diagnostics,
            });
            Stdout::lock()
                .line(serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?)?;
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Articles read, including those left out because of errors.
fn count_files(library: &Library) -> usize {
    let mut failed: Vec<&str> = library
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && !library.articles.iter().any(|a| a.path == d.path))
        .map(|d| d.path.as_str())
        .collect();
    failed.sort();
    failed.dedup();
    library.articles.len() + failed.len()
}
