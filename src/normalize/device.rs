//! Device identifiers: IDFA / IDFV / GAID UUIDs, Android IDs, IMEIs, and the
//! opaque IDs web sites and SDKs assign.
//!
//! The same ID arrives upper case from iOS SDKs, lower case from Android,
//! in braces from Windows tooling, as a `urn:uuid:` from some exports and
//! without dashes from database columns; all of them must become one value.
//! A web channel's device is a first-party cookie ID, and a vendor SDK may
//! have its own format: those are kept as they come, so that the web shop
//! and the email click that carried the same cookie still meet.

use super::text::{self, ascii_or_nfkc};
use crate::RejectReason;

/// What kind of device identifier a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceKind {
    /// A UUID: Apple IDFA or IDFV, Google advertising ID (GAID).
    Uuid,
    /// An Android ID: 16 hex digits.
    AndroidId,
    /// An IMEI: 15 decimal digits whose last is a Luhn check digit.
    Imei,
    /// Any other ID a web site or SDK assigns (a first-party cookie ID, a
    /// vendor's device ID): kept exactly as given, since such IDs are often
    /// case-sensitive, except that one written in hex digits only is lower-cased.
    Other,
}

/// A normalized device identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceId {
    value: String,
    kind: DeviceKind,
}

impl DeviceId {
    /// The canonical form: lower-case hyphenated UUID, 16 lower-case hex digits
    /// (Android ID), 15 digits (IMEI), or the value as given ([`DeviceKind::Other`]).
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// Which kind of identifier this is.
    pub fn kind(&self) -> DeviceKind {
        self.kind
    }
}

const SYNTAX: RejectReason = RejectReason::InvalidSyntax {
    rule: "device ID must be a UUID, an Android ID, an IMEI, or an assigned ID of 12 to 128 letters, digits and -._~+/=",
};

/// Longest trimmed input read at all.
const MAX_RAW_LEN: usize = 192;

/// Shortest and longest [`DeviceKind::Other`] ID. Shorter values are words
/// and numbers typed into the wrong column more often than device IDs.
const OTHER_LEN: std::ops::RangeInclusive<usize> = 12..=128;
/// Fewest distinct characters an [`DeviceKind::Other`] ID has: an assigned ID
/// is random, a value like `AAAAAA111111` is a stub.
const OTHER_MIN_DISTINCT: usize = 6;
/// Shortest all-decimal [`DeviceKind::Other`] ID (Adobe's ECID has 38 digits):
/// longer than any phone or payment card number, so a number typed into the
/// wrong column is not taken for a device.
const OTHER_MIN_DECIMAL: usize = 20;
/// Shortest hex-only [`DeviceKind::Other`] ID (a SHA-1 hash has 40 digits).
/// Shorter hex strings are UUIDs or Android IDs, and one of those that failed
/// to parse is damaged, not a format of its own.
const OTHER_MIN_HEX: usize = 40;

/// Byte offsets of the dashes in a hyphenated UUID.
const DASHES: [usize; 4] = [8, 13, 18, 23];

