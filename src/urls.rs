//! Every address of the app in one place: the route paths the router
//! matches, and building and parsing each URL a link or a navigation
//! uses: the home page and its search (`?q=&category=&tag=`), an article
//! and one of its headings (`/a/:slug/#heading`), the ticket form and a
//! ticket's status (`/ticket/?q=`, `/ticket/?ref=`).
//!
//! Paths are built under the site root (`""` or `/help`, see
//! `Site::root`), which is what an `<a href>` needs and what
//! [`crate::search::url_state`] navigates to (without the router's own
//! resolving, so there is one form of every address).

use leptos_router::params::ParamsMap;
use leptos_router::{ParamSegment, StaticSegment};

/// Where articles live: `/a/:slug/`.
const ARTICLES: &str = "a";
/// The route parameter of an article's slug.
pub const SLUG: &str = "slug";
/// The file `lantern build` writes for a page, as some hosts and
/// bookmarks address it (`/index.html`, `/a/:slug/index.html`).
const INDEX_FILE: &str = "index.html";
/// The ticket form, and a ticket's status with `?ref=`.
const TICKET: &str = "ticket";

/// The routes, as `<Route path=…>` takes them.
pub mod route {
    use super::*;

    type Static = StaticSegment<&'static str>;

    /// `/`
    pub const HOME: () = ();
    /// `/index.html`
    pub const HOME_FILE: (Static,) = (StaticSegment(INDEX_FILE),);
    /// `/a/:slug`
    pub const ARTICLE: (Static, ParamSegment) = (StaticSegment(ARTICLES), ParamSegment(SLUG));
    /// `/a/:slug/index.html`
    pub const ARTICLE_FILE: (Static, ParamSegment, Static) = (
        StaticSegment(ARTICLES),
        ParamSegment(SLUG),
        StaticSegment(INDEX_FILE),
    );
    /// `/ticket`
    pub const TICKET_FORM: (Static,) = (StaticSegment(TICKET),);
}

/// The home page.
pub fn home(root: &str) -> String {
    format!("{root}/")
}

/// An article's page.
pub fn article(root: &str, slug: &str) -> String {
    format!("{root}/{ARTICLES}/{slug}/")
}

/// An article's page at one of its headings (at the top without one).
pub fn article_at(root: &str, slug: &str, heading: Option<&str>) -> String {
    let fragment = heading.map(|h| format!("#{h}")).unwrap_or_default();
    format!("{}{fragment}", article(root, slug))
}

/// The ticket form.
pub fn ticket(root: &str) -> String {
    format!("{root}/{TICKET}/")
}

/// The ticket form, its subject started from a search.
pub fn ticket_for_query(root: &str, query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        ticket(root)
    } else {
        format!("{}?q={}", ticket(root), encode(query))
    }
}

/// What became of a ticket.
pub fn ticket_status(root: &str, reference: &str) -> String {
    format!("{}?ref={}", ticket(root), encode(reference))
}

/// The privacy page `lantern build` writes (a static page, not a route).
pub fn privacy(root: &str) -> String {
    format!("{root}/privacy/")
}

/// A category browsed from the home page.
pub fn category(root: &str, id: &str) -> String {
    let params = SearchParams {
        category: Some(id.to_string()),
        ..SearchParams::default()
    };
    search(&home(root), &params)
}

/// The search the home page's address holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchParams {
    /// `?q=`: what was typed.
    pub query: String,
    /// `?category=`: browses a category without a query, filters the
    /// results with one.
    pub category: Option<String>,
    /// `?tag=`: filters the results by tag.
    pub tag: Option<String>,
    /// `?exact=1`: the query's words as typed, not corrected ("Search
    /// instead for"); only with a query.
    pub exact: bool,
}

impl SearchParams {
    /// Reads the search from the address's query (an empty category or
    /// tag is none).
    pub fn from_query(params: &ParamsMap) -> Self {
        let filter = |name: &str| params.get(name).filter(|v| !v.trim().is_empty());
        Self {
            query: params.get("q").unwrap_or_default(),
            category: filter("category"),
            tag: filter("tag"),
            exact: params.get("exact").is_some_and(|v| v == "1"),
        }
    }
}

