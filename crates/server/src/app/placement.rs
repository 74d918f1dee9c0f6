//! Placement: keeps one long-lived scheduler `Cluster` per ECS cluster, brought up to date
//! from the view before each decision, asks the pure scheduler where tasks go, and turns its
//! answer into instances and ECS `failures[]`.
//!
//! Bringing a `Cluster` up to date touches only the instances whose record, usage, in-flight
//! placements or agent connection changed since it was last used (a stamp per instance
//! says which), so a decision costs a scan of integer stamps rather than a copy of every
//! instance. What the `Cluster` books while placing is forgotten right after (those
//! instances are re-read next time), so the view plus in-flight placements stay the only
//! truth.

use std::collections::{HashMap, HashSet};

use berth_api::ecs::{self, Failure, PlacementConstraint, PlacementStrategy};
use berth_scheduler as scheduler;

use super::App;
use crate::error::{Error, Result};
use crate::model::{InstanceRecord, Reservation};
use crate::state::Snapshot;

/// What one task needs on its instance.
#[derive(Debug, Clone)]
pub(crate) struct Demand {
    /// CPU, memory and static host ports; its `gpus` stay empty until placement names
    /// the GPUs.
    pub reservation: Reservation,
    /// How many GPUs each container reserves, index-aligned with the task's containers.
    pub container_gpus: Vec<u32>,
    /// The task definition's `requiresAttributes`: attributes an instance must have.
    pub required_attributes: Vec<scheduler::RequiredAttribute>,
}

/// Where tasks may go: chosen by strategies and constraints (RunTask), or named
/// instances (StartTask).
pub(crate) enum PlacementTarget<'a> {
    Strategies {
        strategies: &'a [PlacementStrategy],
        constraints: &'a [PlacementConstraint],
        definition_constraints: &'a [ecs::TaskDefinitionPlacementConstraint],
    },
    /// (as given by the user, instance ID)
    Instances(&'a [(String, String)]),
}

impl Demand {
    /// The GPUs of all the task's containers together.
    pub fn gpus(&self) -> u32 {
        self.container_gpus.iter().sum()
    }
}

/// Where one task goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedTask {
    pub instance_id: String,
    pub instance_arn: String,
    /// The instance's GPUs the task gets, as many as [`Demand::gpus`].
    pub gpu_ids: Vec<String>,
}

/// The chosen instances, one per placed task, and a failure per task that could not be
/// placed.
#[derive(Debug, Default)]
pub(crate) struct PlacementOutcome {
    pub instances: Vec<PlacedTask>,
    pub failures: Vec<Failure>,
}

/// The scheduler state of every ECS cluster, kept between decisions.
#[derive(Debug, Default)]
pub(crate) struct PlacementCache {
    clusters: HashMap<String, CachedCluster>,
}

#[derive(Debug)]
struct CachedCluster {
    cluster: scheduler::Cluster,
    /// Instance ID → what the `Cluster` holds of it beyond usage.
    known: HashMap<String, Known>,
    /// Instances the last decision booked tasks on, refreshed before the next one.
    booked: HashSet<String>,
    /// The view load this was built from, and the last change of the view's and of the
    /// in-flight placements' change logs it has applied.
    epoch: u64,
    view_seen: u64,
    pending_seen: u64,
    /// Connection changes come from time passing, not from changes: they are looked for
    /// in one sweep at most this often.
    connectivity_checked: std::time::Instant,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Known {
    record_version: i64,
    connected: bool,
}

/// The failure reason of a FARGATE task the pool has no room for (Fargate's wording).
pub(crate) const FARGATE_CAPACITY_UNAVAILABLE: &str =
    "Capacity is unavailable at this time. Please try again later or in a different availability zone";

/// How often placement sweeps every instance for agents that connected or went silent.
const CONNECTIVITY_SWEEP: std::time::Duration = std::time::Duration::from_millis(250);

/// Parses a cluster query language expression (ListContainerInstances' `filter`).
pub(crate) fn parse_filter(expression: &str) -> Result<scheduler::Expr> {
    scheduler::Expr::parse(expression)
        .map_err(|e| Error::invalid(format!("Invalid filter expression: {e}")))
}

impl App {
    /// What an instance's tasks hold, in the view and in flight.
    pub(crate) fn usage_with_pending(
        &self,
        view: &Snapshot,
        instance_id: &str,
    ) -> crate::state::Usage {
        let mut usage = view.usage(instance_id);
        self.for_each_pending(instance_id, |pending| {
            // Once the write is in the view the task is counted there; its in-flight
            // entry lingers until its caller returns and must not count twice.
            if view.tasks.contains_key(&pending.task_id) {
                return;
            }
            usage.reserved.cpu += pending.reservation.cpu;
            usage.reserved.memory_mib += pending.reservation.memory_mib;
            usage
                .reserved
                .tcp_ports
                .extend(&pending.reservation.tcp_ports);
            usage
                .reserved
                .udp_ports
                .extend(&pending.reservation.udp_ports);
            usage
                .reserved
                .gpus
                .extend(pending.reservation.gpus.iter().cloned());
            *usage.groups.entry(pending.group.clone()).or_insert(0) += 1;
            usage.pending += 1;
        });
        usage
    }

