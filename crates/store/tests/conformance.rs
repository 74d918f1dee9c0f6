//! The conformance suite: every case runs against every backend (the
//! `conformance!` macro at the bottom instantiates each case per backend), so
//! the backends cannot drift apart. The etcd cases run against a real etcd
//! member started for each test (Debian's `etcd`); without one they skip,
//! unless `BERTH_REQUIRE_ETCD=1`.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use berth_store::testing::etcd::{etcd_binary, EtcdCluster, REQUIRE_ETCD};
use berth_store::{
    key_after, Compare, DynStore, EtcdStore, Event, EventKind, HistoryLimits, MemoryStore, Op,
    Revision, SqliteOptions, SqliteStore, Store, StoreError, StoreExt, Txn, WatchBatch,
    MAX_TXN_BYTES, MAX_TXN_OPS, MAX_VALUE_BYTES,
};
use futures::stream::BoxStream;
use futures::StreamExt;

/// Ceiling for anything a test waits for; never a fixed sleep.
const DEADLINE: Duration = Duration::from_secs(30);

/// A store plus whatever must outlive it (a temporary directory, etcd
/// members), dropped after it.
struct Harness {
    store: DynStore,
    _guard: Option<Box<dyn std::any::Any + Send>>,
}

type Make = fn(HistoryLimits) -> Harness;

fn memory(history: HistoryLimits) -> Harness {
    Harness {
        store: Arc::new(MemoryStore::with_history(history)),
        _guard: None,
    }
}

fn sqlite(history: HistoryLimits) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SqliteOptions {
        history,
        ..SqliteOptions::default()
    };
    let store = SqliteStore::open_with(&dir.path().join("store.db"), options).expect("open");
    Harness {
        store: Arc::new(store),
        _guard: Some(Box::new(dir)),
    }
}

/// Whether etcd cases can run; says why not (or fails, when etcd is
/// required).
fn etcd_available() -> bool {
    if etcd_binary().is_some() {
        return true;
    }
    assert!(
        std::env::var(REQUIRE_ETCD).as_deref() != Ok("1"),
        "{REQUIRE_ETCD}=1 but etcd is not installed (Debian's etcd-server)"
    );
    eprintln!("skipping: etcd is not installed; {REQUIRE_ETCD}=1 makes this fail");
    false
}

/// A fresh one-member etcd per case: the cases count revisions from 0.
fn etcd(history: HistoryLimits) -> Harness {
    // The cases build their store synchronously inside the runtime.
    tokio::task::block_in_place(|| {
        tokio::runtime::Handle::current().block_on(async {
            let cluster = EtcdCluster::for_tests(1).await.expect("etcd is available");
            let mut config = cluster.config("/conformance");
            config.history = history;
            let store = EtcdStore::connect(config).await.expect("connect to etcd");
            Harness {
                store: Arc::new(store),
                _guard: Some(Box::new(cluster)),
            }
        })
    })
}

fn small_history() -> HistoryLimits {
    HistoryLimits {
        max_events: 10,
        max_bytes: usize::MAX,
    }
}

type Watch = BoxStream<'static, Result<WatchBatch, StoreError>>;

async fn next(watch: &mut Watch) -> Option<Result<WatchBatch, StoreError>> {
    tokio::time::timeout(DEADLINE, watch.next())
        .await
        .expect("watch produced nothing before the deadline")
}

/// Reads batches until `n` events have arrived; checks batch invariants.
async fn collect_events(watch: &mut Watch, n: usize) -> Vec<Event> {
    let mut events = Vec::new();
    while events.len() < n {
        let batch = next(watch)
            .await
            .expect("watch ended")
            .expect("watch failed");
        assert!(!batch.events.is_empty(), "empty batch");
        for event in &batch.events {
            assert!(event.revision() <= batch.revision, "event after its batch");
        }
        events.extend(batch.events);
    }
    assert_eq!(events.len(), n, "more events than expected");
    events
}

async fn value(store: &DynStore, key: &str) -> Option<Vec<u8>> {
    store.get(key).await.expect("get").map(|kv| kv.value)
}

mod cases {
    use super::*;

