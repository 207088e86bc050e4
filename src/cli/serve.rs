//! `idgraph serve`: the real-time graph over a pipe. One JSON command per
//! line on stdin, one JSON answer per line on stdout, in order.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use idgraph::{Config, Event, IdentityGraph, Outcome};

use super::PathArg;
use serde_json::{json, Value};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Keep the graph in this file (created when absent): every answered
    /// write is on disk before its answer is written.
    #[arg(long)]
    db: Option<PathArg>,
    /// Phone region for records without a country (ISO 3166 alpha-2).
    #[arg(long)]
    default_region: Option<String>,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut config = Config::new();
    if let Some(r) = &args.default_region {
        config = config.default_region(r);
    }
    let graph = super::open_graph(args.db.as_deref(), config)?;
    serve(&graph, io::stdin().lock(), io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

/// Answers every command line of `input` on `output`; stops at end of input.
pub(crate) fn serve(
    graph: &IdentityGraph,
    input: impl BufRead,
    output: impl Write,
) -> io::Result<()> {
    let mut out = BufWriter::new(output);
    let mut input = input;
    let mut line = Vec::new();
    while let Some(len) = next_line(&mut input, &mut line)? {
        if len <= idgraph::MAX_LINE_LEN && line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // A command line is held to the same cap as a line of an input file.
        let answer = if len > idgraph::MAX_LINE_LEN {
            Err(format!(
                "line is {len} bytes, at most {}",
                idgraph::MAX_LINE_LEN
            ))
        } else {
            answer(graph, &line)
        }
        .unwrap_or_else(|e| json!({"ok": false, "error": e}));
        serde_json::to_writer(&mut out, &answer)?;
        out.write_all(b"\n")?;
        // Each answer goes out at once: the caller may be waiting for it.
        out.flush()?;
    }
    Ok(())
}

/// Reads the next line (without its newline) into `line`, keeping at most
/// `MAX_LINE_LEN + 1` bytes of it, so that a client sending endless bytes
/// without a newline cannot exhaust memory. Returns the line's whole length,
/// `None` at the end of input.
fn next_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<usize>> {
    line.clear();
    let cap = idgraph::MAX_LINE_LEN as u64 + 1;
    let n = input.by_ref().take(cap).read_until(b'\n', line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        return Ok(Some(line.len()));
    }
    // Cut at the cap (or the input ended): skip the rest of the line, counting it.
    let mut total = n;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(Some(total));
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(Some(total + i));
            }
            None => {
                let n = chunk.len();
                total += n;
                input.consume(n);
            }
        }
    }
}

/// One command's answer, or the error text (never quoting the input: it is personal data).
fn answer(graph: &IdentityGraph, line: &[u8]) -> Result<Value, String> {
    let cmd: Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON (column {})", e.column()))?;
    let str_field = |name: &str| -> Result<&str, String> {
        cmd.get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("missing string field \"{name}\""))
    };
    match cmd.get("op").and_then(Value::as_str) {
        Some("upsert") => {
            let record = cmd
                .get("record")
                .ok_or_else(|| "missing field \"record\"".to_string())?;
            let record = to_record(record)?;
            let outcome = graph.upsert(record).map_err(|e| e.to_string())?;
            Ok(upserted(&outcome))
        }
        Some("upsert_batch") => {
            // One atomic batch: all of it is applied (and stored) or none.
            let list = cmd
                .get("records")
                .and_then(Value::as_array)
                .ok_or_else(|| "missing array field \"records\"".to_string())?;
            let mut records = Vec::with_capacity(list.len());
            for (i, r) in list.iter().enumerate() {
                records.push(to_record(r).map_err(|e| format!("record {i}: {e}"))?);
            }
            let outcomes = graph.upsert_batch(records).map_err(|e| e.to_string())?;
            let events = outcomes
                .last()
                .map(|o| events(o.events()))
                .unwrap_or_default();
            Ok(json!({"ok": true, "count": outcomes.len(), "events": events}))
        }
        Some("remove") => {
            let id = str_field("id")?;
            let removal = graph.remove(id).map_err(|e| e.to_string())?;
            Ok(json!({"ok": true, "id": id, "events": events(removal.events())}))
        }
        Some("get") => {
            let id = str_field("id")?;
            let customer = graph.customer_of(id).map(|c| c.to_string());
            Ok(json!({"ok": true, "id": id, "customer_id": customer}))
        }
        Some("explain") => {
            let (a, b) = (str_field("a")?, str_field("b")?);
            let e = graph.explain(a, b).map_err(|e| e.to_string())?;
            Ok(json!({"ok": true, "explanation": e.to_string()}))
        }
        Some(_) => {
            Err("unknown op (expected upsert, upsert_batch, remove, get or explain)".to_string())
        }
        None => Err("missing string field \"op\"".to_string()),
    }
}

