//! A record after normalization: the form every later stage works on.

use crate::normalize::{BirthDate, CheckStatus, FieldKind, Normalizer};
use crate::record::Record;
use crate::RejectReason;

/// One value of one record that was refused, and why.
///
/// ```
/// use idgraph::{Config, IdentityGraph, Record, RejectReason};
/// use idgraph::normalize::FieldKind;
///
/// let mut graph = IdentityGraph::new(Config::new())?;
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
    pub(crate) at: usize,
    pub(crate) corrected: bool,
}

impl EmailValue {
    pub(crate) fn local(&self) -> &str {
        self.value.get(..self.at).unwrap_or("")
    }
    pub(crate) fn domain(&self) -> &str {
        self.value.get(self.at + 1..).unwrap_or("")
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
    /// Nickname root of the given name.
    pub(crate) given_root: Option<Box<str>>,
    pub(crate) family: Option<Box<str>>,
    pub(crate) tokens: Vec<Box<str>>,
}

impl NameValue {
    pub(crate) fn given_is_initial(&self) -> bool {
        self.given.as_deref().is_some_and(|g| g.chars().count() == 1)
    }
    /// Given root plus family: the key for "same full name".
    pub(crate) fn full_key(&self) -> Option<String> {
        match (&self.given_root, &self.family) {
            (Some(g), Some(f)) if !self.given_is_initial() => Some(format!("{g} {f}")),
            _ => None,
        }
    }
}

/// A normalized record.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub(crate) id: Box<str>,
    pub(crate) ts: Option<i64>,
    pub(crate) country: Option<[u8; 2]>,
    pub(crate) emails: Vec<EmailValue>,
    pub(crate) phones: Vec<Box<str>>,
    pub(crate) loyalty: Vec<LoyaltyValue>,
    pub(crate) devices: Vec<Box<str>>,
    pub(crate) name: Option<NameValue>,
    pub(crate) dob: Option<BirthDate>,
    pub(crate) postal: Option<Box<str>>,
    pub(crate) address: Option<Box<str>>,
    pub(crate) rejected: Vec<Rejection>,
}

impl Prepared {
    /// Every identifier value as `(kind, canonical value)`.
    pub(crate) fn identifiers(&self) -> impl Iterator<Item = (FieldKind, &str)> {
        self.emails
            .iter()
            .map(|e| (FieldKind::Email, &*e.value))
            .chain(self.phones.iter().map(|p| (FieldKind::Phone, &**p)))
            .chain(self.loyalty.iter().filter(|l| !l.failed).map(|l| (FieldKind::LoyaltyId, &*l.value)))
            .chain(self.devices.iter().map(|d| (FieldKind::DeviceId, &**d)))
    }
}

fn country_code(raw: Option<&str>) -> Option<[u8; 2]> {
    let b = raw?.trim().as_bytes();
    match b {
        [a, c] if a.is_ascii_alphabetic() && c.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), c.to_ascii_uppercase()])
        }
        _ => None,
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Normalizes every field of `record`; refused values are listed, never fatal.
pub(crate) fn prepare(record: &Record, n: &Normalizer) -> Prepared {
    let country = country_code(record.get_country());
    let cc = country.as_ref().and_then(|c| std::str::from_utf8(c).ok());
    let mut rejected = Vec::new();
    let mut reject = |field, reason| {
        let r = Rejection { field, reason };
        if !rejected.contains(&r) {
            rejected.push(r);
        }
    };
    let mut emails = Vec::new();
    for raw in record.emails() {
        match n.email(raw) {
            Ok(e) => push_unique(
                &mut emails,
                EmailValue { at: e.local_part().len(), corrected: e.is_corrected(), value: e.as_str().into() },
            ),
            Err(r) => reject(FieldKind::Email, r),
        }
    }
    let mut phones = Vec::new();
    for raw in record.phones() {
        match n.phone(raw, cc) {
            Ok(p) => push_unique(&mut phones, p.as_str().into()),
            Err(r) => reject(FieldKind::Phone, r),
        }
    }
    let mut loyalty = Vec::new();
    for raw in record.loyalty_ids() {
        match n.loyalty_id(raw) {
            Ok(l) => push_unique(
                &mut loyalty,
                LoyaltyValue { value: l.as_str().into(), failed: l.check() == CheckStatus::Failed },
            ),
            Err(r) => reject(FieldKind::LoyaltyId, r),
        }
    }
    let mut devices = Vec::new();
    for raw in record.device_ids() {
        match n.device_id(raw) {
            Ok(d) => push_unique(&mut devices, d.as_str().into()),
            Err(r) => reject(FieldKind::DeviceId, r),
        }
    }
    let name_result = match (record.get_name(), record.get_given_name(), record.get_family_name()) {
        (_, g @ Some(_), f) | (None, g, f @ Some(_)) => Some(n.name_parts(g, f)),
        (Some(full), None, _) => Some(n.name(full)),
        (None, None, None) => None,
    };
    let name = match name_result {
        Some(Ok(nm)) => Some(NameValue {
            given: nm.given().map(Into::into),
            given_root: nm.given_root().map(Into::into),
            family: nm.family().map(Into::into),
            tokens: nm.tokens().iter().map(|t| t.as_str().into()).collect(),
        }),
        Some(Err(r)) => {
            reject(FieldKind::Name, r);
            None
        }
        None => None,
    };
    let dob = record.get_birth_date().and_then(|raw| match n.birth_date(raw, cc) {
        Ok(d) => Some(d),
        Err(r) => {
            reject(FieldKind::BirthDate, r);
            None
        }
    });
    let postal = record.get_postal_code().and_then(|raw| match n.postal_code(raw, cc) {
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
    Prepared {
        id: record.id().into(),
        ts: record.ts_millis(),
        country,
        emails,
        phones,
        loyalty,
        devices,
        name,
        dob,
        postal,
        address,
        rejected,
    }
}
