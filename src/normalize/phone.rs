//! Phone numbers to E.164.
//!
//! A raw value is first unwrapped from what surrounds it where it was copied
//! from (quotes, a `tel:` URI, a `Tel:` label, a bracketed note such as
//! `(home)`, a list separator, a spreadsheet's `.0`), cleaned to its digits
//! and a flag for a leading `+` (separators and an extension suffix
//! dropped), then
//! read under several interpretations in a fixed order; the first one that the
//! `rlibphonenumber` metadata (a port of Google's libphonenumber) calls
//! *valid* wins:
//!
//! 1. explicit international (`+44 ...`, also `+44 (0)20 ...`: the trunk
//!    `0` is dropped by the metadata where the region has one);
//! 2. national, in the record's region or else in each fallback region in
//!    order (the metadata also strips the region's trunk prefix and its own
//!    international prefix; digits that begin with the region's own country
//!    code are first read as that code typed without `+`); a `+`
//!    number that is not valid internationally gets this reading too, for a
//!    `+` typed before a national number;
//! 3. the digits with `+` prepended (a country code typed without `+`);
//! 4. the digits after a leading `00`, or after `011` when a candidate region
//!    is in the North American plan (+1).
//!
//! Validity is the metadata's, not a length check: numbers in unallocated
//! ranges, or matching only a country's overall pattern and none of its
//! number types, are refused. The US `555-01XX` fiction range *is* valid in
//! this metadata (libphonenumber's own US example number is `201-555-0123`),
//! while Ofcom's drama range `07700 900XXX` is *not* a valid GB mobile.

use std::cell::RefCell;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, Region as RegionId, PHONE_NUMBER_UTIL};

use crate::normalize::placeholder;
use crate::normalize::text::{self, nfkc_lower};
use crate::util;
use crate::RejectReason;

/// A phone number in E.164 form (`+14155550132`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone {
    e164: String,
    country_code: u16,
}

impl Phone {
    /// The E.164 form, with the leading `+`.
    pub fn as_str(&self) -> &str {
        &self.e164
    }
    /// The country calling code (`1`, `44`, `55`).
    pub fn country_code(&self) -> u16 {
        self.country_code
    }
    /// The national significant number: the digits after the country code.
    pub fn national_number(&self) -> &str {
        // Counted arithmetically so the accessor neither allocates nor can
        // slice out of bounds.
        let cc_len = decimal_len(self.country_code);
        self.e164.get(1 + cc_len..).unwrap_or("")
    }
}

/// Fewest digits a phone number may have (after dropping an extension).
const MIN_DIGITS: usize = 6;
/// Most digits accepted: 15 (E.164) plus a 2-digit international prefix,
/// which leaves room for `00` + a full international number.
const MAX_DIGITS: usize = 17;
/// Most digits an extension suffix may have to be recognised and dropped.
const MAX_EXTENSION_DIGITS: usize = 7;

/// Parses one raw number. `region` is the record's ISO 3166 alpha-2 country
/// (upper case); when it is `None`, `fallback` regions are tried in order and
/// the first under which the number is valid wins.
///
/// Syntax is checked before the region: letters (other than an extension
/// suffix), stray symbols, a `+` after a digit, fewer than 6 or more than 17
/// digits are [`RejectReason::InvalidSyntax`] whatever the region. A record
/// region that the metadata does not know is [`RejectReason::UnknownRegion`]
/// even for a `+` number (the record's country is wrong and should be seen);
/// an unknown fallback region is, only when the number needs a region
/// (fallbacks are configuration, consulted for national numbers). A number
/// that is valid under no
/// interpretation is [`RejectReason::InvalidForRegion`] naming the record's
/// region, else the first fallback region, else `"??"`. Without region and
/// fallback, only `+` and `00` numbers can be read; other numbers are
/// [`RejectReason::NoRegion`]. (`011` is not read as an international prefix
/// without a North American region, because `0116...` is also a UK national
/// number.)
#[cfg(test)]
pub(crate) fn parse(
    raw: &str,
    region: Option<&str>,
    fallback: &[&str],
) -> Result<Phone, RejectReason> {
    parse_tracked(raw, region, fallback).0
}

/// How many leading fallback regions an outcome rests on: none, the first
/// `k` (the number was valid in region `k - 1` and in none before it), or
/// [`ALL_FALLBACKS`] (the whole list, and that each of its codes is known).
/// With any fallback list that agrees on those, [`parse`] gives the same
/// outcome: the resolver normalizes while it is still estimating the list,
/// and redoes only the numbers the estimate changed.
pub(crate) type FallbackUse = u8;

/// The outcome rests on every fallback region (see [`FallbackUse`]).
pub(crate) const ALL_FALLBACKS: FallbackUse = u8::MAX;

/// [`parse`], with how much of `fallback` the outcome rests on.
pub(crate) fn parse_tracked(
    raw: &str,
    region: Option<&str>,
    fallback: &[&str],
) -> (Result<Phone, RejectReason>, FallbackUse) {
    let cleaned = match clean_raw(raw) {
        Ok(c) => c,
        Err(e) => return (Err(e), 0),
    };
    let region = match region {
        Some(r) => match region_code(r) {
            Some(code) => Some(code),
            None => return (Err(RejectReason::UnknownRegion), 0),
        },
        None => None,
    };
    match cache_key(&cleaned, region, fallback) {
        Some(key) => cached(key, || interpret(&cleaned, region, fallback)),
        None => interpret(&cleaned, region, fallback),
    }
}

// ---------------------------------------------------------------------------
// Cleaning

/// The digits of a number and whether it began with `+`: everything that
/// decides the outcome once the region is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cleaned {
    plus: bool,
    len: usize,
    digits: [u8; MAX_DIGITS],
}

impl Cleaned {
    fn digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }
}

const LETTERS: RejectReason = RejectReason::InvalidSyntax {
    rule: "letters in a phone number",
};
const SYMBOL: RejectReason = RejectReason::InvalidSyntax {
    rule: "unexpected character in a phone number",
};
const LATE_PLUS: RejectReason = RejectReason::InvalidSyntax {
    rule: "plus sign after the first digit",
};
const TOO_FEW: RejectReason = RejectReason::InvalidSyntax {
    rule: "fewer than 6 digits",
};
const TOO_MANY: RejectReason = RejectReason::InvalidSyntax {
    rule: "more than 17 digits",
};

