//! Guarded clustering: records join into customers only through links that pass
//! every guard, strongest evidence first.
//!
//! 1. **Exact identifiers.** Each identifier value shared by several records
//!    is a candidate link. Values are taken in order of how clearly they belong
//!    to one person (fewest different people among their records, then fewest
//!    records), so personal values build customers before shared ones are
//!    judged. A value whose records show `generic_min_people` clearly
//!    different people is *generic*: it links nothing and is reported. A value
//!    whose customers' evidence conflicts (a household tablet, a recycled phone)
//!    is *shared*: it links none of them.
//! 2. **Estimation.** With those provisional customers, m/u weights, term
//!    frequencies and the prior are estimated (see `compare::score`).
//! 3. **Scored links.** Candidate pairs from blocking are scored; pairs above
//!    the threshold are merged from the highest score down, each merge refused
//!    when the two customers' evidence conflicts.
//!
//! Every decision depends on record content and record ids only, never on
//! input order or thread count.

use rayon::prelude::*;

use crate::block;
use crate::compare::score::{self, Weights};
use crate::compare::{compare, Comparison, Field, FieldMask, Level};
use crate::graph::guard::{
    people_and_representatives, people_lower_bound, strictly_compatible, Conflicts, Guard,
    IdHashes, Profile,
};
use crate::graph::union_find::UnionFind;
use crate::normalize::{BirthDate, FieldKind};
use crate::prepare::{Prepared, Records, Subset};
use crate::util;
use crate::Config;

/// What joined (or tried to join) two records.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Via {
    /// Both records hold this identifier value.
    Identifier(FieldKind, Box<str>),
    /// The pair's evidence scored this many bits (posterior log2 odds).
    Scored(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Link {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) via: Via,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Refusal {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) via: Via,
    pub(crate) guard: Guard,
}

/// An identifier value that links records of many different people and so links nothing.
///
/// ```
/// use idgraph::{Config, IdentityGraph, Record};
///
/// let graph = IdentityGraph::new(Config::new())?;
/// let people = [("Ann Lee", "1980-01-01"), ("Bob Cruz", "1971-05-02"), ("Eve Park", "1990-09-09")];
/// let records = people.iter().enumerate().map(|(i, (name, dob))| {
///     Record::new(format!("r{i}")).unwrap().phone("+1 212 555 0199").name(*name).birth_date(*dob)
/// });
/// graph.upsert_batch(records)?;
/// assert_eq!(graph.generic_values().len(), 1);
/// assert_eq!(graph.generic_values()[0].people(), 3);
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenericValue {
    kind: FieldKind,
    value: String,
    pub(crate) records: usize,
    people: usize,
}

impl GenericValue {
    /// The identifier kind.
    pub fn kind(&self) -> FieldKind {
        self.kind
    }
    /// The canonical value. It is caller data: mask it before logging.
    pub fn value(&self) -> &str {
        &self.value
    }
    /// How many records hold it.
    pub fn records(&self) -> usize {
        self.records
    }
    /// How many clearly different people (by name or birth date) hold it, at least.
    pub fn people(&self) -> usize {
        self.people
    }
}

#[derive(Debug, Default)]
pub(crate) struct Resolution {
    pub(crate) labels: Vec<u32>,
    pub(crate) links: Vec<Link>,
    pub(crate) refusals: Vec<Refusal>,
    /// Generic values decided here (not those the scope forced).
    pub(crate) generic: Vec<GenericValue>,
    /// The generic values decided by their own records alone (how many people
    /// their first distinct signatures show), with those records: the
    /// real-time graph keeps them generic without re-reading every holder.
    pub(crate) stable_generic: Vec<StableGeneric>,
    /// Pairs whose evidence, before generic values are discounted, reaches the
    /// threshold: whatever a later change does to one record may change the
    /// other's customer, so the real-time graph re-resolves them together.
    pub(crate) strong: Vec<(u32, u32)>,
    pub(crate) candidate_pairs: usize,
    pub(crate) oversized_keys: usize,
}

/// A generic value decided by its holders' signatures alone.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct StableGeneric {
    pub(crate) kind: FieldKind,
    pub(crate) value: Box<str>,
    /// The first record of each distinct signature, in record order (at most
    /// `MAX_SIGNATURES`).
    pub(crate) representatives: Vec<u32>,
}

/// What a resolve of part of the graph must know about the rest.
#[derive(Default)]
pub(crate) struct Scope<'a> {
    /// Values held by records outside the part and known generic there.
    pub(crate) forced_generic: util::FxSet<(FieldKind, Box<str>)>,
    /// The number of records holding a blocking key in the whole graph.
    pub(crate) sizes: Option<crate::block::GroupSize<'a>>,
}

impl Scope<'_> {
    /// Whether the scope forces this value generic.
    fn forces(&self, kind: FieldKind, value: &str) -> bool {
        // A batch forces nothing: skip building a boxed key for every value.
        !self.forced_generic.is_empty() && self.forced_generic.contains(&(kind, Box::from(value)))
    }
}

/// Training pairs taken per identifier value for m estimation.
const TRAINING_PAIRS_PER_VALUE: usize = 16;
/// Values with at most this many records always join the provisional customers
/// used for estimation, even when their names disagree (that disagreement is
/// what m must learn); larger ones only when their records look like one person.
const PROVISIONAL_SMALL_VALUE: usize = 4;

fn field_of(kind: FieldKind) -> Field {
    match kind {
        FieldKind::Email => Field::Email,
        FieldKind::Phone => Field::Phone,
        FieldKind::LoyaltyId => Field::Loyalty,
        _ => Field::Device,
    }
}

struct State<'a, R: Records + ?Sized> {
    records: &'a R,
    config: &'a Config,
    weights: &'a Weights,
    threshold: f64,
    uf: UnionFind,
    /// Profiles of customers with two records or more, by root; a single
    /// record's profile is built when needed (most customers are one record,
    /// and a profile per record would cost more memory than the records).
    profiles: util::FxMap<u32, Profile>,
    id_hashes: IdHashes,
    links: Vec<Link>,
    refusals: Vec<Refusal>,
    /// Identifier values found generic: agreeing on them is no evidence at all.
    generic: util::FxSet<(FieldKind, &'a str)>,
    /// The same for each value of the identifier index, by position: stage 1
    /// asks about every value, and a flag is cheaper than hashing its text.
    generic_value: Vec<bool>,
}

