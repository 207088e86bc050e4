//! `idgraph::normalize::email` on any text.
//!
//! Invariants: no panic; an accepted address is lower-case ASCII where ASCII,
//! trimmed, `local_part@domain`, reports a correction exactly when it has one,
//! and normalizes to itself again (idempotence); a rejection's text never
//! repeats the input.
//!
//! Input: the file's bytes as UTF-8 text (seed files are plain addresses).

#![cfg_attr(fuzzing, no_main)]

use std::fmt;

use idgraph::normalize;
use idgraph_fuzz::{assert_reason_hides, value_text, Corpus};

struct Repro<'a>(&'a str);

impl fmt::Debug for Repro<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "idgraph::normalize::email({:?})", self.0)
    }
}

fn body(data: &[u8]) -> Corpus {
    let Some(raw) = value_text(data) else {
        return Corpus::Reject;
    };
    check(raw);
    Corpus::Keep
}

fn check(raw: &str) {
    let repro = Repro(raw);
    let email = match normalize::email(raw) {
        Ok(e) => e,
        Err(reason) => return assert_reason_hides(raw, &reason, &repro),
    };
    let canonical = email.as_str();
    assert!(
        !canonical.is_empty(),
        "accepted an empty address\nreproducer: {repro:?}"
    );
    assert_eq!(
        canonical,
        canonical.trim(),
        "canonical address is not trimmed\nreproducer: {repro:?}"
    );
    assert!(
        !canonical.bytes().any(|b| b.is_ascii_uppercase()),
        "canonical address {canonical:?} is not lower case\nreproducer: {repro:?}"
    );
    assert_eq!(
        canonical,
        format!("{}@{}", email.local_part(), email.domain()),
        "as_str is not local_part@domain\nreproducer: {repro:?}"
    );
    assert_eq!(
        email.is_corrected(),
        email.corrected_from().is_some(),
        "is_corrected disagrees with corrected_from\nreproducer: {repro:?}"
    );
    match normalize::email(canonical) {
        Ok(again) => assert_eq!(
            again.as_str(),
            canonical,
            "not idempotent: {canonical:?} normalizes to {:?}\nreproducer: {repro:?}",
            again.as_str()
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
    idgraph_fuzz::replay("normalize_email", body)
}
