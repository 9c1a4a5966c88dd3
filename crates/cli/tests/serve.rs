//! `lantern serve`: the preview server, run as an author runs it (the
//! binary on a free port), asked over HTTP.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{run, write, MINIMAL_SHELL};

const VPN: &str = "---\ntitle: \"VPN will not connect\"\nsummary: \"Reset the client.\"\n---\nReset the VPN client.\n";
const PRINTER: &str = "---\ntitle: \"Printer shows offline\"\n---\nRestart the printer.\n";
/// A colon in an unquoted title: an error on line 2.
const BROKEN: &str = "---\ntitle: Outlook: search is broken\n---\nBody.\n";

/// A project: the minimal app (with a wasm file), two articles.
fn project() -> tempfile::TempDir {
    let tmp = common::project_with(&[
        ("articles/vpn-will-not-connect.md", VPN),
        ("articles/printer-shows-offline.md", PRINTER),
    ]);
    write(tmp.path(), "articles/img/shot.png", common::PNG);
    write(tmp.path(), "app/app_bg.wasm", b"\0asm\x01\0\0\0");
    tmp
}

/// A running `lantern serve --port 0`, stopped when dropped.
struct Serving {
    child: Child,
    url: String,
    stderr: Arc<Mutex<String>>,
    /// Its TMPDIR, where the preview folder is.
    tmp: PathBuf,
}

impl Serving {
    fn start(root: &Path, extra: &[&str]) -> Self {
        Self::start_with(root, extra, &[])
    }

    fn start_with(root: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Self {
        let tmp = root.join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("lantern"))
            .current_dir(root)
            .env("TMPDIR", &tmp)
            .env("LANTERN_TODAY", "2026-11-24")
            .args(["serve", "--port", "0", "--app", "app"])
            .args(extra)
            .envs(env.iter().copied())
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let (lines, stderr) = read_lines(child.stderr.take().unwrap());
        let deadline = Instant::now() + Duration::from_secs(60);
        let url = loop {
            let line = lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no URL printed; stderr:\n{}", stderr.lock().unwrap()));
            if let Some(rest) = line.strip_prefix("serving ") {
                break rest.split_whitespace().next().unwrap().to_string();
            }
        };
        Self {
            child,
            url,
            stderr,
            tmp,
        }
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let mut response = agent
            .get(format!("{}{}", self.url, path.trim_start_matches('/')))
            .call()
            .unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let kind = header("content-type");
        let location = header("location");
        let body = response.body_mut().read_to_string().unwrap_or_default();
        let detail = if location.is_empty() { kind } else { location };
        (response.status().as_u16(), detail, body)
    }

