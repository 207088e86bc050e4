//! Email addresses: NFKC, case, IDNA domains, provider rules, domain typo correction.
//!
//! The pipeline, in order:
//!
//! 1. trim, then lower case (ASCII fast path) or NFKC + lower case;
//! 2. strip what surrounds an address where it was copied from: `mailto:`,
//!    `<...>` with or without a display name before it, quotes around the
//!    whole value, a list separator after it; spaces around the `@`;
//! 3. syntax: one `@`, a dot-atom local part of at most 64 bytes, a DNS
//!    host name of at most 253 bytes (measured in its ASCII form);
//! 4. IDNA: internationalized domains are kept in their Unicode form, so the
//!    punycode and the Unicode spelling of one domain compare equal;
//! 5. typo correction of the domain toward a list of well-known consumer
//!    domains (`gmial.com` -> `gmail.com`), remembered in [`Email::corrected_from`];
//! 6. provider rules: `googlemail.com` is `gmail.com`, Gmail ignores dots,
//!    providers with sub-addressing ignore a `+tag`.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;

use super::text::nfkc_lower;
use crate::RejectReason;

/// A normalized email address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email {
    value: String,
    at: usize,
    corrected_from: Option<String>,
}

impl Email {
    /// The canonical address.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// The local part (before `@`), after provider rules.
    pub fn local_part(&self) -> &str {
        &self.value[..self.at]
    }
    /// The domain (after `@`), after IDNA mapping and typo correction.
    pub fn domain(&self) -> &str {
        &self.value[self.at + 1..]
    }
    /// The domain as typed, when it was corrected (`gmial.com` for `gmail.com`).
    pub fn corrected_from(&self) -> Option<&str> {
        self.corrected_from.as_deref()
    }
    /// Whether the domain was corrected from a typo.
    pub fn is_corrected(&self) -> bool {
        self.corrected_from.is_some()
    }
}

/// RFC 5321 limit on the local part.
const MAX_LOCAL: usize = 64;
/// RFC 1035 limit on a host name (without the root dot), in its ASCII form.
const MAX_DOMAIN: usize = 253;
/// RFC 1035 limit on one label.
const MAX_LABEL: usize = 63;

fn invalid(rule: &'static str) -> RejectReason {
    RejectReason::InvalidSyntax { rule }
}

/// Country-code domains used as generic ones (`.co` for companies and as a
/// typo of `.com`, `.io`, `.me`, `.tv`, ...): they say nothing of where the
/// address's owner lives.
const GENERIC_USE_CC: &[&str] = &[
    "ai", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "so", "to", "tv", "ws",
];

/// The region an address's country-code domain names (`jo@live.co.uk`: GB,
/// `ana@uol.com.br`: BR), read from the raw text without parsing it; `None`
/// for a generic domain (`.com`, `.org`) or a country-code domain in generic
/// use (`.co`, `.io`, `.me`).
pub(crate) fn country_domain(raw: &str) -> Option<[u8; 2]> {
    let domain = raw.trim().rsplit_once('@')?.1;
    let tld = domain.trim_end_matches('.').rsplit('.').next()?;
    match tld.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let code = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
            let lower = std::str::from_utf8(&code).ok()?;
            if GENERIC_USE_CC.contains(&lower) {
                return None;
            }
            // The United Kingdom's domain is not its ISO code.
            Some(if &code == b"uk" {
                *b"GB"
            } else {
                code.map(|c| c.to_ascii_uppercase())
            })
        }
        _ => None,
    }
}

/// Parses and canonicalizes one raw address, without the placeholder check.
pub(crate) fn parse(raw: &str) -> Result<Email, RejectReason> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(RejectReason::Empty);
    }
    // Almost every real address is ASCII: lower-casing is all it needs, and
    // an already lower-case one is not even copied.
    let text: Cow<'_, str> = if trimmed.is_ascii() {
        if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(trimmed.to_ascii_lowercase())
        } else {
            Cow::Borrowed(trimmed)
        }
    } else {
        Cow::Owned(unicode_lower(trimmed))
    };
    let addr = unwrap_address(&text);
    if addr.is_empty() {
        return Err(RejectReason::Empty);
    }
    // Checked before `@` counting: a quoted local part may itself hold `@` or spaces,
    // and "quoted" is the more useful reason for it.
    if addr.contains('"') {
        return Err(invalid("quoted local part"));
    }
    let (local, domain) = addr.split_once('@').ok_or(invalid("missing @"))?;
    // Spaces around the `@` are a way of typing it (`jane @ example.com`,
    // from a form or a call); anywhere else they make no address.
    let (local, domain) = (local.trim_end(), domain.trim_start());
    if local.contains(char::is_whitespace) || domain.contains(char::is_whitespace) {
        return Err(invalid("whitespace inside the address"));
    }
    if domain.contains('@') {
        return Err(invalid("more than one @"));
    }
    check_local(local)?;
    // A final dot names the root zone (`example.com.` is `example.com`), and
    // one typed at the end of a sentence is the same address.
    let domain = match domain.strip_suffix('.') {
        Some(d) if !d.ends_with('.') && !d.is_empty() => d,
        _ => domain,
    };

    let typed = canonical_domain(domain)?;
    let fixed = correct_typo(&typed);
    let domain: &str = alias(fixed.unwrap_or(&typed));

    let mut value = String::with_capacity(local.len() + 1 + domain.len());
    push_local(&mut value, local, local_rule(domain))?;
    let at = value.len();
    value.push('@');
    value.push_str(domain);
    let corrected_from = fixed.map(|_| typed.into_owned());
    Ok(Email {
        value,
        at,
        corrected_from,
    })
}

/// NFKC and lower case until neither changes the text any more.
///
/// One pass is almost always enough, but the lower case of a few characters is
/// not itself in NFKC; repeating makes the output a fixed point, so parsing a
/// canonical address gives it back unchanged.
fn unicode_lower(s: &str) -> String {
    let mut out = nfkc_lower(s);
    for _ in 0..3 {
        let lower_stable = out.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        });
        if lower_stable && unicode_normalization::is_nfkc(&out) {
            break;
        }
        out = nfkc_lower(&out);
    }
    out
}

