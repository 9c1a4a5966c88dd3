//! Running a query against the index.

use std::collections::HashSet;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::evidence::Evidence;
use super::expand::QueryWord;
use super::index::{unpack, SearchIndex, FIELD_COUNT};
use crate::text::fold;

const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [6.0, 4.0, 2.5, 2.0, 1.0];
const FIELD_LENGTH_NORM: [f32; FIELD_COUNT] = [0.5, 0.4, 0.6, 0.6, 0.75];
const K1: f32 = 1.2;
/// How much a document gains when one field holds the whole query (scaled
/// by the cube of the share it holds): a title or summary that says all the
/// user typed names the problem, whatever the body says. Headings gain
/// nothing extra (measured: no better).
const FIELD_COVERAGE_BOOST: [(usize, f32); 3] = [(TITLE, 3.0), (KEYWORDS, 2.0), (SUMMARY, 2.0)];
const TITLE: usize = 0;
/// Tags and aliases: an old slug typed as words finds its article.
const KEYWORDS: usize = 1;
const SUMMARY: usize = 3;
/// Gain for a title that starts with the query's content words, in order
/// (half of it when they follow each other later in the title), and
/// TYPED_START_ORDER times it when it starts with exactly what was typed,
/// stop words included (see `title_order`).
const TITLE_ORDER_BOOST: f32 = 3.0;
const TYPED_START_ORDER: f32 = 1.5;
/// Share of the order gain kept when a code in the title was skipped.
const CODE_SKIPPED: f32 = 0.8;
/// Candidates that get the fuzzy title match, and titles holding every
/// word that get the (cheaper) title order: when twenty titles start
/// "Error when", the right one must still be among those looked at.
const RERANKED: usize = 30;
const ORDER_RERANKED: usize = 100;

#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub limit: usize,
    /// The last word may be unfinished (instant search while typing).
    pub prefix_last: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            limit: 10,
            prefix_last: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Position of the document in the indexed list.
    pub doc: usize,
    pub score: f32,
    /// Index terms that matched, for highlighting.
    pub matched_terms: HashSet<String>,
}

impl SearchIndex {
    /// Ranked hits for `query`, best first. `keep` filters documents (by
    /// category or tag, say) before ranking. An empty query, or one of
    /// nothing but punctuation or emoji, returns no hits.
    pub fn search(
        &self,
        query: &str,
        options: &SearchOptions,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<SearchHit> {
        let words = self.query_words(query, options);
        if words.is_empty() {
            return Vec::new();
        }

        let n = self.len();
        let mut scores = vec![0f32; n];
        let mut coverage = vec![0f32; n];
        let mut best = vec![0f32; n];
        // Per field: how much of the query each document matches there. A
        // title or summary that holds the whole query names the problem.
        let mut field_best = vec![[0f32; FIELD_COVERAGE_BOOST.len()]; n];
        let mut field_coverage = vec![[0f32; FIELD_COVERAGE_BOOST.len()]; n];
        // How many of the query's words (stop words aside) each title holds.
        let mut title_words = vec![0u8; n];
        let mut touched = Vec::new();
        let total_importance: f32 = words.iter().map(|w| w.importance).sum();
        let mut evidence = Evidence::new(n, &words);
        let avg = self.average_lengths();

        for word in &words {
            touched.clear();
            for expansion in &word.expansions {
                let postings = self.postings.list(expansion.term);
                let idf = idf(n, postings.len());
                for &[doc, packed] in postings {
                    let doc = doc as usize;
                    let counts = unpack(packed);
                    let s = expansion.weight * idf * self.field_score(doc, counts, avg);
                    if best[doc] == 0.0 {
                        touched.push(doc);
                    }
                    if s > best[doc] {
                        best[doc] = s;
                    }
                    if expansion.evidence > 0.0 {
                        let body_only = counts[..FIELD_COUNT - 1].iter().all(|&c| c == 0);
                        evidence.saw(doc, expansion.evidence, body_only);
                    }
                    for (slot, (field, _)) in FIELD_COVERAGE_BOOST.iter().enumerate() {
                        if counts[*field] > 0 && expansion.weight > field_best[doc][slot] {
                            field_best[doc][slot] = expansion.weight;
                        }
                    }
                }
            }
            for &doc in &touched {
                scores[doc] += best[doc] * word.importance.max(0.3);
                coverage[doc] += word.importance;
                for (coverage, best) in field_coverage[doc].iter_mut().zip(field_best[doc]) {
                    *coverage += word.importance * best;
                }
                // Slot 0 of FIELD_COVERAGE_BOOST is the title.
                if word.importance >= 1.0 && field_best[doc][0] > 0.0 {
                    title_words[doc] = title_words[doc].saturating_add(1);
                }
                best[doc] = 0.0;
                field_best[doc] = [0.0; FIELD_COVERAGE_BOOST.len()];
                evidence.word_done(doc, word);
            }
        }

        let ranked: Vec<(usize, f32)> = (0..n)
            .filter(|&doc| scores[doc] > 0.0 && evidence.justifies(doc) && keep(doc))
            .map(|doc| {
                let covered = if total_importance > 0.0 {
                    coverage[doc] / total_importance
                } else {
                    1.0
                };
                let boost: f32 = 1.0
                    + FIELD_COVERAGE_BOOST
                        .iter()
                        .zip(field_coverage[doc])
                        .map(|((_, gain), covered)| {
                            gain * (covered / total_importance.max(f32::EPSILON)).powi(3)
                        })
                        .sum::<f32>();
                (doc, scores[doc] * (0.2 + 0.8 * covered * covered) * boost)
            })
            .collect();
        let by_score = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));

