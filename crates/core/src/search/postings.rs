//! Postings: for each index term, the documents that hold it with their
//! per-field counts. They travel as compact bytes and a term's list is
//! decoded the first time a query needs it, so a browser that opens the
//! site pays for the few lists its first searches touch, not for all of
//! them.
//!
//! On the wire (the tail of the index file, see `index_file.rs`): the
//! number of terms; per term, its
//! number of documents and the byte length of its list; then the lists, one
//! after another. In a list, per document: the gap from the previous id,
//! one byte holding which of the first four fields have the term (low bits)
//! and the body count up to 14 (high bits; 15 means the count follows),
//! then the counts of the fields present.

use std::sync::OnceLock;

use super::field::{pack, unpack, Field, FIELD_COUNT};
use super::wire::{put, take, IndexError};

const BODY: usize = Field::Body.index();

/// One posting: document id and packed per-field counts (see `pack`).
pub(crate) type Posting = [u32; 2];

#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    /// The lists as they came over the wire; empty when built here.
    bytes: Vec<u8>,
    /// Where each term's list starts in `bytes` (one more entry than terms).
    starts: Vec<u32>,
    doc_counts: Vec<u32>,
    lists: Vec<OnceLock<Box<[Posting]>>>,
    /// How many documents the index has: a list from the wire that names
    /// one past them is damaged (the scorer indexes field lengths by it).
    documents: u32,
}

impl Postings {
    pub fn from_lists(lists: Vec<Vec<Posting>>) -> Self {
        Postings {
            bytes: Vec::new(),
            starts: Vec::new(),
            doc_counts: lists.iter().map(|l| l.len() as u32).collect(),
            lists: lists
                .into_iter()
                .map(|list| OnceLock::from(list.into_boxed_slice()))
                .collect(),
            documents: u32::MAX,
        }
    }

    /// The number of terms.
    pub fn len(&self) -> usize {
        self.doc_counts.len()
    }

    /// How many documents hold `term` (known without decoding its list).
    pub fn doc_count(&self, term: usize) -> usize {
        self.doc_counts[term] as usize
    }

    /// The postings of `term`, document ids ascending.
    pub fn list(&self, term: usize) -> &[Posting] {
        self.lists[term].get_or_init(|| {
            let range = self.starts[term] as usize..self.starts[term + 1] as usize;
            // The framing was checked on arrival; a list damaged inside it
            // matches nothing rather than failing every search.
            decode_list(&self.bytes[range], self.doc_counts[term], self.documents)
                .unwrap_or_default()
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut table = Vec::new();
        let mut lists = Vec::new();
        put(&mut table, self.len() as u32);
        for term in 0..self.len() {
            let before = lists.len();
            encode_list(self.list(term), &mut lists);
            put(&mut table, self.doc_counts[term]);
            put(&mut table, (lists.len() - before) as u32);
        }
        table.extend(lists);
        table
    }

    /// Reads the term table and keeps the lists undecoded. Fails when the
    /// table does not add up to the bytes that follow it, or a term claims
    /// more documents than the index's `documents`.
    pub fn from_bytes(bytes: Vec<u8>, documents: usize) -> Result<Self, IndexError> {
        let documents = u32::try_from(documents).map_err(|_| IndexError::BadDocumentId)?;
        let mut at = 0;
        let terms = take(&bytes, &mut at)? as usize;
        let capacity = terms.min(bytes.len());
        let mut doc_counts = Vec::with_capacity(capacity);
        let mut lengths = Vec::with_capacity(capacity);
        for _ in 0..terms {
            let doc_count = take(&bytes, &mut at)?;
            if doc_count > documents {
                return Err(IndexError::BadDocumentId);
            }
            doc_counts.push(doc_count);
            lengths.push(take(&bytes, &mut at)?);
        }
        let mut starts = Vec::with_capacity(terms + 1);
        let mut start = at as u64;
        starts.push(at as u32);
        for length in lengths {
            start += u64::from(length);
            if start > bytes.len() as u64 {
                return Err(IndexError::EndsEarly);
            }
            starts.push(start as u32);
        }
        if start != bytes.len() as u64 {
            return Err(IndexError::TrailingBytes);
        }
        Ok(Postings {
            bytes,
            starts,
            doc_counts,
            lists: std::iter::repeat_with(OnceLock::new).take(terms).collect(),
            documents,
        })
    }
}

impl PartialEq for Postings {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|t| self.list(t) == other.list(t))
    }
}

