//! Splits an article file into YAML front matter and markdown body, and
//! checks the front matter field by field so each problem names its line.

use serde_norway::{Mapping, Value};

use crate::diagnostic::Diagnostic;

const KNOWN_FIELDS: &[&str] = &[
    "title",
    "summary",
    "category",
    "tags",
    "aliases",
    "updated",
    "review_by",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub category: String,
    pub tags: Vec<String>,
    pub aliases: Vec<String>,
    pub updated: Option<String>,
    pub review_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    pub front: FrontMatter,
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };

    let Some((yaml, body, body_line)) = split(&text) else {
        let message = if text.starts_with("---") {
            "front matter is not closed: add a line `---` after the last field"
        } else {
            "missing front matter: the file must start with a `---` line, the fields (at least `title:`), and another `---` line"
        };
        return Err(vec![Diagnostic::error(path, 1, 1, message)]);
    };

    let value: Value = match serde_norway::from_str(yaml) {
        Ok(value) => value,
        Err(e) => {
            let (line, col, message) = yaml_error_position(&e);
            return Err(vec![Diagnostic::error(
                path,
                line,
                col,
                format!("invalid YAML in front matter: {message}"),
            )]);
        }
    };

    let mut fields = FieldReader {
        path,
        yaml,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let empty = Mapping::new();
    let map = match &value {
        Value::Mapping(map) => map,
        Value::Null => &empty,
        _ => {
            return Err(vec![Diagnostic::error(
                path,
                2,
                1,
                "front matter must be `key: value` fields, one per line",
            )]);
        }
    };
    let front = fields.read(map);
    if body.trim().is_empty() {
        fields.errors.push(Diagnostic::error(
            path,
            body_line,
            1,
            "the article has no body: write the symptoms and the steps below the front matter",
        ));
    }
    if !fields.errors.is_empty() {
        return Err(fields.errors);
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

/// Where to point a YAML error, as file line and column, and its message
/// without the parser's own positions. An unclosed bracket or quote is
/// only noticed where the input ends; the parser also says where the
/// unfinished construct started, which is where the author must look.
fn yaml_error_position(error: &serde_norway::Error) -> (usize, usize, String) {
    let text = error.to_string();
    let (problem, context) = match text.split_once(", while parsing ") {
        Some((problem, context)) => (problem, Some(context)),
        None => (text.as_str(), None),
    };
    let problem = problem.split(" at line ").next().unwrap_or(problem);
    if let Some((what, position)) = context.and_then(|c| c.split_once(" at line ")) {
        let mut numbers = position
            .split(" column ")
            .map(|n| n.trim().parse::<usize>().ok());
        if let (Some(Some(line)), Some(Some(col))) = (numbers.next(), numbers.next()) {
            return (
                line + 1,
                col,
                format!(
                    "{problem} (in the {} that starts here)",
                    what.trim_start_matches("a ")
                ),
            );
        }
    }
    let (line, col) = error
        .location()
        .map(|l| (l.line() + 1, l.column()))
        .unwrap_or((2, 1));
    (line, col, problem.to_string())
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
        self.yaml
            .lines()
            .position(|line| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map(|i| i + 2)
            .unwrap_or(1)
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
        if title.trim().is_empty() {
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
                format!("`{key}` must be text, not a list or a mapping"),
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
                        None => self.error(key, format!("every entry of `{key}` must be text")),
                    }
                }
                out
            }
            // `tags: vpn, wifi` is a common slip; accept it as a list.
            Some(value) => match scalar_string(value) {
                Some(s) => s
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
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
        if is_iso_date(&text) {
            Some(text)
        } else {
            self.error(
                key,
                format!("`{key}` must be a date written YYYY-MM-DD, not `{text}`"),
            );
            None
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
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
