//! From the words of a query to the index terms each stands for: the word
//! as typed and its stem, completions of a word typed short, typo
//! corrections of a word the index does not know, and synonyms.

use std::collections::HashSet;

use super::evidence;
use super::index::{idf, SearchIndex};
use super::terms::term_of;
use crate::text::{is_stop_word, tokenize};

/// Completions of the word being typed: enough to cover the likely words,
/// few enough to stay fast on one letter. A 3-letter fragment may start
/// more than 48 terms ("sub"), and the rare word meant ("subselect") was
/// cut; with 100, prefix2 on the typed tuning set 0.894 to 0.896 (200 and
/// 1000: no better), the older prefix-raw set unchanged (0.896 at 200).
const MAX_PREFIX_TERMS: usize = 100;
const MAX_QUERY_WORDS: usize = 32;
/// A synonym (common or the site's) counts a little over half the word
/// typed: enough to find "credentials" for "password", not so much that
/// "app" outranks the "application" a title was typed with. 0.9 and 0.4
/// gave held-out symptoms 0.914 and 0.886 (0.911 here), but 0.9 cost
/// typo'd titles 0.007.
const SYNONYM_WEIGHT: f32 = 0.6;
/// A word before the last may be typed short ("outl keep"): its completions
/// count a little less than the word as typed.
const SHORT_WORD_WEIGHT: f32 = 0.7;
/// Queries of more words than this are taken as typed whole.
const MAX_SHORT_TYPED_WORDS: usize = 6;
/// A word found in this few articles may still be a typo of a common one.
const RARE: usize = 2;

/// One index term a query word stands for, and how much to trust it.
pub(super) struct Expansion {
    pub term: usize,
    pub weight: f32,
    /// How much the term in a document shows the document is about the
    /// word (see `evidence.rs`): 0 for a stop word's terms.
    pub evidence: f32,
    /// The most idf the term scores with (see `add_completions`).
    pub idf_cap: f32,
    /// What the term counts, in a title or summary, towards that field
    /// holding the whole query (see `score.rs`).
    pub coverage: f32,
}

impl Expansion {
    /// A term that scores with its own idf and covers a field as much as
    /// its weight.
    pub fn new(term: usize, weight: f32, evidence: f32) -> Self {
        Expansion {
            term,
            weight,
            evidence,
            idf_cap: f32::INFINITY,
            coverage: weight,
        }
    }
}

pub(super) struct QueryWord {
    pub expansions: Vec<Expansion>,
    /// Stop words count little towards how much of the query is covered.
    pub importance: f32,
    /// The terms a stop word typed short before the last word may stand
    /// for in the title's order ("can conne" and "Cannot connect"): too
    /// common to search for, but a title that starts that way is meant.
    pub title_starts: std::ops::Range<usize>,
    /// Not a stop word as typed: only content words justify a result.
    pub content: bool,
    /// How much the word weighs among the query's content words: the idf
    /// of its best match, or of a term no document has.
    pub reference_idf: f32,
    /// The most the word can add to a document's evidence.
    pub most_evidence: f32,
}

