//! IAM users: CreateUser, GetUser, ListUsers, DeleteUser, their inline policies
//! (PutUserPolicy, GetUserPolicy, DeleteUserPolicy, ListUserPolicies) and their access keys
//! (CreateAccessKey, DeleteAccessKey, ListAccessKeys).
//!
//! A user is one record (`/iam/users/NAME`, lower-cased) holding its inline policies and
//! the ids of its access keys; each key is its own record under `/meta/access-keys/`, where
//! authentication finds it, written in the same transaction as the user. The key's secret
//! is stored sealed with the server's key and shown once, by CreateAccessKey.

use berth_api::iam::{
    AccessKey, AccessKeyMetadata, CreateAccessKeyRequest, CreateAccessKeyResponse,
    CreateUserRequest, CreateUserResponse, DeleteAccessKeyRequest, DeleteUserPolicyRequest,
    DeleteUserRequest, GetUserPolicyRequest, GetUserPolicyResponse, GetUserRequest,
    GetUserResponse, ListAccessKeysRequest, ListAccessKeysResponse, ListUserPoliciesRequest,
    ListUserPoliciesResponse, ListUsersRequest, ListUsersResponse, PutUserPolicyRequest,
    StatusType, User,
};
use berth_store::{Compare, Op};

use super::iam::{
    already_exists, check_name, check_path, check_path_prefix, check_tags, delete_conflict,
    iam_arn, inline_document, inline_names, limit_exceeded, no_such_entity, page, parse_policy,
    put_inline, refuse_member, remove_inline, Rewrite, MAX_ACCESS_KEYS_PER_USER, MAX_USERS,
};
use super::{put_json, txn, App};
use crate::apis::query::NoOutput;
use crate::authz::{PolicyKind, MAX_USER_INLINE_POLICY_CHARS};
use crate::error::{Error, Result};
use crate::identity::{random_secret, random_upper, Caller, Principal};
use crate::model::{keys, now, AccessKeyRecord, UserRecord};

impl App {
    pub async fn create_user(
        &self,
        _caller: &Caller,
        req: CreateUserRequest,
    ) -> Result<CreateUserResponse> {
        check_name("userName", &req.user_name)?;
        let path = check_path("path", req.path.as_deref())?;
        refuse_member(
            req.permissions_boundary.is_some(),
            "PermissionsBoundary",
            "berth has no managed policies to bound a user with",
        )?;
        let tags = check_tags(req.tags)?;
        let scope = &self.config.scope;
        let record = UserRecord {
            arn: iam_arn(
                &scope.partition,
                &scope.account,
                "user",
                &path,
                &req.user_name,
            ),
            name: req.user_name,
            path,
            user_id: format!("AIDA{}", random_upper(17)),
            created_at: now(),
            tags,
            policies: Default::default(),
            access_keys: Vec::new(),
        };
        if self.view.read().iam.users.len() >= MAX_USERS {
            return Err(limit_exceeded(format!(
                "Cannot exceed quota for UsersPerAccount: {MAX_USERS}"
            )));
        }
        let key = keys::iam_user(&record.name);
        let write = txn(
            vec![Compare::absent(key.clone())],
            vec![put_json(key, &record)?],
        );
        match self.commit(write).await {
            Ok(_) => Ok(CreateUserResponse {
                user: Some(user_shape(&record, true)),
            }),
            Err(Error::Conflict) => Err(already_exists(format!(
                "User with name {} already exists.",
                record.name
            ))),
            Err(error) => Err(error),
        }
    }

    /// GetUser: the named user, or without a name the calling user.
    pub async fn get_user(&self, caller: &Caller, req: GetUserRequest) -> Result<GetUserResponse> {
        let name = self.user_name_or_caller(caller, req.user_name.as_deref())?;
        let user = self.user_record(&name)?;
        Ok(GetUserResponse {
            user: user_shape(&user, true),
        })
    }

    pub async fn list_users(
        &self,
        _caller: &Caller,
        req: ListUsersRequest,
    ) -> Result<ListUsersResponse> {
        let prefix = check_path_prefix(req.path_prefix.as_deref())?;
        let view = self.view.read();
        let matching = view
            .iam
            .users
            .iter()
            .filter(|(_, user)| user.record.path.starts_with(&prefix));
        let (users, marker) = page(matching, req.marker.as_deref(), req.max_items)?;
        Ok(ListUsersResponse {
            users: users
                .into_iter()
                .map(|user| user_shape(&user.record, false))
                .collect(),
            is_truncated: Some(marker.is_some()),
            marker,
        })
    }

