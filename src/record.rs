//! The input record: what one channel saw of one customer at one time.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{Error, ErrorKind};

/// The longest record id accepted, in bytes.
pub const MAX_ID_LEN: usize = 256;

/// One record from one channel: an id, where it came from, and whatever
/// identifiers and supporting evidence that channel captured.
///
/// Every field but `id` is optional. Identifiers (email, phone, loyalty ID,
/// device ID) may carry several values. Build one in code with the by-value
/// setters, or read JSON lines with [`read_jsonl`](crate::read_jsonl).
///
/// ```
/// use idgraph::Record;
///
/// let r = Record::new("r1")?
///     .source("pos")
///     .phone("(415) 555-0132")
///     .loyalty_id("LY-0042-1337")
///     .name("Jane Doe")
///     .country("US");
/// assert_eq!(r.id(), "r1");
/// assert_eq!(r.phones(), ["(415) 555-0132"]);
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    #[serde(deserialize_with = "de_id")]
    id: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    source: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    ts: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_many"
    )]
    email: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_many"
    )]
    phone: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_many"
    )]
    loyalty_id: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_many"
    )]
    device_id: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    given_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    family_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    birth_date: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    postal_code: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    address: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    country: Option<String>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $field:ident / $getter:ident;)*) => {$(
        $(#[$doc])*
        pub fn $field(mut self, value: impl Into<String>) -> Record {
            self.$field = Some(value.into());
            self
        }
        #[doc = concat!("The raw `", stringify!($field), "` value, if any.")]
        pub fn $getter(&self) -> Option<&str> {
            self.$field.as_deref()
        }
    )*};
}

