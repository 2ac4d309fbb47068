//! A draft's mentions. Most drafts (dates, quantities, names used once) have
//! one mention, which is kept without allocating.

use std::ops::{Deref, DerefMut};

use crate::Span;

/// The mentions of a draft, as a slice of spans.
#[derive(Debug, Default)]
pub(super) enum Mentions {
    /// None yet, or none left.
    #[default]
    Empty,
    /// A single mention.
    One(Span),
    /// Two or more (or fewer, once some were dropped).
    Many(Vec<Span>),
}

impl Mentions {
    /// Adds a mention at the end.
    pub(super) fn push(&mut self, span: Span) {
        match self {
            Mentions::Empty => *self = Mentions::One(span),
            Mentions::One(first) => {
                let mut all = Vec::with_capacity(4);
                all.push(*first);
                all.push(span);
                *self = Mentions::Many(all);
            }
            Mentions::Many(all) => all.push(span),
        }
    }

    /// Adds all of `other` at the end.
    pub(super) fn append(&mut self, other: &Mentions) {
        for &span in other.iter() {
            self.push(span);
        }
    }

    /// Drops consecutive repeats.
    pub(super) fn dedup(&mut self) {
        if let Mentions::Many(all) = self {
            all.dedup();
        }
    }

    /// Keeps the mentions for which `keep` holds.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(&Span) -> bool) {
        match self {
            Mentions::One(span) if !keep(span) => *self = Mentions::Empty,
            Mentions::Many(all) => all.retain(keep),
            _ => {}
        }
    }
}

impl Deref for Mentions {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Mentions::Empty => &[],
            Mentions::One(span) => std::slice::from_ref(span),
            Mentions::Many(all) => all,
        }
    }
}

impl DerefMut for Mentions {
    fn deref_mut(&mut self) -> &mut [Span] {
        match self {
            Mentions::Empty => &mut [],
            Mentions::One(span) => std::slice::from_mut(span),
            Mentions::Many(all) => all,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Mentions;
    use crate::Span;

    #[test]
    fn grows_and_shrinks_like_a_vec() {
        let mut m = Mentions::default();
        assert!(m.is_empty());
        m.push(Span::new(5, 6));
        assert_eq!(&m[..], [Span::new(5, 6)]);
        m.push(Span::new(1, 2));
        m.push(Span::new(1, 2));
        m.sort_unstable();
        m.dedup();
        assert_eq!(&m[..], [Span::new(1, 2), Span::new(5, 6)]);
        m.retain(|s| s.start > 1);
        assert_eq!(&m[..], [Span::new(5, 6)]);
        let mut one = Mentions::default();
        one.push(Span::new(0, 1));
        one.retain(|_| false);
        assert!(one.is_empty());
        one.append(&m);
        assert_eq!(&one[..], [Span::new(5, 6)]);
    }
}
