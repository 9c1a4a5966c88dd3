//! The catalog file round-trips: whatever `lantern build` can write
//! (generated articles, site settings, categories, synonyms, any Unicode
//! in any field), the browser reads back the same catalog, byte for byte
//! when written again, and its index answers every query as the index
//! the build made.

mod strategies;

use lantern_core::catalog::CATALOG_FORMAT;
use lantern_core::events::EventsConfig;
use lantern_core::search::{IndexDoc, Synonyms};
use lantern_core::{ArticleMeta, Catalog, Category, SearchIndex, SearchOptions, SiteInfo};
use proptest::prelude::*;

fn text(max: usize) -> impl Strategy<Value = String> {
    strategies::joined(strategies::WORDS, max)
}

fn article() -> impl Strategy<Value = (ArticleMeta, String)> {
    let date = proptest::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    (
        ("[a-z0-9-]{1,20}", text(6), text(8), "[a-z]{0,6}"),
        (
            proptest::collection::vec(text(2), 0..4),
            proptest::collection::vec("[a-z-]{1,12}", 0..3),
        ),
        (
            date.clone(),
            date,
            text(40),
            proptest::option::of("[a-z]{1,6}/[a-z é#]{1,8}\\.md"),
        ),
    )
        .prop_map(
            |(
                (slug, title, summary, category),
                (tags, aliases),
                (updated, review_by, body, source),
            )| {
                let meta = ArticleMeta {
                    slug,
                    title,
                    summary,
                    category,
                    tags,
                    aliases,
                    updated,
                    review_by,
                    source,
                };
                (meta, body)
            },
        )
}

fn catalog() -> impl Strategy<Value = Catalog> {
    let category = ("[a-z]{1,6}", text(3), text(6)).prop_map(|(id, name, description)| Category {
        id,
        name,
        description,
    });
    (
        proptest::collection::vec(article(), 0..12),
        (
            text(3),
            text(6),
            "https://[a-z]{1,8}\\.example/[a-z]{0,5}",
            "(https://[a-z]{1,8}\\.example/edit/\\{path\\})?",
        ),
        proptest::collection::vec(category, 0..4),
        proptest::collection::vec(proptest::collection::vec("[a-z]{1,8}", 2..4), 0..3),
        proptest::option::of(events()),
    )
        .prop_map(
            |(articles, (name, tagline, base_url, edit_url), categories, groups, events)| {
                let docs: Vec<IndexDoc> = articles
                    .iter()
                    .map(|(meta, body)| IndexDoc {
                        title: meta.title.clone(),
                        keywords: meta.tags.join(" "),
                        summary: meta.summary.clone(),
                        body: body.clone(),
                        ..Default::default()
                    })
                    .collect();
                let mut index = SearchIndex::build(&docs);
                index.set_synonyms(Synonyms::new(groups));
                Catalog {
                    format: CATALOG_FORMAT,
                    site: SiteInfo {
                        name,
                        tagline,
                        base_url,
                        edit_url,
                    },
                    categories,
                    articles: articles.into_iter().map(|(meta, _)| meta).collect(),
                    index,
                    ticket: Default::default(),
                    events,
                }
            },
        )
}

fn events() -> impl Strategy<Value = EventsConfig> {
    (
        "https://[a-z]{1,8}\\.example/[a-z]{0,5}",
        proptest::collection::btree_map("X-[A-Za-z]{1,8}", text(2), 0..3),
        any::<bool>(),
    )
        .prop_map(|(url, headers, comments)| EventsConfig {
            url,
            headers,
            comments,
        })
}

/// Document ids and scores, the part of a hit the two indexes must agree on.
fn ranked(index: &SearchIndex, query: &str) -> Vec<(usize, u32)> {
    index
        .search(query, &SearchOptions::default(), |_| true)
        .into_iter()
        .map(|hit| (hit.doc, hit.score.to_bits()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_catalog_reads_back_as_written(built in catalog(), queries in proptest::collection::vec(text(3), 1..4)) {
        let bytes = built.to_bytes();
        let read = Catalog::from_bytes(bytes.clone()).expect("a catalog the build wrote reads back");
        prop_assert_eq!(read.format, built.format);
        prop_assert_eq!(&read.site, &built.site);
        prop_assert_eq!(&read.categories, &built.categories);
        prop_assert_eq!(&read.articles, &built.articles);
        prop_assert_eq!(&read.ticket, &built.ticket);
        prop_assert_eq!(&read.events, &built.events);
        prop_assert_eq!(read.index.len(), built.index.len());
        prop_assert_eq!(read.index.vocabulary_len(), built.index.vocabulary_len());
        prop_assert!(read.to_bytes() == bytes, "written again, the bytes differ");
        let titles = built.articles.iter().map(|a| a.title.clone());
        for query in queries.into_iter().chain(titles) {
            prop_assert_eq!(ranked(&read.index, &query), ranked(&built.index, &query), "query {:?}", query);
        }
    }
}