    fn scheduler_instance(&self, view: &Snapshot, record: &InstanceRecord) -> scheduler::Instance {
        let usage = self.usage_with_pending(view, &record.id);
        scheduler::Instance {
            // Failures name instances by ARN, as ECS's do.
            id: record.arn.clone(),
            ec2_instance_id: Some(record.hostname.clone()),
            status: match record.status.as_str() {
                "ACTIVE" => scheduler::InstanceStatus::Active,
                "DRAINING" => scheduler::InstanceStatus::Draining,
                _ => scheduler::InstanceStatus::Inactive,
            },
            agent_connected: self.agent_connected(&record.id),
            agent_version: Some(record.agent_version.clone()),
            launch_type: match record.launch_type {
                ecs::LaunchType::External => scheduler::LaunchType::External,
                _ => scheduler::LaunchType::Ec2,
            },
            registered: scheduler::Resources {
                cpu: i64::from(record.cpu),
                memory_mib: record.memory_mib,
                tcp_ports: record.reserved_tcp_ports.iter().copied().collect(),
                udp_ports: record.reserved_udp_ports.iter().copied().collect(),
                gpus: record.gpus.iter().cloned().collect(),
            },
            used: resources(&usage.reserved),
            attributes: record.attributes.clone(),
            instance_type: None,
            registered_at: record.registered_at,
            running_tasks_count: u32::try_from(usage.running + usage.pending).unwrap_or(0),
            task_groups: usage.groups,
        }
    }

