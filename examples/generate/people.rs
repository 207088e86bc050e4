//! People, households and the records each of them leaves in each channel.
//!
//! A person is drawn once (names, contact points, address, activity window)
//! and then writes all of their records at once, so memory stays flat no
//! matter how many records are asked for. The traps a resolver must survive
//! live here: households sharing a device, email or home phone; store phones
//! typed at the till; a demo tablet; recycled phone numbers; placeholders.

use std::collections::VecDeque;

use crate::fields::{self, pick_weighted, Address, Device, Phone};
use crate::identity::{self, EmailSeed, Seen};
use crate::locale::{self, Locale};
use crate::{Block, Rng};

/// 2023-01-01 .. 2024-12-31, the span the dev data covers.
pub const SPAN_DAYS: u32 = 731;
const DAY: u32 = 86_400;

const SOURCES: [&str; 7] = [
    "web",
    "pos",
    "email",
    "call_center",
    "app",
    "sms",
    "loyalty",
];
const SOURCE_WEIGHTS: [u32; 7] = [250, 211, 148, 142, 130, 77, 41];
const WEB: usize = 0;
const POS: usize = 1;
const EMAIL: usize = 2;
const CALL: usize = 3;
const APP: usize = 4;
const SMS: usize = 5;

const EMAIL_PLACEHOLDERS: [&str; 9] = [
    "no@email.com",
    "unknown",
    "email@email.com",
    "N/A",
    "none@none.com",
    "test@test.com",
    "noemail@noemail.com",
    "noemail@example.com",
    "NOEMAIL@NOEMAIL.COM",
];
const PHONE_PLACEHOLDERS: [&str; 8] = [
    "0000000000",
    "000-000-0000",
    "N/A",
    "unknown",
    "9999999999",
    "1234567890",
    "+10000000000",
    "n/a",
];
const DEVICE_PLACEHOLDERS: [&str; 3] = ["00000000-0000-0000-0000-000000000000", "unknown", "N/A"];
const LOYALTY_PLACEHOLDERS: [&str; 3] = ["00000000", "0", "LY-0000-0000"];
const NAME_PLACEHOLDERS: [&str; 6] = ["N/A", "Guest", "Test Test", "Unknown", "Customer", "guest"];

/// Records per person, measured on omni-dev-20k: 45% singletons, a long
/// tail of regulars, and a few power users with 60-250 records.
const SIZE_WEIGHTS: [u32; 12] = [3184, 1926, 911, 405, 215, 136, 71, 58, 33, 21, 109, 24];

/// One customer: the true entity behind a set of records.
struct Person {
    entity: u64,
    country: usize,
    /// Names may come from another locale (people move).
    name_locale: usize,
    female: bool,
    given: usize,
    /// A second given name (same list), written only now and then.
    middle: Option<usize>,
    nick: Option<usize>,
    family: usize,
    birth: (u16, u8, u8),
    emails: Vec<String>,
    phone: Phone,
    phone2: Option<Phone>,
    /// A number this person gave up at the given second; used before it.
    old_phone: Option<(Phone, u32)>,
    loyalty: u32,
    /// A replacement card, used alongside the first.
    loyalty2: Option<u32>,
    device: Device,
    device2: Option<Device>,
    address: Address,
    postal: String,
    plus4: u16,
    /// Activity window in seconds from the start of the span.
    start: u32,
    end: u32,
    favourite: Option<(usize, f64)>,
    records: u64,
}

/// What a household shares besides a family name and an address.
#[derive(Default)]
struct Shared {
    tablet: Option<Device>,
    email: Option<String>,
    phone: Option<Phone>,
}

