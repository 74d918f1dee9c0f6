//! Clusters: CreateCluster, DescribeClusters, ListClusters, DeleteCluster, and the
//! fences that keep creates and DeleteCluster apart.
//!
//! DeleteCluster decides from the view that a cluster has no tasks, instances or services,
//! and a RunTask or an agent's registration decides from the view that it is ACTIVE. Each
//! then writes; the fences make each decision part of its transaction:
//! - a create compares the cluster's lifecycle key (`keys::cluster_lifecycle`), which
//!   DeleteCluster rewrites, so a create checked before a delete fails if the delete
//!   landed first (and then answers as for an INACTIVE cluster);
//! - a create rewrites the members key (`keys::cluster_members`), which DeleteCluster
//!   compares, so a delete checked before a create fails if the create landed first (and
//!   re-checks, finding what landed).
//!
//! Creates do not compare the members key, so they never conflict with one another.
//! Service tasks are fenced by their service's revision instead: DeleteCluster needs every
//! service INACTIVE, and the service scheduler's writes compare the service's revision.

use berth_api::ecs::{
    Cluster, ClusterField, CreateClusterRequest, CreateClusterResponse, DeleteClusterRequest,
    DeleteClusterResponse, DescribeClustersRequest, DescribeClustersResponse, Failure,
    ListClustersRequest, ListClustersResponse,
};
use berth_store::{Compare, Op};

use super::pagination::paginate;
use super::{put_json, txn, validate_tags, App, WRITE_ATTEMPTS};
use crate::error::{Error, Result};
use crate::model::{keys, now, ClusterRecord};
use crate::state::Snapshot;

