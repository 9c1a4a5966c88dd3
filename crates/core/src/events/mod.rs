//! Signals from the front (issue 17), the parts that need no browser: what
//! a query may say once it leaves the device ([`redact`]), which searches
//! count ([`commit`]) and the events themselves ([`schema`]), which the
//! app sends and `lantern report` reads, and where they go ([`config`],
//! the `[events]` section). The schema is docs/events.md.

pub mod commit;
pub mod config;
pub mod queue;
pub mod redact;
pub mod schema;

pub use commit::{Commits, Committed, How};
pub use config::EventsConfig;
pub use redact::redact;
pub use schema::{Event, What, SCHEMA_VERSION};
