//! Ids that come from articles: heading anchors and the authors' own
//! (`<a id="summary"></a>`, `<a name="enable-tls-12"></a>`, which articles
//! migrated from other systems use as link targets).
//!
//! An id in the page is also a global: `window.summary` is the element
//! when no script defined `summary` (named access), and the app finds its
//! own elements by id (`search-input` for the `/` shortcut, `main` for the
//! skip link). So an article may only use ids the page does not: never one
//! of the app's ([`APP_IDS`], checked against `src/` by a test), nothing
//! starting with `lantern` (the globals `index.html` defines,
//! `window.lanternCatalog` and `window.lanternLoad`) or `__`
//! (wasm-bindgen's), and never `wasmBindings` (trunk's loader). Headings
//! whose anchor would be one get `section-` in front; an author's anchor
//! with one is dropped. `name` on `<a>` is kept under the same rules, and
//! written as an `id` (the router scrolls to ids only); `name` on `img`,
//! `form`, `embed` or `object`, which would name a global of `window` and
//! `document`, the sanitiser never keeps.

use std::collections::HashSet;

/// The ids the app and the pages `lantern build` writes give their own
/// elements (`crates/core/tests/ids.rs` finds every literal id in `src/`
/// and the shell, and fails when one is missing here).
pub const APP_IDS: &[&str] = &[
    "main",
    "search-input",
    "header-search-input",
    "search-results",
    "header-search-results",
    "search-filters",
    "filter-category-label",
    "filter-tag-label",
    "early-search-status",
    "browse-title",
    "confirmation-title",
    "suggestions-title",
    "still-stuck-title",
    "solved-title",
    "handoff-title",
    "ticket-errors",
    "ticket-errors-title",
    "ticket-description-hint",
    "ticket-attachment-hint",
    "wasmBindings",
];

/// Families of ids the app makes at run time: `search-results-3` (a
/// result), `ticket-email-error`, `context-browser` (the ticket form).
const APP_ID_PREFIXES: &[&str] = &[
    "search-results-",
    "header-search-results-",
    "ticket-",
    "context-",
];

/// Whether an article may give an element this id (or `<a>` this name).
pub fn claimable(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && !lower.starts_with("lantern")
        && !id.starts_with("__")
        && !APP_IDS.contains(&id)
        && !APP_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// The tags on which an author's `id` is kept (and `name`, on `a` only).
pub(super) const ID_TAGS: &[&str] = &[
    "a", "div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "sup", "section", "dt",
    "table", "figure",
];

/// The ids (and `<a name>`s) the raw HTML of an article gives, in order,
/// each once, those an article may not use left out: the link targets it
/// has besides its headings, as the sanitiser keeps them.
pub fn author_anchors<'a>(raw_html: impl Iterator<Item = &'a str>) -> Vec<String> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    // One chunk per line of an HTML block: joined by line breaks, as written.
    let joined = raw_html.collect::<Vec<_>>().join("\n");
    if !joined.contains("id") && !joined.contains("name") && !joined.contains("ID") {
        return Vec::new();
    }
    let sink = AnchorSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(joined.as_str()));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.into_inner()
}

#[derive(Default)]
struct AnchorSink {
    found: std::cell::RefCell<Vec<String>>,
    seen: std::cell::RefCell<HashSet<String>>,
}

impl html5ever::tokenizer::TokenSink for AnchorSink {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{TagKind, Token};
        if let Token::TagToken(tag) = token {
            if tag.kind == TagKind::StartTag && ID_TAGS.contains(&&*tag.name) {
                for attr in &tag.attrs {
                    let name = &*attr.name.local;
                    if name == "id" || (name == "name" && &*tag.name == "a") {
                        let value = attr.value.to_string();
                        if claimable(&value) && self.seen.borrow_mut().insert(value.clone()) {
                            self.found.borrow_mut().push(value);
                        }
                    }
                }
            }
        }
        html5ever::tokenizer::TokenSinkResult::Continue
    }
}

/// Hands out unique heading ids within one article: the second
/// "Troubleshooting" heading becomes `troubleshooting-1`, as GitHub does.
/// An id the page itself uses (`main`, `search-input`: see
/// [`claimable`]) gets `section-` in front, and no id is handed out
/// twice, not even when a heading's own text ends in the number another
/// was given ("Steps", "Steps 1", "Steps": the third is `steps-2`).
#[derive(Default)]
pub struct UniqueSlugs {
    seen: std::collections::HashMap<String, usize>,
}

