//! ECS ARNs in the formats ECS uses, and the typed identifiers inside them.
//!
//! Users may name most resources either by short name or by full ARN, so every
//! parser here accepts both and checks that an ARN belongs to this region and account.

use std::fmt;

/// Where resources live: the partition, region and account in every ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnScope {
    pub partition: String,
    pub region: String,
    pub account: String,
}

impl Default for ArnScope {
    fn default() -> Self {
        Self {
            partition: "aws".into(),
            region: "us-east-1".into(),
            account: "000000000000".into(),
        }
    }
}

/// Why a name or ARN was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArnError {
    #[error("'{0}' is not a valid ARN for this resource type")]
    WrongType(String),
    #[error("ARN '{0}' belongs to another region or account")]
    ForeignScope(String),
    #[error("'{0}' is not a valid identifier")]
    Malformed(String),
}

impl ArnScope {
    fn prefix(&self) -> String {
        format!(
            "arn:{}:ecs:{}:{}:",
            self.partition, self.region, self.account
        )
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:cluster/NAME`
    pub fn cluster(&self, name: &str) -> String {
        format!("{}cluster/{name}", self.prefix())
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`
    pub fn task_definition(&self, family: &str, revision: i32) -> String {
        format!("{}task-definition/{family}:{revision}", self.prefix())
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID`
    pub fn task(&self, cluster: &str, id: &str) -> String {
        format!("{}task/{cluster}/{id}", self.prefix())
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:container-instance/CLUSTER/ID`
    pub fn container_instance(&self, cluster: &str, id: &str) -> String {
        format!("{}container-instance/{cluster}/{id}", self.prefix())
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:container/CLUSTER/TASK_ID/CONTAINER_ID`
    pub fn container(&self, cluster: &str, task_id: &str, container_id: &str) -> String {
        format!(
            "{}container/{cluster}/{task_id}/{container_id}",
            self.prefix()
        )
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME`
    pub fn service(&self, cluster: &str, name: &str) -> String {
        format!("{}service/{cluster}/{name}", self.prefix())
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:service-deployment/CLUSTER/SERVICE/ID`
    pub fn service_deployment(&self, cluster: &str, service: &str, id: &str) -> String {
        format!(
            "{}service-deployment/{cluster}/{service}/{id}",
            self.prefix()
        )
    }

    /// `arn:aws:ecs:REGION:ACCOUNT:service-revision/CLUSTER/SERVICE/ID`
    pub fn service_revision(&self, cluster: &str, service: &str, id: &str) -> String {
        format!("{}service-revision/{cluster}/{service}/{id}", self.prefix())
    }

    /// A service given by name or ARN, as `(Some(cluster) if the ARN names it, name)`.
    pub fn service_name(&self, name_or_arn: &str) -> Result<(Option<String>, String), ArnError> {
        self.cluster_scoped_id("service", name_or_arn)
    }

    /// Splits an ECS ARN of this scope into its resource type and the rest
    /// (`task/CLUSTER/ID` gives `("task", "CLUSTER/ID")`).
    pub fn parse<'a>(&self, arn: &'a str) -> Result<(&'a str, &'a str), ArnError> {
        if !arn.starts_with("arn:") {
            return Err(ArnError::Malformed(arn.to_owned()));
        }
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        if parts.len() != 6 || parts[2] != "ecs" {
            return Err(ArnError::Malformed(arn.to_owned()));
        }
        if parts[1] != self.partition || parts[3] != self.region || parts[4] != self.account {
            return Err(ArnError::ForeignScope(arn.to_owned()));
        }
        let resource = parts[5];
        let (kind, rest) = resource
            .split_once('/')
            .ok_or_else(|| ArnError::Malformed(arn.into()))?;
        Ok((kind, rest))
    }

    /// A cluster given by short name or ARN, as its name.
    pub fn cluster_name(&self, name_or_arn: &str) -> Result<String, ArnError> {
        if name_or_arn.starts_with("arn:") {
            match self.parse(name_or_arn)? {
                ("cluster", name) if !name.contains('/') => Ok(name.to_owned()),
                _ => Err(ArnError::WrongType(name_or_arn.to_owned())),
            }
        } else {
            Ok(name_or_arn.to_owned())
        }
    }

    /// A task given by ID or ARN, as `(Some(cluster) if the ARN names it, id)`.
    pub fn task_id(&self, id_or_arn: &str) -> Result<(Option<String>, String), ArnError> {
        self.cluster_scoped_id("task", id_or_arn)
    }

    /// A container instance given by ID or ARN, as `(Some(cluster) if named, id)`.
    pub fn container_instance_id(
        &self,
        id_or_arn: &str,
    ) -> Result<(Option<String>, String), ArnError> {
        self.cluster_scoped_id("container-instance", id_or_arn)
    }

    fn cluster_scoped_id(
        &self,
        kind: &str,
        id_or_arn: &str,
    ) -> Result<(Option<String>, String), ArnError> {
        if !id_or_arn.starts_with("arn:") {
            if id_or_arn.is_empty() || id_or_arn.contains('/') {
                return Err(ArnError::Malformed(id_or_arn.to_owned()));
            }
            return Ok((None, id_or_arn.to_owned()));
        }
        let (found_kind, rest) = self.parse(id_or_arn)?;
        if found_kind != kind {
            return Err(ArnError::WrongType(id_or_arn.to_owned()));
        }
        match rest.split_once('/') {
            Some((cluster, id)) if !id.is_empty() && !id.contains('/') => {
                Ok((Some(cluster.to_owned()), id.to_owned()))
            }
            // The old format, without the cluster: arn:...:task/ID
            None if !rest.is_empty() => Ok((None, rest.to_owned())),
            _ => Err(ArnError::Malformed(id_or_arn.to_owned())),
        }
    }

    /// A task definition given as `family`, `family:revision` or ARN, as
    /// `(family, Some(revision))` or `(family, None)` for the latest ACTIVE revision.
    pub fn task_definition_ref(&self, value: &str) -> Result<(String, Option<i32>), ArnError> {
        let body = if value.starts_with("arn:") {
            match self.parse(value)? {
                ("task-definition", rest) => rest,
                _ => return Err(ArnError::WrongType(value.to_owned())),
            }
        } else {
            value
        };
        match body.split_once(':') {
            Some((family, rev)) => {
                let revision: i32 = rev
                    .parse()
                    .map_err(|_| ArnError::Malformed(value.to_owned()))?;
                if revision < 1 || family.is_empty() {
                    return Err(ArnError::Malformed(value.to_owned()));
                }
                Ok((family.to_owned(), Some(revision)))
            }
            None if !body.is_empty() => Ok((body.to_owned(), None)),
            None => Err(ArnError::Malformed(value.to_owned())),
        }
    }
}

/// A fresh resource ID in ECS's format: 32 lowercase hex digits.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A fresh container ID as ECS shows it inside container ARNs (a dashed UUID).
pub fn new_container_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Shows a scope as `region/account`, for logs.
impl fmt::Display for ArnScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.region, self.account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_arns_round_trip() {
        let scope = ArnScope::default();
        let arn = scope.task("prod", "abc");
        assert_eq!(arn, "arn:aws:ecs:us-east-1:000000000000:task/prod/abc");
        assert_eq!(
            scope.task_id(&arn).unwrap(),
            (Some("prod".into()), "abc".into())
        );
        assert_eq!(scope.task_id("abc").unwrap(), (None, "abc".into()));
        assert!(scope.task_id(&scope.cluster("prod")).is_err());
    }

    #[test]
    fn task_definition_refs() {
        let scope = ArnScope::default();
        assert_eq!(
            scope.task_definition_ref("web").unwrap(),
            ("web".into(), None)
        );
        assert_eq!(
            scope.task_definition_ref("web:3").unwrap(),
            ("web".into(), Some(3))
        );
        let arn = scope.task_definition("web", 7);
        assert_eq!(
            scope.task_definition_ref(&arn).unwrap(),
            ("web".into(), Some(7))
        );
        assert!(scope.task_definition_ref("web:x").is_err());
        assert!(scope.task_definition_ref("web:0").is_err());
        let foreign = "arn:aws:ecs:eu-west-1:000000000000:cluster/x";
        assert_eq!(
            scope.cluster_name(foreign),
            Err(ArnError::ForeignScope(foreign.into()))
        );
    }
}
