//! Segment files and their sparse index.
//!
//! A stream's events live in append-only segment files
//! `seg-<first sequence number, 20 digits>.log`, each a sequence of batch
//! frames (`codec.rs`). A segment's index is a list of [`Block`]s: runs of
//! whole consecutive batches of about 64 KiB, each with its time range,
//! ingestion-time range and sequence range. Reads pick blocks by time range
//! and read each with one `pread`; memory is one block entry per 64 KiB of
//! data (about 0.1% of the data), never one per event.
//!
//! When a segment is sealed (the stream rolls to a new one) its index is
//! written next to it as `seg-<n>.idx`, so opening the engine reads the
//! sidecar instead of the whole segment. A missing or damaged sidecar, or one
//! for a different file length, is ignored and the segment is scanned. The
//! last segment of a stream is always scanned on open, and a torn tail
//! (anything after the last whole, checksummed batch) is truncated.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::codec::{self, BatchHeader, ByteReader, ByteWriter, FRAME_HEADER};
use crate::error::{LogError, Result};
use crate::Position;

/// Time, ingestion-time and ingestion-sequence ranges of a set of events;
/// empty ranges are `(MAX, MIN)` so they never overlap anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub count: u64,
    pub min_ts: i64,
    pub max_ts: i64,
    pub min_ingest: i64,
    pub max_ingest: i64,
    pub min_seq: u64,
    pub max_seq: u64,
}

impl Default for Span {
    fn default() -> Self {
        Span {
            count: 0,
            min_ts: i64::MAX,
            max_ts: i64::MIN,
            min_ingest: i64::MAX,
            max_ingest: i64::MIN,
            min_seq: u64::MAX,
            max_seq: u64::MIN,
        }
    }
}

impl Span {
    /// The span of one batch (empty for a checkpoint).
    pub(crate) fn of(batch: &BatchHeader) -> Span {
        if batch.count == 0 {
            return Span::default();
        }
        Span {
            count: u64::from(batch.count),
            min_ts: batch.min_ts,
            max_ts: batch.max_ts,
            min_ingest: batch.ingestion_time,
            max_ingest: batch.ingestion_time,
            min_seq: batch.ingest_seq,
            max_seq: batch.ingest_seq,
        }
    }

    pub(crate) fn merge(&mut self, other: &Span) {
        if other.count == 0 {
            return;
        }
        self.count += other.count;
        self.min_ts = self.min_ts.min(other.min_ts);
        self.max_ts = self.max_ts.max(other.max_ts);
        self.min_ingest = self.min_ingest.min(other.min_ingest);
        self.max_ingest = self.max_ingest.max(other.max_ingest);
        self.min_seq = self.min_seq.min(other.min_seq);
        self.max_seq = self.max_seq.max(other.max_seq);
    }
}

/// A run of whole consecutive batches in a segment file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    pub offset: u64,
    pub len: u64,
    pub span: Span,
}

/// The published state of one segment: what readers may see.
#[derive(Debug, Clone)]
pub(crate) struct SegmentIndex {
    pub path: PathBuf,
    pub first_seq: u64,
    /// Sequence number after the last batch (equal to `first_seq` if empty).
    pub next_seq: u64,
    /// Bytes of whole batches; readers never read past it.
    pub len: u64,
    pub blocks: Vec<Block>,
    pub span: Span,
    /// The last producer position stored in this segment, if any.
    pub last_position: Option<Position>,
    /// The highest ingestion sequence number of any batch here, checkpoints
    /// included, so sequence numbers keep increasing across restarts.
    pub last_ingest_seq: u64,
}

impl SegmentIndex {
    pub(crate) fn new(path: PathBuf, first_seq: u64) -> Self {
        SegmentIndex {
            path,
            first_seq,
            next_seq: first_seq,
            len: 0,
            blocks: Vec::new(),
            span: Span::default(),
            last_position: None,
            last_ingest_seq: 0,
        }
    }

