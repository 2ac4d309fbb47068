//! Claims: who said, accused, denied or predicted what.
//!
//! Quotations come first (see the `quote` module): each is one claim, however many
//! sentences or paragraphs it runs over, credited by the speech verb in the
//! sentences around it ("…,” says NAME", "NAME said: “…”"), or, when none is
//! there, to the speaker of the claim right before it. Scare quotes (a few words
//! no verb credits) are not claims. Sentences left then give reported speech
//! ("X denied ...", "according to X, ...") and, when they name an entity together
//! with a number, a date or an event, unattributed check-worthy statements.
//! Speakers are entities where possible: pronouns resolve to the last fitting
//! entity and part names to the full name, through the entity mentions.

mod cue;
mod marks;
mod quote;

use std::collections::HashSet;

use crate::entity::tokenize;
use crate::lexicon::{with_lower, word_set, WordSet};
use crate::{Actor, Article, Claim, ClaimForm, ClaimKind, Entity, EntityKind, Span};
use cue::cue_kind;
use marks::Marks;
use quote::{find_quotes, Quote};

/// Longest claim text taken whole; a longer "sentence" is text without sentence
/// ends, and only the quote and its surroundings are taken.
const MAX_CLAIM_BYTES: usize = 2_000;

/// How far from a quote, in bytes, its attribution is looked for when the
/// sentence around it is too long to take whole.
const ATTRIBUTION_REACH: usize = 300;

/// `center` widened by up to `reach` bytes each side, within `bounds`, on char
/// boundaries.
fn window(text: &str, center: Span, bounds: Span, reach: usize) -> Span {
    let mut start = center.start.saturating_sub(reach).max(bounds.start);
    while start > bounds.start && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = center.end.saturating_add(reach).min(bounds.end);
    while end < bounds.end && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start.min(center.start), end.max(center.end))
}

/// Quotes of this many words or fewer, with no verb crediting them, are scare
/// quotes (a term, a slogan), not claims.
const SCARE_QUOTE_WORDS: usize = 4;

/// Finds the claims of an article, given its entities.
///
/// ```
/// use newsclaims::{extract_claims, extract_entities, parse_article, ArticleMeta, ClaimForm, ClaimKind};
/// let text = "\u{201C}We did not send any ships,\u{201D} said Defense Minister Ana Ruiz. \
///             Washington has accused Manila of arming the rebels.";
/// let article = parse_article(text, &ArticleMeta::default()).unwrap();
/// let entities = extract_entities(&article);
/// let claims = extract_claims(&article, &entities);
/// assert_eq!(claims[0].form, ClaimForm::DirectQuote);
/// assert_eq!(claims[0].speaker.as_ref().unwrap().name, "Ana Ruiz");
/// assert!(claims[0].negated);
/// assert_eq!(claims[1].kind, ClaimKind::Accusation);
/// assert_eq!(claims[1].target.as_ref().unwrap().name, "Manila");
/// ```
pub fn extract_claims(article: &Article, entities: &[Entity]) -> Vec<Claim> {
    let text = article.text();
    let body: Vec<Span> = article.body().map(|p| p.span()).collect();
    let sentences: Vec<Span> = article
        .sentences
        .iter()
        .filter(|s| {
            // Body paragraphs are sorted and disjoint: bisect for the one that
            // could hold the sentence.
            let after = body.partition_point(|p| p.start <= s.start);
            after
                .checked_sub(1)
                .and_then(|k| body.get(k))
                .is_some_and(|p| p.contains(**s))
        })
        .copied()
        .collect();
    let index = MentionIndex::new(entities);
    // Every span asked about lies within the body.
    let scanned = match (body.first(), body.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => Span::new(0, 0),
    };
    let marks = Marks::new(text, scanned);
    let ctx = Context {
        text,
        entities,
        index: &index,
        body: &body,
        marks: &marks,
    };
    let mut drafts: Vec<Claim> = Vec::new();
    let mut covered = vec![false; sentences.len()];
    for q in find_quotes(text, &body) {
        quote_claim(&ctx, &sentences, &mut covered, &q, &mut drafts);
    }
    for (i, &sentence) in sentences.iter().enumerate() {
        if covered.get(i).copied().unwrap_or(true) {
            continue;
        }
        if let Some(claim) = sentence_claim(&ctx, sentence) {
            drafts.push(claim);
        }
    }
    drafts.sort_by_key(|c| c.start);
    finish(&ctx, drafts)
}

/// What every rule needs.
struct Context<'a> {
    text: &'a str,
    entities: &'a [Entity],
    index: &'a MentionIndex,
    body: &'a [Span],
    /// Where the hedges, negations and speech verbs are.
    marks: &'a Marks,
}

/// Entity mentions sorted by position.
struct MentionIndex {
    mentions: Vec<(Span, usize)>,
}

impl MentionIndex {
    fn new(entities: &[Entity]) -> MentionIndex {
        let count = entities.iter().map(|e| e.mentions.len()).sum();
        let mut mentions: Vec<(Span, usize)> = Vec::with_capacity(count);
        for (i, e) in entities.iter().enumerate() {
            mentions.extend(e.mentions.iter().map(|m| (Span::new(m.start, m.end), i)));
        }
        mentions.sort_unstable();
        MentionIndex { mentions }
    }

    /// The entity whose mention covers `span`. Mentions never overlap (the
    /// entity merge drops the shorter of two), so only the last one starting
    /// at or before `span` can.
    fn at(&self, span: Span) -> Option<usize> {
        let after = self
            .mentions
            .partition_point(|(m, _)| m.start <= span.start);
        let (m, i) = self.mentions.get(after.checked_sub(1)?)?;
        (span.end <= m.end).then_some(*i)
    }

    /// Entities mentioned inside `span`, in order, without repeats.
    fn inside(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.mentions.partition_point(|(m, _)| m.start < span.start);
        let rest = self.mentions.get(from..).unwrap_or(&[]);
        let count = rest.iter().take_while(|(m, _)| m.start < span.end).count();
        let run = rest.get(..count).unwrap_or(&[]);
        let within = move |m: &Span| m.end <= span.end;
        // A sentence names few entities: looking back for a repeat costs less
        // than collecting them.
        run.iter().enumerate().filter_map(move |(k, (m, i))| {
            let earlier = run.get(..k).unwrap_or(&[]);
            (within(m) && !earlier.iter().any(|(e, j)| j == i && within(e))).then_some(*i)
        })
    }

    /// The mentions inside `span`, in order, with their entities.
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self.mentions.partition_point(|(m, _)| m.start < span.start);
        self.mentions
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |(m, _)| m.start < span.end)
            .filter(move |(m, _)| m.end <= span.end)
            .copied()
    }

    /// The mentions starting before `at`, nearest first, at most `LOOK_BACK`.
    fn before(&self, at: usize) -> impl Iterator<Item = &(Span, usize)> {
        let to = self.mentions.partition_point(|(m, _)| m.start < at);
        self.mentions
            .get(..to)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(LOOK_BACK)
    }

    /// The last entity of one of `kinds` mentioned before `at`.
    fn last_before(&self, at: usize, entities: &[Entity], kinds: &[EntityKind]) -> Option<usize> {
        self.before(at)
            .find(|(m, i)| m.end <= at && entities.get(*i).is_some_and(|e| kinds.contains(&e.kind)))
            .map(|(_, i)| *i)
    }
}