/// A pair's comparison with generic values removed, and whether what remains is
/// person-level evidence. (A value merely *shared* by two conflicting customers
/// still counts: in FEBRL-like data it is one person's number beside corrupted
/// names, and dropping it loses more true links than it saves false ones.)
fn judged(
    a: &Prepared,
    b: &Prepared,
    generic: &util::FxSet<(FieldKind, &str)>,
) -> (Comparison, bool) {
    let mut cmp = compare(a, b);
    demote_unlinked(&mut cmp, a, b, generic);
    let person = cmp.has_person_evidence();
    (cmp, person)
}

/// Identifier agreement that rests only on generic values counts for nothing:
/// stage 1 already found those values link many different people.
pub(crate) fn demote_unlinked(
    cmp: &mut Comparison,
    a: &Prepared,
    b: &Prepared,
    unlinked: &util::FxSet<(FieldKind, &str)>,
) {
    if unlinked.is_empty() {
        return;
    }
    for kind in [
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::LoyaltyId,
        FieldKind::DeviceId,
    ] {
        let field = field_of(kind);
        if cmp.level(field) != Level::Exact {
            continue;
        }
        let vb: Vec<&str> = b
            .identifiers()
            .filter(|(k, _)| *k == kind)
            .map(|(_, v)| v)
            .collect();
        let personal = a
            .identifiers()
            .filter(|(k, v)| *k == kind && vb.contains(v))
            .any(|(_, v)| !unlinked.contains(&(kind, v)));
        if !personal {
            cmp.levels[field.index()] = Level::Missing;
        }
    }
}

impl<'a, R: Records + ?Sized> State<'a, R> {
    /// The profile of the customer rooted at `root`.
    fn profile(&self, root: u32) -> std::borrow::Cow<'_, Profile> {
        match self.profiles.get(&root) {
            Some(p) => std::borrow::Cow::Borrowed(p),
            None => std::borrow::Cow::Owned(Profile::of(
                root,
                &self.records[root as usize],
                &self.id_hashes,
            )),
        }
    }

    fn take_profile(&mut self, root: u32) -> Profile {
        self.profiles
            .remove(&root)
            .unwrap_or_else(|| Profile::of(root, &self.records[root as usize], &self.id_hashes))
    }

    fn merge(&mut self, a: u32, b: u32, via: Via) {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if let Some((keep, gone)) = self.uf.union(ra, rb) {
            let mut kept = self.take_profile(keep);
            kept.absorb(&self.take_profile(gone), self.records);
            self.profiles.insert(keep, kept);
            self.links.push(Link { a, b, via });
        }
    }

    /// The pair's score and person-level evidence from what two people cannot
    /// share: a household shares its tablet, its email and its landline, not its
    /// names, birth dates or loyalty cards.
    fn unshareable_score(&self, a: u32, b: u32) -> (f64, Comparison, bool) {
        unshareable_score(self.records, self.weights, &self.generic, a, b)
    }

    /// Whether joining customer `pa` (holding record `a`) with `pb` (holding `b`)
    /// is refused. Conflicting evidence refuses it unless the pair's unshareable
    /// evidence, with every conflict counted against it, still clears the
    /// threshold: a given name typed wrong beside the same birth date, address and
    /// member number is a typo; a different given name behind a shared tablet or a
    /// family email is another person.
    fn refusal(&self, pa: &Profile, pb: &Profile, a: u32, b: u32) -> Option<Guard> {
        self.refusal_over(pa, pb, std::iter::once((a, b)))
    }

    /// [`State::refusal`] for a customer joining others through an
    /// identifier value they share: `joined` is what the others make
    /// together, starting from the customer that holds record `a`, whose
    /// named records are the first `first_named` of `joined`'s (absorbing
    /// only appends). The records holding the value (an email-only record,
    /// say) may carry no evidence of the person at all, so those named
    /// records and the joining customer `pb`'s are tried too, and the best
    /// evidence between them decides: a second loyalty card is then no
    /// second person when the same name and birth date stand behind both
    /// cards. (Records that joined through this same value are not tried:
    /// they may be the joining customer's own.)
    fn refusal_between(
        &self,
        joined: &Profile,
        first_named: usize,
        pb: &Profile,
        a: u32,
        b: u32,
    ) -> Option<Guard> {
        fn with_named(r: u32, named: impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
            std::iter::once(r).chain(named.filter(move |&x| x != r))
        }
        let pairs = with_named(a, joined.named_records().take(first_named))
            .flat_map(|x| with_named(b, pb.named_records()).map(move |y| (x, y)));
        self.refusal_over(joined, pb, pairs)
    }

    /// Whether joining `pa` and `pb` is refused, judged on the first of
    /// `pairs` (a record of each) whose unshareable evidence clears the
    /// threshold with every conflict counted against it; the guard when none does.
    fn refusal_over(
        &self,
        pa: &Profile,
        pb: &Profile,
        pairs: impl Iterator<Item = (u32, u32)>,
    ) -> Option<Guard> {
        let c = pa.conflicts(pb, self.records, self.config);
        if !c.any() {
            return None;
        }
        if c.limit.is_some() {
            return c.guard();
        }
        if pairs.into_iter().any(|(a, b)| self.overrides(&c, a, b)) {
            None
        } else {
            c.guard()
        }
    }

    /// Whether the unshareable evidence of records `a` and `b`, with the
    /// conflicts `c` counted against it, still clears the threshold.
    fn overrides(&self, c: &Conflicts, a: u32, b: u32) -> bool {
        let (mut bits, cmp, person) = self.unshareable_score(a, b);
        let mut penalize = |conflict: bool, field: Field| {
            if conflict && cmp.level(field) != Level::Differ {
                bits += self.weights.differ_bits(field);
            }
        };
        penalize(c.dob, Field::BirthDate);
        penalize(c.given, Field::Given);
        penalize(c.family, Field::Family);
        penalize(c.loyalty, Field::Loyalty);
        bits >= self.threshold && person
    }
}

