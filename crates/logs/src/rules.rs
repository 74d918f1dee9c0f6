//! CloudWatch Logs' rules as pure functions: names, retention values, tags,
//! and the PutLogEvents batch rules (sizes, order, the 24-hour span, and which
//! events are too old, expired or too new). The limits come from botocore's
//! model (`logs/2014-03-28`) and the PutLogEvents API reference.

use std::collections::BTreeMap;

use crate::error::{LogError, Result};
use crate::{NewEvent, Position};

/// Log group and stream names: 1 to 512 characters.
pub const MAX_NAME_CHARS: usize = 512;
/// At most this many events in one PutLogEvents batch.
pub const MAX_BATCH_EVENTS: usize = 10_000;
/// A batch's size: its messages' UTF-8 bytes plus [`EVENT_OVERHEAD_BYTES`] per event.
pub const MAX_BATCH_BYTES: usize = 1_048_576;
/// What CloudWatch counts per event on top of its message bytes.
pub const EVENT_OVERHEAD_BYTES: usize = 26;
/// The largest message of one event, in UTF-8 bytes.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;
/// Valid events of one batch may not span more than this.
pub const MAX_BATCH_SPAN_MS: i64 = 24 * HOUR_MS;
/// Events older than this (before now) are rejected.
pub const MAX_EVENT_AGE_MS: i64 = 14 * DAY_MS;
/// Events newer than this (after now) are rejected.
pub const MAX_EVENT_FUTURE_MS: i64 = 2 * HOUR_MS;
/// The retention values PutRetentionPolicy accepts, in days.
pub const RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];
/// Tags per log group.
pub const MAX_TAGS: usize = 50;
pub const MAX_TAG_KEY_CHARS: usize = 128;
pub const MAX_TAG_VALUE_CHARS: usize = 256;
/// Filter patterns: at most this many characters.
pub const MAX_FILTER_PATTERN_CHARS: usize = 1024;
/// FilterLogEvents `logStreamNames`: at most this many.
pub const MAX_FILTER_STREAM_NAMES: usize = 100;
/// GetLogEvents / FilterLogEvents `limit`: at most (and by default) this many events.
pub const MAX_EVENTS_LIMIT: usize = 10_000;
/// A page of events holds at most this many bytes (messages + 26 per event).
pub const MAX_PAGE_BYTES: usize = 1_048_576;
/// DescribeLogGroups / DescribeLogStreams `limit`: at most (and by default) this many.
pub const MAX_DESCRIBE_LIMIT: usize = 50;

pub const HOUR_MS: i64 = 3_600_000;
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// Checks a log group name: 1-512 characters of `[.\-_/#A-Za-z0-9]`, and not
/// starting with `aws/` (reserved by CloudWatch).
pub fn validate_group_name(name: &str) -> Result<()> {
    check_length("log group name", name)?;
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#')))
    {
        return Err(LogError::InvalidParameter(format!(
            "Invalid log group name {name:?}: {bad:?} is not allowed; use only a-z, A-Z, 0-9, '.', '-', '_', '/' and '#'"
        )));
    }
    if name.starts_with("aws/") {
        return Err(LogError::InvalidParameter(format!(
            "Invalid log group name {name:?}: names starting with \"aws/\" are reserved"
        )));
    }
    Ok(())
}

/// Checks a log stream name: 1-512 characters, none of them `:` or `*`.
pub fn validate_stream_name(name: &str) -> Result<()> {
    check_length("log stream name", name)?;
    if let Some(bad) = name.chars().find(|c| matches!(c, ':' | '*')) {
        return Err(LogError::InvalidParameter(format!(
            "Invalid log stream name {name:?}: {bad:?} is not allowed"
        )));
    }
    Ok(())
}

/// Checks a name prefix used for listing: the same characters as a name.
pub fn validate_group_prefix(prefix: &str) -> Result<()> {
    check_length("log group name prefix", prefix)?;
    if prefix
        .chars()
        .any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#')))
    {
        return Err(LogError::InvalidParameter(format!(
            "Invalid log group name prefix {prefix:?}: use only a-z, A-Z, 0-9, '.', '-', '_', '/' and '#'"
        )));
    }
    Ok(())
}

fn check_length(what: &str, name: &str) -> Result<()> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(LogError::InvalidParameter(format!(
            "The {what} must be 1 to {MAX_NAME_CHARS} characters long; got {chars}"
        )));
    }
    Ok(())
}

/// Checks a retention period against the values CloudWatch allows.
pub fn validate_retention(days: u32) -> Result<()> {
    if RETENTION_DAYS.contains(&days) {
        Ok(())
    } else {
        Err(LogError::InvalidParameter(format!(
            "Invalid retentionInDays {days}: use one of {RETENTION_DAYS:?}"
        )))
    }
}

