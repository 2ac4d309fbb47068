//! Text keys for comparing articles: words, normalised names, light stems,
//! synonym classes, shingles and edit distance.
//!
//! Everything here is deterministic and table-driven so that a match between two
//! articles can always be explained by the keys they share.

/// A word of a text with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset in the text given to [`words`].
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\'' | '\u{2019}' | '.' | ',' | '\u{2010}' | '\u{2011}'
    )
}

/// Splits a text into words: runs of letters and digits, kept whole across an
/// inner hyphen ("Min-jun", "Dao-2"), apostrophe ("Vietnam's"), dot ("U.S", "1.2")
/// or a comma between digits ("1,200").
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let next = chars.peek().map(|&(_, n)| n);
            let prev_digit = text
                .get(..i)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|p| p.is_ascii_digit());
            let joins = is_joiner(c)
                && next.is_some_and(char::is_alphanumeric)
                && (c != ',' || (prev_digit && next.is_some_and(|n| n.is_ascii_digit())));
            if joins {
                continue;
            }
            out.push(Word {
                text: text.get(s..i).unwrap_or(""),
                start: s,
                end: i,
            });
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: text.get(s..).unwrap_or(""),
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Removes accents from common Latin letters ("Nguyễn" → "Nguyen").
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    const GROUPS: &[(char, &str)] = &[
        ('a', "àáâãäåāăąạảấầẩẫậắằẳẵặǎ"),
        ('c', "çćĉċč"),
        ('d', "ďđð"),
        ('e', "èéêëēĕėęěẹẻẽếềểễệ"),
        ('g', "ĝğġģ"),
        ('h', "ĥħ"),
        ('i', "ìíîïĩīĭįıỉịǐ"),
        ('j', "ĵ"),
        ('k', "ķ"),
        ('l', "ĺļľŀł"),
        ('n', "ñńņňŉ"),
        ('o', "òóôõöøōŏőọỏốồổỗộớờởỡợơǒ"),
        ('r', "ŕŗř"),
        ('s', "śŝşšș"),
        ('t', "ţťŧț"),
        ('u', "ùúûüũūŭůűųụủứừửữựưǔ"),
        ('w', "ŵ"),
        ('y', "ýÿŷỳỵỷỹ"),
        ('z', "źżž"),
        ('A', "ÀÁÂÃÄÅĀĂĄẠẢẤẦẨẪẬẮẰẲẴẶ"),
        ('C', "ÇĆĈĊČ"),
        ('D', "ĎĐ"),
        ('E', "ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ"),
        ('I', "ÌÍÎÏĨĪĬĮİỈỊ"),
        ('N', "ÑŃŅŇ"),
        ('O', "ÒÓÔÕÖØŌŎŐỌỎỐỒỔỖỘỚỜỞỠỢƠ"),
        ('S', "ŚŜŞŠȘ"),
        ('T', "ŢŤŦȚ"),
        ('U', "ÙÚÛÜŨŪŬŮŰŲỤỦỨỪỬỮỰƯ"),
        ('Y', "ÝŸŶỲỴỶỸ"),
        ('Z', "ŹŻŽ"),
    ];
    for (base, group) in GROUPS {
        if group.contains(c) {
            return *base;
        }
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => '-',
        _ => c,
    }
}

