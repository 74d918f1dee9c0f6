//! IAM wire types (AWS Query), generated from botocore's `iam/2010-05-08` model by
//! `tools/gen_aws_types.py iam`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::iam::OPERATIONS) are here. Structures use
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

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::query::{self as q, FromQuery, QueryError, QueryParams, QueryScalar, ToXml, XmlWriter};
use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The IAM API version this module was generated from.
pub const API_VERSION: &str = "2010-05-08";

/// The XML namespace of every IAM response (`xmlns`).
pub const XML_NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

/// The SigV4 service name IAM requests are signed for.
pub const SIGNING_SERVICE: &str = "iam";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "CreateRole",
    "GetRole",
    "ListRoles",
    "DeleteRole",
    "UpdateAssumeRolePolicy",
    "PutRolePolicy",
    "GetRolePolicy",
    "DeleteRolePolicy",
    "ListRolePolicies",
    "CreateUser",
    "GetUser",
    "ListUsers",
    "DeleteUser",
    "CreateAccessKey",
    "DeleteAccessKey",
    "ListAccessKeys",
    "PutUserPolicy",
    "GetUserPolicy",
    "DeleteUserPolicy",
    "ListUserPolicies",
];

/// IAM structure `AccessKey`. Contains information about an Amazon Web Services access key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessKey {
    /// The name of the IAM user that the access key is associated with.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The ID for this access key.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// The status of the access key.
    #[serde(rename = "Status")]
    pub status: StatusType,
    /// The secret key used to sign requests.
    #[serde(rename = "SecretAccessKey")]
    pub secret_access_key: String,
    /// The date when the access key was created.
    #[serde(
        rename = "CreateDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_date: Option<f64>,
}

impl Validate for AccessKey {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 64)?;
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

impl ToXml for AccessKey {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "UserName", &self.user_name);
        q::write_scalar::<String>(w, "AccessKeyId", &self.access_key_id);
        q::write_scalar::<StatusType>(w, "Status", &self.status);
        q::write_scalar::<String>(w, "SecretAccessKey", &self.secret_access_key);
        if let Some(value) = &self.create_date {
            q::write_timestamp(w, "CreateDate", value);
        }
    }
}

/// IAM structure `AccessKeyMetadata`. Contains information about an Amazon Web Services access key, without its secret key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessKeyMetadata {
    /// The name of the IAM user that the key is associated with.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The ID for this access key.
    #[serde(
        rename = "AccessKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_key_id: Option<String>,
    /// The status of the access key.
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusType>,
    /// The date when the access key was created.
    #[serde(
        rename = "CreateDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_date: Option<f64>,
}

impl Validate for AccessKeyMetadata {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_name {
            check_len(path, "UserName", value.chars().count(), 1, 64)?;
        }
        if let Some(value) = &self.access_key_id {
            check_len(path, "AccessKeyId", value.chars().count(), 16, 128)?;
        }
        Ok(())
    }
}

impl ToXml for AccessKeyMetadata {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.user_name {
            q::write_scalar::<String>(w, "UserName", value);
        }
        if let Some(value) = &self.access_key_id {
            q::write_scalar::<String>(w, "AccessKeyId", value);
        }
        if let Some(value) = &self.status {
            q::write_scalar::<StatusType>(w, "Status", value);
        }
        if let Some(value) = &self.create_date {
            q::write_timestamp(w, "CreateDate", value);
        }
    }
}

/// IAM structure `AttachedPermissionsBoundary`. Contains information about an attached permissions boundary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachedPermissionsBoundary {
    /// The permissions boundary usage type that indicates what type of IAM resource is used as the permissions boundary for an entity.
    #[serde(
        rename = "PermissionsBoundaryType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary_type: Option<PermissionsBoundaryAttachmentType>,
    /// The ARN of the policy used to set the permissions boundary for the user or role.
    #[serde(
        rename = "PermissionsBoundaryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary_arn: Option<String>,
}

