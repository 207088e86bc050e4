//! The store's numbers, as an ignored test (examples are public API surface,
//! and the store is crate-private). Run it with:
//!
//! ```text
//! cargo run --release --example generate -- --records 1M --seed 11 --out /tmp/store/1m.jsonl
//! IDGRAPH_STORE_MEASURE_JSONL=/tmp/store/1m.jsonl \
//!     cargo test --release --lib store::measure -- --ignored --nocapture
//! ```
//!
//! Then, for the load's own time and peak RSS in a fresh process, rerun with
//! `IDGRAPH_STORE_MEASURE_KEEP=1` and pass the printed path to
//! `store_measure_load` as `IDGRAPH_STORE_MEASURE_OPEN`.
//!
//! Without `IDGRAPH_STORE_MEASURE_JSONL` it uses one million synthetic records. The store is
//! written under `IDGRAPH_STORE_MEASURE_DIR` (default: the temp directory);
//! put it on the disk you care about, since fsync cost is the disk's.

// Test code unwraps: a panic is how a test reports a broken precondition.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use super::tests::record_bytes;
use super::{ChangeSet, Durability, Store};

/// This process's resident set now and its peak since the last reset, in MiB (Linux only).
fn rss_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Resets the peak-RSS counter (Linux: writing 5 to clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn single_commits(store: &mut Store, tag: &str, n: usize, next: u64) -> (Duration, Duration) {
    let mut lat = Vec::with_capacity(n);
    for i in 0..n {
        let id = format!("single-{tag}-{i:06}");
        let bytes = record_bytes(&id, &format!("{id}@example.com"), "Sam Single");
        let changes = ChangeSet {
            upserts: vec![(&id, &bytes)],
            assignments: vec![(&id, next + i as u64)],
            next_customer: next + i as u64 + 1,
            ..ChangeSet::default()
        };
        let t = Instant::now();
        store.commit(&changes).unwrap();
        lat.push(t.elapsed());
    }
    lat.sort();
    (percentile(&lat, 0.5), percentile(&lat, 0.99))
}

#[test]
#[ignore = "measurement: minutes of disk I/O; run by hand (see module docs)"]
fn store_measure() {
    let records: Vec<(String, Vec<u8>)> = match std::env::var_os("IDGRAPH_STORE_MEASURE_JSONL") {
        Some(path) => {
            let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
            crate::read_jsonl(file)
                .map(|r| {
                    let r = r.unwrap();
                    (r.id().to_string(), r.encode_compact())
                })
                .collect()
        }
        None => (0..1_000_000)
            .map(|i| {
                let id = format!("synthetic-{i:07}");
                let bytes = record_bytes(&id, &format!("person{i}@example.com"), "Pat Example");
                (id, bytes)
            })
            .collect(),
    };
    let n = records.len();
    let value_bytes: usize = records.iter().map(|(_, b)| b.len()).sum();
    let key_bytes: usize = records.iter().map(|(id, _)| id.len()).sum();
    eprintln!(
        "{n} records, compact value {:.0} B and id {:.1} B on average",
        value_bytes as f64 / n as f64,
        key_bytes as f64 / n as f64
    );
    let dir = std::env::var_os("IDGRAPH_STORE_MEASURE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("idgraph-store-measure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store");

    let (rss0, _) = rss_mib();
    reset_peak();
    let (mut store, _) = Store::open(&path, Durability::Immediate).unwrap();
    let t = Instant::now();
    for (batch, chunk) in records.chunks(10_000).enumerate() {
        let changes = ChangeSet {
            upserts: chunk
                .iter()
                .map(|(id, b)| (id.as_str(), b.as_slice()))
                .collect(),
            assignments: chunk
                .iter()
                .map(|(id, _)| (id.as_str(), batch as u64))
                .collect(),
            next_customer: batch as u64 + 1,
            ..ChangeSet::default()
        };
        store.commit(&changes).unwrap();
    }
    let bulk = t.elapsed();
    let (_, peak) = rss_mib();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "bulk Immediate, batches of 10,000: {:.1} s, {:.0} records/s; peak RSS {:.0} MiB ({:.0} MiB above the input data)",
        bulk.as_secs_f64(),
        n as f64 / bulk.as_secs_f64(),
        peak,
        peak - rss0
    );
    eprintln!(
        "file after bulk load: {:.1} MiB, {:.0} B per record",
        size as f64 / (1 << 20) as f64,
        size as f64 / n as f64
    );

    let (p50, p99) = single_commits(&mut store, "imm", 1000, 1_000_000);
    eprintln!("single-record commit, Immediate: p50 {p50:.2?}, p99 {p99:.2?}");
    drop(store);
    let (mut store, _) = Store::open(&path, Durability::Eventual).unwrap();
    let (p50, p99) = single_commits(&mut store, "evt", 5000, 2_000_000);
    eprintln!("single-record commit, Eventual: p50 {p50:.2?}, p99 {p99:.2?}");

    let t = Instant::now();
    store.compact().unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "compact: {:.1} s; file {:.1} MiB, {:.0} B per record",
        t.elapsed().as_secs_f64(),
        size as f64 / (1 << 20) as f64,
        size as f64 / n as f64
    );
    drop(store);
    if std::env::var_os("IDGRAPH_STORE_MEASURE_KEEP").is_some() {
        eprintln!("kept {}", path.display());
    } else {
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Opening and loading on its own, so that the peak RSS is the load's alone:
/// `IDGRAPH_STORE_MEASURE_OPEN=<store file>` (one kept by `store_measure`).
#[test]
#[ignore = "measurement: run by hand (see module docs)"]
fn store_measure_load() {
    let path =
        std::env::var_os("IDGRAPH_STORE_MEASURE_OPEN").expect("set IDGRAPH_STORE_MEASURE_OPEN");
    let (rss0, _) = rss_mib();
    let t = Instant::now();
    let (store, snap) = Store::open(std::path::Path::new(&path), Durability::Immediate).unwrap();
    let elapsed = t.elapsed();
    let (rss1, peak) = rss_mib();
    let held: usize = snap.records.iter().map(|(id, b)| id.len() + b.len()).sum();
    eprintln!(
        "open + verify + load {} records: {:.2} s; RSS {rss0:.0} MiB before, {rss1:.0} MiB after, peak {peak:.0} MiB; snapshot payload {:.0} MiB",
        snap.records.len(),
        elapsed.as_secs_f64(),
        held as f64 / (1 << 20) as f64
    );
    drop(store);
}
