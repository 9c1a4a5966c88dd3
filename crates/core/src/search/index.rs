//! The inverted index: sorted vocabulary, postings with per-field term
//! counts, and field lengths for BM25 length normalisation.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::field::{pack, Field, FIELD_COUNT};
use super::postings::Postings;
use super::terms::term_of;
use crate::text::{is_stop_word, tokenize};

/// The text of one document, field by field (see [`Field`]).
#[derive(Debug, Clone, Default)]
pub struct IndexDoc {
    /// The title.
    pub title: String,
    /// Tags and aliases, separated by spaces.
    pub keywords: String,
    /// The headings' text.
    pub headings: String,
    /// The one-line summary.
    pub summary: String,
    /// The rest of the text.
    pub body: String,
}

impl IndexDoc {
    /// The text of one field.
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Keywords => &self.keywords,
            Field::Headings => &self.headings,
            Field::Summary => &self.summary,
            Field::Body => &self.body,
        }
    }
}

/// In the catalog's JSON part only the synonyms travel; terms, lengths
/// and postings follow it in binary (see `index_file.rs`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SearchIndex {
    /// Sorted, unique index terms.
    #[serde(skip)]
    pub(crate) terms: Vec<String>,
    /// For each term: pairs of (document id, packed per-field counts),
    /// document ids ascending, decoded on first use.
    #[serde(skip)]
    pub(crate) postings: Postings,
    /// For each document: the number of tokens in each field.
    #[serde(skip)]
    pub(crate) lengths: Vec<[u16; FIELD_COUNT]>,
    /// Words as written whose term is another (see `spellings.rs`).
    #[serde(skip)]
    pub(crate) spellings: super::spellings::Spellings,
    /// Folded titles, for fuzzy title matching of short queries. Not sent
    /// to the browser: the catalog's article titles are (see
    /// `Catalog::from_bytes`).
    #[serde(skip)]
    pub(crate) titles: Vec<String>,
    /// Each title as index terms, worked out the first time a query needs
    /// it (only the best candidates' titles ever are).
    #[serde(skip)]
    pub(crate) title_terms: Vec<std::sync::OnceLock<Box<[TitleTerm]>>>,
    /// Folded summaries, for the summary run check (see `rerank.rs`); like
    /// the titles, not sent: the catalog's articles carry them.
    #[serde(skip)]
    pub(crate) summaries: Vec<String>,
    /// Each summary's content words as index terms, worked out on first use.
    #[serde(skip)]
    pub(crate) summary_terms: Vec<std::sync::OnceLock<Box<[u32]>>>,
    /// From the site config; empty when none are set.
    #[serde(default, skip_serializing_if = "super::synonyms::Synonyms::is_empty")]
    pub(crate) synonyms: super::synonyms::Synonyms,
    /// Each term's shape, for typo searches (see `shape.rs`).
    #[serde(skip)]
    pub(crate) term_shapes: super::shape::Shapes,
    /// Derived from `lengths` on first use.
    #[serde(skip)]
    pub(crate) average_lengths: std::sync::OnceLock<[f32; FIELD_COUNT]>,
}

/// One word of a title: its index term, and whether it is a stop word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TitleTerm {
    pub term: u32,
    pub stop_word: bool,
    /// Shorter than four letters or holding a digit ("New", "10060"): a
    /// word people leave out when they type a title's first words.
    pub minor: bool,
    /// The word as written: its position among the spellings, or
    /// `u32::MAX` when it is its term (see [`SearchIndex::title_word`]).
    pub spelling: u32,
}

/// The index of a run of consecutive documents.
struct Partial {
    table: HashMap<String, Vec<[u32; 2]>>,
    /// Each token seen, and its term.
    spellings: HashMap<String, String>,
    lengths: Vec<[u16; FIELD_COUNT]>,
}

