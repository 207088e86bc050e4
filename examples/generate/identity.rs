//! The canonical identifiers a person owns: phone numbers on each country's
//! numbering plan, Luhn-valid loyalty numbers, postal codes, addresses and
//! email addresses derived from names. `fields` decides how each record
//! spells them.
//!
//! Real identifiers are unique to one person (only the traps in `people`
//! share them on purpose), so phones and emails go through [`Seen`] and
//! loyalty numbers come from a permutation of a counter.

use crate::fields::{self, pick_weighted, Address, Phone};
use crate::locale::{Locale, Name, BR, DE, ES, FR, GB, IT, RO, US};
use crate::Rng;

/// Identifiers already handed out, as a fixed 16 MiB bit filter (two bits
/// per value, both in one cache line): memory does not grow with the record
/// count. A false "seen" only makes us draw another value, so uniqueness
/// holds; at 10M records about 1% of draws are retried needlessly.
pub struct Seen {
    bits: Vec<u64>,
}

impl Seen {
    const WORDS: usize = 1 << 21;

    pub fn new() -> Seen {
        Seen {
            bits: vec![0; Seen::WORDS],
        }
    }

    /// Records `value`; returns false if it (probably) was there already.
    pub fn insert(&mut self, value: impl IntoIterator<Item = u8>) -> bool {
        // FNV-1a, then a splitmix finaliser to spread the bits.
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for b in value {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        h ^= h >> 31;
        // One 512-bit line (8 words) per value, two bits inside it.
        let line = (h as usize & (Seen::WORDS / 8 - 1)) * 8;
        let mut fresh = false;
        for probe in [h >> 40, h >> 52] {
            let bit = (probe & 511) as usize;
            let (word, mask) = (line + bit / 64, 1u64 << (bit % 64));
            fresh |= self.bits[word] & mask == 0;
            self.bits[word] |= mask;
        }
        fresh
    }
}

const US_AREAS: [u16; 84] = [
    212, 646, 917, 718, 347, 310, 213, 323, 424, 415, 628, 408, 312, 773, 305, 786, 404, 470, 469,
    214, 972, 512, 737, 602, 480, 617, 857, 702, 713, 281, 832, 727, 813, 503, 971, 206, 425, 303,
    720, 615, 704, 919, 215, 267, 313, 612, 619, 858, 818, 949, 714, 561, 954, 407, 210, 916, 510,
    650, 801, 317, 614, 216, 412, 314, 816, 901, 504, 205, 843, 860, 202, 703, 571, 301, 240, 410,
    443, 808, 907, 402, 505, 520, 775, 559,
];
const DE_MOBILE: [&str; 17] = [
    "151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175",
    "176", "177", "178", "179",
];
const IT_MOBILE: [&str; 31] = [
    "320", "327", "328", "329", "330", "333", "334", "335", "338", "339", "340", "342", "345",
    "346", "347", "348", "349", "350", "351", "360", "366", "368", "370", "371", "377", "380",
    "388", "389", "391", "392", "393",
];
/// Brazilian area codes (DDD), São Paulo and Rio repeated for their weight.
const BR_DDD: [u8; 71] = [
    11, 11, 11, 11, 21, 21, 21, 31, 31, 41, 51, 61, 71, 81, 85, 12, 13, 14, 15, 16, 17, 18, 19, 22,
    24, 27, 28, 32, 33, 34, 35, 37, 38, 42, 43, 44, 45, 46, 47, 48, 49, 53, 54, 55, 62, 63, 64, 65,
    66, 67, 68, 69, 73, 74, 75, 77, 79, 82, 83, 84, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97,
];
const GB_AREAS: [&str; 39] = [
    "E", "N", "W", "SW", "SE", "NW", "EC", "WC", "B", "M", "L", "LS", "G", "EH", "CF", "BS", "S",
    "NG", "OX", "CB", "YO", "BA", "NR", "AB", "DD", "SA", "EX", "DE", "WV", "ST", "MK", "BN", "SO",
    "PO", "PL", "RG", "LE", "CV", "NE",
];
const GB_INWARD: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
const WORK_TLDS: [&str; 8] = [
    ".com", ".com", ".net", ".org", ".biz", ".info", ".co", ".com",
];

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A customer's birth date: triangular around 1973, so mostly aged 25-65.
pub fn random_birth(rng: &mut Rng) -> (u16, u8, u8) {
    let y = 1940 + ((rng.below(67) + rng.below(67)) / 2) as u16;
    let m = 1 + rng.below(12) as u8;
    (y, m, 1 + rng.below(usize::from(days_in_month(y, m))) as u8)
}

/// A birth date within `spread` years of `year` (household members).
pub fn birth_near(rng: &mut Rng, year: u16, spread: u16) -> (u16, u8, u8) {
    let y = (year + rng.below(usize::from(spread) * 2 + 1) as u16)
        .saturating_sub(spread)
        .clamp(1930, 2006);
    let m = 1 + rng.below(12) as u8;
    (y, m, 1 + rng.below(usize::from(days_in_month(y, m))) as u8)
}

fn digits(rng: &mut Rng, out: &mut Phone, n: usize) {
    for _ in 0..n {
        out.push(b'0' + rng.below(10) as u8);
    }
}

/// A mobile number on the country's numbering plan.
fn any_mobile(rng: &mut Rng, country: usize) -> Phone {
    let mut d = Phone::empty(country, false);
    match country {
        US => {
            d.push_num(u32::from(US_AREAS[rng.below(US_AREAS.len())]), 3);
            d.push(b'2' + rng.below(8) as u8);
            digits(rng, &mut d, 6);
        }
        GB => {
            d.push(b'7');
            d.push(b'4' + rng.below(6) as u8);
            digits(rng, &mut d, 8);
        }
        DE => {
            let p = DE_MOBILE[rng.below(DE_MOBILE.len())];
            d.push_all(p.as_bytes());
            let rest = if p.starts_with("15") || p == "176" {
                8
            } else {
                7
            };
            digits(rng, &mut d, rest);
        }
        FR => {
            if rng.chance(0.8) {
                d.push(b'6');
            } else {
                d.push(b'7');
                d.push(b'3' + rng.below(6) as u8);
            }
            let n = 9 - d.nsn().len();
            digits(rng, &mut d, n);
        }
        ES => {
            if rng.chance(0.85) {
                d.push(b'6');
            } else {
                d.push(b'7');
                d.push(b'1' + rng.below(4) as u8);
            }
            let n = 9 - d.nsn().len();
            digits(rng, &mut d, n);
        }
        IT => {
            d.push_all(IT_MOBILE[rng.below(IT_MOBILE.len())].as_bytes());
            digits(rng, &mut d, 7);
        }
        BR => {
            d.push_num(u32::from(BR_DDD[rng.below(BR_DDD.len())]), 2);
            d.push(b'9');
            d.push(b'6' + rng.below(4) as u8);
            digits(rng, &mut d, 7);
        }
        _ => {
            d.push(b'7');
            d.push(b'2' + rng.below(7) as u8);
            digits(rng, &mut d, 7);
        }
    }
    d
}

/// A fixed-line number: home phones and store phones.
fn any_landline(rng: &mut Rng, country: usize) -> Phone {
    let mut d = Phone::empty(country, true);
    match country {
        US => {
            let mut p = any_mobile(rng, US);
            p.landline = true;
            return p;
        }
        GB => {
            if rng.chance(0.4) {
                d.push_all(b"20");
                d.push([b'3', b'7', b'8'][rng.below(3)]);
                digits(rng, &mut d, 7);
            } else {
                d.push_all([b"161", b"131", b"113", b"121", b"117", b"141"][rng.below(6)]);
                digits(rng, &mut d, 6);
            }
        }
        DE => {
            d.push_all([&b"30"[..], b"40", b"89", b"221", b"69", b"711"][rng.below(6)]);
            let n = 10 - d.nsn().len();
            digits(rng, &mut d, n);
        }
        FR => {
            d.push(b'1' + rng.below(5) as u8);
            digits(rng, &mut d, 8);
        }
        ES => {
            d.push(b'9');
            d.push(b'1' + rng.below(8) as u8);
            digits(rng, &mut d, 7);
        }
        IT => {
            d.push_all([&b"02"[..], b"06", b"011", b"051", b"055", b"081"][rng.below(6)]);
            let n = 10 - d.nsn().len();
            digits(rng, &mut d, n);
        }
        BR => {
            d.push_num(u32::from(BR_DDD[rng.below(BR_DDD.len())]), 2);
            d.push(b'2' + rng.below(4) as u8);
            digits(rng, &mut d, 7);
        }
        _ => {
            if rng.chance(0.5) {
                d.push_all(b"21");
                digits(rng, &mut d, 7);
            } else {
                d.push(b'2' + rng.below(2) as u8);
                d.push(b'3' + rng.below(4) as u8);
                digits(rng, &mut d, 7);
            }
        }
    }
    d
}

/// A mobile number nobody else has.
pub fn mobile(rng: &mut Rng, seen: &mut Seen, country: usize) -> Phone {
    unique(seen, country, || any_mobile(rng, country))
}

/// A fixed-line number nobody else has.
pub fn landline(rng: &mut Rng, seen: &mut Seen, country: usize) -> Phone {
    unique(seen, country, || any_landline(rng, country))
}

fn unique(seen: &mut Seen, country: usize, mut draw: impl FnMut() -> Phone) -> Phone {
    let mut p = draw();
    // Bounded: if the filter were ever saturated we accept a duplicate
    // rather than loop forever.
    for _ in 0..16 {
        let key = p.nsn().iter().copied().chain([b'0' + country as u8]);
        if seen.insert(key) {
            break;
        }
        p = draw();
    }
    p
}

/// The `serial`-th loyalty card's number: 7 digits then a Luhn check digit.
/// Serials go through a keyed permutation of 0..10^7 (a 24-bit Feistel
/// network, cycle-walked back into range), so numbers look random but
/// never repeat for the first ten million cards.
pub fn loyalty_number(serial: u64, key: u64) -> u32 {
    const RANGE: u32 = 10_000_000;
    let mut x = (serial % u64::from(RANGE)) as u32;
    loop {
        let (mut l, mut r) = (x >> 12, x & 0xFFF);
        for round in 0..4u64 {
            let mut z = (u64::from(r) ^ key.rotate_left(16 * round as u32))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
            z ^= z >> 29;
            (l, r) = (r, l ^ (z as u32 & 0xFFF));
        }
        x = (l << 12) | r;
        if x < RANGE {
            break;
        }
    }
    let mut d = [0u8; 7];
    let mut n = x;
    for slot in d.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
    x * 10 + u32::from(fields::luhn_digit(&d) - b'0')
}

pub fn postal_code(rng: &mut Rng, country: usize) -> (String, u16) {
    let plus4 = 1 + rng.below(9999) as u16;
    let code = match country {
        US => format!("{:05}", 1001 + rng.below(98_950)),
        GB => {
            let area = GB_AREAS[rng.below(GB_AREAS.len())];
            let district = 1 + rng.below(if area.len() == 1 { 20 } else { 15 });
            let mut s = format!("{area}{district}");
            if district < 10 && rng.chance(0.15) {
                s.push((b'A' + rng.below(8) as u8) as char);
            }
            s.push(' ');
            s.push((b'0' + rng.below(10) as u8) as char);
            for _ in 0..2 {
                s.push(GB_INWARD[rng.below(GB_INWARD.len())] as char);
            }
            s
        }
        DE => format!("{:05}", 1067 + rng.below(98_931)),
        FR => {
            let dept = 1 + rng.below(95);
            let dept = if dept == 20 { 21 } else { dept };
            format!("{:05}", dept * 1000 + rng.below(100) * 10)
        }
        ES => format!("{:05}", (1 + rng.below(52)) * 1000 + rng.below(1000)),
        IT => format!("{:05}", 10 + rng.below(98_158)),
        BR => {
            let n = 1_000_000 + rng.below(99_000_000);
            format!("{:05}-{:03}", n / 1000, n % 1000)
        }
        _ => format!("{:06}", 10_000 + rng.below(990_000)),
    };
    (code, plus4)
}

pub fn random_address(rng: &mut Rng, country: usize, loc: &Locale) -> Address {
    // Flats are the norm in Spanish, Brazilian and Romanian cities.
    let units = matches!(country, ES | BR | RO);
    let max_number = if rng.chance(0.7) { 120 } else { 300 };
    Address {
        number: 1 + rng.below(max_number) as u16,
        unit: if rng.chance(if units { 0.35 } else { 0.08 }) {
            1 + rng.below(60) as u16
        } else {
            0
        },
        street: rng.skewed(loc.streets.len()) as u16,
        street_type: rng.skewed(loc.street_types.len()) as u8,
        city: rng.skewed(loc.cities.len()) as u16,
    }
}

/// What a personal email address is derived from.
pub struct EmailSeed<'a> {
    pub home: &'a Locale,
    pub names: &'a Locale,
    pub given: &'a Name,
    pub nick: Option<&'a Name>,
    pub family: &'a Name,
    pub birth_year: u16,
}

