//! Result snippets: the passage of each top result that best matches the
//! query, with the heading it sits under. The index stays small by not
//! carrying article text; the bodies of the top results are fetched (the
//! same files the article page loads, so opening one is then instant) and
//! cut into sections here, once per article.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use lantern_core::search::{Passage, PreparedSections};
use leptos::prelude::*;

use crate::web::article_body::sections_of;
use crate::web::network::fetch_article_body;

/// Characters of passage shown under a result.
const PASSAGE_CHARS: usize = 160;
/// Results whose bodies are fetched for snippets.
pub const SNIPPET_RESULTS: usize = 5;

thread_local! {
    /// Bodies already cut into sections, for the whole visit: a results
    /// page drawn again (back from an article) has its snippets at once,
    /// so it is as tall as it was and returns to the same place.
    static PREPARED: std::cell::RefCell<HashMap<String, Arc<PreparedSections>>> =
        Default::default();
}

#[derive(Clone, Copy)]
pub struct Snippets {
    sections: RwSignal<HashMap<String, Arc<PreparedSections>>>,
    requested: StoredValue<HashSet<String>>,
}

pub fn use_snippets() -> Snippets {
    use_context::<Snippets>().unwrap_or_else(|| {
        let snippets = Snippets::new();
        provide_context(snippets);
        snippets
    })
}

impl Snippets {
    pub fn new() -> Self {
        Self {
            sections: RwSignal::new(PREPARED.with(|p| p.borrow().clone())),
            requested: StoredValue::new(HashSet::new()),
        }
    }

    /// Starts fetching the bodies not fetched yet. A failed fetch (offline)
    /// just leaves the result without a snippet; it is tried again later.
    pub fn request(&self, root: &str, slugs: impl IntoIterator<Item = String>) {
        for slug in slugs {
            let known = self.sections.with_untracked(|s| s.contains_key(&slug));
            if known || self.requested.with_value(|r| r.contains(&slug)) {
                continue;
            }
            self.requested.update_value(|r| {
                r.insert(slug.clone());
            });
            let (this, root) = (*self, root.to_string());
            leptos::task::spawn_local(async move {
                match fetch_article_body(&root, &slug).await {
                    Ok(html) => {
                        let sections = Arc::new(PreparedSections::new(sections_of(&html)));
                        PREPARED.with(|p| p.borrow_mut().insert(slug.clone(), sections.clone()));
                        this.sections.update(|s| {
                            s.insert(slug, sections);
                        });
                    }
                    Err(_) => this.requested.update_value(|r| {
                        r.remove(&slug);
                    }),
                }
            });
        }
    }

    /// The passage of `slug` for these matched terms, once its body is here.
    pub fn passage(&self, slug: &str, matched_terms: &HashSet<String>) -> Option<Passage> {
        let sections = self.sections.with(|s| s.get(slug).cloned())?;
        sections.best_passage(matched_terms, PASSAGE_CHARS)
    }
}

impl Default for Snippets {
    fn default() -> Self {
        Self::new()
    }
}
