//! Comparing two prepared records field by field: one [`Level`] per field.
//!
//! Levels are what the scorer turns into evidence. Identifiers are
//! multi-valued: the best level over all value pairs counts, and two
//! different emails are not evidence against a match (people have two).

pub(crate) mod score;
pub(crate) mod string;

use crate::prepare::{EmailValue, NameValue, Prepared};
use string::{jaro_winkler, within_one_edit};

/// The fields the scorer weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    Email,
    Phone,
    Loyalty,
    Device,
    Given,
    Family,
    BirthDate,
    Postal,
    Address,
}

impl Field {
    pub(crate) const ALL: [Field; 9] = [
        Field::Email,
        Field::Phone,
        Field::Loyalty,
        Field::Device,
        Field::Given,
        Field::Family,
        Field::BirthDate,
        Field::Postal,
        Field::Address,
    ];
    pub(crate) const COUNT: usize = Field::ALL.len();

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Loyalty => "loyalty_id",
            Field::Device => "device_id",
            Field::Given => "given name",
            Field::Family => "family name",
            Field::BirthDate => "birth date",
            Field::Postal => "postal code",
            Field::Address => "address",
        }
    }

    /// Identifier fields where two different values are not evidence against a match.
    pub(crate) fn differ_is_neutral(self) -> bool {
        matches!(
            self,
            Field::Email | Field::Phone | Field::Device | Field::Postal | Field::Address
        )
    }
}

/// A set of fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct FieldMask(u16);

impl FieldMask {
    pub(crate) fn of(fields: &[Field]) -> FieldMask {
        FieldMask(fields.iter().fold(0, |m, f| m | (1 << f.index())))
    }
    pub(crate) fn contains(self, f: Field) -> bool {
        self.0 & (1 << f.index()) != 0
    }
}

/// How two records compare on one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Level {
    /// One side or both lack the field: no evidence either way.
    Missing,
    /// The same canonical value.
    Exact,
    /// The same value by another route: a nickname root, a corrected email domain,
    /// a loyalty number whose check digit failed one edit away, a compound surname part.
    Alias,
    /// One typo apart, or close by Jaro-Winkler.
    Fuzzy,
    /// An initial that agrees with the other side's given name.
    Initial,
    /// Both present and clearly different.
    Differ,
}

impl Level {
    pub(crate) const ALL: [Level; 6] = [
        Level::Missing,
        Level::Exact,
        Level::Alias,
        Level::Fuzzy,
        Level::Initial,
        Level::Differ,
    ];
    pub(crate) const COUNT: usize = Level::ALL.len();

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Level::Missing => "missing",
            Level::Exact => "exact",
            Level::Alias => "alias",
            Level::Fuzzy => "one typo apart",
            Level::Initial => "initial",
            Level::Differ => "different",
        }
    }
}

/// The levels of every field for one pair of records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Comparison {
    pub(crate) levels: [Level; Field::COUNT],
}

impl Comparison {
    pub(crate) fn level(&self, f: Field) -> Level {
        self.levels[f.index()]
    }

    /// Whether anything agrees that belongs to one person rather than a household:
    /// an identifier, a given name, a birth date. A family name, an address and a
    /// postal code are shared by everyone at home, so they never link on their own.
    pub(crate) fn has_person_evidence(&self) -> bool {
        let agrees = |f: Field| matches!(self.level(f), Level::Exact | Level::Alias | Level::Fuzzy);
        [
            Field::Email,
            Field::Phone,
            Field::Loyalty,
            Field::Device,
            Field::Given,
            Field::BirthDate,
        ]
        .into_iter()
        .any(agrees)
    }
}

/// Shortest email local part or phone national number a typo match is trusted on:
/// below it, one edit away is too likely to be somebody else.
const MIN_FUZZY_LOCAL: usize = 5;
const MIN_FUZZY_DIGITS: usize = 7;

