//! Birth dates.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

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

impl std::fmt::Display for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Parses a birth date; `country` (ISO alpha-2, upper case) decides `DD/MM` vs `MM/DD`.
pub(crate) fn parse(raw: &str, country: Option<&str>) -> Result<BirthDate, RejectReason> {
    let _ = (raw, country);
    todo!()
}
