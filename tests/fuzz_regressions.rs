//! Inputs from the fuzz targets (`fuzz/`), replayed as plain tests.
//!
//! Every crash a fuzz run finds gets a test here, with a comment on its root
//! cause, and its input file in `fuzz/regressions/<target>/` so that the
//! stable replay (`fuzz/replay.sh`) runs it too. The hostile-input tests below
//! pin the seeds the targets' invariants matter most for.

use idgraph::{normalize, read_jsonl, ErrorKind, RejectReason};

/// Asserts the fuzz targets' idempotence invariant for one normalizer: an
/// accepted value's canonical form normalizes to itself again.
fn assert_stable<T, E: std::fmt::Debug>(
    raw: &str,
    normalize: impl Fn(&str) -> Result<T, E>,
    canonical: impl Fn(&T) -> String,
) {
    if let Ok(first) = normalize(raw) {
        let text = canonical(&first);
        match normalize(&text) {
            Ok(again) => assert_eq!(canonical(&again), text, "raw {raw:?}"),
            Err(e) => panic!("raw {raw:?} gives {text:?}, which is itself rejected: {e:?}"),
        }
    }
}

/// Found by `normalize_email` (fuzz/regressions/normalize_email/xn-label-decodes-to-xn*).
///
/// Root cause: `canonical_domain` in src/normalize/email.rs keeps internationalized
/// domains in Unicode form via `idna::domain_to_ascii` then `domain_to_unicode`.
/// The label `xn--xn--bchentlwotlw-rld` is valid punycode whose decoded form,
/// `xn--bchentlwotůlw`, itself starts with the ACE prefix `xn--`. idna 1.1
/// accepts it in both directions, so the address is accepted as
/// `user@xn--bchentlwotůlw.ma`; but that Unicode label, fed back in, is read
/// as (broken) punycode and rejected ("invalid internationalized domain"). So
/// the canonical form is not canonical: two spellings of one input never meet.
/// UTS 46 (validity criteria, since Unicode 15.1) says a decoded label must not
/// begin with `xn--`; rejecting such labels, or checking that the Unicode form
/// maps back to the same ASCII form, restores idempotence.
#[test]
fn email_punycode_label_that_decodes_to_xn_prefix_is_stable() {
    for raw in [
        "user@xn--xn--bchentlwotlw-rld.ma",
        "user@xn--bchentlwotůlw.ma",
        "user@hotmail.cn.xn--xn--vnAukxn--vnA.e.de",
    ] {
        assert_stable(raw, normalize::email, |e| e.as_str().to_string());
    }
}

#[test]
fn jsonl_hostile_lines_are_typed_errors_and_reading_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"d\",\"x\":");
    input.extend(std::iter::repeat_n(b'[', 5000));
    input.extend(std::iter::repeat_n(b']', 5000));
    input.extend_from_slice(b"}\n");
    input.extend_from_slice(b"{\"id\":\"u1\",\"name\":\"Jos\xe9\"}\n");
    input.extend_from_slice(b"{\"id\":\"s1\",\"email\":\"jane\\ud800@x.com\"}\n");
    input.extend_from_slice(b"{\"id\":\"m\",\"email\":[");
    let many: Vec<String> = (0..70).map(|i| format!("\"u{i}@x.com\"")).collect();
    input.extend_from_slice(many.join(",").as_bytes());
    input.extend_from_slice(b"]}\n");
    input.extend_from_slice(format!("{{\"id\":\"{}\"}}\n", "i".repeat(300)).as_bytes());
    input.extend_from_slice(b"{\"id\":\"ok\",\"email\":\"jane@x.com\"}\n");

    let out: Vec<_> = read_jsonl(&input[..]).collect();
    assert_eq!(out.len(), 6);
    // Deep nesting inside a field the record does not have is skipped by
    // serde_json without recursion: reading it must only not crash.
    if let Err(e) = &out[0] {
        assert_eq!((e.kind(), e.line()), (ErrorKind::InvalidRecord, Some(1)));
    }
    for (i, item) in out.iter().enumerate().take(5).skip(1) {
        let err = item
            .as_ref()
            .err()
            .unwrap_or_else(|| panic!("line {} accepted", i + 1));
        assert_eq!(err.kind(), ErrorKind::InvalidRecord, "line {}", i + 1);
        assert_eq!(err.line(), Some(i as u64 + 1));
        assert!(!err.to_string().contains("@x.com"), "{err}");
    }
    assert!(matches!(&out[5], Ok(r) if r.id() == "ok"));
}

#[test]
fn phone_huge_digit_strings_are_rejected() {
    let too_long = "9".repeat(600);
    assert!(matches!(
        normalize::phone(&too_long, None),
        Err(RejectReason::TooLong { .. })
    ));
    // E.164 has at most 15 digits, so no region can make these valid.
    for raw in [format!("+{}", "1".repeat(40)), "1".repeat(40)] {
        assert!(normalize::phone(&raw, Some("US")).is_err(), "{raw}");
        assert!(normalize::phone(&raw, None).is_err(), "{raw}");
    }
}

/// Hostile seeds of the value targets (fuzz/seeds/): no panic, and whatever is
/// accepted is stable.
#[test]
fn normalize_hostile_values_are_stable() {
    let hostile = [
        "",
        "\u{202e}jane@gmail.com",
        "jane\u{200b}@gmail.com",
        "😀@example.com",
        "ＪＡＮＥ．ＤＯＥ＠ＧＭＡＩＬ．ＣＯＭ",
        "ᴬᴮ@x.com",
        "İSTANBUL@example.com",
        "jane\0@gmail.com",
        "\u{202d}4155550132\u{202c}",
        "٠١٠٠١٢٣٤٥٦٧",
        "ＬＹ－００４２－１３３７",
        "６Ｄ９２０７８Ａ-8246-4BA4-AE5B-76104861E7DC",
        "6D92078A\u{2010}8246\u{2010}4BA4\u{2010}AE5B\u{2010}76104861E7DC",
        "\u{202e}Jane Doe",
        "李小龙",
        "O'Brien-Smith, Mary Ann",
        "12.04.1990",
        "sw1a1aa",
        "😀 12 Main St",
    ];
    let scheme = normalize::LoyaltyScheme::new();
    for raw in hostile {
        assert_stable(raw, normalize::email, |e| e.as_str().to_string());
        assert_stable(
            raw,
            |r| normalize::phone(r, Some("US")),
            |p| p.as_str().to_string(),
        );
        assert_stable(
            raw,
            |r| normalize::loyalty_id(r, &scheme),
            |l| l.as_str().to_string(),
        );
        assert_stable(raw, normalize::device_id, |d| d.as_str().to_string());
        assert_stable(raw, normalize::name, |n| n.tokens().join(" "));
        assert_stable(
            raw,
            |r| normalize::birth_date(r, Some("DE")),
            |d| d.to_string(),
        );
        assert_stable(
            raw,
            |r| normalize::postal_code(r, Some("GB")),
            |p| p.as_str().to_string(),
        );
        assert_stable(raw, normalize::address, |a| a.as_str().to_string());
    }
}
