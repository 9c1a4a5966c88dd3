//! Scoring: one walk over the postings of every expansion of every query
//! word gives each document its BM25F score, how much of the query it
//! covers (overall, and in the title, keywords and summary) and whether the
//! query's content words justify it as a result (see `evidence.rs`). The
//! walk is the costly part of a query and is done once, however many ranked
//! lists are cut from it (see `FilteredHits`).

use super::evidence::Evidence;
use super::expand::QueryWord;
use super::field::unpack;
use super::field::{Field, FIELD_COUNT};
use super::index::{idf, SearchIndex};

const K1: f32 = 1.2;
/// How much a document gains when one field holds the whole query (scaled
/// by the cube of the share it holds): a title or summary that says all the
/// user typed names the problem, whatever the body says. Tags and aliases
/// count too (an old slug typed as words finds its article). Headings gain
/// nothing extra (measured: no better).
const FIELD_COVERAGE_BOOST: [(Field, f32); 3] = [
    (Field::Title, 3.0),
    (Field::Keywords, 2.0),
    (Field::Summary, 2.0),
];
const COVERED_FIELDS: usize = FIELD_COVERAGE_BOOST.len();

/// A document the query's words justify, with its score before the title
/// order and fuzzy title refinements (see `rerank.rs`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub doc: usize,
    pub score: f32,
    /// The title holds every content word of the query (so it may hold them
    /// in order).
    pub title_holds_all: bool,
}

/// What the walk gathers per document.
struct Tally {
    scores: Vec<f32>,
    coverage: Vec<f32>,
    /// The best score of the current word's expansions in each document.
    best: Vec<f32>,
    /// Per covered field: the coverage of the current word's best expansion
    /// found there, and the sum over the words done of importance × it.
    field_best: Vec<[f32; COVERED_FIELDS]>,
    field_coverage: Vec<[f32; COVERED_FIELDS]>,
    /// How many of the query's words (stop words aside) each title holds.
    title_words: Vec<u8>,
    /// The documents the current word's expansions touched.
    touched: Vec<usize>,
    evidence: Evidence,
}

impl SearchIndex {
    /// Every document the query's words justify, document ids ascending,
    /// or (and `true`) the partial results when none is.
    pub(super) fn candidates(&self, words: &[QueryWord]) -> (Vec<Candidate>, bool) {
        let n = self.len();
        let mut tally = Tally {
            scores: vec![0f32; n],
            coverage: vec![0f32; n],
            best: vec![0f32; n],
            field_best: vec![[0f32; COVERED_FIELDS]; n],
            field_coverage: vec![[0f32; COVERED_FIELDS]; n],
            title_words: vec![0u8; n],
            touched: Vec::new(),
            evidence: Evidence::new(
                n,
                words
                    .iter()
                    .filter(|w| w.content)
                    .map(|w| w.most_evidence)
                    .sum(),
            ),
        };
        let avg = self.average_lengths();
        for word in words {
            self.tally_word(word, avg, &mut tally);
        }
        tally.candidates(words)
    }

    /// Adds one query word's best match in each document to the tally.
    fn tally_word(&self, word: &QueryWord, avg: &[f32; FIELD_COUNT], tally: &mut Tally) {
        let n = self.len();
        tally.touched.clear();
        for expansion in &word.expansions {
            let postings = self.postings.list(expansion.term);
            let idf = idf(n, postings.len()).min(expansion.idf_cap);
            for &[doc, packed] in postings {
                let doc = doc as usize;
                let counts = unpack(packed);
                let s = expansion.weight * idf * self.field_score(doc, counts, avg);
                if tally.best[doc] == 0.0 {
                    tally.touched.push(doc);
                }
                if s > tally.best[doc] {
                    tally.best[doc] = s;
                }
                if expansion.evidence > 0.0 {
                    let body_only = counts[..Field::Body.index()].iter().all(|&c| c == 0);
                    tally.evidence.saw(doc, expansion.evidence, body_only);
                }
                for (slot, (field, _)) in FIELD_COVERAGE_BOOST.iter().enumerate() {
                    if counts[field.index()] > 0 && expansion.coverage > tally.field_best[doc][slot]
                    {
                        tally.field_best[doc][slot] = expansion.coverage;
                    }
                }
            }
        }
        tally.word_done(word);
    }