/// Parses one raw device identifier, without the placeholder check.
///
/// Accepted forms, after trimming white space (any case):
/// * UUID `8-4-4-4-12`, optionally inside `{…}` and/or after `urn:uuid:`,
///   or as 32 hex digits without dashes -> lower-case hyphenated UUID;
/// * Android ID, 16 hex digits -> lower case;
/// * 15 hex digits containing at least one letter `a`–`f` -> an Android ID
///   that lost its leading zero (Java's `Long.toHexString` drops it), padded
///   back to 16. Fifteen *decimal* digits are refused: that is the shape of
///   an IMEI, a different identifier we must not mistake for an Android ID.
///
/// * 15 decimal digits passing the Luhn check, with or without separators
///   (`35-209900-176148-1`) -> an IMEI;
/// * anything else an SDK or web site could have assigned -> kept as given
///   ([`DeviceKind::Other`]): 12 to 128 ASCII letters, digits and `-._~+/=`,
///   holding at least 6 distinct characters and either a letter and a digit
///   or 20+ digits. A value of hex digits and dashes only is one of the
///   shapes above, or damaged (a UUID cut short, a dash out of place), unless
///   it is 40+ hex digits (a hashed ID); a damaged one, or one off from them
///   by a single character (`855d516cb694387x`, `0x855d516cb6943871`), is
///   `InvalidSyntax` rather than a device of its own.
///
/// Everything else is `InvalidSyntax`.
/// An all-zero ID of any accepted shape is [`RejectReason::OptOut`]: the
/// user limited ad tracking and every such device reports the same value.
/// An ID made of one repeated hex digit (`ffff…`) is
/// [`RejectReason::Placeholder`]: SDK stubs and test fixtures, never a device;
/// so is an otherwise acceptable other ID with fewer than 6 distinct characters.
pub(crate) fn parse(raw: &str) -> Result<DeviceId, RejectReason> {
    let trimmed = text::unquote(raw);
    // The longest accepted form, `urn:uuid:{…}` in full-width characters, is
    // under 150 bytes; anything longer is not worth an NFKC pass.
    if trimmed.len() > MAX_RAW_LEN {
        return Err(SYNTAX);
    }
    // Full-width forms (`｛…｝`, `ＡＢＣ`) fold to ASCII; anything else stays non-ASCII.
    let text = ascii_or_nfkc(trimmed);
    let text = &*text;
    if !text.is_ascii() {
        return Err(SYNTAX);
    }

    let text = strip_prefix_ignore_case(text, "urn:uuid:").unwrap_or(text);
    let text = match (text.strip_prefix('{'), text.ends_with('}')) {
        (Some(inner), true) => inner.strip_suffix('}').unwrap_or(inner),
        (None, false) => text,
        // A lone brace is a truncated or mangled value.
        _ => return Err(SYNTAX),
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(RejectReason::Empty);
    }

    let bytes = text.as_bytes();
    let kind = match bytes.len() {
        32 | 36 => DeviceKind::Uuid,
        15 | 16 => DeviceKind::AndroidId,
        _ => return other(text),
    };
    // Dashes exactly at the 8-4-4-4-12 positions of a 36-byte UUID, nowhere else.
    let shape_ok = bytes.iter().enumerate().all(|(i, &b)| {
        if bytes.len() == 36 && DASHES.contains(&i) {
            b == b'-'
        } else {
            b.is_ascii_hexdigit()
        }
    });
    if !shape_ok {
        return other(text);
    }
    let hex = || bytes.iter().copied().filter(|&b| b != b'-');

    let mut first = None;
    let one_digit =
        hex().all(|b| *first.get_or_insert(b.to_ascii_lowercase()) == b.to_ascii_lowercase());
    if one_digit {
        return Err(if first == Some(b'0') {
            RejectReason::OptOut
        } else {
            RejectReason::Placeholder
        });
    }

    let mut value = String::with_capacity(if kind == DeviceKind::Uuid { 36 } else { 16 });
    if bytes.len() == 15 {
        if !bytes.iter().any(u8::is_ascii_alphabetic) {
            return imei(text);
        }
        value.push('0');
    }
    for (i, b) in hex().enumerate() {
        // Hex digit indexes that follow a dash in 8-4-4-4-12.
        if kind == DeviceKind::Uuid && matches!(i, 8 | 12 | 16 | 20) {
            value.push('-');
        }
        value.push(char::from(b.to_ascii_lowercase()));
    }
    Ok(DeviceId { value, kind })
}

/// A value that is not a UUID or an Android ID: an IMEI, another assigned
/// ID, or `InvalidSyntax` (see [`parse`]).
fn other(text: &str) -> Result<DeviceId, RejectReason> {
    if let Ok(d) = imei(text) {
        return Ok(d);
    }
    let bytes = text.as_bytes();
    let allowed = |b: &u8| b.is_ascii_alphanumeric() || b"-._~+/=".contains(b);
    if !OTHER_LEN.contains(&bytes.len()) || !bytes.iter().all(allowed) {
        return Err(SYNTAX);
    }
    let not_hex = bytes
        .iter()
        .filter(|&&b| !b.is_ascii_hexdigit() && b != b'-')
        .count();
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    let decimal = digits == bytes.len();
    let hex_only = not_hex == 0 && !decimal;
    let shaped = if decimal {
        digits >= OTHER_MIN_DECIMAL
    } else if hex_only {
        !text.contains('-') && bytes.len() >= OTHER_MIN_HEX
    } else {
        // One stray character in a run of hex is a UUID or an Android ID
        // mistyped or wrapped, not an ID of its own.
        not_hex >= 2 && digits > 0 && bytes.iter().any(u8::is_ascii_alphabetic)
    };
    if !shaped {
        return Err(SYNTAX);
    }
    let mut seen = [false; 128];
    let mut distinct = 0;
    for &b in bytes {
        let s = &mut seen[usize::from(b & 0x7f)];
        distinct += usize::from(!*s);
        *s = true;
    }
    if distinct < OTHER_MIN_DISTINCT {
        return Err(RejectReason::Placeholder);
    }
    let value = if hex_only {
        text.to_ascii_lowercase()
    } else {
        text.to_string()
    };
    Ok(DeviceId {
        value,
        kind: DeviceKind::Other,
    })
}

