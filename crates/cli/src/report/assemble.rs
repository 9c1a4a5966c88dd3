//! From tallies to the report: the attributions (what counts as deflected,
//! which searches and which article preceded a ticket), the rankings and
//! the content health of the articles themselves.

use std::collections::HashMap;

use lantern_core::events::redact;
use lantern_core::library::Library;

use super::model::*;
use super::month::Month;
use super::tally::{Step, Strings, Tally, Typed, Votes};

/// Votes an article needs before it is ranked as least helpful, or its
/// helpfulness compared with last month's.
pub const MIN_VOTES: u64 = 5;
/// An article not updated for this long is stale.
pub const STALE_DAYS: u32 = 365;
/// Rows in each ranked list.
const TOP: usize = 10;

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
    fn title(&self, slug: &str) -> String {
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

pub fn need_work(this: &Tally, previous: Option<&Tally>, names: &Names) -> NeedWork {
    let votes = this.votes();
    let slug = |id: &u32| this.articles.get(*id);
    let mut least: Vec<ArticleVotes> = votes
        .iter()
        .filter(|(_, v)| v.yes + v.no >= MIN_VOTES && v.no > 0)
        .map(|(id, v)| article_votes(slug(id), v, &this.words, names))
        .collect();
    least.sort_by(|a, b| {
        a.lower_bound
            .total_cmp(&b.lower_bound)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    least.truncate(TOP);
    let mut last_read: HashMap<&str, u64> = HashMap::new();
    for steps in &this.sessions {
        let mut read = None;
        for step in steps {
            match *step {
                Step::View { article, .. } => read = Some(article),
                Step::Ticket { .. } => {
                    if let Some(article) = read {
                        *last_read.entry(this.articles.get(article)).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
    }
    let fell = previous.map_or_else(Vec::new, |previous| fell(this, &votes, previous, names));
    NeedWork {
        min_votes: MIN_VOTES,
        least_helpful: least,
        before_tickets: counted(&last_read, names),
        fell,
    }
}

/// Articles with enough votes in both months whose helpfulness fell, the
/// largest fall first.
fn fell(
    this: &Tally,
    votes: &HashMap<u32, Votes>,
    previous: &Tally,
    names: &Names,
) -> Vec<ArticleChange> {
    let before = previous.votes();
    let mut fell = Vec::new();
    for (id, now) in votes {
        let slug = this.articles.get(*id);
        let Some(then) = previous.articles.find(slug).and_then(|p| before.get(&p)) else {
            continue;
        };
        let (n_now, n_then) = (now.yes + now.no, then.yes + then.no);
        if n_now < MIN_VOTES || n_then < MIN_VOTES {
            continue;
        }
        let (rate, previous_rate) = (
            now.yes as f64 / n_now as f64,
            then.yes as f64 / n_then as f64,
        );
        if rate < previous_rate {
            fell.push(ArticleChange {
                slug: slug.to_string(),
                title: names.title(slug),
                previous_rate,
                rate,
                votes: n_now,
            });
        }
    }
    fell.sort_by(|a, b| {
        (a.rate - a.previous_rate)
            .total_cmp(&(b.rate - b.previous_rate))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    fell.truncate(TOP);
    fell
}

fn article_votes(slug: &str, v: &Votes, words: &Strings, names: &Names) -> ArticleVotes {
    let n = v.yes + v.no;
    let mut reasons: Vec<ReasonCount> = v
        .reasons
        .iter()
        .map(|(id, count)| ReasonCount {
            reason: reason_words(id.map_or("other", |id| words.get(id))),
            count: *count,
        })
        .collect();
    reasons.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reason.cmp(&b.reason)));
    ArticleVotes {
        slug: slug.to_string(),
        title: names.title(slug),
        yes: v.yes,
        no: v.no,
        rate: v.yes as f64 / n as f64,
        lower_bound: wilson_lower(v.yes, n),
        reasons,
    }
}

fn reason_words(id: &str) -> String {
    lantern_core::events::schema::REASONS
        .iter()
        .find(|(known, _)| *known == id)
        .map_or_else(|| id.to_string(), |(_, words)| words.to_string())
}

/// The most first, then by slug; the top [`TOP`].
fn counted(counts: &HashMap<&str, u64>, names: &Names) -> Vec<ArticleCount> {
    let mut out: Vec<ArticleCount> = counts
        .iter()
        .map(|(slug, count)| ArticleCount {
            slug: slug.to_string(),
            title: names.title(slug),
            count: *count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.slug.cmp(&b.slug)));
    out.truncate(TOP);
    out
}

pub fn health(this: &Tally, library: &Library, month: Month, names: &Names) -> Health {
    let end = month.last_day();
    let stale_before = end - time::Duration::days(i64::from(STALE_DAYS));
    let date = |text: &Option<String>| {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        text.as_deref()
            .and_then(|t| time::Date::parse(t, &format).ok())
    };
    let (mut overdue, mut stale, mut no_views) = (Vec::new(), Vec::new(), Vec::new());
    for a in &library.articles {
        let entry = |d: time::Date| ArticleDate {
            slug: a.slug.clone(),
            title: a.front.title.clone(),
            date: d.to_string(),
        };
        if let Some(d) = date(&a.front.review_by).filter(|d| *d < end) {
            overdue.push(entry(d));
        }
        if let Some(d) = date(&a.front.updated).filter(|d| *d < stale_before) {
            stale.push(entry(d));
        }
        if !this
            .articles
            .find(&a.slug)
            .is_some_and(|id| this.views_by_article.contains_key(&id))
        {
            no_views.push(ArticleCount {
                slug: a.slug.clone(),
                title: a.front.title.clone(),
                count: 0,
            });
        }
    }
    overdue.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
    stale.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
    no_views.sort_by(|a, b| a.title.cmp(&b.title));
    let viewed: HashMap<&str, u64> = this
        .views_by_article
        .iter()
        .map(|(id, n)| (this.articles.get(*id), *n))
        .collect();
    Health {
        articles: library.articles.len() as u64,
        review_overdue: overdue,
        stale_days: STALE_DAYS,
        stale,
        no_views,
        most_viewed: counted(&viewed, names),
    }
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The lower end of the 95 % Wilson score interval of `yes` in `n`: with
/// few votes a rate of 1 of 1 ranks below 40 of 45.
pub fn wilson_lower(yes: u64, n: u64) -> f64 {
    let (n, p, z) = (n as f64, yes as f64 / n as f64, 1.96f64);
    let z2 = z * z;
    (p + z2 / (2.0 * n) - z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt()) / (1.0 + z2 / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_perfect_votes_rank_below_many_good_ones() {
        assert!(wilson_lower(1, 1) < wilson_lower(40, 45));
        assert!((wilson_lower(8, 10) - 0.4902).abs() < 1e-3);
        assert!(wilson_lower(0, 4).abs() < 1e-12);
    }
}
