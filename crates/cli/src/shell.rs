//! The app's `index.html`, turned into one page per URL: assets addressed
//! relative to the page (so the site works under any sub-path with no
//! rewrite rules), plus a pre-rendered body and link-preview tags. The
//! ticket page loads the app's second bundle, the one with the ticket form
//! (`lantern-ticket`, see the root Cargo.toml), instead of the main one.

use crate::app_source::{AppSource, SHELL};
use crate::csp::{self, Csp};

pub const ROOT_META: &str = r#"<meta name="lantern-root" content="./">"#;
pub const PRERENDER_SLOT: &str = r#"<div id="lantern-prerender"></div>"#;
/// Around the tags `page` adds to the head, so that a site built before
/// (a prebuilt site used as the app) gives them up instead of keeping
/// another site's title and description.
const HEAD_START: &str = "<!-- lantern:head -->";
const HEAD_END: &str = "<!-- /lantern:head -->";
/// After a prerendered body, so that a built site used as the app gives its
/// home page's body up too.
const PRERENDER_START: &str = r#"<div id="lantern-prerender">"#;
const PRERENDER_END: &str = "<!-- /lantern:prerender -->";
/// The preload of the catalog in `index.html`, addressed from each page.
const DATA_PRELOAD: &str = r#"href="./data/"#;
/// The ticket page's bundle, as trunk names its files (not hashed: the
/// page adds a version to their addresses instead).
const TICKET_BUNDLE: &str = "lantern-ticket";

pub struct AppShell {
    html: String,
    /// (as the app was built, file name) for each top-level asset.
    assets: Vec<(String, String)>,
    /// The bundle `index.html` loads, and the ticket page's, when the app
    /// has one (an app built before the split has the form in its main
    /// bundle, and its ticket page loads that).
    bundles: Option<(Bundle, Bundle)>,
    /// The Content-Security-Policy every page gets (`csp.rs`).
    csp: Csp,
    /// Pages register the offline worker and link the manifest
    /// (`crate::offline`): a published build, not a preview.
    pub offline: bool,
}

/// A wasm-bindgen app: its JS module and its wasm, by file name.
struct Bundle {
    js: String,
    wasm: String,
}

impl AppShell {
    /// The shell of `app`, whose assets were built for `public_url`.
    pub fn load(app: &AppSource, public_url: &str, csp: Csp) -> Result<Self, String> {
        let mut html = String::from_utf8(app.read(SHELL)?.into_owned())
            .map_err(|_| format!("{SHELL} of {} is not UTF-8", app.describe()))?;
        if let (Some(start), Some(end)) = (html.find(PRERENDER_START), html.find(PRERENDER_END)) {
            if start < end {
                html.replace_range(start..end + PRERENDER_END.len(), PRERENDER_SLOT);
            }
        }
        if !html.contains(ROOT_META) || !html.contains(PRERENDER_SLOT) {
            return Err(format!(
                "{SHELL} of {} is not a Lantern app shell (lantern-root meta or prerender slot missing)",
                app.describe()
            ));
        }
        for (open, close) in [(HEAD_START, HEAD_END), (csp::START, csp::END)] {
            while let (Some(start), Some(end)) = (html.find(open), html.find(close)) {
                if end < start {
                    break;
                }
                html.replace_range(start..end + close.len(), "");
            }
        }
        let public_url = if public_url.ends_with('/') {
            public_url.to_string()
        } else {
            format!("{public_url}/")
        };
        let mut assets = Vec::new();
        for name in app.files()? {
            if !name.contains('/') && name != SHELL {
                // A folder `lantern build` already wrote (a prebuilt site
                // used as the app) has page-relative `./` addresses.
                assets.push((format!("./{name}"), name.clone()));
                if public_url != "./" {
                    assets.push((format!("{public_url}{name}"), name));
                }
            }
        }
        // Longest first, so `app.js` never rewrites part of `app.js.map`.
        assets.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        let bundles = bundles(app, &html, &assets)?;
        Ok(Self {
            html,
            assets,
            bundles,
            csp,
            offline: false,
        })
    }

    /// The ticket page: like `page`, loading the ticket bundle.
    pub fn ticket_page(&self, root: &str, title: &str, head: &str, body: &str) -> String {
        let mut html = self.shell_at(root, title);
        if let Some((main, ticket)) = &self.bundles {
            for (from, to) in [(&main.wasm, &ticket.wasm), (&main.js, &ticket.js)] {
                for quote in ['"', '\''] {
                    html = html.replace(
                        &format!("{quote}{root}{from}"),
                        &format!("{quote}{root}{to}"),
                    );
                }
            }
        }
        self.finish(html, root, head, body)
    }

