//! Article HTML through ammonia's allow-list, and escaping for the pages
//! `lantern build` writes.

use std::collections::HashSet;
use std::sync::OnceLock;

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
            .add_tag_attributes("div", ["class", "id"])
            .add_tag_attributes("sup", ["class", "id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("section", ["class"])
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
                    _ => true,
                };
                keep.then(|| value.into())
            });
        for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(h, ["id"]);
        }
        builder
    })
}

/// Cleans HTML with the article allow-list.
///
/// Until its output is stable (three passes at most): ammonia serialises
/// the tree it cleaned, and some trees do not survive being written and
/// read again (`<p><select>x</p>`: once the `select` is dropped, a `<p>`
/// is left inside a `<p>`, which a browser parses as two paragraphs).
/// The browser must get HTML that reads back as what was checked, so the
/// output is cleaned again; most HTML is stable after the first pass and
/// costs one extra parse (`tests/properties_sanitise.rs` checks the fixed
/// point).
pub fn sanitize(html: &str) -> String {
    let mut clean = sanitizer().clean(html).to_string();
    for _ in 0..2 {
        let again = sanitizer().clean(&clean).to_string();
        if again == clean {
            break;
        }
        clean = again;
    }
    clean
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
