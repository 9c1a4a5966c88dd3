//! An unknown page: say so plainly and search for what the link named.

use leptos::prelude::*;

use crate::search::SearchBox;
use crate::site::use_site;
use crate::urls;
use crate::web::dom::current_path;

/// Words of a slug, to search for: `vpn-wont-connect` becomes `vpn wont connect`.
pub fn query_from_slug(slug: &str) -> String {
    slug.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn NotFound(slug: String) -> impl IntoView {
    let site = use_site();
    super::set_title("Page not found", &site.catalog.site.name);
    let slug = if slug.is_empty() {
        urls::last_segment(&current_path()).to_string()
    } else {
        slug
    };
    let query = RwSignal::new(query_from_slug(&slug));
    let home = urls::home(site.root);
    view! {
        <section class="not-found">
            <h1>"We could not find that article"</h1>
            <p>
                "The link may be old or mistyped. Here is what we have for "
                <strong>{query_from_slug(&slug)}</strong>
                ":"
            </p>
            <SearchBox query=query autofocus=true/>
            <p><a href=home>"Go to the help center home"</a></p>
        </section>
    }
}
