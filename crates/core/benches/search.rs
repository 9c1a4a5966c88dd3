//! Search engine benchmarks over the shared corpus (`../shared/corpus/msdocs`,
//! ~3,000 real support articles) and synthetic 10k / 30k corpora made from
//! its paragraphs: index build time, index size (raw and gzip), and query
//! latency p50 / p95 per query kind. Prints a markdown table first, then
//! runs criterion's own measurements.
//!
//!     cargo bench -p lantern-core --bench search

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use lantern_core::config::{SearchSettings, SiteConfig};
use lantern_core::library::Library;
use lantern_core::search::{IndexDoc, Synonyms};
use lantern_core::{SearchIndex, SearchOptions};

// The query generator of the relevance test, for queries of the shapes
// people type (issue 15): whole queries with one or two typos, every word
// cut short.
#[path = "../tests/relevance/mod.rs"]
mod relevance;

/// Queries of the typed shapes, (kind, query).
type Typed = [(&'static str, String)];

fn corpus_dir() -> Option<PathBuf> {
    // `$LANTERN_CORPUS` when set (a worktree sits at another depth).
    let dir = std::env::var_os("LANTERN_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/msdocs"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

fn real_docs() -> Vec<IndexDoc> {
    let dir = corpus_dir().expect("the shared corpus is needed for the search benchmarks");
    Library::load_for_search(&dir).expect("corpus").index_docs()
}

/// A corpus of `n` documents built from the real one: titles and
/// summaries recombined, bodies made of paragraphs drawn from other articles.
fn synthetic(real: &[IndexDoc], n: usize) -> Vec<IndexDoc> {
    let paragraphs: Vec<&str> = real
        .iter()
        .flat_map(|d| d.body.split(" \n"))
        .filter(|p| p.len() > 40)
        .collect();
    let mut state = 42u64;
    let mut next = move |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    (0..n)
        .map(|i| {
            let base = &real[i % real.len()];
            let other = &real[next(real.len())];
            let body: Vec<&str> = (0..6).map(|_| paragraphs[next(paragraphs.len())]).collect();
            IndexDoc {
                title: if i < real.len() {
                    base.title.clone()
                } else {
                    format!("{} {}", base.title, other.keywords)
                },
                keywords: base.keywords.clone(),
                headings: other.headings.clone(),
                summary: base.summary.clone(),
                body: body.join(" \n"),
            }
        })
        .collect()
}

/// Our own query set: typos, prefixes as typed, multi-word symptoms, codes, no-match.
const QUERIES: &[(&str, &[&str])] = &[
    (
        "typo",
        &[
            "outlok pasword",
            "sharepiont permision",
            "exchnage mailbox",
            "windwos update eror",
            "bitlocker recovry",
            "remote desktp",
        ],
    ),
    (
        "prefix",
        &[
            "outl",
            "share",
            "teams me",
            "bitlo",
            "azure vir",
            "exchange hyb",
            "sql ser",
            "wind",
        ],
    ),
    (
        "multi-word",
        &[
            "outlook keeps asking for password",
            "teams meeting audio not working",
            "cannot connect to remote desktop after update",
            "sql server login failed for user",
            "onedrive files not syncing",
            "excel opens blank window",
        ],
    ),
    (
        "codes",
        &[
            "0x80070005",
            "0x800f081f",
            "kb5034441",
            "error 1603",
            ".pst file",
        ],
    ),
    ("no-match", &["zzqxv plorf", "🙂🙂", "打印机离线"]),
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut child = std::process::Command::new("gzip")
        .arg("-9")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    // Feed gzip from another thread: it fills its output pipe while we write.
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let compressed = child.wait_with_output().unwrap().stdout.len();
    writer.join().unwrap().unwrap();
    compressed
}

fn report(name: &str, docs: &[IndexDoc], typed: &Typed) -> SearchIndex {
    let start = Instant::now();
    let mut index = SearchIndex::build(docs);
    let build = start.elapsed();
    // As a site ships it: the default settings bring the common synonyms.
    index.set_synonyms(Synonyms::new(SearchSettings::default().synonym_groups()));
    let mut file = Vec::new();
    index.encode_into(&mut file);
    println!(
        "\n### {name}: {} documents, {} terms\nindex build {:.0} ms; index file {:.1} MB raw, {:.2} MB gzip\n",
        index.len(),
        index.vocabulary_len(),
        build.as_secs_f64() * 1000.0,
        file.len() as f64 / 1e6,
        gzip_len(&file) as f64 / 1e6
    );
    println!("| queries | n | p50 µs | p95 µs | max µs |\n|---|---:|---:|---:|---:|");
    let options = SearchOptions::default();
    let mut all = Vec::new();
    for (kind, queries) in QUERIES {
        let mut times = Vec::new();
        for _ in 0..20 {
            for q in *queries {
                // Instant search runs once per keystroke: time every prefix.
                for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                    let t = Instant::now();
                    std::hint::black_box(index.search(&q[..end], &options, |_| true));
                    times.push(t.elapsed());
                }
            }
        }
        times.sort();
        println!(
            "| {kind} (every keystroke) | {} | {} | {} | {} |",
            times.len(),
            percentile(&times, 0.5).as_micros(),
            percentile(&times, 0.95).as_micros(),
            times.last().unwrap().as_micros()
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "| **all** | {} | {} | **{}** | {} |",
        all.len(),
        percentile(&all, 0.5).as_micros(),
        percentile(&all, 0.95).as_micros(),
        all.last().unwrap().as_micros()
    );
    typed_report(&index, typed);
    one_pass_report(&index);
    index
}

/// Whole queries as typed into an instant-search box, each timed once a
/// round (the query's last keystroke: the costly one for typos, which are
/// only looked for when a word matches nothing).
fn typed_report(index: &SearchIndex, typed: &Typed) {
    let options = SearchOptions::default();
    println!(
        "\n| typed queries (whole) | n | p50 µs | p95 µs | max µs |\n|---|---:|---:|---:|---:|"
    );
    for kind in ["one typo", "two typos", "every word cut"] {
        let mut times = Vec::new();
        for _ in 0..3 {
            for (_, q) in typed.iter().filter(|(k, _)| *k == kind) {
                let t = Instant::now();
                std::hint::black_box(index.search(q, &options, |_| true));
                times.push(t.elapsed());
            }
        }
        times.sort();
        println!(
            "| {kind} | {} | {} | {} | {} |",
            times.len(),
            percentile(&times, 0.5).as_micros(),
            percentile(&times, 0.95).as_micros(),
            times.last().unwrap().as_micros()
        );
    }
}

/// The chip counts and the filtered list with a filter active: two
/// searches (the pool of every match, then the filtered results) against
/// the one pass that gives both. The filter keeps a quarter of the
/// documents, as a category chip might.
fn one_pass_report(index: &SearchIndex) {
    const POOL: usize = 200;
    let options = SearchOptions {
        limit: 11,
        prefix_last: true,
        correct_typos: true,
    };
    let pool = SearchOptions {
        limit: POOL,
        ..options.clone()
    };
    let keep = |doc: usize| doc % 4 == 1;
    let (mut two, mut one) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        for q in QUERIES.iter().flat_map(|(_, queries)| queries.iter()) {
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let q = &q[..end];
                let t = Instant::now();
                std::hint::black_box(index.search(q, &pool, |_| true));
                std::hint::black_box(index.search(q, &options, keep));
                two.push(t.elapsed());
                let t = Instant::now();
                std::hint::black_box(index.search_with_filter(q, &options, POOL, keep));
                one.push(t.elapsed());
            }
        }
    }
    two.sort();
    one.sort();
    println!("\n| with a filter chip (every keystroke) | n | p50 µs | p95 µs | max µs |\n|---|---:|---:|---:|---:|");
    for (name, times) in [("two searches", &two), ("one pass", &one)] {
        println!(
            "| {name} | {} | {} | {} | {} |",
            times.len(),
            percentile(times, 0.5).as_micros(),
            percentile(times, 0.95).as_micros(),
            times.last().unwrap().as_micros()
        );
    }
}

/// The 3k documents as indexed (`docs.jsonl`: title, keywords, headings,
/// summary, body) and the typed queries (`typed.tsv`: kind, query), for
/// timing another engine on exactly the same input.
fn export(dir: &std::path::Path, docs: &[IndexDoc], typed: &Typed) {
    relevance::write_docs(dir, docs);
    let tsv: String = typed
        .iter()
        .map(|(kind, q)| format!("{kind}\t{q}\n"))
        .collect();
    std::fs::write(dir.join("typed.tsv"), tsv).unwrap();
}

fn benches(c: &mut Criterion) {
    if corpus_dir().is_none() {
        eprintln!("skipped: no shared corpus");
        return;
    }
    let real = real_docs();
    let _ = SiteConfig::default();
    let corpus = relevance::load(&corpus_dir().expect("corpus"));
    let typed = relevance::typed::for_timing(&corpus, 42);
    if let Some(dir) = std::env::var_os("LANTERN_BENCH_EXPORT") {
        export(&PathBuf::from(dir), &real, &typed);
    }
    // LANTERN_BENCH_ONLY=3k: the real corpus only, for runs that alternate
    // with another engine's (scripts/bench-flexsearch.sh).
    let only_3k = std::env::var("LANTERN_BENCH_ONLY").is_ok_and(|v| v == "3k");
    let sizes = if only_3k { 0 } else { 2 };
    let indexes: Vec<(String, SearchIndex)> = [
        ("3k (real)", real.clone()),
        ("10k (synthetic)", synthetic(&real, 10_000)),
        ("30k (synthetic)", synthetic(&real, 30_000)),
    ]
    .into_iter()
    .take(1 + sizes)
    .map(|(name, docs)| (name.to_string(), report(name, &docs, &typed)))
    .collect();
    let mut group = c.benchmark_group("query");
    group.sample_size(30);
    for (name, index) in &indexes {
        for query in [
            "outlook keeps asking for password",
            "outlok pasword",
            "shar",
        ] {
            group.bench_function(format!("{name}: {query}"), |b| {
                b.iter(|| index.search(query, &SearchOptions::default(), |_| true))
            });
        }
    }
    group.finish();
    let mut group = c.benchmark_group("index build");
    group.sample_size(10);
    group.bench_function("3k (real)", |b| b.iter(|| SearchIndex::build(&real)));
    group.finish();
}

criterion_group!(search, benches);

fn main() {
    search();
    Criterion::default().configure_from_args().final_summary();
}
