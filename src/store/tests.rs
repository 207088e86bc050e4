//! Store tests: round trips, damage, versions, erasure. The crash test is in
//! `crash_tests.rs`; the measurement run is the ignored `store_measure`.

// Test code unwraps: a panic is how a test reports a broken precondition.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::format::{self, META};
use super::*;
use crate::record::Record;

/// A fresh scratch directory for one test, removed first if a previous run left it.
pub(super) fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("idgraph-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small deterministic generator (SplitMix64): tests need reproducible
/// offsets and delays without a dependency.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub(super) fn record_bytes(id: &str, email: &str, name: &str) -> Vec<u8> {
    Record::new(id)
        .unwrap()
        .source("web")
        .email(email)
        .name(name)
        .phone("+1 415 555 0132")
        .encode_compact()
}

/// A store with a few hundred records over several commits, some replaced
/// and some removed; returns the snapshot it should load as.
fn build_sample(path: &Path) -> Snapshot {
    let (mut store, snap) = Store::open(path, Durability::Immediate).unwrap();
    assert_eq!(snap, Snapshot::default());
    let mut owned: Vec<(String, Vec<u8>)> = Vec::new();
    for batch in 0..6u64 {
        owned.clear();
        for i in 0..60 {
            let id = format!("rec-{batch}-{i:03}");
            let bytes = record_bytes(&id, &format!("p{batch}.{i}@example.com"), "Jane Doe");
            owned.push((id, bytes));
        }
        let assigned: Vec<(&str, u64)> = owned
            .iter()
            .map(|(id, _)| (id.as_str(), batch * 100))
            .collect();
        let removed = format!("rec-{}-{:03}", batch.saturating_sub(1), batch);
        let model = format!("model after batch {batch}").into_bytes();
        let changes = ChangeSet {
            upserts: owned
                .iter()
                .map(|(id, b)| (id.as_str(), b.as_slice()))
                .collect(),
            removes: if batch > 0 {
                vec![removed.as_str()]
            } else {
                vec![]
            },
            assignments: assigned,
            redirects: vec![(batch, batch + 1)],
            next_customer: batch * 100 + 1,
            model: Some(model.as_slice()),
        };
        store.commit(&changes).unwrap();
    }
    drop(store);
    let (store, snap) = Store::open(path, Durability::Immediate).unwrap();
    drop(store);
    assert_eq!(snap.records.len(), 6 * 60 - 5);
    assert_eq!(snap.assignments.len(), 6 * 60 - 5);
    assert_eq!(snap.redirects.len(), 6);
    assert_eq!(snap.next_customer, 501);
    assert_eq!(snap.model.as_deref(), Some(&b"model after batch 5"[..]));
    snap
}

