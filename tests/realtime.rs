//! The real-time graph through the public API: events, stable ids, erasure, concurrency.

use std::sync::{Arc, Mutex};

use idgraph::{Config, CustomerId, ErrorKind, Event, IdentityGraph, Record};

use crate::support::background;

/// A graph whose estimates come from a realistic background and then stay fixed,
/// so that each test's records are resolved one at a time.
fn graph() -> IdentityGraph {
    let g = IdentityGraph::new(Config::new().reestimate_growth(None)).unwrap();
    g.upsert_batch(background(2_000)).unwrap();
    g
}

fn rec(id: &str, ts: &str) -> Record {
    Record::new(id).unwrap().ts(ts).country("GB")
}

const EMAIL: &str = "quentin.marlow77@gmail.com";
const PHONE: &str = "+44 7412 183976";

#[test]
fn realtime_bridge_merges_and_its_erasure_splits() {
    let g = graph();
    let a = g
        .upsert(rec("t-a", "2024-01-01T00:00:00Z").email(EMAIL))
        .unwrap();
    let b = g
        .upsert(rec("t-b", "2024-02-01T00:00:00Z").phone(PHONE))
        .unwrap();
    assert!(matches!(a.events(), [Event::Created { customer }] if *customer == a.customer()));
    let (ca, cb) = (a.customer(), b.customer());
    assert_ne!(ca, cb);
    // The bridge holds both identifiers: one customer, and the id of the
    // customer with the earliest anchor (t-a) survives.
    let c = g
        .upsert(rec("t-c", "2024-03-01T00:00:00Z").email(EMAIL).phone(PHONE))
        .unwrap();
    assert_eq!(c.customer(), ca);
    assert_eq!(
        c.events(),
        &[
            Event::Merged {
                into: ca,
                from: vec![cb]
            },
            Event::RecordMoved {
                record: "t-b".into(),
                from: cb,
                to: ca
            },
        ]
    );
    assert_eq!(g.records_of(ca), ["t-a", "t-b", "t-c"]);
    assert_eq!(g.resolve_id(cb), Some(ca));
    // Erasing the bridge splits the customer: the part holding the anchor keeps the id.
    let removal = g.remove("t-c").unwrap();
    assert_eq!(removal.former_customer(), ca);
    assert_eq!(g.customer_of("t-a"), Some(ca));
    let nb = g.customer_of("t-b").unwrap();
    assert!(nb != ca && nb != cb, "a new id, never a reused one");
    assert_eq!(
        removal.events(),
        &[
            Event::Created { customer: nb },
            Event::Split {
                from: ca,
                into: vec![nb]
            },
            Event::RecordMoved {
                record: "t-b".into(),
                from: ca,
                to: nb
            },
        ]
    );
    // Erasing the last record of a customer erases the customer.
    let gone = g.remove("t-a").unwrap();
    assert_eq!(gone.events(), &[Event::Erased { customer: ca }]);
    assert_eq!(g.resolve_id(ca), None);
    assert_eq!(g.resolve_id(cb), None, "cb merged into ca, which is gone");
}

#[test]
fn realtime_surviving_id_follows_the_anchor_not_arrival() {
    let g = graph();
    // The later arrival holds the earlier record: its id survives the merge.
    let a = g
        .upsert(rec("t-a", "2024-05-01T00:00:00Z").email(EMAIL))
        .unwrap();
    let b = g
        .upsert(rec("t-b", "2023-01-01T00:00:00Z").phone(PHONE))
        .unwrap();
    g.upsert(rec("t-c", "2024-06-01T00:00:00Z").email(EMAIL).phone(PHONE))
        .unwrap();
    assert_eq!(g.customer_of("t-a"), Some(b.customer()));
    assert_eq!(g.resolve_id(a.customer()), Some(b.customer()));
    // Split again: the anchor (t-b) keeps the id whichever side the erased record was on.
    g.remove("t-c").unwrap();
    assert_eq!(g.customer_of("t-b"), Some(b.customer()));
    assert_ne!(g.customer_of("t-a"), Some(b.customer()));
}

