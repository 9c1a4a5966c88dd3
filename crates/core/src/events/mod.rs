//! Signals from the front (issue 17), the parts that need no browser: what
//! a query may say once it leaves the device ([`redact`]) and which
//! searches count ([`commit`]). The app calls them; the schema they feed
//! is docs/events.md.

pub mod commit;
pub mod redact;

pub use commit::{Commits, Committed, How};
pub use redact::redact;
