//! Typo corrections: the index terms a word the index does not know was
//! probably meant as, found by edit distance against the vocabulary (the
//! stems) and against the words as written (`spellings.rs`).
//!
//! Only the terms that start with the word's first letter are compared (or
//! with its first two letters swapped): people rarely miss the first letter
//! of a word, and the vocabulary is sorted, so those terms are one range of
//! it, about a twentieth. The second letter is fair game like any other.
//!
//! A stop word is never a correction: "dying" is one letter from "doing",
//! indexed as `do`, which says nothing about what the user asks.

use std::collections::HashMap;

use super::evidence;
use super::expand::Expansion;
use super::index::SearchIndex;
use super::shape::Shape;
use super::terms::term_of;
use super::typo::{allowed_typos, slip_cost, within_distance};
use crate::text::is_stop_word;

const MAX_TYPO_TERMS: usize = 8;
/// Words from this many letters may carry two typos when both are slips of
/// the fingers ("lrgge" for "large"), where other edits count only one of
/// any kind: on the typed tuning set (2026-12-07, night), typo'd title
/// words 0.927 with one, 0.933 with two slips from five letters, 0.935
/// from four, but from four "song" is two slips from "sign" and "sing me a
/// song" found sample articles (tests/nonsense.rs); with four letters'
/// two slips ranking but no evidence, held-out all fell below its floor.
const TWO_SLIPS_FROM: usize = 5;

/// A term a word may be a typo of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Correction {
    pub term: usize,
    pub distance: usize,
    /// How long the word was that came this close (the typed word, or its
    /// stem): a slip in a short word is as likely another word.
    pub len: usize,
    /// The word as written that came this close, when a spelling did (the
    /// term is a stem, `communic`, not a word to show the user).
    pub spelling: Option<usize>,
    /// How likely a slip of the fingers it was (see `typo::slip_cost`).
    pub cost: usize,
}

impl SearchIndex {
    /// Adds the best corrections of `word` not in `expansions` already.
    pub(super) fn add_typo_expansions(&self, word: &str, expansions: &mut Vec<Expansion>) {
        for c in self.corrections(word).into_iter().take(MAX_TYPO_TERMS) {
            if expansions.iter().any(|e| e.term == c.term) {
                continue;
            }
            let evidence = if c.distance > 1 {
                evidence::TYPO_FAR
            } else if c.len <= 5 {
                evidence::TYPO_SHORT_WORD
            } else {
                evidence::TYPO
            };
            // Weighed by how likely a slip it is, not by distance alone
            // (by itself no change on the typed sets; it ranks "teams"
            // above "then" for "teeans").
            let weight = match c.cost {
                0 | 1 => 0.75,
                2 => 0.5,
                _ => 0.35,
            };
            expansions.push(Expansion::new(c.term, weight, evidence));
        }
    }

