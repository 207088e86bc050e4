//! Who holds each key: the real-time graph's index of blocking keys and exact
//! identifier values, so that one record's neighbourhood is found without a
//! pass over the graph.
//!
//! The bulk lives in two sorted arrays built at once (12 bytes an entry, no
//! per-key allocation); later insertions go to a small map. Entries of erased
//! records are overwritten at once (a record's key hashes are derived from its
//! values), and entries of replaced records are skipped by the liveness check.

use rayon::prelude::*;

use crate::block;
use crate::prepare::Prepared;
use crate::util::{self, FxMap};

#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    keys: Vec<u64>,
    slots: Vec<u32>,
    /// `directory[b]`: the first entry whose key's top `bits` bits are `b`. A
    /// lookup reads one directory cell and a few neighbouring keys instead of
    /// binary-searching tens of millions (a cache miss per step).
    directory: Vec<u32>,
    bits: u32,
    extra: FxMap<u64, Later>,
    /// Entries in `extra`.
    later: usize,
}

/// Later insertions below which they are never folded in.
const FOLD_MIN: usize = 1 << 16;

/// The slots inserted under one key since the build: most keys of a new
/// record are its own, so one slot is held without an allocation.
#[derive(Debug)]
enum Later {
    One(u32),
    Many(Vec<u32>),
}

impl Later {
    fn as_slice(&self) -> &[u32] {
        match self {
            Later::One(s) => std::slice::from_ref(s),
            Later::Many(v) => v,
        }
    }
}

/// A fold merges `2^FOLD_PART_BITS` parts of the key space independently.
const FOLD_PART_BITS: u32 = 6;

/// Merges sorted bulk entries with sorted later ones, keeping live slots'
/// entries once each.
fn merge_live(
    bulk_keys: &[u64],
    bulk_slots: &[u32],
    later: &[(u64, u32)],
    is_live: impl Fn(u32) -> bool,
) -> (Vec<u64>, Vec<u32>) {
    let total = bulk_keys.len() + later.len();
    let (mut keys, mut slots) = (Vec::with_capacity(total), Vec::with_capacity(total));
    let mut bulk = bulk_keys
        .iter()
        .copied()
        .zip(bulk_slots.iter().copied())
        .filter(|&(_, s)| is_live(s))
        .peekable();
    let mut later = later.iter().copied().peekable();
    loop {
        let next = match (bulk.peek(), later.peek()) {
            (Some(a), Some(b)) if a <= b => bulk.next(),
            (Some(_), Some(_)) | (None, Some(_)) => later.next(),
            (Some(_), None) => bulk.next(),
            (None, None) => break,
        };
        if let Some((k, s)) = next {
            // An erasure's copies and a record indexed twice come out adjacent.
            if keys.last() != Some(&k) || slots.last() != Some(&s) {
                keys.push(k);
                slots.push(s);
            }
        }
    }
    (keys, slots)
}

/// Where a key's holders are (see [`KeyIndex::locate`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spot<'a> {
    key: u64,
    /// The key's first bulk entry, and the end of its directory cell.
    start: usize,
    hi: usize,
    later: &'a [u32],
}

/// Every key of a record: its blocking keys and its exact identifier values.
pub(crate) fn keys_of(r: &Prepared, fuzzy_identifiers: bool, out: &mut Vec<u64>) {
    let mut blocking = Vec::new();
    block::record_keys(r, fuzzy_identifiers, &mut blocking);
    index_keys(r, &blocking, out);
}

/// [`keys_of`] from the record's blocking keys, already computed.
pub(crate) fn index_keys(r: &Prepared, blocking: &[u64], out: &mut Vec<u64>) {
    out.clear();
    out.extend_from_slice(blocking);
    out.extend(
        r.identifiers()
            .map(|(kind, v)| block::key::identifier_key(kind, v)),
    );
    out.sort_unstable();
    out.dedup();
}

impl KeyIndex {
    /// Indexes every live record.
    pub(crate) fn build(prepared: &[Prepared], live: &[bool], fuzzy_identifiers: bool) -> KeyIndex {
        let mut pairs: Vec<(u64, u32)> = prepared
            .par_iter()
            .enumerate()
            .filter(|(i, _)| live.get(*i).copied().unwrap_or(false))
            .flat_map_iter(|(i, r)| {
                let mut keys = Vec::new();
                keys_of(r, fuzzy_identifiers, &mut keys);
                keys.into_iter().map(move |k| (k, i as u32))
            })
            .collect();
        pairs.par_sort_unstable();
        let (keys, slots): (Vec<u64>, Vec<u32>) = pairs.into_iter().unzip();
        KeyIndex::from_sorted(keys, slots)
    }

