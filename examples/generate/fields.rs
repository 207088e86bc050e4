//! How one person's canonical values get written into one record: the
//! formats, typos and case/whitespace noise each channel adds.
//!
//! Rates are per value written and come from measuring omni-dev-20k.

use crate::locale::{fold_ascii, Locale, BR, DE, ES, FR, GB, IT, US};
use crate::Rng;

/// A phone number as its national significant number (no trunk, no country code).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    pub country: u8,
    pub landline: bool,
    len: u8,
    digits: [u8; 14],
}

impl Phone {
    /// An empty number to push digits into.
    pub fn empty(country: usize, landline: bool) -> Phone {
        Phone {
            country: country as u8,
            landline,
            len: 0,
            digits: [0; 14],
        }
    }

    /// Appends an ASCII digit (ignored past 14 digits, longer than any plan).
    pub fn push(&mut self, digit: u8) {
        if let Some(slot) = self.digits.get_mut(usize::from(self.len)) {
            *slot = digit;
            self.len += 1;
        }
    }

    pub fn push_all(&mut self, digits: &[u8]) {
        for &d in digits {
            self.push(d);
        }
    }

    /// Appends `n` as exactly `width` decimal digits.
    pub fn push_num(&mut self, n: u32, width: u32) {
        for i in (0..width).rev() {
            self.push(b'0' + (n / 10u32.pow(i) % 10) as u8);
        }
    }

    pub fn nsn(&self) -> &[u8] {
        &self.digits[..self.len as usize]
    }

    /// The same number with one digit mistyped (never the leading ones, so
    /// it still looks like a number of the same kind).
    pub fn with_typo(&self, rng: &mut Rng) -> Phone {
        let mut p = *self;
        let len = p.len as usize;
        if len > 4 {
            let i = 4 + rng.below(len - 4);
            let old = p.digits[i];
            let new = b'0' + rng.below(9) as u8;
            p.digits[i] = if new >= old { new + 1 } else { new };
        }
        p
    }
}

/// A device identifier: an iOS identifier-for-vendor (upper-case UUID), an
/// Android advertising ID (lower-case UUID) or an Android ID (16 hex digits).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Device {
    pub kind: u8,
    pub hi: u64,
    pub lo: u64,
}

impl Device {
    pub fn random(rng: &mut Rng) -> Device {
        let kind = match rng.below(100) {
            0..=45 => 0,
            46..=86 => 1,
            _ => 2,
        };
        let (mut hi, mut lo) = (rng.next(), rng.next());
        if kind != 2 {
            // Version 4, RFC 4122 variant: what real UUIDs look like.
            hi = (hi & !0xF000) | 0x4000;
            lo = (lo & !(0xC << 60)) | (0x8 << 60);
        }
        Device { kind, hi, lo }
    }
}

