//! `idgraph export`: every stored record with its customer id, as JSON lines.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use idgraph::{Config, IdentityGraph};

use super::PathArg;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The graph file.
    #[arg(long)]
    db: PathArg,
    /// Output file (default stdout).
    #[arg(short, long)]
    output: Option<PathArg>,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let graph = IdentityGraph::open(&args.db, Config::new())?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) if !super::is_stdin(p) => Box::new(std::fs::File::create(p)?),
        _ => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for (id, customer) in graph.assignments() {
        let Some(record) = graph.record(&id) else {
            continue;
        };
        let mut line = serde_json::to_value(&record)?;
        if let Some(map) = line.as_object_mut() {
            map.insert("customer_id".into(), customer.to_string().into());
        }
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
