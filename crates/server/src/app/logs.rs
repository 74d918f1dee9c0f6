//! The CloudWatch Logs API over berth's log storage engine (`berth-logs`, in
//! `DATA_DIR/logs`): log groups, streams, retention, tags, PutLogEvents, GetLogEvents and
//! FilterLogEvents.
//!
//! The engine is synchronous (an append is written and fsynced before it returns), so every
//! call runs on the blocking pool, never on the async runtime. The engine checks
//! CloudWatch's rules itself; this layer checks the request members the engine does not
//! take (and refuses the ones berth does not offer, naming them), maps the wire shapes,
//! and turns [`LogError`] into CloudWatch's exceptions in one place ([`log_error`]).

use std::collections::BTreeMap;

use berth_api::logs::*;
use berth_logs::{ErrorKind, LogError, LogStore, NewEvent, StreamSelection};
use serde::Serialize;

use super::App;
use crate::error::{Error, Result};
use crate::identity::Access;

/// The answer of an action whose response has no members.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Empty {}

/// CloudWatch's exception for an engine error. Storage failures are logged here and shown
/// as ServiceUnavailableException, which clients retry.
pub(crate) fn log_error(error: LogError) -> Error {
    let message = error.to_string();
    match error.kind() {
        ErrorKind::InvalidParameter => Error::InvalidParameter(message),
        ErrorKind::ResourceNotFound => Error::api("ResourceNotFoundException", message),
        ErrorKind::ResourceAlreadyExists => Error::api("ResourceAlreadyExistsException", message),
        ErrorKind::LimitExceeded => Error::api("LimitExceededException", message),
        ErrorKind::ServiceUnavailable => {
            tracing::error!(error = ?error, "log storage failed");
            Error::Api {
                code: "ServiceUnavailableException",
                message,
                status: 503,
            }
        }
    }
}

/// CloudWatch's tag rules beyond counts and lengths (which the engine checks): letters,
/// spaces, digits and `_.:/=+-@`, and no `aws:` prefix on keys.
fn check_tag_characters(tags: &BTreeMap<String, String>) -> Result<()> {
    let allowed = |c: char| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c);
    for (key, value) in tags {
        if key.to_ascii_lowercase().starts_with("aws:") {
            return Err(Error::invalid(format!(
                "Tag key '{key}' uses the prefix 'aws:', which is reserved for AWS."
            )));
        }
        if let Some(bad) = key.chars().chain(value.chars()).find(|c| !allowed(*c)) {
            return Err(Error::invalid(format!(
                "Tag '{key}' has the character {bad:?}; tags may hold letters, digits, spaces and _.:/=+-@ only."
            )));
        }
    }
    Ok(())
}

fn to_limit(limit: Option<i32>) -> Option<usize> {
    // The model's range (checked before this) keeps it positive.
    limit.map(|l| usize::try_from(l).unwrap_or(0))
}