#[test]
fn store_round_trips_every_part() {
    let dir = scratch_dir("roundtrip");
    let path = dir.join("graph.idgraph");
    let snap = build_sample(&path);
    // Sorted by key, and each record decodes to what went in.
    assert!(snap.records.windows(2).all(|w| w[0].0 < w[1].0));
    let (id, bytes) = &snap.records[0];
    let r = Record::decode_compact(id, bytes).unwrap();
    assert_eq!(r.emails(), ["p0.0@example.com"]);
    // Replacing a value keeps the digest consistent.
    let (mut store, _) = Store::open(&path, Durability::Eventual).unwrap();
    let new = record_bytes(id, "changed@example.com", "Jane Doe");
    let changes = ChangeSet {
        upserts: vec![(id, &new)],
        assignments: vec![(id, 7)],
        redirects: vec![(0, 9)],
        next_customer: 502,
        ..ChangeSet::default()
    };
    store.commit(&changes).unwrap();
    drop(store);
    let (_, again) = Store::open(&path, Durability::Immediate).unwrap();
    assert_eq!(again.records[0].1.as_ref(), new.as_slice());
    assert_eq!(again.assignments[0].1, 7);
    assert_eq!(again.redirects[0], (0, 9));
    assert_eq!(
        again.model, snap.model,
        "model kept when not in the change set"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_staged_records_commit_with_the_rest_or_not_at_all() {
    let dir = scratch_dir("staged");
    let path = dir.join("s");
    let (mut store, _) = Store::open(&path, Durability::Immediate).unwrap();
    let (a, b) = (
        record_bytes("a", "a@example.com", "Ann Lee"),
        record_bytes("b", "b@example.com", "Bo Lee"),
    );
    // The rest names a record neither stored nor staged: nothing is
    // committed, the staged record included.
    let staged = store.stage(&[("a", &a)]).unwrap();
    let orphan = ChangeSet {
        assignments: vec![("a", 1), ("nobody", 2)],
        ..ChangeSet::default()
    };
    assert_eq!(
        staged.finish(&orphan).unwrap_err().kind(),
        ErrorKind::InvalidRecord
    );
    // Dropped unfinished: nothing either.
    drop(store.stage(&[("b", &b)]).unwrap());
    // Staged records take their rows for the rest of their commit.
    let staged = store.stage(&[("b", &b), ("a", &a)]).unwrap();
    staged
        .finish(&ChangeSet {
            assignments: vec![("a", 5), ("b", 6)],
            next_customer: 7,
            ..ChangeSet::default()
        })
        .unwrap();
    drop(store);
    let (_, snap) = Store::open(&path, Durability::Immediate).unwrap();
    let ids: Vec<&str> = snap.records.iter().map(|(id, _)| &**id).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(snap.assignments, [(Box::from("a"), 5), (Box::from("b"), 6)]);
    assert_eq!(snap.next_customer, 7);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_commit_refuses_bytes_that_are_not_a_record() {
    let dir = scratch_dir("badbytes");
    let (mut store, _) = Store::open(&dir.join("s"), Durability::Immediate).unwrap();
    let changes = ChangeSet {
        upserts: vec![("ok", &[0xff, 0x01, b'x'])],
        ..ChangeSet::default()
    };
    let err = store.commit(&changes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRecord);
    drop(store);
    let (_, snap) = Store::open(&dir.join("s"), Durability::Immediate).unwrap();
    assert!(snap.records.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_second_open_is_refused() {
    let dir = scratch_dir("twice");
    let path = dir.join("s");
    let (_store, _) = Store::open(&path, Durability::Immediate).unwrap();
    let err = Store::open(&path, Durability::Immediate).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Store);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Rewrites the format marker with raw redb, as a future release would.
fn set_format_version(path: &Path, version: u32) {
    let db = redb::Database::create(path).unwrap();
    let txn = db.begin_write().unwrap();
    {
        let mut meta = txn.open_table(META).unwrap();
        let mut marker = format::format_marker();
        marker[8..].copy_from_slice(&version.to_le_bytes());
        meta.insert(format::KEY_FORMAT, marker.as_slice()).unwrap();
    }
    txn.commit().unwrap();
}

#[test]
fn store_newer_format_is_unsupported_version() {
    let dir = scratch_dir("version");
    let path = dir.join("s");
    build_sample(&path);
    set_format_version(&path, format::FORMAT_VERSION + 1);
    let err = Store::open(&path, Durability::Immediate).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnsupportedVersion);
    assert!(err.to_string().contains("version 2"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_foreign_files_are_corrupt() {
    let dir = scratch_dir("foreign");
    // Another program's redb file.
    let path = dir.join("other");
    {
        let db = redb::Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(redb::TableDefinition::<u64, u64>::new("x"))
            .unwrap()
            .insert(1, 2)
            .unwrap();
        txn.commit().unwrap();
    }
    let err = Store::open(&path, Durability::Immediate).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt);
    // Not a redb file at all.
    let path = dir.join("text");
    std::fs::write(&path, "id,email\n1,someone@example.com\n".repeat(200)).unwrap();
    let err = Store::open(&path, Durability::Immediate).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What opening a damaged copy did.
#[derive(Debug, Default)]
struct Outcomes {
    /// Loaded, and equal to what was committed (the damage hit unused space).
    intact: usize,
    /// Refused with a typed error.
    refused: usize,
}

/// Opens `path` and checks the only two acceptable results: a typed error,
/// or exactly the committed data. A panic escaping `open`, a different
/// snapshot, or an unexpected error kind fails the test.
fn open_damaged(path: &Path, expected: &Snapshot, what: &str, out: &mut Outcomes) {
    let result = catch_unwind(AssertUnwindSafe(|| {
        Store::open(path, Durability::Immediate)
    }));
    match result {
        Err(_) => panic!("{what}: a panic escaped Store::open"),
        Ok(Ok((store, snap))) => {
            drop(store);
            assert!(&snap == expected, "{what}: opened with different data");
            out.intact += 1;
        }
        Ok(Err(err)) => {
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::Corrupt | ErrorKind::UnsupportedVersion
                ),
                "{what}: unexpected error kind {:?}: {err}",
                err.kind()
            );
            assert!(
                !err.to_string().contains("example.com"),
                "{what}: error text leaks data"
            );
            out.refused += 1;
        }
    }
}

/// Flips one bit at each of many seeded offsets of a copy of `path` and opens it.
fn flip_pass(path: &Path, expected: &Snapshot, rng: &mut Rng, label: &str) {
    let pristine = std::fs::read(path).unwrap();
    let damaged = path.with_file_name("damaged");
    let mut out = Outcomes::default();
    // redb preallocates, so much of the file is zeros nothing reads: flip
    // anywhere, then mostly where bytes are in use (non-zero), and in the
    // first page, which holds redb's header and commit slots.
    let used: Vec<usize> = (0..pristine.len()).filter(|&i| pristine[i] != 0).collect();
    let mut offsets: Vec<usize> = (0..100)
        .map(|_| rng.below(pristine.len() as u64) as usize)
        .collect();
    offsets.extend((0..300).map(|_| used[rng.below(used.len() as u64) as usize]));
    offsets.extend((0..100).map(|_| rng.below(4096.min(pristine.len() as u64)) as usize));
    for at in offsets {
        let mut bytes = pristine.clone();
        bytes[at] ^= 1 << rng.below(8);
        std::fs::write(&damaged, &bytes).unwrap();
        open_damaged(
            &damaged,
            expected,
            &format!("{label}: flip at {at}"),
            &mut out,
        );
    }
    eprintln!(
        "{label}: flipped bytes: {out:?}; file {} bytes, {} non-zero",
        pristine.len(),
        used.len()
    );
    assert!(out.refused > 0);
}

#[test]
fn store_flipped_bytes_never_load_wrong_data() {
    let dir = scratch_dir("flip");
    let path = dir.join("s");
    let expected = build_sample(&path);
    let mut rng = Rng(0x5eed_f11b);
    flip_pass(&path, &expected, &mut rng, "as committed");
    // A compacted file has no stale pages, so more flips land on live data.
    let (mut store, _) = Store::open(&path, Durability::Immediate).unwrap();
    store.compact().unwrap();
    drop(store);
    flip_pass(&path, &expected, &mut rng, "compacted");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_truncated_files_never_load_wrong_data() {
    let dir = scratch_dir("trunc");
    let path = dir.join("s");
    let expected = build_sample(&path);
    let pristine = std::fs::read(&path).unwrap();
    let damaged = dir.join("damaged");
    let mut rng = Rng(0x7275_6e63);
    let mut out = Outcomes::default();
    let cuts = (0..120).map(|_| rng.below(pristine.len() as u64) as usize);
    for cut in cuts.chain([0, 1, 8, 100, 511, 4095, 4096, 4097]) {
        std::fs::write(&damaged, &pristine[..cut]).unwrap();
        open_damaged(&damaged, &expected, &format!("cut at {cut}"), &mut out);
    }
    eprintln!("truncated: {out:?} of a {} byte file", pristine.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_compact_erases_removed_values_from_the_file() {
    let dir = scratch_dir("erase");
    let path = dir.join("s");
    let secret_id = "cust-erase-me-91c2";
    let secret_email = "erase-me-7f3a@example.com";
    let (mut store, _) = Store::open(&path, Durability::Immediate).unwrap();
    let secret = record_bytes(secret_id, secret_email, "Erin Secret");
    let mut others: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..400 {
        let id = format!("keep-{i:04}");
        let bytes = record_bytes(&id, &format!("keep{i}@example.com"), "Kim Keep");
        others.push((id, bytes));
    }
    let mut upserts: Vec<(&str, &[u8])> = others
        .iter()
        .map(|(id, b)| (id.as_str(), b.as_slice()))
        .collect();
    upserts.push((secret_id, &secret));
    store
        .commit(&ChangeSet {
            upserts,
            assignments: vec![(secret_id, 3)],
            next_customer: 4,
            ..ChangeSet::default()
        })
        .unwrap();
    // A few more commits so the secret's page is copied and freed.
    for i in 0..5 {
        let bytes = record_bytes("keep-0000", &format!("v{i}@example.com"), "Kim Keep");
        store
            .commit(&ChangeSet {
                upserts: vec![("keep-0000", &bytes)],
                next_customer: 4,
                ..ChangeSet::default()
            })
            .unwrap();
    }
    store
        .commit(&ChangeSet {
            removes: vec![secret_id],
            next_customer: 4,
            ..ChangeSet::default()
        })
        .unwrap();
    let contains =
        |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    let before = std::fs::read(&path).unwrap();
    // Shows the test is not vacuous: copy-on-write left the bytes behind.
    let stale_before = contains(&before, secret_email);
    store.compact().unwrap();
    let after = std::fs::read(&path).unwrap();
    assert!(
        !contains(&after, secret_email),
        "removed email still in the file"
    );
    assert!(
        !contains(&after, secret_id),
        "removed record id still in the file"
    );
    assert!(!contains(&after, "Erin Secret"));
    assert!(contains(&after, "keep399@example.com"), "live data lost");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the store file remains");
    // The store is still usable and complete after the swap.
    let bytes = record_bytes("after", "after@example.com", "A");
    store
        .commit(&ChangeSet {
            upserts: vec![("after", &bytes)],
            next_customer: 5,
            ..ChangeSet::default()
        })
        .unwrap();
    drop(store);
    let (_, snap) = Store::open(&path, Durability::Immediate).unwrap();
    assert_eq!(snap.records.len(), 401);
    assert!(
        snap.assignments.is_empty(),
        "the removed record's assignment went too"
    );
    eprintln!("erase: email present before compact: {stale_before}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn store_leftover_compaction_copy_is_deleted_on_open() {
    let dir = scratch_dir("leftover");
    let path = dir.join("s");
    let copy = dir.join("s.compacting");
    std::fs::write(&copy, "erase-me-7f3a@example.com").unwrap();
    let (_store, _) = Store::open(&path, Durability::Immediate).unwrap();
    assert!(!copy.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Single-bit flips at `offsets` of redb's 320-byte file header (magic, god
/// byte, layout, both commit slots), on a cleanly closed file. Returns the
/// flips that loaded without error but with other data than was committed.
fn header_flips_that_load_other_data(
    path: &Path,
    expected: &Snapshot,
    offsets: impl IntoIterator<Item = usize>,
) -> Vec<(usize, u32)> {
    let pristine = std::fs::read(path).unwrap();
    let damaged = path.with_file_name("damaged");
    let mut wrong = Vec::new();
    for at in offsets {
        for bit in 0..8 {
            let mut bytes = pristine.clone();
            bytes[at] ^= 1 << bit;
            std::fs::write(&damaged, &bytes).unwrap();
            let result = catch_unwind(AssertUnwindSafe(|| {
                Store::open(&damaged, Durability::Immediate)
            }));
            match result {
                Err(_) => panic!("header flip at {at} bit {bit}: a panic escaped Store::open"),
                Ok(Ok((store, snap))) => {
                    drop(store);
                    if &snap != expected {
                        wrong.push((at, bit));
                    }
                }
                Ok(Err(err)) => assert!(
                    matches!(
                        err.kind(),
                        ErrorKind::Corrupt | ErrorKind::UnsupportedVersion
                    ),
                    "header flip at {at} bit {bit}: {:?}: {err}",
                    err.kind()
                ),
            }
        }
    }
    wrong
}

/// The flips that could roll back a commit: redb's god byte (which slot is
/// current, two-phase, recovery needed), and the first and last bytes of each
/// commit slot (format version, checksum). The slot not in use after a clean
/// close holds the same records (redb's closing commit stores only allocator
/// state), so even reading the other slot loads the committed data.
#[test]
fn store_header_flips_do_not_roll_back() {
    let dir = scratch_dir("header");
    let path = dir.join("s");
    let expected = build_sample(&path);
    let offsets = [9, 64, 65, 190, 191, 192, 193, 318, 319];
    assert_eq!(
        header_flips_that_load_other_data(&path, &expected, offsets),
        []
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
#[ignore = "exhaustive: 2,560 opens, about 30 s"]
fn store_header_bit_flips_exhaustive() {
    let dir = scratch_dir("header-all");
    let path = dir.join("s");
    let expected = build_sample(&path);
    assert_eq!(
        header_flips_that_load_other_data(&path, &expected, 0..320),
        []
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
