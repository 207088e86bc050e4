//! Field levels to evidence: Fellegi-Sunter log-likelihood weights estimated from the data.
//!
//! For each field and level, the weight is `log2(m / u)`, where `m` is the
//! chance of that level when both records are one person and `u` when they are
//! two. Nothing here reads labels:
//!
//! - `u` comes from deterministic random pairs of the input (almost all of
//!   them are two people), and for exact agreement on a name, birth date,
//!   postal code or address from the value's own frequency (term-frequency
//!   adjustment: agreeing on a rare value counts more than on a common one).
//!   Frequencies count each provisional customer (records already joined by
//!   an exact identifier) once, so one person's many records do not make
//!   their name look common.
//! - `m` comes from pairs joined by an exact identifier of another kind
//!   (near-certain matches), blended with a prior so that small inputs get
//!   sound defaults.
//! - `u` and the term frequencies are blended with a prior too. A file of ten
//!   records has one pair sharing a birth date, and it is the pair being
//!   judged: counted alone, that date is "held by everyone" and agreeing on it
//!   weighs nothing. The prior is worth a few hundred pairs (and a hundred
//!   customers for a value's frequency), so it decides small inputs and
//!   vanishes in large ones.
//! - the prior odds of a match come from the provisional customers' sizes.

use rayon::prelude::*;

use super::{compare, Comparison, Field, FieldMask, Level};
use crate::prepare::Prepared;
use crate::util::{self, FxMap};

/// Pseudo-count of the default m distribution in the blend with observed pairs.
const M_PRIOR_WEIGHT: f64 = 20.0;
/// Pseudo-count of the default u distribution (random pairs where the field
/// is present on both sides) in the blend with the sampled pairs.
const U_PRIOR_WEIGHT: f64 = 1000.0;
/// The highest prior probability that two random records are one person.
const MAX_PRIOR: f64 = 0.05;
/// The least prior odds taken: one pair in a trillion.
const MIN_PRIOR: f64 = 1e-12;
/// Rounds of expectation maximisation for the prior (see [`em_prior`]): it
/// settles within a few dozen from any start.
const PRIOR_EM_ROUNDS: usize = 100;
/// Pseudo-count, in customers, of a value's default frequency (the field's
/// u of exact agreement) in the blend with its observed frequency.
const TF_PRIOR_WEIGHT: f64 = 100.0;
/// Random pairs drawn to estimate u.
const U_SAMPLE_PAIRS: u64 = 400_000;
/// Independent random streams the draws are split into (a constant, not the
/// thread count, so that the sample is the same on every machine).
const U_STREAMS: u64 = 8;

#[derive(Clone, Debug)]
pub(crate) struct Weights {
    m: [[f64; Level::COUNT]; Field::COUNT],
    u: [[f64; Level::COUNT]; Field::COUNT],
    /// Term frequencies: value hash -> share of provisional customers holding it.
    tf: [FxMap<u64, f64>; Field::COUNT],
    tf_floor: [f64; Field::COUNT],
    /// Full-name frequencies (given root and family together).
    tf_full: FxMap<u64, f64>,
    prior_bits: f64,
    /// `log2(m / u)` per field and level, without term frequencies: the
    /// scorer runs for every candidate pair.
    level_bits: [[f64; Level::COUNT]; Field::COUNT],
}

/// One field's contribution to a pair's score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Evidence {
    pub(crate) field: Field,
    pub(crate) level: Level,
    pub(crate) bits: f64,
}

impl Weights {
    /// Log2 prior odds that two random records are one person.
    pub(crate) fn prior_bits(&self) -> f64 {
        self.prior_bits
    }

    /// Replaces the prior: `lambda` is the probability that two records
    /// taken at random are one person (kept within the bounds `estimate` uses).
    pub(crate) fn set_prior(&mut self, lambda: f64) {
        let lambda = lambda.clamp(MIN_PRIOR, MAX_PRIOR);
        self.prior_bits = (lambda / (1.0 - lambda)).log2();
    }

    /// m and u of one field at one level; `value_key` is the hash of the agreed value for TF.
    fn m_u(&self, field: Field, level: Level, value_key: Option<u64>) -> (f64, f64) {
        let (f, l) = (field.index(), level.index());
        let m = self.m[f][l];
        let mut u = self.u[f][l];
        if level == Level::Exact {
            if let Some(&share) = value_key.and_then(|k| self.tf[f].get(&k)) {
                u = share.max(self.tf_floor[f]);
            }
        }
        (m, u)
    }

