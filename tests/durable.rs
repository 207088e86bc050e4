//! The graph on disk: restart, erasure in the file, damage, and crashes.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use idgraph::{Config, ErrorKind, IdentityGraph, Record};

use crate::support::{background, partition};

/// A fresh directory under the target dir, removed first if a run left it.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn config() -> Config {
    Config::new().reestimate_growth(None)
}

fn changes(g: &IdentityGraph) {
    g.upsert(
        Record::new("d-1")
            .unwrap()
            .email("pia.lund77@gmail.com")
            .name("Pia Lund"),
    )
    .unwrap();
    g.upsert(
        Record::new("d-2")
            .unwrap()
            .email("pia.lund77@gmail.com")
            .phone("+44 7412 183976"),
    )
    .unwrap();
    let some = g.assignments()[10].0.clone();
    g.remove(&some).unwrap();
}

#[test]
fn durable_reopen_restores_the_graph_exactly() {
    let dir = scratch("durable_reopen");
    let (a, b) = (dir.join("a.idg"), dir.join("b.idg"));
    // Two graphs fed the same; one is closed and reopened before the last change.
    let ga = IdentityGraph::open(&a, config()).unwrap();
    let gb = IdentityGraph::open(&b, config()).unwrap();
    for g in [&ga, &gb] {
        g.upsert_batch(background(3_000)).unwrap();
        changes(g);
    }
    drop(gb);
    let gb = IdentityGraph::open(&b, config()).unwrap();
    assert_eq!(ga.assignments(), gb.assignments());
    assert_eq!(ga.generic_values(), gb.generic_values());
    assert_eq!(ga.stats(), gb.stats());
    // The estimates came back too: the same new record lands the same way.
    for g in [&ga, &gb] {
        g.upsert(
            Record::new("d-3")
                .unwrap()
                .phone("+44 7412 183976")
                .name("P. Lund"),
        )
        .unwrap();
    }
    assert_eq!(ga.assignments(), gb.assignments());
    let c = gb.customer_of("d-1").unwrap();
    assert_eq!(gb.resolve_id(c), Some(c));
}

/// A batch applied record by record to a graph on disk writes its records
/// beside the resolution: the file ends as a graph in memory fed the same.
#[test]
fn durable_large_batch_into_a_built_graph_restores_exactly() {
    let dir = scratch("durable_large_batch");
    let path = dir.join("g.idg");
    let all = background(1_400);
    let (first, rest) = all.split_at(1_000);
    // New records, new versions of held ones (one email more), and an id
    // twice in the batch: the later version stands.
    let mut batch: Vec<Record> = rest.to_vec();
    for r in first.iter().step_by(10) {
        let email = format!("{}.second@example.org", r.id());
        batch.push(r.clone().email(email));
    }
    let twice = rest[0].clone().name("Somebody Else");
    batch.push(twice.clone());
    assert!(batch.len() > 400);
    let memory = IdentityGraph::new(config()).unwrap();
    let disk = IdentityGraph::open(&path, config()).unwrap();
    for g in [&memory, &disk] {
        g.upsert_batch(first.to_vec()).unwrap();
        let out = g.upsert_batch(batch.clone()).unwrap();
        assert_eq!(out.len(), batch.len());
    }
    assert_eq!(disk.assignments(), memory.assignments());
    drop(disk);
    let disk = IdentityGraph::open(&path, config()).unwrap();
    assert_eq!(disk.assignments(), memory.assignments());
    // (Candidate pairs are counted at the last rebuild, which opening is.)
    let (d, m) = (disk.stats(), memory.stats());
    assert_eq!(
        (d.records, d.customers, d.refused_merges),
        (m.records, m.customers, m.refused_merges)
    );
    assert_eq!(disk.generic_values(), memory.generic_values());
    assert_eq!(disk.record(twice.id()), Some(twice));
    for r in batch.iter().take(50) {
        assert_eq!(disk.record(r.id()), memory.record(r.id()));
    }
}

#[test]
fn durable_compact_erases_removed_values_from_the_file() {
    let dir = scratch("durable_erase");
    let path = dir.join("g.idg");
    let g = IdentityGraph::open(&path, config()).unwrap();
    g.upsert_batch(background(500)).unwrap();
    let secret = "wilhelmina.erasethis@gmail.com";
    g.upsert(
        Record::new("secret-1")
            .unwrap()
            .email(secret)
            .name("Wilhelmina Erasethis"),
    )
    .unwrap();
    let contains = |needle: &str| {
        let bytes = std::fs::read(&path).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    };
    assert!(contains(secret), "the value is stored before it is erased");
    g.remove("secret-1").unwrap();
    g.compact().unwrap();
    assert!(!contains(secret));
    assert!(!contains("Erasethis"));
    drop(g);
    let g = IdentityGraph::open(&path, config()).unwrap();
    assert_eq!(g.customer_of("secret-1"), None);
    assert_eq!(g.len(), 500);
}

