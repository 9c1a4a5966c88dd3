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

mod common_synonyms;
mod evidence;
mod expand;
mod highlight;
mod index;
mod index_file;
mod postings;
mod query;
mod snippet;
mod synonyms;
mod terms;
mod typo;

pub use common_synonyms::COMMON_SYNONYMS;
pub use highlight::{highlight, Segment};
pub use index::{IndexDoc, SearchIndex, FIELD_COUNT};
pub use query::{SearchHit, SearchOptions};
pub use snippet::{best_passage, Passage, PreparedSections, Section};
pub use synonyms::Synonyms;
pub use terms::term_of;
