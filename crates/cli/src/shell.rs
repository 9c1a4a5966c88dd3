//! The app's `index.html`, turned into one page per URL: assets addressed
//! relative to the page (so the site works under any sub-path with no
//! rewrite rules), plus a pre-rendered body and link-preview tags.

use std::path::Path;

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

pub struct AppShell {
    html: String,
    /// (as the app was built, file name) for each top-level asset.
    assets: Vec<(String, String)>,
}

impl AppShell {
    pub fn load(app_dir: &Path, public_url: &str) -> Result<Self, String> {
        let index = app_dir.join("index.html");
        let mut html = std::fs::read_to_string(&index).map_err(|e| {
            format!(
                "no app at {}: {e}. Build it with `trunk build --release` (or pass --app DIR)",
                index.display()
            )
        })?;
        if let (Some(start), Some(end)) = (html.find(PRERENDER_START), html.find(PRERENDER_END)) {
            if start < end {
                html.replace_range(start..end + PRERENDER_END.len(), PRERENDER_SLOT);
            }
        }
        if !html.contains(ROOT_META) || !html.contains(PRERENDER_SLOT) {
            return Err(format!(
                "{} is not a Lantern app shell (lantern-root meta or prerender slot missing)",
                index.display()
            ));
        }
        while let (Some(start), Some(end)) = (html.find(HEAD_START), html.find(HEAD_END)) {
            if end < start {
                break;
            }
            html.replace_range(start..end + HEAD_END.len(), "");
        }
        let public_url = if public_url.ends_with('/') {
            public_url.to_string()
        } else {
            format!("{public_url}/")
        };
        let mut assets = Vec::new();
        for entry in std::fs::read_dir(app_dir).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().map_err(|e| e.to_string())?.is_file() && name != "index.html" {
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
        Ok(Self { html, assets })
    }

    /// A page whose assets and data live at `root` (relative like `../../`,
    /// or absolute like `/help/` for the 404 page a host serves anywhere).
    pub fn page(&self, root: &str, title: &str, head: &str, body: &str) -> String {
        let mut html = self.html.clone();
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
        html = html.replacen(
            "</head>",
            &format!("{HEAD_START}{head}{HEAD_END}</head>"),
            1,
        );
        html.replacen(
            PRERENDER_SLOT,
            &format!("{PRERENDER_START}{body}</div>{PRERENDER_END}"),
            1,
        )
    }
}
