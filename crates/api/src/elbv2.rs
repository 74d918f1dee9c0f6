//! Elastic Load Balancing v2 wire types (AWS Query), generated from botocore's
//! `elbv2/2015-12-01` model by `tools/gen_aws_types.py elbv2`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::elbv2::OPERATIONS) are here. Structures use
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
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::query::{self as q, FromQuery, QueryError, QueryParams, QueryScalar, ToXml, XmlWriter};
use crate::validate::{check_len, check_range, Validate, ValidationError};

/// The ELBv2 API version this module was generated from.
pub const API_VERSION: &str = "2015-12-01";

/// The XML namespace of every ELBv2 response (`xmlns`).
pub const XML_NAMESPACE: &str = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

/// The SigV4 service name ELBv2 requests are signed for.
pub const SIGNING_SERVICE: &str = "elasticloadbalancing";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "CreateLoadBalancer",
    "DescribeLoadBalancers",
    "DeleteLoadBalancer",
    "DescribeLoadBalancerAttributes",
    "ModifyLoadBalancerAttributes",
    "CreateTargetGroup",
    "DescribeTargetGroups",
    "ModifyTargetGroup",
    "DeleteTargetGroup",
    "DescribeTargetGroupAttributes",
    "ModifyTargetGroupAttributes",
    "CreateListener",
    "DescribeListeners",
    "ModifyListener",
    "DeleteListener",
    "CreateRule",
    "DescribeRules",
    "ModifyRule",
    "DeleteRule",
    "SetRulePriorities",
    "RegisterTargets",
    "DeregisterTargets",
    "DescribeTargetHealth",
    "AddTags",
    "RemoveTags",
    "DescribeTags",
];

/// ELBv2 structure `Action`. Information about an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The type of action.
    #[serde(rename = "Type")]
    pub type_: ActionTypeEnum,
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(
        rename = "TargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    /// [HTTPS listeners] Information about an identity provider that is compliant with OpenID Connect (OIDC).
    #[serde(
        rename = "AuthenticateOidcConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authenticate_oidc_config: Option<AuthenticateOidcActionConfig>,
    /// [HTTPS listeners] Information for using Amazon Cognito to authenticate users.
    #[serde(
        rename = "AuthenticateCognitoConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authenticate_cognito_config: Option<AuthenticateCognitoActionConfig>,
    /// The order for the action.
    #[serde(rename = "Order", default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i32>,
    /// [Application Load Balancer] Information for creating a redirect action.
    #[serde(
        rename = "RedirectConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redirect_config: Option<RedirectActionConfig>,
    /// [Application Load Balancer] Information for creating an action that returns a custom HTTP response.
    #[serde(
        rename = "FixedResponseConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fixed_response_config: Option<FixedResponseActionConfig>,
    /// Information for creating an action that distributes requests among multiple target groups.
    #[serde(
        rename = "ForwardConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub forward_config: Option<ForwardActionConfig>,
    /// [HTTPS listeners] Information for validating JWT access tokens in client requests.
    #[serde(
        rename = "JwtValidationConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jwt_validation_config: Option<JwtValidationActionConfig>,
}

impl Validate for Action {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.authenticate_oidc_config {
            value.validate(&format!("{path}.AuthenticateOidcConfig"))?;
        }
        if let Some(value) = &self.authenticate_cognito_config {
            value.validate(&format!("{path}.AuthenticateCognitoConfig"))?;
        }
        if let Some(value) = &self.order {
            check_range(path, "Order", i64::from(*value), 1, 50000)?;
        }
        if let Some(value) = &self.redirect_config {
            value.validate(&format!("{path}.RedirectConfig"))?;
        }
        if let Some(value) = &self.fixed_response_config {
            value.validate(&format!("{path}.FixedResponseConfig"))?;
        }
        if let Some(value) = &self.forward_config {
            value.validate(&format!("{path}.ForwardConfig"))?;
        }
        if let Some(value) = &self.jwt_validation_config {
            value.validate(&format!("{path}.JwtValidationConfig"))?;
        }
        Ok(())
    }
}

impl FromQuery for Action {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            type_: q::required(
                params,
                &q::member_key(prefix, "Type"),
                q::scalar::<ActionTypeEnum>,
            )?,
            target_group_arn: q::scalar::<String>(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
            )?,
            authenticate_oidc_config: q::structure::<AuthenticateOidcActionConfig>(
                params,
                &q::member_key(prefix, "AuthenticateOidcConfig"),
            )?,
            authenticate_cognito_config: q::structure::<AuthenticateCognitoActionConfig>(
                params,
                &q::member_key(prefix, "AuthenticateCognitoConfig"),
            )?,
            order: q::scalar::<i32>(params, &q::member_key(prefix, "Order"))?,
            redirect_config: q::structure::<RedirectActionConfig>(
                params,
                &q::member_key(prefix, "RedirectConfig"),
            )?,
            fixed_response_config: q::structure::<FixedResponseActionConfig>(
                params,
                &q::member_key(prefix, "FixedResponseConfig"),
            )?,
            forward_config: q::structure::<ForwardActionConfig>(
                params,
                &q::member_key(prefix, "ForwardConfig"),
            )?,
            jwt_validation_config: q::structure::<JwtValidationActionConfig>(
                params,
                &q::member_key(prefix, "JwtValidationConfig"),
            )?,
        })
    }
}

impl ToXml for Action {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<ActionTypeEnum>(w, "Type", &self.type_);
        if let Some(value) = &self.target_group_arn {
            q::write_scalar::<String>(w, "TargetGroupArn", value);
        }
        if let Some(value) = &self.authenticate_oidc_config {
            q::write_structure::<AuthenticateOidcActionConfig>(w, "AuthenticateOidcConfig", value);
        }
        if let Some(value) = &self.authenticate_cognito_config {
            q::write_structure::<AuthenticateCognitoActionConfig>(
                w,
                "AuthenticateCognitoConfig",
                value,
            );
        }
        if let Some(value) = &self.order {
            q::write_scalar::<i32>(w, "Order", value);
        }
        if let Some(value) = &self.redirect_config {
            q::write_structure::<RedirectActionConfig>(w, "RedirectConfig", value);
        }
        if let Some(value) = &self.fixed_response_config {
            q::write_structure::<FixedResponseActionConfig>(w, "FixedResponseConfig", value);
        }
        if let Some(value) = &self.forward_config {
            q::write_structure::<ForwardActionConfig>(w, "ForwardConfig", value);
        }
        if let Some(value) = &self.jwt_validation_config {
            q::write_structure::<JwtValidationActionConfig>(w, "JwtValidationConfig", value);
        }
    }
}

/// ELBv2 enum `ActionTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActionTypeEnum {
    #[serde(rename = "forward")]
    Forward,
    #[serde(rename = "authenticate-oidc")]
    AuthenticateOidc,
    #[serde(rename = "authenticate-cognito")]
    AuthenticateCognito,
    #[serde(rename = "redirect")]
    Redirect,
    #[serde(rename = "fixed-response")]
    FixedResponse,
    #[serde(rename = "jwt-validation")]
    JwtValidation,
}

impl ActionTypeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ActionTypeEnum] = &[
        ActionTypeEnum::Forward,
        ActionTypeEnum::AuthenticateOidc,
        ActionTypeEnum::AuthenticateCognito,
        ActionTypeEnum::Redirect,
        ActionTypeEnum::FixedResponse,
        ActionTypeEnum::JwtValidation,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActionTypeEnum::Forward => "forward",
            ActionTypeEnum::AuthenticateOidc => "authenticate-oidc",
            ActionTypeEnum::AuthenticateCognito => "authenticate-cognito",
            ActionTypeEnum::Redirect => "redirect",
            ActionTypeEnum::FixedResponse => "fixed-response",
            ActionTypeEnum::JwtValidation => "jwt-validation",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ActionTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for ActionTypeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `AddTagsInput`.
///
/// The request of `AddTags`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagsInput {
    /// The Amazon Resource Name (ARN) of the resource.
    #[serde(rename = "ResourceArns")]
    pub resource_arns: Vec<String>,
    /// The tags.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

impl Validate for AddTagsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Tags", (&self.tags).len(), 1, usize::MAX)?;
        for item in (&self.tags).iter() {
            item.validate(&format!("{path}.Tags"))?;
        }
        Ok(())
    }
}

impl FromQuery for AddTagsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            resource_arns: q::required(
                params,
                &q::member_key(prefix, "ResourceArns"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::scalar::<String>),
            )?,
            tags: q::required(
                params,
                &q::member_key(prefix, "Tags"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::structure::<Tag>),
            )?,
        })
    }
}

/// ELBv2 structure `AddTagsOutput`.
///
/// The response of `AddTags` (written inside `<AddTagsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagsOutput {}

impl Validate for AddTagsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for AddTagsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `AdministrativeOverride`. Information about the override status applied to a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdministrativeOverride {
    /// The state of the override.
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<TargetAdministrativeOverrideStateEnum>,
    /// The reason code for the state.
    #[serde(rename = "Reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TargetAdministrativeOverrideReasonEnum>,
    /// A description of the override state that provides additional details.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

impl Validate for AdministrativeOverride {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for AdministrativeOverride {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.state {
            q::write_scalar::<TargetAdministrativeOverrideStateEnum>(w, "State", value);
        }
        if let Some(value) = &self.reason {
            q::write_scalar::<TargetAdministrativeOverrideReasonEnum>(w, "Reason", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "Description", value);
        }
    }
}

/// ELBv2 enum `AdvertiseTrustStoreCaNamesEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AdvertiseTrustStoreCaNamesEnum {
    #[serde(rename = "on")]
    On,
    #[serde(rename = "off")]
    Off,
}

impl AdvertiseTrustStoreCaNamesEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AdvertiseTrustStoreCaNamesEnum] = &[
        AdvertiseTrustStoreCaNamesEnum::On,
        AdvertiseTrustStoreCaNamesEnum::Off,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AdvertiseTrustStoreCaNamesEnum::On => "on",
            AdvertiseTrustStoreCaNamesEnum::Off => "off",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AdvertiseTrustStoreCaNamesEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for AdvertiseTrustStoreCaNamesEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `AnomalyDetection`. Information about anomaly detection and mitigation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnomalyDetection {
    /// The latest anomaly detection result.
    #[serde(rename = "Result", default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AnomalyResultEnum>,
    /// Indicates whether anomaly mitigation is in progress.
    #[serde(
        rename = "MitigationInEffect",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mitigation_in_effect: Option<MitigationInEffectEnum>,
}

impl Validate for AnomalyDetection {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for AnomalyDetection {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.result {
            q::write_scalar::<AnomalyResultEnum>(w, "Result", value);
        }
        if let Some(value) = &self.mitigation_in_effect {
            q::write_scalar::<MitigationInEffectEnum>(w, "MitigationInEffect", value);
        }
    }
}

/// ELBv2 enum `AnomalyResultEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnomalyResultEnum {
    #[serde(rename = "anomalous")]
    Anomalous,
    #[serde(rename = "normal")]
    Normal,
}

impl AnomalyResultEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AnomalyResultEnum] =
        &[AnomalyResultEnum::Anomalous, AnomalyResultEnum::Normal];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AnomalyResultEnum::Anomalous => "anomalous",
            AnomalyResultEnum::Normal => "normal",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AnomalyResultEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for AnomalyResultEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `AuthenticateCognitoActionConditionalBehaviorEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AuthenticateCognitoActionConditionalBehaviorEnum {
    #[serde(rename = "deny")]
    Deny,
    #[serde(rename = "allow")]
    Allow,
    #[serde(rename = "authenticate")]
    Authenticate,
}

impl AuthenticateCognitoActionConditionalBehaviorEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AuthenticateCognitoActionConditionalBehaviorEnum] = &[
        AuthenticateCognitoActionConditionalBehaviorEnum::Deny,
        AuthenticateCognitoActionConditionalBehaviorEnum::Allow,
        AuthenticateCognitoActionConditionalBehaviorEnum::Authenticate,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AuthenticateCognitoActionConditionalBehaviorEnum::Deny => "deny",
            AuthenticateCognitoActionConditionalBehaviorEnum::Allow => "allow",
            AuthenticateCognitoActionConditionalBehaviorEnum::Authenticate => "authenticate",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AuthenticateCognitoActionConditionalBehaviorEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for AuthenticateCognitoActionConditionalBehaviorEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `AuthenticateCognitoActionConfig`. Request parameters to use when integrating with Amazon Cognito to authenticate users.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthenticateCognitoActionConfig {
    /// The Amazon Resource Name (ARN) of the Amazon Cognito user pool.
    #[serde(rename = "UserPoolArn")]
    pub user_pool_arn: String,
    /// The ID of the Amazon Cognito user pool client.
    #[serde(rename = "UserPoolClientId")]
    pub user_pool_client_id: String,
    /// The domain prefix or fully-qualified domain name of the Amazon Cognito user pool.
    #[serde(rename = "UserPoolDomain")]
    pub user_pool_domain: String,
    /// The name of the cookie used to maintain session information.
    #[serde(
        rename = "SessionCookieName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_cookie_name: Option<String>,
    /// The set of user claims to be requested from the IdP.
    #[serde(rename = "Scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The maximum duration of the authentication session, in seconds.
    #[serde(
        rename = "SessionTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_timeout: Option<i64>,
    /// The query parameters (up to 10) to include in the redirect request to the authorization endpoint.
    #[serde(
        rename = "AuthenticationRequestExtraParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authentication_request_extra_params: Option<BTreeMap<String, String>>,
    /// The behavior if the user is not authenticated.
    #[serde(
        rename = "OnUnauthenticatedRequest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unauthenticated_request: Option<AuthenticateCognitoActionConditionalBehaviorEnum>,
}

impl Validate for AuthenticateCognitoActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for AuthenticateCognitoActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            user_pool_arn: q::required(
                params,
                &q::member_key(prefix, "UserPoolArn"),
                q::scalar::<String>,
            )?,
            user_pool_client_id: q::required(
                params,
                &q::member_key(prefix, "UserPoolClientId"),
                q::scalar::<String>,
            )?,
            user_pool_domain: q::required(
                params,
                &q::member_key(prefix, "UserPoolDomain"),
                q::scalar::<String>,
            )?,
            session_cookie_name: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SessionCookieName"),
            )?,
            scope: q::scalar::<String>(params, &q::member_key(prefix, "Scope"))?,
            session_timeout: q::scalar::<i64>(params, &q::member_key(prefix, "SessionTimeout"))?,
            authentication_request_extra_params: q::map(
                params,
                &q::member_key(prefix, "AuthenticationRequestExtraParams"),
                Some("entry"),
                "key",
                "value",
                q::scalar::<String>,
            )?,
            on_unauthenticated_request: q::scalar::<
                AuthenticateCognitoActionConditionalBehaviorEnum,
            >(
                params,
                &q::member_key(prefix, "OnUnauthenticatedRequest"),
            )?,
        })
    }
}

impl ToXml for AuthenticateCognitoActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "UserPoolArn", &self.user_pool_arn);
        q::write_scalar::<String>(w, "UserPoolClientId", &self.user_pool_client_id);
        q::write_scalar::<String>(w, "UserPoolDomain", &self.user_pool_domain);
        if let Some(value) = &self.session_cookie_name {
            q::write_scalar::<String>(w, "SessionCookieName", value);
        }
        if let Some(value) = &self.scope {
            q::write_scalar::<String>(w, "Scope", value);
        }
        if let Some(value) = &self.session_timeout {
            q::write_scalar::<i64>(w, "SessionTimeout", value);
        }
        if let Some(value) = &self.authentication_request_extra_params {
            q::write_map(
                w,
                "AuthenticationRequestExtraParams",
                Some("entry"),
                "key",
                "value",
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.on_unauthenticated_request {
            q::write_scalar::<AuthenticateCognitoActionConditionalBehaviorEnum>(
                w,
                "OnUnauthenticatedRequest",
                value,
            );
        }
    }
}

/// ELBv2 enum `AuthenticateOidcActionConditionalBehaviorEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AuthenticateOidcActionConditionalBehaviorEnum {
    #[serde(rename = "deny")]
    Deny,
    #[serde(rename = "allow")]
    Allow,
    #[serde(rename = "authenticate")]
    Authenticate,
}

