//! SQLite-only tests: durability across reopen and across `kill -9`, and the
//! single-opener lock. The shared semantics are in `conformance.rs`.

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use berth_store::{Compare, Op, SqliteStore, Store, StoreError, StoreExt, Txn};
use futures::StreamExt;

/// Set (to a database path) only in the child process of the kill -9 test.
const CHILD_ENV: &str = "BERTH_STORE_KILL9_DB";
const DEADLINE: Duration = Duration::from_secs(30);

fn value_for(key: &str) -> Vec<u8> {
    format!("value of {key}").into_bytes()
}

#[tokio::test]
async fn data_survives_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let store = SqliteStore::open(&path).expect("open");
    store.put("a", b"1".to_vec()).await.expect("put");
    store.put("b", b"2".to_vec()).await.expect("put");
    store.put("a", b"3".to_vec()).await.expect("put");
    store.delete("b").await.expect("delete");
    let txn = Txn::new()
        .when(Compare::absent("c"))
        .and_then(Op::put("c", b"4".to_vec()));
    assert!(store.txn(txn).await.expect("txn").succeeded);
    let before = store.current_revision().await.expect("revision");
    assert_eq!(before, 5);
    drop(store);

    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.current_revision().await, Ok(before));
    let a = store.get("a").await.expect("get").expect("a survives");
    assert_eq!(
        (a.value.as_slice(), a.create_revision, a.mod_revision),
        (&b"3"[..], 1, 3)
    );
    assert_eq!(store.get("b").await, Ok(None));
    let (kvs, rev) = store.range("").await.expect("range");
    assert_eq!(rev, before);
    let keys: Vec<_> = kvs.iter().map(|kv| kv.key.as_str()).collect();
    assert_eq!(keys, vec!["a", "c"]);

    // History did not survive: older watches must re-range; current is live.
    let mut old = store.watch("", before - 1);
    assert_eq!(
        old.next().await,
        Some(Err(StoreError::Compacted {
            requested: before - 1,
            oldest: before
        }))
    );
    let mut live = store.watch("", before);
    // Revisions continue where they were.
    assert_eq!(store.put("d", b"5".to_vec()).await, Ok(before + 1));
    let batch = tokio::time::timeout(DEADLINE, live.next())
        .await
        .expect("event in time")
        .expect("stream open")
        .expect("no error");
    assert_eq!(batch.events.len(), 1);
    assert_eq!(batch.events[0].kv.key, "d");
}

#[tokio::test]
async fn a_second_opener_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let first = SqliteStore::open(&path).expect("open");
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::Backend(_))
    ));
    drop(first);
    let again = SqliteStore::open(&path).expect("reopen after close");
    assert_eq!(again.current_revision().await, Ok(0));
}

#[tokio::test]
async fn leased_keys_do_not_outlive_the_process() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let store = SqliteStore::open(&path).expect("open");
    let lease = store
        .grant_lease(Duration::from_secs(60))
        .await
        .expect("grant");
    let txn = Txn::new()
        .and_then(Op::put_with_lease("leader", b"me".to_vec(), lease.id))
        .and_then(Op::put("plain", b"stays".to_vec()));
    let rev = store.txn(txn).await.expect("txn").revision;
    drop(store);

    // The lease died with the store: its key is gone, in a revision of its own.
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.get("leader").await, Ok(None));
    let plain = store.get("plain").await.expect("get").expect("plain stays");
    assert_eq!(plain.mod_revision, rev);
    assert_eq!(store.current_revision().await, Ok(rev + 1));
    assert_eq!(
        store.keep_lease_alive(lease.id).await,
        Err(StoreError::LeaseNotFound(lease.id))
    );
    drop(store);
    // Nothing leased left: a second reopen changes nothing.
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.current_revision().await, Ok(rev + 1));
}

#[tokio::test]
async fn a_schema_1_file_is_upgraded_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    {
        // The schema before leases, as earlier builds wrote it.
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "CREATE TABLE kv (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL,
                create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL) WITHOUT ROWID;
             CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 0), revision INTEGER NOT NULL);
             INSERT INTO kv VALUES ('a', X'31', 1, 2);
             INSERT INTO meta VALUES (0, 2);
             PRAGMA user_version = 1;",
        )
        .expect("schema 1");
    }
    let store = SqliteStore::open(&path).expect("open and upgrade");
    let a = store.get("a").await.expect("get").expect("a kept");
    assert_eq!(
        (a.value.as_slice(), a.create_revision, a.mod_revision),
        (&b"1"[..], 1, 2)
    );
    assert_eq!(store.current_revision().await, Ok(2));
    let lease = store
        .grant_lease(Duration::from_secs(60))
        .await
        .expect("grant");
    let txn = Txn::new().and_then(Op::put_with_lease("b", b"2".to_vec(), lease.id));
    assert_eq!(store.txn(txn).await.expect("txn").revision, 3);
    assert_eq!(store.revoke_lease(lease.id).await, Ok(4));
    assert_eq!(store.get("b").await, Ok(None));
}