    /// Weight of one field at one level in bits.
    fn bits(&self, field: Field, level: Level, value_key: Option<u64>) -> f64 {
        if level == Level::Missing || (level == Level::Differ && field.differ_is_neutral()) {
            return 0.0;
        }
        let (f, l) = (field.index(), level.index());
        if level == Level::Exact {
            if let Some(&share) = value_key.and_then(|k| self.tf[f].get(&k)) {
                return (self.m[f][l] / share.max(self.tf_floor[f])).log2();
            }
        }
        self.level_bits[f][l]
    }

    /// The weights of these estimates, with the level weights computed once.
    fn new(
        m: [[f64; Level::COUNT]; Field::COUNT],
        u: [[f64; Level::COUNT]; Field::COUNT],
        tf: [FxMap<u64, f64>; Field::COUNT],
        tf_floor: [f64; Field::COUNT],
        tf_full: FxMap<u64, f64>,
        prior_bits: f64,
    ) -> Weights {
        let mut level_bits = [[0.0; Level::COUNT]; Field::COUNT];
        for (f, row) in level_bits.iter_mut().enumerate() {
            for (l, bits) in row.iter_mut().enumerate() {
                *bits = (m[f][l] / u[f][l]).log2();
            }
        }
        Weights {
            m,
            u,
            tf,
            tf_floor,
            tf_full,
            prior_bits,
            level_bits,
        }
    }

    /// Calls `each` with every non-missing field's evidence; returns the total in bits, prior included.
    fn walk(
        &self,
        a: &Prepared,
        b: &Prepared,
        cmp: &Comparison,
        mut each: impl FnMut(Evidence),
    ) -> f64 {
        let mut total = self.prior_bits;
        let (given_bits, family_bits) = self.name_bits(a, b, cmp);
        for field in Field::ALL {
            let level = cmp.level(field);
            if level == Level::Missing {
                continue;
            }
            let bits = match field {
                Field::Given => given_bits,
                Field::Family => family_bits,
                _ => {
                    let key = if level == Level::Exact {
                        agreed_key(field, a, b)
                    } else {
                        None
                    };
                    self.bits(field, level, key)
                }
            };
            total += bits;
            each(Evidence { field, level, bits });
        }
        total
    }

    /// The given-name and family-name weights of a pair.
    ///
    /// Names that agree only read one way round (`Thomas Marie` against
    /// `Marie Thomas`, `Wang Xiaoming` against `Xiao Ming Wang`) agree on
    /// *a* name, but which word is the given name is unknown: each record's
    /// reading is weighed by the frequencies of its own parts, and the pair
    /// gets the weaker reading. (The other would weigh the common given name
    /// `Marie` as a rare family name, and link strangers sharing a common name
    /// written the other way round.) The weights are the same whichever record
    /// is `a`.
    fn name_bits(&self, a: &Prepared, b: &Prepared, cmp: &Comparison) -> (f64, f64) {
        let levels = (cmp.level(Field::Given), cmp.level(Field::Family));
        let of_a = self.name_reading(a, levels);
        // Compared as text, not by their frequency keys: this runs for every
        // scored pair, and the parts are nearly always the same.
        let same_parts = match (a.name.as_deref(), b.name.as_deref()) {
            (Some(x), Some(y)) => {
                x.given == y.given && x.family == y.family && x.root() == y.root()
            }
            _ => true,
        };
        if same_parts || levels.0 != Level::Exact && levels.1 != Level::Exact {
            return of_a;
        }
        let of_b = self.name_reading(b, levels);
        if of_b.0 + of_b.1 < of_a.0 + of_a.1 {
            of_b
        } else {
            of_a
        }
    }

