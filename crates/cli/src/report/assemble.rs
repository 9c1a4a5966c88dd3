//! From tallies to the report: the attributions (what counts as deflected,
//! which searches and which article preceded a ticket), the rankings and
//! the content health of the articles themselves.

use std::collections::HashMap;

use lantern_core::events::redact;

use super::model::*;
use super::month::Month;
use super::tally::{Step, Tally, Typed};

/// Votes an article needs before it is ranked as least helpful, or its
/// helpfulness compared with last month's.
pub const MIN_VOTES: u64 = 5;
/// An article not updated for this long is stale.
pub const STALE_DAYS: u32 = 365;
/// Rows in each ranked list.
pub(super) const TOP: usize = 10;

pub const RULE: &str = "A session counts as helped when it viewed an article or said \
\"This solved it\" and filed no ticket from the help center in the same session \
(30 minutes idle ends a session). It may still have called or mailed support: \
only confirmed deflections (\"This solved it\", no ticket) are certain.";

/// Where titles and category names come from.
pub struct Names<'a> {
    pub titles: HashMap<&'a str, &'a str>,
    pub categories: HashMap<String, String>,
}

impl Names<'_> {
    pub(super) fn title(&self, slug: &str) -> String {
        self.titles
            .get(slug)
            .map_or_else(|| slug.to_string(), |t| t.to_string())
    }
}

pub fn headline(this: &Tally, previous: Option<&Tally>) -> Headline {
    let count = |f: fn(&Tally) -> u64| Count {
        this_month: f(this),
        previous: previous.map(f),
    };
    let score = |t: &Tally| ratio(t.sessions.len() as u64, t.tickets());
    Headline {
        sessions: count(|t| t.sessions.len() as u64),
        searches: count(|t| t.searches),
        views: count(|t| t.views),
        tickets: count(|t| t.tickets()),
        self_service_score: score(this),
        previous_self_service_score: previous.and_then(score),
    }
}

/// What a session did, of what deflection counts.
#[derive(Default)]
struct Did {
    searched: bool,
    viewed: bool,
    solved: bool,
    ticket: bool,
}

fn did(steps: &[Step]) -> Did {
    let mut d = Did::default();
    for step in steps {
        match step {
            Step::Search { .. } => d.searched = true,
            Step::View { .. } => d.viewed = true,
            Step::Solved { .. } => d.solved = true,
            Step::Ticket { .. } => d.ticket = true,
            _ => {}
        }
    }
    d
}

/// The folded queries a session clicked a result for.
fn clicked(steps: &[Step]) -> Vec<u32> {
    steps
        .iter()
        .filter_map(|s| {
            if let Step::Click { fold, .. } = s {
                Some(*fold)
            } else {
                None
            }
        })
        .collect()
}

pub fn deflection(this: &Tally) -> Deflection {
    let (mut helped, mut seeking, mut confirmed) = (0, 0, 0);
    for steps in &this.sessions {
        let d = did(steps);
        seeking += u64::from(d.searched || d.viewed);
        helped += u64::from(!d.ticket && (d.viewed || d.solved));
        confirmed += u64::from(!d.ticket && d.solved);
    }
    Deflection {
        helped,
        seeking,
        rate: ratio(helped, seeking),
        confirmed,
        rule: RULE.into(),
    }
}

pub fn success(this: &Tally) -> Success {
    let votes = this.votes();
    let yes: u64 = votes.values().map(|v| v.yes).sum();
    let no: u64 = votes.values().map(|v| v.no).sum();
    let (mut with_results, mut n_clicked) = (0, 0);
    for steps in &this.sessions {
        let clicks = clicked(steps);
        for step in steps {
            if let Step::Search { typed, results, .. } = *step {
                if results > 0 {
                    with_results += 1;
                    n_clicked += u64::from(clicks.contains(&this.fold_of[typed as usize]));
                }
            }
        }
    }
    let zero: u64 = this.days.iter().map(|d| d.zero_result).sum();
    Success {
        helpful_yes: yes,
        helpful_no: no,
        helpful_rate: ratio(yes, yes + no),
        helpful_lower_bound: (yes + no > 0).then(|| wilson_lower(yes, yes + no)),
        searches_with_results: with_results,
        searches_clicked: n_clicked,
        click_through: ratio(n_clicked, with_results),
        zero_result_searches: zero,
        zero_result_rate: ratio(zero, this.searches),
        results_no_click: with_results - n_clicked,
    }
}

