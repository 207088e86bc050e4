//! Durable graph state on disk (issue 6): crash-safe commits on an embedded
//! store, erasure of removed records from the file, and a versioned format.
//!
//! The store keeps what the graph needs to come back after a restart without
//! re-resolving: each record's compact bytes, each record's customer, the
//! redirects left by merges, the customer counter, and an opaque model blob.
//! [`Store::open`] loads all of it as a [`Snapshot`]; [`Store::commit`] writes
//! one [`ChangeSet`] as one atomic transaction.
//!
//! # Engine
//!
//! [redb](https://docs.rs/redb/2): a copy-on-write B-tree in one file. A commit
//! writes new pages, then flips which of two header slots is current, so a
//! crash at any point leaves either the old state or the new one. Every commit
//! here uses redb's two-phase commit (the slot is fsync'd before it is made
//! current, then the flip is fsync'd), which lets redb treat a damaged current
//! slot as corruption instead of silently falling back to the previous commit.
//!
//! # Damage and versions
//!
//! Opening verifies every page checksum (redb otherwise checks them only after
//! an unclean shutdown), then the format marker, then the state record's own
//! hash, then every record (it must decode) and the per-table counts and
//! digest (see [`format`](mod@format)). Any failure is an [`ErrorKind::Corrupt`] error and
//! loads nothing; a newer format is [`ErrorKind::UnsupportedVersion`]. redb
//! asserts on some malformed input instead of returning an error, so opening
//! runs under [`std::panic::catch_unwind`] and a panic becomes `Corrupt` (the
//! panic hook still prints redb's message, which holds page numbers, never
//! record contents).
//!
//! A new store is built under a temporary name and renamed into place, so a
//! file at the store's path is always a complete store: an empty or cut-short
//! file there is `Corrupt`, never quietly started afresh.
//!
//! What is left: redb's header has one bit that says which commit slot is
//! current. A file closed cleanly ends with a commit of redb's own allocator
//! state, so the other slot holds the same records and flipping that bit
//! loads the same data (tested, with every other single-bit flip in the
//! header). But if the process was killed and the bit then flipped before the
//! next open, redb would trust the previous commit and the last one would be
//! lost without an error; catching that would need state outside the file.
//!
//! # Erasure
//!
//! Copy-on-write leaves old pages, with removed records' bytes, in the file
//! until they are reused. [`Store::compact`] therefore writes the live data to
//! a fresh file, fsyncs it, renames it over the old file and fsyncs the
//! directory. What the filesystem or SSD keeps of the old file's blocks is
//! beyond a file format's reach.

mod compact;
mod format;
mod load;
mod rows;

#[cfg(test)]
mod crash_tests;
#[cfg(test)]
mod measure;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use redb::Database;

use crate::error::{Error, ErrorKind};
use crate::record::{check_id, Record};
use format::{State, ASSIGNMENTS, META, RECORDS, REDIRECTS};
use rows::{Plan, Rows};

/// How long a commit waits for the disk before it returns.
///
/// Every level keeps commits atomic and in order: after a crash the store
/// holds exactly the commits up to some point, never part of one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Durability {
    /// The commit is on disk (fsync'd, twice: two-phase) before the call
    /// returns: it survives a process crash, a kill and a power loss, as far
    /// as the disk honours fsync.
    #[default]
    Immediate,
    /// The commit is visible at once but not fsync'd; the store fsyncs on the
    /// first commit at least one second after the last fsync, on
    /// [`IdentityGraph::flush`](crate::IdentityGraph::flush), on
    /// [`IdentityGraph::compact`](crate::IdentityGraph::compact) and when the
    /// graph is dropped.
    /// A crash of the process or the machine loses the commits since the last
    /// fsync (whole commits, newest first), which is at most about one second
    /// of commits while commits keep coming, but unbounded in time if the
    /// process then idles: call [`IdentityGraph::flush`](crate::IdentityGraph::flush) after a burst.
    ///
    /// (redb's own `Durability::Eventual` is not used: on Linux it calls the
    /// same fsync as `Immediate`, so it would promise less for the same cost.
    /// This level maps to redb's `Durability::None` plus the fsync points above,
    /// which also keep redb freeing pages, something it does only at durable commits.)
    Eventual,
}

/// How often [`Durability::Eventual`] fsyncs while commits keep coming.
const EVENTUAL_SYNC_INTERVAL: Duration = Duration::from_secs(1);

/// redb's page cache. Loading reads the whole file once, so a large cache
/// would mostly hold pages that are never read again.
const CACHE_BYTES: usize = 64 << 20;

