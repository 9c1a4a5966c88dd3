//! From a token to an index term: words are stemmed so that `printers`
//! finds `printer` and `asking` finds `ask`; codes and numbers stay as typed.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The index term for a folded token.
pub fn term_of(token: &str) -> String {
    if token.len() > 3 && token.chars().all(|c| c.is_ascii_lowercase()) {
        stemmer().stem(token).into_owned()
    } else {
        token.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::term_of;

    #[test]
    fn words_are_stemmed_codes_are_not() {
        assert_eq!(term_of("printers"), "printer");
        assert_eq!(term_of("asking"), "ask");
        assert_eq!(term_of("0x80070005"), "0x80070005");
        assert_eq!(term_of("kb5034441"), "kb5034441");
        assert_eq!(term_of("vpn"), "vpn");
    }
}
