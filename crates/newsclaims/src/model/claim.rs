//! Claims: who said, accused, denied or predicted what.

use serde::{Deserialize, Serialize};

/// What a claim does.
///
/// ```
/// use newsclaims::ClaimKind;
/// assert_eq!(ClaimKind::Denial.as_str(), "denial");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Something asserted.
    Statement,
    /// Someone accused of something.
    Accusation,
    /// Something denied.
    Denial,
    /// Something said of the future.
    Prediction,
}

impl ClaimKind {
    /// The stable name, as in JSON.
    ///
    /// ```
    /// use newsclaims::ClaimKind;
    /// assert_eq!(ClaimKind::Prediction.as_str(), "prediction");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statement => "statement",
            ClaimKind::Accusation => "accusation",
            ClaimKind::Denial => "denial",
            ClaimKind::Prediction => "prediction",
        }
    }
}

/// How a claim is carried in the text.
///
/// ```
/// use newsclaims::ClaimForm;
/// assert_eq!(ClaimForm::AccordingTo.as_str(), "according_to");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimForm {
    /// A whole quote credited to a speaker.
    DirectQuote,
    /// Quoted words inside a sentence of the reporter's.
    PartialQuote,
    /// Reported speech ("X said that ...", "X denied ...").
    Reported,
    /// "according to X".
    AccordingTo,
    /// A check-worthy statement credited to nobody.
    Unattributed,
}

impl ClaimForm {
    /// The stable name, as in JSON.
    ///
    /// ```
    /// use newsclaims::ClaimForm;
    /// assert_eq!(ClaimForm::DirectQuote.as_str(), "direct_quote");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimForm::DirectQuote => "direct_quote",
            ClaimForm::PartialQuote => "partial_quote",
            ClaimForm::Reported => "reported",
            ClaimForm::AccordingTo => "according_to",
            ClaimForm::Unattributed => "unattributed",
        }
    }
}

/// A speaker or target: a name, and the entity id when it is one.
///
/// ```
/// use newsclaims::Actor;
/// let a = Actor { name: "state media".into(), entity: None };
/// assert!(a.entity.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The name (the entity's canonical name when it is one, else as written).
    pub name: String,
    /// The entity id, or `None` for "observers", "state media" and the like.
    pub entity: Option<String>,
}

/// A claim found in an article.
///
/// ```
/// use newsclaims::{Claim, ClaimForm, ClaimKind};
/// let c = Claim { id: "c1".into(), kind: ClaimKind::Statement, form: ClaimForm::Unattributed,
///     speaker: None, cue: None, quote: None, text: "Rain fell.".into(), start: 0, end: 10,
///     target: None, hedged: false, negated: false, entities: vec![], responds_to: None };
/// assert_eq!(c.form, ClaimForm::Unattributed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Id unique within the analysis (`c1`, `c2`, ...).
    pub id: String,
    /// What the claim does.
    pub kind: ClaimKind,
    /// How it is carried.
    pub form: ClaimForm,
    /// Who is credited, or `None` when nobody is.
    pub speaker: Option<Actor>,
    /// The attributing word ("said", "according to", "denied").
    pub cue: Option<String>,
    /// The quoted words, for quote forms.
    pub quote: Option<String>,
    /// The sentence or sentences carrying the claim.
    pub text: String,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// For accusations and denials: who is accused.
    pub target: Option<Actor>,
    /// Whether the claim is hedged (likely, possibly, allegedly, may, reportedly).
    pub hedged: bool,
    /// Whether the claim is negated.
    pub negated: bool,
    /// Ids of the entities mentioned in `text`.
    pub entities: Vec<String>,
    /// For a denial: the id of the accusation it answers, in the same article.
    pub responds_to: Option<String>,
}
