//! Waiting for a pause: the address bar follows typing, and the results
//! page remembers its place, only once the user stops for a moment.

use std::time::Duration;

use leptos::prelude::*;

/// Runs the latest call once no other has come for `delay`. Dropped
/// with the component that made it, so nothing runs after it has gone.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    delay: Duration,
}

impl Debounce {
    pub fn new(delay: Duration) -> Self {
        let this = Self {
            pending: StoredValue::new(None),
            delay,
        };
        on_cleanup(move || this.cancel());
        this
    }

    /// Runs `f` after the delay, unless another call comes first.
    pub fn call(&self, f: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(f, self.delay);
        self.pending.set_value(handle.ok());
    }

    pub fn cancel(&self) {
        if let Some(Some(handle)) = self.pending.try_get_value() {
            handle.clear();
        }
    }
}
