//! The ticket model: what the form checks, what is delivered, and the
//! outbox that keeps a ticket until a receiver has it.

use lantern_core::ticket::attachment;
use lantern_core::ticket::delivery::{MAX_GITHUB_URL_CHARS, MAX_MAILTO_CHARS};
use lantern_core::ticket::{
    reference_from, validate, ArticleVisit, Channel, ContextPart, Field, GithubConfig, Handoffs,
    Outbox, SiteRef, TicketConfig, TicketContext, TicketDraft, TicketPayload, Urgency,
};
use percent_encoding::percent_decode_str;

fn draft() -> TicketDraft {
    TicketDraft {
        name: "Ada Lovelace".into(),
        email: "ada@example.com".into(),
        subject: "Outlook keeps asking for my password".into(),
        description: "Since this morning Outlook asks for my password every few minutes.\nI tried the article on credentials.".into(),
        category: "email".into(),
        urgency: Urgency::High,
        ..TicketDraft::new(reference_from([1, 2, 3, 4, 5]))
    }
}

fn context() -> TicketContext {
    TicketContext {
        queries: vec!["outlok password".into(), "outlook credentials".into()],
        articles: vec![ArticleVisit {
            slug: "outlook-password-prompt".into(),
            title: "Outlook keeps asking for your password".into(),
            url: "https://help.example/a/outlook-password-prompt/".into(),
            not_helpful: None,
        }],
        came_from: "https://help.example/?q=outlok%20password".into(),
        user_agent: "Mozilla/5.0 Chrome/156".into(),
        platform: "Linux x86_64".into(),
        language: "en-GB".into(),
        local_time: "2026-11-25T14:03:00+01:00".into(),
        online: Some(true),
    }
}

fn site() -> SiteRef {
    SiteRef {
        name: "IT Help Center".into(),
        url: "https://help.example/".into(),
    }
}

fn payload(draft: &TicketDraft) -> TicketPayload {
    TicketPayload::new(
        draft,
        &context(),
        site(),
        Some("Email & calendar".into()),
        "2026-11-25T13:03:00.000Z".into(),
    )
}

fn decoded(url: &str) -> String {
    percent_decode_str(url).decode_utf8().unwrap().into_owned()
}

#[test]
fn a_complete_draft_has_no_errors() {
    assert_eq!(validate(&draft(), &TicketConfig::default()), vec![]);
}

#[test]
fn each_missing_or_bad_field_gets_its_own_message_in_form_order() {
    let bad = TicketDraft {
        name: " ".into(),
        email: "ada@example".into(),
        subject: "x".repeat(151),
        description: "help".into(),
        ..TicketDraft::default()
    };
    let errors = validate(&bad, &TicketConfig::default());
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Email,
            Field::Subject,
            Field::Description
        ]
    );
    assert!(errors[1].message.contains("name@example.com"), "{errors:?}");
    assert!(errors[2].message.contains("now 151"), "{errors:?}");
}

#[test]
fn the_payload_carries_every_field_and_the_context() {
    let p = payload(&draft());
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["reference"], "LT-0410-6105");
    assert_eq!(json["requester"]["email"], "ada@example.com");
    assert_eq!(json["category"]["name"], "Email & calendar");
    assert_eq!(json["urgency"], "high");
    assert_eq!(json["context"]["queries"][0], "outlok password");
    assert_eq!(
        json["context"]["articles"][0]["slug"],
        "outlook-password-prompt"
    );
    assert_eq!(json["context"]["online"], true);
    assert_eq!(json["attachment"], serde_json::Value::Null);
    // What a receiver gets back is what was sent.
    let back: TicketPayload = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn context_the_user_removed_is_not_sent() {
    let mut d = draft();
    d.removed_context = vec![
        ContextPart::Queries,
        ContextPart::Browser,
        ContextPart::Online,
    ];
    let p = payload(&d);
    assert_eq!(p.context.online, None);
    assert!(!p.plain_text().contains("Connection:"));
    assert!(p.context.queries.is_empty());
    assert!(p.context.user_agent.is_empty() && p.context.platform.is_empty());
    assert_eq!(p.context.articles.len(), 1);
    let text = p.plain_text();
    assert!(!text.contains("outlok password"), "{text}");
    assert!(!text.contains("Chrome"), "{text}");
    assert!(
        text.contains("Articles read: Outlook keeps asking"),
        "{text}"
    );
}