pub struct Generator {
    rng: Rng,
    locales: Vec<Locale>,
    /// Per country: phone numbers of stores, typed at the till for customers
    /// who would not give theirs.
    store_phones: Vec<Vec<Phone>>,
    /// Per country: the demo tablet in the store, signed into by many.
    demo_devices: Vec<Device>,
    /// Per country: numbers given up and not yet reassigned, with the second
    /// they were given up.
    recycled: Vec<VecDeque<(Phone, u32)>>,
    tail_weights: Vec<u32>,
    seen: Seen,
    next_entity: u64,
    next_card: u64,
    /// Keys the loyalty-number permutation, so each seed numbers cards differently.
    card_key: u64,
    buf: String,
    buf2: String,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let mut seen = Seen::new();
        let locales = Locale::all();
        let store_phones = (0..locales.len())
            .map(|c| {
                (0..4)
                    .map(|_| identity::landline(&mut rng, &mut seen, c))
                    .collect()
            })
            .collect();
        let demo_devices = (0..locales.len())
            .map(|_| Device::random(&mut rng))
            .collect();
        // P(k) ~ k^-4 for 11..=50: 109 people between 11 and 50 records in
        // the dev data average about 15 records.
        let tail_weights = (11u64..=50)
            .map(|k| (1e12 / ((k * k * k * k) as f64)) as u32)
            .collect();
        Generator {
            recycled: vec![VecDeque::new(); locales.len()],
            rng,
            locales,
            store_phones,
            demo_devices,
            tail_weights,
            seen,
            next_entity: 1,
            next_card: 0,
            card_key: seed,
            buf: String::with_capacity(128),
            buf2: String::with_capacity(128),
        }
    }

    /// Generates one person, or one household, and writes at most `remaining`
    /// records into the block. Returns how many were written.
    pub fn group(&mut self, block: &mut Block, remaining: u64) -> u64 {
        let mut written = 0;
        if self.rng.chance(0.012) {
            let mut members = Vec::with_capacity(4);
            let size = 2 + pick_weighted(&mut self.rng, [50u32, 30, 20].into_iter());
            let head = self.person(None);
            let shared = self.shared(&head);
            for i in 1..size {
                let m = self.person(Some((&head, i)));
                members.push(m);
            }
            members.insert(0, head);
            for p in &members {
                written += self.emit_all(p, Some(&shared), block, remaining - written);
            }
        } else {
            let p = self.person(None);
            written += self.emit_all(&p, None, block, remaining);
        }
        written
    }

    fn record_count(&mut self) -> u64 {
        match pick_weighted(&mut self.rng, SIZE_WEIGHTS.iter().copied()) {
            i @ 0..=9 => i as u64 + 1,
            10 => 11 + pick_weighted(&mut self.rng, self.tail_weights.iter().copied()) as u64,
            _ => 60 + self.rng.below(191) as u64,
        }
    }

    /// Draws a person; `member` = (household head, position) for households.
    fn person(&mut self, member: Option<(&Person, usize)>) -> Person {
        let mut records = self.record_count();
        let rng = &mut self.rng;
        let country = match member {
            Some((h, _)) => h.country,
            None => pick_weighted(rng, locale::SOURCES.iter().map(|s| s.weight)),
        };
        let name_locale = match member {
            Some((h, _)) => h.name_locale,
            None if rng.chance(0.04) => rng.below(self.locales.len()),
            None => country,
        };
        let loc = &self.locales[name_locale];
        let female = match member {
            Some((h, 1)) => !h.female,
            _ => rng.chance(0.52),
        };
        let given_list = if female { &loc.female } else { &loc.male };
        let given = rng.skewed(given_list.len());
        let middle = rng.chance(0.2).then(|| rng.skewed(given_list.len()));
        let nicks = if female {
            &loc.female_nicks[given]
        } else {
            &loc.male_nicks[given]
        };
        let nick = (!nicks.is_empty()).then(|| rng.below(nicks.len()));
        let family = match member {
            // Spouses do not always share the family name.
            Some((_, 1)) if rng.chance(0.2) => rng.skewed(loc.family.len()),
            Some((h, _)) => h.family,
            None => rng.skewed(loc.family.len()),
        };
        let birth = match member {
            Some((h, 1)) => identity::birth_near(rng, h.birth.0, 6),
            Some((h, _)) if h.birth.0 <= 1970 => identity::birth_near(rng, h.birth.0 + 28, 6),
            Some((h, _)) => identity::birth_near(rng, h.birth.0, 10),
            None => identity::random_birth(rng),
        };
        let (address, postal, plus4) = match member {
            Some((h, _)) => (h.address, h.postal.clone(), h.plus4),
            None => {
                let (postal, plus4) = identity::postal_code(rng, country);
                let home = &self.locales[country];
                (identity::random_address(rng, country, home), postal, plus4)
            }
        };

        let a = rng.below(SPAN_DAYS as usize) as u32;
        let b = rng.below(SPAN_DAYS as usize) as u32;
        let (mut start, end) = (a.min(b) * DAY, (a.max(b) + 1) * DAY);

        let seen = &mut self.seen;
        let mut phone = identity::mobile(rng, seen, country);
        let phone2 = rng
            .chance(0.08)
            .then(|| identity::mobile(rng, seen, country));
        // Recycled numbers: the carrier hands a number given up earlier by
        // someone else to this person, whose activity starts after that.
        if rng.chance(0.004) {
            if let Some((old, since)) = self.recycled[country].pop_front() {
                let from = since + (30 + rng.below(150) as u32) * DAY;
                if from + DAY < end {
                    start = start.max(from);
                    phone = old;
                }
            }
        }
        let mut old_phone = None;
        if records >= 2 && rng.chance(0.01) {
            let switch = start + rng.below((end - start) as usize) as u32;
            let old = identity::mobile(rng, seen, country);
            old_phone = Some((old, switch));
            let pool = &mut self.recycled[country];
            if pool.len() >= 256 {
                pool.pop_front();
            }
            pool.push_back((old, switch));
        }

        let from = EmailSeed {
            home: &self.locales[country],
            names: loc,
            given: &given_list[given],
            nick: nick.map(|n| &nicks[n]),
            family: &loc.family[family],
            birth_year: birth.0,
        };
        let mut emails = vec![identity::personal_email(rng, seen, &from)];
        if rng.chance(0.14) {
            emails.push(identity::personal_email(rng, seen, &from));
            if rng.chance(0.12) {
                emails.push(identity::personal_email(rng, seen, &from));
            }
        }
        let loyalty = identity::loyalty_number(self.next_card, self.card_key);
        self.next_card += 1;
        let loyalty2 = rng.chance(0.06).then(|| {
            self.next_card += 1;
            identity::loyalty_number(self.next_card - 1, self.card_key)
        });
        let device = Device::random(rng);
        let device2 = rng.chance(0.08).then(|| Device::random(rng));
        // Regulars have a channel they use most.
        let favourite = match records {
            0..=2 => None,
            3..=9 => Some((pick_weighted(rng, SOURCE_WEIGHTS.iter().copied()), 0.5)),
            _ => Some((pick_weighted(rng, SOURCE_WEIGHTS.iter().copied()), 0.7)),
        };
        if member.is_some() {
            records = records.min(40);
        }
        let entity = self.next_entity;
        self.next_entity += 1;
        Person {
            entity,
            country,
            name_locale,
            female,
            given,
            middle,
            nick,
            family,
            birth,
            emails,
            phone,
            phone2,
            old_phone,
            loyalty,
            loyalty2,
            device,
            device2,
            address,
            postal,
            plus4,
            start,
            end,
            favourite,
            records,
        }
    }

    fn shared(&mut self, head: &Person) -> Shared {
        let rng = &mut self.rng;
        let mut s = Shared::default();
        if rng.chance(0.45) {
            s.tablet = Some(Device::random(rng));
        }
        if rng.chance(0.3) {
            let loc = &self.locales[head.country];
            let family = &self.locales[head.name_locale].family[head.family].fold;
            let domain = loc.domains[pick_weighted(rng, loc.domains.iter().map(|d| d.1))].0;
            let n = rng.below(1000);
            let mut email = match rng.below(4) {
                0 => format!("the{family}s{}@{domain}", n % 100),
                1 => format!("the{family}home{}@{domain}", n % 100),
                2 => format!("{family}family{n}@{domain}"),
                _ => format!("{}{family}{}@{domain}", loc.src.family_word, n % 100),
            };
            while !identity::claim_mailbox(&mut self.seen, &email) {
                let at = email.find('@').unwrap_or(0);
                email.insert(at, (b'0' + rng.below(10) as u8) as char);
            }
            s.email = Some(email);
        }
        if rng.chance(0.4) || (s.tablet.is_none() && s.email.is_none()) {
            s.phone = Some(identity::landline(rng, &mut self.seen, head.country));
        }
        s
    }

    fn emit_all(
        &mut self,
        p: &Person,
        shared: Option<&Shared>,
        block: &mut Block,
        remaining: u64,
    ) -> u64 {
        let n = p.records.min(remaining);
        for _ in 0..n {
            self.emit(p, shared, block);
        }
        n
    }

    /// Writes one record of `p`: picks a channel and a moment, then the
    /// fields that channel captures, each spelled the way it would be.
    fn emit(&mut self, p: &Person, shared: Option<&Shared>, block: &mut Block) {
        let rng = &mut self.rng;
        let source = match p.favourite {
            Some((fav, share)) if rng.chance(share) => fav,
            _ => pick_weighted(rng, SOURCE_WEIGHTS.iter().copied()),
        };
        let day = p.start / DAY + rng.below(((p.end - p.start) / DAY).max(1) as usize) as u32;
        let ts = day * DAY + time_of_day(rng, source);

        // Which fields this channel fills in (rates from omni-dev-20k).
        let (mut email, mut phone, mut loyalty, mut device) = (false, false, false, false);
        let (name, birth, postal, address);
        match source {
            WEB => {
                email = rng.chance(0.95);
                phone = !email || rng.chance(0.26);
                loyalty = rng.chance(0.05);
                name = rng.chance(0.59);
                birth = rng.chance(0.05);
                address = rng.chance(0.39);
                postal = if address {
                    rng.chance(0.9)
                } else {
                    rng.chance(0.17)
                };
            }
            POS => {
                // Either the cashier looks the customer up by phone, or
                // the loyalty card is scanned, or both.
                match rng.below(100) {
                    0..=61 => phone = true,
                    62..=87 => loyalty = true,
                    _ => (phone, loyalty) = (true, true),
                }
                email = rng.chance(0.1);
                name = rng.chance(0.3);
                birth = false;
                postal = rng.chance(0.25);
                address = false;
            }
            EMAIL => {
                email = true;
                name = rng.chance(0.25);
                (birth, postal, address) = (false, false, false);
            }
            CALL => {
                phone = rng.chance(0.98);
                email = !phone || rng.chance(0.2);
                loyalty = rng.chance(0.12);
                name = rng.chance(0.95);
                birth = rng.chance(0.2);
                postal = rng.chance(0.37);
                address = false;
            }
            APP => {
                device = true;
                email = rng.chance(0.35);
                phone = rng.chance(0.1);
                loyalty = rng.chance(0.08);
                name = rng.chance(0.15);
                (birth, postal, address) = (false, false, false);
            }
            SMS => {
                phone = true;
                name = rng.chance(0.06);
                (birth, postal, address) = (false, false, false);
            }
            _ => {
                loyalty = true;
                email = rng.chance(0.68);
                phone = rng.chance(0.6);
                name = rng.chance(0.94);
                birth = rng.chance(0.6);
                postal = rng.chance(0.59);
                address = rng.chance(0.49);
            }
        }

        block.begin(p.entity);
        block.raw_field("source", SOURCES[source]);
        let mut t = [0u8; 20];
        block.raw_field("ts", format_ts(ts, &mut t));
        if rng.chance(0.9) {
            block.raw_field("country", self.locales[p.country].src.code);
        }
        if email {
            self.email_field(p, shared, block);
        }
        if phone {
            self.phone_field(p, shared, source, ts, block);
        }
        if loyalty {
            self.loyalty_field(p, block);
        }
        if device {
            self.device_field(p, shared, block);
        }
        let rng = &mut self.rng;
        if name {
            self.buf.clear();
            if rng.chance(0.009) {
                self.buf
                    .push_str(NAME_PLACEHOLDERS[rng.below(NAME_PLACEHOLDERS.len())]);
            } else {
                let loc = &self.locales[p.name_locale];
                let given = if p.female {
                    &loc.female[p.given]
                } else {
                    &loc.male[p.given]
                };
                let nicks = if p.female {
                    &loc.female_nicks[p.given]
                } else {
                    &loc.male_nicks[p.given]
                };
                let given = match p.nick {
                    Some(n) if rng.chance(0.2) => &nicks[n].text,
                    _ => &given.text,
                };
                let family = &loc.family[p.family].text;
                match p.middle {
                    Some(m) if rng.chance(0.15) => {
                        let list = if p.female { &loc.female } else { &loc.male };
                        let full = format!("{given} {}", list[m].text);
                        fields::name(&mut self.buf, rng, &full, family);
                    }
                    _ => fields::name(&mut self.buf, rng, given, family),
                }
            }
            block.str_field("name", &self.buf);
        }
        if birth {
            self.buf.clear();
            fields::birth_date(&mut self.buf, rng, p.country, p.birth);
            block.str_field("birth_date", &self.buf);
        }
        if address {
            self.buf.clear();
            fields::address(
                &mut self.buf,
                rng,
                p.country,
                &self.locales[p.country],
                &p.address,
            );
            block.str_field("address", &self.buf);
        }
        if postal {
            self.buf.clear();
            fields::postal_code(&mut self.buf, rng, p.country, &p.postal, p.plus4);
            block.str_field("postal_code", &self.buf);
        }
        block.end();
    }

    fn email_field(&mut self, p: &Person, shared: Option<&Shared>, block: &mut Block) {
        let rng = &mut self.rng;
        self.buf.clear();
        if rng.chance(0.01) {
            self.buf
                .push_str(EMAIL_PLACEHOLDERS[rng.below(EMAIL_PLACEHOLDERS.len())]);
            block.str_field("email", &self.buf);
            return;
        }
        let family = shared.and_then(|s| s.email.as_ref());
        let addr = match family {
            Some(e) if rng.chance(0.5) => e,
            _ if p.emails.len() > 1 && rng.chance(0.3) => {
                &p.emails[1 + rng.below(p.emails.len() - 1)]
            }
            _ => &p.emails[0],
        };
        fields::email(&mut self.buf, rng, addr);
        if p.emails.len() > 1 && rng.chance(0.08) {
            self.buf2.clear();
            let other = if addr == &p.emails[0] {
                &p.emails[1]
            } else {
                &p.emails[0]
            };
            fields::email(&mut self.buf2, rng, other);
            block.array_field("email", &self.buf, &self.buf2);
        } else {
            block.str_field("email", &self.buf);
        }
    }

    fn phone_field(
        &mut self,
        p: &Person,
        shared: Option<&Shared>,
        source: usize,
        ts: u32,
        block: &mut Block,
    ) {
        let rng = &mut self.rng;
        self.buf.clear();
        if rng.chance(0.012) {
            self.buf
                .push_str(PHONE_PLACEHOLDERS[rng.below(PHONE_PLACEHOLDERS.len())]);
            block.str_field("phone", &self.buf);
            return;
        }
        let stores = &self.store_phones[p.country];
        let own = match (p.old_phone, p.phone2) {
            (Some((old, until)), _) if ts < until => old,
            (_, Some(second)) if rng.chance(0.25) => second,
            _ => p.phone,
        };
        let mut number = match shared.and_then(|s| s.phone) {
            _ if source == POS && rng.chance(0.012) => stores[rng.below(stores.len())],
            Some(home) if rng.chance(0.35) => home,
            _ => own,
        };
        if rng.chance(0.015) {
            number = number.with_typo(rng);
        }
        let loc = &self.locales[usize::from(number.country)];
        fields::phone(&mut self.buf, rng, loc, &number);
        // Forms with two phone boxes: the person's other current number.
        let other = match p.phone2 {
            Some(second) if own == p.phone => Some(second),
            Some(second) if own == second => Some(p.phone),
            _ => None,
        };
        if let Some(other) = other.filter(|_| rng.chance(0.16)) {
            self.buf2.clear();
            fields::phone(&mut self.buf2, rng, loc, &other);
            block.array_field("phone", &self.buf, &self.buf2);
        } else {
            block.str_field("phone", &self.buf);
        }
    }

    fn loyalty_field(&mut self, p: &Person, block: &mut Block) {
        let rng = &mut self.rng;
        self.buf.clear();
        if rng.chance(0.003) {
            self.buf
                .push_str(LOYALTY_PLACEHOLDERS[rng.below(LOYALTY_PLACEHOLDERS.len())]);
        } else {
            let card = match p.loyalty2 {
                Some(second) if rng.chance(0.4) => second,
                _ => p.loyalty,
            };
            fields::loyalty(&mut self.buf, rng, card);
        }
        block.str_field("loyalty_id", &self.buf);
    }

    fn device_field(&mut self, p: &Person, shared: Option<&Shared>, block: &mut Block) {
        let rng = &mut self.rng;
        self.buf.clear();
        let roll = rng.below(1000);
        if roll < 25 {
            // Limit Ad Tracking: the advertising ID reads as all zeros.
            self.buf.push_str(DEVICE_PLACEHOLDERS[0]);
        } else if roll < 28 {
            self.buf
                .push_str(DEVICE_PLACEHOLDERS[1 + rng.below(DEVICE_PLACEHOLDERS.len() - 1)]);
        } else {
            let dev = match shared.and_then(|s| s.tablet) {
                _ if roll < 34 => self.demo_devices[p.country],
                Some(tablet) if rng.chance(0.6) => tablet,
                _ => match p.device2 {
                    Some(second) if rng.chance(0.35) => second,
                    _ => p.device,
                },
            };
            fields::device(&mut self.buf, rng, &dev);
        }
        block.str_field("device_id", &self.buf);
    }
}

