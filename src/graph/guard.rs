//! Over-merge protection: what a customer already holds, and which merges would
//! join evidence that cannot be one person's.

use crate::compare::string::within_one_edit;
use crate::compare::{
    dob_compatible, family_conflict, name_levels, names_compatible, run_together, Level,
};
use crate::normalize::{BirthDate, FieldKind};
use crate::prepare::{Prepared, Records};
use crate::Config;

/// Why a merge was refused.
///
/// ```
/// use idgraph::Guard;
/// assert_eq!(Guard::BirthDate.to_string(), "different birth dates");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Guard {
    /// The two sides hold birth dates that are not one date typed twice.
    BirthDate,
    /// The two sides hold names that cannot be one person's.
    Name,
    /// The two sides hold different valid loyalty member numbers.
    LoyaltyId,
    /// The merge would give one customer more values of this kind than the configured limit.
    Limit(FieldKind),
    /// The value is shared by people whose evidence conflicts (a household tablet,
    /// a family email, a recycled phone): it links none of them.
    SharedValue,
}

impl std::fmt::Display for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Guard::BirthDate => f.write_str("different birth dates"),
            Guard::Name => f.write_str("names that do not match"),
            Guard::LoyaltyId => f.write_str("different loyalty members"),
            Guard::Limit(kind) => write!(f, "too many {kind} values for one customer"),
            Guard::SharedValue => f.write_str("a value shared by people with conflicting evidence"),
        }
    }
}

/// The conflicts between two customers' evidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Conflicts {
    pub(crate) dob: bool,
    pub(crate) given: bool,
    pub(crate) family: bool,
    pub(crate) loyalty: bool,
    pub(crate) limit: Option<FieldKind>,
}

impl Conflicts {
    pub(crate) fn any(&self) -> bool {
        self.dob || self.given || self.family || self.loyalty || self.limit.is_some()
    }

    /// The guard to report: limits first (never overridden), then the strongest evidence.
    pub(crate) fn guard(&self) -> Option<Guard> {
        if let Some(k) = self.limit {
            Some(Guard::Limit(k))
        } else if self.loyalty {
            Some(Guard::LoyaltyId)
        } else if self.dob {
            Some(Guard::BirthDate)
        } else if self.given || self.family {
            Some(Guard::Name)
        } else {
            None
        }
    }
}

/// Representatives kept per customer: a customer's evidence is pairwise
/// compatible, so a few representatives decide conflicts as well as all would.
const MAX_REPRESENTATIVES: usize = 8;

/// Up to [`MAX_REPRESENTATIVES`] values, in order, held inline: a profile is
/// built for a record each time one of its values is taken, and these two
/// lists' allocations were a third of building it.
#[derive(Clone, Copy, Debug)]
struct Few<T: Copy> {
    len: usize,
    items: [Option<T>; MAX_REPRESENTATIVES],
}

impl<T: Copy> Default for Few<T> {
    fn default() -> Few<T> {
        Few {
            len: 0,
            items: [None; MAX_REPRESENTATIVES],
        }
    }
}

impl<T: Copy> Few<T> {
    fn len(&self) -> usize {
        self.len
    }

    /// Appends `x`; a full list stays as it is (callers check the length first).
    fn push(&mut self, x: T) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(x);
            self.len += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.items.iter().take(self.len).flatten().copied()
    }
}

/// What one provisional customer holds, for conflict checks. Built for a
/// record each time one of its values is taken: everything but the
/// identifier hashes is inline, and those are one list.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    named: Few<u32>,
    dobs: Few<BirthDate>,
    /// Distinct valid loyalty numbers, as (record, position in its list).
    loyalty: Few<(u32, u32)>,
    /// Distinct identifier values (hashes), each tagged with its kind's slot
    /// in the low two bits, for the per-customer limits.
    ids: Vec<u64>,
}

/// A value's hash tagged with its kind's slot (see [`Profile::ids`]).
fn tagged(slot: usize, hash: u64) -> u64 {
    (hash & !3) | slot as u64
}

/// The slot of a tagged hash.
fn tag_slot(tagged: u64) -> usize {
    (tagged & 3) as usize
}

