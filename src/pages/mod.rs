//! One module per page.

pub mod article;
pub mod home;
pub mod not_found;
pub mod ticket;

/// Sets the browser tab's title.
pub fn set_title(title: &str, site_name: &str) {
    let full = if title.is_empty() {
        site_name.to_string()
    } else {
        format!("{title} · {site_name}")
    };
    crate::web::dom::set_title(&full);
}
