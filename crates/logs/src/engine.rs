//! [`LogStore`]: opening a data directory, the catalog operations (groups,
//! streams, retention settings, tags), appends, and retention enforcement.
//! Reads and listings are in `reads.rs`.
//!
//! Catalog changes take the journal lock, check the request against the
//! in-memory maps, write one journal record durably, and only then change
//! the maps; so a refused or failed change leaves everything as it was. Lock
//! order: journal → groups map → a group's streams map → a stream's locks.

use std::collections::BTreeMap;
use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::catalog::{Journal, Record};
use crate::clock::IngestClock;
use crate::error::{LogError, Result};
use crate::follow::FollowMap;
use crate::rules::{self, DAY_MS};
use crate::segment::sync_dir;
use crate::stream::{remove_dir, FrameBuffers, Stream, Tuning};
use crate::token::TokenKey;
use crate::{AppendOutcome, GroupInfo, NewEvent, Options, Position, RetentionReport, StreamInfo};

/// The log storage engine over one data directory. Cheap to clone.
#[derive(Clone)]
pub struct LogStore {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for LogStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogStore")
            .field("root", &self.inner.root)
            .finish_non_exhaustive()
    }
}

pub(crate) struct Inner {
    root: PathBuf,
    pub(crate) options: Options,
    pub(crate) tuning: Tuning,
    frame_buffers: FrameBuffers,
    pub(crate) clock: IngestClock,
    pub(crate) tokens: TokenKey,
    pub(crate) follow: FollowMap,
    journal: Mutex<Journal>,
    groups: RwLock<BTreeMap<String, Arc<Group>>>,
    /// Held for the engine's lifetime: one engine per directory.
    _lock: File,
}

pub(crate) struct Group {
    pub id: u64,
    pub name: Arc<str>,
    pub created_ms: i64,
    pub settings: RwLock<GroupSettings>,
    pub streams: RwLock<BTreeMap<String, Arc<Stream>>>,
    pub stored_bytes: AtomicU64,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct GroupSettings {
    pub retention_days: Option<u32>,
    pub tags: BTreeMap<String, String>,
}

pub(crate) fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

pub(crate) fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}

/// Removes a deleted stream's files. The deletion is already recorded, so
/// a failure is logged, not returned: opening the engine removes the rest.
fn remove_deleted_files(stream: &Stream) {
    if let Err(e) = stream.remove_files() {
        tracing::error!(stream = %stream.name, error = %e, "could not remove a deleted stream's files");
    }
}

impl Group {
    fn release_bytes(&self, bytes: u64) {
        let _ = self
            .stored_bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| {
                Some(b.saturating_sub(bytes))
            });
    }

    pub(crate) fn info(&self) -> GroupInfo {
        GroupInfo {
            name: self.name.to_string(),
            creation_time: self.created_ms,
            retention_in_days: read(&self.settings).retention_days,
            stored_bytes: self.stored_bytes.load(Ordering::Relaxed),
        }
    }
}

pub(crate) fn stream_info(stream: &Stream) -> StreamInfo {
    let (span, stored_bytes, _) = stream.summary();
    let has_events = span.count > 0;
    StreamInfo {
        name: stream.name.clone(),
        creation_time: stream.created_ms,
        first_event_timestamp: has_events.then_some(span.min_ts),
        last_event_timestamp: has_events.then_some(span.max_ts),
        last_ingestion_time: has_events.then_some(span.max_ingest),
        stored_bytes,
    }
}

fn streams_dir(root: &Path) -> PathBuf {
    root.join("streams")
}

fn stream_dir(root: &Path, id: u64) -> PathBuf {
    streams_dir(root).join(format!("{id:016x}"))
}

impl LogStore {
    /// Opens (creating if needed) the engine in `root` with default options.
    pub fn open(root: &Path) -> Result<LogStore> {
        LogStore::open_with(root, Options::default())
    }

