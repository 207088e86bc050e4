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

/// Folds text for comparison: NFKD, accents removed, lower case,
/// a few letters without a decomposition spelled out (`ß` -> `ss`, `ø` -> `o`),
/// Cyrillic and Greek letters spelled in Latin (see [`transliterate`]), and
/// every run of non-alphanumeric characters turned into one space.
///
/// `"  Noémi   MARTINEAU-SStraße "` becomes `"noemi martineau sstrasse"`,
/// `"Иван Петров"` becomes `"ivan petrov"`.
///
/// Only the marks people leave out are removed: accents on Latin, Greek and
/// Cyrillic letters, Hebrew points and Arabic vowel signs. In the Indic
/// scripts, Thai or Japanese kana a mark is part of the letter (`राहुल` is
/// not `रहल`, `だ` is not `た`): dropping it would make different names
/// one, so those marks stay (composed again, NFC).
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    // Whether the marks that follow belong to a letter whose accents are
    // optional, and whether a mark was kept (the text then wants NFC).
    let mut marks_optional = true;
    let mut kept_mark = false;
    let mut letters = raw.nfkd().peekable();
    while let Some(c) = letters.next() {
        if is_combining_mark(c) {
            if !marks_optional && !pending_space && !out.is_empty() {
                out.push(c);
                kept_mark = true;
            }
            continue;
        }
        marks_optional = accents_optional(c);
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
                _ => {
                    let next = letters.peek().and_then(|n| n.to_lowercase().next());
                    for lower in c.to_lowercase() {
                        match transliterate(lower, out.chars().next_back(), next) {
                            Some(latin) => out.push_str(latin),
                            None => out.push(lower),
                        }
                    }
                }
            }
        } else {
            pending_space = true;
        }
    }
    if kept_mark {
        out = out.nfc().collect();
    }
    out
}

/// Whether a letter's combining marks are accents that people often leave
/// out (Latin, Greek, Cyrillic, Hebrew points, Arabic vowel signs), rather
/// than part of the letter (the Indic scripts, Thai, kana's voicing marks).
fn accents_optional(c: char) -> bool {
    c.is_ascii()
        || matches!(
            u32::from(c),
            0x00C0..=0x05FF
                | 0x0600..=0x06FF
                | 0x0750..=0x077F
                | 0x08A0..=0x08FF
                | 0x1E00..=0x1FFF
                | 0x2C60..=0x2C7F
                | 0xA720..=0xA7FF
                | 0xFB00..=0xFDFF
                | 0xFE70..=0xFEFF
        )
}

