//! Live reload: which build the server is on, and what every HTML page it
//! serves gets added at response time (never on disk, so nothing of it can
//! reach a published site): the current build's errors as a banner, and a
//! script that long-polls [`EVENTS`] and reloads the page when the build
//! changes.
//!
//! A long poll rather than a WebSocket or server-sent events: it needs
//! nothing but plain request/response from the server, and when the server
//! is stopped and started again the script just keeps polling, quietly,
//! until it answers (with another build id, so the page reloads).

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lantern_core::render::escape_html;

/// The long-poll endpoint: `GET /__lantern/events?since=<build>`.
pub const EVENTS: &str = "/__lantern/events";
/// The reload script and the banner's styles, served as files: every page
/// carries a Content-Security-Policy (`csp.rs`) that runs no inline script
/// and applies no inline style it does not know the hash of.
pub const SCRIPT: &str = "/__lantern/reload.js";
pub const STYLE: &str = "/__lantern/serve.css";

/// Polls for the next build and reloads the page when it comes. While the
/// server is down the request fails: wait a second and ask again, without
/// a word in the console beyond the browser's own. The build it was served
/// with is its tag's `data-build`.
pub const SCRIPT_JS: &str = r#"(function(){var build=document.currentScript.dataset.build;function poll(){fetch("/__lantern/events?since="+encodeURIComponent(build),{cache:"no-store"}).then(function(r){if(!r.ok)throw r;return r.json()}).then(function(s){if(s.build!==build){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();
"#;

/// The banner's own styles, so the site's cannot hide it: white on dark
/// red (contrast above 9:1), fixed at the foot of the page.
pub const STYLE_CSS: &str = "#lantern-serve-banner{position:fixed;bottom:0;left:0;right:0;z-index:2147483647;max-height:40vh;overflow:auto;margin:0;padding:.6rem 1rem;background:#8b1a1a;color:#fff;font:15px/1.45 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.35)}#lantern-serve-banner summary{cursor:pointer;font-weight:bold}#lantern-serve-banner ul{margin:.25rem 0 0;padding-left:1.25rem}\n";

/// The build the server is on, shared by the rebuild loop and the requests.
pub struct Live {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Clone)]
pub struct State {
    /// Unique to this process and build: `<start time in ms>-<n>`, so a
    /// page open before a restart sees a new id and reloads.
    pub build: String,
    /// What stops articles from being published, one `file:line:col: …`
    /// line each; empty when the build is clean.
    pub problems: Vec<String>,
}

impl Live {
    pub fn new(problems: Vec<String>) -> Self {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        Self {
            state: Mutex::new(State {
                build: format!("{epoch}-1"),
                problems,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicked holder cannot leave a half-made State: take it as is.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn current(&self) -> State {
        self.lock().clone()
    }

    /// A new build is being served: wakes every waiting page.
    pub fn publish(&self, problems: Vec<String>) {
        let mut state = self.lock();
        let (epoch, n) = state.build.split_once('-').unwrap_or(("0", "0"));
        let next = n.parse::<u64>().unwrap_or(0) + 1;
        state.build = format!("{epoch}-{next}");
        state.problems = problems;
        self.changed.notify_all();
    }

    /// The state once its build is no longer `since`, or after `timeout`
    /// (the page then asks again).
    pub fn wait_for_change(&self, since: &str, timeout: Duration) -> State {
        let state = self.lock();
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |s| s.build == since)
            .unwrap_or_else(|e| e.into_inner());
        state.clone()
    }
}

/// The answer to a long poll: `{"build": "…", "problems": ["…"]}`.
pub fn events_json(state: &State) -> String {
    serde_json::json!({ "build": state.build, "problems": state.problems }).to_string()
}

/// `html` with the banner and the reload script before its last `</body>`.
/// HTML without one is a fragment the app fetches and puts into a page
/// (an article's body in `data/articles/`), and is left as it is: the page
/// has the banner already.
pub fn inject(html: &str, state: &State) -> String {
    match html.rfind("</body>") {
        Some(at) => format!(
            "{}{}{}{}",
            &html[..at],
            banner(&state.problems),
            script(&state.build),
            &html[at..]
        ),
        None => html.to_string(),
    }
}

/// The errors of the current build, fixed at the foot of every page so the
/// author sees them wherever they are, without hiding the page's title;
/// nothing when there are none. An alert so screen readers announce it, a
/// `<details>` the author can fold away, styled by [`STYLE_CSS`].
pub fn banner(problems: &[String]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let items: String = problems
        .iter()
        .map(|p| format!("<li><code>{}</code></li>", escape_html(p)))
        .collect();
    let heading = if problems.len() == 1 {
        "1 problem: the article is not in the preview until it is fixed".to_string()
    } else {
        format!(
            "{} problems: these articles are not in the preview until they are fixed",
            problems.len()
        )
    };
    format!(
        r#"<link rel="stylesheet" href="{STYLE}"><div id="lantern-serve-banner" role="alert"><details open><summary>lantern serve: {heading}</summary><ul>{items}</ul></details></div>"#
    )
}

/// The tag that loads [`SCRIPT_JS`] for a page of build `build`.
fn script(build: &str) -> String {
    format!(
        r#"<script src="{SCRIPT}" data-build="{}"></script>"#,
        escape_html(build)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(problems: &[&str]) -> State {
        State {
            build: "1-1".into(),
            problems: problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn the_banner_and_script_go_before_the_closing_body_tag() {
        let html = inject(
            "<html><body><p>x</p></body></html>",
            &state(&["a.md:2:1: error: bad"]),
        );
        let banner = html.find("lantern-serve-banner").unwrap();
        let script = html.find("<script src=").unwrap();
        assert!(banner < script && script < html.find("</body>").unwrap());
        assert!(html.ends_with("</body></html>"));
    }

    #[test]
    fn a_clean_build_has_the_script_and_no_banner() {
        let html = inject("<body></body>", &state(&[]));
        assert!(!html.contains("lantern-serve-banner"));
        assert!(html.contains(r#"<script src="/__lantern/reload.js" data-build="1-1">"#));
        assert!(SCRIPT_JS.contains(EVENTS));
    }

    #[test]
    fn a_fragment_without_a_body_is_left_alone() {
        let fragment = "<h2 id=\"fix\">Fix</h2><p>Restart.</p>";
        assert_eq!(
            inject(fragment, &state(&["a.md:2:1: error: bad"])),
            fragment
        );
    }

    #[test]
    fn problems_are_escaped_in_the_banner() {
        let html = banner(&["a.md:1:1: error: <script>alert(1)</script> & more".into()]);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    }

    #[test]
    fn a_waiting_page_wakes_when_a_build_is_published() {
        let live = std::sync::Arc::new(Live::new(Vec::new()));
        let first = live.current().build;
        let waiter = {
            let live = live.clone();
            let first = first.clone();
            std::thread::spawn(move || live.wait_for_change(&first, Duration::from_secs(10)))
        };
        std::thread::sleep(Duration::from_millis(50));
        live.publish(vec!["x.md:1:1: error: y".into()]);
        let seen = waiter.join().unwrap();
        assert_ne!(seen.build, first);
        assert_eq!(seen.problems, ["x.md:1:1: error: y"]);
    }

    #[test]
    fn a_poll_with_nothing_new_returns_the_same_build_after_the_timeout() {
        let live = Live::new(Vec::new());
        let first = live.current().build;
        let seen = live.wait_for_change(&first, Duration::from_millis(20));
        assert_eq!(seen.build, first);
    }
}
