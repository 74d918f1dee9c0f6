//! The read side of [`LogStore`]: GetLogEvents, FilterLogEvents (with follow
//! horizons), DescribeLogGroups and DescribeLogStreams, and their tokens.

use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::codec::ByteWriter;
use crate::engine::{read, stream_info, LogStore};
use crate::error::{LogError, Result};
use crate::follow::FollowKey;
use crate::pattern::FilterPattern;
use crate::query::{self, Direction, Key, ScanSpec, Source, Window};
use crate::rules::{
    self, MAX_DESCRIBE_LIMIT, MAX_EVENTS_LIMIT, MAX_FILTER_STREAM_NAMES, MAX_PAGE_BYTES,
};
use crate::stream::Stream;
use crate::token::{parse_payload, TokenKind};
use crate::{
    EventsPage, FilterEvents, FilterPage, FilteredEvent, GetEvents, GroupInfo, ListStreams,
    OutputEvent, Page, StreamInfo, StreamOrder, StreamSelection,
};

const FORWARD_PREFIX: &str = "f/";
const BACKWARD_PREFIX: &str = "b/";

/// The state a FilterLogEvents pagination carries from page to page.
struct FilterState {
    group: u64,
    query: u64,
    horizon: u64,
    late_after: Option<u64>,
    cursor: Key,
    /// The newest timestamp returned by earlier pages.
    max_ts: Option<i64>,
}

/// The event ID: the stream ID and the event's sequence number, as 40
/// decimal digits (CloudWatch's IDs are decimal strings too).
fn event_id(stream: u64, seq: u64) -> String {
    let mut digits = [b'0'; 40];
    for (half, mut value) in [(0, stream), (20, seq)] {
        for at in (half..half + 20).rev() {
            digits[at] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    digits.iter().map(|&d| d as char).collect()
}

fn into_string(bytes: Vec<u8>) -> String {
    // Messages were `&str` when stored and are checksummed; lossy conversion
    // only guards against a bug, never panics.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn hash(parts: &[&[u8]]) -> u64 {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    u64::from_le_bytes(hasher.finalize()[..8].try_into().expect("8 bytes"))
}

fn check_times(start: Option<i64>, end: Option<i64>) -> Result<()> {
    for (name, value) in [("startTime", start), ("endTime", end)] {
        if let Some(v) = value {
            if v < 0 {
                return Err(LogError::InvalidParameter(format!(
                    "{name} must be at least 0; got {v}"
                )));
            }
        }
    }
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            return Err(LogError::InvalidParameter(format!(
                "startTime ({s}) must not be after endTime ({e})"
            )));
        }
    }
    Ok(())
}

/// The smallest string above every string starting with `prefix`, if any.
fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = match last as u32 + 1 {
            0xD800 => 0xE000,
            n => n,
        };
        if let Some(next) = char::from_u32(next) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

impl LogStore {
    fn seal_stream_token(&self, direction: Direction, stream: u64, cursor: Key) -> String {
        let mut w = ByteWriter::default();
        w.u64(stream);
        cursor.write(&mut w);
        match direction {
            Direction::Forward => {
                FORWARD_PREFIX.to_string() + &self.inner.tokens.seal(TokenKind::Forward, &w)
            }
            Direction::Backward => {
                BACKWARD_PREFIX.to_string() + &self.inner.tokens.seal(TokenKind::Backward, &w)
            }
        }
    }

    fn open_stream_token(&self, token: &str, stream: u64) -> Result<(Direction, Key)> {
        let (direction, kind, rest) = if let Some(rest) = token.strip_prefix(FORWARD_PREFIX) {
            (Direction::Forward, TokenKind::Forward, rest)
        } else if let Some(rest) = token.strip_prefix(BACKWARD_PREFIX) {
            (Direction::Backward, TokenKind::Backward, rest)
        } else {
            return Err(LogError::InvalidToken("it is not a GetLogEvents token"));
        };
        let payload = self.inner.tokens.open(kind, rest)?;
        let (owner, cursor) = parse_payload(&payload, |r| Some((r.u64()?, Key::read(r)?)))?;
        if owner != stream {
            return Err(LogError::InvalidToken(
                "it was issued for a different log stream",
            ));
        }
        Ok((direction, cursor))
    }

