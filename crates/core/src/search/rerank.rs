//! From scored candidates to a ranked list: the (cheap) title order check
//! for the best titles that hold every word, then the fuzzy title match for
//! the best few, then the cut to the number asked for. Both refinements
//! depend only on the document and the query, so a pass that cuts two lists
//! from one set of candidates (see `FilteredHits`) works each out once.

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::evidence::COMPLETION;
use super::expand::QueryWord;
use super::index::SearchIndex;
use super::score::Candidate;
use crate::text::fold;

/// Gain for a title that starts with the query's content words, in order
/// (half of it when they follow each other later in the title), and
/// TYPED_START_ORDER times it when it starts with exactly what was typed,
/// stop words included (see `title_order`).
const TITLE_ORDER_BOOST: f32 = 3.0;
const TYPED_START_ORDER: f32 = 1.5;
/// Order factor for a title holding the query's words in its order, with
/// other words between them, and for one that also starts with the first
/// of them ("canno ope file" and "Cannot open EXE files"). With both, the
/// typed tuning set went from prefix2 0.810 and typo2 0.913 to 0.835 and
/// 0.921 (held out 0.812 and 0.901 to 0.831 and 0.910); the older
/// from-the-start prefix sets lost 0.006 (0.931 to 0.925), as titles that
/// merely hold the words get nearer to those that start with them.
const IN_ORDER_GAPS: f32 = 0.25;
const START_THEN_GAPS: f32 = 0.7;
/// Gain for a title that holds every word, by the share of its content
/// words the query's are: of two titles that both hold "prop chang", the
/// shorter is more likely the one meant ("Properties changed revert to
/// their original values", not "Fonts may not all get scaled properly
/// when you change DPI setting"). On the typed tuning set: all 0.884 to
/// 0.887, prefix2 0.846 to 0.852, typo2 0.923 to 0.926 (2: prefix2 0.854,
/// the older prefix sets lost a little more).
const TITLE_SHARE_BOOST: f32 = 1.0;
/// Gain for a title that holds every word of a query of fragments (each
/// content word 5 letters or fewer: "tea desk", "stat team unh"), by how
/// likely the title is to be typed so (see `typed_from.rs`): (1 + boost ×
/// chance) to the power, so that the chance decides and the rest of the
/// score mostly breaks ties, as the typing model itself ranks. On the
/// typed tuning set, with the model: prefix2 0.874 at boost 10 and power
/// 1, 0.882 at 1000 (no better above); with the stop word reading and 200
/// completions, 0.894 and 0.898 at powers 3 and 10 (boost 1000), 0.896 at
/// 100 and 12, the power kept low enough that no score overflows (at 20
/// they did: 0.892). Typo'd titles and summaries do not move (their words
/// are longer, or do not start title words as written).
const FRAGMENT_PRIOR_BOOST: f32 = 100.0;
const FRAGMENT_PRIOR_POWER: i32 = 12;
/// The most chance counted (a whole 4-letter word counts twice a cut one):
/// (1 + 100 × 4)^12 is 1.7e31, far from f32's 3.4e38 even times the rest.
const MOST_CHANCE: f32 = 4.0;
/// Gain for a summary that holds a query of 3 or more content words one
/// after the other, each as typed or completed (stop words between them
/// left out): someone who copies words from a summary line copies a run
/// of them. Typo'd and synonym matches do not count ("resolves issue
/// which" is not the run "resolve issue"). On the typed tuning set
/// summary2 0.841 to 0.891, all 0.894 to 0.901; the older summary-words
/// set 0.869 to 0.916. Any match (typos too): typo'd titles lost 0.003;
/// 2-word queries too: prefix2 lost 0.002; gain 1 or 2: summary2 0.882,
/// 0.885; 3 and 5 alike.
const SUMMARY_RUN_BOOST: f32 = 3.0;
const SUMMARY_RUN_WORDS: usize = 3;
/// Share of the order gain kept when a code in the title was skipped.
const CODE_SKIPPED: f32 = 0.8;
/// Candidates that get the fuzzy title match, and titles holding every
/// word that get the (cheaper) title order: when twenty titles start
/// "Error when", the right one must still be among those looked at.
const RERANKED: usize = 30;
const ORDER_RERANKED: usize = 100;
/// Longer queries get no fuzzy title match.
const MAX_FUZZY_CHARS: usize = 32;

