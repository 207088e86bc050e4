//! Explanation: the evidence chain behind "A and B are one customer", or what kept them apart.

use std::fmt;

use crate::graph::Guard;
use crate::normalize::FieldKind;

/// One field's contribution to a scored link.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FieldEvidence {
    /// The field (`"email"`, `"given name"`, `"birth date"`).
    pub field: &'static str,
    /// The comparison level (`"exact"`, `"one typo apart"`, `"different"`;
    /// `"not compared: two writing systems"`, at 0 bits, for names written
    /// in two writing systems, which are set aside).
    pub level: &'static str,
    /// The weight in bits (log2 likelihood ratio); negative is evidence against.
    pub bits: f64,
}

/// What one link in a chain rests on.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LinkBasis {
    /// Both records hold the same identifier value (masked here).
    SharedIdentifier {
        /// The identifier kind.
        kind: FieldKind,
        /// The value, masked: personal data stays out of explanations.
        masked_value: String,
    },
    /// The pair's evidence scored above the threshold.
    Score {
        /// Posterior log2 odds of a match, prior included.
        bits: f64,
    },
}

/// One link of a chain: two records and why they were joined.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct LinkStep {
    /// One record id.
    pub from: String,
    /// The other record id.
    pub to: String,
    /// What the link rests on.
    pub basis: LinkBasis,
    /// The per-field evidence between the two records.
    pub fields: Vec<FieldEvidence>,
}

/// Why two records are in different customers.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ApartReason {
    /// No identifier is shared, and no blocking key held by few enough
    /// records (see [`Config::block_cap`](crate::Config::block_cap)): the
    /// pair was never compared.
    NoCandidate,
    /// Compared, but the evidence scored below the threshold.
    BelowThreshold {
        /// The pair's score in bits, as the resolver scored it (agreement on
        /// a generic value counts for nothing).
        bits: f64,
        /// The threshold in bits.
        threshold: f64,
    },
    /// A merge between their customers was refused by a guard.
    Refused {
        /// The guard that refused it.
        guard: Guard,
    },
    /// Both records hold this identifier value, and it links nobody.
    SharedValue {
        /// The identifier kind.
        kind: FieldKind,
        /// The value, masked.
        masked_value: String,
        /// `None` when the value is generic (it links records of many
        /// different people); otherwise the guard that refused it, usually
        /// [`Guard::SharedValue`].
        refused_by: Option<Guard>,
    },
}

/// The answer to "why are these two records (not) one customer?".
///
/// Built by [`IdentityGraph::explain`](crate::IdentityGraph::explain); renders as readable text.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) chain: Vec<LinkStep>,
    pub(crate) apart: Option<ApartReason>,
    pub(crate) direct: Vec<FieldEvidence>,
    pub(crate) prior_bits: f64,
}

impl Explanation {
    /// Whether the two records are one customer.
    pub fn same_customer(&self) -> bool {
        self.apart.is_none()
    }
    /// The chain of links joining them (empty when apart or identical).
    pub fn chain(&self) -> &[LinkStep] {
        &self.chain
    }
    /// What kept them apart, when they are.
    pub fn apart_reason(&self) -> Option<&ApartReason> {
        self.apart.as_ref()
    }
    /// The direct field-by-field comparison of the two records.
    pub fn direct_evidence(&self) -> &[FieldEvidence] {
        &self.direct
    }
    /// The prior log2 odds, estimated from the data, that two records taken
    /// at random are one customer: a pair's score is this plus its fields'
    /// bits, so in a large input the fields must outweigh it (at a million
    /// records, about -20 bits).
    pub fn prior_bits(&self) -> f64 {
        self.prior_bits
    }
}

/// The prior as a reader meets it: "1 in 13M pairs".
fn prior_text(bits: f64) -> String {
    let n = (-bits).exp2();
    if !n.is_finite() || n < 1.0 {
        return "any pair".to_string();
    }
    let (v, unit) = match n {
        n if n >= 1e9 => (n / 1e9, "G"),
        n if n >= 1e6 => (n / 1e6, "M"),
        n if n >= 1e3 => (n / 1e3, "k"),
        n => (n, ""),
    };
    format!("1 in {v:.0}{unit} pairs")
}

fn write_prior(f: &mut fmt::Formatter<'_>, bits: f64, indent: &str) -> fmt::Result {
    writeln!(
        f,
        "{indent}{:<12} {:<15} {:+6.1} bits",
        "prior",
        prior_text(bits),
        bits
    )
}

fn write_fields(f: &mut fmt::Formatter<'_>, fields: &[FieldEvidence], indent: &str) -> fmt::Result {
    for e in fields {
        writeln!(
            f,
            "{indent}{:<12} {:<15} {:+6.1} bits",
            e.field, e.level, e.bits
        )?;
    }
    Ok(())
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.apart {
            None if self.chain.is_empty() => {
                writeln!(f, "{} and {} are the same record", self.a, self.b)
            }
            None => {
                writeln!(
                    f,
                    "{} and {} are one customer, joined by {} link(s):",
                    self.a,
                    self.b,
                    self.chain.len()
                )?;
                for (i, step) in self.chain.iter().enumerate() {
                    match &step.basis {
                        LinkBasis::SharedIdentifier { kind, masked_value } => writeln!(
                            f,
                            "  {}. {} -- {}: same {kind} ({masked_value})",
                            i + 1,
                            step.from,
                            step.to
                        )?,
                        LinkBasis::Score { bits } => writeln!(
                            f,
                            "  {}. {} -- {}: scored {bits:+.1} bits",
                            i + 1,
                            step.from,
                            step.to
                        )?,
                    }
                    write_fields(f, &step.fields, "       ")?;
                    if matches!(step.basis, LinkBasis::Score { .. }) {
                        write_prior(f, self.prior_bits, "       ")?;
                    }
                }
                Ok(())
            }
            Some(reason) => {
                write!(f, "{} and {} are different customers: ", self.a, self.b)?;
                match reason {
                    ApartReason::NoCandidate => writeln!(f, "they share no identifier, and no blocking key held by few enough records, so they were never compared")?,
                    ApartReason::SharedValue { kind, masked_value, refused_by: None } => {
                        writeln!(f, "the {kind} they share ({masked_value}) is a generic value: it links nobody")?
                    }
                    ApartReason::SharedValue { kind, masked_value, refused_by: Some(guard) } => {
                        writeln!(f, "the {kind} they share ({masked_value}) links nobody: {guard}")?
                    }
                    ApartReason::BelowThreshold { bits, threshold } => {
                        writeln!(f, "their evidence scores {bits:+.1} bits, below the threshold of {threshold:+.1}")?
                    }
                    ApartReason::Refused { guard } => writeln!(f, "a merge of their customers was refused: {guard}")?,
                }
                if !self.direct.is_empty() {
                    writeln!(f, "  direct comparison:")?;
                    write_fields(f, &self.direct, "    ")?;
                    write_prior(f, self.prior_bits, "    ")?;
                }
                Ok(())
            }
        }
    }
}