    /// GetLogEvents on one stream.
    pub fn get_events(
        &self,
        group: &str,
        stream: &str,
        request: &GetEvents<'_>,
    ) -> Result<EventsPage> {
        let (_, target) = self.find_stream(group, stream)?;
        let limit = rules::resolve_limit(request.limit, MAX_EVENTS_LIMIT)?;
        check_times(request.start_time, request.end_time)?;
        let (direction, cursor) = match request.next_token {
            Some(token) => self.open_stream_token(token, target.id)?,
            None if request.start_from_head => (Direction::Forward, Key::MIN),
            None => (Direction::Backward, Key::MAX),
        };
        let window = Window {
            lo: request.start_time.unwrap_or(i64::MIN),
            // endTime is exclusive for GetLogEvents.
            hi: request.end_time.map_or(i64::MAX, |end| end - 1),
            horizon: u64::MAX,
            late_after: None,
        };
        let sources = [Source {
            stream: target.id,
            label: 0,
            segments: target.segments(),
        }];
        let outcome = query::scan(
            &sources,
            &ScanSpec {
                direction,
                cursor,
                window,
                pattern: None,
                limit,
                max_bytes: MAX_PAGE_BYTES,
                budget_bytes: self.inner.options.scan_budget_bytes,
            },
        )?;
        // Each token continues from this page's edge in its direction; a
        // read that found nothing more returns the token it was given.
        let (forward, backward) = match direction {
            Direction::Forward => (
                outcome.next_cursor,
                outcome.hits.first().map_or(cursor.succ(), |h| h.key),
            ),
            Direction::Backward => (
                outcome.hits.last().map_or(
                    if cursor == Key::MAX {
                        Key::MIN
                    } else {
                        cursor.pred()
                    },
                    |h| h.key,
                ),
                outcome.next_cursor,
            ),
        };
        Ok(EventsPage {
            events: outcome
                .hits
                .into_iter()
                .map(|hit| OutputEvent {
                    timestamp: hit.key.ts,
                    ingestion_time: hit.key.ingest,
                    message: into_string(hit.message),
                })
                .collect(),
            next_forward_token: self.seal_stream_token(Direction::Forward, target.id, forward),
            next_backward_token: self.seal_stream_token(Direction::Backward, target.id, backward),
        })
    }

    fn select_streams(
        &self,
        streams: &std::collections::BTreeMap<String, Arc<Stream>>,
        group: &str,
        selection: StreamSelection<'_>,
    ) -> Result<(Vec<Arc<Stream>>, Vec<u8>)> {
        let mut canonical = ByteWriter::default();
        let selected = match selection {
            StreamSelection::All => {
                canonical.u8(0);
                streams.values().cloned().collect()
            }
            StreamSelection::Prefix(prefix) => {
                rules::validate_stream_name(prefix)
                    .map_err(|e| LogError::InvalidParameter(format!("logStreamNamePrefix: {e}")))?;
                canonical.u8(1).bytes(prefix.as_bytes());
                streams
                    .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
                    .take_while(|(name, _)| name.starts_with(prefix))
                    .map(|(_, s)| Arc::clone(s))
                    .collect()
            }
            StreamSelection::Names(names) => {
                if names.is_empty() || names.len() > MAX_FILTER_STREAM_NAMES {
                    return Err(LogError::InvalidParameter(format!(
                        "logStreamNames must hold 1 to {MAX_FILTER_STREAM_NAMES} names; got {}",
                        names.len()
                    )));
                }
                canonical.u8(2);
                let unique: BTreeSet<&str> = names.iter().map(String::as_str).collect();
                let mut selected = Vec::with_capacity(unique.len());
                for name in unique {
                    rules::validate_stream_name(name)?;
                    canonical.bytes(name.as_bytes());
                    let stream = streams.get(name).ok_or_else(|| LogError::StreamNotFound {
                        group: group.to_string(),
                        stream: name.to_string(),
                    })?;
                    selected.push(Arc::clone(stream));
                }
                selected
            }
        };
        Ok((selected, canonical.0))
    }

