//! Normalizer throughput in values per second, one criterion group per kind.
//!
//! Inputs are the real values of the bundled sample
//! (`tests/data/omni-dev-20k/records.jsonl`), so the mix of clean, messy and
//! junk values is what a retail export looks like. Each group pairs the
//! idgraph normalizer with a "raw baseline" (trim + lower case, the least any
//! pipeline does) so a report shows what normalization costs on top of that.
//!
//! Phone has two idgraph variants because its per-thread outcome cache
//! dominates the result: "repeated" runs the sample's values again and again
//! (the cache is warm, as it is on real data where numbers recur), "distinct"
//! cycles through 240,000 synthetic valid numbers, more than the cache holds,
//! so every call pays for the full libphonenumber metadata path.
//!
//! Before timing, each function's output is checked once against counts
//! computed from the sample when this bench was written (memchr style), so a
//! normalizer that became fast by becoming wrong fails here. When a rule
//! change legitimately moves a count, the failure message gives the new one.

use std::collections::HashSet;
use std::fs::File;
use std::hint::black_box;
use std::io::BufReader;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use idgraph::normalize::{self, LoyaltyScheme};
use idgraph::{Record, RejectReason};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/omni-dev-20k/records.jsonl"
);

/// Synthetic phone numbers in the "distinct" variant: well above the phone
/// cache's 65,536 entries so that cycling through them never hits.
const DISTINCT_PHONES: usize = 240_000;
/// Values per timed iteration of the "distinct" variant; divides `DISTINCT_PHONES`.
const DISTINCT_CHUNK: usize = 10_000;

/// One raw value and the country of the record it came from.
struct Value {
    raw: String,
    country: Option<String>,
}

/// What one kind's run over the sample must give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Expected {
    /// Values of this kind in the sample.
    values: usize,
    /// Values left non-empty by the raw baseline.
    nonblank: usize,
    /// Values the normalizer accepts.
    accepted: usize,
    /// Distinct canonical values among the accepted ones.
    distinct: usize,
}

fn load_records() -> Vec<Record> {
    let file = File::open(SAMPLE).unwrap_or_else(|e| panic!("cannot open {SAMPLE}: {e}"));
    idgraph::read_jsonl(BufReader::new(file))
        .map(|r| r.unwrap_or_else(|e| panic!("bad record in {SAMPLE}: {e}")))
        .collect()
}

