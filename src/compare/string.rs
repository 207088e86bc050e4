//! String similarity with early exits, for the comparisons that run on every pair.

/// Whether `a` and `b` are at most one edit apart: one substitution, insertion,
/// deletion, or swap of two adjacent characters (Damerau). O(n), no allocation.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let rest_a = &short[prefix + 1..];
        let rest_b = &long[prefix + 1..];
        if rest_a == rest_b {
            return true; // one substitution
        }
        // adjacent transposition
        prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Jaro-Winkler similarity, 0.0 to 1.0 (1.0 = identical).
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    strsim::jaro_winkler(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_one_edit_cases() {
        let yes = [
            ("abc", "abc"),
            ("abc", "abd"),
            ("abc", "ab"),
            ("abc", "xabc"),
            ("abcd", "abdc"),
            ("", "a"),
            ("ab", "ba"),
        ];
        let no = [
            ("abc", "xyz"),
            ("abc", "a"),
            ("abcd", "badc"),
            ("abcd", "acbe"),
            ("", "ab"),
            ("abc", "cab"),
        ];
        for (a, b) in yes {
            assert!(within_one_edit(a, b), "{a} {b}");
            assert!(within_one_edit(b, a), "{b} {a}");
        }
        for (a, b) in no {
            assert!(!within_one_edit(a, b), "{a} {b}");
            assert!(!within_one_edit(b, a), "{b} {a}");
        }
    }

    #[test]
    fn within_one_edit_agrees_with_strsim() {
        let words = [
            "maria", "mario", "amria", "mari", "marias", "mraia", "jose", "josé", "joes", "ojse",
        ];
        for a in words {
            for b in words {
                let d = strsim::damerau_levenshtein(a, b);
                // byte-level check on ASCII words must agree with char-level distance
                if a.is_ascii() && b.is_ascii() {
                    assert_eq!(within_one_edit(a, b), d <= 1, "{a} {b}");
                }
            }
        }
    }
}
