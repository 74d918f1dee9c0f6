//! Shared helpers for the engine's integration tests: a store in a temporary
//! directory with a clock the test moves, reopened on the same directory to
//! check what survives a restart.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use berth_logs::{
    AppendOutcome, FilterEvents, FilteredEvent, LogStore, NewEvent, Options, Position,
};

/// 2023-11-14T22:13:20Z: tests' "now" unless they move it.
pub const T0: i64 = 1_700_000_000_000;

pub struct TestStore {
    pub dir: tempfile::TempDir,
    pub store: LogStore,
    pub now: Arc<AtomicI64>,
    options: Options,
}

impl TestStore {
    pub fn new() -> Self {
        Self::with_options(|_| {})
    }

    pub fn with_options(configure: impl FnOnce(&mut Options)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = Arc::new(AtomicI64::new(T0));
        let mut options = Options::default();
        let clock_now = Arc::clone(&now);
        options.clock = Arc::new(move || clock_now.load(Ordering::SeqCst));
        configure(&mut options);
        let store = LogStore::open_with(dir.path(), options.clone()).expect("open store");
        TestStore {
            dir,
            store,
            now,
            options,
        }
    }

    /// Closes the store and opens it again on the same directory.
    pub fn reopen(&mut self) {
        let placeholder = tempfile::tempdir().expect("temp dir");
        let old = std::mem::replace(
            &mut self.store,
            LogStore::open_with(placeholder.path(), self.options.clone()).expect("open"),
        );
        drop(old);
        self.store = LogStore::open_with(self.dir.path(), self.options.clone()).expect("reopen");
    }

    pub fn now(&self) -> i64 {
        self.now.load(Ordering::SeqCst)
    }

    pub fn set_now(&self, ms: i64) {
        self.now.store(ms, Ordering::SeqCst);
    }

    pub fn advance(&self, ms: i64) {
        self.now.fetch_add(ms, Ordering::SeqCst);
    }

    pub fn group_with_stream(&self, group: &str, stream: &str) {
        if self.store.group(group).is_err() {
            self.store
                .create_group(group, Default::default())
                .expect("create group");
        }
        self.store
            .create_stream(group, stream)
            .expect("create stream");
    }

    /// Appends `(timestamp, message)` events.
    pub fn put(&self, group: &str, stream: &str, events: &[(i64, &str)]) -> AppendOutcome {
        self.store
            .append(group, stream, &new_events(events))
            .expect("append")
    }

    /// The stream's last producer position.
    pub fn position(&self, group: &str, stream: &str) -> Option<Position> {
        self.store.stream_position(group, stream).expect("stream")
    }

    /// Appends `(timestamp, message, position)` events.
    pub fn put_at(
        &self,
        group: &str,
        stream: &str,
        events: &[(i64, &str, Position)],
    ) -> AppendOutcome {
        let batch: Vec<NewEvent<'_>> = events
            .iter()
            .map(|&(timestamp, message, position)| NewEvent {
                timestamp,
                message,
                position: Some(position),
            })
            .collect();
        self.store.append(group, stream, &batch).expect("append")
    }

    /// Every page of a FilterLogEvents query.
    pub fn filter_all(&self, group: &str, request: FilterEvents<'_>) -> Vec<FilteredEvent> {
        let mut events = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..100_000 {
            let page = self
                .store
                .filter_events(
                    group,
                    &FilterEvents {
                        next_token: token.as_deref(),
                        ..request.clone()
                    },
                )
                .expect("filter");
            events.extend(page.events);
            match page.next_token {
                Some(next) => token = Some(next),
                None => return events,
            }
        }
        panic!("pagination did not end");
    }
}

/// `(timestamp, message)` pairs as events without positions.
pub fn new_events<'a>(events: &[(i64, &'a str)]) -> Vec<NewEvent<'a>> {
    events
        .iter()
        .map(|&(timestamp, message)| NewEvent {
            timestamp,
            message,
            position: None,
        })
        .collect()
}

pub fn messages<'a>(events: impl IntoIterator<Item = &'a FilteredEvent>) -> Vec<&'a str> {
    events.into_iter().map(|e| e.message.as_str()).collect()
}
