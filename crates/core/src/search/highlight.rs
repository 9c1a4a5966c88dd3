//! Marks the words of a text that a search matched, as plain segments the
//! UI renders as text nodes: highlighting never builds HTML from strings.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::terms::term_of;
use crate::text::{is_stop_word, tokenize};

/// A run of text, matched or not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Segment {
    /// The text, as in the original.
    pub text: String,
    /// Whether its words matched the query.
    pub matched: bool,
}

/// Splits `text` into runs, marking each word whose index term is one of
/// `matched_terms`. A matched stop word is marked only next to a marked
/// word that is not one ("sign-in", "signing in"), unless the query had
/// nothing else: "cant log in" should not light up every "in" of a page.
pub fn highlight(text: &str, matched_terms: &HashSet<String>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |text: &str, matched: bool| {
        if text.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(text),
            _ => segments.push(Segment {
                text: text.to_string(),
                matched,
            }),
        }
    };
    let only_stop_words = matched_terms.iter().all(|t| is_stop_word(t));
    let tokens = tokenize(text);
    // (matched, stop word) per token.
    let marks: Vec<(bool, bool)> = tokens
        .iter()
        .map(|t| {
            (
                matched_terms.contains(&term_of(&t.text)),
                is_stop_word(&t.text),
            )
        })
        .collect();
    // Whether token `j` is a marked content word in the same phrase as `i`.
    let joined_to_content = |i: usize, j: usize| {
        let (a, b) = (i.min(j), i.max(j));
        let gap = &text[tokens[a].end..tokens[b].start];
        marks[j] == (true, false) && gap.chars().count() <= 1 && !gap.contains(['.', ',', ';', ':'])
    };
    let mut cursor = 0;
    for (i, token) in tokens.iter().enumerate() {
        let (matched, stop_word) = marks[i];
        let marked = matched
            && (!stop_word
                || only_stop_words
                || (i > 0 && joined_to_content(i, i - 1))
                || (i + 1 < tokens.len() && joined_to_content(i, i + 1)));
        if marked {
            push(&text[cursor..token.start], false);
            push(&text[token.start..token.end], true);
            cursor = token.end;
        }
    }
    push(&text[cursor..], false);
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_words_by_their_stem() {
        let terms: HashSet<String> = ["printer".to_string()].into();
        let segments = highlight("Printers <b>offline</b>? Restart the printer.", &terms);
        let marked: Vec<_> = segments
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Printers", "printer"]);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Printers <b>offline</b>? Restart the printer.");
    }

    fn marked(text: &str, terms: &[&str]) -> Vec<String> {
        let terms: HashSet<String> = terms.iter().map(|t| t.to_string()).collect();
        highlight(text, &terms)
            .into_iter()
            .filter(|s| s.matched)
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn stop_words_are_marked_only_beside_a_marked_word() {
        let text = "Sign in to the portal. In Outlook, click sign-in. Signing in works.";
        // Not the "In" of "In Outlook".
        assert_eq!(
            marked(text, &["sign", "in"]),
            ["Sign", "in", "sign", "in", "Signing", "in"]
        );
        // A query of stop words alone still shows where they are.
        assert_eq!(
            marked("How to block a sender", &["how", "to"]),
            ["How", "to"]
        );
    }
}