    pub async fn get_put_delete(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        assert_eq!(s.current_revision().await, Ok(0));
        assert_eq!(s.get("a").await, Ok(None));
        assert_eq!(s.put("a", b"1".to_vec()).await, Ok(1));
        let kv = s.get("a").await.expect("get").expect("present");
        assert_eq!((kv.key.as_str(), kv.value.as_slice()), ("a", &b"1"[..]));
        assert_eq!((kv.create_revision, kv.mod_revision), (1, 1));
        assert_eq!(s.delete("a").await, Ok(2));
        assert_eq!(s.get("a").await, Ok(None));
        // Deleting an absent key changes nothing and consumes no revision.
        assert_eq!(s.delete("a").await, Ok(2));
        assert_eq!(s.current_revision().await, Ok(2));
        // Empty values are values.
        assert_eq!(s.put("e", Vec::new()).await, Ok(3));
        assert_eq!(value(s, "e").await, Some(Vec::new()));
    }

    pub async fn revisions_increase_and_create_revision_stays(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let mut last = 0;
        for (key, v) in [("a", "1"), ("b", "1"), ("a", "2"), ("a", "3")] {
            let rev = s.put(key, v.as_bytes().to_vec()).await.expect("put");
            assert!(rev > last, "revision {rev} after {last}");
            last = rev;
        }
        let a = s.get("a").await.expect("get").expect("present");
        assert_eq!((a.create_revision, a.mod_revision), (1, 4));
        assert_eq!(a.value, b"3");
        let b = s.get("b").await.expect("get").expect("present");
        assert_eq!((b.create_revision, b.mod_revision), (2, 2));
        // A delete resets the key's history: recreating starts a new life.
        s.delete("a").await.expect("delete");
        let rev = s.put("a", b"4".to_vec()).await.expect("put");
        let a = s.get("a").await.expect("get").expect("present");
        assert_eq!((a.create_revision, a.mod_revision), (rev, rev));
    }

    pub async fn one_revision_per_txn(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let txn = Txn::new()
            .and_then(Op::put("x", b"1".to_vec()))
            .and_then(Op::put("y", b"1".to_vec()))
            .and_then(Op::put("x", b"2".to_vec()));
        let result = s.txn(txn).await.expect("txn");
        assert_eq!((result.succeeded, result.revision), (true, 1));
        let x = s.get("x").await.expect("get").expect("present");
        assert_eq!(
            (x.value.as_slice(), x.create_revision, x.mod_revision),
            (&b"2"[..], 1, 1)
        );
        let y = s.get("y").await.expect("get").expect("present");
        assert_eq!(y.mod_revision, 1);
        // An empty txn changes nothing.
        let result = s.txn(Txn::new()).await.expect("txn");
        assert_eq!((result.succeeded, result.revision), (true, 1));
    }

    pub async fn cas_success_and_failure(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let r1 = s.put("k", b"1".to_vec()).await.expect("put");
        let cas = |expected: Revision, v: &str| {
            Txn::new()
                .when(Compare::mod_revision("k", expected))
                .and_then(Op::put("k", v.as_bytes().to_vec()))
                .or_else(Op::put("conflicts/k", v.as_bytes().to_vec()))
        };
        let ok = s.txn(cas(r1, "2")).await.expect("txn");
        assert!(ok.succeeded);
        assert_eq!(ok.revision, r1 + 1);
        assert_eq!(value(s, "k").await, Some(b"2".to_vec()));
        assert_eq!(value(s, "conflicts/k").await, None);

        // Stale revision: compares fail, the failure ops run (and take a revision).
        let stale = s.txn(cas(r1, "3")).await.expect("txn");
        assert!(!stale.succeeded);
        assert_eq!(stale.revision, ok.revision + 1);
        assert_eq!(value(s, "k").await, Some(b"2".to_vec()));
        assert_eq!(value(s, "conflicts/k").await, Some(b"3".to_vec()));

        // Failed compares without failure ops change nothing.
        let txn = Txn::new()
            .when(Compare::mod_revision("k", r1))
            .and_then(Op::delete("k"));
        let noop = s.txn(txn).await.expect("txn");
        assert_eq!((noop.succeeded, noop.revision), (false, stale.revision));
        assert_eq!(s.current_revision().await, Ok(stale.revision));

        // Helpers.
        assert_eq!(s.put_if("k", b"4".to_vec(), r1).await, Ok(None));
        let current = s
            .get("k")
            .await
            .expect("get")
            .expect("present")
            .mod_revision;
        assert!(s
            .put_if("k", b"4".to_vec(), current)
            .await
            .expect("put_if")
            .is_some());
        assert!(!s.delete_if("k", current).await.expect("delete_if"));
        let current = s
            .get("k")
            .await
            .expect("get")
            .expect("present")
            .mod_revision;
        assert!(s.delete_if("k", current).await.expect("delete_if"));
        assert_eq!(s.get("k").await, Ok(None));
    }

