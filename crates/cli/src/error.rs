//! How a command fails. Most failures are a message for the author
//! (stderr, exit 1); a closed stdout is not a failure at all: the reader
//! had what it wanted (`lantern search --batch … | head -1`), so the
//! command ends quietly with exit 0. `main` branches on the variant, never
//! on the text.

use std::io;

/// Why a command stopped before it finished.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem to tell the author; `main` prints each line after
    /// `lantern: `.
    #[error("{0}")]
    Message(String),
    /// Whoever read stdout closed it.
    #[error("stdout was closed")]
    StdoutClosed,
}

impl Error {
    /// A failed write to stdout: closed by the reader, or a real problem.
    pub fn from_stdout(error: &io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Self::StdoutClosed
        } else {
            Self::Message(format!("cannot write to stdout: {error}"))
        }
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Self::Message(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Self::Message(message.to_string())
    }
}

/// What every command returns: an exit code, or why it stopped.
pub type Result<T> = std::result::Result<T, Error>;