    /// Records a batch frame of `frame_len` bytes written at `self.len`.
    pub(crate) fn push_batch(&mut self, batch: &BatchHeader, frame_len: u64, block_target: u64) {
        let offset = self.len;
        match self.blocks.last_mut() {
            Some(block) if block.len < block_target && block.offset + block.len == offset => {
                block.len += frame_len;
                block.span.merge(&Span::of(batch));
            }
            _ => {
                self.blocks.push(Block {
                    offset,
                    len: frame_len,
                    span: Span::of(batch),
                });
            }
        }
        self.len += frame_len;
        self.span.merge(&Span::of(batch));
        self.last_ingest_seq = self.last_ingest_seq.max(batch.ingest_seq);
        self.next_seq = batch.first_seq + u64::from(batch.count);
        if batch.position.is_some() {
            self.last_position = batch.position;
        }
    }
}

pub(crate) fn segment_file_name(first_seq: u64) -> String {
    format!("seg-{first_seq:020}.log")
}

/// The first sequence number in a segment file name, if it is one.
pub(crate) fn parse_segment_file_name(name: &str) -> Option<u64> {
    let digits = name.strip_prefix("seg-")?.strip_suffix(".log")?;
    (digits.len() == 20 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn sidecar_path(segment: &Path) -> PathBuf {
    segment.with_extension("idx")
}

/// What scanning a segment file found.
pub(crate) struct Scanned {
    pub index: SegmentIndex,
    /// Bytes in the file beyond the last whole batch.
    pub garbage: u64,
}

/// Reads every batch of a segment file and builds its index. Stops at the
/// first frame that is not a whole, checksummed, well-formed batch.
pub(crate) fn scan(path: &Path, first_seq: u64, block_target: u64) -> Result<Scanned> {
    let context = || format!("reading segment {}", path.display());
    let file = File::open(path).map_err(LogError::io(context()))?;
    let file_len = file.metadata().map_err(LogError::io(context()))?.len();
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut index = SegmentIndex::new(path.to_path_buf(), first_seq);
    let mut header = [0u8; FRAME_HEADER];
    let mut body = Vec::new();
    loop {
        if !read_full(&mut reader, &mut header).map_err(LogError::io(context()))? {
            break;
        }
        let Some(frame) = codec::frame_header(&header, codec::BATCH_MAGIC) else {
            break;
        };
        body.resize(frame.body_len, 0);
        if !read_full(&mut reader, &mut body).map_err(LogError::io(context()))? {
            break;
        }
        if crc32fast::hash(&body) != frame.crc {
            break;
        }
        let Some((batch, events)) = codec::decode_batch_header(&body) else {
            break;
        };
        // Sequence numbers are contiguous within a stream; a batch that does
        // not continue them is not ours to trust.
        if batch.first_seq != index.next_seq
            || codec::BatchEvents::new(&batch, events).any(|e| e.is_err())
        {
            break;
        }
        index.push_batch(&batch, (FRAME_HEADER + frame.body_len) as u64, block_target);
    }
    Ok(Scanned {
        garbage: file_len - index.len,
        index,
    })
}

/// Fills `buf` from `reader`; `false` if the input ended first.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<bool> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => return Ok(false),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// Writes a sealed segment's index next to it. It is only a cache of what a
/// scan would find, so it is not fsynced: a damaged one is detected by its
/// checksum and ignored.
pub(crate) fn write_sidecar(index: &SegmentIndex) -> Result<()> {
    let mut w = ByteWriter::default();
    w.u64(index.first_seq)
        .u64(index.next_seq)
        .u64(index.len)
        .u64(index.last_ingest_seq)
        .u32(index.blocks.len() as u32);
    put_span(&mut w, &index.span);
    match index.last_position {
        Some(p) => w.u8(1).i64(p.time_ns).u32(p.index),
        None => w.u8(0),
    };
    for block in &index.blocks {
        w.u64(block.offset).u64(block.len);
        put_span(&mut w, &block.span);
    }
    let mut frame = Vec::with_capacity(w.0.len() + FRAME_HEADER);
    codec::put_frame(&mut frame, codec::INDEX_MAGIC, &w.0);
    let path = sidecar_path(&index.path);
    let tmp = path.with_extension("idx.tmp");
    let context = || format!("writing segment index {}", path.display());
    let mut file = File::create(&tmp).map_err(LogError::io(context()))?;
    file.write_all(&frame).map_err(LogError::io(context()))?;
    drop(file);
    fs::rename(&tmp, &path).map_err(LogError::io(context()))
}

fn put_span(w: &mut ByteWriter, span: &Span) {
    w.u64(span.count)
        .i64(span.min_ts)
        .i64(span.max_ts)
        .i64(span.min_ingest)
        .i64(span.max_ingest)
        .u64(span.min_seq)
        .u64(span.max_seq);
}

fn get_span(r: &mut ByteReader<'_>) -> Option<Span> {
    Some(Span {
        count: r.u64()?,
        min_ts: r.i64()?,
        max_ts: r.i64()?,
        min_ingest: r.i64()?,
        max_ingest: r.i64()?,
        min_seq: r.u64()?,
        max_seq: r.u64()?,
    })
}

/// Loads a sealed segment's sidecar index if it is intact and describes a
/// file of `file_len` bytes starting at `first_seq`.
pub(crate) fn read_sidecar(segment: &Path, first_seq: u64, file_len: u64) -> Option<SegmentIndex> {
    let bytes = fs::read(sidecar_path(segment)).ok()?;
    let body = codec::frame_body(&bytes, codec::INDEX_MAGIC)?;
    let mut r = ByteReader(body);
    let stored_first = r.u64()?;
    let next_seq = r.u64()?;
    let len = r.u64()?;
    let last_ingest_seq = r.u64()?;
    let block_count = r.u32()? as usize;
    let span = get_span(&mut r)?;
    let last_position = match r.u8()? {
        0 => None,
        1 => Some(Position {
            time_ns: r.i64()?,
            index: r.u32()?,
        }),
        _ => return None,
    };
    if stored_first != first_seq || len != file_len || block_count > (len as usize / 16).max(1) {
        return None;
    }
    let mut blocks = Vec::with_capacity(block_count);
    let mut expected_offset = 0;
    for _ in 0..block_count {
        let block = Block {
            offset: r.u64()?,
            len: r.u64()?,
            span: get_span(&mut r)?,
        };
        if block.offset != expected_offset {
            return None;
        }
        expected_offset = block.offset + block.len;
        blocks.push(block);
    }
    if !r.is_empty() || expected_offset != len {
        return None;
    }
    let mut merged = Span::default();
    blocks.iter().for_each(|b| merged.merge(&b.span));
    if merged != span {
        return None;
    }
    Some(SegmentIndex {
        path: segment.to_path_buf(),
        first_seq,
        next_seq,
        len,
        blocks,
        span,
        last_position,
        last_ingest_seq,
    })
}

/// Opens a segment for appending at its current end, creating it (and
/// making the new directory entry durable) if needed.
pub(crate) fn open_for_append(path: &Path, create: bool) -> Result<File> {
    let context = || format!("opening segment {} for writing", path.display());
    if create {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(LogError::io(context()))?;
        sync_dir(path.parent().unwrap_or(Path::new(".")))?;
        Ok(file)
    } else {
        OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(LogError::io(context()))
    }
}

/// Makes a directory's entries (created, renamed or removed files) durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(LogError::io(format!("syncing directory {}", dir.display())))
}

/// Removes a segment and its sidecar. A file already gone is fine.
pub(crate) fn remove(index: &SegmentIndex) -> Result<()> {
    for path in [index.path.clone(), sidecar_path(&index.path)] {
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(LogError::io(format!("removing {}", path.display()))(e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::EventRef;

    fn batch(first_seq: u64, ts: &[i64], ingest: i64) -> (BatchHeader, Vec<u8>) {
        let header = BatchHeader {
            count: ts.len() as u32,
            first_seq,
            ingestion_time: ingest,
            min_ts: *ts.iter().min().unwrap(),
            max_ts: *ts.iter().max().unwrap(),
            ingest_seq: first_seq + 1,
            position: None,
        };
        let events = ts.iter().map(|&t| EventRef {
            timestamp: t,
            message: b"hello",
        });
        let mut out = Vec::new();
        codec::encode_batch(&mut out, &header, events);
        (header, out)
    }

    #[test]
    fn file_names_round_trip() {
        assert_eq!(parse_segment_file_name(&segment_file_name(42)), Some(42));
        assert_eq!(parse_segment_file_name("seg-42.log"), None);
        assert_eq!(
            parse_segment_file_name("seg-0000000000000000004x.log"),
            None
        );
        assert_eq!(
            parse_segment_file_name("seg-00000000000000000042.idx"),
            None
        );
    }

    #[test]
    fn blocks_group_batches_up_to_the_target_size() {
        let mut index = SegmentIndex::new(PathBuf::from("x"), 0);
        let mut seq = 0;
        for i in 0..10 {
            let (header, frame) = batch(seq, &[i * 10, i * 10 + 5], 100 + i);
            seq += 2;
            index.push_batch(&header, frame.len() as u64, 3 * frame.len() as u64);
        }
        // Blocks close once they reach the target: 3 batches each, 4 blocks.
        assert_eq!(index.blocks.len(), 4);
        assert_eq!(index.blocks[0].span.min_ts, 0);
        assert_eq!(index.blocks[0].span.max_ts, 25);
        assert_eq!(index.blocks[3].span.count, 2);
        assert_eq!(index.span.count, 20);
        assert_eq!(index.next_seq, 20);
        let total: u64 = index.blocks.iter().map(|b| b.len).sum();
        assert_eq!(total, index.len);
    }

    #[test]
    fn scan_stops_at_a_torn_tail_and_sidecar_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(segment_file_name(5));
        let mut bytes = Vec::new();
        let mut seq = 5;
        for i in 0..4 {
            let (_, frame) = batch(seq, &[i, i + 1, i + 2], 7);
            seq += 3;
            bytes.extend_from_slice(&frame);
        }
        let whole = bytes.len() as u64;
        let (_, last) = batch(seq, &[9], 7);
        bytes.extend_from_slice(&last[..last.len() - 3]);
        fs::write(&path, &bytes).unwrap();

        let scanned = scan(&path, 5, 64).unwrap();
        assert_eq!(scanned.index.len, whole);
        assert_eq!(scanned.garbage, last.len() as u64 - 3);
        assert_eq!(scanned.index.next_seq, 17);
        assert_eq!(scanned.index.span.count, 12);

        // A sidecar is only trusted for the file length it describes.
        write_sidecar(&scanned.index).unwrap();
        let loaded = read_sidecar(&path, 5, whole).expect("sidecar");
        assert_eq!(loaded.blocks, scanned.index.blocks);
        assert_eq!(loaded.span, scanned.index.span);
        assert!(read_sidecar(&path, 5, whole + 1).is_none());
        assert!(read_sidecar(&path, 6, whole).is_none());
        let sidecar = sidecar_path(&path);
        let mut damaged = fs::read(&sidecar).unwrap();
        let at = damaged.len() / 2;
        damaged[at] ^= 1;
        fs::write(&sidecar, damaged).unwrap();
        assert!(read_sidecar(&path, 5, whole).is_none());
    }

    #[test]
    fn scan_refuses_batches_that_break_the_sequence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(segment_file_name(0));
        let (_, first) = batch(0, &[1, 2], 1);
        let (_, skipped) = batch(5, &[3], 1);
        fs::write(&path, [first.clone(), skipped].concat()).unwrap();
        let scanned = scan(&path, 0, 64).unwrap();
        assert_eq!(scanned.index.len, first.len() as u64);
        assert_eq!(scanned.index.next_seq, 2);
    }
}
