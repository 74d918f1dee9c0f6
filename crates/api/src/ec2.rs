//! EC2 (subnets and security groups) wire types (EC2 Query), generated from botocore's
//! `ec2/2016-11-15` model by `tools/gen_aws_types.py ec2`.
//!
//! Do not edit by hand: change the generator and run it again. Only the shapes reachable
//! from the operations in [`OPERATIONS`](crate::ec2::OPERATIONS) are here. Structures use
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
use crate::validate::{check_range, Validate, ValidationError};

/// The EC2 API version this module was generated from.
pub const API_VERSION: &str = "2016-11-15";

/// The XML namespace of every EC2 response (`xmlns`).
pub const XML_NAMESPACE: &str = "http://ec2.amazonaws.com/doc/2016-11-15";

/// The SigV4 service name EC2 requests are signed for.
pub const SIGNING_SERVICE: &str = "ec2";

/// The operations this module has types for, by their wire names.
pub const OPERATIONS: &[&str] = &[
    "CreateSubnet",
    "DescribeSubnets",
    "DeleteSubnet",
    "CreateSecurityGroup",
    "DescribeSecurityGroups",
    "DeleteSecurityGroup",
    "AuthorizeSecurityGroupIngress",
    "RevokeSecurityGroupIngress",
];

/// EC2 structure `AuthorizeSecurityGroupIngressRequest`.
///
/// The request of `AuthorizeSecurityGroupIngress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthorizeSecurityGroupIngressRequest {
    /// The IPv4 address range, in CIDR format.
    #[serde(rename = "CidrIp", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ip: Option<String>,
    /// If the protocol is TCP or UDP, this is the start of the port range.
    #[serde(rename = "FromPort", default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// [Default VPC] The name of the security group.
    #[serde(rename = "GroupName", default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// The permissions for the security group rules.
    #[serde(
        rename = "IpPermissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_permissions: Option<Vec<IpPermission>>,
    /// The IP protocol name (tcp, udp, icmp) or number (see Protocol Numbers).
    #[serde(
        rename = "IpProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_protocol: Option<String>,
    /// [Default VPC] The name of the source security group.
    #[serde(
        rename = "SourceSecurityGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_security_group_name: Option<String>,
    /// The Amazon Web Services account ID for the source security group, if the source security group is in a different account.
    #[serde(
        rename = "SourceSecurityGroupOwnerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_security_group_owner_id: Option<String>,
    /// If the protocol is TCP or UDP, this is the end of the port range.
    #[serde(rename = "ToPort", default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The tags applied to the security group rule.
    #[serde(
        rename = "TagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<TagSpecification>>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for AuthorizeSecurityGroupIngressRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ip_permissions {
            for item in value.iter() {
                item.validate(&format!("{path}.IpPermissions"))?;
            }
        }
        if let Some(value) = &self.tag_specifications {
            for item in value.iter() {
                item.validate(&format!("{path}.TagSpecifications"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for AuthorizeSecurityGroupIngressRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            cidr_ip: q::scalar::<String>(params, &q::member_key(prefix, "CidrIp"))?,
            from_port: q::scalar::<i32>(params, &q::member_key(prefix, "FromPort"))?,
            group_id: q::scalar::<String>(params, &q::member_key(prefix, "GroupId"))?,
            group_name: q::scalar::<String>(params, &q::member_key(prefix, "GroupName"))?,
            ip_permissions: q::list(
                params,
                &q::member_key(prefix, "IpPermissions"),
                None,
                q::structure::<IpPermission>,
            )?,
            ip_protocol: q::scalar::<String>(params, &q::member_key(prefix, "IpProtocol"))?,
            source_security_group_name: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SourceSecurityGroupName"),
            )?,
            source_security_group_owner_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SourceSecurityGroupOwnerId"),
            )?,
            to_port: q::scalar::<i32>(params, &q::member_key(prefix, "ToPort"))?,
            tag_specifications: q::list(
                params,
                &q::member_key(prefix, "TagSpecification"),
                None,
                q::structure::<TagSpecification>,
            )?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `AuthorizeSecurityGroupIngressResult`.
///
/// The response of `AuthorizeSecurityGroupIngress` (written inside `<AuthorizeSecurityGroupIngressResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthorizeSecurityGroupIngressResult {
    /// Returns true if the request succeeds; otherwise, returns an error.
    #[serde(rename = "Return", default, skip_serializing_if = "Option::is_none")]
    pub return_: Option<bool>,
    /// Information about the inbound (ingress) security group rules that were added.
    #[serde(
        rename = "SecurityGroupRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_rules: Option<Vec<SecurityGroupRule>>,
}

impl Validate for AuthorizeSecurityGroupIngressResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.security_group_rules {
            for item in value.iter() {
                item.validate(&format!("{path}.SecurityGroupRules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for AuthorizeSecurityGroupIngressResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.return_ {
            q::write_scalar::<bool>(w, "return", value);
        }
        if let Some(value) = &self.security_group_rules {
            q::write_list(
                w,
                "securityGroupRuleSet",
                Some("item"),
                value,
                q::write_structure::<SecurityGroupRule>,
            );
        }
    }
}

/// EC2 enum `BlockPublicAccessMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BlockPublicAccessMode {
    #[serde(rename = "off")]
    Off,
    #[serde(rename = "block-bidirectional")]
    BlockBidirectional,
    #[serde(rename = "block-ingress")]
    BlockIngress,
}

impl BlockPublicAccessMode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [BlockPublicAccessMode] = &[
        BlockPublicAccessMode::Off,
        BlockPublicAccessMode::BlockBidirectional,
        BlockPublicAccessMode::BlockIngress,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            BlockPublicAccessMode::Off => "off",
            BlockPublicAccessMode::BlockBidirectional => "block-bidirectional",
            BlockPublicAccessMode::BlockIngress => "block-ingress",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for BlockPublicAccessMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for BlockPublicAccessMode {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `BlockPublicAccessStates`. The state of VPC Block Public Access (BPA).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BlockPublicAccessStates {
    /// The mode of VPC BPA.
    #[serde(
        rename = "InternetGatewayBlockMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub internet_gateway_block_mode: Option<BlockPublicAccessMode>,
}

impl Validate for BlockPublicAccessStates {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for BlockPublicAccessStates {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.internet_gateway_block_mode {
            q::write_scalar::<BlockPublicAccessMode>(w, "internetGatewayBlockMode", value);
        }
    }
}

/// EC2 structure `CreateSecurityGroupRequest`.
///
/// The request of `CreateSecurityGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSecurityGroupRequest {
    /// A description for the security group.
    #[serde(rename = "Description")]
    pub description: String,
    /// The name of the security group.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// The ID of the VPC.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The tags to assign to the security group.
    #[serde(
        rename = "TagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<TagSpecification>>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for CreateSecurityGroupRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_specifications {
            for item in value.iter() {
                item.validate(&format!("{path}.TagSpecifications"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for CreateSecurityGroupRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            description: q::required(
                params,
                &q::member_key(prefix, "GroupDescription"),
                q::scalar::<String>,
            )?,
            group_name: q::required(
                params,
                &q::member_key(prefix, "GroupName"),
                q::scalar::<String>,
            )?,
            vpc_id: q::scalar::<String>(params, &q::member_key(prefix, "VpcId"))?,
            tag_specifications: q::list(
                params,
                &q::member_key(prefix, "TagSpecification"),
                None,
                q::structure::<TagSpecification>,
            )?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `CreateSecurityGroupResult`.
///
/// The response of `CreateSecurityGroup` (written inside `<CreateSecurityGroupResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSecurityGroupResult {
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The tags assigned to the security group.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The security group ARN.
    #[serde(
        rename = "SecurityGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_arn: Option<String>,
}

impl Validate for CreateSecurityGroupResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for CreateSecurityGroupResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "tagSet", Some("item"), value, q::write_structure::<Tag>);
        }
        if let Some(value) = &self.security_group_arn {
            q::write_scalar::<String>(w, "securityGroupArn", value);
        }
    }
}

/// EC2 structure `CreateSubnetRequest`.
///
/// The request of `CreateSubnet`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSubnetRequest {
    /// The tags to assign to the subnet.
    #[serde(
        rename = "TagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<TagSpecification>>,
    /// The Availability Zone or Local Zone for the subnet.
    #[serde(
        rename = "AvailabilityZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<String>,
    /// The AZ ID or the Local Zone ID of the subnet.
    #[serde(
        rename = "AvailabilityZoneId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_id: Option<String>,
    /// The IPv4 network range for the subnet, in CIDR notation.
    #[serde(rename = "CidrBlock", default, skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    /// The IPv6 network range for the subnet, in CIDR notation.
    #[serde(
        rename = "Ipv6CidrBlock",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_cidr_block: Option<String>,
    /// The Amazon Resource Name (ARN) of the Outpost.
    #[serde(
        rename = "OutpostArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub outpost_arn: Option<String>,
    /// The ID of the VPC.
    #[serde(rename = "VpcId")]
    pub vpc_id: String,
    /// Indicates whether to create an IPv6 only subnet.
    #[serde(
        rename = "Ipv6Native",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_native: Option<bool>,
    /// An IPv4 IPAM pool ID for the subnet.
    #[serde(
        rename = "Ipv4IpamPoolId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv4_ipam_pool_id: Option<String>,
    /// An IPv4 netmask length for the subnet.
    #[serde(
        rename = "Ipv4NetmaskLength",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv4_netmask_length: Option<i32>,
    /// An IPv6 IPAM pool ID for the subnet.
    #[serde(
        rename = "Ipv6IpamPoolId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_ipam_pool_id: Option<String>,
    /// An IPv6 netmask length for the subnet.
    #[serde(
        rename = "Ipv6NetmaskLength",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_netmask_length: Option<i32>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for CreateSubnetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_specifications {
            for item in value.iter() {
                item.validate(&format!("{path}.TagSpecifications"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for CreateSubnetRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            tag_specifications: q::list(
                params,
                &q::member_key(prefix, "TagSpecification"),
                None,
                q::structure::<TagSpecification>,
            )?,
            availability_zone: q::scalar::<String>(
                params,
                &q::member_key(prefix, "AvailabilityZone"),
            )?,
            availability_zone_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "AvailabilityZoneId"),
            )?,
            cidr_block: q::scalar::<String>(params, &q::member_key(prefix, "CidrBlock"))?,
            ipv6_cidr_block: q::scalar::<String>(params, &q::member_key(prefix, "Ipv6CidrBlock"))?,
            outpost_arn: q::scalar::<String>(params, &q::member_key(prefix, "OutpostArn"))?,
            vpc_id: q::required(params, &q::member_key(prefix, "VpcId"), q::scalar::<String>)?,
            ipv6_native: q::scalar::<bool>(params, &q::member_key(prefix, "Ipv6Native"))?,
            ipv4_ipam_pool_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "Ipv4IpamPoolId"),
            )?,
            ipv4_netmask_length: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "Ipv4NetmaskLength"),
            )?,
            ipv6_ipam_pool_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "Ipv6IpamPoolId"),
            )?,
            ipv6_netmask_length: q::scalar::<i32>(
                params,
                &q::member_key(prefix, "Ipv6NetmaskLength"),
            )?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `CreateSubnetResult`.