impl Validate for AttachedPermissionsBoundary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.permissions_boundary_arn {
            check_len(
                path,
                "PermissionsBoundaryArn",
                value.chars().count(),
                20,
                2048,
            )?;
        }
        Ok(())
    }
}

impl ToXml for AttachedPermissionsBoundary {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.permissions_boundary_type {
            q::write_scalar::<PermissionsBoundaryAttachmentType>(
                w,
                "PermissionsBoundaryType",
                value,
            );
        }
        if let Some(value) = &self.permissions_boundary_arn {
            q::write_scalar::<String>(w, "PermissionsBoundaryArn", value);
        }
    }
}

/// IAM structure `CreateAccessKeyRequest`.
///
/// The request of `CreateAccessKey`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAccessKeyRequest {
    /// The name of the IAM user that the new key will belong to.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

impl Validate for CreateAccessKeyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_name {
            check_len(path, "UserName", value.chars().count(), 1, 128)?;
        }
        Ok(())
    }
}

impl FromQuery for CreateAccessKeyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::scalar::<String>(params, &q::member_key(prefix, "UserName"))?,
        })
    }
}

/// IAM structure `CreateAccessKeyResponse`. Contains the response to a successful CreateAccessKey request.
///
/// The response of `CreateAccessKey` (written inside `<CreateAccessKeyResult>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateAccessKeyResponse {
    /// A structure with details about the access key.
    #[serde(rename = "AccessKey")]
    pub access_key: AccessKey,
}

impl Validate for CreateAccessKeyResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.access_key).validate(&format!("{path}.AccessKey"))?;
        Ok(())
    }
}

impl ToXml for CreateAccessKeyResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_structure::<AccessKey>(w, "AccessKey", &self.access_key);
    }
}

/// IAM structure `CreateRoleRequest`.
///
/// The request of `CreateRole`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRoleRequest {
    /// The path to the role.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The name of the role to create.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The trust relationship policy document that grants an entity permission to assume the role.
    #[serde(rename = "AssumeRolePolicyDocument")]
    pub assume_role_policy_document: String,
    /// A description of the role.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The maximum session duration (in seconds) that you want to set for the specified role.
    #[serde(
        rename = "MaxSessionDuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_session_duration: Option<i32>,
    /// The ARN of the managed policy that is used to set the permissions boundary for the role.
    #[serde(
        rename = "PermissionsBoundary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new role.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for CreateRoleRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.path {
            check_len(path, "Path", value.chars().count(), 1, 512)?;
        }
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "AssumeRolePolicyDocument",
            (&self.assume_role_policy_document).chars().count(),
            1,
            131072,
        )?;
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 1000)?;
        }
        if let Some(value) = &self.max_session_duration {
            check_range(path, "MaxSessionDuration", i64::from(*value), 3600, 43200)?;
        }
        if let Some(value) = &self.permissions_boundary {
            check_len(path, "PermissionsBoundary", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for CreateRoleRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            path: q::scalar::<String>(params, &q::member_key(prefix, "Path"))?,
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            assume_role_policy_document: q::required(
                params,
                &q::member_key(prefix, "AssumeRolePolicyDocument"),
                q::scalar::<String>,
            )?,
            description: q::scalar::<String>(params, &q::member_key(prefix, "Description"))?,
            max_session_duration: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "MaxSessionDuration"),
            )?,
            permissions_boundary: q::scalar::<String>(
                params,
                &q::member_key(prefix, "PermissionsBoundary"),
            )?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
        })
    }
}

/// IAM structure `CreateRoleResponse`. Contains the response to a successful CreateRole request.
///
/// The response of `CreateRole` (written inside `<CreateRoleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRoleResponse {
    /// A structure containing details about the new role.
    #[serde(rename = "Role")]
    pub role: Role,
}

impl Validate for CreateRoleResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.role).validate(&format!("{path}.Role"))?;
        Ok(())
    }
}

impl ToXml for CreateRoleResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_structure::<Role>(w, "Role", &self.role);
    }
}