pub fn daily(this: &Tally, month: Month) -> Vec<Day> {
    (1..=month.days())
        .zip(&this.days)
        .map(|(day, t)| Day {
            date: month.date(day),
            searches: t.searches,
            zero_result: t.zero_result,
            views: t.views,
            tickets: t.tickets,
        })
        .collect()
}

pub fn gaps(this: &Tally, names: &Names) -> Gaps {
    let mut no_click: HashMap<u32, Typed> = HashMap::new();
    let mut before: HashMap<Option<u32>, (u64, HashMap<u32, Typed>)> = HashMap::new();
    for steps in &this.sessions {
        let clicks = clicked(steps);
        for (i, step) in steps.iter().enumerate() {
            match *step {
                Step::Search { typed, results, .. } if results > 0 => {
                    let fold = this.fold_of[typed as usize];
                    if !clicks.contains(&fold) {
                        no_click.entry(fold).or_default().add(typed);
                    }
                }
                Step::Ticket { category, .. } => {
                    let entry = before.entry(category).or_default();
                    entry.0 += 1;
                    for earlier in &steps[..i] {
                        if let Step::Search { typed, .. } = *earlier {
                            entry
                                .1
                                .entry(this.fold_of[typed as usize])
                                .or_default()
                                .add(typed);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut before_tickets: Vec<CategoryQueries> = before
        .into_iter()
        .map(|(category, (tickets, queries))| CategoryQueries {
            category: match category.map(|c| this.words.get(c)) {
                Some(id) => names
                    .categories
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.to_string()),
                None => "No category".into(),
            },
            tickets,
            queries: ranked(this, &queries),
        })
        .collect();
    before_tickets.sort_by(|a, b| {
        b.tickets
            .cmp(&a.tickets)
            .then_with(|| a.category.cmp(&b.category))
    });
    Gaps {
        zero_result: ranked(this, &this.zero),
        before_tickets,
        no_click: ranked(this, &no_click),
    }
}

/// The most frequent first, then alphabetically; the top [`TOP`].
fn ranked(this: &Tally, groups: &HashMap<u32, Typed>) -> Vec<QueryGroup> {
    let mut out: Vec<QueryGroup> = groups
        .iter()
        .map(|(folded, typed)| {
            let mut forms: Vec<(&str, u64)> = typed
                .forms
                .iter()
                .map(|(f, n)| (this.typed.get(*f), *n))
                .collect();
            forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            // Redacted again: a query is redacted before it leaves the
            // browser, but a report is passed around, and a client that
            // skipped it must not put an address in front of managers.
            let mut variants: Vec<String> = Vec::new();
            for form in forms.into_iter().map(|(f, _)| redact(f)) {
                if variants.len() < 5 && !variants.contains(&form) {
                    variants.push(form);
                }
            }
            QueryGroup {
                folded: redact(this.folds.get(*folded)),
                count: typed.count,
                variants,
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.folded.cmp(&b.folded)));
    out.truncate(TOP);
    out
}

pub(super) fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The lower end of the 95 % Wilson score interval of `yes` in `n`: with
/// few votes a rate of 1 of 1 ranks below 40 of 45.
pub fn wilson_lower(yes: u64, n: u64) -> f64 {
    let (n, p, z) = (n as f64, yes as f64 / n as f64, 1.96f64);
    let z2 = z * z;
    let bound =
        (p + z2 / (2.0 * n) - z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt()) / (1.0 + z2 / n);
    // 0 of n comes out a rounding error below 0, which would print as "-0 %".
    bound.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_perfect_votes_rank_below_many_good_ones() {
        assert!(wilson_lower(1, 1) < wilson_lower(40, 45));
        assert!((wilson_lower(8, 10) - 0.4902).abs() < 1e-3);
        assert_eq!(wilson_lower(0, 4), 0.0);
    }
}