/// Seconds into the day, by channel: stores and call centres keep opening
/// hours, campaigns go out in the morning and evening, web and app never sleep.
fn time_of_day(rng: &mut Rng, source: usize) -> u32 {
    let h = 3600;
    let r = rng.below(3600) as u32;
    match source {
        POS => 9 * h + rng.below(12) as u32 * h + r,
        CALL => 8 * h + rng.below(12) as u32 * h + r,
        EMAIL | SMS => {
            const SENDS: [u32; 4] = [8, 10, 12, 18];
            let send = SENDS[rng.below(SENDS.len())] * h;
            (send + rng.below(5) as u32 * h + r).min(DAY - 1)
        }
        _ if rng.chance(0.75) => 7 * h + rng.below(17) as u32 * h + r,
        _ => rng.below(24) as u32 * h + r,
    }
}

/// Formats seconds from 2023-01-01T00:00:00Z as RFC 3339.
pub fn format_ts(secs: u32, out: &mut [u8; 20]) -> &str {
    // Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
    let z = i64::from(secs / DAY) + 19_358 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u32;
    let t = secs % DAY;
    let parts = [
        (0, y / 100),
        (2, y % 100),
        (5, m),
        (8, d),
        (11, t / 3600),
        (14, t / 60 % 60),
        (17, t % 60),
    ];
    *out = *b"0000-00-00T00:00:00Z";
    for (at, v) in parts {
        out[at] = b'0' + (v / 10) as u8;
        out[at + 1] = b'0' + (v % 10) as u8;
    }
    std::str::from_utf8(out).unwrap_or("2023-01-01T00:00:00Z")
}
