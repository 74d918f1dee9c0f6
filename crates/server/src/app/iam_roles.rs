//! IAM roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy, and their
//! inline policies (PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies).
//!
//! A role is one record (`/iam/roles/NAME`, lower-cased) holding its trust policy and its
//! inline policies, so that each change is one compare-and-swap on one key and a role with
//! policies is never deleted by a race.

use berth_api::iam::{
    CreateRoleRequest, CreateRoleResponse, DeleteRolePolicyRequest, DeleteRoleRequest,
    GetRolePolicyRequest, GetRolePolicyResponse, GetRoleRequest, GetRoleResponse,
    ListRolePoliciesRequest, ListRolePoliciesResponse, ListRolesRequest, ListRolesResponse,
    PutRolePolicyRequest, Role, UpdateAssumeRolePolicyRequest,
};
use berth_store::Compare;

use super::iam::{
    already_exists, check_name, check_path, check_path_prefix, check_tags, delete_conflict,
    encode_policy, iam_arn, inline_document, inline_names, limit_exceeded, no_such_entity, page,
    parse_policy, put_inline, refuse_member, remove_inline, Rewrite, MAX_ROLES,
};
use super::{put_json, txn, App};
use crate::apis::query::NoOutput;
use crate::authz::{PolicyKind, MAX_ROLE_INLINE_POLICY_CHARS, MAX_TRUST_POLICY_CHARS};
use crate::error::{Error, Result};
use crate::identity::{random_upper, Caller};
use crate::model::{keys, now, RoleRecord};

/// A role's session duration when CreateRole gives none, as IAM.
const DEFAULT_MAX_SESSION_DURATION: i32 = 3600;

impl App {
    pub async fn create_role(
        &self,
        _caller: &Caller,
        req: CreateRoleRequest,
    ) -> Result<CreateRoleResponse> {
        check_name("roleName", &req.role_name)?;
        let path = check_path("path", req.path.as_deref())?;
        refuse_member(
            req.permissions_boundary.is_some(),
            "PermissionsBoundary",
            "berth has no managed policies to bound a role with",
        )?;
        let tags = check_tags(req.tags)?;
        self.check_trust_policy(&req.assume_role_policy_document)?;
        let scope = &self.config.scope;
        let record = RoleRecord {
            arn: iam_arn(
                &scope.partition,
                &scope.account,
                "role",
                &path,
                &req.role_name,
            ),
            name: req.role_name,
            path,
            role_id: format!("AROA{}", random_upper(17)),
            created_at: now(),
            trust_policy: req.assume_role_policy_document,
            description: req.description,
            max_session_duration: req
                .max_session_duration
                .unwrap_or(DEFAULT_MAX_SESSION_DURATION),
            tags,
            policies: Default::default(),
        };
        if self.view.read().iam.roles.len() >= MAX_ROLES {
            return Err(limit_exceeded(format!(
                "Cannot exceed quota for RolesPerAccount: {MAX_ROLES}"
            )));
        }
        let key = keys::iam_role(&record.name);
        let write = txn(
            vec![Compare::absent(key.clone())],
            vec![put_json(key, &record)?],
        );
        match self.commit(write).await {
            Ok(_) => Ok(CreateRoleResponse {
                role: role_shape(&record, Detail::Created),
            }),
            Err(Error::Conflict) => Err(already_exists(format!(
                "Role with name {} already exists.",
                record.name
            ))),
            Err(error) => Err(error),
        }
    }

    pub async fn get_role(&self, _caller: &Caller, req: GetRoleRequest) -> Result<GetRoleResponse> {
        let role = self.role_record(&req.role_name)?;
        Ok(GetRoleResponse {
            role: role_shape(&role, Detail::Full),
        })
    }

    pub async fn list_roles(
        &self,
        _caller: &Caller,
        req: ListRolesRequest,
    ) -> Result<ListRolesResponse> {
        let prefix = check_path_prefix(req.path_prefix.as_deref())?;
        let view = self.view.read();
        let matching = view
            .iam
            .roles
            .iter()
            .filter(|(_, role)| role.record.path.starts_with(&prefix));
        let (roles, marker) = page(matching, req.marker.as_deref(), req.max_items)?;
        Ok(ListRolesResponse {
            roles: roles
                .into_iter()
                .map(|role| role_shape(&role.record, Detail::Listed))
                .collect(),
            is_truncated: Some(marker.is_some()),
            marker,
        })
    }

