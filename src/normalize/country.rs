//! The record's country: an ISO 3166 code or the country's name, as records
//! and the systems that export them write it.

use std::collections::HashMap;
use std::sync::OnceLock;

use isocountry::CountryCode;

use super::text;

/// The ISO 3166 alpha-2 code of a record's `country`, upper case; `None`
/// when it names no country (the record then counts as one without a
/// country, and the data's own countries are tried).
///
/// Read, in order: two letters as an alpha-2 code; three letters as an
/// alpha-3 code (`USA`, `DEU`); a country's name (see [`by_name`]). Exports
/// write all three: a CRM's country picker stores `United States`, a data
/// warehouse `USA`. Read as no country, each left every national phone number
/// of a single-country file without a region, and rejected.
///
/// Two codes outside ISO 3166 are read as the country everyone means by
/// them: `UK` (reserved by ISO for the United Kingdom, whose code is `GB`)
/// and `EL` (Greece in the European Union's usage, `GR` in ISO).
pub(crate) fn country_code(raw: &str) -> Option<[u8; 2]> {
    let s = raw.trim();
    match s.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some(match [a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
                [b'U', b'K'] => *b"GB",
                [b'E', b'L'] => *b"GR",
                code => code,
            })
        }
        [_, _, _] if s.bytes().all(|b| b.is_ascii_alphabetic()) => alpha3(s).or_else(|| by_name(s)),
        _ => by_name(s),
    }
}

fn alpha3(code: &str) -> Option<[u8; 2]> {
    CountryCode::for_alpha3_caseless(code)
        .ok()
        .and_then(|c| c.alpha2().as_bytes().try_into().ok())
}

/// Longer than any country's name anyone writes: such a value is not read.
const MAX_NAME_BYTES: usize = 64;

/// A country by its name, compared folded (case, accents, punctuation):
/// the English name as ISO 3166 writes it (`Germany`, `Viet Nam`), that
/// name without its qualifier when no other country shares what is left
/// (`Bolivia` for `Bolivia (Plurinational State of)`), the common short
/// forms of [`ALIASES`], and a code spelled with dots (`U.S.A.`, `U.K.`).
fn by_name(raw: &str) -> Option<[u8; 2]> {
    if raw.len() > MAX_NAME_BYTES {
        return None;
    }
    // A code spelled with dots: letters and dots only (`n/a` is no `NA`).
    if raw.contains('.')
        && raw
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
    {
        let letters: String = raw.chars().filter(char::is_ascii_alphabetic).collect();
        if matches!(letters.len(), 2 | 3) {
            return country_code(&letters);
        }
    }
    let folded = text::fold(raw);
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    names().get(folded).copied()
}

