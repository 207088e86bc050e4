//! Crash test: a child process commits batches and reports each
//! acknowledged one; the parent kills it (SIGKILL on Unix) at random moments
//! and checks, after every kill, that every acknowledged batch is on disk and
//! that no batch is there in part.
//!
//! The store is crate-private, so the child is this test binary run again
//! with `IDGRAPH_STORE_CRASH_CHILD` set, selecting [`crash_child_process`].

// Test code unwraps: a panic is how a test reports a broken precondition.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::tests::{record_bytes, scratch_dir, Rng};
use super::{ChangeSet, Durability, Snapshot, Store};

const CHILD_ENV: &str = "IDGRAPH_STORE_CRASH_CHILD";
const DURABILITY_ENV: &str = "IDGRAPH_STORE_CRASH_DURABILITY";

/// Batch `b` holds this many records, all carrying `b` in id and content.
fn batch_len(b: u64) -> u64 {
    1 + (b * 7) % 40
}

fn record_id(b: u64, i: u64) -> String {
    format!("b{b:06}-r{i:02}")
}

/// Batch `b` removes every record of batch `b - 3` when `b` is a multiple of
/// 4, so removals are tested for atomicity too.
fn removes_batch(b: u64) -> Option<u64> {
    (b >= 3 && b.is_multiple_of(4)).then(|| b - 3)
}

fn record(b: u64, i: u64) -> (String, Vec<u8>) {
    let id = record_id(b, i);
    let bytes = record_bytes(
        &id,
        &format!("batch{b}.{i}@example.com"),
        &format!("Batch {b}"),
    );
    (id, bytes)
}

/// Commits batch `b`.
fn commit_batch(store: &mut Store, b: u64) {
    let records: Vec<(String, Vec<u8>)> = (0..batch_len(b)).map(|i| record(b, i)).collect();
    let removed: Vec<String> = removes_batch(b)
        .map(|old| (0..batch_len(old)).map(|i| record_id(old, i)).collect())
        .unwrap_or_default();
    let model = format!("model {b}").into_bytes();
    let changes = ChangeSet {
        upserts: records
            .iter()
            .map(|(id, v)| (id.as_str(), v.as_slice()))
            .collect(),
        removes: removed.iter().map(String::as_str).collect(),
        assignments: records.iter().map(|(id, _)| (id.as_str(), b)).collect(),
        redirects: vec![(b, b + 1)],
        next_customer: b + 1,
        model: Some(&model),
    };
    store.commit(&changes).unwrap();
}

/// What the store must hold after exactly `n` batches were committed.
fn expected(n: u64) -> Snapshot {
    let mut snap = Snapshot {
        next_customer: n,
        model: n
            .checked_sub(1)
            .map(|last| format!("model {last}").into_bytes()),
        ..Snapshot::default()
    };
    for b in 0..n {
        snap.redirects.push((b, b + 1));
        let removed = removes_batch(b + 3) == Some(b) && b + 3 < n;
        if removed {
            continue;
        }
        for i in 0..batch_len(b) {
            let (id, bytes) = record(b, i);
            snap.assignments.push((id.clone().into(), b));
            snap.records.push((id.into(), bytes.into()));
        }
    }
    snap
}

/// Child mode only (a no-op in a normal test run): commits batches forever,
/// printing `ack N` after batch N's commit returned.
#[test]
fn crash_child_process() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let durability = match std::env::var(DURABILITY_ENV).as_deref() {
        Ok("eventual") => Durability::Eventual,
        _ => Durability::Immediate,
    };
    let (mut store, snap) = Store::open(Path::new(&path), durability).unwrap();
    let mut out = std::io::stdout().lock();
    for b in snap.next_customer.. {
        commit_batch(&mut store, b);
        writeln!(out, "ack {b}").unwrap();
        out.flush().unwrap();
    }
}

/// Runs the child until a random moment, kills it, and returns the acked batches.
fn run_and_kill(path: &Path, durability: &str, delay: Duration, stderr: &Path) -> Vec<u64> {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "store::crash_tests::crash_child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, path)
        .env(DURABILITY_ENV, durability)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line
                .strip_prefix("ack ")
                .and_then(|n| n.parse::<u64>().ok())
            {
                let _ = tx.send(n);
            }
        }
    });
    std::thread::sleep(delay);
    if let Some(status) = child.try_wait().unwrap() {
        let err = std::fs::read_to_string(stderr).unwrap_or_default();
        panic!("child exited by itself ({status}):\n{err}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    rx.try_iter().collect()
}

/// Kills the child `kills` times and checks the store after each kill.
fn crash_loop(name: &str, durability: &str, kills: usize, max_delay_ms: u64, seed: u64) {
    let dir = scratch_dir(name);
    let path = dir.join("store");
    let stderr = dir.join("child-stderr");
    let mut rng = Rng(seed);
    let mut floor = 0u64; // batches known durable: acked (Immediate) or seen on reopen
    let mut mid_run_kills = 0;
    // On a loaded machine the child takes longer to acknowledge its first
    // batch: each kill that lands before it moves later kills on, so that
    // most still land mid-run, whatever the machine's speed.
    let mut warmup_ms = 0u64;
    for kill in 0..kills {
        let delay = Duration::from_millis(5 + warmup_ms + rng.below(max_delay_ms));
        let acks = run_and_kill(&path, durability, delay, &stderr);
        if acks.is_empty() {
            warmup_ms += 20;
        } else {
            mid_run_kills += 1;
        }
        let (store, snap) = Store::open(&path, Durability::Immediate)
            .unwrap_or_else(|e| panic!("kill {kill}: reopen failed: {e}"));
        drop(store);
        let n = snap.next_customer;
        if durability == "immediate" {
            if let Some(&last) = acks.iter().max() {
                floor = floor.max(last + 1);
            }
        }
        assert!(
            n >= floor,
            "kill {kill}: {n} batches on disk, {floor} were acknowledged"
        );
        assert!(
            snap == expected(n),
            "kill {kill}: store after {n} batches is not exactly those batches"
        );
        floor = n;
    }
    eprintln!("{name}: {kills} kills, {mid_run_kills} after at least one ack, {floor} batches");
    assert!(mid_run_kills * 2 >= kills, "most kills should land mid-run");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_survives_kill_at_random_moments() {
    crash_loop("crash-immediate", "immediate", 60, 250, 0x00c0_ffee);
}

#[test]
fn store_eventual_loses_only_whole_tail_batches_on_kill() {
    // Runs long enough to pass the one-second fsync point now and then.
    crash_loop("crash-eventual", "eventual", 8, 1600, 0x0bad_5eed);
}
