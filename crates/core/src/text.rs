//! Text normalisation and tokenisation shared by indexing and querying, so a
//! word is always cut and folded the same way on both sides.

use unicode_normalization::char::is_combining_mark;

/// Lowercases and strips diacritics: `É` and `é` both become `e`, and
/// compatibility forms fold to what they stand for (`ﬁ` is `fi`, the
/// full-width `ｏｕｔｌｏｏｋ` an IME types is `outlook`).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(not(feature = "host-nfkd"))]
    return native::fold(text);
    #[cfg(feature = "host-nfkd")]
    return host::fold(text);
}

/// Lower case as `str::to_lowercase` (with its final sigma), from the host
/// where the crate is built with `host-nfkd` (see the `host` module).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(not(feature = "host-nfkd"))]
    return text.to_lowercase();
    #[cfg(feature = "host-nfkd")]
    return host::lowercase(text);
}

fn strip_marks(chars: impl Iterator<Item = char>) -> String {
    chars.filter(|c| !is_combining_mark(*c)).collect()
}

/// Natively (CLI, build, benchmarks) the tables come from
/// `unicode-normalization` and the standard library.
#[cfg(not(feature = "host-nfkd"))]
mod native {
    use unicode_normalization::UnicodeNormalization;

    /// Decomposed (NFKD), marks stripped, then lowercased character by
    /// character (no final sigma: `Σ` is always `σ`).
    pub(super) fn fold(text: &str) -> String {
        super::strip_marks(text.nfkd())
            .chars()
            .flat_map(char::to_lowercase)
            .collect()
    }
}

/// Unicode compatibility decomposition (NFKD) and lower case for [`fold`]
/// and [`lowercase`], from the host.
///
/// The decomposition tables are 40 KB of brotli in the browser, a seventh
/// of the app's budget, and the standard library's lower-case table 11.7 KB
/// raw (4 KB brotli): the browser already has both, so with the `host-nfkd`
/// feature the crate takes them from its host through [`set_host_text`]
/// (the web app passes `String.prototype.normalize("NFKD")` and
/// `toLowerCase`; tests/wasm_fold.rs checks that they agree with the
/// crate). An opt-in feature rather than an opt-out one: trunk builds the
/// app with the CLI selected too, and Cargo's feature unification would
/// turn a default-on table feature back on.
#[cfg(feature = "host-nfkd")]
mod host {
    use std::sync::OnceLock;

    pub(super) struct Host {
        pub nfkd_lower: fn(&str) -> String,
        pub lower: fn(&str) -> String,
    }

    pub(super) static HOST: OnceLock<Host> = OnceLock::new();

    /// Lowercasing after decomposing equals the native order (marks
    /// stripped first): a lower-case mapping adds no mark to a decomposed
    /// letter. Without a host only ASCII is lowercased, and a precomposed
    /// `é` is kept.
    pub(super) fn fold(text: &str) -> String {
        let lowered = match HOST.get() {
            Some(host) => (host.nfkd_lower)(text),
            None => text.to_ascii_lowercase(),
        };
        super::strip_marks(lowered.chars())
    }

    pub(super) fn lowercase(text: &str) -> String {
        match HOST.get() {
            Some(host) => (host.lower)(text),
            None => text.to_ascii_lowercase(),
        }
    }
}

/// Gives [`fold`] its decomposition and lower case (`nfkd_lower`: NFKD,
/// then each character's lower case, as `char::to_lowercase`: no
/// final-sigma rule, so a `Σ` that NFKD yields, from `Ϲ` or `𝚺` too, is
/// `σ` at a word's end as well) and [`lowercase`] its own (`lower`, as
/// `str::to_lowercase`), where the crate is
/// built with the `host-nfkd` feature (see the `host` module). The first
/// call wins.
#[cfg(feature = "host-nfkd")]
pub fn set_host_text(nfkd_lower: fn(&str) -> String, lower: fn(&str) -> String) {
    let _ = host::HOST.set(host::Host { nfkd_lower, lower });
}

