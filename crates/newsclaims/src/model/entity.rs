//! Entities: people, organisations, places, groups, events, dates and quantities.

use serde::{Deserialize, Serialize};

/// The kind of an entity.
///
/// ```
/// use newsclaims::EntityKind;
/// assert_eq!(EntityKind::Organization.as_str(), "organization");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, agency, ministry, party, group with a proper name.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// A nationality or other group named by a demonym or proper name ("Kenyans").
    Group,
    /// A named event ("Korean War", "Victory Day").
    Event,
    /// An absolute or relative date.
    Date,
    /// A number with its unit or noun, money, a percentage, an ordinal.
    Quantity,
}

impl EntityKind {
    /// The stable name of the kind, as in JSON.
    ///
    /// ```
    /// use newsclaims::EntityKind;
    /// assert_eq!(EntityKind::Person.as_str(), "person");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Event => "event",
            EntityKind::Date => "date",
            EntityKind::Quantity => "quantity",
        }
    }

    /// All kinds, in a fixed order.
    ///
    /// ```
    /// assert_eq!(newsclaims::EntityKind::ALL.len(), 7);
    /// ```
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Event,
        EntityKind::Date,
        EntityKind::Quantity,
    ];
}

/// One place in the text where an entity is mentioned.
///
/// ```
/// use newsclaims::Mention;
/// let m = Mention { text: "Nairobi".into(), start: 0, end: 7 };
/// assert_eq!(m.end - m.start, m.text.len());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Byte offset in the article's input text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

/// A normalised value: an ISO date (`2025-03-14`, `2025-03`, `2025`) or a number.
///
/// ```
/// use newsclaims::EntityValue;
/// assert_eq!(serde_json::to_string(&EntityValue::Number(1200.0)).unwrap(), "1200.0");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EntityValue {
    /// A number (quantities).
    Number(f64),
    /// A normalised text value (ISO dates and date ranges).
    Text(String),
}

/// An entity of an article with all its mentions, aliases merged.
///
/// ```
/// use newsclaims::{Entity, EntityKind};
/// let e = Entity { id: "e1".into(), kind: EntityKind::Place, name: "Kenya".into(),
///     aliases: vec![], roles: vec![], mentions: vec![], refers_to: None, value: None };
/// assert_eq!(e.kind, EntityKind::Place);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Id unique within the analysis (`e1`, `e2`, ...).
    pub id: String,
    /// The kind.
    pub kind: EntityKind,
    /// The canonical (longest, fullest) name.
    pub name: String,
    /// Other forms seen in the text ("Shoigu", "U.N.", "UN").
    pub aliases: Vec<String>,
    /// Roles of a person ("Defence Minister", "former ambassador to Russia").
    pub roles: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// For a capital standing for its government or a demonym: the country's entity id.
    pub refers_to: Option<String>,
    /// For dates and quantities: the normalised value, when it can be known.
    pub value: Option<EntityValue>,
}