/// Strips what surrounds an address where it was copied from: `mailto:` and
/// `<...>` in either nesting order (`<mailto:a@b.c>`, `mailto:<a@b.c>`), a
/// display name before the brackets (`Jane Doe <jane@example.com>`, a mail
/// header), quotes around the whole value (a spreadsheet's), and a list
/// separator after it (`jane@example.com;`, one entry of a list).
fn unwrap_address(s: &str) -> &str {
    let mut s = s.trim();
    for _ in 0..2 {
        s = s.trim_end_matches([';', ',']).trim_end();
        for q in ['"', '\'', '`'] {
            // Not a quoted local part (`"jane doe"@example.com`): the quotes
            // hold the whole value and nothing else is quoted.
            if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
                if !inner.contains(q) {
                    s = inner.trim();
                }
            }
        }
        if let Some(rest) = s.strip_prefix("mailto:") {
            s = rest.trim();
        }
        if let Some(open) = s.strip_suffix('>').and_then(|r| r.rfind('<')) {
            s = s[open + 1..s.len() - 1].trim();
        }
    }
    s
}

/// The unquoted (dot-atom) local part of RFC 5322, with Unicode letters and
/// digits allowed as in RFC 6531.
fn check_local(local: &str) -> Result<(), RejectReason> {
    if local.is_empty() {
        return Err(invalid("empty local part"));
    }
    if local.len() > MAX_LOCAL {
        return Err(invalid("local part longer than 64 bytes"));
    }
    if local.starts_with('.') || local.ends_with('.') {
        return Err(invalid("local part starts or ends with a dot"));
    }
    if local.contains("..") {
        return Err(invalid("consecutive dots in local part"));
    }
    let ok = if local.is_ascii() {
        local.bytes().all(local_byte_ok)
    } else {
        local.chars().all(|c| {
            if c.is_ascii() {
                local_byte_ok(c as u8)
            } else {
                // Marks are allowed too: scripts such as Devanagari spell letters with them.
                c.is_alphanumeric() || is_combining_mark(c)
            }
        })
    };
    if ok {
        Ok(())
    } else {
        Err(invalid("character not allowed in local part"))
    }
}

fn local_byte_ok(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b)
}

/// Validates the domain and gives its one canonical spelling: lower-case
/// ASCII, or the Unicode form for internationalized domains.
fn canonical_domain(domain: &str) -> Result<Cow<'_, str>, RejectReason> {
    if domain.is_empty() {
        return Err(invalid("empty domain"));
    }
    // IDNA mapping is costly; plain ASCII host names without punycode labels are
    // already canonical once lower-cased.
    if domain.is_ascii() && !domain.split('.').any(|l| l.starts_with("xn--")) {
        check_ascii_domain(domain)?;
        return Ok(Cow::Borrowed(domain));
    }
    let idn = || invalid("invalid internationalized domain");
    let ascii = idna::domain_to_ascii(domain).map_err(|_| idn())?;
    // Host name rules apply to what goes on the wire, the ASCII form.
    check_ascii_domain(&ascii)?;
    let (unicode, result) = idna::domain_to_unicode(&ascii);
    result.map_err(|_| idn())?;
    // The canonical form must read back to itself: a punycode label that decodes
    // to another `xn--` label would give a value that the next parse rejects.
    if idna::domain_to_ascii(&unicode).ok().as_deref() != Some(ascii.as_str()) {
        return Err(idn());
    }
    Ok(Cow::Owned(unicode))
}

/// Host name rules (RFC 1035 / 1123) on a lower-case ASCII domain.
fn check_ascii_domain(domain: &str) -> Result<(), RejectReason> {
    if domain.len() > MAX_DOMAIN {
        return Err(invalid("domain longer than 253 bytes"));
    }
    if !domain.contains('.') {
        return Err(invalid("domain without a dot"));
    }
    let mut last = "";
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(invalid("empty domain label"));
        }
        if label.len() > MAX_LABEL {
            return Err(invalid("domain label longer than 63 bytes"));
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(invalid("character not allowed in domain"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid("domain label starts or ends with a hyphen"));
        }
        last = label;
    }
    // An all-digit last label is an IP address, not a mail domain.
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("top-level domain is all digits"));
    }
    Ok(())
}

/// Domains that are the same mailbox namespace under another name.
fn alias(domain: &str) -> &str {
    match domain {
        "googlemail.com" => "gmail.com",
        other => other,
    }
}

/// How a provider reads the local part.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LocalRule {
    /// Gmail: dots do not count and `+tag` is a sub-address.
    Gmail,
    /// `+tag` is a documented sub-address: everything from the first `+` is dropped.
    DropTag,
    /// Unknown provider: every character is significant.
    Keep,
}

/// Providers that document `+` sub-addressing, by exact domain.
///
/// Yahoo is deliberately absent: it documents `-` disposable addresses (a
/// paid feature with a chosen base name), not `+` tags, and a hyphen is an
/// ordinary character in its user names.
const TAG_DOMAINS: &[&str] = &[
    "fastmail.com",
    "fastmail.fm",
    "icloud.com",
    "mac.com",
    "me.com",
    "msn.com",
    "pm.me",
    "proton.me",
    "protonmail.ch",
    "protonmail.com",
    "ya.ru",
];

/// Providers that document `+` sub-addressing under many country domains
/// (`hotmail.co.uk`, `live.fr`, `outlook.com.br`, `yandex.ru`, `zoho.eu`).
const TAG_BRANDS: &[&str] = &["hotmail", "live", "outlook", "yandex", "zoho", "zohomail"];

fn local_rule(domain: &str) -> LocalRule {
    if domain == "gmail.com" {
        return LocalRule::Gmail;
    }
    if TAG_DOMAINS.contains(&domain) {
        return LocalRule::DropTag;
    }
    match domain.split_once('.') {
        Some((name, suffix)) if TAG_BRANDS.contains(&name) && is_country_suffix(suffix) => {
            LocalRule::DropTag
        }
        _ => LocalRule::Keep,
    }
}