pub(crate) fn compare(a: &Prepared, b: &Prepared) -> Comparison {
    let mut levels = [Level::Missing; Field::COUNT];
    levels[Field::Email.index()] = best(&a.emails, &b.emails, |x, y| match email_level(x, y) {
        Level::Fuzzy if spell_two_names(x.local(), y.local(), a, b) => Level::Differ,
        level => level,
    });
    levels[Field::Phone.index()] = best(&a.phones, &b.phones, |x, y| phone_level(x, y));
    levels[Field::Loyalty.index()] = best(&a.loyalty, &b.loyalty, |x, y| {
        if x.value == y.value {
            if x.failed || y.failed {
                Level::Alias
            } else {
                Level::Exact
            }
        } else if (x.failed || y.failed) && within_one_edit(&x.value, &y.value) {
            Level::Alias
        } else if within_one_edit(&x.value, &y.value) {
            Level::Fuzzy
        } else {
            Level::Differ
        }
    });
    levels[Field::Device.index()] = best(&a.devices, &b.devices, |x, y| {
        if x == y {
            Level::Exact
        } else {
            Level::Differ
        }
    });
    if let (Some(na), Some(nb)) = (&a.name, &b.name) {
        let (g, f) = name_levels(na, nb);
        levels[Field::Given.index()] = g;
        levels[Field::Family.index()] = f;
    }
    if let (Some(x), Some(y)) = (&a.dob, &b.dob) {
        levels[Field::BirthDate.index()] = dob_level(x, y);
    }
    if let (Some(x), Some(y)) = (&a.postal, &b.postal) {
        levels[Field::Postal.index()] = if x == y {
            Level::Exact
        } else if x.len() >= 4 && within_one_edit(x, y) {
            Level::Fuzzy
        } else {
            Level::Differ
        };
    }
    if let (Some(x), Some(y)) = (&a.address, &b.address) {
        levels[Field::Address.index()] = if x == y {
            Level::Exact
        } else if house_number(x) != house_number(y) {
            // "56 Stone Knolls" and "66 Stone Knolls" are neighbours, not a typo.
            Level::Differ
        } else if jaro_winkler(x, y) >= 0.93
            || jaro_winkler(&sorted_tokens(x), &sorted_tokens(y)) >= 0.93
        {
            // The sorted form forgives parts typed in another order
            // ("92 pinecroft, cherry place" against "92 cherry place, pinecroft").
            Level::Fuzzy
        } else {
            Level::Differ
        };
    }
    Comparison { levels }
}

fn sorted_tokens(s: &str) -> String {
    let mut t: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    t.sort_unstable();
    t.join(" ")
}

