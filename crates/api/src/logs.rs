//! CloudWatch Logs wire types (AWS JSON 1.1), generated from botocore's `logs/2014-03-28`
//! model by `tools/gen_aws_types.py logs`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::logs::OPERATIONS) are here. Structures use
//! the model's member names on the wire, `Option` for members the model does not require,
//! and implement [`Validate`](crate::Validate) with the model's length and range limits.
//!
//! Serde derives give the JSON 1.1 wire form. `timestamp` members are epoch seconds (f64),
//! `long` members i64 (CloudWatch Logs' epoch-millisecond times among them), `blob` members
//! base64 text.
#![allow(clippy::all, missing_docs)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The CloudWatch Logs API version this module was generated from.
pub const API_VERSION: &str = "2014-03-28";

/// The `X-Amz-Target` prefix of every CloudWatch Logs action (`Logs_20140328.<Action>`).
pub const TARGET_PREFIX: &str = "Logs_20140328";

/// The SigV4 service name CloudWatch Logs requests are signed for.
pub const SIGNING_SERVICE: &str = "logs";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "CreateLogGroup",
    "DescribeLogGroups",
    "DeleteLogGroup",
    "PutRetentionPolicy",
    "DeleteRetentionPolicy",
    "CreateLogStream",
    "DescribeLogStreams",
    "DeleteLogStream",
    "PutLogEvents",
    "GetLogEvents",
    "FilterLogEvents",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
];

/// CloudWatch Logs structure `CreateLogGroupRequest`.
///
/// The request of `CreateLogGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLogGroupRequest {
    /// A name for the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    /// The Amazon Resource Name (ARN) of the KMS key to use when encrypting log data.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The key-value pairs to use for the tags.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    /// Use this parameter to specify the log group class for this log group.
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    /// Use this parameter to enable deletion protection for the new log group.
    #[serde(
        rename = "deletionProtectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection_enabled: Option<bool>,
}