    pub async fn delete_role(&self, _caller: &Caller, req: DeleteRoleRequest) -> Result<NoOutput> {
        self.change_role(&req.role_name, |role| {
            if !role.policies.is_empty() {
                return Err(delete_conflict(
                    "Cannot delete entity, must delete policies first.",
                ));
            }
            Ok(None)
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn update_assume_role_policy(
        &self,
        _caller: &Caller,
        req: UpdateAssumeRolePolicyRequest,
    ) -> Result<NoOutput> {
        self.role_record(&req.role_name)?;
        self.check_trust_policy(&req.policy_document)?;
        self.change_role(&req.role_name, |role| {
            Ok(Some(RoleRecord {
                trust_policy: req.policy_document.clone(),
                ..role.clone()
            }))
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn put_role_policy(
        &self,
        _caller: &Caller,
        req: PutRolePolicyRequest,
    ) -> Result<NoOutput> {
        check_name("policyName", &req.policy_name)?;
        self.role_record(&req.role_name)?;
        parse_policy(&req.policy_document, PolicyKind::Identity)?;
        self.change_role(&req.role_name, |role| {
            let policies = put_inline(
                &role.policies,
                &req.policy_name,
                &req.policy_document,
                MAX_ROLE_INLINE_POLICY_CHARS,
                &format!("role {}", role.name),
            )?;
            Ok(Some(RoleRecord {
                policies,
                ..role.clone()
            }))
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn get_role_policy(
        &self,
        _caller: &Caller,
        req: GetRolePolicyRequest,
    ) -> Result<GetRolePolicyResponse> {
        let role = self.role_record(&req.role_name)?;
        Ok(GetRolePolicyResponse {
            policy_document: inline_document(&role.policies, &req.policy_name, no_role_policy)?,
            role_name: role.name,
            policy_name: req.policy_name,
        })
    }

    pub async fn delete_role_policy(
        &self,
        _caller: &Caller,
        req: DeleteRolePolicyRequest,
    ) -> Result<NoOutput> {
        self.change_role(&req.role_name, |role| {
            let policies = remove_inline(&role.policies, &req.policy_name, no_role_policy)?;
            Ok(Some(RoleRecord {
                policies,
                ..role.clone()
            }))
        })
        .await?;
        Ok(NoOutput)
    }

    pub async fn list_role_policies(
        &self,
        _caller: &Caller,
        req: ListRolePoliciesRequest,
    ) -> Result<ListRolePoliciesResponse> {
        let role = self.role_record(&req.role_name)?;
        let (policy_names, marker) =
            inline_names(&role.policies, req.marker.as_deref(), req.max_items)?;
        Ok(ListRolePoliciesResponse {
            policy_names,
            is_truncated: Some(marker.is_some()),
            marker,
        })
    }

    /// The role named `name` (in any case), or IAM's `NoSuchEntity`.
    pub(crate) fn role_record(&self, name: &str) -> Result<RoleRecord> {
        self.view
            .read()
            .iam
            .role(name)
            .map(|entry| entry.record.clone())
            .ok_or_else(|| no_such_role(name))
    }

    /// Applies `change` to the role's record and writes the result (`None` deletes the
    /// role).
    async fn change_role(
        &self,
        name: &str,
        change: impl Fn(&RoleRecord) -> Result<Option<RoleRecord>>,
    ) -> Result<()> {
        self.rewrite_iam(
            |iam| {
                let entry = iam.role(name).ok_or_else(|| no_such_role(name))?;
                let key = keys::iam_role(&entry.record.name);
                Ok((entry.record.clone(), entry.revision, key))
            },
            |role| {
                Ok(Rewrite {
                    record: change(role)?,
                    also: Vec::new(),
                })
            },
        )
        .await
        .map(drop)
    }

    /// Checks a trust policy as IAM does: its grammar, its quota, and that the users and
    /// roles it names exist.
    fn check_trust_policy(&self, document: &str) -> Result<()> {
        let policy = parse_policy(document, PolicyKind::Trust)?;
        if policy.size() > MAX_TRUST_POLICY_CHARS {
            return Err(limit_exceeded(format!(
                "Cannot exceed quota for ACLSizePerRole: {MAX_TRUST_POLICY_CHARS}"
            )));
        }
        for principal in policy.aws_principals() {
            if !self.principal_exists(principal) {
                return Err(Error::api(
                    "MalformedPolicyDocument",
                    format!(
                        "Invalid principal in policy: \"AWS\":\"{principal}\". berth has no \
                         such user or role; create it first, or name the account."
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether an `"AWS"` principal of a trust policy names something that exists: any
    /// account, or a user, role or role session of this account.
    fn principal_exists(&self, principal: &str) -> bool {
        if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        let fields: Vec<&str> = principal.splitn(6, ':').collect();
        let [_, partition, service, _, account, resource] = fields[..] else {
            return false;
        };
        if resource == "root" {
            return true;
        }
        let scope = &self.config.scope;
        if partition != scope.partition || account != scope.account {
            // Only this account exists in berth.
            return false;
        }
        let view = self.view.read();
        let name = |rest: &str| rest.rsplit('/').next().unwrap_or_default().to_owned();
        match (service, resource.split_once('/')) {
            ("iam", Some(("user", _))) => view
                .iam
                .user(&name(resource))
                .is_some_and(|user| user.record.arn == principal),
            ("iam", Some(("role", _))) => view.iam.role_by_arn(principal).is_some(),
            ("sts", Some(("assumed-role", rest))) => rest
                .split_once('/')
                .is_some_and(|(role, _)| view.iam.role(role).is_some()),
            ("sts", Some(("federated-user", _))) => true,
            _ => false,
        }
    }
}

fn no_such_role(name: &str) -> Error {
    no_such_entity(format!("The role with name {name} cannot be found."))
}

fn no_role_policy(name: &str) -> Error {
    no_such_entity(format!("The role policy with name {name} cannot be found."))
}

/// How much of a role an answer shows, as IAM's actions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// CreateRole: what was sent.
    Created,
    /// GetRole: everything.
    Full,
    /// ListRoles: no tags.
    Listed,
}

fn role_shape(record: &RoleRecord, detail: Detail) -> Role {
    Role {
        path: record.path.clone(),
        role_name: record.name.clone(),
        role_id: record.role_id.clone(),
        arn: record.arn.clone(),
        create_date: record.created_at,
        assume_role_policy_document: Some(encode_policy(&record.trust_policy)),
        description: record.description.clone(),
        max_session_duration: Some(record.max_session_duration),
        permissions_boundary: None,
        tags: (detail != Detail::Listed && !record.tags.is_empty()).then(|| record.tags.clone()),
        role_last_used: None,
    }
}
