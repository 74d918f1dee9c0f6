//! From a container's Docker log (read with timestamps) to CloudWatch events with
//! positions: the pure part of `awslogs` shipping.
//!
//! Docker stores each line a container writes as one message with its time; a line
//! longer than Docker's buffer (16 KiB) is stored as partial messages, each but the last
//! without the trailing newline. [`LineAssembler`] joins partial messages back into the
//! line (per output: stdout and stderr interleave), cuts an event at CloudWatch's
//! 256 KiB limit, and gives every event a [`LogPosition`]:
//!
//! - `time_ns` is the largest Docker timestamp seen so far in the log, so positions
//!   only grow in log order even when stdout and stderr messages are stamped a little
//!   out of order;
//! - `index` is `CHUNKS_PER_MESSAGE` × the message's rank among the messages at that
//!   `time_ns`, plus the piece number when one message is cut into several events.
//!
//! An event takes the position of its first message, and events come out in position
//! order (an event waits while an earlier partial line of the other output is still
//! open). Reading the log again from any second at or before a position yields the same
//! positions for everything after it, as long as Docker stamped no message more than a
//! second earlier than one before it: that is what lets the agent resume from the
//! stream's stored position after a restart, dropping the events at or below it, so
//! that every line is shipped exactly once.

use std::collections::BTreeMap;

use berth_api::protocol::LogPosition;

use crate::runtime::{LogFrame, LogSource};

/// CloudWatch's largest event: 256 KiB counting 26 bytes of overhead (Docker's awslogs
/// driver cuts events at the same size).
pub(crate) const MAX_EVENT_BYTES: usize = 262_144 - 26;
/// Position slots per Docker message: the pieces of a message longer than an event.
/// Longer messages (over 16 MiB) lose the rest, with a warning.
pub(crate) const CHUNKS_PER_MESSAGE: u32 = 64;

/// One CloudWatch event, ready to ship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Event {
    /// Milliseconds since the Unix epoch.
    pub timestamp: i64,
    pub message: String,
    pub position: LogPosition,
}

/// A line whose partial messages are still arriving.
#[derive(Debug)]
struct Partial {
    first: LogPosition,
    bytes: Vec<u8>,
}

/// Assembles a container's log messages into events (see the module docs).
#[derive(Debug)]
pub(crate) struct LineAssembler {
    /// Events at or below this position were shipped before; they are dropped.
    after: Option<LogPosition>,
    newest_ns: i64,
    rank: u32,
    /// Open partial lines of stdout and stderr.
    open: [Option<Partial>; 2],
    /// Complete events, by position, not yet taken.
    ready: BTreeMap<LogPosition, Event>,
    ready_bytes: usize,
    /// Messages without a readable timestamp, and pieces cut off past 16 MiB.
    pub dropped: u64,
}

/// Splits `<RFC 3339 time> <text>` into the time in nanoseconds and the text.
pub(crate) fn split_timestamp(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let space = bytes.iter().take(64).position(|b| *b == b' ')?;
    let stamp = std::str::from_utf8(&bytes[..space]).ok()?;
    let time =
        time::OffsetDateTime::parse(stamp, &time::format_description::well_known::Rfc3339).ok()?;
    let nanos = i64::try_from(time.unix_timestamp_nanos()).ok()?;
    Some((nanos, &bytes[space + 1..]))
}

impl LineAssembler {
    /// An assembler that drops events at or below `after`.
    pub(crate) fn new(after: Option<LogPosition>) -> Self {
        Self {
            after,
            newest_ns: i64::MIN,
            rank: 0,
            open: [None, None],
            ready: BTreeMap::new(),
            ready_bytes: 0,
            dropped: 0,
        }
    }

    /// The position of the next message stamped `time_ns`.
    fn next_position(&mut self, time_ns: i64) -> LogPosition {
        if time_ns > self.newest_ns {
            self.newest_ns = time_ns;
            self.rank = 0;
        } else {
            self.rank = self.rank.saturating_add(1);
        }
        LogPosition {
            time_ns: self.newest_ns,
            index: self.rank.saturating_mul(CHUNKS_PER_MESSAGE),
        }
    }

