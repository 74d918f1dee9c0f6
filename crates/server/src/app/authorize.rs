//! Authorization of API calls: whether a caller's policies allow what a call needs.
//!
//! Every API's dispatch computes the [`Access`]es a call needs (an IAM action on a
//! resource, with condition keys) and asks [`App::authorize`] before calling the app layer.
//! The administrator is allowed everything; every other principal is allowed only what its
//! identity-based policies allow, with IAM's evaluation (an explicit deny wins, then an
//! allow, else the call is denied).

use crate::error::{Error, Result};
use crate::identity::{Access, Caller, Principal};

use super::App;

impl App {
    /// Whether the caller may do everything in `accesses`. The error names the first access
    /// refused, in AWS's words.
    pub fn authorize(&self, caller: &Caller, accesses: &[Access]) -> Result<()> {
        if caller.principal.is_admin() {
            return Ok(());
        }
        // Users and sessions cannot be made yet, so no policy can allow them anything.
        match accesses.first() {
            Some(access) => Err(self.denied(&caller.principal, access, false)),
            None => Ok(()),
        }
    }

    /// The AccessDenied error for `access`, as AWS words it.
    pub(crate) fn denied(&self, principal: &Principal, access: &Access, explicit: bool) -> Error {
        let why = if explicit {
            "with an explicit deny in an identity-based policy".to_owned()
        } else {
            format!(
                "because no identity-based policy allows the {} action",
                access.action
            )
        };
        Error::AccessDenied(format!(
            "User: {} is not authorized to perform: {} on resource: {} {why}",
            principal.arn(&self.config.scope.account),
            access.action,
            access.resource,
        ))
    }

    /// Finds the secret of an access key and the principal it belongs to. A session key
    /// (`ASIA…`) must come with its session token, which holds the secret.
    pub(crate) fn resolve_access_key(
        &self,
        access_key_id: &str,
        session_token: Option<&str>,
    ) -> std::result::Result<Option<(String, Principal)>, crate::identity::SessionError> {
        if access_key_id.starts_with(crate::identity::SESSION_KEY_PREFIX) {
            let Some(token) = session_token else {
                return Ok(None);
            };
            let now = crate::model::now() as i64;
            let claims = crate::identity::open_session(&self.keyring, access_key_id, token, now)?;
            let secret = claims.secret_access_key.clone();
            return Ok(Some((secret, Principal::Session(claims))));
        }
        let view = self.view.read();
        let Some(key) = view.access_keys.get(access_key_id) else {
            return Ok(None);
        };
        let principal = match &key.user {
            None => Principal::Admin {
                access_key_id: access_key_id.to_owned(),
            },
            // IAM users arrive with the IAM API; until then no key names one.
            Some(_) => return Ok(None),
        };
        Ok(Some((key.secret_access_key.clone(), principal)))
    }
}
