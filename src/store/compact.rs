//! Compaction by rewrite: the live data goes to a fresh file that replaces
//! the old one, so no freed page with a removed record's bytes survives.
//!
//! redb's own `Database::compact` moves pages toward the start of the file and
//! truncates it, but freed pages below the new end keep whatever they held.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use redb::{Database, ReadTransaction, ReadableTable, TableDefinition, WriteTransaction};

use super::format::{ASSIGNMENTS, META, RECORDS, REDIRECTS};
use super::{engine_error, Store, CACHE_BYTES};
use crate::error::{Error, ErrorKind};

/// Where a new or compacted file is written before it is renamed into place:
/// next to the store, so the rename stays on one filesystem.
pub(super) fn temp_path(path: &Path) -> Result<PathBuf, Error> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::new(ErrorKind::Io, "store path does not name a file"))?;
    let mut name = OsString::from(name);
    name.push(".compacting");
    Ok(path.with_file_name(name))
}

/// Deletes a file left by a creation or compaction that a crash interrupted.
pub(super) fn remove_leftover(path: &Path) -> Result<(), Error> {
    match fs::remove_file(temp_path(path)?) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(Error::io(err)),
        _ => Ok(()),
    }
}

/// Makes a rename or a new file in `path`'s directory durable.
pub(super) fn sync_parent_dir(path: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path; // Directories cannot be opened for fsync there; the rename is what the OS gives.
    Ok(())
}

pub(super) fn compact(store: &mut Store) -> Result<(), Error> {
    let copy = temp_path(&store.path)?;
    remove_leftover(&store.path)?;
    if let Err(err) = write_copy(store.db()?, &copy) {
        let _ = fs::remove_file(&copy);
        return Err(err);
    }
    // Close the old file before replacing it (Windows cannot rename over an
    // open file, and redb's lock belongs to the old file).
    store.db = None;
    let renamed = fs::rename(&copy, &store.path);
    if renamed.is_err() {
        let _ = fs::remove_file(&copy);
    }
    // Reopen whichever file is in place now before reporting anything, so an
    // error below leaves a usable store.
    store.db = Some(reopen(&store.path)?);
    renamed?;
    sync_parent_dir(&store.path)
}

fn reopen(path: &Path) -> Result<Database, Error> {
    redb::Builder::new()
        .set_cache_size(CACHE_BYTES)
        .create(path)
        .map_err(engine_error)
}

/// Copies every table into a new file in one durable transaction and fsyncs it.
fn write_copy(db: &Database, copy: &Path) -> Result<(), Error> {
    let fresh = redb::Builder::new()
        .set_cache_size(CACHE_BYTES)
        .create(copy)
        .map_err(engine_error)?;
    let read = db.begin_read().map_err(engine_error)?;
    let mut txn = fresh.begin_write().map_err(engine_error)?;
    txn.set_durability(redb::Durability::Immediate);
    txn.set_two_phase_commit(true);
    copy_table(&read, &txn, RECORDS)?;
    copy_table(&read, &txn, ASSIGNMENTS)?;
    copy_table(&read, &txn, REDIRECTS)?;
    copy_table(&read, &txn, META)?;
    txn.commit().map_err(engine_error)?;
    drop(fresh);
    // The commit fsync'd the data; this also covers what redb writes when it
    // closes the file (its allocator state), so the copy is complete on disk
    // before it replaces the original.
    fs::File::open(copy)?.sync_all()?;
    Ok(())
}

/// Copies every entry of one table, in key order.
fn copy_table<K: redb::Key + 'static, V: redb::Value + 'static>(
    read: &ReadTransaction,
    write: &WriteTransaction,
    table: TableDefinition<K, V>,
) -> Result<(), Error> {
    let mut to = write.open_table(table).map_err(engine_error)?;
    for entry in read
        .open_table(table)
        .map_err(engine_error)?
        .iter()
        .map_err(engine_error)?
    {
        let (k, v) = entry.map_err(engine_error)?;
        to.insert(k.value(), v.value()).map_err(engine_error)?;
    }
    Ok(())
}
