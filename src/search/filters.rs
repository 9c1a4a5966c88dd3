//! Filters for search results on the home page: by category and by tag,
//! shown as toggle chips with counts and kept in the address bar
//! (`?q=vpn&category=network&tag=vpn`).
//!
//! Counts come from one unfiltered search with a larger limit (the pool);
//! each facet is counted with the *other* filter applied, so a row's own
//! counts do not change when one of its chips is toggled.

use leptos::prelude::*;

use crate::site::Site;

/// How many unfiltered matches are counted for the chips.
pub const POOL_LIMIT: usize = 200;
/// At most this many tag chips (the active tag is always shown).
const MAX_TAGS: usize = 6;

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
        .map(|a| Match {
            category: a.category.clone(),
            tags: a.tags.clone(),
        })
        .collect()
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
    facets.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(rank(&a.id).cmp(&rank(&b.id)))
            .then(a.id.cmp(&b.id))
    });
    facets
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
    let mut facets: Vec<Facet> = Vec::new();
    for m in &scope {
        for tag in &m.tags {
            let tag = tag.to_lowercase();
            match facets.iter_mut().find(|f| f.id == tag) {
                Some(f) => f.count += 1,
                None => facets.push(Facet { id: tag, count: 1 }),
            }
        }
    }
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
    facets.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
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
