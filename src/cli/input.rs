//! Reading records for the subcommands: bad lines are reported and skipped.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use idgraph::{read_jsonl, Record};

/// Opens a file, or standard input for `-`.
pub(crate) fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if super::is_stdin(path) {
        Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())))
    } else {
        Ok(Box::new(BufReader::with_capacity(1 << 16, File::open(path)?)))
    }
}

/// Reads every record; each bad line is printed to stderr (line number and
/// reason, never the line's content) and counted.
pub(crate) fn read_records(path: &Path, mut progress: impl FnMut(u64)) -> io::Result<(Vec<Record>, usize)> {
    let mut records = Vec::new();
    let mut bad = 0;
    let mut reader = read_jsonl(open(path)?);
    while let Some(item) = reader.next() {
        match item {
            Ok(r) => records.push(r),
            Err(e) if e.kind() == idgraph::ErrorKind::Io => return Err(io::Error::other(e.to_string())),
            Err(e) => {
                bad += 1;
                if bad <= 20 {
                    eprintln!("idgraph: skipped {e}");
                } else if bad == 21 {
                    eprintln!("idgraph: more skipped lines not shown");
                }
            }
        }
        if records.len() % 65_536 == 0 {
            progress(reader.lines_read());
        }
    }
    Ok((records, bad))
}