/// IAM structure `CreateUserRequest`.
///
/// The request of `CreateUser`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUserRequest {
    /// The path for the user name.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The name of the user to create.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The ARN of the managed policy that is used to set the permissions boundary for the user.
    #[serde(
        rename = "PermissionsBoundary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new user.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for CreateUserRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.path {
            check_len(path, "Path", value.chars().count(), 1, 512)?;
        }
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 64)?;
        if let Some(value) = &self.permissions_boundary {
            check_len(path, "PermissionsBoundary", value.chars().count(), 20, 2048)?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for CreateUserRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            path: q::scalar::<String>(params, &q::member_key(prefix, "Path"))?,
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
            permissions_boundary: q::scalar::<String>(
                params,
                &q::member_key(prefix, "PermissionsBoundary"),
            )?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
        })
    }
}

/// IAM structure `CreateUserResponse`. Contains the response to a successful CreateUser request.
///
/// The response of `CreateUser` (written inside `<CreateUserResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUserResponse {
    /// A structure with details about the new IAM user.
    #[serde(rename = "User", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

impl Validate for CreateUserResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user {
            value.validate(&format!("{path}.User"))?;
        }
        Ok(())
    }
}

impl ToXml for CreateUserResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.user {
            q::write_structure::<User>(w, "User", value);
        }
    }
}

/// IAM structure `DeleteAccessKeyRequest`.
///
/// The request of `DeleteAccessKey`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccessKeyRequest {
    /// The name of the user whose access key pair you want to delete.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The access key ID for the access key ID and secret access key you want to delete.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
}

impl Validate for DeleteAccessKeyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_name {
            check_len(path, "UserName", value.chars().count(), 1, 128)?;
        }
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

impl FromQuery for DeleteAccessKeyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::scalar::<String>(params, &q::member_key(prefix, "UserName"))?,
            access_key_id: q::required(
                params,
                &q::member_key(prefix, "AccessKeyId"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `DeleteRolePolicyRequest`.
///
/// The request of `DeleteRolePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteRolePolicyRequest {
    /// The name (friendly name, not ARN) identifying the role that the policy is embedded in.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The name of the inline policy to delete from the specified IAM role.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

impl Validate for DeleteRolePolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        Ok(())
    }
}

impl FromQuery for DeleteRolePolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `DeleteRoleRequest`.
///
/// The request of `DeleteRole`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteRoleRequest {
    /// The name of the role to delete.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

impl Validate for DeleteRoleRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        Ok(())
    }
}

impl FromQuery for DeleteRoleRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `DeleteUserPolicyRequest`.
///
/// The request of `DeleteUserPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteUserPolicyRequest {
    /// The name (friendly name, not ARN) identifying the user that the policy is embedded in.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The name identifying the policy document to delete.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

impl Validate for DeleteUserPolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        Ok(())
    }
}

impl FromQuery for DeleteUserPolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `DeleteUserRequest`.
///
/// The request of `DeleteUser`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteUserRequest {
    /// The name of the user to delete.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

impl Validate for DeleteUserRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        Ok(())
    }
}

impl FromQuery for DeleteUserRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `GetRolePolicyRequest`.
///
/// The request of `GetRolePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetRolePolicyRequest {
    /// The name of the role associated with the policy.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The name of the policy document to get.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

impl Validate for GetRolePolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        Ok(())
    }
}

impl FromQuery for GetRolePolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `GetRolePolicyResponse`. Contains the response to a successful GetRolePolicy request.
///
/// The response of `GetRolePolicy` (written inside `<GetRolePolicyResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetRolePolicyResponse {
    /// The role the policy is associated with.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The name of the policy.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// The policy document.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
}

impl Validate for GetRolePolicyResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        check_len(
            path,
            "PolicyDocument",
            (&self.policy_document).chars().count(),
            1,
            131072,
        )?;
        Ok(())
    }
}

impl ToXml for GetRolePolicyResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "RoleName", &self.role_name);
        q::write_scalar::<String>(w, "PolicyName", &self.policy_name);
        q::write_scalar::<String>(w, "PolicyDocument", &self.policy_document);
    }
}