/// A top-level domain or a `co.`/`com.` country second level: `live.fr` and
/// `hotmail.co.uk` are the brand's own, `live.example.org` is somebody else's.
fn is_country_suffix(suffix: &str) -> bool {
    match suffix.split_once('.') {
        None => true,
        Some((second, tld)) => (second == "co" || second == "com") && !tld.contains('.'),
    }
}

/// Writes the local part as the provider reads it.
fn push_local(out: &mut String, local: &str, rule: LocalRule) -> Result<(), RejectReason> {
    let base = match rule {
        LocalRule::Keep => local,
        LocalRule::Gmail | LocalRule::DropTag => local.find('+').map_or(local, |i| &local[..i]),
    };
    // `+news@gmail.com` and `jo.+x@outlook.com` name no mailbox once the tag is gone.
    if base.is_empty() {
        return Err(invalid("empty local part"));
    }
    match rule {
        LocalRule::Gmail => out.extend(base.chars().filter(|&c| c != '.')),
        LocalRule::DropTag if base.ends_with('.') => {
            return Err(invalid("local part starts or ends with a dot"));
        }
        LocalRule::DropTag | LocalRule::Keep => out.push_str(base),
    }
    Ok(())
}

/// Well-known consumer mail domains (US, GB, DE, CH, FR, ES, IT, PT, BR, MX,
/// AR, RO, PL, CZ, TR, RU, CN, KR, JP, IN), sorted,
/// each with whether its name part is an invented brand.
///
/// Only brands (`gmail`, `hotmail`, `comcast`) are targets of name-part
/// corrections: a one-letter neighbour of an invented word is almost surely a
/// typo. Names that are words or names (`orange`, `free`, `terra`, `alice`,
/// `live`, `charter`, `libero`, `virgilio`) have real neighbours (`grange.fr`,
/// `terry.com.br`, `carter.net`), so they only get their top-level domain fixed.
const KNOWN: &[(&str, bool)] = &[
    ("126.com", false),
    ("163.com", false),
    ("alice.it", false),
    ("aol.com", false),
    ("arcor.de", false),
    ("att.net", false),
    ("bellsouth.net", true),
    ("bluewin.ch", true),
    ("bol.com.br", false),
    ("btinternet.com", true),
    ("charter.net", false),
    ("comcast.net", true),
    ("cox.net", false),
    ("daum.net", false),
    ("fastmail.com", true),
    ("free.fr", false),
    ("freenet.de", true),
    ("gmail.com", true),
    ("gmx.de", false),
    ("gmx.net", false),
    ("googlemail.com", true),
    ("hanmail.net", true),
    ("hotmail.co.uk", true),
    ("hotmail.com", true),
    ("hotmail.com.ar", true),
    ("hotmail.com.br", true),
    ("hotmail.com.mx", true),
    ("hotmail.de", true),
    ("hotmail.es", true),
    ("hotmail.fr", true),
    ("hotmail.it", true),
    ("icloud.com", true),
    ("ig.com.br", false),
    ("interia.pl", false),
    ("laposte.net", true),
    ("libero.it", false),
    ("live.co.uk", false),
    ("live.com", false),
    ("live.fr", false),
    ("live.it", false),
    ("mac.com", false),
    ("mail.ru", false),
    ("me.com", false),
    ("msn.com", false),
    ("mynet.com", false),
    ("naver.com", false),
    ("ntlworld.com", true),
    ("o2.pl", false),
    ("onet.pl", false),
    ("orange.fr", false),
    ("outlook.com", true),
    ("outlook.com.br", true),
    ("outlook.de", true),
    ("outlook.es", true),
    ("outlook.fr", true),
    ("outlook.it", true),
    ("posteo.de", false),
    ("prodigy.net.mx", false),
    ("proton.me", false),
    ("protonmail.com", true),
    ("qq.com", false),
    ("rambler.ru", false),
    ("rediffmail.com", true),
    ("sapo.pt", false),
    ("sbcglobal.net", true),
    ("seznam.cz", true),
    ("sfr.fr", false),
    ("sina.com", false),
    ("sky.com", false),
    ("t-online.de", true),
    ("talktalk.net", true),
    ("telefonica.net", true),
    ("terra.com.br", false),
    ("tiscali.it", true),
    ("uol.com.br", false),
    ("verizon.net", true),
    ("virgilio.it", false),
    ("virginmedia.com", true),
    ("wanadoo.fr", true),
    ("web.de", false),
    ("wp.pl", false),
    ("yahoo.co.in", true),
    ("yahoo.co.jp", true),
    ("yahoo.co.uk", true),
    ("yahoo.com", true),
    ("yahoo.com.br", true),
    ("yahoo.com.mx", true),
    ("yahoo.de", true),
    ("yahoo.es", true),
    ("yahoo.fr", true),
    ("yahoo.it", true),
    ("yahoo.ro", true),
    ("yandex.com", true),
    ("yandex.ru", true),
    ("ymail.com", true),
];

/// Real domains one edit away from a listed one, never corrected whatever the
/// rules below say: other providers and national sites of listed ones.
const NEVER_CORRECT: &[&str] = &[
    "aim.com",
    "cloud.com",
    "email.com",
    "gmail.de",
    "gmx.at",
    "gmx.ch",
    "gmx.com",
    "hotmail.be",
    "hotmail.se",
    "mail.com",
    "mail.de",
    "yahoo.com.ar",
    "yahoo.ie",
    "yahoo.in",
    "yahoo.se",
];

/// Real top-level domains one edit from `com` or `net`: a domain under them
/// may exist, so it is not "fixed" to `.com`/`.net`.
const REAL_NEAR_TLDS: &[&str] = &[
    "bet", "bom", "cam", "get", "mom", "nec", "new", "ntt", "pet", "vet",
];

