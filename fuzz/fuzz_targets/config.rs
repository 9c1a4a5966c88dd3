//! `lantern.toml`: any text as the site config (every problem located by
//! line), and what the build derives from a config that parses.
#![no_main]

use lantern_core::config::{base_url_problem, SiteConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = base_url_problem(text);
    if let Ok(config) = SiteConfig::parse(text) {
        let _ = config.category_ids();
        let _ = config.search.synonym_groups();
        let _ = config.ticket.channel_order();
        let _ = config.ticket.max_attachment_bytes();
    }
});
