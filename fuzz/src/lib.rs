//! Shared harness of idgraph's fuzz targets.
//!
//! Each target in `fuzz_targets/` has a plain `body(&[u8]) -> Corpus` that
//! decodes its input and asserts invariants. Under cargo-fuzz (`--cfg fuzzing`)
//! libFuzzer calls it; on stable, the target's `main` calls [`replay`], which
//! runs it over files on disk. CI has no nightly, so replay is how the committed
//! seeds and crash files are checked on every run (the jiff approach).
//!
//! Assertion messages carry the input's `Debug` form, written as the Rust call
//! that reproduces the failure, so a crash report can be pasted into a test.

#![forbid(unsafe_code)]

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arbitrary::{Arbitrary, Unstructured};
use idgraph::RejectReason;
pub use libfuzzer_sys::Corpus;

/// Inputs longer than this are rejected unread by the value targets: every
/// normalizer refuses values over [`idgraph::normalize::MAX_VALUE_LEN`] bytes
/// before looking at them, so longer inputs only slow the fuzzer down.
pub const MAX_VALUE_INPUT: usize = 4 * idgraph::normalize::MAX_VALUE_LEN;

/// Runs `body` over every input file named on the command line, or, without
/// arguments, over `seeds/<target>/` and, when they exist, `regressions/<target>/`,
/// `corpus/<target>/` and `artifacts/<target>/` of the fuzz crate. Directories
/// are walked recursively in name order; names starting with `.` are skipped.
///
/// Prints one line per failing input and ends with
/// `<target>: N passed, N failed` (`, N skipped` counts inputs the body turned
/// away with [`Corpus::Reject`], such as over-long ones). Exits 1 when an input
/// failed, 2 when an input path cannot be read.
pub fn replay(target: &str, body: fn(&[u8]) -> Corpus) -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let roots = if args.is_empty() {
        let base = Path::new(env!("CARGO_MANIFEST_DIR"));
        let seeds = base.join("seeds").join(target);
        if !seeds.is_dir() {
            eprintln!("{target}: seed directory {} is missing", seeds.display());
            return ExitCode::from(2);
        }
        let mut roots = vec![seeds];
        for extra in ["regressions", "corpus", "artifacts"] {
            let dir = base.join(extra).join(target);
            if dir.is_dir() {
                roots.push(dir);
            }
        }
        roots
    } else {
        args
    };

    let mut files = Vec::new();
    for root in &roots {
        if let Err(e) = collect_files(root, &mut files) {
            eprintln!("{target}: cannot read {}: {e}", root.display());
            return ExitCode::from(2);
        }
    }

    let (mut passed, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    for file in &files {
        let data = match std::fs::read(file) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{target}: cannot read {}: {e}", file.display());
                return ExitCode::from(2);
            }
        };
        // The default panic hook has already printed the message and the
        // reproducer by the time catch_unwind returns; add which file it was.
        match panic::catch_unwind(AssertUnwindSafe(|| body(&data))) {
            Ok(Corpus::Keep) => passed += 1,
            Ok(Corpus::Reject) => skipped += 1,
            Err(_) => {
                failed += 1;
                eprintln!("{target}: FAILED on {}", file.display());
            }
        }
    }
    let roots_text: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
    println!(
        "{target}: replayed {} inputs from {}",
        files.len(),
        roots_text.join(", ")
    );
    if skipped > 0 {
        println!("{target}: {passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{target}: {passed} passed, {failed} failed");
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect_files(&entry, out)?;
        }
    }
    Ok(())
}

/// A region (ISO 3166 alpha-2 shaped): two ASCII upper-case letters.
///
/// Decoded from two bytes; an upper-case letter byte is kept as is, so seed
/// files can spell regions plainly (`GB`), and any other byte maps onto `A..=Z`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Region([u8; 2]);

impl Region {
    /// The two letters.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction; the fallback is never taken.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

fn letter(b: u8) -> u8 {
    if b.is_ascii_uppercase() {
        b
    } else {
        b'A' + b % 26
    }
}

impl<'a> Arbitrary<'a> for Region {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let a = letter(u8::arbitrary(u)?);
        let b = letter(u8::arbitrary(u)?);
        Ok(Region([a, b]))
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (2, Some(2))
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// `Some("GB")` or `None`, as a Rust expression of type `Option<&str>`.
pub fn region_expr(region: Option<Region>) -> String {
    match region {
        Some(r) => format!("Some({r:?})"),
        None => "None".to_string(),
    }
}

/// Whether `region` has the shape [`RejectReason::InvalidForRegion`] promises:
/// an ISO 3166 alpha-2 code or `"??"`.
pub fn is_region_shaped(region: &str) -> bool {
    region == "??" || (region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Asserts that a rejection does not repeat the rejected value (personal data).
///
/// The rule is: the reason's text never contains an input longer than 6
/// characters (whole or trimmed), except where the input happens to be part
/// of text the library writes whatever the input is (a rule name, `"invalid
/// syntax: "`): that is no leak, and libFuzzer's comparison tracing can build
/// such inputs. Only caller-derived parts count: the region of
/// `InvalidForRegion` (checked to be region-shaped) and any field of a reason
/// added after this harness was written.
///
/// # Panics
/// When the reason leaks the input or its region is not region-shaped.
pub fn assert_reason_hides(input: &str, reason: &RejectReason, repro: &dyn fmt::Debug) {
    let shown = reason.to_string();
    // The text of the same reason with every caller-derived field blanked.
    let fixed = match reason {
        RejectReason::InvalidForRegion { region } => {
            assert!(
                is_region_shaped(region),
                "InvalidForRegion carries {region:?}, not an alpha-2 code or \"??\"\nreproducer: {repro:?}"
            );
            RejectReason::InvalidForRegion {
                region: String::new(),
            }
            .to_string()
        }
        RejectReason::TooLong { .. } => RejectReason::TooLong { len: 0, max: 0 }.to_string(),
        // `rule` is a `&'static str`: text chosen by the library, not taken from the input.
        RejectReason::InvalidSyntax { .. }
        | RejectReason::Empty
        | RejectReason::Placeholder
        | RejectReason::NoRegion
        | RejectReason::UnknownRegion
        | RejectReason::OptOut
        | RejectReason::ImpossibleDate
        | RejectReason::AmbiguousDate => shown.clone(),
        // A variant this harness does not know: treat all its text as caller-derived.
        _ => String::new(),
    };
    for candidate in [input, input.trim()] {
        if candidate.chars().count() > 6 && shown.contains(candidate) && !fixed.contains(candidate)
        {
            panic!("rejection text {shown:?} repeats the input\nreproducer: {repro:?}");
        }
    }
}

/// Bytes written as a Rust byte-string literal (`b"..."`), for reproducers.
pub struct ByteLit<'a>(pub &'a [u8]);

impl fmt::Debug for ByteLit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("b\"")?;
        for &b in self.0 {
            write!(f, "{}", std::ascii::escape_default(b))?;
        }
        f.write_str("\"")
    }
}

/// The input as UTF-8 text, or `None` (reject it) when it is not UTF-8 or is
/// longer than [`MAX_VALUE_INPUT`]. The value targets take text because the
/// public normalizers take `&str`; invalid UTF-8 is the record reader's job
/// and is fuzzed by `record_batch`.
pub fn value_text(data: &[u8]) -> Option<&str> {
    if data.len() > MAX_VALUE_INPUT {
        return None;
    }
    std::str::from_utf8(data).ok()
}