/// The home page at `path` (`/`, `/help/`, `/index.html`) with a search:
/// `/?q=vpn&category=network&tag=vpn`. A blank query is left out, and
/// `exact=1` with it.
pub fn search(path: &str, params: &SearchParams) -> String {
    let mut pairs = Vec::new();
    if !params.query.trim().is_empty() {
        pairs.push(format!("q={}", encode(&params.query)));
        if params.exact {
            pairs.push("exact=1".to_string());
        }
    }
    if let Some(category) = &params.category {
        pairs.push(format!("category={}", encode(category)));
    }
    if let Some(tag) = &params.tag {
        pairs.push(format!("tag={}", encode(tag)));
    }
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// The part of an address's path under the site root.
fn below_root<'a>(root: &str, path: &'a str) -> &'a str {
    path.strip_prefix(root).unwrap_or(path)
}

/// Whether a path (as the address bar has it) is the home page.
pub fn is_home_path(root: &str, path: &str) -> bool {
    let rest = below_root(root, path);
    rest.is_empty() || rest == "/" || rest == format!("/{INDEX_FILE}")
}

/// Whether a path is the ticket form or a ticket's status.
pub fn is_ticket_path(root: &str, path: &str) -> bool {
    below_root(root, path).starts_with(&format!("/{TICKET}"))
}

/// The last segment of a path, `index.html` left out: what an unknown
/// address was probably meant to name (`/a/vpn-wont-connect/index.html`
/// names `vpn-wont-connect`).
pub fn last_segment(path: &str) -> &str {
    path.trim_end_matches(INDEX_FILE)
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn params(query: &str, category: Option<&str>, tag: Option<&str>) -> SearchParams {
        SearchParams {
            query: query.into(),
            category: category.map(String::from),
            tag: tag.map(String::from),
            exact: false,
        }
    }

    #[wasm_bindgen_test]
    fn the_url_holds_query_and_filters() {
        assert_eq!(search("/", &params("", None, None)), "/");
        assert_eq!(
            search("/", &params("  ", Some("network"), None)),
            "/?category=network"
        );
        assert_eq!(
            search(
                "/help/",
                &params("vpn error 809", Some("network"), Some("vpn"))
            ),
            "/help/?q=vpn%20error%20809&category=network&tag=vpn"
        );
        assert_eq!(
            search("/", &params("a&b", None, Some("x y"))),
            "/?q=a%26b&tag=x%20y"
        );
        let exact = SearchParams {
            exact: true,
            ..params("pirnter ofline", None, Some("x"))
        };
        assert_eq!(search("/", &exact), "/?q=pirnter%20ofline&exact=1&tag=x");
        // Without a query there are no words to take as typed.
        let blank = SearchParams {
            exact: true,
            ..params(" ", None, None)
        };
        assert_eq!(search("/", &blank), "/");
    }

    #[wasm_bindgen_test]
    fn the_search_is_read_back_from_the_query_and_blank_filters_are_none() {
        let mut map = ParamsMap::new();
        map.insert("q", "vpn error".to_string());
        map.insert("category", " ".to_string());
        map.insert("tag", "vpn".to_string());
        assert_eq!(
            SearchParams::from_query(&map),
            params("vpn error", None, Some("vpn"))
        );
        assert_eq!(
            SearchParams::from_query(&ParamsMap::new()),
            SearchParams::default()
        );
        map.insert("exact", "1".to_string());
        assert!(SearchParams::from_query(&map).exact);
        map.replace("exact", "yes".to_string());
        assert!(!SearchParams::from_query(&map).exact);
    }

    #[wasm_bindgen_test]
    fn pages_are_addressed_under_the_site_root() {
        assert_eq!(home(""), "/");
        assert_eq!(article("/help", "vpn"), "/help/a/vpn/");
        assert_eq!(article_at("", "vpn", Some("fix")), "/a/vpn/#fix");
        assert_eq!(category("/help", "network"), "/help/?category=network");
        assert_eq!(ticket_for_query("", "  "), "/ticket/");
        assert_eq!(ticket_for_query("", "vpn 809"), "/ticket/?q=vpn%20809");
        assert_eq!(
            ticket_status("/help", "ABCD-1234"),
            "/help/ticket/?ref=ABCD-1234"
        );
        assert!(is_home_path("/help", "/help/index.html"));
        assert!(is_home_path("/help", "/help"));
        assert!(!is_home_path("", "/a/vpn/"));
        assert!(is_ticket_path("/help", "/help/ticket/"));
        assert!(!is_ticket_path("", "/a/ticket-tips/"));
        assert_eq!(
            last_segment("/a/no-such-article/index.html"),
            "no-such-article"
        );
        assert_eq!(last_segment("/a/vpn-wont-connect/"), "vpn-wont-connect");
    }
}
