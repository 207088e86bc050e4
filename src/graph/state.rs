//! What an identity graph holds, and the batch rebuild of all of it.
//!
//! Records live in *slots*. A rebuild lays the slots out sorted by record id
//! (so a record's slot is its rank, and batch tie-breaks by index are tie-breaks
//! by id); records added later get new slots at the end, a replaced or erased
//! record's slot is emptied and marked dead. Everything the resolver decided
//! (customers, links, refusals, generic values) is kept per slot, so that the
//! real-time path (`region`) can re-resolve one neighbourhood and patch it in.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use rayon::prelude::*;

use crate::compare::compare;
use crate::compare::score::{Evidence, Weights};
use crate::error::{Error, ErrorKind};
use crate::explain::{ApartReason, Explanation, FieldEvidence, LinkBasis, LinkStep};
use crate::graph::cluster::{self, Resolution, Via};
use crate::graph::ids;
use crate::graph::index::KeyIndex;
use crate::graph::slot_lists::SlotLists;
use crate::graph::{guard, Event, GenericValue, Guard, Stats};
use crate::id::CustomerId;
use crate::normalize::{
    country, CheckDigit, FieldKind, LoyaltyScheme, LoyaltyTally, Normalizer, PhoneOrigin,
};
use crate::prepare::{prepare, prepare_shared, Prepared, Reliance};
use crate::record::Record;
use crate::util::{self, FxMap, FxSet};
use crate::Config;

/// What the engine estimated from the data at the last rebuild: it stays fixed
/// until the next one, so that a real-time change is decided as a rebuild with
/// the same estimates would decide it.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) normalizer: Normalizer,
    /// What the normalizer was estimated with: fallback phone regions, most
    /// common first, and the loyalty scheme.
    regions: Vec<String>,
    scheme: LoyaltyScheme,
    pub(crate) weights: Weights,
    pub(crate) threshold: f64,
    /// Records the estimates were made from.
    pub(crate) records: usize,
}

/// Version of [`Model::encode`]'s layout.
const MODEL_FORMAT: u64 = 1;

impl Model {
    /// The stored form: estimates a reopened graph must use as they were.
    pub(crate) fn encode(&self) -> Vec<u8> {
        use crate::compare::score::codec::{put_str, put_u64};
        let mut out = Vec::new();
        put_u64(&mut out, MODEL_FORMAT);
        put_u64(&mut out, self.records as u64);
        put_u64(&mut out, self.regions.len() as u64);
        for r in &self.regions {
            put_str(&mut out, r);
        }
        put_str(&mut out, self.scheme.get_prefix().unwrap_or(""));
        put_u64(&mut out, self.scheme.get_digits().map_or(0, u64::from));
        let luhn = self.scheme.get_check_digit() == CheckDigit::Luhn;
        put_u64(&mut out, u64::from(luhn));
        self.weights.encode(&mut out);
        out
    }

    /// Reads [`Model::encode`]'s form; `None` when the bytes are not one.
    pub(crate) fn decode(bytes: &[u8], config: &Config) -> Option<Model> {
        let mut r = crate::compare::score::codec::Reader(bytes);
        if r.u64()? != MODEL_FORMAT {
            return None;
        }
        let records = usize::try_from(r.u64()?).ok()?;
        let n = r.count(8)?;
        let mut regions = Vec::with_capacity(n);
        for _ in 0..n {
            regions.push(r.str()?.to_string());
        }
        let mut scheme = LoyaltyScheme::new();
        let prefix = r.str()?;
        if !prefix.is_empty() {
            scheme = scheme.prefix(prefix);
        }
        let digits = r.u64()?;
        if digits > 0 {
            scheme = scheme.digits(u8::try_from(digits).ok()?);
        }
        if r.u64()? == 1 {
            scheme = scheme.check_digit(CheckDigit::Luhn);
        }
        let weights = Weights::decode(&mut r)?;
        if !r.is_empty() {
            return None;
        }
        Some(Model {
            normalizer: normalizer(config, &regions, &scheme),
            regions,
            scheme,
            weights,
            threshold: cluster::threshold_bits(config),
            records,
        })
    }
}

fn normalizer(config: &Config, regions: &[String], scheme: &LoyaltyScheme) -> Normalizer {
    let mut n = Normalizer::new().placeholders(config.placeholders.clone());
    if let Some(r) = &config.default_region {
        n = n.default_region(r);
    }
    n.fallback_regions(regions.iter().cloned())
        .loyalty_scheme(scheme.clone())
}

/// Counts of the raw values the normalizer estimates its defaults from.
#[derive(Clone, Debug, Default)]
pub(crate) struct InputStats {
    countries: BTreeMap<[u8; 2], i64>,
    /// The regions phone numbers written with `+` name by their calling code.
    calling_regions: BTreeMap<[u8; 2], i64>,
    /// National phone numbers (see [`PhoneOrigin::National`]) on records
    /// without a country, by their digits: a sample that only the values
    /// decide (a hash of the digits falls in one of [`NATIONAL_SAMPLE_RATE`]),
    /// so a record taken out takes its numbers out, and the sample stays
    /// small. Read only when nothing else names a region.
    national: BTreeMap<Box<[u8]>, i64>,
    /// The regions the country-code domains of emails name, on records
    /// without a country: what decides between numbering plans that read
    /// the national numbers alike.
    email_regions: BTreeMap<[u8; 2], i64>,
    /// What the loyalty scheme is inferred from, counted (not the values).
    loyalty: LoyaltyTally,
}

impl InputStats {
    pub(crate) fn add(&mut self, r: &Record, sign: i64) {
        fn bump<K: Ord + Clone>(map: &mut BTreeMap<K, i64>, key: &K, sign: i64) {
            match map.get_mut(key) {
                Some(n) => {
                    *n += sign;
                    if *n <= 0 {
                        map.remove(key);
                    }
                }
                None if sign > 0 => {
                    map.insert(key.clone(), sign);
                }
                None => {}
            }
        }
        let country = r.get_country().and_then(country::country_code);
        if let Some(c) = &country {
            bump(&mut self.countries, c, sign);
        }
        for p in r.phones() {
            match Normalizer::phone_origin(p) {
                Some(PhoneOrigin::Calling(c)) => bump(&mut self.calling_regions, &c, sign),
                Some(PhoneOrigin::National(n))
                    if country.is_none()
                        && util::stable_hash(n.as_bytes()).is_multiple_of(NATIONAL_SAMPLE_RATE) =>
                {
                    bump(&mut self.national, &Box::from(n.as_bytes()), sign);
                }
                _ => {}
            }
        }
        if country.is_none() {
            for e in r.emails() {
                if let Some(c) = Normalizer::email_country_domain(e) {
                    bump(&mut self.email_regions, &c, sign);
                }
            }
        }
        for l in r.loyalty_ids() {
            self.loyalty.add(l, sign);
        }
    }