fn values<'a, I>(records: &'a [Record], field: impl Fn(&'a Record) -> I) -> Vec<Value>
where
    I: IntoIterator<Item = &'a str>,
{
    records
        .iter()
        .flat_map(|r| {
            let country = r.get_country().map(str::to_string);
            field(r).into_iter().map(move |raw| Value {
                raw: raw.to_string(),
                country: country.clone(),
            })
        })
        .collect()
}

/// The raw baseline: what a pipeline without a normalizer would do.
fn baseline(values: &[Value]) -> usize {
    values
        .iter()
        .filter(|v| !black_box(black_box(v.raw.as_str()).trim().to_lowercase()).is_empty())
        .count()
}

/// Runs the normalizer over `values`; the timed part. Returns the accepted count.
fn accepted<T>(
    values: &[Value],
    f: &impl Fn(&str, Option<&str>) -> Result<T, RejectReason>,
) -> usize {
    values
        .iter()
        .filter(|v| black_box(f(black_box(&v.raw), v.country.as_deref())).is_ok())
        .count()
}

/// Checks both functions' output once, outside the timed loop.
fn check<T>(
    kind: &str,
    values: &[Value],
    f: &impl Fn(&str, Option<&str>) -> Result<T, RejectReason>,
    canonical: fn(&T) -> String,
    expected: Expected,
) {
    let mut distinct = HashSet::new();
    let mut accepted = 0;
    for v in values {
        if let Ok(t) = f(&v.raw, v.country.as_deref()) {
            accepted += 1;
            distinct.insert(canonical(&t));
        }
    }
    let got = Expected {
        values: values.len(),
        nonblank: baseline(values),
        accepted,
        distinct: distinct.len(),
    };
    assert_eq!(
        got, expected,
        "{kind}: normalizer output changed on the bundled sample"
    );
}

fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    // Each iteration is a whole pass (thousands of values), so few samples
    // over a short time are stable enough and keep the bench to a few minutes.
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

/// One group: raw baseline and idgraph over the same values.
fn bench_kind<T>(
    c: &mut Criterion,
    kind: &str,
    values: &[Value],
    f: impl Fn(&str, Option<&str>) -> Result<T, RejectReason>,
    canonical: fn(&T) -> String,
    expected: Expected,
) {
    check(kind, values, &f, canonical, expected);
    let mut group = c.benchmark_group(kind);
    configure(&mut group);
    group.throughput(Throughput::Elements(values.len() as u64));
    group.bench_function("raw baseline", |b| b.iter(|| baseline(values)));
    group.bench_function("idgraph", |b| b.iter(|| accepted(values, &f)));
    group.finish();
}

fn bench_normalize(c: &mut Criterion) {
    let records = load_records();
    let emails = values(&records, |r| r.emails().iter().map(String::as_str));
    let phones = values(&records, |r| r.phones().iter().map(String::as_str));
    let loyalty = values(&records, |r| r.loyalty_ids().iter().map(String::as_str));
    let devices = values(&records, |r| r.device_ids().iter().map(String::as_str));
    let names = values(&records, Record::get_name);
    let birth_dates = values(&records, Record::get_birth_date);
    let postal_codes = values(&records, Record::get_postal_code);
    let addresses = values(&records, Record::get_address);

    bench_kind(
        c,
        "email",
        &emails,
        |raw, _| normalize::email(raw),
        |e| e.as_str().to_string(),
        Expected {
            values: 10319,
            nonblank: 10319,
            accepted: 10207,
            distinct: 5197,
        },
    );
    bench_phone(c, &phones);
    let scheme = LoyaltyScheme::infer(loyalty.iter().map(|v| v.raw.as_str()));
    bench_kind(
        c,
        "loyalty",
        &loyalty,
        |raw, _| normalize::loyalty_id(raw, &scheme),
        |l| l.as_str().to_string(),
        Expected {
            values: 3234,
            nonblank: 3234,
            accepted: 3224,
            distinct: 1933,
        },
    );
    bench_kind(
        c,
        "device",
        &devices,
        |raw, _| normalize::device_id(raw),
        |d| d.as_str().to_string(),
        Expected {
            values: 2605,
            nonblank: 2605,
            accepted: 2533,
            distinct: 1518,
        },
    );
    bench_kind(
        c,
        "name",
        &names,
        |raw, _| normalize::name(raw),
        |n| n.tokens().join(" "),
        Expected {
            values: 8913,
            nonblank: 8913,
            accepted: 8838,
            distinct: 4826,
        },
    );
    bench_kind(
        c,
        "birth_date",
        &birth_dates,
        normalize::birth_date,
        |d| d.to_string(),
        Expected {
            values: 1331,
            nonblank: 1331,
            accepted: 1327,
            distinct: 952,
        },
    );
    bench_kind(
        c,
        "postal_code",
        &postal_codes,
        normalize::postal_code,
        |p| p.as_str().to_string(),
        Expected {
            values: 4857,
            nonblank: 4857,
            accepted: 4857,
            distinct: 2568,
        },
    );
    bench_kind(
        c,
        "address",
        &addresses,
        |raw, _| normalize::address(raw),
        |a| a.as_str().to_string(),
        Expected {
            values: 2374,
            nonblank: 2374,
            accepted: 2374,
            distinct: 1617,
        },
    );
}

/// Phone: baseline, idgraph on the sample (cache warm), idgraph on distinct numbers (cache cold).
fn bench_phone(c: &mut Criterion, phones: &[Value]) {
    let f = |raw: &str, region: Option<&str>| normalize::phone(raw, region);
    let canonical = |p: &normalize::Phone| p.as_str().to_string();
    check(
        "phone",
        phones,
        &f,
        canonical,
        Expected {
            values: 9754,
            nonblank: 9754,
            accepted: 9117,
            distinct: 4745,
        },
    );
    let distinct = synthetic_phones(DISTINCT_PHONES);
    // Checked on another thread: the phone cache is per thread, and the
    // timed loop on this one must not find these numbers already cached.
    std::thread::scope(|s| {
        s.spawn(|| {
            let n = DISTINCT_PHONES;
            check(
                "phone (distinct)",
                &distinct,
                &f,
                canonical,
                Expected {
                    values: n,
                    nonblank: n,
                    accepted: n,
                    distinct: n,
                },
            );
        });
    });

    let mut group = c.benchmark_group("phone");
    configure(&mut group);
    group.throughput(Throughput::Elements(phones.len() as u64));
    group.bench_function("raw baseline", |b| b.iter(|| baseline(phones)));
    group.bench_function("idgraph repeated", |b| b.iter(|| accepted(phones, &f)));
    group.throughput(Throughput::Elements(DISTINCT_CHUNK as u64));
    group.bench_function("idgraph distinct", |b| {
        // Cycling through the set in chunks: by the time a number comes back,
        // 230,000 others have passed through the cache, which is emptied
        // whenever it fills, so the number is no longer there.
        let mut start = 0;
        b.iter(|| {
            let chunk = distinct
                .get(start..start + DISTINCT_CHUNK)
                .unwrap_or_default();
            start = (start + DISTINCT_CHUNK) % DISTINCT_PHONES;
            accepted(chunk, &f)
        });
    });
    group.finish();
}

/// A mobile numbering range: ISO country, calling code, national trunk
/// prefix, leading digits of the national number, and how many digits follow.
struct Range {
    country: &'static str,
    calling_code: &'static str,
    trunk: &'static str,
    leads: &'static [&'static str],
    tail: u32,
}

