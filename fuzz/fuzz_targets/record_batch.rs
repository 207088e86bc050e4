//! Records from outside: the JSON-lines reader on any bytes, then the resolver
//! on small batches.
//!
//! Invariants:
//! - `read_jsonl`: no panic; one item per non-blank line; every error is
//!   `InvalidRecord` or `DuplicateId` (a byte slice cannot fail to read) and
//!   names its line; an accepted line is a JSON object (the record contract);
//!   accepted records have distinct, non-blank ids of at most `MAX_ID_LEN`
//!   bytes and at most `MAX_VALUES_PER_FIELD` values per identifier field; an
//!   error's text never repeats an email-like value of its line;
//! - resolving (the records read above when there are at most 16, and a batch of up
//!   to 12 records decoded from the same bytes with `arbitrary`, built from a tiny
//!   alphabet of values so that links happen): no panic; one outcome per record in
//!   input order; every record has a customer, which lists it; the same batch in
//!   reverse order and rotated gives the same partition of record ids into
//!   customers and the same rejected values per record.
//!
//! Input: any bytes. Seed files are JSON lines, which the batch decoder also reads.

#![cfg_attr(fuzzing, no_main)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use arbitrary::{Arbitrary, Unstructured};
use idgraph::{
    read_jsonl, Config, ErrorKind, IdentityGraph, Record, MAX_ID_LEN, MAX_VALUES_PER_FIELD,
};
use idgraph_fuzz::{ByteLit, Corpus};

/// Larger inputs are rejected: the reader's interesting cases fit in this,
/// and resolving stays fast enough for the fuzzer.
const MAX_INPUT: usize = 64 * 1024;
/// Records read from JSON lines that are also resolved.
const MAX_READ_BATCH: usize = 16;
/// Records in a decoded batch.
const MAX_BATCH: usize = 12;

fn body(data: &[u8]) -> Corpus {
    if data.len() > MAX_INPUT {
        return Corpus::Reject;
    }
    let read = check_reader(data);
    if (1..=MAX_READ_BATCH).contains(&read.len()) {
        let spec = BatchSpec::from_records(&read);
        check_resolve(read, &spec);
    }
    if let Ok(spec) = BatchSpec::arbitrary_take_rest(Unstructured::new(data)) {
        if let Some(records) = spec.build() {
            check_resolve(records, &spec);
        }
    }
    Corpus::Keep
}

/// Reads every line and checks the reader's promises; returns the records it accepted.
fn check_reader(data: &[u8]) -> Vec<Record> {
    let repro = ByteLit(data);
    // The reader yields one item per non-blank line, in order, so the k-th item
    // belongs to the k-th non-blank line (1-based line numbers).
    let non_blank: Vec<(u64, &[u8])> = data
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, l)| (i as u64 + 1, l))
        .collect();
    let items: Vec<_> = read_jsonl(data).collect();
    assert_eq!(
        items.len(),
        non_blank.len(),
        "{} items for {} non-blank lines\nreproducer: idgraph::read_jsonl(&{repro:?}[..])",
        items.len(),
        non_blank.len()
    );
    let mut records = Vec::new();
    let mut ids = HashSet::new();
    for (item, &(line, source)) in items.into_iter().zip(&non_blank) {
        match item {
            Ok(r) => {
                // The record contract is one JSON object per line.
                assert_eq!(
                    source.trim_ascii_start().first(),
                    Some(&b'{'),
                    "line {line} is not a JSON object but was accepted\nreproducer: idgraph::read_jsonl(&{repro:?}[..])"
                );
                let id = r.id();
                assert!(
                    !id.trim().is_empty() && id.len() <= MAX_ID_LEN,
                    "accepted record id {id:?} on line {line}\nreproducer: idgraph::read_jsonl(&{repro:?}[..])"
                );
                assert!(
                    ids.insert(id.to_string()),
                    "id {id:?} accepted twice\nreproducer: idgraph::read_jsonl(&{repro:?}[..])"
                );
                for field in [r.emails(), r.phones(), r.loyalty_ids(), r.device_ids()] {
                    assert!(
                        field.len() <= MAX_VALUES_PER_FIELD,
                        "{} values in one field on line {line}\nreproducer: idgraph::read_jsonl(&{repro:?}[..])",
                        field.len()
                    );
                }
                records.push(r);
            }
            Err(e) => {
                assert!(
                    matches!(e.kind(), ErrorKind::InvalidRecord | ErrorKind::DuplicateId),
                    "error kind {:?} from a byte slice\nreproducer: idgraph::read_jsonl(&{repro:?}[..])",
                    e.kind()
                );
                assert_eq!(
                    e.line(),
                    Some(line),
                    "error for line {line} names another line\nreproducer: idgraph::read_jsonl(&{repro:?}[..])"
                );
                let text = e.to_string();
                for value in source.split(|&b| b == b'"') {
                    // Email-like values are personal data; the reader's own texts have no '@'.
                    if value.len() > 6 && value.contains(&b'@') {
                        if let Ok(value) = std::str::from_utf8(value) {
                            assert!(
                                !text.contains(value),
                                "error text {text:?} repeats a value of line {line}\nreproducer: idgraph::read_jsonl(&{repro:?}[..])"
                            );
                        }
                    }
                }
            }
        }
    }
    records
}

