//! The SQLite backend: one table, a global revision counter, a writer thread
//! that group-commits, and a small pool of reader connections.
//!
//! Schema (`user_version` 2):
//! - `kv(key TEXT PRIMARY KEY, value BLOB, create_revision INTEGER, mod_revision INTEGER,
//!   lease INTEGER)`, with an index of the keys that have a lease (`lease != 0`).
//! - `meta(id = 0, revision INTEGER)`: the store revision.
//!
//! Version 1 had no `lease` column; opening adds it. Leases live in memory
//! (`leases.rs`) and die with the process, so opening deletes every key that
//! still has one, in one revision.
//!
//! See the crate docs for the threads and the group commit protocol.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use async_trait::async_trait;
use futures::stream::BoxStream;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use tokio::sync::{mpsc, oneshot, Semaphore};

use crate::apply::{
    apply_txn, revoke_txn, validate_key, validate_key_text, validate_txn, Applied, KvTable, Outcome,
};
use crate::error::StoreError;
use crate::leases::{self, Leases};
use crate::types::{KeyValue, Lease, LeaseId, Revision, Txn, TxnResult, WatchBatch};
use crate::watch::{self, HistoryLimits, Publisher, Subscriber};
use crate::Store;

const SCHEMA_VERSION: i64 = 2;
/// How long a connection waits on SQLite's own locks (a checkpoint, say)
/// before failing. Only our own connections touch the file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Tuning of a [`SqliteStore`]. The defaults suit a control plane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SqliteOptions {
    /// Watch history kept in memory.
    pub history: HistoryLimits,
    /// Most txns committed together in one SQLite transaction.
    pub max_batch: usize,
    /// Most txns waiting for the writer; further callers wait to enqueue.
    pub queue: usize,
    /// Most concurrent reads (each on its own connection).
    pub readers: usize,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            history: HistoryLimits::default(),
            max_batch: 256,
            queue: 1024,
            readers: 4,
        }
    }
}

/// A [`Store`] in an SQLite file, durable once a txn is acknowledged.
pub struct SqliteStore {
    /// `None` only while dropping: closing it stops the writer.
    writer: Option<mpsc::Sender<Request>>,
    thread: Option<JoinHandle<()>>,
    readers: Arc<Readers>,
    subscriber: Subscriber,
    /// Shared with the writer, which checks and removes leases inside its
    /// batches, and (weakly) with the tasks that expire them.
    leases: Arc<Mutex<Leases>>,
    /// Held (locked) for the store's lifetime: two writers on one file would
    /// hand out the same revisions twice.
    _lock: File,
}

struct Request {
    work: Work,
    reply: oneshot::Sender<Result<TxnResult, StoreError>>,
}

/// What the writer does for one request.
enum Work {
    Txn(Txn),
    /// Revoke the lease and delete its keys; `LeaseNotFound` if it is gone.
    Revoke(LeaseId),
    /// Expire the lease if its deadline has passed (else nothing).
    Expire(LeaseId),
}

