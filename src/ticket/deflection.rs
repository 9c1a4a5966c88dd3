//! Articles suggested while the user writes a ticket. One may already hold
//! the fix: the user can read it right here and stop without a ticket.

use lantern_core::ticket::ArticleVisit;
use leptos::prelude::*;

use super::{browser, visit};
use crate::search::results::{search_rows, segments, ResultRow};
use crate::site::use_site;
use crate::web::network::fetch_article_body;

const SUGGESTIONS: usize = 3;
/// Suggestions wait for a pause in typing.
pub const DEBOUNCE_MS: u64 = 300;
const MIN_CHARS: usize = 3;

#[component]
pub fn Suggestions(
    /// Subject and description, already debounced.
    query: Signal<String>,
    /// Called with the article that solved the problem.
    on_solved: Callback<ArticleVisit>,
) -> impl IntoView {
    let rows_site = use_site();
    let rows = Memo::new(move |_| {
        let query = query.get();
        if query.trim().chars().count() < MIN_CHARS {
            Vec::new()
        } else {
            search_rows(&rows_site, &query, SUGGESTIONS)
        }
    });
    // The slug of the one article shown here, if any.
    let open = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="suggestions" aria-labelledby="suggestions-title">
                <h2 id="suggestions-title">"These articles may solve it"</h2>
                <ul>
                    <For each=move || rows.get() key=|row| row.slug.clone() let(row)>
                        <Suggestion row open on_solved/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One suggested article: its title and summary, and a button that shows
/// its steps in place.
#[component]
fn Suggestion(
    row: ResultRow,
    open: RwSignal<Option<String>>,
    on_solved: Callback<ArticleVisit>,
) -> impl IntoView {
    let slug = row.slug.clone();
    let is_open = {
        let slug = slug.clone();
        Memo::new(move |_| open.get().as_deref() == Some(slug.as_str()))
    };
    let toggle = {
        let slug = slug.clone();
        move |_| {
            open.update(|o| {
                *o = if o.as_deref() == Some(slug.as_str()) {
                    None
                } else {
                    Some(slug.clone())
                }
            })
        }
    };
    let panel_id = format!("suggestion-{slug}");
    let title: String = row.title.iter().map(|s| s.text.as_str()).collect();
    view! {
        <li class="suggestion">
            <p class="suggestion-title">{segments(row.title)}</p>
            <p class="suggestion-summary">{segments(row.summary)}</p>
            <button
                type="button"
                class="link-button"
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=panel_id.clone()
                on:click=toggle
            >
                {move || if is_open.get() { "Hide the steps" } else { "Show the steps here" }}
            </button>
            <Show when=move || is_open.get()>
                <SuggestedArticle
                    id=panel_id.clone()
                    slug=slug.clone()
                    title=title.clone()
                    on_solved=on_solved
                    on_not_it=Callback::new(move |_| open.set(None))
                />
            </Show>
        </li>
    }
}

#[component]
fn SuggestedArticle(
    id: String,
    slug: String,
    title: String,
    on_solved: Callback<ArticleVisit>,
    on_not_it: Callback<()>,
) -> impl IntoView {
    let site = use_site();
    let visit = ArticleVisit {
        slug: slug.clone(),
        title: title.clone(),
        url: site.article_url(&slug, None),
        not_helpful: None,
    };
    // Reading it here counts as having read it, for the ticket's context.
    visit::record_article(site.root, visit.clone());
    let root = site.root;
    let fetch_slug = slug.clone();
    let body = LocalResource::new(move || {
        let (root, slug) = (root, fetch_slug.clone());
        async move { fetch_article_body(root, &slug).await }
    });
    let body_ref = NodeRef::<leptos::html::Div>::new();
    let article_url = visit.url.clone();
    Effect::new(move |_| {
        if let (Some(Ok(html)), Some(element)) = (body.get(), body_ref.get()) {
            browser::show_article_body(&element, &html, &article_url);
        }
    });
    let href = site.article_path(&slug);
    view! {
        <div class="suggested-article" id=id role="region" aria-label=title.clone()>
            {move || match body.get() {
                None => view! { <p class="loading">"Loading the steps…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error">{e.0}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <div class="article-body" node_ref=body_ref></div>
            <p><a href=href target="_blank" rel="noopener">"Open the full article in a new tab"</a></p>
            <div class="solved-question" role="group" aria-label="Did this article solve your problem?">
                <p>"Did this solve your problem?"</p>
                <button type="button" class="primary" on:click=move |_| on_solved.run(visit.clone())>"Yes, this solved it"</button>
                <button type="button" on:click=move |_| on_not_it.run(())>"No, continue with my ticket"</button>
            </div>
        </div>
    }
}
