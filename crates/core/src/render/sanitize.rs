//! Article HTML through ammonia's allow-list, and escaping for the pages
//! `lantern build` writes.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::ids::{claimable, ID_TAGS};

thread_local! {
    /// The ids (and `<a name>`s) kept so far in the HTML being cleaned:
    /// each is kept once, so no two elements of a page share one.
    static KEPT_IDS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Whether the id (or name) `value` stays: one the page does not use
/// itself (`ids.rs`), the first time it comes.
fn keep_id(value: &str) -> bool {
    claimable(value) && KEPT_IDS.with(|kept| kept.borrow_mut().insert(value.to_string()))
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .link_rel(Some("noopener noreferrer"))
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("code", ["class"])
            .add_tag_attributes("div", ["class"])
            .add_tag_attributes("sup", ["class"])
            .add_tag_attributes("section", ["class"])
            .add_tag_attributes("a", ["name"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .attribute_filter(|element, attribute, value| {
                let keep = match (element, attribute) {
                    ("input", "type") => value == "checkbox",
                    ("code", "class") => {
                        value.starts_with("language-")
                            && value[9..]
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '+')
                    }
                    ("div" | "sup" | "section", "class") => value.starts_with("footnote"),
                    // Table alignment is the only inline style markdown makes.
                    ("th" | "td", "style") => matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    ),
                    (_, "id") | ("a", "name") => keep_id(value),
                    _ => true,
                };
                keep.then(|| value.into())
            });
        for &tag in ID_TAGS {
            builder.add_tag_attributes(tag, ["id"]);
        }
        builder
    })
}

/// Cleans HTML with the article allow-list; ids (and `<a name>`s) only
/// those an article may use, each once (`ids.rs`).
pub fn sanitize(html: &str) -> String {
    KEPT_IDS.with(|kept| kept.borrow_mut().clear());
    let clean = sanitizer().clean(html).to_string();
    KEPT_IDS.with(|kept| kept.borrow_mut().clear());
    // `<a name>` becomes `<a id>`: the router and the app scroll to a
    // fragment by id only. In the serialised output `<a name="` is always
    // a tag (text escapes `<`, attribute values escape `"`).
    clean.replace("<a name=\"", "<a id=\"")
}

/// Text with every HTML special character escaped, for attributes and text
/// in the pages `lantern build` writes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
