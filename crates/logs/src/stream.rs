//! One log stream on disk: its directory of segments, the append path, crash
//! recovery on open, and retention.
//!
//! Appends to a stream are serialized by its write lock. An append encodes
//! the batch as one frame, writes it at the end of the active segment with
//! one `pwrite`, makes it durable with one `fdatasync`, and only then
//! publishes it: the stream's index (behind a read-write lock that readers
//! hold only to copy a list of `Arc`s) gains the batch, so a reader sees
//! exactly the acknowledged batches, each whole. A failed write is cut off
//! again before the error is returned.
//!
//! Segments roll when they would pass the size limit or span more than the
//! time limit (so retention, which only deletes whole segments, frees space
//! in time). Producer positions travel in the batch frames, so the last one
//! stored is recovered with the data it describes; when retention deletes
//! every segment with events, a checkpoint frame carries the next sequence
//! number and last position into a fresh segment.

use std::fs;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard};

use crate::clock::IngestClock;
use crate::codec::{self, BatchHeader, EventRef};
use crate::error::{LogError, Result};
use crate::rules::{self, BatchPlan};
use crate::segment::{self, SegmentIndex, Span};
use crate::{NewEvent, Position};

/// Storage tuning shared by all streams.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tuning {
    pub segment_max_bytes: u64,
    pub segment_max_span_ms: i64,
    pub block_bytes: u64,
}

pub(crate) struct Stream {
    pub id: u64,
    pub group_name: Arc<str>,
    pub name: String,
    pub created_ms: i64,
    dir: PathBuf,
    write: Mutex<WriteState>,
    index: RwLock<StreamIndex>,
}

#[derive(Default)]
struct WriteState {
    deleted: bool,
    /// A write failed and could not be cut off: the file may hold a partial
    /// frame where the next batch would go.
    broken: bool,
    dir_ready: bool,
}

/// The published state of a stream.
#[derive(Debug, Clone, Default)]
pub(crate) struct StreamIndex {
    pub segments: Vec<Arc<SegmentIndex>>,
    pub next_seq: u64,
    pub last_position: Option<Position>,
    pub span: Span,
    pub stored_bytes: u64,
    /// The highest ingestion sequence number stored (checkpoints included).
    pub last_ingest_seq: u64,
}

impl StreamIndex {
    fn from_segments(segments: Vec<Arc<SegmentIndex>>, fallback: &StreamIndex) -> StreamIndex {
        let mut span = Span::default();
        let mut stored_bytes = 0;
        let mut last_ingest_seq = fallback.last_ingest_seq;
        for seg in &segments {
            span.merge(&seg.span);
            stored_bytes += seg.len;
            last_ingest_seq = last_ingest_seq.max(seg.last_ingest_seq);
        }
        let next_seq = segments
            .last()
            .map_or(fallback.next_seq, |s| s.next_seq.max(fallback.next_seq));
        let last_position = segments
            .iter()
            .rev()
            .find_map(|s| s.last_position)
            .or(fallback.last_position);
        StreamIndex {
            segments,
            next_seq,
            last_position,
            span,
            stored_bytes,
            last_ingest_seq,
        }
    }
}

/// Reusable frame buffers: encoding a large batch into a fresh allocation
/// costs a page fault per 4 KiB, more than the encoding. A few buffers are
/// kept (bounded in number and size) and shared by all streams.
#[derive(Default)]
pub(crate) struct FrameBuffers(Mutex<Vec<Vec<u8>>>);

impl FrameBuffers {
    const KEEP: usize = 8;
    const MAX_KEPT_BYTES: usize = 2 << 20;

    fn take(&self) -> Vec<u8> {
        lock(&self.0).pop().unwrap_or_default()
    }

    fn give(&self, mut buffer: Vec<u8>) {
        if buffer.capacity() <= Self::MAX_KEPT_BYTES {
            buffer.clear();
            let mut kept = lock(&self.0);
            if kept.len() < Self::KEEP {
                kept.push(buffer);
            }
        }
    }
}

