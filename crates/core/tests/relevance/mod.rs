//! Relevance evaluation shared by the relevance test and the benchmarks:
//! query sets (hand-written symptoms, and typo'd titles, prefixes and
//! summary words generated from the articles with a fixed seed) and MRR@10.

#![allow(dead_code)]

pub mod typed;

use std::collections::BTreeMap;
use std::path::Path;

use lantern_core::config::SiteConfig;
use lantern_core::library::Library;
use lantern_core::text::{is_stop_word, tokenize};
use lantern_core::{Catalog, SearchOptions};

pub struct Query {
    pub kind: &'static str,
    pub text: String,
    /// Path of the right article, relative to the articles folder.
    pub expected: String,
}

pub struct Corpus {
    pub catalog: Catalog,
    pub paths: Vec<String>,
}

/// The shared corpus: `$LANTERN_CORPUS` when set (a worktree sits at
/// another depth than the main checkout), else `../shared/corpus/msdocs`
/// beside the repository. `None` when it is not there.
pub fn corpus_dir() -> Option<std::path::PathBuf> {
    let dir = match std::env::var_os("LANTERN_CORPUS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/msdocs"),
    };
    dir.is_dir().then_some(dir)
}

pub fn load(dir: &Path) -> Corpus {
    let library = Library::load_for_search(dir).expect("articles");
    let catalog = library.catalog(&SiteConfig::default());
    let paths = library
        .articles
        .iter()
        .map(|a| a.relative_path.clone())
        .collect();
    Corpus { catalog, paths }
}

/// A small deterministic generator, so the query set never changes by chance.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn content_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .map(|t| t.text)
        .filter(|w| !is_stop_word(w) && w.chars().all(|c| c.is_alphabetic()))
        .collect()
}

/// One realistic typo: a swap, a dropped letter, a doubled letter or a
/// neighbouring key, never on the first letter.
fn typo(word: &str, rng: &mut Lcg) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => chars.swap(i, i + 1),
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, chars[i]),
        _ => {
            let row = "qwertyuiopasdfghjklzxcvbnm";
            let pos = row.find(chars[i]).unwrap_or(0);
            chars[i] = row.chars().nth((pos + 1) % row.len()).unwrap();
        }
    }
    chars.into_iter().collect()
}

/// Generated queries for every `stride`-th article: a title with a typo in
/// one long word, the title's content words typed up to a 3-5 letter prefix
/// of a word, the same for the title as written (stop words and codes
/// included), and three to five words of the summary.
pub fn generated(corpus: &Corpus, stride: usize, seed: u64) -> Vec<Query> {
    let mut rng = Lcg(seed);
    let mut raw_rng = Lcg(seed ^ 0x5eed);
    let mut short_rng = Lcg(seed ^ 0xc0de);
    let mut queries = Vec::new();
    for (doc, article) in corpus
        .catalog
        .articles
        .iter()
        .enumerate()
        .step_by(stride.max(1))
    {
        let expected = corpus.paths[doc].clone();
        let title = content_words(&article.title);
        if title.len() >= 2 {
            let mut words: Vec<String> = title.iter().take(4).cloned().collect();
            if let Some(i) = (0..words.len()).find(|&i| words[i].len() >= 5) {
                words[i] = typo(&words[i], &mut rng);
                queries.push(Query {
                    kind: "typo-title",
                    text: words.join(" "),
                    expected: expected.clone(),
                });
            }
            let upto = 1 + rng.below(title.len().min(3));
            let last = &title[upto.min(title.len() - 1)];
            if last.len() >= 4 {
                let cut = (3 + rng.below(3)).min(last.len());
                let mut words: Vec<String> = title[..upto.min(title.len() - 1)].to_vec();
                words.push(last.chars().take(cut).collect());
                queries.push(Query {
                    kind: "prefix",
                    text: words.join(" "),
                    expected: expected.clone(),
                });
            }
        }
        // Every word typed short ("outl keep aski pass"), as some people
        // search: two to four of the title's content words, each cut after
        // 3 to 5 letters.
        if title.len() >= 2 {
            let n = (2 + short_rng.below(3)).min(title.len());
            let words: Vec<String> = title[..n]
                .iter()
                .map(|w| w.chars().take(3 + short_rng.below(3)).collect())
                .collect();
            queries.push(Query {
                kind: "prefix-every-word",
                text: words.join(" "),
                expected: expected.clone(),
            });
        }
        // The title as typed, stop words and numbers included, cut inside
        // a word after 3 to 5 of its letters.
        let raw: Vec<String> = tokenize(&article.title)
            .into_iter()
            .map(|t| t.text)
            .collect();
        if raw.len() >= 2 {
            let upto = 1 + raw_rng.below(raw.len().min(4) - 1);
            let last = &raw[upto];
            if last.chars().count() >= 4 {
                let cut = 3 + raw_rng.below(3);
                let mut words = raw[..upto].to_vec();
                words.push(last.chars().take(cut).collect());
                queries.push(Query {
                    kind: "prefix-raw",
                    text: words.join(" "),
                    expected: expected.clone(),
                });
            }
        }
        let summary = content_words(&article.summary);
        if summary.len() >= 5 {
            let n = 3 + rng.below(3);
            let start = rng.below(summary.len() - n + 1);
            queries.push(Query {
                kind: "summary-words",
                text: summary[start..start + n].join(" "),
                expected: expected.clone(),
            });
        }
    }
    queries
}