fn saturating_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl App {
    /// The log storage engine, once the server opened it.
    pub(crate) fn log_store(&self) -> Result<LogStore> {
        self.logs.get().cloned().ok_or_else(|| Error::Api {
            code: "ServiceUnavailableException",
            message: "The log store is not open on this server.".into(),
            status: 503,
        })
    }

    /// Gives the server its log store (once, at start).
    pub fn set_log_store(&self, store: LogStore) {
        if self.logs.set(store).is_err() {
            tracing::warn!("the log store was already set; keeping the first");
        }
    }

    /// Runs `call` on the engine on the blocking pool.
    pub(crate) async fn with_logs<T, F>(&self, call: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&LogStore) -> berth_logs::Result<T> + Send + 'static,
    {
        let store = self.log_store()?;
        tokio::task::spawn_blocking(move || call(&store))
            .await
            .map_err(|e| Error::Internal(anyhow::anyhow!("a log storage call failed: {e}")))?
            .map_err(log_error)
    }

    fn logs_arn_prefix(&self) -> String {
        let scope = &self.config.scope;
        format!(
            "arn:{}:logs:{}:{}:log-group:",
            scope.partition, scope.region, scope.account
        )
    }

    /// `arn:…:log-group:NAME`: the log group resource.
    pub fn log_group_arn(&self, group: &str) -> String {
        format!("{}{group}", self.logs_arn_prefix())
    }

    /// `arn:…:log-group:NAME:log-stream:`: what group-level actions are authorized on.
    pub fn log_group_streams_arn(&self, group: &str) -> String {
        format!("{}{group}:log-stream:", self.logs_arn_prefix())
    }

    /// `arn:…:log-group:NAME:log-stream:STREAM`.
    pub fn log_stream_arn(&self, group: &str, stream: &str) -> String {
        format!("{}{group}:log-stream:{stream}", self.logs_arn_prefix())
    }

    /// The group a log group ARN (with or without the trailing `:*`) names.
    pub(crate) fn log_group_of_arn(&self, arn: &str) -> Result<String> {
        let prefix = self.logs_arn_prefix();
        let Some(rest) = arn.strip_prefix(&prefix) else {
            return Err(Error::invalid(format!(
                "'{arn}' is not the ARN of a log group in this region and account ({prefix}NAME)."
            )));
        };
        let name = rest.strip_suffix(":*").unwrap_or(rest);
        if name.is_empty() || name.contains(':') {
            return Err(Error::invalid(format!(
                "'{arn}' is not the ARN of a log group ({prefix}NAME)."
            )));
        }
        Ok(name.to_owned())
    }

    /// The group named by `logGroupName` or `logGroupIdentifier` (a name or an ARN):
    /// exactly one of them.
    pub(crate) fn log_group_of(
        &self,
        name: Option<&String>,
        identifier: Option<&String>,
    ) -> Result<String> {
        match (name, identifier) {
            (Some(name), None) => Ok(name.clone()),
            (None, Some(identifier)) if identifier.starts_with("arn:") => {
                self.log_group_of_arn(identifier)
            }
            (None, Some(identifier)) => Ok(identifier.clone()),
            (Some(_), Some(_)) => Err(Error::invalid(
                "LogGroupName and LogGroupIdentifier are mutually exclusive; give one.",
            )),
            (None, None) => Err(Error::invalid(
                "Either logGroupName or logGroupIdentifier is required.",
            )),
        }
    }

    /// Adds `aws:ResourceTag/KEY` for each tag the group has (none if it does not exist).
    pub(crate) fn with_log_resource_tags(&self, mut access: Access, group: &str) -> Access {
        let tags = self
            .logs
            .get()
            .and_then(|store| store.group_tags(group).ok())
            .unwrap_or_default();
        for (key, value) in tags {
            access = access.with(format!("aws:ResourceTag/{key}"), value);
        }
        access
    }

    fn log_group_wire(&self, info: berth_logs::GroupInfo) -> LogGroup {
        let arn = self.log_group_arn(&info.name);
        LogGroup {
            arn: Some(format!("{arn}:*")),
            log_group_arn: Some(arn),
            log_group_name: Some(info.name),
            creation_time: Some(info.creation_time),
            retention_in_days: info
                .retention_in_days
                .map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
            metric_filter_count: Some(0),
            stored_bytes: Some(saturating_i64(info.stored_bytes)),
            log_group_class: Some(LogGroupClass::Standard),
            deletion_protection_enabled: Some(false),
            ..LogGroup::default()
        }
    }

    pub async fn create_log_group(&self, request: CreateLogGroupRequest) -> Result<Empty> {
        if request.kms_key_id.is_some() {
            return Err(Error::invalid(
                "kmsKeyId: berth does not encrypt log groups with KMS keys; omit kmsKeyId.",
            ));
        }
        if let Some(class) = request
            .log_group_class
            .filter(|c| *c != LogGroupClass::Standard)
        {
            return Err(Error::invalid(format!(
                "logGroupClass {class} is not available on berth; use STANDARD (the default)."
            )));
        }
        if request.deletion_protection_enabled == Some(true) {
            return Err(Error::invalid(
                "deletionProtectionEnabled: berth does not protect log groups from deletion; omit it or set it to false.",
            ));
        }
        let tags = request.tags.unwrap_or_default();
        check_tag_characters(&tags)?;
        let name = request.log_group_name;
        self.with_logs(move |store| store.create_group(&name, tags))
            .await?;
        Ok(Empty {})
    }

    pub async fn delete_log_group(&self, request: DeleteLogGroupRequest) -> Result<Empty> {
        let name = request.log_group_name;
        self.with_logs(move |store| store.delete_group(&name))
            .await?;
        Ok(Empty {})
    }

    pub async fn describe_log_groups(
        &self,
        request: DescribeLogGroupsRequest,
    ) -> Result<DescribeLogGroupsResponse> {
        if request
            .account_identifiers
            .as_ref()
            .is_some_and(|a| !a.is_empty())
            || request.include_linked_accounts == Some(true)
        {
            return Err(Error::invalid(
                "accountIdentifiers and includeLinkedAccounts: berth has one account and no linked accounts; omit them.",
            ));
        }
        if request.log_group_name_pattern.is_some() {
            return Err(Error::invalid(
                "logGroupNamePattern is not supported by berth; use logGroupNamePrefix.",
            ));
        }
        // Every berth log group is STANDARD.
        if request
            .log_group_class
            .is_some_and(|c| c != LogGroupClass::Standard)
        {
            return Ok(DescribeLogGroupsResponse {
                log_groups: Some(Vec::new()),
                next_token: None,
            });
        }
        if let Some(identifiers) = request.log_group_identifiers {
            if request.log_group_name_prefix.is_some() || request.next_token.is_some() {
                return Err(Error::invalid(
                    "logGroupIdentifiers cannot be combined with logGroupNamePrefix or nextToken.",
                ));
            }
            let names = identifiers
                .iter()
                .map(|id| self.log_group_of(None, Some(id)))
                .collect::<Result<Vec<_>>>()?;
            let found = self
                .with_logs(move |store| {
                    let mut found = Vec::new();
                    for name in names {
                        match store.group(&name) {
                            Ok(info) => found.push(info),
                            Err(LogError::GroupNotFound(_)) => {}
                            Err(e) => return Err(e),
                        }
                    }
                    Ok(found)
                })
                .await?;
            return Ok(DescribeLogGroupsResponse {
                log_groups: Some(found.into_iter().map(|g| self.log_group_wire(g)).collect()),
                next_token: None,
            });
        }
        let limit = to_limit(request.limit);
        let page = self
            .with_logs(move |store| {
                store.list_groups(
                    request.log_group_name_prefix.as_deref(),
                    limit,
                    request.next_token.as_deref(),
                )
            })
            .await?;
        Ok(DescribeLogGroupsResponse {
            log_groups: Some(
                page.items
                    .into_iter()
                    .map(|g| self.log_group_wire(g))
                    .collect(),
            ),
            next_token: page.next_token,
        })
    }

    pub async fn put_retention_policy(&self, request: PutRetentionPolicyRequest) -> Result<Empty> {
        let days = u32::try_from(request.retention_in_days).map_err(|_| {
            Error::invalid(format!(
                "Invalid retentionInDays {}: use one of {:?}",
                request.retention_in_days,
                berth_logs::rules::RETENTION_DAYS
            ))
        })?;
        let name = request.log_group_name;
        self.with_logs(move |store| store.put_retention(&name, days))
            .await?;
        Ok(Empty {})
    }

    pub async fn delete_retention_policy(
        &self,
        request: DeleteRetentionPolicyRequest,
    ) -> Result<Empty> {
        let name = request.log_group_name;
        self.with_logs(move |store| store.delete_retention(&name))
            .await?;
        Ok(Empty {})
    }

    pub async fn create_log_stream(&self, request: CreateLogStreamRequest) -> Result<Empty> {
        self.with_logs(move |store| {
            store.create_stream(&request.log_group_name, &request.log_stream_name)
        })
        .await?;
        Ok(Empty {})
    }

    pub async fn delete_log_stream(&self, request: DeleteLogStreamRequest) -> Result<Empty> {
        self.with_logs(move |store| {
            store.delete_stream(&request.log_group_name, &request.log_stream_name)
        })
        .await?;
        Ok(Empty {})
    }

    pub async fn describe_log_streams(
        &self,
        request: DescribeLogStreamsRequest,
    ) -> Result<DescribeLogStreamsResponse> {
        let group = self.log_group_of(
            request.log_group_name.as_ref(),
            request.log_group_identifier.as_ref(),
        )?;
        let order = match request.order_by {
            Some(OrderBy::LastEventTime) => berth_logs::StreamOrder::LastEventTime,
            Some(OrderBy::LogStreamName) | None => berth_logs::StreamOrder::LogStreamName,
        };
        let limit = to_limit(request.limit);
        let descending = request.descending.unwrap_or(false);
        let query_group = group.clone();
        let page = self
            .with_logs(move |store| {
                store.list_streams(
                    &query_group,
                    &berth_logs::ListStreams {
                        prefix: request.log_stream_name_prefix.as_deref(),
                        order,
                        descending,
                        limit,
                        next_token: request.next_token.as_deref(),
                    },
                )
            })
            .await?;
        let streams = page
            .items
            .into_iter()
            .map(|s| LogStream {
                arn: Some(self.log_stream_arn(&group, &s.name)),
                log_stream_name: Some(s.name),
                creation_time: Some(s.creation_time),
                first_event_timestamp: s.first_event_timestamp,
                last_event_timestamp: s.last_event_timestamp,
                last_ingestion_time: s.last_ingestion_time,
                // CloudWatch reports 0 since 2019 (storedBytes is per group).
                stored_bytes: Some(0),
                upload_sequence_token: None,
            })
            .collect();
        Ok(DescribeLogStreamsResponse {
            log_streams: Some(streams),
            next_token: page.next_token,
        })
    }

    pub async fn put_log_events(
        &self,
        request: PutLogEventsRequest,
    ) -> Result<PutLogEventsResponse> {
        // `sequenceToken` is accepted and ignored, as CloudWatch has done since 2023.
        if request.entity.is_some() {
            return Err(Error::invalid(
                "entity: berth does not relate log events to entities; omit entity.",
            ));
        }
        let outcome = self
            .with_logs(move |store| {
                let events: Vec<NewEvent<'_>> = request
                    .log_events
                    .iter()
                    .map(|e| NewEvent {
                        timestamp: e.timestamp,
                        message: &e.message,
                        position: None,
                    })
                    .collect();
                store.append(&request.log_group_name, &request.log_stream_name, &events)
            })
            .await?;
        let index = |i: Option<usize>| i.map(|i| i32::try_from(i).unwrap_or(i32::MAX));
        let rejected = outcome.rejected;
        Ok(PutLogEventsResponse {
            // Clients that still send a token get one back; it is never checked.
            next_sequence_token: Some(format!(
                "{:020}",
                outcome.ingestion_time.unwrap_or_default()
            )),
            rejected_log_events_info: (!rejected.is_empty()).then(|| RejectedLogEventsInfo {
                too_new_log_event_start_index: index(rejected.too_new_start_index),
                too_old_log_event_end_index: index(rejected.too_old_end_index),
                expired_log_event_end_index: index(rejected.expired_end_index),
            }),
            rejected_entity_info: None,
        })
    }

    pub async fn get_log_events(
        &self,
        request: GetLogEventsRequest,
    ) -> Result<GetLogEventsResponse> {
        // `unmask`: berth masks nothing, so every event is shown as stored either way.
        let group = self.log_group_of(
            request.log_group_name.as_ref(),
            request.log_group_identifier.as_ref(),
        )?;
        let limit = to_limit(request.limit);
        let page = self
            .with_logs(move |store| {
                store.get_events(
                    &group,
                    &request.log_stream_name,
                    &berth_logs::GetEvents {
                        start_time: request.start_time,
                        end_time: request.end_time,
                        start_from_head: request.start_from_head.unwrap_or(false),
                        limit,
                        next_token: request.next_token.as_deref(),
                    },
                )
            })
            .await?;
        Ok(GetLogEventsResponse {
            events: Some(
                page.events
                    .into_iter()
                    .map(|e| OutputLogEvent {
                        timestamp: Some(e.timestamp),
                        message: Some(e.message),
                        ingestion_time: Some(e.ingestion_time),
                    })
                    .collect(),
            ),
            next_forward_token: Some(page.next_forward_token),
            next_backward_token: Some(page.next_backward_token),
        })
    }

    pub async fn filter_log_events(
        &self,
        request: FilterLogEventsRequest,
    ) -> Result<FilterLogEventsResponse> {
        // `interleaved`: results are always interleaved across streams (CloudWatch's only
        // behaviour since 2019); `unmask`: nothing is masked.
        let group = self.log_group_of(
            request.log_group_name.as_ref(),
            request.log_group_identifier.as_ref(),
        )?;
        if request.log_stream_names.is_some() && request.log_stream_name_prefix.is_some() {
            return Err(Error::invalid(
                "logStreamNames and logStreamNamePrefix are mutually exclusive; give one.",
            ));
        }
        let limit = to_limit(request.limit);
        let page = self
            .with_logs(move |store| {
                let streams = match (&request.log_stream_names, &request.log_stream_name_prefix) {
                    (Some(names), _) => StreamSelection::Names(names),
                    (None, Some(prefix)) => StreamSelection::Prefix(prefix),
                    (None, None) => StreamSelection::All,
                };
                store.filter_events(
                    &group,
                    &berth_logs::FilterEvents {
                        streams,
                        start_time: request.start_time,
                        end_time: request.end_time,
                        pattern: request.filter_pattern.as_deref().unwrap_or(""),
                        limit,
                        next_token: request.next_token.as_deref(),
                    },
                )
            })
            .await?;
        Ok(FilterLogEventsResponse {
            events: Some(
                page.events
                    .into_iter()
                    .map(|e| FilteredLogEvent {
                        log_stream_name: Some(e.stream_name),
                        timestamp: Some(e.timestamp),
                        message: Some(e.message),
                        ingestion_time: Some(e.ingestion_time),
                        event_id: Some(e.event_id),
                    })
                    .collect(),
            ),
            searched_log_streams: None,
            next_token: page.next_token,
        })
    }

    pub async fn tag_log_resource(&self, request: TagResourceRequest) -> Result<Empty> {
        let group = self.log_group_of_arn(&request.resource_arn)?;
        check_tag_characters(&request.tags)?;
        let tags = request.tags;
        let resource = request.resource_arn;
        self.with_logs(move |store| {
            let current = store.group_tags(&group)?;
            let total = current.len() + tags.keys().filter(|k| !current.contains_key(*k)).count();
            if total > berth_logs::rules::MAX_TAGS {
                return Ok(Err(Error::api(
                    "TooManyTagsException",
                    format!(
                        "A resource can have at most {} tags; {resource} would have {total}.",
                        berth_logs::rules::MAX_TAGS
                    ),
                )));
            }
            store.tag_group(&group, tags).map(Ok)
        })
        .await??;
        Ok(Empty {})
    }

    pub async fn untag_log_resource(&self, request: UntagResourceRequest) -> Result<Empty> {
        let group = self.log_group_of_arn(&request.resource_arn)?;
        let keys = request.tag_keys;
        self.with_logs(move |store| store.untag_group(&group, &keys))
            .await?;
        Ok(Empty {})
    }

    pub async fn list_log_resource_tags(
        &self,
        request: ListTagsForResourceRequest,
    ) -> Result<ListTagsForResourceResponse> {
        let group = self.log_group_of_arn(&request.resource_arn)?;
        let tags = self
            .with_logs(move |store| store.group_tags(&group))
            .await?;
        Ok(ListTagsForResourceResponse { tags: Some(tags) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_characters_follow_cloudwatch() {
        let ok = BTreeMap::from([("team name".to_owned(), "a.b:c/d=e+f-g@h_i".to_owned())]);
        assert!(check_tag_characters(&ok).is_ok());
        let reserved = BTreeMap::from([("aws:x".to_owned(), String::new())]);
        assert!(check_tag_characters(&reserved).is_err());
        let bad = BTreeMap::from([("k".to_owned(), "semi;colon".to_owned())]);
        assert!(check_tag_characters(&bad).is_err());
    }
}
