//! Home: the search box, and browsing by category.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::search_box::SearchBox;
use crate::site::use_site;

#[component]
pub fn Home() -> impl IntoView {
    let site = use_site();
    let params = use_query_map();
    let query = RwSignal::new(params.with_untracked(|p| p.get("q").unwrap_or_default()));
    let category = move || params.with(|p| p.get("category")).filter(|c| !c.is_empty());
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
        <section class="hero">
            <h1>{site.catalog.site.name.clone()}</h1>
            <p class="tagline">{site.catalog.site.tagline.clone()}</p>
            <SearchBox query=query sync_url=true autofocus=true/>
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
