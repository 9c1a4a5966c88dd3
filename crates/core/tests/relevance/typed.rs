//! Queries typed the way people type into an instant-search box (issue 15),
//! generated from the corpus with a seed:
//!
//! - `typo2`: 2 to 5 of a title's content words, in the title's order but
//!   not necessarily from its start or next to each other, with one or two
//!   typos, in two words or twice in one. A typo is a neighbouring QWERTY
//!   key, a transposition, a dropped or a doubled letter, anywhere but the
//!   first letter (the second is fair game: "pirnter", "pssword").
//! - `prefix2`: the first 3 to 5 letters of 2 or 3 of a title's content
//!   words of 4+ letters, every word cut ("team scre shar"; a word of 4
//!   or 5 letters may so be typed whole, as the wording allows),
//!   half of them the first such words of the title, half any in the
//!   title's order.
//! - `summary2`: 3 to 5 consecutive content words of the summary.
//!
//! Articles are split in two by a hash of their path: the tuning half and a
//! held-out half that is never looked at while tuning.

use super::{content_words, Corpus, Lcg, Query};

/// Which half of the articles a set is drawn from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Tuning,
    HeldOut,
}

fn split_of(path: &str) -> Split {
    // FNV-1a: stable across Rust versions, unlike the std hasher.
    let hash = path.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    });
    if hash % 2 == 0 {
        Split::Tuning
    } else {
        Split::HeldOut
    }
}

/// The keys around each letter on a QWERTY keyboard (same row and the rows
/// above and below).
fn neighbours(c: char) -> &'static str {
    match c {
        'q' => "wa",
        'w' => "qeas",
        'e' => "wrsd",
        'r' => "etdf",
        't' => "ryfg",
        'y' => "tugh",
        'u' => "yihj",
        'i' => "uojk",
        'o' => "ipkl",
        'p' => "ol",
        'a' => "qwsz",
        's' => "awedxz",
        'd' => "serfcx",
        'f' => "drtgvc",
        'g' => "ftyhbv",
        'h' => "gyujnb",
        'j' => "huikmn",
        'k' => "jiolm",
        'l' => "kop",
        'z' => "asx",
        'x' => "zsdc",
        'c' => "xdfv",
        'v' => "cfgb",
        'b' => "vghn",
        'n' => "bhjm",
        'm' => "njk",
        _ => "",
    }
}

/// One typo anywhere but the first letter. `None` when the word is too
/// short to carry one.
fn typo(word: &str, rng: &mut Lcg) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    let i = 1 + rng.below(chars.len() - 1);
    match rng.below(4) {
        // Letters i and i+1, i from 1: the first letter stays.
        0 => {
            let i = 1 + rng.below(chars.len() - 2);
            chars.swap(i, i + 1);
        }
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, chars[i]),
        _ => {
            let keys = neighbours(chars[i]);
            if keys.is_empty() {
                return None;
            }
            chars[i] = keys.chars().nth(rng.below(keys.len()))?;
        }
    }
    Some(chars.into_iter().collect())
}

/// `k` of `0..n` in ascending order.
fn pick_in_order(n: usize, k: usize, rng: &mut Lcg) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..n).collect();
    while chosen.len() > k {
        chosen.remove(rng.below(chosen.len()));
    }
    chosen
}

fn typo_query(title: &[String], rng: &mut Lcg) -> Option<String> {
    let typos = 1 + rng.below(2);
    typo_query_with(title, typos, rng)
}

fn typo_query_with(title: &[String], typos: usize, rng: &mut Lcg) -> Option<String> {
    if title.len() < 2 {
        return None;
    }
    let k = (2 + rng.below(4)).min(title.len());
    let mut words: Vec<String> = pick_in_order(title.len(), k, rng)
        .into_iter()
        .map(|i| title[i].clone())
        .collect();
    let typeable: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 4)
        .collect();
    if typeable.is_empty() {
        return None;
    }
    let mut done = 0;
    for _ in 0..typos {
        let at = typeable[rng.below(typeable.len())];
        if let Some(typed) = typo(&words[at], rng) {
            words[at] = typed;
            done += 1;
        }
    }
    (done == typos).then(|| words.join(" "))
}

fn prefix_query(title: &[String], rng: &mut Lcg) -> Option<String> {
    let long: Vec<&String> = title.iter().filter(|w| w.chars().count() >= 4).collect();
    if long.len() < 2 {
        return None;
    }
    let k = (2 + rng.below(2)).min(long.len());
    // Half from the title's start ("team scre shar"), half any of its
    // words in order.
    let picked = if rng.below(2) == 0 {
        (0..k).collect()
    } else {
        pick_in_order(long.len(), k, rng)
    };
    let words: Vec<String> = picked
        .into_iter()
        .map(|i| {
            // 3 to 5 letters, as the issue says: a word of 4 or 5 letters
            // may be typed whole ("team" of "team").
            let cut = 3 + rng.below(3);
            long[i].chars().take(cut).collect()
        })
        .collect();
    Some(words.join(" "))
}

/// The typed queries of every article in `split`, drawn with `seed`.
pub fn typed(corpus: &Corpus, split: Split, seed: u64) -> Vec<Query> {
    let mut rng = Lcg(seed);
    let mut queries = Vec::new();
    for (doc, article) in corpus.catalog.articles.iter().enumerate() {
        let expected = &corpus.paths[doc];
        if split_of(expected) != split {
            continue;
        }
        let title = content_words(&article.title);
        let mut push = |kind, text: Option<String>| {
            if let Some(text) = text {
                queries.push(Query {
                    kind,
                    text,
                    expected: expected.clone(),
                });
            }
        };
        // Per article, one kind, in the evaluation's proportions (300
        // typo'd, 200 prefixes, 100 summaries of 665): a corpus of 3,000
        // gives about 1,500 queries a half.
        match rng.below(6) {
            0..=2 => push("typo2", typo_query(&title, &mut rng)),
            3 | 4 => push("prefix2", prefix_query(&title, &mut rng)),
            _ => {
                let summary = content_words(&article.summary);
                if summary.len() >= 5 {
                    let n = 3 + rng.below(3);
                    let start = rng.below(summary.len() - n + 1);
                    push("summary2", Some(summary[start..start + n].join(" ")));
                }
            }
        }
    }
    queries
}

/// Whole queries of the shapes for the speed benchmark, one of
/// each kind per article: (kind, query). Typos are timed apart by how
/// many the query has.
pub fn for_timing(corpus: &Corpus, seed: u64) -> Vec<(&'static str, String)> {
    let mut rng = Lcg(seed);
    let mut queries = Vec::new();
    for article in &corpus.catalog.articles {
        let title = content_words(&article.title);
        for (kind, typos) in [("one typo", 1), ("two typos", 2)] {
            if let Some(q) = typo_query_with(&title, typos, &mut rng) {
                queries.push((kind, q));
            }
        }
        if let Some(q) = prefix_query(&title, &mut rng) {
            queries.push(("every word cut", q));
        }
    }
    queries
}
