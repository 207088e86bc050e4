//! A small timestamp reader: enough to order records by time.
//!
//! Channels export times in a few shapes, and a record whose time cannot be
//! read counts as one without a time (the customer-id anchor rule orders
//! those last), so every shape that is not ambiguous is read:
//!
//! - RFC 3339, `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`, a space allowed for `T`
//!   (SQL exports) and `±HHMM` for the offset (ISO 8601 basic);
//! - the same without an offset, or a date alone (midnight), read as UTC: a
//!   channel that drops the offset most often logs in UTC, and a wrong guess
//!   moves a record by hours, which only matters between records of one
//!   customer that arrived within those hours;
//! - Unix time, as 9 to 19 digits (a JSON number arrives as its digits) in
//!   seconds, milliseconds, microseconds or nanoseconds, told apart by size:
//!   a count of seconds reaches 11 digits in the year 5138, so 12 digits and
//!   more are milliseconds, 15 and more microseconds, 18 and more
//!   nanoseconds. Seconds may carry a fraction (`1704448800.25`). Fewer than
//!   9 digits (before 1973 in seconds) is more likely a date or a counter
//!   than a time and is not read.

/// Milliseconds since the Unix epoch, or `None` when the text is no
/// timestamp of a shape the module reads.
pub(crate) fn parse_millis(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.bytes().next().is_some_and(|c| c.is_ascii_digit()) && !s.contains('-') {
        return unix_millis(s);
    }
    calendar_millis(s)
}

/// Unix time in seconds (with an optional fraction), milliseconds,
/// microseconds or nanoseconds.
fn unix_millis(s: &str) -> Option<i64> {
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    if !(9..=19).contains(&whole.len()) || !whole.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = whole.parse().ok()?;
    let digits = whole.len();
    match fraction {
        // Only a count of seconds has a fraction of a unit worth writing.
        Some(f) if digits <= 11 => Some(n * 1000 + fraction_millis(f)?),
        Some(_) => None,
        None if digits <= 11 => Some(n * 1000),
        None if digits <= 14 => Some(n),
        None if digits <= 17 => Some(n / 1000),
        None => Some(n / 1_000_000),
    }
}

/// The first three digits of a fraction of a second, in milliseconds.
fn fraction_millis(f: &str) -> Option<i64> {
    if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(
        f.bytes()
            .chain(std::iter::repeat(b'0'))
            .take(3)
            .fold(0i64, |ms, c| ms * 10 + i64::from(c - b'0')),
    )
}

/// A calendar date and time (see the module docs).
fn calendar_millis(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b.len() > 40 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let mut v = 0i64;
        for &c in b.get(r)? {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + i64::from(c - b'0');
        }
        Some(v)
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    if b.len() == 10 {
        return Some(days * 86_400_000);
    }
    if b.len() < 19 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0i64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        millis = fraction_millis(s.get(start..i)?)?;
    }
    let offset_min = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            // `+HH:MM`, or `+HHMM` (ISO 8601 basic).
            let (oh, om) = match b.len() - i {
                6 if b[i + 3] == b':' => (num(i + 1..i + 3)?, num(i + 4..i + 6)?),
                5 => (num(i + 1..i + 3)?, num(i + 3..i + 5)?),
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if sign == b'+' {
                m
            } else {
                -m
            }
        }
        _ => return None,
    };
    let secs = days * 86_400 + h * 3600 + mi * 60 + sec.min(59) - offset_min * 60;
    Some(secs * 1000 + millis)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::parse_millis;
    use proptest::prelude::*;

    #[test]
    fn rfc3339_reads_utc_offsets_and_fractions() {
        assert_eq!(parse_millis("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_millis("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(parse_millis("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(
            parse_millis("2024-03-01T12:00:00Z"),
            Some(1_709_294_400_000)
        );
        assert_eq!(
            parse_millis("2024-02-29 00:00:00Z"),
            Some(1_709_164_800_000)
        );
    }

    #[test]
    fn times_without_an_offset_and_dates_alone_are_utc() {
        let noon = Some(1_709_294_400_000);
        for s in [
            "2024-03-01T12:00:00",
            "2024-03-01 12:00:00",
            "2024-03-01 12:00:00.000",
            "2024-03-01T13:00:00+0100",
            "2024-03-01T07:30:00-04:30",
        ] {
            assert_eq!(parse_millis(s), noon, "{s}");
        }
        assert_eq!(parse_millis("2024-03-01"), Some(1_709_251_200_000));
    }

    #[test]
    fn unix_times_are_read_in_the_unit_their_size_gives() {
        let t = Some(1_704_448_800_000);
        for s in [
            "1704448800",
            "1704448800000",
            "1704448800000000",
            "1704448800000000000",
            " 1704448800 ",
        ] {
            assert_eq!(parse_millis(s), t, "{s}");
        }
        assert_eq!(parse_millis("1704448800.25"), Some(1_704_448_800_250));
        // 1973-03-03 in seconds, and the largest count of seconds read.
        assert_eq!(parse_millis("100000000"), Some(100_000_000_000));
        assert_eq!(parse_millis("99999999999"), Some(99_999_999_999_000));
    }

    #[test]
    fn timestamps_reject_malformed() {
        for s in [
            "",
            "2024-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-03-01T25:00:00Z",
            "2024-03-01T12:00",
            "2024-03-01T12:00:00+1:00",
            "2024-03-01T12:00:00+01",
            "2024-03-01T12:00:00.Z",
            "ZZZZ-03-01T12:00:00Z",
            "2024-03-01T12:00:00Zjunk",
            "2024-03-01X",
            "２０２４-03-01T12:00:00Z",
            // A date or a counter rather than a time.
            "20240301",
            "12345",
            // Too long for any unit, a fraction of a finer unit, junk.
            "17044488000000000000",
            "1704448800000.5",
            "1704448800.",
            "1704448800.x",
            "1704448800x",
            "-1704448800",
        ] {
            assert_eq!(parse_millis(s), None, "{s}");
        }
    }

    proptest! {
        /// Whatever the text, reading it never panics, and a time written in
        /// any unit reads back as the same millisecond (to the unit's
        /// precision).
        #[test]
        fn timestamps_read_back(s in "\\PC{0,40}", secs in 100_000_000i64..99_999_999_999) {
            let _ = parse_millis(&s);
            let ms = secs * 1000;
            prop_assert_eq!(parse_millis(&secs.to_string()), Some(ms));
            prop_assert_eq!(parse_millis(&ms.to_string()), Some(ms));
            if secs >= 1_000_000_000 {
                prop_assert_eq!(parse_millis(&(ms * 1000).to_string()), Some(ms));
            }
            if secs < 9_223_372_036 {
                prop_assert_eq!(parse_millis(&(ms * 1_000_000).to_string()), Some(ms));
            }
        }
    }
}
