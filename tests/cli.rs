//! The command line, run as a user would run it.

use std::io::Write;
use std::process::{Command, Stdio};

fn idgraph(args: &[&str], stdin: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_idgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn cli_normalize_prints_one_line_per_value_in_order() {
    let (out, _, ok) = idgraph(
        &[
            "normalize",
            "--kind",
            "email",
            "--",
            "Maria.Silva@gmial.con",
            "test@test.com",
            "-x@y.com",
        ],
        "",
    );
    assert!(ok);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "mariasilva@gmail.com\tcorrected domain from gmial.con",
            "rejected: placeholder value",
            "-x@y.com"
        ]
    );
}

#[test]
fn cli_normalize_reads_stdin_and_uses_the_country() {
    let (out, _, ok) = idgraph(
        &["normalize", "--kind", "phone", "--country", "FR"],
        "06-13-61-21-78\nN/A\n",
    );
    assert!(ok);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["+33613612178", "rejected: placeholder value"]
    );
}

#[test]
fn cli_normalize_loyalty_scheme_flags() {
    let (out, _, ok) = idgraph(
        &[
            "normalize",
            "--kind",
            "loyalty",
            "--loyalty-prefix",
            "LY",
            "--loyalty-digits",
            "8",
            "--luhn",
            "421339",
            "ly00421338",
        ],
        "",
    );
    assert!(ok);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["00421339", "00421338\tcheck digit failed"]
    );
}

#[test]
fn cli_resolve_skips_bad_lines_and_summarizes() {
    let input = "{\"id\":\"a\",\"email\":\"jane.doe@gmail.com\"}\nnot json\n{\"id\":\"b\",\"email\":\"janedoe@gmail.com\"}\n{\"id\":\"a\"}\n";
    let (out, err, ok) = idgraph(&["resolve", "-"], input);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["customer_id"], lines[1]["customer_id"]);
    assert!(
        err.contains("skipped line 2") && err.contains("skipped line 4"),
        "{err}"
    );
    assert!(err.contains("customers          1"), "{err}");
    assert!(
        !err.contains("jane"),
        "error text must not carry identifiers: {err}"
    );
}

#[test]
fn cli_eval_scores_a_prediction() {
    let dir = std::env::temp_dir().join(format!("idgraph-cli-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let truth = dir.join("truth.jsonl");
    let pred = dir.join("pred.jsonl");
    std::fs::write(&truth, "{\"id\":\"a\",\"entity\":\"e1\"}\n{\"id\":\"b\",\"entity\":\"e1\"}\n{\"id\":\"c\",\"entity\":\"e2\"}\n").unwrap();
    std::fs::write(&pred, "{\"id\":\"a\",\"customer_id\":\"c1\"}\n{\"id\":\"b\",\"customer_id\":\"c1\"}\n{\"id\":\"c\",\"customer_id\":\"c2\"}\n").unwrap();
    let (out, err, ok) = idgraph(
        &[
            "eval",
            "--json",
            "--truth",
            truth.to_str().unwrap(),
            pred.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["bcubed_f1"], 1.0);
    assert_eq!(v["pairwise_precision"], 1.0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_missing_input_is_a_clear_error() {
    let (_, err, ok) = idgraph(&["resolve", "/definitely/not/here.jsonl"], "");
    assert!(!ok);
    assert!(
        err.contains("/definitely/not/here.jsonl") && err.contains("No such file"),
        "{err}"
    );
}

#[test]
fn cli_serve_answers_each_line_in_order() {
    let script = [
        r#"{"op":"upsert","record":{"id":"a","email":"kim.ortiz@gmail.com","name":"Kim Ortiz"}}"#,
        r#"{"op":"upsert","record":{"id":"b","email":"kim.ortiz@gmail.com","phone":"+1 312 555 0177"}}"#,
        r#"{"op":"get","id":"b"}"#,
        "not json at all",
        r#"{"op":"explain","a":"a","b":"b"}"#,
        r#"{"op":"remove","id":"a"}"#,
        r#"{"op":"get","id":"a"}"#,
        r#"{"op":"upsert","record":{"email":"no-id@gmail.com"}}"#,
        r#"{"op":"fly"}"#,
    ]
    .join("\n");
    let (out, _, ok) = idgraph(&["serve"], &script);
    assert!(ok);
    let answers: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 9, "{out}");
    assert_eq!(answers[0]["ok"], true);
    assert_eq!(answers[0]["events"][0]["type"], "created");
    let c = answers[0]["customer_id"].clone();
    assert_eq!(answers[1]["customer_id"], c);
    assert_eq!(answers[2]["customer_id"], c);
    assert_eq!(answers[3]["ok"], false);
    assert!(answers[4]["explanation"]
        .as_str()
        .unwrap()
        .contains("one customer"));
    assert_eq!(answers[5]["ok"], true);
    assert!(answers[6]["customer_id"].is_null());
    assert_eq!(answers[7]["ok"], false);
    assert!(!answers[7]["error"].as_str().unwrap().contains("no-id@"));
    assert_eq!(answers[8]["ok"], false);
}

#[test]
fn cli_db_export_and_import_keep_customers() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_db");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (db, copy) = (dir.join("a.idg"), dir.join("b.idg"));
    let (db, copy) = (db.to_str().unwrap(), copy.to_str().unwrap());
    let first = [
        r#"{"id":"a","email":"kim.ortiz@gmail.com"}"#,
        r#"{"id":"b","email":"kim.ortiz@gmail.com","phone":"+1 312 555 0177"}"#,
    ]
    .join("\n");
    let (_, err, ok) = idgraph(&["resolve", "--db", db, "-"], &first);
    assert!(ok, "{err}");
    // A second run adds to the stored graph: "c" joins through b's phone.
    let second = r#"{"id":"c","phone":"+1 312 555 0177"}"#;
    let (out, err, ok) = idgraph(&["resolve", "--db", db, "-"], second);
    assert!(ok, "{err}");
    assert!(out.contains(r#""id":"c""#));
    let (export, _, ok) = idgraph(&["export", "--db", db], "");
    assert!(ok);
    assert_eq!(export.lines().count(), 3);
    let ids: std::collections::BTreeSet<&str> = export
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(v["customer_id"].is_string());
            if v["id"] == "a" {
                "a"
            } else {
                "other"
            }
        })
        .collect();
    assert!(ids.contains("a"));
    let (_, err, ok) = idgraph(&["import", "--db", copy, "-"], &export);
    assert!(ok, "{err}");
    let (again, _, ok) = idgraph(&["export", "--db", copy], "");
    assert!(ok);
    assert_eq!(again, export, "an import exports as it was imported");
}

#[test]
fn cli_serve_refuses_an_over_long_line_and_goes_on() {
    let long = format!(
        r#"{{"op":"get","id":"{}"}}"#,
        "x".repeat(idgraph::MAX_LINE_LEN)
    );
    let script = format!("{long}\n{{\"op\":\"get\",\"id\":\"a\"}}\n");
    let (out, _, ok) = idgraph(&["serve"], &script);
    assert!(ok);
    let answers: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["ok"], false);
    assert!(answers[0]["error"].as_str().unwrap().contains("at most"));
    assert_eq!(answers[1]["ok"], true);
}