/// Checks the tags a group would hold: at most 50, keys 1-128 characters,
/// values up to 256.
pub fn validate_tags(tags: &BTreeMap<String, String>) -> Result<()> {
    if tags.len() > MAX_TAGS {
        return Err(LogError::InvalidParameter(format!(
            "A log group can have at most {MAX_TAGS} tags; this request would leave {}",
            tags.len()
        )));
    }
    for (key, value) in tags {
        let key_chars = key.chars().count();
        if key_chars == 0 || key_chars > MAX_TAG_KEY_CHARS {
            return Err(LogError::InvalidParameter(format!(
                "Tag key {key:?} must be 1 to {MAX_TAG_KEY_CHARS} characters long"
            )));
        }
        if value.chars().count() > MAX_TAG_VALUE_CHARS {
            return Err(LogError::InvalidParameter(format!(
                "The value of tag {key:?} must be at most {MAX_TAG_VALUE_CHARS} characters long"
            )));
        }
    }
    Ok(())
}

/// Checks a `limit` parameter against `1..=max`, defaulting to `max`.
pub fn resolve_limit(limit: Option<usize>, max: usize) -> Result<usize> {
    match limit {
        None => Ok(max),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(n) => Err(LogError::InvalidParameter(format!(
            "Invalid limit {n}: it must be between 1 and {max}"
        ))),
    }
}

/// Which events of a batch PutLogEvents rejects without failing the request,
/// as CloudWatch reports them. Indices refer to the batch as sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RejectedEvents {
    /// The first event more than 2 hours in the future (inclusive): it and
    /// every later event were rejected.
    pub too_new_start_index: Option<usize>,
    /// Events before this index (exclusive) are older than 14 days and were
    /// rejected.
    pub too_old_end_index: Option<usize>,
    /// Events before this index (exclusive) are older than the group's
    /// retention period and were rejected.
    pub expired_end_index: Option<usize>,
}

impl RejectedEvents {
    pub fn is_empty(&self) -> bool {
        *self == RejectedEvents::default()
    }
}

/// The valid part of a batch: `events[start..end]`, plus what was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BatchPlan {
    pub start: usize,
    pub end: usize,
    pub rejected: RejectedEvents,
}