/// The pair's score and person-level evidence from what two people cannot share.
fn unshareable_score<R: Records + ?Sized>(
    records: &R,
    weights: &Weights,
    generic: &util::FxSet<(FieldKind, &str)>,
    a: u32,
    b: u32,
) -> (f64, Comparison, bool) {
    let (ra, rb) = (&records[a as usize], &records[b as usize]);
    let (mut cmp, _) = judged(ra, rb, generic);
    for f in [Field::Email, Field::Phone, Field::Device] {
        cmp.levels[f.index()] = Level::Missing;
    }
    (weights.score(ra, rb, &cmp), cmp, cmp.has_person_evidence())
}

/// Whether two records can be one person: their names and birth dates agree,
/// or their unshareable evidence (no value discounted as generic) overrides the
/// disagreement. Depends on the two records and the weights only.
pub(crate) fn records_compatible<R: Records + ?Sized>(
    records: &R,
    weights: &Weights,
    threshold: f64,
    a: u32,
    b: u32,
) -> bool {
    let (ra, rb) = (&records[a as usize], &records[b as usize]);
    if strictly_compatible(ra, rb) {
        return true;
    }
    let (bits, _, person) = unshareable_score(records, weights, &util::set(), a, b);
    bits >= threshold && person
}

type ValueIndex<'a> = Vec<((FieldKind, &'a str), Vec<u32>)>;

/// Every identifier value held by two records or more, with its records in
/// index order; the values in value order.
fn identifier_index<R: Records + ?Sized>(records: &R) -> ValueIndex<'_> {
    identifier_index_by(records, |h| h)
}

/// [`identifier_index`] with each value's hash passed through `spread`: the
/// identity, or in tests a function that makes most values collide.
fn identifier_index_by<R: Records + ?Sized>(
    records: &R,
    spread: impl Fn(u64) -> u64 + Sync,
) -> ValueIndex<'_> {
    // Entries are grouped by a hash of their value first: a parallel sort of
    // integers is several times cheaper than one comparing text, and most
    // values are held by one record, so their text never needs comparing.
    // Each group's text is then checked (a collision splits its group), and
    // the groups put in value order: exactly what a sort by value gave.
    let hasher = util::fixed_state();
    let mut all: Vec<(u64, u32, FieldKind, &str)> = (0..records.len())
        .into_par_iter()
        .map(|i| (i, &records[i]))
        .flat_map_iter(|(i, r)| {
            let (hasher, spread) = (&hasher, &spread);
            r.identifiers()
                .map(move |(kind, v)| (spread(hasher.hash_one((kind, v))), i as u32, kind, v))
        })
        .collect();
    all.par_sort_unstable_by_key(|e| (e.0, e.1));
    fn push<'a>(values: &mut ValueIndex<'a>, group: &[(u64, u32, FieldKind, &'a str)]) {
        let (_, _, kind, v) = group[0];
        let mut members: Vec<u32> = group.iter().map(|e| e.1).collect();
        members.dedup();
        if members.len() >= 2 {
            values.push(((kind, v), members));
        }
    }
    let mut values: ValueIndex<'_> = Vec::new();
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        let (_, _, kind, v) = run[0];
        if run.iter().all(|e| e.2 == kind && e.3 == v) {
            push(&mut values, run);
        } else {
            let mut split = run.to_vec();
            split.sort_unstable_by(|a, b| (a.2, a.3, a.1).cmp(&(b.2, b.3, b.1)));
            for group in split.chunk_by(|a, b| a.2 == b.2 && a.3 == b.3) {
                push(&mut values, group);
            }
        }
    }
    drop(all);
    values.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    values
}

/// Provisional customers and m-training pairs for estimation, from identifier values
/// that plainly belong to one person, and from records with the same full name
/// and birth date (which teach m for the identifiers themselves).
fn provisional(
    records: &[Prepared],
    values: &ValueIndex<'_>,
    strict_people: &[usize],
) -> (Vec<u32>, Vec<(u32, u32, FieldMask)>) {
    let mut uf = UnionFind::new(records.len());
    let mut training = Vec::new();
    for (((kind, _), members), &people) in values.iter().zip(strict_people) {
        if people > 1 && members.len() > PROVISIONAL_SMALL_VALUE {
            continue;
        }
        for w in members.windows(2) {
            uf.union(w[0], w[1]);
        }
        let via = FieldMask::of(&[field_of(*kind)]);
        training.extend(
            members
                .windows(2)
                .take(TRAINING_PAIRS_PER_VALUE)
                .map(|w| (w[0], w[1], via)),
        );
    }
    let mut groups = same_name_and_dob(records);
    groups.sort_unstable();
    let via = FieldMask::of(&[Field::Given, Field::Family, Field::BirthDate]);
    for g in groups {
        // Many records on one name and date are a common name, not one person.
        if g.len() <= PROVISIONAL_SMALL_VALUE * 2 {
            training.extend(g.windows(2).map(|w| (w[0], w[1], via)));
        }
    }
    (uf.labels(), training)
}

/// The groups of two records or more with the same full name key and birth
/// date, each in record order (in no particular order themselves).
fn same_name_and_dob(records: &[Prepared]) -> Vec<Vec<u32>> {
    same_name_and_dob_by(records, |h| h)
}