    /// The index of sorted `(key, slot)` pairs, given as two arrays.
    fn from_sorted(keys: Vec<u64>, slots: Vec<u32>) -> KeyIndex {
        // About four entries per directory cell.
        let bits = (usize::BITS - (keys.len() / 4).leading_zeros()).clamp(1, 26);
        let mut directory = vec![0u32; (1 << bits) + 1];
        let mut at = 0usize;
        for (b, cell) in directory.iter_mut().enumerate() {
            while at < keys.len() && (keys[at] >> (block::KEY_BITS - bits)) < b as u64 {
                at += 1;
            }
            *cell = at as u32;
        }
        KeyIndex {
            keys,
            slots,
            directory,
            bits,
            extra: util::map(),
            later: 0,
        }
    }

    /// Folds the later insertions into the sorted arrays once they reach a
    /// quarter of them, dropping dead slots' entries. A map of millions of
    /// small lists costs a cache miss per access and a rehash as it grows;
    /// the merge is one sequential pass, rare enough to cost little per
    /// insertion.
    pub(crate) fn fold_in_later(&mut self, live: &[bool]) {
        if self.wants_fold() {
            let mut timer = util::PhaseTimer::new();
            self.fold(live);
            timer.lap("index: fold later insertions");
        }
    }

    /// Whether [`fold_in_later`](Self::fold_in_later) would fold now.
    pub(crate) fn wants_fold(&self) -> bool {
        self.later >= (self.keys.len() / 4).max(FOLD_MIN)
    }

    /// Merges the later insertions into the sorted arrays: the key space is
    /// cut into parts by the keys' top bits, merged on all cores and joined.
    fn fold(&mut self, live: &[bool]) {
        let is_live = |s: u32| live.get(s as usize).copied().unwrap_or(false);
        let mut later: Vec<(u64, u32)> = Vec::with_capacity(self.later);
        for (&k, held) in &self.extra {
            later.extend(held.as_slice().iter().map(|&s| (k, s)));
        }
        later.retain(|&(_, s)| is_live(s));
        later.par_sort_unstable();
        // Where each part starts in the bulk and in the later insertions,
        // then where the last one ends.
        let mut cuts: Vec<(usize, usize)> = (0..1u64 << FOLD_PART_BITS)
            .map(|p| {
                let first = p << (block::KEY_BITS - FOLD_PART_BITS);
                (
                    self.keys.partition_point(|&k| k < first),
                    later.partition_point(|&(k, _)| k < first),
                )
            })
            .collect();
        cuts.push((self.keys.len(), later.len()));
        let parts: Vec<(Vec<u64>, Vec<u32>)> = cuts
            .par_windows(2)
            .map(|w| {
                let ((b0, l0), (b1, l1)) = (w[0], w[1]);
                merge_live(
                    &self.keys[b0..b1],
                    &self.slots[b0..b1],
                    &later[l0..l1],
                    is_live,
                )
            })
            .collect();
        // The old arrays go before the new ones are joined: two copies at most.
        self.keys = Vec::new();
        self.slots = Vec::new();
        let total = parts.iter().map(|p| p.0.len()).sum();
        let (mut keys, mut slots) = (Vec::with_capacity(total), Vec::with_capacity(total));
        for (k, s) in parts {
            keys.extend_from_slice(&k);
            slots.extend_from_slice(&s);
        }
        *self = KeyIndex::from_sorted(keys, slots);
    }

    fn range(&self, key: u64) -> std::ops::Range<usize> {
        let (start, hi) = self.range_start(key);
        let end = start + self.keys[start..hi].partition_point(|&k| k == key);
        start..end
    }

