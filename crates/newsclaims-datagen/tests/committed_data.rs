//! The committed lists pass `check`, and a few facts the library relies on
//! hold (news forms of country names, demonyms, capitals as cities).

use std::fs;

use newsclaims_datagen::{check, data_dir};

fn lines(file: &str) -> Vec<String> {
    fs::read_to_string(data_dir().join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn committed_data_passes_check() {
    check::run(&data_dir()).unwrap();
}

#[test]
fn countries_have_news_forms() {
    let rows = lines("countries.tsv");
    let row = |name: &str| {
        rows.iter()
            .find(|l| l.split('\t').next() == Some(name))
            .unwrap_or_else(|| panic!("no country {name}"))
            .clone()
    };
    for name in [
        "North Korea",
        "South Korea",
        "Russia",
        "Vietnam",
        "Iran",
        "Syria",
        "Laos",
        "Taiwan",
        "Palestine",
        "Philippines",
        "Turkey",
        "United States",
    ] {
        row(name);
    }
    assert!(row("United States").contains("|U.S.|"));
    assert!(row("North Korea").contains("North Koreans"));
    assert!(row("South Korea").contains("South Koreans"));
    assert!(row("Philippines").contains("Filipinos"));
    assert!(row("United Kingdom").contains("British"));
    assert!(row("Netherlands").contains("Dutch"));
}

#[test]
fn capitals_are_cities() {
    let cities = lines("cities.tsv");
    for c in [
        "Pyongyang\tKP",
        "Seoul\tKR",
        "Kyiv\tUA",
        "Kiev\tUA",
        "Washington\tUS",
    ] {
        assert!(cities.iter().any(|l| l == c), "{c}");
    }
    assert!(!cities.iter().any(|l| l == "Reading\tGB"));
}

#[test]
fn names_and_titles_are_sane() {
    let names = lines("first_names.txt");
    assert!(names.len() > 10_000);
    for n in ["John", "Mary", "Will", "Olaf"] {
        assert!(names.binary_search(&n.to_string()).is_ok(), "{n}");
    }
    for n in ["Any", "Way", "The"] {
        assert!(names.binary_search(&n.to_string()).is_err(), "{n}");
    }
    let titles = lines("titles.tsv");
    for t in [
        "foreign minister\toffice",
        "general\tmilitary",
        "rabbi\treligious",
    ] {
        assert!(titles.iter().any(|l| l == t), "{t}");
    }
}
