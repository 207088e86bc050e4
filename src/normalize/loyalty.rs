//! Loyalty program member numbers.
//!
//! A member number reaches us typed by a cashier, printed on a card, read
//! back over the phone or exported from a spreadsheet that dropped its
//! leading zeros. All of `LY-0042-1337`, `ly00421337`, `0042 1337` and
//! `421337` must become one value, so the canonical form is the bare digit
//! string, re-padded to the scheme's length.

use super::text::{self, ascii_or_nfkc};
use crate::RejectReason;

/// How a loyalty program writes its member numbers.
///
/// ```
/// use idgraph::normalize::{CheckDigit, LoyaltyScheme};
///
/// let scheme = LoyaltyScheme::new().prefix("LY").digits(8).check_digit(CheckDigit::Luhn);
/// assert_eq!(scheme.get_prefix(), Some("LY"));
/// assert_eq!(scheme.get_digits(), Some(8));
/// assert_eq!(scheme.get_check_digit(), CheckDigit::Luhn);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct LoyaltyScheme {
    prefix: Option<String>,
    digits: Option<u8>,
    check_digit: CheckDigit,
}

/// Fewest values [`LoyaltyScheme::infer`] needs before it trusts any statistic.
const INFER_MIN_SAMPLE: usize = 20;
/// Longest letter run `infer` counts as a program prefix; longer runs are words, not prefixes.
const INFER_MAX_PREFIX: usize = 8;
/// Shortest and longest alphanumeric member code (`AB12CD34`).
const CODE_LEN: std::ops::RangeInclusive<usize> = 5..=32;
/// Share of values (in tenths) written as letter-and-digit codes at which
/// `infer` sets no digit count: the program, or one of the programs, writes
/// codes, and a digit count would refuse them.
const INFER_CODES_TENTHS: usize = 1;
/// Longest digit string whose length `infer` tallies; `digits` is a `u8` and real
/// member numbers are far shorter.
const INFER_MAX_DIGITS: usize = 64;

impl LoyaltyScheme {
    /// The generic scheme: no prefix, any digit count, no check digit.
    pub fn new() -> LoyaltyScheme {
        LoyaltyScheme::default()
    }
    /// The program's letter prefix (`"LY"`), dropped from canonical values.
    pub fn prefix(mut self, prefix: &str) -> LoyaltyScheme {
        self.prefix = Some(prefix.to_string());
        self
    }
    /// The number of digits, leading zeros included, that a member number has.
    ///
    /// `0` means "any count", like the generic scheme.
    pub fn digits(mut self, digits: u8) -> LoyaltyScheme {
        self.digits = Some(digits);
        self
    }
    /// The check digit algorithm.
    pub fn check_digit(mut self, check: CheckDigit) -> LoyaltyScheme {
        self.check_digit = check;
        self
    }

    /// The program's letter prefix, as configured.
    pub fn get_prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// The configured digit count, if any.
    pub fn get_digits(&self) -> Option<u8> {
        self.digits
    }

    /// The check digit algorithm.
    pub fn get_check_digit(&self) -> CheckDigit {
        self.check_digit
    }

