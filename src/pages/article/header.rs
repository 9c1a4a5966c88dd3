//! The top of an article: breadcrumbs, title, summary, when it was
//! updated, whether it is due for review, and the agents' copy actions.

use lantern_core::ArticleMeta;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{reply_markdown, reply_text};
use crate::site::{today, use_site};
use crate::urls;
use crate::web::clipboard::copy_to_clipboard;

#[component]
pub fn ArticleHeader(meta: ArticleMeta) -> impl IntoView {
    let site = use_site();
    let category_href = urls::category(site.root, &meta.category);
    let category_name = site.category_name(&meta.category);
    let has_category = !meta.category.is_empty();
    let overdue = meta.review_overdue(&today());
    let home = urls::home(site.root);
    let updated = meta.updated.clone().map(|iso| {
        let shown = local_date(&iso).unwrap_or_else(|| iso.clone());
        view! { <span>"Updated " <time datetime=iso>{shown}</time></span> }
    });
    view! {
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
            <p class="meta">{updated}</p>
            <Show when=move || overdue>
                <p class="review-note">
                    <span class="badge badge-warning">"Review overdue"</span>
                    " "
                    <span>"This article is due for review; the steps may be out of date."</span>
                </p>
            </Show>
            <ShareActions meta=meta.clone()/>
        </header>
    }
}

/// The agents' copy buttons, one compact row.
#[component]
fn ShareActions(meta: ArticleMeta) -> impl IntoView {
    let site = use_site();
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
    view! {
        <div class="actions" role="group" aria-label="Share this article">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=copy_reply>"Copy for reply"</button>
            <button type="button" on:click=copy_markdown>"Copy as Markdown"</button>
        </div>
    }
}

/// A `YYYY-MM-DD` date as the reader's browser writes dates ("Oct 14,
/// 2026", "14.10.2026"), or `None` when it is not a real date.
pub fn local_date(iso: &str) -> Option<String> {
    let mut parts = iso.splitn(3, '-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: i32 = parts.next()?.parse().ok()?;
    let day: i32 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Local midnight, formatted in local time: the same calendar day in
    // every time zone.
    let date = js_sys::Date::new_with_year_month_day(year, month - 1, day);
    if date.get_date() as i32 != day {
        return None; // 2026-02-30 rolled over into March
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    format
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()?
        .as_string()
}
