//! berth's log storage engine: the storage behind its CloudWatch Logs API.
//! Pure storage, synchronous, no HTTP and no AWS types: the API layer calls
//! [`LogStore`] from `spawn_blocking` (or a thread), validates the wire
//! shapes, and maps [`LogError::kind`] to CloudWatch's exceptions.
//!
//! # API (CloudWatch operation → method)
//!
//! | operation | method |
//! |---|---|
//! | CreateLogGroup | [`LogStore::create_group`] |
//! | DeleteLogGroup | [`LogStore::delete_group`] (and all its streams) |
//! | DescribeLogGroups | [`LogStore::list_groups`] (by name, prefix, paginated), [`LogStore::group`] |
//! | PutRetentionPolicy / DeleteRetentionPolicy | [`LogStore::put_retention`] / [`LogStore::delete_retention`] |
//! | TagLogGroup, UntagLogGroup, ListTagsLogGroup (and the `*Resource` forms) | [`LogStore::tag_group`], [`LogStore::untag_group`], [`LogStore::group_tags`] |
//! | CreateLogStream / DeleteLogStream | [`LogStore::create_stream`] / [`LogStore::delete_stream`] |
//! | DescribeLogStreams | [`LogStore::list_streams`] (prefix, by name or last event time, descending, paginated), [`LogStore::stream`] |
//! | PutLogEvents | [`LogStore::append`] |
//! | GetLogEvents | [`LogStore::get_events`] |
//! | FilterLogEvents | [`LogStore::filter_events`] |
//! | (periodic) | [`LogStore::enforce_retention`] |
//! | (agent shipping) | [`LogStore::stream_position`] |
//!
//! Limits and value rules are in [`rules`] (botocore's model and the API
//! reference). Every request field the engine takes is applied or refused
//! with an error naming it.
//!
//! # PutLogEvents
//!
//! [`LogStore::append`] applies PutLogEvents' rules (at most 10,000 events,
//! 1,048,576 bytes counting 26 per event, messages of 1 byte to 256 KiB,
//! chronological order, a 24-hour span) and fails the whole batch on any of
//! them; events older than 14 days or the group's retention, or more than
//! 2 hours ahead, are rejected and reported in [`RejectedEvents`] as
//! CloudWatch does. The stored events are one frame, written and fsynced
//! once: durable and visible together when `append` returns, never half.
//! Each event gets the batch's ingestion time and an event ID that is unique
//! and stable (stream ID and sequence number; IDs are never reused).
//!
//! # Exactly-once shipping
//!
//! An event may carry a producer [`Position`] (the agent uses the Docker log
//! timestamp in nanoseconds and an index). Either every event of a batch has
//! one, increasing, or none does. The stream keeps the last position stored,
//! in the same frame as the events, so it is durable with them; events at or
//! below it are dropped and counted in [`AppendOutcome::duplicates`]. After a
//! crash the agent resends from its last known position and nothing is
//! stored twice. [`LogStore::stream_position`] reads it back.
//!
//! # Reads
//!
//! Events are ordered by (timestamp, ingestion time, stream, sequence).
//! [`LogStore::get_events`] follows GetLogEvents: `startTime` inclusive,
//! `endTime` exclusive, `startFromHead`, `limit` (default and maximum
//! 10,000, and at most 1 MiB), forward and backward tokens; a read that
//! finds nothing more returns the token it was given, which is how clients
//! know to stop. [`LogStore::filter_events`] follows FilterLogEvents across a
//! group: stream names or prefix, `startTime`/`endTime` (both inclusive),
//! a [`FilterPattern`], `limit`, `nextToken`; results are interleaved across
//! streams in order. Tokens are opaque, authenticated, and bound to their
//! stream or query; a bad token is [`LogError::InvalidToken`].
//!
//! `aws logs tail --follow` re-polls FilterLogEvents with `startTime` set to
//! the newest timestamp it has seen and drops repeats by event ID. Against
//! CloudWatch it misses events that arrive later with older timestamps (a
//! lagging stream, a batch shipped late). Here a pagination reads as of a
//! visibility horizon (an ingestion sequence number, `clock.rs`), and the
//! engine remembers the horizon under the boundary the poller will ask from
//! next (`follow.rs`), so the next poll also returns what arrived since with
//! older timestamps: every event exactly once. A query that is not such a
//! re-poll is answered exactly as CloudWatch would.
//!
//! # Storage
//!
//! ```text
//! ROOT/LOCK                       held by the open engine (one per directory)
//! ROOT/catalog.log                groups, streams, retention, tags (catalog.rs)
//! ROOT/token.key                  the key tokens are authenticated with
//! ROOT/streams/<id>/seg-<n>.log   a stream's append-only segments (segment.rs)
//! ROOT/streams/<id>/seg-<n>.idx   a sealed segment's block index
//! ```
//!
//! Segments hold checksummed batch frames; a sparse block index (one entry
//! per ~64 KiB) lets reads skip to a time range. A torn tail is truncated on
//! open. [`LogStore::enforce_retention`] deletes whole segments whose newest
//! event is older than the group's retention; segments roll at 64 MiB or one
//! day of timestamps so that happens in time.
//!
//! # Concurrency
//!
//! `LogStore` is `Clone + Send + Sync`. Appends to one stream are serialized;
//! appends to different streams (and all reads) run in parallel. Catalog
//! changes are serialized by one lock and one journal fsync each. A reader
//! copies a stream's published segment list (a few `Arc`s) and reads files
//! without locks, so it sees a prefix of each stream made of whole,
//! acknowledged batches.