/// [`same_name_and_dob`] with each key's hash passed through `spread` (see
/// [`identifier_index_by`]).
fn same_name_and_dob_by(records: &[Prepared], spread: impl Fn(u64) -> u64 + Sync) -> Vec<Vec<u32>> {
    // As with the identifier index, a parallel sort of hashes groups them
    // (the key used to be formatted and looked up record by record, serially).
    // The hash is taken over the key's bytes as `full_key` lays them out, so
    // that keys equal as text hash alike however given and family names split.
    let key_of = |i: usize| {
        let r = &records[i];
        Some((r.name.as_ref()?.full_parts()?, r.dob?))
    };
    let mut keyed: Vec<(u64, u32)> = (0..records.len())
        .into_par_iter()
        .filter_map(|i| {
            let ((given, family), dob) = key_of(i)?;
            let mut h = Fnv1a::default();
            h.bytes(given.as_bytes());
            h.bytes(b" ");
            h.bytes(family.as_bytes());
            h.bytes(&dob.year().to_le_bytes());
            h.bytes(&[dob.month(), dob.day()]);
            Some((spread(h.0), i as u32))
        })
        .collect();
    keyed.par_sort_unstable();
    let same_text = |a: u32, b: u32| match (key_of(a as usize), key_of(b as usize)) {
        (Some(((ga, fa), da)), Some(((gb, fb), db))) => {
            da == db
                && ga.len() + fa.len() == gb.len() + fb.len()
                && ga
                    .bytes()
                    .chain(*b" ")
                    .chain(fa.bytes())
                    .eq(gb.bytes().chain(*b" ").chain(fb.bytes()))
        }
        _ => false,
    };
    let mut groups = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        if run.iter().all(|e| same_text(run[0].1, e.1)) {
            groups.push(run.iter().map(|e| e.1).collect());
            continue;
        }
        // A hash collision: split the run by the key itself.
        let mut split: Vec<((String, BirthDate), u32)> = run
            .iter()
            .filter_map(|&(_, i)| {
                let ((g, f), d) = key_of(i as usize)?;
                Some(((format!("{g} {f}"), d), i))
            })
            .collect();
        split.sort_unstable();
        for g in split.chunk_by(|a, b| a.0 == b.0) {
            if g.len() >= 2 {
                groups.push(g.iter().map(|e| e.1).collect());
            }
        }
    }
    groups
}

/// FNV-1a over a byte stream: unlike a general hasher, feeding the bytes in
/// pieces gives the hash of the whole, whatever the pieces.
#[derive(Debug)]
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The threshold in bits a pair's score must reach.
pub(crate) fn threshold_bits(config: &Config) -> f64 {
    config
        .match_threshold
        .unwrap_or_else(|| (config.match_probability / (1.0 - config.match_probability)).log2())
}

/// Estimates the weights from `records` and resolves them: the batch resolver.
pub(crate) fn resolve(records: &[Prepared], config: &Config) -> (Weights, Resolution) {
    resolve_batch(records, config, Candidates::Blocked)
}

/// Resolves `records`, part of a larger graph, with weights estimated before.
pub(crate) fn resolve_part<R: Records + ?Sized>(
    records: &R,
    config: &Config,
    weights: &Weights,
    scope: &Scope<'_>,
) -> Resolution {
    let values = identifier_index(records);
    let strict = strict_people(records, &values, config);
    cluster(
        records,
        config,
        weights,
        scope,
        &values,
        &strict,
        Candidates::Blocked,
        shards_for(records.len()),
    )
}

/// Which pairs stage 3 scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidates {
    /// Pairs that share a blocking key: the real resolver.
    Blocked,
    /// Every pair: the naive oracle the blocked resolver is tested against.
    #[cfg(test)]
    AllPairs,
}

/// How many clearly different people each value's records show by names and
/// birth dates alone (at most `generic_min_people`).
fn strict_people<R: Records + ?Sized>(
    records: &R,
    values: &ValueIndex<'_>,
    config: &Config,
) -> Vec<usize> {
    let min_people = config.generic_min_people;
    values
        .par_iter()
        .map(|(_, members)| {
            people_lower_bound(members, records, min_people, |a, b| {
                strictly_compatible(&records[a as usize], &records[b as usize])
            })
        })
        .collect()
}

fn resolve_batch(
    records: &[Prepared],
    config: &Config,
    which: Candidates,
) -> (Weights, Resolution) {
    let mut timer = util::PhaseTimer::new();
    let values = identifier_index(records);
    timer.lap("identifier index");
    let strict = strict_people(records, &values, config);
    let (labels, training) = provisional(records, &values, &strict);
    timer.lap("provisional customers");
    let mut weights = score::estimate(records, &labels, &training);
    timer.lap("estimate m and u");
    refine_prior(&mut weights, records, &labels, config);
    drop(labels);
    timer.lap("estimate the prior");
    let resolution = cluster(
        records,
        config,
        &weights,
        &Scope::default(),
        &values,
        &strict,
        which,
        shards_for(records.len()),
    );
    (weights, resolution)
}

/// Records the prior is refined on, at most (see [`refine_prior`]).
const PRIOR_SAMPLE: usize = 50_000;

/// Sets the prior by [`score::em_prior`] over the pairs among a sample of the
/// records (all of them, up to [`PRIOR_SAMPLE`]): the pairs among records
/// drawn at random are pairs drawn at random. Records are drawn by a hash of
/// their id that is the same on every platform, so the sample does not
/// depend on input order or platform, and blocked as
/// the resolve blocks them, so that the pairs weighed here are the kind it
/// compares.
fn refine_prior(weights: &mut Weights, records: &[Prepared], labels: &[u32], config: &Config) {
    let n = records.len();
    let every = n.div_ceil(PRIOR_SAMPLE).max(1) as u64;
    let sample: Vec<u32> = (0..n as u32)
        .into_par_iter()
        .filter(|&i| {
            every == 1 || util::stable_hash(records[i as usize].id.as_bytes()).is_multiple_of(every)
        })
        .collect();
    let label = |i: u32| {
        let slot = sample[i as usize];
        labels.get(slot as usize).copied().unwrap_or(slot)
    };
    let linked = score::pairs_within((0..sample.len() as u32).map(label));
    let m = sample.len() as f64;
    let all = m * (m - 1.0) / 2.0;
    let subset = Subset {
        all: records,
        slots: &sample,
    };
    let pairs = block::candidates(
        &subset,
        config.block_cap,
        config.fuzzy_identifiers,
        None,
        label,
    )
    .pairs;
    let prior = weights.prior_bits();
    let evidence: Vec<f64> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (ra, rb) = (&subset[a as usize], &subset[b as usize]);
            let cmp = compare(ra, rb);
            cmp.has_person_evidence()
                .then(|| weights.score(ra, rb, &cmp) - prior)
        })
        .collect();
    weights.set_prior(score::em_prior(linked, all, &evidence));
}

