//! What a query may say once it leaves the device (issue 17): the words a
//! reader typed to describe a problem, without who they are. Applied in
//! the browser before an event is queued, so an unredacted query is never
//! stored or sent.
//!
//! Replaced, each by a placeholder the report can count: email addresses
//! (`[email]`), IP addresses (`[ip]`), GUIDs (`[guid]`), user and network
//! paths (`C:\Users\…`, `/home/…`, `\\server\share`: `[path]`), numbers of
//! six digits or more, phone numbers typed in groups included
//! (`[number]`); a URL keeps only its scheme and host. Error codes and
//! article numbers glued to letters (`0x80070005`, `KB5034441`) are kept:
//! they name the problem, not the person, and are what a support team
//! searches its articles for.
//!
//! A scanner over whitespace-separated words rather than regular
//! expressions: the `regex` crate would add about 100 KB to the browser's
//! wasm for six patterns.

/// `query` with personal data replaced; words are joined by one space.
pub fn redact(query: &str) -> String {
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if is_user_path(word) {
            // A path with spaces in it goes on in the next words: "C:\Users\Ada Lovelace\Desktop".
            i += 1;
            while i < words.len() && (words[i].contains('\\') || words[i].contains('/')) {
                i += 1;
            }
            out.push("[path]".into());
            continue;
        }
        // Digits typed in groups ("+44 20 7946 0958") are one number.
        let group = words[i..]
            .iter()
            .take_while(|w| is_numeric_group(w))
            .count();
        if group > 1 && words[i..i + group].iter().map(|w| digits(w)).sum::<usize>() >= 7 {
            out.push("[number]".into());
            i += group;
            continue;
        }
        out.push(redact_word(word));
        i += 1;
    }
    out.join(" ")
}

fn redact_word(word: &str) -> String {
    if let Some((scheme, rest)) = word.split_once("://") {
        return url_host(scheme, rest);
    }
    if is_email(word) {
        return "[email]".into();
    }
    let core = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != ':');
    if is_guid(core) {
        return "[guid]".into();
    }
    if is_ip(core) {
        return "[ip]".into();
    }
    long_digit_runs(word)
}

/// `scheme://user@host:port/path?query` → `scheme://host`.
fn url_host(scheme: &str, rest: &str) -> String {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        // An IPv6 address, or a placeholder an earlier redaction left.
        Some(inner) => {
            let inner = inner.split(']').next().unwrap_or("");
            if inner.chars().any(|c| c.is_ascii_digit()) || is_ip(inner) {
                "[ip]".to_string()
            } else {
                format!("[{inner}]")
            }
        }
        None => {
            let host = host.split(':').next().unwrap_or("");
            if is_ip(host) {
                "[ip]".to_string()
            } else {
                long_digit_runs(host)
            }
        }
    };
    let scheme: String = scheme.chars().filter(char::is_ascii_alphabetic).collect();
    format!("{scheme}://{host}")
}

fn is_email(word: &str) -> bool {
    match word.split_once('@') {
        Some((user, host)) => {
            user.chars().any(|c| c.is_alphanumeric()) && host.chars().any(|c| c.is_alphanumeric())
        }
        None => false,
    }
}

/// `C:\Users\…`, `\\server\share`, `/home/…`, `/Users/…`, `~/…`.
fn is_user_path(word: &str) -> bool {
    let word = word.trim_start_matches(['"', '\'', '(']);
    let lower = word.to_ascii_lowercase();
    let after_drive = lower.get(1..).unwrap_or("");
    let drive_users = lower
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        && (after_drive.starts_with(":\\users\\") || after_drive.starts_with(":/users/"));
    drive_users
        || word.starts_with("\\\\")
        || lower.starts_with("/home/")
        || lower.starts_with("/users/")
        || lower.starts_with("~/")
        || lower.starts_with("%userprofile%")
}