///
/// The response of `CreateSubnet` (written inside `<CreateSubnetResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSubnetResult {
    /// Information about the subnet.
    #[serde(rename = "Subnet", default, skip_serializing_if = "Option::is_none")]
    pub subnet: Option<Subnet>,
}

impl Validate for CreateSubnetResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.subnet {
            value.validate(&format!("{path}.Subnet"))?;
        }
        Ok(())
    }
}

impl ToXml for CreateSubnetResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.subnet {
            q::write_structure::<Subnet>(w, "subnet", value);
        }
    }
}

/// EC2 structure `DeleteSecurityGroupRequest`.
///
/// The request of `DeleteSecurityGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSecurityGroupRequest {
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// [Default VPC] The name of the security group.
    #[serde(rename = "GroupName", default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for DeleteSecurityGroupRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteSecurityGroupRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            group_id: q::scalar::<String>(params, &q::member_key(prefix, "GroupId"))?,
            group_name: q::scalar::<String>(params, &q::member_key(prefix, "GroupName"))?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `DeleteSecurityGroupResult`.
///
/// The response of `DeleteSecurityGroup` (written inside `<DeleteSecurityGroupResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSecurityGroupResult {
    /// Returns true if the request succeeds; otherwise, returns an error.
    #[serde(rename = "Return", default, skip_serializing_if = "Option::is_none")]
    pub return_: Option<bool>,
    /// The ID of the deleted security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

impl Validate for DeleteSecurityGroupResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for DeleteSecurityGroupResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.return_ {
            q::write_scalar::<bool>(w, "return", value);
        }
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
    }
}

/// EC2 structure `DeleteSubnetRequest`.
///
/// The request of `DeleteSubnet`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSubnetRequest {
    /// The ID of the subnet.
    #[serde(rename = "SubnetId")]
    pub subnet_id: String,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for DeleteSubnetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for DeleteSubnetRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            subnet_id: q::required(
                params,
                &q::member_key(prefix, "SubnetId"),
                q::scalar::<String>,
            )?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `DescribeSecurityGroupsRequest`.
///
/// The request of `DescribeSecurityGroups`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSecurityGroupsRequest {
    /// The IDs of the security groups.
    #[serde(rename = "GroupIds", default, skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<Vec<String>>,
    /// [Default VPC] The names of the security groups.
    #[serde(
        rename = "GroupNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub group_names: Option<Vec<String>>,
    /// The token returned from a previous paginated request.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of items to return for this request.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// The filters.
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
}

impl Validate for DescribeSecurityGroupsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 5, 1000)?;
        }
        if let Some(value) = &self.filters {
            for item in value.iter() {
                item.validate(&format!("{path}.Filters"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for DescribeSecurityGroupsRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            group_ids: q::list(
                params,
                &q::member_key(prefix, "GroupId"),
                None,
                q::scalar::<String>,
            )?,
            group_names: q::list(
                params,
                &q::member_key(prefix, "GroupName"),
                None,
                q::scalar::<String>,
            )?,
            next_token: q::scalar::<String>(params, &q::member_key(prefix, "NextToken"))?,
            max_results: q::scalar::<i32>(params, &q::member_key(prefix, "MaxResults"))?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
            filters: q::list(
                params,
                &q::member_key(prefix, "Filter"),
                None,
                q::structure::<Filter>,
            )?,
        })
    }
}

/// EC2 structure `DescribeSecurityGroupsResult`.
///
/// The response of `DescribeSecurityGroups` (written inside `<DescribeSecurityGroupsResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSecurityGroupsResult {
    /// The token to include in another request to get the next page of items.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Information about the security groups.
    #[serde(
        rename = "SecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<SecurityGroup>>,
}

impl Validate for DescribeSecurityGroupsResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.security_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.SecurityGroups"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeSecurityGroupsResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.next_token {
            q::write_scalar::<String>(w, "nextToken", value);
        }
        if let Some(value) = &self.security_groups {
            q::write_list(
                w,
                "securityGroupInfo",
                Some("item"),
                value,
                q::write_structure::<SecurityGroup>,
            );
        }
    }
}

/// EC2 structure `DescribeSubnetsRequest`.
///
/// The request of `DescribeSubnets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSubnetsRequest {
    /// The filters.
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// The IDs of the subnets.
    #[serde(rename = "SubnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    /// The token returned from a previous paginated request.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The maximum number of items to return for this request.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for DescribeSubnetsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.filters {
            for item in value.iter() {
                item.validate(&format!("{path}.Filters"))?;
            }
        }
        if let Some(value) = &self.max_results {
            check_range(path, "MaxResults", i64::from(*value), 5, 1000)?;
        }
        Ok(())
    }
}

impl FromQuery for DescribeSubnetsRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            filters: q::list(
                params,
                &q::member_key(prefix, "Filter"),
                None,
                q::structure::<Filter>,
            )?,
            subnet_ids: q::list(
                params,
                &q::member_key(prefix, "SubnetId"),
                None,
                q::scalar::<String>,
            )?,
            next_token: q::scalar::<String>(params, &q::member_key(prefix, "NextToken"))?,
            max_results: q::scalar::<i32>(params, &q::member_key(prefix, "MaxResults"))?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `DescribeSubnetsResult`.
///
/// The response of `DescribeSubnets` (written inside `<DescribeSubnetsResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSubnetsResult {
    /// The token to include in another request to get the next page of items.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Information about the subnets.
    #[serde(rename = "Subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<Subnet>>,
}

impl Validate for DescribeSubnetsResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.subnets {
            for item in value.iter() {
                item.validate(&format!("{path}.Subnets"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for DescribeSubnetsResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.next_token {
            q::write_scalar::<String>(w, "nextToken", value);
        }
        if let Some(value) = &self.subnets {
            q::write_list(
                w,
                "subnetSet",
                Some("item"),
                value,
                q::write_structure::<Subnet>,
            );
        }
    }
}

/// EC2 structure `Filter`. A filter name and value pair that is used to return a more specific list of results from a describe operation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// The name of the filter.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The filter values.
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Validate for Filter {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for Filter {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            name: q::scalar::<String>(params, &q::member_key(prefix, "Name"))?,
            values: q::list(
                params,
                &q::member_key(prefix, "Value"),
                None,
                q::scalar::<String>,
            )?,
        })
    }
}

/// EC2 enum `HostnameType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HostnameType {
    #[serde(rename = "ip-name")]
    IpName,
    #[serde(rename = "resource-name")]
    ResourceName,
}

