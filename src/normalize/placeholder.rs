//! Values that many unrelated people type, which must never link anyone.
//!
//! A placeholder that slips through is worse than a missing value: every
//! customer who typed `test@test.com` at the till would become one person.
//! So the rules lean towards refusing; a refused real value only costs one
//! link, and [`Placeholders::without_value`] can exempt it.

use std::sync::LazyLock;

use super::text::fold;
use super::FieldKind;
use crate::util::{self, FxSet};

/// The placeholder rules: built-in value lists, built-in patterns, and a
/// configurable list of your own.
///
/// There are two checks. The **raw check** runs on every value before it is
/// parsed, whatever its kind; the **canonical check** runs on the parsed
/// value of one [`FieldKind`]. Each has *lists* (exact values, which
/// [`Placeholders::empty`] leaves out) and *patterns* (rules in code, which
/// always apply).
///
/// # Raw check (any kind)
///
/// The raw value is folded (trimmed, lower case, accents removed, every run
/// of punctuation or spaces turned into one space), so `N/A`, `n.a.`, `#N/A`
/// and `  na ` read the same.
/// * List: `n a`, `na`, `null`, `none`, `nil`, `unknown`, `undefined`, `test`,
///   `asdf`, `0`, `not given`, `no`, `nope`, `no email`, `sin email`, `kein`,
///   `aucun`, `nessuno` and about fifty more words in English, Spanish,
///   Portuguese, German, French and Italian (see the source).
/// * Pattern: no letter or digit at all (`-`, `--`, `?`, `.`, `***`).
/// * Pattern: only the letter `x` besides punctuation (`x`, `XX`, `x-x-x`).
///
/// # Canonical check, by kind
///
/// * **Email** (canonical, lower case). List: `test@test.com`,
///   `email@email.com`, `none@none.com`, `no@email.com`, `noemail@example.com`
///   and similar. Patterns:
///   - any address at a reserved domain: `example.com`, `example.org`,
///     `example.net` and their subdomains, and any domain under the reserved
///     top-level names `.example`, `.invalid`, `.test`, `.localhost`;
///   - a placeholder local part at *any* domain, compared with `.`, `-` and
///     `_` removed: `noemail`, `no-email`, `noreply`, `donotreply`, `none`,
///     `null`, `test`, `na`, `unknown`, `nomail`, `sinemail`, `sememail`,
///     `nobody`, … (`noemail@gmail.com` is typed by thousands of people);
///   - at a filler domain (`test.com`, `email.com`, `mail.com`, `none.com`,
///     `noemail.com`, `abc.com`, `a.com`, `domain.com`, …) also the weaker
///     words `email`, `mail`, `a`, `abc`, `no`, `me`, `name`, `user`,
///     `customer`, `info`, …;
///   - a *mirror* address, whose local part is the domain's name under
///     `.com`, `.net` or `.org`: `abc@abc.com`, `a@a.com`, `email@email.com`.
///     This also refuses a vanity address like `mike@mike.com`; that costs
///     one link, while mirrors typed as filler would merge strangers.
/// * **Phone** (E.164). The country code is not parsed: the patterns look at
///   the last 7 digits, which are national digits for every country code.
///   Refused when those 7 digits are one repeated digit (`…0000000`,
///   `…9999999`) or a run ascending or descending by one, wrapping `9`→`0`
///   (`…1234567`, `…4567890`, `…9876543`), so `+11234567890`,
///   `+4915100000000` and `+33698765432` are placeholders.
/// * **Loyalty ID** (canonical digits). Patterns: all zeros (`0`,
///   `00000000`); one repeated digit, 4 digits or more (`11111111`); the whole
///   value is an ascending or descending run of 6 digits or more
///   (`12345678`, `0123456789`, `87654321`). `00012345` is not a run: low
///   numbers of old members stay valid.
/// * **Device ID**. Pattern: dashes aside, one repeated hex digit (all zeros
///   included). The device parser already refuses these; the rule is here so
///   that configured pipelines agree.
/// * **Name** (folded tokens joined by a space). List: `test`, `test test`,
///   `unknown`, `n a`, `na`, `n n`, `none`, `customer`, `guest`, `cliente`,
///   `client`, `kunde`, `mr`, `mrs`, `xxx`, `asdf`, `no name`, …. Patterns:
///   every token is a junk word (`test`, `guest`, `customer`, `unknown`,
///   `mr`, `mrs`, `x`, …), so `mr test` and `guest guest` are refused while
///   `christopher guest` is kept; every token is one letter repeated three
///   times or more (`aaa`, `zzz xxxx`). Plausible real names such as
///   `john doe` are *not* placeholders.
/// * **Postal code**. List: `12345`, `123456`. Patterns, spaces and dashes
///   aside: all zeros, 3 digits or more (`00000`, `0000`, `00000-0000`); all
///   nines, 4 digits or more (`99999`). Other repeated digits are real codes
///   (US `44444`, `55555`).
/// * **Address** (folded). List: `unknown`, `n a`, `none`, `no address`,
///   `not given`, `same as above`, `no fixed abode`, `general delivery`, ….
///   Pattern: no digit and every token a junk word (`unknown`, `none`, `no`,
///   `address`, `not`, `given`, `sin`, `direccion`, `sem`, `endereco`,
///   `unbekannt`, …), so `no address given` and `sem endereco` are refused.
/// * **Birth date** (`YYYY-MM-DD`). List: system defaults `1900-01-01`,
///   `1901-01-01`, `1899-12-30`, `1899-12-31`, `1800-01-01`, `0001-01-01`,
///   `9999-12-31`. `1970-01-01` is a real birthday and is kept.
///
/// # Configuration
///
/// [`with_value`](Placeholders::with_value) adds an exact canonical value;
/// [`without_value`](Placeholders::without_value) exempts one, which wins over
/// every list and pattern. Configured values are compared trimmed and
/// ignoring ASCII case.
///
/// ```
/// use idgraph::normalize::{FieldKind, Normalizer, Placeholders};
/// use idgraph::RejectReason;
///
/// // A sequential member number is a built-in placeholder pattern...
/// assert_eq!(Normalizer::new().loyalty_id("1234-5678"), Err(RejectReason::Placeholder));
///
/// // ...unless the program really issued it; and a store's own filler can be added.
/// let p = Placeholders::default()
///     .without_value(FieldKind::LoyaltyId, "12345678")
///     .with_value(FieldKind::LoyaltyId, "42");
/// let n = Normalizer::new().placeholders(p);
/// assert_eq!(n.loyalty_id("1234-5678")?.as_str(), "12345678");
/// assert_eq!(n.loyalty_id("LY-0042"), Err(RejectReason::Placeholder));
/// # Ok::<(), RejectReason>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholders {
    values: Vec<(FieldKind, String)>,
    /// Exempted values; they win over everything else.
    removed: Vec<(FieldKind, String)>,
    /// Whether the built-in exact-value lists apply (patterns always do).
    builtin_lists: bool,
}