    /// Where `key`'s entries start, and the end of its directory cell (its
    /// entries end there at the latest).
    fn range_start(&self, key: u64) -> (usize, usize) {
        let b = (key >> (block::KEY_BITS - self.bits)) as usize;
        let (lo, hi) = match (self.directory.get(b), self.directory.get(b + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => (0, self.keys.len()),
        };
        let cell = &self.keys[lo..hi];
        (lo + cell.partition_point(|&k| k < key), hi)
    }

    /// The live records holding `key`, sorted, unique.
    pub(crate) fn holders(&self, key: u64, live: &[bool], out: &mut Vec<u32>) {
        self.holders_up_to(key, live, usize::MAX - 1, out);
    }

    /// How many live records hold `key`.
    pub(crate) fn count(&self, key: u64, live: &[bool]) -> usize {
        let mut out = Vec::new();
        self.holders(key, live, &mut out);
        out.len()
    }

    /// How many live records hold `key`, counting no further than `limit + 1`:
    /// enough to tell a group within the blocking cap from one beyond it,
    /// without reading a common key's thousands of holders.
    pub(crate) fn count_up_to(&self, key: u64, live: &[bool], limit: usize) -> usize {
        self.live_holders(key, live).take(limit + 1).count()
    }

    /// The live records holding `key`, sorted, when there are at most
    /// `limit`; returns how many there are, counting no further than
    /// `limit + 1` (then `out` holds only some of them).
    pub(crate) fn holders_up_to(
        &self,
        key: u64,
        live: &[bool],
        limit: usize,
        out: &mut Vec<u32>,
    ) -> usize {
        out.clear();
        out.extend(self.live_holders(key, live).take(limit + 1));
        out.sort_unstable();
        out.len()
    }

    /// Each live record holding `key` once, without allocating. The bulk
    /// stays sorted by (key, slot) through erasures (an erased entry takes its
    /// neighbour's pair), so a key's slots are sorted and its duplicates
    /// adjacent; a later insertion may repeat a bulk entry (an index built
    /// after the record was stored).
    fn live_holders<'a>(&'a self, key: u64, live: &'a [bool]) -> impl Iterator<Item = u32> + 'a {
        let is_live = move |s: u32| live.get(s as usize).copied().unwrap_or(false);
        // The bulk entries are read forward from the first, as far as the
        // caller takes them: a common key's thousands of entries are not
        // searched for their end (a cache miss per step) to give the first
        // few. The end is found only if the later insertions need it.
        let (start, hi) = self.range_start(key);
        let (keys, slots) = (&self.keys, &self.slots);
        let firsts = (start..hi)
            .map_while(move |i| {
                let s = slots.get(i).copied()?;
                (keys.get(i) == Some(&key)).then_some((i, s))
            })
            .filter(move |&(i, s)| i == start || slots.get(i - 1) != Some(&s))
            .map(|(_, s)| s);
        let end = std::cell::OnceCell::new();
        let later = self
            .extra
            .get(&key)
            .map(Later::as_slice)
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(move |s| {
                let end =
                    *end.get_or_init(|| start + keys[start..hi].partition_point(|&k| k == key));
                slots[start..end].binary_search(s).is_err()
            });
        firsts.chain(later).filter(move |&s| is_live(s))
    }

    /// Where the index holds `key`: the first bulk entry and the later
    /// insertions. Locating several keys one after the other, before reading
    /// any of them, lets the processor overlap their cache misses (a lookup
    /// is two or three misses and nothing else).
    pub(crate) fn locate(&self, key: u64) -> Spot<'_> {
        let (start, hi) = self.range_start(key);
        let later = self.extra.get(&key).map(Later::as_slice).unwrap_or(&[]);
        Spot {
            key,
            start,
            hi,
            later,
        }
    }

    /// [`holders_up_to`](Self::holders_up_to) for a located key.
    pub(crate) fn holders_up_to_at(
        &self,
        spot: Spot<'_>,
        live: &[bool],
        limit: usize,
        out: &mut Vec<u32>,
    ) -> usize {
        out.clear();
        out.extend(self.live_holders_at(spot, live).take(limit + 1));
        out.sort_unstable();
        out.len()
    }

