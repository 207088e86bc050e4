//! Normalization: one raw value in, one canonical value or a [`RejectReason`] out.
//!
//! Each identifier kind has its own module and a pure function here that
//! applies the built-in placeholder rules. [`Normalizer`] is the configurable
//! form the resolver uses: a default phone region, a loyalty scheme and a
//! placeholder list of your own.
//!
//! ```
//! use idgraph::normalize;
//!
//! assert_eq!(normalize::email(" Jane.Doe+promo@GoogleMail.com ")?.as_str(), "janedoe@gmail.com");
//! assert_eq!(normalize::phone("(415) 555-0132", Some("US"))?.as_str(), "+14155550132");
//! assert_eq!(normalize::device_id("{6D92078A-8246-4BA4-AE5B-76104861E7DC}")?.as_str(),
//!            "6d92078a-8246-4ba4-ae5b-76104861e7dc");
//! # Ok::<(), idgraph::RejectReason>(())
//! ```

mod address;
pub(crate) mod country;
mod date;
mod device;
mod email;
mod loyalty;
mod name;
mod nickname;
mod phone;
pub(crate) use phone::Origin as PhoneOrigin;
mod placeholder;
mod postal;
pub(crate) mod text;

pub use address::Address;
pub use date::BirthDate;
pub use device::{DeviceId, DeviceKind};
pub use email::Email;
pub(crate) use loyalty::LoyaltyTally;
pub use loyalty::{CheckDigit, CheckStatus, LoyaltyId, LoyaltyScheme};
pub use name::Name;
pub(crate) use phone::FallbackUse;
pub use phone::Phone;
pub use placeholder::Placeholders;
pub use postal::PostalCode;

use crate::RejectReason;

/// Longest raw value any normalizer reads; longer values are rejected unread.
pub const MAX_VALUE_LEN: usize = 512;

/// The kinds of field a record carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FieldKind {
    /// An email address (identifier).
    Email,
    /// A phone number (identifier).
    Phone,
    /// A loyalty member number (identifier).
    LoyaltyId,
    /// A device identifier (identifier).
    DeviceId,
    /// A person's name (supporting evidence).
    Name,
    /// A birth date (supporting evidence).
    BirthDate,
    /// A postal code (supporting evidence).
    PostalCode,
    /// A street address (supporting evidence).
    Address,
    /// The record's timestamp (`ts`): not evidence, but it orders records for
    /// the customer-id anchor rule, so one that cannot be read is reported.
    Timestamp,
}

impl FieldKind {
    /// The field's name in the JSON-lines record contract (`"email"`, `"loyalty_id"`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::LoyaltyId => "loyalty_id",
            FieldKind::DeviceId => "device_id",
            FieldKind::Name => "name",
            FieldKind::BirthDate => "birth_date",
            FieldKind::PostalCode => "postal_code",
            FieldKind::Address => "address",
            FieldKind::Timestamp => "ts",
        }
    }

    /// Whether the kind is one of the four identifiers (email, phone, loyalty ID, device ID).
    pub fn is_identifier(self) -> bool {
        matches!(
            self,
            FieldKind::Email | FieldKind::Phone | FieldKind::LoyaltyId | FieldKind::DeviceId
        )
    }
}

impl std::fmt::Display for FieldKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalizes with configuration: default phone region, loyalty scheme, placeholders.
///
/// ```
/// use idgraph::normalize::{Normalizer, FieldKind, Placeholders};
///
/// let n = Normalizer::new()
///     .default_region("GB")
///     .placeholders(Placeholders::default().with_value(FieldKind::Email, "info@mystore.com"));
/// assert_eq!(n.phone("07412 183976", None)?.as_str(), "+447412183976");
/// assert!(n.email("INFO@mystore.com").is_err());
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    default_region: Option<String>,
    fallback_regions: Vec<String>,
    loyalty: LoyaltyScheme,
    placeholders: Placeholders,
}

impl Normalizer {
    /// A normalizer with no default region, the generic loyalty scheme and the built-in placeholders.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// The region (ISO 3166 alpha-2) for national phone numbers on records without a country.
    pub fn default_region(mut self, region: &str) -> Normalizer {
        self.default_region = Some(region.trim().to_ascii_uppercase());
        self
    }

