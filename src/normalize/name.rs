//! Person names: folding, `Family, Given` order, initials, nicknames.
//!
//! A name is split into *groups* (words as typed: runs of letters joined by
//! hyphens, so `Jean-Pierre` and `Martineau-Straße` are one group each) and
//! every group is folded with `text::fold` into one or more *tokens*.
//! Apostrophes are removed inside a group (`O'Neill` -> `oneill`) so the name
//! is one token however it was typed with or without the apostrophe.
//!
//! Rules, in order:
//!
//! 1. With a comma, the part before it is the family name and the part after
//!    it the given names (`"DOE, Jane"`, `"da Cruz, Helena"`). Trailing
//!    comma parts made only of suffixes are dropped first (`"John Smith, Jr."`).
//! 2. Titles are dropped only as the first word of the name (or of the given
//!    part after a comma), and only when a name follows: `mr`, `mrs`, `ms`,
//!    `dr`, `prof`, `herr`, `frau`, `mme`, `sra` ... (`Dr-Smith` too). The
//!    titles that are also initials or given names (`m` for Monsieur, `sig`
//!    for Signore) are dropped only when two more words follow, so
//!    `"M. Marie"` stays the initial `m` and the family `marie`. Words, not
//!    groups, so that the folded name reads back the same.
//! 3. Suffixes (`jr`, `sr`, `ii`, `iii`, `iv`, ...) are dropped only as the
//!    last group, and only when a name stays.
//! 4. Without a comma the first group holds the given name and the family
//!    name is the last group together with the surname particles before it
//!    (`da`, `de la`, `van der`, `o`, and `e`/`y` joining two surnames), so
//!    `"Ana Luiza da Mata"` has family `da mata` and `"Maria Clara Jesus"`
//!    agrees with `"Jesus, Maria Clara"` on family `jesus`. The groups in
//!    between are further given names: they are kept in [`Name::tokens`].
//! 5. The given name is the first token of the given part: `"H.-Dieter"` and
//!    `"D. Wilson"` give the initial `h` / `d`, `"Jean-Pierre"` gives `jean`.
//! 6. A lone group (`"Smith"`, `"Madonna"`) is ambiguous; it is taken as the
//!    family name, with no given name, because a family name alone is the
//!    more common single-word entry in retail systems (`"Mr Smith"`).
//! 7. Groups without any letter (`"John Smith 3"`) are dropped; if nothing
//!    else is left the name is [`RejectReason::InvalidSyntax`], and if nothing
//!    at all was left after folding it is [`RejectReason::Empty`].

use super::address::fold_into;
use super::nickname;
use crate::RejectReason;
use unicode_normalization::char::is_combining_mark;

/// A normalized person name, folded for comparison (accents, case, punctuation).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    given: Option<String>,
    given_root: Option<String>,
    family: Option<String>,
    tokens: Vec<String>,
}

impl Name {
    /// The folded given name (first given token), if known. May be an initial (`"d"`).
    pub fn given(&self) -> Option<&str> {
        self.given.as_deref()
    }
    /// The given name with nicknames resolved to their formal root (`bill` -> `william`).
    pub fn given_root(&self) -> Option<&str> {
        self.given_root.as_deref()
    }
    /// The folded family name (last family token, or all family tokens joined by a space).
    pub fn family(&self) -> Option<&str> {
        self.family.as_deref()
    }
    /// Every folded token of the name, in given-then-family order.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }
    /// Whether the given name is only an initial (`"D. Wilson"` -> `d`).
    ///
    /// An initial agrees with any given name that starts with the same
    /// letter, so comparison should treat it as weak evidence.
    ///
    /// ```
    /// let n = idgraph::normalize::name("D. Wilson")?;
    /// assert!(n.is_given_initial());
    /// assert!(!idgraph::normalize::name("Dan Wilson")?.is_given_initial());
    /// # Ok::<(), idgraph::RejectReason>(())
    /// ```
    pub fn is_given_initial(&self) -> bool {
        self.given
            .as_deref()
            .is_some_and(|g| g.chars().count() == 1)
    }
}