/// The number inside what surrounds it where it was copied from: quotes
/// around the whole value, a list separator after it (`;`, `,`), a `tel:`
/// URI with its parameters (`tel:+1-201-555-0123;ext=12`), a label before it
/// (`Tel: `, `Mobile: `, `M: `), a note in brackets after it (`(home)`), and
/// the `.0` a spreadsheet adds to a number it stored as a float
/// (`4155550132.0`, which would otherwise read as eleven digits).
fn unwrap_number(s: &str) -> &str {
    let mut s = s.trim();
    // Twice, for wrappers inside one another (`"201 555 0123" (home)`).
    for _ in 0..2 {
        s = text::unquote(s);
        s = s.trim_end_matches([';', ',']).trim_end();
        if let Some((label, rest)) = s.split_once(':') {
            let is_tel = label.eq_ignore_ascii_case("tel");
            if is_tel
                || (label.chars().count() <= 12 && label.trim().chars().all(char::is_alphabetic))
            {
                s = rest.trim();
                if is_tel {
                    s = s.split(';').next().unwrap_or(s).trim();
                }
            }
        }
        if let Some(open) = s.strip_suffix(')').and_then(|r| r.rfind('(')) {
            let note = &s[open + 1..s.len() - 1];
            if note.chars().any(char::is_alphabetic)
                && note.chars().all(|c| c.is_alphabetic() || c == ' ')
            {
                s = s[..open].trim_end();
            }
        }
    }
    text::without_float_tail(s)
}

/// A raw value's number: unwrapped from what surrounds it, then cleaned.
fn clean_raw(raw: &str) -> Result<Cleaned, RejectReason> {
    if raw.is_ascii() {
        clean(unwrap_number(raw))
    } else {
        // NFKC folds fullwidth digits, `＋` and exotic spaces to ASCII; it
        // allocates, so plain ASCII input skips it.
        clean(unwrap_number(&nfkc_lower(raw)))
    }
}

fn clean(s: &str) -> Result<Cleaned, RejectReason> {
    let mut out = Cleaned {
        plus: false,
        len: 0,
        digits: [0; MAX_DIGITS],
    };
    for (i, c) in s.char_indices() {
        if let Some(d) = digit_value(c) {
            let slot = out.digits.get_mut(out.len).ok_or(TOO_MANY)?;
            *slot = d;
            out.len += 1;
        } else if c == '+' {
            // Repeated leading pluses (`++44`) are a typing slip, not a second number.
            if out.len > 0 {
                return Err(LATE_PLUS);
            }
            out.plus = true;
        } else if is_separator(c) {
            // Brackets too: the `0` of `+44 (0)20 ...` is kept here, and the
            // metadata drops it as the region's trunk prefix; that also keeps
            // it where it belongs to the number (`+39 (0)6 ...` is Rome).
        } else if out.len > 0 && s.get(i..).is_some_and(is_extension) {
            break;
        } else if c.is_alphabetic() {
            return Err(LETTERS);
        } else {
            return Err(SYMBOL);
        }
    }
    if out.len < MIN_DIGITS {
        return Err(TOO_FEW);
    }
    Ok(out)
}

/// ASCII digits, and the Arabic-Indic, Eastern Arabic-Indic and Devanagari
/// digits that NFKC leaves alone but people do type into phone fields.
fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{966}'..='\u{96F}' => '\u{966}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero))
        .ok()
        .map(|d| d + b'0')
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '.' | '-' | '/' | '(' | ')' | '[' | ']'
            // Unicode dashes and the minus sign, which word processors substitute.
            | '\u{2010}'..='\u{2015}' | '\u{2212}'
            // Invisible format characters copied along with numbers: soft
            // hyphen, zero-width space and joiners, bidi marks and embeddings,
            // word joiner, bidi isolates, byte order mark.
            | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    ) || c.is_whitespace()
}

/// Whether `rest` is an extension suffix (`x123`, `ext. 12`, `#5`) and
/// nothing else: a marker, optional punctuation, 1 to 7 digits, white space.
fn is_extension(rest: &str) -> bool {
    const MARKERS: [&str; 5] = ["extension", "extn", "ext", "x", "#"];
    let Some(marker) = MARKERS.iter().find(|m| {
        rest.as_bytes()
            .get(..m.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(m.as_bytes()))
    }) else {
        return false;
    };
    let Some(tail) = rest.get(marker.len()..) else {
        return false;
    };
    let tail =
        tail.trim_start_matches(|c: char| matches!(c, '.' | ':' | '=' | '-') || c.is_whitespace());
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    (1..=MAX_EXTENSION_DIGITS).contains(&digits)
        && tail.get(digits..).is_some_and(|t| t.trim().is_empty())
}

// ---------------------------------------------------------------------------
// Regions

/// A region code as two upper-case ASCII letters, if it has that shape
/// (lower case is accepted: the case carries no meaning).
fn region_code(code: &str) -> Option<[u8; 2]> {
    match code.as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => None,
    }
}

/// A region known to the phone metadata, with its country calling code.
#[derive(Clone, Copy, Debug)]
struct Region {
    id: RegionId,
    code: [u8; 2],
    calling_code: u16,
}

fn known_region(code: [u8; 2]) -> Option<Region> {
    let s = std::str::from_utf8(&code).ok()?;
    // Every pair of letters is a `Region` value; only the metadata knows
    // which of them are real regions, by having a calling code for them.
    let id = RegionId::from_code(s).ok()?;
    let calling_code = PHONE_NUMBER_UTIL.get_country_code_for_region(id)?;
    Some(Region {
        id,
        code,
        calling_code: u16::try_from(calling_code).ok()?,
    })
}

/// Whether the phone metadata knows every one of these region codes.
pub(crate) fn all_known(codes: &[&str]) -> bool {
    codes
        .iter()
        .all(|c| region_code(c).and_then(known_region).is_some())
}

/// What a raw number tells, from its digits alone, of the region it comes
/// from (see [`origin`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Written with `+`: the region its calling code names (`+44 ...` names
    /// GB; a code several regions share names its main one: `+1` is US, `+7`
    /// RU).
    Calling([u8; 2]),
    /// Written without `+` or `00`: a national number, whose digits only a
    /// region's numbering plan reads.
    National(NationalDigits),
}

/// The digits of a national number, on the stack: the input statistics take
/// an origin for every number read and keep only a sample of the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NationalDigits(Cleaned);

impl NationalDigits {
    /// The ASCII digits.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.digits()
    }
}

