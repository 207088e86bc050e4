//! `idgraph normalize`: one value per line in, one canonical form or rejection out.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use idgraph::normalize::{self, CheckDigit, CheckStatus, LoyaltyScheme};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    Email,
    Phone,
    Loyalty,
    Device,
    Name,
    Date,
    Postal,
    Address,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What kind of value.
    #[arg(long, value_enum)]
    kind: Kind,
    /// Country (ISO 3166 alpha-2): phone region, date order, postal rules.
    #[arg(long)]
    country: Option<String>,
    /// Loyalty scheme: the program's letter prefix (`LY`).
    #[arg(long)]
    loyalty_prefix: Option<String>,
    /// Loyalty scheme: the member number's digit count, leading zeros included.
    #[arg(long)]
    loyalty_digits: Option<u8>,
    /// Loyalty scheme: the last digit is a Luhn check digit.
    #[arg(long)]
    luhn: bool,
    /// Values; read from stdin, one a line, when none is given.
    values: Vec<String>,
}

impl Args {
    fn scheme(&self) -> LoyaltyScheme {
        let mut s = LoyaltyScheme::new();
        if let Some(p) = &self.loyalty_prefix {
            s = s.prefix(p);
        }
        if let Some(d) = self.loyalty_digits {
            s = s.digits(d);
        }
        if self.luhn {
            s = s.check_digit(CheckDigit::Luhn);
        }
        s
    }
}

fn one(kind: Kind, country: Option<&str>, scheme: &LoyaltyScheme, raw: &str) -> String {
    let result: Result<(String, Vec<String>), idgraph::RejectReason> = match kind {
        Kind::Email => normalize::email(raw).map(|e| {
            let notes = e
                .corrected_from()
                .map(|d| format!("corrected domain from {d}"))
                .into_iter()
                .collect();
            (e.as_str().to_string(), notes)
        }),
        Kind::Phone => normalize::phone(raw, country).map(|p| (p.as_str().to_string(), Vec::new())),
        Kind::Loyalty => normalize::loyalty_id(raw, scheme).map(|l| {
            let notes = if l.check() == CheckStatus::Failed {
                vec!["check digit failed".to_string()]
            } else {
                Vec::new()
            };
            (l.as_str().to_string(), notes)
        }),
        Kind::Device => normalize::device_id(raw).map(|d| (d.as_str().to_string(), Vec::new())),
        Kind::Name => normalize::name(raw).map(|n| {
            let mut notes = Vec::new();
            if let Some(g) = n.given() {
                notes.push(format!("given={g}"));
            }
            if let (Some(root), Some(g)) = (n.given_root(), n.given()) {
                if root != g {
                    notes.push(format!("root={root}"));
                }
            }
            if let Some(f) = n.family() {
                notes.push(format!("family={f}"));
            }
            (n.tokens().join(" "), notes)
        }),
        Kind::Date => normalize::birth_date(raw, country).map(|d| (d.to_string(), Vec::new())),
        Kind::Postal => {
            normalize::postal_code(raw, country).map(|p| (p.as_str().to_string(), Vec::new()))
        }
        Kind::Address => normalize::address(raw).map(|a| (a.as_str().to_string(), Vec::new())),
    };
    match result {
        Ok((value, notes)) if notes.is_empty() => value,
        Ok((value, notes)) => format!("{value}\t{}", notes.join("; ")),
        Err(reason) => format!("rejected: {reason}"),
    }
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let country = args.country.as_deref();
    let scheme = args.scheme();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.values.is_empty() {
        let stdin = io::stdin();
        let mut buf = Vec::new();
        let mut lock = stdin.lock();
        loop {
            buf.clear();
            if lock.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\n', '\r']);
            writeln!(out, "{}", one(args.kind, country, &scheme, line))?;
        }
    } else {
        for v in &args.values {
            writeln!(out, "{}", one(args.kind, country, &scheme, v))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
