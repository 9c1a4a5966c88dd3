//! What the visit adds to the ticket, shown before sending, each part with
//! a box to leave it out.

use lantern_core::ticket::{ContextPart, TicketContext, TicketDraft};
use leptos::prelude::*;

#[component]
pub fn ContextPreview(
    context: RwSignal<TicketContext>,
    draft: RwSignal<TicketDraft>,
) -> impl IntoView {
    let parts = move || {
        context.with(|c| {
            ContextPart::ALL
                .into_iter()
                .filter_map(|p| c.describe(p).map(|text| (p, text)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="context-preview">
            <legend>"Sent with your ticket, so support does not have to ask"</legend>
            <p class="hint">"Untick anything you would rather not share."</p>
            <ul>
                {move || parts().into_iter().map(|(part, text)| view! { <ContextItem part text draft/> }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn ContextItem(part: ContextPart, text: String, draft: RwSignal<TicketDraft>) -> impl IntoView {
    let id = format!("context-{}", part.id());
    let included = move || draft.with(|d| !d.removed_context.contains(&part));
    let toggle = move |e| {
        let keep = event_target_checked(&e);
        draft.update(|d| {
            d.removed_context.retain(|p| *p != part);
            if !keep {
                d.removed_context.push(part);
            }
        });
    };
    view! {
        <li>
            <input type="checkbox" id=id.clone() prop:checked=included on:change=toggle/>
            <label for=id>
                <span class="context-label">{part.label()}": "</span>
                <span class="context-value">{text}</span>
            </label>
        </li>
    }
}
