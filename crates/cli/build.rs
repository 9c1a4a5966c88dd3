//! Puts the built web app inside the `lantern` binary, when asked to.
//!
//! `LANTERN_APP_DIR` names trunk's output (`dist/`; scripts/release.sh sets
//! it). Its app files (not the pages, data and media a build wrote next to
//! them: trunk's post-build hook makes `dist/` a whole site) become a
//! generated `embedded_app.rs` of `include_bytes!`, so rustc itself tracks
//! every file and a changed app rebuilds the binary. Without the variable
//! the table is empty: a development build, which says what to do instead
//! (src/app_source.rs).
//!
//! Why not the `include_dir` crate: it embeds a whole folder, and this one
//! holds a built site whose generated parts must be left out; a filter
//! plus `include_bytes!` is the whole job. Why an environment variable and
//! not a Cargo feature: trunk builds the root package with the workspace's
//! features unified, and a feature could not carry the folder's path.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/app_files.rs"]
mod app_files;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LANTERN_APP_DIR");
    println!("cargo:rerun-if-env-changed=LANTERN_APP_PUBLIC_URL");
    println!("cargo:rerun-if-env-changed=LANTERN_APP_COMMIT");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let app_dir = std::env::var_os("LANTERN_APP_DIR").filter(|d| !d.is_empty());
    let (table, long_version) = match app_dir {
        Some(dir) => embed(Path::new(&dir), &version),
        None => (
            "pub static FILES: &[(&str, &[u8])] = &[];\npub const PUBLIC_URL: &str = \"/\";\npub const BUILD_ID: &str = \"\";\n".to_string(),
            format!("{version} (no app built in: see scripts/release.sh, or pass --app DIR)"),
        ),
    };
    std::fs::write(out.join("embedded_app.rs"), table).expect("cannot write embedded_app.rs");
    println!("cargo:rustc-env=LANTERN_LONG_VERSION={long_version}");
}

/// The generated table for the app in `dir`, and the version line naming
/// its build. Fails the build (with the fix) when `dir` holds no app.
fn embed(dir: &Path, version: &str) -> (String, String) {
    let dir = dir
        .canonicalize()
        .unwrap_or_else(|e| panic!("LANTERN_APP_DIR={}: {e}", dir.display()));
    assert!(
        dir.join("index.html").is_file(),
        "LANTERN_APP_DIR={}: no index.html there; build the app first (`trunk build --release`, or scripts/release.sh)",
        dir.display()
    );
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    app_files::list(&dir, "", &mut files).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    files.sort();
    let mut table = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    // FNV-1a over names and bytes: a short id of exactly what is inside.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (relative, path) in &files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for byte in relative.bytes().chain([0]).chain(bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            table,
            "    ({relative:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    let public_url = std::env::var("LANTERN_APP_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let id = format!("{:012x}", hash >> 16);
    writeln!(
        table,
        "];\npub const PUBLIC_URL: &str = {public_url:?};\npub const BUILD_ID: &str = {id:?};"
    )
    .unwrap();
    let commit = std::env::var("LANTERN_APP_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .map(|c| format!(" from commit {c}"))
        .unwrap_or_default();
    (table, format!("{version} (app {id}{commit}, built in)"))
}