#[allow(clippy::too_many_arguments)]
fn cluster<R: Records + ?Sized>(
    records: &R,
    config: &Config,
    weights: &Weights,
    scope: &Scope<'_>,
    values: &ValueIndex<'_>,
    strict: &[usize],
    which: Candidates,
    shards: usize,
) -> Resolution {
    let mut timer = util::PhaseTimer::new();
    let n = records.len();
    let threshold = threshold_bits(config);
    let mut st = State {
        records,
        config,
        weights,
        threshold,
        uf: UnionFind::new(n),
        profiles: util::map(),
        // Stage 1 in pieces hashes each piece's values itself: the whole
        // input's hashes are made after it, in the memory the pieces freed.
        id_hashes: if shards > 1 {
            IdHashes::default()
        } else {
            IdHashes::of(records)
        },
        links: Vec::new(),
        refusals: Vec::new(),
        generic: util::set(),
        generic_value: vec![false; values.len()],
    };
    let (mut generic, stable_generic) = stable_generic_values(&mut st, scope, values, strict);
    generic.extend(identifier_links(&mut st, values, strict, shards));
    if shards > 1 {
        st.id_hashes = IdHashes::of(records);
    }
    generic.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.value.cmp(&b.value)));
    timer.lap("identifier links");
    let stage1 = st.uf.labels();
    let cands = match which {
        Candidates::Blocked => block::candidates(
            records,
            config.block_cap,
            config.fuzzy_identifiers,
            scope.sizes,
            |i| stage1[i as usize],
        ),
        #[cfg(test)]
        Candidates::AllPairs => block::Candidates {
            pairs: (0..n as u32)
                .flat_map(|a| (a + 1..n as u32).map(move |b| (a, b)))
                .filter(|&(a, b)| stage1[a as usize] != stage1[b as usize])
                .collect(),
            oversized_keys: 0,
        },
    };
    timer.lap("blocking");
    let generic_set = &st.generic;
    // Every pair whose evidence reaches the threshold before generic values are
    // discounted, with its score after (NaN when no person-level evidence is left).
    let mut strong: Vec<(f64, u32, u32)> = cands
        .pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (ra, rb) = (&records[a as usize], &records[b as usize]);
            let mut cmp = compare(ra, rb);
            if !cmp.has_person_evidence() {
                return None;
            }
            let raw = weights.score(ra, rb, &cmp);
            if raw < threshold {
                return None;
            }
            let before = cmp;
            demote_unlinked(&mut cmp, ra, rb, generic_set);
            let s = if cmp == before {
                raw
            } else if cmp.has_person_evidence() {
                weights.score(ra, rb, &cmp)
            } else {
                f64::NAN
            };
            Some((s, a, b))
        })
        .collect();
    let mut scored: Vec<(f64, u32, u32)> = strong
        .iter()
        .copied()
        .filter(|x| x.0 >= threshold)
        .collect();
    scored.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    timer.lap("scoring");
    for (s, a, b) in scored {
        let (ra, rb) = (st.uf.find(a), st.uf.find(b));
        if ra == rb {
            continue;
        }
        match st.refusal(&st.profile(ra), &st.profile(rb), a, b) {
            Some(guard) => st.refusals.push(Refusal {
                a,
                b,
                via: Via::Scored(s),
                guard,
            }),
            None => st.merge(a, b, Via::Scored(s)),
        }
    }
    timer.lap("scored links");
    relink_refused_values(&mut st, values, strict);
    let strong: Vec<(u32, u32)> = strong.drain(..).map(|(_, a, b)| (a, b)).collect();
    let links = std::mem::take(&mut st.links);
    let refusals = std::mem::take(&mut st.refusals);
    let labels = st.uf.labels();
    Resolution {
        labels,
        links,
        refusals,
        generic,
        stable_generic,
        strong,
        candidate_pairs: cands.pairs.len(),
        oversized_keys: cands.oversized_keys,
    }
}

/// Values generic by their own records: enough clearly different people among
/// the first distinct signatures. Decided before any link, from the records and
/// weights alone (not from what other values did), so that a part of the graph
/// decides them as the whole would. Values the scope forces are generic too.
fn stable_generic_values<'a, R: Records + ?Sized>(
    st: &mut State<'a, R>,
    scope: &Scope<'_>,
    values: &ValueIndex<'a>,
    strict: &[usize],
) -> (Vec<GenericValue>, Vec<StableGeneric>) {
    let min_people = st.config.generic_min_people;
    let (records, weights, threshold) = (st.records, st.weights, st.threshold);
    let found: Vec<Option<(usize, Vec<u32>)>> = values
        .par_iter()
        .zip(strict)
        .map(|(((kind, value), members), &strict)| {
            if strict <= 1 || scope.forces(*kind, value) {
                return None;
            }
            let (people, reps) =
                people_and_representatives(members, records, min_people, |a, b| {
                    records_compatible(records, weights, threshold, a, b)
                });
            (people >= min_people).then_some((people, reps))
        })
        .collect();
    let mut generic = Vec::new();
    let mut stable = Vec::new();
    for (vi, (((kind, value), members), found)) in values.iter().zip(found).enumerate() {
        if scope.forces(*kind, value) {
            st.generic.insert((*kind, *value));
            st.generic_value[vi] = true;
            continue;
        }
        let Some((people, reps)) = found else {
            continue;
        };
        st.generic.insert((*kind, *value));
        st.generic_value[vi] = true;
        generic.push(GenericValue {
            kind: *kind,
            value: value.to_string(),
            records: members.len(),
            people,
        });
        stable.push(StableGeneric {
            kind: *kind,
            value: (*value).into(),
            representatives: reps,
        });
    }
    (generic, stable)
}