/// Titles dropped as the first group when a name follows.
const TITLES: &[&str] = &[
    "avv", "dipl ing", "dl", "dna", "dott", "dr", "dra", "frau", "herr", "miss", "mlle", "mme",
    "mr", "mrs", "ms", "mx", "prof", "rev", "sr", "sra", "srta",
];
/// Titles that are also initials or given names: dropped only when two groups follow.
const WEAK_TITLES: &[&str] = &["m", "sig"];
/// Suffixes dropped as the last group when a name stays.
const SUFFIXES: &[&str] = &["ii", "iii", "iv", "jnr", "jr", "snr", "sr"];
/// Surname particles: they belong to the family name that follows them.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "degli", "dei", "del", "della", "delle", "dello", "den", "der",
    "des", "di", "do", "dos", "du", "el", "ibn", "la", "le", "lo", "mac", "mc", "o", "saint", "st",
    "ste", "ten", "ter", "van", "vom", "von", "zu", "zum", "zur",
];
/// Words joining two surnames (`Silva e Souza`, `Ortega y Gasset`).
const CONJUNCTIONS: &[&str] = &["e", "y"];

/// Parses a full name as typed (`"Jane Doe"`, `"DOE, Jane"`, `"J. Doe"`).
pub(crate) fn parse(raw: &str) -> Result<Name, RejectReason> {
    let mut seen = Seen::default();
    let mut parts: Vec<Vec<String>> = without_notes(raw, 2)
        .split([',', '\u{FF0C}'])
        .map(|part| groups(part, &mut seen))
        .filter(|g| !g.is_empty())
        .collect();
    // "John Smith, Jr." and "Smith, John, Jr.": the suffix is not a name part.
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.iter().all(|g| SUFFIXES.contains(&g.as_str())))
    {
        parts.pop();
    }
    let mut parts = parts.into_iter();
    let (Some(first), rest) = (parts.next(), parts) else {
        return Err(seen.reject());
    };
    let mut given_part: Vec<String> = rest.flatten().collect();
    let mut first = first;
    strip_titles(&mut first, 0);
    strip_suffixes(&mut first);
    if given_part.is_empty() {
        if first.len() == 1 {
            return Ok(build(&[], &first));
        }
        let k = family_start(&first);
        let (given, family) = first.split_at(k);
        return Ok(build(given, family));
    }
    // The family name after the comma counts among the words that follow a
    // title: the folded tokens read again put it after the given part.
    strip_titles(&mut given_part, words(&first));
    strip_suffixes(&mut given_part);
    Ok(build(&given_part, &first))
}

/// Builds a name from separate given and family parts (either may be absent).
///
/// The whole family part is the family name (`"da Cruz"` -> `da cruz`). When
/// only a given part is present its first token is the given name and the
/// family name stays unknown; further given tokens are kept in the tokens.
pub(crate) fn from_parts(given: Option<&str>, family: Option<&str>) -> Result<Name, RejectReason> {
    let mut seen = Seen::default();
    let mut given = given
        .map(|g| groups(&without_notes(g, 1), &mut seen))
        .unwrap_or_default();
    let mut family = family
        .map(|f| groups(&without_notes(f, 1), &mut seen))
        .unwrap_or_default();
    if given.is_empty() && family.is_empty() {
        return Err(seen.reject());
    }
    strip_titles(&mut given, words(&family));
    strip_suffixes(&mut family);
    Ok(build(&given, &family))
}

