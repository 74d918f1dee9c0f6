//! Authorization of API calls: whether a caller's policies allow what a call needs.
//!
//! Every API's dispatch computes the [`Access`]es a call needs (an IAM action on a
//! resource, with condition keys) and asks [`App::authorize`] before calling the app layer.
//! The administrator is allowed everything. An IAM user is allowed what its inline
//! policies allow, an assumed-role session what its role's inline policies allow, with
//! IAM's evaluation ([`crate::authz`]): an explicit deny wins, then an allow, else the call
//! is denied.
//!
//! Everything evaluated comes from the view, where policies are parsed once per change
//! ([`crate::iam_entities`]): an authorization reads no store and parses nothing. The
//! request context holds IAM's global condition keys for the caller (`aws:username`,
//! `aws:userid`, `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`,
//! `aws:PrincipalTag/…`, `aws:SourceIp`, `aws:SecureTransport`, `aws:CurrentTime`,
//! `aws:EpochTime`, `aws:RequestedRegion`) plus each access's own keys (`ecs:cluster`, …).
//!
//! [`App::authorize_role`] answers the same question for a role berth acts as on a task's
//! behalf (its execution role), and [`App::resolve_access_key`] turns a signer's key into
//! a [`Principal`] at authentication.

use std::sync::Arc;

use crate::authz::{self, keys, Context, Decision, Policy};
use crate::crypto::Purpose;
use crate::error::{Error, Result};
use crate::iam_entities::{RoleEntry, UserEntry};
use crate::identity::{Access, Caller, Principal, SessionError};

use super::App;

/// The IAM entity whose policies govern a caller.
enum Subject {
    User(Arc<UserEntry>),
    Role(Arc<RoleEntry>),
}

impl Subject {
    /// The policies to evaluate; `None` when a stored policy could not be read (deny).
    fn policies(&self) -> Option<&[Policy]> {
        match self {
            Subject::User(user) => user.policies.as_deref(),
            Subject::Role(role) => role.policies.as_deref(),
        }
    }

    fn tags(&self) -> &[berth_api::iam::Tag] {
        match self {
            Subject::User(user) => &user.record.tags,
            Subject::Role(role) => &role.record.tags,
        }
    }
}

impl App {
    /// Whether the caller may do everything in `accesses`. The error names the first access
    /// refused (an explicitly denied one before an implicitly denied one), in AWS's words.
    pub fn authorize(&self, caller: &Caller, accesses: &[Access]) -> Result<()> {
        if caller.principal.is_admin() || accesses.is_empty() {
            return Ok(());
        }
        let principal = &caller.principal;
        let Some(subject) = self.subject(principal) else {
            // The user or role went away after the request was authenticated.
            return Err(self.denied(principal, &accesses[0], false));
        };
        let Some(policies) = subject.policies() else {
            return Err(self.denied(principal, &accesses[0], false));
        };
        let policies: Vec<&Policy> = policies.iter().collect();
        let mut context = self.caller_context(caller, subject.tags());
        match first_refusal(&policies, &mut context, accesses) {
            None => Ok(()),
            Some((access, decision)) => {
                Err(self.denied(principal, access, decision == Decision::ExplicitDeny))
            }
        }
    }

    /// [`App::authorize`] with the accesses computed only when the caller is not the
    /// administrator (who is allowed everything and needs none of them).
    pub fn authorize_with(
        &self,
        caller: &Caller,
        accesses: impl FnOnce() -> Vec<Access>,
    ) -> Result<()> {
        if caller.principal.is_admin() {
            return Ok(());
        }
        self.authorize(caller, &accesses())
    }

