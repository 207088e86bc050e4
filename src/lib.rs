//! idgraph links the fragments one retail customer leaves across channels (web,
//! app, store till, loyalty card, email and SMS campaigns, call center) into one
//! customer: deterministic and fuzzy matching of emails, phones, loyalty IDs and
//! device IDs, with names, birth dates, postal codes and addresses as supporting
//! evidence, explainable, and guarded against gluing two people together through
//! a shared or junk value.
//!
//! # Example
//!
//! Three records from the web shop, a store till and the loyalty program
//! become one customer:
//!
//! ```
//! use idgraph::{Config, IdentityGraph, Record};
//!
//! let graph = IdentityGraph::new(Config::new())?;
//! graph.upsert_batch(vec![
//!     Record::new("web-1")?.source("web").email("Jane.Doe+promo@gmail.com").name("Jane Doe"),
//!     Record::new("pos-7")?.source("pos").email("janedoe@gmail.com").phone("(415) 555-0132").country("US"),
//!     Record::new("loy-3")?.source("loyalty").phone("+1 415 555 0132").loyalty_id("LY-0042-1337"),
//! ])?;
//! let customer = graph.customer_of("web-1").expect("the record was just added");
//! assert_eq!(graph.records_of(customer), ["loy-3", "pos-7", "web-1"]);
//! println!("{}", graph.explain("web-1", "loy-3")?);
//! # Ok::<(), idgraph::Error>(())
//! ```
//!
//! # Overview
//!
//! - [`Record`]: what one channel saw; built in code or read with [`read_jsonl`].
//! - [`IdentityGraph`]: holds records and resolves them into customers
//!   ([`CustomerId`]), in batches ([`IdentityGraph::upsert_batch`]) or one
//!   record at a time in real time ([`IdentityGraph::upsert`],
//!   [`IdentityGraph::remove`]), reporting each change as [`Event`]s, in
//!   memory ([`IdentityGraph::new`]) or crash-safe on disk
//!   ([`IdentityGraph::open`], [`Durability`]); [`IdentityGraph::explain`]
//!   gives the evidence behind a decision as an [`Explanation`].
//! - [`Config`]: thresholds and guards; every default is meant to need no tuning.
//! - [`normalize`]: the per-kind normalizers, usable on their own.
//! - [`Error`] for calls that fail; [`RejectReason`] for one refused value, which
//!   never stops the rest of a record or batch.
//! - [`eval`]: pairwise and B-cubed accuracy against labels.
//!
//! # How records are matched
//!
//! 1. Every value is normalized ([`normalize`]); placeholders and opt-out
//!    values are refused with a reason.
//! 2. Records sharing an identifier value are linked, unless the value is
//!    *generic* (it appears with several clearly different people: a store's
//!    phone, a demo device) or *shared* (it would join customers whose names,
//!    birth dates or loyalty numbers conflict: a household tablet, a recycled
//!    phone). Generic values are reported by [`IdentityGraph::generic_values`].
//! 3. Other pairs that share a blocking key (an identifier one typo away, a
//!    name with a birth date or postal code, a family name one typo away with
//!    a birth date, an address) are scored with Fellegi-Sunter weights
//!    estimated from the data itself: m from pairs that an identifier already
//!    joined, u from random pairs and value frequencies, the prior odds of a
//!    match by expectation maximisation over the pairs compared.
//! 4. Pairs above the threshold merge, strongest first; a merge that would
//!    join conflicting evidence or exceed a per-kind identifier limit is refused
//!    by a [`Guard`].
//!
//! # Determinism
//!
//! The same records with the same [`Config`] give the same customers and the
//! same customer ids, whatever the input order, the thread count or the
//! platform: every ordering is by record content and record id, hash maps use
//! fixed keys, and parallel work is reduced in a fixed order.
//!
//! # Untrusted input
//!
//! No input panics. Values longer than [`normalize::MAX_VALUE_LEN`], lines
//! longer than [`MAX_LINE_LEN`], more than [`MAX_VALUES_PER_FIELD`] values in
//! one field, and ids longer than [`MAX_ID_LEN`] are refused with a typed
//! reason. Error and rejection text never contains a whole identifier. The
//! crate has no `unsafe` code.
//!
//! # API conventions
//!
//! Options are set with by-value setters named after the knob
//! (`Config::new().match_probability(0.99)`) and read with `get_*`.
//! Predicates are `is_*`. Enums and option structs that will grow are
//! `#[non_exhaustive]`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![deny(rustdoc::broken_intra_doc_links)]

mod block;
mod compare;
mod config;
mod error;
pub mod eval;
mod explain;
mod graph;
mod id;
mod jsonl;
pub mod normalize;
mod prepare;
mod record;
mod reject;
mod store;
mod util;

pub use config::Config;
pub use error::{Error, ErrorKind, Result};
pub use explain::{ApartReason, Explanation, FieldEvidence, LinkBasis, LinkStep};
pub use graph::{Event, GenericValue, Guard, IdentityGraph, Outcome, Removal, Stats};
pub use id::CustomerId;
pub use jsonl::{read_jsonl, JsonlReader, MAX_LINE_LEN};
pub use prepare::Rejection;
pub use record::{Record, MAX_ID_LEN, MAX_VALUES_PER_FIELD};
pub use reject::RejectReason;
pub use store::Durability;

// The README's examples are compiled and run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
