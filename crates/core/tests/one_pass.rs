//! One pass per keystroke: `search_with_filter` gives exactly the two lists
//! the app used to ask for separately (every match for the filter chips,
//! and the filtered results), and each hit says which fields hold each term
//! it matched, so the app can tell what the title and summary matched
//! without tokenising them again.

#[path = "relevance/mod.rs"]
mod relevance;

use std::collections::HashSet;
use std::path::PathBuf;

use lantern_core::search::{term_of, Field};
use lantern_core::text::tokenize;
use lantern_core::{ArticleMeta, SearchOptions};
use relevance::{corpus_dir, generated, load, Corpus};

const POOL_LIMIT: usize = 200;

fn samples() -> Corpus {
    load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles"))
}

/// Typed queries: whole, every keystroke of some, typos, codes, nonsense.
fn typed_queries(corpus: &Corpus, stride: usize) -> Vec<String> {
    let mut queries: Vec<String> = generated(corpus, stride, 11)
        .into_iter()
        .map(|q| q.text)
        .collect();
    for q in [
        "outlook keeps asking for password",
        "outlok pasword",
        "printr offlne",
        "vpn",
        "how do i",
        "cant log in",
        "0x80070005",
        "teams me",
    ] {
        queries.extend(
            q.char_indices()
                .map(|(i, c)| q[..i + c.len_utf8()].to_string()),
        );
    }
    queries.extend(["", "   ", "🙂", "zzqxv plorf", "the"].map(String::from));
    queries
}

/// A named filter, as `keep` takes it.
type Filter<'a> = (String, Box<dyn Fn(usize) -> bool + 'a>);

/// Filters as the chips make them: a category, a tag, both, and some
/// that are not chips at all (every third article, none, all).
fn filters(articles: &[ArticleMeta]) -> Vec<Filter<'_>> {
    let category = articles.iter().map(|a| a.category.clone()).max().unwrap();
    let tag = articles
        .iter()
        .flat_map(|a| &a.tags)
        .next()
        .cloned()
        .unwrap_or_default();
    let (c, t) = (category.clone(), tag.clone());
    vec![
        (
            format!("category {category}"),
            Box::new(move |doc: usize| articles[doc].category == c),
        ),
        (
            format!("tag {tag}"),
            Box::new(move |doc: usize| articles[doc].tags.contains(&t)),
        ),
        (
            "category and tag".into(),
            Box::new(move |doc: usize| {
                articles[doc].category == category && articles[doc].tags.contains(&tag)
            }),
        ),
        (
            "every third".into(),
            Box::new(|doc: usize| doc.is_multiple_of(3)),
        ),
        ("none".into(), Box::new(|_| false)),
        ("all".into(), Box::new(|_| true)),
    ]
}

fn assert_one_pass_matches_two_calls(corpus: &Corpus, queries: &[String]) -> usize {
    let index = &corpus.catalog.index;
    let mut compared = 0;
    for (name, keep) in filters(&corpus.catalog.articles) {
        for query in queries {
            for (limit, prefix_last) in [(11, true), (31, true), (250, true), (11, false)] {
                let options = SearchOptions {
                    limit,
                    prefix_last,
                    correct_typos: true,
                };
                let pool = SearchOptions {
                    limit: POOL_LIMIT,
                    ..options.clone()
                };
                let both = index.search_with_filter(query, &options, POOL_LIMIT, &keep);
                let all = index.search(query, &pool, |_| true);
                let kept = index.search(query, &options, &keep);
                assert_eq!(both.all, all, "all, {query:?}, {name}, {options:?}");
                assert_eq!(both.kept, kept, "kept, {query:?}, {name}, {options:?}");
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn one_pass_gives_the_two_lists_of_two_calls_on_the_sample_articles() {
    let corpus = samples();
    let queries = typed_queries(&corpus, 1);
    assert!(assert_one_pass_matches_two_calls(&corpus, &queries) > 1000);
}

#[test]
fn one_pass_gives_the_two_lists_of_two_calls_on_the_shared_corpus() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no shared corpus (set LANTERN_CORPUS to its folder)");
        return;
    };
    let corpus = load(&dir);
    let queries = typed_queries(&corpus, 97);
    assert!(assert_one_pass_matches_two_calls(&corpus, &queries) > 1000);
}

/// The index terms of a text's words.
fn terms(text: &str) -> HashSet<String> {
    tokenize(text).iter().map(|t| term_of(&t.text)).collect()
}

#[test]
fn a_hit_says_which_fields_hold_each_term_it_matched() {
    let corpus = samples();
    let articles = &corpus.catalog.articles;
    let mut checked = 0;
    for query in typed_queries(&corpus, 1) {
        for hit in corpus
            .catalog
            .index
            .search(&query, &Default::default(), |_| true)
        {
            let article = &articles[hit.doc];
            let listed: HashSet<String> = hit.term_fields.iter().map(|m| m.term.clone()).collect();
            assert_eq!(listed, hit.matched_terms, "{query:?}");
            assert!(hit.term_fields.iter().all(|m| !m.fields.is_empty()));
            assert!(hit.term_fields.windows(2).all(|w| w[0].term < w[1].term));
            let keywords = [article.tags.clone(), article.aliases.clone()].concat();
            for (field, text) in [
                (Field::Title, article.title.clone()),
                (Field::Summary, article.summary.clone()),
                (Field::Keywords, keywords.join(" ")),
            ] {
                let expected: HashSet<&str> = terms(&text)
                    .iter()
                    .filter_map(|t| hit.matched_terms.get(t).map(String::as_str))
                    .collect();
                let found: HashSet<&str> = hit.terms_in(field).collect();
                assert_eq!(
                    found, expected,
                    "{query:?} in the {field} of {}",
                    article.slug
                );
                for term in found {
                    assert!(hit.fields_of(term).contains(field));
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} hits checked");
}

#[test]
fn a_word_only_the_body_holds_is_reported_in_the_body_only() {
    let corpus = samples();
    let articles = &corpus.catalog.articles;
    let hits = corpus
        .catalog
        .index
        .search("outlook password", &Default::default(), |_| true);
    let first = &hits[0];
    assert_eq!(
        articles[first.doc].slug,
        "outlook-keeps-asking-for-password"
    );
    assert!(first.fields_of("outlook").contains(Field::Title));
    assert!(first.fields_of("password").contains(Field::Title));
    assert!(first.fields_of("printer").is_empty());
    let body_only = hits
        .iter()
        .flat_map(|hit| &hit.term_fields)
        .find(|m| m.fields == Field::Body.into());
    assert!(
        body_only.is_some(),
        "some hit matches a word in its body only"
    );
}