    /// The given-name and family-name weights at `levels`, with the
    /// frequencies of `r`'s own name parts.
    ///
    /// When both name parts agree (the given name exactly or by nickname root),
    /// the u of their joint agreement is at least the frequency of the full name
    /// among other customers: "kevin" and "smith" are not independent evidence
    /// when "kevin smith" is itself common, and "bill smith" against "william
    /// smith" is no rarer than "william smith". The correction is attributed
    /// to the family name's line.
    fn name_reading(&self, r: &Prepared, (given, family): (Level, Level)) -> (f64, f64) {
        let key = |field: Field, level: Level| {
            if level == Level::Exact {
                tf_key(field, r)
            } else {
                None
            }
        };
        let (gk, fk) = (key(Field::Given, given), key(Field::Family, family));
        let given_bits = self.bits(Field::Given, given, gk);
        let mut family_bits = self.bits(Field::Family, family, fk);
        let full_name = matches!(given, Level::Exact | Level::Alias) && family == Level::Exact;
        if full_name {
            if let Some(full) = full_name_key(r)
                .and_then(|k| self.tf_full.get(&k))
                .filter(|f| **f > 0.0)
            {
                let (gm, gu) = self.m_u(Field::Given, given, gk);
                let (fm, fu) = self.m_u(Field::Family, family, fk);
                let joint = (gm * fm / (gu * fu).max(*full)).log2();
                family_bits = joint - given_bits;
            }
        }
        (given_bits, family_bits)
    }

    /// The evidence of every non-missing field and the total score in bits (prior included).
    pub(crate) fn evidence(
        &self,
        a: &Prepared,
        b: &Prepared,
        cmp: &Comparison,
    ) -> (Vec<Evidence>, f64) {
        let mut out = Vec::new();
        let total = self.walk(a, b, cmp, |e| out.push(e));
        (out, total)
    }

    /// The total score in bits, prior included.
    pub(crate) fn score(&self, a: &Prepared, b: &Prepared, cmp: &Comparison) -> f64 {
        self.walk(a, b, cmp, |_| {})
    }

    /// The (negative) weight of a clear disagreement on `field`.
    pub(crate) fn differ_bits(&self, field: Field) -> f64 {
        let (f, l) = (field.index(), Level::Differ.index());
        (self.m[f][l] / self.u[f][l]).log2()
    }
}

fn hash_str(field: Field, s: &str) -> u64 {
    util::fixed_state().hash_one((field as u8, s))
}

/// [`hash_str`] of formatted text, written into a reused buffer: keys are
/// hashed for every candidate pair, and an allocation each would cost more
/// than the hash.
fn hash_formatted(field: Field, text: std::fmt::Arguments<'_>) -> u64 {
    use std::fmt::Write;
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => {
            b.clear();
            let _ = b.write_fmt(text);
            hash_str(field, &b)
        }
        Err(_) => hash_str(field, &text.to_string()),
    })
}

/// The TF key of a record's value for a field that has term frequencies.
fn tf_key(field: Field, r: &Prepared) -> Option<u64> {
    match field {
        Field::Given => r.name.as_ref().and_then(|n| {
            if n.given_is_initial() {
                None
            } else {
                n.root().map(|g| hash_str(field, g))
            }
        }),
        Field::Family => r
            .name
            .as_ref()
            .and_then(|n| n.family.as_deref())
            .map(|f| hash_str(field, f)),
        Field::BirthDate => r.dob.map(|d| hash_str(field, d.iso().as_str())),
        Field::Postal => r.postal.as_deref().map(|p| hash_str(field, p)),
        Field::Address => r.address.as_deref().map(|p| hash_str(field, p)),
        _ => None,
    }
}

fn full_name_key(r: &Prepared) -> Option<u64> {
    r.name
        .as_ref()
        .and_then(|n| n.full_parts())
        .map(|(g, f)| hash_formatted(Field::Family, format_args!("full {g} {f}")))
}

fn agreed_key(field: Field, a: &Prepared, _b: &Prepared) -> Option<u64> {
    tf_key(field, a)
}

const TF_FIELDS: [Field; 5] = [
    Field::Given,
    Field::Family,
    Field::BirthDate,
    Field::Postal,
    Field::Address,
];

