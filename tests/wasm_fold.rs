//! The browser folds text as the CLI does. The app leaves the crate's
//! Unicode decomposition and lower-case tables out (40 and 4 KB brotli)
//! and lends the engine `String.prototype.normalize("NFKD")` and
//! `toLowerCase` instead; the index is built
//! natively with `unicode-normalization`. A query word folded differently
//! from the indexed word would never match, so both must agree.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use unicode_normalization::UnicodeNormalization;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every character through the crate's `native` mapping and the browser's:
/// the disagreements (at most 20 shown), and how many characters the
/// browser left as they are where the crate maps them (too new for it).
fn compare(native: fn(char) -> String, browser: fn(&str) -> String) -> (Vec<String>, usize) {
    let mut unknown_to_browser = 0;
    let mut disagreements = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let text = c.to_string();
        let (native, browser) = (native(c), browser(&text));
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
    (disagreements, unknown_to_browser)
}

/// The crate follows the newest Unicode (18 in unicode-normalization
/// 0.1.26); a browser lags a version or two and leaves the characters it
/// does not know yet as they are (68 code points in Chromium 156, such as
/// U+209D SUBSCRIPT W and U+1D6A6 MATHEMATICAL ITALIC SMALL DOTLESS J:
/// none is a letter with a diacritic). Those may fold differently until
/// browsers catch up; every other character must decompose the same.
#[wasm_bindgen_test]
fn the_browsers_nfkd_agrees_with_the_crates_but_for_characters_newer_than_the_browser() {
    let (disagreements, unknown_to_browser) = compare(
        |c| c.to_string().nfkd().collect(),
        |text| JsString::from(text).normalize("NFKD").into(),
    );
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

/// The app lowercases with `toLowerCase` too (the standard library's
/// table is 4 KB brotli): per character it must agree with
/// `char::to_lowercase`, as the index's words were folded, but for
/// characters newer than the browser (left as they are). `Σ` alone is
/// `σ` in both; at a word's end the browser writes `ς`, which the fold
/// avoids (see the next test).
#[wasm_bindgen_test]
fn the_browsers_lower_case_agrees_with_the_crates_but_for_characters_newer_than_the_browser() {
    let (disagreements, unknown_to_browser) = compare(
        |c| c.to_lowercase().collect(),
        |text| JsString::from(text).to_lower_case().into(),
    );
    assert!(
        disagreements.is_empty(),
        "{} characters lowercase differently: {:?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(20)]
    );
    assert!(
        unknown_to_browser < 200,
        "{unknown_to_browser} characters left as they are: is the browser's toLowerCase working?"
    );
}

/// Words and whole strings, through the app's fold and the native one.
#[wasm_bindgen_test]
fn the_apps_fold_and_lower_case_agree_with_the_natives_on_words() {
    lantern_app::use_browser_nfkd();
    for text in [
        "ΟΔΟΣ ΣΟΦΙΑΣ",
        "Ὀδυσσεύς",
        "İstanbul",
        "ǅemal",
        "ÅNGSTRÖM Straße",
        "ＫＢ５０３４",
        "Ⅻ ﬁle",
        "ΣΑΣ",
        "Ǳ ǲ ǳ",
        // Capital sigmas that only NFKD turns into `Σ` (lunate, mathematical).
        "ΟΔΟϹ",
        "ΣΟΦΙ𝚺 ΛΟΓ𝛴",
    ] {
        let native: String = text
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(lantern_core::text::fold(text), native, "fold({text:?})");
        assert_eq!(
            lantern_core::text::lowercase(text),
            text.to_lowercase(),
            "lowercase({text:?})"
        );
    }
}

#[wasm_bindgen_test]
fn the_apps_fold_strips_diacritics_and_compatibility_forms() {
    lantern_app::use_browser_nfkd();
    let fold = lantern_core::text::fold;
    assert_eq!(fold("Café ÉCRAN naïve"), "cafe ecran naive");
    assert_eq!(fold("ﬁle ｏｕｔｌｏｏｋ Ⅻ"), "file outlook xii");
    assert_eq!(fold("Straße Ångström"), "straße angstrom");
}
