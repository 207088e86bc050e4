//! End-to-end resolve throughput in records per second, at 10,000 and 100,000
//! records, next to an exact-match baseline.
//!
//! "idgraph" is what a caller pays: `IdentityGraph::new` and one
//! `upsert_batch` of all the records (normalize on all cores, block, score,
//! guard, number customers). The records are cloned before the clock starts
//! and the graph is dropped after it stops. Every run starts with cold
//! per-thread caches (see [`idgraph_cold`]).
//!
//! "exact baseline" is the simplest resolver that still normalizes: the four
//! identifiers go through `idgraph::normalize` (so placeholders and opt-out
//! IDs are refused as idgraph refuses them), records sharing a normalized
//! value are joined with union-find, and nothing else: no fuzzy matching, no
//! guards, one thread. The gap between the two is the price of the fuzzy
//! matching and the guards.
//!
//! Inputs, all from the bundled sample (`tests/data/omni-dev-20k`):
//! - 10k: its first 10,000 records;
//! - 100k: the 20,000 records and four perturbed copies of them (see
//!   [`copy_record`]), so the copies are other customers with the same mess,
//!   not duplicates of the originals. Nothing big is committed or generated
//!   on disk.
//!
//! Every timed run's customer count is checked outside the clock: equal to
//! the first run's (the partition is deterministic) and in a sane range (see
//! [`bounds`]): a resolver that got fast by merging everything, or nothing,
//! fails, and so does a 100k input whose copies merged into the originals.

use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::ops::RangeInclusive;
use std::time::{Duration, Instant};

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use idgraph::normalize::{self, LoyaltyScheme};
use idgraph::{Config, IdentityGraph, Record, RejectReason};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/omni-dev-20k");

/// Perturbed copies added to the 20,000 sample records for the 100k input.
const COPIES: u8 = 4;

/// What copy `k` inserts into email local parts (index `k % 4`): two digits,
/// both different from every other copy's, so that no two copies are one
/// typo apart.
const EMAIL_TAGS: [&str; COPIES as usize] = ["24", "13", "57", "80"];

