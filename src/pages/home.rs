//! Home: the search box, and browsing by category.
//!
//! The address holds the state (see `search::url_state`): `?q=` is the
//! query, `?category=` browses a category without a query and filters
//! the results with one, `?tag=` filters the results by tag.

use leptos::prelude::*;

use leptos_router::hooks::use_url;

use crate::search::filters::{non_empty, write_search_to_url, SearchFilters};
use crate::search::SearchBox;
use crate::site::{use_site, Site};
use crate::urls;

#[component]
pub fn Home() -> impl IntoView {
    let site = use_site();
    let url = use_url();
    let from_url = move |url: &leptos_router::location::Url| {
        let p = url.search_params();
        (
            p.get("q").unwrap_or_default(),
            non_empty(p.get("category")),
            non_empty(p.get("tag")),
        )
    };
    let (q, category, tag) = url.with_untracked(from_url);
    let home_path = url.with_untracked(|u| u.path().to_string());
    let query = RwSignal::new(q);
    let filters = SearchFilters::new(category, tag);
    // The search box rewrites the address bar without telling the router;
    // a real navigation to this page (a category card, the brand link,
    // back and forward) brings the URL's state back.
    Effect::new(move |ran_before: Option<()>| {
        let Some((q, category, tag)) = url.with(|u| (u.path() == home_path).then(|| from_url(u)))
        else {
            return;
        };
        if ran_before.is_some() {
            // The router skips writing a URL it believes is current.
            write_search_to_url(&q, category.as_deref(), tag.as_deref());
        }
        if query.with_untracked(|current| *current != q) {
            query.set(q);
        }
        filters.set(category, tag);
    });
    let searching = move || !query.read().trim().is_empty();
    super::set_title("", &site.catalog.site.name);
    view! {
        // While there is a query the hero makes room: the results come first.
        <section class="hero" class:searching=searching>
            <h1>{site.catalog.site.name.clone()}</h1>
            <p class="tagline">{site.catalog.site.tagline.clone()}</p>
            <SearchBox query=query sync_url=true autofocus=true filters=filters/>
        </section>
        <Show when=move || !searching()>
            {move || match filters.category.get() {
                Some(id) => view! { <CategoryList site=site id=id/> }.into_any(),
                None => view! { <Categories site=site/> }.into_any(),
            }}
        </Show>
    }
}

/// Category ids with a card: the configured ones, then any an article
/// names that is not configured.
fn category_ids(site: Site) -> Vec<String> {
    let catalog = site.catalog;
    let mut ids: Vec<String> = catalog.categories.iter().map(|c| c.id.clone()).collect();
    for article in &catalog.articles {
        if !article.category.is_empty() && !ids.contains(&article.category) {
            ids.push(article.category.clone());
        }
    }
    ids
}

#[component]
fn Categories(site: Site) -> impl IntoView {
    let cards = category_ids(site)
        .into_iter()
        .filter_map(|id| {
            let count = site.catalog.articles_in(&id).count();
            (count > 0).then(|| view! { <CategoryCard site=site id=id count=count/> })
        })
        .collect_view();
    view! {
        <section class="browse" aria-labelledby="browse-title">
            <h2 id="browse-title">"Browse by topic"</h2>
            <ul class="category-grid">{cards}</ul>
        </section>
    }
}

#[component]
fn CategoryCard(site: Site, id: String, count: usize) -> impl IntoView {
    let description = site
        .catalog
        .category(&id)
        .map(|c| c.description.clone())
        .unwrap_or_default();
    let label = if count == 1 {
        "1 article".to_string()
    } else {
        format!("{count} articles")
    };
    view! {
        <li class="category-card">
            <a href=urls::category(site.root, &id)>
                <span class="category-name">{site.category_name(&id)}</span>
                <span class="category-count">{label}</span>
                <span class="category-description">{description}</span>
            </a>
        </li>
    }
}

#[component]
fn CategoryList(site: Site, id: String) -> impl IntoView {
    let name = site.category_name(&id);
    let items = site
        .catalog
        .articles_in(&id)
        .map(|a| {
            view! {
                <li>
                    <a href=urls::article(site.root, &a.slug)>{a.title.clone()}</a>
                    <p>{a.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="browse" aria-labelledby="browse-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li><a href=urls::home(site.root)>"Home"</a></li>
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <h2 id="browse-title">{name}</h2>
            <ul class="article-list">{items}</ul>
        </section>
    }
}