/// Default m distribution over levels when the data has no pairs to learn from.
fn default_m(field: Field) -> [f64; Level::COUNT] {
    // Missing, Exact, Alias, Fuzzy, Initial, Differ
    match field {
        Field::Email | Field::Phone => [0.0, 0.6, 0.02, 0.05, 0.0, 0.33],
        Field::Device => [0.0, 0.5, 0.0, 0.0, 0.0, 0.5],
        Field::Loyalty => [0.0, 0.9, 0.04, 0.02, 0.0, 0.04],
        Field::Given => [0.0, 0.8, 0.06, 0.07, 0.04, 0.03],
        Field::Family => [0.0, 0.9, 0.02, 0.06, 0.0, 0.02],
        Field::BirthDate => [0.0, 0.93, 0.0, 0.05, 0.0, 0.02],
        Field::Postal => [0.0, 0.85, 0.0, 0.05, 0.0, 0.1],
        Field::Address => [0.0, 0.7, 0.0, 0.15, 0.0, 0.15],
    }
}

/// Default u distribution over levels: how often two different people's
/// values compare at each level, in orders of magnitude that hold across
/// populations (a common given name is held by about one person in a
/// hundred, birth dates spread over decades, shoppers of one retailer
/// cluster in a region's postcodes, typo neighbours of an identifier are
/// rare). Only inputs too small to measure these lean on them.
fn default_u(field: Field) -> [f64; Level::COUNT] {
    // Missing, Exact, Alias, Fuzzy, Initial (Differ: the rest)
    let head = match field {
        Field::Email | Field::Phone => [0.0, 1e-6, 1e-6, 1e-5, 0.0],
        Field::Device => [0.0, 1e-6, 0.0, 0.0, 0.0],
        Field::Loyalty => [0.0, 1e-6, 1e-5, 1e-4, 0.0],
        Field::Given => [0.0, 0.01, 0.003, 0.01, 0.05],
        Field::Family => [0.0, 0.003, 0.001, 0.005, 0.0],
        Field::BirthDate => [0.0, 1e-4, 0.0, 2e-3, 0.0],
        Field::Postal => [0.0, 5e-3, 0.0, 0.01, 0.0],
        Field::Address => [0.0, 1e-4, 0.0, 1e-3, 0.0],
    };
    let rest = 1.0 - head.iter().sum::<f64>();
    [head[0], head[1], head[2], head[3], head[4], rest]
}

fn possible(field: Field, level: Level) -> bool {
    default_m(field)[level.index()] > 0.0
}

/// How many provisional customers hold each value (a customer counts once), and
/// how many hold any value of the field.
fn per_customer_counts(
    records: &[Prepared],
    group: &[u32],
    key: impl Fn(&Prepared) -> Option<u64>,
) -> (FxMap<u64, f64>, f64) {
    let mut seen = util::set::<(u64, u32)>();
    let mut with_field = util::set::<u32>();
    let mut counts: FxMap<u64, f64> = util::map();
    for (i, r) in records.iter().enumerate() {
        if let Some(k) = key(r) {
            let g = group.get(i).copied().unwrap_or(i as u32);
            with_field.insert(g);
            if seen.insert((k, g)) {
                *counts.entry(k).or_insert(0.0) += 1.0;
            }
        }
    }
    (counts, with_field.len().max(1) as f64)
}

