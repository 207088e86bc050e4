//! Device identifiers: IDFA / IDFV / GAID UUIDs and Android IDs.
//!
//! The same ID arrives upper case from iOS SDKs, lower case from Android,
//! in braces from Windows tooling, as a `urn:uuid:` from some exports and
//! without dashes from database columns; all of them must become one value.

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
}

/// A normalized device identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceId {
    value: String,
    kind: DeviceKind,
}

impl DeviceId {
    /// The canonical form: lower-case hyphenated UUID, or 16 lower-case hex digits.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// Which kind of identifier this is.
    pub fn kind(&self) -> DeviceKind {
        self.kind
    }
}

const SYNTAX: RejectReason = RejectReason::InvalidSyntax {
    rule: "device ID must be a UUID (8-4-4-4-12 or 32 hex digits) or a 16-hex-digit Android ID",
};

/// Longest trimmed input read at all.
const MAX_RAW_LEN: usize = 192;

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
/// Everything else is `InvalidSyntax` (no `0x` prefix, no dashes elsewhere).
/// An all-zero ID of any accepted shape is [`RejectReason::OptOut`]: the
/// user limited ad tracking and every such device reports the same value.
/// An ID made of one repeated hex digit (`ffff…`) is
/// [`RejectReason::Placeholder`]: SDK stubs and test fixtures, never a device.
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
        _ => return Err(SYNTAX),
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
        return Err(SYNTAX);
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
            return Err(SYNTAX);
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
    fn device_fifteen_decimal_digits_is_not_an_android_id() {
        // An IMEI has 15 decimal digits.
        run(&[
            ("490154203237518", Err(SYNTAX)),
            ("355456789012345", Err(SYNTAX)),
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