impl SearchIndex {
    /// The query's words, each with its expansions, in the order typed
    /// (repeats dropped); empty for a query of no words or an empty index.
    /// With `prefix_last` the last word may be unfinished; with
    /// `correct_typos` unknown words are read as typos.
    pub(super) fn query_words(
        &self,
        query: &str,
        prefix_last: bool,
        correct_typos: bool,
    ) -> Vec<QueryWord> {
        let tokens = tokenize(query);
        if tokens.is_empty() || self.is_empty() {
            return Vec::new();
        }
        let ends_mid_word = query.chars().last().is_some_and(|c| c.is_alphanumeric());
        let mut seen = HashSet::new();
        let last = tokens.len() - 1;
        let alternatives = if self.synonyms.is_empty() {
            Vec::new()
        } else {
            let terms: Vec<String> = tokens.iter().map(|t| term_of(&t.text)).collect();
            self.synonyms.alternatives(&terms)
        };
        // Words typed short come in short queries ("outl keep aski pass");
        // completing every word of a pasted paragraph would cost a lot and
        // find nothing more.
        let may_be_short = tokens.len() <= MAX_SHORT_TYPED_WORDS;
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| seen.insert(t.text.clone()))
            // A pasted log is not a query: the first words say enough.
            .take(MAX_QUERY_WORDS)
            .map(|(i, t)| {
                let mut word = self.expand(
                    &t.text,
                    prefix_last && ends_mid_word && i == last,
                    may_be_short,
                    correct_typos,
                );
                for term in alternatives.get(i).into_iter().flatten() {
                    if let Some(id) = self.term_id(term) {
                        if word.expansions.iter().all(|e| e.term != id) {
                            let evidence = if word.content { evidence::SYNONYM } else { 0.0 };
                            word.expansions
                                .push(Expansion::new(id, SYNONYM_WEIGHT, evidence));
                        }
                    }
                }
                (word.reference_idf, word.most_evidence) = self.reference_idf(&word);
                word
            })
            .collect()
    }

    fn expand(&self, word: &str, is_prefix: bool, may_be_short: bool, correct: bool) -> QueryWord {
        let importance = if is_stop_word(word) { 0.15 } else { 1.0 };
        let term = term_of(word);
        let mut expansions = Vec::new();
        if let Some(id) = self.term_id(&term) {
            expansions.push(Expansion::new(id, 1.0, 1.0));
        }
        if term != word {
            if let Some(id) = self.term_id(word) {
                expansions.push(Expansion::new(id, 1.0, 1.0));
            }
        }
        let char_count = word.chars().count();
        if is_prefix && char_count >= 2 {
            self.add_completions(word, 0.9, evidence::COMPLETION, &mut expansions);
        }
        if is_prefix {
            self.add_stem_cuts(word, &mut expansions);
        }
        // A stem cut ("err" for "errot") is weak: the word may be a typo.
        // So may a word only one or two articles use ("diffrent"), or the
        // start of only such words ("errr" starts "ErrRoutine", in one).
        let strong = || {
            expansions
                .iter()
                .filter(|e| e.evidence >= evidence::COMPLETION)
        };
        let rare = (char_count >= 5 || (is_prefix && char_count >= 4))
            && strong().all(|e| self.postings.doc_count(e.term) <= RARE);
        if correct && (rare || strong().next().is_none()) {
            self.add_typo_expansions(word, &mut expansions);
        }
        if may_be_short && !is_prefix && char_count >= 3 && importance >= 1.0 {
            // Before the last word too, a word may be typed short ("outl
            // keep aski pass"), even when it is a word itself ("act dir").
            self.add_completions(
                word,
                SHORT_WORD_WEIGHT,
                evidence::SHORT_WORD,
                &mut expansions,
            );
        }
        // "page can" is on its way to "page cannot": a stop word still being
        // typed counts as the longer words it may become.
        let importance = if is_prefix
            && importance < 1.0
            && expansions.iter().any(|e| {
                !is_stop_word(&self.terms[e.term]) && self.terms[e.term].len() > word.len()
            }) {
            1.0
        } else {
            importance
        };
        let title_starts = if may_be_short && !is_prefix && importance < 1.0 && char_count >= 3 {
            self.prefix_range(word)
        } else {
            0..0
        };
        let content = !is_stop_word(word);
        if !content {
            for e in &mut expansions {
                e.evidence = 0.0;
            }
        }
        QueryWord {
            expansions,
            importance,
            title_starts,
            content,
            reference_idf: 0.0,
            most_evidence: 0.0,
        }
    }

    /// A stem is often shorter than the word being typed: `askin` is on its
    /// way to `asking`, indexed as `ask`. Adds the index terms the word is
    /// with its last one to three letters cut (at least three left).
    fn add_stem_cuts(&self, word: &str, expansions: &mut Vec<Expansion>) {
        for cut in 1..=3 {
            let Some((end, _)) = word.char_indices().rev().nth(cut - 1) else {
                break;
            };
            let stem = &word[..end];
            if stem.chars().count() < 3 {
                break;
            }
            if let Some(id) = self.term_id(stem) {
                if expansions.iter().all(|e| e.term != id) {
                    expansions.push(Expansion::new(id, 0.8, evidence::STEM_CUT));
                }
            }
        }
    }

    /// The idf of the word's best evidence (the more common term of two as
    /// good), and the most the word can add to a document's evidence: that
    /// idf times the evidence. A word matched only by weak typos or stem
    /// cuts ("squeaks" as "speaks") counts as if matched as typed, so that
    /// its weak matches cannot justify a document by themselves: otherwise
    /// "my chair squeaks" and "my desk plant is dying" found sample
    /// articles through nothing but two-typo corrections once longer words
    /// took two. A word no document has, or not even as a typo, weighs as a
    /// typo of a term no document has.
    fn reference_idf(&self, word: &QueryWord) -> (f32, f32) {
        let n = self.len();
        let best = word
            .expansions
            .iter()
            .filter(|e| e.evidence > 0.0)
            .map(|e| (e.evidence, idf(n, self.postings.doc_count(e.term))))
            .reduce(|a, b| {
                if b.0 > a.0 || (b.0 == a.0 && b.1 < a.1) {
                    b
                } else {
                    a
                }
            });
        match best {
            Some((evidence, idf)) if evidence < evidence::SYNONYM => (idf, idf),
            Some((evidence, idf)) => (idf, evidence * idf),
            None => (idf(n, 0), evidence::TYPO * idf(n, 0)),
        }
    }

    /// The index terms that start with `word`, the shorter the closer to
    /// `weight` (the most frequent, when there are too many).
    fn add_completions(
        &self,
        word: &str,
        weight: f32,
        evidence: f32,
        expansions: &mut Vec<Expansion>,
    ) {
        let char_count = word.chars().count();
        // The words as written count too: "shari" starts "sharing", whose
        // term `share` it does not start.
        let spelled = self.spellings.prefix_range(word);
        let mut completions: Vec<usize> = self
            .prefix_range(word)
            .chain(spelled.map(|i| self.spellings.get(i).1))
            .filter(|id| expansions.iter().all(|e| e.term != *id))
            .collect();
        completions.sort_unstable();
        completions.dedup();
        if completions.len() > MAX_PREFIX_TERMS {
            completions.sort_by_key(|&id| std::cmp::Reverse(self.postings.doc_count(id)));
            completions.truncate(MAX_PREFIX_TERMS);
        }
        // A word typed whole is most likely meant as it is: a rarer word it
        // starts ("ErrorItemNotFound" for "error") may count as much as
        // the word itself, not more, however much rarer it is.
        let n = self.len();
        let typed_idf = expansions
            .iter()
            .filter(|e| e.weight >= 1.0)
            .map(|e| idf(n, self.postings.doc_count(e.term)))
            .reduce(f32::max);
        // Nor is a completion a better match for being rarer than the
        // others: "prop" in "scaled properly" (`proper`, in 129 articles)
        // is no surer a match than in "Properties changed" (`properti`, in
        // 590). Every completion scores with at most the idf of the most
        // common, and counts towards a title holding the whole query as
        // much as any other, however long or rare: when every word is typed
        // short ("prop chang"), the title that holds them all is meant.
        let most_common = completions
            .iter()
            .map(|&id| self.postings.doc_count(id))
            .max()
            .unwrap_or(0);
        let idf_cap = idf(n, most_common);
        for id in completions {
            let extra = self.terms[id].chars().count().saturating_sub(char_count) as f32;
            let rarer = typed_idf.map_or(1.0, |typed| {
                (typed / idf(n, self.postings.doc_count(id))).min(1.0)
            });
            expansions.push(Expansion {
                term: id,
                weight: weight * rarer / (1.0 + 0.08 * extra),
                evidence,
                idf_cap,
                coverage: weight,
            });
        }
    }
}
