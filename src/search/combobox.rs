//! The box as a WAI-ARIA combobox: which option is active, whether the
//! listbox is open, and the keys that move through it.

use leptos::prelude::*;

use super::{HEADER_INPUT_ID, INPUT_ID};
use crate::web::dom::scroll_into_view_nearest;

/// The combobox's own state. In the header (compact) the listbox is a
/// dropdown, open while the user is in the box; on a page it stays open.
#[derive(Clone, Copy)]
pub struct Combobox {
    pub compact: bool,
    pub input_id: &'static str,
    pub listbox_id: &'static str,
    /// The option the arrow keys are on.
    pub active: RwSignal<Option<usize>>,
    pub open: RwSignal<bool>,
    pub input: NodeRef<leptos::html::Input>,
}

impl Combobox {
    pub fn new(compact: bool) -> Self {
        let (listbox_id, input_id) = if compact {
            ("header-search-results", HEADER_INPUT_ID)
        } else {
            ("search-results", INPUT_ID)
        };
        Self {
            compact,
            input_id,
            listbox_id,
            active: RwSignal::new(None),
            open: RwSignal::new(true),
            input: NodeRef::new(),
        }
    }

    pub fn option_id(&self, i: usize) -> String {
        format!("{}-{i}", self.listbox_id)
    }

    /// Makes option `i` the active one, and shows it.
    pub fn move_to(&self, i: usize) {
        self.open.set(true);
        self.active.set(Some(i));
        // Drawn first (the dropdown may just be opening), then shown.
        let id = self.option_id(i);
        request_animation_frame(move || scroll_into_view_nearest(&id));
    }

    /// Closes the header's dropdown (a page's list stays).
    pub fn close(&self) {
        if self.compact {
            self.open.set(false);
        }
    }

    /// The option after (or before) the active one, round the end.
    pub fn step(&self, count: usize, forward: bool) {
        let active = self.active.get_untracked();
        let next = match (active, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.move_to(next);
    }

    /// The header box's dropdown closes when another page opens under it.
    pub fn close_on_page_change(&self) {
        let location = leptos_router::hooks::use_location();
        let open = self.open;
        Effect::new(move |_| {
            location.pathname.track();
            open.set(false);
        });
    }
}
