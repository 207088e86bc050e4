//! Command-line subcommands. Each file is one subcommand.

mod eval;
mod explain;
mod export;
mod import;
mod input;
mod normalize;
mod resolve;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Resolve retail customer records from every channel into one customer graph.
#[derive(Debug, Parser)]
#[command(name = "idgraph", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Resolve JSON-lines records into customers; writes {"id","customer_id"} per record.
    Resolve(resolve::Args),
    /// Score a prediction against labels (pairwise and B-cubed precision, recall, F1).
    Eval(eval::Args),
    /// Explain why two records are (not) one customer.
    Explain(explain::Args),
    /// Normalize values of one kind, one result line per value.
    Normalize(normalize::Args),
    /// Write every stored record with its customer id, one JSON line each.
    Export(export::Args),
    /// Read an export (records with customer ids) into a graph on disk.
    Import(import::Args),
    /// Serve the real-time graph: JSON commands on stdin, one JSON answer per line on stdout.
    Serve(serve::Args),
}

pub(crate) fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Resolve(a) => resolve::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Normalize(a) => normalize::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Export(a) => export::run(a),
        Command::Import(a) => import::run(a),
    }
}

/// The graph: on disk at `db` when given, in memory otherwise.
pub(crate) fn open_graph(
    db: Option<&std::path::Path>,
    config: idgraph::Config,
) -> Result<idgraph::IdentityGraph, idgraph::Error> {
    match db {
        Some(path) => idgraph::IdentityGraph::open(path, config),
        None => idgraph::IdentityGraph::new(config),
    }
}

/// `-` means standard input.
pub(crate) fn is_stdin(p: &std::path::Path) -> bool {
    p.as_os_str() == "-"
}

pub(crate) type PathArg = PathBuf;
