//! Byte formats: the checksummed frame every record on disk is wrapped in,
//! the batch record of a segment, and a small reader/writer for the other
//! binary records (segment index sidecars, tokens).
//!
//! A frame is `magic (u32) | body length (u32) | CRC-32 of body (u32) | body`,
//! little-endian. A frame that is cut short, has the wrong magic, an
//! impossible length or a checksum mismatch ends the valid part of a file:
//! that is how a torn tail is found and truncated on open.
//!
//! A batch body (one PutLogEvents batch, written and made durable as one
//! frame, so it is all-or-nothing) is:
//!
//! ```text
//! version u8 = 1 | flags u8 (bit 0: has position) | reserved u16
//! count u32 | first_seq u64 | ingestion_time i64 | min_ts i64 | max_ts i64
//! ingest_seq u64                                -- engine-wide, see clock.rs
//! [position: time_ns i64, index u32]            -- if flags bit 0
//! count × ( varint(ts - min_ts) | varint(len) | len bytes of UTF-8 )
//! ```
//!
//! A batch with `count` 0 is a checkpoint: it carries the stream's next
//! sequence number and last producer position into a new segment when
//! retention deletes every segment holding events.

use crate::Position;

pub(crate) const FRAME_HEADER: usize = 12;
/// Segment batch frames.
pub(crate) const BATCH_MAGIC: u32 = u32::from_le_bytes(*b"BLb1");
/// Catalog journal frames.
pub(crate) const CATALOG_MAGIC: u32 = u32::from_le_bytes(*b"BLc1");
/// Segment index sidecar frames.
pub(crate) const INDEX_MAGIC: u32 = u32::from_le_bytes(*b"BLi1");
/// No frame body is larger: a full batch (1 MiB of messages plus overhead)
/// is well below it, and anything larger read from disk is garbage.
pub(crate) const MAX_FRAME_BODY: usize = 64 << 20;

const BATCH_VERSION: u8 = 1;
const FLAG_POSITION: u8 = 1;
const BATCH_FIXED: usize = 48;
const POSITION_BYTES: usize = 12;

/// Appends a frame holding `body` to `out`.
pub(crate) fn put_frame(out: &mut Vec<u8>, magic: u32, body: &[u8]) {
    out.extend_from_slice(&magic.to_le_bytes());
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    out.extend_from_slice(body);
}

/// What a frame header says, before its body is read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FrameHeader {
    pub body_len: usize,
    pub crc: u32,
}

/// Parses a frame header; `None` if it cannot start a valid frame.
pub(crate) fn frame_header(bytes: &[u8], magic: u32) -> Option<FrameHeader> {
    if bytes.len() < FRAME_HEADER || read_u32(bytes, 0) != magic {
        return None;
    }
    let body_len = read_u32(bytes, 4) as usize;
    (body_len <= MAX_FRAME_BODY).then(|| FrameHeader {
        body_len,
        crc: read_u32(bytes, 8),
    })
}

/// Returns the body of the frame at the start of `bytes` if it is whole and
/// its checksum matches.
pub(crate) fn frame_body(bytes: &[u8], magic: u32) -> Option<&[u8]> {
    let header = frame_header(bytes, magic)?;
    let body = bytes.get(FRAME_HEADER..FRAME_HEADER + header.body_len)?;
    (crc32fast::hash(body) == header.crc).then_some(body)
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

/// The fixed part of a batch body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BatchHeader {
    pub count: u32,
    pub first_seq: u64,
    pub ingestion_time: i64,
    pub min_ts: i64,
    pub max_ts: i64,
    /// The engine-wide ingestion sequence number of the batch (clock.rs).
    pub ingest_seq: u64,
    pub position: Option<Position>,
}

/// One event to encode.
pub(crate) struct EventRef<'a> {
    pub timestamp: i64,
    pub message: &'a [u8],
}

