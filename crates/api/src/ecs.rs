//! ECS wire types, generated from botocore's model by `tools/gen_aws_types.py ecs`.
//!
//! Do not edit by hand: change the generator and run it again. Every structure
//! deserializes from and serializes to ECS's JSON 1.1 shapes exactly, and implements
//! [`Validate`] with the model's length and range limits.
#![allow(clippy::all, missing_docs)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validate::{check_len, check_range, Validate, ValidationError};

/// ECS structure `AcceleratorCountRequest`. The minimum and maximum number of accelerators (such as GPUs) for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AcceleratorCountRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for AcceleratorCountRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `AcceleratorManufacturer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorManufacturer {
    #[serde(rename = "amazon-web-services")]
    AmazonWebServices,
    #[serde(rename = "amd")]
    Amd,
    #[serde(rename = "nvidia")]
    Nvidia,
    #[serde(rename = "xilinx")]
    Xilinx,
    #[serde(rename = "habana")]
    Habana,
}

impl AcceleratorManufacturer {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AcceleratorManufacturer] = &[
        AcceleratorManufacturer::AmazonWebServices,
        AcceleratorManufacturer::Amd,
        AcceleratorManufacturer::Nvidia,
        AcceleratorManufacturer::Xilinx,
        AcceleratorManufacturer::Habana,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorManufacturer::AmazonWebServices => "amazon-web-services",
            AcceleratorManufacturer::Amd => "amd",
            AcceleratorManufacturer::Nvidia => "nvidia",
            AcceleratorManufacturer::Xilinx => "xilinx",
            AcceleratorManufacturer::Habana => "habana",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorManufacturer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `AcceleratorName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorName {
    #[serde(rename = "a100")]
    A100,
    #[serde(rename = "inferentia")]
    Inferentia,
    #[serde(rename = "k520")]
    K520,
    #[serde(rename = "k80")]
    K80,
    #[serde(rename = "m60")]
    M60,
    #[serde(rename = "radeon-pro-v520")]
    RadeonProV520,
    #[serde(rename = "t4")]
    T4,
    #[serde(rename = "vu9p")]
    Vu9p,
    #[serde(rename = "v100")]
    V100,
    #[serde(rename = "a10g")]
    A10g,
    #[serde(rename = "h100")]
    H100,
    #[serde(rename = "t4g")]
    T4g,
}

impl AcceleratorName {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AcceleratorName] = &[
        AcceleratorName::A100,
        AcceleratorName::Inferentia,
        AcceleratorName::K520,
        AcceleratorName::K80,
        AcceleratorName::M60,
        AcceleratorName::RadeonProV520,
        AcceleratorName::T4,
        AcceleratorName::Vu9p,
        AcceleratorName::V100,
        AcceleratorName::A10g,
        AcceleratorName::H100,
        AcceleratorName::T4g,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorName::A100 => "a100",
            AcceleratorName::Inferentia => "inferentia",
            AcceleratorName::K520 => "k520",
            AcceleratorName::K80 => "k80",
            AcceleratorName::M60 => "m60",
            AcceleratorName::RadeonProV520 => "radeon-pro-v520",
            AcceleratorName::T4 => "t4",
            AcceleratorName::Vu9p => "vu9p",
            AcceleratorName::V100 => "v100",
            AcceleratorName::A10g => "a10g",
            AcceleratorName::H100 => "h100",
            AcceleratorName::T4g => "t4g",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `AcceleratorTotalMemoryMiBRequest`. The minimum and maximum total accelerator memory in mebibytes (MiB) for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AcceleratorTotalMemoryMiBRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for AcceleratorTotalMemoryMiBRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `AcceleratorType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorType {
    #[serde(rename = "gpu")]
    Gpu,
    #[serde(rename = "fpga")]
    Fpga,
    #[serde(rename = "inference")]
    Inference,
}

impl AcceleratorType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AcceleratorType] = &[
        AcceleratorType::Gpu,
        AcceleratorType::Fpga,
        AcceleratorType::Inference,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorType::Gpu => "gpu",
            AcceleratorType::Fpga => "fpga",
            AcceleratorType::Inference => "inference",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `AccessType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AccessType {
    #[serde(rename = "PUBLIC")]
    Public,
    #[serde(rename = "PRIVATE")]
    Private,
}

impl AccessType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AccessType] = &[AccessType::Public, AccessType::Private];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AccessType::Public => "PUBLIC",
            AccessType::Private => "PRIVATE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AccessType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `AdvancedConfiguration`. The advanced settings for a load balancer used in blue/green deployments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdvancedConfiguration {
    #[serde(
        rename = "alternateTargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alternate_target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
    #[serde(
        rename = "testListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_listener_rule: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

impl Validate for AdvancedConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `AgentUpdateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgentUpdateStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "STAGING")]
    Staging,
    #[serde(rename = "STAGED")]
    Staged,
    #[serde(rename = "UPDATING")]
    Updating,
    #[serde(rename = "UPDATED")]
    Updated,
    #[serde(rename = "FAILED")]
    Failed,
}

impl AgentUpdateStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AgentUpdateStatus] = &[
        AgentUpdateStatus::Pending,
        AgentUpdateStatus::Staging,
        AgentUpdateStatus::Staged,
        AgentUpdateStatus::Updating,
        AgentUpdateStatus::Updated,
        AgentUpdateStatus::Failed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AgentUpdateStatus::Pending => "PENDING",
            AgentUpdateStatus::Staging => "STAGING",
            AgentUpdateStatus::Staged => "STAGED",
            AgentUpdateStatus::Updating => "UPDATING",
            AgentUpdateStatus::Updated => "UPDATED",
            AgentUpdateStatus::Failed => "FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AgentUpdateStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `ApplicationProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ApplicationProtocol {
    #[serde(rename = "http")]
    Http,
    #[serde(rename = "http2")]
    Http2,
    #[serde(rename = "grpc")]
    Grpc,
}

impl ApplicationProtocol {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ApplicationProtocol] = &[
        ApplicationProtocol::Http,
        ApplicationProtocol::Http2,
        ApplicationProtocol::Grpc,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ApplicationProtocol::Http => "http",
            ApplicationProtocol::Http2 => "http2",
            ApplicationProtocol::Grpc => "grpc",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ApplicationProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `AssignPublicIp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AssignPublicIp {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AssignPublicIp {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AssignPublicIp] = &[AssignPublicIp::Enabled, AssignPublicIp::Disabled];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AssignPublicIp::Enabled => "ENABLED",
            AssignPublicIp::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AssignPublicIp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Attachment`. An object representing a container instance or task attachment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<KeyValuePair>>,
}