/// How many pieces stage 1 of `n` records runs in.
fn shards_for(n: usize) -> usize {
    if n >= SHARDED_MIN {
        SHARDS
    } else {
        1
    }
}

/// Inputs of at least this many records run stage 1 in [`SHARDS`] pieces.
const SHARDED_MIN: usize = 1 << 16;
/// Pieces stage 1 of a large input is split into (a few per core, so that
/// one large piece does not leave a core idle for long).
const SHARDS: usize = 16;

/// Stage 1 in `shards` pieces on every core. Values link records only within
/// a component of the graph whose edges are the values not generic yet, so
/// each component is decided by its own values, in their order, whatever
/// happens elsewhere: the pieces (unions of whole components) are resolved
/// apart, and their links, refusals, profiles and sets put together give
/// exactly what one pass over all values gives. Returns the generic values.
fn identifier_links<'a, R: Records + ?Sized>(
    st: &mut State<'a, R>,
    values: &ValueIndex<'a>,
    strict_people: &[usize],
    shards: usize,
) -> Vec<GenericValue> {
    let n = st.records.len();
    if shards <= 1 {
        return identifier_links_in_order(st, values, strict_people);
    }
    let mut components = UnionFind::new(n);
    for (vi, (_, members)) in values.iter().enumerate() {
        if !st.generic_value[vi] {
            for w in members.windows(2) {
                components.union(w[0], w[1]);
            }
        }
    }
    let component = components.labels();
    drop(components);
    // A component's piece, from its root (its smallest record).
    let piece_of = |record: u32| {
        let root = u64::from(component[record as usize]);
        (root.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize % shards
    };
    let mut piece_values: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (vi, (_, members)) in values.iter().enumerate() {
        if !st.generic_value[vi] {
            piece_values[piece_of(members[0])].push(vi);
        }
    }
    let (records, generic_set) = (st.records, &st.generic);
    let (config, weights, threshold) = (st.config, st.weights, st.threshold);
    let pieces: Vec<Piece> = piece_values
        .into_par_iter()
        .map(|vis| {
            // The piece's records (those its values hold), in record order.
            let mut slots: Vec<u32> = vis
                .iter()
                .flat_map(|&vi| values[vi].1.iter().copied())
                .collect();
            slots.sort_unstable();
            slots.dedup();
            let local = |g: u32| slots.binary_search(&g).map_or(0, |i| i as u32);
            let part_values: ValueIndex<'a> = vis
                .iter()
                .map(|&vi| {
                    let (key, members) = &values[vi];
                    (*key, members.iter().map(|&m| local(m)).collect())
                })
                .collect();
            let part_strict: Vec<usize> = vis.iter().map(|&vi| strict_people[vi]).collect();
            let part = Subset {
                all: records,
                slots: &slots,
            };
            // Generic values held in the piece (the others cannot be shared
            // by two of its records).
            let mut generic = util::set();
            for i in 0..part.len() {
                for v in part[i].identifiers() {
                    if let Some(&g) = generic_set.get(&v) {
                        generic.insert(g);
                    }
                }
            }
            let mut sub = State {
                records: &part,
                config,
                weights,
                threshold,
                uf: UnionFind::new(slots.len()),
                profiles: util::map(),
                id_hashes: IdHashes::of(&part),
                links: Vec::new(),
                refusals: Vec::new(),
                generic,
                generic_value: vec![false; part_values.len()],
            };
            let found = identifier_links_in_order(&mut sub, &part_values, &part_strict);
            drop((part_values, part_strict));
            let global = |l: u32| slots[l as usize];
            let roots = sub.uf.labels();
            // Renumbered in place: a million records' links are not copied.
            let (mut links, mut refusals) = (sub.links, sub.refusals);
            for l in &mut links {
                (l.a, l.b) = (global(l.a), global(l.b));
            }
            for f in &mut refusals {
                (f.a, f.b) = (global(f.a), global(f.b));
            }
            Piece {
                found,
                links,
                refusals,
                profiles: sub
                    .profiles
                    .into_iter()
                    .map(|(root, p)| (global(root), p.renumbered(global)))
                    .collect(),
                generic_values: vis
                    .iter()
                    .zip(&sub.generic_value)
                    .filter(|(_, &g)| g)
                    .map(|(&vi, _)| vi)
                    .collect(),
                roots: slots
                    .iter()
                    .zip(roots)
                    .map(|(&g, r)| (g, global(r)))
                    .collect(),
            }
        })
        .collect();
    let mut labels: Vec<u32> = (0..n as u32).collect();
    let mut generic = Vec::new();
    for piece in pieces {
        generic.extend(piece.found);
        st.links.extend(piece.links);
        st.refusals.extend(piece.refusals);
        st.profiles.extend(piece.profiles);
        for vi in piece.generic_values {
            st.generic_value[vi] = true;
            st.generic.insert(values[vi].0);
        }
        for (g, root) in piece.roots {
            labels[g as usize] = root;
        }
    }
    st.uf = UnionFind::from_labels(labels);
    generic.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.value.cmp(&b.value)));
    generic
}

/// What one piece of stage 1 decided, in the whole input's record numbers.
struct Piece {
    found: Vec<GenericValue>,
    links: Vec<Link>,
    refusals: Vec<Refusal>,
    profiles: Vec<(u32, Profile)>,
    /// The values (by index) the piece found generic.
    generic_values: Vec<usize>,
    /// Each record of the piece with its root.
    roots: Vec<(u32, u32)>,
}

