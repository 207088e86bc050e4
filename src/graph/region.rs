//! The real-time path: one record in or out, and only its neighbourhood
//! re-resolved.
//!
//! A change can only move records connected to it by something the resolver
//! acts on: the customers involved, every holder of an identifier value they
//! hold (unless the value is generic by its own holders' signatures, and stays
//! so), pairs whose evidence reaches the threshold, and the holders of a
//! blocking key whose group crosses the cap. That closure (the *region*) is
//! resolved alone with the graph's current estimates; the rest of the graph
//! cannot change, because nothing outside the region is connected to it. So
//! the partition always equals a rebuild with the same estimates, and the work
//! is bounded by the neighbourhood, not the graph.

use rayon::prelude::*;

use crate::block::{self, key::identifier_key};
use crate::compare::compare;
use crate::graph::cluster::Via;
use crate::graph::cluster::{self, records_compatible, Scope};
use crate::graph::guard::{
    can_conflict, people_and_representatives, records_conflict, signature, within_limits,
    MAX_SIGNATURES,
};
use crate::graph::index::{index_keys, KeyIndex, Spot};
use crate::graph::pool::{for_records, on_all_cores, on_this_thread};
use crate::graph::state::{decode, encode, State, NO_CUSTOMER};
use crate::graph::Event;
use crate::id::CustomerId;
use crate::normalize::FieldKind;
use crate::prepare::{prepare, Prepared, Records, Subset};
use crate::record::Record;
use crate::util::{self, FxMap, FxSet};

impl State {
    /// Stores `record` (replacing the stored version of its id) and re-resolves
    /// its neighbourhood. Returns its slot and the events. Needs estimates.
    /// `None` when the graph holds the record in exactly this form: nothing
    /// changes.
    pub(crate) fn upsert_one(&mut self, record: &Record) -> Option<(u32, Vec<Event>)> {
        // One lookup of the id (a search of the sorted base) serves both the
        // identity check and the replacement.
        let old = self.slot(record.id());
        let bytes = encode(record);
        if self.holds_as_is(old, &bytes) {
            return None;
        }
        let model = self.model.as_ref()?;
        let prepared = prepare(record, &model.normalizer);
        if let Some(o) = old.filter(|&o| self.touches_only(o, &prepared)) {
            self.replace_in_place(o, record, prepared, bytes);
            return Some((o, Vec::new()));
        }
        let slot = self.push_record_at(record, prepared, bytes);
        let events = self.change(old, Some(slot));
        Some((slot, events))
    }

    /// Erases the record `id` and re-resolves what it touched. Returns its
    /// customer before and the events; `None` when the id is unknown.
    pub(crate) fn remove_one(&mut self, id: &str) -> Option<(CustomerId, Vec<Event>)> {
        let old = self.slot(id)?;
        self.model.as_ref()?;
        let before = self.customer[old as usize];
        if self.late.get(id) == Some(&old) {
            self.late.remove(id);
        }
        let events = self.change(Some(old), None);
        Some((before, events))
    }

    fn ensure_index(&mut self) {
        if self.index.is_none() {
            let (prepared, live) = (&self.prepared, &self.live);
            let fuzzy = self.config.fuzzy_identifiers;
            self.index = Some(on_all_cores(|| KeyIndex::build(prepared, live, fuzzy)));
        }
    }

    /// Replaces the record in slot `old` (if any) by the one in slot `new` (if any).
    fn change(&mut self, old: Option<u32>, new: Option<u32>) -> Vec<Event> {
        // Built on every core, before the change's own steps go to this thread.
        self.ensure_index();
        let events = on_this_thread(|| self.change_here(old, new));
        self.fold_index();
        events
    }

    fn fold_index(&mut self) {
        // Checked first: handing work to all cores costs more than a
        // real-time change, and a fold is due once in many thousands.
        if let Some(index) = self.index.as_mut().filter(|i| i.wants_fold()) {
            let live = &self.live;
            on_all_cores(|| index.fold_in_later(live));
        }
    }

