//! The on-disk layout: table definitions, the format marker, the state
//! record, and the digest that ties the tables to the state record.
//!
//! # Format version 2
//!
//! Four redb tables:
//!
//! | table         | key                  | value                                 |
//! |---------------|----------------------|---------------------------------------|
//! | `records`     | row number (`u64`)   | the id's length (`u16` LE), the id, then [`Record::encode_compact`] bytes |
//! | `assignments` | row number (`u64`)   | customer id (`u64`)                   |
//! | `redirects`   | dead customer (`u64`)| the customer it merged into (`u64`)   |
//! | `meta`        | `"format"`           | [`MAGIC`] then the version, `u32` LE  |
//! |               | `"state"`            | [`State`], see [`State::encode`]      |
//! |               | `"model"`            | opaque model blob (optional)          |
//!
//! A record keeps its row number for life (a new version overwrites the row);
//! a new record takes the number after the highest in use. Rows rather than
//! ids as keys make a batch of new records an append at the B-tree's right
//! edge: keyed by id, records with random ids (UUIDs, hashes) land on random
//! leaves, and every commit rewrote one page per record (measured: 30 s of
//! commits instead of 7 s for 1M records with hashed ids in batches of
//! 10,000). Version 1 keyed both tables by record id.
//!
//! The state record holds the entry count of each table and a digest: the
//! wrapping sum of one 64-bit hash per entry. Every commit updates both in the
//! same transaction, and loading recomputes them, so an entry that went
//! missing, appeared or changed on disk is caught even where the storage
//! engine's own page checksums would not look (or a bug lost it).
//!
//! [`Record::encode_compact`]: crate::record::Record::encode_compact

use redb::TableDefinition;

use crate::error::{Error, ErrorKind};

pub(super) const RECORDS: TableDefinition<u64, &[u8]> = TableDefinition::new("records");
pub(super) const ASSIGNMENTS: TableDefinition<u64, u64> = TableDefinition::new("assignments");
pub(super) const REDIRECTS: TableDefinition<u64, u64> = TableDefinition::new("redirects");
pub(super) const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

pub(super) const KEY_FORMAT: &str = "format";
pub(super) const KEY_STATE: &str = "state";
pub(super) const KEY_MODEL: &str = "model";

/// The first bytes of the `format` value: says the file is an idgraph store.
pub(super) const MAGIC: [u8; 8] = *b"idgraph\0";
/// The format this build writes and the only one it reads.
pub(super) const FORMAT_VERSION: u32 = 2;

/// Domain tags, so that equal bytes in different tables hash differently.
pub(super) const TAG_RECORD: u8 = 1;
pub(super) const TAG_ASSIGNMENT: u8 = 2;
pub(super) const TAG_REDIRECT: u8 = 3;
const TAG_MODEL: u8 = 4;
const TAG_STATE: u8 = 5;

/// The `format` value for this build.
pub(super) fn format_marker() -> [u8; 12] {
    let mut out = [0u8; 12];
    out[..8].copy_from_slice(&MAGIC);
    out[8..].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    out
}

/// Checks the `format` value: the magic first (is this ours at all?), then the version.
pub(super) fn check_format_marker(bytes: &[u8]) -> Result<(), Error> {
    let not_ours = || Error::new(ErrorKind::Corrupt, "not an idgraph store: no format marker");
    let (magic, version) = bytes.split_at_checked(MAGIC.len()).ok_or_else(not_ours)?;
    if magic != MAGIC {
        return Err(not_ours());
    }
    let version: [u8; 4] = version.try_into().map_err(|_| not_ours())?;
    match u32::from_le_bytes(version) {
        FORMAT_VERSION => Ok(()),
        0 => Err(not_ours()),
        v if v < FORMAT_VERSION => Err(Error::new(
            ErrorKind::UnsupportedVersion,
            format!(
                "store format version {v} was written by an earlier build; this build reads \
                 version {FORMAT_VERSION}: export the graph with that build and import it"
            ),
        )),
        v => Err(Error::new(
            ErrorKind::UnsupportedVersion,
            format!("store format version {v}; this build reads version {FORMAT_VERSION}"),
        )),
    }
}

/// A `records` value: the id's length, the id, then the record's bytes.
#[cfg(test)]
pub(super) fn encode_row(id: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_row_into(id, bytes, &mut out);
    out
}

/// A `records` value, written into a buffer the caller reuses.
pub(super) fn encode_row_into(id: &str, bytes: &[u8], out: &mut Vec<u8>) {
    // Ids are at most [`MAX_ID_LEN`](crate::record::MAX_ID_LEN) bytes
    // (checked before anything is written), well within a `u16`.
    let len = u16::try_from(id.len()).unwrap_or(u16::MAX);
    out.clear();
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(bytes);
}

/// The id and the record's bytes of a `records` value; `None` when the
/// value is cut short or the id is not UTF-8.
pub(super) fn decode_row(value: &[u8]) -> Option<(&str, &[u8])> {
    let (len, rest) = value.split_first_chunk::<2>()?;
    let (id, bytes) = rest.split_at_checked(usize::from(u16::from_le_bytes(*len)))?;
    Some((std::str::from_utf8(id).ok()?, bytes))
}

