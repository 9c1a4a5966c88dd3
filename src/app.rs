//! The shell: loads the catalog once, then routes between pages.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::dom::{focus_search, use_announcer, Announcer};
use crate::early_search::{hand_over_query, is_home_path, on_home_page, EarlySearch};
use crate::pages::{article::ArticlePage, home::Home, not_found::NotFound};
use crate::search_box::SearchBox;
use crate::site::{detect_root, fetch_catalog, Site};
use crate::ticket::outbound::{use_outbound, Outbound};
use crate::ticket::visit;

/// A page's view, chosen by the bundle (see `start`).
pub type PageView = fn() -> AnyView;

#[component]
pub fn App(ticket_page: PageView) -> impl IntoView {
    let root = detect_root();
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);

    // `/` jumps to the search box from anywhere, unless the user is typing.
    let shortcut = window_event_listener(ev::keydown, |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| crate::dom::is_text_entry(&el));
        if event.key() == "/"
            && !typing
            && !event.ctrl_key()
            && !event.meta_key()
            && !event.alt_key()
        {
            event.prevent_default();
            focus_search();
        }
    });
    on_cleanup(move || shortcut.remove());

    let fetch_root = root.clone();
    let catalog = LocalResource::new(move || {
        let root = fetch_root.clone();
        async move { fetch_catalog(&root).await.map(Arc::new) }
    });

    let early_root = root.clone();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        {move || match catalog.get() {
            None if on_home_page(&early_root) => view! { <EarlySearch root=early_root.clone()/> }.into_any(),
            None => view! { <p class="loading" aria-busy="true">"Loading the help center…"</p> }.into_any(),
            Some(Err(error)) => view! {
                <main id="main" class="page load-error">
                    <h1>"The help center could not load"</h1>
                    <p>{error.0}</p>
                    <p>"Check your connection and reload the page. If you are offline, call the service desk."</p>
                </main>
            }
            .into_any(),
            Some(Ok(catalog)) => {
                hand_over_query();
                provide_context(Site { catalog, root: root.clone() });
                view! { <Routed ticket_page/> }.into_any()
            }
        }}
        <div class="toast" role="status" aria-live="polite" aria-atomic="true" class:visible=move || !announcer.0.read().is_empty()>
            {move || announcer.0.get()}
        </div>
    }
}

#[component]
fn Routed(ticket_page: PageView) -> impl IntoView {
    let site = crate::site::use_site();
    // Tickets left in the outbox by an earlier visit go out from any page.
    let on_ticket_page = window()
        .location()
        .pathname()
        .is_ok_and(|path| visit::is_ticket_path(&site.root, &path));
    provide_context(Outbound::start(
        site.root.clone(),
        site.catalog.ticket.webhook.clone(),
        use_announcer(),
        on_ticket_page,
    ));
    let ticket_href = format!("{}/ticket/", site.root);
    view! {
        <Router base=site.root.clone()>
            <VisitTracker/>
            <Header/>
            <OutboxBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound slug=String::new()/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/index.html") view=Home/>
                    <Route path=path!("/a/:slug") view=ArticlePage/>
                    // The file `lantern build` writes for an article, as some
                    // hosts and bookmarks address it.
                    <Route path=path!("/a/:slug/index.html") view=ArticlePage/>
                    <Route path=path!("/ticket") view=ticket_page/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    {site.catalog.site.name.clone()} " · Press " <kbd>"/"</kbd> " to search from any page · "
                    <a href=ticket_href rel="external">"Contact support"</a>
                </p>
            </footer>
        </Router>
    }
}

/// Remembers the last page before the ticket form, for the ticket's context.
#[component]
fn VisitTracker() -> impl IntoView {
    let site = crate::site::use_site();
    let location = use_location();
    visit::note_page_before_ticket_links(site.root.clone());
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        if !visit::is_ticket_path(&site.root, &path) {
            let search = if search.is_empty() || search.starts_with('?') {
                search
            } else {
                format!("?{search}")
            };
            // The published address (base_url) when set, as for copied links.
            let url = format!("{}{search}", site.public_url(&path));
            visit::record_page(&site.root, &url);
        }
    });
}

/// Tells the user, on every page, that a ticket is still waiting to go.
#[component]
fn OutboxBanner() -> impl IntoView {
    let site = crate::site::use_site();
    let outbound = use_outbound();
    let location = use_location();
    let waiting = move || {
        outbound.outbox.with(|o| {
            o.entries
                .iter()
                .filter(|e| e.failed_attempts > 0)
                .map(|e| e.payload.reference.clone())
                .collect::<Vec<_>>()
        })
    };
    let on_its_page = move |reference: &str| location.search.get().contains(reference);
    move || {
        let waiting = waiting();
        let first = waiting.first()?.clone();
        if waiting.len() == 1 && on_its_page(&first) {
            return None;
        }
        let href = format!("{}/ticket/?ref={first}", site.root);
        let text = if waiting.len() == 1 {
            "1 support ticket is waiting to be sent. It is saved on this device and will be sent automatically.".to_string()
        } else {
            format!("{} support tickets are waiting to be sent. They are saved on this device and will be sent automatically.", waiting.len())
        };
        Some(view! {
            <div class="outbox-banner" role="status">
                <p>{text} " " <a href=href rel="external">"See details"</a></p>
            </div>
        })
    }
}

#[component]
fn Header() -> impl IntoView {
    let site = crate::site::use_site();
    let location = use_location();
    let home = format!("{}/", site.root);
    let on_home = move || {
        location
            .pathname
            .with(|path| is_home_path(&site.root, path))
    };
    view! {
        <header class="site-header">
            <a class="brand" href=home>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {site.catalog.site.name.clone()}
            </a>
            <Show when=move || !on_home()>
                <div class="header-search">
                    <SearchBox query=RwSignal::new(String::new()) compact=true/>
                </div>
            </Show>
        </header>
    }
}
