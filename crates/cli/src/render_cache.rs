//! Sanitised article HTML from the previous build, reused when an article
//! has not changed: sanitising is the slowest step of a build, and most
//! rebuilds change one article.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

use lantern_core::library::Article;
use lantern_core::render::render_article;

pub const CACHE_FILE: &str = "data/render-cache.json";

/// Bumped whenever rendering or sanitising changes what the same markdown
/// becomes, so a rebuild never keeps HTML an older renderer let through
/// (3: ids from articles never take the app's, author anchors kept as ids).
const RENDER_REVISION: u32 = 3;

/// What the HTML of an article depends on: its body, its folder (image
/// paths) and the renderer's version.
fn key(article: &Article) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    RENDER_REVISION.hash(&mut hasher);
    article.dir().hash(&mut hasher);
    article.body.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Fills in every article's HTML, from the previous build in `out` where
/// its key matches, rendering the rest on all cores. Returns the new cache
/// (slug to key) to write with the site.
pub fn fill_html(articles: &mut [Article], out: &Path) -> BTreeMap<String, String> {
    let previous: HashMap<String, String> = std::fs::read_to_string(out.join(CACHE_FILE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let keys: Vec<String> = articles.iter().map(key).collect();
    let mut stale = Vec::new();
    // The file starts with its own Content-Security-Policy (build.rs).
    let meta = crate::csp::fragment_meta();
    for (article, key) in articles.iter_mut().zip(&keys) {
        let cached = (previous.get(&article.slug) == Some(key))
            .then(|| {
                std::fs::read_to_string(out.join(format!("data/articles/{}.html", article.slug)))
                    .ok()
            })
            .flatten()
            .and_then(|file| file.strip_prefix(&meta).map(str::to_string));
        match cached {
            Some(html) => article.rendered.html = html,
            None => stale.push(article),
        }
    }
    let html = lantern_core::parallel::on_all_cores(&stale, |_, run| {
        run.iter()
            .map(|article| render_article(&article.body, article.dir()).html)
            .collect::<Vec<_>>()
    });
    for (article, html) in stale.into_iter().zip(html.into_iter().flatten()) {
        article.rendered.html = html;
    }
    let mut seen = HashSet::new();
    articles
        .iter()
        .zip(keys)
        .filter(|(a, _)| seen.insert(a.slug.clone()))
        .map(|(a, k)| (a.slug.clone(), k))
        .collect()
}
