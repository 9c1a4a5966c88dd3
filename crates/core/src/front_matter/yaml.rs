//! Reading the front matter's YAML so that an author learns every problem
//! in one run, in plain words: a syntax error in one field does not hide
//! the others, a field written twice is named with both lines, and each
//! parser complaint comes with the fix authors need.

use serde_norway::{Mapping, Value};

use crate::diagnostic::Diagnostic;

/// One top-level field as written: its first line and the lines that
/// continue it (indented lines, list items, comments).
struct Entry<'a> {
    key: Option<String>,
    /// File line of the entry's first line.
    line: usize,
    text: &'a str,
}

/// The front matter's fields, and every error found reading them. `yaml`
/// starts on line 2 of the file (after the opening `---`).
pub(super) fn read_fields(path: &str, yaml: &str) -> (Mapping, Vec<Diagnostic>) {
    if let Some(error) = too_deep(path, yaml) {
        return (Mapping::new(), vec![error]);
    }
    let entries = entries(yaml);
    let mut errors = duplicates(path, &entries);
    let whole = serde_norway::from_str::<Value>(yaml);
    match &whole {
        Ok(Value::Mapping(map)) if errors.is_empty() => return (map.clone(), errors),
        Ok(Value::Null) if errors.is_empty() => return (Mapping::new(), errors),
        // An alias bomb (`&a [*b, *b, …]` nested): the parser stops it in
        // bounded time; reading field by field would only add errors about
        // anchors that the other fields define.
        Err(e) if e.to_string().contains("repetition limit") => {
            let line = yaml.lines().position(|l| l.contains('*')).unwrap_or(0) + 2;
            return (Mapping::new(), vec![Diagnostic::error(path, line, 1, "the front matter repeats YAML aliases (`*name`) more than the parser allows: write each value out in full, without `&name` and `*name`")]);
        }
        _ => {}
    }
    // Something is wrong: read field by field, so that each bad one is
    // reported where it is and the good ones are still checked.
    let mut map = Mapping::new();
    let before = errors.len();
    for entry in &entries {
        match serde_norway::from_str::<Value>(entry.text) {
            Ok(Value::Mapping(fields)) => {
                for (key, value) in fields {
                    if !map.contains_key(&key) {
                        map.insert(key, value);
                    }
                }
            }
            Ok(Value::Null) => {}
            Ok(_) => errors.push(not_a_field(path, entry)),
            Err(e) => errors.push(syntax_error(path, entry.text, entry.line, &e)),
        }
    }
    if errors.len() == before && before == 0 {
        // Each field reads on its own but not together.
        errors.push(match &whole {
            Err(e) => syntax_error(path, yaml, 2, e),
            Ok(_) => Diagnostic::error(
                path,
                2,
                1,
                "front matter must be `key: value` fields, one per line",
            ),
        });
    }
    (map, errors)
}

/// The deepest `[`/`{` nesting front matter may have. Its fields are text
/// or one list; the YAML parser (libyaml) rescans every open level for
/// each token (`yaml_parser_stale_simple_keys`, 59% of the profile), so n
/// open brackets cost n² (issue 20: `tags: [[[…` of 400 KB ran for over
/// 60 s even in `lantern check`, 20k brackets 5.5 s).
pub(super) const MAX_YAML_DEPTH: usize = 16;

/// The error for front matter whose brackets nest deeper than
/// [`MAX_YAML_DEPTH`], where they do; found in one pass that skips quoted
/// text and comments (approximate elsewhere: it only needs to find what
/// nests).
fn too_deep(path: &str, yaml: &str) -> Option<Diagnostic> {
    // A flow list may go on over several lines: the depth does too.
    let mut depth = 0usize;
    for (i, line) in yaml.lines().enumerate() {
        if let Err(col) = nest_through(line, &mut depth) {
            return Some(Diagnostic::error(
                path,
                i + 2,
                col + 1,
                format!("the front matter nests lists (`[` or `{{`) more than {MAX_YAML_DEPTH} deep here: a field is text or one list, like tags: [vpn, wifi]; put text that starts with `[` in double quotes"),
            ));
        }
    }
    None
}

/// Follows the bracket depth through one line, outside quotes and before a
/// comment; the column (in characters) where it passes [`MAX_YAML_DEPTH`].
fn nest_through(line: &str, depth: &mut usize) -> Result<(), usize> {
    let mut quote = None;
    let mut previous = ' ';
    for (col, c) in line.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q && previous != '\\' => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                quote = Some(c)
            }
            (None, '#') if previous.is_whitespace() => break,
            (None, '[' | '{') => *depth += 1,
            (None, ']' | '}') => *depth = depth.saturating_sub(1),
            _ => {}
        }
        if *depth > MAX_YAML_DEPTH {
            return Err(col);
        }
        previous = c;
    }
    Ok(())
}

