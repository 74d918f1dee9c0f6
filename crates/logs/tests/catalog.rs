//! Log groups and streams: creation rules, listing with prefixes, orders and
//! pagination, retention settings, tags, deletion, limits, and that all of
//! it survives a restart (including a torn catalog journal).

mod common;

use std::collections::BTreeMap;
use std::fs;

use berth_logs::{ErrorKind, ListStreams, LogError, StreamOrder};
use common::{TestStore, T0};

fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| name(i).to_string()).collect()
}

#[test]
fn groups_list_by_name_with_prefix_and_pagination() {
    let ts = TestStore::new();
    for name in [
        "/ecs/b", "/ecs/a", "/other", "/ecs/c", "/ecs/d", "/ecsx", "/ecs/e",
    ] {
        ts.store.create_group(name, BTreeMap::new()).unwrap();
    }
    let mut seen = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = ts
            .store
            .list_groups(Some("/ecs/"), Some(2), token.as_deref())
            .unwrap();
        pages += 1;
        seen.extend(names(&page.items, |g| &g.name));
        match page.next_token {
            Some(t) => token = Some(t),
            None => break,
        }
    }
    assert_eq!(seen, ["/ecs/a", "/ecs/b", "/ecs/c", "/ecs/d", "/ecs/e"]);
    assert_eq!(pages, 3);

    let all = ts.store.list_groups(None, None, None).unwrap();
    assert_eq!(all.items.len(), 7);
    assert!(all.next_token.is_none());
    assert_eq!(all.items[0].creation_time, T0);

    // A token only continues the listing it came from.
    let page = ts.store.list_groups(Some("/ecs/"), Some(1), None).unwrap();
    let token = page.next_token.unwrap();
    let err = ts
        .store
        .list_groups(Some("/other"), Some(1), Some(&token))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidParameter, "{err}");
    assert!(ts.store.list_groups(None, Some(0), None).is_err());
    assert!(ts.store.list_groups(None, Some(51), None).is_err());
    assert!(ts
        .store
        .list_groups(Some("bad prefix"), None, None)
        .is_err());
}

#[test]
fn group_rules_are_enforced_and_refusals_change_nothing() {
    let ts = TestStore::with_options(|o| o.max_groups = 2);
    for bad in ["", "has space", "aws/reserved", &"x".repeat(513)] {
        let err = ts.store.create_group(bad, BTreeMap::new()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidParameter, "{bad}: {err}");
    }
    ts.store.create_group("one", BTreeMap::new()).unwrap();
    let err = ts.store.create_group("one", BTreeMap::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResourceAlreadyExists);
    ts.store.create_group("two", BTreeMap::new()).unwrap();
    let err = ts.store.create_group("three", BTreeMap::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    assert_eq!(
        ts.store.list_groups(None, None, None).unwrap().items.len(),
        2
    );
    assert!(matches!(
        ts.store.group("nope"),
        Err(LogError::GroupNotFound(_))
    ));
    assert!(matches!(
        ts.store.delete_group("nope"),
        Err(LogError::GroupNotFound(_))
    ));
}

#[test]
fn retention_and_tags_are_validated_and_survive_restart() {
    let mut ts = TestStore::new();
    let tags = BTreeMap::from([("team".to_string(), "core".to_string())]);
    ts.store.create_group("g", tags).unwrap();
    ts.store.put_retention("g", 7).unwrap();
    let err = ts.store.put_retention("g", 8).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidParameter);
    ts.store
        .tag_group("g", BTreeMap::from([("env".into(), "prod".into())]))
        .unwrap();
    ts.store
        .untag_group("g", &["team".into(), "absent".into()])
        .unwrap();
    let too_many: BTreeMap<String, String> =
        (0..50).map(|i| (format!("k{i}"), String::new())).collect();
    assert!(ts.store.tag_group("g", too_many).is_err(), "51 tags in all");

    ts.reopen();
    assert_eq!(ts.store.group("g").unwrap().retention_in_days, Some(7));
    assert_eq!(
        ts.store.group_tags("g").unwrap(),
        BTreeMap::from([("env".to_string(), "prod".to_string())])
    );
    ts.store.delete_retention("g").unwrap();
    ts.reopen();
    assert_eq!(ts.store.group("g").unwrap().retention_in_days, None);
}