    /// Whether the role `role_arn`'s policies allow everything in `accesses`, for work
    /// berth does on a task's behalf as that role (reading the task's secrets with its
    /// execution role, say). `context` adds condition keys to the global ones (which
    /// describe a session of the role).
    ///
    /// A role that does not exist is `NoSuchEntity`; a refusal is `AccessDenied` naming the
    /// role, the action and the resource.
    pub fn authorize_role(
        &self,
        role_arn: &str,
        accesses: &[Access],
        context: &[(String, String)],
    ) -> Result<()> {
        let role = self
            .view
            .read()
            .iam
            .role_by_arn(role_arn)
            .cloned()
            .ok_or_else(|| Error::Api {
                code: "NoSuchEntity",
                message: format!(
                    "The role {role_arn} cannot be found. Create it (aws iam create-role) or \
                         name an existing role's ARN."
                ),
                status: 404,
            })?;
        let mut base = self.session_free_context();
        base.add(keys::PRINCIPAL_ARN, role.record.arn.clone());
        base.add(keys::PRINCIPAL_TYPE, "AssumedRole");
        for tag in &role.record.tags {
            base.add(&principal_tag_key(&tag.key), tag.value.clone());
        }
        for (key, value) in context {
            base.add(key, value.clone());
        }
        let refusal = match role.policies.as_deref() {
            None => accesses
                .first()
                .map(|access| (access, Decision::ImplicitDeny)),
            Some(policies) => {
                let policies: Vec<&Policy> = policies.iter().collect();
                first_refusal(&policies, &mut base, accesses)
            }
        };
        match refusal {
            None => Ok(()),
            Some((access, decision)) => Err(denied_message(
                &role.record.arn,
                access,
                decision == Decision::ExplicitDeny,
            )),
        }
    }

    /// The AccessDenied error for `access`, as AWS words it.
    pub(crate) fn denied(&self, principal: &Principal, access: &Access, explicit: bool) -> Error {
        denied_message(&principal.arn(&self.config.scope.account), access, explicit)
    }

    /// The user or role whose policies govern `principal`, if it still exists as the
    /// principal knew it (a user or role deleted and made again has a new id).
    fn subject(&self, principal: &Principal) -> Option<Subject> {
        let view = self.view.read();
        match principal {
            Principal::Admin { .. } => None,
            Principal::User { name, user_id, .. } => view
                .iam
                .user(name)
                .filter(|user| user.record.user_id == *user_id)
                .map(|user| Subject::User(user.clone())),
            Principal::Session(claims) => view
                .iam
                .role(&claims.role_name)
                .filter(|role| role.record.role_id == claims.role_id)
                .map(|role| Subject::Role(role.clone())),
        }
    }

    /// The global condition keys of a call by `caller` (for evaluations other than the
    /// caller's own identity policies: a role's trust policy, say).
    pub(crate) fn request_context(&self, caller: &Caller) -> Context {
        match self.subject(&caller.principal) {
            Some(subject) => self.caller_context(caller, subject.tags()),
            None => self.caller_context(caller, &[]),
        }
    }

    /// The global condition keys of a call by `caller`, whose user or role has `tags`.
    fn caller_context(&self, caller: &Caller, tags: &[berth_api::iam::Tag]) -> Context {
        let account = &self.config.scope.account;
        let mut context = self.session_free_context();
        context.set(
            keys::SECURE_TRANSPORT,
            [if caller.secure { "true" } else { "false" }],
        );
        if let Some(ip) = caller.source_ip {
            context.add(keys::SOURCE_IP, ip.to_string());
        }
        context.add(keys::USER_ID, caller.principal.user_id(account));
        match &caller.principal {
            Principal::User { name, arn, .. } => {
                context.add(keys::USERNAME, name.clone());
                context.add(keys::PRINCIPAL_ARN, arn.clone());
                context.add(keys::PRINCIPAL_TYPE, "User");
            }
            Principal::Session(claims) => {
                context.add(keys::PRINCIPAL_ARN, claims.role_arn.clone());
                context.add(keys::PRINCIPAL_TYPE, "AssumedRole");
            }
            Principal::Admin { .. } => {
                context.add(keys::PRINCIPAL_ARN, caller.principal.arn(account));
                context.add(keys::PRINCIPAL_TYPE, "Account");
            }
        }
        for tag in tags {
            context.add(&principal_tag_key(&tag.key), tag.value.clone());
        }
        context
    }

    /// The keys every evaluation has: account, region, time, and TLS (for work berth does
    /// itself, which never crosses the network unencrypted).
    fn session_free_context(&self) -> Context {
        let now = time::OffsetDateTime::now_utc();
        let mut context = Context::new();
        context.add(keys::PRINCIPAL_ACCOUNT, self.config.scope.account.clone());
        context.add(keys::REQUESTED_REGION, self.config.scope.region.clone());
        context.add(keys::SECURE_TRANSPORT, "true");
        context.add(
            keys::CURRENT_TIME,
            berth_api::query::format_timestamp(now.unix_timestamp() as f64),
        );
        context.add(keys::EPOCH_TIME, now.unix_timestamp().to_string());
        context
    }

