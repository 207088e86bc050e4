//! Candidate generation: which record pairs are compared at all.
//!
//! Every record emits blocking keys (see [`key`]); records sharing a key are
//! compared. A key shared by more than `cap` records emits no pairs (a common
//! name, a shared address): those pairs would be too many and too weak, and
//! the key is counted as oversized. Cost is linear in the number of keys plus
//! at most `cap²/2` pairs per key.
//!
//! Keys are grouped on their top [`KEY_BITS`] bits, in the batch resolver and in
//! the real-time graph's index alike, so both see the same groups: a truncated
//! hash collision only adds comparisons, and it adds the same ones everywhere.

pub(crate) mod key;

use rayon::prelude::*;

use crate::prepare::{Prepared, Records};

type KeyEmitter = dyn Fn(&Prepared, &mut Vec<u64>) + Sync;

/// Records per parallel work unit when emitting keys.
const CHUNK: usize = 16_384;

/// Bits of a key's hash that decide its group.
pub(crate) const KEY_BITS: u32 = 40;

/// The part of a key's hash that decides its group.
pub(crate) fn group_key(hash: u64) -> u64 {
    hash >> (64 - KEY_BITS)
}

/// The key families, one pass each; `fuzzy_identifiers` switches the first three.
fn passes(fuzzy_identifiers: bool) -> [(&'static KeyEmitter, bool); 6] {
    [
        (&key::email_keys, fuzzy_identifiers),
        (&key::phone_keys, fuzzy_identifiers),
        (&key::loyalty_keys, fuzzy_identifiers),
        (&key::device_keys, true),
        (&key::evidence_keys, true),
        (&key::identifier_family_keys, true),
    ]
}

/// Every blocking key of one record as group keys, sorted and unique.
pub(crate) fn record_keys(r: &Prepared, fuzzy_identifiers: bool, out: &mut Vec<u64>) {
    out.clear();
    for (emit, on) in passes(fuzzy_identifiers) {
        if on {
            emit(r, out);
        }
    }
    for k in out.iter_mut() {
        *k = group_key(*k);
    }
    out.sort_unstable();
    out.dedup();
}

/// Candidate pairs `(a, b)` with `a < b`, sorted and unique, and the number of oversized keys.
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    pub(crate) pairs: Vec<(u32, u32)>,
    pub(crate) oversized_keys: usize,
}

/// How many records hold a group key, when the records given are only part of
/// the graph (the real-time graph re-resolving one neighbourhood): the cap
/// applies to the whole graph's groups.
pub(crate) type GroupSize<'a> = &'a (dyn Fn(u64) -> usize + Sync);

/// A key group member packed with its record index, so that sorting groups keys.
trait Packed: Copy + Ord + Send + Sync {
    fn pack(key: u64, index: u32) -> Self;
    fn key(self) -> u64;
    fn index(self) -> u32;
}

/// Up to 2^24 records: key and index in one word, half the memory of a pair.
impl Packed for u64 {
    fn pack(key: u64, index: u32) -> u64 {
        (key << (64 - KEY_BITS)) | u64::from(index)
    }
    fn key(self) -> u64 {
        self >> (64 - KEY_BITS)
    }
    fn index(self) -> u32 {
        (self & ((1 << (64 - KEY_BITS)) - 1)) as u32
    }
}

impl Packed for u128 {
    fn pack(key: u64, index: u32) -> u128 {
        (u128::from(key) << 32) | u128::from(index)
    }
    fn key(self) -> u64 {
        (self >> 32) as u64
    }
    fn index(self) -> u32 {
        self as u32
    }
}

/// Generates candidate pairs between records of different `label`s (records
/// with one label are already decided: one provisional customer); `sizes`,
/// when given, counts a key's records in the whole graph.
pub(crate) fn candidates<R: Records + ?Sized>(
    records: &R,
    cap: usize,
    fuzzy_identifiers: bool,
    sizes: Option<GroupSize<'_>>,
    label: impl Fn(u32) -> u32 + Sync,
) -> Candidates {
    if records.len() < (1 << (64 - KEY_BITS)) {
        candidates_packed::<u64, R>(records, cap, fuzzy_identifiers, sizes, &label)
    } else {
        candidates_packed::<u128, R>(records, cap, fuzzy_identifiers, sizes, &label)
    }
}