impl AuthenticateOidcActionConditionalBehaviorEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AuthenticateOidcActionConditionalBehaviorEnum] = &[
        AuthenticateOidcActionConditionalBehaviorEnum::Deny,
        AuthenticateOidcActionConditionalBehaviorEnum::Allow,
        AuthenticateOidcActionConditionalBehaviorEnum::Authenticate,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AuthenticateOidcActionConditionalBehaviorEnum::Deny => "deny",
            AuthenticateOidcActionConditionalBehaviorEnum::Allow => "allow",
            AuthenticateOidcActionConditionalBehaviorEnum::Authenticate => "authenticate",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AuthenticateOidcActionConditionalBehaviorEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for AuthenticateOidcActionConditionalBehaviorEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `AuthenticateOidcActionConfig`. Request parameters when using an identity provider (IdP) that is compliant with OpenID Connect (OIDC) to authenticate users.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthenticateOidcActionConfig {
    /// The OIDC issuer identifier of the IdP.
    #[serde(rename = "Issuer")]
    pub issuer: String,
    /// The authorization endpoint of the IdP.
    #[serde(rename = "AuthorizationEndpoint")]
    pub authorization_endpoint: String,
    /// The token endpoint of the IdP.
    #[serde(rename = "TokenEndpoint")]
    pub token_endpoint: String,
    /// The user info endpoint of the IdP.
    #[serde(rename = "UserInfoEndpoint")]
    pub user_info_endpoint: String,
    /// The OAuth 2.0 client identifier.
    #[serde(rename = "ClientId")]
    pub client_id: String,
    /// The OAuth 2.0 client secret.
    #[serde(
        rename = "ClientSecret",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_secret: Option<String>,
    /// The name of the cookie used to maintain session information.
    #[serde(
        rename = "SessionCookieName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_cookie_name: Option<String>,
    /// The set of user claims to be requested from the IdP.
    #[serde(rename = "Scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The maximum duration of the authentication session, in seconds.
    #[serde(
        rename = "SessionTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_timeout: Option<i64>,
    /// The query parameters (up to 10) to include in the redirect request to the authorization endpoint.
    #[serde(
        rename = "AuthenticationRequestExtraParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authentication_request_extra_params: Option<BTreeMap<String, String>>,
    /// The behavior if the user is not authenticated.
    #[serde(
        rename = "OnUnauthenticatedRequest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unauthenticated_request: Option<AuthenticateOidcActionConditionalBehaviorEnum>,
    /// Indicates whether to use the existing client secret when modifying a rule.
    #[serde(
        rename = "UseExistingClientSecret",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub use_existing_client_secret: Option<bool>,
}

impl Validate for AuthenticateOidcActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for AuthenticateOidcActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            issuer: q::required(
                params,
                &q::member_key(prefix, "Issuer"),
                q::scalar::<String>,
            )?,
            authorization_endpoint: q::required(
                params,
                &q::member_key(prefix, "AuthorizationEndpoint"),
                q::scalar::<String>,
            )?,
            token_endpoint: q::required(
                params,
                &q::member_key(prefix, "TokenEndpoint"),
                q::scalar::<String>,
            )?,
            user_info_endpoint: q::required(
                params,
                &q::member_key(prefix, "UserInfoEndpoint"),
                q::scalar::<String>,
            )?,
            client_id: q::required(
                params,
                &q::member_key(prefix, "ClientId"),
                q::scalar::<String>,
            )?,
            client_secret: q::scalar::<String>(params, &q::member_key(prefix, "ClientSecret"))?,
            session_cookie_name: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SessionCookieName"),
            )?,
            scope: q::scalar::<String>(params, &q::member_key(prefix, "Scope"))?,
            session_timeout: q::scalar::<i64>(params, &q::member_key(prefix, "SessionTimeout"))?,
            authentication_request_extra_params: q::map(
                params,
                &q::member_key(prefix, "AuthenticationRequestExtraParams"),
                Some("entry"),
                "key",
                "value",
                q::scalar::<String>,
            )?,
            on_unauthenticated_request: q::scalar::<AuthenticateOidcActionConditionalBehaviorEnum>(
                params,
                &q::member_key(prefix, "OnUnauthenticatedRequest"),
            )?,
            use_existing_client_secret: q::scalar::<bool>(
                params,
                &q::member_key(prefix, "UseExistingClientSecret"),
            )?,
        })
    }
}

impl ToXml for AuthenticateOidcActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Issuer", &self.issuer);
        q::write_scalar::<String>(w, "AuthorizationEndpoint", &self.authorization_endpoint);
        q::write_scalar::<String>(w, "TokenEndpoint", &self.token_endpoint);
        q::write_scalar::<String>(w, "UserInfoEndpoint", &self.user_info_endpoint);
        q::write_scalar::<String>(w, "ClientId", &self.client_id);
        if let Some(value) = &self.client_secret {
            q::write_scalar::<String>(w, "ClientSecret", value);
        }
        if let Some(value) = &self.session_cookie_name {
            q::write_scalar::<String>(w, "SessionCookieName", value);
        }
        if let Some(value) = &self.scope {
            q::write_scalar::<String>(w, "Scope", value);
        }
        if let Some(value) = &self.session_timeout {
            q::write_scalar::<i64>(w, "SessionTimeout", value);
        }
        if let Some(value) = &self.authentication_request_extra_params {
            q::write_map(
                w,
                "AuthenticationRequestExtraParams",
                Some("entry"),
                "key",
                "value",
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.on_unauthenticated_request {
            q::write_scalar::<AuthenticateOidcActionConditionalBehaviorEnum>(
                w,
                "OnUnauthenticatedRequest",
                value,
            );
        }
        if let Some(value) = &self.use_existing_client_secret {
            q::write_scalar::<bool>(w, "UseExistingClientSecret", value);
        }
    }
}

/// ELBv2 structure `AvailabilityZone`. Information about an Availability Zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityZone {
    /// The name of the Availability Zone.
    #[serde(rename = "ZoneName", default, skip_serializing_if = "Option::is_none")]
    pub zone_name: Option<String>,
    /// The ID of the subnet.
    #[serde(rename = "SubnetId", default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// [Application Load Balancers on Outposts] The ID of the Outpost.
    #[serde(rename = "OutpostId", default, skip_serializing_if = "Option::is_none")]
    pub outpost_id: Option<String>,
    /// [Network Load Balancers] If you need static IP addresses for your load balancer, you can specify one Elastic IP address per Availability Zone when you create an internal-facing load balancer.
    #[serde(
        rename = "LoadBalancerAddresses",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_addresses: Option<Vec<LoadBalancerAddress>>,
    /// [Network Load Balancers with UDP listeners] The IPv6 prefixes to use for source NAT.
    #[serde(
        rename = "SourceNatIpv6Prefixes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_nat_ipv6_prefixes: Option<Vec<String>>,
}

impl Validate for AvailabilityZone {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancer_addresses {
            for item in value.iter() {
                item.validate(&format!("{path}.LoadBalancerAddresses"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for AvailabilityZone {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.zone_name {
            q::write_scalar::<String>(w, "ZoneName", value);
        }
        if let Some(value) = &self.subnet_id {
            q::write_scalar::<String>(w, "SubnetId", value);
        }
        if let Some(value) = &self.outpost_id {
            q::write_scalar::<String>(w, "OutpostId", value);
        }
        if let Some(value) = &self.load_balancer_addresses {
            q::write_list(
                w,
                "LoadBalancerAddresses",
                Some("member"),
                value,
                q::write_structure::<LoadBalancerAddress>,
            );
        }
        if let Some(value) = &self.source_nat_ipv6_prefixes {
            q::write_list(
                w,
                "SourceNatIpv6Prefixes",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 structure `Certificate`. Information about an SSL server certificate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// The Amazon Resource Name (ARN) of the certificate.
    #[serde(
        rename = "CertificateArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificate_arn: Option<String>,
    /// Indicates whether the certificate is the default certificate.
    #[serde(rename = "IsDefault", default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

impl Validate for Certificate {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for Certificate {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            certificate_arn: q::scalar::<String>(params, &q::member_key(prefix, "CertificateArn"))?,
            is_default: q::scalar::<bool>(params, &q::member_key(prefix, "IsDefault"))?,
        })
    }
}

impl ToXml for Certificate {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.certificate_arn {
            q::write_scalar::<String>(w, "CertificateArn", value);
        }
        if let Some(value) = &self.is_default {
            q::write_scalar::<bool>(w, "IsDefault", value);
        }
    }
}

/// ELBv2 structure `CreateListenerInput`.
///
/// The request of `CreateListener`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateListenerInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(rename = "LoadBalancerArn")]
    pub load_balancer_arn: String,
    /// The protocol for connections from clients to the load balancer.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolEnum>,
    /// The port on which the load balancer is listening.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// [HTTPS and TLS listeners] The security policy that defines which protocols and ciphers are supported.
    #[serde(rename = "SslPolicy", default, skip_serializing_if = "Option::is_none")]
    pub ssl_policy: Option<String>,
    /// [HTTPS and TLS listeners] The default certificate for the listener.
    #[serde(
        rename = "Certificates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificates: Option<Vec<Certificate>>,
    /// The actions for the default rule.
    #[serde(rename = "DefaultActions")]
    pub default_actions: Vec<Action>,
    /// [TLS listeners] The name of the Application-Layer Protocol Negotiation (ALPN) policy.
    #[serde(
        rename = "AlpnPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alpn_policy: Option<Vec<String>>,
    /// The tags to assign to the listener.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// [HTTPS listeners] The mutual authentication configuration information.
    #[serde(
        rename = "MutualAuthentication",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mutual_authentication: Option<MutualAuthenticationAttributes>,
}

impl Validate for CreateListenerInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.certificates {
            for item in value.iter() {
                item.validate(&format!("{path}.Certificates"))?;
            }
        }
        for item in (&self.default_actions).iter() {
            item.validate(&format!("{path}.DefaultActions"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.mutual_authentication {
            value.validate(&format!("{path}.MutualAuthentication"))?;
        }
        Ok(())
    }
}

impl FromQuery for CreateListenerInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::required(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
                q::scalar::<String>,
            )?,
            protocol: q::scalar::<ProtocolEnum>(params, &q::member_key(prefix, "Protocol"))?,
            port: q::scalar::<i32>(params, &q::member_key(prefix, "Port"))?,
            ssl_policy: q::scalar::<String>(params, &q::member_key(prefix, "SslPolicy"))?,
            certificates: q::list(
                params,
                &q::member_key(prefix, "Certificates"),
                Some("member"),
                q::structure::<Certificate>,
            )?,
            default_actions: q::required(
                params,
                &q::member_key(prefix, "DefaultActions"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::structure::<Action>),
            )?,
            alpn_policy: q::list(
                params,
                &q::member_key(prefix, "AlpnPolicy"),
                Some("member"),
                q::scalar::<String>,
            )?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
            mutual_authentication: q::structure::<MutualAuthenticationAttributes>(
                params,
                &q::member_key(prefix, "MutualAuthentication"),
            )?,
        })
    }
}

/// ELBv2 structure `CreateListenerOutput`.
///
/// The response of `CreateListener` (written inside `<CreateListenerResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateListenerOutput {
    /// Information about the listener.
    #[serde(rename = "Listeners", default, skip_serializing_if = "Option::is_none")]
    pub listeners: Option<Vec<Listener>>,
}

impl Validate for CreateListenerOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.listeners {
            for item in value.iter() {
                item.validate(&format!("{path}.Listeners"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for CreateListenerOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.listeners {
            q::write_list(
                w,
                "Listeners",
                Some("member"),
                value,
                q::write_structure::<Listener>,
            );
        }
    }
}

/// ELBv2 structure `CreateLoadBalancerInput`.
///
/// The request of `CreateLoadBalancer`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLoadBalancerInput {
    /// The name of the load balancer.
    #[serde(rename = "Name")]
    pub name: String,
    /// The IDs of the subnets.
    #[serde(rename = "Subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    /// The IDs of the subnets.
    #[serde(
        rename = "SubnetMappings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subnet_mappings: Option<Vec<SubnetMapping>>,
    /// [Application Load Balancers and Network Load Balancers] The IDs of the security groups for the load balancer.
    #[serde(
        rename = "SecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    /// The nodes of an Internet-facing load balancer have public IP addresses.
    #[serde(rename = "Scheme", default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<LoadBalancerSchemeEnum>,
    /// The tags to assign to the load balancer.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The type of load balancer.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<LoadBalancerTypeEnum>,
    /// The IP address type.
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<IpAddressType>,
    /// [Application Load Balancers on Outposts] The ID of the customer-owned address pool (CoIP pool).
    #[serde(
        rename = "CustomerOwnedIpv4Pool",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_owned_ipv4_pool: Option<String>,
    /// [Network Load Balancers with UDP listeners] Indicates whether to use an IPv6 prefix from each subnet for source NAT.
    #[serde(
        rename = "EnablePrefixForIpv6SourceNat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_prefix_for_ipv6_source_nat: Option<EnablePrefixForIpv6SourceNatEnum>,
    /// [Application Load Balancers] The IPAM pools to use with the load balancer.
    #[serde(rename = "IpamPools", default, skip_serializing_if = "Option::is_none")]
    pub ipam_pools: Option<IpamPools>,
}

impl Validate for CreateLoadBalancerInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.subnet_mappings {
            for item in value.iter() {
                item.validate(&format!("{path}.SubnetMappings"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.customer_owned_ipv4_pool {
            check_len(path, "CustomerOwnedIpv4Pool", value.chars().count(), 0, 256)?;
        }
        if let Some(value) = &self.ipam_pools {
            value.validate(&format!("{path}.IpamPools"))?;
        }
        Ok(())
    }
}

impl FromQuery for CreateLoadBalancerInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            name: q::required(params, &q::member_key(prefix, "Name"), q::scalar::<String>)?,
            subnets: q::list(
                params,
                &q::member_key(prefix, "Subnets"),
                Some("member"),
                q::scalar::<String>,
            )?,
            subnet_mappings: q::list(
                params,
                &q::member_key(prefix, "SubnetMappings"),
                Some("member"),
                q::structure::<SubnetMapping>,
            )?,
            security_groups: q::list(
                params,
                &q::member_key(prefix, "SecurityGroups"),
                Some("member"),
                q::scalar::<String>,
            )?,
            scheme: q::scalar::<LoadBalancerSchemeEnum>(params, &q::member_key(prefix, "Scheme"))?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
            type_: q::scalar::<LoadBalancerTypeEnum>(params, &q::member_key(prefix, "Type"))?,
            ip_address_type: q::scalar::<IpAddressType>(
                params,
                &q::member_key(prefix, "IpAddressType"),
            )?,
            customer_owned_ipv4_pool: q::scalar::<String>(
                params,
                &q::member_key(prefix, "CustomerOwnedIpv4Pool"),
            )?,
            enable_prefix_for_ipv6_source_nat: q::scalar::<EnablePrefixForIpv6SourceNatEnum>(
                params,
                &q::member_key(prefix, "EnablePrefixForIpv6SourceNat"),
            )?,
            ipam_pools: q::structure::<IpamPools>(params, &q::member_key(prefix, "IpamPools"))?,
        })
    }
}

/// ELBv2 structure `CreateLoadBalancerOutput`.
///
/// The response of `CreateLoadBalancer` (written inside `<CreateLoadBalancerResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLoadBalancerOutput {
    /// Information about the load balancer.
    #[serde(
        rename = "LoadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
}

impl Validate for CreateLoadBalancerOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.LoadBalancers"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for CreateLoadBalancerOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.load_balancers {
            q::write_list(
                w,
                "LoadBalancers",
                Some("member"),
                value,
                q::write_structure::<LoadBalancer>,
            );
        }
    }
}

/// ELBv2 structure `CreateRuleInput`.
///
/// The request of `CreateRule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRuleInput {
    /// The Amazon Resource Name (ARN) of the listener.
    #[serde(rename = "ListenerArn")]
    pub listener_arn: String,
    /// The conditions.
    #[serde(rename = "Conditions")]
    pub conditions: Vec<RuleCondition>,
    /// The rule priority.
    #[serde(rename = "Priority")]
    pub priority: i32,
    /// The actions.
    #[serde(rename = "Actions")]
    pub actions: Vec<Action>,
    /// The tags to assign to the rule.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The transforms to apply to requests that match this rule.
    #[serde(
        rename = "Transforms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transforms: Option<Vec<RuleTransform>>,
}