    pub async fn absent_and_exists_compares(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        assert_eq!(s.create("k", b"1".to_vec()).await, Ok(Some(1)));
        assert_eq!(s.create("k", b"2".to_vec()).await, Ok(None));
        assert_eq!(value(s, "k").await, Some(b"1".to_vec()));

        let check = |c: Compare| Txn::new().when(c).and_then(Op::put("hit", b"".to_vec()));
        let holds = |r: Result<berth_store::TxnResult, StoreError>| r.expect("txn").succeeded;
        assert!(holds(s.txn(check(Compare::exists("k"))).await));
        assert!(!holds(s.txn(check(Compare::exists("missing"))).await));
        assert!(holds(s.txn(check(Compare::absent("missing"))).await));
        assert!(!holds(s.txn(check(Compare::absent("k"))).await));
        // mod_revision 0 means absent.
        assert!(holds(
            s.txn(check(Compare::mod_revision("missing", 0))).await
        ));
        assert!(!holds(s.txn(check(Compare::mod_revision("k", 0))).await));
        // Every compare must hold.
        let both = Txn::new()
            .when(Compare::exists("k"))
            .when(Compare::exists("missing"))
            .and_then(Op::put("both", b"".to_vec()));
        assert!(!holds(s.txn(both).await));
        assert_eq!(value(s, "both").await, None);
    }

    pub async fn delete_prefix(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        for key in ["a/1", "a/2", "a/3/x", "ab", "a", "b"] {
            s.put(key, b"v".to_vec()).await.expect("put");
        }
        let before = s.current_revision().await.expect("revision");
        let mut watch = s.watch("", before);
        let rev = s.delete_prefix("a/").await.expect("delete_prefix");
        assert_eq!(rev, before + 1, "one revision for the whole prefix");
        let (kvs, _) = s.range("").await.expect("range");
        let keys: Vec<_> = kvs.iter().map(|kv| kv.key.as_str()).collect();
        assert_eq!(keys, vec!["a", "ab", "b"]);

        let events = collect_events(&mut watch, 3).await;
        for (event, key) in events.iter().zip(["a/1", "a/2", "a/3/x"]) {
            assert_eq!(event.kind, EventKind::Delete);
            assert_eq!(event.kv.key, key);
            assert_eq!(event.kv.mod_revision, rev);
            assert!(event.kv.value.is_empty());
        }
        // Nothing left to delete: no revision.
        assert_eq!(s.delete_prefix("a/").await, Ok(rev));
        // The empty prefix means everything.
        s.delete_prefix("").await.expect("delete_prefix");
        assert_eq!(s.range("").await.expect("range").0, Vec::new());
    }

