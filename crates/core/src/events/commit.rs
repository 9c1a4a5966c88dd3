//! Which searches count (issue 17): a search is *committed* when the reader
//! stops to look at the results (a pause of about 1.5 s, Enter, a click
//! on a result, leaving the box, starting a ticket), never at every
//! letter typed. Of a search that the reader then went on typing ("vpn",
//! then "vpn disconn" a few seconds later), only the longer one counts:
//! a search committed by a pause or by leaving the box waits
//! [`HOLD_MS`] for a longer one before it is released. Enter, a click and
//! a ticket are the reader's last word and are released at once.
//!
//! Plain logic over times the caller gives (milliseconds), so it is
//! tested without a clock; the browser calls it from its timers, never on
//! the keystroke path.

/// How long a search committed by a pause waits for the reader to go on
/// typing it.
pub const HOLD_MS: f64 = 4000.0;

/// How a search was committed, as events name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The reader stopped typing for a moment.
    Pause,
    /// Enter in the search box.
    Enter,
    /// A click on a result.
    Click,
    /// Focus left the search box.
    Leave,
    /// The reader started a ticket.
    Ticket,
}

impl How {
    /// The name events carry.
    pub fn name(self) -> &'static str {
        match self {
            How::Pause => "pause",
            How::Enter => "enter",
            How::Click => "click",
            How::Leave => "leave",
            How::Ticket => "ticket",
        }
    }

    fn is_final(self) -> bool {
        matches!(self, How::Enter | How::Click | How::Ticket)
    }
}

/// A committed search: what the caller turns into an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Committed<T> {
    /// The query as typed (redact before sending).
    pub query: String,
    /// How it was committed.
    pub how: How,
    /// What the caller keeps with it (result count, top results).
    pub data: T,
}

/// The searches committed so far and not yet released.
#[derive(Debug)]
pub struct Commits<T> {
    held: Option<(Committed<T>, f64)>,
    last: Option<String>,
}

impl<T> Default for Commits<T> {
    fn default() -> Self {
        Commits {
            held: None,
            last: None,
        }
    }
}

impl<T> Commits<T> {
    /// The reader committed `query` at `now`; returns what is released by
    /// it, in order (at most two: a held search that this one does not
    /// continue, then this one if it is final).
    pub fn commit(&mut self, query: &str, how: How, data: T, now: f64) -> Vec<Committed<T>> {
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = Vec::new();
        if query.is_empty() {
            return out;
        }
        if let Some((held, at)) = self.held.take() {
            let continued = now - at <= HOLD_MS && continues(&held.query, &query);
            if !continued && held.query != query {
                out.extend(self.release(held));
            }
        }
        let search = Committed { query, how, data };
        if how.is_final() {
            out.extend(self.release(search));
        } else {
            self.held = Some((search, now));
        }
        out
    }

    /// The held search, once it has waited [`HOLD_MS`] (call it from a
    /// timer).
    pub fn due(&mut self, now: f64) -> Option<Committed<T>> {
        match &self.held {
            Some((_, at)) if now - at >= HOLD_MS => self.flush(),
            _ => None,
        }
    }

    /// The held search at once: the page is being hidden or left.
    pub fn flush(&mut self) -> Option<Committed<T>> {
        let (held, _) = self.held.take()?;
        self.release(held)
    }

    /// Released unless it repeats the last one released (a pause, then
    /// Enter on the same words).
    fn release(&mut self, search: Committed<T>) -> Option<Committed<T>> {
        if self.last.as_deref() == Some(search.query.as_str()) {
            return None;
        }
        self.last = Some(search.query.clone());
        Some(search)
    }
}

/// `next` goes on typing `held` ("vpn" → "vpn disconn"; a corrected last
/// word, "vpn dis" → "vpn disconnect", too).
fn continues(held: &str, next: &str) -> bool {
    let held = crate::text::fold(held);
    let next = crate::text::fold(next);
    next.len() > held.len() && next.starts_with(&held)
}

#[cfg(test)]
mod tests {
    use super::{Commits, How, HOLD_MS};

    fn queries<T>(released: Vec<super::Committed<T>>) -> Vec<String> {
        released.into_iter().map(|c| c.query).collect()
    }

    #[test]
    fn a_search_the_reader_goes_on_typing_is_dropped_for_the_longer_one() {
        let mut commits = Commits::default();
        assert!(commits.commit("vpn", How::Pause, (), 0.0).is_empty());
        assert!(commits
            .commit("vpn disconn", How::Pause, (), 2000.0)
            .is_empty());
        assert_eq!(commits.due(2000.0 + HOLD_MS - 1.0), None);
        assert_eq!(commits.due(2000.0 + HOLD_MS).unwrap().query, "vpn disconn");
        assert_eq!(commits.flush(), None);
    }

    #[test]
    fn a_different_search_releases_the_held_one() {
        let mut commits = Commits::default();
        commits.commit("printer offline", How::Pause, 3, 0.0);
        let released = commits.commit("outlook", How::Enter, 7, 1000.0);
        assert_eq!(released.iter().map(|c| c.data).collect::<Vec<_>>(), [3, 7]);
        assert_eq!(queries(released), ["printer offline", "outlook"]);
    }

    #[test]
    fn a_search_continued_after_the_hold_counts_twice() {
        let mut commits = Commits::default();
        commits.commit("vpn", How::Pause, (), 0.0);
        let released = commits.commit("vpn disconn", How::Leave, (), HOLD_MS + 1.0);
        assert_eq!(queries(released), ["vpn"]);
        assert_eq!(commits.flush().unwrap().how, How::Leave);
    }

    #[test]
    fn enter_after_a_pause_on_the_same_words_is_one_search() {
        let mut commits = Commits::default();
        commits.commit("wifi  drops", How::Pause, (), 0.0);
        let released = commits.commit("wifi drops", How::Enter, (), 500.0);
        assert_eq!(queries(released), ["wifi drops"]);
        assert!(commits
            .commit("wifi drops", How::Click, (), 900.0)
            .is_empty());
        assert_eq!(commits.flush(), None);
    }

    #[test]
    fn an_empty_box_commits_nothing() {
        let mut commits: Commits<()> = Commits::default();
        assert!(commits.commit("   ", How::Enter, (), 0.0).is_empty());
        assert_eq!(commits.flush(), None);
    }
}
