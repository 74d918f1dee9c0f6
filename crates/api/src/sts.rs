//! STS wire types (AWS Query), generated from botocore's `sts/2011-06-15` model by
//! `tools/gen_aws_types.py sts`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::sts::OPERATIONS) are here. Structures use
//! the model's member names on the wire, `Option` for members the model does not require,
//! and implement [`Validate`](crate::Validate) with the model's length and range limits.
//!
//! Requests implement [`FromQuery`](crate::query::FromQuery) (form parameters as botocore's
//! QuerySerializer sends them) and responses [`ToXml`](crate::query::ToXml) (XML as
//! botocore's QueryParser reads it); see [`crate::query`]. Missing required members and
//! values outside an enum are refused while parsing. Serde derives use the same member
//! names, for storage. `timestamp` members are epoch seconds (f64), ISO 8601 on the wire;
//! `blob` members are base64 text.
#![allow(clippy::all, missing_docs)]

use serde::{Deserialize, Serialize};

use crate::query::{self as q, FromQuery, QueryError, QueryParams, ToXml, XmlWriter};
use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The STS API version this module was generated from.
pub const API_VERSION: &str = "2011-06-15";

/// The XML namespace of every STS response (`xmlns`).
pub const XML_NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

/// The SigV4 service name STS requests are signed for.
pub const SIGNING_SERVICE: &str = "sts";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &["GetCallerIdentity", "AssumeRole"];

/// STS structure `AssumeRoleRequest`.
///
/// The request of `AssumeRole`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssumeRoleRequest {
    /// The Amazon Resource Name (ARN) of the role to assume.
    #[serde(rename = "RoleArn")]
    pub role_arn: String,
    /// An identifier for the assumed role session.
    #[serde(rename = "RoleSessionName")]
    pub role_session_name: String,
    /// The Amazon Resource Names (ARNs) of the IAM managed policies that you want to use as managed session policies.
    #[serde(
        rename = "PolicyArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An IAM policy in JSON format that you want to use as an inline session policy.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The duration, in seconds, of the role session.
    #[serde(
        rename = "DurationSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_seconds: Option<i32>,
    /// A list of session tags that you want to pass.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// A list of keys for session tags that you want to set as transitive.
    #[serde(
        rename = "TransitiveTagKeys",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transitive_tag_keys: Option<Vec<String>>,
    /// A unique identifier that might be required when you assume a role in another account.
    #[serde(
        rename = "ExternalId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    /// The identification number of the MFA device that is associated with the user who is making the AssumeRole call.
    #[serde(
        rename = "SerialNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub serial_number: Option<String>,
    /// The value provided by the MFA device, if the trust policy of the role being assumed requires MFA.
    #[serde(rename = "TokenCode", default, skip_serializing_if = "Option::is_none")]
    pub token_code: Option<String>,
    /// The source identity specified by the principal that is calling the AssumeRole operation.
    #[serde(
        rename = "SourceIdentity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_identity: Option<String>,
    /// A list of previously acquired trusted context assertions in the format of a JSON array.
    #[serde(
        rename = "ProvidedContexts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub provided_contexts: Option<Vec<ProvidedContext>>,
}

