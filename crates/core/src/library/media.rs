//! Which files of the articles folder are published under `media/`: an
//! allow-list of passive types. Anything else a browser opens on the
//! site's own address can run script there (an SVG's `<script>`, an HTML
//! or XML page, a `.js` the site's script policy trusts as its own) and
//! read what readers saved, such as a ticket draft. So SVG is refused too
//! (no maintained crate sanitises it that Lantern could rely on; a PNG
//! export does the same job), and so are names without an extension, which
//! some hosts serve as a page. `docs/authoring.md` lists the same types.

use std::io::Read as _;
use std::path::Path;

/// What a published file must be; its content is checked against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Image,
    Pdf,
    /// Zip archives, and the Office formats that are zip archives.
    Zip,
    Text,
}

/// Every extension published, lowercase.
pub const ALLOWED: [&str; 16] = [
    "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "pdf", "txt", "csv", "tsv", "zip",
    "docx", "xlsx", "pptx",
];

/// Types a browser runs script from, named in their own message.
const ACTIVE: [&str; 21] = [
    "svg", "svgz", "html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "rss", "atom",
    "js", "mjs", "cjs", "wasm", "swf", "css", "mht", "mhtml", "php",
];

fn kind(extension: &str) -> Option<Kind> {
    match extension {
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "bmp" | "ico" => Some(Kind::Image),
        "pdf" => Some(Kind::Pdf),
        "zip" | "docx" | "xlsx" | "pptx" => Some(Kind::Zip),
        "txt" | "csv" | "tsv" => Some(Kind::Text),
        _ => None,
    }
}

/// Why the file `name` at `file` is not published, if it is not.
pub(super) fn problem(name: &str, file: &Path) -> Option<String> {
    let extension = name
        .rsplit_once('.')
        .map(|(stem, ext)| (!stem.is_empty()).then_some(ext))
        .unwrap_or(None)
        .map(str::to_ascii_lowercase);
    let Some(extension) = extension else {
        return Some(format!(
            "not published: a file without an extension may be served as a web page, which runs script on the site's address; {}",
            allowed_hint()
        ));
    };
    if extension == "md" {
        return Some(
            "not published: an article's name must end in `.md`, in lowercase: rename it".into(),
        );
    }
    if ACTIVE.contains(&extension.as_str()) {
        return Some(format!(
            "not published: a browser runs the script a .{extension} file can hold, on the site's own address (where it could read what readers saved); export it as PNG or JPEG, or zip it if readers should download it"
        ));
    }
    let Some(kind) = kind(&extension) else {
        return Some(format!(
            "not published: .{extension} is not on the list of media types; {}",
            allowed_hint()
        ));
    };
    let mut header = Vec::with_capacity(8192);
    let read = std::fs::File::open(file).and_then(|f| f.take(8192).read_to_end(&mut header));
    if let Err(e) = read {
        return Some(format!("cannot read the file: {e}"));
    }
    (!content_is(kind, &header)).then(|| {
        format!(
            "not published: this is not a {} file, whatever its name says (its content could be a page that runs script): export it again, or remove it",
            extension.to_ascii_uppercase()
        )
    })
}

fn allowed_hint() -> String {
    format!(
        "publish images or documents (.{}), or zip the file if readers should download it",
        ALLOWED.join(", .")
    )
}

/// Whether the first bytes of a file are those of `kind` (the signatures
/// are the `infer` crate's).
fn content_is(kind: Kind, header: &[u8]) -> bool {
    use infer::MatcherType;
    let found = infer::get(header);
    match kind {
        Kind::Image => found.is_some_and(|t| t.matcher_type() == MatcherType::Image),
        Kind::Pdf => found.is_some_and(|t| t.mime_type() == "application/pdf"),
        Kind::Zip => found.is_some_and(|t| {
            matches!(t.matcher_type(), MatcherType::Archive | MatcherType::Doc)
                && header.starts_with(b"PK")
        }),
        // Served as text/plain or text/csv, which browsers never run.
        Kind::Text => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_allowed_extension_has_a_kind_and_none_is_active() {
        for extension in ALLOWED {
            assert!(kind(extension).is_some(), "{extension}");
            assert!(!ACTIVE.contains(&extension), "{extension}");
        }
        for extension in ACTIVE {
            assert_eq!(kind(extension), None, "{extension}");
        }
    }

    #[test]
    fn content_must_match_the_name() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(content_is(Kind::Image, png));
        assert!(!content_is(Kind::Image, b"<svg onload=alert(1)>"));
        assert!(!content_is(Kind::Image, b"<html><script>"));
        assert!(content_is(Kind::Pdf, b"%PDF-1.7\n"));
        assert!(!content_is(Kind::Pdf, b"<html>"));
        assert!(content_is(Kind::Zip, b"PK\x03\x04\x14\0\0\0\x08\0"));
        assert!(!content_is(Kind::Zip, b"<html>"));
    }
}
