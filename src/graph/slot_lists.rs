//! Per-record lists (links, refusals, strong pairs) in little memory.
//!
//! A rebuild writes every list at once into one array sorted by slot, with
//! each slot's start beside it (a few bytes an item, no allocation per
//! record); a real-time change then overrides the lists of the slots it
//! re-resolves. A slot's list is its override when it has one, else its run
//! of the array. Overrides are found through a table by slot, not a hash map:
//! a region's every slot is read and rewritten, and probing a map of
//! millions of entries cost a cache miss or two each time.

use rayon::slice::ParallelSliceMut;

#[derive(Debug)]
pub(crate) struct SlotLists<T> {
    base: Vec<T>,
    /// `base[starts[s]..starts[s + 1]]` is slot `s`'s list: found without a
    /// search, which a region's every record needs three times over.
    starts: Vec<u32>,
    /// Per slot, the index of its override in `lists` (`NONE`: none).
    over: Vec<u32>,
    lists: Vec<Vec<T>>,
}

/// No override.
const NONE: u32 = u32::MAX;

impl<T> Default for SlotLists<T> {
    fn default() -> Self {
        SlotLists {
            base: Vec::new(),
            starts: Vec::new(),
            over: Vec::new(),
            lists: Vec::new(),
        }
    }
}

/// The items of one slot's list.
pub(crate) type Items<'a, T> = std::slice::Iter<'a, T>;

impl<T: Clone + Send> SlotLists<T> {
    /// Every list at once, from `(slot, item)` pairs in any order (items of
    /// one slot keep their order: the sort is stable, so the lists do not
    /// depend on the thread count).
    pub(crate) fn from_pairs(mut pairs: Vec<(u32, T)>) -> SlotLists<T> {
        pairs.par_sort_by_key(|p| p.0);
        let slots = pairs.last().map_or(0, |p| p.0 as usize + 1);
        let mut starts = Vec::with_capacity(slots + 1);
        let mut base = Vec::with_capacity(pairs.len());
        for (slot, item) in pairs {
            while starts.len() <= slot as usize {
                starts.push(base.len() as u32);
            }
            base.push(item);
        }
        starts.push(base.len() as u32);
        SlotLists {
            base,
            starts,
            over: Vec::new(),
            lists: Vec::new(),
        }
    }

    fn base_of(&self, slot: u32) -> &[T] {
        let s = slot as usize;
        match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => self.base.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The override of a slot, if it has one.
    fn override_of(&self, slot: u32) -> Option<&Vec<T>> {
        match self.over.get(slot as usize) {
            Some(&i) if i != NONE => self.lists.get(i as usize),
            _ => None,
        }
    }

    pub(crate) fn get(&self, slot: u32) -> Items<'_, T> {
        match self.override_of(slot) {
            Some(v) => v.iter(),
            None => self.base_of(slot).iter(),
        }
    }

    /// The override of a slot, made (a copy of its run) when it has none.
    fn override_mut(&mut self, slot: u32) -> &mut Vec<T> {
        let i = match self.over.get(slot as usize) {
            Some(&i) if i != NONE => i as usize,
            _ => self.set_override(slot, self.base_of(slot).to_vec()),
        };
        &mut self.lists[i]
    }

    /// Makes `list` the override of a slot that has none; returns its index.
    fn set_override(&mut self, slot: u32, list: Vec<T>) -> usize {
        let s = slot as usize;
        if self.over.len() <= s {
            self.over.resize(s + 1, NONE);
        }
        self.over[s] = self.lists.len() as u32;
        self.lists.push(list);
        self.lists.len() - 1
    }

    /// Empties a slot's list; returns how many items it had.
    pub(crate) fn clear(&mut self, slot: u32) -> usize {
        let n = self.get(slot).count();
        if n == 0 {
            return 0;
        }
        match self.over.get(slot as usize) {
            Some(&i) if i != NONE => {
                if let Some(list) = self.lists.get_mut(i as usize) {
                    list.clear();
                }
            }
            // An empty override, without copying the run it replaces first
            // (a region clears each of its slots' three lists).
            _ => {
                self.set_override(slot, Vec::new());
            }
        }
        n
    }

    pub(crate) fn push(&mut self, slot: u32, item: T) {
        self.override_mut(slot).push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Lists built at once, then overridden, read as the same lists kept naively.
        #[test]
        fn lists_read_back_as_written(
            pairs in proptest::collection::vec((0u32..20, any::<u8>()), 0..60),
            edits in proptest::collection::vec((0u32..24, proptest::option::of(any::<u8>())), 0..20),
        ) {
            let mut naive: Vec<Vec<u8>> = vec![Vec::new(); 24];
            for &(s, x) in &pairs {
                naive[s as usize].push(x);
            }
            let mut lists = SlotLists::from_pairs(pairs);
            for (s, edit) in edits {
                match edit {
                    Some(x) => {
                        lists.push(s, x);
                        naive[s as usize].push(x);
                    }
                    None => {
                        prop_assert_eq!(lists.clear(s), naive[s as usize].len());
                        naive[s as usize].clear();
                    }
                }
            }
            for s in 0..24u32 {
                let got: Vec<u8> = lists.get(s).copied().collect();
                prop_assert_eq!(&got, &naive[s as usize]);
            }
        }
    }
}
