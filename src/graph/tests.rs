//! The real-time invariant, checked against the crate's internals: after any
//! sequence of upserts and removes, the partition equals a resolve of all
//! records held with the same estimates.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::cluster::{self, Scope};
use super::IdentityGraph;
use crate::{Config, Record};

// Few distinct values, so that records collide, customers merge and split, and
// values turn generic: the same person typed several ways, a shared household
// phone, a store phone, people sharing family names and birth dates.
const EMAILS: [&str; 5] = [
    "ana.lima@gmail.com",
    "ANALIMA@gmail.com",
    "analima1@gmail.com",
    "bruno.koch@outlook.com",
    "carla1980@yahoo.com",
];
const PHONES: [&str; 4] = [
    "+44 7412 183976",
    "07412 183979",
    "+44 20 7946 0958",
    "+55 11 98765-4321",
];
const NAMES: [&str; 7] = [
    "Ana Lima",
    "Lima, Ana",
    "Bruno Koch",
    "Bruno Lima",
    "B. Koch",
    "Carla Souza",
    "Dora Vance",
];
const DOBS: [&str; 3] = ["1980-01-02", "02/01/1980", "1975-12-31"];
const DEVICES: [&str; 2] = [
    "6f1c2a7e-3b9d-4c1e-9a51-2d7f0b8e4c13",
    "0d8e6b7a-5c3f-4e2d-8b1a-9f7c6e5d4b32",
];

const POSTAL: [&str; 2] = ["SW1A 1AA", "EC1A 1BB"];

/// Indexes into the value lists (email, phone, name, birth date, device,
/// postal code) and a day for the timestamp.
pub(super) type Spec = (
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    u8,
);

/// Record `r{id}` as the spec says (also the cluster tests' records).
pub(super) fn record(id: usize, &(e, p, n, d, dev, pc, ts): &Spec) -> Record {
    let mut r = Record::new(format!("r{id:02}"))
        .unwrap_or_else(|_| unreachable!())
        .country("GB")
        .ts(format!("2024-01-{:02}T00:00:00Z", 1 + ts % 28));
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
    if let Some(pc) = pc {
        r = r.postal_code(POSTAL[pc]);
    }
    r
}

pub(super) fn spec() -> impl Strategy<Value = Spec> {
    (
        proptest::option::of(0..EMAILS.len()),
        proptest::option::of(0..PHONES.len()),
        proptest::option::of(0..NAMES.len()),
        proptest::option::of(0..DOBS.len()),
        proptest::option::of(0..DEVICES.len()),
        proptest::option::of(0..POSTAL.len()),
        any::<u8>(),
    )
}

#[derive(Clone, Debug)]
enum Op {
    Upsert(usize, Spec),
    Remove(usize),
    /// Several upserts in one batch (ids may repeat: later versions win).
    Batch(Vec<(usize, Spec)>),
    /// The record held under this id sent again with another timestamp
    /// (nothing when the id is not held).
    Touch(usize, u8),
    /// Several touches in one batch.
    TouchMany(Vec<(usize, u8)>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..14usize, spec()).prop_map(|(i, s)| Op::Upsert(i, s)),
        1 => (0..14usize).prop_map(Op::Remove),
        1 => proptest::collection::vec((0..14usize, spec()), 2..6).prop_map(Op::Batch),
        1 => (0..14usize, any::<u8>()).prop_map(|(i, ts)| Op::Touch(i, ts)),
        1 => proptest::collection::vec((0..14usize, any::<u8>()), 2..5).prop_map(Op::TouchMany),
    ]
}

/// The partition as sets of record ids.
fn partition(graph: &IdentityGraph) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<_, Vec<String>> = BTreeMap::new();
    for (id, c) in graph.assignments() {
        groups.entry(c).or_default().push(id);
    }
    let mut out: Vec<Vec<String>> = groups.into_values().collect();
    out.sort();
    out
}

/// A resolve of every record held, with the graph's current estimates.
fn frozen_resolve(graph: &IdentityGraph) -> Vec<Vec<String>> {
    let st = graph.read();
    let Some(model) = st.model.as_ref() else {
        return Vec::new();
    };
    let mut records: Vec<_> = st
        .prepared
        .iter()
        .enumerate()
        .filter(|(s, _)| st.live[*s])
        .map(|(_, p)| p.clone())
        .collect();
    records.sort_by(|a, b| a.id.cmp(&b.id));
    let res = cluster::resolve_part(&records, &st.config, &model.weights, &Scope::default());
    let mut groups: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for (i, &l) in res.labels.iter().enumerate() {
        groups.entry(l).or_default().push(records[i].id.to_string());
    }
    let mut out: Vec<Vec<String>> = groups.into_values().collect();
    out.sort();
    out
}

