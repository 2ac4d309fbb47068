//! The words that attribute, and what they make of a claim: speech verbs with
//! the kind of claim they report, hedges, negations, words of the future and
//! accusing words. `marks` finds them all in one pass over an article.

use crate::lexicon::WordMap;
use crate::ClaimKind;

/// Speech verbs and phrases, lower case, with the kind of claim they report.
pub(crate) const CUES: &[(&str, ClaimKind)] = &[
    ("accuse", ClaimKind::Accusation),
    ("accused", ClaimKind::Accusation),
    ("accuses", ClaimKind::Accusation),
    ("accusing", ClaimKind::Accusation),
    ("alleged", ClaimKind::Accusation),
    ("alleges", ClaimKind::Accusation),
    ("blamed", ClaimKind::Accusation),
    ("blames", ClaimKind::Accusation),
    ("charged", ClaimKind::Accusation),
    ("condemned", ClaimKind::Accusation),
    ("deny", ClaimKind::Denial),
    ("denied", ClaimKind::Denial),
    ("denies", ClaimKind::Denial),
    ("denying", ClaimKind::Denial),
    ("rejected", ClaimKind::Denial),
    ("rejects", ClaimKind::Denial),
    ("dismissed", ClaimKind::Denial),
    ("refuted", ClaimKind::Denial),
    ("predicted", ClaimKind::Prediction),
    ("predicts", ClaimKind::Prediction),
    ("forecast", ClaimKind::Prediction),
    ("warned", ClaimKind::Prediction),
    ("warns", ClaimKind::Prediction),
    ("acknowledged", ClaimKind::Statement),
    ("added", ClaimKind::Statement),
    ("admitted", ClaimKind::Statement),
    ("announced", ClaimKind::Statement),
    ("argued", ClaimKind::Statement),
    ("argues", ClaimKind::Statement),
    ("asserted", ClaimKind::Statement),
    ("claimed", ClaimKind::Statement),
    ("claims", ClaimKind::Statement),
    ("commented", ClaimKind::Statement),
    ("confirmed", ClaimKind::Statement),
    ("confirms", ClaimKind::Statement),
    ("declared", ClaimKind::Statement),
    ("emphasized", ClaimKind::Statement),
    ("emphasised", ClaimKind::Statement),
    ("explained", ClaimKind::Statement),
    ("expressed", ClaimKind::Statement),
    ("insisted", ClaimKind::Statement),
    ("insists", ClaimKind::Statement),
    ("maintained", ClaimKind::Statement),
    ("noted", ClaimKind::Statement),
    ("notes", ClaimKind::Statement),
    ("recalled", ClaimKind::Statement),
    ("remarked", ClaimKind::Statement),
    ("replied", ClaimKind::Statement),
    ("reported", ClaimKind::Statement),
    ("responded", ClaimKind::Statement),
    ("said", ClaimKind::Statement),
    ("say", ClaimKind::Statement),
    ("says", ClaimKind::Statement),
    ("stated", ClaimKind::Statement),
    ("stressed", ClaimKind::Statement),
    ("suggest", ClaimKind::Statement),
    ("suggested", ClaimKind::Statement),
    ("suggests", ClaimKind::Statement),
    ("told", ClaimKind::Statement),
    ("tweeted", ClaimKind::Statement),
    ("wrote", ClaimKind::Statement),
    ("believe", ClaimKind::Statement),
    ("believes", ClaimKind::Statement),
    ("estimated", ClaimKind::Statement),
    ("estimates", ClaimKind::Statement),
];

/// Words that hedge a claim.
pub(crate) const HEDGES: &[&str] = &[
    "allegedly",
    "apparently",
    "could",
    "likely",
    "may",
    "might",
    "perhaps",
    "possibly",
    "possible",
    "probably",
    "reportedly",
    "suggest",
    "suggested",
    "suggests",
    "unconfirmed",
    "alleged",
];

/// Words that negate a claim.
pub(crate) const NEGATIONS: &[&str] = &["not", "never", "no", "nor", "none", "neither", "nothing"];

/// The kind a cue word reports, if it is a cue.
pub(crate) fn cue_kind(word: &str) -> Option<ClaimKind> {
    static MAP: std::sync::LazyLock<WordMap<ClaimKind>> =
        std::sync::LazyLock::new(|| WordMap::new(CUES.iter().copied(), true));
    MAP.get(word)
}

/// Words that put a statement in the future.
pub(crate) const FUTURE_WORDS: &[&str] = &[
    "will", "going", "would", "expects", "expect", "could", "may", "might", "forecast",
];

/// Words in a claim's content that make a statement an accusation.
pub(crate) const ACCUSING: &[&str] = &[
    "allegedly",
    "bribe",
    "bribes",
    "bribery",
    "cheated",
    "complicit",
    "corruption",
    "covered",
    "fraud",
    "fraudulent",
    "illegal",
    "illegally",
    "lied",
    "negligence",
    "obstructionism",
    "shelled",
    "stole",
    "unlawful",
    "violated",
    "violating",
    "withheld",
];