fn load_records() -> Vec<Record> {
    let path = format!("{DATA}/records.jsonl");
    let file = File::open(&path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    idgraph::read_jsonl(BufReader::new(file))
        .map(|r| r.unwrap_or_else(|e| panic!("bad record in {path}: {e}")))
        .collect()
}

/// The labelled person of each sample record, in file order.
fn load_truth() -> HashMap<String, String> {
    #[derive(serde::Deserialize)]
    struct Label {
        id: String,
        entity: String,
    }
    let path = format!("{DATA}/truth.jsonl");
    let file = File::open(&path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    BufReader::new(file)
        .lines()
        .map(|line| {
            let line = line.unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
            let label: Label =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("bad label in {path}: {e}"));
            (label.id, label.entity)
        })
        .collect()
}

/// The number of labelled people among `records`; a copy's records belong to
/// the copy's own people (ids `r0000001-2` -> entity of `r0000001`, copy 2).
fn people(records: &[Record], truth: &HashMap<String, String>) -> usize {
    records
        .iter()
        .map(|r| {
            let (base, copy) = r.id().split_once('-').unwrap_or((r.id(), ""));
            let entity = truth
                .get(base)
                .unwrap_or_else(|| panic!("record {} has no label", r.id()));
            (entity.as_str(), copy)
        })
        .collect::<HashSet<_>>()
        .len()
}

// ---------------------------------------------------------------------------
// The 100k input

/// Copy `k` (1 to 4) of a sample record: a different customer whose values
/// are as messy as the original's.
///
/// Three rules make the copies other customers rather than duplicates:
///
/// - All spellings of one value change alike: the sample spells one
///   customer's phone `(415) 555-0132` on one record and `+14155550132` on
///   another, and their copies must still agree (so changes count digits
///   from the right, past any punctuation).
/// - Copies differ from each other and from the original by at least two
///   edits: idgraph scores values one typo apart (emails, phones, loyalty
///   IDs, birth dates, postal codes) as the same value typed twice, and with
///   the kept name that would merge a copy into its original.
/// - Junk stays junk: placeholders and opt-out IDs are kept, so they recur
///   across copies as they would in a larger population.
///
/// Per field:
///
/// - email: two copy-specific digits before the `+` tag or the `@`
///   (`jane.doe13@gmail.com`);
/// - phone: each of the last four digits plus `k` (mod 10);
/// - loyalty ID: digits 3 and 5 from the right plus and minus `k`, which
///   keeps a Luhn check digit valid;
/// - device ID: each of the last four hex digits plus `k` (mod 16);
/// - birth date: when it normalizes, the canonical form with the year minus
///   `11 * k` (both year digits change; 29 February becomes the 28th when
///   needed); as raw text the spellings of one date (`12/04/1990`,
///   `19900412`) have no digit that reliably lines up, so copies spell it
///   cleanly;
/// - postal code: likewise canonical, its last two digits plus `k` each
///   (a US ZIP+4 and its ZIP5 differ in their last digits as raw text);
/// - address: another sample address (see [`AddressSwap`]);
/// - name, country, channel and timestamp are kept: many people share a name.
fn copy_record(r: &Record, k: u8, scheme: &LoyaltyScheme, addresses: &AddressSwap) -> Record {
    let id = format!("{}-{k}", r.id());
    let mut c = Record::new(id).unwrap_or_else(|e| panic!("copy of {}: {e}", r.id()));
    let country = r.get_country();
    let k32 = u32::from(k);
    c = keep(c, r.get_source(), Record::source);
    c = keep(c, r.get_ts(), Record::ts);
    c = keep(c, r.get_name(), Record::name);
    c = keep(c, r.get_given_name(), Record::given_name);
    c = keep(c, r.get_family_name(), Record::family_name);
    c = keep(c, country, Record::country);
    for raw in r.emails() {
        let v = match normalize::email(raw) {
            Err(RejectReason::Placeholder) => raw.clone(),
            _ => match raw.find(['+', '@']) {
                Some(at) => {
                    let (local, rest) = raw.split_at(at);
                    format!(
                        "{local}{}{rest}",
                        EMAIL_TAGS[usize::from(k) % EMAIL_TAGS.len()]
                    )
                }
                None => raw.clone(),
            },
        };
        c = c.email(v);
    }
    for raw in r.phones() {
        let v = match normalize::phone(raw, country) {
            Err(RejectReason::Placeholder) => raw.clone(),
            _ => shift_digits(raw, 10, false, |n| (n <= 4).then_some(k32)),
        };
        c = c.phone(v);
    }
    for raw in r.loyalty_ids() {
        let v = match normalize::loyalty_id(raw, scheme) {
            Err(RejectReason::Placeholder) => raw.clone(),
            _ => shift_digits(raw, 10, false, |n| match n {
                3 => Some(k32),
                5 => Some(10 - k32 % 10),
                _ => None,
            }),
        };
        c = c.loyalty_id(v);
    }
    for raw in r.device_ids() {
        let v = match normalize::device_id(raw) {
            Err(RejectReason::Placeholder | RejectReason::OptOut) => raw.clone(),
            _ => {
                let upper = !raw.bytes().any(|b| matches!(b, b'a'..=b'f'));
                shift_digits(raw, 16, upper, |n| (n <= 4).then_some(k32))
            }
        };
        c = c.device_id(v);
    }
    if let Some(raw) = r.get_birth_date() {
        let v = match normalize::birth_date(raw, country) {
            Ok(d) => {
                let year = d.year().saturating_sub(11 * u16::from(k));
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                let day = if d.month() == 2 && d.day() == 29 && !leap {
                    28
                } else {
                    d.day()
                };
                format!("{year:04}-{:02}-{day:02}", d.month())
            }
            Err(_) => raw.to_string(),
        };
        c = c.birth_date(v);
    }
    if let Some(raw) = r.get_postal_code() {
        let v = match normalize::postal_code(raw, country) {
            Ok(p) => shift_digits(p.as_str(), 10, false, |n| (n <= 2).then_some(k32)),
            Err(_) => raw.to_string(),
        };
        c = c.postal_code(v);
    }
    if let Some(raw) = r.get_address() {
        c = c.address(addresses.swap(raw, k));
    }
    c
}

/// Gives each copy other addresses than the original's.
///
/// A changed house number or street letter is not enough: idgraph scores two
/// addresses with a Jaro-Winkler similarity of 0.93 or more as one address
/// typed twice, and with the same name that merges a copy into its original.
/// So copy `k` moves every address to another one of the sample: the distinct
/// canonical addresses are ordered, and the one at index `i` becomes the one
/// at `i + k * n / 5` (mod `n`), written as the sample first spelled it. One
/// customer's spellings of one address still agree within a copy (typo
/// variants, which normalize differently, now land on unrelated addresses:
/// a little less address evidence in copies).
struct AddressSwap {
    /// Canonical address to its index among the distinct ones.
    index: HashMap<String, usize>,
    /// The first raw spelling of each distinct canonical address, by index.
    spelling: Vec<String>,
}

impl AddressSwap {
    fn new(sample: &[Record]) -> AddressSwap {
        let mut first: std::collections::BTreeMap<String, String> = Default::default();
        for raw in sample.iter().filter_map(Record::get_address) {
            if let Ok(a) = normalize::address(raw) {
                first
                    .entry(a.as_str().to_string())
                    .or_insert_with(|| raw.to_string());
            }
        }
        let index = first
            .keys()
            .enumerate()
            .map(|(i, a)| (a.clone(), i))
            .collect();
        AddressSwap {
            index,
            spelling: first.into_values().collect(),
        }
    }

    fn swap(&self, raw: &str, k: u8) -> String {
        let n = self.spelling.len();
        let found = normalize::address(raw)
            .ok()
            .and_then(|a| self.index.get(a.as_str()).copied());
        match found {
            Some(i) => {
                self.spelling[(i + usize::from(k) * n / (usize::from(COPIES) + 1)) % n].clone()
            }
            None => raw.to_string(),
        }
    }
}

fn keep(c: Record, value: Option<&str>, set: fn(Record, String) -> Record) -> Record {
    match value {
        Some(v) => set(c, v.to_string()),
        None => c,
    }
}

/// `raw` with `delta(n)` added (mod `radix`) to its `n`-th ASCII digit of
/// that radix, counted from the right from 1. Other characters are kept.
fn shift_digits(
    raw: &str,
    radix: u32,
    upper: bool,
    delta: impl Fn(usize) -> Option<u32>,
) -> String {
    let mut chars: Vec<char> = raw.chars().collect();
    let mut n = 0;
    for ch in chars.iter_mut().rev() {
        let Some(d) = ch.to_digit(radix) else {
            continue;
        };
        n += 1;
        if let Some(k) = delta(n) {
            if let Some(new) = char::from_digit((d + k) % radix, radix) {
                *ch = if upper { new.to_ascii_uppercase() } else { new };
            }
        }
    }
    chars.into_iter().collect()
}

fn hundred_k(sample: &[Record]) -> Vec<Record> {
    let scheme = LoyaltyScheme::infer(
        sample
            .iter()
            .flat_map(|r| r.loyalty_ids().iter().map(String::as_str)),
    );
    let addresses = AddressSwap::new(sample);
    let mut records = sample.to_vec();
    for k in 1..=COPIES {
        records.extend(
            sample
                .iter()
                .map(|r| copy_record(r, k, &scheme, &addresses)),
        );
    }
    records
}

// ---------------------------------------------------------------------------
// The resolvers

fn resolve_idgraph(records: Vec<Record>) -> IdentityGraph {
    let graph = IdentityGraph::new(Config::new()).unwrap_or_else(|e| panic!("default config: {e}"));
    graph
        .upsert_batch(records)
        .unwrap_or_else(|e| panic!("upsert_batch: {e}"));
    graph
}

/// Union-find over record indices, path halving and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a as usize] >= self.size[b as usize] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
    }

    fn roots(&mut self) -> usize {
        (0..self.parent.len() as u32)
            .filter(|&x| self.find(x) == x)
            .count()
    }
}

