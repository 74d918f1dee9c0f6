//! GetLogEvents and FilterLogEvents semantics: directions, tokens (and what
//! they do at the end of a stream), time ranges, limits and the 1 MiB page,
//! out-of-order batches, interleaving across streams, stream selection,
//! filter patterns, scan budgets, and robustness against bad tokens.

mod common;

use std::collections::HashSet;

use berth_logs::{
    ErrorKind, EventsPage, FilterEvents, GetEvents, LogError, StreamSelection, UnsupportedSyntax,
};
use common::{messages, TestStore, T0};

fn get(ts: &TestStore, request: GetEvents<'_>) -> EventsPage {
    ts.store.get_events("g", "s", &request).unwrap()
}

fn get_err(ts: &TestStore, group: &str, stream: &str, request: GetEvents<'_>) -> LogError {
    ts.store.get_events(group, stream, &request).unwrap_err()
}

fn filter_err(ts: &TestStore, group: &str, request: FilterEvents<'_>) -> LogError {
    ts.store.filter_events(group, &request).unwrap_err()
}

/// GetLogEvents with just a token.
fn continue_from(ts: &TestStore, token: &str) -> EventsPage {
    get(
        ts,
        GetEvents {
            next_token: Some(token),
            ..Default::default()
        },
    )
}

fn page_messages(page: &EventsPage) -> Vec<&str> {
    page.events.iter().map(|e| e.message.as_str()).collect()
}

/// A stream with events `e00`..`e{n-1}` at T0-n..T0-1, in batches of 7.
fn numbered(n: i64) -> TestStore {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    let msgs: Vec<String> = (0..n).map(|i| format!("e{i:02}")).collect();
    for chunk in (0..n).collect::<Vec<_>>().chunks(7) {
        let events: Vec<(i64, &str)> = chunk
            .iter()
            .map(|&i| (T0 - n + i, msgs[i as usize].as_str()))
            .collect();
        ts.put("g", "s", &events);
    }
    ts
}

#[test]
fn get_events_from_head_pages_forward_and_ends_with_the_same_token() {
    let ts = numbered(25);
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut calls = 0;
    loop {
        let page = get(
            &ts,
            GetEvents {
                start_from_head: true,
                limit: Some(10),
                next_token: token.as_deref(),
                ..Default::default()
            },
        );
        calls += 1;
        assert!(page.events.len() <= 10);
        seen.extend(page_messages(&page).iter().map(|m| m.to_string()));
        if token.as_deref() == Some(page.next_forward_token.as_str()) {
            assert!(page.events.is_empty());
            break;
        }
        token = Some(page.next_forward_token);
    }
    let expected: Vec<String> = (0..25).map(|i| format!("e{i:02}")).collect();
    assert_eq!(seen, expected);
    assert_eq!(calls, 4, "3 pages and one that returns the same token");

    // New events after the end are picked up with the last forward token.
    ts.put("g", "s", &[(T0, "late")]);
    let page = get(
        &ts,
        GetEvents {
            start_from_head: true,
            next_token: token.as_deref(),
            ..Default::default()
        },
    );
    assert_eq!(page_messages(&page), ["late"]);
}

#[test]
fn get_events_from_tail_returns_the_newest_and_pages_backward() {
    let ts = numbered(25);
    let page = get(
        &ts,
        GetEvents {
            limit: Some(10),
            ..Default::default()
        },
    );
    let expected: Vec<String> = (15..25).map(|i| format!("e{i:02}")).collect();
    assert_eq!(page_messages(&page), expected);

    let mut token = page.next_backward_token;
    let mut older = Vec::new();
    loop {
        let page = get(
            &ts,
            GetEvents {
                limit: Some(10),
                next_token: Some(&token),
                ..Default::default()
            },
        );
        if page.next_backward_token == token {
            assert!(page.events.is_empty());
            break;
        }
        let mut batch: Vec<String> = page_messages(&page).iter().map(|m| m.to_string()).collect();
        batch.extend(older);
        older = batch;
        token = page.next_backward_token;
    }
    let expected: Vec<String> = (0..15).map(|i| format!("e{i:02}")).collect();
    assert_eq!(older, expected);

    // The forward token of the newest page continues after it.
    ts.put("g", "s", &[(T0, "newer")]);
    let page = continue_from(&ts, &page.next_forward_token);
    assert_eq!(page_messages(&page), ["newer"]);
}