impl HostnameType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [HostnameType] = &[HostnameType::IpName, HostnameType::ResourceName];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            HostnameType::IpName => "ip-name",
            HostnameType::ResourceName => "resource-name",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for HostnameType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for HostnameType {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `IpPermission`. Describes the permissions for a security group rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IpPermission {
    /// The IP protocol name (tcp, udp, icmp, icmpv6) or number (see Protocol Numbers).
    #[serde(
        rename = "IpProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_protocol: Option<String>,
    /// If the protocol is TCP or UDP, this is the start of the port range.
    #[serde(rename = "FromPort", default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// If the protocol is TCP or UDP, this is the end of the port range.
    #[serde(rename = "ToPort", default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The security group and Amazon Web Services account ID pairs.
    #[serde(
        rename = "UserIdGroupPairs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id_group_pairs: Option<Vec<UserIdGroupPair>>,
    /// The IPv4 address ranges.
    #[serde(rename = "IpRanges", default, skip_serializing_if = "Option::is_none")]
    pub ip_ranges: Option<Vec<IpRange>>,
    /// The IPv6 address ranges.
    #[serde(
        rename = "Ipv6Ranges",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_ranges: Option<Vec<Ipv6Range>>,
    /// The prefix list IDs.
    #[serde(
        rename = "PrefixListIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prefix_list_ids: Option<Vec<PrefixListId>>,
}

impl Validate for IpPermission {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.user_id_group_pairs {
            for item in value.iter() {
                item.validate(&format!("{path}.UserIdGroupPairs"))?;
            }
        }
        if let Some(value) = &self.ip_ranges {
            for item in value.iter() {
                item.validate(&format!("{path}.IpRanges"))?;
            }
        }
        if let Some(value) = &self.ipv6_ranges {
            for item in value.iter() {
                item.validate(&format!("{path}.Ipv6Ranges"))?;
            }
        }
        if let Some(value) = &self.prefix_list_ids {
            for item in value.iter() {
                item.validate(&format!("{path}.PrefixListIds"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for IpPermission {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            ip_protocol: q::scalar::<String>(params, &q::member_key(prefix, "IpProtocol"))?,
            from_port: q::scalar::<i32>(params, &q::member_key(prefix, "FromPort"))?,
            to_port: q::scalar::<i32>(params, &q::member_key(prefix, "ToPort"))?,
            user_id_group_pairs: q::list(
                params,
                &q::member_key(prefix, "Groups"),
                None,
                q::structure::<UserIdGroupPair>,
            )?,
            ip_ranges: q::list(
                params,
                &q::member_key(prefix, "IpRanges"),
                None,
                q::structure::<IpRange>,
            )?,
            ipv6_ranges: q::list(
                params,
                &q::member_key(prefix, "Ipv6Ranges"),
                None,
                q::structure::<Ipv6Range>,
            )?,
            prefix_list_ids: q::list(
                params,
                &q::member_key(prefix, "PrefixListIds"),
                None,
                q::structure::<PrefixListId>,
            )?,
        })
    }
}

impl ToXml for IpPermission {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.ip_protocol {
            q::write_scalar::<String>(w, "ipProtocol", value);
        }
        if let Some(value) = &self.from_port {
            q::write_scalar::<i32>(w, "fromPort", value);
        }
        if let Some(value) = &self.to_port {
            q::write_scalar::<i32>(w, "toPort", value);
        }
        if let Some(value) = &self.user_id_group_pairs {
            q::write_list(
                w,
                "groups",
                Some("item"),
                value,
                q::write_structure::<UserIdGroupPair>,
            );
        }
        if let Some(value) = &self.ip_ranges {
            q::write_list(
                w,
                "ipRanges",
                Some("item"),
                value,
                q::write_structure::<IpRange>,
            );
        }
        if let Some(value) = &self.ipv6_ranges {
            q::write_list(
                w,
                "ipv6Ranges",
                Some("item"),
                value,
                q::write_structure::<Ipv6Range>,
            );
        }
        if let Some(value) = &self.prefix_list_ids {
            q::write_list(
                w,
                "prefixListIds",
                Some("item"),
                value,
                q::write_structure::<PrefixListId>,
            );
        }
    }
}

/// EC2 structure `IpRange`. Describes an IPv4 address range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IpRange {
    /// A description for the security group rule that references this IPv4 address range.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The IPv4 address range.
    #[serde(rename = "CidrIp", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ip: Option<String>,
}

impl Validate for IpRange {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for IpRange {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            description: q::scalar::<String>(params, &q::member_key(prefix, "Description"))?,
            cidr_ip: q::scalar::<String>(params, &q::member_key(prefix, "CidrIp"))?,
        })
    }
}

impl ToXml for IpRange {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
        if let Some(value) = &self.cidr_ip {
            q::write_scalar::<String>(w, "cidrIp", value);
        }
    }
}

/// EC2 enum `IpSource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IpSource {
    #[serde(rename = "amazon")]
    Amazon,
    #[serde(rename = "byoip")]
    Byoip,
    #[serde(rename = "none")]
    None,
}

