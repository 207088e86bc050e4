//! Graph files from outside: `IdentityGraph::open` on a damaged store.
//!
//! A valid store of a few records is built once; the input says how to damage
//! a copy of it: a truncation point and byte flips (offset, xor mask), applied
//! to the file, which is then opened.
//!
//! Invariants: no panic; the open either fails with a typed error (`Corrupt`,
//! `UnsupportedVersion`, `Store` or `Io`) or gives back exactly the stored
//! graph (the same records and customers).
//!
//! Input: any bytes: 4 bytes of truncation (little-endian, modulo the file
//! length; 0 keeps the whole file), then 5-byte flips (4 bytes offset, 1 byte
//! mask).

#![cfg_attr(fuzzing, no_main)]

use std::path::PathBuf;
use std::sync::OnceLock;

use idgraph::{Config, CustomerId, ErrorKind, IdentityGraph, Record};
use idgraph_fuzz::{ByteLit, Corpus};

struct Base {
    bytes: Vec<u8>,
    assignments: Vec<(String, CustomerId)>,
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("idgraph-fuzz-store-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let path = dir().join("base.idg");
        let _ = std::fs::remove_file(&path);
        let graph = match IdentityGraph::open(&path, Config::new()) {
            Ok(g) => g,
            Err(e) => panic!("cannot create the base store: {e}"),
        };
        let people = [
            ("a", "ana.lima@gmail.com", "Ana Lima"),
            ("b", "ana.lima@gmail.com", "Lima, Ana"),
            ("c", "bruno.koch@outlook.com", "Bruno Koch"),
        ];
        for (id, email, name) in people {
            let r = match Record::new(id) {
                Ok(r) => r.email(email).name(name),
                Err(e) => panic!("{e}"),
            };
            if let Err(e) = graph.upsert(r) {
                panic!("{e}");
            }
        }
        let assignments = graph.assignments();
        drop(graph);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => panic!("{e}"),
        };
        Base { bytes, assignments }
    })
}

fn body(data: &[u8]) -> Corpus {
    if data.len() < 4 || data.len() > 4 + 5 * 64 {
        return Corpus::Reject;
    }
    let base = base();
    let mut bytes = base.bytes.clone();
    let cut = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize % bytes.len();
    for flip in data[4..].chunks_exact(5) {
        let at = u32::from_le_bytes([flip[0], flip[1], flip[2], flip[3]]) as usize % bytes.len();
        bytes[at] ^= flip[4];
    }
    if cut > 0 {
        bytes.truncate(cut);
    }
    let path = dir().join("damaged.idg");
    let _ = std::fs::remove_file(&path);
    if let Err(e) = std::fs::write(&path, &bytes) {
        panic!("cannot write the damaged copy: {e}");
    }
    let repro = ByteLit(data);
    match IdentityGraph::open(&path, Config::new()) {
        Ok(g) => assert_eq!(
            g.assignments(),
            base.assignments,
            "a damaged store opened with other contents\nreproducer: store_open body(&{repro:?}[..])"
        ),
        Err(e) => assert!(
            matches!(
                e.kind(),
                ErrorKind::Corrupt | ErrorKind::UnsupportedVersion | ErrorKind::Store | ErrorKind::Io
            ),
            "open failed with {:?}: {e}\nreproducer: store_open body(&{repro:?}[..])",
            e.kind()
        ),
    }
    Corpus::Keep
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("store_open", body)
}
