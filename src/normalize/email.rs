//! Email addresses: NFKC, case, IDNA domains, provider rules, domain typo correction.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// A normalized email address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email {
    value: String,
    at: usize,
    corrected_from: Option<String>,
}

impl Email {
    /// The canonical address.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// The local part (before `@`), after provider rules.
    pub fn local_part(&self) -> &str {
        &self.value[..self.at]
    }
    /// The domain (after `@`), after IDNA mapping and typo correction.
    pub fn domain(&self) -> &str {
        &self.value[self.at + 1..]
    }
    /// The domain as typed, when it was corrected (`gmial.com` for `gmail.com`).
    pub fn corrected_from(&self) -> Option<&str> {
        self.corrected_from.as_deref()
    }
    /// Whether the domain was corrected from a typo.
    pub fn is_corrected(&self) -> bool {
        self.corrected_from.is_some()
    }
}

/// Parses and canonicalizes one raw address, without the placeholder check.
pub(crate) fn parse(raw: &str) -> Result<Email, RejectReason> {
    let _ = raw;
    todo!()
}