        // Only a title that holds every word can have them in order, so the
        // order check goes to the best of those titles, however low the
        // rest of the document ranks them ("use win" and "Use Windows
        // Server cluster nodes as DCs", among hundreds about Windows).
        let wanted = words.iter().filter(|w| w.importance >= 1.0).count();
        let (mut in_title, rest): (Vec<_>, Vec<_>) = ranked
            .into_iter()
            .partition(|&(doc, _)| usize::from(title_words[doc]) >= wanted.min(255));
        if in_title.len() > ORDER_RERANKED {
            in_title.select_nth_unstable_by(ORDER_RERANKED, by_score);
        }
        let ordered = in_title.len().min(ORDER_RERANKED);
        for (doc, score) in &mut in_title[..ordered] {
            *score *= 1.0 + TITLE_ORDER_BOOST * self.title_order(*doc, &words);
        }
        let mut ranked = in_title;
        ranked.extend(rest);
        // The fuzzy title match is a refinement of the best candidates only:
        // computing it for every document that shares a common word would
        // cost more than the rest of the query. Only the first RERANKED are
        // refined, however many are asked for (a pool of 200 for counting
        // filter matches needs no finer order).
        let keep = options.limit.max(RERANKED);
        if ranked.len() > keep {
            ranked.select_nth_unstable_by(keep, by_score);
            ranked.truncate(keep);
        }
        ranked.sort_by(by_score);
        let shortlist = ranked.len().min(RERANKED);
        let folded_query = fold(query.trim());
        let query_chars = folded_query.chars().count();
        if query_chars <= 32 {
            let title_matcher = SkimMatcherV2::default();
            for (doc, score) in &mut ranked[..shortlist] {
                if let Some(s) = title_matcher.fuzzy_match(self.title(*doc), &folded_query) {
                    // Normalise by query length: a long, tight subsequence
                    // match on the title means the title names the problem.
                    let per_char = s as f32 / query_chars.max(1) as f32;
                    *score *= 1.0 + (per_char / 40.0).min(0.5);
                }
            }
        }
        ranked.sort_by(by_score);
        ranked.truncate(options.limit);
        ranked
            .into_iter()
            .map(|(doc, score)| SearchHit {
                doc,
                score,
                matched_terms: self.matched_terms(doc, &words),
            })
            .collect()
    }

    /// How the query's words sit in the title, in order: TYPED_START_ORDER
    /// when the title starts with exactly the words typed ("how to blo" and
    /// "How to block a sender"), 1 when it starts with them once stop words
    /// are left out on both sides ("error con" and "Error when connecting"),
    /// 0.5 when they follow each other later in it, 0 otherwise. A word
    /// matches a title word through any of its expansions (stem, completion,
    /// typo), and codes and numbers in the title may be left out.
    fn title_order(&self, doc: usize, words: &[QueryWord]) -> f32 {
        let typed: Vec<&QueryWord> = words.iter().collect();
        let wanted: Vec<&QueryWord> = words.iter().filter(|w| w.importance >= 1.0).collect();
        if typed.is_empty() {
            return 0.0;
        }
        let title = self.title_terms(doc);
        let matches = |word: &QueryWord, term: u32| {
            word.expansions.iter().any(|e| e.term as u32 == term)
                || word.title_starts.contains(&(term as usize))
        };
        // Codes and numbers in a title ("Error 0x8000FFFF when running")
        // are what people leave out when typing it.
        let skippable = |term: u32| {
            self.terms
                .get(term as usize)
                .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
        };
        // Some(whether a code was left out) when the words run from `start`.
        let run_at = |start: usize, words: &[&QueryWord], skip_stop_words: bool| {
            let mut rest = title.get(start..).unwrap_or_default().iter();
            // A run starts on its first word ("404 error when" does not
            // start with "error when"), and a run of content words on a
            // content word.
            let first = title.get(start)?;
            if !words.first().is_some_and(|w| matches(w, first.term)) {
                return None;
            }
            let mut skipped_code = false;
            let all = words.iter().all(|w| loop {
                match rest.next() {
                    Some(t) if matches(w, t.term) => break true,
                    Some(t) if skip_stop_words && t.stop_word => continue,
                    Some(t) if skippable(t.term) => skipped_code = true,
                    _ => break false,
                }
            });
            all.then_some(skipped_code)
        };
        // Titles that hold the words as typed go before those that needed a
        // code left out ("error occ": "Error occurs when" before "Error
        // 0xC0202009 occurs when").
        let exact = |skipped_code: bool| if skipped_code { CODE_SKIPPED } else { 1.0 };
        let first_content = title.iter().position(|t| !t.stop_word).unwrap_or(0);
        let content_counts = !wanted.is_empty() && (wanted.len() >= 2 || words.len() == 1);
        if let Some(skipped) = run_at(0, &typed, false) {
            TYPED_START_ORDER * exact(skipped)
        } else if let Some(skipped) = content_counts
            .then(|| run_at(first_content, &wanted, true))
            .flatten()
        {
            exact(skipped)
        } else if content_counts
            && (first_content + 1..title.len()).any(|i| run_at(i, &wanted, true).is_some())
        {
            0.5
        } else {
            0.0
        }
    }

    fn title(&self, doc: usize) -> &str {
        self.titles.get(doc).map_or("", String::as_str)
    }

    /// The expansions of the query words that occur in `doc`, for
    /// highlighting (only computed for the hits returned).
    fn matched_terms(&self, doc: usize, words: &[QueryWord]) -> HashSet<String> {
        let doc = doc as u32;
        words
            .iter()
            .flat_map(|w| &w.expansions)
            .filter(|e| {
                self.postings
                    .list(e.term)
                    .binary_search_by_key(&doc, |p| p[0])
                    .is_ok()
            })
            .map(|e| self.terms[e.term].clone())
            .collect()
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
        for field in 0..FIELD_COUNT {
            if counts[field] == 0 {
                continue;
            }
            let norm = 1.0 - FIELD_LENGTH_NORM[field]
                + FIELD_LENGTH_NORM[field] * f32::from(lengths[field]) / avg[field];
            tf += FIELD_WEIGHTS[field] * counts[field] as f32 / norm;
        }
        tf / (K1 + tf)
    }
}

pub(super) fn idf(n: usize, df: usize) -> f32 {
    (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
}
