//! Postal codes per country.
//!
//! The value is trimmed, upper-cased and read under the record's country
//! (ISO 3166 alpha-2, any case). White space, `-` and `.` are separators;
//! any other character is [`RejectReason::InvalidSyntax`] for a known country.
//! Canonical forms:
//!
//! | Country | Accepted | Canonical |
//! |---|---|---|
//! | `US` (and `PR`, `VI`, `GU`, `AS`, `MP`) | `12345`, `12345-6789`, `123456789`, `1234` | `12345` (ZIP5), `01234` |
//! | `GB` (and `UK`, `GG`, `JE`, `IM`) | `SW1A 1AA`, `sw1a1aa`, `SW1A  1AA` | `SW1A 1AA` |
//! | `BR` | `01310-100`, `01310100`, `1310100` | `01310100` |
//! | `DE`, `FR`, `ES`, `IT` | `75001`, `7500` | `75001`, `07500` |
//! | `RO` | `010011`, `10011` | `010011` |
//! | `AU` | `2000`, `800` | `2000`, `0800` |
//! | `NL` | `1234 AB`, `1234ab` | `1234 AB` |
//! | `CA` | `K1A 0B1`, `k1a0b1` | `K1A 0B1` |
//! | `PT` | `1000-001`, `1000001` | `1000-001` |
//!
//! Why these choices:
//!
//! - US ZIP+4 is cut to ZIP5: most channels capture only five digits, so
//!   the +4 would make two records of one address disagree.
//! - One digit short means a leading zero lost in a spreadsheet (`07738`
//!   stored as a number): in the United States, Brazil, Germany, France,
//!   Spain, Italy, Romania (Bucharest codes start with 0) and Australia
//!   (Northern Territory codes start with 0) the zero is put back.
//! - An old European country prefix (`D-10115`, `F-75001`, `NL-1234 AB`)
//!   is dropped for the countries that used it.
//! - GB and CA codes are checked for their shape only, not for the letters
//!   each position may hold: a code of the right shape that happens not to
//!   be allocated still identifies an address as well as any other string.
//!
//! Without a country, shapes that only one of the countries above uses are
//! put in that country's canonical form (GB and CA codes, `1234 AB`,
//! `12345-6789`, `01310-100`, `1000-001`), so a record without a country
//! can still agree with one that has it. Everything else, and any code of a
//! country without rules here, is kept as upper-case letters and digits,
//! separators dropped (`110 00` and `11000` in Czechia, `D02 X285` and
//! `D02X285` in Ireland are one code: no country tells codes apart by where
//! a space goes), and a leading prefix of the record's own country dropped
//! (`SE-114 55` is `11455` in Sweden); it must hold 2 to 10 letters and
//! digits.

use super::text;
use crate::RejectReason;
use unicode_normalization::UnicodeNormalization;

/// A normalized postal code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PostalCode {
    value: String,
}

impl PostalCode {
    /// The canonical code (`"94107"`, `"SW1A 1AA"`, `"01310100"`).
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// Longest compact code read; longer values cannot be a postal code anywhere.
const MAX_ALNUM: usize = 10;

/// Parses a postal code; `country` (ISO alpha-2, upper case) picks the rules.
pub(crate) fn parse(raw: &str, country: Option<&str>) -> Result<PostalCode, RejectReason> {
    // NFKC only when needed: full-width digits typed on some keyboards.
    let normalized;
    let s = if raw.is_ascii() {
        raw.trim()
    } else {
        normalized = raw.nfkc().collect::<String>();
        normalized.trim()
    };
    // As a spreadsheet may give it back: quoted, or with a float's `.0`
    // (ZIP `2134.0`, its leading zero lost too: restored below as for `2134`).
    let s = text::without_float_tail(text::unquote(s));
    if s.is_empty() {
        return Err(RejectReason::Empty);
    }
    let country = country.map(str::trim).filter(|c| !c.is_empty());
    let Some(country) = country else {
        return infer(s);
    };
    let rules = match Rules::of(country) {
        Some(r) => r,
        None => return generic(s, Some(country)),
    };
    let code = Compact::read(s).ok_or(rules.invalid())?;
    rules.apply(&code)
}

/// A code with separators removed: upper-case ASCII letters and digits, and
/// the number of letters and digits before the first separator.
#[derive(Debug)]
struct Compact {
    chars: [u8; MAX_ALNUM],
    len: usize,
    first_group: usize,
}

impl Compact {
    /// `None` for a character that is neither a letter, a digit nor a
    /// separator, or for more than [`MAX_ALNUM`] letters and digits.
    fn read(s: &str) -> Option<Compact> {
        let mut code = Compact {
            chars: [0; MAX_ALNUM],
            len: 0,
            first_group: 0,
        };
        let mut separated = false;
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                *code.chars.get_mut(code.len)? = b.to_ascii_uppercase();
                code.len += 1;
                if !separated {
                    code.first_group = code.len;
                }
            } else if b.is_ascii_whitespace() || b == b'-' || b == b'.' {
                separated |= code.len > 0;
            } else {
                return None;
            }
        }
        Some(code)
    }

    fn bytes(&self) -> &[u8] {
        self.chars.get(..self.len).unwrap_or(&[])
    }

    fn all_digits(&self) -> bool {
        self.bytes().iter().all(u8::is_ascii_digit)
    }

    /// The code without a leading country prefix such as `D` or `NL`.
    fn without_prefix(&self, prefixes: &[&str]) -> &[u8] {
        let b = self.bytes();
        for p in prefixes {
            if let Some(rest) = b.strip_prefix(p.as_bytes()) {
                if rest.first().is_some_and(u8::is_ascii_digit) {
                    return rest;
                }
            }
        }
        b
    }
}