fn entries(yaml: &str) -> Vec<Entry<'_>> {
    // (key, file line, start offset) of each entry; it ends where the next starts.
    let mut starts: Vec<(Option<String>, usize, usize)> = Vec::new();
    let mut offset = 0;
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let continues = line.trim().is_empty()
            || line.starts_with([' ', '\t', '#'])
            || line.starts_with("- ")
            || line.trim_end() == "-";
        if !continues || starts.is_empty() {
            starts.push((key_of(line), i + 2, offset));
        }
        offset += line.len();
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|s| s.2)
        .chain([yaml.len()])
        .collect();
    starts
        .into_iter()
        .zip(ends)
        .map(|((key, line, start), end)| Entry {
            key,
            line,
            text: &yaml[start..end],
        })
        .collect()
}

/// The key a `key: value` line sets, if it is one.
fn key_of(line: &str) -> Option<String> {
    let line = line.trim_end();
    let colon = line
        .char_indices()
        .find(|&(i, c)| c == ':' && line[i + 1..].chars().next().is_none_or(char::is_whitespace))?
        .0;
    let key = line[..colon].trim().trim_matches(['"', '\'']);
    (!key.is_empty()).then(|| key.to_string())
}

fn duplicates(path: &str, entries: &[Entry]) -> Vec<Diagnostic> {
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut errors = Vec::new();
    for entry in entries {
        let Some(key) = entry.key.as_deref() else {
            continue;
        };
        match first.get(key) {
            Some(&line) => errors.push(Diagnostic::error(
                path,
                entry.line,
                1,
                format!(
                    "`{key}` is set twice, on lines {line} and {}: keep one of them",
                    entry.line
                ),
            )),
            None => {
                first.insert(key, entry.line);
            }
        }
    }
    errors
}

fn not_a_field(path: &str, entry: &Entry) -> Diagnostic {
    let line = entry.text.lines().next().unwrap_or("").trim();
    let message = match line.split_once(':') {
        Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => format!(
            "`{line}` is not a field: put a space after the colon: {}: {}",
            key.trim(),
            value.trim()
        ),
        _ => format!(
            "`{line}` is not a field: write each field as `key: value` on its own line (indent a line that continues the field above), or move this text below the closing `---`"
        ),
    };
    Diagnostic::error(path, entry.line, 1, message)
}

/// A parser error in `text` (which starts on file line `first_line`), at
/// the place the author must look, with a plain explanation and the fix.
fn syntax_error(
    path: &str,
    text: &str,
    first_line: usize,
    error: &serde_norway::Error,
) -> Diagnostic {
    let raw = error.to_string();
    let (problem, context) = match raw.split_once(", while ") {
        Some((problem, context)) => (problem, Some(context)),
        None => (raw.as_str(), None),
    };
    let problem = problem.split(" at line ").next().unwrap_or(problem).trim();
    let at = error.location().map(|l| (l.line(), l.column()));
    // An unclosed bracket or quote is only noticed where the input ends;
    // the parser also says where the unfinished part started, which is
    // where the author must look. A tab is where the parser stopped.
    let started = context.and_then(|c| {
        let (what, position) = c.split_once(" at line ")?;
        let mut numbers = position.split(" column ").map(|n| n.trim().parse().ok());
        Some((what, numbers.next()??, numbers.next()??))
    });
    let tab = problem.contains("tab character");
    let (line, col, parser_says) = match started {
        Some((what, line, col)) if !tab => (
            line,
            col,
            format!(
                "{problem} (in the {} that starts here)",
                what.trim_start_matches("parsing ")
                    .trim_start_matches("scanning ")
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
            ),
        ),
        _ => {
            let (line, col) = at.unwrap_or((1, 1));
            (line, col, problem.to_string())
        }
    };
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let message = match super::yaml_hint::hint(problem, context.unwrap_or(""), line_text) {
        Some(hint) => {
            format!("invalid YAML in front matter: {hint}. The parser says: {parser_says}")
        }
        None => format!("invalid YAML in front matter: {parser_says}"),
    };
    Diagnostic::error(
        path,
        first_line + line.saturating_sub(1),
        col.max(1),
        message,
    )
}
