//! Why one input value was refused.
//!
//! A [`RejectReason`] is data, not a failure: the value is left out, the
//! reason is reported in the record's outcome, and the rest of the record
//! and of the batch go on. Display text never contains the raw value,
//! which is personal data.

/// Why one raw value was refused by a normalizer or by the resolver.
///
/// # Example
///
/// ```
/// use idgraph::{normalize, RejectReason};
///
/// let err = normalize::email("test@test.com").unwrap_err();
/// assert_eq!(err, RejectReason::Placeholder);
/// assert_eq!(err.to_string(), "placeholder value");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RejectReason {
    /// Nothing left after trimming white space and separators.
    #[error("empty value")]
    Empty,
    /// Longer than the limit for its kind.
    #[error("too long ({len} bytes, at most {max})")]
    TooLong {
        /// Length of the value in bytes.
        len: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The value cannot be one of its kind (an email without `@`, a phone with letters).
    #[error("invalid syntax: {rule}")]
    InvalidSyntax {
        /// Which rule failed, in words, without the value.
        rule: &'static str,
    },
    /// A value that many unrelated people type (`test@test.com`, `0000000000`, `N/A`).
    #[error("placeholder value")]
    Placeholder,
    /// A phone number that is not valid in the region it resolves to.
    #[error("not a valid number in region {region}")]
    InvalidForRegion {
        /// ISO 3166 alpha-2 region the number was read in, or `"??"` when unknown.
        region: String,
    },
    /// A national-format phone number with no country on the record, no
    /// default region, and no region the data shows (a graph too small to
    /// tell, or numbers no numbering plan reads).
    #[error("national number without a region")]
    NoRegion,
    /// The country code is not an ISO 3166 alpha-2 code known to the phone metadata.
    #[error("unknown region code")]
    UnknownRegion,
    /// The advertising ID is all zeros: the user limited tracking. Never an identity.
    #[error("opt-out (all-zero) device ID")]
    OptOut,
    /// A date that does not exist or is out of range (31 February, year 1012, a future birth).
    #[error("impossible date")]
    ImpossibleDate,
    /// A date like `03/04/1990` where day and month cannot be told apart.
    #[error("ambiguous day and month")]
    AmbiguousDate,
}

impl RejectReason {
    /// A short stable code for the reason, for summaries and JSON output.
    ///
    /// ```
    /// assert_eq!(idgraph::RejectReason::OptOut.code(), "opt_out");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RejectReason::Empty => "empty",
            RejectReason::TooLong { .. } => "too_long",
            RejectReason::InvalidSyntax { .. } => "invalid_syntax",
            RejectReason::Placeholder => "placeholder",
            RejectReason::InvalidForRegion { .. } => "invalid_for_region",
            RejectReason::NoRegion => "no_region",
            RejectReason::UnknownRegion => "unknown_region",
            RejectReason::OptOut => "opt_out",
            RejectReason::ImpossibleDate => "impossible_date",
            RejectReason::AmbiguousDate => "ambiguous_date",
        }
    }
}