impl Validate for AssumeRoleRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleArn", (&self.role_arn).chars().count(), 20, 2048)?;
        check_len(
            path,
            "RoleSessionName",
            (&self.role_session_name).chars().count(),
            2,
            64,
        )?;
        if let Some(value) = &self.policy_arns {
            for item in value.iter() {
                item.validate(&format!("{path}.PolicyArns"))?;
            }
        }
        if let Some(value) = &self.policy {
            check_len(path, "Policy", value.chars().count(), 1, usize::MAX)?;
        }
        if let Some(value) = &self.duration_seconds {
            check_range(path, "DurationSeconds", i64::from(*value), 900, 43200)?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.transitive_tag_keys {
            check_len(path, "TransitiveTagKeys", value.len(), 0, 50)?;
        }
        if let Some(value) = &self.external_id {
            check_len(path, "ExternalId", value.chars().count(), 2, 1224)?;
        }
        if let Some(value) = &self.serial_number {
            check_len(path, "SerialNumber", value.chars().count(), 9, 256)?;
        }
        if let Some(value) = &self.token_code {
            check_len(path, "TokenCode", value.chars().count(), 6, 6)?;
        }
        if let Some(value) = &self.source_identity {
            check_len(path, "SourceIdentity", value.chars().count(), 2, 64)?;
        }
        if let Some(value) = &self.provided_contexts {
            check_len(path, "ProvidedContexts", value.len(), 1, 5)?;
            for item in value.iter() {
                item.validate(&format!("{path}.ProvidedContexts"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for AssumeRoleRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_arn: q::required(
                params,
                &q::member_key(prefix, "RoleArn"),
                q::scalar::<String>,
            )?,
            role_session_name: q::required(
                params,
                &q::member_key(prefix, "RoleSessionName"),
                q::scalar::<String>,
            )?,
            policy_arns: q::list(
                params,
                &q::member_key(prefix, "PolicyArns"),
                Some("member"),
                q::structure::<PolicyDescriptorType>,
            )?,
            policy: q::scalar::<String>(params, &q::member_key(prefix, "Policy"))?,
            duration_seconds: q::scalar::<i32>(params, &q::member_key(prefix, "DurationSeconds"))?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
            transitive_tag_keys: q::list(
                params,
                &q::member_key(prefix, "TransitiveTagKeys"),
                Some("member"),
                q::scalar::<String>,
            )?,
            external_id: q::scalar::<String>(params, &q::member_key(prefix, "ExternalId"))?,
            serial_number: q::scalar::<String>(params, &q::member_key(prefix, "SerialNumber"))?,
            token_code: q::scalar::<String>(params, &q::member_key(prefix, "TokenCode"))?,
            source_identity: q::scalar::<String>(params, &q::member_key(prefix, "SourceIdentity"))?,
            provided_contexts: q::list(
                params,
                &q::member_key(prefix, "ProvidedContexts"),
                Some("member"),
                q::structure::<ProvidedContext>,
            )?,
        })
    }
}

/// STS structure `AssumeRoleResponse`. Contains the response to a successful AssumeRole request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// The response of `AssumeRole` (written inside `<AssumeRoleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssumeRoleResponse {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security (or session) token.
    #[serde(
        rename = "Credentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials: Option<Credentials>,
    /// The Amazon Resource Name (ARN) and the assumed role ID, which are identifiers that you can use to refer to the resulting temporary security credentials.
    #[serde(
        rename = "AssumedRoleUser",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// A percentage value that indicates the packed size of the session policies and session tags combined passed in the request.
    #[serde(
        rename = "PackedPolicySize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub packed_policy_size: Option<i32>,
    /// The source identity specified by the principal that is calling the AssumeRole operation.
    #[serde(
        rename = "SourceIdentity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_identity: Option<String>,
}

impl Validate for AssumeRoleResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.credentials {
            value.validate(&format!("{path}.Credentials"))?;
        }
        if let Some(value) = &self.assumed_role_user {
            value.validate(&format!("{path}.AssumedRoleUser"))?;
        }
        if let Some(value) = &self.packed_policy_size {
            check_range(path, "PackedPolicySize", i64::from(*value), 0, i64::MAX)?;
        }
        if let Some(value) = &self.source_identity {
            check_len(path, "SourceIdentity", value.chars().count(), 2, 64)?;
        }
        Ok(())
    }
}

impl ToXml for AssumeRoleResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.credentials {
            q::write_structure::<Credentials>(w, "Credentials", value);
        }
        if let Some(value) = &self.assumed_role_user {
            q::write_structure::<AssumedRoleUser>(w, "AssumedRoleUser", value);
        }
        if let Some(value) = &self.packed_policy_size {
            q::write_scalar::<i32>(w, "PackedPolicySize", value);
        }
        if let Some(value) = &self.source_identity {
            q::write_scalar::<String>(w, "SourceIdentity", value);
        }
    }
}

/// STS structure `AssumedRoleUser`. The identifiers for the temporary security credentials that the operation returns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssumedRoleUser {
    /// A unique identifier that contains the role ID and the role session name of the role that is being assumed.
    #[serde(rename = "AssumedRoleId")]
    pub assumed_role_id: String,
    /// The ARN of the temporary security credentials that are returned from the AssumeRole action.
    #[serde(rename = "Arn")]
    pub arn: String,
}

impl Validate for AssumedRoleUser {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "AssumedRoleId",
            (&self.assumed_role_id).chars().count(),
            2,
            193,
        )?;
        check_len(path, "Arn", (&self.arn).chars().count(), 20, 2048)?;
        Ok(())
    }
}

