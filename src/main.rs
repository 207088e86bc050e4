//! The `idgraph` command line.
fn main() {}