    /// What the normalizer takes from the data: the regions records come
    /// from, most common first (after the configured default, if any); the
    /// loyalty scheme the numbers show, unless configured.
    ///
    /// A region counts once for each record that declares it as its country
    /// and once for each number written with `+` its calling code names. The
    /// numbers matter where records carry no country (a retailer in one
    /// country seldom sends it): there, the app's and the web's `+1 ...`
    /// numbers tell that the till's `(210) 364-9875` is read in the US, which
    /// without them would be rejected for want of a region.
    fn estimate(&self, config: &Config) -> (Vec<String>, LoyaltyScheme) {
        let mut counts = self.countries.clone();
        for (c, n) in &self.calling_regions {
            *counts.entry(*c).or_insert(0) += n;
        }
        let mut by_count: Vec<(i64, &[u8; 2])> = counts.iter().map(|(c, n)| (*n, c)).collect();
        by_count.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        // Only regions the phone metadata knows: one unknown code in the list
        // (a `UK` typed for `GB`) would leave every national number on a
        // record without a country unreadable.
        let mut regions: Vec<String> = by_count
            .into_iter()
            .filter_map(|(_, c)| std::str::from_utf8(c).ok())
            .filter(|c| Normalizer::is_phone_region(c))
            .map(str::to_string)
            .take(MAX_FALLBACK_REGIONS)
            .collect();
        if let Some(r) = &config.default_region {
            regions.retain(|x| x != r);
        } else if regions.is_empty() {
            regions = self.regions_by_vote();
        }
        let scheme = match &config.loyalty {
            Some(s) => s.clone(),
            None => self.loyalty.scheme(),
        };
        (regions, scheme)
    }
}

/// Most fallback regions a normalizer tries for a national number.
const MAX_FALLBACK_REGIONS: usize = 8;
/// One national number in this many is kept for [`InputStats::regions_by_vote`].
const NATIONAL_SAMPLE_RATE: u64 = 4;
/// Most national numbers the vote reads (the lowest by hash of the sample).
const VOTE_SAMPLE: usize = 64;

impl InputStats {
    /// Where no record declares a country and no number is written with
    /// `+`, the regions are those whose numbering plans read the most of the
    /// national numbers, the emails' country domains deciding between plans
    /// that read as many (see `phone::regions_reading`): a US retailer's
    /// `(415) 555-0132` is read in the US instead of rejected for want of a
    /// region.
    fn regions_by_vote(&self) -> Vec<String> {
        let mut sample: Vec<(u64, &[u8])> = self
            .national
            .keys()
            .map(|d| (util::stable_hash(d), &**d))
            .collect();
        sample.sort_unstable();
        let numbers: Vec<&[u8]> = sample.iter().take(VOTE_SAMPLE).map(|s| s.1).collect();
        let hint = |c: [u8; 2]| self.email_regions.get(&c).copied().unwrap_or(0);
        Normalizer::phone_regions_reading(&numbers, hint)
            .into_iter()
            .filter_map(|c| std::str::from_utf8(&c).ok().map(str::to_string))
            .collect()
    }
}

pub(crate) fn encode(r: &Record) -> Box<[u8]> {
    r.encode_compact().into_boxed_slice()
}

pub(crate) fn decode(id: &str, bytes: &[u8]) -> Option<Record> {
    Record::decode_compact(id, bytes)
}

/// Records normalized by one task while the rest of the input is read.
const PIPELINE_CHUNK: usize = 4096;
/// Records read before the first is normalized, when the graph has no
/// estimates yet: the normalizer's are guessed from them.
const GUESS_SAMPLE: usize = 16_384;

/// Records' ids and compact forms (one after another in one buffer): what a
/// normalizing task of [`State::normalize_while_reading`] reads.
#[derive(Default)]
struct CompactChunk {
    ids: Vec<Arc<str>>,
    bytes: Vec<u8>,
    /// Where each record's bytes end.
    ends: Vec<usize>,
}

impl CompactChunk {
    fn push(&mut self, id: &Arc<str>, bytes: &[u8]) {
        self.ids.push(id.clone());
        self.bytes.extend_from_slice(bytes);
        self.ends.push(self.bytes.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = (&Arc<str>, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.ids
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(id, (b0, &b1))| (id, self.bytes.get(b0..b1).unwrap_or(&[])))
    }
}

/// In [`State::base_ids`]: two base ids share this hash.
const COLLIDED: u32 = u32::MAX;

/// The customer id of a dead slot.
pub(crate) const NO_CUSTOMER: CustomerId = CustomerId::from_raw(0);

#[derive(Debug)]
pub(crate) struct State {
    pub(crate) config: Config,
    pub(crate) stats: InputStats,
    pub(crate) model: Option<Model>,
    /// Per slot: the prepared record (empty when dead), its stored form, its
    /// customer, whether it is live.
    pub(crate) prepared: Vec<Prepared>,
    pub(crate) raw: Vec<Box<[u8]>>,
    pub(crate) customer: Vec<CustomerId>,
    pub(crate) live: Vec<bool>,
    /// Slots below this are sorted by record id.
    pub(crate) base_len: usize,
    /// Slots of records added since the last rebuild.
    pub(crate) late: FxMap<Box<str>, u32>,
    /// The base slots by a hash of their id, made at the first look-up after
    /// a rebuild (a batch that is only resolved and written never needs it):
    /// a binary search over a million ids is twenty string comparisons, most
    /// of them cache misses.
    base_ids: std::sync::OnceLock<util::HashedMap<u32>>,
    pub(crate) live_count: usize,
    /// Each customer's slots.
    pub(crate) members: FxMap<CustomerId, Vec<u32>>,
    /// Links that joined records, kept at the first record of each.
    pub(crate) links: SlotLists<(u32, Via)>,
    pub(crate) refusals: SlotLists<(u32, Via, Guard)>,
    pub(crate) refusal_count: usize,
    /// Pairs whose evidence reached the threshold before generic values were
    /// discounted, both ways (see `cluster::Resolution::strong`).
    pub(crate) strong: SlotLists<u32>,
    pub(crate) generic: BTreeMap<(FieldKind, Box<str>), GenericValue>,
    /// Generic values decided by their holders' signatures alone, with the
    /// record ids that decided it.
    pub(crate) stable: StableValues,
    pub(crate) redirects: FxMap<CustomerId, CustomerId>,
    pub(crate) next_customer: u64,
    pub(crate) index: Option<KeyIndex>,
    pub(crate) candidate_pairs: usize,
    pub(crate) oversized_keys: usize,
    /// Customers a new record can join without re-resolving them (see
    /// `region`): nothing outside links to them or was refused by them, and
    /// their records hold no conflicting evidence at all.
    pub(crate) clean: FxSet<CustomerId>,
    /// Since the store last took them: slots whose customer was set, and
    /// redirects made by merges (what a durable graph must write).
    pub(crate) changed: Vec<u32>,
    /// Tests only: every update takes the full path, so that the shortcut
    /// for updates that change no evidence can be checked against it.
    #[cfg(test)]
    pub(crate) slow_updates: bool,
    pub(crate) new_redirects: Vec<(CustomerId, CustomerId)>,
}

/// The stable generic values (see [`State::stable`]), each with the ids of
/// the records that decided it, looked up by kind and borrowed value. Kept
/// per kind so that a lookup (every identifier of every change asks) needs
/// no owned key.
#[derive(Debug)]
pub(crate) struct StableValues {
    values: FxMap<FieldKind, FxMap<Box<str>, Vec<Arc<str>>>>,
}

impl StableValues {
    fn new() -> StableValues {
        StableValues {
            values: util::map(),
        }
    }