/// What one append stored.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Appended {
    pub stored: usize,
    pub duplicates: usize,
    pub ingestion_time: Option<i64>,
    pub bytes: u64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Stream {
    /// Opens a stream's directory, recovering its segments: sealed ones from
    /// their sidecar index (or a scan), the last one by a scan that truncates
    /// a torn tail.
    pub(crate) fn open(
        id: u64,
        group_name: Arc<str>,
        name: String,
        created_ms: i64,
        dir: PathBuf,
        tuning: &Tuning,
    ) -> Result<Stream> {
        let mut files = Vec::new();
        let dir_ready = match fs::read_dir(&dir) {
            Ok(entries) => {
                for entry in entries {
                    let entry =
                        entry.map_err(LogError::io(format!("listing {}", dir.display())))?;
                    let file_name = entry.file_name();
                    let file_name = file_name.to_string_lossy();
                    if let Some(first_seq) = segment::parse_segment_file_name(&file_name) {
                        files.push((first_seq, entry.path()));
                    } else if file_name.ends_with(".tmp") {
                        let _ = fs::remove_file(entry.path());
                    }
                }
                true
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => return Err(LogError::io(format!("listing {}", dir.display()))(e)),
        };
        files.sort();
        let mut segments = Vec::with_capacity(files.len());
        let count = files.len();
        for (i, (first_seq, path)) in files.into_iter().enumerate() {
            let last = i + 1 == count;
            let file_len = fs::metadata(&path)
                .map_err(LogError::io(format!("reading {}", path.display())))?
                .len();
            let index = match (!last)
                .then(|| segment::read_sidecar(&path, first_seq, file_len))
                .flatten()
            {
                Some(index) => index,
                None => {
                    let scanned = segment::scan(&path, first_seq, tuning.block_bytes)?;
                    if scanned.garbage > 0 {
                        if last {
                            tracing::warn!(
                                path = %path.display(),
                                bytes = scanned.garbage,
                                "truncating a torn tail left by a crash"
                            );
                            truncate(&path, scanned.index.len)?;
                        } else {
                            tracing::error!(
                                path = %path.display(),
                                bytes = scanned.garbage,
                                "sealed segment is damaged; keeping its valid prefix"
                            );
                        }
                    }
                    scanned.index
                }
            };
            if index.len == 0 && !last {
                let _ = fs::remove_file(&path);
                continue;
            }
            segments.push(Arc::new(index));
        }
        let index = StreamIndex::from_segments(segments, &StreamIndex::default());
        Ok(Stream {
            id,
            group_name,
            name,
            created_ms,
            dir,
            write: Mutex::new(WriteState {
                dir_ready,
                ..WriteState::default()
            }),
            index: RwLock::new(index),
        })
    }

    fn read_index(&self) -> RwLockReadGuard<'_, StreamIndex> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn publish(&self, f: impl FnOnce(&mut StreamIndex)) {
        let mut index = self.index.write().unwrap_or_else(|e| e.into_inner());
        f(&mut index);
    }

    /// The published segments, for a reader.
    pub(crate) fn segments(&self) -> Vec<Arc<SegmentIndex>> {
        self.read_index().segments.clone()
    }

    /// A copy of the published summary (without segments).
    pub(crate) fn summary(&self) -> (Span, u64, Option<Position>) {
        let index = self.read_index();
        (index.span, index.stored_bytes, index.last_position)
    }

    /// The highest ingestion sequence number stored.
    pub(crate) fn last_ingest_seq(&self) -> u64 {
        self.read_index().last_ingest_seq
    }

    fn not_found(&self) -> LogError {
        LogError::StreamNotFound {
            group: self.group_name.to_string(),
            stream: self.name.clone(),
        }
    }

    /// Stores the valid part of a planned batch, minus the events at or below
    /// the stream's last producer position. Durable on return.
    pub(crate) fn append(
        &self,
        events: &[NewEvent<'_>],
        plan: &BatchPlan,
        clock: &IngestClock,
        tuning: &Tuning,
        buffers: &FrameBuffers,
    ) -> Result<Appended> {
        let mut write = lock(&self.write);
        if write.deleted {
            return Err(self.not_found());
        }
        if write.broken {
            return Err(LogError::StreamBroken(self.name.clone()));
        }
        let (next_seq, last_position, active) = {
            let index = self.read_index();
            (
                index.next_seq,
                index.last_position,
                index.segments.last().cloned(),
            )
        };
        let valid = &events[plan.start..plan.end];
        let duplicates = rules::already_stored(valid, last_position);
        let to_store = &valid[duplicates..];
        let (Some(first), Some(last)) = (to_store.first(), to_store.last()) else {
            return Ok(Appended {
                duplicates,
                ..Appended::default()
            });
        };

        let stamp = clock.stamp();
        let header = BatchHeader {
            count: to_store.len() as u32,
            first_seq: next_seq,
            ingestion_time: stamp.time,
            min_ts: first.timestamp,
            max_ts: last.timestamp,
            ingest_seq: stamp.seq,
            position: last.position,
        };
        let mut frame = buffers.take();
        codec::encode_batch(
            &mut frame,
            &header,
            to_store.iter().map(|e| EventRef {
                timestamp: e.timestamp,
                message: e.message.as_bytes(),
            }),
        );
        let frame_len = frame.len() as u64;
        let written = self.write_batch(&mut write, &header, &frame, active, tuning);
        buffers.give(frame);
        written?;
        let ingestion_time = stamp.time;
        // Only now, with the batch visible, may the horizon pass its number.
        drop(stamp);
        Ok(Appended {
            stored: to_store.len(),
            duplicates,
            ingestion_time: Some(ingestion_time),
            bytes: frame_len,
        })
    }

    /// Writes an encoded batch to the active segment (rolling to a new one if
    /// needed), makes it durable, and publishes it.
    fn write_batch(
        &self,
        write: &mut WriteState,
        header: &BatchHeader,
        frame: &[u8],
        active: Option<Arc<SegmentIndex>>,
        tuning: &Tuning,
    ) -> Result<()> {
        let next_seq = header.first_seq;
        let frame_len = frame.len() as u64;

        let roll = active.as_ref().is_none_or(|seg| {
            seg.span.count > 0
                && (seg.len + frame_len > tuning.segment_max_bytes
                    || seg.span.max_ts.max(header.max_ts) - seg.span.min_ts.min(header.min_ts)
                        > tuning.segment_max_span_ms)
        });
        let new_segment = if roll {
            if let Some(sealed) = &active {
                if let Err(e) = segment::write_sidecar(sealed) {
                    // Only a cache: opening scans the segment instead.
                    tracing::warn!(error = %e, "could not write a segment index sidecar");
                }
            }
            self.ensure_dir(write)?;
            Some(SegmentIndex::new(
                self.dir.join(segment::segment_file_name(next_seq)),
                next_seq,
            ))
        } else {
            None
        };
        let (path, offset) = match (&new_segment, &active) {
            (Some(seg), _) => (seg.path.clone(), seg.len),
            (None, Some(seg)) => (seg.path.clone(), seg.len),
            (None, None) => unreachable!("no active segment means a roll"),
        };
        // Let go of the active segment so publishing updates it in place
        // instead of copying its block list.
        drop(active);
        self.write_frame(write, &path, offset, frame, roll)?;

        self.publish(|index| {
            if let Some(seg) = new_segment {
                index.segments.push(Arc::new(seg));
            }
            let seg = Arc::make_mut(index.segments.last_mut().expect("a segment"));
            seg.push_batch(header, frame_len, tuning.block_bytes);
            index.next_seq = seg.next_seq;
            if header.position.is_some() {
                index.last_position = header.position;
            }
            index.span.merge(&Span::of(header));
            index.stored_bytes += frame_len;
            index.last_ingest_seq = index.last_ingest_seq.max(header.ingest_seq);
        });
        Ok(())
    }

    fn ensure_dir(&self, write: &mut WriteState) -> Result<()> {
        if !write.dir_ready {
            fs::create_dir_all(&self.dir)
                .map_err(LogError::io(format!("creating {}", self.dir.display())))?;
            segment::sync_dir(self.dir.parent().unwrap_or(Path::new(".")))?;
            write.dir_ready = true;
        }
        Ok(())
    }

    /// Writes `frame` at `offset` of `path` and makes it durable. On failure
    /// the file is cut back to `offset`; if even that fails the stream is
    /// marked broken.
    fn write_frame(
        &self,
        write: &mut WriteState,
        path: &Path,
        offset: u64,
        frame: &[u8],
        create: bool,
    ) -> Result<()> {
        let context = || format!("appending to {}", path.display());
        let file = if create {
            let file = fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(path)
                .map_err(LogError::io(context()))?;
            segment::sync_dir(&self.dir)?;
            file
        } else {
            segment::open_for_append(path, false)?
        };
        let written = file
            .write_all_at(frame, offset)
            .and_then(|()| file.sync_data());
        if let Err(e) = written {
            if file
                .set_len(offset)
                .and_then(|()| file.sync_data())
                .is_err()
            {
                write.broken = true;
            }
            return Err(LogError::io(context())(e));
        }
        Ok(())
    }

    /// Marks the stream deleted (appends fail from now on, and wait for one
    /// in progress) and returns the bytes it held.
    pub(crate) fn mark_deleted(&self) -> u64 {
        let mut write = lock(&self.write);
        write.deleted = true;
        self.read_index().stored_bytes
    }

    /// Removes the stream's files; call after [`Stream::mark_deleted`].
    pub(crate) fn remove_files(&self) -> Result<()> {
        remove_dir(&self.dir)
    }

    /// Deletes the segments whose newest event is older than `cutoff`
    /// (whole files, never rewritten). Returns (segments, bytes) freed.
    pub(crate) fn expire(&self, cutoff: i64, now_ms: i64) -> Result<(usize, u64)> {
        let mut write = lock(&self.write);
        if write.deleted || write.broken {
            return Ok((0, 0));
        }
        let current = self.read_index().clone();
        let last = current.segments.len().saturating_sub(1);
        let expired = |i: usize, seg: &SegmentIndex| {
            if seg.span.count == 0 {
                // Checkpoints only matter while they are the last segment.
                i != last
            } else {
                seg.span.max_ts < cutoff
            }
        };
        let victims: Vec<Arc<SegmentIndex>> = current
            .segments
            .iter()
            .enumerate()
            .filter(|(i, seg)| expired(*i, seg))
            .map(|(_, seg)| Arc::clone(seg))
            .collect();
        if victims.is_empty() {
            return Ok((0, 0));
        }
        let mut kept: Vec<Arc<SegmentIndex>> = current
            .segments
            .iter()
            .enumerate()
            .filter(|(i, seg)| !expired(*i, seg))
            .map(|(_, seg)| Arc::clone(seg))
            .collect();
        if kept.last().map(|seg| &seg.path) != current.segments.last().map(|seg| &seg.path) {
            // The last segment goes: first carry the next sequence number and
            // the last producer position into a new one, so neither is lost.
            kept.push(Arc::new(
                self.write_checkpoint(&mut write, &current, now_ms)?,
            ));
        }
        self.publish(|index| *index = StreamIndex::from_segments(kept, &current));
        let mut freed = 0;
        for seg in &victims {
            segment::remove(seg)?;
            freed += seg.len;
        }
        segment::sync_dir(&self.dir)?;
        Ok((victims.len(), freed))
    }

    fn write_checkpoint(
        &self,
        write: &mut WriteState,
        current: &StreamIndex,
        now_ms: i64,
    ) -> Result<SegmentIndex> {
        let header = BatchHeader {
            count: 0,
            first_seq: current.next_seq,
            ingestion_time: now_ms,
            min_ts: 0,
            max_ts: 0,
            ingest_seq: current.last_ingest_seq,
            position: current.last_position,
        };
        let mut frame = Vec::new();
        codec::encode_batch(&mut frame, &header, std::iter::empty());
        let mut seg = SegmentIndex::new(
            self.dir.join(segment::segment_file_name(current.next_seq)),
            current.next_seq,
        );
        self.write_frame(write, &seg.path, 0, &frame, true)?;
        seg.push_batch(&header, frame.len() as u64, u64::MAX);
        Ok(seg)
    }
}

fn truncate(path: &Path, len: u64) -> Result<()> {
    let context = || format!("truncating {}", path.display());
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(LogError::io(context()))?;
    file.set_len(len)
        .and_then(|()| file.sync_all())
        .map_err(LogError::io(context()))
}

pub(crate) fn remove_dir(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(LogError::io(format!("removing {}", dir.display()))(e)),
    }
}
