//! PutLogEvents through the engine: the batch rules end to end, durability
//! across restarts, torn tails left by a crash, segment rolling and damaged
//! index sidecars, and exactly-once shipping with producer positions.

mod common;

use std::fs;
use std::path::PathBuf;

use berth_logs::rules::{DAY_MS, HOUR_MS, MAX_BATCH_EVENTS};
use berth_logs::{ErrorKind, FilteredEvent, GetEvents, NewEvent, Position, RejectedEvents};
use common::{messages, new_events, TestStore, T0};

fn all_events(ts: &TestStore) -> Vec<FilteredEvent> {
    ts.filter_all("g", Default::default())
}

fn segment_files(ts: &TestStore, ext: &str) -> Vec<PathBuf> {
    let streams = ts.dir.path().join("streams");
    let mut files = Vec::new();
    for stream_dir in fs::read_dir(streams).unwrap() {
        for file in fs::read_dir(stream_dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == ext) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn pos(time_ns: i64, index: u32) -> Position {
    Position { time_ns, index }
}

#[test]
fn refused_batches_change_nothing_and_rejections_are_reported() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    let bad_batches: Vec<Vec<(i64, &str)>> = vec![
        vec![],
        vec![(T0, "b"), (T0 - 1, "a")],
        vec![(T0, "")],
        vec![(T0 - 2 * DAY_MS, "x"), (T0, "y")],
    ];
    for batch in &bad_batches {
        let err = ts.store.append("g", "s", &new_events(batch)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidParameter, "{batch:?}: {err}");
    }
    let many = vec![(T0, "x"); MAX_BATCH_EVENTS + 1];
    assert!(ts.store.append("g", "s", &new_events(&many)).is_err());
    assert!(all_events(&ts).is_empty());
    assert_eq!(ts.store.stream("g", "s").unwrap().stored_bytes, 0);

    let outcome = ts.put(
        "g",
        "s",
        &[
            (T0 - 15 * DAY_MS, "too old"),
            (T0 - HOUR_MS, "kept 1"),
            (T0 + HOUR_MS, "kept 2"),
            (T0 + 3 * HOUR_MS, "too new"),
        ],
    );
    assert_eq!(outcome.stored, 2);
    assert_eq!(
        outcome.rejected,
        RejectedEvents {
            too_new_start_index: Some(3),
            too_old_end_index: Some(1),
            expired_end_index: None,
        }
    );
    let stored = all_events(&ts);
    assert_eq!(messages(&stored), ["kept 1", "kept 2"]);
    assert!(stored
        .iter()
        .all(|e| Some(e.ingestion_time) == outcome.ingestion_time));

    // Nothing valid: reported, nothing stored, not an error.
    let outcome = ts.put("g", "s", &[(T0 + 5 * HOUR_MS, "too new")]);
    assert_eq!(outcome.stored, 0);
    assert_eq!(outcome.ingestion_time, None);
    assert_eq!(outcome.rejected.too_new_start_index, Some(0));
}

#[test]
fn events_older_than_retention_are_expired() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.store.put_retention("g", 1).unwrap();
    let outcome = ts.put("g", "s", &[(T0 - 2 * DAY_MS, "expired"), (T0 - 1, "kept")]);
    assert_eq!(outcome.rejected.expired_end_index, Some(1));
    assert_eq!(outcome.rejected.too_old_end_index, None);
    assert_eq!(messages(&all_events(&ts)), ["kept"]);
}

#[test]
fn events_ids_and_ingestion_times_are_stable_across_restart() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0 - 3, "a"), (T0 - 2, "b")]);
    ts.advance(10);
    ts.put("g", "s", &[(T0 - 1, "c")]);
    let before = all_events(&ts);
    assert_eq!(before.len(), 3);
    let ids: std::collections::HashSet<_> = before.iter().map(|e| &e.event_id).collect();
    assert_eq!(ids.len(), 3, "event IDs are unique");
    assert_eq!(before[0].ingestion_time, T0);
    assert_eq!(before[2].ingestion_time, T0 + 10);

    ts.reopen();
    assert_eq!(all_events(&ts), before);
    // Appends after a restart continue the sequence: no ID is handed out twice.
    ts.advance(1);
    ts.put("g", "s", &[(T0, "d")]);
    let after = all_events(&ts);
    assert_eq!(&after[..3], &before[..]);
    assert!(!ids.contains(&after[3].event_id));
    assert_eq!(after[3].ingestion_time, T0 + 11);
}

