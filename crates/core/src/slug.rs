//! Slugs: the stable, URL-safe names of articles and headings.

/// Turns free text into a slug: lowercase ASCII letters and digits joined by
/// single hyphens. Accents are folded (`Résumé` becomes `resume`) so that a
/// heading keeps the same anchor whichever way it is typed.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in crate::text::fold(text).chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// The slug of an article comes from its file name, so renaming the file is
/// what renames the article (and its old slug then goes into `aliases`).
pub fn slug_from_file_name(file_name: &str) -> String {
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    slugify(stem)
}

/// A heading's anchor, made the way GitHub makes it, so that links authors
/// copy from a GitHub preview (or from Microsoft Learn, Docusaurus, mdBook)
/// land: lowercase, spaces become hyphens, other punctuation is dropped.
/// Accents are folded as in [`slugify`].
pub fn heading_anchor(text: &str) -> String {
    crate::text::fold(text.trim())
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_joins_words_with_single_hyphens() {
        assert_eq!(slugify("VPN will not connect!"), "vpn-will-not-connect");
        assert_eq!(slugify("  Wi-Fi -- drops  "), "wi-fi-drops");
        assert_eq!(slugify("Error 0x800CCC0E"), "error-0x800ccc0e");
    }

    #[test]
    fn slugify_folds_accents_and_keeps_other_scripts() {
        assert_eq!(slugify("Résumé à jour"), "resume-a-jour");
        assert_eq!(slugify("打印机 离线"), "打印机-离线");
        assert_eq!(slugify("🙂🙂"), "");
    }

    #[test]
    fn slug_from_file_name_drops_extension() {
        assert_eq!(slug_from_file_name("Printer_Offline.md"), "printer-offline");
    }

    #[test]
    fn heading_anchors_match_github() {
        assert_eq!(
            heading_anchor("Check the date, time and certificates"),
            "check-the-date-time-and-certificates"
        );
        assert_eq!(
            heading_anchor("Scenario 2: Deleting a container - identify blobs"),
            "scenario-2-deleting-a-container---identify-blobs"
        );
        assert_eq!(
            heading_anchor(r"Login failed for user 'NT AUTHORITY\ANONYMOUS LOGON'"),
            "login-failed-for-user-nt-authorityanonymous-logon"
        );
        assert_eq!(heading_anchor("Here's an easy fix"), "heres-an-easy-fix");
        assert_eq!(
            heading_anchor("Réinitialiser le_VPN"),
            "reinitialiser-le_vpn"
        );
    }
}