/// How many mentions back a pronoun or a definite noun may reach: beyond that
/// the link is a guess, and the bound keeps long texts linear.
const LOOK_BACK: usize = 200;

/// The claim a quotation makes, added to `drafts` (or merged into the one before
/// when it continues it).
fn quote_claim(
    ctx: &Context<'_>,
    sentences: &[Span],
    covered: &mut [bool],
    q: &Quote,
    drafts: &mut Vec<Claim>,
) {
    let text = ctx.text;
    // Sentences are sorted and disjoint: find the overlapping run by bisection.
    let from = sentences.partition_point(|s| s.end <= q.outer.start);
    let count = sentences
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|s| s.start < q.outer.end)
        .count();
    let overlapping = from..from + count;
    let (first, Some(last)) = (from, overlapping.clone().last()) else {
        return;
    };
    let (Some(first_s), Some(last_s)) = (sentences.get(first), sentences.get(last)) else {
        return;
    };
    let mut span = Span::new(
        first_s.start.min(q.outer.start),
        last_s.end.max(q.outer.end),
    );
    if span.len() > MAX_CLAIM_BYTES {
        // Not prose (no sentence ends for pages): keep to the quote and the
        // words next to it, so that cost and output stay bounded.
        span = window(text, q.outer, span, ATTRIBUTION_REACH);
    }
    let after = Span::new(q.outer.end, span.end);
    let before = Span::new(span.start, q.outer.start);
    let after_attribution = attribution_in(ctx, after, true);
    let before_attribution = attribution_in(ctx, before, false);
    // "X told Y that “…,” state broadcaster Z reported": Z relays X's words.
    let relayed = after_attribution
        .as_ref()
        .is_some_and(|a| a.cue.eq_ignore_ascii_case("reported"))
        && before_attribution
            .as_ref()
            .is_some_and(|b| b.speaker.as_ref().is_some_and(|s| s.entity.is_some()));
    // "“…” and said ...": a second verb of the subject before the quote.
    let coordinated = text.get(after.range()).is_some_and(|a| {
        a.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with("and ")
    });
    let attribution = if relayed || coordinated && before_attribution.is_some() {
        before_attribution
    } else {
        after_attribution.or(before_attribution)
    };
    let quote_text = q.words(text);
    let words = quote_text.split_whitespace().count();
    let whole_sentence = quote_text.trim_end().ends_with(['.', '!', '?', '\u{2026}']);
    if attribution.is_none() && words <= SCARE_QUOTE_WORDS && !whole_sentence {
        return;
    }
    // Only whether it passes 6 and 8 matters.
    let outside_words = text
        .get(before.range())
        .map_or(0, |b| b.split_whitespace().take(9).count());
    // A quote is partial when it sits inside the reporter's own sentence rather
    // than standing after an attribution ("X said:") or before one.
    let introduced = text
        .get(before.range())
        .is_some_and(|b| b.trim_end().ends_with(':'));
    let embedded = outside_words > 6 && attribution.as_ref().is_some_and(|a| a.that_clause)
        || outside_words > 8 && !introduced;
    let form = if words <= SCARE_QUOTE_WORDS || embedded {
        ClaimForm::PartialQuote
    } else {
        ClaimForm::DirectQuote
    };
    for c in covered.get_mut(overlapping).unwrap_or(&mut []) {
        *c = true;
    }
    let Some(attribution) = attribution else {
        // No verb of its own: it continues the quote before, or is credited to
        // the speaker of the claim right before it.
        if let Some(prev) = drafts.last_mut() {
            if adjacent(ctx, prev.end, span.start) {
                if prev.quote.is_some() && span.end - prev.start <= 4 * MAX_CLAIM_BYTES {
                    prev.end = span.end;
                    prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
                    if let Some(pq) = &mut prev.quote {
                        pq.push(' ');
                        pq.push_str(&quote_text);
                    }
                    return;
                }
                let speaker = prev.speaker.clone();
                let claim = draft(
                    ctx,
                    span,
                    ClaimKind::Statement,
                    form,
                    speaker,
                    None,
                    Some(quote_text),
                );
                drafts.push(claim);
                return;
            }
        }
        drafts.push(draft(
            ctx,
            span,
            ClaimKind::Statement,
            form,
            None,
            None,
            Some(quote_text),
        ));
        return;
    };
    let kind = refine_kind(attribution.kind, || marks::str_flags(&quote_text));
    let mut claim = draft(
        ctx,
        span,
        kind,
        form,
        attribution.speaker,
        Some(attribution.cue),
        Some(quote_text),
    );
    claim.target = attribution.target;
    drafts.push(claim);
}

/// Whether `next` starts right after `end`: in the same paragraph with only a
/// sentence between, or at the start of the next paragraph.
fn adjacent(ctx: &Context<'_>, end: usize, next: usize) -> bool {
    let gap = ctx.text.get(end..next).unwrap_or("");
    if gap.trim().is_empty() {
        return true;
    }
    let para_of = |at: usize| {
        let after = ctx.body.partition_point(|p| p.start <= at);
        after
            .checked_sub(1)
            .filter(|&k| ctx.body.get(k).is_some_and(|p| at <= p.end))
    };
    match (para_of(end), para_of(next)) {
        (Some(a), Some(b)) => b == a + 1 && gap.trim().is_empty(),
        _ => false,
    }
}

/// Who a verb credits, found in the text `span` next to a quotation or in a
/// sentence.
#[derive(Clone, Debug)]
struct Attribution {
    kind: ClaimKind,
    cue: String,
    speaker: Option<Actor>,
    target: Option<Actor>,
    /// Whether the cue introduces a "that" clause ("said that ...").
    that_clause: bool,
    /// Whether the attribution is "according to".
    according_to: bool,
}

/// Finds the first (after a quote) or last (before it) cue in `span`, and its
/// speaker.
fn attribution_in(ctx: &Context<'_>, span: Span, first: bool) -> Option<Attribution> {
    if span.is_empty() {
        return None;
    }
    // Without a speech verb or "according" there is nothing to find: skip the
    // tokenizing.
    let flags = ctx.marks.in_span(ctx.text, span);
    if flags & (marks::CUE | marks::ACCORDING) == 0 {
        return None;
    }
    if first {
        // The first cue and the words around it are often all that is read of
        // a long sentence: try the words up to a little past the first
        // candidate before all of them.
        if let Some(prefix) = first_cue_prefix(ctx, span) {
            let tokens = tokenize(ctx.text, prefix);
            let found = locate(ctx, span, &tokens, flags, true)
                .filter(|f| f.index() + WORDS_AFTER_CUE <= tokens.len());
            if let Some(found) = found {
                return attribution_at(ctx, &tokens, found);
            }
        }
    }
    let tokens = tokenize(ctx.text, span);
    let found = locate(ctx, span, &tokens, flags, first)?;
    attribution_at(ctx, &tokens, found)
}