mod catalog;
mod clock;
mod codec;
mod engine;
mod error;
mod follow;
mod pattern;
mod query;
mod reads;
pub mod rules;
mod segment;
mod stream;
mod token;

pub use clock::{system_now_ms, WallClock};
pub use engine::LogStore;
pub use error::{ErrorKind, LogError, Result, UnsupportedSyntax};
pub use pattern::FilterPattern;
pub use rules::RejectedEvents;

/// Where an event came from in its producer's own log, for exactly-once
/// shipping. Ordered by `time_ns`, then `index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// For the agent: the Docker log line's timestamp in nanoseconds.
    pub time_ns: i64,
    /// Tells apart lines with the same `time_ns`.
    pub index: u32,
}

/// An event to append.
#[derive(Debug, Clone, Copy)]
pub struct NewEvent<'a> {
    /// Milliseconds since the Unix epoch.
    pub timestamp: i64,
    pub message: &'a str,
    pub position: Option<Position>,
}

/// What [`LogStore::append`] did with a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppendOutcome {
    /// Events stored.
    pub stored: usize,
    /// Events dropped because the stream already holds their position.
    pub duplicates: usize,
    /// Events rejected for their timestamp, as PutLogEvents reports them.
    pub rejected: RejectedEvents,
    /// The ingestion time of the stored events, if any were stored.
    pub ingestion_time: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInfo {
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub creation_time: i64,
    pub retention_in_days: Option<u32>,
    /// Bytes the group's segments take on disk.
    pub stored_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamInfo {
    pub name: String,
    pub creation_time: i64,
    /// The oldest and newest event timestamps stored (absent while empty).
    pub first_event_timestamp: Option<i64>,
    pub last_event_timestamp: Option<i64>,
    pub last_ingestion_time: Option<i64>,
    /// Bytes the stream's segments take on disk. (CloudWatch reports 0 for
    /// streams; the API layer decides what to show.)
    pub stored_bytes: u64,
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_token: Option<String>,
}

/// DescribeLogStreams `orderBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StreamOrder {
    #[default]
    LogStreamName,
    LastEventTime,
}

/// DescribeLogStreams parameters.
#[derive(Debug, Clone, Default)]
pub struct ListStreams<'a> {
    /// Not allowed with [`StreamOrder::LastEventTime`].
    pub prefix: Option<&'a str>,
    pub order: StreamOrder,
    pub descending: bool,
    /// 1 to 50; default 50.
    pub limit: Option<usize>,
    pub next_token: Option<&'a str>,
}

