//! `idgraph::normalize::phone` on any text, with or without a region.
//!
//! Invariants: no panic; an accepted number is E.164 (`+`, then 1 to 15
//! digits, the first not 0), equal to `+`, its country code and its national
//! number, and normalizes to itself again with no region (idempotence: an
//! E.164 number needs none); a rejection's text never repeats the input, and
//! `InvalidForRegion` names an alpha-2 region or `"??"`.
//!
//! Input: one region flag byte (odd: a region follows, even: none), two region
//! letters when flagged, then the raw number as UTF-8 to the end of the file.
//! So `1GB07700 900123` is `phone("07700 900123", Some("GB"))` and
//! `0+44 7700 900123` is `phone("+44 7700 900123", None)`.

#![cfg_attr(fuzzing, no_main)]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use idgraph::normalize;
use idgraph_fuzz::{assert_reason_hides, region_expr, Corpus, Region, MAX_VALUE_INPUT};

#[derive(Arbitrary)]
struct Input<'a> {
    region: Option<Region>,
    raw: &'a str,
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "idgraph::normalize::phone({:?}, {})",
            self.raw,
            region_expr(self.region)
        )
    }
}

fn body(data: &[u8]) -> Corpus {
    if data.len() > MAX_VALUE_INPUT {
        return Corpus::Reject;
    }
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return Corpus::Reject;
    };
    check(&input);
    Corpus::Keep
}

fn check(input: &Input<'_>) {
    let region = input.region.as_ref().map(Region::as_str);
    let phone = match normalize::phone(input.raw, region) {
        Ok(p) => p,
        Err(reason) => return assert_reason_hides(input.raw, &reason, input),
    };
    let e164 = phone.as_str();
    let digits = e164.strip_prefix('+').unwrap_or("");
    assert!(
        (1..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0'),
        "{e164:?} is not E.164\nreproducer: {input:?}"
    );
    assert_eq!(
        e164,
        format!("+{}{}", phone.country_code(), phone.national_number()),
        "as_str is not + country code + national number\nreproducer: {input:?}"
    );
    match normalize::phone(e164, None) {
        Ok(again) => assert_eq!(
            again.as_str(),
            e164,
            "not idempotent: {e164:?} normalizes to {:?}\nreproducer: {input:?}",
            again.as_str()
        ),
        Err(reason) => {
            panic!("E.164 {e164:?} is itself rejected: {reason:?}\nreproducer: {input:?}")
        }
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("normalize_phone", body)
}