/// Applies PutLogEvents' rules to a batch at time `now_ms` for a group with
/// `retention_days`. Structural problems (count, sizes, order, positions, the
/// 24-hour span of the valid events) fail the whole batch; events outside the
/// accepted time window are rejected and reported. Because a valid batch is in
/// chronological order, rejected-as-old events form a prefix and too-new
/// events a suffix.
pub(crate) fn plan_batch(
    events: &[NewEvent<'_>],
    now_ms: i64,
    retention_days: Option<u32>,
) -> Result<BatchPlan> {
    if events.is_empty() {
        return Err(LogError::InvalidParameter(
            "logEvents must contain at least one event".into(),
        ));
    }
    if events.len() > MAX_BATCH_EVENTS {
        return Err(LogError::InvalidParameter(format!(
            "A batch can hold at most {MAX_BATCH_EVENTS} log events; got {}",
            events.len()
        )));
    }
    let mut batch_bytes = 0usize;
    let mut previous: Option<&NewEvent<'_>> = None;
    let with_positions = events[0].position.is_some();
    for (index, event) in events.iter().enumerate() {
        let len = event.message.len();
        if len == 0 {
            return Err(LogError::InvalidParameter(format!(
                "Log event {index} has an empty message; messages must be at least 1 character"
            )));
        }
        if len > MAX_MESSAGE_BYTES {
            return Err(LogError::InvalidParameter(format!(
                "Log event {index} is {len} bytes; a message can be at most {MAX_MESSAGE_BYTES} bytes"
            )));
        }
        if event.timestamp < 0 {
            return Err(LogError::InvalidParameter(format!(
                "Log event {index} has a negative timestamp {}",
                event.timestamp
            )));
        }
        batch_bytes += len + EVENT_OVERHEAD_BYTES;
        if event.position.is_some() != with_positions {
            return Err(LogError::InvalidParameter(
                "Either every event of a batch carries a producer position or none does".into(),
            ));
        }
        if let Some(prev) = previous {
            if event.timestamp < prev.timestamp {
                return Err(LogError::InvalidParameter(format!(
                    "Log events in a single PutLogEvents request must be in chronological order: event {index} ({}) is older than event {} ({})",
                    event.timestamp,
                    index - 1,
                    prev.timestamp
                )));
            }
            if let (Some(p), Some(q)) = (prev.position, event.position) {
                if q <= p {
                    return Err(LogError::InvalidParameter(format!(
                        "Producer positions must increase within a batch: event {index} has {q:?} after {p:?}"
                    )));
                }
            }
        }
        previous = Some(event);
    }
    if batch_bytes > MAX_BATCH_BYTES {
        return Err(LogError::InvalidParameter(format!(
            "The batch is {batch_bytes} bytes (messages plus {EVENT_OVERHEAD_BYTES} bytes per event); at most {MAX_BATCH_BYTES} are allowed"
        )));
    }

    let too_old_before = now_ms.saturating_sub(MAX_EVENT_AGE_MS);
    let expired_before = retention_days.map(|days| now_ms.saturating_sub(i64::from(days) * DAY_MS));
    let too_new_after = now_ms.saturating_add(MAX_EVENT_FUTURE_MS);

    let too_old = events.partition_point(|e| e.timestamp < too_old_before);
    let expired = expired_before.map_or(0, |cut| events.partition_point(|e| e.timestamp < cut));
    let start = too_old.max(expired);
    let end = events
        .partition_point(|e| e.timestamp <= too_new_after)
        .max(start);

    if end > start {
        let span = events[end - 1].timestamp - events[start].timestamp;
        if span > MAX_BATCH_SPAN_MS {
            return Err(LogError::InvalidParameter(format!(
                "The log events in a batch cannot span more than 24 hours; these span {span} ms"
            )));
        }
    }
    Ok(BatchPlan {
        start,
        end,
        rejected: RejectedEvents {
            too_new_start_index: (end < events.len()).then_some(end),
            too_old_end_index: (too_old > 0).then_some(too_old),
            expired_end_index: (expired > 0).then_some(expired),
        },
    })
}

/// How many leading events of `events[start..end]` a stream already stored:
/// those at or below its last producer position.
pub(crate) fn already_stored(events: &[NewEvent<'_>], last: Option<Position>) -> usize {
    match last {
        None => 0,
        Some(last) => events.partition_point(|e| e.position.is_some_and(|p| p <= last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(timestamp: i64, message: &str) -> NewEvent<'_> {
        NewEvent {
            timestamp,
            message,
            position: None,
        }
    }

    const NOW: i64 = 1_700_000_000_000;

    #[test]
    fn group_names_follow_cloudwatch() {
        assert!(validate_group_name("/ecs/my-app_1.#x").is_ok());
        assert!(validate_group_name(&"a".repeat(512)).is_ok());
        assert!(validate_group_name("").is_err());
        assert!(validate_group_name(&"a".repeat(513)).is_err());
        assert!(validate_group_name("has space").is_err());
        assert!(validate_group_name("colon:").is_err());
        assert!(validate_group_name("aws/lambda").is_err());
        assert!(validate_group_name("/aws/lambda").is_ok());
    }

    #[test]
    fn stream_names_refuse_colon_and_star() {
        assert!(validate_stream_name("ecs/web/0123 with spaces é").is_ok());
        assert!(validate_stream_name("a:b").is_err());
        assert!(validate_stream_name("a*").is_err());
        assert!(validate_stream_name("").is_err());
        // 512 characters, not bytes.
        assert!(validate_stream_name(&"é".repeat(512)).is_ok());
        assert!(validate_stream_name(&"é".repeat(513)).is_err());
    }

    #[test]
    fn retention_only_takes_cloudwatch_values() {
        for days in RETENTION_DAYS {
            assert!(validate_retention(days).is_ok());
        }
        for days in [0, 2, 4, 8, 366, 3654] {
            assert!(validate_retention(days).is_err(), "{days}");
        }
    }

    #[test]
    fn tags_are_bounded() {
        let mut tags: BTreeMap<String, String> =
            (0..50).map(|i| (format!("k{i}"), "v".into())).collect();
        assert!(validate_tags(&tags).is_ok());
        tags.insert("one-too-many".into(), String::new());
        assert!(validate_tags(&tags).is_err());
        let long_key = BTreeMap::from([("k".repeat(129), String::new())]);
        assert!(validate_tags(&long_key).is_err());
        let long_value = BTreeMap::from([("k".into(), "v".repeat(257))]);
        assert!(validate_tags(&long_value).is_err());
    }

    #[test]
    fn batch_structure_rules_fail_the_whole_batch() {
        assert!(plan_batch(&[], NOW, None).is_err());
        let many: Vec<_> = (0..=MAX_BATCH_EVENTS).map(|_| ev(NOW, "x")).collect();
        assert!(plan_batch(&many, NOW, None).is_err());
        assert!(plan_batch(&many[..MAX_BATCH_EVENTS], NOW, None).is_ok());

        // 1,048,576 bytes counting 26 per event: 4 events of 262,118 bytes fit
        // exactly, one more byte does not.
        let fits = "x".repeat(MAX_BATCH_BYTES / 4 - EVENT_OVERHEAD_BYTES);
        let batch: Vec<_> = (0..4).map(|_| ev(NOW, &fits)).collect();
        assert!(plan_batch(&batch, NOW, None).is_ok());
        let over = format!("{fits}y");
        let mut batch: Vec<_> = (0..3).map(|_| ev(NOW, &fits)).collect();
        batch.push(ev(NOW, &over));
        assert!(plan_batch(&batch, NOW, None).is_err());

        let big = "x".repeat(MAX_MESSAGE_BYTES + 1);
        assert!(plan_batch(&[ev(NOW, &big)], NOW, None).is_err());
        assert!(plan_batch(&[ev(NOW, "")], NOW, None).is_err());
        assert!(plan_batch(&[ev(NOW, "b"), ev(NOW - 1, "a")], NOW, None).is_err());
        assert!(plan_batch(&[ev(NOW - 1, "a"), ev(NOW - 1, "b")], NOW, None).is_ok());
        let span = [ev(NOW - MAX_BATCH_SPAN_MS - 1, "a"), ev(NOW, "b")];
        let err = plan_batch(&span, NOW, None).unwrap_err();
        assert!(err.to_string().contains("24 hours"), "{err}");
    }

    #[test]
    fn positions_must_be_all_or_none_and_increase() {
        let p = |t, i| {
            Some(Position {
                time_ns: t,
                index: i,
            })
        };
        let mut a = ev(NOW, "a");
        let mut b = ev(NOW, "b");
        a.position = p(5, 0);
        assert!(plan_batch(&[a, b], NOW, None).is_err());
        b.position = p(5, 0);
        assert!(plan_batch(&[a, b], NOW, None).is_err());
        b.position = p(5, 1);
        assert!(plan_batch(&[a, b], NOW, None).is_ok());
    }

    #[test]
    fn old_and_new_events_are_rejected_and_reported() {
        let batch = [
            ev(NOW - MAX_EVENT_AGE_MS - 2, "too old"),
            ev(NOW - MAX_EVENT_AGE_MS - 1, "too old"),
            ev(NOW - MAX_EVENT_AGE_MS, "kept: exactly 14 days"),
            ev(NOW, "kept"),
        ];
        // The valid events span 14 days: the span rule applies to them only
        // after the old ones are rejected, so use a narrower batch for that.
        assert!(plan_batch(&batch, NOW, None).is_err());
        let batch = [
            ev(NOW - MAX_EVENT_AGE_MS - 1, "too old"),
            ev(NOW - 1000, "kept"),
            ev(NOW + MAX_EVENT_FUTURE_MS, "kept: exactly 2 hours ahead"),
            ev(NOW + MAX_EVENT_FUTURE_MS + 1, "too new"),
            ev(NOW + MAX_EVENT_FUTURE_MS + 2, "too new"),
        ];
        let plan = plan_batch(&batch, NOW, None).unwrap();
        assert_eq!((plan.start, plan.end), (1, 3));
        assert_eq!(
            plan.rejected,
            RejectedEvents {
                too_new_start_index: Some(3),
                too_old_end_index: Some(1),
                expired_end_index: None,
            }
        );
    }

    #[test]
    fn retention_expires_events_before_fourteen_days() {
        let batch = [
            ev(NOW - 2 * DAY_MS, "expired with 1-day retention"),
            ev(NOW - DAY_MS - 1, "expired"),
            ev(NOW - DAY_MS + 1, "kept"),
        ];
        let plan = plan_batch(&batch, NOW, Some(1)).unwrap();
        assert_eq!((plan.start, plan.end), (2, 3));
        assert_eq!(plan.rejected.expired_end_index, Some(2));
        assert_eq!(plan.rejected.too_old_end_index, None);
        // Every event rejected: an empty valid range, not an error.
        let plan = plan_batch(&batch[..2], NOW, Some(1)).unwrap();
        assert_eq!(plan.start, plan.end);
    }

    #[test]
    fn already_stored_counts_the_prefix_at_or_below_the_last_position() {
        let at = |i| NewEvent {
            timestamp: NOW,
            message: "m",
            position: Some(Position {
                time_ns: 10,
                index: i,
            }),
        };
        let batch = [at(1), at(2), at(3)];
        assert_eq!(already_stored(&batch, None), 0);
        assert_eq!(
            already_stored(
                &batch,
                Some(Position {
                    time_ns: 10,
                    index: 2
                })
            ),
            2
        );
        assert_eq!(
            already_stored(
                &batch,
                Some(Position {
                    time_ns: 9,
                    index: 99
                })
            ),
            0
        );
        assert_eq!(
            already_stored(
                &batch,
                Some(Position {
                    time_ns: 11,
                    index: 0
                })
            ),
            3
        );
        let no_positions = [ev(NOW, "a")];
        assert_eq!(
            already_stored(
                &no_positions,
                Some(Position {
                    time_ns: 11,
                    index: 0
                })
            ),
            0
        );
    }
}