/// Encodes a batch as a whole frame appended to `out`. Events must be in
/// chronological order (the caller validated that).
pub(crate) fn encode_batch<'a>(
    out: &mut Vec<u8>,
    header: &BatchHeader,
    events: impl IntoIterator<Item = EventRef<'a>>,
) {
    let start = out.len();
    out.extend_from_slice(&[0u8; FRAME_HEADER]);
    out.push(BATCH_VERSION);
    out.push(if header.position.is_some() {
        FLAG_POSITION
    } else {
        0
    });
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&header.count.to_le_bytes());
    out.extend_from_slice(&header.first_seq.to_le_bytes());
    out.extend_from_slice(&header.ingestion_time.to_le_bytes());
    out.extend_from_slice(&header.min_ts.to_le_bytes());
    out.extend_from_slice(&header.max_ts.to_le_bytes());
    out.extend_from_slice(&header.ingest_seq.to_le_bytes());
    if let Some(p) = header.position {
        out.extend_from_slice(&p.time_ns.to_le_bytes());
        out.extend_from_slice(&p.index.to_le_bytes());
    }
    for event in events {
        out.reserve(event.message.len() + 20);
        put_varint(out, (event.timestamp - header.min_ts) as u64);
        put_varint(out, event.message.len() as u64);
        out.extend_from_slice(event.message);
    }
    let body_len = out.len() - start - FRAME_HEADER;
    let crc = crc32fast::hash(&out[start + FRAME_HEADER..]);
    out[start..start + 4].copy_from_slice(&BATCH_MAGIC.to_le_bytes());
    out[start + 4..start + 8].copy_from_slice(&(body_len as u32).to_le_bytes());
    out[start + 8..start + 12].copy_from_slice(&crc.to_le_bytes());
}

/// Decodes the fixed part of a batch body (already checksummed) and returns
/// it with the encoded events that follow.
pub(crate) fn decode_batch_header(body: &[u8]) -> Option<(BatchHeader, &[u8])> {
    if body.len() < BATCH_FIXED || body[0] != BATCH_VERSION {
        return None;
    }
    let flags = body[1];
    let count = read_u32(body, 4);
    let first_seq = read_u64(body, 8);
    let ingestion_time = read_u64(body, 16) as i64;
    let min_ts = read_u64(body, 24) as i64;
    let max_ts = read_u64(body, 32) as i64;
    let ingest_seq = read_u64(body, 40);
    let (position, rest) = if flags & FLAG_POSITION != 0 {
        let p = body.get(BATCH_FIXED..BATCH_FIXED + POSITION_BYTES)?;
        let position = Position {
            time_ns: read_u64(p, 0) as i64,
            index: read_u32(p, 8),
        };
        (Some(position), &body[BATCH_FIXED + POSITION_BYTES..])
    } else {
        (None, &body[BATCH_FIXED..])
    };
    if count > 0 && min_ts > max_ts {
        return None;
    }
    Some((
        BatchHeader {
            count,
            first_seq,
            ingestion_time,
            min_ts,
            max_ts,
            ingest_seq,
            position,
        },
        rest,
    ))
}

/// Iterates the events of a batch body: `(timestamp, message bytes)`.
/// Yields `Err(())` once and stops if the encoding is inconsistent.
pub(crate) struct BatchEvents<'a> {
    rest: &'a [u8],
    remaining: u32,
    min_ts: i64,
    max_ts: i64,
}

impl<'a> BatchEvents<'a> {
    pub(crate) fn new(header: &BatchHeader, events: &'a [u8]) -> Self {
        BatchEvents {
            rest: events,
            remaining: header.count,
            min_ts: header.min_ts,
            max_ts: header.max_ts,
        }
    }
}