    pub(crate) fn get(&self, kind: FieldKind, value: &str) -> Option<&[Arc<str>]> {
        self.values.get(&kind)?.get(value).map(Vec::as_slice)
    }

    pub(crate) fn contains(&self, kind: FieldKind, value: &str) -> bool {
        self.get(kind, value).is_some()
    }

    /// Whether a value the caller holds as an owned key is stable.
    pub(crate) fn holds(&self, value: &(FieldKind, Box<str>)) -> bool {
        self.contains(value.0, &value.1)
    }

    pub(crate) fn insert(&mut self, kind: FieldKind, value: Box<str>, records: Vec<Arc<str>>) {
        self.values
            .entry(kind)
            .or_insert_with(util::map)
            .insert(value, records);
    }

    /// Takes a value out, given as an owned key.
    pub(crate) fn forget(&mut self, value: &(FieldKind, Box<str>)) {
        if let Some(of_kind) = self.values.get_mut(&value.0) {
            of_kind.remove(&value.1);
        }
    }
}

/// Customers larger than this are never marked clean: the pairwise check
/// would cost more than it saves.
const CLEAN_MAX: usize = 256;

/// A record normalized while its batch was read, with what it rests on of the
/// guessed estimates (`None`: not normalized yet).
type Early = Option<(Prepared, Reliance)>;

/// A chunk of records normalized while their batch was read.
type Normalized = Vec<(Prepared, Reliance)>;

/// A record to store in a rebuild: id, stored form, and its customer before.
type Entry = (Arc<str>, Box<[u8]>, Option<CustomerId>);

impl State {
    pub(crate) fn new(config: Config) -> State {
        State {
            config,
            stats: InputStats::default(),
            model: None,
            prepared: Vec::new(),
            raw: Vec::new(),
            customer: Vec::new(),
            live: Vec::new(),
            base_len: 0,
            late: util::map(),
            base_ids: std::sync::OnceLock::new(),
            live_count: 0,
            members: util::map(),
            links: SlotLists::default(),
            refusals: SlotLists::default(),
            refusal_count: 0,
            strong: SlotLists::default(),
            generic: BTreeMap::new(),
            stable: StableValues::new(),
            redirects: util::map(),
            next_customer: 1,
            index: None,
            candidate_pairs: 0,
            oversized_keys: 0,
            clean: util::set(),
            changed: Vec::new(),
            #[cfg(test)]
            slow_updates: false,
            new_redirects: Vec::new(),
        }
    }

    /// The slot of a live record.
    pub(crate) fn slot(&self, id: &str) -> Option<u32> {
        if let Some(&s) = self.late.get(id) {
            return Some(s);
        }
        let h = util::fixed_state().hash_one(id);
        match self.base_ids.get_or_init(|| self.base_table()).get(&h) {
            None => return None,
            Some(&s) if s != COLLIDED => {
                let at = s as usize;
                let found = self.live.get(at).copied().unwrap_or(false)
                    && self.prepared.get(at).is_some_and(|p| &*p.id == id);
                // A dead slot or another id under the hash: a base record is
                // never revived (a new version takes a new slot), so `id` is
                // not in the base.
                return found.then_some(s);
            }
            Some(_) => {}
        }
        // Two base ids with one hash: the sorted base decides. An emptied base
        // slot keeps its neighbour's id (the order stays sorted and the
        // erased id is gone), so look through the run of equal ids.
        let base = &self.prepared[..self.base_len];
        let start = base.partition_point(|p| &*p.id < id);
        base[start..]
            .iter()
            .take_while(|p| &*p.id == id)
            .enumerate()
            .find(|(k, _)| self.live[start + k])
            .map(|(k, _)| (start + k) as u32)
    }

