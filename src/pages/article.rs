//! An article: breadcrumbs, title, dates, actions for agents, table of
//! contents, the body, and related articles.

use lantern_core::ArticleMeta;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::not_found::NotFound;
use crate::dom::{copy_to_clipboard, enhance_article_body, scroll_to_hash, TocEntry};
use crate::site::{fetch_article_body, today, use_site};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    let navigate = use_navigate();
    move || {
        let slug = params.with(|p| p.get("slug").unwrap_or_default());
        match site.catalog.resolve(&slug) {
            None => view! { <NotFound slug=slug/> }.into_any(),
            Some((meta, via_alias)) => {
                if via_alias {
                    // An old link: move the address bar to the current slug,
                    // keeping the heading the link pointed at.
                    let hash = window().location().hash().unwrap_or_default();
                    navigate(
                        &format!("/a/{}/{hash}", meta.slug),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                view! { <ArticleView meta=meta.clone()/> }.into_any()
            }
        }
    }
}

/// Plain-text and markdown blurbs an agent pastes into a ticket reply.
pub fn reply_text(meta: &ArticleMeta, url: &str) -> String {
    if meta.summary.is_empty() {
        format!("{}\n{url}", meta.title)
    } else {
        format!("{}\n{}\n{url}", meta.title, meta.summary)
    }
}

pub fn reply_markdown(meta: &ArticleMeta, url: &str) -> String {
    let title = meta.title.replace('[', "\\[").replace(']', "\\]");
    if meta.summary.is_empty() {
        format!("[{title}]({url})")
    } else {
        format!("[{title}]({url}): {}", meta.summary)
    }
}

#[component]
pub fn ArticleView(meta: ArticleMeta) -> impl IntoView {
    let site = use_site();
    super::set_title(&meta.title, &site.catalog.site.name);
    crate::ticket::visit::record_article(
        &site.root,
        lantern_core::ticket::ArticleVisit {
            slug: meta.slug.clone(),
            title: meta.title.clone(),
            url: site.article_url(&meta.slug, None),
        },
    );
    let ticket_href = format!("{}/ticket/", site.root);
    let slug = meta.slug.clone();
    let root = site.root.clone();
    let body = LocalResource::new(move || {
        let (root, slug) = (root.clone(), slug.clone());
        async move { fetch_article_body(&root, &slug).await }
    });
    let body_ref = NodeRef::<leptos::html::Div>::new();
    // The table of contents is read off the body once it is in: the
    // catalog does not carry every article's headings.
    let toc = RwSignal::new(Vec::<TocEntry>::new());
    Effect::new(move |_| {
        if let (Some(Ok(html)), Some(element)) = (body.get(), body_ref.get()) {
            element.set_inner_html(&html);
            toc.set(enhance_article_body(&element));
            // After the table of contents is drawn, which moves the body
            // down on narrow screens.
            request_animation_frame(scroll_to_hash);
        }
    });

    let url = site.article_url(&meta.slug, None);
    let copy_link = {
        let url = url.clone();
        move |_| copy_to_clipboard(url.clone(), "Link copied")
    };
    let copy_reply = {
        let text = reply_text(&meta, &url);
        move |_| copy_to_clipboard(text.clone(), "Reply text copied")
    };
    let copy_markdown = {
        let text = reply_markdown(&meta, &url);
        move |_| copy_to_clipboard(text.clone(), "Markdown link copied")
    };
    let body_click = {
        let site = site.clone();
        let slug = meta.slug.clone();
        move |event: web_sys::MouseEvent| {
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            if let Ok(Some(button)) = target.closest("[data-copy-heading]") {
                let heading = button
                    .get_attribute("data-copy-heading")
                    .unwrap_or_default();
                copy_to_clipboard(
                    site.article_url(&slug, Some(&heading)),
                    "Section link copied",
                );
            } else if let Ok(Some(button)) = target.closest("[data-copy-code]") {
                let code = button
                    .parent_element()
                    .and_then(|pre| pre.query_selector("code").ok().flatten());
                let text = code.and_then(|c| c.text_content()).unwrap_or_default();
                copy_to_clipboard(text, "Code copied");
            }
        }
    };

    let category_href = format!("{}/?category={}", site.root, meta.category);
    let category_name = site.category_name(&meta.category);
    let has_category = !meta.category.is_empty();
    let overdue = meta.review_overdue(&today());
    let review_by = meta.review_by.clone().unwrap_or_default();
    let has_toc = move || toc.with(|t| t.len() > 1);
    let toc_items = move || {
        toc.get()
            .into_iter()
            .map(|h| {
                let href = format!("#{}", h.id);
                let class = if h.level == 3 { "toc-sub" } else { "" };
                view! { <li class=class><a href=href>{h.text}</a></li> }
            })
            .collect_view()
    };
    let related = site
        .catalog
        .related(&meta.slug, 4)
        .into_iter()
        .map(|a| {
            let href = site.article_path(&a.slug);
            view! { <li><a href=href>{a.title.clone()}</a></li> }
        })
        .collect_view();
    let home = format!("{}/", site.root);

    view! {
        <article class="article" aria-labelledby="lantern-article-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li><a href=home>"Home"</a></li>
                    <Show when=move || has_category>
                        <li><a href=category_href.clone()>{category_name.clone()}</a></li>
                    </Show>
                    <li aria-current="page">{meta.title.clone()}</li>
                </ol>
            </nav>
            <header class="article-header">
                <h1 id="lantern-article-title">{meta.title.clone()}</h1>
                <p class="summary">{meta.summary.clone()}</p>
                <p class="meta">
                    {meta.updated.clone().map(|d| view! { <span>"Updated " <time datetime=d.clone()>{d.clone()}</time></span> })}
                    <Show when=move || overdue>
                        <span class="badge badge-warning" title=format!("Due for review on {review_by}: some steps may be out of date.")>
                            "Review overdue"
                        </span>
                    </Show>
                </p>
                <div class="actions" role="group" aria-label="Share this article">
                    <button type="button" on:click=copy_link>"Copy link"</button>
                    <button type="button" on:click=copy_reply>"Copy for reply"</button>
                    <button type="button" on:click=copy_markdown>"Copy as Markdown"</button>
                </div>
            </header>
            <div class="article-layout">
                <Show when=has_toc>
                    <nav class="toc" aria-labelledby="lantern-toc-title">
                        <h2 id="lantern-toc-title">"On this page"</h2>
                        <ol>{toc_items}</ol>
                    </nav>
                </Show>
                <div class="article-main">
                    {move || match body.get() {
                        None => view! { <p class="loading" aria-busy="true">"Loading the article…"</p> }.into_any(),
                        Some(Err(error)) => view! { <p class="error" role="alert">{error.0}" Reload the page to try again."</p> }.into_any(),
                        Some(Ok(_)) => ().into_any(),
                    }}
                    <div class="article-body" node_ref=body_ref on:click=body_click></div>
                    <aside class="still-stuck-box" aria-labelledby="still-stuck-title">
                        <h2 id="still-stuck-title">"Still stuck?"</h2>
                        <p>"If these steps did not fix it, tell support. They will see that you read this article."</p>
                        <a class="button contact-support" href=ticket_href>"Contact support"</a>
                    </aside>
                    <aside class="related" aria-labelledby="lantern-related-title">
                        <h2 id="lantern-related-title">"Related articles"</h2>
                        <ul>{related}</ul>
                    </aside>
                </div>
            </div>
        </article>
    }
}
