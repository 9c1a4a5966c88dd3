//! The ticket draft, its attachment, the outbox, the sent log and the
//! email hand-offs as the app reads them back from browser storage (JSON
//! another tab, an older version or a full disk may have mangled), and
//! what the app then does with them.
#![no_main]

use lantern_core::ticket::outbox::{backoff_ms, remember_sent};
use lantern_core::ticket::{
    validate, Attachment, Handoffs, Outbox, SentTicket, SiteRef, TicketConfig, TicketContext,
    TicketDraft, TicketPayload,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(draft) = serde_json::from_slice::<TicketDraft>(bytes) {
        let _ = validate(&draft, &TicketConfig::default());
        let _ = draft.text_json();
        let _ = draft.deflection_query();
        let site = SiteRef {
            name: "Help".into(),
            url: "https://help.example".into(),
        };
        let payload =
            TicketPayload::new(&draft, &TicketContext::default(), site, None, String::new());
        let _ = payload.plain_text();
        let _ = payload.mailto("it@example.com");
    }
    let _ = serde_json::from_slice::<Attachment>(bytes);
    let _ = serde_json::from_slice::<(String, String)>(bytes);
    if let Ok(mut outbox) = serde_json::from_slice::<Outbox>(bytes) {
        let _ = outbox.next_attempt_ms();
        let due = outbox.due(1e12);
        for entry in &outbox.entries {
            let _ = backoff_ms(entry.failed_attempts);
        }
        if let Some(reference) = due.first() {
            outbox.record_failure(reference, 1e12, "offline".into());
            let _ = outbox.delivered(reference);
        }
        outbox.retry_all_now(1e12);
    }
    if let Ok(mut log) = serde_json::from_slice::<Vec<SentTicket>>(bytes) {
        if let Some(first) = log.first().cloned() {
            remember_sent(&mut log, first);
        }
    }
    if let Ok(mut handoffs) = serde_json::from_slice::<Handoffs>(bytes) {
        if let Some(payload) = handoffs.waiting.first().cloned() {
            let reference = payload.reference.clone();
            handoffs.hand_off(payload);
            let _ = handoffs.confirm(&reference);
        }
    }
});
