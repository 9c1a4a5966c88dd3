//! Markdown to safe HTML. Article markdown is untrusted: whatever raw HTML
//! it holds goes through ammonia's allow-list, and only http(s), mailto and
//! tel links survive (`javascript:` and `data:` never do).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::catalog::HeadingRef;
/// The plain text of an article's sections, as rendering finds them and
/// snippets quote them (one type for both).
pub use crate::search::Section;
use crate::slug::UniqueSlugs;

/// A link or image target as written, with its byte offset in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRef {
    pub offset: usize,
    pub dest: String,
    pub is_image: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<HeadingRef>,
    /// Byte offset in the markdown of each of `headings`, for diagnostics.
    pub heading_offsets: Vec<usize>,
    pub sections: Vec<Section>,
    pub links: Vec<LinkRef>,
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

    let mut ids = UniqueSlugs::default();
    let mut headings = Vec::new();
    let mut heading_offsets = Vec::new();
    let mut sections = vec![Section {
        heading_id: None,
        heading: String::new(),
        text: String::new(),
    }];
    let mut links = Vec::new();
    let mut in_heading: Option<usize> = None;
    let mut heading_text = String::new();

    for i in 0..events.len() {
        let (event, range) = &mut events[i];
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = Some(i);
                heading_text.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = heading_level(*level);
                let text = heading_text.trim().to_string();
                let start = in_heading.take().expect("heading end without start");
                let id = ids.unique(&text);
                if let (Event::Start(Tag::Heading { id: slot, .. }), _) = &mut events[start] {
                    *slot = Some(CowStr::from(id.clone()));
                }
                headings.push(HeadingRef {
                    id: id.clone(),
                    text: text.clone(),
                    level,
                });
                heading_offsets.push(events[start].1.start);
                sections.push(Section {
                    heading_id: Some(id),
                    heading: text,
                    text: String::new(),
                });
            }
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) => {
                if !matches!(link_type, LinkType::Email | LinkType::Autolink) {
                    links.push(LinkRef {
                        offset: range.start,
                        dest: dest_url.to_string(),
                        is_image: false,
                    });
                    if let Some(target) = article_link_target(dest_url) {
                        *dest_url = CowStr::from(target);
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                links.push(LinkRef {
                    offset: range.start,
                    dest: dest_url.to_string(),
                    is_image: true,
                });
                if let Some(file) = local_file(article_dir, dest_url) {
                    *dest_url = CowStr::from(format!("../../media/{file}"));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if in_heading.is_some() {
                    heading_text.push_str(text);
                } else if let Some(section) = sections.last_mut() {
                    section.text.push_str(text);
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => {
                if in_heading.is_none() {
                    if let Some(section) = sections.last_mut() {
                        if !section.text.ends_with(' ') && !section.text.is_empty() {
                            section.text.push(' ');
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for section in &mut sections {
        section.text = section.text.trim().to_string();
    }
    sections.retain(|s| s.heading_id.is_some() || !s.text.is_empty());

    if !html {
        return Rendered {
            html: String::new(),
            headings,
            heading_offsets,
            sections,
            links,
        };
    }
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter().map(|(e, _)| e));
    Rendered {
        html: sanitize(&raw),
        headings,
        heading_offsets,
        sections,
        links,
    }
}

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

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .link_rel(Some("noopener noreferrer"))
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("code", ["class"])
            .add_tag_attributes("div", ["class", "id"])
            .add_tag_attributes("sup", ["class", "id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("section", ["class"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .attribute_filter(|element, attribute, value| {
                let keep = match (element, attribute) {
                    ("input", "type") => value == "checkbox",
                    ("code", "class") => {
                        value.starts_with("language-")
                            && value[9..]
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '+')
                    }
                    ("div" | "sup" | "section", "class") => value.starts_with("footnote"),
                    // Table alignment is the only inline style markdown makes.
                    ("th" | "td", "style") => matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    ),
                    _ => true,
                };
                keep.then(|| value.into())
            });
        for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(h, ["id"]);
        }
        builder
    })
}

/// Cleans HTML with the article allow-list.
pub fn sanitize(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

/// Text with every HTML special character escaped, for attributes and text
/// in the pages `lantern build` writes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
