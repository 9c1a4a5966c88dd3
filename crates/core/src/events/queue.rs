//! Events on their way out of the browser (issue 17): the visit's session
//! id, the batches they travel in, and the batches still waiting for a
//! receiver's 2xx. Plain logic over times the caller gives, so it is
//! tested without a browser; `src/events` adds storage, timers and fetch.
//!
//! Losing an event is acceptable, slowing search is not: nothing here runs
//! on a keystroke, and a batch that no receiver takes for
//! [`GIVE_UP_AFTER_MS`] is dropped rather than kept for ever.
//!
//! Stored as plain text lines rather than with serde: every derived
//! (de)serialiser is code in the main bundle, which is at its size budget,
//! and these are two small records of numbers and one JSON body.

use crate::ticket::outbox::backoff_ms;

/// A batch's body stays under the 64 KiB that browsers let all of a page's
/// `keepalive` requests carry at once (the Fetch standard's quota), so the
/// last flush of a closing page is not refused.
pub const MAX_BATCH_BYTES: usize = 60_000;
/// A batch leaves once this many events wait.
pub const FLUSH_AT: usize = 20;
/// Or this long after the first of them.
pub const FLUSH_AFTER_MS: f64 = 10_000.0;
/// A batch no receiver has taken for ten minutes is dropped.
pub const GIVE_UP_AFTER_MS: f64 = 600_000.0;
/// A session ends after 30 minutes without an event.
pub const SESSION_IDLE_MS: f64 = 30.0 * 60_000.0;

/// The visit's random id, as sessionStorage keeps it (`id last_ms`).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Random; nothing else identifies the reader.
    pub id: String,
    /// When its last event happened, in milliseconds since the epoch.
    pub last_ms: f64,
}

impl Session {
    /// As stored.
    pub fn to_text(&self) -> String {
        // Whole milliseconds: float formatting and parsing would add core's
        // float code to the bundle for nothing.
        format!("{} {}", self.id, self.last_ms as u64)
    }

    /// What was stored, if it reads.
    pub fn from_text(text: &str) -> Option<Session> {
        let (id, last) = text.split_once(' ')?;
        let last_ms = last.parse::<u64>().ok()? as f64;
        (!id.is_empty()).then(|| Session {
            id: id.to_string(),
            last_ms,
        })
    }

    /// The session an event at `now` belongs to: the stored one if it was
    /// active in the last 30 minutes, else a new one with `new_id`.
    pub fn at(stored: Option<Session>, now: f64, new_id: impl FnOnce() -> String) -> Session {
        match stored {
            Some(s) if now - s.last_ms <= SESSION_IDLE_MS && now >= s.last_ms - 60_000.0 => {
                Session { last_ms: now, ..s }
            }
            _ => Session {
                id: new_id(),
                last_ms: now,
            },
        }
    }
}

/// The bodies to post for these events (each one event's JSON): one batch
/// as docs/events.md describes it per [`MAX_BATCH_BYTES`]. An event too
/// big for a batch of its own is left out.
pub fn batch_bodies(events: &[String]) -> Vec<String> {
    const HEAD: &str = r#"{"schema_version":1,"events":["#;
    let mut bodies = Vec::new();
    let mut body = String::new();
    for event in events {
        if HEAD.len() + event.len() + 2 > MAX_BATCH_BYTES {
            continue;
        }
        if !body.is_empty() && body.len() + event.len() + 3 > MAX_BATCH_BYTES {
            body.push_str("]}");
            bodies.push(std::mem::take(&mut body));
        }
        if body.is_empty() {
            body.push_str(HEAD);
        } else {
            body.push(',');
        }
        body.push_str(event);
    }
    if !body.is_empty() {
        body.push_str("]}");
        bodies.push(body);
    }
    bodies
}

/// A batch posted and not yet taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The exact body, posted again as it is (a receiver that took it
    /// once drops the repeat by the events' ids).
    pub body: String,
    /// When it was made.
    pub made_ms: f64,
    /// Failed attempts so far.
    pub failed: u32,
    /// When to try again.
    pub next_ms: f64,
}

/// The batches waiting for a receiver's 2xx, kept in sessionStorage so a
/// reload in the middle of a flush sends them again (at worst a duplicate,
/// which `lantern report` drops by event id).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pending {
    /// Oldest first.
    pub batches: Vec<Batch>,
}

impl Pending {
    /// As stored: a line per batch, `made_ms failed next_ms body` (a body
    /// is one line of JSON: serde_json escapes line breaks in strings).
    pub fn to_text(&self) -> String {
        let lines: Vec<String> = self
            .batches
            .iter()
            .map(|b| {
                let (made, next) = (b.made_ms as u64, b.next_ms as u64);
                format!("{made} {} {next} {}", b.failed, b.body)
            })
            .collect();
        lines.join("\n")
    }

    /// What was stored; a line that does not read is dropped (events may
    /// be lost, never the page).
    pub fn from_text(text: &str) -> Pending {
        let read = |line: &str| {
            let mut parts = line.splitn(4, ' ');
            let made_ms = parts.next()?.parse::<u64>().ok()? as f64;
            let failed = parts.next()?.parse().ok()?;
            let next_ms = parts.next()?.parse::<u64>().ok()? as f64;
            let body = parts.next().filter(|b| b.starts_with('{'))?.to_string();
            Some(Batch {
                body,
                made_ms,
                failed,
                next_ms,
            })
        };
        Pending {
            batches: text.lines().filter_map(read).collect(),
        }
    }

