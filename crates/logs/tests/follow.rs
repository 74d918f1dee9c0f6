//! `aws logs tail --follow` against the engine: every event is seen exactly
//! once, including events that arrive after newer ones (a lagging stream,
//! an older batch), at the boundary timestamp, across pages, and while
//! writers append concurrently. Queries that are not such re-polls keep
//! CloudWatch's `startTime` semantics.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use berth_logs::{system_now_ms, FilterEvents, FilteredEvent, LogStore};
use common::{TestStore, T0};

/// AWS CLI v2's follow loop (awscli/customizations/logs/tail.py,
/// `FollowLogEventsGenerator._do_filter_log_events`): page through
/// FilterLogEvents; yield an event unless its ID was already seen at its
/// timestamp, keeping only the newest timestamp's IDs after each page; when
/// the last page is reached, drop the token and set startTime to the newest
/// timestamp seen.
struct Tail {
    group: &'static str,
    pattern: &'static str,
    limit: Option<usize>,
    start: i64,
    ids_per_timestamp: HashMap<i64, HashSet<String>>,
}

impl Tail {
    fn new(group: &'static str, pattern: &'static str, start: i64) -> Tail {
        Tail {
            group,
            pattern,
            limit: None,
            start,
            ids_per_timestamp: HashMap::new(),
        }
    }

    /// One poll: every page, then the startTime reset. Returns what the CLI
    /// would print.
    fn poll(&mut self, store: &LogStore) -> Vec<FilteredEvent> {
        let mut printed = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = store
                .filter_events(
                    self.group,
                    &FilterEvents {
                        start_time: Some(self.start),
                        pattern: self.pattern,
                        limit: self.limit,
                        next_token: token.as_deref(),
                        ..Default::default()
                    },
                )
                .expect("filter");
            for event in page.events {
                if self
                    .ids_per_timestamp
                    .entry(event.timestamp)
                    .or_default()
                    .insert(event.event_id.clone())
                {
                    printed.push(event);
                }
            }
            if let Some(&newest) = self.ids_per_timestamp.keys().max() {
                self.ids_per_timestamp.retain(|&ts, _| ts == newest);
            }
            match page.next_token {
                Some(next) => token = Some(next),
                None => {
                    if let Some(&newest) = self.ids_per_timestamp.keys().max() {
                        self.start = newest;
                    }
                    return printed;
                }
            }
        }
    }
}

fn messages(events: &[FilteredEvent]) -> Vec<&str> {
    events.iter().map(|e| e.message.as_str()).collect()
}

#[test]
fn tail_follow_sees_late_events_exactly_once() {
    let ts = TestStore::new();
    ts.group_with_stream("g", "fast");
    ts.store.create_stream("g", "slow").unwrap();
    let mut tail = Tail::new("g", "", T0 - 600_000);

    ts.put("g", "fast", &[(T0 - 10, "f1"), (T0 - 5, "f2")]);
    assert_eq!(messages(&tail.poll(&ts.store)), ["f1", "f2"]);
    assert_eq!(tail.start, T0 - 5);

    // The slow stream ships lines older than what the tail has seen: under
    // CloudWatch's startTime semantics they would never be shown.
    ts.advance(1);
    ts.put(
        "g",
        "slow",
        &[(T0 - 8, "s1"), (T0 - 5, "s2 at the boundary")],
    );
    assert!(T0 - 8 < tail.start);
    assert_eq!(
        messages(&tail.poll(&ts.store)),
        ["s1", "s2 at the boundary"]
    );
    assert!(tail.poll(&ts.store).is_empty(), "nothing is shown twice");
    assert!(tail.poll(&ts.store).is_empty());

    // A late event while nothing newer arrives (the boundary stays put), in
    // the same millisecond as the poll.
    ts.put("g", "slow", &[(T0 - 7, "s3")]);
    assert_eq!(messages(&tail.poll(&ts.store)), ["s3"]);
    assert!(tail.poll(&ts.store).is_empty());

    // Newer and late events together.
    ts.advance(1);
    ts.put("g", "fast", &[(T0 - 1, "f3")]);
    ts.put("g", "slow", &[(T0 - 6, "s4")]);
    assert_eq!(messages(&tail.poll(&ts.store)), ["s4", "f3"]);
    assert!(tail.poll(&ts.store).is_empty());

    // Queries that are not a re-poll from a remembered boundary keep
    // CloudWatch's semantics: nothing before startTime.
    let plain = ts.filter_all(
        "g",
        FilterEvents {
            start_time: Some(T0 - 6),
            ..Default::default()
        },
    );
    assert_eq!(
        common::messages(&plain),
        ["s4", "f2", "s2 at the boundary", "f3"]
    );
    // Nor does a query with an endTime.
    let bounded = ts.filter_all(
        "g",
        FilterEvents {
            start_time: Some(T0 - 1),
            end_time: Some(T0),
            ..Default::default()
        },
    );
    assert_eq!(common::messages(&bounded), ["f3"]);
}

