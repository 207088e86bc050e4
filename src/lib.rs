//! idgraph links the fragments one retail customer leaves across channels.
// SCAFFOLD: front page to be written with the resolver.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![deny(rustdoc::broken_intra_doc_links)]

mod error;
pub mod normalize;
mod reject;

pub use error::{Error, ErrorKind, Result};
pub use reject::RejectReason;