#[test]
fn plain_text_reads_like_a_ticket() {
    let text = payload(&draft()).plain_text();
    for expected in [
        "Reference: LT-0410-6105\n",
        "From: Ada Lovelace <ada@example.com>\n",
        "Urgency: High: I cannot do my work\n",
        "Since this morning Outlook",
        "-- Context --\nSearched for: “outlok password”, “outlook credentials”\n",
        "Connection: online\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn mailto_cannot_gain_recipients_or_headers_from_what_the_user_typed() {
    let mut d = draft();
    d.subject = "Help\r\nBcc: everyone@example.com".into();
    d.description = "a&cc=boss@example.com?bcc=x@y.z#frag %0D%0A".into();
    d.name = "Eve\nTo: victim@example.com".into();
    let url = payload(&d).mailto("servicedesk@example.com");
    let (head, query) = url.split_once('?').unwrap();
    assert_eq!(head, "mailto:servicedesk@example.com");
    let keys: Vec<&str> = query
        .split('&')
        .map(|kv| kv.split_once('=').unwrap().0)
        .collect();
    assert_eq!(keys, ["subject", "body"]);
    assert!(!url.contains(['\r', '\n', ' ', '#']), "{url}");
    let subject = decoded(
        query
            .split('&')
            .next()
            .unwrap()
            .trim_start_matches("subject="),
    );
    assert_eq!(subject, "Help Bcc: everyone@example.com [LT-0410-6105]");
}

#[test]
fn mailto_address_keeps_a_literal_at_sign_as_rfc_6068_writes_it() {
    let url = payload(&draft()).mailto("servicedesk@example.com");
    assert!(
        url.starts_with(
            "mailto:servicedesk@example.com?subject=Outlook%20keeps%20asking%20for%20my%20password%20%5BLT-0410-6105%5D&body=Reference%3A%20LT-0410-6105%0D%0AFrom%3A%20Ada%20Lovelace%20%3Cada%40example.com%3E%0D%0A"
        ),
        "{url}"
    );
    let plus = payload(&draft()).mailto("it+help@example.com");
    assert!(
        plus.starts_with("mailto:it+help@example.com?subject="),
        "{plus}"
    );
}

#[test]
fn mailto_address_still_percent_encodes_query_fragment_percent_and_comma() {
    let url = payload(&draft()).mailto("a?b&c#d%e,f g@example.com");
    let (head, _) = url.split_once("?subject=").unwrap();
    assert_eq!(head, "mailto:a%3Fb%26c%23d%25e%2Cf%20g@example.com");
}

#[test]
fn an_email_handoff_keeps_the_ticket_until_the_user_says_the_email_went() {
    let mut d = draft();
    d.attachment = Some(lantern_core::ticket::Attachment {
        name: "screen.png".into(),
        mime_type: "image/png".into(),
        size: 3,
        content_base64: "AAAA".into(),
    });
    let mut handoffs = Handoffs::default();
    handoffs.hand_off(payload(&d));
    // Kept through storage (a reload), with the whole text to send again.
    let stored = serde_json::to_string(&handoffs).unwrap();
    let mut handoffs: Handoffs = serde_json::from_str(&stored).unwrap();
    let kept = handoffs.get(&d.reference).expect("kept until confirmed");
    assert!(kept
        .plain_text()
        .contains("Outlook asks for my password every few minutes"));
    assert!(kept.plain_text().contains("Attachment: screen.png"));
    assert!(kept
        .mailto("servicedesk@example.com")
        .contains("Outlook%20asks"));
    assert_eq!(kept.attachment.as_ref().unwrap().content_base64, "");
    // Handed over again (after an edit): one ticket, the newer text.
    d.description = "Now it asks every minute.".into();
    handoffs.hand_off(payload(&d));
    assert_eq!(handoffs.waiting.len(), 1);
    assert_eq!(
        handoffs.get(&d.reference).unwrap().description,
        "Now it asks every minute."
    );
    // Only the user's word ends it.
    let sent = handoffs.confirm(&d.reference).expect("confirmed");
    assert_eq!(sent.reference, d.reference);
    assert!(handoffs.get(&d.reference).is_none());
    assert!(handoffs.confirm(&d.reference).is_none());
}

#[test]
fn long_tickets_are_cut_to_fit_the_link_and_say_so() {
    let mut d = draft();
    d.description = "Résumé of the error log. ".repeat(2000);
    let p = payload(&d);
    let mailto = p.mailto("servicedesk@example.com");
    assert!(mailto.len() <= MAX_MAILTO_CHARS, "{}", mailto.len());
    assert!(decoded(&mailto).contains("Shortened to fit"));
    let github = p.github_url(&GithubConfig {
        repo: "acme/helpdesk".into(),
        labels: vec!["support".into(), "from help center".into()],
    });
    assert!(github.len() <= MAX_GITHUB_URL_CHARS, "{}", github.len());
    assert!(github
        .starts_with("https://github.com/acme/helpdesk/issues/new?title=Outlook%20keeps%20asking"));
    assert!(github.contains("&labels=support%2Cfrom%20help%20center&body="));
}

#[test]
fn channels_fall_back_in_the_configured_order() {
    let config: TicketConfig = toml_like(
        r#"{"email": "desk@example.com", "github": {"repo": "acme/help"},
            "webhook": {"url": "https://desk.example/hook"}}"#,
    );
    assert_eq!(config.primary(), Some(Channel::Webhook));
    assert_eq!(config.fallbacks(), [Channel::Email, Channel::Github]);
    assert_eq!(config.webhook.unwrap().timeout_seconds, 15);
}

