//! Which file names may be published. A name becomes a path in the site,
//! a line in the build's manifest and a place in every diagnostic: a line
//! break in it (`img\nCNAME`) once split the manifest so that the next
//! build deleted the operator's own `CNAME`; a right-to-left override
//! makes `shot\u{202e}gnp.exe` read as `shotexe.png`.

/// Why `name` (one path component) cannot be published, if it cannot.
pub(super) fn problem(name: &str) -> Option<String> {
    let rename = "rename it with letters, digits, spaces, `-`, `_` and `.`";
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(format!(
            "the name has a control character ({}): {rename}",
            code_point(c)
        ));
    }
    if let Some(c) = name.chars().find(|&c| invisible(c)) {
        return Some(format!(
            "the name has an invisible or direction-changing character ({}), which can make it read as another name: {rename}",
            code_point(c)
        ));
    }
    if name.contains('\\') {
        return Some(format!(
            "the name has a `\\`, which some hosts read as a folder separator: {rename}"
        ));
    }
    None
}

/// Format characters that change how a name reads without showing:
/// bidirectional controls, zero-width characters, the byte order mark.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' |
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `name` as diagnostics show it: what [`problem`] refuses escaped, so that
/// it cannot start a line of its own or hide what follows.
pub(super) fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || invisible(c) {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_invisible_characters_are_refused_and_shown_escaped() {
        for bad in [
            "img\nCNAME",
            "a\rb",
            "tab\there",
            "del\u{7f}",
            "c1\u{85}",
            "shot\u{202e}gnp.exe",
            "zero\u{200b}width",
            "back\\slash",
        ] {
            assert!(problem(bad).is_some(), "{bad:?}");
        }
        for good in [
            "shot.png",
            "Screen Shot 2026.png",
            "été-café.jpg",
            "日本語.md",
        ] {
            assert_eq!(problem(good), None, "{good}");
        }
        assert_eq!(shown("img\nCNAME"), "img\\nCNAME");
        assert_eq!(shown("a\u{202e}b"), "a\\u{202e}b");
        assert!(problem("img\nCNAME").unwrap().contains("U+000A"));
    }
}