impl ToXml for AssumedRoleUser {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "AssumedRoleId", &self.assumed_role_id);
        q::write_scalar::<String>(w, "Arn", &self.arn);
    }
}

/// STS structure `Credentials`. Amazon Web Services credentials for API authentication.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Credentials {
    /// The access key ID that identifies the temporary security credentials.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// The secret access key that can be used to sign requests.
    #[serde(rename = "SecretAccessKey")]
    pub secret_access_key: String,
    /// The token that users must pass to the service API to use the temporary credentials.
    #[serde(rename = "SessionToken")]
    pub session_token: String,
    /// The date on which the current credentials expire.
    #[serde(rename = "Expiration")]
    pub expiration: f64,
}

impl Validate for Credentials {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(
            path,
            "AccessKeyId",
            (&self.access_key_id).chars().count(),
            16,
            128,
        )?;
        Ok(())
    }
}

impl ToXml for Credentials {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "AccessKeyId", &self.access_key_id);
        q::write_scalar::<String>(w, "SecretAccessKey", &self.secret_access_key);
        q::write_scalar::<String>(w, "SessionToken", &self.session_token);
        q::write_timestamp(w, "Expiration", &self.expiration);
    }
}

/// STS structure `GetCallerIdentityRequest`.
///
/// The request of `GetCallerIdentity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCallerIdentityRequest {}

impl Validate for GetCallerIdentityRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for GetCallerIdentityRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {})
    }
}

/// STS structure `GetCallerIdentityResponse`. Contains the response to a successful GetCallerIdentity request, including information about the entity making the request.
///
/// The response of `GetCallerIdentity` (written inside `<GetCallerIdentityResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCallerIdentityResponse {
    /// The unique identifier of the calling entity.
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The Amazon Web Services account ID number of the account that owns or contains the calling entity.
    #[serde(rename = "Account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The Amazon Web Services ARN associated with the calling entity.
    #[serde(rename = "Arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

impl Validate for GetCallerIdentityResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "Arn", value.chars().count(), 20, 2048)?;
        }
        Ok(())
    }
}

impl ToXml for GetCallerIdentityResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.user_id {
            q::write_scalar::<String>(w, "UserId", value);
        }
        if let Some(value) = &self.account {
            q::write_scalar::<String>(w, "Account", value);
        }
        if let Some(value) = &self.arn {
            q::write_scalar::<String>(w, "Arn", value);
        }
    }
}

/// STS structure `PolicyDescriptorType`. A reference to the IAM managed policy that is passed as a session policy for a role session or a federated user session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyDescriptorType {
    /// The Amazon Resource Name (ARN) of the IAM managed policy to use as a session policy for the role.
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

impl Validate for PolicyDescriptorType {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.arn {
            check_len(path, "arn", value.chars().count(), 20, 2048)?;
        }
        Ok(())
    }
}

impl FromQuery for PolicyDescriptorType {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            arn: q::scalar::<String>(params, &q::member_key(prefix, "arn"))?,
        })
    }
}

/// STS structure `ProvidedContext`. Contains information about the provided context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProvidedContext {
    /// The context provider ARN from which the trusted context assertion was generated.
    #[serde(
        rename = "ProviderArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_arn: Option<String>,
    /// The signed and encrypted trusted context assertion generated by the context provider.
    #[serde(
        rename = "ContextAssertion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context_assertion: Option<String>,
}

impl Validate for ProvidedContext {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.provider_arn {
            check_len(path, "ProviderArn", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.context_assertion {
            check_len(path, "ContextAssertion", value.chars().count(), 4, 2048)?;
        }
        Ok(())
    }
}

impl FromQuery for ProvidedContext {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            provider_arn: q::scalar::<String>(params, &q::member_key(prefix, "ProviderArn"))?,
            context_assertion: q::scalar::<String>(
                params,
                &q::member_key(prefix, "ContextAssertion"),
            )?,
        })
    }
}

/// STS structure `Tag`. You can pass custom key-value pair attributes when you assume a role or federate a user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The key for a session tag.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value for a session tag.
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

impl FromQuery for Tag {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::required(params, &q::member_key(prefix, "Key"), q::scalar::<String>)?,
            value: q::required(params, &q::member_key(prefix, "Value"), q::scalar::<String>)?,
        })
    }
}