    pub async fn delete_user(&self, _caller: &Caller, req: DeleteUserRequest) -> Result<NoOutput> {
        self.change_user(&req.user_name, |user| {
            if !user.access_keys.is_empty() {
                return Err(delete_conflict(
                    "Cannot delete entity, must delete access keys first.",
                ));
            }
            if !user.policies.is_empty() {
                return Err(delete_conflict(
                    "Cannot delete entity, must delete policies first.",
                ));
            }
            Ok(Rewrite::delete())
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn put_user_policy(
        &self,
        _caller: &Caller,
        req: PutUserPolicyRequest,
    ) -> Result<NoOutput> {
        check_name("policyName", &req.policy_name)?;
        self.user_record(&req.user_name)?;
        parse_policy(&req.policy_document, PolicyKind::Identity)?;
        self.change_user(&req.user_name, |user| {
            let policies = put_inline(
                &user.policies,
                &req.policy_name,
                &req.policy_document,
                MAX_USER_INLINE_POLICY_CHARS,
                &format!("user {}", user.name),
            )?;
            Ok(Rewrite::put(UserRecord {
                policies,
                ..user.clone()
            }))
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn get_user_policy(
        &self,
        _caller: &Caller,
        req: GetUserPolicyRequest,
    ) -> Result<GetUserPolicyResponse> {
        let user = self.user_record(&req.user_name)?;
        Ok(GetUserPolicyResponse {
            policy_document: inline_document(&user.policies, &req.policy_name, no_user_policy)?,
            user_name: user.name,
            policy_name: req.policy_name,
        })
    }

    pub async fn delete_user_policy(
        &self,
        _caller: &Caller,
        req: DeleteUserPolicyRequest,
    ) -> Result<NoOutput> {
        self.change_user(&req.user_name, |user| {
            let policies = remove_inline(&user.policies, &req.policy_name, no_user_policy)?;
            Ok(Rewrite::put(UserRecord {
                policies,
                ..user.clone()
            }))
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn list_user_policies(
        &self,
        _caller: &Caller,
        req: ListUserPoliciesRequest,
    ) -> Result<ListUserPoliciesResponse> {
        let user = self.user_record(&req.user_name)?;
        let (policy_names, marker) =
            inline_names(&user.policies, req.marker.as_deref(), req.max_items)?;
        Ok(ListUserPoliciesResponse {
            policy_names,
            is_truncated: Some(marker.is_some()),
            marker,
        })
    }

    /// CreateAccessKey: a new key for the named user (or the calling user). The secret is
    /// in this answer and nowhere else.
    pub async fn create_access_key(
        &self,
        caller: &Caller,
        req: CreateAccessKeyRequest,
    ) -> Result<CreateAccessKeyResponse> {
        let name = self.user_name_or_caller(caller, req.user_name.as_deref())?;
        let access_key_id = format!("AKIA{}", random_upper(16));
        let secret = random_secret();
        let created_at = now();
        let record = AccessKeyRecord {
            access_key_id: access_key_id.clone(),
            secret_access_key: String::new(),
            sealed_secret: Some(self.seal_access_key_secret(&access_key_id, &secret)),
            user: None,
            created_at,
        };
        let user = self
            .change_user(&name, |user| {
                if user.access_keys.len() >= MAX_ACCESS_KEYS_PER_USER {
                    return Err(limit_exceeded(format!(
                        "Cannot exceed quota for AccessKeysPerUser: {MAX_ACCESS_KEYS_PER_USER}"
                    )));
                }
                let mut user = user.clone();
                user.access_keys.push(access_key_id.clone());
                let key = AccessKeyRecord {
                    user: Some(user.name.clone()),
                    ..record.clone()
                };
                Ok(Rewrite {
                    also: vec![put_json(keys::access_key(&access_key_id), &key)?],
                    record: Some(user),
                })
            })
            .await?
            .ok_or_else(|| Error::Internal(anyhow::anyhow!("the user record was not written")))?;
        Ok(CreateAccessKeyResponse {
            access_key: AccessKey {
                user_name: user.name,
                access_key_id,
                status: StatusType::Active,
                secret_access_key: secret,
                create_date: Some(created_at),
            },
        })
    }

    pub async fn delete_access_key(
        &self,
        caller: &Caller,
        req: DeleteAccessKeyRequest,
    ) -> Result<NoOutput> {
        let name = self.user_name_or_caller(caller, req.user_name.as_deref())?;
        self.change_user(&name, |user| {
            if !user.access_keys.contains(&req.access_key_id) {
                return Err(no_such_entity(format!(
                    "The Access Key with id {} cannot be found.",
                    req.access_key_id
                )));
            }
            let mut user = user.clone();
            user.access_keys.retain(|id| *id != req.access_key_id);
            Ok(Rewrite {
                record: Some(user),
                also: vec![Op::Delete {
                    key: keys::access_key(&req.access_key_id),
                }],
            })
        })
        .await?;
        Ok(NoOutput)
    }

    /// ListAccessKeys: the named user's keys, or the caller's (the administrator's keys
    /// for the administrator, as the account root's).
    pub async fn list_access_keys(
        &self,
        caller: &Caller,
        req: ListAccessKeysRequest,
    ) -> Result<ListAccessKeysResponse> {
        let view = self.view.read();
        let owner = match (&req.user_name, &caller.principal) {
            (None, Principal::Admin { .. }) => None,
            (name, _) => {
                let name = self.user_name_or_caller(caller, name.as_deref())?;
                let user = view.iam.user(&name).ok_or_else(|| no_such_user(&name))?;
                Some(user.record.name.clone())
            }
        };
        let mut keys: Vec<(&String, AccessKeyMetadata)> = view
            .access_keys
            .iter()
            .filter(|(_, key)| key.user == owner)
            .map(|(id, key)| {
                (
                    id,
                    AccessKeyMetadata {
                        user_name: key.user.clone(),
                        access_key_id: Some(id.clone()),
                        status: Some(StatusType::Active),
                        create_date: Some(key.created_at),
                    },
                )
            })
            .collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let (access_key_metadata, marker) =
            page(keys.into_iter(), req.marker.as_deref(), req.max_items)?;
        Ok(ListAccessKeysResponse {
            access_key_metadata,
            is_truncated: Some(marker.is_some()),
            marker,
        })
    }

    /// The user named `name` (in any case), or IAM's `NoSuchEntity`.
    pub(crate) fn user_record(&self, name: &str) -> Result<UserRecord> {
        self.view
            .read()
            .iam
            .user(name)
            .map(|entry| entry.record.clone())
            .ok_or_else(|| no_such_user(name))
    }

    /// The user a call names, or the calling user when it names none. Only IAM users have
    /// a user to default to.
    pub(crate) fn user_name_or_caller(
        &self,
        caller: &Caller,
        name: Option<&str>,
    ) -> Result<String> {
        match (name, &caller.principal) {
            (Some(name), _) => {
                check_name("userName", name)?;
                Ok(name.to_owned())
            }
            (None, Principal::User { name, .. }) => Ok(name.clone()),
            (None, Principal::Admin { .. }) => Err(Error::invalid(
                "Must specify userName: the administrator is the account root, not an IAM \
                 user (sts get-caller-identity says who is calling).",
            )),
            (None, Principal::Session(_)) => Err(Error::invalid(
                "Must specify userName when calling with non-User credentials",
            )),
        }
    }

    /// Applies `change` to the user's record and writes it with the other operations.
    async fn change_user(
        &self,
        name: &str,
        change: impl Fn(&UserRecord) -> Result<Rewrite<UserRecord>>,
    ) -> Result<Option<UserRecord>> {
        self.rewrite_iam(
            |iam| {
                let entry = iam.user(name).ok_or_else(|| no_such_user(name))?;
                let key = keys::iam_user(&entry.record.name);
                Ok((entry.record.clone(), entry.revision, key))
            },
            change,
        )
        .await
    }
}

fn no_such_user(name: &str) -> Error {
    no_such_entity(format!("The user with name {name} cannot be found."))
}

fn no_user_policy(name: &str) -> Error {
    no_such_entity(format!("The user policy with name {name} cannot be found."))
}

/// A user as IAM shows it; listings leave the tags out.
fn user_shape(record: &UserRecord, with_tags: bool) -> User {
    User {
        path: record.path.clone(),
        user_name: record.name.clone(),
        user_id: record.user_id.clone(),
        arn: record.arn.clone(),
        create_date: record.created_at,
        password_last_used: None,
        permissions_boundary: None,
        tags: (with_tags && !record.tags.is_empty()).then(|| record.tags.clone()),
    }
}
