//! The catalog journal: groups, streams, retention and tags, persisted as an
//! append-only log of checksummed JSON records (`catalog.log`), one fsync per
//! change. Opening replays it; a torn tail is truncated. When the journal has
//! grown to more than twice what the live catalog needs, it is rewritten as
//! a snapshot (temp file, fsync, rename, fsync the directory), so replay time
//! stays proportional to the live catalog.
//!
//! IDs are never reused: the journal records the next group and stream IDs,
//! so a stream deleted and created again under the same name is a different
//! stream with different event IDs.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::codec::{self, FRAME_HEADER};
use crate::error::{LogError, Result};
use crate::segment::sync_dir;

/// One change to the catalog.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "op")]
pub(crate) enum Record {
    Counters {
        next_group: u64,
        next_stream: u64,
    },
    CreateGroup {
        id: u64,
        name: String,
        created_ms: i64,
        retention_days: Option<u32>,
        tags: BTreeMap<String, String>,
    },
    DeleteGroup {
        id: u64,
    },
    SetRetention {
        id: u64,
        days: Option<u32>,
    },
    SetTags {
        id: u64,
        tags: BTreeMap<String, String>,
    },
    CreateStream {
        id: u64,
        group: u64,
        name: String,
        created_ms: i64,
    },
    DeleteStream {
        id: u64,
    },
}