    pub async fn range_sorted_and_prefix_exact(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        for key in ["a/c", "b/x", "a/a", "ab", "a", "a/b", "a/\u{10FFFF}", "a0"] {
            s.put(key, key.as_bytes().to_vec()).await.expect("put");
        }
        let (kvs, rev) = s.range("a/").await.expect("range");
        let keys: Vec<_> = kvs.iter().map(|kv| kv.key.as_str()).collect();
        assert_eq!(keys, vec!["a/a", "a/b", "a/c", "a/\u{10FFFF}"]);
        assert!(kvs.iter().all(|kv| kv.value == kv.key.as_bytes()));
        assert_eq!(rev, 8);
        let (all, _) = s.range("").await.expect("range");
        let keys: Vec<_> = all.iter().map(|kv| kv.key.clone()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        assert_eq!(keys.len(), 8);
        assert_eq!(s.range("zzz").await.expect("range").0, Vec::new());
    }

    pub async fn range_from_pages(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let expected: Vec<String> = (0..25).map(|i| format!("p/{i:02}")).collect();
        for key in expected.iter().rev() {
            s.put(key, b"v".to_vec()).await.expect("put");
        }
        s.put("q/0", b"v".to_vec()).await.expect("put");
        s.put("o/9", b"v".to_vec()).await.expect("put");

        let mut seen = Vec::new();
        let mut start = "p/".to_string();
        let mut pages = 0;
        loop {
            let (page, _) = s.range_from("p/", &start, 10).await.expect("range_from");
            assert!(page.len() <= 10);
            pages += 1;
            let Some(last) = page.last() else { break };
            start = key_after(&last.key);
            seen.extend(page.iter().map(|kv| kv.key.clone()));
        }
        assert_eq!(seen, expected);
        assert_eq!(pages, 4, "three full-or-partial pages and an empty one");
        // A start key before the prefix is clamped to it.
        let (page, _) = s.range_from("p/", "a", 2).await.expect("range_from");
        let keys: Vec<_> = page.iter().map(|kv| kv.key.as_str()).collect();
        assert_eq!(keys, vec!["p/00", "p/01"]);
        assert_eq!(
            s.range_from("p/", "p/", 0).await.expect("range_from").0,
            Vec::new()
        );
    }

    pub async fn watch_from_now(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        s.put("w/old", b"old".to_vec()).await.expect("put");
        let now = s.current_revision().await.expect("revision");
        let mut watch = s.watch("w/", now);
        let r1 = s.put("w/1", b"1".to_vec()).await.expect("put");
        s.put("wx", b"not under w/".to_vec()).await.expect("put");
        let r3 = s.delete("w/1").await.expect("delete");
        let events = collect_events(&mut watch, 2).await;
        assert_eq!(events[0].kind, EventKind::Put);
        assert_eq!(events[0].kv.key, "w/1");
        assert_eq!(events[0].kv.value, b"1");
        assert_eq!(
            (events[0].kv.create_revision, events[0].kv.mod_revision),
            (r1, r1)
        );
        assert_eq!(events[1].kind, EventKind::Delete);
        assert_eq!(
            (events[1].kv.key.as_str(), events[1].kv.mod_revision),
            ("w/1", r3)
        );
    }

    pub async fn watch_replays_from_old_revision(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let r1 = s.put("a/1", b"1".to_vec()).await.expect("put");
        s.put("b/1", b"1".to_vec()).await.expect("put");
        let r3 = s.put("a/2", b"2".to_vec()).await.expect("put");
        let r4 = s.put("a/1", b"3".to_vec()).await.expect("put");
        let mut watch = s.watch("a/", r1);
        let replayed = collect_events(&mut watch, 2).await;
        let revs: Vec<_> = replayed.iter().map(|e| e.revision()).collect();
        assert_eq!(revs, vec![r3, r4]);
        assert_eq!(replayed[1].kv.create_revision, r1);
        // Then live, seamlessly.
        let r5 = s.put("a/3", b"4".to_vec()).await.expect("put");
        let live = collect_events(&mut watch, 1).await;
        assert_eq!((live[0].kv.key.as_str(), live[0].revision()), ("a/3", r5));
        // From 0: everything.
        let mut all = s.watch("", 0);
        let events = collect_events(&mut all, 5).await;
        let revs: Vec<_> = events.iter().map(|e| e.revision()).collect();
        assert_eq!(revs, vec![1, 2, 3, 4, 5]);
    }

    pub async fn watch_sees_concurrent_writers_exactly_once(make: Make) {
        const WRITERS: usize = 8;
        const PER_WRITER: usize = 40;
        let total = WRITERS * PER_WRITER;
        let h = make(HistoryLimits::default());
        let start = h.store.current_revision().await.expect("revision");
        // Watchers consume while the writers run, so batches interleave with
        // commits rather than arriving as one replay at the end.
        let consume = |watch: Watch| {
            tokio::spawn(async move {
                let mut watch = watch;
                // The writers' events, then the sentinel written after them.
                collect_events(&mut watch, total + 1).await
            })
        };
        let early = consume(h.store.watch("c/", start));
        let mut writers = Vec::new();
        for w in 0..WRITERS {
            let s = Arc::clone(&h.store);
            writers.push(tokio::spawn(async move {
                for i in 0..PER_WRITER {
                    s.put(&format!("c/{w}/{i}"), vec![1]).await.expect("put");
                    // Interleave noise that the watch must skip.
                    if i % 10 == 0 {
                        s.put(&format!("other/{w}/{i}"), vec![2])
                            .await
                            .expect("put");
                    }
                }
            }));
        }
        // A second watch joins once the writers are under way: part replay,
        // part live.
        let deadline = tokio::time::Instant::now() + DEADLINE;
        while h.store.current_revision().await.expect("revision") < start + 50 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "writers made no progress"
            );
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let late = consume(h.store.watch("c/", start));
        for writer in writers {
            writer.await.expect("writer task");
        }
        let sentinel = h.store.put("c/zz", vec![3]).await.expect("put");
        for watcher in [early, late] {
            let mut events = watcher.await.expect("watcher task");
            // Nothing extra or missing before the sentinel.
            let last = events.pop().expect("events");
            assert_eq!((last.kv.key.as_str(), last.revision()), ("c/zz", sentinel));
            let revs: Vec<_> = events.iter().map(|e| e.revision()).collect();
            assert!(
                revs.windows(2).all(|w| w[0] < w[1]),
                "out of order or duplicated"
            );
            let keys: BTreeSet<_> = events.iter().map(|e| e.kv.key.clone()).collect();
            assert_eq!(keys.len(), total);
            assert!(keys.iter().all(|k| k.starts_with("c/")));
        }
    }