    /// Opens (creating if needed) the engine in `root`: replays the catalog,
    /// recovers every stream (truncating torn tails), and removes the files
    /// of streams whose deletion was recorded but not finished.
    pub fn open_with(root: &Path, options: Options) -> Result<LogStore> {
        fs::create_dir_all(streams_dir(root))
            .map_err(LogError::io(format!("creating {}", root.display())))?;
        let lock = lock_dir(root)?;
        let tokens = TokenKey::new(load_token_key(root)?);
        let opened = Journal::open(root)?;
        let journal = opened.journal;
        let options = Options {
            scan_budget_bytes: options.scan_budget_bytes.max(1),
            ..options
        };
        let tuning = Tuning {
            segment_max_bytes: options.segment_max_bytes.max(1),
            segment_max_span_ms: options.segment_max_span_ms.max(1),
            block_bytes: options.block_bytes.max(1),
        };

        let mut groups_by_id = BTreeMap::new();
        let mut groups = BTreeMap::new();
        for (&id, record) in &journal.state.groups {
            let group = Arc::new(Group {
                id,
                name: record.name.as_str().into(),
                created_ms: record.created_ms,
                settings: RwLock::new(GroupSettings {
                    retention_days: record.retention_days,
                    tags: record.tags.clone(),
                }),
                streams: RwLock::new(BTreeMap::new()),
                stored_bytes: AtomicU64::new(0),
            });
            groups_by_id.insert(id, Arc::clone(&group));
            groups.insert(record.name.clone(), group);
        }
        let (mut newest_ingestion, mut newest_seq) = (0, 0);
        for (&id, record) in &journal.state.streams {
            let group = &groups_by_id[&record.group];
            let stream = Stream::open(
                id,
                Arc::clone(&group.name),
                record.name.clone(),
                record.created_ms,
                stream_dir(root, id),
                &tuning,
            )?;
            let (span, bytes, _) = stream.summary();
            if span.count > 0 {
                newest_ingestion = newest_ingestion.max(span.max_ingest);
            }
            newest_seq = newest_seq.max(stream.last_ingest_seq());
            group.stored_bytes.fetch_add(bytes, Ordering::Relaxed);
            write(&group.streams).insert(record.name.clone(), Arc::new(stream));
        }
        remove_orphans(root, &journal, opened.truncated)?;

        let clock = IngestClock::new(options.clock.clone(), newest_ingestion, newest_seq);
        Ok(LogStore {
            inner: Arc::new(Inner {
                root: root.to_path_buf(),
                tuning,
                frame_buffers: FrameBuffers::default(),
                clock,
                tokens,
                follow: FollowMap::new(options.follow_entries),
                options,
                journal: Mutex::new(journal),
                groups: RwLock::new(groups),
                _lock: lock,
            }),
        })
    }

    fn journal(&self) -> MutexGuard<'_, Journal> {
        self.inner.journal.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now(&self) -> i64 {
        self.inner.clock.now()
    }

    pub(crate) fn find_group(&self, name: &str) -> Result<Arc<Group>> {
        read(&self.inner.groups)
            .get(name)
            .cloned()
            .ok_or_else(|| LogError::GroupNotFound(name.to_string()))
    }

