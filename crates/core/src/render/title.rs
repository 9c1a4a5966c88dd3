//! The title heading: a level-1 heading that opens an article and repeats
//! its title is left out (the page shows the title already), keeping its
//! lines and, where it can, its anchor.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::options;

/// The byte range and text of a level-1 heading that opens `markdown`.
pub fn leading_h1(markdown: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut events = Parser::new_ext(markdown, options()).into_offset_iter();
    let (
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }),
        range,
    ) = events.next()?
    else {
        return None;
    };
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    Some((range, text))
}

/// The byte range of a level-1 heading that opens `markdown` and repeats
/// `title` (compared without case, punctuation or spacing): the page
/// shows the title already, so rendering it again would make two `<h1>`s.
pub fn title_heading(markdown: &str, title: &str) -> Option<std::ops::Range<usize>> {
    let (range, text) = leading_h1(markdown)?;
    (same_words(&text, title) && !same_words(title, "")).then_some(range)
}

/// `markdown` without the heading [`title_heading`] finds, and the id it
/// would have had. Links to that id (a "back to top") keep working: an
/// empty `<div>` with the id takes the heading's first line when a blank
/// line follows it (else the id is dropped, and `None` returned for it).
pub fn without_title_heading(markdown: &str, title: &str) -> Option<(String, Option<String>)> {
    let range = title_heading(markdown, title)?;
    let (_, text) = leading_h1(markdown)?;
    let mut anchor = crate::slug::heading_anchor(&text);
    if anchor.is_empty() {
        anchor = "section".into();
    }
    if !super::claimable(&anchor) {
        anchor = format!("section-{anchor}");
    }
    let after = &markdown[range.end..];
    let blank_follows = markdown[..range.end].ends_with('\n')
        && after
            .split('\n')
            .next()
            .is_some_and(|line| line.trim().is_empty());
    let blanked = blank_out(markdown, range.clone());
    if !blank_follows {
        return Some((blanked, None));
    }
    let mut out = String::with_capacity(markdown.len() + anchor.len() + 20);
    out.push_str(&markdown[..range.start]);
    out.push_str(&format!("<div id=\"{anchor}\"></div>"));
    out.push_str(&blanked[range.start..]);
    Some((out, Some(anchor)))
}

/// `markdown` with `range` removed and its lines left blank, so that every
/// line after it keeps its number.
pub fn blank_out(markdown: &str, range: std::ops::Range<usize>) -> String {
    let lines = markdown[range.clone()].matches('\n').count();
    let mut out = String::with_capacity(markdown.len());
    out.push_str(&markdown[..range.start]);
    out.extend(std::iter::repeat_n('\n', lines));
    out.push_str(&markdown[range.end..]);
    out
}

/// Whether two texts have the same letters and digits, ignoring case,
/// accents, spacing and punctuation (curly and straight quotes alike).
fn same_words(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        crate::text::fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    letters(a) == letters(b)
}