    /// [`live_holders`](Self::live_holders) for a located key. The two stay
    /// apart on purpose: sending every lookup through [`locate`](Self::locate)
    /// made the real-time bench slower in seven alternating runs out of seven
    /// (upsert median and remove p99 5 to 25%), even with both inlined.
    fn live_holders_at<'a>(
        &'a self,
        spot: Spot<'a>,
        live: &'a [bool],
    ) -> impl Iterator<Item = u32> + 'a {
        let is_live = move |s: u32| live.get(s as usize).copied().unwrap_or(false);
        // The bulk entries are read forward from the first, as far as the
        // caller takes them: a common key's thousands of entries are not
        // searched for their end (a cache miss per step) to give the first
        // few. The end is found only if the later insertions need it.
        let Spot {
            key,
            start,
            hi,
            later,
        } = spot;
        let (keys, slots) = (&self.keys, &self.slots);
        let firsts = (start..hi)
            .map_while(move |i| {
                let s = slots.get(i).copied()?;
                (keys.get(i) == Some(&key)).then_some((i, s))
            })
            .filter(move |&(i, s)| i == start || slots.get(i - 1) != Some(&s))
            .map(|(_, s)| s);
        let end = std::cell::OnceCell::new();
        let later = later.iter().copied().filter(move |s| {
            let end = *end.get_or_init(|| start + keys[start..hi].partition_point(|&k| k == key));
            slots[start..end].binary_search(s).is_err()
        });
        firsts.chain(later).filter(move |&s| is_live(s))
    }

    pub(crate) fn insert(&mut self, key: u64, slot: u32) {
        match self.extra.get_mut(&key) {
            None => {
                self.extra.insert(key, Later::One(slot));
            }
            Some(Later::One(s)) if *s != slot => {
                let first = *s;
                self.extra.insert(key, Later::Many(vec![first, slot]));
            }
            Some(Later::Many(v)) if !v.contains(&slot) => v.push(slot),
            Some(_) => return,
        }
        self.later += 1;
    }

    /// Forgets that `slot` holds `key`. A bulk entry is overwritten with its
    /// neighbour (the arrays stay sorted, and the key's hash is gone unless
    /// another record holds it too).
    pub(crate) fn erase(&mut self, key: u64, slot: u32) {
        let gone = match self.extra.get_mut(&key) {
            Some(Later::One(s)) => {
                self.later -= usize::from(*s == slot);
                *s == slot
            }
            Some(Later::Many(v)) => {
                let before = v.len();
                v.retain(|&s| s != slot);
                self.later -= before - v.len();
                v.is_empty()
            }
            None => false,
        };
        if gone {
            self.extra.remove(&key);
        }
        // The pair's entries are adjacent (the bulk is sorted); they all take
        // one neighbour's pair, so that none of them survives an earlier
        // erasure's copy.
        let range = self.range(key);
        let mut run = range.filter(|&i| self.slots[i] == slot);
        let Some(first) = run.next() else {
            return;
        };
        let last = run.next_back().unwrap_or(first);
        let fill = if first > 0 {
            Some(first - 1)
        } else if last + 1 < self.keys.len() {
            Some(last + 1)
        } else {
            None
        };
        for i in first..=last {
            match fill {
                Some(j) => {
                    self.keys[i] = self.keys[j];
                    self.slots[i] = self.slots[j];
                }
                // The only pair left: a slot no record has.
                None => self.slots[i] = u32::MAX,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index_of(pairs: &[(u64, u32)]) -> KeyIndex {
        let mut pairs = pairs.to_vec();
        pairs.sort_unstable();
        let (keys, slots): (Vec<u64>, Vec<u32>) = pairs.into_iter().unzip();
        KeyIndex {
            keys,
            slots,
            directory: Vec::new(),
            bits: 1,
            extra: util::map(),
            later: 0,
        }
    }

    proptest! {
        /// After any erasures and insertions, the allocation-free count agrees
        /// with the holders, up to the limit.
        #[test]
        fn count_up_to_agrees_with_holders(
            bulk in proptest::collection::vec((0u64..4, 0u32..12), 0..40),
            erased in proptest::collection::vec((0u64..4, 0u32..12), 0..12),
            inserted in proptest::collection::vec((0u64..4, 0u32..16), 0..12),
            dead in proptest::collection::vec(0u32..16, 0..4),
            limit in 0usize..6,
        ) {
            // Keys in the top bits, as block keys are.
            let top = |k: u64| k << (block::KEY_BITS - 2);
            let bulk: Vec<(u64, u32)> = bulk.into_iter().map(|(k, s)| (top(k), s)).collect();
            let mut index = index_of(&bulk);
            for &(k, s) in &erased {
                index.erase(top(k), s);
            }
            for &(k, s) in &inserted {
                index.insert(top(k), s);
            }
            let all_live = vec![true; 16];
            let mut out = Vec::new();
            for &(k, s) in &erased {
                if !inserted.contains(&(k, s)) {
                    index.holders(top(k), &all_live, &mut out);
                    prop_assert!(!out.contains(&s), "erased pair still held");
                }
            }
            let live: Vec<bool> = (0..16).map(|s| !dead.contains(&s)).collect();
            // Folding the later insertions in changes no live holder.
            let mut folded = KeyIndex::from_sorted(index.keys.clone(), index.slots.clone());
            for (&k, held) in &index.extra {
                for &s in held.as_slice() {
                    folded.insert(k, s);
                }
            }
            folded.fold(&live);
            prop_assert_eq!(folded.later, 0);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for k in 0..4 {
                index.holders(top(k), &live, &mut a);
                folded.holders(top(k), &live, &mut b);
                prop_assert_eq!(&a, &b);
                prop_assert_eq!(
                    folded.count_up_to(top(k), &live, limit),
                    index.count_up_to(top(k), &live, limit)
                );
            }
            for k in 0..4 {
                index.holders(top(k), &live, &mut out);
                // Against the arrays read plainly: every live slot under the key, once.
                let key = top(k);
                let mut plain: Vec<u32> = index
                    .keys
                    .iter()
                    .zip(&index.slots)
                    .filter(|(&k, _)| k == key)
                    .map(|(_, &s)| s)
                    .chain(index.extra.get(&key).map(Later::as_slice).unwrap_or(&[]).iter().copied())
                    .filter(|&s| live.get(s as usize).copied().unwrap_or(false))
                    .collect();
                plain.sort_unstable();
                plain.dedup();
                prop_assert_eq!(&out, &plain);
                prop_assert_eq!(
                    index.count_up_to(top(k), &live, limit),
                    out.len().min(limit + 1)
                );
            }
        }
    }
}