/// Names people write for a country that ISO 3166's English names do not
/// give: short forms, former and newer names, and the country's own name for
/// the larger markets (written in Latin letters after folding; `Россия` and
/// `Ελλάδα` fold to `rossiya` and `ellada`).
const ALIASES: &[(&str, &str)] = &[
    ("united states", "US"),
    ("america", "US"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("russia", "RU"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("north korea", "KP"),
    ("vietnam", "VN"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("brunei", "BN"),
    ("vatican", "VA"),
    ("vatican city", "VA"),
    ("ivory coast", "CI"),
    ("cape verde", "CV"),
    ("eswatini", "SZ"),
    ("turkiye", "TR"),
    ("czech republic", "CZ"),
    ("north macedonia", "MK"),
    ("holland", "NL"),
    ("uae", "AE"),
    ("deutschland", "DE"),
    ("espana", "ES"),
    ("italia", "IT"),
    ("brasil", "BR"),
    ("osterreich", "AT"),
    ("schweiz", "CH"),
    ("suisse", "CH"),
    ("svizzera", "CH"),
    ("nederland", "NL"),
    ("belgie", "BE"),
    ("belgique", "BE"),
    ("polska", "PL"),
    ("sverige", "SE"),
    ("norge", "NO"),
    ("danmark", "DK"),
    ("suomi", "FI"),
    ("eire", "IE"),
    ("ellada", "GR"),
    ("hellas", "GR"),
    ("magyarorszag", "HU"),
    ("cesko", "CZ"),
    ("slovensko", "SK"),
    ("hrvatska", "HR"),
    ("rossiya", "RU"),
];

/// Folded country names to alpha-2 codes, built on first use.
fn names() -> &'static HashMap<String, [u8; 2]> {
    static NAMES: OnceLock<HashMap<String, [u8; 2]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let code = |s: &str| <[u8; 2]>::try_from(s.as_bytes()).ok();
        // A short form two countries share (`Korea`, `Congo`, `Virgin
        // Islands`) names neither: `None` marks it.
        let mut short: HashMap<String, Option<[u8; 2]>> = HashMap::new();
        let mut names: HashMap<String, [u8; 2]> = HashMap::new();
        for c in CountryCode::iter() {
            let Some(alpha2) = code(c.alpha2()) else {
                continue;
            };
            let name = c.name();
            names.insert(text::fold(name), alpha2);
            if let Some(cut) = name.find([',', '(']) {
                short
                    .entry(text::fold(&name[..cut]))
                    .and_modify(|e| {
                        if *e != Some(alpha2) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(alpha2));
            }
        }
        for (name, alpha2) in short {
            if let Some(alpha2) = alpha2 {
                names.entry(name).or_insert(alpha2);
            }
        }
        for (name, alpha2) in ALIASES {
            if let Some(alpha2) = code(alpha2) {
                names.insert((*name).to_owned(), alpha2);
            }
        }
        names
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Option<String> {
        country_code(raw).map(|c| String::from_utf8_lossy(&c).into_owned())
    }

    #[test]
    fn country_codes_read_as_iso_alpha_2() {
        assert_eq!(country_code(" us "), Some(*b"US"));
        assert_eq!(country_code("De"), Some(*b"DE"));
        assert_eq!(country_code("UK"), Some(*b"GB"));
        assert_eq!(country_code("el"), Some(*b"GR"));
    }

    #[test]
    fn alpha_3_codes_and_names_name_their_country() {
        let rows = [
            ("USA", "US"),
            ("usa", "US"),
            ("DEU", "DE"),
            ("GBR", "GB"),
            ("U.S.A.", "US"),
            ("U.S.", "US"),
            ("U.K.", "GB"),
            ("United States", "US"),
            ("united states of america", "US"),
            ("The United States", "US"),
            ("United Kingdom", "GB"),
            ("England", "GB"),
            ("Germany", "DE"),
            ("Deutschland", "DE"),
            ("España", "ES"),
            ("ESPANA", "ES"),
            ("Österreich", "AT"),
            ("the Netherlands", "NL"),
            ("Côte d'Ivoire", "CI"),
            ("Viet Nam", "VN"),
            ("Vietnam", "VN"),
            ("Bolivia", "BO"),
            ("Iran", "IR"),
            ("Taiwan", "TW"),
            ("South Korea", "KR"),
            ("Россия", "RU"),
            ("Ελλάδα", "GR"),
            ("UAE", "AE"),
        ];
        for (raw, want) in rows {
            assert_eq!(read(raw).as_deref(), Some(want), "{raw:?}");
        }
    }

    #[test]
    fn values_that_name_no_country_stay_none() {
        // `Korea` and `Virgin Islands` are each two countries; `XYZ` is no
        // alpha-3 code; the rest are not countries at all.
        for raw in [
            "",
            "U1",
            "ü",
            "E",
            "XYZ",
            "Korea",
            "Virgin Islands",
            "Springfield",
            "n/a",
            "N/A",
            "U.S.A.A.",
            &"United States ".repeat(10),
        ] {
            assert_eq!(read(raw), None, "{raw:?}");
        }
    }
}
