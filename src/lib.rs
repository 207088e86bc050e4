//! idgraph links the fragments one retail customer leaves across channels.
// SCAFFOLD: front page to be written.
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
mod util;

pub use config::Config;
pub use error::{Error, ErrorKind, Result};
pub use explain::{ApartReason, Explanation, FieldEvidence, LinkBasis, LinkStep};
pub use graph::{GenericValue, Guard, IdentityGraph, Outcome, Stats};
pub use id::CustomerId;
pub use jsonl::{read_jsonl, JsonlReader, MAX_LINE_LEN};
pub use prepare::Rejection;
pub use record::{Record, MAX_ID_LEN, MAX_VALUES_PER_FIELD};
pub use reject::RejectReason;
