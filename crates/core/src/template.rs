//! The house template for a new article (`lantern new`), and the sample
//! sentences in it that an author is meant to replace: `lantern check`
//! warns about any still there, so the template's text never reaches
//! readers by accident.

/// Sentences of the template that only make sense as instructions to the
/// author, in the order they appear.
pub const PLACEHOLDERS: [&str; 6] = [
    "One sentence, in the user's words, saying what this article fixes.",
    "One or two sentences: who this is for and what they will have fixed at the end.",
    "What the user sees, including the exact error message (people search for it).",
    "Why it happens, in plain words.",
    "Step one.",
    "Step two.",
];

/// A new article titled `title`, in `category` (may be empty), updated
/// `today` and due for review on `review_by` (both `YYYY-MM-DD`).
pub fn article(title: &str, category: &str, today: &str, review_by: &str) -> String {
    let quoted = yaml_quoted(title);
    let [summary, intro, symptom, cause, step_one, step_two] = PLACEHOLDERS;
    format!(
        r#"---
title: "{quoted}"
summary: "{summary}"
category: {category}
tags: []
aliases: []
updated: {today}
review_by: {review_by}
---
{intro}

## Symptoms

- {symptom}

## Cause

{cause}

## Fix

### First thing to try

1. {step_one}
2. {step_two}

## If this did not help

Contact the service desk and include: what you tried, the exact error message, and when it started.
"#
    )
}

/// `text` as the inside of a YAML double-quoted string: a quote or a
/// backslash escaped, and every control character (the YAML reader takes
/// NEL, LS and PS for line breaks too) written as `\uXXXX`, so a title can
/// never end its line and add a key of its own.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_in_the_template() {
        let text = article("T", "", "2026-01-01", "2026-07-01");
        for placeholder in PLACEHOLDERS {
            assert!(text.contains(placeholder), "{placeholder}");
        }
    }

    #[test]
    fn a_title_with_a_newline_or_quotes_stays_one_title_and_adds_no_front_matter_key() {
        for title in [
            "Printer\ncategory: evil",
            "Say \"hi\" \\ back",
            "Tab\there\r\n---\nbody",
            "Bell\u{7}and\u{85}next",
        ] {
            let text = article(title, "", "2026-01-01", "2026-07-01");
            let parsed = crate::front_matter::parse_article("a.md", &text)
                .unwrap_or_else(|d| panic!("{title:?}: {d:?}"));
            assert_eq!(parsed.front.title, title);
            assert_eq!(parsed.front.category, "", "{title:?}");
        }
    }
}