    /// Takes one message of the log.
    pub(crate) fn push(&mut self, frame: &LogFrame) {
        let Some((time_ns, text)) = split_timestamp(&frame.bytes) else {
            self.dropped += 1;
            return;
        };
        let position = self.next_position(time_ns);
        let slot = match frame.source {
            LogSource::Stdout => 0,
            LogSource::Stderr => 1,
            LogSource::Tty => {
                // One stream split on newlines: every message is a whole line.
                let line = text.strip_suffix(b"\n").unwrap_or(text);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                self.complete(position, line);
                return;
            }
        };
        let (text, ends_line) = match text.strip_suffix(b"\n") {
            Some(line) => (line, true),
            None => (text, false),
        };
        if let Some(open) = &self.open[slot] {
            if open.bytes.len() + text.len() > MAX_EVENT_BYTES {
                // The line outgrows an event: what came so far is one.
                if let Some(full) = self.open[slot].take() {
                    self.complete(full.first, &full.bytes);
                }
            }
        }
        let partial = self.open[slot].get_or_insert_with(|| Partial {
            first: position,
            bytes: Vec::new(),
        });
        partial.bytes.extend_from_slice(text);
        if ends_line {
            if let Some(line) = self.open[slot].take() {
                self.complete(line.first, &line.bytes);
            }
        }
    }

    /// The log ended for good (the container stopped): open partial lines are complete.
    pub(crate) fn finish(&mut self) {
        for slot in 0..2 {
            if let Some(line) = self.open[slot].take() {
                self.complete(line.first, &line.bytes);
            }
        }
    }

    /// Queues the events of one line: empty lines are skipped (CloudWatch refuses empty
    /// messages), long ones cut on character boundaries.
    fn complete(&mut self, first: LogPosition, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let mut rest: &str = &text;
        let mut piece = 0u32;
        while !rest.is_empty() {
            let mut cut = rest.len().min(MAX_EVENT_BYTES);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if piece >= CHUNKS_PER_MESSAGE {
                self.dropped += 1;
                tracing::warn!(
                    bytes = rest.len(),
                    "a log line is longer than 16 MiB; the rest of it is not shipped"
                );
                return;
            }
            let position = LogPosition {
                time_ns: first.time_ns,
                index: first.index.saturating_add(piece),
            };
            if self.after.is_none_or(|after| position > after) {
                self.ready_bytes += cut;
                self.ready.insert(
                    position,
                    Event {
                        timestamp: first.time_ns.div_euclid(1_000_000),
                        message: rest[..cut].to_owned(),
                        position,
                    },
                );
            }
            rest = &rest[cut..];
            piece += 1;
        }
    }

    /// The oldest open partial line's position: events after it must wait for it.
    fn held_from(&self) -> Option<LogPosition> {
        self.open.iter().flatten().map(|p| p.first).min()
    }

    /// The next event in position order, if it may go now.
    pub(crate) fn peek(&self) -> Option<&Event> {
        let (position, event) = self.ready.first_key_value()?;
        match self.held_from() {
            Some(held) if held < *position => None,
            _ => Some(event),
        }
    }

    /// Takes the event [`LineAssembler::peek`] shows.
    pub(crate) fn pop(&mut self) -> Option<Event> {
        self.peek()?;
        let (_, event) = self.ready.pop_first()?;
        self.ready_bytes -= event.message.len();
        Some(event)
    }

