//! The IAM API's operation table, and what each action needs permission for.
//!
//! Resources follow the Service Authorization Reference for IAM: role actions act on the
//! role's ARN (`arn:aws:iam::ACCOUNT:role/PATH/NAME`), user and access-key actions on the
//! user's ARN, `ListRoles` and `ListUsers` on `*`. A resource that does not exist yet (the
//! role CreateRole makes) or no longer exists is named as it would be. Creating a role or
//! user with tags also needs `iam:TagRole`/`iam:TagUser`, with `aws:RequestTag/…` and
//! `aws:TagKeys`.

use berth_api::iam::*;

use super::Api;
use crate::app::App;
use crate::identity::{Access, Caller, Principal};

crate::query_operations! {
    /// A parsed IAM request. Each variant is one action of the IAM API.
    IamCommand, IAM_OPERATIONS, Api::Iam, "iam", with_caller;

    CreateRole(CreateRoleRequest) => create_role;
    GetRole(GetRoleRequest) => get_role;
    ListRoles(ListRolesRequest) => list_roles;
    DeleteRole(DeleteRoleRequest) => delete_role;
    UpdateAssumeRolePolicy(UpdateAssumeRolePolicyRequest) => update_assume_role_policy;
    PutRolePolicy(PutRolePolicyRequest) => put_role_policy;
    GetRolePolicy(GetRolePolicyRequest) => get_role_policy;
    DeleteRolePolicy(DeleteRolePolicyRequest) => delete_role_policy;
    ListRolePolicies(ListRolePoliciesRequest) => list_role_policies;
    CreateUser(CreateUserRequest) => create_user;
    GetUser(GetUserRequest) => get_user;
    ListUsers(ListUsersRequest) => list_users;
    DeleteUser(DeleteUserRequest) => delete_user;
    CreateAccessKey(CreateAccessKeyRequest) => create_access_key;
    DeleteAccessKey(DeleteAccessKeyRequest) => delete_access_key;
    ListAccessKeys(ListAccessKeysRequest) => list_access_keys;
    PutUserPolicy(PutUserPolicyRequest) => put_user_policy;
    GetUserPolicy(GetUserPolicyRequest) => get_user_policy;
    DeleteUserPolicy(DeleteUserPolicyRequest) => delete_user_policy;
    ListUserPolicies(ListUserPoliciesRequest) => list_user_policies;
}

impl IamCommand {
    /// What the command needs permission for.
    pub fn access(&self, app: &App, caller: &Caller) -> Vec<Access> {
        use IamCommand::*;
        let on = |resource: String| Access::new(self.action(), resource);
        let role = |name: &str| on(arn_of(app, "role", name, None));
        let user = |name: &str| on(arn_of(app, "user", name, None));
        let user_or_caller = |name: &Option<String>| match (name, &caller.principal) {
            (Some(name), _) => user(name),
            (None, Principal::User { arn, .. }) => on(arn.clone()),
            (None, _) => on("*".to_owned()),
        };
        match self {
            CreateRole(r) => created(
                on(arn_of(app, "role", &r.role_name, r.path.as_deref())),
                "iam:TagRole",
                r.tags.as_deref(),
            ),
            GetRole(GetRoleRequest { role_name }) | DeleteRole(DeleteRoleRequest { role_name }) => {
                vec![role(role_name)]
            }
            UpdateAssumeRolePolicy(r) => vec![role(&r.role_name)],
            PutRolePolicy(r) => vec![role(&r.role_name)],
            GetRolePolicy(r) => vec![role(&r.role_name)],
            DeleteRolePolicy(r) => vec![role(&r.role_name)],
            ListRolePolicies(r) => vec![role(&r.role_name)],
            ListRoles(_) | ListUsers(_) => vec![on("*".to_owned())],
            CreateUser(r) => created(
                on(arn_of(app, "user", &r.user_name, r.path.as_deref())),
                "iam:TagUser",
                r.tags.as_deref(),
            ),
            GetUser(r) => vec![user_or_caller(&r.user_name)],
            DeleteUser(r) => vec![user(&r.user_name)],
            CreateAccessKey(r) => vec![user_or_caller(&r.user_name)],
            DeleteAccessKey(r) => vec![user_or_caller(&r.user_name)],
            ListAccessKeys(r) => vec![user_or_caller(&r.user_name)],
            PutUserPolicy(r) => vec![user(&r.user_name)],
            GetUserPolicy(r) => vec![user(&r.user_name)],
            DeleteUserPolicy(r) => vec![user(&r.user_name)],
            ListUserPolicies(r) => vec![user(&r.user_name)],
        }
    }
}

/// A create action, plus the tagging action its tags need.
fn created(access: Access, tag_action: &str, tags: Option<&[Tag]>) -> Vec<Access> {
    let tags: Vec<(&str, &str)> = tags
        .unwrap_or_default()
        .iter()
        .map(|tag| (tag.key.as_str(), tag.value.as_str()))
        .collect();
    let access = access.with_request_tags(tags.iter().copied());
    if tags.is_empty() {
        return vec![access];
    }
    let tagging = Access {
        action: tag_action.to_owned(),
        ..access.clone()
    };
    vec![access, tagging]
}

/// The ARN of the role or user `name`: the existing one's (its path included), else the one
/// it would have with `path`.
fn arn_of(app: &App, kind: &str, name: &str, path: Option<&str>) -> String {
    let view = app.view.read();
    let existing = match kind {
        "role" => view.iam.role(name).map(|e| e.record.arn.clone()),
        _ => view.iam.user(name).map(|e| e.record.arn.clone()),
    };
    existing.unwrap_or_else(|| {
        let scope = &app.config.scope;
        crate::app::iam::iam_arn(
            &scope.partition,
            &scope.account,
            kind,
            path.unwrap_or("/"),
            name,
        )
    })
}
