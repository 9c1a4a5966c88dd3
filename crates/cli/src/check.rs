//! `lantern check`: every problem of every article, for the author (text
//! on stderr) or for CI (`--format json` on stdout). Exit 1 when there is
//! an error; warnings alone pass.

use std::path::Path;
use std::process::ExitCode;

use lantern_core::diagnostic::Diagnostic;
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
    let summary = || {
        eprintln!(
            "checked {}: {}, {}",
            crate::counted(files, "article"),
            crate::counted(errors, "error"),
            crate::counted(warnings, "warning")
        );
    };
    match format {
        Format::Text => {
            crate::report(&library.diagnostics);
            summary();
        }
        Format::Github => {
            let mut out = Stdout::lock();
            for d in &library.diagnostics {
                out.line(annotation(d))?;
            }
            summary();
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

/// A GitHub Actions workflow command that shows `d` on its file and line.
/// The format: docs.github.com, "Workflow commands for GitHub Actions".
fn annotation(d: &Diagnostic) -> String {
    let data = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |text: &str| data(text).replace(':', "%3A").replace(',', "%2C");
    let level = if d.is_error() { "error" } else { "warning" };
    format!(
        "::{level} file={},line={},col={}::{}",
        property(&d.path),
        d.line,
        d.col,
        data(&d.message)
    )
}

/// Articles read, including those left out because of errors (a media
/// file refused is not an article).
fn count_files(library: &Library) -> usize {
    let mut failed: Vec<&str> = library
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path.ends_with(".md"))
        .filter(|d| !library.articles.iter().any(|a| a.path == d.path))
        .map(|d| d.path.as_str())
        .collect();
    failed.sort();
    failed.dedup();
    library.articles.len() + failed.len()
}

#[cfg(test)]
mod tests {
    use lantern_core::diagnostic::Diagnostic;

    #[test]
    fn annotations_escape_what_would_end_a_property_or_the_message() {
        let d = Diagnostic::warning("articles/a,b.md", 3, 1, "50% done\nnext: fix");
        assert_eq!(
            super::annotation(&d),
            "::warning file=articles/a%2Cb.md,line=3,col=1::50%25 done%0Anext: fix"
        );
    }
}
