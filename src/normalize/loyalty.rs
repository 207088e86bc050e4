//! Loyalty program member numbers.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// How a loyalty program writes its member numbers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct LoyaltyScheme {
    prefix: Option<String>,
    digits: Option<u8>,
    check_digit: CheckDigit,
}

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
    pub fn digits(mut self, digits: u8) -> LoyaltyScheme {
        self.digits = Some(digits);
        self
    }
    /// Estimates a scheme from sample values. (SCAFFOLD)
    pub fn infer<'a>(values: impl IntoIterator<Item = &'a str>) -> LoyaltyScheme {
        let _ = values.into_iter().count();
        LoyaltyScheme::default()
    }
    /// The check digit algorithm.
    pub fn check_digit(mut self, check: CheckDigit) -> LoyaltyScheme {
        self.check_digit = check;
        self
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

/// Parses one raw member number under `scheme`, without the placeholder check.
pub(crate) fn parse(raw: &str, scheme: &LoyaltyScheme) -> Result<LoyaltyId, RejectReason> {
    let _ = (raw, scheme);
    todo!()
}