#[test]
fn a_torn_tail_is_truncated_and_the_torn_batch_is_gone_entirely() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0, "first 1"), (T0, "first 2")]);
    let segment = segment_files(&ts, "log").pop().unwrap();
    let whole = fs::metadata(&segment).unwrap().len();
    ts.put("g", "s", &[(T0, "torn 1"), (T0, "torn 2"), (T0, "torn 3")]);
    let with_second = fs::metadata(&segment).unwrap().len();

    // Simulate a crash part-way through writing the second batch.
    let file = fs::OpenOptions::new().write(true).open(&segment).unwrap();
    file.set_len(with_second - 5).unwrap();
    drop(file);
    ts.reopen();
    assert_eq!(fs::metadata(&segment).unwrap().len(), whole);
    assert_eq!(messages(&all_events(&ts)), ["first 1", "first 2"]);

    // Garbage after the last whole batch (a write that never completed) too.
    let mut bytes = fs::read(&segment).unwrap();
    bytes.extend_from_slice(&[0xAB; 100]);
    fs::write(&segment, bytes).unwrap();
    ts.reopen();
    assert_eq!(fs::metadata(&segment).unwrap().len(), whole);

    ts.put("g", "s", &[(T0, "after")]);
    let events = all_events(&ts);
    assert_eq!(messages(&events), ["first 1", "first 2", "after"]);
    let ids: std::collections::HashSet<_> = events.iter().map(|e| &e.event_id).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn segments_roll_and_sealed_indexes_are_used_or_rebuilt() {
    let mut ts = TestStore::with_options(|o| {
        o.segment_max_bytes = 4096;
        o.block_bytes = 512;
    });
    ts.group_with_stream("g", "s");
    let line = "x".repeat(100);
    let mut expected = Vec::new();
    for batch in 0..40 {
        let msgs: Vec<String> = (0..5).map(|i| format!("{batch:02}-{i} {line}")).collect();
        let events: Vec<(i64, &str)> = msgs
            .iter()
            .map(|m| (T0 - 1000 + batch, m.as_str()))
            .collect();
        ts.put("g", "s", &events);
        expected.extend(msgs);
    }
    let logs = segment_files(&ts, "log");
    assert!(logs.len() >= 5, "{} segments", logs.len());
    // Every sealed segment has a sidecar index; the active one does not.
    assert_eq!(segment_files(&ts, "idx").len(), logs.len() - 1);
    assert_eq!(messages(&all_events(&ts)), expected);

    ts.reopen();
    assert_eq!(messages(&all_events(&ts)), expected);

    // A damaged sidecar is ignored and its segment scanned instead; a
    // missing one likewise.
    let sidecars = segment_files(&ts, "idx");
    let mut damaged = fs::read(&sidecars[0]).unwrap();
    let at = damaged.len() - 10;
    damaged[at] ^= 0xff;
    fs::write(&sidecars[0], damaged).unwrap();
    fs::remove_file(&sidecars[1]).unwrap();
    ts.reopen();
    assert_eq!(messages(&all_events(&ts)), expected);
    let info = ts.store.stream("g", "s").unwrap();
    let on_disk: u64 = segment_files(&ts, "log")
        .iter()
        .map(|p| fs::metadata(p).unwrap().len())
        .sum();
    assert_eq!(info.stored_bytes, on_disk);
}

#[test]
fn damage_inside_a_sealed_segment_loses_only_what_is_damaged() {
    let mut ts = TestStore::with_options(|o| o.segment_max_bytes = 600);
    ts.group_with_stream("g", "s");
    let line = "y".repeat(200);
    for batch in 0..6 {
        let msg = format!("{batch} {line}");
        ts.put("g", "s", &[(T0 - 100 + batch, msg.as_str())]);
    }
    let logs = segment_files(&ts, "log");
    assert!(logs.len() >= 3);
    let total = all_events(&ts).len();
    for sidecar in segment_files(&ts, "idx") {
        fs::remove_file(sidecar).unwrap();
    }
    // Flip a byte in the first (sealed) segment's last batch.
    let mut bytes = fs::read(&logs[0]).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 1;
    fs::write(&logs[0], bytes).unwrap();
    ts.reopen();
    let events = all_events(&ts);
    assert_eq!(events.len(), total - 1, "only the damaged batch is lost");
    assert!(events.iter().any(|e| e.message.starts_with("5 ")));
}

