//! The "Was this helpful?" form writes its reasons out (a list built from
//! the constant cost the main bundle more code than five labels): each of
//! `REASONS` must be there with its id and its words, and nothing else.

use lantern_core::events::schema::REASONS;

#[test]
fn the_vote_form_offers_exactly_the_reasons_events_and_the_report_know() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../src/pages/article/helpful.rs"
    );
    let source = std::fs::read_to_string(path).unwrap();
    for (id, words) in REASONS {
        let radio = format!(r#"value="{id}"/>" {words}""#);
        assert!(source.contains(&radio), "helpful.rs lacks {radio}");
    }
    assert_eq!(
        source.matches(r#"name="helpful-reason" value="#).count(),
        REASONS.len()
    );
}