    /// Finds the secret of an access key and the principal it belongs to. A session key
    /// (`ASIA…`) must come with its session token, which holds the secret; its role must
    /// still exist with the id it had when the session was made.
    pub(crate) fn resolve_access_key(
        &self,
        access_key_id: &str,
        session_token: Option<&str>,
    ) -> std::result::Result<Option<(String, Principal)>, SessionError> {
        if access_key_id.starts_with(crate::identity::SESSION_KEY_PREFIX) {
            let Some(token) = session_token else {
                return Ok(None);
            };
            let now = crate::model::now() as i64;
            let claims = crate::identity::open_session(&self.keyring, access_key_id, token, now)?;
            let role_lives = self
                .view
                .read()
                .iam
                .role(&claims.role_name)
                .is_some_and(|role| role.record.role_id == claims.role_id);
            if !role_lives {
                return Err(SessionError::RoleDeleted);
            }
            let secret = claims.secret_access_key.clone();
            return Ok(Some((secret, Principal::Session(claims))));
        }
        let view = self.view.read();
        let Some(key) = view.access_keys.get(access_key_id) else {
            return Ok(None);
        };
        match &key.user {
            None => Ok(Some((
                key.secret_access_key.clone(),
                Principal::Admin {
                    access_key_id: access_key_id.to_owned(),
                },
            ))),
            Some(user) => {
                // A key whose user is gone signs nothing.
                let Some(user) = view.iam.user(user) else {
                    return Ok(None);
                };
                let Some(secret) = key
                    .sealed_secret
                    .as_deref()
                    .and_then(|sealed| self.open_access_key_secret(access_key_id, sealed))
                else {
                    tracing::error!(
                        access_key_id,
                        "an access key's sealed secret does not open with this server's key"
                    );
                    return Ok(None);
                };
                Ok(Some((
                    secret,
                    Principal::User {
                        name: user.record.name.clone(),
                        arn: user.record.arn.clone(),
                        user_id: user.record.user_id.clone(),
                        access_key_id: access_key_id.to_owned(),
                    },
                )))
            }
        }
    }

    /// Seals a user access key's secret for the store, bound to the key id.
    pub(crate) fn seal_access_key_secret(&self, access_key_id: &str, secret: &str) -> String {
        use base64::Engine;
        let sealed = self.keyring.seal(
            Purpose::SecretValues,
            &access_key_context(access_key_id),
            secret.as_bytes(),
        );
        base64::engine::general_purpose::STANDARD.encode(sealed)
    }

    fn open_access_key_secret(&self, access_key_id: &str, sealed: &str) -> Option<String> {
        use base64::Engine;
        let sealed = base64::engine::general_purpose::STANDARD
            .decode(sealed)
            .ok()?;
        let plain = self
            .keyring
            .open(
                Purpose::SecretValues,
                &access_key_context(access_key_id),
                &sealed,
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }
}

/// The first access the policies do not allow: an explicitly denied one if there is any,
/// else the first implicitly denied one. Each access's own keys are added to `context` for
/// its evaluation and taken out again (cheaper than copying the context per access).
fn first_refusal<'a>(
    policies: &[&Policy],
    context: &mut Context,
    accesses: &'a [Access],
) -> Option<(&'a Access, Decision)> {
    let mut implicit = None;
    for access in accesses {
        let saved: Vec<(&str, Option<Vec<String>>)> = access
            .context
            .iter()
            .map(|(key, _)| (key.as_str(), context.values(key).map(<[String]>::to_vec)))
            .collect();
        for (key, value) in &access.context {
            context.add(key, value.clone());
        }
        let decision = authz::evaluate(
            policies,
            &authz::Request {
                action: &access.action,
                resource: &access.resource,
                context,
            },
        );
        // Restore in reverse, so that a key given twice ends as it was before the first.
        for (key, before) in saved.into_iter().rev() {
            match before {
                Some(values) => context.set(key, values),
                None => context.remove(key),
            }
        }
        match decision {
            Decision::Allow => {}
            Decision::ExplicitDeny => return Some((access, Decision::ExplicitDeny)),
            Decision::ImplicitDeny => {
                implicit.get_or_insert((access, Decision::ImplicitDeny));
            }
        }
    }
    implicit
}

/// AWS's AccessDenied message.
fn denied_message(principal_arn: &str, access: &Access, explicit: bool) -> Error {
    let why = if explicit {
        "with an explicit deny in an identity-based policy".to_owned()
    } else {
        format!(
            "because no identity-based policy allows the {} action",
            access.action
        )
    };
    Error::AccessDenied(format!(
        "User: {principal_arn} is not authorized to perform: {} on resource: {} {why}",
        access.action, access.resource,
    ))
}

