//! The comparison of the sample story (`samples/story/`) against its answer key
//! `expected.json`: every cluster, single-outlet claim, conflict and copy.
//!
//! Three kinds of input:
//! - **paragraphs only** (no entities, no claims): copies, and the conflicts
//!   found from text (name spelling, numbers, dates) must already be right;
//! - **hand-built** entities and claims (one claim per sentence, quotes and
//!   speakers marked by simple rules here): checks the comparison's own logic
//!   independently of extraction quality;
//! - **the pipeline** (`analyze_text`): the real thing, which depends on entity
//!   and claim extraction.

use newsclaims::{
    analyze_text, compare, parse_article, sample, Actor, Analysis, Article, Claim, ClaimForm,
    ClaimKind, ConflictKind, Entity, EntityKind, Mention, Story, SCHEMA,
};
use serde_json::Value;

fn expected() -> Value {
    serde_json::from_str(include_str!("../samples/story/expected.json")).unwrap()
}

fn articles() -> Vec<Article> {
    sample::story()
        .iter()
        .map(|a| parse_article(a.text, &a.meta()).unwrap())
        .collect()
}

fn paragraphs_only() -> Vec<Analysis> {
    articles()
        .into_iter()
        .map(|article| Analysis {
            schema: SCHEMA.into(),
            id: article.id.clone(),
            article,
            entities: vec![],
            claims: vec![],
        })
        .collect()
}

fn pipeline() -> Vec<Analysis> {
    sample::story()
        .iter()
        .map(|a| analyze_text(a.text, &a.meta()).unwrap())
        .collect()
}

// ---------------------------------------------------------------------------
// Hand-built entities and claims.

/// The people and places of the story, as a careful extractor would give them
/// (each article gets only the spellings it uses).
const HAND_ENTITIES: &[(EntityKind, &str, &[&str], &[&str])] = &[
    (
        EntityKind::Person,
        "Kenji Morisaki",
        &["Morisaki"],
        &["Defense Minister"],
    ),
    (
        EntityKind::Person,
        "Rafael de Castro",
        &["De Castro"],
        &["Defense Secretary"],
    ),
    (
        EntityKind::Person,
        "Truong Minh Hai",
        &["Hai"],
        &["President"],
    ),
    (
        EntityKind::Person,
        "Ha Min-jun",
        &[],
        &["former South Korean ambassador to Vietnam"],
    ),
    (
        EntityKind::Person,
        "Ha Min-joon",
        &["Min-joon"],
        &["South Korean ambassador to Vietnam"],
    ),
    (
        EntityKind::Person,
        "Doan Thi Mai",
        &[],
        &["Deputy Foreign Minister"],
    ),
    (
        EntityKind::Person,
        "Guo Weilin",
        &[],
        &["Foreign Ministry spokesperson"],
    ),
    (
        EntityKind::Person,
        "Diane Lopez-Whitfield",
        &[],
        &["US Ambassador"],
    ),
    (
        EntityKind::Person,
        "Tomas van der Berg",
        &[],
        &["maritime security researcher"],
    ),
    (EntityKind::Place, "Hanoi", &[], &[]),
    (EntityKind::Place, "Manila", &[], &[]),
    (EntityKind::Place, "Tokyo", &[], &[]),
    (EntityKind::Place, "Lantern Reef", &[], &[]),
    (EntityKind::Place, "Cam Ranh Bay", &[], &[]),
    (EntityKind::Place, "Beijing", &[], &[]),
    (
        EntityKind::Organization,
        "Communist Party of Vietnam",
        &[],
        &[],
    ),
    (EntityKind::Event, "Sea Guard Day", &[], &[]),
];

fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| {
            !is_word(hay[..i].chars().next_back())
                && !is_word(hay[i + needle.len()..].chars().next())
        })
        .collect()
}

fn hand_entities(article: &Article) -> Vec<Entity> {
    let mut out = Vec::new();
    for (kind, name, aliases, roles) in HAND_ENTITIES {
        let mut mentions: Vec<Mention> = Vec::new();
        for p in &article.paragraphs {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for form in std::iter::once(name).chain(aliases.iter()) {
                for i in find_all(&p.text, form) {
                    let (s, e) = (i, i + form.len());
                    if taken.iter().any(|&(a, b)| s < b && a < e) {
                        continue;
                    }
                    taken.push((s, e));
                    mentions.push(Mention {
                        text: form.to_string(),
                        start: p.start + s,
                        end: p.start + e,
                    });
                }
            }
        }
        if mentions.is_empty() {
            continue;
        }
        mentions.sort_by_key(|m| m.start);
        let used: Vec<String> = aliases
            .iter()
            .filter(|a| mentions.iter().any(|m| m.text == **a))
            .map(|a| a.to_string())
            .collect();
        out.push(Entity {
            id: format!("e{}", out.len() + 1),
            kind: *kind,
            name: name.to_string(),
            aliases: used,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            mentions,
            refers_to: None,
            value: None,
        });
    }
    out
}