/// How many words, from the cue on, the rules may read: the cue (or
/// "according" and "to"), six words to the speaker and three of its noun
/// phrase, and one spare.
const WORDS_AFTER_CUE: usize = 12;

/// How far past the first candidate cue, in bytes, [`first_cue_prefix`] cuts.
const CUE_REACH: usize = 120;

/// The start of `span` up to a little past its first candidate cue, ending
/// right after a space, if shorter than `span`.
///
/// No word runs across a space, so the words of this prefix are the first
/// words of `span`, unchanged.
fn first_cue_prefix(ctx: &Context<'_>, span: Span) -> Option<Span> {
    let candidate = ctx
        .marks
        .words_in(span, marks::CUE | marks::ACCORDING)?
        .next()
        .map_or(span.start, |m| m.start);
    let from = candidate.saturating_add(CUE_REACH);
    let rest = ctx.text.as_bytes().get(from..span.end)?;
    let cut = from + rest.iter().position(|&b| b == b' ')? + 1;
    (cut < span.end).then(|| Span::new(span.start, cut))
}

/// What governs an attribution: a cue, or "according" (at a token index).
#[derive(Clone, Copy, Debug)]
enum Found {
    Cue(usize),
    According(usize),
}

impl Found {
    /// The token index.
    fn index(self) -> usize {
        match self {
            Found::Cue(i) | Found::According(i) => i,
        }
    }
}

/// The first (after a quote) or last (before it) cue of `tokens`, the words of
/// `span`, or an "according to" before it.
fn locate(
    ctx: &Context<'_>,
    span: Span,
    tokens: &[crate::entity::Token],
    flags: u8,
    first: bool,
) -> Option<Found> {
    let word = |i: usize| tokens.get(i).map(|t| t.text(ctx.text));
    let according = (flags & marks::ACCORDING != 0)
        .then(|| {
            (0..tokens.len()).find(|&i| {
                word(i).is_some_and(|w| w.eq_ignore_ascii_case("according"))
                    && word(i + 1) == Some("to")
            })
        })
        .flatten();
    let cue_at = find_cue(ctx, span, tokens, first);
    match (according, cue_at) {
        // "According to X, ... said ...": the sourcing named first governs.
        (Some(a), Some(c)) if a < c => Some(Found::According(a)),
        (_, Some(c)) => Some(Found::Cue(c)),
        (a, None) => a.map(Found::According),
    }
}

/// The attribution governed by `found` in `tokens`.
fn attribution_at(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    found: Found,
) -> Option<Attribution> {
    let i = match found {
        Found::Cue(i) => i,
        Found::According(i) => {
            let speaker = object_after(ctx, tokens, i + 1);
            return Some(Attribution {
                kind: ClaimKind::Statement,
                cue: "according to".to_string(),
                speaker,
                target: None,
                that_clause: false,
                according_to: true,
            });
        }
    };
    let token = tokens.get(i)?;
    let kind = cue_kind(token.text(ctx.text))?;
    let speaker = subject_before(ctx, tokens, i).or_else(|| object_after(ctx, tokens, i));
    let target = if kind == ClaimKind::Accusation {
        object_after(ctx, tokens, i).filter(|t| speaker.as_ref() != Some(t))
    } else {
        None
    };
    let that_clause = tokens
        .get(i + 1)
        .is_some_and(|t| t.text(ctx.text) == "that");
    Some(Attribution {
        kind,
        cue: token.text(ctx.text).to_string(),
        speaker,
        target,
        that_clause,
        according_to: false,
    })
}

/// The first (or last) token of `tokens` (the words of `span`) that is a cue
/// used as a verb.
fn find_cue(
    ctx: &Context<'_>,
    span: Span,
    tokens: &[crate::entity::Token],
    first: bool,
) -> Option<usize> {
    // A cue token inside the span is a whole word of the text, so it is among
    // the marks; only the tokens at the span's ends may be cut from longer
    // words, and are looked up themselves. (Outside the marked part, every
    // token is.)
    let mut marked = ctx.marks.words_in(span, marks::CUE).map(Iterator::peekable);
    let mut found = None;
    for (i, t) in tokens.iter().enumerate() {
        let listed = marked.as_mut().is_none_or(|marked| {
            while marked.next_if(|m| m.start < t.span.start).is_some() {}
            marked.peek() == Some(&t.span)
        });
        let candidate = t.span.start == span.start || t.span.end == span.end || listed;
        if candidate && cue_kind(t.text(ctx.text)).is_some() && is_verb_use(ctx.text, t.span) {
            found = Some(i);
            if first {
                break;
            }
        }
    }
    found
}

/// Whether a cue word is used as a verb here, not as an adjective before a noun
/// ("the alleged plot", "the reported deal").
fn is_verb_use(text: &str, span: Span) -> bool {
    // Only the few bytes before the word matter; back off to a char boundary.
    let mut from = span.start.saturating_sub(8);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..span.start).unwrap_or("").trim_end();
    with_lower(before, |before| {
        !(before.ends_with(" the")
            || before.ends_with(" an")
            || before.ends_with(" a")
            || before.ends_with(" its")
            || before.ends_with(" their"))
    })
}

/// Whether `word`, lower-cased, is in `set` (a set of lower-case words).
fn lower_in(set: &WordSet, word: &str) -> bool {
    // The set folds ASCII case itself, which is all that lower-casing ASCII does.
    if word.is_ascii() {
        set.contains(word)
    } else {
        set.contains(&word.to_lowercase())
    }
}

/// Words between a subject and its verb that do not change the subject.
const SKIPPABLE: &[&str] = &[
    "also",
    "again",
    "already",
    "has",
    "have",
    "had",
    "later",
    "then",
    "vehemently",
    "repeatedly",
    "previously",
    "publicly",
    "firmly",
    "strongly",
    "flatly",
    "quickly",
    "recently",
    "once",
    "immediately",
    "both",
    "all",
    "have",
    "had",
    "has",
    "long",
    "separately",
    "earlier",
];

word_set!(
    /// [`SKIPPABLE`] as a set.
    SKIPPABLE_SET = folded(SKIPPABLE)
);

