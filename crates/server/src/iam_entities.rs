//! IAM users and roles as the authorizer reads them: each record with its policy
//! documents parsed once, when the record changes, so that authorizing a call parses
//! nothing and reads no store.
//!
//! The view ([`crate::state::Snapshot::iam`]) keeps one [`IamEntities`], fed by the store's
//! watch. Entries are shared (`Arc`), so an authorization takes its principal's entry and
//! releases the view's lock before it evaluates anything.
//!
//! A stored document that no longer parses (a record written by another version, say)
//! fails closed: a role whose trust policy does not parse can be assumed by nobody, and a
//! user or role with an inline policy that does not parse is denied everything, since the
//! unreadable policy might have held a Deny.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use berth_store::Revision;

use crate::authz::{Policy, PolicyKind};
use crate::model::{RoleRecord, UserRecord};

/// A role, with its policies compiled.
#[derive(Debug)]
pub struct RoleEntry {
    pub record: RoleRecord,
    /// The store revision the record was written at, for compare-and-swap updates.
    pub revision: Revision,
    /// The trust policy; `None` when the stored document does not parse.
    pub trust: Option<Policy>,
    /// The inline policies; `None` when one of them does not parse.
    pub policies: Option<Box<[Policy]>>,
}

/// A user, with its policies compiled.
#[derive(Debug)]
pub struct UserEntry {
    pub record: UserRecord,
    pub revision: Revision,
    /// The inline policies; `None` when one of them does not parse.
    pub policies: Option<Box<[Policy]>>,
}

/// Every IAM role and user, by lower-cased name (IAM names are unique regardless of
/// case). Sorted, so that listings page stably.
#[derive(Debug, Default)]
pub struct IamEntities {
    pub roles: BTreeMap<String, Arc<RoleEntry>>,
    pub users: BTreeMap<String, Arc<UserEntry>>,
}

/// A name as the maps key it.
pub fn fold(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

impl IamEntities {
    /// Applies a role record written (or deleted, `None`) under its key.
    pub fn set_role(&mut self, key_name: &str, record: Option<RoleRecord>, revision: Revision) {
        match record {
            Some(record) => {
                let trust = parse_stored(
                    &record.arn,
                    "trust policy",
                    &record.trust_policy,
                    PolicyKind::Trust,
                );
                let policies = parse_all(&record.arn, &record.policies);
                self.roles.insert(
                    key_name.to_owned(),
                    Arc::new(RoleEntry {
                        record,
                        revision,
                        trust,
                        policies,
                    }),
                );
            }
            None => {
                self.roles.remove(key_name);
            }
        }
    }

    /// Applies a user record written (or deleted, `None`) under its key.
    pub fn set_user(&mut self, key_name: &str, record: Option<UserRecord>, revision: Revision) {
        match record {
            Some(record) => {
                let policies = parse_all(&record.arn, &record.policies);
                self.users.insert(
                    key_name.to_owned(),
                    Arc::new(UserEntry {
                        record,
                        revision,
                        policies,
                    }),
                );
            }
            None => {
                self.users.remove(key_name);
            }
        }
    }

    /// The role named `name`, in any case.
    pub fn role(&self, name: &str) -> Option<&Arc<RoleEntry>> {
        self.roles.get(fold(name).as_ref())
    }

    /// The user named `name`, in any case.
    pub fn user(&self, name: &str) -> Option<&Arc<UserEntry>> {
        self.users.get(fold(name).as_ref())
    }

    /// The role whose ARN is exactly `arn` (its path included).
    pub fn role_by_arn(&self, arn: &str) -> Option<&Arc<RoleEntry>> {
        let name = arn.rsplit('/').next()?;
        self.role(name).filter(|entry| entry.record.arn == arn)
    }
}

/// Parses a document berth stored after validating it; a failure is logged and fails
/// closed (`None`).
fn parse_stored(owner: &str, what: &str, document: &str, kind: PolicyKind) -> Option<Policy> {
    match Policy::parse(document, kind) {
        Ok(policy) => Some(policy),
        Err(error) => {
            tracing::error!(%owner, what, %error, "a stored policy does not parse; failing closed");
            None
        }
    }
}

fn parse_all(owner: &str, documents: &BTreeMap<String, String>) -> Option<Box<[Policy]>> {
    documents
        .iter()
        .map(|(name, document)| parse_stored(owner, name, document, PolicyKind::Identity))
        .collect::<Option<Vec<_>>>()
        .map(Vec::into_boxed_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str, trust: &str, policies: &[(&str, &str)]) -> RoleRecord {
        RoleRecord {
            name: name.into(),
            path: "/".into(),
            role_id: "AROAEXAMPLEEXAMPLE1".into(),
            arn: format!("arn:aws:iam::000000000000:role/{name}"),
            created_at: 0.0,
            trust_policy: trust.into(),
            description: None,
            max_session_duration: 3600,
            tags: Vec::new(),
            policies: policies
                .iter()
                .map(|(n, d)| ((*n).to_owned(), (*d).to_owned()))
                .collect(),
        }
    }

    const TRUST: &str = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
    const ALLOW: &str = r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","Resource":"*"}}"#;

    #[test]
    fn names_are_found_in_any_case_and_arns_must_match_exactly() {
        let mut entities = IamEntities::default();
        entities.set_role("web", Some(role("Web", TRUST, &[("p", ALLOW)])), 7);
        let entry = entities.role("WEB").expect("found regardless of case");
        assert_eq!(entry.record.name, "Web");
        assert_eq!(entry.revision, 7);
        assert!(entry.trust.is_some());
        assert_eq!(entry.policies.as_ref().map(|p| p.len()), Some(1));
        assert!(entities
            .role_by_arn("arn:aws:iam::000000000000:role/Web")
            .is_some());
        assert!(entities
            .role_by_arn("arn:aws:iam::000000000000:role/team/Web")
            .is_none());
        entities.set_role("web", None, 8);
        assert!(entities.role("web").is_none());
    }

    #[test]
    fn unreadable_stored_documents_fail_closed() {
        let mut entities = IamEntities::default();
        entities.set_role(
            "web",
            Some(role("web", "{not json", &[("ok", ALLOW), ("bad", "[]")])),
            1,
        );
        let entry = entities.role("web").expect("present");
        assert!(entry.trust.is_none(), "nobody may assume it");
        assert!(
            entry.policies.is_none(),
            "its sessions are denied everything"
        );
    }
}
