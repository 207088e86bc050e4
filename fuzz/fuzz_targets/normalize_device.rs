//! `idgraph::normalize::device_id` on any text.
//!
//! Invariants: no panic; an accepted UUID is lower-case hyphenated 8-4-4-4-12
//! hex and never the all-zero opt-out ID, an accepted Android ID is 16
//! lower-case hex digits, an accepted IMEI is 15 digits passing Luhn, any
//! other accepted ID is 12 to 128 ASCII letters, digits and `-._~+/=`, and an
//! accepted ID normalizes to itself again, kind included (idempotence); a
//! rejection's text never repeats the input.
//!
//! Input: the file's bytes as UTF-8 text (seed files are plain IDs).

#![cfg_attr(fuzzing, no_main)]

use std::fmt;

use idgraph::normalize::{self, DeviceKind};
use idgraph_fuzz::{assert_reason_hides, value_text, Corpus};

struct Repro<'a>(&'a str);

impl fmt::Debug for Repro<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "idgraph::normalize::device_id({:?})", self.0)
    }
}

fn body(data: &[u8]) -> Corpus {
    let Some(raw) = value_text(data) else {
        return Corpus::Reject;
    };
    check(raw);
    Corpus::Keep
}

fn is_lower_hex(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The Luhn check over ASCII digits (written again here, not borrowed from
/// the code under test).
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match (i % 2, d * 2) {
                (0, _) => d,
                (_, dd) if dd > 9 => dd - 9,
                (_, dd) => dd,
            }
        })
        .sum();
    sum % 10 == 0
}

fn is_canonical_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| is_lower_hex(g))
}

fn check(raw: &str) {
    let repro = Repro(raw);
    let id = match normalize::device_id(raw) {
        Ok(id) => id,
        Err(reason) => return assert_reason_hides(raw, &reason, &repro),
    };
    let canonical = id.as_str();
    match id.kind() {
        DeviceKind::Uuid => {
            assert!(
                is_canonical_uuid(canonical),
                "{canonical:?} is not a canonical UUID\nreproducer: {repro:?}"
            );
            assert!(
                canonical.bytes().any(|b| b != b'0' && b != b'-'),
                "accepted the all-zero opt-out ID\nreproducer: {repro:?}"
            );
        }
        DeviceKind::AndroidId => assert!(
            canonical.len() == 16 && is_lower_hex(canonical),
            "{canonical:?} is not 16 lower-case hex digits\nreproducer: {repro:?}"
        ),
        DeviceKind::Imei => assert!(
            canonical.len() == 15
                && canonical.bytes().all(|b| b.is_ascii_digit())
                && luhn(canonical),
            "{canonical:?} is not an IMEI\nreproducer: {repro:?}"
        ),
        DeviceKind::Other => assert!(
            (12..=128).contains(&canonical.len())
                && canonical
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~+/=".contains(&b)),
            "{canonical:?} is not an assigned ID\nreproducer: {repro:?}"
        ),
        // A kind added after this harness: only idempotence is checked.
        _ => {}
    }
    match normalize::device_id(canonical) {
        Ok(again) => assert_eq!(
            again, id,
            "not idempotent: {canonical:?} gives {again:?}\nreproducer: {repro:?}"
        ),
        Err(reason) => {
            panic!("canonical {canonical:?} is itself rejected: {reason:?}\nreproducer: {repro:?}")
        }
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("normalize_device", body)
}
