//! The public API's contract: outcomes, errors, lookups, explanations.

use idgraph::normalize::FieldKind;
use idgraph::{ApartReason, Config, ErrorKind, IdentityGraph, Record, RejectReason};

#[test]
fn api_outcomes_follow_input_order_and_list_rejections() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    let out = g
        .upsert_batch(vec![
            Record::new("z")
                .unwrap()
                .email("not-an-email")
                .phone("+1 646 787 4235"),
            Record::new("a")
                .unwrap()
                .device_id("00000000-0000-0000-0000-000000000000"),
        ])
        .unwrap();
    assert_eq!(
        out.iter().map(|o| o.record_id()).collect::<Vec<_>>(),
        ["z", "a"]
    );
    assert_eq!(out[0].rejected().len(), 1);
    assert_eq!(out[0].rejected()[0].field(), FieldKind::Email);
    assert_eq!(out[1].rejected()[0].reason(), &RejectReason::OptOut);
    assert_ne!(out[0].customer(), out[1].customer());
    assert_eq!(g.customer_of("z"), Some(out[0].customer()));
    assert_eq!(g.records_of(out[1].customer()), ["a"]);
}

#[test]
fn api_unreadable_timestamp_is_reported_and_the_record_still_counts() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    let out = g
        .upsert_batch(vec![
            Record::new("a")
                .unwrap()
                .ts("yesterday")
                .email("kim.ortiz@gmail.com"),
            Record::new("b")
                .unwrap()
                .ts("2024-03-01T10:00:00Z")
                .email("kim.ortiz@gmail.com"),
        ])
        .unwrap();
    assert_eq!(out[0].rejected().len(), 1);
    assert_eq!(out[0].rejected()[0].field(), FieldKind::Timestamp);
    assert!(matches!(
        out[0].rejected()[0].reason(),
        RejectReason::InvalidSyntax { .. }
    ));
    assert!(out[1].rejected().is_empty());
    assert_eq!(out[0].customer(), out[1].customer());
    assert_eq!(FieldKind::Timestamp.as_str(), "ts");
}

#[test]
fn api_unknown_ids() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    assert_eq!(g.customer_of("nope"), None);
    g.upsert_batch(vec![Record::new("a").unwrap()]).unwrap();
    assert_eq!(
        g.explain("a", "nope").unwrap_err().kind(),
        ErrorKind::UnknownRecord
    );
}

#[test]
fn api_invalid_config_is_an_error() {
    for c in [
        Config::new().match_probability(1.0),
        Config::new().generic_min_people(1),
        Config::new().default_region("usa"),
    ] {
        assert_eq!(
            IdentityGraph::new(c).unwrap_err().kind(),
            ErrorKind::InvalidConfig
        );
    }
}

#[test]
fn api_update_replaces_the_old_version() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    g.upsert_batch(vec![
        Record::new("a").unwrap().email("jane.roe@outlook.com"),
        Record::new("b").unwrap().email("jane.roe@outlook.com"),
    ])
    .unwrap();
    assert_eq!(g.customer_of("a"), g.customer_of("b"));
    g.upsert_batch(vec![Record::new("b")
        .unwrap()
        .email("other.person@outlook.com")])
        .unwrap();
    assert_ne!(g.customer_of("a"), g.customer_of("b"));
    assert_eq!(g.len(), 2);
}

#[test]
fn api_explain_shows_the_chain_with_masked_values() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    g.upsert_batch(vec![
        Record::new("web").unwrap().email("jane.doe@gmail.com"),
        Record::new("pos")
            .unwrap()
            .email("janedoe@gmail.com")
            .phone("+1 646 787 4235"),
        Record::new("app")
            .unwrap()
            .phone("(646) 787-4235")
            .country("US"),
    ])
    .unwrap();
    let e = g.explain("web", "app").unwrap();
    assert!(e.same_customer());
    assert_eq!(e.chain().len(), 2);
    let text = e.to_string();
    assert!(
        text.contains("same email") && text.contains("same phone"),
        "{text}"
    );
    assert!(
        !text.contains("janedoe@gmail.com") && !text.contains("6467874235"),
        "{text}"
    );
}