#[test]
fn streams_follow_naming_rules_and_limits() {
    let ts = TestStore::with_options(|o| o.max_streams_per_group = 2);
    ts.store.create_group("g", BTreeMap::new()).unwrap();
    for bad in ["", "a:b", "a*", &"x".repeat(513)] {
        let err = ts.store.create_stream("g", bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidParameter, "{bad:?}");
    }
    let err = ts.store.create_stream("missing", "s").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResourceNotFound);
    let info = ts.store.create_stream("g", "ecs/web/1 é").unwrap();
    assert_eq!(info.creation_time, T0);
    assert_eq!(info.first_event_timestamp, None);
    let err = ts.store.create_stream("g", "ecs/web/1 é").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResourceAlreadyExists);
    ts.store.create_stream("g", "two").unwrap();
    let err = ts.store.create_stream("g", "three").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LimitExceeded);
}

fn list_all(ts: &TestStore, request: ListStreams<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = ts
            .store
            .list_streams(
                "g",
                &ListStreams {
                    next_token: token.as_deref(),
                    ..request.clone()
                },
            )
            .unwrap();
        assert!(page.items.len() <= request.limit.unwrap_or(50));
        out.extend(names(&page.items, |s| &s.name));
        match page.next_token {
            Some(t) => token = Some(t),
            None => return out,
        }
    }
}

#[test]
fn streams_list_by_name_and_last_event_time_in_both_directions() {
    let ts = TestStore::new();
    ts.store.create_group("g", BTreeMap::new()).unwrap();
    // Streams with events at different times, and one without events.
    for (name, ts_ms) in [
        ("web/1", 300),
        ("web/2", 100),
        ("db/1", 200),
        ("web/3", 400),
    ] {
        ts.store.create_stream("g", name).unwrap();
        ts.put("g", name, &[(T0 - 1000 + ts_ms, "x")]);
    }
    ts.store.create_stream("g", "empty").unwrap();

    let by_name = |prefix, descending| {
        list_all(
            &ts,
            ListStreams {
                prefix,
                descending,
                limit: Some(2),
                ..Default::default()
            },
        )
    };
    assert_eq!(
        by_name(None, false),
        ["db/1", "empty", "web/1", "web/2", "web/3"]
    );
    assert_eq!(
        by_name(None, true),
        ["web/3", "web/2", "web/1", "empty", "db/1"]
    );
    assert_eq!(by_name(Some("web/"), false), ["web/1", "web/2", "web/3"]);
    assert_eq!(by_name(Some("web/"), true), ["web/3", "web/2", "web/1"]);
    assert!(by_name(Some("zzz"), false).is_empty());

    let by_time = |descending| {
        list_all(
            &ts,
            ListStreams {
                order: StreamOrder::LastEventTime,
                descending,
                limit: Some(2),
                ..Default::default()
            },
        )
    };
    assert_eq!(by_time(false), ["empty", "web/2", "db/1", "web/1", "web/3"]);
    assert_eq!(by_time(true), ["web/3", "web/1", "db/1", "web/2", "empty"]);

    let err = ts
        .store
        .list_streams(
            "g",
            &ListStreams {
                prefix: Some("web"),
                order: StreamOrder::LastEventTime,
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidParameter);

    // A token is bound to its listing's order.
    let page = ts
        .store
        .list_streams(
            "g",
            &ListStreams {
                limit: Some(1),
                ..Default::default()
            },
        )
        .unwrap();
    let err = ts
        .store
        .list_streams(
            "g",
            &ListStreams {
                descending: true,
                next_token: page.next_token.as_deref(),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidParameter);
}

#[test]
fn stream_info_tracks_event_times_and_bytes() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0 - 50, "b"), (T0 - 40, "c")]);
    ts.advance(7);
    // An older batch after a newer one is allowed.
    ts.put("g", "s", &[(T0 - 90, "a")]);
    let info = ts.store.stream("g", "s").unwrap();
    assert_eq!(info.first_event_timestamp, Some(T0 - 90));
    assert_eq!(info.last_event_timestamp, Some(T0 - 40));
    assert_eq!(info.last_ingestion_time, Some(T0 + 7));
    assert!(info.stored_bytes > 0);
    assert_eq!(ts.store.group("g").unwrap().stored_bytes, info.stored_bytes);
}