/// Lower-cases and folds accents and typographic apostrophes.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// British spellings and their American forms, for whole (folded) words.
const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("kilometre", "kilometer"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("labelled", "labeled"),
    ("modelling", "modeling"),
    ("counselling", "counseling"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("grey", "gray"),
    ("judgement", "judgment"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("storey", "story"),
    ("tyre", "tire"),
    ("whilst", "while"),
    ("amongst", "among"),
];

/// Folds a British spelling of a word to the American one ("defence" →
/// "defense", "organisation" → "organization", "honour" → "honor"); other
/// words come back unchanged. Applied to both sides of every comparison, so an
/// over-eager rule ("promise" → "promize") is harmless.
pub(crate) fn americanize(word: &str) -> String {
    if let Some((_, us)) = SPELLINGS.iter().find(|(uk, _)| *uk == word) {
        return (*us).to_string();
    }
    for (uk, us) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("ises", "izes"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ] {
        if word.len() > uk.len() + 3 {
            if let Some(stem) = word.strip_suffix(uk) {
                return format!("{stem}{us}");
            }
        }
    }
    const OUR: &[&str] = &[
        "honour",
        "colour",
        "labour",
        "neighbour",
        "favour",
        "behaviour",
        "harbour",
        "rumour",
        "vigour",
        "armour",
        "humour",
        "flavour",
        "endeavour",
        "saviour",
        "valour",
        "odour",
        "splendour",
    ];
    if let Some(uk) = OUR.iter().find(|uk| word.starts_with(**uk)) {
        let us = uk.replacen("our", "or", 1);
        return format!("{us}{}", word.get(uk.len()..).unwrap_or(""));
    }
    word.to_string()
}

/// Country adjectives and the country they stand for, folded.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("american", "united states"),
    ("argentine", "argentina"),
    ("australian", "australia"),
    ("austrian", "austria"),
    ("belgian", "belgium"),
    ("brazilian", "brazil"),
    ("british", "united kingdom"),
    ("burmese", "myanmar"),
    ("cambodian", "cambodia"),
    ("canadian", "canada"),
    ("chilean", "chile"),
    ("chinese", "china"),
    ("colombian", "colombia"),
    ("cuban", "cuba"),
    ("czech", "czech republic"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("egyptian", "egypt"),
    ("ethiopian", "ethiopia"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("german", "germany"),
    ("greek", "greece"),
    ("hungarian", "hungary"),
    ("indian", "india"),
    ("indonesian", "indonesia"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("irish", "ireland"),
    ("israeli", "israel"),
    ("italian", "italy"),
    ("japanese", "japan"),
    ("jordanian", "jordan"),
    ("kenyan", "kenya"),
    ("korean", "korea"),
    ("laotian", "laos"),
    ("lebanese", "lebanon"),
    ("malaysian", "malaysia"),
    ("mexican", "mexico"),
    ("nigerian", "nigeria"),
    ("norwegian", "norway"),
    ("pakistani", "pakistan"),
    ("philippine", "philippines"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("russian", "russia"),
    ("saudi", "saudi arabia"),
    ("singaporean", "singapore"),
    ("spanish", "spain"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("syrian", "syria"),
    ("taiwanese", "taiwan"),
    ("thai", "thailand"),
    ("turkish", "turkey"),
    ("ukrainian", "ukraine"),
    ("vietnamese", "vietnam"),
];

/// The country a folded adjective stands for ("japanese" → "japan").
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    DEMONYMS
        .iter()
        .find(|(adj, _)| *adj == word)
        .map(|(_, c)| *c)
}

/// Strips a possessive ending ("vietnam's" → "vietnam", "states'" → "states").
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// How a name is normalised before comparing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameStyle {
    /// People: accents, case, punctuation, possessives; no other folding.
    Person,
    /// Organisations and the rest: also British spellings, country adjectives,
    /// a leading "the" and plurals of the last word.
    Other,
}

/// Normalises a name for merging across articles: case, accents, punctuation,
/// dotted acronyms ("U.N." = "UN"), possessives, hyphens as spaces; for
/// [`NameStyle::Other`] also British spellings, country adjectives
/// ("Japanese" = "Japan's") and a leading "the".
pub(crate) fn norm_name(name: &str, style: NameStyle) -> String {
    let folded = fold(name);
    let mut out: Vec<String> = Vec::new();
    for w in words(&folded) {
        let raw = strip_possessive(w.text);
        let is_acronym = raw.contains('.') && raw.split('.').all(|p| p.chars().count() <= 2);
        let cleaned: String = if is_acronym {
            raw.chars().filter(|c| *c != '.').collect()
        } else {
            raw.replace('\'', "")
        };
        for part in cleaned.split(['-', '.']).filter(|p| !p.is_empty()) {
            match style {
                NameStyle::Person => out.push(part.to_string()),
                NameStyle::Other => {
                    let us = americanize(part);
                    // "Filipinos" is the plural of an adjective standing for a country.
                    let country = demonym_country(&us)
                        .or_else(|| us.strip_suffix('s').and_then(demonym_country));
                    match country {
                        Some(country) => out.extend(country.split(' ').map(str::to_string)),
                        None => out.push(us),
                    }
                }
            }
        }
    }
    if style == NameStyle::Other {
        if out.first().is_some_and(|w| w == "the") && out.len() > 1 {
            out.remove(0);
        }
        if let Some(last) = out.last_mut() {
            if last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && !last.ends_with("us")
            {
                last.pop();
            }
        }
    }
    out.join(" ")
}

/// Function words and reporting verbs: never keys.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "added",
    "adding",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "alike",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "same",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "till",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "according",
    "reported",
    "reports",
    "reportedly",
    "confirmed",
    "stated",
    "noted",
    "remarked",
    "explained",
    "insisted",
    "claimed",
    "later",
    "earlier",
    "still",
    "instead",
    "likely",
    "allegedly",
    "possibly",
    "perhaps",
    "mr",
    "mrs",
    "ms",
    "dr",
    "de",
    "van",
    "der",
    "von",
    "da",
    "del",
    "la",
    "le",
    "bin",
    "al",
    "el",
    "any",
    "due",
    "expected",
    "set",
    "make",
    "makes",
    "making",
    "made",
    "take",
    "takes",
    "taking",
    "took",
    "taken",
    "get",
    "gets",
    "got",
    "come",
    "comes",
    "coming",
    "came",
    "go",
    "goes",
    "going",
    "went",
    "gone",
    "put",
    "keep",
    "kept",
    "become",
    "became",
    "announced",
    "added",
    "describing",
    "described",
];

/// Whether a folded word is a stopword (function word or reporting verb).
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Irregular forms and synonyms folded to one key, so that "met" = "meet",
/// "encircled" = "surrounded", "landing" = "arrived". The keys are stems as
/// [`stem`] makes them.
const SYNONYMS: &[(&str, &str)] = &[
    ("arriv", "arrive"),
    ("land", "arrive"),
    ("reach", "arrive"),
    ("met", "meet"),
    ("meet", "meet"),
    ("receiv", "meet"),
    ("host", "meet"),
    ("surround", "surround"),
    ("encircl", "surround"),
    ("circl", "surround"),
    ("unveil", "show"),
    ("showcas", "show"),
    ("show", "show"),
    ("shown", "show"),
    ("display", "show"),
    ("present", "show"),
    ("parad", "show"),
    ("visit", "travel"),
    ("fly", "travel"),
    ("flew", "travel"),
    ("flown", "travel"),
    ("travel", "travel"),
    ("trip", "travel"),
    ("journey", "travel"),
    ("pledg", "pledge"),
    ("promis", "pledge"),
    ("promiz", "pledge"),
    ("offer", "pledge"),
    ("accus", "accuse"),
    ("blam", "accuse"),
    ("deni", "deny"),
    ("deny", "deny"),
    ("reject", "deny"),
    ("refut", "deny"),
    ("dismiss", "deny"),
    ("kill", "kill"),
    ("dead", "kill"),
    ("die", "kill"),
    ("di", "kill"),
    ("attack", "attack"),
    ("strike", "attack"),
    ("struck", "attack"),
    ("shell", "attack"),
    ("bomb", "attack"),
    ("sign", "sign"),
    ("signed", "sign"),
    ("warn", "warn"),
    ("urg", "urge"),
    ("call", "urge"),
    // "to be joined by X later in the day": X arrives.
    ("join", "arrive"),
    ("protest", "protest"),
    ("thank", "thank"),
    ("welcom", "welcome"),
    ("held", "hold"),
    ("hold", "hold"),
    ("talk", "talk"),
    ("discuss", "talk"),
    ("negotiat", "talk"),
    ("weapon", "weapon"),
    ("missil", "missile"),
    ("boat", "boat"),
    ("vessel", "vessel"),
    ("ship", "ship"),
    ("loan", "loan"),
    ("deliver", "deliver"),
    ("hand", "deliver"),
    ("handed", "deliver"),
    ("supply", "deliver"),
    ("supplied", "deliver"),
    ("provid", "deliver"),
    ("attend", "attend"),
    ("credit", "loan"),
];

/// The predicate classes: synonym keys that name an action. Two clauses whose
/// actions are both known and different ("arrive" / "meet") are not the same claim.
const PREDICATES: &[&str] = &[
    "arrive", "meet", "surround", "show", "travel", "pledge", "accuse", "kill", "attack", "sign",
    "warn", "urge", "protest", "thank", "welcome", "deliver", "attend", "talk",
];

/// Whether a key (after [`content_key`]) names an action class.
pub(crate) fn is_predicate(key: &str) -> bool {
    PREDICATES.contains(&key)
}

/// Keys that carry the polarity of a claim rather than its content.
pub(crate) fn is_polarity_key(key: &str) -> bool {
    matches!(key, "deny" | "never" | "none" | "neither")
}

/// A light English stemmer: plural and verb endings, enough to make "boats" =
/// "boat", "surrounded" = "surround", "arriving" = "arrive" meet.
pub(crate) fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
    let n = w.chars().count();
    if n > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
        undouble(&mut w);
    } else if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(w.len() - 2);
        undouble(&mut w);
    }
    if w.chars().count() > 3 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

fn undouble(w: &mut String) {
    let b = w.as_bytes();
    if let [.., x, y] = b {
        if x == y && !matches!(x, b'l' | b's' | b'z' | b'e' | b'o') && x.is_ascii_alphabetic() {
            w.pop();
        }
    }
}

/// Spelled-out numbers read as digits.
pub(crate) fn number_word(word: &str) -> Option<f64> {
    const NUMBERS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let i = NUMBERS.iter().position(|n| *n == word)?;
    u32::try_from(i).ok().map(f64::from)
}

/// Reads a number written with digits ("12", "1,200", "1.2").
pub(crate) fn parse_number(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit())
        || !word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    word.replace(',', "").parse().ok()
}

