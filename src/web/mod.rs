//! The browser, reached through these few modules only, so components
//! and hooks read as plain Leptos and what the app asks of the browser is
//! in one place: `dom` (the page, focus, scrolling, the address),
//! `history` (a history entry's own state), `network` (the index and
//! article bodies), `clipboard`, `timer` (waiting for a pause), and
//! `article_body` (what is done to a rendered article in the page).
//! The ticket feature keeps its storage in `ticket::storage`.

pub mod article_body;
pub mod clipboard;
pub mod dom;
pub mod history;
pub mod network;
pub mod timer;
