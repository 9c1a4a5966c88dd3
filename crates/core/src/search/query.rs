//! Running a query against the index, in the steps the module docs name:
//! expand the query's words (`expand.rs`), score every candidate in one
//! walk over the postings (`score.rs`), which also keeps only documents the
//! evidence justifies (`evidence.rs`), rerank the best (`rerank.rs`) and
//! describe the hits (`hit.rs`).

use std::collections::HashMap;

use super::expand::QueryWord;
use super::hit::{FilteredHits, SearchHit};
use super::index::SearchIndex;
use super::rerank::Reranker;
use super::score::Candidate;

/// How to run a query.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The most hits to return.
    pub limit: usize,
    /// The last word may be unfinished (instant search while typing).
    pub prefix_last: bool,
    /// Words the index does not know are read as typos of words it does.
    /// Off for "Search instead for" the words as typed.
    pub correct_typos: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            limit: 10,
            prefix_last: true,
            correct_typos: true,
        }
    }
}

/// A query expanded and scored, ready to cut ranked lists from.
struct Pass<'a> {
    index: &'a SearchIndex,
    words: &'a [QueryWord],
    candidates: Vec<Candidate>,
    /// The candidates hold only some of the query (see `SearchHit::partial`).
    partial: bool,
    reranker: Reranker<'a>,
}

impl<'a> Pass<'a> {
    fn new(index: &'a SearchIndex, words: &'a [QueryWord], query: &str) -> Self {
        let (candidates, partial) = index.candidates(words);
        Pass {
            index,
            words,
            candidates,
            partial,
            reranker: Reranker::new(index, words, query),
        }
    }

    fn ranked(&mut self, keep: impl Fn(usize) -> bool, limit: usize) -> Vec<(usize, f32)> {
        self.reranker.rank(&self.candidates, keep, limit)
    }

    fn hits(&self, ranked: Vec<(usize, f32)>) -> Vec<SearchHit> {
        ranked
            .into_iter()
            .map(|(doc, score)| SearchHit {
                partial: self.partial,
                ..self.index.hit(doc, score, self.words)
            })
            .collect()
    }
}

impl SearchIndex {
    /// The query's words, less the expansions whose postings name a
    /// document the index does not have. Such an index is damaged (the
    /// postings and the field lengths disagree); it then matches less,
    /// where the scoring walk indexed past its tables and panicked on the
    /// first search that touched the term (issue 20), which in the browser
    /// (`panic = "abort"`) ended search for the page.
    fn sound_query_words(&self, query: &str, options: &SearchOptions) -> Vec<QueryWord> {
        let mut words = self.query_words(query, options.prefix_last, options.correct_typos);
        let documents = self.len();
        for word in &mut words {
            // Lists are in ascending document order: the last is the
            // highest.
            word.expansions.retain(|e| {
                self.postings
                    .list(e.term)
                    .last()
                    .is_none_or(|&[doc, _]| (doc as usize) < documents)
            });
        }
        words
    }

    /// Ranked hits for `query`, best first. `keep` filters documents (by
    /// category or tag, say) before ranking. An empty query, or one of
    /// nothing but punctuation or emoji, returns no hits.
    pub fn search(
        &self,
        query: &str,
        options: &SearchOptions,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<SearchHit> {
        let words = self.sound_query_words(query, options);
        if words.is_empty() {
            return Vec::new();
        }
        let mut pass = Pass::new(self, &words, query);
        let ranked = pass.ranked(keep, options.limit);
        pass.hits(ranked)
    }

    /// Two lists from one pass over the index: `all`, the first
    /// `pool_limit` hits of every document, and `kept`, the first
    /// `options.limit` hits of the documents `keep` accepts. They are what
    /// these two calls return, but the query is expanded and the candidates
    /// scored once:
    ///
    /// ```text
    /// all  = search(query, &SearchOptions { limit: pool_limit, ..options }, |_| true)
    /// kept = search(query, options, keep)
    /// ```
    pub fn search_with_filter(
        &self,
        query: &str,
        options: &SearchOptions,
        pool_limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> FilteredHits {
        let words = self.sound_query_words(query, options);
        if words.is_empty() {
            return FilteredHits::default();
        }
        let mut pass = Pass::new(self, &words, query);
        let all = pass.ranked(|_| true, pool_limit);
        let kept = pass.ranked(keep, options.limit);
        let all = pass.hits(all);
        // A kept hit is most often in the pool already.
        let pooled: HashMap<usize, &SearchHit> = all.iter().map(|hit| (hit.doc, hit)).collect();
        let kept = kept
            .into_iter()
            .map(|(doc, score)| match pooled.get(&doc) {
                Some(hit) => SearchHit {
                    score,
                    ..(*hit).clone()
                },
                None => SearchHit {
                    partial: pass.partial,
                    ..self.hit(doc, score, &words)
                },
            })
            .collect();
        FilteredHits { all, kept }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::IndexDoc;

    fn doc(title: &str) -> IndexDoc {
        IndexDoc {
            title: title.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_document_id_past_the_last_document_matches_nothing_and_never_panics() {
        let mut index = SearchIndex::build(&[doc("printer offline"), doc("printer jammed")]);
        // Damage it: the postings still name document 1, the tables end
        // at document 0.
        index.lengths.truncate(1);
        index.titles.truncate(1);
        index.title_terms.truncate(1);
        let options = SearchOptions::default();
        for _ in 0..2 {
            let hits = index.search("printer", &options, |_| true);
            assert!(hits.iter().all(|hit| hit.doc < 1), "{hits:?}");
            assert!(index.search("jammed", &options, |_| true).is_empty());
            let both = index.search_with_filter("printer jammed", &options, 200, |_| true);
            assert!(both.all.iter().chain(&both.kept).all(|hit| hit.doc < 1));
        }
    }
}