/// The countries with rules of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rules {
    Us,
    Gb,
    Br,
    /// Five digits; a lost leading zero is put back. Holds the old prefixes.
    FiveDigits(&'static [&'static str]),
    Ro,
    Au,
    Nl,
    Ca,
    Pt,
}

impl Rules {
    fn of(country: &str) -> Option<Rules> {
        let [a, b] = country.as_bytes() else {
            return None;
        };
        Some(match &[a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
            b"US" | b"PR" | b"VI" | b"GU" | b"AS" | b"MP" => Rules::Us,
            b"GB" | b"UK" | b"GG" | b"JE" | b"IM" => Rules::Gb,
            b"BR" => Rules::Br,
            b"DE" => Rules::FiveDigits(&["DE", "D"]),
            b"FR" => Rules::FiveDigits(&["FR", "F"]),
            b"ES" => Rules::FiveDigits(&["ES", "E"]),
            b"IT" => Rules::FiveDigits(&["IT", "I"]),
            b"RO" => Rules::Ro,
            b"AU" => Rules::Au,
            b"NL" => Rules::Nl,
            b"CA" => Rules::Ca,
            b"PT" => Rules::Pt,
            _ => return None,
        })
    }

    fn invalid(self) -> RejectReason {
        RejectReason::InvalidSyntax {
            rule: match self {
                Rules::Us => "US ZIP code is 5 digits or ZIP+4",
                Rules::Gb => "GB postcode is an outward code and a digit and two letters",
                Rules::Br => "BR CEP is 8 digits",
                Rules::FiveDigits(_) => "postal code is 5 digits",
                Rules::Ro => "RO postal code is 6 digits",
                Rules::Au => "AU postcode is 4 digits",
                Rules::Nl => "NL postcode is 4 digits and 2 letters",
                Rules::Ca => "CA postal code is letter digit letter digit letter digit",
                Rules::Pt => "PT postal code is 4 digits and 3 digits",
            },
        }
    }

    fn apply(self, code: &Compact) -> Result<PostalCode, RejectReason> {
        let b = code.bytes();
        let out = match self {
            Rules::Us if code.all_digits() => match b.len() {
                5 => Some(ascii(b)),
                // ZIP+4, the ZIP part possibly missing its leading zero.
                9 if code.first_group != 4 => b.get(..5).map(ascii),
                8 if code.first_group == 4 => b.get(..4).map(|z| padded(z, 5)),
                4 => Some(padded(b, 5)),
                _ => None,
            },
            Rules::Gb => gb(b),
            Rules::Br if code.all_digits() => match b.len() {
                8 => Some(ascii(b)),
                7 => Some(padded(b, 8)),
                _ => None,
            },
            Rules::FiveDigits(prefixes) => digits_padded(code.without_prefix(prefixes), 5),
            Rules::Ro => digits_padded(code.without_prefix(&["RO"]), 6),
            Rules::Au if code.all_digits() => match b.len() {
                3 | 4 => Some(padded(b, 4)),
                _ => None,
            },
            Rules::Nl => nl(code.without_prefix(&["NL"])),
            Rules::Ca => ca(b),
            Rules::Pt => pt(code.without_prefix(&["PT", "P"])),
            _ => None,
        };
        out.map(|value| PostalCode { value }).ok_or(self.invalid())
    }
}

