//! The HTML each page shows before (or without) the app: the home page's
//! name, search form and categories, an article's text, and the ticket
//! page's service-desk address.
//!
//! Why the home page needs it: with slow 4G and a 4× slower CPU the app
//! starts 7–12 s after the page at 3k articles, and never when a proxy or
//! an old browser blocks the wasm; until then the page was blank. The form
//! is a plain GET to `?q=`, which the app reads when it starts; what the
//! user typed before that is handed over (`src/lib.rs`).

use lantern_core::catalog::ArticleMeta;
use lantern_core::library::Article;
use lantern_core::render::escape_html;
use lantern_core::ticket::Channel;
use lantern_core::Catalog;

use crate::shell::AppShell;

/// Beyond this many articles, the home page lists the first few of each
/// category: every link of a 3k site would be ~400 KB of HTML before the
/// search box.
const LIST_ALL_UP_TO: usize = 300;
const PER_CATEGORY: usize = 8;

/// The id the app's search input has: the text typed here is its text.
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The home page: header, search form, the categories and their articles.
pub fn home_body(catalog: &Catalog) -> String {
    let name = escape_html(&catalog.site.name);
    let tagline = escape_html(&catalog.site.tagline);
    let browse = categories(catalog);
    format!(
        r#"<header class="site-header"><a class="brand" href="./"><span class="brand-mark" aria-hidden="true">◆</span>{name}</a></header><main id="main" tabindex="-1"><section class="hero"><h1>{name}</h1><p class="tagline">{tagline}</p><form class="search prerendered-search" role="search" action="./" method="get"><label class="visually-hidden" for="{SEARCH_INPUT_ID}">Search help articles</label><input id="{SEARCH_INPUT_ID}" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="Describe your problem, e.g. “outlook keeps asking for password”"><button type="submit">Search</button></form><noscript><p class="noscript">Search needs JavaScript, which is off or blocked here. Every article is listed below by topic.</p></noscript></section>{browse}</main>"#
    )
}

fn categories(catalog: &Catalog) -> String {
    let mut ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
    for article in &catalog.articles {
        if !ids.contains(&article.category.as_str()) {
            ids.push(&article.category);
        }
    }
    let cap = if catalog.articles.len() <= LIST_ALL_UP_TO {
        usize::MAX
    } else {
        PER_CATEGORY
    };
    let sections: String = ids
        .into_iter()
        .filter_map(|id| {
            let articles: Vec<&ArticleMeta> = catalog
                .articles
                .iter()
                .filter(|a| a.category == id)
                .collect();
            if articles.is_empty() {
                return None;
            }
            let title = match catalog.category(id) {
                Some(c) => escape_html(&c.name),
                None if id.is_empty() && catalog.categories.is_empty() => "Articles".to_string(),
                None if id.is_empty() => "Other articles".to_string(),
                None => escape_html(id),
            };
            Some(category_section(&title, &articles, cap))
        })
        .collect();
    format!(
        r#"<section class="browse" aria-labelledby="browse-title"><h2 id="browse-title">Browse by topic</h2>{sections}</section>"#
    )
}

fn category_section(title: &str, articles: &[&ArticleMeta], cap: usize) -> String {
    let items: String = articles
        .iter()
        .take(cap)
        .map(|a| {
            format!(
                r#"<li><a href="a/{}/">{}</a><p>{}</p></li>"#,
                escape_html(&a.slug),
                escape_html(&a.title),
                escape_html(&a.summary)
            )
        })
        .collect();
    let more = match articles.len().saturating_sub(cap) {
        0 => String::new(),
        n => format!(r#"<li class="more">… and {n} more: search to find them.</li>"#),
    };
    format!(r#"<h3>{title}</h3><ul class="article-list">{items}{more}</ul>"#)
}

/// An article's page as the app would show it, without the app.
pub fn article_body(article: &Article, catalog: &Catalog) -> String {
    let site = escape_html(&catalog.site.name);
    let title = escape_html(&article.front.title);
    let summary = escape_html(&article.front.summary);
    let category = catalog
        .category(&article.front.category)
        .map(|c| format!(r#" › <span>{}</span>"#, escape_html(&c.name)))
        .unwrap_or_default();
    let updated = article
        .front
        .updated
        .as_deref()
        .map(|d| format!(r#"<p class="meta">Updated {}</p>"#, escape_html(d)))
        .unwrap_or_default();
    format!(
        r#"<article class="article prerendered"><nav class="breadcrumbs" aria-label="Breadcrumb"><a href="../../">{site}</a>{category}</nav><h1>{title}</h1><p class="summary">{summary}</p>{updated}<div class="article-body">{}</div></article>"#,
        article.rendered.html
    )
}

/// An article's whole page: its link-preview tags, canonical address and
/// prerendered body in the shell.
pub fn article_page(
    shell: &AppShell,
    article: &Article,
    catalog: &Catalog,
    base_url: &str,
) -> String {
    let title = escape_html(&article.front.title);
    let summary = escape_html(&article.front.summary);
    let site = escape_html(&catalog.site.name);
    // Validated as an http(s) URL (config::base_url_problem) and escaped
    // too: a `"` in it once closed the attribute and opened a script.
    let url = escape_html(&format!("{base_url}/a/{}/", article.slug));
    let canonical = if base_url.is_empty() {
        String::new()
    } else {
        format!(r#"<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">"#)
    };
    let head = format!(
        r#"<meta name="description" content="{summary}"><meta property="og:title" content="{title}"><meta property="og:description" content="{summary}"><meta property="og:type" content="article"><meta property="og:site_name" content="{site}"><meta name="twitter:card" content="summary">{canonical}"#
    );
    let body = article_body(article, catalog);
    shell.page("../../", &format!("{title} · {site}"), &head, &body)
}

/// The ticket page without JavaScript: how to reach the service desk by
/// the channels the site configured, instead of "email or call".
pub fn ticket_body(catalog: &Catalog) -> String {
    let ticket = &catalog.ticket;
    let mut ways = Vec::new();
    if let Some(email) = ticket.email.as_deref().filter(|e| !e.is_empty()) {
        let email = escape_html(email);
        ways.push(format!(
            r#"email <a href="mailto:{email}">{email}</a> with what you were doing, the exact error message and your computer's name"#
        ));
    }
    if let Some(github) = ticket
        .github
        .as_ref()
        .filter(|_| ticket.channels.contains(&Channel::Github))
    {
        let repo = escape_html(&github.repo);
        ways.push(format!(
            r#"open an issue at <a href="https://github.com/{repo}/issues/new">github.com/{repo}</a>"#
        ));
    }
    let how = if ways.is_empty() {
        "contact your service desk the way you usually do".to_string()
    } else {
        ways.join(", or ")
    };
    let response = if ticket.response_time.is_empty() {
        String::new()
    } else {
        format!(
            " Support usually answers {}.",
            escape_html(&ticket.response_time)
        )
    };
    format!(
        r#"<main id="main" class="ticket-fallback"><h1>Contact support</h1><p>The support form needs JavaScript, which is off or blocked here. Instead, {how}.{response}</p><p><a href="../">Back to the help articles</a></p></main>"#
    )
}