impl Partial {
    fn build(docs: &[IndexDoc], first_id: u32) -> Partial {
        let mut table: HashMap<String, Vec<(u32, [u32; FIELD_COUNT])>> = HashMap::new();
        // Stemming is the costly step and words repeat: stem each once.
        let mut terms_of_tokens: HashMap<String, String> = HashMap::new();
        let mut lengths = Vec::with_capacity(docs.len());
        for (offset, doc) in docs.iter().enumerate() {
            let id = first_id + offset as u32;
            let mut field_lengths = [0u16; FIELD_COUNT];
            for field in Field::ALL {
                let tokens = tokenize(doc.text(field));
                field_lengths[field.index()] = tokens.len().min(u16::MAX as usize) as u16;
                for token in tokens {
                    // "the", "to", "and" in every body cost a sixth of the
                    // index and rank nothing; in a title they still count.
                    if field == Field::Body && is_stop_word(&token.text) {
                        continue;
                    }
                    let term = match terms_of_tokens.get(&token.text) {
                        Some(term) => term,
                        None => terms_of_tokens
                            .entry(token.text.clone())
                            .or_insert_with(|| term_of(&token.text)),
                    };
                    let postings = match table.get_mut(term) {
                        Some(postings) => postings,
                        None => table.entry(term.clone()).or_default(),
                    };
                    match postings.last_mut() {
                        Some((doc, counts)) if *doc == id => counts[field.index()] += 1,
                        _ => {
                            let mut counts = [0; FIELD_COUNT];
                            counts[field.index()] = 1;
                            postings.push((id, counts));
                        }
                    }
                }
            }
            lengths.push(field_lengths);
        }
        let table = table
            .into_iter()
            .map(|(term, list)| {
                (
                    term,
                    list.into_iter()
                        .map(|(doc, counts)| [doc, pack(&counts)])
                        .collect(),
                )
            })
            .collect();
        Partial {
            table,
            lengths,
            spellings: terms_of_tokens,
        }
    }
}

impl SearchIndex {
    /// Indexes documents; a document's id is its position in `docs`.
    pub fn build(docs: &[IndexDoc]) -> Self {
        // Documents are tokenised on every core; each part's postings hold
        // higher document ids than the part before, so appending the parts
        // in order keeps every posting list sorted.
        let parts =
            crate::parallel::on_all_cores(docs, |first, run| Partial::build(run, first as u32));
        let mut table: HashMap<String, Vec<[u32; 2]>> = HashMap::new();
        let mut lengths = Vec::with_capacity(docs.len());
        let mut spellings = HashMap::new();
        for part in parts {
            lengths.extend(part.lengths);
            spellings.extend(part.spellings);
            for (term, list) in part.table {
                match table.get_mut(&term) {
                    Some(all) => all.extend(list),
                    None => {
                        table.insert(term, list);
                    }
                }
            }
        }
        let mut table: Vec<_> = table.into_iter().collect();
        table.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings): (Vec<String>, Vec<Vec<[u32; 2]>>) = table.into_iter().unzip();
        let n = lengths.len();
        let (titles, title_terms) = folded(docs.iter().map(|d| d.title.as_str()), n);
        let (summaries, summary_terms) = folded(docs.iter().map(|d| d.summary.as_str()), n);
        let spellings = super::spellings::Spellings::build(spellings, |term| {
            terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
        });
        SearchIndex {
            spellings,
            terms,
            postings: Postings::from_lists(postings),
            title_terms,
            summary_terms,
            lengths,
            titles,
            summaries,
            synonyms: Default::default(),
            term_shapes: Default::default(),
            average_lengths: Default::default(),
        }
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Words and phrases to treat as the same (see `Synonyms`).
    pub fn set_synonyms(&mut self, synonyms: super::synonyms::Synonyms) {
        self.synonyms = synonyms;
    }

