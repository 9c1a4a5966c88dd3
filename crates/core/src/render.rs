//! Markdown to safe HTML. Article markdown is untrusted: whatever raw HTML
//! it holds goes through ammonia's allow-list, and only http(s), mailto and
//! tel links survive (`javascript:` and `data:` never do).

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::catalog::HeadingRef;
/// The plain text of an article's sections, as rendering finds them and
/// snippets quote them (one type for both).
pub use crate::search::Section;

mod ids;
mod nesting;
mod sanitize;
mod title;

use ids::UniqueSlugs;
pub use ids::{author_anchors, claimable, APP_IDS};
pub use nesting::{Deepest, CORPUS_DEEPEST, MAX_NESTING};
pub use sanitize::{escape_html, sanitize};
pub use title::{blank_out, leading_h1, title_heading, without_title_heading};

/// A link or image target as written, with its byte offset in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRef {
    /// Its byte offset in the markdown.
    pub offset: usize,
    /// The target as written.
    pub dest: String,
    /// Whether it is an image (else a link).
    pub is_image: bool,
}

/// An article rendered: safe HTML and the structure found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The sanitised HTML (empty when rendered without it).
    pub html: String,
    /// The headings, in order, each with its unique anchor id.
    pub headings: Vec<HeadingRef>,
    /// Byte offset in the markdown of each of `headings`, for diagnostics.
    pub heading_offsets: Vec<usize>,
    /// The plain text under each heading (and before the first).
    pub sections: Vec<Section>,
    /// Every link and image, in order.
    pub links: Vec<LinkRef>,
    /// Where the elements nest deepest (see [`MAX_NESTING`]).
    pub deepest: Deepest,
    /// The link targets the article's own HTML gives besides its headings
    /// (`<a id="summary"></a>`, `<a name="Note1">`), as the page keeps them.
    pub anchors: Vec<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Rewrites a link between articles, written as the other file's name
/// (`printer-offline.md#restart`, which also works on GitHub), into the
/// permalink of that article relative to this one (`../printer-offline/#restart`).
pub fn article_link_target(dest: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with('/') || dest.starts_with("mailto:") {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    let file = path.strip_prefix("./").unwrap_or(path);
    let stem = file.strip_suffix(".md")?;
    if stem.is_empty() || stem.contains('/') {
        return None;
    }
    let slug = crate::slug::slug_from_file_name(stem);
    Some(match fragment {
        Some(f) if !f.is_empty() => format!("../{slug}/#{f}"),
        _ => format!("../{slug}/"),
    })
}

/// Renders an article that sits at the top of the articles folder.
pub fn render_markdown(markdown: &str) -> Rendered {
    render_article(markdown, "")
}

/// The path, relative to the articles folder, of a file that an article in
/// `article_dir` refers to as `dest`; `None` for URLs, absolute paths and
/// paths that climb out of the folder.
pub fn local_file(article_dir: &str, dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    if path.is_empty() || path.contains(':') || path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    let mut parts: Vec<&str> = article_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Renders an article whose file is in `article_dir` (relative to the
/// articles folder, `/`-separated, empty at the top). Images it refers to by
/// relative path are published under `media/`, so their addresses are
/// rewritten to point there from the article's permalink.
pub fn render_article(markdown: &str, article_dir: &str) -> Rendered {
    render_article_with(markdown, article_dir, true)
}

/// As [`render_article`]; without `html` only the structure (headings,
/// sections, links) is produced, which is all `lantern check` needs and
/// skips the sanitiser, by far the slowest step.
pub fn render_article_with(markdown: &str, article_dir: &str, html: bool) -> Rendered {
    let mut events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let anchors = author_anchors(events.iter().filter_map(|(event, _)| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(&**html),
        _ => None,
    }));
    let mut outline = Outline::new(UniqueSlugs::with_taken(&anchors));
    let mut depth = nesting::Depth::default();
    for i in 0..events.len() {
        depth.take(&events[i].0, events[i].1.start);
        outline.take(&mut events, i, article_dir);
    }
    let (headings, heading_offsets, sections, links) = outline.finish();
    let deepest = depth.deepest;
    // Too deep for the sanitiser to finish (see `nesting`): loading
    // refuses such an article; nothing else may hand it over either.
    let html = if html && deepest.depth <= MAX_NESTING {
        let mut raw = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut raw, events.into_iter().map(|(e, _)| e));
        sanitize(&raw)
    } else {
        String::new()
    };
    Rendered {
        html,
        headings,
        heading_offsets,
        sections,
        links,
        deepest,
        anchors,
    }
}

/// What one walk over an article's events gathers: its headings (each
/// given a unique anchor id, written back into the event), the plain text
/// of its sections, and its links and images (their targets rewritten for
/// the published page).
struct Outline {
    ids: UniqueSlugs,
    headings: Vec<HeadingRef>,
    heading_offsets: Vec<usize>,
    sections: Vec<Section>,
    links: Vec<LinkRef>,
    /// The event that opened the heading being read, if one is.
    in_heading: Option<usize>,
    heading_text: String,
}

type Events<'a> = Vec<(Event<'a>, std::ops::Range<usize>)>;

