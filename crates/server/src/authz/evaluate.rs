//! Policy evaluation as IAM does it within one account.
//!
//! For identity policies ([`evaluate`]): a statement applies to a request when its
//! `Action`/`NotAction` covers the action, its `Resource`/`NotResource` covers the resource
//! and every condition holds. If any applicable statement of any of the policies denies,
//! the answer is an explicit deny, whatever allows; otherwise an applicable Allow allows;
//! otherwise the request is implicitly denied.
//!
//! For trust policies ([`trusts`], [`trust_grant`]) the same rule runs over statements
//! whose `Principal` names the caller (or whose `NotPrincipal` does not), for the action
//! `sts:AssumeRole` (or another `sts:` action).

use super::context::Context;
use super::document::{Effect, Policy, Statement};
use super::principal::TrustPrincipal;

/// What is being asked: one action on one resource, in a context.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `service:Action`, as in `ecs:RunTask` (compared regardless of case).
    pub action: &'a str,
    /// The resource's ARN, or `"*"` for an action that has no resource (`ecs:ListClusters`),
    /// which only statements with `"Resource": "*"` (or a `NotResource` not matching `*`)
    /// cover, as in IAM.
    pub resource: &'a str,
    /// The request's condition keys.
    pub context: &'a Context,
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// An applicable statement allows the request and none denies it.
    Allow,
    /// An applicable statement denies the request ("with an explicit deny in an
    /// identity-based policy", in AWS's `AccessDenied` message).
    ExplicitDeny,
    /// No applicable statement allows the request ("because no identity-based policy
    /// allows the … action").
    ImplicitDeny,
}

impl Decision {
    /// Whether the request may go ahead.
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// Evaluates identity policies (a user's or a role's) for one request.
///
/// Only identity-policy statements take part: a trust policy's statements name principals,
/// which a [`Request`] does not carry, so they never apply here (use [`trusts`]).
pub fn evaluate(policies: &[&Policy], request: &Request) -> Decision {
    let mut allowed = false;
    for policy in policies {
        for statement in policy.statements.iter() {
            if statement.principals.is_some() || (allowed && statement.effect == Effect::Allow) {
                continue;
            }
            if applies(statement, request) {
                match statement.effect {
                    Effect::Deny => return Decision::ExplicitDeny,
                    Effect::Allow => allowed = true,
                }
            }
        }
    }
    if allowed {
        Decision::Allow
    } else {
        Decision::ImplicitDeny
    }
}

/// Why [`authorize_all`] refused: the decision for the first resource that was not allowed
/// (an explicitly denied one if there is any), for the `AccessDenied` message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Denied<'r> {
    /// [`Decision::ExplicitDeny`] or [`Decision::ImplicitDeny`].
    pub decision: Decision,
    /// The resource it was about.
    pub resource: &'r str,
}

/// Authorizes an action that touches several resources (`ecs:DescribeTasks` on three
/// tasks): it is allowed when each resource is. An empty list is evaluated as the single
/// resource `"*"`.
pub fn authorize_all<'r>(
    policies: &[&Policy],
    action: &str,
    resources: &[&'r str],
    context: &Context,
) -> Result<(), Denied<'r>> {
    let resources: &[&'r str] = if resources.is_empty() {
        &["*"]
    } else {
        resources
    };
    let mut first_implicit = None;
    for resource in resources {
        let request = Request {
            action,
            resource,
            context,
        };
        match evaluate(policies, &request) {
            Decision::Allow => {}
            Decision::ExplicitDeny => {
                return Err(Denied {
                    decision: Decision::ExplicitDeny,
                    resource,
                })
            }
            Decision::ImplicitDeny => {
                first_implicit.get_or_insert(Denied {
                    decision: Decision::ImplicitDeny,
                    resource,
                });
            }
        }
    }
    first_implicit.map_or(Ok(()), Err)
}

/// How a trust policy allows a principal, which decides whether the principal's own
/// identity policies must allow the action too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrustGrant {
    /// A statement names the principal itself (its user, role or session ARN, its service,
    /// its provider, or everyone with `"*"`): the trust policy alone grants the action.
    Named,
    /// Only statements naming the principal's account (`"AWS": "ACCOUNT"` or the account's
    /// `root` ARN) allow it. The account delegates the decision to its own policies: the
    /// principal's identity policies must also allow the action on the role (IAM's rule
    /// for role trust policies).
    Account,
}

/// Whether `trust` lets `principal` assume the role (`sts:AssumeRole`), with the request's
/// condition keys in `context` (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalArn`, …).
///
/// `Allow` here is the trust policy's half of the answer; see [`trust_grant`] for when the
/// caller's identity policies must allow `sts:AssumeRole` too. An identity policy passed
/// here names no principals, so it never allows.
pub fn trusts(trust: &Policy, principal: &TrustPrincipal, context: &Context) -> Decision {
    match trust_grant(trust, "sts:AssumeRole", principal, context) {
        Ok(_) => Decision::Allow,
        Err(decision) => decision,
    }
}

/// Evaluates a trust policy for any `sts:` action (`sts:AssumeRole`, `sts:TagSession`, …):
/// `Ok` with how it allows `principal`, or `Err` with [`Decision::ExplicitDeny`] or
/// [`Decision::ImplicitDeny`].
pub fn trust_grant(
    trust: &Policy,
    action: &str,
    principal: &TrustPrincipal,
    context: &Context,
) -> Result<TrustGrant, Decision> {
    let mut grant: Option<TrustGrant> = None;
    for statement in trust.statements.iter() {
        let Some((principals, negated)) = &statement.principals else {
            continue;
        };
        let named = principals.names(principal);
        let covered = if *negated {
            named.is_none().then_some(TrustGrant::Named)
        } else {
            named
        };
        let Some(how) = covered else {
            continue;
        };
        if !statement.actions.covers(action, context)
            || !statement.conditions.iter().all(|c| c.holds(context))
        {
            continue;
        }
        match statement.effect {
            Effect::Deny => return Err(Decision::ExplicitDeny),
            Effect::Allow => {
                if grant != Some(TrustGrant::Named) {
                    grant = Some(how);
                }
            }
        }
    }
    grant.ok_or(Decision::ImplicitDeny)
}

/// Whether an identity statement applies to `request`; cheapest tests first.
fn applies(statement: &Statement, request: &Request) -> bool {
    statement.actions.covers(request.action, request.context)
        && statement
            .resources
            .as_ref()
            .is_none_or(|resources| resources.covers(request.resource, request.context))
        && statement
            .conditions
            .iter()
            .all(|condition| condition.holds(request.context))
}
