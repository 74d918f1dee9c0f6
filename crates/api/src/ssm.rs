//! SSM Parameter Store wire types (AWS JSON 1.1), generated from botocore's
//! `ssm/2014-11-06` model by `tools/gen_aws_types.py ssm`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::ssm::OPERATIONS) are here. Structures use
//! the model's member names on the wire, `Option` for members the model does not require,
//! and implement [`Validate`](crate::Validate) with the model's length and range limits.
//!
//! Serde derives give the JSON 1.1 wire form. `timestamp` members are epoch seconds (f64),
//! `long` members i64 (CloudWatch Logs' epoch-millisecond times among them), `blob` members
//! base64 text.
#![allow(clippy::all, missing_docs)]

use serde::{Deserialize, Serialize};

use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The SSM API version this module was generated from.
pub const API_VERSION: &str = "2014-11-06";

/// The `X-Amz-Target` prefix of every SSM action (`AmazonSSM.<Action>`).
pub const TARGET_PREFIX: &str = "AmazonSSM";

/// The SigV4 service name SSM requests are signed for.
pub const SIGNING_SERVICE: &str = "ssm";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "PutParameter",
    "GetParameter",
    "GetParameters",
    "GetParametersByPath",
    "DescribeParameters",
    "DeleteParameter",
    "DeleteParameters",
    "GetParameterHistory",
    "LabelParameterVersion",
    "UnlabelParameterVersion",
    "AddTagsToResource",
    "RemoveTagsFromResource",
    "ListTagsForResource",
    "ResumeSession",
    "TerminateSession",
];

/// SSM structure `AddTagsToResourceRequest`.
///
/// The request of `AddTagsToResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddTagsToResourceRequest {
    /// Specifies the type of resource you are tagging.
    #[serde(rename = "ResourceType")]
    pub resource_type: ResourceTypeForTagging,
    /// The resource ID you want to tag.
    #[serde(rename = "ResourceId")]
    pub resource_id: String,
    /// One or more tags.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

impl Validate for AddTagsToResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Tags", (&self.tags).len(), 0, 1000)?;
        for item in (&self.tags).iter() {
            item.validate(&format!("{path}.Tags"))?;
        }
        Ok(())
    }
}

/// SSM structure `AddTagsToResourceResult`.
///
/// The response of `AddTagsToResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagsToResourceResult {}

impl Validate for AddTagsToResourceResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `DeleteParameterRequest`.
///
/// The request of `DeleteParameter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteParameterRequest {
    /// The name of the parameter to delete.
    #[serde(rename = "Name")]
    pub name: String,
}

impl Validate for DeleteParameterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// SSM structure `DeleteParameterResult`.
///
/// The response of `DeleteParameter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteParameterResult {}

impl Validate for DeleteParameterResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `DeleteParametersRequest`.
///
/// The request of `DeleteParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteParametersRequest {
    /// The names of the parameters to delete.
    #[serde(rename = "Names")]
    pub names: Vec<String>,
}

impl Validate for DeleteParametersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Names", (&self.names).len(), 1, 10)?;
        Ok(())
    }
}

/// SSM structure `DeleteParametersResult`.
///
/// The response of `DeleteParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteParametersResult {
    /// The names of the deleted parameters.
    #[serde(
        rename = "DeletedParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_parameters: Option<Vec<String>>,
    /// The names of parameters that weren't deleted because the parameters aren't valid.
    #[serde(
        rename = "InvalidParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_parameters: Option<Vec<String>>,
}

impl Validate for DeleteParametersResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.deleted_parameters {
            check_len(path, "DeletedParameters", value.len(), 1, 10)?;
        }
        if let Some(value) = &self.invalid_parameters {
            check_len(path, "InvalidParameters", value.len(), 1, 10)?;
        }
        Ok(())
    }
}

/// SSM structure `DescribeParametersRequest`.
///
/// The request of `DescribeParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeParametersRequest {
    /// This data type is deprecated.
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<ParametersFilter>>,
    /// Filters to limit the request results.
    #[serde(
        rename = "ParameterFilters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameter_filters: Option<Vec<ParameterStringFilter>>,
    /// The maximum number of items to return for this call.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// The token for the next set of items to return.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Lists parameters that are shared with you.
    #[serde(rename = "Shared", default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
}

