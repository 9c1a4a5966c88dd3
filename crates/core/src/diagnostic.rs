//! Problems found in articles, reported like a compiler does:
//! `path:line:col: error: message`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported; the site still builds.
    Warning,
    /// The site does not build until it is fixed.
    Error,
}

/// A problem in an article (or the config), at a place in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, as the user named the folder (see `library`).
    pub path: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Diagnostic {
    /// An error at `path:line:col`.
    pub fn error(
        path: impl Into<String>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, path, line, col, message)
    }

    /// A warning at `path:line:col`.
    pub fn warning(
        path: impl Into<String>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, path, line, col, message)
    }

    /// A problem of any severity at `path:line:col`.
    pub fn new(
        severity: Severity,
        path: impl Into<String>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            line,
            col,
            severity,
            message: message.into(),
        }
    }

    /// Whether it stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            one_line(&self.path),
            self.line.max(1),
            self.col.max(1),
            severity,
            one_line(&self.message)
        )
    }
}

/// `text` with its control characters escaped (`\n`, `\u{1b}`), so that a
/// value quoted from an article (a front matter field, a file name) never
/// starts a line of its own: CI reads workflow commands such as
/// `::add-mask::` from every line a step prints, and a terminal obeys
/// escape sequences.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if unsafe_char(c) {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// File line and column of a byte offset in a body that starts on file
/// line `body_line`.
pub(crate) fn position_in(body: &str, body_line: usize, offset: usize) -> (usize, usize) {
    Positions::new(body, body_line).of(offset)
}

/// File lines and columns of many byte offsets in one body, asked in
/// increasing order: each is counted on from the one before, so all of an
/// article's diagnostics cost one pass over its body. Counting each from
/// the start made `lantern check` quadratic (issue 20: 70k links on one
/// 1 MB line took 23 s, 50k images on their own lines 57 s).
pub(crate) struct Positions<'a> {
    body: &'a str,
    body_line: usize,
    /// The last offset asked, and its line and column.
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> Positions<'a> {
    /// Positions in `body`, which starts on file line `body_line`.
    pub(crate) fn new(body: &'a str, body_line: usize) -> Self {
        Positions {
            body,
            body_line,
            at: 0,
            line: body_line,
            col: 1,
        }
    }

    /// File line and column of `offset` (a character boundary; past the
    /// end means the end). An offset before the last one asked starts
    /// the count again from the top.
    pub(crate) fn of(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.body.len());
        if offset < self.at {
            *self = Positions::new(self.body, self.body_line);
        }
        let gap = &self.body[self.at..offset];
        match gap.rfind('\n') {
            Some(last) => {
                self.line += gap.bytes().filter(|&b| b == b'\n').count();
                self.col = gap[last + 1..].chars().count() + 1;
            }
            None => self.col += gap.chars().count(),
        }
        self.at = offset;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_counted_on_agree_with_positions_counted_from_the_top() {
        let body = "one\ntwo é\n\nthree ü x\n";
        let offsets: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
        let mut positions = Positions::new(body, 5);
        for &offset in offsets.iter().chain([0, 8, body.len() + 3].iter()) {
            let before = &body[..offset.min(body.len())];
            let line = 5 + before.matches('\n').count();
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(positions.of(offset), (line, col), "offset {offset}");
        }
    }

    #[test]
    fn a_diagnostic_is_one_line_whatever_its_message_and_path_hold() {
        let d = Diagnostic::error(
            "a\nb.md",
            2,
            1,
            "unknown category `x\n::add-mask::y\r\u{1b}[2J`",
        );
        let shown = d.to_string();
        assert_eq!(shown.lines().count(), 1, "{shown}");
        assert_eq!(
            shown,
            "a\\nb.md:2:1: error: unknown category `x\\n::add-mask::y\\r\\u{1b}[2J`"
        );
    }
}