#[tokio::test]
async fn a_corrupt_file_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    std::fs::write(&path, vec![0x5a; 8192]).expect("write garbage");
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::Backend(_))
    ));
}

/// The child half of `acknowledged_writes_survive_kill_9`: a no-op unless
/// `CHILD_ENV` is set. Writes from 16 concurrent tasks (so batches hold
/// several txns) and prints `ACK <key> <revision>` after each acknowledgement,
/// until killed (or a safety deadline).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill9_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let store = Arc::new(SqliteStore::open(Path::new(&path)).expect("open"));
    let stop = Instant::now() + Duration::from_secs(60);
    let mut tasks = Vec::new();
    for writer in 0..16 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while Instant::now() < stop {
                let key = format!("k/{writer}/{i}");
                let rev = store.put(&key, value_for(&key)).await.expect("put");
                // stdout is line-buffered: each line leaves the process whole.
                println!("ACK {key} {rev}");
                i += 1;
            }
        }));
    }
    for task in tasks {
        task.await.expect("writer");
    }
}

/// Kills the child if the test fails before it does.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn parse_ack(line: &str) -> Option<(String, i64)> {
    let rest = line.strip_prefix("ACK ")?;
    let (key, rev) = rest.rsplit_once(' ')?;
    Some((key.to_string(), rev.parse().ok()?))
}

#[test]
fn acknowledged_writes_survive_kill_9() {
    const ACKS_BEFORE_KILL: usize = 300;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    // A file, not a pipe: a child that fails loudly must not block on a full
    // stderr pipe nobody reads.
    let stderr_path = dir.path().join("child.stderr");
    let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
    let exe = std::env::current_exe().expect("test binary");
    let child = Command::new(exe)
        .args(["kill9_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("spawn child");
    let mut child = KillOnDrop(child);
    let child_failed = |what: &str| -> ! {
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        panic!("{what}; child stderr:\n{stderr}");
    };

    // Read on a thread, so the test can give up at a deadline.
    let stdout = child.0.stdout.take().expect("child stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(ack) = parse_ack(&line) {
                if tx.send(ack).is_err() {
                    break;
                }
            }
        }
    });

    let mut acks = Vec::new();
    let deadline = Instant::now() + DEADLINE;
    while acks.len() < ACKS_BEFORE_KILL {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(ack) => acks.push(ack),
            Err(_) => child_failed(&format!("child stopped acknowledging after {}", acks.len())),
        }
    }
    // SIGKILL, mid-stream: the writers are busy.
    child.0.kill().expect("kill child");
    // Lines already in the pipe were printed before the kill, so they are
    // acknowledged writes too. The pipe closes with the child.
    reader.join().expect("reader thread");
    acks.extend(rx.try_iter());
    let status = child.0.wait().expect("wait child");
    assert_eq!(
        status.signal(),
        Some(9),
        "the child was killed, not finished"
    );

    let mut revisions: Vec<_> = acks.iter().map(|(_, rev)| *rev).collect();
    revisions.sort_unstable();
    revisions.dedup();
    assert_eq!(
        revisions.len(),
        acks.len(),
        "every write got its own revision"
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = SqliteStore::open(&path).expect("reopen after kill");
        let current = store.current_revision().await.expect("revision");
        let max_acked = revisions.last().copied().unwrap_or(0);
        assert!(
            current >= max_acked,
            "revision {current} < acknowledged {max_acked}"
        );
        for (key, rev) in &acks {
            let kv = store
                .get(key)
                .await
                .expect("get")
                .unwrap_or_else(|| panic!("acknowledged {key} at {rev} was lost"));
            assert_eq!(kv.mod_revision, *rev, "{key}");
            assert_eq!(kv.value, value_for(key), "{key}");
        }
        println!(
            "{} acknowledged writes survived kill -9; store at revision {current}",
            acks.len()
        );
    });
}