impl Validate for Attachment {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.details {
            for item in value.iter() {
                item.validate(&format!("{path}.details"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `AttachmentStateChange`. An object representing a change in state for a task attachment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentStateChange {
    #[serde(rename = "attachmentArn")]
    pub attachment_arn: String,
    #[serde(rename = "status")]
    pub status: String,
}

impl Validate for AttachmentStateChange {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Attribute`. An attribute is a name-value pair that's associated with an Amazon ECS object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<TargetType>,
    #[serde(rename = "targetId", default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
}

impl Validate for Attribute {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `AutoRepairActionsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AutoRepairActionsStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AutoRepairActionsStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AutoRepairActionsStatus] = &[
        AutoRepairActionsStatus::Enabled,
        AutoRepairActionsStatus::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AutoRepairActionsStatus::Enabled => "ENABLED",
            AutoRepairActionsStatus::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AutoRepairActionsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `AutoRepairConfiguration`. The auto repair configuration for an Amazon ECS Managed Instances capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AutoRepairConfiguration {
    #[serde(
        rename = "actionsStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub actions_status: Option<AutoRepairActionsStatus>,
}

impl Validate for AutoRepairConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `AutoScalingGroupProvider`. The details of the Auto Scaling group for the capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AutoScalingGroupProvider {
    #[serde(rename = "autoScalingGroupArn")]
    pub auto_scaling_group_arn: String,
    #[serde(
        rename = "managedScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_scaling: Option<ManagedScaling>,
    #[serde(
        rename = "managedTerminationProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
    #[serde(
        rename = "managedDraining",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_draining: Option<ManagedDraining>,
}

impl Validate for AutoScalingGroupProvider {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.managed_scaling {
            value.validate(&format!("{path}.managedScaling"))?;
        }
        Ok(())
    }
}

/// ECS structure `AutoScalingGroupProviderUpdate`. The details of the Auto Scaling group capacity provider to update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AutoScalingGroupProviderUpdate {
    #[serde(
        rename = "managedScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_scaling: Option<ManagedScaling>,
    #[serde(
        rename = "managedTerminationProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
    #[serde(
        rename = "managedDraining",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_draining: Option<ManagedDraining>,
}

impl Validate for AutoScalingGroupProviderUpdate {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.managed_scaling {
            value.validate(&format!("{path}.managedScaling"))?;
        }
        Ok(())
    }
}

/// ECS enum `AvailabilityZoneRebalancing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AvailabilityZoneRebalancing {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AvailabilityZoneRebalancing {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [AvailabilityZoneRebalancing] = &[
        AvailabilityZoneRebalancing::Enabled,
        AvailabilityZoneRebalancing::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AvailabilityZoneRebalancing::Enabled => "ENABLED",
            AvailabilityZoneRebalancing::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AvailabilityZoneRebalancing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `AwsVpcConfiguration`. An object representing the networking details for a task or service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwsVpcConfiguration {
    #[serde(rename = "subnets")]
    pub subnets: Vec<String>,
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(
        rename = "assignPublicIp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assign_public_ip: Option<AssignPublicIp>,
}

impl Validate for AwsVpcConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `BareMetal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BareMetal {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl BareMetal {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [BareMetal] = &[
        BareMetal::Included,
        BareMetal::Required,
        BareMetal::Excluded,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            BareMetal::Included => "included",
            BareMetal::Required => "required",
            BareMetal::Excluded => "excluded",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for BareMetal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `BaselineEbsBandwidthMbpsRequest`. The minimum and maximum baseline Amazon EBS bandwidth in megabits per second (Mbps) for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineEbsBandwidthMbpsRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for BaselineEbsBandwidthMbpsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `BurstablePerformance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BurstablePerformance {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl BurstablePerformance {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [BurstablePerformance] = &[
        BurstablePerformance::Included,
        BurstablePerformance::Required,
        BurstablePerformance::Excluded,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            BurstablePerformance::Included => "included",
            BurstablePerformance::Required => "required",
            BurstablePerformance::Excluded => "excluded",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for BurstablePerformance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `CPUArchitecture`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CPUArchitecture {
    #[serde(rename = "X86_64")]
    X8664,
    #[serde(rename = "ARM64")]
    Arm64,
}

impl CPUArchitecture {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CPUArchitecture] = &[CPUArchitecture::X8664, CPUArchitecture::Arm64];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CPUArchitecture::X8664 => "X86_64",
            CPUArchitecture::Arm64 => "ARM64",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CPUArchitecture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `CanaryConfiguration`. Configuration for a canary deployment strategy that shifts a fixed percentage of traffic to the new service revision, waits for a specified bake time, then shifts the remaining traffic.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CanaryConfiguration {
    #[serde(
        rename = "canaryPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_percent: Option<f64>,
    #[serde(
        rename = "canaryBakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_bake_time_in_minutes: Option<i32>,
}

impl Validate for CanaryConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `CapacityOptionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityOptionType {
    #[serde(rename = "ON_DEMAND")]
    OnDemand,
    #[serde(rename = "SPOT")]
    Spot,
    #[serde(rename = "RESERVED")]
    Reserved,
}

impl CapacityOptionType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityOptionType] = &[
        CapacityOptionType::OnDemand,
        CapacityOptionType::Spot,
        CapacityOptionType::Reserved,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityOptionType::OnDemand => "ON_DEMAND",
            CapacityOptionType::Spot => "SPOT",
            CapacityOptionType::Reserved => "RESERVED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityOptionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `CapacityProvider`. The details for a capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityProvider {
    #[serde(
        rename = "capacityProviderArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CapacityProviderStatus>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<ManagedInstancesProvider>,
    #[serde(
        rename = "updateStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_status: Option<CapacityProviderUpdateStatus>,
    #[serde(
        rename = "updateStatusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_status_reason: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<CapacityProviderType>,
}

impl Validate for CapacityProvider {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.auto_scaling_group_provider {
            value.validate(&format!("{path}.autoScalingGroupProvider"))?;
        }
        if let Some(value) = &self.managed_instances_provider {
            value.validate(&format!("{path}.managedInstancesProvider"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `CapacityProviderField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl CapacityProviderField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityProviderField] = &[CapacityProviderField::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `CapacityProviderStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderStatus {
    #[serde(rename = "PROVISIONING")]
    Provisioning,
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DEPROVISIONING")]
    Deprovisioning,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl CapacityProviderStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityProviderStatus] = &[
        CapacityProviderStatus::Provisioning,
        CapacityProviderStatus::Active,
        CapacityProviderStatus::Deprovisioning,
        CapacityProviderStatus::Inactive,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderStatus::Provisioning => "PROVISIONING",
            CapacityProviderStatus::Active => "ACTIVE",
            CapacityProviderStatus::Deprovisioning => "DEPROVISIONING",
            CapacityProviderStatus::Inactive => "INACTIVE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `CapacityProviderStrategyItem`. The details of a capacity provider strategy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityProviderStrategyItem {
    #[serde(rename = "capacityProvider")]
    pub capacity_provider: String,
    #[serde(rename = "weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
    #[serde(rename = "base", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<i32>,
}

impl Validate for CapacityProviderStrategyItem {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.weight {
            check_range(path, "weight", i64::from(*value), 0, 1000)?;
        }
        if let Some(value) = &self.base {
            check_range(path, "base", i64::from(*value), 0, 100000)?;
        }
        Ok(())
    }
}

/// ECS enum `CapacityProviderType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderType {
    #[serde(rename = "EC2_AUTOSCALING")]
    Ec2Autoscaling,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "FARGATE_SPOT")]
    FargateSpot,
}

impl CapacityProviderType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityProviderType] = &[
        CapacityProviderType::Ec2Autoscaling,
        CapacityProviderType::ManagedInstances,
        CapacityProviderType::Fargate,
        CapacityProviderType::FargateSpot,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderType::Ec2Autoscaling => "EC2_AUTOSCALING",
            CapacityProviderType::ManagedInstances => "MANAGED_INSTANCES",
            CapacityProviderType::Fargate => "FARGATE",
            CapacityProviderType::FargateSpot => "FARGATE_SPOT",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `CapacityProviderUpdateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderUpdateStatus {
    #[serde(rename = "CREATE_IN_PROGRESS")]
    CreateInProgress,
    #[serde(rename = "CREATE_COMPLETE")]
    CreateComplete,
    #[serde(rename = "CREATE_FAILED")]
    CreateFailed,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "DELETE_COMPLETE")]
    DeleteComplete,
    #[serde(rename = "DELETE_FAILED")]
    DeleteFailed,
    #[serde(rename = "UPDATE_IN_PROGRESS")]
    UpdateInProgress,
    #[serde(rename = "UPDATE_COMPLETE")]
    UpdateComplete,
    #[serde(rename = "UPDATE_FAILED")]
    UpdateFailed,
}

impl CapacityProviderUpdateStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityProviderUpdateStatus] = &[
        CapacityProviderUpdateStatus::CreateInProgress,
        CapacityProviderUpdateStatus::CreateComplete,
        CapacityProviderUpdateStatus::CreateFailed,
        CapacityProviderUpdateStatus::DeleteInProgress,
        CapacityProviderUpdateStatus::DeleteComplete,
        CapacityProviderUpdateStatus::DeleteFailed,
        CapacityProviderUpdateStatus::UpdateInProgress,
        CapacityProviderUpdateStatus::UpdateComplete,
        CapacityProviderUpdateStatus::UpdateFailed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderUpdateStatus::CreateInProgress => "CREATE_IN_PROGRESS",
            CapacityProviderUpdateStatus::CreateComplete => "CREATE_COMPLETE",
            CapacityProviderUpdateStatus::CreateFailed => "CREATE_FAILED",
            CapacityProviderUpdateStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            CapacityProviderUpdateStatus::DeleteComplete => "DELETE_COMPLETE",
            CapacityProviderUpdateStatus::DeleteFailed => "DELETE_FAILED",
            CapacityProviderUpdateStatus::UpdateInProgress => "UPDATE_IN_PROGRESS",
            CapacityProviderUpdateStatus::UpdateComplete => "UPDATE_COMPLETE",
            CapacityProviderUpdateStatus::UpdateFailed => "UPDATE_FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderUpdateStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `CapacityReservationPreference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityReservationPreference {
    #[serde(rename = "RESERVATIONS_ONLY")]
    ReservationsOnly,
    #[serde(rename = "RESERVATIONS_FIRST")]
    ReservationsFirst,
    #[serde(rename = "RESERVATIONS_EXCLUDED")]
    ReservationsExcluded,
}

impl CapacityReservationPreference {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CapacityReservationPreference] = &[
        CapacityReservationPreference::ReservationsOnly,
        CapacityReservationPreference::ReservationsFirst,
        CapacityReservationPreference::ReservationsExcluded,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityReservationPreference::ReservationsOnly => "RESERVATIONS_ONLY",
            CapacityReservationPreference::ReservationsFirst => "RESERVATIONS_FIRST",
            CapacityReservationPreference::ReservationsExcluded => "RESERVATIONS_EXCLUDED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityReservationPreference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `CapacityReservationRequest`. The Capacity Reservation configurations to be used when using the RESERVED capacity option type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityReservationRequest {
    #[serde(
        rename = "reservationGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_group_arn: Option<String>,
    #[serde(
        rename = "reservationPreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_preference: Option<CapacityReservationPreference>,
}

impl Validate for CapacityReservationRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Cluster`. A regional grouping of one or more container instances where you can run task requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "clusterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_name: Option<String>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "registeredContainerInstancesCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_container_instances_count: Option<i32>,
    #[serde(
        rename = "runningTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_tasks_count: Option<i32>,
    #[serde(
        rename = "pendingTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_tasks_count: Option<i32>,
    #[serde(
        rename = "activeServicesCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub active_services_count: Option<i32>,
    #[serde(
        rename = "statistics",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statistics: Option<Vec<KeyValuePair>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(
        rename = "defaultCapacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(
        rename = "attachmentsStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments_status: Option<String>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaults>,
}

impl Validate for Cluster {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.configuration {
            value.validate(&format!("{path}.configuration"))?;
        }
        if let Some(value) = &self.statistics {
            for item in value.iter() {
                item.validate(&format!("{path}.statistics"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.settings {
            for item in value.iter() {
                item.validate(&format!("{path}.settings"))?;
            }
        }
        if let Some(value) = &self.default_capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.defaultCapacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.attachments {
            for item in value.iter() {
                item.validate(&format!("{path}.attachments"))?;
            }
        }
        if let Some(value) = &self.service_connect_defaults {
            value.validate(&format!("{path}.serviceConnectDefaults"))?;
        }
        Ok(())
    }
}

/// ECS structure `ClusterConfiguration`. The execute command and managed storage configuration for the cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterConfiguration {
    #[serde(
        rename = "executeCommandConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_command_configuration: Option<ExecuteCommandConfiguration>,
    #[serde(
        rename = "managedStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_storage_configuration: Option<ManagedStorageConfiguration>,
}

impl Validate for ClusterConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.execute_command_configuration {
            value.validate(&format!("{path}.executeCommandConfiguration"))?;
        }
        if let Some(value) = &self.managed_storage_configuration {
            value.validate(&format!("{path}.managedStorageConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS enum `ClusterField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClusterField {
    #[serde(rename = "ATTACHMENTS")]
    Attachments,
    #[serde(rename = "CONFIGURATIONS")]
    Configurations,
    #[serde(rename = "SETTINGS")]
    Settings,
    #[serde(rename = "STATISTICS")]
    Statistics,
    #[serde(rename = "TAGS")]
    Tags,
}

impl ClusterField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ClusterField] = &[
        ClusterField::Attachments,
        ClusterField::Configurations,
        ClusterField::Settings,
        ClusterField::Statistics,
        ClusterField::Tags,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClusterField::Attachments => "ATTACHMENTS",
            ClusterField::Configurations => "CONFIGURATIONS",
            ClusterField::Settings => "SETTINGS",
            ClusterField::Statistics => "STATISTICS",
            ClusterField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ClusterField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ClusterServiceConnectDefaults`. Use this parameter to set a default Service Connect namespace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterServiceConnectDefaults {
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl Validate for ClusterServiceConnectDefaults {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ClusterServiceConnectDefaultsRequest`. Use this parameter to set a default Service Connect namespace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterServiceConnectDefaultsRequest {
    #[serde(rename = "namespace")]
    pub namespace: String,
}

impl Validate for ClusterServiceConnectDefaultsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ClusterSetting`. The settings to use when creating a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterSetting {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ClusterSettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for ClusterSetting {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ClusterSettingName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClusterSettingName {
    #[serde(rename = "containerInsights")]
    ContainerInsights,
}

impl ClusterSettingName {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ClusterSettingName] = &[ClusterSettingName::ContainerInsights];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClusterSettingName::ContainerInsights => "containerInsights",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ClusterSettingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `Compatibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Compatibility {
    #[serde(rename = "EC2")]
    Ec2,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "EXTERNAL")]
    External,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
}

impl Compatibility {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [Compatibility] = &[
        Compatibility::Ec2,
        Compatibility::Fargate,
        Compatibility::External,
        Compatibility::ManagedInstances,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Compatibility::Ec2 => "EC2",
            Compatibility::Fargate => "FARGATE",
            Compatibility::External => "EXTERNAL",
            Compatibility::ManagedInstances => "MANAGED_INSTANCES",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Compatibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `Connectivity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Connectivity {
    #[serde(rename = "CONNECTED")]
    Connected,
    #[serde(rename = "DISCONNECTED")]
    Disconnected,
}

impl Connectivity {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [Connectivity] = &[Connectivity::Connected, Connectivity::Disconnected];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Connectivity::Connected => "CONNECTED",
            Connectivity::Disconnected => "DISCONNECTED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Connectivity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Container`. A Docker container that's part of a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Container {
    #[serde(
        rename = "containerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_arn: Option<String>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
    #[serde(
        rename = "networkInterfaces",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_interfaces: Option<Vec<NetworkInterface>>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<HealthStatus>,
    #[serde(
        rename = "managedAgents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_agents: Option<Vec<ManagedAgent>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<String>,
    #[serde(rename = "gpuIds", default, skip_serializing_if = "Option::is_none")]
    pub gpu_ids: Option<Vec<String>>,
}

impl Validate for Container {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_bindings {
            for item in value.iter() {
                item.validate(&format!("{path}.networkBindings"))?;
            }
        }
        if let Some(value) = &self.network_interfaces {
            for item in value.iter() {
                item.validate(&format!("{path}.networkInterfaces"))?;
            }
        }
        if let Some(value) = &self.managed_agents {
            for item in value.iter() {
                item.validate(&format!("{path}.managedAgents"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `ContainerCondition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerCondition {
    #[serde(rename = "START")]
    Start,
    #[serde(rename = "COMPLETE")]
    Complete,
    #[serde(rename = "SUCCESS")]
    Success,
    #[serde(rename = "HEALTHY")]
    Healthy,
}

impl ContainerCondition {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ContainerCondition] = &[
        ContainerCondition::Start,
        ContainerCondition::Complete,
        ContainerCondition::Success,
        ContainerCondition::Healthy,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerCondition::Start => "START",
            ContainerCondition::Complete => "COMPLETE",
            ContainerCondition::Success => "SUCCESS",
            ContainerCondition::Healthy => "HEALTHY",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerCondition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ContainerDefinition`. Container definitions are used in task definitions to describe the different containers that are launched as part of a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerDefinition {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<RepositoryCredentials>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(rename = "links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<String>>,
    #[serde(
        rename = "portMappings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub port_mappings: Option<Vec<PortMapping>>,
    #[serde(rename = "essential", default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    #[serde(
        rename = "restartPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_policy: Option<ContainerRestartPolicy>,
    #[serde(
        rename = "entryPoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub entry_point: Option<Vec<String>>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(
        rename = "mountPoints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_points: Option<Vec<MountPoint>>,
    #[serde(
        rename = "volumesFrom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volumes_from: Option<Vec<VolumeFrom>>,
    #[serde(
        rename = "linuxParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linux_parameters: Option<LinuxParameters>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
    #[serde(rename = "dependsOn", default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    #[serde(
        rename = "startTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_timeout: Option<i32>,
    #[serde(
        rename = "stopTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_timeout: Option<i32>,
    #[serde(
        rename = "versionConsistency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_consistency: Option<VersionConsistency>,
    #[serde(rename = "hostname", default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(rename = "user", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(
        rename = "workingDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub working_directory: Option<String>,
    #[serde(
        rename = "disableNetworking",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_networking: Option<bool>,
    #[serde(
        rename = "privileged",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privileged: Option<bool>,
    #[serde(
        rename = "readonlyRootFilesystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub readonly_root_filesystem: Option<bool>,
    #[serde(
        rename = "dnsServers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dns_servers: Option<Vec<String>>,
    #[serde(
        rename = "dnsSearchDomains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dns_search_domains: Option<Vec<String>>,
    #[serde(
        rename = "extraHosts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extra_hosts: Option<Vec<HostEntry>>,
    #[serde(
        rename = "dockerSecurityOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_security_options: Option<Vec<String>>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(
        rename = "pseudoTerminal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pseudo_terminal: Option<bool>,
    #[serde(
        rename = "dockerLabels",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "ulimits", default, skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Vec<Ulimit>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "healthCheck",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check: Option<HealthCheck>,
    #[serde(
        rename = "systemControls",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub system_controls: Option<Vec<SystemControl>>,
    #[serde(
        rename = "resourceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
    #[serde(
        rename = "firelensConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub firelens_configuration: Option<FirelensConfiguration>,
    #[serde(
        rename = "credentialSpecs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credential_specs: Option<Vec<String>>,
}

impl Validate for ContainerDefinition {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.repository_credentials {
            value.validate(&format!("{path}.repositoryCredentials"))?;
        }
        if let Some(value) = &self.port_mappings {
            for item in value.iter() {
                item.validate(&format!("{path}.portMappings"))?;
            }
        }
        if let Some(value) = &self.restart_policy {
            value.validate(&format!("{path}.restartPolicy"))?;
        }
        if let Some(value) = &self.environment {
            for item in value.iter() {
                item.validate(&format!("{path}.environment"))?;
            }
        }
        if let Some(value) = &self.environment_files {
            for item in value.iter() {
                item.validate(&format!("{path}.environmentFiles"))?;
            }
        }
        if let Some(value) = &self.mount_points {
            for item in value.iter() {
                item.validate(&format!("{path}.mountPoints"))?;
            }
        }
        if let Some(value) = &self.volumes_from {
            for item in value.iter() {
                item.validate(&format!("{path}.volumesFrom"))?;
            }
        }
        if let Some(value) = &self.linux_parameters {
            value.validate(&format!("{path}.linuxParameters"))?;
        }
        if let Some(value) = &self.secrets {
            for item in value.iter() {
                item.validate(&format!("{path}.secrets"))?;
            }
        }
        if let Some(value) = &self.depends_on {
            for item in value.iter() {
                item.validate(&format!("{path}.dependsOn"))?;
            }
        }
        if let Some(value) = &self.extra_hosts {
            for item in value.iter() {
                item.validate(&format!("{path}.extraHosts"))?;
            }
        }
        if let Some(value) = &self.ulimits {
            for item in value.iter() {
                item.validate(&format!("{path}.ulimits"))?;
            }
        }
        if let Some(value) = &self.log_configuration {
            value.validate(&format!("{path}.logConfiguration"))?;
        }
        if let Some(value) = &self.health_check {
            value.validate(&format!("{path}.healthCheck"))?;
        }
        if let Some(value) = &self.system_controls {
            for item in value.iter() {
                item.validate(&format!("{path}.systemControls"))?;
            }
        }
        if let Some(value) = &self.resource_requirements {
            for item in value.iter() {
                item.validate(&format!("{path}.resourceRequirements"))?;
            }
        }
        if let Some(value) = &self.firelens_configuration {
            value.validate(&format!("{path}.firelensConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `ContainerDependency`. The dependencies defined for container startup and shutdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerDependency {
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(rename = "condition")]
    pub condition: ContainerCondition,
}

impl Validate for ContainerDependency {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ContainerImage`. The details about the container image a service revision uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerImage {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl Validate for ContainerImage {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ContainerInstance`. An Amazon EC2 or External instance that's running the Amazon ECS agent and has been registered with a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInstance {
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "ec2InstanceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ec2_instance_id: Option<String>,
    #[serde(
        rename = "capacityProviderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_name: Option<String>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(
        rename = "versionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_info: Option<VersionInfo>,
    #[serde(
        rename = "remainingResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_resources: Option<Vec<Resource>>,
    #[serde(
        rename = "registeredResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_resources: Option<Vec<Resource>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "agentConnected",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_connected: Option<bool>,
    #[serde(
        rename = "runningTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_tasks_count: Option<i32>,
    #[serde(
        rename = "pendingTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_tasks_count: Option<i32>,
    #[serde(
        rename = "agentUpdateStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_update_status: Option<AgentUpdateStatus>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<ContainerInstanceHealthStatus>,
}

impl Validate for ContainerInstance {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.version_info {
            value.validate(&format!("{path}.versionInfo"))?;
        }
        if let Some(value) = &self.remaining_resources {
            for item in value.iter() {
                item.validate(&format!("{path}.remainingResources"))?;
            }
        }
        if let Some(value) = &self.registered_resources {
            for item in value.iter() {
                item.validate(&format!("{path}.registeredResources"))?;
            }
        }
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        if let Some(value) = &self.attachments {
            for item in value.iter() {
                item.validate(&format!("{path}.attachments"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.health_status {
            value.validate(&format!("{path}.healthStatus"))?;
        }
        Ok(())
    }
}

/// ECS enum `ContainerInstanceField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerInstanceField {
    #[serde(rename = "TAGS")]
    Tags,
    #[serde(rename = "CONTAINER_INSTANCE_HEALTH")]
    ContainerInstanceHealth,
}

impl ContainerInstanceField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ContainerInstanceField] = &[
        ContainerInstanceField::Tags,
        ContainerInstanceField::ContainerInstanceHealth,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerInstanceField::Tags => "TAGS",
            ContainerInstanceField::ContainerInstanceHealth => "CONTAINER_INSTANCE_HEALTH",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerInstanceField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ContainerInstanceHealthStatus`. An object representing the health status of the container instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInstanceHealthStatus {
    #[serde(
        rename = "overallStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overall_status: Option<InstanceHealthCheckState>,
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<InstanceHealthCheckResult>>,
}

impl Validate for ContainerInstanceHealthStatus {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.details {
            for item in value.iter() {
                item.validate(&format!("{path}.details"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `ContainerInstanceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerInstanceStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DRAINING")]
    Draining,
    #[serde(rename = "REGISTERING")]
    Registering,
    #[serde(rename = "DEREGISTERING")]
    Deregistering,
    #[serde(rename = "REGISTRATION_FAILED")]
    RegistrationFailed,
}

impl ContainerInstanceStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ContainerInstanceStatus] = &[
        ContainerInstanceStatus::Active,
        ContainerInstanceStatus::Draining,
        ContainerInstanceStatus::Registering,
        ContainerInstanceStatus::Deregistering,
        ContainerInstanceStatus::RegistrationFailed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerInstanceStatus::Active => "ACTIVE",
            ContainerInstanceStatus::Draining => "DRAINING",
            ContainerInstanceStatus::Registering => "REGISTERING",
            ContainerInstanceStatus::Deregistering => "DEREGISTERING",
            ContainerInstanceStatus::RegistrationFailed => "REGISTRATION_FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerInstanceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ContainerOverride`. The overrides that are sent to a container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerOverride {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(
        rename = "resourceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
}

impl Validate for ContainerOverride {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.environment {
            for item in value.iter() {
                item.validate(&format!("{path}.environment"))?;
            }
        }
        if let Some(value) = &self.environment_files {
            for item in value.iter() {
                item.validate(&format!("{path}.environmentFiles"))?;
            }
        }
        if let Some(value) = &self.resource_requirements {
            for item in value.iter() {
                item.validate(&format!("{path}.resourceRequirements"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ContainerRestartPolicy`. You can enable a restart policy for each container defined in your task definition, to overcome transient failures faster and maintain task availability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerRestartPolicy {
    #[serde(rename = "enabled")]
    pub enabled: bool,
    #[serde(
        rename = "ignoredExitCodes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ignored_exit_codes: Option<Vec<i32>>,
    #[serde(
        rename = "restartAttemptPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_attempt_period: Option<i32>,
}

impl Validate for ContainerRestartPolicy {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ContainerStateChange`. An object that represents a change in state for a container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerStateChange {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl Validate for ContainerStateChange {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_bindings {
            for item in value.iter() {
                item.validate(&format!("{path}.networkBindings"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ContinueServiceDeploymentRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContinueServiceDeploymentRequest {
    #[serde(rename = "serviceDeploymentArn")]
    pub service_deployment_arn: String,
    #[serde(rename = "hookId")]
    pub hook_id: String,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<DeploymentLifecycleHookAction>,
}

impl Validate for ContinueServiceDeploymentRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ContinueServiceDeploymentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContinueServiceDeploymentResponse {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
}

impl Validate for ContinueServiceDeploymentResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `CpuManufacturer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CpuManufacturer {
    #[serde(rename = "intel")]
    Intel,
    #[serde(rename = "amd")]
    Amd,
    #[serde(rename = "amazon-web-services")]
    AmazonWebServices,
}

impl CpuManufacturer {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [CpuManufacturer] = &[
        CpuManufacturer::Intel,
        CpuManufacturer::Amd,
        CpuManufacturer::AmazonWebServices,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CpuManufacturer::Intel => "intel",
            CpuManufacturer::Amd => "amd",
            CpuManufacturer::AmazonWebServices => "amazon-web-services",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CpuManufacturer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `CreateCapacityProviderRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateCapacityProviderRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<CreateManagedInstancesProviderConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for CreateCapacityProviderRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.auto_scaling_group_provider {
            value.validate(&format!("{path}.autoScalingGroupProvider"))?;
        }
        if let Some(value) = &self.managed_instances_provider {
            value.validate(&format!("{path}.managedInstancesProvider"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `CreateCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

impl Validate for CreateCapacityProviderResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider {
            value.validate(&format!("{path}.capacityProvider"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateClusterRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateClusterRequest {
    #[serde(
        rename = "clusterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_name: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(
        rename = "defaultCapacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
}

impl Validate for CreateClusterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.settings {
            for item in value.iter() {
                item.validate(&format!("{path}.settings"))?;
            }
        }
        if let Some(value) = &self.configuration {
            value.validate(&format!("{path}.configuration"))?;
        }
        if let Some(value) = &self.default_capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.defaultCapacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.service_connect_defaults {
            value.validate(&format!("{path}.serviceConnectDefaults"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

impl Validate for CreateClusterResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.cluster {
            value.validate(&format!("{path}.cluster"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateDaemonRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDaemonRequest {
    #[serde(rename = "daemonName")]
    pub daemon_name: String,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "daemonTaskDefinitionArn")]
    pub daemon_task_definition_arn: String,
    #[serde(rename = "capacityProviderArns")]
    pub capacity_provider_arns: Vec<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
}

impl Validate for CreateDaemonRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `CreateDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

impl Validate for CreateDaemonResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `CreateExpressGatewayServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateExpressGatewayServiceRequest {
    #[serde(rename = "executionRoleArn")]
    pub execution_role_arn: String,
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(rename = "primaryContainer")]
    pub primary_container: ExpressGatewayContainer,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for CreateExpressGatewayServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.primary_container).validate(&format!("{path}.primaryContainer"))?;
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.scaling_target {
            value.validate(&format!("{path}.scalingTarget"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `CreateExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

impl Validate for CreateExpressGatewayServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateManagedInstancesProviderConfiguration`. The configuration for creating a Amazon ECS Managed Instances provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateManagedInstancesProviderConfiguration {
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(rename = "instanceLaunchTemplate")]
    pub instance_launch_template: InstanceLaunchTemplate,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

impl Validate for CreateManagedInstancesProviderConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.instance_launch_template).validate(&format!("{path}.instanceLaunchTemplate"))?;
        if let Some(value) = &self.infrastructure_optimization {
            value.validate(&format!("{path}.infrastructureOptimization"))?;
        }
        if let Some(value) = &self.auto_repair_configuration {
            value.validate(&format!("{path}.autoRepairConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "serviceName")]
    pub service_name: String,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(rename = "role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

impl Validate for CreateServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.placement_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.placementStrategy"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.deployment_controller {
            value.validate(&format!("{path}.deploymentController"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.service_connect_configuration {
            value.validate(&format!("{path}.serviceConnectConfiguration"))?;
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        if let Some(value) = &self.vpc_lattice_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.vpcLatticeConfigurations"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `CreateServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

impl Validate for CreateServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreateTaskSetRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTaskSetRequest {
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(
        rename = "externalId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(rename = "scale", default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for CreateTaskSetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.scale {
            value.validate(&format!("{path}.scale"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `CreateTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

impl Validate for CreateTaskSetResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_set {
            value.validate(&format!("{path}.taskSet"))?;
        }
        Ok(())
    }
}

/// ECS structure `CreatedAt`. The optional filter to narrow the ListServiceDeployment results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatedAt {
    #[serde(rename = "before", default, skip_serializing_if = "Option::is_none")]
    pub before: Option<f64>,
    #[serde(rename = "after", default, skip_serializing_if = "Option::is_none")]
    pub after: Option<f64>,
}

impl Validate for CreatedAt {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonAlarmConfiguration`. The CloudWatch alarm configuration for a daemon.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonAlarmConfiguration {
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(rename = "enable", default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
}

impl Validate for DaemonAlarmConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonCapacityProvider`. Information about a capacity provider associated with a daemon revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonCapacityProvider {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
}

impl Validate for DaemonCapacityProvider {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonCircuitBreaker`. Information about the circuit breaker used to determine when a daemon deployment has failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonCircuitBreaker {
    #[serde(
        rename = "failureCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_count: Option<i32>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentRollbackMonitorsStatus>,
    #[serde(rename = "threshold", default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i32>,
}

impl Validate for DaemonCircuitBreaker {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonContainerDefinition`. A container definition for a daemon task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonContainerDefinition {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image")]
    pub image: String,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<RepositoryCredentials>,
    #[serde(
        rename = "healthCheck",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check: Option<HealthCheck>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "essential", default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    #[serde(
        rename = "entryPoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub entry_point: Option<Vec<String>>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "workingDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub working_directory: Option<String>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
    #[serde(
        rename = "readonlyRootFilesystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub readonly_root_filesystem: Option<bool>,
    #[serde(
        rename = "mountPoints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_points: Option<Vec<MountPoint>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "firelensConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub firelens_configuration: Option<FirelensConfiguration>,
    #[serde(
        rename = "privileged",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privileged: Option<bool>,
    #[serde(rename = "user", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(rename = "ulimits", default, skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Vec<Ulimit>>,
    #[serde(
        rename = "linuxParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linux_parameters: Option<DaemonLinuxParameters>,
    #[serde(rename = "dependsOn", default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    #[serde(
        rename = "startTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_timeout: Option<i32>,
    #[serde(
        rename = "stopTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_timeout: Option<i32>,
    #[serde(
        rename = "systemControls",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub system_controls: Option<Vec<SystemControl>>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(
        rename = "pseudoTerminal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pseudo_terminal: Option<bool>,
    #[serde(
        rename = "restartPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_policy: Option<ContainerRestartPolicy>,
}

impl Validate for DaemonContainerDefinition {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.repository_credentials {
            value.validate(&format!("{path}.repositoryCredentials"))?;
        }
        if let Some(value) = &self.health_check {
            value.validate(&format!("{path}.healthCheck"))?;
        }
        if let Some(value) = &self.environment_files {
            for item in value.iter() {
                item.validate(&format!("{path}.environmentFiles"))?;
            }
        }
        if let Some(value) = &self.environment {
            for item in value.iter() {
                item.validate(&format!("{path}.environment"))?;
            }
        }
        if let Some(value) = &self.secrets {
            for item in value.iter() {
                item.validate(&format!("{path}.secrets"))?;
            }
        }
        if let Some(value) = &self.mount_points {
            for item in value.iter() {
                item.validate(&format!("{path}.mountPoints"))?;
            }
        }
        if let Some(value) = &self.log_configuration {
            value.validate(&format!("{path}.logConfiguration"))?;
        }
        if let Some(value) = &self.firelens_configuration {
            value.validate(&format!("{path}.firelensConfiguration"))?;
        }
        if let Some(value) = &self.ulimits {
            for item in value.iter() {
                item.validate(&format!("{path}.ulimits"))?;
            }
        }
        if let Some(value) = &self.linux_parameters {
            value.validate(&format!("{path}.linuxParameters"))?;
        }
        if let Some(value) = &self.depends_on {
            for item in value.iter() {
                item.validate(&format!("{path}.dependsOn"))?;
            }
        }
        if let Some(value) = &self.system_controls {
            for item in value.iter() {
                item.validate(&format!("{path}.systemControls"))?;
            }
        }
        if let Some(value) = &self.restart_policy {
            value.validate(&format!("{path}.restartPolicy"))?;
        }
        Ok(())
    }
}

/// ECS structure `DaemonContainerImage`. The details about the container image a daemon revision uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonContainerImage {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl Validate for DaemonContainerImage {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonDeployment`. Information about a daemon deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeployment {
    #[serde(
        rename = "daemonDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployment_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "targetDaemonRevision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_daemon_revision: Option<DaemonDeploymentRevisionDetail>,
    #[serde(
        rename = "sourceDaemonRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_daemon_revisions: Option<Vec<DaemonDeploymentRevisionDetail>>,
    #[serde(
        rename = "circuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub circuit_breaker: Option<DaemonCircuitBreaker>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DaemonDeploymentAlarms>,
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<DaemonRollback>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
}

impl Validate for DaemonDeployment {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_daemon_revision {
            value.validate(&format!("{path}.targetDaemonRevision"))?;
        }
        if let Some(value) = &self.source_daemon_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.sourceDaemonRevisions"))?;
            }
        }
        if let Some(value) = &self.circuit_breaker {
            value.validate(&format!("{path}.circuitBreaker"))?;
        }
        if let Some(value) = &self.alarms {
            value.validate(&format!("{path}.alarms"))?;
        }
        if let Some(value) = &self.rollback {
            value.validate(&format!("{path}.rollback"))?;
        }
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `DaemonDeploymentAlarms`. The CloudWatch alarms used to determine a daemon deployment failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentAlarms {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(
        rename = "triggeredAlarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_alarm_names: Option<Vec<String>>,
}

impl Validate for DaemonDeploymentAlarms {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonDeploymentCapacityProvider`. Information about a capacity provider during a daemon deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentCapacityProvider {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "runningInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_instance_count: Option<i32>,
    #[serde(
        rename = "drainingInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub draining_instance_count: Option<i32>,
}

impl Validate for DaemonDeploymentCapacityProvider {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonDeploymentConfiguration`. Optional deployment parameters that control how a daemon rolls out updates across container instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentConfiguration {
    #[serde(
        rename = "drainPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub drain_percent: Option<f64>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DaemonAlarmConfiguration>,
    #[serde(
        rename = "bakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bake_time_in_minutes: Option<i32>,
}

impl Validate for DaemonDeploymentConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.alarms {
            value.validate(&format!("{path}.alarms"))?;
        }
        Ok(())
    }
}

/// ECS structure `DaemonDeploymentRevisionDetail`. Details about a daemon revision during a deployment, including running and draining instance counts per capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentRevisionDetail {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<DaemonDeploymentCapacityProvider>>,
    #[serde(
        rename = "totalRunningInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_running_instance_count: Option<i32>,
    #[serde(
        rename = "totalDrainingInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_draining_instance_count: Option<i32>,
}

impl Validate for DaemonDeploymentRevisionDetail {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_providers {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviders"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `DaemonDeploymentRollbackMonitorsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonDeploymentRollbackMonitorsStatus {
    #[serde(rename = "TRIGGERED")]
    Triggered,
    #[serde(rename = "MONITORING")]
    Monitoring,
    #[serde(rename = "MONITORING_COMPLETE")]
    MonitoringComplete,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl DaemonDeploymentRollbackMonitorsStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonDeploymentRollbackMonitorsStatus] = &[
        DaemonDeploymentRollbackMonitorsStatus::Triggered,
        DaemonDeploymentRollbackMonitorsStatus::Monitoring,
        DaemonDeploymentRollbackMonitorsStatus::MonitoringComplete,
        DaemonDeploymentRollbackMonitorsStatus::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonDeploymentRollbackMonitorsStatus::Triggered => "TRIGGERED",
            DaemonDeploymentRollbackMonitorsStatus::Monitoring => "MONITORING",
            DaemonDeploymentRollbackMonitorsStatus::MonitoringComplete => "MONITORING_COMPLETE",
            DaemonDeploymentRollbackMonitorsStatus::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonDeploymentRollbackMonitorsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DaemonDeploymentStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonDeploymentStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "SUCCESSFUL")]
    Successful,
    #[serde(rename = "STOPPED")]
    Stopped,
    #[serde(rename = "STOP_REQUESTED")]
    StopRequested,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "ROLLBACK_IN_PROGRESS")]
    RollbackInProgress,
    #[serde(rename = "ROLLBACK_SUCCESSFUL")]
    RollbackSuccessful,
    #[serde(rename = "ROLLBACK_FAILED")]
    RollbackFailed,
}

impl DaemonDeploymentStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonDeploymentStatus] = &[
        DaemonDeploymentStatus::Pending,
        DaemonDeploymentStatus::Successful,
        DaemonDeploymentStatus::Stopped,
        DaemonDeploymentStatus::StopRequested,
        DaemonDeploymentStatus::InProgress,
        DaemonDeploymentStatus::RollbackInProgress,
        DaemonDeploymentStatus::RollbackSuccessful,
        DaemonDeploymentStatus::RollbackFailed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonDeploymentStatus::Pending => "PENDING",
            DaemonDeploymentStatus::Successful => "SUCCESSFUL",
            DaemonDeploymentStatus::Stopped => "STOPPED",
            DaemonDeploymentStatus::StopRequested => "STOP_REQUESTED",
            DaemonDeploymentStatus::InProgress => "IN_PROGRESS",
            DaemonDeploymentStatus::RollbackInProgress => "ROLLBACK_IN_PROGRESS",
            DaemonDeploymentStatus::RollbackSuccessful => "ROLLBACK_SUCCESSFUL",
            DaemonDeploymentStatus::RollbackFailed => "ROLLBACK_FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonDeploymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DaemonDeploymentSummary`. A summary of a daemon deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentSummary {
    #[serde(
        rename = "daemonDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployment_arn: Option<String>,
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "targetDaemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_daemon_revision_arn: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
}

impl Validate for DaemonDeploymentSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonDetail`. The detailed information about a daemon.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDetail {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(
        rename = "currentRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_revisions: Option<Vec<DaemonRevisionDetail>>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

impl Validate for DaemonDetail {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.current_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.currentRevisions"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DaemonLinuxParameters`. The Linux-specific options that are applied to the daemon container, such as Linux kernel capabilities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonLinuxParameters {
    #[serde(
        rename = "capabilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capabilities: Option<KernelCapabilities>,
    #[serde(rename = "devices", default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<Device>>,
    #[serde(
        rename = "initProcessEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_process_enabled: Option<bool>,
    #[serde(rename = "tmpfs", default, skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<Vec<Tmpfs>>,
}

impl Validate for DaemonLinuxParameters {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capabilities {
            value.validate(&format!("{path}.capabilities"))?;
        }
        if let Some(value) = &self.devices {
            for item in value.iter() {
                item.validate(&format!("{path}.devices"))?;
            }
        }
        if let Some(value) = &self.tmpfs {
            for item in value.iter() {
                item.validate(&format!("{path}.tmpfs"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `DaemonPropagateTags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonPropagateTags {
    #[serde(rename = "DAEMON")]
    Daemon,
    #[serde(rename = "NONE")]
    None,
}

impl DaemonPropagateTags {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonPropagateTags] =
        &[DaemonPropagateTags::Daemon, DaemonPropagateTags::None];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonPropagateTags::Daemon => "DAEMON",
            DaemonPropagateTags::None => "NONE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonPropagateTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DaemonRevision`. Information about a daemon revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRevision {
    #[serde(
        rename = "daemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_revision_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "containerImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_images: Option<Vec<DaemonContainerImage>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
}

impl Validate for DaemonRevision {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_images {
            for item in value.iter() {
                item.validate(&format!("{path}.containerImages"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DaemonRevisionDetail`. Details about a daemon revision, including the running task counts per capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRevisionDetail {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<DaemonCapacityProvider>>,
    #[serde(
        rename = "totalRunningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_running_count: Option<i32>,
}

impl Validate for DaemonRevisionDetail {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_providers {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviders"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DaemonRollback`. Information about a daemon deployment rollback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRollback {
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(
        rename = "rollbackTargetDaemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollback_target_daemon_revision_arn: Option<String>,
    #[serde(
        rename = "rollbackCapacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollback_capacity_providers: Option<Vec<String>>,
}

impl Validate for DaemonRollback {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `DaemonStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
}

impl DaemonStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonStatus] =
        &[DaemonStatus::Active, DaemonStatus::DeleteInProgress];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonStatus::Active => "ACTIVE",
            DaemonStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DaemonSummary`. A summary of a daemon.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonSummary {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

impl Validate for DaemonSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonTaskDefinition`. The details of a daemon task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonTaskDefinition {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i32>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "containerDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_definitions: Option<Vec<DaemonContainerDefinition>>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<DaemonVolume>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatus>,
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
}

impl Validate for DaemonTaskDefinition {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_definitions {
            for item in value.iter() {
                item.validate(&format!("{path}.containerDefinitions"))?;
            }
        }
        if let Some(value) = &self.volumes {
            for item in value.iter() {
                item.validate(&format!("{path}.volumes"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `DaemonTaskDefinitionRevisionFilter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionRevisionFilter {
    #[serde(rename = "LAST_REGISTERED")]
    LastRegistered,
}

impl DaemonTaskDefinitionRevisionFilter {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonTaskDefinitionRevisionFilter] =
        &[DaemonTaskDefinitionRevisionFilter::LastRegistered];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionRevisionFilter::LastRegistered => "LAST_REGISTERED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionRevisionFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DaemonTaskDefinitionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "DELETED")]
    Deleted,
}

impl DaemonTaskDefinitionStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonTaskDefinitionStatus] = &[
        DaemonTaskDefinitionStatus::Active,
        DaemonTaskDefinitionStatus::DeleteInProgress,
        DaemonTaskDefinitionStatus::Deleted,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionStatus::Active => "ACTIVE",
            DaemonTaskDefinitionStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            DaemonTaskDefinitionStatus::Deleted => "DELETED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DaemonTaskDefinitionStatusFilter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionStatusFilter {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "ALL")]
    All,
}

impl DaemonTaskDefinitionStatusFilter {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DaemonTaskDefinitionStatusFilter] = &[
        DaemonTaskDefinitionStatusFilter::Active,
        DaemonTaskDefinitionStatusFilter::DeleteInProgress,
        DaemonTaskDefinitionStatusFilter::All,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionStatusFilter::Active => "ACTIVE",
            DaemonTaskDefinitionStatusFilter::DeleteInProgress => "DELETE_IN_PROGRESS",
            DaemonTaskDefinitionStatusFilter::All => "ALL",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionStatusFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DaemonTaskDefinitionSummary`. A summary of a daemon task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonTaskDefinitionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatus>,
}

impl Validate for DaemonTaskDefinitionSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DaemonVolume`. A data volume definition for a daemon task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonVolume {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<HostVolumeProperties>,
}

impl Validate for DaemonVolume {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.host {
            value.validate(&format!("{path}.host"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountSettingRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
}

impl Validate for DeleteAccountSettingRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteAccountSettingResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountSettingResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

impl Validate for DeleteAccountSettingResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.setting {
            value.validate(&format!("{path}.setting"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteAttributesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attributes")]
    pub attributes: Vec<Attribute>,
}

impl Validate for DeleteAttributesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.attributes).iter() {
            item.validate(&format!("{path}.attributes"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
}

impl Validate for DeleteAttributesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DeleteCapacityProviderRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteCapacityProviderRequest {
    #[serde(rename = "capacityProvider")]
    pub capacity_provider: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

impl Validate for DeleteCapacityProviderRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

impl Validate for DeleteCapacityProviderResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider {
            value.validate(&format!("{path}.capacityProvider"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteClusterRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteClusterRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
}

impl Validate for DeleteClusterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

impl Validate for DeleteClusterResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.cluster {
            value.validate(&format!("{path}.cluster"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteDaemonRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
}

impl Validate for DeleteDaemonRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

impl Validate for DeleteDaemonResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonTaskDefinitionRequest {
    #[serde(rename = "daemonTaskDefinition")]
    pub daemon_task_definition: String,
}

impl Validate for DeleteDaemonTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
}

impl Validate for DeleteDaemonTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteExpressGatewayServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
}

impl Validate for DeleteExpressGatewayServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

impl Validate for DeleteExpressGatewayServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for DeleteServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

impl Validate for DeleteServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeleteTaskDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskDefinitionsRequest {
    #[serde(rename = "taskDefinitions")]
    pub task_definitions: Vec<String>,
}

impl Validate for DeleteTaskDefinitionsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskDefinitionsResponse {
    #[serde(
        rename = "taskDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definitions: Option<Vec<TaskDefinition>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DeleteTaskDefinitionsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_definitions {
            for item in value.iter() {
                item.validate(&format!("{path}.taskDefinitions"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DeleteTaskSetRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSet")]
    pub task_set: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for DeleteTaskSetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeleteTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

impl Validate for DeleteTaskSetResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_set {
            value.validate(&format!("{path}.taskSet"))?;
        }
        Ok(())
    }
}

/// ECS structure `Deployment`. The details of an Amazon ECS service deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(
        rename = "failedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failed_tasks: Option<i32>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "rolloutState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollout_state: Option<DeploymentRolloutState>,
    #[serde(
        rename = "rolloutStateReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollout_state_reason: Option<String>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "serviceConnectResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_resources: Option<Vec<ServiceConnectServiceResource>>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

impl Validate for Deployment {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.service_connect_configuration {
            value.validate(&format!("{path}.serviceConnectConfiguration"))?;
        }
        if let Some(value) = &self.service_connect_resources {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceConnectResources"))?;
            }
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        if let Some(value) = &self.fargate_ephemeral_storage {
            value.validate(&format!("{path}.fargateEphemeralStorage"))?;
        }
        if let Some(value) = &self.vpc_lattice_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.vpcLatticeConfigurations"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DeploymentAlarms`. One of the methods which provide a way for you to quickly identify when a deployment has failed, and then to optionally roll back the failure to the last working deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentAlarms {
    #[serde(rename = "alarmNames")]
    pub alarm_names: Vec<String>,
    #[serde(rename = "rollback")]
    pub rollback: bool,
    #[serde(rename = "enable")]
    pub enable: bool,
}

impl Validate for DeploymentAlarms {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeploymentCircuitBreaker`. The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentCircuitBreaker {
    #[serde(rename = "enable")]
    pub enable: bool,
    #[serde(rename = "rollback")]
    pub rollback: bool,
}

impl Validate for DeploymentCircuitBreaker {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeploymentConfiguration`. Optional deployment parameters that control how many tasks run during a deployment and the ordering of stopping and starting tasks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentConfiguration {
    #[serde(
        rename = "deploymentCircuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_circuit_breaker: Option<DeploymentCircuitBreaker>,
    #[serde(
        rename = "maximumPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_percent: Option<i32>,
    #[serde(
        rename = "minimumHealthyPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_healthy_percent: Option<i32>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DeploymentAlarms>,
    #[serde(rename = "strategy", default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<DeploymentStrategy>,
    #[serde(
        rename = "bakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bake_time_in_minutes: Option<i32>,
    #[serde(
        rename = "lifecycleHooks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_hooks: Option<Vec<DeploymentLifecycleHook>>,
    #[serde(
        rename = "linearConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linear_configuration: Option<LinearConfiguration>,
    #[serde(
        rename = "canaryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_configuration: Option<CanaryConfiguration>,
}

impl Validate for DeploymentConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.deployment_circuit_breaker {
            value.validate(&format!("{path}.deploymentCircuitBreaker"))?;
        }
        if let Some(value) = &self.alarms {
            value.validate(&format!("{path}.alarms"))?;
        }
        if let Some(value) = &self.lifecycle_hooks {
            for item in value.iter() {
                item.validate(&format!("{path}.lifecycleHooks"))?;
            }
        }
        if let Some(value) = &self.linear_configuration {
            value.validate(&format!("{path}.linearConfiguration"))?;
        }
        if let Some(value) = &self.canary_configuration {
            value.validate(&format!("{path}.canaryConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeploymentController`. The deployment controller to use for the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentController {
    #[serde(rename = "type")]
    pub type_: DeploymentControllerType,
}

impl Validate for DeploymentController {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `DeploymentControllerType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentControllerType {
    #[serde(rename = "ECS")]
    Ecs,
    #[serde(rename = "CODE_DEPLOY")]
    CodeDeploy,
    #[serde(rename = "EXTERNAL")]
    External,
}

impl DeploymentControllerType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentControllerType] = &[
        DeploymentControllerType::Ecs,
        DeploymentControllerType::CodeDeploy,
        DeploymentControllerType::External,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentControllerType::Ecs => "ECS",
            DeploymentControllerType::CodeDeploy => "CODE_DEPLOY",
            DeploymentControllerType::External => "EXTERNAL",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentControllerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DeploymentEphemeralStorage`. The amount of ephemeral storage to allocate for the deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentEphemeralStorage {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

impl Validate for DeploymentEphemeralStorage {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeploymentLifecycleHook`. A deployment lifecycle hook runs custom logic at specific stages of the deployment process.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHook {
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<DeploymentLifecycleHookTargetType>,
    #[serde(
        rename = "hookTargetArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hook_target_arn: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(
        rename = "lifecycleStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_stages: Option<Vec<DeploymentLifecycleHookStage>>,
    #[serde(
        rename = "hookDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hook_details: Option<HookDetails>,
    #[serde(
        rename = "timeoutConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_configuration: Option<DeploymentLifecycleHookTimeoutConfiguration>,
}

impl Validate for DeploymentLifecycleHook {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.hook_details {
            value.validate(&format!("{path}.hookDetails"))?;
        }
        if let Some(value) = &self.timeout_configuration {
            value.validate(&format!("{path}.timeoutConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS enum `DeploymentLifecycleHookAction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookAction {
    #[serde(rename = "ROLLBACK")]
    Rollback,
    #[serde(rename = "CONTINUE")]
    Continue,
}

impl DeploymentLifecycleHookAction {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentLifecycleHookAction] = &[
        DeploymentLifecycleHookAction::Rollback,
        DeploymentLifecycleHookAction::Continue,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookAction::Rollback => "ROLLBACK",
            DeploymentLifecycleHookAction::Continue => "CONTINUE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DeploymentLifecycleHookDetail`. The details of a deployment lifecycle hook that is active during a service deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHookDetail {
    #[serde(rename = "hookId", default, skip_serializing_if = "Option::is_none")]
    pub hook_id: Option<String>,
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<DeploymentLifecycleHookTargetType>,
    #[serde(rename = "targetArn", default, skip_serializing_if = "Option::is_none")]
    pub target_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeploymentLifecycleHookStatus>,
    #[serde(rename = "expiresAt", default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<f64>,
    #[serde(
        rename = "timeoutAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_action: Option<DeploymentLifecycleHookAction>,
}

impl Validate for DeploymentLifecycleHookDetail {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `DeploymentLifecycleHookStage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookStage {
    #[serde(rename = "RECONCILE_SERVICE")]
    ReconcileService,
    #[serde(rename = "PRE_SCALE_UP")]
    PreScaleUp,
    #[serde(rename = "POST_SCALE_UP")]
    PostScaleUp,
    #[serde(rename = "TEST_TRAFFIC_SHIFT")]
    TestTrafficShift,
    #[serde(rename = "POST_TEST_TRAFFIC_SHIFT")]
    PostTestTrafficShift,
    #[serde(rename = "PRE_PRODUCTION_TRAFFIC_SHIFT")]
    PreProductionTrafficShift,
    #[serde(rename = "PRODUCTION_TRAFFIC_SHIFT")]
    ProductionTrafficShift,
    #[serde(rename = "POST_PRODUCTION_TRAFFIC_SHIFT")]
    PostProductionTrafficShift,
}

impl DeploymentLifecycleHookStage {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentLifecycleHookStage] = &[
        DeploymentLifecycleHookStage::ReconcileService,
        DeploymentLifecycleHookStage::PreScaleUp,
        DeploymentLifecycleHookStage::PostScaleUp,
        DeploymentLifecycleHookStage::TestTrafficShift,
        DeploymentLifecycleHookStage::PostTestTrafficShift,
        DeploymentLifecycleHookStage::PreProductionTrafficShift,
        DeploymentLifecycleHookStage::ProductionTrafficShift,
        DeploymentLifecycleHookStage::PostProductionTrafficShift,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookStage::ReconcileService => "RECONCILE_SERVICE",
            DeploymentLifecycleHookStage::PreScaleUp => "PRE_SCALE_UP",
            DeploymentLifecycleHookStage::PostScaleUp => "POST_SCALE_UP",
            DeploymentLifecycleHookStage::TestTrafficShift => "TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PreProductionTrafficShift => {
                "PRE_PRODUCTION_TRAFFIC_SHIFT"
            }
            DeploymentLifecycleHookStage::ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PostProductionTrafficShift => {
                "POST_PRODUCTION_TRAFFIC_SHIFT"
            }
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DeploymentLifecycleHookStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookStatus {
    #[serde(rename = "AWAITING_ACTION")]
    AwaitingAction,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "SUCCEEDED")]
    Succeeded,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "TIMED_OUT")]
    TimedOut,
}

impl DeploymentLifecycleHookStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentLifecycleHookStatus] = &[
        DeploymentLifecycleHookStatus::AwaitingAction,
        DeploymentLifecycleHookStatus::InProgress,
        DeploymentLifecycleHookStatus::Succeeded,
        DeploymentLifecycleHookStatus::Failed,
        DeploymentLifecycleHookStatus::TimedOut,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookStatus::AwaitingAction => "AWAITING_ACTION",
            DeploymentLifecycleHookStatus::InProgress => "IN_PROGRESS",
            DeploymentLifecycleHookStatus::Succeeded => "SUCCEEDED",
            DeploymentLifecycleHookStatus::Failed => "FAILED",
            DeploymentLifecycleHookStatus::TimedOut => "TIMED_OUT",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DeploymentLifecycleHookTargetType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookTargetType {
    #[serde(rename = "AWS_LAMBDA")]
    AwsLambda,
    #[serde(rename = "PAUSE")]
    Pause,
}

impl DeploymentLifecycleHookTargetType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentLifecycleHookTargetType] = &[
        DeploymentLifecycleHookTargetType::AwsLambda,
        DeploymentLifecycleHookTargetType::Pause,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookTargetType::AwsLambda => "AWS_LAMBDA",
            DeploymentLifecycleHookTargetType::Pause => "PAUSE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookTargetType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DeploymentLifecycleHookTimeoutConfiguration`. The timeout configuration for a deployment lifecycle hook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHookTimeoutConfiguration {
    #[serde(
        rename = "timeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_in_minutes: Option<i32>,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<DeploymentLifecycleHookAction>,
}

impl Validate for DeploymentLifecycleHookTimeoutConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.timeout_in_minutes {
            check_range(path, "timeoutInMinutes", i64::from(*value), 1, 20160)?;
        }
        Ok(())
    }
}

/// ECS enum `DeploymentRolloutState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentRolloutState {
    #[serde(rename = "COMPLETED")]
    Completed,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
}

impl DeploymentRolloutState {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentRolloutState] = &[
        DeploymentRolloutState::Completed,
        DeploymentRolloutState::Failed,
        DeploymentRolloutState::InProgress,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentRolloutState::Completed => "COMPLETED",
            DeploymentRolloutState::Failed => "FAILED",
            DeploymentRolloutState::InProgress => "IN_PROGRESS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentRolloutState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `DeploymentStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentStrategy {
    #[serde(rename = "ROLLING")]
    Rolling,
    #[serde(rename = "BLUE_GREEN")]
    BlueGreen,
    #[serde(rename = "LINEAR")]
    Linear,
    #[serde(rename = "CANARY")]
    Canary,
}

impl DeploymentStrategy {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeploymentStrategy] = &[
        DeploymentStrategy::Rolling,
        DeploymentStrategy::BlueGreen,
        DeploymentStrategy::Linear,
        DeploymentStrategy::Canary,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentStrategy::Rolling => "ROLLING",
            DeploymentStrategy::BlueGreen => "BLUE_GREEN",
            DeploymentStrategy::Linear => "LINEAR",
            DeploymentStrategy::Canary => "CANARY",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DeregisterContainerInstanceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterContainerInstanceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstance")]
    pub container_instance: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for DeregisterContainerInstanceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeregisterContainerInstanceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterContainerInstanceResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

impl Validate for DeregisterContainerInstanceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_instance {
            value.validate(&format!("{path}.containerInstance"))?;
        }
        Ok(())
    }
}

/// ECS structure `DeregisterTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTaskDefinitionRequest {
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
}

impl Validate for DeregisterTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DeregisterTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
}

impl Validate for DeregisterTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_definition {
            value.validate(&format!("{path}.taskDefinition"))?;
        }
        Ok(())
    }
}

/// ECS structure `DescribeCapacityProvidersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeCapacityProvidersRequest {
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<CapacityProviderField>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for DescribeCapacityProvidersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeCapacityProvidersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeCapacityProvidersResponse {
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<CapacityProvider>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for DescribeCapacityProvidersResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_providers {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviders"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeClustersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeClustersRequest {
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<String>>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ClusterField>>,
}

impl Validate for DescribeClustersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeClustersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeClustersResponse {
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<Cluster>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeClustersResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.clusters {
            for item in value.iter() {
                item.validate(&format!("{path}.clusters"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeContainerInstancesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeContainerInstancesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ContainerInstanceField>>,
}

impl Validate for DescribeContainerInstancesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeContainerInstancesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeContainerInstancesResponse {
    #[serde(
        rename = "containerInstances",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instances: Option<Vec<ContainerInstance>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeContainerInstancesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_instances {
            for item in value.iter() {
                item.validate(&format!("{path}.containerInstances"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeDaemonDeploymentsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonDeploymentsRequest {
    #[serde(rename = "daemonDeploymentArns")]
    pub daemon_deployment_arns: Vec<String>,
}

impl Validate for DescribeDaemonDeploymentsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeDaemonDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonDeploymentsResponse {
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    #[serde(
        rename = "daemonDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployments: Option<Vec<DaemonDeployment>>,
}

impl Validate for DescribeDaemonDeploymentsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        if let Some(value) = &self.daemon_deployments {
            for item in value.iter() {
                item.validate(&format!("{path}.daemonDeployments"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeDaemonRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
}

impl Validate for DescribeDaemonRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonResponse {
    #[serde(rename = "daemon", default, skip_serializing_if = "Option::is_none")]
    pub daemon: Option<DaemonDetail>,
}

impl Validate for DescribeDaemonResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon {
            value.validate(&format!("{path}.daemon"))?;
        }
        Ok(())
    }
}

/// ECS structure `DescribeDaemonRevisionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRevisionsRequest {
    #[serde(rename = "daemonRevisionArns")]
    pub daemon_revision_arns: Vec<String>,
}

impl Validate for DescribeDaemonRevisionsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeDaemonRevisionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRevisionsResponse {
    #[serde(
        rename = "daemonRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_revisions: Option<Vec<DaemonRevision>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeDaemonRevisionsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.daemonRevisions"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonTaskDefinitionRequest {
    #[serde(rename = "daemonTaskDefinition")]
    pub daemon_task_definition: String,
}

impl Validate for DescribeDaemonTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition: Option<DaemonTaskDefinition>,
}

impl Validate for DescribeDaemonTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon_task_definition {
            value.validate(&format!("{path}.daemonTaskDefinition"))?;
        }
        Ok(())
    }
}

/// ECS structure `DescribeExpressGatewayServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ExpressGatewayServiceInclude>>,
}

impl Validate for DescribeExpressGatewayServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

impl Validate for DescribeExpressGatewayServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `DescribeServiceDeploymentsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceDeploymentsRequest {
    #[serde(rename = "serviceDeploymentArns")]
    pub service_deployment_arns: Vec<String>,
}

impl Validate for DescribeServiceDeploymentsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeServiceDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceDeploymentsResponse {
    #[serde(
        rename = "serviceDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployments: Option<Vec<ServiceDeployment>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeServiceDeploymentsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service_deployments {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceDeployments"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeServiceRevisionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceRevisionsRequest {
    #[serde(rename = "serviceRevisionArns")]
    pub service_revision_arns: Vec<String>,
}

impl Validate for DescribeServiceRevisionsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeServiceRevisionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceRevisionsResponse {
    #[serde(
        rename = "serviceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revisions: Option<Vec<ServiceRevision>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeServiceRevisionsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRevisions"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeServicesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServicesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "services")]
    pub services: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ServiceField>>,
}

impl Validate for DescribeServicesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeServicesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServicesResponse {
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<Service>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeServicesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.services {
            for item in value.iter() {
                item.validate(&format!("{path}.services"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskDefinitionRequest {
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskDefinitionField>>,
}

impl Validate for DescribeTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for DescribeTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_definition {
            value.validate(&format!("{path}.taskDefinition"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeTaskSetsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskSetsRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<String>>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskSetField>>,
}

impl Validate for DescribeTaskSetsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeTaskSetsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskSetsResponse {
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<TaskSet>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeTaskSetsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_sets {
            for item in value.iter() {
                item.validate(&format!("{path}.taskSets"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `DescribeTasksRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTasksRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "tasks")]
    pub tasks: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskField>>,
}

impl Validate for DescribeTasksRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DescribeTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTasksResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for DescribeTasksResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tasks {
            for item in value.iter() {
                item.validate(&format!("{path}.tasks"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `DesiredStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DesiredStatus {
    #[serde(rename = "RUNNING")]
    Running,
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "STOPPED")]
    Stopped,
}

impl DesiredStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DesiredStatus] = &[
        DesiredStatus::Running,
        DesiredStatus::Pending,
        DesiredStatus::Stopped,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DesiredStatus::Running => "RUNNING",
            DesiredStatus::Pending => "PENDING",
            DesiredStatus::Stopped => "STOPPED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DesiredStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Device`. An object representing a container instance host device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Device {
    #[serde(rename = "hostPath")]
    pub host_path: String,
    #[serde(
        rename = "containerPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_path: Option<String>,
    #[serde(
        rename = "permissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions: Option<Vec<DeviceCgroupPermission>>,
}

impl Validate for Device {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `DeviceCgroupPermission`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeviceCgroupPermission {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "write")]
    Write,
    #[serde(rename = "mknod")]
    Mknod,
}

impl DeviceCgroupPermission {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [DeviceCgroupPermission] = &[
        DeviceCgroupPermission::Read,
        DeviceCgroupPermission::Write,
        DeviceCgroupPermission::Mknod,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeviceCgroupPermission::Read => "read",
            DeviceCgroupPermission::Write => "write",
            DeviceCgroupPermission::Mknod => "mknod",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeviceCgroupPermission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `DiscoverPollEndpointRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DiscoverPollEndpointRequest {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

impl Validate for DiscoverPollEndpointRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DiscoverPollEndpointResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DiscoverPollEndpointResponse {
    #[serde(rename = "endpoint", default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(
        rename = "telemetryEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub telemetry_endpoint: Option<String>,
    #[serde(
        rename = "serviceConnectEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_endpoint: Option<String>,
}

impl Validate for DiscoverPollEndpointResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `DockerVolumeConfiguration`. This parameter is specified when you're using Docker volumes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DockerVolumeConfiguration {
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(
        rename = "autoprovision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub autoprovision: Option<bool>,
    #[serde(rename = "driver", default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    #[serde(
        rename = "driverOpts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub driver_opts: Option<BTreeMap<String, String>>,
    #[serde(rename = "labels", default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

impl Validate for DockerVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `EBSResourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EBSResourceType {
    #[serde(rename = "volume")]
    Volume,
}

impl EBSResourceType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EBSResourceType] = &[EBSResourceType::Volume];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EBSResourceType::Volume => "volume",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EBSResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `EBSTagSpecification`. The tag specifications of an Amazon EBS volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EBSTagSpecification {
    #[serde(rename = "resourceType")]
    pub resource_type: EBSResourceType,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
}

impl Validate for EBSTagSpecification {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ECSExpressGatewayService`. Represents an Express service, which provides a simplified way to deploy containerized web applications on Amazon ECS with managed Amazon Web Services infrastructure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ECSExpressGatewayService {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ExpressGatewayServiceStatus>,
    #[serde(
        rename = "currentDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_deployment: Option<String>,
    #[serde(
        rename = "activeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub active_configurations: Option<Vec<ExpressGatewayServiceConfiguration>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

impl Validate for ECSExpressGatewayService {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.status {
            value.validate(&format!("{path}.status"))?;
        }
        if let Some(value) = &self.active_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.activeConfigurations"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ECSManagedResources`. Represents the Amazon Web Services resources managed by Amazon ECS for an Express service, including ingress paths, auto-scaling policies, metric alarms, and security groups.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ECSManagedResources {
    #[serde(
        rename = "ingressPaths",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_paths: Option<Vec<ManagedIngressPath>>,
    #[serde(
        rename = "autoScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling: Option<ManagedAutoScaling>,
    #[serde(
        rename = "metricAlarms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_alarms: Option<Vec<ManagedMetricAlarm>>,
    #[serde(
        rename = "serviceSecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_security_groups: Option<Vec<ManagedSecurityGroup>>,
    #[serde(rename = "logGroups", default, skip_serializing_if = "Option::is_none")]
    pub log_groups: Option<Vec<ManagedLogGroup>>,
}

impl Validate for ECSManagedResources {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.ingress_paths {
            for item in value.iter() {
                item.validate(&format!("{path}.ingressPaths"))?;
            }
        }
        if let Some(value) = &self.auto_scaling {
            value.validate(&format!("{path}.autoScaling"))?;
        }
        if let Some(value) = &self.metric_alarms {
            for item in value.iter() {
                item.validate(&format!("{path}.metricAlarms"))?;
            }
        }
        if let Some(value) = &self.service_security_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceSecurityGroups"))?;
            }
        }
        if let Some(value) = &self.log_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.logGroups"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `EFSAuthorizationConfig`. The authorization configuration details for the Amazon EFS file system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EFSAuthorizationConfig {
    #[serde(
        rename = "accessPointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_point_id: Option<String>,
    #[serde(rename = "iam", default, skip_serializing_if = "Option::is_none")]
    pub iam: Option<EFSAuthorizationConfigIAM>,
}

impl Validate for EFSAuthorizationConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `EFSAuthorizationConfigIAM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EFSAuthorizationConfigIAM {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl EFSAuthorizationConfigIAM {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EFSAuthorizationConfigIAM] = &[
        EFSAuthorizationConfigIAM::Enabled,
        EFSAuthorizationConfigIAM::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EFSAuthorizationConfigIAM::Enabled => "ENABLED",
            EFSAuthorizationConfigIAM::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EFSAuthorizationConfigIAM {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `EFSTransitEncryption`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EFSTransitEncryption {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl EFSTransitEncryption {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EFSTransitEncryption] = &[
        EFSTransitEncryption::Enabled,
        EFSTransitEncryption::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EFSTransitEncryption::Enabled => "ENABLED",
            EFSTransitEncryption::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EFSTransitEncryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `EFSVolumeConfiguration`. This parameter is specified when you're using an Amazon Elastic File System file system for task storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EFSVolumeConfiguration {
    #[serde(rename = "fileSystemId")]
    pub file_system_id: String,
    #[serde(
        rename = "rootDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub root_directory: Option<String>,
    #[serde(
        rename = "transitEncryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption: Option<EFSTransitEncryption>,
    #[serde(
        rename = "transitEncryptionPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption_port: Option<i32>,
    #[serde(
        rename = "authorizationConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_config: Option<EFSAuthorizationConfig>,
}

impl Validate for EFSVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.authorization_config {
            value.validate(&format!("{path}.authorizationConfig"))?;
        }
        Ok(())
    }
}

/// ECS structure `EnvironmentFile`. A list of files containing the environment variables to pass to a container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvironmentFile {
    #[serde(rename = "value")]
    pub value: String,
    #[serde(rename = "type")]
    pub type_: EnvironmentFileType,
}

impl Validate for EnvironmentFile {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `EnvironmentFileType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EnvironmentFileType {
    #[serde(rename = "s3")]
    S3,
}

impl EnvironmentFileType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [EnvironmentFileType] = &[EnvironmentFileType::S3];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EnvironmentFileType::S3 => "s3",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EnvironmentFileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `EphemeralStorage`. The amount of ephemeral storage to allocate for the task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EphemeralStorage {
    #[serde(rename = "sizeInGiB")]
    pub size_in_gi_b: i32,
}

impl Validate for EphemeralStorage {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ExecuteCommandConfiguration`. The details of the execute command configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandConfiguration {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "logging", default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<ExecuteCommandLogging>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<ExecuteCommandLogConfiguration>,
}

impl Validate for ExecuteCommandConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.log_configuration {
            value.validate(&format!("{path}.logConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `ExecuteCommandLogConfiguration`. The log configuration for the results of the execute command actions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandLogConfiguration {
    #[serde(
        rename = "cloudWatchLogGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cloud_watch_log_group_name: Option<String>,
    #[serde(
        rename = "cloudWatchEncryptionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cloud_watch_encryption_enabled: Option<bool>,
    #[serde(
        rename = "s3BucketName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_bucket_name: Option<String>,
    #[serde(
        rename = "s3EncryptionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_encryption_enabled: Option<bool>,
    #[serde(
        rename = "s3KeyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_key_prefix: Option<String>,
}

impl Validate for ExecuteCommandLogConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ExecuteCommandLogging`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExecuteCommandLogging {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "DEFAULT")]
    Default,
    #[serde(rename = "OVERRIDE")]
    Override,
}

impl ExecuteCommandLogging {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ExecuteCommandLogging] = &[
        ExecuteCommandLogging::None,
        ExecuteCommandLogging::Default,
        ExecuteCommandLogging::Override,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExecuteCommandLogging::None => "NONE",
            ExecuteCommandLogging::Default => "DEFAULT",
            ExecuteCommandLogging::Override => "OVERRIDE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExecuteCommandLogging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ExecuteCommandRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "container", default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    #[serde(rename = "command")]
    pub command: String,
    #[serde(rename = "interactive")]
    pub interactive: bool,
    #[serde(rename = "task")]
    pub task: String,
}

impl Validate for ExecuteCommandRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ExecuteCommandResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandResponse {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "containerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_arn: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(rename = "session", default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
}

impl Validate for ExecuteCommandResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.session {
            value.validate(&format!("{path}.session"))?;
        }
        Ok(())
    }
}

/// ECS structure `ExpressGatewayContainer`. Defines the configuration for the primary container in an Express service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayContainer {
    #[serde(rename = "image")]
    pub image: String,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(
        rename = "awsLogsConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aws_logs_configuration: Option<ExpressGatewayServiceAwsLogsConfiguration>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<ExpressGatewayRepositoryCredentials>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
}

impl Validate for ExpressGatewayContainer {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.aws_logs_configuration {
            value.validate(&format!("{path}.awsLogsConfiguration"))?;
        }
        if let Some(value) = &self.repository_credentials {
            value.validate(&format!("{path}.repositoryCredentials"))?;
        }
        if let Some(value) = &self.environment {
            for item in value.iter() {
                item.validate(&format!("{path}.environment"))?;
            }
        }
        if let Some(value) = &self.secrets {
            for item in value.iter() {
                item.validate(&format!("{path}.secrets"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ExpressGatewayRepositoryCredentials`. The repository credentials for private registry authentication to pass to the container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayRepositoryCredentials {
    #[serde(
        rename = "credentialsParameter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials_parameter: Option<String>,
}

impl Validate for ExpressGatewayRepositoryCredentials {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ExpressGatewayScalingTarget`. Defines the auto-scaling configuration for an Express service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayScalingTarget {
    #[serde(
        rename = "minTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_task_count: Option<i32>,
    #[serde(
        rename = "maxTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_task_count: Option<i32>,
    #[serde(
        rename = "autoScalingMetric",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_metric: Option<ExpressGatewayServiceScalingMetric>,
    #[serde(
        rename = "autoScalingTargetValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_target_value: Option<i32>,
}

impl Validate for ExpressGatewayScalingTarget {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ExpressGatewayServiceAwsLogsConfiguration`. Specifies the Amazon CloudWatch Logs configuration for the Express service container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceAwsLogsConfiguration {
    #[serde(rename = "logGroup")]
    pub log_group: String,
    #[serde(rename = "logStreamPrefix")]
    pub log_stream_prefix: String,
}

impl Validate for ExpressGatewayServiceAwsLogsConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ExpressGatewayServiceConfiguration`. Represents a specific configuration revision of an Express service, containing all the settings and parameters for that revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceConfiguration {
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "primaryContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_container: Option<ExpressGatewayContainer>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
    #[serde(
        rename = "ingressPaths",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_paths: Option<Vec<IngressPathSummary>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
}

impl Validate for ExpressGatewayServiceConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.primary_container {
            value.validate(&format!("{path}.primaryContainer"))?;
        }
        if let Some(value) = &self.scaling_target {
            value.validate(&format!("{path}.scalingTarget"))?;
        }
        if let Some(value) = &self.ingress_paths {
            for item in value.iter() {
                item.validate(&format!("{path}.ingressPaths"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `ExpressGatewayServiceInclude`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceInclude {
    #[serde(rename = "TAGS")]
    Tags,
}

impl ExpressGatewayServiceInclude {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ExpressGatewayServiceInclude] = &[ExpressGatewayServiceInclude::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceInclude::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceInclude {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ExpressGatewayServiceNetworkConfiguration`. The network configuration for an Express service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceNetworkConfiguration {
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
}

impl Validate for ExpressGatewayServiceNetworkConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ExpressGatewayServiceScalingMetric`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceScalingMetric {
    #[serde(rename = "AVERAGE_CPU")]
    AverageCpu,
    #[serde(rename = "AVERAGE_MEMORY")]
    AverageMemory,
    #[serde(rename = "REQUEST_COUNT_PER_TARGET")]
    RequestCountPerTarget,
}

impl ExpressGatewayServiceScalingMetric {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ExpressGatewayServiceScalingMetric] = &[
        ExpressGatewayServiceScalingMetric::AverageCpu,
        ExpressGatewayServiceScalingMetric::AverageMemory,
        ExpressGatewayServiceScalingMetric::RequestCountPerTarget,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceScalingMetric::AverageCpu => "AVERAGE_CPU",
            ExpressGatewayServiceScalingMetric::AverageMemory => "AVERAGE_MEMORY",
            ExpressGatewayServiceScalingMetric::RequestCountPerTarget => "REQUEST_COUNT_PER_TARGET",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceScalingMetric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ExpressGatewayServiceStatus`. An object that defines the status of Express service creation and information about the status of the service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceStatus {
    #[serde(
        rename = "statusCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code: Option<ExpressGatewayServiceStatusCode>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
}

impl Validate for ExpressGatewayServiceStatus {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ExpressGatewayServiceStatusCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceStatusCode {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DRAINING")]
    Draining,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl ExpressGatewayServiceStatusCode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ExpressGatewayServiceStatusCode] = &[
        ExpressGatewayServiceStatusCode::Active,
        ExpressGatewayServiceStatusCode::Draining,
        ExpressGatewayServiceStatusCode::Inactive,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceStatusCode::Active => "ACTIVE",
            ExpressGatewayServiceStatusCode::Draining => "DRAINING",
            ExpressGatewayServiceStatusCode::Inactive => "INACTIVE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceStatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `FSxWindowsFileServerAuthorizationConfig`. The authorization configuration details for Amazon FSx for Windows File Server file system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FSxWindowsFileServerAuthorizationConfig {
    #[serde(rename = "credentialsParameter")]
    pub credentials_parameter: String,
    #[serde(rename = "domain")]
    pub domain: String,
}

impl Validate for FSxWindowsFileServerAuthorizationConfig {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `FSxWindowsFileServerVolumeConfiguration`. This parameter is specified when you're using Amazon FSx for Windows File Server file system for task storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FSxWindowsFileServerVolumeConfiguration {
    #[serde(rename = "fileSystemId")]
    pub file_system_id: String,
    #[serde(rename = "rootDirectory")]
    pub root_directory: String,
    #[serde(rename = "authorizationConfig")]
    pub authorization_config: FSxWindowsFileServerAuthorizationConfig,
}

impl Validate for FSxWindowsFileServerVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.authorization_config).validate(&format!("{path}.authorizationConfig"))?;
        Ok(())
    }
}

/// ECS structure `Failure`. A failed resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "detail", default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Validate for Failure {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `FirelensConfiguration`. The FireLens configuration for the container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirelensConfiguration {
    #[serde(rename = "type")]
    pub type_: FirelensConfigurationType,
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
}

impl Validate for FirelensConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `FirelensConfigurationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FirelensConfigurationType {
    #[serde(rename = "fluentd")]
    Fluentd,
    #[serde(rename = "fluentbit")]
    Fluentbit,
}

impl FirelensConfigurationType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [FirelensConfigurationType] = &[
        FirelensConfigurationType::Fluentd,
        FirelensConfigurationType::Fluentbit,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            FirelensConfigurationType::Fluentd => "fluentd",
            FirelensConfigurationType::Fluentbit => "fluentbit",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for FirelensConfigurationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `GetTaskProtectionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTaskProtectionRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<String>>,
}

impl Validate for GetTaskProtectionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `GetTaskProtectionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTaskProtectionResponse {
    #[serde(
        rename = "protectedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protected_tasks: Option<Vec<ProtectedTask>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for GetTaskProtectionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.protected_tasks {
            for item in value.iter() {
                item.validate(&format!("{path}.protectedTasks"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `HealthCheck`. An object representing a container health check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthCheck {
    #[serde(rename = "command")]
    pub command: Vec<String>,
    #[serde(rename = "interval", default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<i32>,
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i32>,
    #[serde(rename = "retries", default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(
        rename = "startPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_period: Option<i32>,
}

impl Validate for HealthCheck {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `HealthStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HealthStatus {
    #[serde(rename = "HEALTHY")]
    Healthy,
    #[serde(rename = "UNHEALTHY")]
    Unhealthy,
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl HealthStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [HealthStatus] = &[
        HealthStatus::Healthy,
        HealthStatus::Unhealthy,
        HealthStatus::Unknown,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            HealthStatus::Healthy => "HEALTHY",
            HealthStatus::Unhealthy => "UNHEALTHY",
            HealthStatus::Unknown => "UNKNOWN",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for HealthStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `HookDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HookDetails {}

impl Validate for HookDetails {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `HostEntry`. Hostnames and IP address entries that are added to the /etc/hosts file of a container via the extraHosts parameter of its ContainerDefinition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostEntry {
    #[serde(rename = "hostname")]
    pub hostname: String,
    #[serde(rename = "ipAddress")]
    pub ip_address: String,
}

impl Validate for HostEntry {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `HostVolumeProperties`. Details on a container instance bind mount host volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostVolumeProperties {
    #[serde(
        rename = "sourcePath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_path: Option<String>,
}

impl Validate for HostVolumeProperties {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `InferenceAccelerator`. Details on an Elastic Inference accelerator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InferenceAccelerator {
    #[serde(rename = "deviceName")]
    pub device_name: String,
    #[serde(rename = "deviceType")]
    pub device_type: String,
}

impl Validate for InferenceAccelerator {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `InferenceAcceleratorOverride`. Details on an Elastic Inference accelerator task override.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InferenceAcceleratorOverride {
    #[serde(
        rename = "deviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_name: Option<String>,
    #[serde(
        rename = "deviceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_type: Option<String>,
}

impl Validate for InferenceAcceleratorOverride {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `InfrastructureOptimization`. The configuration that controls how Amazon ECS optimizes your infrastructure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InfrastructureOptimization {
    #[serde(
        rename = "scaleInAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_in_after: Option<i32>,
}

impl Validate for InfrastructureOptimization {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `IngressPathSummary`. The entry point into an Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngressPathSummary {
    #[serde(rename = "accessType")]
    pub access_type: AccessType,
    #[serde(rename = "endpoint")]
    pub endpoint: String,
}

impl Validate for IngressPathSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `InstanceGeneration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceGeneration {
    #[serde(rename = "current")]
    Current,
    #[serde(rename = "previous")]
    Previous,
}

impl InstanceGeneration {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [InstanceGeneration] =
        &[InstanceGeneration::Current, InstanceGeneration::Previous];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceGeneration::Current => "current",
            InstanceGeneration::Previous => "previous",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceGeneration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `InstanceHealthCheckResult`. An object representing the result of a container instance health status check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceHealthCheckResult {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<InstanceHealthCheckType>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstanceHealthCheckState>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "lastUpdated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated: Option<f64>,
    #[serde(
        rename = "lastStatusChange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status_change: Option<f64>,
}

impl Validate for InstanceHealthCheckResult {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `InstanceHealthCheckState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceHealthCheckState {
    #[serde(rename = "OK")]
    Ok,
    #[serde(rename = "IMPAIRED")]
    Impaired,
    #[serde(rename = "INSUFFICIENT_DATA")]
    InsufficientData,
    #[serde(rename = "INITIALIZING")]
    Initializing,
}

impl InstanceHealthCheckState {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [InstanceHealthCheckState] = &[
        InstanceHealthCheckState::Ok,
        InstanceHealthCheckState::Impaired,
        InstanceHealthCheckState::InsufficientData,
        InstanceHealthCheckState::Initializing,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceHealthCheckState::Ok => "OK",
            InstanceHealthCheckState::Impaired => "IMPAIRED",
            InstanceHealthCheckState::InsufficientData => "INSUFFICIENT_DATA",
            InstanceHealthCheckState::Initializing => "INITIALIZING",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceHealthCheckState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `InstanceHealthCheckType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceHealthCheckType {
    #[serde(rename = "CONTAINER_RUNTIME")]
    ContainerRuntime,
    #[serde(rename = "ACCELERATED_COMPUTE")]
    AcceleratedCompute,
    #[serde(rename = "DAEMON")]
    Daemon,
}

impl InstanceHealthCheckType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [InstanceHealthCheckType] = &[
        InstanceHealthCheckType::ContainerRuntime,
        InstanceHealthCheckType::AcceleratedCompute,
        InstanceHealthCheckType::Daemon,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceHealthCheckType::ContainerRuntime => "CONTAINER_RUNTIME",
            InstanceHealthCheckType::AcceleratedCompute => "ACCELERATED_COMPUTE",
            InstanceHealthCheckType::Daemon => "DAEMON",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceHealthCheckType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `InstanceLaunchTemplate`. The launch template configuration for Amazon ECS Managed Instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceLaunchTemplate {
    #[serde(rename = "ec2InstanceProfileArn")]
    pub ec2_instance_profile_arn: String,
    #[serde(rename = "networkConfiguration")]
    pub network_configuration: ManagedInstancesNetworkConfiguration,
    #[serde(
        rename = "storageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
    #[serde(
        rename = "localStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    #[serde(
        rename = "capacityOptionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_option_type: Option<CapacityOptionType>,
    #[serde(
        rename = "instanceMetadataTagsPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_metadata_tags_propagation: Option<bool>,
    #[serde(
        rename = "instanceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    #[serde(
        rename = "fipsEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fips_enabled: Option<bool>,
    #[serde(
        rename = "capacityReservations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_reservations: Option<CapacityReservationRequest>,
}

impl Validate for InstanceLaunchTemplate {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.network_configuration).validate(&format!("{path}.networkConfiguration"))?;
        if let Some(value) = &self.storage_configuration {
            value.validate(&format!("{path}.storageConfiguration"))?;
        }
        if let Some(value) = &self.local_storage_configuration {
            value.validate(&format!("{path}.localStorageConfiguration"))?;
        }
        if let Some(value) = &self.instance_requirements {
            value.validate(&format!("{path}.instanceRequirements"))?;
        }
        if let Some(value) = &self.capacity_reservations {
            value.validate(&format!("{path}.capacityReservations"))?;
        }
        Ok(())
    }
}

/// ECS structure `InstanceLaunchTemplateUpdate`. The updated launch template configuration for Amazon ECS Managed Instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceLaunchTemplateUpdate {
    #[serde(
        rename = "ec2InstanceProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ec2_instance_profile_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ManagedInstancesNetworkConfiguration>,
    #[serde(
        rename = "storageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
    #[serde(
        rename = "instanceMetadataTagsPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_metadata_tags_propagation: Option<bool>,
    #[serde(
        rename = "localStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    #[serde(
        rename = "instanceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    #[serde(
        rename = "capacityReservations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_reservations: Option<CapacityReservationRequest>,
}

impl Validate for InstanceLaunchTemplateUpdate {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.storage_configuration {
            value.validate(&format!("{path}.storageConfiguration"))?;
        }
        if let Some(value) = &self.local_storage_configuration {
            value.validate(&format!("{path}.localStorageConfiguration"))?;
        }
        if let Some(value) = &self.instance_requirements {
            value.validate(&format!("{path}.instanceRequirements"))?;
        }
        if let Some(value) = &self.capacity_reservations {
            value.validate(&format!("{path}.capacityReservations"))?;
        }
        Ok(())
    }
}

/// ECS structure `InstanceRequirementsRequest`. The instance requirements for attribute-based instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceRequirementsRequest {
    #[serde(rename = "vCpuCount")]
    pub v_cpu_count: VCpuCountRangeRequest,
    #[serde(rename = "memoryMiB")]
    pub memory_mi_b: MemoryMiBRequest,
    #[serde(
        rename = "cpuManufacturers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_manufacturers: Option<Vec<CpuManufacturer>>,
    #[serde(
        rename = "memoryGiBPerVCpu",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_gi_b_per_v_cpu: Option<MemoryGiBPerVCpuRequest>,
    #[serde(
        rename = "excludedInstanceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub excluded_instance_types: Option<Vec<String>>,
    #[serde(
        rename = "instanceGenerations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_generations: Option<Vec<InstanceGeneration>>,
    #[serde(
        rename = "spotMaxPricePercentageOverLowestPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub spot_max_price_percentage_over_lowest_price: Option<i32>,
    #[serde(
        rename = "onDemandMaxPricePercentageOverLowestPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_demand_max_price_percentage_over_lowest_price: Option<i32>,
    #[serde(rename = "bareMetal", default, skip_serializing_if = "Option::is_none")]
    pub bare_metal: Option<BareMetal>,
    #[serde(
        rename = "burstablePerformance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub burstable_performance: Option<BurstablePerformance>,
    #[serde(
        rename = "requireHibernateSupport",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub require_hibernate_support: Option<bool>,
    #[serde(
        rename = "networkInterfaceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_interface_count: Option<NetworkInterfaceCountRequest>,
    #[serde(
        rename = "localStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage: Option<LocalStorage>,
    #[serde(
        rename = "localStorageTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_types: Option<Vec<LocalStorageType>>,
    #[serde(
        rename = "totalLocalStorageGB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_local_storage_gb: Option<TotalLocalStorageGBRequest>,
    #[serde(
        rename = "baselineEbsBandwidthMbps",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub baseline_ebs_bandwidth_mbps: Option<BaselineEbsBandwidthMbpsRequest>,
    #[serde(
        rename = "acceleratorTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_types: Option<Vec<AcceleratorType>>,
    #[serde(
        rename = "acceleratorCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_count: Option<AcceleratorCountRequest>,
    #[serde(
        rename = "acceleratorManufacturers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_manufacturers: Option<Vec<AcceleratorManufacturer>>,
    #[serde(
        rename = "acceleratorNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_names: Option<Vec<AcceleratorName>>,
    #[serde(
        rename = "acceleratorTotalMemoryMiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_total_memory_mi_b: Option<AcceleratorTotalMemoryMiBRequest>,
    #[serde(
        rename = "networkBandwidthGbps",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bandwidth_gbps: Option<NetworkBandwidthGbpsRequest>,
    #[serde(
        rename = "allowedInstanceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_instance_types: Option<Vec<String>>,
    #[serde(
        rename = "maxSpotPriceAsPercentageOfOptimalOnDemandPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_spot_price_as_percentage_of_optimal_on_demand_price: Option<i32>,
}

impl Validate for InstanceRequirementsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.v_cpu_count).validate(&format!("{path}.vCpuCount"))?;
        (&self.memory_mi_b).validate(&format!("{path}.memoryMiB"))?;
        if let Some(value) = &self.memory_gi_b_per_v_cpu {
            value.validate(&format!("{path}.memoryGiBPerVCpu"))?;
        }
        if let Some(value) = &self.excluded_instance_types {
            check_len(path, "excludedInstanceTypes", value.len(), 0, 400)?;
        }
        if let Some(value) = &self.network_interface_count {
            value.validate(&format!("{path}.networkInterfaceCount"))?;
        }
        if let Some(value) = &self.total_local_storage_gb {
            value.validate(&format!("{path}.totalLocalStorageGB"))?;
        }
        if let Some(value) = &self.baseline_ebs_bandwidth_mbps {
            value.validate(&format!("{path}.baselineEbsBandwidthMbps"))?;
        }
        if let Some(value) = &self.accelerator_count {
            value.validate(&format!("{path}.acceleratorCount"))?;
        }
        if let Some(value) = &self.accelerator_total_memory_mi_b {
            value.validate(&format!("{path}.acceleratorTotalMemoryMiB"))?;
        }
        if let Some(value) = &self.network_bandwidth_gbps {
            value.validate(&format!("{path}.networkBandwidthGbps"))?;
        }
        if let Some(value) = &self.allowed_instance_types {
            check_len(path, "allowedInstanceTypes", value.len(), 0, 400)?;
        }
        Ok(())
    }
}

/// ECS enum `IpcMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IpcMode {
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "task")]
    Task,
    #[serde(rename = "none")]
    None,
}

impl IpcMode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [IpcMode] = &[IpcMode::Host, IpcMode::Task, IpcMode::None];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IpcMode::Host => "host",
            IpcMode::Task => "task",
            IpcMode::None => "none",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IpcMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `KernelCapabilities`. The Linux capabilities to add or remove from the default Docker configuration for a container defined in the task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KernelCapabilities {
    #[serde(rename = "add", default, skip_serializing_if = "Option::is_none")]
    pub add: Option<Vec<String>>,
    #[serde(rename = "drop", default, skip_serializing_if = "Option::is_none")]
    pub drop: Option<Vec<String>>,
}

impl Validate for KernelCapabilities {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `KeyValuePair`. A key-value pair object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyValuePair {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for KeyValuePair {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `LaunchType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LaunchType {
    #[serde(rename = "EC2")]
    Ec2,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "EXTERNAL")]
    External,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
}

impl LaunchType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LaunchType] = &[
        LaunchType::Ec2,
        LaunchType::Fargate,
        LaunchType::External,
        LaunchType::ManagedInstances,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::Fargate => "FARGATE",
            LaunchType::External => "EXTERNAL",
            LaunchType::ManagedInstances => "MANAGED_INSTANCES",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LaunchType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `LinearConfiguration`. Configuration for linear deployment strategy that shifts production traffic in equal percentage increments with configurable wait times between each step until 100% of traffic is shifted to the new se.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinearConfiguration {
    #[serde(
        rename = "stepPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub step_percent: Option<f64>,
    #[serde(
        rename = "stepBakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub step_bake_time_in_minutes: Option<i32>,
}

impl Validate for LinearConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `LinuxParameters`. The Linux-specific options that are applied to the container, such as Linux KernelCapabilities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinuxParameters {
    #[serde(
        rename = "capabilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capabilities: Option<KernelCapabilities>,
    #[serde(rename = "devices", default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<Device>>,
    #[serde(
        rename = "initProcessEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_process_enabled: Option<bool>,
    #[serde(
        rename = "sharedMemorySize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shared_memory_size: Option<i32>,
    #[serde(rename = "tmpfs", default, skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<Vec<Tmpfs>>,
    #[serde(rename = "maxSwap", default, skip_serializing_if = "Option::is_none")]
    pub max_swap: Option<i32>,
    #[serde(
        rename = "swappiness",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub swappiness: Option<i32>,
}

impl Validate for LinuxParameters {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capabilities {
            value.validate(&format!("{path}.capabilities"))?;
        }
        if let Some(value) = &self.devices {
            for item in value.iter() {
                item.validate(&format!("{path}.devices"))?;
            }
        }
        if let Some(value) = &self.tmpfs {
            for item in value.iter() {
                item.validate(&format!("{path}.tmpfs"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListAccountSettingsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccountSettingsRequest {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
    #[serde(
        rename = "effectiveSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_settings: Option<bool>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListAccountSettingsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListAccountSettingsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccountSettingsResponse {
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<Setting>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListAccountSettingsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.settings {
            for item in value.iter() {
                item.validate(&format!("{path}.settings"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "targetType")]
    pub target_type: TargetType,
    #[serde(
        rename = "attributeName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attribute_name: Option<String>,
    #[serde(
        rename = "attributeValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attribute_value: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListAttributesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListAttributesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListClustersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListClustersRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListClustersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListClustersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListClustersResponse {
    #[serde(
        rename = "clusterArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListClustersResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListContainerInstancesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListContainerInstancesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "filter", default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ContainerInstanceStatus>,
}

impl Validate for ListContainerInstancesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListContainerInstancesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListContainerInstancesResponse {
    #[serde(
        rename = "containerInstanceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListContainerInstancesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListDaemonDeploymentsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonDeploymentsRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<DaemonDeploymentStatus>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CreatedAt>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListDaemonDeploymentsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.created_at {
            value.validate(&format!("{path}.createdAt"))?;
        }
        Ok(())
    }
}

/// ECS structure `ListDaemonDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonDeploymentsResponse {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "daemonDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployments: Option<Vec<DaemonDeploymentSummary>>,
}

impl Validate for ListDaemonDeploymentsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon_deployments {
            for item in value.iter() {
                item.validate(&format!("{path}.daemonDeployments"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListDaemonTaskDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonTaskDefinitionsRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<DaemonTaskDefinitionRevisionFilter>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatusFilter>,
    #[serde(rename = "sort", default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListDaemonTaskDefinitionsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListDaemonTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonTaskDefinitionsResponse {
    #[serde(
        rename = "daemonTaskDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definitions: Option<Vec<DaemonTaskDefinitionSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListDaemonTaskDefinitionsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon_task_definitions {
            for item in value.iter() {
                item.validate(&format!("{path}.daemonTaskDefinitions"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListDaemonsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonsRequest {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "capacityProviderArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_arns: Option<Vec<String>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListDaemonsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListDaemonsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonsResponse {
    #[serde(
        rename = "daemonSummariesList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_summaries_list: Option<Vec<DaemonSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListDaemonsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.daemon_summaries_list {
            for item in value.iter() {
                item.validate(&format!("{path}.daemonSummariesList"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListServiceDeploymentsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServiceDeploymentsRequest {
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<ServiceDeploymentStatus>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CreatedAt>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListServiceDeploymentsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.created_at {
            value.validate(&format!("{path}.createdAt"))?;
        }
        Ok(())
    }
}

/// ECS structure `ListServiceDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServiceDeploymentsResponse {
    #[serde(
        rename = "serviceDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployments: Option<Vec<ServiceDeploymentBrief>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListServiceDeploymentsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service_deployments {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceDeployments"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListServicesByNamespaceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesByNamespaceRequest {
    #[serde(rename = "namespace")]
    pub namespace: String,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListServicesByNamespaceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListServicesByNamespaceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesByNamespaceResponse {
    #[serde(
        rename = "serviceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListServicesByNamespaceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListServicesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "resourceManagementType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_management_type: Option<ResourceManagementType>,
}

impl Validate for ListServicesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListServicesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesResponse {
    #[serde(
        rename = "serviceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListServicesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTagsForResourceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
}

impl Validate for ListTagsForResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTagsForResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceResponse {
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for ListTagsForResourceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ListTaskDefinitionFamiliesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionFamiliesRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionFamilyStatus>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListTaskDefinitionFamiliesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTaskDefinitionFamiliesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionFamiliesResponse {
    #[serde(rename = "families", default, skip_serializing_if = "Option::is_none")]
    pub families: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListTaskDefinitionFamiliesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTaskDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionsRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
    #[serde(rename = "sort", default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

impl Validate for ListTaskDefinitionsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionsResponse {
    #[serde(
        rename = "taskDefinitionArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListTaskDefinitionsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTasksRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTasksRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "desiredStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_status: Option<DesiredStatus>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "daemonName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_name: Option<String>,
}

impl Validate for ListTasksRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ListTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTasksResponse {
    #[serde(rename = "taskArns", default, skip_serializing_if = "Option::is_none")]
    pub task_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Validate for ListTasksResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `LoadBalancer`. The load balancer configuration to use with a service or task set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancer {
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "loadBalancerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_name: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(
        rename = "advancedConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advanced_configuration: Option<AdvancedConfiguration>,
}

impl Validate for LoadBalancer {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.advanced_configuration {
            value.validate(&format!("{path}.advancedConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS enum `LocalStorage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LocalStorage {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl LocalStorage {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LocalStorage] = &[
        LocalStorage::Included,
        LocalStorage::Required,
        LocalStorage::Excluded,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LocalStorage::Included => "included",
            LocalStorage::Required => "required",
            LocalStorage::Excluded => "excluded",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LocalStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `LocalStorageType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LocalStorageType {
    #[serde(rename = "hdd")]
    Hdd,
    #[serde(rename = "ssd")]
    Ssd,
}

impl LocalStorageType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LocalStorageType] = &[LocalStorageType::Hdd, LocalStorageType::Ssd];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LocalStorageType::Hdd => "hdd",
            LocalStorageType::Ssd => "ssd",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LocalStorageType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `LogConfiguration`. The log configuration for the container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogConfiguration {
    #[serde(rename = "logDriver")]
    pub log_driver: LogDriver,
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "secretOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_options: Option<Vec<Secret>>,
}

impl Validate for LogConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.secret_options {
            for item in value.iter() {
                item.validate(&format!("{path}.secretOptions"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `LogDriver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LogDriver {
    #[serde(rename = "json-file")]
    JsonFile,
    #[serde(rename = "syslog")]
    Syslog,
    #[serde(rename = "journald")]
    Journald,
    #[serde(rename = "gelf")]
    Gelf,
    #[serde(rename = "fluentd")]
    Fluentd,
    #[serde(rename = "awslogs")]
    Awslogs,
    #[serde(rename = "splunk")]
    Splunk,
    #[serde(rename = "awsfirelens")]
    Awsfirelens,
}

impl LogDriver {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [LogDriver] = &[
        LogDriver::JsonFile,
        LogDriver::Syslog,
        LogDriver::Journald,
        LogDriver::Gelf,
        LogDriver::Fluentd,
        LogDriver::Awslogs,
        LogDriver::Splunk,
        LogDriver::Awsfirelens,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LogDriver::JsonFile => "json-file",
            LogDriver::Syslog => "syslog",
            LogDriver::Journald => "journald",
            LogDriver::Gelf => "gelf",
            LogDriver::Fluentd => "fluentd",
            LogDriver::Awslogs => "awslogs",
            LogDriver::Splunk => "splunk",
            LogDriver::Awsfirelens => "awsfirelens",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LogDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedAgent`. Details about the managed agent status for the container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedAgent {
    #[serde(
        rename = "lastStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_started_at: Option<f64>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ManagedAgentName>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
}

impl Validate for ManagedAgent {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ManagedAgentName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedAgentName {
    #[serde(rename = "ExecuteCommandAgent")]
    ExecuteCommandAgent,
}

impl ManagedAgentName {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedAgentName] = &[ManagedAgentName::ExecuteCommandAgent];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedAgentName::ExecuteCommandAgent => "ExecuteCommandAgent",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedAgentName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedAgentStateChange`. An object representing a change in state for a managed agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedAgentStateChange {
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(rename = "managedAgentName")]
    pub managed_agent_name: ManagedAgentName,
    #[serde(rename = "status")]
    pub status: String,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Validate for ManagedAgentStateChange {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedApplicationAutoScalingPolicy`. The Application Auto Scaling policy created by Amazon ECS when you create an Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedApplicationAutoScalingPolicy {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "policyType")]
    pub policy_type: String,
    #[serde(rename = "targetValue")]
    pub target_value: f64,
    #[serde(rename = "metric")]
    pub metric: String,
}

impl Validate for ManagedApplicationAutoScalingPolicy {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedAutoScaling`. The auto scaling configuration created by Amazon ECS for an Express service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedAutoScaling {
    #[serde(
        rename = "scalableTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scalable_target: Option<ManagedScalableTarget>,
    #[serde(
        rename = "applicationAutoScalingPolicies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_auto_scaling_policies: Option<Vec<ManagedApplicationAutoScalingPolicy>>,
}

impl Validate for ManagedAutoScaling {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.scalable_target {
            value.validate(&format!("{path}.scalableTarget"))?;
        }
        if let Some(value) = &self.application_auto_scaling_policies {
            for item in value.iter() {
                item.validate(&format!("{path}.applicationAutoScalingPolicies"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ManagedCertificate`. The ACM certificate associated with the HTTPS domain created for the Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedCertificate {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "domainName")]
    pub domain_name: String,
}

impl Validate for ManagedCertificate {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ManagedDraining`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedDraining {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedDraining {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedDraining] =
        &[ManagedDraining::Enabled, ManagedDraining::Disabled];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedDraining::Enabled => "ENABLED",
            ManagedDraining::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedDraining {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedIngressPath`. The entry point into the Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedIngressPath {
    #[serde(rename = "accessType")]
    pub access_type: AccessType,
    #[serde(rename = "endpoint")]
    pub endpoint: String,
    #[serde(
        rename = "loadBalancer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer: Option<ManagedLoadBalancer>,
    #[serde(
        rename = "loadBalancerSecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_security_groups: Option<Vec<ManagedSecurityGroup>>,
    #[serde(
        rename = "certificate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificate: Option<ManagedCertificate>,
    #[serde(rename = "listener", default, skip_serializing_if = "Option::is_none")]
    pub listener: Option<ManagedListener>,
    #[serde(rename = "rule", default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<ManagedListenerRule>,
    #[serde(
        rename = "targetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<ManagedTargetGroup>>,
}

impl Validate for ManagedIngressPath {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancer {
            value.validate(&format!("{path}.loadBalancer"))?;
        }
        if let Some(value) = &self.load_balancer_security_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancerSecurityGroups"))?;
            }
        }
        if let Some(value) = &self.certificate {
            value.validate(&format!("{path}.certificate"))?;
        }
        if let Some(value) = &self.listener {
            value.validate(&format!("{path}.listener"))?;
        }
        if let Some(value) = &self.rule {
            value.validate(&format!("{path}.rule"))?;
        }
        if let Some(value) = &self.target_groups {
            for item in value.iter() {
                item.validate(&format!("{path}.targetGroups"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ManagedInstancesLocalStorageConfiguration`. The local storage configuration for Amazon ECS Managed Instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesLocalStorageConfiguration {
    #[serde(
        rename = "useLocalStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub use_local_storage: Option<bool>,
}

impl Validate for ManagedInstancesLocalStorageConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ManagedInstancesMonitoringOptions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedInstancesMonitoringOptions {
    #[serde(rename = "BASIC")]
    Basic,
    #[serde(rename = "DETAILED")]
    Detailed,
}

impl ManagedInstancesMonitoringOptions {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedInstancesMonitoringOptions] = &[
        ManagedInstancesMonitoringOptions::Basic,
        ManagedInstancesMonitoringOptions::Detailed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedInstancesMonitoringOptions::Basic => "BASIC",
            ManagedInstancesMonitoringOptions::Detailed => "DETAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedInstancesMonitoringOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedInstancesNetworkConfiguration`. The network configuration for Amazon ECS Managed Instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesNetworkConfiguration {
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
}

impl Validate for ManagedInstancesNetworkConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedInstancesProvider`. The configuration for a Amazon ECS Managed Instances provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesProvider {
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(
        rename = "instanceLaunchTemplate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_launch_template: Option<InstanceLaunchTemplate>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

impl Validate for ManagedInstancesProvider {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.instance_launch_template {
            value.validate(&format!("{path}.instanceLaunchTemplate"))?;
        }
        if let Some(value) = &self.infrastructure_optimization {
            value.validate(&format!("{path}.infrastructureOptimization"))?;
        }
        if let Some(value) = &self.auto_repair_configuration {
            value.validate(&format!("{path}.autoRepairConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `ManagedInstancesStorageConfiguration`. The storage configuration for Amazon ECS Managed Instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesStorageConfiguration {
    #[serde(
        rename = "storageSizeGiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_size_gi_b: Option<i32>,
}

impl Validate for ManagedInstancesStorageConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.storage_size_gi_b {
            check_range(path, "storageSizeGiB", i64::from(*value), 1, i64::MAX)?;
        }
        Ok(())
    }
}

/// ECS structure `ManagedListener`. The listeners associated with the Express service's Application Load Balancer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedListener {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

impl Validate for ManagedListener {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedListenerRule`. The listener rule associated with the Express service's Application Load Balancer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedListenerRule {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

impl Validate for ManagedListenerRule {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedLoadBalancer`. The Application Load Balancer associated with the Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedLoadBalancer {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "scheme")]
    pub scheme: String,
    #[serde(rename = "subnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    #[serde(
        rename = "securityGroupIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_ids: Option<Vec<String>>,
}

impl Validate for ManagedLoadBalancer {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedLogGroup`. The Cloudwatch Log Group created by Amazon ECS for an Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedLogGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

impl Validate for ManagedLogGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedMetricAlarm`. The CloudWatch metric alarm associated with the Express service's scaling policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedMetricAlarm {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

impl Validate for ManagedMetricAlarm {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ManagedResourceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedResourceStatus {
    #[serde(rename = "PROVISIONING")]
    Provisioning,
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DEPROVISIONING")]
    Deprovisioning,
    #[serde(rename = "DELETED")]
    Deleted,
    #[serde(rename = "FAILED")]
    Failed,
}

impl ManagedResourceStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedResourceStatus] = &[
        ManagedResourceStatus::Provisioning,
        ManagedResourceStatus::Active,
        ManagedResourceStatus::Deprovisioning,
        ManagedResourceStatus::Deleted,
        ManagedResourceStatus::Failed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedResourceStatus::Provisioning => "PROVISIONING",
            ManagedResourceStatus::Active => "ACTIVE",
            ManagedResourceStatus::Deprovisioning => "DEPROVISIONING",
            ManagedResourceStatus::Deleted => "DELETED",
            ManagedResourceStatus::Failed => "FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedResourceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedScalableTarget`. Represents a scalable target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedScalableTarget {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "minCapacity")]
    pub min_capacity: i32,
    #[serde(rename = "maxCapacity")]
    pub max_capacity: i32,
}

impl Validate for ManagedScalableTarget {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedScaling`. The managed scaling settings for the Auto Scaling group capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedScaling {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ManagedScalingStatus>,
    #[serde(
        rename = "targetCapacity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_capacity: Option<i32>,
    #[serde(
        rename = "minimumScalingStepSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_scaling_step_size: Option<i32>,
    #[serde(
        rename = "maximumScalingStepSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_scaling_step_size: Option<i32>,
    #[serde(
        rename = "instanceWarmupPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_warmup_period: Option<i32>,
}

impl Validate for ManagedScaling {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.target_capacity {
            check_range(path, "targetCapacity", i64::from(*value), 1, 100)?;
        }
        if let Some(value) = &self.minimum_scaling_step_size {
            check_range(path, "minimumScalingStepSize", i64::from(*value), 1, 10000)?;
        }
        if let Some(value) = &self.maximum_scaling_step_size {
            check_range(path, "maximumScalingStepSize", i64::from(*value), 1, 10000)?;
        }
        if let Some(value) = &self.instance_warmup_period {
            check_range(path, "instanceWarmupPeriod", i64::from(*value), 0, 10000)?;
        }
        Ok(())
    }
}

/// ECS enum `ManagedScalingStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedScalingStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedScalingStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedScalingStatus] = &[
        ManagedScalingStatus::Enabled,
        ManagedScalingStatus::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedScalingStatus::Enabled => "ENABLED",
            ManagedScalingStatus::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedScalingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ManagedSecurityGroup`. A security group associated with the Express service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedSecurityGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

impl Validate for ManagedSecurityGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedStorageConfiguration`. The managed storage configuration for the cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedStorageConfiguration {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "fargateEphemeralStorageKmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage_kms_key_id: Option<String>,
}

impl Validate for ManagedStorageConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ManagedTargetGroup`. The target group associated with the Express service's Application Load Balancer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedTargetGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "healthCheckPath")]
    pub health_check_path: String,
    #[serde(rename = "healthCheckPort")]
    pub health_check_port: i32,
    #[serde(rename = "port")]
    pub port: i32,
}

impl Validate for ManagedTargetGroup {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ManagedTerminationProtection`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedTerminationProtection {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedTerminationProtection {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ManagedTerminationProtection] = &[
        ManagedTerminationProtection::Enabled,
        ManagedTerminationProtection::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedTerminationProtection::Enabled => "ENABLED",
            ManagedTerminationProtection::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedTerminationProtection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `MemoryGiBPerVCpuRequest`. The minimum and maximum amount of memory per vCPU in gibibytes (GiB).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemoryGiBPerVCpuRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Validate for MemoryGiBPerVCpuRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `MemoryMiBRequest`. The minimum and maximum amount of memory in mebibytes (MiB) for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemoryMiBRequest {
    #[serde(rename = "min")]
    pub min: i32,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for MemoryMiBRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `MountPoint`. The details for a volume mount point that's used in a container definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MountPoint {
    #[serde(
        rename = "sourceVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_volume: Option<String>,
    #[serde(
        rename = "containerPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_path: Option<String>,
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

impl Validate for MountPoint {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `NetworkBandwidthGbpsRequest`. The minimum and maximum network bandwidth in gigabits per second (Gbps) for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkBandwidthGbpsRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Validate for NetworkBandwidthGbpsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `NetworkBinding`. Details on the network bindings between a container and its host container instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkBinding {
    #[serde(rename = "bindIP", default, skip_serializing_if = "Option::is_none")]
    pub bind_ip: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
    #[serde(
        rename = "containerPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port_range: Option<String>,
    #[serde(
        rename = "hostPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_port_range: Option<String>,
}

impl Validate for NetworkBinding {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `NetworkConfiguration`. The network configuration for a task or service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkConfiguration {
    #[serde(
        rename = "awsvpcConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub awsvpc_configuration: Option<AwsVpcConfiguration>,
}

impl Validate for NetworkConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.awsvpc_configuration {
            value.validate(&format!("{path}.awsvpcConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `NetworkInterface`. An object representing the elastic network interface for tasks that use the awsvpc network mode.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkInterface {
    #[serde(
        rename = "attachmentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachment_id: Option<String>,
    #[serde(
        rename = "privateIpv4Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub private_ipv4_address: Option<String>,
    #[serde(
        rename = "ipv6Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_address: Option<String>,
}

impl Validate for NetworkInterface {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `NetworkInterfaceCountRequest`. The minimum and maximum number of network interfaces for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkInterfaceCountRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for NetworkInterfaceCountRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `NetworkMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NetworkMode {
    #[serde(rename = "bridge")]
    Bridge,
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "awsvpc")]
    Awsvpc,
    #[serde(rename = "none")]
    None,
}

impl NetworkMode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [NetworkMode] = &[
        NetworkMode::Bridge,
        NetworkMode::Host,
        NetworkMode::Awsvpc,
        NetworkMode::None,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            NetworkMode::Bridge => "bridge",
            NetworkMode::Host => "host",
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::None => "none",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for NetworkMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `OSFamily`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OSFamily {
    #[serde(rename = "WINDOWS_SERVER_2019_FULL")]
    WindowsServer2019Full,
    #[serde(rename = "WINDOWS_SERVER_2019_CORE")]
    WindowsServer2019Core,
    #[serde(rename = "WINDOWS_SERVER_2016_FULL")]
    WindowsServer2016Full,
    #[serde(rename = "WINDOWS_SERVER_2004_CORE")]
    WindowsServer2004Core,
    #[serde(rename = "WINDOWS_SERVER_2022_CORE")]
    WindowsServer2022Core,
    #[serde(rename = "WINDOWS_SERVER_2022_FULL")]
    WindowsServer2022Full,
    #[serde(rename = "WINDOWS_SERVER_2025_CORE")]
    WindowsServer2025Core,
    #[serde(rename = "WINDOWS_SERVER_2025_FULL")]
    WindowsServer2025Full,
    #[serde(rename = "WINDOWS_SERVER_20H2_CORE")]
    WindowsServer20h2Core,
    #[serde(rename = "LINUX")]
    Linux,
}

impl OSFamily {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [OSFamily] = &[
        OSFamily::WindowsServer2019Full,
        OSFamily::WindowsServer2019Core,
        OSFamily::WindowsServer2016Full,
        OSFamily::WindowsServer2004Core,
        OSFamily::WindowsServer2022Core,
        OSFamily::WindowsServer2022Full,
        OSFamily::WindowsServer2025Core,
        OSFamily::WindowsServer2025Full,
        OSFamily::WindowsServer20h2Core,
        OSFamily::Linux,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OSFamily::WindowsServer2019Full => "WINDOWS_SERVER_2019_FULL",
            OSFamily::WindowsServer2019Core => "WINDOWS_SERVER_2019_CORE",
            OSFamily::WindowsServer2016Full => "WINDOWS_SERVER_2016_FULL",
            OSFamily::WindowsServer2004Core => "WINDOWS_SERVER_2004_CORE",
            OSFamily::WindowsServer2022Core => "WINDOWS_SERVER_2022_CORE",
            OSFamily::WindowsServer2022Full => "WINDOWS_SERVER_2022_FULL",
            OSFamily::WindowsServer2025Core => "WINDOWS_SERVER_2025_CORE",
            OSFamily::WindowsServer2025Full => "WINDOWS_SERVER_2025_FULL",
            OSFamily::WindowsServer20h2Core => "WINDOWS_SERVER_20H2_CORE",
            OSFamily::Linux => "LINUX",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OSFamily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `PidMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PidMode {
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "task")]
    Task,
}

impl PidMode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PidMode] = &[PidMode::Host, PidMode::Task];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PidMode::Host => "host",
            PidMode::Task => "task",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PidMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `PlacementConstraint`. An object representing a constraint on task placement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlacementConstraint {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<PlacementConstraintType>,
    #[serde(
        rename = "expression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expression: Option<String>,
}

impl Validate for PlacementConstraint {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `PlacementConstraintType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlacementConstraintType {
    #[serde(rename = "distinctInstance")]
    DistinctInstance,
    #[serde(rename = "memberOf")]
    MemberOf,
}

impl PlacementConstraintType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PlacementConstraintType] = &[
        PlacementConstraintType::DistinctInstance,
        PlacementConstraintType::MemberOf,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlacementConstraintType::DistinctInstance => "distinctInstance",
            PlacementConstraintType::MemberOf => "memberOf",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlacementConstraintType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `PlacementStrategy`. The task placement strategy for a task or service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlacementStrategy {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<PlacementStrategyType>,
    #[serde(rename = "field", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Validate for PlacementStrategy {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `PlacementStrategyType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlacementStrategyType {
    #[serde(rename = "random")]
    Random,
    #[serde(rename = "spread")]
    Spread,
    #[serde(rename = "binpack")]
    Binpack,
}

impl PlacementStrategyType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PlacementStrategyType] = &[
        PlacementStrategyType::Random,
        PlacementStrategyType::Spread,
        PlacementStrategyType::Binpack,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlacementStrategyType::Random => "random",
            PlacementStrategyType::Spread => "spread",
            PlacementStrategyType::Binpack => "binpack",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlacementStrategyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `PlatformDevice`. The devices that are available on the container instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformDevice {
    #[serde(rename = "id")]
    pub id: String,
    #[serde(rename = "type")]
    pub type_: PlatformDeviceType,
}

impl Validate for PlatformDevice {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `PlatformDeviceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlatformDeviceType {
    #[serde(rename = "GPU")]
    Gpu,
}

impl PlatformDeviceType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PlatformDeviceType] = &[PlatformDeviceType::Gpu];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlatformDeviceType::Gpu => "GPU",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlatformDeviceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `PortMapping`. Port mappings allow containers to access ports on the host container instance to send or receive traffic.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortMapping {
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "appProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_protocol: Option<ApplicationProtocol>,
    #[serde(
        rename = "containerPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port_range: Option<String>,
}

impl Validate for PortMapping {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `PropagateMITags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PropagateMITags {
    #[serde(rename = "CAPACITY_PROVIDER")]
    CapacityProvider,
    #[serde(rename = "NONE")]
    None,
}

impl PropagateMITags {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PropagateMITags] =
        &[PropagateMITags::CapacityProvider, PropagateMITags::None];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PropagateMITags::CapacityProvider => "CAPACITY_PROVIDER",
            PropagateMITags::None => "NONE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PropagateMITags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `PropagateTags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PropagateTags {
    #[serde(rename = "TASK_DEFINITION")]
    TaskDefinition,
    #[serde(rename = "SERVICE")]
    Service,
    #[serde(rename = "NONE")]
    None,
}

impl PropagateTags {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [PropagateTags] = &[
        PropagateTags::TaskDefinition,
        PropagateTags::Service,
        PropagateTags::None,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PropagateTags::TaskDefinition => "TASK_DEFINITION",
            PropagateTags::Service => "SERVICE",
            PropagateTags::None => "NONE",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PropagateTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ProtectedTask`. An object representing the protection status details for a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProtectedTask {
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(
        rename = "protectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protection_enabled: Option<bool>,
    #[serde(
        rename = "expirationDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_date: Option<f64>,
}

impl Validate for ProtectedTask {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ProxyConfiguration`. The configuration details for the App Mesh proxy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProxyConfiguration {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ProxyConfigurationType>,
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(
        rename = "properties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub properties: Option<Vec<KeyValuePair>>,
}

impl Validate for ProxyConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.properties {
            for item in value.iter() {
                item.validate(&format!("{path}.properties"))?;
            }
        }
        Ok(())
    }
}

/// ECS enum `ProxyConfigurationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProxyConfigurationType {
    #[serde(rename = "APPMESH")]
    Appmesh,
}

impl ProxyConfigurationType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ProxyConfigurationType] = &[ProxyConfigurationType::Appmesh];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ProxyConfigurationType::Appmesh => "APPMESH",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ProxyConfigurationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `PutAccountSettingDefaultRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingDefaultRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(rename = "value")]
    pub value: String,
}

impl Validate for PutAccountSettingDefaultRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `PutAccountSettingDefaultResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingDefaultResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

impl Validate for PutAccountSettingDefaultResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.setting {
            value.validate(&format!("{path}.setting"))?;
        }
        Ok(())
    }
}

/// ECS structure `PutAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(rename = "value")]
    pub value: String,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
}

impl Validate for PutAccountSettingRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `PutAccountSettingResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

impl Validate for PutAccountSettingResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.setting {
            value.validate(&format!("{path}.setting"))?;
        }
        Ok(())
    }
}

/// ECS structure `PutAttributesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attributes")]
    pub attributes: Vec<Attribute>,
}

impl Validate for PutAttributesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.attributes).iter() {
            item.validate(&format!("{path}.attributes"))?;
        }
        Ok(())
    }
}

/// ECS structure `PutAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
}

impl Validate for PutAttributesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `PutClusterCapacityProvidersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutClusterCapacityProvidersRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "capacityProviders")]
    pub capacity_providers: Vec<String>,
    #[serde(rename = "defaultCapacityProviderStrategy")]
    pub default_capacity_provider_strategy: Vec<CapacityProviderStrategyItem>,
}

impl Validate for PutClusterCapacityProvidersRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.default_capacity_provider_strategy).iter() {
            item.validate(&format!("{path}.defaultCapacityProviderStrategy"))?;
        }
        Ok(())
    }
}

/// ECS structure `PutClusterCapacityProvidersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutClusterCapacityProvidersResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

impl Validate for PutClusterCapacityProvidersResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.cluster {
            value.validate(&format!("{path}.cluster"))?;
        }
        Ok(())
    }
}

/// ECS structure `RegisterContainerInstanceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterContainerInstanceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "instanceIdentityDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_identity_document: Option<String>,
    #[serde(
        rename = "instanceIdentityDocumentSignature",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_identity_document_signature: Option<String>,
    #[serde(
        rename = "totalResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_resources: Option<Vec<Resource>>,
    #[serde(
        rename = "versionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_info: Option<VersionInfo>,
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "platformDevices",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_devices: Option<Vec<PlatformDevice>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for RegisterContainerInstanceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.total_resources {
            for item in value.iter() {
                item.validate(&format!("{path}.totalResources"))?;
            }
        }
        if let Some(value) = &self.version_info {
            value.validate(&format!("{path}.versionInfo"))?;
        }
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        if let Some(value) = &self.platform_devices {
            for item in value.iter() {
                item.validate(&format!("{path}.platformDevices"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `RegisterContainerInstanceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterContainerInstanceResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

impl Validate for RegisterContainerInstanceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_instance {
            value.validate(&format!("{path}.containerInstance"))?;
        }
        Ok(())
    }
}

/// ECS structure `RegisterDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterDaemonTaskDefinitionRequest {
    #[serde(rename = "family")]
    pub family: String,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "containerDefinitions")]
    pub container_definitions: Vec<DaemonContainerDefinition>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<DaemonVolume>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for RegisterDaemonTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.container_definitions).iter() {
            item.validate(&format!("{path}.containerDefinitions"))?;
        }
        if let Some(value) = &self.volumes {
            for item in value.iter() {
                item.validate(&format!("{path}.volumes"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `RegisterDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
}

impl Validate for RegisterDaemonTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `RegisterTaskDefinitionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterTaskDefinitionRequest {
    #[serde(rename = "family")]
    pub family: String,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "networkMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_mode: Option<NetworkMode>,
    #[serde(rename = "containerDefinitions")]
    pub container_definitions: Vec<ContainerDefinition>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    #[serde(
        rename = "requiresCompatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    #[serde(
        rename = "proxyConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_configuration: Option<ProxyConfiguration>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "runtimePlatform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub runtime_platform: Option<RuntimePlatform>,
    #[serde(
        rename = "enableFaultInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_fault_injection: Option<bool>,
}

impl Validate for RegisterTaskDefinitionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.container_definitions).iter() {
            item.validate(&format!("{path}.containerDefinitions"))?;
        }
        if let Some(value) = &self.volumes {
            for item in value.iter() {
                item.validate(&format!("{path}.volumes"))?;
            }
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.proxy_configuration {
            value.validate(&format!("{path}.proxyConfiguration"))?;
        }
        if let Some(value) = &self.inference_accelerators {
            for item in value.iter() {
                item.validate(&format!("{path}.inferenceAccelerators"))?;
            }
        }
        if let Some(value) = &self.ephemeral_storage {
            value.validate(&format!("{path}.ephemeralStorage"))?;
        }
        if let Some(value) = &self.runtime_platform {
            value.validate(&format!("{path}.runtimePlatform"))?;
        }
        Ok(())
    }
}

/// ECS structure `RegisterTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Validate for RegisterTaskDefinitionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_definition {
            value.validate(&format!("{path}.taskDefinition"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `RepositoryCredentials`. The repository credentials for private registry authentication.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RepositoryCredentials {
    #[serde(rename = "credentialsParameter")]
    pub credentials_parameter: String,
}

impl Validate for RepositoryCredentials {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ResolvedConfiguration`. The resolved configuration for a service revision, which contains the actual resources your service revision uses, such as which target groups serve traffic.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResolvedConfiguration {
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<ServiceRevisionLoadBalancer>>,
}

impl Validate for ResolvedConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `Resource`. Describes the resources available for a container instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(
        rename = "doubleValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub double_value: Option<f64>,
    #[serde(rename = "longValue", default, skip_serializing_if = "Option::is_none")]
    pub long_value: Option<i64>,
    #[serde(
        rename = "integerValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integer_value: Option<i32>,
    #[serde(
        rename = "stringSetValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub string_set_value: Option<Vec<String>>,
}

impl Validate for Resource {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ResourceManagementType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceManagementType {
    #[serde(rename = "CUSTOMER")]
    Customer,
    #[serde(rename = "ECS")]
    Ecs,
}

impl ResourceManagementType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ResourceManagementType] = &[
        ResourceManagementType::Customer,
        ResourceManagementType::Ecs,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceManagementType::Customer => "CUSTOMER",
            ResourceManagementType::Ecs => "ECS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ResourceManagementType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ResourceRequirement`. The type and amount of a resource to assign to a container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceRequirement {
    #[serde(rename = "value")]
    pub value: String,
    #[serde(rename = "type")]
    pub type_: ResourceType,
}

impl Validate for ResourceRequirement {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ResourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceType {
    #[serde(rename = "GPU")]
    Gpu,
    #[serde(rename = "InferenceAccelerator")]
    InferenceAccelerator,
}

impl ResourceType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ResourceType] =
        &[ResourceType::Gpu, ResourceType::InferenceAccelerator];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceType::Gpu => "GPU",
            ResourceType::InferenceAccelerator => "InferenceAccelerator",
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

/// ECS structure `Rollback`. Information about the service deployment rollback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rollback {
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
}

impl Validate for Rollback {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `RunTaskRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunTaskRequest {
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "count", default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "referenceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_id: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

impl Validate for RunTaskRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.overrides {
            value.validate(&format!("{path}.overrides"))?;
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.placement_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.placementStrategy"))?;
            }
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `RunTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunTaskResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for RunTaskResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tasks {
            for item in value.iter() {
                item.validate(&format!("{path}.tasks"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `RuntimePlatform`. Information about the platform for the Amazon ECS service or task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimePlatform {
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<CPUArchitecture>,
    #[serde(
        rename = "operatingSystemFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub operating_system_family: Option<OSFamily>,
}

impl Validate for RuntimePlatform {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `S3FilesVolumeConfiguration`. This parameter is specified when you're using an Amazon S3 Files file system for task storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3FilesVolumeConfiguration {
    #[serde(rename = "fileSystemArn")]
    pub file_system_arn: String,
    #[serde(
        rename = "rootDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub root_directory: Option<String>,
    #[serde(
        rename = "transitEncryptionPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption_port: Option<i32>,
    #[serde(
        rename = "accessPointArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_point_arn: Option<String>,
}

impl Validate for S3FilesVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Scale`. A floating-point percentage of the desired number of tasks to place and keep running in the task set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(rename = "unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<ScaleUnit>,
}

impl Validate for Scale {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ScaleUnit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScaleUnit {
    #[serde(rename = "PERCENT")]
    Percent,
}

impl ScaleUnit {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ScaleUnit] = &[ScaleUnit::Percent];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScaleUnit::Percent => "PERCENT",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ScaleUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `SchedulingStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SchedulingStrategy {
    #[serde(rename = "REPLICA")]
    Replica,
    #[serde(rename = "DAEMON")]
    Daemon,
}

impl SchedulingStrategy {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SchedulingStrategy] =
        &[SchedulingStrategy::Replica, SchedulingStrategy::Daemon];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SchedulingStrategy::Replica => "REPLICA",
            SchedulingStrategy::Daemon => "DAEMON",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SchedulingStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `Scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "task")]
    Task,
    #[serde(rename = "shared")]
    Shared,
}

impl Scope {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [Scope] = &[Scope::Task, Scope::Shared];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Scope::Task => "task",
            Scope::Shared => "shared",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Secret`. An object representing the secret to expose to your container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Secret {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "valueFrom")]
    pub value_from: String,
}

impl Validate for Secret {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Service`. Details on a service within a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<TaskSet>>,
    #[serde(
        rename = "deployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployments: Option<Vec<Deployment>>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ServiceEvent>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "currentServiceDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_service_deployment: Option<String>,
    #[serde(
        rename = "currentServiceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_service_revisions: Option<Vec<ServiceCurrentRevisionSummary>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "createdBy", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "resourceManagementType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_management_type: Option<ResourceManagementType>,
}

impl Validate for Service {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        if let Some(value) = &self.task_sets {
            for item in value.iter() {
                item.validate(&format!("{path}.taskSets"))?;
            }
        }
        if let Some(value) = &self.deployments {
            for item in value.iter() {
                item.validate(&format!("{path}.deployments"))?;
            }
        }
        if let Some(value) = &self.events {
            for item in value.iter() {
                item.validate(&format!("{path}.events"))?;
            }
        }
        if let Some(value) = &self.current_service_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.currentServiceRevisions"))?;
            }
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.placement_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.placementStrategy"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.deployment_controller {
            value.validate(&format!("{path}.deploymentController"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ServiceConnectAccessLogConfiguration`. Configuration for Service Connect access logging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectAccessLogConfiguration {
    #[serde(rename = "format")]
    pub format: ServiceConnectAccessLoggingFormat,
    #[serde(
        rename = "includeQueryParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_query_parameters: Option<ServiceConnectIncludeQueryParameters>,
}

impl Validate for ServiceConnectAccessLogConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ServiceConnectAccessLoggingFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceConnectAccessLoggingFormat {
    #[serde(rename = "TEXT")]
    Text,
    #[serde(rename = "JSON")]
    Json,
}

impl ServiceConnectAccessLoggingFormat {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceConnectAccessLoggingFormat] = &[
        ServiceConnectAccessLoggingFormat::Text,
        ServiceConnectAccessLoggingFormat::Json,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceConnectAccessLoggingFormat::Text => "TEXT",
            ServiceConnectAccessLoggingFormat::Json => "JSON",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceConnectAccessLoggingFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ServiceConnectClientAlias`. Each alias ("endpoint") is a fully-qualified name and port number that other tasks ("clients") can use to connect to this service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectClientAlias {
    #[serde(rename = "port")]
    pub port: i32,
    #[serde(rename = "dnsName", default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    #[serde(
        rename = "testTrafficRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_traffic_rules: Option<ServiceConnectTestTrafficRules>,
}

impl Validate for ServiceConnectClientAlias {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_range(path, "port", i64::from(*(&self.port)), 0, 65535)?;
        if let Some(value) = &self.test_traffic_rules {
            value.validate(&format!("{path}.testTrafficRules"))?;
        }
        Ok(())
    }
}

/// ECS structure `ServiceConnectConfiguration`. The Service Connect configuration of your Amazon ECS service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectConfiguration {
    #[serde(rename = "enabled")]
    pub enabled: bool,
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ServiceConnectService>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "accessLogConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_log_configuration: Option<ServiceConnectAccessLogConfiguration>,
}

impl Validate for ServiceConnectConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.services {
            for item in value.iter() {
                item.validate(&format!("{path}.services"))?;
            }
        }
        if let Some(value) = &self.log_configuration {
            value.validate(&format!("{path}.logConfiguration"))?;
        }
        if let Some(value) = &self.access_log_configuration {
            value.validate(&format!("{path}.accessLogConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS enum `ServiceConnectIncludeQueryParameters`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceConnectIncludeQueryParameters {
    #[serde(rename = "DISABLED")]
    Disabled,
    #[serde(rename = "ENABLED")]
    Enabled,
}

impl ServiceConnectIncludeQueryParameters {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceConnectIncludeQueryParameters] = &[
        ServiceConnectIncludeQueryParameters::Disabled,
        ServiceConnectIncludeQueryParameters::Enabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceConnectIncludeQueryParameters::Disabled => "DISABLED",
            ServiceConnectIncludeQueryParameters::Enabled => "ENABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceConnectIncludeQueryParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ServiceConnectService`. The Service Connect service object configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectService {
    #[serde(rename = "portName")]
    pub port_name: String,
    #[serde(
        rename = "discoveryName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_name: Option<String>,
    #[serde(
        rename = "clientAliases",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_aliases: Option<Vec<ServiceConnectClientAlias>>,
    #[serde(
        rename = "ingressPortOverride",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_port_override: Option<i32>,
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<TimeoutConfiguration>,
    #[serde(rename = "tls", default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ServiceConnectTlsConfiguration>,
}

impl Validate for ServiceConnectService {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.client_aliases {
            for item in value.iter() {
                item.validate(&format!("{path}.clientAliases"))?;
            }
        }
        if let Some(value) = &self.ingress_port_override {
            check_range(path, "ingressPortOverride", i64::from(*value), 0, 65535)?;
        }
        if let Some(value) = &self.timeout {
            value.validate(&format!("{path}.timeout"))?;
        }
        if let Some(value) = &self.tls {
            value.validate(&format!("{path}.tls"))?;
        }
        Ok(())
    }
}

/// ECS structure `ServiceConnectServiceResource`. The Service Connect resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectServiceResource {
    #[serde(
        rename = "discoveryName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_name: Option<String>,
    #[serde(
        rename = "discoveryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_arn: Option<String>,
}

impl Validate for ServiceConnectServiceResource {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceConnectTestTrafficHeaderMatchRules`. The header matching rules for test traffic routing in Amazon ECS blue/green deployments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderMatchRules {
    #[serde(rename = "exact")]
    pub exact: String,
}

impl Validate for ServiceConnectTestTrafficHeaderMatchRules {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceConnectTestTrafficHeaderRules`. The HTTP header rules used to identify and route test traffic during Amazon ECS blue/green deployments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderRules {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ServiceConnectTestTrafficHeaderMatchRules>,
}

impl Validate for ServiceConnectTestTrafficHeaderRules {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.value {
            value.validate(&format!("{path}.value"))?;
        }
        Ok(())
    }
}

/// ECS structure `ServiceConnectTestTrafficRules`. The test traffic routing configuration for Amazon ECS blue/green deployments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficRules {
    #[serde(rename = "header")]
    pub header: ServiceConnectTestTrafficHeaderRules,
}

impl Validate for ServiceConnectTestTrafficRules {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.header).validate(&format!("{path}.header"))?;
        Ok(())
    }
}

/// ECS structure `ServiceConnectTlsCertificateAuthority`. The certificate root authority that secures your service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTlsCertificateAuthority {
    #[serde(
        rename = "awsPcaAuthorityArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aws_pca_authority_arn: Option<String>,
}

impl Validate for ServiceConnectTlsCertificateAuthority {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceConnectTlsConfiguration`. The key that encrypts and decrypts your resources for Service Connect TLS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTlsConfiguration {
    #[serde(rename = "issuerCertificateAuthority")]
    pub issuer_certificate_authority: ServiceConnectTlsCertificateAuthority,
    #[serde(rename = "kmsKey", default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

impl Validate for ServiceConnectTlsConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.issuer_certificate_authority)
            .validate(&format!("{path}.issuerCertificateAuthority"))?;
        Ok(())
    }
}

/// ECS structure `ServiceCurrentRevisionSummary`. The summary of the current service revision configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceCurrentRevisionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "requestedTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_task_count: Option<i32>,
    #[serde(
        rename = "runningTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_task_count: Option<i32>,
    #[serde(
        rename = "pendingTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_task_count: Option<i32>,
}

impl Validate for ServiceCurrentRevisionSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceDeployment`. Information about the service deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeployment {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "sourceServiceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_revisions: Option<Vec<ServiceRevisionSummary>>,
    #[serde(
        rename = "targetServiceRevision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_revision: Option<ServiceRevisionSummary>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "lifecycleStage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_stage: Option<ServiceDeploymentLifecycleStage>,
    #[serde(
        rename = "lifecycleHookDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_hook_details: Option<Vec<DeploymentLifecycleHookDetail>>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<Rollback>,
    #[serde(
        rename = "deploymentCircuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_circuit_breaker: Option<ServiceDeploymentCircuitBreaker>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<ServiceDeploymentAlarms>,
}

impl Validate for ServiceDeployment {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.source_service_revisions {
            for item in value.iter() {
                item.validate(&format!("{path}.sourceServiceRevisions"))?;
            }
        }
        if let Some(value) = &self.target_service_revision {
            value.validate(&format!("{path}.targetServiceRevision"))?;
        }
        if let Some(value) = &self.lifecycle_hook_details {
            for item in value.iter() {
                item.validate(&format!("{path}.lifecycleHookDetails"))?;
            }
        }
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        if let Some(value) = &self.rollback {
            value.validate(&format!("{path}.rollback"))?;
        }
        if let Some(value) = &self.deployment_circuit_breaker {
            value.validate(&format!("{path}.deploymentCircuitBreaker"))?;
        }
        if let Some(value) = &self.alarms {
            value.validate(&format!("{path}.alarms"))?;
        }
        Ok(())
    }
}

/// ECS structure `ServiceDeploymentAlarms`. The CloudWatch alarms used to determine a service deployment failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentAlarms {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(
        rename = "triggeredAlarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_alarm_names: Option<Vec<String>>,
}

impl Validate for ServiceDeploymentAlarms {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceDeploymentBrief`. The service deployment properties that are retured when you call ListServiceDeployments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentBrief {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
    #[serde(
        rename = "targetServiceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_revision_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
}

impl Validate for ServiceDeploymentBrief {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceDeploymentCircuitBreaker`. Information about the circuit breaker used to determine when a service deployment has failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentCircuitBreaker {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "failureCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_count: Option<i32>,
    #[serde(rename = "threshold", default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i32>,
}

impl Validate for ServiceDeploymentCircuitBreaker {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ServiceDeploymentLifecycleStage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentLifecycleStage {
    #[serde(rename = "RECONCILE_SERVICE")]
    ReconcileService,
    #[serde(rename = "PRE_SCALE_UP")]
    PreScaleUp,
    #[serde(rename = "SCALE_UP")]
    ScaleUp,
    #[serde(rename = "POST_SCALE_UP")]
    PostScaleUp,
    #[serde(rename = "TEST_TRAFFIC_SHIFT")]
    TestTrafficShift,
    #[serde(rename = "POST_TEST_TRAFFIC_SHIFT")]
    PostTestTrafficShift,
    #[serde(rename = "PRODUCTION_TRAFFIC_SHIFT")]
    ProductionTrafficShift,
    #[serde(rename = "POST_PRODUCTION_TRAFFIC_SHIFT")]
    PostProductionTrafficShift,
    #[serde(rename = "BAKE_TIME")]
    BakeTime,
    #[serde(rename = "CLEAN_UP")]
    CleanUp,
}

impl ServiceDeploymentLifecycleStage {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceDeploymentLifecycleStage] = &[
        ServiceDeploymentLifecycleStage::ReconcileService,
        ServiceDeploymentLifecycleStage::PreScaleUp,
        ServiceDeploymentLifecycleStage::ScaleUp,
        ServiceDeploymentLifecycleStage::PostScaleUp,
        ServiceDeploymentLifecycleStage::TestTrafficShift,
        ServiceDeploymentLifecycleStage::PostTestTrafficShift,
        ServiceDeploymentLifecycleStage::ProductionTrafficShift,
        ServiceDeploymentLifecycleStage::PostProductionTrafficShift,
        ServiceDeploymentLifecycleStage::BakeTime,
        ServiceDeploymentLifecycleStage::CleanUp,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentLifecycleStage::ReconcileService => "RECONCILE_SERVICE",
            ServiceDeploymentLifecycleStage::PreScaleUp => "PRE_SCALE_UP",
            ServiceDeploymentLifecycleStage::ScaleUp => "SCALE_UP",
            ServiceDeploymentLifecycleStage::PostScaleUp => "POST_SCALE_UP",
            ServiceDeploymentLifecycleStage::TestTrafficShift => "TEST_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::PostProductionTrafficShift => {
                "POST_PRODUCTION_TRAFFIC_SHIFT"
            }
            ServiceDeploymentLifecycleStage::BakeTime => "BAKE_TIME",
            ServiceDeploymentLifecycleStage::CleanUp => "CLEAN_UP",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentLifecycleStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `ServiceDeploymentRollbackMonitorsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentRollbackMonitorsStatus {
    #[serde(rename = "TRIGGERED")]
    Triggered,
    #[serde(rename = "MONITORING")]
    Monitoring,
    #[serde(rename = "MONITORING_COMPLETE")]
    MonitoringComplete,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ServiceDeploymentRollbackMonitorsStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceDeploymentRollbackMonitorsStatus] = &[
        ServiceDeploymentRollbackMonitorsStatus::Triggered,
        ServiceDeploymentRollbackMonitorsStatus::Monitoring,
        ServiceDeploymentRollbackMonitorsStatus::MonitoringComplete,
        ServiceDeploymentRollbackMonitorsStatus::Disabled,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentRollbackMonitorsStatus::Triggered => "TRIGGERED",
            ServiceDeploymentRollbackMonitorsStatus::Monitoring => "MONITORING",
            ServiceDeploymentRollbackMonitorsStatus::MonitoringComplete => "MONITORING_COMPLETE",
            ServiceDeploymentRollbackMonitorsStatus::Disabled => "DISABLED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentRollbackMonitorsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `ServiceDeploymentStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "SUCCESSFUL")]
    Successful,
    #[serde(rename = "STOPPED")]
    Stopped,
    #[serde(rename = "STOP_REQUESTED")]
    StopRequested,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "ROLLBACK_REQUESTED")]
    RollbackRequested,
    #[serde(rename = "ROLLBACK_IN_PROGRESS")]
    RollbackInProgress,
    #[serde(rename = "ROLLBACK_SUCCESSFUL")]
    RollbackSuccessful,
    #[serde(rename = "ROLLBACK_FAILED")]
    RollbackFailed,
}

impl ServiceDeploymentStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceDeploymentStatus] = &[
        ServiceDeploymentStatus::Pending,
        ServiceDeploymentStatus::Successful,
        ServiceDeploymentStatus::Stopped,
        ServiceDeploymentStatus::StopRequested,
        ServiceDeploymentStatus::InProgress,
        ServiceDeploymentStatus::RollbackRequested,
        ServiceDeploymentStatus::RollbackInProgress,
        ServiceDeploymentStatus::RollbackSuccessful,
        ServiceDeploymentStatus::RollbackFailed,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentStatus::Pending => "PENDING",
            ServiceDeploymentStatus::Successful => "SUCCESSFUL",
            ServiceDeploymentStatus::Stopped => "STOPPED",
            ServiceDeploymentStatus::StopRequested => "STOP_REQUESTED",
            ServiceDeploymentStatus::InProgress => "IN_PROGRESS",
            ServiceDeploymentStatus::RollbackRequested => "ROLLBACK_REQUESTED",
            ServiceDeploymentStatus::RollbackInProgress => "ROLLBACK_IN_PROGRESS",
            ServiceDeploymentStatus::RollbackSuccessful => "ROLLBACK_SUCCESSFUL",
            ServiceDeploymentStatus::RollbackFailed => "ROLLBACK_FAILED",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ServiceEvent`. The details for an event that's associated with a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceEvent {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Validate for ServiceEvent {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `ServiceField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl ServiceField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [ServiceField] = &[ServiceField::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `ServiceManagedEBSVolumeConfiguration`. The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceManagedEBSVolumeConfiguration {
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "volumeType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_type: Option<String>,
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(
        rename = "snapshotId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub snapshot_id: Option<String>,
    #[serde(
        rename = "volumeInitializationRate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_initialization_rate: Option<i32>,
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    #[serde(
        rename = "throughput",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub throughput: Option<i32>,
    #[serde(
        rename = "tagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "filesystemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filesystem_type: Option<TaskFilesystemType>,
}

impl Validate for ServiceManagedEBSVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_specifications {
            for item in value.iter() {
                item.validate(&format!("{path}.tagSpecifications"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `ServiceRegistry`. The details for the service registry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRegistry {
    #[serde(
        rename = "registryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registry_arn: Option<String>,
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
}

impl Validate for ServiceRegistry {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceRevision`. Information about the service revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevision {
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "containerImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_images: Option<Vec<ContainerImage>>,
    #[serde(
        rename = "guardDutyEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub guard_duty_enabled: Option<bool>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
    #[serde(
        rename = "resolvedConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resolved_configuration: Option<ResolvedConfiguration>,
    #[serde(
        rename = "ecsManagedResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ecs_managed_resources: Option<ECSManagedResources>,
}

impl Validate for ServiceRevision {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.container_images {
            for item in value.iter() {
                item.validate(&format!("{path}.containerImages"))?;
            }
        }
        if let Some(value) = &self.service_connect_configuration {
            value.validate(&format!("{path}.serviceConnectConfiguration"))?;
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        if let Some(value) = &self.fargate_ephemeral_storage {
            value.validate(&format!("{path}.fargateEphemeralStorage"))?;
        }
        if let Some(value) = &self.vpc_lattice_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.vpcLatticeConfigurations"))?;
            }
        }
        if let Some(value) = &self.resolved_configuration {
            value.validate(&format!("{path}.resolvedConfiguration"))?;
        }
        if let Some(value) = &self.ecs_managed_resources {
            value.validate(&format!("{path}.ecsManagedResources"))?;
        }
        Ok(())
    }
}

/// ECS structure `ServiceRevisionLoadBalancer`. The resolved load balancer configuration for a service revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionLoadBalancer {
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
}

impl Validate for ServiceRevisionLoadBalancer {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceRevisionSummary`. The information about the number of requested, pending, and running tasks for a service revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "requestedTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_task_count: Option<i32>,
    #[serde(
        rename = "runningTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_task_count: Option<i32>,
    #[serde(
        rename = "pendingTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_task_count: Option<i32>,
    #[serde(
        rename = "requestedTestTrafficWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_test_traffic_weight: Option<f64>,
    #[serde(
        rename = "requestedProductionTrafficWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_production_traffic_weight: Option<f64>,
}

impl Validate for ServiceRevisionSummary {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `ServiceVolumeConfiguration`. The configuration for a volume specified in the task definition as a volume that is configured at launch time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceVolumeConfiguration {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "managedEBSVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_ebs_volume: Option<ServiceManagedEBSVolumeConfiguration>,
}

impl Validate for ServiceVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.managed_ebs_volume {
            value.validate(&format!("{path}.managedEBSVolume"))?;
        }
        Ok(())
    }
}

/// ECS structure `Session`. The details for the execute command session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    #[serde(rename = "sessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(rename = "streamUrl", default, skip_serializing_if = "Option::is_none")]
    pub stream_url: Option<String>,
    #[serde(
        rename = "tokenValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub token_value: Option<String>,
}

impl Validate for Session {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Setting`. The current account setting for a resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<SettingType>,
}

impl Validate for Setting {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `SettingName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SettingName {
    #[serde(rename = "serviceLongArnFormat")]
    ServiceLongArnFormat,
    #[serde(rename = "taskLongArnFormat")]
    TaskLongArnFormat,
    #[serde(rename = "containerInstanceLongArnFormat")]
    ContainerInstanceLongArnFormat,
    #[serde(rename = "awsvpcTrunking")]
    AwsvpcTrunking,
    #[serde(rename = "containerInsights")]
    ContainerInsights,
    #[serde(rename = "fargateFIPSMode")]
    FargateFIPSMode,
    #[serde(rename = "tagResourceAuthorization")]
    TagResourceAuthorization,
    #[serde(rename = "fargateTaskRetirementWaitPeriod")]
    FargateTaskRetirementWaitPeriod,
    #[serde(rename = "guardDutyActivate")]
    GuardDutyActivate,
    #[serde(rename = "defaultLogDriverMode")]
    DefaultLogDriverMode,
    #[serde(rename = "fargateEventWindows")]
    FargateEventWindows,
}

impl SettingName {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SettingName] = &[
        SettingName::ServiceLongArnFormat,
        SettingName::TaskLongArnFormat,
        SettingName::ContainerInstanceLongArnFormat,
        SettingName::AwsvpcTrunking,
        SettingName::ContainerInsights,
        SettingName::FargateFIPSMode,
        SettingName::TagResourceAuthorization,
        SettingName::FargateTaskRetirementWaitPeriod,
        SettingName::GuardDutyActivate,
        SettingName::DefaultLogDriverMode,
        SettingName::FargateEventWindows,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SettingName::ServiceLongArnFormat => "serviceLongArnFormat",
            SettingName::TaskLongArnFormat => "taskLongArnFormat",
            SettingName::ContainerInstanceLongArnFormat => "containerInstanceLongArnFormat",
            SettingName::AwsvpcTrunking => "awsvpcTrunking",
            SettingName::ContainerInsights => "containerInsights",
            SettingName::FargateFIPSMode => "fargateFIPSMode",
            SettingName::TagResourceAuthorization => "tagResourceAuthorization",
            SettingName::FargateTaskRetirementWaitPeriod => "fargateTaskRetirementWaitPeriod",
            SettingName::GuardDutyActivate => "guardDutyActivate",
            SettingName::DefaultLogDriverMode => "defaultLogDriverMode",
            SettingName::FargateEventWindows => "fargateEventWindows",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SettingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `SettingType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SettingType {
    #[serde(rename = "user")]
    User,
    #[serde(rename = "aws_managed")]
    AwsManaged,
}

impl SettingType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SettingType] = &[SettingType::User, SettingType::AwsManaged];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SettingType::User => "user",
            SettingType::AwsManaged => "aws_managed",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SettingType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `SortOrder`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SortOrder {
    #[serde(rename = "ASC")]
    Asc,
    #[serde(rename = "DESC")]
    Desc,
}

impl SortOrder {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [SortOrder] = &[SortOrder::Asc, SortOrder::Desc];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortOrder::Asc => "ASC",
            SortOrder::Desc => "DESC",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SortOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `StabilityStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StabilityStatus {
    #[serde(rename = "STEADY_STATE")]
    SteadyState,
    #[serde(rename = "STABILIZING")]
    Stabilizing,
}

impl StabilityStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [StabilityStatus] =
        &[StabilityStatus::SteadyState, StabilityStatus::Stabilizing];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StabilityStatus::SteadyState => "STEADY_STATE",
            StabilityStatus::Stabilizing => "STABILIZING",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StabilityStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `StartTaskRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartTaskRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "referenceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_id: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

impl Validate for StartTaskRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.overrides {
            value.validate(&format!("{path}.overrides"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `StartTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartTaskResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for StartTaskResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tasks {
            for item in value.iter() {
                item.validate(&format!("{path}.tasks"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `StopServiceDeploymentRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopServiceDeploymentRequest {
    #[serde(rename = "serviceDeploymentArn")]
    pub service_deployment_arn: String,
    #[serde(rename = "stopType", default, skip_serializing_if = "Option::is_none")]
    pub stop_type: Option<StopServiceDeploymentStopType>,
}

impl Validate for StopServiceDeploymentRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `StopServiceDeploymentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopServiceDeploymentResponse {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
}

impl Validate for StopServiceDeploymentResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `StopServiceDeploymentStopType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StopServiceDeploymentStopType {
    #[serde(rename = "ABORT")]
    Abort,
    #[serde(rename = "ROLLBACK")]
    Rollback,
}

impl StopServiceDeploymentStopType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [StopServiceDeploymentStopType] = &[
        StopServiceDeploymentStopType::Abort,
        StopServiceDeploymentStopType::Rollback,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StopServiceDeploymentStopType::Abort => "ABORT",
            StopServiceDeploymentStopType::Rollback => "ROLLBACK",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StopServiceDeploymentStopType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `StopTaskRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopTaskRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task")]
    pub task: String,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Validate for StopTaskRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `StopTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopTaskResponse {
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
}

impl Validate for StopTaskResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task {
            value.validate(&format!("{path}.task"))?;
        }
        Ok(())
    }
}

/// ECS structure `SubmitAttachmentStateChangesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitAttachmentStateChangesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attachments")]
    pub attachments: Vec<AttachmentStateChange>,
}

impl Validate for SubmitAttachmentStateChangesRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.attachments).iter() {
            item.validate(&format!("{path}.attachments"))?;
        }
        Ok(())
    }
}

/// ECS structure `SubmitAttachmentStateChangesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitAttachmentStateChangesResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

impl Validate for SubmitAttachmentStateChangesResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `SubmitContainerStateChangeRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitContainerStateChangeRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
}

impl Validate for SubmitContainerStateChangeRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.network_bindings {
            for item in value.iter() {
                item.validate(&format!("{path}.networkBindings"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `SubmitContainerStateChangeResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitContainerStateChangeResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

impl Validate for SubmitContainerStateChangeResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `SubmitTaskStateChangeRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitTaskStateChangeRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "containers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub containers: Option<Vec<ContainerStateChange>>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<AttachmentStateChange>>,
    #[serde(
        rename = "managedAgents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_agents: Option<Vec<ManagedAgentStateChange>>,
    #[serde(
        rename = "pullStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_started_at: Option<f64>,
    #[serde(
        rename = "pullStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_stopped_at: Option<f64>,
    #[serde(
        rename = "executionStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_stopped_at: Option<f64>,
}

impl Validate for SubmitTaskStateChangeRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.containers {
            for item in value.iter() {
                item.validate(&format!("{path}.containers"))?;
            }
        }
        if let Some(value) = &self.attachments {
            for item in value.iter() {
                item.validate(&format!("{path}.attachments"))?;
            }
        }
        if let Some(value) = &self.managed_agents {
            for item in value.iter() {
                item.validate(&format!("{path}.managedAgents"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `SubmitTaskStateChangeResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitTaskStateChangeResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

impl Validate for SubmitTaskStateChangeResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `SystemControl`. A list of namespaced kernel parameters to set in the container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemControl {
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for SystemControl {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Tag`. The metadata that you apply to a resource to help you categorize and organize them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    #[serde(rename = "key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Validate for Tag {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.key {
            check_len(path, "key", value.chars().count(), 1, 128)?;
        }
        if let Some(value) = &self.value {
            check_len(path, "value", value.chars().count(), 0, 256)?;
        }
        Ok(())
    }
}

/// ECS structure `TagResourceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tags")]
    pub tags: Vec<Tag>,
}

impl Validate for TagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "tags", (&self.tags).len(), 0, 50)?;
        for item in (&self.tags).iter() {
            item.validate(&format!("{path}.tags"))?;
        }
        Ok(())
    }
}

/// ECS structure `TagResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagResourceResponse {}

impl Validate for TagResourceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `TargetType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetType {
    #[serde(rename = "container-instance")]
    ContainerInstance,
}

impl TargetType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TargetType] = &[TargetType::ContainerInstance];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetType::ContainerInstance => "container-instance",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Task`. Details on a task in a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "availabilityZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<String>,
    #[serde(
        rename = "capacityProviderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_name: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "connectivity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connectivity: Option<Connectivity>,
    #[serde(
        rename = "connectivityAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connectivity_at: Option<f64>,
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "containers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub containers: Option<Vec<Container>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "desiredStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_status: Option<String>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "executionStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_stopped_at: Option<f64>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<HealthStatus>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "pullStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_started_at: Option<f64>,
    #[serde(
        rename = "pullStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_stopped_at: Option<f64>,
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "stopCode", default, skip_serializing_if = "Option::is_none")]
    pub stop_code: Option<TaskStopCode>,
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    #[serde(
        rename = "stoppedReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stopped_reason: Option<String>,
    #[serde(
        rename = "stoppingAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stopping_at: Option<f64>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<TaskEphemeralStorage>,
}

impl Validate for Task {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.attachments {
            for item in value.iter() {
                item.validate(&format!("{path}.attachments"))?;
            }
        }
        if let Some(value) = &self.attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.attributes"))?;
            }
        }
        if let Some(value) = &self.containers {
            for item in value.iter() {
                item.validate(&format!("{path}.containers"))?;
            }
        }
        if let Some(value) = &self.inference_accelerators {
            for item in value.iter() {
                item.validate(&format!("{path}.inferenceAccelerators"))?;
            }
        }
        if let Some(value) = &self.overrides {
            value.validate(&format!("{path}.overrides"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.ephemeral_storage {
            value.validate(&format!("{path}.ephemeralStorage"))?;
        }
        if let Some(value) = &self.fargate_ephemeral_storage {
            value.validate(&format!("{path}.fargateEphemeralStorage"))?;
        }
        Ok(())
    }
}

/// ECS structure `TaskDefinition`. The details of a task definition which describes the container and volume definitions of an Amazon Elastic Container Service task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskDefinition {
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
    #[serde(
        rename = "containerDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_definitions: Option<Vec<ContainerDefinition>>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "networkMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_mode: Option<NetworkMode>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i32>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
    #[serde(
        rename = "requiresAttributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    #[serde(
        rename = "compatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compatibilities: Option<Vec<Compatibility>>,
    #[serde(
        rename = "runtimePlatform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub runtime_platform: Option<RuntimePlatform>,
    #[serde(
        rename = "requiresCompatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    #[serde(
        rename = "proxyConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_configuration: Option<ProxyConfiguration>,
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "deregisteredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deregistered_at: Option<f64>,
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "enableFaultInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_fault_injection: Option<bool>,
}

impl Validate for TaskDefinition {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_definitions {
            for item in value.iter() {
                item.validate(&format!("{path}.containerDefinitions"))?;
            }
        }
        if let Some(value) = &self.volumes {
            for item in value.iter() {
                item.validate(&format!("{path}.volumes"))?;
            }
        }
        if let Some(value) = &self.requires_attributes {
            for item in value.iter() {
                item.validate(&format!("{path}.requiresAttributes"))?;
            }
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.runtime_platform {
            value.validate(&format!("{path}.runtimePlatform"))?;
        }
        if let Some(value) = &self.inference_accelerators {
            for item in value.iter() {
                item.validate(&format!("{path}.inferenceAccelerators"))?;
            }
        }
        if let Some(value) = &self.proxy_configuration {
            value.validate(&format!("{path}.proxyConfiguration"))?;
        }
        if let Some(value) = &self.ephemeral_storage {
            value.validate(&format!("{path}.ephemeralStorage"))?;
        }
        Ok(())
    }
}

/// ECS enum `TaskDefinitionFamilyStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionFamilyStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "INACTIVE")]
    Inactive,
    #[serde(rename = "ALL")]
    All,
}

impl TaskDefinitionFamilyStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskDefinitionFamilyStatus] = &[
        TaskDefinitionFamilyStatus::Active,
        TaskDefinitionFamilyStatus::Inactive,
        TaskDefinitionFamilyStatus::All,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionFamilyStatus::Active => "ACTIVE",
            TaskDefinitionFamilyStatus::Inactive => "INACTIVE",
            TaskDefinitionFamilyStatus::All => "ALL",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionFamilyStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `TaskDefinitionField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskDefinitionField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskDefinitionField] = &[TaskDefinitionField::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `TaskDefinitionPlacementConstraint`. The constraint on task placement in the task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskDefinitionPlacementConstraint {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<TaskDefinitionPlacementConstraintType>,
    #[serde(
        rename = "expression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expression: Option<String>,
}

impl Validate for TaskDefinitionPlacementConstraint {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `TaskDefinitionPlacementConstraintType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionPlacementConstraintType {
    #[serde(rename = "memberOf")]
    MemberOf,
}

impl TaskDefinitionPlacementConstraintType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskDefinitionPlacementConstraintType] =
        &[TaskDefinitionPlacementConstraintType::MemberOf];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionPlacementConstraintType::MemberOf => "memberOf",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionPlacementConstraintType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `TaskDefinitionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "INACTIVE")]
    Inactive,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
}

impl TaskDefinitionStatus {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskDefinitionStatus] = &[
        TaskDefinitionStatus::Active,
        TaskDefinitionStatus::Inactive,
        TaskDefinitionStatus::DeleteInProgress,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionStatus::Active => "ACTIVE",
            TaskDefinitionStatus::Inactive => "INACTIVE",
            TaskDefinitionStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `TaskEphemeralStorage`. The amount of ephemeral storage to allocate for the task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskEphemeralStorage {
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

impl Validate for TaskEphemeralStorage {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `TaskField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskField] = &[TaskField::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `TaskFilesystemType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskFilesystemType {
    #[serde(rename = "ext3")]
    Ext3,
    #[serde(rename = "ext4")]
    Ext4,
    #[serde(rename = "xfs")]
    Xfs,
    #[serde(rename = "ntfs")]
    Ntfs,
}

impl TaskFilesystemType {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskFilesystemType] = &[
        TaskFilesystemType::Ext3,
        TaskFilesystemType::Ext4,
        TaskFilesystemType::Xfs,
        TaskFilesystemType::Ntfs,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskFilesystemType::Ext3 => "ext3",
            TaskFilesystemType::Ext4 => "ext4",
            TaskFilesystemType::Xfs => "xfs",
            TaskFilesystemType::Ntfs => "ntfs",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskFilesystemType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `TaskManagedEBSVolumeConfiguration`. The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeConfiguration {
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "volumeType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_type: Option<String>,
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(
        rename = "snapshotId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub snapshot_id: Option<String>,
    #[serde(
        rename = "volumeInitializationRate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_initialization_rate: Option<i32>,
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    #[serde(
        rename = "throughput",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub throughput: Option<i32>,
    #[serde(
        rename = "tagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "terminationPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub termination_policy: Option<TaskManagedEBSVolumeTerminationPolicy>,
    #[serde(
        rename = "filesystemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filesystem_type: Option<TaskFilesystemType>,
}

impl Validate for TaskManagedEBSVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.tag_specifications {
            for item in value.iter() {
                item.validate(&format!("{path}.tagSpecifications"))?;
            }
        }
        if let Some(value) = &self.termination_policy {
            value.validate(&format!("{path}.terminationPolicy"))?;
        }
        Ok(())
    }
}

/// ECS structure `TaskManagedEBSVolumeTerminationPolicy`. The termination policy for the Amazon EBS volume when the task exits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeTerminationPolicy {
    #[serde(rename = "deleteOnTermination")]
    pub delete_on_termination: bool,
}

impl Validate for TaskManagedEBSVolumeTerminationPolicy {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `TaskOverride`. The overrides that are associated with a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskOverride {
    #[serde(
        rename = "containerOverrides",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_overrides: Option<Vec<ContainerOverride>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(
        rename = "inferenceAcceleratorOverrides",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerator_overrides: Option<Vec<InferenceAcceleratorOverride>>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
}

impl Validate for TaskOverride {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_overrides {
            for item in value.iter() {
                item.validate(&format!("{path}.containerOverrides"))?;
            }
        }
        if let Some(value) = &self.inference_accelerator_overrides {
            for item in value.iter() {
                item.validate(&format!("{path}.inferenceAcceleratorOverrides"))?;
            }
        }
        if let Some(value) = &self.ephemeral_storage {
            value.validate(&format!("{path}.ephemeralStorage"))?;
        }
        Ok(())
    }
}

/// ECS structure `TaskSet`. Information about a set of Amazon ECS tasks in either an CodeDeploy or an EXTERNAL deployment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSet {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(
        rename = "taskSetArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_set_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(
        rename = "externalId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "computedDesiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub computed_desired_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(rename = "scale", default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    #[serde(
        rename = "stabilityStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stability_status: Option<StabilityStatus>,
    #[serde(
        rename = "stabilityStatusAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stability_status_at: Option<f64>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
}

impl Validate for TaskSet {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.scale {
            value.validate(&format!("{path}.scale"))?;
        }
        if let Some(value) = &self.tags {
            check_len(path, "tags", value.len(), 0, 50)?;
            for item in value.iter() {
                item.validate(&format!("{path}.tags"))?;
            }
        }
        if let Some(value) = &self.fargate_ephemeral_storage {
            value.validate(&format!("{path}.fargateEphemeralStorage"))?;
        }
        Ok(())
    }
}

/// ECS enum `TaskSetField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskSetField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskSetField {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskSetField] = &[TaskSetField::Tags];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskSetField::Tags => "TAGS",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskSetField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS enum `TaskStopCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskStopCode {
    #[serde(rename = "TaskFailedToStart")]
    TaskFailedToStart,
    #[serde(rename = "EssentialContainerExited")]
    EssentialContainerExited,
    #[serde(rename = "UserInitiated")]
    UserInitiated,
    #[serde(rename = "ServiceSchedulerInitiated")]
    ServiceSchedulerInitiated,
    #[serde(rename = "SpotInterruption")]
    SpotInterruption,
    #[serde(rename = "TerminationNotice")]
    TerminationNotice,
}

impl TaskStopCode {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TaskStopCode] = &[
        TaskStopCode::TaskFailedToStart,
        TaskStopCode::EssentialContainerExited,
        TaskStopCode::UserInitiated,
        TaskStopCode::ServiceSchedulerInitiated,
        TaskStopCode::SpotInterruption,
        TaskStopCode::TerminationNotice,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskStopCode::TaskFailedToStart => "TaskFailedToStart",
            TaskStopCode::EssentialContainerExited => "EssentialContainerExited",
            TaskStopCode::UserInitiated => "UserInitiated",
            TaskStopCode::ServiceSchedulerInitiated => "ServiceSchedulerInitiated",
            TaskStopCode::SpotInterruption => "SpotInterruption",
            TaskStopCode::TerminationNotice => "TerminationNotice",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskStopCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `TaskVolumeConfiguration`. Configuration settings for the task volume that was configuredAtLaunch that weren't set during RegisterTaskDef.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskVolumeConfiguration {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "managedEBSVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_ebs_volume: Option<TaskManagedEBSVolumeConfiguration>,
}

impl Validate for TaskVolumeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.managed_ebs_volume {
            value.validate(&format!("{path}.managedEBSVolume"))?;
        }
        Ok(())
    }
}

/// ECS structure `TimeoutConfiguration`. An object that represents the timeout configurations for Service Connect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeoutConfiguration {
    #[serde(
        rename = "idleTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_timeout_seconds: Option<i32>,
    #[serde(
        rename = "perRequestTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_request_timeout_seconds: Option<i32>,
}

impl Validate for TimeoutConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.idle_timeout_seconds {
            check_range(path, "idleTimeoutSeconds", i64::from(*value), 0, 2147483647)?;
        }
        if let Some(value) = &self.per_request_timeout_seconds {
            check_range(
                path,
                "perRequestTimeoutSeconds",
                i64::from(*value),
                0,
                2147483647,
            )?;
        }
        Ok(())
    }
}

/// ECS structure `Tmpfs`. The container path, mount options, and size of the tmpfs mount.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tmpfs {
    #[serde(rename = "containerPath")]
    pub container_path: String,
    #[serde(rename = "size")]
    pub size: i32,
    #[serde(
        rename = "mountOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_options: Option<Vec<String>>,
}

impl Validate for Tmpfs {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `TotalLocalStorageGBRequest`. The minimum and maximum total local storage in gigabytes (GB) for instance types with local storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TotalLocalStorageGBRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Validate for TotalLocalStorageGBRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `TransportProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TransportProtocol {
    #[serde(rename = "tcp")]
    Tcp,
    #[serde(rename = "udp")]
    Udp,
}

impl TransportProtocol {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [TransportProtocol] = &[TransportProtocol::Tcp, TransportProtocol::Udp];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TransportProtocol::Tcp => "tcp",
            TransportProtocol::Udp => "udp",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TransportProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `Ulimit`. The ulimit settings to pass to the container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ulimit {
    #[serde(rename = "name")]
    pub name: UlimitName,
    #[serde(rename = "softLimit")]
    pub soft_limit: i32,
    #[serde(rename = "hardLimit")]
    pub hard_limit: i32,
}

impl Validate for Ulimit {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `UlimitName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UlimitName {
    #[serde(rename = "core")]
    Core,
    #[serde(rename = "cpu")]
    Cpu,
    #[serde(rename = "data")]
    Data,
    #[serde(rename = "fsize")]
    Fsize,
    #[serde(rename = "locks")]
    Locks,
    #[serde(rename = "memlock")]
    Memlock,
    #[serde(rename = "msgqueue")]
    Msgqueue,
    #[serde(rename = "nice")]
    Nice,
    #[serde(rename = "nofile")]
    Nofile,
    #[serde(rename = "nproc")]
    Nproc,
    #[serde(rename = "rss")]
    Rss,
    #[serde(rename = "rtprio")]
    Rtprio,
    #[serde(rename = "rttime")]
    Rttime,
    #[serde(rename = "sigpending")]
    Sigpending,
    #[serde(rename = "stack")]
    Stack,
}

impl UlimitName {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [UlimitName] = &[
        UlimitName::Core,
        UlimitName::Cpu,
        UlimitName::Data,
        UlimitName::Fsize,
        UlimitName::Locks,
        UlimitName::Memlock,
        UlimitName::Msgqueue,
        UlimitName::Nice,
        UlimitName::Nofile,
        UlimitName::Nproc,
        UlimitName::Rss,
        UlimitName::Rtprio,
        UlimitName::Rttime,
        UlimitName::Sigpending,
        UlimitName::Stack,
    ];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            UlimitName::Core => "core",
            UlimitName::Cpu => "cpu",
            UlimitName::Data => "data",
            UlimitName::Fsize => "fsize",
            UlimitName::Locks => "locks",
            UlimitName::Memlock => "memlock",
            UlimitName::Msgqueue => "msgqueue",
            UlimitName::Nice => "nice",
            UlimitName::Nofile => "nofile",
            UlimitName::Nproc => "nproc",
            UlimitName::Rss => "rss",
            UlimitName::Rtprio => "rtprio",
            UlimitName::Rttime => "rttime",
            UlimitName::Sigpending => "sigpending",
            UlimitName::Stack => "stack",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for UlimitName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `UntagResourceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tagKeys")]
    pub tag_keys: Vec<String>,
}

impl Validate for UntagResourceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UntagResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceResponse {}

impl Validate for UntagResourceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateCapacityProviderRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateCapacityProviderRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProviderUpdate>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<UpdateManagedInstancesProviderConfiguration>,
}

impl Validate for UpdateCapacityProviderRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.auto_scaling_group_provider {
            value.validate(&format!("{path}.autoScalingGroupProvider"))?;
        }
        if let Some(value) = &self.managed_instances_provider {
            value.validate(&format!("{path}.managedInstancesProvider"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

impl Validate for UpdateCapacityProviderResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider {
            value.validate(&format!("{path}.capacityProvider"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateClusterRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
}

impl Validate for UpdateClusterRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.settings {
            for item in value.iter() {
                item.validate(&format!("{path}.settings"))?;
            }
        }
        if let Some(value) = &self.configuration {
            value.validate(&format!("{path}.configuration"))?;
        }
        if let Some(value) = &self.service_connect_defaults {
            value.validate(&format!("{path}.serviceConnectDefaults"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

impl Validate for UpdateClusterResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.cluster {
            value.validate(&format!("{path}.cluster"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateClusterSettingsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterSettingsRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "settings")]
    pub settings: Vec<ClusterSetting>,
}

impl Validate for UpdateClusterSettingsRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        for item in (&self.settings).iter() {
            item.validate(&format!("{path}.settings"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateClusterSettingsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterSettingsResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

impl Validate for UpdateClusterSettingsResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.cluster {
            value.validate(&format!("{path}.cluster"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateContainerAgentRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerAgentRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstance")]
    pub container_instance: String,
}

impl Validate for UpdateContainerAgentRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateContainerAgentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerAgentResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

impl Validate for UpdateContainerAgentResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_instance {
            value.validate(&format!("{path}.containerInstance"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateContainerInstancesStateRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerInstancesStateRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(rename = "status")]
    pub status: ContainerInstanceStatus,
}

impl Validate for UpdateContainerInstancesStateRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateContainerInstancesStateResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerInstancesStateResponse {
    #[serde(
        rename = "containerInstances",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instances: Option<Vec<ContainerInstance>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for UpdateContainerInstancesStateResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.container_instances {
            for item in value.iter() {
                item.validate(&format!("{path}.containerInstances"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `UpdateDaemonRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
    #[serde(rename = "daemonTaskDefinitionArn")]
    pub daemon_task_definition_arn: String,
    #[serde(rename = "capacityProviderArns")]
    pub capacity_provider_arns: Vec<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
}

impl Validate for UpdateDaemonRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

impl Validate for UpdateDaemonResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateExpressGatewayServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "primaryContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_container: Option<ExpressGatewayContainer>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
}

impl Validate for UpdateExpressGatewayServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.primary_container {
            value.validate(&format!("{path}.primaryContainer"))?;
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.scaling_target {
            value.validate(&format!("{path}.scalingTarget"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<UpdatedExpressGatewayService>,
}

impl Validate for UpdateExpressGatewayServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateManagedInstancesProviderConfiguration`. The updated configuration for a Amazon ECS Managed Instances provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateManagedInstancesProviderConfiguration {
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(rename = "instanceLaunchTemplate")]
    pub instance_launch_template: InstanceLaunchTemplateUpdate,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

impl Validate for UpdateManagedInstancesProviderConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.instance_launch_template).validate(&format!("{path}.instanceLaunchTemplate"))?;
        if let Some(value) = &self.infrastructure_optimization {
            value.validate(&format!("{path}.infrastructureOptimization"))?;
        }
        if let Some(value) = &self.auto_repair_configuration {
            value.validate(&format!("{path}.autoRepairConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateServicePrimaryTaskSetRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServicePrimaryTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "primaryTaskSet")]
    pub primary_task_set: String,
}

impl Validate for UpdateServicePrimaryTaskSetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateServicePrimaryTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServicePrimaryTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

impl Validate for UpdateServicePrimaryTaskSetResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_set {
            value.validate(&format!("{path}.taskSet"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateServiceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "forceNewDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_new_deployment: Option<bool>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

impl Validate for UpdateServiceRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.capacity_provider_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.capacityProviderStrategy"))?;
            }
        }
        if let Some(value) = &self.deployment_configuration {
            value.validate(&format!("{path}.deploymentConfiguration"))?;
        }
        if let Some(value) = &self.network_configuration {
            value.validate(&format!("{path}.networkConfiguration"))?;
        }
        if let Some(value) = &self.placement_constraints {
            for item in value.iter() {
                item.validate(&format!("{path}.placementConstraints"))?;
            }
        }
        if let Some(value) = &self.placement_strategy {
            for item in value.iter() {
                item.validate(&format!("{path}.placementStrategy"))?;
            }
        }
        if let Some(value) = &self.deployment_controller {
            value.validate(&format!("{path}.deploymentController"))?;
        }
        if let Some(value) = &self.load_balancers {
            for item in value.iter() {
                item.validate(&format!("{path}.loadBalancers"))?;
            }
        }
        if let Some(value) = &self.service_registries {
            for item in value.iter() {
                item.validate(&format!("{path}.serviceRegistries"))?;
            }
        }
        if let Some(value) = &self.service_connect_configuration {
            value.validate(&format!("{path}.serviceConnectConfiguration"))?;
        }
        if let Some(value) = &self.volume_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.volumeConfigurations"))?;
            }
        }
        if let Some(value) = &self.vpc_lattice_configurations {
            for item in value.iter() {
                item.validate(&format!("{path}.vpcLatticeConfigurations"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `UpdateServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

impl Validate for UpdateServiceResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.service {
            value.validate(&format!("{path}.service"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdateTaskProtectionRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskProtectionRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "tasks")]
    pub tasks: Vec<String>,
    #[serde(rename = "protectionEnabled")]
    pub protection_enabled: bool,
    #[serde(
        rename = "expiresInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in_minutes: Option<i32>,
}

impl Validate for UpdateTaskProtectionRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `UpdateTaskProtectionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskProtectionResponse {
    #[serde(
        rename = "protectedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protected_tasks: Option<Vec<ProtectedTask>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

impl Validate for UpdateTaskProtectionResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.protected_tasks {
            for item in value.iter() {
                item.validate(&format!("{path}.protectedTasks"))?;
            }
        }
        if let Some(value) = &self.failures {
            for item in value.iter() {
                item.validate(&format!("{path}.failures"))?;
            }
        }
        Ok(())
    }
}

/// ECS structure `UpdateTaskSetRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSet")]
    pub task_set: String,
    #[serde(rename = "scale")]
    pub scale: Scale,
}

impl Validate for UpdateTaskSetRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        (&self.scale).validate(&format!("{path}.scale"))?;
        Ok(())
    }
}

/// ECS structure `UpdateTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

impl Validate for UpdateTaskSetResponse {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.task_set {
            value.validate(&format!("{path}.taskSet"))?;
        }
        Ok(())
    }
}

/// ECS structure `UpdatedExpressGatewayService`. An object that describes an Express service to be updated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatedExpressGatewayService {
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ExpressGatewayServiceStatus>,
    #[serde(
        rename = "targetConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_configuration: Option<ExpressGatewayServiceConfiguration>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

impl Validate for UpdatedExpressGatewayService {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.status {
            value.validate(&format!("{path}.status"))?;
        }
        if let Some(value) = &self.target_configuration {
            value.validate(&format!("{path}.targetConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `VCpuCountRangeRequest`. The minimum and maximum number of vCPUs for instance type selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VCpuCountRangeRequest {
    #[serde(rename = "min")]
    pub min: i32,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

impl Validate for VCpuCountRangeRequest {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS enum `VersionConsistency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VersionConsistency {
    #[serde(rename = "enabled")]
    Enabled,
    #[serde(rename = "disabled")]
    Disabled,
}

impl VersionConsistency {
    /// Every value the model allows, in the model's order.
    pub const ALL: &'static [VersionConsistency] =
        &[VersionConsistency::Enabled, VersionConsistency::Disabled];
    /// The wire spelling of this value.
    pub fn as_str(&self) -> &'static str {
        match self {
            VersionConsistency::Enabled => "enabled",
            VersionConsistency::Disabled => "disabled",
        }
    }
    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for VersionConsistency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ECS structure `VersionInfo`. The Docker and Amazon ECS container agent version information about a container instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    #[serde(
        rename = "agentVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_version: Option<String>,
    #[serde(rename = "agentHash", default, skip_serializing_if = "Option::is_none")]
    pub agent_hash: Option<String>,
    #[serde(
        rename = "dockerVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_version: Option<String>,
}

impl Validate for VersionInfo {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `Volume`. The data volume configuration for tasks launched using this task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Volume {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<HostVolumeProperties>,
    #[serde(
        rename = "dockerVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_volume_configuration: Option<DockerVolumeConfiguration>,
    #[serde(
        rename = "efsVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub efs_volume_configuration: Option<EFSVolumeConfiguration>,
    #[serde(
        rename = "s3filesVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3files_volume_configuration: Option<S3FilesVolumeConfiguration>,
    #[serde(
        rename = "fsxWindowsFileServerVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fsx_windows_file_server_volume_configuration:
        Option<FSxWindowsFileServerVolumeConfiguration>,
    #[serde(
        rename = "configuredAtLaunch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configured_at_launch: Option<bool>,
}

impl Validate for Volume {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        if let Some(value) = &self.host {
            value.validate(&format!("{path}.host"))?;
        }
        if let Some(value) = &self.docker_volume_configuration {
            value.validate(&format!("{path}.dockerVolumeConfiguration"))?;
        }
        if let Some(value) = &self.efs_volume_configuration {
            value.validate(&format!("{path}.efsVolumeConfiguration"))?;
        }
        if let Some(value) = &self.s3files_volume_configuration {
            value.validate(&format!("{path}.s3filesVolumeConfiguration"))?;
        }
        if let Some(value) = &self.fsx_windows_file_server_volume_configuration {
            value.validate(&format!("{path}.fsxWindowsFileServerVolumeConfiguration"))?;
        }
        Ok(())
    }
}

/// ECS structure `VolumeFrom`. Details on a data volume from another container in the same task definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VolumeFrom {
    #[serde(
        rename = "sourceContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_container: Option<String>,
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

impl Validate for VolumeFrom {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// ECS structure `VpcLatticeConfiguration`. The VPC Lattice configuration for your service that holds the information for the target group(s) Amazon ECS tasks will be registered to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VpcLatticeConfiguration {
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(rename = "targetGroupArn")]
    pub target_group_arn: String,
    #[serde(rename = "portName")]
    pub port_name: String,
}

impl Validate for VpcLatticeConfiguration {
    #[allow(unused_variables)]
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        Ok(())
    }
}