/// Estimates weights from prepared records and a provisional clustering
/// (`group[i]`: the provisional customer of record `i`, from exact identifiers),
/// with `training`: near-certain matches (joined by an identifier, or by the same
/// full name and birth date), each with the fields that joined it, which must
/// not learn from it.
pub(crate) fn estimate(
    records: &[Prepared],
    group: &[u32],
    training: &[(u32, u32, FieldMask)],
) -> Weights {
    let n = records.len();
    // u from random pairs.
    let mut u_counts = [[0f64; Level::COUNT]; Field::COUNT];
    if n >= 2 {
        let all_pairs = (n as u64) * (n as u64 - 1) / 2;
        // Small inputs need fewer pairs for the same precision per record.
        let draws = all_pairs.min(U_SAMPLE_PAIRS).min(50 * n as u64);
        // Fixed streams, each with its own seed, summed: integer counts, so the
        // result is the same whatever the thread count.
        let per_stream = draws.div_ceil(U_STREAMS);
        let streams: Vec<[[u64; Level::COUNT]; Field::COUNT]> = (0..U_STREAMS)
            .into_par_iter()
            .map(|s| {
                let mut counts = [[0u64; Level::COUNT]; Field::COUNT];
                let mut state = 0x1d6_7a9c_u64 ^ s.wrapping_mul(0x9E37_79B9_7F4A_7C15);
                // Pairs inside one provisional customer are skipped: u is about two
                // people, and one heavy user's hundred records would otherwise make
                // their values look like everyone's.
                let (mut drawn, mut tries) = (0, 0);
                while drawn < per_stream && tries < per_stream * 4 {
                    tries += 1;
                    let i = (util::splitmix(&mut state) % n as u64) as usize;
                    let mut j = (util::splitmix(&mut state) % (n as u64 - 1)) as usize;
                    if j >= i {
                        j += 1;
                    }
                    if group.get(i).is_some() && group.get(i) == group.get(j) {
                        continue;
                    }
                    drawn += 1;
                    let cmp = compare(&records[i], &records[j]);
                    for f in Field::ALL {
                        counts[f.index()][cmp.level(f).index()] += 1;
                    }
                }
                counts
            })
            .collect();
        for counts in streams {
            for f in Field::ALL {
                for l in Level::ALL {
                    u_counts[f.index()][l.index()] += counts[f.index()][l.index()] as f64;
                }
            }
        }
    }
    let mut u = [[0f64; Level::COUNT]; Field::COUNT];
    for f in Field::ALL {
        let row = &u_counts[f.index()];
        let present: f64 = row.iter().skip(1).sum();
        let d = default_u(f);
        for l in Level::ALL.into_iter().skip(1) {
            if !possible(f, l) {
                continue;
            }
            // Half a count for never-seen levels keeps weights finite and
            // shrinks with more data; the prior decides when pairs are few.
            u[f.index()][l.index()] = (row[l.index()].max(0.5) + U_PRIOR_WEIGHT * d[l.index()])
                / (present + 1.0 + U_PRIOR_WEIGHT);
        }
    }
    // m from identifier-joined pairs, excluding the field that joined them.
    // Integer counts, summed in parallel: the same whatever the thread count.
    let zero = || [[0u64; Level::COUNT]; Field::COUNT];
    let m_int = training
        .par_iter()
        .fold(zero, |mut counts, &(a, b, via)| {
            let cmp = compare(&records[a as usize], &records[b as usize]);
            for f in Field::ALL {
                if !via.contains(f) {
                    counts[f.index()][cmp.level(f).index()] += 1;
                }
            }
            counts
        })
        .reduce(zero, |mut x, y| {
            for (rx, ry) in x.iter_mut().zip(y) {
                for (cx, cy) in rx.iter_mut().zip(ry) {
                    *cx += cy;
                }
            }
            x
        });
    let mut m_counts = [[0f64; Level::COUNT]; Field::COUNT];
    for (row, ints) in m_counts.iter_mut().zip(m_int) {
        for (c, n) in row.iter_mut().zip(ints) {
            *c = n as f64;
        }
    }
    let mut m = [[0f64; Level::COUNT]; Field::COUNT];
    for f in Field::ALL {
        let row = &m_counts[f.index()];
        let present: f64 = row.iter().skip(1).sum();
        let d = default_m(f);
        for l in Level::ALL.into_iter().skip(1) {
            if !possible(f, l) {
                continue;
            }
            m[f.index()][l.index()] =
                (row[l.index()] + M_PRIOR_WEIGHT * d[l.index()]) / (present + M_PRIOR_WEIGHT);
        }
    }
    // Term frequencies, one count per provisional customer; the six tables are
    // independent and built in parallel.
    // The full-name table is built beside them, not after.
    let (mut tables, (mut tf_full, full_total)): (Vec<(FxMap<u64, f64>, f64)>, _) = rayon::join(
        || {
            TF_FIELDS
                .into_par_iter()
                .map(|f| per_customer_counts(records, group, |r| tf_key(f, r)))
                .collect()
        },
        || per_customer_counts(records, group, full_name_key),
    );
    // A value's frequency, blended with the field's exact-agreement u: a
    // value held by both records of a two-record input is not "held by
    // everyone".
    let exact = Level::Exact.index();
    let share = |holders: f64, total: f64, prior: f64| {
        (holders + TF_PRIOR_WEIGHT * prior) / (total + TF_PRIOR_WEIGHT)
    };
    let mut tf: [FxMap<u64, f64>; Field::COUNT] = std::array::from_fn(|_| util::map());
    let mut tf_floor = [1.0; Field::COUNT];
    for (f, (mut counts, total)) in TF_FIELDS.into_iter().zip(tables.drain(..)) {
        let prior = u[f.index()][exact];
        for v in counts.values_mut() {
            *v = share(*v, total, prior);
        }
        tf[f.index()] = counts;
        tf_floor[f.index()] = share(1.0, total, prior);
    }
    // Two records that share a full name make it appear twice even when they
    // are one person, so its frequency among *other* people leaves one holder out.
    let full_prior = u[Field::Given.index()][exact] * u[Field::Family.index()][exact];
    for v in tf_full.values_mut() {
        *v = share((*v - 1.0).max(0.0), full_total, full_prior);
    }
    // Prior odds from the provisional customers.
    let linked = pairs_within((0..n).map(|i| group.get(i).copied().unwrap_or(i as u32)));
    let all = (n as f64) * (n as f64 - 1.0) / 2.0;
    // At most one random pair in twenty is taken for a match: a handful of
    // records gives no measure of it (two records, one pair, odds of one to
    // one), and a name alone must not join them.
    let lambda = known_share(linked, all);
    let prior_bits = (lambda / (1.0 - lambda)).log2();
    Weights::new(m, u, tf, tf_floor, tf_full, prior_bits)
}

