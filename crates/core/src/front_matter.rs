//! Splits an article file into YAML front matter and markdown body, and
//! checks the front matter field by field so each problem names its line.

use serde_norway::{Mapping, Value};

use crate::diagnostic::Diagnostic;

mod yaml;
mod yaml_hint;

const KNOWN_FIELDS: &[&str] = &[
    "title",
    "summary",
    "category",
    "tags",
    "aliases",
    "updated",
    "review_by",
];

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

    let (map, errors) = yaml::read_fields(path, yaml);
    let mut fields = FieldReader {
        path,
        yaml,
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

struct FieldReader<'a> {
    path: &'a str,
    yaml: &'a str,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl FieldReader<'_> {
    /// File line of a top-level key, for messages about its value.
    fn line_of(&self, key: &str) -> usize {
        self.find_line(key).unwrap_or(1)
    }

    fn find_line(&self, key: &str) -> Option<usize> {
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

    fn list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
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

/// A real calendar date in `YYYY-MM-DD` form.
pub fn is_iso_date(text: &str) -> bool {
    date_problem(text).is_none()
}

/// Why a date is not a real calendar date in `YYYY-MM-DD` form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written `YYYY-MM-DD`.
    Form,
    /// Written right, but no such day: why, in words.
    NoSuchDay(String),
}

/// Why `text` is not a calendar date in `YYYY-MM-DD` form; `None` when it is one.
pub fn date_problem(text: &str) -> Option<DateProblem> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Some(DateProblem::Form);
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Some(DateProblem::Form);
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Some(DateProblem::Form);
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => {
            return Some(DateProblem::NoSuchDay(format!(
                "there is no month {m:02}; the month comes second, from 01 to 12"
            )))
        }
    };
    let month = MONTHS[m as usize - 1];
    if d == 0 {
        return Some(DateProblem::NoSuchDay(format!(
            "days start at 01 ({month} {y} has {days} days)"
        )));
    }
    (d > days).then(|| DateProblem::NoSuchDay(format!("{month} {y} has {days} days")))
}