/// The text of a loyalty number a profile refers to.
fn loyalty_text<R: Records + ?Sized>(records: &R, (r, i): (u32, u32)) -> &str {
    ((r as usize) < records.len())
        .then(|| &records[r as usize])
        .and_then(|p| p.loyalty.get(i as usize))
        .map_or("", |l| &*l.value)
}

fn kind_slot(kind: FieldKind) -> Option<usize> {
    match kind {
        FieldKind::Email => Some(0),
        FieldKind::Phone => Some(1),
        FieldKind::LoyaltyId => Some(2),
        FieldKind::DeviceId => Some(3),
        _ => None,
    }
}

const SLOT_KINDS: [FieldKind; 4] = [
    FieldKind::Email,
    FieldKind::Phone,
    FieldKind::LoyaltyId,
    FieldKind::DeviceId,
];

fn hash_value(kind: FieldKind, v: &str) -> u64 {
    crate::util::fixed_state().hash_one((kind as u8, v))
}

/// Every record's identifier values hashed for the per-customer limits, made
/// once in parallel: a record's profile is built afresh each time a value
/// reaches it, and hashing its values was half of building it.
#[derive(Debug, Default)]
pub(crate) struct IdHashes {
    /// Where each record's entries start; the last entry is the total.
    starts: Vec<u32>,
    slots: Vec<u8>,
    hashes: Vec<u64>,
}

impl IdHashes {
    pub(crate) fn of<R: Records + ?Sized>(records: &R) -> IdHashes {
        use rayon::prelude::*;
        let counts: Vec<u32> = (0..records.len())
            .into_par_iter()
            .map(|i| &records[i])
            .map(|r| {
                r.identifiers()
                    .filter(|(k, _)| kind_slot(*k).is_some())
                    .count() as u32
            })
            .collect();
        let mut starts = Vec::with_capacity(records.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for c in counts {
            total += c;
            starts.push(total);
        }
        let (slots, hashes): (Vec<u8>, Vec<u64>) = (0..records.len())
            .into_par_iter()
            .map(|i| &records[i])
            .flat_map_iter(|r| {
                r.identifiers()
                    .filter_map(|(kind, v)| kind_slot(kind).map(|s| (s as u8, hash_value(kind, v))))
            })
            .unzip();
        IdHashes {
            starts,
            slots,
            hashes,
        }
    }

    /// Record `index`'s `(slot, hash)` entries, in `identifiers` order.
    fn get(&self, index: u32) -> impl Iterator<Item = (usize, u64)> + '_ {
        let i = index as usize;
        let (start, end) = match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        let slots = self.slots.get(start..end).unwrap_or(&[]);
        let hashes = self.hashes.get(start..end).unwrap_or(&[]);
        slots
            .iter()
            .map(|&s| s as usize)
            .zip(hashes.iter().copied())
    }
}

impl Profile {
    /// The profile of record `index` alone; `hashes` holds its identifier hashes.
    pub(crate) fn of(index: u32, r: &Prepared, hashes: &IdHashes) -> Profile {
        let mut p = Profile::default();
        if r.name.is_some() {
            p.named.push(index);
        }
        if let Some(d) = r.dob {
            p.dobs.push(d);
        }
        for (i, l) in r.loyalty.iter().enumerate().filter(|(_, l)| !l.failed) {
            let seen = p.loyalty.iter().any(|(_, j)| {
                r.loyalty
                    .get(j as usize)
                    .is_some_and(|m| m.value == l.value)
            });
            if !seen && p.loyalty.len() < MAX_REPRESENTATIVES {
                p.loyalty.push((index, i as u32));
            }
        }
        for (s, h) in hashes.get(index) {
            let t = tagged(s, h);
            if !p.ids.contains(&t) {
                p.ids.push(t);
            }
        }
        p
    }