/// IAM structure `GetRoleRequest`.
///
/// The request of `GetRole`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetRoleRequest {
    /// The name of the IAM role to get information about.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

impl Validate for GetRoleRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        Ok(())
    }
}

impl FromQuery for GetRoleRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `GetRoleResponse`. Contains the response to a successful GetRole request.
///
/// The response of `GetRole` (written inside `<GetRoleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetRoleResponse {
    /// A structure containing details about the IAM role.
    #[serde(rename = "Role")]
    pub role: Role,
}

impl Validate for GetRoleResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.role).validate(&format!("{path}.Role"))?;
        Ok(())
    }
}

impl ToXml for GetRoleResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_structure::<Role>(w, "Role", &self.role);
    }
}

/// IAM structure `GetUserPolicyRequest`.
///
/// The request of `GetUserPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserPolicyRequest {
    /// The name of the user who the policy is associated with.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The name of the policy document to get.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

impl Validate for GetUserPolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        Ok(())
    }
}

impl FromQuery for GetUserPolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `GetUserPolicyResponse`. Contains the response to a successful GetUserPolicy request.
///
/// The response of `GetUserPolicy` (written inside `<GetUserPolicyResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserPolicyResponse {
    /// The user the policy is associated with.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The name of the policy.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// The policy document.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
}

impl Validate for GetUserPolicyResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        check_len(
            path,
            "PolicyDocument",
            (&self.policy_document).chars().count(),
            1,
            131072,
        )?;
        Ok(())
    }
}

impl ToXml for GetUserPolicyResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "UserName", &self.user_name);
        q::write_scalar::<String>(w, "PolicyName", &self.policy_name);
        q::write_scalar::<String>(w, "PolicyDocument", &self.policy_document);
    }
}

/// IAM structure `GetUserRequest`.
///
/// The request of `GetUser`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserRequest {
    /// The name of the user to get information about.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

impl Validate for GetUserRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_name {
            check_len(path, "UserName", value.chars().count(), 1, 128)?;
        }
        Ok(())
    }
}

impl FromQuery for GetUserRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::scalar::<String>(params, &q::member_key(prefix, "UserName"))?,
        })
    }
}

/// IAM structure `GetUserResponse`. Contains the response to a successful GetUser request.
///
/// The response of `GetUser` (written inside `<GetUserResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserResponse {
    /// A structure containing details about the IAM user.
    #[serde(rename = "User")]
    pub user: User,
}

impl Validate for GetUserResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.user).validate(&format!("{path}.User"))?;
        Ok(())
    }
}

impl ToXml for GetUserResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_structure::<User>(w, "User", &self.user);
    }
}

/// IAM structure `ListAccessKeysRequest`.
///
/// The request of `ListAccessKeys`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccessKeysRequest {
    /// The name of the user.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

impl Validate for ListAccessKeysRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_name {
            check_len(path, "UserName", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.marker {
            check_len(path, "Marker", value.chars().count(), 1, 320)?;
        }
        if let Some(value) = &self.max_items {
            check_range(path, "MaxItems", i64::from(*value), 1, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for ListAccessKeysRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::scalar::<String>(params, &q::member_key(prefix, "UserName"))?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            max_items: q::scalar::<i32>(params, &q::member_key(prefix, "MaxItems"))?,
        })
    }
}

/// IAM structure `ListAccessKeysResponse`. Contains the response to a successful ListAccessKeys request.
///
/// The response of `ListAccessKeys` (written inside `<ListAccessKeysResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccessKeysResponse {
    /// A list of objects containing metadata about the access keys.
    #[serde(rename = "AccessKeyMetadata")]
    pub access_key_metadata: Vec<AccessKeyMetadata>,
    /// A flag that indicates whether there are more items to return.
    #[serde(
        rename = "IsTruncated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Validate for ListAccessKeysResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.access_key_metadata).iter() {
            item.validate(&format!("{path}.AccessKeyMetadata"))?;
        }
        Ok(())
    }
}