impl Validate for DescribeParametersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.filters {
            for item in value.iter() {
                item.validate(&format!("{path}.Filters"))?;
            }
        }
        if let Some(value) = &self.parameter_filters {
            for item in value.iter() {
                item.validate(&format!("{path}.ParameterFilters"))?;
            }
        }
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 50)?;
        }
        Ok(())
    }
}

/// SSM structure `DescribeParametersResult`.
///
/// The response of `DescribeParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeParametersResult {
    /// Parameters returned by the request.
    #[serde(
        rename = "Parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<ParameterMetadata>>,
    /// The token to use when requesting the next set of items.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for DescribeParametersResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.parameters {
            for item in value.iter() {
                item.validate(&format!("{path}.Parameters"))?;
            }
        }
        Ok(())
    }
}

/// SSM structure `GetParameterHistoryRequest`.
///
/// The request of `GetParameterHistory`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParameterHistoryRequest {
    /// The name or Amazon Resource Name (ARN) of the parameter for which you want to review history.
    #[serde(rename = "Name")]
    pub name: String,
    /// Return decrypted values for secure string parameters.
    #[serde(
        rename = "WithDecryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub with_decryption: Option<bool>,
    /// The maximum number of items to return for this call.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// The token for the next set of items to return.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for GetParameterHistoryRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 50)?;
        }
        Ok(())
    }
}

/// SSM structure `GetParameterHistoryResult`.
///
/// The response of `GetParameterHistory`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParameterHistoryResult {
    /// A list of parameters returned by the request.
    #[serde(
        rename = "Parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<ParameterHistory>>,
    /// The token to use when requesting the next set of items.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for GetParameterHistoryResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.parameters {
            for item in value.iter() {
                item.validate(&format!("{path}.Parameters"))?;
            }
        }
        Ok(())
    }
}

/// SSM structure `GetParameterRequest`.
///
/// The request of `GetParameter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParameterRequest {
    /// The name or Amazon Resource Name (ARN) of the parameter that you want to query.
    #[serde(rename = "Name")]
    pub name: String,
    /// Return decrypted values for secure string parameters.
    #[serde(
        rename = "WithDecryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub with_decryption: Option<bool>,
}

impl Validate for GetParameterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        Ok(())
    }
}

/// SSM structure `GetParameterResult`.
///
/// The response of `GetParameter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParameterResult {
    /// Information about a parameter.
    #[serde(rename = "Parameter", default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<Parameter>,
}

impl Validate for GetParameterResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.parameter {
            value.validate(&format!("{path}.Parameter"))?;
        }
        Ok(())
    }
}

/// SSM structure `GetParametersByPathRequest`.
///
/// The request of `GetParametersByPath`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParametersByPathRequest {
    /// The hierarchy for the parameter.
    #[serde(rename = "Path")]
    pub path: String,
    /// Retrieve all parameters within a hierarchy.
    #[serde(rename = "Recursive", default, skip_serializing_if = "Option::is_none")]
    pub recursive: Option<bool>,
    /// Filters to limit the request results.
    #[serde(
        rename = "ParameterFilters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameter_filters: Option<Vec<ParameterStringFilter>>,
    /// Retrieve all parameters in a hierarchy with their value decrypted.
    #[serde(
        rename = "WithDecryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub with_decryption: Option<bool>,
    /// The maximum number of items to return for this call.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// A token to start the list.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for GetParametersByPathRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Path", (&self.path).chars().count(), 1, 2048)?;
        if let Some(value) = &self.parameter_filters {
            for item in value.iter() {
                item.validate(&format!("{path}.ParameterFilters"))?;
            }
        }
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 1, 10)?;
        }
        Ok(())
    }
}

/// SSM structure `GetParametersByPathResult`.
///
/// The response of `GetParametersByPath`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParametersByPathResult {
    /// A list of parameters found in the specified hierarchy.
    #[serde(
        rename = "Parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<Parameter>>,
    /// The token for the next set of items to return.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for GetParametersByPathResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.parameters {
            for item in value.iter() {
                item.validate(&format!("{path}.Parameters"))?;
            }
        }
        Ok(())
    }
}