    pub(crate) fn groups_snapshot(&self) -> RwLockReadGuard<'_, BTreeMap<String, Arc<Group>>> {
        read(&self.inner.groups)
    }

    pub(crate) fn find_stream(
        &self,
        group: &str,
        stream: &str,
    ) -> Result<(Arc<Group>, Arc<Stream>)> {
        let found = self.find_group(group)?;
        let stream =
            read(&found.streams)
                .get(stream)
                .cloned()
                .ok_or_else(|| LogError::StreamNotFound {
                    group: group.to_string(),
                    stream: stream.to_string(),
                })?;
        Ok((found, stream))
    }

    /// Creates a log group with `tags` (possibly empty).
    pub fn create_group(&self, name: &str, tags: BTreeMap<String, String>) -> Result<GroupInfo> {
        rules::validate_group_name(name)?;
        rules::validate_tags(&tags)?;
        let mut journal = self.journal();
        {
            let groups = read(&self.inner.groups);
            if groups.contains_key(name) {
                return Err(LogError::GroupAlreadyExists(name.to_string()));
            }
            if groups.len() >= self.inner.options.max_groups {
                return Err(LogError::LimitExceeded(format!(
                    "Resource limit exceeded: at most {} log groups",
                    self.inner.options.max_groups
                )));
            }
        }
        let id = journal.state.next_group;
        let created_ms = self.now();
        journal.append(Record::CreateGroup {
            id,
            name: name.to_string(),
            created_ms,
            retention_days: None,
            tags: tags.clone(),
        })?;
        let group = Arc::new(Group {
            id,
            name: name.into(),
            created_ms,
            settings: RwLock::new(GroupSettings {
                retention_days: None,
                tags,
            }),
            streams: RwLock::new(BTreeMap::new()),
            stored_bytes: AtomicU64::new(0),
        });
        let info = group.info();
        write(&self.inner.groups).insert(name.to_string(), group);
        Ok(info)
    }

    /// Deletes a log group and every stream and event in it.
    pub fn delete_group(&self, name: &str) -> Result<()> {
        let mut journal = self.journal();
        let group = self.find_group(name)?;
        journal.append(Record::DeleteGroup { id: group.id })?;
        write(&self.inner.groups).remove(name);
        self.inner.follow.forget_group(group.id);
        let streams = std::mem::take(&mut *write(&group.streams));
        drop(journal);
        for stream in streams.values() {
            stream.mark_deleted();
        }
        for stream in streams.values() {
            remove_deleted_files(stream);
        }
        self.sync_streams_dir();
        Ok(())
    }

    fn sync_streams_dir(&self) {
        if let Err(e) = sync_dir(&streams_dir(&self.inner.root)) {
            tracing::error!(error = %e, "could not sync the streams directory after a delete");
        }
    }

    /// One log group.
    pub fn group(&self, name: &str) -> Result<GroupInfo> {
        Ok(self.find_group(name)?.info())
    }

    /// Sets the group's retention (one of [`rules::RETENTION_DAYS`]).
    pub fn put_retention(&self, name: &str, days: u32) -> Result<()> {
        rules::validate_retention(days)?;
        self.set_retention(name, Some(days))
    }

    /// Removes the group's retention: its events never expire.
    pub fn delete_retention(&self, name: &str) -> Result<()> {
        self.set_retention(name, None)
    }

    fn set_retention(&self, name: &str, days: Option<u32>) -> Result<()> {
        let mut journal = self.journal();
        let group = self.find_group(name)?;
        journal.append(Record::SetRetention { id: group.id, days })?;
        write(&group.settings).retention_days = days;
        Ok(())
    }

    /// Adds or replaces tags on a group.
    pub fn tag_group(&self, name: &str, tags: BTreeMap<String, String>) -> Result<()> {
        self.change_tags(name, |current| current.extend(tags))
    }

    /// Removes tags (absent keys are ignored, as CloudWatch does).
    pub fn untag_group(&self, name: &str, keys: &[String]) -> Result<()> {
        self.change_tags(name, |current| {
            for key in keys {
                current.remove(key);
            }
        })
    }

    /// The group's tags.
    pub fn group_tags(&self, name: &str) -> Result<BTreeMap<String, String>> {
        Ok(read(&self.find_group(name)?.settings).tags.clone())
    }

    fn change_tags(
        &self,
        name: &str,
        change: impl FnOnce(&mut BTreeMap<String, String>),
    ) -> Result<()> {
        let mut journal = self.journal();
        let group = self.find_group(name)?;
        let mut tags = read(&group.settings).tags.clone();
        change(&mut tags);
        rules::validate_tags(&tags)?;
        journal.append(Record::SetTags {
            id: group.id,
            tags: tags.clone(),
        })?;
        write(&group.settings).tags = tags;
        Ok(())
    }

    /// Creates a log stream in a group.
    pub fn create_stream(&self, group: &str, name: &str) -> Result<StreamInfo> {
        rules::validate_group_name(group)?;
        rules::validate_stream_name(name)?;
        let mut journal = self.journal();
        let found = self.find_group(group)?;
        {
            let streams = read(&found.streams);
            if streams.contains_key(name) {
                return Err(LogError::StreamAlreadyExists {
                    group: group.to_string(),
                    stream: name.to_string(),
                });
            }
            if streams.len() >= self.inner.options.max_streams_per_group {
                return Err(LogError::LimitExceeded(format!(
                    "Resource limit exceeded: at most {} log streams in log group {group}",
                    self.inner.options.max_streams_per_group
                )));
            }
        }
        let id = journal.state.next_stream;
        let created_ms = self.now();
        journal.append(Record::CreateStream {
            id,
            group: found.id,
            name: name.to_string(),
            created_ms,
        })?;
        // IDs are never reused, so the stream has no directory yet and opens
        // empty; its directory is made by its first append.
        let stream = Stream::open(
            id,
            Arc::clone(&found.name),
            name.to_string(),
            created_ms,
            stream_dir(&self.inner.root, id),
            &self.inner.tuning,
        )?;
        let info = stream_info(&stream);
        write(&found.streams).insert(name.to_string(), Arc::new(stream));
        Ok(info)
    }

    /// Deletes a log stream and its events.
    pub fn delete_stream(&self, group: &str, name: &str) -> Result<()> {
        let mut journal = self.journal();
        let (found, stream) = self.find_stream(group, name)?;
        journal.append(Record::DeleteStream { id: stream.id })?;
        write(&found.streams).remove(name);
        drop(journal);
        let bytes = stream.mark_deleted();
        found.release_bytes(bytes);
        remove_deleted_files(&stream);
        self.sync_streams_dir();
        Ok(())
    }

    /// One log stream.
    pub fn stream(&self, group: &str, name: &str) -> Result<StreamInfo> {
        Ok(stream_info(&self.find_stream(group, name)?.1))
    }

    /// The last producer position the stream stored (see the crate docs).
    pub fn stream_position(&self, group: &str, name: &str) -> Result<Option<Position>> {
        Ok(self.find_stream(group, name)?.1.summary().2)
    }

    /// PutLogEvents: validates the batch, drops events the stream already
    /// holds (by position), and stores the rest as one durable batch.
    pub fn append(
        &self,
        group: &str,
        stream: &str,
        events: &[NewEvent<'_>],
    ) -> Result<AppendOutcome> {
        let (found, target) = self.find_stream(group, stream)?;
        let retention = read(&found.settings).retention_days;
        let plan = rules::plan_batch(events, self.now(), retention)?;
        let appended = target.append(
            events,
            &plan,
            &self.inner.clock,
            &self.inner.tuning,
            &self.inner.frame_buffers,
        )?;
        found
            .stored_bytes
            .fetch_add(appended.bytes, Ordering::Relaxed);
        Ok(AppendOutcome {
            stored: appended.stored,
            duplicates: appended.duplicates,
            rejected: plan.rejected,
            ingestion_time: appended.ingestion_time,
        })
    }

    /// Deletes every segment whose newest event is older than its group's
    /// retention. Call periodically (CloudWatch takes up to 72 hours).
    pub fn enforce_retention(&self) -> Result<RetentionReport> {
        let groups: Vec<Arc<Group>> = read(&self.inner.groups).values().cloned().collect();
        let now = self.now();
        let mut report = RetentionReport::default();
        for group in groups {
            let Some(days) = read(&group.settings).retention_days else {
                continue;
            };
            let cutoff = now.saturating_sub(i64::from(days) * DAY_MS);
            let streams: Vec<Arc<Stream>> = read(&group.streams).values().cloned().collect();
            for stream in streams {
                let (segments, bytes) = stream.expire(cutoff, now)?;
                report.segments_deleted += segments;
                report.bytes_freed += bytes;
                group.release_bytes(bytes);
            }
        }
        Ok(report)
    }
}

