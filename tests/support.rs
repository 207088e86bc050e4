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
        .map(|set| set.into_iter().filter(|id| ids.contains(&id.as_str())).collect::<BTreeSet<_>>())
        .filter(|set| !set.is_empty())
        .collect()
}

/// Builds the expected partition from groups of ids.
pub fn groups(groups: &[&[&str]]) -> BTreeSet<BTreeSet<String>> {
    groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect()
}

const GIVEN: [&str; 24] = [
    "Oliver", "Amelia", "Lukas", "Sofia", "Gabriel", "Chloe", "Mateo", "Giulia", "Andrei", "Ioana", "Lucas",
    "Beatriz", "Henry", "Isla", "Jonas", "Marie", "Hugo", "Lea", "Pablo", "Lucia", "Tommaso", "Aurora", "Mihai", "Elena",
];
const FAMILY: [&str; 25] = [
    "Okafor", "Lindqvist", "Marchetti", "Duarte", "Kowalczyk", "Haddad", "Vasquez", "Brennan", "Nakamura", "Ferreira",
    "Popescu", "Moreau", "Schreiber", "Castellano", "Oyelaran", "Whitcombe", "Abernethy", "Delacroix", "Esposito",
    "Gutierrez", "Halloran", "Ivanova", "Jablonski", "Kristiansen", "Lombardi",
];

/// A deterministic background population: `n` distinct people, two records each
/// (one web record with an email, one POS record with a phone), so that the
/// resolver has data to estimate its weights from, as it would in production.
pub fn background(n: usize) -> Vec<Record> {
    let mut out = Vec::new();
    for i in 0..n {
        let given = GIVEN[i % GIVEN.len()];
        let family = FAMILY[(i / GIVEN.len()) % FAMILY.len()];
        let name = format!("{given} {family}");
        let email = format!("{}.{}{}@example-mail.com", given.to_lowercase(), family.to_lowercase(), i);
        // Scattered numbers: sequential ones would sit one typo apart from each other.
        let x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
        let phone = format!("+1 917 {:03} {:04}", 200 + x % 700, (x / 700) % 10_000);
        let dob = format!("{}-{:02}-{:02}", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
        out.push(
            Record::new(format!("bg{i:05}-web")).unwrap().source("web").email(email.clone()).name(name.clone()).birth_date(dob),
        );
        out.push(
            Record::new(format!("bg{i:05}-pos")).unwrap().source("pos").phone(phone).email(email).name(name).country("US"),
        );
    }
    out
}
