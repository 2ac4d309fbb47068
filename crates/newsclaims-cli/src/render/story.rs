//! The readable report of a compared story, for a journalist to scan:
//! corroborated claims with their sources and outlets, then claims found in
//! one outlet only, conflicts, and copied paragraphs.
//!
//! Long sections are cut at [`MAX_ITEMS`] entries with a count of the rest;
//! `--json` has everything.

use std::collections::HashMap;
use std::io::Write;

use newsclaims::{Analysis, ClaimCluster, Conflict, ConflictKind, Story};

use super::analysis::clip;

/// Entries shown per section before "… and N more".
pub const MAX_ITEMS: usize = 40;
/// Values shown per conflict.
const MAX_VALUES: usize = 6;

/// Writes the story report.
pub fn write(out: &mut impl Write, story: &Story, analyses: &[Analysis]) -> std::io::Result<()> {
    let outlets: HashMap<&str, &str> = story
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.outlet.as_deref().unwrap_or(a.id.as_str())))
        .collect();
    let outlet = |id: &str| outlets.get(id).copied().unwrap_or(id).to_string();
    // Cluster texts and conflict values carry the claim texts already.
    let _ = analyses;

    writeln!(out, "Story: {} articles", story.articles.len())?;
    for a in &story.articles {
        let name = a.outlet.as_deref().unwrap_or("?");
        let date = a
            .published
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        match &a.error {
            Some(e) => writeln!(out, "  {} — error: {} ({})", a.id, e.message, e.code)?,
            None => writeln!(
                out,
                "  {} — {name}{date}: {}",
                a.id,
                clip(a.title.as_deref().unwrap_or("(no headline)"), 70)
            )?,
        }
    }

    let (corroborated, single): (Vec<&ClaimCluster>, Vec<&ClaimCluster>) =
        story.claims.iter().partition(|c| c.sources >= 2);

    writeln!(out)?;
    writeln!(out, "Corroborated claims: {}", corroborated.len())?;
    for c in corroborated.iter().take(MAX_ITEMS) {
        writeln!(out, "  [{} sources] {}", c.sources, clip(&c.text, 110))?;
        writeln!(out, "      {}{}", article_list(c, &outlet), credited(c))?;
    }
    more(out, corroborated.len())?;

    writeln!(out)?;
    writeln!(out, "Found in one outlet only: {}", single.len())?;
    for c in single.iter().take(MAX_ITEMS) {
        let first = c.members.first().map(|m| m.article.as_str()).unwrap_or("?");
        writeln!(
            out,
            "  {}: {}{}",
            outlet(first),
            clip(&c.text, 100),
            credited(c)
        )?;
        let mut copies = Names::default();
        for m in c.members.iter().filter(|m| m.article != first) {
            copies.add(outlet(&m.article));
        }
        if !copies.seen.is_empty() {
            writeln!(
                out,
                "      repeated by {} (copied, or the same outlet)",
                copies.line()
            )?;
        }
    }
    more(out, single.len())?;

    writeln!(out)?;
    writeln!(out, "Conflicts: {}", story.conflicts.len())?;
    for c in story.conflicts.iter().take(MAX_ITEMS) {
        write_conflict(out, c, &outlet)?;
    }
    more(out, story.conflicts.len())?;

    writeln!(out)?;
    writeln!(out, "Copied paragraphs: {}", story.copies.len())?;
    for c in story.copies.iter().take(MAX_ITEMS) {
        let direction = match &c.source {
            Some(s) => format!(
                "{} → {}",
                outlet(s),
                c.articles
                    .iter()
                    .skip(1)
                    .map(|a| outlet(a))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => c
                .articles
                .iter()
                .map(|a| outlet(a))
                .collect::<Vec<_>>()
                .join(" ~ "),
        };
        writeln!(out, "  {direction} ({:.0}% alike)", c.similarity * 100.0)?;
        writeln!(out, "      {}", clip(&c.text, 100))?;
    }
    more(out, story.copies.len())?;
    Ok(())
}

/// " — credited to X" when the claim has a speaker.
fn credited(c: &ClaimCluster) -> String {
    c.speaker
        .as_ref()
        .map(|s| format!(" — credited to {}", s.name))
        .unwrap_or_default()
}

/// Outlet names for one line: the first few, then how many more.
#[derive(Default)]
struct Names {
    shown: Vec<String>,
    seen: std::collections::HashSet<String>,
}

impl Names {
    const SHOWN: usize = 8;

    fn add(&mut self, name: String) {
        if self.seen.insert(name.clone()) && self.shown.len() < Self::SHOWN {
            self.shown.push(name);
        }
    }

    fn line(&self) -> String {
        let mut line = self.shown.join(", ");
        if self.seen.len() > self.shown.len() {
            line.push_str(&format!(" and {} more", self.seen.len() - self.shown.len()));
        }
        line
    }
}

/// "Harbor Ledger, Straits Wire, Lotus Bulletin  (3 outlets, 2 independent)".
fn article_list(c: &ClaimCluster, outlet: &impl Fn(&str) -> String) -> String {
    let mut names = Names::default();
    for m in &c.members {
        names.add(outlet(&m.article));
    }
    let mut line = names.line();
    if names.seen.len() > c.sources {
        line.push_str(&format!(
            "  ({} outlets, {} independent)",
            names.seen.len(),
            c.sources
        ));
    }
    line
}

fn write_conflict(
    out: &mut impl Write,
    c: &Conflict,
    outlet: &impl Fn(&str) -> String,
) -> std::io::Result<()> {
    let kind = match c.kind {
        ConflictKind::NameSpelling => "name spelling",
        ConflictKind::Number => "number",
        ConflictKind::Date => "date",
        ConflictKind::Assertion => "assertion",
        _ => "other",
    };
    writeln!(out, "  [{kind}] {}", clip(&c.description, 110))?;
    // Values grouped by what they say: "12 boats — Harbor Ledger, Straits Wire".
    let mut grouped: Vec<(&str, Names)> = Vec::new();
    for v in &c.values {
        let name = outlet(&v.article);
        let full = grouped.len() > MAX_VALUES;
        match grouped.iter_mut().find(|(t, _)| *t == v.text) {
            Some((_, names)) => names.add(name),
            None if !full => {
                let mut names = Names::default();
                names.add(name);
                grouped.push((&v.text, names));
            }
            None => {}
        }
    }
    for (text, names) in grouped.iter().take(MAX_VALUES) {
        writeln!(out, "      {} — {}", clip(text, 80), names.line())?;
    }
    if grouped.len() > MAX_VALUES {
        writeln!(out, "      … and {} more", grouped.len() - MAX_VALUES)?;
    }
    Ok(())
}

fn more(out: &mut impl Write, total: usize) -> std::io::Result<()> {
    if total > MAX_ITEMS {
        writeln!(out, "  … and {} more (see --json)", total - MAX_ITEMS)?;
    }
    Ok(())
}
