//! The identity graph: records in, customers out, in batches or one at a time.

pub(crate) mod cluster;
mod event;
pub(crate) mod guard;
mod ids;
mod index;
mod pool;
mod region;
mod slot_lists;
mod state;
pub(crate) mod union_find;

pub use cluster::GenericValue;
pub use event::Event;
pub use guard::Guard;

use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::error::{Error, ErrorKind};
use crate::explain::Explanation;
use crate::id::CustomerId;
use crate::prepare::{prepare, Prepared, Rejection};

use crate::record::Record;
use crate::store::{ChangeSet, Store};
use crate::Config;
use rayon::prelude::*;
use state::State;

/// The result of one record's upsert: its customer, the values refused, and
/// what changed in the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    record_id: Arc<str>,
    customer: CustomerId,
    /// Refused values and events, which most outcomes of a batch have none
    /// of: out of line, a million outcomes take 32 bytes each instead of 64.
    extra: Option<Box<OutcomeExtra>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct OutcomeExtra {
    rejected: Box<[Rejection]>,
    events: Vec<Event>,
}

impl Outcome {
    /// An outcome without events.
    fn new(record_id: Arc<str>, customer: CustomerId, rejected: Box<[Rejection]>) -> Outcome {
        Outcome {
            record_id,
            customer,
            extra: (!rejected.is_empty()).then(|| {
                Box::new(OutcomeExtra {
                    rejected,
                    events: Vec::new(),
                })
            }),
        }
    }

    fn set_events(&mut self, events: Vec<Event>) {
        match &mut self.extra {
            Some(extra) => extra.events = events,
            None if events.is_empty() => {}
            None => {
                self.extra = Some(Box::new(OutcomeExtra {
                    rejected: Box::default(),
                    events,
                }))
            }
        }
    }

    /// The record's id.
    pub fn record_id(&self) -> &str {
        &self.record_id
    }
    /// The customer the record belongs to.
    pub fn customer(&self) -> CustomerId {
        self.customer
    }
    /// Values of the record that were refused, with reasons.
    pub fn rejected(&self) -> &[Rejection] {
        self.extra.as_ref().map_or(&[], |e| &e.rejected)
    }
    /// What changed in the graph. For a batch, the whole batch's events are on
    /// its last outcome (and the others have none).
    pub fn events(&self) -> &[Event] {
        self.extra.as_ref().map_or(&[], |e| &e.events)
    }
}

/// The result of erasing one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    record_id: Box<str>,
    customer: CustomerId,
    events: Vec<Event>,
}

impl Removal {
    /// The erased record's id.
    pub fn record_id(&self) -> &str {
        &self.record_id
    }
    /// The customer the record belonged to.
    pub fn former_customer(&self) -> CustomerId {
        self.customer
    }
    /// What changed: splits of the customer it held together, its customer
    /// erased when it was the last record.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}

/// Summary statistics of the graph.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Stats {
    /// Records held.
    pub records: usize,
    /// Customers.
    pub customers: usize,
    /// Records in the largest customer.
    pub largest_customer: usize,
    /// Candidate pairs scored at the last rebuild.
    pub candidate_pairs: usize,
    /// Blocking keys too common to generate pairs, at the last rebuild.
    pub oversized_keys: usize,
    /// Merges refused by a guard.
    pub refused_merges: usize,
    /// The score threshold in bits.
    pub threshold_bits: f64,
    /// The estimated prior log2 odds that two random records are one person.
    pub prior_bits: f64,
}

type Subscriber = Box<dyn Fn(&Event) + Send + Sync>;

/// Records of a batch applied under one hold of the write lock.
const CHUNK: usize = 1024;

