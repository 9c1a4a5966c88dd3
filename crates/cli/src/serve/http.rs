//! The preview's web server, on 127.0.0.1 only: the built site's files as
//! a static host serves them (a folder's `index.html`, a redirect to add
//! the slash a folder's address needs for its relative links, `404.html`
//! with status 404 for anything else, which is how the app's own routes
//! load), plus the live-reload endpoint. HTML pages get the banner and
//! reload script at response time (`reload.rs`).
//!
//! axum on a small tokio runtime of its own thread; the handlers are the
//! same blocking code as before (file reads, the long poll's condvar wait
//! of up to [`POLL_TIMEOUT`]), run on tokio's blocking pool. It replaced
//! tiny_http 0.12, whose connection pool could queue a new connection
//! behind a kept-alive one: Chromium's request for `/__lantern/reload.js`
//! then never reached the handler and the page never finished loading (2
//! loads in 20 in a loop of fresh previews; 0 in 40 with axum).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use percent_encoding::percent_decode_str;

use super::reload::{self, Live};

/// How long a long poll waits for a new build before it answers "same".
const POLL_TIMEOUT: Duration = Duration::from_secs(20);

/// Binds 127.0.0.1:`port` (0: any free port), or says what to do instead.
pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => {
            format!("port {port} is in use; pick another with --port N (0 picks a free one)")
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("port {port} needs privileges to listen on; pick one above 1023 with --port N")
        }
        _ => format!("cannot listen on 127.0.0.1:{port}: {e}; pick another with --port N"),
    })
}

/// Serves `root` on `listener` from a thread of its own, for as long as
/// the process lives.
pub fn spawn(listener: TcpListener, root: PathBuf, live: Arc<Live>) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot start the web server: {e}");
    listener.set_nonblocking(true).map_err(fail)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(fail)?;
    let listener = {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(fail)?
    };
    let root = Arc::new(root);
    let app = axum::Router::new().fallback(move |method: Method, uri: Uri| {
        let (root, live) = (root.clone(), live.clone());
        async move { handle(method, uri, root, live).await }
    });
    std::thread::spawn(move || {
        if let Err(e) = runtime.block_on(async { axum::serve(listener, app).await }) {
            eprintln!("lantern: the web server stopped: {e}");
        }
    });
    Ok(())
}

async fn handle(method: Method, uri: Uri, root: Arc<PathBuf>, live: Arc<Live>) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return text(405, "only GET and HEAD are served").into_response();
    }
    let url = uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
    // File reads and the long poll block: tokio's blocking pool, not a
    // worker thread. (hyper leaves the body out of a HEAD answer.)
    tokio::task::spawn_blocking(move || respond(&url, &root, &live))
        .await
        .unwrap_or_else(|_| text(500, "the server failed; see the terminal"))
        .into_response()
}

/// An answer, before it becomes axum's: a status, headers and the bytes.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    #[cfg(test)]
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.body));
        *response.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        for (name, value) in self.headers {
            // A value that is not a valid header (never ours) is left out.
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

/// The answer to `GET url`.
fn respond(url: &str, root: &Path, live: &Live) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if path == reload::EVENTS {
        let since = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .map(|v| percent_decode_str(v).decode_utf8_lossy().into_owned())
            .unwrap_or_default();
        let state = live.wait_for_change(&since, POLL_TIMEOUT);
        return bytes(
            200,
            "application/json",
            reload::events_json(&state).into_bytes(),
        );
    }
    if path == reload::SCRIPT {
        return bytes(
            200,
            "text/javascript; charset=utf-8",
            reload::SCRIPT_JS.into(),
        );
    }
    if path == reload::STYLE {
        return bytes(200, "text/css; charset=utf-8", reload::STYLE_CSS.into());
    }
    match resolve(root, path) {
        Resolved::File(file) => file_response(200, &file, live),
        Resolved::AddSlash => {
            let location = if query.is_empty() {
                format!("{path}/")
            } else {
                format!("{path}/?{query}")
            };
            // Browsers send the path percent-encoded: ASCII, a valid header.
            with_header(text(301, "moved"), "location", &location)
        }
        Resolved::NotFound => match root.join("404.html") {
            page if page.is_file() => file_response(404, &page, live),
            _ => text(404, "not found"),
        },
    }
}

enum Resolved {
    File(PathBuf),
    /// A folder addressed without its trailing slash.
    AddSlash,
    NotFound,
}

/// The file `path` (the URL's, percent-encoded) names below `root`. Only
/// plain names reach the disk: no `..`, no hidden files (the build's
/// manifest and render cache), nothing that is not valid UTF-8.
fn resolve(root: &Path, path: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(path).decode_utf8() else {
        return Resolved::NotFound;
    };
    let mut file = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part.starts_with('.') || part.contains('\\') || part.contains('\0') {
            return Resolved::NotFound;
        }
        file.push(part);
    }
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::AddSlash;
        }
        file.push("index.html");
    }
    if file.is_file() {
        Resolved::File(file)
    } else {
        Resolved::NotFound
    }
}

fn file_response(status: u16, file: &Path, live: &Live) -> Reply {
    let Ok(body) = std::fs::read(file) else {
        return text(500, "the file could not be read; see the terminal");
    };
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    if mime.essence_str() == "text/html" {
        let html = reload::inject(&String::from_utf8_lossy(&body), &live.current());
        return bytes(status, "text/html; charset=utf-8", html.into_bytes());
    }
    let kind = match mime.type_() {
        mime_guess::mime::TEXT => format!("{}; charset=utf-8", mime.essence_str()),
        _ => mime.essence_str().to_string(),
    };
    bytes(status, &kind, body)
}

fn text(status: u16, message: &str) -> Reply {
    bytes(
        status,
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
    )
}

/// A response that no browser keeps: after a rebuild every file is asked
/// for again.
fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    Reply {
        status,
        headers: vec![
            ("content-type", content_type.to_string()),
            ("cache-control", "no-store".to_string()),
        ],
        body,
    }
}

/// `reply` with the header too.
fn with_header(mut reply: Reply, name: &'static str, value: &str) -> Reply {
    reply.headers.push((name, value.to_string()));
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/vpn")).unwrap();
        std::fs::write(dir.path().join("a/vpn/index.html"), "<body></body>").unwrap();
        std::fs::write(dir.path().join("app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.path().join(".lantern-manifest"), "x").unwrap();
        dir
    }

    #[test]
    fn a_folder_serves_its_index_and_without_a_slash_is_redirected() {
        let dir = site();
        assert!(
            matches!(resolve(dir.path(), "/a/vpn/"), Resolved::File(f) if f.ends_with("a/vpn/index.html"))
        );
        assert!(matches!(resolve(dir.path(), "/a/vpn"), Resolved::AddSlash));
    }

    #[test]
    fn dot_dot_hidden_files_and_bad_encodings_are_not_found() {
        let dir = site();
        for path in [
            "/../etc/passwd",
            "/a/%2e%2e/%2e%2e/x",
            "/.lantern-manifest",
            "/%ff",
            "/nope",
        ] {
            assert!(
                matches!(resolve(dir.path(), path), Resolved::NotFound),
                "{path}"
            );
        }
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        let dir = site();
        let live = Live::new(Vec::new());
        let response = file_response(200, &dir.path().join("app_bg.wasm"), &live);
        assert_eq!(response.header("Content-Type"), Some("application/wasm"));
    }
}
