//! The words as written that the index keeps under another term: the index
//! holds stems ("communication" is `communic`, "using" is `use`), and a typo
//! or a word typed short is a slip on the word as written, not on its stem.
//! "communictaion" is one transposition from "communication" and five
//! edits from its term `communic`; "shari" starts "sharing", not `share`.
//! On the shared corpus (the typed tuning set, tests/relevance/typed.rs),
//! matching typos against stems alone left the article out of the top ten
//! for 90 of 735 typo'd title queries; against the spellings too, for 52
//! (MRR 0.809 -> 0.855).
//!
//! Each spelling maps to its term. Only words that differ from their term
//! are kept (a word that is its own stem is in the vocabulary already).

use std::collections::HashMap;
use std::ops::Range;

use super::wire::{put, shared_prefix, take, take_front_coded, IndexError};

/// Sorted spellings and the term id of each.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Spellings {
    words: Vec<String>,
    terms: Vec<u32>,
    /// Each spelling's shape, for typo searches (see `shape.rs`).
    shapes: super::shape::Shapes,
}

impl Spellings {
    /// From `word -> term` pairs; `term_id` finds a term's id (a pair whose
    /// term is not in the vocabulary is left out).
    pub fn build(
        pairs: HashMap<String, String>,
        term_id: impl Fn(&str) -> Option<usize>,
    ) -> Spellings {
        let mut pairs: Vec<(String, u32)> = pairs
            .into_iter()
            .filter(|(word, term)| word != term)
            .filter_map(|(word, term)| Some((word, term_id(&term)? as u32)))
            .collect();
        pairs.sort_unstable();
        let (words, terms) = pairs.into_iter().unzip();
        Spellings {
            words,
            terms,
            shapes: Default::default(),
        }
    }

    /// The shape of each spelling, in order.
    pub fn shapes(&self) -> &[super::shape::Shape] {
        self.shapes.get(|| self.words.as_slice())
    }

    /// The spelling at `i`, and its term id.
    pub fn get(&self, i: usize) -> (&str, usize) {
        (&self.words[i], self.terms[i] as usize)
    }

    /// The position of `word` among the spellings.
    pub fn find(&self, word: &str) -> Option<usize> {
        self.words.binary_search_by(|w| w.as_str().cmp(word)).ok()
    }

    /// The spellings that start with `prefix`, as a range.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..end
    }

    /// Appends the spellings: their count, then per spelling the bytes it
    /// shares with the one before, the rest, and its term id.
    pub fn encode(&self, out: &mut Vec<u8>) {
        put(out, self.words.len() as u32);
        let mut previous = "";
        for (word, &term) in self.words.iter().zip(&self.terms) {
            let shared = shared_prefix(previous, word);
            put(out, shared as u32);
            put(out, (word.len() - shared) as u32);
            out.extend_from_slice(&word.as_bytes()[shared..]);
            put(out, term);
            previous = word;
        }
    }

    /// Reads what `encode` wrote at `*at`; every term id must be below
    /// `term_count`.
    pub fn decode(bytes: &[u8], at: &mut usize, term_count: usize) -> Result<Self, IndexError> {
        let count = take(bytes, at)? as usize;
        let mut words: Vec<String> = Vec::with_capacity(count.min(bytes.len()));
        let mut terms = Vec::with_capacity(count.min(bytes.len()));
        for _ in 0..count {
            let word = take_front_coded(bytes, at, words.last())?;
            let term = take(bytes, at)?;
            if term as usize >= term_count {
                return Err(IndexError::BadVocabulary);
            }
            words.push(word);
            terms.push(term);
        }
        Ok(Spellings {
            words,
            terms,
            shapes: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings() -> Spellings {
        let terms = ["commun", "share", "use"];
        let pairs = [
            ("communication", "commun"),
            ("sharing", "share"),
            ("shared", "share"),
            ("using", "use"),
            ("use", "use"),
            ("stray", "missing"),
        ];
        Spellings::build(
            pairs
                .iter()
                .map(|(w, t)| (w.to_string(), t.to_string()))
                .collect(),
            |t| terms.iter().position(|x| *x == t),
        )
    }

    #[test]
    fn only_words_unlike_their_term_are_kept_and_they_are_sorted() {
        let s = spellings();
        let all: Vec<_> = (0..s.words.len()).map(|i| s.get(i)).collect();
        assert_eq!(
            all,
            [
                ("communication", 0),
                ("shared", 1),
                ("sharing", 1),
                ("using", 2)
            ]
        );
        let shar: Vec<_> = s.prefix_range("shari").map(|i| s.get(i).0).collect();
        assert_eq!(shar, ["sharing"]);
    }

    #[test]
    fn spellings_read_back_as_written_and_damage_is_an_error() {
        let s = spellings();
        let mut bytes = Vec::new();
        s.encode(&mut bytes);
        let mut at = 0;
        assert_eq!(Spellings::decode(&bytes, &mut at, 3), Ok(s));
        assert_eq!(at, bytes.len());
        for cut in 0..bytes.len() {
            assert!(Spellings::decode(&bytes[..cut], &mut 0, 3).is_err());
        }
        // A term id past the vocabulary.
        assert!(Spellings::decode(&bytes, &mut 0, 2).is_err());
    }
}
