//! A record after normalization: the form every later stage works on.

use crate::normalize::{country, text, BirthDate, CheckStatus, FieldKind, Name, Normalizer};
use crate::record::Record;
use crate::RejectReason;

/// One value of one record that was refused, and why.
///
/// ```
/// use idgraph::{Config, IdentityGraph, Record, RejectReason};
/// use idgraph::normalize::FieldKind;
///
/// let graph = IdentityGraph::new(Config::new())?;
/// let out = graph.upsert_batch(vec![Record::new("r1")?.email("test@test.com")])?;
/// assert_eq!(out[0].rejected()[0].field(), FieldKind::Email);
/// assert_eq!(out[0].rejected()[0].reason(), &RejectReason::Placeholder);
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rejection {
    field: FieldKind,
    reason: RejectReason,
}

impl Rejection {
    /// The field the value was in.
    pub fn field(&self) -> FieldKind {
        self.field
    }
    /// Why it was refused.
    pub fn reason(&self) -> &RejectReason {
        &self.reason
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EmailValue {
    pub(crate) value: Box<str>,
    pub(crate) at: u32,
    pub(crate) corrected: bool,
}

impl EmailValue {
    pub(crate) fn local(&self) -> &str {
        self.value.get(..self.at as usize).unwrap_or("")
    }
    pub(crate) fn domain(&self) -> &str {
        self.value.get(self.at as usize + 1..).unwrap_or("")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LoyaltyValue {
    pub(crate) value: Box<str>,
    /// The check digit failed: most likely a typo of another member's number.
    pub(crate) failed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameValue {
    /// Folded given name; `None` when unknown.
    pub(crate) given: Option<Box<str>>,
    /// Nickname root of the given name, when it differs from the given name.
    given_root: Option<Box<str>>,
    pub(crate) family: Option<Box<str>>,
    /// The words between the given name and the family name (`luis` and
    /// `rodriguez` in `José Luis Rodríguez Zapatero`), space-separated; `None`
    /// when there are none, as for most names.
    pub(crate) middle: Option<Box<str>>,
    /// The writing system of the name (see [`crate::compare`]'s
    /// `writing_system`), found once here: every comparison of two names asks.
    pub(crate) writing_system: u32,
}

impl From<&Name> for NameValue {
    fn from(nm: &Name) -> NameValue {
        let tokens = nm.tokens();
        let skip = usize::from(nm.given().is_some());
        let family_words = nm.family().map_or(0, |f| f.split(' ').count());
        let middle = tokens
            .get(skip..tokens.len().saturating_sub(family_words))
            .filter(|m| !m.is_empty())
            .map(|m| m.join(" ").into_boxed_str());
        // That of the first part written outside Latin, if any: a name is
        // one writing system, or Latin with a part in another.
        let writing_system = [nm.family(), nm.given()]
            .into_iter()
            .flatten()
            .map(text::script)
            .find(|&s| s != text::LATIN)
            .unwrap_or(text::LATIN);
        NameValue {
            middle,
            writing_system,
            given: nm.given().map(Into::into),
            // Most given names are their own root: store the root only when it differs.
            given_root: nm
                .given_root()
                .filter(|r| Some(*r) != nm.given())
                .map(Into::into),
            family: nm.family().map(Into::into),
        }
    }
}

impl NameValue {
    /// The nickname root of the given name (the given name itself when it has none).
    pub(crate) fn root(&self) -> Option<&str> {
        self.given_root.as_deref().or(self.given.as_deref())
    }

    pub(crate) fn given_is_initial(&self) -> bool {
        self.given.as_deref().is_some_and(|g| {
            // One character, without counting them all: this runs for every comparison.
            let mut c = g.chars();
            c.next().is_some() && c.next().is_none()
        })
    }
    /// Given root and family: together, the key for "same full name" (none
    /// when the given name is an initial).
    pub(crate) fn full_parts(&self) -> Option<(&str, &str)> {
        match (self.root(), self.family.as_deref()) {
            (Some(g), Some(f)) if !self.given_is_initial() => Some((g, f)),
            _ => None,
        }
    }
}

/// A normalized record.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    /// Shared with outcomes and the graph's tables: a batch's outcomes name
    /// every record, and a copy each was 32 MB at a million records.
    pub(crate) id: std::sync::Arc<str>,
    pub(crate) ts: Option<i64>,
    // Boxed slices and a boxed name: a million prepared records are held at
    // once, and most fields are empty.
    pub(crate) emails: Box<[EmailValue]>,
    pub(crate) phones: Box<[Box<str>]>,
    pub(crate) loyalty: Box<[LoyaltyValue]>,
    pub(crate) devices: Box<[Box<str>]>,
    pub(crate) name: Option<Box<NameValue>>,
    pub(crate) dob: Option<BirthDate>,
    pub(crate) postal: Option<Box<str>>,
    pub(crate) address: Option<Box<str>>,
    pub(crate) rejected: Box<[Rejection]>,
}

impl Prepared {
    /// A record whose stored form could not be read back: it keeps its id and
    /// links nothing.
    pub(crate) fn unreadable(id: &str) -> Prepared {
        Prepared {
            id: id.into(),
            ts: None,
            emails: Box::default(),
            phones: Box::default(),
            loyalty: Box::default(),
            devices: Box::default(),
            name: None,
            dob: None,
            postal: None,
            address: None,
            rejected: Box::default(),
        }
    }

    /// Whether `other` carries exactly this record's evidence: every value the
    /// resolver reads. The id, the timestamp (read only when customer ids are
    /// handed out) and the rejected values (reported, never matched) may differ.
    pub(crate) fn same_evidence(&self, other: &Prepared) -> bool {
        // Destructured so that a new field must be placed on one side or the other.
        let Prepared {
            id: _,
            ts: _,
            emails,
            phones,
            loyalty,
            devices,
            name,
            dob,
            postal,
            address,
            rejected: _,
        } = self;
        *emails == other.emails
            && *phones == other.phones
            && *loyalty == other.loyalty
            && *devices == other.devices
            && *name == other.name
            && *dob == other.dob
            && *postal == other.postal
            && *address == other.address
    }

    /// Every identifier value as `(kind, canonical value)`.
    pub(crate) fn identifiers(&self) -> impl Iterator<Item = (FieldKind, &str)> {
        self.emails
            .iter()
            .map(|e| (FieldKind::Email, &*e.value))
            .chain(self.phones.iter().map(|p| (FieldKind::Phone, &**p)))
            .chain(
                self.loyalty
                    .iter()
                    .filter(|l| !l.failed)
                    .map(|l| (FieldKind::LoyaltyId, &*l.value)),
            )
            .chain(self.devices.iter().map(|d| (FieldKind::DeviceId, &**d)))
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Normalizes every field of `record`; refused values are listed, never fatal.
pub(crate) fn prepare(record: &Record, n: &Normalizer) -> Prepared {
    prepare_tracked(record, n).0
}

/// What of a normalizer's estimates a prepared record rests on: a record
/// normalized while the estimates were still a guess is normalized again
/// only when the final estimates differ in what it rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Reliance {
    /// How many of the phone regions the record's phones rest on.
    phone_regions: crate::normalize::FallbackUse,
    /// Whether it has loyalty values (read under the loyalty scheme).
    loyalty_scheme: bool,
}

impl Reliance {
    /// Whether a record prepared by `guess` is what `last` prepares.
    pub(crate) fn carries(self, guess: &Normalizer, last: &Normalizer) -> bool {
        guess.phone_outcome_carries(last, self.phone_regions)
            && (!self.loyalty_scheme || guess.loyalty_outcome_carries(last))
    }
}

/// [`prepare`], with what the outcome rests on of the normalizer's estimates.
pub(crate) fn prepare_tracked(record: &Record, n: &Normalizer) -> (Prepared, Reliance) {
    prepare_shared(record, n, record.id().into())
}

/// [`prepare_tracked`] for a record whose id is already held as `id` (the
/// graph's copy, shared rather than made again).
pub(crate) fn prepare_shared(
    record: &Record,
    n: &Normalizer,
    id: std::sync::Arc<str>,
) -> (Prepared, Reliance) {
    let mut reliance = Reliance {
        phone_regions: 0,
        loyalty_scheme: !record.loyalty_ids().is_empty(),
    };
    let country = record.get_country().and_then(country::country_code);
    let cc = country.as_ref().and_then(|c| std::str::from_utf8(c).ok());
    let mut rejected = Vec::new();
    let mut reject = |field, reason| {
        let r = Rejection { field, reason };
        if !rejected.contains(&r) {
            rejected.push(r);
        }
    };
    // Sized to the raw values: `into_boxed_slice` then keeps the allocation as it
    // is (a pushed-to vector holds room for four and is reallocated to fit).
    let mut emails = Vec::with_capacity(record.emails().len());
    for raw in record.emails() {
        match n.email(raw) {
            Ok(e) => push_unique(
                &mut emails,
                EmailValue {
                    at: e.local_part().len() as u32,
                    corrected: e.is_corrected(),
                    value: e.as_str().into(),
                },
            ),
            Err(r) => reject(FieldKind::Email, r),
        }
    }
    let mut phones = Vec::with_capacity(record.phones().len());
    for raw in record.phones() {
        let (p, used) = n.phone_tracked(raw, cc);
        reliance.phone_regions = reliance.phone_regions.max(used);
        match p {
            Ok(p) => push_unique(&mut phones, p.as_str().into()),
            Err(r) => reject(FieldKind::Phone, r),
        }
    }
    let mut loyalty = Vec::with_capacity(record.loyalty_ids().len());
    for raw in record.loyalty_ids() {
        match n.loyalty_id(raw) {
            Ok(l) => push_unique(
                &mut loyalty,
                LoyaltyValue {
                    value: l.as_str().into(),
                    failed: l.check() == CheckStatus::Failed,
                },
            ),
            Err(r) => reject(FieldKind::LoyaltyId, r),
        }
    }
    let mut devices = Vec::with_capacity(record.device_ids().len());
    for raw in record.device_ids() {
        match n.device_id(raw) {
            Ok(d) => push_unique(&mut devices, d.as_str().into()),
            Err(r) => reject(FieldKind::DeviceId, r),
        }
    }
    let name_result = match (
        record.get_name(),
        record.get_given_name(),
        record.get_family_name(),
    ) {
        (_, g @ Some(_), f) | (None, g, f @ Some(_)) => Some(n.name_parts(g, f)),
        (Some(full), None, _) => Some(n.name(full)),
        (None, None, None) => None,
    };
    let name = match name_result {
        Some(Ok(nm)) => Some(Box::new(NameValue::from(&nm))),
        Some(Err(r)) => {
            reject(FieldKind::Name, r);
            None
        }
        None => None,
    };
    let dob = record
        .get_birth_date()
        .and_then(|raw| match n.birth_date(raw, cc) {
            Ok(d) => Some(d),
            Err(r) => {
                reject(FieldKind::BirthDate, r);
                None
            }
        });
    let postal = record
        .get_postal_code()
        .and_then(|raw| match n.postal_code(raw, cc) {
            Ok(p) => Some(p.as_str().into()),
            Err(r) => {
                reject(FieldKind::PostalCode, r);
                None
            }
        });
    let address = record.get_address().and_then(|raw| match n.address(raw) {
        Ok(a) => Some(a.as_str().into()),
        Err(r) => {
            reject(FieldKind::Address, r);
            None
        }
    });
    let ts = record.ts_millis();
    if ts.is_none() && record.get_ts().is_some() {
        // The record still counts; it is ordered as one without a timestamp.
        reject(
            FieldKind::Timestamp,
            RejectReason::InvalidSyntax {
                rule: "not a timestamp (RFC 3339, a date, or Unix time)",
            },
        );
    }
    let prepared = Prepared {
        id,
        ts,
        emails: emails.into_boxed_slice(),
        phones: phones.into_boxed_slice(),
        loyalty: loyalty.into_boxed_slice(),
        devices: devices.into_boxed_slice(),
        name,
        dob,
        postal,
        address,
        rejected: rejected.into_boxed_slice(),
    };
    (prepared, reliance)
}

/// Records the resolver reads by index: all of a graph's prepared records, or
/// the part of them a real-time change re-resolves (without copying them).
pub(crate) trait Records: std::ops::Index<usize, Output = Prepared> + Sync {
    /// How many records there are.
    fn len(&self) -> usize;
}

impl Records for [Prepared] {
    fn len(&self) -> usize {
        <[Prepared]>::len(self)
    }
}

impl Records for Vec<Prepared> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
}

/// Some of a graph's records: record `i` is the graph's slot `slots[i]`.
#[derive(Debug)]
pub(crate) struct Subset<'a, R: Records + ?Sized = [Prepared]> {
    pub(crate) all: &'a R,
    pub(crate) slots: &'a [u32],
}

impl<R: Records + ?Sized> std::ops::Index<usize> for Subset<'_, R> {
    type Output = Prepared;
    fn index(&self, i: usize) -> &Prepared {
        &self.all[self.slots[i] as usize]
    }
}

impl<R: Records + ?Sized> Records for Subset<'_, R> {
    fn len(&self) -> usize {
        self.slots.len()
    }
}
