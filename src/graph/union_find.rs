//! Disjoint sets with path halving; the representative of a
//! merged set is the smaller root index, so results never depend on merge order
//! beyond which sets were merged.

#[derive(Clone, Debug, Default)]
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// The sets whose elements have these roots (`labels[x]` is `x`'s root,
    /// the smallest element of its set, and `labels[root] == root`).
    pub(crate) fn from_labels(labels: Vec<u32>) -> UnionFind {
        let mut size = vec![0u32; labels.len()];
        for &r in &labels {
            if let Some(n) = size.get_mut(r as usize) {
                *n += 1;
            }
        }
        UnionFind {
            parent: labels,
            size,
        }
    }

    pub(crate) fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    /// Joins the sets of `a` and `b`; returns `(kept root, absorbed root)`, or `None` when already one set.
    pub(crate) fn union(&mut self, a: u32, b: u32) -> Option<(u32, u32)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        // The smaller index stays the root: deterministic whatever the call order.
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone as usize] = keep;
        self.size[keep as usize] += self.size[gone as usize];
        Some((keep, gone))
    }

    #[cfg(test)]
    pub(crate) fn size_of(&mut self, x: u32) -> u32 {
        let r = self.find(x);
        self.size[r as usize]
    }

    /// The root of every element.
    pub(crate) fn labels(&mut self) -> Vec<u32> {
        (0..self.parent.len() as u32)
            .map(|i| self.find(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn union_find_matches_naive_components(n in 1usize..40, edges in proptest::collection::vec((0u32..40, 0u32..40), 0..80)) {
            let mut uf = UnionFind::new(n);
            let mut naive: Vec<usize> = (0..n).collect();
            for (a, b) in edges {
                let (a, b) = (a % n as u32, b % n as u32);
                uf.union(a, b);
                let (la, lb) = (naive[a as usize], naive[b as usize]);
                for x in naive.iter_mut() { if *x == lb { *x = la; } }
            }
            let labels = uf.labels();
            for i in 0..n {
                for j in 0..n {
                    prop_assert_eq!(labels[i] == labels[j], naive[i] == naive[j]);
                }
                // the root is the smallest member
                prop_assert!(labels[i] as usize <= i);
            }
            let total: u32 = (0..n as u32).filter(|&i| labels[i as usize] == i).map(|i| uf.size_of(i)).sum();
            prop_assert_eq!(total as usize, n);
        }
    }
}