/// The comparison key of one word, or `None` for stopwords: folded, British
/// spelling and country adjectives folded, stemmed, synonyms merged; numbers
/// become `#12`.
pub(crate) fn content_key(word: &str) -> Option<String> {
    let folded = fold(word);
    let base = strip_possessive(&folded);
    if let Some(n) = parse_number(base).or_else(|| number_word(base)) {
        return Some(format!("#{n}"));
    }
    let is_acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let base: String = base.chars().filter(|c| *c != '.' && *c != '\'').collect();
    if is_acronym {
        // "US" the country is not "us" the pronoun.
        return Some(format!("@{base}"));
    }
    if base.chars().count() < 2 || is_stopword(&base) {
        return None;
    }
    let us = americanize(&base);
    if let Some(country) = demonym_country(&us) {
        return Some(country.to_string());
    }
    let s = stem(&us);
    if let Some((_, syn)) = SYNONYMS.iter().find(|(k, _)| *k == s || *k == us) {
        return Some((*syn).to_string());
    }
    Some(s)
}

/// A word's comparison key, hashed, with what the comparison needs to know
/// about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    /// Hash of the [`content_key`].
    pub hash: u64,
    /// It names an action class ("arrive", "meet").
    pub action: bool,
    /// It carries polarity ("deny"), not content.
    pub polarity: bool,
    /// A number.
    pub number: bool,
    /// A month or weekday name.
    pub calendar: bool,
}