    /// [`State::base_ids`]: each live base slot under its id's hash; a hash
    /// two ids share is marked [`COLLIDED`].
    fn base_table(&self) -> util::HashedMap<u32> {
        let hasher = util::fixed_state();
        let mut table =
            util::HashedMap::with_capacity_and_hasher(self.base_len, Default::default());
        for (s, p) in self.prepared[..self.base_len].iter().enumerate() {
            if !self.live.get(s).copied().unwrap_or(false) {
                continue;
            }
            match table.entry(hasher.hash_one(&*p.id)) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(s as u32);
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    o.insert(COLLIDED);
                }
            }
        }
        table
    }

    /// Re-estimates everything from the stored records plus `incoming`, and
    /// resolves them all: the batch resolver. Returns the new state, the slot
    /// of each incoming record (input order) and the events.
    /// An incoming record may carry the customer it belonged to elsewhere (an
    /// import), which it keeps by the anchor rule.
    pub(crate) fn rebuilt(
        &self,
        incoming: impl IntoIterator<Item = (Record, Option<CustomerId>)>,
    ) -> (State, Vec<u32>, Vec<Event>) {
        let mut timer = util::PhaseTimer::new();
        let mut stats = self.stats.clone();
        let mut entries: Vec<Entry> = Vec::with_capacity(self.live_count);
        // The slot of each entry taken from this graph.
        let mut live_slots: Vec<u32> = Vec::with_capacity(self.live_count);
        for (s, p) in self.prepared.iter().enumerate() {
            if self.live[s] {
                entries.push((p.id.clone(), self.raw[s].clone(), Some(self.customer[s])));
                live_slots.push(s as u32);
            }
        }
        // Records are taken one at a time and stored compactly at once, so a
        // caller can stream a large input without holding it all parsed.
        // While the caller's input is read (parsed, on this thread), the
        // records already read are normalized on the pool, with the
        // normalizer's estimates guessed (see `normalize_while_reading`).
        let existing = entries.len();
        let (guess, early) = self.normalize_while_reading(incoming, &mut entries, &mut stats);
        timer.lap("store and normalize");
        // Sorted by id; among equal ids the latest version wins and inherits the
        // customer of the stored one.
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        let by_id = |&a: &u32, &b: &u32| {
            entries[a as usize]
                .0
                .cmp(&entries[b as usize].0)
                .then(a.cmp(&b))
        };
        // Exports and generated files often come sorted by id already.
        if !order.is_sorted_by(|a, b| by_id(a, b).is_le()) {
            order.par_sort_unstable_by(by_id);
        }
        let mut keep: Vec<u32> = Vec::with_capacity(order.len());
        let mut prev_of: Vec<Option<CustomerId>> = Vec::with_capacity(order.len());
        let mut stored_of: Vec<Option<CustomerId>> = Vec::with_capacity(order.len());
        // The slot each entry ends in (a duplicate id: its last version's).
        let mut slot_of_entry = vec![u32::MAX; entries.len()];
        for run in order.chunk_by(|&a, &b| entries[a as usize].0 == entries[b as usize].0) {
            for &e in run {
                slot_of_entry[e as usize] = keep.len() as u32;
            }
            let last = run[run.len() - 1];
            for &older in &run[..run.len() - 1] {
                let (id, raw, _) = &entries[older as usize];
                if let Some(r) = decode(id, raw) {
                    stats.add(&r, -1);
                }
            }
            let prev = run.iter().find_map(|&i| entries[i as usize].2);
            // What a store holds for this id: the customer of the graph's own
            // version (an import's customer ids are not stored yet).
            let held = run
                .iter()
                .find(|&&i| (i as usize) < existing)
                .and_then(|&i| entries[i as usize].2);
            keep.push(last);
            prev_of.push(prev);
            stored_of.push(held);
        }
        drop(order);
        let incoming_slots = slot_of_entry.split_off(existing);
        drop(slot_of_entry);
        let mut taken: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        let mut raw: Vec<Box<[u8]>> = Vec::with_capacity(keep.len());
        let mut ids_sorted: Vec<Arc<str>> = Vec::with_capacity(keep.len());
        let mut kept: Vec<u32> = Vec::with_capacity(keep.len());
        for &e in &keep {
            if let Some((id, bytes, _)) = taken[e as usize].take() {
                ids_sorted.push(id);
                raw.push(bytes);
                kept.push(e);
            }
        }
        drop(taken);
        let (regions, scheme) = stats.estimate(&self.config);
        let normalizer = normalizer(&self.config, &regions, &scheme);
        // A record this graph holds was normalized by its model's normalizer:
        // when the new one is the same, its normalized form is taken as it is
        // (a re-estimation during an ingest otherwise normalizes everything
        // again).
        let same_normalizer = self
            .model
            .as_ref()
            .is_some_and(|m| m.regions == regions && m.scheme == scheme);
        timer.lap("estimate normalizer");
        // The incoming records' early forms, in slot order (input sorted by
        // id and without repeats, the usual export, is in slot order already).
        let in_order = existing == 0
            && kept.len() == early.len()
            && kept.iter().enumerate().all(|(i, &e)| e as usize == i);
        let mut slots: Vec<Early> = if in_order {
            early
        } else {
            let mut early = early;
            kept.iter()
                .map(|&e| {
                    (e as usize)
                        .checked_sub(existing)
                        .and_then(|i| early.get_mut(i))
                        .and_then(Option::take)
                })
                .collect()
        };
        // Records the final estimates read otherwise, and held records, are
        // normalized here; the rest keep their early form (in place: a
        // million prepared records are not copied).
        slots
            .par_iter_mut()
            .zip(kept.par_iter())
            .zip(ids_sorted.par_iter().zip(raw.par_iter()))
            .for_each(|((slot, &e), (id, bytes))| {
                if slot
                    .as_ref()
                    .is_some_and(|(_, reliance)| reliance.carries(&guess, &normalizer))
                {
                    return;
                }
                let held = live_slots
                    .get(e as usize)
                    .filter(|_| same_normalizer)
                    .and_then(|&s| self.prepared.get(s as usize));
                let p = match held {
                    Some(p) => p.clone(),
                    None => match decode(id, bytes) {
                        Some(r) => prepare_shared(&r, &normalizer, id.clone()).0,
                        None => Prepared::unreadable(id),
                    },
                };
                *slot = Some((p, Reliance::default()));
            });
        let prepared: Vec<Prepared> = slots
            .into_iter()
            .zip(ids_sorted.iter())
            .map(|(slot, id)| slot.map_or_else(|| Prepared::unreadable(id), |(p, _)| p))
            .collect();
        drop(ids_sorted);
        drop(kept);
        timer.lap("normalize");
        let (weights, resolution) = cluster::resolve(&prepared, &self.config);
        timer.lap("resolve");
        let n = prepared.len();
        let mut st = State {
            config: self.config.clone(),
            stats,
            model: Some(Model {
                normalizer,
                regions,
                scheme,
                weights,
                threshold: cluster::threshold_bits(&self.config),
                records: n,
            }),
            customer: vec![NO_CUSTOMER; n],
            live: vec![true; n],
            base_len: n,
            late: util::map(),
            live_count: n,
            prepared,
            raw,
            redirects: self.redirects.clone(),
            next_customer: prev_of
                .iter()
                .flatten()
                .map(|c| c.as_u64() + 1)
                .fold(self.next_customer, u64::max),
            ..State::new(self.config.clone())
        };
        // The customers before, with their records' new slots.
        let old = customers_before(&prev_of);
        let events = st.install(
            resolution,
            &(0..n as u32).collect::<Vec<_>>(),
            &old,
            &|s| prev_of[s as usize],
            true,
        );
        // A store already holds the assignments that did not change.
        st.changed.retain(|&s| {
            stored_of.get(s as usize).copied().flatten() != Some(st.customer[s as usize])
        });
        // (Includes the phases `install` times itself, printed just above.)
        timer.lap("install customers");
        (st, incoming_slots, events)
    }

    /// Stores each incoming record in `entries` (id, compact form, customer
    /// before) and counts it in `stats`, on this thread, as the caller's input
    /// yields it; meanwhile the records are normalized on the pool, in chunks,
    /// by a normalizer whose estimates are guessed: the model's when the graph
    /// has one, else from the first records read. Returns that normalizer and
    /// each incoming record's early form with what it rests on of the guess,
    /// by input position: the caller keeps it where the final estimates agree.
    fn normalize_while_reading(
        &self,
        incoming: impl IntoIterator<Item = (Record, Option<CustomerId>)>,
        entries: &mut Vec<Entry>,
        stats: &mut InputStats,
    ) -> (Normalizer, Vec<Early>) {
        let mut incoming = incoming.into_iter();
        let mut head: Vec<(Record, Option<CustomerId>)> = Vec::new();
        let guess = match &self.model {
            Some(m) => m.normalizer.clone(),
            None => {
                head.extend(incoming.by_ref().take(GUESS_SAMPLE));
                let mut sample = InputStats::default();
                for (r, _) in &head {
                    sample.add(r, 1);
                }
                let (regions, scheme) = sample.estimate(&self.config);
                normalizer(&self.config, &regions, &scheme)
            }
        };
        // Each finished chunk: where it starts in the input, and its records.
        let done: std::sync::Mutex<Vec<(usize, Normalized)>> = Default::default();
        fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
            m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
        }
        // Finished chunks are moved into `early` as soon as they are next in
        // input order, while reading goes on: a chunk's buffer is freed while
        // the tasks still allocate, so the allocator reuses its memory (freed
        // at the end, a million records' chunks stayed resident: 180 MB).
        let mut early: Vec<Early> = Vec::new();
        let mut pending: BTreeMap<usize, Normalized> = BTreeMap::new();
        let mut gather = |early: &mut Vec<Early>| {
            pending.extend(std::mem::take(&mut *lock(&done)));
            while let Some(entry) = pending.first_entry() {
                if *entry.key() != early.len() {
                    break;
                }
                early.extend(entry.remove().into_iter().map(Some));
            }
        };
        rayon::in_place_scope(|scope| {
            // A task reads its records back from their compact forms: a parsed
            // record freed on another thread, long after it was made, costs
            // glibc's allocator more than decoding it again.
            let mut chunk = CompactChunk::default();
            let mut start = 0;
            let send = |chunk: CompactChunk, start: usize| {
                let (done, guess) = (&done, &guess);
                scope.spawn(move |_| {
                    let out: Normalized = chunk
                        .iter()
                        .map(|(id, bytes)| match decode(id, bytes) {
                            Some(r) => prepare_shared(&r, guess, id.clone()),
                            None => (Prepared::unreadable(id), Reliance::default()),
                        })
                        .collect();
                    lock(done).push((start, out));
                });
            };
            for (r, prev) in head.into_iter().chain(incoming) {
                stats.add(&r, 1);
                let bytes = encode(&r);
                let id: Arc<str> = r.id().into();
                chunk.push(&id, &bytes);
                entries.push((id, bytes, prev));
                drop(r);
                if chunk.len() == PIPELINE_CHUNK {
                    send(std::mem::take(&mut chunk), start);
                    start += PIPELINE_CHUNK;
                    gather(&mut early);
                }
            }
            if chunk.len() > 0 {
                send(chunk, start);
            }
        });
        gather(&mut early);
        (guess, early)
    }

    /// A graph as a store holds it: the records, each record's customer, the
    /// redirects, the id counter and the estimates. The records are resolved
    /// again with those estimates (which gives the stored partition) to
    /// restore links, refusals and generic values; the stored customers keep
    /// their ids by the anchor rule.
    pub(crate) fn restored(
        config: Config,
        records: Vec<(Box<str>, Box<[u8]>)>,
        assignments: &[(Box<str>, u64)],
        redirects: &[(u64, u64)],
        next_customer: u64,
        model: Model,
    ) -> State {
        let mut stats = InputStats::default();
        let mut prepared = Vec::with_capacity(records.len());
        let mut raw = Vec::with_capacity(records.len());
        for (id, bytes) in records {
            let p = match decode(&id, &bytes) {
                Some(r) => {
                    stats.add(&r, 1);
                    prepare(&r, &model.normalizer)
                }
                None => Prepared::unreadable(&id),
            };
            prepared.push(p);
            raw.push(bytes);
        }
        let n = prepared.len();
        let res = cluster::resolve_part(
            &prepared,
            &config,
            &model.weights,
            &cluster::Scope::default(),
        );
        let assigned: FxMap<&str, CustomerId> = assignments
            .iter()
            .map(|(id, c)| (&**id, CustomerId::from_raw(*c)))
            .collect();
        let prev: Vec<Option<CustomerId>> = prepared
            .iter()
            .map(|p| assigned.get(&*p.id).copied())
            .collect();
        drop(assigned);
        let old = customers_before(&prev);
        let mut st = State {
            stats,
            model: Some(model),
            customer: vec![NO_CUSTOMER; n],
            live: vec![true; n],
            base_len: n,
            live_count: n,
            prepared,
            raw,
            redirects: redirects
                .iter()
                .map(|&(a, b)| (CustomerId::from_raw(a), CustomerId::from_raw(b)))
                .collect(),
            next_customer: next_customer.max(1),
            ..State::new(config)
        };
        let slots: Vec<u32> = (0..n as u32).collect();
        st.install(res, &slots, &old, &|s| prev[s as usize], true);
        // The store holds these assignments; any the resolution changed (the
        // anchor rule on a partition the stored estimates no longer give)
        // are written by the next write.
        st.changed
            .retain(|&s| prev.get(s as usize).copied().flatten() != Some(st.customer[s as usize]));
        st.new_redirects.clear();
        st
    }

    /// The outcome of the record in `slot`: its id, customer and refused
    /// values (no events).
    pub(crate) fn outcome(&self, slot: u32) -> super::Outcome {
        let p = self.prepared.get(slot as usize);
        super::Outcome::new(
            p.map(|p| p.id.clone()).unwrap_or_else(|| Arc::from("")),
            self.customer
                .get(slot as usize)
                .copied()
                .unwrap_or(NO_CUSTOMER),
            p.map(|p| p.rejected.clone()).unwrap_or_default(),
        )
    }

    /// Whether `slot` holds a record stored as exactly `bytes`.
    pub(crate) fn holds_as_is(&self, slot: Option<u32>, bytes: &[u8]) -> bool {
        slot.and_then(|s| self.raw.get(s as usize))
            .is_some_and(|held| **held == *bytes)
    }

    /// For each record of a batch, whether it changes anything: false when
    /// the graph holds its id in exactly this form and the batch holds the id
    /// once (a later copy in the batch must still replace an earlier change).
    pub(crate) fn changes_anything(&self, batch: &[Record]) -> Vec<bool> {
        let mut seen: FxMap<&str, usize> = util::map();
        for r in batch {
            *seen.entry(r.id()).or_insert(0) += 1;
        }
        let changes = |r: &Record| {
            seen.get(r.id()).copied().unwrap_or(0) > 1
                || self
                    .slot(r.id())
                    .is_none_or(|s| !self.holds_as_is(Some(s), &encode(r)))
        };
        // A real-time upsert is a batch of one: no pool for it.
        if batch.len() < 1024 {
            batch.iter().map(changes).collect()
        } else {
            batch.par_iter().map(changes).collect()
        }
    }

    /// Installs a resolution of the records in `slots` (its index `i` is slot
    /// `slots[i]`), replacing the `old` customers; `prev` gives a slot's
    /// customer before. Returns the events.
    pub(crate) fn install(
        &mut self,
        res: Resolution,
        slots: &[u32],
        old: &[(CustomerId, Vec<u32>)],
        prev: &(dyn Fn(u32) -> Option<CustomerId> + Sync),
        full: bool,
    ) -> Vec<Event> {
        let at = |i: u32| slots[i as usize];
        // Clusters of slots, by label.
        let mut by_root: FxMap<u32, usize> = util::map();
        let mut clusters: Vec<Vec<u32>> = Vec::new();
        for (i, &root) in res.labels.iter().enumerate() {
            let c = *by_root.entry(root).or_insert_with(|| {
                clusters.push(Vec::new());
                clusters.len() - 1
            });
            clusters[c].push(slots[i]);
        }
        let mut timer = util::PhaseTimer::new();
        let mut next = self.next_customer;
        let assignment = {
            let prepared = &self.prepared;
            ids::assign(
                &clusters,
                old,
                prev,
                |s| {
                    let p = &prepared[s as usize];
                    (p.ts.unwrap_or(i64::MAX), &*p.id)
                },
                |s| &*prepared[s as usize].id,
                &mut next,
            )
        };
        self.next_customer = next;
        timer.lap("assign ids");
        let clean = self.clean_clusters(&res, slots, &clusters, &by_root);
        timer.lap("clean customers");
        drop(by_root);
        for (o, _) in old {
            self.members.remove(o);
            self.clean.remove(o);
        }
        for (c, members) in clusters.into_iter().enumerate() {
            let id = assignment.ids[c];
            if clean[c] {
                self.clean.insert(id);
            }
            for &s in &members {
                // Only a slot whose customer changes needs writing to a store.
                if self.customer[s as usize] != id {
                    self.changed.push(s);
                }
                self.customer[s as usize] = id;
            }
            self.members.insert(id, members);
        }
        for (from, into) in assignment.redirects {
            self.redirects.insert(from, into);
            self.new_redirects.push((from, into));
        }
        self.refusal_count += res.refusals.len();
        let links = res.links.into_iter().map(|l| (at(l.a), (at(l.b), l.via)));
        let refusals = res
            .refusals
            .into_iter()
            .map(|f| (at(f.a), (at(f.b), f.via, f.guard)));
        let strong = res
            .strong
            .into_iter()
            .flat_map(|(a, b)| [(at(a), at(b)), (at(b), at(a))]);
        if full {
            // A rebuild writes every list at once, compactly, the three side by side.
            let (links, (refusals, strong)) = rayon::join(
                || SlotLists::from_pairs(links.collect()),
                || {
                    rayon::join(
                        || SlotLists::from_pairs(refusals.collect()),
                        || SlotLists::from_pairs(strong.collect()),
                    )
                },
            );
            (self.links, self.refusals, self.strong) = (links, refusals, strong);
        } else {
            for (s, l) in links {
                self.links.push(s, l);
            }
            for (s, f) in refusals {
                self.refusals.push(s, f);
            }
            for (s, t) in strong {
                self.strong.push(s, t);
            }
        }
        timer.lap("links");
        let mut events = assignment.events;
        for g in res.generic {
            let key = (g.kind(), Box::from(g.value()));
            if !self.generic.contains_key(&key) {
                events.push(Event::BecameGeneric(g.clone()));
            }
            self.generic.insert(key, g);
        }
        for sg in res.stable_generic {
            let reps = sg
                .representatives
                .iter()
                .map(|&i| self.prepared[at(i) as usize].id.clone())
                .collect();
            self.stable.insert(sg.kind, sg.value, reps);
        }
        self.candidate_pairs = res.candidate_pairs;
        self.oversized_keys = res.oversized_keys;
        events
    }

    /// Which clusters of a resolution are clean: no refusal, strong pair,
    /// generic value (unless stable) or value refused as shared reaches
    /// outside them, and no two of
    /// their records conflict (per-kind limits depend on the record that
    /// joins: they are checked then).
    fn clean_clusters(
        &self,
        res: &Resolution,
        slots: &[u32],
        clusters: &[Vec<u32>],
        cluster_of: &FxMap<u32, usize>,
    ) -> Vec<bool> {
        let at = |i: u32| {
            cluster_of
                .get(&res.labels[i as usize])
                .copied()
                .unwrap_or(0)
        };
        let mut open = vec![false; clusters.len()];
        for f in &res.refusals {
            open[at(f.a)] = true;
            open[at(f.b)] = true;
        }
        for &(a, b) in &res.strong {
            if at(a) != at(b) {
                open[at(a)] = true;
                open[at(b)] = true;
            }
        }
        // Values whose decision took every customer holding them into
        // account: generic ones, and those refused as shared (the refusal
        // names two records, but the value was judged over all its holders'
        // customers, and a record joining any of them can turn the verdict).
        let refused = res.refusals.iter().filter_map(|f| match &f.via {
            Via::Identifier(kind, value) => Some((*kind, &**value)),
            Via::Scored(_) => None,
        });
        let shared: FxSet<(FieldKind, &str)> = res
            .generic
            .iter()
            .map(|g| (g.kind(), g.value()))
            .chain(refused)
            .filter(|&(kind, value)| {
                !res.stable_generic
                    .iter()
                    .any(|s| s.kind == kind && &*s.value == value)
            })
            .collect();
        if !shared.is_empty() {
            for (i, &s) in slots.iter().enumerate() {
                if self.prepared[s as usize]
                    .identifiers()
                    .any(|v| shared.contains(&v))
                {
                    open[at(i as u32)] = true;
                }
            }
        }
        clusters
            .par_iter()
            .zip(open)
            .map(|(members, open)| {
                if open || members.len() > CLEAN_MAX {
                    return false;
                }
                if members.len() == 1 {
                    return true;
                }
                // Records with the same birth date, name and valid loyalty
                // numbers conflict alike: each pair of distinct ones is
                // checked once (a customer of 200 records has a few dozen).
                let recs =
                    guard::distinct_evidence(members.iter().map(|&s| &self.prepared[s as usize]));
                // Limits are checked when a record joins (see `region`).
                !recs
                    .iter()
                    .enumerate()
                    .any(|(i, a)| recs[i + 1..].iter().any(|b| guard::records_conflict(a, b)))
            })
            .collect()
    }

    /// The live customer an id stands for now: itself when alive, else the
    /// customer it merged into (transitively); `None` when its records are gone.
    pub(crate) fn resolve_id(&self, id: CustomerId) -> Option<CustomerId> {
        let mut cur = id;
        for _ in 0..=self.redirects.len() {
            if self.members.contains_key(&cur) {
                return Some(cur);
            }
            cur = *self.redirects.get(&cur)?;
        }
        None
    }

    pub(crate) fn records_of(&self, c: CustomerId) -> Vec<String> {
        let mut out: Vec<String> = self
            .members
            .get(&c)
            .map(|m| {
                m.iter()
                    .map(|&s| self.prepared[s as usize].id.to_string())
                    .collect()
            })
            .unwrap_or_default();
        out.sort_unstable();
        out
    }

    /// Every live record id with its customer, sorted by record id.
    pub(crate) fn assignments(&self) -> Vec<(String, CustomerId)> {
        let mut out: Vec<(String, CustomerId)> = self
            .prepared
            .iter()
            .enumerate()
            .filter(|(s, _)| self.live[*s])
            .map(|(s, p)| (p.id.to_string(), self.customer[s]))
            .collect();
        if !self.late.is_empty() {
            out.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        }
        out
    }

    pub(crate) fn stats(&self) -> Stats {
        Stats {
            records: self.live_count,
            customers: self.members.len(),
            largest_customer: self.members.values().map(Vec::len).max().unwrap_or(0),
            candidate_pairs: self.candidate_pairs,
            oversized_keys: self.oversized_keys,
            refused_merges: self.refusal_count,
            threshold_bits: cluster::threshold_bits(&self.config),
            prior_bits: self.model.as_ref().map_or(0.0, |m| m.weights.prior_bits()),
        }
    }

    /// Why identifier `value` links none of its holders: `None` when it is
    /// generic, else the guard that refused it (recorded on one pair of its
    /// holders, looked for among the customers `around`).
    fn value_refusal(
        &self,
        kind: FieldKind,
        value: &str,
        around: [CustomerId; 2],
    ) -> Option<Guard> {
        if self.generic.contains_key(&(kind, Box::from(value))) {
            return None;
        }
        let recorded = around
            .iter()
            .filter_map(|c| self.members.get(c))
            .flatten()
            .find_map(|&s| {
                self.refusals.get(s).find_map(|(_, via, guard)| match via {
                    Via::Identifier(k, v) if *k == kind && &**v == value => Some(*guard),
                    _ => None,
                })
            });
        Some(recorded.unwrap_or(Guard::SharedValue))
    }

    pub(crate) fn explain(&self, a: &str, b: &str) -> Result<Explanation, Error> {
        let unknown = || Error::new(ErrorKind::UnknownRecord, "record id not in the graph");
        let model = self.model.as_ref().ok_or_else(unknown)?;
        let ia = self.slot(a).ok_or_else(unknown)?;
        let ib = self.slot(b).ok_or_else(unknown)?;
        let weights = &model.weights;
        let fields_of = |x: u32, y: u32| -> Vec<FieldEvidence> {
            let (px, py) = (&self.prepared[x as usize], &self.prepared[y as usize]);
            let (ev, _) = weights.evidence(px, py, &compare(px, py));
            let mut fields: Vec<FieldEvidence> = ev.into_iter().map(to_field_evidence).collect();
            // Missing evidence is left out, but names both records hold
            // were set aside, and a reader would look for them.
            if crate::compare::names_in_two_writing_systems(px, py) {
                fields.push(FieldEvidence {
                    field: "name",
                    level: "not compared: two writing systems",
                    bits: 0.0,
                });
            }
            fields
        };
        let (pa, pb) = (&self.prepared[ia as usize], &self.prepared[ib as usize]);
        let direct = fields_of(ia, ib);
        let (ca, cb) = (self.customer[ia as usize], self.customer[ib as usize]);
        if ca == cb {
            return Ok(Explanation {
                a: a.to_string(),
                b: b.to_string(),
                chain: self.chain(ca, ia, ib, &fields_of),
                apart: None,
                direct,
                prior_bits: weights.prior_bits(),
            });
        }
        let refused = [(ca, cb), (cb, ca)].into_iter().find_map(|(x, y)| {
            self.members.get(&x)?.iter().find_map(|s| {
                self.refusals
                    .get(*s)
                    .find_map(|(t, _, guard)| (self.customer[*t as usize] == y).then_some(*guard))
            })
        });
        let shared_identifier = pa.identifiers().find(|x| pb.identifiers().any(|y| *x == y));
        let apart = match (refused, shared_identifier) {
            (Some(guard), _) => ApartReason::Refused { guard },
            // A value both hold would have joined them: it links nobody.
            (None, Some((kind, value))) => ApartReason::SharedValue {
                kind,
                masked_value: crate::normalize::text::mask(value),
                refused_by: self.value_refusal(kind, value, [ca, cb]),
            },
            (None, None) => {
                // Scored as the resolver scored it: generic values set aside.
                let generic: FxSet<(FieldKind, &str)> = pa
                    .identifiers()
                    .chain(pb.identifiers())
                    .filter(|&(k, v)| self.generic.contains_key(&(k, Box::from(v))))
                    .collect();
                let mut cmp = compare(pa, pb);
                cluster::demote_unlinked(&mut cmp, pa, pb, &generic);
                let bits = weights.score(pa, pb, &cmp);
                if shares_key(pa, pb, self.config.fuzzy_identifiers) && bits < model.threshold {
                    ApartReason::BelowThreshold {
                        bits,
                        threshold: model.threshold,
                    }
                } else {
                    // No common key, or only keys held by more records than
                    // the cap: the pair was never compared.
                    ApartReason::NoCandidate
                }
            }
        };
        Ok(Explanation {
            a: a.to_string(),
            b: b.to_string(),
            chain: Vec::new(),
            apart: Some(apart),
            direct,
            prior_bits: weights.prior_bits(),
        })
    }

    /// The shortest chain of links from `from` to `to` inside customer `c`.
    fn chain(
        &self,
        c: CustomerId,
        from: u32,
        to: u32,
        fields_of: &dyn Fn(u32, u32) -> Vec<FieldEvidence>,
    ) -> Vec<LinkStep> {
        if from == to {
            return Vec::new();
        }
        let mut adj: FxMap<u32, Vec<(u32, &Via)>> = util::map();
        for s in self.members.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
            for (t, via) in self.links.get(*s) {
                adj.entry(*s).or_default().push((*t, via));
                adj.entry(*t).or_default().push((*s, via));
            }
        }
        let mut prev: FxMap<u32, (u32, &Via)> = util::map();
        let mut queue = VecDeque::from([from]);
        while let Some(x) = queue.pop_front() {
            if x == to {
                break;
            }
            for &(y, via) in adj.get(&x).map(Vec::as_slice).unwrap_or(&[]) {
                if y != from && !prev.contains_key(&y) {
                    prev.insert(y, (x, via));
                    queue.push_back(y);
                }
            }
        }
        let mut steps = Vec::new();
        let mut cur = to;
        while let Some(&(p, via)) = prev.get(&cur) {
            let basis = match via {
                Via::Identifier(kind, v) => LinkBasis::SharedIdentifier {
                    kind: *kind,
                    masked_value: crate::normalize::text::mask(v),
                },
                Via::Scored(bits) => LinkBasis::Score { bits: *bits },
            };
            steps.push(LinkStep {
                from: self.prepared[p as usize].id.to_string(),
                to: self.prepared[cur as usize].id.to_string(),
                basis,
                fields: fields_of(p, cur),
            });
            cur = p;
        }
        steps.reverse();
        steps
    }
}

