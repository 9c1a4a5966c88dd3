//! `lantern search`: how an author checks that an article is findable, and
//! a batch mode for relevance evaluations.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use lantern_core::search::highlight;
use lantern_core::{Catalog, SearchOptions};

pub fn run(
    articles: &Path,
    config: Option<&Path>,
    json: bool,
    query: &str,
) -> Result<ExitCode, String> {
    let config = crate::site_config(config)?;
    let library = lantern_core::library::Library::load_for_search(articles)
        .map_err(|e| format!("cannot read {}: {e}", articles.display()))?;
    // Broken articles are skipped, never fatal: say which on stderr. (Two
    // files with one slug are both searched: `lantern check` reports that.)
    for d in library.diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("warning: skipped: {d}");
    }
    let catalog = library.catalog(&config);
    let paths: Vec<&str> = library
        .articles
        .iter()
        .map(|a| a.relative_path.as_str())
        .collect();
    if query.trim().is_empty() && !std::io::stdin().is_terminal() {
        return batch(&catalog, &paths);
    }
    let options = SearchOptions {
        limit: 10,
        prefix_last: false,
    };
    let hits = catalog.index.search(query, &options, |_| true);
    if json {
        let rows: Vec<_> = hits
            .iter()
            .map(|h| serde_json::json!({ "path": paths[h.doc], "title": catalog.articles[h.doc].title, "score": h.score }))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    if hits.is_empty() {
        let _ = writeln!(out, "no articles match {query:?}");
    }
    for (rank, hit) in hits.iter().enumerate() {
        let article = &catalog.articles[hit.doc];
        let summary: String = highlight(&article.summary, &hit.matched_terms)
            .into_iter()
            .map(|s| {
                if s.matched {
                    format!("[{}]", s.text)
                } else {
                    s.text
                }
            })
            .collect();
        // A closed pipe (`| head`) just ends the listing.
        if writeln!(
            out,
            "{:>2}. {}  ({:.2})\n    {}\n    {}",
            rank + 1,
            article.title,
            hit.score,
            paths[hit.doc],
            summary
        )
        .is_err()
        {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One query per input line, one JSON array of at most 10 paths per output
/// line, flushed at once so a driving process can interleave.
fn batch(catalog: &Catalog, paths: &[&str]) -> Result<ExitCode, String> {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let options = SearchOptions {
        limit: 10,
        prefix_last: true,
    };
    let mut input = stdin.lock();
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        if input
            .read_until(b'\n', &mut bytes)
            .map_err(|e| e.to_string())?
            == 0
        {
            break;
        }
        // A line that is not UTF-8 is still one query and one answer: the
        // driving process counts lines.
        let line = String::from_utf8_lossy(&bytes);
        let query = line.trim_end_matches('\n').trim_end_matches('\r');
        let hits = catalog.index.search(query, &options, |_| true);
        let row: Vec<&str> = hits.iter().map(|h| paths[h.doc]).collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string(&row).map_err(|e| e.to_string())?
        )
        .map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}
