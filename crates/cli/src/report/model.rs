//! What `lantern report` finds in a month of events: the one structure
//! that report.json serialises and report.md, report.html and the CSV
//! files are drawn from. Rates are `None` where their denominator is 0
//! (a rate of nothing is not 0 %).

use serde::Serialize;

/// The month's service report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// `YYYY-MM`.
    pub month: String,
    /// The site's name, from lantern.toml.
    pub site: String,
    pub headline: Headline,
    pub deflection: Deflection,
    pub success: Success,
    /// Every day of the month, in order, with or without events.
    pub daily: Vec<Day>,
    pub gaps: Gaps,
    pub articles: NeedWork,
    pub health: Health,
    pub quality: Quality,
}

/// A count this month and, with `--previous`, the month before.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Count {
    pub this_month: u64,
    pub previous: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    /// Distinct session ids.
    pub sessions: Count,
    /// Committed searches.
    pub searches: Count,
    /// Article views.
    pub views: Count,
    /// Tickets filed from the help center (distinct references).
    pub tickets: Count,
    /// Sessions per ticket (Zendesk's self-service score); `None` without tickets.
    pub self_service_score: Option<f64>,
    pub previous_self_service_score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deflection {
    /// Sessions that viewed an article or said "This solved it", and filed no ticket.
    pub helped: u64,
    /// Sessions that searched or viewed an article.
    pub seeking: u64,
    /// `helped / seeking`.
    pub rate: Option<f64>,
    /// Sessions that said "This solved it" and filed no ticket.
    pub confirmed: u64,
    /// How the numbers are attributed, printed beside them.
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Success {
    pub helpful_yes: u64,
    pub helpful_no: u64,
    /// yes / (yes + no).
    pub helpful_rate: Option<f64>,
    /// The lower end of its 95 % Wilson interval.
    pub helpful_lower_bound: Option<f64>,
    /// Committed searches with at least one result.
    pub searches_with_results: u64,
    /// Of those, the ones followed by a click on a result in the same session.
    pub searches_clicked: u64,
    /// `searches_clicked / searches_with_results`.
    pub click_through: Option<f64>,
    pub zero_result_searches: u64,
    /// `zero_result_searches / searches`.
    pub zero_result_rate: Option<f64>,
    /// Searches with results and no click.
    pub results_no_click: u64,
}

/// One day of the month (UTC).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub searches: u64,
    pub zero_result: u64,
    pub views: u64,
    pub tickets: u64,
}

/// What to write next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gaps {
    /// Searches that found nothing, by folded form, most frequent first.
    pub zero_result: Vec<QueryGroup>,
    /// The searches of sessions that then filed a ticket, by the ticket's category.
    pub before_tickets: Vec<CategoryQueries>,
    /// Searches with results that no one clicked.
    pub no_click: Vec<QueryGroup>,
}

/// Queries that fold to the same words ("VPN  Disconnects", "vpn disconnects").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryGroup {
    /// The folded form (lower case, no accents, words in order).
    pub folded: String,
    pub count: u64,
    /// The forms people typed, most frequent first (at most 5).
    pub variants: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryQueries {
    /// The category's name from lantern.toml, its id, or "No category".
    pub category: String,
    /// Tickets in it.
    pub tickets: u64,
    pub queries: Vec<QueryGroup>,
}

/// Articles that need work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedWork {
    /// Votes an article needs before it is ranked here.
    pub min_votes: u64,
    /// Articles with at least one "No", lowest Wilson lower bound first.
    pub least_helpful: Vec<ArticleVotes>,
    /// The article a session read last before it filed a ticket, most often first.
    pub before_tickets: Vec<ArticleCount>,
    /// Helpfulness that fell since the previous month (with enough votes both months).
    pub fell: Vec<ArticleChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleVotes {
    pub slug: String,
    pub title: String,
    pub yes: u64,
    pub no: u64,
    pub rate: f64,
    pub lower_bound: f64,
    /// The reasons given with "No" (their words), most frequent first.
    pub reasons: Vec<ReasonCount>,
    /// The comments given with "No" (redacted), most recent first, at most
    /// [`super::articles::COMMENTS`].
    pub comments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonCount {
    pub reason: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleCount {
    pub slug: String,
    pub title: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleChange {
    pub slug: String,
    pub title: String,
    pub previous_rate: f64,
    pub rate: f64,
    pub votes: u64,
}

/// The articles themselves, at the end of the month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Health {
    /// Articles in the folder.
    pub articles: u64,
    /// `review_by` before the month's end, oldest first.
    pub review_overdue: Vec<ArticleDate>,
    /// Days without an update before an article counts as stale.
    pub stale_days: u32,
    /// `updated` more than `stale_days` before the month's end, oldest first.
    pub stale: Vec<ArticleDate>,
    /// Not viewed this month (by title).
    pub no_views: Vec<ArticleCount>,
    /// Most viewed this month.
    pub most_viewed: Vec<ArticleCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleDate {
    pub slug: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// What was read, and what could not be used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// Lines read in the month's event files.
    pub lines: u64,
    /// Events of the month that were used.
    pub events: u64,
    /// Events whose id was seen before (a batch sent twice).
    pub duplicates: u64,
    /// Events dated outside the month.
    pub outside_month: u64,
    /// Events of a schema version this lantern does not know.
    pub unknown_version: u64,
    /// Lines that are not an event, counted and skipped.
    pub malformed_count: u64,
    /// The first of them, with where they are.
    pub malformed: Vec<Malformed>,
    /// Tickets read from `--tickets` files.
    pub tickets_read: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Malformed {
    pub file: String,
    pub line: u64,
    pub reason: String,
}
