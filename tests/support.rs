//! Helpers shared by the integration tests.

use std::collections::BTreeSet;

use idgraph::{IdentityGraph, Record};

/// The partition as a set of sets of record ids: comparable whatever the customer ids.
pub fn partition(graph: &IdentityGraph) -> BTreeSet<BTreeSet<String>> {
    let mut by_customer: std::collections::BTreeMap<_, BTreeSet<String>> = Default::default();
    for (id, c) in graph.assignments() {
        by_customer.entry(c).or_default().insert(id.to_string());
    }
    by_customer.into_values().collect()
}

/// The partition restricted to the given ids (the background population left out).
pub fn partition_of(graph: &IdentityGraph, ids: &[&str]) -> BTreeSet<BTreeSet<String>> {
    partition(graph)
        .into_iter()
        .map(|set| {
            set.into_iter()
                .filter(|id| ids.contains(&id.as_str()))
                .collect::<BTreeSet<_>>()
        })
        .filter(|set| !set.is_empty())
        .collect()
}

/// Builds the expected partition from groups of ids.
pub fn groups(groups: &[&[&str]]) -> BTreeSet<BTreeSet<String>> {
    groups
        .iter()
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// A realistic background population: the first `n` records of the bundled
/// omnichannel sample, so that the resolver estimates its weights from data
/// like production data rather than from a handful of test records.
pub fn background(n: usize) -> Vec<Record> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/omni-dev-20k/records.jsonl"
    );
    let file = std::fs::File::open(path).expect("the bundled sample is part of the repository");
    idgraph::read_jsonl(std::io::BufReader::new(file))
        .take(n)
        .map(|r| r.expect("the sample is valid"))
        .collect()
}
