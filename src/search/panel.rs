//! What the results panel says around (or instead of) the results: that a
//! filter hides every match, that nothing matched, that no article holds
//! every word (above partial results), and "Still stuck?". Nothing, or
//! only part of the query, found: "Contact support" is the big button.
//! In the header box all of it sits in the dropdown panel, over the page.

use leptos::prelude::*;

use super::filters::{SearchFilters, POOL_LIMIT};
use crate::web::dom::focus_by_id;

#[component]
pub fn PanelMessages(
    /// There is a query (the panel is shown).
    #[prop(into)]
    expanded: Signal<bool>,
    /// No result is shown.
    #[prop(into)]
    empty: Signal<bool>,
    /// The results hold only some of the query's words (`PartialNotice`
    /// offers the ticket above them).
    #[prop(into)]
    partial: Signal<bool>,
    /// A filter is active and hides every match of the query.
    #[prop(into)]
    filter_hides_all: Signal<bool>,
    /// How many matches the query has unfiltered.
    #[prop(into)]
    unfiltered: Signal<usize>,
    /// The ticket form, with the query carried over.
    #[prop(into)]
    contact_href: Signal<String>,
    filters: Option<SearchFilters>,
    /// The search input, which gets the focus back after "Clear filters".
    input_id: &'static str,
    /// Writes the query and filters to the address bar.
    on_filter_change: Callback<()>,
) -> impl IntoView {
    let clear_filters = move |_| {
        if let Some(f) = filters {
            f.clear();
        }
        on_filter_change.run(());
        focus_by_id(input_id);
    };
    view! {
        <Show when=move || expanded.get() && filter_hides_all.get()>
            <div class="filter-empty">
                <p>"Nothing matches with this filter."</p>
                <button type="button" class="button primary" on:click=clear_filters>
                    {move || match unfiltered.get() {
                        1 => "Clear filters and show the 1 match".to_string(),
                        n if n >= POOL_LIMIT => "Clear filters and show all matches".to_string(),
                        n => format!("Clear filters and show all {n} matches"),
                    }}
                </button>
            </div>
        </Show>
        <Show when=move || expanded.get() && empty.get() && !filter_hides_all.get()>
            <div class="no-results">
                <p>"Try fewer words, another spelling, or the exact error message."</p>
                <ContactSupport contact_href=contact_href/>
            </div>
        </Show>
        <Show when=move || expanded.get() && !partial.get() && (!empty.get() || filter_hides_all.get())>
            <p class="still-stuck">"Still stuck? " <a class="contact-support" href=move || contact_href.get() rel="external">"Contact support"</a></p>
        </Show>
    }
}

/// Above results that hold only some of the query's words: that no
/// article holds them all, and the ticket as prominent as when nothing
/// matched.
#[component]
pub fn PartialNotice(
    /// The results shown are partial.
    #[prop(into)]
    partial: Signal<bool>,
    #[prop(into)] contact_href: Signal<String>,
) -> impl IntoView {
    view! {
        <Show when=move || partial.get()>
            <div class="partial-results">
                <p>"No article matches all of your words."</p>
                <ContactSupport contact_href=contact_href/>
                <p class="partial-lead">"Articles that match some of them:"</p>
            </div>
        </Show>
    }
}

/// The big "Contact support" button, the query carried over.
#[component]
fn ContactSupport(contact_href: Signal<String>) -> impl IntoView {
    view! {
        <p>
            <a class="button primary contact-support" href=move || contact_href.get() rel="external">"Contact support"</a>
            " Your search is carried over, so you do not have to type it again."
        </p>
    }
}
