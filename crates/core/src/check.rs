//! Checks across articles, after each has been parsed on its own: links
//! and images that lead nowhere, stale reviews, unknown categories.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Positions, Severity};
use crate::library::{Article, Library};
use crate::render::local_file;
use crate::template::PLACEHOLDERS;

/// What the checks across articles need to know of the site.
pub struct CheckContext<'a> {
    /// The articles folder, to look for images; `None` skips image checks.
    pub articles_dir: Option<&'a Path>,
    /// Category ids from the site config; empty accepts any category.
    pub categories: Vec<String>,
    /// `YYYY-MM-DD`.
    pub today: &'a str,
    /// How serious a link to a missing article or heading is.
    pub broken_links: Severity,
}

impl Library {
    /// Adds the cross-article diagnostics to `self.diagnostics`.
    pub fn check(&mut self, context: &CheckContext) {
        let mut found = Vec::new();
        let targets = Targets::new(&self.articles);
        for article in &self.articles {
            check_links(article, &targets, context, &mut found);
            check_front_matter(article, context, &mut found);
            check_placeholders(article, &mut found);
        }
        self.diagnostics.extend(found);
        self.diagnostics.sort_by(|a, b| {
            (a.path.as_str(), a.line, a.col).cmp(&(b.path.as_str(), b.line, b.col))
        });
    }
}

/// What a link may lead to: the articles by slug and by alias, and the
/// anchors of each (a set, so that a link costs the same however many
/// headings its target has).
struct Targets<'a> {
    slugs: HashMap<&'a str, &'a Article>,
    aliases: HashMap<&'a str, &'a Article>,
    anchors: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> Targets<'a> {
    fn new(articles: &'a [Article]) -> Self {
        Targets {
            slugs: articles.iter().map(|a| (a.slug.as_str(), a)).collect(),
            aliases: articles
                .iter()
                .flat_map(|a| a.front.aliases.iter().map(move |alias| (alias.as_str(), a)))
                .collect(),
            anchors: articles
                .iter()
                .map(|a| (a.path.as_str(), anchors_of(a)))
                .collect(),
        }
    }

    /// Whether `article` has a heading (or title anchor) with this id.
    fn has_anchor(&self, article: &Article, id: &str) -> bool {
        self.anchors
            .get(article.path.as_str())
            .is_some_and(|ids| ids.contains(id))
    }
}

fn anchors_of(article: &Article) -> HashSet<&str> {
    article
        .rendered
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .chain(article.rendered.anchors.iter().map(String::as_str))
        .chain(article.title_anchor.as_deref())
        .collect()
}

fn check_links(
    article: &Article,
    targets: &Targets,
    context: &CheckContext,
    found: &mut Vec<Diagnostic>,
) {
    // Links come in the order they are written: count lines on from one
    // to the next (see `Positions`).
    let mut positions = Positions::new(&article.body, article.body_line);
    for link in &article.rendered.links {
        let (line, col) = positions.of(link.offset);
        let at = |severity: Severity, message: String| {
            Diagnostic::new(severity, &article.path, line, col, message)
        };
        let dest = link.dest.as_str();
        if link.is_image {
            let problem = context
                .articles_dir
                .and_then(|dir| image_problem(article, dest, dir));
            found.extend(problem.map(|message| at(Severity::Error, message)));
        } else if let Some(fragment) = dest.strip_prefix('#') {
            if !fragment.is_empty() && !targets.has_anchor(article, fragment) {
                found.push(at(
                    context.broken_links,
                    format!(
                        "link to missing heading `#{fragment}` in this article: {}",
                        anchors_hint(article)
                    ),
                ));
            }
        } else {
            found.extend(article_link_problems(dest, targets, context, at));
        }
    }
}

/// Why an image the article shows will not be published, if it will not:
/// it is outside the articles folder `dir`, or not there.
fn image_problem(article: &Article, dest: &str, dir: &Path) -> Option<String> {
    if dest.contains(':') || dest.starts_with('/') {
        return None;
    }
    match local_file(article.dir(), dest) {
        None => Some(format!("image `{dest}` is outside the articles folder: put it in the articles folder (like img/) and link to it from there")),
        Some(file) if !dir.join(&file).is_file() => Some(format!(
            "missing image `{dest}` (looked for {}/{file})",
            dir.display()
        )),
        Some(_) => None,
    }
}

