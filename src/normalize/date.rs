//! Birth dates.
//!
//! Accepted shapes (leading and trailing white space ignored):
//!
//! - `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (day and month may have one
//!   digit), optionally followed by a time part after `T` or a space
//!   (`1990-04-12T00:00:00Z`, `1990-04-12 00:00`), which is ignored: a birth
//!   date exported from a timestamp column keeps its date.
//! - `YYYYMMDD`.
//! - `DD/MM/YYYY` or `MM/DD/YYYY` (also with `-` or `.`), with the same
//!   optional time part. Which one is decided by the country:
//!   - month first in the United States and its territories (`US`, `PR`,
//!     `GU`, `VI`, `AS`, `MP`, `UM`), the associated states that follow its
//!     usage (`FM`, `MH`, `PW`) and the Philippines (`PH`);
//!   - no preference in Canada (`CA`), where both orders are in common use,
//!     and when the country is unknown or not a two-letter code;
//!   - day first everywhere else.
//!
//!   When only one reading is a real date (`13/04/1990`) that reading is
//!   taken whatever the country: a form that writes the other order is a far
//!   more likely cause than an impossible date. When both readings are real,
//!   differ, and there is no preference, the date is
//!   [`RejectReason::AmbiguousDate`].
//!
//! - A day, a month name and a year in any order (`17 April 1979`,
//!   `April 17th, 1979`, `17-Apr-1979`, `17. März 1979`, `17 de abril de
//!   1979`): the month's full name or its usual abbreviation in English,
//!   German, French, Spanish, Portuguese, Italian, Dutch or Russian (`17
//!   апреля 1979 г.`), accents optional.
//!   A named month leaves no doubt about the order.
//! - `1979年4月17日` (Chinese and Japanese) and `1979년 4월 17일` (Korean).
//!
//! Two-digit years (`12/04/90`, `900412`, `17 Apr 79`) are [`RejectReason::AmbiguousDate`]:
//! the century is a guess, and a birth date is supporting evidence the
//! resolver can do without. Dates that do not exist (31 February, month 13,
//! 29 February of a non-leap year) or with a year outside 1880..=2030 are
//! [`RejectReason::ImpossibleDate`]. No clock is read: the upper bound is fixed.

use crate::RejectReason;

/// A calendar date (birth date), always a real date between 1880 and 2030.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BirthDate {
    year: u16,
    month: u8,
    day: u8,
}

