//! IAM policy documents and their evaluation, as pure code (no I/O, no async, no store).
//!
//! berth authorizes every API call of every service it serves the way IAM does in one
//! account. This module is the policy half of that: it parses and validates policy
//! documents with IAM's grammar and messages, and evaluates them for a request. Who the
//! caller is, which policies it has, and which condition keys describe a request are the
//! API layer's business.
//!
//! # Interface
//!
//! - [`Policy::parse`]`(json, kind)` reads a document (already URL-decoded) as an identity
//!   policy ([`PolicyKind::Identity`]: `put-user-policy`, `put-role-policy`) or a role's
//!   trust policy ([`PolicyKind::Trust`]: `create-role --assume-role-policy-document`).
//!   A refusal is a [`PolicyError`] whose message starts with IAM's
//!   `MalformedPolicyDocument` wording and says what to fix. Wildcard patterns and
//!   condition values are compiled here, once: keep the `Policy` (in an `Arc`) next to the
//!   document text in the view, and evaluation allocates nothing for patterns other than
//!   ARNs with a `*` inside one of their first five fields.
//! - [`evaluate`]`(policies, request)` → [`Decision`] (`Allow`, `ExplicitDeny`,
//!   `ImplicitDeny`) for one action on one resource; [`authorize_all`] for an action that
//!   touches several resources (allowed when each is), returning the resource that was not.
//! - [`trusts`]`(trust, principal, context)` → [`Decision`] for `sts:AssumeRole`, and
//!   [`trust_grant`] for any `sts:` action, which also says whether the trust policy named
//!   the principal itself ([`TrustGrant::Named`]) or only its account
//!   ([`TrustGrant::Account`]).
//! - [`Context`] holds the request's condition keys (case-insensitive, each with any number
//!   of values); [`keys`] lists the global keys worth setting.
//! - Size quotas are constants for the API to enforce over all of an entity's inline
//!   policies, measured with [`policy_size`] (IAM does not count whitespace):
//!   [`MAX_ROLE_INLINE_POLICY_CHARS`] (10,240), [`MAX_USER_INLINE_POLICY_CHARS`] (2,048),
//!   [`MAX_GROUP_INLINE_POLICY_CHARS`], [`MAX_MANAGED_POLICY_CHARS`],
//!   [`MAX_TRUST_POLICY_CHARS`]. [`Policy::parse`] itself refuses only what the API model
//!   refuses (more than [`MAX_DOCUMENT_CHARS`], characters outside U+0009/A/D and
//!   U+0020–U+00FF).
//!
//! # How the API layer is expected to use it
//!
//! - An administrator key is allowed everything and is not evaluated.
//! - An IAM user's request: `evaluate` with the user's inline policies. A role session's:
//!   with the role's inline policies. Put `aws:username` (users only), `aws:userid`,
//!   `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:SourceIp`,
//!   `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport`, `aws:RequestedRegion`, and
//!   the service's own keys (`ecs:cluster`, …) in the context.
//! - `AssumeRole`: the role's trust policy must allow the caller ([`trust_grant`]); when
//!   it allowed only through the caller's account ([`TrustGrant::Account`]), the caller's
//!   identity policies must also allow `sts:AssumeRole` on the role's ARN. An ECS task
//!   role is assumed for the service principal `ecs-tasks.amazonaws.com`
//!   ([`TrustPrincipal::Service`]) with `aws:SourceArn` and `aws:SourceAccount` set.
//! - `PutRolePolicy`/`CreateRole` should also check that the users and roles a trust
//!   policy names exist ([`Policy::aws_principals`]), as IAM does.
//!
//! # Evaluation rules
//!
//! An explicit Deny in any applicable statement wins; else an Allow; else the request is
//! implicitly denied. Actions match case-insensitively with `*` and `?`; resources match
//! case-sensitively, and a `*` in an ARN stays inside its field unless it ends the field
//! or is in the resource part (the details are in `pattern.rs`). Conditions follow IAM's
//! operators, `…IfExists`, `ForAnyValue:`/`ForAllValues:` and missing-key rules
//! (`condition.rs`). Policy variables (`${aws:username}`, `${aws:PrincipalTag/team,
//! 'default'}`, `${*}`, `${?}`, `${$}`) are replaced in resources and in `String*`/`Arn*`
//! condition values of version 2012-10-17 documents, by the key's single value; a key that
//! is absent or multivalued, without a default, matches nothing.
//!
//! ```
//! use berth_server::authz::{evaluate, Context, Decision, Policy, PolicyKind, Request};
//!
//! let policy = Policy::parse(
//!     r#"{"Version": "2012-10-17", "Statement": [{
//!         "Effect": "Allow", "Action": "ecs:*",
//!         "Resource": "arn:aws:ecs:*:000000000000:cluster/${aws:username}"}]}"#,
//!     PolicyKind::Identity,
//! )
//! .unwrap();
//! let context = Context::new().with("aws:username", "alice");
//! let request = Request {
//!     action: "ecs:DescribeClusters",
//!     resource: "arn:aws:ecs:us-east-1:000000000000:cluster/alice",
//!     context: &context,
//! };
//! assert_eq!(evaluate(&[&policy], &request), Decision::Allow);
//! ```

mod condition;
mod context;
mod document;
mod error;
mod evaluate;
mod json;
mod pattern;
mod principal;
#[cfg(test)]
mod tests;

pub use context::{keys, Context};
pub use document::{
    policy_size, Policy, PolicyKind, PolicyVersion, MAX_DOCUMENT_CHARS,
    MAX_GROUP_INLINE_POLICY_CHARS, MAX_MANAGED_POLICY_CHARS, MAX_ROLE_INLINE_POLICY_CHARS,
    MAX_TRUST_POLICY_CHARS, MAX_USER_INLINE_POLICY_CHARS,
};
pub use error::PolicyError;
pub use evaluate::{
    authorize_all, evaluate, trust_grant, trusts, Decision, Denied, Request, TrustGrant,
};
pub use principal::TrustPrincipal;
