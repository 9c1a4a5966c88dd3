//! Filters for search results on the home page: by category and by tag,
//! shown as toggle chips with counts and kept in the address bar
//! (`?q=vpn&category=network&tag=vpn`).
//!
//! Counts come from one unfiltered search with a larger limit (the pool);
//! each facet is counted with the *other* filter applied, so a row's own
//! counts do not change when one of its chips is toggled.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::site::Site;

/// How many unfiltered matches are counted for the chips.
pub const POOL_LIMIT: usize = 200;
/// At most this many tag chips (the active tag is always shown).
const MAX_TAGS: usize = 6;
/// At most this many of an article's tags are counted for the chips:
/// `lantern build` refuses more (`front_matter::MAX_LIST_ENTRIES`), and a
/// catalog from elsewhere must not hold the tab either (issue 20: two
/// articles with 50k tags each took 17.9 s per keystroke).
const COUNTED_TAGS: usize = 50;

/// The active filters, owned by the page so it can restore them from the
/// URL and browse a category when there is no query.
#[derive(Clone, Copy)]
pub struct SearchFilters {
    pub category: RwSignal<Option<String>>,
    pub tag: RwSignal<Option<String>>,
}

impl SearchFilters {
    pub fn new(category: Option<String>, tag: Option<String>) -> Self {
        Self {
            category: RwSignal::new(non_empty(category)),
            tag: RwSignal::new(non_empty(tag)),
        }
    }

    /// Sets both filters, notifying only what changed.
    pub fn set(&self, category: Option<String>, tag: Option<String>) {
        let category = non_empty(category);
        let tag = non_empty(tag);
        if self.category.with_untracked(|c| *c != category) {
            self.category.set(category);
        }
        if self.tag.with_untracked(|t| *t != tag) {
            self.tag.set(tag);
        }
    }

    pub fn clear(&self) {
        self.set(None, None);
    }
}

pub fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// What the filters need to know about one matching article.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub category: String,
    pub tags: Vec<String>,
}

/// Whether an article with this category and these tags passes the filters.
pub fn keeps(
    category: &str,
    tags: &[String],
    want_category: Option<&str>,
    want_tag: Option<&str>,
) -> bool {
    want_category.is_none_or(|c| category == c)
        && want_tag.is_none_or(|t| tags.iter().any(|tag| tag.eq_ignore_ascii_case(t)))
}

/// What the chips need of the unfiltered matches (a search with a limit of
/// [`POOL_LIMIT`]).
pub fn matches_of(site: &Site, hits: &[lantern_core::SearchHit]) -> Vec<Match> {
    hits.iter()
        .filter_map(|hit| site.catalog.articles.get(hit.doc))
        .map(Match::of)
        .collect()
}

impl Match {
    /// What the chips count of one article: its category and at most
    /// [`COUNTED_TAGS`] of its tags.
    pub fn of(article: &lantern_core::ArticleMeta) -> Match {
        Match {
            category: article.category.clone(),
            tags: article.tags.iter().take(COUNTED_TAGS).cloned().collect(),
        }
    }
}

/// One chip: a category id or a tag, and how many matches it has.
#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    pub id: String,
    pub count: usize,
}

/// Matches passing the filters.
pub fn count(pool: &[Match], category: Option<&str>, tag: Option<&str>) -> usize {
    pool.iter()
        .filter(|m| keeps(&m.category, &m.tags, category, tag))
        .count()
}

/// Categories among the matches that have `tag` (all matches without a tag
/// filter), most matches first, ties in the configured `order`. The active
/// category is always included, with a zero count if nothing matches in it.
pub fn category_facets(
    pool: &[Match],
    tag: Option<&str>,
    active: Option<&str>,
    order: &[String],
) -> Vec<Facet> {
    let mut facets: Vec<Facet> = Vec::new();
    for m in pool
        .iter()
        .filter(|m| keeps(&m.category, &m.tags, None, tag))
    {
        if m.category.is_empty() {
            continue;
        }
        match facets.iter_mut().find(|f| f.id == m.category) {
            Some(f) => f.count += 1,
            None => facets.push(Facet {
                id: m.category.clone(),
                count: 1,
            }),
        }
    }
    if let Some(active) = active {
        if !facets.iter().any(|f| f.id == active) {
            facets.push(Facet {
                id: active.to_string(),
                count: 0,
            });
        }
    }
    let rank = |id: &str| order.iter().position(|o| o == id).unwrap_or(order.len());
    most_first(&mut facets, &rank);
    facets
}

/// Most matches first, then by `rank`, then by id. One sort for both
/// kinds of chip: each `sort_by` closure is its own copy of the standard
/// library's sort in the wasm (about 3 KB).
fn most_first(facets: &mut [Facet], rank: &dyn Fn(&str) -> usize) {
    facets.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(rank(&a.id).cmp(&rank(&b.id)))
            .then(a.id.cmp(&b.id))
    });
}

