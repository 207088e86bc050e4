//! The supporting-evidence normalizers on any text: `name`, `Normalizer::name_parts`,
//! `birth_date`, `postal_code` and `address`, with or without a country.
//!
//! Invariants: no panic; a rejection's text never repeats the input; and for
//! accepted values what the public docs promise:
//! - name: at least one token, no empty token or token with white space,
//!   `given` is the first token and `family` the last tokens (given-then-family
//!   order), no `given_root` without a `given`; and the tokens joined by spaces
//!   (the canonical text the placeholder check reads) parse to the same tokens;
//! - birth date: a real date from 1880 to 2030, and its `YYYY-MM-DD` text parses
//!   back to the same date under the same country;
//! - postal code: trimmed, not empty, and normalizes to itself under the same country;
//! - address: trimmed, not empty, folded (no ASCII upper case), and normalizes to itself.
//!
//! Input: one field byte (`n` name, `g` given and family parts split at the
//! first tab, `b` birth date, `p` postal code, `a` address; any other byte
//! picks one of them), one country flag byte (odd: two country letters follow,
//! even: none), then the raw value as UTF-8 to the end of the file. So
//! `b1GB12/04/1990` is `birth_date("12/04/1990", Some("GB"))`.

#![cfg_attr(fuzzing, no_main)]

use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use idgraph::normalize::{self, Name, Normalizer};
use idgraph_fuzz::{assert_reason_hides, region_expr, Corpus, Region, MAX_VALUE_INPUT};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    NameParts,
    BirthDate,
    PostalCode,
    Address,
}

impl<'a> Arbitrary<'a> for Field {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        const ALL: [Field; 5] = [
            Field::Name,
            Field::NameParts,
            Field::BirthDate,
            Field::PostalCode,
            Field::Address,
        ];
        Ok(match u8::arbitrary(u)? {
            b'n' => Field::Name,
            b'g' => Field::NameParts,
            b'b' => Field::BirthDate,
            b'p' => Field::PostalCode,
            b'a' => Field::Address,
            other => ALL[usize::from(other) % ALL.len()],
        })
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (1, Some(1))
    }
}

#[derive(Arbitrary)]
struct Input<'a> {
    field: Field,
    country: Option<Region>,
    raw: &'a str,
}

