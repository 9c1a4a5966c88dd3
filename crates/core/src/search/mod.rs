//! The search engine: a field-weighted BM25 index over article text with
//! typo tolerance (bounded Damerau distance on the vocabulary) and prefix
//! matching for the word being typed.
//!
//! Ranking in one sentence: each query word is matched exactly, by prefix
//! (only the last word, while typing) or within a small edit distance; each
//! document gets the BM25F score of its best match per word; documents that
//! cover more of the query win, most of all when the title (or summary, or
//! tags) holds the whole query, and more when the title starts with the
//! query's words in order; a fuzzy match on the title lifts the article a
//! short query names. Synonyms (common IT ones and the site's own) widen
//! each word.
//!
//! A query runs in steps, one module each: `expand` (the index terms each
//! word stands for), `score` (one walk over their postings: BM25F, coverage,
//! and the `evidence` that justifies a document at all), `rerank` (title
//! order and fuzzy title match for the best candidates) and `hit` (the
//! terms each hit matched, field by field).
//!
//! # Using it from the app
//!
//! Per keystroke, one call serves the result list, the filter chips'
//! counts and the highlighting:
//!
//! ```
//! use lantern_core::search::{highlight, Field, IndexDoc, SearchIndex, SearchOptions};
//!
//! let title = "VPN will not connect";
//! let docs = [
//!     IndexDoc { title: title.into(), body: "Restart the client.".into(), ..Default::default() },
//!     IndexDoc { title: "Wi-Fi drops".into(), body: "Connect to the VPN again.".into(), ..Default::default() },
//! ];
//! let category = ["network", "wireless"];
//! let index = SearchIndex::build(&docs);
//!
//! let options = SearchOptions { limit: 11, prefix_last: true, correct_typos: true };
//! let hits = index.search_with_filter("vpn conn", &options, 200, |doc| category[doc] == "network");
//! // `hits.all`: every match, unfiltered, for the chips to count;
//! // `hits.kept`: the filtered results to show.
//! assert_eq!(hits.all.len(), 2);
//! let first = &hits.kept[0];
//! assert_eq!(first.doc, 0);
//! assert!(highlight(title, &first.matched_terms).iter().any(|s| s.matched));
//! // Which terms the title and summary hold, without tokenising them:
//! let head: Vec<&str> = first.terms_in_any(Field::Title | Field::Summary).collect();
//! assert_eq!(head, ["connect", "vpn"]);
//! // And a term the other article has in its body only:
//! assert_eq!(hits.all[1].fields_of("vpn"), Field::Body.into());
//! ```
//!
//! Without an active filter, `search(query, options, |_| true)` alone is
//! enough. Both lists are exactly what `search` gives for the same
//! arguments (`all` with `limit: pool_limit`).

mod common_synonyms;
mod correct;
mod evidence;
mod expand;
mod field;
mod highlight;
mod hit;
mod index;
mod index_file;
mod postings;
mod query;
mod rerank;
mod score;
mod shape;
mod snippet;
mod spellings;
mod suggest;
mod synonyms;
mod terms;
mod typed_from;
mod typo;
mod wire;

pub use common_synonyms::COMMON_SYNONYMS;
pub use field::{Field, FieldSet, FIELD_COUNT};
pub use highlight::{highlight, Segment};
pub use hit::{FilteredHits, SearchHit, TermMatch};
pub use index::{IndexDoc, SearchIndex};
pub use query::SearchOptions;
pub use snippet::{best_passage, Passage, PreparedSections, Section};
pub use suggest::Corrected;
pub use synonyms::Synonyms;
pub use terms::term_of;
pub use wire::IndexError;
