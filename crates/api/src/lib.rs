//! berth's wire contract: the AWS APIs berth serves (shapes generated from botocore's
//! models), the AWS Query protocol codec, ARNs, ECS error codes, and the messages of the
//! agent protocol.
//!
//! This crate does no I/O and has no async runtime, so that every other crate (the
//! server, the agent, the scheduler, tests) can share one definition of the wire.
//! `tools/gen_aws_types.py SERVICE` regenerates a service's module.

pub mod arn;
pub mod awslogs;
/// EC2 (EC2 Query, `ec2/2016-11-15`): subnets and security groups, the subset berth serves
/// for awsvpc networking.
pub mod ec2;
/// ECS (AWS JSON 1.1): every shape of the `ecs/2014-11-13` model.
pub mod ecs;
/// Elastic Load Balancing v2 (AWS Query, `elbv2/2015-12-01`): load balancers, target groups,
/// listeners, rules, targets, tags.
pub mod elbv2;
pub mod error;
/// IAM (AWS Query, `iam/2010-05-08`): roles, users, access keys, inline policies.
pub mod iam;
/// The load balancer data plane's configuration and health reports.
pub mod lb;
/// CloudWatch Logs (AWS JSON 1.1, `logs/2014-03-28`): log groups, streams, events, tags.
pub mod logs;
pub mod protocol;
pub mod query;
/// Secrets Manager (AWS JSON 1.1, `secretsmanager/2017-10-17`): secrets, versions, tags.
pub mod secretsmanager;
/// SSM Parameter Store (AWS JSON 1.1, `ssm/2014-11-06`): parameters, labels, tags.
pub mod ssm;
pub mod ssm_channel;
/// STS (AWS Query, `sts/2011-06-15`): GetCallerIdentity and AssumeRole.
pub mod sts;
pub mod validate;

pub use error::{ApiError, ErrorCode};
pub use validate::{Validate, ValidationError};

/// The `X-Amz-Target` prefix of every ECS action.
pub const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";

/// The SigV4 service name ECS requests are signed for.
pub const SIGNING_SERVICE: &str = "ecs";
