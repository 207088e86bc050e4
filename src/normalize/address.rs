//! Street addresses.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// A normalized street address: folded, street types spelled out in full.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    value: String,
}

impl Address {
    /// The canonical address text (`"12 main street springfield"`).
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// Parses a street address.
pub(crate) fn parse(raw: &str) -> Result<Address, RejectReason> {
    let _ = raw;
    todo!()
}