    fn change_here(&mut self, old: Option<u32>, new: Option<u32>) -> Vec<Event> {
        self.ensure_index();
        let (seeds, within) = self.apply(old, new);
        if let (None, Some(x), [_]) = (old, new, seeds.as_slice()) {
            if let Some(events) = self.join_clean(x, &within) {
                return events;
            }
        }
        let mut news: FxMap<u32, Vec<u64>> = util::map();
        if let Some(n) = new {
            news.insert(n, within.keys);
        }
        let olds: Vec<u32> = old.into_iter().collect();
        let region = self.closure(&olds, &news, &seeds);
        let events = self.resolve_region(&[(old, new)], &region);
        for o in olds {
            self.empty_slot(o);
        }
        events
    }

    /// Applies several changes (slot `old` replaced by slot `new`, in order)
    /// and re-resolves the union of their regions once: a customer many of
    /// the records touch is resolved again once, not once per record.
    pub(crate) fn change_many(&mut self, changes: &[(Option<u32>, Option<u32>)]) -> Vec<Event> {
        let mut timer = util::PhaseTimer::new();
        self.ensure_index();
        timer.lap("batch: index");
        let keys: Vec<(SlotKeys, SlotKeys)> = for_records(changes.len(), || {
            changes
                .par_iter()
                .map(|&(old, new)| self.keys_of_change(old, new))
                .collect()
        });
        let events = on_this_thread(|| {
            let mut seeds = Vec::new();
            let mut news: FxMap<u32, Vec<u64>> = util::map();
            // Changes the fast path took are done; the rest share a region.
            let mut rest = Vec::with_capacity(changes.len());
            for (&(old, new), keys) in changes.iter().zip(keys) {
                let (more, within) = self.apply_keyed(old, new, keys);
                // A record of this chunk not resolved yet has no customer, so a
                // record near it never qualifies for the fast path.
                if let (None, Some(x), [_]) = (old, new, more.as_slice()) {
                    if self.join_clean(x, &within).is_some() {
                        continue;
                    }
                }
                seeds.extend(more);
                if let Some(n) = new {
                    news.insert(n, within.keys);
                }
                rest.push((old, new));
            }
            timer.lap("batch: apply");
            if rest.is_empty() {
                return Vec::new();
            }
            // The region of many changes is large enough to share out.
            for_records(changes.len(), || {
                let olds: Vec<u32> = rest.iter().filter_map(|c| c.0).collect();
                let region = self.closure(&olds, &news, &seeds);
                timer.lap("batch: closure");
                let events = self.resolve_region(&rest, &region);
                timer.lap("batch: resolve region");
                for o in olds {
                    self.empty_slot(o);
                }
                events
            })
        });
        self.fold_index();
        events
    }

    /// Whether replacing the resolved record in slot `old` by `new` changes
    /// nothing the resolver reads: a channel sending a record again with a new
    /// timestamp or source, or with values typed differently that normalize
    /// the same. Such a version takes the old one's place and its customer:
    /// the partition of the records held cannot change, so neither can any
    /// customer id, and a re-resolve of the region would only confirm it.
    pub(crate) fn touches_only(&self, old: u32, new: &Prepared) -> bool {
        #[cfg(test)]
        if self.slow_updates {
            return false;
        }
        self.live.get(old as usize).copied().unwrap_or(false)
            && self
                .customer
                .get(old as usize)
                .is_some_and(|&c| c != NO_CUSTOMER)
            && self.prepared[old as usize].same_evidence(new)
    }

    /// Puts a version that [`touches_only`](Self::touches_only) its slot in
    /// place of the one there (whose bytes go, as on any replacement).
    pub(crate) fn replace_in_place(
        &mut self,
        slot: u32,
        record: &Record,
        prepared: Prepared,
        bytes: Box<[u8]>,
    ) {
        let s = slot as usize;
        self.uncount(slot);
        self.stats.add(record, 1);
        self.prepared[s] = prepared;
        self.raw[s] = bytes;
    }

