//! One month of events, tallied as they stream past: totals by day, what
//! found nothing, votes, views, and per session only what the report's
//! attributions need (did it search, view, say "solved", file a ticket;
//! its searches; the article it read last). A session's events are
//! ordered by their `at`, not by where they sit in the files: a batch
//! sent late still lands where it happened.

use std::collections::{HashMap, HashSet};

use lantern_core::events::{Event, What, SCHEMA_VERSION};

use super::month::Month;

/// Searches kept per session for "what preceded a ticket" (newest kept).
const SESSION_SEARCHES: usize = 20;

#[derive(Default)]
pub struct Tally {
    pub events: u64,
    pub duplicates: u64,
    pub outside_month: u64,
    pub unknown_version: u64,
    /// Ids seen, hashed: a million ids as strings would be ~100 MB.
    ids: HashSet<u64>,
    pub sessions: HashMap<String, Session>,
    /// Per day of the month (index 0 = day 1).
    pub days: Vec<DayTally>,
    pub searches: u64,
    pub views: u64,
    /// Zero-result searches by folded form: count and the forms typed.
    pub zero: HashMap<String, Typed>,
    pub views_by_article: HashMap<String, u64>,
    /// Distinct references of tickets filed (sent or queued).
    pub tickets: HashMap<String, Option<String>>,
}

#[derive(Default, Clone, Copy)]
pub struct DayTally {
    pub searches: u64,
    pub zero_result: u64,
    pub views: u64,
    pub tickets: u64,
}

/// How often a folded query came, and in which forms.
#[derive(Default)]
pub struct Typed {
    pub count: u64,
    pub forms: HashMap<String, u64>,
}

impl Typed {
    pub fn add(&mut self, form: &str) {
        self.count += 1;
        *self.forms.entry(form.to_string()).or_default() += 1;
    }
}

#[derive(Default)]
pub struct Session {
    pub viewed: bool,
    pub solved: bool,
    /// (at, query as typed, folded, results).
    pub searches: Vec<(String, String, String, u32)>,
    /// Folded queries a result was clicked for.
    pub clicked: HashSet<String>,
    /// (at, slug) of each view.
    pub views: Vec<(String, String)>,
    /// (at, category id) of each ticket filed.
    pub tickets: Vec<(String, Option<String>)>,
    /// The last vote on each article (one vote per article per visit).
    pub votes: HashMap<String, (String, bool, Option<String>)>,
}

/// SipHash with fixed keys: the same id hashes the same in every run, and
/// two ids of a million collide with odds of about 1 in 10^7.
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// A query's folded form: lower case, no accents, single spaces.
pub fn folded(query: &str) -> String {
    lantern_core::text::fold(query)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Tally {
    pub fn new(month: Month) -> Tally {
        Tally {
            days: vec![DayTally::default(); month.days() as usize],
            ..Tally::default()
        }
    }

    /// Takes one event of the files, if it is of `month` and not seen before.
    pub fn add(&mut self, month: Month, event: Event) {
        if event.schema_version != SCHEMA_VERSION {
            self.unknown_version += 1;
            return;
        }
        let Some(day) = month.day_of(&event.at) else {
            self.outside_month += 1;
            return;
        };
        if !self.ids.insert(id_hash(&event.id)) {
            self.duplicates += 1;
            return;
        }
        self.events += 1;
        let day = &mut self.days[day as usize - 1];
        let session = self.sessions.entry(event.session).or_default();
        let at = event.at;
        match event.what {
            What::Search { query, results, .. } => {
                self.searches += 1;
                day.searches += 1;
                let fold = folded(&query);
                if results == 0 {
                    day.zero_result += 1;
                    self.zero.entry(fold.clone()).or_default().add(&query);
                }
                session.searches.push((at, query, fold, results));
                if session.searches.len() > SESSION_SEARCHES {
                    session.searches.sort();
                    session.searches.remove(0);
                }
            }
            What::Click { query, .. } => {
                session.clicked.insert(folded(&query));
            }
            What::View { article, .. } => {
                self.views += 1;
                day.views += 1;
                session.viewed = true;
                *self.views_by_article.entry(article.clone()).or_default() += 1;
                session.views.push((at, article));
            }
            What::Vote {
                article,
                helpful,
                reason,
            } => {
                let newer = session
                    .votes
                    .get(&article)
                    .is_none_or(|(when, ..)| *when <= at);
                if newer {
                    session.votes.insert(article, (at, helpful, reason));
                }
            }
            What::Solved { .. } => session.solved = true,
            What::Ticket {
                reference,
                category,
                outcome,
                ..
            } => {
                if outcome == "failed" || self.tickets.contains_key(&reference) {
                    return;
                }
                day.tickets += 1;
                self.tickets.insert(reference, category.clone());
                session.tickets.push((at, category));
            }
        }
    }

    /// Every vote that counts, per article: (yes, no, reasons given with "No").
    pub fn votes(&self) -> HashMap<&str, Votes> {
        let mut all: HashMap<&str, Votes> = HashMap::new();
        for session in self.sessions.values() {
            for (article, (_, helpful, reason)) in &session.votes {
                let v = all.entry(article.as_str()).or_default();
                if *helpful {
                    v.yes += 1;
                } else {
                    v.no += 1;
                    let reason = reason.clone().unwrap_or_else(|| "other".into());
                    *v.reasons.entry(reason).or_default() += 1;
                }
            }
        }
        all
    }
}

#[derive(Default)]
pub struct Votes {
    pub yes: u64,
    pub no: u64,
    pub reasons: HashMap<String, u64>,
}
