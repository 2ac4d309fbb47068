//! The shape of every list in `data/`: columns, key, list-valued columns.
//!
//! One table drives both `import` (which writes the files) and `check`
//! (which verifies them), so the two cannot drift apart.

/// Separator of items inside a list-valued column.
pub const LIST_SEP: char = '|';

/// Placeholder for "no value" in a column that allows it (an empty field
/// is never allowed, so a missing capital is written `-`).
pub const NONE: &str = "-";

/// Allowed values of the `kind` column of `titles.tsv`.
pub const TITLE_KINDS: &[&str] = &[
    "honorific",
    "office",
    "military",
    "religious",
    "occupation",
    "modifier",
];

/// How one file in `data/` is laid out.
///
/// ```
/// let spec = newsclaims_datagen::spec::find("countries.tsv").unwrap();
/// assert_eq!(spec.columns.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSpec {
    /// File name relative to `data/` (e.g. `overrides/cities.tsv`).
    pub name: &'static str,
    /// Column names, in order.
    pub columns: &'static [&'static str],
    /// How many leading columns form the key that must be unique.
    pub key_columns: usize,
    /// Indexes of columns holding `|`-separated lists.
    pub list_columns: &'static [usize],
    /// Indexes of columns where `-` means "none".
    pub optional_columns: &'static [usize],
    /// Whether the data lines must be in strictly increasing byte order.
    /// Generated files and hand-written lists are sorted; override files
    /// are grouped by hand and only checked for duplicates.
    pub sorted: bool,
    /// Whether `import` writes this file (otherwise it is hand-written).
    pub generated: bool,
}

const fn list(name: &'static str, generated: bool) -> FileSpec {
    FileSpec {
        name,
        columns: &["entry"],
        key_columns: 1,
        list_columns: &[],
        optional_columns: &[],
        sorted: true,
        generated,
    }
}

/// Every file `check` knows. A file in `data/` not listed here is an error,
/// so a new list cannot skip validation.
pub const FILES: &[FileSpec] = &[
    FileSpec {
        name: "countries.tsv",
        columns: &["name", "iso2", "alt_names", "capital", "demonyms"],
        key_columns: 1,
        list_columns: &[2, 4],
        optional_columns: &[2, 3, 4],
        sorted: true,
        generated: true,
    },
    FileSpec {
        name: "cities.tsv",
        columns: &["name", "iso2"],
        key_columns: 2,
        list_columns: &[],
        optional_columns: &[],
        sorted: true,
        generated: true,
    },
    FileSpec {
        name: "subdivisions.tsv",
        columns: &["name", "iso2"],
        key_columns: 1,
        list_columns: &[],
        // `-`: the name is a division of several countries ("Punjab").
        optional_columns: &[1],
        sorted: true,
        generated: true,
    },
    list("first_names.txt", true),
    FileSpec {
        name: "titles.tsv",
        columns: &["title", "kind"],
        key_columns: 1,
        list_columns: &[],
        optional_columns: &[],
        sorted: true,
        generated: true,
    },
    list("particles.txt", true),
    list("org_suffixes.txt", true),
    list("org_heads.txt", false),
    list("groups.txt", false),
    list("regions.txt", false),
    list("surnames.txt", false),
    FileSpec {
        name: "organizations.tsv",
        columns: &["name", "acronyms"],
        key_columns: 1,
        list_columns: &[1],
        optional_columns: &[1],
        sorted: true,
        generated: false,
    },
    FileSpec {
        name: "overrides/countries.tsv",
        columns: &["iso2", "name", "alt_names", "capital", "demonyms"],
        key_columns: 2,
        list_columns: &[2, 4],
        optional_columns: &[1, 2, 3, 4],
        sorted: false,
        generated: false,
    },
    FileSpec {
        name: "overrides/cities.tsv",
        columns: &["name", "iso2"],
        key_columns: 2,
        list_columns: &[],
        optional_columns: &[],
        sorted: false,
        generated: false,
    },
    FileSpec {
        name: "overrides/subdivisions.tsv",
        columns: &["name", "iso2"],
        key_columns: 2,
        list_columns: &[],
        optional_columns: &[],
        sorted: false,
        generated: false,
    },
    FileSpec {
        name: "overrides/titles.tsv",
        columns: &["title", "kind"],
        key_columns: 1,
        list_columns: &[],
        // Kind `-` removes a title nameparser has.
        optional_columns: &[1],
        sorted: false,
        generated: false,
    },
    FileSpec {
        sorted: false,
        ..list("overrides/first_names.txt", false)
    },
    FileSpec {
        sorted: false,
        ..list("overrides/particles.txt", false)
    },
    FileSpec {
        sorted: false,
        ..list("overrides/org_suffixes.txt", false)
    },
];

/// Looks up the spec of a file by its name relative to `data/`.
///
/// ```
/// use newsclaims_datagen::spec;
/// assert!(spec::find("cities.tsv").is_some());
/// assert!(spec::find("nope.tsv").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static FileSpec> {
    FILES.iter().find(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_columns_consistent() {
        for (i, a) in FILES.iter().enumerate() {
            for b in FILES.iter().skip(i + 1) {
                assert_ne!(a.name, b.name);
            }
            assert!(a.key_columns >= 1 && a.key_columns <= a.columns.len());
            for &c in a.list_columns.iter().chain(a.optional_columns) {
                assert!(c < a.columns.len(), "{}", a.name);
            }
        }
    }
}
