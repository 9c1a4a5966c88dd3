//! The toast: a polite live region that says what a button just did
//! ("Link copied"), shown for a few seconds and read out by screen readers.

use std::time::Duration;

use leptos::prelude::*;

/// A polite live region's text: what a copy button just did, shown as a
/// toast and read out by screen readers.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(&self, message: impl Into<String>) {
        let signal = self.0;
        let message = message.into();
        signal.set(message.clone());
        crate::web::timer::after(Duration::from_secs(4), move || {
            if signal.get_untracked() == message {
                signal.set(String::new());
            }
        });
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

/// The toast itself, once per page (the app shell draws it).
#[component]
pub fn Toast(announcer: Announcer) -> impl IntoView {
    view! {
        <div class="toast" role="status" aria-live="polite" aria-atomic="true" class:visible=move || !announcer.0.read().is_empty()>
            {move || announcer.0.get()}
        </div>
    }
}
