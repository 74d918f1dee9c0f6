//! Secrets Manager wire types (AWS JSON 1.1), generated from botocore's
//! `secretsmanager/2017-10-17` model by `tools/gen_aws_types.py secretsmanager`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::secretsmanager::OPERATIONS) are here.
//! Structures use the model's member names on the wire, `Option` for members the model does
//! not require, and implement [`Validate`](crate::Validate) with the model's length and
//! range limits.
//!
//! Serde derives give the JSON 1.1 wire form. `timestamp` members are epoch seconds (f64),
//! `long` members i64 (CloudWatch Logs' epoch-millisecond times among them), `blob` members
//! base64 text.
#![allow(clippy::all, missing_docs)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The Secrets Manager API version this module was generated from.
pub const API_VERSION: &str = "2017-10-17";

/// The `X-Amz-Target` prefix of every Secrets Manager action (`secretsmanager.<Action>`).
pub const TARGET_PREFIX: &str = "secretsmanager";

/// The SigV4 service name Secrets Manager requests are signed for.
pub const SIGNING_SERVICE: &str = "secretsmanager";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "CreateSecret",
    "GetSecretValue",
    "BatchGetSecretValue",
    "PutSecretValue",
    "DescribeSecret",
    "ListSecrets",
    "UpdateSecret",
    "DeleteSecret",
    "RestoreSecret",
    "UpdateSecretVersionStage",
    "ListSecretVersionIds",
    "TagResource",
    "UntagResource",
];

/// Secrets Manager structure `APIErrorType`. The error Secrets Manager encountered while retrieving an individual secret as part of BatchGetSecretValue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct APIErrorType {
    /// The ARN or name of the secret.
    #[serde(rename = "SecretId", default, skip_serializing_if = "Option::is_none")]
    pub secret_id: Option<String>,
    /// The error Secrets Manager encountered while retrieving an individual secret as part of BatchGetSecretValue, for example ResourceNotFoundException,InvalidParameterException, InvalidRequestException, De.
    #[serde(rename = "ErrorCode", default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// A message describing the error.
    #[serde(rename = "Message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Validate for APIErrorType {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.secret_id {
            check_len(path, "SecretId", value.chars().count(), 1, 2048)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `BatchGetSecretValueRequest`.
///
/// The request of `BatchGetSecretValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetSecretValueRequest {
    /// The ARN or names of the secrets to retrieve.
    #[serde(
        rename = "SecretIdList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_id_list: Option<Vec<String>>,
    /// The filters to choose which secrets to retrieve.
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// The number of results to include in the response.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// A token that indicates where the output should continue from, if a previous call did not show all results.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for BatchGetSecretValueRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.secret_id_list {
            check_len(path, "SecretIdList", value.len(), 1, 20)?;
        }
        if let Some(value) = &self.filters {
            check_len(path, "Filters", value.len(), 0, 10)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Filters"))?;
            }
        }
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 20)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `BatchGetSecretValueResponse`.
///
/// The response of `BatchGetSecretValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetSecretValueResponse {
    /// A list of secret values.
    #[serde(
        rename = "SecretValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_values: Option<Vec<SecretValueEntry>>,
    /// Secrets Manager includes this value if there's more output available than what is included in the current response.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// A list of errors Secrets Manager encountered while attempting to retrieve individual secrets.
    #[serde(rename = "Errors", default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<APIErrorType>>,
}

