//! Every input a fuzzer (`fuzz/`, `scripts/fuzz.sh`) or issue 19's
//! attacker found that crashed a parser, replayed from the saved file in
//! `tests/fuzz-inputs/`, so the fix stays fixed in the default test run.
//! One test per bug, named after it; the file names say which target
//! found the input.

use std::path::Path;

use lantern_core::{Catalog, CatalogError, Damage, SearchOptions};

/// A saved input, byte for byte as the fuzzer wrote it.
fn input(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-inputs")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `[5]` or `{"format":5}` read as JSON says "the current format", and
/// `from_bytes` then sliced a binary header the three bytes do not have:
/// a panic, which with `panic = "abort"` killed the page. `[4]` was named
/// "another version" though no Lantern ever wrote a JSON catalog of
/// format 4 (issue 19). All of them are damaged indexes.
#[test]
fn a_json_catalog_claiming_a_binary_format_is_damaged_not_a_panic() {
    for name in [
        "catalog-json-array-format-4",
        "catalog-json-object-format-4",
        "catalog-json-array-format-5",
        "catalog-json-object-format-5",
    ] {
        let bytes = input(name);
        let error = std::panic::catch_unwind(|| Catalog::from_bytes(bytes.clone()))
            .unwrap_or_else(|_| panic!("{name}: from_bytes panicked"))
            .err();
        assert_eq!(
            error,
            Some(CatalogError::Damaged(Damage::NotACatalog)),
            "{name}"
        );
        assert!(
            error
                .unwrap()
                .to_string()
                .starts_with("The article index is damaged"),
            "{name}"
        );
        assert_eq!(Catalog::format_of(&bytes), None, "{name}");
    }
}

/// A catalog whose postings name a document past the last one (134
/// articles, a posting for document 150) decoded, and the first search
/// indexed the field lengths with it: a panic (found by the `catalog`
/// fuzz target in 60 s). A posting list that names a document the index
/// does not have is damaged and matches nothing; searching never panics.
#[test]
fn a_posting_for_a_document_past_the_last_matches_nothing_instead_of_panicking() {
    let bytes = input("catalog-posting-past-the-last-document");
    let catalog = Catalog::from_bytes(bytes).expect("the rest of this catalog is whole");
    let options = SearchOptions::default();
    for query in ["vpn", "a", "printr offl"] {
        let hits = std::panic::catch_unwind(|| catalog.index.search(query, &options, |_| true))
            .unwrap_or_else(|_| panic!("searching {query:?} panicked"));
        assert!(hits.iter().all(|hit| hit.doc < catalog.articles.len()));
    }
}

/// An outbox read back from storage with `failed_attempts` at `u32::MAX`
/// (another version, a hand edit) overflowed on the next failed attempt:
/// a panic wherever overflow is checked (found by
/// `properties_parsers::a_stored_outbox_with_any_numbers_never_panics`).
/// The count stays at its maximum and the ticket keeps its place.
#[test]
fn a_stored_ticket_that_failed_u32_max_times_can_fail_again() {
    use lantern_core::ticket::{Outbox, SiteRef, TicketContext, TicketDraft, TicketPayload};
    let draft = TicketDraft::new("LT-7K3M9QX2".into());
    let site = SiteRef {
        name: "Help".into(),
        url: "https://help.example".into(),
    };
    let mut outbox = Outbox::default();
    outbox.enqueue(
        TicketPayload::new(&draft, &TicketContext::default(), site, None, String::new()),
        0.0,
    );
    let mut stored = serde_json::to_value(&outbox).unwrap();
    stored["entries"][0]["failed_attempts"] = u32::MAX.into();
    let mut outbox: Outbox = serde_json::from_value(stored).unwrap();
    std::panic::catch_unwind(move || {
        outbox.record_failure("LT-7K3M9QX2", 1e12, "offline".into());
        let entry = outbox.get("LT-7K3M9QX2").expect("still waiting");
        assert_eq!(entry.failed_attempts, u32::MAX);
        assert!(entry.next_attempt_ms > 1e12);
    })
    .unwrap_or_else(|_| panic!("record_failure panicked"));
}