/// An IMEI: 15 decimal digits, separators (`-`, white space, `/`) ignored,
/// the last a Luhn check digit. Anything else is `InvalidSyntax`.
fn imei(text: &str) -> Result<DeviceId, RejectReason> {
    let mut value = String::with_capacity(15);
    for c in text.chars() {
        match c {
            '0'..='9' if value.len() < 15 => value.push(c),
            '-' | '/' => {}
            c if c.is_whitespace() => {}
            _ => return Err(SYNTAX),
        }
    }
    if value.len() != 15 || !super::loyalty::luhn_valid(&value) {
        return Err(SYNTAX);
    }
    Ok(DeviceId {
        value,
        kind: DeviceKind::Imei,
    })
}

/// `s` without `prefix`, compared ignoring ASCII case; `None` when absent.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUID: &str = "6d92078a-8246-4ba4-ae5b-76104861e7dc";
    const ANDROID: &str = "855d516cb6943871";

    /// One table row: raw input -> (canonical, kind) or the rejection.
    type Row<'a> = (&'a str, Result<(&'static str, DeviceKind), RejectReason>);

    fn run(rows: &[Row]) {
        for (raw, want) in rows {
            let got = parse(raw).map(|d| (d.value, d.kind));
            let want = want.clone().map(|(v, k)| (v.to_string(), k));
            assert_eq!(got, want, "raw {raw:?}");
        }
    }

    fn uuid_ok(raw: &str) -> Row<'_> {
        (raw, Ok((UUID, DeviceKind::Uuid)))
    }

    #[test]
    fn device_uuid_canonical_is_unchanged() {
        run(&[uuid_ok(UUID)]);
    }

    #[test]
    fn device_uuid_upper_case_is_lowered() {
        run(&[
            uuid_ok("6D92078A-8246-4BA4-AE5B-76104861E7DC"),
            uuid_ok("6d92078A-8246-4Ba4-aE5b-76104861e7Dc"),
            uuid_ok("\"6D92078A-8246-4BA4-AE5B-76104861E7DC\""),
        ]);
    }

    #[test]
    fn device_uuid_braces_are_removed() {
        run(&[
            uuid_ok("{6D92078A-8246-4BA4-AE5B-76104861E7DC}"),
            uuid_ok("{6d92078a82464ba4ae5b76104861e7dc}"),
            uuid_ok("{ 6d92078a-8246-4ba4-ae5b-76104861e7dc }"),
        ]);
    }

    #[test]
    fn device_uuid_urn_prefix_is_removed() {
        run(&[
            uuid_ok("urn:uuid:6d92078a-8246-4ba4-ae5b-76104861e7dc"),
            uuid_ok("URN:UUID:6D92078A-8246-4BA4-AE5B-76104861E7DC"),
            uuid_ok("urn:uuid:{6d92078a-8246-4ba4-ae5b-76104861e7dc}"),
        ]);
    }

    #[test]
    fn device_uuid_without_dashes() {
        run(&[
            uuid_ok("6D92078A82464BA4AE5B76104861E7DC"),
            uuid_ok("6d92078a82464ba4ae5b76104861e7dc"),
        ]);
    }

    #[test]
    fn device_surrounding_whitespace_is_trimmed() {
        run(&[
            uuid_ok(" 6d92078a-8246-4ba4-ae5b-76104861e7dc"),
            uuid_ok("6d92078a-8246-4ba4-ae5b-76104861e7dc\n"),
            uuid_ok("\t{6D92078A-8246-4BA4-AE5B-76104861E7DC}\r\n"),
            (" 855d516cb6943871 \n", Ok((ANDROID, DeviceKind::AndroidId))),
        ]);
    }

    #[test]
    fn device_android_id_is_lowered() {
        run(&[
            (ANDROID, Ok((ANDROID, DeviceKind::AndroidId))),
            ("855D516CB6943871", Ok((ANDROID, DeviceKind::AndroidId))),
            (
                "77DDA08D472245F4",
                Ok(("77dda08d472245f4", DeviceKind::AndroidId)),
            ),
        ]);
    }

    #[test]
    fn device_android_id_lost_leading_zero_is_padded() {
        run(&[
            (
                "55d516cb6943871",
                Ok(("055d516cb6943871", DeviceKind::AndroidId)),
            ),
            (
                "55D516CB6943871",
                Ok(("055d516cb6943871", DeviceKind::AndroidId)),
            ),
            (
                "055d516cb6943871",
                Ok(("055d516cb6943871", DeviceKind::AndroidId)),
            ),
        ]);
    }

    #[test]
    fn device_fifteen_decimal_digits_is_an_imei_not_an_android_id() {
        let imei = |v: &'static str| Ok((v, DeviceKind::Imei));
        run(&[
            ("490154203237518", imei("490154203237518")),
            ("49-015420-323751-8", imei("490154203237518")),
            ("490154 20 323751 8", imei("490154203237518")),
            // The check digit fails: a typo, or not an IMEI at all.
            ("490154203237519", Err(SYNTAX)),
            (
                "4901542032375180",
                Ok(("4901542032375180", DeviceKind::AndroidId)),
            ),
            ("49-015420-323751-80", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_other_assigned_ids_are_kept_as_given() {
        let other = |v: &'static str| (v, Ok((v, DeviceKind::Other)));
        run(&[
            // Cookie IDs (Meta's _fbp, Google's _ga), an SDK's base-62 ID, a
            // base-64 ID: case is part of them.
            other("fb.1.1596403881668.1116446470"),
            other("GA1.2.1402852139.1603118452"),
            other("R2v3aBcD9xQ7LmN0pZ4tYw"),
            other("dGhpcyBpcyBhbiBpZA+/9Q=="),
            // Adobe's ECID: 38 decimal digits.
            other("91347356264358291465417389245623187451"),
            (
                " \"x7Kp2Qm9Zr4TbW1v\" ",
                Ok(("x7Kp2Qm9Zr4TbW1v", DeviceKind::Other)),
            ),
            // A hashed ID in hex is one value whatever its case.
            (
                "3F786850E387550FDAB836ED7E6DC881DE23001B",
                Ok((
                    "3f786850e387550fdab836ed7e6dc881de23001b",
                    DeviceKind::Other,
                )),
            ),
        ]);
    }

    #[test]
    fn device_other_ids_need_the_look_of_an_assigned_id() {
        run(&[
            // Too short, words, or a number typed into the wrong column.
            ("ab12cd34", Err(SYNTAX)),
            ("unknown_device", Err(SYNTAX)),
            ("not-provided-by-sdk", Err(SYNTAX)),
            ("+14155550132", Err(SYNTAX)),
            ("4111111111111111111", Err(SYNTAX)),
            ("jane.doe@example.com", Err(SYNTAX)),
            ("web cookie 12345", Err(SYNTAX)),
            ("device:12345abcde", Err(SYNTAX)),
            // A stub: too few distinct characters.
            ("ZZZZZZ111111", Err(RejectReason::Placeholder)),
            ("test-test-test-1", Err(RejectReason::Placeholder)),
            // Hex too short to be a hash, with dashes elsewhere: damaged.
            ("855d516cb6943871855d", Err(SYNTAX)),
            ("855d-516c-b694-3871-855d", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_android_id_other_lengths_are_rejected() {
        run(&[
            (
                "855d516cb694387",
                Ok(("0855d516cb694387", DeviceKind::AndroidId)),
            ),
            ("855d516cb69438", Err(SYNTAX)),
            ("855d516cb69438712", Err(SYNTAX)),
            ("0x855d516cb6943871", Err(SYNTAX)),
            ("0x55d516cb6943871", Err(SYNTAX)),
            ("855d516c-b694387", Err(SYNTAX)),
            ("855d516c-b6943871", Err(SYNTAX)),
            ("6d92078a-8246-4ba4-ae5b-76104861e7", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_uuid_wrong_dash_positions_are_rejected() {
        run(&[
            ("6d92078a8-246-4ba4-ae5b-76104861e7dc", Err(SYNTAX)),
            ("6d92078a-8246-4ba4-ae5b76104861e7dc-", Err(SYNTAX)),
            ("6d92078a-8246-4ba4-ae5b-76104861e7d", Err(SYNTAX)),
            ("6d92078a-8246-4ba4-ae5b-76104861e7dcc", Err(SYNTAX)),
            ("6d92078a--246-4ba4-ae5b-76104861e7dc", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_non_hex_is_rejected() {
        run(&[
            ("6d92078g-8246-4ba4-ae5b-76104861e7dc", Err(SYNTAX)),
            ("6d92078a82464ba4ae5b76104861e7dz", Err(SYNTAX)),
            ("855d516cb694387x", Err(SYNTAX)),
            ("855d516c b6943871", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_unmatched_braces_are_rejected() {
        run(&[
            ("{6d92078a-8246-4ba4-ae5b-76104861e7dc", Err(SYNTAX)),
            ("6d92078a-8246-4ba4-ae5b-76104861e7dc}", Err(SYNTAX)),
            ("{{6d92078a-8246-4ba4-ae5b-76104861e7dc}}", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_all_zero_uuid_is_opt_out() {
        run(&[
            (
                "00000000-0000-0000-0000-000000000000",
                Err(RejectReason::OptOut),
            ),
            (
                "00000000000000000000000000000000",
                Err(RejectReason::OptOut),
            ),
            (
                "{00000000-0000-0000-0000-000000000000}",
                Err(RejectReason::OptOut),
            ),
            (
                "urn:uuid:00000000-0000-0000-0000-000000000000",
                Err(RejectReason::OptOut),
            ),
        ]);
    }

    #[test]
    fn device_all_zero_android_id_is_opt_out() {
        run(&[
            ("0000000000000000", Err(RejectReason::OptOut)),
            ("000000000000000", Err(RejectReason::OptOut)),
        ]);
    }

    #[test]
    fn device_one_repeated_hex_digit_is_placeholder() {
        run(&[
            (
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                Err(RejectReason::Placeholder),
            ),
            (
                "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
                Err(RejectReason::Placeholder),
            ),
            (
                "FfFfFfFfFfFfFfFfFfFfFfFfFfFfFfFf",
                Err(RejectReason::Placeholder),
            ),
            ("1111111111111111", Err(RejectReason::Placeholder)),
            ("aaaaaaaaaaaaaaaa", Err(RejectReason::Placeholder)),
            ("eeeeeeeeeeeeeee", Err(RejectReason::Placeholder)),
        ]);
    }

    #[test]
    fn device_nearly_repeated_is_kept() {
        run(&[
            (
                "ffffffff-ffff-ffff-ffff-fffffffffffe",
                Ok(("ffffffff-ffff-ffff-ffff-fffffffffffe", DeviceKind::Uuid)),
            ),
            (
                "0000000000000001",
                Ok(("0000000000000001", DeviceKind::AndroidId)),
            ),
        ]);
    }

    #[test]
    fn device_empty_after_wrapping_is_empty() {
        run(&[
            ("{}", Err(RejectReason::Empty)),
            ("urn:uuid:", Err(RejectReason::Empty)),
            ("", Err(RejectReason::Empty)),
        ]);
    }

    #[test]
    fn device_other_text_is_rejected() {
        run(&[
            ("unknown", Err(SYNTAX)),
            ("N/A", Err(SYNTAX)),
            ("urn:uuid", Err(SYNTAX)),
            ("IDFA:6d92078a-8246-4ba4-ae5b-76104861e7dc", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_unicode_is_folded_or_rejected() {
        run(&[
            // Full-width braces and letters fold to ASCII under NFKC.
            (
                "｛６Ｄ92078A-8246-4BA4-AE5B-76104861E7DC｝",
                Ok((UUID, DeviceKind::Uuid)),
            ),
            ("6d92078a-8246-4ba4-ae5b-76104861e7dç", Err(SYNTAX)),
            ("🦀🦀🦀🦀", Err(SYNTAX)),
        ]);
    }

    #[test]
    fn device_odd_input_never_panics() {
        let long = "a".repeat(100_000);
        let rows = [
            "\u{0}",
            "{",
            "}",
            "{}}",
            "urn:uuid:{",
            "ü",
            "u\u{308}rn:uuid:",
            "ǅ",
            long.as_str(),
        ];
        for raw in rows {
            assert!(parse(raw).is_err(), "raw {raw:?}");
        }
    }

    #[test]
    fn device_variants_of_one_id_are_equal() {
        let variants = [
            "9A587010-1BD6-41B4-8E77-833FA4BF047C",
            "9a587010-1bd6-41b4-8e77-833fa4bf047c",
            "{9A587010-1BD6-41B4-8E77-833FA4BF047C}",
            "9A587010-1BD6-41B4-8E77-833FA4BF047C ",
            "9A5870101BD641B48E77833FA4BF047C",
        ];
        for raw in variants {
            assert_eq!(
                parse(raw).map(|d| d.value),
                Ok("9a587010-1bd6-41b4-8e77-833fa4bf047c".to_string()),
                "raw {raw:?}"
            );
        }
    }
}