    /// More regions to try, in order, for a national phone number on a record
    /// without a country, after the default region.
    pub fn fallback_regions<I, S>(mut self, regions: I) -> Normalizer
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.fallback_regions = regions
            .into_iter()
            .map(|r| r.as_ref().trim().to_ascii_uppercase())
            .collect();
        self
    }

    /// The loyalty program's member number scheme.
    pub fn loyalty_scheme(mut self, scheme: LoyaltyScheme) -> Normalizer {
        self.loyalty = scheme;
        self
    }

    /// The placeholder rules.
    pub fn placeholders(mut self, placeholders: Placeholders) -> Normalizer {
        self.placeholders = placeholders;
        self
    }

    /// The loyalty scheme in use.
    pub fn get_loyalty_scheme(&self) -> &LoyaltyScheme {
        &self.loyalty
    }

    fn precheck(&self, raw: &str) -> Result<(), RejectReason> {
        if raw.len() > MAX_VALUE_LEN {
            return Err(RejectReason::TooLong {
                len: raw.len(),
                max: MAX_VALUE_LEN,
            });
        }
        if raw.trim().is_empty() {
            return Err(RejectReason::Empty);
        }
        if self.placeholders.is_placeholder_raw(raw) {
            return Err(RejectReason::Placeholder);
        }
        Ok(())
    }

    fn check(&self, kind: FieldKind, canonical: &str) -> Result<(), RejectReason> {
        if self.placeholders.is_placeholder(kind, canonical) {
            Err(RejectReason::Placeholder)
        } else {
            Ok(())
        }
    }

    /// [`check`](Self::check), and for kinds whose normalizing can drop what
    /// hid a junk word from the raw check (the separators of `N-O`, the
    /// title of `Mr Unknown`: names, postal codes, loyalty ids, addresses),
    /// the raw check again on the canonical value: it must pass what a value
    /// typed that way would. (Canonical emails, phones, dates and device ids
    /// are never words.) A canonical value that is the raw one but for case
    /// was checked already.
    fn check_revealed(
        &self,
        kind: FieldKind,
        raw: &str,
        canonical: &str,
    ) -> Result<(), RejectReason> {
        self.check(kind, canonical)?;
        if !canonical.eq_ignore_ascii_case(raw.trim())
            && self.placeholders.is_placeholder_raw(canonical)
        {
            return Err(RejectReason::Placeholder);
        }
        Ok(())
    }

    /// Normalizes an email address. See [`email`].
    pub fn email(&self, raw: &str) -> Result<Email, RejectReason> {
        self.precheck(raw)?;
        let e = email::parse(raw)?;
        self.check(FieldKind::Email, e.as_str())?;
        Ok(e)
    }

    /// Normalizes a phone number read in `region` (the record's country), else the
    /// default and fallback regions. See [`phone`].
    pub fn phone(&self, raw: &str, region: Option<&str>) -> Result<Phone, RejectReason> {
        self.phone_tracked(raw, region).0
    }

    /// [`phone`](Self::phone), with how many of [`phone_regions`](Self::phone_regions)
    /// the outcome rests on (see `phone::FallbackUse`).
    pub(crate) fn phone_tracked(
        &self,
        raw: &str,
        region: Option<&str>,
    ) -> (Result<Phone, RejectReason>, phone::FallbackUse) {
        if let Err(e) = self.precheck(raw) {
            return (Err(e), 0);
        }
        let region = region.map(str::trim).filter(|r| !r.is_empty());
        let upper;
        let region = match region {
            Some(r) if r.bytes().any(|b| b.is_ascii_lowercase()) => {
                upper = r.to_ascii_uppercase();
                Some(upper.as_str())
            }
            other => other,
        };
        let (p, used) = phone::parse_tracked(raw, region, &self.phone_regions());
        let p = p.and_then(|p| self.check(FieldKind::Phone, p.as_str()).map(|()| p));
        (p, used)
    }

    /// Whether a phone outcome of this normalizer that rested on `used` of its
    /// regions is also `other`'s outcome (the two differ in estimates only).
    pub(crate) fn phone_outcome_carries(
        &self,
        other: &Normalizer,
        used: phone::FallbackUse,
    ) -> bool {
        let (a, b) = (self.phone_regions(), other.phone_regions());
        match usize::from(used) {
            0 => true,
            _ if used == phone::ALL_FALLBACKS => a == b,
            k => a.get(..k).is_some_and(|p| b.get(..k) == Some(p)) && phone::all_known(&b),
        }
    }

    /// Whether a loyalty outcome of this normalizer is also `other`'s.
    pub(crate) fn loyalty_outcome_carries(&self, other: &Normalizer) -> bool {
        self.loyalty == other.loyalty
    }

    /// Whether `code` is a region the phone metadata knows.
    pub(crate) fn is_phone_region(code: &str) -> bool {
        phone::all_known(&[code])
    }

    /// The region an email's country-code domain names (see
    /// `email::country_domain`).
    pub(crate) fn email_country_domain(raw: &str) -> Option<[u8; 2]> {
        email::country_domain(raw)
    }

    /// What a raw phone number tells of its region (see `phone::origin`).
    pub(crate) fn phone_origin(raw: &str) -> Option<PhoneOrigin> {
        phone::origin(raw)
    }

    /// The regions whose numbering plans best explain these national numbers
    /// (see `phone::regions_reading`).
    pub(crate) fn phone_regions_reading(
        numbers: &[&[u8]],
        hint: impl Fn([u8; 2]) -> i64,
    ) -> Vec<[u8; 2]> {
        phone::regions_reading(numbers, hint)
    }

    /// The regions a national phone number on a record without a country is
    /// read in, in order: the default region, then the fallback regions.
    pub(crate) fn phone_regions(&self) -> Vec<&str> {
        let mut regions: Vec<&str> = Vec::with_capacity(1 + self.fallback_regions.len());
        if let Some(d) = &self.default_region {
            regions.push(d);
        }
        regions.extend(self.fallback_regions.iter().map(String::as_str));
        regions
    }

    /// Normalizes a loyalty member number under the configured scheme. See [`loyalty_id`].
    pub fn loyalty_id(&self, raw: &str) -> Result<LoyaltyId, RejectReason> {
        self.precheck(raw)?;
        let l = loyalty::parse(raw, &self.loyalty)?;
        self.check_revealed(FieldKind::LoyaltyId, raw, l.as_str())?;
        Ok(l)
    }

    /// Normalizes a device identifier. See [`device_id`].
    pub fn device_id(&self, raw: &str) -> Result<DeviceId, RejectReason> {
        self.precheck(raw)?;
        let d = device::parse(raw)?;
        self.check(FieldKind::DeviceId, d.as_str())?;
        Ok(d)
    }

    /// Normalizes a full name. See [`name`].
    pub fn name(&self, raw: &str) -> Result<Name, RejectReason> {
        self.precheck(raw)?;
        let n = name::parse(raw)?;
        self.check_revealed(FieldKind::Name, raw, &n.tokens().join(" "))?;
        Ok(n)
    }

    /// Builds a name from separate given and family parts.
    pub fn name_parts(
        &self,
        given: Option<&str>,
        family: Option<&str>,
    ) -> Result<Name, RejectReason> {
        let given = given.filter(|g| self.precheck(g).is_ok());
        let family = family.filter(|f| self.precheck(f).is_ok());
        let n = name::from_parts(given, family)?;
        self.check_revealed(FieldKind::Name, "", &n.tokens().join(" "))?;
        Ok(n)
    }

    /// Normalizes a birth date. See [`birth_date`].
    pub fn birth_date(&self, raw: &str, country: Option<&str>) -> Result<BirthDate, RejectReason> {
        self.precheck(raw)?;
        let d = date::parse(raw, country)?;
        self.check(FieldKind::BirthDate, &d.to_string())?;
        Ok(d)
    }

    /// Normalizes a postal code. See [`postal_code`].
    pub fn postal_code(
        &self,
        raw: &str,
        country: Option<&str>,
    ) -> Result<PostalCode, RejectReason> {
        self.precheck(raw)?;
        let p = postal::parse(raw, country)?;
        self.check_revealed(FieldKind::PostalCode, raw, p.as_str())?;
        Ok(p)
    }

    /// Normalizes a street address. See [`address`].
    pub fn address(&self, raw: &str) -> Result<Address, RejectReason> {
        self.precheck(raw)?;
        let a = address::parse(raw)?;
        self.check_revealed(FieldKind::Address, raw, a.as_str())?;
        Ok(a)
    }
}

