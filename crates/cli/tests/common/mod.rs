//! What the CLI's integration tests share: files in a temporary project,
//! a minimal app shell, and one way to run `lantern`.
#![allow(dead_code)] // each test file uses its own part

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// The smallest page `lantern build` accepts as the app's `index.html`.
pub const MINIMAL_SHELL: &str = r#"<html><head><meta name="lantern-root" content="./"><title>x</title></head><body><div id="lantern-prerender"></div></body></html>"#;

/// The signature and header of a PNG file: enough for `lantern build` to
/// publish it as an image (a file named `.png` must hold one).
pub const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A temporary project with the minimal `app/index.html` and the given files.
pub fn project_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    project_with_shell(MINIMAL_SHELL, files)
}

/// A temporary project with `shell` as `app/index.html` and the given files.
pub fn project_with_shell(shell: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "app/index.html", shell);
    for (name, text) in files {
        write(tmp.path(), name, text);
    }
    tmp
}

/// `lantern`, run in `root` on a fixed day (2026-11-24), to add arguments
/// to and assert on.
pub fn lantern(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lantern").unwrap();
    cmd.current_dir(root).env("LANTERN_TODAY", "2026-11-24");
    cmd
}

/// Runs `lantern ARGS` in `root`: (exit code, stdout, stderr).
pub fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let output = lantern(root).args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Runs `lantern check` in `root`: its exit code, and the diagnostics it
/// printed, without its summary line.
pub fn check_lines(root: &Path) -> (i32, Vec<String>) {
    let (code, _, stderr) = run(root, &["check"]);
    let lines = stderr
        .lines()
        .filter(|l| !l.starts_with("checked "))
        .map(String::from)
        .collect();
    (code, lines)
}

/// The site's catalog, read as the browser reads it: unpacked, then parsed.
pub fn read_catalog(site: &Path) -> lantern_core::Catalog {
    use std::io::Read as _;
    let packed = fs::read(site.join("data/catalog.bin")).unwrap();
    assert_eq!(
        packed[..2],
        [0x1f, 0x8b],
        "catalog.bin is stored gzip-compressed"
    );
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut bytes)
        .unwrap();
    lantern_core::Catalog::from_bytes(bytes).unwrap()
}
