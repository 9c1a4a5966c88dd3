//! Ticket reference ids, made in the browser: short enough to read over the
//! phone, random enough that two users never collide.

/// Crockford's base32: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `LT-` and 8 characters (40 random bits) in two groups: `LT-7K3Q-XM9P`.
pub fn reference_from(random: [u8; 5]) -> String {
    let bits = random
        .iter()
        .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    let chars: String = (0..8)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("LT-{}-{}", &chars[..4], &chars[4..])
}

/// Whether `text` has the shape of a reference (for reading one from a URL).
pub fn is_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 12
        && text.starts_with("LT-")
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= 3 && *i != 7)
            .all(|(_, b)| ALPHABET.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_all_forty_bits() {
        assert_eq!(reference_from([0; 5]), "LT-0000-0000");
        assert_eq!(reference_from([0xFF; 5]), "LT-ZZZZ-ZZZZ");
        assert_ne!(
            reference_from([0, 0, 0, 0, 1]),
            reference_from([0, 0, 0, 0, 2])
        );
        assert!(is_reference(&reference_from([1, 2, 3, 4, 5])));
    }

    #[test]
    fn rejects_what_is_not_a_reference() {
        for bad in [
            "",
            "LT-0000",
            "LT-0000-000I",
            "XX-0000-0000",
            "LT-0000-0000<",
        ] {
            assert!(!is_reference(bad), "{bad}");
        }
    }
}