/// Stage 1: exact identifier links, most clearly personal values first:
/// those whose holders' names and birth dates show fewer people, device ids
/// after the other kinds, then those held by fewer records. Returns the
/// generic values.
///
/// Device ids come last because they are the identifier people share most
/// (a family tablet, a store's demo device) and the one least able to show
/// it: app records seldom carry a name. Linked first (a device is often held
/// by fewer records than its owner's email), a family tablet gathered one
/// person's nameless app records together with the other person's, before
/// the first person's own email and loyalty number had gathered theirs; the
/// merge those asked for then looked like joining two people and was
/// refused, and the loyalty number, its till records with it, stayed apart.
/// Linked last, the tablet meets two customers with names that differ, and
/// links nobody.
fn identifier_links_in_order<'a, R: Records + ?Sized>(
    st: &mut State<'a, R>,
    values: &ValueIndex<'a>,
    strict_people: &[usize],
) -> Vec<GenericValue> {
    let min_people = st.config.generic_min_people;
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_unstable_by(|&x, &y| stage1_order(values, strict_people, x, y));
    let mut generic = Vec::new();
    for vi in order {
        let ((kind, value), members) = &values[vi];
        let (kind, value) = (*kind, *value);
        if st.generic_value[vi] {
            continue;
        }
        let ValueLink::Refused { reps, at, guard } = link_value(st, kind, value, members) else {
            continue;
        };
        let groups = customer_groups(st, &reps, min_people);
        if groups >= min_people {
            generic.push(GenericValue {
                kind,
                value: value.to_string(),
                records: members.len(),
                people: groups,
            });
            st.generic.insert((kind, value));
            st.generic_value[vi] = true;
        }
        let guard = if matches!(guard, Guard::Limit(_)) {
            guard
        } else {
            Guard::SharedValue
        };
        st.refusals.push(Refusal {
            a: reps[0].1,
            b: at,
            via: Via::Identifier(kind, value.into()),
            guard,
        });
    }
    generic.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.value.cmp(&b.value)));
    generic
}

/// A second look at the values stage 1 refused as shared (not generic, and
/// not for a limit): a value refused because the customers holding it then
/// conflicted (one person's two loyalty cards, each with its till records)
/// may find those customers joined by the scored links since, on evidence the
/// guards accepted. Then it is no longer shared by anyone else, and its
/// records with nothing else to go by (a phone alone, typed at the till on
/// every visit) join that customer: without this, a frequent customer's
/// phone-only visits stayed a customer each, more of them the more the
/// customer came. A value whose customers still conflict stays refused, but
/// its holders that also share their full name are linked, as a value of
/// their own (see [`same_full_name`]). Values are taken in stage 1's order.
fn relink_refused_values<R: Records + ?Sized>(
    st: &mut State<'_, R>,
    values: &ValueIndex<'_>,
    strict_people: &[usize],
) {
    let mut refused: Vec<usize> = st
        .refusals
        .iter()
        .filter(|f| f.guard == Guard::SharedValue)
        .filter_map(|f| match &f.via {
            Via::Identifier(kind, value) => values
                .binary_search_by(|(key, _)| key.cmp(&(*kind, &**value)))
                .ok(),
            Via::Scored(_) => None,
        })
        .filter(|&vi| !st.generic_value[vi])
        .collect();
    if refused.is_empty() {
        return;
    }
    refused.sort_unstable_by(|&x, &y| stage1_order(values, strict_people, x, y));
    refused.dedup();
    let mut linked: util::FxSet<usize> = util::set();
    for vi in refused {
        let ((kind, value), members) = &values[vi];
        match link_value(st, *kind, value, members) {
            ValueLink::Linked => {
                linked.insert(vi);
            }
            ValueLink::Refused { .. } => {
                for group in same_full_name(st.records, members) {
                    link_value(st, *kind, value, &group);
                }
            }
            ValueLink::Nothing => {}
        }
    }
    if linked.is_empty() {
        return;
    }
    // Refusals of a value now linked no longer hold.
    st.refusals.retain(|f| match &f.via {
        Via::Identifier(kind, value) => values
            .binary_search_by(|(key, _)| key.cmp(&(*kind, &**value)))
            .map_or(true, |vi| !linked.contains(&vi)),
        Via::Scored(_) => true,
    });
}