/// A name without the notes in brackets that records add to it: a title or
/// status (`John Smith (Mr)`, `Jane Doe (deceased)`, `[VIP]`), a nickname
/// (`Maria (Mia) Rossi`), a former name (`Jane Doe (née Brown)`). Read as
/// words, the last note became the family name. Unless `min_words` words
/// stay outside the brackets (two of a full name: `John (Smith)` may bracket
/// a part of it; one of a given or family name), or the brackets do not pair
/// up, the name is left as it is.
fn without_notes(raw: &str, min_words: usize) -> std::borrow::Cow<'_, str> {
    const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('\u{FF08}', '\u{FF09}')];
    if !raw.contains(|c| PAIRS.iter().any(|&(open, _)| c == open)) {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut close = None;
    for c in raw.chars() {
        match close {
            Some(end) if c == end => {
                close = None;
                out.push(' ');
            }
            Some(_) => {}
            None => match PAIRS.iter().find(|&&(open, _)| c == open) {
                Some(&(_, end)) => close = Some(end),
                None => out.push(c),
            },
        }
    }
    let words = out
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{FF0C}')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if close.is_some() || words < min_words {
        return std::borrow::Cow::Borrowed(raw);
    }
    std::borrow::Cow::Owned(out)
}

/// What the group splitter saw, to tell "nothing at all" from "no letters".
#[derive(Default)]
struct Seen {
    anything: bool,
}