fn run(initial: &[Spec], ops: &[Op]) -> IdentityGraph {
    run_with(Config::new(), initial, ops)
}

fn run_with(config: Config, initial: &[Spec], ops: &[Op]) -> IdentityGraph {
    let graph =
        IdentityGraph::new(config.reestimate_growth(None)).unwrap_or_else(|_| unreachable!());
    apply(&graph, initial, ops);
    graph
}

fn apply(graph: &IdentityGraph, initial: &[Spec], ops: &[Op]) {
    // The spec each id is held under, for touches.
    let mut held: BTreeMap<usize, Spec> = initial.iter().copied().enumerate().collect();
    let batch: Vec<Record> = initial
        .iter()
        .enumerate()
        .map(|(i, s)| record(i, s))
        .collect();
    graph.upsert_batch(batch).unwrap_or_else(|_| unreachable!());
    for op in ops {
        match op {
            Op::Upsert(i, s) => {
                graph
                    .upsert(record(*i, s))
                    .unwrap_or_else(|_| unreachable!());
                held.insert(*i, *s);
            }
            Op::Remove(i) => {
                let _ = graph.remove(&format!("r{i:02}"));
                held.remove(i);
            }
            Op::Batch(list) => {
                let records: Vec<Record> = list.iter().map(|(i, s)| record(*i, s)).collect();
                graph
                    .upsert_batch(records)
                    .unwrap_or_else(|_| unreachable!());
                held.extend(list.iter().copied());
            }
            Op::Touch(i, ts) => {
                if let Some(s) = held.get_mut(i) {
                    s.6 = *ts;
                    graph
                        .upsert(record(*i, s))
                        .unwrap_or_else(|_| unreachable!());
                }
            }
            Op::TouchMany(list) => {
                let mut records = Vec::new();
                for (i, ts) in list {
                    if let Some(s) = held.get_mut(i) {
                        s.6 = *ts;
                        records.push(record(*i, s));
                    }
                }
                graph
                    .upsert_batch(records)
                    .unwrap_or_else(|_| unreachable!());
            }
        }
    }
    // The graph holds the last version of every record, as it was sent.
    for (i, s) in &held {
        assert_eq!(graph.record(&format!("r{i:02}")), Some(record(*i, s)));
    }
}

/// A fresh store file for one durable test case, in a directory removed
/// when the case ends, failing or not (a proptest run makes hundreds).
struct ScratchStore(std::path::PathBuf);

impl ScratchStore {
    fn new() -> ScratchStore {
        static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("idgraph-graph-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        ScratchStore(dir)
    }

    fn path(&self) -> std::path::PathBuf {
        self.0.join("graph.idg")
    }
}

impl Drop for ScratchStore {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Real-time changes give exactly the partition a resolve of everything
    /// held gives with the same estimates; generic values agree too.
    #[test]
    fn incremental_equals_frozen_resolve(
        initial in proptest::collection::vec(spec(), 1..10),
        ops in proptest::collection::vec(op(), 1..24),
    ) {
        let graph = run(&initial, &ops);
        prop_assert_eq!(partition(&graph), frozen_resolve(&graph));
        // Every customer id is live and resolves to itself; ids are unique per customer.
        for (_, c) in graph.assignments() {
            prop_assert_eq!(graph.resolve_id(c), Some(c));
        }
    }

    /// The same with a tiny blocking cap and generic threshold, so that key
    /// groups cross the cap and values turn generic and back.
    #[test]
    fn incremental_equals_frozen_resolve_at_the_limits(
        initial in proptest::collection::vec(spec(), 1..10),
        ops in proptest::collection::vec(op(), 1..24),
    ) {
        let config = Config::new().block_cap(3).generic_min_people(2);
        let graph = run_with(config, &initial, &ops);
        prop_assert_eq!(partition(&graph), frozen_resolve(&graph));
    }

    /// The same with one email and one phone per customer: merges that would
    /// break a limit are refused, and a record joining a customer whose
    /// values it all holds already is taken by the fast path.
    #[test]
    fn incremental_equals_frozen_resolve_under_tight_limits(
        initial in proptest::collection::vec(spec(), 1..10),
        ops in proptest::collection::vec(op(), 1..24),
    ) {
        use crate::normalize::FieldKind;
        let config = Config::new()
            .max_per_customer(FieldKind::Email, 1)
            .max_per_customer(FieldKind::Phone, 1);
        let graph = run_with(config, &initial, &ops);
        prop_assert_eq!(partition(&graph), frozen_resolve(&graph));
    }