/// The prior from `linked` matching pairs of `all` (one of each added, so
/// that no count gives 0 or 1), within the bounds a prior is kept in; with
/// no pairs at all, the highest.
fn known_share(linked: f64, all: f64) -> f64 {
    if all > 0.0 {
        ((linked + 1.0) / (all + 1.0)).clamp(MIN_PRIOR, MAX_PRIOR)
    } else {
        MAX_PRIOR
    }
}

/// How many pairs of records share a label, given each record's label.
pub(crate) fn pairs_within(labels: impl Iterator<Item = u32>) -> f64 {
    let mut sizes: FxMap<u32, u64> = util::map();
    for label in labels {
        *sizes.entry(label).or_insert(0) += 1;
    }
    sizes
        .values()
        .map(|&s| (s * s.saturating_sub(1) / 2) as f64)
        .sum()
}

/// The probability that two records taken at random are one person, by
/// expectation maximisation with m and u held fixed, over a sample of pairs:
/// `all` pairs, of which `linked` are known to match (one provisional
/// customer), the compared ones with `evidence` (each pair's field bits,
/// prior left out); the rest are taken as two people. Each round sets the
/// prior to the expected share of matches under the last one.
///
/// Counting only the pairs that share an identifier, as the provisional
/// customers do, misses the people whose records meet on names, birth dates
/// and addresses alone: on data without identifiers the prior came out as a
/// single pair in the whole input (1 in 12 million for 5,000 records) and
/// no evidence short of an identifier could outweigh it.
pub(crate) fn em_prior(linked: f64, all: f64, evidence: &[f64]) -> f64 {
    if all <= 0.0 {
        return MAX_PRIOR;
    }
    let mut lambda = known_share(linked, all);
    for _ in 0..PRIOR_EM_ROUNDS {
        let odds = lambda / (1.0 - lambda);
        // In input order, one thread: the sum is the same on every machine.
        let expected: f64 = evidence
            .iter()
            .map(|&bits| {
                let o = odds * bits.exp2();
                if o.is_finite() {
                    o / (1.0 + o)
                } else {
                    1.0
                }
            })
            .sum();
        let next = known_share(linked + expected, all);
        if (next - lambda).abs() <= lambda * 1e-9 {
            lambda = next;
            break;
        }
        lambda = next;
    }
    lambda
}

/// Little-endian writer and reader for the stored form of the estimates.
pub(crate) mod codec {
    pub(crate) fn put_u64(out: &mut Vec<u8>, x: u64) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    pub(crate) fn put_f64(out: &mut Vec<u8>, x: f64) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
        put_u64(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }

    /// Reads what the `put_*` functions wrote; every read checks the length left.
    pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

