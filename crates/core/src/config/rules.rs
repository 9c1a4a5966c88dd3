//! The rules for the addresses `lantern.toml` names, read with the `url`
//! crate (the WHATWG parser, the one browsers follow) rather than by
//! prefix: `http://localhost:1@evil.example/` starts like localhost, yet
//! its host is `evil.example` (what comes before `@` is a user name), and
//! browsers refuse to send a request that carries one. Here too: where
//! the site is published (`base_url`) and where "Suggest an edit" leads
//! (`edit_url`).

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// Why the ticket webhook `raw` is refused: tickets carry personal data,
/// so only HTTPS, or plain HTTP to this machine (a receiver under test).
pub(crate) fn webhook_url_problem(raw: &str) -> Option<String> {
    post_url_problem(
        raw,
        "https://desk.example.com/api/tickets",
        "[ticket.webhook.header]",
    )
}

/// Why the events receiver `raw` is refused: the same rule as the ticket
/// webhook's, for the same reason (a reader's searches are theirs).
pub(crate) fn events_url_problem(raw: &str) -> Option<String> {
    post_url_problem(
        raw,
        "https://events.example.com/lantern",
        "[events.headers]",
    )
}

/// Why the browser must not POST to `raw`; `example` is a good address,
/// `headers` where a token goes instead of a user name.
fn post_url_problem(raw: &str, example: &str, headers: &str) -> Option<String> {
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("must not contain spaces or line breaks".into());
    }
    let absolute = format!("must be an absolute https:// URL, like {example}");
    // The parser reads `https:///x` as host `x`; a browser's address bar
    // would too, but as written it names no host.
    let after_scheme = raw.split_once("://").map(|(_, rest)| rest);
    if after_scheme.is_none_or(|rest| rest.is_empty() || rest.starts_with(['/', '\\'])) {
        return Some(absolute);
    }
    let Ok(url) = Url::parse(raw) else {
        return Some(absolute);
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Some(format!("must not hold a user name or password (`name@` before the host): browsers refuse to send to such an address; put a token in {headers} instead"));
    }
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => None,
        ("http", Some(host)) if is_this_machine(&host) => None,
        ("http", _) => Some(
            "must use https:// (plain http is allowed only for localhost, 127.0.0.1 and [::1])"
                .into(),
        ),
        _ => Some(absolute),
    }
}

fn is_this_machine(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => *name == "localhost",
        Host::Ipv4(ip) => *ip == Ipv4Addr::LOCALHOST,
        Host::Ipv6(ip) => *ip == Ipv6Addr::LOCALHOST,
    }
}

/// Whether `repo` is `owner/name` as GitHub allows them: an owner of 1 to
/// 39 letters, digits, `-` (not first or last) and `_` (managed users'
/// suffix); a name of 1 to 100 letters, digits, `-`, `_` and `.`, but not
/// `.` or `..`, which would climb out of the issues address.
pub(crate) fn github_repo_ok(repo: &str) -> bool {
    let Some((owner, name)) = repo.split_once('/') else {
        return false;
    };
    let owner_ok = (1..=39).contains(&owner.len())
        && owner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !owner.starts_with('-')
        && !owner.ends_with('-');
    let name_ok = (1..=100).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && name != "."
        && name != "..";
    owner_ok && name_ok
}

/// `base_url` is where the site is published: empty (links relative to the
/// page), or an absolute http(s) URL. Returns the problem with its fix.
pub fn base_url_problem(url: &str) -> Result<(), String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(());
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => {
            if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
                Err(format!(
                    "site.base_url `{url}` has spaces in it: write the address without them"
                ))
            } else if let Some(c) = url.chars().find(|c| "\"'<>`\\^{}|".contains(*c)) {
                // Not in an address as they are; the quotes and brackets
                // would end the attribute or tag it is written into.
                Err(format!(
                    "site.base_url `{url}` has `{c}` in it, which an address cannot hold: write the address without it (or percent-encoded, like %{:02X})",
                    c as u32
                ))
            } else if Url::parse(url).is_err() {
                Err(format!(
                    "site.base_url `{url}` is not a valid address: write it like base_url = \"https://help.example.com/\""
                ))
            } else {
                Ok(())
            }
        }
        Some(_) => Err(format!(
            "site.base_url `{url}` has no host name: write it like base_url = \"https://help.example.com/\""
        )),
        None => {
            // `help.example.com/kb` and `help.example.com:8080` lack a
            // scheme; `ftp://x` and `javascript:x` have the wrong one.
            let scheme = url.split_once(':');
            let wrong_scheme = url.contains("://")
                || scheme.is_some_and(|(s, rest)| {
                    !s.contains('.') && !rest.starts_with(|c: char| c.is_ascii_digit())
                });
            if wrong_scheme {
                Err(format!(
                    "site.base_url `{url}` must start with https:// (or http://), like base_url = \"https://help.example.com/\""
                ))
            } else {
                let host = url.trim_start_matches('/');
                Err(format!(
                    "site.base_url `{url}` has no scheme, so links to it would not work: write base_url = \"https://{host}\" (or leave it empty)"
                ))
            }
        }
    }
}

/// `edit_url` is where "Suggest an edit" leads, as Docusaurus's `editUrl`:
/// empty (no link), or an http(s) address holding `{path}`, which becomes
/// the article's file below the articles folder.
pub fn edit_url_problem(raw: &str) -> Result<(), String> {
    let like = "like edit_url = \"https://github.com/acme/kb/edit/main/articles/{path}\"";
    if raw.is_empty() {
        return Ok(());
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "site.edit_url `{raw}` has spaces in it: write the address without them, {like}"
        ));
    }
    if let Some(c) = raw.chars().find(|c| "\"'<>`\\^|".contains(*c)) {
        return Err(format!(
            "site.edit_url `{raw}` has `{c}` in it, which an address cannot hold: write it without it (or percent-encoded, like %{:02X})",
            c as u32
        ));
    }
    let url = Url::parse(&raw.replace("{path}", "x")).ok();
    let http = url.as_ref().is_some_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host().is_some() && u.username().is_empty()
    });
    let after_scheme = raw.split_once("://").map_or("", |(_, rest)| rest);
    if !http || after_scheme.is_empty() || after_scheme.starts_with('/') {
        return Err(format!(
            "site.edit_url `{raw}` must be an absolute https:// address, {like}"
        ));
    }
    if !raw.contains("{path}") {
        return Err(format!(
            "site.edit_url `{raw}` has no `{{path}}`, where the article's file goes: add it, {like}"
        ));
    }
    Ok(())
}