macro_rules! multi_setters {
    ($($(#[$doc:meta])* $field:ident / $getter:ident;)*) => {$(
        $(#[$doc])*
        pub fn $field(mut self, value: impl Into<String>) -> Record {
            self.$field.push(value.into());
            self
        }
        #[doc = concat!("The raw `", stringify!($field), "` values, in input order.")]
        pub fn $getter(&self) -> &[String] {
            &self.$field
        }
    )*};
}

impl Record {
    /// A record with this id and no other field.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRecord`] when the id is empty (after trimming) or
    /// longer than [`MAX_ID_LEN`] bytes.
    pub fn new(id: impl Into<String>) -> Result<Record, Error> {
        let id = id.into();
        check_id(&id)?;
        Ok(Record::empty(id))
    }

    /// A record with this id and no value (the id is not checked).
    fn empty(id: String) -> Record {
        Record {
            id,
            source: None,
            ts: None,
            email: Vec::new(),
            phone: Vec::new(),
            loyalty_id: Vec::new(),
            device_id: Vec::new(),
            name: None,
            given_name: None,
            family_name: None,
            birth_date: None,
            postal_code: None,
            address: None,
            country: None,
        }
    }

    /// The record's id, unique within a graph.
    pub fn id(&self) -> &str {
        &self.id
    }

    setters! {
        /// The channel: `web`, `app`, `pos`, `email`, `sms`, `loyalty`, `call_center`, or any other string.
        source / get_source;
        /// When the channel saw the customer: RFC 3339 (`2024-03-01T12:00:00Z`),
        /// also without an offset (read as UTC), a date alone, or Unix time in
        /// seconds, milliseconds, microseconds or nanoseconds.
        ts / get_ts;
        /// The full name as typed (`"Jane Doe"`, `"DOE, Jane"`).
        name / get_name;
        /// The given name, when the channel captures it separately.
        given_name / get_given_name;
        /// The family name, when the channel captures it separately.
        family_name / get_family_name;
        /// The birth date as typed.
        birth_date / get_birth_date;
        /// The postal code as typed.
        postal_code / get_postal_code;
        /// The street address as typed.
        address / get_address;
        /// The country, ISO 3166 alpha-2 (`"US"`); sets the phone region and date order.
        country / get_country;
    }

    multi_setters! {
        /// Adds an email address.
        email / emails;
        /// Adds a phone number.
        phone / phones;
        /// Adds a loyalty member number.
        loyalty_id / loyalty_ids;
        /// Adds a device identifier.
        device_id / device_ids;
    }

    /// The timestamp as milliseconds since the Unix epoch, when `ts` is one
    /// (see `util::timestamp`).
    pub(crate) fn ts_millis(&self) -> Option<i64> {
        self.ts
            .as_deref()
            .and_then(crate::util::timestamp::parse_millis)
    }
}

// Compact storage form: the graph holds a million records at once, and JSON
// spends half its bytes on keys and quotes. Each present value is a tag byte,
// a LEB128 length and the UTF-8 bytes; the id is the storage key, not stored.
// Tags: 0 source, 1 ts, 2 email, 3 phone, 4 loyalty_id, 5 device_id, 6 name,
// 7 given_name, 8 family_name, 9 birth_date, 10 postal_code, 11 address, 12 country.

fn put(out: &mut Vec<u8>, tag: u8, value: &str) {
    out.push(tag);
    let mut n = value.len();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    out.extend_from_slice(value.as_bytes());
}

fn leb128_len(mut n: usize) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

impl Record {
    // Every value but the id, in no particular order.
    fn values(&self) -> impl Iterator<Item = &String> {
        [
            &self.source,
            &self.ts,
            &self.name,
            &self.given_name,
            &self.family_name,
            &self.birth_date,
            &self.postal_code,
            &self.address,
            &self.country,
        ]
        .into_iter()
        .flatten()
        .chain(&self.email)
        .chain(&self.phone)
        .chain(&self.loyalty_id)
        .chain(&self.device_id)
    }

    /// The compact storage form (without the id).
    pub(crate) fn encode_compact(&self) -> Vec<u8> {
        // Sized exactly up front: the graph boxes the bytes, and a vector that had
        // grown past its need would be copied or shrunk in place once per record.
        let size: usize = self
            .values()
            .map(|v| 1 + leb128_len(v.len()) + v.len())
            .sum();
        let mut out = Vec::with_capacity(size);
        let singles = [
            (0u8, &self.source),
            (1, &self.ts),
            (6, &self.name),
            (7, &self.given_name),
            (8, &self.family_name),
            (9, &self.birth_date),
            (10, &self.postal_code),
            (11, &self.address),
            (12, &self.country),
        ];
        for (tag, v) in singles {
            if let Some(v) = v {
                put(&mut out, tag, v);
            }
        }
        for (tag, vs) in [
            (2u8, &self.email),
            (3, &self.phone),
            (4, &self.loyalty_id),
            (5, &self.device_id),
        ] {
            for v in vs {
                put(&mut out, tag, v);
            }
        }
        out
    }

    /// Reads the compact form back; `None` when the bytes are not one.
    pub(crate) fn decode_compact(id: &str, mut bytes: &[u8]) -> Option<Record> {
        let mut r = Record::new(id).ok()?;
        while let Some((&tag, rest)) = bytes.split_first() {
            let (mut len, mut shift, mut used) = (0usize, 0u32, 0usize);
            loop {
                let b = *rest.get(used)?;
                used += 1;
                len |= usize::from(b & 0x7f).checked_shl(shift)?;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
                if shift > 35 {
                    return None;
                }
            }
            let value = std::str::from_utf8(rest.get(used..used.checked_add(len)?)?)
                .ok()?
                .to_string();
            bytes = rest.get(used + len..)?;
            match tag {
                0 => r.source = Some(value),
                1 => r.ts = Some(value),
                2 => r.email.push(value),
                3 => r.phone.push(value),
                4 => r.loyalty_id.push(value),
                5 => r.device_id.push(value),
                6 => r.name = Some(value),
                7 => r.given_name = Some(value),
                8 => r.family_name = Some(value),
                9 => r.birth_date = Some(value),
                10 => r.postal_code = Some(value),
                11 => r.address = Some(value),
                12 => r.country = Some(value),
                _ => return None,
            }
        }
        Some(r)
    }
}

// Fast reading of plain JSON lines. Reading a line through serde_json and the
// derived visitor costs about a microsecond, most of the serial part of loading
// a large input. Nearly every real line is a flat object of known fields whose
// values are strings without escapes, small non-negative integers or null, so
// that shape is read here directly. Anything else (an escape, an unknown or
// repeated field, a float, a nested value, a missing or invalid id, bad UTF-8,
// malformed JSON) gives `None`, and the caller reads the line with serde_json as
// before: the result and every error message stay exactly serde's.

/// The fields the fast reader knows, in the order of `FIELD_NAMES`.
const FIELD_NAMES: [&[u8]; 14] = [
    b"id",
    b"source",
    b"ts",
    b"email",
    b"phone",
    b"loyalty_id",
    b"device_id",
    b"name",
    b"given_name",
    b"family_name",
    b"birth_date",
    b"postal_code",
    b"address",
    b"country",
];

struct Plain<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Plain<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    // JSON whitespace only (serde_json skips exactly these four).
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.skip_ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    // A string without escapes or control characters; the opening quote is next.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = self.bytes.get(self.pos..)?;
        let len = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest.get(len) != Some(&b'"') {
            return None;
        }
        let s = std::str::from_utf8(rest.get(..len)?).ok()?;
        self.pos += len + 1;
        Some(s)
    }

    // A scalar value: string, non-negative integer (as its digits) or null.
    fn scalar(&mut self) -> Option<Option<&'a str>> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(Some),
            b'n' => {
                let end = self.pos.checked_add(4)?;
                if self.bytes.get(self.pos..end)? == b"null" {
                    self.pos = end;
                    Some(None)
                } else {
                    None
                }
            }
            b'0'..=b'9' => {
                let rest = self.bytes.get(self.pos..)?;
                let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                // The text of the integer serde would read is these digits exactly
                // when there is no leading zero and it fits a u64 (19 digits always
                // do); a fraction or exponent makes it a float, which serde refuses.
                if (len > 1 && rest.first() == Some(&b'0'))
                    || len > 19
                    || matches!(rest.get(len), Some(b'.' | b'e' | b'E'))
                {
                    return None;
                }
                let s = std::str::from_utf8(rest.get(..len)?).ok()?;
                self.pos += len;
                Some(Some(s))
            }
            _ => None,
        }
    }
}

