//! What this visit did before the user asked for help: the searches they
//! tried, the articles they read, the page they came from. Kept in session
//! storage, so it is this tab's and disappears with it.

use lantern_core::ticket::{ArticleVisit, TicketContext};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
    set_timeout(
        move || {
            let mut visit: Visit = storage::load(Lifetime::Session, &key).unwrap_or_default();
            change(&mut visit);
            let _ = storage::save(Lifetime::Session, &key, &visit);
        },
        std::time::Duration::ZERO,
    );
}

/// Records a query as it is typed (see `draft::record_query`).
pub fn record_query(root: &str, query: &str) {
    if query.trim().chars().count() < 2 {
        return;
    }
    let query = query.to_string();
    update(root, move |visit| {
        lantern_core::ticket::draft::record_query(&mut visit.queries, &query, MAX_QUERIES)
    });
}

pub fn record_article(root: &str, article: ArticleVisit) {
    update(root, move |visit| {
        visit.articles.retain(|a| a.slug != article.slug);
        visit.articles.push(article);
        if visit.articles.len() > MAX_ARTICLES {
            visit.articles.remove(0);
        }
    });
}

/// Remembers the page the user is on, unless it is the ticket form itself.
pub fn record_page(root: &str, url: &str) {
    let url = url.to_string();
    update(root, move |visit| visit.last_page = url);
}

/// Searches change the address with `replaceState`, which the router never
/// sees, so the page recorded on the last navigation can be one the user
/// already left. This notes the address as it is at the moment a link to
/// the ticket form is followed: a capture listener on the window runs
/// before the router's own click handler leaves the page.
pub fn note_page_before_ticket_links(root: String) {
    let listener =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if leads_to_ticket_form(&root, &event) {
                if let Ok(here) = window().location().href() {
                    record_page_now(&root, &here);
                }
            }
        });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        listener.as_ref().unchecked_ref(),
        true,
    );
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.with_value(|listener| {
            let _ = window().remove_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            );
        })
    });
}

/// A click on a link to the form, from a page that is not the form.
fn leads_to_ticket_form(root: &str, event: &web_sys::MouseEvent) -> bool {
    let location = window().location();
    let here = location.href().unwrap_or_default();
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten());
    let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
        return false;
    };
    let Ok(target) = web_sys::Url::new_with_base(&href, &here) else {
        return false;
    };
    let on_form = |path: &str| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .starts_with("/ticket")
    };
    target.origin() == location.origin().unwrap_or_default()
        && on_form(&target.pathname())
        && !on_form(&location.pathname().unwrap_or_default())
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
    let navigator = window().navigator();
    let came_from = if visit.last_page.is_empty() {
        document().referrer()
    } else {
        visit.last_page
    };
    TicketContext {
        queries: visit.queries,
        articles: visit.articles,
        came_from,
        user_agent: navigator.user_agent().unwrap_or_default(),
        platform: navigator.platform().unwrap_or_default(),
        language: navigator.language().unwrap_or_default(),
        local_time: local_time(),
        online: Some(navigator.on_line()),
    }
}

/// Now, as RFC 3339 local time with the UTC offset: what the user saw on
/// their clock, and when that was.
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    let offset = -(now.get_timezone_offset() as i64);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}

pub fn utc_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