    /// Events and message bytes waiting, for back-pressure.
    pub(crate) fn backlog(&self) -> (usize, usize) {
        (self.ready.len(), self.ready_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "2026-03-01T10:00:00";

    fn frame(source: LogSource, text: &str) -> LogFrame {
        LogFrame {
            source,
            bytes: bytes::Bytes::from(text.to_owned()),
        }
    }

    fn at(nanos: u32, text: &str) -> String {
        format!("{T}.{nanos:09}Z {text}")
    }

    fn drain(a: &mut LineAssembler) -> Vec<Event> {
        std::iter::from_fn(|| a.pop()).collect()
    }

    fn messages(events: &[Event]) -> Vec<&str> {
        events.iter().map(|e| e.message.as_str()).collect()
    }

    #[test]
    fn timestamps_parse_in_any_offset() {
        let (utc, text) = split_timestamp(b"2026-03-01T10:00:00.000000001Z hello\n").unwrap();
        assert_eq!(text, b"hello\n");
        let (plus_one, _) = split_timestamp(b"2026-03-01T11:00:00.000000001+01:00 x").unwrap();
        assert_eq!(utc, plus_one);
        assert_eq!(utc % 1_000_000_000, 1);
        assert!(split_timestamp(b"no timestamp here").is_none());
    }

    #[test]
    fn lines_keep_log_order_and_positions_only_grow() {
        let mut a = LineAssembler::new(None);
        a.push(&frame(LogSource::Stdout, &at(5, "one\n")));
        a.push(&frame(LogSource::Stderr, &at(5, "two\n")));
        // Stamped before the line above it: it keeps the newest time, one rank on.
        a.push(&frame(LogSource::Stdout, &at(4, "three\n")));
        a.push(&frame(LogSource::Stdout, &at(9, "four\n")));
        a.push(&frame(LogSource::Stdout, &at(9, "\n")));
        let events = drain(&mut a);
        assert_eq!(messages(&events), ["one", "two", "three", "four"]);
        let positions: Vec<(u32, u32)> = events
            .iter()
            .map(|e| {
                (
                    (e.position.time_ns % 1_000_000_000) as u32,
                    e.position.index,
                )
            })
            .collect();
        assert_eq!(positions, [(5, 0), (5, 64), (5, 128), (9, 0)]);
        assert!(events.windows(2).all(|w| w[0].position < w[1].position));
    }

    #[test]
    fn partial_messages_join_and_hold_later_lines_back() {
        let mut a = LineAssembler::new(None);
        a.push(&frame(LogSource::Stdout, &at(1, "long ")));
        a.push(&frame(LogSource::Stderr, &at(2, "other\n")));
        // The stderr line is later than the open stdout line: it waits.
        assert!(a.pop().is_none());
        a.push(&frame(LogSource::Stdout, &at(3, "line\n")));
        assert_eq!(messages(&drain(&mut a)), ["long line", "other"]);
        // At the end of the log an open line is complete as it is.
        a.push(&frame(LogSource::Stdout, &at(4, "cut short")));
        assert!(a.pop().is_none());
        a.finish();
        assert_eq!(messages(&drain(&mut a)), ["cut short"]);
    }

    #[test]
    fn long_lines_are_cut_at_the_event_limit() {
        let mut a = LineAssembler::new(None);
        let big = "é".repeat(MAX_EVENT_BYTES / 2 + 10);
        a.push(&frame(LogSource::Tty, &format!("{}\r\n", at(1, &big))));
        let events = drain(&mut a);
        assert_eq!(events.len(), 2);
        assert!(events.iter().all(|e| e.message.len() <= MAX_EVENT_BYTES));
        assert_eq!(events[0].message.clone() + &events[1].message, big);
        assert_eq!(events[1].position.index, events[0].position.index + 1);
        // Partial messages that together outgrow an event end it at a message boundary.
        let mut a = LineAssembler::new(None);
        let chunk = "x".repeat(16 * 1024);
        for i in 0..17 {
            a.push(&frame(LogSource::Stdout, &at(i, &chunk)));
        }
        a.push(&frame(LogSource::Stdout, &at(20, "end\n")));
        let events = drain(&mut a);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].message.len(), 15 * 16 * 1024);
        assert_eq!(events[1].message, format!("{chunk}{chunk}end"));
    }

    #[test]
    fn reading_again_from_a_position_yields_only_what_follows() {
        let log: Vec<LogFrame> = (0..20u32)
            .map(|i| frame(LogSource::Stdout, &at(i / 3, &format!("line {i}\n"))))
            .collect();
        let mut first = LineAssembler::new(None);
        for f in &log {
            first.push(f);
        }
        let all = drain(&mut first);
        assert_eq!(all.len(), 20);
        let shipped = all[11].position;
        // A reread starts a little earlier than the position (a second before it).
        let mut again = LineAssembler::new(Some(shipped));
        for f in &log {
            again.push(f);
        }
        let rest = drain(&mut again);
        assert_eq!(rest, all[12..].to_vec());
    }
}
