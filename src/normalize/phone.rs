//! Phone numbers to E.164.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// A phone number in E.164 form (`+14155550132`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone {
    e164: String,
    country_code: u16,
}

impl Phone {
    /// The E.164 form, with the leading `+`.
    pub fn as_str(&self) -> &str {
        &self.e164
    }
    /// The country calling code (`1`, `44`, `55`).
    pub fn country_code(&self) -> u16 {
        self.country_code
    }
    /// The national significant number: the digits after the country code.
    pub fn national_number(&self) -> &str {
        let cc_len = self.country_code.to_string().len();
        &self.e164[1 + cc_len..]
    }
}

/// Parses one raw number. `region` is the record's ISO 3166 alpha-2 country
/// (upper case); when it is `None`, `fallback` regions are tried in order and
/// the first under which the number is valid wins.
pub(crate) fn parse(raw: &str, region: Option<&str>, fallback: &[&str]) -> Result<Phone, RejectReason> {
    let _ = (raw, region, fallback);
    todo!()
}
