//! The browser folds text as the CLI does. The app leaves the crate's
//! Unicode decomposition tables out (40 KB brotli) and lends the engine
//! `String.prototype.normalize("NFKD")` instead; the index is built
//! natively with `unicode-normalization`. A query word folded differently
//! from the indexed word would never match, so both must agree.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use unicode_normalization::UnicodeNormalization;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The crate follows the newest Unicode (18 in unicode-normalization
/// 0.1.26); a browser lags a version or two and leaves the characters it
/// does not know yet as they are (68 code points in Chromium 156, such as
/// U+209D SUBSCRIPT W and U+1D6A6 MATHEMATICAL ITALIC SMALL DOTLESS J:
/// none is a letter with a diacritic). Those may fold differently until
/// browsers catch up; every other character must decompose the same.
#[wasm_bindgen_test]
fn the_browsers_nfkd_agrees_with_the_crates_but_for_characters_newer_than_the_browser() {
    let mut unknown_to_browser = 0;
    let mut disagreements = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let text = c.to_string();
        let native: String = text.nfkd().collect();
        let browser: String = JsString::from(text.as_str()).normalize("NFKD").into();
        if native == browser {
            continue;
        }
        if browser == text {
            unknown_to_browser += 1;
        } else {
            disagreements.push(format!(
                "U+{:04X} {native:?} / browser {browser:?}",
                c as u32
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} characters decompose differently: {:?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(20)]
    );
    assert!(
        unknown_to_browser < 500,
        "{unknown_to_browser} characters left undecomposed: is the browser's normalize working?"
    );
}

#[wasm_bindgen_test]
fn the_apps_fold_strips_diacritics_and_compatibility_forms() {
    lantern_app::use_browser_nfkd();
    let fold = lantern_core::text::fold;
    assert_eq!(fold("Café ÉCRAN naïve"), "cafe ecran naive");
    assert_eq!(fold("ﬁle ｏｕｔｌｏｏｋ Ⅻ"), "file outlook xii");
    assert_eq!(fold("Straße Ångström"), "straße angstrom");
}
