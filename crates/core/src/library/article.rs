//! One article file: its text parsed (front matter and body) and rendered,
//! or the diagnostics that keep it out.

use crate::diagnostic::{position_in, Diagnostic};
use crate::front_matter::{body_of, parse_article, FrontMatter};
use crate::render::{
    blank_out, leading_h1, render_article_with, title_heading, without_title_heading, Rendered,
    MAX_NESTING,
};

use super::headings::heading_problems;

/// One article that loaded: its file, front matter, body and rendering.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path as shown in diagnostics (the articles folder joined with the
    /// relative path).
    pub path: String,
    /// Path relative to the articles folder, with `/` separators.
    pub relative_path: String,
    /// Its address, from the file name.
    pub slug: String,
    /// Its front matter, checked.
    pub front: FrontMatter,
    /// The file line the body starts on.
    pub body_line: usize,
    /// File line of each front matter field present.
    pub field_lines: std::collections::BTreeMap<String, usize>,
    /// The markdown body, for mapping offsets back to lines; a leading
    /// heading that repeats the title is blanked out (its lines kept).
    pub body: String,
    /// The id of that left-out title heading, still at the top of the
    /// body, so that links to it land.
    pub title_anchor: Option<String>,
    /// The body rendered: HTML, headings, sections and links.
    pub rendered: Rendered,
}

impl Article {
    /// The folder the article's file is in, relative to the articles folder.
    pub fn dir(&self) -> &str {
        self.relative_path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
    }

    /// The file line of a front matter field (1 when it is not there).
    pub fn field_line(&self, field: &str) -> usize {
        self.field_lines.get(field).copied().unwrap_or(1)
    }

    /// File line and column of a byte offset in the body.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        position_in(&self.body, self.body_line, offset)
    }
}

/// What reading one file gives: the article, if it can be published, and
/// what to tell its author.
pub(super) struct Outcome {
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and renders one article's text; `display` names it in
/// diagnostics, `path` is relative to the articles folder.
pub(super) fn parse_one(display: &str, path: &str, text: &str, html: bool) -> Outcome {
    let parsed = match parse_article(display, text) {
        Ok(parsed) => parsed,
        Err(mut errors) => {
            // The body's own problems, so that one run reports them all. A
            // leading `# …` is most likely the title: it is not judged here.
            if let Some((body, body_line)) = body_of(text) {
                let body = match leading_h1(&body) {
                    Some((range, _)) => blank_out(&body, range),
                    None => body,
                };
                let rendered = render_article_with(&body, "", false);
                errors.extend(too_deep(display, &body, body_line, &rendered));
                errors.extend(heading_problems(display, &body, body_line, &rendered));
            }
            return Outcome {
                article: None,
                diagnostics: errors,
            };
        }
    };
    let file_name = path.rsplit('/').next().unwrap_or(path);
    let slug = crate::slug::slug_from_file_name(file_name);
    if slug.is_empty() {
        let error = Diagnostic::error(display, 1, 1, "the file name makes an empty slug: name it with letters or digits, like `printer-offline.md`");
        return Outcome {
            article: None,
            diagnostics: vec![error],
        };
    }
    let mut warnings = parsed.warnings;
    let mut body = parsed.body;
    let mut title_anchor = None;
    // The page shows the title: a `# Title` that opens the body would
    // repeat it (two `<h1>`s), so it is left out, and the author told.
    if let Some(range) = title_heading(&body, &parsed.front.title) {
        let line = parsed.body_line + body[..range.start].matches('\n').count();
        warnings.push(Diagnostic::warning(
            display,
            line,
            1,
            "this heading repeats the title: the page already shows the title; remove this line",
        ));
        if let Some((without, anchor)) = without_title_heading(&body, &parsed.front.title) {
            body = without;
            title_anchor = anchor;
        }
    }
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let rendered = render_article_with(&body, dir, html);
    if let Some(error) = too_deep(display, &body, parsed.body_line, &rendered) {
        return Outcome {
            article: None,
            diagnostics: vec![error],
        };
    }
    warnings.extend(heading_problems(
        display,
        &body,
        parsed.body_line,
        &rendered,
    ));
    let article = Article {
        path: display.to_string(),
        relative_path: path.to_string(),
        slug,
        front: parsed.front,
        body_line: parsed.body_line,
        field_lines: parsed.field_lines,
        body,
        title_anchor,
        rendered,
    };
    Outcome {
        article: Some(article),
        diagnostics: warnings,
    }
}

/// The most links and images an article may have. Real articles have a
/// few hundred at most (the shared corpus: 291); each is checked, and
/// each broken one reported, so tens of thousands (issue 19: 70k links
/// took `lantern check` 23 s) are refused.
pub const MAX_LINKS: usize = 10_000;

/// The error for a body past what is processed in bounded time: nesting
/// deeper than the sanitiser can take (see `render::MAX_NESTING`), or more
/// than [`MAX_LINKS`] links; at the place it goes past.
fn too_deep(
    display: &str,
    body: &str,
    body_line: usize,
    rendered: &Rendered,
) -> Option<Diagnostic> {
    let at = |offset: usize, message: String| {
        let (line, col) = position_in(body, body_line, offset);
        Some(Diagnostic::error(display, line, col, message))
    };
    if let Some(offset) = rendered.deepest.over {
        return at(
            offset,
            format!(
                "the article nests more than {MAX_NESTING} levels deep from here ({} at the deepest: quotes, lists or HTML elements inside each other): flatten the quotes, lists or HTML",
                rendered.deepest.depth
            ),
        );
    }
    let past = rendered.links.get(MAX_LINKS)?;
    at(
        past.offset,
        format!(
            "the article has {} links and images, over the {MAX_LINKS} limit (this is the first past it): split the article, or link to one page that lists the rest",
            rendered.links.len()
        ),
    )
}
