//! The graph on disk: batch ingest in batches of 10,000 and single upserts,
//! each write committed before it returns (`Durability::Immediate`).
//!
//! Records come from `IDGRAPH_BENCH_FILE` (for example 1,000,000 generated
//! records: `cargo run --release --example generate -- --records 1M --seed 11 --out /tmp/1m.jsonl`),
//! or the bundled 20,000-record sample. The ingest is timed once, end to end,
//! and printed with records per second and the file size per record; the
//! single upserts (records of the same population arriving after the graph
//! holds 90% of the input) are timed one by one and printed as median, p99
//! and maximum, and measured by criterion too.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use idgraph::{Config, Durability, IdentityGraph, Record};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/omni-dev-20k/records.jsonl"
);

fn records() -> Vec<Record> {
    let path = std::env::var("IDGRAPH_BENCH_FILE").unwrap_or_else(|_| SAMPLE.to_string());
    let file = File::open(&path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    idgraph::read_jsonl(BufReader::new(file))
        .filter_map(Result::ok)
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("idgraph-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir.join("graph.idg")
}

fn bench_durable(c: &mut Criterion) {
    let all = records();
    let quick = std::env::args().any(|a| a == "--test");
    let config = Config::new().durability(Durability::Immediate);
    if !quick {
        let path = scratch("ingest");
        let graph = IdentityGraph::open(&path, config.clone()).unwrap_or_else(|e| panic!("{e}"));
        let start = Instant::now();
        for batch in all.chunks(10_000) {
            graph
                .upsert_batch(batch.to_vec())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let secs = start.elapsed().as_secs_f64();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "ingest: {} records in batches of 10,000: {secs:.2} s, {:.0} records/s, file {:.0} bytes/record",
            all.len(),
            all.len() as f64 / secs,
            size as f64 / all.len().max(1) as f64
        );
        drop(graph);
        let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
    }
    // Single upserts on a graph holding 90% of the records.
    let path = scratch("single");
    let held = all.len() * 9 / 10;
    let graph = IdentityGraph::open(&path, config.reestimate_growth(None))
        .unwrap_or_else(|e| panic!("{e}"));
    graph
        .upsert_batch(all[..held].to_vec())
        .unwrap_or_else(|e| panic!("{e}"));
    let arriving = &all[held..];
    // The first real-time change builds the key index: not part of any timing.
    // (Upserting a held record as it is changes nothing: take it out and
    // put it back.)
    graph.remove(all[0].id()).unwrap_or_else(|e| panic!("{e}"));
    graph
        .upsert(all[0].clone())
        .unwrap_or_else(|e| panic!("{e}"));
    if !quick {
        let mut times: Vec<Duration> = arriving
            .iter()
            .take(5_000)
            .map(|r| {
                let start = Instant::now();
                graph.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
                start.elapsed()
            })
            .collect();
        times.sort_unstable();
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "durable upsert on {held} records: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            at(0.5).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3
        );
    }
    let mut k = 0usize;
    c.bench_function("durable upsert", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let r = &arriving[k % arriving.len()];
                k += 1;
                let start = Instant::now();
                graph.upsert(r.clone()).unwrap_or_else(|e| panic!("{e}"));
                total += start.elapsed();
            }
            total
        })
    });
    drop(graph);
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5));
    targets = bench_durable
}
criterion_main!(benches);