/// Resolves `records` in the given order, reversed and rotated, and checks the graph.
fn check_resolve(records: Vec<Record>, spec: &BatchSpec) {
    let forward = resolve(records.clone(), spec);
    let mut reversed = records.clone();
    reversed.reverse();
    let backward = resolve(reversed, spec);
    assert_eq!(
        forward, backward,
        "reversing the batch changed the result\nreproducer: {spec:?}"
    );
    if records.len() > 2 {
        let mut rotated = records;
        let by = usize::from(spec.rotate) % rotated.len();
        rotated.rotate_left(by);
        let turned = resolve(rotated, spec);
        assert_eq!(
            forward, turned,
            "rotating the batch by {by} changed the result\nreproducer: {spec:?}"
        );
    }
}

/// What must not depend on input order: the partition of record ids into
/// customers and, per record id, the values refused (as `Debug` text).
#[derive(Debug, PartialEq, Eq)]
struct Resolved {
    partition: BTreeSet<BTreeSet<String>>,
    rejected: BTreeMap<String, String>,
}

fn resolve(records: Vec<Record>, spec: &BatchSpec) -> Resolved {
    let ids: Vec<String> = records.iter().map(|r| r.id().to_string()).collect();
    let graph = match IdentityGraph::new(Config::new()) {
        Ok(g) => g,
        Err(e) => panic!("the default Config is invalid: {e}"),
    };
    let outcomes = match graph.upsert_batch(records) {
        Ok(o) => o,
        Err(e) => panic!("upsert_batch refused valid records: {e}\nreproducer: {spec:?}"),
    };
    assert_eq!(
        outcomes.len(),
        ids.len(),
        "not one outcome per record\nreproducer: {spec:?}"
    );
    assert_eq!(
        graph.len(),
        ids.len(),
        "graph does not hold every record\nreproducer: {spec:?}"
    );
    let mut rejected = BTreeMap::new();
    for (outcome, id) in outcomes.iter().zip(&ids) {
        assert_eq!(
            outcome.record_id(),
            id,
            "outcomes are not in input order\nreproducer: {spec:?}"
        );
        let customer = graph.customer_of(id);
        assert_eq!(
            customer,
            Some(outcome.customer()),
            "record {id:?} has no or another customer\nreproducer: {spec:?}"
        );
        let members = graph.records_of(outcome.customer());
        assert!(
            members.iter().any(|m| m == id),
            "customer of {id:?} does not list it\nreproducer: {spec:?}"
        );
        assert!(
            members.windows(2).all(|w| w[0] < w[1]),
            "records_of is not sorted\nreproducer: {spec:?}"
        );
        rejected.insert(id.clone(), format!("{:?}", outcome.rejected()));
    }
    let mut by_customer: BTreeMap<_, BTreeSet<String>> = BTreeMap::new();
    for (id, customer) in graph.assignments() {
        by_customer
            .entry(customer)
            .or_default()
            .insert(id.to_string());
    }
    let partition: BTreeSet<BTreeSet<String>> = by_customer.into_values().collect();
    let held: usize = partition.iter().map(BTreeSet::len).sum();
    assert_eq!(
        held,
        ids.len(),
        "assignments do not cover every record once\nreproducer: {spec:?}"
    );
    assert_eq!(
        graph.stats().customers,
        partition.len(),
        "stats disagree with assignments\nreproducer: {spec:?}"
    );
    Resolved {
        partition,
        rejected,
    }
}