impl ToXml for ListAccessKeysResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_list(
            w,
            "AccessKeyMetadata",
            Some("member"),
            &self.access_key_metadata,
            q::write_structure::<AccessKeyMetadata>,
        );
        if let Some(value) = &self.is_truncated {
            q::write_scalar::<bool>(w, "IsTruncated", value);
        }
        if let Some(value) = &self.marker {
            q::write_scalar::<String>(w, "Marker", value);
        }
    }
}

/// IAM structure `ListRolePoliciesRequest`.
///
/// The request of `ListRolePolicies`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListRolePoliciesRequest {
    /// The name of the role to list policies for.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

impl Validate for ListRolePoliciesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        if let Some(value) = &self.marker {
            check_len(path, "Marker", value.chars().count(), 1, 320)?;
        }
        if let Some(value) = &self.max_items {
            check_range(path, "MaxItems", i64::from(*value), 1, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for ListRolePoliciesRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            max_items: q::scalar::<i32>(params, &q::member_key(prefix, "MaxItems"))?,
        })
    }
}

/// IAM structure `ListRolePoliciesResponse`. Contains the response to a successful ListRolePolicies request.
///
/// The response of `ListRolePolicies` (written inside `<ListRolePoliciesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListRolePoliciesResponse {
    /// A list of policy names.
    #[serde(rename = "PolicyNames")]
    pub policy_names: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    #[serde(
        rename = "IsTruncated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Validate for ListRolePoliciesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for ListRolePoliciesResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_list(
            w,
            "PolicyNames",
            Some("member"),
            &self.policy_names,
            q::write_scalar::<String>,
        );
        if let Some(value) = &self.is_truncated {
            q::write_scalar::<bool>(w, "IsTruncated", value);
        }
        if let Some(value) = &self.marker {
            q::write_scalar::<String>(w, "Marker", value);
        }
    }
}

/// IAM structure `ListRolesRequest`.
///
/// The request of `ListRoles`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListRolesRequest {
    /// The path prefix for filtering the results.
    #[serde(
        rename = "PathPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

impl Validate for ListRolesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.path_prefix {
            check_len(path, "PathPrefix", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.marker {
            check_len(path, "Marker", value.chars().count(), 1, 320)?;
        }
        if let Some(value) = &self.max_items {
            check_range(path, "MaxItems", i64::from(*value), 1, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for ListRolesRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            path_prefix: q::scalar::<String>(params, &q::member_key(prefix, "PathPrefix"))?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            max_items: q::scalar::<i32>(params, &q::member_key(prefix, "MaxItems"))?,
        })
    }
}

/// IAM structure `ListRolesResponse`. Contains the response to a successful ListRoles request.
///
/// The response of `ListRoles` (written inside `<ListRolesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListRolesResponse {
    /// A list of roles.
    #[serde(rename = "Roles")]
    pub roles: Vec<Role>,
    /// A flag that indicates whether there are more items to return.
    #[serde(
        rename = "IsTruncated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Validate for ListRolesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.roles).iter() {
            item.validate(&format!("{path}.Roles"))?;
        }
        Ok(())
    }
}

impl ToXml for ListRolesResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_list(
            w,
            "Roles",
            Some("member"),
            &self.roles,
            q::write_structure::<Role>,
        );
        if let Some(value) = &self.is_truncated {
            q::write_scalar::<bool>(w, "IsTruncated", value);
        }
        if let Some(value) = &self.marker {
            q::write_scalar::<String>(w, "Marker", value);
        }
    }
}

/// IAM structure `ListUserPoliciesRequest`.
///
/// The request of `ListUserPolicies`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserPoliciesRequest {
    /// The name of the user to list policies for.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

impl Validate for ListUserPoliciesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        if let Some(value) = &self.marker {
            check_len(path, "Marker", value.chars().count(), 1, 320)?;
        }
        if let Some(value) = &self.max_items {
            check_range(path, "MaxItems", i64::from(*value), 1, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for ListUserPoliciesRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            max_items: q::scalar::<i32>(params, &q::member_key(prefix, "MaxItems"))?,
        })
    }
}