/// One claim per body sentence; a paragraph opening with a quote is one
/// direct-quote claim credited to the first person it names outside the quote.
fn hand_claims(article: &Article, entities: &[Entity]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let in_range =
        |e: &Entity, s: usize, t: usize| e.mentions.iter().any(|m| m.start >= s && m.end <= t);
    for p in article.body() {
        let mut pieces: Vec<(usize, usize, Option<String>)> = Vec::new();
        if p.text.starts_with(['\u{201C}', '"']) {
            let close = p.text[3..]
                .find(['\u{201D}', '"'])
                .map(|i| i + 3)
                .unwrap_or(p.text.len());
            pieces.push((
                0,
                p.text.len(),
                Some(p.text[3.min(p.text.len())..close].to_string()),
            ));
        } else {
            for s in newsclaims::split_sentences(&p.text) {
                pieces.push((s.start, s.end, None));
            }
        }
        for (s, e, quote) in pieces {
            let (start, end) = (p.start + s, p.start + e);
            let text = p.text[s..e].to_string();
            let ents: Vec<String> = entities
                .iter()
                .filter(|x| in_range(x, start, end))
                .map(|x| x.id.clone())
                .collect();
            let speaker = quote.as_ref().and_then(|q| {
                let q_end = start + q.len() + 3;
                entities
                    .iter()
                    .filter(|x| x.kind == EntityKind::Person)
                    .find(|x| x.mentions.iter().any(|m| m.start >= q_end && m.end <= end))
                    .map(|x| Actor {
                        name: x.name.clone(),
                        entity: Some(x.id.clone()),
                    })
            });
            let kind = if text.contains("denied") {
                ClaimKind::Denial
            } else if text.contains("accused") {
                ClaimKind::Accusation
            } else {
                ClaimKind::Statement
            };
            let responds_to = (kind == ClaimKind::Denial && text.contains("those accusations"))
                .then(|| {
                    out.iter()
                        .rev()
                        .find(|c| c.kind == ClaimKind::Accusation)
                        .map(|c| c.id.clone())
                })
                .flatten();
            out.push(Claim {
                id: format!("c{}", out.len() + 1),
                kind,
                form: if quote.is_some() {
                    ClaimForm::DirectQuote
                } else {
                    ClaimForm::Unattributed
                },
                speaker,
                cue: None,
                quote,
                text,
                start,
                end,
                target: None,
                hedged: false,
                negated: false,
                entities: ents,
                responds_to,
            });
        }
    }
    out
}