/// Ranks candidates for one query, remembering each document's
/// refinements for the next list cut from the same candidates.
pub(super) struct Reranker<'a> {
    index: &'a SearchIndex,
    words: &'a [QueryWord],
    folded_query: String,
    query_chars: usize,
    /// The content words typed, when every one is 5 letters or fewer, and
    /// every word typed, stop words too, when they are as short; else
    /// empty.
    fragments: Vec<Vec<String>>,
    /// For a query of SUMMARY_RUN_WORDS content words or more, each one's
    /// terms as typed or completed, sorted, for the summary run check;
    /// else empty.
    summary_words: Vec<Vec<u32>>,
    matcher: Option<SkimMatcherV2>,
    /// Per document: the title order gain factor.
    order: HashMap<usize, f32>,
    /// Per document: the fuzzy title gain factor, when the title matched.
    fuzzy: HashMap<usize, Option<f32>>,
}

type Scored = (usize, f32);

/// Best first; equal scores by document id, so the order is total and a
/// partial selection picks the same documents whatever their input order.
fn by_score(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

impl<'a> Reranker<'a> {
    pub fn new(index: &'a SearchIndex, words: &'a [QueryWord], query: &str) -> Self {
        let folded_query = fold(query.trim());
        let query_chars = folded_query.chars().count();
        let fragments = fragment_readings(&folded_query);
        let content: Vec<&QueryWord> = words.iter().filter(|w| w.content).collect();
        let summary_words = if content.len() >= SUMMARY_RUN_WORDS {
            content.iter().map(|word| strong_terms(word)).collect()
        } else {
            Vec::new()
        };
        Reranker {
            fragments,
            summary_words,
            index,
            words,
            folded_query,
            query_chars,
            matcher: (query_chars <= MAX_FUZZY_CHARS).then(SkimMatcherV2::default),
            order: HashMap::new(),
            fuzzy: HashMap::new(),
        }
    }

    /// The best `limit` of the candidates `keep` accepts, best first.
    pub fn rank(
        &mut self,
        candidates: &[Candidate],
        keep: impl Fn(usize) -> bool,
        limit: usize,
    ) -> Vec<Scored> {
        let mut ranked = self.order_titles(candidates.iter().filter(|c| keep(c.doc)));
        // The fuzzy title match is a refinement of the best candidates only:
        // computing it for every document that shares a common word would
        // cost more than the rest of the query. Only the first RERANKED are
        // refined, however many are asked for (a pool of 200 for counting
        // filter matches needs no finer order).
        let kept = limit.max(RERANKED);
        if ranked.len() > kept {
            ranked.select_nth_unstable_by(kept, by_score);
            ranked.truncate(kept);
        }
        ranked.sort_by(by_score);
        let shortlist = ranked.len().min(RERANKED);
        for (doc, score) in &mut ranked[..shortlist] {
            if let Some(gain) = self.fuzzy_gain(*doc) {
                *score *= gain;
            }
            if self.index.summary_holds_run(*doc, &self.summary_words) {
                *score *= 1.0 + SUMMARY_RUN_BOOST;
            }
        }
        ranked.sort_by(by_score);
        ranked.truncate(limit);
        ranked
    }

    /// The candidates with the title order gain applied. Only a title that
    /// holds every word can have them in order, so the order check goes to
    /// the best of those titles, however low the rest of the document ranks
    /// them ("use win" and "Use Windows Server cluster nodes as DCs", among
    /// hundreds about Windows).
    fn order_titles<'c>(&mut self, candidates: impl Iterator<Item = &'c Candidate>) -> Vec<Scored> {
        let (in_title, rest): (Vec<&Candidate>, Vec<&Candidate>) =
            candidates.partition(|candidate| candidate.title_holds_all);
        let mut in_title: Vec<Scored> = in_title.into_iter().map(|c| (c.doc, c.score)).collect();
        if in_title.len() > ORDER_RERANKED {
            in_title.select_nth_unstable_by(ORDER_RERANKED, by_score);
        }
        let ordered = in_title.len().min(ORDER_RERANKED);
        for (doc, score) in &mut in_title[..ordered] {
            *score *= self.order_gain(*doc);
        }
        in_title.extend(rest.into_iter().map(|c| (c.doc, c.score)));
        in_title
    }

    fn order_gain(&mut self, doc: usize) -> f32 {
        let (index, words, fragments) = (self.index, self.words, &self.fragments);
        *self.order.entry(doc).or_insert_with(|| {
            let order = index.title_order(doc, words);
            let prior = fragments
                .iter()
                .map(|words| index.typed_from_title(doc, words))
                .fold(0.0, f32::max);
            // With a stop word typed as such ("how to use micro"), a title
            // that starts with exactly what was typed is as likely as
            // any: people type a title's start as written too (the older
            // prefix-raw set: 0.900 before the chance, 0.881 with it, 0.894
            // with this; prefix2 0.896 to 0.894).
            let typed_start = fragments.len() == 2 && order >= TYPED_START_ORDER * CODE_SKIPPED;
            let prior = if typed_start { prior.max(1.0) } else { prior };
            (1.0 + TITLE_ORDER_BOOST * order)
                * (1.0 + TITLE_SHARE_BOOST * index.title_share(doc, words))
                * (1.0 + FRAGMENT_PRIOR_BOOST * prior.min(MOST_CHANCE)).powi(FRAGMENT_PRIOR_POWER)
        })
    }

    /// How much a tight fuzzy match of the query on the title lifts the
    /// document; `None` when the title does not match (or the query is too
    /// long to try).
    fn fuzzy_gain(&mut self, doc: usize) -> Option<f32> {
        let matcher = self.matcher.as_ref()?;
        let (index, query, query_chars) = (self.index, &self.folded_query, self.query_chars);
        *self.fuzzy.entry(doc).or_insert_with(|| {
            let s = matcher.fuzzy_match(index.title(doc), query)?;
            // Normalise by query length: a long, tight subsequence match
            // on the title means the title names the problem.
            let per_char = s as f32 / query_chars.max(1) as f32;
            Some(1.0 + (per_char / 40.0).min(0.5))
        })
    }
}