/// What is wrong with a link to another article (`other.md#heading`):
/// no article has that file name, or it names an article by a former name
/// (an alias), and the heading is not in it.
fn article_link_problems(
    dest: &str,
    targets: &Targets,
    context: &CheckContext,
    at: impl Fn(Severity, String) -> Diagnostic,
) -> Vec<Diagnostic> {
    let (path, fragment) = dest
        .split_once('#')
        .map_or((dest, None), |(p, f)| (p, Some(f)));
    let Some(stem) = path.strip_suffix(".md") else {
        return Vec::new();
    };
    if path.contains(':') {
        return Vec::new();
    }
    let file_name = stem.rsplit('/').next().unwrap_or(stem);
    let slug = crate::slug::slug_from_file_name(file_name);
    let (target, former_name) = match (
        targets.slugs.get(slug.as_str()),
        targets.aliases.get(slug.as_str()),
    ) {
        (Some(target), _) => (*target, None),
        (None, Some(target)) => (
            *target,
            Some(at(
                Severity::Warning,
                format!(
                    "link to `{path}`, the former name of {}: link to `{}.md` instead",
                    target.path, target.slug
                ),
            )),
        ),
        (None, None) => {
            return vec![at(
                context.broken_links,
                format!("link to missing article `{path}`: no article has that file name; check its spelling, or remove the link"),
            )];
        }
    };
    let missing_heading =
        fragment.filter(|fragment| !fragment.is_empty() && !targets.has_anchor(target, fragment));
    let missing_heading = missing_heading.map(|fragment| {
        at(
            context.broken_links,
            format!(
                "link to missing heading `#{fragment}` in `{path}`: {}",
                anchors_hint(target)
            ),
        )
    });
    former_name.into_iter().chain(missing_heading).collect()
}

/// The fix for a link to a heading that is not there: the ones that are.
fn anchors_hint(article: &Article) -> String {
    let ids: Vec<String> = article
        .rendered
        .headings
        .iter()
        .take(6)
        .map(|h| format!("#{}", h.id))
        .collect();
    match ids.len() {
        0 => "it has no headings: link to the article without `#…`".into(),
        n if n < article.rendered.headings.len() => {
            format!("link to one of its headings ({}, …)", ids.join(", "))
        }
        _ => format!("link to one of its headings ({})", ids.join(", ")),
    }
}

fn check_front_matter(article: &Article, context: &CheckContext, found: &mut Vec<Diagnostic>) {
    if let Some(review_by) = &article.front.review_by {
        if review_by.as_str() < context.today {
            found.push(Diagnostic::warning(
                &article.path,
                article.field_line("review_by"),
                1,
                format!("review_by {review_by} has passed: check the steps still work, then move the date"),
            ));
        }
    }
    let category = &article.front.category;
    if !context.categories.is_empty()
        && !category.is_empty()
        && !context.categories.contains(category)
    {
        found.push(Diagnostic::warning(
            &article.path,
            article.field_line("category"),
            1,
            format!(
                "unknown category `{category}` (lantern.toml has: {})",
                context.categories.join(", ")
            ),
        ));
    }
    if article.front.category.is_empty() && !context.categories.is_empty() {
        let field = if article.field_lines.contains_key("category") {
            "an empty `category:`"
        } else {
            "no `category:`"
        };
        found.push(Diagnostic::warning(
            &article.path,
            article.field_line("category"),
            1,
            format!(
                "{field}: the article will not appear when browsing by topic; set one of {}",
                context.categories.join(", ")
            ),
        ));
    }
}

/// The template's sample sentences (`lantern new`) left in an article: in
/// the summary, they would be what search results show.
fn check_placeholders(article: &Article, found: &mut Vec<Diagnostic>) {
    let warn = |line: usize, col: usize, placeholder: &str| {
        Diagnostic::warning(
            &article.path,
            line,
            col,
            format!("the template's sample text is still here (\"{placeholder}\"): replace it with this article's own words"),
        )
    };
    for placeholder in PLACEHOLDERS {
        if article.front.summary.contains(placeholder) {
            found.push(warn(article.field_line("summary"), 1, placeholder));
        }
    }
    // Whole lines or list items only: "Step one." inside a sentence of
    // the author's own is theirs.
    let mut offset = 0;
    let mut positions = Positions::new(&article.body, article.body_line);
    for line in article.body.split_inclusive('\n') {
        let item = line
            .trim()
            .trim_start_matches(['-', '*'])
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches('.')
            .trim();
        if let Some(placeholder) = PLACEHOLDERS.iter().find(|p| **p == item) {
            let (line_no, col) = positions.of(offset + line.find(item).unwrap_or(0));
            found.push(warn(line_no, col, placeholder));
        }
        offset += line.len();
    }
}
