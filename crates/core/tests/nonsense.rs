//! Nonsense must reach "Contact support": a query no article is about
//! returns no results, instead of every article that shares a stop word,
//! a synonym or a typo-corrected common word with it ("my stapler is
//! haunted" listed 16 of the 32 sample articles, "the" all of them).
//!
//! The sentences were written for this test (2026-12-02) as things people
//! type into an IT service desk's search box that no IT article covers:
//! facilities, catering, the office, small talk and random words, phrased
//! as people phrase them (with stop words). They were written before
//! tuning and not changed to fit it. Over the 32 sample articles they must
//! give nothing; over the 3,000 articles of the shared corpus (Microsoft
//! support, a far larger vocabulary) some words of them are real words of
//! real articles, so there a result must at least be honestly matched.

use std::path::Path;

use lantern_core::config::SiteConfig;
use lantern_core::library::Library;
use lantern_core::search::term_of;
use lantern_core::text::{is_stop_word, tokenize};
use lantern_core::{Catalog, SearchOptions};

const NONSENSE: &[&str] = &[
    "my stapler is haunted",
    "haunted stapler",
    "where is the canteen menu",
    "book a meeting room for friday",
    "my chair squeaks",
    "the coffee machine is broken",
    "who took my lunch from the fridge",
    "parking permit renewal",
    "can i bring my dog to the office",
    "the lift is out of order",
    "when is the next fire drill",
    "my desk plant is dying",
    "the toilet on floor 3 is blocked",
    "how do i claim travel expenses",
    "the blinds are stuck",
    "it is too cold in the office",
    "i lost my umbrella",
    "where do i park my bike",
    "purple elephant dances",
    "zebra carpet thunder",
    "the vending machine ate my coins",
    "is the gym open on sunday",
    "order more sticky notes",
    "who is the fire warden",
    "can you water my plants",
    "the microwave smells of fish",
    "birthday cake in the kitchen",
    "pizza party on thursday",
    "my shoes are wet",
    "recommend a good restaurant nearby",
    "what time does the post room close",
    "the carpet is stained",
    "the radiator is leaking",
    "order flowers for reception",
    "sing me a song",
    "tell me a joke",
    "what is the meaning of life",
    "the ghost in the basement",
    "the",
    "how do i",
];

fn samples() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    Library::load(&dir)
        .expect("articles folder")
        .catalog(&SiteConfig::default())
}

/// The results, as the search box runs it (the last word may be
/// unfinished), that hold enough of the query to be results: not the
/// partial ones the list shows, under "no article matches all of your
/// words", when there are none.
fn titles(catalog: &Catalog, query: &str) -> Vec<String> {
    catalog
        .index
        .search(query, &SearchOptions::default(), |_| true)
        .into_iter()
        .filter(|h| !h.partial)
        .map(|h| catalog.articles[h.doc].title.clone())
        .collect()
}

/// Sentences of the set that still find sample articles, each through
/// real words the articles use (all of them as they are, none a typo or
/// a synonym): left for a later rule, and kept here so that none is added
/// silently.
const SAMPLE_EXCEPTIONS: &[(&str, &str)] = &[
    (
        "can i bring my dog to the office",
        "\"bring\" and \"office\" (Office 365)",
    ),
    ("the lift is out of order", "\"out\" and \"order\""),
    ("it is too cold in the office", "\"too\" and \"office\""),
    (
        "who is the fire warden",
        "\"fire\" typed short for \"firefox\"",
    ),
    (
        "what time does the post room close",
        "\"time\", \"room\", \"close\"",
    ),
    ("what is the meaning of life", "\"life\" (battery life)"),
    (
        "recommend a good restaurant nearby",
        "\"good\" and \"nearby\"",
    ),
    (
        "parking permit renewal",
        "\"renewal\" (renew the IP address)",
    ),
    ("i lost my umbrella", "\"lost\" (a lost phone)"),
    // Since two typos are allowed from six letters and three letters may
    // be a four-letter word with one dropped (issue 15):
    ("the blinds are stuck", "\"stuck\" (a print queue stuck)"),
    ("order more sticky notes", "\"order\", \"more\", \"notes\""),
    (
        "order flowers for reception",
        "\"reception\" (Wi-Fi reception)",
    ),
];

