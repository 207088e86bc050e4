//! Accuracy floors on the bundled labelled samples: a regression fails CI.

use std::collections::HashMap;
use std::io::BufRead;

use idgraph::eval::Scores;
use idgraph::{read_jsonl, Config, IdentityGraph};

fn score(dir: &str) -> Scores {
    let base = format!("{}/tests/data/{dir}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(format!("{base}/records.jsonl")).unwrap();
    let records: Vec<_> = read_jsonl(std::io::BufReader::new(file))
        .map(|r| r.unwrap())
        .collect();
    let g = IdentityGraph::new(Config::new()).unwrap();
    g.upsert_batch(records).unwrap();
    let truth: Vec<(String, String)> =
        std::io::BufReader::new(std::fs::File::open(format!("{base}/truth.jsonl")).unwrap())
            .lines()
            .map(|l| {
                let v: HashMap<String, serde_json::Value> =
                    serde_json::from_str(&l.unwrap()).unwrap();
                (
                    v["id"].as_str().unwrap().to_string(),
                    v["entity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    let pred: Vec<(String, String)> = g
        .assignments()
        .into_iter()
        .map(|(id, c)| (id.to_string(), c.to_string()))
        .collect();
    Scores::compute(
        truth.iter().map(|(a, b)| (a.as_str(), b.as_str())),
        pred.iter().map(|(a, b)| (a.as_str(), b.as_str())),
    )
}

#[test]
fn accuracy_omni_dev_20k() {
    let s = score("omni-dev-20k");
    eprintln!("{s}");
    assert!(s.bcubed_precision >= 0.995, "{s}");
    assert!(s.pairwise_precision >= 0.99, "{s}");
    assert!(s.bcubed_f1 >= 0.89, "{s}");
    assert!(s.largest_predicted_cluster <= s.largest_true_cluster, "{s}");
}

#[test]
fn accuracy_febrl() {
    for dir in ["febrl1", "febrl2", "febrl3"] {
        let s = score(dir);
        eprintln!("{dir}\n{s}");
        assert!(s.pairwise_f1 >= 0.998, "{dir}: {s}");
    }
}
