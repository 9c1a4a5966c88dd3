//! The box's keys: arrows move through the results, Enter opens one, Tab
//! and Escape close the header's dropdown, Escape clears the query.

use super::box_state::SearchBoxState;
use lantern_core::events::How;
use leptos::prelude::*;

pub fn on_keydown(state: SearchBoxState, event: web_sys::KeyboardEvent) {
    let combobox = state.combobox;
    let count = state.ranked.shown.with_untracked(Vec::len);
    match event.key().as_str() {
        "ArrowDown" | "ArrowUp" if count > 0 => {
            event.prevent_default();
            combobox.step(count, event.key() == "ArrowDown");
        }
        "Enter" => {
            let pick = combobox.active.get_untracked().unwrap_or(0);
            match state.ranked.shown.with_untracked(|r| r.get(pick).cloned()) {
                Some(row) => {
                    event.prevent_default();
                    state.open_row(&row, How::Enter);
                }
                None => state.commit(How::Enter),
            }
        }
        // The focus moves on; the dropdown goes, the query stays.
        "Tab" => combobox.close(),
        "Escape" if combobox.compact && state.shown() => {
            event.prevent_default();
            combobox.close();
        }
        "Escape" => {
            event.prevent_default();
            state.clear();
        }
        _ => {}
    }
}