impl Default for Placeholders {
    /// The built-in lists and patterns, with nothing added or exempted.
    fn default() -> Self {
        Placeholders {
            values: Vec::new(),
            removed: Vec::new(),
            builtin_lists: true,
        }
    }
}

impl Placeholders {
    /// No value lists at all, built-in or configured: only the built-in
    /// patterns (raw values without letters or digits, repeated and
    /// sequential digits, reserved email domains and placeholder local parts,
    /// mirror addresses, junk-word names and addresses, all-zero postal
    /// codes). Add your own list with [`with_value`](Placeholders::with_value).
    ///
    /// For a program whose data was already cleaned, or whose built-in list
    /// clashes with real values.
    pub fn empty() -> Placeholders {
        Placeholders {
            values: Vec::new(),
            removed: Vec::new(),
            builtin_lists: false,
        }
    }

    /// Adds one canonical value of `kind` to the list. Undoes an earlier
    /// [`without_value`](Placeholders::without_value) of the same value.
    /// A blank value is ignored.
    pub fn with_value(mut self, kind: FieldKind, canonical: &str) -> Placeholders {
        let canonical = canonical.trim();
        if canonical.is_empty() {
            return self;
        }
        self.removed
            .retain(|(k, v)| !(*k == kind && v.eq_ignore_ascii_case(canonical)));
        if !contains(&self.values, kind, canonical) {
            self.values.push((kind, canonical.to_string()));
        }
        self
    }

    /// Exempts one canonical value of `kind`: it is never a placeholder, even
    /// when a built-in list or pattern matches it (a real member number
    /// `12345678`, a real vanity address `mike@mike.com`). Also removes it
    /// from the values added with [`with_value`](Placeholders::with_value).
    ///
    /// The raw check runs before the kind is known, so exempting a value
    /// that is also a built-in raw word (`na`, the Korean family name Na)
    /// lifts that raw word for every kind.
    pub fn without_value(mut self, kind: FieldKind, canonical: &str) -> Placeholders {
        let canonical = canonical.trim();
        if canonical.is_empty() {
            return self;
        }
        self.values
            .retain(|(k, v)| !(*k == kind && v.eq_ignore_ascii_case(canonical)));
        if !contains(&self.removed, kind, canonical) {
            self.removed.push((kind, canonical.to_string()));
        }
        self
    }

    /// Whether a raw value, before any parsing, is a placeholder for any kind (`N/A`, `null`).
    pub(crate) fn is_placeholder_raw(&self, raw: &str) -> bool {
        let raw = raw.trim();
        if raw.is_empty() {
            // Blank is `Empty`, not a placeholder; the caller reports it.
            return false;
        }
        if !raw.chars().any(char::is_alphanumeric) {
            return true;
        }
        if raw
            .chars()
            .all(|c| matches!(c, 'x' | 'X') || !c.is_alphanumeric())
        {
            return true;
        }
        if !self.builtin_lists {
            return false;
        }
        let mut buf = [0u8; RAW_FOLD_CAP];
        let owned;
        let folded = if raw.is_ascii() {
            match fold_ascii(raw, &mut buf) {
                Some(f) => f,
                None => return false,
            }
        } else if raw.len() <= 4 * RAW_FOLD_CAP {
            owned = fold(raw);
            owned.as_str()
        } else {
            return false;
        };
        RAW.contains(folded)
            && !self
                .removed
                .iter()
                .any(|(_, v)| v.eq_ignore_ascii_case(folded))
    }