#[test]
fn positions_make_resends_exactly_once_even_after_a_torn_batch() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    assert_eq!(ts.position("g", "s"), None);
    let outcome = ts.put_at(
        "g",
        "s",
        &[
            (T0, "l1", pos(100, 0)),
            (T0, "l2", pos(100, 1)),
            (T0, "l3", pos(200, 0)),
        ],
    );
    assert_eq!((outcome.stored, outcome.duplicates), (3, 0));
    assert_eq!(ts.position("g", "s"), Some(pos(200, 0)));

    // The agent crashed before recording the acknowledgement and resends
    // from an older position, with new lines after.
    let outcome = ts.put_at(
        "g",
        "s",
        &[
            (T0, "l2", pos(100, 1)),
            (T0, "l3", pos(200, 0)),
            (T0, "l4", pos(300, 0)),
        ],
    );
    assert_eq!((outcome.stored, outcome.duplicates), (1, 2));
    // A resend of only stored lines stores nothing.
    let outcome = ts.put_at("g", "s", &[(T0, "l4", pos(300, 0))]);
    assert_eq!((outcome.stored, outcome.duplicates), (0, 1));
    assert_eq!(messages(&all_events(&ts)), ["l1", "l2", "l3", "l4"]);

    // The position is durable with the events.
    ts.reopen();
    assert_eq!(ts.position("g", "s"), Some(pos(300, 0)));

    // The server crashes while writing the next batch: it is torn, so its
    // events and its position are both gone, and the resend stores it once.
    let segment = segment_files(&ts, "log").pop().unwrap();
    let before = fs::metadata(&segment).unwrap().len();
    ts.put_at(
        "g",
        "s",
        &[(T0, "l5", pos(400, 0)), (T0, "l6", pos(500, 0))],
    );
    let file = fs::OpenOptions::new().write(true).open(&segment).unwrap();
    file.set_len(before + 10).unwrap();
    drop(file);
    ts.reopen();
    assert_eq!(ts.position("g", "s"), Some(pos(300, 0)));
    let outcome = ts.put_at(
        "g",
        "s",
        &[
            (T0, "l4", pos(300, 0)),
            (T0, "l5", pos(400, 0)),
            (T0, "l6", pos(500, 0)),
        ],
    );
    assert_eq!((outcome.stored, outcome.duplicates), (2, 1));
    assert_eq!(
        messages(&all_events(&ts)),
        ["l1", "l2", "l3", "l4", "l5", "l6"]
    );
}

#[test]
fn positions_must_be_all_or_none_and_increasing() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    let mixed = [
        NewEvent {
            timestamp: T0,
            message: "a",
            position: Some(pos(1, 0)),
        },
        NewEvent {
            timestamp: T0,
            message: "b",
            position: None,
        },
    ];
    assert!(ts.store.append("g", "s", &mixed).is_err());
    let backwards = [
        NewEvent {
            timestamp: T0,
            message: "a",
            position: Some(pos(2, 0)),
        },
        NewEvent {
            timestamp: T0,
            message: "b",
            position: Some(pos(1, 0)),
        },
    ];
    assert!(ts.store.append("g", "s", &backwards).is_err());
    assert_eq!(ts.position("g", "s"), None);
    // Batches without positions leave the stream's position alone.
    ts.put_at("g", "s", &[(T0, "p", pos(5, 0))]);
    ts.put("g", "s", &[(T0, "plain")]);
    assert_eq!(ts.position("g", "s"), Some(pos(5, 0)));
}

#[test]
fn get_events_sees_an_append_as_soon_as_it_returns() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    for i in 0..50 {
        let msg = format!("line {i}");
        ts.put("g", "s", &[(T0, msg.as_str())]);
        let page = ts
            .store
            .get_events(
                "g",
                "s",
                &GetEvents {
                    limit: Some(1),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(page.events[0].message, msg);
    }
}
