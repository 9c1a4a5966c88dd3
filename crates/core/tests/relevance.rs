//! Relevance cannot silently regress: MRR@10 floors over our sample
//! articles and over the shared corpus of ~3,000 real support articles.
//! Run with `--nocapture` to see the scores per query kind.

#[path = "relevance/mod.rs"]
mod relevance;

use std::path::PathBuf;

use relevance::typed::{typed, Split};
use relevance::{corpus_dir, from_tsv, generated, load, mrr, report};

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[track_caller]
fn assert_floor(
    scores: &std::collections::BTreeMap<&'static str, (f64, usize)>,
    kind: &str,
    floor: f64,
) {
    let (score, n) = scores[kind];
    assert!(
        score >= floor,
        "MRR@10 for {kind} fell to {score:.3} (n={n}), below the floor {floor}"
    );
}

#[test]
fn sample_articles() {
    let corpus = load(&here().join("../../articles"));
    let mut queries = generated(&corpus, 1, 7);
    queries.extend(from_tsv(
        &here().join("tests/relevance/symptoms-samples.tsv"),
        "symptoms",
    ));
    let scores = mrr(&corpus, &queries);
    println!("{}", report("samples", &scores));
    assert!(scores["all"].1 >= 150, "at least 150 queries");
    assert_floor(&scores, "all", FLOOR_SAMPLES.0);
    assert_floor(&scores, "symptoms", FLOOR_SAMPLES.1);
}

#[test]
fn shared_corpus() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no shared corpus (set LANTERN_CORPUS to its folder)");
        return;
    };
    let corpus = load(&dir);
    let mut queries = generated(&corpus, 5, 11);
    queries.extend(from_tsv(
        &here().join("tests/relevance/symptoms-corpus.tsv"),
        "symptoms",
    ));
    let scores = mrr(&corpus, &queries);
    println!("{}", report("corpus", &scores));
    assert_floor(&scores, "all", FLOOR_CORPUS.0);
    assert_floor(&scores, "typo-title", FLOOR_CORPUS.1);
    assert_floor(&scores, "prefix", FLOOR_CORPUS.2);
    assert_floor(&scores, "prefix-raw", FLOOR_CORPUS_PREFIX_RAW);
    assert_floor(&scores, "prefix-every-word", FLOOR_CORPUS_PREFIX_EVERY_WORD);
    assert_floor(&scores, "summary-words", FLOOR_CORPUS.3);
    assert_floor(&scores, "symptoms", FLOOR_CORPUS.4);

    // The same kinds of queries drawn differently (other articles, other
    // typos and cut points): the weights were tuned on the set above, so
    // this one shows whether they carry over.
    // The symptoms too: written by someone who saw neither the other set
    // nor the engine's results, and not used to tune it.
    let mut held_out = generated(&corpus, 7, 2026);
    held_out.extend(from_tsv(
        &here().join("tests/relevance/symptoms-corpus-heldout.tsv"),
        "symptoms",
    ));
    let scores = mrr(&corpus, &held_out);
    println!("{}", report("corpus, held out", &scores));
    assert_floor(&scores, "all", FLOOR_CORPUS.0);
    assert_floor(&scores, "symptoms", FLOOR_CORPUS_HELD_OUT_SYMPTOMS);
}

/// (all, symptoms), a little under the scores measured 2026-11-25
/// (0.981, 0.975); raise them when the engine improves.
const FLOOR_SAMPLES: (f64, f64) = (0.96, 0.95);
/// (all, typo titles, prefixes, summary words, symptoms); measured
/// 2026-11-26, all 3,034 articles (the 7 whose file name another folder
/// also uses included), with the common synonyms, completions no rarer
/// than the word typed and the title order checked for titles that hold
/// every word: 0.913, 0.961, 0.929, 0.870, 0.855 (held out: 0.917).
/// 2026-12-07, with the summary run: summary words 0.916.
const FLOOR_CORPUS: (f64, f64, f64, f64, f64) = (0.89, 0.93, 0.905, 0.90, 0.82);
/// Titles typed as they are, stop words and codes included ("how to
/// blo"); measured 2026-11-26: 0.900 (held out: 0.913).
const FLOOR_CORPUS_PREFIX_RAW: f64 = 0.87;
/// The held-out symptoms (100, `symptoms-corpus-heldout.tsv`); measured
/// 2026-11-26: 0.911 with the common synonyms, 0.872 without.
const FLOOR_CORPUS_HELD_OUT_SYMPTOMS: f64 = 0.88;
/// Every word typed short ("outl keep aski pass"); measured 2026-11-26:
/// 0.914 (held out: 0.911), 0.553 before words other than the last were
/// completed.
const FLOOR_CORPUS_PREFIX_EVERY_WORD: f64 = 0.90;

