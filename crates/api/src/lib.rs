//! berth's wire contract: the AWS APIs berth serves (shapes generated from botocore's
//! models), the AWS Query protocol codec, ARNs, ECS error codes, and the messages of the
//! agent protocol.
//!
//! This crate does no I/O and has no async runtime, so that every other crate (the
//! server, the agent, the scheduler, tests) can share one definition of the wire.
//! `tools/gen_aws_types.py SERVICE` regenerates a service's module.

pub mod arn;
/// ECS (AWS JSON 1.1): every shape of the `ecs/2014-11-13` model.
pub mod ecs;
pub mod error;
pub mod protocol;
pub mod query;
pub mod validate;

pub use error::{ApiError, ErrorCode};
pub use validate::{Validate, ValidationError};

/// The `X-Amz-Target` prefix of every ECS action.
pub const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";

/// The SigV4 service name ECS requests are signed for.
pub const SIGNING_SERVICE: &str = "ecs";
