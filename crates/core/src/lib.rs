//! Lantern's plain-Rust heart: the article model, markdown rendering and the
//! search engine. The same code runs in the browser (wasm), in the `lantern`
//! CLI and in the benchmarks.
//!
//! The `authoring` feature (on by default) adds everything that reads and
//! renders markdown; the browser build leaves it out and only loads the
//! catalog that `lantern build` wrote ahead of time.

#![deny(missing_docs)]

pub mod catalog;
pub mod events;
pub mod parallel;
pub mod search;
pub mod slug;
pub mod text;
pub mod ticket;

#[cfg(feature = "authoring")]
pub mod check;
#[cfg(feature = "authoring")]
pub mod config;
#[cfg(feature = "authoring")]
pub mod diagnostic;
#[cfg(feature = "authoring")]
pub mod front_matter;
#[cfg(feature = "authoring")]
pub mod library;
#[cfg(feature = "authoring")]
pub mod render;
#[cfg(feature = "authoring")]
pub mod template;

pub use catalog::{ArticleMeta, Catalog, CatalogError, Category, Damage, HeadingRef, SiteInfo};
pub use search::{SearchHit, SearchIndex, SearchOptions};