/// An identity graph: holds records, resolves them into customers, and keeps
/// the customers up to date as records arrive, change and are erased.
///
/// # Real time
/// [`upsert`](Self::upsert) and [`remove`](Self::remove) re-resolve only the
/// neighbourhood a record touches (its customers, the holders of its
/// identifier values, the records its evidence could link), with the
/// statistics estimated at the last rebuild. The partition is always the one
/// a batch resolve of the records held would give with those statistics.
/// Statistics are re-estimated from all records by [`reestimate`](Self::reestimate),
/// and by themselves when the graph has grown by the configured factor
/// ([`Config::reestimate_growth`]); after that the partition equals a fresh
/// batch resolve of the records held.
///
/// # Customer ids
/// A [`CustomerId`] changes only when its customer merges or splits. A
/// customer's anchor is its earliest record (by timestamp, then record id);
/// on a merge the id whose anchor is earliest survives and the others redirect
/// to it ([`resolve_id`](Self::resolve_id)); on a split the part holding the
/// anchor keeps the id and the others get new ones. Ids are never reused.
///
/// # Concurrency
/// The graph is `Send + Sync`; every method takes `&self`. Writers are
/// serialized. Readers ([`customer_of`](Self::customer_of), [`explain`](Self::explain),
/// ...) run alongside and wait only while a write is patched in: a real-time
/// change holds the lock for its own few microseconds, and a rebuild (batch
/// or re-estimation) is computed beside the live graph, under a shared lock,
/// and swapped in at the end. Readers never see half a change.
///
/// ```
/// use idgraph::{Config, IdentityGraph, Record};
///
/// let graph = IdentityGraph::new(Config::new())?;
/// graph.upsert_batch(vec![
///     Record::new("web-1")?.source("web").email("Jane.Doe@gmail.com").name("Jane Doe"),
///     Record::new("pos-7")?.source("pos").phone("(415) 555-0132").email("janedoe@gmail.com").country("US"),
///     Record::new("loy-3")?.source("loyalty").phone("+1 415 555 0132").loyalty_id("LY-0042-1337"),
/// ])?;
/// let c = graph.customer_of("web-1").unwrap();
/// assert_eq!(graph.customer_of("loy-3"), Some(c));
/// assert_eq!(graph.records_of(c).len(), 3);
/// println!("{}", graph.explain("web-1", "loy-3")?);
///
/// // Erasure: the customer this record held together splits (nothing else
/// // links the other two).
/// graph.remove("pos-7")?;
/// assert_ne!(graph.customer_of("web-1"), graph.customer_of("loy-3"));
/// # Ok::<(), idgraph::Error>(())
/// ```
pub struct IdentityGraph {
    state: RwLock<State>,
    /// Serializes writers; holds the subscriber and the store.
    writer: Mutex<Writer>,
}

#[derive(Default)]
struct Writer {
    subscriber: Option<Subscriber>,
    store: Option<Store>,
    /// A write reached memory but not the store: the graph no longer matches
    /// the disk, so it takes no more writes (reopen it).
    failed: bool,
}

impl Writer {
    fn check(&self) -> Result<(), Error> {
        if self.failed {
            return Err(Error::new(
                ErrorKind::Store,
                "an earlier write did not reach the store; reopen the graph",
            ));
        }
        Ok(())
    }

    fn publish(&self, events: &[Event]) {
        if let Some(f) = self.subscriber.as_ref() {
            events.iter().for_each(f);
        }
    }
}

impl std::fmt::Debug for IdentityGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityGraph")
            .field("records", &self.len())
            .finish_non_exhaustive()
    }
}

impl IdentityGraph {
    /// An empty graph.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidConfig`] when a setting is out of range.
    pub fn new(config: Config) -> Result<IdentityGraph, Error> {
        config.validate()?;
        Ok(IdentityGraph {
            state: RwLock::new(State::new(config)),
            writer: Mutex::new(Writer::default()),
        })
    }