/// The catalog as replayed from the journal.
#[derive(Debug, Default)]
pub(crate) struct CatalogState {
    pub groups: BTreeMap<u64, GroupRecord>,
    pub streams: BTreeMap<u64, StreamRecord>,
    pub next_group: u64,
    pub next_stream: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct GroupRecord {
    pub name: String,
    pub created_ms: i64,
    pub retention_days: Option<u32>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub(crate) struct StreamRecord {
    pub group: u64,
    pub name: String,
    pub created_ms: i64,
}

impl CatalogState {
    fn apply(&mut self, record: Record) -> std::result::Result<(), String> {
        match record {
            Record::Counters {
                next_group,
                next_stream,
            } => {
                self.next_group = self.next_group.max(next_group);
                self.next_stream = self.next_stream.max(next_stream);
            }
            Record::CreateGroup {
                id,
                name,
                created_ms,
                retention_days,
                tags,
            } => {
                self.next_group = self.next_group.max(id + 1);
                self.groups.insert(
                    id,
                    GroupRecord {
                        name,
                        created_ms,
                        retention_days,
                        tags,
                    },
                );
            }
            Record::DeleteGroup { id } => {
                self.groups.remove(&id);
                self.streams.retain(|_, s| s.group != id);
            }
            Record::SetRetention { id, days } => {
                self.groups
                    .get_mut(&id)
                    .ok_or_else(|| format!("retention for unknown group {id}"))?
                    .retention_days = days;
            }
            Record::SetTags { id, tags } => {
                self.groups
                    .get_mut(&id)
                    .ok_or_else(|| format!("tags for unknown group {id}"))?
                    .tags = tags;
            }
            Record::CreateStream {
                id,
                group,
                name,
                created_ms,
            } => {
                if !self.groups.contains_key(&group) {
                    return Err(format!("stream {id} in unknown group {group}"));
                }
                self.next_stream = self.next_stream.max(id + 1);
                self.streams.insert(
                    id,
                    StreamRecord {
                        group,
                        name,
                        created_ms,
                    },
                );
            }
            Record::DeleteStream { id } => {
                self.streams.remove(&id);
            }
        }
        Ok(())
    }

    /// The records that recreate this state.
    fn snapshot(&self) -> Vec<Record> {
        let mut records = vec![Record::Counters {
            next_group: self.next_group,
            next_stream: self.next_stream,
        }];
        records.extend(self.groups.iter().map(|(&id, g)| Record::CreateGroup {
            id,
            name: g.name.clone(),
            created_ms: g.created_ms,
            retention_days: g.retention_days,
            tags: g.tags.clone(),
        }));
        records.extend(self.streams.iter().map(|(&id, s)| Record::CreateStream {
            id,
            group: s.group,
            name: s.name.clone(),
            created_ms: s.created_ms,
        }));
        records
    }
}

/// The open journal. Writers hold it (behind the engine's catalog mutex) for
/// the whole of a change, so changes are applied in journal order.
pub(crate) struct Journal {
    path: PathBuf,
    file: File,
    /// Bytes in the journal file.
    len: u64,
    /// Bytes the last snapshot took; the journal is rewritten when it grows
    /// past twice that (and past a floor, so small catalogs are left alone).
    snapshot_len: u64,
    /// Journals smaller than this are never rewritten.
    compact_floor: u64,
    /// The replayed state, kept current so a snapshot needs no other input.
    pub state: CatalogState,
}

const COMPACT_FLOOR: u64 = 1 << 20;

fn encode(record: &Record) -> Vec<u8> {
    let body = serde_json::to_vec(record).expect("catalog records serialize");
    let mut frame = Vec::with_capacity(body.len() + FRAME_HEADER);
    codec::put_frame(&mut frame, codec::CATALOG_MAGIC, &body);
    frame
}

/// What opening the journal found.
pub(crate) struct Opened {
    pub journal: Journal,
    /// True if a torn or damaged tail was cut off.
    pub truncated: bool,
}

impl Journal {
    /// Opens (or creates) the journal in `dir` and replays it.
    pub(crate) fn open(dir: &Path) -> Result<Opened> {
        let path = dir.join("catalog.log");
        let context = || format!("opening the catalog {}", path.display());
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(LogError::io(context())(e)),
        };
        let mut state = CatalogState::default();
        let mut at = 0;
        let damaged = |reason: String| LogError::Io {
            context: format!("replaying the catalog {}", path.display()),
            source: io::Error::new(io::ErrorKind::InvalidData, reason),
        };
        while let Some(body) = codec::frame_body(&bytes[at..], codec::CATALOG_MAGIC) {
            // A whole, checksummed record that does not parse was written by
            // something else (another version?): refuse to guess, rather
            // than cut it and everything after it off.
            let record: Record = serde_json::from_slice(body)
                .map_err(|e| damaged(format!("record at offset {at} is not understood: {e}")))?;
            state.apply(record).map_err(damaged)?;
            at += FRAME_HEADER + body.len();
        }
        let truncated = at < bytes.len();
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(LogError::io(context()))?;
        if truncated {
            tracing::warn!(
                path = %path.display(),
                kept = at,
                dropped = bytes.len() - at,
                "catalog journal has a torn tail; truncating it"
            );
            file.set_len(at as u64).map_err(LogError::io(context()))?;
            file.sync_all().map_err(LogError::io(context()))?;
        }
        if bytes.is_empty() {
            sync_dir(dir)?;
        }
        let journal = Journal {
            path,
            file,
            len: at as u64,
            snapshot_len: at as u64,
            compact_floor: COMPACT_FLOOR,
            state,
        };
        Ok(Opened { journal, truncated })
    }

    /// Appends `record` durably, then applies it to the replayed state.
    pub(crate) fn append(&mut self, record: Record) -> Result<()> {
        let frame = encode(&record);
        let context = || format!("writing the catalog {}", self.path.display());
        use std::os::unix::fs::FileExt;
        let written = self
            .file
            .write_all_at(&frame, self.len)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            // Leave no partial record behind for the next append to follow.
            let _ = self.file.set_len(self.len);
            return Err(LogError::io(context())(e));
        }
        self.len += frame.len() as u64;
        self.state.apply(record).map_err(|reason| LogError::Io {
            context: context(),
            source: io::Error::new(io::ErrorKind::InvalidData, reason),
        })?;
        if self.len > self.compact_floor && self.len > 2 * self.snapshot_len {
            self.compact()?;
        }
        Ok(())
    }

