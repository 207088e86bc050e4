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
    IdentifierFamily,
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
///
/// A value of `n` bytes has `n + 1` keys or fewer; hashing each text apart
/// read `n²` bytes, so the texts are hashed as polynomials instead: with the
/// hash of every prefix and every suffix, the hash of the text without
/// `s[i..j]` is `prefix(i) · Bⁿ⁻ʲ + suffix(j)`, one multiply-add per key.
/// The family and `prefix` are hashed once, and each key is mixed (the top
/// bits are its group) with them and its length.
fn deletion_keys(family: Family, prefix: &str, s: &str, out: &mut Vec<u64>) {
    /// The polynomial's base: odd, so that multiplying by it loses no bit.
    const BASE: u64 = 0x9e37_79b9_7f4a_7c15;
    let seed = util::fixed_state().hash_one((family as u8, prefix));
    let bytes = s.as_bytes();
    let n = bytes.len();
    // suffix[j]: hash of bytes[j..]; power[k]: BASEᵏ. Values are at most
    // `MAX_VALUE_LEN` bytes, so a stack buffer nearly always does.
    let mut stack = [0u64; 2 * STACK_LEN];
    let mut heap = Vec::new();
    let buf: &mut [u64] = if n < STACK_LEN {
        &mut stack
    } else {
        heap.resize(2 * (n + 1), 0);
        &mut heap
    };
    let (suffix, power) = buf.split_at_mut(buf.len() / 2);
    power[0] = 1;
    for k in 1..=n {
        power[k] = power[k - 1].wrapping_mul(BASE);
    }
    suffix[n] = 0;
    for j in (0..n).rev() {
        suffix[j] = (u64::from(bytes[j]) + 1)
            .wrapping_mul(power[n - 1 - j])
            .wrapping_add(suffix[j + 1]);
    }
    out.push(mix(seed, suffix[0], n));
    let mut prefix_hash = 0u64;
    let mut at = 0;
    for (i, c) in s.char_indices() {
        // Bytes before `i` folded into the prefix hash.
        while at < i {
            prefix_hash = prefix_hash
                .wrapping_mul(BASE)
                .wrapping_add(u64::from(bytes[at]) + 1);
            at += 1;
        }
        let j = i + c.len_utf8();
        let h = prefix_hash
            .wrapping_mul(power[n - j])
            .wrapping_add(suffix[j]);
        out.push(mix(seed, h, n - (j - i)));
    }
}

/// Bytes of a value whose deletion keys need no heap buffer.
const STACK_LEN: usize = 128;

/// A deletion key from its family-and-prefix seed, its text's polynomial
/// hash and its length: MurmurHash3's finalizer, so that every bit of the
/// inputs reaches the top bits (a polynomial's low bits see only low bits).
fn mix(seed: u64, hash: u64, len: usize) -> u64 {
    let mut k = hash ^ seed.rotate_left(23) ^ (len as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
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

/// Each identifier value with the record's family name. A value held by
/// more records than the cap (an active customer's email on every campaign
/// and every web order) generates no pairs, and when it also links nobody
/// in stage 1 (a second loyalty card behind it looks like a second person),
/// its named records stayed apart even from their exact twins: the family
/// name narrows the value's holders to one person's or one household's,
/// whose pairs the comparison and the guards then judge.
pub(crate) fn identifier_family_keys(r: &Prepared, out: &mut Vec<u64>) {
    let Some(family) = r.name.as_ref().and_then(|n| n.family.as_deref()) else {
        return;
    };
    for (kind, value) in r.identifiers() {
        out.push(util::fixed_state().hash_one((
            Family::IdentifierFamily as u8,
            kind as u8,
            value,
            family,
        )));
    }
}

/// Family names at least this long meet their typos on a birth date.
const MIN_FUZZY_FAMILY: usize = 5;

/// Keys from supporting evidence: names with birth dates, postal codes, addresses.
pub(crate) fn evidence_keys(r: &Prepared, out: &mut Vec<u64>) {
    let dob = r.dob.map(|d| d.iso());
    let dob = dob.as_ref().map(|d| d.as_str());
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
        // A birth date narrows a family name down to a handful of records,
        // so the name may carry a typo (`Samudl`, `Samuel`): its deletion
        // keys, the whole name among them. Short names stay exact: one
        // deletion is most of them.
        if f.chars().count() >= MIN_FUZZY_FAMILY {
            deletion_keys(Family::FamilyDob, d, f, out);
        } else {
            out.push(key(Family::FamilyDob, &[f, d]));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The deletion keys computed the slow way: each text spelled out and hashed.
    fn naive(family: Family, prefix: &str, s: &str) -> Vec<u64> {
        let seed = util::fixed_state().hash_one((family as u8, prefix));
        let poly = |t: &str| {
            t.bytes().fold(0u64, |h, b| {
                h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    .wrapping_add(u64::from(b) + 1)
            })
        };
        let mut out = vec![mix(seed, poly(s), s.len())];
        for (i, c) in s.char_indices() {
            let t = format!("{}{}", &s[..i], &s[i + c.len_utf8()..]);
            out.push(mix(seed, poly(&t), t.len()));
        }
        out
    }

    fn keys(s: &str) -> Vec<u64> {
        let mut out = Vec::new();
        deletion_keys(Family::PhoneDeletion, "x.com", s, &mut out);
        out
    }

    /// One edit of each kind at `at` (a char index), if it applies.
    fn edited(s: &str, at: usize, c: char, kind: u8) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        let at = at % (chars.len() + 1);
        match kind % 4 {
            0 if at < chars.len() => chars[at] = c,
            1 => chars.insert(at, c),
            2 if at < chars.len() => {
                chars.remove(at);
            }
            3 if at + 1 < chars.len() => chars.swap(at, at + 1),
            _ => {}
        }
        chars.into_iter().collect()
    }

    proptest! {
        /// The prefix-and-suffix hashes give exactly the keys of the texts spelled out.
        #[test]
        fn deletion_keys_hash_each_deletion(s in "\\PC{0,200}") {
            let mut out = Vec::new();
            deletion_keys(Family::EmailDeletion, "example.com", &s, &mut out);
            prop_assert_eq!(out, naive(Family::EmailDeletion, "example.com", &s));
        }

        /// Values one edit apart (substitution, insertion, deletion, swap) share a key.
        #[test]
        fn one_edit_apart_share_a_key(
            s in "[a-z0-9é]{1,20}",
            at in 0usize..24,
            c in prop::sample::select(vec!['a', 'z', '7', 'é', 'ß']),
            kind in 0u8..4,
        ) {
            let t = edited(&s, at, c, kind);
            let (ks, kt) = (keys(&s), keys(&t));
            prop_assert!(ks.iter().any(|k| kt.contains(k)), "{s:?} and {t:?}");
        }
    }

    #[test]
    fn different_families_and_prefixes_give_different_keys() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let mut c = Vec::new();
        deletion_keys(Family::EmailDeletion, "a.com", "jane.doe", &mut a);
        deletion_keys(Family::EmailDeletion, "b.com", "jane.doe", &mut b);
        deletion_keys(Family::LoyaltyDeletion, "a.com", "jane.doe", &mut c);
        assert!(a.iter().all(|k| !b.contains(k) && !c.contains(k)));
    }
}