/// SSM structure `GetParametersRequest`.
///
/// The request of `GetParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParametersRequest {
    /// The names or Amazon Resource Names (ARNs) of the parameters that you want to query.
    #[serde(rename = "Names")]
    pub names: Vec<String>,
    /// Return decrypted secure string value.
    #[serde(
        rename = "WithDecryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub with_decryption: Option<bool>,
}

impl Validate for GetParametersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Names", (&self.names).len(), 1, 10)?;
        Ok(())
    }
}

/// SSM structure `GetParametersResult`.
///
/// The response of `GetParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetParametersResult {
    /// A list of details for a parameter.
    #[serde(
        rename = "Parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<Parameter>>,
    /// A list of parameters that aren't formatted correctly or don't run during an execution.
    #[serde(
        rename = "InvalidParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_parameters: Option<Vec<String>>,
}

impl Validate for GetParametersResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.parameters {
            for item in value.iter() {
                item.validate(&format!("{path}.Parameters"))?;
            }
        }
        if let Some(value) = &self.invalid_parameters {
            check_len(path, "InvalidParameters", value.len(), 1, 10)?;
        }
        Ok(())
    }
}

/// SSM structure `LabelParameterVersionRequest`.
///
/// The request of `LabelParameterVersion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelParameterVersionRequest {
    /// The parameter name on which you want to attach one or more labels.
    #[serde(rename = "Name")]
    pub name: String,
    /// The specific version of the parameter on which you want to attach one or more labels.
    #[serde(
        rename = "ParameterVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameter_version: Option<i64>,
    /// One or more labels to attach to the specified parameter version.
    #[serde(rename = "Labels")]
    pub labels: Vec<String>,
}

impl Validate for LabelParameterVersionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        check_len(path, "Labels", (&self.labels).len(), 1, 10)?;
        Ok(())
    }
}

/// SSM structure `LabelParameterVersionResult`.
///
/// The response of `LabelParameterVersion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelParameterVersionResult {
    /// The label doesn't meet the requirements.
    #[serde(
        rename = "InvalidLabels",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_labels: Option<Vec<String>>,
    /// The version of the parameter that has been labeled.
    #[serde(
        rename = "ParameterVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameter_version: Option<i64>,
}

impl Validate for LabelParameterVersionResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.invalid_labels {
            check_len(path, "InvalidLabels", value.len(), 1, 10)?;
        }
        Ok(())
    }
}

/// SSM structure `ListTagsForResourceRequest`.
///
/// The request of `ListTagsForResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceRequest {
    /// Returns a list of tags for a specific resource type.
    #[serde(rename = "ResourceType")]
    pub resource_type: ResourceTypeForTagging,
    /// The resource ID for which you want to see a list of tags.
    #[serde(rename = "ResourceId")]
    pub resource_id: String,
}

impl Validate for ListTagsForResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `ListTagsForResourceResult`.
///
/// The response of `ListTagsForResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceResult {
    /// A list of tags.
    #[serde(rename = "TagList", default, skip_serializing_if = "Option::is_none")]
    pub tag_list: Option<Vec<Tag>>,
}

impl Validate for ListTagsForResourceResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_list {
            check_len(path, "TagList", value.len(), 0, 1000)?;
            for item in value.iter() {
                item.validate(&format!("{path}.TagList"))?;
            }
        }
        Ok(())
    }
}

/// SSM structure `Parameter`. An Amazon Web Services Systems Manager parameter in Parameter Store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// The name of the parameter.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type of parameter.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ParameterType>,
    /// The parameter value.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The parameter version.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// Either the version number or the label used to retrieve the parameter value.
    #[serde(rename = "Selector", default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    /// Applies to parameters that reference information in other Amazon Web Services services.
    #[serde(
        rename = "SourceResult",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_result: Option<String>,
    /// Date the parameter was last changed or updated and the parameter version was created.
    #[serde(
        rename = "LastModifiedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<f64>,
    /// The Amazon Resource Name (ARN) of the parameter.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The data type of the parameter, such as text or aws:ec2:image.
    #[serde(rename = "DataType", default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
}