/// Everything the store holds, as loaded by [`Store::open`]. Each list is
/// sorted by its key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// Record id and its [`Record::encode_compact`] bytes (already checked to decode).
    pub(crate) records: Vec<(Box<str>, Box<[u8]>)>,
    /// Record id and the raw id of its customer.
    pub(crate) assignments: Vec<(Box<str>, u64)>,
    /// Dead customer id and the customer it merged into.
    pub(crate) redirects: Vec<(u64, u64)>,
    /// The next customer id to hand out.
    pub(crate) next_customer: u64,
    /// The opaque model blob last committed, if any.
    pub(crate) model: Option<Vec<u8>>,
}

/// One batch of changes, written by [`Store::commit`] as one transaction.
///
/// Applied in this order: `upserts` (insert or replace a record's bytes),
/// `assignments` (set a record's customer), `redirects` (insert or replace),
/// then `removes`, which delete the record *and* its assignment; an id both
/// upserted and removed ends up removed. `next_customer` is always written;
/// `model` replaces the stored blob when `Some` and leaves it when `None`.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChangeSet<'a> {
    pub(crate) upserts: Vec<(&'a str, &'a [u8])>,
    pub(crate) removes: Vec<&'a str>,
    pub(crate) assignments: Vec<(&'a str, u64)>,
    pub(crate) redirects: Vec<(u64, u64)>,
    pub(crate) next_customer: u64,
    pub(crate) model: Option<&'a [u8]>,
}

/// An open store file; one process at a time (redb locks the file).
pub(crate) struct Store {
    /// `None` only while [`Store::compact`] swaps files, or after a swap
    /// failed so badly that the file could not be reopened.
    db: Option<Database>,
    path: PathBuf,
    durability: Durability,
    /// The counts and digest as of the last commit.
    state: State,
    /// Each stored record's row.
    rows: Rows,
    last_sync: Instant,
    /// A commit since the last fsync (only under [`Durability::Eventual`]).
    unsynced: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("durability", &self.durability)
            .field("records", &self.state.records)
            .finish_non_exhaustive()
    }
}

/// A commit under way (see [`Store::stage`]): an open transaction holding
/// the records of a change, waiting for the rest of it.
pub(crate) struct Staged<'s, 'a> {
    store: &'s mut Store,
    txn: redb::WriteTransaction,
    plan: Plan<'a>,
    tally: Tally,
    durable: bool,
}

impl Staged<'_, '_> {
    /// Writes the rest of `changes` (all but its `upserts`, which
    /// [`Store::stage`] took) and commits the transaction.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRecord`] when an assignment names a record that
    /// is neither stored nor staged; [`ErrorKind::Io`] or
    /// [`ErrorKind::Store`] when writing fails. Nothing of the change, the
    /// staged records included, is committed then.
    pub(crate) fn finish(mut self, changes: &ChangeSet<'_>) -> Result<(), Error> {
        self.store.rows.plan_rest(&mut self.plan, changes)?;
        let state = write_rest(&self.txn, &self.plan, changes, self.tally)?;
        self.txn.commit().map_err(engine_error)?;
        let store = self.store;
        store.state = state;
        store.rows.settle(self.plan, &changes.removes);
        store.committed(self.durable);
        Ok(())
    }
}

/// What a commit has done to the tables' digest and counts so far.
struct Tally {
    /// Hashes of the entries added, and of those replaced or removed.
    plus: u64,
    minus: u64,
    state: State,
}

impl Store {
    /// Opens the store at `path`, creating it when absent, and loads it.
    ///
    /// # Errors
    /// [`ErrorKind::Corrupt`] when the file is damaged or not a store,
    /// [`ErrorKind::UnsupportedVersion`] when a newer format wrote it,
    /// [`ErrorKind::Store`] when another process has it open, and
    /// [`ErrorKind::Io`] when reading or creating it fails.
    pub(crate) fn open(path: &Path, durability: Durability) -> Result<(Store, Snapshot), Error> {
        // A compaction interrupted by a crash leaves its half-written copy;
        // it may hold records removed since, so it must not linger.
        compact::remove_leftover(path)?;
        if !path.try_exists()? {
            load::create(path)?;
        }
        let (db, state, rows, snapshot) = load::open_and_load(path)?;
        let store = Store {
            db: Some(db),
            path: path.to_path_buf(),
            durability,
            state,
            rows,
            last_sync: Instant::now(),
            unsynced: false,
        };
        Ok((store, snapshot))
    }