    /// The records whose names the profile holds (a few of the customer's).
    pub(crate) fn named_records(&self) -> impl Iterator<Item = u32> + '_ {
        self.named.iter()
    }

    /// Every kind of conflict between two customers' evidence.
    pub(crate) fn conflicts<R: Records + ?Sized>(
        &self,
        other: &Profile,
        records: &R,
        config: &Config,
    ) -> Conflicts {
        let mut c = Conflicts {
            dob: self
                .dobs
                .iter()
                .any(|a| other.dobs.iter().any(|b| !dob_compatible(&a, &b))),
            ..Conflicts::default()
        };
        c.loyalty = self.loyalty.iter().any(|a| {
            let a = loyalty_text(records, a);
            other.loyalty.iter().any(|b| {
                let b = loyalty_text(records, b);
                a != b && !within_one_edit(a, b)
            })
        });
        // A customer joined on strong evidence under two names (`Harriet
        // Rees` and `Hattie Rees` with one birth date) is known by both, and
        // a record under either is no conflict with it: unless birth dates or
        // loyalty numbers already tell two people apart, two sides conflict
        // on names only when each has a name the other does not know. The
        // fields reported are those of the pairs that disagree.
        let same = |l: Level| matches!(l, Level::Exact | Level::Alias);
        let close = |l: Level| same(l) || l == Level::Fuzzy;
        let mut known_to_other = [[false; MAX_REPRESENTATIVES]; 2];
        for (i, a) in self.named.iter().enumerate() {
            for (j, b) in other.named.iter().enumerate() {
                let (Some(na), Some(nb)) = (&records[a as usize].name, &records[b as usize].name)
                else {
                    known_to_other[0][i] = true;
                    known_to_other[1][j] = true;
                    continue;
                };
                let (g, f) = name_levels(na, nb);
                c.given |= g == Level::Differ;
                c.family |= family_conflict(f, na, nb);
                // Known means the same full name, a nickname of it, one typo
                // in one of its parts, or the whole name typed as one word:
                // an initial, typos in both parts, or a family name alone
                // would let `G. Thomas` vouch for every `G... Tomas`.
                if (same(g) && close(f))
                    || (close(g) && same(f))
                    || (g == Level::Missing && close(f) && run_together(na, nb))
                {
                    known_to_other[0][i] = true;
                    known_to_other[1][j] = true;
                }
            }
        }
        let all_known = |side: usize, len: usize| known_to_other[side].iter().take(len).all(|&k| k);
        let other_evidence_differs = c.dob || c.loyalty;
        if !other_evidence_differs
            && (all_known(0, self.named.len()) || all_known(1, other.named.len()))
        {
            c.given = false;
            c.family = false;
        }
        for (s, kind) in SLOT_KINDS.into_iter().enumerate() {
            let limit = config.get_max_per_customer(kind).unwrap_or(usize::MAX);
            let count = |ids: &[u64]| ids.iter().filter(|&&t| tag_slot(t) == s).count();
            let (a, b) = (count(&self.ids), count(&other.ids));
            if a + b > limit {
                let fresh = other
                    .ids
                    .iter()
                    .filter(|&&t| tag_slot(t) == s && !self.ids.contains(&t))
                    .count();
                if a + fresh > limit {
                    c.limit = Some(kind);
                    break;
                }
            }
        }
        c
    }

    /// The profile with its records renumbered by `f` (the records of a
    /// part of the input back to the whole's).
    pub(crate) fn renumbered(mut self, f: impl Fn(u32) -> u32) -> Profile {
        for i in 0..self.named.len() {
            if let Some(Some(r)) = self.named.items.get_mut(i) {
                *r = f(*r);
            }
        }
        for i in 0..self.loyalty.len() {
            if let Some(Some((r, _))) = self.loyalty.items.get_mut(i) {
                *r = f(*r);
            }
        }
        self
    }

    /// Absorbs `other` (after a merge).
    pub(crate) fn absorb<R: Records + ?Sized>(&mut self, other: &Profile, records: &R) {
        for i in other.named.iter() {
            if self.named.len() < MAX_REPRESENTATIVES {
                self.named.push(i);
            }
        }
        for d in other.dobs.iter() {
            if !self.dobs.iter().any(|x| x == d) && self.dobs.len() < MAX_REPRESENTATIVES {
                self.dobs.push(d);
            }
        }
        for l in other.loyalty.iter() {
            let text = loyalty_text(records, l);
            let seen = self
                .loyalty
                .iter()
                .any(|m| loyalty_text(records, m) == text);
            if !seen && self.loyalty.len() < MAX_REPRESENTATIVES {
                self.loyalty.push(l);
            }
        }
        for &t in &other.ids {
            if !self.ids.contains(&t) {
                self.ids.push(t);
            }
        }
    }
}