    /// A graph kept on disk at `path` (one file), created when absent. An
    /// existing graph comes back exactly as it was: records, customers and
    /// their ids, redirects, generic values and the estimates.
    ///
    /// Every write ([`upsert`](Self::upsert), [`upsert_batch`](Self::upsert_batch),
    /// [`remove`](Self::remove), [`reestimate`](Self::reestimate)) is one atomic
    /// transaction, on disk when it returns `Ok` as [`Config::durability`]
    /// promises: with the default [`Durability::Immediate`](crate::Durability::Immediate)
    /// it survives a crash of the process or the machine at any later instant.
    ///
    /// ```
    /// use idgraph::{Config, IdentityGraph, Record};
    ///
    /// let dir = std::env::temp_dir().join(format!("idgraph-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("graph.idg");
    /// {
    ///     let graph = IdentityGraph::open(&path, Config::new())?;
    ///     graph.upsert(Record::new("web-1")?.email("jane.doe@gmail.com"))?;
    ///     graph.upsert(Record::new("app-2")?.email("janedoe@gmail.com"))?;
    /// }
    /// let graph = IdentityGraph::open(&path, Config::new())?;
    /// assert_eq!(graph.len(), 2);
    /// assert_eq!(graph.customer_of("web-1"), graph.customer_of("app-2"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidConfig`]; [`ErrorKind::Io`] or [`ErrorKind::Store`]
    /// when the file cannot be opened (held by another process, say);
    /// [`ErrorKind::Corrupt`] when it is damaged or not a graph;
    /// [`ErrorKind::UnsupportedVersion`] when a newer idgraph wrote it.
    pub fn open(path: impl AsRef<std::path::Path>, config: Config) -> Result<IdentityGraph, Error> {
        config.validate()?;
        let (store, snap) = Store::open(path.as_ref(), config.durability)?;
        let state = match snap.model.as_deref() {
            Some(bytes) => {
                let model = state::Model::decode(bytes, &config).ok_or_else(|| {
                    Error::new(ErrorKind::Corrupt, "the stored estimates cannot be read")
                })?;
                State::restored(
                    config,
                    snap.records,
                    &snap.assignments,
                    &snap.redirects,
                    snap.next_customer,
                    model,
                )
            }
            None if snap.records.is_empty() => {
                let mut st = State::new(config);
                st.next_customer = snap.next_customer.max(1);
                st
            }
            None => {
                return Err(Error::new(
                    ErrorKind::Corrupt,
                    "the store holds records but no estimates",
                ))
            }
        };
        Ok(IdentityGraph {
            state: RwLock::new(state),
            writer: Mutex::new(Writer {
                store: Some(store),
                ..Writer::default()
            }),
        })
    }

    /// Writes what the last change did to the store, if there is one: the
    /// records upserted (by id) and removed, every customer assignment and
    /// redirect the change made, and the estimates when they were remade.
    fn persist(
        &self,
        w: &mut Writer,
        upserted: &[&str],
        removed: &[&str],
        estimated: bool,
    ) -> Result<(), Error> {
        let (changed, redirects) = self.take_changes();
        let Some(store) = w.store.as_mut() else {
            return Ok(());
        };
        let mut timer = crate::util::PhaseTimer::new();
        let st = self.read();
        let mut upserts: Vec<(&str, &[u8])> = Vec::with_capacity(upserted.len());
        for id in upserted {
            if let Some(s) = st.slot(id) {
                upserts.push((&*st.prepared[s as usize].id, &st.raw[s as usize]));
            }
        }
        let model = match (estimated, st.model.as_ref()) {
            (true, Some(m)) => Some(m.encode()),
            _ => None,
        };
        let changes = ChangeSet {
            upserts,
            ..rest_of_change(&st, changed, &redirects, removed, model.as_deref())
        };
        timer.lap("store: gather");
        let result = store.commit(&changes);
        timer.lap("store: commit");
        if result.is_err() {
            w.failed = true;
        }
        result
    }

    /// The slots whose customer the last change set, and the redirects it
    /// left, taken for the store (kept for none: the graph in memory has them).
    fn take_changes(&self) -> (Vec<u32>, Vec<(CustomerId, CustomerId)>) {
        let mut st = self.write();
        (
            std::mem::take(&mut st.changed),
            std::mem::take(&mut st.new_redirects),
        )
    }

