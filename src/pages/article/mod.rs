//! An article: breadcrumbs, title, dates, actions for agents, table of
//! contents, the body, and related articles. Each part is a small module.

mod body;
mod header;
mod helpful;
mod toc;

use lantern_core::ArticleMeta;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::not_found::NotFound;
use crate::site::use_site;
use crate::urls;
use crate::web::article_body::TocEntry;
use crate::web::dom::current_hash;
use body::ArticleBody;
use header::ArticleHeader;
use helpful::{SuggestEdit, WasThisHelpful};
use toc::TableOfContents;

pub use header::local_date;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    let navigate = use_navigate();
    move || {
        let slug = params.with(|p| p.get(urls::SLUG).unwrap_or_default());
        match site.catalog.resolve(&slug) {
            None => view! { <NotFound slug=slug/> }.into_any(),
            Some((meta, via_alias)) => {
                if via_alias {
                    // An old link: move the address bar to the current slug,
                    // keeping the heading the link pointed at.
                    let href =
                        format!("{}{}", urls::article(site.root, &meta.slug), current_hash());
                    navigate(
                        &href,
                        NavigateOptions {
                            resolve: false,
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
        site.root,
        lantern_core::ticket::ArticleVisit {
            slug: meta.slug.clone(),
            title: meta.title.clone(),
            url: site.article_url(&meta.slug, None),
            not_helpful: None,
        },
    );
    crate::events::viewed(&meta.slug);
    // The table of contents is read off the body once it is in: the
    // catalog does not carry every article's headings.
    let toc = RwSignal::new(Vec::<TocEntry>::new());
    // Without one, the body takes the whole width (no empty sidebar).
    let has_toc = move || toc.with(|t| t.len() > 1);
    view! {
        <article class="article" aria-labelledby="lantern-article-title">
            <ArticleHeader meta=meta.clone()/>
            <div class="article-layout" class:with-toc=has_toc>
                <Show when=has_toc>
                    <TableOfContents entries=toc/>
                </Show>
                <div class="article-main">
                    <ArticleBody slug=meta.slug.clone() toc=toc/>
                    <WasThisHelpful slug=meta.slug.clone()/>
                    <SuggestEdit meta=meta.clone()/>
                    <StillStuck/>
                    <RelatedArticles slug=meta.slug/>
                </div>
            </div>
        </article>
    }
}

/// Under the steps: the way to support, for when they did not help.
#[component]
fn StillStuck() -> impl IntoView {
    let site = use_site();
    view! {
        <aside class="still-stuck-box" aria-labelledby="still-stuck-title">
            <h2 id="still-stuck-title">"Still stuck?"</h2>
            <p>"If these steps did not fix it, tell support. They will see that you read this article."</p>
            <a class="button contact-support" href=urls::ticket(site.root) rel="external">"Contact support"</a>
        </aside>
    }
}

#[component]
fn RelatedArticles(slug: String) -> impl IntoView {
    let site = use_site();
    let related = site
        .catalog
        .related(&slug, 4)
        .into_iter()
        .map(|a| view! {
            <li><a href=urls::article(site.root, &a.slug) on:click=|_| crate::events::following_related()>{a.title.clone()}</a></li>
        })
        .collect_view();
    view! {
        <aside class="related" aria-labelledby="lantern-related-title">
            <h2 id="lantern-related-title">"Related articles"</h2>
            <ul>{related}</ul>
        </aside>
    }
}
