//! The search index inside the catalog file (see `Catalog::to_bytes`),
//! read without parsing: as a base64 string inside a JSON catalog the
//! same data cost a scan for quotes, a base64 decode and a third more
//! bytes, all on the page's critical path.
//!
//! Layout: the vocabulary (count, then per term the bytes it shares with
//! the term before and the rest; terms are sorted), the field lengths
//! (count, then five numbers per document), the spellings (see
//! `spellings.rs`) and the postings (see `postings.rs`), to the end.
//! Numbers are LEB128.

use super::field::FIELD_COUNT;
use super::postings::Postings;
use super::spellings::Spellings;
use super::wire::{put, shared_prefix, take, take_front_coded, IndexError};

pub(crate) struct IndexParts {
    pub terms: Vec<String>,
    pub lengths: Vec<[u16; FIELD_COUNT]>,
    pub spellings: Spellings,
    pub postings: Postings,
}

pub(crate) fn encode(
    terms: &[String],
    lengths: &[[u16; FIELD_COUNT]],
    spellings: &Spellings,
    postings: &Postings,
    out: &mut Vec<u8>,
) {
    put(out, terms.len() as u32);
    let mut previous: &str = "";
    for term in terms {
        let shared = shared_prefix(previous, term);
        put(out, shared as u32);
        put(out, (term.len() - shared) as u32);
        out.extend_from_slice(&term.as_bytes()[shared..]);
        previous = term;
    }
    put(out, lengths.len() as u32);
    for fields in lengths {
        for &length in fields {
            put(out, u32::from(length));
        }
    }
    spellings.encode(out);
    out.extend(postings.to_bytes());
}

/// Reads the index from `bytes[from..]`; the buffer is reused for the
/// postings.
pub(crate) fn decode(mut bytes: Vec<u8>, from: usize) -> Result<IndexParts, IndexError> {
    let mut at = from;
    let term_count = take(&bytes, &mut at)? as usize;
    let mut terms: Vec<String> = Vec::with_capacity(term_count.min(bytes.len()));
    for _ in 0..term_count {
        let term = take_front_coded(&bytes, &mut at, terms.last())?;
        terms.push(term);
    }
    let doc_count = take(&bytes, &mut at)? as usize;
    let mut lengths = Vec::with_capacity(doc_count.min(bytes.len()));
    for _ in 0..doc_count {
        let mut fields = [0u16; FIELD_COUNT];
        for field in &mut fields {
            *field =
                u16::try_from(take(&bytes, &mut at)?).map_err(|_| IndexError::BadFieldLength)?;
        }
        lengths.push(fields);
    }
    let spellings = Spellings::decode(&bytes, &mut at, term_count)?;
    bytes.drain(..at);
    let postings = Postings::from_bytes(bytes, lengths.len())?;
    if postings.len() != terms.len() {
        return Err(IndexError::PostingsDoNotMatchVocabulary);
    }
    Ok(IndexParts {
        terms,
        lengths,
        spellings,
        postings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::field::pack;

    fn parts() -> (Vec<String>, Vec<[u16; FIELD_COUNT]>, Spellings, Postings) {
        let terms = ["café", "cafés", "print", "printer", "éclair"]
            .map(String::from)
            .to_vec();
        let lengths = vec![[3, 0, 1, 2, 900], [1, 1, 0, 0, 65_535]];
        let lists = vec![
            vec![[0, pack(&[1, 0, 0, 0, 2])]],
            vec![[1, pack(&[0, 1, 0, 0, 0])]],
            vec![],
            vec![[0, pack(&[0, 0, 0, 0, 7])], [1, pack(&[1, 0, 0, 0, 0])]],
            vec![[1, pack(&[0, 0, 0, 1, 0])]],
        ];
        let pairs = [("printers".to_string(), "printer".to_string())].into();
        let spellings = Spellings::build(pairs, |t| terms.iter().position(|x| x == t));
        (terms, lengths, spellings, Postings::from_lists(lists))
    }

    #[test]
    fn an_index_reads_back_as_written() {
        let (terms, lengths, spellings, postings) = parts();
        let mut bytes = b"header".to_vec();
        encode(&terms, &lengths, &spellings, &postings, &mut bytes);
        let back = decode(bytes, 6).unwrap();
        assert_eq!(back.terms, terms);
        assert_eq!(back.lengths, lengths);
        assert_eq!(back.spellings, spellings);
        assert_eq!(back.postings, postings);
    }

    #[test]
    fn a_damaged_index_is_an_error_never_a_panic() {
        let (terms, lengths, spellings, postings) = parts();
        let mut bytes = Vec::new();
        encode(&terms, &lengths, &spellings, &postings, &mut bytes);
        for cut in 0..bytes.len() {
            assert!(decode(bytes[..cut].to_vec(), 0).is_err(), "cut at {cut}");
        }
        assert!(decode(vec![0xff; 40], 0).is_err());
        // A term that claims more shared bytes than the one before has.
        assert!(decode(vec![1, 3, 1, b'a'], 0).is_err());
    }
}
