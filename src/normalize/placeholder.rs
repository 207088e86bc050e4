//! Values that many unrelated people type, which must never link anyone.
// SCAFFOLD: the public shape below is fixed; the body is to be written.

use super::FieldKind;

/// The placeholder rules: a configurable list of values plus built-in patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholders {
    values: Vec<(FieldKind, String)>,
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders { values: Vec::new() }
    }
}

impl Placeholders {
    /// Adds one canonical value of `kind` to the list.
    pub fn with_value(mut self, kind: FieldKind, canonical: &str) -> Placeholders {
        self.values.push((kind, canonical.to_string()));
        self
    }
    /// Whether a raw value, before any parsing, is a placeholder for any kind (`N/A`, `null`).
    pub(crate) fn is_placeholder_raw(&self, raw: &str) -> bool {
        let _ = raw;
        todo!()
    }
    /// Whether a canonical value of `kind` is a placeholder.
    pub(crate) fn is_placeholder(&self, kind: FieldKind, canonical: &str) -> bool {
        let _ = (kind, canonical);
        todo!()
    }
}