    /// Whether a canonical value of `kind` is a placeholder.
    pub(crate) fn is_placeholder(&self, kind: FieldKind, canonical: &str) -> bool {
        let canonical = canonical.trim();
        if canonical.is_empty() || contains(&self.removed, kind, canonical) {
            return false;
        }
        if contains(&self.values, kind, canonical) {
            return true;
        }
        if self.builtin_lists
            && builtin_list(kind).is_some_and(|list| list.contains_ignore_ascii_case(canonical))
        {
            return true;
        }
        match kind {
            FieldKind::Email => email_pattern(canonical),
            FieldKind::Phone => phone_pattern(canonical),
            FieldKind::LoyaltyId => loyalty_pattern(canonical),
            FieldKind::DeviceId => device_pattern(canonical),
            FieldKind::Name => name_pattern(canonical),
            FieldKind::PostalCode => postal_pattern(canonical),
            FieldKind::Address => address_pattern(canonical),
            FieldKind::BirthDate | FieldKind::Timestamp => false,
        }
    }
}

fn contains(list: &[(FieldKind, String)], kind: FieldKind, canonical: &str) -> bool {
    list.iter()
        .any(|(k, v)| *k == kind && v.eq_ignore_ascii_case(canonical))
}

/// Longest folded raw value worth comparing; every raw word is shorter.
const RAW_FOLD_CAP: usize = 32;

/// Folds plain ASCII the way [`fold`] does, into a stack buffer, because the
/// raw check runs on every value and most are ASCII. `None` when the folded
/// form would not fit, i.e. cannot be a raw word.
fn fold_ascii<'b>(raw: &str, buf: &'b mut [u8; RAW_FOLD_CAP]) -> Option<&'b str> {
    let mut len = 0usize;
    let mut pending_space = false;
    for b in raw.bytes() {
        if !b.is_ascii_alphanumeric() {
            pending_space = true;
            continue;
        }
        if pending_space && len > 0 {
            *buf.get_mut(len)? = b' ';
            len += 1;
        }
        pending_space = false;
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Raw values (folded) that mean "no value" in the languages of our markets.
#[rustfmt::skip]
const RAW_WORDS: &[&str] = &[
    // English
    "n a", "na", "n d", "null", "none", "nil", "nul", "unknown", "unkown", "unknow", "undefined",
    "undef", "empty", "blank", "missing", "test", "testing", "asdf", "asdfgh", "qwerty", "0",
    "not given", "not provided", "not available", "not applicable", "not known", "no", "nope",
    "none given", "nothing", "no email", "noemail", "no mail", "no phone", "no number",
    "no address", "refused", "declined", "prefer not to say", "dummy", "fake", "example", "sample",
    "tbd", "tba", "n n",
    // Spanish, Portuguese
    "sin email", "sin correo", "sin telefono", "sin dato", "sin datos", "ninguno", "ninguna",
    "no tiene", "desconocido", "sem email", "sem telefone", "nenhum", "nenhuma", "nao informado",
    "nao tem",
    // German
    "kein", "keine", "keine angabe", "unbekannt",
    // French
    "aucun", "aucune", "inconnu", "non renseigne", "neant",
    // Italian
    "nessuno", "nessuna", "sconosciuto", "non disponibile",
];

fn builtin_list(kind: FieldKind) -> Option<&'static WordSet> {
    static EMAIL: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(EMAIL_LIST));
    static NAME: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NAME_LIST));
    static POSTAL: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(POSTAL_LIST));
    static ADDRESS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ADDRESS_LIST));
    static BIRTH_DATE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BIRTH_DATE_LIST));
    match kind {
        FieldKind::Email => Some(&EMAIL),
        FieldKind::Name => Some(&NAME),
        FieldKind::PostalCode => Some(&POSTAL),
        FieldKind::Address => Some(&ADDRESS),
        FieldKind::BirthDate => Some(&BIRTH_DATE),
        FieldKind::Phone | FieldKind::LoyaltyId | FieldKind::DeviceId | FieldKind::Timestamp => {
            None
        }
    }
}

/// A fixed word list looked up by hash. Every value of every record goes
/// through several lists, and a scan of one compares dozens of strings.
/// Words are lower case (a test checks every list).
struct WordSet {
    words: FxSet<&'static str>,
    /// Bytes of the longest word: nothing longer is looked up.
    longest: usize,
}

/// Longest word a [`WordSet`] holds; [`WordSet::contains_ignore_ascii_case`]
/// lower-cases into a buffer this long.
const WORD_CAP: usize = 48;

impl WordSet {
    fn new(list: &[&'static str]) -> WordSet {
        let mut words = util::set();
        words.extend(list.iter().copied());
        let longest = list.iter().map(|w| w.len()).max().unwrap_or(0);
        WordSet { words, longest }
    }

    /// Whether `s`, already lower case, is a word of the list.
    fn contains(&self, s: &str) -> bool {
        s.len() <= self.longest && self.words.contains(s)
    }

    /// Whether `s` is a word of the list, ASCII case ignored (as
    /// `eq_ignore_ascii_case` with each word would say).
    fn contains_ignore_ascii_case(&self, s: &str) -> bool {
        if s.len() > self.longest.min(WORD_CAP) {
            return false;
        }
        let mut buf = [0u8; WORD_CAP];
        let Some(lower) = buf.get_mut(..s.len()) else {
            return false;
        };
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps UTF-8 valid.
        std::str::from_utf8(lower).is_ok_and(|l| self.words.contains(l))
    }
}

static RAW: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(RAW_WORDS));
static JUNK_LOCAL: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(JUNK_LOCALS));
static WEAK_LOCAL: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WEAK_LOCALS));
static NAME_JUNK: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NAME_JUNK_TOKENS));
static ADDRESS_JUNK: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ADDRESS_JUNK_TOKENS));

