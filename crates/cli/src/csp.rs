//! The Content-Security-Policy every page `lantern build` writes carries,
//! as a `<meta http-equiv>` first in its head (a meta applies only to what
//! comes after it), so that a value that slips past the escaping or the
//! sanitiser still runs no script: only the site's own files and the
//! inline scripts of the app's shell, by the SHA-256 of their exact bytes
//! (computed per page: each page addresses the app from its own depth, so
//! the loader script differs). Only the shell's head is hashed, never the
//! body, where articles go.
//!
//! What the app needs, and why each source is there:
//! - `script-src 'self' 'wasm-unsafe-eval'`: the JS modules and compiling
//!   the wasm (no `'unsafe-eval'`: wasm-bindgen needs none).
//! - `style-src 'self'` and three hashed style attributes
//!   (`'unsafe-hashes'`): the stylesheet, and the only inline styles
//!   markdown makes, table alignment (`render/sanitize.rs` keeps no others).
//! - `img-src 'self' https:`: media published with the site, and images
//!   articles show from the web (`data:` never: the sanitiser drops it).
//! - `connect-src 'self'` plus the ticket webhook's and the events
//!   receiver's origins: the catalog, article bodies and the wasm are
//!   fetched from the site; tickets go to the webhook, events
//!   (`[events]`, docs/events.md) to their receiver.
//! - `form-action 'self'`: the home page's no-JavaScript search form.
//! - `base-uri 'none'`, `object-src 'none'`, `default-src 'none'` for the
//!   rest (frames, workers, fonts from elsewhere, plugins).
//!
//! `frame-ancestors` and `sandbox` are ignored in a meta: they are response
//! headers, in `docs/deploy/nginx.conf`.

use base64::Engine as _;
use lantern_core::config::SiteConfig;
use sha2::{Digest as _, Sha256};

/// The inline styles article HTML may hold (markdown table alignment).
const TABLE_STYLES: [&str; 3] = [
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

/// Between these, so a built site used as the app gives its policy up
/// (`shell.rs` strips what lies between them).
pub const START: &str = "<!-- lantern:csp -->";
pub const END: &str = "<!-- /lantern:csp -->";

/// The sources a site's pages may connect to besides their own origin.
pub struct Csp {
    connect: Vec<String>,
}

impl Csp {
    /// The policy for a site with `config`'s ticket webhook and events
    /// receiver (each origin once).
    pub fn for_site(config: &SiteConfig) -> Self {
        let webhook = config.ticket.webhook.as_ref().map(|w| w.url.as_str());
        let events = config.events.as_ref().map(|e| e.url.as_str());
        let mut connect: Vec<String> = webhook
            .into_iter()
            .chain(events)
            .filter_map(origin)
            .collect();
        connect.dedup();
        Self { connect }
    }

    /// The policy of a page whose shell head is `head` (its inline scripts
    /// are allowed by hash).
    pub fn policy(&self, head: &str) -> String {
        let scripts: String = inline_scripts(head)
            .iter()
            .map(|script| format!(" 'sha256-{}'", sha256(script)))
            .collect();
        let styles: String = TABLE_STYLES
            .iter()
            .map(|style| format!(" 'sha256-{}'", sha256(style)))
            .collect();
        let connect: String = self.connect.iter().map(|o| format!(" {o}")).collect();
        format!(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self' 'unsafe-hashes'{styles}; img-src 'self' https:; font-src 'self'; manifest-src 'self'; connect-src 'self'{connect}; form-action 'self'; base-uri 'none'; object-src 'none'"
        )
    }

    /// The `<meta>` for a page whose shell head is `head`.
    pub fn meta(&self, head: &str) -> String {
        meta(&self.policy(head))
    }
}

/// The policy of an article body in `data/articles/`: the app puts it into
/// a page (where this meta does nothing), but opened on its own it is a
/// document of the site's origin, and runs nothing.
pub fn fragment_meta() -> String {
    meta("default-src 'none'; img-src 'self' https:; style-src 'self'; base-uri 'none'; form-action 'none'")
}

/// `data/articles/<slug>.html`: the body after [`fragment_meta`]. The
/// offline worker checks these exact bytes against their hash
/// (`crate::offline`).
pub fn body_file(article: &lantern_core::library::Article) -> String {
    format!("{}{}", fragment_meta(), article.rendered.html)
}

/// The policy of a page without the app (`privacy/`): its stylesheet,
/// fonts and icon from the site, and nothing to run or connect to.
pub fn static_meta() -> String {
    meta("default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'")
}

fn meta(policy: &str) -> String {
    format!(
        r#"{START}<meta http-equiv="Content-Security-Policy" content="{}">{END}"#,
        lantern_core::render::escape_html(policy).replace("&#39;", "'")
    )
}

/// `scheme://host[:port]` of an http(s) URL, as a CSP source.
fn origin(address: &str) -> Option<String> {
    let url = url::Url::parse(address).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.origin().ascii_serialization())
}

fn sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The text of each `<script>` without `src` in `html` (the shell's head,
/// which the app's build wrote: not a place articles reach).
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = lower[open_end..].find("</script").map(|i| open_end + i) else {
            break;
        };
        if !lower[start..open_end].contains(" src=") {
            found.push(&html[open_end..close]);
        }
        at = close;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_with_their_exact_text_and_external_ones_skipped() {
        let head = "<script>a()</script><SCRIPT type=module>\n b()\n</SCRIPT><script src=\"x.js\"></script>";
        assert_eq!(inline_scripts(head), ["a()", "\n b()\n"]);
    }

    #[test]
    fn the_hash_is_the_sha256_of_the_script_in_base64() {
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            sha256("alert(1)"),
            "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }

    /// The policy of a site whose lantern.toml, after `[site]`, is `rest`.
    fn policy_of(rest: &str) -> String {
        let config = SiteConfig::parse(&format!("[site]\nname = \"x\"\n{rest}")).unwrap();
        Csp::for_site(&config).policy("")
    }

    #[test]
    fn the_webhook_origin_is_a_connect_source_and_nothing_else_of_its_url() {
        let policy =
            policy_of("[ticket.webhook]\nurl = \"https://desk.example:8443/api/tickets?x=1\"\n");
        assert!(
            policy.contains("connect-src 'self' https://desk.example:8443;"),
            "{policy}"
        );
        assert!(!policy.contains("/api"), "{policy}");
    }

    #[test]
    fn the_events_origin_is_a_connect_source_too_and_one_shared_with_the_webhook_is_listed_once() {
        let webhook = "[ticket.webhook]\nurl = \"https://desk.example/api/tickets\"\n";
        let policy = policy_of(&format!(
            "{webhook}[events]\nurl = \"https://collect.example/lantern\"\n"
        ));
        let both = "connect-src 'self' https://desk.example https://collect.example;";
        assert!(policy.contains(both), "{policy}");
        let shared = policy_of(&format!(
            "{webhook}[events]\nurl = \"https://desk.example/events\"\n"
        ));
        let once = "connect-src 'self' https://desk.example;";
        assert!(shared.contains(once), "{shared}");
    }
}
