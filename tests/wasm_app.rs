//! The app's components, mounted in a real headless Chromium by
//! wasm-bindgen-test (run by scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use lantern_app::announcer::Announcer;
use lantern_app::pages::article::ArticleView;
use lantern_app::search::SearchBox;
use lantern_app::site::Site;
use lantern_core::catalog::CATALOG_FORMAT;
use lantern_core::search::IndexDoc;
use lantern_core::{ArticleMeta, Catalog, Category, SearchIndex, SiteInfo};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn meta(slug: &str, title: &str, summary: &str, category: &str, review_by: &str) -> ArticleMeta {
    ArticleMeta {
        slug: slug.into(),
        title: title.into(),
        summary: summary.into(),
        category: category.into(),
        tags: vec!["network".into()],
        aliases: vec![],
        updated: Some("2026-01-10".into()),
        review_by: Some(review_by.into()),
        source: None,
    }
}

fn site() -> Site {
    let articles = vec![
        meta(
            "printer-offline",
            "Printer shows offline",
            "Bring a printer back online.",
            "devices",
            "2099-01-01",
        ),
        meta(
            "vpn-will-not-connect",
            "VPN will not connect",
            "Fix error 809 and sign-in loops.",
            "network",
            "2020-01-01",
        ),
        meta(
            "wifi-keeps-dropping",
            "Wi-Fi keeps dropping",
            "Stop the <b>wireless</b> from disconnecting.",
            "network",
            "2099-01-01",
        ),
    ];
    let docs: Vec<IndexDoc> = articles
        .iter()
        .map(|a| IndexDoc {
            title: a.title.clone(),
            summary: a.summary.clone(),
            ..Default::default()
        })
        .collect();
    let catalog = Catalog {
        format: CATALOG_FORMAT,
        site: SiteInfo {
            name: "Test Help".into(),
            tagline: String::new(),
            base_url: String::new(),
            edit_url: String::new(),
        },
        categories: vec![Category {
            id: "network".into(),
            name: "Network & VPN".into(),
            description: String::new(),
        }],
        index: SearchIndex::build(&docs),
        ticket: Default::default(),
        events: None,
        articles,
    };
    Site::new(catalog, "")
}

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

