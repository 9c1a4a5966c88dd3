//! Tickets as browser storage gives them back (issue 20, "Tickets that
//! vanish"): a damaged entry costs only itself, a write never erases what
//! could not be read, another version's fields do not make a ticket
//! unreadable, a clock put back does not park a ticket for weeks, a ticket
//! storage refused is still sent, and nothing personal outlives delivery.

use lantern_core::ticket::outbox::{sent_log_from_stored, MAX_BACKOFF_MS, MIN_WAIT_MS};
use lantern_core::ticket::{
    reference_from, Channel, Handoffs, Held, Outbox, SentTicket, SiteRef, TicketContext,
    TicketDraft, TicketPayload,
};
use serde_json::{json, Value};

fn payload(seed: u8) -> TicketPayload {
    let draft = TicketDraft {
        name: "Ada Lovelace".into(),
        email: "ada@example.com".into(),
        subject: format!("Ticket {seed}"),
        description: "The VPN drops every five minutes.".into(),
        ..TicketDraft::new(reference_from([seed, 2, 3, 4, 5]))
    };
    let site = SiteRef {
        name: "IT Help".into(),
        url: "https://help.example/".into(),
    };
    TicketPayload::new(
        &draft,
        &TicketContext::default(),
        site,
        None,
        "2026-12-03T05:00:00.000Z".into(),
    )
}

fn outbox_of(seeds: &[u8]) -> Outbox {
    let mut outbox = Outbox::default();
    for &seed in seeds {
        outbox.enqueue(payload(seed), 1_000.0);
    }
    outbox
}

fn references(outbox: &Outbox) -> Vec<String> {
    outbox
        .entries
        .iter()
        .map(|e| e.payload.reference().to_string())
        .collect()
}

/// The outbox as stored, with its second entry replaced by `damaged`.
fn stored_with_damaged_second_entry(damaged: Value) -> String {
    let mut stored = serde_json::to_value(outbox_of(&[1, 2, 3])).unwrap();
    stored["entries"][1] = damaged;
    stored.to_string()
}

#[test]
fn one_malformed_outbox_entry_no_longer_hides_the_other_waiting_tickets() {
    let stored = stored_with_damaged_second_entry(json!({"payload": {"reference": 42}}));
    let outbox = Outbox::from_stored(&stored);
    assert_eq!(
        references(&outbox),
        [payload(1).reference, payload(3).reference]
    );
    assert_eq!(outbox.unreadable, [json!({"payload": {"reference": 42}})]);
}

#[test]
fn the_next_write_after_a_malformed_entry_keeps_it_instead_of_erasing_every_ticket() {
    let damaged = json!({"payload": "cut off by a full disk"});
    let mut outbox = Outbox::from_stored(&stored_with_damaged_second_entry(damaged.clone()));
    // A new ticket, then a delivery: the writes the app makes.
    outbox.enqueue(payload(4), 2_000.0);
    outbox.delivered(&payload(1).reference);
    let written = serde_json::to_string(&outbox).unwrap();

    let again = Outbox::from_stored(&written);
    assert_eq!(
        references(&again),
        [payload(3).reference, payload(4).reference]
    );
    assert_eq!(again.unreadable, [damaged]);
    // Still set aside after any number of rewrites, never duplicated.
    let twice = Outbox::from_stored(&serde_json::to_string(&again).unwrap());
    assert_eq!(twice, again);
}

#[test]
fn an_outbox_stored_as_text_that_is_not_json_is_kept_whole_not_overwritten() {
    let stored = serde_json::to_string(&outbox_of(&[1, 2])).unwrap();
    let truncated = &stored[..stored.len() / 2];
    let mut outbox = Outbox::from_stored(truncated);
    assert!(outbox.entries.is_empty());
    assert_eq!(outbox.unreadable, [Value::String(truncated.into())]);
    // What was stored is still there after the next ticket is written.
    outbox.enqueue(payload(3), 1_000.0);
    let again = Outbox::from_stored(&serde_json::to_string(&outbox).unwrap());
    assert_eq!(again.unreadable, [Value::String(truncated.into())]);
    assert!(again.damaged(&payload(1).reference));
    assert!(!again.damaged(&payload(3).reference));
}

#[test]
fn a_field_added_by_a_later_version_does_not_make_an_old_ticket_unreadable() {
    let mut stored = serde_json::to_value(outbox_of(&[1])).unwrap();
    stored["version"] = json!(2);
    stored["entries"][0]["priority"] = json!("p1");
    stored["entries"][0]["payload"]["language"] = json!("de");
    stored["entries"][0]["payload"]["context"]["screen"] = json!("1920x1080");
    let outbox = Outbox::from_stored(&stored.to_string());
    assert_eq!(references(&outbox), [payload(1).reference]);
    assert!(outbox.unreadable.is_empty());
}

#[test]
fn a_ticket_stored_without_the_fields_another_version_leaves_out_is_still_read() {
    let mut stored = serde_json::to_value(outbox_of(&[1])).unwrap();
    let entry = stored["entries"][0].as_object_mut().unwrap();
    for field in ["failed_attempts", "next_attempt_ms", "last_error"] {
        entry.remove(field);
    }
    let payload_fields = entry["payload"].as_object_mut().unwrap();
    for field in ["category", "urgency", "attachment"] {
        payload_fields.remove(field);
    }
    payload_fields["context"] = json!({"queries": ["vpn"]});
    let outbox = Outbox::from_stored(&stored.to_string());
    let entry = &outbox.entries[0];
    assert_eq!(
        entry.payload.ticket().unwrap(),
        TicketPayload {
            context: TicketContext {
                queries: vec!["vpn".into()],
                ..TicketContext::default()
            },
            ..payload(1)
        }
    );
    assert_eq!((entry.failed_attempts, entry.next_attempt_ms), (0, 0.0));
}

