//! The passage of an article that best matches a query, for the line under
//! a search result: the section holding most of the matched words, cut to
//! a window around them, with the heading it sits under so the result can
//! link straight to that section.

use std::collections::HashSet;

use super::highlight::{highlight, Segment};
use super::terms::term_of;
use crate::text::tokenize;

/// Plain text of one part of an article, under its nearest heading (the
/// intro has none): what rendering produces (`render::Rendered`), the
/// search engine indexes and snippets quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's anchor id; `None` for the intro.
    pub heading_id: Option<String>,
    /// The heading's text; empty for the intro.
    pub heading: String,
    /// The section's words, as plain text.
    pub text: String,
}

/// The passage of an article that best matches a query, for the line under a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The anchor of the section it is in; `None` for the intro.
    pub heading_id: Option<String>,
    /// That section's heading; empty for the intro.
    pub heading: String,
    /// The passage's text, its matched words marked.
    pub segments: Vec<Segment>,
}

/// Sections with the index terms of their words worked out once: choosing
/// a passage on every keystroke then stems nothing.
#[derive(Debug, Clone, Default)]
pub struct PreparedSections {
    sections: Vec<Section>,
    /// Per section: (start, end, term) of each word.
    words: Vec<Vec<(usize, usize, String)>>,
    heading_terms: Vec<Vec<String>>,
}

impl PreparedSections {
    /// Works out the index terms of the sections' words and headings.
    pub fn new(sections: Vec<Section>) -> Self {
        let terms_of = |text: &str| -> Vec<(usize, usize, String)> {
            tokenize(text)
                .into_iter()
                .map(|t| (t.start, t.end, term_of(&t.text)))
                .collect()
        };
        let words = sections.iter().map(|s| terms_of(&s.text)).collect();
        let heading_terms = sections
            .iter()
            .map(|s| {
                terms_of(&s.heading)
                    .into_iter()
                    .map(|(_, _, t)| t)
                    .collect()
            })
            .collect();
        Self {
            sections,
            words,
            heading_terms,
        }
    }

    /// The sections, as given.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// See [`best_passage`].
    pub fn best_passage(
        &self,
        matched_terms: &HashSet<String>,
        max_chars: usize,
    ) -> Option<Passage> {
        let mut best: Option<(usize, &Section, usize)> = None;
        for ((section, words), heading_terms) in self
            .sections
            .iter()
            .zip(&self.words)
            .zip(&self.heading_terms)
        {
            let hits: Vec<&(usize, usize, String)> = words
                .iter()
                .filter(|(_, _, term)| matched_terms.contains(term))
                .collect();
            if hits.is_empty() {
                continue;
            }
            // The window (by bytes, about max_chars long) starting at each
            // hit that holds the most distinct matched terms.
            let mut window = (0, 0usize);
            for (i, (start, _, _)) in hits.iter().enumerate() {
                let distinct: HashSet<&str> = hits[i..]
                    .iter()
                    .take_while(|(_, end, _)| end - start <= max_chars)
                    .map(|(_, _, term)| term.as_str())
                    .collect();
                if distinct.len() > window.1 {
                    window = (*start, distinct.len());
                }
            }
            let in_heading: HashSet<&String> = heading_terms
                .iter()
                .filter(|t| matched_terms.contains(*t))
                .collect();
            let score = window.1 * 2 + in_heading.len();
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, section, window.0));
            }
        }
        let (_, section, hit_start) = best?;
        Some(cut(section, hit_start, matched_terms, max_chars))
    }
}

/// The best passage of at most about `max_chars` characters, or `None` when
/// no section has any of the matched terms.
pub fn best_passage(
    sections: &[Section],
    matched_terms: &HashSet<String>,
    max_chars: usize,
) -> Option<Passage> {
    PreparedSections::new(sections.to_vec()).best_passage(matched_terms, max_chars)
}

/// The window of `section` around `hit_start`, highlighted.
fn cut(
    section: &Section,
    hit_start: usize,
    matched_terms: &HashSet<String>,
    max_chars: usize,
) -> Passage {
    let text = &section.text;
    // Start a little before the first hit, on a word boundary.
    let lead = max_chars / 5;
    let mut start = hit_start.saturating_sub(lead);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = text[start..hit_start]
            .find(char::is_whitespace)
            .map_or(hit_start, |i| start + i + 1);
    }
    let mut end = (start + max_chars).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        end = text[start..end]
            .rfind(char::is_whitespace)
            .map_or(end, |i| start + i);
    }
    let mut segments = Vec::new();
    if start > 0 {
        segments.push(Segment {
            text: "… ".into(),
            matched: false,
        });
    }
    segments.extend(highlight(text[start..end].trim(), matched_terms));
    if end < text.len() {
        segments.push(Segment {
            text: " …".into(),
            matched: false,
        });
    }
    Passage {
        heading_id: section.heading_id.clone(),
        heading: section.heading.clone(),
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str, text: &str) -> Section {
        Section {
            heading_id: (!heading.is_empty()).then(|| crate::slug::heading_anchor(heading)),
            heading: heading.into(),
            text: text.into(),
        }
    }

    fn terms(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| term_of(w)).collect()
    }

    fn plain(p: &Passage) -> String {
        p.segments.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn picks_the_section_with_most_of_the_query_and_names_its_heading() {
        let sections = [
            section("", "Outlook asks for your password again and again."),
            section("Symptoms", "A window titled Windows Security appears."),
            section(
                "Clear saved credentials",
                "Open Credential Manager and remove every saved Outlook password entry.",
            ),
        ];
        let p = best_passage(
            &sections,
            &terms(&["credential", "password", "outlook"]),
            120,
        )
        .unwrap();
        assert_eq!(p.heading, "Clear saved credentials");
        assert_eq!(p.heading_id.as_deref(), Some("clear-saved-credentials"));
        let marked: Vec<&str> = p
            .segments
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Credential", "Outlook", "password"]);
    }

    #[test]
    fn a_long_section_is_cut_around_the_match_on_word_boundaries() {
        let text = format!(
            "{} the printer queue is stuck {}",
            "word ".repeat(200),
            "tail ".repeat(200)
        );
        let p = best_passage(&[section("Fix", &text)], &terms(&["printer", "queue"]), 80).unwrap();
        let shown = plain(&p);
        assert!(shown.starts_with("… "), "{shown}");
        assert!(shown.ends_with(" …"), "{shown}");
        assert!(shown.contains("printer queue"), "{shown}");
        assert!(shown.chars().count() <= 80 + 4, "{shown}");
        assert!(
            !shown.contains("wor …") && !shown.contains("… ord"),
            "{shown}"
        );
    }

    #[test]
    fn no_match_means_no_passage_and_multibyte_text_is_safe() {
        assert!(best_passage(&[section("A", "nothing here")], &terms(&["vpn"]), 50).is_none());
        let text = "é".repeat(300) + " vpn " + &"ü".repeat(300);
        let p = best_passage(&[section("", &text)], &terms(&["vpn"]), 40).unwrap();
        assert!(plain(&p).contains("vpn"));
    }
}