    /// Estimates a program's scheme from a sample of raw member numbers.
    ///
    /// Each non-blank value is read the way [`parse`](crate::normalize::loyalty_id)
    /// reads it: trimmed, NFKC for non-ASCII, separators (white space, `-`, `.`,
    /// `/`, `_`) removed, then split into a leading run of ASCII letters (the
    /// candidate prefix) and the rest. A value is *well formed* when the rest is
    /// one or more ASCII digits.
    ///
    /// * **Prefix**: the most common letter run (of at most 8 letters, on a
    ///   well-formed value or a code of letters and digits) is the prefix when
    ///   it is carried by at least 50 % of all non-blank values. It is stored
    ///   upper case; matching ignores case.
    /// * **Digit count**: over the well-formed values, take the modal digit
    ///   count (leading zeros included; ties go to the longer count). It becomes
    ///   the scheme's count when the mode covers at least 60 % of the
    ///   well-formed values and at least 90 % of them have that many digits or
    ///   fewer (fewer is normal: spreadsheets drop leading zeros).
    ///   No count is set when 10 % or more of the values are codes of letters
    ///   and digits (`AB12CD34`): a count would refuse them.
    /// * **Check digit**: Luhn when at least 90 % of the well-formed values with
    ///   4 or more digits pass it. Random numbers pass Luhn about 10 % of the
    ///   time, so 90 % cannot happen by chance.
    ///
    /// With fewer than 20 non-blank values the result is the generic scheme
    /// ([`LoyaltyScheme::new`]); the digit count and check digit also need 20
    /// well-formed values (20 with 4+ digits for Luhn). The result is
    /// deterministic for a given sample.
    ///
    /// ```
    /// use idgraph::normalize::LoyaltyScheme;
    ///
    /// let sample: Vec<String> = (0..40).map(|i| format!("LY-{:04}-{:04}", i, 7000 + i)).collect();
    /// let scheme = LoyaltyScheme::infer(sample.iter().map(String::as_str));
    /// assert_eq!(scheme.get_prefix(), Some("LY"));
    /// assert_eq!(scheme.get_digits(), Some(8));
    /// ```
    pub fn infer<'a>(values: impl IntoIterator<Item = &'a str>) -> LoyaltyScheme {
        let mut tally = LoyaltyTally::default();
        for raw in values {
            tally.add(raw, 1);
        }
        tally.scheme()
    }
}

/// What [`LoyaltyScheme::infer`] counts of a sample, value by value: counts
/// add and subtract, so a graph keeps them as records come and go, without
/// keeping the values themselves.
#[derive(Clone, Debug)]
pub(crate) struct LoyaltyTally {
    total: i64,
    well_formed: i64,
    /// Index = digit count; the last slot collects anything longer.
    by_len: [i64; INFER_MAX_DIGITS + 2],
    luhn_tested: i64,
    luhn_passed: i64,
    /// Values with letters after the leading ones (`AB12CD34`, `LY2668973O`).
    codes: i64,
    /// BTreeMap, not HashMap: the tie-break on equal counts must not depend on hashing.
    prefixes: std::collections::BTreeMap<String, i64>,
}

impl Default for LoyaltyTally {
    fn default() -> LoyaltyTally {
        LoyaltyTally {
            total: 0,
            well_formed: 0,
            by_len: [0; INFER_MAX_DIGITS + 2],
            luhn_tested: 0,
            luhn_passed: 0,
            codes: 0,
            prefixes: Default::default(),
        }
    }
}