/// A small deterministic generator (no dependency needed for a test).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn tail_follow_is_exactly_once_over_random_interleavings() {
    for seed in 1..=4 {
        let ts = TestStore::new();
        let streams = ["a", "b", "c", "d"];
        for name in streams {
            ts.group_with_stream("g", name);
        }
        let start = T0 - 600_000;
        let mut everything = Tail::new("g", "", start);
        let mut matching = Tail::new("g", "keep", start);
        matching.limit = Some(3);
        everything.limit = Some(7);
        let mut printed_all: Vec<FilteredEvent> = Vec::new();
        let mut printed_keep: Vec<FilteredEvent> = Vec::new();
        let mut rng = Lcg(seed);
        let mut written = 0;
        for round in 0..300 {
            match rng.below(3) {
                0 => {
                    printed_all.extend(everything.poll(&ts.store));
                    printed_keep.extend(matching.poll(&ts.store));
                }
                _ => {
                    let stream = streams[rng.below(4) as usize];
                    // Mostly recent timestamps, often older than what was
                    // already shown, sometimes equal to it.
                    let base = ts.now() - rng.below(40) as i64;
                    let count = 1 + rng.below(4) as i64;
                    let msgs: Vec<String> = (0..count)
                        .map(|i| {
                            let kind = if rng.below(2) == 0 { "keep" } else { "drop" };
                            format!("{round}.{i} {kind}")
                        })
                        .collect();
                    let events: Vec<(i64, &str)> = msgs
                        .iter()
                        .enumerate()
                        .map(|(i, m)| (base + i as i64 / 2, m.as_str()))
                        .collect();
                    ts.put("g", stream, &events);
                    written += events.len();
                }
            }
            ts.advance(rng.below(3) as i64);
        }
        printed_all.extend(everything.poll(&ts.store));
        printed_keep.extend(matching.poll(&ts.store));
        assert!(everything.poll(&ts.store).is_empty());
        assert!(matching.poll(&ts.store).is_empty());

        let all = ts.filter_all("g", FilterEvents::default());
        assert_eq!(all.len(), written);
        let expect = |events: &[FilteredEvent]| -> Vec<String> {
            let mut ids: Vec<String> = events.iter().map(|e| e.event_id.clone()).collect();
            ids.sort();
            ids
        };
        let keep: Vec<FilteredEvent> = all
            .iter()
            .filter(|e| e.message.contains("keep"))
            .cloned()
            .collect();
        assert_eq!(
            expect(&printed_all),
            expect(&all),
            "seed {seed}: every event once"
        );
        assert_eq!(
            expect(&printed_keep),
            expect(&keep),
            "seed {seed}: every match once"
        );
    }
}

#[test]
fn tail_follow_is_exactly_once_while_writers_run_concurrently() {
    let ts = TestStore::with_options(|o| o.clock = Arc::new(system_now_ms));
    let streams = ["w0", "w1", "w2"];
    for name in streams {
        ts.group_with_stream("g", name);
    }
    let store = ts.store.clone();
    let done = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = streams
        .iter()
        .enumerate()
        .map(|(w, &name)| {
            let store = store.clone();
            thread::spawn(move || {
                let mut rng = Lcg(w as u64 + 10);
                let mut written = 0;
                for batch in 0..60 {
                    // Each writer lags by a different amount, so batches
                    // keep arriving with timestamps older than others'.
                    let base = system_now_ms() - (w as i64) * 7 - rng.below(10) as i64;
                    let msgs: Vec<String> = (0..5).map(|i| format!("{name} {batch}.{i}")).collect();
                    let events: Vec<berth_logs::NewEvent<'_>> = msgs
                        .iter()
                        .map(|m| berth_logs::NewEvent {
                            timestamp: base,
                            message: m,
                            position: None,
                        })
                        .collect();
                    store.append("g", name, &events).expect("append");
                    written += events.len();
                }
                written
            })
        })
        .collect();
    let tailer = {
        let store = store.clone();
        let done = Arc::clone(&done);
        thread::spawn(move || {
            let mut tail = Tail::new("g", "", system_now_ms() - 600_000);
            let mut printed = Vec::new();
            let mut polls = 0;
            while !done.load(Ordering::SeqCst) {
                printed.extend(tail.poll(&store));
                polls += 1;
            }
            printed.extend(tail.poll(&store));
            (printed, polls)
        })
    };
    let written: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
    done.store(true, Ordering::SeqCst);
    let (printed, polls) = tailer.join().unwrap();
    assert!(polls > 1);
    let mut ids: Vec<&str> = printed.iter().map(|e| e.event_id.as_str()).collect();
    ids.sort();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an event was printed twice");
    assert_eq!(ids.len(), written, "an event was never printed");
    drop(store);
}
