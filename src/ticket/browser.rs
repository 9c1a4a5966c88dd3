//! The browser, as the ticket feature uses it besides storage
//! (`storage.rs`) and the network (`outbound.rs`): the clock, random bytes,
//! what the browser says about itself, the page's address, focus, a
//! confirm dialog, a chosen file and clicks on links. Components and hooks
//! call these instead of `web_sys`, so they read as what they do.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now, in UTC, as RFC 3339.
pub fn utc_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Now, as RFC 3339 local time with the UTC offset: what the user saw on
/// their clock, and when that was.
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    let offset = -(now.get_timezone_offset() as i64);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// Five bytes from the browser's cryptographic random source: a ticket
/// reference.
pub fn random_bytes() -> [u8; 5] {
    let mut bytes = [0u8; 5];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0; 5] {
        // No crypto (very old browser): the clock still tells users apart.
        let now = now_ms() as u64 ^ (js_sys::Math::random() * 1e12) as u64;
        bytes.copy_from_slice(&now.to_be_bytes()[3..]);
    }
    bytes
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    window().navigator().on_line()
}

/// What the browser says about itself, for the ticket's context.
pub struct Client {
    pub user_agent: String,
    pub platform: String,
    pub language: String,
}

pub fn client() -> Client {
    let navigator = window().navigator();
    Client {
        user_agent: navigator.user_agent().unwrap_or_default(),
        platform: navigator.platform().unwrap_or_default(),
        language: navigator.language().unwrap_or_default(),
    }
}

/// The page the browser came from before this document, if it says.
pub fn referrer() -> String {
    document().referrer()
}

/// `https://help.example.org`: the scheme, host and port of this page.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Asks the user a yes/no question in the browser's own dialog.
pub fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// Moves the focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses an element once the view that holds it has rendered.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || focus(id));
}

/// The file just chosen in a file input, which is emptied so that choosing
/// the same file again is a change too.
pub fn take_chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// A file's bytes; `None` when the browser could not read it.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A link the user clicked, with the page it was clicked on.
pub struct LinkClick {
    /// Where the user is: the whole address.
    pub here: String,
    pub here_path: String,
    pub target_path: String,
    pub same_origin: bool,
}

/// Calls `handler` for every click on a link, before the router (or the
/// browser) follows it: a capture listener on the window runs before the
/// router's own click handler leaves the page. Removed with the owner.
pub fn before_links_are_followed(handler: impl Fn(LinkClick) + 'static) {
    let listener =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if let Some(click) = link_click(&event) {
                handler(click);
            }
        });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        listener.as_ref().unchecked_ref(),
        true,
    );
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.with_value(|listener| {
            let _ = window().remove_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            );
        })
    });
}

fn link_click(event: &web_sys::MouseEvent) -> Option<LinkClick> {
    let location = window().location();
    let here = location.href().ok()?;
    let href = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|a| a.get_attribute("href"))?;
    let target = web_sys::Url::new_with_base(&href, &here).ok()?;
    Some(LinkClick {
        same_origin: target.origin() == location.origin().unwrap_or_default(),
        here_path: location.pathname().unwrap_or_default(),
        target_path: target.pathname(),
        here,
    })
}

/// Shows an article body in `element`: HTML sanitised by `lantern build`
/// (the same as on the article's page), its links pointing where they
/// would from that page.
pub fn show_article_body(element: &web_sys::Element, html: &str, article_url: &str) {
    element.set_inner_html(html);
    crate::web::article_body::rebase_article_links(element, article_url);
}

/// The path this document was loaded from, before any address the router
/// wrote since.
pub fn loaded_path() -> Option<String> {
    let entry = window()
        .performance()?
        .get_entries_by_type("navigation")
        .get(0);
    let url = js_sys::Reflect::get(&entry, &"name".into())
        .ok()?
        .as_string()?;
    Some(web_sys::Url::new(&url).ok()?.pathname())
}

/// Loads the page from the server once the router has written its new
/// address (it does so after drawing the route).
pub fn reload_soon() {
    crate::web::timer::after(std::time::Duration::ZERO, || {
        let _ = window().location().reload();
    });
}