/// The first all-digit word of an address, if any: the house number.
fn house_number(address: &str) -> Option<&str> {
    address
        .split(' ')
        .find(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
}

/// The best (lowest) level over all value pairs; `Missing` when either side has none.
fn best<T>(xs: &[T], ys: &[T], f: impl Fn(&T, &T) -> Level) -> Level {
    if xs.is_empty() || ys.is_empty() {
        return Level::Missing;
    }
    let mut out = Level::Differ;
    for x in xs {
        for y in ys {
            out = out.min(f(x, y));
            if out == Level::Exact {
                return out;
            }
        }
    }
    out
}

pub(crate) fn email_level(x: &EmailValue, y: &EmailValue) -> Level {
    if x.value == y.value {
        return if x.corrected || y.corrected {
            Level::Alias
        } else {
            Level::Exact
        };
    }
    let (lx, ly) = (x.local(), y.local());
    if x.domain() == y.domain()
        && lx.len().min(ly.len()) >= MIN_FUZZY_LOCAL
        && within_one_edit(lx, ly)
        && !names_another_person(lx, ly)
    {
        return Level::Fuzzy;
    }
    Level::Differ
}

/// Whether two local parts one edit apart differ where addresses tell people
/// apart rather than where typing slips:
/// - in the first character (`jsmith` and `rsmith`: local parts are so often
///   an initial and a family name that the first letter is the given name);
/// - in a digit for a digit (`sandra1963` and `sandra1965`), or a digit more
///   or less in a trailing number (`alfieatkinson` and `alfieatkinson3`,
///   `jsmith12` and `jsmith123`): the number is a birth year or a counter the
///   provider added because the name was taken;
/// - in a separator more or less (`wendy.taylor` and `wendytaylor`, where the
///   provider tells them apart): both are how a name is written, and when one
///   is taken its holder's namesake takes the other.
///
/// Such pairs are common between two people, and more so the larger the data
/// (a family name shared by thousands brings every initial and counter with
/// it: among a million generated records, 88% of the addresses a trailing
/// digit apart and 94% of those a separator apart belong to two people),
/// while a typo lands mostly elsewhere: a dropped, doubled or swapped letter,
/// a neighbouring key.
fn names_another_person(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la != lb {
        let (short, long) = if la < lb { (a, b) } else { (b, a) };
        return extra_char(short, long).is_some_and(|(c, after)| {
            matches!(c, '.' | '_' | '-')
                || (c.is_ascii_digit() && after.chars().all(|d| d.is_ascii_digit()))
        });
    }
    let mut differ = a
        .chars()
        .zip(b.chars())
        .enumerate()
        .filter(|(_, (x, y))| x != y);
    match (differ.next(), differ.next()) {
        (Some((i, (x, y))), None) => i == 0 || (x.is_ascii_digit() && y.is_ascii_digit()),
        _ => false,
    }
}

/// Whether two local parts one edit apart differ because each spells its own
/// record's name and the names differ (`marygonzales` of Mary Gonzales and
/// `markgonzales` of Mark Gonzales, `emmamaier` and `emmamayer`): the
/// addresses are two people's, and their one edit is the names' difference,
/// already weighed on the names' own lines. Among a million generated records
/// such pairs were two people 3,201 times and one person 5 times. A part is
/// compared when both records have it, of 3 letters or more (not an initial).
fn spell_two_names(x: &str, y: &str, a: &Prepared, b: &Prepared) -> bool {
    let (Some(na), Some(nb)) = (a.name.as_deref(), b.name.as_deref()) else {
        return false;
    };
    let part = |p: &Option<Box<str>>| -> Option<String> {
        let s: String = p
            .as_deref()?
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        (s.len() >= 3).then_some(s)
    };
    let given = |n: &NameValue| {
        if n.given_is_initial() {
            None
        } else {
            part(&n.given)
        }
    };
    [(given(na), given(nb)), (part(&na.family), part(&nb.family))]
        .into_iter()
        .any(|pair| match pair {
            (Some(pa), Some(pb)) if pa != pb => {
                x.contains(&*pa) && y.contains(&*pb) && !(x.contains(&*pb) && y.contains(&*pa))
            }
            _ => false,
        })
}

/// The one character `long` has more than `short` (the first such, where a
/// doubled character could be either) and what follows it in `long`; `None`
/// unless deleting one character of `long` gives `short`.
fn extra_char<'a>(short: &str, long: &'a str) -> Option<(char, &'a str)> {
    let at = short
        .char_indices()
        .zip(long.char_indices())
        .find(|((_, x), (_, y))| x != y)
        .map_or(short.len(), |((i, _), _)| i);
    let c = long.get(at..)?.chars().next()?;
    let after = long.get(at + c.len_utf8()..)?;
    (short.get(at..)? == after).then_some((c, after))
}

pub(crate) fn phone_level(x: &str, y: &str) -> Level {
    if x == y {
        return Level::Exact;
    }
    // Same length keeps a wrong country code from passing as a typo.
    if x.len() == y.len() && x.len() > MIN_FUZZY_DIGITS && within_one_edit(x, y) {
        return Level::Fuzzy;
    }
    Level::Differ
}