/// The exact-match baseline; returns the number of customers.
fn resolve_exact(records: &[Record]) -> usize {
    let scheme = LoyaltyScheme::infer(
        records
            .iter()
            .flat_map(|r| r.loyalty_ids().iter().map(String::as_str)),
    );
    let mut uf = UnionFind::new(records.len());
    // One map per identifier kind: an email never equals a device ID anyway,
    // and separate maps keep the keys free of a kind tag.
    let mut first: [HashMap<String, u32>; 4] = Default::default();
    for (i, r) in records.iter().enumerate() {
        let i = i as u32;
        let country = r.get_country();
        let mut link = |kind: usize, value: Option<String>| {
            if let Some(v) = value {
                match first[kind].entry(v) {
                    Entry::Occupied(e) => uf.union(*e.get(), i),
                    Entry::Vacant(e) => {
                        e.insert(i);
                    }
                }
            }
        };
        for v in r.emails() {
            link(0, normalize::email(v).ok().map(|e| e.as_str().to_string()));
        }
        for v in r.phones() {
            link(
                1,
                normalize::phone(v, country)
                    .ok()
                    .map(|p| p.as_str().to_string()),
            );
        }
        for v in r.loyalty_ids() {
            link(
                2,
                normalize::loyalty_id(v, &scheme)
                    .ok()
                    .map(|l| l.as_str().to_string()),
            );
        }
        for v in r.device_ids() {
            link(
                3,
                normalize::device_id(v).ok().map(|d| d.as_str().to_string()),
            );
        }
    }
    uf.roots()
}