    /// Writes `changes` as one atomic transaction: after a crash either all
    /// of it is on disk or none of it. With [`Durability::Immediate`] it is
    /// on disk when this returns `Ok`.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRecord`] when an upserted id is invalid or its
    /// bytes are not a compact record (nothing is written);
    /// [`ErrorKind::Io`] or [`ErrorKind::Store`] when writing fails, in which
    /// case nothing of `changes` is committed.
    pub(crate) fn commit(&mut self, changes: &ChangeSet<'_>) -> Result<(), Error> {
        self.stage(&changes.upserts)?.finish(changes)
    }

    /// Begins a commit with the records it upserts: opens the transaction
    /// and writes them. The rest of the commit comes with [`Staged::finish`],
    /// and nothing of it is visible or durable before: records do not depend
    /// on how they resolve, so a batch's records are written while the graph
    /// resolves the batch. Dropping the [`Staged`] commits nothing.
    ///
    /// # Errors
    /// As [`Store::commit`].
    pub(crate) fn stage<'a>(
        &mut self,
        upserts: &[(&'a str, &'a [u8])],
    ) -> Result<Staged<'_, 'a>, Error> {
        for &(id, bytes) in upserts {
            check_id(id)?;
            if Record::decode_compact(id, bytes).is_none() {
                return Err(Error::new(
                    ErrorKind::InvalidRecord,
                    "record bytes are not in the compact form",
                ));
            }
        }
        let durable = match self.durability {
            Durability::Immediate => true,
            Durability::Eventual => self.last_sync.elapsed() >= EVENTUAL_SYNC_INTERVAL,
        };
        let mut plan = self.rows.plan_records(upserts);
        let mut txn = self.db()?.begin_write().map_err(engine_error)?;
        txn.set_durability(if durable {
            redb::Durability::Immediate
        } else {
            redb::Durability::None
        });
        txn.set_two_phase_commit(true);
        let mut tally = Tally {
            plus: 0,
            minus: 0,
            state: self.state,
        };
        write_records(&txn, &plan, &mut tally)?;
        // Written: the rows of new ids are all the rest needs of them.
        plan.upserts = Vec::new();
        Ok(Staged {
            store: self,
            txn,
            plan,
            tally,
            durable,
        })
    }

    /// Puts every commit so far on disk (only [`Durability::Eventual`] has
    /// any that are not).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] or [`ErrorKind::Store`] when the write fails.
    pub(crate) fn flush(&mut self) -> Result<(), Error> {
        if !self.unsynced {
            return Ok(());
        }
        let mut txn = self.db()?.begin_write().map_err(engine_error)?;
        txn.set_durability(redb::Durability::Immediate);
        txn.set_two_phase_commit(true);
        txn.commit().map_err(engine_error)?;
        self.committed(true);
        Ok(())
    }

    /// Rewrites the file with only live data, so that no byte of a removed
    /// record (or of any replaced value) remains in it, and makes every
    /// commit so far durable.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] or [`ErrorKind::Store`] when writing the copy or
    /// swapping it in fails. The old file stays in place and open unless
    /// the swap failed after the rename and the new file cannot be reopened;
    /// then every later call fails with [`ErrorKind::Store`] and the file on
    /// disk is the complete compacted copy.
    pub(crate) fn compact(&mut self) -> Result<(), Error> {
        compact::compact(self)?;
        self.committed(true);
        Ok(())
    }

    /// Notes a commit that reached the file: fsync'd (`synced`), which
    /// restarts [`Durability::Eventual`]'s interval, or not yet.
    fn committed(&mut self, synced: bool) {
        if synced {
            self.last_sync = Instant::now();
        }
        self.unsynced = !synced;
    }

    fn db(&self) -> Result<&Database, Error> {
        self.db.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::Store,
                "store is closed: an earlier compaction could not reopen it",
            )
        })
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Errors cannot be reported from drop; callers who care call flush().
        let _ = self.flush();
    }
}

/// Writes the records of `plan` inside `txn`.
fn write_records(
    txn: &redb::WriteTransaction,
    plan: &Plan<'_>,
    tally: &mut Tally,
) -> Result<(), Error> {
    use format::{entry_hash, TAG_RECORD};

    let mut records = txn.open_table(RECORDS).map_err(engine_error)?;
    let mut value = Vec::new();
    for &(row, id, bytes) in &plan.upserts {
        format::encode_row_into(id, bytes, &mut value);
        let key = row.to_le_bytes();
        match records
            .insert(row, value.as_slice())
            .map_err(engine_error)?
        {
            Some(old) => {
                tally.minus = tally
                    .minus
                    .wrapping_add(entry_hash(TAG_RECORD, &key, old.value()))
            }
            None => tally.state.records += 1,
        }
        tally.plus = tally
            .plus
            .wrapping_add(entry_hash(TAG_RECORD, &key, &value));
    }
    Ok(())
}