fn dob_level(x: &crate::normalize::BirthDate, y: &crate::normalize::BirthDate) -> Level {
    if x == y {
        return Level::Exact;
    }
    if x.year() == y.year() && x.month() == y.day() && x.day() == y.month() {
        return Level::Fuzzy; // day and month swapped
    }
    // YYYYMMDD on the stack: this runs for every compared pair with two dates.
    fn digits(d: &crate::normalize::BirthDate) -> [u8; 8] {
        let (y, m, day) = (d.year(), d.month(), d.day());
        let mut out = [b'0'; 8];
        for (i, v) in [
            (0, y / 1000),
            (1, y / 100 % 10),
            (2, y / 10 % 10),
            (3, y % 10),
        ] {
            out[i] = b'0' + v as u8;
        }
        out[4] = b'0' + m / 10;
        out[5] = b'0' + m % 10;
        out[6] = b'0' + day / 10;
        out[7] = b'0' + day % 10;
        out
    }
    let (fx, fy) = (digits(x), digits(y));
    // ASCII digits are always UTF-8; the match only satisfies the types.
    let close = match (std::str::from_utf8(&fx), std::str::from_utf8(&fy)) {
        (Ok(a), Ok(b)) => within_one_edit(a, b),
        _ => false,
    };
    if close {
        Level::Fuzzy
    } else {
        Level::Differ
    }
}

/// Whether two dates can be one person's birth date typed twice.
pub(crate) fn dob_compatible(
    x: &crate::normalize::BirthDate,
    y: &crate::normalize::BirthDate,
) -> bool {
    dob_level(x, y) != Level::Differ
}

fn given_level(a: &NameValue, b: &NameValue) -> Level {
    let (Some(ga), Some(gb)) = (a.given.as_deref(), b.given.as_deref()) else {
        return Level::Missing;
    };
    if ga == gb {
        return if a.given_is_initial() {
            Level::Initial
        } else {
            Level::Exact
        };
    }
    let (ia, ib) = (a.given_is_initial(), b.given_is_initial());
    if ia || ib {
        // "G. Puglisi" is Giuseppe's initial, whether the other side wrote
        // Giuseppe or Pino: the initial is checked against the formal name too.
        let first = |n: &NameValue| {
            [n.given.as_deref(), n.root()].map(|g| g.and_then(|g| g.chars().next()))
        };
        let (fa, fb) = (first(a), first(b));
        return if fa.iter().flatten().any(|c| fb.contains(&Some(*c))) {
            Level::Initial
        } else {
            Level::Differ
        };
    }
    if a.root().is_some() && a.root() == b.root() {
        return Level::Alias;
    }
    let close = |x: &str, y: &str| within_one_edit(x, y) || jaro_winkler(x, y) >= 0.9;
    // A typo of a nickname's formal name ("Tom" against "Tohmas") is still close:
    // compare the roots too.
    let (ra, rb) = (a.root().unwrap_or(ga), b.root().unwrap_or(gb));
    if close(ga, gb) || ((ra, rb) != (ga, gb) && close(ra, rb)) {
        return Level::Fuzzy;
    }
    Level::Differ
}

fn family_level(a: &NameValue, b: &NameValue) -> Level {
    let (Some(fa), Some(fb)) = (a.family.as_deref(), b.family.as_deref()) else {
        return Level::Missing;
    };
    if fa == fb {
        return Level::Exact;
    }
    if (fa.len() >= 4 && within_one_edit(fa, fb)) || jaro_winkler(fa, fb) >= 0.92 {
        return Level::Fuzzy;
    }
    // Compound surnames: "da cruz" and "cruz", "garcia lopez" and "garcia".
    let ta: Vec<&str> = fa.split(' ').filter(|t| t.len() > 3).collect();
    if fb
        .split(' ')
        .filter(|t| t.len() > 3)
        .any(|t| ta.contains(&t))
    {
        return Level::Alias;
    }
    // One surname of two: `Maria Garcia` against `María García López`.
    // Spanish names put the father's surname first and the mother's last, and
    // one channel keeps both while another keeps the first; a name typed
    // without a comma reads only its last word as the family name, so the
    // first surname is among the words before it.
    let in_middle = |family: &str, other: &NameValue| {
        other.middle.as_deref().is_some_and(|m| {
            m.split(' ')
                .any(|t| t.len() > 3 && family.split(' ').any(|f| f == t))
        })
    };
    if in_middle(fa, b) || in_middle(fb, a) {
        return Level::Alias;
    }
    Level::Differ
}

