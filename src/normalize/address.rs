//! Street addresses.
//!
//! The address is folded (`text::fold`: accents, case, punctuation) one
//! comma-separated part at a time, and each word that names a kind of street
//! or unit is replaced by one canonical word, so the same address typed two
//! ways gives the same text: `"12 Main St."` and `"12 main street"` are both
//! `12 main street`, `"Av. Paulista, 1578"` and `"Avenida Paulista 1578"` are
//! both `avenue paulista 1578`.
//!
//! # Design: language-neutral canonical words
//!
//! The address carries no language, and the same abbreviation stands for
//! different words in different languages (`av` is avenue and avenida, `str`
//! is Straße, strada and straat, `pl` is place, Platz and plaza, `r` is rue
//! and rua, `bd` is boulevard and bulevardul, `al` is alameda and aleea).
//! So each such family of words has one canonical word, used for every
//! language and for the abbreviations *and* the full words:
//!
//! | canonical | from |
//! |---|---|
//! | `avenue` | av, ave, avd, avda, avenida, avenue |
//! | `strasse` | str, strasse, straße, strada, straat, and the German compound `…str` / `…straße` split off (`Wernerstr.` -> `werner strasse`) |
//! | `place` | pl, place, platz, plaza, pza, piazza, p.za, p.zza, praça, pç, pça, piața |
//! | `rue` | rue, rua, and `r` before a name |
//! | `boulevard` | blvd, bd, bld, boul, bdul, b-dul, bulevard, bulevardul |
//! | `allee` | allée, aleea, alameda, and `al` / `all` before a name |
//! | `calle` | calle, carrer, cll, and `c/` / `c` / `cl` before a name |
//! | `paseo` | paseo, passeig, pso, pº, and `ps` / `po` before a name |
//! | `travessa` | travessa, travesía, traversa, trav, trv, and `tv` before a name |
//!
//! Other street words keep their own canonical word (English `street`, `road`,
//! `lane`, `drive`, `court`, `square`, `highway`, `parkway`, `crescent`,
//! `circle`, `terrace`; French `impasse`, `chemin`, `route`, `faubourg`,
//! `cours`; Spanish `carretera`, `camino`, `callejon`, `pasaje`,
//! `urbanizacion`; Italian `via`, `viale`, `piazzale`, `corso`, `largo`,
//! `vicolo`, `localita`; Portuguese `rodovia`, `estrada`, `jardim`; Romanian
//! `calea`, `soseaua`, `splaiul`, `intrarea`), as do units (`apartment`,
//! `suite`).
//!
//! # Position rules
//!
//! Short words that are also ordinary words or initials are read by position:
//!
//! - *Leading* abbreviations (`r`, `c`, `v`, `al`, `ch`, `est`, `sos`, ...)
//!   name a street type only at the start of a part or right after a house
//!   number, and only before a word: the Romance languages put the type first.
//!   So `"V. Mazzanti 29"` is `via mazzanti 29` but `"Via Po"` keeps `po`.
//!   `v` is also `via` as the last word of a part after a name, the English
//!   form of the same street type (`"203 John V., Lindseymouth"`).
//! - `st` is `saint` before a name at the start, after a number or after a
//!   street type (`"12 St James St"` -> `12 saint james street`,
//!   `"Rue St Honoré"` -> `rue saint honore`), and `street` elsewhere. `dr`
//!   is `doctor` or `drive` by the same rule. `ste` is `suite` before a
//!   number or a single letter, else `sainte` where `st` would be `saint`.
//! - `ct` and `ter` are `court` and `terrace` only after a word: `CT 06103`
//!   is the state of Connecticut, `12 ter` is a French house number.
//!
//! English directions are shortened, not expanded (`north` -> `n`,
//! `southwest` -> `sw`): single letters are ambiguous in other languages
//! (Portuguese `e`, Spanish `s/n`) while the full words are not. Number
//! markers before a number are dropped (`nr. 156`, `nº 12`, `n.º 12`, `no 5` -> the
//! number alone). Parts are joined with one space; the commas are not kept.

use super::text;
use crate::RejectReason;

/// A normalized street address: folded, street types spelled out in full.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    value: String,
}

impl Address {
    /// The canonical address text (`"12 main street springfield"`).
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// Where a word from [`WORDS`] is read as a street or unit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// Always.
    Anywhere,
    /// At the start of a part or after a house number, and before a word.
    Leading,
    /// Only after a word (a name), as in English `Oak Ct`.
    Trailing,
    /// Leading, or the last word of a part after a name (`203 John V.` for Via).
    LeadingOrLast,
}

