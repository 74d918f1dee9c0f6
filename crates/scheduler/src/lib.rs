//! berth's task placement: a pure, synchronous, deterministic function from a
//! snapshot of a cluster's container instances and a request (task demand,
//! count, strategies, constraints, seed) to placements, or to ECS's failure
//! reasons for the tasks that do not fit.
//!
//! No I/O, no async, no clock: the server calls it under its own lock and
//! applies the result. Randomness comes only from the request's seed, so a
//! decision can be replayed exactly.
//!
//! - [`model`]: the scheduler's view of instances and demands.
//! - [`strategy`] / [`constraint`]: ECS strategies and constraints, parsed from
//!   their wire strings once ([`parse_strategy`], [`parse_constraint`]).
//! - [`query`]: the cluster query language behind `memberOf`.
//! - [`Cluster`]: instances plus indexes; [`Cluster::place`] is the algorithm.
//!   [`schedule`] is the one-shot form over a slice.
//! - [`failure`]: ECS's `failures[]` reasons.
//! - [`testing`]: fake clusters for tests and benchmarks.

pub mod cluster;
pub mod constraint;
pub mod error;
pub mod failure;
pub mod model;
pub mod query;
pub mod strategy;
pub mod testing;

pub use cluster::{Cluster, Placement, PlacementOutcome, PlacementRequest};
pub use constraint::{parse_constraint, parse_constraints, Constraint, MemberOf};
pub use error::ScheduleError;
pub use failure::{FailureReason, PlacementFailure};
pub use model::{Instance, InstanceStatus, LaunchType, RequiredAttribute, Resources, TaskDemand};
pub use query::Expr;
pub use strategy::{parse_strategies, parse_strategy, BinpackField, SpreadField, Strategy};

/// Places `request` on a snapshot without keeping any state: builds a
/// [`Cluster`] from a copy of `instances` and places on it. Placements index
/// into `instances`; the caller applies them to its own records.
///
/// This rebuilds the indexes every call (O(instances) plus one evaluation of
/// each memberOf per instance). A caller placing often on a large cluster
/// should keep a [`Cluster`] and update it instead.
pub fn schedule(
    instances: &[Instance],
    request: &PlacementRequest,
) -> Result<PlacementOutcome, ScheduleError> {
    Cluster::new(instances.to_vec())?.place(request)
}