/// The customers before a rebuild, each with its records' new slots, from
/// each slot's customer before (`None`: a new record).
fn customers_before(prev: &[Option<CustomerId>]) -> Vec<(CustomerId, Vec<u32>)> {
    let mut old: BTreeMap<CustomerId, Vec<u32>> = BTreeMap::new();
    for (slot, c) in prev.iter().enumerate() {
        if let Some(c) = c {
            old.entry(*c).or_default().push(slot as u32);
        }
    }
    old.into_iter().collect()
}

fn to_field_evidence(e: Evidence) -> FieldEvidence {
    FieldEvidence {
        field: e.field.name(),
        level: e.level.name(),
        bits: e.bits,
    }
}

/// Whether two records share a blocking key: the keys the resolver blocks on.
fn shares_key(a: &Prepared, b: &Prepared, fuzzy_identifiers: bool) -> bool {
    let (mut ka, mut kb) = (Vec::new(), Vec::new());
    crate::block::record_keys(a, fuzzy_identifiers, &mut ka);
    crate::block::record_keys(b, fuzzy_identifiers, &mut kb);
    kb.iter().any(|k| ka.binary_search(k).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids found through the hash table and through the sorted base (as when
    /// two ids share a hash) agree, for live, erased, replaced and unknown ids.
    #[test]
    fn slots_are_found_by_hash_and_by_search_alike() {
        let graph = crate::IdentityGraph::new(Config::new()).unwrap_or_else(|_| unreachable!());
        let records = (0..200).map(|i| {
            Record::new(format!("id{i:03}"))
                .unwrap_or_else(|_| unreachable!())
                .email(format!("person{}@example.com", i / 3))
        });
        graph
            .upsert_batch(records)
            .unwrap_or_else(|_| unreachable!());
        graph.remove("id007").unwrap_or_else(|_| unreachable!());
        graph.remove("id150").unwrap_or_else(|_| unreachable!());
        let changed = Record::new("id020")
            .unwrap_or_else(|_| unreachable!())
            .email("someone@else.com");
        graph.upsert(changed).unwrap_or_else(|_| unreachable!());
        let st = graph.read();
        let ids: Vec<String> = (0..210).map(|i| format!("id{i:03}")).collect();
        let hashed: Vec<Option<u32>> = ids.iter().map(|id| st.slot(id)).collect();
        // Every hash marked as shared by two ids: each look-up searches the base.
        let mut all_collided = st.base_table();
        all_collided.values_mut().for_each(|s| *s = COLLIDED);
        let searched = State {
            base_ids: std::sync::OnceLock::from(all_collided),
            prepared: st.prepared.clone(),
            live: st.live.clone(),
            late: st.late.clone(),
            base_len: st.base_len,
            ..State::new(Config::new())
        };
        let by_search: Vec<Option<u32>> = ids.iter().map(|id| searched.slot(id)).collect();
        assert_eq!(hashed, by_search);
        assert_eq!(hashed[7], None);
        assert_eq!(hashed[150], None);
        assert_eq!(hashed[205], None);
        assert!(hashed[20].is_some_and(|s| s as usize >= st.base_len));
        assert!(hashed[21].is_some_and(|s| (s as usize) < st.base_len));
    }
}