/// Folded word -> canonical word, sorted by word for binary search.
static WORDS: &[(&str, &str, At)] = &[
    ("al", "allee", At::Leading),
    ("alameda", "allee", At::Anywhere),
    ("alee", "allee", At::Anywhere),
    ("aleea", "allee", At::Anywhere),
    ("all", "allee", At::Leading),
    ("allee", "allee", At::Anywhere),
    ("apartamento", "apartment", At::Anywhere),
    ("apartment", "apartment", At::Anywhere),
    ("appartamento", "apartment", At::Anywhere),
    ("appartement", "apartment", At::Anywhere),
    ("appt", "apartment", At::Anywhere),
    ("apt", "apartment", At::Anywhere),
    ("apto", "apartment", At::Anywhere),
    ("av", "avenue", At::Anywhere),
    ("avd", "avenue", At::Anywhere),
    ("avda", "avenue", At::Anywhere),
    ("ave", "avenue", At::Anywhere),
    ("aven", "avenue", At::Anywhere),
    ("avenida", "avenue", At::Anywhere),
    ("avenue", "avenue", At::Anywhere),
    ("avn", "avenue", At::Anywhere),
    ("bd", "boulevard", At::Anywhere),
    ("bdul", "boulevard", At::Anywhere),
    ("bld", "boulevard", At::Anywhere),
    ("blv", "boulevard", At::Anywhere),
    ("blvd", "boulevard", At::Anywhere),
    ("boul", "boulevard", At::Anywhere),
    ("boulevard", "boulevard", At::Anywhere),
    ("bulevar", "boulevard", At::Anywhere),
    ("bulevard", "boulevard", At::Anywhere),
    ("bulevardul", "boulevard", At::Anywhere),
    ("bvd", "boulevard", At::Anywhere),
    ("c", "calle", At::Leading),
    ("cal", "calea", At::Leading),
    ("calea", "calea", At::Anywhere),
    ("calle", "calle", At::Anywhere),
    ("callejon", "callejon", At::Anywhere),
    ("camino", "camino", At::Anywhere),
    ("carrer", "calle", At::Anywhere),
    ("carretera", "carretera", At::Anywhere),
    ("ch", "chemin", At::Leading),
    ("chem", "chemin", At::Anywhere),
    ("chemin", "chemin", At::Anywhere),
    ("cir", "circle", At::Anywhere),
    ("circ", "circle", At::Anywhere),
    ("circle", "circle", At::Anywhere),
    ("cjon", "callejon", At::Anywhere),
    ("cl", "calle", At::Leading),
    ("cll", "calle", At::Anywhere),
    ("cmno", "camino", At::Anywhere),
    ("cno", "camino", At::Anywhere),
    ("corso", "corso", At::Anywhere),
    ("cours", "cours", At::Anywhere),
    ("court", "court", At::Anywhere),
    ("cres", "crescent", At::Anywhere),
    ("cresc", "crescent", At::Anywhere),
    ("crescent", "crescent", At::Anywhere),
    ("crs", "cours", At::Anywhere),
    ("crt", "court", At::Anywhere),
    ("crta", "carretera", At::Anywhere),
    ("cso", "corso", At::Anywhere),
    ("ct", "court", At::Trailing),
    ("ctra", "carretera", At::Anywhere),
    ("doctor", "doctor", At::Anywhere),
    ("drive", "drive", At::Anywhere),
    ("east", "e", At::Anywhere),
    ("est", "estrada", At::Leading),
    ("estr", "estrada", At::Anywhere),
    ("estrada", "estrada", At::Anywhere),
    ("faubourg", "faubourg", At::Anywhere),
    ("fbg", "faubourg", At::Anywhere),
    ("fg", "faubourg", At::Leading),
    ("highway", "highway", At::Anywhere),
    ("hway", "highway", At::Anywhere),
    ("hwy", "highway", At::Anywhere),
    ("imp", "impasse", At::Anywhere),
    ("impasse", "impasse", At::Anywhere),
    ("intr", "intrarea", At::Leading),
    ("intrarea", "intrarea", At::Anywhere),
    ("jardim", "jardim", At::Anywhere),
    ("jd", "jardim", At::Anywhere),
    ("lane", "lane", At::Anywhere),
    ("largo", "largo", At::Anywhere),
    ("lgo", "largo", At::Anywhere),
    ("ln", "lane", At::Anywhere),
    ("loc", "localita", At::Leading),
    ("localita", "localita", At::Anywhere),
    ("north", "n", At::Anywhere),
    ("northeast", "ne", At::Anywhere),
    ("northwest", "nw", At::Anywhere),
    ("parkway", "parkway", At::Anywhere),
    ("pasaje", "pasaje", At::Anywhere),
    ("paseo", "paseo", At::Anywhere),
    ("passeig", "paseo", At::Anywhere),
    ("pc", "place", At::Leading),
    ("pca", "place", At::Anywhere),
    ("piata", "place", At::Anywhere),
    ("piazza", "place", At::Anywhere),
    ("piazzale", "piazzale", At::Anywhere),
    ("pje", "pasaje", At::Anywhere),
    ("pkwy", "parkway", At::Anywhere),
    ("pky", "parkway", At::Anywhere),
    ("pl", "place", At::Anywhere),
    ("place", "place", At::Anywhere),
    ("platz", "place", At::Anywhere),
    ("plaza", "place", At::Anywhere),
    ("ple", "piazzale", At::Leading),
    ("plza", "place", At::Anywhere),
    ("po", "paseo", At::Leading),
    ("praca", "place", At::Anywhere),
    ("ps", "paseo", At::Leading),
    ("psje", "pasaje", At::Anywhere),
    ("pso", "paseo", At::Anywhere),
    ("pza", "place", At::Anywhere),
    ("pzle", "piazzale", At::Anywhere),
    ("pzza", "place", At::Anywhere),
    ("r", "rue", At::Leading),
    ("rd", "road", At::Anywhere),
    ("road", "road", At::Anywhere),
    ("rod", "rodovia", At::Leading),
    ("rodovia", "rodovia", At::Anywhere),
    ("route", "route", At::Anywhere),
    ("rte", "route", At::Anywhere),
    ("rua", "rue", At::Anywhere),
    ("rue", "rue", At::Anywhere),
    ("saint", "saint", At::Anywhere),
    ("sainte", "sainte", At::Anywhere),
    ("sankt", "saint", At::Anywhere),
    ("sos", "soseaua", At::Leading),
    ("sosea", "soseaua", At::Anywhere),
    ("soseaua", "soseaua", At::Anywhere),
    ("south", "s", At::Anywhere),
    ("southeast", "se", At::Anywhere),
    ("southwest", "sw", At::Anywhere),
    ("spl", "splaiul", At::Leading),
    ("splaiul", "splaiul", At::Anywhere),
    ("sq", "square", At::Anywhere),
    ("sqr", "square", At::Anywhere),
    ("square", "square", At::Anywhere),
    ("str", "strasse", At::Anywhere),
    ("straat", "strasse", At::Anywhere),
    ("strada", "strasse", At::Anywhere),
    ("strasse", "strasse", At::Anywhere),
    ("street", "street", At::Anywhere),
    ("suite", "suite", At::Anywhere),
    ("ter", "terrace", At::Trailing),
    ("terr", "terrace", At::Anywhere),
    ("terrace", "terrace", At::Anywhere),
    ("trav", "travessa", At::Anywhere),
    ("traversa", "travessa", At::Anywhere),
    ("travesia", "travessa", At::Anywhere),
    ("travessa", "travessa", At::Anywhere),
    ("trv", "travessa", At::Anywhere),
    ("tv", "travessa", At::Leading),
    ("urb", "urbanizacion", At::Anywhere),
    ("urbanizacion", "urbanizacion", At::Anywhere),
    ("v", "via", At::LeadingOrLast),
    ("via", "via", At::Anywhere),
    ("viale", "viale", At::Anywhere),
    ("vic", "vicolo", At::Leading),
    ("vicolo", "vicolo", At::Anywhere),
    ("vle", "viale", At::Anywhere),
    ("west", "w", At::Anywhere),
];

