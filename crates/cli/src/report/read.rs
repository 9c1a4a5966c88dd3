//! Reading JSON-lines files as a receiver appends them: one event (or one
//! ticket) per line, streamed, so a month of a million events is never all
//! in memory. A line that is not what it should be is counted with its
//! file and line and skipped: one bad write by a receiver must not cost
//! the month's report.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use indicatif::ProgressBar;

use super::model::Malformed;

/// The malformed lines listed by file and line; the rest are only counted.
const LISTED: usize = 20;

/// What reading found wrong, across files.
#[derive(Default)]
pub struct Problems {
    pub lines: u64,
    pub malformed_count: u64,
    pub malformed: Vec<Malformed>,
    /// Lines of another schema version that this lantern cannot read.
    pub unknown_version: u64,
}

/// Enough of any line to see which schema version wrote it.
#[derive(serde::Deserialize)]
struct Versioned {
    schema_version: u32,
}

impl Problems {
    /// Another file set's malformed lines, listed and counted with these
    /// (its lines are not this set's lines).
    pub fn take_malformed(&mut self, other: Problems) {
        self.malformed_count += other.malformed_count;
        self.unknown_version += other.unknown_version;
        for m in other.malformed {
            if self.malformed.len() < LISTED {
                self.malformed.push(m);
            }
        }
    }

    pub fn malformed(&mut self, file: &Path, line: u64, reason: String) {
        self.malformed_count += 1;
        if self.malformed.len() < LISTED {
            self.malformed.push(Malformed {
                file: file.display().to_string(),
                line,
                reason,
            });
        }
    }
}

/// Calls `each` with every parsed line of `files` in order; a line that
/// does not parse as `T` is recorded in `problems`: as of an unknown
/// version when it says a `schema_version` other than `version`, else as
/// malformed. Blank lines are skipped.
pub fn each_line<T: serde::de::DeserializeOwned>(
    files: &[std::path::PathBuf],
    version: u32,
    progress: &ProgressBar,
    problems: &mut Problems,
    mut each: impl FnMut(T),
) -> Result<(), String> {
    for path in files {
        let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut reader = BufReader::with_capacity(1 << 16, progress.wrap_read(file));
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            line.clear();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if read == 0 {
                break;
            }
            number += 1;
            let Ok(text) = std::str::from_utf8(&line) else {
                problems.lines += 1;
                problems.malformed(path, number, "not UTF-8 text".into());
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            problems.lines += 1;
            match serde_json::from_str::<T>(text) {
                Ok(value) => each(value),
                Err(e) => match serde_json::from_str::<Versioned>(text) {
                    Ok(v) if v.schema_version != version => problems.unknown_version += 1,
                    _ => problems.malformed(path, number, e.to_string()),
                },
            }
        }
    }
    Ok(())
}

/// The files' total size, for the progress bar.
pub fn total_bytes(files: &[std::path::PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}
