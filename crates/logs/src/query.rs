//! The read path shared by GetLogEvents and FilterLogEvents: find the next
//! page of events, in key order, after a cursor, within a time window, with
//! bounded memory and bounded work.
//!
//! Events are ordered by [`Key`] `(timestamp, ingestion time, stream, seq)`
//! (CloudWatch sorts FilterLogEvents by timestamp, then ingestion time, then
//! request). A stream's batches need not be in timestamp order (CloudWatch
//! accepts older batches after newer ones), so a page is not a prefix of the
//! file: the scan takes the candidate blocks (those whose time range meets
//! the window and lies past the cursor) in order of their first timestamp,
//! and keeps the best `limit` events (and at most 1 MiB of them) in a heap.
//! An event that falls off the heap sets a bound; once the next block starts
//! past the bound nothing later can enter the page and the scan stops. For
//! streams written in time order that is right after the page is full.
//!
//! A scan also stops after reading a byte budget (as CloudWatch returns
//! partial or empty pages with a token when a filter matches little): only
//! events before the first unread block are final, and the cursor moves to
//! there so the next call continues and always makes progress.
//!
//! Backward scans (GetLogEvents from the tail or with a backward token) run
//! the same code on keys with every bit flipped, which reverses their order.

use std::collections::{BinaryHeap, HashMap};
use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::Arc;

use crate::codec::{self, ByteReader, ByteWriter, FRAME_HEADER};
use crate::error::{LogError, Result};
use crate::pattern::FilterPattern;
use crate::rules::EVENT_OVERHEAD_BYTES;
use crate::segment::{SegmentIndex, Span};

/// The total order of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key {
    pub ts: i64,
    pub ingest: i64,
    pub stream: u64,
    pub seq: u64,
}

impl Key {
    pub const MIN: Key = Key {
        ts: i64::MIN,
        ingest: i64::MIN,
        stream: 0,
        seq: 0,
    };
    pub const MAX: Key = Key {
        ts: i64::MAX,
        ingest: i64::MAX,
        stream: u64::MAX,
        seq: u64::MAX,
    };

    /// The same key in the reversed order.
    fn flipped(self) -> Key {
        Key {
            ts: !self.ts,
            ingest: !self.ingest,
            stream: !self.stream,
            seq: !self.seq,
        }
    }

    /// The largest key below this one (`MIN` stays `MIN`).
    pub fn pred(self) -> Key {
        let mut k = self;
        if k.seq > 0 {
            k.seq -= 1;
        } else if k.stream > 0 {
            k.stream -= 1;
            k.seq = u64::MAX;
        } else if k.ingest > i64::MIN {
            k.ingest -= 1;
            (k.stream, k.seq) = (u64::MAX, u64::MAX);
        } else if k.ts > i64::MIN {
            k.ts -= 1;
            (k.ingest, k.stream, k.seq) = (i64::MAX, u64::MAX, u64::MAX);
        }
        k
    }

    /// The smallest key above this one (`MAX` stays `MAX`).
    pub fn succ(self) -> Key {
        self.flipped().pred().flipped()
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.i64(self.ts)
            .i64(self.ingest)
            .u64(self.stream)
            .u64(self.seq);
    }

    pub fn read(r: &mut ByteReader<'_>) -> Option<Key> {
        Some(Key {
            ts: r.i64()?,
            ingest: r.i64()?,
            stream: r.u64()?,
            seq: r.u64()?,
        })
    }
}

/// Which events a scan admits, besides the cursor.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    /// Timestamps in `lo..=hi` are in the window.
    pub lo: i64,
    pub hi: i64,
    /// Only batches with an ingestion sequence number at or below this are
    /// read ("as of" this horizon, see `clock.rs`).
    pub horizon: u64,
    /// Follow mode (see `follow.rs`): events before `lo` in batches with an
    /// ingestion sequence number above this are in the window too.
    pub late_after: Option<u64>,
}

impl Window {
    fn may_match(&self, span: &Span) -> bool {
        span.count > 0
            && span.min_seq <= self.horizon
            && ((span.max_ts >= self.lo && span.min_ts <= self.hi)
                || self
                    .late_after
                    .is_some_and(|after| span.max_seq > after && span.min_ts < self.lo))
    }

