//! Timers. Every timer in the app goes through [`after`], which clamps
//! the delay: a browser timer holds a signed 32-bit count of milliseconds
//! (about 24.9 days), and Leptos throws on a longer one, which aborts the
//! app (issue 20: a ticket due 30 days ahead blanked the ticket pages).
//! And waiting for a pause: the address bar follows typing, and the
//! results page remembers its place, only once the user stops for a moment.

use std::time::Duration;

use leptos::prelude::*;

/// The longest delay `setTimeout` takes: 2^31 - 1 ms.
pub const MAX_DELAY: Duration = Duration::from_millis(i32::MAX as u64);

/// Runs `f` after `delay` (at most [`MAX_DELAY`]); the handle clears it.
pub fn after(delay: Duration, f: impl FnOnce() + 'static) -> Option<TimeoutHandle> {
    set_timeout_with_handle(f, delay.min(MAX_DELAY)).ok()
}

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
        self.pending.set_value(after(self.delay, f));
    }

    pub fn cancel(&self) {
        if let Some(Some(handle)) = self.pending.try_get_value() {
            handle.clear();
        }
    }
}
