//! No parser panics, whatever it is given: an article file (front matter
//! and body), `lantern.toml`, `data/catalog.bin` and what the ticket form
//! reads back from browser storage. A panic in the browser build aborts
//! the page (`panic = "abort"`), in the CLI it hides every other article:
//! each must be an error that says what is wrong. The fuzz targets in
//! `fuzz/` explore the same entry points for longer.

mod strategies;

use lantern_core::config::SiteConfig;
use lantern_core::front_matter::{body_of, date_problem, parse_article};
use lantern_core::ticket::{
    Attachment, Handoffs, Outbox, SentTicket, SiteRef, TicketContext, TicketDraft, TicketPayload,
};
use lantern_core::Catalog;
use proptest::prelude::*;

const YAML: &[&str] = &[
    "title: ",
    "summary: ",
    "tags: ",
    "aliases: ",
    "category: ",
    "updated: ",
    "review_by: ",
    "\n",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    ": ",
    "\"",
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "|",
    ">",
    "#",
    "~",
    "null",
    "2026-12-03",
    "2026-02-30",
    "9999-99-99",
    "<<: *a",
    "---",
    "...",
    "\t",
    "%YAML 1.2\n",
    "? ",
    "@",
    "`",
];

const TOML: &[&str] = &[
    "[site]\n",
    "[[categories]]\n",
    "[ticket]\n",
    "[ticket.webhook]\n",
    "[search]\n",
    "[check]\n",
    "[authoring]\n",
    "name = ",
    "base_url = ",
    "id = ",
    "url = ",
    "synonyms = ",
    "channels = ",
    "max_attachment_kib = ",
    "\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    ",",
    "=",
    "\n",
    "\"https://help.example/kb\"",
    "\"javascript:alert(1)\"",
    "\"webhook\"",
    "\"email\"",
    "-1",
    "99999999999999999999",
    "1e400",
    "nan",
    "true",
    "#",
    ".",
    "\\u0000",
    "\u{feff}",
];

const JSON: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "0",
    "-1",
    "1e309",
    "18446744073709551616",
    "\"reference\"",
    "\"entries\"",
    "\"payload\"",
    "\"failed_attempts\"",
    "\"next_attempt_ms\"",
    "\"attachment\"",
    "\"size\"",
    "\"content_base64\"",
    "\"urgency\"",
    "\"removed_context\"",
    "\"waiting\"",
    "\"channel\"",
    "\"sent_ms\"",
    "\"webhook\"",
    "\"high\"",
    "\\u0000",
    "\\ud800",
];

fn article() -> impl Strategy<Value = String> {
    (
        strategies::joined(YAML, 24),
        strategies::joined(strategies::MARKDOWN, 16),
        any::<bool>(),
    )
        .prop_map(|(yaml, body, closed)| {
            let end = if closed { "\n---\n" } else { "\n" };
            format!("---\n{yaml}{end}{body}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_never_panics(text in prop_oneof![article(), any::<String>()]) {
        let _ = body_of(&text);
        let _ = date_problem(&text);
        let _ = parse_article("articles/generated.md", &text);
    }

    #[test]
    fn site_config_never_panics(text in prop_oneof![strategies::joined(TOML, 32), any::<String>()]) {
        if let Err(message) = SiteConfig::parse(&text) {
            prop_assert!(!message.is_empty());
        }
    }

    #[test]
    fn catalog_decoding_never_panics(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        strategies::joined(JSON, 16).prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(|tail| {
            let mut bytes = b"LANTERN\x00\x05\x00\x00\x00".to_vec();
            bytes.extend(tail);
            bytes
        }),
    ]) {
        let _ = Catalog::format_of(&bytes);
        if let Err(error) = Catalog::from_bytes(bytes) {
            prop_assert!(error.to_string().starts_with("The article index"));
        }
    }

    #[test]
    fn ticket_storage_never_panics(text in prop_oneof![strategies::joined(JSON, 40), any::<String>()]) {
        let _ = serde_json::from_str::<TicketDraft>(&text);
        let _ = serde_json::from_str::<Attachment>(&text);
        let _ = serde_json::from_str::<(String, String)>(&text);
        let _ = serde_json::from_str::<Vec<SentTicket>>(&text);
        let _ = serde_json::from_str::<Handoffs>(&text);
        if let Ok(mut outbox) = serde_json::from_str::<Outbox>(&text) {
            let _ = outbox.next_attempt_ms();
            outbox.retry_all_now(0.0);
            prop_assert!(outbox.due(0.0).len() == outbox.entries.len());
        }
    }

    /// An outbox another version or a hand edit left with any counts and
    /// times (NaN, infinities, `u32::MAX` failed attempts) still sends,
    /// fails and retries without a panic.
    #[test]
    fn a_stored_outbox_with_any_numbers_never_panics(
        entries in proptest::collection::vec((
            prop_oneof![Just(u32::MAX), Just(u32::MAX - 1), Just(0), any::<u32>()],
            prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::MAX), any::<f64>()],
            "[A-Z0-9-]{0,12}",
        ), 0..4),
        now in any::<f64>(),
    ) {
        let mut outbox = Outbox::default();
        for (_, _, reference) in &entries {
            let draft = TicketDraft::new(reference.clone());
            let site = SiteRef { name: String::new(), url: String::new() };
            let payload = TicketPayload::new(&draft, &TicketContext::default(), site, None, String::new());
            outbox.enqueue(payload, 0.0);
        }
        for (entry, (failed, next, _)) in outbox.entries.iter_mut().zip(&entries) {
            entry.failed_attempts = *failed;
            entry.next_attempt_ms = *next;
        }
        let json = serde_json::to_string(&outbox).unwrap_or_default();
        let mut outbox: Outbox = serde_json::from_str(&json).unwrap_or_default();
        let _ = outbox.next_attempt_ms();
        for reference in outbox.due(now) {
            outbox.record_failure(&reference, now, "offline".into());
        }
        for (_, _, reference) in &entries {
            outbox.record_failure(reference, now, "offline".into());
            let _ = outbox.delivered(reference);
        }
    }
}