fn hand_built() -> Vec<Analysis> {
    articles()
        .into_iter()
        .map(|article| {
            let entities = hand_entities(&article);
            let claims = hand_claims(&article, &entities);
            Analysis {
                schema: SCHEMA.into(),
                id: article.id.clone(),
                article,
                entities,
                claims,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Checks against the answer key; each returns the list of what is wrong.

fn claim_text<'a>(analyses: &'a [Analysis], article: &str, claim: &str) -> Option<&'a str> {
    let a = analyses.iter().find(|a| a.id == article)?;
    a.claims
        .iter()
        .find(|c| c.id == claim)
        .map(|c| c.text.as_str())
}

fn check_clusters(story: &Story, analyses: &[Analysis]) -> Vec<String> {
    let mut errors = Vec::new();
    for exp in expected()["clusters"].as_array().unwrap() {
        let topic = exp["topic"].as_str().unwrap();
        let members = exp["members"].as_array().unwrap();
        let mut articles: Vec<&str> = members
            .iter()
            .map(|m| m["article"].as_str().unwrap())
            .collect();
        articles.sort();
        let has_all = |c: &&newsclaims::ClaimCluster| {
            members.iter().all(|m| {
                c.members.iter().any(|x| {
                    x.article == m["article"].as_str().unwrap()
                        && claim_text(analyses, &x.article, &x.claim)
                            .is_some_and(|t| t.contains(m["contains"].as_str().unwrap()))
                })
            })
        };
        let articles_of = |c: &newsclaims::ClaimCluster| {
            let mut got: Vec<&str> = c.members.iter().map(|m| m.article.as_str()).collect();
            got.sort();
            got.dedup();
            got.into_iter().map(str::to_string).collect::<Vec<_>>()
        };
        // One sentence may carry two facts and so sit in two clusters: prefer
        // the cluster with exactly the expected articles.
        let candidates: Vec<_> = story.claims.iter().filter(has_all).collect();
        let found = candidates
            .iter()
            .find(|c| articles_of(c) == articles)
            .or(candidates.first())
            .copied();
        match found {
            None => errors.push(format!("cluster not found: {topic}")),
            Some(c) => {
                let mut got: Vec<&str> = c.members.iter().map(|m| m.article.as_str()).collect();
                got.sort();
                got.dedup();
                if got != articles {
                    errors.push(format!(
                        "cluster {topic}: articles {got:?}, expected {articles:?}"
                    ));
                }
                let sources = exp["sources"].as_u64().unwrap() as usize;
                if c.sources != sources {
                    errors.push(format!(
                        "cluster {topic}: {} sources, expected {sources}",
                        c.sources
                    ));
                }
            }
        }
    }
    errors
}

fn check_single(story: &Story, analyses: &[Analysis]) -> Vec<String> {
    let mut errors = Vec::new();
    for exp in expected()["single"].as_array().unwrap() {
        let article = exp["article"].as_str().unwrap();
        let contains = exp["contains"].as_str().unwrap();
        let found = story.claims.iter().find(|c| {
            c.members.iter().any(|x| {
                x.article == article
                    && claim_text(analyses, &x.article, &x.claim)
                        .is_some_and(|t| t.contains(contains))
            })
        });
        match found {
            None => errors.push(format!("single claim not found: {article}: {contains}")),
            Some(c) if c.sources != 1 || c.members.iter().any(|m| m.article != article) => {
                let with: Vec<&str> = c.members.iter().map(|m| m.article.as_str()).collect();
                errors.push(format!(
                    "single claim {article}: {contains}: clustered with {with:?}"
                ))
            }
            Some(_) => {}
        }
    }
    errors
}

fn kind_of(name: &str) -> ConflictKind {
    serde_json::from_value(Value::String(name.into())).unwrap()
}

fn check_conflicts(story: &Story, only: &[&str]) -> Vec<String> {
    let mut errors = Vec::new();
    for exp in expected()["conflicts"].as_array().unwrap() {
        let kind_name = exp["kind"].as_str().unwrap();
        if !only.contains(&kind_name) {
            continue;
        }
        let kind = kind_of(kind_name);
        let values = exp["values"].as_array().unwrap();
        let found = story.conflicts.iter().any(|c| {
            c.kind == kind
                && values.iter().all(|v| {
                    c.values.iter().any(|x| {
                        x.article == v["article"].as_str().unwrap()
                            && x.text.contains(v["contains"].as_str().unwrap())
                    })
                })
        });
        if !found {
            let first = values[0]["contains"].as_str().unwrap();
            errors.push(format!("{kind_name} conflict not found: {first} …"));
        }
    }
    errors
}

fn check_copies(story: &Story) -> Vec<String> {
    let mut errors = Vec::new();
    for exp in expected()["copies"].as_array().unwrap() {
        let (from, to, contains) = (
            exp["from"].as_str().unwrap(),
            exp["to"].as_str().unwrap(),
            exp["contains"].as_str().unwrap(),
        );
        let ok = story.copies.iter().any(|c| {
            c.articles.first().map(String::as_str) == Some(from)
                && c.articles.iter().any(|a| a == to)
                && c.text.contains(contains)
                && c.source.as_deref() == Some(from)
        });
        if !ok {
            errors.push(format!("copy {from} -> {to} not found: {contains}"));
        }
    }
    if story.copies.len() != expected()["copies"].as_array().unwrap().len() {
        errors.push(format!(
            "{} copies, expected {}",
            story.copies.len(),
            expected()["copies"].as_array().unwrap().len()
        ));
    }
    errors
}

fn check_entities(story: &Story) -> Vec<String> {
    let fold = |s: &str| s.replace('\u{2019}', "'").to_lowercase();
    let mut errors = Vec::new();
    for exp in expected()["entities"].as_array().unwrap() {
        let name = exp["name"].as_str().unwrap();
        let kind: EntityKind = serde_json::from_value(exp["kind"].clone()).unwrap();
        let variants: Vec<String> = exp["variants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| fold(v.as_str().unwrap()))
            .collect();
        let found = story
            .entities
            .iter()
            .find(|e| e.kind == kind && e.variants.iter().any(|v| variants.contains(&fold(v))));
        let Some(e) = found else {
            errors.push(format!("entity not found: {name}"));
            continue;
        };
        let have: Vec<String> = e.variants.iter().map(|v| fold(v)).collect();
        let missing: Vec<&String> = variants.iter().filter(|v| !have.contains(v)).collect();
        if !missing.is_empty() {
            errors.push(format!(
                "entity {name}: variants {missing:?} not grouped (has {:?})",
                e.variants
            ));
        }
        for a in exp["articles"].as_array().unwrap() {
            if !e.articles.iter().any(|x| x == a.as_str().unwrap()) {
                errors.push(format!("entity {name}: article {a} missing"));
            }
        }
    }
    errors
}

fn assert_none(errors: Vec<String>) {
    assert!(
        errors.is_empty(),
        "{} problems:\n  {}",
        errors.len(),
        errors.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// Paragraphs only.

#[test]
fn copies_from_paragraphs() {
    assert_none(check_copies(&compare(&paragraphs_only())));
}

#[test]
fn name_number_and_date_conflicts_from_paragraphs() {
    let story = compare(&paragraphs_only());
    assert_none(check_conflicts(
        &story,
        &["name_spelling", "number", "date"],
    ));
    // Nothing else is called a conflict from the text alone.
    assert_eq!(story.conflicts.len(), 3, "{:#?}", story.conflicts);
}

#[test]
fn quotes_are_not_copies() {
    // Ha's quote is in both straits-wire and lotus-bulletin, word for word,
    // in paragraphs that are otherwise different.
    let story = compare(&paragraphs_only());
    assert!(story
        .copies
        .iter()
        .all(|c| !c.text.contains("ship for ship")));
}

// ---------------------------------------------------------------------------
// Hand-built entities and claims.

#[test]
fn hand_built_clusters() {
    let analyses = hand_built();
    assert_none(check_clusters(&compare(&analyses), &analyses));
}

#[test]
fn hand_built_single_claims() {
    let analyses = hand_built();
    assert_none(check_single(&compare(&analyses), &analyses));
}

#[test]
fn hand_built_conflicts_and_copies() {
    let story = compare(&hand_built());
    let mut errors = check_conflicts(&story, &["name_spelling", "number", "date", "assertion"]);
    errors.extend(check_copies(&story));
    assert_none(errors);
}

#[test]
fn hand_built_spelling_variants_are_one_person() {
    let story = compare(&hand_built());
    let ha = story
        .entities
        .iter()
        .find(|e| e.variants.iter().any(|v| v == "Ha Min-jun"))
        .unwrap();
    assert!(ha.variants.iter().any(|v| v == "Ha Min-joon"), "{ha:?}");
    assert_eq!(ha.articles, ["straits-wire", "lotus-bulletin"]);
    // The quote credited to both spellings is one cluster with two sources.
    let quote = story
        .claims
        .iter()
        .find(|c| c.text.contains("ship for ship"))
        .unwrap();
    assert_eq!(quote.sources, 2);
    assert_eq!(
        quote.speaker.as_ref().and_then(|s| s.entity.as_deref()),
        Some(ha.id.as_str())
    );
}

#[test]
fn story_json_shape() {
    let story = compare(&hand_built());
    let json = serde_json::to_value(&story).unwrap();
    assert_eq!(json["schema"], SCHEMA);
    for key in ["articles", "entities", "claims", "conflicts", "copies"] {
        assert!(json[key].is_array(), "{key}");
    }
    let c = &json["claims"][0];
    for key in [
        "id", "kind", "form", "speaker", "text", "members", "sources",
    ] {
        assert!(c.get(key).is_some(), "claims[0].{key}");
    }
    // Most sources first.
    assert!(story
        .claims
        .windows(2)
        .all(|w| w[0].sources >= w[1].sources));
}

// ---------------------------------------------------------------------------
// The pipeline: these depend on entity and claim extraction.

#[test]
fn pipeline_clusters() {
    let analyses = pipeline();
    assert_none(check_clusters(&compare(&analyses), &analyses));
}

#[test]
fn pipeline_single_claims() {
    let analyses = pipeline();
    assert_none(check_single(&compare(&analyses), &analyses));
}

#[test]
fn pipeline_conflicts() {
    let story = compare(&pipeline());
    assert_none(check_conflicts(
        &story,
        &["name_spelling", "number", "date", "assertion"],
    ));
}

#[test]
fn pipeline_copies() {
    assert_none(check_copies(&compare(&pipeline())));
}

#[test]
fn pipeline_entities() {
    assert_none(check_entities(&compare(&pipeline())));
}