impl Validate for CreateLogGroupRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        if let Some(value) = &self.kms_key_id {
            check_len(path, "kmsKeyId", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `CreateLogStreamRequest`.
///
/// The request of `CreateLogStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLogStreamRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    /// The name of the log stream.
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
}

impl Validate for CreateLogStreamRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        check_len(
            path,
            "logStreamName",
            (&self.log_stream_name).chars().count(),
            1,
            512,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs enum `DataProtectionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DataProtectionStatus {
    #[serde(rename = "ACTIVATED")]
    Activated,
    #[serde(rename = "DELETED")]
    Deleted,
    #[serde(rename = "ARCHIVED")]
    Archived,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl DataProtectionStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DataProtectionStatus] = &[
        DataProtectionStatus::Activated,
        DataProtectionStatus::Deleted,
        DataProtectionStatus::Archived,
        DataProtectionStatus::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DataProtectionStatus::Activated => "ACTIVATED",
            DataProtectionStatus::Deleted => "DELETED",
            DataProtectionStatus::Archived => "ARCHIVED",
            DataProtectionStatus::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DataProtectionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CloudWatch Logs structure `DeleteLogGroupRequest`.
///
/// The request of `DeleteLogGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteLogGroupRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

impl Validate for DeleteLogGroupRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `DeleteLogStreamRequest`.
///
/// The request of `DeleteLogStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteLogStreamRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    /// The name of the log stream.
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
}

impl Validate for DeleteLogStreamRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        check_len(
            path,
            "logStreamName",
            (&self.log_stream_name).chars().count(),
            1,
            512,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `DeleteRetentionPolicyRequest`.
///
/// The request of `DeleteRetentionPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteRetentionPolicyRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

impl Validate for DeleteRetentionPolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `DescribeLogGroupsRequest`.
///
/// The request of `DescribeLogGroups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogGroupsRequest {
    /// When includeLinkedAccounts is set to true, use this parameter to specify the list of accounts to search.
    #[serde(
        rename = "accountIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_identifiers: Option<Vec<String>>,
    /// The prefix to match.
    #[serde(
        rename = "logGroupNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_prefix: Option<String>,
    /// If you specify a string for this parameter, the operation returns only log groups that have names that match the string based on a case-sensitive substring search.
    #[serde(
        rename = "logGroupNamePattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_pattern: Option<String>,
    /// The token for the next set of items to return.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of items returned.
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// If you are using a monitoring account, set this to true to have the operation return log groups in the accounts listed in accountIdentifiers.
    #[serde(
        rename = "includeLinkedAccounts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_linked_accounts: Option<bool>,
    /// Use this parameter to limit the results to only those log groups in the specified log group class.
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    /// Use this array to filter the list of log groups returned.
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
}

impl Validate for DescribeLogGroupsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.account_identifiers {
            check_len(path, "accountIdentifiers", value.len(), 0, 20)?;
        }
        if let Some(value) = &self.log_group_name_prefix {
            check_len(path, "logGroupNamePrefix", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.log_group_name_pattern {
            check_len(path, "logGroupNamePattern", value.chars().count(), 0, 512)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.limit {
            check_range(path, "limit", i64::from(*value), 1, 50)?;
        }
        if let Some(value) = &self.log_group_identifiers {
            check_len(path, "logGroupIdentifiers", value.len(), 1, 50)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `DescribeLogGroupsResponse`.
///
/// The response of `DescribeLogGroups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogGroupsResponse {
    /// An array of structures, where each structure contains the information about one log group.
    #[serde(rename = "logGroups", default, skip_serializing_if = "Option::is_none")]
    pub log_groups: Option<Vec<LogGroup>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for DescribeLogGroupsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.logGroups"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `DescribeLogStreamsRequest`.
///
/// The request of `DescribeLogStreams`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogStreamsRequest {
    /// The name of the log group.
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    /// Specify either the name or ARN of the log group to view.
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    /// The prefix to match.
    #[serde(
        rename = "logStreamNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefix: Option<String>,
    /// If the value is LogStreamName, the results are ordered by log stream name.
    #[serde(rename = "orderBy", default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrderBy>,
    /// If the value is true, results are returned in descending order.
    #[serde(
        rename = "descending",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub descending: Option<bool>,
    /// The token for the next set of items to return.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of items returned.
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

impl Validate for DescribeLogStreamsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_group_name {
            check_len(path, "logGroupName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.log_group_identifier {
            check_len(path, "logGroupIdentifier", value.chars().count(), 1, 2048)?;
        }
        if let Some(value) = &self.log_stream_name_prefix {
            check_len(path, "logStreamNamePrefix", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.limit {
            check_range(path, "limit", i64::from(*value), 1, 50)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `DescribeLogStreamsResponse`.
///
/// The response of `DescribeLogStreams`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogStreamsResponse {
    /// The log streams.
    #[serde(
        rename = "logStreams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_streams: Option<Vec<LogStream>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for DescribeLogStreamsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_streams {
            for item in value.iter() {
                item.validate(&format!("{path}.logStreams"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `Entity`. The entity associated with the log events in a PutLogEvents call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The attributes of the entity which identify the specific entity, as a list of key-value pairs.
    #[serde(
        rename = "keyAttributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub key_attributes: Option<BTreeMap<String, String>>,
    /// Additional attributes of the entity that are not used to specify the identity of the entity.
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<BTreeMap<String, String>>,
}

impl Validate for Entity {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// CloudWatch Logs enum `EntityRejectionErrorType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityRejectionErrorType {
    #[serde(rename = "InvalidEntity")]
    InvalidEntity,
    #[serde(rename = "InvalidTypeValue")]
    InvalidTypeValue,
    #[serde(rename = "InvalidKeyAttributes")]
    InvalidKeyAttributes,
    #[serde(rename = "InvalidAttributes")]
    InvalidAttributes,
    #[serde(rename = "EntitySizeTooLarge")]
    EntitySizeTooLarge,
    #[serde(rename = "UnsupportedLogGroupType")]
    UnsupportedLogGroupType,
    #[serde(rename = "MissingRequiredFields")]
    MissingRequiredFields,
}

impl EntityRejectionErrorType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EntityRejectionErrorType] = &[
        EntityRejectionErrorType::InvalidEntity,
        EntityRejectionErrorType::InvalidTypeValue,
        EntityRejectionErrorType::InvalidKeyAttributes,
        EntityRejectionErrorType::InvalidAttributes,
        EntityRejectionErrorType::EntitySizeTooLarge,
        EntityRejectionErrorType::UnsupportedLogGroupType,
        EntityRejectionErrorType::MissingRequiredFields,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityRejectionErrorType::InvalidEntity => "InvalidEntity",
            EntityRejectionErrorType::InvalidTypeValue => "InvalidTypeValue",
            EntityRejectionErrorType::InvalidKeyAttributes => "InvalidKeyAttributes",
            EntityRejectionErrorType::InvalidAttributes => "InvalidAttributes",
            EntityRejectionErrorType::EntitySizeTooLarge => "EntitySizeTooLarge",
            EntityRejectionErrorType::UnsupportedLogGroupType => "UnsupportedLogGroupType",
            EntityRejectionErrorType::MissingRequiredFields => "MissingRequiredFields",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EntityRejectionErrorType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CloudWatch Logs structure `FilterLogEventsRequest`.
///
/// The request of `FilterLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterLogEventsRequest {
    /// The name of the log group to search.
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    /// Specify either the name or ARN of the log group to view log events from.
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    /// Filters the results to only logs from the log streams in this list.
    #[serde(
        rename = "logStreamNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_names: Option<Vec<String>>,
    /// Filters the results to include only events from log streams that have names starting with this prefix.
    #[serde(
        rename = "logStreamNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefix: Option<String>,
    /// The start of the time range, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// The end of the time range, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "endTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// The filter pattern to use.
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    /// The token for the next set of events to return.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of events to return.
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// If the value is true, the operation attempts to provide responses that contain events from multiple log streams within the log group, interleaved in a single response.
    #[serde(
        rename = "interleaved",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interleaved: Option<bool>,
    /// Specify true to display the log event fields with all sensitive data unmasked and visible.
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
}

impl Validate for FilterLogEventsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_group_name {
            check_len(path, "logGroupName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.log_group_identifier {
            check_len(path, "logGroupIdentifier", value.chars().count(), 1, 2048)?;
        }
        if let Some(value) = &self.log_stream_names {
            check_len(path, "logStreamNames", value.len(), 1, 100)?;
        }
        if let Some(value) = &self.log_stream_name_prefix {
            check_len(path, "logStreamNamePrefix", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.start_time {
            check_range(path, "startTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.end_time {
            check_range(path, "endTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.filter_pattern {
            check_len(path, "filterPattern", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.limit {
            check_range(path, "limit", i64::from(*value), 1, 10000)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `FilterLogEventsResponse`.
///
/// The response of `FilterLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterLogEventsResponse {
    /// The matched events.
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<FilteredLogEvent>>,
    /// Important As of May 15, 2020, this parameter is no longer supported.
    #[serde(
        rename = "searchedLogStreams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub searched_log_streams: Option<Vec<SearchedLogStream>>,
    /// The token to use when requesting the next set of items.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for FilterLogEventsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.events {
            for item in value.iter() {
                item.validate(&format!("{path}.events"))?;
            }
        }
        if let Some(value) = &self.searched_log_streams {
            for item in value.iter() {
                item.validate(&format!("{path}.searchedLogStreams"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `FilteredLogEvent`. Represents a matched event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilteredLogEvent {
    /// The name of the log stream to which this event belongs.
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    /// The time the event occurred, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// The data contained in the log event.
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The time the event was ingested, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(
        rename = "ingestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingestion_time: Option<i64>,
    /// The ID of the event.
    #[serde(rename = "eventId", default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

impl Validate for FilteredLogEvent {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_stream_name {
            check_len(path, "logStreamName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.timestamp {
            check_range(path, "timestamp", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.message {
            check_len(path, "message", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.ingestion_time {
            check_range(path, "ingestionTime", i64::from(*value), 0, i64::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `GetLogEventsRequest`.
///
/// The request of `GetLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogEventsRequest {
    /// The name of the log group.
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    /// Specify either the name or ARN of the log group to view events from.
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    /// The name of the log stream.
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
    /// The start of the time range, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// The end of the time range, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "endTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// The token for the next set of items to return.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of log events returned.
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// If the value is true, the earliest log events are returned first.
    #[serde(
        rename = "startFromHead",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_from_head: Option<bool>,
    /// Specify true to display the log event fields with all sensitive data unmasked and visible.
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
}

impl Validate for GetLogEventsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_group_name {
            check_len(path, "logGroupName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.log_group_identifier {
            check_len(path, "logGroupIdentifier", value.chars().count(), 1, 2048)?;
        }
        check_len(
            path,
            "logStreamName",
            (&self.log_stream_name).chars().count(),
            1,
            512,
        )?;
        if let Some(value) = &self.start_time {
            check_range(path, "startTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.end_time {
            check_range(path, "endTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "nextToken", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.limit {
            check_range(path, "limit", i64::from(*value), 1, 10000)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `GetLogEventsResponse`.
///
/// The response of `GetLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogEventsResponse {
    /// The events.
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<OutputLogEvent>>,
    /// The token for the next set of items in the forward direction.
    #[serde(
        rename = "nextForwardToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_forward_token: Option<String>,
    /// The token for the next set of items in the backward direction.
    #[serde(
        rename = "nextBackwardToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_backward_token: Option<String>,
}

impl Validate for GetLogEventsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.events {
            for item in value.iter() {
                item.validate(&format!("{path}.events"))?;
            }
        }
        if let Some(value) = &self.next_forward_token {
            check_len(
                path,
                "nextForwardToken",
                value.chars().count(),
                1,
                usize::MAX,
            )?;
        }
        if let Some(value) = &self.next_backward_token {
            check_len(
                path,
                "nextBackwardToken",
                value.chars().count(),
                1,
                usize::MAX,
            )?;
        }
        Ok(())
    }
}

/// CloudWatch Logs enum `InheritedProperty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InheritedProperty {
    #[serde(rename = "ACCOUNT_DATA_PROTECTION")]
    AccountDataProtection,
}

impl InheritedProperty {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [InheritedProperty] = &[InheritedProperty::AccountDataProtection];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InheritedProperty::AccountDataProtection => "ACCOUNT_DATA_PROTECTION",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InheritedProperty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CloudWatch Logs structure `InputLogEvent`. Represents a log event, which is a record of activity that was recorded by the application or resource being monitored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InputLogEvent {
    /// The time the event occurred, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "timestamp")]
    pub timestamp: i64,
    /// The raw event message.
    #[serde(rename = "message")]
    pub message: String,
}

impl Validate for InputLogEvent {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_range(
            path,
            "timestamp",
            i64::from(*(&self.timestamp)),
            0,
            i64::MAX,
        )?;
        check_len(
            path,
            "message",
            (&self.message).chars().count(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `ListTagsForResourceRequest`.
///
/// The request of `ListTagsForResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceRequest {
    /// The ARN of the resource that you want to view tags for.
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
}

impl Validate for ListTagsForResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "resourceArn",
            (&self.resource_arn).chars().count(),
            1,
            1011,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `ListTagsForResourceResponse`.
///
/// The response of `ListTagsForResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceResponse {
    /// The list of tags associated with the requested resource.&gt;.
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

impl Validate for ListTagsForResourceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// CloudWatch Logs structure `LogGroup`. Represents a log group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogGroup {
    /// The name of the log group.
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    /// The creation time of the log group, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "retentionInDays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retention_in_days: Option<i32>,
    /// The number of metric filters.
    #[serde(
        rename = "metricFilterCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_filter_count: Option<i32>,
    /// The Amazon Resource Name (ARN) of the log group.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The number of bytes stored.
    #[serde(
        rename = "storedBytes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_bytes: Option<i64>,
    /// The Amazon Resource Name (ARN) of the KMS key to use when encrypting log data.
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Displays whether this log group has a protection policy, or whether it had one in the past.
    #[serde(
        rename = "dataProtectionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_protection_status: Option<DataProtectionStatus>,
    /// Displays all the properties that this log group has inherited from account-level settings.
    #[serde(
        rename = "inheritedProperties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inherited_properties: Option<Vec<InheritedProperty>>,
    /// This specifies the log group class for this log group.
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    /// The Amazon Resource Name (ARN) of the log group.
    #[serde(
        rename = "logGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn: Option<String>,
    /// Indicates whether deletion protection is enabled for this log group.
    #[serde(
        rename = "deletionProtectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection_enabled: Option<bool>,
    /// Indicates whether bearer token authentication is enabled for this log group.
    #[serde(
        rename = "bearerTokenAuthenticationEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bearer_token_authentication_enabled: Option<bool>,
}

impl Validate for LogGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_group_name {
            check_len(path, "logGroupName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.creation_time {
            check_range(path, "creationTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.stored_bytes {
            check_range(path, "storedBytes", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "kmsKeyId", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs enum `LogGroupClass`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LogGroupClass {
    #[serde(rename = "STANDARD")]
    Standard,
    #[serde(rename = "INFREQUENT_ACCESS")]
    InfrequentAccess,
    #[serde(rename = "DELIVERY")]
    Delivery,
}

impl LogGroupClass {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LogGroupClass] = &[
        LogGroupClass::Standard,
        LogGroupClass::InfrequentAccess,
        LogGroupClass::Delivery,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LogGroupClass::Standard => "STANDARD",
            LogGroupClass::InfrequentAccess => "INFREQUENT_ACCESS",
            LogGroupClass::Delivery => "DELIVERY",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LogGroupClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CloudWatch Logs structure `LogStream`. Represents a log stream, which is a sequence of log events from a single emitter of logs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogStream {
    /// The name of the log stream.
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    /// The creation time of the stream, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    /// The time of the first event, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(
        rename = "firstEventTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub first_event_timestamp: Option<i64>,
    /// The time of the most recent log event in the log stream in CloudWatch Logs.
    #[serde(
        rename = "lastEventTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_event_timestamp: Option<i64>,
    /// The ingestion time, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC The lastIngestionTime value updates on an eventual consistency basis.
    #[serde(
        rename = "lastIngestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ingestion_time: Option<i64>,
    /// The sequence token.
    #[serde(
        rename = "uploadSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upload_sequence_token: Option<String>,
    /// The Amazon Resource Name (ARN) of the log stream.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The number of bytes stored.
    #[serde(
        rename = "storedBytes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_bytes: Option<i64>,
}

impl Validate for LogStream {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_stream_name {
            check_len(path, "logStreamName", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.creation_time {
            check_range(path, "creationTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.first_event_timestamp {
            check_range(path, "firstEventTimestamp", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.last_event_timestamp {
            check_range(path, "lastEventTimestamp", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.last_ingestion_time {
            check_range(path, "lastIngestionTime", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.upload_sequence_token {
            check_len(
                path,
                "uploadSequenceToken",
                value.chars().count(),
                1,
                usize::MAX,
            )?;
        }
        if let Some(value) = &self.stored_bytes {
            check_range(path, "storedBytes", i64::from(*value), 0, i64::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs enum `OrderBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrderBy {
    #[serde(rename = "LogStreamName")]
    LogStreamName,
    #[serde(rename = "LastEventTime")]
    LastEventTime,
}

impl OrderBy {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [OrderBy] = &[OrderBy::LogStreamName, OrderBy::LastEventTime];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OrderBy::LogStreamName => "LogStreamName",
            OrderBy::LastEventTime => "LastEventTime",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OrderBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CloudWatch Logs structure `OutputLogEvent`. Represents a log event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutputLogEvent {
    /// The time the event occurred, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// The data contained in the log event.
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The time the event was ingested, expressed as the number of milliseconds after Jan 1, 1970 00:00:00 UTC.
    #[serde(
        rename = "ingestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingestion_time: Option<i64>,
}

impl Validate for OutputLogEvent {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.timestamp {
            check_range(path, "timestamp", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.message {
            check_len(path, "message", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.ingestion_time {
            check_range(path, "ingestionTime", i64::from(*value), 0, i64::MAX)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `PutLogEventsRequest`.
///
/// The request of `PutLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutLogEventsRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    /// The name of the log stream.
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
    /// The log events.
    #[serde(rename = "logEvents")]
    pub log_events: Vec<InputLogEvent>,
    /// The sequence token obtained from the response of the previous PutLogEvents call.
    #[serde(
        rename = "sequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sequence_token: Option<String>,
    /// The entity associated with the log events.
    #[serde(rename = "entity", default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
}

impl Validate for PutLogEventsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        check_len(
            path,
            "logStreamName",
            (&self.log_stream_name).chars().count(),
            1,
            512,
        )?;
        check_len(path, "logEvents", (&self.log_events).len(), 1, 10000)?;
        for item in (&self.log_events).iter() {
            item.validate(&format!("{path}.logEvents"))?;
        }
        if let Some(value) = &self.sequence_token {
            check_len(path, "sequenceToken", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.entity {
            value.validate(&format!("{path}.entity"))?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `PutLogEventsResponse`.
///
/// The response of `PutLogEvents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutLogEventsResponse {
    /// The next sequence token.
    #[serde(
        rename = "nextSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_sequence_token: Option<String>,
    /// The rejected events.
    #[serde(
        rename = "rejectedLogEventsInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejected_log_events_info: Option<RejectedLogEventsInfo>,
    /// Information about why the entity is rejected when calling PutLogEvents.
    #[serde(
        rename = "rejectedEntityInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejected_entity_info: Option<RejectedEntityInfo>,
}

impl Validate for PutLogEventsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.next_sequence_token {
            check_len(
                path,
                "nextSequenceToken",
                value.chars().count(),
                1,
                usize::MAX,
            )?;
        }
        if let Some(value) = &self.rejected_log_events_info {
            value.validate(&format!("{path}.rejectedLogEventsInfo"))?;
        }
        if let Some(value) = &self.rejected_entity_info {
            value.validate(&format!("{path}.rejectedEntityInfo"))?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `PutRetentionPolicyRequest`.
///
/// The request of `PutRetentionPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutRetentionPolicyRequest {
    /// The name of the log group.
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "retentionInDays")]
    pub retention_in_days: i32,
}

impl Validate for PutRetentionPolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "logGroupName",
            (&self.log_group_name).chars().count(),
            1,
            512,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `RejectedEntityInfo`. If an entity is rejected when a PutLogEvents request was made, this includes details about the reason for the rejection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedEntityInfo {
    /// The type of error that caused the rejection of the entity when calling PutLogEvents.
    #[serde(rename = "errorType")]
    pub error_type: EntityRejectionErrorType,
}

impl Validate for RejectedEntityInfo {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// CloudWatch Logs structure `RejectedLogEventsInfo`. Represents the rejected events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RejectedLogEventsInfo {
    /// The index of the first log event that is too new.
    #[serde(
        rename = "tooNewLogEventStartIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub too_new_log_event_start_index: Option<i32>,
    /// The index of the last log event that is too old.
    #[serde(
        rename = "tooOldLogEventEndIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub too_old_log_event_end_index: Option<i32>,
    /// The expired log events.
    #[serde(
        rename = "expiredLogEventEndIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expired_log_event_end_index: Option<i32>,
}

impl Validate for RejectedLogEventsInfo {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// CloudWatch Logs structure `SearchedLogStream`. Represents the search status of a log stream.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchedLogStream {
    /// The name of the log stream.
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    /// Indicates whether all the events in this log stream were searched.
    #[serde(
        rename = "searchedCompletely",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub searched_completely: Option<bool>,
}

impl Validate for SearchedLogStream {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_stream_name {
            check_len(path, "logStreamName", value.chars().count(), 1, 512)?;
        }
        Ok(())
    }
}

/// CloudWatch Logs structure `TagResourceRequest`.
///
/// The request of `TagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagResourceRequest {
    /// The ARN of the resource that you're adding tags to.
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    /// The list of key-value pairs to associate with the resource.
    #[serde(rename = "tags")]
    pub tags: BTreeMap<String, String>,
}

impl Validate for TagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "resourceArn",
            (&self.resource_arn).chars().count(),
            1,
            1011,
        )?;
        Ok(())
    }
}

/// CloudWatch Logs structure `UntagResourceRequest`.
///
/// The request of `UntagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    /// The ARN of the CloudWatch Logs resource that you're removing tags from.
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    /// The list of tag keys to remove from the resource.
    #[serde(rename = "tagKeys")]
    pub tag_keys: Vec<String>,
}

impl Validate for UntagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "resourceArn",
            (&self.resource_arn).chars().count(),
            1,
            1011,
        )?;
        check_len(path, "tagKeys", (&self.tag_keys).len(), 0, 50)?;
        Ok(())
    }
}