/// Sentences whose corpus results come through a close typo alone: one
/// slip from a real word, which the search must correct (issue 15).
const CORPUS_TYPO_EXCEPTIONS: &[(&str, &str)] = &[(
    "order flowers for reception",
    "\"reception\" (recept) is one letter from \"receipt\"",
)];

/// Every hit holds one of the query's content words as typed, stemmed or
/// completed: honestly matched, not through a stop word, a synonym or a
/// corrected typo alone.
fn honestly_matched(catalog: &Catalog, query: &str) -> Result<(), String> {
    let words: Vec<String> = tokenize(query)
        .into_iter()
        .map(|t| t.text)
        .filter(|w| !is_stop_word(w))
        .collect();
    for hit in catalog
        .index
        .search(query, &SearchOptions::default(), |_| true)
        .into_iter()
        .filter(|h| !h.partial)
    {
        let honest = hit.matched_terms.iter().any(|term| {
            words
                .iter()
                .any(|w| *term == term_of(w) || term.starts_with(w.as_str()))
        });
        if !honest {
            return Err(format!(
                "{query:?} found {:?} through {:?}",
                catalog.articles[hit.doc].title, hit.matched_terms
            ));
        }
    }
    Ok(())
}

#[test]
fn nonsense_sentences_find_no_sample_article() {
    let catalog = samples();
    let found: Vec<String> = NONSENSE
        .iter()
        .filter(|q| SAMPLE_EXCEPTIONS.iter().all(|(e, _)| e != *q))
        .filter_map(|q| {
            let t = titles(&catalog, q);
            (!t.is_empty()).then(|| format!("{q:?}: {t:?}"))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
    for (q, _) in SAMPLE_EXCEPTIONS {
        honestly_matched(&catalog, q).unwrap();
    }
}

/// Over the shared corpus (`$LANTERN_CORPUS` or `../shared/corpus/msdocs`)
/// whatever a nonsense sentence finds is honestly matched.
#[test]
fn nonsense_sentences_find_only_honest_matches_in_the_corpus() {
    let dir = std::env::var_os("LANTERN_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/msdocs"),
        std::path::PathBuf::from,
    );
    if !dir.is_dir() {
        eprintln!("skipped: no shared corpus at {}", dir.display());
        return;
    }
    let catalog = Library::load_for_search(&dir)
        .unwrap()
        .catalog(&SiteConfig::default());
    let dishonest: Vec<String> = NONSENSE
        .iter()
        .filter(|q| CORPUS_TYPO_EXCEPTIONS.iter().all(|(e, _)| e != *q))
        .filter_map(|q| honestly_matched(&catalog, q).err())
        .collect();
    assert!(dishonest.is_empty(), "{}", dishonest.join("\n"));
    for q in ["the", "how do i", "my stapler is haunted"] {
        assert_eq!(titles(&catalog, q), Vec::<String>::new(), "{q:?}");
    }
}

#[test]
fn a_lone_stop_word_or_a_query_of_stop_words_finds_nothing() {
    let catalog = samples();
    for q in ["the", "the ", "how do i", "how do i ", "is it", "what"] {
        assert_eq!(titles(&catalog, q), Vec::<String>::new(), "{q:?}");
    }
}

#[test]
fn one_real_word_among_unknown_ones_still_finds_its_articles() {
    let catalog = samples();
    for q in ["printer haunted", "printer haunted ", "haunted printer"] {
        let found = titles(&catalog, q);
        assert!(
            found.iter().any(|t| t == "Printer shows offline"),
            "{q:?}: {found:?}"
        );
    }
    // A stop word before a real word does not hide it.
    assert!(!titles(&catalog, "the vpn").is_empty());
}