/// The [`Origin`] of a raw number, without the metadata's parse or
/// validation: cheap enough to take for every record read. `None` for an
/// unreadable number, one after `00` (it names its country, but no region
/// is counted for it), a `+` code of no region (`+800`), or a number whose
/// digits are a placeholder's pattern (`+10000000000` typed to fill a form
/// says nothing of where its records come from).
pub(crate) fn origin(raw: &str) -> Option<Origin> {
    let cleaned = clean_raw(raw).ok()?;
    let digits = cleaned.digits();
    if placeholder::phone_pattern(std::str::from_utf8(digits).ok()?) {
        return None;
    }
    if !cleaned.plus {
        return match digits {
            [b'0', b'0', ..] => None,
            _ => Some(Origin::National(NationalDigits(cleaned))),
        };
    }
    // Calling codes are prefix-free: the first prefix that is one is the code.
    (1..=3).find_map(|len| {
        let code = digits
            .get(..len)?
            .iter()
            .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
        main_region(code).map(Origin::Calling)
    })
}

/// The main region of a calling code (`1`: US, `7`: RU, `44`: GB), if the
/// metadata has one.
fn main_region(code: i32) -> Option<[u8; 2]> {
    let main = PHONE_NUMBER_UTIL
        .get_regions_for_country_calling_code(code)?
        .next()?;
    region_code(&main.as_region_str())
}

/// Most regions [`regions_reading`] returns.
const MAX_VOTED_REGIONS: usize = 4;
/// Random numbers of each length a region's looseness is measured on.
const LOOSENESS_PROBES: usize = 64;

/// The regions whose numbering plans read the most of `numbers` (the digits
/// of national numbers whose records name no region) as valid, best first.
///
/// The region that reads the most wins. Some plans are loose enough to call
/// most numbers of a length valid (a Spanish `612 345 678` is also a valid
/// German and Moroccan number), so among regions that read as many, `hint`
/// (what else the records say of a region, such as their emails' country
/// domains) decides; then the region whose numbers are written as the
/// numbers are (where the national prefix is `0`, national numbers begin
/// with it); then the tighter plan: the one that reads fewer random numbers
/// of the same lengths, for which the numbers are the less likely accident.
/// Then, among the numbers the winner leaves unread, the next region is
/// chosen the same way (a mixed population), as long as it reads at least
/// two of them and one in twenty of all. One region per calling code (its
/// main one): the regions of a code share one plan (a Canadian number read
/// in the US is the same `+1` number).
pub(crate) fn regions_reading(numbers: &[&[u8]], hint: impl Fn([u8; 2]) -> i64) -> Vec<[u8; 2]> {
    let mut codes: Vec<i32> = PHONE_NUMBER_UTIL.get_supported_calling_codes().collect();
    codes.sort_unstable();
    codes.dedup();
    let regions: Vec<Region> = codes
        .into_iter()
        .filter_map(|code| known_region(main_region(code)?))
        .collect();
    // Which numbers each region reads.
    let reads: Vec<Vec<bool>> = regions
        .iter()
        .map(|&r| {
            numbers
                .iter()
                .map(|d| read_national(r, d).is_some())
                .collect()
        })
        .collect();
    let mut left: Vec<usize> = (0..numbers.len()).collect();
    let mut chosen: Vec<[u8; 2]> = Vec::new();
    while chosen.len() < MAX_VOTED_REGIONS {
        let count = |r: usize| left.iter().filter(|&&i| reads[r][i]).count();
        let counts: Vec<usize> = (0..regions.len()).map(count).collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        let enough = if chosen.is_empty() {
            1
        } else {
            2.max(numbers.len().div_ceil(20))
        };
        if most < enough {
            break;
        }
        // Where national numbers are written with a leading `0` (a trunk
        // prefix: `0612 345 078` in Morocco; a plain `612 345 078` in Spain),
        // as the region's example number shows, numbers without it are
        // unlikely to be the region's.
        let written_so = |r: usize| {
            let trunk_zero = PHONE_NUMBER_UTIL
                .get_example_number(regions[r].id)
                .ok()
                .is_some_and(|n| {
                    n.format_as(PhoneNumberFormat::National)
                        .trim_start_matches(|c: char| !c.is_ascii_digit())
                        .starts_with('0')
                });
            left.iter()
                .filter(|&&i| reads[r][i] && (!trunk_zero || numbers[i].first() == Some(&b'0')))
                .count()
        };
        // Among the regions that read the most: the hint, then the way the
        // numbers are written, each key taken once per region.
        let keyed: Vec<(usize, (i64, usize))> = (0..regions.len())
            .filter(|&r| counts[r] == most)
            .map(|r| (r, (hint(regions[r].code), written_so(r))))
            .collect();
        let top = keyed.iter().map(|&(_, key)| key).max();
        let tied: Vec<usize> = keyed
            .into_iter()
            .filter(|&(_, key)| Some(key) == top)
            .map(|(r, _)| r)
            .collect();
        // Tighter: the numbers are the less likely accident of its plan.
        let tightness = |r: usize| -> f64 {
            let mut shares: HashMap<usize, f64> = HashMap::new();
            left.iter()
                .filter(|&&i| reads[r][i])
                .map(|&i| {
                    let len = numbers[i].len();
                    -shares
                        .entry(len)
                        .or_insert_with(|| share_read(regions[r], len))
                        .ln()
                })
                .sum()
        };
        let mut best: Option<(f64, usize)> = None;
        for &r in &tied {
            let t = if tied.len() > 1 { tightness(r) } else { 0.0 };
            // Ties go to the region listed first (by calling code).
            if best.is_none_or(|(b, _)| t > b) {
                best = Some((t, r));
            }
        }
        let Some((_, r)) = best else { break };
        chosen.push(regions[r].code);
        left.retain(|&i| !reads[r][i]);
    }
    chosen
}

/// The share of [`LOOSENESS_PROBES`] random numbers of `len` digits that
/// region `r` reads, at least half a probe's worth (the probes are fixed, so
/// the answer is too).
fn share_read(r: Region, len: usize) -> f64 {
    let mut state = 0x5eed_u64 ^ (len as u64);
    let mut digits = [0u8; MAX_DIGITS];
    let Some(probe) = digits.get_mut(..len) else {
        return 1.0;
    };
    let mut read = 0usize;
    for _ in 0..LOOSENESS_PROBES {
        for d in probe.iter_mut() {
            *d = b'0' + (util::splitmix(&mut state) % 10) as u8;
        }
        read += usize::from(read_national(r, probe).is_some());
    }
    (read as f64).max(0.5) / LOOSENESS_PROBES as f64
}

fn region_name(code: [u8; 2]) -> String {
    String::from_utf8_lossy(&code).into_owned()
}