impl Validate for CreateRuleInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.conditions).iter() {
            item.validate(&format!("{path}.Conditions"))?;
        }
        check_range(path, "Priority", i64::from(*(&self.priority)), 1, 50000)?;
        for item in (&self.actions).iter() {
            item.validate(&format!("{path}.Actions"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.transforms {
            for item in value.iter() {
                item.validate(&format!("{path}.Transforms"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for CreateRuleInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            listener_arn: q::required(
                params,
                &q::member_key(prefix, "ListenerArn"),
                q::scalar::<String>,
            )?,
            conditions: q::required(
                params,
                &q::member_key(prefix, "Conditions"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<RuleCondition>)
                },
            )?,
            priority: q::required(params, &q::member_key(prefix, "Priority"), q::scalar::<i32>)?,
            actions: q::required(
                params,
                &q::member_key(prefix, "Actions"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::structure::<Action>),
            )?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
            transforms: q::list(
                params,
                &q::member_key(prefix, "Transforms"),
                Some("member"),
                q::structure::<RuleTransform>,
            )?,
        })
    }
}

/// ELBv2 structure `CreateRuleOutput`.
///
/// The response of `CreateRule` (written inside `<CreateRuleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRuleOutput {
    /// Information about the rule.
    #[serde(rename = "Rules", default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<Rule>>,
}

impl Validate for CreateRuleOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rules {
            for item in value.iter() {
                item.validate(&format!("{path}.Rules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for CreateRuleOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rules {
            q::write_list(
                w,
                "Rules",
                Some("member"),
                value,
                q::write_structure::<Rule>,
            );
        }
    }
}

/// ELBv2 structure `CreateTargetGroupInput`.
///
/// The request of `CreateTargetGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTargetGroupInput {
    /// The name of the target group.
    #[serde(rename = "Name")]
    pub name: String,
    /// The protocol to use for routing traffic to the targets.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolEnum>,
    /// [HTTP/HTTPS protocol] The protocol version.
    #[serde(
        rename = "ProtocolVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protocol_version: Option<String>,
    /// The port on which the targets receive traffic.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// The identifier of the virtual private cloud (VPC).
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The protocol the load balancer uses when performing health checks on targets.
    #[serde(
        rename = "HealthCheckProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_protocol: Option<ProtocolEnum>,
    /// The port the load balancer uses when performing health checks on targets.
    #[serde(
        rename = "HealthCheckPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_port: Option<String>,
    /// Indicates whether health checks are enabled.
    #[serde(
        rename = "HealthCheckEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_enabled: Option<bool>,
    /// [HTTP/HTTPS health checks] The destination for health checks on the targets.
    #[serde(
        rename = "HealthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    /// The approximate amount of time, in seconds, between health checks of an individual target.
    #[serde(
        rename = "HealthCheckIntervalSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_interval_seconds: Option<i32>,
    /// The amount of time, in seconds, during which no response from a target means a failed health check.
    #[serde(
        rename = "HealthCheckTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_timeout_seconds: Option<i32>,
    /// The number of consecutive health check successes required before considering a target healthy.
    #[serde(
        rename = "HealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub healthy_threshold_count: Option<i32>,
    /// The number of consecutive health check failures required before considering a target unhealthy.
    #[serde(
        rename = "UnhealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unhealthy_threshold_count: Option<i32>,
    /// [HTTP/HTTPS health checks] The HTTP or gRPC codes to use when checking for a successful response from a target.
    #[serde(rename = "Matcher", default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<Matcher>,
    /// The type of target that you must specify when registering targets with this target group.
    #[serde(
        rename = "TargetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<TargetTypeEnum>,
    /// The tags to assign to the target group.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The IP address type.
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<TargetGroupIpAddressTypeEnum>,
    /// The port on which the target control agent and application load balancer exchange management traffic for the target optimizer feature.
    #[serde(
        rename = "TargetControlPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_control_port: Option<i32>,
}

impl Validate for CreateTargetGroupInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.health_check_path {
            check_len(path, "HealthCheckPath", value.chars().count(), 1, 1024)?;
        }
        if let Some(value) = &self.health_check_interval_seconds {
            check_range(
                path,
                "HealthCheckIntervalSeconds",
                i64::from(*value),
                5,
                300,
            )?;
        }
        if let Some(value) = &self.health_check_timeout_seconds {
            check_range(path, "HealthCheckTimeoutSeconds", i64::from(*value), 2, 120)?;
        }
        if let Some(value) = &self.healthy_threshold_count {
            check_range(path, "HealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.unhealthy_threshold_count {
            check_range(path, "UnhealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.matcher {
            value.validate(&format!("{path}.Matcher"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.target_control_port {
            check_range(path, "TargetControlPort", i64::from(*value), 1, 65535)?;
        }
        Ok(())
    }
}

impl FromQuery for CreateTargetGroupInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            name: q::required(params, &q::member_key(prefix, "Name"), q::scalar::<String>)?,
            protocol: q::scalar::<ProtocolEnum>(params, &q::member_key(prefix, "Protocol"))?,
            protocol_version: q::scalar::<String>(
                params,
                &q::member_key(prefix, "ProtocolVersion"),
            )?,
            port: q::scalar::<i32>(params, &q::member_key(prefix, "Port"))?,
            vpc_id: q::scalar::<String>(params, &q::member_key(prefix, "VpcId"))?,
            health_check_protocol: q::scalar::<ProtocolEnum>(
                params,
                &q::member_key(prefix, "HealthCheckProtocol"),
            )?,
            health_check_port: q::scalar::<String>(
                params,
                &q::member_key(prefix, "HealthCheckPort"),
            )?,
            health_check_enabled: q::scalar::<bool>(
                params,
                &q::member_key(prefix, "HealthCheckEnabled"),
            )?,
            health_check_path: q::scalar::<String>(
                params,
                &q::member_key(prefix, "HealthCheckPath"),
            )?,
            health_check_interval_seconds: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthCheckIntervalSeconds"),
            )?,
            health_check_timeout_seconds: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthCheckTimeoutSeconds"),
            )?,
            healthy_threshold_count: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthyThresholdCount"),
            )?,
            unhealthy_threshold_count: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "UnhealthyThresholdCount"),
            )?,
            matcher: q::structure::<Matcher>(params, &q::member_key(prefix, "Matcher"))?,
            target_type: q::scalar::<TargetTypeEnum>(params, &q::member_key(prefix, "TargetType"))?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tags"),
                Some("member"),
                q::structure::<Tag>,
            )?,
            ip_address_type: q::scalar::<TargetGroupIpAddressTypeEnum>(
                params,
                &q::member_key(prefix, "IpAddressType"),
            )?,
            target_control_port: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "TargetControlPort"),
            )?,
        })
    }
}

/// ELBv2 structure `CreateTargetGroupOutput`.
///
/// The response of `CreateTargetGroup` (written inside `<CreateTargetGroupResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTargetGroupOutput {
    /// Information about the target group.
    #[serde(
        rename = "TargetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<TargetGroup>>,
}

impl Validate for CreateTargetGroupOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.TargetGroups"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for CreateTargetGroupOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_groups {
            q::write_list(
                w,
                "TargetGroups",
                Some("member"),
                value,
                q::write_structure::<TargetGroup>,
            );
        }
    }
}

/// ELBv2 structure `DeleteListenerInput`.
///
/// The request of `DeleteListener`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteListenerInput {
    /// The Amazon Resource Name (ARN) of the listener.
    #[serde(rename = "ListenerArn")]
    pub listener_arn: String,
}

impl Validate for DeleteListenerInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteListenerInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            listener_arn: q::required(
                params,
                &q::member_key(prefix, "ListenerArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DeleteListenerOutput`.
///
/// The response of `DeleteListener` (written inside `<DeleteListenerResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteListenerOutput {}

impl Validate for DeleteListenerOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeleteListenerOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `DeleteLoadBalancerInput`.
///
/// The request of `DeleteLoadBalancer`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteLoadBalancerInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(rename = "LoadBalancerArn")]
    pub load_balancer_arn: String,
}

impl Validate for DeleteLoadBalancerInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteLoadBalancerInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::required(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DeleteLoadBalancerOutput`.
///
/// The response of `DeleteLoadBalancer` (written inside `<DeleteLoadBalancerResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteLoadBalancerOutput {}

impl Validate for DeleteLoadBalancerOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeleteLoadBalancerOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `DeleteRuleInput`.
///
/// The request of `DeleteRule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteRuleInput {
    /// The Amazon Resource Name (ARN) of the rule.
    #[serde(rename = "RuleArn")]
    pub rule_arn: String,
}

impl Validate for DeleteRuleInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteRuleInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rule_arn: q::required(
                params,
                &q::member_key(prefix, "RuleArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DeleteRuleOutput`.
///
/// The response of `DeleteRule` (written inside `<DeleteRuleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteRuleOutput {}

impl Validate for DeleteRuleOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeleteRuleOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `DeleteTargetGroupInput`.
///
/// The request of `DeleteTargetGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTargetGroupInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
}

impl Validate for DeleteTargetGroupInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteTargetGroupInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DeleteTargetGroupOutput`.
///
/// The response of `DeleteTargetGroup` (written inside `<DeleteTargetGroupResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTargetGroupOutput {}

impl Validate for DeleteTargetGroupOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeleteTargetGroupOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `DeregisterTargetsInput`.
///
/// The request of `DeregisterTargets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTargetsInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
    /// The targets.
    #[serde(rename = "Targets")]
    pub targets: Vec<TargetDescription>,
}

impl Validate for DeregisterTargetsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.targets).iter() {
            item.validate(&format!("{path}.Targets"))?;
        }
        Ok(())
    }
}

impl FromQuery for DeregisterTargetsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
            targets: q::required(
                params,
                &q::member_key(prefix, "Targets"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<TargetDescription>)
                },
            )?,
        })
    }
}

/// ELBv2 structure `DeregisterTargetsOutput`.
///
/// The response of `DeregisterTargets` (written inside `<DeregisterTargetsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTargetsOutput {}

impl Validate for DeregisterTargetsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeregisterTargetsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `DescribeListenersInput`.
///
/// The request of `DescribeListeners`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeListenersInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(
        rename = "LoadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    /// The Amazon Resource Names (ARN) of the listeners.
    #[serde(
        rename = "ListenerArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arns: Option<Vec<String>>,
    /// The marker for the next set of results.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The maximum number of results to return with this call.
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
}

impl Validate for DescribeListenersInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.page_size {
            check_range(path, "PageSize", i64::from(*value), 1, 400)?;
        }
        Ok(())
    }
}

impl FromQuery for DescribeListenersInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::scalar::<String>(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
            )?,
            listener_arns: q::list(
                params,
                &q::member_key(prefix, "ListenerArns"),
                Some("member"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            page_size: q::scalar::<i32>(params, &q::member_key(prefix, "PageSize"))?,
        })
    }
}

/// ELBv2 structure `DescribeListenersOutput`.
///
/// The response of `DescribeListeners` (written inside `<DescribeListenersResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeListenersOutput {
    /// Information about the listeners.
    #[serde(rename = "Listeners", default, skip_serializing_if = "Option::is_none")]
    pub listeners: Option<Vec<Listener>>,
    /// If there are additional results, this is the marker for the next set of results.
    #[serde(
        rename = "NextMarker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_marker: Option<String>,
}

impl Validate for DescribeListenersOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.listeners {
            for item in value.iter() {
                item.validate(&format!("{path}.Listeners"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeListenersOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.listeners {
            q::write_list(
                w,
                "Listeners",
                Some("member"),
                value,
                q::write_structure::<Listener>,
            );
        }
        if let Some(value) = &self.next_marker {
            q::write_scalar::<String>(w, "NextMarker", value);
        }
    }
}

/// ELBv2 structure `DescribeLoadBalancerAttributesInput`.
///
/// The request of `DescribeLoadBalancerAttributes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLoadBalancerAttributesInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(rename = "LoadBalancerArn")]
    pub load_balancer_arn: String,
}

impl Validate for DescribeLoadBalancerAttributesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DescribeLoadBalancerAttributesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::required(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DescribeLoadBalancerAttributesOutput`.
///
/// The response of `DescribeLoadBalancerAttributes` (written inside `<DescribeLoadBalancerAttributesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLoadBalancerAttributesOutput {
    /// Information about the load balancer attributes.
    #[serde(
        rename = "Attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<LoadBalancerAttribute>>,
}

impl Validate for DescribeLoadBalancerAttributesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            check_len(path, "Attributes", value.len(), 0, 20)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Attributes"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeLoadBalancerAttributesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.attributes {
            q::write_list(
                w,
                "Attributes",
                Some("member"),
                value,
                q::write_structure::<LoadBalancerAttribute>,
            );
        }
    }
}

/// ELBv2 structure `DescribeLoadBalancersInput`.
///
/// The request of `DescribeLoadBalancers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLoadBalancersInput {
    /// The Amazon Resource Names (ARN) of the load balancers.
    #[serde(
        rename = "LoadBalancerArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arns: Option<Vec<String>>,
    /// The names of the load balancers.
    #[serde(rename = "Names", default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    /// The marker for the next set of results.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The maximum number of results to return with this call.
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
}

impl Validate for DescribeLoadBalancersInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.page_size {
            check_range(path, "PageSize", i64::from(*value), 1, 400)?;
        }
        Ok(())
    }
}

impl FromQuery for DescribeLoadBalancersInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arns: q::list(
                params,
                &q::member_key(prefix, "LoadBalancerArns"),
                Some("member"),
                q::scalar::<String>,
            )?,
            names: q::list(
                params,
                &q::member_key(prefix, "Names"),
                Some("member"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            page_size: q::scalar::<i32>(params, &q::member_key(prefix, "PageSize"))?,
        })
    }
}

/// ELBv2 structure `DescribeLoadBalancersOutput`.
///
/// The response of `DescribeLoadBalancers` (written inside `<DescribeLoadBalancersResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLoadBalancersOutput {
    /// Information about the load balancers.
    #[serde(
        rename = "LoadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    /// If there are additional results, this is the marker for the next set of results.
    #[serde(
        rename = "NextMarker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_marker: Option<String>,
}

impl Validate for DescribeLoadBalancersOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.LoadBalancers"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeLoadBalancersOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.load_balancers {
            q::write_list(
                w,
                "LoadBalancers",
                Some("member"),
                value,
                q::write_structure::<LoadBalancer>,
            );
        }
        if let Some(value) = &self.next_marker {
            q::write_scalar::<String>(w, "NextMarker", value);
        }
    }
}

/// ELBv2 structure `DescribeRulesInput`.
///
/// The request of `DescribeRules`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeRulesInput {
    /// The Amazon Resource Name (ARN) of the listener.
    #[serde(
        rename = "ListenerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arn: Option<String>,
    /// The Amazon Resource Names (ARN) of the rules.
    #[serde(rename = "RuleArns", default, skip_serializing_if = "Option::is_none")]
    pub rule_arns: Option<Vec<String>>,
    /// The marker for the next set of results.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The maximum number of results to return with this call.
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
}

impl Validate for DescribeRulesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.page_size {
            check_range(path, "PageSize", i64::from(*value), 1, 400)?;
        }
        Ok(())
    }
}

impl FromQuery for DescribeRulesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            listener_arn: q::scalar::<String>(params, &q::member_key(prefix, "ListenerArn"))?,
            rule_arns: q::list(
                params,
                &q::member_key(prefix, "RuleArns"),
                Some("member"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            page_size: q::scalar::<i32>(params, &q::member_key(prefix, "PageSize"))?,
        })
    }
}

/// ELBv2 structure `DescribeRulesOutput`.
///
/// The response of `DescribeRules` (written inside `<DescribeRulesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeRulesOutput {
    /// Information about the rules.
    #[serde(rename = "Rules", default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<Rule>>,
    /// If there are additional results, this is the marker for the next set of results.
    #[serde(
        rename = "NextMarker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_marker: Option<String>,
}

impl Validate for DescribeRulesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rules {
            for item in value.iter() {
                item.validate(&format!("{path}.Rules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeRulesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rules {
            q::write_list(
                w,
                "Rules",
                Some("member"),
                value,
                q::write_structure::<Rule>,
            );
        }
        if let Some(value) = &self.next_marker {
            q::write_scalar::<String>(w, "NextMarker", value);
        }
    }
}

/// ELBv2 structure `DescribeTagsInput`.
///
/// The request of `DescribeTags`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTagsInput {
    /// The Amazon Resource Names (ARN) of the resources.
    #[serde(rename = "ResourceArns")]
    pub resource_arns: Vec<String>,
}

impl Validate for DescribeTagsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DescribeTagsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            resource_arns: q::required(
                params,
                &q::member_key(prefix, "ResourceArns"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::scalar::<String>),
            )?,
        })
    }
}

/// ELBv2 structure `DescribeTagsOutput`.
///
/// The response of `DescribeTags` (written inside `<DescribeTagsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTagsOutput {
    /// Information about the tags.
    #[serde(
        rename = "TagDescriptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_descriptions: Option<Vec<TagDescription>>,
}

impl Validate for DescribeTagsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_descriptions {
            for item in value.iter() {
                item.validate(&format!("{path}.TagDescriptions"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeTagsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.tag_descriptions {
            q::write_list(
                w,
                "TagDescriptions",
                Some("member"),
                value,
                q::write_structure::<TagDescription>,
            );
        }
    }
}

/// ELBv2 structure `DescribeTargetGroupAttributesInput`.
///
/// The request of `DescribeTargetGroupAttributes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetGroupAttributesInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
}

impl Validate for DescribeTargetGroupAttributesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DescribeTargetGroupAttributesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
        })
    }
}

/// ELBv2 structure `DescribeTargetGroupAttributesOutput`.
///
/// The response of `DescribeTargetGroupAttributes` (written inside `<DescribeTargetGroupAttributesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetGroupAttributesOutput {
    /// Information about the target group attributes.
    #[serde(
        rename = "Attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<TargetGroupAttribute>>,
}

impl Validate for DescribeTargetGroupAttributesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.Attributes"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeTargetGroupAttributesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.attributes {
            q::write_list(
                w,
                "Attributes",
                Some("member"),
                value,
                q::write_structure::<TargetGroupAttribute>,
            );
        }
    }
}

/// ELBv2 structure `DescribeTargetGroupsInput`.
///
/// The request of `DescribeTargetGroups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetGroupsInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(
        rename = "LoadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    /// The Amazon Resource Names (ARN) of the target groups.
    #[serde(
        rename = "TargetGroupArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arns: Option<Vec<String>>,
    /// The names of the target groups.
    #[serde(rename = "Names", default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    /// The marker for the next set of results.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The maximum number of results to return with this call.
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
}

impl Validate for DescribeTargetGroupsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.page_size {
            check_range(path, "PageSize", i64::from(*value), 1, 400)?;
        }
        Ok(())
    }
}

impl FromQuery for DescribeTargetGroupsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::scalar::<String>(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
            )?,
            target_group_arns: q::list(
                params,
                &q::member_key(prefix, "TargetGroupArns"),
                Some("member"),
                q::scalar::<String>,
            )?,
            names: q::list(
                params,
                &q::member_key(prefix, "Names"),
                Some("member"),
                q::scalar::<String>,
            )?,
            marker: q::scalar::<String>(params, &q::member_key(prefix, "Marker"))?,
            page_size: q::scalar::<i32>(params, &q::member_key(prefix, "PageSize"))?,
        })
    }
}

/// ELBv2 structure `DescribeTargetGroupsOutput`.
///
/// The response of `DescribeTargetGroups` (written inside `<DescribeTargetGroupsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetGroupsOutput {
    /// Information about the target groups.
    #[serde(
        rename = "TargetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<TargetGroup>>,
    /// If there are additional results, this is the marker for the next set of results.
    #[serde(
        rename = "NextMarker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_marker: Option<String>,
}

