//! Plain-language fixes for the YAML errors authors make most: a colon in
//! a value, a tab, an unclosed quote or bracket, a value that starts with
//! a character YAML reserves.

/// The fix for a parser error, given the parser's `problem`, the
/// `context` it was in ("parsing a flow sequence at line 3 column 7") and
/// the text of the line it points at.
pub(super) fn hint(problem: &str, context: &str, line: &str) -> Option<String> {
    let (key, value) = split_field(line);
    let field = key.unwrap_or("value");
    let fix = || quoted(key.unwrap_or("title"), value);
    if problem.contains("tab character")
        || (line.contains('\t') && problem.contains("cannot start any token"))
    {
        return Some("this line has a tab character, and YAML allows only spaces for indenting: replace the tab with spaces".into());
    }
    if problem.contains("more than one document") {
        return Some(
            "every field must start at the beginning of its line, with no spaces before its name"
                .into(),
        );
    }
    if problem.starts_with("mapping values are not allowed") {
        if line.starts_with([' ', '\t']) {
            return Some("this line is indented, so YAML reads it as part of the field above: start each field at the beginning of its line".into());
        }
        return Some(format!("the {field} has a colon followed by a space, which YAML reads as the start of another field: put the {field} in double quotes: {}", fix()));
    }
    if context.starts_with("scanning a quoted scalar") {
        let quote = value
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\''))
            .unwrap_or('"');
        return Some(format!("the quote that opens the {field} is never closed: end the {field} with a matching {quote} on the same line"));
    }
    if context.starts_with("parsing a flow sequence") {
        return Some(format!("the list that starts here with `[` is never closed: end it with `]` on the same line, like `{}: [vpn, wifi]`", key.unwrap_or("tags")));
    }
    if context.starts_with("parsing a flow mapping") {
        return Some(format!("the `{{` that starts here is never closed, and YAML reads a value that starts with `{{` as a mapping: put the {field} in double quotes: {}", fix()));
    }
    match value.chars().next() {
        _ if line.trim_start().starts_with("- ") && problem.contains("expected key") => Some(
            "this list item belongs to no field: write the field on the line above (like `tags:`) and indent the items, or write the list as `tags: [one, two]`".into(),
        ),
        Some('"' | '\'') if problem.contains("expected key") => Some(format!(
            "the {field} starts with a quote, so YAML ends it at the next matching quote: quote the whole {field}: {}",
            fix()
        )),
        Some(c @ ('[' | '{')) => Some(format!(
            "YAML reads a value that starts with `{c}` as a list or mapping: put the {field} in double quotes: {}",
            fix()
        )),
        Some(c @ ('@' | '`' | '*' | '&' | '!' | '%' | '|' | '>' | '?' | '-' | '#' | ',')) => Some(format!(
            "a value cannot start with `{c}` in YAML: put the {field} in double quotes: {}",
            fix()
        )),
        _ => None,
    }
}

/// `title: Outlook: x` to (`title`, `Outlook: x`).
fn split_field(line: &str) -> (Option<&str>, &str) {
    let trimmed = line.trim();
    match trimmed.split_once(':') {
        Some((key, value)) if !key.trim().is_empty() && !key.trim().contains(' ') => {
            (Some(key.trim()), value.trim())
        }
        _ => (None, trimmed),
    }
}

/// `key: "value"`, written so that YAML reads the value as text.
fn quoted(key: &str, value: &str) -> String {
    let inner = match value.as_bytes() {
        [b'\'', .., b'\''] => &value[1..value.len() - 1],
        _ => value,
    };
    if inner.contains('"') && !inner.contains('\'') {
        format!("{key}: '{inner}'")
    } else {
        let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
        format!("{key}: \"{escaped}\"")
    }
}
