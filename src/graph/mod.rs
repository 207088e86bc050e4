//! The identity graph: records in, customers out.

pub(crate) mod cluster;
pub(crate) mod guard;
pub(crate) mod union_find;

pub use cluster::GenericValue;
pub use guard::Guard;

use std::collections::{BTreeMap, VecDeque};

use rayon::prelude::*;

use crate::compare::{compare, score::Evidence};
use crate::error::{Error, ErrorKind};
use crate::explain::{ApartReason, Explanation, FieldEvidence, LinkBasis, LinkStep};
use crate::id::CustomerId;
use crate::normalize::{LoyaltyScheme, Normalizer};
use crate::prepare::{prepare, Prepared, Rejection};
use crate::record::Record;
use crate::util::{self, FxMap};
use crate::Config;
use cluster::{Resolution, Via};

/// The result of one record's upsert: its customer and the values refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    record_id: Box<str>,
    customer: CustomerId,
    rejected: Vec<Rejection>,
}

impl Outcome {
    /// The record's id.
    pub fn record_id(&self) -> &str {
        &self.record_id
    }
    /// The customer the record belongs to.
    pub fn customer(&self) -> CustomerId {
        self.customer
    }
    /// Values of the record that were refused, with reasons.
    pub fn rejected(&self) -> &[Rejection] {
        &self.rejected
    }
}

/// Summary statistics of the last resolve.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Stats {
    /// Records held.
    pub records: usize,
    /// Customers.
    pub customers: usize,
    /// Records in the largest customer.
    pub largest_customer: usize,
    /// Candidate pairs scored.
    pub candidate_pairs: usize,
    /// Blocking keys too common to generate pairs.
    pub oversized_keys: usize,
    /// Merges refused by a guard.
    pub refused_merges: usize,
    /// The score threshold in bits.
    pub threshold_bits: f64,
    /// The estimated prior log2 odds that two random records are one person.
    pub prior_bits: f64,
}

impl Resolved {
    fn position(&self, id: &str) -> Option<usize> {
        self.prepared.binary_search_by(|p| (*p.id).cmp(id)).ok()
    }

    /// The record indices of one customer, in record order.
    fn members_of(&self, c: CustomerId) -> &[u32] {
        let start = self
            .members
            .partition_point(|&i| self.customer[i as usize] < c);
        let end = self
            .members
            .partition_point(|&i| self.customer[i as usize] <= c);
        &self.members[start..end]
    }

    fn customer_count(&self) -> usize {
        self.members
            .chunk_by(|&a, &b| self.customer[a as usize] == self.customer[b as usize])
            .count()
    }

    fn largest_customer(&self) -> usize {
        self.members
            .chunk_by(|&a, &b| self.customer[a as usize] == self.customer[b as usize])
            .map(<[u32]>::len)
            .max()
            .unwrap_or(0)
    }
}

#[derive(Debug)]
struct Resolved {
    /// Prepared records, sorted by id: a record's index is its rank.
    prepared: Vec<Prepared>,
    weights: crate::compare::score::Weights,
    resolution: Resolution,
    customer: Vec<CustomerId>,
    /// Record indices sorted by (customer, record): each customer's records are one range.
    members: Vec<u32>,
}

/// An identity graph: holds records, resolves them into customers.
///
/// ```
/// use idgraph::{Config, IdentityGraph, Record};
///
/// let mut graph = IdentityGraph::new(Config::new())?;
/// graph.upsert_batch(vec![
///     Record::new("web-1")?.source("web").email("Jane.Doe@gmail.com").name("Jane Doe"),
///     Record::new("pos-7")?.source("pos").phone("(415) 555-0132").email("janedoe@gmail.com").country("US"),
///     Record::new("loy-3")?.source("loyalty").phone("+1 415 555 0132").name("DOE, Jane"),
/// ])?;
/// let c = graph.customer_of("web-1").unwrap();
/// assert_eq!(graph.customer_of("loy-3"), Some(c));
/// assert_eq!(graph.records_of(c).len(), 3);
/// println!("{}", graph.explain("web-1", "loy-3")?);
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Debug)]
pub struct IdentityGraph {
    config: Config,
    /// Every record by id, in compact JSON: about a third of the parsed struct's memory.
    records: BTreeMap<Box<str>, Box<[u8]>>,
    /// What the normalizer estimates from the input, kept up to date on every
    /// insert and replace so that no pass over all records is needed for it.
    stats: InputStats,
    resolved: Option<Resolved>,
    next_customer: u64,
}

