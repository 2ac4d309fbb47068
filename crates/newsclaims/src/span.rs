//! Byte spans into the caller's text.
//!
//! Every offset the library reports is a half-open byte range `start..end` into the
//! text exactly as the caller gave it (no normalisation happens before offsets are
//! taken), and always lies on `char` boundaries, so `&text[span.range()]` never panics.
//!
//! [`Utf16Map`] converts those byte offsets into UTF-16 code units, the unit in which
//! JavaScript indexes strings (`text.slice(start, end)`), for the npm package (issue #6).

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

/// Converts byte offsets of one text into UTF-16 code-unit offsets.
///
/// Built once per text in one pass; each conversion is then a binary search over the
/// text's non-ASCII characters only, so an ASCII text costs nothing but its length.
/// JavaScript strings index UTF-16 units: "é" is 2 bytes but 1 unit, "東" 3 bytes
/// but 1 unit, and "🇺" 4 bytes but 2 units (a surrogate pair).
///
/// ```
/// use newsclaims::Utf16Map;
/// let text = "naïve 東京 🇺🇦!";
/// let map = Utf16Map::new(text);
/// let bang = text.find('!').unwrap();
/// assert_eq!(map.to_utf16(bang), Some(13)); // what `"naïve 東京 🇺🇦!".indexOf("!")` gives in JS
/// assert_eq!(map.to_utf16(3), None); // inside "ï"
/// assert_eq!(map.utf16_len(), 14);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Utf16Map {
    /// One entry per non-ASCII char, in text order. Between two entries every char
    /// is ASCII, where one byte is one UTF-16 unit; that is what keeps this short.
    steps: Vec<Step>,
    /// Length of the text in bytes.
    len: usize,
}

/// A non-ASCII char: where it starts and ends in bytes, and where it ends in units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Step {
    byte_start: usize,
    byte_end: usize,
    units_end: usize,
}

impl Utf16Map {
    /// Builds the map of `text` in one forward pass.
    ///
    /// ```
    /// use newsclaims::Utf16Map;
    /// assert_eq!(Utf16Map::new("東京").utf16_len(), 2);
    /// ```
    pub fn new(text: &str) -> Utf16Map {
        let mut steps = Vec::new();
        let mut units = 0;
        for (byte_start, c) in text.char_indices() {
            units += c.len_utf16();
            if !c.is_ascii() {
                steps.push(Step {
                    byte_start,
                    byte_end: byte_start + c.len_utf8(),
                    units_end: units,
                });
            }
        }
        Utf16Map {
            steps,
            len: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`, or `None` when `byte` is past the end
    /// of the text or inside a character.
    ///
    /// ```
    /// use newsclaims::Utf16Map;
    /// let map = Utf16Map::new("Café au lait");
    /// assert_eq!(map.to_utf16(6), Some(5)); // after "Café "
    /// assert_eq!(map.to_utf16(4), None); // between the two bytes of "é"
    /// assert_eq!(map.to_utf16(99), None);
    /// ```
    pub fn to_utf16(&self, byte: usize) -> Option<usize> {
        if byte > self.len {
            return None;
        }
        // Steps wholly before `byte`; the next step, if any, must not contain it.
        let before = self.steps.partition_point(|s| s.byte_end <= byte);
        if let Some(next) = self.steps.get(before) {
            if next.byte_start < byte {
                return None;
            }
        }
        Some(
            match before.checked_sub(1).and_then(|i| self.steps.get(i)) {
                Some(prev) => prev.units_end + (byte - prev.byte_end),
                None => byte,
            },
        )
    }

    /// Like [`Utf16Map::to_utf16`], but never fails: an offset inside a character
    /// moves back to the character's start, one past the end becomes the length.
    ///
    /// For offsets that should be valid (the library's own spans), where a wrong
    /// one must not stop the whole result.
    ///
    /// ```
    /// use newsclaims::Utf16Map;
    /// let map = Utf16Map::new("Café");
    /// assert_eq!(map.to_utf16_floor(4), 3); // inside "é": its start
    /// assert_eq!(map.to_utf16_floor(50), 4);
    /// ```
    pub fn to_utf16_floor(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.utf16_len();
        }
        let before = self.steps.partition_point(|s| s.byte_end <= byte);
        let base = match before.checked_sub(1).and_then(|i| self.steps.get(i)) {
            Some(prev) => (prev.byte_end, prev.units_end),
            None => (0, 0),
        };
        match self.steps.get(before) {
            // Inside (or at the start of) the next non-ASCII char: its start.
            Some(next) if next.byte_start <= byte => base.1 + (next.byte_start - base.0),
            _ => base.1 + (byte - base.0),
        }
    }

    /// The length of the text in UTF-16 units (JavaScript's `text.length`).
    ///
    /// ```
    /// use newsclaims::Utf16Map;
    /// assert_eq!(Utf16Map::new("🇺🇦").utf16_len(), 4);
    /// ```
    pub fn utf16_len(&self) -> usize {
        match self.steps.last() {
            Some(last) => last.units_end + (self.len - last.byte_end),
            None => self.len,
        }
    }

    /// A byte span as a UTF-16 span, each end converted with
    /// [`Utf16Map::to_utf16_floor`].
    ///
    /// ```
    /// use newsclaims::{Span, Utf16Map};
    /// let map = Utf16Map::new("東京 rain");
    /// assert_eq!(map.span_to_utf16(Span::new(7, 11)), Span::new(3, 7));
    /// ```
    pub fn span_to_utf16(&self, span: Span) -> Span {
        Span::new(
            self.to_utf16_floor(span.start),
            self.to_utf16_floor(span.end),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: count UTF-16 units of the prefix.
    fn reference(text: &str, byte: usize) -> Option<usize> {
        text.get(..byte).map(|p| p.encode_utf16().count())
    }

    const TEXTS: &[&str] = &[
        "",
        "plain ASCII only",
        "🇺🇦 flag first",
        "naïve café",
        "東京 and 大阪",
        "line one\r\nline two\r\n",
        "12\u{a0}000 people",
        "\u{201c}We won\u{2019}t,\u{201d} she said \u{2014} again \u{2013} today",
        "ends in emoji 😀",
        "😀😀😀",
    ];

    #[test]
    fn matches_reference_at_every_byte() {
        for text in TEXTS {
            let map = Utf16Map::new(text);
            for byte in 0..=text.len() + 2 {
                assert_eq!(
                    map.to_utf16(byte),
                    reference(text, byte),
                    "{text:?} at {byte}"
                );
            }
            assert_eq!(map.utf16_len(), text.encode_utf16().count(), "{text:?}");
        }
    }

    #[test]
    fn floor_moves_to_char_start() {
        for text in TEXTS {
            let map = Utf16Map::new(text);
            for byte in 0..=text.len() + 2 {
                let mut b = byte.min(text.len());
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                assert_eq!(
                    Some(map.to_utf16_floor(byte)),
                    reference(text, b),
                    "{text:?} at {byte}"
                );
            }
        }
    }

    #[test]
    fn utf16_slices_equal_byte_slices() {
        let text = "Kyiv 🇺🇦: \u{201c}naïve\u{201d} talks in 東京\r\n\u{a0}end";
        let units: Vec<u16> = text.encode_utf16().collect();
        let map = Utf16Map::new(text);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (i, &a) in bounds.iter().enumerate() {
            for &b in &bounds[i..] {
                let s = map.span_to_utf16(Span::new(a, b));
                let got = String::from_utf16(&units[s.range()]).unwrap();
                assert_eq!(got, &text[a..b]);
            }
        }
    }
}