    pub async fn compacted_when_too_old(make: Make) {
        let h = make(small_history());
        let s = &h.store;
        for i in 0..30 {
            s.put(&format!("k/{i}"), vec![0]).await.expect("put");
        }
        let mut watch = s.watch("k/", 0);
        match next(&mut watch).await {
            Some(Err(StoreError::Compacted { requested, oldest })) => {
                assert_eq!(requested, 0);
                assert_eq!(oldest, 20, "the ring keeps the last 10 revisions");
            }
            other => panic!("expected Compacted, got {other:?}"),
        }
        assert!(
            next(&mut watch).await.is_none(),
            "the stream ends after Compacted"
        );
        // The oldest retained point still works.
        let mut watch = s.watch("k/", 20);
        let events = collect_events(&mut watch, 10).await;
        assert_eq!(events[0].revision(), 21);
    }

    pub async fn slow_watcher_gets_compacted(make: Make) {
        let h = make(small_history());
        let s = &h.store;
        let mut watch = s.watch("", 0);
        // The watcher does not read while writers run past its history:
        // writers must not block on it.
        for i in 0..30 {
            s.put(&format!("k/{i}"), vec![0]).await.expect("put");
        }
        assert!(
            matches!(
                next(&mut watch).await,
                Some(Err(StoreError::Compacted { requested: 0, .. }))
            ),
            "a watcher behind the ring is told to re-range"
        );
        assert!(next(&mut watch).await.is_none());
    }

    pub async fn cas_counter_under_contention(make: Make) {
        const TASKS: u64 = 50;
        const INCREMENTS: u64 = 4;
        let h = make(HistoryLimits::default());
        let mut tasks = Vec::new();
        for _ in 0..TASKS {
            let s = Arc::clone(&h.store);
            tasks.push(tokio::spawn(async move {
                let mut done = 0;
                while done < INCREMENTS {
                    let current = s.get("counter").await.expect("get");
                    let (n, rev) = match current {
                        Some(kv) => (parse(&kv.value), kv.mod_revision),
                        None => (0, 0),
                    };
                    let next = (n + 1).to_string().into_bytes();
                    if s.put_if("counter", next, rev)
                        .await
                        .expect("put_if")
                        .is_some()
                    {
                        done += 1;
                    }
                }
            }));
        }
        for task in tasks {
            tokio::time::timeout(DEADLINE, task)
                .await
                .expect("counter tasks finished in time")
                .expect("task");
        }
        let kv = h.store.get("counter").await.expect("get").expect("present");
        assert_eq!(parse(&kv.value), TASKS * INCREMENTS);
        // Only successful increments consumed revisions.
        assert_eq!(
            kv.mod_revision,
            i64::try_from(TASKS * INCREMENTS).expect("fits")
        );
    }

    fn parse(value: &[u8]) -> u64 {
        std::str::from_utf8(value)
            .expect("utf8")
            .parse()
            .expect("number")
    }

