//! Per-record lists (links, refusals, strong pairs) in little memory.
//!
//! A rebuild writes every list at once into one array sorted by slot, with
//! each slot's start beside it (a few bytes an item, no allocation per
//! record); a real-time change then overrides the lists of the slots it
//! re-resolves in a small map. A slot's list is its override when it has one,
//! else its run of the array.

use crate::util::{self, FxMap};

#[derive(Debug)]
pub(crate) struct SlotLists<T> {
    base: Vec<T>,
    /// `base[starts[s]..starts[s + 1]]` is slot `s`'s list: found without a
    /// search, which a region's every record needs three times over.
    starts: Vec<u32>,
    over: FxMap<u32, Vec<T>>,
}

impl<T> Default for SlotLists<T> {
    fn default() -> Self {
        SlotLists {
            base: Vec::new(),
            starts: Vec::new(),
            over: util::map(),
        }
    }
}

/// The items of one slot's list.
pub(crate) type Items<'a, T> = std::slice::Iter<'a, T>;

impl<T: Clone> SlotLists<T> {
    /// Every list at once, from `(slot, item)` pairs in any order (items of
    /// one slot keep their order).
    pub(crate) fn from_pairs(mut pairs: Vec<(u32, T)>) -> SlotLists<T> {
        pairs.sort_by_key(|p| p.0);
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
            over: util::map(),
        }
    }

    fn base_of(&self, slot: u32) -> &[T] {
        let s = slot as usize;
        match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => self.base.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn get(&self, slot: u32) -> Items<'_, T> {
        match self.over.get(&slot) {
            Some(v) => v.iter(),
            None => self.base_of(slot).iter(),
        }
    }

    /// Empties a slot's list; returns how many items it had.
    pub(crate) fn clear(&mut self, slot: u32) -> usize {
        let n = self.get(slot).count();
        self.over.insert(slot, Vec::new());
        n
    }

    pub(crate) fn push(&mut self, slot: u32, item: T) {
        if !self.over.contains_key(&slot) {
            let copy: Vec<T> = self.base_of(slot).to_vec();
            self.over.insert(slot, copy);
        }
        if let Some(v) = self.over.get_mut(&slot) {
            v.push(item);
        }
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
