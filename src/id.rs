//! Customer identifiers.

use serde::{Deserialize, Serialize};

/// An opaque, compact customer identifier.
///
/// Minted by an [`IdentityGraph`](crate::IdentityGraph); displayed as `c` and
/// a number (`c42`), parsed back with [`str::parse`]. Never reused.
///
/// ```
/// use idgraph::CustomerId;
/// let id: CustomerId = "c42".parse()?;
/// assert_eq!(id.to_string(), "c42");
/// assert!("42".parse::<CustomerId>().is_err());
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct CustomerId(u64);

impl CustomerId {
    pub(crate) const fn from_raw(n: u64) -> CustomerId {
        CustomerId(n)
    }
    /// The number behind the id.
    pub fn as_u64(self) -> u64 {
        self.0
    }
}

impl std::fmt::Display for CustomerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "c{}", self.0)
    }
}

impl std::str::FromStr for CustomerId {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<CustomerId, crate::Error> {
        s.strip_prefix('c')
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse().ok())
            .map(CustomerId)
            .ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorKind::InvalidCommand,
                    "not a customer id (expected c<number>)",
                )
            })
    }
}

impl From<CustomerId> for String {
    fn from(id: CustomerId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for CustomerId {
    type Error = crate::Error;
    fn try_from(s: String) -> Result<CustomerId, crate::Error> {
        s.parse()
    }
}