fn candidates_packed<P: Packed, R: Records + ?Sized>(
    records: &R,
    cap: usize,
    fuzzy_identifiers: bool,
    sizes: Option<GroupSize<'_>>,
    label: &(dyn Fn(u32) -> u32 + Sync),
) -> Candidates {
    let mut found = Found {
        pairs: PairSet::new(records.len()),
        oversized: 0,
        cap,
        sizes,
        label,
    };
    // One key family at a time keeps the key table small; the table's memory
    // is reused from one family to the next.
    let mut keys: Vec<P> = Vec::new();
    let mut spare: Vec<P> = Vec::new();
    let mut own = Vec::new();
    for (emit, on) in passes(fuzzy_identifiers) {
        if !on {
            continue;
        }
        // Keys of records `range`, packed with their indices, into `out`
        // (a record's repeated keys are dropped once all keys are sorted).
        let emit_range =
            |range: std::ops::Range<usize>, out: &mut dyn FnMut(P), own: &mut Vec<u64>| {
                for i in range {
                    own.clear();
                    emit(&records[i], own);
                    for &k in own.iter() {
                        out(P::pack(group_key(k), i as u32));
                    }
                }
            };
        if records.len() <= CHUNK {
            // A neighbourhood the real-time graph re-resolves: on this thread.
            keys.clear();
            emit_range(0..records.len(), &mut |p| keys.push(p), &mut own);
            sort_small(&mut keys, &mut spare);
            keys.dedup();
            found.groups(&keys);
            continue;
        }
        // Each chunk's keys split by their top bits into buckets; bucket by
        // bucket (in key order), the chunks' parts are put together, sorted
        // and grouped. The whole table is never held twice (chunks, then
        // one sorted copy): a million records' deletion keys are 70 MB.
        let parts: Vec<Vec<Vec<P>>> = (0..records.len().div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| {
                let mut buckets: Vec<Vec<P>> = vec![Vec::new(); BUCKETS];
                let mut own = Vec::new();
                let range = c * CHUNK..((c + 1) * CHUNK).min(records.len());
                emit_range(
                    range,
                    &mut |p| buckets[bucket_of(p.key())].push(p),
                    &mut own,
                );
                buckets
            })
            .collect();
        // Buckets hold disjoint keys, so each is sorted and grouped on its
        // own, on all cores at once: the pairs are sorted in the end, so
        // the order in which buckets finish does not show.
        let mut by_bucket: Vec<Vec<Vec<P>>> = (0..BUCKETS)
            .map(|_| Vec::with_capacity(parts.len()))
            .collect();
        for part in parts {
            for (b, piece) in part.into_iter().enumerate() {
                by_bucket[b].push(piece);
            }
        }
        let found_ref = &found;
        let per_bucket: Vec<(PairSet, usize)> = by_bucket
            .into_par_iter()
            .map(|pieces| {
                let mut keys: Vec<P> = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
                for piece in pieces {
                    keys.extend_from_slice(&piece);
                }
                keys.sort_unstable();
                keys.dedup();
                let mut bucket = found_ref.empty_like();
                bucket.groups(&keys);
                (bucket.pairs, bucket.oversized)
            })
            .collect();
        for (pairs, oversized) in per_bucket {
            found.pairs.append(pairs);
            found.oversized += oversized;
        }
    }
    Candidates {
        pairs: found.pairs.into_sorted(),
        oversized_keys: found.oversized,
    }
}

/// Sorts a few thousand packed keys: one counting pass on the top bits of
/// their (uniform) hashes puts each in a bucket of about one, and each
/// bucket is then sorted alone: a third of the comparisons of a general
/// sort, without its unpredictable branches.
fn sort_small<P: Packed>(keys: &mut Vec<P>, spare: &mut Vec<P>) {
    let n = keys.len();
    if n < 64 {
        keys.sort_unstable();
        return;
    }
    let bits = (usize::BITS - n.leading_zeros()).min(16);
    let shift = KEY_BITS - bits;
    let mut starts = vec![0u32; (1 << bits) + 1];
    for k in keys.iter() {
        starts[(k.key() >> shift) as usize + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    spare.clear();
    spare.resize(n, keys[0]);
    let mut at = starts.clone();
    for &k in keys.iter() {
        let b = (k.key() >> shift) as usize;
        spare[at[b] as usize] = k;
        at[b] += 1;
    }
    for w in starts.windows(2) {
        if w[1] - w[0] > 1 {
            spare[w[0] as usize..w[1] as usize].sort_unstable();
        }
    }
    std::mem::swap(keys, spare);
}

/// Buckets a large input's keys are split into by their top bits.
const BUCKETS: usize = 16;

/// A group key's bucket: its top bits, so that buckets in order are keys in order.
fn bucket_of(key: u64) -> usize {
    (key >> (KEY_BITS - BUCKETS.trailing_zeros())) as usize % BUCKETS
}

/// The pairs and oversized keys found so far, and what decides them.
struct Found<'a> {
    pairs: PairSet,
    oversized: usize,
    cap: usize,
    sizes: Option<GroupSize<'a>>,
    label: &'a (dyn Fn(u32) -> u32 + Sync),
}

impl Found<'_> {
    /// A `Found` with the same rules and nothing found yet (for one bucket
    /// of a large input).
    fn empty_like(&self) -> Self {
        Found {
            pairs: PairSet::Sparse(Vec::new()),
            oversized: 0,
            ..*self
        }
    }

    /// Takes the pairs of each group of equal keys in `keys` (sorted, unique).
    fn groups<P: Packed>(&mut self, keys: &[P]) {
        let label = self.label;
        let mut start = 0;
        while start < keys.len() {
            let k = keys[start].key();
            let mut end = start + 1;
            while end < keys.len() && keys[end].key() == k {
                end += 1;
            }
            let group = &keys[start..end];
            start = end;
            // A group of one provisional customer gives no pair, whatever its
            // size: in a neighbourhood the real-time graph re-resolves (a
            // customer of a hundred records sharing emails and names) most
            // groups are, and neither their pairs nor their size in the whole
            // graph are worth looking at.
            let first = label(group[0].index());
            let one_label = group.iter().all(|e| label(e.index()) == first);
            let size = match self.sizes {
                Some(_) if one_label => continue,
                Some(size_of) if group.len() > 1 => size_of(k),
                _ => group.len(),
            };
            if size > self.cap {
                self.oversized += 1;
            } else if !one_label {
                for x in 0..group.len() {
                    let (ix, lx) = (group[x].index(), label(group[x].index()));
                    for e in &group[x + 1..] {
                        let iy = e.index();
                        if ix != iy && lx != label(iy) {
                            self.pairs.insert(ix.min(iy), ix.max(iy));
                        }
                    }
                }
            }
        }
    }
}