/// The holders of a value that also share their full name (given name and
/// family name, exactly as folded; not an initial), in groups of two or more,
/// each in record order, the groups in order of their first record.
///
/// A value two people hold links nobody: but among its holders, those with
/// one name are one of them. An active customer's email can be held by a
/// hundred records, more than any blocking key pairs up, and by a nameless
/// record with a second loyalty card: the email is refused, and her records
/// holding it under her own name stayed a customer each. The guards still
/// judge each merge, all or nothing as for any value.
fn same_full_name<R: Records + ?Sized>(records: &R, members: &[u32]) -> Vec<Vec<u32>> {
    let mut named: Vec<(&str, &str, u32)> = members
        .iter()
        .filter_map(|&m| {
            let n = records[m as usize].name.as_deref()?;
            let given = n.given.as_deref().filter(|_| !n.given_is_initial())?;
            Some((given, n.family.as_deref()?, m))
        })
        .collect();
    named.sort_unstable();
    let mut groups: Vec<Vec<u32>> = named
        .chunk_by(|x, y| (x.0, x.1) == (y.0, y.1))
        .filter(|g| g.len() >= 2)
        .map(|g| g.iter().map(|&(_, _, m)| m).collect())
        .collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

/// Stage 1's order of two values (by index): those whose holders' names and
/// birth dates show fewer people first, device ids after the other kinds,
/// then those held by fewer records, then by value.
fn stage1_order(
    values: &ValueIndex<'_>,
    strict_people: &[usize],
    x: usize,
    y: usize,
) -> std::cmp::Ordering {
    let device = |vi: usize| values[vi].0 .0 == FieldKind::DeviceId;
    strict_people[x]
        .cmp(&strict_people[y])
        .then(device(x).cmp(&device(y)))
        .then(values[x].1.len().cmp(&values[y].1.len()))
        .then(values[x].0.cmp(&values[y].0))
}

/// What [`link_value`] did with a value.
enum ValueLink {
    /// Its holders were in one customer already.
    Nothing,
    /// Its holders' customers became one.
    Linked,
    /// A merge was refused: the value links nobody. `reps` holds one record
    /// of each customer holding it (with the customer's root), `at` the
    /// record whose customer the merge was refused with.
    Refused {
        reps: Vec<(u32, u32)>,
        at: u32,
        guard: Guard,
    },
}

/// Joins every customer holding a value into one, all or nothing: when any
/// of them cannot join the others (conflicting evidence, a limit), none does.
fn link_value<R: Records + ?Sized>(
    st: &mut State<'_, R>,
    kind: FieldKind,
    value: &str,
    members: &[u32],
) -> ValueLink {
    // One representative record per current customer, in record order.
    let mut reps: Vec<(u32, u32)> = Vec::new(); // (root, record)
    for &m in members {
        let r = st.uf.find(m);
        if !reps.iter().any(|&(root, _)| root == r) {
            reps.push((r, m));
        }
    }
    if reps.len() < 2 {
        return ValueLink::Nothing;
    }
    let mut acc = st.profile(reps[0].0).into_owned();
    let first_named = acc.named_records().count();
    for &(root, m) in &reps[1..] {
        let p = st.profile(root);
        match st.refusal_between(&acc, first_named, &p, reps[0].1, m) {
            Some(guard) => return ValueLink::Refused { reps, at: m, guard },
            None => acc.absorb(&p, st.records),
        }
    }
    // `acc` already is the union's profile: join the sets and keep it.
    let via: Box<str> = value.into();
    for &(_, m) in &reps[1..] {
        if let Some((keep, gone)) = st.uf.union(reps[0].1, m) {
            st.profiles.remove(&keep);
            st.profiles.remove(&gone);
            st.links.push(Link {
                a: reps[0].1,
                b: m,
                via: Via::Identifier(kind, via.clone()),
            });
        }
    }
    let root = st.uf.find(reps[0].1);
    st.profiles.insert(root, acc);
    ValueLink::Linked
}

/// How many mutually conflicting groups the customers touched by a value fall into.
fn customer_groups<R: Records + ?Sized>(
    st: &State<'_, R>,
    reps: &[(u32, u32)],
    cap: usize,
) -> usize {
    // Each group: what its customers make together, how many of its named
    // records are its first customer's, and that customer's record holding
    // the value.
    let mut groups: Vec<(Profile, usize, u32)> = Vec::new();
    for &(root, m) in reps {
        let p = &*st.profile(root);
        match groups
            .iter_mut()
            .find(|(g, first_named, gm)| st.refusal_between(g, *first_named, p, *gm, m).is_none())
        {
            Some((g, _, _)) => g.absorb(p, st.records),
            None => {
                groups.push((p.clone(), p.named_records().count(), m));
                if groups.len() >= cap {
                    break;
                }
            }
        }
    }
    groups.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::{record, spec, Spec};
    use crate::normalize::Normalizer;
    use crate::prepare::prepare;
    use proptest::prelude::*;

    fn prepared(specs: &[Spec]) -> Vec<Prepared> {
        let n = Normalizer::new().default_region("GB");
        specs
            .iter()
            .enumerate()
            .map(|(i, s)| prepare(&record(i, s), &n))
            .collect()
    }

    fn partition(labels: &[u32]) -> Vec<Vec<usize>> {
        let mut groups: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
        for (i, &l) in labels.iter().enumerate() {
            groups.entry(l).or_default().push(i);
        }
        groups.into_values().collect()
    }

    proptest! {
        /// Grouping values by hash gives the groups a grouping by text gives,
        /// in the same order, even when most hashes collide.
        #[test]
        fn hash_collisions_do_not_change_the_groups(
            specs in proptest::collection::vec(spec(), 0..40),
        ) {
            let records = prepared(&specs);
            let exact = identifier_index(&records);
            for spread in [|h: u64| h % 3, |_: u64| 0] {
                prop_assert_eq!(&identifier_index_by(&records, spread), &exact);
            }
            let sorted = |mut g: Vec<Vec<u32>>| {
                g.sort_unstable();
                g
            };
            let names = sorted(same_name_and_dob(&records));
            for spread in [|h: u64| h % 3, |_: u64| 0] {
                prop_assert_eq!(&sorted(same_name_and_dob_by(&records, spread)), &names);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Blocking loses nothing: scoring every pair gives the same customers.
        #[test]
        fn cluster_blocked_equals_all_pairs(specs in proptest::collection::vec(spec(), 1..16)) {
            let records = prepared(&specs);
            let config = Config::new();
            let blocked = resolve_batch(&records, &config, Candidates::Blocked).1;
            let naive = resolve_batch(&records, &config, Candidates::AllPairs).1;
            prop_assert_eq!(partition(&blocked.labels), partition(&naive.labels));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Stage 1 in pieces decides exactly what one pass decides: the same
        /// customers, links, refusals, generic values and strong pairs.
        #[test]
        fn stage_one_in_pieces_equals_one_pass(
            specs in proptest::collection::vec(spec(), 1..40),
            shards in 2usize..6,
            config in prop_oneof![
                Just(Config::new()),
                Just(Config::new().generic_min_people(2)),
                Just(Config::new().max_per_customer(FieldKind::Email, 1)),
            ],
        ) {
            let records = prepared(&specs);
            let values = identifier_index(&records);
            let strict = strict_people(&records, &values, &config);
            let (labels, training) = provisional(&records, &values, &strict);
            let weights = score::estimate(&records, &labels, &training);
            let run = |shards| {
                let mut r = cluster(
                    &records[..],
                    &config,
                    &weights,
                    &Scope::default(),
                    &values,
                    &strict,
                    Candidates::Blocked,
                    shards,
                );
                let key = |a: u32, b: u32, via: &Via| (a, b, format!("{via:?}"));
                r.links.sort_by_key(|l| key(l.a, l.b, &l.via));
                r.refusals.sort_by_key(|f| key(f.a, f.b, &f.via));
                r
            };
            let (one, pieces) = (run(1), run(shards));
            prop_assert_eq!(&pieces.labels, &one.labels);
            prop_assert_eq!(&pieces.links, &one.links);
            prop_assert_eq!(&pieces.refusals, &one.refusals);
            prop_assert_eq!(&pieces.generic, &one.generic);
            prop_assert_eq!(&pieces.stable_generic, &one.stable_generic);
            prop_assert_eq!(&pieces.strong, &one.strong);
        }
    }
}
