//! placeholder until the helper lands html.rs
use super::model::Report;
pub fn render(r: &Report) -> String {
    format!("<!doctype html><title>{}</title>", r.month)
}