    /// The terms within the typos `word`'s length allows, closest first and,
    /// as close, the most common first. None for a short word or a number.
    pub(super) fn corrections(&self, word: &str) -> Vec<Correction> {
        let chars: Vec<char> = word.chars().collect();
        let allowed = allowed_typos(chars.len());
        // Two slips in a word of five ("lrgge" for "large") count too,
        // when both are slips of the fingers (see `typo::slip_cost`).
        let max = if allowed == 1 && chars.len() >= TWO_SLIPS_FROM {
            2
        } else {
            allowed
        };
        if max == 0 || chars.iter().all(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        // Three letters that start a word are that word typed short; three
        // that start none ("dta") may be a four-letter word one letter off.
        if chars.len() == 3
            && !(self.prefix_range(word).is_empty() && self.spellings.prefix_range(word).is_empty())
        {
            return Vec::new();
        }
        // The vocabulary is stems: "autpmatic" is one letter from "automat"
        // (automatic) only once it is stemmed itself.
        let stem_word = term_of(word);
        let stem: Vec<char> = stem_word.chars().collect();
        let stem = (stem != chars && stem.len() >= 4).then_some(stem);
        let stem_word = stem.is_some().then_some(stem_word.as_str());
        // Per term: distance, length, and the spelling that came closest.
        let mut best: HashMap<usize, (usize, usize, Option<usize>)> = HashMap::new();
        let mut keep = |term: usize, found: Option<(usize, usize)>, spelling: Option<usize>| {
            if let Some((distance, len)) = found {
                let entry = best.entry(term).or_insert((distance, len, spelling));
                if distance < entry.0 {
                    *entry = (distance, len, spelling.or(entry.2));
                } else if distance == entry.0 && entry.2.is_none() {
                    entry.2 = spelling;
                }
            }
        };
        // Three letters are a four-letter word with one dropped ("dta"):
        // "wet" is not meant as "we" or "web".
        let dropped_only = chars.len() == 3;
        let shape = Shape::of(word);
        let stem_shape = stem_word.map(Shape::of);
        let close = |other: Shape| {
            (!dropped_only || other.len() == 4)
                && (shape.may_be_within(other, max)
                    || stem_shape.is_some_and(|s| s.may_be_within(other, max)))
        };
        let term_shapes = self.term_shapes.get(|| self.terms.as_slice());
        let spelling_shapes = self.spellings.shapes();
        let mut candidate = Vec::with_capacity(32);
        for head in heads(&chars) {
            for id in self.prefix_range(&head) {
                let term = &self.terms[id];
                if !close(term_shapes[id]) || is_stop_word(term) {
                    continue;
                }
                candidate.clear();
                candidate.extend(term.chars());
                keep(id, closest(&chars, stem.as_deref(), &candidate, max), None);
            }
            for i in self.spellings.prefix_range(&head) {
                let (spelling, id) = self.spellings.get(i);
                // Spellings are matched as typed, not stemmed.
                if !(shape.may_be_within(spelling_shapes[i], max)
                    && (!dropped_only || spelling_shapes[i].len() == 4))
                    || is_stop_word(spelling)
                    || is_stop_word(&self.terms[id])
                {
                    continue;
                }
                candidate.clear();
                candidate.extend(spelling.chars());
                let found = within_distance(&chars, &candidate, max).map(|d| (d, chars.len()));
                keep(id, found, Some(i));
            }
        }
        let cost = |term: usize, spelling: Option<usize>| {
            let meant: Vec<char> = match spelling {
                Some(i) => self.spellings.get(i).0.chars().collect(),
                None => self.terms[term].chars().collect(),
            };
            let stemmed = stem.as_deref().map_or(usize::MAX, |s| slip_cost(s, &meant));
            slip_cost(&chars, &meant).min(stemmed)
        };
        let mut found: Vec<Correction> = best
            .into_iter()
            .map(|(term, (distance, len, spelling))| Correction {
                term,
                distance,
                len,
                spelling,
                cost: cost(term, spelling),
            })
            .filter(|c| c.distance <= allowed || c.cost <= c.distance)
            .collect();
        found.sort_by_key(|c| {
            (
                c.distance,
                c.cost,
                std::cmp::Reverse(self.postings.doc_count(c.term)),
                c.term,
            )
        });
        found
    }
}

/// The starts a term must have to be compared with the word: its first
/// letter, or its first two letters swapped.
fn heads(chars: &[char]) -> Vec<String> {
    let mut heads = vec![chars[0].to_string()];
    if let Some(&second) = chars.get(1) {
        if second != chars[0] {
            heads.push([second, chars[0]].iter().collect());
        }
    }
    heads
}

/// The distance from the word (or, when that is over one, its stem) to a
/// term, and the length of what was that close.
fn closest(
    word: &[char],
    stem: Option<&[char]>,
    term: &[char],
    max: usize,
) -> Option<(usize, usize)> {
    let raw = within_distance(word, term, max).map(|d| (d, word.len()));
    match stem {
        Some(stem) if raw.is_none_or(|(d, _)| d > 1) => {
            let stemmed = within_distance(stem, term, max).map(|d| (d, stem.len()));
            match (raw, stemmed) {
                (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
                (a, b) => a.or(b),
            }
        }
        _ => raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::of_titles(titles)
    }

    fn corrected(index: &SearchIndex, word: &str) -> Vec<String> {
        index
            .corrections(word)
            .into_iter()
            .map(|c| index.terms[c.term].clone())
            .collect()
    }

    #[test]
    fn a_typo_in_a_word_is_matched_on_the_word_as_written_not_only_its_stem() {
        let index = index(&["Active Directory communication fails", "Sharing a mailbox"]);
        assert_eq!(corrected(&index, "communictaion"), ["communic"]);
        assert_eq!(corrected(&index, "shaaring"), ["share"]);
    }

    #[test]
    fn a_stop_word_is_never_a_correction() {
        let index = index(&["What to do when nothing is doing"]);
        assert!(corrected(&index, "dying").is_empty());
    }

    #[test]
    fn the_second_letter_may_be_the_slip() {
        let index = index(&["Printer offline", "Password expired", "Outlook crashes"]);
        assert_eq!(corrected(&index, "pirnter"), ["printer"]);
        assert_eq!(corrected(&index, "pssword"), ["password"]);
        assert_eq!(corrected(&index, "otulook"), ["outlook"]);
    }

    #[test]
    fn short_words_and_numbers_are_not_corrected() {
        let index = index(&["Error 1234 on the VPN", "Data lost"]);
        assert!(corrected(&index, "vp").is_empty());
        assert!(corrected(&index, "1235").is_empty());
        // Three letters that start a word are that word typed short, and
        // three that do not are a word of four with one letter dropped.
        assert!(corrected(&index, "err").is_empty());
        assert!(corrected(&index, "vpm").is_empty());
        assert_eq!(corrected(&index, "dta"), ["data"]);
    }
}
