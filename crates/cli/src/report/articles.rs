//! The articles' side of the report: which need work (the least helpful,
//! the ones read just before a ticket, helpfulness that fell) and the
//! content health of the folder itself.

use std::collections::HashMap;

use lantern_core::library::Library;

use super::assemble::{wilson_lower, Names, MIN_VOTES, STALE_DAYS, TOP};
use super::model::*;
use super::month::Month;
use super::tally::{Step, Tally, Votes};

/// The comments shown for each of the least helpful articles.
pub const COMMENTS: usize = 3;

pub fn need_work(this: &Tally, previous: Option<&Tally>, names: &Names) -> NeedWork {
    let votes = this.votes();
    let slug = |id: &u32| this.articles.get(*id);
    let mut least: Vec<ArticleVotes> = votes
        .iter()
        .filter(|(_, v)| v.yes + v.no >= MIN_VOTES && v.no > 0)
        .map(|(id, v)| article_votes(slug(id), v, this, names))
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

fn article_votes(slug: &str, v: &Votes, this: &Tally, names: &Names) -> ArticleVotes {
    let words = &this.words;
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
    let mut comments: Vec<(u32, &str)> = v
        .comments
        .iter()
        .map(|(at, id)| (*at, this.comments.get(*id)))
        .collect();
    comments.sort_by(|a, b| b.cmp(a));
    ArticleVotes {
        slug: slug.to_string(),
        title: names.title(slug),
        yes: v.yes,
        no: v.no,
        rate: v.yes as f64 / n as f64,
        lower_bound: wilson_lower(v.yes, n),
        reasons,
        comments: comments
            .into_iter()
            .take(COMMENTS)
            .map(|(_, c)| c.to_string())
            .collect(),
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
