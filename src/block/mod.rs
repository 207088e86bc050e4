//! Candidate generation: which record pairs are compared at all.
//!
//! Every record emits blocking keys (see [`key`]); records sharing a key are
//! compared. A key shared by more than `cap` records emits no pairs (a common
//! name, a shared address): those pairs would be too many and too weak, and
//! the key is counted as oversized. Cost is linear in the number of keys plus
//! at most `cap²/2` pairs per key.

pub(crate) mod key;

use rayon::prelude::*;

use crate::prepare::Prepared;

type KeyEmitter = dyn Fn(&Prepared, &mut Vec<u64>) + Sync;

/// Records per parallel work unit when emitting keys.
const CHUNK: usize = 16_384;

/// Candidate pairs `(a, b)` with `a < b`, sorted and unique, and the number of oversized keys.
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    pub(crate) pairs: Vec<(u32, u32)>,
    pub(crate) oversized_keys: usize,
}

/// Generates candidate pairs. `skip(a, b)` drops pairs already decided (same provisional customer).
pub(crate) fn candidates(
    records: &[Prepared],
    cap: usize,
    fuzzy_identifiers: bool,
    skip: impl Fn(u32, u32) -> bool + Sync,
) -> Candidates {
    // Each key is packed with its record index into one u64: the low bits hold
    // the index, the high bits what is left of the key's hash. Half the memory
    // of (key, index) pairs; a truncated-hash collision only adds comparisons.
    let idx_bits = (usize::BITS - records.len().leading_zeros()).max(1);
    let idx_mask = (1u64 << idx_bits) - 1;
    let mut packed: Vec<u64> = Vec::new();
    let mut oversized = 0;
    // One key family at a time keeps the key table small.
    let passes: [(&KeyEmitter, bool); 4] = [
        (&key::email_keys, fuzzy_identifiers),
        (&key::phone_keys, fuzzy_identifiers),
        (&key::loyalty_keys, fuzzy_identifiers),
        (&key::evidence_keys, true),
    ];
    for (emit, on) in passes {
        if !on {
            continue;
        }
        // Small chunks, then one exact allocation: no transient doubling of the key table.
        let chunks: Vec<Vec<u64>> = records
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut acc = Vec::new();
                let mut own = Vec::new();
                for (j, r) in chunk.iter().enumerate() {
                    let idx = (c * CHUNK + j) as u64;
                    own.clear();
                    emit(r, &mut own);
                    for k in own.iter_mut() {
                        *k = (*k & !idx_mask) | idx;
                    }
                    own.sort_unstable();
                    own.dedup();
                    acc.extend_from_slice(&own);
                }
                acc
            })
            .collect();
        let mut keys: Vec<u64> = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
        for chunk in chunks {
            keys.extend_from_slice(&chunk);
        }
        keys.par_sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let k = keys[start] & !idx_mask;
            let mut end = start + 1;
            while end < keys.len() && keys[end] & !idx_mask == k {
                end += 1;
            }
            let group = &keys[start..end];
            if group.len() > cap {
                oversized += 1;
            } else {
                for x in 0..group.len() {
                    for y in x + 1..group.len() {
                        let (a, b) = ((group[x] & idx_mask) as u32, (group[y] & idx_mask) as u32);
                        let (a, b) = if a < b { (a, b) } else { (b, a) };
                        if a != b && !skip(a, b) {
                            packed.push((u64::from(a) << 32) | u64::from(b));
                        }
                    }
                }
            }
            start = end;
        }
    }
    packed.par_sort_unstable();
    packed.dedup();
    let pairs = packed
        .into_iter()
        .map(|p| ((p >> 32) as u32, p as u32))
        .collect();
    Candidates {
        pairs,
        oversized_keys: oversized,
    }
}