impl std::fmt::Debug for Parameter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parameter")
            .field("name", &self.name)
            .field("type_", &self.type_)
            .field("value", &self.value.as_ref().map(|_| "<redacted>"))
            .field("version", &self.version)
            .field("selector", &self.selector)
            .field("source_result", &self.source_result)
            .field("last_modified_date", &self.last_modified_date)
            .field("arn", &self.arn)
            .field("data_type", &self.data_type)
            .finish()
    }
}

impl Validate for Parameter {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 2048)?;
        }
        if let Some(value) = &self.selector {
            check_len(path, "Selector", value.chars().count(), 0, 128)?;
        }
        if let Some(value) = &self.data_type {
            check_len(path, "DataType", value.chars().count(), 0, 128)?;
        }
        Ok(())
    }
}

/// SSM structure `ParameterHistory`. Information about parameter usage.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParameterHistory {
    /// The name of the parameter.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type of parameter used.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ParameterType>,
    /// The alias of the Key Management Service (KMS) key used to encrypt the parameter.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Date the parameter was last changed or updated.
    #[serde(
        rename = "LastModifiedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<f64>,
    /// Amazon Resource Name (ARN) of the Amazon Web Services user who last changed the parameter.
    #[serde(
        rename = "LastModifiedUser",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_user: Option<String>,
    /// Information about the parameter.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The parameter value.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Parameter names can include the following letters and symbols.
    #[serde(
        rename = "AllowedPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_pattern: Option<String>,
    /// The parameter version.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// Labels assigned to the parameter version.
    #[serde(rename = "Labels", default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    /// The parameter tier.
    #[serde(rename = "Tier", default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<ParameterTier>,
    /// Information about the policies assigned to a parameter.
    #[serde(rename = "Policies", default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<ParameterInlinePolicy>>,
    /// The data type of the parameter, such as text or aws:ec2:image.
    #[serde(rename = "DataType", default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
}

impl std::fmt::Debug for ParameterHistory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParameterHistory")
            .field("name", &self.name)
            .field("type_", &self.type_)
            .field("key_id", &self.key_id)
            .field("last_modified_date", &self.last_modified_date)
            .field("last_modified_user", &self.last_modified_user)
            .field("description", &self.description)
            .field("value", &self.value.as_ref().map(|_| "<redacted>"))
            .field("allowed_pattern", &self.allowed_pattern)
            .field("version", &self.version)
            .field("labels", &self.labels)
            .field("tier", &self.tier)
            .field("policies", &self.policies)
            .field("data_type", &self.data_type)
            .finish()
    }
}

