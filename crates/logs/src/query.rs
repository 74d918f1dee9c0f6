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
//! and keeps the best `limit` events (and at most 1 MiB of them) in a
//! [`PageBuilder`]. An event known to be past the page sets a bound; once the
//! next block starts past the bound nothing later can enter the page and the
//! scan stops. For streams written in time order that is right after the page
//! is full, and events arrive in order, so nothing needs sorting.
//!
//! A scan also stops after reading a byte budget (as CloudWatch returns
//! partial or empty pages with a token when a filter matches little): only
//! events before the first unread block are final, and the cursor moves to
//! there so the next call continues and always makes progress.
//!
//! Backward scans (GetLogEvents from the tail or with a backward token) run
//! the same code on keys with every bit flipped, which reverses their order.

use std::collections::HashMap;
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

/// An event kept for the page, with its key in scan order.
struct Entry {
    oriented: Key,
    label: usize,
    message: Vec<u8>,
}

fn entry_bytes(message_len: usize) -> usize {
    message_len + EVENT_OVERHEAD_BYTES
}

/// Collects the first `limit` events (in oriented key order) whose messages
/// fit `max_bytes`, from events offered in any order, with bounded memory.
///
/// Events offered in increasing key order (the common case: streams written
/// in time order) are appended as they come, and the first one past the
/// page becomes the bound at once. Otherwise entries accumulate up to twice
/// the page and are then sorted and cut back, the first one cut off becoming
/// the bound.
struct PageBuilder {
    entries: Vec<Entry>,
    bytes: usize,
    /// `entries` is sorted.
    in_order: bool,
    limit: usize,
    max_bytes: usize,
    /// The smallest key known to be past the page.
    bound: Option<Key>,
}

impl PageBuilder {
    fn new(limit: usize, max_bytes: usize) -> Self {
        PageBuilder {
            entries: Vec::new(),
            bytes: 0,
            in_order: true,
            limit,
            max_bytes,
            bound: None,
        }
    }

    fn lower_bound(&mut self, key: Key) {
        self.bound = Some(self.bound.map_or(key, |b| b.min(key)));
    }

    /// Whether an event with `key` could still be on the page.
    fn wants(&self, key: Key) -> bool {
        self.bound.is_none_or(|b| key < b)
    }

    fn offer(&mut self, oriented: Key, label: usize, message: &[u8]) {
        let size = entry_bytes(message.len());
        if self.in_order
            && self
                .entries
                .last()
                .is_some_and(|last| oriented < last.oriented)
        {
            self.in_order = false;
        }
        if self.in_order && (self.entries.len() >= self.limit || self.bytes + size > self.max_bytes)
        {
            // Everything kept sorts before it and fills the page.
            self.lower_bound(oriented);
            return;
        }
        self.entries.push(Entry {
            oriented,
            label,
            message: message.to_vec(),
        });
        self.bytes += size;
        if !self.in_order
            && (self.entries.len() >= 2 * self.limit || self.bytes > 2 * self.max_bytes)
        {
            self.settle();
        }
    }

    /// Sorts the entries and cuts them back to the page.
    fn settle(&mut self) {
        if !self.in_order {
            self.entries.sort_unstable_by_key(|e| e.oriented);
            self.in_order = true;
        }
        let mut bytes = 0;
        let mut keep = self.entries.len();
        for (i, entry) in self.entries.iter().enumerate() {
            let size = entry_bytes(entry.message.len());
            if i == self.limit || bytes + size > self.max_bytes {
                keep = i;
                break;
            }
            bytes += size;
        }
        if keep < self.entries.len() {
            let first_cut = self.entries[keep].oriented;
            self.lower_bound(first_cut);
            self.entries.truncate(keep);
        }
        self.bytes = bytes;
    }

    fn finish(mut self) -> (Vec<Entry>, Option<Key>) {
        self.settle();
        (self.entries, self.bound)
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

    let mut page = PageBuilder::new(spec.limit, spec.max_bytes);
    let mut frontier: Option<i64> = None;
    let mut read_bytes = 0u64;
    let mut files: HashMap<(usize, usize), Option<File>> = HashMap::new();
    let mut buf = Vec::new();

    for candidate in &candidates {
        if page.bound.is_some_and(|b| candidate.first > b.ts) {
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
                || page.bound.is_some_and(|b| batch_first > b.ts)
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
                    || !page.wants(key)
                    || !spec.window.admits(ts, batch.ingest_seq)
                    || spec.pattern.is_some_and(|p| !p.matches(message))
                {
                    continue;
                }
                page.offer(key, source.label, message);
            }
        }
    }

    let (mut entries, bound) = page.finish();
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

    fn key(ts: i64) -> Key {
        Key {
            ts,
            ingest: 0,
            stream: 0,
            seq: 0,
        }
    }

    fn built(offers: &[(i64, usize)], limit: usize, max_bytes: usize) -> (Vec<i64>, Option<i64>) {
        let mut page = PageBuilder::new(limit, max_bytes);
        for &(ts, len) in offers {
            if page.wants(key(ts)) {
                page.offer(key(ts), 0, &vec![b'x'; len]);
            }
        }
        let (entries, bound) = page.finish();
        (
            entries.iter().map(|e| e.oriented.ts).collect(),
            bound.map(|b| b.ts),
        )
    }

    #[test]
    fn page_builder_keeps_the_smallest_keys_within_both_caps() {
        // In order: the first past the limit is the bound.
        assert_eq!(
            built(&[(1, 1), (2, 1), (3, 1), (4, 1)], 2, 1000),
            (vec![1, 2], Some(3))
        );
        // Out of order, past twice the limit: sorted and cut.
        let offers: Vec<(i64, usize)> = [9, 3, 7, 1, 8, 2, 6, 4, 5, 0]
            .iter()
            .map(|&t| (t, 1))
            .collect();
        assert_eq!(built(&offers, 3, 1000), (vec![0, 1, 2], Some(3)));
        // The byte cap (26 per event plus the message) cuts the page short.
        assert_eq!(
            built(&[(1, 74), (2, 74), (3, 74)], 10, 250),
            (vec![1, 2], Some(3))
        );
        assert_eq!(
            built(&[(3, 74), (2, 74), (1, 74)], 10, 250),
            (vec![1, 2], Some(3))
        );
        // Nothing past the page: no bound.
        assert_eq!(built(&[(2, 1), (1, 1)], 5, 1000), (vec![1, 2], None));
    }

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
