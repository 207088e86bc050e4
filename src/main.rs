//! The `idgraph` command line: resolve, eval, explain, normalize.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("idgraph: {e}");
            ExitCode::from(2)
        }
    }
}