/// Channels export times as Unix milliseconds or SQL datetimes: they order
/// records for the anchor rule as RFC 3339 times do.
#[test]
fn realtime_anchor_reads_unix_and_sql_times() {
    let g = graph();
    let a = g
        .upsert(rec("t-a", "2024-05-01 09:00:00").email(EMAIL))
        .unwrap();
    // 2023-01-01T00:00:00Z in milliseconds: the earlier record.
    let b = g.upsert(rec("t-b", "1672531200000").phone(PHONE)).unwrap();
    for o in [&a, &b] {
        assert!(o.rejected().is_empty(), "{:?}", o.rejected());
    }
    g.upsert(rec("t-c", "1717200000").email(EMAIL).phone(PHONE))
        .unwrap();
    assert_eq!(g.customer_of("t-a"), Some(b.customer()));
    assert_eq!(g.resolve_id(a.customer()), Some(b.customer()));
}

#[test]
fn realtime_update_withdraws_old_values() {
    let g = graph();
    g.upsert(rec("t-a", "2024-01-01T00:00:00Z").email(EMAIL))
        .unwrap();
    let b = g
        .upsert(rec("t-b", "2024-02-01T00:00:00Z").email(EMAIL))
        .unwrap();
    assert_eq!(g.customer_of("t-a"), Some(b.customer()));
    // A new version of t-b without the shared email leaves the customer.
    let b2 = g
        .upsert(rec("t-b", "2024-02-01T00:00:00Z").phone(PHONE))
        .unwrap();
    assert_ne!(b2.customer(), g.customer_of("t-a").unwrap());
    assert!(b2.events().iter().any(|e| matches!(e, Event::Split { .. })));
    assert_eq!(g.len(), 2_002);
    assert_eq!(g.record("t-b").unwrap().phones(), [PHONE]);
}