// Tiny alphabets: several spellings of the same few people, placeholders and
// junk, so that decoded batches link, conflict and reject.
const SOURCES: &[&str] = &[
    "web",
    "app",
    "pos",
    "loyalty",
    "email",
    "sms",
    "call_center",
];
const TIMES: &[&str] = &[
    "2024-03-01T12:00:00Z",
    "2023-01-01T00:21:24Z",
    "2024-03-01T14:00:00+02:00",
    "yesterday",
];
const EMAILS: &[&str] = &[
    "Jane.Doe+promo@GoogleMail.com",
    "janedoe@gmail.com",
    "jane.doe@gmial.con",
    "bob.smith@yahoo.com",
    " BOB.SMITH@YAHOO.COM ",
    "family@example.com",
    "test@test.com",
    "not-an-email",
];
const PHONES: &[&str] = &[
    "(415) 555-0132",
    "+1 415 555 0132",
    "4155550132",
    "+44 7700 900123",
    "07700 900123",
    "06-13-61-21-78",
    "0000000000",
    "n/a",
];
const LOYALTY: &[&str] = &["LY-0042-1337", "421337", "LY00421337", "LY26689737", "N/A"];
const DEVICES: &[&str] = &[
    "6D92078A-8246-4BA4-AE5B-76104861E7DC",
    "{6d92078a-8246-4ba4-ae5b-76104861e7dc}",
    "126E3664-4883-43BE-A4A6-46156CE9EB66",
    "9774d56d682e549c",
    "00000000-0000-0000-0000-000000000000",
];
const NAMES: &[&str] = &[
    "Jane Doe",
    "DOE, Jane",
    "J. Doe",
    "Janie Doe",
    "Bob Smith",
    "Robert Smith",
    "SMITH, Bob",
    "José Álvarez",
];
const GIVEN: &[&str] = &["Jane", "Bob", "Robert", "J."];
const FAMILY: &[&str] = &["Doe", "Smith", "Álvarez"];
const BIRTH_DATES: &[&str] = &[
    "1990-04-12",
    "12/04/1990",
    "04/12/1990",
    "1962-12-25",
    "1990-02-31",
];
const POSTAL_CODES: &[&str] = &["94107", "SW1A 1AA", "sw1a1aa", "75120880", "E8 9QN"];
const ADDRESSES: &[&str] = &[
    "12 Main St.",
    "12 main street",
    "12 Main St, Springfield",
    "1 Rue de Rivoli",
];
const COUNTRIES: &[&str] = &["US", "GB", "FR", "BR", "DE", "us", "", "GBR"];

/// One value: from the field's alphabet, or (rarely) any text.
#[derive(Clone)]
enum Val {
    Known(u8),
    Free(String),
}

impl<'a> Arbitrary<'a> for Val {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let b = u8::arbitrary(u)?;
        if b < 240 {
            Ok(Val::Known(b))
        } else {
            Ok(Val::Free(String::arbitrary(u)?))
        }
    }
}

impl Val {
    fn pick(&self, alphabet: &[&str]) -> String {
        match self {
            Val::Known(i) => alphabet
                .get(usize::from(*i) % alphabet.len())
                .copied()
                .unwrap_or("")
                .to_string(),
            Val::Free(s) => s.clone(),
        }
    }
}

/// One record as setter calls, decoded from bytes.
#[derive(Arbitrary)]
struct RecSpec {
    source: Option<Val>,
    ts: Option<Val>,
    country: Option<Val>,
    emails: Vec<Val>,
    phones: Vec<Val>,
    loyalty_ids: Vec<Val>,
    device_ids: Vec<Val>,
    name: Option<Val>,
    given_name: Option<Val>,
    family_name: Option<Val>,
    birth_date: Option<Val>,
    postal_code: Option<Val>,
    address: Option<Val>,
}