fn lock_leases(leases: &Mutex<Leases>) -> MutexGuard<'_, Leases> {
    // Lease updates are single map operations: a poisoned lock is consistent.
    leases.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` with default options.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, SqliteOptions::default())
    }

    /// Opens (creating if needed) the store at `path`.
    ///
    /// Fails if another `SqliteStore`, in this process or another, has the
    /// file open. Watch history starts empty: watches can start from the
    /// current revision, not before.
    pub fn open_with(path: &Path, options: SqliteOptions) -> Result<Self, StoreError> {
        let lock = lock_file(path)?;
        let mut conn = open_connection(path)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Backend(format!(
                "sqlite refused WAL mode for {} (got {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        let revision = init_schema(&mut conn)?;

        let (publisher, subscriber) = watch::channel(revision, options.history);
        let (tx, rx) = mpsc::channel(options.queue.max(1));
        let max_batch = options.max_batch.max(1);
        let leases = Arc::new(Mutex::new(Leases::default()));
        let writer = Writer {
            conn,
            publisher,
            revision,
            leases: Arc::clone(&leases),
        };
        let thread = std::thread::Builder::new()
            .name("berth-store-writer".to_string())
            .spawn(move || writer.run(rx, max_batch))
            .map_err(|e| StoreError::Backend(format!("cannot start the writer thread: {e}")))?;
        let readers = options.readers.max(1);
        Ok(Self {
            writer: Some(tx),
            thread: Some(thread),
            readers: Arc::new(Readers {
                path: path.to_path_buf(),
                idle: Mutex::new(Vec::with_capacity(readers)),
                permits: Arc::new(Semaphore::new(readers)),
            }),
            subscriber,
            leases,
            _lock: lock,
        })
    }

    /// Queues work for the writer and waits for its durable outcome.
    async fn write(&self, work: Work) -> Result<TxnResult, StoreError> {
        let writer = self.writer.as_ref().ok_or(StoreError::Closed)?;
        send_work(writer, work).await
    }

    /// Runs `f` on a reader connection, on tokio's blocking pool.
    async fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let permit = Arc::clone(&self.readers.permits)
            .acquire_owned()
            .await
            .map_err(|_| StoreError::Closed)?;
        let readers = Arc::clone(&self.readers);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = readers.take()?;
            let result = f(&mut conn);
            readers.give(conn);
            result
        })
        .await
        .map_err(|e| StoreError::Backend(format!("reader task failed: {e}")))?
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Closing the queue lets the writer finish its batch and exit; joining
        // it means the file is closed (and unlocked) when drop returns, so it
        // can be reopened at once.
        self.writer = None;
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("the store writer thread panicked");
            }
        }
    }
}

fn lock_file(path: &Path) -> Result<File, StoreError> {
    // A separate file: locking the database file itself would interfere with
    // SQLite's own POSIX locks on it.
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| {
            StoreError::Backend(format!(
                "cannot open {}: {e}",
                Path::new(&lock_path).display()
            ))
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::Backend(format!(
            "{} is already open in another store",
            path.display()
        ))),
        Err(TryLockError::Error(e)) => Err(StoreError::Backend(format!(
            "cannot lock {}: {e}",
            Path::new(&lock_path).display()
        ))),
    }
}

fn open_connection(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // SQLite's default page cache is 2 MiB: at 100,000 tasks the key index alone is larger,
    // and every miss is a pread. 64 MiB per connection keeps the hot pages in memory.
    conn.pragma_update(None, "cache_size", -65536)?;
    Ok(conn)
}

async fn send_work(writer: &mpsc::Sender<Request>, work: Work) -> Result<TxnResult, StoreError> {
    let (reply, result) = oneshot::channel();
    writer
        .send(Request { work, reply })
        .await
        .map_err(|_| StoreError::Closed)?;
    result.await.map_err(|_| StoreError::Closed)?
}

const LEASE_INDEX: &str = "CREATE INDEX kv_lease ON kv (lease) WHERE lease != 0;";

/// Creates, upgrades or checks the schema, and deletes the keys of leases
/// that died with the last process; returns the store revision.
fn init_schema(conn: &mut Connection) -> Result<Revision, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    match version {
        0 => {
            tx.execute_batch(&format!(
                "CREATE TABLE kv (
                    key TEXT PRIMARY KEY NOT NULL,
                    value BLOB NOT NULL,
                    create_revision INTEGER NOT NULL,
                    mod_revision INTEGER NOT NULL,
                    lease INTEGER NOT NULL DEFAULT 0
                 ) WITHOUT ROWID;
                 {LEASE_INDEX}
                 CREATE TABLE meta (
                    id INTEGER PRIMARY KEY CHECK (id = 0),
                    revision INTEGER NOT NULL
                 );
                 INSERT INTO meta (id, revision) VALUES (0, 0);"
            ))?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        1 => {
            tx.execute_batch(&format!(
                "ALTER TABLE kv ADD COLUMN lease INTEGER NOT NULL DEFAULT 0; {LEASE_INDEX}"
            ))?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        SCHEMA_VERSION => {}
        other => {
            return Err(StoreError::Backend(format!(
                "unknown store schema version {other} (this build knows {SCHEMA_VERSION})"
            )))
        }
    }
    let mut revision = read_revision(&tx)?;
    if tx.execute("DELETE FROM kv WHERE lease != 0", [])? > 0 {
        // The deletes are a change like any other: they take a revision. No
        // watcher can have seen the keys (history starts empty at open).
        revision += 1;
        tx.execute("UPDATE meta SET revision = ?1 WHERE id = 0", [revision])?;
    }
    tx.commit()?;
    Ok(revision)
}

fn read_revision(conn: &Connection) -> Result<Revision, StoreError> {
    Ok(conn.query_row("SELECT revision FROM meta WHERE id = 0", [], |r| r.get(0))?)
}

/// The writer thread's state: the write connection, the watch ring's
/// publishing half and the store revision.
struct Writer {
    conn: Connection,
    publisher: Publisher,
    revision: Revision,
    leases: Arc<Mutex<Leases>>,
}

impl Writer {
    /// Takes whatever work is queued (at most `max_batch`), applies it in one
    /// SQLite transaction, commits, publishes the events, and only then
    /// replies. Exits when the store closes the queue.
    fn run(mut self, mut queue: mpsc::Receiver<Request>, max_batch: usize) {
        let mut batch = Vec::with_capacity(max_batch);
        while let Some(first) = queue.blocking_recv() {
            batch.push(first);
            while batch.len() < max_batch {
                match queue.try_recv() {
                    Ok(request) => batch.push(request),
                    Err(_) => break,
                }
            }
            let (work, replies): (Vec<_>, Vec<_>) =
                batch.drain(..).map(|r| (r.work, r.reply)).unzip();
            match self.commit_batch(work) {
                Ok(outcomes) => {
                    let mut results = Vec::with_capacity(outcomes.len());
                    let mut committed = Vec::new();
                    for outcome in outcomes {
                        results.push(outcome.map(|a| {
                            let result = TxnResult {
                                succeeded: a.succeeded,
                                revision: a.revision,
                            };
                            if !a.events.is_empty() {
                                self.revision = a.revision;
                                committed.push((a.revision, a.events));
                            }
                            result
                        }));
                    }
                    // Publish before replying: a caller who watches from the
                    // revision it was given must find its own write there.
                    self.publisher.publish(committed);
                    for (reply, result) in replies.into_iter().zip(results) {
                        // The caller may have given up waiting; the write stands.
                        let _ = reply.send(result);
                    }
                }
                Err(err) => {
                    tracing::error!(error = %err, txns = replies.len(), "store batch failed");
                    // A failed COMMIT may still have reached the disk. If so,
                    // history has a gap: make watchers re-range.
                    match read_revision(&self.conn) {
                        Ok(now) if now != self.revision => {
                            self.publisher.compact_to(now);
                            self.revision = now;
                        }
                        Ok(_) => {}
                        Err(e) => tracing::error!(error = %e, "cannot reread the store revision"),
                    }
                    for reply in replies {
                        let _ = reply.send(Err(err.clone()));
                    }
                }
            }
        }
    }

    /// Applies `work` in order in one SQLite transaction, each item seeing
    /// the effects of those before it, and commits durably. An item refused
    /// before writing (a dead lease) gets its own error; any other failure
    /// rolls back the whole batch.
    ///
    /// Leases revoked or expired in a batch leave the lease table at once, so
    /// later items of the batch see them gone; if the batch then fails, their
    /// keys stay until the store is next opened.
    fn commit_batch(
        &mut self,
        work: Vec<Work>,
    ) -> Result<Vec<Result<Applied, StoreError>>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut current = self.revision;
        let mut outcomes = Vec::with_capacity(work.len());
        {
            let mut table = SqlTable { tx: &tx };
            for item in work {
                let txn = match item {
                    Work::Txn(txn) => txn,
                    Work::Revoke(lease) => {
                        if !lock_leases(&self.leases).remove(lease) {
                            outcomes.push(Err(StoreError::LeaseNotFound(lease)));
                            continue;
                        }
                        revoke_txn(&mut table, lease)?
                    }
                    Work::Expire(lease) => {
                        if lock_leases(&self.leases).remove_if_expired(lease) {
                            revoke_txn(&mut table, lease)?
                        } else {
                            Txn::new()
                        }
                    }
                };
                let leases = lock_leases(&self.leases);
                let outcome = apply_txn(&mut table, txn, current, &|id| leases.is_alive(id))?;
                drop(leases);
                outcomes.push(match outcome {
                    Outcome::Applied(applied) => {
                        current = applied.revision;
                        Ok(applied)
                    }
                    Outcome::Refused(err) => Err(err),
                });
            }
        }
        if current != self.revision {
            tx.execute("UPDATE meta SET revision = ?1 WHERE id = 0", [current])?;
        }
        // Dropping `tx` on an early return above rolls the whole batch back.
        tx.commit()?;
        Ok(outcomes)
    }
}

/// The `kv` table, inside the writer's open transaction.
struct SqlTable<'a> {
    tx: &'a Connection,
}

impl KvTable for SqlTable<'_> {
    fn revisions(&mut self, key: &str) -> Result<Option<(Revision, Revision)>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT create_revision, mod_revision FROM kv WHERE key = ?1")?;
        Ok(stmt
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    fn put(&mut self, kv: &KeyValue, lease: LeaseId) -> Result<(), StoreError> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO kv (key, value, create_revision, mod_revision, lease)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                create_revision = excluded.create_revision, mod_revision = excluded.mod_revision,
                lease = excluded.lease",
        )?;
        stmt.execute(rusqlite::params![
            kv.key,
            kv.value,
            kv.create_revision,
            kv.mod_revision,
            lease
        ])?;
        Ok(())
    }

    fn keys_with_lease(&mut self, lease: LeaseId) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT key FROM kv WHERE lease = ?1 AND lease != 0 ORDER BY key")?;
        let rows = stmt.query_map([lease], |r| r.get(0))?;
        Ok(rows.collect::<Result<Vec<String>, _>>()?)
    }

    fn delete(&mut self, key: &str) -> Result<bool, StoreError> {
        let mut stmt = self.tx.prepare_cached("DELETE FROM kv WHERE key = ?1")?;
        Ok(stmt.execute([key])? > 0)
    }

    fn keys_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let keys = match prefix_end(prefix) {
            Some(end) => {
                let mut stmt = self.tx.prepare_cached(
                    "SELECT key FROM kv WHERE key >= ?1 AND key < ?2 ORDER BY key",
                )?;
                let rows = stmt.query_map([prefix, end.as_str()], |r| r.get(0))?;
                rows.collect::<Result<Vec<String>, _>>()?
            }
            None => {
                let mut stmt = self
                    .tx
                    .prepare_cached("SELECT key FROM kv WHERE key >= ?1 ORDER BY key")?;
                let rows = stmt.query_map([prefix], |r| r.get(0))?;
                rows.collect::<Result<Vec<String>, _>>()?
            }
        };
        Ok(keys)
    }
}

/// The smallest string greater than every string starting with `prefix`, or
/// `None` if there is none (the prefix is empty or all `char::MAX`).
///
/// SQLite compares TEXT bytewise, and UTF-8 byte order is code point order,
/// so `prefix <= key < prefix_end(prefix)` selects exactly the keys with the
/// prefix, using the primary key index.
fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        // The next scalar value, skipping the surrogate gap.
        let next = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32);
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Reader connections, opened on first use, at most `permits` in use.
struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Arc<Semaphore>,
}

impl Readers {
    fn take(&self) -> Result<Connection, StoreError> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(conn) => Ok(conn),
            None => {
                let conn = open_connection(&self.path)?;
                conn.pragma_update(None, "query_only", true)?;
                Ok(conn)
            }
        }
    }

    fn give(&self, conn: Connection) {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(conn);
    }
}

const SELECT_KV: &str = "SELECT key, value, create_revision, mod_revision FROM kv";

fn row_to_kv(row: &rusqlite::Row<'_>) -> rusqlite::Result<KeyValue> {
    Ok(KeyValue {
        key: row.get(0)?,
        value: row.get(1)?,
        create_revision: row.get(2)?,
        mod_revision: row.get(3)?,
    })
}

/// One consistent snapshot: the revision and the rows come from the same
/// read transaction.
fn read_range(
    conn: &mut Connection,
    prefix: &str,
    start_key: &str,
    limit: usize,
) -> Result<(Vec<KeyValue>, Revision), StoreError> {
    let tx = conn.transaction()?;
    let revision = read_revision(&tx)?;
    let lower = start_key.max(prefix);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let kvs = {
        match prefix_end(prefix) {
            Some(end) => {
                let mut stmt = tx.prepare_cached(&format!(
                    "{SELECT_KV} WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT ?3"
                ))?;
                let rows = stmt.query_map(rusqlite::params![lower, end, limit], row_to_kv)?;
                rows.collect::<Result<Vec<_>, _>>()?
            }
            None => {
                let mut stmt = tx.prepare_cached(&format!(
                    "{SELECT_KV} WHERE key >= ?1 ORDER BY key LIMIT ?2"
                ))?;
                let rows = stmt.query_map(rusqlite::params![lower, limit], row_to_kv)?;
                rows.collect::<Result<Vec<_>, _>>()?
            }
        }
    };
    tx.commit()?;
    Ok((kvs, revision))
}

#[async_trait]
impl Store for SqliteStore {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        validate_key(key)?;
        let key = key.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(&format!("{SELECT_KV} WHERE key = ?1"))?;
            Ok(stmt.query_row([key], row_to_kv).optional()?)
        })
        .await
    }

    async fn range(&self, prefix: &str) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        self.range_from(prefix, prefix, usize::MAX).await
    }

    async fn range_from(
        &self,
        prefix: &str,
        start_key: &str,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        validate_key_text(prefix)?;
        validate_key_text(start_key)?;
        let prefix = prefix.to_string();
        let start_key = start_key.to_string();
        self.read(move |conn| read_range(conn, &prefix, &start_key, limit))
            .await
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        // Rejected here, so the writer only ever sees txns that can commit.
        validate_txn(&txn)?;
        self.write(Work::Txn(txn)).await
    }

    async fn current_revision(&self) -> Result<Revision, StoreError> {
        self.read(|conn| read_revision(conn)).await
    }

    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        self.subscriber.watch(prefix, after)
    }

    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError> {
        let writer = self.writer.as_ref().ok_or(StoreError::Closed)?.downgrade();
        let lease = lock_leases(&self.leases).grant(ttl)?;
        let leases: Weak<Mutex<Leases>> = Arc::downgrade(&self.leases);
        tokio::spawn(async move {
            let deadline = || {
                let leases = leases.upgrade()?;
                let deadline = lock_leases(&leases).deadline(lease.id);
                deadline
            };
            let expire = || {
                let writer = writer.upgrade();
                async move {
                    // No writer: the store is closing and the lease with it.
                    let Some(writer) = writer else { return };
                    if let Err(err) = send_work(&writer, Work::Expire(lease.id)).await {
                        tracing::error!(lease = lease.id, error = %err, "cannot expire lease");
                    }
                }
            };
            leases::expire_when_due(deadline, expire).await;
        });
        Ok(lease)
    }

    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError> {
        lock_leases(&self.leases).keep_alive(lease)
    }

    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError> {
        Ok(self.write(Work::Revoke(lease)).await?.revision)
    }
}

#[cfg(test)]
mod tests {
    use super::prefix_end;

    #[test]
    fn prefix_end_bounds_exactly_the_prefixed_keys() {
        assert_eq!(prefix_end("a/").as_deref(), Some("a0"));
        assert_eq!(prefix_end(""), None);
        assert_eq!(prefix_end("\u{10FFFF}"), None);
        assert_eq!(prefix_end("a\u{10FFFF}").as_deref(), Some("b"));
        // Skips the surrogate gap.
        assert_eq!(prefix_end("\u{D7FF}").as_deref(), Some("\u{E000}"));
        let end = prefix_end("a/").unwrap_or_default();
        for key in ["a/", "a/x", "a/\u{10FFFF}\u{10FFFF}"] {
            assert!(key >= "a/" && key < end.as_str(), "{key:?} is in range");
        }
        for key in ["a", "a0", "ab", "b"] {
            assert!(
                !(key >= "a/" && key < end.as_str()),
                "{key:?} is out of range"
            );
        }
    }
}
