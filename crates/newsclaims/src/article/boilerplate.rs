//! Lines that belong to the web page around an article, not to the article.
//!
//! Two tests: short lines that are, once lower-cased and stripped of punctuation,
//! exactly one of the page's stock phrases ("Show More", "Leave a Comment"), and
//! lines of any length that carry a phrase only a promotion uses ("syndication
//! service", "sign up for our newsletter"). Exact phrases keep a sentence that
//! merely mentions sharing or comments in the article.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::RemovalReason;

/// Whole-line stock phrases, lower case, punctuation removed, spaces collapsed.
const EXACT: &[(&str, RemovalReason)] = &[
    ("share", RemovalReason::Share),
    ("share this", RemovalReason::Share),
    ("share this article", RemovalReason::Share),
    ("share this story", RemovalReason::Share),
    ("share on facebook", RemovalReason::Share),
    ("share on twitter", RemovalReason::Share),
    ("share on x", RemovalReason::Share),
    ("share via email", RemovalReason::Share),
    ("facebook", RemovalReason::Share),
    ("twitter", RemovalReason::Share),
    ("whatsapp", RemovalReason::Share),
    ("linkedin", RemovalReason::Share),
    ("telegram", RemovalReason::Share),
    ("email", RemovalReason::Share),
    ("print", RemovalReason::Share),
    ("tweet", RemovalReason::Share),
    ("pin it", RemovalReason::Share),
    ("copy link", RemovalReason::Share),
    ("like this", RemovalReason::Share),
    ("like loading", RemovalReason::Share),
    ("d bloggers like this", RemovalReason::Share),
    ("related", RemovalReason::Related),
    ("related articles", RemovalReason::Related),
    ("related posts", RemovalReason::Related),
    ("related stories", RemovalReason::Related),
    ("related news", RemovalReason::Related),
    ("related topics", RemovalReason::Related),
    ("related content", RemovalReason::Related),
    ("you may also like", RemovalReason::Related),
    ("you might also like", RemovalReason::Related),
    ("you may be interested in", RemovalReason::Related),
    ("read more", RemovalReason::Related),
    ("read also", RemovalReason::Related),
    ("also read", RemovalReason::Related),
    ("see also", RemovalReason::Related),
    ("more stories", RemovalReason::Related),
    ("more from this section", RemovalReason::Related),
    ("recommended", RemovalReason::Related),
    ("recommended for you", RemovalReason::Related),
    ("most read", RemovalReason::Related),
    ("most popular", RemovalReason::Related),
    ("trending", RemovalReason::Related),
    ("trending now", RemovalReason::Related),
    ("latest news", RemovalReason::Related),
    ("top stories", RemovalReason::Related),
    ("leave a comment", RemovalReason::Comments),
    ("leave a reply", RemovalReason::Comments),
    ("post a comment", RemovalReason::Comments),
    ("add a comment", RemovalReason::Comments),
    ("comments", RemovalReason::Comments),
    ("no comments", RemovalReason::Comments),
    ("view comments", RemovalReason::Comments),
    ("show comments", RemovalReason::Comments),
    ("join the conversation", RemovalReason::Comments),
    ("cancel reply", RemovalReason::Comments),
    ("subscribe", RemovalReason::Newsletter),
    ("subscribe now", RemovalReason::Newsletter),
    ("newsletter", RemovalReason::Newsletter),
    ("sign up", RemovalReason::Newsletter),
    ("back to top", RemovalReason::Navigation),
    ("back to top button", RemovalReason::Navigation),
    ("show more", RemovalReason::Navigation),
    ("show less", RemovalReason::Navigation),
    ("load more", RemovalReason::Navigation),
    ("read next", RemovalReason::Navigation),
    ("next article", RemovalReason::Navigation),
    ("previous article", RemovalReason::Navigation),
    ("next post", RemovalReason::Navigation),
    ("previous post", RemovalReason::Navigation),
    ("skip to content", RemovalReason::Navigation),
    ("skip to main content", RemovalReason::Navigation),
    ("continue reading", RemovalReason::Navigation),
    ("scroll to continue", RemovalReason::Navigation),
    ("close", RemovalReason::Navigation),
    ("menu", RemovalReason::Navigation),
    ("home", RemovalReason::Navigation),
    ("search", RemovalReason::Navigation),
    ("go to top", RemovalReason::Navigation),
    ("image", RemovalReason::Navigation),
    ("photo", RemovalReason::Navigation),
    ("video", RemovalReason::Navigation),
    ("listen", RemovalReason::Navigation),
    ("listen to this article", RemovalReason::Navigation),
    ("breaking news", RemovalReason::Promotion),
    ("advertisement", RemovalReason::Promotion),
    ("sponsored", RemovalReason::Promotion),
    ("sponsored content", RemovalReason::Promotion),
    ("ad", RemovalReason::Promotion),
    ("support our journalism", RemovalReason::Promotion),
    ("donate", RemovalReason::Promotion),
    ("download our app", RemovalReason::Promotion),
];

