//! The shell: loads the catalog once, then routes between pages.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::dom::{focus_search, Announcer};
use crate::pages::{article::ArticlePage, home::Home, not_found::NotFound};
use crate::search_box::SearchBox;
use crate::site::{detect_root, fetch_catalog, Site};

#[component]
pub fn App() -> impl IntoView {
    let root = detect_root();
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);

    // `/` jumps to the search box from anywhere, unless the user is typing.
    let shortcut = window_event_listener(ev::keydown, |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
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

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        {move || match catalog.get() {
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
                provide_context(Site { catalog, root: root.clone() });
                view! { <Routed/> }.into_any()
            }
        }}
        <div class="toast" role="status" aria-live="polite" aria-atomic="true" class:visible=move || !announcer.0.read().is_empty()>
            {move || announcer.0.get()}
        </div>
    }
}

#[component]
fn Routed() -> impl IntoView {
    let site = crate::site::use_site();
    view! {
        <Router base=site.root.clone()>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound slug=String::new()/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/index.html") view=Home/>
                    <Route path=path!("/a/:slug") view=ArticlePage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{site.catalog.site.name.clone()} " · Press " <kbd>"/"</kbd> " to search from any page"</p>
            </footer>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let site = crate::site::use_site();
    let location = use_location();
    let home = format!("{}/", site.root);
    let on_home = move || {
        let path = location.pathname.get();
        let rest = path.strip_prefix(site.root.as_str()).unwrap_or(&path);
        rest.is_empty() || rest == "/" || rest == "/index.html"
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