/// Given-name and family-name levels, trying the swapped reading
/// ("Miller Scott" against "Scott Miller") when the straight one disagrees.
/// Names in two writing systems (`王小明`, `Wang Xiaoming`) are missing
/// evidence, not different names: the same person writes both.
pub(crate) fn name_levels(a: &NameValue, b: &NameValue) -> (Level, Level) {
    if writing_system(a) != writing_system(b) {
        return (Level::Missing, Level::Missing);
    }
    let straight = (given_level(a, b), family_level(a, b));
    if straight.0 != Level::Differ && straight.1 != Level::Differ {
        return straight;
    }
    if let (Some(ga), Some(fa), Some(gb), Some(fb)) = (&a.given, &a.family, &b.given, &b.family) {
        if ga == fb && fa == gb && !a.given_is_initial() && !b.given_is_initial() {
            return (Level::Exact, Level::Exact);
        }
        if !a.given_is_initial() && !b.given_is_initial() && same_letters(a, b) {
            return (Level::Exact, Level::Exact);
        }
        // Swapped, with a slip in one of the two (`Tippins Hacry` against
        // `Harry Tippins`): one part the same, the other one edit apart.
        // Which side is the given name is not known, so neither counts as
        // an exact agreement (its frequency would be looked up in the
        // wrong table): both are fuzzy.
        let near = |x: &str, y: &str| x.len() >= 4 && within_one_edit(x, y);
        if !a.given_is_initial()
            && !b.given_is_initial()
            && ((ga == fb && near(fa, gb)) || (fa == gb && near(ga, fb)))
        {
            return (Level::Fuzzy, Level::Fuzzy);
        }
    }
    lone_word_levels(a, b)
        .or_else(|| lone_word_levels(b, a))
        .unwrap_or(straight)
}

/// Whether two records' names are written in two writing systems, and so
/// are not compared (see [`name_levels`]): explanations say so.
pub(crate) fn names_in_two_writing_systems(a: &Prepared, b: &Prepared) -> bool {
    match (a.name.as_deref(), b.name.as_deref()) {
        (Some(x), Some(y)) => writing_system(x) != writing_system(y),
        _ => false,
    }
}

/// The writing system of a name (see [`crate::normalize::text::script`]): that of its first
/// part written outside Latin, if any (found when the record is prepared).
fn writing_system(n: &NameValue) -> u32 {
    n.writing_system
}

/// Whether two names spell the same letters, each read given name first or
/// family name first, spaces aside: a romanized Chinese or Korean name is
/// written with its syllables apart or together and in either order
/// (`Xiao Ming Wang`, `Wang Xiaoming`; `Kim Min-jun`, `Minjun Kim`), and a
/// compound family name with or without its spaces (`van der Berg`,
/// `Vanderberg`).
fn same_letters(a: &NameValue, b: &NameValue) -> bool {
    let (pa, pb) = (name_parts(a), name_parts(b));
    let count = |p: &[&str; 3]| p.iter().map(|s| letters(s).count()).sum::<usize>();
    if count(&pa) != count(&pb) {
        return false;
    }
    [(false, false), (false, true), (true, false), (true, true)]
        .into_iter()
        .any(|(fa, fb)| spelled(pa, fa).eq(spelled(pb, fb)))
}

/// A name's given name, middle words and family name (`""` when absent).
fn name_parts(n: &NameValue) -> [&str; 3] {
    [&n.given, &n.middle, &n.family].map(|p| p.as_deref().unwrap_or(""))
}

/// The letters of a name's parts, given name first or family name first.
fn spelled([g, m, f]: [&str; 3], family_first: bool) -> impl Iterator<Item = char> + '_ {
    let (x, y, z) = if family_first { (f, g, m) } else { (g, m, f) };
    letters(x).chain(letters(y)).chain(letters(z))
}