fn encode_list(list: &[Posting], out: &mut Vec<u8>) {
    let mut previous = 0;
    for &[doc, packed] in list {
        put(out, doc - previous);
        previous = doc;
        let counts = unpack(packed);
        let mask = (0..BODY)
            .filter(|&f| counts[f] > 0)
            .fold(0u8, |m, f| m | 1 << f);
        let body = counts[BODY];
        out.push(mask | (body.min(15) as u8) << 4);
        if body >= 15 {
            put(out, body - 15);
        }
        for count in counts[..BODY].iter().filter(|&&c| c > 0) {
            put(out, *count);
        }
    }
}

fn decode_list(bytes: &[u8], len: u32, documents: u32) -> Result<Box<[Posting]>, IndexError> {
    let mut at = 0;
    let mut list = Vec::with_capacity((len as usize).min(bytes.len()));
    let mut doc = 0u32;
    for _ in 0..len {
        doc = doc
            .checked_add(take(bytes, &mut at)?)
            .filter(|&doc| doc < documents)
            .ok_or(IndexError::BadDocumentId)?;
        let header = *bytes.get(at).ok_or(IndexError::EndsEarly)?;
        at += 1;
        let mut counts = [0u32; FIELD_COUNT];
        counts[BODY] = u32::from(header >> 4);
        if counts[BODY] == 15 {
            counts[BODY] += take(bytes, &mut at)?;
        }
        for (field, count) in counts[..BODY].iter_mut().enumerate() {
            if header & (1 << field) != 0 {
                *count = take(bytes, &mut at)?;
            }
        }
        list.push([doc, pack(&counts)]);
    }
    if at != bytes.len() {
        return Err(IndexError::TrailingBytes);
    }
    Ok(list.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Vec<Posting>> {
        vec![
            vec![
                [0, pack(&[1, 0, 0, 0, 3])],
                [7, pack(&[0, 2, 0, 1, 40_000])],
            ],
            vec![],
            vec![
                [300_000, pack(&[15, 15, 15, 15, 14])],
                [300_001, pack(&[0, 0, 0, 0, 15])],
            ],
        ]
    }

    /// Documents 0 to 300,001 appear in `sample`.
    const DOCUMENTS: usize = 300_002;

    #[test]
    fn postings_survive_the_wire_format() {
        let built = Postings::from_lists(sample());
        let back = Postings::from_bytes(built.to_bytes(), DOCUMENTS).unwrap();
        assert_eq!(back, built);
        assert_eq!(back.doc_count(2), 2);
        assert_eq!(back.list(0), &sample()[0][..]);
        assert_eq!(back.list(2), &sample()[2][..]);
    }

    #[test]
    fn damaged_postings_are_an_error_or_match_nothing_never_a_panic() {
        let bytes = Postings::from_lists(sample()).to_bytes();
        let read = |bytes: Vec<u8>| Postings::from_bytes(bytes, DOCUMENTS);
        assert!(read(bytes[..bytes.len() - 1].to_vec()).is_err());
        assert!(read([bytes.clone(), vec![0]].concat()).is_err());
        assert!(read(vec![0xff; 8]).is_err());
        // A list damaged inside a valid frame: its last byte flipped to a
        // continuation byte.
        let mut damaged = bytes.clone();
        *damaged.last_mut().unwrap() |= 0x80;
        let postings = read(damaged).unwrap();
        assert_eq!(postings.list(0), &sample()[0][..]);
        assert!(postings.list(2).is_empty());
    }

    #[test]
    fn a_list_that_names_a_document_past_the_last_matches_nothing() {
        let bytes = Postings::from_lists(sample()).to_bytes();
        let postings = Postings::from_bytes(bytes.clone(), DOCUMENTS - 1).unwrap();
        assert_eq!(postings.list(0), &sample()[0][..]);
        assert!(
            postings.list(2).is_empty(),
            "document 300,001 is past the last"
        );
        // A term in more documents than there are is damaged on arrival.
        assert_eq!(
            Postings::from_bytes(bytes, 1).err(),
            Some(IndexError::BadDocumentId)
        );
    }
}