/// The Latin spelling of a lower-case Cyrillic or Greek letter (after NFKD,
/// so without its diacritics: `й` arrives as `и`, `ά` as `α`), given the
/// Latin letter written before it and the letter after it (Greek spells
/// pairs: `ου` -> `ou`, `αυ` -> `av`, `γγ` -> `ng`).
///
/// A customer writes their name in their own script in one channel and in
/// Latin letters in another (a passport-style spelling at a till, an email
/// address): spelled the same way, the two agree exactly or one typo apart.
/// The spelling is the everyday one (BGN/PCGN for Cyrillic, ELOT 743 for
/// Greek, one letter at a time): `ж` -> `zh`, `х` -> `kh`, `я` -> `ya`,
/// `θ` -> `th`, `χ` -> `ch`. Other scripts are kept as they are; names in two
/// different scripts are not compared at all (see [`script`]).
fn transliterate(c: char, before: Option<char>, next: Option<char>) -> Option<&'static str> {
    Some(match c {
        'υ' if before == Some('o') => "u",
        'υ' if matches!(before, Some('a' | 'e')) => "v",
        'γ' if matches!(next, Some('γ' | 'κ' | 'ξ' | 'χ')) => "n",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' | 'ѓ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ј' => "j",
        'к' | 'ќ' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ђ' => "dj",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' | 'ѕ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' | 'ι' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ω' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

/// The writing system of folded text: that of its first letter outside
/// ASCII, Latin when there is none. Two names in different writing systems
/// (`王小明` and `wang xiaoming`) cannot be compared letter by letter: their
/// difference is no evidence of two people.
///
/// The classes are coarse ranges of code points (Latin with its extensions,
/// Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai and
/// Lao, Georgian, Hangul, Chinese and Japanese together), enough to tell
/// whether two names can be compared at all; anything else is classed by
/// its Unicode block.
pub(crate) fn script(folded: &str) -> u32 {
    if folded.is_ascii() {
        return LATIN;
    }
    let Some(c) = folded.chars().find(|c| !c.is_ascii() && c.is_alphabetic()) else {
        return LATIN;
    };
    match u32::from(c) {
        0x00C0..=0x02AF | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => LATIN,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => 0x0370,
        0x0400..=0x052F => 0x0400,
        0x0530..=0x058F => 0x0530,
        0x0590..=0x05FF => 0x0590,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            0x0600
        }
        0x0900..=0x0DFF => 0x0900,
        0x0E00..=0x0EFF => 0x0E00,
        0x10A0..=0x10FF => 0x10A0,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => 0xAC00,
        0x3040..=0x30FF
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => 0x4E00,
        other => other & !0xFF,
    }
}

/// [`script`] of text without a letter outside ASCII.
pub(crate) const LATIN: u32 = 0;

/// A value without the quotes a spreadsheet or CSV export puts around the
/// whole of it (`"02134"`, `'LY-0047'`), trimmed; any other value trimmed.
pub(crate) fn unquote(raw: &str) -> &str {
    let s = raw.trim();
    ['"', '\'', '`']
        .into_iter()
        .find_map(|q| s.strip_prefix(q)?.strip_suffix(q))
        .map_or(s, str::trim)
}

/// Digits without the `.0` a spreadsheet or dataframe adds to a column it
/// stored as floats (`4155550132.0`, ZIP `2134.0`, member `479183.0`); read
/// as digits, the `0` would be one more. Anything but `+`, digits, a dot and
/// one or two zeros (`.0`, Excel's `.00`) is given back as it is: a group
/// of digits after a dot is a separator's (`2736.0000`).
pub(crate) fn without_float_tail(s: &str) -> &str {
    match s.split_once('.') {
        Some((int, frac))
            if (1..=2).contains(&frac.len())
                && frac.bytes().all(|b| b == b'0')
                && int
                    .strip_prefix('+')
                    .unwrap_or(int)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && int.bytes().any(|b| b.is_ascii_digit()) =>
        {
            int
        }
        _ => s,
    }
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
    fn fold_spells_cyrillic_and_greek_in_latin() {
        assert_eq!(fold("Иван Петров"), "ivan petrov");
        assert_eq!(fold("ЖУКОВА, Юлия"), "zhukova yuliya");
        assert_eq!(fold("Андрей Хрущёв"), "andrei khrushchev");
        assert_eq!(fold("Олександр Шевченко"), "oleksandr shevchenko");
        assert_eq!(fold("Γιώργος Παπαδόπουλος"), "giorgos papadopoulos");
        assert_eq!(fold("Ευάγγελος Παύλου"), "evangelos pavlou");
        assert_eq!(fold("王小明"), "王小明");
    }

    #[test]
    fn marks_that_are_part_of_a_letter_stay() {
        // Vowel signs of Devanagari and Thai, kana's voicing mark.
        assert_eq!(fold("राहुल शर्मा"), "राहुल शर्मा");
        assert_ne!(fold("राहुल"), fold("रहल"));
        assert_eq!(fold("สมชาย ใจดี"), "สมชาย ใจดี");
        assert_eq!(fold("やまだ"), "やまだ");
        assert_ne!(fold("やまだ"), fold("やまた"));
        // Optional ones still go: Arabic hamza and vowel signs, Hebrew points.
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("שָׁלוֹם"), fold("שלום"));
        // A mark after a separator is no letter's.
        assert_eq!(fold("a \u{0301}b"), "a b");
    }

    #[test]
    fn quotes_and_float_tails_come_off() {
        assert_eq!(unquote(" \"02134\" "), "02134");
        assert_eq!(unquote("'LY-0047'"), "LY-0047");
        assert_eq!(unquote("\"a"), "\"a");
        assert_eq!(unquote("o'brien"), "o'brien");
        assert_eq!(without_float_tail("4155550132.0"), "4155550132");
        assert_eq!(without_float_tail("+447400123456.00"), "+447400123456");
        assert_eq!(without_float_tail("2134.0"), "2134");
        for kept in [
            "415.555.0132",
            "2134.5",
            "1.0e9",
            ".0",
            "+.0",
            "12.",
            "a1.0",
            "12.0.0",
            "2736.0000",
        ] {
            assert_eq!(without_float_tail(kept), kept);
        }
    }

    #[test]
    fn script_tells_writing_systems_apart() {
        assert_eq!(script("wang xiaoming"), LATIN);
        assert_eq!(script("nguyen"), LATIN);
        assert_eq!(script("ərəb"), LATIN);
        assert_eq!(script(&fold("Иван")), LATIN);
        assert_ne!(script("王小明"), LATIN);
        assert_eq!(script("王小明"), script("やまだ"));
        assert_ne!(script("王小明"), script("김민준"));
        assert_ne!(script("محمد"), script("משה"));
        assert_eq!(script(""), LATIN);
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
