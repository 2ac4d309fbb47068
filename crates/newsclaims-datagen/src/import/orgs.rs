//! `org_suffixes.txt`: company legal-form suffixes from cleanco's
//! `terms_by_type`, then `overrides/org_suffixes.txt` (`-as` removes a
//! suffix that is mostly an English word, other lines add).

use serde_json::Value;

use super::apply_list_overrides;
use crate::pydump::strings;
use crate::{Error, Result};

/// Whether a cleanco term is a clean suffix: letters, digits and the
/// punctuation legal forms use, no leading or trailing space, no control
/// characters (cleanco 2.3 has one mis-encoded Czech entry).
fn clean(term: &str) -> bool {
    !term.is_empty()
        && term.trim() == term
        && term.chars().any(char::is_alphabetic)
        && term
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | ' ' | '&' | '/' | '-' | ':'))
}

/// Builds the suffix lines from cleanco's dump and the overrides.
///
/// ```
/// use serde_json::json;
/// use newsclaims_datagen::import::orgs::build_suffixes;
/// let cc = json!({"terms_by_type": {"Corporation": ["inc", "corp.", " i/s", "as"], "Limited": ["ltd", "inc"]}});
/// assert_eq!(build_suffixes(&cc, "-as\n").unwrap(), vec!["corp.", "inc", "ltd"]);
/// ```
pub fn build_suffixes(cleanco: &Value, overrides: &str) -> Result<Vec<String>> {
    let by_type = cleanco["terms_by_type"]
        .as_object()
        .ok_or_else(|| Error::new("cleanco dump has no terms_by_type"))?;
    let mut out: Vec<String> = by_type
        .values()
        .flat_map(strings)
        .filter(|t| clean(t))
        .map(str::to_lowercase)
        .collect();
    out.sort();
    out.dedup();
    apply_list_overrides(&mut out, overrides);
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_rejects_padding_and_mojibake() {
        assert!(clean("s.a."));
        assert!(clean("gmbh & co. kg"));
        assert!(!clean(" i/s"));
        assert!(!clean("ve\u{c5}\u{99}. obch."));
        assert!(!clean("..."));
    }
}
