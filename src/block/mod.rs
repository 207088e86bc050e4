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
    let mut packed: Vec<u64> = Vec::new();
    let mut oversized = 0;
    // One key family at a time keeps the key table small.
    let passes: [&(dyn Fn(&Prepared, &mut Vec<u64>) + Sync); 2] =
        [&key::fuzzy_identifier_keys, &key::evidence_keys];
    for (i, emit) in passes.into_iter().enumerate() {
        if i == 0 && !fuzzy_identifiers {
            continue;
        }
        let mut keys: Vec<(u64, u32)> = records
            .par_iter()
            .enumerate()
            .flat_map_iter(|(idx, r)| {
                let mut out = Vec::new();
                emit(r, &mut out);
                out.sort_unstable();
                out.dedup();
                out.into_iter().map(move |k| (k, idx as u32))
            })
            .collect();
        keys.par_sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let k = keys[start].0;
            let mut end = start + 1;
            while end < keys.len() && keys[end].0 == k {
                end += 1;
            }
            let group = &keys[start..end];
            if group.len() > cap {
                oversized += 1;
            } else {
                for x in 0..group.len() {
                    for y in x + 1..group.len() {
                        let (a, b) = (group[x].1, group[y].1);
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
    let pairs = packed.into_iter().map(|p| ((p >> 32) as u32, p as u32)).collect();
    Candidates { pairs, oversized_keys: oversized }
}
