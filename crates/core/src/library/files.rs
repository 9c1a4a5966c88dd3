//! Finding and reading the article files below a folder.

use std::path::Path;

use crate::diagnostic::Diagnostic;

use super::article::{parse_one, Outcome};

/// Articles larger than this are refused: they are almost always a pasted
/// log or an export by mistake, and would bloat the index for every reader.
pub const MAX_ARTICLE_BYTES: u64 = 1024 * 1024;

/// Reads one file and parses it (see `parse_one`).
pub(super) fn load_one(display: &str, path: &str, file: &Path, html: bool) -> Outcome {
    match read_text(file) {
        Ok(text) => parse_one(display, path, &text, html),
        Err((line, col, message)) => Outcome {
            article: None,
            diagnostics: vec![Diagnostic::error(display, line, col, message)],
        },
    }
}

/// The path diagnostics show: the articles folder joined with `relative`.
pub(super) fn display_path(dir: &Path, relative: &str) -> String {
    let dir = dir.to_string_lossy();
    let dir = dir.trim_end_matches('/');
    if dir.is_empty() || dir == "." {
        relative.to_string()
    } else {
        format!("{dir}/{relative}")
    }
}

/// The file's text, or where and why it cannot be read as an article.
fn read_text(path: &Path) -> Result<String, (usize, usize, String)> {
    let whole_file = |message: String| (1, 1, message);
    let size = std::fs::metadata(path)
        .map_err(|e| whole_file(format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(whole_file(format!(
            "the article is {:.1} MB, over the {} MB limit: split it, or move logs and exports out of articles/",
            size as f64 / 1_048_576.0,
            MAX_ARTICLE_BYTES / 1_048_576
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| whole_file(format!("cannot read the file: {e}")))?;
    if bytes.contains(&0) {
        return Err(whole_file(
            "this is a binary file, not markdown text".to_string(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (
            line,
            col,
            "the file is not UTF-8 text: save it as UTF-8 (this character is in another encoding)"
                .to_string(),
        )
    })
}