fn toml_like(json: &str) -> TicketConfig {
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_outbox_keeps_a_ticket_until_a_2xx_and_never_queues_it_twice() {
    let mut outbox = Outbox::default();
    let p = payload(&draft());
    outbox.enqueue(p.clone(), 1_000.0);
    outbox.enqueue(p.clone(), 1_500.0);
    assert_eq!(outbox.entries.len(), 1);
    assert_eq!(outbox.due(1_000.0), [p.reference.as_str()]);

    outbox.record_failure(&p.reference, 1_000.0, "HTTP 500".into());
    assert!(outbox.due(2_999.0).is_empty());
    assert_eq!(outbox.due(3_000.0), [p.reference.as_str()]);
    outbox.record_failure(&p.reference, 3_000.0, "timed out".into());
    assert_eq!(outbox.next_attempt_ms(), Some(7_000.0));
    outbox.retry_all_now(4_000.0);
    assert_eq!(outbox.due(4_000.0).len(), 1);

    // Survives the trip through local storage.
    let stored = serde_json::to_string(&outbox).unwrap();
    let mut outbox: Outbox = serde_json::from_str(&stored).unwrap();
    let entry = outbox.delivered(&p.reference).unwrap();
    assert_eq!(entry.failed_attempts, 2);
    assert_eq!(entry.last_error.as_deref(), Some("timed out"));
    assert!(outbox.entries.is_empty());
    assert_eq!(outbox.next_attempt_ms(), None);
}

#[test]
fn attachments_are_checked_and_carried_as_base64() {
    let png = b"\x89PNG\r\n\x1a\nrest-of-image";
    let a = attachment::attach("screen.png", png, 1024).unwrap();
    assert_eq!(a.mime_type, "image/png");
    assert_eq!(a.size, png.len());
    assert_eq!(a.content_base64, "iVBORw0KGgpyZXN0LW9mLWltYWdl");
    assert!(attachment::attach("screen.png", b"MZ\x90", 1024).is_err());
    assert!(attachment::attach("huge.png", &[0x89; 2048], 1024)
        .unwrap_err()
        .contains("at most 1 KB"));

    let mut d = draft();
    d.attachment = Some(a);
    let text = payload(&d).plain_text();
    assert!(text.contains("Attachment: screen.png (21 bytes)"), "{text}");
}

#[test]
fn an_oversized_attachment_in_a_stored_draft_is_still_refused() {
    let mut d = draft();
    d.attachment = Some(lantern_core::ticket::Attachment {
        name: "big.pdf".into(),
        mime_type: "application/pdf".into(),
        size: 5 << 20,
        content_base64: String::new(),
    });
    let errors = validate(&d, &TicketConfig::default());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, Field::Attachment);
}

#[test]
fn the_deflection_query_uses_the_subject_and_the_start_of_the_description() {
    let mut d = draft();
    d.description = "word ".repeat(100);
    let query = d.deflection_query();
    assert!(query.starts_with("Outlook keeps asking for my password word"));
    assert_eq!(query.split_whitespace().count(), 6 + 24);
}
