//! Clusters: CreateCluster, DescribeClusters, ListClusters, DeleteCluster.

use berth_api::ecs::{
    Cluster, ClusterField, CreateClusterRequest, CreateClusterResponse, DeleteClusterRequest,
    DeleteClusterResponse, DescribeClustersRequest, DescribeClustersResponse, Failure,
    ListClustersRequest, ListClustersResponse,
};
use berth_store::Compare;

use super::pagination::paginate;
use super::{put_json, txn, validate_tags, App};
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
        let key = keys::cluster(&name);
        let kv = self.store.get(&key).await?.ok_or(Error::ClusterNotFound)?;
        let mut record: ClusterRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        {
            let view = self.view.read();
            let has_services = view
                .services
                .iter()
                .any(|((c, _), (s, _))| c == &name && s.status != "INACTIVE");
            if has_services {
                return Err(Error::ClusterContainsServices);
            }
            let has_instances = view
                .instances
                .iter()
                .any(|((c, _), i)| c == &name && i.status != "INACTIVE");
            if has_instances {
                return Err(Error::ClusterContainsContainerInstances);
            }
            let has_tasks = view.tasks_by_cluster.get(&name).is_some_and(|ids| {
                ids.iter()
                    .any(|id| view.tasks.get(id).is_some_and(|t| !t.is_stopped()))
            });
            if has_tasks {
                return Err(Error::ClusterContainsTasks);
            }
        }
        record.status = "INACTIVE".into();
        let txn = txn(
            vec![Compare::ModRevision {
                key: key.clone(),
                revision: kv.mod_revision,
            }],
            vec![put_json(key, &record)?],
        );
        self.commit(txn).await?;
        let view = self.view.read();
        Ok(DeleteClusterResponse {
            cluster: Some(self.render_cluster(&view, &record, &[])),
        })
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

fn missing(arn: &str) -> Failure {
    Failure {
        arn: Some(arn.to_owned()),
        reason: Some("MISSING".into()),
        detail: None,
    }
}
