//! Whole analyses of the sample story, as JSON snapshots.
//!
//! Any change to what the library extracts from the sample shows up here as a
//! diff. Review with `cargo insta review` (or rerun with `INSTA_UPDATE=always`
//! and read `git diff`) and commit the snapshots that are right.

use newsclaims::{analyze_text, sample};

#[test]
fn sample_story_analyses() {
    for article in sample::story() {
        let analysis = analyze_text(article.text, &article.meta()).unwrap();
        insta::assert_json_snapshot!(article.id, analysis);
    }
}