    /// An update that changes no evidence (a new timestamp) keeps its slot
    /// and customer without re-resolving: the same customer ids, events
    /// and partition as the full path give.
    #[test]
    fn touch_updates_match_the_full_path(
        initial in proptest::collection::vec(spec(), 1..10),
        ops in proptest::collection::vec(op(), 1..24),
    ) {
        let events = |graph: &IdentityGraph| {
            let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let sink = seen.clone();
            graph.set_subscriber(move |e| {
                if let Ok(mut v) = sink.lock() {
                    v.push(format!("{e:?}"));
                }
            });
            seen
        };
        let fast = IdentityGraph::new(Config::new().reestimate_growth(None))
            .unwrap_or_else(|_| unreachable!());
        let slow = IdentityGraph::new(Config::new().reestimate_growth(None))
            .unwrap_or_else(|_| unreachable!());
        slow.write().slow_updates = true;
        let (fast_events, slow_events) = (events(&fast), events(&slow));
        apply(&fast, &initial, &ops);
        apply(&slow, &initial, &ops);
        prop_assert_eq!(fast.assignments(), slow.assignments());
        prop_assert_eq!(partition(&fast), frozen_resolve(&fast));
        let (f, s) = (fast_events.lock().map(|v| v.clone()), slow_events.lock().map(|v| v.clone()));
        prop_assert_eq!(f.ok(), s.ok());
    }

