//! `idgraph explain`: resolve a file, then explain one pair.

use std::process::ExitCode;

use idgraph::{Config, IdentityGraph};

use super::PathArg;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Input records, JSON lines (`-` for stdin).
    input: PathArg,
    /// First record id.
    id_a: String,
    /// Second record id.
    id_b: String,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let (records, _) = super::input::read_records(&args.input)?;
    let graph = IdentityGraph::new(Config::new())?;
    graph.upsert_batch(records)?;
    print!("{}", graph.explain(&args.id_a, &args.id_b)?);
    Ok(ExitCode::SUCCESS)
}
