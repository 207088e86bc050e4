//! Accuracy of a clustering against labels: pairwise and B-cubed precision,
//! recall and F1, computed from the contingency table (no pair enumeration),
//! so millions of records are fine.
//!
//! ```
//! use idgraph::eval::Scores;
//!
//! let truth = [("a", "e1"), ("b", "e1"), ("c", "e2")];
//! let pred = [("a", "c1"), ("b", "c1"), ("c", "c1")];
//! let s = Scores::compute(truth.iter().copied(), pred.iter().copied());
//! assert_eq!(s.pairwise_recall, 1.0);
//! assert!((s.pairwise_precision - 1.0 / 3.0).abs() < 1e-12);
//! ```

use std::collections::HashMap;

/// Pairwise and B-cubed scores of a predicted clustering against true entities.
///
/// Records in the truth but not in the prediction count as singletons;
/// prediction ids not in the truth are ignored (and counted).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Scores {
    /// Records scored (those in the truth).
    pub records: usize,
    /// Share of predicted same-customer pairs that are true pairs (1.0 when none are predicted).
    pub pairwise_precision: f64,
    /// Share of true pairs that are predicted (1.0 when there are none).
    pub pairwise_recall: f64,
    /// Harmonic mean of the two.
    pub pairwise_f1: f64,
    /// B-cubed precision.
    pub bcubed_precision: f64,
    /// B-cubed recall.
    pub bcubed_recall: f64,
    /// B-cubed F1.
    pub bcubed_f1: f64,
    /// Number of true entities.
    pub true_clusters: usize,
    /// Number of predicted customers.
    pub predicted_clusters: usize,
    /// Size of the largest true entity.
    pub largest_true_cluster: usize,
    /// Size of the largest predicted customer.
    pub largest_predicted_cluster: usize,
    /// Truth records missing from the prediction.
    pub missing_from_prediction: usize,
    /// Prediction records not in the truth.
    pub extra_in_prediction: usize,
}

fn c2(n: u64) -> f64 {
    (n * n.saturating_sub(1) / 2) as f64
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

impl Scores {
    /// Scores `pred` (record id, customer) against `truth` (record id, entity).
    /// A repeated id keeps its first value.
    pub fn compute<'a, T, P>(truth: T, pred: P) -> Scores
    where
        T: IntoIterator<Item = (&'a str, &'a str)>,
        P: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut truth_map: HashMap<&str, &str> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (id, e) in truth {
            if let std::collections::hash_map::Entry::Vacant(slot) = truth_map.entry(id) {
                slot.insert(e);
                order.push(id);
            }
        }
        let mut pred_map: HashMap<&str, &str> = HashMap::new();
        let mut extra = 0;
        for (id, c) in pred {
            if !truth_map.contains_key(id) {
                extra += 1;
                continue;
            }
            pred_map.entry(id).or_insert(c);
        }
        let mut cell: HashMap<(&str, (bool, &str)), u64> = HashMap::new();
        let mut psize: HashMap<(bool, &str), u64> = HashMap::new();
        let mut tsize: HashMap<&str, u64> = HashMap::new();
        let mut missing = 0;
        for id in &order {
            let e = truth_map[id];
            let p = match pred_map.get(id) {
                Some(c) => (true, *c),
                None => {
                    missing += 1;
                    (false, *id)
                }
            };
            *cell.entry((e, p)).or_insert(0) += 1;
            *psize.entry(p).or_insert(0) += 1;
            *tsize.entry(e).or_insert(0) += 1;
        }
        let n = order.len() as f64;
        let tp: f64 = cell.values().map(|&v| c2(v)).sum();
        let pp: f64 = psize.values().map(|&v| c2(v)).sum();
        let tpairs: f64 = tsize.values().map(|&v| c2(v)).sum();
        let precision = if pp > 0.0 { tp / pp } else { 1.0 };
        let recall = if tpairs > 0.0 { tp / tpairs } else { 1.0 };
        let (mut b3p, mut b3r) = (0.0, 0.0);
        for (&(e, p), &v) in &cell {
            let v = v as f64;
            b3p += v * v / psize[&p] as f64;
            b3r += v * v / tsize[e] as f64;
        }
        if n > 0.0 {
            b3p /= n;
            b3r /= n;
        }
        Scores {
            records: order.len(),
            pairwise_precision: precision,
            pairwise_recall: recall,
            pairwise_f1: f1(precision, recall),
            bcubed_precision: b3p,
            bcubed_recall: b3r,
            bcubed_f1: f1(b3p, b3r),
            true_clusters: tsize.len(),
            predicted_clusters: psize.len(),
            largest_true_cluster: tsize.values().copied().max().unwrap_or(0) as usize,
            largest_predicted_cluster: psize.values().copied().max().unwrap_or(0) as usize,
            missing_from_prediction: missing,
            extra_in_prediction: extra,
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "records                    {}", self.records)?;
        writeln!(
            f,
            "pairwise precision         {:.4}",
            self.pairwise_precision
        )?;
        writeln!(f, "pairwise recall            {:.4}", self.pairwise_recall)?;
        writeln!(f, "pairwise F1                {:.4}", self.pairwise_f1)?;
        writeln!(f, "B-cubed precision          {:.4}", self.bcubed_precision)?;
        writeln!(f, "B-cubed recall             {:.4}", self.bcubed_recall)?;
        writeln!(f, "B-cubed F1                 {:.4}", self.bcubed_f1)?;
        writeln!(f, "true customers             {}", self.true_clusters)?;
        writeln!(f, "predicted customers        {}", self.predicted_clusters)?;
        writeln!(
            f,
            "largest true customer      {}",
            self.largest_true_cluster
        )?;
        writeln!(
            f,
            "largest predicted customer {}",
            self.largest_predicted_cluster
        )?;
        writeln!(
            f,
            "missing from prediction    {}",
            self.missing_from_prediction
        )?;
        write!(f, "extra in prediction        {}", self.extra_in_prediction)
    }
}
