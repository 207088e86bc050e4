//! Per-record lists (links, refusals, strong pairs) in little memory.
//!
//! A rebuild writes every list at once into one array sorted by slot (a few
//! bytes an item, no allocation per record); a real-time change then
//! overrides the lists of the slots it re-resolves in a small map. A slot's
//! list is its override when it has one, else its run of the array.

use crate::util::{self, FxMap};

#[derive(Debug)]
pub(crate) struct SlotLists<T> {
    base: Vec<(u32, T)>,
    over: FxMap<u32, Vec<T>>,
}

impl<T> Default for SlotLists<T> {
    fn default() -> Self {
        SlotLists {
            base: Vec::new(),
            over: util::map(),
        }
    }
}

/// The items of one slot's list.
pub(crate) enum Items<'a, T> {
    Base(std::slice::Iter<'a, (u32, T)>),
    Over(std::slice::Iter<'a, T>),
}

impl<'a, T> Iterator for Items<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        match self {
            Items::Base(it) => it.next().map(|(_, t)| t),
            Items::Over(it) => it.next(),
        }
    }
}

impl<T: Clone> SlotLists<T> {
    /// Every list at once, from `(slot, item)` pairs in any order (items of
    /// one slot keep their order).
    pub(crate) fn from_pairs(mut pairs: Vec<(u32, T)>) -> SlotLists<T> {
        pairs.sort_by_key(|p| p.0);
        SlotLists {
            base: pairs,
            over: util::map(),
        }
    }

    fn base_of(&self, slot: u32) -> &[(u32, T)] {
        let start = self.base.partition_point(|p| p.0 < slot);
        let end = start + self.base[start..].partition_point(|p| p.0 == slot);
        &self.base[start..end]
    }

    pub(crate) fn get(&self, slot: u32) -> Items<'_, T> {
        match self.over.get(&slot) {
            Some(v) => Items::Over(v.iter()),
            None => Items::Base(self.base_of(slot).iter()),
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
            let copy: Vec<T> = self.base_of(slot).iter().map(|(_, t)| t.clone()).collect();
            self.over.insert(slot, copy);
        }
        if let Some(v) = self.over.get_mut(&slot) {
            v.push(item);
        }
    }
}