    fn admits(&self, ts: i64, ingest_seq: u64) -> bool {
        (ts >= self.lo && ts <= self.hi)
            || self
                .late_after
                .is_some_and(|after| ingest_seq > after && ts < self.lo)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Forward,
    Backward,
}

/// One stream to read, with a label the caller uses to name it in results.
pub(crate) struct Source {
    pub stream: u64,
    pub label: usize,
    pub segments: Vec<Arc<SegmentIndex>>,
}

pub(crate) struct ScanSpec<'a> {
    pub direction: Direction,
    /// Exclusive: forward scans return keys above it, backward scans keys
    /// below it.
    pub cursor: Key,
    pub window: Window,
    pub pattern: Option<&'a FilterPattern>,
    pub limit: usize,
    pub max_bytes: usize,
    pub budget_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub key: Key,
    pub label: usize,
    pub message: Vec<u8>,
}

#[derive(Debug)]
pub(crate) struct ScanOutcome {
    /// In ascending key order whatever the direction.
    pub hits: Vec<Hit>,
    /// Events past this page exist (or may, when the budget ran out).
    pub more: bool,
    /// Where the next page in the same direction starts (exclusive).
    pub next_cursor: Key,
}

/// A heap entry ordered by its oriented key only.
struct Entry {
    oriented: Key,
    label: usize,
    message: Vec<u8>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.oriented == other.oriented
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.oriented.cmp(&other.oriented)
    }
}

struct Candidate {
    /// First timestamp of the block in scan order (oriented).
    first: i64,
    source: usize,
    segment: usize,
    offset: u64,
    len: u64,
}

