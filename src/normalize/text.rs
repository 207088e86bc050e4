//! Unicode helpers shared by the normalizers.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// NFKC, then lower case, then trimmed. The canonical text form of identifiers.
pub(crate) fn nfkc_lower(raw: &str) -> String {
    raw.trim().nfkc().flat_map(char::to_lowercase).collect()
}

/// The text itself when it is plain ASCII (no NFKC pass needed), else its
/// [`nfkc_lower`] form: the fast path most normalizers start with.
pub(crate) fn ascii_or_nfkc(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.is_ascii() {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(nfkc_lower(raw))
    }
}

/// Folds text for comparison: NFKD, combining marks removed, lower case,
/// a few letters without a decomposition spelled out (`ß` -> `ss`, `ø` -> `o`),
/// and every run of non-alphanumeric characters turned into one space.
///
/// `"  Noémi   MARTINEAU-SStraße "` becomes `"noemi martineau sstrasse"`.
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            match c {
                'ß' => out.push_str("ss"),
                'ø' | 'Ø' => out.push('o'),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ł' | 'Ł' => out.push('l'),
                'đ' | 'Đ' => out.push('d'),
                'þ' | 'Þ' => out.push_str("th"),
                'ı' => out.push('i'),
                _ => out.extend(c.to_lowercase()),
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// Masks a raw value for error text: keeps at most the first two characters.
pub(crate) fn mask(raw: &str) -> String {
    let mut out: String = raw.chars().take(2).collect();
    out.push_str("***");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_case_and_punctuation() {
        assert_eq!(
            fold("  Noémi   MARTINEAU-Straße "),
            "noemi martineau strasse"
        );
        assert_eq!(fold("Pușcașu"), "puscasu");
        assert_eq!(fold("Søren Ærø"), "soren aero");
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn nfkc_lower_folds_compatibility_forms() {
        assert_eq!(nfkc_lower(" ＡＢＣ@Example.COM "), "abc@example.com");
    }

    #[test]
    fn mask_keeps_two_chars() {
        assert_eq!(mask("jane@example.com"), "ja***");
        assert_eq!(mask("é"), "é***");
    }
}