thread_local! {
    /// Keys of the words seen so far: a story repeats its vocabulary, so each
    /// distinct word is stemmed and looked up once.
    static KEYS: std::cell::RefCell<FastMap<Box<str>, Option<Key>>> =
        std::cell::RefCell::new(FastMap::default());
}

/// Words kept in the key cache before it is emptied.
const KEY_CACHE_LIMIT: usize = 500_000;

/// The [`Key`] of a word, or `None` for stopwords; cached per thread.
pub(crate) fn key(word: &str) -> Option<Key> {
    if let Some(k) = KEYS.with(|c| c.borrow().get(word).copied()) {
        return k;
    }
    let k = content_key(word).map(|ck| Key {
        hash: hash(ck.as_bytes()),
        action: is_predicate(&ck),
        polarity: is_polarity_key(&ck),
        number: ck.starts_with('#'),
        calendar: crate::month_number(&ck).is_some() || crate::weekday_number(&ck).is_some(),
    });
    KEYS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= KEY_CACHE_LIMIT {
            c.clear();
        }
        c.insert(word.into(), k);
    });
    k
}

/// Mixes two hashes (for shingles built from word hashes).
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(23) ^ 0x9E37_79B9_7F4A_7C15;
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hash of a word folded (case, accents, apostrophes left out), without
/// allocating for ASCII words.
pub(crate) fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        for b in word.bytes().filter(|b| *b != b'\'') {
            feed(b.to_ascii_lowercase());
        }
    } else {
        for b in fold(word).bytes().filter(|b| *b != b'\'') {
            feed(b);
        }
    }
    h
}

