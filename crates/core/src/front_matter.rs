//! Splits an article file into YAML front matter and markdown body, and
//! checks the front matter field by field so each problem names its line.

use std::collections::HashMap;

use serde_norway::{Mapping, Value};

use crate::diagnostic::Diagnostic;

mod date;
mod yaml;
mod yaml_hint;

pub use date::{date_problem, is_iso_date, DateProblem};

const KNOWN_FIELDS: &[&str] = &[
    "title",
    "summary",
    "category",
    "tags",
    "aliases",
    "updated",
    "review_by",
];

/// The most entries `tags:` and `aliases:` may have. Real articles have a
/// handful (the shared corpus: at most 4 tags); every tag of every match
/// is counted for the filter chips on each keystroke, and every alias is a
/// page of the site, so a list of thousands (issue 20: two articles with
/// 50k tags each) held the browser for seconds per keystroke.
pub const MAX_LIST_ENTRIES: usize = 50;

/// The largest front matter read. Real front matter is a few lines (the
/// shared corpus: at most 4 fields); every field of it is checked and
/// reported on, so a front matter of thousands of fields (issue 20: 39k
/// unknown keys, 389 KB, took `lantern check` over 60 s) is refused whole.
pub const MAX_FRONT_MATTER_BYTES: usize = 16 * 1024;

/// An article's front matter, checked (see `docs/authoring.md`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The title, shown on the page and in results.
    pub title: String,
    /// One line under the title, in results too.
    pub summary: String,
    /// The category id, or empty.
    pub category: String,
    /// Tags, as written.
    pub tags: Vec<String>,
    /// Former slugs the article still answers to.
    pub aliases: Vec<String>,
    /// When the content was last changed, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// When to check the content still holds, `YYYY-MM-DD`.
    pub review_by: Option<String>,
}

/// An article file split into its checked front matter and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    /// The front matter.
    pub front: FrontMatter,
    /// The markdown after it.
    pub body: String,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// Problems that do not stop the article from being published.
    pub warnings: Vec<Diagnostic>,
    /// File line of each front matter field present, for later checks.
    pub field_lines: std::collections::BTreeMap<String, usize>,
}

/// Parses one article. `path` is only used in diagnostics. Errors mean the
/// article cannot be published; every error found is returned, not only the
/// first.
pub fn parse_article(path: &str, text: &str) -> Result<ParsedFile, Vec<Diagnostic>> {
    let text = normalize(text);

    let Some((yaml, body, body_line)) = split(&text) else {
        let message = if text.starts_with("---") {
            "front matter is not closed: add a line `---` after the last field"
        } else {
            "missing front matter: the file must start with a `---` line, the fields (at least `title:`), and another `---` line"
        };
        return Err(vec![Diagnostic::error(path, 1, 1, message)]);
    };

    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        let message = format!(
            "the front matter is {} KB, over the {} KB limit: it holds a few fields (title, summary, category, tags, …); move other text below the closing `---`",
            yaml.len() / 1024,
            MAX_FRONT_MATTER_BYTES / 1024
        );
        return Err(vec![Diagnostic::error(path, 1, 1, message)]);
    }
    let (map, errors) = yaml::read_fields(path, yaml);
    let mut fields = FieldReader {
        path,
        yaml,
        key_lines: key_lines(yaml),
        errors,
        warnings: Vec::new(),
    };
    let front = fields.read(&map);
    if body.trim().is_empty() {
        fields.errors.push(Diagnostic::error(
            path,
            body_line,
            1,
            "the article has no body: write the symptoms and the steps below the front matter",
        ));
    }
    fields.warnings.sort_by_key(|d| (d.line, d.col));
    if !fields.errors.is_empty() {
        // Everything found is reported at once: the warnings too.
        let mut all = fields.errors;
        all.append(&mut fields.warnings);
        all.sort_by_key(|d| (d.line, d.col));
        return Err(all);
    }
    let field_lines = KNOWN_FIELDS
        .iter()
        .filter(|key| map.contains_key(**key))
        .map(|key| (key.to_string(), fields.line_of(key)))
        .collect();
    Ok(ParsedFile {
        front,
        body: body.to_string(),
        body_line,
        warnings: fields.warnings,
        field_lines,
    })
}

/// Without a byte order mark, with `\n` line ends.
fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The body of an article file and the file line it starts on, whatever
/// state its front matter is in; `None` without front matter.
pub fn body_of(text: &str) -> Option<(String, usize)> {
    let text = normalize(text);
    let (_, body, line) = split(&text)?;
    Some((body.to_string(), line))
}

/// Returns (yaml, body, body's first line number).
fn split(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((yaml, body, i + 3));
        }
        offset += line.len();
    }
    None
}

/// The file line of each `key:` that starts a line of `yaml` (its first,
/// when written twice), found in one pass: looking each key up line by
/// line made 39k unknown keys (389 KB) take `lantern check` over 60 s.
fn key_lines(yaml: &str) -> HashMap<&str, usize> {
    let mut lines = HashMap::new();
    for (i, line) in yaml.lines().enumerate() {
        if let Some((key, _)) = line.split_once(':') {
            lines.entry(key.trim_end()).or_insert(i + 2);
        }
    }
    lines
}