/// Mobile ranges valid under libphonenumber's metadata in the sample's main countries.
const RANGES: [Range; 8] = [
    Range {
        country: "US",
        calling_code: "1",
        trunk: "",
        leads: &[
            "212946", "310228", "415387", "512357", "646787", "713826", "904834", "917761",
        ],
        tail: 4,
    },
    Range {
        country: "GB",
        calling_code: "44",
        trunk: "0",
        leads: &["74", "75", "78"],
        tail: 8,
    },
    Range {
        country: "DE",
        calling_code: "49",
        trunk: "0",
        leads: &["170", "171", "172", "175", "176", "177", "178", "179"],
        tail: 7,
    },
    Range {
        country: "FR",
        calling_code: "33",
        trunk: "0",
        leads: &[
            "60", "61", "62", "64", "65", "66", "67", "68", "75", "76", "77", "78",
        ],
        tail: 7,
    },
    Range {
        country: "IT",
        calling_code: "39",
        trunk: "",
        leads: &[
            "320", "328", "329", "330", "333", "338", "339", "340", "347", "348", "349",
        ],
        tail: 7,
    },
    Range {
        country: "ES",
        calling_code: "34",
        trunk: "",
        leads: &["60", "61", "62", "63", "64", "65", "66", "67", "68", "69"],
        tail: 7,
    },
    Range {
        country: "BR",
        calling_code: "55",
        trunk: "0",
        leads: &[
            "119", "219", "279", "319", "419", "449", "519", "619", "719", "819", "859",
        ],
        tail: 8,
    },
    Range {
        country: "RO",
        calling_code: "40",
        trunk: "0",
        leads: &["72", "73", "74", "75", "76"],
        tail: 7,
    },
];

/// `n` distinct valid mobile numbers, deterministic, spread over the ranges
/// and written in the formats channels export (E.164, spaced international,
/// national with and without punctuation, `00` international prefix).
fn synthetic_phones(n: usize) -> Vec<Value> {
    (0..n)
        .map(|g| {
            let range = &RANGES[g % RANGES.len()];
            let i = (g / RANGES.len()) as u64;
            let leads = range.leads.len() as u64;
            let lead = range.leads[(i % leads) as usize];
            // (i % leads, i / leads) is injective, and j -> j * 7919 + c is
            // injective modulo 10^tail (7919 is prime to 10) while j < 10^tail,
            // so numbers never repeat, and they are not sequential.
            let modulus = 10u64.pow(range.tail);
            let sub = ((i / leads) * 7_919 + 4_321) % modulus;
            let nsn = format!("{lead}{sub:0width$}", width = range.tail as usize);
            let (cc, trunk) = (range.calling_code, range.trunk);
            let (a, rest) = nsn.split_at(3);
            let (b, c) = rest.split_at(3);
            let (raw, country) = match i % 6 {
                0 => (format!("+{cc}{nsn}"), None),
                1 => (format!("+{cc}{nsn}"), Some(range.country)),
                2 => (format!("+{cc} {a} {b} {c}"), Some(range.country)),
                3 => (format!("{trunk}{nsn}"), Some(range.country)),
                4 if range.country == "US" => (format!("({a}) {b}-{c}"), Some(range.country)),
                4 => (format!("{trunk}{a}-{b}-{c}"), Some(range.country)),
                _ if range.country == "US" => (format!("1-{a}-{b}-{c}"), Some(range.country)),
                _ => (format!("00{cc}{a}.{b}.{c}"), Some(range.country)),
            };
            Value {
                raw,
                country: country.map(str::to_string),
            }
        })
        .collect()
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