    /// Takes the record in `slot` out of the input statistics (it is
    /// replaced or erased).
    fn uncount(&mut self, slot: u32) {
        let s = slot as usize;
        if let Some(r) = decode(&self.prepared[s].id, &self.raw[s]) {
            self.stats.add(&r, -1);
        }
    }

    /// Stores a prepared record and its stored form in a new slot (not yet
    /// resolved); returns the slot.
    pub(crate) fn push_record_at(
        &mut self,
        record: &Record,
        prepared: Prepared,
        bytes: Box<[u8]>,
    ) -> u32 {
        let slot = self.prepared.len() as u32;
        self.prepared.push(prepared);
        self.raw.push(bytes);
        self.customer.push(NO_CUSTOMER);
        self.live.push(true);
        self.live_count += 1;
        self.late.insert(record.id().into(), slot);
        self.stats.add(record, 1);
        slot
    }

    /// The bookkeeping of one change: liveness, statistics, index, groups
    /// that cross the cap, stable generic values. Returns the records the
    /// change seeds its region with, and the new record's blocking groups
    /// within the cap.
    fn apply(&mut self, old: Option<u32>, new: Option<u32>) -> (Vec<u32>, Within) {
        let keys = self.keys_of_change(old, new);
        self.apply_keyed(old, new, keys)
    }

    /// The keys of the records a change takes out and puts in (see
    /// [`SlotKeys`]): they depend on the records alone, so a batch computes
    /// them on every core before applying its changes one by one.
    fn keys_of_change(&self, old: Option<u32>, new: Option<u32>) -> (SlotKeys, SlotKeys) {
        let fuzzy = self.config.fuzzy_identifiers;
        let keys = |s: Option<u32>| {
            let mut all = Vec::new();
            let mut blocking = Vec::new();
            if let Some(p) = s.and_then(|s| self.prepared.get(s as usize)) {
                block::record_keys(p, fuzzy, &mut blocking);
                index_keys(p, &blocking, &mut all);
            }
            (all, blocking)
        };
        (keys(old), keys(new))
    }

    /// [`State::apply`] with the change's keys already computed.
    fn apply_keyed(
        &mut self,
        old: Option<u32>,
        new: Option<u32>,
        ((old_keys, old_blocking), (new_keys, new_blocking)): (SlotKeys, SlotKeys),
    ) -> (Vec<u32>, Within) {
        let cap = self.config.block_cap;
        if let Some(o) = old {
            self.live[o as usize] = false;
            self.live_count -= 1;
            self.uncount(o);
        }
        if let (Some(index), Some(o)) = (self.index.as_mut(), old) {
            for &k in &old_keys {
                index.erase(k, o);
            }
        }
        let mut seeds: Vec<u32> = new.into_iter().collect();
        // The new record's groups that generate pairs (within the cap), read
        // before its own keys go in: most of its keys are its own (deletion
        // keys of its values), and an absent key costs the least to look up.
        let mut within = Within::with_capacity(new_blocking.len());
        if let (Some(index), Some(x)) = (self.index.as_ref(), new) {
            let mut group = Vec::with_capacity(cap + 2);
            let spots: Vec<Spot> = new_blocking.iter().map(|&k| index.locate(k)).collect();
            for (&k, spot) in new_blocking.iter().zip(spots) {
                // Holders besides `x` (an index built after `x` was stored
                // holds it already), counted no further than needed: `x`
                // makes the group cap + 1 (it just crossed the cap) or less.
                let n = index.holders_up_to_at(spot, &self.live, cap + 1, &mut group);
                if n > cap + 1 {
                    continue;
                }
                let before = group.len();
                group.retain(|&s| s != x);
                let others = n - (before - group.len());
                let at = group.partition_point(|&s| s < x);
                group.insert(at, x);
                // A group that just crossed the cap: its pairs vanish.
                if others == cap && !old_blocking.contains(&k) {
                    seeds.extend_from_slice(&group);
                }
                if others < cap {
                    within.push(k, &group);
                }
            }
        }
        if let Some(index) = self.index.as_mut() {
            if let Some(n) = new {
                for &k in &new_keys {
                    index.insert(k, n);
                }
            }
        }
        if let Some(index) = self.index.as_ref() {
            let mut holders = Vec::new();
            // A group that just came back within the cap: its pairs appear.
            for &k in old_blocking.iter().filter(|k| !new_blocking.contains(k)) {
                if index.count_up_to(k, &self.live, cap) == cap {
                    index.holders(k, &self.live, &mut holders);
                    seeds.extend_from_slice(&holders);
                }
            }
        }
        self.recheck_stable_generic(old, new);
        (seeds, within)
    }