impl IpSource {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [IpSource] = &[IpSource::Amazon, IpSource::Byoip, IpSource::None];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IpSource::Amazon => "amazon",
            IpSource::Byoip => "byoip",
            IpSource::None => "none",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IpSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for IpSource {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 enum `Ipv6AddressAttribute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ipv6AddressAttribute {
    #[serde(rename = "public")]
    Public,
    #[serde(rename = "private")]
    Private,
}

impl Ipv6AddressAttribute {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [Ipv6AddressAttribute] =
        &[Ipv6AddressAttribute::Public, Ipv6AddressAttribute::Private];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Ipv6AddressAttribute::Public => "public",
            Ipv6AddressAttribute::Private => "private",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Ipv6AddressAttribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for Ipv6AddressAttribute {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `Ipv6Range`. Describes an IPv6 address range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ipv6Range {
    /// A description for the security group rule that references this IPv6 address range.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The IPv6 address range.
    #[serde(rename = "CidrIpv6", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ipv6: Option<String>,
}

impl Validate for Ipv6Range {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for Ipv6Range {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            description: q::scalar::<String>(params, &q::member_key(prefix, "Description"))?,
            cidr_ipv6: q::scalar::<String>(params, &q::member_key(prefix, "CidrIpv6"))?,
        })
    }
}

impl ToXml for Ipv6Range {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
        if let Some(value) = &self.cidr_ipv6 {
            q::write_scalar::<String>(w, "cidrIpv6", value);
        }
    }
}

/// EC2 structure `PrefixListId`. Describes a prefix list ID.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrefixListId {
    /// A description for the security group rule that references this prefix list ID.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The ID of the prefix.
    #[serde(
        rename = "PrefixListId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prefix_list_id: Option<String>,
}

impl Validate for PrefixListId {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for PrefixListId {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            description: q::scalar::<String>(params, &q::member_key(prefix, "Description"))?,
            prefix_list_id: q::scalar::<String>(params, &q::member_key(prefix, "PrefixListId"))?,
        })
    }
}

impl ToXml for PrefixListId {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
        if let Some(value) = &self.prefix_list_id {
            q::write_scalar::<String>(w, "prefixListId", value);
        }
    }
}

/// EC2 structure `PrivateDnsNameOptionsOnLaunch`. Describes the options for instance hostnames.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivateDnsNameOptionsOnLaunch {
    /// The type of hostname for EC2 instances.
    #[serde(
        rename = "HostnameType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hostname_type: Option<HostnameType>,
    /// Indicates whether to respond to DNS queries for instance hostnames with DNS A records.
    #[serde(
        rename = "EnableResourceNameDnsARecord",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_resource_name_dns_a_record: Option<bool>,
    /// Indicates whether to respond to DNS queries for instance hostname with DNS AAAA records.
    #[serde(
        rename = "EnableResourceNameDnsAAAARecord",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_resource_name_dns_aaaa_record: Option<bool>,
}

impl Validate for PrivateDnsNameOptionsOnLaunch {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for PrivateDnsNameOptionsOnLaunch {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.hostname_type {
            q::write_scalar::<HostnameType>(w, "hostnameType", value);
        }
        if let Some(value) = &self.enable_resource_name_dns_a_record {
            q::write_scalar::<bool>(w, "enableResourceNameDnsARecord", value);
        }
        if let Some(value) = &self.enable_resource_name_dns_aaaa_record {
            q::write_scalar::<bool>(w, "enableResourceNameDnsAAAARecord", value);
        }
    }
}

/// EC2 structure `ReferencedSecurityGroup`. Describes the security group that is referenced in the security group rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReferencedSecurityGroup {
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The status of a VPC peering connection, if applicable.
    #[serde(
        rename = "PeeringStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub peering_status: Option<String>,
    /// The Amazon Web Services account ID.
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The ID of the VPC.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The ID of the VPC peering connection (if applicable).
    #[serde(
        rename = "VpcPeeringConnectionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_peering_connection_id: Option<String>,
}

impl Validate for ReferencedSecurityGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for ReferencedSecurityGroup {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.peering_status {
            q::write_scalar::<String>(w, "peeringStatus", value);
        }
        if let Some(value) = &self.user_id {
            q::write_scalar::<String>(w, "userId", value);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "vpcId", value);
        }
        if let Some(value) = &self.vpc_peering_connection_id {
            q::write_scalar::<String>(w, "vpcPeeringConnectionId", value);
        }
    }
}

/// EC2 enum `ResourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceType {
    #[serde(rename = "capacity-reservation")]
    CapacityReservation,
    #[serde(rename = "client-vpn-endpoint")]
    ClientVpnEndpoint,
    #[serde(rename = "customer-gateway")]
    CustomerGateway,
    #[serde(rename = "carrier-gateway")]
    CarrierGateway,
    #[serde(rename = "coip-pool")]
    CoipPool,
    #[serde(rename = "declarative-policies-report")]
    DeclarativePoliciesReport,
    #[serde(rename = "dedicated-host")]
    DedicatedHost,
    #[serde(rename = "dhcp-options")]
    DhcpOptions,
    #[serde(rename = "egress-only-internet-gateway")]
    EgressOnlyInternetGateway,
    #[serde(rename = "elastic-ip")]
    ElasticIp,
    #[serde(rename = "elastic-gpu")]
    ElasticGpu,
    #[serde(rename = "export-image-task")]
    ExportImageTask,
    #[serde(rename = "export-instance-task")]
    ExportInstanceTask,
    #[serde(rename = "fleet")]
    Fleet,
    #[serde(rename = "fpga-image")]
    FpgaImage,
    #[serde(rename = "host-reservation")]
    HostReservation,
    #[serde(rename = "image")]
    Image,
    #[serde(rename = "image-usage-report")]
    ImageUsageReport,
    #[serde(rename = "import-image-task")]
    ImportImageTask,
    #[serde(rename = "import-snapshot-task")]
    ImportSnapshotTask,
    #[serde(rename = "instance")]
    Instance,
    #[serde(rename = "instance-event-window")]
    InstanceEventWindow,
    #[serde(rename = "internet-gateway")]
    InternetGateway,
    #[serde(rename = "ipam")]
    Ipam,
    #[serde(rename = "ipam-pool")]
    IpamPool,
    #[serde(rename = "ipam-scope")]
    IpamScope,
    #[serde(rename = "ipv4pool-ec2")]
    Ipv4poolEc2,
    #[serde(rename = "ipv6pool-ec2")]
    Ipv6poolEc2,
    #[serde(rename = "key-pair")]
    KeyPair,
    #[serde(rename = "launch-template")]
    LaunchTemplate,
    #[serde(rename = "local-gateway")]
    LocalGateway,
    #[serde(rename = "local-gateway-route-table")]
    LocalGatewayRouteTable,
    #[serde(rename = "local-gateway-virtual-interface")]
    LocalGatewayVirtualInterface,
    #[serde(rename = "local-gateway-virtual-interface-group")]
    LocalGatewayVirtualInterfaceGroup,
    #[serde(rename = "local-gateway-route-table-vpc-association")]
    LocalGatewayRouteTableVpcAssociation,
    #[serde(rename = "local-gateway-route-table-virtual-interface-group-association")]
    LocalGatewayRouteTableVirtualInterfaceGroupAssociation,
    #[serde(rename = "natgateway")]
    Natgateway,
    #[serde(rename = "network-acl")]
    NetworkAcl,
    #[serde(rename = "network-interface")]
    NetworkInterface,
    #[serde(rename = "network-insights-analysis")]
    NetworkInsightsAnalysis,
    #[serde(rename = "network-insights-path")]
    NetworkInsightsPath,
    #[serde(rename = "network-insights-access-scope")]
    NetworkInsightsAccessScope,
    #[serde(rename = "network-insights-access-scope-analysis")]
    NetworkInsightsAccessScopeAnalysis,
    #[serde(rename = "outpost-lag")]
    OutpostLag,
    #[serde(rename = "placement-group")]
    PlacementGroup,
    #[serde(rename = "prefix-list")]
    PrefixList,
    #[serde(rename = "replace-root-volume-task")]
    ReplaceRootVolumeTask,
    #[serde(rename = "reserved-instances")]
    ReservedInstances,
    #[serde(rename = "route-table")]
    RouteTable,
    #[serde(rename = "security-group")]
    SecurityGroup,
    #[serde(rename = "security-group-rule")]
    SecurityGroupRule,
    #[serde(rename = "service-link-virtual-interface")]
    ServiceLinkVirtualInterface,
    #[serde(rename = "snapshot")]
    Snapshot,
    #[serde(rename = "spot-fleet-request")]
    SpotFleetRequest,
    #[serde(rename = "spot-instances-request")]
    SpotInstancesRequest,
    #[serde(rename = "subnet")]
    Subnet,
    #[serde(rename = "subnet-cidr-reservation")]
    SubnetCidrReservation,
    #[serde(rename = "traffic-mirror-filter")]
    TrafficMirrorFilter,
    #[serde(rename = "traffic-mirror-session")]
    TrafficMirrorSession,
    #[serde(rename = "traffic-mirror-target")]
    TrafficMirrorTarget,
    #[serde(rename = "transit-gateway")]
    TransitGateway,
    #[serde(rename = "transit-gateway-attachment")]
    TransitGatewayAttachment,
    #[serde(rename = "transit-gateway-connect-peer")]
    TransitGatewayConnectPeer,
    #[serde(rename = "transit-gateway-multicast-domain")]
    TransitGatewayMulticastDomain,
    #[serde(rename = "transit-gateway-policy-table")]
    TransitGatewayPolicyTable,
    #[serde(rename = "transit-gateway-metering-policy")]
    TransitGatewayMeteringPolicy,
    #[serde(rename = "transit-gateway-route-table")]
    TransitGatewayRouteTable,
    #[serde(rename = "transit-gateway-route-table-announcement")]
    TransitGatewayRouteTableAnnouncement,
    #[serde(rename = "volume")]
    Volume,
    #[serde(rename = "vpc")]
    Vpc,
    #[serde(rename = "vpc-endpoint")]
    VpcEndpoint,
    #[serde(rename = "vpc-endpoint-connection")]
    VpcEndpointConnection,
    #[serde(rename = "vpc-endpoint-service")]
    VpcEndpointService,
    #[serde(rename = "vpc-endpoint-service-permission")]
    VpcEndpointServicePermission,
    #[serde(rename = "vpc-peering-connection")]
    VpcPeeringConnection,
    #[serde(rename = "vpn-connection")]
    VpnConnection,
    #[serde(rename = "vpn-gateway")]
    VpnGateway,
    #[serde(rename = "vpc-flow-log")]
    VpcFlowLog,
    #[serde(rename = "capacity-reservation-fleet")]
    CapacityReservationFleet,
    #[serde(rename = "traffic-mirror-filter-rule")]
    TrafficMirrorFilterRule,
    #[serde(rename = "vpc-endpoint-connection-device-type")]
    VpcEndpointConnectionDeviceType,
    #[serde(rename = "verified-access-instance")]
    VerifiedAccessInstance,
    #[serde(rename = "verified-access-group")]
    VerifiedAccessGroup,
    #[serde(rename = "verified-access-endpoint")]
    VerifiedAccessEndpoint,
    #[serde(rename = "verified-access-policy")]
    VerifiedAccessPolicy,
    #[serde(rename = "verified-access-trust-provider")]
    VerifiedAccessTrustProvider,
    #[serde(rename = "vpn-connection-device-type")]
    VpnConnectionDeviceType,
    #[serde(rename = "vpc-block-public-access-exclusion")]
    VpcBlockPublicAccessExclusion,
    #[serde(rename = "vpc-encryption-control")]
    VpcEncryptionControl,
    #[serde(rename = "route-server")]
    RouteServer,
    #[serde(rename = "route-server-endpoint")]
    RouteServerEndpoint,
    #[serde(rename = "route-server-peer")]
    RouteServerPeer,
    #[serde(rename = "ipam-resource-discovery")]
    IpamResourceDiscovery,
    #[serde(rename = "ipam-resource-discovery-association")]
    IpamResourceDiscoveryAssociation,
    #[serde(rename = "instance-connect-endpoint")]
    InstanceConnectEndpoint,
    #[serde(rename = "verified-access-endpoint-target")]
    VerifiedAccessEndpointTarget,
    #[serde(rename = "ipam-external-resource-verification-token")]
    IpamExternalResourceVerificationToken,
    #[serde(rename = "capacity-block")]
    CapacityBlock,
    #[serde(rename = "mac-modification-task")]
    MacModificationTask,
    #[serde(rename = "ipam-prefix-list-resolver")]
    IpamPrefixListResolver,
    #[serde(rename = "ipam-policy")]
    IpamPolicy,
    #[serde(rename = "ipam-prefix-list-resolver-target")]
    IpamPrefixListResolverTarget,
    #[serde(rename = "secondary-interface")]
    SecondaryInterface,
    #[serde(rename = "secondary-network")]
    SecondaryNetwork,
    #[serde(rename = "secondary-subnet")]
    SecondarySubnet,
    #[serde(rename = "capacity-manager-data-export")]
    CapacityManagerDataExport,
    #[serde(rename = "vpn-concentrator")]
    VpnConcentrator,
    #[serde(rename = "ipam-pool-allocation")]
    IpamPoolAllocation,
}

impl ResourceType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ResourceType] = &[
        ResourceType::CapacityReservation,
        ResourceType::ClientVpnEndpoint,
        ResourceType::CustomerGateway,
        ResourceType::CarrierGateway,
        ResourceType::CoipPool,
        ResourceType::DeclarativePoliciesReport,
        ResourceType::DedicatedHost,
        ResourceType::DhcpOptions,
        ResourceType::EgressOnlyInternetGateway,
        ResourceType::ElasticIp,
        ResourceType::ElasticGpu,
        ResourceType::ExportImageTask,
        ResourceType::ExportInstanceTask,
        ResourceType::Fleet,
        ResourceType::FpgaImage,
        ResourceType::HostReservation,
        ResourceType::Image,
        ResourceType::ImageUsageReport,
        ResourceType::ImportImageTask,
        ResourceType::ImportSnapshotTask,
        ResourceType::Instance,
        ResourceType::InstanceEventWindow,
        ResourceType::InternetGateway,
        ResourceType::Ipam,
        ResourceType::IpamPool,
        ResourceType::IpamScope,
        ResourceType::Ipv4poolEc2,
        ResourceType::Ipv6poolEc2,
        ResourceType::KeyPair,
        ResourceType::LaunchTemplate,
        ResourceType::LocalGateway,
        ResourceType::LocalGatewayRouteTable,
        ResourceType::LocalGatewayVirtualInterface,
        ResourceType::LocalGatewayVirtualInterfaceGroup,
        ResourceType::LocalGatewayRouteTableVpcAssociation,
        ResourceType::LocalGatewayRouteTableVirtualInterfaceGroupAssociation,
        ResourceType::Natgateway,
        ResourceType::NetworkAcl,
        ResourceType::NetworkInterface,
        ResourceType::NetworkInsightsAnalysis,
        ResourceType::NetworkInsightsPath,
        ResourceType::NetworkInsightsAccessScope,
        ResourceType::NetworkInsightsAccessScopeAnalysis,
        ResourceType::OutpostLag,
        ResourceType::PlacementGroup,
        ResourceType::PrefixList,
        ResourceType::ReplaceRootVolumeTask,
        ResourceType::ReservedInstances,
        ResourceType::RouteTable,
        ResourceType::SecurityGroup,
        ResourceType::SecurityGroupRule,
        ResourceType::ServiceLinkVirtualInterface,
        ResourceType::Snapshot,
        ResourceType::SpotFleetRequest,
        ResourceType::SpotInstancesRequest,
        ResourceType::Subnet,
        ResourceType::SubnetCidrReservation,
        ResourceType::TrafficMirrorFilter,
        ResourceType::TrafficMirrorSession,
        ResourceType::TrafficMirrorTarget,
        ResourceType::TransitGateway,
        ResourceType::TransitGatewayAttachment,
        ResourceType::TransitGatewayConnectPeer,
        ResourceType::TransitGatewayMulticastDomain,
        ResourceType::TransitGatewayPolicyTable,
        ResourceType::TransitGatewayMeteringPolicy,
        ResourceType::TransitGatewayRouteTable,
        ResourceType::TransitGatewayRouteTableAnnouncement,
        ResourceType::Volume,
        ResourceType::Vpc,
        ResourceType::VpcEndpoint,
        ResourceType::VpcEndpointConnection,
        ResourceType::VpcEndpointService,
        ResourceType::VpcEndpointServicePermission,
        ResourceType::VpcPeeringConnection,
        ResourceType::VpnConnection,
        ResourceType::VpnGateway,
        ResourceType::VpcFlowLog,
        ResourceType::CapacityReservationFleet,
        ResourceType::TrafficMirrorFilterRule,
        ResourceType::VpcEndpointConnectionDeviceType,
        ResourceType::VerifiedAccessInstance,
        ResourceType::VerifiedAccessGroup,
        ResourceType::VerifiedAccessEndpoint,
        ResourceType::VerifiedAccessPolicy,
        ResourceType::VerifiedAccessTrustProvider,
        ResourceType::VpnConnectionDeviceType,
        ResourceType::VpcBlockPublicAccessExclusion,
        ResourceType::VpcEncryptionControl,
        ResourceType::RouteServer,
        ResourceType::RouteServerEndpoint,
        ResourceType::RouteServerPeer,
        ResourceType::IpamResourceDiscovery,
        ResourceType::IpamResourceDiscoveryAssociation,
        ResourceType::InstanceConnectEndpoint,
        ResourceType::VerifiedAccessEndpointTarget,
        ResourceType::IpamExternalResourceVerificationToken,
        ResourceType::CapacityBlock,
        ResourceType::MacModificationTask,
        ResourceType::IpamPrefixListResolver,
        ResourceType::IpamPolicy,
        ResourceType::IpamPrefixListResolverTarget,
        ResourceType::SecondaryInterface,
        ResourceType::SecondaryNetwork,
        ResourceType::SecondarySubnet,
        ResourceType::CapacityManagerDataExport,
        ResourceType::VpnConcentrator,
        ResourceType::IpamPoolAllocation,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceType::CapacityReservation => "capacity-reservation",
            ResourceType::ClientVpnEndpoint => "client-vpn-endpoint",
            ResourceType::CustomerGateway => "customer-gateway",
            ResourceType::CarrierGateway => "carrier-gateway",
            ResourceType::CoipPool => "coip-pool",
            ResourceType::DeclarativePoliciesReport => "declarative-policies-report",
            ResourceType::DedicatedHost => "dedicated-host",
            ResourceType::DhcpOptions => "dhcp-options",
            ResourceType::EgressOnlyInternetGateway => "egress-only-internet-gateway",
            ResourceType::ElasticIp => "elastic-ip",
            ResourceType::ElasticGpu => "elastic-gpu",
            ResourceType::ExportImageTask => "export-image-task",
            ResourceType::ExportInstanceTask => "export-instance-task",
            ResourceType::Fleet => "fleet",
            ResourceType::FpgaImage => "fpga-image",
            ResourceType::HostReservation => "host-reservation",
            ResourceType::Image => "image",
            ResourceType::ImageUsageReport => "image-usage-report",
            ResourceType::ImportImageTask => "import-image-task",
            ResourceType::ImportSnapshotTask => "import-snapshot-task",
            ResourceType::Instance => "instance",
            ResourceType::InstanceEventWindow => "instance-event-window",
            ResourceType::InternetGateway => "internet-gateway",
            ResourceType::Ipam => "ipam",
            ResourceType::IpamPool => "ipam-pool",
            ResourceType::IpamScope => "ipam-scope",
            ResourceType::Ipv4poolEc2 => "ipv4pool-ec2",
            ResourceType::Ipv6poolEc2 => "ipv6pool-ec2",
            ResourceType::KeyPair => "key-pair",
            ResourceType::LaunchTemplate => "launch-template",
            ResourceType::LocalGateway => "local-gateway",
            ResourceType::LocalGatewayRouteTable => "local-gateway-route-table",
            ResourceType::LocalGatewayVirtualInterface => "local-gateway-virtual-interface",
            ResourceType::LocalGatewayVirtualInterfaceGroup => {
                "local-gateway-virtual-interface-group"
            }
            ResourceType::LocalGatewayRouteTableVpcAssociation => {
                "local-gateway-route-table-vpc-association"
            }
            ResourceType::LocalGatewayRouteTableVirtualInterfaceGroupAssociation => {
                "local-gateway-route-table-virtual-interface-group-association"
            }
            ResourceType::Natgateway => "natgateway",
            ResourceType::NetworkAcl => "network-acl",
            ResourceType::NetworkInterface => "network-interface",
            ResourceType::NetworkInsightsAnalysis => "network-insights-analysis",
            ResourceType::NetworkInsightsPath => "network-insights-path",
            ResourceType::NetworkInsightsAccessScope => "network-insights-access-scope",
            ResourceType::NetworkInsightsAccessScopeAnalysis => {
                "network-insights-access-scope-analysis"
            }
            ResourceType::OutpostLag => "outpost-lag",
            ResourceType::PlacementGroup => "placement-group",
            ResourceType::PrefixList => "prefix-list",
            ResourceType::ReplaceRootVolumeTask => "replace-root-volume-task",
            ResourceType::ReservedInstances => "reserved-instances",
            ResourceType::RouteTable => "route-table",
            ResourceType::SecurityGroup => "security-group",
            ResourceType::SecurityGroupRule => "security-group-rule",
            ResourceType::ServiceLinkVirtualInterface => "service-link-virtual-interface",
            ResourceType::Snapshot => "snapshot",
            ResourceType::SpotFleetRequest => "spot-fleet-request",
            ResourceType::SpotInstancesRequest => "spot-instances-request",
            ResourceType::Subnet => "subnet",
            ResourceType::SubnetCidrReservation => "subnet-cidr-reservation",
            ResourceType::TrafficMirrorFilter => "traffic-mirror-filter",
            ResourceType::TrafficMirrorSession => "traffic-mirror-session",
            ResourceType::TrafficMirrorTarget => "traffic-mirror-target",
            ResourceType::TransitGateway => "transit-gateway",
            ResourceType::TransitGatewayAttachment => "transit-gateway-attachment",
            ResourceType::TransitGatewayConnectPeer => "transit-gateway-connect-peer",
            ResourceType::TransitGatewayMulticastDomain => "transit-gateway-multicast-domain",
            ResourceType::TransitGatewayPolicyTable => "transit-gateway-policy-table",
            ResourceType::TransitGatewayMeteringPolicy => "transit-gateway-metering-policy",
            ResourceType::TransitGatewayRouteTable => "transit-gateway-route-table",
            ResourceType::TransitGatewayRouteTableAnnouncement => {
                "transit-gateway-route-table-announcement"
            }
            ResourceType::Volume => "volume",
            ResourceType::Vpc => "vpc",
            ResourceType::VpcEndpoint => "vpc-endpoint",
            ResourceType::VpcEndpointConnection => "vpc-endpoint-connection",
            ResourceType::VpcEndpointService => "vpc-endpoint-service",
            ResourceType::VpcEndpointServicePermission => "vpc-endpoint-service-permission",
            ResourceType::VpcPeeringConnection => "vpc-peering-connection",
            ResourceType::VpnConnection => "vpn-connection",
            ResourceType::VpnGateway => "vpn-gateway",
            ResourceType::VpcFlowLog => "vpc-flow-log",
            ResourceType::CapacityReservationFleet => "capacity-reservation-fleet",
            ResourceType::TrafficMirrorFilterRule => "traffic-mirror-filter-rule",
            ResourceType::VpcEndpointConnectionDeviceType => "vpc-endpoint-connection-device-type",
            ResourceType::VerifiedAccessInstance => "verified-access-instance",
            ResourceType::VerifiedAccessGroup => "verified-access-group",
            ResourceType::VerifiedAccessEndpoint => "verified-access-endpoint",
            ResourceType::VerifiedAccessPolicy => "verified-access-policy",
            ResourceType::VerifiedAccessTrustProvider => "verified-access-trust-provider",
            ResourceType::VpnConnectionDeviceType => "vpn-connection-device-type",
            ResourceType::VpcBlockPublicAccessExclusion => "vpc-block-public-access-exclusion",
            ResourceType::VpcEncryptionControl => "vpc-encryption-control",
            ResourceType::RouteServer => "route-server",
            ResourceType::RouteServerEndpoint => "route-server-endpoint",
            ResourceType::RouteServerPeer => "route-server-peer",
            ResourceType::IpamResourceDiscovery => "ipam-resource-discovery",
            ResourceType::IpamResourceDiscoveryAssociation => "ipam-resource-discovery-association",
            ResourceType::InstanceConnectEndpoint => "instance-connect-endpoint",
            ResourceType::VerifiedAccessEndpointTarget => "verified-access-endpoint-target",
            ResourceType::IpamExternalResourceVerificationToken => {
                "ipam-external-resource-verification-token"
            }
            ResourceType::CapacityBlock => "capacity-block",
            ResourceType::MacModificationTask => "mac-modification-task",
            ResourceType::IpamPrefixListResolver => "ipam-prefix-list-resolver",
            ResourceType::IpamPolicy => "ipam-policy",
            ResourceType::IpamPrefixListResolverTarget => "ipam-prefix-list-resolver-target",
            ResourceType::SecondaryInterface => "secondary-interface",
            ResourceType::SecondaryNetwork => "secondary-network",
            ResourceType::SecondarySubnet => "secondary-subnet",
            ResourceType::CapacityManagerDataExport => "capacity-manager-data-export",
            ResourceType::VpnConcentrator => "vpn-concentrator",
            ResourceType::IpamPoolAllocation => "ipam-pool-allocation",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for ResourceType {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `RevokeSecurityGroupIngressRequest`.
///
/// The request of `RevokeSecurityGroupIngress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevokeSecurityGroupIngressRequest {
    /// The CIDR IP address range.
    #[serde(rename = "CidrIp", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ip: Option<String>,
    /// If the protocol is TCP or UDP, this is the start of the port range.
    #[serde(rename = "FromPort", default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// [Default VPC] The name of the security group.
    #[serde(rename = "GroupName", default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// The sets of IP permissions.
    #[serde(
        rename = "IpPermissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_permissions: Option<Vec<IpPermission>>,
    /// The IP protocol name (tcp, udp, icmp) or number (see Protocol Numbers).
    #[serde(
        rename = "IpProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_protocol: Option<String>,
    /// [Default VPC] The name of the source security group.
    #[serde(
        rename = "SourceSecurityGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_security_group_name: Option<String>,
    /// Not supported.
    #[serde(
        rename = "SourceSecurityGroupOwnerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_security_group_owner_id: Option<String>,
    /// If the protocol is TCP or UDP, this is the end of the port range.
    #[serde(rename = "ToPort", default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The IDs of the security group rules.
    #[serde(
        rename = "SecurityGroupRuleIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_rule_ids: Option<Vec<String>>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

impl Validate for RevokeSecurityGroupIngressRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ip_permissions {
            for item in value.iter() {
                item.validate(&format!("{path}.IpPermissions"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for RevokeSecurityGroupIngressRequest {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            cidr_ip: q::scalar::<String>(params, &q::member_key(prefix, "CidrIp"))?,
            from_port: q::scalar::<i32>(params, &q::member_key(prefix, "FromPort"))?,
            group_id: q::scalar::<String>(params, &q::member_key(prefix, "GroupId"))?,
            group_name: q::scalar::<String>(params, &q::member_key(prefix, "GroupName"))?,
            ip_permissions: q::list(
                params,
                &q::member_key(prefix, "IpPermissions"),
                None,
                q::structure::<IpPermission>,
            )?,
            ip_protocol: q::scalar::<String>(params, &q::member_key(prefix, "IpProtocol"))?,
            source_security_group_name: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SourceSecurityGroupName"),
            )?,
            source_security_group_owner_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "SourceSecurityGroupOwnerId"),
            )?,
            to_port: q::scalar::<i32>(params, &q::member_key(prefix, "ToPort"))?,
            security_group_rule_ids: q::list(
                params,
                &q::member_key(prefix, "SecurityGroupRuleId"),
                None,
                q::scalar::<String>,
            )?,
            dry_run: q::scalar::<bool>(params, &q::member_key(prefix, "DryRun"))?,
        })
    }
}

/// EC2 structure `RevokeSecurityGroupIngressResult`.
///
/// The response of `RevokeSecurityGroupIngress` (written inside `<RevokeSecurityGroupIngressResponse>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevokeSecurityGroupIngressResult {
    /// Returns true if the request succeeds; otherwise, returns an error.
    #[serde(rename = "Return", default, skip_serializing_if = "Option::is_none")]
    pub return_: Option<bool>,
    /// The inbound rules that were unknown to the service.
    #[serde(
        rename = "UnknownIpPermissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unknown_ip_permissions: Option<Vec<IpPermission>>,
    /// Details about the revoked security group rules.
    #[serde(
        rename = "RevokedSecurityGroupRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub revoked_security_group_rules: Option<Vec<RevokedSecurityGroupRule>>,
}

impl Validate for RevokeSecurityGroupIngressResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.unknown_ip_permissions {
            for item in value.iter() {
                item.validate(&format!("{path}.UnknownIpPermissions"))?;
            }
        }
        if let Some(value) = &self.revoked_security_group_rules {
            for item in value.iter() {
                item.validate(&format!("{path}.RevokedSecurityGroupRules"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for RevokeSecurityGroupIngressResult {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.return_ {
            q::write_scalar::<bool>(w, "return", value);
        }
        if let Some(value) = &self.unknown_ip_permissions {
            q::write_list(
                w,
                "unknownIpPermissionSet",
                Some("item"),
                value,
                q::write_structure::<IpPermission>,
            );
        }
        if let Some(value) = &self.revoked_security_group_rules {
            q::write_list(
                w,
                "revokedSecurityGroupRuleSet",
                Some("item"),
                value,
                q::write_structure::<RevokedSecurityGroupRule>,
            );
        }
    }
}

/// EC2 structure `RevokedSecurityGroupRule`. A security group rule removed with RevokeSecurityGroupEgress or RevokeSecurityGroupIngress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevokedSecurityGroupRule {
    /// A security group rule ID.
    #[serde(
        rename = "SecurityGroupRuleId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_rule_id: Option<String>,
    /// A security group ID.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Defines if a security group rule is an outbound rule.
    #[serde(rename = "IsEgress", default, skip_serializing_if = "Option::is_none")]
    pub is_egress: Option<bool>,
    /// The security group rule's protocol.
    #[serde(
        rename = "IpProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_protocol: Option<String>,
    /// The 'from' port number of the security group rule.
    #[serde(rename = "FromPort", default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// The 'to' port number of the security group rule.
    #[serde(rename = "ToPort", default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The IPv4 CIDR of the traffic source.
    #[serde(rename = "CidrIpv4", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ipv4: Option<String>,
    /// The IPv6 CIDR of the traffic source.
    #[serde(rename = "CidrIpv6", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ipv6: Option<String>,
    /// The ID of a prefix list that's the traffic source.
    #[serde(
        rename = "PrefixListId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prefix_list_id: Option<String>,
    /// The ID of a referenced security group.
    #[serde(
        rename = "ReferencedGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub referenced_group_id: Option<String>,
    /// A description of the revoked security group rule.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

impl Validate for RevokedSecurityGroupRule {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for RevokedSecurityGroupRule {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.security_group_rule_id {
            q::write_scalar::<String>(w, "securityGroupRuleId", value);
        }
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.is_egress {
            q::write_scalar::<bool>(w, "isEgress", value);
        }
        if let Some(value) = &self.ip_protocol {
            q::write_scalar::<String>(w, "ipProtocol", value);
        }
        if let Some(value) = &self.from_port {
            q::write_scalar::<i32>(w, "fromPort", value);
        }
        if let Some(value) = &self.to_port {
            q::write_scalar::<i32>(w, "toPort", value);
        }
        if let Some(value) = &self.cidr_ipv4 {
            q::write_scalar::<String>(w, "cidrIpv4", value);
        }
        if let Some(value) = &self.cidr_ipv6 {
            q::write_scalar::<String>(w, "cidrIpv6", value);
        }
        if let Some(value) = &self.prefix_list_id {
            q::write_scalar::<String>(w, "prefixListId", value);
        }
        if let Some(value) = &self.referenced_group_id {
            q::write_scalar::<String>(w, "referencedGroupId", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
    }
}

/// EC2 structure `SecurityGroup`. Describes a security group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroup {
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The outbound rules associated with the security group.
    #[serde(
        rename = "IpPermissionsEgress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_permissions_egress: Option<Vec<IpPermission>>,
    /// Any tags assigned to the security group.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The ID of the VPC for the security group.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The ARN of the security group.
    #[serde(
        rename = "SecurityGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_arn: Option<String>,
    /// The Amazon Web Services account ID of the owner of the security group.
    #[serde(rename = "OwnerId", default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// The name of the security group.
    #[serde(rename = "GroupName", default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// A description of the security group.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The inbound rules associated with the security group.
    #[serde(
        rename = "IpPermissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_permissions: Option<Vec<IpPermission>>,
}

impl Validate for SecurityGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ip_permissions_egress {
            for item in value.iter() {
                item.validate(&format!("{path}.IpPermissionsEgress"))?;
            }
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.ip_permissions {
            for item in value.iter() {
                item.validate(&format!("{path}.IpPermissions"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for SecurityGroup {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.ip_permissions_egress {
            q::write_list(
                w,
                "ipPermissionsEgress",
                Some("item"),
                value,
                q::write_structure::<IpPermission>,
            );
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "tagSet", Some("item"), value, q::write_structure::<Tag>);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "vpcId", value);
        }
        if let Some(value) = &self.security_group_arn {
            q::write_scalar::<String>(w, "securityGroupArn", value);
        }
        if let Some(value) = &self.owner_id {
            q::write_scalar::<String>(w, "ownerId", value);
        }
        if let Some(value) = &self.group_name {
            q::write_scalar::<String>(w, "groupName", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "groupDescription", value);
        }
        if let Some(value) = &self.ip_permissions {
            q::write_list(
                w,
                "ipPermissions",
                Some("item"),
                value,
                q::write_structure::<IpPermission>,
            );
        }
    }
}

/// EC2 structure `SecurityGroupRule`. Describes a security group rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroupRule {
    /// The ID of the security group rule.
    #[serde(
        rename = "SecurityGroupRuleId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_rule_id: Option<String>,
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The ID of the Amazon Web Services account that owns the security group.
    #[serde(
        rename = "GroupOwnerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub group_owner_id: Option<String>,
    /// Indicates whether the security group rule is an outbound rule.
    #[serde(rename = "IsEgress", default, skip_serializing_if = "Option::is_none")]
    pub is_egress: Option<bool>,
    /// The IP protocol name (tcp, udp, icmp, icmpv6) or number (see Protocol Numbers).
    #[serde(
        rename = "IpProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_protocol: Option<String>,
    /// If the protocol is TCP or UDP, this is the start of the port range.
    #[serde(rename = "FromPort", default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// If the protocol is TCP or UDP, this is the end of the port range.
    #[serde(rename = "ToPort", default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The IPv4 CIDR range.
    #[serde(rename = "CidrIpv4", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ipv4: Option<String>,
    /// The IPv6 CIDR range.
    #[serde(rename = "CidrIpv6", default, skip_serializing_if = "Option::is_none")]
    pub cidr_ipv6: Option<String>,
    /// The ID of the prefix list.
    #[serde(
        rename = "PrefixListId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prefix_list_id: Option<String>,
    /// Describes the security group that is referenced in the rule.
    #[serde(
        rename = "ReferencedGroupInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub referenced_group_info: Option<ReferencedSecurityGroup>,
    /// The security group rule description.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The tags applied to the security group rule.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The ARN of the security group rule.
    #[serde(
        rename = "SecurityGroupRuleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_rule_arn: Option<String>,
}

impl Validate for SecurityGroupRule {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.referenced_group_info {
            value.validate(&format!("{path}.ReferencedGroupInfo"))?;
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl ToXml for SecurityGroupRule {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.security_group_rule_id {
            q::write_scalar::<String>(w, "securityGroupRuleId", value);
        }
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.group_owner_id {
            q::write_scalar::<String>(w, "groupOwnerId", value);
        }
        if let Some(value) = &self.is_egress {
            q::write_scalar::<bool>(w, "isEgress", value);
        }
        if let Some(value) = &self.ip_protocol {
            q::write_scalar::<String>(w, "ipProtocol", value);
        }
        if let Some(value) = &self.from_port {
            q::write_scalar::<i32>(w, "fromPort", value);
        }
        if let Some(value) = &self.to_port {
            q::write_scalar::<i32>(w, "toPort", value);
        }
        if let Some(value) = &self.cidr_ipv4 {
            q::write_scalar::<String>(w, "cidrIpv4", value);
        }
        if let Some(value) = &self.cidr_ipv6 {
            q::write_scalar::<String>(w, "cidrIpv6", value);
        }
        if let Some(value) = &self.prefix_list_id {
            q::write_scalar::<String>(w, "prefixListId", value);
        }
        if let Some(value) = &self.referenced_group_info {
            q::write_structure::<ReferencedSecurityGroup>(w, "referencedGroupInfo", value);
        }
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "tagSet", Some("item"), value, q::write_structure::<Tag>);
        }
        if let Some(value) = &self.security_group_rule_arn {
            q::write_scalar::<String>(w, "securityGroupRuleArn", value);
        }
    }
}

/// EC2 structure `Subnet`. Describes a subnet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Subnet {
    /// The AZ ID of the subnet.
    #[serde(
        rename = "AvailabilityZoneId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_id: Option<String>,
    /// Indicates the device position for local network interfaces in this subnet.
    #[serde(
        rename = "EnableLniAtDeviceIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_lni_at_device_index: Option<i32>,
    /// Indicates whether a network interface created in this subnet (including a network interface created by RunInstances) receives a customer-owned IPv4 address.
    #[serde(
        rename = "MapCustomerOwnedIpOnLaunch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub map_customer_owned_ip_on_launch: Option<bool>,
    /// The customer-owned IPv4 address pool associated with the subnet.
    #[serde(
        rename = "CustomerOwnedIpv4Pool",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_owned_ipv4_pool: Option<String>,
    /// The ID of the Amazon Web Services account that owns the subnet.
    #[serde(rename = "OwnerId", default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// Indicates whether a network interface created in this subnet (including a network interface created by RunInstances) receives an IPv6 address.
    #[serde(
        rename = "AssignIpv6AddressOnCreation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assign_ipv6_address_on_creation: Option<bool>,
    /// Information about the IPv6 CIDR blocks associated with the subnet.
    #[serde(
        rename = "Ipv6CidrBlockAssociationSet",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_cidr_block_association_set: Option<Vec<SubnetIpv6CidrBlockAssociation>>,
    /// Any tags assigned to the subnet.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// The Amazon Resource Name (ARN) of the subnet.
    #[serde(rename = "SubnetArn", default, skip_serializing_if = "Option::is_none")]
    pub subnet_arn: Option<String>,
    /// The Amazon Resource Name (ARN) of the Outpost.
    #[serde(
        rename = "OutpostArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub outpost_arn: Option<String>,
    /// Indicates whether DNS queries made to the Amazon-provided DNS Resolver in this subnet should return synthetic IPv6 addresses for IPv4-only destinations.
    #[serde(
        rename = "EnableDns64",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_dns64: Option<bool>,
    /// Indicates whether this is an IPv6 only subnet.
    #[serde(
        rename = "Ipv6Native",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_native: Option<bool>,
    /// The type of hostnames to assign to instances in the subnet at launch.
    #[serde(
        rename = "PrivateDnsNameOptionsOnLaunch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub private_dns_name_options_on_launch: Option<PrivateDnsNameOptionsOnLaunch>,
    /// The state of VPC Block Public Access (BPA).
    #[serde(
        rename = "BlockPublicAccessStates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub block_public_access_states: Option<BlockPublicAccessStates>,
    /// Indicates if this is a subnet used with Amazon Elastic VMware Service (EVS).
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The ID of the subnet.
    #[serde(rename = "SubnetId", default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The current state of the subnet.
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SubnetState>,
    /// The ID of the VPC the subnet is in.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The IPv4 CIDR block assigned to the subnet.
    #[serde(rename = "CidrBlock", default, skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    /// The number of unused private IPv4 addresses in the subnet.
    #[serde(
        rename = "AvailableIpAddressCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_ip_address_count: Option<i32>,
    /// The Availability Zone of the subnet.
    #[serde(
        rename = "AvailabilityZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<String>,
    /// Indicates whether this is the default subnet for the Availability Zone.
    #[serde(
        rename = "DefaultForAz",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_for_az: Option<bool>,
    /// Indicates whether instances launched in this subnet receive a public IPv4 address.
    #[serde(
        rename = "MapPublicIpOnLaunch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub map_public_ip_on_launch: Option<bool>,
}

impl Validate for Subnet {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ipv6_cidr_block_association_set {
            for item in value.iter() {
                item.validate(&format!("{path}.Ipv6CidrBlockAssociationSet"))?;
            }
        }
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        if let Some(value) = &self.private_dns_name_options_on_launch {
            value.validate(&format!("{path}.PrivateDnsNameOptionsOnLaunch"))?;
        }
        if let Some(value) = &self.block_public_access_states {
            value.validate(&format!("{path}.BlockPublicAccessStates"))?;
        }
        Ok(())
    }
}

impl ToXml for Subnet {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.availability_zone_id {
            q::write_scalar::<String>(w, "availabilityZoneId", value);
        }
        if let Some(value) = &self.enable_lni_at_device_index {
            q::write_scalar::<i32>(w, "enableLniAtDeviceIndex", value);
        }
        if let Some(value) = &self.map_customer_owned_ip_on_launch {
            q::write_scalar::<bool>(w, "mapCustomerOwnedIpOnLaunch", value);
        }
        if let Some(value) = &self.customer_owned_ipv4_pool {
            q::write_scalar::<String>(w, "customerOwnedIpv4Pool", value);
        }
        if let Some(value) = &self.owner_id {
            q::write_scalar::<String>(w, "ownerId", value);
        }
        if let Some(value) = &self.assign_ipv6_address_on_creation {
            q::write_scalar::<bool>(w, "assignIpv6AddressOnCreation", value);
        }
        if let Some(value) = &self.ipv6_cidr_block_association_set {
            q::write_list(
                w,
                "ipv6CidrBlockAssociationSet",
                Some("item"),
                value,
                q::write_structure::<SubnetIpv6CidrBlockAssociation>,
            );
        }
        if let Some(value) = &self.tags {
            q::write_list(w, "tagSet", Some("item"), value, q::write_structure::<Tag>);
        }
        if let Some(value) = &self.subnet_arn {
            q::write_scalar::<String>(w, "subnetArn", value);
        }
        if let Some(value) = &self.outpost_arn {
            q::write_scalar::<String>(w, "outpostArn", value);
        }
        if let Some(value) = &self.enable_dns64 {
            q::write_scalar::<bool>(w, "enableDns64", value);
        }
        if let Some(value) = &self.ipv6_native {
            q::write_scalar::<bool>(w, "ipv6Native", value);
        }
        if let Some(value) = &self.private_dns_name_options_on_launch {
            q::write_structure::<PrivateDnsNameOptionsOnLaunch>(
                w,
                "privateDnsNameOptionsOnLaunch",
                value,
            );
        }
        if let Some(value) = &self.block_public_access_states {
            q::write_structure::<BlockPublicAccessStates>(w, "blockPublicAccessStates", value);
        }
        if let Some(value) = &self.type_ {
            q::write_scalar::<String>(w, "type", value);
        }
        if let Some(value) = &self.subnet_id {
            q::write_scalar::<String>(w, "subnetId", value);
        }
        if let Some(value) = &self.state {
            q::write_scalar::<SubnetState>(w, "state", value);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "vpcId", value);
        }
        if let Some(value) = &self.cidr_block {
            q::write_scalar::<String>(w, "cidrBlock", value);
        }
        if let Some(value) = &self.available_ip_address_count {
            q::write_scalar::<i32>(w, "availableIpAddressCount", value);
        }
        if let Some(value) = &self.availability_zone {
            q::write_scalar::<String>(w, "availabilityZone", value);
        }
        if let Some(value) = &self.default_for_az {
            q::write_scalar::<bool>(w, "defaultForAz", value);
        }
        if let Some(value) = &self.map_public_ip_on_launch {
            q::write_scalar::<bool>(w, "mapPublicIpOnLaunch", value);
        }
    }
}