// ---------------------------------------------------------------------------
// Interpretation

fn interpret(
    cleaned: &Cleaned,
    region: Option<[u8; 2]>,
    fallback: &[&str],
) -> (Result<Phone, RejectReason>, FallbackUse) {
    let digits = cleaned.digits();

    // Regions under which a national reading is tried, in order.
    let mut candidates: Vec<Region> = Vec::new();
    if let Some(code) = region {
        match known_region(code) {
            Some(r) => candidates.push(r),
            None => return (Err(RejectReason::UnknownRegion), 0),
        }
    }

    // A `+` is explicit, so it is read first and needs no region.
    if cleaned.plus {
        if let Some(p) = read_international(digits) {
            return (Ok(p), 0);
        }
    }

    // From here on, a record without a region relies on the fallback list:
    // on its first regions when one of them reads the number, else on all.
    let all = if region.is_none() { ALL_FALLBACKS } else { 0 };
    if region.is_none() {
        for code in fallback {
            match region_code(code).and_then(known_region) {
                Some(r) => candidates.push(r),
                None => return (Err(RejectReason::UnknownRegion), all),
            }
        }
    }

    for (i, &r) in candidates.iter().enumerate() {
        if let Some(p) = read_national(r, digits) {
            let used = if region.is_none() {
                FallbackUse::try_from(i + 1).unwrap_or(ALL_FALLBACKS)
            } else {
                0
            };
            return (Ok(p), used);
        }
    }

    // A country code typed without `+`. Never tried without a region: a bare
    // national number would too often happen to be valid somewhere else.
    if !cleaned.plus && !candidates.is_empty() {
        if let Some(p) = read_international(digits) {
            return (Ok(p), all);
        }
    }

    // `00` is the ITU international prefix; people use it even where the
    // local one differs (the US dials 011, yet `001 617 ...` is common).
    let nanp = candidates.iter().any(|r| r.calling_code == 1);
    let idd_rest = match digits {
        [b'0', b'0', rest @ ..] => Some(rest),
        [b'0', b'1', b'1', rest @ ..] if nanp => Some(rest),
        _ => None,
    };
    if let Some(rest) = idd_rest {
        if let Some(p) = read_international(rest) {
            return (Ok(p), all);
        }
    }

    if candidates.is_empty() && !cleaned.plus && idd_rest.is_none() {
        return (Err(RejectReason::NoRegion), all);
    }
    let reported = candidates
        .first()
        .map_or_else(|| "??".to_owned(), |r| region_name(r.code));
    (
        Err(RejectReason::InvalidForRegion { region: reported }),
        all,
    )
}

/// Reads `digits` as a national number of region `r`, valid only.
fn read_national(r: Region, digits: &[u8]) -> Option<Phone> {
    // Digits that begin with the region's own country code are read with it
    // first. libphonenumber keeps the code as part of the national number
    // whenever the whole digits also fit the region's number pattern, and
    // some patterns are that loose: `4917801385180` on a German record fits
    // the fixed-line range `49[1-6]` plus ten digits, yet is the mobile
    // `+49 178...` typed without `+`. The national reading still wins when
    // the rest is not a valid number (Italian mobiles `393...`).
    if leading_code(digits, r.calling_code) {
        if let Some(p) = read_international(digits).filter(|p| p.country_code == r.calling_code) {
            return Some(p);
        }
    }
    read(Some(r.id), &[digits]).and_then(|n| valid(&n))
}

/// Whether `digits` (ASCII) begin with the decimal digits of `code`.
fn leading_code(digits: &[u8], code: u16) -> bool {
    digits
        .get(..decimal_len(code))
        .and_then(|prefix| {
            prefix.iter().try_fold(0u16, |acc, &d| {
                acc.checked_mul(10)?
                    .checked_add(u16::from(d.checked_sub(b'0')?))
            })
        })
        .is_some_and(|n| n == code)
}

/// Reads `digits` as an international number (a `+` before them), valid
/// only. No region is passed: the number names its own country, whose
/// metadata then applies.
fn read_international(digits: &[u8]) -> Option<Phone> {
    read(None, &[b"+", digits]).and_then(|n| valid(&n))
}

/// Parses the concatenated `parts` under `region`, without judging validity.
fn read(region: Option<RegionId>, parts: &[&[u8]]) -> Option<PhoneNumber> {
    // `+`, a country code of at most 3 digits and MAX_DIGITS digits, on the
    // stack; the parts are ASCII digits and `+` only.
    let mut buf = [0u8; MAX_DIGITS + 4];
    let mut n = 0;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    let text = std::str::from_utf8(buf.get(..n)?).ok()?;
    PHONE_NUMBER_UTIL.parse(text, region).ok()
}

/// The E.164 form of `number`, if the metadata calls it valid.
fn valid(number: &PhoneNumber) -> Option<Phone> {
    // For a calling code several regions share (+1, +44, +7), `is_valid`
    // first looks for the number's region, checking it against each region's
    // number types in turn, then checks it against the region found once
    // more. The main region is tried first, so when it takes the number it is
    // the region `is_valid` would find: one check settles it. (A code of one
    // region is looked up without a check, so `is_valid` costs one there.)
    let code = number.country_code;
    let main = PHONE_NUMBER_UTIL
        .get_regions_for_country_calling_code(code)
        .filter(|regions| regions.len() > 1)
        .and_then(|mut regions| regions.next());
    let is_valid = match main {
        Some(main) if number.is_valid_for_region(main) => true,
        _ => number.is_valid(),
    };
    if !is_valid {
        return None;
    }
    Some(Phone {
        e164: number.format_as(PhoneNumberFormat::E164).into_owned(),
        country_code: u16::try_from(number.country_code).ok()?,
    })
}

/// Number of decimal digits of a country calling code.
fn decimal_len(n: u16) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

// ---------------------------------------------------------------------------
// Cache

/// Most fallback regions a cache key holds; longer lists are not cached.
const MAX_CACHED_FALLBACK: usize = 8;
/// The cache is emptied when it holds this many entries, which bounds its
/// memory (under 100 bytes an entry, so a few MB per thread) without any
/// eviction bookkeeping.
const CACHE_CAPACITY: usize = 65_536;

/// Everything the outcome depends on once cleaning is done, in a fixed-size
/// `Copy` value so that a lookup allocates nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct CacheKey {
    plus: bool,
    len: u8,
    digits: [u8; MAX_DIGITS],
    region: Option<[u8; 2]>,
    fallback_len: u8,
    fallback: [[u8; 2]; MAX_CACHED_FALLBACK],
}

