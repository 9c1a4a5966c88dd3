//! What a search returns: ranked hits, each with the index terms it matched
//! and the fields of the document each term is in.

use std::collections::HashSet;

use super::expand::QueryWord;
use super::field::{unpack, Field, FieldSet};
use super::index::SearchIndex;

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Position of the document in the indexed list.
    pub doc: usize,
    /// The ranking score (only comparable within one query).
    pub score: f32,
    /// Index terms that matched, for highlighting (see `highlight`).
    pub matched_terms: HashSet<String>,
    /// The same terms, sorted, each with the fields of the document that
    /// hold it (see [`SearchHit::terms_in`]).
    pub term_fields: Vec<TermMatch>,
    /// No article holds enough of the query to be a result, and this one
    /// holds some of its words (see `evidence.rs`): shown so that the list
    /// is never empty when something matches, and said to be partial.
    pub partial: bool,
}

/// One index term a hit matched, and where in the document it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TermMatch {
    /// The index term (stemmed, as in `matched_terms`).
    pub term: String,
    /// The fields that hold it; never empty.
    pub fields: FieldSet,
}

impl SearchHit {
    /// The matched terms that `field` holds, sorted.
    pub fn terms_in(&self, field: Field) -> impl Iterator<Item = &str> + '_ {
        self.terms_in_any(field.into())
    }

    /// The matched terms that any of `fields` holds, sorted.
    pub fn terms_in_any(&self, fields: FieldSet) -> impl Iterator<Item = &str> + '_ {
        self.term_fields
            .iter()
            .filter(move |m| !(m.fields & fields).is_empty())
            .map(|m| m.term.as_str())
    }

    /// The fields that hold `term`; empty when the hit did not match it.
    pub fn fields_of(&self, term: &str) -> FieldSet {
        self.term_fields
            .binary_search_by(|m| m.term.as_str().cmp(term))
            .map_or(FieldSet::EMPTY, |i| self.term_fields[i].fields)
    }
}

/// The two lists one pass over the index gives (see
/// [`SearchIndex::search_with_filter`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilteredHits {
    /// Every document, unfiltered, up to the pool limit: what filter chips
    /// count.
    pub all: Vec<SearchHit>,
    /// The documents the filter keeps, up to the options' limit: the
    /// result list.
    pub kept: Vec<SearchHit>,
}

impl SearchIndex {
    /// A hit for `doc`: the expansions of the query words that occur in it,
    /// and where (only worked out for the hits returned).
    pub(super) fn hit(&self, doc: usize, score: f32, words: &[QueryWord]) -> SearchHit {
        let id = doc as u32;
        let mut found: Vec<(usize, FieldSet)> = Vec::new();
        for expansion in words.iter().flat_map(|w| &w.expansions) {
            if found.iter().any(|(term, _)| *term == expansion.term) {
                continue;
            }
            let list = self.postings.list(expansion.term);
            if let Ok(at) = list.binary_search_by_key(&id, |p| p[0]) {
                let fields = FieldSet::of_counts(&unpack(list[at][1]));
                found.push((expansion.term, fields));
            }
        }
        let mut term_fields: Vec<TermMatch> = found
            .into_iter()
            .map(|(term, fields)| TermMatch {
                term: self.terms[term].clone(),
                fields,
            })
            .collect();
        term_fields.sort_unstable_by(|a, b| a.term.cmp(&b.term));
        SearchHit {
            doc,
            score,
            matched_terms: term_fields.iter().map(|m| m.term.clone()).collect(),
            term_fields,
            partial: false,
        }
    }
}