/// Writes the rest of `plan` and `changes` (all but the records) inside
/// `txn`, returning the state the whole commit leads to.
fn write_rest(
    txn: &redb::WriteTransaction,
    plan: &Plan<'_>,
    changes: &ChangeSet<'_>,
    tally: Tally,
) -> Result<State, Error> {
    use format::{entry_hash, TAG_ASSIGNMENT, TAG_RECORD, TAG_REDIRECT};

    let mut records = txn.open_table(RECORDS).map_err(engine_error)?;
    let mut assignments = txn.open_table(ASSIGNMENTS).map_err(engine_error)?;
    let mut redirects = txn.open_table(REDIRECTS).map_err(engine_error)?;
    let mut meta = txn.open_table(META).map_err(engine_error)?;

    let Tally {
        mut plus,
        mut minus,
        mut state,
    } = tally;
    let assignment_hash = |row: u64, customer: u64| {
        entry_hash(TAG_ASSIGNMENT, &row.to_le_bytes(), &customer.to_le_bytes())
    };
    for &(row, customer) in &plan.assignments {
        match assignments.insert(row, customer).map_err(engine_error)? {
            Some(old) => minus = minus.wrapping_add(assignment_hash(row, old.value())),
            None => state.assignments += 1,
        }
        plus = plus.wrapping_add(assignment_hash(row, customer));
    }
    for &(dead, into) in &changes.redirects {
        let key = dead.to_le_bytes();
        match redirects.insert(dead, into).map_err(engine_error)? {
            Some(old) => {
                minus =
                    minus.wrapping_add(entry_hash(TAG_REDIRECT, &key, &old.value().to_le_bytes()))
            }
            None => state.redirects += 1,
        }
        plus = plus.wrapping_add(entry_hash(TAG_REDIRECT, &key, &into.to_le_bytes()));
    }
    for &row in &plan.removes {
        if let Some(old) = records.remove(row).map_err(engine_error)? {
            minus = minus.wrapping_add(entry_hash(TAG_RECORD, &row.to_le_bytes(), old.value()));
            state.records = state.records.saturating_sub(1);
        }
        if let Some(old) = assignments.remove(row).map_err(engine_error)? {
            minus = minus.wrapping_add(assignment_hash(row, old.value()));
            state.assignments = state.assignments.saturating_sub(1);
        }
    }
    state.digest = state.digest.wrapping_add(plus).wrapping_sub(minus);
    if let Some(model) = changes.model {
        meta.insert(format::KEY_MODEL, model)
            .map_err(engine_error)?;
        state.model = Some(format::model_hash(model));
    }
    state.next_customer = changes.next_customer;
    meta.insert(format::KEY_STATE, state.encode().as_slice())
        .map_err(engine_error)?;
    Ok(state)
}

/// Maps a redb error to ours. redb's messages name pages and tables, never
/// stored values, so they are safe to keep.
fn engine_error(err: impl Into<redb::Error>) -> Error {
    let err: redb::Error = err.into();
    match err {
        // redb reads a page or header past the end of the file when the file
        // was cut short (or is not a store): that is damage, not a failing disk.
        redb::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::new(ErrorKind::Corrupt, "store file is truncated").with_source(io)
        }
        // redb's answer to a file that lacks its magic number (empty included).
        redb::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => Error::new(
            ErrorKind::Corrupt,
            "not a store file, or its header is damaged",
        )
        .with_source(io),
        redb::Error::Io(io) => Error::new(ErrorKind::Io, "store I/O error").with_source(io),
        redb::Error::Corrupted(msg) => {
            Error::new(ErrorKind::Corrupt, format!("store file is damaged: {msg}"))
        }
        redb::Error::UpgradeRequired(v) => Error::new(
            ErrorKind::UnsupportedVersion,
            format!("store engine file format {v} is not readable by this build"),
        ),
        redb::Error::DatabaseAlreadyOpen => Error::new(
            ErrorKind::Store,
            "store is already open (in this or another process)",
        ),
        other => Error::new(ErrorKind::Store, format!("store engine error: {other}")),
    }
}