    /// FilterLogEvents across a group.
    pub fn filter_events(&self, group: &str, request: &FilterEvents<'_>) -> Result<FilterPage> {
        let found = self.find_group(group)?;
        let limit = rules::resolve_limit(request.limit, MAX_EVENTS_LIMIT)?;
        check_times(request.start_time, request.end_time)?;
        let pattern = FilterPattern::parse(request.pattern)?;
        let pattern = (!pattern.matches_everything()).then_some(pattern);
        let (streams, selection) = {
            let streams = read(&found.streams);
            self.select_streams(&streams, group, request.streams)?
        };
        let follow_query = hash(&[b"follow", request.pattern.as_bytes(), &selection]);
        let mut times = ByteWriter::default();
        times.opt_i64(request.start_time).opt_i64(request.end_time);
        let page_query = hash(&[&follow_query.to_le_bytes(), &times.0]);

        let state = match request.next_token {
            Some(token) => {
                let payload = self.inner.tokens.open(TokenKind::Filter, token)?;
                let state = parse_payload(&payload, |r| {
                    Some(FilterState {
                        group: r.u64()?,
                        query: r.u64()?,
                        horizon: r.u64()?,
                        late_after: r.opt_u64()?,
                        cursor: Key::read(r)?,
                        max_ts: r.opt_i64()?,
                    })
                })?;
                if state.group != found.id {
                    return Err(LogError::InvalidToken(
                        "it was issued for a different log group",
                    ));
                }
                if state.query != page_query {
                    return Err(LogError::InvalidToken(
                        "it was issued for a query with different parameters",
                    ));
                }
                state
            }
            None => FilterState {
                group: found.id,
                query: page_query,
                horizon: self.inner.clock.horizon(),
                late_after: match (request.start_time, request.end_time) {
                    (Some(start), None) => self.inner.follow.get(&FollowKey {
                        group: found.id,
                        query: follow_query,
                        boundary: start,
                    }),
                    _ => None,
                },
                cursor: Key::MIN,
                max_ts: None,
            },
        };

        let sources: Vec<Source> = streams
            .iter()
            .enumerate()
            .map(|(label, stream)| Source {
                stream: stream.id,
                label,
                segments: stream.segments(),
            })
            .collect();
        let outcome = query::scan(
            &sources,
            &ScanSpec {
                direction: Direction::Forward,
                cursor: state.cursor,
                window: Window {
                    lo: request.start_time.unwrap_or(i64::MIN),
                    hi: request.end_time.unwrap_or(i64::MAX),
                    horizon: state.horizon,
                    late_after: state.late_after,
                },
                pattern: pattern.as_ref(),
                limit,
                max_bytes: MAX_PAGE_BYTES,
                budget_bytes: self.inner.options.scan_budget_bytes,
            },
        )?;
        let max_ts = state.max_ts.max(outcome.hits.last().map(|h| h.key.ts));
        let next_token = if outcome.more {
            let mut w = ByteWriter::default();
            w.u64(state.group)
                .u64(state.query)
                .u64(state.horizon)
                .opt_u64(state.late_after);
            outcome.next_cursor.write(&mut w);
            w.opt_i64(max_ts);
            Some(self.inner.tokens.seal(TokenKind::Filter, &w))
        } else {
            if let (None, Some(newest)) = (request.end_time, max_ts) {
                // The poller will ask from here next; remember what it saw.
                self.inner.follow.record(
                    FollowKey {
                        group: found.id,
                        query: follow_query,
                        boundary: request.start_time.unwrap_or(i64::MIN).max(newest),
                    },
                    state.horizon,
                );
            }
            None
        };
        Ok(FilterPage {
            events: outcome
                .hits
                .into_iter()
                .map(|hit| FilteredEvent {
                    stream_name: streams[hit.label].name.clone(),
                    timestamp: hit.key.ts,
                    ingestion_time: hit.key.ingest,
                    message: into_string(hit.message),
                    event_id: event_id(hit.key.stream, hit.key.seq),
                })
                .collect(),
            next_token,
        })
    }