    /// The build id and problems the live-reload endpoint reports once the
    /// build is no longer `since` (the empty id answers at once).
    fn next_build(&self, since: &str) -> (String, Vec<String>) {
        let (status, _, body) = self.get(&format!("__lantern/events?since={since}"));
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let problems = json["problems"].as_array().unwrap();
        (
            json["build"].as_str().unwrap().to_string(),
            problems
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
                .collect(),
        )
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The terminal so far, once it holds `text` (or after 10 s): the
    /// build prints before it publishes, but the thread reading the pipe
    /// may not have caught up when the page already shows the new build.
    fn stderr_with(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let so_far = self.stderr();
            if so_far.contains(text) || Instant::now() > deadline {
                return so_far;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every line of `from` on a channel, and all of them so far in a string.
fn read_lines(from: impl std::io::Read + Send + 'static) -> (Receiver<String>, Arc<Mutex<String>>) {
    let (tx, rx) = channel();
    let all = Arc::new(Mutex::new(String::new()));
    let seen = all.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines().map_while(Result::ok) {
            seen.lock().unwrap().push_str(&format!("{line}\n"));
            let _ = tx.send(line);
        }
    });
    (rx, all)
}

/// Every file below `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        if entry.file_type().unwrap().is_dir() {
            out.extend(files(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

#[test]
fn pages_are_served_with_the_reload_script_and_the_files_on_disk_have_none() {
    let project = project();
    let serving = Serving::start(project.path(), &[]);
    let (status, kind, home) = serving.get("/");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    // A file, not inline: the page's Content-Security-Policy runs no
    // inline script it does not know the hash of.
    assert!(
        home.contains(r#"<script src="/__lantern/reload.js""#),
        "{home}"
    );
    let (status, kind, script) = serving.get("/__lantern/reload.js");
    assert_eq!(
        (status, kind.as_str()),
        (200, "text/javascript; charset=utf-8")
    );
    assert!(script.contains("/__lantern/events"), "{script}");
    let (status, _, page) = serving.get("/a/vpn-will-not-connect/");
    assert_eq!(status, 200);
    assert!(page.contains("VPN will not connect") && page.contains("/__lantern/reload.js"));
    // The body the app fetches into the page is served as it is.
    let (status, _, body) = serving.get("/data/articles/vpn-will-not-connect.html");
    assert_eq!(status, 200);
    assert!(body.contains("Reset the VPN client") && !body.contains("__lantern"));

    let written = files(&serving.tmp);
    assert!(written
        .iter()
        .any(|f| f.ends_with("a/vpn-will-not-connect/index.html")));
    for file in written {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__lantern"),
            "{} has the reload script",
            file.display()
        );
    }
    let built = std::fs::read_to_string(project.path().join("app/index.html")).unwrap();
    assert_eq!(built, MINIMAL_SHELL, "the app folder is not written to");
}

#[test]
fn files_are_served_as_a_static_host_serves_them() {
    let project = project();
    let serving = Serving::start(project.path(), &[]);
    let (status, kind, _) = serving.get("/app_bg.wasm");
    assert_eq!((status, kind.as_str()), (200, "application/wasm"));
    let (status, kind, _) = serving.get("/media/img/shot.png");
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    let (status, location, _) = serving.get("/a/vpn-will-not-connect?x=1");
    assert_eq!(
        (status, location.as_str()),
        (301, "/a/vpn-will-not-connect/?x=1")
    );
    // The app's own routes load from 404.html, as on GitHub Pages.
    let (status, kind, body) = serving.get("/search?q=vpn");
    assert_eq!((status, kind.as_str()), (404, "text/html; charset=utf-8"));
    // The reload script is a file since the pages have a policy (csp.rs).
    assert!(body.contains("Page not found") && body.contains("/__lantern/reload.js"));
    for hidden in [
        "/.lantern-manifest",
        "/data/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let (status, _, body) = serving.get(hidden);
        assert_eq!(status, 404, "{hidden}");
        assert!(!body.contains("root:"), "{hidden}");
    }
}

#[test]
fn an_edited_title_is_served_after_the_next_build_and_the_terminal_says_so() {
    let project = project();
    let serving = Serving::start(project.path(), &[]);
    let (first, problems) = serving.next_build("");
    assert!(problems.is_empty(), "{problems:?}");
    write(
        project.path(),
        "articles/vpn-will-not-connect.md",
        VPN.replace("VPN will not connect", "VPN drops every hour"),
    );
    let (second, _) = serving.next_build(&first);
    assert_ne!(second, first);
    let (_, _, page) = serving.get("/a/vpn-will-not-connect/");
    assert!(page.contains("VPN drops every hour"), "{page}");
    // The rebuild reads every article; reading is not a change, so no
    // other rebuild follows.
    std::thread::sleep(Duration::from_secs(1));
    let stderr = serving.stderr();
    assert_eq!(stderr.matches("rebuilt in ").count(), 1, "{stderr}");
    assert!(stderr.contains(" ms: 2 articles, 0 errors"), "{stderr}");
}

#[test]
fn a_broken_article_is_named_in_the_banner_and_the_terminal_until_it_is_fixed() {
    let project = project();
    let serving = Serving::start(project.path(), &[]);
    let (first, _) = serving.next_build("");
    write(project.path(), "articles/outlook-search.md", BROKEN);
    let (broken, problems) = serving.next_build(&first);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("articles/outlook-search.md:2:"),
        "{problems:?}"
    );

    let (_, _, home) = serving.get("/");
    assert!(
        home.contains(r#"id="lantern-serve-banner" role="alert""#),
        "{home}"
    );
    assert!(home.contains("articles/outlook-search.md:2:"));
    assert!(home.contains("put the title in double quotes"));
    let (status, _, other) = serving.get("/a/printer-shows-offline/");
    assert_eq!(status, 200, "the other articles are still served");
    assert!(other.contains("Printer shows offline"));
    let stderr = serving.stderr_with("2 articles, 1 error");
    assert!(stderr.contains("articles/outlook-search.md:2:"), "{stderr}");
    assert!(stderr.contains("2 articles, 1 error"), "{stderr}");

    write(
        project.path(),
        "articles/outlook-search.md",
        BROKEN.replace("Outlook: search is broken", "\"Outlook: search is broken\""),
    );
    let (_, problems) = serving.next_build(&broken);
    assert!(problems.is_empty(), "{problems:?}");
    let (_, _, home) = serving.get("/");
    assert!(!home.contains("lantern-serve-banner"));
    let (status, _, fixed) = serving.get("/a/outlook-search/");
    assert_eq!(status, 200);
    assert!(fixed.contains("Outlook: search is broken"));
}

#[test]
fn a_broken_config_while_serving_keeps_the_last_site_and_shows_why() {
    let project = project();
    let serving = Serving::start(project.path(), &[]);
    let (first, _) = serving.next_build("");
    write(project.path(), "lantern.toml", "[site\nname = 1\n");
    let (_, problems) = serving.next_build(&first);
    assert!(
        problems.iter().any(|p| p.starts_with("lantern.toml:1:")),
        "{problems:?}"
    );
    let (status, _, page) = serving.get("/a/vpn-will-not-connect/");
    assert_eq!(status, 200);
    assert!(page.contains("lantern.toml:1:"));
}

#[test]
fn a_port_in_use_is_one_line_naming_the_port_and_the_flag() {
    let project = project();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, _, stderr) = run(project.path(), &["serve", "--app", "app", "--port", &port]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "lantern: port {port} is in use; pick another with --port N (0 picks a free one)\n"
        )
    );
}

#[test]
fn a_missing_articles_folder_or_app_or_unreadable_config_is_one_line_and_exit_1() {
    let project = project();
    let root = project.path();
    std::fs::create_dir(root.join("settings.toml")).unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--app", "app", "--articles", "nope"],
            "--articles nope: there is no such folder",
        ),
        (&["--app", "missing"], "no app at missing/index.html"),
        (
            &["--app", "app", "--config", "settings.toml"],
            "settings.toml: cannot read the file",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["serve", "--port", "0"];
        all.extend_from_slice(args);
        let (code, _, stderr) = run(root, &all);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("lantern: {expected}")),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}

#[test]
fn open_starts_the_browser_on_the_served_address() {
    let project = project();
    let opened = project.path().join("opened.txt");
    let browser = project.path().join("browser.sh");
    write(
        project.path(),
        "browser.sh",
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    );
    std::process::Command::new("chmod")
        .args(["+x", browser.to_str().unwrap()])
        .status()
        .unwrap();
    let serving = Serving::start_with(project.path(), &["--open"], &[("BROWSER", &browser)]);
    // The script's `>` creates the file before `echo` fills it.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut url = String::new();
    while !url.ends_with('\n') && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        url = std::fs::read_to_string(&opened).unwrap_or_default();
    }
    assert_eq!(url.trim(), serving.url);
}
