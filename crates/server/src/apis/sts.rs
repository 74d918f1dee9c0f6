//! The STS API's operation table.
//!
//! Neither action is authorized by the caller's identity policies up front:
//! `GetCallerIdentity` needs no permission (as in AWS), and `AssumeRole` is decided by the
//! role's trust policy, and by the caller's policies only when the trust policy delegates
//! to the account (`App::assume_role`).

use berth_api::sts::*;

use super::Api;
use crate::app::App;
use crate::identity::{Access, Caller};

crate::query_operations! {
    /// A parsed STS request. Each variant is one action of the STS API.
    StsCommand, STS_OPERATIONS, Api::Sts, "sts", with_caller;

    GetCallerIdentity(GetCallerIdentityRequest) => get_caller_identity;
    AssumeRole(AssumeRoleRequest) => assume_role;
}

impl StsCommand {
    /// What the command needs permission for before it runs: nothing (see the module doc).
    pub fn access(&self, _app: &App, _caller: &Caller) -> Vec<Access> {
        Vec::new()
    }
}
