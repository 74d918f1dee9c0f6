//! Retention: whole segments past their group's retention are deleted (files
//! gone, bytes accounted), newer ones and groups without retention are left
//! alone, and a stream whose every segment expired keeps its sequence
//! numbers and producer position across a restart.

mod common;

use std::fs;

use berth_logs::rules::DAY_MS;
use berth_logs::{Position, RetentionReport};
use common::{messages, TestStore, T0};

fn segment_count(ts: &TestStore) -> usize {
    let mut count = 0;
    for dir in fs::read_dir(ts.dir.path().join("streams")).unwrap() {
        for file in fs::read_dir(dir.unwrap().path()).unwrap() {
            if file.unwrap().path().extension().is_some_and(|e| e == "log") {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn expired_segments_are_deleted_whole_and_newer_ones_kept() {
    let ts = TestStore::with_options(|o| o.segment_max_span_ms = DAY_MS / 2);
    ts.group_with_stream("g", "s");
    ts.store.put_retention("g", 3).unwrap();
    ts.group_with_stream("forever", "s");
    // One batch a day for five days (each segment spans at most half a day,
    // so each batch rolls a new segment).
    let start = T0;
    for day in 0..5 {
        ts.set_now(start + day * DAY_MS);
        let msg = format!("day {day}");
        ts.put("g", "s", &[(ts.now(), msg.as_str())]);
        ts.put("forever", "s", &[(ts.now(), msg.as_str())]);
    }
    assert_eq!(segment_count(&ts), 10);
    let bytes_before = ts.store.group("g").unwrap().stored_bytes;

    // Now day 5.5: days 0, 1 and 2 are more than 3 days old.
    ts.set_now(start + 5 * DAY_MS + DAY_MS / 2);
    let report = ts.store.enforce_retention().unwrap();
    assert_eq!(report.segments_deleted, 3);
    assert!(report.bytes_freed > 0);
    assert_eq!(
        ts.store.group("g").unwrap().stored_bytes,
        bytes_before - report.bytes_freed
    );
    assert_eq!(segment_count(&ts), 7);
    let events = ts.filter_all("g", Default::default());
    assert_eq!(messages(&events), ["day 3", "day 4"]);
    assert_eq!(
        ts.store.stream("g", "s").unwrap().first_event_timestamp,
        Some(start + 3 * DAY_MS)
    );
    assert_eq!(ts.filter_all("forever", Default::default()).len(), 5);
    // Running it again frees nothing more.
    assert_eq!(
        ts.store.enforce_retention().unwrap(),
        RetentionReport::default()
    );
}

#[test]
fn a_fully_expired_stream_keeps_its_sequence_and_position() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.store.put_retention("g", 1).unwrap();
    let p = |i: i64| Position {
        time_ns: 1_000 + i,
        index: 0,
    };
    ts.put_at("g", "s", &[(T0, "a", p(1)), (T0, "b", p(2))]);
    let old_ids: Vec<String> = ts
        .filter_all("g", Default::default())
        .into_iter()
        .map(|e| e.event_id)
        .collect();

    ts.set_now(T0 + 2 * DAY_MS);
    let report = ts.store.enforce_retention().unwrap();
    assert_eq!(report.segments_deleted, 1);
    assert!(ts.filter_all("g", Default::default()).is_empty());
    let info = ts.store.stream("g", "s").unwrap();
    assert_eq!(info.first_event_timestamp, None);

    ts.reopen();
    assert_eq!(ts.position("g", "s"), Some(p(2)));
    // A resend of the expired lines is still recognised as a duplicate.
    let now = ts.now();
    let outcome = ts.put_at("g", "s", &[(now, "b", p(2)), (now, "c", p(3))]);
    assert_eq!((outcome.stored, outcome.duplicates), (1, 1));
    let events = ts.filter_all("g", Default::default());
    assert_eq!(messages(&events), ["c"]);
    assert!(
        !old_ids.contains(&events[0].event_id),
        "sequence numbers continue"
    );

    // The checkpoint segment goes once newer data exists and expires.
    ts.set_now(now + 2 * DAY_MS);
    ts.store.enforce_retention().unwrap();
    ts.reopen();
    assert_eq!(ts.position("g", "s"), Some(p(3)));
    assert_eq!(segment_count(&ts), 1);
}