    /// Rewrites the journal as a snapshot of the current state.
    fn compact(&mut self) -> Result<()> {
        let tmp = self.path.with_extension("log.tmp");
        let context = || format!("compacting the catalog {}", self.path.display());
        let mut bytes = Vec::new();
        for record in self.state.snapshot() {
            bytes.extend_from_slice(&encode(&record));
        }
        let mut file = File::create(&tmp).map_err(LogError::io(context()))?;
        file.write_all(&bytes)
            .and_then(|()| file.sync_all())
            .map_err(LogError::io(context()))?;
        fs::rename(&tmp, &self.path).map_err(LogError::io(context()))?;
        sync_dir(self.path.parent().unwrap_or(Path::new(".")))?;
        self.file = file;
        self.len = bytes.len() as u64;
        self.snapshot_len = self.len;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: u64, name: &str) -> Record {
        Record::CreateGroup {
            id,
            name: name.into(),
            created_ms: 1,
            retention_days: None,
            tags: BTreeMap::new(),
        }
    }

    #[test]
    fn replay_restores_state_and_truncates_a_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut j = Journal::open(dir.path()).unwrap().journal;
            j.append(group(0, "a")).unwrap();
            j.append(Record::SetRetention {
                id: 0,
                days: Some(7),
            })
            .unwrap();
            j.append(Record::CreateStream {
                id: 0,
                group: 0,
                name: "s".into(),
                created_ms: 2,
            })
            .unwrap();
            j.append(group(1, "b")).unwrap();
            j.append(Record::DeleteGroup { id: 1 }).unwrap();
        }
        let path = dir.path().join("catalog.log");
        let whole = fs::read(&path).unwrap();
        // A torn write of one more record.
        let mut torn = whole.clone();
        torn.extend_from_slice(&encode(&group(2, "c"))[..20]);
        fs::write(&path, &torn).unwrap();

        let opened = Journal::open(dir.path()).unwrap();
        assert!(opened.truncated);
        let state = &opened.journal.state;
        assert_eq!(state.groups.len(), 1);
        assert_eq!(state.groups[&0].retention_days, Some(7));
        assert_eq!(state.streams[&0].name, "s");
        assert_eq!(state.next_group, 2, "deleted IDs are not reused");
        assert_eq!(fs::read(&path).unwrap(), whole);
    }

    #[test]
    fn an_intact_record_that_does_not_parse_stops_the_open() {
        let dir = tempfile::tempdir().unwrap();
        Journal::open(dir.path())
            .unwrap()
            .journal
            .append(group(0, "a"))
            .unwrap();
        let path = dir.path().join("catalog.log");
        let mut bytes = fs::read(&path).unwrap();
        codec::put_frame(
            &mut bytes,
            codec::CATALOG_MAGIC,
            br#"{"op":"FromTheFuture"}"#,
        );
        fs::write(&path, &bytes).unwrap();
        assert!(Journal::open(dir.path()).is_err());
        assert_eq!(fs::read(&path).unwrap(), bytes, "nothing was cut off");
    }

    #[test]
    fn compaction_keeps_state_and_counters() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(dir.path()).unwrap().journal;
        j.compact_floor = 4096;
        j.append(group(0, "keep")).unwrap();
        // Churn: every group but the first is deleted again.
        let mut id = 1;
        let mut compactions = 0;
        while compactions < 2 {
            let before = j.len;
            j.append(group(id, &"x".repeat(200))).unwrap();
            j.append(Record::DeleteGroup { id }).unwrap();
            if j.len < before {
                compactions += 1;
            }
            id += 1;
        }
        j.append(group(id, "last")).unwrap();
        assert!(j.len < 4096, "compacted to {}", j.len);
        drop(j);
        let state = Journal::open(dir.path()).unwrap().journal.state;
        let names: Vec<_> = state.groups.values().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["keep", "last"]);
        assert_eq!(state.next_group, id + 1);
    }
}