/// The ways to read a query as fragments of title words (see
/// `typed_from.rs`): its content words, when each has 5 letters or fewer,
/// and then also every word typed, when it has a stop word that may be the
/// start of a longer word ("can" of "cannot", "not" of "notifications":
/// on the typed tuning set prefix2 0.882 to 0.886); none for a query of
/// longer words.
fn fragment_readings(folded_query: &str) -> Vec<Vec<String>> {
    let short = |t: &String| t.chars().count() <= 5;
    let typed: Vec<String> = crate::text::tokenize(folded_query)
        .into_iter()
        .map(|t| t.text)
        .collect();
    let content: Vec<String> = typed
        .iter()
        .filter(|t| !crate::text::is_stop_word(t))
        .cloned()
        .collect();
    if !content.iter().all(short) {
        Vec::new()
    } else if typed == content || !typed.iter().all(short) {
        vec![content]
    } else {
        vec![typed, content]
    }
}

/// The word's terms as typed or completed (not typos or synonyms), sorted.
fn strong_terms(word: &QueryWord) -> Vec<u32> {
    let mut terms: Vec<u32> = word
        .expansions
        .iter()
        .filter(|e| e.evidence >= COMPLETION)
        .map(|e| e.term as u32)
        .collect();
    terms.sort_unstable();
    terms
}

