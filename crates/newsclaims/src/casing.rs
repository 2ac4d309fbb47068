//! Case conversion for names printed in capitals ("NEW YORK", "THE HAGUE"), so
//! that datelines and all-capitals headings meet the lists and the body's names.

/// "HAGUE" -> "Hague", "PORT-AU-PRINCE" -> "Port-Au-Prince"; a word that already
/// has lower-case letters, or a dotted abbreviation ("U.S."), stays as it is.
pub(crate) fn title_word(word: &str) -> String {
    if word.chars().any(char::is_lowercase) || word.contains('.') {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// [`title_word`] on every word of a name: "NEW YORK" -> "New York".
pub(crate) fn title_name(name: &str) -> String {
    name.split_whitespace()
        .map(title_word)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(title_name("NEW YORK"), "New York");
        assert_eq!(title_name("THE HAGUE"), "The Hague");
        assert_eq!(title_word("U.S."), "U.S.");
        assert_eq!(title_word("McAllen"), "McAllen");
        assert_eq!(title_word("PORT-AU-PRINCE"), "Port-Au-Prince");
    }
}
