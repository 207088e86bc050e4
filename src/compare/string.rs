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

/// Jaro-Winkler similarity, 0.0 to 1.0 (1.0 = identical), the same value as
/// `strsim::jaro_winkler`.
///
/// Compared values are folded to ASCII almost always; for those a byte-level
/// Jaro with stack flags scans only the match window, where strsim's generic
/// version decodes chars across the whole string for every position and
/// allocates. This runs on every scored pair and every u-sampling pair.
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || x.len() > FLAGS || y.len() > FLAGS {
        return strsim::jaro_winkler(a, b);
    }
    let sim = jaro_ascii(x, y);
    if sim > 0.7 {
        let prefix = x.iter().zip(y).take(4).take_while(|(p, q)| p == q).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

const FLAGS: usize = 128;

fn jaro_ascii(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = [false; FLAGS];
    let mut b_flags = [false; FLAGS];
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = (i + range + 1).min(b.len());
        for j in lo..hi {
            if !b_flags[j] && b[j] == c {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut k = 0;
    for (i, &c) in a.iter().enumerate() {
        if !a_flags[i] {
            continue;
        }
        while !b_flags[k] {
            k += 1;
        }
        if c != b[k] {
            transpositions += 1;
        }
        k += 1;
    }
    let m = matches as f64;
    ((m / a.len() as f64) + (m / b.len() as f64) + ((matches - transpositions / 2) as f64 / m))
        / 3.0
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
    fn jaro_winkler_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "martha",
            "marhta",
            "dixon",
            "dicksonx",
            "jellyfish",
            "smellyfish",
            "concetta rossi",
            "conectta rossi",
            "92 pinecroft cherry place berwick",
            "92 cherry place pinecroft berwick",
            "josé",
            "jose",
            "ab",
            "ba",
            "aaaa",
            "aaab",
        ];
        for a in words {
            for b in words {
                let (ours, theirs) = (jaro_winkler(a, b), strsim::jaro_winkler(a, b));
                assert!(
                    (ours - theirs).abs() < 1e-12,
                    "{a:?} {b:?}: {ours} vs {theirs}"
                );
            }
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
