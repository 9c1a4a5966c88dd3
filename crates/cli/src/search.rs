//! `lantern search`: how an author checks that an article is findable, and
//! a batch mode for relevance evaluations.
//!
//! Three ways to answer, all writing through [`Stdout`] so that a reader
//! that closes the pipe early (`| head -1`) ends each of them quietly:
//! ranked text for a person, `--json` for a script, and batch mode (no
//! query, stdin not a terminal) for an evaluation that drives the command.

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use lantern_core::search::highlight;
use lantern_core::{Catalog, SearchHit, SearchOptions};

use crate::error::{Error, Result};
use crate::output::Stdout;

/// At most this many results per query, in every mode.
const LIMIT: usize = 10;

pub fn run(articles: &Path, config: Option<&Path>, json: bool, query: &str) -> Result<ExitCode> {
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
    let mut out = Stdout::lock();
    if query.trim().is_empty() && !std::io::stdin().is_terminal() {
        batch(&catalog, &paths, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let options = SearchOptions {
        limit: LIMIT,
        prefix_last: false,
        correct_typos: true,
    };
    let hits = catalog.index.search(query, &options, |_| true);
    if json {
        print_json(&hits, &catalog, &paths, &mut out)?;
    } else {
        print_ranked(query, &hits, &catalog, &paths, &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One object per hit: path, title, score, and whether it holds only some
/// of the query's words (`partial`, see `SearchHit::partial`).
fn print_json(
    hits: &[SearchHit],
    catalog: &Catalog,
    paths: &[&str],
    out: &mut Stdout,
) -> Result<()> {
    let rows: Vec<_> = hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "path": paths[h.doc],
                "title": catalog.articles[h.doc].title,
                "score": h.score,
                "partial": h.partial,
            })
        })
        .collect();
    out.line(serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?)
}

/// Rank, title, score, path and the summary with matched words in `[ ]`.
fn print_ranked(
    query: &str,
    hits: &[SearchHit],
    catalog: &Catalog,
    paths: &[&str],
    out: &mut Stdout,
) -> Result<()> {
    if hits.is_empty() {
        out.line(format_args!("no articles match {query:?}"))?;
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
        out.line(format_args!(
            "{:>2}. {}  ({:.2})\n    {}\n    {}",
            rank + 1,
            article.title,
            hit.score,
            paths[hit.doc],
            summary
        ))?;
    }
    Ok(())
}

/// The longest query batch mode reads from one line: the rest of a longer
/// line is skipped as it streams past, never held. Reading whole lines
/// made a 50 MB line take 49 s and 2 GB (issue 20); no query is near this.
const MAX_LINE_BYTES: usize = 1024;

/// One query per input line, one JSON array of at most 10 paths per output
/// line, each flushed at once so a driving process can interleave.
fn batch(catalog: &Catalog, paths: &[&str], out: &mut Stdout) -> Result<()> {
    let options = SearchOptions {
        limit: LIMIT,
        prefix_last: true,
        correct_typos: true,
    };
    let mut input = std::io::stdin().lock();
    let mut bytes = Vec::new();
    while read_line(&mut input, &mut bytes)
        .map_err(|e| Error::Message(format!("cannot read stdin: {e}")))?
    {
        // A line that is not UTF-8 (or cut inside a character) is still
        // one query and one answer: the driving process counts lines.
        let line = String::from_utf8_lossy(&bytes);
        let query = line.trim_end_matches('\n').trim_end_matches('\r');
        let hits = catalog.index.search(query, &options, |_| true);
        let row: Vec<&str> = hits.iter().map(|h| paths[h.doc]).collect();
        out.line(serde_json::to_string(&row).map_err(|e| e.to_string())?)?;
    }
    Ok(())
}

/// Reads the next line into `line`, keeping at most [`MAX_LINE_BYTES`] of
/// it; `false` at the end of the input.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    line.clear();
    let mut read_any = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let end = buffer.iter().position(|&b| b == b'\n');
        let chunk = &buffer[..end.map_or(buffer.len(), |i| i + 1)];
        let room = MAX_LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        input.consume(used);
        if end.is_some() {
            return Ok(true);
        }
    }
}