async fn tick() {
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

fn key(input: &web_sys::HtmlInputElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

type Mounted = UnmountHandle<leptos::tachys::view::any_view::AnyViewState>;

/// A search box over the test site, mounted, with its query and input.
async fn mount_search_box() -> (
    web_sys::HtmlElement,
    RwSignal<String>,
    web_sys::HtmlInputElement,
    Mounted,
) {
    let root = container();
    let query = RwSignal::new(String::new());
    let site = site();
    let handle = mount_to(root.clone(), move || {
        provide_context(site);
        provide_context(Announcer(RwSignal::new(String::new())));
        view! { <Router><SearchBox query=query/></Router> }.into_any()
    });
    tick().await;
    let input = root
        .query_selector("input[role=combobox]")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    (root, query, input, handle)
}

#[wasm_bindgen_test]
async fn search_box_ranks_results_and_follows_the_combobox_pattern() {
    let (root, query, input, _handle) = mount_search_box().await;
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    type_into(&input, "wirless");
    tick().await;
    assert_eq!(query.get_untracked(), "wirless");
    let options = root.query_selector_all("[role=option]").unwrap();
    assert_eq!(options.length(), 1, "a typo still finds the Wi-Fi article");
    let first = options
        .get(0)
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap();
    assert!(first
        .text_content()
        .unwrap()
        .contains("Wi-Fi keeps dropping"));
    // The summary's markup is text, never HTML.
    assert!(first.text_content().unwrap().contains("<b>wireless</b>"));
    assert!(first.query_selector("b").unwrap().is_none());
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(
        status.text_content().unwrap(),
        "1 article matches “wireless” (corrected from “wirless”)."
    );
    let correction = root.query_selector(".correction").unwrap().unwrap();
    assert_eq!(
        correction.text_content().unwrap(),
        "Showing results for wireless Search instead for wirless"
    );

    type_into(&input, "vpn");
    tick().await;
    key(&input, "ArrowDown");
    tick().await;
    let active = input
        .get_attribute("aria-activedescendant")
        .expect("arrow key sets the active option");
    let option = document()
        .get_element_by_id(&active)
        .expect("active option exists");
    assert_eq!(
        option.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(option
        .text_content()
        .unwrap()
        .contains("VPN will not connect"));

    key(&input, "Escape");
    tick().await;
    assert_eq!(query.get_untracked(), "");
    assert_eq!(input.value(), "");
    assert_eq!(
        root.query_selector_all("[role=option]").unwrap().length(),
        0
    );

    type_into(&input, "🙂🙂 打印");
    tick().await;
    assert_eq!(
        status.text_content().unwrap(),
        "No articles match “🙂🙂 打印”."
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn search_instead_for_takes_the_typed_words_as_typed_and_did_you_mean_goes_back() {
    let (root, _query, input, _handle) = mount_search_box().await;
    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
    };
    let click = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click()
    };
    type_into(&input, "wirless");
    tick().await;
    // The typed words reach the page as text: the button holds them.
    assert_eq!(text(".correction button").as_deref(), Some("wirless"));
    click(".correction button");
    tick().await;
    assert_eq!(
        text("[role=status]").as_deref(),
        Some("No articles match “wirless”.")
    );
    assert_eq!(
        root.query_selector_all("[role=option]").unwrap().length(),
        0
    );
    assert_eq!(
        text(".correction").as_deref(),
        Some("Did you mean wireless?")
    );
    click(".correction button");
    tick().await;
    assert_eq!(
        root.query_selector_all("[role=option]").unwrap().length(),
        1
    );
    // Typing again corrects again, after "Search instead for" too.
    click(".correction button");
    tick().await;
    type_into(&input, "wirless ");
    tick().await;
    assert_eq!(
        root.query_selector_all("[role=option]").unwrap().length(),
        1
    );
    assert!(text(".correction")
        .unwrap()
        .starts_with("Showing results for"));
    root.remove();
}

#[wasm_bindgen_test]
async fn article_view_shows_header_badges_and_reports_a_missing_body() {
    let root = container();
    let site = site();
    let article = site
        .catalog
        .article("vpn-will-not-connect")
        .unwrap()
        .clone();
    let _handle = mount_to(root.clone(), move || {
        provide_context(site);
        provide_context(Announcer(RwSignal::new(String::new())));
        view! { <Router><ArticleView meta=article.clone()/></Router> }
    });
    tick().await;
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "VPN will not connect");
    let crumbs = root
        .query_selector("nav[aria-label=Breadcrumb]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(crumbs.contains("Network & VPN"), "{crumbs}");
    // The table of contents comes from the body, which is not there.
    assert!(root.query_selector(".toc").unwrap().is_none());
    assert!(
        root.query_selector(".badge-warning").unwrap().is_some(),
        "review_by in 2020 is overdue"
    );
    let related = root
        .query_selector(".related")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(related.contains("Wi-Fi keeps dropping"), "{related}");
    assert!(!related.contains("VPN will not connect"));
    let buttons = root.query_selector_all(".actions button").unwrap();
    assert_eq!(buttons.length(), 3);

    // The test server has no article bodies: the view must say so, not hang.
    for _ in 0..100 {
        if root.query_selector("[role=alert]").unwrap().is_some() {
            break;
        }
        tick().await;
    }
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a failed body load is reported");
    let alert_text = alert.text_content().unwrap();
    assert!(
        alert_text.contains(lantern_app::web::network::BODY_UNAVAILABLE),
        "{alert_text}"
    );
    assert!(
        alert.query_selector("button").unwrap().is_some(),
        "a Retry button"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn copied_article_links_use_base_url_when_it_is_set_and_the_page_origin_otherwise() {
    let site = site();
    let origin = window().location().origin().unwrap();
    assert_eq!(
        site.article_url("vpn-will-not-connect", Some("fix")),
        format!("{origin}/a/vpn-will-not-connect/#fix")
    );
    let mut catalog = site.catalog.clone();
    catalog.site.base_url = "https://help.example.org/it/".into();
    let site = Site::new(catalog, "/staging");
    assert_eq!(
        site.article_url("vpn-will-not-connect", None),
        "https://help.example.org/it/a/vpn-will-not-connect/"
    );
    assert_eq!(
        site.article_url("vpn-will-not-connect", Some("fix")),
        "https://help.example.org/it/a/vpn-will-not-connect/#fix"
    );
}

#[wasm_bindgen_test]
fn printed_links_carry_their_full_address_resolved_against_the_article() {
    let body = document().create_element("div").unwrap();
    body.set_inner_html(
        "<a href=\"../printer-offline/#restart\">Restart</a>\
         <a href=\"#symptoms\">Symptoms</a>\
         <a href=\"https://vendor.example/drivers\">https://vendor.example/drivers</a>\
         <a href=\"mailto:desk@example.com\" data-print-href=\"javascript:x\">desk</a>\
         <a href=\"https://vendor.example/\">vendor</a>",
    );
    lantern_app::web::article_body::mark_print_targets(&body, "https://help.example.org/a/vpn/");
    let links = body.query_selector_all("a").unwrap();
    let printed: Vec<Option<String>> = (0..links.length())
        .map(|i| {
            links
                .get(i)
                .unwrap()
                .dyn_into::<web_sys::Element>()
                .unwrap()
                .get_attribute("data-print-href")
        })
        .collect();
    assert_eq!(
        printed,
        [
            Some("https://help.example.org/a/printer-offline/#restart".to_string()),
            None,
            None,
            None,
            Some("https://vendor.example/".to_string()),
        ]
    );
}

#[wasm_bindgen_test]
fn article_dates_are_written_the_browsers_way_and_impossible_dates_are_not() {
    use lantern_app::pages::article::local_date;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).unwrap();
    let expected = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options)
        .format()
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new_with_year_month_day(2026, 9, 14),
        )
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(local_date("2026-10-14").as_deref(), Some(expected.as_str()));
    assert_ne!(expected, "2026-10-14");
    for bad in [
        "2026-02-30",
        "2026-13-01",
        "26-10-14",
        "soon",
        "2026-10-14x",
        "",
    ] {
        assert_eq!(local_date(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn an_article_body_splits_into_sections_without_loading_anything() {
    let html = r#"<p>Intro about the <strong>VPN</strong>.</p>
<h2 id="symptoms">Symptoms</h2><p>Error 809 appears.</p><ul><li>Then it   disconnects.</li></ul>
<h3 id="on-a-mac">On a Mac</h3><p>Same on macOS.</p>
<h2 id="empty">Empty</h2>
<img src="https://tracker.invalid/x.png" onerror="window.__loaded = 1">"#;
    let sections = lantern_app::web::article_body::sections_of(html);
    let summary: Vec<(Option<&str>, &str, &str)> = sections
        .iter()
        .map(|s| (s.heading_id.as_deref(), s.heading.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (None, "", "Intro about the VPN."),
            (
                Some("symptoms"),
                "Symptoms",
                "Error 809 appears. Then it disconnects."
            ),
            (Some("on-a-mac"), "On a Mac", "Same on macOS."),
        ]
    );
    // Parsed as an inert document: the image's handler never ran.
    let loaded = js_sys::Reflect::get(&window(), &"__loaded".into()).unwrap();
    assert!(loaded.is_undefined());
}

#[wasm_bindgen_test]
fn the_table_of_contents_is_read_off_the_body_and_headings_get_link_buttons() {
    use lantern_app::web::article_body::{enhance_article_body, TocEntry};
    let body = document().create_element("div").unwrap();
    body.set_inner_html(
        "<h2 id=\"symptoms\">Symptoms</h2><p>x</p><h2 id=\"fix\">Fix</h2>\
         <h3 id=\"restart-the-client\">Restart the <code>client</code></h3>\
         <h4 id=\"deep\">Too deep</h4><h2>No id</h2><pre><code>net use</code></pre>",
    );
    let entry = |id: &str, text: &str, level| TocEntry {
        id: id.into(),
        text: text.into(),
        level,
    };
    assert_eq!(
        enhance_article_body(&body),
        [
            entry("symptoms", "Symptoms", 2),
            entry("fix", "Fix", 2),
            entry("restart-the-client", "Restart the client", 3),
        ]
    );
    let buttons = body.query_selector_all("[data-copy-heading]").unwrap();
    assert_eq!(buttons.length(), 3);
    assert!(body
        .query_selector("pre [data-copy-code]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn result_rows_mark_in_title_and_summary_the_words_the_engine_found_there() {
    use lantern_app::search::results::{passage_adds_to_summary, search_rows};
    use lantern_core::search::{Passage, Segment};
    let site = site();
    let marked = |parts: &[Segment]| -> Vec<String> {
        parts
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.clone())
            .collect()
    };
    let rows = search_rows(&site, "vpn sign", 5);
    assert_eq!(rows[0].slug, "vpn-will-not-connect");
    assert_eq!(marked(&rows[0].title), ["VPN"]);
    assert_eq!(marked(&rows[0].summary), ["sign"]);
    assert!(rows[0].beyond_summary.is_empty());

    // A passage says more than the summary when it shows a matched word
    // that neither the title nor the summary holds.
    let passage = |word: &str| Passage {
        heading_id: Some("fix".into()),
        heading: "Fix".into(),
        segments: vec![
            Segment {
                text: "Reinstall the ".into(),
                matched: false,
            },
            Segment {
                text: word.into(),
                matched: true,
            },
        ],
    };
    let mut row = rows[0].clone();
    assert!(!passage_adds_to_summary(&row, &passage("VPN")));
    row.beyond_summary = vec!["client".into()];
    assert!(passage_adds_to_summary(&row, &passage("client")));
    assert!(!passage_adds_to_summary(&row, &passage("VPN")));
}