    impl<'a> Reader<'a> {
        fn take(&mut self, n: usize) -> Option<&'a [u8]> {
            if self.0.len() < n {
                return None;
            }
            let (head, rest) = self.0.split_at(n);
            self.0 = rest;
            Some(head)
        }
        pub(crate) fn u64(&mut self) -> Option<u64> {
            self.take(8)?.try_into().ok().map(u64::from_le_bytes)
        }
        pub(crate) fn f64(&mut self) -> Option<f64> {
            self.take(8)?.try_into().ok().map(f64::from_le_bytes)
        }
        pub(crate) fn str(&mut self) -> Option<&'a str> {
            let n = usize::try_from(self.u64()?).ok()?;
            std::str::from_utf8(self.take(n)?).ok()
        }
        /// A count of items each at least `item` bytes long, checked against what is left.
        pub(crate) fn count(&mut self, item: usize) -> Option<usize> {
            let n = usize::try_from(self.u64()?).ok()?;
            (n.checked_mul(item)? <= self.0.len()).then_some(n)
        }
        pub(crate) fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }
}

impl Weights {
    /// The stored form (see [`Weights::decode`]).
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        use codec::{put_f64, put_u64};
        for table in [&self.m, &self.u] {
            for row in table {
                for &x in row {
                    put_f64(out, x);
                }
            }
        }
        let put_map = |map: &FxMap<u64, f64>, out: &mut Vec<u8>| {
            // Sorted, so equal estimates give equal bytes.
            let mut entries: Vec<(&u64, &f64)> = map.iter().collect();
            entries.sort_unstable_by_key(|e| *e.0);
            put_u64(out, entries.len() as u64);
            for (k, v) in entries {
                put_u64(out, *k);
                put_f64(out, *v);
            }
        };
        for map in &self.tf {
            put_map(map, out);
        }
        put_map(&self.tf_full, out);
        for &x in &self.tf_floor {
            put_f64(out, x);
        }
        put_f64(out, self.prior_bits);
    }

    /// Reads what [`Weights::encode`] wrote; `None` when it is not that.
    pub(crate) fn decode(r: &mut codec::Reader<'_>) -> Option<Weights> {
        let mut m = [[0f64; Level::COUNT]; Field::COUNT];
        let mut u = [[0f64; Level::COUNT]; Field::COUNT];
        for table in [&mut m, &mut u] {
            for row in table.iter_mut() {
                for x in row.iter_mut() {
                    *x = r.f64()?;
                }
            }
        }
        let map = |r: &mut codec::Reader<'_>| -> Option<FxMap<u64, f64>> {
            let n = r.count(16)?;
            let mut map = util::map();
            map.reserve(n);
            for _ in 0..n {
                map.insert(r.u64()?, r.f64()?);
            }
            Some(map)
        };
        let mut tf: [FxMap<u64, f64>; Field::COUNT] = std::array::from_fn(|_| util::map());
        for t in tf.iter_mut() {
            *t = map(r)?;
        }
        let tf_full = map(r)?;
        let mut tf_floor = [0f64; Field::COUNT];
        for x in tf_floor.iter_mut() {
            *x = r.f64()?;
        }
        let prior_bits = r.f64()?;
        Some(Weights::new(m, u, tf, tf_floor, tf_full, prior_bits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn em_prior_counts_the_pairs_the_evidence_calls_matches() {
        let all = 1_000_000.0;
        // Nothing compared: the known matches alone.
        assert!((em_prior(99.0, all, &[]) - 100.0 / (all + 1.0)).abs() < 1e-12);
        // 400 pairs whose evidence is overwhelming, 10,000 whose evidence is
        // against: about 500 matches in all.
        let mut evidence = vec![40.0; 400];
        evidence.extend(std::iter::repeat_n(-10.0, 10_000));
        let lambda = em_prior(99.0, all, &evidence);
        assert!((lambda * all - 500.0).abs() < 5.0, "{}", lambda * all);
        // Evidence that only just outweighs odds of 1 in 10,000 (+14 bits
        // where a match should need +13.3) does not pull itself up to certainty.
        let lambda = em_prior(99.0, all, &[14.0; 100]);
        assert!(lambda * all < 200.0, "{}", lambda * all);
        // Bounded whatever the input.
        assert_eq!(em_prior(0.0, 1.0, &[1e9]), MAX_PRIOR);
        assert_eq!(em_prior(0.0, 0.0, &[]), MAX_PRIOR);
        assert!(em_prior(0.0, 1e30, &[-1e9]) >= MIN_PRIOR);
    }
}