/// Hand-written queries from a `query<TAB>expected` file.
pub fn from_tsv(path: &Path, kind: &'static str) -> Vec<Query> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (query, expected) = line.split_once('\t').expect("query<TAB>expected");
            Query {
                kind,
                text: query.to_string(),
                expected: expected.trim().to_string(),
            }
        })
        .collect()
}

/// Mean reciprocal rank of the expected article in the top 10, per kind
/// and overall (key `all`), with the number of queries.
pub fn mrr(corpus: &Corpus, queries: &[Query]) -> BTreeMap<&'static str, (f64, usize)> {
    let mut sums: BTreeMap<&'static str, (f64, usize)> = BTreeMap::new();
    let options = SearchOptions {
        limit: 10,
        prefix_last: true,
        correct_typos: true,
    };
    // LANTERN_RELEVANCE_MISSES=FILE lists the queries whose article is not
    // first, with what came first instead: the material for tuning.
    let mut misses = String::new();
    for query in queries {
        let hits = corpus.catalog.index.search(&query.text, &options, |_| true);
        let rank = hits
            .iter()
            .position(|h| corpus.paths[h.doc] == query.expected);
        if rank != Some(0) {
            let title = |path: &str| {
                corpus
                    .paths
                    .iter()
                    .position(|p| p == path)
                    .map_or(String::new(), |i| corpus.catalog.articles[i].title.clone())
            };
            let top: Vec<String> = hits
                .iter()
                .take(3)
                .map(|h| corpus.catalog.articles[h.doc].title.clone())
                .collect();
            misses.push_str(&format!(
                "{}\t{:?}\t{}\t{}\t{}\n",
                query.kind,
                query.text,
                rank.map_or("-".to_string(), |r| (r + 1).to_string()),
                title(&query.expected),
                top.join(" | ")
            ));
        }
        let rr = rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        for key in [query.kind, "all"] {
            let entry = sums.entry(key).or_default();
            entry.0 += rr;
            entry.1 += 1;
        }
    }
    if let Ok(path) = std::env::var("LANTERN_RELEVANCE_MISSES") {
        let _ = std::fs::write(path, misses);
    }
    sums.into_iter()
        .map(|(k, (sum, n))| (k, (sum / n as f64, n)))
        .collect()
}

pub fn report(name: &str, scores: &BTreeMap<&'static str, (f64, usize)>) -> String {
    let mut out = format!("{name}:");
    for (kind, (score, n)) in scores {
        out.push_str(&format!(" {kind}={score:.3} (n={n})"));
    }
    out
}

/// Writes `docs` as indexed, one JSON document a line (`id` its position),
/// to `dir/docs.jsonl`, so another engine can index exactly the same text.
pub fn write_docs(dir: &Path, docs: &[lantern_core::search::IndexDoc]) {
    use std::io::Write;
    std::fs::create_dir_all(dir).expect("export folder");
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("docs.jsonl")).unwrap());
    for (id, d) in docs.iter().enumerate() {
        let line = serde_json::json!({
            "id": id, "title": d.title, "keywords": d.keywords,
            "headings": d.headings, "summary": d.summary, "body": d.body,
        });
        writeln!(out, "{line}").unwrap();
    }
}

/// Writes the corpus in `articles` as indexed (see [`write_docs`]) and the
/// query sets (`queries.tsv`: set, kind, id of the right document, query)
/// into `dir`, so another engine can be scored on exactly the same input
/// (`scripts/relevance-libraries.sh`).
pub fn export(dir: &Path, articles: &Path, corpus: &Corpus, sets: &[(&str, &[Query])]) {
    let library = Library::load_for_search(articles).expect("articles");
    write_docs(dir, &library.index_docs());
    let mut tsv = String::new();
    for (set, queries) in sets {
        for q in *queries {
            let id = corpus.paths.iter().position(|p| *p == q.expected);
            let id = id.unwrap_or_else(|| panic!("no article {}", q.expected));
            tsv.push_str(&format!("{set}\t{}\t{id}\t{}\n", q.kind, q.text));
        }
    }
    std::fs::write(dir.join("queries.tsv"), tsv).unwrap();
}