    /// The cluster's scheduler state, brought up to date with the view: only instances
    /// whose record, usage or in-flight placements changed since the last decision are
    /// refreshed, plus a sweep for agent connection changes every [`CONNECTIVITY_SWEEP`].
    fn synced_cluster<'c>(
        &self,
        cache: &'c mut PlacementCache,
        view: &Snapshot,
        cluster: &str,
    ) -> Result<&'c mut scheduler::Cluster> {
        let stale = cache
            .clusters
            .get(cluster)
            .is_some_and(|c| c.epoch != view.epoch);
        if stale {
            cache.clusters.remove(cluster);
        }
        let cached = match cache.clusters.entry(cluster.to_owned()) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => entry.insert(CachedCluster {
                cluster: scheduler::Cluster::new(Vec::new())
                    .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?,
                known: HashMap::new(),
                booked: HashSet::new(),
                epoch: view.epoch,
                view_seen: 0,
                pending_seen: 0,
                connectivity_checked: std::time::Instant::now(),
            }),
        };
        let mut dirty: HashSet<String> = std::mem::take(&mut cached.booked);
        dirty.extend(
            view.instance_changes
                .since(cached.view_seen)
                .map(str::to_owned),
        );
        cached.view_seen = view.instance_changes.now();
        {
            let pending = self.pending();
            dirty.extend(
                pending
                    .changes
                    .since(cached.pending_seen)
                    .map(str::to_owned),
            );
            cached.pending_seen = pending.changes.now();
        }
        if cached.connectivity_checked.elapsed() >= CONNECTIVITY_SWEEP {
            cached.connectivity_checked = std::time::Instant::now();
            for (id, known) in &cached.known {
                if known.connected != self.agent_connected(id) {
                    dirty.insert(id.clone());
                }
            }
        }
        for id in dirty {
            let record = view
                .instance(cluster, &id)
                .filter(|record| record.status != "INACTIVE");
            let Some(record) = record else {
                if cached.known.remove(&id).is_some() {
                    let arn = self.config.scope.container_instance(cluster, &id);
                    cached.cluster.remove_instance(&arn);
                }
                continue;
            };
            let now = Known {
                record_version: record.version,
                connected: self.agent_connected(&id),
            };
            if cached.known.get(&id) == Some(&now) {
                let usage = self.usage_with_pending(view, &id);
                cached
                    .cluster
                    .set_usage(
                        &record.arn,
                        resources(&usage.reserved),
                        u32::try_from(usage.running + usage.pending).unwrap_or(0),
                        usage.groups,
                    )
                    .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
            } else {
                cached
                    .cluster
                    .upsert_instance(self.scheduler_instance(view, record));
                cached.known.insert(id, now);
            }
        }
        Ok(&mut cached.cluster)
    }

    /// Whether an instance passes a ListContainerInstances filter.
    pub(crate) fn instance_matches(
        &self,
        view: &Snapshot,
        record: &InstanceRecord,
        filter: &scheduler::Expr,
    ) -> bool {
        let instance = self.scheduler_instance(view, record);
        filter.matches(&instance)
    }

    /// Places `count` tasks of `demand` in `cluster`. The caller holds the placement
    /// lock and writes the tasks before releasing it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn place(
        &self,
        cache: &mut PlacementCache,
        view: &Snapshot,
        cluster: &str,
        demand: &Demand,
        count: usize,
        target: PlacementTarget<'_>,
        group: &str,
        launch_type: ecs::LaunchType,
    ) -> Result<PlacementOutcome> {
        // FARGATE tasks go to the control plane's pool, whatever the user's cluster.
        let fargate = launch_type == ecs::LaunchType::Fargate;
        let cluster = if fargate {
            super::fargate::FARGATE_POOL_CLUSTER
        } else {
            cluster
        };
        let task = scheduler::TaskDemand {
            cpu: i64::from(demand.reservation.cpu),
            memory_mib: demand.reservation.memory_mib,
            tcp_ports: demand.reservation.tcp_ports.clone(),
            udp_ports: demand.reservation.udp_ports.clone(),
            gpus: demand.gpus(),
            group: Some(group.to_owned()),
            launch_type: Some(match launch_type {
                ecs::LaunchType::External => scheduler::LaunchType::External,
                _ => scheduler::LaunchType::Ec2,
            }),
            required_attributes: demand.required_attributes.clone(),
        };
        task.validate().map_err(|e| Error::invalid(e.to_string()))?;
        match target {
            PlacementTarget::Strategies {
                strategies,
                constraints,
                definition_constraints,
            } => {
                // The pool spreads FARGATE tasks over its hosts (a lost host takes few of
                // a service's tasks), then packs by memory within a host.
                let fargate_strategies = [
                    PlacementStrategy {
                        type_: Some(ecs::PlacementStrategyType::Spread),
                        field: Some("instanceId".to_owned()),
                    },
                    PlacementStrategy {
                        type_: Some(ecs::PlacementStrategyType::Binpack),
                        field: Some("memory".to_owned()),
                    },
                ];
                let strategies = if fargate {
                    &fargate_strategies[..]
                } else {
                    strategies
                };
                let strategies = strategies
                    .iter()
                    .map(|s| {
                        scheduler::parse_strategy(
                            s.type_.map(|t| t.as_str()).unwrap_or_default(),
                            s.field.as_deref(),
                        )
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(|e| Error::invalid(format!("Invalid placement strategy: {e}")))?;
                let mut parsed = Vec::new();
                for c in constraints {
                    parsed.push(
                        scheduler::parse_constraint(
                            c.type_.map(|t| t.as_str()).unwrap_or_default(),
                            c.expression.as_deref(),
                        )
                        .map_err(|e| {
                            Error::invalid(format!("Invalid placement constraint: {e}"))
                        })?,
                    );
                }
                for c in definition_constraints {
                    parsed.push(
                        scheduler::parse_constraint(
                            c.type_.map(|t| t.as_str()).unwrap_or_default(),
                            c.expression.as_deref(),
                        )
                        .map_err(|e| {
                            Error::invalid(format!("Invalid placement constraint: {e}"))
                        })?,
                    );
                }
                let request = scheduler::PlacementRequest {
                    demand: task,
                    count,
                    strategies,
                    constraints: parsed,
                    seed: rand::random(),
                };
                let scheduler_cluster = self.synced_cluster(cache, view, cluster)?;
                let result = scheduler_cluster
                    .place(&request)
                    .map_err(|e| Error::invalid(e.to_string()))?;
                let mut outcome = PlacementOutcome::default();
                let mut booked = HashSet::new();
                outcome.failures = result.ecs_failures();
                if fargate && !outcome.failures.is_empty() {
                    // The pool's hosts are nobody's container instances: say that capacity
                    // is short, as Fargate does, without naming them.
                    outcome.failures = std::iter::once(Failure {
                            arn: None,
                            reason: Some(FARGATE_CAPACITY_UNAVAILABLE.to_owned()),
                            detail: Some(
                                "The Fargate pool has no host with room for the task's cpu and memory (hosts join it with `berth agent --capacity fargate`)."
                                    .to_owned(),
                            ),
                        })
                    .collect();
                }
                for placement in result.placements {
                    let arn = placement.instance_id;
                    let id = arn
                        .rsplit_once('/')
                        .map_or(arn.as_str(), |(_, id)| id)
                        .to_owned();
                    booked.insert(id.clone());
                    outcome.instances.push(PlacedTask {
                        instance_id: id,
                        instance_arn: arn,
                        gpu_ids: placement.gpu_ids,
                    });
                }
                // What the `Cluster` booked is a guess until the caller records these tasks
                // as in flight or gives up: these instances are re-read from the view and
                // the in-flight set before the next decision either way.
                if let Some(cached) = cache.clusters.get_mut(cluster) {
                    cached.booked.extend(booked);
                }
                Ok(outcome)
            }
            PlacementTarget::Instances(targets) => {
                let mut outcome = PlacementOutcome::default();
                // One single-instance cluster per named instance, so that earlier tasks
                // of this call count against it.
                let mut clusters: Vec<(String, scheduler::Cluster)> = Vec::new();
                let mut chosen: Vec<Option<&InstanceRecord>> = Vec::new();
                for (_, id) in targets {
                    let record = view
                        .instance(cluster, id)
                        .filter(|i| i.status != "INACTIVE");
                    chosen.push(record);
                }
                for (slot, (given, _)) in chosen.iter().zip(targets.iter()) {
                    let Some(record) = slot else {
                        outcome.failures.push(Failure {
                            arn: Some(given.clone()),
                            reason: Some("MISSING".into()),
                            detail: None,
                        });
                        continue;
                    };
                    let position = clusters.iter().position(|(arn, _)| arn == &record.arn);
                    let index = match position {
                        Some(index) => index,
                        None => {
                            let cluster =
                                scheduler::Cluster::new(
                                    vec![self.scheduler_instance(view, record)],
                                )
                                .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
                            clusters.push((record.arn.clone(), cluster));
                            clusters.len() - 1
                        }
                    };
                    let request = scheduler::PlacementRequest {
                        demand: task.clone(),
                        count: 1,
                        strategies: Vec::new(),
                        constraints: Vec::new(),
                        seed: 0,
                    };
                    let result = clusters[index]
                        .1
                        .place(&request)
                        .map_err(|e| Error::invalid(e.to_string()))?;
                    let failures = result.ecs_failures();
                    match result.placements.into_iter().next() {
                        Some(placement) => outcome.instances.push(PlacedTask {
                            instance_id: record.id.clone(),
                            instance_arn: record.arn.clone(),
                            gpu_ids: placement.gpu_ids,
                        }),
                        None => outcome.failures.extend(failures),
                    }
                }
                Ok(outcome)
            }
        }
    }
}

fn resources(reservation: &Reservation) -> scheduler::Resources {
    scheduler::Resources {
        cpu: i64::from(reservation.cpu),
        memory_mib: reservation.memory_mib,
        tcp_ports: reservation.tcp_ports.iter().copied().collect(),
        udp_ports: reservation.udp_ports.iter().copied().collect(),
        gpus: reservation.gpus.iter().cloned().collect(),
    }
}
