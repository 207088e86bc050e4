//! Configuration: thresholds, guards, regions. By-value setters, `get_*` readers.

use crate::error::{Error, ErrorKind};
use crate::normalize::{LoyaltyScheme, Placeholders};

/// How the resolver decides. Every setting has a default that needs no tuning;
/// statistics the resolver can estimate from the data (value frequencies, m
/// and u probabilities, the loyalty scheme) are estimated unless set here.
///
/// ```
/// use idgraph::Config;
///
/// let config = Config::new().default_region("GB").match_probability(0.99).max_per_customer(idgraph::normalize::FieldKind::Email, 5);
/// assert_eq!(config.get_match_probability(), 0.99);
/// config.validate()?;
/// # Ok::<(), idgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    pub(crate) match_probability: f64,
    pub(crate) match_threshold: Option<f64>,
    pub(crate) default_region: Option<String>,
    pub(crate) loyalty: Option<LoyaltyScheme>,
    pub(crate) placeholders: Placeholders,
    pub(crate) max_emails: usize,
    pub(crate) max_phones: usize,
    pub(crate) max_loyalty_ids: usize,
    pub(crate) max_device_ids: usize,
    pub(crate) generic_min_people: usize,
    pub(crate) block_cap: usize,
    pub(crate) fuzzy_identifiers: bool,
    pub(crate) reestimate_growth: Option<f64>,
    pub(crate) durability: crate::store::Durability,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            match_probability: 0.9,
            match_threshold: None,
            default_region: None,
            loyalty: None,
            placeholders: Placeholders::default(),
            max_emails: 12,
            max_phones: 12,
            max_loyalty_ids: 3,
            max_device_ids: 12,
            generic_min_people: 3,
            block_cap: 64,
            fuzzy_identifiers: true,
            reestimate_growth: Some(2.0),
            durability: crate::store::Durability::Immediate,
        }
    }
}

impl Config {
    /// The default configuration.
    pub fn new() -> Config {
        Config::default()
    }

    /// The posterior match probability (0 to 1, exclusive) a scored pair needs to be
    /// linked. Default 0.9. Exact matches on identifiers do not need a score.
    pub fn match_probability(mut self, p: f64) -> Config {
        self.match_probability = p;
        self
    }

    /// A fixed match weight threshold in bits (log2 odds), overriding
    /// [`match_probability`](Config::match_probability) and the estimated prior.
    pub fn match_threshold(mut self, bits: f64) -> Config {
        self.match_threshold = Some(bits);
        self
    }

    /// The phone region (ISO 3166 alpha-2) for records without a country. Default:
    /// the regions most common in the data, counting the countries records
    /// declare and the calling codes of numbers written with `+`; where the
    /// data names no region at all, the numbering plans that read the most of
    /// its national numbers.
    pub fn default_region(mut self, region: &str) -> Config {
        self.default_region = Some(region.trim().to_ascii_uppercase());
        self
    }

    /// The loyalty program scheme. Default: inferred from the data (prefix, digit
    /// count, Luhn check digit when nearly all values pass it).
    pub fn loyalty_scheme(mut self, scheme: LoyaltyScheme) -> Config {
        self.loyalty = Some(scheme);
        self
    }

    /// Placeholder values that must never link anyone.
    pub fn placeholders(mut self, placeholders: Placeholders) -> Config {
        self.placeholders = placeholders;
        self
    }

    /// The most distinct values of one identifier kind one customer may hold;
    /// a merge that would exceed it is refused. Defaults: 12 emails, 12 phones,
    /// 3 loyalty IDs, 12 device IDs. Supporting-evidence kinds are ignored.
    pub fn max_per_customer(mut self, kind: crate::normalize::FieldKind, max: usize) -> Config {
        use crate::normalize::FieldKind as K;
        match kind {
            K::Email => self.max_emails = max,
            K::Phone => self.max_phones = max,
            K::LoyaltyId => self.max_loyalty_ids = max,
            K::DeviceId => self.max_device_ids = max,
            _ => {}
        }
        self
    }

    /// How many clearly different people (by name or birth date) must share an
    /// identifier value before it is declared generic and stops linking. Default 3.
    pub fn generic_min_people(mut self, n: usize) -> Config {
        self.generic_min_people = n;
        self
    }

    /// Records sharing one blocking key beyond which the key generates no pairs. Default 64.
    pub fn block_cap(mut self, n: usize) -> Config {
        self.block_cap = n;
        self
    }

    /// Whether identifiers one typo apart are compared. Default true.
    pub fn fuzzy_identifiers(mut self, on: bool) -> Config {
        self.fuzzy_identifiers = on;
        self
    }

    /// When the graph re-estimates its statistics (value frequencies, m and u
    /// probabilities, prior, default region, loyalty scheme) by itself: once it
    /// holds `factor` times the records they were estimated from. Default 2.0,
    /// which keeps the total work of growing a graph linear. `None`: only
    /// [`IdentityGraph::reestimate`](crate::IdentityGraph::reestimate) does.
    /// Between re-estimations every change is resolved with the estimates in
    /// force, exactly as a rebuild with those estimates would resolve it.
    pub fn reestimate_growth(mut self, factor: Option<f64>) -> Config {
        self.reestimate_growth = factor;
        self
    }

    /// How hard a graph opened on disk ([`IdentityGraph::open`](crate::IdentityGraph::open))
    /// waits for the disk before a write returns. Default
    /// [`Durability::Immediate`](crate::Durability::Immediate).
    pub fn durability(mut self, durability: crate::store::Durability) -> Config {
        self.durability = durability;
        self
    }

    /// The match probability in use.
    pub fn get_match_probability(&self) -> f64 {
        self.match_probability
    }

    /// The per-kind limit in use, `None` for supporting-evidence kinds.
    pub fn get_max_per_customer(&self, kind: crate::normalize::FieldKind) -> Option<usize> {
        use crate::normalize::FieldKind as K;
        match kind {
            K::Email => Some(self.max_emails),
            K::Phone => Some(self.max_phones),
            K::LoyaltyId => Some(self.max_loyalty_ids),
            K::DeviceId => Some(self.max_device_ids),
            _ => None,
        }
    }

    /// Checks that every setting is in range.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidConfig`] naming the first setting out of range.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::new(ErrorKind::InvalidConfig, what.to_string()));
        if !(self.match_probability > 0.0 && self.match_probability < 1.0) {
            return bad("match_probability must be between 0 and 1, exclusive");
        }
        if let Some(t) = self.match_threshold {
            if !t.is_finite() {
                return bad("match_threshold must be a finite number of bits");
            }
        }
        if self.generic_min_people < 2 {
            return bad("generic_min_people must be at least 2");
        }
        if let Some(f) = self.reestimate_growth {
            if !(f.is_finite() && f > 1.0) {
                return bad("reestimate_growth must be a finite factor above 1");
            }
        }
        if self.block_cap < 2 {
            return bad("block_cap must be at least 2");
        }
        if [
            self.max_emails,
            self.max_phones,
            self.max_loyalty_ids,
            self.max_device_ids,
        ]
        .contains(&0)
        {
            return bad("max_per_customer must be at least 1");
        }
        if let Some(r) = &self.default_region {
            if r.len() != 2 || !r.bytes().all(|b| b.is_ascii_uppercase()) {
                return bad("default_region must be an ISO 3166 alpha-2 code");
            }
        }
        Ok(())
    }
}