    /// A batch applied record by record (see [`Self::apply_in_chunks`]) while
    /// its records are written to the store, then committed with what the
    /// batch did: the records do not depend on how they resolve, and the
    /// resolution mostly runs on one core, so writing them beside it takes
    /// the store's share of a batch mostly off the clock. The commit, and
    /// with it the durability contract, is as [`Self::persist`]'s.
    fn apply_and_persist(
        &self,
        store: &mut Store,
        held: &[Record],
    ) -> Result<(Vec<Outcome>, Vec<Event>), Error> {
        let mut timer = crate::util::PhaseTimer::new();
        // Normalizing takes all cores: the store's writes go beside what follows.
        let prepared = pool::for_records(held.len(), || self.prepare_batch(held));
        timer.lap("batch: normalize");
        std::thread::scope(|scope| {
            let apply = scope
                .spawn(|| pool::for_records(held.len(), || self.apply_prepared(held, prepared)));
            // The version each id ends with (a later one in the batch
            // replaces an earlier one), in id order as `persist` writes them.
            let mut last: crate::util::FxMap<&str, &Record> = crate::util::map();
            for r in held {
                last.insert(r.id(), r);
            }
            let mut finals: Vec<(&str, Box<[u8]>)> = last
                .into_iter()
                .map(|(id, r)| (id, state::encode(r)))
                .collect();
            finals.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let upserts: Vec<(&str, &[u8])> = finals.iter().map(|(id, b)| (*id, &**b)).collect();
            let staged = store.stage(&upserts);
            timer.lap("store: stage records");
            let applied = match apply.join() {
                Ok(applied) => applied,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            timer.lap("batch: applied");
            let (changed, redirects) = self.take_changes();
            let st = self.read();
            staged.and_then(|staged| {
                staged.finish(&rest_of_change(&st, changed, &redirects, &[], None))
            })?;
            timer.lap("store: commit");
            Ok(applied)
        })
    }

    /// Compacts the store: afterwards no byte of an erased record remains in
    /// the file (it is rewritten with the live data only). Does nothing for a
    /// graph in memory.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] or [`ErrorKind::Store`] when the file cannot be rewritten.
    pub fn compact(&self) -> Result<(), Error> {
        let mut w = self.lock_writer();
        w.check()?;
        match w.store.as_mut() {
            Some(store) => store.compact(),
            None => Ok(()),
        }
    }

    /// Makes every write so far durable (fsync), for a graph on disk opened
    /// with [`Durability::Eventual`](crate::Durability::Eventual); with
    /// `Immediate` they already are. Does nothing for a graph in memory.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] or [`ErrorKind::Store`] when the disk write fails.
    pub fn flush(&self) -> Result<(), Error> {
        let mut w = self.lock_writer();
        w.check()?;
        match w.store.as_mut() {
            Some(store) => store.flush(),
            None => Ok(()),
        }
    }

    fn lock_writer(&self) -> std::sync::MutexGuard<'_, Writer> {
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        // A panic inside a write leaves the lock poisoned; every write is
        // applied in full or not at all, so the state is still consistent.
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Installs a rebuilt state. The old one (millions of small allocations
    /// after a large batch) is freed after the lock is released, so readers
    /// do not wait for it. (Freeing it on another thread saved the caller 6%
    /// of a 1M ingest but kept it alive beside the next batch: 1 GB more at
    /// peak.)
    fn swap_in(&self, next: State) {
        let old = std::mem::replace(&mut *self.write(), next);
        drop(old);
    }

    /// The configuration.
    pub fn config(&self) -> Config {
        self.read().config.clone()
    }

    /// Calls `subscriber` with every event of every later change, in order,
    /// after the change is visible to readers. Replaces any earlier subscriber.
    pub fn set_subscriber(&self, subscriber: impl Fn(&Event) + Send + Sync + 'static) {
        self.lock_writer().subscriber = Some(Box::new(subscriber));
    }

    fn needs_rebuild(state: &State, adding: usize) -> bool {
        match (&state.model, state.config.reestimate_growth) {
            (None, _) => true,
            (Some(m), Some(growth)) => {
                (state.live_count + adding) as f64 >= growth * (m.records.max(1) as f64)
            }
            (Some(_), None) => false,
        }
    }

    /// Adds a record, or a new version of a record already held (same `id`:
    /// its old values are withdrawn first), and re-resolves what it touches.
    ///
    /// # Errors
    /// None today: every [`Record`] is valid by construction and refused values
    /// are reported in the outcome. The `Result` leaves room for stores that can fail.
    pub fn upsert(&self, record: Record) -> Result<Outcome, Error> {
        let mut out = self.upsert_batch(std::iter::once(record))?;
        out.pop()
            .ok_or_else(|| Error::new(ErrorKind::UnknownRecord, "record vanished"))
    }

    /// Adds records, or new versions of records already held (same `id`).
    /// Within one batch a later record with the same id replaces an earlier
    /// one. Returns one outcome per input record, in input order, each with
    /// the record's customer after the whole batch.
    ///
    /// A batch that grows the graph past the re-estimation point (and the
    /// first batch of an empty graph) is resolved as a whole; otherwise its
    /// records are applied one at a time. A record identical to the version
    /// the graph holds (a message delivered twice, a file ingested again)
    /// changes nothing and writes nothing: its outcome is its customer as it
    /// stands, with no events. A version whose values normalize exactly as
    /// the held one's (sent again with a new timestamp or source, or typed
    /// differently) replaces it without re-resolving anything: its customer
    /// cannot change, so there are no events either, and the new timestamp
    /// is the one the anchor rule reads from then on.
    ///
    /// # Errors
    /// None today (see [`upsert`](Self::upsert)).
    pub fn upsert_batch<I>(&self, records: I) -> Result<Vec<Outcome>, Error>
    where
        I: IntoIterator<Item = Record>,
    {
        let mut w = self.lock_writer();
        w.check()?;
        // A graph without estimates is built in one go, streaming the input;
        // otherwise the batch size decides whether it is time to re-estimate.
        let mut records = records.into_iter();
        let mut held: Vec<Record> = Vec::new();
        // Records identical to the version the graph holds change nothing (a
        // run over a file already ingested, a message delivered twice): they
        // are answered from the graph as it stands. Input position and id.
        let mut same: Vec<(usize, Arc<str>)> = Vec::new();
        let rebuild = self.read().model.is_none() || {
            held.extend(records.by_ref());
            (held, same) = self.set_apart_unchanged(held);
            Self::needs_rebuild(&self.read(), held.len())
        };
        // Whether the batch's commit is made already (beside its application).
        let mut written = false;
        let (outcomes, events) = if rebuild {
            self.rebuild_with(held.into_iter().chain(records))
        } else if let [r] = held.as_slice() {
            // One record: the real-time path, with its fast path.
            let out = self.apply_one(r);
            if out.0.is_empty() {
                same.push((0, r.id().into()));
            }
            out
        } else if let (Some(store), true) = (w.store.as_mut(), held.len() >= pool::LARGE_WORK) {
            written = true;
            let result = self.apply_and_persist(store, &held);
            if result.is_err() {
                w.failed = true;
            }
            result?
        } else {
            pool::for_records(held.len(), || self.apply_in_chunks(&held))
        };
        if written || (outcomes.is_empty() && !rebuild) {
            // Nothing changed, or written already.
        } else if w.store.is_some() {
            let mut unique: Vec<&str> = outcomes.iter().map(Outcome::record_id).collect();
            unique.sort_unstable();
            unique.dedup();
            self.persist(&mut w, &unique, &[], rebuild)?;
        } else {
            self.persist(&mut w, &[], &[], rebuild)?;
        }
        let mut outcomes = self.with_unchanged(outcomes, same);
        w.publish(&events);
        if let Some(last) = outcomes.last_mut() {
            last.set_events(events);
        }
        Ok(outcomes)
    }

    /// Splits a batch into the records that change something and those
    /// identical to the version the graph holds (by input position and id).
    fn set_apart_unchanged(&self, batch: Vec<Record>) -> (Vec<Record>, Vec<(usize, Arc<str>)>) {
        // (A single record is checked by the real-time path itself.)
        if batch.len() <= 1 {
            return (batch, Vec::new());
        }
        let keep = self.read().changes_anything(&batch);
        if keep.iter().all(|&k| k) {
            return (batch, Vec::new());
        }
        let mut kept = Vec::with_capacity(batch.len());
        let mut same = Vec::new();
        for (i, (r, k)) in batch.into_iter().zip(keep).enumerate() {
            if k {
                kept.push(r);
            } else {
                same.push((i, r.id().into()));
            }
        }
        (kept, same)
    }

    /// Re-estimates and resolves everything held plus `records`, and swaps
    /// the result in. Outcomes in input order.
    fn rebuild_with(&self, records: impl Iterator<Item = Record>) -> (Vec<Outcome>, Vec<Event>) {
        let (next, slots, events) = if pool::held() {
            // Streamed on this thread, the input would be normalized here
            // alone: it is gathered first and the rebuild goes to all cores.
            let records: Vec<(Record, Option<CustomerId>)> = records.map(|r| (r, None)).collect();
            pool::on_all_cores(|| self.read().rebuilt(records))
        } else {
            self.read().rebuilt(records.map(|r| (r, None)))
        };
        let outcomes = slots.into_iter().map(|s| next.outcome(s)).collect();
        self.swap_in(next);
        (outcomes, events)
    }

    /// One record by the real-time path; no outcome when the graph holds it
    /// as it is.
    fn apply_one(&self, r: &Record) -> (Vec<Outcome>, Vec<Event>) {
        let mut st = self.write();
        match st.upsert_one(r) {
            Some((slot, events)) => (vec![st.outcome(slot)], events),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// A batch normalized on all cores beside the live graph, then applied in
    /// chunks: each chunk re-resolves the union of its records'
    /// neighbourhoods once, and readers wait for one chunk at most.
    fn apply_in_chunks(&self, batch: &[Record]) -> (Vec<Outcome>, Vec<Event>) {
        self.apply_prepared(batch, self.prepare_batch(batch))
    }

    /// The records of a batch normalized, on all cores.
    fn prepare_batch(&self, batch: &[Record]) -> Vec<Prepared> {
        let st = self.read();
        match st.model.as_ref() {
            Some(m) => batch
                .par_iter()
                .map(|r| prepare(r, &m.normalizer))
                .collect(),
            None => Vec::new(),
        }
    }

    /// [`Self::apply_in_chunks`] with the batch normalized.
    fn apply_prepared(
        &self,
        batch: &[Record],
        prepared: Vec<Prepared>,
    ) -> (Vec<Outcome>, Vec<Event>) {
        let mut prepared = prepared.into_iter();
        let mut outcomes = Vec::with_capacity(batch.len());
        let mut events = Vec::new();
        for chunk in batch.chunks(CHUNK) {
            let mut st = self.write();
            let mut changes = Vec::with_capacity(chunk.len());
            for (r, p) in chunk.iter().zip(prepared.by_ref()) {
                outcomes.push(Outcome::new(
                    p.id.clone(),
                    state::NO_CUSTOMER,
                    p.rejected.clone(),
                ));
                let old = st.slot(r.id());
                if let Some(o) = old.filter(|&o| st.touches_only(o, &p)) {
                    st.replace_in_place(o, r, p, state::encode(r));
                    continue;
                }
                let slot = st.push_record_at(r, p, state::encode(r));
                changes.push((old, Some(slot)));
            }
            events.extend(st.change_many(&changes));
        }
        // Each record's customer after the whole batch (a later version of
        // the same id in the batch holds it then: an earlier one's slot is
        // emptied).
        let st = self.read();
        for o in &mut outcomes {
            o.customer = st
                .slot(&o.record_id)
                .map_or(state::NO_CUSTOMER, |s| st.customer[s as usize]);
        }
        (outcomes, events)
    }

    /// The outcomes of a batch in input order: those of the records that
    /// changed something, with the records that did not (`same`: input
    /// position and id) answered from the graph as it stands.
    fn with_unchanged(&self, outcomes: Vec<Outcome>, same: Vec<(usize, Arc<str>)>) -> Vec<Outcome> {
        if same.is_empty() {
            return outcomes;
        }
        let st = self.read();
        let total = outcomes.len() + same.len();
        let mut all = Vec::with_capacity(total);
        let mut changed = outcomes.into_iter();
        let mut same = same.into_iter().peekable();
        while all.len() < total {
            let next = match same.next_if(|(i, _)| *i == all.len()) {
                Some((_, id)) => Some(match st.slot(&id) {
                    Some(s) => st.outcome(s),
                    None => Outcome::new(id, state::NO_CUSTOMER, Box::default()),
                }),
                None => changed.next(),
            };
            match next {
                Some(o) => all.push(o),
                None => break,
            }
        }
        all
    }

    /// Erases a record: its values, its links, its place in every index, and
    /// its identifier values from the estimated frequencies. A customer it held
    /// together splits into the parts still linked (the part holding the
    /// customer's anchor keeps the id).
    ///
    /// # Errors
    /// [`ErrorKind::UnknownRecord`] when no record has this id.
    pub fn remove(&self, record_id: &str) -> Result<Removal, Error> {
        let mut w = self.lock_writer();
        w.check()?;
        let (customer, events) = self
            .write()
            .remove_one(record_id)
            .ok_or_else(|| Error::new(ErrorKind::UnknownRecord, "record id not in the graph"))?;
        self.persist(&mut w, &[], &[record_id], false)?;
        w.publish(&events);
        Ok(Removal {
            record_id: record_id.into(),
            customer,
            events,
        })
    }

    /// Erases every record of a customer (see [`remove`](Self::remove)).
    ///
    /// # Errors
    /// [`ErrorKind::UnknownRecord`] when the customer has no record.
    pub fn remove_customer(&self, customer: CustomerId) -> Result<Vec<Removal>, Error> {
        let ids = self.records_of(customer);
        if ids.is_empty() {
            return Err(Error::new(
                ErrorKind::UnknownRecord,
                "customer not in the graph",
            ));
        }
        ids.iter().map(|id| self.remove(id)).collect()
    }

    /// Re-estimates every statistic from the records held and resolves them
    /// all again: afterwards the partition equals a fresh batch resolve.
    /// Customer ids follow the usual rule. Returns the events.
    ///
    /// # Errors
    /// None today; the `Result` leaves room for stores that can fail.
    pub fn reestimate(&self) -> Result<Vec<Event>, Error> {
        let mut w = self.lock_writer();
        w.check()?;
        let (next, _, events) = pool::on_all_cores(|| self.read().rebuilt(Vec::new()));
        self.swap_in(next);
        self.persist(&mut w, &[], &[], true)?;
        w.publish(&events);
        Ok(events)
    }

    /// Fills an empty graph from an export: records with the customer ids they
    /// had, which they keep (two records exported under one id and still one
    /// customer keep it; if the estimates now join or part them, the anchor
    /// rule decides as for any change). Statistics are estimated from the
    /// records. One atomic write on a graph on disk.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidCommand`] when the graph already holds records.
    pub fn restore<I>(&self, records: I) -> Result<(), Error>
    where
        I: IntoIterator<Item = (Record, CustomerId)>,
    {
        let mut w = self.lock_writer();
        w.check()?;
        if self.read().live_count != 0 {
            return Err(Error::new(
                ErrorKind::InvalidCommand,
                "restore needs an empty graph",
            ));
        }
        let records: Vec<(Record, Option<CustomerId>)> =
            records.into_iter().map(|(r, c)| (r, Some(c))).collect();
        let mut ids: Vec<Box<str>> = records.iter().map(|(r, _)| r.id().into()).collect();
        ids.sort_unstable();
        ids.dedup();
        let (next, _, _) = pool::on_all_cores(|| self.read().rebuilt(records));
        self.swap_in(next);
        let ids: Vec<&str> = ids.iter().map(|s| &**s).collect();
        self.persist(&mut w, &ids, &[], true)
    }

    /// The customer a record belongs to, `None` for an unknown id.
    pub fn customer_of(&self, record_id: &str) -> Option<CustomerId> {
        let st = self.read();
        st.slot(record_id).map(|s| st.customer[s as usize])
    }

    /// The live customer an id stands for now: the id itself while its
    /// customer lives, the customer it merged into after a merge (followed
    /// through later merges), `None` once its records are all erased.
    ///
    /// ```
    /// use idgraph::{Config, IdentityGraph, Record};
    ///
    /// let graph = IdentityGraph::new(Config::new())?;
    /// let a = graph.upsert(Record::new("a")?.ts("2024-01-01T00:00:00Z").email("kim.ortiz@gmail.com"))?.customer();
    /// let b = graph.upsert(Record::new("b")?.ts("2024-02-01T00:00:00Z").phone("+1 312 555 0177").name("Kim Ortiz"))?.customer();
    /// graph.upsert(Record::new("c")?.email("kim.ortiz@gmail.com").phone("+1 312 555 0177"))?;
    /// // `a` holds the earliest record: its id survives, `b` points to it.
    /// assert_eq!(graph.resolve_id(b), Some(a));
    /// assert_eq!(graph.resolve_id(a), Some(a));
    /// # Ok::<(), idgraph::Error>(())
    /// ```
    pub fn resolve_id(&self, customer: CustomerId) -> Option<CustomerId> {
        self.read().resolve_id(customer)
    }

    /// The record ids of a customer, sorted; empty for an unknown customer.
    pub fn records_of(&self, customer: CustomerId) -> Vec<String> {
        self.read().records_of(customer)
    }

    /// The record held under `record_id`, as it was given.
    pub fn record(&self, record_id: &str) -> Option<Record> {
        let st = self.read();
        let s = st.slot(record_id)? as usize;
        state::decode(record_id, &st.raw[s])
    }

    /// Every record id with its customer, sorted by record id.
    pub fn assignments(&self) -> Vec<(String, CustomerId)> {
        self.read().assignments()
    }

    /// Number of records held.
    pub fn len(&self) -> usize {
        self.read().live_count
    }

    /// Whether the graph holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Identifier values found generic: they link many different people and so
    /// link nothing. Sorted by kind and value.
    pub fn generic_values(&self) -> Vec<GenericValue> {
        self.read().generic.values().cloned().collect()
    }

    /// Statistics of the graph.
    pub fn stats(&self) -> Stats {
        self.read().stats()
    }

    /// Explains why two records are one customer (the chain of links, each with
    /// its fields, levels and weights) or what kept them apart.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownRecord`] when either id is not in the graph.
    pub fn explain(&self, a: &str, b: &str) -> Result<Explanation, Error> {
        self.read().explain(a, b)
    }
}

/// What a change did besides its records, for the store: the customers of
/// the slots it changed (live ones), the redirects it left, the records it
/// removed, the customer counter, and the estimates when remade.
fn rest_of_change<'s>(
    st: &'s State,
    mut changed: Vec<u32>,
    redirects: &[(CustomerId, CustomerId)],
    removed: &[&'s str],
    model: Option<&'s [u8]>,
) -> ChangeSet<'s> {
    // A slot installed by several chunks of a batch is written once.
    changed.sort_unstable();
    changed.dedup();
    let assignments = changed
        .iter()
        .filter(|&&s| st.live.get(s as usize).copied().unwrap_or(false))
        .map(|&s| {
            (
                &*st.prepared[s as usize].id,
                st.customer[s as usize].as_u64(),
            )
        })
        .collect();
    ChangeSet {
        upserts: Vec::new(),
        removes: removed.to_vec(),
        assignments,
        redirects: redirects
            .iter()
            .map(|(a, b)| (a.as_u64(), b.as_u64()))
            .collect(),
        next_customer: st.next_customer,
        model,
    }
}

#[cfg(test)]
mod tests;
