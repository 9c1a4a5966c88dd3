//! How deeply an article's elements nest: markdown's own (quotes, lists,
//! emphasis) and the raw HTML it holds, counted together as the HTML
//! parser behind the sanitiser will see them.
//!
//! Why there is a limit: html5ever, which ammonia parses with, looks
//! through the stack of open elements for each start tag (`in_scope_named`
//! was 66% of the profile), so n nested elements cost n² (issue 19: 100k
//! nested `>` quotes did not build in 60 s, 20k took 7.7 s; 200k nested
//! `<div>`s and a 1 MB `* * * …` line did not build in 60 s either). Real
//! articles nest a few levels (the shared corpus: at most
//! [`CORPUS_DEEPEST`]); past [`MAX_NESTING`] the article is refused
//! before the sanitiser ever sees it.

use pulldown_cmark::Event;

/// The deepest nesting an article may have.
pub const MAX_NESTING: usize = 64;

/// The deepest nesting in the ~3,000 articles of the shared corpus,
/// measured by this module (2026-12-03).
pub const CORPUS_DEEPEST: usize = 12;

/// Elements that never hold the next one: void elements, and those the
/// HTML parser closes when a sibling opens (`<p><p>` are two paragraphs).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "tbody", "thead", "tfoot", "colgroup", "caption",
];

/// The deepest point of an article, as found by [`Depth`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Deepest {
    /// How many elements are open there.
    pub depth: usize,
    /// Byte offset in the markdown of the element that first went past
    /// [`MAX_NESTING`], if one did: where the author must look.
    pub over: Option<usize>,
}

/// Counts open elements over an article's events, in order.
#[derive(Debug, Default)]
pub(super) struct Depth {
    markdown: usize,
    html: usize,
    /// Open `<svg>` and `<math>` elements: inside them `<x/>` closes itself.
    foreign: usize,
    pub deepest: Deepest,
}

impl Depth {
    /// Takes in one event, which starts at byte `offset`.
    pub fn take(&mut self, event: &Event, offset: usize) {
        let depth = match event {
            Event::Start(_) => {
                self.markdown += 1;
                self.markdown + self.html
            }
            Event::End(_) => {
                self.markdown = self.markdown.saturating_sub(1);
                0
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html_tags(html),
            _ => 0,
        };
        self.deepest.depth = self.deepest.depth.max(depth);
        if depth > MAX_NESTING && self.deepest.over.is_none() {
            self.deepest.over = Some(offset);
        }
    }

    /// Opens and closes elements for the tags in raw HTML, and returns the
    /// deepest point reached. Approximate where HTML is: it needs to count
    /// only what nests.
    fn html_tags(&mut self, html: &str) -> usize {
        let mut peak = 0;
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            rest = &rest[lt + 1..];
            let closing = rest.starts_with('/');
            let name_from = usize::from(closing);
            let name: String = rest[name_from..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if name.is_empty() || !rest[name_from..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                continue;
            }
            let end = rest.find('>').unwrap_or(rest.len());
            let self_closed = rest[..end].ends_with('/') && self.foreign > 0;
            rest = &rest[end..];
            let foreign = matches!(name.as_str(), "svg" | "math");
            if FLAT.contains(&name.as_str()) || self_closed {
                continue;
            }
            if closing {
                self.html = self.html.saturating_sub(1);
                if foreign {
                    self.foreign = self.foreign.saturating_sub(1);
                }
            } else {
                self.html += 1;
                self.foreign += usize::from(foreign);
            }
            peak = peak.max(self.markdown + self.html);
        }
        peak
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::CowStr;

    fn depth_of_html(html: &str) -> usize {
        let mut depth = Depth::default();
        depth.take(&Event::Html(CowStr::from(html.to_string())), 0);
        depth.deepest.depth
    }

    #[test]
    fn only_elements_that_stay_open_nest() {
        assert_eq!(depth_of_html("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(depth_of_html("<p>a<p>b<br><img src=x><li>c"), 0);
        assert_eq!(depth_of_html("<div class=\"a\"></div><div></div>"), 1);
        assert_eq!(
            depth_of_html("<!-- <div> --> a < b"),
            1,
            "approximate: a comment's tag counts"
        );
        assert_eq!(depth_of_html("<svg><path/><path/><g><path/></g></svg>"), 2);
        assert_eq!(
            depth_of_html(&"<div/>".repeat(5)),
            5,
            "HTML ignores `/>` on a div"
        );
    }
}