impl Seen {
    fn reject(&self) -> RejectReason {
        if self.anything {
            RejectReason::InvalidSyntax {
                rule: "name has no letters",
            }
        } else {
            RejectReason::Empty
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// Hyphens keep the words of a double name together in one group.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

fn is_separator(c: char) -> bool {
    !(c.is_alphanumeric() || is_combining_mark(c) || is_joiner(c) || is_apostrophe(c))
}

/// Splits one comma part into folded groups, dropping groups without a letter.
fn groups(part: &str, seen: &mut Seen) -> Vec<String> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut has_apostrophe = false;
    for (i, c) in part.char_indices() {
        if is_separator(c) {
            if let Some(s) = start.take() {
                push_group(part.get(s..i).unwrap_or(""), has_apostrophe, &mut out, seen);
            }
            has_apostrophe = false;
        } else {
            start.get_or_insert(i);
            has_apostrophe |= is_apostrophe(c);
        }
    }
    if let Some(s) = start {
        push_group(part.get(s..).unwrap_or(""), has_apostrophe, &mut out, seen);
    }
    out
}

fn push_group(word: &str, has_apostrophe: bool, out: &mut Vec<String>, seen: &mut Seen) {
    let mut folded = String::with_capacity(word.len());
    if has_apostrophe {
        let joined: String = word.chars().filter(|c| !is_apostrophe(*c)).collect();
        fold_into(&joined, &mut folded);
    } else {
        fold_into(word, &mut folded);
    }
    // Decomposition can make an apostrophe of a letter (`ŉ` is `ʼn`): it goes
    // too, as it would if typed (the folded name must read back the same).
    if !folded.is_ascii() {
        folded.retain(|c| !is_apostrophe(c));
    }
    if folded.is_empty() {
        return;
    }
    seen.anything = true;
    // A hyphenated group folds to space-separated words; words without a letter
    // ("8246" in "6D92-8246") are dropped here as they would be on their own,
    // so that the canonical form reads back to itself.
    if folded.contains(' ') {
        folded = folded
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if folded.chars().any(char::is_alphabetic) {
        out.push(folded);
    }
}

/// The number of words in `groups`.
fn words(groups: &[String]) -> usize {
    groups.iter().map(|g| g.split(' ').count()).sum()
}

/// Drops leading titles; `after` words follow the groups (a family name
/// after a comma) and count as name that follows.
fn strip_titles(groups: &mut Vec<String>, after: usize) {
    // At most a few titles in a row ("Prof. Dr. Hans Weber"); never the last word.
    for _ in 0..3 {
        let Some(group) = groups.first() else {
            return;
        };
        // Words, not groups: a title joined to the name by a hyphen
        // (`Dr-Smith`) or a hyphenated name after it (`M. Jean-Pierre`) reads
        // as separate words once folded (`dr smith`, `m jean pierre`), and
        // must read the same way again.
        let (first, rest_of_group) = match group.split_once(' ') {
            Some((w, rest)) => (w, Some(rest)),
            None => (group.as_str(), None),
        };
        let left = groups.len().saturating_sub(1);
        let words_left = rest_of_group.map_or(0, |r| r.split(' ').count())
            + groups.get(1..).map_or(0, words)
            + after;
        let is_title = (TITLES.contains(&first) && words_left >= 1)
            || (WEAK_TITLES.contains(&first) && words_left >= 2);
        if !is_title {
            return;
        }
        if let Some(rest) = rest_of_group {
            let rest = rest.to_owned();
            groups[0] = rest;
            continue;
        }
        // "Sig.ra", "Dott.ssa", "Sr.ª": the ending was split off by the period.
        let ending = match (first, groups.get(1).map(String::as_str)) {
            ("sig", Some("ra" | "na")) | ("dott" | "prof", Some("ssa")) => left >= 2,
            ("sr" | "dr", Some("a")) => left >= 3,
            _ => false,
        };
        groups.drain(..if ending { 2 } else { 1 });
    }
}

fn strip_suffixes(groups: &mut Vec<String>) {
    while groups.len() > 1
        && groups
            .last()
            .is_some_and(|g| SUFFIXES.contains(&g.as_str()))
    {
        groups.pop();
    }
}

/// Index of the first family group in a name of at least two groups, in natural order.
fn family_start(groups: &[String]) -> usize {
    let is = |list: &[&str], i: usize| groups.get(i).is_some_and(|g| list.contains(&g.as_str()));
    let mut k = groups.len().saturating_sub(1);
    // Group 0 always holds the given name, so the family never reaches it.
    while k > 1 {
        if is(CONJUNCTIONS, k - 1) {
            // "Silva e Souza": the conjunction and the surname before it,
            // but a lone "E" right after the given name is a middle initial.
            if k >= 3 {
                k -= 2;
                continue;
            }
            break;
        }
        if is(PARTICLES, k - 1) {
            k -= 1;
            continue;
        }
        break;
    }
    k
}

fn build(given: &[String], family: &[String]) -> Name {
    let tokens: Vec<String> = given
        .iter()
        .chain(family)
        .flat_map(|g| g.split(' '))
        .map(str::to_owned)
        .collect();
    let first_given = given
        .first()
        .and_then(|g| g.split(' ').next())
        .map(str::to_owned);
    let given_root = first_given.as_deref().map(|g| nickname::root(g).to_owned());
    let family = if family.is_empty() {
        None
    } else {
        Some(family.join(" "))
    };
    Name {
        given: first_given,
        given_root,
        family,
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_LETTERS: RejectReason = RejectReason::InvalidSyntax {
        rule: "name has no letters",
    };

    /// `given|given_root|family|tokens`, with `-` for an absent part.
    fn show(n: &Name) -> String {
        format!(
            "{}|{}|{}|{}",
            n.given().unwrap_or("-"),
            n.given_root().unwrap_or("-"),
            n.family().unwrap_or("-"),
            n.tokens().join(" ")
        )
    }

    /// Each row: raw name -> `given|given_root|family|tokens`.
    fn check(rows: &[(&str, &str)]) {
        for (raw, expected) in rows {
            assert_eq!(
                parse(raw).map(|n| show(&n)),
                Ok((*expected).to_owned()),
                "{raw:?}"
            );
        }
    }

    /// Each row: (given, family) -> `given|given_root|family|tokens`.
    fn check_parts(rows: &[(Option<&str>, Option<&str>, &str)]) {
        for (given, family, expected) in rows {
            assert_eq!(
                from_parts(*given, *family).map(|n| show(&n)),
                Ok((*expected).to_owned()),
                "{given:?} / {family:?}"
            );
        }
    }

    #[test]
    fn name_natural_order() {
        check(&[
            ("Jane Doe", "jane|jane|doe|jane doe"),
            (
                "  thomas   JOHNSON ",
                "thomas|thomas|johnson|thomas johnson",
            ),
            ("Noël Lebrun ", "noel|noel|lebrun|noel lebrun"),
            ("Lazăr Stancu", "lazar|lazar|stancu|lazar stancu"),
        ]);
    }

    #[test]
    fn name_comma_means_family_first() {
        check(&[
            ("DOE, Jane", "jane|jane|doe|jane doe"),
            ("Thomas, Rebecca", "rebecca|rebecca|thomas|rebecca thomas"),
            (
                "Stanley,  Lindsey",
                "lindsey|lindsey|stanley|lindsey stanley",
            ),
            (
                "CUNHA, MARCOS VINICIUS",
                "marcos|marcos|cunha|marcos vinicius cunha",
            ),
            ("da Cruz, Helena", "helena|helena|da cruz|helena da cruz"),
            (
                "García Márquez, Gabriel",
                "gabriel|gabriel|garcia marquez|gabriel garcia marquez",
            ),
            ("Smith,", "-|-|smith|smith"),
            ("Smith, , ", "-|-|smith|smith"),
        ]);
    }

    #[test]
    fn name_comma_agrees_with_natural_order() {
        let pairs = [
            ("Jesus, Maria Clara", "MARIA CLARA JESUS"),
            ("da Rocha, Levi", "Levi da Rocha"),
            ("Salinas, J.", "J. Salinas"),
            ("Ruppersberger, H.-Dieter", "H.-Dieter Ruppersberger"),
            ("Nunes, Carlos Eduardo", "Carlos Eduardo Nunes"),
            ("santos, maria julia", "Maria Julia Santos"),
        ];
        for (a, b) in pairs {
            assert_eq!(parse(a), parse(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn name_notes_in_brackets_dropped() {
        check(&[
            ("John Smith (Mr)", "john|john|smith|john smith"),
            ("Jane Doe (deceased)", "jane|jane|doe|jane doe"),
            ("Jane Doe [VIP]", "jane|jane|doe|jane doe"),
            ("Maria (Mia) Rossi", "maria|maria|rossi|maria rossi"),
            ("Jane Doe (née Brown)", "jane|jane|doe|jane doe"),
            ("Jane Doe\u{FF08}VIP\u{FF09}", "jane|jane|doe|jane doe"),
            ("Smith, John (Mr)", "john|john|smith|john smith"),
            // All notes, one word outside them, brackets that do not pair
            // up: read as before.
            ("(John Smith)", "john|john|smith|john smith"),
            ("Smith (John)", "smith|smith|john|smith john"),
            ("John Smith (Mr", "john|john|mr|john smith mr"),
        ]);
        let parts = from_parts(Some("John (Jack)"), Some("Smith [deceased]")).unwrap();
        assert_eq!(
            (parts.given(), parts.family()),
            (Some("john"), Some("smith"))
        );
    }

    #[test]
    fn name_titles_dropped_as_first_group() {
        check(&[
            ("Mr. John Smith", "john|john|smith|john smith"),
            ("Mrs Jane Doe", "jane|jane|doe|jane doe"),
            ("Ms. Amanda Moss", "amanda|amanda|moss|amanda moss"),
            ("Dr. Ana Lívia Novais", "ana|ana|novais|ana livia novais"),
            ("Prof. Dr. Hans Weber", "hans|johannes|weber|hans weber"),
            (
                "Herr Klaus Dieter Pieper",
                "klaus|klaus|pieper|klaus dieter pieper",
            ),
            ("Frau Irmgard Wirth", "irmgard|irmgard|wirth|irmgard wirth"),
            (
                "Mme Noémi Martineau",
                "noemi|noemi|martineau|noemi martineau",
            ),
            ("Mlle Céline Dupont", "celine|celine|dupont|celine dupont"),
            ("Sra. María Pérez", "maria|maria|perez|maria perez"),
            ("Srta. Pía Morán", "pia|pia|moran|pia moran"),
            ("Dna. Ioana Dinu", "ioana|ioana|dinu|ioana dinu"),
            ("Dl. Theodor Dinu", "theodor|theodor|dinu|theodor dinu"),
            ("Mr Smith", "-|-|smith|smith"),
            ("Smith, Mrs Jane", "jane|jane|smith|jane smith"),
        ]);
    }

    #[test]
    fn name_title_endings_dropped() {
        check(&[
            (
                "Sig.ra Giuseppina Magnani",
                "giuseppina|giuseppina|magnani|giuseppina magnani",
            ),
            ("Sig.na Nina Mantegna", "nina|nina|mantegna|nina mantegna"),
            (
                "Dott.ssa Loretta Vecoli",
                "loretta|loretta|vecoli|loretta vecoli",
            ),
            ("Sr.ª Ana Maria Silva", "ana|ana|silva|ana maria silva"),
            // One group after "Dr. A": the A is an initial, not an ending.
            ("Dr. A. Smith", "a|a|smith|a smith"),
        ]);
    }

    #[test]
    fn name_title_words_kept_elsewhere() {
        check(&[
            ("John Miss", "john|john|miss|john miss"),
            ("Mr.", "-|-|mr|mr"),
            ("Ana Herr", "ana|ana|herr|ana herr"),
        ]);
    }

    #[test]
    fn name_weak_titles_need_two_groups() {
        check(&[
            ("M. MARIE", "m|m|marie|m marie"),
            ("M. Jean Dupont", "jean|jean|dupont|jean dupont"),
            ("Sig Hansen", "sig|sig|hansen|sig hansen"),
            ("Sig. Mario Rossi", "mario|mario|rossi|mario rossi"),
            // Words are counted, not groups: a hyphenated name is two words,
            // as its folded form reads again.
            ("M. Jean-Pierre", "-|-|jean pierre|jean pierre"),
        ]);
    }

    #[test]
    fn name_title_joined_by_a_hyphen_is_a_title() {
        check(&[
            ("Dr-Smith", "-|-|smith|smith"),
            ("Mr-John Smith", "john|john|smith|john smith"),
            ("Dr-", "-|-|dr|dr"),
            // After a comma the family name is a word that follows.
            ("Smith, Mr", "-|-|smith|smith"),
            ("Smith, M. Jean", "jean|jean|smith|jean smith"),
        ]);
    }

    #[test]
    fn name_suffixes_dropped_at_end() {
        check(&[
            ("John Smith Jr.", "john|john|smith|john smith"),
            ("Robert Harris III", "robert|robert|harris|robert harris"),
            ("Henry Ford II", "henry|henry|ford|henry ford"),
            ("Juan Perez Sr", "juan|juan|perez|juan perez"),
            ("Smith Jr, John", "john|john|smith|john smith"),
            ("Smith, John Jr", "john|john|smith|john smith"),
            // "Sr" first is the Spanish title, not the suffix.
            ("Sr Juan Perez", "juan|juan|perez|juan perez"),
            // A suffix alone is kept: something must stay.
            ("Jr", "-|-|jr|jr"),
        ]);
    }

    #[test]
    fn name_suffix_comma_part_dropped() {
        check(&[
            ("John Smith, Jr.", "john|john|smith|john smith"),
            ("Smith, John, Jr", "john|john|smith|john smith"),
            ("Smith, John, III", "john|john|smith|john smith"),
        ]);
    }

    #[test]
    fn name_initials() {
        check(&[
            ("D. Wilson", "d|d|wilson|d wilson"),
            ("g. smith", "g|g|smith|g smith"),
            ("J.R.R. Tolkien", "j|j|tolkien|j r r tolkien"),
            (
                "H.-Dieter Ruppersberger",
                "h|h|ruppersberger|h dieter ruppersberger",
            ),
            (
                "Ruppersberger, H.-Dieter",
                "h|h|ruppersberger|h dieter ruppersberger",
            ),
        ]);
    }

    #[test]
    fn name_is_given_initial() {
        let rows = [
            ("D. Wilson", true),
            ("Salinas, J.", true),
            ("Dieter Wilson", false),
            ("Wilson", false),
            ("Ó Súilleabháin, É.", true),
        ];
        for (raw, expected) in rows {
            assert_eq!(
                parse(raw).map(|n| n.is_given_initial()),
                Ok(expected),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn name_particles_stay_in_family() {
        check(&[
            ("Olivia da Cruz", "olivia|olivia|da cruz|olivia da cruz"),
            ("Ana Luiza da Mata", "ana|ana|da mata|ana luiza da mata"),
            (
                "Maria de la Fuente",
                "maria|maria|de la fuente|maria de la fuente",
            ),
            ("Jan van der Berg", "jan|jan|van der berg|jan van der berg"),
            (
                "Capucine Da Silva",
                "capucine|capucine|da silva|capucine da silva",
            ),
            (
                "Marcel Dos Santos",
                "marcel|marcel|dos santos|marcel dos santos",
            ),
            (
                "Ludwig von Beethoven",
                "ludwig|ludwig|von beethoven|ludwig von beethoven",
            ),
            // A particle-like first word is still the given name.
            ("Van Morrison", "van|van|morrison|van morrison"),
            // Particles inside the given names stay there.
            (
                "Maria das Graças Silva",
                "maria|maria|silva|maria das gracas silva",
            ),
        ]);
    }

    #[test]
    fn name_conjunction_joins_surnames() {
        check(&[
            (
                "Ana Silva e Souza",
                "ana|ana|silva e souza|ana silva e souza",
            ),
            (
                "José Ortega y Gasset",
                "jose|jose|ortega y gasset|jose ortega y gasset",
            ),
            (
                "Ana dos Santos e Silva",
                "ana|ana|dos santos e silva|ana dos santos e silva",
            ),
            // A single E right after the given name is a middle initial.
            ("John E Smith", "john|john|smith|john e smith"),
        ]);
    }

    #[test]
    fn name_several_given_names() {
        check(&[
            ("Ana Lívia Novais", "ana|ana|novais|ana livia novais"),
            (
                "João Miguel Cardoso",
                "joao|joao|cardoso|joao miguel cardoso",
            ),
            (
                "Klaus Dieter Pieper",
                "klaus|klaus|pieper|klaus dieter pieper",
            ),
            ("Jean-Pierre Dupont", "jean|jean|dupont|jean pierre dupont"),
        ]);
    }

    #[test]
    fn name_hyphenated_groups() {
        check(&[
            (
                "Karl-Wilhelm Ruppersberger",
                "karl|karl|ruppersberger|karl wilhelm ruppersberger",
            ),
            (
                "Wolf-Rüdiger Jacobi Jäckel",
                "wolf|wolf|jackel|wolf rudiger jacobi jackel",
            ),
            (
                "Noémi MARTINEAU-Straße",
                "noemi|noemi|martineau strasse|noemi martineau strasse",
            ),
            (
                "Ana Lopes\u{2013}Ramos",
                "ana|ana|lopes ramos|ana lopes ramos",
            ),
        ]);
    }

    #[test]
    fn name_apostrophes_removed() {
        check(&[
            ("Sally O'Neill", "sally|sally|oneill|sally oneill"),
            // An apostrophe made by decomposition (`ŉ` is `ʼn`) goes as well.
            ("Ana Maŉe", "ana|ana|mane|ana mane"),
            ("Sally O\u{2019}Neill", "sally|sally|oneill|sally oneill"),
            ("O'Connor, Holly", "holly|holly|oconnor|holly oconnor"),
            ("Lucia D'Angelo", "lucia|lucia|dangelo|lucia dangelo"),
        ]);
    }

    #[test]
    fn name_nickname_root() {
        check(&[
            ("Doe, Bill", "bill|william|doe|bill doe"),
            ("Becky Thomas", "becky|rebecca|thomas|becky thomas"),
            ("Zé Carvalho", "ze|jose|carvalho|ze carvalho"),
            ("Pepe Lasa", "pepe|jose|lasa|pepe lasa"),
            ("Pombo, Chuy", "chuy|jesus|pombo|chuy pombo"),
            ("Gigi Stancu", "gigi|gheorghe|stancu|gigi stancu"),
            ("Lisa Brown", "lisa|lisa|brown|lisa brown"),
        ]);
    }

    #[test]
    fn name_lone_group_is_family() {
        check(&[
            ("Smith", "-|-|smith|smith"),
            ("  Madonna ", "-|-|madonna|madonna"),
            ("Jean-Pierre", "-|-|jean pierre|jean pierre"),
        ]);
    }

    #[test]
    fn name_letterless_groups_dropped() {
        check(&[
            ("John Smith 3", "john|john|smith|john smith"),
            ("John (Smith)", "john|john|smith|john smith"),
            ("123, John", "-|-|john|john"),
        ]);
    }

    #[test]
    fn name_rejections() {
        let rows = [
            ("", RejectReason::Empty),
            ("   ", RejectReason::Empty),
            ("--..", RejectReason::Empty),
            (",,,", RejectReason::Empty),
            ("'", RejectReason::Empty),
            ("12345", NO_LETTERS),
            ("007, 42", NO_LETTERS),
            ("#1 - 2", NO_LETTERS),
        ];
        for (raw, expected) in rows {
            assert_eq!(parse(raw), Err(expected), "{raw:?}");
        }
    }

    #[test]
    fn name_from_parts() {
        check_parts(&[
            (Some("Jane"), Some("Doe"), "jane|jane|doe|jane doe"),
            (Some("Bill"), Some("Doe"), "bill|william|doe|bill doe"),
            (
                Some("Helena"),
                Some("da Cruz"),
                "helena|helena|da cruz|helena da cruz",
            ),
            (
                Some("Ana Lívia"),
                Some("Novais"),
                "ana|ana|novais|ana livia novais",
            ),
            (
                Some("Gabriel"),
                Some("García Márquez"),
                "gabriel|gabriel|garcia marquez|gabriel garcia marquez",
            ),
            (None, Some("Smith"), "-|-|smith|smith"),
            (Some("Bill"), None, "bill|william|-|bill"),
            (
                Some("Mr. John"),
                Some("Smith Jr."),
                "john|john|smith|john smith",
            ),
            (Some("  "), Some("Smith"), "-|-|smith|smith"),
        ]);
    }

    #[test]
    fn name_from_parts_rejections() {
        let rows = [
            (None, None, RejectReason::Empty),
            (Some(""), Some(".."), RejectReason::Empty),
            (Some("123"), None, NO_LETTERS),
            (Some("1"), Some("2"), NO_LETTERS),
        ];
        for (given, family, expected) in rows {
            assert_eq!(
                from_parts(given, family),
                Err(expected),
                "{given:?} / {family:?}"
            );
        }
    }

    #[test]
    fn name_parse_agrees_with_from_parts() {
        let rows = [
            ("Jane Doe", Some("Jane"), Some("Doe")),
            ("Helena da Cruz", Some("Helena"), Some("da Cruz")),
            ("Smith", None, Some("Smith")),
            ("Mr John Smith", Some("Mr John"), Some("Smith")),
        ];
        for (raw, given, family) in rows {
            assert_eq!(parse(raw), from_parts(given, family), "{raw:?}");
        }
    }

    #[test]
    fn name_unicode_forms() {
        check(&[
            ("e\u{0301}mile zola", "emile|emile|zola|emile zola"),
            (
                "\u{FF2A}\u{FF21}\u{FF2E}\u{FF25}\u{3000}\u{FF24}\u{FF2F}\u{FF25}",
                "jane|jane|doe|jane doe",
            ),
            ("SØREN ÆRØ", "soren|soren|aero|soren aero"),
            ("Maitê da Costa", "maite|maite|da costa|maite da costa"),
        ]);
    }

    #[test]
    fn name_odd_input_never_panics() {
        let rows = [
            "\u{0301}\u{0301}",
            "\u{540D}\u{524D} \u{592A}\u{90CE}",
            "\u{0}\u{1}\u{7f}",
            "a-'-b",
            "'''---,,,",
            "\u{DF}",
            "\u{FEFF}\u{200B}",
            "Mr",
            "M. Sig.",
        ];
        for raw in rows {
            let _ = parse(raw);
            let _ = from_parts(Some(raw), Some(raw));
            let _ = from_parts(Some(raw), None);
        }
        let long = "Ab-c'D. ".repeat(5000);
        assert!(parse(&long).is_ok());
    }
}