/// Abbreviations that folding splits in two (`B-dul`, `P.za`, `C.so`, `C/jón`).
static PAIRS: &[((&str, &str), &str)] = &[
    (("b", "dul"), "boulevard"),
    (("c", "jon"), "callejon"),
    (("c", "so"), "corso"),
    (("l", "go"), "largo"),
    (("p", "le"), "piazzale"),
    (("p", "o"), "paseo"),
    (("p", "ta"), "place"),
    (("p", "za"), "place"),
    (("p", "zza"), "place"),
    (("p", "zzale"), "piazzale"),
    (("v", "le"), "viale"),
    (("v", "lo"), "vicolo"),
];

/// Number markers, dropped before a number (`nr. 156` -> `156`).
const NUMBER_MARKERS: &[&str] = &["no", "nr", "nro", "num", "numar", "number", "numero"];

/// Canonical words that are directions, not street types.
const DIRECTIONS: &[&str] = &["e", "n", "ne", "nw", "s", "se", "sw", "w"];

/// What came before a word in its part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    Number,
    StreetType,
    Word,
}

/// Parses a street address.
pub(crate) fn parse(raw: &str) -> Result<Address, RejectReason> {
    let mut out = String::with_capacity(raw.len() + 16);
    // One buffer and one token list for all parts, so a part costs no allocation.
    let mut folded = String::with_capacity(raw.len());
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for part in raw.split([',', ';', '\n', '\u{FF0C}']) {
        fold_into(part, &mut folded);
        tokens.clear();
        // Folded text is words separated by single ASCII spaces.
        let mut start = 0;
        for (i, b) in folded.bytes().enumerate() {
            if b == b' ' {
                tokens.push((start, i));
                start = i + 1;
            }
        }
        if start < folded.len() {
            tokens.push((start, folded.len()));
        }
        expand(
            &Tokens {
                text: &folded,
                spans: &tokens,
            },
            &mut out,
        );
    }
    if out.is_empty() {
        return Err(RejectReason::Empty);
    }
    if !out.chars().any(char::is_alphabetic) {
        return Err(RejectReason::InvalidSyntax {
            rule: "address has no letters",
        });
    }
    Ok(Address { value: out })
}