fn default_normalizer() -> &'static Normalizer {
    static DEFAULT: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Normalizer::new)
}

/// Normalizes an email address: trim, NFKC, lower case, IDNA domain, provider
/// rules (Gmail dots, `+tag` sub-addresses), domain typo correction, placeholders.
///
/// # Errors
/// A [`RejectReason`] when the value cannot be an address or is a placeholder.
///
/// ```
/// let e = idgraph::normalize::email("maria.silva@gmial.con")?;
/// assert_eq!(e.as_str(), "mariasilva@gmail.com");
/// assert_eq!(e.corrected_from(), Some("gmial.con"));
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn email(raw: &str) -> Result<Email, RejectReason> {
    default_normalizer().email(raw)
}

/// Normalizes a phone number to E.164, reading national numbers in `region`
/// (ISO 3166 alpha-2).
///
/// # Errors
/// A [`RejectReason`] when the number is not valid for its region, has no
/// region, or is a placeholder.
///
/// ```
/// assert_eq!(idgraph::normalize::phone("+44 (0)7412 183976", None)?.as_str(), "+447412183976");
/// assert_eq!(idgraph::normalize::phone("06-13-61-21-78", Some("FR"))?.as_str(), "+33613612178");
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn phone(raw: &str, region: Option<&str>) -> Result<Phone, RejectReason> {
    default_normalizer().phone(raw, region)
}