impl LoyaltyTally {
    /// Counts one raw value in (`sign` 1) or out (`sign` -1).
    pub(crate) fn add(&mut self, raw: &str, sign: i64) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return;
        }
        self.total += sign;
        let text = ascii_or_nfkc(trimmed);
        let mut chars = text.chars().filter(|c| !is_separator(*c)).peekable();
        let mut prefix = String::new();
        let mut prefix_len = 0usize;
        while let Some(c) = chars.next_if(char::is_ascii_alphabetic) {
            prefix_len += 1;
            if prefix_len <= INFER_MAX_PREFIX {
                prefix.push(c.to_ascii_uppercase());
            }
        }
        let mut digits = String::new();
        let mut code = false;
        while let Some(c) = chars.next() {
            if !c.is_ascii_digit() {
                // A letter after digits: a code of letters and digits, or a
                // number with a typo in it. Its leading letters still count
                // towards the prefix.
                if !(c.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric())) {
                    return;
                }
                code = true;
                break;
            }
            digits.push(c);
        }
        if code {
            self.codes += sign;
        } else if digits.is_empty() {
            return;
        } else {
            self.well_formed += sign;
            self.by_len[digits.len().min(INFER_MAX_DIGITS + 1)] += sign;
            if digits.len() >= 4 {
                self.luhn_tested += sign;
                if luhn_valid(&digits) {
                    self.luhn_passed += sign;
                }
            }
        }
        if prefix_len > 0 && prefix_len <= INFER_MAX_PREFIX {
            let n = self.prefixes.entry(prefix).or_insert(0);
            *n += sign;
            if *n <= 0 {
                self.prefixes.retain(|_, n| *n > 0);
            }
        }
    }

    /// The scheme the counted values show (see [`LoyaltyScheme::infer`]).
    pub(crate) fn scheme(&self) -> LoyaltyScheme {
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        let (total, well_formed) = (count(self.total), count(self.well_formed));
        let by_len = self.by_len.map(count);
        let (luhn_tested, luhn_passed) = (count(self.luhn_tested), count(self.luhn_passed));
        let mut scheme = LoyaltyScheme::new();
        if total < INFER_MIN_SAMPLE {
            return scheme;
        }

        // `max_by_key` keeps the last maximum; iterate in reverse so that ties
        // resolve to the alphabetically first prefix.
        if let Some((p, &n)) = self.prefixes.iter().rev().max_by_key(|(_, c)| **c) {
            if count(n) * 2 >= total {
                scheme.prefix = Some(p.clone());
            }
        }

        let codes = count(self.codes);
        if well_formed >= INFER_MIN_SAMPLE && codes * 10 < total * INFER_CODES_TENTHS {
            // Ties go to the longer count (`max_by_key` keeps the last maximum).
            let modal = (1..=INFER_MAX_DIGITS).max_by_key(|&len| by_len[len]);
            if let Some(modal) = modal {
                let at_mode = by_len[modal];
                let at_most: usize = by_len[..=modal].iter().sum();
                if at_mode * 10 >= well_formed * 6 && at_most * 10 >= well_formed * 9 {
                    scheme.digits = u8::try_from(modal).ok();
                }
            }
        }

        if luhn_tested >= INFER_MIN_SAMPLE && luhn_passed * 10 >= luhn_tested * 9 {
            scheme.check_digit = CheckDigit::Luhn;
        }
        scheme
    }
}

/// The check digit algorithm of a loyalty scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CheckDigit {
    /// No check digit.
    #[default]
    None,
    /// The Luhn (mod 10) algorithm, as on payment cards.
    Luhn,
}

/// Whether a member number passed its scheme's check digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CheckStatus {
    /// The scheme has no check digit.
    NotChecked,
    /// The check digit is right.
    Valid,
    /// The check digit is wrong: most likely a typo of a real member number.
    Failed,
}

/// A normalized loyalty member number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LoyaltyId {
    value: String,
    check: CheckStatus,
}

impl LoyaltyId {
    /// The canonical member number.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// The result of the check digit test.
    pub fn check(&self) -> CheckStatus {
        self.check
    }
}

/// Characters people put between digit groups; they carry no meaning.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '_')
}

/// Luhn (mod 10) over ASCII digits. Leading zeros never change the result,
/// which is why it can run on the re-padded canonical value.
pub(super) fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b.wrapping_sub(b'0') % 10);
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum = (sum + d) % 10;
    }
    sum == 0
}