#[test]
fn realtime_store_phone_becomes_generic() {
    let g = graph();
    let people = [
        ("Orla Brennick", "1961-03-04"),
        ("Tomas Vidrane", "1990-11-23"),
        ("Ines Caldwyn", "1977-07-19"),
    ];
    let mut events = Vec::new();
    for (i, (name, dob)) in people.iter().enumerate() {
        let o = g
            .upsert(
                rec(&format!("t-{i}"), "2024-01-01T00:00:00Z")
                    .phone("+44 20 7946 0321")
                    .name(*name)
                    .birth_date(*dob),
            )
            .unwrap();
        events.extend(o.events().to_vec());
    }
    let generic: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::BecameGeneric(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(generic.len(), 1);
    assert_eq!(generic[0].people(), 3);
    assert!(g.generic_values().contains(&generic[0]));
    let customers: std::collections::BTreeSet<_> =
        (0..3).map(|i| g.customer_of(&format!("t-{i}"))).collect();
    assert_eq!(customers.len(), 3, "a generic value links nobody");
}

#[test]
fn realtime_erasure_leaves_nothing_findable() {
    let g = graph();
    let secret_email = "zephyrine.oakhollow@gmail.com";
    g.upsert(
        rec("t-x", "2024-01-01T00:00:00Z")
            .email(secret_email)
            .name("Zephyrine Oakhollow")
            .birth_date("1984-02-29"),
    )
    .unwrap();
    g.upsert(rec("t-y", "2024-01-02T00:00:00Z").email(secret_email))
        .unwrap();
    let c = g.customer_of("t-x").unwrap();
    let removal = g.remove("t-x").unwrap();
    let events = format!("{:?}", removal.events());
    assert!(!events.contains("zephyrine") && !events.contains("Oakhollow"));
    assert_eq!(g.customer_of("t-x"), None);
    assert!(g.record("t-x").is_none());
    assert!(g.assignments().iter().all(|(id, _)| id != "t-x"));
    assert!(!g.records_of(c).contains(&"t-x".to_string()));
    assert_eq!(
        g.explain("t-x", "t-y").unwrap_err().kind(),
        ErrorKind::UnknownRecord
    );
    assert!(g
        .generic_values()
        .iter()
        .all(|v| !v.value().contains("zephyrine")));
    assert_eq!(
        g.remove("t-x").unwrap_err().kind(),
        ErrorKind::UnknownRecord
    );
    assert!(!format!("{g:?}").contains("zephyrine"));
    // Nothing of it links any more: a record with only its name and birth date
    // meets nobody.
    let z = g
        .upsert(
            rec("t-z", "2024-01-03T00:00:00Z")
                .name("Zephyrine Oakhollow")
                .birth_date("1984-02-29"),
        )
        .unwrap();
    assert_eq!(g.records_of(z.customer()), ["t-z"]);
}

#[test]
fn realtime_remove_customer_erases_all_its_records() {
    let g = graph();
    g.upsert(rec("t-a", "2024-01-01T00:00:00Z").email(EMAIL))
        .unwrap();
    g.upsert(rec("t-b", "2024-01-02T00:00:00Z").email(EMAIL))
        .unwrap();
    let c = g.customer_of("t-a").unwrap();
    let removals = g.remove_customer(c).unwrap();
    assert_eq!(removals.len(), 2);
    assert_eq!(g.customer_of("t-b"), None);
    assert_eq!(g.len(), 2_000);
    assert_eq!(
        g.remove_customer(c).unwrap_err().kind(),
        ErrorKind::UnknownRecord
    );
}

#[test]
fn realtime_subscriber_sees_every_event_in_order() {
    let g = graph();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    g.set_subscriber(move |e| sink.lock().unwrap().push(e.clone()));
    let mut reported = Vec::new();
    for (id, r) in [
        ("t-a", rec("t-a", "2024-01-01T00:00:00Z").email(EMAIL)),
        ("t-b", rec("t-b", "2024-01-02T00:00:00Z").phone(PHONE)),
        (
            "t-c",
            rec("t-c", "2024-01-03T00:00:00Z").email(EMAIL).phone(PHONE),
        ),
    ] {
        let o = g.upsert(r).unwrap();
        assert_eq!(o.record_id(), id);
        reported.extend(o.events().to_vec());
    }
    reported.extend(g.remove("t-c").unwrap().events().to_vec());
    assert!(reported.len() >= 6);
    assert_eq!(*seen.lock().unwrap(), reported);
}

#[test]
fn realtime_readers_run_beside_a_writer() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<IdentityGraph>();
    let g = Arc::new(graph());
    let known = "t-0".to_string();
    g.upsert(rec(&known, "2024-01-01T00:00:00Z").email(EMAIL))
        .unwrap();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let g = Arc::clone(&g);
            let known = known.clone();
            std::thread::spawn(move || {
                let mut found = 0;
                for _ in 0..2_000 {
                    if let Some(c) = g.customer_of(&known) {
                        // Never half a change: a record's customer is always live.
                        assert!(g.resolve_id(c).is_some());
                        found += 1;
                    }
                }
                found
            })
        })
        .collect();
    for i in 1..200 {
        g.upsert(rec(&format!("t-{i}"), "2024-01-02T00:00:00Z").email(EMAIL))
            .unwrap();
    }
    for r in readers {
        assert_eq!(r.join().unwrap(), 2_000);
    }
    let c: CustomerId = g.customer_of("t-0").unwrap();
    assert_eq!(g.records_of(c).len(), 200);
}

