//! The record's country: an ISO 3166 alpha-2 code, as records write it.

/// The ISO 3166 alpha-2 code of a record's `country`, upper case; `None`
/// when it is not two letters (a name or an alpha-3 code: the record then
/// counts as one without a country, and the data's own countries are tried).
///
/// Two codes outside ISO 3166 are read as the country everyone means by
/// them: `UK` (reserved by ISO for the United Kingdom, whose code is `GB`)
/// and `EL` (Greece in the European Union's usage, `GR` in ISO). Kept as
/// they are, they named no region, and every national phone number on such
/// a record was rejected.
pub(crate) fn country_code(raw: &str) -> Option<[u8; 2]> {
    match raw.trim().as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some(match [a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
                [b'U', b'K'] => *b"GB",
                [b'E', b'L'] => *b"GR",
                code => code,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_read_as_iso_alpha_2() {
        assert_eq!(country_code(" us "), Some(*b"US"));
        assert_eq!(country_code("De"), Some(*b"DE"));
        assert_eq!(country_code("UK"), Some(*b"GB"));
        assert_eq!(country_code("el"), Some(*b"GR"));
        for none in ["", "USA", "United Kingdom", "U1", "ü", "E"] {
            assert_eq!(country_code(none), None, "{none:?}");
        }
    }
}
