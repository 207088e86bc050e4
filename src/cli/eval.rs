//! `idgraph eval`: pairwise and B-cubed scores of a prediction against labels.

use std::io::BufRead;
use std::process::ExitCode;

use idgraph::eval::Scores;

use super::PathArg;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Labels: JSON lines {"id": ..., "entity": ...}.
    #[arg(long)]
    truth: PathArg,
    /// Prediction: JSON lines {"id": ..., "customer_id": ...}.
    prediction: PathArg,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

fn read_pairs(
    path: &PathArg,
    field: &str,
) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for (i, line) in super::input::open(path)?.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("{}: line {}: malformed JSON ({e})", path.display(), i + 1))?;
        let text = |x: &serde_json::Value| match x {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let id = v.get("id").and_then(text);
        let val = v.get(field).and_then(text);
        match (id, val) {
            (Some(id), Some(val)) => out.push((id, val)),
            _ => {
                return Err(format!(
                    "{}: line {}: needs \"id\" and \"{field}\"",
                    path.display(),
                    i + 1
                )
                .into())
            }
        }
    }
    Ok(out)
}

pub(crate) fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let truth = read_pairs(&args.truth, "entity")?;
    let pred = read_pairs(&args.prediction, "customer_id")?;
    let s = Scores::compute(
        truth.iter().map(|(a, b)| (a.as_str(), b.as_str())),
        pred.iter().map(|(a, b)| (a.as_str(), b.as_str())),
    );
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "records": s.records,
                "pairwise_precision": s.pairwise_precision, "pairwise_recall": s.pairwise_recall, "pairwise_f1": s.pairwise_f1,
                "bcubed_precision": s.bcubed_precision, "bcubed_recall": s.bcubed_recall, "bcubed_f1": s.bcubed_f1,
                "true_clusters": s.true_clusters, "predicted_clusters": s.predicted_clusters,
                "largest_true_cluster": s.largest_true_cluster, "largest_predicted_cluster": s.largest_predicted_cluster,
                "missing_from_prediction": s.missing_from_prediction, "extra_in_prediction": s.extra_in_prediction,
            })
        );
    } else {
        println!("{s}");
    }
    Ok(ExitCode::SUCCESS)
}