impl Outline {
    fn new(ids: UniqueSlugs) -> Self {
        Outline {
            ids,
            headings: Vec::new(),
            heading_offsets: Vec::new(),
            sections: vec![Section {
                heading_id: None,
                heading: String::new(),
                text: String::new(),
            }],
            links: Vec::new(),
            in_heading: None,
            heading_text: String::new(),
        }
    }

    /// Takes in event `i`, rewriting it (or the heading it closes) in place.
    fn take(&mut self, events: &mut Events, i: usize, article_dir: &str) {
        let (event, range) = &mut events[i];
        let offset = range.start;
        match event {
            Event::Start(Tag::Heading { .. }) => {
                self.in_heading = Some(i);
                self.heading_text.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = heading_level(*level);
                self.end_heading(events, level);
            }
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if !matches!(link_type, LinkType::Email | LinkType::Autolink) => {
                self.link(offset, dest_url, false);
                if let Some(target) = article_link_target(dest_url) {
                    *dest_url = CowStr::from(target);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.link(offset, dest_url, true);
                if let Some(file) = local_file(article_dir, dest_url) {
                    *dest_url = CowStr::from(format!("../../media/{file}"));
                }
            }
            Event::Text(text) | Event::Code(text) => match self.in_heading {
                Some(_) => self.heading_text.push_str(text),
                None => self.section_text().push_str(text),
            },
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) if self.in_heading.is_none() => {
                let text = self.section_text();
                if !text.ends_with(' ') && !text.is_empty() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }

    /// A heading ends: it gets its id, and a section starts under it.
    fn end_heading(&mut self, events: &mut Events, level: u8) {
        let text = self.heading_text.trim().to_string();
        let start = self.in_heading.take().expect("heading end without start");
        let id = self.ids.unique(&text);
        if let (Event::Start(Tag::Heading { id: slot, .. }), _) = &mut events[start] {
            *slot = Some(CowStr::from(id.clone()));
        }
        self.headings.push(HeadingRef {
            id: id.clone(),
            text: text.clone(),
            level,
        });
        self.heading_offsets.push(events[start].1.start);
        self.sections.push(Section {
            heading_id: Some(id),
            heading: text,
            text: String::new(),
        });
    }

    fn link(&mut self, offset: usize, dest: &str, is_image: bool) {
        self.links.push(LinkRef {
            offset,
            dest: dest.to_string(),
            is_image,
        });
    }

    fn section_text(&mut self) -> &mut String {
        &mut self
            .sections
            .last_mut()
            .expect("there is always a section")
            .text
    }

    /// Headings, their offsets, the sections that hold text (or a heading)
    /// and the links.
    fn finish(mut self) -> (Vec<HeadingRef>, Vec<usize>, Vec<Section>, Vec<LinkRef>) {
        for section in &mut self.sections {
            section.text = section.text.trim().to_string();
        }
        self.sections
            .retain(|s| s.heading_id.is_some() || !s.text.is_empty());
        (
            self.headings,
            self.heading_offsets,
            self.sections,
            self.links,
        )
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
