//! "Showing results for **printer queue**": the query as the search read
//! it, when some of its words are unknown to the index and were read as
//! typos of words it knows. The app says so above the results, with the
//! words as typed one click away.

use super::index::SearchIndex;
use super::terms::term_of;
use crate::text::{is_stop_word, tokenize};

/// A query with some words corrected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrected {
    /// The query's words, each as typed or as corrected, folded and
    /// separated by spaces.
    pub text: String,
    /// The corrected words, as they appear in `text`.
    pub words: Vec<String>,
}

impl SearchIndex {
    /// The query with each word the index does not know (not as typed, nor
    /// as the start of a word when `prefix_last` and the word may be
    /// unfinished or typed short) replaced by its closest correction, the
    /// word as written rather than its stem. `None` when no word was
    /// corrected.
    pub fn corrected_query(&self, query: &str, prefix_last: bool) -> Option<Corrected> {
        let tokens = tokenize(query);
        let mut words = Vec::new();
        let mut text = Vec::with_capacity(tokens.len());
        for token in &tokens {
            let word = token.text.as_str();
            match self.known(word, prefix_last) {
                true => text.push(word.to_string()),
                false => match self.best_correction(word) {
                    Some(spelled) => {
                        text.push(spelled.to_string());
                        words.push(spelled.to_string());
                    }
                    None => text.push(word.to_string()),
                },
            }
        }
        (!words.is_empty()).then(|| Corrected {
            text: text.join(" "),
            words,
        })
    }

    /// The closest correction as written; of those as close, the one that
    /// keeps more of the word's start (a slip is likelier late in a word:
    /// "ofline" is "offline", not "online"), then the most common.
    fn best_correction(&self, word: &str) -> Option<&str> {
        let corrections = self.corrections(word);
        let closest = corrections.first()?.distance;
        corrections
            .iter()
            .take_while(|c| c.distance == closest)
            .map(|c| match c.spelling {
                Some(i) => self.spellings.get(i).0,
                None => self.terms[c.term].as_str(),
            })
            .enumerate()
            .max_by_key(|(i, spelled)| (shared_start(word, spelled), std::cmp::Reverse(*i)))
            .map(|(_, spelled)| spelled)
    }

    /// Whether the index has the word as typed (or its term), or as the
    /// start of a word: a word typed short is not a typo ("outl keep").
    fn known(&self, word: &str, prefix_last: bool) -> bool {
        is_stop_word(word)
            || self.term_id(&term_of(word)).is_some()
            || self.term_id(word).is_some()
            || (prefix_last
                && word.chars().count() >= 2
                && !(self.prefix_range(word).is_empty()
                    && self.spellings.prefix_range(word).is_empty()))
    }
}

fn shared_start(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::super::index::IndexDoc;
    use super::*;

    fn index() -> SearchIndex {
        let docs = [
            "Print queue stuck and documents will not print",
            "Printer shows offline",
            "Teams screen sharing shows a black screen",
        ]
        .map(|t| IndexDoc {
            title: t.into(),
            ..Default::default()
        });
        SearchIndex::build(&docs)
    }

    #[test]
    fn typo_d_words_are_shown_as_the_words_they_were_read_as() {
        let found = index().corrected_query("pirnter qeuue", true).unwrap();
        assert_eq!(found.text, "printer queue");
        assert_eq!(found.words, ["printer", "queue"]);
        // The word as written, not its stem (`share`).
        let found = index().corrected_query("screen sharign", true).unwrap();
        assert_eq!(found.text, "screen sharing");
    }

    #[test]
    fn of_two_corrections_as_close_the_one_keeping_more_of_the_start_is_shown() {
        let docs = ["Printer shows offline", "Teams shows online"].map(|t| IndexDoc {
            title: t.into(),
            ..Default::default()
        });
        let found = SearchIndex::build(&docs).corrected_query("pirnter ofline", true);
        assert_eq!(found.unwrap().text, "printer offline");
    }

    #[test]
    fn known_words_and_words_typed_short_are_not_corrections() {
        assert_eq!(index().corrected_query("printer queue", true), None);
        assert_eq!(index().corrected_query("print que", true), None);
        assert_eq!(index().corrected_query("the zzzzzz", true), None);
    }
}
