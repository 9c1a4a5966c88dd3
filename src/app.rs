//! The shell: loads the catalog once, then routes between pages, with
//! the header, footer and banners every page has.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;

use crate::announcer::{use_announcer, Announcer, Toast};
use crate::pages::{article::ArticlePage, home::Home, not_found::NotFound};
use crate::search::early_search::{provide_early_text, EarlySearch};
use crate::search::{focus_search, QueryLog, SearchBox};
use crate::site::{detect_root, use_site, Site};
use crate::ticket::outbound::{use_outbound, Outbound};
use crate::ticket::visit;
use crate::urls::{self, route};
use crate::web::{dom, network};

/// A page's view, chosen by the bundle (see `start`).
pub type PageView = fn() -> AnyView;

/// The app, given what was typed into the prerendered home page's box
/// before it started, and what its `/ticket` route shows (see `start`).
#[component]
pub fn App(typed: String, ticket_page: PageView) -> impl IntoView {
    let root = detect_root();
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    // What the user searches goes with a ticket, if they file one.
    provide_context(QueryLog(visit::record_query));
    provide_early_text(typed);
    slash_jumps_to_search();
    let site = LocalResource::new(move || async move {
        let catalog = network::fetch_catalog(root).await?;
        Ok::<_, network::LoadError>(Site::new(catalog, root))
    });
    view! {
        <Router base=root>
            <a class="skip-link" href="#main">"Skip to content"</a>
            {move || match site.get() {
                None if urls::is_home_path(root, &dom::current_path()) => view! { <EarlySearch root=root/> }.into_any(),
                None => view! { <p class="loading" aria-busy="true">"Loading the help center…"</p> }.into_any(),
                Some(Err(error)) => view! { <LoadFailed error=error/> }.into_any(),
                Some(Ok(site)) => {
                    provide_context(site);
                    view! { <Routed ticket_page/> }.into_any()
                }
            }}
            <Toast announcer=announcer/>
        </Router>
    }
}

/// `/` jumps to the search box from anywhere, unless the user is typing.
fn slash_jumps_to_search() {
    let shortcut = window_event_listener(ev::keydown, |event| {
        let modified = event.ctrl_key() || event.meta_key() || event.alt_key();
        if event.key() == "/" && !modified && !dom::in_text_entry(&event) {
            event.prevent_default();
            focus_search();
        }
    });
    on_cleanup(move || shortcut.remove());
}

#[component]
fn LoadFailed(error: network::LoadError) -> impl IntoView {
    view! {
        <main id="main" class="page load-error">
            <h1>"The help center could not load"</h1>
            <p>{error.0}</p>
            <p>"Check your connection and reload the page. If you are offline, call the service desk."</p>
        </main>
    }
}

#[component]
fn Routed(ticket_page: PageView) -> impl IntoView {
    let site = use_site();
    // Signals for the support team, when the site collects them.
    crate::events::start(site.root, site.catalog.events.as_ref());
    // Tickets left in the outbox by an earlier visit go out from any page.
    provide_context(Outbound::start(
        site.root.to_string(),
        site.catalog.ticket.webhook.clone(),
        use_announcer(),
        urls::is_ticket_path(site.root, &dom::current_path()),
    ));
    view! {
        <VisitTracker/>
            <Header/>
            <OutboxBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound slug=String::new()/> }>
                    <Route path=route::HOME view=Home/>
                    <Route path=route::HOME_FILE view=Home/>
                    <Route path=route::ARTICLE view=ArticlePage/>
                    <Route path=route::ARTICLE_FILE view=ArticlePage/>
                    <Route path=route::TICKET_FORM view=ticket_page/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    {site.catalog.site.name.clone()} " · Press " <kbd>"/"</kbd> " to search from any page · "
                    <a href=urls::ticket(site.root) rel="external">"Contact support"</a>
                    " · " <a href=urls::privacy(site.root) rel="external">"Privacy"</a>
                </p>
                // Filled by the offline worker's page script, when the site
                // has one (crates/cli/src/offline/offline.js).
                <p id="lantern-offline" class="offline-library"></p>
            </footer>
    }
}

/// Remembers the last page before the ticket form, for the ticket's context.
#[component]
fn VisitTracker() -> impl IntoView {
    let site = use_site();
    let location = use_location();
    visit::note_page_before_ticket_links(site.root.to_string());
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        if !urls::is_ticket_path(site.root, &path) {
            let search = if search.is_empty() || search.starts_with('?') {
                search
            } else {
                format!("?{search}")
            };
            // The published address (base_url) when set, as for copied links.
            let url = format!("{}{search}", site.public_url(&path));
            visit::record_page(site.root, &url);
        }
    });
}

/// What the outbox banner says for this many waiting tickets.
fn waiting_text(count: usize) -> String {
    if count == 1 {
        "1 support ticket is waiting to be sent. It is saved on this device and will be sent automatically.".to_string()
    } else {
        format!("{count} support tickets are waiting to be sent. They are saved on this device and will be sent automatically.")
    }
}

/// Tells the user, on every page, that a ticket is still waiting to go.
#[component]
fn OutboxBanner() -> impl IntoView {
    let site = use_site();
    let outbound = use_outbound();
    let location = use_location();
    let waiting = move || {
        outbound.outbox.with(|o| {
            o.entries
                .iter()
                .filter(|e| e.failed_attempts > 0)
                .map(|e| e.payload.reference().to_string())
                .collect::<Vec<_>>()
        })
    };
    let on_its_page = move |reference: &str| location.search.get().contains(reference);
    let damaged = move || outbound.outbox.with(|o| o.unreadable.len());
    let damaged_notice = move || {
        let count = damaged();
        (count > 0).then(|| {
            view! {
                <div class="outbox-banner outbox-damaged" role="status">
                    <p>{damaged_text(count)}</p>
                </div>
            }
        })
    };
    let waiting_notice = move || {
        let waiting = waiting();
        let first = waiting.first()?.clone();
        if waiting.len() == 1 && on_its_page(&first) {
            return None;
        }
        let href = urls::ticket_status(site.root, &first);
        Some(view! {
            <div class="outbox-banner" role="status">
                <p>{waiting_text(waiting.len())} " " <a href=href rel="external">"See details"</a></p>
            </div>
        })
    };
    view! { {damaged_notice} {waiting_notice} }
}

/// What the banner says when stored tickets could not be read (see
/// `lantern_core::ticket::stored`): they are kept, never sent.
fn damaged_text(count: usize) -> String {
    if count == 1 {
        "1 support ticket saved on this device could not be read: its saved copy is damaged, so it cannot be sent. It is kept as it was; if it was yours, write it again or contact support.".to_string()
    } else {
        format!("{count} support tickets saved on this device could not be read: their saved copies are damaged, so they cannot be sent. They are kept as they were; if one was yours, write it again or contact support.")
    }
}

#[component]
fn Header() -> impl IntoView {
    let site = use_site();
    let location = use_location();
    let on_home = move || {
        location
            .pathname
            .with(|path| urls::is_home_path(site.root, path))
    };
    view! {
        <header class="site-header">
            <a class="brand" href=urls::home(site.root)>
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