impl SearchIndex {
    /// How the query's words sit in the title, in order: TYPED_START_ORDER
    /// when the title starts with exactly the words typed ("how to blo" and
    /// "How to block a sender"), 1 when it starts with them once stop words
    /// are left out on both sides ("error con" and "Error when connecting"),
    /// START_THEN_GAPS when it starts with the first and holds the rest in
    /// order, 0.5 when they follow each other later in it, IN_ORDER_GAPS
    /// when they are merely in order, 0 otherwise. A word
    /// matches a title word through any of its expansions (stem, completion,
    /// typo), and codes and numbers in the title may be left out.
    fn title_order(&self, doc: usize, words: &[QueryWord]) -> f32 {
        let typed: Vec<&QueryWord> = words.iter().collect();
        let wanted: Vec<&QueryWord> = words.iter().filter(|w| w.importance >= 1.0).collect();
        if typed.is_empty() {
            return 0.0;
        }
        let title = self.title_terms(doc);
        let matches = |word: &QueryWord, term: u32| {
            word.expansions.iter().any(|e| e.term as u32 == term)
                || word.title_starts.contains(&(term as usize))
        };
        // Codes and numbers in a title ("Error 0x8000FFFF when running")
        // are what people leave out when typing it.
        let skippable = |term: u32| {
            self.terms
                .get(term as usize)
                .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
        };
        // Some(whether a code was left out) when the words run from `start`.
        let run_at = |start: usize, words: &[&QueryWord], skip_stop_words: bool| {
            let mut rest = title.get(start..).unwrap_or_default().iter();
            // A run starts on its first word ("404 error when" does not
            // start with "error when"), and a run of content words on a
            // content word.
            let first = title.get(start)?;
            if !words.first().is_some_and(|w| matches(w, first.term)) {
                return None;
            }
            let mut skipped_code = false;
            let all = words.iter().all(|w| loop {
                match rest.next() {
                    Some(t) if matches(w, t.term) => break true,
                    Some(t) if skip_stop_words && t.stop_word => continue,
                    Some(t) if skippable(t.term) => skipped_code = true,
                    _ => break false,
                }
            });
            all.then_some(skipped_code)
        };
        // A title's first words are its first content word on, or its first
        // long one on: "tea desk" starts "New Teams desktop app fails",
        // "conne tim" starts "10060 Connection timed out". On the typed
        // tuning set prefix2 0.852 to 0.858, typo2 0.926 to 0.927 (short
        // words alone: 0.856; codes alone: 0.853).
        let first_content = title.iter().position(|t| !t.stop_word).unwrap_or(0);
        let first_long = title
            .iter()
            .position(|t| !t.stop_word && !t.minor)
            .unwrap_or(first_content);
        let starts = [first_content, first_long];
        // The words in the title's order with other words between them
        // ("use sig azur" and "...federated user sign in to Microsoft 365,
        // Azure"): a weaker sign than a run, but more than the words alone.
        let in_order = |from: usize, words: &[&QueryWord]| {
            let mut rest = title.get(from..).unwrap_or_default().iter();
            words.iter().all(|w| rest.any(|t| matches(w, t.term)))
        };
        let starts_then_in_order = |words: &[&QueryWord], start: usize| {
            let first = title.get(start);
            match (words.split_first(), first) {
                (Some((head, tail)), Some(t)) => matches(head, t.term) && in_order(start + 1, tail),
                _ => false,
            }
        };
        // Titles that hold the words as typed go before those that needed a
        // code left out ("error occ": "Error occurs when" before "Error
        // 0xC0202009 occurs when").
        let exact = |skipped_code: bool| if skipped_code { CODE_SKIPPED } else { 1.0 };
        let content_counts = !wanted.is_empty() && (wanted.len() >= 2 || words.len() == 1);
        if let Some(skipped) = run_at(0, &typed, false) {
            TYPED_START_ORDER * exact(skipped)
        } else if let Some(skipped) = content_counts
            .then(|| starts.iter().find_map(|&at| run_at(at, &wanted, true)))
            .flatten()
        {
            exact(skipped)
        } else if content_counts && starts.iter().any(|&at| starts_then_in_order(&wanted, at)) {
            START_THEN_GAPS
        } else if content_counts
            && (first_content + 1..title.len()).any(|i| run_at(i, &wanted, true).is_some())
        {
            0.5
        } else if content_counts && in_order(0, &wanted) {
            IN_ORDER_GAPS
        } else {
            0.0
        }
    }

    /// The share of the title's content words that the query's content
    /// words make up, at most 1; 0 for a query of one content word ("error
    /// when" is as much "Error when burning files to disc" as any other
    /// title that starts so, "can vie" as much "Cannot view cross-forest
    /// calendar data").
    fn title_share(&self, doc: usize, words: &[QueryWord]) -> f32 {
        let wanted = words.iter().filter(|w| w.content).count();
        if wanted < 2 {
            return 0.0;
        }
        let title = self.title_terms(doc);
        let content = title.iter().filter(|t| !t.stop_word).count();
        (wanted as f32 / content.max(1) as f32).min(1.0)
    }

    /// The summary holds a term of each of `words` (each sorted), one
    /// after the other.
    fn summary_holds_run(&self, doc: usize, words: &[Vec<u32>]) -> bool {
        if words.is_empty() {
            return false;
        }
        self.summary_terms(doc).windows(words.len()).any(|run| {
            run.iter()
                .zip(words)
                .all(|(term, terms)| terms.binary_search(term).is_ok())
        })
    }

    fn title(&self, doc: usize) -> &str {
        self.titles.get(doc).map_or("", String::as_str)
    }
}