/// A record in the JSON-lines contract, read by the library's reader (so its
/// checks and its error texts, which never quote values, are the same).
fn to_record(value: &Value) -> Result<idgraph::Record, String> {
    let bytes = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    idgraph::read_jsonl(&bytes[..])
        .next()
        .ok_or_else(|| "empty record".to_string())?
        .map_err(|e| e.to_string())
}

fn upserted(o: &Outcome) -> Value {
    let rejected: Vec<Value> = o
        .rejected()
        .iter()
        .map(|r| json!({"field": r.field().to_string(), "reason": r.reason().code()}))
        .collect();
    json!({
        "ok": true,
        "id": o.record_id(),
        "customer_id": o.customer().to_string(),
        "events": events(o.events()),
        "rejected": rejected,
    })
}

/// Events as JSON objects with a `type`. A generic value is reported by kind
/// and counts, not by value.
pub(crate) fn events(events: &[Event]) -> Vec<Value> {
    let ids =
        |v: &[idgraph::CustomerId]| -> Vec<String> { v.iter().map(|c| c.to_string()).collect() };
    events
        .iter()
        .map(|e| match e {
            Event::Created { customer } => {
                json!({"type": "created", "customer_id": customer.to_string()})
            }
            Event::Merged { into, from } => {
                json!({"type": "merged", "into": into.to_string(), "from": ids(from)})
            }
            Event::Split { from, into } => {
                json!({"type": "split", "from": from.to_string(), "into": ids(into)})
            }
            Event::RecordMoved { record, from, to } => json!({
                "type": "record_moved", "id": record, "from": from.to_string(), "to": to.to_string()
            }),
            Event::Erased { customer } => {
                json!({"type": "erased", "customer_id": customer.to_string()})
            }
            Event::BecameGeneric(g) => json!({
                "type": "became_generic", "kind": g.kind().to_string(),
                "records": g.records(), "people": g.people()
            }),
            _ => json!({"type": "other"}),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::next_line;

    #[test]
    fn a_line_past_the_cap_is_measured_without_being_held() {
        let long = idgraph::MAX_LINE_LEN * 3;
        let mut input = vec![b'x'; long];
        input.extend_from_slice(b"\n{\"op\":\"get\"}\nlast");
        let mut reader = std::io::BufReader::with_capacity(4096, &input[..]);
        let mut line = Vec::new();
        assert_eq!(next_line(&mut reader, &mut line).ok(), Some(Some(long)));
        assert!(line.len() <= idgraph::MAX_LINE_LEN + 1);
        assert_eq!(next_line(&mut reader, &mut line).ok(), Some(Some(12)));
        assert_eq!(line, b"{\"op\":\"get\"}");
        assert_eq!(next_line(&mut reader, &mut line).ok(), Some(Some(4)));
        assert_eq!(line, b"last");
        assert_eq!(next_line(&mut reader, &mut line).ok(), Some(None));
    }
}