    /// DescribeLogGroups: groups by name, optionally with a name prefix.
    pub fn list_groups(
        &self,
        prefix: Option<&str>,
        limit: Option<usize>,
        next_token: Option<&str>,
    ) -> Result<Page<GroupInfo>> {
        if let Some(prefix) = prefix {
            rules::validate_group_prefix(prefix)?;
        }
        let limit = rules::resolve_limit(limit, MAX_DESCRIBE_LIMIT)?;
        let prefix_hash = hash(&[prefix.unwrap_or("").as_bytes()]);
        let after = match next_token {
            Some(token) => {
                let payload = self.inner.tokens.open(TokenKind::Groups, token)?;
                let (bound_prefix, last) = parse_payload(&payload, |r| {
                    Some((r.u64()?, String::from_utf8(r.bytes()?.to_vec()).ok()?))
                })?;
                if bound_prefix != prefix_hash {
                    return Err(LogError::InvalidToken(
                        "it was issued for a different logGroupNamePrefix",
                    ));
                }
                Some(last)
            }
            None => None,
        };
        let groups = self.groups_snapshot();
        let lower = match (&after, prefix) {
            (Some(last), _) => Bound::Excluded(last.as_str()),
            (None, Some(prefix)) => Bound::Included(prefix),
            (None, None) => Bound::Unbounded,
        };
        let mut items: Vec<GroupInfo> = groups
            .range::<str, _>((lower, Bound::Unbounded))
            .take_while(|(name, _)| prefix.is_none_or(|p| name.starts_with(p)))
            .take(limit + 1)
            .map(|(_, group)| group.info())
            .collect();
        let next_token = (items.len() > limit).then(|| {
            items.truncate(limit);
            let mut w = ByteWriter::default();
            w.u64(prefix_hash)
                .bytes(items.last().expect("a full page").name.as_bytes());
            self.inner.tokens.seal(TokenKind::Groups, &w)
        });
        Ok(Page { items, next_token })
    }

