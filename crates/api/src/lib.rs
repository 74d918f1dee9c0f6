//! berth's wire contract: ECS JSON 1.1 shapes (generated from botocore's model), ARNs,
//! ECS error codes, and the messages of the agent protocol.
//!
//! This crate does no I/O and has no async runtime, so that every other crate (the
//! server, the agent, the scheduler, tests) can share one definition of the wire.

pub mod arn;
pub mod ecs;
pub mod error;
pub mod protocol;
pub mod validate;

pub use error::{ApiError, ErrorCode};
pub use validate::{Validate, ValidationError};

/// The `X-Amz-Target` prefix of every ECS action.
pub const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";

/// The SigV4 service name ECS requests are signed for.
pub const SIGNING_SERVICE: &str = "ecs";
