//! Home: the search box, and browsing by category.
//!
//! The URL holds the state: `?q=` is the query, `?category=` browses a
//! category without a query and filters the results with one, `?tag=`
//! filters the results by tag.

use leptos::prelude::*;
use leptos_router::hooks::use_url;

use crate::search::filters::{non_empty, write_search_to_url, SearchFilters};
use crate::search::SearchBox;
use crate::site::use_site;

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
    let category = move || filters.category.get();
    super::set_title("", &site.catalog.site.name);

    let browse_site = site.clone();
    let browse = move || {
        let site = browse_site.clone();
        match category() {
            Some(id) => view! { <CategoryList site=site id=id/> }.into_any(),
            None => view! { <Categories site=site/> }.into_any(),
        }
    };
    view! {
        // While there is a query the hero makes room: the results come first.
        <section class="hero" class:searching=move || !query.read().trim().is_empty()>
            <h1>{site.catalog.site.name.clone()}</h1>
            <p class="tagline">{site.catalog.site.tagline.clone()}</p>
            <SearchBox query=query sync_url=true autofocus=true filters=filters/>
        </section>
        <Show when=move || query.read().trim().is_empty()>
            {browse.clone()}
        </Show>
    }
}

#[component]
fn Categories(site: crate::site::Site) -> impl IntoView {
    let catalog = site.catalog.clone();
    let mut ids: Vec<String> = catalog.categories.iter().map(|c| c.id.clone()).collect();
    // Articles whose category is not configured still get a card.
    for article in &catalog.articles {
        if !article.category.is_empty() && !ids.contains(&article.category) {
            ids.push(article.category.clone());
        }
    }
    let cards = ids
        .into_iter()
        .filter_map(|id| {
            let count = catalog.articles_in(&id).count();
            (count > 0).then(|| {
                let description = catalog
                    .category(&id)
                    .map(|c| c.description.clone())
                    .unwrap_or_default();
                let href = format!("{}/?category={id}", site.root);
                let name = site.category_name(&id);
                let label = if count == 1 {
                    "1 article".to_string()
                } else {
                    format!("{count} articles")
                };
                view! {
                    <li class="category-card">
                        <a href=href>
                            <span class="category-name">{name}</span>
                            <span class="category-count">{label}</span>
                            <span class="category-description">{description}</span>
                        </a>
                    </li>
                }
            })
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
fn CategoryList(site: crate::site::Site, id: String) -> impl IntoView {
    let name = site.category_name(&id);
    let items = site
        .catalog
        .articles_in(&id)
        .map(|a| {
            let href = site.article_path(&a.slug);
            view! {
                <li>
                    <a href=href>{a.title.clone()}</a>
                    <p>{a.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let home = format!("{}/", site.root);
    view! {
        <section class="browse" aria-labelledby="browse-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li><a href=home>"Home"</a></li>
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <h2 id="browse-title">{name}</h2>
            <ul class="article-list">{items}</ul>
        </section>
    }
}