#[test]
fn an_entry_set_aside_earlier_comes_back_once_it_can_be_read() {
    let mut stored = serde_json::to_value(outbox_of(&[1])).unwrap();
    stored["unreadable"] = json!([serde_json::to_value(&outbox_of(&[2]).entries[0]).unwrap()]);
    let outbox = Outbox::from_stored(&stored.to_string());
    assert_eq!(
        references(&outbox),
        [payload(1).reference, payload(2).reference]
    );
    assert!(outbox.unreadable.is_empty());
}

#[test]
fn a_ticket_due_more_than_24_9_days_ahead_is_made_due_now_and_no_wait_overflows_a_timer() {
    let now = 1_764_000_000_000.0;
    let mut outbox = outbox_of(&[1, 2]);
    // The clock ran 30 days fast when the attempt failed, then was put back.
    outbox.record_failure(
        &payload(1).reference,
        now + 30.0 * 86_400_000.0,
        "down".into(),
    );
    outbox.record_failure(&payload(2).reference, now, "down".into());
    let browser_timer_max = f64::from(i32::MAX);
    assert!(outbox.wait_ms(now).unwrap() <= MAX_BACKOFF_MS);
    assert!(outbox.rebase(now));
    assert_eq!(outbox.due(now), [payload(1).reference]);
    assert!(!outbox.rebase(now), "a normal backoff is left alone");
    assert_eq!(outbox.wait_ms(now), Some(MIN_WAIT_MS));
    outbox.delivered(&payload(1).reference);
    assert_eq!(outbox.wait_ms(now), Some(2_000.0));
    // Whatever is stored, the wait fits a browser timer.
    for next in [f64::MAX, f64::INFINITY, f64::NAN, -1e300] {
        outbox.entries[0].next_attempt_ms = next;
        let wait = outbox.wait_ms(now).unwrap();
        assert!((MIN_WAIT_MS..=MAX_BACKOFF_MS).contains(&wait), "{next}");
        assert!(wait < browser_timer_max);
    }
}

#[test]
fn a_ticket_storage_cannot_hold_stays_in_the_outbox_the_page_sends_from() {
    // Storage holds ticket 1; writing ticket 2 fails (quota exceeded).
    let stored = outbox_of(&[1]);
    let mut after = stored.clone();
    after.enqueue(payload(2), 1_000.0);
    let held = Held::default().after_write(&stored, &after, false);
    assert_eq!(held.only_here(), [payload(2).reference].into());

    // Every later change re-reads storage, which still lacks it.
    let mut outbox = held.over(stored.clone());
    assert_eq!(
        references(&outbox),
        [payload(1).reference, payload(2).reference]
    );
    // Its failure (and ticket 1's) is remembered though storage refuses it,
    // so neither is due again at once.
    outbox.record_failure(&payload(2).reference, 1_000.0, "down".into());
    outbox.record_failure(&payload(1).reference, 1_000.0, "down".into());
    let held = held.after_write(&stored, &outbox, false);
    assert!(held.over(stored.clone()).due(1_500.0).is_empty());

    // Once a write succeeds, storage has everything and nothing is held.
    let held = held.after_write(&stored, &outbox, true);
    assert_eq!(held, Held::default());
}

#[test]
fn a_held_ticket_is_never_sent_twice_by_bringing_back_one_delivered_elsewhere() {
    let stored = outbox_of(&[1]);
    let mut after = stored.clone();
    after.enqueue(payload(2), 1_000.0);
    let held = Held::default().after_write(&stored, &after, false);
    // Another tab delivered ticket 1: storage no longer has it.
    let outbox = held.over(Outbox::default());
    assert_eq!(references(&outbox), [payload(2).reference]);
    // This page delivered ticket 1 but could not write the removal.
    let mut delivered = held.over(stored.clone());
    delivered.delivered(&payload(1).reference);
    let held = held.after_write(&stored, &delivered, false);
    assert_eq!(references(&held.over(stored)), [payload(2).reference]);
}

#[test]
fn after_delivery_the_stored_receipt_keeps_no_name_email_or_subject() {
    let sent = SentTicket {
        reference: payload(1).reference,
        channel: Channel::Webhook,
        sent_ms: 1_000.0,
    };
    let stored = serde_json::to_string(&vec![sent.clone()]).unwrap();
    for personal in ["Ada", "ada@example.com", "Ticket 1", "VPN"] {
        assert!(!stored.contains(personal), "{stored}");
    }
    // A log written by the version that kept subjects still reads.
    let old = format!(
        r#"[{{"reference":"{}","subject":"Ticket 1","channel":"webhook","sent_ms":1000.0}}, 7]"#,
        sent.reference
    );
    assert_eq!(sent_log_from_stored(&old), [sent]);
}

#[test]
fn one_malformed_email_handoff_no_longer_hides_or_erases_the_others() {
    let mut handoffs = Handoffs::default();
    handoffs.hand_off(payload(1));
    handoffs.hand_off(payload(2));
    let mut stored = serde_json::to_value(&handoffs).unwrap();
    stored["waiting"][0] = json!({"reference": null});
    let mut read = Handoffs::from_stored(&stored.to_string());
    assert_eq!(read.waiting, [payload(2)]);
    read.hand_off(payload(3));
    let again = Handoffs::from_stored(&serde_json::to_string(&read).unwrap());
    assert_eq!(again.waiting.len(), 2);
    assert_eq!(again.unreadable, [json!({"reference": null})]);
}
