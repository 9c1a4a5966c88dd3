//! Where a key sits in the text of `lantern.toml`, so that a problem found
//! after parsing (a bad value, not bad syntax) can still name its line.

/// The 1-based line of `dotted` (`site.base_url`, `ticket.webhook.url`):
/// the line that sets the key, else the header of its table, else `None`.
/// Understands `[table]` headers, `key = value` lines and keys inside an
/// inline table (`header = { name = "x" }` for `ticket.webhook.header.name`).
pub fn line_of_key(text: &str, dotted: &str) -> Option<usize> {
    let parts: Vec<&str> = dotted.split('.').collect();
    // The longest table prefix with a header, and the key below it.
    for split in (0..parts.len()).rev() {
        let (table, keys) = parts.split_at(split);
        let Some(key) = keys.first() else { continue };
        if let Some(line) = key_in_table(text, &table.join("."), key) {
            return Some(line);
        }
    }
    let table = parts[..parts.len().saturating_sub(1)].join(".");
    header_line(text, &table)
}

fn key_in_table(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(name) = table_header(line) {
            current = name;
            continue;
        }
        if current == table && key_of(line) == Some(key) {
            return Some(i + 1);
        }
    }
    None
}

fn header_line(text: &str, table: &str) -> Option<usize> {
    text.lines()
        .position(|line| table_header(line.trim()).is_some_and(|name| name == table))
        .map(|i| i + 1)
}

/// `[ticket.webhook]` or `[[categories]]` to its dotted name.
fn table_header(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?;
    let inner = inner.strip_prefix('[').unwrap_or(inner);
    let end = inner.find(']')?;
    let name: Vec<String> = inner[..end]
        .split('.')
        .map(|part| part.trim().trim_matches('"').to_string())
        .collect();
    Some(name.join("."))
}

/// The key a `key = value` line sets.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('#')).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[site]\nname = \"x\"\nbase_url = \"help.example.com\"\n\n[ticket]\nchannels = [\"webhook\"]\n[ticket.webhook]\nurl = \"http://x\"\nheader = { name = \"a b\", value = \"v\" }\n";

    #[test]
    fn finds_keys_in_their_tables_and_inline_tables() {
        assert_eq!(line_of_key(TEXT, "site.base_url"), Some(3));
        assert_eq!(line_of_key(TEXT, "ticket.channels"), Some(6));
        assert_eq!(line_of_key(TEXT, "ticket.webhook.url"), Some(8));
        assert_eq!(line_of_key(TEXT, "ticket.webhook.header.name"), Some(9));
        assert_eq!(line_of_key(TEXT, "ticket.webhook.timeout_seconds"), Some(7));
        assert_eq!(line_of_key(TEXT, "ticket.email"), Some(5));
        assert_eq!(line_of_key(TEXT, "search.synonyms"), None);
    }
}
