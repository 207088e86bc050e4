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
        let file = File::open(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
    }
}

/// Counts the lines skipped while records stream through [`records`].
#[derive(Debug, Default)]
pub(crate) struct Skipped {
    pub(crate) lines: usize,
    pub(crate) io_error: Option<String>,
}

/// Streams the records of a JSON-lines input. Each bad line is printed to stderr
/// (line number and reason, never the line's content) and counted in `skipped`;
/// a read failure ends the stream and is kept in `skipped.io_error`.
pub(crate) fn records<'a>(
    reader: Box<dyn BufRead>,
    skipped: &'a mut Skipped,
    mut progress: impl FnMut(u64) + 'a,
) -> impl Iterator<Item = Record> + 'a {
    let mut lines = read_jsonl(reader);
    std::iter::from_fn(move || loop {
        let item = lines.next()?;
        if lines.lines_read().is_multiple_of(65_536) {
            progress(lines.lines_read());
        }
        match item {
            Ok(r) => return Some(r),
            Err(e) if e.kind() == idgraph::ErrorKind::Io => {
                skipped.io_error = Some(e.to_string());
                return None;
            }
            Err(e) => {
                skipped.lines += 1;
                if skipped.lines <= 20 {
                    eprintln!("idgraph: skipped {e}");
                } else if skipped.lines == 21 {
                    eprintln!("idgraph: more skipped lines not shown");
                }
            }
        }
    })
}

/// Reads every record into memory (for subcommands that need them twice).
pub(crate) fn read_records(path: &Path) -> io::Result<(Vec<Record>, usize)> {
    let mut skipped = Skipped::default();
    let records: Vec<Record> = records(open(path)?, &mut skipped, |_| {}).collect();
    if let Some(e) = skipped.io_error {
        return Err(io::Error::other(e));
    }
    Ok((records, skipped.lines))
}
