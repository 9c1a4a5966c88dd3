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

/// Where a letter sits on a QWERTY keyboard: row and column.
fn key(c: char) -> Option<(usize, usize)> {
    ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
        .iter()
        .enumerate()
        .find_map(|(row, keys)| keys.find(c).map(|col| (row, col)))
}

/// Keys that touch: beside each other in a row, or in the next row down
/// half a key to the left (the rows are staggered).
fn neighbours(a: char, b: char) -> bool {
    match (key(a), key(b)) {
        (Some((r, c)), Some((s, d))) => {
            (r == s && c.abs_diff(d) == 1)
                || (s == r + 1 && (d == c || d + 1 == c))
                || (r == s + 1 && (c == d || c + 1 == d))
        }
        _ => false,
    }
}

/// How unlikely `typed` is as a slip for `meant`: an edit distance where
/// the slips fingers make cost 1 (a neighbouring key, two letters swapped,
/// a letter dropped or doubled) and any other edit 2. Two words the same
/// distance from a typo are rarely as likely: "teeans" is two slips from
/// "teams" (a doubled e, n beside m) but needs two unlikely edits to be
/// "then", which the most common word first had chosen.
pub fn slip_cost(typed: &[char], meant: &[char]) -> usize {
    let (n, m) = (typed.len().min(MAX_LEN), meant.len().min(MAX_LEN));
    // Rows on the stack, as in `within_distance`.
    let mut prev2 = [0u8; MAX_LEN + 1];
    let mut prev = [0u8; MAX_LEN + 1];
    let mut row = [0u8; MAX_LEN + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let a = typed[i - 1];
        let doubled = i > 1 && typed[i - 2] == a;
        row[0] = prev[0] + if doubled { 1 } else { 2 };
        for j in 1..=m {
            let b = meant[j - 1];
            let swap = if a == b {
                0
            } else if neighbours(a, b) {
                1
            } else {
                2
            };
            let mut best = (prev[j - 1] + swap)
                .min(prev[j] + if doubled { 1 } else { 2 })
                .min(row[j - 1] + 1);
            if i > 1 && j > 1 && a == meant[j - 2] && typed[i - 2] == b {
                best = best.min(prev2[j - 2] + 1);
            }
            row[j] = best;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    usize::from(prev[m])
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
    fn slips_of_the_fingers_cost_less_than_other_edits() {
        let cost = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            slip_cost(&a, &b)
        };
        assert_eq!(cost("teeans", "teams"), 2);
        assert_eq!(cost("teeans", "then"), 6);
        assert_eq!(cost("pirnter", "printer"), 1);
        assert_eq!(cost("pssword", "password"), 1);
        assert_eq!(cost("printwr", "printer"), 1);
        assert_eq!(cost("printzr", "printer"), 2);
    }

    #[test]
    fn two_letters_allow_no_typo_three_to_five_one_six_two() {
        assert_eq!(allowed_typos(2), 0);
        assert_eq!(allowed_typos(3), 1);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(6), 2);
    }
}
