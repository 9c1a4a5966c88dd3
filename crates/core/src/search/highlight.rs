//! Marks the words of a text that a search matched, as plain segments the
//! UI renders as text nodes: highlighting never builds HTML from strings.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::terms::term_of;
use crate::text::tokenize;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Splits `text` into runs, marking each word whose index term is one of
/// `matched_terms`.
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
    let mut cursor = 0;
    for token in tokenize(text) {
        if matched_terms.contains(&term_of(&token.text)) {
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
}