impl Validate for DescribeTargetGroupsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.TargetGroups"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeTargetGroupsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_groups {
            q::write_list(
                w,
                "TargetGroups",
                Some("member"),
                value,
                q::write_structure::<TargetGroup>,
            );
        }
        if let Some(value) = &self.next_marker {
            q::write_scalar::<String>(w, "NextMarker", value);
        }
    }
}

/// ELBv2 structure `DescribeTargetHealthInput`.
///
/// The request of `DescribeTargetHealth`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetHealthInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
    /// The targets.
    #[serde(rename = "Targets", default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<TargetDescription>>,
    /// Used to include anomaly detection information.
    #[serde(rename = "Include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<DescribeTargetHealthInputIncludeEnum>>,
}

impl Validate for DescribeTargetHealthInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.targets {
            for item in value.iter() {
                item.validate(&format!("{path}.Targets"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for DescribeTargetHealthInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
            targets: q::list(
                params,
                &q::member_key(prefix, "Targets"),
                Some("member"),
                q::structure::<TargetDescription>,
            )?,
            include: q::list(
                params,
                &q::member_key(prefix, "Include"),
                Some("member"),
                q::scalar::<DescribeTargetHealthInputIncludeEnum>,
            )?,
        })
    }
}

/// ELBv2 enum `DescribeTargetHealthInputIncludeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DescribeTargetHealthInputIncludeEnum {
    #[serde(rename = "AnomalyDetection")]
    AnomalyDetection,
    #[serde(rename = "All")]
    All,
}

impl DescribeTargetHealthInputIncludeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DescribeTargetHealthInputIncludeEnum] = &[
        DescribeTargetHealthInputIncludeEnum::AnomalyDetection,
        DescribeTargetHealthInputIncludeEnum::All,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DescribeTargetHealthInputIncludeEnum::AnomalyDetection => "AnomalyDetection",
            DescribeTargetHealthInputIncludeEnum::All => "All",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DescribeTargetHealthInputIncludeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for DescribeTargetHealthInputIncludeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `DescribeTargetHealthOutput`.
///
/// The response of `DescribeTargetHealth` (written inside `<DescribeTargetHealthResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTargetHealthOutput {
    /// Information about the health of the targets.
    #[serde(
        rename = "TargetHealthDescriptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_health_descriptions: Option<Vec<TargetHealthDescription>>,
}

impl Validate for DescribeTargetHealthOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_health_descriptions {
            for item in value.iter() {
                item.validate(&format!("{path}.TargetHealthDescriptions"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeTargetHealthOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_health_descriptions {
            q::write_list(
                w,
                "TargetHealthDescriptions",
                Some("member"),
                value,
                q::write_structure::<TargetHealthDescription>,
            );
        }
    }
}

/// ELBv2 enum `EnablePrefixForIpv6SourceNatEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EnablePrefixForIpv6SourceNatEnum {
    #[serde(rename = "on")]
    On,
    #[serde(rename = "off")]
    Off,
}

impl EnablePrefixForIpv6SourceNatEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EnablePrefixForIpv6SourceNatEnum] = &[
        EnablePrefixForIpv6SourceNatEnum::On,
        EnablePrefixForIpv6SourceNatEnum::Off,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EnablePrefixForIpv6SourceNatEnum::On => "on",
            EnablePrefixForIpv6SourceNatEnum::Off => "off",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EnablePrefixForIpv6SourceNatEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for EnablePrefixForIpv6SourceNatEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `FixedResponseActionConfig`. Information about an action that returns a custom HTTP response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FixedResponseActionConfig {
    /// The message.
    #[serde(
        rename = "MessageBody",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub message_body: Option<String>,
    /// The HTTP response code (2XX, 4XX, or 5XX).
    #[serde(rename = "StatusCode")]
    pub status_code: String,
    /// The content type.
    #[serde(
        rename = "ContentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub content_type: Option<String>,
}

impl Validate for FixedResponseActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.message_body {
            check_len(path, "MessageBody", value.chars().count(), 0, 1024)?;
        }
        if let Some(value) = &self.content_type {
            check_len(path, "ContentType", value.chars().count(), 0, 32)?;
        }
        Ok(())
    }
}

impl FromQuery for FixedResponseActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            message_body: q::scalar::<String>(params, &q::member_key(prefix, "MessageBody"))?,
            status_code: q::required(
                params,
                &q::member_key(prefix, "StatusCode"),
                q::scalar::<String>,
            )?,
            content_type: q::scalar::<String>(params, &q::member_key(prefix, "ContentType"))?,
        })
    }
}

impl ToXml for FixedResponseActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.message_body {
            q::write_scalar::<String>(w, "MessageBody", value);
        }
        q::write_scalar::<String>(w, "StatusCode", &self.status_code);
        if let Some(value) = &self.content_type {
            q::write_scalar::<String>(w, "ContentType", value);
        }
    }
}

/// ELBv2 structure `ForwardActionConfig`. Information about a forward action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForwardActionConfig {
    /// The target groups.
    #[serde(
        rename = "TargetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<TargetGroupTuple>>,
    /// The target group stickiness for the rule.
    #[serde(
        rename = "TargetGroupStickinessConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_stickiness_config: Option<TargetGroupStickinessConfig>,
}

impl Validate for ForwardActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.TargetGroups"))?;
            }
        }
        if let Some(value) = &self.target_group_stickiness_config {
            value.validate(&format!("{path}.TargetGroupStickinessConfig"))?;
        }
        Ok(())
    }
}

impl FromQuery for ForwardActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_groups: q::list(
                params,
                &q::member_key(prefix, "TargetGroups"),
                Some("member"),
                q::structure::<TargetGroupTuple>,
            )?,
            target_group_stickiness_config: q::structure::<TargetGroupStickinessConfig>(
                params,
                &q::member_key(prefix, "TargetGroupStickinessConfig"),
            )?,
        })
    }
}

impl ToXml for ForwardActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_groups {
            q::write_list(
                w,
                "TargetGroups",
                Some("member"),
                value,
                q::write_structure::<TargetGroupTuple>,
            );
        }
        if let Some(value) = &self.target_group_stickiness_config {
            q::write_structure::<TargetGroupStickinessConfig>(
                w,
                "TargetGroupStickinessConfig",
                value,
            );
        }
    }
}

/// ELBv2 structure `HostHeaderConditionConfig`. Information about a host header condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostHeaderConditionConfig {
    /// The host names.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// The regular expressions to compare against the host header.
    #[serde(
        rename = "RegexValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regex_values: Option<Vec<String>>,
}

impl Validate for HostHeaderConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for HostHeaderConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
            regex_values: q::list(
                params,
                &q::member_key(prefix, "RegexValues"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for HostHeaderConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.regex_values {
            q::write_list(
                w,
                "RegexValues",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 structure `HostHeaderRewriteConfig`. Information about a host header rewrite transform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostHeaderRewriteConfig {
    /// The host header rewrite transform.
    #[serde(rename = "Rewrites", default, skip_serializing_if = "Option::is_none")]
    pub rewrites: Option<Vec<RewriteConfig>>,
}

impl Validate for HostHeaderRewriteConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rewrites {
            for item in value.iter() {
                item.validate(&format!("{path}.Rewrites"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for HostHeaderRewriteConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rewrites: q::list(
                params,
                &q::member_key(prefix, "Rewrites"),
                Some("member"),
                q::structure::<RewriteConfig>,
            )?,
        })
    }
}

impl ToXml for HostHeaderRewriteConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rewrites {
            q::write_list(
                w,
                "Rewrites",
                Some("member"),
                value,
                q::write_structure::<RewriteConfig>,
            );
        }
    }
}

/// ELBv2 structure `HttpHeaderConditionConfig`. Information about an HTTP header condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HttpHeaderConditionConfig {
    /// The name of the HTTP header field.
    #[serde(
        rename = "HttpHeaderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_header_name: Option<String>,
    /// The strings to compare against the value of the HTTP header.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// The regular expression to compare against the HTTP header.
    #[serde(
        rename = "RegexValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regex_values: Option<Vec<String>>,
}

impl Validate for HttpHeaderConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for HttpHeaderConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            http_header_name: q::scalar::<String>(
                params,
                &q::member_key(prefix, "HttpHeaderName"),
            )?,
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
            regex_values: q::list(
                params,
                &q::member_key(prefix, "RegexValues"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for HttpHeaderConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.http_header_name {
            q::write_scalar::<String>(w, "HttpHeaderName", value);
        }
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.regex_values {
            q::write_list(
                w,
                "RegexValues",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 structure `HttpRequestMethodConditionConfig`. Information about an HTTP method condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HttpRequestMethodConditionConfig {
    /// The name of the request method.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Validate for HttpRequestMethodConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for HttpRequestMethodConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for HttpRequestMethodConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 enum `IpAddressType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IpAddressType {
    #[serde(rename = "ipv4")]
    Ipv4,
    #[serde(rename = "dualstack")]
    Dualstack,
    #[serde(rename = "dualstack-without-public-ipv4")]
    DualstackWithoutPublicIpv4,
}

impl IpAddressType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [IpAddressType] = &[
        IpAddressType::Ipv4,
        IpAddressType::Dualstack,
        IpAddressType::DualstackWithoutPublicIpv4,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IpAddressType::Ipv4 => "ipv4",
            IpAddressType::Dualstack => "dualstack",
            IpAddressType::DualstackWithoutPublicIpv4 => "dualstack-without-public-ipv4",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IpAddressType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for IpAddressType {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `IpamPools`. An IPAM pool is a collection of IP address CIDRs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IpamPools {
    /// The ID of the IPv4 IPAM pool.
    #[serde(
        rename = "Ipv4IpamPoolId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv4_ipam_pool_id: Option<String>,
}

impl Validate for IpamPools {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ipv4_ipam_pool_id {
            check_len(path, "Ipv4IpamPoolId", value.chars().count(), 0, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for IpamPools {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            ipv4_ipam_pool_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "Ipv4IpamPoolId"),
            )?,
        })
    }
}

impl ToXml for IpamPools {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.ipv4_ipam_pool_id {
            q::write_scalar::<String>(w, "Ipv4IpamPoolId", value);
        }
    }
}

/// ELBv2 structure `JwtValidationActionAdditionalClaim`. Information about an additional claim to validate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JwtValidationActionAdditionalClaim {
    /// The format of the claim value.
    #[serde(rename = "Format")]
    pub format: JwtValidationActionAdditionalClaimFormatEnum,
    /// The name of the claim.
    #[serde(rename = "Name")]
    pub name: String,
    /// The claim value.
    #[serde(rename = "Values")]
    pub values: Vec<String>,
}

impl Validate for JwtValidationActionAdditionalClaim {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for JwtValidationActionAdditionalClaim {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            format: q::required(
                params,
                &q::member_key(prefix, "Format"),
                q::scalar::<JwtValidationActionAdditionalClaimFormatEnum>,
            )?,
            name: q::required(params, &q::member_key(prefix, "Name"), q::scalar::<String>)?,
            values: q::required(
                params,
                &q::member_key(prefix, "Values"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::scalar::<String>),
            )?,
        })
    }
}

impl ToXml for JwtValidationActionAdditionalClaim {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<JwtValidationActionAdditionalClaimFormatEnum>(w, "Format", &self.format);
        q::write_scalar::<String>(w, "Name", &self.name);
        q::write_list(
            w,
            "Values",
            Some("member"),
            &self.values,
            q::write_scalar::<String>,
        );
    }
}

/// ELBv2 enum `JwtValidationActionAdditionalClaimFormatEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum JwtValidationActionAdditionalClaimFormatEnum {
    #[serde(rename = "single-string")]
    SingleString,
    #[serde(rename = "string-array")]
    StringArray,
    #[serde(rename = "space-separated-values")]
    SpaceSeparatedValues,
}

impl JwtValidationActionAdditionalClaimFormatEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [JwtValidationActionAdditionalClaimFormatEnum] = &[
        JwtValidationActionAdditionalClaimFormatEnum::SingleString,
        JwtValidationActionAdditionalClaimFormatEnum::StringArray,
        JwtValidationActionAdditionalClaimFormatEnum::SpaceSeparatedValues,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            JwtValidationActionAdditionalClaimFormatEnum::SingleString => "single-string",
            JwtValidationActionAdditionalClaimFormatEnum::StringArray => "string-array",
            JwtValidationActionAdditionalClaimFormatEnum::SpaceSeparatedValues => {
                "space-separated-values"
            }
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for JwtValidationActionAdditionalClaimFormatEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for JwtValidationActionAdditionalClaimFormatEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `JwtValidationActionConfig`. Information about a JSON Web Token (JWT) validation action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JwtValidationActionConfig {
    /// The JSON Web Key Set (JWKS) endpoint.
    #[serde(rename = "JwksEndpoint")]
    pub jwks_endpoint: String,
    /// The issuer of the JWT.
    #[serde(rename = "Issuer")]
    pub issuer: String,
    /// Additional claims to validate.
    #[serde(
        rename = "AdditionalClaims",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_claims: Option<Vec<JwtValidationActionAdditionalClaim>>,
}

impl Validate for JwtValidationActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.additional_claims {
            for item in value.iter() {
                item.validate(&format!("{path}.AdditionalClaims"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for JwtValidationActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            jwks_endpoint: q::required(
                params,
                &q::member_key(prefix, "JwksEndpoint"),
                q::scalar::<String>,
            )?,
            issuer: q::required(
                params,
                &q::member_key(prefix, "Issuer"),
                q::scalar::<String>,
            )?,
            additional_claims: q::list(
                params,
                &q::member_key(prefix, "AdditionalClaims"),
                Some("member"),
                q::structure::<JwtValidationActionAdditionalClaim>,
            )?,
        })
    }
}

impl ToXml for JwtValidationActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "JwksEndpoint", &self.jwks_endpoint);
        q::write_scalar::<String>(w, "Issuer", &self.issuer);
        if let Some(value) = &self.additional_claims {
            q::write_list(
                w,
                "AdditionalClaims",
                Some("member"),
                value,
                q::write_structure::<JwtValidationActionAdditionalClaim>,
            );
        }
    }
}

/// ELBv2 structure `Listener`. Information about a listener.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Listener {
    /// The Amazon Resource Name (ARN) of the listener.
    #[serde(
        rename = "ListenerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arn: Option<String>,
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(
        rename = "LoadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    /// The port on which the load balancer is listening.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// The protocol for connections from clients to the load balancer.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolEnum>,
    /// [HTTPS or TLS listener] The default certificate for the listener.
    #[serde(
        rename = "Certificates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificates: Option<Vec<Certificate>>,
    /// [HTTPS or TLS listener] The security policy that defines which protocols and ciphers are supported.
    #[serde(rename = "SslPolicy", default, skip_serializing_if = "Option::is_none")]
    pub ssl_policy: Option<String>,
    /// The default actions for the listener.
    #[serde(
        rename = "DefaultActions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_actions: Option<Vec<Action>>,
    /// [TLS listener] The name of the Application-Layer Protocol Negotiation (ALPN) policy.
    #[serde(
        rename = "AlpnPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alpn_policy: Option<Vec<String>>,
    /// The mutual authentication configuration information.
    #[serde(
        rename = "MutualAuthentication",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mutual_authentication: Option<MutualAuthenticationAttributes>,
}

impl Validate for Listener {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.certificates {
            for item in value.iter() {
                item.validate(&format!("{path}.Certificates"))?;
            }
        }
        if let Some(value) = &self.default_actions {
            for item in value.iter() {
                item.validate(&format!("{path}.DefaultActions"))?;
            }
        }
        if let Some(value) = &self.mutual_authentication {
            value.validate(&format!("{path}.MutualAuthentication"))?;
        }
        Ok(())
    }
}

impl ToXml for Listener {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.listener_arn {
            q::write_scalar::<String>(w, "ListenerArn", value);
        }
        if let Some(value) = &self.load_balancer_arn {
            q::write_scalar::<String>(w, "LoadBalancerArn", value);
        }
        if let Some(value) = &self.port {
            q::write_scalar::<i32>(w, "Port", value);
        }
        if let Some(value) = &self.protocol {
            q::write_scalar::<ProtocolEnum>(w, "Protocol", value);
        }
        if let Some(value) = &self.certificates {
            q::write_list(
                w,
                "Certificates",
                Some("member"),
                value,
                q::write_structure::<Certificate>,
            );
        }
        if let Some(value) = &self.ssl_policy {
            q::write_scalar::<String>(w, "SslPolicy", value);
        }
        if let Some(value) = &self.default_actions {
            q::write_list(
                w,
                "DefaultActions",
                Some("member"),
                value,
                q::write_structure::<Action>,
            );
        }
        if let Some(value) = &self.alpn_policy {
            q::write_list(
                w,
                "AlpnPolicy",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.mutual_authentication {
            q::write_structure::<MutualAuthenticationAttributes>(w, "MutualAuthentication", value);
        }
    }
}

/// ELBv2 structure `LoadBalancer`. Information about a load balancer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancer {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(
        rename = "LoadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    /// The public DNS name of the load balancer.
    #[serde(rename = "DNSName", default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    /// The ID of the Amazon Route 53 hosted zone associated with the load balancer.
    #[serde(
        rename = "CanonicalHostedZoneId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canonical_hosted_zone_id: Option<String>,
    /// The date and time the load balancer was created.
    #[serde(
        rename = "CreatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time: Option<f64>,
    /// The name of the load balancer.
    #[serde(
        rename = "LoadBalancerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_name: Option<String>,
    /// The nodes of an Internet-facing load balancer have public IP addresses.
    #[serde(rename = "Scheme", default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<LoadBalancerSchemeEnum>,
    /// The ID of the VPC for the load balancer.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The state of the load balancer.
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<LoadBalancerState>,
    /// The type of load balancer.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<LoadBalancerTypeEnum>,
    /// The subnets for the load balancer.
    #[serde(
        rename = "AvailabilityZones",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zones: Option<Vec<AvailabilityZone>>,
    /// The IDs of the security groups for the load balancer.
    #[serde(
        rename = "SecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    /// The type of IP addresses used for public or private connections by the subnets attached to your load balancer.
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<IpAddressType>,
    /// [Application Load Balancers on Outposts] The ID of the customer-owned address pool.
    #[serde(
        rename = "CustomerOwnedIpv4Pool",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_owned_ipv4_pool: Option<String>,
    /// Indicates whether to evaluate inbound security group rules for traffic sent to a Network Load Balancer through Amazon Web Services PrivateLink.
    #[serde(
        rename = "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enforce_security_group_inbound_rules_on_private_link_traffic: Option<String>,
    /// [Network Load Balancers with UDP listeners] Indicates whether to use an IPv6 prefix from each subnet for source NAT.
    #[serde(
        rename = "EnablePrefixForIpv6SourceNat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_prefix_for_ipv6_source_nat: Option<EnablePrefixForIpv6SourceNatEnum>,
    /// [Application Load Balancers] The IPAM pool in use by the load balancer, if configured.
    #[serde(rename = "IpamPools", default, skip_serializing_if = "Option::is_none")]
    pub ipam_pools: Option<IpamPools>,
}