/// The most common tags among the matches in `category` (all matches
/// without a category filter): only tags that narrow the results (shared
/// by at least two matches, but not by all), most matches first. The
/// active tag is always included, first.
pub fn tag_facets(pool: &[Match], category: Option<&str>, active: Option<&str>) -> Vec<Facet> {
    let scope: Vec<&Match> = pool
        .iter()
        .filter(|m| keeps(&m.category, &m.tags, category, None))
        .collect();
    // Counted in a map: looking each tag up in the list of those seen
    // made the chips quadratic in the number of distinct tags.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in &scope {
        for tag in &m.tags {
            *counts
                .entry(lantern_core::text::lowercase(tag))
                .or_default() += 1;
        }
    }
    let facets: Vec<Facet> = counts
        .into_iter()
        .map(|(id, count)| Facet { id, count })
        .collect();
    let is_active = |id: &str| active.is_some_and(|a| a.eq_ignore_ascii_case(id));
    let active_facet = active.map(|a| {
        facets
            .iter()
            .find(|f| is_active(&f.id))
            .cloned()
            .unwrap_or(Facet {
                id: a.to_string(),
                count: 0,
            })
    });
    let mut facets: Vec<Facet> = facets
        .into_iter()
        .filter(|f| !is_active(&f.id) && f.count >= 2 && f.count < scope.len())
        .collect();
    most_first(&mut facets, &|_| 0);
    facets.truncate(MAX_TAGS);
    if let Some(active) = active_facet {
        facets.insert(0, active);
    }
    facets
}

/// "in Network & VPN", "tagged “vpn”", or both; empty without filters.
pub fn scope_phrase(site: &Site, category: Option<&str>, tag: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(category) = category {
        parts.push(format!("in {}", site.category_name(category)));
    }
    if let Some(tag) = tag {
        parts.push(format!("tagged “{tag}”"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn m(category: &str, tags: &[&str]) -> Match {
        Match {
            category: category.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn pool() -> Vec<Match> {
        vec![
            m("network", &["vpn", "remote"]),
            m("network", &["vpn", "dns"]),
            m("network", &["wifi", "dns"]),
            m("email", &["outlook", "vpn"]),
            m("accounts", &["mfa"]),
        ]
    }

    fn order() -> Vec<String> {
        ["accounts", "network", "email"].map(String::from).to_vec()
    }

    #[wasm_bindgen_test]
    fn categories_are_counted_most_first_ties_in_configured_order() {
        let facets = category_facets(&pool(), None, None, &order());
        let got: Vec<(&str, usize)> = facets.iter().map(|f| (f.id.as_str(), f.count)).collect();
        assert_eq!(got, [("network", 3), ("accounts", 1), ("email", 1)]);
    }

    #[wasm_bindgen_test]
    fn category_counts_honour_the_tag_and_keep_the_active_category() {
        let facets = category_facets(&pool(), Some("VPN"), Some("software"), &order());
        let got: Vec<(&str, usize)> = facets.iter().map(|f| (f.id.as_str(), f.count)).collect();
        assert_eq!(got, [("network", 2), ("email", 1), ("software", 0)]);
        assert_eq!(count(&pool(), None, Some("vpn")), 3);
        assert_eq!(count(&pool(), Some("network"), Some("vpn")), 2);
        assert_eq!(count(&pool(), Some("software"), None), 0);
    }

    #[wasm_bindgen_test]
    fn an_article_with_50k_tags_brings_at_most_50_of_them_to_the_chips() {
        let article = lantern_core::ArticleMeta {
            slug: "many".into(),
            title: "Many tags".into(),
            summary: String::new(),
            category: "network".into(),
            tags: (0..50_000).map(|i| format!("tag{i}")).collect(),
            aliases: Vec::new(),
            updated: None,
            review_by: None,
            source: None,
        };
        let counted = Match::of(&article);
        assert_eq!(counted.tags.len(), COUNTED_TAGS);
        assert_eq!(counted.tags[0], "tag0");
    }

    #[wasm_bindgen_test]
    fn tag_chips_for_articles_with_thousands_of_tags_are_counted_and_capped() {
        let many: Vec<String> = (0..20_000).map(|i| format!("tag{i}")).collect();
        let as_str: Vec<&str> = many.iter().map(String::as_str).collect();
        let pool = vec![m("a", &as_str), m("a", &as_str), m("b", &["vpn"])];
        let facets = tag_facets(&pool, None, None);
        assert_eq!(facets.len(), MAX_TAGS);
        assert!(facets.iter().all(|f| f.count == 2), "{facets:?}");
        assert_eq!(facets[0].id, "tag0", "ties in name order");
    }

    #[wasm_bindgen_test]
    fn tags_that_narrow_are_offered_and_the_active_one_comes_first() {
        let got: Vec<(String, usize)> = tag_facets(&pool(), None, None)
            .into_iter()
            .map(|f| (f.id, f.count))
            .collect();
        assert_eq!(got, [("vpn".to_string(), 3), ("dns".to_string(), 2)]);
        // Within network, dns and vpn narrow; a tag on every match would not.
        let got: Vec<String> = tag_facets(&pool(), Some("network"), Some("remote"))
            .into_iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(got, ["remote", "dns", "vpn"]);
        let unknown = tag_facets(&pool(), None, Some("printer"));
        assert_eq!(
            unknown[0],
            Facet {
                id: "printer".into(),
                count: 0
            }
        );
    }
}
