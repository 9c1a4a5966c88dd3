//! Home: the search box, and browsing by category.
//!
//! The address holds the state (see `search::url_state`): `?q=` is the
//! query, `?category=` browses a category without a query and filters
//! the results with one, `?tag=` filters the results by tag.

use leptos::prelude::*;

use crate::search::early_search::take_early_text;
use crate::search::url_state::{use_search_from_url, use_search_url};
use crate::search::SearchBox;
use crate::site::{use_site, Site};
use crate::urls;

#[component]
pub fn Home() -> impl IntoView {
    let site = use_site();
    let url = use_search_url(site.root);
    let search = use_search_from_url(url, take_early_text());
    let query = search.query;
    let searching = move || !query.read().trim().is_empty();
    super::set_title("", &site.catalog.site.name);
    view! {
        // While there is a query the hero makes room: the results come first.
        <section class="hero" class:searching=searching>
            <h1>{site.catalog.site.name.clone()}</h1>
            <p class="tagline">{site.catalog.site.tagline.clone()}</p>
            <SearchBox query=query exact=search.exact url=url autofocus=true filters=search.filters/>
        </section>
        <Show when=move || !searching()>
            {move || match search.filters.category.get() {
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
