//! The fields of a document the index tells apart, and sets of them: what a
//! search hit reports for each term it matched ("`vpn` is in the title and
//! the body"), so a caller can tell where a query hit without tokenising
//! the text again.

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
        match self {
            Field::Title => "title",
            Field::Keywords => "keywords",
            Field::Headings => "headings",
            Field::Summary => "summary",
            Field::Body => "body",
        }
    }
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
}
