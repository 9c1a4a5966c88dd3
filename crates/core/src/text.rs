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
    return strip_and_lower(nfkd::decompose(text));
    #[cfg(feature = "host-nfkd")]
    return strip_and_lower(nfkd::decompose(text).chars());
}

fn strip_and_lower(chars: impl Iterator<Item = char>) -> String {
    chars
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Unicode compatibility decomposition (NFKD) for [`fold`].
///
/// Natively (CLI, build, benchmarks) it comes from `unicode-normalization`.
/// Its decomposition tables are 40 KB of brotli in the browser, a seventh
/// of the app's budget, and the browser already has the same algorithm:
/// with the `host-nfkd` feature the crate takes NFKD from its host through
/// [`set_nfkd`] instead (the web app passes
/// `String.prototype.normalize("NFKD")`; tests/wasm_fold.rs checks that it
/// agrees with the crate). An opt-in feature rather than an opt-out one:
/// trunk builds the app with the CLI selected too, and Cargo's feature
/// unification would turn a default-on table feature back on.
#[cfg(not(feature = "host-nfkd"))]
mod nfkd {
    use unicode_normalization::UnicodeNormalization;

    pub(super) fn decompose(text: &str) -> impl Iterator<Item = char> + '_ {
        text.nfkd()
    }
}

#[cfg(feature = "host-nfkd")]
mod nfkd {
    use std::sync::OnceLock;

    pub(super) static HOST: OnceLock<fn(&str) -> String> = OnceLock::new();

    /// Without a host decomposer, text is only lowercased and stripped of
    /// combining marks: `é` typed as `e` + U+0301 still folds to `e`, a
    /// precomposed `é` does not.
    pub(super) fn decompose(text: &str) -> String {
        match HOST.get() {
            Some(nfkd) => nfkd(text),
            None => text.to_string(),
        }
    }
}

/// Gives [`fold`] its NFKD decomposition where the crate is built with the
/// `host-nfkd` feature (see the `nfkd` module). The first call wins.
#[cfg(feature = "host-nfkd")]
pub fn set_nfkd(nfkd: fn(&str) -> String) {
    let _ = nfkd::HOST.set(nfkd);
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
