//! Which files a ticket may carry: screenshots, PDFs and text logs, checked
//! by name and by their first bytes, so a renamed executable is refused.

/// (extension, MIME type) of the accepted kinds.
pub const ACCEPTED: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("pdf", "application/pdf"),
    ("txt", "text/plain"),
    ("log", "text/plain"),
];

/// For the file picker's `accept` attribute.
pub fn accept_attribute() -> String {
    ACCEPTED
        .iter()
        .map(|(ext, _)| format!(".{ext}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The accepted kinds of file, in words for the form.
pub fn describe_accepted() -> &'static str {
    "PNG, JPEG, GIF or WebP screenshots, PDF, or a .txt/.log file"
}

fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The MIME type for a file name, if its kind is accepted.
pub fn mime_type(name: &str) -> Option<&'static str> {
    let ext = extension(name)?;
    ACCEPTED
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, mime)| *mime)
}

/// A size in words: "512 bytes", "12 KB", "1.5 MB".
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        // Tenths by integer arithmetic: float formatting costs the browser
        // build ~10 KB of code.
        let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Name and size, before the file is read.
pub fn check(name: &str, size: usize, max_bytes: usize) -> Result<&'static str, String> {
    let Some(mime) = mime_type(name) else {
        return Err(format!(
            "“{name}” cannot be attached: use {}.",
            describe_accepted()
        ));
    };
    if size == 0 {
        return Err(format!("“{name}” is empty."));
    }
    if size > max_bytes {
        return Err(format!(
            "“{name}” is {}; attachments can be at most {}. Crop the screenshot or attach only the relevant part of the log.",
            human_size(size),
            human_size(max_bytes)
        ));
    }
    Ok(mime)
}

/// The file's first bytes agree with its name.
pub fn check_content(name: &str, bytes: &[u8]) -> Result<(), String> {
    let mime = mime_type(name).unwrap_or_default();
    let ok = match mime {
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "image/gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        "image/webp" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        "application/pdf" => bytes.starts_with(b"%PDF-"),
        // Text: valid UTF-8 (or close to it) with no NUL bytes.
        "text/plain" => {
            let head = &bytes[..bytes.len().min(4096)];
            !head.contains(&0) && std::str::from_utf8(head).is_ok_or_truncated()
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "“{name}” does not look like a {} file; it was not attached.",
            extension(name).unwrap_or_default().to_uppercase()
        ))
    }
}

trait Utf8Head {
    fn is_ok_or_truncated(&self) -> bool;
}

impl Utf8Head for Result<&str, std::str::Utf8Error> {
    /// A 4 KiB head may cut a multi-byte character in half.
    fn is_ok_or_truncated(&self) -> bool {
        match self {
            Ok(_) => true,
            Err(e) => e.error_len().is_none(),
        }
    }
}

/// A checked file, ready to travel in the ticket.
pub fn attach(name: &str, bytes: &[u8], max_bytes: usize) -> Result<super::Attachment, String> {
    use base64::Engine as _;
    let mime = check(name, bytes.len(), max_bytes)?;
    check_content(name, bytes)?;
    Ok(super::Attachment {
        name: name.to_string(),
        mime_type: mime.to_string(),
        size: bytes.len(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_screenshots_and_logs_within_the_limit() {
        assert_eq!(check("Screen Shot.PNG", 10_000, 1 << 20), Ok("image/png"));
        assert_eq!(check("vpn.log", 10, 1 << 20), Ok("text/plain"));
    }

    #[test]
    fn refuses_other_kinds_empty_and_oversized_files() {
        assert!(check("setup.exe", 10, 1 << 20)
            .unwrap_err()
            .contains("cannot be attached"));
        assert!(check("noextension", 10, 1 << 20).is_err());
        assert!(check("a.png", 0, 1 << 20).unwrap_err().contains("empty"));
        let err = check("big.png", 3 << 20, 1 << 20).unwrap_err();
        assert!(err.contains("3.0 MB") && err.contains("1.0 MB"), "{err}");
    }

    #[test]
    fn content_must_match_the_name() {
        assert!(check_content("a.png", b"\x89PNG\r\n\x1a\n....").is_ok());
        assert!(check_content("a.png", b"MZ\x90\x00 executable").is_err());
        assert!(check_content("a.pdf", b"%PDF-1.7").is_ok());
        assert!(check_content("a.log", "erreur réseau\n".as_bytes()).is_ok());
        assert!(check_content("a.txt", b"MZ\x00\x00").is_err());
        // A multi-byte character cut at the 4 KiB boundary is still text.
        let mut text = vec![b'a'; 4095];
        text.extend_from_slice("é".as_bytes());
        assert!(check_content("a.txt", &text).is_ok());
    }
}
