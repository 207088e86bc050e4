//! Properties of the resolver on random small batches.

use proptest::prelude::*;

use idgraph::{Config, IdentityGraph, Record};

use crate::support::partition;

// A tiny alphabet so that random records collide on values and links happen.
const EMAILS: [&str; 4] = [
    "ana.lima@gmail.com",
    "analima@gmail.com",
    "bruno.k@outlook.com",
    "carla1980@yahoo.com",
];
const PHONES: [&str; 4] = [
    "+44 7700 900123",
    "07700 900124",
    "+1 646 787 4235",
    "+55 11 98765-4321",
];
const NAMES: [&str; 5] = [
    "Ana Lima",
    "Bruno Koch",
    "Carla Souza",
    "Lima, Ana",
    "B. Koch",
];
const DOBS: [&str; 3] = ["1980-01-02", "1975-12-31", "02/01/1980"];
const DEVICES: [&str; 2] = ["6D92078A-8246-4BA4-AE5B-76104861E7DC", "fa2761934630ef5a"];

/// Indexes into the value lists: email, phone, name, birth date, device.
type Spec = (
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
);

fn record_strategy() -> impl Strategy<Value = Spec> {
    (
        proptest::option::of(0..EMAILS.len()),
        proptest::option::of(0..PHONES.len()),
        proptest::option::of(0..NAMES.len()),
        proptest::option::of(0..DOBS.len()),
        proptest::option::of(0..DEVICES.len()),
    )
}

fn build(spec: &[Spec]) -> Vec<Record> {
    spec.iter()
        .enumerate()
        .map(|(i, &(e, p, n, d, dev))| {
            let mut r = Record::new(format!("r{i:02}")).unwrap().country("GB");
            if let Some(e) = e {
                r = r.email(EMAILS[e]);
            }
            if let Some(p) = p {
                r = r.phone(PHONES[p]);
            }
            if let Some(n) = n {
                r = r.name(NAMES[n]);
            }
            if let Some(d) = d {
                r = r.birth_date(DOBS[d]);
            }
            if let Some(dev) = dev {
                r = r.device_id(DEVICES[dev]);
            }
            r
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn properties_shuffled_input_gives_same_customers(
        spec in proptest::collection::vec(record_strategy(), 1..14),
        seed in any::<u64>(),
    ) {
        let records = build(&spec);
        let mut shuffled = records.clone();
        // Fisher-Yates with a tiny deterministic generator.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let a = IdentityGraph::new(Config::new()).unwrap();
        a.upsert_batch(records).unwrap();
        let b = IdentityGraph::new(Config::new()).unwrap();
        b.upsert_batch(shuffled).unwrap();
        prop_assert_eq!(partition(&a), partition(&b));
        // Same customer ids too: they are numbered by anchor, not by arrival.
        let ids_a: Vec<_> = a.assignments().into_iter().map(|(r, c)| (r.to_string(), c)).collect();
        let ids_b: Vec<_> = b.assignments().into_iter().map(|(r, c)| (r.to_string(), c)).collect();
        prop_assert_eq!(ids_a, ids_b);
    }

    #[test]
    fn properties_random_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        for r in idgraph::read_jsonl(&bytes[..]) {
            if let Err(e) = r {
                prop_assert!(e.line().is_some());
            }
        }
    }
}

/// The same records give the same customers and ids on one thread or several.
#[test]
fn properties_thread_count_does_not_change_the_result() {
    let records = crate::support::background(20_000);
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let g = IdentityGraph::new(Config::new()).unwrap();
            g.upsert_batch(records.clone()).unwrap();
            g.assignments()
                .into_iter()
                .map(|(r, c)| (r.to_string(), c))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(run(1), run(3));
}
