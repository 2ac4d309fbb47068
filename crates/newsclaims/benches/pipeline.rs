//! Criterion benchmarks: one group per stage.
fn main() {}