    /// Whether a value generic by its holders' first distinct signatures may
    /// have changed, and if so, decides it again over all its holders.
    fn recheck_stable_generic(&mut self, old: Option<u32>, new: Option<u32>) {
        let Some(model) = self.model.as_ref() else {
            return;
        };
        let values = |s: Option<u32>| -> Vec<(FieldKind, &str)> {
            s.map(|s| self.prepared[s as usize].identifiers().collect())
                .unwrap_or_default()
        };
        let (old_values, new_values) = (values(old), values(new));
        let mut recheck: Vec<(FieldKind, Box<str>)> = Vec::new();
        for &(kind, value) in old_values.iter().chain(&new_values) {
            let Some(reps) = self.stable.get(kind, value) else {
                continue;
            };
            if recheck.iter().any(|(k, v)| *k == kind && **v == *value) {
                continue;
            }
            let left = old.is_some_and(|o| {
                old_values.contains(&(kind, value)) && reps.contains(&self.prepared[o as usize].id)
            });
            let joined = new.is_some_and(|n| {
                new_values.contains(&(kind, value))
                    && could_represent(&self.prepared, reps, n, self)
            });
            if left || joined {
                recheck.push((kind, value.into()));
            }
        }
        let Some(index) = self.index.as_ref() else {
            return;
        };
        let mut updates = Vec::new();
        for (kind, value) in recheck {
            let mut holders = Vec::new();
            index.holders(identifier_key(kind, &value), &self.live, &mut holders);
            let all = &self.prepared;
            holders.retain(|&s| {
                all[s as usize]
                    .identifiers()
                    .any(|(k, v)| k == kind && v == &*value)
            });
            holders.sort_unstable_by(|&a, &b| all[a as usize].id.cmp(&all[b as usize].id));
            let records = Subset {
                all,
                slots: &holders,
            };
            let members: Vec<u32> = (0..records.len() as u32).collect();
            let (people, reps) = people_and_representatives(
                &members,
                &records,
                self.config.generic_min_people,
                |a, b| records_compatible(&records, &model.weights, model.threshold, a, b),
            );
            let reps = (people >= self.config.generic_min_people).then(|| {
                reps.iter()
                    .map(|&i| records[i as usize].id.clone())
                    .collect()
            });
            updates.push(((kind, value), reps));
        }
        for (v, reps) in updates {
            match reps {
                Some(r) => {
                    self.stable.insert(v.0, v.1, r);
                }
                None => {
                    self.stable.forget(&v);
                }
            }
        }
    }

