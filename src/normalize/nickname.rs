//! Nickname table: given-name variants to their formal root.
// SCAFFOLD: to be written.

/// The formal root of a folded given name (`"bill"` -> `"william"`), or the name itself.
pub(crate) fn root(folded_given: &str) -> &str {
    folded_given
}
