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