/// Parses one raw member number under `scheme`, without the placeholder check.
///
/// Rules, in order:
/// 1. Trim; NFKC + lower case only when the value is not plain ASCII (so
///    full-width `ＬＹ０４２` reads as `ly042`).
/// 2. Separators (white space, `-`, `.`, `/`, `_`) are ignored everywhere.
/// 3. The scheme's prefix is dropped when present (case-insensitive). A scheme
///    without a prefix drops any leading run of ASCII letters, because programs
///    print their own prefix (`LY`, `CARD`) that staff may or may not type.
/// 4. What remains must be ASCII digits, else `InvalidSyntax`; nothing left is
///    `Empty` (a value that was only a prefix).
/// 5. Leading zeros are stripped (spreadsheets lose them) and the number is
///    re-padded to the scheme's digit count; more significant digits than the
///    count is `InvalidSyntax`. Without a count, all zeros become `"0"`.
/// 6. The check digit runs on the canonical digits. A failed check is not a
///    rejection: the value is most likely a typo of a real member number, and
///    the resolver decides what to do with [`CheckStatus::Failed`].
pub(crate) fn parse(raw: &str, scheme: &LoyaltyScheme) -> Result<LoyaltyId, RejectReason> {
    // As a spreadsheet may give it back: quoted, or with a float's `.0`.
    let trimmed = text::without_float_tail(text::unquote(raw));
    let text = ascii_or_nfkc(trimmed);

    let mut chars = text.chars().filter(|c| !is_separator(*c)).peekable();
    let prefix = scheme
        .prefix
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    match prefix {
        Some(p) => {
            let p = ascii_or_nfkc(p);
            let p = &*p;
            let mut probe = chars.clone();
            let matched = p
                .chars()
                .filter(|c| !is_separator(*c))
                .all(|pc| probe.next().is_some_and(|c| chars_eq_ignore_case(c, pc)));
            if matched {
                chars = probe;
            }
        }
        None => while chars.next_if(char::is_ascii_alphabetic).is_some() {},
    }

    // Capacity: the digits can never outnumber the bytes, and padding needs `width`.
    let width = usize::from(scheme.digits.unwrap_or(0));
    if chars.clone().any(|c| !c.is_ascii_digit()) {
        let prefix = prefix.map(ascii_or_nfkc);
        return code(&text, prefix.as_deref(), chars, width);
    }
    let mut value = String::with_capacity(text.len().max(width));
    let mut seen_digit = false;
    for c in chars {
        seen_digit = true;
        if value.is_empty() && c == '0' {
            continue;
        }
        value.push(c);
    }
    if !seen_digit {
        return Err(RejectReason::Empty);
    }

    if width > 0 {
        if value.len() > width {
            return Err(RejectReason::InvalidSyntax {
                rule: "loyalty ID has more digits than the scheme allows",
            });
        }
        let pad = width - value.len();
        if pad > 0 {
            value.insert_str(0, &"0".repeat(pad));
        }
    } else if value.is_empty() {
        value.push('0');
    }

    let check = match scheme.check_digit {
        CheckDigit::None => CheckStatus::NotChecked,
        CheckDigit::Luhn if luhn_valid(&value) => CheckStatus::Valid,
        CheckDigit::Luhn => CheckStatus::Failed,
    };
    Ok(LoyaltyId { value, check })
}

/// A member code of letters and digits (`AB12CD34`), from a program whose
/// scheme has no digit count: upper-cased and separators dropped. Leading
/// letters are part of a code (`AB12CD34` and `XY12CD34` are two members), so
/// a scheme without a prefix keeps them, and a scheme with one writes it in
/// front whether it was typed or not (`MB-7K2P9Q` and `7k2p9q` are
/// `MB7K2P9Q`; dropping it instead would read `MBMB12CD` as `MB12CD`, and that
/// again as `12CD`). Under a digit count the program writes digits, and a
/// letter among them is `InvalidSyntax` (a typo such as `O` for `0`), as is a
/// code of fewer than 5 or more than 32 characters, or with anything but
/// ASCII letters and digits.
fn code(
    text: &str,
    prefix: Option<&str>,
    rest: impl Iterator<Item = char> + Clone,
    width: usize,
) -> Result<LoyaltyId, RejectReason> {
    let syntax = Err(RejectReason::InvalidSyntax {
        rule: "loyalty ID must be digits after the program prefix",
    });
    if width > 0 {
        return syntax;
    }
    let mut value = String::with_capacity(text.len() + prefix.map_or(0, str::len));
    if let Some(p) = prefix {
        value.extend(p.chars().filter(|c| !is_separator(*c)));
        value.extend(rest);
    } else {
        value.extend(text.chars().filter(|c| !is_separator(*c)));
    }
    value.make_ascii_uppercase();
    let is_code = CODE_LEN.contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric())
        && value.bytes().any(|b| b.is_ascii_digit());
    if !is_code {
        return syntax;
    }
    Ok(LoyaltyId {
        value,
        check: CheckStatus::NotChecked,
    })
}

