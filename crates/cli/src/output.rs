//! Every line the CLI prints on stdout goes through [`Stdout`], so that a
//! reader who stops early ends every command the same way: quietly
//! ([`Error::StdoutClosed`]), not with a panic (`println!`) or exit 1.

use std::fmt::Display;
use std::io::Write;

use crate::error::{Error, Result};

/// Standard output, locked for the life of the command.
pub struct Stdout(std::io::StdoutLock<'static>);

impl Stdout {
    pub fn lock() -> Self {
        Self(std::io::stdout().lock())
    }

    /// Writes `text` and a newline, flushed at once so that a process
    /// driving the command sees each answer as soon as it is written.
    pub fn line(&mut self, text: impl Display) -> Result<()> {
        writeln!(self.0, "{text}")
            .and_then(|()| self.0.flush())
            .map_err(|e| Error::from_stdout(&e))
    }
}