/// Whether one name is the other's given and family names typed as one word
/// (see `lone_word_levels`).
pub(crate) fn run_together(a: &NameValue, b: &NameValue) -> bool {
    lone_word_levels(a, b)
        .or_else(|| lone_word_levels(b, a))
        .is_some()
}

/// A name typed as one word is read as a family name alone (see
/// `normalize::name`), but at a till or in a form it is often the whole name
/// run together (`"PedroAlves"`): no evidence of another person. One such
/// record among a customer's hundred would otherwise stand for a second
/// person behind every value it shares with them. Initials are left out:
/// `"jsmith"` is as likely `"J. Smith"` as `"R. Smith"`. (A lone word equal
/// to the other side's given name is not taken: it is as often a family name
/// typed alone, and FEBRL shows such pairs are other people.)
///
/// One typo in a long run-together name is still that name: the space typed
/// as a letter (`"OlivermSmith"`) or any other slip. The family name then
/// agrees at the fuzzy level.
fn lone_word_levels(lone: &NameValue, full: &NameValue) -> Option<(Level, Level)> {
    if lone.given.is_some() || full.given_is_initial() {
        return None;
    }
    let (word, given, family) = (
        lone.family.as_deref()?,
        full.given.as_deref()?,
        full.family.as_deref()?,
    );
    // Compared without building the run-together strings: this runs for
    // every candidate pair whose names differ.
    let len = |s: &str| s.bytes().filter(|b| *b != b' ').count();
    let whole = len(given) + len(family);
    if word.len() == whole {
        let run_together = word.chars().eq(letters(given).chain(letters(family)))
            || word.chars().eq(letters(family).chain(letters(given)));
        if run_together {
            return Some((Level::Missing, Level::Alias));
        }
    }
    if word.len().abs_diff(whole) > 1 || word.chars().count() < RUN_TOGETHER_TYPO_MIN_CHARS {
        return None;
    }
    let word: Vec<char> = word.chars().collect();
    let one_typo = |first: &str, second: &str| {
        let joined: Vec<char> = letters(first).chain(letters(second)).collect();
        strsim::generic_damerau_levenshtein(&word, &joined) <= 1
    };
    (one_typo(given, family) || one_typo(family, given)).then_some((Level::Missing, Level::Fuzzy))
}

/// A run-together name (given and family name as one word) at least this
/// long may hold one typo and stay that name: one edit leaves most of ten
/// letters, and two people's whole names rarely come that close.
const RUN_TOGETHER_TYPO_MIN_CHARS: usize = 10;

/// A name's letters without its spaces (`"da mata"` -> `damata`).
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| *c != ' ')
}

/// Whether two names can belong to one person (given and family names both compatible).
pub(crate) fn names_compatible(a: &NameValue, b: &NameValue) -> bool {
    let (g, f) = name_levels(a, b);
    g != Level::Differ && !family_conflict(f, a, b)
}

/// Whether family names at level `level` tell two people apart, as the
/// guards judge it. Two typos of one long name (`"caavalli"`, `"cavauli"`)
/// are each one edit from it and up to two from each other: too far apart
/// to count as agreement when scoring, too close to be another person. One
/// such pair among a customer's records would otherwise stand for a second
/// person behind every value the customer holds.
pub(crate) fn family_conflict(level: Level, a: &NameValue, b: &NameValue) -> bool {
    if level != Level::Differ {
        return false;
    }
    let (Some(fa), Some(fb)) = (a.family.as_deref(), b.family.as_deref()) else {
        return true;
    };
    let long = |f: &str| f.chars().count() >= TWO_TYPOS_MIN_CHARS;
    !(long(fa) && long(fb) && strsim::damerau_levenshtein(fa, fb) <= 2)
}

/// Family names at least this long may hold two typos and stay one name:
/// two edits leave most of a six-letter name.
const TWO_TYPOS_MIN_CHARS: usize = 6;

