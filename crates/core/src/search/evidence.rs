//! Whether a document is a result at all, apart from how it ranks: a
//! document must be justified by the query's content words.
//!
//! Each expansion of a query word carries an `evidence` (see `expand.rs`):
//! how much its presence in a document says the document is about that
//! word. A word typed exactly, the word being typed completed, a close typo
//! or a synonym is evidence; a stop word, or the longer words a stop word
//! being typed may become, is none. A document's evidence is the share of
//! the query's content words it holds, each word weighted by its idf (a
//! word no article uses weighs most: it is what the user is asking about)
//! and by how good its best match in the document is. Below the threshold a
//! document is not a result, however many incidental words it shares.

/// Below this share of the query's content words a document is not a
/// result. Measured over the relevance sets and our nonsense sentences
/// (tests/nonsense.rs): at 0.35 only 9 of the 38 nonsense sentences still
/// find a sample article (32 of 40 did, all through real words the
/// articles use) and the relevance sets lose nothing beyond 0.003
/// (typo'd titles gain, with typos matched on the stem as well); 0.3 let
/// three more sentences through, 0.4 cost held-out symptoms 0.02.
const MIN_SHARE: f32 = 0.35;
/// A word found only in a document's body counts half: "office" in a step
/// that mentions Office is not what the article is about.
const BODY_ONLY: f32 = 0.5;
/// Evidence of the expansions (the word as typed counts 1).
pub(super) const COMPLETION: f32 = 0.9;
pub(super) const SHORT_WORD: f32 = 0.7;
/// A stem cut from the word being typed ("plants" as "plan").
pub(super) const STEM_CUT: f32 = 0.4;
pub(super) const SYNONYM: f32 = 0.6;
pub(super) const TYPO: f32 = 0.75;
/// One letter off a word of four or five ("cold" and "could", "lift" and
/// "list") is as likely another word as a typo.
pub(super) const TYPO_SHORT_WORD: f32 = 0.4;
/// Two letters off ("restaurant" and "restart").
pub(super) const TYPO_FAR: f32 = 0.3;
/// Evidence from this up is a word matched as typed, completed or
/// corrected by one slip in a longer word: enough for a partial result.
const PARTIAL: f32 = TYPO;

/// The evidence per document, gathered word by word.
pub(super) struct Evidence {
    /// Sum over the words done so far of idf × best match.
    sums: Vec<f32>,
    /// The best match of the current word in each document.
    best: Vec<f32>,
    /// The most the query's content words can give.
    total: f32,
    /// The document holds a content word matched well (see [`PARTIAL`]).
    some: Vec<bool>,
}

impl Evidence {
    /// Evidence for `n` documents, out of `total`: the most the query's
    /// content words can give.
    pub fn new(n: usize, total: f32) -> Self {
        Evidence {
            sums: vec![0.0; n],
            best: vec![0.0; n],
            total,
            some: vec![false; n],
        }
    }

    /// `doc` holds a term of the current word with this evidence, in the
    /// body only or elsewhere too.
    #[inline]
    pub fn saw(&mut self, doc: usize, evidence: f32, body_only: bool) {
        if evidence >= PARTIAL {
            self.some[doc] = true;
        }
        let e = if body_only {
            evidence * BODY_ONLY
        } else {
            evidence
        };
        if e > self.best[doc] {
            self.best[doc] = e;
        }
    }

    /// The current word, which weighs `reference_idf`, is done for `doc`.
    #[inline]
    pub fn word_done(&mut self, doc: usize, reference_idf: f32) {
        self.sums[doc] += reference_idf * self.best[doc];
        self.best[doc] = 0.0;
    }

    /// The share of the query's content words `doc` holds, in 0..=1; `None`
    /// when the query has no content word.
    fn share(&self, doc: usize) -> Option<f32> {
        (self.total > 0.0).then(|| self.sums[doc] / self.total)
    }

    /// Whether `doc` is justified as a result. A query of nothing but stop
    /// words ("the", "how do i") justifies none: it names no problem.
    pub fn justifies(&self, doc: usize) -> bool {
        self.share(doc).is_some_and(|share| share >= MIN_SHARE)
    }

    /// Whether `doc` holds some of the query's content words, matched well:
    /// a partial result when no document is justified. "connect microsoft
    /// aaurr" must not come back empty because no article has "aaurr".
    pub fn partly(&self, doc: usize) -> bool {
        self.some[doc]
    }
}