pub(crate) fn scan(sources: &[Source], spec: &ScanSpec<'_>) -> Result<ScanOutcome> {
    let forward = spec.direction == Direction::Forward;
    let orient = |k: Key| if forward { k } else { k.flipped() };
    let orient_range = |span: &Span| {
        if forward {
            (span.min_ts, span.max_ts)
        } else {
            (!span.max_ts, !span.min_ts)
        }
    };
    let cursor = orient(spec.cursor);

    let mut candidates = Vec::new();
    for (source_index, source) in sources.iter().enumerate() {
        for (segment_index, segment) in source.segments.iter().enumerate() {
            if !spec.window.may_match(&segment.span) || orient_range(&segment.span).1 < cursor.ts {
                continue;
            }
            for block in &segment.blocks {
                let (first, last) = orient_range(&block.span);
                if spec.window.may_match(&block.span) && last >= cursor.ts {
                    candidates.push(Candidate {
                        first,
                        source: source_index,
                        segment: segment_index,
                        offset: block.offset,
                        len: block.len,
                    });
                }
            }
        }
    }
    candidates.sort_unstable_by_key(|c| (c.first, c.source, c.segment, c.offset));

    let mut heap: BinaryHeap<Entry> = BinaryHeap::new();
    let mut heap_bytes = 0usize;
    // The smallest oriented key known to be past this page.
    let mut bound: Option<Key> = None;
    let mut frontier: Option<i64> = None;
    let mut read_bytes = 0u64;
    let mut files: HashMap<(usize, usize), Option<File>> = HashMap::new();
    let mut buf = Vec::new();

    for candidate in &candidates {
        if bound.is_some_and(|b| candidate.first > b.ts) {
            break;
        }
        // Stop for the budget only where the cursor can move forward.
        if read_bytes >= spec.budget_bytes && candidate.first > cursor.ts.saturating_add(1) {
            frontier = Some(candidate.first);
            break;
        }
        let source = &sources[candidate.source];
        let segment = &source.segments[candidate.segment];
        let file = files
            .entry((candidate.source, candidate.segment))
            .or_insert_with(|| open_segment(segment));
        let Some(file) = file else { continue };
        buf.resize(candidate.len as usize, 0);
        match file.read_exact_at(&mut buf, candidate.offset) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => continue,
            Err(e) => {
                return Err(LogError::io(format!("reading {}", segment.path.display()))(
                    e,
                ));
            }
        }
        read_bytes += candidate.len;

        let mut at = 0;
        while at < buf.len() {
            let Some(body) = codec::frame_body(&buf[at..], codec::BATCH_MAGIC) else {
                tracing::error!(
                    path = %segment.path.display(),
                    offset = candidate.offset + at as u64,
                    "damaged batch in a segment; skipping the rest of its block"
                );
                break;
            };
            at += FRAME_HEADER + body.len();
            let Some((batch, events)) = codec::decode_batch_header(body) else {
                continue;
            };
            let batch_span = Span::of(&batch);
            let (batch_first, batch_last) = orient_range(&batch_span);
            if !spec.window.may_match(&batch_span)
                || batch_last < cursor.ts
                || bound.is_some_and(|b| batch_first > b.ts)
            {
                continue;
            }
            for (i, event) in codec::BatchEvents::new(&batch, events).enumerate() {
                let Ok((ts, message)) = event else {
                    tracing::error!(path = %segment.path.display(), "malformed batch; skipping it");
                    break;
                };
                let key = orient(Key {
                    ts,
                    ingest: batch.ingestion_time,
                    stream: source.stream,
                    seq: batch.first_seq + i as u64,
                });
                if key <= cursor
                    || bound.is_some_and(|b| key >= b)
                    || !spec.window.admits(ts, batch.ingest_seq)
                {
                    continue;
                }
                if heap.len() >= spec.limit && heap.peek().is_some_and(|top| key > top.oriented) {
                    bound = Some(bound.map_or(key, |b| b.min(key)));
                    continue;
                }
                if spec.pattern.is_some_and(|p| !p.matches(message)) {
                    continue;
                }
                heap_bytes += message.len() + EVENT_OVERHEAD_BYTES;
                heap.push(Entry {
                    oriented: key,
                    label: source.label,
                    message: message.to_vec(),
                });
                while heap.len() > spec.limit || heap_bytes > spec.max_bytes {
                    let dropped = heap.pop().expect("non-empty heap");
                    heap_bytes -= dropped.message.len() + EVENT_OVERHEAD_BYTES;
                    bound = Some(bound.map_or(dropped.oriented, |b| b.min(dropped.oriented)));
                }
            }
        }
    }

    let mut entries = heap.into_sorted_vec();
    if let Some(frontier) = frontier {
        // Unread blocks may hold events at or after the frontier that sort
        // before these.
        entries.retain(|e| e.oriented.ts < frontier);
    }
    let next_cursor = match (entries.last(), frontier) {
        (Some(last), _) => last.oriented,
        (None, Some(frontier)) => Key {
            ts: frontier - 1,
            ..Key::MAX
        },
        (None, None) => cursor,
    };
    let mut hits: Vec<Hit> = entries
        .into_iter()
        .map(|e| Hit {
            key: orient(e.oriented),
            label: e.label,
            message: e.message,
        })
        .collect();
    if !forward {
        hits.reverse();
    }
    Ok(ScanOutcome {
        hits,
        more: bound.is_some() || frontier.is_some(),
        next_cursor: orient(next_cursor),
    })
}

fn open_segment(segment: &SegmentIndex) -> Option<File> {
    match File::open(&segment.path) {
        Ok(file) => Some(file),
        // Retention or a delete removed it after the snapshot was taken.
        Err(e) => {
            if e.kind() != io::ErrorKind::NotFound {
                tracing::error!(path = %segment.path.display(), error = %e, "cannot open segment");
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pred_and_succ_are_inverse_neighbours() {
        let k = Key {
            ts: 5,
            ingest: 7,
            stream: 0,
            seq: 0,
        };
        assert!(k.pred() < k);
        assert_eq!(k.pred().succ(), k);
        assert_eq!(k.succ().pred(), k);
        assert_eq!(Key::MIN.pred(), Key::MIN);
        assert_eq!(Key::MAX.succ(), Key::MAX);
        assert!(Key::MAX.flipped() < Key::MIN.flipped());
    }
}
