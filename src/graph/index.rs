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
    extra: FxMap<u64, Vec<u32>>,
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
        }
    }

    fn range(&self, key: u64) -> std::ops::Range<usize> {
        let b = (key >> (block::KEY_BITS - self.bits)) as usize;
        let (lo, hi) = match (self.directory.get(b), self.directory.get(b + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => (0, self.keys.len()),
        };
        let cell = &self.keys[lo..hi];
        let start = lo + cell.partition_point(|&k| k < key);
        let end = start + self.keys[start..hi].partition_point(|&k| k == key);
        start..end
    }

    /// The live records holding `key`, sorted, unique.
    pub(crate) fn holders(&self, key: u64, live: &[bool], out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(&self.slots[self.range(key)]);
        if let Some(more) = self.extra.get(&key) {
            out.extend_from_slice(more);
        }
        out.retain(|&s| live.get(s as usize).copied().unwrap_or(false));
        out.sort_unstable();
        out.dedup();
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
        let mut seen: Vec<u32> = Vec::new();
        let extra = self.extra.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        for &s in self.slots[self.range(key)].iter().chain(extra) {
            if live.get(s as usize).copied().unwrap_or(false) {
                seen.push(s);
                // Duplicates are rare (an erased entry takes its neighbour's
                // value): only remove them when the count would stop here.
                if seen.len() > limit {
                    seen.sort_unstable();
                    seen.dedup();
                    if seen.len() > limit {
                        return seen.len();
                    }
                }
            }
        }
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    pub(crate) fn insert(&mut self, key: u64, slot: u32) {
        let v = self.extra.entry(key).or_default();
        if !v.contains(&slot) {
            v.push(slot);
        }
    }

    /// Forgets that `slot` holds `key`. A bulk entry is overwritten with its
    /// neighbour (the arrays stay sorted, and the key's hash is gone unless
    /// another record holds it too).
    pub(crate) fn erase(&mut self, key: u64, slot: u32) {
        if let Some(v) = self.extra.get_mut(&key) {
            v.retain(|&s| s != slot);
            if v.is_empty() {
                self.extra.remove(&key);
            }
        }
        let range = self.range(key);
        for i in range {
            if self.slots[i] == slot {
                let neighbour = if i > 0 { i - 1 } else { i + 1 };
                if neighbour < self.keys.len() {
                    self.keys[i] = self.keys[neighbour];
                    self.slots[i] = self.slots[neighbour];
                }
            }
        }
    }
}