/// Records up to which candidate pairs are deduplicated in a bit matrix
/// (512 KiB at most) rather than by sorting.
const DENSE_MAX: usize = 2048;

/// The candidate pairs found so far. A pair shared by many keys is found once
/// per key: in a neighbourhood the real-time graph re-resolves, ten times more
/// often than there are distinct pairs, so a small input marks a bit matrix
/// instead of sorting the repeats away.
enum PairSet {
    Dense { n: usize, bits: Vec<u64> },
    Sparse(Vec<u64>),
}

impl PairSet {
    fn new(n: usize) -> PairSet {
        if n <= DENSE_MAX {
            PairSet::Dense {
                n,
                bits: vec![0; (n * n).div_ceil(64)],
            }
        } else {
            PairSet::Sparse(Vec::new())
        }
    }

    /// Adds `(a, b)`, `a < b < n`.
    fn insert(&mut self, a: u32, b: u32) {
        match self {
            PairSet::Dense { n, bits } => {
                let i = a as usize * *n + b as usize;
                if let Some(w) = bits.get_mut(i / 64) {
                    *w |= 1 << (i % 64);
                }
            }
            PairSet::Sparse(packed) => packed.push((u64::from(a) << 32) | u64::from(b)),
        }
    }

    /// Adds every pair of `other`.
    fn append(&mut self, other: PairSet) {
        match (self, other) {
            (PairSet::Sparse(mine), PairSet::Sparse(mut theirs)) => mine.append(&mut theirs),
            (this, other) => {
                for (a, b) in other.into_sorted() {
                    this.insert(a, b);
                }
            }
        }
    }

    /// The pairs, sorted and unique.
    fn into_sorted(self) -> Vec<(u32, u32)> {
        match self {
            PairSet::Dense { n, bits } => {
                let mut out = Vec::new();
                for (w, &word) in bits.iter().enumerate() {
                    let mut word = word;
                    while word != 0 {
                        let i = w * 64 + word.trailing_zeros() as usize;
                        out.push(((i / n) as u32, (i % n) as u32));
                        word &= word - 1;
                    }
                }
                out
            }
            PairSet::Sparse(mut packed) => {
                packed.par_sort_unstable();
                packed.dedup();
                packed
                    .into_iter()
                    .map(|p| ((p >> 32) as u32, p as u32))
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The small sort sorts, whatever the keys (uniform, clustered, equal).
        #[test]
        fn small_sort_sorts(
            raw in proptest::collection::vec((0u64..(1 << 40), 0u32..4000), 0..3000),
            spread in 0u32..40,
        ) {
            let mut keys: Vec<u64> = raw.iter().map(|&(k, i)| u64::pack(k >> spread, i)).collect();
            let mut want = keys.clone();
            want.sort_unstable();
            sort_small(&mut keys, &mut Vec::new());
            prop_assert_eq!(keys, want);
        }

        /// The bit matrix and the sort give the same sorted, unique pairs.
        #[test]
        fn dense_and_sparse_pair_sets_agree(
            n in 2u32..80,
            raw in proptest::collection::vec((0u32..80, 0u32..80), 0..300),
        ) {
            let mut dense = PairSet::new(n as usize);
            let mut sparse = PairSet::Sparse(Vec::new());
            let mut expected = Vec::new();
            for (a, b) in raw {
                let (a, b) = (a % n, b % n);
                if a < b {
                    dense.insert(a, b);
                    sparse.insert(a, b);
                    expected.push((a, b));
                }
            }
            expected.sort_unstable();
            expected.dedup();
            let is_dense = matches!(dense, PairSet::Dense { .. });
            prop_assert!(is_dense);
            prop_assert_eq!(dense.into_sorted(), expected.clone());
            prop_assert_eq!(sparse.into_sorted(), expected);
        }
    }
}
