//! Byte spans into the caller's text.
//!
//! Every offset the library reports is a half-open byte range `start..end` into the
//! text exactly as the caller gave it (no normalisation happens before offsets are
//! taken), and always lies on `char` boundaries, so `&text[span.range()]` never panics.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text, on `char` boundaries.
///
/// ```
/// use newsclaims::Span;
/// let text = "Café owner";
/// let span = Span::new(0, 5);
/// assert_eq!(span.text(text), Some("Café"));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert_eq!(Span::new(2, 4).len(), 2);
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The range, for slicing.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert_eq!(&"abcdef"[Span::new(1, 3).range()], "bc");
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert_eq!(Span::new(3, 10).len(), 7);
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert!(Span::new(3, 3).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text under the span, or `None` when it is out of range or off a boundary.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert_eq!(Span::new(0, 2).text("東京"), None);
    /// assert_eq!(Span::new(0, 3).text("東京"), Some("東"));
    /// ```
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.range())
    }

    /// Whether `other` lies wholly inside this span.
    ///
    /// ```
    /// use newsclaims::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// ```
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
