//! Tickets filed from the help center when no article fixed the problem:
//! the form's data, its checks, the forms a ticket is delivered in, and the
//! outbox that keeps it until a receiver has it. Plain Rust; the app adds
//! storage, network and the page.

pub mod attachment;
mod config;
pub mod delivery;
pub mod draft;
pub mod handoff;
pub mod held;
pub mod outbox;
pub mod queued;
pub mod reference;
pub mod stored;
pub mod validate;

pub use config::{
    Channel, GithubConfig, StaticHeader, TicketConfig, WebhookConfig, MAX_ATTACHMENT_KIB_LIMIT,
};
pub use delivery::{CategoryRef, SiteRef, TicketPayload, SCHEMA_VERSION};
pub use draft::{
    ArticleVisit, Attachment, ContextPart, Field, TicketContext, TicketDraft, Urgency,
};
pub use handoff::Handoffs;
pub use held::Held;
pub use outbox::{Outbox, OutboxEntry, SentTicket};
pub use queued::QueuedTicket;
pub use reference::reference_from;
pub use validate::{validate, FieldError};