// ---------------------------------------------------------------------------
// The bench

/// Times one idgraph resolve on threads that have never normalized a value.
///
/// The phone normalizer remembers outcomes per thread; on the pool threads of
/// earlier runs the cache would already hold every number of the input, a
/// saving no first resolve of new data gets (several times faster on the
/// normalize phase). A fresh pool, built before the clock starts, makes every
/// run a first run, as `idgraph resolve` on a new file is.
fn idgraph_cold(records: Vec<Record>) -> (Duration, IdentityGraph) {
    let pool = rayon::ThreadPoolBuilder::new()
        .build()
        .unwrap_or_else(|e| panic!("thread pool: {e}"));
    let start = Instant::now();
    let graph = black_box(pool.install(|| resolve_idgraph(records)));
    (start.elapsed(), graph)
}

/// Times one exact-baseline resolve on a fresh thread, for the same reason.
fn exact_cold(records: &[Record]) -> (Duration, usize) {
    std::thread::scope(|s| {
        s.spawn(|| {
            let start = Instant::now();
            let customers = black_box(resolve_exact(black_box(records)));
            (start.elapsed(), customers)
        })
        .join()
    })
    .unwrap_or_else(|_| panic!("exact baseline panicked"))
}

/// The customer counts a sane resolver gives on `records` records of
/// `people` labelled people; `per_sample` is its count on the 20,000 sample
/// records when `records` are the sample and its copies.
fn bounds(records: usize, people: usize, per_sample: Option<usize>) -> RangeInclusive<usize> {
    // Records that share nothing cannot be joined, so there are more
    // customers than labelled people (about 1.2 to 1.4 times here), but well
    // under one per record. Merging everything or nothing falls outside.
    let mut low = people * 9 / 10;
    let mut high = (people + records) / 2;
    // The copies are other customers: about (COPIES + 1) times the sample's
    // count. Checked to 2 %: merges across copies (a value of one copy equal
    // to another's by chance) or lost within copies (typo variants of an
    // address, see `AddressSwap`) stay well under that.
    if let Some(n) = per_sample {
        let about = n * (usize::from(COPIES) + 1);
        low = low.max(about * 98 / 100);
        high = high.min(about * 102 / 100);
    }
    low..=high
}

/// Checks a run's customer count, outside the clock.
fn check(
    name: &str,
    size: usize,
    customers: usize,
    reference: &mut Option<usize>,
    sane: &RangeInclusive<usize>,
) {
    let reference = *reference.get_or_insert(customers);
    assert_eq!(
        customers, reference,
        "{name} at {size}: customer count changed between identical runs"
    );
    assert!(
        sane.contains(&customers),
        "{name} at {size}: {customers} customers, expected {sane:?}"
    );
}

fn bench_resolve(c: &mut Criterion) {
    let sample = load_records();
    let truth = load_truth();
    let per_sample_idgraph = resolve_idgraph(sample.clone()).stats().customers;
    let per_sample_exact = resolve_exact(&sample);
    let ten_k = sample.get(..10_000).unwrap_or(&sample).to_vec();
    let hundred_k = hundred_k(&sample);
    // (records, copies of the sample?, measurement seconds)
    let inputs = [(ten_k, false, 10), (hundred_k, true, 30)];

    let mut group = c.benchmark_group("resolve");
    // One run takes from a fraction of a second to seconds: flat sampling
    // with the minimum 10 samples keeps the bench to a few minutes.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(2));
    for (records, copies, seconds) in &inputs {
        let size = records.len();
        let people = people(records, &truth);
        group.throughput(Throughput::Elements(size as u64));
        group.measurement_time(Duration::from_secs(*seconds));

        let sane = bounds(size, people, copies.then_some(per_sample_idgraph));
        let mut reference = None;
        group.bench_with_input(BenchmarkId::new("idgraph", size), records, |b, records| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let (elapsed, graph) = idgraph_cold(records.clone());
                    total += elapsed;
                    check(
                        "idgraph",
                        size,
                        graph.stats().customers,
                        &mut reference,
                        &sane,
                    );
                }
                total
            });
        });

        let sane = bounds(size, people, copies.then_some(per_sample_exact));
        let mut reference = None;
        group.bench_with_input(
            BenchmarkId::new("exact baseline", size),
            records,
            |b, records| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (elapsed, customers) = exact_cold(records);
                        total += elapsed;
                        check("exact baseline", size, customers, &mut reference, &sane);
                    }
                    total
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_resolve);
criterion_main!(benches);