/// A street address, kept as indices into the locale's lists so each record
/// can spell it differently.
#[derive(Clone, Copy)]
pub struct Address {
    pub number: u16,
    /// 0 = none, otherwise a flat / apartment number.
    pub unit: u16,
    pub street: u16,
    pub street_type: u8,
    pub city: u16,
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// Picks an index with probability proportional to its weight.
pub fn pick_weighted(rng: &mut Rng, weights: impl Iterator<Item = u32> + Clone) -> usize {
    let total: u64 = weights.clone().map(u64::from).sum();
    let mut x = rng.below(total.max(1) as usize) as u64;
    let mut last = 0;
    for (i, w) in weights.enumerate() {
        if x < u64::from(w) {
            return i;
        }
        x -= u64::from(w);
        last = i;
    }
    last
}

/// Writes a phone number in one of the country's usual spellings.
pub fn phone(out: &mut String, rng: &mut Rng, loc: &Locale, p: &Phone) {
    let fmts = if p.landline {
        &loc.landline_fmt
    } else {
        &loc.mobile_fmt
    };
    let t = &fmts[pick_weighted(rng, fmts.iter().map(|f| f.weight))].template;
    let pad = rng.chance(0.025);
    if pad {
        out.push(' ');
    }
    apply_template(out, t, loc.src.cc, loc.src.trunk, p.nsn());
    if pad {
        out.push(' ');
    }
}

/// Spells a number with a template: `N` next digit of the national form
/// (trunk + number), `I` next digit of the number alone, `*` / `#` the rest
/// of either, `C` the calling code; anything else is copied.
pub fn apply_template(out: &mut String, template: &str, cc: &str, trunk: &str, nsn: &[u8]) {
    let trunk = trunk.as_bytes();
    let national = |i: usize| -> Option<u8> {
        if i < trunk.len() {
            trunk.get(i).copied()
        } else {
            nsn.get(i - trunk.len()).copied()
        }
    };
    let (mut ni, mut ii) = (0, 0);
    for c in template.chars() {
        match c {
            'N' => {
                if let Some(d) = national(ni) {
                    out.push(d as char);
                    ni += 1;
                }
            }
            '*' => {
                while let Some(d) = national(ni) {
                    out.push(d as char);
                    ni += 1;
                }
            }
            'I' => {
                if let Some(&d) = nsn.get(ii) {
                    out.push(d as char);
                    ii += 1;
                }
            }
            '#' => {
                while let Some(&d) = nsn.get(ii) {
                    out.push(d as char);
                    ii += 1;
                }
            }
            'C' => out.push_str(cc),
            _ => out.push(c),
        }
    }
}

const PLUS_TAGS: [&str; 10] = [
    "promo",
    "shop",
    "deals",
    "spam",
    "news",
    "2024",
    "store",
    "amazon",
    "newsletter",
    "1",
];

/// Domain misspellings seen at sign-up forms and tills.
fn domain_typo(rng: &mut Rng, domain: &str, out: &mut String) {
    let options: &[&str] = match domain {
        "gmail.com" => &[
            "gmial.com",
            "gmaill.com",
            "gmail.con",
            "gnail.com",
            "gmail.co",
            "gmal.com",
            "gmail.cm",
        ],
        "hotmail.com" => &["hotmial.com", "hotmil.com", "hotmail.con", "hotmai.com"],
        "outlook.com" => &["outloook.com", "outlok.com", "outlook.con"],
        "yahoo.com" => &["yaho.com", "yahooo.com", "yahoo.con"],
        "icloud.com" => &["iclod.com", "icloud.con", "icoud.com"],
        "googlemail.com" => &["googlemail.con", "googlmail.com"],
        _ => &[],
    };
    if options.is_empty() {
        // Drop one letter of the first label, or ".com" -> ".con".
        if let Some(stem) = domain.strip_suffix(".com") {
            out.push_str(stem);
            out.push_str(".con");
        } else {
            let skip = 1 + rng.below(domain.find('.').unwrap_or(2).max(2) - 1);
            for (i, c) in domain.chars().enumerate() {
                if i != skip {
                    out.push(c);
                }
            }
        }
    } else {
        out.push_str(options[rng.below(options.len())]);
    }
}

/// Writes an email address with the noise people and forms add: tags,
/// gmail dot games, case, stray whitespace, typos in either part.
pub fn email(out: &mut String, rng: &mut Rng, address: &str) {
    let (local, domain) = address.split_once('@').unwrap_or((address, ""));
    let start = out.len();
    let lead = rng.below(1000);
    if lead < 12 {
        out.push(' ');
    }
    let local_start = out.len();
    let is_gmail = domain == "gmail.com" || domain == "googlemail.com";
    if is_gmail && local.is_ascii() && local.len() > 3 && rng.chance(0.03) {
        // Gmail ignores dots, so people add or drop them freely.
        if local.contains('.') {
            out.extend(local.chars().filter(|&c| c != '.'));
        } else {
            let (a, b) = local.split_at(1 + rng.below(local.len() - 2));
            out.push_str(a);
            out.push('.');
            out.push_str(b);
        }
    } else {
        out.push_str(local);
    }
    if rng.chance(0.01) {
        let mut l = out.split_off(local_start);
        typo(&mut l, rng);
        out.push_str(&l);
    }
    if rng.chance(0.045) {
        out.push('+');
        out.push_str(PLUS_TAGS[rng.below(PLUS_TAGS.len())]);
    }
    out.push('@');
    let domain_start = out.len();
    if rng.chance(0.016) {
        domain_typo(rng, domain, out);
    } else if domain == "gmail.com" && rng.chance(0.02) {
        out.push_str("googlemail.com");
    } else {
        out.push_str(domain);
    }
    match rng.below(1000) {
        0..=40 => out[start..].make_ascii_uppercase(),
        41..=92 => capitalize_at(out, local_start),
        93..=128 => capitalize_at(out, domain_start),
        _ => {}
    }
    match lead {
        12..=27 => out.push(' '),
        28..=38 => out.push('\t'),
        39..=41 => {
            out.insert(start, ' ');
            out.push(' ');
        }
        _ => {}
    }
}

fn capitalize_at(s: &mut str, at: usize) {
    if let Some(r) = s.get_mut(at..at + 1) {
        r.make_ascii_uppercase();
    }
}

/// Luhn check digit for a digit string.
pub fn luhn_digit(digits: &[u8]) -> u8 {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// Writes a loyalty number (8 digits, Luhn-valid) as a till or form prints it.
pub fn loyalty(out: &mut String, rng: &mut Rng, number: u32) {
    let mut d = [0u8; 8];
    let mut n = number;
    for slot in d.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
    if rng.chance(0.016) {
        // A wrong digit: the check digit no longer matches.
        let i = rng.below(8);
        d[i] = b'0' + ((d[i] - b'0' + 1 + rng.below(9) as u8) % 10);
    }
    let digits = |d: &[u8], out: &mut String| out.extend(d.iter().map(|&b| b as char));
    match rng.below(1000) {
        0..=474 => {
            out.push_str("LY-");
            digits(&d[..4], out);
            out.push('-');
            digits(&d[4..], out);
        }
        475..=614 => {
            out.push_str("LY");
            digits(&d, out);
        }
        615..=694 => {
            out.push_str("ly-");
            digits(&d[..4], out);
            out.push('-');
            digits(&d[4..], out);
        }
        695..=744 => {
            out.push_str("LY ");
            digits(&d[..4], out);
            out.push(' ');
            digits(&d[4..], out);
        }
        745..=824 => {
            digits(&d[..4], out);
            out.push('-');
            digits(&d[4..], out);
        }
        _ => {
            // Typed as a plain number: spreadsheets and tills lose the leading zeros.
            let first = d.iter().position(|&b| b != b'0').unwrap_or(7);
            let from = if rng.chance(0.9) { first } else { 0 };
            digits(&d[from..], out);
        }
    }
}

/// Writes a device identifier in its native form, or as some SDK re-spelled it.
pub fn device(out: &mut String, rng: &mut Rng, dev: &Device) {
    let roll = rng.below(1000);
    let mut upper = dev.kind == 0;
    // Android IDs get upper-cased more often than UUIDs change case.
    if roll < 40 || (dev.kind == 2 && roll < 120) {
        upper = !upper;
    }
    let hex = if upper { HEX_UPPER } else { HEX_LOWER };
    if dev.kind == 2 {
        for i in (0..16).rev() {
            out.push(hex[((dev.hi >> (i * 4)) & 0xF) as usize] as char);
        }
    } else {
        let braces = (40..95).contains(&roll);
        let dashes = !(95..150).contains(&roll);
        if braces {
            out.push('{');
        }
        for i in 0..32 {
            if dashes && matches!(i, 8 | 12 | 16 | 20) {
                out.push('-');
            }
            let word = if i < 16 { dev.hi } else { dev.lo };
            let shift = (15 - (i % 16)) * 4;
            out.push(hex[((word >> shift) & 0xF) as usize] as char);
        }
        if braces {
            out.push('}');
        }
    }
    if (150..180).contains(&roll) {
        out.push(' ');
    }
}

fn push2(out: &mut String, v: u32) {
    out.push((b'0' + (v / 10 % 10) as u8) as char);
    out.push((b'0' + (v % 10) as u8) as char);
}

fn push4(out: &mut String, v: u32) {
    push2(out, v / 100);
    push2(out, v % 100);
}

/// Writes a birth date: ISO mostly, else compact or the country's slash order.
pub fn birth_date(out: &mut String, rng: &mut Rng, country: usize, (y, m, d): (u16, u8, u8)) {
    let (y, m, d) = (u32::from(y), u32::from(m), u32::from(d));
    match rng.below(100) {
        0..=83 => {
            push4(out, y);
            out.push('-');
            push2(out, m);
            out.push('-');
            push2(out, d);
        }
        84..=89 => {
            push4(out, y);
            push2(out, m);
            push2(out, d);
        }
        _ => {
            let (a, b) = if country == US { (m, d) } else { (d, m) };
            push2(out, a);
            out.push('/');
            push2(out, b);
            out.push('/');
            push4(out, y);
        }
    }
}

/// Writes a postal code: ZIP+4, GB without space or lower case, BR without
/// dash, and now and then a code that lost its leading zero in a spreadsheet.
pub fn postal_code(out: &mut String, rng: &mut Rng, country: usize, code: &str, plus4: u16) {
    let start = out.len();
    match country {
        US if rng.chance(0.04) => {
            out.push_str(code);
            out.push('-');
            push4(out, u32::from(plus4));
        }
        GB => {
            let roll = rng.below(100);
            if roll < 22 {
                out.extend(code.chars().filter(|&c| c != ' '));
            } else {
                out.push_str(code);
            }
            if roll % 20 == 7 {
                out[start..].make_ascii_lowercase();
            }
        }
        BR if rng.chance(0.49) => out.extend(code.chars().filter(|&c| c != '-')),
        _ => out.push_str(code),
    }
    if country != GB && out[start..].starts_with('0') && rng.chance(0.01) {
        out.remove(start);
    }
}

/// Drops accents but keeps case and spacing: what old systems and US
/// keyboards do to "Straße" or "București".
fn strip_accents(s: &str, out: &mut String) {
    let mut buf = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        buf.clear();
        fold_ascii(&c.to_string(), &mut buf);
        if c.is_uppercase() {
            out.push_str(&buf.to_ascii_uppercase());
        } else {
            out.push_str(&buf);
        }
    }
}

/// Writes a street address the way the country writes it, with full or
/// abbreviated street types, optional unit and city, and case noise.
pub fn address(out: &mut String, rng: &mut Rng, country: usize, loc: &Locale, a: &Address) {
    use std::fmt::Write as _;
    let st = &loc.street_types[usize::from(a.street_type) % loc.street_types.len()];
    let ty = if rng.chance(0.3) { &st.abbr } else { &st.full };
    let street = &loc.streets[usize::from(a.street) % loc.streets.len()];
    let (n, unit) = (a.number, a.unit);
    let letter = |i: u16| (b'A' + (i % 8) as u8) as char;
    // Writing into a String cannot fail.
    let mut s = String::with_capacity(64);
    let _ = match country {
        US if unit > 0 => match unit % 3 {
            0 => write!(s, "{n} {street} {ty} Apt {unit}"),
            1 => write!(s, "{n} {street} {ty} #{unit}"),
            _ => write!(s, "{n} {street} {ty}, Unit {unit}"),
        },
        GB if unit > 0 => write!(s, "Flat {unit}, {n} {street} {ty}"),
        US | GB => write!(s, "{n} {street} {ty}"),
        DE => {
            // German street types are glued to the name: "Goethestraße", "Goethestr.".
            let ty = if ty == "straße" && rng.chance(0.15) {
                "strasse"
            } else {
                ty
            };
            if street.ends_with('-') {
                // "Jessika-Walter-" + "Allee": hyphenated names capitalise the type.
                let mut cs = ty.chars();
                let first: String = cs
                    .next()
                    .map(char::to_uppercase)
                    .into_iter()
                    .flatten()
                    .collect();
                write!(s, "{street}{first}{} {n}", cs.as_str())
            } else {
                write!(s, "{street}{ty} {n}")
            }
        }
        FR => write!(s, "{n} {ty} {street}"),
        ES if unit > 0 => write!(s, "{ty} {street}, {n}, {}º {}", unit % 9 + 1, letter(unit)),
        ES => write!(s, "{ty} {street}, {n}"),
        IT if unit % 3 == 1 => write!(s, "{ty} {street}, {n}"),
        IT => write!(s, "{ty} {street} {n}"),
        BR if unit > 0 => write!(s, "{ty} {street}, {n} - Apto {unit}"),
        BR => write!(s, "{ty} {street}, {n}"),
        _ if unit > 0 => write!(
            s,
            "{ty} {street} nr. {n}, bl. {}{}, ap. {unit}",
            letter(unit),
            unit % 5 + 1
        ),
        _ => write!(s, "{ty} {street} nr. {n}"),
    };
    if rng.chance(0.88) {
        s.push_str(", ");
        s.push_str(&loc.cities[usize::from(a.city) % loc.cities.len()]);
    }
    match rng.below(100) {
        0..=4 => s = s.to_uppercase(),
        5..=9 => s = s.to_lowercase(),
        _ => {}
    }
    // Many systems and keyboards still drop accents: "Strasse", "Bucuresti".
    if !s.is_ascii() && rng.chance(0.35) {
        strip_accents(&s, out);
    } else {
        out.push_str(&s);
    }
}

/// Writes a person's name in one of the ways channels capture it.
pub fn name(out: &mut String, rng: &mut Rng, given: &str, family: &str) {
    let start = out.len();
    let initial = |out: &mut String| {
        if let Some(c) = given.chars().next() {
            out.push(c);
            out.push('.');
        }
    };
    let roll = rng.below(1000);
    match roll {
        0..=759 => {
            out.push_str(given);
            out.push(' ');
            out.push_str(family);
        }
        760..=814 => {
            out.push_str(given);
            out.push(' ');
            out.push_str(family);
            let upper = out[start..].to_uppercase();
            out.truncate(start);
            out.push_str(&upper);
        }
        815..=874 => {
            out.push_str(family);
            out.push_str(", ");
            if roll < 868 {
                out.push_str(given);
            } else {
                initial(out);
            }
        }
        875..=914 => {
            out.push_str(given);
            out.push(' ');
            out.push_str(family);
            let lower = out[start..].to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
        915..=939 => {
            initial(out);
            out.push(' ');
            out.push_str(family);
        }
        _ => {
            out.push_str(given);
            out.push(' ');
            out.push_str(family);
        }
    }
    if !out[start..].is_ascii() && rng.chance(0.35) {
        let s = out.split_off(start);
        strip_accents(&s, out);
    }
    if rng.chance(0.02) {
        let mut s = out.split_off(start);
        typo(&mut s, rng);
        out.push_str(&s);
    }
    match rng.below(1000) {
        0..=9 => out.push(' '),
        10..=17 => out.insert(start, ' '),
        18..=24 => {
            if let Some(i) = out[start..].find(' ') {
                out.insert(start + i, ' ');
            }
        }
        _ => {}
    }
}

/// One keyboard slip: a dropped, doubled, swapped or wrong letter.
pub fn typo(s: &mut String, rng: &mut Rng) {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 {
        return;
    }
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => {
            chars.remove(i);
        }
        1 => chars.insert(i, chars[i]),
        2 => chars.swap(i, i + 1),
        _ => {
            let c = (b'a' + rng.below(26) as u8) as char;
            chars[i] = if chars[i].is_uppercase() {
                c.to_ascii_uppercase()
            } else {
                c
            };
        }
    }
    s.clear();
    s.extend(chars);
}
