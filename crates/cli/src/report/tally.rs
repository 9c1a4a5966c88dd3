//! One month of events, tallied as they stream past: totals by day, what
//! found nothing, views, and per session only the steps the report's
//! attributions need. A session's steps are taken in the order of their
//! time, not of where they sit in the files: a batch sent late still lands
//! where it happened.
//!
//! Compact on purpose: every text is stored once and named by a number,
//! times are seconds into the month, an id is a 64-bit hash. With a string
//! per field of each event, a million events (257k sessions) over the 3k
//! corpus peaked at 493 MB; so, at 228 MB, of which loading the articles
//! is 53 MB (docs/benchmarks.md, "lantern report").

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use lantern_core::events::{Event, What, SCHEMA_VERSION};

use super::month::Month;

/// Texts stored once each, named by their number.
#[derive(Default)]
pub struct Strings {
    ids: HashMap<Rc<str>, u32>,
    list: Vec<Rc<str>>,
}

impl Strings {
    pub fn id(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        let id = self.list.len() as u32;
        let text: Rc<str> = Rc::from(text);
        self.list.push(text.clone());
        self.ids.insert(text, id);
        id
    }

    pub fn get(&self, id: u32) -> &str {
        &self.list[id as usize]
    }

    pub fn find(&self, text: &str) -> Option<u32> {
        self.ids.get(text).copied()
    }
}

/// One step of a session; `at` is seconds since the month began.
#[derive(Clone, Copy)]
pub enum Step {
    Search {
        at: u32,
        typed: u32,
        results: u32,
    },
    Click {
        at: u32,
        fold: u32,
    },
    View {
        at: u32,
        article: u32,
    },
    Vote {
        at: u32,
        article: u32,
        helpful: bool,
        reason: Option<u32>,
        comment: Option<u32>,
    },
    Solved {
        at: u32,
    },
    Ticket {
        at: u32,
        category: Option<u32>,
    },
}

impl Step {
    pub fn at(self) -> u32 {
        match self {
            Step::Search { at, .. }
            | Step::Click { at, .. }
            | Step::View { at, .. }
            | Step::Vote { at, .. }
            | Step::Solved { at }
            | Step::Ticket { at, .. } => at,
        }
    }
}

#[derive(Default, Clone, Copy)]
pub struct DayTally {
    pub searches: u64,
    pub zero_result: u64,
    pub views: u64,
    pub tickets: u64,
}

/// How often a folded query came, and in which typed forms.
#[derive(Default)]
pub struct Typed {
    pub count: u64,
    pub forms: HashMap<u32, u64>,
}

impl Typed {
    pub fn add(&mut self, typed: u32) {
        self.count += 1;
        *self.forms.entry(typed).or_default() += 1;
    }
}

#[derive(Default)]
pub struct Tally {
    pub events: u64,
    pub duplicates: u64,
    pub outside_month: u64,
    pub unknown_version: u64,
    /// Event ids seen, hashed.
    ids: HashSet<u64>,
    /// Session id (hashed) → its place in `sessions`.
    session_of: HashMap<u64, u32>,
    /// Each session's steps, in time order once [`Tally::finish`] ran.
    pub sessions: Vec<Vec<Step>>,
    /// Per day of the month (index 0 = day 1).
    pub days: Vec<DayTally>,
    pub searches: u64,
    pub views: u64,
    /// Queries as typed, and the folded form of each (by number).
    pub typed: Strings,
    pub fold_of: Vec<u32>,
    pub folds: Strings,
    pub articles: Strings,
    /// Category ids and reasons.
    pub words: Strings,
    /// The comments of "No" votes, redacted again.
    pub comments: Strings,
    /// Zero-result searches by folded form.
    pub zero: HashMap<u32, Typed>,
    pub views_by_article: HashMap<u32, u64>,
    /// Tickets filed (sent or queued), by hashed reference.
    tickets: HashSet<u64>,
}