#[cfg(test)]
mod tests {
    use super::{family_conflict, name_levels, names_another_person};
    use crate::normalize::name as parse;
    use crate::prepare::NameValue;

    fn name(raw: &str) -> NameValue {
        NameValue::from(&parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}")))
    }

    #[test]
    fn family_names_two_typos_apart_are_one_name_to_the_guards() {
        for (a, b, conflict) in [
            ("Gianni Caavalli", "Gianni Cavauli", false),
            ("Carmen Caballgro", "Carmen Caallero", false),
            // Short names: two edits are most of the name.
            ("Ana Lima", "Ana Lina", false), // one edit: fuzzy already
            ("Ana Lima", "Ana Luna", true),
            ("Ana Lima", "Ana Lopes", true),
            ("Rui Souza", "Rui Silva", true),
            ("Rui Costa", "Rui Cruz", true),
            ("Lena Hoffmann", "Lena Hartmann", true),
        ] {
            let (na, nb) = (name(a), name(b));
            let (_, f) = name_levels(&na, &nb);
            assert_eq!(family_conflict(f, &na, &nb), conflict, "{a} / {b}");
        }
    }

    #[test]
    fn a_swapped_name_may_hold_one_typo() {
        use super::Level::{Differ, Exact, Fuzzy};
        for (a, b, levels) in [
            ("Harry Tippins", "Tippins Harry", (Exact, Exact)),
            ("Harry Tippins", "Tippins Hacry", (Fuzzy, Fuzzy)),
            ("James Sebregts", "Sebretgs James", (Fuzzy, Fuzzy)),
            // A slip in each part, or a short part where one slip is much of it.
            ("Harry Tippins", "Tipins Hacry", (Differ, Differ)),
            ("Ana Lee", "Lea Ana", (Differ, Differ)),
            // Someone else whose given name is the other's family name.
            ("Harry Tippins", "Tippins Mary", (Differ, Differ)),
        ] {
            let (na, nb) = (name(a), name(b));
            assert_eq!(name_levels(&na, &nb), levels, "{a} / {b}");
            assert_eq!(name_levels(&nb, &na), levels, "{b} / {a}");
        }
    }

    #[test]
    fn a_long_run_together_name_may_hold_one_typo() {
        use super::Level::{Alias, Differ, Fuzzy, Missing};
        for (lone, full, family) in [
            ("PedroAlves", "Pedro Alves", Alias),
            ("AlvesPedro", "Pedro Alves", Alias),
            // The space typed as a letter, a letter dropped.
            ("OlivermSmith", "Oliver Smith", Fuzzy),
            ("KIRSTYgEDWARDS", "Kirsty Edwards", Fuzzy),
            ("GustavSchfer", "Gustav Schäfer", Fuzzy),
            // Two slips, or a short name where one slip is much of it.
            ("OlivermSmitx", "Oliver Smith", Differ),
            ("AnaxLima", "Ana Lima", Differ),
        ] {
            let (g, f) = name_levels(&name(lone), &name(full));
            assert_eq!(f, family, "{lone} / {full}");
            if f != Differ {
                assert_eq!(g, Missing, "{lone} / {full}");
            }
        }
    }

    #[test]
    fn one_surname_of_two_is_an_alias() {
        use super::Level::{Alias, Differ};
        for (a, b, family) in [
            ("Maria Garcia", "María García López", Alias),
            ("Jose Rodriguez", "José Luis Rodríguez Zapatero", Alias),
            ("García López, María", "Maria Garcia", Alias),
            ("Ana Mata", "Ana Luiza da Mata", Alias),
            // The middle words of both sides are not compared with each other.
            ("John Michael Smith", "John Michael Jones", Differ),
            ("Maria Lopez", "Maria Garcia Perez", Differ),
        ] {
            assert_eq!(name_levels(&name(a), &name(b)).1, family, "{a} / {b}");
            assert_eq!(name_levels(&name(b), &name(a)).1, family, "{b} / {a}");
        }
    }