fn cache_key(cleaned: &Cleaned, region: Option<[u8; 2]>, fallback: &[&str]) -> Option<CacheKey> {
    let mut key = CacheKey {
        plus: cleaned.plus,
        len: u8::try_from(cleaned.len).ok()?,
        digits: cleaned.digits,
        region,
        fallback_len: 0,
        fallback: [[0; 2]; MAX_CACHED_FALLBACK],
    };
    // The fallback list only matters when the record has no region; leaving
    // it out otherwise lets the same number share one entry.
    if region.is_none() {
        if fallback.len() > MAX_CACHED_FALLBACK {
            return None;
        }
        for (slot, code) in key.fallback.iter_mut().zip(fallback) {
            // Malformed codes stay uncached (they are rejected quickly anyway).
            *slot = region_code(code)?;
        }
        key.fallback_len = u8::try_from(fallback.len()).ok()?;
    }
    Some(key)
}

type Outcome = (Result<Phone, RejectReason>, FallbackUse);
type Cache = HashMap<CacheKey, Outcome, ahash::RandomState>;

thread_local! {
    // Repeated values are the norm in retail data and the metadata is slow
    // next to a table lookup (one to two microseconds a value: regex
    // matches and allocations for each interpretation tried, against about
    // 0.1 when the outcome is remembered), so each thread remembers its
    // recent outcomes. This keeps `parse` deterministic: the cached value is
    // exactly what recomputing would give, since the outcome depends only on
    // the key. Fixed hasher seeds keep even the table's layout free of
    // randomness. A `const` initializer spares each access the lazy-init check.
    static CACHE: RefCell<Cache> = const {
        RefCell::new(HashMap::with_hasher(ahash::RandomState::with_seeds(0x1d, 0x96, 0x4a, 0xe3)))
    };
}