fn lock_dir(root: &Path) -> Result<File> {
    let path = root.join("LOCK");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(LogError::io(format!("opening {}", path.display())))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(LogError::Io {
            context: format!("locking {}", path.display()),
            source: io::Error::new(
                io::ErrorKind::WouldBlock,
                "another log store has this directory open",
            ),
        }),
        Err(TryLockError::Error(e)) => Err(LogError::io(format!("locking {}", path.display()))(e)),
    }
}

/// Reads the token key, creating it on first open (temp, fsync, rename).
fn load_token_key(root: &Path) -> Result<[u8; 32]> {
    let path = root.join("token.key");
    match fs::read(&path) {
        Ok(bytes) if bytes.len() == 32 => {
            return Ok(bytes.try_into().expect("32 bytes"));
        }
        Ok(_) => tracing::warn!(path = %path.display(), "token key is damaged; making a new one"),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(LogError::io(format!("reading {}", path.display()))(e)),
    }
    let key: [u8; 32] = rand::random();
    let tmp = root.join("token.key.tmp");
    let context = || format!("writing {}", path.display());
    let mut file = File::create(&tmp).map_err(LogError::io(context()))?;
    file.write_all(&key)
        .and_then(|()| file.sync_all())
        .map_err(LogError::io(context()))?;
    fs::rename(&tmp, &path).map_err(LogError::io(context()))?;
    sync_dir(root)?;
    Ok(key)
}

/// Removes stream directories the catalog does not know: deletions recorded
/// in the journal whose files were not yet removed when the process stopped.
/// If the journal itself lost a damaged tail, nothing is removed (the
/// directories may belong to streams whose creation was in that tail).
fn remove_orphans(root: &Path, journal: &Journal, journal_truncated: bool) -> Result<()> {
    let dir = streams_dir(root);
    let entries = fs::read_dir(&dir).map_err(LogError::io(format!("listing {}", dir.display())))?;
    for entry in entries {
        let entry = entry.map_err(LogError::io(format!("listing {}", dir.display())))?;
        let name = entry.file_name();
        let known = u64::from_str_radix(&name.to_string_lossy(), 16)
            .is_ok_and(|id| journal.state.streams.contains_key(&id));
        if known {
            continue;
        }
        if journal_truncated {
            tracing::warn!(dir = %entry.path().display(), "leaving an unknown stream directory in place");
        } else {
            remove_dir(&entry.path())?;
        }
    }
    Ok(())
}