/// Phrases that mark a line of any length as page furniture.
const CONTAINS: &[(&str, RemovalReason)] = &[
    ("bloggers like this", RemovalReason::Share),
    ("click to share", RemovalReason::Share),
    ("share this article", RemovalReason::Share),
    ("share on facebook", RemovalReason::Share),
    (
        "your email address will not be published",
        RemovalReason::Comments,
    ),
    ("comments are closed", RemovalReason::Comments),
    ("sign up for our newsletter", RemovalReason::Newsletter),
    ("subscribe to our newsletter", RemovalReason::Newsletter),
    ("sign up for our", RemovalReason::Newsletter),
    ("delivered to your inbox", RemovalReason::Newsletter),
    ("in your inbox", RemovalReason::Newsletter),
    ("syndication service", RemovalReason::Promotion),
    ("sydication service", RemovalReason::Promotion),
    ("republish our", RemovalReason::Promotion),
    ("follow us on", RemovalReason::Promotion),
    ("all rights reserved", RemovalReason::Promotion),
    ("click here to", RemovalReason::Promotion),
    ("download our app", RemovalReason::Promotion),
    ("support independent journalism", RemovalReason::Promotion),
    ("become a member", RemovalReason::Promotion),
];

/// Lines longer than this are article text unless they carry a promotion phrase.
const MAX_EXACT_LEN: usize = 60;

/// Why `line` is page furniture, if it is.
///
/// ```text
/// "Show More" -> Navigation, "Leave a Comment" -> Comments
/// ```
pub(crate) fn classify(line: &str) -> Option<RemovalReason> {
    if line.len() <= MAX_EXACT_LEN {
        let key = normalise(line);
        if let Some(&(_, reason)) = EXACT.iter().find(|(phrase, _)| *phrase == key) {
            return Some(reason);
        }
    }
    contains_matcher()?
        .find(line)
        .and_then(|m| CONTAINS.get(m.pattern().as_usize()))
        .map(|&(_, reason)| reason)
}

/// Lower-cases, drops punctuation and symbols, collapses white space.
fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The automaton over [`CONTAINS`], built once; `None` only if building failed,
/// which loses the promotion check, never the article.
fn contains_matcher() -> Option<&'static AhoCorasick> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .ascii_case_insensitive(true)
                // Every line is scanned: a small DFA without a prefilter (whose
                // first bytes, in both cases, are common letters) is fastest.
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .build(CONTAINS.iter().map(|(p, _)| p))
                .ok()
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_phrases() {
        assert_eq!(classify("Show More"), Some(RemovalReason::Navigation));
        assert_eq!(
            classify("Back to top button"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(classify("Related Articles"), Some(RemovalReason::Related));
        assert_eq!(classify("You may also like"), Some(RemovalReason::Related));
        assert_eq!(classify("Leave a Comment"), Some(RemovalReason::Comments));
        assert_eq!(
            classify("%d bloggers like this:"),
            Some(RemovalReason::Share)
        );
        assert_eq!(classify("Breaking News"), Some(RemovalReason::Promotion));
        assert_eq!(classify("Share this:"), Some(RemovalReason::Share));
    }

    #[test]
    fn promotions_of_any_length() {
        let line =
            "Readers who like our reporting can use our free syndication service to republish it.";
        assert_eq!(classify(line), Some(RemovalReason::Promotion));
    }

    #[test]
    fn article_sentences_stay() {
        assert_eq!(
            classify("Officials declined to comment on the share price."),
            None
        );
        assert_eq!(
            classify("The minister will share more details on Monday."),
            None
        );
        assert_eq!(classify("Home"), Some(RemovalReason::Navigation));
        assert_eq!(
            classify("Home Office officials said the plan was dropped."),
            None
        );
    }
}
