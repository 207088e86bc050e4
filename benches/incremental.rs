//! Real-time latency: one upsert, one update (values as they were), one edit
//! (values changed) and one removal on a graph already
//! holding many records, with the batch throughput beside it.
//!
//! The graph holds the first `IDGRAPH_BENCH_GRAPH` records of
//! `IDGRAPH_BENCH_FILE` (a JSONL file, for example 1,050,000 records from
//! `cargo run --release --example generate -- --records 1050000 --seed 11 --out /tmp/1m.jsonl`,
//! with `IDGRAPH_BENCH_GRAPH=1000000`); the records after them *arrive*: new
//! records of the same population, so most join a customer already there, as
//! a returning customer's new visit does. Without the variables, the bundled
//! 20,000-record sample is used (18,000 held, 2,000 arriving): the shape of
//! the run, not the figures to report.
//!
//! Estimates are fixed after the initial batch (`reestimate_growth(None)`),
//! as a service holding a large graph would run it, so no timed operation
//! includes a rebuild. Besides criterion's per-operation means, the bench
//! times each operation one by one and prints the median, p99 and maximum.

use std::fs::File;
use std::io::BufReader;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use idgraph::{Config, IdentityGraph, Record};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/omni-dev-20k/records.jsonl"
);

struct Setup {
    graph: IdentityGraph,
    held: Vec<Record>,
    arriving: Vec<Record>,
}

fn setup() -> Setup {
    let path = std::env::var("IDGRAPH_BENCH_FILE").unwrap_or_else(|_| SAMPLE.to_string());
    let file = File::open(&path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let mut records: Vec<Record> = idgraph::read_jsonl(BufReader::new(file))
        .filter_map(Result::ok)
        .collect();
    let held_n = std::env::var("IDGRAPH_BENCH_GRAPH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(records.len() * 9 / 10)
        .min(records.len());
    let arriving = records.split_off(held_n);
    let graph =
        IdentityGraph::new(Config::new().reestimate_growth(None)).unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    graph
        .upsert_batch(records.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    let batch = start.elapsed();
    // The first real-time change builds the index: not part of any timing.
    // (Upserting a held record as it is changes nothing: take it out and
    // put it back.)
    let start = Instant::now();
    if let Some(r) = records.first() {
        graph.remove(r.id()).unwrap_or_else(|e| panic!("{e}"));
        graph.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
    }
    let index = start.elapsed();
    eprintln!(
        "graph: {} records, {} customers; batch resolve {:.2} s ({:.0} records/s); index built in {:.2} s; {} arriving",
        graph.len(),
        graph.stats().customers,
        batch.as_secs_f64(),
        graph.len() as f64 / batch.as_secs_f64(),
        index.as_secs_f64(),
        arriving.len()
    );
    Setup {
        graph,
        held: records,
        arriving,
    }
}

/// A deterministic sample of indices below `n`.
fn picks(n: usize, count: usize) -> Vec<usize> {
    let mut s = 0x9e37_79b9_7f4a_7c15_u64;
    (0..count)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % n.max(1) as u64) as usize
        })
        .collect()
}

/// An edit: the record with one more email address, its own (the values
/// change, so the record is withdrawn, re-indexed and its region resolved).
fn edited(r: &Record) -> Record {
    let email = format!("{}.edit@fastmail.com", r.id());
    updated(r).email(email)
}

/// An update: the record with its timestamp moved on a second, its values
/// as they were (a channel sending a record again).
fn updated(r: &Record) -> Record {
    let ts = match r.get_ts() {
        Some(t) if t.ends_with("Z") && t.len() >= 20 => {
            let (head, _) = t.split_at(17);
            format!(
                "{head}{:02}Z",
                (t[17..19].parse::<u32>().unwrap_or(0) + 1) % 60
            )
        }
        _ => "2024-01-01T00:00:00Z".to_string(),
    };
    r.clone().ts(ts)
}

fn percentiles(name: &str, mut t: Vec<Duration>) {
    t.sort_unstable();
    let at = |q: f64| t[((t.len() as f64 * q) as usize).min(t.len() - 1)];
    println!(
        "{name:<8} n={:<6} median {:>8.1} µs  p90 {:>8.1} µs  p99 {:>8.1} µs  max {:>9.1} µs",
        t.len(),
        at(0.5).as_secs_f64() * 1e6,
        at(0.9).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        t[t.len() - 1].as_secs_f64() * 1e6
    );
}

/// Each operation timed on its own, graph restored after each removal.
fn latency_table(s: &Setup) {
    let g = &s.graph;
    let mut upserts = Vec::with_capacity(s.arriving.len());
    for r in &s.arriving {
        let start = Instant::now();
        g.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
        upserts.push(start.elapsed());
    }
    let n = s.held.len().min(20_000);
    let mut updates = Vec::with_capacity(n);
    let mut edits = Vec::with_capacity(n);
    let mut removes = Vec::with_capacity(n);
    for i in picks(s.held.len(), n) {
        let r = &s.held[i];
        let u = updated(r);
        let start = Instant::now();
        g.upsert(u).unwrap_or_else(|e| panic!("{e}"));
        updates.push(start.elapsed());
        let e = edited(r);
        let start = Instant::now();
        g.upsert(e).unwrap_or_else(|e| panic!("{e}"));
        edits.push(start.elapsed());
        let start = Instant::now();
        let removed = g.remove(r.id()).is_ok();
        let took = start.elapsed();
        if removed {
            removes.push(took);
            g.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // Leave the graph as it started.
    for r in &s.arriving {
        let _ = g.remove(r.id());
    }
    println!("graph of {} records:", g.len());
    percentiles("upsert", upserts);
    percentiles("update", updates);
    percentiles("edit", edits);
    percentiles("remove", removes);
}

fn bench_incremental(c: &mut Criterion) {
    let s = setup();
    if !std::env::args().any(|a| a == "--test") {
        latency_table(&s);
    }
    let mut group = c.benchmark_group("incremental");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    let g = &s.graph;
    let mut next = 0usize;
    group.bench_function("upsert new record", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let r = &s.arriving[next % s.arriving.len()];
                next += 1;
                // Recycled arrivals are erased first, outside the clock, so each
                // timed upsert is a genuine insert.
                let _ = g.remove(r.id());
                let start = Instant::now();
                g.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
                total += start.elapsed();
            }
            total
        })
    });
    let picked = picks(s.held.len(), 4096);
    let mut k = 0usize;
    group.bench_function("remove record", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let r = &s.held[picked[k % picked.len()]];
                k += 1;
                let start = Instant::now();
                let _ = g.remove(r.id());
                total += start.elapsed();
                g.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench_incremental);
criterion_main!(benches);