impl Validate for ParameterHistory {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 2048)?;
        }
        if let Some(value) = &self.key_id {
            check_len(path, "KeyId", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.allowed_pattern {
            check_len(path, "AllowedPattern", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.labels {
            check_len(path, "Labels", value.len(), 1, 10)?;
        }
        if let Some(value) = &self.policies {
            for item in value.iter() {
                item.validate(&format!("{path}.Policies"))?;
            }
        }
        if let Some(value) = &self.data_type {
            check_len(path, "DataType", value.chars().count(), 0, 128)?;
        }
        Ok(())
    }
}

/// SSM structure `ParameterInlinePolicy`. One or more policies assigned to a parameter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParameterInlinePolicy {
    /// The JSON text of the policy.
    #[serde(
        rename = "PolicyText",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_text: Option<String>,
    /// The type of policy.
    #[serde(
        rename = "PolicyType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_type: Option<String>,
    /// The status of the policy.
    #[serde(
        rename = "PolicyStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_status: Option<String>,
}

impl Validate for ParameterInlinePolicy {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `ParameterMetadata`. Metadata includes information like the Amazon Resource Name (ARN) of the last user to update the parameter and the date and time the parameter was last used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParameterMetadata {
    /// The parameter name.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The Amazon Resource Name (ARN) of the parameter.
    #[serde(rename = "ARN", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The type of parameter.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ParameterType>,
    /// The alias of the Key Management Service (KMS) key used to encrypt the parameter.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Date the parameter was last changed or updated.
    #[serde(
        rename = "LastModifiedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<f64>,
    /// Amazon Resource Name (ARN) of the Amazon Web Services user who last changed the parameter.
    #[serde(
        rename = "LastModifiedUser",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_user: Option<String>,
    /// Description of the parameter actions.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// A parameter name can include only the following letters and symbols.
    #[serde(
        rename = "AllowedPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_pattern: Option<String>,
    /// The parameter version.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The parameter tier.
    #[serde(rename = "Tier", default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<ParameterTier>,
    /// A list of policies associated with a parameter.
    #[serde(rename = "Policies", default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<ParameterInlinePolicy>>,
    /// The data type of the parameter, such as text or aws:ec2:image.
    #[serde(rename = "DataType", default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
}

impl Validate for ParameterMetadata {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.name {
            check_len(path, "Name", value.chars().count(), 1, 2048)?;
        }
        if let Some(value) = &self.key_id {
            check_len(path, "KeyId", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.allowed_pattern {
            check_len(path, "AllowedPattern", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.policies {
            for item in value.iter() {
                item.validate(&format!("{path}.Policies"))?;
            }
        }
        if let Some(value) = &self.data_type {
            check_len(path, "DataType", value.chars().count(), 0, 128)?;
        }
        Ok(())
    }
}

/// SSM structure `ParameterStringFilter`. One or more filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParameterStringFilter {
    /// The name of the filter.
    #[serde(rename = "Key")]
    pub key: String,
    /// For all filters used with DescribeParameters, valid options include Equals and BeginsWith.
    #[serde(rename = "Option", default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The value you want to search for.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Validate for ParameterStringFilter {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Key", (&self.key).chars().count(), 1, 132)?;
        if let Some(value) = &self.option {
            check_len(path, "Option", value.chars().count(), 1, 10)?;
        }
        if let Some(value) = &self.values {
            check_len(path, "Values", value.len(), 1, 50)?;
        }
        Ok(())
    }
}

/// SSM enum `ParameterTier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ParameterTier {
    #[serde(rename = "Standard")]
    Standard,
    #[serde(rename = "Advanced")]
    Advanced,
    #[serde(rename = "Intelligent-Tiering")]
    IntelligentTiering,
}

impl ParameterTier {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ParameterTier] = &[
        ParameterTier::Standard,
        ParameterTier::Advanced,
        ParameterTier::IntelligentTiering,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ParameterTier::Standard => "Standard",
            ParameterTier::Advanced => "Advanced",
            ParameterTier::IntelligentTiering => "Intelligent-Tiering",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ParameterTier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// SSM enum `ParameterType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ParameterType {
    #[serde(rename = "String")]
    String,
    #[serde(rename = "StringList")]
    StringList,
    #[serde(rename = "SecureString")]
    SecureString,
}

impl ParameterType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ParameterType] = &[
        ParameterType::String,
        ParameterType::StringList,
        ParameterType::SecureString,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ParameterType::String => "String",
            ParameterType::StringList => "StringList",
            ParameterType::SecureString => "SecureString",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ParameterType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// SSM structure `ParametersFilter`. This data type is deprecated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParametersFilter {
    /// The name of the filter.
    #[serde(rename = "Key")]
    pub key: ParametersFilterKey,
    /// The filter values.
    #[serde(rename = "Values")]
    pub values: Vec<String>,
}

impl Validate for ParametersFilter {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Values", (&self.values).len(), 1, 50)?;
        Ok(())
    }
}

/// SSM enum `ParametersFilterKey`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ParametersFilterKey {
    #[serde(rename = "Name")]
    Name,
    #[serde(rename = "Type")]
    Type,
    #[serde(rename = "KeyId")]
    KeyId,
}

impl ParametersFilterKey {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ParametersFilterKey] = &[
        ParametersFilterKey::Name,
        ParametersFilterKey::Type,
        ParametersFilterKey::KeyId,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ParametersFilterKey::Name => "Name",
            ParametersFilterKey::Type => "Type",
            ParametersFilterKey::KeyId => "KeyId",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ParametersFilterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// SSM structure `PutParameterRequest`.
///
/// The request of `PutParameter`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutParameterRequest {
    /// The fully qualified name of the parameter that you want to create or update.
    #[serde(rename = "Name")]
    pub name: String,
    /// Information about the parameter that you want to add to the system.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The parameter value that you want to add to the system.
    #[serde(rename = "Value")]
    pub value: String,
    /// The type of parameter that you want to create.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ParameterType>,
    /// The Key Management Service (KMS) ID that you want to use to encrypt a parameter.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Overwrite an existing parameter.
    #[serde(rename = "Overwrite", default, skip_serializing_if = "Option::is_none")]
    pub overwrite: Option<bool>,
    /// A regular expression used to validate the parameter value.
    #[serde(
        rename = "AllowedPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_pattern: Option<String>,
    /// Optional metadata that you assign to a resource.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The parameter tier to assign to a parameter.
    #[serde(rename = "Tier", default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<ParameterTier>,
    /// One or more policies to apply to a parameter.
    #[serde(rename = "Policies", default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<String>,
    /// The data type for a String parameter.
    #[serde(rename = "DataType", default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
}