/// The speaker before the verb at token `cue`.
fn subject_before(ctx: &Context<'_>, tokens: &[crate::entity::Token], cue: usize) -> Option<Actor> {
    let mut k = cue;
    while k > 0 {
        if !lower_in(&SKIPPABLE_SET, tokens.get(k - 1)?.text(ctx.text)) {
            break;
        }
        k -= 1;
    }
    let prev = tokens.get(k.checked_sub(1)?)?;
    // The gap between subject and verb must not be a clause break.
    let gap_end = tokens.get(k).map_or(prev.span.end, |t| t.span.start);
    let gap = ctx.text.get(prev.span.end..gap_end).unwrap_or("");
    if gap.contains(['.', ';', ':', '\u{201C}', '\u{201D}', '"']) {
        return None;
    }
    if gap.contains(',') {
        // "A spokesman, NAME, said" names the speaker inside the commas;
        // "NAME, a researcher at X, said" names them before the first comma.
        let inside = tokens
            .get(k - 1)
            .and_then(|t| ctx.index.at(t.span))
            .and_then(|e| ctx.entities.get(e));
        if let Some(person) = inside.filter(|e| e.kind == EntityKind::Person) {
            return Some(actor_of(person));
        }
        // "The national federation, Athletics Kenya, said": a body named in
        // the commas after a description speaks, unless a name stands first.
        let named_body = inside.filter(|e| e.kind == EntityKind::Organization);
        // ", said Defense Minister NAME": inverted after a clause.
        // Only verbs without an object of their own ("told Reuters" names
        // the listener, not the speaker).
        let intransitive = tokens.get(cue).is_some_and(|t| {
            matches!(
                t.text(ctx.text),
                "said"
                    | "says"
                    | "added"
                    | "remarked"
                    | "noted"
                    | "explained"
                    | "wrote"
                    | "stated"
                    | "insisted"
                    | "argued"
                    | "recalled"
            )
        });
        let next_is_name = intransitive
            && tokens
                .get(cue + 1)
                .is_some_and(|t| t.text(ctx.text).starts_with(char::is_uppercase));
        if next_is_name {
            if let Some(actor) = object_after(ctx, tokens, cue) {
                return Some(actor);
            }
        }
        let before = before_apposition(ctx, tokens, k - 1);
        match (before, named_body) {
            (Some(actor), _) if actor.entity.is_some() => return Some(actor),
            (_, Some(body)) => return Some(actor_of(body)),
            (Some(actor), None) => return Some(actor),
            (None, None) => {}
        }
    }
    if let Some(actor) = head_before_preposition(ctx, tokens, k - 1) {
        return Some(actor);
    }
    if object_of_preposition(ctx, tokens, k - 1) {
        // "fishermen working near the Spratly Islands reported": the place is
        // not the speaker.
        return post_modified_phrase(ctx, tokens, k);
    }
    actor_at(ctx, tokens, k - 1, true).or_else(|| post_modified_phrase(ctx, tokens, k))
}

/// The entity mentioned at token `last`, and the index of the mention's first
/// token.
fn mention_at(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    last: usize,
) -> Option<(usize, usize)> {
    let entity = ctx.index.at(tokens.get(last)?.span)?;
    let mut first = last;
    while first > 0
        && tokens
            .get(first - 1)
            .is_some_and(|t| ctx.index.at(t.span) == Some(entity))
    {
        first -= 1;
    }
    Some((entity, first))
}

/// Whether the entity mention ending at token `last` follows a preposition.
fn object_of_preposition(ctx: &Context<'_>, tokens: &[crate::entity::Token], last: usize) -> bool {
    let Some((_, first)) = mention_at(ctx, tokens, last) else {
        return false;
    };
    let mut before = first;
    if before > 0
        && tokens
            .get(before - 1)
            .is_some_and(|t| t.text(ctx.text).eq_ignore_ascii_case("the"))
    {
        before -= 1;
    }
    before > 0
        && tokens.get(before - 1).is_some_and(|t| {
            matches!(
                t.text(ctx.text),
                "near"
                    | "in"
                    | "at"
                    | "from"
                    | "with"
                    | "by"
                    | "across"
                    | "around"
                    | "outside"
                    | "inside"
                    | "off"
            )
        })
}

