//! How likely a query of fragments ("team scre shar", "outl pass prom") is
//! typed from a title, by someone at an instant-search box as issue 15
//! describes them: they type the first 3 to 5 letters of 2 or 3 of the
//! title's long words (4 letters or more, no digit), half the time its
//! first long words, otherwise any of them in the title's order.
//!
//! The chance is worked out on the title as written, not on index terms: a
//! fragment is typed from a word it starts ("usi" from "using", not from
//! "Use", whose term `use` it starts too), and a word of 4 or 5 letters may
//! be typed whole ("team" of "team", two times in three; of "teams", one).
//! Ranking by this chance is what the typing model itself would do: on
//! the typed tuning set (tests/relevance/typed.rs), ranking every article
//! by it alone, ties in random order, gives prefix2 an MRR@10 of 0.904;
//! the engine had 0.873. It replaces a rougher prior (½ for a title that
//! starts with the words, plus ½ / C(long words, k)) that counted neither
//! how each word was cut nor words matched by stem only.

use super::index::SearchIndex;

/// Letters typed of a word: from this many...
const FEWEST_LETTERS: usize = 3;
/// ...to this many, each as likely.
const MOST_LETTERS: usize = 5;

impl SearchIndex {
    /// The chance of typing `fragments` (the query's content words, as
    /// typed, in order) from the title of `doc`, relative to a query whose
    /// every word is cut short: 1 for a title of two long words that the
    /// query's two cut words start; 0 when no long words of the title, in
    /// order, start with the fragments, and for fewer than two fragments.
    pub(super) fn typed_from_title<S: AsRef<str>>(&self, doc: usize, fragments: &[S]) -> f32 {
        let k = fragments.len();
        if k < 2 {
            return 0.0;
        }
        let title = self.title_terms(doc);
        let long: Vec<&str> = title
            .iter()
            .filter(|t| !t.stop_word && !t.minor)
            .map(|t| self.title_word(t))
            .collect();
        if long.len() < k {
            return 0.0;
        }
        // A title of two long words is typed as two; a longer one as two
        // or three, each as likely.
        let words_typed = if long.len() == 2 { 1.0 } else { 0.5 };
        let from_start: f32 = fragments
            .iter()
            .zip(&long)
            .map(|(fragment, word)| cut_chance(fragment.as_ref(), word))
            .product();
        let in_order = in_order_chance(fragments, &long);
        let ways = (0..k).fold(1.0, |ways, i| {
            ways * (long.len() - i) as f32 / (i + 1) as f32
        });
        let chance = words_typed * (0.5 * from_start + 0.5 * in_order / ways);
        // Relative to every word cut short (a third each).
        chance * 3f32.powi(k as i32)
    }
}

/// The chance that typing FEWEST_LETTERS to MOST_LETTERS letters of `word`
/// gives `fragment`: a third for each length that does.
fn cut_chance(fragment: &str, word: &str) -> f32 {
    if !word.starts_with(fragment) {
        return 0.0;
    }
    let typed = fragment.chars().count();
    let letters = word.chars().count();
    let lengths = if typed < letters {
        usize::from((FEWEST_LETTERS..=MOST_LETTERS).contains(&typed))
    } else {
        // The whole word, typed with as many letters or more.
        (FEWEST_LETTERS..=MOST_LETTERS)
            .filter(|&n| n >= letters)
            .count()
    };
    lengths as f32 / (MOST_LETTERS - FEWEST_LETTERS + 1) as f32
}

/// The sum, over the ways to pick as many of `words` as there are
/// fragments, in order, of the chance that each picked word is cut to its
/// fragment.
fn in_order_chance<S: AsRef<str>>(fragments: &[S], words: &[&str]) -> f32 {
    // ways[j]: the sum over the picks of the first j fragments among the
    // words seen so far.
    let mut ways = vec![0f32; fragments.len() + 1];
    ways[0] = 1.0;
    for word in words {
        for j in (0..fragments.len()).rev() {
            if ways[j] > 0.0 {
                ways[j + 1] += ways[j] * cut_chance(fragments[j].as_ref(), word);
            }
        }
    }
    ways[fragments.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::of_titles(titles)
    }

    #[test]
    fn a_fragment_is_a_start_of_the_word_as_written_with_three_to_five_letters() {
        assert_eq!(cut_chance("usi", "using"), 1.0 / 3.0);
        assert_eq!(cut_chance("usi", "user"), 0.0);
        assert_eq!(cut_chance("team", "team"), 2.0 / 3.0);
        assert_eq!(cut_chance("teams", "teams"), 1.0 / 3.0);
        assert_eq!(cut_chance("te", "teams"), 0.0);
        assert_eq!(cut_chance("teamsi", "teamsites"), 0.0);
    }

    #[test]
    fn the_title_whose_first_long_words_the_query_starts_is_likeliest() {
        let index = index(&[
            "New Teams desktop app fails to render video",
            "A website doesn't load in the new Teams desktop client",
            "Use Group Policy",
            "Remove the Security tab by using a group policy",
        ]);
        let chance = |doc, q: &[&str]| index.typed_from_title(doc, q);
        let tea_desk = ["tea", "desk"];
        assert!(chance(0, &tea_desk) > 3.0 * chance(1, &tea_desk));
        assert!(chance(1, &tea_desk) > 0.0);
        // "Use" is too short to be typed; "using" is typed "usi".
        assert_eq!(chance(2, &["usi", "pol"]), 0.0);
        assert!(chance(3, &["usi", "pol"]) > 0.0);
        assert_eq!(chance(0, &["tea"]), 0.0);
    }

    #[test]
    fn a_fragment_that_starts_two_words_counts_both_ways() {
        let index = index(&["Emails sent to wrong account with many accounts"]);
        let once = index.typed_from_title(0, &["emai", "acco"]);
        let twice = index.typed_from_title(0, &["acco", "acco"]);
        assert!(twice > 0.0 && once > 0.0);
    }
}