/// IAM structure `ListUserPoliciesResponse`. Contains the response to a successful ListUserPolicies request.
///
/// The response of `ListUserPolicies` (written inside `<ListUserPoliciesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserPoliciesResponse {
    /// A list of policy names.
    #[serde(rename = "PolicyNames")]
    pub policy_names: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    #[serde(
        rename = "IsTruncated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Validate for ListUserPoliciesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for ListUserPoliciesResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_list(
            w,
            "PolicyNames",
            Some("member"),
            &self.policy_names,
            q::write_scalar::<String>,
        );
        if let Some(value) = &self.is_truncated {
            q::write_scalar::<bool>(w, "IsTruncated", value);
        }
        if let Some(value) = &self.marker {
            q::write_scalar::<String>(w, "Marker", value);
        }
    }
}

/// IAM structure `ListUsersRequest`.
///
/// The request of `ListUsers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUsersRequest {
    /// The path prefix for filtering the results.
    #[serde(
        rename = "PathPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

impl Validate for ListUsersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.path_prefix {
            check_len(path, "PathPrefix", value.chars().count(), 1, 512)?;
        }
        if let Some(value) = &self.marker {
            check_len(path, "Marker", value.chars().count(), 1, 320)?;
        }
        if let Some(value) = &self.max_items {
            check_range(path, "MaxItems", i64::from(*value), 1, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for ListUsersRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            path_prefix: q::scalar::<String>(params, &q::member_key(prefix, "PathPrefix"))?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            max_items: q::scalar::<i32>(params, &q::member_key(prefix, "MaxItems"))?,
        })
    }
}

/// IAM structure `ListUsersResponse`. Contains the response to a successful ListUsers request.
///
/// The response of `ListUsers` (written inside `<ListUsersResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUsersResponse {
    /// A list of users.
    #[serde(rename = "Users")]
    pub users: Vec<User>,
    /// A flag that indicates whether there are more items to return.
    #[serde(
        rename = "IsTruncated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl Validate for ListUsersResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.users).iter() {
            item.validate(&format!("{path}.Users"))?;
        }
        Ok(())
    }
}

impl ToXml for ListUsersResponse {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_list(
            w,
            "Users",
            Some("member"),
            &self.users,
            q::write_structure::<User>,
        );
        if let Some(value) = &self.is_truncated {
            q::write_scalar::<bool>(w, "IsTruncated", value);
        }
        if let Some(value) = &self.marker {
            q::write_scalar::<String>(w, "Marker", value);
        }
    }
}

/// IAM enum `PermissionsBoundaryAttachmentType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PermissionsBoundaryAttachmentType {
    #[serde(rename = "PermissionsBoundaryPolicy")]
    PermissionsBoundaryPolicy,
}

impl PermissionsBoundaryAttachmentType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PermissionsBoundaryAttachmentType] =
        &[PermissionsBoundaryAttachmentType::PermissionsBoundaryPolicy];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PermissionsBoundaryAttachmentType::PermissionsBoundaryPolicy => {
                "PermissionsBoundaryPolicy"
            }
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PermissionsBoundaryAttachmentType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for PermissionsBoundaryAttachmentType {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// IAM structure `PutRolePolicyRequest`.
///
/// The request of `PutRolePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutRolePolicyRequest {
    /// The name of the role to associate the policy with.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The name of the policy document.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// The policy document.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
}

impl Validate for PutRolePolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        check_len(
            path,
            "PolicyDocument",
            (&self.policy_document).chars().count(),
            1,
            131072,
        )?;
        Ok(())
    }
}

