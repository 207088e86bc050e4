//! Person names: folding, `Family, Given` order, initials, nicknames.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// A normalized person name, folded for comparison (accents, case, punctuation).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    given: Option<String>,
    given_root: Option<String>,
    family: Option<String>,
    tokens: Vec<String>,
}

impl Name {
    /// The folded given name (first given token), if known. May be an initial (`"d"`).
    pub fn given(&self) -> Option<&str> {
        self.given.as_deref()
    }
    /// The given name with nicknames resolved to their formal root (`bill` -> `william`).
    pub fn given_root(&self) -> Option<&str> {
        self.given_root.as_deref()
    }
    /// The folded family name (last family token, or all family tokens joined by a space).
    pub fn family(&self) -> Option<&str> {
        self.family.as_deref()
    }
    /// Every folded token of the name, in given-then-family order.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }
}

/// Parses a full name as typed (`"Jane Doe"`, `"DOE, Jane"`, `"J. Doe"`).
pub(crate) fn parse(raw: &str) -> Result<Name, RejectReason> {
    let _ = raw;
    todo!()
}

/// Builds a name from separate given and family parts (either may be absent).
pub(crate) fn from_parts(given: Option<&str>, family: Option<&str>) -> Result<Name, RejectReason> {
    let _ = (given, family);
    todo!()
}