#[test]
fn api_explain_lines_add_up_to_the_score() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    let mut records = crate::support::background(200);
    records.push(Record::new("m1").unwrap().name("Mary Jones").country("US"));
    records.push(Record::new("m2").unwrap().name("Mary Jones").country("US"));
    g.upsert_batch(records).unwrap();
    let e = g.explain("m1", "m2").unwrap();
    let Some(ApartReason::BelowThreshold { bits, .. }) = e.apart_reason() else {
        panic!("a name alone should stay below the threshold: {e}");
    };
    // The prior is the graph's, and the lines a reader sees sum to the score.
    assert_eq!(e.prior_bits(), g.stats().prior_bits);
    assert!(e.prior_bits() < 0.0);
    let fields: f64 = e.direct_evidence().iter().map(|f| f.bits).sum();
    assert!((fields + e.prior_bits() - bits).abs() < 1e-9, "{e}");
    let text = e.to_string();
    assert!(text.contains("prior") && text.contains(" pairs "), "{text}");
}

#[test]
fn api_explain_says_names_in_two_writing_systems_were_set_aside() {
    let g = IdentityGraph::new(Config::new()).unwrap();
    g.upsert_batch(vec![
        Record::new("app")
            .unwrap()
            .phone("+44 7412 183976")
            .name("Wang Xiaoming"),
        Record::new("pos")
            .unwrap()
            .phone("+44 7412 183976")
            .name("王小明"),
        Record::new("web")
            .unwrap()
            .phone("+44 7412 183976")
            .name("Xiaoming Wang"),
    ])
    .unwrap();
    let aside = |a: &str, b: &str| {
        let e = g.explain(a, b).unwrap();
        assert!(e.same_customer());
        e.direct_evidence()
            .iter()
            .any(|f| f.field == "name" && f.level.contains("writing systems") && f.bits == 0.0)
    };
    assert!(aside("app", "pos"));
    assert!(
        !aside("app", "web"),
        "names in one writing system are compared"
    );
    let text = g.explain("pos", "web").unwrap().to_string();
    assert!(text.contains("not compared: two writing systems"), "{text}");
}

#[test]
fn api_same_input_same_output() {
    let records = crate::support::background(50);
    let run = || {
        let g = IdentityGraph::new(Config::new()).unwrap();
        g.upsert_batch(records.clone()).unwrap();
        g.assignments()
            .into_iter()
            .map(|(id, c)| (id.to_string(), c))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

#[test]
fn api_vowel_signs_of_indic_and_thai_names_are_part_of_the_name() {
    // Accents on Latin letters are often left out; a Devanagari vowel sign
    // or a kana voicing mark is not an accent, and two names that differ by
    // one are two names (`राहुल`, Rahul, is not `रहल`).
    let name_level = |a: &str, b: &str| {
        let g = IdentityGraph::new(Config::new()).unwrap();
        g.upsert_batch(vec![
            Record::new("a").unwrap().phone("+91 98204 71536").name(a),
            Record::new("b").unwrap().phone("+91 98204 71536").name(b),
        ])
        .unwrap();
        let e = g.explain("a", "b").unwrap();
        e.direct_evidence()
            .iter()
            .filter(|f| f.field.ends_with("name"))
            .map(|f| f.level)
            .collect::<Vec<_>>()
    };
    let exact = ["exact", "exact"];
    assert_eq!(name_level("Noémi Martineau", "Noemi Martineau"), exact);
    assert_eq!(name_level("राहुल शर्मा", "राहुल शर्मा"), exact);
    assert_ne!(name_level("राहुल शर्मा", "रहल शरम"), exact);
    assert_ne!(name_level("やまだ たろう", "やまた たろう"), exact);
}