impl FromQuery for PutRolePolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
            policy_document: q::required(
                params,
                &q::member_key(prefix, "PolicyDocument"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `PutUserPolicyRequest`.
///
/// The request of `PutUserPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutUserPolicyRequest {
    /// The name of the user to associate the policy with.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The name of the policy document.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// The policy document.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
}

impl Validate for PutUserPolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 128)?;
        check_len(
            path,
            "PolicyName",
            (&self.policy_name).chars().count(),
            1,
            128,
        )?;
        check_len(
            path,
            "PolicyDocument",
            (&self.policy_document).chars().count(),
            1,
            131072,
        )?;
        Ok(())
    }
}

impl FromQuery for PutUserPolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_name: q::required(
                params,
                &q::member_key(prefix, "UserName"),
                q::scalar::<String>,
            )?,
            policy_name: q::required(
                params,
                &q::member_key(prefix, "PolicyName"),
                q::scalar::<String>,
            )?,
            policy_document: q::required(
                params,
                &q::member_key(prefix, "PolicyDocument"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `Role`. Contains information about an IAM role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// The path to the role.
    #[serde(rename = "Path")]
    pub path: String,
    /// The friendly name that identifies the role.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The stable and unique string identifying the role.
    #[serde(rename = "RoleId")]
    pub role_id: String,
    /// The Amazon Resource Name (ARN) specifying the role.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format, when the role was created.
    #[serde(rename = "CreateDate")]
    pub create_date: f64,
    /// The policy that grants an entity permission to assume the role.
    #[serde(
        rename = "AssumeRolePolicyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assume_role_policy_document: Option<String>,
    /// A description of the role that you provide.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The maximum session duration (in seconds) for the specified role.
    #[serde(
        rename = "MaxSessionDuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_session_duration: Option<i32>,
    /// The ARN of the policy used to set the permissions boundary for the role.
    #[serde(
        rename = "PermissionsBoundary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are attached to the role.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Contains information about the last time that an IAM role was used.
    #[serde(
        rename = "RoleLastUsed",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub role_last_used: Option<RoleLastUsed>,
}

impl Validate for Role {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Path", (&self.path).chars().count(), 1, 512)?;
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(path, "RoleId", (&self.role_id).chars().count(), 16, 128)?;
        check_len(path, "Arn", (&self.arn).chars().count(), 20, 2048)?;
        if let Some(value) = &self.assume_role_policy_document {
            check_len(
                path,
                "AssumeRolePolicyDocument",
                value.chars().count(),
                1,
                131072,
            )?;
        }
        if let Some(value) = &self.description {
            check_len(path, "Description", value.chars().count(), 0, 1000)?;
        }
        if let Some(value) = &self.max_session_duration {
            check_range(path, "MaxSessionDuration", i64::from(*value), 3600, 43200)?;
        }
        if let Some(value) = &self.permissions_boundary {
            value.validate(&format!("{path}.PermissionsBoundary"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.role_last_used {
            value.validate(&format!("{path}.RoleLastUsed"))?;
        }
        Ok(())
    }
}

impl ToXml for Role {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Path", &self.path);
        q::write_scalar::<String>(w, "RoleName", &self.role_name);
        q::write_scalar::<String>(w, "RoleId", &self.role_id);
        q::write_scalar::<String>(w, "Arn", &self.arn);
        q::write_timestamp(w, "CreateDate", &self.create_date);
        if let Some(value) = &self.assume_role_policy_document {
            q::write_scalar::<String>(w, "AssumeRolePolicyDocument", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "Description", value);
        }
        if let Some(value) = &self.max_session_duration {
            q::write_scalar::<i32>(w, "MaxSessionDuration", value);
        }
        if let Some(value) = &self.permissions_boundary {
            q::write_structure::<AttachedPermissionsBoundary>(w, "PermissionsBoundary", value);
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "Tags", Some("member"), value, q::write_structure::<Tag>);
        }
        if let Some(value) = &self.role_last_used {
            q::write_structure::<RoleLastUsed>(w, "RoleLastUsed", value);
        }
    }
}

/// IAM structure `RoleLastUsed`. Contains information about the last time that an IAM role was used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleLastUsed {
    /// The date and time, in ISO 8601 date-time format that the role was last used.
    #[serde(
        rename = "LastUsedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_used_date: Option<f64>,
    /// The name of the Amazon Web Services Region in which the role was last used.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

impl Validate for RoleLastUsed {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for RoleLastUsed {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.last_used_date {
            q::write_timestamp(w, "LastUsedDate", value);
        }
        if let Some(value) = &self.region {
            q::write_scalar::<String>(w, "Region", value);
        }
    }
}

/// IAM structure `Tag`. A structure that represents user-provided metadata that can be associated with an IAM resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The key name that can be used to look up or retrieve the associated value.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value associated with this tag.
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

impl ToXml for Tag {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Key", &self.key);
        q::write_scalar::<String>(w, "Value", &self.value);
    }
}

