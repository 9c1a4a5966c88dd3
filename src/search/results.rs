//! Result rows: ranked hits as the lists show them, with the words the
//! query matched highlighted in each title and summary.

use std::collections::HashSet;

use lantern_core::search::{highlight, Segment};
use lantern_core::{SearchHit, SearchOptions};
use leptos::prelude::*;

use super::filters::{keeps, POOL_LIMIT};
use crate::site::Site;

#[derive(Clone, PartialEq)]
pub struct ResultRow {
    pub slug: String,
    pub title: Vec<Segment>,
    pub summary: Vec<Segment>,
    pub category: String,
    /// Index terms the query matched in this article, for its snippet.
    pub matched_terms: Vec<String>,
}

/// Ranks articles for `query`; plain data so it can be tested and reused.
pub fn search_rows(site: &Site, query: &str, limit: usize) -> Vec<ResultRow> {
    search_rows_where(site, query, limit, |_| true)
}

/// Like [`search_rows`], keeping only the articles (by index in the
/// catalog) that `keep` accepts.
pub fn search_rows_where(
    site: &Site,
    query: &str,
    limit: usize,
    keep: impl Fn(usize) -> bool,
) -> Vec<ResultRow> {
    let hits = site.catalog.index.search(
        query,
        &SearchOptions {
            limit,
            prefix_last: true,
        },
        keep,
    );
    rows_of(site, &hits)
}

/// Result rows for ranked hits: highlighted title and summary.
pub fn rows_of(site: &Site, hits: &[SearchHit]) -> Vec<ResultRow> {
    let catalog = &site.catalog;
    hits.iter()
        .filter_map(|hit| {
            let article = catalog.articles.get(hit.doc)?;
            let terms: &HashSet<String> = &hit.matched_terms;
            Some(ResultRow {
                slug: article.slug.clone(),
                title: highlight(&article.title, terms),
                summary: highlight(&article.summary, terms),
                category: site.category_name(&article.category),
                matched_terms: {
                    let mut terms: Vec<String> = terms.iter().cloned().collect();
                    terms.sort();
                    terms
                },
            })
        })
        .collect()
}

/// The index terms of the highlighted words in some segments.
pub fn matched_terms_in<'a>(parts: impl IntoIterator<Item = &'a Segment>) -> HashSet<String> {
    parts
        .into_iter()
        .filter(|s| s.matched)
        .flat_map(|s| lantern_core::text::tokenize(&s.text))
        .map(|t| lantern_core::search::term_of(&t.text))
        .collect()
}

pub fn segments(parts: Vec<Segment>) -> impl IntoView {
    parts
        .into_iter()
        .map(|s| {
            if s.matched {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

/// The top `limit + 1` rows for a query (the extra one only tells whether
/// there are more). `pool` is the unfiltered search the home page counts
/// its chips in (empty for the header box, which has none); without a
/// filter its top is the answer, unless more are wanted than it holds.
pub fn ranked_rows(
    site: &Site,
    query: &str,
    pool: Option<&[SearchHit]>,
    category: Option<&str>,
    tag: Option<&str>,
    limit: usize,
) -> Vec<ResultRow> {
    let want = limit + 1;
    let Some(pool) = pool else {
        return search_rows(site, query, want);
    };
    if category.is_some() || tag.is_some() {
        let articles = &site.catalog.articles;
        return search_rows_where(site, query, want, |doc| {
            articles
                .get(doc)
                .is_some_and(|a| keeps(&a.category, &a.tags, category, tag))
        });
    }
    if want <= pool.len() || pool.len() < POOL_LIMIT {
        rows_of(site, &pool[..want.min(pool.len())])
    } else {
        search_rows(site, query, want)
    }
}
