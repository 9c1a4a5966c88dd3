//! Lists of tickets as browser storage gives them back: read one entry at a
//! time. Storage is not ours alone: an extension, a disk error, a quota
//! cut mid-write or a newer version of Lantern in another tab can leave
//! one entry we cannot read. Decoding the whole list at once turned one
//! such entry into an empty outbox, and the next write erased every
//! waiting ticket (issue 20). Here a bad entry only costs itself: it is
//! kept, as it was stored, beside the list, written back with it, and tried
//! again on every read (a newer version may read it).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// The field a container keeps its unreadable entries in.
pub const UNREADABLE_FIELD: &str = "unreadable";

/// What a stored list held: the entries that decode, and the others as
/// they were stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBack<T> {
    /// The entries that decode, in stored order.
    pub items: Vec<T>,
    /// Everything else, as stored (a text that was not JSON at all is kept
    /// as a JSON string).
    pub unreadable: Vec<Value>,
}

impl<T> Default for ReadBack<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// Reads a stored list: a JSON array, or an object whose `list_field` is
/// the array (and whose [`UNREADABLE_FIELD`] holds what an earlier read
/// set aside). Never fails: what does not decode is kept in `unreadable`.
pub fn read_back<T: DeserializeOwned>(text: &str, list_field: &str) -> ReadBack<T> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return ReadBack {
            items: Vec::new(),
            unreadable: vec![Value::String(text.to_string())],
        };
    };
    let (listed, set_aside) = match value {
        Value::Null => (Vec::new(), Vec::new()),
        Value::Array(listed) => (listed, Vec::new()),
        Value::Object(mut fields) => (
            take_list(fields.remove(list_field)),
            take_list(fields.remove(UNREADABLE_FIELD)),
        ),
        other => (Vec::new(), vec![other]),
    };
    let mut read = ReadBack::default();
    // Entries set aside before come back if they decode now.
    for value in listed.into_iter().chain(set_aside) {
        match T::deserialize(&value) {
            Ok(item) => read.items.push(item),
            Err(_) => read.unreadable.push(value),
        }
    }
    read
}

fn take_list(value: Option<Value>) -> Vec<Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => vec![other],
    }
}

/// The unreadable entries that mention this reference, as JSON text (the
/// confirmation page says the ticket is on this device but damaged, not
/// unknown, and offers to copy what was saved).
pub fn mentioning(unreadable: &[Value], reference: &str) -> Option<String> {
    if reference.is_empty() {
        return None;
    }
    let found: Vec<String> = unreadable
        .iter()
        .map(|v| match v {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        })
        .filter(|text| text.contains(reference))
        .collect();
    (!found.is_empty()).then(|| found.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_null_or_empty_object_is_an_empty_list_with_nothing_set_aside() {
        for text in ["null", "{}", "[]", r#"{"entries":null}"#] {
            let read: ReadBack<u32> = read_back(text, "entries");
            assert_eq!(read, ReadBack::default(), "{text}");
        }
    }

    #[test]
    fn a_scalar_or_a_non_list_field_is_set_aside_not_dropped() {
        let read: ReadBack<u32> = read_back(r#"{"entries":"x"}"#, "entries");
        assert_eq!(read.unreadable, [Value::String("x".into())]);
        let read: ReadBack<String> = read_back("7", "entries");
        assert!(read.items.is_empty());
        assert_eq!(read.unreadable, [serde_json::json!(7)]);
    }
}