/// Nouns for bodies and spokespeople that head a speaker phrase ("its embassy
/// in Hanoi", "a spokesman for the ministry").
const BODY_HEADS: &[&str] = &[
    "consulate",
    "embassy",
    "mission",
    "office",
    "official",
    "officials",
    "representative",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// "Its embassy in Hanoi said": the entity before the verb sits inside a
/// prepositional phrase; the speaker is the body before the preposition, which
/// "its"/"their" ties to the last organisation or place named.
fn head_before_preposition(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    last: usize,
) -> Option<Actor> {
    let token = tokens.get(last)?;
    let (entity, mut first) = mention_at(ctx, tokens, last)?;
    // Past a "the" before the entity.
    if tokens.get(first.checked_sub(1)?)?.text(ctx.text) == "the" {
        first -= 1;
    }
    let preposition = tokens.get(first.checked_sub(1)?)?.text(ctx.text);
    if !matches!(preposition, "in" | "at" | "for" | "of" | "from" | "to") {
        return None;
    }
    let head_at = first.checked_sub(2)?;
    let head = tokens.get(head_at)?.text(ctx.text);
    let listed = lower_in(&BODY_HEADS_SET, head) || lower_in(&SPEAKER_HEADS_SET, head);
    if !listed && !with_lower(head, crate::entity::is_org_head) {
        return None;
    }
    // "observers from the OSCE said": the body speaks through its people.
    let body = ctx
        .entities
        .get(entity)
        .filter(|e| e.kind == EntityKind::Organization);
    if let Some(body) = body {
        if listed {
            return Some(actor_of(body));
        }
    }
    let determiner = head_at
        .checked_sub(1)
        .and_then(|d| tokens.get(d))
        .map(|t| t.text(ctx.text));
    let owner = determiner.and_then(|d| {
        with_lower(d, |d| match d {
            "its" => Some("it"),
            "their" => Some("they"),
            _ => None,
        })
    });
    if let Some(pronoun_word) = owner {
        let at = tokens.get(head_at)?.span.start;
        if let Some(actor) = pronoun(ctx, pronoun_word, at) {
            return Some(actor);
        }
    }
    let from = if determiner.is_some() {
        head_at - 1
    } else {
        head_at
    };
    let phrase = ctx.text.get(tokens.get(from)?.span.start..token.span.end)?;
    Some(Actor {
        name: phrase.to_string(),
        entity: None,
    })
}

word_set!(
    /// [`BODY_HEADS`] as a set.
    BODY_HEADS_SET = folded(BODY_HEADS)
);

/// Heads of noun phrases that name unnamed speakers.
const SPEAKER_HEADS: &[&str] = &[
    "activists",
    "observers",
    "crews",
    "families",
    "farmers",
    "fishermen",
    "protesters",
    "villagers",
    "workers",
    "analyst",
    "analysts",
    "authorities",
    "copy",
    "diplomat",
    "expert",
    "official",
    "source",
    "critics",
    "diplomats",
    "documents",
    "experts",
    "investigators",
    "lawyers",
    "leaders",
    "manager",
    "officials",
    "panel",
    "people",
    "police",
    "prosecutors",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "witnesses",
];

word_set!(
    /// [`SPEAKER_HEADS`] as a set.
    SPEAKER_HEADS_SET = folded(SPEAKER_HEADS)
);

/// An unnamed speaker with words after its head: "people familiar with the
/// talks", "residents of the Kanyama compound", "a copy seen by this newspaper".
fn post_modified_phrase(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    cue: usize,
) -> Option<Actor> {
    let mut j = cue;
    let mut head = None;
    while j > 0 && cue - j < 9 {
        let (a, b) = (tokens.get(j - 1)?, tokens.get(j)?);
        let gap = ctx.text.get(a.span.end..b.span.start).unwrap_or("");
        if !gap.trim().is_empty() {
            break;
        }
        j -= 1;
        let word = a.text(ctx.text);
        let ends = with_lower(word, |w| {
            matches!(
                w,
                "that" | "which" | "who" | "said" | "says" | "and" | "but"
            )
        });
        if ends {
            break;
        }
        if lower_in(&SPEAKER_HEADS_SET, word) {
            head = Some(j);
        }
    }
    let head = head?;
    // Take up to two words of the phrase before its head ("several senior").
    let mut from = head;
    while from > 0 && head - from < 2 {
        let prev = tokens.get(from - 1)?;
        let gap = ctx
            .text
            .get(prev.span.end..tokens.get(from)?.span.start)
            .unwrap_or("");
        let w = prev.text(ctx.text);
        if !gap.trim().is_empty()
            || !w.chars().all(|c| c.is_lowercase() || c == '-')
            || matches!(w, "that" | "said" | "and" | "but" | "the" | "a" | "an")
        {
            break;
        }
        from -= 1;
    }
    let start = tokens.get(from)?.span.start;
    let end = tokens.get(cue - 1)?.span.end;
    let phrase = ctx.text.get(start..end)?;
    Some(Actor {
        name: phrase.to_string(),
        entity: None,
    })
}

/// The speaker before an apposition that ends at token `last`.
fn before_apposition(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    last: usize,
) -> Option<Actor> {
    let mut j = last;
    while j > 0 && last - j < 15 {
        j -= 1;
        let (a, b) = (tokens.get(j)?, tokens.get(j + 1)?);
        let gap = ctx.text.get(a.span.end..b.span.start).unwrap_or("");
        if gap.contains(['.', ';', ':', '\u{201C}', '\u{201D}', '"']) {
            return None;
        }
        if gap.contains(',') {
            return actor_at(ctx, tokens, j, true);
        }
    }
    None
}

/// The speaker (or target) right after token `at`: past titles, the first
/// entity within a few words.
fn object_after(ctx: &Context<'_>, tokens: &[crate::entity::Token], at: usize) -> Option<Actor> {
    for k in at + 1..(at + 7).min(tokens.len()) {
        let token = tokens.get(k)?;
        if let Some(e) = ctx.index.at(token.span) {
            let entity = ctx.entities.get(e)?;
            if matches!(entity.kind, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            return Some(actor_of(entity));
        }
        let word = token.text(ctx.text);
        if let Some(actor) = with_lower(word, |w| pronoun(ctx, w, token.span.start)) {
            return Some(actor);
        }
        let prev_end = tokens
            .get(k.wrapping_sub(1))
            .map_or(token.span.start, |t| t.span.end);
        if ctx
            .text
            .get(prev_end..token.span.start)
            .is_some_and(|g| g.contains([',', '.', ';']))
            && k > at + 1
        {
            break;
        }
        if k == at + 1
            || with_lower(word, |w| {
                matches!(
                    w,
                    "the" | "a" | "an" | "state" | "several" | "some" | "many" | "other"
                )
            })
        {
            // A non-entity speaker: "according to state media", "said officials".
            if let Some(phrase) = noun_phrase(ctx, tokens, k) {
                return Some(Actor {
                    name: phrase,
                    entity: None,
                });
            }
        }
    }
    None
}

/// Heads of noun phrases that speak for people or bodies ("several officials",
/// "state media").
const PEOPLE_LIKE: &[&str] = &[
    "officials",
    "observers",
    "analysts",
    "experts",
    "diplomats",
    "critics",
    "media",
    "sources",
    "groups",
    "countries",
    "residents",
    "witnesses",
    "authorities",
    "police",
    "ministry",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "activists",
    "researchers",
    "scientists",
    "lawyers",
    "prosecutors",
    "investigators",
    "officers",
    "leaders",
    "sides",
    "nations",
    "governments",
    "agency",
    "company",
    "military",
    "army",
    "report",
    "reports",
];

word_set!(
    /// [`PEOPLE_LIKE`] as a set.
    PEOPLE_LIKE_SET = folded(PEOPLE_LIKE)
);

/// The speaker ending at token `k`: an entity, a pronoun, or a short noun
/// phrase ("several officials", "state media").
fn actor_at(
    ctx: &Context<'_>,
    tokens: &[crate::entity::Token],
    k: usize,
    backwards: bool,
) -> Option<Actor> {
    let token = tokens.get(k)?;
    if let Some(e) = ctx.index.at(token.span) {
        let entity = ctx.entities.get(e)?;
        if !matches!(entity.kind, EntityKind::Date | EntityKind::Quantity) {
            return Some(actor_of(entity));
        }
        return None;
    }
    let word = token.text(ctx.text);
    if let Some(actor) = with_lower(word, |w| pronoun(ctx, w, token.span.start)) {
        return Some(actor);
    }
    if !backwards {
        return None;
    }
    // Walk back over a short lower-case noun phrase.
    let mut from = k;
    while from > 0 && k - from < 3 {
        let prev = tokens.get(from - 1)?;
        let w = prev.text(ctx.text);
        let gap = ctx
            .text
            .get(prev.span.end..tokens.get(from)?.span.start)
            .unwrap_or("");
        let determiner = with_lower(w, |w| {
            matches!(
                w,
                "several"
                    | "some"
                    | "many"
                    | "both"
                    | "most"
                    | "few"
                    | "other"
                    | "senior"
                    | "state"
                    | "western"
                    | "two"
                    | "three"
            )
        });
        if gap.trim().is_empty()
            && (determiner || w.chars().all(|c| c.is_lowercase() || c == '-'))
            && !matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "and"
                    | "but"
                    | "as"
                    | "of"
                    | "to"
                    | "in"
                    | "on"
                    | "it"
                    | "is"
                    | "was"
            )
        {
            from -= 1;
        } else {
            break;
        }
    }
    let phrase = ctx.text.get(tokens.get(from)?.span.start..token.span.end)?;
    let head = phrase.split_whitespace().last()?;
    // "A Japanese Defense Ministry spokesman denied": the body speaks.
    if matches!(
        head,
        "spokesman" | "spokeswoman" | "spokesperson" | "official" | "officials"
    ) && from == k
    {
        let body = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .and_then(|t| ctx.index.at(t.span))
            .and_then(|e| ctx.entities.get(e))
            .filter(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Place));
        if let Some(body) = body {
            return Some(actor_of(body));
        }
    }
    // "The group said": a definite body points back to the last one named.
    let definite = from == k
        && k > 0
        && tokens
            .get(k - 1)
            .is_some_and(|t| t.text(ctx.text).eq_ignore_ascii_case("the"));
    if definite
        && matches!(
            head,
            "group"
                | "company"
                | "firm"
                | "organization"
                | "organisation"
                | "campaign"
                | "coalition"
                | "agency"
        )
    {
        if let Some(e) =
            ctx.index
                .last_before(token.span.start, ctx.entities, &[EntityKind::Organization])
        {
            return ctx.entities.get(e).map(actor_of);
        }
    }
    let org_head =
        || head.chars().next().is_some_and(char::is_lowercase) && crate::entity::is_org_head(head);
    (lower_in(&PEOPLE_LIKE_SET, head) || org_head()).then(|| Actor {
        name: phrase.to_string(),
        entity: None,
    })
}