fn chars_eq_ignore_case(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ly8() -> LoyaltyScheme {
        LoyaltyScheme::new().prefix("LY").digits(8)
    }

    fn ly8_luhn() -> LoyaltyScheme {
        ly8().check_digit(CheckDigit::Luhn)
    }

    fn syntax() -> RejectReason {
        RejectReason::InvalidSyntax {
            rule: "loyalty ID must be digits after the program prefix",
        }
    }

    fn too_many() -> RejectReason {
        RejectReason::InvalidSyntax {
            rule: "loyalty ID has more digits than the scheme allows",
        }
    }

    fn run(scheme: &LoyaltyScheme, rows: &[(&str, Result<&str, RejectReason>)]) {
        for (raw, want) in rows {
            let got = parse(raw, scheme).map(|l| l.value);
            assert_eq!(
                got.as_deref().map_err(Clone::clone),
                want.clone(),
                "raw {raw:?}"
            );
        }
    }

    /// Appends the Luhn check digit to `body`.
    fn with_luhn(body: &str) -> String {
        (0..10)
            .map(|d| format!("{body}{d}"))
            .find(|s| luhn_valid(s))
            .unwrap_or_default()
    }

    /// A deterministic pseudo-random sequence for synthetic samples.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn loyalty_spec_example_one_value() {
        run(
            &ly8(),
            &[
                ("LY-0042-1337", Ok("00421337")),
                ("ly00421337", Ok("00421337")),
                ("0042 1337", Ok("00421337")),
                ("421337", Ok("00421337")),
            ],
        );
    }

    #[test]
    fn loyalty_separators_are_ignored() {
        run(
            &ly8(),
            &[
                ("LY 2736 0544", Ok("27360544")),
                ("2736.0544", Ok("27360544")),
                ("2736/0544", Ok("27360544")),
                ("2736_0544", Ok("27360544")),
                ("  27-36 05.44\n", Ok("27360544")),
                ("LY\t2736\t0544", Ok("27360544")),
            ],
        );
    }

    #[test]
    fn loyalty_lost_leading_zeros_are_restored() {
        run(
            &ly8(),
            &[
                ("1693860", Ok("01693860")),
                ("01693860", Ok("01693860")),
                ("LY-0169-3860", Ok("01693860")),
                ("000000001693860", Ok("01693860")),
                ("7", Ok("00000007")),
                // A spreadsheet's float, quoted or not; a digit group is no float.
                ("1693860.0", Ok("01693860")),
                ("\"LY-0169-3860\"", Ok("01693860")),
                ("2736.0000", Ok("27360000")),
            ],
        );
    }

    #[test]
    fn loyalty_prefix_is_case_insensitive() {
        run(
            &ly8(),
            &[
                ("ly-0021-0997", Ok("00210997")),
                ("Ly00210997", Ok("00210997")),
                ("lY 0021 0997", Ok("00210997")),
            ],
        );
        let lower = LoyaltyScheme::new().prefix("ly").digits(8);
        run(&lower, &[("LY00210997", Ok("00210997"))]);
    }

    #[test]
    fn loyalty_prefix_with_separators_in_config() {
        let scheme = LoyaltyScheme::new().prefix(" LY- ").digits(8);
        run(
            &scheme,
            &[
                ("LY-0042-1337", Ok("00421337")),
                ("L.Y.00421337", Ok("00421337")),
            ],
        );
    }

    #[test]
    fn loyalty_other_letters_under_a_prefixed_scheme_are_rejected() {
        run(
            &ly8(),
            &[
                ("CARD 0042 1337", Err(syntax())),
                ("L0042 1337", Err(syntax())),
                ("XLY00421337", Err(syntax())),
            ],
        );
    }

    #[test]
    fn loyalty_generic_scheme_drops_any_letter_prefix() {
        let generic = LoyaltyScheme::new();
        run(
            &generic,
            &[
                ("CARD-0042-1337", Ok("421337")),
                ("LY00421337", Ok("421337")),
                ("card 1234", Ok("1234")),
                ("00421337", Ok("421337")),
                ("0", Ok("0")),
                ("0000", Ok("0")),
            ],
        );
    }

    #[test]
    fn loyalty_letters_in_the_middle_of_a_numbered_program_are_rejected() {
        // A program with a digit count writes digits: a letter is a typo.
        run(
            &ly8(),
            &[
                ("LY-0042-A337", Err(syntax())),
                ("0042O1337", Err(syntax())),
                ("00421337X", Err(syntax())),
            ],
        );
        run(&LoyaltyScheme::new(), &[("12#34", Err(syntax()))]);
    }

    #[test]
    fn loyalty_codes_of_letters_and_digits_are_members() {
        // Without a digit count, a code keeps its leading letters: they are
        // part of it, not a program prefix.
        run(
            &LoyaltyScheme::new(),
            &[
                ("12AB34", Ok("12AB34")),
                ("ab12-cd34", Ok("AB12CD34")),
                ("AB 12 CD 34", Ok("AB12CD34")),
                ("XY12CD34", Ok("XY12CD34")),
                // Too short, no digit, or not letters and digits.
                ("A1B2", Err(syntax())),
                ("12AB#34", Err(syntax())),
            ],
        );
        // A configured prefix is part of every code, typed or not.
        let scheme = LoyaltyScheme::new().prefix("MB");
        run(
            &scheme,
            &[
                ("MB-7K2P9Q", Ok("MB7K2P9Q")),
                ("7k2p9q", Ok("MB7K2P9Q")),
                ("MBMB12CD", Ok("MBMB12CD")),
            ],
        );
    }

    #[test]
    fn loyalty_infer_sets_no_digit_count_for_a_program_of_codes() {
        let numbers: Vec<String> = (0..60)
            .map(|i| format!("{:08}", 4_000_000 + i * 7))
            .collect();
        let codes: Vec<String> = (0..10).map(|i| format!("K{i}X{:04}", i * 13)).collect();
        let numbered = LoyaltyScheme::infer(numbers.iter().map(String::as_str));
        assert_eq!(numbered.get_digits(), Some(8));
        // One value in seven a code: no digit count, so codes are members.
        let mixed = LoyaltyScheme::infer(numbers.iter().chain(&codes).map(String::as_str));
        assert_eq!(mixed.get_digits(), None);
        assert_eq!(
            parse("K3X0039", &mixed).map(|l| l.value).as_deref(),
            Ok("K3X0039")
        );
        // A few typos (`O` for `0`) do not make a program of codes.
        let typos = ["0400O007", "04000O14", "0400002l"];
        let typed = LoyaltyScheme::infer(numbers.iter().map(String::as_str).chain(typos));
        assert_eq!(typed.get_digits(), Some(8));
    }

    #[test]
    fn loyalty_too_many_digits_is_rejected() {
        run(
            &ly8(),
            &[
                ("123456789", Err(too_many())),
                ("LY-1234-56789", Err(too_many())),
                // Leading zeros do not count against the length.
                ("0012345678", Ok("12345678")),
            ],
        );
    }

    #[test]
    fn loyalty_no_digits_is_empty() {
        run(
            &ly8(),
            &[
                ("LY", Err(RejectReason::Empty)),
                ("LY -- ", Err(RejectReason::Empty)),
                ("--", Err(RejectReason::Empty)),
            ],
        );
        run(
            &LoyaltyScheme::new(),
            &[
                ("CARD", Err(RejectReason::Empty)),
                ("", Err(RejectReason::Empty)),
            ],
        );
    }

    #[test]
    fn loyalty_all_zeros_padded_to_width() {
        run(
            &ly8(),
            &[("0", Ok("00000000")), ("LY-0000-0000", Ok("00000000"))],
        );
    }

    #[test]
    fn loyalty_zero_digit_count_means_any() {
        let scheme = LoyaltyScheme::new().digits(0);
        run(
            &scheme,
            &[("000123", Ok("123")), ("123456789012", Ok("123456789012"))],
        );
    }

    #[test]
    fn loyalty_unicode_is_nfkc_folded() {
        run(
            &ly8(),
            &[
                ("ＬＹ－００４２－１３３７", Ok("00421337")),
                ("\u{00a0}0042 1337\u{3000}", Ok("00421337")),
                ("LY-٠٠٤٢", Err(syntax())),
                ("LY-0042-1337é", Err(syntax())),
            ],
        );
    }

    #[test]
    fn loyalty_luhn_pass_and_fail() {
        let scheme = ly8_luhn();
        // (raw, canonical, status)
        let rows = [
            ("LY-2240-7977", "22407977", CheckStatus::Valid),
            ("01693860", "01693860", CheckStatus::Valid),
            ("1693860", "01693860", CheckStatus::Valid),
            ("LY-2240-7978", "22407978", CheckStatus::Failed),
            ("22407797", "22407797", CheckStatus::Failed),
        ];
        for (raw, canonical, status) in rows {
            let got = parse(raw, &scheme).map(|l| (l.value, l.check));
            assert_eq!(got, Ok((canonical.to_string(), status)), "raw {raw:?}");
        }
    }

    #[test]
    fn loyalty_luhn_reference_vectors() {
        let rows = [
            ("79927398713", true),
            ("79927398710", false),
            ("4539578763621486", true),
            ("4539578763621487", false),
            ("0", true),
            ("00079927398713", true),
            ("5", false),
            ("", true),
        ];
        for (digits, want) in rows {
            assert_eq!(luhn_valid(digits), want, "digits {digits:?}");
        }
    }

    #[test]
    fn loyalty_failed_check_is_not_an_error() {
        let generic_luhn = LoyaltyScheme::new().check_digit(CheckDigit::Luhn);
        let rows = [
            ("79927398713", CheckStatus::Valid),
            ("79927398710", CheckStatus::Failed),
            ("079927398710", CheckStatus::Failed),
        ];
        for (raw, status) in rows {
            assert_eq!(
                parse(raw, &generic_luhn).map(|l| l.check()),
                Ok(status),
                "raw {raw:?}"
            );
        }
    }

    #[test]
    fn loyalty_no_check_digit_is_not_checked() {
        for raw in ["22407977", "22407978", "1"] {
            assert_eq!(
                parse(raw, &ly8()).map(|l| l.check()),
                Ok(CheckStatus::NotChecked),
                "raw {raw:?}"
            );
        }
    }

    #[test]
    fn loyalty_getters_reflect_setters() {
        let s = LoyaltyScheme::new();
        assert_eq!(
            (s.get_prefix(), s.get_digits(), s.get_check_digit()),
            (None, None, CheckDigit::None)
        );
        let s = ly8_luhn();
        assert_eq!(
            (s.get_prefix(), s.get_digits(), s.get_check_digit()),
            (Some("LY"), Some(8), CheckDigit::Luhn)
        );
    }

    #[test]
    fn loyalty_odd_input_never_panics() {
        let long = "9".repeat(10_000);
        let rows: [&str; 8] = [
            "\u{0}",
            "LY\u{301}12",
            "🦀",
            "LY-🦀",
            "\u{ffff}",
            "ǅ",
            long.as_str(),
            "ＬＹ",
        ];
        for raw in rows {
            let _ = parse(raw, &ly8_luhn());
            let _ = parse(raw, &LoyaltyScheme::new().prefix("ǅ"));
            let _ = parse(raw, &LoyaltyScheme::new());
        }
        assert_eq!(
            parse(&long, &LoyaltyScheme::new()).map(|l| l.value.len()),
            Ok(10_000)
        );
    }

    #[test]
    fn loyalty_infer_luhn_sample() {
        let mut seed = 7u64;
        let values: Vec<String> = (0..200)
            .map(|i| {
                let body = format!("{:07}", lcg(&mut seed) % 3_000_000);
                let n = with_luhn(&body);
                match i % 4 {
                    0 => format!("LY-{}-{}", &n[..4], &n[4..]),
                    1 => format!("ly{n}"),
                    2 => n.trim_start_matches('0').to_string(),
                    _ => format!("LY {n}"),
                }
            })
            .collect();
        let scheme = LoyaltyScheme::infer(values.iter().map(String::as_str));
        assert_eq!(
            scheme,
            LoyaltyScheme::new()
                .prefix("LY")
                .digits(8)
                .check_digit(CheckDigit::Luhn)
        );
    }

    #[test]
    fn loyalty_infer_without_luhn() {
        let mut seed = 11u64;
        let values: Vec<String> = (0..200)
            .map(|_| format!("LY{:08}", 10_000_000 + lcg(&mut seed) % 80_000_000))
            .collect();
        let scheme = LoyaltyScheme::infer(values.iter().map(String::as_str));
        assert_eq!(scheme, LoyaltyScheme::new().prefix("LY").digits(8));
    }

    #[test]
    fn loyalty_infer_seven_digit_numbers_without_check_digit() {
        let mut seed = 3u64;
        let mut values: Vec<String> = (0..100)
            .map(|_| format!("{}", 1_000_000 + lcg(&mut seed) % 9_000_000))
            .collect();
        values.push("N/A".to_string());
        values.push("   ".to_string());
        let scheme = LoyaltyScheme::infer(values.iter().map(String::as_str));
        assert_eq!(scheme, LoyaltyScheme::new().digits(7));
    }

    #[test]
    fn loyalty_infer_too_few_values_is_generic() {
        let values: Vec<String> = (0..19).map(|i| with_luhn(&format!("LY{:07}", i))).collect();
        assert_eq!(
            LoyaltyScheme::infer(values.iter().map(String::as_str)),
            LoyaltyScheme::new()
        );
        assert_eq!(
            LoyaltyScheme::infer(std::iter::empty()),
            LoyaltyScheme::new()
        );
        // Blank values do not count towards the minimum.
        let blanks = vec![""; 100];
        assert_eq!(LoyaltyScheme::infer(blanks), LoyaltyScheme::new());
    }

    #[test]
    fn loyalty_infer_thresholds() {
        // 40 % carry a prefix: below the 50 % bar, no prefix.
        let mut values: Vec<String> = (0..60).map(|i| format!("{:06}", 100_000 + i * 7)).collect();
        values.extend((0..40).map(|i| format!("CARD{:06}", 200_000 + i)));
        let s = LoyaltyScheme::infer(values.iter().map(String::as_str));
        assert_eq!((s.get_prefix(), s.get_digits()), (None, Some(6)));

        // Lengths spread evenly over 5..=9: no mode reaches 60 %, no digit count.
        let spread: Vec<String> = (0..100).map(|i| "1".repeat(5 + i % 5)).collect();
        assert_eq!(
            LoyaltyScheme::infer(spread.iter().map(String::as_str)).get_digits(),
            None
        );

        // Mode of 6 with 15 % longer values: fails the 90 % "at most" test.
        let mut long_tail: Vec<String> = (0..85).map(|i| format!("{:06}", 100_000 + i)).collect();
        long_tail.extend((0..15).map(|i| format!("{:09}", 100_000_000 + i)));
        assert_eq!(
            LoyaltyScheme::infer(long_tail.iter().map(String::as_str)).get_digits(),
            None
        );
    }

    #[test]
    fn loyalty_infer_then_parse_links_variants() {
        let mut seed = 5u64;
        let values: Vec<String> = (0..50)
            .map(|_| {
                format!(
                    "LY-{}",
                    with_luhn(&format!("{:07}", lcg(&mut seed) % 10_000_000))
                )
            })
            .collect();
        let scheme = LoyaltyScheme::infer(values.iter().map(String::as_str));
        let a = parse("LY-0042-1337", &scheme);
        let b = parse("421337", &scheme);
        assert_eq!(a, b);
        assert_eq!(a.map(|l| l.check()), Ok(CheckStatus::Failed));
    }

    proptest::proptest! {
        /// Counting values in and others in and out again gives the scheme of
        /// the values that stayed.
        #[test]
        fn a_tally_infers_what_stays(
            kept in proptest::collection::vec("(LY|ab|)[-. ]?[0-9]{3,9}", 0..60),
            gone in proptest::collection::vec("(LY|XQ)?[0-9]{2,10}", 0..60),
        ) {
            let mut tally = LoyaltyTally::default();
            for v in kept.iter().chain(&gone) {
                tally.add(v, 1);
            }
            for v in &gone {
                tally.add(v, -1);
            }
            proptest::prop_assert_eq!(tally.scheme(), LoyaltyScheme::infer(kept.iter().map(String::as_str)));
        }
    }
}
