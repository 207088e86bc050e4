//! `idgraph resolve`: records in, one customer id per record out, summary on stderr.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use idgraph::Config;

use super::PathArg;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Input records, JSON lines (`-` for stdin).
    input: PathArg,
    /// Output file (default stdout): one {"id","customer_id"} line per record.
    #[arg(short, long)]
    output: Option<PathArg>,
    /// Keep the graph in this file: a later run adds to it (a record whose id
    /// is stored is an update), so customers are updated, not started over.
    #[arg(long)]
    db: Option<PathArg>,
    /// Phone region for records without a country (ISO 3166 alpha-2).
    #[arg(long)]
    default_region: Option<String>,
    /// Posterior match probability a scored pair needs (0 to 1).
    #[arg(long)]
    match_probability: Option<f64>,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    quiet: bool,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut config = Config::new();
    if let Some(r) = &args.default_region {
        config = config.default_region(r);
    }
    if let Some(p) = args.match_probability {
        config = config.match_probability(p);
    }
    let bar = if !args.quiet && io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_message("reading records");
        Some(b)
    } else {
        None
    };
    let mut skipped = super::input::Skipped::default();
    let graph = super::open_graph(args.db.as_deref(), config)?;
    let outcomes = {
        let bar_ref = &bar;
        let records =
            super::input::records(super::input::open(&args.input)?, &mut skipped, move |n| {
                if let Some(b) = bar_ref {
                    b.set_message(format!("read {n} lines"));
                    b.tick();
                }
            });
        graph.upsert_batch(records)?
    };
    if let Some(e) = skipped.io_error.take() {
        return Err(e.into());
    }
    let bad_lines = skipped.lines;
    let resolve_secs = start.elapsed().as_secs_f64();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let out: Box<dyn Write> = match &args.output {
        Some(p) if !super::is_stdin(p) => Box::new(std::fs::File::create(p)?),
        _ => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut rejected: BTreeMap<String, usize> = BTreeMap::new();
    for o in &outcomes {
        out.write_all(b"{\"id\":")?;
        serde_json::to_writer(&mut out, o.record_id())?;
        writeln!(out, ",\"customer_id\":\"{}\"}}", o.customer())?;
        for r in o.rejected() {
            *rejected
                .entry(format!("{} {}", r.field(), r.reason().code()))
                .or_insert(0) += 1;
        }
    }
    out.flush()?;
    let secs = start.elapsed().as_secs_f64();
    let stats = graph.stats();
    let mut err = io::stderr().lock();
    writeln!(err, "records            {}", stats.records)?;
    writeln!(err, "skipped lines      {bad_lines}")?;
    writeln!(err, "customers          {}", stats.customers)?;
    writeln!(err, "largest customer   {} records", stats.largest_customer)?;
    writeln!(err, "candidate pairs    {}", stats.candidate_pairs)?;
    writeln!(err, "refused merges     {}", stats.refused_merges)?;
    writeln!(
        err,
        "rejected values    {}",
        rejected.values().sum::<usize>()
    )?;
    for (reason, n) in &rejected {
        writeln!(err, "  {reason:<28} {n}")?;
    }
    let generic = graph.generic_values();
    writeln!(err, "generic values     {}", generic.len())?;
    for g in generic.iter().take(20) {
        let masked: String = g.value().chars().take(4).collect();
        writeln!(
            err,
            "  {:<10} {masked}*** in {} records of {}+ people",
            g.kind(),
            g.records(),
            g.people()
        )?;
    }
    writeln!(
        err,
        "elapsed            {secs:.2} s (read and resolve {resolve_secs:.2}, write {:.2})",
        secs - resolve_secs
    )?;
    writeln!(
        err,
        "records per second {:.0}",
        stats.records as f64 / secs.max(1e-9)
    )?;
    // The process ends here: freeing a million records one by one takes longer
    // than the operating system takes to reclaim the whole heap.
    std::mem::forget(outcomes);
    std::mem::forget(graph);
    Ok(ExitCode::SUCCESS)
}