    /// Adds the bodies of a flush, due now.
    pub fn add(&mut self, bodies: Vec<String>, now: f64) {
        self.batches.extend(bodies.into_iter().map(|body| Batch {
            body,
            made_ms: now,
            failed: 0,
            next_ms: now,
        }));
    }

    /// Drops what waited too long; the bodies due now, to post.
    pub fn due(&mut self, now: f64) -> Vec<String> {
        self.batches
            .retain(|b| now - b.made_ms <= GIVE_UP_AFTER_MS && now >= b.made_ms - 60_000.0);
        self.batches
            .iter()
            .filter(|b| b.next_ms <= now)
            .map(|b| b.body.clone())
            .collect()
    }

    /// The receiver took it.
    pub fn taken(&mut self, body: &str) {
        self.batches.retain(|b| b.body != body);
    }

    /// It was not taken: tried again with the outbox's backoff.
    pub fn failed(&mut self, body: &str, now: f64) {
        for batch in self.batches.iter_mut().filter(|b| b.body == body) {
            batch.failed = batch.failed.saturating_add(1);
            batch.next_ms = now + backoff_ms(batch.failed);
        }
    }

    /// How long until the next batch is due, if any waits.
    pub fn wait_ms(&self, now: f64) -> Option<f64> {
        let next = self
            .batches
            .iter()
            .map(|b| b.next_ms)
            .min_by(f64::total_cmp)?;
        Some((next - now).clamp(50.0, GIVE_UP_AFTER_MS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_lasts_until_thirty_idle_minutes() {
        let first = Session::at(None, 1_000.0, || "a".into());
        assert_eq!(first.id, "a");
        let later = Session::at(Some(first.clone()), 1_000.0 + SESSION_IDLE_MS, || {
            "b".into()
        });
        assert_eq!(later.id, "a");
        let idle = Session::at(
            Some(later.clone()),
            later.last_ms + SESSION_IDLE_MS + 1.0,
            || "c".into(),
        );
        assert_eq!(idle.id, "c");
        // A clock put back by hours does not keep a session alive.
        let back = Session::at(Some(idle), -10.0 * SESSION_IDLE_MS, || "d".into());
        assert_eq!(back.id, "d");
    }

    #[test]
    fn what_is_stored_reads_back_and_damage_costs_only_its_line() {
        let session = Session {
            id: "5b2e".into(),
            last_ms: 1_500_000_000_123.0,
        };
        assert_eq!(Session::from_text(&session.to_text()), Some(session));
        for damaged in ["", "5b2e", "5b2e x", " 12", "5b2e NaN"] {
            assert_eq!(Session::from_text(damaged), None, "{damaged}");
        }
        let mut pending = Pending::default();
        pending.add(batch_bodies(&[r#"{"q":"a b\nc"}"#.into()]), 7.0);
        pending.failed(&pending.batches[0].body.clone(), 9.0);
        let text = pending.to_text();
        assert_eq!(Pending::from_text(&text), pending);
        let damaged = format!("garbage\n1 2 x {{}}\n{text}\n3 0 3 not json");
        assert_eq!(Pending::from_text(&damaged), pending);
    }

    #[test]
    fn batches_are_the_documented_shape_and_stay_under_the_keepalive_quota() {
        let events: Vec<String> = (0..400)
            .map(|i| format!(r#"{{"id":"e{i}","query":"{}"}}"#, "x".repeat(400)))
            .collect();
        let bodies = batch_bodies(&events);
        assert!(bodies.len() > 1);
        let mut ids = Vec::new();
        for body in &bodies {
            assert!(body.len() <= MAX_BATCH_BYTES, "{}", body.len());
            let batch: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(batch["schema_version"], 1);
            for event in batch["events"].as_array().unwrap() {
                ids.push(event["id"].as_str().unwrap().to_string());
            }
        }
        let expected: Vec<String> = (0..400).map(|i| format!("e{i}")).collect();
        assert_eq!(ids, expected);
        assert!(batch_bodies(&[]).is_empty());
        assert!(batch_bodies(&["x".repeat(MAX_BATCH_BYTES)]).is_empty());
    }

    #[test]
    fn a_failed_batch_is_retried_with_backoff_and_dropped_after_ten_minutes() {
        let mut pending = Pending::default();
        pending.add(vec!["a".into(), "b".into()], 0.0);
        assert_eq!(pending.due(0.0), ["a", "b"]);
        pending.taken("a");
        pending.failed("b", 0.0);
        assert!(pending.due(1_000.0).is_empty());
        assert_eq!(pending.wait_ms(1_000.0), Some(1_000.0));
        assert_eq!(pending.due(2_000.0), ["b"]);
        assert!(pending.due(GIVE_UP_AFTER_MS + 1.0).is_empty());
        assert!(pending.batches.is_empty());
        assert_eq!(pending.wait_ms(0.0), None);
    }
}
