//! The filter chips folded to one row, so that the results come first.
//! Chips that do not fit on the first row are hidden (out of the tab order
//! and of what screen readers read, not merely clipped) behind a "More
//! filters +N" toggle that unfolds them all. Pressed chips, and the one
//! with the keyboard focus, always stay on the row.

use crate::web::dom::{has_focus, html_elements};
use leptos::ev;
use leptos::prelude::*;

/// The id of the filter bar, which the toggle controls.
pub const BAR_ID: &str = "search-filters";

/// Hides what of the bar does not fit on its first row (shows everything
/// unless `folded`) and says on the toggle how many chips it hid.
pub fn fold(bar: &web_sys::Element, folded: bool) -> usize {
    let chips = html_elements(bar, ".chip[aria-pressed]");
    let groups = html_elements(bar, ".filter-group");
    let toggle = html_elements(bar, ".filters-toggle").into_iter().next();
    for element in chips.iter().chain(&groups).chain(&toggle) {
        element.set_hidden(false);
    }
    let (Some(first), Some(toggle), true) = (chips.first(), toggle, folded) else {
        return 0;
    };
    let row = first.offset_top();
    let on_row = |e: &web_sys::HtmlElement| e.offset_top() < row + e.offset_height().max(2) / 2;
    let kept = |e: &web_sys::HtmlElement| {
        e.get_attribute("aria-pressed").as_deref() == Some("true") || has_focus(e)
    };
    // Hides the last chip still shown that may go; false if none may.
    let hide_one = || {
        chips
            .iter()
            .rev()
            .find(|c| !c.hidden() && !kept(c))
            .map(|c| c.set_hidden(true))
            .is_some()
    };
    for chip in &chips {
        if !on_row(chip) {
            chip.set_hidden(true);
        }
    }
    for chip in chips.iter().filter(|c| kept(c)) {
        chip.set_hidden(false);
        while !on_row(chip) && hide_one() {}
    }
    let hidden = |chips: &[web_sys::HtmlElement]| chips.iter().filter(|c| c.hidden()).count();
    let count = html_elements(&toggle, ".filters-more-count")
        .into_iter()
        .next();
    if hidden(&chips) == 0 {
        toggle.set_hidden(true);
    } else {
        loop {
            if let Some(count) = &count {
                count.set_text_content(Some(&format!("+{}", hidden(&chips))));
            }
            if on_row(&toggle) || !hide_one() {
                break;
            }
        }
    }
    for group in &groups {
        let shown = html_elements(group, ".chip[aria-pressed]")
            .iter()
            .any(|c| !c.hidden());
        group.set_hidden(!shown);
    }
    hidden(&chips)
}

/// Folds the bar after every change of what it shows (`track` reads the
/// signals it shows) and when the window is resized.
pub fn keep_folded(
    bar: NodeRef<leptos::html::Div>,
    unfolded: RwSignal<bool>,
    track: impl Fn() + 'static,
) {
    let refold = move || {
        request_animation_frame(move || {
            if let Some(bar) = bar.get_untracked() {
                fold(&bar, !unfolded.get_untracked());
            }
        })
    };
    Effect::new(move |_| {
        track();
        unfolded.track();
        let _ = bar.get();
        refold();
    });
    let resize = window_event_listener(ev::resize, move |_| refold());
    on_cleanup(move || resize.remove());
}

/// "More filters +N" / "Fewer filters", at the end of the bar.
#[component]
pub fn FiltersToggle(unfolded: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chip filters-toggle"
            aria-controls=BAR_ID
            aria-expanded=move || if unfolded.get() { "true" } else { "false" }
            on:click=move |_| unfolded.update(|u| *u = !*u)
        >
            <span>{move || if unfolded.get() { "Fewer filters" } else { "More filters" }}</span>
            " "
            <span class="chip-count filters-more-count" hidden=move || unfolded.get()></span>
        </button>
    }
}
