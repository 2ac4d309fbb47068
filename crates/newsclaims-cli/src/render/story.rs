//! The readable report of a compared story.

use std::io::Write;

use newsclaims::{Analysis, Story};

use super::analysis::clip;

/// Writes the story report: articles, corroborated claims with their sources,
/// conflicts, claims found once, copied paragraphs.
pub fn write(out: &mut impl Write, story: &Story, analyses: &[Analysis]) -> std::io::Result<()> {
    let _ = analyses;
    writeln!(out, "Story: {} articles", story.articles.len())?;
    for a in &story.articles {
        let outlet = a.outlet.as_deref().unwrap_or("?");
        match &a.error {
            Some(e) => writeln!(out, "  {} — error: {} ({})", a.id, e.message, e.code)?,
            None => writeln!(
                out,
                "  {} — {outlet}: {}",
                a.id,
                clip(a.title.as_deref().unwrap_or("(no headline)"), 70)
            )?,
        }
    }
    writeln!(out)?;
    writeln!(out, "Claims: {}", story.claims.len())?;
    for c in &story.claims {
        let speaker = c.speaker.as_ref().map_or("-", |s| s.name.as_str());
        writeln!(
            out,
            "  [{} sources] {speaker}: {}",
            c.sources,
            clip(&c.text, 100)
        )?;
    }
    writeln!(out, "Conflicts: {}", story.conflicts.len())?;
    for c in &story.conflicts {
        writeln!(out, "  {}", c.description)?;
    }
    writeln!(out, "Copies: {}", story.copies.len())?;
    for c in &story.copies {
        writeln!(out, "  {}: {}", c.articles.join(" ~ "), clip(&c.text, 80))?;
    }
    Ok(())
}
