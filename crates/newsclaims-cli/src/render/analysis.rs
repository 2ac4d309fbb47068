//! The readable summary of one analysed article.

use std::io::Write;

use newsclaims::{Analysis, ParagraphKind};

/// Writes a summary a person can scan: header fields, paragraphs, removed lines,
/// entities and claims.
pub fn write(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    let a = &analysis.article;
    writeln!(out, "== {}", analysis.id)?;
    writeln!(out, "title:     {}", a.title.as_deref().unwrap_or("-"))?;
    if let Some(subtitle) = &a.subtitle {
        writeln!(out, "subtitle:  {subtitle}")?;
    }
    let authors: Vec<String> = a
        .authors
        .iter()
        .map(|au| match &au.role {
            Some(role) => format!("{} ({role})", au.name),
            None => au.name.clone(),
        })
        .collect();
    writeln!(
        out,
        "authors:   {}",
        if authors.is_empty() {
            "-".into()
        } else {
            authors.join("; ")
        }
    )?;
    writeln!(out, "outlet:    {}", a.outlet.as_deref().unwrap_or("-"))?;
    match &a.dateline {
        Some(d) => writeln!(out, "dateline:  {} [{}]", d.text, d.places.join(", "))?,
        None => writeln!(out, "dateline:  -")?,
    }
    writeln!(out, "published: {}", a.published.as_deref().unwrap_or("-"))?;
    let body = a.body().count();
    let headings = a.paragraphs.len() - body;
    writeln!(
        out,
        "body:      {body} paragraphs, {headings} headings, {} sentences",
        a.sentences.len()
    )?;
    for p in &a.paragraphs {
        if p.kind == ParagraphKind::Heading {
            writeln!(out, "  # {}", p.text)?;
        }
    }
    if !a.removed.is_empty() {
        writeln!(out, "removed:   {}", a.removed.len())?;
        for r in &a.removed {
            writeln!(out, "  - [{}] {}", r.reason.as_str(), clip(&r.text, 70))?;
        }
    }
    if !analysis.entities.is_empty() {
        writeln!(out, "entities:  {}", analysis.entities.len())?;
        for e in &analysis.entities {
            let mut line = format!("  {:<12} {} ×{}", e.kind.as_str(), e.name, e.mentions.len());
            if !e.roles.is_empty() {
                line.push_str(&format!(" — {}", e.roles.join("; ")));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !analysis.claims.is_empty() {
        writeln!(out, "claims:    {}", analysis.claims.len())?;
        for c in &analysis.claims {
            let speaker = c.speaker.as_ref().map_or("-", |s| s.name.as_str());
            let body = c.quote.as_deref().unwrap_or(&c.text);
            writeln!(
                out,
                "  {:<11} {:<13} {speaker}: {}",
                c.kind.as_str(),
                c.form.as_str(),
                clip(body, 90)
            )?;
        }
    }
    writeln!(out)
}

/// Shortens `text` to at most `max` characters, marking the cut.
pub fn clip(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
