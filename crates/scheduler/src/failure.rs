//! Why a task could not be placed, in ECS's own `failures[]` vocabulary.
//!
//! ECS reports one failure per container instance that rejected the task, with the
//! instance ARN and a reason; when the cluster has no instance that could even be
//! considered it reports a single failure without an ARN. When several reasons
//! apply to one instance, the first in this order wins (see
//! [`crate::Cluster::place`]): `AGENT`, then non-ACTIVE status and launch-type
//! mismatch (both leave the instance out of the report, as ECS does for draining
//! instances), `ATTRIBUTE`, `MemberOf`, `DistinctInstance`, `RESOURCE:CPU`,
//! `RESOURCE:MEMORY`, `RESOURCE:GPU`, `RESOURCE:PORTS` (TCP and UDP alike).

use std::fmt;

use berth_api::ecs::Failure;

/// One ECS placement failure reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureReason {
    /// No container instance could be considered at all.
    NoInstances,
    /// The instance's agent is disconnected.
    Agent,
    /// The instance lacks an attribute the task definition requires.
    Attribute,
    MemberOf,
    DistinctInstance,
    Cpu,
    Memory,
    /// Fewer free GPUs than the task's containers reserve.
    Gpu,
    /// A static host port (TCP or UDP) is reserved or already bound.
    Ports,
}

impl FailureReason {
    /// The exact `reason` string ECS puts in `failures[]`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureReason::NoInstances => "No Container Instances were found in your cluster.",
            FailureReason::Agent => "AGENT",
            FailureReason::Attribute => "ATTRIBUTE",
            FailureReason::MemberOf => "MemberOf placement constraint unsatisfied",
            FailureReason::DistinctInstance => "DistinctInstance placement constraint unsatisfied",
            FailureReason::Cpu => "RESOURCE:CPU",
            FailureReason::Memory => "RESOURCE:MEMORY",
            FailureReason::Gpu => "RESOURCE:GPU",
            FailureReason::Ports => "RESOURCE:PORTS",
        }
    }
}

impl fmt::Display for FailureReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of ECS's `failures[]` for a placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementFailure {
    pub reason: FailureReason,
    /// The container instance that rejected the task; `None` for cluster-wide reasons.
    pub instance_arn: Option<String>,
}

impl PlacementFailure {
    /// The wire shape of this failure.
    pub fn to_ecs(&self) -> Failure {
        Failure {
            arn: self.instance_arn.clone(),
            reason: Some(self.reason.as_str().to_string()),
            detail: None,
        }
    }
}