/// IAM structure `UpdateAssumeRolePolicyRequest`.
///
/// The request of `UpdateAssumeRolePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAssumeRolePolicyRequest {
    /// The name of the role to update with the new policy.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// The policy that grants an entity permission to assume the role.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
}

impl Validate for UpdateAssumeRolePolicyRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "RoleName", (&self.role_name).chars().count(), 1, 64)?;
        check_len(
            path,
            "PolicyDocument",
            (&self.policy_document).chars().count(),
            1,
            131072,
        )?;
        Ok(())
    }
}

impl FromQuery for UpdateAssumeRolePolicyRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            role_name: q::required(
                params,
                &q::member_key(prefix, "RoleName"),
                q::scalar::<String>,
            )?,
            policy_document: q::required(
                params,
                &q::member_key(prefix, "PolicyDocument"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// IAM structure `User`. Contains information about an IAM user entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// The path to the user.
    #[serde(rename = "Path")]
    pub path: String,
    /// The friendly name identifying the user.
    #[serde(rename = "UserName")]
    pub user_name: String,
    /// The stable and unique string identifying the user.
    #[serde(rename = "UserId")]
    pub user_id: String,
    /// The Amazon Resource Name (ARN) that identifies the user.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format, when the user was created.
    #[serde(rename = "CreateDate")]
    pub create_date: f64,
    /// The date and time, in ISO 8601 date-time format, when the user's password was last used to sign in to an Amazon Web Services website.
    #[serde(
        rename = "PasswordLastUsed",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub password_last_used: Option<f64>,
    /// For more information about permissions boundaries, see Permissions boundaries for IAM identities  in the IAM User Guide.
    #[serde(
        rename = "PermissionsBoundary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are associated with the user.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for User {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Path", (&self.path).chars().count(), 1, 512)?;
        check_len(path, "UserName", (&self.user_name).chars().count(), 1, 64)?;
        check_len(path, "UserId", (&self.user_id).chars().count(), 16, 128)?;
        check_len(path, "Arn", (&self.arn).chars().count(), 20, 2048)?;
        if let Some(value) = &self.permissions_boundary {
            value.validate(&format!("{path}.PermissionsBoundary"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for User {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Path", &self.path);
        q::write_scalar::<String>(w, "UserName", &self.user_name);
        q::write_scalar::<String>(w, "UserId", &self.user_id);
        q::write_scalar::<String>(w, "Arn", &self.arn);
        q::write_timestamp(w, "CreateDate", &self.create_date);
        if let Some(value) = &self.password_last_used {
            q::write_timestamp(w, "PasswordLastUsed", value);
        }
        if let Some(value) = &self.permissions_boundary {
            q::write_structure::<AttachedPermissionsBoundary>(w, "PermissionsBoundary", value);
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "Tags", Some("member"), value, q::write_structure::<Tag>);
        }
    }
}

/// IAM enum `statusType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StatusType {
    #[serde(rename = "Active")]
    Active,
    #[serde(rename = "Inactive")]
    Inactive,
    #[serde(rename = "Expired")]
    Expired,
}

impl StatusType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [StatusType] = &[
        StatusType::Active,
        StatusType::Inactive,
        StatusType::Expired,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatusType::Active => "Active",
            StatusType::Inactive => "Inactive",
            StatusType::Expired => "Expired",
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

impl QueryScalar for StatusType {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}
