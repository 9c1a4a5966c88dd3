//! Front matter: any text as an article file, every date check on it.
#![no_main]

use lantern_core::front_matter::{body_of, date_problem, is_iso_date, parse_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = body_of(text);
    let _ = is_iso_date(text);
    let _ = date_problem(text);
    if let Ok(parsed) = parse_article("articles/fuzz.md", text) {
        for date in parsed.front.updated.iter().chain(&parsed.front.review_by) {
            let _ = date_problem(date);
        }
    }
});