    fn average_lengths(&self) -> &[f32; FIELD_COUNT] {
        self.average_lengths.get_or_init(|| {
            let mut sums = [0f64; FIELD_COUNT];
            for lengths in &self.lengths {
                for (sum, len) in sums.iter_mut().zip(lengths) {
                    *sum += f64::from(*len);
                }
            }
            let n = self.lengths.len().max(1) as f64;
            sums.map(|s| ((s / n) as f32).max(1.0))
        })
    }

    /// BM25F: per-field counts, weighted and length-normalised, are summed
    /// before saturation, so repeating a word across fields helps less and
    /// less.
    fn field_score(&self, doc: usize, counts: [u32; FIELD_COUNT], avg: &[f32; FIELD_COUNT]) -> f32 {
        let lengths = &self.lengths[doc];
        let mut tf = 0.0;
        for field in Field::ALL {
            let i = field.index();
            if counts[i] == 0 {
                continue;
            }
            let b = field.length_norm();
            let norm = 1.0 - b + b * f32::from(lengths[i]) / avg[i];
            tf += field.weight() * counts[i] as f32 / norm;
        }
        tf / (K1 + tf)
    }
}

impl Tally {
    /// The current word is done: its best match in each document it
    /// touched counts, weighted by how much the word matters.
    fn word_done(&mut self, word: &QueryWord) {
        for &doc in &self.touched {
            self.scores[doc] += self.best[doc] * word.importance.max(0.3);
            self.coverage[doc] += word.importance;
            for (coverage, best) in self.field_coverage[doc]
                .iter_mut()
                .zip(self.field_best[doc])
            {
                *coverage += word.importance * best;
            }
            // Slot 0 of FIELD_COVERAGE_BOOST is the title.
            if word.importance >= 1.0 && self.field_best[doc][0] > 0.0 {
                self.title_words[doc] = self.title_words[doc].saturating_add(1);
            }
            self.best[doc] = 0.0;
            self.field_best[doc] = [0.0; COVERED_FIELDS];
            self.evidence.word_done(doc, word.reference_idf);
        }
    }

    /// The justified documents, each scored by how well and how much of
    /// the query it matches.
    /// When none is justified, the documents that hold some of the query's
    /// words, and `true`: partial results.
    fn candidates(&self, words: &[QueryWord]) -> (Vec<Candidate>, bool) {
        let justified = self.candidates_where(words, |doc| self.evidence.justifies(doc));
        if !justified.is_empty() {
            return (justified, false);
        }
        let partial = self.candidates_where(words, |doc| self.evidence.partly(doc));
        let any = !partial.is_empty();
        (partial, any)
    }

    fn candidates_where(
        &self,
        words: &[QueryWord],
        keep: impl Fn(usize) -> bool,
    ) -> Vec<Candidate> {
        let total_importance: f32 = words.iter().map(|w| w.importance).sum();
        let wanted = words.iter().filter(|w| w.importance >= 1.0).count();
        (0..self.scores.len())
            .filter(|&doc| self.scores[doc] > 0.0 && keep(doc))
            .map(|doc| Candidate {
                doc,
                score: self.covered_score(doc, total_importance),
                title_holds_all: usize::from(self.title_words[doc]) >= wanted.min(255),
            })
            .collect()
    }

    /// The document's score: those that cover more of the query win, most
    /// of all when one field holds all of it.
    fn covered_score(&self, doc: usize, total_importance: f32) -> f32 {
        let covered = if total_importance > 0.0 {
            self.coverage[doc] / total_importance
        } else {
            1.0
        };
        let boost: f32 = 1.0
            + FIELD_COVERAGE_BOOST
                .iter()
                .zip(self.field_coverage[doc])
                .map(|((_, gain), covered)| {
                    gain * (covered / total_importance.max(f32::EPSILON)).powi(3)
                })
                .sum::<f32>();
        self.scores[doc] * (0.2 + 0.8 * covered * covered) * boost
    }
}
