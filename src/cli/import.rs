//! `idgraph import`: an export read back into a graph on disk, customer ids kept.

use std::process::ExitCode;

use idgraph::{Config, CustomerId, IdentityGraph};

use super::PathArg;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The graph file (created when absent; it must hold no record yet).
    #[arg(long)]
    db: PathArg,
    /// The export, JSON lines (`-` for stdin).
    input: PathArg,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let lines = super::input::open(&args.input)?;
    let mut records = Vec::new();
    for (n, line) in std::io::BufRead::split(lines, b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value: serde_json::Value = serde_json::from_slice(&line)
            .map_err(|e| format!("line {}: not JSON (column {})", n + 1, e.column()))?;
        let customer: CustomerId = value
            .get("customer_id")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| format!("line {}: no customer_id", n + 1))?
            .parse()
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        let record = idgraph::read_jsonl(&line[..])
            .next()
            .ok_or_else(|| format!("line {}: empty", n + 1))?
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        records.push((record, customer));
    }
    let graph = IdentityGraph::open(&args.db, Config::new())?;
    let n = records.len();
    graph.restore(records)?;
    eprintln!(
        "imported {n} records, {} customers",
        graph.stats().customers
    );
    Ok(ExitCode::SUCCESS)
}