impl Validate for LoadBalancer {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.state {
            value.validate(&format!("{path}.State"))?;
        }
        if let Some(value) = &self.availability_zones {
            for item in value.iter() {
                item.validate(&format!("{path}.AvailabilityZones"))?;
            }
        }
        if let Some(value) = &self.customer_owned_ipv4_pool {
            check_len(path, "CustomerOwnedIpv4Pool", value.chars().count(), 0, 256)?;
        }
        if let Some(value) = &self.ipam_pools {
            value.validate(&format!("{path}.IpamPools"))?;
        }
        Ok(())
    }
}

impl ToXml for LoadBalancer {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.load_balancer_arn {
            q::write_scalar::<String>(w, "LoadBalancerArn", value);
        }
        if let Some(value) = &self.dns_name {
            q::write_scalar::<String>(w, "DNSName", value);
        }
        if let Some(value) = &self.canonical_hosted_zone_id {
            q::write_scalar::<String>(w, "CanonicalHostedZoneId", value);
        }
        if let Some(value) = &self.created_time {
            q::write_timestamp(w, "CreatedTime", value);
        }
        if let Some(value) = &self.load_balancer_name {
            q::write_scalar::<String>(w, "LoadBalancerName", value);
        }
        if let Some(value) = &self.scheme {
            q::write_scalar::<LoadBalancerSchemeEnum>(w, "Scheme", value);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "VpcId", value);
        }
        if let Some(value) = &self.state {
            q::write_structure::<LoadBalancerState>(w, "State", value);
        }
        if let Some(value) = &self.type_ {
            q::write_scalar::<LoadBalancerTypeEnum>(w, "Type", value);
        }
        if let Some(value) = &self.availability_zones {
            q::write_list(
                w,
                "AvailabilityZones",
                Some("member"),
                value,
                q::write_structure::<AvailabilityZone>,
            );
        }
        if let Some(value) = &self.security_groups {
            q::write_list(
                w,
                "SecurityGroups",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.ip_address_type {
            q::write_scalar::<IpAddressType>(w, "IpAddressType", value);
        }
        if let Some(value) = &self.customer_owned_ipv4_pool {
            q::write_scalar::<String>(w, "CustomerOwnedIpv4Pool", value);
        }
        if let Some(value) = &self.enforce_security_group_inbound_rules_on_private_link_traffic {
            q::write_scalar::<String>(
                w,
                "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
                value,
            );
        }
        if let Some(value) = &self.enable_prefix_for_ipv6_source_nat {
            q::write_scalar::<EnablePrefixForIpv6SourceNatEnum>(
                w,
                "EnablePrefixForIpv6SourceNat",
                value,
            );
        }
        if let Some(value) = &self.ipam_pools {
            q::write_structure::<IpamPools>(w, "IpamPools", value);
        }
    }
}

/// ELBv2 structure `LoadBalancerAddress`. Information about a static IP address for a load balancer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerAddress {
    /// The static IP address.
    #[serde(rename = "IpAddress", default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// [Network Load Balancers] The allocation ID of the Elastic IP address for an internal-facing load balancer.
    #[serde(
        rename = "AllocationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allocation_id: Option<String>,
    /// [Network Load Balancers] The private IPv4 address for an internal load balancer.
    #[serde(
        rename = "PrivateIPv4Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub private_i_pv4_address: Option<String>,
    /// [Network Load Balancers] The IPv6 address.
    #[serde(
        rename = "IPv6Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub i_pv6_address: Option<String>,
}

impl Validate for LoadBalancerAddress {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for LoadBalancerAddress {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.ip_address {
            q::write_scalar::<String>(w, "IpAddress", value);
        }
        if let Some(value) = &self.allocation_id {
            q::write_scalar::<String>(w, "AllocationId", value);
        }
        if let Some(value) = &self.private_i_pv4_address {
            q::write_scalar::<String>(w, "PrivateIPv4Address", value);
        }
        if let Some(value) = &self.i_pv6_address {
            q::write_scalar::<String>(w, "IPv6Address", value);
        }
    }
}

/// ELBv2 structure `LoadBalancerAttribute`. Information about a load balancer attribute.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerAttribute {
    /// The name of the attribute.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the attribute.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for LoadBalancerAttribute {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.key {
            check_len(path, "Key", value.chars().count(), 0, 256)?;
        }
        if let Some(value) = &self.value {
            check_len(path, "Value", value.chars().count(), 0, 1024)?;
        }
        Ok(())
    }
}

impl FromQuery for LoadBalancerAttribute {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::scalar::<String>(params, &q::member_key(prefix, "Key"))?,
            value: q::scalar::<String>(params, &q::member_key(prefix, "Value"))?,
        })
    }
}

impl ToXml for LoadBalancerAttribute {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.key {
            q::write_scalar::<String>(w, "Key", value);
        }
        if let Some(value) = &self.value {
            q::write_scalar::<String>(w, "Value", value);
        }
    }
}

/// ELBv2 enum `LoadBalancerSchemeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LoadBalancerSchemeEnum {
    #[serde(rename = "internet-facing")]
    InternetFacing,
    #[serde(rename = "internal")]
    Internal,
}

impl LoadBalancerSchemeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LoadBalancerSchemeEnum] = &[
        LoadBalancerSchemeEnum::InternetFacing,
        LoadBalancerSchemeEnum::Internal,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LoadBalancerSchemeEnum::InternetFacing => "internet-facing",
            LoadBalancerSchemeEnum::Internal => "internal",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LoadBalancerSchemeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for LoadBalancerSchemeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `LoadBalancerState`. Information about the state of the load balancer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerState {
    /// The state code.
    #[serde(rename = "Code", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<LoadBalancerStateEnum>,
    /// A description of the state.
    #[serde(rename = "Reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Validate for LoadBalancerState {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for LoadBalancerState {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.code {
            q::write_scalar::<LoadBalancerStateEnum>(w, "Code", value);
        }
        if let Some(value) = &self.reason {
            q::write_scalar::<String>(w, "Reason", value);
        }
    }
}

/// ELBv2 enum `LoadBalancerStateEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LoadBalancerStateEnum {
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "provisioning")]
    Provisioning,
    #[serde(rename = "active_impaired")]
    ActiveImpaired,
    #[serde(rename = "failed")]
    Failed,
}

impl LoadBalancerStateEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LoadBalancerStateEnum] = &[
        LoadBalancerStateEnum::Active,
        LoadBalancerStateEnum::Provisioning,
        LoadBalancerStateEnum::ActiveImpaired,
        LoadBalancerStateEnum::Failed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LoadBalancerStateEnum::Active => "active",
            LoadBalancerStateEnum::Provisioning => "provisioning",
            LoadBalancerStateEnum::ActiveImpaired => "active_impaired",
            LoadBalancerStateEnum::Failed => "failed",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LoadBalancerStateEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for LoadBalancerStateEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `LoadBalancerTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LoadBalancerTypeEnum {
    #[serde(rename = "application")]
    Application,
    #[serde(rename = "network")]
    Network,
    #[serde(rename = "gateway")]
    Gateway,
}

impl LoadBalancerTypeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LoadBalancerTypeEnum] = &[
        LoadBalancerTypeEnum::Application,
        LoadBalancerTypeEnum::Network,
        LoadBalancerTypeEnum::Gateway,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LoadBalancerTypeEnum::Application => "application",
            LoadBalancerTypeEnum::Network => "network",
            LoadBalancerTypeEnum::Gateway => "gateway",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LoadBalancerTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for LoadBalancerTypeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `Matcher`. The codes to use when checking for a successful response from a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Matcher {
    /// For Application Load Balancers, you can specify values between 200 and 499, with the default value being 200.
    #[serde(rename = "HttpCode", default, skip_serializing_if = "Option::is_none")]
    pub http_code: Option<String>,
    /// You can specify values between 0 and 99.
    #[serde(rename = "GrpcCode", default, skip_serializing_if = "Option::is_none")]
    pub grpc_code: Option<String>,
}

impl Validate for Matcher {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for Matcher {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            http_code: q::scalar::<String>(params, &q::member_key(prefix, "HttpCode"))?,
            grpc_code: q::scalar::<String>(params, &q::member_key(prefix, "GrpcCode"))?,
        })
    }
}

impl ToXml for Matcher {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.http_code {
            q::write_scalar::<String>(w, "HttpCode", value);
        }
        if let Some(value) = &self.grpc_code {
            q::write_scalar::<String>(w, "GrpcCode", value);
        }
    }
}

/// ELBv2 enum `MitigationInEffectEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MitigationInEffectEnum {
    #[serde(rename = "yes")]
    Yes,
    #[serde(rename = "no")]
    No,
}

impl MitigationInEffectEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [MitigationInEffectEnum] =
        &[MitigationInEffectEnum::Yes, MitigationInEffectEnum::No];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            MitigationInEffectEnum::Yes => "yes",
            MitigationInEffectEnum::No => "no",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for MitigationInEffectEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for MitigationInEffectEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `ModifyListenerInput`.
///
/// The request of `ModifyListener`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyListenerInput {
    /// The Amazon Resource Name (ARN) of the listener.
    #[serde(rename = "ListenerArn")]
    pub listener_arn: String,
    /// The port for connections from clients to the load balancer.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// The protocol for connections from clients to the load balancer.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolEnum>,
    /// [HTTPS and TLS listeners] The security policy that defines which protocols and ciphers are supported.
    #[serde(rename = "SslPolicy", default, skip_serializing_if = "Option::is_none")]
    pub ssl_policy: Option<String>,
    /// [HTTPS and TLS listeners] The default certificate for the listener.
    #[serde(
        rename = "Certificates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificates: Option<Vec<Certificate>>,
    /// The actions for the default rule.
    #[serde(
        rename = "DefaultActions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_actions: Option<Vec<Action>>,
    /// [TLS listeners] The name of the Application-Layer Protocol Negotiation (ALPN) policy.
    #[serde(
        rename = "AlpnPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alpn_policy: Option<Vec<String>>,
    /// [HTTPS listeners] The mutual authentication configuration information.
    #[serde(
        rename = "MutualAuthentication",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mutual_authentication: Option<MutualAuthenticationAttributes>,
}

impl Validate for ModifyListenerInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.certificates {
            for item in value.iter() {
                item.validate(&format!("{path}.Certificates"))?;
            }
        }
        if let Some(value) = &self.default_actions {
            for item in value.iter() {
                item.validate(&format!("{path}.DefaultActions"))?;
            }
        }
        if let Some(value) = &self.mutual_authentication {
            value.validate(&format!("{path}.MutualAuthentication"))?;
        }
        Ok(())
    }
}

impl FromQuery for ModifyListenerInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            listener_arn: q::required(
                params,
                &q::member_key(prefix, "ListenerArn"),
                q::scalar::<String>,
            )?,
            port: q::scalar::<i32>(params, &q::member_key(prefix, "Port"))?,
            protocol: q::scalar::<ProtocolEnum>(params, &q::member_key(prefix, "Protocol"))?,
            ssl_policy: q::scalar::<String>(params, &q::member_key(prefix, "SslPolicy"))?,
            certificates: q::list(
                params,
                &q::member_key(prefix, "Certificates"),
                Some("member"),
                q::structure::<Certificate>,
            )?,
            default_actions: q::list(
                params,
                &q::member_key(prefix, "DefaultActions"),
                Some("member"),
                q::structure::<Action>,
            )?,
            alpn_policy: q::list(
                params,
                &q::member_key(prefix, "AlpnPolicy"),
                Some("member"),
                q::scalar::<String>,
            )?,
            mutual_authentication: q::structure::<MutualAuthenticationAttributes>(
                params,
                &q::member_key(prefix, "MutualAuthentication"),
            )?,
        })
    }
}

/// ELBv2 structure `ModifyListenerOutput`.
///
/// The response of `ModifyListener` (written inside `<ModifyListenerResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyListenerOutput {
    /// Information about the modified listener.
    #[serde(rename = "Listeners", default, skip_serializing_if = "Option::is_none")]
    pub listeners: Option<Vec<Listener>>,
}

impl Validate for ModifyListenerOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.listeners {
            for item in value.iter() {
                item.validate(&format!("{path}.Listeners"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for ModifyListenerOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.listeners {
            q::write_list(
                w,
                "Listeners",
                Some("member"),
                value,
                q::write_structure::<Listener>,
            );
        }
    }
}

/// ELBv2 structure `ModifyLoadBalancerAttributesInput`.
///
/// The request of `ModifyLoadBalancerAttributes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyLoadBalancerAttributesInput {
    /// The Amazon Resource Name (ARN) of the load balancer.
    #[serde(rename = "LoadBalancerArn")]
    pub load_balancer_arn: String,
    /// The load balancer attributes.
    #[serde(rename = "Attributes")]
    pub attributes: Vec<LoadBalancerAttribute>,
}

impl Validate for ModifyLoadBalancerAttributesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Attributes", (&self.attributes).len(), 0, 20)?;
        for item in (&self.attributes).iter() {
            item.validate(&format!("{path}.Attributes"))?;
        }
        Ok(())
    }
}

impl FromQuery for ModifyLoadBalancerAttributesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            load_balancer_arn: q::required(
                params,
                &q::member_key(prefix, "LoadBalancerArn"),
                q::scalar::<String>,
            )?,
            attributes: q::required(
                params,
                &q::member_key(prefix, "Attributes"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<LoadBalancerAttribute>)
                },
            )?,
        })
    }
}

/// ELBv2 structure `ModifyLoadBalancerAttributesOutput`.
///
/// The response of `ModifyLoadBalancerAttributes` (written inside `<ModifyLoadBalancerAttributesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyLoadBalancerAttributesOutput {
    /// Information about the load balancer attributes.
    #[serde(
        rename = "Attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<LoadBalancerAttribute>>,
}

impl Validate for ModifyLoadBalancerAttributesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            check_len(path, "Attributes", value.len(), 0, 20)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Attributes"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for ModifyLoadBalancerAttributesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.attributes {
            q::write_list(
                w,
                "Attributes",
                Some("member"),
                value,
                q::write_structure::<LoadBalancerAttribute>,
            );
        }
    }
}

/// ELBv2 structure `ModifyRuleInput`.
///
/// The request of `ModifyRule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyRuleInput {
    /// The Amazon Resource Name (ARN) of the rule.
    #[serde(rename = "RuleArn")]
    pub rule_arn: String,
    /// The conditions.
    #[serde(
        rename = "Conditions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub conditions: Option<Vec<RuleCondition>>,
    /// The actions.
    #[serde(rename = "Actions", default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<Action>>,
    /// The transforms to apply to requests that match this rule.
    #[serde(
        rename = "Transforms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transforms: Option<Vec<RuleTransform>>,
    /// Indicates whether to remove all transforms from the rule.
    #[serde(
        rename = "ResetTransforms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reset_transforms: Option<bool>,
}

impl Validate for ModifyRuleInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.conditions {
            for item in value.iter() {
                item.validate(&format!("{path}.Conditions"))?;
            }
        }
        if let Some(value) = &self.actions {
            for item in value.iter() {
                item.validate(&format!("{path}.Actions"))?;
            }
        }
        if let Some(value) = &self.transforms {
            for item in value.iter() {
                item.validate(&format!("{path}.Transforms"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for ModifyRuleInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rule_arn: q::required(
                params,
                &q::member_key(prefix, "RuleArn"),
                q::scalar::<String>,
            )?,
            conditions: q::list(
                params,
                &q::member_key(prefix, "Conditions"),
                Some("member"),
                q::structure::<RuleCondition>,
            )?,
            actions: q::list(
                params,
                &q::member_key(prefix, "Actions"),
                Some("member"),
                q::structure::<Action>,
            )?,
            transforms: q::list(
                params,
                &q::member_key(prefix, "Transforms"),
                Some("member"),
                q::structure::<RuleTransform>,
            )?,
            reset_transforms: q::scalar::<bool>(params, &q::member_key(prefix, "ResetTransforms"))?,
        })
    }
}