/// EC2 structure `SubnetCidrBlockState`. Describes the state of a CIDR block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubnetCidrBlockState {
    /// The state of a CIDR block.
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SubnetCidrBlockStateCode>,
    /// A message about the status of the CIDR block, if applicable.
    #[serde(
        rename = "StatusMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_message: Option<String>,
}

impl Validate for SubnetCidrBlockState {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl ToXml for SubnetCidrBlockState {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.state {
            q::write_scalar::<SubnetCidrBlockStateCode>(w, "state", value);
        }
        if let Some(value) = &self.status_message {
            q::write_scalar::<String>(w, "statusMessage", value);
        }
    }
}

/// EC2 enum `SubnetCidrBlockStateCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SubnetCidrBlockStateCode {
    #[serde(rename = "associating")]
    Associating,
    #[serde(rename = "associated")]
    Associated,
    #[serde(rename = "disassociating")]
    Disassociating,
    #[serde(rename = "disassociated")]
    Disassociated,
    #[serde(rename = "failing")]
    Failing,
    #[serde(rename = "failed")]
    Failed,
}

impl SubnetCidrBlockStateCode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SubnetCidrBlockStateCode] = &[
        SubnetCidrBlockStateCode::Associating,
        SubnetCidrBlockStateCode::Associated,
        SubnetCidrBlockStateCode::Disassociating,
        SubnetCidrBlockStateCode::Disassociated,
        SubnetCidrBlockStateCode::Failing,
        SubnetCidrBlockStateCode::Failed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SubnetCidrBlockStateCode::Associating => "associating",
            SubnetCidrBlockStateCode::Associated => "associated",
            SubnetCidrBlockStateCode::Disassociating => "disassociating",
            SubnetCidrBlockStateCode::Disassociated => "disassociated",
            SubnetCidrBlockStateCode::Failing => "failing",
            SubnetCidrBlockStateCode::Failed => "failed",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SubnetCidrBlockStateCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for SubnetCidrBlockStateCode {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `SubnetIpv6CidrBlockAssociation`. Describes an association between a subnet and an IPv6 CIDR block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubnetIpv6CidrBlockAssociation {
    /// The ID of the association.
    #[serde(
        rename = "AssociationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub association_id: Option<String>,
    /// The IPv6 CIDR block.
    #[serde(
        rename = "Ipv6CidrBlock",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_cidr_block: Option<String>,
    /// The state of the CIDR block.
    #[serde(
        rename = "Ipv6CidrBlockState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_cidr_block_state: Option<SubnetCidrBlockState>,
    /// Public IPv6 addresses are those advertised on the internet from Amazon Web Services.
    #[serde(
        rename = "Ipv6AddressAttribute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_address_attribute: Option<Ipv6AddressAttribute>,
    /// The source that allocated the IP address space.
    #[serde(rename = "IpSource", default, skip_serializing_if = "Option::is_none")]
    pub ip_source: Option<IpSource>,
}

impl Validate for SubnetIpv6CidrBlockAssociation {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ipv6_cidr_block_state {
            value.validate(&format!("{path}.Ipv6CidrBlockState"))?;
        }
        Ok(())
    }
}

impl ToXml for SubnetIpv6CidrBlockAssociation {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.association_id {
            q::write_scalar::<String>(w, "associationId", value);
        }
        if let Some(value) = &self.ipv6_cidr_block {
            q::write_scalar::<String>(w, "ipv6CidrBlock", value);
        }
        if let Some(value) = &self.ipv6_cidr_block_state {
            q::write_structure::<SubnetCidrBlockState>(w, "ipv6CidrBlockState", value);
        }
        if let Some(value) = &self.ipv6_address_attribute {
            q::write_scalar::<Ipv6AddressAttribute>(w, "ipv6AddressAttribute", value);
        }
        if let Some(value) = &self.ip_source {
            q::write_scalar::<IpSource>(w, "ipSource", value);
        }
    }
}