/// Counts of the raw values the normalizer estimates its defaults from.
#[derive(Debug, Default)]
struct InputStats {
    countries: BTreeMap<[u8; 2], i64>,
    loyalty: BTreeMap<String, i64>,
}

impl InputStats {
    fn add(&mut self, r: &Record, sign: i64) {
        fn bump<K: Ord + Clone>(map: &mut BTreeMap<K, i64>, key: &K, sign: i64) {
            match map.get_mut(key) {
                Some(n) => {
                    *n += sign;
                    if *n <= 0 {
                        map.remove(key);
                    }
                }
                None if sign > 0 => {
                    map.insert(key.clone(), sign);
                }
                None => {}
            }
        }
        if let Some(c) = r.get_country() {
            if let [a, b] = c.trim().as_bytes() {
                bump(
                    &mut self.countries,
                    &[a.to_ascii_uppercase(), b.to_ascii_uppercase()],
                    sign,
                );
            }
        }
        for l in r.loyalty_ids() {
            bump(&mut self.loyalty, l, sign);
        }
    }
}

fn encode(r: &Record) -> Box<[u8]> {
    r.encode_compact().into_boxed_slice()
}

fn decode(id: &str, bytes: &[u8]) -> Option<Record> {
    Record::decode_compact(id, bytes)
}

