//! Search never panics and never returns more than it was asked for:
//! any query (pasted paragraphs, control characters, emoji, codes, typos)
//! over any small index, with every option the app uses and any limit,
//! filtered or not; every kept hit passes the filter and names a document
//! of the index.

mod strategies;

use lantern_core::search::{IndexDoc, SearchIndex, SearchOptions};
use proptest::prelude::*;

fn index() -> impl Strategy<Value = SearchIndex> {
    let doc = (
        strategies::joined(strategies::WORDS, 6),
        strategies::joined(strategies::WORDS, 40),
        strategies::joined(strategies::WORDS, 4),
    )
        .prop_map(|(title, body, keywords)| IndexDoc {
            title,
            body,
            keywords,
            ..Default::default()
        });
    proptest::collection::vec(doc, 0..10).prop_map(|docs| SearchIndex::build(&docs))
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => strategies::joined(strategies::WORDS, 8),
        1 => any::<String>(),
        1 => strategies::joined(strategies::MARKDOWN, 8),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn search_returns_at_most_the_limit_and_never_panics(
        index in index(),
        query in query(),
        limit in 0usize..12,
        pool_limit in 0usize..12,
        prefix_last in any::<bool>(),
        correct_typos in any::<bool>(),
        parity in 0usize..2,
    ) {
        let options = SearchOptions { limit, prefix_last, correct_typos };
        let hits = index.search(&query, &options, |_| true);
        prop_assert!(hits.len() <= limit, "{} hits for limit {}", hits.len(), limit);
        prop_assert!(hits.iter().all(|hit| hit.doc < index.len()));
        let keep = |doc: usize| doc % 2 == parity;
        let filtered = index.search_with_filter(&query, &options, pool_limit, keep);
        prop_assert!(filtered.all.len() <= pool_limit);
        prop_assert!(filtered.kept.len() <= limit);
        prop_assert!(filtered.kept.iter().all(|hit| keep(hit.doc)));
        let _ = index.corrected_query(&query, prefix_last);
    }
}
