//! Container instance attributes: PutAttributes, DeleteAttributes and ListAttributes.
//!
//! Attributes live in the instance record's `attributes` map, beside the ones the agent
//! registered (`ecs.os-type`, …). Names starting with `ecs.` belong to ECS and the agent,
//! so users may neither set nor delete them, and only the others count towards ECS's
//! limit of 10 custom attributes per instance. One call edits every instance it names in
//! one transaction, compare-and-swap on each record, so it applies entirely or not at all.

use std::collections::BTreeMap;

use berth_api::ecs::{
    Attribute, DeleteAttributesRequest, DeleteAttributesResponse, ListAttributesRequest,
    ListAttributesResponse, PutAttributesRequest, PutAttributesResponse, TargetType,
};
use berth_store::Compare;

use super::pagination::paginate;
use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, InstanceRecord};

/// Custom (non-`ecs.`) attributes one container instance may carry.
const MAX_CUSTOM_ATTRIBUTES: usize = 10;
/// Attributes one PutAttributes or DeleteAttributes call may name.
const MAX_ATTRIBUTES_PER_CALL: usize = 10;
/// Longest attribute name and value.
const MAX_ATTRIBUTE_LENGTH: usize = 128;
/// The prefix of the attributes ECS itself sets.
const RESERVED_PREFIX: &str = "ecs.";

/// What a call does to one attribute of its target.
enum Edit {
    Put(Option<String>),
    Delete,
}

impl App {
    pub async fn put_attributes(&self, req: PutAttributesRequest) -> Result<PutAttributesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        check_count(&req.attributes)?;
        let mut edits = Vec::with_capacity(req.attributes.len());
        for attribute in &req.attributes {
            check_name(&attribute.name)?;
            if let Some(value) = &attribute.value {
                check_value(&attribute.name, value)?;
            }
            let id = self.attribute_target(&cluster, attribute)?;
            edits.push((
                id,
                attribute.name.clone(),
                Edit::Put(attribute.value.clone()),
            ));
        }
        self.edit_attributes(&cluster, &edits).await?;
        Ok(PutAttributesResponse {
            attributes: Some(req.attributes),
        })
    }

    pub async fn delete_attributes(
        &self,
        req: DeleteAttributesRequest,
    ) -> Result<DeleteAttributesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        check_count(&req.attributes)?;
        let mut edits = Vec::with_capacity(req.attributes.len());
        for attribute in &req.attributes {
            check_name(&attribute.name)?;
            let id = self.attribute_target(&cluster, attribute)?;
            edits.push((id, attribute.name.clone(), Edit::Delete));
        }
        self.edit_attributes(&cluster, &edits).await?;
        Ok(DeleteAttributesResponse {
            attributes: Some(req.attributes),
        })
    }

    pub async fn list_attributes(
        &self,
        req: ListAttributesRequest,
    ) -> Result<ListAttributesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.attribute_value.is_some() && req.attribute_name.is_none() {
            return Err(Error::invalid(
                "attributeValue can only be given together with attributeName.",
            ));
        }
        // Container instances are ECS's only attribute target; a new target type in the
        // model would stop this from compiling rather than list the wrong things.
        let TargetType::ContainerInstance = req.target_type;
        let view = self.view.read();
        let mut items = Vec::new();
        for ((c, id), instance) in view.instances.iter() {
            if c != &cluster || instance.status == "INACTIVE" {
                continue;
            }
            for (name, value) in &instance.attributes {
                if req.attribute_name.as_ref().is_some_and(|n| n != name) {
                    continue;
                }
                if req
                    .attribute_value
                    .as_ref()
                    .is_some_and(|v| value.as_ref() != Some(v))
                {
                    continue;
                }
                // NUL sorts before every other character, so these keys order exactly as
                // the (instance ID, name) pairs are visited and a token resumes in place.
                items.push((
                    format!("{id}\u{0}{name}"),
                    Attribute {
                        name: name.clone(),
                        value: value.clone(),
                        target_type: Some(TargetType::ContainerInstance),
                        target_id: Some(instance.arn.clone()),
                    },
                ));
            }
        }
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListAttributesResponse {
            attributes: Some(page.items),
            next_token: page.next_token,
        })
    }

    /// The ID of the container instance an attribute targets, which must be in `cluster`
    /// and not deregistered.
    fn attribute_target(&self, cluster: &str, attribute: &Attribute) -> Result<String> {
        let Some(target) = attribute.target_id.as_deref().filter(|t| !t.is_empty()) else {
            return Err(Error::invalid(format!(
                "Attribute '{}' must name its target in targetId.",
                attribute.name
            )));
        };
        if !target.starts_with("arn:") && attribute.target_type.is_none() {
            return Err(Error::invalid(format!(
                "targetType is required when targetId '{target}' is not a full ARN."
            )));
        }
        let (arn_cluster, id) = self
            .config
            .scope
            .container_instance_id(target)
            .map_err(|e| Error::invalid(format!("targetId: {e}")))?;
        let view = self.view.read();
        let found = arn_cluster.as_deref().is_none_or(|c| c == cluster)
            && view
                .instance(cluster, &id)
                .is_some_and(|i| i.status != "INACTIVE");
        if !found {
            return Err(Error::TargetNotFound(format!(
                "Could not find {target} in cluster {cluster}."
            )));
        }
        Ok(id)
    }

    /// Applies every edit, to every instance it names, in one transaction.
    async fn edit_attributes(&self, cluster: &str, edits: &[(String, String, Edit)]) -> Result<()> {
        let mut by_instance: BTreeMap<&str, Vec<(&str, &Edit)>> = BTreeMap::new();
        for (id, name, edit) in edits {
            by_instance
                .entry(id.as_str())
                .or_default()
                .push((name.as_str(), edit));
        }
        for _ in 0..5 {
            let mut compares = Vec::new();
            let mut ops = Vec::new();
            for (id, instance_edits) in &by_instance {
                let key = keys::instance(cluster, id);
                let kv = self.store.get(&key).await?.ok_or_else(|| {
                    Error::TargetNotFound(format!("Could not find container instance {id}."))
                })?;
                let mut record: InstanceRecord =
                    serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
                if record.status == "INACTIVE" {
                    return Err(Error::TargetNotFound(format!(
                        "Could not find container instance {}.",
                        record.arn
                    )));
                }
                let before = record.attributes.clone();
                for (name, edit) in instance_edits {
                    match edit {
                        Edit::Put(value) => {
                            record.attributes.insert((*name).to_owned(), value.clone());
                        }
                        Edit::Delete => {
                            record.attributes.remove(*name);
                        }
                    }
                }
                if record.attributes == before {
                    continue;
                }
                let custom = record.attributes.keys().filter(|n| !is_reserved(n)).count();
                if custom > MAX_CUSTOM_ATTRIBUTES {
                    return Err(Error::AttributeLimitExceeded(format!(
                        "Container instance {} would have {custom} custom attributes; at most \
                         {MAX_CUSTOM_ATTRIBUTES} are allowed.",
                        record.arn
                    )));
                }
                record.version += 1;
                compares.push(Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                });
                ops.push(put_json(key, &record)?);
            }
            if ops.is_empty() {
                return Ok(());
            }
            match self.commit(txn(compares, ops)).await {
                Ok(_) => return Ok(()),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }
}