    /// The fast path for a new record whose only neighbour is one clean
    /// customer (see `State::clean`) and whose evidence conflicts with none of
    /// its records: the customer, resolved again with it, would be the same
    /// customer plus the record (every merge among conflict-free records
    /// passes, whatever the order, and nothing outside can change). A record
    /// with no neighbour at all becomes a customer of its own. Returns `None`
    /// when the record does not qualify.
    fn join_clean(&mut self, x: u32, within: &Within) -> Option<Vec<Event>> {
        let model = self.model.as_ref()?;
        let index = self.index.as_ref()?;
        let px = &self.prepared[x as usize];
        let stable: FxSet<(FieldKind, &str)> = px
            .identifiers()
            .filter(|&(k, v)| self.stable.contains(k, v))
            .collect();
        let mut target: Option<CustomerId> = None;
        let mut link: Option<(u32, Via)> = None;
        let mut strong: Vec<u32> = Vec::new();
        let mut holders = Vec::new();
        let meet = |c: CustomerId, target: &mut Option<CustomerId>| match target {
            Some(t) if *t != c => false,
            _ => {
                *target = Some(c);
                true
            }
        };
        // Whether every value of `x` is one its customer-to-be holds already.
        let mut nothing_new = true;
        for (kind, v) in px.identifiers() {
            if stable.contains(&(kind, v)) {
                nothing_new = false;
                continue;
            }
            index.holders(identifier_key(kind, v), &self.live, &mut holders);
            // A holder is read only until one is found to hold the value
            // indeed (a truncated key can collide): the others are in the
            // same customer, or the full path decides anyway.
            let mut held = false;
            for &h in holders.iter().filter(|&&h| h != x) {
                if !meet(self.customer[h as usize], &mut target) {
                    return None;
                }
                if held {
                    continue;
                }
                let ph = &self.prepared[h as usize];
                if !ph.identifiers().any(|(k, w)| k == kind && w == v) {
                    return None; // a truncated-key collision: leave it to the full path
                }
                held = true;
                if link.is_none() {
                    link = Some((h, Via::Identifier(kind, v.into())));
                }
            }
            nothing_new &= held;
        }
        // A record sharing several keys with `x` is scored once: its later
        // appearances would score the same.
        let mut scored: FxSet<u32> = util::set();
        for group in within.groups() {
            for &y in group.iter().filter(|&&y| y != x) {
                // Once `x` is linked, a record of the customer it joins needs
                // no score: their strong pair would lie inside one customer,
                // and a region holding either record holds that customer whole.
                if link.is_some() && target == Some(self.customer[y as usize]) {
                    continue;
                }
                if !scored.insert(y) {
                    continue;
                }
                let py = &self.prepared[y as usize];
                let cmp = compare(px, py);
                if !cmp.has_person_evidence() {
                    continue;
                }
                let raw = model.weights.score(px, py, &cmp);
                if raw < model.threshold {
                    continue;
                }
                if !meet(self.customer[y as usize], &mut target) {
                    return None;
                }
                strong.push(y);
                if link.is_none() {
                    let mut judged = cmp;
                    cluster::demote_unlinked(&mut judged, px, py, &stable);
                    let bits = if judged == cmp {
                        raw
                    } else {
                        model.weights.score(px, py, &judged)
                    };
                    if judged.has_person_evidence() && bits >= model.threshold {
                        link = Some((y, Via::Scored(bits)));
                    }
                }
            }
        }
        let Some(c) = target else {
            // Nothing links to the record: the region resolved again would be
            // what it was plus a customer of its own (weights and term
            // frequencies are fixed between estimations, so no pair among the
            // neighbours scores differently, and a value no one else holds
            // can be neither generic nor shared).
            let stable = stable.into_iter().map(|(k, v)| (k, v.into())).collect();
            return Some(self.stand_alone(x, stable));
        };
        let (to, via) = link?;
        if !self.clean.contains(&c) {
            return None;
        }
        let members = self.members.get(&c)?;
        if can_conflict(px)
            && members
                .iter()
                .any(|&m| records_conflict(px, &self.prepared[m as usize]))
        {
            return None;
        }
        // A customer of several records is within the limits (every merge
        // that made it was checked against them, and a part of it holds fewer
        // values), so a record that brings no value it lacks keeps it there.
        // A lone record may exceed them by itself: then its values are counted.
        let unchanged_values = nothing_new && members.len() >= 2;
        if !unchanged_values
            && !within_limits(
                members
                    .iter()
                    .map(|&m| &self.prepared[m as usize])
                    .chain(std::iter::once(px)),
                &self.config,
            )
        {
            return None;
        }
        let stable: Vec<(FieldKind, Box<str>)> =
            stable.into_iter().map(|(k, v)| (k, v.into())).collect();
        strong.sort_unstable();
        strong.dedup();
        if let Some(m) = self.members.get_mut(&c) {
            m.push(x);
        }
        self.place(x, c, stable);
        self.links.push(x, (to, via));
        for y in strong {
            self.strong.push(x, y);
            self.strong.push(y, x);
        }
        Some(Vec::new())
    }