impl std::fmt::Debug for PutParameterRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PutParameterRequest")
            .field("name", &self.name)
            .field("description", &self.description)
            .field("value", &"<redacted>")
            .field("type_", &self.type_)
            .field("key_id", &self.key_id)
            .field("overwrite", &self.overwrite)
            .field("allowed_pattern", &self.allowed_pattern)
            .field("tags", &self.tags)
            .field("tier", &self.tier)
            .field("policies", &self.policies)
            .field("data_type", &self.data_type)
            .finish()
    }
}

impl Validate for PutParameterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.key_id {
            check_len(path, "KeyId", value.chars().count(), 1, 256)?;
        }
        if let Some(value) = &self.allowed_pattern {
            check_len(path, "AllowedPattern", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 1000)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.policies {
            check_len(path, "Policies", value.chars().count(), 1, 4096)?;
        }
        if let Some(value) = &self.data_type {
            check_len(path, "DataType", value.chars().count(), 0, 128)?;
        }
        Ok(())
    }
}

/// SSM structure `PutParameterResult`.
///
/// The response of `PutParameter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutParameterResult {
    /// The new version number of a parameter.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The tier assigned to the parameter.
    #[serde(rename = "Tier", default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<ParameterTier>,
}

impl Validate for PutParameterResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `RemoveTagsFromResourceRequest`.
///
/// The request of `RemoveTagsFromResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemoveTagsFromResourceRequest {
    /// The type of resource from which you want to remove a tag.
    #[serde(rename = "ResourceType")]
    pub resource_type: ResourceTypeForTagging,
    /// The ID of the resource from which you want to remove tags.
    #[serde(rename = "ResourceId")]
    pub resource_id: String,
    /// Tag keys that you want to remove from the specified resource.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

impl Validate for RemoveTagsFromResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM structure `RemoveTagsFromResourceResult`.
///
/// The response of `RemoveTagsFromResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RemoveTagsFromResourceResult {}

impl Validate for RemoveTagsFromResourceResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// SSM enum `ResourceTypeForTagging`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceTypeForTagging {
    #[serde(rename = "Document")]
    Document,
    #[serde(rename = "ManagedInstance")]
    ManagedInstance,
    #[serde(rename = "MaintenanceWindow")]
    MaintenanceWindow,
    #[serde(rename = "Parameter")]
    Parameter,
    #[serde(rename = "PatchBaseline")]
    PatchBaseline,
    #[serde(rename = "OpsItem")]
    OpsItem,
    #[serde(rename = "OpsMetadata")]
    OpsMetadata,
    #[serde(rename = "Automation")]
    Automation,
    #[serde(rename = "Association")]
    Association,
}

impl ResourceTypeForTagging {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ResourceTypeForTagging] = &[
        ResourceTypeForTagging::Document,
        ResourceTypeForTagging::ManagedInstance,
        ResourceTypeForTagging::MaintenanceWindow,
        ResourceTypeForTagging::Parameter,
        ResourceTypeForTagging::PatchBaseline,
        ResourceTypeForTagging::OpsItem,
        ResourceTypeForTagging::OpsMetadata,
        ResourceTypeForTagging::Automation,
        ResourceTypeForTagging::Association,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceTypeForTagging::Document => "Document",
            ResourceTypeForTagging::ManagedInstance => "ManagedInstance",
            ResourceTypeForTagging::MaintenanceWindow => "MaintenanceWindow",
            ResourceTypeForTagging::Parameter => "Parameter",
            ResourceTypeForTagging::PatchBaseline => "PatchBaseline",
            ResourceTypeForTagging::OpsItem => "OpsItem",
            ResourceTypeForTagging::OpsMetadata => "OpsMetadata",
            ResourceTypeForTagging::Automation => "Automation",
            ResourceTypeForTagging::Association => "Association",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ResourceTypeForTagging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// SSM structure `ResumeSessionRequest`.
///
/// The request of `ResumeSession`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResumeSessionRequest {
    /// The ID of the disconnected session to resume.
    #[serde(rename = "SessionId")]
    pub session_id: String,
}