/// A fast non-cryptographic hasher (the "Fx" multiply-rotate) for maps keyed
/// by hashes and small integers; inputs here are not adversarial enough to
/// need SipHash, and the maps are the hot path.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            if let Some(dst) = buf.get_mut(..chunk.len()) {
                dst.copy_from_slice(chunk);
            }
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(FX_K);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// FNV-1a, 64 bits: a fast, stable hash for keys and shingles.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Byte ranges of the quoted passages of a paragraph ("…", “…”). A quote left
/// open runs to the end of the paragraph (the quote continues in the next one).
pub(crate) fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open = false;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201C}', None) => open = Some(i),
            ('"', None) => {
                open = Some(i);
                straight_open = true;
            }
            ('\u{201D}', Some(s)) if !straight_open => {
                out.push((s, i + c.len_utf8()));
                open = None;
            }
            ('"', Some(s)) if straight_open => {
                out.push((s, i + 1));
                open = None;
                straight_open = false;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push((s, text.len()));
    }
    out
}

/// Word shingles of `k` folded words, hashed, sorted and deduplicated. A shingle
/// never spans a quoted passage when `skip_quotes` is set: a quote repeated word
/// for word is the speaker's wording, not copying.
pub(crate) fn shingles(text: &str, k: usize, skip_quotes: bool) -> Vec<u64> {
    let quotes = if skip_quotes {
        quoted_ranges(text)
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    let mut run: Vec<u64> = Vec::new();
    let mut q = quotes.iter().peekable();
    let flush = |run: &mut Vec<u64>, out: &mut Vec<u64>| {
        for window in run.windows(k) {
            out.push(window.iter().fold(k as u64, |h, w| mix(h, *w)));
        }
        run.clear();
    };
    for w in words(text) {
        while q.peek().is_some_and(|(_, e)| *e <= w.start) {
            q.next();
        }
        if q.peek().is_some_and(|(s, e)| *s <= w.start && w.end <= *e) {
            flush(&mut run, &mut out);
            continue;
        }
        run.push(word_hash(w.text));
    }
    flush(&mut run, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The number of values two sorted, deduplicated slices share.
pub(crate) fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Levenshtein distance over chars, giving up (returning `limit + 1`) past `limit`.
pub(crate) fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        let mut row_min = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            let v = sub.min(del).min(ins);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Sentences of a paragraph as byte ranges of the paragraph's text.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    crate::split_sentences(text)
        .iter()
        .map(|s| (s.start, s.end))
        .collect()
}

/// Particles that may sit inside a name ("Rafael de Castro", "van der Berg").
pub(crate) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "der"
            | "von"
            | "da"
            | "del"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
            | "di"
            | "du"
            | "dos"
    )
}

