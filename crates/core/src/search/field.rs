//! What a field is, defined once: the parts of a document the index tells
//! apart, each with its name, its weight and length normalisation in BM25F
//! and the bits its term count gets in a packed posting. Sets of fields are
//! what a search hit reports for each term it matched ("`vpn` is in the
//! title and the body"), so a caller can tell where a query hit without
//! tokenising the text again.

/// One field of an indexed document, in falling order of weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The article's title.
    Title,
    /// Its tags and aliases.
    Keywords,
    /// The text of its headings.
    Headings,
    /// Its one-line summary.
    Summary,
    /// The rest of its text (stop words are not indexed here).
    Body,
}

/// How many fields a document has.
pub const FIELD_COUNT: usize = 5;

/// What the engine knows of one field.
struct Spec {
    name: &'static str,
    /// Its weight in BM25F: a word in the title says most.
    weight: f32,
    /// How much a long field's counts are damped (BM25's `b`).
    length_norm: f32,
    /// Bits for its term count inside one packed `u32` (counts saturate):
    /// a title rarely says a word more than 15 times, a body may.
    count_bits: u32,
}

/// Indexed by `Field::index`.
const SPECS: [Spec; FIELD_COUNT] = [
    Spec {
        name: "title",
        weight: 6.0,
        length_norm: 0.5,
        count_bits: 4,
    },
    Spec {
        name: "keywords",
        weight: 4.0,
        length_norm: 0.4,
        count_bits: 4,
    },
    Spec {
        name: "headings",
        weight: 2.5,
        length_norm: 0.6,
        count_bits: 4,
    },
    Spec {
        name: "summary",
        weight: 2.0,
        length_norm: 0.6,
        count_bits: 4,
    },
    Spec {
        name: "body",
        weight: 1.0,
        length_norm: 0.75,
        count_bits: 16,
    },
];

impl Field {
    /// Every field, in index order (`Field::ALL[f.index()] == f`).
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Title,
        Field::Keywords,
        Field::Headings,
        Field::Summary,
        Field::Body,
    ];

    /// The field's position in per-field arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The field's name in lower case, as in `IndexDoc`.
    pub const fn name(self) -> &'static str {
        SPECS[self.index()].name
    }

    /// Its weight in BM25F.
    pub(crate) const fn weight(self) -> f32 {
        SPECS[self.index()].weight
    }

    /// How much its length damps its counts (BM25's `b`).
    pub(crate) const fn length_norm(self) -> f32 {
        SPECS[self.index()].length_norm
    }
}

/// Per-field term counts packed into one `u32`, each in its field's
/// `count_bits` (title lowest); a count too large for its bits saturates.
pub(crate) fn pack(counts: &[u32; FIELD_COUNT]) -> u32 {
    let mut packed = 0u32;
    let mut shift = 0;
    for (count, spec) in counts.iter().zip(&SPECS) {
        packed |= (*count).min((1 << spec.count_bits) - 1) << shift;
        shift += spec.count_bits;
    }
    packed
}

/// The counts [`pack`] packed.
pub(crate) fn unpack(packed: u32) -> [u32; FIELD_COUNT] {
    let mut counts = [0u32; FIELD_COUNT];
    let mut shift = 0;
    for (count, spec) in counts.iter_mut().zip(&SPECS) {
        *count = (packed >> shift) & ((1 << spec.count_bits) - 1);
        shift += spec.count_bits;
    }
    counts
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of fields, as one byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u8);

impl FieldSet {
    /// No field.
    pub const EMPTY: FieldSet = FieldSet(0);

    /// The fields whose count is above zero.
    pub(crate) fn of_counts(counts: &[u32; FIELD_COUNT]) -> FieldSet {
        Field::ALL
            .into_iter()
            .filter(|f| counts[f.index()] > 0)
            .collect()
    }

    /// Whether `field` is in the set.
    pub const fn contains(self, field: Field) -> bool {
        self.0 & (1 << field as u8) != 0
    }

    /// Adds `field` to the set.
    pub fn insert(&mut self, field: Field) {
        self.0 |= 1 << field as u8;
    }

    /// Whether the set holds no field.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The fields in the set, in index order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(fields: I) -> Self {
        let mut set = FieldSet::EMPTY;
        for field in fields {
            set.insert(field);
        }
        set
    }
}

impl From<Field> for FieldSet {
    fn from(field: Field) -> Self {
        FieldSet(1 << field as u8)
    }
}

impl std::ops::BitOr for FieldSet {
    type Output = FieldSet;

    fn bitor(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 | other.0)
    }
}

impl std::ops::BitAnd for FieldSet {
    type Output = FieldSet;

    fn bitand(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 & other.0)
    }
}

impl std::ops::BitOr<Field> for FieldSet {
    type Output = FieldSet;

    fn bitor(self, field: Field) -> FieldSet {
        self | FieldSet::from(field)
    }
}

impl std::ops::BitOr for Field {
    type Output = FieldSet;

    fn bitor(self, other: Field) -> FieldSet {
        FieldSet::from(self) | other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_set_holds_what_was_put_in() {
        let set = Field::Title | Field::Body;
        assert!(set.contains(Field::Title) && set.contains(Field::Body));
        assert!(!set.contains(Field::Summary));
        assert_eq!(set.iter().collect::<Vec<_>>(), [Field::Title, Field::Body]);
        assert_eq!(FieldSet::of_counts(&[0, 0, 0, 2, 0]), Field::Summary.into());
        assert!(FieldSet::EMPTY.is_empty());
        for (i, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), i);
        }
    }

    #[test]
    fn packing_round_trips_and_saturates() {
        assert_eq!(unpack(pack(&[1, 2, 3, 4, 500])), [1, 2, 3, 4, 500]);
        assert_eq!(unpack(pack(&[99, 0, 0, 0, 100_000])), [15, 0, 0, 0, 65_535]);
    }

    #[test]
    fn the_packed_counts_fit_one_u32() {
        assert!(SPECS.iter().map(|s| s.count_bits).sum::<u32>() <= 32);
    }
}
