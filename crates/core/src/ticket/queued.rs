//! A ticket as the outbox keeps it: the JSON the form made, sent as it is.
//!
//! Why not the typed [`TicketPayload`]: every page's bundle delivers the
//! outbox, but only the form's bundle reads or writes a ticket's fields.
//! Decoding the whole payload on every page put its serde code (the
//! payload, its context, urgency, site and requester: 21 KB of wasm before
//! wasm-opt, measured with `twiggy top`) into the main bundle, which is at
//! its 300 KB budget. Here the main bundle checks the ticket's shape (the
//! fields a receiver relies on, with their JSON types) on plain
//! `serde_json::Value`s, which the catalog needs anyway, and posts the JSON
//! unread. The form's bundle reads the fields with [`QueuedTicket::ticket`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::TicketPayload;

/// A waiting ticket's JSON, with its reference.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedTicket {
    json: Value,
    reference: String,
}

impl QueuedTicket {
    /// The ticket the form made.
    pub fn new(payload: &TicketPayload) -> Self {
        Self {
            json: serde_json::to_value(payload).expect("a ticket always serialises"),
            reference: payload.reference.clone(),
        }
    }

    /// A stored ticket, if it has a ticket's shape: a reference (any
    /// non-empty text: another version may make them otherwise), the
    /// fields every ticket has with their JSON types, and the optional ones
    /// of the right type when present. Anything else is left unread (see
    /// `ticket::stored`), never sent.
    pub fn from_json(json: Value) -> Option<Self> {
        let reference = json.get("reference")?.as_str()?.to_string();
        let fields = json.as_object()?;
        let text = |name: &str| fields.get(name).is_some_and(Value::is_string);
        let texts_in = |name: &str, inner: &[&str]| {
            fields
                .get(name)
                .and_then(Value::as_object)
                .is_some_and(|o| {
                    inner
                        .iter()
                        .all(|field| o.get(*field).is_some_and(Value::is_string))
                })
        };
        let optional = |name: &str, is: fn(&Value) -> bool| {
            fields.get(name).is_none_or(|v| v.is_null() || is(v))
        };
        let shaped = !reference.trim().is_empty()
            && fields.get("schema_version").is_some_and(Value::is_u64)
            && ["created_at", "subject", "description"]
                .iter()
                .all(|f| text(f))
            && texts_in("site", &["name", "url"])
            && texts_in("requester", &["name", "email"])
            && optional("category", Value::is_object)
            && optional("urgency", Value::is_string)
            && optional("attachment", Value::is_object)
            && optional("context", Value::is_object);
        shaped.then_some(Self { json, reference })
    }

    /// Its reference.
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// The JSON the receiver gets.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// Its fields, for the pages that show them (the confirmation, the
    /// email handoff): `None` when they do not read as a ticket of this
    /// version after all.
    pub fn ticket(&self) -> Option<TicketPayload> {
        TicketPayload::deserialize(&self.json).ok()
    }
}

impl Serialize for QueuedTicket {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for QueuedTicket {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = Value::deserialize(deserializer)?;
        Self::from_json(json).ok_or_else(|| serde::de::Error::custom("not a ticket"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ticket() -> Value {
        json!({
            "schema_version": 1, "reference": "LT-7K3Q-XM9P", "created_at": "2026-12-07T10:00:00Z",
            "site": {"name": "Help", "url": "https://help.example"},
            "requester": {"name": "Ada", "email": "ada@example.com"},
            "subject": "VPN", "description": "It drops", "urgency": "normal",
            "context": {"queries": ["vpn"]}, "priority": "a field from a later version",
        })
    }

    #[test]
    fn a_stored_ticket_is_kept_as_stored_fields_from_later_versions_included() {
        let queued: QueuedTicket = serde_json::from_value(ticket()).unwrap();
        assert_eq!(queued.reference(), "LT-7K3Q-XM9P");
        assert_eq!(serde_json::to_value(&queued).unwrap(), ticket());
        assert_eq!(queued.ticket().unwrap().subject, "VPN");
    }

    #[test]
    fn a_field_of_the_wrong_type_or_a_missing_one_is_not_a_ticket() {
        let damage: [(&str, Value); 6] = [
            ("subject", json!(5)),
            ("reference", json!("")),
            ("site", json!({"name": "Help"})),
            ("requester", json!("ada")),
            ("schema_version", json!("1")),
            ("context", json!([])),
        ];
        for (field, value) in damage {
            let mut stored = ticket();
            stored[field] = value;
            assert!(QueuedTicket::from_json(stored).is_none(), "{field}");
        }
        let mut stored = ticket();
        stored.as_object_mut().unwrap().remove("description");
        assert!(QueuedTicket::from_json(stored).is_none());
    }

    #[test]
    fn optional_fields_may_be_missing_or_null() {
        let mut stored = ticket();
        let fields = stored.as_object_mut().unwrap();
        fields.remove("urgency");
        fields.remove("context");
        fields.insert("category".into(), Value::Null);
        let queued = QueuedTicket::from_json(stored).unwrap();
        assert_eq!(queued.ticket().unwrap().category, None);
    }
}