/// EC2 enum `SubnetState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SubnetState {
    #[serde(rename = "pending")]
    Pending,
    #[serde(rename = "available")]
    Available,
    #[serde(rename = "unavailable")]
    Unavailable,
    #[serde(rename = "failed")]
    Failed,
    #[serde(rename = "failed-insufficient-capacity")]
    FailedInsufficientCapacity,
}

impl SubnetState {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SubnetState] = &[
        SubnetState::Pending,
        SubnetState::Available,
        SubnetState::Unavailable,
        SubnetState::Failed,
        SubnetState::FailedInsufficientCapacity,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SubnetState::Pending => "pending",
            SubnetState::Available => "available",
            SubnetState::Unavailable => "unavailable",
            SubnetState::Failed => "failed",
            SubnetState::FailedInsufficientCapacity => "failed-insufficient-capacity",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SubnetState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QueryScalar for SubnetState {
    fn from_query_text(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))
    }
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

/// EC2 structure `Tag`. Describes a tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// The key of the tag.
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the tag.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for Tag {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for Tag {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            key: q::scalar::<String>(params, &q::member_key(prefix, "Key"))?,
            value: q::scalar::<String>(params, &q::member_key(prefix, "Value"))?,
        })
    }
}

impl ToXml for Tag {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.key {
            q::write_scalar::<String>(w, "key", value);
        }
        if let Some(value) = &self.value {
            q::write_scalar::<String>(w, "value", value);
        }
    }
}