/// A noun phrase starting at token `k` and ending at the next punctuation.
fn noun_phrase(ctx: &Context<'_>, tokens: &[crate::entity::Token], k: usize) -> Option<String> {
    let start = tokens.get(k)?.span.start;
    let mut end = tokens.get(k)?.span.end;
    for t in tokens.iter().skip(k + 1).take(3) {
        let gap = ctx.text.get(end..t.span.start).unwrap_or("");
        if !gap.trim().is_empty()
            || t.text(ctx.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            break;
        }
        end = t.span.end;
    }
    let phrase = ctx.text.get(start..end)?;
    let head = phrase.split_whitespace().last()?;
    [
        "media",
        "officials",
        "observers",
        "analysts",
        "experts",
        "sources",
        "statement",
        "ministry",
        "government",
        "report",
        "reports",
        "photos",
        "images",
        "diplomats",
        "groups",
    ]
    .contains(&head)
    .then(|| phrase.to_string())
}

/// Resolves he/she/they to the last fitting entity before `at`.
fn pronoun(ctx: &Context<'_>, word: &str, at: usize) -> Option<Actor> {
    let kinds: &[EntityKind] = match word {
        "he" | "she" | "him" | "her" => &[EntityKind::Person],
        "they" => &[
            EntityKind::Organization,
            EntityKind::Group,
            EntityKind::Place,
        ],
        "it" => &[EntityKind::Organization, EntityKind::Place],
        _ => return None,
    };
    if let Some(e) = last_subject(ctx, at, kinds) {
        return ctx.entities.get(e).map(actor_of);
    }
    let e = ctx.index.last_before(at, ctx.entities, kinds)?;
    ctx.entities.get(e).map(actor_of)
}

/// The last entity of `kinds` before `at` (within a few sentences) that was the
/// subject of speech: named at a sentence's start or right before a speech
/// verb. "He", "she" and "its" in news copy mostly carry on the last subject,
/// not the last name.
fn last_subject(ctx: &Context<'_>, at: usize, kinds: &[EntityKind]) -> Option<usize> {
    let window = at.saturating_sub(600);
    ctx.index
        .before(at)
        .take_while(|(m, _)| m.start >= window)
        .filter(|(m, _)| m.end <= at)
        .filter(|(_, i)| {
            ctx.entities
                .get(*i)
                .is_some_and(|e| kinds.contains(&e.kind))
        })
        .find(|(m, _)| {
            let before = ctx
                .text
                .get(..m.start)
                .unwrap_or("")
                .trim_end_matches([' ', '\u{201C}', '"']);
            let sentence_start =
                before.is_empty() || before.ends_with(['.', '\n', '!', '?', '\u{201D}']);
            let after = ctx.text.get(m.end..).unwrap_or("");
            sentence_start
                || after
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .any(|w| with_lower(w, |w| cue_kind(w).is_some()))
        })
        .map(|(_, i)| *i)
}

fn actor_of(entity: &Entity) -> Actor {
    Actor {
        name: entity.name.clone(),
        entity: Some(entity.id.clone()),
    }
}

/// Reported speech or an unattributed check-worthy statement in one sentence.
fn sentence_claim(ctx: &Context<'_>, sentence: Span) -> Option<Claim> {
    let text = ctx.text;
    let body = text.get(sentence.range())?;
    if body.trim_end().ends_with('?') {
        return None;
    }
    if let Some(a) = attribution_in(ctx, sentence, true) {
        let form = if a.according_to {
            ClaimForm::AccordingTo
        } else {
            ClaimForm::Reported
        };
        let kind = refine_kind(a.kind, || ctx.marks.in_span(text, sentence));
        let mut claim = draft(ctx, sentence, kind, form, a.speaker, Some(a.cue), None);
        claim.target = a.target;
        return Some(claim);
    }
    // Unattributed: an entity with a number, a date or an event.
    let kinds = || {
        ctx.index
            .inside(sentence)
            .filter_map(|i| ctx.entities.get(i))
            .map(|e| e.kind)
    };
    let named = kinds().any(|k| {
        matches!(
            k,
            EntityKind::Person
                | EntityKind::Organization
                | EntityKind::Place
                | EntityKind::Group
                | EntityKind::Event
        )
    });
    let anchored = kinds().any(|k| {
        matches!(
            k,
            EntityKind::Date | EntityKind::Quantity | EntityKind::Event
        )
    });
    // Two named parties in one sentence ("firm Orbicor released images of
    // Lantern Reef") also make a checkable statement of fact.
    let parties = || {
        kinds()
            .filter(|k| {
                matches!(
                    k,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Place
                )
            })
            .count()
    };
    // A model designation ("Tam Dao-2", "F-35", "S-400") is a checkable specific.
    let designation = || {
        body.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.split_once('-').is_some_and(|(a, b)| {
                a.starts_with(char::is_uppercase) && b.starts_with(|c: char| c.is_ascii_digit())
            })
        })
    };
    if !(named && (anchored || parties() >= 2 || designation()))
        || body.split_whitespace().nth(5).is_none()
    {
        return None;
    }
    let kind = refine_kind(ClaimKind::Statement, || ctx.marks.in_span(text, sentence));
    Some(draft(
        ctx,
        sentence,
        kind,
        ClaimForm::Unattributed,
        None,
        None,
        None,
    ))
}

/// A statement whose content speaks of the future is a prediction;
/// `content_flags` gives the content's [`marks`] flags.
fn refine_kind(kind: ClaimKind, content_flags: impl FnOnce() -> u8) -> ClaimKind {
    if kind != ClaimKind::Statement {
        return kind;
    }
    if content_flags() & marks::FUTURE != 0 {
        ClaimKind::Prediction
    } else {
        kind
    }
}

fn draft(
    ctx: &Context<'_>,
    span: Span,
    kind: ClaimKind,
    form: ClaimForm,
    speaker: Option<Actor>,
    cue: Option<String>,
    quote: Option<String>,
) -> Claim {
    let text = ctx.text.get(span.range()).unwrap_or("").to_string();
    let flags = ctx.marks.in_span(ctx.text, span);
    let hedged = flags & marks::HEDGE != 0;
    let negated = flags & marks::NEGATION != 0;
    Claim {
        id: String::new(),
        kind,
        form,
        speaker,
        cue,
        quote,
        start: span.start,
        end: span.end,
        text,
        target: None,
        hedged,
        negated,
        entities: Vec::new(),
        responds_to: None,
    }
}

/// Nouns a bare rejection points back to ("rejected that charge").
const REJECTED: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "claim",
    "claims",
    "criticism",
    "report",
    "reports",
    "suggestion",
];

