//! `idgraph::normalize::loyalty_id` on any text, under fixed and arbitrary
//! schemes, and under a scheme inferred by `LoyaltyScheme::infer` from the values.
//!
//! Invariants: no panic; an accepted member number is not empty, its check
//! status matches the scheme (`NotChecked` without a check digit, `Valid` or
//! `Failed` with one), and it normalizes to itself again under the same scheme,
//! check status included (idempotence); a rejection's text never repeats the input.
//!
//! Input: one scheme byte, then the raw value as UTF-8 to the end of the file:
//! - `0` the generic scheme; `1` prefix `LY`, 8 digits, Luhn; `2` prefix `LY`,
//!   8 digits, no check digit; `3` 7 digits (FEBRL's `soc_sec_id`);
//! - `4` infer the scheme from the value's lines, then normalize each line;
//! - any other byte: a custom scheme decoded from the next three bytes
//!   (prefix length 0 to 3 and its letters follow, digit count 0 to 24 with 0 for
//!   none, Luhn when odd).

#![cfg_attr(fuzzing, no_main)]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use idgraph::normalize::{self, CheckDigit, CheckStatus, LoyaltyScheme};
use idgraph_fuzz::{assert_reason_hides, Corpus, Region, MAX_VALUE_INPUT};

/// The scheme, kept as data so that the reproducer can spell out its builder calls.
#[derive(Clone, Default)]
struct Spec {
    prefix: Option<String>,
    digits: Option<u8>,
    luhn: bool,
    infer: bool,
}

impl Spec {
    fn scheme(&self) -> LoyaltyScheme {
        let mut s = LoyaltyScheme::new();
        if let Some(p) = &self.prefix {
            s = s.prefix(p);
        }
        if let Some(d) = self.digits {
            s = s.digits(d);
        }
        if self.luhn {
            s = s.check_digit(CheckDigit::Luhn);
        }
        s
    }
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LoyaltyScheme::new()")?;
        if let Some(p) = &self.prefix {
            write!(f, ".prefix({p:?})")?;
        }
        if let Some(d) = self.digits {
            write!(f, ".digits({d})")?;
        }
        if self.luhn {
            f.write_str(".check_digit(CheckDigit::Luhn)")?;
        }
        Ok(())
    }
}

impl<'a> Arbitrary<'a> for Spec {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let fixed = |prefix: Option<&str>, digits: Option<u8>, luhn: bool| Spec {
            prefix: prefix.map(str::to_string),
            digits,
            luhn,
            infer: false,
        };
        Ok(match u8::arbitrary(u)? {
            b'0' => Spec::default(),
            b'1' => fixed(Some("LY"), Some(8), true),
            b'2' => fixed(Some("LY"), Some(8), false),
            b'3' => fixed(None, Some(7), false),
            b'4' => Spec {
                infer: true,
                ..Spec::default()
            },
            _ => {
                let prefix_len = u8::arbitrary(u)? % 4;
                let digits = u8::arbitrary(u)? % 25;
                let luhn = bool::arbitrary(u)?;
                let prefix = if prefix_len == 0 {
                    None
                } else {
                    // Real prefixes are letters; Region's letter decoding fits them.
                    let mut p = String::new();
                    for _ in 0..prefix_len.div_ceil(2) {
                        p.push_str(Region::arbitrary(u)?.as_str());
                    }
                    p.truncate(usize::from(prefix_len));
                    Some(p)
                };
                Spec {
                    prefix,
                    digits: (digits > 0).then_some(digits),
                    luhn,
                    infer: false,
                }
            }
        })
    }
}

#[derive(Arbitrary)]
struct Input<'a> {
    spec: Spec,
    raw: &'a str,
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.spec.infer {
            write!(
                f,
                "{{ let raw = {:?}; let scheme = LoyaltyScheme::infer(raw.lines()); \
                 for v in raw.lines() {{ idgraph::normalize::loyalty_id(v, &scheme); }} }}",
                self.raw
            )
        } else {
            write!(
                f,
                "idgraph::normalize::loyalty_id({:?}, &{:?})",
                self.raw, self.spec
            )
        }
    }
}

fn body(data: &[u8]) -> Corpus {
    if data.len() > MAX_VALUE_INPUT {
        return Corpus::Reject;
    }
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return Corpus::Reject;
    };
    if input.spec.infer {
        let scheme = LoyaltyScheme::infer(input.raw.lines());
        // An inferred scheme's check digit is not known here, so only the
        // invariants that hold for any scheme are checked.
        for value in input.raw.lines() {
            check(value, &scheme, None, &input);
        }
    } else {
        let luhn = input.spec.luhn;
        check(input.raw, &input.spec.scheme(), Some(luhn), &input);
    }
    Corpus::Keep
}

/// `luhn`: whether the scheme has a Luhn check digit, when known.
fn check(raw: &str, scheme: &LoyaltyScheme, luhn: Option<bool>, input: &Input<'_>) {
    let id = match normalize::loyalty_id(raw, scheme) {
        Ok(id) => id,
        Err(reason) => return assert_reason_hides(raw, &reason, input),
    };
    let canonical = id.as_str();
    assert!(
        !canonical.is_empty(),
        "accepted an empty member number\nreproducer: {input:?}"
    );
    match luhn {
        Some(false) => assert_eq!(
            id.check(),
            CheckStatus::NotChecked,
            "a scheme without a check digit checked one\nreproducer: {input:?}"
        ),
        Some(true) => assert!(
            matches!(id.check(), CheckStatus::Valid | CheckStatus::Failed),
            "a Luhn scheme gave {:?}\nreproducer: {input:?}",
            id.check()
        ),
        None => {}
    }
    match normalize::loyalty_id(canonical, scheme) {
        Ok(again) => assert_eq!(
            again, id,
            "not idempotent: {canonical:?} normalizes to {again:?}\nreproducer: {input:?}"
        ),
        Err(reason) => {
            panic!("canonical {canonical:?} is itself rejected: {reason:?}\nreproducer: {input:?}")
        }
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("normalize_loyalty", body)
}