    /// A page whose assets and data live at `root` (relative like `../../`,
    /// or absolute like `/help/` for the 404 page a host serves anywhere).
    pub fn page(&self, root: &str, title: &str, head: &str, body: &str) -> String {
        self.finish(self.shell_at(root, title), root, head, body)
    }

    /// A page without the app: the shell's stylesheets and icons,
    /// addressed from `root`, so it looks like the site, and no script at
    /// all (its policy allows none, `csp::static_meta`).
    pub fn static_page(&self, root: &str, title: &str, body: &str) -> String {
        let html = self.shell_at(root, title);
        let head = &html[..html.find("</head>").unwrap_or(html.len())];
        let lower = head.to_ascii_lowercase();
        let mut links = String::new();
        let mut at = 0;
        while let Some(start) = lower[at..].find("<link").map(|i| at + i) {
            let end = lower[start..]
                .find('>')
                .map_or(lower.len(), |i| start + i + 1);
            let tag = &lower[start..end];
            if ["stylesheet", "icon"].iter().any(|rel| {
                tag.contains(&format!("rel=\"{rel}\"")) || tag.contains(&format!("rel={rel}"))
            }) {
                links.push_str(&head[start..end]);
            }
            at = end;
        }
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{}<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>{title}</title>{links}</head><body>{body}</body></html>"#,
            csp::static_meta()
        )
    }

    /// The shell with its addresses relative to `root`, and `title`.
    fn shell_at(&self, root: &str, title: &str) -> String {
        let mut html = self.html.clone();
        let root = &lantern_core::render::escape_html(root);
        for (built, name) in &self.assets {
            for quote in ['"', '\''] {
                html = html.replace(&format!("{quote}{built}"), &format!("{quote}{root}{name}"));
            }
        }
        html = html.replace(DATA_PRELOAD, &format!(r#"href="{root}data/"#));
        html = html.replace(
            ROOT_META,
            &format!(r#"<meta name="lantern-root" content="{root}">"#),
        );
        if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
            html.replace_range(
                start..end + "</title>".len(),
                &format!("<title>{title}</title>"),
            );
        }
        html
    }

    /// `html` (a shell from `shell_at`) with its Content-Security-Policy
    /// first in the head, hashing the shell's own inline scripts, then the
    /// page's `head` tags and `body`.
    fn finish(&self, mut html: String, root: &str, head: &str, body: &str) -> String {
        let head_end = html.find("</head>").unwrap_or(0);
        let meta = self.csp.meta(&html[..head_end]);
        let at = match html.find("<meta charset") {
            Some(charset) => html[charset..].find('>').map_or(0, |i| charset + i + 1),
            None => html.find("<head>").map_or(0, |i| i + "<head>".len()),
        };
        html.insert_str(at, &meta);
        let offline = if self.offline {
            crate::offline::head(&lantern_core::render::escape_html(root))
        } else {
            String::new()
        };
        html = html.replacen(
            "</head>",
            &format!("{HEAD_START}{head}{offline}{HEAD_END}</head>"),
            1,
        );
        html.replacen(
            PRERENDER_SLOT,
            &format!("{PRERENDER_START}{body}</div>{PRERENDER_END}"),
            1,
        )
    }
}

/// The bundle `index.html` loads (the `*_bg.wasm` it names, with its
/// `.js`), and the ticket bundle, if both are there. The ticket bundle's
/// addresses carry a version (from its bytes), so a browser never pairs a
/// cached JS module with a newer wasm.
fn bundles(
    app: &AppSource,
    html: &str,
    assets: &[(String, String)],
) -> Result<Option<(Bundle, Bundle)>, String> {
    let names: Vec<&str> = assets.iter().map(|(_, name)| name.as_str()).collect();
    let ticket_js = format!("{TICKET_BUNDLE}.js");
    let ticket_wasm = format!("{TICKET_BUNDLE}_bg.wasm");
    if !names.contains(&ticket_js.as_str()) || !names.contains(&ticket_wasm.as_str()) {
        return Ok(None);
    }
    let main = names.iter().find_map(|name| {
        let stem = name.strip_suffix("_bg.wasm")?;
        let js = format!("{stem}.js");
        (stem != TICKET_BUNDLE && html.contains(*name) && names.contains(&js.as_str())).then(|| {
            Bundle {
                js,
                wasm: name.to_string(),
            }
        })
    });
    let Some(main) = main else {
        return Ok(None);
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for name in [&ticket_js, &ticket_wasm] {
        std::hash::Hash::hash(&*app.read(name)?, &mut hasher);
    }
    let version = format!("{:016x}", std::hash::Hasher::finish(&hasher));
    let ticket = Bundle {
        js: format!("{ticket_js}?v={version}"),
        wasm: format!("{ticket_wasm}?v={version}"),
    };
    Ok(Some((main, ticket)))
}