/// ELBv2 structure `ModifyRuleOutput`.
///
/// The response of `ModifyRule` (written inside `<ModifyRuleResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyRuleOutput {
    /// Information about the modified rule.
    #[serde(rename = "Rules", default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<Rule>>,
}

impl Validate for ModifyRuleOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rules {
            for item in value.iter() {
                item.validate(&format!("{path}.Rules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for ModifyRuleOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rules {
            q::write_list(
                w,
                "Rules",
                Some("member"),
                value,
                q::write_structure::<Rule>,
            );
        }
    }
}

/// ELBv2 structure `ModifyTargetGroupAttributesInput`.
///
/// The request of `ModifyTargetGroupAttributes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyTargetGroupAttributesInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
    /// The target group attributes.
    #[serde(rename = "Attributes")]
    pub attributes: Vec<TargetGroupAttribute>,
}

impl Validate for ModifyTargetGroupAttributesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.attributes).iter() {
            item.validate(&format!("{path}.Attributes"))?;
        }
        Ok(())
    }
}

impl FromQuery for ModifyTargetGroupAttributesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
            attributes: q::required(
                params,
                &q::member_key(prefix, "Attributes"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<TargetGroupAttribute>)
                },
            )?,
        })
    }
}

/// ELBv2 structure `ModifyTargetGroupAttributesOutput`.
///
/// The response of `ModifyTargetGroupAttributes` (written inside `<ModifyTargetGroupAttributesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyTargetGroupAttributesOutput {
    /// Information about the target group attributes.
    #[serde(
        rename = "Attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<TargetGroupAttribute>>,
}

impl Validate for ModifyTargetGroupAttributesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.Attributes"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for ModifyTargetGroupAttributesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.attributes {
            q::write_list(
                w,
                "Attributes",
                Some("member"),
                value,
                q::write_structure::<TargetGroupAttribute>,
            );
        }
    }
}

/// ELBv2 structure `ModifyTargetGroupInput`.
///
/// The request of `ModifyTargetGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyTargetGroupInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
    /// The protocol the load balancer uses when performing health checks on targets.
    #[serde(
        rename = "HealthCheckProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_protocol: Option<ProtocolEnum>,
    /// The port the load balancer uses when performing health checks on targets.
    #[serde(
        rename = "HealthCheckPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_port: Option<String>,
    /// [HTTP/HTTPS health checks] The destination for health checks on the targets.
    #[serde(
        rename = "HealthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    /// Indicates whether health checks are enabled.
    #[serde(
        rename = "HealthCheckEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_enabled: Option<bool>,
    /// The approximate amount of time, in seconds, between health checks of an individual target.
    #[serde(
        rename = "HealthCheckIntervalSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_interval_seconds: Option<i32>,
    /// [HTTP/HTTPS health checks] The amount of time, in seconds, during which no response means a failed health check.
    #[serde(
        rename = "HealthCheckTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_timeout_seconds: Option<i32>,
    /// The number of consecutive health checks successes required before considering an unhealthy target healthy.
    #[serde(
        rename = "HealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub healthy_threshold_count: Option<i32>,
    /// The number of consecutive health check failures required before considering the target unhealthy.
    #[serde(
        rename = "UnhealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unhealthy_threshold_count: Option<i32>,
    /// [HTTP/HTTPS health checks] The HTTP or gRPC codes to use when checking for a successful response from a target.
    #[serde(rename = "Matcher", default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<Matcher>,
}

impl Validate for ModifyTargetGroupInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.health_check_path {
            check_len(path, "HealthCheckPath", value.chars().count(), 1, 1024)?;
        }
        if let Some(value) = &self.health_check_interval_seconds {
            check_range(
                path,
                "HealthCheckIntervalSeconds",
                i64::from(*value),
                5,
                300,
            )?;
        }
        if let Some(value) = &self.health_check_timeout_seconds {
            check_range(path, "HealthCheckTimeoutSeconds", i64::from(*value), 2, 120)?;
        }
        if let Some(value) = &self.healthy_threshold_count {
            check_range(path, "HealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.unhealthy_threshold_count {
            check_range(path, "UnhealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.matcher {
            value.validate(&format!("{path}.Matcher"))?;
        }
        Ok(())
    }
}

impl FromQuery for ModifyTargetGroupInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
            health_check_protocol: q::scalar::<ProtocolEnum>(
                params,
                &q::member_key(prefix, "HealthCheckProtocol"),
            )?,
            health_check_port: q::scalar::<String>(
                params,
                &q::member_key(prefix, "HealthCheckPort"),
            )?,
            health_check_path: q::scalar::<String>(
                params,
                &q::member_key(prefix, "HealthCheckPath"),
            )?,
            health_check_enabled: q::scalar::<bool>(
                params,
                &q::member_key(prefix, "HealthCheckEnabled"),
            )?,
            health_check_interval_seconds: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthCheckIntervalSeconds"),
            )?,
            health_check_timeout_seconds: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthCheckTimeoutSeconds"),
            )?,
            healthy_threshold_count: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "HealthyThresholdCount"),
            )?,
            unhealthy_threshold_count: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "UnhealthyThresholdCount"),
            )?,
            matcher: q::structure::<Matcher>(params, &q::member_key(prefix, "Matcher"))?,
        })
    }
}

/// ELBv2 structure `ModifyTargetGroupOutput`.
///
/// The response of `ModifyTargetGroup` (written inside `<ModifyTargetGroupResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyTargetGroupOutput {
    /// Information about the modified target group.
    #[serde(
        rename = "TargetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<TargetGroup>>,
}

impl Validate for ModifyTargetGroupOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.TargetGroups"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for ModifyTargetGroupOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_groups {
            q::write_list(
                w,
                "TargetGroups",
                Some("member"),
                value,
                q::write_structure::<TargetGroup>,
            );
        }
    }
}

/// ELBv2 structure `MutualAuthenticationAttributes`. Information about the mutual authentication attributes of a listener.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MutualAuthenticationAttributes {
    /// The client certificate handling method.
    #[serde(rename = "Mode", default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The Amazon Resource Name (ARN) of the trust store.
    #[serde(
        rename = "TrustStoreArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trust_store_arn: Option<String>,
    /// Indicates whether expired client certificates are ignored.
    #[serde(
        rename = "IgnoreClientCertificateExpiry",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ignore_client_certificate_expiry: Option<bool>,
    /// Indicates a shared trust stores association status.
    #[serde(
        rename = "TrustStoreAssociationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trust_store_association_status: Option<TrustStoreAssociationStatusEnum>,
    /// Indicates whether trust store CA certificate names are advertised.
    #[serde(
        rename = "AdvertiseTrustStoreCaNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advertise_trust_store_ca_names: Option<AdvertiseTrustStoreCaNamesEnum>,
}

impl Validate for MutualAuthenticationAttributes {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for MutualAuthenticationAttributes {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            mode: q::scalar::<String>(params, &q::member_key(prefix, "Mode"))?,
            trust_store_arn: q::scalar::<String>(params, &q::member_key(prefix, "TrustStoreArn"))?,
            ignore_client_certificate_expiry: q::scalar::<bool>(
                params,
                &q::member_key(prefix, "IgnoreClientCertificateExpiry"),
            )?,
            trust_store_association_status: q::scalar::<TrustStoreAssociationStatusEnum>(
                params,
                &q::member_key(prefix, "TrustStoreAssociationStatus"),
            )?,
            advertise_trust_store_ca_names: q::scalar::<AdvertiseTrustStoreCaNamesEnum>(
                params,
                &q::member_key(prefix, "AdvertiseTrustStoreCaNames"),
            )?,
        })
    }
}

impl ToXml for MutualAuthenticationAttributes {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.mode {
            q::write_scalar::<String>(w, "Mode", value);
        }
        if let Some(value) = &self.trust_store_arn {
            q::write_scalar::<String>(w, "TrustStoreArn", value);
        }
        if let Some(value) = &self.ignore_client_certificate_expiry {
            q::write_scalar::<bool>(w, "IgnoreClientCertificateExpiry", value);
        }
        if let Some(value) = &self.trust_store_association_status {
            q::write_scalar::<TrustStoreAssociationStatusEnum>(
                w,
                "TrustStoreAssociationStatus",
                value,
            );
        }
        if let Some(value) = &self.advertise_trust_store_ca_names {
            q::write_scalar::<AdvertiseTrustStoreCaNamesEnum>(
                w,
                "AdvertiseTrustStoreCaNames",
                value,
            );
        }
    }
}

/// ELBv2 structure `PathPatternConditionConfig`. Information about a path pattern condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PathPatternConditionConfig {
    /// The path patterns to compare against the request URL.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// The regular expressions to compare against the request URL.
    #[serde(
        rename = "RegexValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regex_values: Option<Vec<String>>,
}

impl Validate for PathPatternConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for PathPatternConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
            regex_values: q::list(
                params,
                &q::member_key(prefix, "RegexValues"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for PathPatternConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.regex_values {
            q::write_list(
                w,
                "RegexValues",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 enum `ProtocolEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProtocolEnum {
    #[serde(rename = "HTTP")]
    Http,
    #[serde(rename = "HTTPS")]
    Https,
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "TLS")]
    Tls,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "TCP_UDP")]
    TcpUdp,
    #[serde(rename = "GENEVE")]
    Geneve,
    #[serde(rename = "QUIC")]
    Quic,
    #[serde(rename = "TCP_QUIC")]
    TcpQuic,
}

impl ProtocolEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ProtocolEnum] = &[
        ProtocolEnum::Http,
        ProtocolEnum::Https,
        ProtocolEnum::Tcp,
        ProtocolEnum::Tls,
        ProtocolEnum::Udp,
        ProtocolEnum::TcpUdp,
        ProtocolEnum::Geneve,
        ProtocolEnum::Quic,
        ProtocolEnum::TcpQuic,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ProtocolEnum::Http => "HTTP",
            ProtocolEnum::Https => "HTTPS",
            ProtocolEnum::Tcp => "TCP",
            ProtocolEnum::Tls => "TLS",
            ProtocolEnum::Udp => "UDP",
            ProtocolEnum::TcpUdp => "TCP_UDP",
            ProtocolEnum::Geneve => "GENEVE",
            ProtocolEnum::Quic => "QUIC",
            ProtocolEnum::TcpQuic => "TCP_QUIC",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ProtocolEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for ProtocolEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `QueryStringConditionConfig`. Information about a query string condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryStringConditionConfig {
    /// The key/value pairs or values to find in the query string.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<QueryStringKeyValuePair>>,
}

impl Validate for QueryStringConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.values {
            for item in value.iter() {
                item.validate(&format!("{path}.Values"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for QueryStringConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::structure::<QueryStringKeyValuePair>,
            )?,
        })
    }
}

impl ToXml for QueryStringConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_structure::<QueryStringKeyValuePair>,
            );
        }
    }
}

/// ELBv2 structure `QueryStringKeyValuePair`. Information about a key/value pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryStringKeyValuePair {
    /// The key.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for QueryStringKeyValuePair {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for QueryStringKeyValuePair {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::scalar::<String>(params, &q::member_key(prefix, "Key"))?,
            value: q::scalar::<String>(params, &q::member_key(prefix, "Value"))?,
        })
    }
}

impl ToXml for QueryStringKeyValuePair {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.key {
            q::write_scalar::<String>(w, "Key", value);
        }
        if let Some(value) = &self.value {
            q::write_scalar::<String>(w, "Value", value);
        }
    }
}

/// ELBv2 structure `RedirectActionConfig`. Information about a redirect action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedirectActionConfig {
    /// The protocol.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The port.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// The hostname.
    #[serde(rename = "Host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The absolute path, starting with the leading "/".
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The query parameters, URL-encoded when necessary, but not percent-encoded.
    #[serde(rename = "Query", default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The HTTP redirect code.
    #[serde(rename = "StatusCode")]
    pub status_code: RedirectActionStatusCodeEnum,
}

impl Validate for RedirectActionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.host {
            check_len(path, "Host", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.path {
            check_len(path, "Path", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.query {
            check_len(path, "Query", value.chars().count(), 0, 128)?;
        }
        Ok(())
    }
}

impl FromQuery for RedirectActionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            protocol: q::scalar::<String>(params, &q::member_key(prefix, "Protocol"))?,
            port: q::scalar::<String>(params, &q::member_key(prefix, "Port"))?,
            host: q::scalar::<String>(params, &q::member_key(prefix, "Host"))?,
            path: q::scalar::<String>(params, &q::member_key(prefix, "Path"))?,
            query: q::scalar::<String>(params, &q::member_key(prefix, "Query"))?,
            status_code: q::required(
                params,
                &q::member_key(prefix, "StatusCode"),
                q::scalar::<RedirectActionStatusCodeEnum>,
            )?,
        })
    }
}

impl ToXml for RedirectActionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.protocol {
            q::write_scalar::<String>(w, "Protocol", value);
        }
        if let Some(value) = &self.port {
            q::write_scalar::<String>(w, "Port", value);
        }
        if let Some(value) = &self.host {
            q::write_scalar::<String>(w, "Host", value);
        }
        if let Some(value) = &self.path {
            q::write_scalar::<String>(w, "Path", value);
        }
        if let Some(value) = &self.query {
            q::write_scalar::<String>(w, "Query", value);
        }
        q::write_scalar::<RedirectActionStatusCodeEnum>(w, "StatusCode", &self.status_code);
    }
}

/// ELBv2 enum `RedirectActionStatusCodeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RedirectActionStatusCodeEnum {
    #[serde(rename = "HTTP_301")]
    Http301,
    #[serde(rename = "HTTP_302")]
    Http302,
}

impl RedirectActionStatusCodeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [RedirectActionStatusCodeEnum] = &[
        RedirectActionStatusCodeEnum::Http301,
        RedirectActionStatusCodeEnum::Http302,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            RedirectActionStatusCodeEnum::Http301 => "HTTP_301",
            RedirectActionStatusCodeEnum::Http302 => "HTTP_302",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for RedirectActionStatusCodeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for RedirectActionStatusCodeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `RegisterTargetsInput`.
///
/// The request of `RegisterTargets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterTargetsInput {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(rename = "TargetGroupArn")]
    pub target_group_arn: String,
    /// The targets.
    #[serde(rename = "Targets")]
    pub targets: Vec<TargetDescription>,
}

impl Validate for RegisterTargetsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.targets).iter() {
            item.validate(&format!("{path}.Targets"))?;
        }
        Ok(())
    }
}

impl FromQuery for RegisterTargetsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::required(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
                q::scalar::<String>,
            )?,
            targets: q::required(
                params,
                &q::member_key(prefix, "Targets"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<TargetDescription>)
                },
            )?,
        })
    }
}

/// ELBv2 structure `RegisterTargetsOutput`.
///
/// The response of `RegisterTargets` (written inside `<RegisterTargetsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterTargetsOutput {}

impl Validate for RegisterTargetsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for RegisterTargetsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `RemoveTagsInput`.
///
/// The request of `RemoveTags`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RemoveTagsInput {
    /// The Amazon Resource Name (ARN) of the resource.
    #[serde(rename = "ResourceArns")]
    pub resource_arns: Vec<String>,
    /// The tag keys for the tags to remove.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

impl Validate for RemoveTagsInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for RemoveTagsInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            resource_arns: q::required(
                params,
                &q::member_key(prefix, "ResourceArns"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::scalar::<String>),
            )?,
            tag_keys: q::required(
                params,
                &q::member_key(prefix, "TagKeys"),
                |p: &QueryParams, k: &str| q::list(p, k, Some("member"), q::scalar::<String>),
            )?,
        })
    }
}

/// ELBv2 structure `RemoveTagsOutput`.
///
/// The response of `RemoveTags` (written inside `<RemoveTagsResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RemoveTagsOutput {}

impl Validate for RemoveTagsOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for RemoveTagsOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {}
}

/// ELBv2 structure `RewriteConfig`. Information about a rewrite transform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RewriteConfig {
    /// The regular expression to match in the input string.
    #[serde(rename = "Regex")]
    pub regex: String,
    /// The replacement string to use when rewriting the matched input.
    #[serde(rename = "Replace")]
    pub replace: String,
}

impl Validate for RewriteConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for RewriteConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            regex: q::required(params, &q::member_key(prefix, "Regex"), q::scalar::<String>)?,
            replace: q::required(
                params,
                &q::member_key(prefix, "Replace"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for RewriteConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Regex", &self.regex);
        q::write_scalar::<String>(w, "Replace", &self.replace);
    }
}

/// ELBv2 structure `Rule`. Information about a rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// The Amazon Resource Name (ARN) of the rule.
    #[serde(rename = "RuleArn", default, skip_serializing_if = "Option::is_none")]
    pub rule_arn: Option<String>,
    /// The priority.
    #[serde(rename = "Priority", default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// The conditions.
    #[serde(
        rename = "Conditions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub conditions: Option<Vec<RuleCondition>>,
    /// The actions.
    #[serde(rename = "Actions", default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<Action>>,
    /// Indicates whether this is the default rule.
    #[serde(rename = "IsDefault", default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// The transforms for the rule.
    #[serde(
        rename = "Transforms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transforms: Option<Vec<RuleTransform>>,
}