/// Normalizes a loyalty member number under `scheme`.
///
/// # Errors
/// A [`RejectReason`] when the value has no digits, the wrong length, or is a placeholder.
/// A failed check digit is not an error: see [`LoyaltyId::check`].
///
/// ```
/// use idgraph::normalize::{loyalty_id, LoyaltyScheme, CheckDigit};
///
/// let scheme = LoyaltyScheme::new().prefix("LY").digits(8).check_digit(CheckDigit::Luhn);
/// let a = loyalty_id("LY-0042-1337", &scheme)?;
/// assert_eq!(a, loyalty_id("421337", &scheme)?);
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn loyalty_id(raw: &str, scheme: &LoyaltyScheme) -> Result<LoyaltyId, RejectReason> {
    let n = default_normalizer();
    n.precheck(raw)?;
    let l = loyalty::parse(raw, scheme)?;
    n.check_revealed(FieldKind::LoyaltyId, raw, l.as_str())?;
    Ok(l)
}

/// Normalizes a device identifier: IDFA, IDFV, GAID, Android ID, IMEI, or an
/// ID a web site or SDK assigned (a first-party cookie ID), kept as given.
///
/// # Errors
/// A [`RejectReason`] for malformed IDs and for the all-zero opt-out ID.
///
/// ```
/// use idgraph::normalize::{self, DeviceKind};
/// use idgraph::RejectReason;
///
/// assert_eq!(normalize::device_id("00000000-0000-0000-0000-000000000000"), Err(RejectReason::OptOut));
/// assert_eq!(normalize::device_id("35-209900-176148-1")?.kind(), DeviceKind::Imei);
/// let cookie = normalize::device_id("fb.1.1596403881668.1116446470")?;
/// assert_eq!((cookie.as_str(), cookie.kind()), ("fb.1.1596403881668.1116446470", DeviceKind::Other));
/// # Ok::<(), RejectReason>(())
/// ```
pub fn device_id(raw: &str) -> Result<DeviceId, RejectReason> {
    default_normalizer().device_id(raw)
}

/// Normalizes a person's full name (`"Jane Doe"`, `"DOE, Jane"`).
///
/// # Errors
/// A [`RejectReason`] when no letters are left or the value is a placeholder.
///
/// ```
/// let n = idgraph::normalize::name("Doe, Bill")?;
/// assert_eq!(n.given(), Some("bill"));
/// assert_eq!(n.given_root(), Some("william"));
/// assert_eq!(n.family(), Some("doe"));
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn name(raw: &str) -> Result<Name, RejectReason> {
    default_normalizer().name(raw)
}

/// Normalizes a birth date; `country` decides between `DD/MM/YYYY` and `MM/DD/YYYY`.
/// Month names (eight languages) and the Chinese, Japanese and Korean date
/// marks are read too (see the README's normalization rules).
///
/// # Errors
/// A [`RejectReason`] for impossible or unreadable dates.
///
/// ```
/// let d = idgraph::normalize::birth_date("12/04/1990", Some("GB"))?;
/// assert_eq!(d.to_string(), "1990-04-12");
/// // A named month leaves no doubt about the order, whatever the country.
/// let d = idgraph::normalize::birth_date("April 12th, 1990", Some("GB"))?;
/// assert_eq!(d.to_string(), "1990-04-12");
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn birth_date(raw: &str, country: Option<&str>) -> Result<BirthDate, RejectReason> {
    default_normalizer().birth_date(raw, country)
}