fn is_known(domain: &str) -> bool {
    KNOWN.binary_search_by(|(k, _)| (*k).cmp(domain)).is_ok()
}

/// The listed domain `typed` is a typo of, if exactly one is a safe match.
///
/// The domain is split at its first dot into a name (`gmial`) and a suffix
/// (`con`, `co.uk`). A listed domain is a candidate when:
///
/// * the names are equal and the suffix is one edit from the listed one and
///   cannot be a real domain in its own right: a one-letter top-level domain
///   (none exist), an edit inside a second level (`co.br` for `com.br`), a
///   non-TLD near `com`/`net` (`con`, `cmo`, `comm`, `nte`), or `co` for `com`
///   when the brand name has at least five letters (brands own their `.co`;
///   shorter names such as `me.co` may well be someone's). Two-letter labels
///   other than `co` are country domains and are never changed (`hotmail.se`);
/// * or the listed name is a brand of at least five letters, the typed name has
///   at least four and the same first letter (or the first two swapped), and
///   the names are one edit apart (Damerau-Levenshtein, so `gmial` counts one),
///   or two for brands of eight letters or more (`gogglemial`); the suffixes
///   are equal, or, for a one-edit name, one safe suffix edit apart as above
///   (`gmial.con`).
///
/// Keeping the first letter and a minimum length is what keeps `mail.com`,
/// `email.com`, `cloud.com`, `wahoo.com` and short names (`aol`, `gmx`, `me`)
/// out of reach. The candidate with the fewest edits wins; a tie, or a listed
/// domain that merely extends the typed one (`hotmail.co` could be
/// `hotmail.co.uk`), means no correction.
fn correct_typo(typed: &str) -> Option<&'static str> {
    if is_known(typed) || NEVER_CORRECT.contains(&typed) {
        return None;
    }
    let (tn, ts) = typed.split_once('.')?;
    let tn_len = tn.chars().count();
    let mut best: Option<&'static str> = None;
    let mut best_cost = usize::MAX;
    let mut tied = false;
    for &(cand, brand) in KNOWN {
        let Some((cn, cs)) = cand.split_once('.') else {
            continue;
        };
        let cost = if tn == cn {
            if !suffix_fixable(ts, cs, cn) {
                continue;
            }
            1
        } else {
            if !brand {
                continue;
            }
            let Some(d) = name_distance(tn, tn_len, cn) else {
                continue;
            };
            if ts == cs {
                d
            } else if d == 1 && suffix_fixable(ts, cs, cn) {
                2
            } else {
                continue;
            }
        };
        if cost < best_cost {
            best = Some(cand);
            best_cost = cost;
            tied = false;
        } else if cost == best_cost {
            tied = true;
        }
    }
    let best = best?;
    if tied {
        return None;
    }
    let extended = KNOWN.iter().any(|&(k, _)| {
        k != best
            && k.strip_prefix(typed)
                .is_some_and(|rest| rest.starts_with('.'))
    });
    if extended {
        return None;
    }
    Some(best)
}

/// See [`correct_typo`]: whether `typed` can safely be read as the listed suffix.
fn suffix_fixable(typed: &str, listed: &str, listed_name: &str) -> bool {
    if within(typed, listed, 1) != Some(1) {
        return false;
    }
    let tl = typed.rsplit_once('.').map_or(typed, |(_, l)| l);
    let ll = listed.rsplit_once('.').map_or(listed, |(_, l)| l);
    if tl == ll {
        return true;
    }
    let tl_len = tl.chars().count();
    if tl_len == 1 {
        return true;
    }
    if ll == "com" && tl == "co" {
        return listed_name.len() >= 5;
    }
    (ll == "com" || ll == "net") && tl_len >= 3 && !REAL_NEAR_TLDS.contains(&tl)
}

/// See [`correct_typo`]: the edit distance between a typed name and a brand
/// name, when it is small enough to correct.
fn name_distance(typed: &str, typed_len: usize, brand: &str) -> Option<usize> {
    if typed_len < 4 || brand.len() < 5 || !same_start(typed, brand) {
        return None;
    }
    let max = if brand.len() >= 8 { 2 } else { 1 };
    within(typed, brand, max)
}

/// Same first letter, or the first two letters swapped (`ocmcast`): both keep
/// every letter of the brand's start, unlike `mail` or `email` for `gmail`.
fn same_start(typed: &str, brand: &str) -> bool {
    let mut t = typed.chars();
    let mut b = brand.chars();
    let (t0, t1, b0, b1) = (t.next(), t.next(), b.next(), b.next());
    t0 == b0 || (t0 == b1 && t1 == b0)
}

/// The Damerau-Levenshtein distance of `a` and `b` if it is at most `max`.
///
/// Two cheap lower bounds (length difference, and half the difference of the
/// character counts) skip the full computation, and its allocations, for
/// nearly every unrelated pair.
fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > max || histogram_bound(a, b) > max {
        return None;
    }
    let d = strsim::damerau_levenshtein(a, b);
    (d <= max).then_some(d)
}