impl BirthDate {
    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl BirthDate {
    /// The ISO 8601 form (`YYYY-MM-DD`, as `Display` writes it) without
    /// allocating: blocking and scoring key on it for every record and pair.
    pub(crate) fn iso(&self) -> IsoDate {
        let mut b = [b'0'; 10];
        let mut put = |at: usize, width: usize, mut n: u16| {
            for i in (at..at + width).rev() {
                b[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(0, 4, self.year);
        put(5, 2, u16::from(self.month));
        put(8, 2, u16::from(self.day));
        b[4] = b'-';
        b[7] = b'-';
        IsoDate(b)
    }
}

/// A birth date's ISO 8601 text, held inline.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IsoDate([u8; 10]);

impl IsoDate {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and dashes are ever written.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl std::fmt::Display for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Earliest birth year accepted.
const MIN_YEAR: u16 = 1880;
/// Latest birth year accepted (fixed, so parsing stays pure and deterministic).
const MAX_YEAR: u16 = 2030;

const SYNTAX: RejectReason = RejectReason::InvalidSyntax {
    rule: "date is not YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY or a day, month name and year",
};

/// Which of day and month comes first in a country's short dates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    DayFirst,
    MonthFirst,
    Unknown,
}

fn order(country: Option<&str>) -> Order {
    let Some(c) = country.map(str::trim) else {
        return Order::Unknown;
    };
    if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Order::Unknown;
    }
    const MONTH_FIRST: &[&str] = &[
        "AS", "FM", "GU", "MH", "MP", "PH", "PR", "PW", "UM", "US", "VI",
    ];
    if MONTH_FIRST.iter().any(|m| m.eq_ignore_ascii_case(c)) {
        Order::MonthFirst
    } else if c.eq_ignore_ascii_case("CA") {
        Order::Unknown
    } else {
        Order::DayFirst
    }
}

/// Parses a birth date; `country` (ISO alpha-2, upper case) decides `DD/MM` vs `MM/DD`.
pub(crate) fn parse(raw: &str, country: Option<&str>) -> Result<BirthDate, RejectReason> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(RejectReason::Empty);
    }
    let bytes = s.as_bytes();
    // The first byte that is neither a digit nor a separator is ASCII or the
    // first byte of a multi-byte character, so it is a char boundary.
    let end = bytes
        .iter()
        .position(|b| !(b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.')))
        .unwrap_or(bytes.len());
    let (date, time) = (s.get(..end).unwrap_or(""), s.get(end..).unwrap_or(""));
    if !is_time_part(time) {
        return in_words(s);
    }
    let date_bytes = date.as_bytes();
    let Some(sep) = date_bytes.iter().copied().find(|b| !b.is_ascii_digit()) else {
        return compact(date_bytes);
    };
    let mut fields = date.split(sep as char);
    let (Some(a), Some(b), Some(c), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(SYNTAX);
    };
    // A second kind of separator ("12/04-1990") leaves a non-digit in a field.
    if [a, b, c]
        .iter()
        .any(|f| f.is_empty() || f.len() > 4 || !f.bytes().all(|x| x.is_ascii_digit()))
    {
        return Err(SYNTAX);
    }
    match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => ymd(num(a), num(b), num(c)),
        (1..=2, 1..=2, 4) => short(num(a), num(b), num(c), order(country)),
        (1..=2, 1..=2, 2) => Err(RejectReason::AmbiguousDate),
        _ => Err(SYNTAX),
    }
}

/// A date written with a month name, or with the year, month and day marks
/// of Chinese, Japanese and Korean (see the module docs).
fn in_words(s: &str) -> Result<BirthDate, RejectReason> {
    if s.contains(['年', '년']) {
        // `1979年4月17日`: the marks become the separators of `YYYY-MM-DD`.
        let iso: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '日' | '일'))
            .map(|c| match c {
                '年' | '月' | '년' | '월' => '-',
                c => c,
            })
            .collect();
        let iso = iso.strip_suffix('-').unwrap_or(&iso);
        return match iso.split('-').count() {
            3 if iso.bytes().all(|b| b.is_ascii_digit() || b == b'-') => parse(iso, None),
            _ => Err(SYNTAX),
        };
    }
    let folded = super::text::fold(s);
    let (mut day, mut month, mut year) = (None, None, None);
    let mut two_digit_year = false;
    for word in folded.split(' ') {
        if FILLERS.contains(&word) {
            continue;
        }
        if let Some(m) = month_named(word) {
            if month.replace(m).is_some() {
                return Err(SYNTAX);
            }
            continue;
        }
        // A day may carry an ordinal ending: `17th`, `1st`, `1er`, `2º` (folded to `2o`).
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = digits.len() < word.len();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SYNTAX);
        }
        let slot = match (digits.len(), ordinal) {
            (1..=2, _) if day.is_none() => &mut day,
            (2, false) => {
                two_digit_year = true;
                &mut year
            }
            (4, false) => &mut year,
            _ => return Err(SYNTAX),
        };
        if slot.replace(num(digits)).is_some() {
            return Err(SYNTAX);
        }
    }
    match (day, month, year) {
        (Some(_), Some(_), Some(_)) if two_digit_year => Err(RejectReason::AmbiguousDate),
        (Some(d), Some(m), Some(y)) => ymd(y, m, d),
        _ => Err(SYNTAX),
    }
}

/// Words a written date may hold besides its day, month and year (`17 de
/// abril de 1979`, `the 17th of April`, `17 апреля 1979 г.`).
const FILLERS: &[&str] = &["", "de", "del", "of", "the", "den", "le", "g"];

