//! Device identifiers: IDFA / IDFV / GAID UUIDs and Android IDs.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use crate::RejectReason;

/// What kind of device identifier a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceKind {
    /// A UUID: Apple IDFA or IDFV, Google advertising ID (GAID).
    Uuid,
    /// An Android ID: 16 hex digits.
    AndroidId,
}

/// A normalized device identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceId {
    value: String,
    kind: DeviceKind,
}

impl DeviceId {
    /// The canonical form: lower-case hyphenated UUID, or 16 lower-case hex digits.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// Which kind of identifier this is.
    pub fn kind(&self) -> DeviceKind {
        self.kind
    }
}

/// Parses one raw device identifier, without the placeholder check.
pub(crate) fn parse(raw: &str) -> Result<DeviceId, RejectReason> {
    let _ = raw;
    todo!()
}