fn is_guid(word: &str) -> bool {
    let groups: Vec<&str> = word.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// IPv4 (with a port or a prefix length) or IPv6 (two colons or more,
/// nothing but hex digits, colons and dots).
fn is_ip(word: &str) -> bool {
    let address = word.split(['/', '%']).next().unwrap_or("");
    let v4 = address.split(':').next().unwrap_or("");
    let parts: Vec<&str> = v4.split('.').collect();
    let is_v4 = parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let is_v6 = address.matches(':').count() >= 2
        && address.chars().any(|c| c.is_ascii_hexdigit())
        && address
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    is_v4 || is_v6
}

fn is_numeric_group(word: &str) -> bool {
    digits(word) > 0
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || "+-().".contains(c))
}

fn digits(word: &str) -> usize {
    word.chars().filter(char::is_ascii_digit).count()
}

/// Runs of six digits or more, also when broken by `-`, `.` or `/`
/// ("555-123-4567"), unless glued to a letter (`KB5034441`, `0x80070005`).
fn long_digit_runs(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || "-./".contains(chars[i])) {
            i += 1;
        }
        // A separator at the end belongs to what follows ("123456." ends a sentence).
        while i > start && !chars[i - 1].is_ascii_digit() {
            i -= 1;
        }
        let run = &chars[start..i];
        let glued = (start > 0 && chars[start - 1].is_alphabetic())
            || chars.get(i).is_some_and(|c| c.is_alphabetic());
        if !glued && run.iter().filter(|c| c.is_ascii_digit()).count() >= 6 {
            out.push_str("[number]");
        } else {
            out.extend(run);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn email_addresses_ip_addresses_and_guids_are_replaced() {
        assert_eq!(
            redact("mail from ada.lovelace@acme.com bounces"),
            "mail from [email] bounces"
        );
        assert_eq!(
            redact("cannot ping 10.20.30.40:8080 or fe80::1ff:fe23:4567:890a"),
            "cannot ping [ip] or [ip]"
        );
        assert_eq!(
            redact("device {3f2504e0-4f89-11d3-9a0c-0305e82c3301} not found"),
            "device [guid] not found"
        );
    }

    #[test]
    fn a_user_path_is_replaced_also_when_the_name_has_a_space() {
        assert_eq!(
            redact(r"C:\Users\Ada Lovelace\Desktop\file.pst too big"),
            "[path] too big"
        );
        assert_eq!(
            redact(r"cannot open \\fs01\home$\ada"),
            "cannot open [path]"
        );
        assert_eq!(redact("/home/ada/.ssh/config denied"), "[path] denied");
        assert_eq!(
            redact(r"open C:\Program Files\App"),
            r"open C:\Program Files\App"
        );
    }

    #[test]
    fn a_url_keeps_only_its_scheme_and_host() {
        assert_eq!(
            redact("https://ada:pw@intranet.acme.com:8443/users/ada?id=5 blank"),
            "https://intranet.acme.com blank"
        );
        assert_eq!(redact("http://192.168.1.1/admin"), "http://[ip]");
    }

    #[test]
    fn long_numbers_go_but_error_codes_and_article_numbers_stay() {
        assert_eq!(redact("badge 12345678 rejected"), "badge [number] rejected");
        assert_eq!(redact("call 555-123-4567."), "call [number].");
        assert_eq!(redact("phone +44 20 7946 0958 dead"), "phone [number] dead");
        assert_eq!(
            redact("error 0x80070005 after KB5034441"),
            "error 0x80070005 after KB5034441"
        );
        assert_eq!(
            redact("error 404 on port 443 in 2026"),
            "error 404 on port 443 in 2026"
        );
    }

    #[test]
    fn an_ordinary_query_is_only_respaced() {
        assert_eq!(
            redact("  outlok keeps   askin pasword "),
            "outlok keeps askin pasword"
        );
        assert_eq!(redact("teams 10:30 meeting"), "teams 10:30 meeting");
    }
}
