//! Change events: what an upsert or a removal changed in the graph, so that a
//! service can keep its own tables in step.

use crate::graph::GenericValue;
use crate::id::CustomerId;

/// One change to the graph's customers.
///
/// Events of one operation come in a fixed order: customers created, merges,
/// splits, records moved, customers erased, values found generic.
///
/// ```
/// use idgraph::{Config, Event, IdentityGraph, Record};
///
/// let graph = IdentityGraph::new(Config::new())?;
/// let a = graph.upsert(Record::new("a")?.email("ann.lee@gmail.com").name("Ann Lee"))?;
/// let b = graph.upsert(Record::new("b")?.phone("+1 212 555 0143").name("Ann Lee"))?;
/// // A third record carries both identifiers: the two customers become one.
/// let c = graph.upsert(
///     Record::new("c")?.email("ann.lee@gmail.com").phone("+1 212 555 0143"),
/// )?;
/// assert!(c.events().iter().any(|e| matches!(e, Event::Merged { .. })));
/// assert_eq!(graph.customer_of("a"), graph.customer_of("b"));
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// A new customer.
    Created {
        /// Its id.
        customer: CustomerId,
    },
    /// Customers became one; `into` survives (the one whose anchor record is
    /// earliest), the others are redirected to it
    /// (see [`IdentityGraph::resolve_id`](crate::IdentityGraph::resolve_id)).
    Merged {
        /// The surviving customer.
        into: CustomerId,
        /// The customers absorbed, ascending.
        from: Vec<CustomerId>,
    },
    /// A customer fell apart: the part holding its anchor record keeps its id,
    /// the other parts went to `into`.
    Split {
        /// The customer that split (still alive when a part kept its anchor).
        from: CustomerId,
        /// The customers that received its other parts, ascending.
        into: Vec<CustomerId>,
    },
    /// A record now belongs to another customer.
    RecordMoved {
        /// The record id.
        record: String,
        /// Its customer before.
        from: CustomerId,
        /// Its customer now.
        to: CustomerId,
    },
    /// A customer has no record left (all erased or moved): its id is dead.
    Erased {
        /// The customer.
        customer: CustomerId,
    },
    /// An identifier value was found generic: it links nothing any more.
    BecameGeneric(GenericValue),
}

impl Event {
    /// Rank for the documented event order.
    pub(crate) fn rank(&self) -> u8 {
        match self {
            Event::Created { .. } => 0,
            Event::Merged { .. } => 1,
            Event::Split { .. } => 2,
            Event::RecordMoved { .. } => 3,
            Event::Erased { .. } => 4,
            Event::BecameGeneric(_) => 5,
        }
    }
}