/// Everything the `state` value records: counts, digest, the customer counter
/// and the model's hash.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct State {
    pub(super) next_customer: u64,
    pub(super) records: u64,
    pub(super) assignments: u64,
    pub(super) redirects: u64,
    /// Wrapping sum of [`entry_hash`] over every entry of the three tables.
    pub(super) digest: u64,
    /// [`model_hash`] of the stored model, `None` when there is none.
    pub(super) model: Option<u64>,
}

const STATE_LEN: usize = 8 * 5 + 1 + 8 + 8;

impl State {
    /// Five `u64` LE, a model flag byte, the model hash, then a hash of all
    /// the preceding bytes.
    pub(super) fn encode(&self) -> [u8; STATE_LEN] {
        let mut out = [0u8; STATE_LEN];
        let fields = [
            self.next_customer,
            self.records,
            self.assignments,
            self.redirects,
            self.digest,
        ];
        for (chunk, v) in out.chunks_exact_mut(8).zip(fields) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        out[40] = u8::from(self.model.is_some());
        out[41..49].copy_from_slice(&self.model.unwrap_or(0).to_le_bytes());
        let check = entry_hash(TAG_STATE, &[], &out[..49]);
        out[49..].copy_from_slice(&check.to_le_bytes());
        out
    }

    pub(super) fn decode(bytes: &[u8]) -> Result<State, Error> {
        let corrupt = || Error::new(ErrorKind::Corrupt, "store state record is damaged");
        if bytes.len() != STATE_LEN {
            return Err(corrupt());
        }
        let u64_at = |at: usize| -> Result<u64, Error> {
            let b: [u8; 8] = bytes
                .get(at..at + 8)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(corrupt)?;
            Ok(u64::from_le_bytes(b))
        };
        if u64_at(49)? != entry_hash(TAG_STATE, &[], &bytes[..49]) {
            return Err(corrupt());
        }
        let model = match bytes[40] {
            0 => None,
            1 => Some(u64_at(41)?),
            _ => return Err(corrupt()),
        };
        Ok(State {
            next_customer: u64_at(0)?,
            records: u64_at(8)?,
            assignments: u64_at(16)?,
            redirects: u64_at(24)?,
            digest: u64_at(32)?,
            model,
        })
    }
}

/// The model blob's hash, kept in the state record.
pub(super) fn model_hash(model: &[u8]) -> u64 {
    entry_hash(TAG_MODEL, &[], model)
}

/// One entry's contribution to the digest.
///
/// FNV-1a over the tag, the key length, the key and the value, then the
/// MurmurHash3 finalizer. Both steps are bijections for a fixed length, so a
/// changed byte always changes the hash (and hence the digest): random damage
/// is caught for certain in the one-byte case and with probability about
/// 1 - 2^-64 otherwise. It is not a defence against a forger, who could
/// rewrite the digest too; nothing short of a keyed MAC would be.
pub(super) fn entry_hash(tag: u8, key: &[u8], value: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    };
    eat(tag);
    for b in (key.len() as u64).to_le_bytes() {
        eat(b);
    }
    key.iter().chain(value).for_each(|&b| eat(b));
    fmix64(h)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_rejects_any_flipped_byte() {
        let s = State {
            next_customer: 7,
            records: 3,
            assignments: 2,
            redirects: 1,
            digest: 0xdead_beef,
            model: Some(42),
        };
        let bytes = s.encode();
        assert_eq!(State::decode(&bytes).ok(), Some(s));
        for i in 0..bytes.len() {
            let mut b = bytes;
            b[i] ^= 0x10;
            assert!(State::decode(&b).is_err(), "flip at {i} not caught");
        }
        assert!(State::decode(&bytes[..STATE_LEN - 1]).is_err());
    }

    #[test]
    fn format_marker_checks_magic_then_version() {
        assert!(check_format_marker(&format_marker()).is_ok());
        let mut newer = format_marker();
        newer[8..].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        let err = check_format_marker(&newer).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::UnsupportedVersion));
        let err = check_format_marker(b"sqlite\0\0\x01\0\0\0")
            .err()
            .map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::Corrupt));
        let err = check_format_marker(&MAGIC).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::Corrupt));
    }

    #[test]
    fn rows_round_trip_and_reject_short_values() {
        let value = encode_row("r1", b"\x01\x02");
        assert_eq!(decode_row(&value), Some(("r1", &b"\x01\x02"[..])));
        assert_eq!(decode_row(&encode_row("r1", b"")), Some(("r1", &b""[..])));
        for cut in 0..4 {
            assert_eq!(decode_row(&value[..cut]), None, "cut at {cut}");
        }
        assert_eq!(decode_row(&[2, 0, 0xff, 0xfe]), None, "id not UTF-8");
    }

    #[test]
    fn an_older_version_is_unsupported_not_corrupt() {
        let mut older = format_marker();
        older[8..].copy_from_slice(&1u32.to_le_bytes());
        let err = check_format_marker(&older).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::UnsupportedVersion));
    }

    #[test]
    fn entry_hash_separates_tables_and_key_value_boundary() {
        let a = entry_hash(TAG_RECORD, b"ab", b"c");
        assert_ne!(a, entry_hash(TAG_RECORD, b"a", b"bc"));
        assert_ne!(a, entry_hash(TAG_ASSIGNMENT, b"ab", b"c"));
    }
}