/// A word of the text, folded, with its byte range in the original string
/// (used to highlight matches in snippets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, folded (lower case, accents removed).
    pub text: String,
    /// Its first byte in the original text.
    pub start: usize,
    /// The byte after its last.
    pub end: usize,
}

/// Scripts written without spaces between words: each character is a token,
/// which lets a CJK query match CJK text without a dictionary.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF) // CJK Compatibility Ideographs
}

/// Splits text into folded tokens. Letters and digits form words; a dot
/// between digits stays (`1.2.3`), apostrophes inside words vanish
/// (`can't` is `cant`), so error codes, versions and KB numbers such as
/// `0x80070005`, `KB5034441` and `.pst` are single searchable tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    let flush = |current: &mut String, start: usize, end: usize, tokens: &mut Vec<Token>| {
        if !current.is_empty() {
            tokens.push(Token {
                text: fold(current),
                start,
                end,
            });
            current.clear();
        }
    };
    while let Some((pos, c)) = chars.next() {
        if is_cjk(c) {
            flush(&mut current, start, pos, &mut tokens);
            tokens.push(Token {
                text: c.to_string(),
                start: pos,
                end: pos + c.len_utf8(),
            });
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            if current.is_empty() {
                start = pos;
            }
            current.push(c);
        } else {
            let next = chars.peek().map(|&(_, n)| n);
            let joins = match c {
                '.' | ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                '\'' | '’' => {
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
                }
                _ => false,
            };
            if joins && !current.is_empty() {
                if c == '.' {
                    current.push('.');
                }
            } else {
                flush(&mut current, start, pos, &mut tokens);
            }
        }
        prev = Some(c);
    }
    flush(&mut current, start, text.len(), &mut tokens);
    tokens
}

/// Words too common to say anything about which article is meant. They are
/// still indexed (phrases need them) but count little towards how much of a
/// query a document covers.
pub fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "but"
            | "by"
            | "can"
            | "cant"
            | "do"
            | "does"
            | "doesnt"
            | "dont"
            | "for"
            | "from"
            | "has"
            | "have"
            | "how"
            | "i"
            | "if"
            | "im"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "me"
            | "my"
            | "no"
            | "not"
            | "of"
            | "on"
            | "or"
            | "so"
            | "that"
            | "the"
            | "their"
            | "this"
            | "to"
            | "up"
            | "was"
            | "what"
            | "when"
            | "why"
            | "will"
            | "with"
            | "wont"
            | "you"
            | "your"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(words("Café ÉCRAN naïve"), ["cafe", "ecran", "naive"]);
    }

    #[test]
    fn folds_compatibility_forms_to_what_they_stand_for() {
        assert_eq!(fold("ﬁle ｏｕｔｌｏｏｋ Ⅻ"), "file outlook xii");
    }

    #[test]
    fn keeps_error_codes_versions_and_extensions_whole() {
        assert_eq!(
            words("Error 0x80070005 in KB5034441"),
            ["error", "0x80070005", "in", "kb5034441"]
        );
        assert_eq!(
            words("repair the .pst file"),
            ["repair", "the", "pst", "file"]
        );
        assert_eq!(
            words("Outlook 16.0.1 crashes."),
            ["outlook", "16.0.1", "crashes"]
        );
        assert_eq!(words("can't print"), ["cant", "print"]);
    }

    #[test]
    fn byte_ranges_point_into_the_original_text() {
        let text = "Ünïcode wörks";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "wörks");
    }

    #[test]
    fn cjk_is_split_per_character_and_emoji_are_ignored() {
        assert_eq!(words("打印机离线"), ["打", "印", "机", "离", "线"]);
        assert!(words("🔥🙂").is_empty());
        assert_eq!(words("vpn🙂down"), ["vpn", "down"]);
    }
}