    /// [`State::join_clean`] for a record with no link at all: it becomes a
    /// customer of its own, with a new id (the only customer of its region
    /// without an anchor, so the id the full path would mint).
    fn stand_alone(&mut self, x: u32, stable: Vec<(FieldKind, Box<str>)>) -> Vec<Event> {
        let id = CustomerId::from_raw(self.next_customer);
        self.next_customer += 1;
        self.members.insert(id, vec![x]);
        self.clean.insert(id);
        self.place(x, id, stable);
        vec![Event::Created { customer: id }]
    }

    /// What both fast paths record of a new record placed in customer `c`
    /// (already among its members): its customer, for the store, and its
    /// share of the stable generic values it holds.
    fn place(&mut self, x: u32, c: CustomerId, stable: Vec<(FieldKind, Box<str>)>) {
        self.customer[x as usize] = c;
        self.changed.push(x);
        for v in stable {
            if let Some(g) = self.generic.get_mut(&v) {
                g.records += 1;
            }
        }
    }

    /// The region a change touches (see the module docs), live slots only.
    fn closure(&self, olds: &[u32], news: &FxMap<u32, Vec<u64>>, seeds: &[u32]) -> Vec<u32> {
        let (Some(model), Some(index)) = (self.model.as_ref(), self.index.as_ref()) else {
            return Vec::new();
        };
        let mut seen: FxSet<u32> = util::set();
        let mut queue: Vec<u32> = Vec::new();
        let push = |s: u32, seen: &mut FxSet<u32>, queue: &mut Vec<u32>| {
            if seen.insert(s) {
                queue.push(s);
            }
        };
        for &s in olds.iter().chain(seeds) {
            push(s, &mut seen, &mut queue);
        }
        let mut holders = Vec::new();
        // Each customer's members and each value's holders are added once.
        let mut customers: FxSet<CustomerId> = util::set();
        let mut values: FxSet<u64> = util::set();
        while let Some(t) = queue.pop() {
            let c = self.customer[t as usize];
            if c != NO_CUSTOMER && customers.insert(c) {
                for &m in self.members.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
                    push(m, &mut seen, &mut queue);
                }
            }
            for (kind, v) in self.prepared[t as usize].identifiers() {
                let key = identifier_key(kind, v);
                if !values.insert(key) || self.stable.contains(kind, v) {
                    continue;
                }
                index.holders(key, &self.live, &mut holders);
                for &h in &holders {
                    push(h, &mut seen, &mut queue);
                }
            }
            for &p in self.strong.get(t) {
                push(p, &mut seen, &mut queue);
            }
            if let Some(new_blocking) = news.get(&t) {
                // A new record's strong pairs are not known yet: score its candidates.
                let x = &self.prepared[t as usize];
                // (Keys within the cap when the record was applied; a later
                // change in the same batch can only add holders: more scoring.)
                let mut scored: FxSet<u32> = util::set();
                for &k in new_blocking {
                    index.holders(k, &self.live, &mut holders);
                    for &y in &holders {
                        if y == t || seen.contains(&y) || !scored.insert(y) {
                            continue;
                        }
                        let py = &self.prepared[y as usize];
                        let cmp = compare(x, py);
                        if cmp.has_person_evidence()
                            && model.weights.score(x, py, &cmp) >= model.threshold
                        {
                            push(y, &mut seen, &mut queue);
                        }
                    }
                }
            }
        }
        let mut region: Vec<u32> = seen
            .into_iter()
            .filter(|&s| self.live[s as usize])
            .collect();
        region.sort_unstable_by(|&a, &b| {
            self.prepared[a as usize]
                .id
                .cmp(&self.prepared[b as usize].id)
        });
        region
    }

    /// Resolves the region alone and patches the result in.
    fn resolve_region(
        &mut self,
        changes: &[(Option<u32>, Option<u32>)],
        region: &[u32],
    ) -> Vec<Event> {
        let (Some(model), Some(index)) = (self.model.as_ref(), self.index.as_ref()) else {
            return Vec::new();
        };
        let olds: Vec<u32> = changes.iter().filter_map(|c| c.0).collect();
        // Each replaced slot's final version (`None`: erased), and each new
        // slot's customer before the changes (that of the version it replaced).
        let mut replaced: FxMap<u32, Option<u32>> = util::map();
        let mut before: FxMap<u32, Option<CustomerId>> = util::map();
        for &(old, new) in changes {
            let prior = old.and_then(|o| match before.get(&o) {
                Some(p) => *p,
                None => Some(self.customer[o as usize]).filter(|&c| c != NO_CUSTOMER),
            });
            if let Some(n) = new {
                before.insert(n, prior);
            }
            if let Some(o) = old {
                replaced.insert(o, new);
            }
        }
        let final_of = |mut s: u32| -> Option<u32> {
            while let Some(&next) = replaced.get(&s) {
                s = next?;
            }
            Some(s)
        };
        let records = Subset {
            all: &self.prepared,
            slots: region,
        };
        // Values held in the region: stable generic ones stay generic whatever
        // the region's share of their holders; the others are decided here.
        let mut forced = util::set();
        let mut decided: FxSet<(FieldKind, Box<str>)> = util::set();
        for &s in region.iter().chain(&olds) {
            let r = &self.prepared[s as usize];
            for (kind, v) in r.identifiers() {
                let key = (kind, Box::from(v));
                if self.stable.holds(&key) {
                    forced.insert(key);
                } else {
                    decided.insert(key);
                }
            }
        }
        let live = &self.live;
        let cap = self.config.block_cap;
        let sizes = |k: u64| index.count_up_to(k, live, cap);
        let scope = Scope {
            forced_generic: forced.clone(),
            sizes: Some(&sizes),
        };
        let res = cluster::resolve_part(&records, &self.config, &model.weights, &scope);
        // What the region held before goes; the resolution replaces it.
        let mut in_region: FxSet<u32> = region.iter().copied().collect();
        in_region.extend(olds.iter().copied());
        for &s in &in_region {
            self.links.clear(s);
            self.refusal_count -= self.refusals.clear(s);
            self.strong.clear(s);
        }
        for v in &decided {
            self.stable.forget(v);
        }
        let mut touched: Vec<CustomerId> = in_region
            .iter()
            .map(|&s| self.customer[s as usize])
            .filter(|&c| c != NO_CUSTOMER)
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let old_customers: Vec<(CustomerId, Vec<u32>)> = touched
            .iter()
            .map(|&c| {
                let survivors = self
                    .members
                    .get(&c)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|&s| final_of(s))
                    .filter(|&s| self.live[s as usize])
                    .collect();
                (c, survivors)
            })
            .collect();
        let customer = &self.customer;
        let prev = |s: u32| -> Option<CustomerId> {
            match before.get(&s) {
                Some(p) => *p,
                None => Some(customer[s as usize]).filter(|&c| c != NO_CUSTOMER),
            }
        };
        let mut prev_sorted: Vec<(u32, Option<CustomerId>)> =
            region.iter().map(|&s| (s, prev(s))).collect();
        prev_sorted.sort_unstable_by_key(|x| x.0);
        let prev_fn = |s: u32| -> Option<CustomerId> {
            prev_sorted
                .binary_search_by(|(x, _)| x.cmp(&s))
                .ok()
                .and_then(|i| prev_sorted[i].1)
        };
        let found: FxSet<(FieldKind, Box<str>)> = res
            .generic
            .iter()
            .map(|g| (g.kind(), Box::from(g.value())))
            .collect();
        let (candidate_pairs, oversized) = (self.candidate_pairs, self.oversized_keys);
        let mut events = self.install(res, region, &old_customers, &prev_fn, false);
        (self.candidate_pairs, self.oversized_keys) = (candidate_pairs, oversized);
        for v in decided.iter().filter(|v| !found.contains(*v)) {
            self.generic.remove(v);
        }
        // Forced values keep their entry; their record counts follow the holders.
        if let Some(index) = self.index.as_ref() {
            for (kind, v) in &forced {
                if let Some(g) = self.generic.get_mut(&(*kind, v.clone())) {
                    g.records = index.count(identifier_key(*kind, v), &self.live);
                }
            }
        }
        events.sort_by_key(Event::rank);
        events
    }

    /// Empties a dead slot: nothing of the record stays.
    fn empty_slot(&mut self, s: u32) {
        let i = s as usize;
        // A base slot keeps its neighbour's id so that the base stays sorted.
        let id: std::sync::Arc<str> = if i < self.base_len {
            let j = if i > 0 { i - 1 } else { i + 1 };
            self.prepared
                .get(j)
                .filter(|_| j < self.base_len)
                .map(|p| p.id.clone())
                .unwrap_or_default()
        } else {
            std::sync::Arc::from("")
        };
        self.prepared[i] = Prepared::unreadable(&id);
        self.raw[i] = Box::default();
        self.customer[i] = NO_CUSTOMER;
    }
}