/// The longest heading id before a count is added.
const MAX_BASE: usize = 180;

impl UniqueSlugs {
    /// Ids the article's own HTML gives, which no heading may take.
    pub fn with_taken(taken: &[String]) -> Self {
        Self {
            seen: taken.iter().map(|id| (id.clone(), 0)).collect(),
        }
    }

    /// The anchor id for a heading's text, unique within the article so far.
    pub fn unique(&mut self, text: &str) -> String {
        let mut base = crate::slug::heading_anchor(text);
        // Room for "section-" and a count within `claimable`'s 200 bytes: a
        // longer base never became claimable, and the loop below never
        // ended (a 300-letter heading in the shared corpus hung check).
        if base.len() > MAX_BASE {
            let cut = (0..=MAX_BASE)
                .rev()
                .find(|&i| base.is_char_boundary(i))
                .unwrap_or(0);
            base.truncate(cut);
        }
        if base.is_empty() {
            base = "section".to_string();
        }
        if !claimable(&base) {
            base = format!("section-{base}");
        }
        if !claimable(&base) {
            base = "section".to_string();
        }
        let mut id = base.clone();
        while self.seen.contains_key(&id) || !claimable(&id) {
            let count = self.seen.entry(base.clone()).or_insert(0);
            *count += 1;
            id = format!("{base}-{count}");
        }
        self.seen.insert(id.clone(), 0);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_longer_than_an_id_may_be_gets_a_unique_id_instead_of_hanging() {
        let mut slugs = UniqueSlugs::with_taken(&[]);
        let long = "word ".repeat(60);
        let first = slugs.unique(&long);
        let second = slugs.unique(&long);
        assert!(claimable(&first) && claimable(&second), "{first} {second}");
        assert_ne!(first, second);
        let odd = format!("{}\u{e9}", "é".repeat(150));
        assert!(claimable(&slugs.unique(&odd)));
    }

    #[test]
    fn app_ids_globals_and_odd_characters_are_not_claimable() {
        for id in [
            "main",
            "search-input",
            "lanternCatalog",
            "lanternLoad",
            "lantern-catalog",
            "LANTERN-x",
            "wasmBindings",
            "__wbg_x",
            "search-results-0",
            "ticket-email",
            "",
            "a b",
            "x\"y",
        ] {
            assert!(!claimable(id), "{id}");
        }
        for id in [
            "summary",
            "Note1",
            "enable-tls-12",
            "option_1",
            "1",
            "打印机",
        ] {
            assert!(claimable(id), "{id}");
        }
    }

    #[test]
    fn author_anchors_are_found_once_each_in_order() {
        let raw = [
            "<a id=\"summary\"></a>",
            "<p>x <a name='Note1'>1</a> <div ID=summary></div>",
            "<a id=\"main\"></a><img id=\"pic\" name=\"cookie\"><span name=\"x\" id=\"s\">",
        ];
        assert_eq!(author_anchors(raw.into_iter()), ["summary", "Note1", "s"]);
    }

    #[test]
    fn repeated_headings_get_numbered_ids() {
        let mut ids = UniqueSlugs::default();
        assert_eq!(ids.unique("Steps"), "steps");
        assert_eq!(ids.unique("Steps"), "steps-1");
        assert_eq!(ids.unique("Steps"), "steps-2");
        assert_eq!(ids.unique("Steps 1"), "steps-1-1");
        assert_eq!(ids.unique("!!!"), "section");
    }

    #[test]
    fn heading_ids_come_out_duplicated_when_a_heading_ends_in_the_number_another_got() {
        let mut ids = UniqueSlugs::default();
        let got: Vec<String> = ["Steps 1", "Steps", "Steps", "Steps"]
            .iter()
            .map(|t| ids.unique(t))
            .collect();
        assert_eq!(got, ["steps-1", "steps", "steps-2", "steps-3"]);
    }

    #[test]
    fn a_heading_never_takes_an_id_of_the_app_or_of_the_articles_own_anchors() {
        let mut ids = UniqueSlugs::with_taken(&["summary".to_string()]);
        assert_eq!(ids.unique("Summary"), "summary-1");
        assert_eq!(ids.unique("Search input"), "section-search-input");
        assert_eq!(ids.unique("Main"), "section-main");
        assert_eq!(ids.unique("Main"), "section-main-1");
        assert_eq!(ids.unique("Lantern catalog"), "section-lantern-catalog");
    }
}
