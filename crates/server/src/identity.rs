//! Who is calling, and what a call needs permission for.
//!
//! Every signed request to any of berth's AWS APIs is made by a [`Principal`]:
//! - the **administrator**, the access key made when the store was initialised (the one
//!   `berth dev` prints): allowed everything, as an account's root user is;
//! - an **IAM user**, through one of its access keys: allowed what its policies allow;
//! - an **assumed-role session** (temporary credentials from STS `AssumeRole`, or a task's
//!   role credentials from the container credentials endpoint): allowed what the role's
//!   policies allow.
//!
//! Temporary credentials are stateless: the session token is the session's claims sealed
//! with the server's key ([`crate::crypto`]), and the secret access key is inside it. Any
//! server holding the key can check a session without a store read, and a task refreshing
//! its credentials writes nothing. A session stops working when it expires or when its role
//! is deleted (checked on every call).
//!
//! A call's needs are a list of [`Access`]es (an IAM action on a resource, with condition
//! keys), which [`crate::App::authorize`] evaluates against the principal's policies.

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::crypto::{Keyring, Purpose};

/// The principal behind a signed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// The administrator key: allowed everything.
    Admin { access_key_id: String },
    /// An IAM user, through one of its access keys.
    User {
        name: String,
        arn: String,
        /// IAM's unique id (`AIDA…`), for `aws:userid`.
        user_id: String,
        access_key_id: String,
    },
    /// An assumed-role session.
    Session(SessionClaims),
}

impl Principal {
    /// The ARN IAM shows for this principal (`GetCallerIdentity`'s `Arn`).
    pub fn arn(&self, account: &str) -> String {
        match self {
            Principal::Admin { .. } => format!("arn:aws:iam::{account}:root"),
            Principal::User { arn, .. } => arn.clone(),
            Principal::Session(session) => session.assumed_role_arn(account),
        }
    }

    /// IAM's `UserId` (`GetCallerIdentity`, `aws:userid`).
    pub fn user_id(&self, account: &str) -> String {
        match self {
            Principal::Admin { .. } => account.to_owned(),
            Principal::User { user_id, .. } => user_id.clone(),
            Principal::Session(session) => {
                format!("{}:{}", session.role_id, session.session_name)
            }
        }
    }

    pub fn access_key_id(&self) -> &str {
        match self {
            Principal::Admin { access_key_id } | Principal::User { access_key_id, .. } => {
                access_key_id
            }
            Principal::Session(session) => &session.access_key_id,
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Principal::Admin { .. })
    }
}

/// A request's caller: who signed it, and the facts about the request that policies may
/// test (`aws:SourceIp`, `aws:SecureTransport`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub principal: Principal,
    pub source_ip: Option<std::net::IpAddr>,
    pub secure: bool,
}

impl Caller {
    /// A caller acting as the administrator, for work berth does on its own behalf.
    pub fn admin() -> Self {
        Self {
            principal: Principal::Admin {
                access_key_id: String::new(),
            },
            source_ip: None,
            secure: true,
        }
    }
}

/// What a session token carries. Sealed into the token, never stored.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionClaims {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub role_name: String,
    pub role_arn: String,
    /// IAM's unique role id (`AROA…`): a role deleted and made again has a new one, so an
    /// old session never works for the new role.
    pub role_id: String,
    pub session_name: String,
    /// Epoch seconds.
    pub expires_at: i64,
    /// The task whose role this is, for task credentials (`aws:SourceArn` of the session's
    /// calls is not this; this is for audit and for the credentials endpoint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
}

impl std::fmt::Debug for SessionClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionClaims")
            .field("access_key_id", &self.access_key_id)
            .field("role_arn", &self.role_arn)
            .field("session_name", &self.session_name)
            .field("expires_at", &self.expires_at)
            .field("task_arn", &self.task_arn)
            .finish_non_exhaustive()
    }
}

impl SessionClaims {
    /// A session of `role` named `session_name`, until `expires_at` (epoch seconds);
    /// [`mint_session`] fills in its key and secret.
    pub fn for_role(
        role: &crate::model::RoleRecord,
        session_name: String,
        expires_at: i64,
        task_arn: Option<String>,
    ) -> Self {
        Self {
            access_key_id: String::new(),
            secret_access_key: String::new(),
            role_name: role.name.clone(),
            role_arn: role.arn.clone(),
            role_id: role.role_id.clone(),
            session_name,
            expires_at,
            task_arn,
        }
    }

    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    pub fn assumed_role_arn(&self, account: &str) -> String {
        format!(
            "arn:aws:sts::{account}:assumed-role/{}/{}",
            self.role_name, self.session_name
        )
    }
}

/// The prefix of temporary access key ids, as AWS's.
pub const SESSION_KEY_PREFIX: &str = "ASIA";

/// Temporary credentials as STS and the credentials endpoint hand them out.
#[derive(Clone, PartialEq, Eq)]
pub struct TemporaryCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    /// Epoch seconds.
    pub expires_at: i64,
}