impl Validate for BatchGetSecretValueResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.secret_values {
            for item in value.iter() {
                item.validate(&format!("{path}.SecretValues"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        if let Some(value) = &self.errors {
            for item in value.iter() {
                item.validate(&format!("{path}.Errors"))?;
            }
        }
        Ok(())
    }
}

/// Secrets Manager structure `CreateSecretRequest`.
///
/// The request of `CreateSecret`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSecretRequest {
    /// The name of the new secret.
    #[serde(rename = "Name")]
    pub name: String,
    /// If you include SecretString or SecretBinary, then Secrets Manager creates an initial version for the secret, and this parameter specifies the unique identifier for the new version.
    #[serde(
        rename = "ClientRequestToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_request_token: Option<String>,
    /// The description of the secret.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The ARN, key ID, or alias of the KMS key that Secrets Manager uses to encrypt the secret value in the secret.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The binary data to encrypt and store in the new version of the secret.
    #[serde(
        rename = "SecretBinary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_binary: Option<String>,
    /// The text data to encrypt and store in this new version of the secret.
    #[serde(
        rename = "SecretString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_string: Option<String>,
    /// A list of tags to attach to the secret.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// A list of Regions and KMS keys to replicate secrets.
    #[serde(
        rename = "AddReplicaRegions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_replica_regions: Option<Vec<ReplicaRegionType>>,
    /// Specifies whether to overwrite a secret with the same name in the destination Region.
    #[serde(
        rename = "ForceOverwriteReplicaSecret",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_overwrite_replica_secret: Option<bool>,
    /// The exact string that identifies the partner that holds the external secret.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

impl std::fmt::Debug for CreateSecretRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateSecretRequest")
            .field("name", &self.name)
            .field("client_request_token", &self.client_request_token)
            .field("description", &self.description)
            .field("kms_key_id", &self.kms_key_id)
            .field(
                "secret_binary",
                &self.secret_binary.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "secret_string",
                &self.secret_string.as_ref().map(|_| "<redacted>"),
            )
            .field("tags", &self.tags)
            .field("add_replica_regions", &self.add_replica_regions)
            .field(
                "force_overwrite_replica_secret",
                &self.force_overwrite_replica_secret,
            )
            .field("type_", &self.type_)
            .finish()
    }
}

impl Validate for CreateSecretRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 512)?;
        if let Some(value) = &self.client_request_token {
            check_len(path, "ClientRequestToken", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.secret_string {
            check_len(path, "SecretString", value.chars().count(), 1, 65536)?;
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.add_replica_regions {
            check_len(path, "AddReplicaRegions", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.AddReplicaRegions"))?;
            }
        }
        if let Some(value) = &self.type_ {
            check_len(path, "Type", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `CreateSecretResponse`.
///
/// The response of `CreateSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSecretResponse {
    /// The ARN of the new secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the new secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The unique identifier associated with the version of the new secret.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// A list of the replicas of this secret and their status:    Failed, which indicates that the replica was not created.
    #[serde(
        rename = "ReplicationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub replication_status: Option<Vec<ReplicationStatusType>>,
}

impl Validate for CreateSecretResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.replication_status {
            for item in value.iter() {
                item.validate(&format!("{path}.ReplicationStatus"))?;
            }
        }
        Ok(())
    }
}

/// Secrets Manager structure `DeleteSecretRequest`.
///
/// The request of `DeleteSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSecretRequest {
    /// The ARN or name of the secret to delete.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// The number of days from 7 to 30 that Secrets Manager waits before permanently deleting the secret.
    #[serde(
        rename = "RecoveryWindowInDays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recovery_window_in_days: Option<i64>,
    /// Specifies whether to delete the secret without any recovery window.
    #[serde(
        rename = "ForceDeleteWithoutRecovery",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_delete_without_recovery: Option<bool>,
}

impl Validate for DeleteSecretRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// Secrets Manager structure `DeleteSecretResponse`.
///
/// The response of `DeleteSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSecretResponse {
    /// The ARN of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The date and time after which this secret Secrets Manager can permanently delete this secret, and it can no longer be restored.
    #[serde(
        rename = "DeletionDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_date: Option<f64>,
}

impl Validate for DeleteSecretResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `DescribeSecretRequest`.
///
/// The request of `DescribeSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSecretRequest {
    /// The ARN or name of the secret.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
}