/// EC2 structure `TagSpecification`. The tags to apply to a resource when the resource is being created.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagSpecification {
    /// The type of resource to tag on creation.
    #[serde(
        rename = "ResourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_type: Option<ResourceType>,
    /// The tags to apply to the resource.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for TagSpecification {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            for item in value.iter() {
                item.validate(&format!("{path}.Tags"))?;
            }
        }
        Ok(())
    }
}

impl FromQuery for TagSpecification {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            resource_type: q::scalar::<ResourceType>(
                params,
                &q::member_key(prefix, "ResourceType"),
            )?,
            tags: q::list(
                params,
                &q::member_key(prefix, "Tag"),
                None,
                q::structure::<Tag>,
            )?,
        })
    }
}

/// EC2 structure `UserIdGroupPair`. Describes a security group and Amazon Web Services account ID pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserIdGroupPair {
    /// A description for the security group rule that references this user ID group pair.
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The ID of an Amazon Web Services account.
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// [Default VPC] The name of the security group.
    #[serde(rename = "GroupName", default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// The ID of the security group.
    #[serde(rename = "GroupId", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The ID of the VPC for the referenced security group, if applicable.
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// The ID of the VPC peering connection, if applicable.
    #[serde(
        rename = "VpcPeeringConnectionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_peering_connection_id: Option<String>,
    /// The status of a VPC peering connection, if applicable.
    #[serde(
        rename = "PeeringStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub peering_status: Option<String>,
}

impl Validate for UserIdGroupPair {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl FromQuery for UserIdGroupPair {
    #[allow(unused_variables)]
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Self {
            description: q::scalar::<String>(params, &q::member_key(prefix, "Description"))?,
            user_id: q::scalar::<String>(params, &q::member_key(prefix, "UserId"))?,
            group_name: q::scalar::<String>(params, &q::member_key(prefix, "GroupName"))?,
            group_id: q::scalar::<String>(params, &q::member_key(prefix, "GroupId"))?,
            vpc_id: q::scalar::<String>(params, &q::member_key(prefix, "VpcId"))?,
            vpc_peering_connection_id: q::scalar::<String>(
                params,
                &q::member_key(prefix, "VpcPeeringConnectionId"),
            )?,
            peering_status: q::scalar::<String>(params, &q::member_key(prefix, "PeeringStatus"))?,
        })
    }
}

impl ToXml for UserIdGroupPair {
    #[allow(unused_variables)]
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(value) = &self.description {
            q::write_scalar::<String>(w, "description", value);
        }
        if let Some(value) = &self.user_id {
            q::write_scalar::<String>(w, "userId", value);
        }
        if let Some(value) = &self.group_name {
            q::write_scalar::<String>(w, "groupName", value);
        }
        if let Some(value) = &self.group_id {
            q::write_scalar::<String>(w, "groupId", value);
        }
        if let Some(value) = &self.vpc_id {
            q::write_scalar::<String>(w, "vpcId", value);
        }
        if let Some(value) = &self.vpc_peering_connection_id {
            q::write_scalar::<String>(w, "vpcPeeringConnectionId", value);
        }
        if let Some(value) = &self.peering_status {
            q::write_scalar::<String>(w, "peeringStatus", value);
        }
    }
}