#[rustfmt::skip]
const EMAIL_LIST: &[&str] = &[
    "test@test.com", "email@email.com", "none@none.com", "no@email.com", "noemail@noemail.com",
    "noemail@example.com", "a@a.com", "abc@abc.com", "example@example.com", "nobody@nowhere.com",
    "no@no.com", "na@na.com", "x@x.com", "asdf@asdf.com",
];

/// Local parts (with `.`, `-`, `_` removed) that are filler at any domain.
#[rustfmt::skip]
const JUNK_LOCALS: &[&str] = &[
    "noemail", "nomail", "noemailaddress", "noemailgiven", "noemailprovided", "noreply",
    "donotreply", "dontreply", "donotemail", "noaddress", "none", "null", "nil", "test", "testing",
    "tester", "na", "unknown", "sinemail", "sincorreo", "sememail", "keineemail", "keinemail",
    "pasdemail", "nobody", "noone", "notgiven", "notprovided", "notavailable", "invalid", "fake",
    "dummy", "asdf", "qwerty", "refused", "declined", "noname", "undefined", "nothing", "xxx",
];

/// Local parts that are filler only at a filler domain (`email@email.com`).
#[rustfmt::skip]
const WEAK_LOCALS: &[&str] = &[
    "email", "mail", "e", "a", "b", "x", "xx", "abc", "no", "me", "you", "name", "user",
    "customer", "client", "info", "address", "myemail", "youremail", "yourname", "someone",
    "somebody", "anyone", "example", "sample",
];

/// Domains people type when they have to type some domain.
#[rustfmt::skip]
const JUNK_DOMAINS: &[&str] = &[
    "test.com", "email.com", "mail.com", "none.com", "noemail.com", "nomail.com", "null.com",
    "fake.com", "asdf.com", "abc.com", "a.com", "x.com", "na.com", "no.com", "unknown.com",
    "invalid.com", "nowhere.com", "domain.com", "yourdomain.com", "mydomain.com", "company.com",
    "noreply.com", "donotreply.com",
];

/// Longest local part (separators removed) worth comparing with the word lists.
const LOCAL_CAP: usize = 24;

fn email_pattern(c: &str) -> bool {
    let Some((local, domain)) = c.rsplit_once('@') else {
        return false;
    };
    if local.is_empty() || domain.is_empty() {
        return false;
    }
    if reserved_domain(domain) || mirror_address(local, domain) {
        return true;
    }
    let mut buf = [0u8; LOCAL_CAP];
    let Some(word) = strip_local(local, &mut buf) else {
        return false;
    };
    JUNK_LOCAL.contains(word)
        || (WEAK_LOCAL.contains(word)
            && JUNK_DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(domain)))
}

/// RFC 2606 / RFC 6761 names that can never hold a real mailbox.
fn reserved_domain(domain: &str) -> bool {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let tld = domain.rsplit('.').next().unwrap_or(domain);
    if ["example", "invalid", "test", "localhost"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(tld))
    {
        return true;
    }
    ["example.com", "example.org", "example.net"]
        .iter()
        .any(|r| domain.eq_ignore_ascii_case(r) || ends_with_label_ignore_case(domain, r))
}

/// Whether `domain` is a subdomain of `parent` (`mail.example.com` of `example.com`).
fn ends_with_label_ignore_case(domain: &str, parent: &str) -> bool {
    let Some(cut) = domain.len().checked_sub(parent.len() + 1) else {
        return false;
    };
    match (domain.get(cut..cut + 1), domain.get(cut + 1..)) {
        (Some("."), Some(tail)) => tail.eq_ignore_ascii_case(parent),
        _ => false,
    }
}

/// `abc@abc.com`: the local part repeats the domain's name under a generic TLD.
fn mirror_address(local: &str, domain: &str) -> bool {
    let Some((name, tld)) = domain.split_once('.') else {
        return false;
    };
    ["com", "net", "org"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(tld))
        && local.eq_ignore_ascii_case(name)
}