/// Distinct name-and-birth-date signatures examined per value: enough to tell
/// one person from several, bounded so a value on thousands of records stays cheap.
pub(crate) const MAX_SIGNATURES: usize = 64;

/// How many clearly different people a set of records shows at least.
///
/// Records with the same name and birth date count once; the distinct ones are
/// joined whenever `compatible` accepts a pair, and the joined groups are
/// counted (single linkage: "Rossi", "Rosssi" and "Rssi" are one person's typos
/// even though the last two are two edits apart). Records without a name or
/// birth date fit anywhere. Stops counting at `cap`.
pub(crate) fn people_lower_bound<R: Records + ?Sized>(
    members: &[u32],
    records: &R,
    cap: usize,
    compatible: impl Fn(u32, u32) -> bool,
) -> usize {
    people_and_representatives(members, records, cap, compatible).0
}

/// The name-and-birth-date signature [`people_lower_bound`] groups records by.
pub(crate) type Signature<'a> = (Option<&'a str>, Option<&'a str>, Option<BirthDate>);

/// A record's signature; `None` when it has neither a name nor a birth date.
pub(crate) fn signature(r: &Prepared) -> Option<Signature<'_>> {
    if r.name.is_none() && r.dob.is_none() {
        return None;
    }
    let name = r.name.as_deref();
    Some((
        name.and_then(|n| n.given.as_deref()),
        name.and_then(|n| n.family.as_deref()),
        r.dob,
    ))
}

/// As [`people_lower_bound`], with the records it examined: the first record of
/// each distinct signature, in member order, at most [`MAX_SIGNATURES`]. The
/// count depends on those records only, so a change elsewhere in the members
/// cannot change it.
pub(crate) fn people_and_representatives<R: Records + ?Sized>(
    members: &[u32],
    records: &R,
    cap: usize,
    compatible: impl Fn(u32, u32) -> bool,
) -> (usize, Vec<u32>) {
    let mut seen = crate::util::set::<Signature<'_>>();
    let mut reps: Vec<u32> = Vec::new();
    for &m in members {
        let Some(sig) = signature(&records[m as usize]) else {
            continue;
        };
        if seen.insert(sig) {
            reps.push(m);
            if reps.len() >= MAX_SIGNATURES {
                break;
            }
        }
    }
    let mut uf = crate::graph::union_find::UnionFind::new(reps.len());
    for i in 0..reps.len() {
        for j in i + 1..reps.len() {
            if uf.find(i as u32) != uf.find(j as u32) && compatible(reps[i], reps[j]) {
                uf.union(i as u32, j as u32);
            }
        }
    }
    let groups = (0..reps.len() as u32).filter(|&i| uf.find(i) == i).count();
    (groups.clamp(1, cap.max(1)), reps)
}

/// Whether two records can be one person by names and birth dates alone.
pub(crate) fn strictly_compatible(a: &Prepared, b: &Prepared) -> bool {
    let names_ok = match (&a.name, &b.name) {
        (Some(x), Some(y)) => names_compatible(x, y),
        _ => true,
    };
    let dob_ok = match (&a.dob, &b.dob) {
        (Some(x), Some(y)) => dob_compatible(x, y),
        _ => true,
    };
    names_ok && dob_ok
}

/// Whether a record holds any evidence [`records_conflict`] reads: without a
/// birth date, a name or a valid loyalty number it conflicts with no record.
pub(crate) fn can_conflict(r: &Prepared) -> bool {
    r.dob.is_some() || r.name.is_some() || r.loyalty.iter().any(|l| !l.failed)
}

/// Whether two records' evidence conflicts as [`Profile::conflicts`] judges
/// it (birth dates, names, valid loyalty numbers), limits aside.
pub(crate) fn records_conflict(a: &Prepared, b: &Prepared) -> bool {
    if let (Some(x), Some(y)) = (&a.dob, &b.dob) {
        if !dob_compatible(x, y) {
            return true;
        }
    }
    if let (Some(x), Some(y)) = (&a.name, &b.name) {
        if !names_compatible(x, y) {
            return true;
        }
    }
    a.loyalty.iter().filter(|l| !l.failed).any(|x| {
        b.loyalty
            .iter()
            .filter(|l| !l.failed)
            .any(|y| x.value != y.value && !within_one_edit(&x.value, &y.value))
    })
}