    /// DescribeLogStreams: a group's streams by name or by last event time.
    pub fn list_streams(&self, group: &str, request: &ListStreams<'_>) -> Result<Page<StreamInfo>> {
        let found = self.find_group(group)?;
        let limit = rules::resolve_limit(request.limit, MAX_DESCRIBE_LIMIT)?;
        if let Some(prefix) = request.prefix {
            rules::validate_stream_name(prefix)
                .map_err(|e| LogError::InvalidParameter(format!("logStreamNamePrefix: {e}")))?;
            if request.order == StreamOrder::LastEventTime {
                return Err(LogError::InvalidParameter(
                    "Cannot order by LastEventTime with a logStreamNamePrefix".into(),
                ));
            }
        }
        let order_code = match request.order {
            StreamOrder::LogStreamName => 0,
            StreamOrder::LastEventTime => 1,
        };
        let prefix_hash = hash(&[request.prefix.unwrap_or("").as_bytes()]);
        let after: Option<(i64, String)> = match request.next_token {
            Some(token) => {
                let payload = self.inner.tokens.open(TokenKind::Streams, token)?;
                let (owner, order, descending, bound_prefix, ts, name) =
                    parse_payload(&payload, |r| {
                        Some((
                            r.u64()?,
                            r.u8()?,
                            r.u8()?,
                            r.u64()?,
                            r.i64()?,
                            String::from_utf8(r.bytes()?.to_vec()).ok()?,
                        ))
                    })?;
                if owner != found.id
                    || order != order_code
                    || descending != u8::from(request.descending)
                    || bound_prefix != prefix_hash
                {
                    return Err(LogError::InvalidToken(
                        "it was issued for a different log group or listing order",
                    ));
                }
                Some((ts, name))
            }
            None => None,
        };

        let streams = read(&found.streams);
        // (sort key, stream) in listing order, one more than the page.
        let mut page: Vec<((i64, String), Arc<Stream>)> = match request.order {
            StreamOrder::LogStreamName => {
                let prefix = request.prefix.unwrap_or("");
                let upper_owned = request.prefix.and_then(prefix_end);
                let prefix_lower = if prefix.is_empty() {
                    Bound::Unbounded
                } else {
                    Bound::Included(prefix)
                };
                let prefix_upper = upper_owned
                    .as_deref()
                    .map_or(Bound::Unbounded, Bound::Excluded);
                let iter: Box<dyn Iterator<Item = (&String, &Arc<Stream>)>> = if request.descending
                {
                    let upper = after
                        .as_ref()
                        .map_or(prefix_upper, |(_, name)| Bound::Excluded(name.as_str()));
                    Box::new(streams.range::<str, _>((prefix_lower, upper)).rev())
                } else {
                    let lower = after
                        .as_ref()
                        .map_or(prefix_lower, |(_, name)| Bound::Excluded(name.as_str()));
                    Box::new(streams.range::<str, _>((lower, prefix_upper)))
                };
                iter.take(limit + 1)
                    .map(|(name, stream)| ((0, name.clone()), Arc::clone(stream)))
                    .collect()
            }
            StreamOrder::LastEventTime => {
                let mut keyed: Vec<((i64, String), Arc<Stream>)> = streams
                    .iter()
                    .map(|(name, stream)| {
                        let (span, _, _) = stream.summary();
                        let last = if span.count > 0 {
                            span.max_ts
                        } else {
                            i64::MIN
                        };
                        ((last, name.clone()), Arc::clone(stream))
                    })
                    .filter(|(key, _)| match &after {
                        None => true,
                        Some(after) if request.descending => key < after,
                        Some(after) => key > after,
                    })
                    .collect();
                let take = (limit + 1).min(keyed.len());
                let order = |a: &((i64, String), Arc<Stream>), b: &((i64, String), Arc<Stream>)| {
                    if request.descending {
                        b.0.cmp(&a.0)
                    } else {
                        a.0.cmp(&b.0)
                    }
                };
                if take > 0 && take < keyed.len() {
                    keyed.select_nth_unstable_by(take - 1, order);
                    keyed.truncate(take);
                }
                keyed.sort_unstable_by(order);
                keyed
            }
        };
        drop(streams);
        let next_token = (page.len() > limit).then(|| {
            page.truncate(limit);
            let ((ts, name), _) = page.last().expect("a full page");
            let mut w = ByteWriter::default();
            w.u64(found.id)
                .u8(order_code)
                .u8(u8::from(request.descending))
                .u64(prefix_hash)
                .i64(*ts)
                .bytes(name.as_bytes());
            self.inner.tokens.seal(TokenKind::Streams, &w)
        });
        Ok(Page {
            items: page.iter().map(|(_, stream)| stream_info(stream)).collect(),
            next_token,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_forty_digits() {
        assert_eq!(event_id(0, 0), "0".repeat(40));
        assert_eq!(event_id(12, 345), format!("{:020}{:020}", 12, 345));
        assert_eq!(
            event_id(u64::MAX, u64::MAX),
            format!("{}{}", u64::MAX, u64::MAX)
        );
    }

    #[test]
    fn prefix_end_bounds_exactly_the_prefixed_strings() {
        assert_eq!(prefix_end("ab").as_deref(), Some("ac"));
        assert_eq!(prefix_end("a\u{D7FF}").as_deref(), Some("a\u{E000}"));
        assert_eq!(prefix_end("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(prefix_end("\u{10FFFF}"), None);
        let end = prefix_end("ab").unwrap();
        for s in ["ab", "ab\u{10FFFF}", "abzzz"] {
            assert!(s < end.as_str() && s >= "ab");
        }
        assert!("ac" >= end.as_str());
    }
}