/// `text::fold` into a reused buffer, with a fast path for plain ASCII
/// (the same result: NFKD and combining marks do not touch ASCII).
/// Shared with the name normalizer; it belongs in `text` once that file is open to changes.
pub(super) fn fold_into(part: &str, buf: &mut String) {
    buf.clear();
    if !part.is_ascii() {
        buf.push_str(&text::fold(part));
        return;
    }
    let mut pending_space = false;
    for b in part.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !buf.is_empty() {
                buf.push(' ');
            }
            pending_space = false;
            buf.push(char::from(b.to_ascii_lowercase()));
        } else {
            pending_space = true;
        }
    }
}

/// The words of one folded part, as byte spans into its text.
struct Tokens<'a> {
    text: &'a str,
    spans: &'a [(usize, usize)],
}

impl<'a> Tokens<'a> {
    fn get(&self, i: usize) -> Option<&'a str> {
        let &(start, end) = self.spans.get(i)?;
        self.text.get(start..end)
    }
}

fn starts_with_digit(t: &str) -> bool {
    t.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

fn lookup(word: &str) -> Option<(&'static str, At)> {
    WORDS
        .binary_search_by(|(w, _, _)| (*w).cmp(word))
        .ok()
        .and_then(|i| WORDS.get(i))
        .map(|&(_, canonical, at)| (canonical, at))
}

fn pair(first: &str, second: &str) -> Option<&'static str> {
    if first.len() != 1 {
        return None;
    }
    PAIRS
        .iter()
        .find(|((a, b), _)| *a == first && *b == second)
        .map(|&(_, c)| c)
}

fn push(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Appends the canonical words of one folded part to `out`.
fn expand(tokens: &Tokens<'_>, out: &mut String) {
    let mut prev = Prev::Start;
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        let next = tokens.get(i + 1);
        let after = tokens.get(i + 2);
        i += 1;
        // "PO Box" and "P.O. Box" are a box, not a paseo.
        let po_box = |n: Option<&str>| n == Some("box");
        if t == "p" && next == Some("o") && po_box(after) {
            push(out, "po");
            prev = Prev::Word;
            i += 1;
            continue;
        }
        if let Some(n) = next {
            if let Some(canonical) = pair(t, n) {
                push(out, canonical);
                prev = Prev::StreetType;
                i += 1;
                continue;
            }
        }
        if NUMBER_MARKERS.contains(&t) && next.is_some_and(starts_with_digit) {
            continue;
        }
        // "n.º 5": the marker was split in two by the period.
        if t == "n" && next == Some("o") && after.is_some_and(starts_with_digit) {
            i += 1;
            continue;
        }
        let before_name = next.is_some_and(|n| !starts_with_digit(n));
        let type_slot = matches!(prev, Prev::Start | Prev::Number | Prev::StreetType);
        let leading = before_name && matches!(prev, Prev::Start | Prev::Number);
        let last_after_name = next.is_none() && prev == Prev::Word;
        let word: Option<&str> = match t {
            "st" => Some(if before_name && type_slot {
                "saint"
            } else {
                "street"
            }),
            "dr" => Some(if before_name && type_slot {
                "doctor"
            } else {
                "drive"
            }),
            "ste" => {
                let unit = next.is_none_or(|n| starts_with_digit(n) || n.len() == 1);
                Some(if !unit && type_slot {
                    "sainte"
                } else {
                    "suite"
                })
            }
            "po" if po_box(next) => None,
            _ => match lookup(t) {
                Some((canonical, At::Anywhere)) => Some(canonical),
                Some((canonical, At::Leading)) if leading => Some(canonical),
                Some((canonical, At::LeadingOrLast)) if leading || last_after_name => {
                    Some(canonical)
                }
                Some((canonical, At::Trailing)) if prev == Prev::Word => Some(canonical),
                _ => None,
            },
        };
        match word {
            Some(w) => {
                push(out, w);
                prev = match w {
                    "saint" | "sainte" | "doctor" => Prev::Word,
                    _ if DIRECTIONS.contains(&w) => Prev::Word,
                    _ => Prev::StreetType,
                };
            }
            None => {
                if let Some(name) = compound_street(t) {
                    push(out, name);
                    push(out, "strasse");
                    prev = Prev::StreetType;
                } else {
                    push(out, t);
                    prev = if starts_with_digit(t) {
                        Prev::Number
                    } else {
                        Prev::Word
                    };
                }
            }
        }
    }
}