fn is_reserved(name: &str) -> bool {
    name.get(..RESERVED_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(RESERVED_PREFIX))
}

fn check_count(attributes: &[Attribute]) -> Result<()> {
    if attributes.is_empty() || attributes.len() > MAX_ATTRIBUTES_PER_CALL {
        return Err(Error::invalid(format!(
            "attributes must list between 1 and {MAX_ATTRIBUTES_PER_CALL} attributes; {} were given.",
            attributes.len()
        )));
    }
    Ok(())
}

/// ECS's rule for names: 1 to 128 letters, numbers, hyphens, underscores, forward and
/// back slashes and periods, and not in the reserved `ecs.` namespace.
fn check_name(name: &str) -> Result<()> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '\\' | '.');
    if name.is_empty() || name.chars().count() > MAX_ATTRIBUTE_LENGTH || !name.chars().all(allowed)
    {
        return Err(Error::invalid(format!(
            "Attribute name '{name}' is not valid: it must be 1 to {MAX_ATTRIBUTE_LENGTH} \
             letters, numbers, hyphens, underscores, forward slashes, back slashes or periods."
        )));
    }
    if is_reserved(name) {
        return Err(Error::invalid(format!(
            "Attribute name '{name}' is reserved: names starting with '{RESERVED_PREFIX}' are \
             set by Amazon ECS and cannot be changed."
        )));
    }
    Ok(())
}

/// ECS's rule for values: 1 to 128 letters, numbers, hyphens, underscores, periods, at
/// signs, forward and back slashes, colons and spaces, with no space at either end.
fn check_value(name: &str, value: &str) -> Result<()> {
    let allowed = |c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | '/' | '\\' | ':' | ' ')
    };
    let valid = !value.is_empty()
        && value.chars().count() <= MAX_ATTRIBUTE_LENGTH
        && value.chars().all(allowed)
        && !value.starts_with(' ')
        && !value.ends_with(' ');
    if !valid {
        return Err(Error::invalid(format!(
            "The value of attribute '{name}' is not valid: it must be 1 to \
             {MAX_ATTRIBUTE_LENGTH} letters, numbers, hyphens, underscores, periods, at signs, \
             forward slashes, back slashes, colons or spaces, and cannot start or end with a \
             space."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_ecs_rules() {
        assert!(check_name("stack").is_ok());
        assert!(check_name("a-b_c/d\\e.f9").is_ok());
        assert!(check_name(&"n".repeat(128)).is_ok());
        assert!(check_name(&"n".repeat(129)).is_err());
        assert!(check_name("").is_err());
        assert!(check_name("has space").is_err());
        assert!(check_name("colon:").is_err());
        assert!(check_name("ecs.instance-type").is_err());
        assert!(check_name("ECS.anything").is_err());
        assert!(check_name("ecsfoo").is_ok());
    }

    #[test]
    fn values_follow_ecs_rules() {
        assert!(check_value("n", "prod").is_ok());
        assert!(check_value("n", "a b:c@d/e\\f.g-h_i").is_ok());
        assert!(check_value("n", &"v".repeat(128)).is_ok());
        assert!(check_value("n", &"v".repeat(129)).is_err());
        assert!(check_value("n", "").is_err());
        assert!(check_value("n", " lead").is_err());
        assert!(check_value("n", "trail ").is_err());
        assert!(check_value("n", "comma,").is_err());
    }
}