    #[test]
    fn the_same_letters_in_another_order_or_spacing_are_one_name() {
        use super::Level::{Differ, Exact, Fuzzy};
        for (a, b, levels) in [
            ("Xiao Ming Wang", "Wang Xiaoming", (Exact, Exact)),
            ("Kim Min-jun", "Minjun Kim", (Exact, Exact)),
            // (Close enough already: one typo apart.)
            ("Jan van der Berg", "Jan Vanderberg", (Exact, Fuzzy)),
            ("Ann Marie Smith", "Annmarie Smith", (Exact, Exact)),
            // Other letters, or an initial, are compared as always.
            ("Xiao Ming Wang", "Wang Xiaohong", (Differ, Differ)),
            ("M. Kim", "Kim M", (Differ, Differ)),
        ] {
            assert_eq!(name_levels(&name(a), &name(b)), levels, "{a} / {b}");
            assert_eq!(name_levels(&name(b), &name(a)), levels, "{b} / {a}");
        }
    }

    #[test]
    fn names_in_two_writing_systems_are_missing_evidence() {
        use super::Level::{Differ, Exact, Missing};
        for (a, b, levels) in [
            ("王小明", "Wang Xiaoming", (Missing, Missing)),
            ("山田 太郎", "Yamada Taro", (Missing, Missing)),
            ("김민준", "Kim Minjun", (Missing, Missing)),
            ("محمد علي", "Mohamed Ali", (Missing, Missing)),
            // Cyrillic and Greek are spelled in Latin, so they compare.
            ("Иван Петров", "Ivan Petrov", (Exact, Exact)),
            ("Иван Петров", "Olga Smirnova", (Differ, Differ)),
            (
                "Γιώργος Παπαδόπουλος",
                "Giorgos Papadopoulos",
                (Exact, Exact),
            ),
            // One writing system: compared as always.
            ("王小明", "王小明", (Missing, Exact)),
            ("王小明", "李静", (Missing, Differ)),
        ] {
            assert_eq!(name_levels(&name(a), &name(b)), levels, "{a} / {b}");
            assert_eq!(name_levels(&name(b), &name(a)), levels, "{b} / {a}");
        }
    }

    #[test]
    fn an_initial_agrees_with_a_nicknames_formal_name() {
        let (g, _) = name_levels(&name("Pino Puglisi"), &name("G. Puglisi"));
        assert_eq!(g, super::Level::Initial);
        let (g, _) = name_levels(&name("Pino Puglisi"), &name("M. Puglisi"));
        assert_eq!(g, super::Level::Differ);
    }

    #[test]
    fn a_new_initial_or_number_names_another_person() {
        for (a, b) in [
            ("jsmith", "rsmith"),
            ("sandra1963", "sandra1965"),
            ("ian1950", "ian1951"),
            ("ésmith", "ásmith"),
            // A counter added, or a digit more in a trailing number.
            ("alfieatkinson", "alfieatkinson3"),
            ("marianne699", "marianne69"),
            ("jsmith123", "jsmith12"),
            // A separator more or less.
            ("wendy.taylor", "wendytaylor"),
            ("j_smith", "jsmith"),
            ("anna-maria", "annamaria"),
        ] {
            assert!(names_another_person(a, b), "{a} {b}");
        }
        // Typos: a letter inside, a letter dropped or added, a digit among
        // letters, swapped digits, a letter for a digit; and equal parts.
        for (a, b) in [
            ("p.williams", "p.williays"),
            ("p.williams", "p.wiliams"),
            ("p.williams", "p.willliams"),
            ("jo3hnsmith", "johnsmith"),
            ("marta1974", "marta1947"),
            ("jsmith", "jsmith"),
            ("jsmith", "smith"),
            ("smith1a", "smith1b"),
            ("smith10", "smith1o"),
        ] {
            assert!(!names_another_person(a, b), "{a} {b}");
        }
    }
}
