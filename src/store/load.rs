//! Opening a store file and loading it, checking everything that is read.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use redb::{Database, ReadTransaction, ReadableTable, TableDefinition, TableError};

use super::compact::{sync_parent_dir, temp_path};
use super::format::{
    self, check_format_marker, decode_row, entry_hash, model_hash, State, ASSIGNMENTS, KEY_FORMAT,
    KEY_MODEL, KEY_STATE, META, RECORDS, REDIRECTS, TAG_ASSIGNMENT, TAG_RECORD, TAG_REDIRECT,
};
use super::rows::Rows;
use super::{engine_error, Snapshot, CACHE_BYTES};
use crate::error::{Error, ErrorKind};
use crate::record::{check_id, Record};
use crate::util::{self, FxMap};

/// Opens (or creates) the file and loads it.
///
/// redb indexes into pages and asserts on some header fields without checking
/// them first, so a damaged file can make it panic. The panic is caught here
/// and reported as [`ErrorKind::Corrupt`]: the file is never left half-loaded,
/// and the database handle is dropped during the unwind (redb's drop skips
/// its writes while panicking).
pub(super) fn open_and_load(path: &Path) -> Result<(Database, State, Rows, Snapshot), Error> {
    catch_unwind(AssertUnwindSafe(|| open_and_load_unguarded(path))).unwrap_or_else(|_| {
        Err(Error::new(
            ErrorKind::Corrupt,
            "store file is damaged: the storage engine failed while reading it",
        ))
    })
}

fn open_and_load_unguarded(path: &Path) -> Result<(Database, State, Rows, Snapshot), Error> {
    // `open`, not `create`: an empty file at the store's path is damage
    // (see [`create`]), and redb's `create` would quietly start it afresh.
    let mut db = redb::Builder::new()
        .set_cache_size(CACHE_BYTES)
        .open(path)
        .map_err(engine_error)?;
    // redb verifies page checksums only when it recovers from an unclean
    // shutdown; in a cleanly closed file, damage would be read back as data.
    // Because every commit is two-phase, a damaged current commit is an
    // error here, not a silent fallback to the previous one.
    db.check_integrity().map_err(engine_error)?;
    let txn = db.begin_read().map_err(engine_error)?;
    let (state, rows, snapshot) = load(&txn)?;
    drop(txn);
    Ok((db, state, rows, snapshot))
}

/// Creates an empty store at `path`: built and fsync'd under a temporary
/// name, then renamed into place and the directory fsync'd. So a file at
/// the store's path is always a complete store, and a crash while creating
/// leaves either no store or an empty one, never a file that reads as damaged.
pub(super) fn create(path: &Path) -> Result<(), Error> {
    let temp = temp_path(path)?;
    let built = (|| {
        let db = redb::Builder::new()
            .set_cache_size(CACHE_BYTES)
            .create(&temp)
            .map_err(engine_error)?;
        initialize(&db)?;
        drop(db);
        std::fs::File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, path)?;
        sync_parent_dir(path)
    })();
    if built.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    built
}

/// Writes the format marker and an empty state into a new file.
fn initialize(db: &Database) -> Result<(), Error> {
    let mut txn = db.begin_write().map_err(engine_error)?;
    txn.set_durability(redb::Durability::Immediate);
    txn.set_two_phase_commit(true);
    {
        txn.open_table(RECORDS).map_err(engine_error)?;
        txn.open_table(ASSIGNMENTS).map_err(engine_error)?;
        txn.open_table(REDIRECTS).map_err(engine_error)?;
        let mut meta = txn.open_table(META).map_err(engine_error)?;
        meta.insert(KEY_FORMAT, format::format_marker().as_slice())
            .map_err(engine_error)?;
        meta.insert(KEY_STATE, State::default().encode().as_slice())
            .map_err(engine_error)?;
    }
    txn.commit().map_err(engine_error)
}

fn corrupt(what: &str) -> Error {
    Error::new(ErrorKind::Corrupt, format!("store file is damaged: {what}"))
}