    pub async fn invalid_requests_are_rejected(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        fn invalid<T>(r: Result<T, StoreError>) -> bool {
            matches!(r, Err(StoreError::InvalidArgument(_)))
        }
        assert!(invalid(s.put("", b"v".to_vec()).await));
        assert!(invalid(s.put("a\0b", b"v".to_vec()).await));
        assert!(invalid(s.put("k", vec![0; MAX_VALUE_BYTES + 1]).await));
        let many =
            (0..=MAX_TXN_OPS).fold(Txn::new(), |t, i| t.and_then(Op::delete(format!("k{i}"))));
        assert!(invalid(s.txn(many).await));
        assert!(invalid(s.get("").await));
        assert_eq!(s.current_revision().await, Ok(0), "nothing was written");
        // The limits themselves are allowed.
        assert!(s.put("k", vec![0; MAX_VALUE_BYTES]).await.is_ok());
    }

    pub async fn invalid_requests_are_rejected_whole(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        fn invalid<T>(r: Result<T, StoreError>) -> bool {
            matches!(r, Err(StoreError::InvalidArgument(_)))
        }
        // Each value fits; together they exceed one txn's bytes.
        let half = MAX_TXN_BYTES / 2 + 1;
        let big = Txn::new()
            .and_then(Op::put("a", vec![0; half]))
            .and_then(Op::put("b", vec![0; half]));
        assert!(invalid(s.txn(big).await));
        // A DeletePrefix counts once per key the branch puts under it.
        let split = (0..MAX_TXN_OPS).fold(Txn::new().and_then(Op::delete_prefix("p/")), |t, i| {
            t.and_then(Op::put(format!("p/{i:03}"), b"v".to_vec()))
        });
        assert!(invalid(s.txn(split).await));
        assert!(invalid(
            s.txn(Txn::new().and_then(Op::put_with_lease("k", b"v".to_vec(), 0)))
                .await
        ));
        assert_eq!(s.current_revision().await, Ok(0), "nothing was written");
        // Up to the byte limit is fine.
        let fits = Txn::new()
            .and_then(Op::put("a", vec![0; MAX_VALUE_BYTES]))
            .and_then(Op::put("b", vec![0; MAX_TXN_BYTES - MAX_VALUE_BYTES - 2]));
        assert!(s.txn(fits).await.expect("txn at the byte limit").succeeded);
    }

    pub async fn txn_records_its_net_effect(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        for key in ["a", "p/1", "p/2", "q/1"] {
            s.put(key, b"old".to_vec()).await.expect("put");
        }
        let before = s.current_revision().await.expect("revision");
        let mut watch = s.watch("", before);
        let txn = Txn::new()
            // Deleted, then put again: it keeps its create_revision.
            .and_then(Op::delete("a"))
            .and_then(Op::put("a", b"new".to_vec()))
            // Created, then deleted: no trace.
            .and_then(Op::put("b", b"gone".to_vec()))
            .and_then(Op::delete("b"))
            // The prefix goes, except what the txn puts back under it.
            .and_then(Op::delete_prefix("p/"))
            .and_then(Op::put("p/1", b"kept".to_vec()))
            // Put twice: the last wins.
            .and_then(Op::put("c", b"1".to_vec()))
            .and_then(Op::put("c", b"2".to_vec()))
            // Put, then deleted by a later prefix delete.
            .and_then(Op::put("q/2", b"x".to_vec()))
            .and_then(Op::delete_prefix("q/"));
        let rev = s.txn(txn).await.expect("txn").revision;
        assert_eq!(rev, before + 1, "one revision");
        let a = s.get("a").await.expect("get").expect("a");
        assert_eq!(
            (a.value.as_slice(), a.create_revision, a.mod_revision),
            (&b"new"[..], 1, rev)
        );
        assert_eq!(s.get("b").await, Ok(None));
        let p1 = s.get("p/1").await.expect("get").expect("p/1");
        assert_eq!((p1.value.as_slice(), p1.create_revision), (&b"kept"[..], 2));
        assert_eq!(s.get("p/2").await, Ok(None));
        let c = s.get("c").await.expect("get").expect("c");
        assert_eq!((c.value.as_slice(), c.create_revision), (&b"2"[..], rev));
        assert_eq!(s.range("q/").await.expect("range").0, Vec::new());

        // One event per changed key, in the order of the deciding ops.
        let events = collect_events(&mut watch, 5).await;
        let seen: Vec<(EventKind, &str)> =
            events.iter().map(|e| (e.kind, e.kv.key.as_str())).collect();
        assert_eq!(
            seen,
            vec![
                (EventKind::Put, "a"),
                (EventKind::Delete, "p/2"),
                (EventKind::Put, "p/1"),
                (EventKind::Put, "c"),
                (EventKind::Delete, "q/1"),
            ]
        );
        assert!(events.iter().all(|e| e.revision() == rev));

        // A txn whose ops cancel out changes nothing and takes no revision.
        let noop = Txn::new()
            .and_then(Op::put("n", b"1".to_vec()))
            .and_then(Op::delete("n"));
        assert_eq!(s.txn(noop).await.expect("txn").revision, rev);
        assert_eq!(s.current_revision().await, Ok(rev));
    }