/// A re-estimation that changes the phone regions a record without a country
/// is read with normalizes that record again: a UK mobile in national form,
/// unreadable while the graph knew only US records, links once UK records
/// arrive, as in a fresh batch of the same records.
#[test]
fn realtime_reestimation_renormalizes_when_the_regions_change() {
    let person = |id: &str, country: Option<&str>, phone: &str, name: &str| {
        let r = Record::new(id).unwrap().phone(phone).name(name);
        match country {
            Some(c) => r.country(c),
            None => r,
        }
    };
    let us: Vec<Record> = (0..4)
        .map(|i| {
            person(
                &format!("us{i}"),
                Some("US"),
                &format!("+1 415 555 01{i:02}"),
                "Sam Cole",
            )
        })
        .collect();
    let gb: Vec<Record> = (0..8)
        .map(|i| {
            person(
                &format!("gb{i}"),
                Some("GB"),
                &format!("+44 20 7946 09{i:02}"),
                "Ian Reed",
            )
        })
        .collect();
    let x = person("x", None, "07412 183976", "Ana Lima");
    let y = person("y", Some("GB"), "+44 7412 183976", "Ana Lima");
    let g = IdentityGraph::new(Config::new().reestimate_growth(None)).unwrap();
    g.upsert_batch(us.iter().cloned().chain([x.clone()]))
        .unwrap();
    assert!(
        g.upsert(x.clone())
            .unwrap()
            .rejected()
            .iter()
            .any(|r| r.field() == idgraph::normalize::FieldKind::Phone),
        "with US the only region the national UK mobile is unreadable"
    );
    g.upsert_batch(gb.iter().cloned().chain([y.clone()]))
        .unwrap();
    g.reestimate().unwrap();
    let fresh = IdentityGraph::new(Config::new()).unwrap();
    fresh
        .upsert_batch(us.into_iter().chain(gb).chain([x, y]))
        .unwrap();
    assert_eq!(fresh.customer_of("x"), fresh.customer_of("y"));
    assert_eq!(
        crate::support::partition(&g),
        crate::support::partition(&fresh)
    );
}

/// A record identical to the version the graph holds changes nothing: the
/// same customer, no event; outcomes stay in input order; and a later copy
/// in the same batch still replaces an earlier change.
#[test]
fn realtime_identical_record_changes_nothing() {
    let g = graph();
    let a = rec("same-a", "2024-02-01T00:00:00Z")
        .email("ines.moreau84@gmail.com")
        .name("Ines Moreau");
    let b = rec("same-b", "2024-02-02T00:00:00Z").phone("+44 7700 900461");
    let first = g.upsert_batch([a.clone(), b.clone()]).unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&events);
    g.set_subscriber(move |e: &Event| seen.lock().unwrap().push(e.clone()));
    let again = g.upsert(a.clone()).unwrap();
    assert_eq!(again.customer(), first[0].customer());
    assert!(again.events().is_empty());
    assert!(events.lock().unwrap().is_empty());
    // Unchanged, changed, unchanged: answers in input order.
    let c = rec("same-c", "2024-02-03T00:00:00Z").email("ines.moreau84@gmail.com");
    let out = g.upsert_batch([a.clone(), c, b.clone()]).unwrap();
    let ids: Vec<&str> = out.iter().map(|o| o.record_id()).collect();
    assert_eq!(ids, ["same-a", "same-c", "same-b"]);
    assert_eq!(out[1].customer(), out[0].customer());
    assert_eq!(out[2].customer(), g.customer_of("same-b").unwrap());
    // A change then the held version again, in one batch: the last one wins.
    let changed = a.clone().phone("+44 7700 900999");
    let out = g.upsert_batch([changed, a.clone()]).unwrap();
    assert_eq!(g.record("same-a"), Some(a));
    // Both outcomes name the record and its customer after the batch.
    let ids: Vec<&str> = out.iter().map(|o| o.record_id()).collect();
    assert_eq!(ids, ["same-a", "same-a"]);
    let now = g.customer_of("same-a");
    assert!(out.iter().all(|o| Some(o.customer()) == now));
}