struct FieldReader<'a> {
    path: &'a str,
    yaml: &'a str,
    key_lines: HashMap<&'a str, usize>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl FieldReader<'_> {
    /// File line of a top-level key, for messages about its value.
    fn line_of(&self, key: &str) -> usize {
        self.find_line(key).unwrap_or(1)
    }

    fn find_line(&self, key: &str) -> Option<usize> {
        if !key.contains(':') {
            return self.key_lines.get(key).copied();
        }
        self.yaml
            .lines()
            .position(|line| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map(|i| i + 2)
    }

    fn error(&mut self, key: &str, message: String) {
        let line = self.line_of(key);
        self.errors
            .push(Diagnostic::error(self.path, line, 1, message));
    }

    fn read(&mut self, map: &Mapping) -> FrontMatter {
        for key in map.keys() {
            let name = scalar_string(key).unwrap_or_default();
            if !KNOWN_FIELDS.contains(&name.as_str()) {
                let line = self.line_of(&name);
                self.warnings.push(Diagnostic::warning(
                    self.path,
                    line,
                    1,
                    format!(
                        "unknown front matter field `{name}` is ignored (known fields: {})",
                        KNOWN_FIELDS.join(", ")
                    ),
                ));
            }
        }
        let title = self.string(map, "title").unwrap_or_default();
        // A title the YAML errors already cover is not also "missing".
        let unreadable = !map.contains_key("title") && self.find_line("title").is_some();
        if title.trim().is_empty() && !unreadable {
            let line = if map.contains_key("title") {
                self.line_of("title")
            } else {
                1
            };
            self.errors.push(Diagnostic::error(
                self.path,
                line,
                1,
                "missing `title:` in front matter",
            ));
        }
        let aliases = self.list(map, "aliases");
        for alias in &aliases {
            if crate::slug::slugify(alias) != *alias {
                self.error(
                    "aliases",
                    format!("alias `{alias}` is not a slug: use lowercase words joined by hyphens, like `{}`", crate::slug::slugify(alias)),
                );
            }
        }
        FrontMatter {
            title: title.trim().to_string(),
            summary: self
                .string(map, "summary")
                .unwrap_or_default()
                .trim()
                .to_string(),
            category: self
                .string(map, "category")
                .unwrap_or_default()
                .trim()
                .to_string(),
            tags: self.list(map, "tags"),
            aliases,
            updated: self.date(map, "updated"),
            review_by: self.date(map, "review_by"),
        }
    }

    fn string(&mut self, map: &Mapping, key: &str) -> Option<String> {
        let value = map.get(key)?;
        if value.is_null() {
            return None;
        }
        let text = scalar_string(value);
        if text.is_none() {
            self.error(
                key,
                format!("`{key}` must be text, not a list or a mapping: write it on one line, like {key}: \"…\""),
            );
        }
        text
    }

    /// The entries of a list field, or none (and an error) past
    /// [`MAX_LIST_ENTRIES`].
    fn list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
        let items = self.list_entries(map, key);
        if items.len() > MAX_LIST_ENTRIES {
            self.error(
                key,
                format!(
                    "`{key}` has {} entries; at most {MAX_LIST_ENTRIES} are allowed: keep the few words people search for",
                    items.len()
                ),
            );
            return Vec::new();
        }
        items
    }

    fn list_entries(&mut self, map: &Mapping, key: &str) -> Vec<String> {
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match scalar_string(item) {
                        Some(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        Some(_) => {}
                        None => self.error(key, format!("every entry of `{key}` must be a word or phrase, like {key}: [one, two words]")),
                    }
                }
                out
            }
            // `tags: vpn, wifi` is a common slip: read it as the list it
            // means, and say how to write it.
            Some(value) => match scalar_string(value) {
                Some(s) => {
                    let items: Vec<String> = s
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    let line = self.line_of(key);
                    self.warnings.push(Diagnostic::warning(
                        self.path,
                        line,
                        1,
                        format!(
                            "`{key}` is text, not a list: write a list: {key}: [{}]",
                            items.join(", ")
                        ),
                    ));
                    items
                }
                None => {
                    self.error(
                        key,
                        format!("`{key}` must be a list, like `{key}: [one, two]`"),
                    );
                    Vec::new()
                }
            },
        }
    }

    fn date(&mut self, map: &Mapping, key: &str) -> Option<String> {
        let text = self.string(map, key)?;
        let text = text.trim().to_string();
        match date_problem(&text) {
            None => Some(text),
            Some(DateProblem::Form) => {
                self.error(
                    key,
                    format!(
                        "`{key}` must be a date written YYYY-MM-DD, like 2026-03-31, not `{text}`"
                    ),
                );
                None
            }
            Some(DateProblem::NoSuchDay(why)) => {
                self.error(
                    key,
                    format!("`{key}: {text}` is not a date that exists: {why}"),
                );
                None
            }
        }
    }
}

fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar_string(&tagged.value),
        _ => None,
    }
}
