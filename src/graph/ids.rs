//! Stable customer ids: which id each customer carries after a change.
//!
//! The rule, independent of arrival order: a customer's *anchor* is its
//! earliest record (by timestamp, records without one last, then by record
//! id). After a change, each new customer keeps the id of the old customer
//! whose anchor it holds; holding several, it keeps the one with the earliest
//! anchor and the others merge into it; holding none, it gets a new id. So a
//! split leaves the old id with the part holding the old anchor, and ids are
//! minted in anchor order, never reused.

use std::collections::BTreeMap;

use crate::graph::Event;
use crate::id::CustomerId;

/// The order of anchors: earliest timestamp first, records without one last, then record id.
pub(crate) type AnchorKey<'a> = (i64, &'a str);

/// Ids for new customers and the events that describe the change.
pub(crate) struct Assignment {
    /// One id per cluster, in the order given.
    pub(crate) ids: Vec<CustomerId>,
    pub(crate) events: Vec<Event>,
    /// Customers absorbed by a merge: old id to the id it merged into.
    pub(crate) redirects: Vec<(CustomerId, CustomerId)>,
}

/// Assigns ids to `clusters` (record slots), replacing the `old` customers
/// (each with its surviving records). `prev(slot)` is a record's customer
/// before the change (`None` for a new record), `key(slot)` its anchor key,
/// `name(slot)` its record id.
pub(crate) fn assign<'a>(
    clusters: &[Vec<u32>],
    old: &[(CustomerId, Vec<u32>)],
    prev: impl Fn(u32) -> Option<CustomerId>,
    key: impl Fn(u32) -> AnchorKey<'a>,
    name: impl Fn(u32) -> &'a str,
    next_customer: &mut u64,
) -> Assignment {
    // The anchor of every old customer that still has records.
    let mut anchored: BTreeMap<u32, (AnchorKey<'a>, CustomerId)> = BTreeMap::new();
    let mut erased = Vec::new();
    for (id, members) in old {
        match members.iter().map(|&s| (key(s), s)).min() {
            Some((k, s)) => {
                anchored.insert(s, (k, *id));
            }
            None => erased.push(*id),
        }
    }
    // Mint in anchor order so the numbering does not depend on cluster order.
    let mut order: Vec<(AnchorKey<'a>, usize)> = clusters
        .iter()
        .enumerate()
        .filter_map(|(c, members)| members.iter().map(|&s| key(s)).min().map(|k| (k, c)))
        .collect();
    order.sort_unstable();
    let mut ids = vec![CustomerId::from_raw(0); clusters.len()];
    let mut events = Vec::new();
    let mut redirects = Vec::new();
    for &(_, c) in &order {
        let mut held: Vec<(AnchorKey<'a>, CustomerId)> = clusters[c]
            .iter()
            .filter_map(|s| anchored.get(s).copied())
            .collect();
        held.sort_unstable();
        let id = match held.first() {
            Some(&(_, id)) => id,
            None => {
                let id = CustomerId::from_raw(*next_customer);
                *next_customer += 1;
                events.push(Event::Created { customer: id });
                id
            }
        };
        if held.len() > 1 {
            let mut from: Vec<CustomerId> = held[1..].iter().map(|&(_, o)| o).collect();
            from.sort_unstable();
            redirects.extend(from.iter().map(|&o| (o, id)));
            events.push(Event::Merged { into: id, from });
        }
        ids[c] = id;
    }
    // Splits: an old customer whose records now sit in customers other than its heir.
    let mut moved = Vec::new();
    let mut parts: BTreeMap<CustomerId, std::collections::BTreeSet<CustomerId>> = BTreeMap::new();
    for (c, members) in clusters.iter().enumerate() {
        for &s in members {
            if let Some(before) = prev(s) {
                if before != ids[c] {
                    moved.push((name(s), before, ids[c]));
                }
                parts.entry(before).or_default().insert(ids[c]);
            }
        }
    }
    let heir = |o: CustomerId| -> CustomerId {
        redirects
            .iter()
            .find(|(from, _)| *from == o)
            .map_or(o, |&(_, into)| into)
    };
    for (o, got) in &parts {
        let h = heir(*o);
        let into: Vec<CustomerId> = got.iter().copied().filter(|&x| x != h).collect();
        if !into.is_empty() {
            events.push(Event::Split { from: *o, into });
        }
    }
    moved.sort_unstable();
    for (record, from, to) in moved {
        events.push(Event::RecordMoved {
            record: record.to_string(),
            from,
            to,
        });
    }
    erased.sort_unstable();
    erased.dedup();
    events.extend(
        erased
            .into_iter()
            .map(|customer| Event::Erased { customer }),
    );
    events.sort_by_key(Event::rank);
    Assignment {
        ids,
        events,
        redirects,
    }
}
