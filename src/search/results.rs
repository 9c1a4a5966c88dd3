//! Result rows: ranked hits as the lists show them, the title and summary
//! marked with the words the engine says matched in each.

use std::collections::HashSet;

use lantern_core::search::{highlight, Field, Passage, Segment};
use lantern_core::{SearchHit, SearchOptions};
use leptos::prelude::*;

use crate::site::Site;

#[derive(Clone, PartialEq)]
pub struct ResultRow {
    pub slug: String,
    pub title: Vec<Segment>,
    pub summary: Vec<Segment>,
    pub category: String,
    /// Index terms the query matched in this article, for its snippet.
    pub matched_terms: Vec<String>,
    /// Those of them that neither the title nor the summary holds.
    pub beyond_summary: Vec<String>,
}

/// Ranks articles for `query`; plain data so it can be tested and reused.
pub fn search_rows(site: &Site, query: &str, limit: usize) -> Vec<ResultRow> {
    let options = SearchOptions {
        limit,
        prefix_last: true,
        correct_typos: true,
    };
    let query = super::engine_query(query);
    rows_of(site, &site.catalog.index.search(query, &options, |_| true))
}

/// The matched terms of a hit that one field holds.
fn terms_in(hit: &SearchHit, field: Field) -> HashSet<String> {
    hit.terms_in(field).map(String::from).collect()
}

/// Result rows for ranked hits: the title and summary highlighted with
/// the terms the engine found in each.
pub fn rows_of(site: &Site, hits: &[SearchHit]) -> Vec<ResultRow> {
    let head = Field::Title | Field::Summary;
    hits.iter()
        .filter_map(|hit| {
            let article = site.catalog.articles.get(hit.doc)?;
            let terms = hit.term_fields.iter();
            Some(ResultRow {
                slug: article.slug.clone(),
                title: highlight(&article.title, &terms_in(hit, Field::Title)),
                summary: highlight(&article.summary, &terms_in(hit, Field::Summary)),
                category: site.category_name(&article.category),
                matched_terms: terms.clone().map(|m| m.term.clone()).collect(),
                beyond_summary: terms
                    .filter(|m| (m.fields & head).is_empty())
                    .map(|m| m.term.clone())
                    .collect(),
            })
        })
        .collect()
}

/// Whether a result's passage shows words its title and summary do not
/// (then it is worth opening the article at the passage's section).
pub fn passage_adds_to_summary(row: &ResultRow, passage: &Passage) -> bool {
    let beyond: HashSet<String> = row.beyond_summary.iter().cloned().collect();
    passage
        .segments
        .iter()
        .filter(|s| s.matched)
        .any(|s| highlight(&s.text, &beyond).iter().any(|part| part.matched))
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