/// A lower bound of the edit distance: an insertion or deletion changes the
/// character histogram by one, a substitution by two, a transposition not at
/// all. Characters outside `[a-z0-9.-]` share one bucket, which only lowers the bound.
fn histogram_bound(a: &str, b: &str) -> usize {
    fn bucket(c: char) -> usize {
        match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + (c as usize - '0' as usize),
            '-' => 36,
            '.' => 37,
            _ => 38,
        }
    }
    let mut h = [0i64; 39];
    for c in a.chars() {
        if let Some(slot) = h.get_mut(bucket(c)) {
            *slot += 1;
        }
    }
    for c in b.chars() {
        if let Some(slot) = h.get_mut(bucket(c)) {
            *slot -= 1;
        }
    }
    let l1: u64 = h.iter().map(|v| v.unsigned_abs()).sum();
    usize::try_from(l1.div_ceil(2)).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_country_domain_names_its_region() {
        let cases: &[(&str, Option<&[u8; 2]>)] = &[
            ("jo@live.co.uk", Some(b"GB")),
            ("Ana@UOL.COM.BR ", Some(b"BR")),
            ("igor1973@t-online.de", Some(b"DE")),
            ("jo@gmail.com", None),
            ("jo@startup.io", None),
            ("jo@gmail.co", None),
            ("no at sign.de", None),
        ];
        for &(raw, want) in cases {
            assert_eq!(country_domain(raw).as_ref(), want, "{raw}");
        }
    }

    use super::*;

    /// What a table row expects.
    enum Want {
        /// Accepted with this canonical value, domain not corrected.
        Is(&'static str),
        /// Accepted with this value, domain corrected from the second string.
        Fixed(&'static str, &'static str),
        /// Rejected for this reason.
        No(RejectReason),
    }
    use Want::{Fixed, Is, No};

    fn syntax(rule: &'static str) -> Want {
        No(RejectReason::InvalidSyntax { rule })
    }

    fn check<S: AsRef<str>>(table: &[(S, Want)]) {
        for (raw, want) in table {
            let raw = raw.as_ref();
            let got = parse(raw);
            match want {
                Is(v) => {
                    let e = got.unwrap_or_else(|r| panic!("{raw:?}: rejected ({r}), want {v:?}"));
                    assert_eq!(e.as_str(), *v, "{raw:?}");
                    assert_eq!(e.corrected_from(), None, "{raw:?}");
                }
                Fixed(v, from) => {
                    let e = got.unwrap_or_else(|r| panic!("{raw:?}: rejected ({r}), want {v:?}"));
                    assert_eq!(e.as_str(), *v, "{raw:?}");
                    assert_eq!(e.corrected_from(), Some(*from), "{raw:?}");
                    assert!(e.is_corrected(), "{raw:?}");
                }
                No(reason) => assert_eq!(got.as_ref().err(), Some(reason), "{raw:?}: {got:?}"),
            }
        }
    }

    #[rustfmt::skip]
    fn case_table() -> Vec<(&'static str, Want)> {
        vec![
            ("jane.doe@example.com", Is("jane.doe@example.com")),
            ("  Jane.Doe@Example.COM\t", Is("jane.doe@example.com")),
            ("CIROZ147@HOTMAIL.COM ", Is("ciroz147@hotmail.com")),
            ("mailto:jane@example.com", Is("jane@example.com")),
            ("MAILTO:Jane@Example.com", Is("jane@example.com")),
            ("<jane@example.com>", Is("jane@example.com")),
            ("<mailto:jane@example.com>", Is("jane@example.com")),
            ("mailto:<jane@example.com>", Is("jane@example.com")),
            ("< jane@example.com >", Is("jane@example.com")),
            ("Jane Doe <jane@example.com>", Is("jane@example.com")),
            ("\"Doe, Jane\" <Jane@Example.com>", Is("jane@example.com")),
            ("\"jane@example.com\"", Is("jane@example.com")),
            ("'jane@example.com'", Is("jane@example.com")),
            ("jane@example.com;", Is("jane@example.com")),
            ("jane@example.com , ", Is("jane@example.com")),
            ("jane @ example.com", Is("jane@example.com")),
            ("jane@example.com.", Is("jane@example.com")),
            ("o'brien@example.com", Is("o'brien@example.com")),
        ]
    }

    #[rustfmt::skip]
    fn unicode_table() -> Vec<(&'static str, Want)> {
        vec![
            // Fullwidth letters, `＠` and `．` are compatibility forms.
            ("ＪＡＮＥ＠ＥＸＡＭＰＬＥ．ＣＯＭ", Is("jane@example.com")),
            ("ｊａｎｅ.ｄｏｅ@ｇｍａｉｌ.ｃｏｍ", Is("janedoe@gmail.com")),
            // Non-ASCII local parts are kept (RFC 6531), lower-cased.
            ("José.Núñez@example.es", Is("josé.núñez@example.es")),
            ("Ιωάννης@example.gr", Is("ιωάννης@example.gr")),
            // NFKC composes a decomposed accent.
            ("jose\u{301}@example.es", Is("josé@example.es")),
            // IDNA in both directions lands on the Unicode form.
            ("hans@xn--mnchen-3ya.de", Is("hans@münchen.de")),
            ("hans@XN--MNCHEN-3YA.DE", Is("hans@münchen.de")),
            ("hans@MÜNCHEN.de", Is("hans@münchen.de")),
            ("hans@münchen.de", Is("hans@münchen.de")),
            ("li@例え.テスト", Is("li@例え.テスト")),
            ("li@xn--r8jz45g.xn--zckzah", Is("li@例え.テスト")),
            // The ideographic full stop is a dot for IDNA.
            ("li@例え。テスト", Is("li@例え.テスト")),
            // Compatibility and case mappings that take more than one step.
            ("㎒@example.com", Is("mhz@example.com")),
            ("ﬃ@example.com", Is("ffi@example.com")),
            ("ǅ@example.com", Is("dž@example.com")),
            ("İstanbul@example.com", Is("i\u{307}stanbul@example.com")),
            ("a@xn--a.com", syntax("invalid internationalized domain")),
            ("a@xn--.com", syntax("invalid internationalized domain")),
        ]
    }

    #[rustfmt::skip]
    fn provider_table() -> Vec<(&'static str, Want)> {
        vec![
            (" Jane.Doe+promo@GoogleMail.com ", Is("janedoe@gmail.com")),
            ("jane@googlemail.com", Is("jane@gmail.com")),
            ("j.a.n.e@gmail.com", Is("jane@gmail.com")),
            ("jane.doe+news+more@gmail.com", Is("janedoe@gmail.com")),
            ("jane.+x@gmail.com", Is("jane@gmail.com")),
            ("+news@gmail.com", syntax("empty local part")),
            // Hyphens and underscores always count.
            ("jane-doe@gmail.com", Is("jane-doe@gmail.com")),
            ("jane_doe@gmail.com", Is("jane_doe@gmail.com")),
            // `+tag` dropped where the provider documents sub-addressing; dots kept.
            ("brittany.861+2024@outlook.com", Is("brittany.861@outlook.com")),
            ("jo+x@outlook.fr", Is("jo@outlook.fr")),
            ("jo+x@hotmail.com", Is("jo@hotmail.com")),
            ("jo+x@hotmail.co.uk", Is("jo@hotmail.co.uk")),
            ("jo+x@live.fr", Is("jo@live.fr")),
            ("jo+x@msn.com", Is("jo@msn.com")),
            ("jo.d+x@icloud.com", Is("jo.d@icloud.com")),
            ("jo+x@me.com", Is("jo@me.com")),
            ("jo+x@mac.com", Is("jo@mac.com")),
            ("jo+x@fastmail.com", Is("jo@fastmail.com")),
            ("jo+x@fastmail.fm", Is("jo@fastmail.fm")),
            ("jo+x@proton.me", Is("jo@proton.me")),
            ("jo+x@protonmail.com", Is("jo@protonmail.com")),
            ("jo+x@protonmail.ch", Is("jo@protonmail.ch")),
            ("jo+x@pm.me", Is("jo@pm.me")),
            ("jo+x@zoho.com", Is("jo@zoho.com")),
            ("jo+x@yandex.ru", Is("jo@yandex.ru")),
            ("jo+x@ya.ru", Is("jo@ya.ru")),
            ("jo.+x@outlook.com", syntax("local part starts or ends with a dot")),
            // Yahoo documents no `+` tags, and its `-` is part of the name.
            ("jo+x@yahoo.com", Is("jo+x@yahoo.com")),
            ("jo-shop@yahoo.com", Is("jo-shop@yahoo.com")),
            ("jo.doe@yahoo.com", Is("jo.doe@yahoo.com")),
            // Unknown providers: everything is significant.
            ("jo+x@gmx.de", Is("jo+x@gmx.de")),
            ("jo+x@example.com", Is("jo+x@example.com")),
            ("j.o@example.com", Is("j.o@example.com")),
            ("jo+x@live.example.com", Is("jo+x@live.example.com")),
            ("jo+x@gmail.example.com", Is("jo+x@gmail.example.com")),
        ]
    }

    #[rustfmt::skip]
    fn typo_table() -> Vec<(&'static str, Want)> {
        vec![
            // Name typos: transposition, deletion, insertion, substitution.
            ("maria.silva@gmial.com", Fixed("mariasilva@gmail.com", "gmial.com")),
            ("jo@gmai.com", Fixed("jo@gmail.com", "gmai.com")),
            ("jo@gmaill.com", Fixed("jo@gmail.com", "gmaill.com")),
            ("jo@gnail.com", Fixed("jo@gmail.com", "gnail.com")),
            ("jo@hotmial.com", Fixed("jo@hotmail.com", "hotmial.com")),
            // Providers of other regions.
            ("ivan@yandx.ru", Fixed("ivan@yandex.ru", "yandx.ru")),
            ("kim@hanmial.net", Fixed("kim@hanmail.net", "hanmial.net")),
            ("raj@redifmail.com", Fixed("raj@rediffmail.com", "redifmail.com")),
            ("li@qq.con", Fixed("li@qq.com", "qq.con")),
            ("min@naver.con", Fixed("min@naver.com", "naver.con")),
            ("jo@yaho.com", Fixed("jo@yahoo.com", "yaho.com")),
            ("jo@yhoo.com", Fixed("jo@yahoo.com", "yhoo.com")),
            ("jo@outlok.com", Fixed("jo@outlook.com", "outlok.com")),
            ("jo@outloook.com", Fixed("jo@outlook.com", "outloook.com")),
            ("jo@iclod.com", Fixed("jo@icloud.com", "iclod.com")),
            ("jo@ocmcast.net", Fixed("jo@comcast.net", "ocmcast.net")),
            ("jo@ohtmail.com", Fixed("jo@hotmail.com", "ohtmail.com")),
            ("jo@hotmial.fr", Fixed("jo@hotmail.fr", "hotmial.fr")),
            ("jo@yahooo.co.uk", Fixed("jo@yahoo.co.uk", "yahooo.co.uk")),
            // Two edits for long brands.
            ("jo@googlemial.con", Fixed("jo@gmail.com", "googlemial.con")),
            ("jo@gogglemail.com", Fixed("jo@gmail.com", "gogglemail.com")),
            ("jo@btinternte.com", Fixed("jo@btinternet.com", "btinternte.com")),
            // Top-level domain typos.
            ("jo@gmail.con", Fixed("jo@gmail.com", "gmail.con")),
            ("jo@gmail.co", Fixed("jo@gmail.com", "gmail.co")),
            ("jo@gmail.cmo", Fixed("jo@gmail.com", "gmail.cmo")),
            ("jo@gmail.comm", Fixed("jo@gmail.com", "gmail.comm")),
            ("jo@aol.con", Fixed("jo@aol.com", "aol.con")),
            ("jo@comcast.nte", Fixed("jo@comcast.net", "comcast.nte")),
            ("jo@uol.co.br", Fixed("jo@uol.com.br", "uol.co.br")),
            ("jo@web.d", Fixed("jo@web.de", "web.d")),
            // Corrected, then the provider rules of the corrected domain.
            ("Maria.Silva+x@gmial.con", Fixed("mariasilva@gmail.com", "gmial.con")),
            ("jo.d+x@googlemail.con", Fixed("jod@gmail.com", "googlemail.con")),
            ("jo+x@hotmal.com", Fixed("jo@hotmail.com", "hotmal.com")),
            // The typed form is recorded after IDNA and case mapping.
            ("jo@GMIAL.COM", Fixed("jo@gmail.com", "gmial.com")),
            ("jo@gmaïl.com", Fixed("jo@gmail.com", "gmaïl.com")),
        ]
    }

    #[rustfmt::skip]
    fn no_typo_table() -> Vec<(&'static str, Want)> {
        vec![
            // Listed or real neighbouring domains.
            ("jo@mail.com", Is("jo@mail.com")),
            ("jo@email.com", Is("jo@email.com")),
            ("jo@gmx.com", Is("jo@gmx.com")),
            ("jo@live.com", Is("jo@live.com")),
            ("jo@aol.com", Is("jo@aol.com")),
            ("jo@me.com", Is("jo@me.com")),
            ("jo@ymail.com", Is("jo@ymail.com")),
            ("jo@cloud.com", Is("jo@cloud.com")),
            ("jo@wahoo.com", Is("jo@wahoo.com")),
            ("jo@gmail.de", Is("jo@gmail.de")),
            // A word-like name of another region is not a brand: only its
            // top-level domain is fixed (`naver`, one edit from `never`).
            ("jo@naverr.com", Is("jo@naverr.com")),
            ("jo@mail.ru", Is("jo@mail.ru")),
            ("jo@yandex.com", Is("jo@yandex.com")),
            ("jo@hotmail.se", Is("jo@hotmail.se")),
            ("jo@yahoo.com.ar", Is("jo@yahoo.com.ar")),
            // Country domains are not rewritten to `.com`.
            ("jo@gmail.cm", Is("jo@gmail.cm")),
            ("jo@gmail.om", Is("jo@gmail.om")),
            // Real gTLDs next to `.com`.
            ("jo@gmail.cam", Is("jo@gmail.cam")),
            // Word names keep their neighbours.
            ("jo@grange.fr", Is("jo@grange.fr")),
            ("jo@carter.net", Is("jo@carter.net")),
            ("jo@terry.com.br", Is("jo@terry.com.br")),
            // Short names.
            ("jo@aol.co", Is("jo@aol.co")),
            ("jo@gmal.de", Is("jo@gmal.de")),
            ("jo@gm.com", Is("jo@gm.com")),
            ("jo@otmail.com", Is("jo@otmail.com")),
            ("jo@vigilio.it", Is("jo@vigilio.it")),
            // Ambiguous: `hotmail.e` is one edit from `.es` and `.de`;
            // `hotmail.co` could be `.com` or cut short from `.co.uk`.
            ("jo@hotmail.e", Is("jo@hotmail.e")),
            ("jo@hotmail.co", Is("jo@hotmail.co")),
            ("jo@yahoo.co", Is("jo@yahoo.co")),
            // Unrelated domains.
            ("jo@seifert.com", Is("jo@seifert.com")),
            ("jo@mendes.br", Is("jo@mendes.br")),
            ("jo@sub.gmial.com", Is("jo@sub.gmial.com")),
        ]
    }

    #[rustfmt::skip]
    fn reject_table() -> Vec<(String, Want)> {
        let long_local = "a".repeat(65);
        let label63 = "d".repeat(63);
        let label64 = "d".repeat(64);
        let domain254 = format!("{label63}.{label63}.{label63}.{}.com", "d".repeat(58));
        vec![
            (String::new(), No(RejectReason::Empty)),
            (" \t\n ".into(), No(RejectReason::Empty)),
            ("mailto:".into(), No(RejectReason::Empty)),
            ("<>".into(), No(RejectReason::Empty)),
            ("< >".into(), No(RejectReason::Empty)),
            ("unknown".into(), syntax("missing @")),
            ("N/A".into(), syntax("missing @")),
            ("jane.example.com".into(), syntax("missing @")),
            ("a@b@example.com".into(), syntax("more than one @")),
            ("\"jane doe\"@example.com".into(), syntax("quoted local part")),
            ("\"jane\"@example.com".into(), syntax("quoted local part")),
            ("jane doe@example.com".into(), syntax("whitespace inside the address")),
            ("jane@exam ple.com".into(), syntax("whitespace inside the address")),
            ("jane\u{a0}doe@example.com".into(), syntax("whitespace inside the address")),
            ("jane\u{3000}doe@example.com".into(), syntax("whitespace inside the address")),
            ("@example.com".into(), syntax("empty local part")),
            (format!("{long_local}@example.com"), syntax("local part longer than 64 bytes")),
            (format!("{}@example.com", "é".repeat(33)), syntax("local part longer than 64 bytes")),
            (".jane@example.com".into(), syntax("local part starts or ends with a dot")),
            ("jane.@example.com".into(), syntax("local part starts or ends with a dot")),
            ("ja..ne@example.com".into(), syntax("consecutive dots in local part")),
            ("ja(ne)@example.com".into(), syntax("character not allowed in local part")),
            ("ja,ne@example.com".into(), syntax("character not allowed in local part")),
            ("ja\u{200b}ne@example.com".into(), syntax("character not allowed in local part")),
            ("jane☺@example.com".into(), syntax("character not allowed in local part")),
            ("jane@".into(), syntax("empty domain")),
            ("jane@localhost".into(), syntax("domain without a dot")),
            ("jane@example..com".into(), syntax("empty domain label")),
            ("jane@.example.com".into(), syntax("empty domain label")),
            ("jane@example.com..".into(), syntax("empty domain label")),
            ("jane@.".into(), syntax("empty domain label")),
            ("jane@example.com, john@example.com".into(), syntax("whitespace inside the address")),
            ("jane@example.com,john@example.com".into(), syntax("more than one @")),
            ("jane@example.com jane@example.org".into(), syntax("whitespace inside the address")),
            ("jane d@example.com".into(), syntax("whitespace inside the address")),
            ("\"jane\"@example.com".into(), syntax("quoted local part")),
            ("<jane@example.com".into(), syntax("character not allowed in local part")),
            ("jane@gmail,com".into(), syntax("domain without a dot")),
            ("jane@ex_ample.com".into(), syntax("character not allowed in domain")),
            ("jane@[192.168.0.1]".into(), syntax("character not allowed in domain")),
            ("jane@-example.com".into(), syntax("domain label starts or ends with a hyphen")),
            ("jane@example-.com".into(), syntax("domain label starts or ends with a hyphen")),
            ("jane@192.168.0.1".into(), syntax("top-level domain is all digits")),
            ("jane@example.123".into(), syntax("top-level domain is all digits")),
            (format!("jane@{label64}.com"), syntax("domain label longer than 63 bytes")),
            (format!("jane@{domain254}"), syntax("domain longer than 253 bytes")),
            (format!("jane@{}", "ü".repeat(60) + ".de"), syntax("domain label longer than 63 bytes")),
        ]
    }

    #[test]
    fn email_case_trim_and_wrappers() {
        check(&case_table());
    }

    #[test]
    fn email_unicode_nfkc_and_idna() {
        check(&unicode_table());
    }

    #[test]
    fn email_provider_rules() {
        check(&provider_table());
    }

    #[test]
    fn email_typos_corrected() {
        check(&typo_table());
    }

    #[test]
    fn email_typos_not_corrected() {
        check(&no_typo_table());
    }

    #[test]
    fn email_syntax_rejections() {
        check(&reject_table());
    }

    #[test]
    fn email_longest_domain_accepted() {
        let domain = format!("{0}.{0}.{0}.{1}.com", "d".repeat(63), "d".repeat(57));
        assert_eq!(domain.len(), 253);
        let raw = format!("{}@{domain}", "a".repeat(64));
        let e = parse(&raw).unwrap_or_else(|r| panic!("longest legal address rejected ({r})"));
        assert_eq!(e.as_str(), raw);
        assert_eq!(e.local_part().len(), 64);
        assert_eq!(e.domain(), domain);
    }

    #[test]
    fn email_accessors() {
        let e = parse("Jo.Doe+x@GMIAL.com").unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(e.local_part(), "jodoe");
        assert_eq!(e.domain(), "gmail.com");
        assert_eq!(e.corrected_from(), Some("gmial.com"));
        let e = parse("josé@münchen.de").unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(e.local_part(), "josé");
        assert_eq!(e.domain(), "münchen.de");
        assert!(!e.is_corrected());
    }

    #[test]
    fn email_idempotent() {
        let tables = [
            case_table(),
            unicode_table(),
            provider_table(),
            typo_table(),
            no_typo_table(),
        ];
        let mut n = 0;
        for (raw, _) in tables.iter().flatten() {
            let Ok(first) = parse(raw) else { continue };
            let again = parse(first.as_str())
                .unwrap_or_else(|r| panic!("{raw:?}: canonical form rejected ({r})"));
            if first.is_corrected() {
                // The canonical form has the corrected domain, so nothing is left to correct.
                assert_eq!(again.as_str(), first.as_str(), "{raw:?}");
                assert!(!again.is_corrected(), "{raw:?}");
            } else {
                assert_eq!(again, first, "{raw:?}");
            }
            n += 1;
        }
        assert!(n > 80, "only {n} accepted rows");
    }

    /// Whatever the input, an accepted address has its `@` where `at` says and
    /// legal part lengths.
    fn assert_well_formed(raw: &str) {
        if let Ok(e) = parse(raw) {
            assert_eq!(e.as_str().find('@'), Some(e.local_part().len()), "{raw:?}");
            assert!((1..=64).contains(&e.local_part().len()), "{raw:?}");
            assert!(e.domain().contains('.'), "{raw:?}");
        }
    }

    #[test]
    fn email_never_panics_on_odd_input() {
        let huge = "a".repeat(100_000);
        let odd = [
            huge.clone(),
            format!("{huge}@example.com"),
            format!("jo@{huge}.com"),
            "@".repeat(10_000),
            ".".repeat(1_000),
            "\u{0}@\u{0}.com".into(),
            "é\u{301}\u{301}\u{301}@é.com".into(),
            "\u{301}@x.com".into(),
            "jo@\u{301}.com".into(),
            "jo@xn--.xn--".into(),
            "jo@xn--zz-9999999999.com".into(),
            "jo@例え.".into(),
            "jo@.テスト".into(),
            "jo@😀.com".into(),
            "㎒@example.com".into(),
            "İstanbul@example.com".into(),
            "ǅ@example.com".into(),
            "ﷺ@example.com".into(),
            "<<jo@example.com>>".into(),
            "mailto:mailto:mailto:jo@example.com".into(),
            "jo@g.c".into(),
            "jo@ggggggggggggggggggggggggggggggggggggggggggmail.com".into(),
        ];
        for raw in &odd {
            assert_well_formed(raw);
        }
        // Every char boundary cut of a messy address.
        let messy = "  <MAILTO:Jöse.Ñ+tag@ＧＭＩＡＬ.ｃｏｎ> ";
        for (i, _) in messy.char_indices() {
            assert_well_formed(&messy[..i]);
            assert_well_formed(&messy[i..]);
        }
    }

    #[test]
    fn email_reject_text_has_no_value() {
        for raw in [
            "secret.person@exam ple.com",
            "secret.person@localhost",
            "\"secret\"@x.com",
        ] {
            let Err(err) = parse(raw) else {
                panic!("{raw:?} accepted");
            };
            let text = err.to_string();
            assert!(!text.contains("secret"), "{text}");
            assert!(!text.contains("localhost"), "{text}");
        }
    }

    #[test]
    fn email_known_list_is_sorted_and_valid() {
        for pair in KNOWN.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 < b.0, "{} before {}", a.0, b.0);
            }
        }
        for (d, _) in KNOWN {
            assert!(check_ascii_domain(d).is_ok(), "{d}");
            assert_eq!(correct_typo(d), None, "{d}");
            assert!(is_known(d), "{d}");
        }
        for d in NEVER_CORRECT {
            assert!(!is_known(d), "{d}");
            assert_eq!(correct_typo(d), None, "{d}");
        }
    }

    #[test]
    fn email_histogram_bound_is_a_lower_bound() {
        let words = [
            "gmail",
            "gmial",
            "gmai",
            "hotmail",
            "ütmail",
            "yahoo.co.uk",
            "",
            "x",
            "mail",
        ];
        for a in words {
            for b in words {
                assert!(
                    histogram_bound(a, b) <= strsim::damerau_levenshtein(a, b),
                    "{a} {b}"
                );
            }
        }
    }
}