/// Queries typed as people type (issue 15): two typos in one query, typos
/// on the second letter, every word cut short. Tuned on one half of the
/// articles; the other half, with its own seed, is held out.
#[test]
fn typed_as_people_type() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no shared corpus (set LANTERN_CORPUS to its folder)");
        return;
    };
    let corpus = load(&dir);
    // Held out first: LANTERN_RELEVANCE_MISSES keeps the last set's misses,
    // and only the tuning set's may be looked at.
    let mut held_out = typed(&corpus, Split::HeldOut, 1515);
    held_out.extend(from_tsv(
        &here().join("tests/relevance/symptoms-corpus-heldout.tsv"),
        "symptoms",
    ));
    let scores = mrr(&corpus, &held_out);
    println!("{}", report("typed, held out", &scores));
    assert_floor(&scores, "all", FLOOR_TYPED.0);
    assert_floor(&scores, "typo2", FLOOR_TYPED.1);
    let mut tuning = typed(&corpus, Split::Tuning, 15);
    tuning.extend(from_tsv(
        &here().join("tests/relevance/symptoms-corpus.tsv"),
        "symptoms",
    ));
    let scores = mrr(&corpus, &tuning);
    println!("{}", report("typed, tuning", &scores));
    assert_floor(&scores, "all", FLOOR_TYPED.0);
    assert_floor(&scores, "typo2", FLOOR_TYPED.1);
    assert_floor(&scores, "prefix2", FLOOR_TYPED.2);
    assert_floor(&scores, "summary2", FLOOR_TYPED.3);
    if let Some(out) = std::env::var_os("LANTERN_RELEVANCE_EXPORT") {
        let sets = [("tuning", &tuning[..]), ("held out", &held_out[..])];
        relevance::export(std::path::Path::new(&out), &dir, &corpus, &sets);
    }
}

/// (all, typo'd title words, every word cut, summary words) on the typed
/// tuning half; measured 2026-12-07 (night), with typo corrections weighed
/// by how likely a slip of the fingers they are and two slips allowed in a
/// word of five letters: 0.911, 0.933, 0.896, 0.891 (held out: 0.910,
/// 0.921, 0.891, 0.913). That evening, with words cut to 3-5
/// letters as the issue says (a short word may be typed whole) and titles
/// ranked by how likely the fragments are typed from them: 0.908, 0.927,
/// 0.896, 0.891 (held out: 0.908, 0.918, 0.891, 0.913). Earlier that day,
/// with titles starting from their
/// first long word, the fragment prior and the summary run: 0.901, 0.927,
/// 0.872, 0.891 (held out: 0.901, 0.918, 0.867, 0.913). Before, measured
/// 2026-12-03, once completions score with at most the idf of
/// the word's most common completion and count fully towards a title
/// holding the whole query, and titles gain by the share of their words
/// the query holds: 0.887, 0.926, 0.852 (held out: 0.887, 0.918, 0.848;
/// without the share 0.884, 0.923, 0.846, held out 0.882, 0.912, 0.840;
/// 2026-12-02 at 06f47e6: 0.868, 0.913, 0.810, held out 0.868,
/// 0.901, 0.812; before issue 15's changes 0.832, 0.843, 0.801).
const FLOOR_TYPED: (f64, f64, f64, f64) = (0.91, 0.92, 0.885, 0.88);

/// Never an empty list when something matches (issue 15): every typed
/// query is made of a real article's words, each as written, cut short or
/// one or two typos away, so every one must find something, even when no
/// article holds enough of it (then the results are partial).
#[test]
fn a_query_made_of_an_articles_words_is_never_answered_with_nothing() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no shared corpus (set LANTERN_CORPUS to its folder)");
        return;
    };
    let corpus = load(&dir);
    let options = lantern_core::SearchOptions::default();
    let mut queries = typed(&corpus, Split::Tuning, 15);
    queries.extend(typed(&corpus, Split::HeldOut, 1515));
    let empty: Vec<&str> = queries
        .iter()
        .filter(|q| {
            corpus
                .catalog
                .index
                .search(&q.text, &options, |_| true)
                .is_empty()
        })
        .map(|q| q.text.as_str())
        .collect();
    assert!(
        empty.is_empty(),
        "{} of {} empty: {empty:?}",
        empty.len(),
        queries.len()
    );
}