/// SipHash with fixed keys: the same text hashes the same in every run, and
/// two ids of a million collide with odds of about 1 in 10^7.
fn hash(text: &str) -> u64 {
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// A query's folded form: lower case, no accents, single spaces.
pub fn folded(query: &str) -> String {
    lantern_core::text::fold(query)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seconds since the month began of an RFC 3339 time of day `day`
/// (`…THH:MM:SS`); 0 into the day when the time of day is unreadable.
fn seconds(day: u8, at: &str) -> u32 {
    let part = |range: std::ops::Range<usize>| at.get(range).and_then(|t| t.parse::<u32>().ok());
    let time = match (part(11..13), part(14..16), part(17..19)) {
        (Some(h), Some(m), Some(s)) => h * 3600 + m * 60 + s,
        _ => 0,
    };
    u32::from(day - 1) * 86_400 + time
}

impl Tally {
    pub fn new(month: Month) -> Tally {
        Tally {
            days: vec![DayTally::default(); month.days() as usize],
            ..Tally::default()
        }
    }

    pub fn tickets(&self) -> u64 {
        self.tickets.len() as u64
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
        if !self.ids.insert(hash(&event.id)) {
            self.duplicates += 1;
            return;
        }
        self.events += 1;
        let at = seconds(day, &event.at);
        let Some(step) = self.step(day, at, event.what) else {
            return;
        };
        let next = self.sessions.len() as u32;
        let place = *self.session_of.entry(hash(&event.session)).or_insert(next);
        if place == next {
            self.sessions.push(Vec::new());
        }
        self.sessions[place as usize].push(step);
    }

    fn step(&mut self, day: u8, at: u32, what: What) -> Option<Step> {
        let day = &mut self.days[day as usize - 1];
        Some(match what {
            What::Search { query, results, .. } => {
                self.searches += 1;
                day.searches += 1;
                let typed = self.typed.id(&query);
                if typed as usize == self.fold_of.len() {
                    self.fold_of.push(self.folds.id(&folded(&query)));
                }
                if results == 0 {
                    day.zero_result += 1;
                    self.zero
                        .entry(self.fold_of[typed as usize])
                        .or_default()
                        .add(typed);
                }
                Step::Search { at, typed, results }
            }
            What::Click { query, .. } => Step::Click {
                at,
                fold: self.folds.id(&folded(&query)),
            },
            What::View { article, .. } => {
                self.views += 1;
                day.views += 1;
                let article = self.articles.id(&article);
                *self.views_by_article.entry(article).or_default() += 1;
                Step::View { at, article }
            }
            What::Vote {
                article,
                helpful,
                reason,
                comment,
            } => Step::Vote {
                at,
                article: self.articles.id(&article),
                helpful,
                reason: reason.map(|r| self.words.id(&r)),
                comment: comment
                    .map(|c| comment_shown(&c))
                    .filter(|c| !c.is_empty())
                    .map(|c| self.comments.id(&c)),
            },
            What::Solved { .. } => Step::Solved { at },
            What::Ticket {
                reference,
                category,
                outcome,
                ..
            } => {
                if outcome == "failed" || !self.tickets.insert(hash(&reference)) {
                    return None;
                }
                day.tickets += 1;
                Step::Ticket {
                    at,
                    category: category.map(|c| self.words.id(&c)),
                }
            }
        })
    }

    /// Puts each session's steps in time order (stable: one second's steps
    /// keep the order they were sent in).
    pub fn finish(&mut self) {
        for steps in &mut self.sessions {
            steps.sort_by_key(|s| s.at());
            steps.shrink_to_fit();
        }
    }

    /// The votes that count, per article: each session's last on it.
    pub fn votes(&self) -> HashMap<u32, Votes> {
        let mut all: HashMap<u32, Votes> = HashMap::new();
        for steps in &self.sessions {
            let mut last: HashMap<u32, Step> = HashMap::new();
            for step in steps {
                if let Step::Vote { article, .. } = *step {
                    last.insert(article, *step);
                }
            }
            for (article, step) in last {
                let Step::Vote {
                    at,
                    helpful,
                    reason,
                    comment,
                    ..
                } = step
                else {
                    continue;
                };
                let v = all.entry(article).or_default();
                if helpful {
                    v.yes += 1;
                } else {
                    v.no += 1;
                    *v.reasons.entry(reason).or_default() += 1;
                    v.comments.extend(comment.map(|c| (at, c)));
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
    /// By reason id (`None`: none given).
    pub reasons: HashMap<Option<u32>, u64>,
    /// The comments of the "No" votes that count: (when, comment id).
    pub comments: Vec<(u32, u32)>,
}

/// The longest comment the report shows, in characters: a client that
/// sent a page of text must not fill the report with it.
pub const COMMENT_CHARS: usize = 500;

/// A vote's comment as the report shows it: redacted again (a client that
/// skipped it must not put an address in front of managers, as with
/// queries) and cut to [`COMMENT_CHARS`].
fn comment_shown(comment: &str) -> String {
    let redacted = lantern_core::events::redact(comment);
    match redacted.char_indices().nth(COMMENT_CHARS) {
        Some((cut, _)) => format!("{}…", &redacted[..cut]),
        None => redacted,
    }
}