fn principal_tag_key(tag_key: &str) -> String {
    format!("{}{tag_key}", keys::PRINCIPAL_TAG_PREFIX)
}

/// The sealing context of an access key's secret.
fn access_key_context(access_key_id: &str) -> Vec<u8> {
    format!("access-key/{access_key_id}").into_bytes()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use berth_store::{DynStore, MemoryStore, Op};

    use super::*;
    use crate::identity::{mint_session, SessionClaims};
    use crate::model::{keys, AccessKeyRecord, RoleRecord, UserRecord};

    const ACCOUNT: &str = "000000000000";

    /// An app over a memory store whose view follows it.
    async fn app() -> (Arc<App>, tokio_util::sync::CancellationToken) {
        let store: DynStore = Arc::new(MemoryStore::new());
        let view = crate::state::View::load(&store).await.expect("view");
        let cancel = tokio_util::sync::CancellationToken::new();
        tokio::spawn(view.clone().follow(store.clone(), cancel.clone()));
        let app = App::new(
            store,
            view,
            super::super::AppConfig::default(),
            Arc::new(crate::crypto::Keyring::ephemeral()),
            cancel.clone(),
        );
        (Arc::new(app), cancel)
    }

    async fn put<T: serde::Serialize>(app: &App, key: String, record: &T) {
        let txn = super::super::txn(
            Vec::new(),
            vec![Op::Put {
                key,
                value: serde_json::to_vec(record).expect("json"),
            }],
        );
        app.commit(txn).await.expect("written");
    }

    fn policies(documents: &[&str]) -> BTreeMap<String, String> {
        documents
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("p{i}"), (*d).to_owned()))
            .collect()
    }

    fn user(name: &str, documents: &[&str]) -> UserRecord {
        UserRecord {
            name: name.into(),
            path: "/".into(),
            user_id: format!("AIDA{}", name.to_uppercase()),
            arn: format!("arn:aws:iam::{ACCOUNT}:user/{name}"),
            created_at: 0.0,
            tags: vec![berth_api::iam::Tag {
                key: "team".into(),
                value: "blue".into(),
            }],
            policies: policies(documents),
            access_keys: Vec::new(),
        }
    }

    fn role(name: &str, id: &str, documents: &[&str]) -> RoleRecord {
        RoleRecord {
            name: name.into(),
            path: "/".into(),
            role_id: id.into(),
            arn: format!("arn:aws:iam::{ACCOUNT}:role/{name}"),
            created_at: 0.0,
            trust_policy: r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}}"#.into(),
            description: None,
            max_session_duration: 3600,
            tags: Vec::new(),
            policies: policies(documents),
        }
    }

    fn caller(principal: Principal) -> Caller {
        Caller {
            principal,
            source_ip: Some("10.1.2.3".parse().expect("an address")),
            secure: false,
        }
    }

    fn user_principal(record: &UserRecord) -> Principal {
        Principal::User {
            name: record.name.clone(),
            arn: record.arn.clone(),
            user_id: record.user_id.clone(),
            access_key_id: "AKIAEXAMPLE".into(),
        }
    }

    fn cluster(name: &str) -> String {
        format!("arn:aws:ecs:us-east-1:{ACCOUNT}:cluster/{name}")
    }

    const OWN_CLUSTER: &str = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"ecs:Describe*","Resource":"arn:aws:ecs:*:*:cluster/${aws:username}"},
        {"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*",
         "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#;
    const ONE_CLUSTER: &str = r#"{"Statement":{"Effect":"Allow","Action":"ecs:RunTask","Resource":"*",
        "Condition":{"ArnEquals":{"ecs:cluster":"arn:aws:ecs:us-east-1:000000000000:cluster/prod"}}}}"#;
    const NO_DELETE: &str = r#"{"Statement":{"Effect":"Deny","Action":"ecs:Describe*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}"#;

    #[tokio::test]
    async fn users_get_what_their_policies_allow_with_the_global_keys() {
        let (app, cancel) = app().await;
        let alice = user("alice", &[OWN_CLUSTER]);
        put(&app, keys::iam_user("alice"), &alice).await;
        let alice = caller(user_principal(&alice));
        app.authorize(
            &alice,
            &[Access::new("ecs:DescribeClusters", cluster("alice"))],
        )
        .expect("her own cluster, through ${aws:username}");
        app.authorize(&alice, &[Access::new("ecs:ListClusters", "*")])
            .expect("her tag and her address match");
        let refused = app
            .authorize(
                &alice,
                &[
                    Access::new("ecs:DescribeClusters", cluster("alice")),
                    Access::new("ecs:DescribeClusters", cluster("bob")),
                ],
            )
            .expect_err("not bob's cluster");
        assert_eq!(
            refused.to_string(),
            format!(
                "User: arn:aws:iam::{ACCOUNT}:user/alice is not authorized to perform: \
                 ecs:DescribeClusters on resource: {} because no identity-based policy allows \
                 the ecs:DescribeClusters action",
                cluster("bob")
            )
        );
        let elsewhere = Caller {
            source_ip: Some("192.0.2.1".parse().expect("an address")),
            ..alice.clone()
        };
        assert!(app
            .authorize(&elsewhere, &[Access::new("ecs:ListClusters", "*")])
            .is_err());
        assert!(app
            .authorize(&Caller::admin(), &[Access::new("ecs:DeleteCluster", "*")])
            .is_ok());

        // A second policy with a Deny wins over the first's Allow.
        put(
            &app,
            keys::iam_user("alice"),
            &user("alice", &[OWN_CLUSTER, NO_DELETE]),
        )
        .await;
        let refused = app
            .authorize(
                &alice,
                &[Access::new("ecs:DescribeClusters", cluster("alice"))],
            )
            .expect_err("explicitly denied over plain HTTP");
        assert!(refused
            .to_string()
            .ends_with("with an explicit deny in an identity-based policy"));
        let over_tls = Caller {
            secure: true,
            ..alice.clone()
        };
        app.authorize(
            &over_tls,
            &[Access::new("ecs:DescribeClusters", cluster("alice"))],
        )
        .expect("the deny's condition does not hold over TLS");

        // An access's own keys count for it alone: the second access, without the key
        // the first one carried, is refused.
        put(
            &app,
            keys::iam_user("alice"),
            &user("alice", &[ONE_CLUSTER]),
        )
        .await;
        let run = |cluster_key: Option<&str>| {
            let access = Access::new("ecs:RunTask", "*");
            match cluster_key {
                Some(cluster) => access.with("ecs:cluster", cluster),
                None => access,
            }
        };
        app.authorize(&alice, &[run(Some(&cluster("prod")))])
            .expect("prod");
        assert!(app
            .authorize(&alice, &[run(Some(&cluster("prod"))), run(None)])
            .is_err());
        assert!(app
            .authorize(
                &alice,
                &[run(Some(&cluster("prod"))), run(Some(&cluster("dev")))]
            )
            .is_err());

        // A user made again under the same name is a new principal.
        put(
            &app,
            keys::iam_user("alice"),
            &UserRecord {
                user_id: "AIDANEWALICE".into(),
                ..user("alice", &[OWN_CLUSTER])
            },
        )
        .await;
        assert!(app
            .authorize(&alice, &[Access::new("ecs:ListClusters", "*")])
            .is_err());
        cancel.cancel();
    }

    #[tokio::test]
    async fn sessions_act_with_their_roles_policies_until_the_role_goes() {
        let (app, cancel) = app().await;
        let allow_tasks = r#"{"Statement":{"Effect":"Allow","Action":["ecs:ListTasks","ecs:RunTask"],"Resource":"*"}}"#;
        put(
            &app,
            keys::iam_role("Web"),
            &role("Web", "AROAFIRST", &[allow_tasks]),
        )
        .await;
        let claims = SessionClaims {
            access_key_id: String::new(),
            secret_access_key: String::new(),
            role_name: "Web".into(),
            role_arn: format!("arn:aws:iam::{ACCOUNT}:role/Web"),
            role_id: "AROAFIRST".into(),
            session_name: "s1".into(),
            expires_at: crate::model::now() as i64 + 900,
            task_arn: None,
        };
        let credentials = mint_session(&app.keyring, claims);
        let (secret, principal) = app
            .resolve_access_key(&credentials.access_key_id, Some(&credentials.session_token))
            .expect("valid")
            .expect("known");
        assert_eq!(secret, credentials.secret_access_key);
        let session = caller(principal.clone());
        app.authorize(&session, &[Access::new("ecs:ListTasks", "*")])
            .expect("the role allows it");
        let refused = app
            .authorize(&session, &[Access::new("ecs:DeleteCluster", cluster("x"))])
            .expect_err("the role does not allow it");
        assert!(refused.to_string().starts_with(&format!(
            "User: arn:aws:sts::{ACCOUNT}:assumed-role/Web/s1 is not authorized"
        )));

        // Re-created: a new role id, so the old session is refused at authentication and
        // would be denied at authorization.
        put(
            &app,
            keys::iam_role("Web"),
            &role("Web", "AROASECOND", &[allow_tasks]),
        )
        .await;
        assert_eq!(
            app.resolve_access_key(&credentials.access_key_id, Some(&credentials.session_token)),
            Err(SessionError::RoleDeleted)
        );
        assert!(app
            .authorize(&session, &[Access::new("ecs:ListTasks", "*")])
            .is_err());
        cancel.cancel();
    }

    #[tokio::test]
    async fn a_role_berth_acts_as_is_authorized_by_its_own_policies() {
        let (app, cancel) = app().await;
        let read_secret = r#"{"Statement":{"Effect":"Allow","Action":"secretsmanager:GetSecretValue",
            "Resource":"arn:aws:secretsmanager:*:*:secret:db-*",
            "Condition":{"StringEquals":{"aws:SourceAccount":"000000000000"}}}}"#;
        put(
            &app,
            keys::iam_role("exec"),
            &role("exec", "AROAEXEC", &[read_secret]),
        )
        .await;
        let arn = format!("arn:aws:iam::{ACCOUNT}:role/exec");
        let get = |secret: &str| {
            vec![Access::new(
                "secretsmanager:GetSecretValue",
                format!("arn:aws:secretsmanager:us-east-1:{ACCOUNT}:secret:{secret}"),
            )]
        };
        let source = [("aws:SourceAccount".to_owned(), ACCOUNT.to_owned())];
        app.authorize_role(&arn, &get("db-AbCdEf"), &source)
            .expect("allowed");
        let refused = app
            .authorize_role(&arn, &get("api-AbCdEf"), &source)
            .expect_err("another secret");
        assert!(matches!(refused, Error::AccessDenied(_)));
        assert!(
            app.authorize_role(&arn, &get("db-AbCdEf"), &[]).is_err(),
            "the condition needs the extra key"
        );
        let missing = app
            .authorize_role(
                &format!("arn:aws:iam::{ACCOUNT}:role/nope"),
                &get("db"),
                &[],
            )
            .expect_err("no such role");
        assert!(matches!(
            missing,
            Error::Api {
                code: "NoSuchEntity",
                ..
            }
        ));
        assert!(
            app.authorize_role(
                &format!("arn:aws:iam::{ACCOUNT}:role/team/exec"),
                &get("db"),
                &[]
            )
            .is_err(),
            "the path is part of the ARN"
        );
        cancel.cancel();
    }

    #[tokio::test]
    async fn user_keys_resolve_through_their_sealed_secret_and_their_user() {
        let (app, cancel) = app().await;
        let record = user("carol", &[]);
        put(&app, keys::iam_user("carol"), &record).await;
        let key = AccessKeyRecord {
            access_key_id: "AKIACAROL0000000".into(),
            secret_access_key: String::new(),
            sealed_secret: Some(app.seal_access_key_secret("AKIACAROL0000000", "s3cret")),
            user: Some("carol".into()),
            created_at: 0.0,
        };
        put(&app, keys::access_key(&key.access_key_id), &key).await;
        let (secret, principal) = app
            .resolve_access_key("AKIACAROL0000000", None)
            .expect("no session")
            .expect("known");
        assert_eq!(secret, "s3cret");
        assert_eq!(
            principal,
            Principal::User {
                name: "carol".into(),
                arn: record.arn.clone(),
                user_id: record.user_id.clone(),
                access_key_id: "AKIACAROL0000000".into(),
            }
        );
        // The sealed secret is bound to its key id: moved to another key it opens nothing.
        let moved = AccessKeyRecord {
            access_key_id: "AKIAMOVED0000000".into(),
            ..key.clone()
        };
        put(&app, keys::access_key(&moved.access_key_id), &moved).await;
        assert_eq!(app.resolve_access_key("AKIAMOVED0000000", None), Ok(None));
        // A user with no policy is denied everything.
        assert!(app
            .authorize(&caller(principal), &[Access::new("ecs:ListClusters", "*")])
            .is_err());
        cancel.cancel();
    }
}