fn ascii(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// Left-pads with zeros to `width`.
fn padded(b: &[u8], width: usize) -> String {
    let mut s = "0".repeat(width.saturating_sub(b.len()));
    s.extend(b.iter().map(|&c| char::from(c)));
    s
}

/// Exactly `width` digits, or one fewer (a lost leading zero).
fn digits_padded(b: &[u8], width: usize) -> Option<String> {
    let ok = b.iter().all(u8::is_ascii_digit) && (b.len() == width || b.len() + 1 == width);
    ok.then(|| padded(b, width))
}

/// GB: outward code (`A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`) and inward code (`9AA`).
fn gb(b: &[u8]) -> Option<String> {
    if b == b"GIR0AA" {
        return Some("GIR 0AA".to_owned());
    }
    let split = b.len().checked_sub(3)?;
    let (outward, inward) = b.split_at_checked(split)?;
    let letter = |c: &u8| c.is_ascii_uppercase();
    let digit = |c: &u8| c.is_ascii_digit();
    let inward_ok = matches!(inward, [d, l1, l2] if digit(d) && letter(l1) && letter(l2));
    let outward_ok = match outward {
        [a, d] => letter(a) && digit(d),
        // A99, A9A or AA9.
        [a, x, y] => {
            letter(a) && ((digit(x) && (digit(y) || letter(y))) || (letter(x) && digit(y)))
        }
        // AA99 or AA9A.
        [a, b2, d, x] => letter(a) && letter(b2) && digit(d) && (digit(x) || letter(x)),
        _ => false,
    };
    if inward_ok && outward_ok {
        two_parts(b, split, ' ')
    } else {
        None
    }
}

/// Formats `b` as two parts split at `at` with `sep` between them.
fn two_parts(b: &[u8], at: usize, sep: char) -> Option<String> {
    let (head, tail) = b.split_at_checked(at)?;
    let mut s = String::with_capacity(b.len() + 1);
    s.extend(head.iter().map(|&c| char::from(c)));
    s.push(sep);
    s.extend(tail.iter().map(|&c| char::from(c)));
    Some(s)
}

/// NL: four digits (not starting with 0) and two letters.
fn nl(b: &[u8]) -> Option<String> {
    match b {
        [d0, d1, d2, d3, l0, l1]
            if *d0 != b'0'
                && [d0, d1, d2, d3].iter().all(|d| d.is_ascii_digit())
                && l0.is_ascii_uppercase()
                && l1.is_ascii_uppercase() =>
        {
            two_parts(b, 4, ' ')
        }
        _ => None,
    }
}

/// CA: letter digit letter, digit letter digit.
fn ca(b: &[u8]) -> Option<String> {
    match b {
        [a, b1, c, d, e, f]
            if a.is_ascii_uppercase()
                && b1.is_ascii_digit()
                && c.is_ascii_uppercase()
                && d.is_ascii_digit()
                && e.is_ascii_uppercase()
                && f.is_ascii_digit() =>
        {
            two_parts(b, 3, ' ')
        }
        _ => None,
    }
}

/// PT: seven digits written `NNNN-NNN`.
fn pt(b: &[u8]) -> Option<String> {
    if b.len() == 7 && b.iter().all(u8::is_ascii_digit) {
        two_parts(b, 4, '-')
    } else {
        None
    }
}

/// No country: shapes used by only one supported country get its canonical form.
fn infer(s: &str) -> Result<PostalCode, RejectReason> {
    if let Some(code) = Compact::read(s) {
        let b = code.bytes();
        let digits = code.all_digits();
        let rules = match (b.first(), digits, code.len, code.first_group) {
            (Some(c), false, 5..=7, _) if c.is_ascii_uppercase() => [Rules::Gb, Rules::Ca]
                .into_iter()
                .find(|r| r.apply(&code).is_ok()),
            (Some(c), false, 6, _) if c.is_ascii_digit() => Some(Rules::Nl),
            (_, true, 9, 5) => Some(Rules::Us),
            (_, true, 8, 5) => Some(Rules::Br),
            (_, true, 7, 4) => Some(Rules::Pt),
            _ => None,
        };
        if let Some(Ok(p)) = rules.map(|r| r.apply(&code)) {
            return Ok(p);
        }
    }
    generic(s, None)
}

/// Any other country: letters and digits upper-cased, separators and a
/// leading prefix of `country` dropped.
fn generic(s: &str, country: Option<&str>) -> Result<PostalCode, RejectReason> {
    let mut value = String::with_capacity(s.len().min(MAX_ALNUM + 1));
    let mut count = 0usize;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            count += 1;
            if count > MAX_ALNUM {
                break;
            }
            value.push(c.to_ascii_uppercase());
        } else if c.is_alphanumeric() {
            return Err(RejectReason::InvalidSyntax {
                rule: "postal code has characters other than A-Z and 0-9",
            });
        }
    }
    if let Some(prefix) = country.filter(|c| c.len() == 2) {
        let rest = value
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .and_then(|_| value.get(2..))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
        if let Some(rest) = rest {
            count -= 2;
            value = rest.to_owned();
        }
    }
    if !(2..=MAX_ALNUM).contains(&count) {
        return Err(RejectReason::InvalidSyntax {
            rule: "postal code is 2 to 10 letters and digits",
        });
    }
    Ok(PostalCode { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERIC_LEN: RejectReason = RejectReason::InvalidSyntax {
        rule: "postal code is 2 to 10 letters and digits",
    };
    const FIVE: RejectReason = RejectReason::InvalidSyntax {
        rule: "postal code is 5 digits",
    };

    /// Each row: raw code and country -> canonical code or the rejection.
    fn check(rows: &[(&str, Option<&str>, Result<&str, RejectReason>)]) {
        for (raw, country, expected) in rows {
            let got = parse(raw, *country).map(|p| p.as_str().to_owned());
            assert_eq!(
                got,
                expected.clone().map(str::to_owned),
                "{raw:?} in {country:?}"
            );
        }
    }

    #[test]
    fn postal_us_zip5() {
        check(&[
            ("94107", Some("US"), Ok("94107")),
            (" 94107 ", Some("US"), Ok("94107")),
            ("00501", Some("PR"), Ok("00501")),
            // A spreadsheet's number: leading zero lost, `.0` added, or quoted.
            ("2134.0", Some("US"), Ok("02134")),
            ("\"02134\"", Some("US"), Ok("02134")),
        ]);
    }

    #[test]
    fn postal_us_zip_plus4_cut_to_zip5() {
        check(&[
            ("94107-1234", Some("US"), Ok("94107")),
            ("941071234", Some("US"), Ok("94107")),
            ("94107 1234", Some("US"), Ok("94107")),
        ]);
    }

    #[test]
    fn postal_us_lost_leading_zero() {
        check(&[
            ("7738", Some("US"), Ok("07738")),
            ("7738-1234", Some("US"), Ok("07738")),
        ]);
    }

    #[test]
    fn postal_us_invalid() {
        let us = Rules::Us.invalid();
        check(&[
            ("77381234", Some("US"), Err(us.clone())),
            ("941", Some("US"), Err(us.clone())),
            ("941071", Some("US"), Err(us.clone())),
            ("9410A", Some("US"), Err(us.clone())),
            ("94107/1234", Some("US"), Err(us.clone())),
            ("SW1A 1AA", Some("US"), Err(us)),
        ]);
    }

    #[test]
    fn postal_gb_every_outward_shape() {
        check(&[
            ("M1 1AE", Some("GB"), Ok("M1 1AE")),
            ("B24 1UD", Some("GB"), Ok("B24 1UD")),
            ("W1A 0AX", Some("GB"), Ok("W1A 0AX")),
            ("CR2 6XH", Some("GB"), Ok("CR2 6XH")),
            ("DN90 4AR", Some("GB"), Ok("DN90 4AR")),
            ("EC1A 1BB", Some("GB"), Ok("EC1A 1BB")),
            ("GIR 0AA", Some("GB"), Ok("GIR 0AA")),
        ]);
    }

    #[test]
    fn postal_gb_spacing_and_case() {
        check(&[
            ("sw1a1aa", Some("GB"), Ok("SW1A 1AA")),
            ("  SW1A   1AA ", Some("GB"), Ok("SW1A 1AA")),
            ("w66 8pl", Some("GB"), Ok("W66 8PL")),
            ("RH0A9TQ", Some("GB"), Ok("RH0A 9TQ")),
            ("SW1A-1AA", Some("GB"), Ok("SW1A 1AA")),
            ("EC1A 1BB", Some("UK"), Ok("EC1A 1BB")),
            ("JE2 3AB", Some("JE"), Ok("JE2 3AB")),
        ]);
    }

    #[test]
    fn postal_gb_invalid() {
        let gb = Rules::Gb.invalid();
        check(&[
            ("SW1A 1A", Some("GB"), Err(gb.clone())),
            ("1SW 1AA", Some("GB"), Err(gb.clone())),
            ("SW1AA 1AA", Some("GB"), Err(gb.clone())),
            ("SW1A 11A", Some("GB"), Err(gb.clone())),
            ("S 1AA", Some("GB"), Err(gb.clone())),
            ("94107", Some("GB"), Err(gb)),
        ]);
    }

    #[test]
    fn postal_br() {
        check(&[
            ("01310-100", Some("BR"), Ok("01310100")),
            ("01310100", Some("BR"), Ok("01310100")),
            ("01.310-100", Some("BR"), Ok("01310100")),
            ("1310100", Some("BR"), Ok("01310100")),
            ("1310-100", Some("BR"), Ok("01310100")),
        ]);
    }

    #[test]
    fn postal_br_invalid() {
        let br = Rules::Br.invalid();
        check(&[
            ("013101", Some("BR"), Err(br.clone())),
            ("013101000", Some("BR"), Err(br.clone())),
            ("01310-10A", Some("BR"), Err(br)),
        ]);
    }

    #[test]
    fn postal_de() {
        check(&[
            ("10115", Some("DE"), Ok("10115")),
            ("1067", Some("DE"), Ok("01067")),
            ("D-10115", Some("DE"), Ok("10115")),
            ("DE 10115", Some("DE"), Ok("10115")),
        ]);
    }

    #[test]
    fn postal_fr() {
        check(&[
            ("75001", Some("FR"), Ok("75001")),
            ("75 001", Some("FR"), Ok("75001")),
            ("1000", Some("FR"), Ok("01000")),
            ("F-75001", Some("FR"), Ok("75001")),
        ]);
    }

    #[test]
    fn postal_es() {
        check(&[
            ("28001", Some("ES"), Ok("28001")),
            ("8001", Some("ES"), Ok("08001")),
            ("E-28001", Some("ES"), Ok("28001")),
        ]);
    }

    #[test]
    fn postal_it() {
        check(&[
            ("00100", Some("IT"), Ok("00100")),
            ("I-00100", Some("IT"), Ok("00100")),
            ("100", Some("IT"), Err(FIVE)),
        ]);
    }

    #[test]
    fn postal_five_digit_invalid() {
        check(&[
            ("751234", Some("FR"), Err(FIVE)),
            ("D-10115", Some("FR"), Err(FIVE)),
            ("ABCDE", Some("DE"), Err(FIVE)),
            ("--", Some("FR"), Err(FIVE)),
            ("75001!", Some("FR"), Err(FIVE)),
        ]);
    }

    #[test]
    fn postal_ro() {
        let ro = Rules::Ro.invalid();
        check(&[
            ("010011", Some("RO"), Ok("010011")),
            ("10011", Some("RO"), Ok("010011")),
            ("443183", Some("RO"), Ok("443183")),
            ("RO-443183", Some("RO"), Ok("443183")),
            ("4431830", Some("RO"), Err(ro)),
        ]);
    }

    #[test]
    fn postal_au() {
        check(&[
            ("2000", Some("AU"), Ok("2000")),
            ("800", Some("AU"), Ok("0800")),
            ("20000", Some("AU"), Err(Rules::Au.invalid())),
        ]);
    }

    #[test]
    fn postal_nl() {
        let nl = Rules::Nl.invalid();
        check(&[
            ("1234 AB", Some("NL"), Ok("1234 AB")),
            ("1234ab", Some("NL"), Ok("1234 AB")),
            ("NL-1234 AB", Some("NL"), Ok("1234 AB")),
            ("0234 AB", Some("NL"), Err(nl.clone())),
            ("1234", Some("NL"), Err(nl)),
        ]);
    }

    #[test]
    fn postal_ca() {
        let ca = Rules::Ca.invalid();
        check(&[
            ("K1A 0B1", Some("CA"), Ok("K1A 0B1")),
            ("k1a0b1", Some("CA"), Ok("K1A 0B1")),
            ("K1A 0B", Some("CA"), Err(ca.clone())),
            ("KKA 0B1", Some("CA"), Err(ca)),
        ]);
    }

    #[test]
    fn postal_pt() {
        let pt = Rules::Pt.invalid();
        check(&[
            ("1000-001", Some("PT"), Ok("1000-001")),
            ("1000001", Some("PT"), Ok("1000-001")),
            ("P-1000-001", Some("PT"), Ok("1000-001")),
            ("1000", Some("PT"), Err(pt)),
        ]);
    }

    #[test]
    fn postal_no_country_infers_unique_shapes() {
        check(&[
            ("sw1a1aa", None, Ok("SW1A 1AA")),
            ("w66 8pl", None, Ok("W66 8PL")),
            ("k1a0b1", None, Ok("K1A 0B1")),
            ("1234ab", None, Ok("1234 AB")),
            ("94107-1234", None, Ok("94107")),
            ("01310-100", None, Ok("01310100")),
            ("1000-001", None, Ok("1000-001")),
        ]);
    }

    #[test]
    fn postal_no_country_generic() {
        check(&[
            ("94107", None, Ok("94107")),
            ("443183", None, Ok("443183")),
            ("7738", None, Ok("7738")),
            ("01310100", None, Ok("01310100")),
            ("941071234", None, Ok("941071234")),
            ("94107", Some(""), Ok("94107")),
        ]);
    }

    #[test]
    fn postal_unknown_country_generic() {
        check(&[
            ("100-0001", Some("JP"), Ok("1000001")),
            (" 8001   ab ", Some("ZZ"), Ok("8001AB")),
            ("110 00", Some("CZ"), Ok("11000")),
            ("11000", Some("CZ"), Ok("11000")),
            ("SE-114 55", Some("SE"), Ok("11455")),
            ("114 55", Some("se"), Ok("11455")),
            ("D02 X285", Some("IE"), Ok("D02X285")),
            ("LV-1050", Some("LV"), Ok("1050")),
            // Only the record's own country, and only before digits.
            ("SE-114 55", Some("NO"), Ok("SE11455")),
            ("SEA 1", Some("SE"), Ok("SEA1")),
            ("SE1", Some("SE"), Err(GENERIC_LEN)),
            ("94107-1234", Some("MX"), Ok("941071234")),
            ("sw1a1aa", Some("IE"), Ok("SW1A1AA")),
            ("94107", Some("USA"), Ok("94107")),
        ]);
    }

    #[test]
    fn postal_generic_invalid() {
        check(&[
            ("1", None, Err(GENERIC_LEN)),
            ("12345678901", None, Err(GENERIC_LEN)),
            ("--", None, Err(GENERIC_LEN)),
            (
                "\u{C4}B 12",
                None,
                Err(RejectReason::InvalidSyntax {
                    rule: "postal code has characters other than A-Z and 0-9",
                }),
            ),
        ]);
    }

    #[test]
    fn postal_country_case_and_space() {
        check(&[
            ("94107", Some("us"), Ok("94107")),
            ("sw1a1aa", Some(" gb "), Ok("SW1A 1AA")),
        ]);
    }

    #[test]
    fn postal_fullwidth_digits() {
        check(&[(
            "\u{FF19}\u{FF14}\u{FF11}\u{FF10}\u{FF17}",
            Some("US"),
            Ok("94107"),
        )]);
    }

    #[test]
    fn postal_empty() {
        check(&[
            ("", Some("US"), Err(RejectReason::Empty)),
            ("   ", None, Err(RejectReason::Empty)),
            ("\u{3000}", None, Err(RejectReason::Empty)),
        ]);
    }

    #[test]
    fn postal_odd_input_never_panics() {
        let rows = [
            "\u{0}",
            "\u{e9}",
            "12345678901234567890-1234",
            "\u{FDFA}",
            "-.-.",
            "A",
        ];
        for raw in rows {
            for country in [
                None,
                Some("US"),
                Some("GB"),
                Some("BR"),
                Some("NL"),
                Some("x"),
            ] {
                let _ = parse(raw, country);
            }
        }
    }
}
