//! STS: GetCallerIdentity and AssumeRole.
//!
//! AssumeRole is authorized by the role's trust policy with the caller as principal
//! ([`crate::authz::trust_grant`]). When the trust policy names only the caller's account,
//! the account delegates to its own policies, and the caller's identity policies must also
//! allow `sts:AssumeRole` on the role, as IAM's rule for role trust policies says. A role
//! that does not exist is refused exactly as one that does not trust the caller, as AWS
//! does.
//!
//! Sessions are stateless ([`crate::identity::mint_session`]): the token carries the role's
//! name and unique id, and authentication refuses it once the role is gone or made again.

use berth_api::sts::{
    AssumeRoleRequest, AssumeRoleResponse, AssumedRoleUser, Credentials, GetCallerIdentityRequest,
    GetCallerIdentityResponse,
};

use super::iam::{check_name, refuse_member};
use super::App;
use crate::authz::{self, Decision, TrustGrant, TrustPrincipal};
use crate::error::{Error, Result};
use crate::identity::{mint_session, Access, Caller, Principal, SessionClaims};

/// A session's length when AssumeRole gives none, as STS.
const DEFAULT_DURATION_SECONDS: i32 = 3600;
/// The longest session a role session may start by assuming another role (role chaining).
const MAX_CHAINED_DURATION_SECONDS: i32 = 3600;

impl App {
    /// GetCallerIdentity: who signed the request. It needs no permission.
    pub async fn get_caller_identity(
        &self,
        caller: &Caller,
        _req: GetCallerIdentityRequest,
    ) -> Result<GetCallerIdentityResponse> {
        let account = &self.config.scope.account;
        Ok(GetCallerIdentityResponse {
            user_id: Some(caller.principal.user_id(account)),
            account: Some(account.clone()),
            arn: Some(caller.principal.arn(account)),
        })
    }

    pub async fn assume_role(
        &self,
        caller: &Caller,
        req: AssumeRoleRequest,
    ) -> Result<AssumeRoleResponse> {
        refuse_unsupported(&req)?;
        if !req.role_session_name.is_empty() {
            check_name("roleSessionName", &req.role_session_name)?;
        }
        let access = Access::new("sts:AssumeRole", req.role_arn.clone());
        let role = self
            .view
            .read()
            .iam
            .role_by_arn(&req.role_arn)
            .cloned()
            .ok_or_else(|| self.denied(&caller.principal, &access, false))?;
        let account = self.config.scope.account.clone();

        // The trust policy's half, with the caller as principal.
        let mut context = self.request_context(caller);
        context.add("sts:RoleSessionName", req.role_session_name.clone());
        if let Some(external_id) = &req.external_id {
            context.add("sts:ExternalId", external_id.clone());
        }
        let session_arn;
        let principal = match &caller.principal {
            Principal::Admin { .. } => TrustPrincipal::Account(&account),
            Principal::User { arn, .. } => TrustPrincipal::User(arn),
            Principal::Session(claims) => {
                session_arn = claims.assumed_role_arn(&account);
                TrustPrincipal::RoleSession {
                    role_arn: &claims.role_arn,
                    session_arn: &session_arn,
                }
            }
        };
        let grant = match role.trust.as_ref() {
            Some(trust) => authz::trust_grant(trust, "sts:AssumeRole", &principal, &context),
            None => Err(Decision::ImplicitDeny),
        };
        match grant {
            Ok(TrustGrant::Named) => {}
            // The account delegates to the caller's own policies.
            Ok(TrustGrant::Account) => self.authorize(caller, std::slice::from_ref(&access))?,
            Err(decision) => {
                return Err(self.denied(
                    &caller.principal,
                    &access,
                    decision == Decision::ExplicitDeny,
                ))
            }
        }

        let duration = req.duration_seconds.unwrap_or(DEFAULT_DURATION_SECONDS);
        if matches!(caller.principal, Principal::Session(_))
            && duration > MAX_CHAINED_DURATION_SECONDS
        {
            return Err(Error::invalid(format!(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles \
                 assumed by role chaining: a role session may ask for at most \
                 {MAX_CHAINED_DURATION_SECONDS} seconds."
            )));
        }
        if duration > role.record.max_session_duration {
            return Err(Error::invalid(format!(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this \
                 role: {duration} > {} (raise it with aws iam update-role, or ask for less).",
                role.record.max_session_duration
            )));
        }
        let expires_at = crate::model::now() as i64 + i64::from(duration);
        let claims = SessionClaims::for_role(&role.record, req.role_session_name, expires_at, None);
        let assumed = AssumedRoleUser {
            assumed_role_id: format!("{}:{}", claims.role_id, claims.session_name),
            arn: claims.assumed_role_arn(&account),
        };
        let credentials = mint_session(&self.keyring, claims);
        Ok(AssumeRoleResponse {
            credentials: Some(Credentials {
                access_key_id: credentials.access_key_id,
                secret_access_key: credentials.secret_access_key,
                session_token: credentials.session_token,
                expiration: credentials.expires_at as f64,
            }),
            assumed_role_user: Some(assumed),
            packed_policy_size: None,
            source_identity: None,
        })
    }
}

/// AssumeRole's members berth does not apply, refused by name.
fn refuse_unsupported(req: &AssumeRoleRequest) -> Result<()> {
    refuse_member(
        req.policy.is_some() || req.policy_arns.is_some(),
        "session policies (Policy, PolicyArns)",
        "a session has exactly its role's permissions",
    )?;
    refuse_member(
        req.tags.is_some() || req.transitive_tag_keys.is_some(),
        "session tags (Tags, TransitiveTagKeys)",
        "sessions carry no tags",
    )?;
    refuse_member(
        req.serial_number.is_some() || req.token_code.is_some(),
        "MFA (SerialNumber, TokenCode)",
        "berth has no MFA devices",
    )?;
    refuse_member(
        req.source_identity.is_some(),
        "SourceIdentity",
        "sessions carry no source identity",
    )?;
    refuse_member(
        req.provided_contexts.is_some(),
        "ProvidedContexts",
        "berth has no trusted context providers",
    )?;
    Ok(())
}