impl IdentityGraph {
    /// An empty graph.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidConfig`] when a setting is out of range.
    pub fn new(config: Config) -> Result<IdentityGraph, Error> {
        config.validate()?;
        Ok(IdentityGraph {
            config,
            records: BTreeMap::new(),
            stats: InputStats::default(),
            resolved: None,
            next_customer: 1,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Adds records, or new versions of records already held (same `id`), and
    /// resolves. Within one batch a later record with the same id replaces an
    /// earlier one. Returns one outcome per input record, in input order.
    ///
    /// Records are taken one at a time from the iterator, so a caller can
    /// stream a large input without holding it all parsed.
    ///
    /// # Errors
    /// None today: every [`Record`] is valid by construction, and refused
    /// values are reported in the outcomes. The `Result` leaves room for
    /// stores that can fail.
    pub fn upsert_batch<I>(&mut self, records: I) -> Result<Vec<Outcome>, Error>
    where
        I: IntoIterator<Item = Record>,
    {
        let mut timer = util::PhaseTimer::new();
        let mut ids: Vec<Box<str>> = Vec::new();
        for r in records {
            let id: Box<str> = r.id().into();
            self.stats.add(&r, 1);
            if let Some(old) = self.records.insert(id.clone(), encode(&r)) {
                if let Some(old) = decode(&id, &old) {
                    self.stats.add(&old, -1);
                }
            }
            ids.push(id);
        }
        timer.lap("store records");
        self.resolve_all();
        let resolved = self
            .resolved
            .as_ref()
            .ok_or_else(|| Error::new(ErrorKind::UnknownRecord, "graph not resolved"))?;
        // Input order to record index: ids sorted (in parallel) and walked along
        // the prepared records, which are sorted by id too.
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        let mut position = vec![u32::MAX; ids.len()];
        let mut cursor = 0usize;
        for &k in &order {
            let id = &*ids[k as usize];
            while cursor < resolved.prepared.len() && &*resolved.prepared[cursor].id < id {
                cursor += 1;
            }
            if resolved.prepared.get(cursor).is_some_and(|p| &*p.id == id) {
                position[k as usize] = cursor as u32;
            }
        }
        ids.into_iter()
            .zip(position)
            .map(|(id, i)| {
                let i = resolved
                    .prepared
                    .get(i as usize)
                    .map(|_| i as usize)
                    .ok_or_else(|| Error::new(ErrorKind::UnknownRecord, "record vanished"))?;
                Ok(Outcome {
                    record_id: id,
                    customer: resolved.customer[i],
                    rejected: resolved.prepared[i].rejected.to_vec(),
                })
            })
            .collect()
    }

    fn normalizer(&self) -> Normalizer {
        // The default region and fallbacks come from the data: the countries records
        // declare, most common first, unless the configuration names one.
        let mut by_count: Vec<(i64, &[u8; 2])> =
            self.stats.countries.iter().map(|(c, n)| (*n, c)).collect();
        by_count.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut regions: Vec<String> = by_count
            .into_iter()
            .filter_map(|(_, c)| std::str::from_utf8(c).ok().map(str::to_string))
            .take(8)
            .collect();
        let mut n = Normalizer::new().placeholders(self.config.placeholders.clone());
        if let Some(r) = &self.config.default_region {
            regions.retain(|x| x != r);
            n = n.default_region(r);
        }
        n = n.fallback_regions(regions);
        let scheme = match &self.config.loyalty {
            Some(s) => s.clone(),
            None => LoyaltyScheme::infer(
                self.stats
                    .loyalty
                    .iter()
                    .flat_map(|(v, &n)| std::iter::repeat_n(v.as_str(), n.max(0) as usize)),
            ),
        };
        n.loyalty_scheme(scheme)
    }

    fn resolve_all(&mut self) {
        let mut timer = util::PhaseTimer::new();
        let normalizer = self.normalizer();
        timer.lap("estimate normalizer");
        let stored: Vec<(&str, &[u8])> = self.records.iter().map(|(k, v)| (&**k, &**v)).collect();
        let prepared: Vec<Prepared> = stored
            .par_iter()
            .map(|(id, bytes)| match decode(id, bytes) {
                Some(r) => prepare(&r, &normalizer),
                None => Prepared::unreadable(id),
            })
            .collect();
        drop(stored);
        timer.lap("normalize");
        let (weights, resolution) = cluster::resolve(&prepared, &self.config);
        timer.lap("resolve");
        // Customers are numbered by anchor: earliest timestamp, then smallest record
        // id (records are sorted by id, so the smallest index).
        let labels = &resolution.labels;
        let n = prepared.len();
        let mut anchor: Vec<(i64, u32)> = vec![(i64::MAX, u32::MAX); n];
        for (i, &root) in labels.iter().enumerate() {
            let key = (prepared[i].ts.unwrap_or(i64::MAX), i as u32);
            let slot = &mut anchor[root as usize];
            if key < *slot {
                *slot = key;
            }
        }
        let mut roots: Vec<u32> = (0..n as u32).filter(|&i| labels[i as usize] == i).collect();
        roots.par_sort_unstable_by_key(|&r| anchor[r as usize]);
        let mut id_of_root = vec![CustomerId::from_raw(0); n];
        for &r in &roots {
            id_of_root[r as usize] = CustomerId::from_raw(self.next_customer);
            self.next_customer += 1;
        }
        drop(anchor);
        let customer: Vec<CustomerId> = labels.iter().map(|&l| id_of_root[l as usize]).collect();
        drop(id_of_root);
        // Members grouped by customer id, then record: a customer's records are one range.
        let mut members: Vec<u32> = (0..n as u32).collect();
        members.par_sort_unstable_by_key(|&i| (customer[i as usize], i));
        self.resolved = Some(Resolved {
            weights,
            prepared,
            resolution,
            customer,
            members,
        });
        timer.lap("customer ids");
    }

    /// The customer a record belongs to, `None` for an unknown id.
    pub fn customer_of(&self, record_id: &str) -> Option<CustomerId> {
        let r = self.resolved.as_ref()?;
        r.position(record_id).map(|i| r.customer[i])
    }

    /// The record ids of a customer, sorted; empty for an unknown customer.
    pub fn records_of(&self, customer: CustomerId) -> Vec<&str> {
        let Some(r) = self.resolved.as_ref() else {
            return Vec::new();
        };
        r.members_of(customer)
            .iter()
            .map(|&i| &*r.prepared[i as usize].id)
            .collect()
    }

    /// The record held under `record_id`, as it was given.
    pub fn record(&self, record_id: &str) -> Option<Record> {
        self.records
            .get(record_id)
            .and_then(|b| decode(record_id, b))
    }

    /// Every record id with its customer, sorted by record id.
    pub fn assignments(&self) -> impl Iterator<Item = (&str, CustomerId)> {
        self.resolved.iter().flat_map(|r| {
            r.prepared
                .iter()
                .zip(&r.customer)
                .map(|(p, &c)| (&*p.id, c))
        })
    }

    /// Number of records held.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the graph holds no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Identifier values found generic: they link many different people and so link nothing.
    pub fn generic_values(&self) -> &[GenericValue] {
        self.resolved
            .as_ref()
            .map(|r| r.resolution.generic.as_slice())
            .unwrap_or(&[])
    }

    /// Statistics of the last resolve.
    pub fn stats(&self) -> Stats {
        let Some(r) = self.resolved.as_ref() else {
            return Stats::default();
        };
        Stats {
            records: r.prepared.len(),
            customers: r.customer_count(),
            largest_customer: r.largest_customer(),
            candidate_pairs: r.resolution.candidate_pairs,
            oversized_keys: r.resolution.oversized_keys,
            refused_merges: r.resolution.refusals.len(),
            threshold_bits: cluster::threshold_bits(&self.config),
            prior_bits: r.weights.prior_bits(),
        }
    }

    /// Explains why two records are one customer (the chain of links, each with
    /// its fields, levels and weights) or what kept them apart.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownRecord`] when either id is not in the graph.
    pub fn explain(&self, a: &str, b: &str) -> Result<Explanation, Error> {
        let unknown = || Error::new(ErrorKind::UnknownRecord, "record id not in the graph");
        let r = self.resolved.as_ref().ok_or_else(unknown)?;
        let ia = r.position(a).ok_or_else(unknown)? as u32;
        let ib = r.position(b).ok_or_else(unknown)? as u32;
        let weights = &r.weights;
        let fields_of = |x: u32, y: u32| -> Vec<FieldEvidence> {
            let (px, py) = (&r.prepared[x as usize], &r.prepared[y as usize]);
            let (ev, _) = weights.evidence(px, py, &compare(px, py));
            ev.into_iter().map(to_field_evidence).collect()
        };
        let (pa, pb) = (&r.prepared[ia as usize], &r.prepared[ib as usize]);
        let (_, direct_bits) = weights.evidence(pa, pb, &compare(pa, pb));
        let direct = fields_of(ia, ib);
        let labels = &r.resolution.labels;
        if labels[ia as usize] == labels[ib as usize] {
            let chain = self.chain(r, ia, ib, &fields_of);
            return Ok(Explanation {
                a: a.to_string(),
                b: b.to_string(),
                chain,
                apart: None,
                direct,
            });
        }
        let (ca, cb) = (labels[ia as usize], labels[ib as usize]);
        let refused = r.resolution.refusals.iter().find(|f| {
            let (x, y) = (labels[f.a as usize], labels[f.b as usize]);
            (x == ca && y == cb) || (x == cb && y == ca)
        });
        let shared_identifier = pa.identifiers().any(|x| pb.identifiers().any(|y| x == y));
        let apart = match refused {
            Some(f) => ApartReason::Refused { guard: f.guard },
            None if shared_identifier || shares_key(pa, pb) => ApartReason::BelowThreshold {
                bits: direct_bits,
                threshold: cluster::threshold_bits(&self.config),
            },
            None => ApartReason::NoCandidate,
        };
        Ok(Explanation {
            a: a.to_string(),
            b: b.to_string(),
            chain: Vec::new(),
            apart: Some(apart),
            direct,
        })
    }

    fn chain(
        &self,
        r: &Resolved,
        from: u32,
        to: u32,
        fields_of: &dyn Fn(u32, u32) -> Vec<FieldEvidence>,
    ) -> Vec<LinkStep> {
        if from == to {
            return Vec::new();
        }
        let root = r.resolution.labels[from as usize];
        let mut adj: FxMap<u32, Vec<(u32, usize)>> = util::map();
        for (k, l) in r.resolution.links.iter().enumerate() {
            if r.resolution.labels[l.a as usize] == root {
                adj.entry(l.a).or_default().push((l.b, k));
                adj.entry(l.b).or_default().push((l.a, k));
            }
        }
        let mut prev: FxMap<u32, (u32, usize)> = util::map();
        let mut queue = VecDeque::from([from]);
        while let Some(x) = queue.pop_front() {
            if x == to {
                break;
            }
            for &(y, k) in adj.get(&x).map(Vec::as_slice).unwrap_or(&[]) {
                if y != from && !prev.contains_key(&y) {
                    prev.insert(y, (x, k));
                    queue.push_back(y);
                }
            }
        }
        let mut steps = Vec::new();
        let mut cur = to;
        while let Some(&(p, k)) = prev.get(&cur) {
            let link = &r.resolution.links[k];
            let basis = match &link.via {
                Via::Identifier(kind, v) => LinkBasis::SharedIdentifier {
                    kind: *kind,
                    masked_value: crate::normalize::text::mask(v),
                },
                Via::Scored(bits) => LinkBasis::Score { bits: *bits },
            };
            steps.push(LinkStep {
                from: r.prepared[p as usize].id.to_string(),
                to: r.prepared[cur as usize].id.to_string(),
                basis,
                fields: fields_of(p, cur),
            });
            cur = p;
        }
        steps.reverse();
        steps
    }
}

fn to_field_evidence(e: Evidence) -> FieldEvidence {
    FieldEvidence {
        field: e.field.name(),
        level: e.level.name(),
        bits: e.bits,
    }
}

fn shares_key(a: &Prepared, b: &Prepared) -> bool {
    let keys = |r: &Prepared| {
        let mut out = Vec::new();
        crate::block::key::fuzzy_identifier_keys(r, &mut out);
        crate::block::key::evidence_keys(r, &mut out);
        out
    };
    let ka = keys(a);
    keys(b).iter().any(|k| ka.contains(k))
}
