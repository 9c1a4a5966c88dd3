//! The article's body: fetched, shown, enhanced with copy buttons, and
//! read for the table of contents. The element starts empty for every
//! article (never the previous one's body), and a failed load says so
//! plainly with a way to try again.

use leptos::prelude::*;

use crate::site::{use_site, Site};
use crate::web::article_body::{enhance_article_body, mark_print_targets, TocEntry};
use crate::web::clipboard::copy_to_clipboard;
use crate::web::dom::{closest, scroll_to_hash};
use crate::web::network::fetch_article_body;

#[component]
pub fn ArticleBody(slug: String, toc: RwSignal<Vec<TocEntry>>) -> impl IntoView {
    let site = use_site();
    let body = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { fetch_article_body(site.root, &slug).await }
        })
    };
    let body_ref = NodeRef::<leptos::html::Div>::new();
    let article_url = site.article_url(&slug, None);
    Effect::new(move |_| {
        let Some(element) = body_ref.get() else {
            return;
        };
        match body.get() {
            Some(Ok(html)) => {
                element.set_inner_html(&html);
                mark_print_targets(&element, &article_url);
                toc.set(enhance_article_body(&element));
                // After the table of contents is drawn, which moves the
                // body down on narrow screens.
                request_animation_frame(scroll_to_hash);
            }
            // Loading or failed: the element may still hold the body of
            // the article shown before (the view is reused in place).
            _ => {
                element.set_inner_html("");
                toc.set(Vec::new());
            }
        }
    });
    let status = move || match body.get() {
        None => view! { <p class="loading" aria-busy="true">"Loading the article…"</p> }.into_any(),
        Some(Err(error)) => view! {
            <div class="load-failed" role="alert">
                <p>{error.0}</p>
                <button type="button" on:click=move |_| body.refetch()>"Retry"</button>
            </div>
        }
        .into_any(),
        Some(Ok(_)) => ().into_any(),
    };
    let on_click = move |event| on_body_click(site, &slug, event);
    view! {
        {status}
        <div class="article-body" node_ref=body_ref on:click=on_click></div>
    }
}

/// One click handler for the buttons `enhance_article_body` adds.
fn on_body_click(site: Site, slug: &str, event: web_sys::MouseEvent) {
    if let Some(button) = closest(&event, "[data-copy-heading]") {
        let heading = button
            .get_attribute("data-copy-heading")
            .unwrap_or_default();
        copy_to_clipboard(
            site.article_url(slug, Some(&heading)),
            "Section link copied",
        );
    } else if let Some(button) = closest(&event, "[data-copy-code]") {
        let code = button
            .parent_element()
            .and_then(|pre| pre.query_selector("code").ok().flatten());
        let text = code.and_then(|c| c.text_content()).unwrap_or_default();
        copy_to_clipboard(text, "Code copied");
    }
}