impl Record {
    /// Reads one line the way the serde path would, for the plain shape above;
    /// `None` means "read it with serde_json instead", never "invalid".
    pub(crate) fn from_plain_json(line: &[u8]) -> Option<Record> {
        let mut p = Plain {
            bytes: line,
            pos: 0,
        };
        let mut r = Record::empty(String::new());
        let mut seen = 0u16;
        p.eat(b'{')?;
        p.skip_ws();
        if p.peek() != Some(b'}') {
            loop {
                let key = p.string()?.as_bytes();
                let field = FIELD_NAMES.iter().position(|&f| f == key)?;
                // A repeated field is an error for serde: let it say so.
                let bit = 1u16 << field;
                if seen & bit != 0 {
                    return None;
                }
                seen |= bit;
                p.eat(b':')?;
                p.skip_ws();
                match field {
                    0 => {
                        // A null or invalid id is an error: serde words it.
                        let id = p.scalar()??.to_string();
                        check_id(&id).ok()?;
                        r.id = id;
                    }
                    3..=6 => {
                        let values = p.many()?;
                        match field {
                            3 => r.email = values,
                            4 => r.phone = values,
                            5 => r.loyalty_id = values,
                            _ => r.device_id = values,
                        }
                    }
                    _ => {
                        let value = p.scalar()?.map(str::to_string);
                        let slot = match field {
                            1 => &mut r.source,
                            2 => &mut r.ts,
                            7 => &mut r.name,
                            8 => &mut r.given_name,
                            9 => &mut r.family_name,
                            10 => &mut r.birth_date,
                            11 => &mut r.postal_code,
                            12 => &mut r.address,
                            _ => &mut r.country,
                        };
                        *slot = value;
                    }
                }
                continue_after(&mut p)?;
                if p.peek_end() {
                    break;
                }
            }
        }
        p.pos += 1;
        p.skip_ws();
        // The id is required, and nothing may follow the object.
        if seen & 1 == 0 || p.pos != line.len() {
            return None;
        }
        Some(r)
    }
}