#[test]
fn get_events_on_an_empty_stream_hands_out_tokens_that_see_later_events() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    for start_from_head in [false, true] {
        let page = get(
            &ts,
            GetEvents {
                start_from_head,
                ..Default::default()
            },
        );
        assert!(page.events.is_empty());
        assert!(!page.next_forward_token.is_empty() && !page.next_backward_token.is_empty());
        let again = continue_from(&ts, &page.next_forward_token);
        assert_eq!(again.next_forward_token, page.next_forward_token);
    }
    let page = get(&ts, GetEvents::default());
    ts.put("g", "s", &[(T0, "first")]);
    let next = continue_from(&ts, &page.next_forward_token);
    assert_eq!(page_messages(&next), ["first"]);
}

#[test]
fn get_events_time_range_is_start_inclusive_end_exclusive() {
    let ts = numbered(10);
    let page = get(
        &ts,
        GetEvents {
            start_time: Some(T0 - 8),
            end_time: Some(T0 - 5),
            start_from_head: true,
            ..Default::default()
        },
    );
    assert_eq!(page_messages(&page), ["e02", "e03", "e04"]);
    let err = get_err(
        &ts,
        "g",
        "s",
        GetEvents {
            start_time: Some(5),
            end_time: Some(4),
            ..Default::default()
        },
    );
    assert_eq!(err.kind(), ErrorKind::InvalidParameter);
    for limit in [0, 10_001] {
        let err = get_err(
            &ts,
            "g",
            "s",
            GetEvents {
                limit: Some(limit),
                ..Default::default()
            },
        );
        assert_eq!(err.kind(), ErrorKind::InvalidParameter);
    }
}

#[test]
fn pages_hold_at_most_one_mebibyte() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "s");
    let big = "m".repeat(200 * 1024);
    for _ in 0..3 {
        ts.put("g", "s", &[(T0, &big), (T0, &big), (T0, &big)]);
    }
    let mut total = 0;
    let mut token: Option<String> = None;
    loop {
        let page = get(
            &ts,
            GetEvents {
                start_from_head: true,
                next_token: token.as_deref(),
                ..Default::default()
            },
        );
        let bytes: usize = page.events.iter().map(|e| e.message.len() + 26).sum();
        assert!(bytes <= 1_048_576, "{bytes}");
        assert!(page.events.len() <= 5);
        total += page.events.len();
        if page.events.is_empty() {
            break;
        }
        token = Some(page.next_forward_token);
    }
    assert_eq!(total, 9);
}