impl Validate for DescribeSecretRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// Secrets Manager structure `DescribeSecretResponse`.
///
/// The response of `DescribeSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSecretResponse {
    /// The ARN of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The exact string that identifies the partner that holds the external secret.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The description of the secret.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The key ID or alias ARN of the KMS key that Secrets Manager uses to encrypt the secret value.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Specifies whether automatic rotation is turned on for this secret.
    #[serde(
        rename = "RotationEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_enabled: Option<bool>,
    /// The ARN of the Lambda function that Secrets Manager invokes to rotate the secret.
    #[serde(
        rename = "RotationLambdaARN",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_lambda_arn: Option<String>,
    /// The rotation schedule and Lambda function for this secret.
    #[serde(
        rename = "RotationRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_rules: Option<RotationRulesType>,
    /// The metadata needed to successfully rotate a managed external secret.
    #[serde(
        rename = "ExternalSecretRotationMetadata",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_secret_rotation_metadata: Option<Vec<ExternalSecretRotationMetadataItem>>,
    /// The Amazon Resource Name (ARN) of the role that allows Secrets Manager to rotate a secret held by a third-party partner.
    #[serde(
        rename = "ExternalSecretRotationRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_secret_rotation_role_arn: Option<String>,
    /// The last date and time that Secrets Manager rotated the secret.
    #[serde(
        rename = "LastRotatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_rotated_date: Option<f64>,
    /// The last date and time that this secret was modified in any way.
    #[serde(
        rename = "LastChangedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_changed_date: Option<f64>,
    /// The date that the secret was last accessed in the Region.
    #[serde(
        rename = "LastAccessedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_accessed_date: Option<f64>,
    /// The date the secret is scheduled for deletion.
    #[serde(
        rename = "DeletedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_date: Option<f64>,
    /// The next rotation is scheduled to occur on or before this date.
    #[serde(
        rename = "NextRotationDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_rotation_date: Option<f64>,
    /// The list of tags attached to the secret.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// A list of the versions of the secret that have staging labels attached.
    #[serde(
        rename = "VersionIdsToStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_ids_to_stages: Option<BTreeMap<String, Vec<String>>>,
    /// The ID of the service that created this secret.
    #[serde(
        rename = "OwningService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owning_service: Option<String>,
    /// The date the secret was created.
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<f64>,
    /// The Region the secret is in.
    #[serde(
        rename = "PrimaryRegion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_region: Option<String>,
    /// A list of the replicas of this secret and their status:     Failed, which indicates that the replica was not created.
    #[serde(
        rename = "ReplicationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub replication_status: Option<Vec<ReplicationStatusType>>,
}

