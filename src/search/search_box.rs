//! The search box: a WAI-ARIA combobox with a listbox of results, ranked by
//! the engine in `lantern-core` as the user types. Its state and actions
//! are `box_state`, its keys `keyboard`, its list `result_list`.

use lantern_core::events::How;
use leptos::prelude::*;

use super::box_state::SearchBoxState;
use super::correction::CorrectionLine;
use super::filter_bar::FilterBar;
use super::filters::SearchFilters;
use super::keyboard::on_keydown;
use super::panel::{PanelMessages, PartialNotice};
use super::result_list::ResultList;
use super::show_more::ShowMore;
use super::url_state::SearchUrl;
use super::HOME_PLACEHOLDER;
use crate::web::dom::focus_stays_in;

#[component]
pub fn SearchBox(
    /// The query, owned by the page so it can react to it.
    query: RwSignal<String>,
    /// Whether its words are searched as typed, typos not corrected
    /// (kept in the address with `url`); the box's own without it.
    #[prop(optional)]
    exact: Option<RwSignal<bool>>,
    /// A smaller box for the page header, its results a dropdown that
    /// closes when the user moves on.
    #[prop(optional)]
    compact: bool,
    /// The address the query and filters are kept in (the home page's).
    #[prop(optional)]
    url: Option<SearchUrl>,
    #[prop(optional)] autofocus: bool,
    /// Category and tag filters, shown as chips above the results (and
    /// kept in the address with `url`).
    #[prop(optional)]
    filters: Option<SearchFilters>,
) -> impl IntoView {
    let exact = exact.unwrap_or_else(|| RwSignal::new(false));
    let state = SearchBoxState::new(query, exact, compact, url, filters);
    let contact_href = Signal::derive(move || state.contact_href());
    let partial = Signal::derive(move || state.expanded() && state.ranked.partial.get());
    if autofocus {
        state.focus_when_drawn();
    }
    let box_ref = NodeRef::<leptos::html::Div>::new();
    // A click elsewhere, or the focus going anywhere outside the box.
    let on_focusout = move |event: web_sys::FocusEvent| {
        if let Some(container) = box_ref.get_untracked() {
            if !focus_stays_in(&container, &event) {
                state.combobox.close();
                state.commit(How::Leave);
            }
        }
    };
    // The dropdown keeps the focus in the box, so a click on a result is
    // not lost to the dropdown closing under it.
    // "Contact support" from the results: the search goes with the ticket.
    let to_ticket = move |event: web_sys::MouseEvent| {
        let link =
            crate::web::dom::closest(&event, "a[href]").and_then(|a| a.get_attribute("href"));
        if link.is_some_and(|href| crate::urls::is_ticket_path(state.site.root, &href)) {
            state.commit(How::Ticket);
        }
    };
    let keep_focus = move |event: web_sys::MouseEvent| {
        if compact {
            event.prevent_default();
        }
    };
    let on_filter_change = Callback::new(move |()| state.write_url());
    let show_filters =
        move || state.expanded() && (state.filtered() || state.ranked.pool.with(|m| !m.is_empty()));
    let label = if compact {
        "Site search"
    } else {
        "Search help articles"
    };
    view! {
        <div class="search" class:compact=compact role="search" aria-label=label
            node_ref=box_ref on:focusout=on_focusout>
            <SearchInput state=state/>
            {filters.map(|f| view! {
                <Show when=show_filters>
                    <FilterBar filters=f pool=state.ranked.pool on_change=on_filter_change input_id=state.combobox.input_id/>
                </Show>
            })}
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || state.ranked.status(state.site, &query.read(), filters)}
            </p>
            <div class="search-panel" hidden=move || !state.shown() on:mousedown=keep_focus on:click=to_ticket>
                <CorrectionLine state=state/>
                <PartialNotice partial=partial contact_href=contact_href/>
                <ResultList state=state/>
                {(!compact).then(|| view! {
                    <ShowMore more=state.ranked.more on_more=Callback::new(move |keys| state.show_more(keys))/>
                })}
                <PanelMessages
                    expanded=Signal::derive(move || state.expanded())
                    empty=Signal::derive(move || state.ranked.shown.with(Vec::is_empty))
                    partial=partial
                    filter_hides_all=Signal::derive(move || state.filter_hides_all())
                    unfiltered=Signal::derive(move || state.ranked.pool.with(Vec::len))
                    contact_href=contact_href
                    filters=filters
                    input_id=state.combobox.input_id
                    on_filter_change=on_filter_change
                />
            </div>
        </div>
    }
}

/// The input itself, with its label.
#[component]
fn SearchInput(state: SearchBoxState) -> impl IntoView {
    let combobox = state.combobox;
    let open = combobox.open;
    let placeholder = if combobox.compact {
        "Search help…"
    } else {
        HOME_PLACEHOLDER
    };
    view! {
        <label class="visually-hidden" for=combobox.input_id>"Search help articles"</label>
        <input
            id=combobox.input_id
            node_ref=combobox.input
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            placeholder=placeholder
            aria-autocomplete="list"
            aria-controls=combobox.listbox_id
            aria-expanded=move || if state.shown() { "true" } else { "false" }
            aria-activedescendant=move || combobox.active.get().map(|i| combobox.option_id(i))
            prop:value=move || state.query.get()
            on:input=move |event| state.on_input(event_target_value(&event))
            on:focus=move |_| open.set(true)
            on:click=move |_| open.set(true)
            on:keydown=move |event| on_keydown(state, event)
        />
    }
}