    pub async fn leased_keys_vanish_when_the_lease_expires(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let lease = s
            .grant_lease(Duration::from_millis(300))
            .await
            .expect("grant");
        assert!(
            lease.ttl >= Duration::from_secs(1),
            "whole seconds: {:?}",
            lease.ttl
        );
        let put = Txn::new()
            .and_then(Op::put_with_lease("leader", b"me".to_vec(), lease.id))
            .and_then(Op::put_with_lease("leader/info", b"x".to_vec(), lease.id))
            .and_then(Op::put("plain", b"stays".to_vec()));
        let rev = s.txn(put).await.expect("txn").revision;
        let mut watch = s.watch("", rev);
        // Nobody keeps it alive: both keys go, in one revision, with events.
        let events = collect_events(&mut watch, 2).await;
        let keys: Vec<_> = events.iter().map(|e| e.kv.key.as_str()).collect();
        assert_eq!(keys, vec!["leader", "leader/info"]);
        assert!(events.iter().all(|e| e.kind == EventKind::Delete));
        assert_eq!(events[0].revision(), events[1].revision());
        assert_eq!(s.get("leader").await, Ok(None));
        assert_eq!(value(s, "plain").await, Some(b"stays".to_vec()));
        assert_eq!(
            s.keep_lease_alive(lease.id).await,
            Err(StoreError::LeaseNotFound(lease.id))
        );
        // A put with a dead lease fails whole.
        let now = s.current_revision().await.expect("revision");
        let late = Txn::new()
            .and_then(Op::put("other", b"x".to_vec()))
            .and_then(Op::put_with_lease("leader", b"late".to_vec(), lease.id));
        assert_eq!(s.txn(late).await, Err(StoreError::LeaseNotFound(lease.id)));
        assert_eq!(s.get("other").await, Ok(None));
        assert_eq!(s.current_revision().await, Ok(now));
    }

    pub async fn kept_alive_leases_hold_until_revoked(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        let lease = s.grant_lease(Duration::from_secs(1)).await.expect("grant");
        s.txn(Txn::new().and_then(Op::put_with_lease("k", b"v".to_vec(), lease.id)))
            .await
            .expect("put");
        // Detaching: a plain put of a leased key takes it off the lease.
        s.txn(Txn::new().and_then(Op::put_with_lease("d", b"v".to_vec(), lease.id)))
            .await
            .expect("put");
        s.put("d", b"mine".to_vec()).await.expect("put");
        // Kept alive past twice its TTL, it holds.
        let until = tokio::time::Instant::now() + lease.ttl * 2;
        while tokio::time::Instant::now() < until {
            assert_eq!(s.keep_lease_alive(lease.id).await, Ok(lease.ttl));
            tokio::time::sleep(lease.ttl / 4).await;
        }
        assert_eq!(value(s, "k").await, Some(b"v".to_vec()));
        let before = s.current_revision().await.expect("revision");
        let revoked = s.revoke_lease(lease.id).await.expect("revoke");
        assert_eq!(
            revoked,
            before + 1,
            "the revoke's deletes take one revision"
        );
        assert_eq!(s.get("k").await, Ok(None));
        assert_eq!(value(s, "d").await, Some(b"mine".to_vec()));
        assert_eq!(
            s.revoke_lease(lease.id).await,
            Err(StoreError::LeaseNotFound(lease.id))
        );
        assert_eq!(
            s.keep_lease_alive(lease.id).await,
            Err(StoreError::LeaseNotFound(lease.id))
        );
        // A lease with no keys revokes without a revision.
        let empty = s.grant_lease(Duration::from_secs(5)).await.expect("grant");
        assert_eq!(s.revoke_lease(empty.id).await, Ok(revoked));
    }