/// Month names and abbreviations, folded, sorted for binary search.
const MONTHS: &[(&str, u16)] = &[
    ("abr", 4),
    ("abril", 4),
    ("ago", 8),
    ("agosto", 8),
    ("aout", 8),
    ("apr", 4),
    ("aprel", 4),
    ("aprelya", 4),
    ("april", 4),
    ("aprile", 4),
    ("aug", 8),
    ("august", 8),
    ("augustus", 8),
    ("avg", 8),
    ("avgust", 8),
    ("avgusta", 8),
    ("avr", 4),
    ("avril", 4),
    ("dec", 12),
    ("december", 12),
    ("decembre", 12),
    ("dek", 12),
    ("dekabr", 12),
    ("dekabrya", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("ene", 1),
    ("enero", 1),
    ("feb", 2),
    ("febbraio", 2),
    ("febrero", 2),
    ("februar", 2),
    ("februari", 2),
    ("february", 2),
    ("fev", 2),
    ("fevereiro", 2),
    ("fevr", 2),
    ("fevral", 2),
    ("fevralya", 2),
    ("fevrier", 2),
    ("gen", 1),
    ("gennaio", 1),
    ("giu", 6),
    ("giugno", 6),
    ("iyul", 7),
    ("iyulya", 7),
    ("iyun", 6),
    ("iyunya", 6),
    ("jan", 1),
    ("janeiro", 1),
    ("janner", 1),
    ("januar", 1),
    ("januari", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("juil", 7),
    ("juillet", 7),
    ("juin", 6),
    ("jul", 7),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("lug", 7),
    ("luglio", 7),
    ("maart", 3),
    ("maerz", 3),
    ("mag", 5),
    ("maggio", 5),
    ("mai", 5),
    ("maio", 5),
    ("mar", 3),
    ("march", 3),
    ("marco", 3),
    ("mars", 3),
    ("mart", 3),
    ("marta", 3),
    ("marz", 3),
    ("marzo", 3),
    ("may", 5),
    ("maya", 5),
    ("mayo", 5),
    ("mei", 5),
    ("mrt", 3),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("noyab", 11),
    ("noyabr", 11),
    ("noyabrya", 11),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("oktyabr", 10),
    ("oktyabrya", 10),
    ("ott", 10),
    ("ottobre", 10),
    ("out", 10),
    ("outubro", 10),
    ("sent", 9),
    ("sentyabr", 9),
    ("sentyabrya", 9),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("yanv", 1),
    ("yanvar", 1),
    ("yanvarya", 1),
];

/// The month a name or abbreviation stands for, folded (no accents, lower case).
fn month_named(word: &str) -> Option<u16> {
    MONTHS
        .binary_search_by(|(name, _)| (*name).cmp(word))
        .ok()
        .and_then(|i| MONTHS.get(i))
        .map(|&(_, m)| m)
}

/// Empty, or a time after `T` or white space: digits, `:`, fractions and a zone.
fn is_time_part(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !(first == 'T' || first == 't' || first.is_ascii_whitespace()) {
        return false;
    }
    let tail = rest.get(1..).unwrap_or("");
    tail.contains(':')
        && tail.bytes().all(|b| {
            b.is_ascii_digit() || matches!(b, b':' | b'.' | b',' | b'Z' | b'z' | b'+' | b'-' | b' ')
        })
}

/// All digits: `YYYYMMDD`; six digits carry a two-digit year.
fn compact(d: &[u8]) -> Result<BirthDate, RejectReason> {
    match d {
        [y0, y1, y2, y3, m0, m1, d0, d1] => ymd(
            digits(&[*y0, *y1, *y2, *y3]),
            digits(&[*m0, *m1]),
            digits(&[*d0, *d1]),
        ),
        [_, _, _, _, _, _] => Err(RejectReason::AmbiguousDate),
        _ => Err(SYNTAX),
    }
}

/// Value of a field of at most four ASCII digits (checked by the caller).
fn num(field: &str) -> u16 {
    digits(field.as_bytes())
}

fn digits(d: &[u8]) -> u16 {
    d.iter().fold(0u16, |acc, b| {
        acc.saturating_mul(10)
            .saturating_add(u16::from(b.wrapping_sub(b'0')))
    })
}

/// `DD/MM/YYYY` or `MM/DD/YYYY`: `first` and `second` are the two short fields.
fn short(first: u16, second: u16, year: u16, order: Order) -> Result<BirthDate, RejectReason> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(RejectReason::ImpossibleDate);
    }
    let day_first = make(year, second, first);
    let month_first = make(year, first, second);
    match (day_first, month_first) {
        (Some(d), None) | (None, Some(d)) => Ok(d),
        (None, None) => Err(RejectReason::ImpossibleDate),
        (Some(d), Some(m)) => match order {
            _ if d == m => Ok(d),
            Order::DayFirst => Ok(d),
            Order::MonthFirst => Ok(m),
            Order::Unknown => Err(RejectReason::AmbiguousDate),
        },
    }
}

fn ymd(year: u16, month: u16, day: u16) -> Result<BirthDate, RejectReason> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(RejectReason::ImpossibleDate);
    }
    make(year, month, day).ok_or(RejectReason::ImpossibleDate)
}