/// Folds a bare rejection ("Yusupova rejected that charge.") into the quote
/// that follows it, which carries the actual denial.
fn fold_rejections(ctx: &Context<'_>, claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i + 1 < claims.len() {
        let bare = claims.get(i).is_some_and(|c| {
            if c.kind != ClaimKind::Denial || c.quote.is_some() || c.text.len() > 120 {
                return false;
            }
            let words: Vec<String> = c
                .text
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            c.kind == ClaimKind::Denial
                && c.quote.is_none()
                && words.len() <= 12
                && words.last().is_some_and(|w| REJECTED.contains(&w.as_str()))
        });
        let next_is_quote = claims.get(i + 1).is_some_and(|n| n.quote.is_some())
            && claims
                .get(i)
                .zip(claims.get(i + 1))
                .is_some_and(|(c, n)| adjacent(ctx, c.end, n.start));
        if bare && next_is_quote {
            let bare = claims.remove(i);
            if let Some(next) = claims.get_mut(i) {
                next.kind = ClaimKind::Denial;
                if next.speaker.is_none() || next.speaker == bare.speaker {
                    next.speaker = bare.speaker;
                }
                next.start = bare.start;
                next.text = ctx.text.get(next.start..next.end).unwrap_or("").to_string();
            }
        }
        i += 1;
    }
}

/// The first named party in a claim other than its speaker and the speaker's
/// side: who an accusation without an explicit object accuses. The quoted
/// words are searched first, then the whole claim; a place named as where
/// something happened ("told reporters in Phnom Penh") is no party.
fn first_other_actor(ctx: &Context<'_>, claim: &Claim) -> Option<Actor> {
    let speaker = claim
        .speaker
        .as_ref()
        .and_then(|s| s.entity.as_deref())
        .and_then(|id| ctx.entities.iter().find(|e| e.id == id));
    let speaker_side = speaker.map(|e| side_of(ctx, e).id.as_str());
    let whole = Span::new(claim.start, claim.end);
    let party_in = |span: Span| {
        ctx.index
            .mentions_in(span)
            .filter_map(|(m, i)| Some((m, ctx.entities.get(i)?)))
            .filter(|(m, e)| {
                matches!(
                    e.kind,
                    EntityKind::Person
                        | EntityKind::Organization
                        | EntityKind::Place
                        | EntityKind::Group
                ) && !(e.kind == EntityKind::Place
                    && e.refers_to.is_none()
                    && after_location_word(ctx.text, m.start))
            })
            .map(|(_, e)| side_of(ctx, e))
            .find(|side| {
                Some(side.id.as_str()) != speaker_side && speaker.is_none_or(|s| s.id != side.id)
            })
            .map(actor_of)
    };
    quote_span(claim)
        .and_then(party_in)
        .or_else(|| party_in(whole))
}

/// Who made a claim, as an entity id or else a name, for telling speakers apart.
fn speaker_key(claim: &Claim) -> Option<&str> {
    claim
        .speaker
        .as_ref()
        .map(|s| s.entity.as_deref().unwrap_or(&s.name))
}

/// Who an entity stands for in a dispute: a demonym's or a capital's country
/// ("Thai forces", "Pyongyang denied"), else the entity itself.
fn side_of<'e>(ctx: &Context<'e>, e: &'e Entity) -> &'e Entity {
    match (&e.refers_to, e.kind) {
        (Some(country), EntityKind::Group | EntityKind::Place) => {
            ctx.entities.iter().find(|c| &c.id == country).unwrap_or(e)
        }
        _ => e,
    }
}

/// Whether the word before byte `at` says where something is ("in", "at").
fn after_location_word(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches(' ');
    let before = before
        .strip_suffix("the")
        .unwrap_or(before)
        .trim_end_matches(' ');
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |p| p + 1);
    matches!(
        before.get(word_start..),
        Some("in" | "at" | "near" | "outside" | "In" | "At" | "Near" | "Outside")
    )
}

/// Where a quote claim's (first) quoted words lie in the text.
fn quote_span(claim: &Claim) -> Option<Span> {
    let quote = claim.quote.as_deref()?;
    // A quote continued over several quotations holds more than the first:
    // its first words place it.
    let mut head = quote.len().min(40);
    while !quote.is_char_boundary(head) {
        head -= 1;
    }
    let at = claim.text.find(quote.get(..head)?)?;
    let start = claim.start + at;
    Some(Span::new(start, (start + quote.len()).min(claim.end)))
}

/// The id of the `n`th claim, "c1", "c2", ...: built by hand, as formatting
/// machinery costs more than the rest of the id.
fn claim_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            // A remainder below ten fits a byte.
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push('c');
    for &d in digits.get(at..).unwrap_or(&[]) {
        id.push(char::from(d));
    }
    id
}