#[test]
fn out_of_order_batches_are_read_in_timestamp_order() {
    let ts = TestStore::with_options(|o| o.block_bytes = 64);
    ts.group_with_stream("g", "s");
    ts.put("g", "s", &[(T0 - 100, "c1"), (T0 - 90, "c2")]);
    ts.put("g", "s", &[(T0 - 300, "a1"), (T0 - 200, "b1")]);
    ts.put(
        "g",
        "s",
        &[(T0 - 250, "a2"), (T0 - 95, "c1.5"), (T0 - 10, "d")],
    );
    let expected = ["a1", "a2", "b1", "c1", "c1.5", "c2", "d"];
    // All at once, and in pages of 2 in both directions.
    let page = get(
        &ts,
        GetEvents {
            start_from_head: true,
            ..Default::default()
        },
    );
    assert_eq!(page_messages(&page), expected);
    let mut forward = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = get(
            &ts,
            GetEvents {
                start_from_head: true,
                limit: Some(2),
                next_token: token.as_deref(),
                ..Default::default()
            },
        );
        if page.events.is_empty() {
            break;
        }
        forward.extend(page_messages(&page).iter().map(|m| m.to_string()));
        token = Some(page.next_forward_token);
    }
    assert_eq!(forward, expected);
    let all = ts.filter_all(
        "g",
        FilterEvents {
            limit: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(messages(&all), expected);
}

#[test]
fn bad_tokens_are_refused_never_panic() {
    let ts = numbered(5);
    ts.store.create_stream("g", "other").unwrap();
    let page = get(
        &ts,
        GetEvents {
            limit: Some(2),
            ..Default::default()
        },
    );
    let forward = page.next_forward_token;
    let mut bad: Vec<String> = vec![
        String::new(),
        "f/".into(),
        "b/".into(),
        "x/abc".into(),
        "f/!!!!".into(),
        "f/".to_string() + &"A".repeat(10_000),
        forward[..forward.len() - 2].to_string(),
        forward.replace("f/", "b/"),
    ];
    for i in 2..forward.len() {
        let mut chars: Vec<char> = forward.chars().collect();
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        bad.push(chars.into_iter().collect());
    }
    for token in &bad {
        let err = get_err(
            &ts,
            "g",
            "s",
            GetEvents {
                next_token: Some(token),
                ..Default::default()
            },
        );
        assert_eq!(err.kind(), ErrorKind::InvalidParameter, "{token}: {err}");
    }
    // A token is bound to its stream and to its operation.
    let err = get_err(
        &ts,
        "g",
        "other",
        GetEvents {
            next_token: Some(&forward),
            ..Default::default()
        },
    );
    assert!(matches!(err, LogError::InvalidToken(_)), "{err}");
    let err = filter_err(
        &ts,
        "g",
        FilterEvents {
            next_token: Some(&forward),
            ..Default::default()
        },
    );
    assert!(matches!(err, LogError::InvalidToken(_)), "{err}");
}

/// Three streams whose events interleave in time.
fn three_streams() -> TestStore {
    let ts = TestStore::new();
    ts.store.create_group("g", Default::default()).unwrap();
    for (name, offset) in [("app/a", 0), ("app/b", 1), ("db", 2)] {
        ts.store.create_stream("g", name).unwrap();
        let msgs: Vec<String> = (0..10)
            .map(|i| {
                format!(
                    "{name} {} {}",
                    i * 3 + offset,
                    if i % 3 == 0 { "ERROR" } else { "ok" }
                )
            })
            .collect();
        let events: Vec<(i64, &str)> = msgs
            .iter()
            .enumerate()
            .map(|(i, m)| (T0 - 100 + (i as i64) * 3 + offset, m.as_str()))
            .collect();
        ts.put("g", name, &events);
    }
    ts
}

#[test]
fn filter_interleaves_streams_in_timestamp_order() {
    let ts = three_streams();
    let events = ts.filter_all("g", FilterEvents::default());
    assert_eq!(events.len(), 30);
    let times: Vec<i64> = events.iter().map(|e| e.timestamp).collect();
    let expected: Vec<i64> = (0..30).map(|i| T0 - 100 + i).collect();
    assert_eq!(times, expected);
    assert_eq!(events[0].stream_name, "app/a");
    assert_eq!(events[1].stream_name, "app/b");
    assert_eq!(events[2].stream_name, "db");
    assert!(events.iter().all(|e| e.ingestion_time == T0));
    let ids: HashSet<_> = events.iter().map(|e| e.event_id.clone()).collect();
    assert_eq!(ids.len(), 30);

    // Paging in small pages yields the same sequence.
    let paged = ts.filter_all(
        "g",
        FilterEvents {
            limit: Some(4),
            ..Default::default()
        },
    );
    assert_eq!(paged, events);
}

#[test]
fn filter_selects_streams_times_and_patterns() {
    let ts = three_streams();
    let names = vec!["db".to_string(), "app/b".to_string(), "db".to_string()];
    let by_names = ts.filter_all(
        "g",
        FilterEvents {
            streams: StreamSelection::Names(&names),
            ..Default::default()
        },
    );
    assert_eq!(by_names.len(), 20);
    assert!(by_names.iter().all(|e| e.stream_name != "app/a"));
    let by_prefix = ts.filter_all(
        "g",
        FilterEvents {
            streams: StreamSelection::Prefix("app/"),
            ..Default::default()
        },
    );
    assert_eq!(by_prefix.len(), 20);
    assert!(by_prefix.iter().all(|e| e.stream_name.starts_with("app/")));

    // startTime and endTime are both inclusive.
    let window = ts.filter_all(
        "g",
        FilterEvents {
            start_time: Some(T0 - 100 + 3),
            end_time: Some(T0 - 100 + 5),
            ..Default::default()
        },
    );
    assert_eq!(
        window.iter().map(|e| e.timestamp).collect::<Vec<_>>(),
        [T0 - 97, T0 - 96, T0 - 95]
    );

    let errors = ts.filter_all(
        "g",
        FilterEvents {
            pattern: "ERROR -db",
            ..Default::default()
        },
    );
    assert_eq!(errors.len(), 8);
    assert!(errors
        .iter()
        .all(|e| e.message.contains("ERROR") && e.stream_name != "db"));
    let either = ts.filter_all(
        "g",
        FilterEvents {
            pattern: "?\"app/a 0 \" ?\"db 29\"",
            ..Default::default()
        },
    );
    assert_eq!(messages(&either), ["app/a 0 ERROR", "db 29 ERROR"]);

    let err = filter_err(
        &ts,
        "g",
        FilterEvents {
            pattern: "{ $.level = \"ERROR\" }",
            ..Default::default()
        },
    );
    assert!(matches!(
        err,
        LogError::UnsupportedPattern(UnsupportedSyntax::Json)
    ));
    let missing = vec!["nope".to_string()];
    let err = filter_err(
        &ts,
        "g",
        FilterEvents {
            streams: StreamSelection::Names(&missing),
            ..Default::default()
        },
    );
    assert_eq!(err.kind(), ErrorKind::ResourceNotFound);
    let too_many: Vec<String> = (0..101).map(|i| format!("s{i}")).collect();
    let err = filter_err(
        &ts,
        "g",
        FilterEvents {
            streams: StreamSelection::Names(&too_many),
            ..Default::default()
        },
    );
    assert_eq!(err.kind(), ErrorKind::InvalidParameter);
}

#[test]
fn filter_tokens_are_bound_to_their_query() {
    let ts = three_streams();
    let page = ts
        .store
        .filter_events(
            "g",
            &FilterEvents {
                limit: Some(3),
                pattern: "ok",
                ..Default::default()
            },
        )
        .unwrap();
    let token = page.next_token.unwrap();
    let err = filter_err(
        &ts,
        "g",
        FilterEvents {
            limit: Some(3),
            pattern: "ERROR",
            next_token: Some(&token),
            ..Default::default()
        },
    );
    assert!(matches!(err, LogError::InvalidToken(_)), "{err}");
    ts.store.create_group("h", Default::default()).unwrap();
    let err = filter_err(
        &ts,
        "h",
        FilterEvents {
            pattern: "ok",
            next_token: Some(&token),
            ..Default::default()
        },
    );
    assert!(matches!(err, LogError::InvalidToken(_)), "{err}");
    // The same query continues, whatever the limit.
    let rest = ts
        .store
        .filter_events(
            "g",
            &FilterEvents {
                pattern: "ok",
                next_token: Some(&token),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(rest.events.len(), 18 - 3);
}

#[test]
fn a_scan_budget_returns_partial_pages_that_still_make_progress() {
    let ts = TestStore::with_options(|o| {
        o.block_bytes = 256;
        o.scan_budget_bytes = 1;
    });
    ts.group_with_stream("g", "s");
    let mut expected = Vec::new();
    for batch in 0..30 {
        let msgs: Vec<String> = (0..10)
            .map(|i| {
                if (batch * 10 + i) % 37 == 0 {
                    format!("needle {batch} {i}")
                } else {
                    format!("hay {batch} {i} {}", "h".repeat(40))
                }
            })
            .collect();
        expected.extend(msgs.iter().filter(|m| m.starts_with("needle")).cloned());
        let events: Vec<(i64, &str)> = msgs
            .iter()
            .map(|m| (T0 - 1000 + batch, m.as_str()))
            .collect();
        ts.put("g", "s", &events);
    }
    let mut pages = 0;
    let mut empty_pages = 0;
    let mut found = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = ts
            .store
            .filter_events(
                "g",
                &FilterEvents {
                    pattern: "needle",
                    next_token: token.as_deref(),
                    ..Default::default()
                },
            )
            .unwrap();
        pages += 1;
        assert!(pages < 1000, "no progress");
        if page.events.is_empty() {
            empty_pages += 1;
        }
        found.extend(page.events.into_iter().map(|e| e.message));
        match page.next_token {
            Some(next) => token = Some(next),
            None => break,
        }
    }
    assert_eq!(found, expected);
    assert!(empty_pages > 0, "the budget cut some pages short");
}
