//! Article HTML through ammonia's allow-list, and escaping for the pages
//! `lantern build` writes.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::ids::{claimable, ID_TAGS};

/// The only schemes a link, image or quote source may use.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Every HTML attribute whose value a browser may load or navigate to.
/// ammonia checks the schemes of `href`, `src` and a few others itself but
/// not of `cite` (`<q cite="javascript:…">` came through, issue 19), so
/// the filter below checks all of these, whichever the policy allows.
const URL_ATTRIBUTES: [&str; 21] = [
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "data",
    "poster",
    "longdesc",
    "usemap",
    "manifest",
    "codebase",
    "background",
    "icon",
    "ping",
    "srcset",
    "xlink:href",
    "profile",
    "classid",
    "archive",
    "lowsrc",
    "dynsrc",
];

/// Whether a URL attribute's value is relative or has one of [`SCHEMES`],
/// read as a browser reads it (tabs and newlines dropped, case folded).
fn safe_url(value: &str) -> bool {
    match url::Url::parse(value) {
        Ok(url) => SCHEMES.contains(&url.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

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
            .url_schemes(HashSet::from(SCHEMES))
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
                    (_, attribute) if URL_ATTRIBUTES.contains(&attribute) => safe_url(value),
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

/// Cleans HTML with the article allow-list.
///
/// Until its output is stable (three passes at most): ammonia serialises
/// the tree it cleaned, and some trees do not survive being written and
/// read again (`<p><select>x</p>`: once the `select` is dropped, a `<p>`
/// is left inside a `<p>`, which a browser parses as two paragraphs).
/// The browser must get HTML that reads back as what was checked, so the
/// output is cleaned again; most HTML is stable after the first pass and
/// costs one extra parse (`tests/properties_sanitise.rs` checks the fixed
/// point). Ids (and `<a name>`s) are only those an article may use, each
/// once (`ids.rs`).
pub fn sanitize(html: &str) -> String {
    let clean_once = |html: &str| {
        KEPT_IDS.with(|kept| kept.borrow_mut().clear());
        let clean = sanitizer().clean(html).to_string();
        KEPT_IDS.with(|kept| kept.borrow_mut().clear());
        // `<a name>` becomes `<a id>`: the router and the app scroll to a
        // fragment by id only. In the serialised output `<a name="` is
        // always a tag (text escapes `<`, attribute values escape `"`).
        clean.replace("<a name=\"", "<a id=\"")
    };
    let mut clean = clean_once(html);
    for _ in 0..2 {
        let again = clean_once(&clean);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Script URLs as written, as obfuscated, and as entities the parser
    /// decodes before the value is checked.
    const HOSTILE: [&str; 10] = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "java\nscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x01;javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
        "javascript&colon;alert(1)",
    ];

    /// What a browser's URL parser would see: tabs and newlines go, case
    /// does not matter.
    fn as_a_browser_reads(html: &str) -> String {
        html.chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_lowercase()
    }

    /// Every `(tag, attribute)` the policy lets through that holds a URL.
    fn url_attributes_allowed() -> Vec<(String, String)> {
        let builder = sanitizer();
        let generic = builder.clone_generic_attributes();
        let per_tag = builder.clone_tag_attributes();
        let mut pairs = Vec::new();
        for tag in builder.clone_tags() {
            let own = per_tag.get(tag).cloned().unwrap_or_default();
            for attribute in own.iter().chain(&generic) {
                if URL_ATTRIBUTES.contains(attribute) {
                    pairs.push((tag.to_string(), attribute.to_string()));
                }
            }
        }
        pairs.sort();
        pairs
    }

    #[test]
    fn script_urls_are_dropped_from_every_url_attribute_the_policy_allows_cite_included() {
        let pairs = url_attributes_allowed();
        for known in [
            ("a", "href"),
            ("img", "src"),
            ("blockquote", "cite"),
            ("q", "cite"),
            ("del", "cite"),
            ("ins", "cite"),
        ] {
            assert!(
                pairs.contains(&(known.0.into(), known.1.into())),
                "{known:?} not enumerated: {pairs:?}"
            );
        }
        for (tag, attribute) in &pairs {
            for value in HOSTILE {
                let html = format!("<{tag} {attribute}=\"{value}\">x</{tag}>");
                let clean = as_a_browser_reads(&sanitize(&html));
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!clean.contains(scheme), "{html} -> {clean}");
                }
            }
        }
    }

    #[test]
    fn safe_cite_urls_are_kept() {
        for cite in [
            "https://example.com/source",
            "other.md",
            "#notes",
            "mailto:a@b.example",
        ] {
            let clean = sanitize(&format!("<blockquote cite=\"{cite}\">q</blockquote>"));
            assert!(clean.contains(&format!("cite=\"{cite}\"")), "{clean}");
        }
    }
}
