//! Markdown rendering and sanitising: any text as an article body (with
//! and without raw HTML), and any text as HTML straight into the
//! sanitiser, whose output must already be clean (a fixed point).
#![no_main]

use lantern_core::render::{render_article_with, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = render_article_with(text, "guides", true);
    let _ = render_article_with(text, "", false);
    let once = sanitize(text);
    assert_eq!(
        sanitize(&once),
        once,
        "sanitised HTML changed when sanitised again"
    );
});
