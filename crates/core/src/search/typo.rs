//! Bounded Damerau-Levenshtein distance (optimal string alignment: a swap
//! of two neighbouring letters counts as one edit).

/// How many typos a word of this many characters may carry and still match.
/// Three letters take one only when they start no word and make a word of
/// four (see `correct.rs`). On the typed tuning set
/// (tests/relevance/typed.rs), typo'd title words: 0.863 with one typo up
/// to seven letters, 0.879 with two from six, 0.885 from five (no better
/// once three letters took one, and noisier), 0.890 with one for three
/// letters.
pub fn allowed_typos(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3 => 1,
        4..=5 => 1,
        _ => 2,
    }
}

/// Longest word compared, in characters: rows live on the stack (a typo
/// search compares a word with a few thousand terms, and three heap rows a
/// comparison were most of its time). Longer words are codes and paths,
/// never corrected.
const MAX_LEN: usize = 63;

/// The distance between `a` and `b` if it is at most `max`, else `None`.
/// Stops as soon as a whole row exceeds `max`, so most vocabulary words are
/// rejected after a letter or two.
pub fn within_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_LEN || b.len() > MAX_LEN {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = [0u8; MAX_LEN + 1];
    let mut prev = [0u8; MAX_LEN + 1];
    let mut row = [0u8; MAX_LEN + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(width) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        row[0] = i as u8;
        let mut row_min = row[0];
        for j in 1..width {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            row[j] = best;
            row_min = row_min.min(best);
        }
        if usize::from(row_min) > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let distance = usize::from(prev[b.len()]);
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within_distance(&a, &b, max)
    }

    #[test]
    fn transposition_counts_as_one_edit() {
        assert_eq!(d("outlook", "otulook", 1), Some(1));
        assert_eq!(d("password", "pasword", 1), Some(1));
        assert_eq!(d("printer", "pritner", 1), Some(1));
    }

    #[test]
    fn distance_above_bound_is_rejected() {
        assert_eq!(d("printer", "planter", 1), None);
        assert_eq!(d("printer", "planter", 2), Some(2));
        assert_eq!(d("vpn", "vpnclientsetup", 2), None);
    }

    #[test]
    fn two_letters_allow_no_typo_three_to_five_one_six_two() {
        assert_eq!(allowed_typos(2), 0);
        assert_eq!(allowed_typos(3), 1);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(6), 2);
    }
}