impl Validate for DescribeSecretResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.type_ {
            check_len(path, "Type", value.chars().count(), 0, 256)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.rotation_lambda_arn {
            check_len(path, "RotationLambdaARN", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.rotation_rules {
            value.validate(&format!("{path}.RotationRules"))?;
        }
        if let Some(value) = &self.external_secret_rotation_metadata {
            for item in value.iter() {
                item.validate(&format!("{path}.ExternalSecretRotationMetadata"))?;
            }
        }
        if let Some(value) = &self.external_secret_rotation_role_arn {
            check_len(
                path,
                "ExternalSecretRotationRoleArn",
                value.chars().count(),
                20,
                2048,
            )?;
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.owning_service {
            check_len(path, "OwningService", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.primary_region {
            check_len(path, "PrimaryRegion", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.replication_status {
            for item in value.iter() {
                item.validate(&format!("{path}.ReplicationStatus"))?;
            }
        }
        Ok(())
    }
}

/// Secrets Manager structure `ExternalSecretRotationMetadataItem`. The metadata needed to successfully rotate a managed external secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExternalSecretRotationMetadataItem {
    /// The key that identifies the item.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the specified item.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for ExternalSecretRotationMetadataItem {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.key {
            check_len(path, "Key", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.value {
            check_len(path, "Value", value.chars().count(), 1, 2048)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `Filter`. Allows you to add filters when you use the search function in Secrets Manager.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// The following are keys you can use:    description: Prefix match, not case-sensitive.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<FilterNameStringType>,
    /// The keyword to filter for.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Validate for Filter {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.values {
            check_len(path, "Values", value.len(), 1, 10)?;
        }
        Ok(())
    }
}

/// Secrets Manager enum `FilterNameStringType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FilterNameStringType {
    #[serde(rename = "description")]
    Description,
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "tag-key")]
    TagKey,
    #[serde(rename = "tag-value")]
    TagValue,
    #[serde(rename = "primary-region")]
    PrimaryRegion,
    #[serde(rename = "owning-service")]
    OwningService,
    #[serde(rename = "all")]
    All,
}

impl FilterNameStringType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [FilterNameStringType] = &[
        FilterNameStringType::Description,
        FilterNameStringType::Name,
        FilterNameStringType::TagKey,
        FilterNameStringType::TagValue,
        FilterNameStringType::PrimaryRegion,
        FilterNameStringType::OwningService,
        FilterNameStringType::All,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            FilterNameStringType::Description => "description",
            FilterNameStringType::Name => "name",
            FilterNameStringType::TagKey => "tag-key",
            FilterNameStringType::TagValue => "tag-value",
            FilterNameStringType::PrimaryRegion => "primary-region",
            FilterNameStringType::OwningService => "owning-service",
            FilterNameStringType::All => "all",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for FilterNameStringType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Secrets Manager structure `GetSecretValueRequest`.
///
/// The request of `GetSecretValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetSecretValueRequest {
    /// The ARN or name of the secret to retrieve.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// The unique identifier of the version of the secret to retrieve.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// The staging label of the version of the secret to retrieve.
    #[serde(
        rename = "VersionStage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stage: Option<String>,
}

impl Validate for GetSecretValueRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.version_stage {
            check_len(path, "VersionStage", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `GetSecretValueResponse`.
///
/// The response of `GetSecretValue`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetSecretValueResponse {
    /// The ARN of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The friendly name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The unique identifier of this version of the secret.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// The decrypted secret value, if the secret value was originally provided as binary data in the form of a byte array.
    #[serde(
        rename = "SecretBinary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_binary: Option<String>,
    /// The decrypted secret value, if the secret value was originally provided as a string or through the Secrets Manager console.
    #[serde(
        rename = "SecretString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_string: Option<String>,
    /// A list of all of the staging labels currently attached to this version of the secret.
    #[serde(
        rename = "VersionStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stages: Option<Vec<String>>,
    /// The date and time that this version of the secret was created.
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<f64>,
}

impl std::fmt::Debug for GetSecretValueResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GetSecretValueResponse")
            .field("arn", &self.arn)
            .field("name", &self.name)
            .field("version_id", &self.version_id)
            .field(
                "secret_binary",
                &self.secret_binary.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "secret_string",
                &self.secret_string.as_ref().map(|_| "<redacted>"),
            )
            .field("version_stages", &self.version_stages)
            .field("created_date", &self.created_date)
            .finish()
    }
}

impl Validate for GetSecretValueResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.secret_string {
            check_len(path, "SecretString", value.chars().count(), 1, 65536)?;
        }
        if let Some(value) = &self.version_stages {
            check_len(path, "VersionStages", value.len(), 1, 20)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `ListSecretVersionIdsRequest`.
///
/// The request of `ListSecretVersionIds`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSecretVersionIdsRequest {
    /// The ARN or name of the secret whose versions you want to list.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// The number of results to include in the response.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// A token that indicates where the output should continue from, if a previous call did not show all results.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Specifies whether to include versions of secrets that don't have any staging labels attached to them.
    #[serde(
        rename = "IncludeDeprecated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_deprecated: Option<bool>,
}

impl Validate for ListSecretVersionIdsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 100)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `ListSecretVersionIdsResponse`.
///
/// The response of `ListSecretVersionIds`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSecretVersionIdsResponse {
    /// A list of the versions of the secret.
    #[serde(rename = "Versions", default, skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<SecretVersionsListEntry>>,
    /// Secrets Manager includes this value if there's more output available than what is included in the current response.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The ARN of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Validate for ListSecretVersionIdsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.versions {
            for item in value.iter() {
                item.validate(&format!("{path}.Versions"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `ListSecretsRequest`.
///
/// The request of `ListSecrets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSecretsRequest {
    /// Specifies whether to include secrets scheduled for deletion.
    #[serde(
        rename = "IncludePlannedDeletion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_planned_deletion: Option<bool>,
    /// The number of results to include in the response.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// A token that indicates where the output should continue from, if a previous call did not show all results.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The filters to apply to the list of secrets.
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// Secrets are listed by CreatedDate.
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrderType>,
    /// If not specified, secrets are listed by CreatedDate.
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<SortByType>,
}

impl Validate for ListSecretsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 100)?;
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        if let Some(value) = &self.filters {
            check_len(path, "Filters", value.len(), 0, 10)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Filters"))?;
            }
        }
        Ok(())
    }
}

