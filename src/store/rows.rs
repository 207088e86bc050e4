//! Which row of the `records` and `assignments` tables holds each record.
//!
//! The tables are keyed by row number, not by record id (see
//! [`format`](super::format)), so the store remembers each id's row. A commit
//! first plans its rows ([`Rows::plan`]) without touching this map, and the
//! map takes the plan only once the transaction is committed
//! ([`Rows::settle`]): a failed commit leaves it as the file is.

use super::ChangeSet;
use crate::error::{Error, ErrorKind};
use crate::util::{self, FxMap};

/// Each stored record's row, and the row a new record takes next.
#[derive(Debug, Default)]
pub(super) struct Rows {
    of: FxMap<Box<str>, u64>,
    next: u64,
}

/// A [`ChangeSet`] in rows: what to write where, each list sorted by row so
/// that the B-tree is walked in order.
#[derive(Debug, Default)]
pub(super) struct Plan<'a> {
    /// Row, id and record bytes (encoded as the `records` value when
    /// written: a batch of a million records is not copied first).
    pub(super) upserts: Vec<(u64, &'a str, &'a [u8])>,
    /// Row and customer.
    pub(super) assignments: Vec<(u64, u64)>,
    /// Rows whose record and assignment go.
    pub(super) removes: Vec<u64>,
    /// Ids new to the store and the rows they take.
    fresh: FxMap<&'a str, u64>,
    next: u64,
}

impl Rows {
    /// The rows of stored records, as loaded (each id once).
    pub(super) fn new(of: FxMap<Box<str>, u64>) -> Rows {
        let next = of.values().max().map_or(0, |&r| r + 1);
        Rows { of, next }
    }

    /// Where each change of `changes` goes: a stored id keeps its row, a new
    /// one takes the next free row.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRecord`] when an assignment names a record that
    /// is neither stored nor upserted by `changes`.
    #[cfg(test)]
    pub(super) fn plan<'a>(&self, changes: &ChangeSet<'a>) -> Result<Plan<'a>, Error> {
        let mut plan = self.plan_records(&changes.upserts);
        self.plan_rest(&mut plan, changes)?;
        Ok(plan)
    }

    /// The rows of records to write (the first half of [`Rows::plan`]): a
    /// stored id keeps its row, a new one takes the next free row.
    pub(super) fn plan_records<'a>(&self, upserts: &[(&'a str, &'a [u8])]) -> Plan<'a> {
        let mut fresh: FxMap<&'a str, u64> = util::map();
        let mut next = self.next;
        let mut rows = Vec::with_capacity(upserts.len());
        for &(id, bytes) in upserts {
            let row = match self.of.get(id).or_else(|| fresh.get(id)) {
                Some(&row) => row,
                None => {
                    fresh.insert(id, next);
                    next += 1;
                    next - 1
                }
            };
            rows.push((row, id, bytes));
        }
        // Stable sorts: of two writes to one row, the later one lands last.
        rows.sort_by_key(|&(row, _, _)| row);
        Plan {
            upserts: rows,
            fresh,
            next,
            ..Plan::default()
        }
    }

    /// The rows of everything but records (the second half of
    /// [`Rows::plan`]): assignments and removals, of records stored or
    /// placed by `plan` (whose `upserts` are then written already, or about
    /// to be, in the same transaction).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRecord`] when an assignment names a record that
    /// is neither stored nor placed by `plan`.
    pub(super) fn plan_rest(
        &self,
        plan: &mut Plan<'_>,
        changes: &ChangeSet<'_>,
    ) -> Result<(), Error> {
        let fresh = &plan.fresh;
        let row_of = |id: &str| self.of.get(id).or_else(|| fresh.get(id)).copied();
        let mut assignments = Vec::with_capacity(changes.assignments.len());
        for &(id, customer) in &changes.assignments {
            let row = row_of(id).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidRecord,
                    "a customer assignment for a record that is not stored",
                )
            })?;
            assignments.push((row, customer));
        }
        let removes = changes
            .removes
            .iter()
            .filter_map(|&id| row_of(id))
            .collect();
        assignments.sort_by_key(|&(row, _)| row);
        plan.assignments = assignments;
        plan.removes = removes;
        Ok(())
    }

    /// Takes in a committed plan: its new ids' rows, minus the removed ids.
    pub(super) fn settle(&mut self, plan: Plan<'_>, removed: &[&str]) {
        for (id, row) in plan.fresh {
            self.of.insert(Box::from(id), row);
        }
        for id in removed {
            self.of.remove(*id);
        }
        self.next = plan.next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_ids_keep_their_rows_and_new_ones_append() {
        let mut of = util::map();
        of.insert(Box::from("a"), 4);
        of.insert(Box::from("b"), 9);
        let mut rows = Rows::new(of);
        let changes = ChangeSet {
            upserts: vec![("c", b"x"), ("a", b"y"), ("d", b"z"), ("c", b"w")],
            assignments: vec![("d", 1), ("a", 2), ("d", 3)],
            removes: vec!["b", "nobody"],
            ..ChangeSet::default()
        };
        let plan = rows.plan(&changes).expect("every assignment has a record");
        let upserted: Vec<u64> = plan.upserts.iter().map(|(r, _, _)| *r).collect();
        assert_eq!(upserted, [4, 10, 10, 11]);
        // The later write to a row stays the later one.
        assert_eq!(plan.upserts[2], (10, "c", &b"w"[..]));
        assert_eq!(plan.assignments, [(4, 2), (11, 1), (11, 3)]);
        assert_eq!(plan.removes, [9]);
        rows.settle(plan, &changes.removes);
        let mut held: Vec<(&str, u64)> = rows.of.iter().map(|(k, &v)| (&**k, v)).collect();
        held.sort_unstable();
        assert_eq!(held, [("a", 4), ("c", 10), ("d", 11)]);
        assert_eq!(rows.next, 12);
        let orphan = ChangeSet {
            assignments: vec![("e", 1)],
            ..ChangeSet::default()
        };
        let err = rows.plan(&orphan).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::InvalidRecord));
    }
}