/// The local part lower-cased with `.`, `-`, `_` removed, in `buf`; `None`
/// when non-ASCII or too long to be a listed word.
fn strip_local<'b>(local: &str, buf: &'b mut [u8; LOCAL_CAP]) -> Option<&'b str> {
    let mut len = 0usize;
    for b in local.bytes() {
        if matches!(b, b'.' | b'-' | b'_') {
            continue;
        }
        if !b.is_ascii() {
            return None;
        }
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Whether every byte is the same (ASCII case ignored); false when empty.
fn one_repeated(bytes: &[u8]) -> bool {
    match bytes.split_first() {
        Some((first, rest)) => rest.iter().all(|b| b.eq_ignore_ascii_case(first)),
        None => false,
    }
}

/// Whether ASCII digits step by +1 throughout, or by -1 throughout, modulo 10
/// (`7890123`, `9876543210`). Needs at least two digits.
fn digit_run(digits: &[u8]) -> bool {
    if digits.len() < 2 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let step = |d: i32| {
        digits.windows(2).all(|w| match w {
            [a, b] => (i32::from(*b) - i32::from(*a) - d).rem_euclid(10) == 0,
            _ => false,
        })
    };
    step(1) || step(-1)
}

pub(super) fn phone_pattern(c: &str) -> bool {
    const TAIL: usize = 7;
    let mut tail = [0u8; TAIL];
    let mut n = 0usize;
    for b in c.bytes().rev().filter(u8::is_ascii_digit).take(TAIL) {
        n += 1;
        if let Some(slot) = tail.get_mut(TAIL - n) {
            *slot = b;
        }
    }
    n == TAIL && (one_repeated(&tail) || digit_run(&tail))
}

fn loyalty_pattern(c: &str) -> bool {
    let b = c.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    b.iter().all(|&d| d == b'0')
        || (b.len() >= 4 && one_repeated(b))
        || (b.len() >= 6 && digit_run(b))
}

fn device_pattern(c: &str) -> bool {
    let mut hex = c.bytes().filter(|&b| b != b'-');
    let Some(first) = hex.next() else {
        return false;
    };
    first.is_ascii_hexdigit() && hex.all(|b| b.eq_ignore_ascii_case(&first))
}

#[rustfmt::skip]
const NAME_LIST: &[&str] = &[
    "test", "test test", "unknown", "n a", "na", "n n", "nn", "none", "null", "customer", "guest",
    "cliente", "client", "kunde", "mr", "mrs", "xxx", "asdf", "no name", "noname", "name",
    "full name", "first last", "first name last name", "firstname lastname", "anonymous",
];

/// Name tokens that are never a person's name on their own or together.
#[rustfmt::skip]
const NAME_JUNK_TOKENS: &[&str] = &[
    "test", "tester", "testing", "unknown", "none", "null", "undefined", "customer", "guest",
    "cliente", "client", "kunde", "gast", "invitado", "convidado", "user", "usuario", "anonymous",
    "anonym", "anonimo", "anonyme", "noname", "mr", "mrs", "ms", "miss", "mx", "dr", "x", "xx",
    "xxx", "asdf", "qwerty", "dummy", "fake", "sample",
];

fn name_pattern(c: &str) -> bool {
    all_tokens(c, |t| NAME_JUNK.contains(t))
        || all_tokens(c, |t| t.chars().count() >= 3 && one_repeated(t.as_bytes()))
}

/// Whether `c` has at least one space-separated token and `f` holds for all.
fn all_tokens(c: &str, f: impl Fn(&str) -> bool) -> bool {
    let mut tokens = c.split(' ').filter(|t| !t.is_empty()).peekable();
    tokens.peek().is_some() && tokens.all(f)
}

#[rustfmt::skip]
const ADDRESS_LIST: &[&str] = &[
    "unknown", "n a", "na", "none", "no address", "not given", "not provided", "not available",
    "null", "test", "same", "same as above", "no fixed abode", "no fixed address", "nfa",
    "general delivery", "homeless", "address", "tbd", "xxx", "asdf",
];

/// Address words that, all together and without a house number, say "no address".
#[rustfmt::skip]
const ADDRESS_JUNK_TOKENS: &[&str] = &[
    "unknown", "none", "null", "nil", "na", "n", "a", "no", "not", "given", "provided",
    "available", "applicable", "address", "test", "testing", "same", "as", "above", "x", "xx",
    "xxx", "asdf", "tbd", "tba", "refused", "declined", "unbekannt", "keine", "adresse", "sin",
    "direccion", "desconocido", "desconocida", "inconnu", "inconnue", "aucune", "sconosciuto",
    "nessuno", "indirizzo", "sem", "endereco", "nao", "informado",
];

fn address_pattern(c: &str) -> bool {
    !c.bytes().any(|b| b.is_ascii_digit()) && all_tokens(c, |t| ADDRESS_JUNK.contains(t))
}

const POSTAL_LIST: &[&str] = &["12345", "123456"];

fn postal_pattern(c: &str) -> bool {
    let mut zeros = 0usize;
    let mut nines = 0usize;
    for b in c.bytes().filter(|b| !matches!(b, b' ' | b'-')) {
        match b {
            b'0' => zeros += 1,
            b'9' => nines += 1,
            _ => return false,
        }
    }
    (nines == 0 && zeros >= 3) || (zeros == 0 && nines >= 4)
}

#[rustfmt::skip]
const BIRTH_DATE_LIST: &[&str] = &[
    "1900-01-01", "1901-01-01", "1899-12-30", "1899-12-31", "1800-01-01", "0001-01-01",
    "9999-12-31",
];

#[cfg(test)]
mod tests {
    use super::*;
    use FieldKind::*;

    fn run(p: &Placeholders, rows: &[(FieldKind, &str, bool)]) {
        for (kind, canonical, want) in rows {
            assert_eq!(
                p.is_placeholder(*kind, canonical),
                *want,
                "{kind} {canonical:?}"
            );
        }
    }

    fn run_raw(p: &Placeholders, rows: &[(&str, bool)]) {
        for (raw, want) in rows {
            assert_eq!(p.is_placeholder_raw(raw), *want, "raw {raw:?}");
        }
    }

    #[test]
    fn word_sets_hold_their_lists_in_lower_case() {
        let lists: [&[&str]; 11] = [
            RAW_WORDS,
            EMAIL_LIST,
            JUNK_LOCALS,
            WEAK_LOCALS,
            JUNK_DOMAINS,
            NAME_LIST,
            NAME_JUNK_TOKENS,
            ADDRESS_LIST,
            ADDRESS_JUNK_TOKENS,
            POSTAL_LIST,
            BIRTH_DATE_LIST,
        ];
        for list in lists {
            let set = WordSet::new(list);
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w:?} is not lower case");
                assert!(w.len() <= WORD_CAP, "{w:?} is longer than WORD_CAP");
                assert!(set.contains(w));
                assert!(set.contains_ignore_ascii_case(&w.to_ascii_uppercase()));
                // One more or one less character is another word.
                let longer = format!("{w}s");
                assert_eq!(set.contains(&longer), list.contains(&longer.as_str()));
            }
        }
        let set = WordSet::new(EMAIL_LIST);
        assert!(set.contains_ignore_ascii_case("Test@Test.COM"));
        assert!(!set.contains_ignore_ascii_case("test@test.co"));
        assert!(!set.contains_ignore_ascii_case(&"a".repeat(600)));
        assert!(!set.contains_ignore_ascii_case("tést@test.com"));
    }

    #[test]
    fn placeholder_raw_builtin_words() {
        let words = [
            "n/a",
            "N/A",
            "na",
            "NA",
            "null",
            "NULL",
            "none",
            "nil",
            "unknown",
            "undefined",
            "test",
            "asdf",
            "0",
            "not given",
            "no",
            "nope",
            "sin email",
            "kein",
            "aucun",
            "nessuno",
            "#N/A",
            "(null)",
            "<none>",
            " n.a. ",
            "Not-Given",
            "Keine Angabe",
            "nao informado",
        ];
        let rows: Vec<(&str, bool)> = words.iter().map(|w| (*w, true)).collect();
        run_raw(&Placeholders::default(), &rows);
    }

    #[test]
    fn placeholder_raw_non_ascii_words_are_folded() {
        run_raw(
            &Placeholders::default(),
            &[
                ("Não informado", true),
                ("NÉANT", true),
                ("ＮＵＬＬ", true),
                ("sin teléfono", true),
                ("Núñez", false),
            ],
        );
    }

    #[test]
    fn placeholder_raw_punctuation_only_pattern() {
        run_raw(
            &Placeholders::default(),
            &[
                ("-", true),
                ("--", true),
                ("?", true),
                (".", true),
                ("***", true),
                (" - ", true),
                ("—", true),
            ],
        );
    }

    #[test]
    fn placeholder_raw_only_x_pattern() {
        run_raw(
            &Placeholders::default(),
            &[
                ("x", true),
                ("xx", true),
                ("XXX", true),
                ("x-x-x", true),
                ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", true),
                ("Xavier", false),
            ],
        );
    }

    #[test]
    fn placeholder_raw_real_values_pass() {
        run_raw(
            &Placeholders::default(),
            &[
                ("jane@example.org", false),
                ("+1 415 555 0132", false),
                ("Nan Smith", false),
                ("None Such Street 4", false),
                ("00", false),
                ("LY-0042-1337", false),
                ("  ", false),
                ("", false),
                (&"a".repeat(600), false),
                (&"ü".repeat(300), false),
            ],
        );
    }

    #[test]
    fn placeholder_raw_empty_keeps_patterns_only() {
        run_raw(
            &Placeholders::empty(),
            &[
                ("n/a", false),
                ("null", false),
                ("0", false),
                ("--", true),
                ("xxx", true),
            ],
        );
    }

    #[test]
    fn placeholder_raw_exempted_word() {
        let p = Placeholders::default().without_value(Name, "Na");
        run_raw(&p, &[("Na", false), ("n/a", true), ("null", true)]);
    }

    #[test]
    fn placeholder_email_builtin_list() {
        run(
            &Placeholders::default(),
            &[
                (Email, "test@test.com", true),
                (Email, "email@email.com", true),
                (Email, "none@none.com", true),
                (Email, "no@email.com", true),
                (Email, "noemail@noemail.com", true),
                (Email, "noemail@example.com", true),
                (Email, "a@a.com", true),
                (Email, "abc@abc.com", true),
                (Email, "example@example.com", true),
                (Email, "nobody@nowhere.com", true),
            ],
        );
    }

    #[test]
    fn placeholder_email_junk_local_at_any_domain() {
        run(
            &Placeholders::empty(),
            &[
                (Email, "noemail@gmail.com", true),
                (Email, "no-email@yahoo.com", true),
                (Email, "no.email@outlook.com", true),
                (Email, "no_reply@shop.de", true),
                (Email, "donotreply@x.org", true),
                (Email, "none@t-online.de", true),
                (Email, "null@gmail.com", true),
                (Email, "test@hotmail.com", true),
                (Email, "na@gmail.com", true),
                (Email, "unknown@icloud.com", true),
                (Email, "sinemail@hotmail.es", true),
                (Email, "sem.email@uol.com.br", true),
                (Email, "nobody@aol.com", true),
                (Email, "NoEmail@Gmail.com", true),
            ],
        );
    }

    #[test]
    fn placeholder_email_reserved_domains() {
        run(
            &Placeholders::empty(),
            &[
                (Email, "jane.doe@example.com", true),
                (Email, "jane@example.org", true),
                (Email, "jane@example.net", true),
                (Email, "jane@mail.example.com", true),
                (Email, "jane@shop.test", true),
                (Email, "jane@foo.invalid", true),
                (Email, "jane@localhost", true),
                (Email, "jane@something.example", true),
                (Email, "jane@notexample.com", false),
                (Email, "jane@example.com.br", false),
            ],
        );
    }

    #[test]
    fn placeholder_email_weak_local_only_at_filler_domains() {
        run(
            &Placeholders::empty(),
            &[
                (Email, "email@test.com", true),
                (Email, "no@email.com", true),
                (Email, "customer@mail.com", true),
                (Email, "me@domain.com", true),
                (Email, "info@noemail.com", true),
                (Email, "email@gmail.com", false),
                (Email, "me@outlook.com", false),
                (Email, "maria@mail.com", false),
                (Email, "jane@test.com", false),
            ],
        );
    }

    #[test]
    fn placeholder_email_mirror_addresses() {
        run(
            &Placeholders::empty(),
            &[
                (Email, "abc@abc.com", true),
                (Email, "qwe@qwe.net", true),
                (Email, "mike@mike.org", true),
                (Email, "gmail@gmail.com", true),
                (Email, "maria@maria.com.br", false),
                (Email, "mike@mikes.com", false),
                (Email, "janedoe@gmail.com", false),
            ],
        );
    }

    #[test]
    fn placeholder_email_malformed_is_not_a_pattern() {
        run(
            &Placeholders::empty(),
            &[
                (Email, "noemail", false),
                (Email, "@example.com", false),
                (Email, "test@", false),
                (Email, "", false),
            ],
        );
    }

    #[test]
    fn placeholder_phone_repeated_digits() {
        run(
            &Placeholders::default(),
            &[
                (Phone, "+10000000000", true),
                (Phone, "+14150000000", true),
                (Phone, "+19999999999", true),
                (Phone, "+4915100000000", true),
                (Phone, "+33655555555", true),
                (Phone, "+14155550132", false),
                (Phone, "+4917801385180", false),
            ],
        );
    }

    #[test]
    fn placeholder_phone_sequences() {
        run(
            &Placeholders::default(),
            &[
                (Phone, "+11234567890", true),
                (Phone, "+10123456789", true),
                (Phone, "+1123456789", true),
                (Phone, "+19876543210", true),
                (Phone, "+447123456789", true),
                (Phone, "+33698765432", true),
                (Phone, "+5527992929586", false),
                (Phone, "+13102280539", false),
            ],
        );
    }

    #[test]
    fn placeholder_phone_too_short_is_not_a_pattern() {
        run(
            &Placeholders::default(),
            &[
                (Phone, "+123456", false),
                (Phone, "+000000", false),
                (Phone, "+", false),
            ],
        );
    }

    #[test]
    fn placeholder_loyalty_patterns() {
        run(
            &Placeholders::empty(),
            &[
                (LoyaltyId, "0", true),
                (LoyaltyId, "00000000", true),
                (LoyaltyId, "11111111", true),
                (LoyaltyId, "9999", true),
                (LoyaltyId, "12345678", true),
                (LoyaltyId, "0123456789", true),
                (LoyaltyId, "123456", true),
                (LoyaltyId, "87654321", true),
                (LoyaltyId, "00012345", false),
                (LoyaltyId, "12345", false),
                (LoyaltyId, "777", false),
                (LoyaltyId, "22407977", false),
                (LoyaltyId, "01693860", false),
            ],
        );
    }

    #[test]
    fn placeholder_device_patterns() {
        run(
            &Placeholders::empty(),
            &[
                (DeviceId, "00000000-0000-0000-0000-000000000000", true),
                (DeviceId, "ffffffff-ffff-ffff-ffff-ffffffffffff", true),
                (DeviceId, "aaaaaaaaaaaaaaaa", true),
                (DeviceId, "6d92078a-8246-4ba4-ae5b-76104861e7dc", false),
                (DeviceId, "855d516cb6943871", false),
                (DeviceId, "----", false),
            ],
        );
    }

    #[test]
    fn placeholder_name_list() {
        run(
            &Placeholders::default(),
            &[
                (Name, "test", true),
                (Name, "test test", true),
                (Name, "unknown", true),
                (Name, "n a", true),
                (Name, "na", true),
                (Name, "none", true),
                (Name, "customer", true),
                (Name, "guest", true),
                (Name, "cliente", true),
                (Name, "kunde", true),
                (Name, "mrs", true),
                (Name, "no name", true),
                (Name, "john doe", false),
                (Name, "jane doe", false),
                (Name, "christopher guest", false),
            ],
        );
    }

    #[test]
    fn placeholder_name_patterns() {
        run(
            &Placeholders::empty(),
            &[
                (Name, "mr test", true),
                (Name, "guest guest", true),
                (Name, "test user", true),
                (Name, "xxx xxx", true),
                (Name, "aaa", true),
                (Name, "zzz xxxx", true),
                (Name, "n a", false),
                (Name, "aa", false),
                (Name, "anna", false),
                (Name, "mr smith", false),
                (Name, "malcolm x", false),
            ],
        );
    }

    #[test]
    fn placeholder_postal_codes() {
        run(
            &Placeholders::default(),
            &[
                (PostalCode, "00000", true),
                (PostalCode, "0000", true),
                (PostalCode, "000", true),
                (PostalCode, "00000-0000", true),
                (PostalCode, "99999", true),
                (PostalCode, "9999", true),
                (PostalCode, "12345", true),
                (PostalCode, "999", false),
                (PostalCode, "44444", false),
                (PostalCode, "55555", false),
                (PostalCode, "90210", false),
                (PostalCode, "SW1A 1AA", false),
                (PostalCode, "00", false),
            ],
        );
    }

    #[test]
    fn placeholder_addresses() {
        run(
            &Placeholders::default(),
            &[
                (Address, "unknown", true),
                (Address, "n a", true),
                (Address, "none", true),
                (Address, "no address", true),
                (Address, "same as above", true),
                (Address, "no fixed abode", true),
                (Address, "no address given", true),
                (Address, "sem endereco", true),
                (Address, "12 main street", false),
                (Address, "no 5 high street", false),
                (Address, "rua sem nome", false),
            ],
        );
    }

    #[test]
    fn placeholder_birth_dates() {
        run(
            &Placeholders::default(),
            &[
                (BirthDate, "1900-01-01", true),
                (BirthDate, "9999-12-31", true),
                (BirthDate, "1970-01-01", false),
                (BirthDate, "1990-04-12", false),
            ],
        );
    }

    #[test]
    fn placeholder_configured_value() {
        let p = Placeholders::default()
            .with_value(Email, "info@mystore.com")
            .with_value(Phone, " +18005550100 ")
            .with_value(LoyaltyId, "00421337");
        run(
            &p,
            &[
                (Email, "info@mystore.com", true),
                (Email, "INFO@MyStore.com", true),
                (Phone, "+18005550100", true),
                (LoyaltyId, "00421337", true),
                // A configured value belongs to its kind only.
                (Phone, "info@mystore.com", false),
                (Name, "00421337", false),
                (Email, "sales@mystore.com", false),
            ],
        );
    }

    #[test]
    fn placeholder_removed_builtin() {
        let p = Placeholders::default()
            .without_value(Email, "test@test.com")
            .without_value(LoyaltyId, "12345678")
            .without_value(Name, "guest")
            .without_value(PostalCode, "12345");
        run(
            &p,
            &[
                // The exemption wins over the list and over the patterns.
                (Email, "test@test.com", false),
                (LoyaltyId, "12345678", false),
                (Name, "guest", false),
                (PostalCode, "12345", false),
                // Everything else still applies.
                (Email, "email@email.com", true),
                (LoyaltyId, "87654321", true),
                (Name, "customer", true),
                (PostalCode, "00000", true),
                // An exemption belongs to its kind only.
                (Address, "test", true),
            ],
        );
    }

    #[test]
    fn placeholder_with_and_without_undo_each_other() {
        let p = Placeholders::default()
            .with_value(Email, "info@mystore.com")
            .without_value(Email, "INFO@mystore.com");
        run(&p, &[(Email, "info@mystore.com", false)]);
        let p = p.with_value(Email, "info@mystore.com");
        run(&p, &[(Email, "info@mystore.com", true)]);
        assert_eq!(
            Placeholders::default()
                .with_value(Email, "a@b.c")
                .with_value(Email, "A@B.C")
                .values
                .len(),
            1
        );
        assert_eq!(
            Placeholders::default().with_value(Email, "  "),
            Placeholders::default()
        );
    }

    #[test]
    fn placeholder_empty_has_no_lists() {
        let p = Placeholders::empty();
        run(
            &p,
            &[
                (Email, "nobody@nowhere.com", true),
                (Email, "x@x.com", true),
                (Name, "no name", false),
                (Name, "n a", false),
                (Address, "homeless", false),
                (PostalCode, "12345", false),
                (BirthDate, "1900-01-01", false),
                // Patterns remain.
                (PostalCode, "00000", true),
                (Phone, "+11234567890", true),
            ],
        );
        let p = p.with_value(Name, "no name");
        run(&p, &[(Name, "no name", true)]);
    }

    #[test]
    fn placeholder_digit_helpers() {
        let runs = [
            ("0123456789", true),
            ("7890123", true),
            ("3210987", true),
            ("1357", false),
            ("11", false),
            ("1", false),
            ("12a4", false),
        ];
        for (d, want) in runs {
            assert_eq!(digit_run(d.as_bytes()), want, "{d}");
        }
        let reps = [("0000", true), ("fFfF", true), ("", false), ("0001", false)];
        for (d, want) in reps {
            assert_eq!(one_repeated(d.as_bytes()), want, "{d}");
        }
    }

    #[test]
    fn placeholder_odd_input_never_panics() {
        let long = "é".repeat(1000);
        let p = Placeholders::default();
        let kinds = [
            Email, Phone, LoyaltyId, DeviceId, Name, BirthDate, PostalCode, Address,
        ];
        for raw in [
            "\u{0}",
            "@",
            "@@",
            "ü@ü.com",
            "a@.",
            "🦀",
            long.as_str(),
            "x@\u{301}.com",
            "+",
        ] {
            let _ = p.is_placeholder_raw(raw);
            for kind in kinds {
                let _ = p.is_placeholder(kind, raw);
            }
        }
    }

    #[test]
    fn placeholder_fold_ascii_matches_fold() {
        let mut buf = [0u8; RAW_FOLD_CAP];
        for raw in ["N/A", "  --Not   Given-- ", "#N/A", "a.b.c", "(null)"] {
            assert_eq!(
                fold_ascii(raw, &mut buf).map(str::to_string),
                Some(fold(raw)),
                "{raw:?}"
            );
        }
        assert_eq!(fold_ascii(&"a".repeat(RAW_FOLD_CAP + 1), &mut buf), None);
    }
}
