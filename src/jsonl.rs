//! Reading records from JSON lines: one bad line is one typed error, the rest go on.

use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;
use std::io::BufRead;

use crate::error::{Error, ErrorKind};
use crate::record::Record;
use crate::util::{self, PreHashed};

/// The longest input line read, in bytes; a longer line is skipped with an error.
pub const MAX_LINE_LEN: usize = 1 << 20;

/// Reads records from JSON lines, one per line, yielding each line's record or
/// its error (with the 1-based line number). Blank lines are skipped.
///
/// A malformed line, a line without an `id`, a line longer than
/// [`MAX_LINE_LEN`], invalid UTF-8, or an `id` already seen in this stream
/// gives an [`Error`] for that line; reading goes on with the next line.
/// Only a failure of the underlying reader ends the stream (after one `Io` error).
///
/// ```
/// let input = "{\"id\":\"a\",\"email\":\"x@y.com\"}\nnot json\n{\"id\":\"a\"}\n{\"id\":\"b\"}\n";
/// let results: Vec<_> = idgraph::read_jsonl(input.as_bytes()).collect();
/// assert_eq!(results.len(), 4);
/// assert!(results[0].is_ok());
/// assert_eq!(results[1].as_ref().unwrap_err().line(), Some(2));
/// assert_eq!(results[2].as_ref().unwrap_err().kind(), idgraph::ErrorKind::DuplicateId);
/// assert_eq!(results[3].as_ref().unwrap().id(), "b");
/// ```
pub fn read_jsonl<R: BufRead>(reader: R) -> JsonlReader<R> {
    JsonlReader {
        reader,
        line: 0,
        buf: Vec::new(),
        seen: SeenIds::new(),
        failed: false,
    }
}

/// The iterator returned by [`read_jsonl`].
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    line: u64,
    buf: Vec<u8>,
    seen: SeenIds,
    failed: bool,
}

/// The ids read so far, for the duplicate check. A set of a million `String`s
/// costs a million allocations, a table whose every probe chases a pointer, and
/// a million frees at the end; here the ids share one buffer and the table holds
/// only their 64-bit hashes, so the text is compared only when hashes match
/// (a repeated id, or a collision, which the chain of `more` keeps exact).
#[derive(Debug)]
struct SeenIds {
    hasher: util::FixedState,
    text: String,
    /// Where each id starts in `text`; it ends where the next one starts.
    starts: Vec<usize>,
    /// Hash to the first id with that hash.
    first: std::collections::HashMap<u64, usize, BuildHasherDefault<PreHashed>>,
    /// Further ids whose hash equals an earlier one's (almost always empty).
    more: std::collections::HashMap<u64, Vec<usize>, BuildHasherDefault<PreHashed>>,
}

impl SeenIds {
    fn new() -> SeenIds {
        SeenIds {
            hasher: util::fixed_state(),
            text: String::new(),
            starts: Vec::new(),
            first: Default::default(),
            more: Default::default(),
        }
    }

    fn get(&self, i: usize) -> &str {
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        self.starts
            .get(i)
            .and_then(|&start| self.text.get(start..end))
            .unwrap_or("")
    }

    /// Adds `id`; false when it was already there.
    fn insert(&mut self, id: &str) -> bool {
        let hash = self.hasher.hash_one(id);
        let next = self.starts.len();
        match self.first.entry(hash) {
            Entry::Vacant(v) => {
                v.insert(next);
            }
            Entry::Occupied(o) => {
                let first = *o.get();
                let mut same = std::iter::once(first)
                    .chain(self.more.get(&hash).into_iter().flatten().copied());
                if same.any(|i| self.get(i) == id) {
                    return false;
                }
                self.more.entry(hash).or_default().push(next);
            }
        }
        self.starts.push(self.text.len());
        self.text.push_str(id);
        true
    }
}

enum Line {
    Eof,
    Ok,
    TooLong(usize),
}

impl<R: BufRead> JsonlReader<R> {
    /// The number of lines read so far.
    pub fn lines_read(&self) -> u64 {
        self.line
    }