/// Secrets Manager structure `ListSecretsResponse`.
///
/// The response of `ListSecrets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSecretsResponse {
    /// A list of the secrets in the account.
    #[serde(
        rename = "SecretList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_list: Option<Vec<SecretListEntry>>,
    /// Secrets Manager includes this value if there's more output available than what is included in the current response.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListSecretsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.secret_list {
            for item in value.iter() {
                item.validate(&format!("{path}.SecretList"))?;
            }
        }
        if let Some(value) = &self.next_token {
            check_len(path, "NextToken", value.chars().count(), 1, 4096)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `PutSecretValueRequest`.
///
/// The request of `PutSecretValue`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutSecretValueRequest {
    /// The ARN or name of the secret to add a new version to.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// A unique identifier for the new version of the secret.
    #[serde(
        rename = "ClientRequestToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_request_token: Option<String>,
    /// The binary data to encrypt and store in the new version of the secret.
    #[serde(
        rename = "SecretBinary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_binary: Option<String>,
    /// The text to encrypt and store in the new version of the secret.
    #[serde(
        rename = "SecretString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_string: Option<String>,
    /// A list of staging labels to attach to this version of the secret.
    #[serde(
        rename = "VersionStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stages: Option<Vec<String>>,
    /// A unique identifier that indicates the source of the request.
    #[serde(
        rename = "RotationToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_token: Option<String>,
}

