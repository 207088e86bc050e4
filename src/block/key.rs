//! Blocking keys per field: which shared key makes two records worth comparing.
//!
//! Keys are 64-bit hashes of (key family, text). A collision only costs one
//! extra comparison: the comparison itself decides.

use crate::prepare::Prepared;
use crate::util;

/// Key families, so that equal text in different fields never collides by design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(clippy::enum_variant_names)] // "Family" the key family, not the family name.
pub(crate) enum Family {
    EmailDeletion = 1,
    PhoneDeletion,
    LoyaltyDeletion,
    FullName,
    FamilyDob,
    FamilyPostal,
    GivenDob,
    GivenPostal,
    DobPostal,
    Address,
    /// An exact identifier value: not a blocking key, the real-time graph's index of who holds a value.
    Identifier,
    Device,
}

fn key(family: Family, parts: &[&str]) -> u64 {
    util::fixed_state().hash_one((family as u8, parts))
}

/// The group key of an exact identifier value (see [`super::group_key`]).
pub(crate) fn identifier_key(kind: crate::normalize::FieldKind, value: &str) -> u64 {
    super::group_key(util::fixed_state().hash_one((Family::Identifier as u8, kind as u8, value)))
}

/// The value itself and every one-character deletion of it: two values one
/// edit apart (substitution, insertion, deletion, adjacent swap) share a key.
fn deletion_keys(family: Family, prefix: &str, s: &str, out: &mut Vec<u64>) {
    out.push(key(family, &[prefix, s]));
    let mut buf = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        buf.clear();
        buf.push_str(&s[..i]);
        buf.push_str(&s[i + c.len_utf8()..]);
        out.push(key(family, &[prefix, &buf]));
    }
}

/// Keys that find emails one typo apart in the local part, at the same domain.
/// Only values long enough for a typo match to be trusted get them (see `compare`).
pub(crate) fn email_keys(r: &Prepared, out: &mut Vec<u64>) {
    for e in &r.emails {
        if e.local().len() >= 5 {
            deletion_keys(Family::EmailDeletion, e.domain(), e.local(), out);
        }
    }
}

/// Keys that find phone numbers one typo apart.
pub(crate) fn phone_keys(r: &Prepared, out: &mut Vec<u64>) {
    for p in &r.phones {
        if p.len() > 8 {
            deletion_keys(Family::PhoneDeletion, "", p, out);
        }
    }
}

/// Keys that find loyalty numbers one typo apart (check-digit failures included).
pub(crate) fn loyalty_keys(r: &Prepared, out: &mut Vec<u64>) {
    for l in &r.loyalty {
        if l.value.len() >= 5 {
            deletion_keys(Family::LoyaltyDeletion, "", &l.value, out);
        }
    }
}

/// Device IDs, exactly: a device shared by people who conflict links none of
/// them in stage 1, but its pairs are still scored, as for the other
/// identifiers (whose exact value is part of their deletion keys). A typo in a
/// device ID is not a thing: no deletion keys.
pub(crate) fn device_keys(r: &Prepared, out: &mut Vec<u64>) {
    for d in &r.devices {
        out.push(key(Family::Device, &[d]));
    }
}

/// Keys from supporting evidence: names with birth dates, postal codes, addresses.
pub(crate) fn evidence_keys(r: &Prepared, out: &mut Vec<u64>) {
    let dob = r.dob.map(|d| d.to_string());
    let dob = dob.as_deref();
    let postal = r.postal.as_deref();
    let (given, family) = match &r.name {
        Some(n) if !n.given_is_initial() => (n.root(), n.family.as_deref()),
        Some(n) => (None, n.family.as_deref()),
        None => (None, None),
    };
    if let (Some(g), Some(f)) = (given, family) {
        // Order-insensitive, so that "Ryan Campbell" meets "Campbell Ryan".
        let (x, y) = if g <= f { (g, f) } else { (f, g) };
        out.push(key(Family::FullName, &[x, y]));
    }
    if let (Some(f), Some(d)) = (family, dob) {
        out.push(key(Family::FamilyDob, &[f, d]));
    }
    if let (Some(f), Some(p)) = (family, postal) {
        out.push(key(Family::FamilyPostal, &[f, p]));
    }
    if let (Some(g), Some(d)) = (given, dob) {
        out.push(key(Family::GivenDob, &[g, d]));
    }
    if let (Some(g), Some(p)) = (given, postal) {
        out.push(key(Family::GivenPostal, &[g, p]));
    }
    if let (Some(d), Some(p)) = (dob, postal) {
        out.push(key(Family::DobPostal, &[d, p]));
    }
    if let Some(a) = r.address.as_deref() {
        out.push(key(Family::Address, &[a]));
    }
}