/// ECS allows letters, numbers, hyphens and underscores, up to 255 characters.
pub(crate) fn valid_cluster_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl App {
    /// Creates a cluster, or returns the existing one: CreateCluster is idempotent in ECS.
    pub async fn create_cluster(&self, req: CreateClusterRequest) -> Result<CreateClusterResponse> {
        let name = req
            .cluster_name
            .clone()
            .unwrap_or_else(|| "default".to_owned());
        if !valid_cluster_name(&name) {
            return Err(Error::invalid(
                "Cluster name must be 1-255 characters: letters, numbers, hyphens and underscores.",
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        validate_tags(&tags)?;
        for _ in 0..5 {
            let existing = self.store.get(&keys::cluster(&name)).await?;
            let (compare, record) = match &existing {
                Some(kv) => {
                    let old: ClusterRecord =
                        serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
                    if old.status == "ACTIVE" {
                        return Ok(CreateClusterResponse {
                            cluster: Some(self.render_cluster(&self.view.read(), &old, &[])),
                        });
                    }
                    // Re-creating an INACTIVE cluster brings it back, as ECS does.
                    (
                        Compare::ModRevision {
                            key: kv.key.clone(),
                            revision: kv.mod_revision,
                        },
                        old,
                    )
                }
                None => (
                    Compare::Absent {
                        key: keys::cluster(&name),
                    },
                    ClusterRecord {
                        name: name.clone(),
                        status: String::new(),
                        tags: Vec::new(),
                        settings: Vec::new(),
                        created_at: now(),
                    },
                ),
            };
            let record = ClusterRecord {
                status: "ACTIVE".into(),
                tags: tags.clone(),
                settings: req.settings.clone().unwrap_or_default(),
                ..record
            };
            let txn = txn(
                vec![compare],
                vec![put_json(keys::cluster(&name), &record)?],
            );
            match self.commit(txn).await {
                Ok(_) => {
                    let view = self.view.read();
                    return Ok(CreateClusterResponse {
                        cluster: Some(self.render_cluster(&view, &record, &[])),
                    });
                }
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    pub async fn describe_clusters(
        &self,
        req: DescribeClustersRequest,
    ) -> Result<DescribeClustersResponse> {
        let names = req
            .clusters
            .clone()
            .unwrap_or_else(|| vec!["default".to_owned()]);
        if names.len() > 100 {
            return Err(Error::invalid(
                "At most 100 clusters can be described at once.",
            ));
        }
        let include = req.include.clone().unwrap_or_default();
        let view = self.view.read();
        let mut clusters = Vec::new();
        let mut failures = Vec::new();
        for given in names {
            let name = match self.config.scope.cluster_name(&given) {
                Ok(name) => name,
                Err(_) => {
                    failures.push(missing(&given));
                    continue;
                }
            };
            match view.clusters.get(&name) {
                Some(record) => clusters.push(self.render_cluster(&view, record, &include)),
                None => failures.push(missing(&self.config.scope.cluster(&name))),
            }
        }
        Ok(DescribeClustersResponse {
            clusters: Some(clusters),
            failures: Some(failures),
        })
    }

    pub async fn list_clusters(&self, req: ListClustersRequest) -> Result<ListClustersResponse> {
        let view = self.view.read();
        let items = view
            .clusters
            .values()
            .filter(|c| c.status == "ACTIVE")
            .map(|c| (c.name.clone(), self.config.scope.cluster(&c.name)));
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListClustersResponse {
            cluster_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn delete_cluster(&self, req: DeleteClusterRequest) -> Result<DeleteClusterResponse> {
        let name = self.cluster_name(Some(&req.cluster))?;
        for _ in 0..WRITE_ATTEMPTS {
            let (record, write) = {
                let view = self.view.read();
                let record = view.clusters.get(&name).ok_or(Error::ClusterNotFound)?;
                check_cluster_empty(&view, &name)?;
                let revisions = view
                    .cluster_revisions
                    .get(&name)
                    .copied()
                    .unwrap_or_default();
                let record = ClusterRecord {
                    status: "INACTIVE".into(),
                    ..record.clone()
                };
                let key = keys::cluster(&name);
                // The cluster is empty as of the view's revision; the members fence holds
                // only if no task or instance was created since.
                let write = txn(
                    vec![
                        Compare::mod_revision(key.clone(), revisions.record),
                        Compare::mod_revision(keys::cluster_members(&name), revisions.members),
                    ],
                    vec![
                        put_json(key, &record)?,
                        fence_put(keys::cluster_lifecycle(&name)),
                    ],
                );
                (record, write)
            };
            match self.commit(write).await {
                Ok(_) => {
                    let view = self.view.read();
                    return Ok(DeleteClusterResponse {
                        cluster: Some(self.render_cluster(&view, &record, &[])),
                    });
                }
                // Something landed since the check: look again.
                Err(Error::Conflict) => self.catch_up().await?,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    /// What a write that creates a task or a container instance in `cluster` adds to its
    /// transaction (see the module's doc), from the same view that finds the cluster ACTIVE.
    pub(crate) fn cluster_create_fence(
        &self,
        view: &Snapshot,
        cluster: &str,
    ) -> Result<(Vec<Compare>, Vec<Op>)> {
        match view.clusters.get(cluster) {
            Some(record) if record.status == "ACTIVE" => {}
            Some(_) => return Err(Error::ClusterInactive),
            None => return Err(Error::ClusterNotFound),
        }
        let lifecycle = view
            .cluster_revisions
            .get(cluster)
            .map_or(0, |r| r.lifecycle);
        Ok((
            vec![Compare::mod_revision(
                keys::cluster_lifecycle(cluster),
                lifecycle,
            )],
            vec![fence_put(keys::cluster_members(cluster))],
        ))
    }

    /// The answer to a create in `cluster` whose transaction lost a race: as for an
    /// INACTIVE cluster if a DeleteCluster won, else [`Error::Conflict`].
    pub(crate) async fn create_conflict(&self, cluster: &str) -> Error {
        if let Err(err) = self.catch_up().await {
            return err;
        }
        match self.active_cluster(Some(cluster)) {
            Ok(_) => Error::Conflict,
            Err(err) => err,
        }
    }

    pub(crate) fn render_cluster(
        &self,
        view: &Snapshot,
        record: &ClusterRecord,
        include: &[ClusterField],
    ) -> Cluster {
        let active = record.status == "ACTIVE";
        let mut running = 0;
        let mut pending = 0;
        if let Some(ids) = view.tasks_by_cluster.get(&record.name) {
            for entry in ids.iter().filter_map(|id| view.tasks.get(id)) {
                match entry.last_status() {
                    "RUNNING" => running += 1,
                    "PROVISIONING" | "PENDING" | "ACTIVATING" => pending += 1,
                    _ => {}
                }
            }
        }
        let instances = view
            .instances
            .iter()
            .filter(|((c, _), i)| c == &record.name && i.status != "INACTIVE")
            .count() as i32;
        Cluster {
            cluster_arn: Some(self.config.scope.cluster(&record.name)),
            cluster_name: Some(record.name.clone()),
            status: Some(record.status.clone()),
            registered_container_instances_count: Some(if active { instances } else { 0 }),
            running_tasks_count: Some(running),
            pending_tasks_count: Some(pending),
            active_services_count: Some(
                view.services
                    .iter()
                    .filter(|((c, _), (s, _))| c == &record.name && s.status == "ACTIVE")
                    .count() as i32,
            ),
            statistics: include.contains(&ClusterField::Statistics).then(Vec::new),
            tags: include
                .contains(&ClusterField::Tags)
                .then(|| record.tags.clone()),
            settings: Some(record.settings.clone()),
            // Every cluster has the Fargate providers, as an ECS cluster with them
            // associated (docs/fargate.md); there is no default strategy.
            capacity_providers: Some(vec![
                super::fargate::FARGATE.to_owned(),
                super::fargate::FARGATE_SPOT.to_owned(),
            ]),
            default_capacity_provider_strategy: Some(Vec::new()),
            ..Cluster::default()
        }
    }
}

/// Refuses to delete a cluster that still has services, instances or tasks (as ECS does,
/// services first).
fn check_cluster_empty(view: &Snapshot, name: &str) -> Result<()> {
    let has_services = view
        .services
        .iter()
        .any(|((c, _), (s, _))| c == name && s.status != "INACTIVE");
    if has_services {
        return Err(Error::ClusterContainsServices);
    }
    let has_instances = view
        .instances
        .iter()
        .any(|((c, _), i)| c == name && i.status != "INACTIVE");
    if has_instances {
        return Err(Error::ClusterContainsContainerInstances);
    }
    let has_tasks = view.tasks_by_cluster.get(name).is_some_and(|ids| {
        ids.iter()
            .any(|id| view.tasks.get(id).is_some_and(|t| !t.is_stopped()))
    });
    if has_tasks {
        return Err(Error::ClusterContainsTasks);
    }
    Ok(())
}

/// A write to a fence key: only its revision matters.
fn fence_put(key: String) -> Op {
    Op::put(key, b"{}".to_vec())
}

fn missing(arn: &str) -> Failure {
    Failure {
        arn: Some(arn.to_owned()),
        reason: Some("MISSING".into()),
        detail: None,
    }
}