impl Validate for Rule {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.conditions {
            for item in value.iter() {
                item.validate(&format!("{path}.Conditions"))?;
            }
        }
        if let Some(value) = &self.actions {
            for item in value.iter() {
                item.validate(&format!("{path}.Actions"))?;
            }
        }
        if let Some(value) = &self.transforms {
            for item in value.iter() {
                item.validate(&format!("{path}.Transforms"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for Rule {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rule_arn {
            q::write_scalar::<String>(w, "RuleArn", value);
        }
        if let Some(value) = &self.priority {
            q::write_scalar::<String>(w, "Priority", value);
        }
        if let Some(value) = &self.conditions {
            q::write_list(
                w,
                "Conditions",
                Some("member"),
                value,
                q::write_structure::<RuleCondition>,
            );
        }
        if let Some(value) = &self.actions {
            q::write_list(
                w,
                "Actions",
                Some("member"),
                value,
                q::write_structure::<Action>,
            );
        }
        if let Some(value) = &self.is_default {
            q::write_scalar::<bool>(w, "IsDefault", value);
        }
        if let Some(value) = &self.transforms {
            q::write_list(
                w,
                "Transforms",
                Some("member"),
                value,
                q::write_structure::<RuleTransform>,
            );
        }
    }
}

/// ELBv2 structure `RuleCondition`. Information about a condition for a rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuleCondition {
    /// The field in the HTTP request.
    #[serde(rename = "Field", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The condition value.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// Information for a host header condition.
    #[serde(
        rename = "HostHeaderConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_header_config: Option<HostHeaderConditionConfig>,
    /// Information for a path pattern condition.
    #[serde(
        rename = "PathPatternConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub path_pattern_config: Option<PathPatternConditionConfig>,
    /// Information for an HTTP header condition.
    #[serde(
        rename = "HttpHeaderConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_header_config: Option<HttpHeaderConditionConfig>,
    /// Information for a query string condition.
    #[serde(
        rename = "QueryStringConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_string_config: Option<QueryStringConditionConfig>,
    /// Information for an HTTP method condition.
    #[serde(
        rename = "HttpRequestMethodConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_request_method_config: Option<HttpRequestMethodConditionConfig>,
    /// Information for a source IP condition.
    #[serde(
        rename = "SourceIpConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_ip_config: Option<SourceIpConditionConfig>,
    /// The regular expressions to match against the condition field.
    #[serde(
        rename = "RegexValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regex_values: Option<Vec<String>>,
}

impl Validate for RuleCondition {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.field {
            check_len(path, "Field", value.chars().count(), 0, 64)?;
        }
        if let Some(value) = &self.host_header_config {
            value.validate(&format!("{path}.HostHeaderConfig"))?;
        }
        if let Some(value) = &self.path_pattern_config {
            value.validate(&format!("{path}.PathPatternConfig"))?;
        }
        if let Some(value) = &self.http_header_config {
            value.validate(&format!("{path}.HttpHeaderConfig"))?;
        }
        if let Some(value) = &self.query_string_config {
            value.validate(&format!("{path}.QueryStringConfig"))?;
        }
        if let Some(value) = &self.http_request_method_config {
            value.validate(&format!("{path}.HttpRequestMethodConfig"))?;
        }
        if let Some(value) = &self.source_ip_config {
            value.validate(&format!("{path}.SourceIpConfig"))?;
        }
        Ok(())
    }
}

impl FromQuery for RuleCondition {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            field: q::scalar::<String>(params, &q::member_key(prefix, "Field"))?,
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
            host_header_config: q::structure::<HostHeaderConditionConfig>(
                params,
                &q::member_key(prefix, "HostHeaderConfig"),
            )?,
            path_pattern_config: q::structure::<PathPatternConditionConfig>(
                params,
                &q::member_key(prefix, "PathPatternConfig"),
            )?,
            http_header_config: q::structure::<HttpHeaderConditionConfig>(
                params,
                &q::member_key(prefix, "HttpHeaderConfig"),
            )?,
            query_string_config: q::structure::<QueryStringConditionConfig>(
                params,
                &q::member_key(prefix, "QueryStringConfig"),
            )?,
            http_request_method_config: q::structure::<HttpRequestMethodConditionConfig>(
                params,
                &q::member_key(prefix, "HttpRequestMethodConfig"),
            )?,
            source_ip_config: q::structure::<SourceIpConditionConfig>(
                params,
                &q::member_key(prefix, "SourceIpConfig"),
            )?,
            regex_values: q::list(
                params,
                &q::member_key(prefix, "RegexValues"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for RuleCondition {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.field {
            q::write_scalar::<String>(w, "Field", value);
        }
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.host_header_config {
            q::write_structure::<HostHeaderConditionConfig>(w, "HostHeaderConfig", value);
        }
        if let Some(value) = &self.path_pattern_config {
            q::write_structure::<PathPatternConditionConfig>(w, "PathPatternConfig", value);
        }
        if let Some(value) = &self.http_header_config {
            q::write_structure::<HttpHeaderConditionConfig>(w, "HttpHeaderConfig", value);
        }
        if let Some(value) = &self.query_string_config {
            q::write_structure::<QueryStringConditionConfig>(w, "QueryStringConfig", value);
        }
        if let Some(value) = &self.http_request_method_config {
            q::write_structure::<HttpRequestMethodConditionConfig>(
                w,
                "HttpRequestMethodConfig",
                value,
            );
        }
        if let Some(value) = &self.source_ip_config {
            q::write_structure::<SourceIpConditionConfig>(w, "SourceIpConfig", value);
        }
        if let Some(value) = &self.regex_values {
            q::write_list(
                w,
                "RegexValues",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 structure `RulePriorityPair`. Information about the priorities for the rules for a listener.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RulePriorityPair {
    /// The Amazon Resource Name (ARN) of the rule.
    #[serde(rename = "RuleArn", default, skip_serializing_if = "Option::is_none")]
    pub rule_arn: Option<String>,
    /// The rule priority.
    #[serde(rename = "Priority", default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
}

impl Validate for RulePriorityPair {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.priority {
            check_range(path, "Priority", i64::from(*value), 1, 50000)?;
        }
        Ok(())
    }
}

impl FromQuery for RulePriorityPair {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rule_arn: q::scalar::<String>(params, &q::member_key(prefix, "RuleArn"))?,
            priority: q::scalar::<i32>(params, &q::member_key(prefix, "Priority"))?,
        })
    }
}

/// ELBv2 structure `RuleTransform`. Information about a transform to apply to requests that match a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleTransform {
    /// The type of transform.
    #[serde(rename = "Type")]
    pub type_: TransformTypeEnum,
    /// Information about a host header rewrite transform.
    #[serde(
        rename = "HostHeaderRewriteConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_header_rewrite_config: Option<HostHeaderRewriteConfig>,
    /// Information about a URL rewrite transform.
    #[serde(
        rename = "UrlRewriteConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub url_rewrite_config: Option<UrlRewriteConfig>,
}

impl Validate for RuleTransform {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.host_header_rewrite_config {
            value.validate(&format!("{path}.HostHeaderRewriteConfig"))?;
        }
        if let Some(value) = &self.url_rewrite_config {
            value.validate(&format!("{path}.UrlRewriteConfig"))?;
        }
        Ok(())
    }
}

impl FromQuery for RuleTransform {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            type_: q::required(
                params,
                &q::member_key(prefix, "Type"),
                q::scalar::<TransformTypeEnum>,
            )?,
            host_header_rewrite_config: q::structure::<HostHeaderRewriteConfig>(
                params,
                &q::member_key(prefix, "HostHeaderRewriteConfig"),
            )?,
            url_rewrite_config: q::structure::<UrlRewriteConfig>(
                params,
                &q::member_key(prefix, "UrlRewriteConfig"),
            )?,
        })
    }
}

impl ToXml for RuleTransform {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<TransformTypeEnum>(w, "Type", &self.type_);
        if let Some(value) = &self.host_header_rewrite_config {
            q::write_structure::<HostHeaderRewriteConfig>(w, "HostHeaderRewriteConfig", value);
        }
        if let Some(value) = &self.url_rewrite_config {
            q::write_structure::<UrlRewriteConfig>(w, "UrlRewriteConfig", value);
        }
    }
}

/// ELBv2 structure `SetRulePrioritiesInput`.
///
/// The request of `SetRulePriorities`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetRulePrioritiesInput {
    /// The rule priorities.
    #[serde(rename = "RulePriorities")]
    pub rule_priorities: Vec<RulePriorityPair>,
}

impl Validate for SetRulePrioritiesInput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.rule_priorities).iter() {
            item.validate(&format!("{path}.RulePriorities"))?;
        }
        Ok(())
    }
}

impl FromQuery for SetRulePrioritiesInput {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rule_priorities: q::required(
                params,
                &q::member_key(prefix, "RulePriorities"),
                |p: &QueryParams, k: &str| {
                    q::list(p, k, Some("member"), q::structure::<RulePriorityPair>)
                },
            )?,
        })
    }
}

/// ELBv2 structure `SetRulePrioritiesOutput`.
///
/// The response of `SetRulePriorities` (written inside `<SetRulePrioritiesResult>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetRulePrioritiesOutput {
    /// Information about the rules.
    #[serde(rename = "Rules", default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<Rule>>,
}

impl Validate for SetRulePrioritiesOutput {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rules {
            for item in value.iter() {
                item.validate(&format!("{path}.Rules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for SetRulePrioritiesOutput {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rules {
            q::write_list(
                w,
                "Rules",
                Some("member"),
                value,
                q::write_structure::<Rule>,
            );
        }
    }
}

/// ELBv2 structure `SourceIpConditionConfig`. Information about a source IP condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceIpConditionConfig {
    /// The source IP addresses, in CIDR format.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Validate for SourceIpConditionConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for SourceIpConditionConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            values: q::list(
                params,
                &q::member_key(prefix, "Values"),
                Some("member"),
                q::scalar::<String>,
            )?,
        })
    }
}

impl ToXml for SourceIpConditionConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.values {
            q::write_list(
                w,
                "Values",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
    }
}

/// ELBv2 structure `SubnetMapping`. Information about a subnet mapping.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubnetMapping {
    /// The ID of the subnet.
    #[serde(rename = "SubnetId", default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// [Network Load Balancers] The allocation ID of the Elastic IP address for an internet-facing load balancer.
    #[serde(
        rename = "AllocationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allocation_id: Option<String>,
    /// [Network Load Balancers] The private IPv4 address for an internal load balancer.
    #[serde(
        rename = "PrivateIPv4Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub private_i_pv4_address: Option<String>,
    /// [Network Load Balancers] The IPv6 address.
    #[serde(
        rename = "IPv6Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub i_pv6_address: Option<String>,
    /// [Network Load Balancers with UDP listeners] The IPv6 prefix to use for source NAT.
    #[serde(
        rename = "SourceNatIpv6Prefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_nat_ipv6_prefix: Option<String>,
}

impl Validate for SubnetMapping {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for SubnetMapping {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            subnet_id: q::scalar::<String>(params, &q::member_key(prefix, "SubnetId"))?,
            allocation_id: q::scalar::<String>(params, &q::member_key(prefix, "AllocationId"))?,
            private_i_pv4_address: q::scalar::<String>(
                params,
                &q::member_key(prefix, "PrivateIPv4Address"),
            )?,
            i_pv6_address: q::scalar::<String>(params, &q::member_key(prefix, "IPv6Address"))?,
            source_nat_ipv6_prefix: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SourceNatIpv6Prefix"),
            )?,
        })
    }
}

/// ELBv2 structure `Tag`. Information about a tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The key of the tag.
    #[serde(rename = "Key")]
    pub key: String,
    /// The value of the tag.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for Tag {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Key", (&self.key).chars().count(), 1, 128)?;
        if let Some(value) = &self.value {
            check_len(path, "Value", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

impl FromQuery for Tag {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::required(params, &q::member_key(prefix, "Key"), q::scalar::<String>)?,
            value: q::scalar::<String>(params, &q::member_key(prefix, "Value"))?,
        })
    }
}

impl ToXml for Tag {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Key", &self.key);
        if let Some(value) = &self.value {
            q::write_scalar::<String>(w, "Value", value);
        }
    }
}

/// ELBv2 structure `TagDescription`. The tags associated with a resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagDescription {
    /// The Amazon Resource Name (ARN) of the resource.
    #[serde(
        rename = "ResourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arn: Option<String>,
    /// Information about the tags.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for TagDescription {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            check_len(path, "Tags", value.len(), 1, usize::MAX)?;
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for TagDescription {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.resource_arn {
            q::write_scalar::<String>(w, "ResourceArn", value);
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "Tags", Some("member"), value, q::write_structure::<Tag>);
        }
    }
}

/// ELBv2 enum `TargetAdministrativeOverrideReasonEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetAdministrativeOverrideReasonEnum {
    #[serde(rename = "AdministrativeOverride.Unknown")]
    AdministrativeOverrideUnknown,
    #[serde(rename = "AdministrativeOverride.NoOverride")]
    AdministrativeOverrideNoOverride,
    #[serde(rename = "AdministrativeOverride.ZonalShiftActive")]
    AdministrativeOverrideZonalShiftActive,
    #[serde(rename = "AdministrativeOverride.ZonalShiftDelegatedToDns")]
    AdministrativeOverrideZonalShiftDelegatedToDns,
}

impl TargetAdministrativeOverrideReasonEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetAdministrativeOverrideReasonEnum] = &[
        TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideUnknown,
        TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideNoOverride,
        TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideZonalShiftActive,
        TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideZonalShiftDelegatedToDns,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideUnknown => "AdministrativeOverride.Unknown",
            TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideNoOverride => "AdministrativeOverride.NoOverride",
            TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideZonalShiftActive => "AdministrativeOverride.ZonalShiftActive",
            TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideZonalShiftDelegatedToDns => "AdministrativeOverride.ZonalShiftDelegatedToDns",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetAdministrativeOverrideReasonEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetAdministrativeOverrideReasonEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `TargetAdministrativeOverrideStateEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetAdministrativeOverrideStateEnum {
    #[serde(rename = "unknown")]
    Unknown,
    #[serde(rename = "no_override")]
    NoOverride,
    #[serde(rename = "zonal_shift_active")]
    ZonalShiftActive,
    #[serde(rename = "zonal_shift_delegated_to_dns")]
    ZonalShiftDelegatedToDns,
}

impl TargetAdministrativeOverrideStateEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetAdministrativeOverrideStateEnum] = &[
        TargetAdministrativeOverrideStateEnum::Unknown,
        TargetAdministrativeOverrideStateEnum::NoOverride,
        TargetAdministrativeOverrideStateEnum::ZonalShiftActive,
        TargetAdministrativeOverrideStateEnum::ZonalShiftDelegatedToDns,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetAdministrativeOverrideStateEnum::Unknown => "unknown",
            TargetAdministrativeOverrideStateEnum::NoOverride => "no_override",
            TargetAdministrativeOverrideStateEnum::ZonalShiftActive => "zonal_shift_active",
            TargetAdministrativeOverrideStateEnum::ZonalShiftDelegatedToDns => {
                "zonal_shift_delegated_to_dns"
            }
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetAdministrativeOverrideStateEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetAdministrativeOverrideStateEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `TargetDescription`. Information about a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetDescription {
    /// The ID of the target.
    #[serde(rename = "Id")]
    pub id: String,
    /// The port on which the target is listening.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// An Availability Zone or all.
    #[serde(
        rename = "AvailabilityZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<String>,
    /// The server ID for the targets.
    #[serde(
        rename = "QuicServerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub quic_server_id: Option<String>,
}

impl Validate for TargetDescription {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.quic_server_id {
            check_len(path, "QuicServerId", value.chars().count(), 1, 256)?;
        }
        Ok(())
    }
}

impl FromQuery for TargetDescription {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            id: q::required(params, &q::member_key(prefix, "Id"), q::scalar::<String>)?,
            port: q::scalar::<i32>(params, &q::member_key(prefix, "Port"))?,
            availability_zone: q::scalar::<String>(
                params,
                &q::member_key(prefix, "AvailabilityZone"),
            )?,
            quic_server_id: q::scalar::<String>(params, &q::member_key(prefix, "QuicServerId"))?,
        })
    }
}

impl ToXml for TargetDescription {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        q::write_scalar::<String>(w, "Id", &self.id);
        if let Some(value) = &self.port {
            q::write_scalar::<i32>(w, "Port", value);
        }
        if let Some(value) = &self.availability_zone {
            q::write_scalar::<String>(w, "AvailabilityZone", value);
        }
        if let Some(value) = &self.quic_server_id {
            q::write_scalar::<String>(w, "QuicServerId", value);
        }
    }
}

/// ELBv2 structure `TargetGroup`. Information about a target group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetGroup {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(
        rename = "TargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    /// The name of the target group.
    #[serde(
        rename = "TargetGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_name: Option<String>,
    /// The protocol to use for routing traffic to the targets.
    #[serde(rename = "Protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolEnum>,
    /// The port on which the targets are listening.
    #[serde(rename = "Port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// The ID of the VPC for the targets.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The protocol to use to connect with the target.
    #[serde(
        rename = "HealthCheckProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_protocol: Option<ProtocolEnum>,
    /// The port to use to connect with the target.
    #[serde(
        rename = "HealthCheckPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_port: Option<String>,
    /// Indicates whether health checks are enabled.
    #[serde(
        rename = "HealthCheckEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_enabled: Option<bool>,
    /// The approximate amount of time, in seconds, between health checks of an individual target.
    #[serde(
        rename = "HealthCheckIntervalSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_interval_seconds: Option<i32>,
    /// The amount of time, in seconds, during which no response means a failed health check.
    #[serde(
        rename = "HealthCheckTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_timeout_seconds: Option<i32>,
    /// The number of consecutive health checks successes required before considering an unhealthy target healthy.
    #[serde(
        rename = "HealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub healthy_threshold_count: Option<i32>,
    /// The number of consecutive health check failures required before considering the target unhealthy.
    #[serde(
        rename = "UnhealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unhealthy_threshold_count: Option<i32>,
    /// The destination for health checks on the targets.
    #[serde(
        rename = "HealthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    /// The HTTP or gRPC codes to use when checking for a successful response from a target.
    #[serde(rename = "Matcher", default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<Matcher>,
    /// The Amazon Resource Name (ARN) of the load balancer that routes traffic to this target group.
    #[serde(
        rename = "LoadBalancerArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arns: Option<Vec<String>>,
    /// The type of target that you must specify when registering targets with this target group.
    #[serde(
        rename = "TargetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<TargetTypeEnum>,
    /// [HTTP/HTTPS protocol] The protocol version.
    #[serde(
        rename = "ProtocolVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protocol_version: Option<String>,
    /// The IP address type.
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<TargetGroupIpAddressTypeEnum>,
    /// The port on which the target control agent and application load balancer exchange management traffic for the target optimizer feature.
    #[serde(
        rename = "TargetControlPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_control_port: Option<i32>,
}

impl Validate for TargetGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.port {
            check_range(path, "Port", i64::from(*value), 1, 65535)?;
        }
        if let Some(value) = &self.health_check_interval_seconds {
            check_range(
                path,
                "HealthCheckIntervalSeconds",
                i64::from(*value),
                5,
                300,
            )?;
        }
        if let Some(value) = &self.health_check_timeout_seconds {
            check_range(path, "HealthCheckTimeoutSeconds", i64::from(*value), 2, 120)?;
        }
        if let Some(value) = &self.healthy_threshold_count {
            check_range(path, "HealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.unhealthy_threshold_count {
            check_range(path, "UnhealthyThresholdCount", i64::from(*value), 2, 10)?;
        }
        if let Some(value) = &self.health_check_path {
            check_len(path, "HealthCheckPath", value.chars().count(), 1, 1024)?;
        }
        if let Some(value) = &self.matcher {
            value.validate(&format!("{path}.Matcher"))?;
        }
        if let Some(value) = &self.target_control_port {
            check_range(path, "TargetControlPort", i64::from(*value), 1, 65535)?;
        }
        Ok(())
    }
}

impl ToXml for TargetGroup {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_group_arn {
            q::write_scalar::<String>(w, "TargetGroupArn", value);
        }
        if let Some(value) = &self.target_group_name {
            q::write_scalar::<String>(w, "TargetGroupName", value);
        }
        if let Some(value) = &self.protocol {
            q::write_scalar::<ProtocolEnum>(w, "Protocol", value);
        }
        if let Some(value) = &self.port {
            q::write_scalar::<i32>(w, "Port", value);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "VpcId", value);
        }
        if let Some(value) = &self.health_check_protocol {
            q::write_scalar::<ProtocolEnum>(w, "HealthCheckProtocol", value);
        }
        if let Some(value) = &self.health_check_port {
            q::write_scalar::<String>(w, "HealthCheckPort", value);
        }
        if let Some(value) = &self.health_check_enabled {
            q::write_scalar::<bool>(w, "HealthCheckEnabled", value);
        }
        if let Some(value) = &self.health_check_interval_seconds {
            q::write_scalar::<i32>(w, "HealthCheckIntervalSeconds", value);
        }
        if let Some(value) = &self.health_check_timeout_seconds {
            q::write_scalar::<i32>(w, "HealthCheckTimeoutSeconds", value);
        }
        if let Some(value) = &self.healthy_threshold_count {
            q::write_scalar::<i32>(w, "HealthyThresholdCount", value);
        }
        if let Some(value) = &self.unhealthy_threshold_count {
            q::write_scalar::<i32>(w, "UnhealthyThresholdCount", value);
        }
        if let Some(value) = &self.health_check_path {
            q::write_scalar::<String>(w, "HealthCheckPath", value);
        }
        if let Some(value) = &self.matcher {
            q::write_structure::<Matcher>(w, "Matcher", value);
        }
        if let Some(value) = &self.load_balancer_arns {
            q::write_list(
                w,
                "LoadBalancerArns",
                Some("member"),
                value,
                q::write_scalar::<String>,
            );
        }
        if let Some(value) = &self.target_type {
            q::write_scalar::<TargetTypeEnum>(w, "TargetType", value);
        }
        if let Some(value) = &self.protocol_version {
            q::write_scalar::<String>(w, "ProtocolVersion", value);
        }
        if let Some(value) = &self.ip_address_type {
            q::write_scalar::<TargetGroupIpAddressTypeEnum>(w, "IpAddressType", value);
        }
        if let Some(value) = &self.target_control_port {
            q::write_scalar::<i32>(w, "TargetControlPort", value);
        }
    }
}

/// ELBv2 structure `TargetGroupAttribute`. Information about a target group attribute.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupAttribute {
    /// The name of the attribute.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the attribute.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for TargetGroupAttribute {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.key {
            check_len(path, "Key", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

impl FromQuery for TargetGroupAttribute {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::scalar::<String>(params, &q::member_key(prefix, "Key"))?,
            value: q::scalar::<String>(params, &q::member_key(prefix, "Value"))?,
        })
    }
}

impl ToXml for TargetGroupAttribute {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.key {
            q::write_scalar::<String>(w, "Key", value);
        }
        if let Some(value) = &self.value {
            q::write_scalar::<String>(w, "Value", value);
        }
    }
}

/// ELBv2 enum `TargetGroupIpAddressTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetGroupIpAddressTypeEnum {
    #[serde(rename = "ipv4")]
    Ipv4,
    #[serde(rename = "ipv6")]
    Ipv6,
}

impl TargetGroupIpAddressTypeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetGroupIpAddressTypeEnum] = &[
        TargetGroupIpAddressTypeEnum::Ipv4,
        TargetGroupIpAddressTypeEnum::Ipv6,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetGroupIpAddressTypeEnum::Ipv4 => "ipv4",
            TargetGroupIpAddressTypeEnum::Ipv6 => "ipv6",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetGroupIpAddressTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetGroupIpAddressTypeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `TargetGroupStickinessConfig`. Information about the target group stickiness for a rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupStickinessConfig {
    /// Indicates whether target group stickiness is enabled.
    #[serde(rename = "Enabled", default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// [Application Load Balancers] The time period, in seconds, during which requests from a client should be routed to the same target group.
    #[serde(
        rename = "DurationSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_seconds: Option<i32>,
}

impl Validate for TargetGroupStickinessConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for TargetGroupStickinessConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            enabled: q::scalar::<bool>(params, &q::member_key(prefix, "Enabled"))?,
            duration_seconds: q::scalar::<i32>(params, &q::member_key(prefix, "DurationSeconds"))?,
        })
    }
}

impl ToXml for TargetGroupStickinessConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.enabled {
            q::write_scalar::<bool>(w, "Enabled", value);
        }
        if let Some(value) = &self.duration_seconds {
            q::write_scalar::<i32>(w, "DurationSeconds", value);
        }
    }
}

/// ELBv2 structure `TargetGroupTuple`. Information about how traffic will be distributed between multiple target groups in a forward rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupTuple {
    /// The Amazon Resource Name (ARN) of the target group.
    #[serde(
        rename = "TargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    /// The weight.
    #[serde(rename = "Weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
}

impl Validate for TargetGroupTuple {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for TargetGroupTuple {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            target_group_arn: q::scalar::<String>(
                params,
                &q::member_key(prefix, "TargetGroupArn"),
            )?,
            weight: q::scalar::<i32>(params, &q::member_key(prefix, "Weight"))?,
        })
    }
}

impl ToXml for TargetGroupTuple {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target_group_arn {
            q::write_scalar::<String>(w, "TargetGroupArn", value);
        }
        if let Some(value) = &self.weight {
            q::write_scalar::<i32>(w, "Weight", value);
        }
    }
}

/// ELBv2 structure `TargetHealth`. Information about the current health of a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetHealth {
    /// The state of the target.
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<TargetHealthStateEnum>,
    /// The reason code.
    #[serde(rename = "Reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TargetHealthReasonEnum>,
    /// A description of the target health that provides additional details.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

impl Validate for TargetHealth {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for TargetHealth {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.state {
            q::write_scalar::<TargetHealthStateEnum>(w, "State", value);
        }
        if let Some(value) = &self.reason {
            q::write_scalar::<TargetHealthReasonEnum>(w, "Reason", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "Description", value);
        }
    }
}

/// ELBv2 structure `TargetHealthDescription`. Information about the health of a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetHealthDescription {
    /// The description of the target.
    #[serde(rename = "Target", default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetDescription>,
    /// The port to use to connect with the target.
    #[serde(
        rename = "HealthCheckPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_port: Option<String>,
    /// The health information for the target.
    #[serde(
        rename = "TargetHealth",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_health: Option<TargetHealth>,
    /// The anomaly detection result for the target.
    #[serde(
        rename = "AnomalyDetection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detection: Option<AnomalyDetection>,
    /// The administrative override information for the target.
    #[serde(
        rename = "AdministrativeOverride",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub administrative_override: Option<AdministrativeOverride>,
}

impl Validate for TargetHealthDescription {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target {
            value.validate(&format!("{path}.Target"))?;
        }
        if let Some(value) = &self.target_health {
            value.validate(&format!("{path}.TargetHealth"))?;
        }
        if let Some(value) = &self.anomaly_detection {
            value.validate(&format!("{path}.AnomalyDetection"))?;
        }
        if let Some(value) = &self.administrative_override {
            value.validate(&format!("{path}.AdministrativeOverride"))?;
        }
        Ok(())
    }
}

impl ToXml for TargetHealthDescription {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.target {
            q::write_structure::<TargetDescription>(w, "Target", value);
        }
        if let Some(value) = &self.health_check_port {
            q::write_scalar::<String>(w, "HealthCheckPort", value);
        }
        if let Some(value) = &self.target_health {
            q::write_structure::<TargetHealth>(w, "TargetHealth", value);
        }
        if let Some(value) = &self.anomaly_detection {
            q::write_structure::<AnomalyDetection>(w, "AnomalyDetection", value);
        }
        if let Some(value) = &self.administrative_override {
            q::write_structure::<AdministrativeOverride>(w, "AdministrativeOverride", value);
        }
    }
}

/// ELBv2 enum `TargetHealthReasonEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetHealthReasonEnum {
    #[serde(rename = "Elb.RegistrationInProgress")]
    ElbRegistrationInProgress,
    #[serde(rename = "Elb.InitialHealthChecking")]
    ElbInitialHealthChecking,
    #[serde(rename = "Target.ResponseCodeMismatch")]
    TargetResponseCodeMismatch,
    #[serde(rename = "Target.Timeout")]
    TargetTimeout,
    #[serde(rename = "Target.FailedHealthChecks")]
    TargetFailedHealthChecks,
    #[serde(rename = "Target.NotRegistered")]
    TargetNotRegistered,
    #[serde(rename = "Target.NotInUse")]
    TargetNotInUse,
    #[serde(rename = "Target.DeregistrationInProgress")]
    TargetDeregistrationInProgress,
    #[serde(rename = "Target.InvalidState")]
    TargetInvalidState,
    #[serde(rename = "Target.IpUnusable")]
    TargetIpUnusable,
    #[serde(rename = "Target.HealthCheckDisabled")]
    TargetHealthCheckDisabled,
    #[serde(rename = "Elb.InternalError")]
    ElbInternalError,
}

impl TargetHealthReasonEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetHealthReasonEnum] = &[
        TargetHealthReasonEnum::ElbRegistrationInProgress,
        TargetHealthReasonEnum::ElbInitialHealthChecking,
        TargetHealthReasonEnum::TargetResponseCodeMismatch,
        TargetHealthReasonEnum::TargetTimeout,
        TargetHealthReasonEnum::TargetFailedHealthChecks,
        TargetHealthReasonEnum::TargetNotRegistered,
        TargetHealthReasonEnum::TargetNotInUse,
        TargetHealthReasonEnum::TargetDeregistrationInProgress,
        TargetHealthReasonEnum::TargetInvalidState,
        TargetHealthReasonEnum::TargetIpUnusable,
        TargetHealthReasonEnum::TargetHealthCheckDisabled,
        TargetHealthReasonEnum::ElbInternalError,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetHealthReasonEnum::ElbRegistrationInProgress => "Elb.RegistrationInProgress",
            TargetHealthReasonEnum::ElbInitialHealthChecking => "Elb.InitialHealthChecking",
            TargetHealthReasonEnum::TargetResponseCodeMismatch => "Target.ResponseCodeMismatch",
            TargetHealthReasonEnum::TargetTimeout => "Target.Timeout",
            TargetHealthReasonEnum::TargetFailedHealthChecks => "Target.FailedHealthChecks",
            TargetHealthReasonEnum::TargetNotRegistered => "Target.NotRegistered",
            TargetHealthReasonEnum::TargetNotInUse => "Target.NotInUse",
            TargetHealthReasonEnum::TargetDeregistrationInProgress => {
                "Target.DeregistrationInProgress"
            }
            TargetHealthReasonEnum::TargetInvalidState => "Target.InvalidState",
            TargetHealthReasonEnum::TargetIpUnusable => "Target.IpUnusable",
            TargetHealthReasonEnum::TargetHealthCheckDisabled => "Target.HealthCheckDisabled",
            TargetHealthReasonEnum::ElbInternalError => "Elb.InternalError",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetHealthReasonEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetHealthReasonEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `TargetHealthStateEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetHealthStateEnum {
    #[serde(rename = "initial")]
    Initial,
    #[serde(rename = "healthy")]
    Healthy,
    #[serde(rename = "unhealthy")]
    Unhealthy,
    #[serde(rename = "unhealthy.draining")]
    UnhealthyDraining,
    #[serde(rename = "unused")]
    Unused,
    #[serde(rename = "draining")]
    Draining,
    #[serde(rename = "unavailable")]
    Unavailable,
}

impl TargetHealthStateEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetHealthStateEnum] = &[
        TargetHealthStateEnum::Initial,
        TargetHealthStateEnum::Healthy,
        TargetHealthStateEnum::Unhealthy,
        TargetHealthStateEnum::UnhealthyDraining,
        TargetHealthStateEnum::Unused,
        TargetHealthStateEnum::Draining,
        TargetHealthStateEnum::Unavailable,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetHealthStateEnum::Initial => "initial",
            TargetHealthStateEnum::Healthy => "healthy",
            TargetHealthStateEnum::Unhealthy => "unhealthy",
            TargetHealthStateEnum::UnhealthyDraining => "unhealthy.draining",
            TargetHealthStateEnum::Unused => "unused",
            TargetHealthStateEnum::Draining => "draining",
            TargetHealthStateEnum::Unavailable => "unavailable",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetHealthStateEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetHealthStateEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `TargetTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetTypeEnum {
    #[serde(rename = "instance")]
    Instance,
    #[serde(rename = "ip")]
    Ip,
    #[serde(rename = "lambda")]
    Lambda,
    #[serde(rename = "alb")]
    Alb,
}

impl TargetTypeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetTypeEnum] = &[
        TargetTypeEnum::Instance,
        TargetTypeEnum::Ip,
        TargetTypeEnum::Lambda,
        TargetTypeEnum::Alb,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetTypeEnum::Instance => "instance",
            TargetTypeEnum::Ip => "ip",
            TargetTypeEnum::Lambda => "lambda",
            TargetTypeEnum::Alb => "alb",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TargetTypeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `TransformTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TransformTypeEnum {
    #[serde(rename = "host-header-rewrite")]
    HostHeaderRewrite,
    #[serde(rename = "url-rewrite")]
    UrlRewrite,
}

impl TransformTypeEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TransformTypeEnum] = &[
        TransformTypeEnum::HostHeaderRewrite,
        TransformTypeEnum::UrlRewrite,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TransformTypeEnum::HostHeaderRewrite => "host-header-rewrite",
            TransformTypeEnum::UrlRewrite => "url-rewrite",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TransformTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TransformTypeEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 enum `TrustStoreAssociationStatusEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TrustStoreAssociationStatusEnum {
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "removed")]
    Removed,
}

impl TrustStoreAssociationStatusEnum {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TrustStoreAssociationStatusEnum] = &[
        TrustStoreAssociationStatusEnum::Active,
        TrustStoreAssociationStatusEnum::Removed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TrustStoreAssociationStatusEnum::Active => "active",
            TrustStoreAssociationStatusEnum::Removed => "removed",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TrustStoreAssociationStatusEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for TrustStoreAssociationStatusEnum {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// ELBv2 structure `UrlRewriteConfig`. Information about a URL rewrite transform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UrlRewriteConfig {
    /// The URL rewrite transform to apply to the request.
    #[serde(rename = "Rewrites", default, skip_serializing_if = "Option::is_none")]
    pub rewrites: Option<Vec<RewriteConfig>>,
}

impl Validate for UrlRewriteConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.rewrites {
            for item in value.iter() {
                item.validate(&format!("{path}.Rewrites"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for UrlRewriteConfig {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            rewrites: q::list(
                params,
                &q::member_key(prefix, "Rewrites"),
                Some("member"),
                q::structure::<RewriteConfig>,
            )?,
        })
    }
}

impl ToXml for UrlRewriteConfig {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.rewrites {
            q::write_list(
                w,
                "Rewrites",
                Some("member"),
                value,
                q::write_structure::<RewriteConfig>,
            );
        }
    }
}