/// A record's keys: every key the index holds it under, and its blocking
/// keys (both sorted and unique); empty for no record.
type SlotKeys = (Vec<u64>, Vec<u64>);

/// A new record's blocking groups within the cap: each key with its live
/// holders as the change found them (sorted), kept in two flat arrays.
#[derive(Debug, Default)]
pub(crate) struct Within {
    keys: Vec<u64>,
    ends: Vec<u32>,
    holders: Vec<u32>,
}

impl Within {
    /// Room for `keys` groups of up to two holders (most keys of a new record
    /// are its own), so that pushing them does not regrow three arrays again
    /// and again.
    fn with_capacity(keys: usize) -> Within {
        Within {
            keys: Vec::with_capacity(keys),
            ends: Vec::with_capacity(keys),
            holders: Vec::with_capacity(keys * 2),
        }
    }

    fn push(&mut self, key: u64, holders: &[u32]) {
        self.keys.push(key);
        self.holders.extend_from_slice(holders);
        self.ends.push(self.holders.len() as u32);
    }

    /// Each group's holders, in key order.
    fn groups(&self) -> impl Iterator<Item = &[u32]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(a, &b)| self.holders.get(a as usize..b as usize).unwrap_or(&[]))
    }
}

/// Whether record `n` would be among the records that decide a stable generic
/// value (`reps`: the first record of each distinct signature, by id).
fn could_represent(
    prepared: &[Prepared],
    reps: &[std::sync::Arc<str>],
    n: u32,
    st: &State,
) -> bool {
    let x = &prepared[n as usize];
    let Some(sig) = signature(x) else {
        return false;
    };
    if reps.len() >= MAX_SIGNATURES && reps.last().is_some_and(|last| x.id > *last) {
        return false;
    }
    !reps.iter().any(|r| {
        st.slot(r).is_some_and(|s| {
            let p = &prepared[s as usize];
            p.id < x.id && signature(p) == Some(sig)
        })
    })
}