fn cached(key: CacheKey, compute: impl FnOnce() -> Outcome) -> Outcome {
    CACHE.with(|c| {
        // A failed borrow cannot happen (`compute` never re-enters `parse`), but
        // computing without the table is the safe answer.
        let Ok(mut m) = c.try_borrow_mut() else {
            return compute();
        };
        if m.len() >= CACHE_CAPACITY && !m.contains_key(&key) {
            m.clear();
        }
        // One hash and probe for a hit or a miss alike (a lookup and then an
        // insert hashed the 48-byte key twice on every miss, most values).
        match m.entry(key) {
            Entry::Occupied(o) => o.get().clone(),
            Entry::Vacant(v) => v.insert(compute()).clone(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
        Result<&'a str, RejectReason>,
    );

    fn invalid_for(region: &str) -> RejectReason {
        RejectReason::InvalidForRegion {
            region: region.to_owned(),
        }
    }

    fn check(rows: &[Row<'_>]) {
        for (raw, region, fallback, want) in rows {
            let got = parse(raw, *region, fallback);
            let got = got.as_ref().map(Phone::as_str).map_err(Clone::clone);
            assert_eq!(
                got,
                want.clone(),
                "raw {raw:?} region {region:?} fallback {fallback:?}"
            );
        }
    }

    const NONE: &[&str] = &[];

    #[test]
    fn phone_national_formats_per_region() {
        check(&[
            ("(415) 555-0132", Some("US"), NONE, Ok("+14155550132")),
            ("201-555-0123", Some("US"), NONE, Ok("+12015550123")),
            // The 555-01XX fiction range is valid in the metadata: it cannot
            // be told from real numbers, so placeholders must catch abuse.
            ("(617) 555-0100", Some("US"), NONE, Ok("+16175550100")),
            ("506 234 5678", Some("CA"), NONE, Ok("+15062345678")),
            ("07400 123456", Some("GB"), NONE, Ok("+447400123456")),
            ("0121 234 5678", Some("GB"), NONE, Ok("+441212345678")),
            ("030 123456", Some("DE"), NONE, Ok("+4930123456")),
            ("0151 23456789", Some("DE"), NONE, Ok("+4915123456789")),
            ("06 12 34 56 78", Some("FR"), NONE, Ok("+33612345678")),
            ("01 23 45 67 89", Some("FR"), NONE, Ok("+33123456789")),
            ("612 34 56 78", Some("ES"), NONE, Ok("+34612345678")),
            ("810 123 456", Some("ES"), NONE, Ok("+34810123456")),
            // Italian numbers keep their leading 0, and mobiles starting
            // with 39 are not mistaken for the country code.
            ("02 1234 5678", Some("IT"), NONE, Ok("+390212345678")),
            ("312 345 6789", Some("IT"), NONE, Ok("+393123456789")),
            ("393 123 4567", Some("IT"), NONE, Ok("+393931234567")),
            ("912 345 678", Some("PT"), NONE, Ok("+351912345678")),
            ("(11) 96123-4567", Some("BR"), NONE, Ok("+5511961234567")),
            ("(11) 2345-6789", Some("BR"), NONE, Ok("+551123456789")),
            ("0712 034 567", Some("RO"), NONE, Ok("+40712034567")),
            ("0412 345 678", Some("AU"), NONE, Ok("+61412345678")),
            ("(02) 1234 5678", Some("AU"), NONE, Ok("+61212345678")),
            ("06-12345678", Some("NL"), NONE, Ok("+31612345678")),
            ("081234 56789", Some("IN"), NONE, Ok("+918123456789")),
            ("81234 56789", Some("IN"), NONE, Ok("+918123456789")),
            ("222 123 4567", Some("MX"), NONE, Ok("+522221234567")),
            // Region codes are read case-insensitively.
            ("07400 123456", Some("gb"), NONE, Ok("+447400123456")),
        ]);
    }

    #[test]
    fn phone_international_formats() {
        check(&[
            // A foreign number on a record is read as written.
            ("+44 7400 123456", Some("FR"), NONE, Ok("+447400123456")),
            ("+44 7400 123456", None, NONE, Ok("+447400123456")),
            ("++44 7400 123456", None, NONE, Ok("+447400123456")),
            // The bracketed trunk 0 goes, except where it is part of the number.
            ("+44 (0)7400 123456", None, NONE, Ok("+447400123456")),
            ("+49 (0)30 123456", Some("DE"), NONE, Ok("+4930123456")),
            ("+33 (0)6 12 34 56 78", Some("FR"), NONE, Ok("+33612345678")),
            ("+39 (0)2 1234 5678", Some("IT"), NONE, Ok("+390212345678")),
            ("+39 02 1234 5678", None, NONE, Ok("+390212345678")),
            ("0044 7400 123456", Some("GB"), NONE, Ok("+447400123456")),
            ("0044 (0)7400 123456", Some("DE"), NONE, Ok("+447400123456")),
            ("0044 7400 123456", None, NONE, Ok("+447400123456")),
            // `00` works even in NANP regions, whose real prefix is 011.
            ("001 201-555-0123", Some("US"), NONE, Ok("+12015550123")),
            ("0033 6 12 34 56 78", Some("US"), NONE, Ok("+33612345678")),
            ("011 44 7400 123456", Some("US"), NONE, Ok("+447400123456")),
            (
                "011 55 11 96123 4567",
                Some("CA"),
                NONE,
                Ok("+5511961234567"),
            ),
            ("0011 44 7400 123456", Some("AU"), NONE, Ok("+447400123456")),
            // After the region's own prefix, the number's country's trunk
            // rule applies, not the region's: Rome keeps its 0.
            (
                "0011 39 06 1234 5678",
                Some("AU"),
                NONE,
                Ok("+390612345678"),
            ),
            // A country code typed without `+`.
            ("447400123456", Some("GB"), NONE, Ok("+447400123456")),
            ("4915123456789", Some("DE"), NONE, Ok("+4915123456789")),
            // Also a valid German fixed-line number as a whole (`49[1-6]` and
            // ten digits); the country code reading wins.
            ("4917801385180", Some("DE"), NONE, Ok("+4917801385180")),
            ("12015550123", Some("US"), NONE, Ok("+12015550123")),
            ("1 (201) 555-0123", Some("US"), NONE, Ok("+12015550123")),
            ("5511961234567", Some("BR"), NONE, Ok("+5511961234567")),
            ("393123456789", Some("IT"), NONE, Ok("+393123456789")),
            ("33612345678", Some("FR"), NONE, Ok("+33612345678")),
            ("34612345678", Some("US"), NONE, Ok("+34612345678")),
        ]);
    }

    #[test]
    fn phone_separators_and_unicode() {
        check(&[
            ("201.555.0123", Some("US"), NONE, Ok("+12015550123")),
            ("201/555/0123", Some("US"), NONE, Ok("+12015550123")),
            ("[201] 555-0123", Some("US"), NONE, Ok("+12015550123")),
            ("\t 06\t12 34 56 78 \n", Some("FR"), NONE, Ok("+33612345678")),
            ("06\u{a0}12\u{202f}34\u{2009}56\u{3000}78", Some("FR"), NONE, Ok("+33612345678")),
            ("201\u{2011}555\u{2013}0123", Some("US"), NONE, Ok("+12015550123")),
            ("\u{ff0b}\u{ff14}\u{ff14} \u{ff17}\u{ff14}\u{ff10}\u{ff10} \u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}", None, NONE, Ok("+447400123456")),
            ("\u{200f}+44 7400 123456\u{200e}", None, NONE, Ok("+447400123456")),
            ("\u{feff}07400\u{200b}123456", Some("GB"), NONE, Ok("+447400123456")),
            ("\u{660}\u{667}\u{664}\u{660}\u{660} \u{661}\u{662}\u{663}\u{664}\u{665}\u{666}", Some("GB"), NONE, Ok("+447400123456")),
        ]);
    }

    #[test]
    fn phone_wrappers_are_unwrapped() {
        check(&[
            ("tel:+1-201-555-0123", None, NONE, Ok("+12015550123")),
            ("TEL:+1-201-555-0123;ext=12", None, NONE, Ok("+12015550123")),
            ("Tel: 201 555 0123", Some("US"), NONE, Ok("+12015550123")),
            (
                "Mobile: 07400 123456",
                Some("GB"),
                NONE,
                Ok("+447400123456"),
            ),
            ("\"07400 123456\"", Some("GB"), NONE, Ok("+447400123456")),
            ("'201-555-0123'", Some("US"), NONE, Ok("+12015550123")),
            ("201-555-0123;", Some("US"), NONE, Ok("+12015550123")),
            ("201-555-0123 (home)", Some("US"), NONE, Ok("+12015550123")),
            (
                "+44 7400 123456 (Work Mobile)",
                None,
                NONE,
                Ok("+447400123456"),
            ),
            // A spreadsheet's float: the `.0` is no digit (else `+41 55 550 13 20`).
            ("2015550123.0", Some("US"), NONE, Ok("+12015550123")),
            ("+447400123456.00", None, NONE, Ok("+447400123456")),
            (
                "téléphone : 06 12 34 56 78",
                Some("FR"),
                NONE,
                Ok("+33612345678"),
            ),
        ]);
    }

    #[test]
    fn phone_extension_is_dropped() {
        check(&[
            ("+1 201 555 0123 x123", None, NONE, Ok("+12015550123")),
            ("201-555-0123 ext. 12", Some("US"), NONE, Ok("+12015550123")),
            ("201-555-0123 EXT:12 ", Some("US"), NONE, Ok("+12015550123")),
            (
                "0121 234 5678 extension 4",
                Some("GB"),
                NONE,
                Ok("+441212345678"),
            ),
            ("01 23 45 67 89 #5", Some("FR"), NONE, Ok("+33123456789")),
            ("(201) 555-0123x7", Some("US"), NONE, Ok("+12015550123")),
            (
                "\u{ff12}\u{ff10}\u{ff11}-555-0123 \u{ff45}\u{ff58}\u{ff54} 9",
                Some("US"),
                NONE,
                Ok("+12015550123"),
            ),
        ]);
    }

    const LETTERS_ERR: RejectReason = LETTERS;

    #[test]
    fn phone_syntax_rejections() {
        check(&[
            ("201-555-CALL", Some("US"), NONE, Err(LETTERS_ERR)),
            ("tel 201 555 0123", Some("US"), NONE, Err(LETTERS_ERR)),
            ("N/A", Some("US"), NONE, Err(LETTERS_ERR)),
            // A marker without digits, or text after them, is no extension.
            ("201-555-0123 x", Some("US"), NONE, Err(LETTERS_ERR)),
            (
                "201-555-0123 ext 12 mobile",
                Some("US"),
                NONE,
                Err(LETTERS_ERR),
            ),
            ("555-xxx-xxxx", Some("US"), NONE, Err(LETTERS_ERR)),
            ("201*555*0123", Some("US"), NONE, Err(SYMBOL)),
            ("201-555-0123, 201-555-0124", Some("US"), NONE, Err(SYMBOL)),
            // A label without its colon, or a note that holds digits.
            ("phone 201 555 0123", Some("US"), NONE, Err(LETTERS_ERR)),
            (
                "201 555 0123 (2nd line)",
                Some("US"),
                NONE,
                Err(LETTERS_ERR),
            ),
            ("201 555 0123: home", Some("US"), NONE, Err(SYMBOL)),
            ("\u{1f4de} 201 555 0123", Some("US"), NONE, Err(SYMBOL)),
            ("201+555+0123", Some("US"), NONE, Err(LATE_PLUS)),
            ("12345", Some("US"), NONE, Err(TOO_FEW)),
            ("+1 23", None, NONE, Err(TOO_FEW)),
            ("123456789012345678", Some("US"), NONE, Err(TOO_MANY)),
            // Syntax is judged before the region.
            ("12-34", Some("XX"), NONE, Err(TOO_FEW)),
        ]);
    }

    #[test]
    fn phone_region_rejections() {
        check(&[
            (
                "201 555 0123",
                Some("XX"),
                NONE,
                Err(RejectReason::UnknownRegion),
            ),
            (
                "201 555 0123",
                Some("USA"),
                NONE,
                Err(RejectReason::UnknownRegion),
            ),
            (
                "07400 123456",
                Some("UK"),
                NONE,
                Err(RejectReason::UnknownRegion),
            ),
            (
                "07400 123456",
                Some(""),
                NONE,
                Err(RejectReason::UnknownRegion),
            ),
            (
                "+44 7400 123456",
                Some("XX"),
                NONE,
                Err(RejectReason::UnknownRegion),
            ),
            (
                "07400 123456",
                None,
                &["XX"],
                Err(RejectReason::UnknownRegion),
            ),
            ("07400 123456", None, NONE, Err(RejectReason::NoRegion)),
            ("447400123456", None, NONE, Err(RejectReason::NoRegion)),
            // 011 is only an international prefix in the NANP; 0116 is Leicester.
            (
                "011 44 7400 123456",
                None,
                NONE,
                Err(RejectReason::NoRegion),
            ),
            // A `+` number needs no region, so a broken fallback is not consulted.
            ("+44 7400 123456", None, &["XX"], Ok("+447400123456")),
        ]);
    }

    #[test]
    fn phone_invalid_for_region() {
        check(&[
            // Ofcom's drama range is not an allocated mobile range.
            ("07700 900123", Some("GB"), NONE, Err(invalid_for("GB"))),
            ("+44 (0)7700 900123", None, NONE, Err(invalid_for("??"))),
            // Area code 123 does not exist.
            ("123 456 7890", Some("US"), NONE, Err(invalid_for("US"))),
            ("+1 123 456 7890", Some("GB"), NONE, Err(invalid_for("GB"))),
            ("06 12 34 56", Some("FR"), NONE, Err(invalid_for("FR"))),
            ("(11) 1234-567", Some("BR"), NONE, Err(invalid_for("BR"))),
            ("0000 000 000", Some("AU"), NONE, Err(invalid_for("AU"))),
            ("+999 1234567", None, NONE, Err(invalid_for("??"))),
            ("0099 1234567", None, NONE, Err(invalid_for("??"))),
            ("06 12 34 56", None, &["FR", "NL"], Err(invalid_for("FR"))),
            // Fits Myanmar's overall number pattern as `+95 98758 7893`, but
            // none of its number types (a Brazilian number, area code 95).
            (
                "(95)98758-7893",
                None,
                &["US", "GB"],
                Err(invalid_for("US")),
            ),
        ]);
    }

    #[test]
    fn phone_origin_reads_the_code_or_keeps_the_digits() {
        // What an origin says, as text: `+GB` for a calling region, the
        // digits for a national number.
        let shown = |o: Option<Origin>| {
            o.map(|o| match o {
                Origin::Calling(c) => format!("+{}", String::from_utf8_lossy(&c)),
                Origin::National(n) => String::from_utf8_lossy(n.as_bytes()).into_owned(),
            })
        };
        let cases: &[(&str, Option<&str>)] = &[
            ("+44 7700 900123", Some("+GB")),
            ("+1 (415) 555-0132", Some("+US")),
            ("+7 912 305 67 18", Some("+RU")),
            ("+34 726 28 59 76", Some("+ES")),
            ("tel:+39-06-1834-5278", Some("+IT")),
            ("＋４９ 30 1834527", Some("+DE")),
            // Only a numbering plan reads these.
            ("(415) 555-0132", Some("4155550132")),
            ("07452.125612", Some("07452125612")),
            // After `00`, a code of no region, a placeholder, junk.
            ("0044 7700 900123", None),
            ("+1 000 000 0000", None),
            ("(555) 123-4567", None),
            ("+800 1234 5678", None),
            ("+", None),
            ("call me", None),
        ];
        for &(raw, want) in cases {
            assert_eq!(shown(origin(raw)).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn the_plan_that_explains_the_numbers_wins_the_vote() {
        let us: &[&[u8]] = &[
            b"4155550132",
            b"2125550199",
            b"3102280539",
            b"6467874235",
            b"7135550148",
            b"5035550187",
        ];
        let none = |_: [u8; 2]| 0;
        assert_eq!(regions_reading(us, none), vec![*b"US"]);
        // Valid German numbers too, but the Spanish plan is the tighter fit,
        // unless the records say otherwise.
        let es: &[&[u8]] = &[
            b"612345078",
            b"698213354",
            b"915550123",
            b"634871209",
            b"722190345",
            b"655432187",
        ];
        assert_eq!(regions_reading(es, none).first(), Some(b"ES"));
        let de = |c: [u8; 2]| i64::from(&c == b"DE");
        assert_eq!(regions_reading(es, de).first(), Some(b"DE"));
        // Two populations: the second region reads what the first leaves.
        let more_us: &[&[u8]] = &[
            b"6175550163",
            b"2065550121",
            b"3055550178",
            b"4045550110",
            b"2145550133",
            b"3125550147",
        ];
        let gb: &[&[u8]] = &[
            b"02079460000",
            b"01614960321",
            b"01134960456",
            b"02920180765",
        ];
        let mixed: Vec<&[u8]> = us.iter().chain(more_us).chain(gb).copied().collect();
        assert_eq!(regions_reading(&mixed, none), vec![*b"US", *b"GB"]);
        assert!(regions_reading(&[b"1"], none).is_empty());
        assert!(regions_reading(&[], none).is_empty());
    }

    #[test]
    fn phone_fallback_order() {
        check(&[
            // Valid in both: the first fallback wins.
            ("0612345678", None, &["FR", "NL"], Ok("+33612345678")),
            ("0612345678", None, &["NL", "FR"], Ok("+31612345678")),
            // Invalid in the first, valid in the second.
            ("07400 123456", None, &["US", "GB"], Ok("+447400123456")),
            ("(415) 555-0132", None, &["GB", "US"], Ok("+14155550132")),
            // The record's region beats the fallbacks.
            ("0612345678", Some("NL"), &["FR"], Ok("+31612345678")),
            ("0612345678", Some("FR"), &["NL"], Ok("+33612345678")),
            // Country code without `+` and `011` through a fallback region.
            ("447400123456", None, &["US"], Ok("+447400123456")),
            ("011 44 7400 123456", None, &["US"], Ok("+447400123456")),
        ]);
    }

    #[test]
    fn phone_output_is_idempotent() {
        let inputs: &[(&str, Option<&str>)] = &[
            ("(415) 555-0132", Some("US")),
            ("07400 123456", Some("GB")),
            ("02 1234 5678", Some("IT")),
            ("393 123 4567", Some("IT")),
            ("(11) 96123-4567", Some("BR")),
            ("0412 345 678", Some("AU")),
            ("81234 56789", Some("IN")),
            ("222 123 4567", Some("MX")),
            ("0712 034 567", Some("RO")),
            ("912 345 678", Some("PT")),
            ("0151 23456789", Some("DE")),
        ];
        for (raw, region) in inputs {
            let first = parse(raw, *region, NONE).map(|p| p.as_str().to_owned());
            let Ok(first) = first else {
                panic!("{raw:?} should be valid")
            };
            for again in [
                None,
                Some("US"),
                Some("GB"),
                Some("IT"),
                Some("BR"),
                Some("IN"),
            ] {
                let second = parse(&first, again, NONE).map(|p| p.as_str().to_owned());
                assert_eq!(
                    second.as_deref(),
                    Ok(first.as_str()),
                    "{raw:?} re-read in {again:?}"
                );
            }
        }
    }

    #[test]
    fn phone_parts_are_consistent() {
        let p = parse("+39 02 1234 5678", None, NONE).map_err(|e| e.to_string());
        let Ok(p) = p else {
            panic!("valid Italian number")
        };
        assert_eq!(p.country_code(), 39);
        assert_eq!(p.national_number(), "0212345678");
        let p = parse("(11) 96123-4567", Some("BR"), NONE).map_err(|e| e.to_string());
        let Ok(p) = p else {
            panic!("valid Brazilian number")
        };
        assert_eq!((p.country_code(), p.national_number()), (55, "11961234567"));
        let p = parse("912 345 678", Some("PT"), NONE).map_err(|e| e.to_string());
        let Ok(p) = p else {
            panic!("valid Portuguese number")
        };
        assert_eq!((p.country_code(), p.national_number()), (351, "912345678"));
    }

    #[test]
    fn phone_never_panics_on_junk() {
        let long_digits = "9".repeat(10_000);
        let long_plus = "+".repeat(10_000);
        let long_mixed = "1-".repeat(5_000);
        let junk: Vec<&str> = vec![
            "",
            "+",
            "++++++",
            &long_plus,
            &long_digits,
            &long_mixed,
            "\u{1f600}\u{1f600}\u{1f600}",
            "\u{200f}\u{200e}\u{202e}\u{2066}",
            "\u{202e}12\u{202c}",
            "(0)(0)(0)",
            "x123456",
            "#",
            "ext",
            "00000000000000000",
            "+00000000000000000",
            "\u{0}\u{0}\u{0}123456",
            "1\u{301}2\u{301}3\u{301}4\u{301}5\u{301}6\u{301}",
            "\u{660}\u{661}",
            "011",
            "0011",
            "\u{fffd}\u{fffd}",
            "\u{10ffff}",
            "+\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}\u{ff10}",
        ];
        let regions = [
            None,
            Some("US"),
            Some("GB"),
            Some("IT"),
            Some(""),
            Some("\u{e9}\u{e9}"),
            Some("\u{1f600}"),
        ];
        for raw in &junk {
            for region in regions {
                for fallback in [NONE, &["US", "GB"][..], &["", "ZZZ"][..]] {
                    assert!(parse(raw, region, fallback).is_err(), "{raw:?} {region:?}");
                }
            }
        }
        // Odd values and arbitrary short strings from a nasty alphabet: any
        // outcome but a panic.
        for raw in [
            "+(0)123456",
            "(0)612345678",
            "+0612345678",
            "00 00 00 00",
            "011 011 011 011",
        ] {
            for region in regions {
                let _ = parse(raw, region, &["US", "GB"]);
            }
        }
        let alphabet: Vec<char> = "0123456789+()-. x#e\u{a0}\u{200f}\u{ff11}\u{660}\u{1f600}a/"
            .chars()
            .collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if let Some(&c) = alphabet.get((state % alphabet.len() as u64) as usize) {
                    s.push(c);
                }
            }
            for region in [None, Some("US"), Some("DE")] {
                let _ = parse(&s, region, &["FR"]);
            }
        }
    }

    #[test]
    fn phone_cache_separates_contexts_and_stays_bounded() {
        // Same digits, different regions or fallbacks, different answers.
        for _ in 0..2 {
            check(&[
                ("0612345678", Some("FR"), NONE, Ok("+33612345678")),
                ("0612345678", Some("NL"), NONE, Ok("+31612345678")),
                ("0612345678", None, &["NL"], Ok("+31612345678")),
                ("0612345678", None, &["FR"], Ok("+33612345678")),
                ("0612345678", None, NONE, Err(RejectReason::NoRegion)),
            ]);
        }
        // More fallbacks than a key holds still work, uncached.
        let many = ["US", "CA", "MX", "BR", "IN", "ES", "PT", "GB", "NL"];
        check(&[("0612345678", None, &many[..], Ok("+31612345678"))]);
        // Filling the table past its capacity empties it instead of growing.
        for i in 0..=CACHE_CAPACITY as u64 {
            let mut key = CacheKey {
                plus: false,
                len: 17,
                digits: [b'0'; MAX_DIGITS],
                region: Some(*b"ZZ"),
                fallback_len: 0,
                fallback: [[0; 2]; MAX_CACHED_FALLBACK],
            };
            for (slot, b) in key.digits.iter_mut().zip(i.to_be_bytes()) {
                *slot = b;
            }
            let _ = cached(key, || (Err(RejectReason::Empty), 0));
        }
        let len = CACHE.with(|c| c.borrow().len());
        assert!(len <= CACHE_CAPACITY, "cache holds {len}");
    }
}