impl Validate for ResumeSessionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SessionId", (&self.session_id).chars().count(), 1, 96)?;
        Ok(())
    }
}

/// SSM structure `ResumeSessionResponse`.
///
/// The response of `ResumeSession`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResumeSessionResponse {
    /// The ID of the session.
    #[serde(rename = "SessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// An encrypted token value containing session and caller information.
    #[serde(
        rename = "TokenValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub token_value: Option<String>,
    /// A URL back to SSM Agent on the managed node that the Session Manager client uses to send commands and receive output from the managed node.
    #[serde(rename = "StreamUrl", default, skip_serializing_if = "Option::is_none")]
    pub stream_url: Option<String>,
}

impl Validate for ResumeSessionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.session_id {
            check_len(path, "SessionId", value.chars().count(), 1, 96)?;
        }
        if let Some(value) = &self.token_value {
            check_len(path, "TokenValue", value.chars().count(), 0, 300)?;
        }
        Ok(())
    }
}

/// SSM structure `Tag`. Metadata that you assign to your Amazon Web Services resources.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The name of the tag.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value of the tag.
    #[serde(rename = "Value")]
    pub value: String,
}

impl Validate for Tag {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Key", (&self.key).chars().count(), 1, 128)?;
        check_len(path, "Value", (&self.value).chars().count(), 0, 256)?;
        Ok(())
    }
}

/// SSM structure `TerminateSessionRequest`.
///
/// The request of `TerminateSession`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminateSessionRequest {
    /// The ID of the session to terminate.
    #[serde(rename = "SessionId")]
    pub session_id: String,
}

impl Validate for TerminateSessionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "SessionId", (&self.session_id).chars().count(), 1, 96)?;
        Ok(())
    }
}

/// SSM structure `TerminateSessionResponse`.
///
/// The response of `TerminateSession`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminateSessionResponse {
    /// The ID of the session that has been terminated.
    #[serde(rename = "SessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
}

impl Validate for TerminateSessionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.session_id {
            check_len(path, "SessionId", value.chars().count(), 1, 96)?;
        }
        Ok(())
    }
}

/// SSM structure `UnlabelParameterVersionRequest`.
///
/// The request of `UnlabelParameterVersion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnlabelParameterVersionRequest {
    /// The name of the parameter from which you want to delete one or more labels.
    #[serde(rename = "Name")]
    pub name: String,
    /// The specific version of the parameter which you want to delete one or more labels from.
    #[serde(rename = "ParameterVersion")]
    pub parameter_version: i64,
    /// One or more labels to delete from the specified parameter version.
    #[serde(rename = "Labels")]
    pub labels: Vec<String>,
}

impl Validate for UnlabelParameterVersionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", (&self.name).chars().count(), 1, 2048)?;
        check_len(path, "Labels", (&self.labels).len(), 1, 10)?;
        Ok(())
    }
}

/// SSM structure `UnlabelParameterVersionResult`.
///
/// The response of `UnlabelParameterVersion`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnlabelParameterVersionResult {
    /// A list of all labels deleted from the parameter.
    #[serde(
        rename = "RemovedLabels",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub removed_labels: Option<Vec<String>>,
    /// The labels that aren't attached to the given parameter version.
    #[serde(
        rename = "InvalidLabels",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_labels: Option<Vec<String>>,
}

impl Validate for UnlabelParameterVersionResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.removed_labels {
            check_len(path, "RemovedLabels", value.len(), 1, 10)?;
        }
        if let Some(value) = &self.invalid_labels {
            check_len(path, "InvalidLabels", value.len(), 1, 10)?;
        }
        Ok(())
    }
}