/// Normalizes a postal code under `country`'s rules.
///
/// # Errors
/// A [`RejectReason`] when the code cannot be one of the country's codes.
///
/// ```
/// assert_eq!(idgraph::normalize::postal_code("sw1a1aa", Some("GB"))?.as_str(), "SW1A 1AA");
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn postal_code(raw: &str, country: Option<&str>) -> Result<PostalCode, RejectReason> {
    default_normalizer().postal_code(raw, country)
}

/// Normalizes a street address: folded, abbreviations of street types expanded.
///
/// # Errors
/// A [`RejectReason`] when nothing usable is left.
///
/// ```
/// assert_eq!(idgraph::normalize::address("12 Main St.")?.as_str(), "12 main street");
/// # Ok::<(), idgraph::RejectReason>(())
/// ```
pub fn address(raw: &str) -> Result<Address, RejectReason> {
    default_normalizer().address(raw)
}

#[cfg(test)]
mod tests {
    use super::Normalizer;
    use crate::RejectReason;
    use proptest::prelude::*;

    #[test]
    fn a_postal_code_spelling_a_junk_word_once_separators_go_is_a_placeholder() {
        for raw in ["N-O", "n.a", "N/A"] {
            assert_eq!(
                Normalizer::new().postal_code(raw, Some("SE")),
                Err(RejectReason::Placeholder),
                "{raw}"
            );
        }
        assert!(Normalizer::new().postal_code("114 55", Some("SE")).is_ok());
    }

    #[test]
    fn a_name_that_is_a_junk_word_once_its_title_goes_is_a_placeholder() {
        let n = Normalizer::new();
        // "Unknown" in German and Spanish is a junk word of the raw list,
        // not of the (English) list of junk names.
        for raw in [
            "Herr Unbekannt",
            "Sr. Desconocido",
            "Mr Unknown",
            "Ms. Null",
        ] {
            assert_eq!(n.name(raw), Err(RejectReason::Placeholder), "{raw}");
        }
        for raw in ["Mr Test Smith", "Dr. Nadia Null"] {
            assert!(n.name(raw).is_ok(), "{raw}");
        }
    }

    /// Regions the metadata knows, and two it does not.
    const REGIONS: [&str; 12] = [
        "US", "GB", "DE", "FR", "IT", "ES", "BR", "RO", "AU", "NL", "ZZ", "XX",
    ];

    /// National numbers valid in one region or several (`2025550143` is a
    /// US and a German number), and shapes valid in none.
    const NUMBERS: [&str; 9] = [
        "202 555 0143",
        "07412 183976",
        "06 13 61 21 78",
        "030 901820",
        "0412 345 677",
        "11 98765 4321",
        "0723 456 789",
        "+44 7412 183976",
        "0044 7412 183976",
    ];

    proptest! {
        /// A phone outcome rests on no more of the region list than it says:
        /// any other list that agrees there gives the same outcome.
        #[test]
        fn a_phone_outcome_rests_on_the_regions_it_names(
            pick in prop_oneof![
                prop::sample::select(&NUMBERS[..]).prop_map(str::to_string),
                "\\+?[0-9]{6,13}",
            ],
            default in prop::option::of(prop::sample::select(&REGIONS[..10])),
            a in prop::collection::vec(prop::sample::select(&REGIONS[..]), 0..5),
            b in prop::collection::vec(prop::sample::select(&REGIONS[..]), 0..5),
        ) {
            let with = |regions: &[&str]| {
                let n = Normalizer::new().fallback_regions(regions);
                match default {
                    Some(d) => n.default_region(d),
                    None => n,
                }
            };
            let (na, nb) = (with(&a), with(&b));
            let (outcome, used) = na.phone_tracked(&pick, None);
            if na.phone_outcome_carries(&nb, used) {
                prop_assert_eq!(outcome, nb.phone(&pick, None));
            }
            // A record with a country rests on no list at all.
            prop_assert_eq!(na.phone_tracked(&pick, Some("FR")).1, 0);
        }
    }
}
