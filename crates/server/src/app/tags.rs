//! Tags on clusters, task definitions, tasks, container instances and services:
//! TagResource, UntagResource and ListTagsForResource.
//!
//! Every taggable record stores its tags in a top-level `tags` field, so one code path
//! edits them all. Tags with the `aws:` prefix (the `aws:ecs:…` managed tags ECS puts on
//! tasks) can be listed but neither added nor removed by users, and do not count towards
//! the 50-tag limit.

use berth_api::ecs::{
    ListTagsForResourceRequest, ListTagsForResourceResponse, Tag, TagResourceRequest,
    TagResourceResponse, UntagResourceRequest, UntagResourceResponse,
};
use berth_store::{Compare, Op};

use super::{txn, validate_tags, App};
use crate::error::{Error, Result};
use crate::model::keys;

impl App {
    pub async fn tag_resource(&self, req: TagResourceRequest) -> Result<TagResourceResponse> {
        if req.tags.is_empty() {
            return Err(Error::invalid("At least one tag must be given."));
        }
        validate_tags(&req.tags)?;
        self.refuse_isolation_tag(
            &req.resource_arn,
            req.tags.iter().filter_map(|t| t.key.as_deref()),
        )?;
        self.edit_tags(&req.resource_arn, |tags| {
            for tag in &req.tags {
                tags.retain(|t| t.key != tag.key);
                tags.push(tag.clone());
            }
        })
        .await?;
        Ok(TagResourceResponse {})
    }

    pub async fn untag_resource(&self, req: UntagResourceRequest) -> Result<UntagResourceResponse> {
        if req.tag_keys.is_empty() {
            return Err(Error::invalid("At least one tag key must be given."));
        }
        if let Some(key) = req.tag_keys.iter().find(|k| is_reserved(k)) {
            return Err(Error::invalid(format!(
                "Tag key '{key}' uses the reserved prefix 'aws:'; such tags cannot be removed."
            )));
        }
        self.refuse_isolation_tag(&req.resource_arn, req.tag_keys.iter().map(String::as_str))?;
        self.edit_tags(&req.resource_arn, |tags| {
            tags.retain(|t| !t.key.as_ref().is_some_and(|k| req.tag_keys.contains(k)));
        })
        .await?;
        Ok(UntagResourceResponse {})
    }

    pub async fn list_tags_for_resource(
        &self,
        req: ListTagsForResourceRequest,
    ) -> Result<ListTagsForResourceResponse> {
        let key = self.tagged_key(&req.resource_arn)?;
        let kv = self
            .store
            .get(&key)
            .await?
            .ok_or_else(|| not_found(&req.resource_arn))?;
        let record: serde_json::Value =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        let tags: Vec<Tag> =
            serde_json::from_value(record.get("tags").cloned().unwrap_or_default())
                .unwrap_or_default();
        Ok(ListTagsForResourceResponse { tags: Some(tags) })
    }

    async fn edit_tags(&self, arn: &str, edit: impl Fn(&mut Vec<Tag>)) -> Result<()> {
        let key = self.tagged_key(arn)?;
        for _ in 0..5 {
            let kv = self.store.get(&key).await?.ok_or_else(|| not_found(arn))?;
            let mut record: serde_json::Value =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if record.get("status").and_then(|s| s.as_str()) == Some("INACTIVE") {
                return Err(Error::invalid(format!("The resource {arn} is INACTIVE.")));
            }
            let mut tags: Vec<Tag> =
                serde_json::from_value(record.get("tags").cloned().unwrap_or_default())
                    .unwrap_or_default();
            edit(&mut tags);
            let user_tags = tags
                .iter()
                .filter(|t| !t.key.as_deref().is_some_and(is_reserved))
                .count();
            if user_tags > MAX_TAGS {
                return Err(Error::invalid(format!(
                    "A resource can have at most {MAX_TAGS} tags."
                )));
            }
            record["tags"] = serde_json::to_value(&tags).map_err(|e| Error::Internal(e.into()))?;
            let value = serde_json::to_vec(&record).map_err(|e| Error::Internal(e.into()))?;
            let txn = txn(
                vec![Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                }],
                vec![Op::Put {
                    key: key.clone(),
                    value,
                }],
            );
            match self.commit(txn).await {
                Ok(_) => return Ok(()),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    /// A task's `berth:isolation` tag names the tier berth chose at launch: users may not
    /// set or remove it (a cluster's tag of that name is theirs).
    fn refuse_isolation_tag<'a>(
        &self,
        arn: &str,
        mut keys: impl Iterator<Item = &'a str>,
    ) -> Result<()> {
        let is_task = self
            .config
            .scope
            .parse(arn)
            .is_ok_and(|(kind, _)| kind == "task");
        if is_task && keys.any(|k| k == crate::isolation::TASK_TAG) {
            return Err(Error::invalid(format!(
                "Tag key '{}' on a task names the isolation tier berth chose at launch; it cannot be set or removed.",
                crate::isolation::TASK_TAG
            )));
        }
        Ok(())
    }

    /// The store key of a taggable resource's record.
    fn tagged_key(&self, arn: &str) -> Result<String> {
        let (kind, rest) = self
            .config
            .scope
            .parse(arn)
            .map_err(|e| Error::invalid(format!("resourceArn: {e}")))?;
        let key = match kind {
            "cluster" => keys::cluster(rest),
            "task-definition" => {
                let (family, revision) = self.config.scope.task_definition_ref(rest)?;
                let revision = revision.ok_or_else(|| not_found(arn))?;
                keys::task_definition(&family, revision)
            }
            "task" | "container-instance" | "service" => {
                let (cluster, id) = rest.split_once('/').ok_or_else(|| not_found(arn))?;
                match kind {
                    "task" => keys::task(cluster, id),
                    "service" => keys::service(cluster, id),
                    _ => keys::instance(cluster, id),
                }
            }
            _ => {
                return Err(Error::invalid(format!(
                    "Resources of type '{kind}' cannot be tagged; tag clusters, task definitions, tasks, container instances or services."
                )))
            }
        };
        Ok(key)
    }
}

/// The most user tags a resource may carry.
const MAX_TAGS: usize = 50;

/// Whether a tag key has the prefix reserved for AWS (any case).
fn is_reserved(key: &str) -> bool {
    key.get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:"))
}

fn not_found(arn: &str) -> Error {
    Error::invalid(format!("The specified resource could not be found: {arn}"))
}