/// A batch: each record is a list of `(setter, value)` calls on `Record::new(id)`.
#[derive(Default)]
struct BatchSpec {
    records: Vec<(String, Vec<(&'static str, String)>)>,
    rotate: u8,
}

impl<'a> Arbitrary<'a> for BatchSpec {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let rotate = u8::arbitrary(u)?;
        let mut records = Vec::new();
        for (i, rec) in u.arbitrary_iter::<RecSpec>()?.enumerate() {
            if i == MAX_BATCH {
                break;
            }
            records.push((format!("r{i:02}"), rec?.calls()));
        }
        Ok(BatchSpec { records, rotate })
    }
}

impl RecSpec {
    fn calls(&self) -> Vec<(&'static str, String)> {
        const MAX_VALUES: usize = 3;
        let mut calls = Vec::new();
        fn one(
            setter: &'static str,
            v: &Option<Val>,
            alphabet: &[&str],
            calls: &mut Vec<(&'static str, String)>,
        ) {
            if let Some(v) = v {
                calls.push((setter, v.pick(alphabet)));
            }
        }
        one("source", &self.source, SOURCES, &mut calls);
        one("ts", &self.ts, TIMES, &mut calls);
        one("country", &self.country, COUNTRIES, &mut calls);
        one("name", &self.name, NAMES, &mut calls);
        one("given_name", &self.given_name, GIVEN, &mut calls);
        one("family_name", &self.family_name, FAMILY, &mut calls);
        one("birth_date", &self.birth_date, BIRTH_DATES, &mut calls);
        one("postal_code", &self.postal_code, POSTAL_CODES, &mut calls);
        one("address", &self.address, ADDRESSES, &mut calls);
        let many = [
            ("email", &self.emails, EMAILS),
            ("phone", &self.phones, PHONES),
            ("loyalty_id", &self.loyalty_ids, LOYALTY),
            ("device_id", &self.device_ids, DEVICES),
        ];
        for (setter, values, alphabet) in many {
            for v in values.iter().take(MAX_VALUES) {
                calls.push((setter, v.pick(alphabet)));
            }
        }
        calls
    }
}

impl BatchSpec {
    /// The calls that rebuild records read from JSON lines, for the reproducer.
    fn from_records(records: &[Record]) -> BatchSpec {
        let mut spec = BatchSpec::default();
        for r in records {
            let mut calls = Vec::new();
            let singles = [
                ("source", r.get_source()),
                ("ts", r.get_ts()),
                ("country", r.get_country()),
                ("name", r.get_name()),
                ("given_name", r.get_given_name()),
                ("family_name", r.get_family_name()),
                ("birth_date", r.get_birth_date()),
                ("postal_code", r.get_postal_code()),
                ("address", r.get_address()),
            ];
            for (setter, v) in singles {
                if let Some(v) = v {
                    calls.push((setter, v.to_string()));
                }
            }
            let many = [
                ("email", r.emails()),
                ("phone", r.phones()),
                ("loyalty_id", r.loyalty_ids()),
                ("device_id", r.device_ids()),
            ];
            for (setter, values) in many {
                calls.extend(values.iter().map(|v| (setter, v.clone())));
            }
            spec.records.push((r.id().to_string(), calls));
        }
        spec.rotate = 1;
        spec
    }

    /// The records; `None` if the batch is empty.
    fn build(&self) -> Option<Vec<Record>> {
        if self.records.is_empty() {
            return None;
        }
        let mut out = Vec::with_capacity(self.records.len());
        for (id, calls) in &self.records {
            let mut r = match Record::new(id.as_str()) {
                Ok(r) => r,
                Err(e) => panic!("Record::new({id:?}) failed: {e}"),
            };
            for (setter, value) in calls {
                let v = value.clone();
                r = match *setter {
                    "source" => r.source(v),
                    "ts" => r.ts(v),
                    "country" => r.country(v),
                    "name" => r.name(v),
                    "given_name" => r.given_name(v),
                    "family_name" => r.family_name(v),
                    "birth_date" => r.birth_date(v),
                    "postal_code" => r.postal_code(v),
                    "address" => r.address(v),
                    "email" => r.email(v),
                    "phone" => r.phone(v),
                    "loyalty_id" => r.loyalty_id(v),
                    "device_id" => r.device_id(v),
                    other => panic!("unknown setter {other}"),
                };
            }
            out.push(r);
        }
        Some(out)
    }
}

/// Rust code that builds the batch and resolves it.
impl fmt::Debug for BatchSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{{ // rotate by {}", self.rotate)?;
        writeln!(f, "let records = vec![")?;
        for (id, calls) in &self.records {
            write!(f, "    Record::new({id:?})?")?;
            for (setter, value) in calls {
                write!(f, ".{setter}({value:?})")?;
            }
            writeln!(f, ",")?;
        }
        writeln!(f, "];")?;
        write!(
            f,
            "IdentityGraph::new(Config::new())?.upsert_batch(records)?; }}"
        )
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus { body(data) });

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    idgraph_fuzz::replay("record_batch", body)
}