// After a member: a comma (another member follows) or the closing brace, which
// is left in place for `peek_end`.
fn continue_after(p: &mut Plain<'_>) -> Option<()> {
    p.skip_ws();
    match p.peek()? {
        b',' => {
            p.pos += 1;
            // `{"a":1,}` is malformed: the next member must be a key.
            p.skip_ws();
            (p.peek() == Some(b'"')).then_some(())
        }
        b'}' => Some(()),
        _ => None,
    }
}

impl Plain<'_> {
    fn peek_end(&self) -> bool {
        self.peek() == Some(b'}')
    }

    // An identifier field: one scalar, or an array of them (nulls dropped).
    fn many(&mut self) -> Option<Vec<String>> {
        if self.peek() != Some(b'[') {
            return Some(
                self.scalar()?
                    .map(|v| vec![v.to_string()])
                    .unwrap_or_default(),
            );
        }
        self.pos += 1;
        let mut out = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(out);
        }
        loop {
            if let Some(v) = self.scalar()? {
                // Too many values is an error for serde to word.
                if out.len() >= MAX_VALUES_PER_FIELD {
                    return None;
                }
                out.push(v.to_string());
            }
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }
}

pub(crate) fn check_id(id: &str) -> Result<(), Error> {
    if id.trim().is_empty() {
        return Err(Error::new(ErrorKind::InvalidRecord, "record id is empty"));
    }
    if id.len() > MAX_ID_LEN {
        return Err(Error::new(
            ErrorKind::InvalidRecord,
            format!("record id is {} bytes, at most {MAX_ID_LEN}", id.len()),
        ));
    }
    Ok(())
}

// Channel exports write ids and numbers both as strings and as JSON numbers
// (a loyalty number exported from a spreadsheet), so scalars are read as text.
struct Scalar(Option<String>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor {
            one_value_array: false,
        })
        .map(Scalar)
    }
}

/// Reads a scalar as text; with `one_value_array`, also an array holding
/// one value (see [`de_opt_string`]). Without it, an array is the wrong type.
struct ScalarVisitor {
    one_value_array: bool,
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.one_value_array {
            f.write_str("a string, a number, null, or an array holding one of them")
        } else {
            f.write_str("a string, a number or null")
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Option<String>, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<String>, E> {
        whole_number_text(v).map(Some)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<String>, E> {
        Err(E::custom("a boolean is not a valid value"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
        if !self.one_value_array {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut one: Option<String> = None;
        while let Some(Scalar(v)) = seq.next_element::<Scalar>()? {
            match (v, &one) {
                (Some(v), Some(held)) if v != *held => {
                    return Err(de::Error::custom(
                        "several values in a field that holds one",
                    ));
                }
                (Some(v), None) => one = Some(v),
                _ => {}
            }
        }
        Ok(one)
    }
}

/// The digits of a JSON float that holds a whole number exactly: a column a
/// spreadsheet or dataframe stored as floats writes a phone or a member
/// number as `4155550132.0`. A fraction, or a number past 2^53 (where a float
/// has lost digits), cannot be an identifier without losing digits.
fn whole_number_text<E: de::Error>(v: f64) -> Result<String, E> {
    /// 2^53: every whole number below it is exact in a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if v.fract() == 0.0 && v.abs() < EXACT {
        // Exact: a whole number below 2^53 converts without loss.
        Ok(format!("{}", v as i64))
    } else {
        Err(E::custom("a fractional number is not a valid value"))
    }
}

fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Scalar::deserialize(d)?.0 {
        Some(id) => check_id(&id).map(|()| id).map_err(de::Error::custom),
        None => Err(de::Error::custom("record id is null")),
    }
}

/// A field that holds one value (a name, a birth date, a country...): a
/// scalar, or an array that holds one value. Exports from systems that
/// store every attribute as a list write `"name": ["Jane Doe"]`; read as a
/// wrong type, such a line was skipped whole, with its email and phone.
/// Nulls in the array are skipped and a value repeated counts once; two
/// different values are an error (which one is the person's cannot be told).
fn de_opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(ScalarVisitor {
        one_value_array: true,
    })
}

fn de_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, a number, an array of them, or null")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Vec<String>, E> {
            Ok(vec![v])
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Vec<String>, E> {
            whole_number_text(v).map(|t| vec![t])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(Scalar(v)) = seq.next_element::<Scalar>()? {
                if let Some(v) = v {
                    if out.len() >= MAX_VALUES_PER_FIELD {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_VALUES_PER_FIELD} values in one field"
                        )));
                    }
                    out.push(v);
                }
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}