impl Input<'_> {
    /// Given and family parts for `name_parts`: split at the first tab; a part
    /// that is empty is absent.
    fn parts(&self) -> (Option<&str>, Option<&str>) {
        let (given, family) = match self.raw.split_once('\t') {
            Some((g, f)) => (g, Some(f)),
            None => (self.raw, None),
        };
        (
            Some(given).filter(|g| !g.is_empty()),
            family.filter(|f| !f.is_empty()),
        )
    }
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (raw, country) = (self.raw, region_expr(self.country));
        match self.field {
            Field::Name => write!(f, "idgraph::normalize::name({raw:?})"),
            Field::NameParts => {
                let (given, family) = self.parts();
                write!(
                    f,
                    "idgraph::normalize::Normalizer::new().name_parts({given:?}, {family:?})"
                )
            }
            Field::BirthDate => write!(f, "idgraph::normalize::birth_date({raw:?}, {country})"),
            Field::PostalCode => write!(f, "idgraph::normalize::postal_code({raw:?}, {country})"),
            Field::Address => write!(f, "idgraph::normalize::address({raw:?})"),
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
    let country = input.country.as_ref().map(Region::as_str);
    match input.field {
        Field::Name => match normalize::name(input.raw) {
            Ok(n) => check_name(&n, &input),
            Err(reason) => assert_reason_hides(input.raw, &reason, &input),
        },
        Field::NameParts => {
            let (given, family) = input.parts();
            match Normalizer::new().name_parts(given, family) {
                Ok(n) => check_name(&n, &input),
                Err(reason) => {
                    for part in [given, family].into_iter().flatten() {
                        assert_reason_hides(part, &reason, &input);
                    }
                }
            }
        }
        Field::BirthDate => {
            match normalize::birth_date(input.raw, country) {
                Ok(d) => {
                    let (y, m, day) = (d.year(), d.month(), d.day());
                    assert!(
                        (1880..=2030).contains(&y)
                            && (1..=12).contains(&m)
                            && day >= 1
                            && day <= days_in_month(y, m),
                        "{d} is not a real date from 1880 to 2030\nreproducer: {input:?}"
                    );
                    let text = d.to_string();
                    match normalize::birth_date(&text, country) {
                    Ok(again) => assert_eq!(again, d, "{text:?} parses to {again}\nreproducer: {input:?}"),
                    Err(reason) => panic!("canonical {text:?} is itself rejected: {reason:?}\nreproducer: {input:?}"),
                }
                }
                Err(reason) => assert_reason_hides(input.raw, &reason, &input),
            }
        }
        Field::PostalCode => match normalize::postal_code(input.raw, country) {
            Ok(p) => {
                let canonical = p.as_str();
                assert!(
                    !canonical.is_empty() && canonical == canonical.trim(),
                    "postal code {canonical:?} is empty or not trimmed\nreproducer: {input:?}"
                );
                match normalize::postal_code(canonical, country) {
                    Ok(again) => assert_eq!(
                        again, p,
                        "not idempotent: {canonical:?} gives {again:?}\nreproducer: {input:?}"
                    ),
                    Err(reason) => {
                        panic!("canonical {canonical:?} is itself rejected: {reason:?}\nreproducer: {input:?}")
                    }
                }
            }
            Err(reason) => assert_reason_hides(input.raw, &reason, &input),
        },
        Field::Address => match normalize::address(input.raw) {
            Ok(a) => {
                let canonical = a.as_str();
                assert!(
                    !canonical.is_empty()
                        && canonical == canonical.trim()
                        && !canonical.bytes().any(|b| b.is_ascii_uppercase()),
                    "address {canonical:?} is empty, not trimmed or not folded\nreproducer: {input:?}"
                );
                match normalize::address(canonical) {
                    Ok(again) => assert_eq!(
                        again, a,
                        "not idempotent: {canonical:?} gives {again:?}\nreproducer: {input:?}"
                    ),
                    Err(reason) => {
                        panic!("canonical {canonical:?} is itself rejected: {reason:?}\nreproducer: {input:?}")
                    }
                }
            }
            Err(reason) => assert_reason_hides(input.raw, &reason, &input),
        },
    }
    Corpus::Keep
}

fn check_name(n: &Name, input: &Input<'_>) {
    let tokens = n.tokens();
    assert!(
        !tokens.is_empty(),
        "accepted a name without tokens\nreproducer: {input:?}"
    );
    assert!(
        tokens
            .iter()
            .all(|t| !t.is_empty() && !t.chars().any(char::is_whitespace)),
        "empty token or token with white space in {tokens:?}\nreproducer: {input:?}"
    );
    if let Some(given) = n.given() {
        assert_eq!(
            Some(given),
            tokens.first().map(String::as_str),
            "given is not the first token\nreproducer: {input:?}"
        );
    } else {
        assert!(
            n.given_root().is_none(),
            "given_root without a given name\nreproducer: {input:?}"
        );
    }
    if let Some(family) = n.family() {
        let words: Vec<&str> = family.split(' ').collect();
        assert!(
            tokens.len() >= words.len()
                && tokens[tokens.len() - words.len()..]
                    .iter()
                    .map(String::as_str)
                    .eq(words),
            "family {family:?} is not the last tokens of {tokens:?}\nreproducer: {input:?}"
        );
    }
    let canonical = tokens.join(" ");
    match normalize::name(&canonical) {
        Ok(again) => assert_eq!(
            again.tokens(),
            tokens,
            "not idempotent: {canonical:?} gives tokens {:?}\nreproducer: {input:?}",
            again.tokens()
        ),
        Err(reason) => {
            panic!("canonical {canonical:?} is itself rejected: {reason:?}\nreproducer: {input:?}")
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        _ => 28,
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("normalize_evidence", body)
}