#[test]
fn durable_damaged_files_are_typed_errors() {
    let dir = scratch("durable_damage");
    let path = dir.join("g.idg");
    {
        let g = IdentityGraph::open(&path, config()).unwrap();
        g.upsert_batch(background(300)).unwrap();
    }
    let good = std::fs::read(&path).unwrap();
    // Not a graph at all.
    let other = dir.join("other.idg");
    std::fs::write(&other, b"{\"id\":\"r1\"}\n").unwrap();
    assert_eq!(
        IdentityGraph::open(&other, config()).unwrap_err().kind(),
        ErrorKind::Corrupt
    );
    // Cut short at many offsets, and bytes flipped: an error or the same data, never a panic.
    let mut s = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..24 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let damaged = dir.join(format!("d{round}.idg"));
        let mut bytes = good.clone();
        if round % 2 == 0 {
            bytes.truncate((s % good.len() as u64) as usize);
        } else {
            for k in 0..8 {
                let at = ((s >> (k * 7)) % good.len() as u64) as usize;
                bytes[at] ^= 0x5a;
            }
        }
        std::fs::write(&damaged, &bytes).unwrap();
        match IdentityGraph::open(&damaged, config()) {
            Ok(g) => assert_eq!(g.len(), 300, "a damaged file loaded other data"),
            Err(e) => assert!(
                matches!(e.kind(), ErrorKind::Corrupt | ErrorKind::UnsupportedVersion),
                "{e}"
            ),
        }
    }
}

/// Records in a batch: most batches are small, every fourth is large enough
/// for the graph to write its records while it resolves them.
fn batch_size(batch: usize) -> usize {
    if batch % 4 == 3 {
        96
    } else {
        8
    }
}

/// One batch's records: the batch number is in every id.
fn batch_line(batch: usize) -> String {
    let records: Vec<String> = (0..batch_size(batch))
        .map(|i| {
            format!(
                r#"{{"id":"b{batch:04}-{i}","email":"crash.{}@gmail.com","name":"Crash Tester{}","country":"GB"}}"#,
                batch * 3 + i % 3,
                batch % 5
            )
        })
        .collect();
    format!(
        r#"{{"op":"upsert_batch","records":[{}]}}"#,
        records.join(",")
    )
}

/// A child process ingests batches through `idgraph serve --db` and answers
/// each once it is committed; it is killed at random moments. After every kill
/// the file holds every acknowledged batch, no batch in part, and the customers
/// of a fresh batch resolve of what it holds.
#[test]
fn durable_survives_kill_at_random_moments() {
    let dir = scratch("durable_crash");
    let path = dir.join("g.idg");
    let mut acked: BTreeSet<usize> = BTreeSet::new();
    let mut next = 0usize;
    let mut s = 0x9e37_79b9_7f4a_7c15_u64;
    for _kill in 0..50 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_idgraph"))
            .args(["serve", "--db"])
            .arg(&path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        // Feed batches from a thread; read acknowledgements here.
        let first = next;
        let writer = std::thread::spawn(move || {
            for b in first..first + 400 {
                if writeln!(stdin, "{}", batch_line(b)).is_err() {
                    break;
                }
            }
        });
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let wait = Duration::from_millis(20 + s % 150);
        let reader = std::thread::spawn(move || {
            let mut got = Vec::new();
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                got.push(line);
            }
            got
        });
        std::thread::sleep(wait);
        child.kill().unwrap();
        child.wait().unwrap();
        let answers = reader.join().unwrap();
        let _ = writer.join();
        for (k, a) in answers.iter().enumerate() {
            assert!(a.contains("\"ok\":true"), "{a}");
            acked.insert(first + k);
        }
        next = first + 400;
        // Reopen and check.
        let g = IdentityGraph::open(&path, Config::new()).unwrap();
        let held: BTreeSet<String> = g.assignments().into_iter().map(|(id, _)| id).collect();
        for b in &acked {
            for i in 0..batch_size(*b) {
                assert!(
                    held.contains(&format!("b{b:04}-{i}")),
                    "acknowledged batch {b} lost"
                );
            }
        }
        let mut per_batch = std::collections::BTreeMap::<usize, usize>::new();
        for id in &held {
            let batch = id.get(1..).and_then(|b| b.split('-').next()?.parse().ok());
            let batch: usize = batch.unwrap();
            *per_batch.entry(batch).or_default() += 1;
        }
        assert!(
            per_batch.iter().all(|(&b, &n)| n == batch_size(b)),
            "a batch is half there"
        );
        drop(g);
    }
    // The partition is the one a batch resolve gives, once re-estimated.
    let g = IdentityGraph::open(&path, Config::new()).unwrap();
    g.reestimate().unwrap();
    let records: Vec<Record> = g
        .assignments()
        .into_iter()
        .map(|(id, _)| g.record(&id).unwrap())
        .collect();
    let fresh = IdentityGraph::new(Config::new()).unwrap();
    fresh.upsert_batch(records).unwrap();
    assert_eq!(partition(&g), partition(&fresh));
    assert!(acked.len() > 50, "kills came too early to test anything");
}

#[test]
fn durable_restore_needs_an_empty_graph() {
    let g = IdentityGraph::new(config()).unwrap();
    let c = "c7".parse().unwrap();
    g.restore(vec![(
        Record::new("x").unwrap().email("ana.lima@gmail.com"),
        c,
    )])
    .unwrap();
    assert_eq!(g.customer_of("x"), Some(c));
    let again = g.restore(vec![(Record::new("y").unwrap(), c)]);
    assert_eq!(again.unwrap_err().kind(), ErrorKind::InvalidCommand);
}

/// Writing records identical to those stored commits nothing: the file is
/// byte for byte what it was (a second run over an ingested file is free).
#[test]
fn durable_identical_records_write_nothing() {
    let dir = scratch("identical");
    let path = dir.join("g.idg");
    let records = background(500);
    let g = IdentityGraph::open(&path, config()).unwrap();
    g.upsert_batch(records.clone()).unwrap();
    g.upsert(records[7].clone()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let customers = g.assignments();
    let out = g.upsert_batch(records.clone()).unwrap();
    assert_eq!(out.len(), records.len());
    g.upsert(records[3].clone()).unwrap();
    assert_eq!(g.assignments(), customers);
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");
}
