//! The rules for the addresses `lantern.toml` names, read with the `url`
//! crate (the WHATWG parser, the one browsers follow) rather than by
//! prefix: `http://localhost:1@evil.example/` starts like localhost, yet
//! its host is `evil.example` (what comes before `@` is a user name), and
//! browsers refuse to send a request that carries one.

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// Why the ticket webhook `raw` is refused: tickets carry personal data,
/// so only HTTPS, or plain HTTP to this machine (a receiver under test).
pub(crate) fn webhook_url_problem(raw: &str) -> Option<&'static str> {
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("must not contain spaces or line breaks");
    }
    let absolute = "must be an absolute https:// URL, like https://desk.example.com/api/tickets";
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
        return Some("must not hold a user name or password (`name@` before the host): browsers refuse to send to such an address; put a token in [ticket.webhook.header] instead");
    }
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => None,
        ("http", Some(host)) if is_this_machine(&host) => None,
        ("http", _) => Some(
            "must use https:// (plain http is allowed only for localhost, 127.0.0.1 and [::1])",
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