impl std::fmt::Debug for TemporaryCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TemporaryCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Makes temporary credentials for a session. `claims.access_key_id` and
/// `claims.secret_access_key` are filled in here.
pub fn mint_session(keyring: &Keyring, mut claims: SessionClaims) -> TemporaryCredentials {
    claims.access_key_id = format!("{SESSION_KEY_PREFIX}{}", random_upper(16));
    claims.secret_access_key = random_secret();
    let json = serde_json::to_vec(&claims).expect("session claims serialize");
    let sealed = keyring.seal(
        Purpose::SessionTokens,
        claims.access_key_id.as_bytes(),
        &json,
    );
    TemporaryCredentials {
        access_key_id: claims.access_key_id.clone(),
        secret_access_key: claims.secret_access_key.clone(),
        session_token: base64::engine::general_purpose::STANDARD.encode(sealed),
        expires_at: claims.expires_at,
    }
}

/// Why temporary credentials were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("The security token included in the request is invalid.")]
    Invalid,
    #[error("The security token included in the request is expired")]
    Expired,
    /// The session's role was deleted (or deleted and made again: a new role, which the
    /// session was never for).
    #[error(
        "The security token included in the request is invalid: the role it was issued for \
         no longer exists. Assume the role again once it exists."
    )]
    RoleDeleted,
}

/// Opens a session token presented with `access_key_id`, checking it was made for that key
/// and has not expired at `now` (epoch seconds).
pub fn open_session(
    keyring: &Keyring,
    access_key_id: &str,
    token: &str,
    now: i64,
) -> Result<SessionClaims, SessionError> {
    // Tokens are a few hundred bytes; refuse anything absurd before decoding.
    if token.len() > 4096 {
        return Err(SessionError::Invalid);
    }
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(token)
        .map_err(|_| SessionError::Invalid)?;
    let json = keyring
        .open(Purpose::SessionTokens, access_key_id.as_bytes(), &sealed)
        .map_err(|_| SessionError::Invalid)?;
    let claims: SessionClaims = serde_json::from_slice(&json).map_err(|_| SessionError::Invalid)?;
    if claims.access_key_id != access_key_id {
        return Err(SessionError::Invalid);
    }
    if claims.expires_at <= now {
        return Err(SessionError::Expired);
    }
    Ok(claims)
}

/// One permission a call needs: an IAM action on a resource, with the condition keys the
/// call supplies (beyond the global ones the authorizer adds itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// `service:Action`, e.g. `ecs:RunTask`.
    pub action: String,
    /// The resource's ARN, or `*` for actions that take no resource.
    pub resource: String,
    /// Service condition keys, e.g. `("ecs:cluster", cluster ARN)`.
    pub context: Vec<(String, String)>,
}

impl Access {
    pub fn new(action: impl Into<String>, resource: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            resource: resource.into(),
            context: Vec::new(),
        }
    }

    /// Adds a condition key.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.context.push((key.into(), value.into()));
        self
    }

    /// Adds the keys of tags a request sets: `aws:RequestTag/KEY` for each tag and
    /// `aws:TagKeys` with every key (multivalued).
    pub fn with_request_tags<'t>(
        mut self,
        tags: impl IntoIterator<Item = (&'t str, &'t str)>,
    ) -> Self {
        for (key, value) in tags {
            self.context
                .push((format!("aws:RequestTag/{key}"), value.to_owned()));
            self.context
                .push(("aws:TagKeys".to_owned(), key.to_owned()));
        }
        self
    }
}

/// `len` characters of AWS's access-key alphabet.
pub fn random_upper(len: usize) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A 40-character secret access key, as AWS's.
pub fn random_secret() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut rng = rand::rngs::OsRng;
    (0..40)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(expires_at: i64) -> SessionClaims {
        SessionClaims {
            access_key_id: String::new(),
            secret_access_key: String::new(),
            role_name: "web".into(),
            role_arn: "arn:aws:iam::000000000000:role/web".into(),
            role_id: "AROAEXAMPLE".into(),
            session_name: "s".into(),
            expires_at,
            task_arn: None,
        }
    }

    #[test]
    fn a_session_token_opens_only_for_its_key_and_before_it_expires() {
        let keyring = Keyring::ephemeral();
        let creds = mint_session(&keyring, claims(2_000));
        assert!(creds.access_key_id.starts_with(SESSION_KEY_PREFIX));
        assert_eq!(creds.secret_access_key.len(), 40);
        let opened = open_session(&keyring, &creds.access_key_id, &creds.session_token, 1_000)
            .expect("opens");
        assert_eq!(opened.secret_access_key, creds.secret_access_key);
        assert_eq!(opened.role_name, "web");
        assert_eq!(
            open_session(&keyring, &creds.access_key_id, &creds.session_token, 2_000),
            Err(SessionError::Expired)
        );
        let other = mint_session(&keyring, claims(2_000));
        assert_eq!(
            open_session(&keyring, &other.access_key_id, &creds.session_token, 1_000),
            Err(SessionError::Invalid)
        );
        assert_eq!(
            open_session(
                &Keyring::ephemeral(),
                &creds.access_key_id,
                &creds.session_token,
                1
            ),
            Err(SessionError::Invalid)
        );
        assert_eq!(
            open_session(&keyring, &creds.access_key_id, "not base64!", 1),
            Err(SessionError::Invalid)
        );
    }

    #[test]
    fn principals_have_iam_arns() {
        let admin = Principal::Admin {
            access_key_id: "AK".into(),
        };
        assert_eq!(admin.arn("123"), "arn:aws:iam::123:root");
        let session = Principal::Session(claims(1));
        assert_eq!(
            session.arn("000000000000"),
            "arn:aws:sts::000000000000:assumed-role/web/s"
        );
        assert_eq!(session.user_id("0"), "AROAEXAMPLE:s");
    }
}