/// A personal email address nobody else has: like a mail provider, when the
/// name-based address is taken, people add digits.
pub fn personal_email(rng: &mut Rng, seen: &mut Seen, from: &EmailSeed) -> String {
    let mut email = email_candidate(rng, from);
    for _ in 0..16 {
        if claim_mailbox(seen, &email) {
            break;
        }
        let at = email.find('@').unwrap_or(email.len());
        email.insert_str(at, &(rng.below(9000) + 10).to_string());
    }
    email
}

/// Claims the mailbox an address reaches; false if someone has it already.
/// Gmail ignores dots and answers on both of its domains, so
/// "a.smith@gmail.com" and "asmith@googlemail.com" are one mailbox.
pub fn claim_mailbox(seen: &mut Seen, email: &str) -> bool {
    match email.split_once('@') {
        Some((local, "gmail.com" | "googlemail.com")) => {
            seen.insert(local.bytes().filter(|&b| b != b'.').chain(*b"@gmail.com"))
        }
        _ => seen.insert(email.bytes()),
    }
}

/// An email address derived from the person's name, the way people pick them.
fn email_candidate(rng: &mut Rng, from: &EmailSeed) -> String {
    let EmailSeed {
        home,
        names,
        given,
        nick,
        family,
        birth_year,
    } = *from;
    let g = match nick {
        Some(n) if rng.chance(0.1) => &n.fold,
        _ => &given.fold,
    };
    let f = &family.fold;
    let g0 = g.get(..1).unwrap_or("x");
    let yy = birth_year % 100;
    let n2 = rng.below(100);
    let n3 = rng.below(1000);
    let local = match rng.below(100) {
        0..=24 => format!("{g}.{f}"),
        25..=36 => format!("{g}{f}"),
        37..=42 => format!("{g0}.{f}"),
        43..=50 => format!("{g0}{f}"),
        51..=56 => format!("{f}.{g}"),
        57..=61 => format!("{g}_{f}"),
        62..=67 => format!("{g}{birth_year}"),
        68..=75 => format!("{g}.{f}{yy:02}"),
        76..=81 => format!("{g}{n3}"),
        82..=84 => format!("{g}{}{}", f.get(..1).unwrap_or("x"), n3 * 10 + n2 % 10),
        85..=87 => format!("{f}_{g}"),
        88..=90 => format!("{g}.{f}{birth_year}"),
        91..=93 => format!("{f}{n2}"),
        _ => format!("{g}.{f}{n2}"),
    };
    if rng.chance(0.05) {
        // A work or vanity domain instead of a mailbox provider.
        let other = &names.family[rng.skewed(names.family.len())].fold;
        let tld = match home.src.code {
            "US" | "GB" => WORK_TLDS[rng.below(WORK_TLDS.len())],
            "BR" => ".com.br",
            code if rng.chance(0.5) => {
                return format!("{local}@{f}-{other}.{}", code.to_ascii_lowercase())
            }
            _ => ".com",
        };
        return format!("{local}@{other}{tld}");
    }
    let domain = home.domains[pick_weighted(rng, home.domains.iter().map(|d| d.1))].0;
    format!("{local}@{domain}")
}
