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
    spec.iter().enumerate().map(|(i, s)| one(i, s)).collect()
}

fn one(i: usize, &(e, p, n, d, dev): &Spec) -> Record {
    {
        {
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
        }
    }
}

/// The records in an order drawn from `seed` (Fisher-Yates with a tiny
/// deterministic generator).
fn shuffle(records: &[Record], seed: u64) -> Vec<Record> {
    let mut out = records.to_vec();
    let mut s = seed | 1;
    for i in (1..out.len()).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        out.swap(i, (s % (i as u64 + 1)) as usize);
    }
    out
}

#[derive(Clone, Debug)]
enum Op {
    Upsert(usize, Spec),
    Remove(usize),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..12usize, record_strategy()).prop_map(|(i, s)| Op::Upsert(i, s)),
        1 => (0..12usize).prop_map(Op::Remove),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn properties_shuffled_input_gives_same_customers(
        spec in proptest::collection::vec(record_strategy(), 1..14),
        seed in any::<u64>(),
    ) {
        let records = build(&spec);
        let shuffled = shuffle(&records, seed);
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

    /// Any sequence of upserts, updates and removes, then a re-estimation,
    /// gives the partition a fresh batch resolve of the surviving records gives.
    #[test]
    fn properties_realtime_sequence_then_reestimate_equals_batch(
        initial in proptest::collection::vec(record_strategy(), 0..8),
        ops in proptest::collection::vec(op_strategy(), 1..20),
    ) {
        let g = IdentityGraph::new(Config::new()).unwrap();
        g.upsert_batch(build(&initial)).unwrap();
        for op in &ops {
            match op {
                Op::Upsert(i, s) => { g.upsert(one(*i, s)).unwrap(); }
                Op::Remove(i) => { let _ = g.remove(&format!("r{i:02}")); }
            }
        }
        g.reestimate().unwrap();
        let survivors: Vec<Record> = g
            .assignments()
            .into_iter()
            .map(|(id, _)| g.record(&id).unwrap())
            .collect();
        let fresh = IdentityGraph::new(Config::new()).unwrap();
        fresh.upsert_batch(survivors).unwrap();
        prop_assert_eq!(partition(&g), partition(&fresh));
    }

    /// Records upserted one at a time, in any order, end in the same partition
    /// once re-estimated.
    #[test]
    fn properties_realtime_any_order_gives_same_partition(
        spec in proptest::collection::vec(record_strategy(), 1..12),
        seed in any::<u64>(),
    ) {
        let records = build(&spec);
        let shuffled = shuffle(&records, seed);
        let one_by_one = |rs: Vec<Record>| {
            let g = IdentityGraph::new(Config::new()).unwrap();
            for r in rs {
                g.upsert(r).unwrap();
            }
            g.reestimate().unwrap();
            partition(&g)
        };
        prop_assert_eq!(one_by_one(records), one_by_one(shuffled));
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

/// Every record id with its customer id, the records resolved in one batch
/// on a pool of `threads` threads.
fn assignments_on(records: &[Record], threads: usize) -> Vec<(String, idgraph::CustomerId)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let g = IdentityGraph::new(Config::new()).unwrap();
        g.upsert_batch(records.to_vec()).unwrap();
        g.assignments()
    })
}

/// The same records give the same customers and ids on one thread or several.
#[test]
fn properties_thread_count_does_not_change_the_result() {
    let records = crate::support::background(20_000);
    assert_eq!(assignments_on(&records, 1), assignments_on(&records, 3));
}

/// The same on an input large enough for every parallel path (normalizing
/// while reading, stage 1 in pieces, blocking in buckets): the bundled
/// sample four times over, under other ids.
#[test]
fn properties_thread_count_does_not_change_a_large_result() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/omni-dev-20k/records.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copies = String::new();
    for k in 0..4 {
        copies.push_str(&text.replace("{\"id\":\"", &format!("{{\"id\":\"c{k}-")));
    }
    let records: Vec<Record> = idgraph::read_jsonl(copies.as_bytes())
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(records.len(), 80_000);
    assert_eq!(assignments_on(&records, 1), assignments_on(&records, 3));
}

/// Text made of the pieces written dates and names are made of, in any order:
/// month names, numbers, ordinal endings, CJK date marks, Cyrillic and Greek
/// letters, separators.
fn date_or_name_text() -> impl Strategy<Value = String> {
    const PIECES: [&str; 24] = [
        "17",
        "4",
        "1979",
        "79",
        "0",
        "31",
        "th",
        "April",
        "apr",
        "März",
        "de",
        "of",
        "年",
        "月",
        "日",
        "년",
        "Иван",
        "Пётр",
        "ъ",
        "Ευάγγελος",
        "王",
        " ",
        "-",
        ",",
    ];
    proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(&PIECES[..]).prop_map(str::to_owned),
            "\\PC{0,3}"
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    // A fixed seed: the text reaches odd corners of Unicode, and CI must give
    // the same verdict on every run. Failures found with other seeds are kept
    // in proptest-regressions/ and replayed first.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20261207),
        ..ProptestConfig::default()
    })]

    /// A birth date read from any text reads back from its ISO form as the
    /// same date, under any country.
    #[test]
    fn properties_birth_dates_read_back(text in date_or_name_text(), us in any::<bool>()) {
        let country = if us { Some("US") } else { Some("JP") };
        if let Ok(d) = idgraph::normalize::birth_date(&text, country) {
            prop_assert_eq!(idgraph::normalize::birth_date(&d.to_string(), country), Ok(d));
        }
    }

    /// A name read from any text reads back from its tokens as the same name.
    #[test]
    fn properties_names_read_back(text in date_or_name_text()) {
        if let Ok(n) = idgraph::normalize::name(&text) {
            let again = idgraph::normalize::name(&n.tokens().join(" "));
            prop_assert_eq!(again.map(|a| a.tokens().to_vec()), Ok(n.tokens().to_vec()));
        }
    }

    /// A postal code of a country without rules normalizes to itself.
    #[test]
    fn properties_postal_codes_read_back(text in "[A-Za-z0-9 .-]{0,14}", country in "(SE|CZ|IE|LV|ZZ)") {
        if let Ok(p) = idgraph::normalize::postal_code(&text, Some(&country)) {
            prop_assert_eq!(
                idgraph::normalize::postal_code(p.as_str(), Some(&country)).map(|q| q.as_str().to_owned()),
                Ok(p.as_str().to_owned())
            );
        }
    }
}