/// Gives ids, lists entities, and links denials to the accusations they answer.
fn finish(ctx: &Context<'_>, mut claims: Vec<Claim>) -> Vec<Claim> {
    fold_rejections(ctx, &mut claims);
    for claim in &mut claims {
        if claim.kind != ClaimKind::Statement || claim.speaker.is_none() {
            continue;
        }
        // A claim's text is always the article's text over its span.
        let flags = match &claim.quote {
            Some(quote) => marks::str_flags(quote),
            None => ctx
                .marks
                .in_span(ctx.text, Span::new(claim.start, claim.end)),
        };
        if flags & marks::ACCUSING_WORD != 0 {
            claim.kind = ClaimKind::Accusation;
        }
    }
    for claim in &mut claims {
        if claim.kind == ClaimKind::Accusation && claim.target.is_none() {
            claim.target = first_other_actor(ctx, claim);
        }
    }
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = claim_id(n + 1);
        claim.entities = ctx
            .index
            .inside(Span::new(claim.start, claim.end))
            .filter_map(|i| ctx.entities.get(i).map(|e| e.id.clone()))
            .collect();
    }
    // One pass in text order: what has been alleged so far, and against whom.
    let mut accused: HashSet<String> = HashSet::new();
    // Each accusation so far: its id, who made it, whom it accuses.
    let mut accusations: Vec<(String, Option<String>, Option<Actor>)> = Vec::new();
    // Claims since the last accusation: a denial answers it right after.
    let mut since_accusation = usize::MAX;
    for claim in &mut claims {
        let speaker_entity = claim.speaker.as_ref().and_then(|s| s.entity.as_deref());
        let by = speaker_key(claim);
        let answers = claim.negated
            && matches!(claim.kind, ClaimKind::Statement | ClaimKind::Prediction)
            && (speaker_entity.is_some_and(|e| accused.contains(e))
                || by.is_some()
                    && since_accusation == 0
                    && accusations
                        .last()
                        .is_some_and(|(_, accuser, _)| accuser.as_deref() != by));
        since_accusation = since_accusation.saturating_add(1);
        if answers {
            claim.kind = ClaimKind::Denial;
        }
        match claim.kind {
            ClaimKind::Accusation => {
                if let Some(target) = claim.target.as_ref().and_then(|t| t.entity.clone()) {
                    accused.insert(target);
                }
                accusations.push((
                    claim.id.clone(),
                    speaker_key(claim).map(str::to_string),
                    claim.target.clone(),
                ));
                since_accusation = 0;
            }
            ClaimKind::Denial => {
                // A denial answers someone else's accusation: the last one not
                // made by the denier (both sides of a dispute accuse).
                let by = speaker_key(claim);
                let answered = accusations
                    .iter()
                    .rev()
                    .find(|(_, accuser, _)| accuser.as_deref() != by)
                    .or(accusations.last())
                    .map(|(id, _, target)| (id, target));
                if let Some((id, target)) = answered {
                    claim.responds_to = Some(id.clone());
                    if claim.target.is_none() {
                        claim.target = target.clone().or_else(|| claim.speaker.clone());
                    }
                } else if claim.target.is_none() {
                    claim.target = claim.speaker.clone();
                }
            }
            _ => {}
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract_entities, parse_article, ArticleMeta};

    fn claims(text: &str) -> Vec<Claim> {
        let article = parse_article(text, &ArticleMeta::default()).unwrap();
        let entities = extract_entities(&article);
        extract_claims(&article, &entities)
    }

    fn speaker(c: &Claim) -> Option<&str> {
        c.speaker.as_ref().map(|s| s.name.as_str())
    }

    #[test]
    fn quoted_accusation_targets_the_side_named_in_the_quote() {
        let cs = claims("Spokeswoman Ana Ruiz told reporters in Lima: \u{201C}Chilean officers took bribes at the border crossing.\u{201D}");
        assert_eq!(cs.len(), 1, "{cs:#?}");
        assert_eq!(cs[0].kind, ClaimKind::Accusation);
        // Not Lima, where it was said; the demonym's country.
        assert_eq!(
            cs[0].target.as_ref().map(|t| t.name.as_str()),
            Some("Chile")
        );
    }

    #[test]
    fn negated_answer_right_after_an_accusation_is_a_denial() {
        let cs = claims("Lima has accused Santiago of arming the rebels. \u{201C}We have never armed anyone,\u{201D} said spokesman Pedro Soto.");
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[1].kind, ClaimKind::Denial);
        assert_eq!(cs[1].responds_to.as_deref(), Some("c1"));
    }

    #[test]
    fn may_the_month_and_clause_final_modals_are_no_future() {
        assert_eq!(
            marks::str_flags("The talks resumed in May.") & marks::FUTURE,
            0
        );
        assert_eq!(marks::str_flags("Talks began on May 4.") & marks::FUTURE, 0);
        assert_eq!(
            marks::str_flags("They responded as any army would.") & marks::FUTURE,
            0
        );
        assert_eq!(
            marks::str_flags("They could not confirm it.") & marks::FUTURE,
            0
        );
        assert_ne!(
            marks::str_flags("May brings rain? It may.") & marks::FUTURE,
            0
        );
        assert_ne!(
            marks::str_flags("The talks would resume.") & marks::FUTURE,
            0
        );
    }

    #[test]
    fn speaker_after_quote_inverted_and_plain() {
        let cs = claims("\u{201C}We are partners. We stay so,\u{201D} says Wi Sun-lac, the former ambassador to Russia.\n\u{201C}It is worrying,\u{201D} Sun-lac said.");
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(speaker(&cs[0]), Some("Wi Sun-lac"));
        assert_eq!(cs[0].quote.as_deref(), Some("We are partners. We stay so"));
        assert_eq!(speaker(&cs[1]), Some("Wi Sun-lac"));
    }

    #[test]
    fn body_named_in_an_apposition_speaks() {
        let cs = claims("The national federation, Rift Valley Athletics Union, said the tests were clean.\nOmar Haddad, a coach at Nairobi Harriers Club, said the team would appeal.");
        assert_eq!(
            speaker(&cs[0]),
            Some("Rift Valley Athletics Union"),
            "{cs:#?}"
        );
        assert_eq!(speaker(&cs[1]), Some("Omar Haddad"), "{cs:#?}");
    }

    #[test]
    fn speaker_before_quote_and_continuation() {
        let cs = claims("Defense Minister Omar Haddad said: \u{201C}The talks went well.\u{201D} \u{201C}We will meet again.\u{201D}\nHe added that ties were strong.");
        assert_eq!(speaker(&cs[0]), Some("Omar Haddad"));
        assert!(
            cs[0].quote.as_deref().unwrap().contains("meet again"),
            "{cs:#?}"
        );
        assert_eq!(cs[1].form, ClaimForm::Reported);
        assert_eq!(speaker(&cs[1]), Some("Omar Haddad"));
    }

    #[test]
    fn scare_quotes_are_not_claims() {
        let cs = claims("The patrols crossed a \u{201C}red line\u{201D} near the reef.");
        assert!(
            cs.iter()
                .all(|c| c.form != ClaimForm::DirectQuote && c.form != ClaimForm::PartialQuote),
            "{cs:#?}"
        );
    }

    #[test]
    fn accusation_and_denial() {
        let cs = claims("Washington has accused North Korea of providing arms to Russia. However, Pyongyang and Moscow have vehemently denied those accusations.");
        assert_eq!(cs[0].kind, ClaimKind::Accusation);
        assert_eq!(speaker(&cs[0]), Some("Washington"));
        assert_eq!(
            cs[0].target.as_ref().map(|t| t.name.as_str()),
            Some("North Korea")
        );
        assert_eq!(cs[1].kind, ClaimKind::Denial);
        assert_eq!(cs[1].responds_to.as_deref(), Some("c1"));
    }

    #[test]
    fn according_to_and_non_entity_speakers() {
        let cs = claims("According to state media, the parade took place on Thursday. Several officials confirmed the visit.");
        assert_eq!(cs[0].form, ClaimForm::AccordingTo);
        assert_eq!(speaker(&cs[0]), Some("state media"));
        assert_eq!(speaker(&cs[1]), Some("Several officials"));
        assert_eq!(cs[1].speaker.as_ref().unwrap().entity, None);
    }

    #[test]
    fn unattributed_check_worthy_statements() {
        let cs = claims("The 1950-53 war in Korea killed millions of civilians. It was sad.");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].form, ClaimForm::Unattributed);
        assert_eq!(cs[0].speaker, None);
    }

    #[test]
    fn words_before_a_space_do_not_depend_on_what_follows() {
        // `first_cue_prefix` relies on it.
        let text = "U.S.-based Umbra's chief J. Bos, the workers\u{2019} union and \
                    Thomas-Greenfield\u{2019}s team said: \u{201C}We don't.\u{201D} \
                    O'Brien's 1950-53 U.N. role, he said, 'was' fine.";
        let all = tokenize(text, Span::new(0, text.len()));
        for (i, _) in text.match_indices(' ') {
            let prefix = tokenize(text, Span::new(0, i + 1));
            let spans: Vec<Span> = prefix.iter().map(|t| t.span).collect();
            let expected: Vec<Span> = all
                .iter()
                .map(|t| t.span)
                .take_while(|s| s.end <= i)
                .collect();
            assert_eq!(spans, expected, "cut at {i}");
        }
    }

    #[test]
    fn predictions_and_hedges() {
        let cs = claims("The three leaders will likely meet next month, officials said.");
        assert_eq!(cs[0].kind, ClaimKind::Prediction);
        assert!(cs[0].hedged);
    }
}