impl std::fmt::Debug for PutSecretValueRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PutSecretValueRequest")
            .field("secret_id", &self.secret_id)
            .field("client_request_token", &self.client_request_token)
            .field(
                "secret_binary",
                &self.secret_binary.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "secret_string",
                &self.secret_string.as_ref().map(|_| "<redacted>"),
            )
            .field("version_stages", &self.version_stages)
            .field(
                "rotation_token",
                &self.rotation_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

impl Validate for PutSecretValueRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        if let Some(value) = &self.client_request_token {
            check_len(path, "ClientRequestToken", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.secret_string {
            check_len(path, "SecretString", value.chars().count(), 1, 65536)?;
        }
        if let Some(value) = &self.version_stages {
            check_len(path, "VersionStages", value.len(), 1, 20)?;
        }
        if let Some(value) = &self.rotation_token {
            check_len(path, "RotationToken", value.chars().count(), 36, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `PutSecretValueResponse`.
///
/// The response of `PutSecretValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutSecretValueResponse {
    /// The ARN of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The unique identifier of the version of the secret.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// The list of staging labels that are currently attached to this version of the secret.
    #[serde(
        rename = "VersionStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stages: Option<Vec<String>>,
}

impl Validate for PutSecretValueResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.version_stages {
            check_len(path, "VersionStages", value.len(), 1, 20)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `ReplicaRegionType`. A custom type that specifies a Region and the KmsKeyId for a replica secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplicaRegionType {
    /// A Region code.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The ARN, key ID, or alias of the KMS key to encrypt the secret.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

impl Validate for ReplicaRegionType {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.region {
            check_len(path, "Region", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `ReplicationStatusType`. A replication object consisting of a RegionReplicationStatus object and includes a Region, KMSKeyId, status, and status message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplicationStatusType {
    /// The Region where replication occurs.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Can be an ARN, Key ID, or Alias.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The status can be InProgress, Failed, or InSync.
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusType>,
    /// Status message such as "Secret with this name already exists in this region".
    #[serde(
        rename = "StatusMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_message: Option<String>,
    /// The date that the secret was last accessed in the Region.
    #[serde(
        rename = "LastAccessedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_accessed_date: Option<f64>,
}

impl Validate for ReplicationStatusType {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.region {
            check_len(path, "Region", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.status_message {
            check_len(path, "StatusMessage", value.chars().count(), 1, 4096)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `RestoreSecretRequest`.
///
/// The request of `RestoreSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestoreSecretRequest {
    /// The ARN or name of the secret to restore.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
}

impl Validate for RestoreSecretRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// Secrets Manager structure `RestoreSecretResponse`.
///
/// The response of `RestoreSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestoreSecretResponse {
    /// The ARN of the secret that was restored.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret that was restored.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Validate for RestoreSecretResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `RotationRulesType`. A structure that defines the rotation configuration for the secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RotationRulesType {
    /// The number of days between rotations of the secret.
    #[serde(
        rename = "AutomaticallyAfterDays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub automatically_after_days: Option<i64>,
    /// The length of the rotation window in hours, for example 3h for a three hour window.
    #[serde(rename = "Duration", default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// A cron() or rate() expression that defines the schedule for rotating your secret.
    #[serde(
        rename = "ScheduleExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_expression: Option<String>,
}

impl Validate for RotationRulesType {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.automatically_after_days {
            check_range(path, "AutomaticallyAfterDays", i64::from(*value), 1, 1000)?;
        }
        if let Some(value) = &self.duration {
            check_len(path, "Duration", value.chars().count(), 2, 3)?;
        }
        if let Some(value) = &self.schedule_expression {
            check_len(path, "ScheduleExpression", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `SecretListEntry`. A structure that contains the details about a secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecretListEntry {
    /// The Amazon Resource Name (ARN) of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The friendly name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The exact string that identifies the third-party partner that holds the external secret.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The user-provided description of the secret.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The ARN of the KMS key that Secrets Manager uses to encrypt the secret value.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Indicates whether automatic, scheduled rotation is enabled for this secret.
    #[serde(
        rename = "RotationEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_enabled: Option<bool>,
    /// The ARN of an Amazon Web Services Lambda function invoked by Secrets Manager to rotate and expire the secret either automatically per the schedule or manually by a call to  RotateSecret .
    #[serde(
        rename = "RotationLambdaARN",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_lambda_arn: Option<String>,
    /// A structure that defines the rotation configuration for the secret.
    #[serde(
        rename = "RotationRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rotation_rules: Option<RotationRulesType>,
    /// The metadata needed to successfully rotate a managed external secret.
    #[serde(
        rename = "ExternalSecretRotationMetadata",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_secret_rotation_metadata: Option<Vec<ExternalSecretRotationMetadataItem>>,
    /// The role that Secrets Manager assumes to call APIs required to perform the rotation.
    #[serde(
        rename = "ExternalSecretRotationRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_secret_rotation_role_arn: Option<String>,
    /// The most recent date and time that the Secrets Manager rotation process was successfully completed.
    #[serde(
        rename = "LastRotatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_rotated_date: Option<f64>,
    /// The last date and time that this secret was modified in any way.
    #[serde(
        rename = "LastChangedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_changed_date: Option<f64>,
    /// The date that the secret was last accessed in the Region.
    #[serde(
        rename = "LastAccessedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_accessed_date: Option<f64>,
    /// The date and time the deletion of the secret occurred.
    #[serde(
        rename = "DeletedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_date: Option<f64>,
    /// The next rotation is scheduled to occur on or before this date.
    #[serde(
        rename = "NextRotationDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_rotation_date: Option<f64>,
    /// The list of user-defined tags associated with the secret.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// A list of all of the currently assigned SecretVersionStage staging labels and the SecretVersionId attached to each one.
    #[serde(
        rename = "SecretVersionsToStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_versions_to_stages: Option<BTreeMap<String, Vec<String>>>,
    /// Returns the name of the service that created the secret.
    #[serde(
        rename = "OwningService",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owning_service: Option<String>,
    /// The date and time when a secret was created.
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<f64>,
    /// The Region where Secrets Manager originated the secret.
    #[serde(
        rename = "PrimaryRegion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_region: Option<String>,
}

impl Validate for SecretListEntry {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.type_ {
            check_len(path, "Type", value.chars().count(), 0, 256)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.rotation_lambda_arn {
            check_len(path, "RotationLambdaARN", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.rotation_rules {
            value.validate(&format!("{path}.RotationRules"))?;
        }
        if let Some(value) = &self.external_secret_rotation_metadata {
            for item in value.iter() {
                item.validate(&format!("{path}.ExternalSecretRotationMetadata"))?;
            }
        }
        if let Some(value) = &self.external_secret_rotation_role_arn {
            check_len(
                path,
                "ExternalSecretRotationRoleArn",
                value.chars().count(),
                20,
                2048,
            )?;
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.owning_service {
            check_len(path, "OwningService", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.primary_region {
            check_len(path, "PrimaryRegion", value.chars().count(), 1, 128)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `SecretValueEntry`. A structure that contains the secret value and other details for a secret.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecretValueEntry {
    /// The Amazon Resource Name (ARN) of the secret.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The friendly name of the secret.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The unique version identifier of this version of the secret.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// The decrypted secret value, if the secret value was originally provided as binary data in the form of a byte array.
    #[serde(
        rename = "SecretBinary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_binary: Option<String>,
    /// The decrypted secret value, if the secret value was originally provided as a string or through the Secrets Manager console.
    #[serde(
        rename = "SecretString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_string: Option<String>,
    /// A list of all of the staging labels currently attached to this version of the secret.
    #[serde(
        rename = "VersionStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stages: Option<Vec<String>>,
    /// The date the secret was created.
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<f64>,
}

impl std::fmt::Debug for SecretValueEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretValueEntry")
            .field("arn", &self.arn)
            .field("name", &self.name)
            .field("version_id", &self.version_id)
            .field(
                "secret_binary",
                &self.secret_binary.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "secret_string",
                &self.secret_string.as_ref().map(|_| "<redacted>"),
            )
            .field("version_stages", &self.version_stages)
            .field("created_date", &self.created_date)
            .finish()
    }
}

impl Validate for SecretValueEntry {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.secret_string {
            check_len(path, "SecretString", value.chars().count(), 1, 65536)?;
        }
        if let Some(value) = &self.version_stages {
            check_len(path, "VersionStages", value.len(), 1, 20)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `SecretVersionsListEntry`. A structure that contains information about one version of a secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecretVersionsListEntry {
    /// The unique version identifier of this version of the secret.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// An array of staging labels that are currently associated with this version of the secret.
    #[serde(
        rename = "VersionStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_stages: Option<Vec<String>>,
    /// The date that this version of the secret was last accessed.
    #[serde(
        rename = "LastAccessedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_accessed_date: Option<f64>,
    /// The date and time this version of the secret was created.
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<f64>,
    /// The KMS keys used to encrypt the secret version.
    #[serde(rename = "KmsKeyIds", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_ids: Option<Vec<String>>,
}

impl Validate for SecretVersionsListEntry {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.version_stages {
            check_len(path, "VersionStages", value.len(), 1, 20)?;
        }
        Ok(())
    }
}

/// Secrets Manager enum `SortByType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SortByType {
    #[serde(rename = "created-date")]
    CreatedDate,
    #[serde(rename = "last-accessed-date")]
    LastAccessedDate,
    #[serde(rename = "last-changed-date")]
    LastChangedDate,
    #[serde(rename = "name")]
    Name,
}

impl SortByType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SortByType] = &[
        SortByType::CreatedDate,
        SortByType::LastAccessedDate,
        SortByType::LastChangedDate,
        SortByType::Name,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortByType::CreatedDate => "created-date",
            SortByType::LastAccessedDate => "last-accessed-date",
            SortByType::LastChangedDate => "last-changed-date",
            SortByType::Name => "name",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SortByType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Secrets Manager enum `SortOrderType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SortOrderType {
    #[serde(rename = "asc")]
    Asc,
    #[serde(rename = "desc")]
    Desc,
}

impl SortOrderType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SortOrderType] = &[SortOrderType::Asc, SortOrderType::Desc];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortOrderType::Asc => "asc",
            SortOrderType::Desc => "desc",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SortOrderType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Secrets Manager enum `StatusType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StatusType {
    #[serde(rename = "InSync")]
    InSync,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "InProgress")]
    InProgress,
}

impl StatusType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [StatusType] = &[
        StatusType::InSync,
        StatusType::Failed,
        StatusType::InProgress,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatusType::InSync => "InSync",
            StatusType::Failed => "Failed",
            StatusType::InProgress => "InProgress",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StatusType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Secrets Manager structure `Tag`. A structure that contains information about a tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The key identifier, or name, of the tag.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The string value associated with the key of the tag.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for Tag {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.key {
            check_len(path, "Key", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.value {
            check_len(path, "Value", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `TagResourceRequest`.
///
/// The request of `TagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagResourceRequest {
    /// The identifier for the secret to attach tags to.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// The tags to attach to the secret as a JSON text string argument.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

impl Validate for TagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        for item in (&self.tags).iter() {
            item.validate(&format!("{path}.Tags"))?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `UntagResourceRequest`.
///
/// The request of `UntagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    /// The ARN or name of the secret.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// A list of tag key names to remove from the secret.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

impl Validate for UntagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// Secrets Manager structure `UpdateSecretRequest`.
///
/// The request of `UpdateSecret`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSecretRequest {
    /// The ARN or name of the secret.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// If you include SecretString or SecretBinary, then Secrets Manager creates a new version for the secret, and this parameter specifies the unique identifier for the new version.
    #[serde(
        rename = "ClientRequestToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_request_token: Option<String>,
    /// The description of the secret.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The ARN, key ID, or alias of the KMS key that Secrets Manager uses to encrypt new secret versions as well as any existing versions with the staging labels AWSCURRENT, AWSPENDING, or AWSPREVIOUS.
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The binary data to encrypt and store in the new version of the secret.
    #[serde(
        rename = "SecretBinary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_binary: Option<String>,
    /// The text data to encrypt and store in the new version of the secret.
    #[serde(
        rename = "SecretString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_string: Option<String>,
    /// The exact string that identifies the third-party partner that holds the external secret.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

impl std::fmt::Debug for UpdateSecretRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateSecretRequest")
            .field("secret_id", &self.secret_id)
            .field("client_request_token", &self.client_request_token)
            .field("description", &self.description)
            .field("kms_key_id", &self.kms_key_id)
            .field(
                "secret_binary",
                &self.secret_binary.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "secret_string",
                &self.secret_string.as_ref().map(|_| "<redacted>"),
            )
            .field("type_", &self.type_)
            .finish()
    }
}

impl Validate for UpdateSecretRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        if let Some(value) = &self.client_request_token {
            check_len(path, "ClientRequestToken", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.kms_key_id {
            check_len(path, "KmsKeyId", value.chars().count(), 0, 2048)?;
        }
        if let Some(value) = &self.secret_string {
            check_len(path, "SecretString", value.chars().count(), 1, 65536)?;
        }
        if let Some(value) = &self.type_ {
            check_len(path, "Type", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `UpdateSecretResponse`.
///
/// The response of `UpdateSecret`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSecretResponse {
    /// The ARN of the secret that was updated.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret that was updated.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// If Secrets Manager created a new version of the secret during this operation, then VersionId contains the unique identifier of the new version.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

impl Validate for UpdateSecretResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.version_id {
            check_len(path, "VersionId", value.chars().count(), 32, 64)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `UpdateSecretVersionStageRequest`.
///
/// The request of `UpdateSecretVersionStage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSecretVersionStageRequest {
    /// The ARN or the name of the secret with the version and staging labelsto modify.
    #[serde(rename = "SecretId")]
    pub secret_id: String,
    /// The staging label to add to this version.
    #[serde(rename = "VersionStage")]
    pub version_stage: String,
    /// The ID of the version that the staging label is to be removed from.
    #[serde(
        rename = "RemoveFromVersionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remove_from_version_id: Option<String>,
    /// The ID of the version to add the staging label to.
    #[serde(
        rename = "MoveToVersionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub move_to_version_id: Option<String>,
}

impl Validate for UpdateSecretVersionStageRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SecretId", (&self.secret_id).chars().count(), 1, 2048)?;
        check_len(
            path,
            "VersionStage",
            (&self.version_stage).chars().count(),
            1,
            256,
        )?;
        if let Some(value) = &self.remove_from_version_id {
            check_len(path, "RemoveFromVersionId", value.chars().count(), 32, 64)?;
        }
        if let Some(value) = &self.move_to_version_id {
            check_len(path, "MoveToVersionId", value.chars().count(), 32, 64)?;
        }
        Ok(())
    }
}

/// Secrets Manager structure `UpdateSecretVersionStageResponse`.
///
/// The response of `UpdateSecretVersionStage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSecretVersionStageResponse {
    /// The ARN of the secret that was updated.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The name of the secret that was updated.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Validate for UpdateSecretVersionStageResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "ARN", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}