    /// Appends the index's binary part, as the catalog file carries it
    /// (see `index_file.rs`).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        super::index_file::encode(
            &self.terms,
            &self.lengths,
            &self.spellings,
            &self.postings,
            out,
        );
    }

    /// Fills an index read from JSON from its binary part, `bytes[from..]`.
    pub(crate) fn decode_from(
        &mut self,
        bytes: Vec<u8>,
        from: usize,
    ) -> Result<(), super::wire::IndexError> {
        let parts = super::index_file::decode(bytes, from)?;
        self.terms = parts.terms;
        self.term_shapes = Default::default();
        self.lengths = parts.lengths;
        self.spellings = parts.spellings;
        self.postings = parts.postings;
        Ok(())
    }

    /// Gives a deserialised index its documents' titles back.
    pub fn set_titles<'a>(&mut self, titles: impl IntoIterator<Item = &'a str>) {
        (self.titles, self.title_terms) = folded(titles, self.lengths.len());
    }

    /// Gives a deserialised index its documents' summaries back.
    pub fn set_summaries<'a>(&mut self, summaries: impl IntoIterator<Item = &'a str>) {
        (self.summaries, self.summary_terms) = folded(summaries, self.lengths.len());
    }

    /// The content words of a document's summary as index terms, in order
    /// (`u32::MAX` for a word the index does not have); empty when the
    /// index has no summaries.
    pub(crate) fn summary_terms(&self, doc: usize) -> &[u32] {
        let (Some(cell), Some(summary)) = (self.summary_terms.get(doc), self.summaries.get(doc))
        else {
            return &[];
        };
        cell.get_or_init(|| {
            tokenize(summary)
                .into_iter()
                .filter(|token| !is_stop_word(&token.text))
                .map(|token| {
                    self.term_id(&term_of(&token.text))
                        .map_or(u32::MAX, |id| id as u32)
                })
                .collect()
        })
    }

    /// The words of a document's title as index terms, in order.
    pub(crate) fn title_terms(&self, doc: usize) -> std::borrow::Cow<'_, [TitleTerm]> {
        match self.title_terms.get(doc) {
            Some(cell) => cell
                .get_or_init(|| self.title_terms_of(doc))
                .as_ref()
                .into(),
            None => self.title_terms_of(doc).into_vec().into(),
        }
    }

    fn title_terms_of(&self, doc: usize) -> Box<[TitleTerm]> {
        let title = self.titles.get(doc).map_or("", String::as_str);
        tokenize(title)
            .into_iter()
            .map(|token| TitleTerm {
                term: self
                    .term_id(&term_of(&token.text))
                    .map_or(u32::MAX, |id| id as u32),
                stop_word: is_stop_word(&token.text),
                minor: token.text.chars().count() < 4
                    || token.text.bytes().any(|b| b.is_ascii_digit()),
                spelling: self
                    .spellings
                    .find(&token.text)
                    .map_or(u32::MAX, |i| i as u32),
            })
            .collect()
    }

    /// A title word as written (folded), as far as the index knows it:
    /// its spelling, or its term when it is one ("" when neither).
    pub(crate) fn title_word(&self, word: &TitleTerm) -> &str {
        match word.spelling {
            u32::MAX => self
                .terms
                .get(word.term as usize)
                .map_or("", String::as_str),
            i => self.spellings.get(i as usize).0,
        }
    }

    /// An index of documents that have nothing but these titles.
    #[cfg(test)]
    pub(crate) fn of_titles(titles: &[&str]) -> SearchIndex {
        let docs: Vec<IndexDoc> = titles
            .iter()
            .map(|t| IndexDoc {
                title: t.to_string(),
                ..Default::default()
            })
            .collect();
        SearchIndex::build(&docs)
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// The number of distinct index terms.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    pub(crate) fn term_id(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Ids of the terms that start with `prefix`, as a range of the sorted
    /// vocabulary.
    pub(crate) fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }
}

/// `n` texts folded (missing ones empty), and a cell for each to cache
/// what is worked out from it.
fn folded<'a, T>(
    texts: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> (Vec<String>, Vec<std::sync::OnceLock<T>>) {
    let mut folded: Vec<String> = texts.into_iter().map(crate::text::fold).collect();
    folded.resize(n, String::new());
    (
        folded,
        std::iter::repeat_with(Default::default).take(n).collect(),
    )
}

/// The inverse document frequency of a term `df` of `n` documents hold.
pub(super) fn idf(n: usize, df: usize) -> f32 {
    (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_range_finds_all_completions() {
        let docs = [IndexDoc {
            title: "print printer private".into(),
            ..Default::default()
        }];
        let index = SearchIndex::build(&docs);
        let found: Vec<_> = index
            .prefix_range("pri")
            .map(|i| index.terms[i].as_str())
            .collect();
        assert_eq!(found, ["print", "printer", "privat"]);
        assert!(index.prefix_range("zzz").is_empty());
    }
}