/// The date if it exists on the Gregorian calendar.
fn make(year: u16, month: u16, day: u16) -> Option<BirthDate> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > last {
        return None;
    }
    Some(BirthDate {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: raw date and country -> canonical `YYYY-MM-DD` or the rejection.
    fn check(rows: &[(&str, Option<&str>, Result<&str, RejectReason>)]) {
        for (raw, country, expected) in rows {
            let got = parse(raw, *country).map(|d| {
                // The inline form and `Display` agree.
                assert_eq!(d.iso().as_str(), d.to_string());
                d.to_string()
            });
            assert_eq!(
                got,
                expected.clone().map(str::to_owned),
                "{raw:?} in {country:?}"
            );
        }
    }

    #[test]
    fn month_names_and_cjk_marks() {
        let d = Ok("1979-04-17");
        check(&[
            ("17 April 1979", None, d.clone()),
            ("April 17, 1979", Some("US"), d.clone()),
            ("April 17th, 1979", None, d.clone()),
            ("17-Apr-1979", Some("GB"), d.clone()),
            ("17. April 1979", Some("DE"), d.clone()),
            ("17 de abril de 1979", Some("ES"), d.clone()),
            ("17 avril 1979", Some("FR"), d.clone()),
            ("1979 APR 17", None, d.clone()),
            ("the 17th of April 1979", None, d.clone()),
            ("1979年4月17日", Some("JP"), d.clone()),
            ("1979년 4월 17일", Some("KR"), d.clone()),
            ("1er mars 1980", Some("FR"), Ok("1980-03-01")),
            ("3. März 1980", Some("DE"), Ok("1980-03-03")),
            ("15 août 1969", Some("FR"), Ok("1969-08-15")),
            ("2 de fevereiro de 1990", Some("BR"), Ok("1990-02-02")),
            ("17 апреля 1979 г.", Some("RU"), d.clone()),
            ("1 января 2000", Some("RU"), Ok("2000-01-01")),
            // Impossible, two-digit years, missing or doubled parts.
            ("31 February 1980", None, Err(RejectReason::ImpossibleDate)),
            ("17 Apr 79", None, Err(RejectReason::AmbiguousDate)),
            ("April 1979", None, Err(SYNTAX)),
            ("17 April", None, Err(SYNTAX)),
            ("17 April May 1979", None, Err(SYNTAX)),
            ("17 Apr 1979 1980", None, Err(SYNTAX)),
            ("17 Smarch 1979", None, Err(SYNTAX)),
            ("1979年4月", None, Err(SYNTAX)),
            ("1979年x月17日", None, Err(SYNTAX)),
            ("年月日", None, Err(SYNTAX)),
        ]);
    }

    #[test]
    fn every_month_name_is_found() {
        assert!(MONTHS.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, m) in [
            ("apr", 4),
            ("aout", 8),
            ("dez", 12),
            ("janner", 1),
            ("mrt", 3),
        ] {
            assert_eq!(month_named(w), Some(m), "{w}");
        }
        for w in ["", "ma", "smarch", "septembe"] {
            assert_eq!(month_named(w), None, "{w}");
        }
    }

    /// The inline ISO form is `Display`'s, for every year and month.
    #[test]
    fn iso_form_is_the_display_form() {
        for year in MIN_YEAR..=MAX_YEAR {
            for month in 1..=12 {
                for day in [1, 9, 10, 28] {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let d = parse(&text, None).unwrap_or_else(|e| panic!("{text}: {e}"));
                    assert_eq!(d.iso().as_str(), text);
                }
            }
        }
    }

    #[test]
    fn date_iso_dashes() {
        check(&[
            ("1990-04-12", None, Ok("1990-04-12")),
            ("  1962-12-25 ", Some("US"), Ok("1962-12-25")),
            ("1990-04-12", Some("GB"), Ok("1990-04-12")),
        ]);
    }

    #[test]
    fn date_iso_slashes_and_dots() {
        check(&[
            ("1990/04/12", None, Ok("1990-04-12")),
            ("1990.04.12", Some("DE"), Ok("1990-04-12")),
            ("1990/12/04", Some("US"), Ok("1990-12-04")),
        ]);
    }

    #[test]
    fn date_iso_one_digit_fields() {
        check(&[
            ("1990-4-2", None, Ok("1990-04-02")),
            ("1990/4/12", None, Ok("1990-04-12")),
        ]);
    }

    #[test]
    fn date_time_part_ignored() {
        check(&[
            ("1990-04-12T00:00:00Z", None, Ok("1990-04-12")),
            ("1990-04-12T23:59:59.123+02:00", None, Ok("1990-04-12")),
            ("1990-04-12t10:00", None, Ok("1990-04-12")),
            ("1990-04-12 00:00:00", None, Ok("1990-04-12")),
            ("12/04/1990 00:00", Some("GB"), Ok("1990-04-12")),
        ]);
    }

    #[test]
    fn date_compact_yyyymmdd() {
        check(&[
            ("19831028", None, Ok("1983-10-28")),
            ("20010702", Some("GB"), Ok("2001-07-02")),
            ("20010702", Some("US"), Ok("2001-07-02")),
        ]);
    }

    #[test]
    fn date_compact_rejections() {
        check(&[
            ("19830229", None, Err(RejectReason::ImpossibleDate)),
            ("12041990", None, Err(RejectReason::ImpossibleDate)),
            ("900412", None, Err(RejectReason::AmbiguousDate)),
            ("1990412", None, Err(SYNTAX)),
            ("199004120", None, Err(SYNTAX)),
        ]);
    }

    #[test]
    fn date_day_first_countries() {
        check(&[
            ("12/04/1990", Some("GB"), Ok("1990-04-12")),
            ("07/01/1996", Some("FR"), Ok("1996-01-07")),
            ("21.08.1955", Some("DE"), Ok("1955-08-21")),
            ("04-03-1996", Some("BR"), Ok("1996-03-04")),
            ("4/3/1996", Some("RO"), Ok("1996-03-04")),
            ("06/09/1958", Some("ES"), Ok("1958-09-06")),
            ("06/09/1958", Some("IT"), Ok("1958-09-06")),
            ("12/04/1990", Some("JP"), Ok("1990-04-12")),
        ]);
    }

    #[test]
    fn date_month_first_countries() {
        check(&[
            ("12/04/1990", Some("US"), Ok("1990-12-04")),
            ("07/01/1996", Some("US"), Ok("1996-07-01")),
            ("07-01-1996", Some("PR"), Ok("1996-07-01")),
            ("07.01.1996", Some("PH"), Ok("1996-07-01")),
            ("07/01/1996", Some("GU"), Ok("1996-07-01")),
        ]);
    }

    #[test]
    fn date_country_case_and_space() {
        check(&[
            ("07/01/1996", Some(" us "), Ok("1996-07-01")),
            ("07/01/1996", Some("gb"), Ok("1996-01-07")),
        ]);
    }

    #[test]
    fn date_canada_and_unknown_have_no_preference() {
        check(&[
            ("03/04/1990", Some("CA"), Err(RejectReason::AmbiguousDate)),
            ("03/04/1990", None, Err(RejectReason::AmbiguousDate)),
            ("03/04/1990", Some(""), Err(RejectReason::AmbiguousDate)),
            ("03/04/1990", Some("USA"), Err(RejectReason::AmbiguousDate)),
            ("03/04/1990", Some("1A"), Err(RejectReason::AmbiguousDate)),
        ]);
    }

    #[test]
    fn date_only_possible_reading_wins() {
        check(&[
            ("13/04/1990", Some("US"), Ok("1990-04-13")),
            ("04/13/1990", Some("GB"), Ok("1990-04-13")),
            ("13/04/1990", None, Ok("1990-04-13")),
            ("04/13/1990", None, Ok("1990-04-13")),
            ("31/12/1999", Some("CA"), Ok("1999-12-31")),
            ("31/04/1999", Some("US"), Err(RejectReason::ImpossibleDate)),
        ]);
    }

    #[test]
    fn date_same_day_and_month_is_not_ambiguous() {
        check(&[
            ("05/05/1990", None, Ok("1990-05-05")),
            ("12.12.1912", Some("CA"), Ok("1912-12-12")),
        ]);
    }

    #[test]
    fn date_two_digit_years_are_ambiguous() {
        check(&[
            ("12/04/90", Some("GB"), Err(RejectReason::AmbiguousDate)),
            ("12/04/90", Some("US"), Err(RejectReason::AmbiguousDate)),
            ("90-04-12", None, Err(RejectReason::AmbiguousDate)),
        ]);
    }

    #[test]
    fn date_impossible_day_or_month() {
        check(&[
            ("1990-02-31", None, Err(RejectReason::ImpossibleDate)),
            ("1990-04-31", None, Err(RejectReason::ImpossibleDate)),
            ("1990-13-01", None, Err(RejectReason::ImpossibleDate)),
            ("1990-00-10", None, Err(RejectReason::ImpossibleDate)),
            ("1990-01-00", None, Err(RejectReason::ImpossibleDate)),
            ("31/02/1990", Some("GB"), Err(RejectReason::ImpossibleDate)),
            ("13/13/1990", Some("US"), Err(RejectReason::ImpossibleDate)),
            ("00/00/1990", None, Err(RejectReason::ImpossibleDate)),
        ]);
    }

    #[test]
    fn date_leap_years() {
        check(&[
            ("2000-02-29", None, Ok("2000-02-29")),
            ("1988-02-29", None, Ok("1988-02-29")),
            ("1900-02-29", None, Err(RejectReason::ImpossibleDate)),
            ("29/02/1991", Some("FR"), Err(RejectReason::ImpossibleDate)),
            ("02/29/1992", Some("US"), Ok("1992-02-29")),
        ]);
    }

    #[test]
    fn date_year_range() {
        check(&[
            ("1879-12-31", None, Err(RejectReason::ImpossibleDate)),
            ("1880-01-01", None, Ok("1880-01-01")),
            ("2030-12-31", None, Ok("2030-12-31")),
            ("2031-01-01", None, Err(RejectReason::ImpossibleDate)),
            ("1012-05-05", None, Err(RejectReason::ImpossibleDate)),
            ("12/04/2099", Some("GB"), Err(RejectReason::ImpossibleDate)),
            ("0000-01-01", None, Err(RejectReason::ImpossibleDate)),
        ]);
    }

    #[test]
    fn date_syntax_shapes() {
        check(&[
            ("12 April 1990", None, Ok("1990-04-12")),
            ("1990-04", None, Err(SYNTAX)),
            ("1990-04-12-01", None, Err(SYNTAX)),
            ("1990--04", None, Err(SYNTAX)),
            ("12/04/1990.", None, Err(SYNTAX)),
            ("01990-04-12", None, Err(SYNTAX)),
            ("1990-004-12", None, Err(SYNTAX)),
            ("123/04/1990", None, Err(SYNTAX)),
            ("1.2.3", None, Err(SYNTAX)),
            ("N/A", None, Err(SYNTAX)),
        ]);
    }

    #[test]
    fn date_mixed_separators_rejected() {
        check(&[
            ("12/04-1990", None, Err(SYNTAX)),
            ("1990-04/12", None, Err(SYNTAX)),
        ]);
    }

    #[test]
    fn date_bad_time_part_rejected() {
        check(&[
            ("1990-04-12T", None, Err(SYNTAX)),
            ("1990-04-12 abc", None, Err(SYNTAX)),
            ("1990-04-12 12", None, Err(SYNTAX)),
            ("1990-04-12\u{e9}", None, Err(SYNTAX)),
            ("T10:00", None, Err(SYNTAX)),
        ]);
    }

    #[test]
    fn date_non_ascii_digits_rejected() {
        check(&[("\u{FF11}\u{FF19}\u{FF19}\u{FF10}-04-12", None, Err(SYNTAX))]);
    }

    #[test]
    fn date_empty() {
        check(&[
            ("", None, Err(RejectReason::Empty)),
            ("   ", Some("US"), Err(RejectReason::Empty)),
        ]);
    }

    #[test]
    fn date_fields_and_order() {
        let d = parse("1990-04-12", None);
        assert_eq!(d.map(|d| (d.year(), d.month(), d.day())), Ok((1990, 4, 12)));
        assert!(parse("1990-04-12", None).ok() < parse("1990-12-04", None).ok());
        assert_eq!(parse("1990-04-12", None), parse("12/04/1990", Some("GB")));
    }

    #[test]
    fn date_odd_input_never_panics() {
        let rows = [
            "\u{0}",
            "9999999999999999999/99/9999",
            "////",
            "\u{e9}/\u{e9}/\u{e9}",
            "1990-04-12T\u{301}",
            "--",
            "0/0/0",
            "65535-65535-65535",
        ];
        for raw in rows {
            let _ = parse(raw, Some("US"));
            let _ = parse(raw, None);
        }
    }
}