/// GetLogEvents parameters.
#[derive(Debug, Clone, Default)]
pub struct GetEvents<'a> {
    /// Inclusive, milliseconds.
    pub start_time: Option<i64>,
    /// Exclusive, milliseconds.
    pub end_time: Option<i64>,
    /// Without a token: read from the oldest events (true) or return the
    /// newest ones (false, CloudWatch's default). With a token, the token's
    /// direction applies.
    pub start_from_head: bool,
    /// 1 to 10,000; default 10,000 (pages also stop at 1 MiB).
    pub limit: Option<usize>,
    pub next_token: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputEvent {
    pub timestamp: i64,
    pub ingestion_time: i64,
    pub message: String,
}

/// A GetLogEvents page. Both tokens are always present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsPage {
    /// In ascending order.
    pub events: Vec<OutputEvent>,
    pub next_forward_token: String,
    pub next_backward_token: String,
}

/// FilterLogEvents' choice of streams (`logStreamNames` and
/// `logStreamNamePrefix` are exclusive, which this type enforces).
#[derive(Debug, Clone, Copy, Default)]
pub enum StreamSelection<'a> {
    #[default]
    All,
    /// 1 to 100 names; every one must exist.
    Names(&'a [String]),
    Prefix(&'a str),
}

/// FilterLogEvents parameters.
#[derive(Debug, Clone, Default)]
pub struct FilterEvents<'a> {
    pub streams: StreamSelection<'a>,
    /// Inclusive, milliseconds.
    pub start_time: Option<i64>,
    /// Inclusive, milliseconds.
    pub end_time: Option<i64>,
    /// A filter pattern; empty matches everything.
    pub pattern: &'a str,
    /// 1 to 10,000; default 10,000 (pages also stop at 1 MiB).
    pub limit: Option<usize>,
    pub next_token: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilteredEvent {
    pub stream_name: String,
    pub timestamp: i64,
    pub ingestion_time: i64,
    pub message: String,
    /// Unique in the engine and stable: the same event always has it.
    pub event_id: String,
}

/// A FilterLogEvents page; no token means the query is complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterPage {
    pub events: Vec<FilteredEvent>,
    pub next_token: Option<String>,
}

/// What [`LogStore::enforce_retention`] freed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub segments_deleted: usize,
    pub bytes_freed: u64,
}

/// Engine settings. The defaults suit production; tests shrink sizes to
/// exercise rolling and budgets, and inject a clock.
#[derive(Clone)]
pub struct Options {
    /// A segment rolls before it would pass this size.
    pub segment_max_bytes: u64,
    /// A segment rolls before its events would span more than this.
    pub segment_max_span_ms: i64,
    /// Target size of an index block.
    pub block_bytes: u64,
    /// Bytes one read call scans at most before returning a partial page
    /// with a token.
    pub scan_budget_bytes: u64,
    /// At most this many log groups.
    pub max_groups: usize,
    /// At most this many streams in one group.
    pub max_streams_per_group: usize,
    /// Follow horizons kept in memory (see the crate docs).
    pub follow_entries: usize,
    /// "Now", in milliseconds since the Unix epoch.
    pub clock: WallClock,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            segment_max_bytes: 64 << 20,
            segment_max_span_ms: rules::DAY_MS,
            block_bytes: 64 << 10,
            scan_budget_bytes: 64 << 20,
            max_groups: 1_000_000,
            max_streams_per_group: 1_000_000,
            follow_entries: 65_536,
            clock: std::sync::Arc::new(system_now_ms),
        }
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("segment_max_bytes", &self.segment_max_bytes)
            .field("segment_max_span_ms", &self.segment_max_span_ms)
            .field("block_bytes", &self.block_bytes)
            .field("scan_budget_bytes", &self.scan_budget_bytes)
            .field("max_groups", &self.max_groups)
            .field("max_streams_per_group", &self.max_streams_per_group)
            .field("follow_entries", &self.follow_entries)
            .finish_non_exhaustive()
    }
}