/// Runs of capitalised words in a sentence ("Ha Min-jun", "South Korean",
/// "Rafael de Castro"), as byte ranges of `text`; a leading function word
/// ("The", "However") is left out.
pub(crate) fn capitalised_runs(text: &str) -> Vec<(usize, usize)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(w) = ws.get(i) else { break };
        if !w.text.starts_with(char::is_uppercase) || is_stopword(&fold(w.text)) {
            i += 1;
            continue;
        }
        let start = w.start;
        let mut end = w.end;
        let mut j = i + 1;
        while let Some(next) = ws.get(j) {
            let gap = text.get(end..next.start).unwrap_or("x");
            if !gap.chars().all(char::is_whitespace) {
                break;
            }
            // A capitalised word, or a particle between two ("Rafael de Castro").
            let particle = is_particle(next.text)
                && ws
                    .get(j + 1)
                    .is_some_and(|n| n.text.starts_with(char::is_uppercase))
                && text
                    .get(next.end..ws.get(j + 1).map_or(next.end, |n| n.start))
                    .is_some_and(|g| g.chars().all(char::is_whitespace));
            if !next.text.starts_with(char::is_uppercase) && !particle {
                break;
            }
            end = next.end;
            j += 1;
        }
        out.push((start, end));
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_joiners() {
        let w: Vec<&str> = words("Ha Min-jun's $1,200 U.S. aid, 1.2 bn.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["Ha", "Min-jun's", "1,200", "U.S", "aid", "1.2", "bn"]);
    }

    #[test]
    fn names_normalise() {
        assert_eq!(
            norm_name("U.N.", NameStyle::Other),
            norm_name("UN", NameStyle::Other)
        );
        assert_eq!(
            norm_name("Japan\u{2019}s Defence Ministry", NameStyle::Other),
            norm_name("Japanese Defense Ministry", NameStyle::Other)
        );
        assert_eq!(
            norm_name("World Health Organisation", NameStyle::Other),
            "world health organization"
        );
        assert_eq!(
            norm_name("Nguyễn Văn An", NameStyle::Person),
            "nguyen van an"
        );
        assert_eq!(
            norm_name("The Mekong Standard", NameStyle::Other),
            "mekong standard"
        );
        assert_eq!(
            norm_name("Filipinos", NameStyle::Other),
            norm_name("Filipino", NameStyle::Other)
        );
    }

    #[test]
    fn keys_fold_forms() {
        assert_eq!(content_key("encircled"), content_key("surrounded"));
        assert_eq!(content_key("met"), content_key("received"));
        assert_eq!(content_key("arrived"), content_key("landing"));
        assert_eq!(content_key("boats"), content_key("boat"));
        assert_eq!(content_key("Defence"), content_key("defense"));
        assert_eq!(content_key("twelve"), Some("#12".into()));
        assert_eq!(content_key("U.S"), Some("@us".into()));
        assert_eq!(content_key("the"), None);
    }

    #[test]
    fn runs_of_capitals() {
        let t = "However, Philippine Defense Secretary Rafael de Castro met Ha Min-jun in Hanoi.";
        let r: Vec<&str> = capitalised_runs(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            r,
            [
                "Philippine Defense Secretary Rafael de Castro",
                "Ha Min-jun",
                "Hanoi"
            ]
        );
    }

    #[test]
    fn edit_distance_counts() {
        assert_eq!(edit_distance("min-jun", "min-joon", 3), 2);
        assert_eq!(edit_distance("abc", "abc", 0), 0);
        assert!(edit_distance("kessler", "lopez", 2) > 2);
    }

    #[test]
    fn shingles_skip_quotes() {
        let a = shingles(
            "\u{201C}We will never sign this deal at all,\u{201D} he said.",
            3,
            true,
        );
        assert!(a.is_empty());
        assert!(!shingles("We will never sign this deal.", 3, false).is_empty());
    }
}