    /// Replaying a sequence gives the same customer ids.
    #[test]
    fn replay_gives_same_ids(
        initial in proptest::collection::vec(spec(), 1..8),
        ops in proptest::collection::vec(op(), 1..16),
    ) {
        let a = run(&initial, &ops);
        let b = run(&initial, &ops);
        prop_assert_eq!(a.assignments(), b.assignments());
    }
}

proptest! {
    // Every write is committed to disk: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A store holds, for every record, the customer the graph gives it,
    /// after any writes, re-estimations included: only the assignments that
    /// changed are written, so one left out shows here.
    #[test]
    fn store_holds_every_assignment(
        initial in proptest::collection::vec(spec(), 1..8),
        ops in proptest::collection::vec(op(), 1..16),
        reestimate in any::<bool>(),
    ) {
        let scratch = ScratchStore::new();
        let path = scratch.path();
        let graph = IdentityGraph::open(&path, Config::new()).unwrap_or_else(|e| panic!("{e}"));
        apply(&graph, &initial, &ops);
        if reestimate {
            graph.reestimate().unwrap_or_else(|e| panic!("{e}"));
        }
        let expected: BTreeMap<String, u64> = graph
            .assignments()
            .into_iter()
            .map(|(id, c)| (id, c.as_u64()))
            .collect();
        // And every record as the graph holds it (an update that changed no
        // evidence replaced it in place: its new form must be written too).
        let held: BTreeMap<String, Option<Record>> =
            expected.keys().map(|id| (id.clone(), graph.record(id))).collect();
        drop(graph);
        let (_, snapshot) = crate::store::Store::open(&path, crate::Durability::Immediate)
            .unwrap_or_else(|e| panic!("{e}"));
        let stored: BTreeMap<String, u64> = snapshot
            .assignments
            .into_iter()
            .map(|(id, c)| (id.into(), c))
            .collect();
        let stored_records: BTreeMap<String, Option<Record>> = snapshot
            .records
            .iter()
            .map(|(id, bytes)| (id.to_string(), Record::decode_compact(id, bytes)))
            .collect();
        prop_assert_eq!(stored, expected);
        prop_assert_eq!(stored_records, held);
    }
}

/// A device shared by three customers is refused as shared because two of
/// them conflict (birth dates); the refusal names those two, but the third
/// customer took part too. Records joining through the email change what
/// the device meets, so the customers must be resolved again, not joined
/// by the fast path. Device ids link after the other kinds: in the end the
/// email holds its four records together (one with birth date 2), the
/// device meets them and the record with birth date 0 and links nobody;
/// the record that holds only the device ends with the email's customer,
/// the record with birth date 0 apart.
#[test]
fn joining_a_customer_of_a_value_refused_as_shared_re_resolves_it() {
    let initial: Vec<Spec> = vec![
        (None, None, None, None, None, None, 0),
        (None, None, None, None, Some(0), None, 0),
        (Some(3), None, None, None, Some(0), None, 0),
        (None, None, None, Some(0), Some(0), None, 0),
    ];
    let ops = [
        Op::Upsert(4, (Some(3), None, None, None, None, None, 0)),
        Op::Upsert(6, (Some(3), None, None, Some(2), None, None, 0)),
        Op::Upsert(5, (Some(3), None, None, None, None, None, 0)),
    ];
    for n in 0..=ops.len() {
        let graph = run(&initial, &ops[..n]);
        assert_eq!(
            partition(&graph),
            frozen_resolve(&graph),
            "after {n} changes"
        );
    }
    let graph = run(&initial, &ops);
    let expected: Vec<Vec<String>> = [&["r00"][..], &["r01", "r02", "r04", "r05", "r06"], &["r03"]]
        .iter()
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(partition(&graph), expected);
}

/// A record sent again with only a new timestamp keeps its customer, changes
/// nothing else, and its new timestamp is what the anchor rule reads later.
#[test]
fn touch_update_moves_the_anchor() {
    let graph = IdentityGraph::new(Config::new()).unwrap_or_else(|_| unreachable!());
    let rec = |id: &str| Record::new(id).unwrap_or_else(|_| unreachable!());
    graph
        .upsert_batch(vec![
            rec("a")
                .ts("2024-01-01T00:00:00Z")
                .email("kim.ortiz@gmail.com"),
            rec("b").ts("2024-03-01T00:00:00Z").phone("+1 312 555 0177"),
        ])
        .unwrap_or_else(|_| unreachable!());
    let (ca, cb) = (graph.customer_of("a"), graph.customer_of("b"));
    assert_ne!(ca, cb);
    let touched = graph
        .upsert(
            rec("a")
                .ts("2024-05-01T00:00:00Z")
                .email("Kim.Ortiz@gmail.com"),
        )
        .unwrap_or_else(|_| unreachable!());
    assert_eq!(Some(touched.customer()), ca);
    assert!(touched.events().is_empty());
    // `b` is now the earliest record: its customer's id survives the merge.
    let joined = graph
        .upsert(
            rec("c")
                .email("kim.ortiz@gmail.com")
                .phone("+1 312 555 0177"),
        )
        .unwrap_or_else(|_| unreachable!());
    assert_eq!(Some(joined.customer()), cb);
    assert_eq!(graph.customer_of("a"), cb);
}

/// A lone record may exceed a per-kind limit by itself (two emails where one
/// is allowed). A record that brings nothing new still cannot join it: the
/// merge would hold two emails, which the full path refuses. A customer of
/// several records, formed under the limit, takes such a record.
#[test]
fn a_record_bringing_nothing_new_joins_only_within_the_limits() {
    use crate::normalize::FieldKind;
    let config = Config::new()
        .reestimate_growth(None)
        .max_per_customer(FieldKind::Email, 1);
    let graph = IdentityGraph::new(config).unwrap_or_else(|_| unreachable!());
    let rec = |id: &str| Record::new(id).unwrap_or_else(|_| unreachable!());
    graph
        .upsert_batch(vec![
            rec("two-emails")
                .email("ana.lima@gmail.com")
                .email("ana.lima@outlook.com"),
            rec("pair-1").email("bruno.koch@outlook.com"),
            rec("pair-2")
                .email("bruno.koch@outlook.com")
                .phone("+44 7412 183976"),
            rec("other").email("carla1980@yahoo.com"),
        ])
        .unwrap_or_else(|_| unreachable!());
    graph
        .upsert(rec("joins-lone").email("ana.lima@gmail.com"))
        .unwrap_or_else(|_| unreachable!());
    graph
        .upsert(rec("joins-pair").email("bruno.koch@outlook.com"))
        .unwrap_or_else(|_| unreachable!());
    assert_eq!(partition(&graph), frozen_resolve(&graph));
    assert_ne!(
        graph.customer_of("joins-lone"),
        graph.customer_of("two-emails")
    );
    assert_eq!(graph.customer_of("joins-pair"), graph.customer_of("pair-1"));
    assert_eq!(graph.customer_of("pair-2"), graph.customer_of("pair-1"));
}

/// The second look at a value refused as shared (see `relink_refused_values`)
/// holds on the real-time path: one person's two loyalty cards, the till
/// phone on more records than the cap, the phone-only visits arriving before
/// the cards, between them, or after them, one at a time.
#[test]
fn a_value_relinked_after_the_scored_links_is_relinked_in_real_time() {
    let phone = "+40 722 649 618";
    let mut cards: Vec<Record> = Vec::new();
    for (prefix, card) in [("a", "LY-0794-4549"), ("b", "LY-4388-8155")] {
        for i in 1..=3 {
            let r = Record::new(format!("{prefix}{i}")).unwrap_or_else(|_| unreachable!());
            cards.push(r.loyalty_id(card).phone(phone).country("RO"));
        }
        let full = Record::new(format!("{prefix}9")).unwrap_or_else(|_| unreachable!());
        cards.push(
            full.loyalty_id(card)
                .name("Dorinel Negru")
                .birth_date("1967-03-21")
                .address("Piata Mihai Eminescu 44, Brasov")
                .postal_code("500007")
                .country("RO"),
        );
    }
    let visits: Vec<Record> = (1..=6)
        .map(|i| {
            let r = Record::new(format!("0t{i}")).unwrap_or_else(|_| unreachable!());
            r.phone(phone).country("RO")
        })
        .collect();
    let config = || Config::new().block_cap(4).reestimate_growth(None);
    let one_customer = |graph: &IdentityGraph| {
        let p = partition(graph);
        p.len() == 1 && p[0].len() == cards.len() + visits.len()
    };
    // Visits first (batch), cards one at a time; cards first, visits one at
    // a time; half and half, the rest interleaved.
    let orders: [(Vec<Record>, Vec<Record>); 3] = [
        (visits.clone(), cards.clone()),
        (cards.clone(), visits.clone()),
        (
            cards[..4].iter().chain(&visits[..3]).cloned().collect(),
            cards[4..]
                .iter()
                .zip(&visits[3..])
                .flat_map(|(c, v)| [c.clone(), v.clone()])
                .chain(cards[7..].iter().cloned())
                .collect(),
        ),
    ];
    for (n, graph) in one_at_a_time(config, orders).iter().enumerate() {
        assert!(one_customer(graph), "order {n}: {:?}", partition(graph));
    }
}

/// Applies each order (a first batch, then the rest one record at a time) to
/// a new graph, checking after every upsert that the partition is the one a
/// frozen resolve of the same records gives; returns the graphs.
fn one_at_a_time(
    config: impl Fn() -> Config,
    orders: impl IntoIterator<Item = (Vec<Record>, Vec<Record>)>,
) -> Vec<IdentityGraph> {
    let mut graphs = Vec::new();
    for (n, (first, rest)) in orders.into_iter().enumerate() {
        let graph = IdentityGraph::new(config()).unwrap_or_else(|_| unreachable!());
        graph.upsert_batch(first).unwrap_or_else(|_| unreachable!());
        for r in rest {
            graph.upsert(r).unwrap_or_else(|_| unreachable!());
            assert_eq!(partition(&graph), frozen_resolve(&graph), "order {n}");
        }
        graphs.push(graph);
    }
    graphs
}

/// The holders of a refused value that share their full name are linked (see
/// `same_full_name`), on the real-time path as in a batch: two nameless
/// records with two loyalty cards make the email shared, and the records
/// holding it under one name, more than the cap, arrive before, between
/// and after them, one at a time.
#[test]
fn holders_of_a_refused_value_with_one_name_are_linked_in_real_time() {
    let email = "ada.lovelace1815@gmail.com";
    let record = |id: String| Record::new(id).unwrap_or_else(|_| unreachable!());
    let cards: Vec<Record> = [("ca", "LY-1815-1210"), ("cb", "LY-1852-1127")]
        .into_iter()
        .map(|(id, card)| record(id.into()).email(email).loyalty_id(card))
        .collect();
    let named: Vec<Record> = (1..=8)
        .map(|i| record(format!("n{i}")).email(email).name("Ada Lovelace"))
        .collect();
    let config = || Config::new().block_cap(4).reestimate_growth(None);
    let orders: [(Vec<Record>, Vec<Record>); 3] = [
        (named.clone(), cards.clone()),
        (cards.clone(), named.clone()),
        (
            named[..3].iter().chain(&cards[..1]).cloned().collect(),
            named[3..6]
                .iter()
                .chain(&cards[1..])
                .chain(&named[6..])
                .cloned()
                .collect(),
        ),
    ];
    for (n, graph) in one_at_a_time(config, orders).iter().enumerate() {
        let p = partition(graph);
        assert!(
            p.iter().any(|c| c.len() == named.len()) && p.len() == 3,
            "order {n}: {p:?}"
        );
    }
}