#[test]
fn deleting_removes_files_and_names_can_be_reused() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.store.create_stream("g", "t").unwrap();
    ts.put("g", "s", &[(T0, "old s")]);
    ts.put("g", "t", &[(T0, "old t")]);
    let streams_dir = ts.dir.path().join("streams");
    assert_eq!(fs::read_dir(&streams_dir).unwrap().count(), 2);

    ts.store.delete_stream("g", "t").unwrap();
    assert_eq!(fs::read_dir(&streams_dir).unwrap().count(), 1);
    let err = ts.store.stream("g", "t").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResourceNotFound);
    let err = ts.store.append("g", "t", &[]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResourceNotFound);

    let before = ts.filter_all("g", Default::default());
    ts.store.delete_group("g").unwrap();
    assert_eq!(fs::read_dir(&streams_dir).unwrap().count(), 0);
    assert!(ts.store.filter_events("g", &Default::default()).is_err());

    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0, "new s")]);
    let after = ts.filter_all("g", Default::default());
    assert_eq!(common::messages(&after), ["new s"]);
    assert_ne!(
        after[0].event_id, before[0].event_id,
        "event IDs are never reused"
    );

    ts.reopen();
    assert_eq!(
        ts.store.list_groups(None, None, None).unwrap().items.len(),
        1
    );
    assert_eq!(
        common::messages(&ts.filter_all("g", Default::default())),
        ["new s"]
    );
}

#[test]
fn catalog_survives_a_torn_journal_tail() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0, "kept")]);
    let journal = ts.dir.path().join("catalog.log");
    let mut bytes = fs::read(&journal).unwrap();
    let whole = bytes.len();
    bytes.extend_from_slice(b"BLc1\x40\x00\x00\x00partial record");
    fs::write(&journal, bytes).unwrap();

    ts.reopen();
    assert_eq!(
        fs::read(&journal).unwrap().len(),
        whole,
        "torn tail truncated"
    );
    assert_eq!(
        common::messages(&ts.filter_all("g", Default::default())),
        ["kept"]
    );
    ts.store.create_stream("g", "after").unwrap();
    ts.reopen();
    assert!(ts.store.stream("g", "after").is_ok());
}

#[test]
fn a_second_store_cannot_open_the_same_directory() {
    let ts = TestStore::new();
    let err = berth_logs::LogStore::open(ts.dir.path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServiceUnavailable, "{err}");
}

#[test]
fn listing_tokens_carry_the_longest_names() {
    let ts = TestStore::new();
    ts.store.create_group("g", BTreeMap::new()).unwrap();
    // 512 characters of 4 bytes each, sharing a 511-character prefix.
    let prefix = "𝄞".repeat(511);
    for last in ['a', 'b', 'c'] {
        ts.store
            .create_stream("g", &format!("{prefix}{last}"))
            .unwrap();
    }
    for descending in [false, true] {
        let listed = list_all(
            &ts,
            ListStreams {
                prefix: Some(&prefix),
                descending,
                limit: Some(1),
                ..Default::default()
            },
        );
        assert_eq!(listed.len(), 3);
    }
    let long_group = "g".repeat(512);
    ts.store.create_group(&long_group, BTreeMap::new()).unwrap();
    ts.store
        .create_group(&format!("{}h", "g".repeat(511)), BTreeMap::new())
        .unwrap();
    let page = ts
        .store
        .list_groups(Some(&"g".repeat(200)), Some(1), None)
        .unwrap();
    let rest = ts
        .store
        .list_groups(Some(&"g".repeat(200)), Some(5), page.next_token.as_deref())
        .unwrap();
    assert_eq!(page.items.len() + rest.items.len(), 2);
}

#[test]
fn unfinished_stream_deletions_are_cleaned_up_on_open() {
    let mut ts = TestStore::new();
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0, "kept")]);
    // A stream directory the catalog does not know, as left by a crash
    // between recording a deletion and removing the files.
    let orphan = ts.dir.path().join("streams").join(format!("{:016x}", 999));
    fs::create_dir_all(&orphan).unwrap();
    fs::write(orphan.join("seg-00000000000000000000.log"), b"old").unwrap();
    ts.reopen();
    assert!(!orphan.exists());
    assert_eq!(
        common::messages(&ts.filter_all("g", Default::default())),
        ["kept"]
    );
}