/// One record of each distinct piece of evidence [`records_conflict`] reads
/// (birth date, name, valid loyalty numbers), in order: two records with the
/// same evidence conflict with the same records, and never with each other.
pub(crate) fn distinct_evidence<'a>(
    records: impl Iterator<Item = &'a Prepared>,
) -> Vec<&'a Prepared> {
    let same = |a: &Prepared, b: &Prepared| {
        a.dob == b.dob
            && a.name == b.name
            && a.loyalty
                .iter()
                .filter(|l| !l.failed)
                .eq(b.loyalty.iter().filter(|l| !l.failed))
    };
    let hasher = crate::util::fixed_state();
    let mut seen: crate::util::FxMap<u64, Vec<usize>> = crate::util::map();
    let mut out: Vec<&Prepared> = Vec::new();
    for r in records {
        let valid = r.loyalty.iter().filter(|l| !l.failed).map(|l| &*l.value);
        let name = r
            .name
            .as_deref()
            .map(|n| (n.given.as_deref(), n.root(), n.family.as_deref()));
        let h = hasher.hash_one((r.dob, name, valid.collect::<Vec<_>>()));
        let bucket = seen.entry(h).or_default();
        if !bucket.iter().any(|&i| same(out[i], r)) {
            bucket.push(out.len());
            out.push(r);
        }
    }
    out
}

/// Whether records hold no more identifier values of any kind than the
/// configured limits allow one customer.
pub(crate) fn within_limits<'a>(
    records: impl Iterator<Item = &'a Prepared>,
    config: &Config,
) -> bool {
    let mut seen: [Vec<u64>; 4] = Default::default();
    for r in records {
        for (kind, v) in r.identifiers() {
            if let Some(s) = kind_slot(kind) {
                let h = hash_value(kind, v);
                if !seen[s].contains(&h) {
                    seen[s].push(h);
                }
            }
        }
    }
    SLOT_KINDS
        .into_iter()
        .enumerate()
        .all(|(s, kind)| seen[s].len() <= config.get_max_per_customer(kind).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{LoyaltyScheme, Normalizer};
    use crate::prepare::prepare;
    use crate::Record;
    use proptest::prelude::*;

    const NAMES: [&str; 5] = ["Ana Lima", "Lima, Ana", "Ana Lina", "Bruno Koch", "A. Lima"];
    const DOBS: [&str; 3] = ["1980-01-02", "1980-02-01", "1975-12-31"];
    const LOYALTY: [&str; 3] = ["4000123456", "4000123457", "9100000017"];

    proptest! {
        /// Checking pairs of distinct evidence finds a conflict exactly when
        /// checking every pair of records does.
        #[test]
        fn distinct_evidence_finds_the_same_conflicts(
            specs in prop::collection::vec(
                (prop::option::of(0..5usize), prop::option::of(0..3usize), prop::option::of(0..3usize)),
                0..24,
            ),
        ) {
            let n = Normalizer::new().loyalty_scheme(LoyaltyScheme::new());
            let records: Vec<Prepared> = specs
                .iter()
                .enumerate()
                .map(|(i, &(name, dob, loyalty))| {
                    let mut r = Record::new(format!("r{i}")).unwrap_or_else(|_| unreachable!());
                    if let Some(x) = name {
                        r = r.name(NAMES[x]);
                    }
                    if let Some(x) = dob {
                        r = r.birth_date(DOBS[x]);
                    }
                    if let Some(x) = loyalty {
                        r = r.loyalty_id(LOYALTY[x]);
                    }
                    prepare(&r, &n)
                })
                .collect();
            let any = |rs: &[&Prepared]| {
                rs.iter()
                    .enumerate()
                    .any(|(i, a)| rs[i + 1..].iter().any(|b| records_conflict(a, b)))
            };
            let all: Vec<&Prepared> = records.iter().collect();
            let distinct = distinct_evidence(records.iter());
            prop_assert!(distinct.len() <= all.len());
            prop_assert_eq!(any(&distinct), any(&all));
            // A record without the evidence conflicts is read from conflicts with none.
            for a in records.iter().filter(|a| !can_conflict(a)) {
                prop_assert!(records.iter().all(|b| !records_conflict(a, b) && !records_conflict(b, a)));
            }
        }
    }
}
