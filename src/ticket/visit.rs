//! What this visit did before the user asked for help: the searches they
//! tried, the articles they read, the page they came from. Kept in session
//! storage, so it is this tab's and disappears with it.

use lantern_core::ticket::{ArticleVisit, TicketContext};
use serde::{Deserialize, Serialize};

use super::browser;
use super::storage::{self, Lifetime};

const MAX_QUERIES: usize = 10;
const MAX_ARTICLES: usize = 10;

#[derive(Default, Serialize, Deserialize)]
struct Visit {
    queries: Vec<String>,
    articles: Vec<ArticleVisit>,
    last_page: String,
}

fn key(root: &str) -> String {
    storage::key(root, "visit")
}

/// Applies a change in the next task: session storage is slow on its first
/// use in a visit, and a page or its first results should not wait for a
/// record that is read only when a ticket is written.
fn update(root: &str, change: impl FnOnce(&mut Visit) + 'static) {
    let key = key(root);
    crate::web::timer::after(std::time::Duration::ZERO, move || {
        let mut visit: Visit = storage::load(Lifetime::Session, &key).unwrap_or_default();
        change(&mut visit);
        let _ = storage::save(Lifetime::Session, &key, &visit);
    });
}

/// Records a query as it is typed (see
/// `lantern_core::ticket::draft::record_query`).
pub fn record_query(root: &str, query: &str) {
    if query.trim().chars().count() < 2 {
        return;
    }
    let query = query.to_string();
    update(root, move |visit| {
        lantern_core::ticket::draft::record_query(&mut visit.queries, &query, MAX_QUERIES)
    });
}

pub fn record_article(root: &str, mut article: ArticleVisit) {
    update(root, move |visit| {
        if let Some(at) = visit.articles.iter().position(|a| a.slug == article.slug) {
            // Read again: what the reader said of it stays.
            let before = visit.articles.remove(at);
            article.not_helpful = article.not_helpful.or(before.not_helpful);
        }
        visit.articles.push(article);
        if visit.articles.len() > MAX_ARTICLES {
            visit.articles.remove(0);
        }
    });
}

/// The reader said the article did not help, and why: the ticket says so.
pub fn record_not_helpful(root: &str, slug: &str, why: &str) {
    let (slug, why) = (slug.to_string(), why.to_string());
    update(root, move |visit| {
        if let Some(article) = visit.articles.iter_mut().find(|a| a.slug == slug) {
            article.not_helpful = Some(why);
        }
    });
}

/// Remembers the page the user is on (the caller leaves the ticket form
/// out: it is where the user goes, not where they came from).
pub fn record_page(root: &str, url: &str) {
    let url = url.to_string();
    update(root, move |visit| visit.last_page = url);
}

/// The page is recorded when the router navigates, and a link to the form
/// is a full page load that may leave before the last record is stored.
/// This notes the address as it is at the moment a link to the ticket
/// form is followed, from a page that is not the form.
pub fn note_page_before_ticket_links(root: String) {
    browser::before_links_are_followed(move |click| {
        if click.same_origin
            && crate::urls::is_ticket_path(&root, &click.target_path)
            && !crate::urls::is_ticket_path(&root, &click.here_path)
        {
            record_page_now(&root, &click.here);
        }
    });
}

/// `record_page` at once: the form reads the record as it opens.
fn record_page_now(root: &str, url: &str) {
    let key = key(root);
    let mut visit: Visit = storage::load(Lifetime::Session, &key).unwrap_or_default();
    visit.last_page = url.to_string();
    let _ = storage::save(Lifetime::Session, &key, &visit);
}

/// The context block for a ticket written now.
pub fn context(root: &str) -> TicketContext {
    let visit: Visit = storage::load(Lifetime::Session, &key(root)).unwrap_or_default();
    let client = browser::client();
    let came_from = if visit.last_page.is_empty() {
        browser::referrer()
    } else {
        visit.last_page
    };
    TicketContext {
        queries: visit.queries,
        articles: visit.articles,
        came_from,
        user_agent: client.user_agent,
        platform: client.platform,
        language: client.language,
        local_time: browser::local_time(),
        online: Some(browser::online()),
    }
}
