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
            self.path,
            self.line.max(1),
            self.col.max(1),
            severity,
            self.message
        )
    }
}

/// File line and column of a byte offset in a body that starts on file
/// line `body_line`.
pub(crate) fn position_in(body: &str, body_line: usize, offset: usize) -> (usize, usize) {
    let before = &body[..offset.min(body.len())];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (body_line + line, col)
}