/// The name part of a German or Dutch compound street word
/// (`wernerstrasse`, `wernerstr`, `kalverstraat` -> `werner`, `kalver`).
fn compound_street(t: &str) -> Option<&str> {
    ["strasse", "straat", "str"].iter().find_map(|suffix| {
        let name = t.strip_suffix(suffix)?;
        (name.len() >= 3 && name.chars().all(char::is_alphabetic)).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: raw address -> canonical text.
    fn check(rows: &[(&str, &str)]) {
        for (raw, expected) in rows {
            let got = parse(raw).map(|a| a.as_str().to_owned());
            assert_eq!(got, Ok((*expected).to_owned()), "{raw:?}");
        }
    }

    /// Each row: spellings of one address that must give one canonical text.
    fn same(rows: &[&[&str]]) {
        for spellings in rows {
            let canonical: Vec<_> = spellings
                .iter()
                .map(|raw| parse(raw).map(|a| a.as_str().to_owned()))
                .collect();
            assert!(
                canonical.iter().all(Result::is_ok),
                "{spellings:?} -> {canonical:?}"
            );
            assert!(
                canonical.windows(2).all(|w| w[0] == w[1]),
                "{spellings:?} -> {canonical:?}"
            );
        }
    }

    #[test]
    fn address_tables_sorted_and_stable() {
        for w in WORDS.windows(2) {
            if let [(a, _, _), (b, _, _)] = w {
                assert!(a < b, "WORDS out of order at {a:?} / {b:?}");
            }
        }
        // A canonical word read again is unchanged, so canonical text is stable.
        for (_, canonical, _) in WORDS {
            if let Some((c, _)) = lookup(canonical) {
                assert_eq!(c, *canonical, "{canonical:?} maps elsewhere");
            }
        }
        for (_, canonical) in PAIRS {
            assert_eq!(
                lookup(canonical).map(|(c, _)| c),
                Some(*canonical),
                "{canonical:?}"
            );
        }
    }

    #[test]
    fn address_ascii_fold_matches_text_fold() {
        let rows = [
            "",
            "  12 Main St.  ",
            "A--B..c",
            "O'Neill #4; x",
            "\t\n 9 ",
            "ABC def GHI",
        ];
        let mut buf = String::new();
        for raw in rows {
            fold_into(raw, &mut buf);
            assert_eq!(buf, text::fold(raw), "{raw:?}");
        }
    }

    #[test]
    fn address_canonical_text_is_stable() {
        let rows = [
            "12 Main St.",
            "Wernerstr. 145, Lüdinghausen",
            "C/ Mayor 5",
            "R. Augusta, 123",
            "12 St James St",
            "V. Mazzanti 29",
            "Bd. Unirii nr. 5",
        ];
        for raw in rows {
            let once = parse(raw).map(|a| a.as_str().to_owned());
            let twice = once
                .clone()
                .and_then(|a| parse(&a))
                .map(|a| a.as_str().to_owned());
            assert_eq!(once, twice, "{raw:?}");
        }
    }

    #[test]
    fn address_english_street_types() {
        check(&[
            ("12 Main St.", "12 main street"),
            ("9 Sunset Blvd", "9 sunset boulevard"),
            ("4 Elm Rd", "4 elm road"),
            ("153 William Ave", "153 william avenue"),
            ("7 Oak Ln", "7 oak lane"),
            ("88 Pine Dr", "88 pine drive"),
            ("3 Birch Ct", "3 birch court"),
            ("1 Market Pl", "1 market place"),
            ("5 Union Sq", "5 union square"),
            ("100 Pacific Hwy", "100 pacific highway"),
            ("2 Garden State Pkwy", "2 garden state parkway"),
            ("6 Royal Cres", "6 royal crescent"),
            ("8 Lake Cir", "8 lake circle"),
            ("10 Park Ter", "10 park terrace"),
        ]);
    }

    #[test]
    fn address_english_units() {
        check(&[
            ("100 Main St Apt 4B", "100 main street apartment 4b"),
            ("100 Main St Ste 200", "100 main street suite 200"),
            ("100 Main St., Suite B", "100 main street suite b"),
            ("100 Main St Ste B", "100 main street suite b"),
        ]);
    }

    #[test]
    fn address_english_saint_and_street() {
        check(&[
            ("12 St James St", "12 saint james street"),
            ("St. Mary's Rd", "saint mary s road"),
            ("Main St", "main street"),
            ("st", "street"),
        ]);
    }

    #[test]
    fn address_english_doctor_and_drive() {
        check(&[
            (
                "1 Dr Martin Luther King Jr Blvd",
                "1 doctor martin luther king jr boulevard",
            ),
            ("88 Pine Dr, Springfield", "88 pine drive springfield"),
            ("dr", "drive"),
        ]);
    }

    #[test]
    fn address_english_directions_shortened() {
        check(&[
            (
                "140 Preston Expressway, North Benjamin",
                "140 preston expressway n benjamin",
            ),
            ("1 Southwest Pkwy", "1 sw parkway"),
        ]);
        same(&[&[
            "N 5th Ave",
            "n 5th avenue",
            "North 5th Avenue",
            "north 5th ave",
        ]]);
    }

    #[test]
    fn address_english_state_codes_kept() {
        check(&[
            ("Hartford, CT 06103", "hartford ct 06103"),
            ("Montgomery, AL 36104", "montgomery al 36104"),
        ]);
    }

    #[test]
    fn address_english_same_address() {
        same(&[
            &["12 Main St.", "12 MAIN STREET", "12  main   street "],
            &["9 Sunset Blvd", "9 Sunset Boulevard"],
            &[
                "100 Main St Apt 4",
                "100 Main Street Apartment 4",
                "100 Main St., Apt. 4",
            ],
            &["203 John V., Lindseymouth", "203 John Via, Lindseymouth"],
        ]);
    }

    #[test]
    fn address_po_box() {
        same(&[&["PO Box 123", "P.O. Box 123", "p o box 123"]]);
        check(&[("PO Box 123", "po box 123")]);
    }

    #[test]
    fn address_german() {
        check(&[
            ("Mälzerplatz 153, Gera", "malzerplatz 153 gera"),
            ("Am Markt Pl. 1", "am markt place 1"),
            ("Haaseweg 261", "haaseweg 261"),
            ("Sibel-Wieloch-Allee 65", "sibel wieloch allee 65"),
            ("St.-Georg-Str. 3", "saint georg strasse 3"),
            ("Sankt-Georg-Straße 3", "saint georg strasse 3"),
            ("Dr.-Müller-Str. 7", "doctor muller strasse 7"),
        ]);
    }

    #[test]
    fn address_german_compound_street_split() {
        check(&[
            (
                "Wernerstr. 145, Lüdinghausen",
                "werner strasse 145 ludinghausen",
            ),
            (
                "Wernerstraße 145, Lüdinghausen",
                "werner strasse 145 ludinghausen",
            ),
            ("Werner Str. 145", "werner strasse 145"),
            ("Kalverstraat 12", "kalver strasse 12"),
            // Too short a name part to be a compound.
            ("Ostr 1", "ostr 1"),
        ]);
        same(&[&[
            "Wernerstr. 145, Lüdinghausen",
            "WERNERSTR. 145, LÜDINGHAUSEN",
            "Wernerstraße 145, Lüdinghausen",
            "Werner-Straße 145, Lüdinghausen",
            "Wernerstrasse 145 Lüdinghausen",
        ]]);
    }

    #[test]
    fn address_french() {
        check(&[
            (
                "52 bd de Martin, MenardBourg",
                "52 boulevard de martin menardbourg",
            ),
            ("220 avenue de Blanchard", "220 avenue de blanchard"),
            ("12 r. de la Paix", "12 rue de la paix"),
            ("3 pl. de la Concorde", "3 place de la concorde"),
            ("5 imp. des Lilas", "5 impasse des lilas"),
            ("218 ch. Victoire Ferrand", "218 chemin victoire ferrand"),
            ("7 rte de Lyon", "7 route de lyon"),
            ("9 all. des Tilleuls", "9 allee des tilleuls"),
            ("3 fbg Saint-Honoré", "3 faubourg saint honore"),
        ]);
    }

    #[test]
    fn address_french_saints_and_house_number_suffix() {
        check(&[
            ("10 rue St Honoré", "10 rue saint honore"),
            ("4 rue Ste Catherine", "4 rue sainte catherine"),
            ("12 ter rue de la Gare", "12 ter rue de la gare"),
            ("2 rue de l'Est", "2 rue de l est"),
        ]);
    }

    #[test]
    fn address_french_same_address() {
        same(&[
            &[
                "52 BOULEVARD DE MARTIN, MENARDBOURG",
                "52 bd de Martin, MenardBourg",
                "52 Bd. de Martin, Menardbourg",
            ],
            &["218 chemin Victoire Ferrand", "218 ch Victoire Ferrand"],
            &["9 allée des Tilleuls", "9 all. des Tilleuls"],
        ]);
    }

    #[test]
    fn address_spanish() {
        check(&[
            ("C/ Mayor 5", "calle mayor 5"),
            (
                "C. de Jaime Montserrat, 134, Melilla",
                "calle de jaime montserrat 134 melilla",
            ),
            ("Avda. de la Constitución 3", "avenue de la constitucion 3"),
            ("Pza. Mayor 1", "place mayor 1"),
            ("Pº de la Castellana 100", "paseo de la castellana 100"),
            ("P.º de Gracia 5", "paseo de gracia 5"),
            ("Ctra. de Valencia km 5", "carretera de valencia km 5"),
            ("C/jón Olivia Moya, 165", "callejon olivia moya 165"),
            ("Calle Dr. Fleming 4", "calle doctor fleming 4"),
        ]);
    }

    #[test]
    fn address_spanish_same_address() {
        same(&[
            &[
                "C. LUCILA ROSELL, 215, CUENCA",
                "Calle Lucila Rosell, 215, Cuenca",
                "c/ lucila rosell 215 cuenca",
            ],
            &[
                "Avda. de América 3",
                "Avenida de América 3",
                "Av. de America, 3",
            ],
            &["Plaza Mayor 1", "Pza Mayor 1", "Pl. Mayor 1"],
            &["Paseo del Prado 8", "Pº del Prado 8", "Ps. del Prado 8"],
            &["Callejón Olivia Moya, 165", "C/jón Olivia Moya, 165"],
            &["Carretera de Valencia 5", "Ctra. de Valencia 5"],
        ]);
    }

    #[test]
    fn address_italian() {
        check(&[
            ("V. Mazzanti 29, Avigliano", "via mazzanti 29 avigliano"),
            ("Via Po 3", "via po 3"),
            ("V.le Europa 12", "viale europa 12"),
            ("P.za Garibaldi 1", "place garibaldi 1"),
            ("P.zza Garibaldi 1", "place garibaldi 1"),
            ("C.so Vittorio Emanuele 5", "corso vittorio emanuele 5"),
            ("P.le Loreto 2", "piazzale loreto 2"),
            ("L.go Augusto 1", "largo augusto 1"),
            ("Strada Ravaglioli 182", "strasse ravaglioli 182"),
        ]);
    }

    #[test]
    fn address_italian_same_address() {
        same(&[
            &["Via Mazzanti 29", "v. mazzanti 29", "VIA MAZZANTI 29"],
            &[
                "Piazza Garibaldi 1",
                "P.za Garibaldi 1",
                "P.zza Garibaldi, 1",
            ],
            &["Corso Italia 5", "C.so Italia 5", "Cso Italia 5"],
            &["Viale Europa 12", "V.le Europa 12", "Vle Europa 12"],
        ]);
    }

    #[test]
    fn address_portuguese() {
        check(&[
            ("R. Augusta, 123", "rue augusta 123"),
            ("Av. Paulista, 1578", "avenue paulista 1578"),
            ("Trav. do Carmo, 5", "travessa do carmo 5"),
            ("Pça. da Sé, 1", "place da se 1"),
            ("Al. Santos, 200", "allee santos 200"),
            ("Rod. Anhanguera, km 20", "rodovia anhanguera km 20"),
            ("Est. do Mirante, 12", "estrada do mirante 12"),
            ("Rua das Flores, nº 12", "rue das flores 12"),
            (
                "Rodovia Martins, 2, Pires de Costa",
                "rodovia martins 2 pires de costa",
            ),
        ]);
    }

    #[test]
    fn address_portuguese_same_address() {
        same(&[
            &["Rua Augusta, 123", "R. Augusta 123", "RUA AUGUSTA, 123"],
            &[
                "Av. Paulista, 1578",
                "Avenida Paulista 1578",
                "AVENIDA PAULISTA, 1578",
            ],
            &[
                "PRAÇA MONTENEGRO, 69",
                "Praça Montenegro, 69",
                "Pça. Montenegro 69",
                "Pc Montenegro, 69",
            ],
            &[
                "Travessa do Carmo, 5",
                "Trav. do Carmo 5",
                "Tv. do Carmo, 5",
            ],
            &["Alameda Santos, 200", "Al. Santos 200"],
            &["Rodovia Anhanguera, km 20", "Rod. Anhanguera km 20"],
        ]);
    }

    #[test]
    fn address_romanian() {
        check(&[
            (
                "Strada Dorel Stănescu nr. 156, Onesti",
                "strasse dorel stanescu 156 onesti",
            ),
            ("Str. Dorel Stănescu nr. 156", "strasse dorel stanescu 156"),
            ("Bd. Unirii nr. 5", "boulevard unirii 5"),
            ("B-dul Unirii 5", "boulevard unirii 5"),
            ("Bdul. Unirii 5", "boulevard unirii 5"),
            ("Cal. Victoriei 12", "calea victoriei 12"),
            ("Șos. Kiseleff 3", "soseaua kiseleff 3"),
            ("Aleea Marin nr. 83, Moisei", "allee marin 83 moisei"),
            ("Intrarea Voinea nr. 4", "intrarea voinea 4"),
            ("Spl. Independenței 5", "splaiul independentei 5"),
        ]);
    }

    #[test]
    fn address_romanian_same_address() {
        same(&[
            &[
                "STRADA DOREL STĂNESCU NR. 156, ONESTI",
                "Str. Dorel Stanescu 156, Onesti",
                "strada dorel stănescu nr 156 onesti",
            ],
            &["Bulevardul Unirii 5", "Bd. Unirii nr. 5", "B-dul Unirii 5"],
            &["Calea Victoriei 12", "Cal. Victoriei nr. 12"],
            &["Șoseaua Kiseleff 3", "Sos. Kiseleff 3"],
            &["Aleea Marin 83", "Al. Marin nr. 83"],
        ]);
    }

    #[test]
    fn address_cross_language_abbreviations_agree() {
        same(&[
            &["Av. X 1", "Avenue X 1", "Avenida X 1", "Ave X 1"],
            &["Str. X 1", "Strasse X 1", "Straße X 1", "Strada X 1"],
            &[
                "Pl. X 1",
                "Place X 1",
                "Platz X 1",
                "Plaza X 1",
                "Piazza X 1",
                "Praça X 1",
            ],
            &["R. X 1", "Rue X 1", "Rua X 1"],
            &["Bd. X 1", "Boulevard X 1", "Bulevardul X 1", "Blvd X 1"],
        ]);
    }

    #[test]
    fn address_number_markers_dropped_before_numbers() {
        check(&[
            ("Strada Toma nr. 125", "strasse toma 125"),
            ("Rua X, nº 5", "rue x 5"),
            ("Rua X, n.º 5", "rue x 5"),
            ("No. 10 Downing Street", "10 downing street"),
            // Not before a number: a word like any other.
            ("Rua do Nr Santos", "rue do nr santos"),
            ("nr 1 x", "1 x"),
        ]);
    }

    #[test]
    fn address_leading_words_only_before_a_name() {
        check(&[
            ("Apt 12 C", "apartment 12 c"),
            ("John F Kennedy Ave", "john f kennedy avenue"),
            ("Via Po", "via po"),
            ("12 c", "12 c"),
            ("Rua A e B", "rue a e b"),
            ("Sosa Street 4", "sosa street 4"),
        ]);
    }

    #[test]
    fn address_parts_joined_without_commas() {
        check(&[
            ("Via Mazzanti 29,, Avigliano;", "via mazzanti 29 avigliano"),
            ("1 Main St\nSpringfield", "1 main street springfield"),
        ]);
    }

    #[test]
    fn address_rejections() {
        let no_letters = RejectReason::InvalidSyntax {
            rule: "address has no letters",
        };
        let rows = [
            ("", RejectReason::Empty),
            ("   ", RejectReason::Empty),
            (", , ;", RejectReason::Empty),
            ("---", RejectReason::Empty),
            ("12345", no_letters.clone()),
            ("12, 34", no_letters.clone()),
            ("nr 1", no_letters),
        ];
        for (raw, expected) in rows {
            assert_eq!(parse(raw), Err(expected), "{raw:?}");
        }
    }

    #[test]
    fn address_odd_input_never_panics() {
        let rows = [
            "\u{0}",
            "\u{301}",
            "ste",
            "p",
            "p o",
            "c",
            "\u{8857}\u{9053} 1",
            "nr",
            "\u{FF21}\u{FF22}\u{FF23} \u{FF33}\u{FF34}",
        ];
        for raw in rows {
            let _ = parse(raw);
        }
        let long = "12 St. Ste Dr, P.O. c ".repeat(3000);
        assert!(parse(&long).is_ok());
        check(&[("\u{FF21}\u{FF22}\u{FF23} \u{FF33}\u{FF34}", "abc street")]);
    }
}