/// The most values one identifier field of one record may carry.
pub const MAX_VALUES_PER_FIELD: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_fields_read_an_array_of_one_value() {
        let r: Record = serde_json::from_str(
            r#"{"id":"r1","name":["Jane Doe"],"birth_date":[null,"1980-01-02","1980-01-02"],
                "postal_code":[2134.0],"country":[],"email":["a@x.com"]}"#,
        )
        .unwrap();
        assert_eq!(r.get_name(), Some("Jane Doe"));
        assert_eq!(r.get_birth_date(), Some("1980-01-02"));
        assert_eq!(r.get_postal_code(), Some("2134"));
        assert_eq!(r.get_country(), None);
        for bad in [
            r#"{"id":"r1","name":["Jane Doe","John Roe"]}"#,
            r#"{"id":"r1","name":[["Jane Doe"]]}"#,
            r#"{"id":"r1","name":[true]}"#,
            r#"{"id":["r1"]}"#,
        ] {
            assert!(serde_json::from_str::<Record>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn record_reads_strings_arrays_numbers_and_nulls() {
        let r: Record = serde_json::from_str(
            r#"{"id":"r1","email":["a@x.com",null,"b@x.com"],"phone":4155550132,
                "loyalty_id":null,"name":"Jane","unknown_field":{"x":1}}"#,
        )
        .unwrap();
        assert_eq!(r.emails(), ["a@x.com", "b@x.com"]);
        assert_eq!(r.phones(), ["4155550132"]);
        assert!(r.loyalty_ids().is_empty());
        assert_eq!(r.get_name(), Some("Jane"));
    }

    #[test]
    fn record_numeric_id_is_text() {
        let r: Record = serde_json::from_str(r#"{"id":42}"#).unwrap();
        assert_eq!(r.id(), "42");
    }

    #[test]
    fn record_rejects_missing_empty_and_null_id() {
        for line in [
            r#"{"email":"a@x.com"}"#,
            r#"{"id":""}"#,
            r#"{"id":"  "}"#,
            r#"{"id":null}"#,
        ] {
            assert!(serde_json::from_str::<Record>(line).is_err(), "{line}");
        }
    }

    #[test]
    fn record_reads_whole_floats_as_their_digits() {
        // A dataframe's float columns: the record is kept, the `.0` is not a digit.
        let r: Record = serde_json::from_str(
            r#"{"id":"a","phone":4155550132.0,"loyalty_id":[1693860.0,"LY-7"],"postal_code":2134.0}"#,
        )
        .unwrap();
        assert_eq!(r.phones(), ["4155550132"]);
        assert_eq!(r.loyalty_ids(), ["1693860", "LY-7"]);
        assert_eq!(r.get_postal_code(), Some("2134"));
    }

    #[test]
    fn record_rejects_float_and_bool_values() {
        assert!(serde_json::from_str::<Record>(r#"{"id":"a","phone":1.5}"#).is_err());
        // Past 2^53 a float has lost digits.
        assert!(serde_json::from_str::<Record>(r#"{"id":"a","phone":[1e17]}"#).is_err());
        assert!(serde_json::from_str::<Record>(r#"{"id":"a","name":true}"#).is_err());
    }

    #[test]
    fn record_new_rejects_empty_id() {
        assert_eq!(
            Record::new(" ").unwrap_err().kind(),
            ErrorKind::InvalidRecord
        );
        assert!(Record::new("x".repeat(MAX_ID_LEN + 1)).is_err());
    }

    #[test]
    fn record_round_trips_through_the_compact_form() {
        let r = Record::new("r9")
            .unwrap()
            .source("pos")
            .ts("2024-03-01T12:00:00Z")
            .email("a@x.com")
            .email("b@y.com")
            .phone("+1 646 787 4235")
            .loyalty_id("LY-0042-1339")
            .device_id("fa2761934630ef5a")
            .name("Ana Lima")
            .given_name("Ana")
            .family_name("Lima")
            .birth_date("1980-01-02")
            .postal_code("SW1A 1AA")
            .address("x".repeat(300))
            .country("GB");
        let bytes = r.encode_compact();
        assert_eq!(bytes.capacity(), bytes.len());
        assert_eq!(Record::decode_compact("r9", &bytes), Some(r));
        assert_eq!(
            Record::decode_compact("e", &[]),
            Some(Record::new("e").unwrap())
        );
        // Truncated or corrupt bytes are refused, never a panic.
        for cut in 0..bytes.len() {
            let _ = Record::decode_compact("r9", &bytes[..cut]);
        }
        assert_eq!(Record::decode_compact("r9", &[13, 0]), None);
        assert_eq!(
            Record::decode_compact("r9", &[0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            None
        );
    }

    #[test]
    fn record_plain_reader_agrees_with_serde() {
        let lines = [
            r#"{"id":"r1","source":"pos","phone":"(415) 555-0132","name":"Jane Doe"}"#,
            r#" { "id" : 42 , "email" : [ "a@x.com" , null , 7 ] , "country" : null } "#,
            "{\"id\":\"r2\",\"name\":\"Zoë Ōta\"}\r\n",
            r#"{"id":"r3","email":[],"phone":null,"loyalty_id":0,"device_id":"d"}"#,
            r#"{"id":"r4","postal_code":"01234","birth_date":"1980-01-02","address":"1 Main St"}"#,
            r#"{"id":"r5","given_name":"a","family_name":"b","ts":"2024-01-01T00:00:00Z"}"#,
        ];
        for line in lines {
            let fast = Record::from_plain_json(line.as_bytes());
            let serde: Record = serde_json::from_str(line).unwrap();
            assert_eq!(fast.as_ref(), Some(&serde), "{line}");
        }
        // Everything outside the plain shape is left to serde, valid or not.
        let others = [
            r#"{"id":"r1","name":"a\"b"}"#,
            r#"{"id":"r1","name":"a\u00e9"}"#,
            r#"{"id":"r1","extra":"x"}"#,
            r#"{"id":"r1","name":"a","name":"b"}"#,
            r#"{"id":"r1","phone":1.5}"#,
            r#"{"id":"r1","phone":1e3}"#,
            r#"{"id":"r1","phone":-5}"#,
            r#"{"id":"r1","phone":012}"#,
            r#"{"id":"r1","phone":123456789012345678901}"#,
            r#"{"id":"r1","email":[["a"]]}"#,
            r#"{"id":"r1","email":["a",]}"#,
            r#"{"id":"r1","name":true}"#,
            r#"{"id":"r1",}"#,
            r#"{"id":"r1"} x"#,
            r#"{"id":"r1""#,
            r#"{"id":null}"#,
            r#"{"id":" "}"#,
            r#"{"email":"a@x.com"}"#,
            r#"{}"#,
            "{\"id\":\"a\tb\"}",
            "\x0c{\"id\":\"r1\"}",
        ];
        for line in others {
            assert_eq!(Record::from_plain_json(line.as_bytes()), None, "{line}");
        }
        assert_eq!(Record::from_plain_json(b"{\"id\":\"r\xff\"}"), None);
        let many = format!(
            r#"{{"id":"r1","email":[{}]}}"#,
            vec!["\"a\""; MAX_VALUES_PER_FIELD + 1].join(",")
        );
        assert_eq!(Record::from_plain_json(many.as_bytes()), None);
    }

    #[test]
    fn record_round_trips_through_json() {
        let r = Record::new("r9")
            .unwrap()
            .email("a@x.com")
            .email("b@y.com")
            .country("GB");
        let s = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Record>(&s).unwrap(), r);
    }
}