    // Reads one line into `buf` without ever holding more than MAX_LINE_LEN bytes of it.
    fn next_line(&mut self) -> std::io::Result<Line> {
        self.buf.clear();
        let mut total = 0usize;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match memchr_newline(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if total + take <= MAX_LINE_LEN + 1 {
                self.buf.extend_from_slice(&chunk[..take]);
            }
            total += take;
            self.reader.consume(take);
            if done {
                break;
            }
        }
        if !any {
            return Ok(Line::Eof);
        }
        if total > MAX_LINE_LEN + 1 {
            self.buf.clear();
            return Ok(Line::TooLong(total));
        }
        Ok(Line::Ok)
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            // A whole line already in the reader's buffer is read in place: copying
            // every line out first was a tenth of the serial reading time.
            match self.reader.fill_buf() {
                Ok(chunk) => {
                    let whole = memchr_newline(chunk).filter(|&i| i <= MAX_LINE_LEN);
                    if let Some(line) = whole.and_then(|i| chunk.get(..=i)) {
                        let len = line.len();
                        self.line += 1;
                        let result = if line.iter().all(u8::is_ascii_whitespace) {
                            None
                        } else {
                            Some(parse_line(line, self.line, &mut self.seen))
                        };
                        self.reader.consume(len);
                        match result {
                            Some(r) => return Some(r),
                            None => continue,
                        }
                    }
                }
                // Errors are handled exactly as `next_line` would: retry or end.
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(Error::io(e).at_line(self.line + 1)));
                }
            }
            let state = match self.next_line() {
                Ok(s) => s,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(Error::io(e).at_line(self.line + 1)));
                }
            };
            match state {
                Line::Eof => return None,
                Line::TooLong(n) => {
                    self.line += 1;
                    return Some(Err(Error::new(
                        ErrorKind::InvalidRecord,
                        format!("line is {n} bytes, at most {MAX_LINE_LEN}"),
                    )
                    .at_line(self.line)));
                }
                Line::Ok => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse_current());
                }
            }
        }
    }
}

impl<R: BufRead> JsonlReader<R> {
    fn parse_current(&mut self) -> Result<Record, Error> {
        parse_line(&self.buf, self.line, &mut self.seen)
    }
}

fn parse_line(line: &[u8], number: u64, seen: &mut SeenIds) -> Result<Record, Error> {
    let record = parse_record(line).map_err(|e| e.at_line(number))?;
    if !seen.insert(record.id()) {
        return Err(Error::new(
            ErrorKind::DuplicateId,
            "record id already seen in this input",
        )
        .at_line(number));
    }
    Ok(record)
}

/// Parses one JSON object into a record.
pub(crate) fn parse_record(line: &[u8]) -> Result<Record, Error> {
    // serde's derived struct reader also accepts a JSON array by position; a
    // record is an object, so anything else is refused before it is read.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Error::new(ErrorKind::InvalidRecord, "not a JSON object"));
    }
    // Plain lines (nearly all of them) skip serde; the rest get its exact errors.
    if let Some(record) = Record::from_plain_json(line) {
        return Ok(record);
    }
    serde_json::from_slice::<Record>(line).map_err(|e| {
        // serde_json's message can quote a piece of the input; keep only its category
        // and position so that no identifier ends up in logs.
        let what = match e.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "malformed JSON",
            serde_json::error::Category::Eof => "truncated JSON",
            serde_json::error::Category::Data => data_error_text(&e),
        };
        Error::new(
            ErrorKind::InvalidRecord,
            format!("{what} (column {})", e.column()),
        )
    })
}