    pub async fn writes_fenced_by_a_leader_key(make: Make) {
        let h = make(HistoryLimits::default());
        let s = &h.store;
        // Leader election as part 2 does it: create the key under a lease.
        let campaign = |lease: i64, who: &'static str| {
            Txn::new()
                .when(Compare::absent("leader"))
                .and_then(Op::put_with_lease("leader", who.as_bytes().to_vec(), lease))
        };
        let first = s.grant_lease(Duration::from_secs(10)).await.expect("grant");
        let won = s.txn(campaign(first.id, "first")).await.expect("txn");
        assert!(won.succeeded);
        let term = s
            .get("leader")
            .await
            .expect("get")
            .expect("leader")
            .create_revision;
        let fenced = |v: &'static str| {
            Txn::new()
                .when(Compare::create_revision("leader", term))
                .and_then(Op::put("state", v.as_bytes().to_vec()))
        };
        assert!(s.txn(fenced("by first")).await.expect("txn").succeeded);
        // The leader updating its own key keeps its term.
        s.txn(Txn::new().and_then(Op::put_with_lease(
            "leader",
            b"first, busy".to_vec(),
            first.id,
        )))
        .await
        .expect("txn");
        assert!(s.txn(fenced("still first")).await.expect("txn").succeeded);

        // Deposed: its lease is gone and another leader took the key.
        s.revoke_lease(first.id).await.expect("revoke");
        let second = s.grant_lease(Duration::from_secs(10)).await.expect("grant");
        assert!(!s
            .txn(campaign(first.id, "first"))
            .await
            .is_ok_and(|r| r.succeeded));
        assert!(
            s.txn(campaign(second.id, "second"))
                .await
                .expect("txn")
                .succeeded
        );
        let stale = s.txn(fenced("stale write")).await.expect("txn");
        assert!(!stale.succeeded, "a deposed leader's write never lands");
        assert_eq!(value(s, "state").await, Some(b"still first".to_vec()));
        assert!(
            !s.txn(
                Txn::new()
                    .when(Compare::create_revision("nobody", 1))
                    .and_then(Op::put("x", vec![]))
            )
            .await
            .expect("txn")
            .succeeded
        );
        assert!(
            s.txn(
                Txn::new()
                    .when(Compare::create_revision("nobody", 0))
                    .and_then(Op::put("x", vec![]))
            )
            .await
            .expect("txn")
            .succeeded,
            "create_revision 0 means absent"
        );
    }

    pub async fn watch_ends_when_store_closes(make: Make) {
        let h = make(HistoryLimits::default());
        let mut watch = h.store.watch("", 0);
        h.store.put("k", b"v".to_vec()).await.expect("put");
        drop(h);
        // What was published is still delivered, then the stream closes.
        let events = collect_events(&mut watch, 1).await;
        assert_eq!(events[0].kv.key, "k");
        assert_eq!(next(&mut watch).await, Some(Err(StoreError::Closed)));
        assert!(next(&mut watch).await.is_none());
    }
}

/// Instantiates every case for every backend.
macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod memory_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::cases::$case(super::memory).await;
                }
            )*
        }
        mod sqlite_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::cases::$case(super::sqlite).await;
                }
            )*
        }
        mod etcd_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if super::etcd_available() {
                        super::cases::$case(super::etcd).await;
                    }
                }
            )*
        }
    };
}

conformance!(
    get_put_delete,
    revisions_increase_and_create_revision_stays,
    one_revision_per_txn,
    cas_success_and_failure,
    absent_and_exists_compares,
    delete_prefix,
    range_sorted_and_prefix_exact,
    range_from_pages,
    watch_from_now,
    watch_replays_from_old_revision,
    watch_sees_concurrent_writers_exactly_once,
    compacted_when_too_old,
    slow_watcher_gets_compacted,
    cas_counter_under_contention,
    invalid_requests_are_rejected,
    invalid_requests_are_rejected_whole,
    txn_records_its_net_effect,
    leased_keys_vanish_when_the_lease_expires,
    kept_alive_leases_hold_until_revoked,
    writes_fenced_by_a_leader_key,
    watch_ends_when_store_closes,
);