impl<'a> Iterator for BatchEvents<'a> {
    type Item = Result<(i64, &'a [u8]), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        let decoded = (|| {
            let (delta, n) = get_varint(self.rest)?;
            let (len, m) = get_varint(&self.rest[n..])?;
            let start = n + m;
            let end = start.checked_add(usize::try_from(len).ok()?)?;
            let message = self.rest.get(start..end)?;
            let ts = self.min_ts.checked_add(i64::try_from(delta).ok()?)?;
            if ts > self.max_ts {
                return None;
            }
            self.rest = &self.rest[end..];
            Some((ts, message))
        })();
        match decoded {
            Some(event) => {
                self.remaining -= 1;
                Some(Ok(event))
            }
            None => {
                self.remaining = 0;
                Some(Err(()))
            }
        }
    }
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Decodes a LEB128 varint: `(value, bytes used)`.
pub(crate) fn get_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate().take(10) {
        let bits = u64::from(byte & 0x7f);
        if i == 9 && byte > 1 {
            return None;
        }
        value |= bits << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// Builds a little-endian binary record.
#[derive(Default)]
pub(crate) struct ByteWriter(pub Vec<u8>);

impl ByteWriter {
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn opt_i64(&mut self, v: Option<i64>) -> &mut Self {
        match v {
            Some(v) => self.u8(1).i64(v),
            None => self.u8(0),
        }
    }
    pub fn opt_u64(&mut self, v: Option<u64>) -> &mut Self {
        match v {
            Some(v) => self.u8(1).u64(v),
            None => self.u8(0),
        }
    }
    pub fn bytes(&mut self, v: &[u8]) -> &mut Self {
        self.u32(v.len() as u32);
        self.0.extend_from_slice(v);
        self
    }
}

/// Reads what a [`ByteWriter`] wrote; every read is bounds-checked and yields
/// `None` on short or malformed input instead of panicking.
pub(crate) struct ByteReader<'a>(pub &'a [u8]);

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn i64(&mut self) -> Option<i64> {
        Some(self.u64()? as i64)
    }
    pub fn opt_i64(&mut self) -> Option<Option<i64>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.i64()?)),
            _ => None,
        }
    }
    pub fn opt_u64(&mut self) -> Option<Option<u64>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.u64()?)),
            _ => None,
        }
    }
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.u32()? as usize;
        self.take(len)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_reject_garbage() {
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(get_varint(&out), Some((v, out.len())));
        }
        assert_eq!(get_varint(&[0x80]), None);
        assert_eq!(get_varint(&[0xff; 11]), None);
        assert_eq!(get_varint(&[]), None);
    }

    #[test]
    fn batch_round_trips_and_detects_damage() {
        let header = BatchHeader {
            count: 3,
            first_seq: 42,
            ingestion_time: 1_000,
            min_ts: 500,
            max_ts: 700,
            ingest_seq: 9,
            position: Some(Position {
                time_ns: -5,
                index: 7,
            }),
        };
        let events = [
            EventRef {
                timestamp: 500,
                message: b"first",
            },
            EventRef {
                timestamp: 600,
                message: "sécond".as_bytes(),
            },
            EventRef {
                timestamp: 700,
                message: &[b'x'; 300],
            },
        ];
        let mut frame = Vec::new();
        encode_batch(&mut frame, &header, events);
        let body = frame_body(&frame, BATCH_MAGIC).expect("valid frame");
        let (decoded, rest) = decode_batch_header(body).unwrap();
        assert_eq!(decoded, header);
        let got: Vec<_> = BatchEvents::new(&decoded, rest)
            .map(Result::unwrap)
            .collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (600, "sécond".as_bytes()));
        assert_eq!(got[2].1.len(), 300);

        // Any single flipped byte, and any truncation, is caught.
        for at in 0..frame.len() {
            let mut bad = frame.clone();
            bad[at] ^= 0x40;
            assert!(frame_body(&bad, BATCH_MAGIC).is_none(), "flip at {at}");
        }
        for len in 0..frame.len() {
            assert!(
                frame_body(&frame[..len], BATCH_MAGIC).is_none(),
                "cut at {len}"
            );
        }
        assert!(frame_body(&frame, CATALOG_MAGIC).is_none());
    }

    #[test]
    fn inconsistent_event_encoding_is_an_error_not_a_panic() {
        let header = BatchHeader {
            count: 2,
            first_seq: 0,
            ingestion_time: 0,
            min_ts: 0,
            max_ts: 10,
            ingest_seq: 1,
            position: None,
        };
        // A length running past the end, then a timestamp past max_ts.
        let mut events = Vec::new();
        put_varint(&mut events, 0);
        put_varint(&mut events, 100);
        events.extend_from_slice(b"short");
        let got: Vec<_> = BatchEvents::new(&header, &events).collect();
        assert_eq!(got, vec![Err(())]);
        let mut events = Vec::new();
        put_varint(&mut events, 11);
        put_varint(&mut events, 1);
        events.push(b'x');
        let got: Vec<_> = BatchEvents::new(&header, &events).collect();
        assert_eq!(got, vec![Err(())]);
    }

    #[test]
    fn byte_reader_never_panics_on_short_input() {
        let mut w = ByteWriter::default();
        w.u8(1).u32(2).u64(3).i64(-4).opt_i64(Some(5)).bytes(b"abc");
        let full = w.0;
        for len in 0..full.len() {
            let mut r = ByteReader(&full[..len]);
            let all = (|| {
                Some((
                    r.u8()?,
                    r.u32()?,
                    r.u64()?,
                    r.i64()?,
                    r.opt_i64()?,
                    r.bytes()?,
                ))
            })();
            assert!(all.is_none(), "{len}");
        }
        let mut r = ByteReader(&full);
        assert_eq!(r.u8(), Some(1));
        assert_eq!(r.u32(), Some(2));
        assert_eq!(r.u64(), Some(3));
        assert_eq!(r.i64(), Some(-4));
        assert_eq!(r.opt_i64(), Some(Some(5)));
        assert_eq!(r.bytes(), Some(&b"abc"[..]));
        assert!(r.is_empty());
    }
}
