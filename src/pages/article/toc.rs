//! "On this page": the article's headings. A sidebar on wide screens; on
//! small ones a closed disclosure, so the first screen shows the steps.

use leptos::ev;
use leptos::prelude::*;

use crate::web::article_body::TocEntry;
use crate::web::dom::media_matches;

/// Below this width the contents start closed.
const WIDE: &str = "(min-width: 700px)";

fn is_wide() -> bool {
    media_matches(WIDE)
}

#[component]
pub fn TableOfContents(entries: RwSignal<Vec<TocEntry>>) -> impl IntoView {
    // Open on wide screens, closed on small ones; follows the screen when
    // it crosses the threshold (a rotated tablet), and otherwise leaves
    // the reader's own choice alone.
    let wide = RwSignal::new(is_wide());
    let resize = window_event_listener(ev::resize, move |_| {
        let now = is_wide();
        if now != wide.get_untracked() {
            wide.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    let items = move || {
        entries
            .get()
            .into_iter()
            .map(|h| {
                let href = format!("#{}", h.id);
                let class = if h.level == 3 { "toc-sub" } else { "" };
                view! { <li class=class><a href=href>{h.text}</a></li> }
            })
            .collect_view()
    };
    view! {
        <nav class="toc" aria-labelledby="lantern-toc-title">
            <details prop:open=move || wide.get()>
                <summary id="lantern-toc-title">"On this page"</summary>
                <ol>{items}</ol>
            </details>
        </nav>
    }
}