fn open_table<K: redb::Key + 'static, V: redb::Value + 'static>(
    txn: &ReadTransaction,
    def: TableDefinition<K, V>,
) -> Result<redb::ReadOnlyTable<K, V>, Error> {
    txn.open_table(def).map_err(|err| match err {
        TableError::TableDoesNotExist(_) => Error::new(
            ErrorKind::Corrupt,
            "not an idgraph store: a table is missing",
        ),
        other => engine_error(other),
    })
}

/// A capacity hint that a forged count cannot turn into a huge allocation.
fn capacity(count: u64) -> usize {
    usize::try_from(count).unwrap_or(0).min(1 << 20)
}

fn load(txn: &ReadTransaction) -> Result<(State, Rows, Snapshot), Error> {
    let meta = open_table(txn, META)?;
    let marker = meta
        .get(KEY_FORMAT)
        .map_err(engine_error)?
        .ok_or_else(|| Error::new(ErrorKind::Corrupt, "not an idgraph store: no format marker"))?;
    check_format_marker(marker.value())?;
    let state = meta
        .get(KEY_STATE)
        .map_err(engine_error)?
        .ok_or_else(|| corrupt("the state record is missing"))?;
    let state = State::decode(state.value())?;
    let model = meta
        .get(KEY_MODEL)
        .map_err(engine_error)?
        .map(|m| m.value().to_vec());
    let model_ok = match (state.model, &model) {
        (None, None) => true,
        (Some(h), Some(m)) => model_hash(m) == h,
        _ => false,
    };
    if !model_ok {
        return Err(corrupt("the model does not match its hash"));
    }

    let mut digest = 0u64;
    // In row order: (row, id, bytes).
    let mut records: Vec<(u64, Box<str>, Box<[u8]>)> = Vec::with_capacity(capacity(state.records));
    for entry in open_table(txn, RECORDS)?.iter().map_err(engine_error)? {
        let (row, value) = entry.map_err(engine_error)?;
        let (row, value) = (row.value(), value.value());
        let (id, bytes) = decode_row(value)
            .filter(|(id, bytes)| {
                check_id(id).is_ok() && Record::decode_compact(id, bytes).is_some()
            })
            .ok_or_else(|| corrupt("a stored record does not decode"))?;
        digest = digest.wrapping_add(entry_hash(TAG_RECORD, &row.to_le_bytes(), value));
        records.push((row, Box::from(id), Box::from(bytes)));
    }
    let mut assignments = Vec::with_capacity(capacity(state.assignments));
    for entry in open_table(txn, ASSIGNMENTS)?.iter().map_err(engine_error)? {
        let (row, customer) = entry.map_err(engine_error)?;
        let (row, customer) = (row.value(), customer.value());
        digest = digest.wrapping_add(entry_hash(
            TAG_ASSIGNMENT,
            &row.to_le_bytes(),
            &customer.to_le_bytes(),
        ));
        let at = records
            .binary_search_by_key(&row, |r| r.0)
            .map_err(|_| corrupt("a customer assignment has no record"))?;
        assignments.push((records[at].1.clone(), customer));
    }
    let mut redirects = Vec::with_capacity(capacity(state.redirects));
    for entry in open_table(txn, REDIRECTS)?.iter().map_err(engine_error)? {
        let (dead, into) = entry.map_err(engine_error)?;
        let (dead, into) = (dead.value(), into.value());
        digest = digest.wrapping_add(entry_hash(
            TAG_REDIRECT,
            &dead.to_le_bytes(),
            &into.to_le_bytes(),
        ));
        redirects.push((dead, into));
    }

    let counts = [records.len(), assignments.len(), redirects.len()].map(|n| n as u64);
    if counts != [state.records, state.assignments, state.redirects] || digest != state.digest {
        return Err(corrupt("entries are missing or altered (digest mismatch)"));
    }
    let mut of: FxMap<Box<str>, u64> = util::map();
    of.reserve(records.len());
    for (row, id, _) in &records {
        if of.insert(id.clone(), *row).is_some() {
            return Err(corrupt("a record id is stored twice"));
        }
    }
    let mut records: Vec<(Box<str>, Box<[u8]>)> = records
        .into_iter()
        .map(|(_, id, bytes)| (id, bytes))
        .collect();
    records.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    assignments.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let snapshot = Snapshot {
        records,
        assignments,
        redirects,
        next_customer: state.next_customer,
        model,
    };
    Ok((state, Rows::new(of), snapshot))
}