fn data_error_text(e: &serde_json::Error) -> &'static str {
    let msg = e.to_string();
    if msg.contains("missing field `id`") {
        "record has no id"
    } else if msg.contains("record id is empty") {
        "record id is empty"
    } else if msg.contains("record id is null") {
        "record id is null"
    } else if msg.contains("record id is") {
        "record id is too long"
    } else if msg.contains("several values in a field that holds one") {
        "a one-value field (name, birth date, postal code, address, country, source, ts) holds several values"
    } else if msg.contains("values in one field") {
        "too many values in one field"
    } else if msg.contains("fractional number") {
        "a field holds a fraction or a float past 2^53 (an identifier loses digits in it)"
    } else if msg.contains("boolean") || msg.contains("invalid type") {
        "a field has the wrong type (expected a string, number, array of strings or null)"
    } else {
        "not a record object"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(input: &[u8]) -> Vec<(u64, ErrorKind, String)> {
        read_jsonl(input)
            .filter_map(|r| r.err())
            .map(|e| (e.line().unwrap_or(0), e.kind(), e.to_string()))
            .collect()
    }

    #[test]
    fn jsonl_bad_lines_are_typed_and_reading_goes_on() {
        let input = b"{\"id\":\"a\"}\n\n{\"email\":\"secret@x.com\"}\n{\"id\":\"b\",}\n\xff\xfe\n[1,2]\n{\"id\":\"a\"}\n{\"id\":\"c\"}";
        let ok: Vec<String> = read_jsonl(&input[..])
            .filter_map(|r| r.ok())
            .map(|r| r.id().to_string())
            .collect();
        assert_eq!(ok, ["a", "c"]);
        let errs = errors(input);
        let lines: Vec<u64> = errs.iter().map(|e| e.0).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7]);
        assert_eq!(errs[4].1, ErrorKind::DuplicateId);
        assert!(errs.iter().all(|e| !e.2.contains("secret")), "{errs:?}");
    }

    #[test]
    fn jsonl_value_errors_say_what_is_wrong() {
        let errs = errors(b"{\"id\":\"a\",\"phone\":[415.5]}\n{\"id\":\"b\",\"name\":true}\n{\"id\":\"c\",\"name\":[[\"x\"]]}\n{\"id\":\"d\",\"name\":[\"x\",\"y\"]}\n");
        assert!(errs[0].2.contains("a fraction"), "{errs:?}");
        assert!(errs[1].2.contains("wrong type"), "{errs:?}");
        assert!(errs[2].2.contains("wrong type"), "{errs:?}");
        assert!(errs[3].2.contains("holds several values"), "{errs:?}");
        assert!(!errs[3].2.contains('x'), "{errs:?}");
    }

    #[test]
    fn jsonl_huge_line_is_skipped() {
        let mut input = b"{\"id\":\"big\",\"name\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'x', 10 << 20));
        input.extend_from_slice(b"\"}\n{\"id\":\"next\"}\n");
        let out: Vec<_> = read_jsonl(&input[..]).collect();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap_err().line(), Some(1));
        assert_eq!(out[1].as_ref().unwrap().id(), "next");
    }

    #[test]
    fn jsonl_deep_nesting_is_an_error_not_a_crash() {
        // Nested inside a field the record reads: refused at serde_json's depth limit.
        let mut input = b"{\"id\":\"d\",\"email\":".to_vec();
        input.extend(std::iter::repeat_n(b'[', 100_000));
        input.extend(std::iter::repeat_n(b']', 100_000));
        input.extend_from_slice(b"}\n");
        // Nested inside an unknown field: skipped like any unknown field, without recursion.
        input.extend_from_slice(b"{\"id\":\"e\",\"x\":");
        input.extend(std::iter::repeat_n(b'[', 100_000));
        input.extend(std::iter::repeat_n(b']', 100_000));
        input.extend_from_slice(b"}\n");
        let out: Vec<_> = read_jsonl(&input[..]).collect();
        assert_eq!(out.len(), 2);
        assert!(out[0].is_err());
        assert_eq!(out[1].as_ref().unwrap().id(), "e");
    }

    #[test]
    fn jsonl_seen_ids_stay_exact_when_hashes_collide() {
        let mut seen = SeenIds::new();
        assert!(seen.insert("a"));
        assert!(!seen.insert("a"));
        // Make "b" look like a collision with "a": same table slot, other text.
        let hash_b = seen.hasher.hash_one("b");
        seen.first.insert(hash_b, 0);
        assert!(seen.insert("b"));
        assert!(!seen.insert("b"));
        assert!(!seen.insert("a"));
        assert!(seen.insert("c"));
        assert_eq!((seen.get(0), seen.get(1), seen.get(2)), ("a", "b", "c"));
    }

    #[test]
    fn jsonl_lines_across_buffer_boundaries_read_the_same() {
        // A tiny reader buffer splits most lines, so both ways of reading one run.
        let mut input = Vec::new();
        for i in 0..200 {
            input.extend_from_slice(
                format!("{{\"id\":\"r{i}\",\"email\":\"x{i}@y.com\"}}\n").as_bytes(),
            );
        }
        input.extend_from_slice(b"{\"id\":\"r7\"}\n");
        let whole: Vec<_> = read_jsonl(&input[..]).collect();
        let split: Vec<_> = read_jsonl(std::io::BufReader::with_capacity(16, &input[..])).collect();
        assert_eq!(whole.len(), 201);
        assert_eq!(format!("{whole:?}"), format!("{split:?}"));
        assert_eq!(
            whole[200].as_ref().unwrap_err().kind(),
            ErrorKind::DuplicateId
        );
    }

    #[test]
    fn jsonl_crlf_and_missing_final_newline() {
        let out: Vec<_> = read_jsonl(&b"{\"id\":\"a\"}\r\n{\"id\":\"b\"}"[..]).collect();
        assert!(out.iter().all(|r| r.is_ok()));
        assert_eq!(out.len(), 2);
    }
}
