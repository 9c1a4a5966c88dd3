//! The pieces the index's binary form is made of: LEB128 numbers, and the
//! ways reading them can fail.

/// Why the binary part of an index could not be read. Reading never
/// panics on damaged bytes: it stops with one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexError {
    /// The bytes stop in the middle of the index.
    EndsEarly,
    /// A number is longer than 32 bits.
    BadNumber,
    /// A term of the vocabulary is not UTF-8, or shares more with the term
    /// before it than that term has.
    BadVocabulary,
    /// A field length does not fit 16 bits.
    BadFieldLength,
    /// Document ids overflow.
    BadDocumentId,
    /// Bytes follow the end of the index.
    TrailingBytes,
    /// There are not as many postings lists as terms.
    PostingsDoNotMatchVocabulary,
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IndexError::EndsEarly => "the search index ends early",
            IndexError::BadNumber => "bad number in the search index",
            IndexError::BadVocabulary => "bad vocabulary",
            IndexError::BadFieldLength => "bad field length",
            IndexError::BadDocumentId => "bad document id in postings",
            IndexError::TrailingBytes => "the search index has trailing bytes",
            IndexError::PostingsDoNotMatchVocabulary => "postings do not match the vocabulary",
        })
    }
}

impl std::error::Error for IndexError {}

/// Appends `value` as LEB128: seven bits a byte, low bits first.
pub(super) fn put(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads the LEB128 number at `*at`, moving `at` past it.
pub(super) fn take(bytes: &[u8], at: &mut usize) -> Result<u32, IndexError> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or(IndexError::EndsEarly)?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Ok(value);
        }
    }
    Err(IndexError::BadNumber)
}

/// How many bytes `b` shares with `a` at its start, never splitting a
/// character of `b`: front coding stores the rest.
pub(super) fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    // Never split a character: the rest must be valid UTF-8 on its own.
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Reads one front-coded string at `*at`: the bytes it shares with
/// `previous`, then the rest.
pub(super) fn take_front_coded(
    bytes: &[u8],
    at: &mut usize,
    previous: Option<&String>,
) -> Result<String, IndexError> {
    let shared = take(bytes, at)? as usize;
    let rest = take(bytes, at)? as usize;
    let tail = bytes
        .get(*at..at.saturating_add(rest))
        .ok_or(IndexError::EndsEarly)?;
    *at += rest;
    let head = previous
        .map_or("", String::as_str)
        .get(..shared)
        .ok_or(IndexError::BadVocabulary)?;
    let tail = std::str::from_utf8(tail).map_err(|_| IndexError::BadVocabulary)?;
    let mut word = String::with_capacity(shared + rest);
    word.push_str(head);
    word.push_str(tail);
    Ok(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        let mut bytes = Vec::new();
        for n in [0, 1, 127, 128, 300_000, u32::MAX] {
            put(&mut bytes, n);
        }
        let mut at = 0;
        for n in [0, 1, 127, 128, 300_000, u32::MAX] {
            assert_eq!(take(&bytes, &mut at), Ok(n));
        }
        assert_eq!(take(&bytes, &mut at), Err(IndexError::EndsEarly));
        assert_eq!(take(&[0xff; 6], &mut 0), Err(IndexError::BadNumber));
    }
}
